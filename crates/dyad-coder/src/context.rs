//! The document-level context pass: reads a document's sentences in order and codes what a
//! single sentence cannot say by itself.
//!
//! The sentence coder ([`Coder::analyze`]) codes each sentence from its own words and says what
//! it named ([`SentenceFacts`]). This pass then walks the document with a small memory:
//! - **the document's parties**: the states and organisations it names most (the headline and
//!   lede count double), so that an act without a named counterpart ("…was signed", "we believe
//!   this decision to be mistaken") gets the other party of the document;
//! - **the speaker**: who spoke last (the actor before a reporting verb, `"…," Bush said`), so
//!   that he, 他, он, a quotation that runs on, and "we" inside it are resolved;
//! - **the subject**: the first actor of the last sentence that named one.
//!
//! From these it adds two kinds of events:
//! 1. **statements**: a sentence with a reporting or speech verb (said, 表示, заявил; condemned,
//!    谴责, призвал) or inside a running quotation gives a statement of its speaker about the
//!    states it names (else the document's other party). Its CAMEO code comes from stance words
//!    (`context/<lang>.tsv`): criticism 111, accusation 112, demand 100, threat 130, praise 051,
//!    else a plain statement 010. A sentence whose coded events already include a statement of
//!    that speaker gets none.
//! 2. **acts whose actors lie outside the sentence**: a verb cue the sentence coder read as an act
//!    but could not give parties (a passive without agent, a pronoun subject, a subject in the
//!    previous sentence) takes its source from the sentence before the cue, else the pronoun's
//!    referent or the last subject, and its target after the cue, else the document's other
//!    party. Its negation and modality are the cue's own.
//!
//! Every added event says in its explain trace how each actor and the date were found.

use crate::coder::{CodedEvent, Coder, CueFact, Mention, SentenceFacts, SentenceInput};
use crate::dates::DateContext;
use crate::dict::{ContextKind, Frame, GrammarKind, PronounKind, QuoteKind};
use crate::stance::Stance;
use dyad_model::{ActorRef, EventDate, Lang, Precision};
use std::collections::{BTreeSet, HashMap};

/// One sentence of a document, in reading order.
#[derive(Debug, Clone, Copy)]
pub struct DocSentence<'a> {
    pub lang: Lang,
    /// The normalised sentence text.
    pub text: &'a str,
    /// Paragraph number (any numbering that grows through the document).
    pub paragraph: u32,
    /// A footnote body: not coded (it cites, it does not narrate); the date context runs on.
    pub note: bool,
}

/// An event of a document with the index of its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEvent {
    pub sentence: usize,
    pub event: CodedEvent,
}

/// CAMEO prefixes of one-sided acts that concern the other party even when the sentence does not
/// name it: threats (13: Россия ответит, 中方将予以回应), withdrawal and sanctions (16), coercion
/// (17), force (15, 18–20).
const ONE_SIDED: &[&str] = &["15", "16", "17", "18", "19", "20"];

/// The most characters between a pronoun and a party joined to it by "and" (he and Putin, он и
/// Путин, 他和普京) for the party to be the pronoun's partner.
const AND_GAP: usize = 5;

/// The stance model's probability from which its stance decides a statement's kind.
const STANCE_SURE: f32 = 0.5;

/// The most characters between a negation and the stance word it negates (does not pose a
/// threat, 不是为了威胁).
const NEGATION_REACH: usize = 12;

/// Sentences outside quotations in the first person that make a document first-person.
const VOICED: usize = 2;

/// How far into a sentence (characters) the name of an agreement counts as its opening.
const OPENING: usize = 12;

/// The most sentences back a speaker or subject is remembered (a speaker who goes on speaking
/// is remembered from the last sentence that was theirs).
const MEMORY: usize = 4;

#[derive(Debug, Clone)]
struct Remembered {
    code: String,
    at: usize,
    /// How the text named it: a span of sentence `at` (read only when an explanation needs it),
    /// or the name itself.
    name: Name,
    /// Inferred from the document's salience, not named as a speaker (a first-person document's
    /// voice): what it says counts only about the parties its sentences name.
    assumed: bool,
}

#[derive(Debug, Clone)]
enum Name {
    Span(usize, usize),
    Text(String),
}

