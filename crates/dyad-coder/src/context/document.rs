//! The entry point: [`Coder::code_document`] codes each sentence, finds the document's parties
//! and voice, then walks the sentences with the [`Pass`].

use super::parties::{narrow_multilateral, resolve_offices, Parties};
use super::{DocEvent, DocSentence, Name, Pass, Remembered, VOICED};
use crate::coder::{CodedEvent, Coder, DocNames, LearnedName, SentenceFacts, SentenceInput};
use crate::dates::DateContext;
use crate::dict::{ContextKind, PronounKind};
use dyad_model::{EventDate, Lang, Precision};

/// How many lines may open a document as its headline and subheadlines.
const HEADLINES: usize = 3;

impl Coder {
    /// Codes a document: every sentence through the sentence coder with a running date context,
    /// then the context pass (module docs). Events come in sentence order.
    pub fn code_document(
        &self,
        published: Option<EventDate>,
        sentences: &[DocSentence],
    ) -> Vec<DocEvent> {
        let mut coded = self.code_sentences(published, sentences, &DocNames::default());
        // names the document introduced with their states: coded again, knowing them
        let mut learned: Vec<(usize, Lang, LearnedName)> = coded
            .iter()
            .enumerate()
            .flat_map(|(i, (_, f))| f.names.iter().map(move |n| (i, n)))
            .map(|(i, n)| (i, sentences[i].lang, n.clone()))
            .collect();
        learned.extend(self.party_shorts(sentences, &coded));
        let names = DocNames::new(self, learned);
        if !names.is_empty() {
            coded = self.code_sentences(published, sentences, &names);
        }
        let offices = resolve_offices(self, sentences, &mut coded, &names);
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
            speaker_before: None,
            voice,
            subject: None,
            in_quote: false,
            last_date: None,
            published: story,
            issued: published,
            agreed: None,
            forced: None,
            said: None,
        };
        let headlines: Vec<bool> = coded.iter().map(|(_, f)| f.headline).collect();
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
            // and a name the document introduced
            let mut events = events;
            if !names.is_empty() {
                let found = names.found_in(self, s.lang, s.text, i);
                for e in events.iter_mut().chain(added.iter_mut()) {
                    for &k in &found {
                        let (at, n) = &names.names[k];
                        if e.source.code == n.code || e.target.code == n.code {
                            e.explain.push_str(&format!(
                                "; `{}` is {}: named as `{}` in sentence {}",
                                n.name,
                                n.code,
                                n.title,
                                at + 1
                            ));
                        }
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
        let out = self.apply_successions(out);
        confirm_headlines(out, &headlines)
    }

    /// A state that had ceased to exist at an event's date is its continuator there
    /// (`actors/successions.tsv`: the Soviet Union after 1991-12-25 is Russia); an event that then
    /// has the same state on both sides is dropped.
    fn apply_successions(&self, mut events: Vec<DocEvent>) -> Vec<DocEvent> {
        let table = &self.dictionaries().successions;
        if table.is_empty() {
            return events;
        }
        for e in &mut events {
            let day = e.event.date.ordinal();
            for s in table.iter().filter(|s| day > s.until.ordinal()) {
                for actor in [&mut e.event.source, &mut e.event.target] {
                    if actor.code == s.code {
                        actor.code.clone_from(&s.successor);
                        e.event.explain.push_str(&format!(
                            "; {} after {} is {} ({})",
                            s.code, s.until, s.successor, s.origin
                        ));
                    }
                }
            }
        }
        events.retain(|e| e.event.source.code != e.event.target.code);
        events
    }
}

impl Coder {
    /// Every sentence through the sentence coder with a running date context, knowing `names`.
    fn code_sentences(
        &self,
        published: Option<EventDate>,
        sentences: &[DocSentence],
        names: &DocNames,
    ) -> Vec<(Vec<CodedEvent>, SentenceFacts<'_>)> {
        let mut ctx = DateContext::new(published);
        let mut coded = Vec::with_capacity(sentences.len());
        // the lines that open the document before its first sentence that is no heading (at
        // most HEADLINES of them): a news story's headline and subheadline
        let mut opening = true;
        for (i, s) in sentences.iter().enumerate() {
            if s.note {
                coded.push((Vec::new(), SentenceFacts::default()));
                continue;
            }
            ctx.paragraph(s.paragraph);
            let headline = opening && i < HEADLINES;
            let (events, facts) = self.analyze_line(
                &SentenceInput {
                    lang: s.lang,
                    text: s.text,
                },
                &mut ctx,
                names,
                headline,
            );
            opening &= facts.heading || facts.headline;
            coded.push((events, facts));
        }
        coded
    }

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

/// An event as a later sentence tells it: its source and target, its CAMEO root, its date.
struct Told {
    source: String,
    target: String,
    root: String,
    date: EventDate,
}

impl Told {
    fn of(e: &CodedEvent) -> Told {
        Told {
            source: e.source.code.clone(),
            target: e.target.code.clone(),
            root: e.cameo.chars().take(2).collect(),
            date: e.date,
        }
    }

    /// The same act: the same root between the same two parties, in this direction
    /// (`directed`) or in either.
    fn tells(&self, other: &Told, directed: bool) -> bool {
        self.root == other.root
            && ((self.source == other.source && self.target == other.target)
                || (!directed && self.source == other.target && self.target == other.source))
    }
}

/// How many sentences after a headline may tell its act again.
const HEADLINE_REACH: usize = 5;

/// The events of the document's headlines that a sentence of the body right after one tells
/// again (the same parties, the same CAMEO root), dated as the body dates them; the others go
/// (a headline is a summary: an act the story does not tell is a title's word, not news).
fn confirm_headlines(events: Vec<DocEvent>, headlines: &[bool]) -> Vec<DocEvent> {
    if !headlines.contains(&true) {
        return events;
    }
    let told: Vec<(usize, Told)> = events
        .iter()
        .filter(|e| !headlines[e.sentence])
        .map(|e| (e.sentence, Told::of(&e.event)))
        .collect();
    events
        .into_iter()
        .filter_map(|mut e| {
            if !headlines[e.sentence] {
                return Some(e);
            }
            let i = e.sentence;
            let me = Told::of(&e.event);
            // the act told in the same direction, else in either (a symmetric act's mirror)
            let find = |directed: bool| {
                told.iter()
                    .filter(|(j, _)| *j > i && *j <= i + HEADLINE_REACH)
                    .find(|(_, t)| t.tells(&me, directed))
            };
            let (j, t) = find(true).or_else(|| find(false))?;
            e.event.date = t.date;
            e.event.explain.push_str(&format!(
                "; a headline: its act told again in sentence {}",
                j + 1
            ));
            Some(e)
        })
        .collect()
}