impl Coder {
    /// Codes a document: every sentence through the sentence coder with a running date context,
    /// then the context pass (module docs). Events come in sentence order.
    pub fn code_document(
        &self,
        published: Option<EventDate>,
        sentences: &[DocSentence],
    ) -> Vec<DocEvent> {
        let mut ctx = DateContext::new(published);
        let mut coded: Vec<(Vec<CodedEvent>, SentenceFacts<'_>)> =
            Vec::with_capacity(sentences.len());
        for s in sentences {
            if s.note {
                coded.push((Vec::new(), SentenceFacts::default()));
                continue;
            }
            ctx.paragraph(s.paragraph);
            coded.push(self.analyze(
                &SentenceInput {
                    lang: s.lang,
                    text: s.text,
                },
                &mut ctx,
            ));
        }
        let offices = resolve_offices(sentences, &mut coded);
        let parties = Parties::of(&coded);
        let voice = self.voice(&coded, &parties);
        // the day the story tells of: a day named in the first sentences (the dateline, the
        // lede) within a week before publication; else the publication date
        let story = coded
            .iter()
            .take(3)
            .flat_map(|(_, f)| [f.report_date, f.date])
            .flatten()
            .find(|d| {
                d.precision() == Precision::Day
                    && published.is_none_or(|p| {
                        p.precision() == Precision::Day
                            && d.ordinal() <= p.ordinal()
                            && p.ordinal() - d.ordinal() <= 7
                    })
            })
            .or(published);
        let mut pass = Pass {
            coder: self,
            texts: sentences.iter().map(|s| s.text).collect(),
            paragraphs: sentences.iter().map(|s| s.paragraph).collect(),
            parties,
            speaker: None,
            voice,
            subject: None,
            in_quote: false,
            last_date: None,
            published: story,
            issued: published,
            agreed: None,
            said: None,
        };
        let mut out = Vec::with_capacity(sentences.len());
        for (i, (s, (events, facts))) in sentences.iter().zip(coded).enumerate() {
            let events = narrow_multilateral(events, &pass.parties);
            let mut added = if s.note {
                Vec::new()
            } else {
                pass.sentence(i, s, &events, &facts)
            };
            // say how a role word alone was read
            for e in &mut added {
                for (code, note) in &offices[i] {
                    if e.source.code == *code || e.target.code == *code {
                        e.explain.push_str("; ");
                        e.explain.push_str(note);
                    }
                }
            }
            out.extend(
                events
                    .into_iter()
                    .map(|event| DocEvent { sentence: i, event }),
            );
            out.extend(
                added
                    .into_iter()
                    .map(|event| DocEvent { sentence: i, event }),
            );
        }
        out
    }
}

impl Coder {
    /// The voice of a first-person document (a statement, a speech, a fact sheet): at least
    /// two sentences outside quotations speak as "I" or "we" without a reporting verb. The voice
    /// is the document's most salient party (measured on the development corpus, the first
    /// party named is as often the one the statement is about).
    fn voice(
        &self,
        coded: &[(Vec<CodedEvent>, SentenceFacts<'_>)],
        parties: &Parties,
    ) -> Option<Remembered> {
        let dict = self.dictionaries();
        let kinds = |f: &SentenceFacts<'_>| -> Vec<&ContextKind> {
            f.words
                .iter()
                .map(|&(w, _)| &dict.context[w].kind)
                .collect()
        };
        let voiced = coded
            .iter()
            .filter(|(_, f)| {
                let k = kinds(f);
                f.reports.is_empty()
                    && k.contains(&&ContextKind::Pronoun(PronounKind::First))
                    && !k.iter().any(|k| matches!(k, ContextKind::Quote(_)))
            })
            .count();
        if voiced < VOICED {
            return None;
        }
        parties.ranked.first().map(|c| Remembered {
            code: c.clone(),
            at: 0,
            name: Name::Text(format!("{c} (the document's main party)")),
            assumed: true,
        })
    }
}

/// A role word alone (总统, the president, президент, 秘书长) names the person last named in that
/// position: it becomes a mention of that person's state (and the office is no longer read as the
/// office of the document's other party). Returns, for each sentence, what it resolved: `(code,
/// explanation)` for the events that take one of its codes.
fn resolve_offices(
    sentences: &[DocSentence],
    coded: &mut [(Vec<CodedEvent>, SentenceFacts<'_>)],
) -> Vec<Vec<(String, String)>> {
    let text = |i: usize, (a, b): (usize, usize)| -> String {
        sentences[i].text.chars().skip(a).take(b - a).collect()
    };
    // position → (state, sentence, span) of the person last named in it
    let mut last: HashMap<&str, (&str, usize, (usize, usize))> = HashMap::new();
    let mut notes = Vec::with_capacity(coded.len());
    for (i, (_, f)) in coded.iter_mut().enumerate() {
        let mut resolved: Vec<Mention<'_>> = Vec::new();
        let mut keep = Vec::with_capacity(f.offices.len());
        let mut said = Vec::new();
        for o in &f.offices {
            // a person named earlier in the same sentence counts too
            let here = f
                .actors
                .iter()
                .filter(|m| m.span.1 <= o.span.0)
                .filter_map(|m| Some((m.position?, m)))
                .rfind(|(p, _)| Some(*p) == o.position)
                .map(|(_, m)| (m.code, i, m.span));
            let Some((position, (code, at, span))) = o
                .position
                .and_then(|p| Some((p, here.or_else(|| last.get(p).copied())?)))
            else {
                keep.push(*o);
                continue;
            };
            resolved.push(Mention {
                code,
                span: o.span,
                person: true,
                position: o.position,
                connector: o.connector,
            });
            said.push((
                code.to_string(),
                format!(
                    "`{}` is `{}` (sentence {}), the last person named as {position}",
                    text(i, o.span),
                    text(at, span),
                    at + 1
                ),
            ));
        }
        for m in &f.actors {
            if let Some(p) = m.position {
                last.insert(p, (m.code, i, m.span));
            }
        }
        if !resolved.is_empty() {
            f.offices = keep;
            f.actors.extend(resolved);
            f.actors.sort_by_key(|m| m.span);
        }
        notes.push(said);
    }
    notes
}

/// A symmetric act among more than two parties of one list (美国、德国、波兰……俄罗斯等7国进行囚犯交换)
/// names a multilateral happening whose pairs the sentence does not say: it is kept as the pairs
/// of the document's two main parties where it has both, else of its first three among its
/// participants, else as its first pair.
fn narrow_multilateral(events: Vec<CodedEvent>, parties: &Parties) -> Vec<CodedEvent> {
    // three parties of one symmetric act make at least six events
    if events.len() < 6 {
        return events;
    }
    // the sources of each cue's events: a symmetric act of three or more has as many sources (a
    // directed act on a list of targets has one, and is left alone)
    let mut by_cue: HashMap<((usize, usize), &str), BTreeSet<&str>> = HashMap::new();
    for e in &events {
        by_cue
            .entry((e.span, e.cameo.as_str()))
            .or_default()
            .insert(e.source.code.as_str());
    }
    // a subject with each of its partners (美国同英国、法国和德国讨论) is a star, every pair
    // with the subject: the sentence says each pair, and all are kept
    let star = |span: (usize, usize), cameo: &str| {
        let of_cue: Vec<&CodedEvent> = events
            .iter()
            .filter(|e| e.span == span && e.cameo == cameo)
            .collect();
        of_cue.first().is_some_and(|first| {
            [&first.source.code, &first.target.code].iter().any(|hub| {
                of_cue
                    .iter()
                    .all(|e| e.source.code == **hub || e.target.code == **hub)
            })
        })
    };
    let multi: Vec<((usize, usize), String)> = by_cue
        .into_iter()
        .filter(|((span, cameo), sources)| sources.len() > 2 && !star(*span, cameo))
        .map(|((span, cameo), _)| (span, cameo.to_string()))
        .collect();
    if multi.is_empty() {
        return events;
    }
    let mut multi_counts: HashMap<((usize, usize), String), usize> = HashMap::new();
    for e in &events {
        *multi_counts.entry((e.span, e.cameo.clone())).or_default() += 1;
    }
    // the pair the document is about, where the act has both; else its three main parties
    let pair_of =
        |n: usize| -> Vec<&str> { parties.ranked.iter().take(n).map(String::as_str).collect() };
    let kept_by = |main: &[&str]| -> BTreeSet<((usize, usize), String)> {
        events
            .iter()
            .filter(|e| {
                main.contains(&e.source.code.as_str()) && main.contains(&e.target.code.as_str())
            })
            .map(|e| (e.span, e.cameo.clone()))
            .collect()
    };
    let (two, three) = (pair_of(2), pair_of(3));
    let (kept_two, kept_three) = (kept_by(&two), kept_by(&three));
    let mut out = Vec::with_capacity(events.len());
    let mut first_pair: HashMap<((usize, usize), String), (String, String)> = HashMap::new();
    for e in events {
        let key = (e.span, e.cameo.clone());
        if !multi.contains(&key) {
            out.push(e);
            continue;
        }
        let main = if kept_two.contains(&key) {
            Some(&two)
        } else if kept_three.contains(&key) {
            Some(&three)
        } else {
            None
        };
        let keep = if let Some(main) = main {
            main.contains(&e.source.code.as_str()) && main.contains(&e.target.code.as_str())
        } else {
            let (a, b) = first_pair
                .entry(key)
                .or_insert_with(|| (e.source.code.clone(), e.target.code.clone()));
            (e.source.code == *a && e.target.code == *b)
                || (e.source.code == *b && e.target.code == *a)
        };
        if keep {
            out.push(e);
        }
    }
    // say so on the events kept of an act that lost some of its pairs
    for key in &multi {
        let before = multi_counts.get(key).copied().unwrap_or(0);
        let after = out
            .iter()
            .filter(|e| (e.span, e.cameo.clone()) == *key)
            .count();
        if after < before {
            for e in out.iter_mut().filter(|e| (e.span, e.cameo.clone()) == *key) {
                e.explain.push_str(
                    "; multilateral act: kept as the pair of the document's main parties among its participants",
                );
            }
        }
    }
    out
}

/// Where the clause that holds character `at` of `text` starts (character index): after the
/// last comma or semicolon before it, and after a list mark (、) too when `list` is set.
fn clause_start(text: &str, at: usize, list: bool) -> usize {
    text.chars()
        .take(at)
        .enumerate()
        .filter(|(_, c)| matches!(c, ',' | '，' | ';' | '；') || (list && *c == '、'))
        .map(|(i, _)| i + 1)
        .last()
        .unwrap_or(0)
}

/// At most this many characters between a reported act and the subject its clause names (美国
/// 扩大制裁, the government ordered them to leave): further on, the verb between them is as often a
/// plan or a topic (NATO will now work on issues such as exercises).
const NEAR_SUBJECT: usize = 24;

/// At most this many characters (a preposition, an article, an adjective) between an act cue and a one-sided
/// act it takes as its object (respond to the sanctions, ответит на санкции, 回应制裁).
const OBJECT_GAP: usize = 12;

/// Where the sentence's first reporting or speech verb starts (character index).
fn first_speech(f: &SentenceFacts<'_>, words: &[Word]) -> Option<usize> {
    f.reports
        .iter()
        .map(|r| r.0)
        .chain(
            words
                .iter()
                .filter(|w| matches!(w.kind, ContextKind::Speech(_)))
                .map(|w| w.span.0),
        )
        .min()
}

/// The quoted stretches of a sentence (character spans, closing mark included), from its
/// quotation marks; `open`: the sentence begins inside a quotation. A quotation still open at the
/// end of the sentence is not one (it runs on, or the mark was stray).
fn quoted_spans(words: &[Word], open: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = open.then_some(0);
    for w in words {
        if let ContextKind::Quote(q) = w.kind {
            let closes = match q {
                QuoteKind::Open => false,
                QuoteKind::Close => true,
                QuoteKind::Both => start.is_some(),
            };
            match (closes, start) {
                (true, Some(a)) => {
                    out.push((a, w.span.1));
                    start = None;
                }
                (true, None) => {}
                (false, _) => start = Some(w.span.0),
            }
        }
    }
    out
}

/// The document's parties by salience.
#[derive(Debug, Default)]
struct Parties {
    ranked: Vec<String>,
    /// Weighted mentions of each ranked party, in the same order.
    counts: Vec<usize>,
}

impl Parties {
    fn of(coded: &[(Vec<CodedEvent>, SentenceFacts<'_>)]) -> Parties {
        let mut count: HashMap<&str, usize> = HashMap::new();
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, (_, f)) in coded.iter().enumerate() {
            for m in &f.actors {
                *count.entry(m.code).or_default() += if i < 2 { 2 } else { 1 };
                first.entry(m.code).or_insert(i);
            }
        }
        let mut ranked: Vec<&str> = count.keys().copied().collect();
        ranked.sort_by_key(|c| (std::cmp::Reverse(count[c]), first[c], *c));
        Parties {
            counts: ranked.iter().map(|c| count[c]).collect(),
            ranked: ranked.into_iter().map(str::to_string).collect(),
        }
    }

    /// The parties a statement of `code` is about when it names none: the most salient other
    /// party, and the next one too when it is named at least half as often (a document about a
    /// war between two others of which the speaker speaks).
    fn others(&self, code: &str) -> Vec<&str> {
        let cands: Vec<(&str, usize)> = self
            .ranked
            .iter()
            .zip(&self.counts)
            .take(3)
            .filter(|(c, _)| c.as_str() != code)
            .map(|(c, n)| (c.as_str(), *n))
            .collect();
        match cands.as_slice() {
            [] => Vec::new(),
            [(a, _)] => vec![a],
            [(a, na), (b, nb), ..] => {
                if nb * 2 >= *na {
                    vec![a, b]
                } else {
                    vec![a]
                }
            }
        }
    }

    /// Whether `code` is one of the document's main parties (the first four).
    fn is_main(&self, code: &str) -> bool {
        self.ranked.iter().take(4).any(|c| c == code)
    }

    /// The most salient party other than `code`.
    fn other(&self, code: &str) -> Option<&str> {
        self.ranked
            .iter()
            .take(3)
            .find(|c| c.as_str() != code)
            .map(String::as_str)
    }
}

struct Pass<'c> {
    coder: &'c Coder,
    /// The document's sentences, for the names in explanations.
    texts: Vec<&'c str>,
    /// The paragraph of each sentence.
    paragraphs: Vec<u32>,
    parties: Parties,
    speaker: Option<Remembered>,
    /// The document's own voice: who says "I" and "we" outside quotations (a transcript's
    /// speaker line, else in a first-person document its first-named party); never forgotten.
    voice: Option<Remembered>,
    subject: Option<Remembered>,
    in_quote: bool,
    last_date: Option<EventDate>,
    /// The day the document tells of: its dateline or lede, moved on by the later days of the
    /// story it names (within the week before `issued`).
    published: Option<EventDate>,
    /// The document's publication date.
    issued: Option<EventDate>,
    /// The document's last factual agreement (057, 03x) as coded: its parties, date and cue.
    agreed: Option<(String, String, EventDate, usize)>,
    /// The last statement with a date of its own (or carried from one): its speaker, date and
    /// sentence.
    said: Option<(String, EventDate, usize)>,
}

/// A context word found in the sentence.
struct Word<'d> {
    kind: &'d ContextKind,
    span: (usize, usize),
    origin: &'d str,
}

impl Pass<'_> {
    fn sentence(
        &mut self,
        i: usize,
        s: &DocSentence,
        events: &[CodedEvent],
        f: &SentenceFacts<'_>,
    ) -> Vec<CodedEvent> {
        let dict = self.coder.dictionaries();
        let mut words: Vec<Word> = f
            .words
            .iter()
            .map(|&(w, span)| Word {
                kind: &dict.context[w].kind,
                span,
                origin: &dict.context[w].origin,
            })
            .collect();
        words.sort_by_key(|w| w.span);
        // forget what is too far back
        for r in [&mut self.speaker, &mut self.subject] {
            if r.as_ref().is_some_and(|x| i > x.at + MEMORY) {
                *r = None;
            }
        }
        // a byline heading (Statement by President …, Заявление МИД России, 外交部声明, with no
        // closing punctuation): the state it names speaks the first-person sentences after it
        let heading = !s
            .text
            .trim_end()
            .ends_with(['.', '。', '!', '！', '?', '？', '"', '”', '»', '」']);
        if heading && words.iter().any(|w| *w.kind == ContextKind::Byline) {
            if let Some(m) = f.actors.first() {
                let name: String = s
                    .text
                    .chars()
                    .skip(m.span.0)
                    .take(m.span.1 - m.span.0)
                    .collect();
                self.voice = Some(Remembered {
                    code: m.code.to_string(),
                    at: i,
                    name: Name::Text(name),
                    assumed: false,
                });
                self.speaker = None;
                self.subject = None;
                return Vec::new();
            }
        }
        let quoted_before = self.in_quote;
        for w in &words {
            if let ContextKind::Quote(q) = w.kind {
                self.in_quote = match q {
                    QuoteKind::Open => true,
                    QuoteKind::Close => false,
                    QuoteKind::Both => !self.in_quote,
                };
            }
        }
        let date = f
            .report_date
            .or(f.date)
            .or(f.running)
            .or(self.published)
            .or(self.last_date);
        let date_why = if f.report_date.is_some() || f.date.is_some() {
            "date of the sentence"
        } else if f.running.is_some() {
            "running date of the paragraph"
        } else if self.published.is_some() {
            "the day the document tells of (its dateline or lede, else its date)"
        } else {
            "last date of the document"
        };
        let mut added = Vec::new();
        // a statement is dated by its report, else by a date that opens the sentence before any
        // reporting or speech verb (В декабре 2018 года США выдвинули…, по мнению Вашингтона…; not
        // the March 4 attack in "denounced the March 4 attack"), else it was
        // made when the document says
        let first_report = first_speech(f, &words);
        let opening = f.date.filter(|_| {
            f.date_at
                .is_some_and(|a| first_report.is_none_or(|r| a < r))
        });
        let said = f.report_date.or(opening).or(self.published).or(date);
        let said_why = if f.report_date.is_some() {
            "date of the report"
        } else if opening.is_some() {
            "date of the sentence, before its reporting verb"
        } else if self.published.is_some() {
            "the day the document tells of (its dateline or lede, else its date)"
        } else {
            date_why
        };
        if let Some(said) = said {
            self.statements(
                i,
                s,
                events,
                f,
                &words,
                quoted_before,
                said,
                said_why,
                &mut added,
            );
        }
        if let Some(date) = date {
            self.acts(i, events, f, &words, date, date_why, &mut added);
        }
        self.justification(events, &words, &mut added);
        if added.is_empty() && events.iter().all(|e| e.negated || e.hypothetical) {
            self.restated_agreement(i, f, &words, &mut added);
        }
        // remember
        if let Some(e) = events.iter().chain(added.iter()).find(|e| {
            !e.negated
                && !e.hypothetical
                && (e.cameo.starts_with("057") || e.cameo.starts_with("03"))
        }) {
            self.agreed = Some((e.source.code.clone(), e.target.code.clone(), e.date, i));
        }
        if let Some(d) = f.date {
            self.last_date = Some(d);
        }
        // 川普20日宣布…。……他22日与拉夫罗夫讨论: a later day of the story, in the week before
        // publication, is the day the rest of the document tells of
        {
            for d in [f.report_date, f.date].into_iter().flatten() {
                let later = self
                    .published
                    .is_some_and(|p| p.precision() == Precision::Day && d.ordinal() > p.ordinal());
                let in_week = self.issued.is_some_and(|p| {
                    p.precision() == Precision::Day
                        && d.ordinal() < p.ordinal()
                        && p.ordinal() - d.ordinal() <= 7
                });
                if d.precision() == Precision::Day && later && in_week {
                    self.published = Some(d);
                }
            }
        }
        if let Some(m) = f.actors.first() {
            match &mut self.subject {
                Some(r) => {
                    if r.code != m.code {
                        r.code.clear();
                        r.code.push_str(m.code);
                    }
                    r.at = i;
                    r.name = Name::Span(m.span.0, m.span.1);
                }
                None => {
                    self.subject = Some(Remembered {
                        code: m.code.to_string(),
                        at: i,
                        name: Name::Span(m.span.0, m.span.1),
                        assumed: false,
                    })
                }
            }
        }
        added
    }

    /// A one-sided measure given a reason that judges its target (退出条约，理由是俄方违约;
    /// withdrew, citing Russian violations; под предлогом нарушений) also accuses the target
    /// (112), on the measure's date: a reason word, then a word of criticism after it.
    fn justification(&self, events: &[CodedEvent], words: &[Word], out: &mut Vec<CodedEvent>) {
        let Some(reason) = words.iter().find(|w| *w.kind == ContextKind::Reason) else {
            return;
        };
        // after the reason word (理由是俄方违约, citing violations), or just before a closing one
        // (以俄罗斯违约为由)
        let judged = words.iter().find(|w| {
            (w.span.0 >= reason.span.0 || w.span.1 + 12 >= reason.span.0)
                && matches!(&w.kind, ContextKind::Stance(c) | ContextKind::Speech(c) if c.starts_with("11"))
        });
        let Some(judged) = judged else { return };
        let measure = events.iter().chain(out.iter()).find(|e| {
            !e.negated && !e.hypothetical && ONE_SIDED.iter().any(|r| e.cameo.starts_with(r))
        });
        let Some(m) = measure.cloned() else { return };
        let accused = events.iter().chain(out.iter()).any(|e| {
            e.source.code == m.source.code
                && e.target.code == m.target.code
                && e.cameo.starts_with("11")
        });
        if accused {
            return;
        }
        let explain = vec![
            format!(
                "context: the reason ({}) given for the measure {} judges its target ({}) → 112",
                reason.origin, m.cameo, judged.origin
            ),
            format!("source {}: the measure's subject", m.source.code),
            format!("target {}: the measure's target", m.target.code),
            "date: the measure's date".to_string(),
        ];
        if let Some(ev) = self.event(
            &m.source.code,
            &m.target.code,
            "112",
            m.date,
            (false, false),
            reason.span,
            explain,
        ) {
            out.push(ev);
        }
    }

    /// A sentence that opens with the name of an agreement (the treaty will cut…, 按照该协议两国将…,
    /// Новое соглашение сократит…) states its terms: it repeats the document's last agreement,
    /// with its parties and date, as long as that agreement was reported at most a few sentences
    /// before.
    fn restated_agreement(
        &self,
        i: usize,
        f: &SentenceFacts<'_>,
        words: &[Word],
        out: &mut Vec<CodedEvent>,
    ) {
        let Some((a, b, date, at)) = &self.agreed else {
            return;
        };
        if i > at + 2 * MEMORY {
            return;
        }
        // …after a reporting verb (他在声明中说："这项条约将…") the name is what was said, no opening
        let said_before = |at: usize| first_speech(f, words).is_some_and(|r| r < at);
        let opens = words.iter().any(|w| {
            *w.kind == ContextKind::Agreement && w.span.0 <= OPENING && !said_before(w.span.0)
        });
        let negated_or_modal = f.cues.iter().any(|c| c.negated);
        // 条约须获两国议会批准, the treaty expired: its standing, not its terms
        let standing = words.iter().any(|w| *w.kind == ContextKind::Standing);
        if !opens || negated_or_modal || standing {
            return;
        }
        let why = |x: &str| {
            format!(
                "{x}: a party of the agreement reported in sentence {}",
                at + 1
            )
        };
        for (s, t) in [(a, b), (b, a)] {
            if let Some(ev) = self.event(
                s,
                t,
                "057",
                *date,
                (false, false),
                (0, 0),
                vec![
                    "context: the sentence opens with an agreement's name and states its terms → 057"
                        .into(),
                    format!("source {}", why(s)),
                    format!("target {}", why(t)),
                    "date: the agreement's".into(),
                ],
            ) {
                out.push(ev);
            }
        }
    }

    /// The speaker of a statement whose verb starts at `at`: the nearest actor or pronoun before
    /// it (a pronoun resolved to the last speaker or subject), else (alphabetic scripts) an actor
    /// right after it (`said Putin`).
    fn speaker_at(
        &self,
        s: &DocSentence,
        f: &SentenceFacts<'_>,
        words: &[Word],
        at: (usize, usize),
        quoted_before: bool,
    ) -> Option<(String, String)> {
        // the speaker is the nearest actor before the verb in its own clause; a verb that opens
        // its clause (…达成协议，要求叙利亚…; Bush, speaking in Beijing, said) has the sentence's
        // subject, its first actor
        let clause_start = clause_start(s.text, at.0, true);
        // a quotation closed before the verb ("…", — заявил Песков; "…," Biden said): the
        // speaker is not among the words quoted
        let quote_end = quoted_spans(words, quoted_before)
            .into_iter()
            .map(|(_, b)| b)
            .rfind(|&b| b <= at.0);
        let outside = |span: (usize, usize)| quote_end.is_none_or(|e| span.0 >= e);
        let clause_start = clause_start.max(quote_end.unwrap_or(0));
        let subject_like = |m: &&Mention<'_>| matches!(m.connector, None | Some(GrammarKind::And));
        let mention = f
            .actors
            .iter()
            .filter(|m| m.span.1 <= at.0 && m.span.0 >= clause_start)
            .filter(subject_like)
            .max_by_key(|m| m.span.1)
            .or_else(|| {
                f.actors
                    .iter()
                    .filter(|m| m.span.1 <= at.0 && outside(m.span))
                    .filter(subject_like)
                    .min_by_key(|m| m.span.0)
            });
        let pronoun = words
            .iter()
            .filter(|w| {
                matches!(w.kind, ContextKind::Pronoun(_)) && w.span.1 <= at.0 && outside(w.span)
            })
            .max_by_key(|w| w.span.1);
        let name = |m: &Mention<'_>| -> String {
            s.text
                .chars()
                .skip(m.span.0)
                .take(m.span.1 - m.span.0)
                .collect()
        };
        // 外务省召见俄罗斯大使表示抗议, summoned the ambassador and said: the object of an act
        // right before it does not speak; the act's subject does
        let mention = mention.map(|m| {
            let object_of = f.cues.iter().find(|c| {
                c.span.1 <= m.span.0 && m.span.0 - c.span.1 <= 2 && c.span.0 >= clause_start
            });
            object_of
                .and_then(|c| {
                    f.actors
                        .iter()
                        .filter(|x| x.span.1 <= c.span.0 && x.span.0 >= clause_start)
                        .filter(subject_like)
                        .max_by_key(|x| x.span.1)
                })
                .unwrap_or(m)
        });
        // the nearer of the two wins
        let mention = mention.filter(|m| pronoun.is_none_or(|p| p.span.1 <= m.span.1));
        if let Some(m) = mention {
            return Some((m.code.to_string(), format!("`{}` before the verb", name(m))));
        }
        if let Some(p) = pronoun {
            // 克里要求叙利亚…，他表示: a third-person pronoun after a person named earlier in the
            // sentence is that person, not the last speaker of the document
            let third = *p.kind == ContextKind::Pronoun(PronounKind::Third);
            let earlier = f
                .actors
                .iter()
                .filter(|m| m.person && m.span.1 <= p.span.0 && outside(m.span))
                .filter(subject_like)
                .min_by_key(|m| m.span.0);
            if let (true, Some(m)) = (third, earlier) {
                return Some((
                    m.code.to_string(),
                    format!(
                        "pronoun ({}) → `{}` named earlier in the sentence",
                        p.origin,
                        name(m)
                    ),
                ));
            }
            return self.resolve(p);
        }
        if s.lang == Lang::Zh {
            return None;
        }
        // after the verb: right after it (said Putin), or anywhere after a quotation
        // («…», — говорится в заявлении, опубликованном на сайте Кремля); only after a
        // reporting verb: what follows a speech act (condemned Israel) is whom it addresses
        if !f.reports.contains(&at) {
            return None;
        }
        let reach = if quote_end.is_some() { usize::MAX } else { 3 };
        let after = f
            .actors
            .iter()
            .find(|m| m.span.0 >= at.1 && m.span.0 - at.1 <= reach)?;
        Some((
            after.code.to_string(),
            format!("`{}` after the verb", name(after)),
        ))
    }

    /// 波顿说，“俄方表明，他们不认为……”: a reporting verb after the statement's own, whose
    /// subject is named right before it and is another main party, reports that party's
    /// statement; the outer speaker only passes it on.
    fn inner_speaker(
        &self,
        s: &DocSentence,
        f: &SentenceFacts<'_>,
        words: &[Word],
        at: (usize, usize),
        outer: (String, String),
        quoted_before: bool,
    ) -> (String, String) {
        f.reports
            .iter()
            .filter(|r| r.0 >= at.1)
            .find_map(|&r| {
                let (code, why) = self.speaker_at(s, f, words, r, quoted_before)?;
                (code != outer.0 && why.ends_with("before the verb") && self.parties.is_main(&code))
                    .then(|| (code, format!("{why}, reported by {}", outer.1)))
            })
            .unwrap_or(outer)
    }

    /// The words that named a remembered actor.
    fn name(&self, r: &Remembered) -> String {
        match &r.name {
            Name::Text(t) => t.clone(),
            Name::Span(a, b) => self
                .texts
                .get(r.at)
                .map(|t| t.chars().skip(*a).take(b - a).collect())
                .unwrap_or_default(),
        }
    }

    /// The referent of a pronoun: the last speaker (first person and third person), else the
    /// last subject (third person).
    fn resolve(&self, p: &Word) -> Option<(String, String)> {
        let ContextKind::Pronoun(kind) = p.kind else {
            return None;
        };
        match kind {
            PronounKind::First | PronounKind::Third => {
                if let Some(r) = &self.speaker {
                    return Some((
                        r.code.clone(),
                        format!(
                            "pronoun ({}) → the last speaker `{}`",
                            p.origin,
                            self.name(r)
                        ),
                    ));
                }
                if *kind == PronounKind::First {
                    if let Some(r) = &self.voice {
                        return Some((
                            r.code.clone(),
                            format!(
                                "pronoun ({}) → the document's voice `{}`",
                                p.origin,
                                self.name(r)
                            ),
                        ));
                    }
                }
                if *kind == PronounKind::Third {
                    if let Some(r) = &self.subject {
                        return Some((
                            r.code.clone(),
                            format!(
                                "pronoun ({}) → the last subject `{}`",
                                p.origin,
                                self.name(r)
                            ),
                        ));
                    }
                }
                None
            }
            PronounKind::Second => None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn statements(
        &mut self,
        i: usize,
        s: &DocSentence,
        events: &[CodedEvent],
        f: &SentenceFacts<'_>,
        words: &[Word],
        quoted_before: bool,
        date: EventDate,
        date_why: &str,
        out: &mut Vec<CodedEvent>,
    ) {
        // the verb that makes the sentence a statement: a reporting verb, else a speech verb
        let speech_words: Vec<&Word> = words
            .iter()
            .filter(|w| matches!(w.kind, ContextKind::Speech(_)))
            .collect();
        // a reporting verb outside quotation marks frames the sentence («…выразил сожаление…», —
        // информирует МИД): the verbs inside the quotation are what was reported
        let quoted = quoted_spans(words, quoted_before);
        let inside = |at: usize| quoted.iter().any(|&(a, b)| at >= a && at < b);
        let verb: Option<((usize, usize), String)> = f
            .reports
            .iter()
            .find(|r| !inside(r.0))
            .or(f.reports.first())
            .map(|&r| (r, "reporting verb".to_string()))
            .or_else(|| {
                speech_words
                    .first()
                    .map(|w| (w.span, format!("speech verb {}", w.origin)))
            })
            .or_else(|| {
                // a hope with its subject right before it (秘书长希望俄美两国…, Rice expressed the
                // hope that…, Райс выразила надежду): the hope is what the subject says
                let gap = if s.lang == Lang::Zh { 2 } else { 10 };
                words
                    .iter()
                    .filter(|w| *w.kind == ContextKind::Appeal && !inside(w.span.0))
                    .find(|w| {
                        f.actors.iter().any(|m| {
                            m.span.1 <= w.span.0
                                && w.span.0 - m.span.1 <= gap
                                && s.text
                                    .chars()
                                    .skip(m.span.1)
                                    .take(w.span.0 - m.span.1)
                                    .all(|c| !matches!(c, ',' | '，' | ';' | '；' | '.' | '。'))
                        })
                    })
                    .map(|w| (w.span, format!("hope {}", w.origin)))
            });
        // an analyst, an expert, a source or the media speaking (美国军控协会执行主任…认为, a
        // source close to the Kremlin said): commentary, no statement of a state; what follows
        // is not that state speaking either
        if let Some((at, _)) = &verb {
            let clause_start = clause_start(s.text, at.0, false);
            let commentary = words.iter().any(|w| {
                *w.kind == ContextKind::Commentator
                    && w.span.0 >= clause_start
                    && w.span.1 <= at.0
                    && !inside(w.span.0)
            });
            if commentary {
                self.speaker = None;
                return;
            }
        }
        let (speaker, verb_why) = match &verb {
            Some((at, why)) => match self
                .speaker_at(s, f, words, *at, quoted_before)
                .map(|sp| self.inner_speaker(s, f, words, *at, sp, quoted_before))
            {
                Some(sp) => (sp, why.clone()),
                None => match &self.speaker {
                    Some(r) if quoted_before || self.in_quote => (
                        (
                            r.code.clone(),
                            format!("the last speaker `{}`", self.name(r)),
                        ),
                        why.clone(),
                    ),
                    _ => return,
                },
            },
            None => {
                // a transcript's speaker line (PRESIDENT CLINTON: …, 普京：…): an actor at the
                // start of the sentence right before a colon
                let header = f.actors.iter().find(|m| {
                    m.span.0 <= 12
                        && s.text
                            .chars()
                            .skip(m.span.1)
                            .take(2)
                            .any(|c| c == ':' || c == '：')
                });
                let first_person = words
                    .iter()
                    .any(|w| *w.kind == ContextKind::Pronoun(PronounKind::First));
                match (header, &self.speaker) {
                    (Some(m), _) => (
                        (
                            m.code.to_string(),
                            format!(
                                "`{}` before a colon",
                                s.text
                                    .chars()
                                    .skip(m.span.0)
                                    .take(m.span.1 - m.span.0)
                                    .collect::<String>()
                            ),
                        ),
                        "speaker line".to_string(),
                    ),
                    // 普京说…。美国的一系列举动令俄美关系恶化。: the sentence right after a report,
                    // in its paragraph, with no verb of its own, goes on reporting the speaker
                    (None, Some(r))
                        if !quoted_before
                            && !self.in_quote
                            && !r.assumed
                            && r.at + 1 == i
                            && self.paragraphs.get(r.at) == self.paragraphs.get(i)
                            && f.actors.iter().any(|m| {
                                m.code != r.code && self.parties.others(&r.code).contains(&m.code)
                            }) =>
                    {
                        (
                            (
                                r.code.clone(),
                                format!("the last speaker `{}`", self.name(r)),
                            ),
                            "the report goes on".to_string(),
                        )
                    }
                    (None, Some(r)) if quoted_before || first_person => (
                        (
                            r.code.clone(),
                            format!("the last speaker `{}`", self.name(r)),
                        ),
                        if quoted_before {
                            "inside a quotation".to_string()
                        } else {
                            "the speaker goes on in the first person".to_string()
                        },
                    ),
                    (None, None) if first_person && !quoted_before && !self.in_quote => {
                        match &self.voice {
                            Some(r) => (
                                (
                                    r.code.clone(),
                                    format!("the document's voice `{}`", self.name(r)),
                                ),
                                "the document speaks in the first person".to_string(),
                            ),
                            None => return,
                        }
                    }
                    // a first-person document (a statement, a fact sheet) goes on in its own
                    // voice where it judges a party it names: Russia has violated the Treaty
                    _ if !quoted_before && !self.in_quote => match &self.voice {
                        Some(r)
                            if !r.assumed
                                && f.actors.iter().any(|m| {
                                    m.code != r.code
                                        && self.parties.others(&r.code).contains(&m.code)
                                }) =>
                        {
                            (
                                (
                                    r.code.clone(),
                                    format!("the document's voice `{}`", self.name(r)),
                                ),
                                "the document judges in its own voice".to_string(),
                            )
                        }
                        _ => return,
                    },
                    _ => return,
                }
            }
        };
        let (source, source_why) = speaker;
        // 他续说, 佩斯科夫还表示: a statement with no date of its own by the speaker of a dated
        // statement just before, in its paragraph, was made when that one was
        let own_date = date_why.starts_with("date of");
        let (date, date_why) = match &self.said {
            Some((c, d, at))
                if !own_date
                    && *c == source
                    && i <= at + 2
                    && self.paragraphs.get(*at) == self.paragraphs.get(i) =>
            {
                (*d, "the date of the same speaker's statement before")
            }
            _ => (date, date_why),
        };
        if own_date || self.said.as_ref().is_some_and(|(_, d, _)| *d == date) {
            self.said = Some((source.clone(), date, i));
        }
        // a speaker only assumed from the document's salience (module docs) stays assumed while
        // it goes on
        let assumed = match verb_why.as_str() {
            "the document speaks in the first person" | "the document judges in its own voice" => {
                self.voice.as_ref().is_some_and(|v| v.assumed)
            }
            "the speaker goes on in the first person" | "inside a quotation" => {
                self.speaker.as_ref().is_some_and(|r| r.assumed)
            }
            // a pronoun (I have expressed my concerns) that names an assumed speaker or voice
            _ if source_why.starts_with("pronoun (") => self
                .speaker
                .as_ref()
                .or(self.voice.as_ref())
                .is_some_and(|r| r.assumed && r.code == source),
            _ => false,
        };
        // the speaker as remembered: the name the explanation quotes (`…`), else the code
        let remembered = |assumed: bool| Remembered {
            code: source.clone(),
            at: i,
            name: Name::Text(
                source_why
                    .split('`')
                    .nth(1)
                    .unwrap_or(source.as_str())
                    .to_string(),
            ),
            assumed,
        };
        if verb_why == "speaker line" {
            self.voice = Some(remembered(false));
        }
        // a report of an act the sentence coder read (奥巴马称美国扩大制裁) is that act, not a
        // statement about it
        let roots = self.coder.speech_roots_of(s.lang);
        let verb_at = verb.as_ref().map_or(0, |(at, _)| at.0);
        let reports_act = f.cues.iter().any(|c| {
            c.span.0 >= verb_at
                && c.coded
                && !c.negated
                && !c.hypothetical
                && !roots.iter().any(|r| c.cameo.starts_with(r.as_str()))
        });
        // the document's own judgement names no new speaker
        if verb_why != "the document judges in its own voice" {
            self.speaker = Some(remembered(assumed));
        }
        if reports_act {
            return;
        }
        // a speech verb the sentence coder read as an act (美国的决定受到俄罗斯批评: RUS → USA)
        // is that act, with its own speaker and addressee
        if speech_words.iter().any(|w| {
            f.cues
                .iter()
                .any(|c| c.coded && c.span.0 < w.span.1 && w.span.0 < c.span.1)
        }) {
            return;
        }
        // the statement's kinds, from its stance and speech words
        // a speech verb (condemned, 呼吁, призвал) is the statement's kind; after a reporting verb
        // the stance words of what was said decide it
        let mut codes: BTreeSet<String> = BTreeSet::new();
        let mut why_words: Vec<String> = Vec::new();
        // a word of hope right before a party appeals to it, else it is optimism
        // a negated word of criticism or threat (does not pose a threat, 不是为了威胁中国, не
        // угрожает) reassures
        let negated = |w: &Word| {
            f.negations.iter().any(|&(a, b)| {
                b <= w.span.0
                    && w.span.0 - b <= NEGATION_REACH
                    && s.text
                        .chars()
                        .skip(a)
                        .take(w.span.0 - a)
                        .all(|c| !matches!(c, ',' | '，' | ';' | '；' | '.' | '。'))
            })
        };
        // 普京说，美国要求俄罗斯…: a speech verb right after another party is that party's act
        // reported, not the speaker's stance
        let others_verb = |w: &Word| {
            matches!(w.kind, ContextKind::Speech(_))
                && f.actors.iter().any(|m| {
                    m.code != source
                        && m.span.1 <= w.span.0
                        && w.span.0 - m.span.1 <= if s.lang == Lang::Zh { 2 } else { 3 }
                })
        };
        let stance_of = |w: &Word| -> Option<String> {
            if others_verb(w) {
                return None;
            }
            match &w.kind {
                ContextKind::Stance(c)
                    if ["11", "12", "13"].iter().any(|r| c.starts_with(r)) && negated(w) =>
                {
                    Some("051".to_string())
                }
                ContextKind::Stance(c) | ContextKind::Speech(c) => Some(c.clone()),
                ContextKind::Appeal => {
                    let close = |at: usize| {
                        at >= w.span.1
                            && s.text
                                .chars()
                                .skip(w.span.1)
                                .take(at - w.span.1)
                                .filter(|c| !matches!(c, ',' | '，' | ';' | '；' | '.' | '。'))
                                .count()
                                == at - w.span.1
                            && at - w.span.1 <= 8
                    };
                    // (a pair named as one, 希望改善俄美关系, hopes for better relations: it asks
                    // neither)
                    let pair = |m: &Mention<'_>| {
                        f.actors
                            .iter()
                            .any(|x| x.span == m.span && x.code != m.code)
                    };
                    let party = f
                        .actors
                        .iter()
                        .any(|m| m.code != source && close(m.span.0) && !pair(m))
                        || words.iter().any(|p| {
                            matches!(
                                p.kind,
                                ContextKind::Pronoun(PronounKind::Third | PronounKind::Second)
                            ) && close(p.span.0)
                        });
                    Some(if party { "100" } else { "051" }.to_string())
                }
                _ => None,
            }
        };
        let speech_code = speech_words.iter().find_map(|w| match &w.kind {
            ContextKind::Speech(c) if f.reports.is_empty() || w.span.0 < verb_at + 1 => {
                Some((c.clone(), w.origin.to_string()))
            }
            _ => None,
        });
        if let Some((c, origin)) = &speech_code {
            codes.insert(c.clone());
            why_words.push(origin.clone());
        } else {
            for w in words {
                if let Some(c) = stance_of(w) {
                    codes.insert(c);
                    why_words.push(w.origin.to_string());
                }
            }
        }
        // praise and criticism in one sentence: the side with more words wins (a tie is not
        // criticism: "ends a long chapter of confrontation and opens a new relationship")
        let count = |pre: &str| {
            words
                .iter()
                .filter(|w| stance_of(w).is_some_and(|c| c.starts_with(pre)))
                .count()
        };
        let negative = count("11") > count("05");
        let mut kinds: Vec<String> = codes
            .into_iter()
            .filter(|c| {
                if negative {
                    !c.starts_with("05")
                } else {
                    !c.starts_with("11")
                }
            })
            .collect();
        if kinds.iter().any(|c| c == "112") {
            kinds.retain(|c| c != "111");
        }
        // one appeal at most: a threat outranks a demand, a demand a plain appeal
        for (hi, lo) in [("13", "10"), ("13", "02"), ("10", "02")] {
            if kinds.iter().any(|c| c.starts_with(hi)) {
                kinds.retain(|c| !c.starts_with(lo));
            }
        }
        // the stance model reads the whole sentence: where it is sure, its stance decides
        // between the stance words; a speech verb (condemned, 呼吁) names its act itself
        let stances: BTreeSet<Stance> = kinds.iter().filter_map(|c| Stance::of_cameo(c)).collect();
        let scores = if speech_code.is_none() && stances.len() > 1 {
            self.coder.stance(s.lang, s.text)
        } else {
            None
        };
        if let Some(scores) = scores {
            // only among the kinds the words allow: trained on our own sentences, alone it
            // over-reads plain reports of real text (measured on the development corpus)
            let (best, p) = scores.best();
            if p >= STANCE_SURE && kinds.iter().any(|c| Stance::of_cameo(c) == Some(best)) {
                kinds.retain(|c| Stance::of_cameo(c) == Some(best));
                why_words.push(format!("stance model {best} {p:.2}"));
            }
        }
        // a report without a stance (he said the talks would go on) is no event of the dyad: a
        // plain statement is as often a report of something else as a statement about the other
        // side
        if kinds.is_empty() {
            return;
        }
        // a statement already coded from this sentence for a speaker and addressee stands
        let coded = |t: &str| {
            events.iter().any(|e| {
                e.source.code == source
                    && e.target.code == t
                    && roots.iter().any(|r| e.cameo.starts_with(r.as_str()))
            })
        };
        // the party a cue of the other stance addresses (solidarity with the United Kingdom …
        // violation by Russia): the statement is not about it
        let stance_neg = kinds.iter().any(|c| c.starts_with("11"));
        let addressed_other: Vec<&str> = f
            .cues
            .iter()
            .filter(|c| {
                if stance_neg {
                    c.cameo.starts_with("05")
                } else {
                    c.cameo.starts_with("11")
                }
            })
            .filter_map(|c| {
                f.actors
                    .iter()
                    .filter(|m| m.span.0 >= c.span.1)
                    .min_by_key(|m| m.span.0)
                    .map(|m| m.code)
            })
            .collect();
        // a place (the situation in Georgia, 在乌克兰) is where, not whom, a statement is about
        let named: Vec<&str> = f
            .actors
            .iter()
            .filter(|m| m.connector != Some(GrammarKind::At))
            .filter(|m| !addressed_other.contains(&m.code))
            .map(|m| m.code)
            .filter(|c| *c != source && self.parties.is_main(c))
            .collect();
        // a voice assumed from the document's salience speaks of what it names: the document's
        // other parties are as often the subject of another paragraph (measured on the
        // development corpus)
        if assumed && named.is_empty() {
            return;
        }
        let mut targets: Vec<(String, String)> = Vec::new();
        let ordered: Vec<(&str, &str)> =
            if !self.parties.ranked.iter().take(2).any(|c| *c == source) {
                // a third party (the UN, a mediator) speaks about the pair: the main parties it
                // names, else the document's two main parties
                if named.is_empty() {
                    self.parties
                        .ranked
                        .iter()
                        .take(2)
                        .map(|c| (c.as_str(), "one of the document's two main parties"))
                        .collect()
                } else {
                    named
                        .iter()
                        .map(|c| (*c, "named in the sentence"))
                        .collect()
                }
            } else {
                // a main party speaks: about the parties it names that the document is about, else
                // the document's other parties, else the other main parties it names
                let others = self.parties.others(&source);
                let named_others: Vec<(&str, &str)> = named
                    .iter()
                    .filter(|c| others.contains(c))
                    .map(|c| (*c, "named in the sentence"))
                    .collect();
                if !named_others.is_empty() {
                    named_others
                } else if !named.is_empty() {
                    // the other main parties it names (伊万诺夫指出，如果北约继续扩大军事行动…):
                    // the statement is about them, not about a party it does not name
                    named
                        .iter()
                        .map(|c| (*c, "named in the sentence"))
                        .collect()
                } else {
                    others
                        .iter()
                        .map(|c| (*c, "the document's other party"))
                        .chain(named.iter().map(|c| (*c, "named in the sentence")))
                        .collect()
                }
            };
        for (c, why) in ordered {
            if c != source && targets.len() < 2 && !targets.iter().any(|(t, _)| t == c) {
                targets.push((c.to_string(), why.to_string()));
            }
        }
        targets.retain(|(t, _)| !coded(t));
        self.emit_statements(
            &source,
            &source_why,
            &verb_why,
            &why_words,
            &kinds,
            &targets,
            f,
            date,
            date_why,
            out,
        );
    }

    #[allow(clippy::too_many_arguments)]
    fn emit_statements(
        &self,
        source: &str,
        source_why: &str,
        verb_why: &str,
        why_words: &[String],
        kinds: &[String],
        targets: &[(String, String)],
        f: &SentenceFacts<'_>,
        date: EventDate,
        date_why: &str,
        out: &mut Vec<CodedEvent>,
    ) {
        let words = why_words.join(" ");
        for code in kinds {
            for (t, t_why) in targets {
                if let Some(ev) = self.event_explained(
                    source,
                    t,
                    code,
                    date,
                    (false, false),
                    f.reports.first().copied().unwrap_or((0, 0)),
                    // the four parts of the trace, joined as `event` joins them
                    format!(
                        "context: statement ({verb_why}) → {code} {words}; \
                         source {source}: {source_why}; target {t}: {t_why}; date: {date_why}"
                    ),
                ) {
                    out.push(ev);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn acts(
        &mut self,
        i: usize,
        events: &[CodedEvent],
        f: &SentenceFacts<'_>,
        words: &[Word],
        date: EventDate,
        date_why: &str,
        out: &mut Vec<CodedEvent>,
    ) {
        let dict = self.coder.dictionaries();
        // a cue after a reporting or speech verb is reported speech (below)
        let speech_at = first_speech(f, words);
        for cue in f.cues.iter().filter(|c| !c.coded) {
            // a two-sided act its clause calls unilateral (宣布单方面停火, declared a unilateral
            // ceasefire) is one-sided: its subject's, toward the other side, made by declaring it
            let unilateral = words.iter().any(|w| {
                *w.kind == ContextKind::Unilateral
                    && w.span.0 < cue.span.0
                    && clause_start(self.texts[i], cue.span.0, false) <= w.span.0
            });
            let reported = speech_at.filter(|&at| cue.span.0 > at && !unilateral);
            let action = &dict.actions[cue.action];
            let before = f
                .actors
                .iter()
                .filter(|m| m.span.1 <= cue.span.0)
                .max_by_key(|m| m.span.1);
            let pronoun = words
                .iter()
                .filter(|w| matches!(w.kind, ContextKind::Pronoun(_)) && w.span.1 <= cue.span.0)
                .max_by_key(|w| w.span.1);
            // the partner of a pronoun subject: with it (他与普京, he met with Putin), or joined
            // to it right after it (he and Putin, он и Путин)
            let partnered = |m: &Mention<'_>, p: &Word| {
                p.span.1 <= m.span.0
                    && (m.connector == Some(GrammarKind::With)
                        || (m.connector == Some(GrammarKind::And)
                            && m.span.0 - p.span.1 <= AND_GAP))
            };
            // the sentence coder read the sentence's own actors and made nothing of them: its
            // reasons stand, but for a third-person pronoun subject (he, 他, он), and for a
            // one-sided act (withdrawal, sanctions, expulsion, force) whose subject is named and
            // whose target is not, in the cue's clause: 美国宣布退出条约, Russia sent troops into
            // South Ossetia, 美国宣布扩大制裁范围，将俄军纳入其中 (the target in a later clause)
            let before = before.filter(|m| pronoun.is_none_or(|p| p.span.1 <= m.span.1));
            // I imposed sanctions on Iran, and expanded sanctions on Russia: a party after an
            // earlier act of the pronoun's, its object, is not a one-sided act's subject either
            let before = before.filter(|m| {
                !ONE_SIDED.iter().any(|r| cue.cameo.starts_with(r))
                    || !pronoun.is_some_and(|p| {
                        f.cues.iter().any(|c| {
                            c.span.0 >= p.span.1 && c.span.1 <= m.span.0 && c.span.1 <= cue.span.0
                        })
                    })
            });
            let third = pronoun.is_some_and(|p| {
                *p.kind == ContextKind::Pronoun(PronounKind::Third)
                    || *p.kind == ContextKind::Pronoun(PronounKind::First)
            });
            // a directed concession (a ceasefire, a withdrawal of troops, an easing) is one-sided
            // too, and so is one called unilateral
            let one_sided = (ONE_SIDED.iter().any(|r| cue.cameo.starts_with(r))
                || (cue.cameo.starts_with("08") && (action.frame == Frame::Dir || unilateral)))
                && !f.actors.iter().any(|m| {
                    m.span.0 >= cue.span.1
                        && before.is_some_and(|b| b.code != m.code)
                        && clause_start(self.texts[i], m.span.0, false)
                            <= clause_start(self.texts[i], cue.span.1, false)
                });
            // the subject of a one-sided act is the sentence's first actor before it (美国总统…以
            // 俄罗斯违约为由宣布退出; the Treasury named 16 Russians as targets of sanctions), not
            // the nearest one, which is as often its target or a modifier
            // (within the cue's clause when it names one: ……后，美国总统宣布扩大制裁)
            let clause_start = clause_start(self.texts[i], cue.span.0, false);
            // (an actor its phrase marks as an object or partner, 将俄罗斯银行, 与英国, is not it)
            let subject_like =
                |m: &&Mention<'_>| matches!(m.connector, None | Some(GrammarKind::And));
            let first = f
                .actors
                .iter()
                .filter(|m| m.span.1 <= cue.span.0 && m.span.0 >= clause_start)
                .filter(subject_like)
                .min_by_key(|m| m.span.0)
                .or_else(|| {
                    f.actors
                        .iter()
                        .filter(|m| m.span.1 <= cue.span.0)
                        .filter(subject_like)
                        .min_by_key(|m| m.span.0)
                })
                .filter(|_| before.is_some());
            // ……another act between them (Russia will respond to the sanctions, Россия ответит
            // на санкции) makes the one-sided act that act's object, not the subject's own
            let between = |m: &Mention<'_>| {
                f.cues.iter().any(|c| {
                    c.span.0 >= m.span.1
                        && c.span.1 <= cue.span.0
                        && cue.span.0 - c.span.1 <= OBJECT_GAP
                        && !self.texts[i]
                            .chars()
                            .skip(c.span.1)
                            .take(cue.span.0 - c.span.1)
                            .any(|ch| matches!(ch, ',' | '，' | ';' | '；'))
                })
            };
            let named_subject = first.filter(|m| one_sided && !between(m));
            if let Some(at) = reported {
                // what a speaker says is read by the sentence coder alone (a topic, a plan, a
                // claim), but for a one-sided act whose subject the reported clause names right
                // before it, the speaker's own side or a speaker unnamed: BBC称，…美国政府限令
                // 他们…离境; 奥巴马称，…美国扩大制裁范围
                let speaker = f
                    .actors
                    .iter()
                    .filter(|m| m.span.1 <= at)
                    .max_by_key(|m| m.span.1);
                // only after a plain reporting verb (a speech act such as a call or a demand
                // names what it asks for), and no passive (its roles are the context's)
                let plain = f.reports.iter().any(|r| r.0 == at)
                    && !words
                        .iter()
                        .any(|w| matches!(w.kind, ContextKind::Speech(_)) && w.span.0 < cue.span.0);
                let ok = plain
                    && !cue.passive
                    && !action.noun
                    && named_subject.is_some_and(|m| {
                        m.span.0 > at
                            && speaker.is_none_or(|sp| sp.code == m.code)
                            && cue.span.0.saturating_sub(m.span.1) <= NEAR_SUBJECT
                    });
                // …, 他计划与普京会面, he would meet Putin: a two-sided act of the reported clause's
                // pronoun subject (the speaker) with a partner it names (with the cue's modality)
                let with_partner = matches!(action.frame, Frame::Sym | Frame::Meet)
                    && pronoun.is_some_and(|p| {
                        p.span.0 > at
                            && *p.kind == ContextKind::Pronoun(PronounKind::Third)
                            && before.is_some_and(|m| partnered(m, p))
                    });
                // 拉夫罗夫表示，我们将驱逐10名美国外交官, Lavrov said: "We will expel…": a one-sided
                // act of the reported clause's first-person subject is the speaker's side's, toward
                // the party it names after the pronoun (with the cue's modality)
                let first_person = one_sided
                    && plain
                    && !cue.passive
                    && !action.noun
                    && named_subject.is_none()
                    && pronoun.is_some_and(|p| {
                        p.span.0 > at
                            && *p.kind == ContextKind::Pronoun(PronounKind::First)
                            && cue.span.0.saturating_sub(p.span.1) <= NEAR_SUBJECT
                    });
                if let (true, false, Some(sp), Some(p)) = (first_person, ok, speaker, pronoun) {
                    let target = f
                        .actors
                        .iter()
                        .find(|m| m.span.0 >= p.span.1 && m.code != sp.code);
                    if let Some(t) = target {
                        self.push_act(
                            events,
                            out,
                            cue,
                            (
                                sp.code,
                                "the speaker, whom the reported clause's first person names",
                            ),
                            (t.code, "named after the first-person subject"),
                            "a first-person subject, reported",
                            (date, date_why),
                            false,
                        );
                    }
                    continue;
                }
                if with_partner && !ok {
                    let partner = before.filter(|m| Some(m.code) != speaker.map(|sp| sp.code));
                    let source = speaker
                        .map(|sp| {
                            (
                                sp.code.to_string(),
                                "the speaker, whom the reported clause's pronoun names".to_string(),
                            )
                        })
                        .or_else(|| pronoun.and_then(|p| self.resolve(p)));
                    if let Some(m) = partner {
                        let how = "a pronoun subject and its partner, reported";
                        self.push_with_partner(events, out, cue, source, m, how, (date, date_why));
                    }
                    continue;
                }
                if !ok {
                    continue;
                }
            }
            // an exchange or a release with no party of the document named (the prisoner exchange
            // took place in Ankara, 换囚在安卡拉进行) is one between the document's two main parties
            // (measured on the development corpus, meetings and agreements named alone are as often
            // topics, so they are left to the sentence coder and `restated_agreement`)
            let sym = matches!(action.frame, Frame::Sym | Frame::Meet);
            let main_pair: Vec<&str> = self
                .parties
                .ranked
                .iter()
                .take(2)
                .map(String::as_str)
                .collect();
            if sym
                && cue.cameo.starts_with("08")
                && !third
                && main_pair.len() == 2
                && !cue.negated
                && !f.actors.iter().any(|m| main_pair.contains(&m.code))
                // a third party named as its subject (格鲁吉亚宣布单方面停火) acts itself
                && !f.actors.iter().any(|m| {
                    m.span.1 <= cue.span.0
                        && matches!(m.connector, None | Some(GrammarKind::And))
                })
            {
                let why = "one of the document's two main parties";
                self.push_act(
                    events,
                    out,
                    cue,
                    (main_pair[0], why),
                    (main_pair[1], why),
                    "no party of the document named",
                    (date, date_why),
                    false,
                );
                continue;
            }
            // a pronoun subject with a partner (他22日与俄外长拉夫罗夫讨论, he met with Lavrov): a
            // symmetric act of the pronoun's referent and the partner
            if let (true, true, Some(m)) = (sym, third, before) {
                let with_partner = pronoun.is_some_and(|p| partnered(m, p));
                if with_partner && !cue.negated {
                    let source = pronoun.and_then(|p| self.resolve(p));
                    let how = "a pronoun subject and its partner";
                    self.push_with_partner(events, out, cue, source, m, how, (date, date_why));
                    continue;
                }
            }
            // 此举引起俄方强烈不满, drew protests from Moscow: displeasure or protest (11x, 12x, 14x)
            // with a cause verb before it is the reaction of the party the verb names, about the
            // document's other side
            let reaction = ["11", "12", "14"].iter().any(|r| cue.cameo.starts_with(r));
            if let (true, false, Some(cause)) = (
                reaction,
                cue.negated || cue.hypothetical,
                words
                    .iter()
                    .filter(|w| *w.kind == ContextKind::Cause && w.span.1 <= cue.span.0)
                    .max_by_key(|w| w.span.1),
            ) {
                let clause = |a: usize, b: usize| {
                    self.texts[i]
                        .chars()
                        .skip(a)
                        .take(b.saturating_sub(a))
                        .all(|c| !matches!(c, ',' | '，' | ';' | '；' | '.' | '。'))
                };
                let reactor = f
                    .actors
                    .iter()
                    .filter(|m| m.span.0 >= cause.span.1 && clause(cause.span.1, m.span.0))
                    .min_by_key(|m| m.span.0)
                    .filter(|m| {
                        m.span.0 <= cue.span.1 + OPENING && clause(cause.span.1, cue.span.0)
                    });
                if let Some(m) = reactor {
                    if let Some(t) = self.parties.others(m.code).first().copied() {
                        self.push_act(
                            events,
                            out,
                            cue,
                            (m.code, "named after a verb of causing"),
                            (t, "the document's other party"),
                            "the reaction a cause verb names",
                            (date, date_why),
                            false,
                        );
                    }
                    continue;
                }
            }
            // an office named without its state (Congress passed sanctions against Russia, МИД
            // осудил действия США, 外交部谴责美国) right before the cue, nothing named or done
            // between: the office of the document's other party, toward the party named after
            if let Some(o) = f
                .offices
                .iter()
                .filter(|o| o.span.1 <= cue.span.0 && o.span.0 >= clause_start)
                .max_by_key(|o| o.span.1)
                .filter(|o| {
                    before.is_none_or(|b| b.span.1 <= o.span.0)
                        && pronoun.is_none_or(|p| p.span.1 <= o.span.0)
                        && !f
                            .cues
                            .iter()
                            .any(|c| c.span.0 >= o.span.1 && c.span.1 <= cue.span.0)
                })
            {
                // (only between the document's two main parties: a third party named after
                // the cue leaves whose office it is open)
                let target = f.actors.iter().find(|m| m.span.0 >= cue.span.1);
                let source = target.and_then(|t| match main_pair[..] {
                    [a, b] if t.code == a => Some(b),
                    [a, b] if t.code == b => Some(a),
                    _ => None,
                });
                if let (Some(t), Some(src), None, false) = (target, source, reported, cue.passive) {
                    let office = self.texts[i]
                        .chars()
                        .skip(o.span.0)
                        .take(o.span.1 - o.span.0)
                        .collect::<String>();
                    self.push_act(
                        events,
                        out,
                        cue,
                        (
                            src,
                            &format!("the office `{office}` of the document's other party"),
                        ),
                        (t.code, "named after the cue"),
                        "an office named without its state",
                        (date, date_why),
                        false,
                    );
                    continue;
                }
            }
            if before.is_some() && named_subject.is_none() || before.is_none() && !third {
                continue;
            }
            // a first-person act names its counterpart after the cue (I want to thank Dmitry
            // Medvedev); without one it is as often a background or an aggregate (we've met many
            // times)
            let first_person =
                pronoun.is_some_and(|p| *p.kind == ContextKind::Pronoun(PronounKind::First));
            if first_person && !f.actors.iter().any(|m| m.span.0 >= cue.span.1) {
                continue;
            }
            let (source, source_why) = if let Some(m) = named_subject {
                (m.code.to_string(), "named before the cue".to_string())
            } else if let Some(p) = pronoun {
                match self.resolve(p) {
                    Some(x) => x,
                    None => continue,
                }
            } else {
                match self.subject.as_ref().or(self.speaker.as_ref()) {
                    Some(r) => (
                        r.code.clone(),
                        format!("the last subject `{}`", self.name(r)),
                    ),
                    None => continue,
                }
            };
            let after = f
                .actors
                .iter()
                .position(|m| m.span.0 >= cue.span.1 && m.code != source);
            // an object marked before the cue (对俄罗斯, 将俄罗斯银行) is the target before any
            // other party the sentence names
            let marked = f.actors.iter().position(|m| {
                m.code != source && m.span.1 <= cue.span.0 && m.connector == Some(GrammarKind::To)
            });
            let any = marked.or_else(|| f.actors.iter().position(|m| m.code != source));
            let mut targets: Vec<(String, String)> = match after.or(any) {
                Some(j) => {
                    // sanctions on Iran and North Korea: the list goes on with `and`
                    let mut list = vec![f.actors[j].code];
                    for m in f.actors[j + 1..].iter() {
                        if m.connector != Some(GrammarKind::And) {
                            break;
                        }
                        if m.code != source && !list.contains(&m.code) {
                            list.push(m.code);
                        }
                    }
                    list.into_iter()
                        .map(|c| (c.to_string(), "named in the sentence".to_string()))
                        .collect()
                }
                None => match self.parties.other(&source) {
                    Some(o) => vec![(o.to_string(), "the document's other party".to_string())],
                    None => continue,
                },
            };
            // 格林纳从俄罗斯监狱获释: the subject of a passive undergoes the act; a place named
            // before it (在莫斯科机场被捕) is where, and so who, acted
            let swap =
                cue.passive && !named_subject.is_some_and(|m| m.connector == Some(GrammarKind::At));
            if swap {
                targets.truncate(1);
            }
            for (target, target_why) in targets {
                let (a, a_why, b, b_why) = if swap {
                    let why = format!("{source_why}, undergoing the act (passive)");
                    (target, target_why, source.clone(), why)
                } else {
                    (source.clone(), source_why.clone(), target, target_why)
                };
                self.push_act(
                    events,
                    out,
                    cue,
                    (&a, &a_why),
                    (&b, &b_why),
                    "its parties from the context",
                    (date, date_why),
                    unilateral,
                );
            }
        }
    }

    /// A two-sided act of `source` (when known) with the partner `m` named after `with`.
    #[allow(clippy::too_many_arguments)]
    fn push_with_partner(
        &self,
        events: &[CodedEvent],
        out: &mut Vec<CodedEvent>,
        cue: &CueFact<'_>,
        source: Option<(String, String)>,
        m: &Mention<'_>,
        how: &str,
        date: (EventDate, &str),
    ) {
        if let Some((source, source_why)) = source.filter(|(c, _)| c != m.code) {
            self.push_act(
                events,
                out,
                cue,
                (&source, &source_why),
                (m.code, "named after `with`"),
                how,
                date,
                false,
            );
        }
    }

    /// The events of an uncoded act cue between `source` and `target` (both directions for a
    /// symmetric cue), each with the cue's flags and an explanation of where its parties came
    /// from; none that the sentence already has.
    #[allow(clippy::too_many_arguments)]
    fn push_act(
        &self,
        events: &[CodedEvent],
        out: &mut Vec<CodedEvent>,
        cue: &CueFact<'_>,
        source: (&str, &str),
        target: (&str, &str),
        how: &str,
        (date, date_why): (EventDate, &str),
        one_way: bool,
    ) {
        let action = &self.coder.dictionaries().actions[cue.action];
        let dirs = if matches!(action.frame, Frame::Sym | Frame::Meet) && !one_way {
            vec![(source, target), (target, source)]
        } else {
            vec![(source, target)]
        };
        for ((a, a_why), (b, b_why)) in dirs {
            let dup = events
                .iter()
                .chain(out.iter())
                .any(|e| e.source.code == a && e.target.code == b && e.cameo == action.cameo);
            if dup {
                continue;
            }
            let mut explain = vec![
                format!(
                    "context: cue → {} {} ({:?}), {how}",
                    action.cameo, action.origin, action.frame
                ),
                format!("source {a}: {a_why}"),
                format!("target {b}: {b_why}"),
                format!("date: {date_why}"),
            ];
            let plain = explain.clone();
            explain.extend(cue.modality.iter().cloned());
            // the secretary called in the Russian chargé to register our protest: an act cue
            // (114) is what a statement of its family read from the same words (100) says
            fn family(c: &str) -> &str {
                match c.get(..2) {
                    Some("10" | "14") => "10",
                    Some("05") => c.get(..3).unwrap_or(c),
                    Some(r) => r,
                    None => "",
                }
            }
            out.retain(|e| {
                !(e.source.code == a
                    && e.target.code == b
                    && e.negated == cue.negated
                    && e.hypothetical == cue.hypothetical
                    && e.explain.starts_with("context: statement")
                    && family(&e.cameo) == family(&action.cameo))
            });
            if let Some(ev) = self.event(
                a,
                b,
                &action.cameo,
                date,
                (cue.negated, cue.hypothetical),
                cue.span,
                explain,
            ) {
                out.push(ev);
            }
            // "we remain ready to talk with Russia": saying so is a factual expression of intent
            // by the subject (03x)
            let stated = cue
                .stated
                .as_ref()
                .filter(|_| !cue.negated && a == source.0);
            if let Some(st) = stated {
                let code = st.code;
                let mut explain = plain;
                explain.push(format!("{} → {code}", st.why));
                let dup = events
                    .iter()
                    .chain(out.iter())
                    .any(|e| e.source.code == a && e.target.code == b && e.cameo == code);
                if let (false, Some(ev)) = (
                    dup,
                    self.event(a, b, code, date, (false, false), cue.span, explain),
                ) {
                    out.push(ev);
                }
            }
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn event(
        &self,
        source: &str,
        target: &str,
        code: &str,
        date: EventDate,
        (negated, hypothetical): (bool, bool),
        span: (usize, usize),
        explain: Vec<String>,
    ) -> Option<CodedEvent> {
        self.event_explained(
            source,
            target,
            code,
            date,
            (negated, hypothetical),
            span,
            explain.join("; "),
        )
    }

    /// [`Pass::event`] with its explain trace already joined.
    #[allow(clippy::too_many_arguments)]
    fn event_explained(
        &self,
        source: &str,
        target: &str,
        code: &str,
        date: EventDate,
        (negated, hypothetical): (bool, bool),
        span: (usize, usize),
        explain: String,
    ) -> Option<CodedEvent> {
        if source == target {
            return None;
        }
        let row = self.coder.dictionaries().codes.get(code)?;
        Some(CodedEvent {
            date,
            source: ActorRef {
                code: source.to_string(),
                ..Default::default()
            },
            target: ActorRef {
                code: target.to_string(),
                ..Default::default()
            },
            cameo: code.to_string(),
            quad_class: row.quad_class,
            goldstein: row.goldstein,
            plover: row.plover.clone(),
            plover_mode: row.plover_mode.clone(),
            negated,
            hypothetical,
            domains: Vec::new(),
            span,
            explain,
        })
    }
}
