//! Statements: a sentence with a reporting or speech verb, or inside a running quotation, gives a
//! statement of its speaker about the states it names, its kind from stance words.

use super::spans::{clause_start, quoted_spans};
use super::{DocSentence, Name, Pass, Remembered, Word, NEGATION_REACH, STANCE_SURE};
use crate::coder::{CodedEvent, Coder, Mention, SentenceFacts};
use crate::dict::{ContextKind, GrammarKind, PronounKind};
use crate::stance::Stance;
use dyad_model::{EventDate, Lang};
use std::collections::BTreeSet;

impl Pass<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn statements(
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
        // (a demand right after an agreement the sentence coder read, 达成协议，要求…, is the
        // agreement's terms: no speech act)
        let terms = |w: &Word| {
            matches!(w.kind, ContextKind::Speech(c) if c.starts_with("10"))
                && f.cues.iter().any(|c| {
                    c.cameo.starts_with("057") && c.span.1 <= w.span.0 && {
                        let gap: String = s
                            .text
                            .chars()
                            .skip(c.span.1)
                            .take(w.span.0 - c.span.1)
                            .collect();
                        matches!(gap.trim(), "" | "," | "，")
                    }
                })
        };
        let speech_words: Vec<&Word> = words
            .iter()
            .filter(|w| matches!(w.kind, ContextKind::Speech(_)) && !terms(w))
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
                            })
                            // (a denial is the speech of the party named before it: Azerbaijan
                            // denied it had opened fire)
                            && !f.cues.iter().any(|c| {
                                c.cameo.starts_with("016")
                                    && f.actors
                                        .iter()
                                        .any(|m| m.span.1 <= c.span.0 && m.code != r.code)
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
        // Britain and Germany said…: the parties joined to the speaker by "and" speak with it
        let mut co_speakers: Vec<&str> = match &verb {
            Some((at, _)) if source_why.ends_with("before the verb") => {
                co_speakers(s.text, f, at.0, &source)
            }
            _ => Vec::new(),
        };
        // 沙特和伊朗均…表示: the parties joined before the speaker by a with-word, right before a
        // word of jointness, speak with it
        if let Some((at, _)) = &verb {
            co_speakers.extend(joint_speakers(f, words, at.0, &source));
        }
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
        // …but a speaker who reports an act of force by another party against its own state
        // (Saakashvili said Russian troops attacked Georgian villages) also accuses that party
        let accused: Option<String> = events
            .iter()
            .find(|e| {
                reports_act
                    && !e.negated
                    && !e.hypothetical
                    && Coder::is_force(&e.cameo)
                    && e.target.code == source
                    && e.source.code != source
                    && !co_speakers.contains(&e.source.code.as_str())
                    // (a clash coded both ways, 中印士兵爆发冲突, blames no one)
                    && !events.iter().any(|m| {
                        m.source.code == e.target.code
                            && m.target.code == e.source.code
                            && m.cameo == e.cameo
                    })
            })
            .map(|e| e.source.code.clone());
        if reports_act && accused.is_none() {
            return;
        }
        // a speech verb the sentence coder read as an act (美国的决定受到俄罗斯批评: RUS → USA)
        // is that act, with its own speaker and addressee (one before a later reporting verb,
        // 指责俄罗斯…，并表示将…, leaves that report a statement of its own)
        let coded_speech = |w: &Word| {
            f.cues
                .iter()
                .any(|c| c.coded && c.span.0 < w.span.1 && w.span.0 < c.span.1)
        };
        if speech_words
            .iter()
            .any(|w| w.span.1 > verb_at && coded_speech(w))
        {
            return;
        }
        // a speech verb that is part of a longer act cue (要求……离境, asked … to leave) is that
        // act, read by the acts below
        if speech_words.iter().any(|w| {
            f.cues.iter().any(|c| {
                c.span.0 <= w.span.0
                    && w.span.1 <= c.span.1
                    && c.span.1 - c.span.0 > w.span.1 - w.span.0
                    && !["01", "02", "10", "11", "12", "13", "14"]
                        .iter()
                        .any(|r| c.cameo.starts_with(r))
            })
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
        // угрожает) is no stance word
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
                // (a criticism word under a negation, 不会受到任何威胁, is not in violation of,
                // is neither praise nor criticism: a reassurance, or a denial the annotators
                // read either way; measured: reading it as praise made more false events than
                // reading it as nothing, and as criticism as many as events)
                ContextKind::Stance(c)
                    if ["11", "12", "13"].iter().any(|r| c.starts_with(r)) && negated(w) =>
                {
                    None
                }
                // a negated word of praise (不友好, no progress, не конструктивный) criticises
                ContextKind::Stance(c) if c.starts_with("05") && negated(w) => {
                    Some("111".to_string())
                }
                ContextKind::Stance(c) | ContextKind::Speech(c) => Some(c.clone()),
                ContextKind::Appeal => {
                    // (a complementiser between, hopes that the U.S. will…, надеется, что
                    // США…, is no distance)
                    let close = |at: usize| {
                        if at < w.span.1 {
                            return false;
                        }
                        let gap: String =
                            s.text.chars().skip(w.span.1).take(at - w.span.1).collect();
                        let rest = self.coder.strip_complementisers(s.lang.as_str(), &gap);
                        !rest.contains([',', '，', ';', '；', '.', '。'])
                            && rest.chars().count() <= 8
                    };
                    // (a pair named as one, 希望改善俄美关系, hopes for better relations: it asks
                    // neither)
                    let pair = |m: &Mention<'_>| {
                        f.actors
                            .iter()
                            .any(|x| x.span == m.span && x.code != m.code)
                    };
                    // (nor a party joined to the speaker's own state, 希望韩日之间…, hopes that
                    // Japan and Korea…: the speaker hopes for both)
                    let with_own = |m: &Mention<'_>| {
                        f.actors.iter().any(|x| {
                            x.code == source && {
                                let (a, b) = if x.span.1 <= m.span.0 {
                                    (x.span.1, m.span.0)
                                } else {
                                    (m.span.1, x.span.0)
                                };
                                let gap: String =
                                    s.text.chars().skip(a).take(b.saturating_sub(a)).collect();
                                matches!(gap.trim(), "" | "和" | "与" | "與" | "、" | "and" | "и")
                            }
                        })
                    };
                    let party =
                        f.actors.iter().any(|m| {
                            m.code != source && close(m.span.0) && !pair(m) && !with_own(m)
                        }) || words.iter().any(|p| {
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
        let mut speech_end = 0;
        let speech_code = speech_words.iter().find_map(|w| match &w.kind {
            ContextKind::Speech(c)
                if (f.reports.is_empty() || w.span.0 < verb_at + 1)
                    && !(w.span.1 <= verb_at && coded_speech(w)) =>
            {
                speech_end = w.span.1;
                Some((c.clone(), w.origin.to_string()))
            }
            _ => None,
        });
        if let Some((c, origin)) = &speech_code {
            codes.insert(c.clone());
            why_words.push(origin.clone());
            // 指责俄罗斯…，并且表示将对俄罗斯采取行动: a speech verb in a clause before the
            // reporting verb is one statement; a threat or a demand the report states after it
            // is another
            if !f.reports.is_empty() && speech_end <= verb_at {
                for w in words.iter().filter(|w| w.span.0 > verb_at) {
                    if let Some(c) =
                        stance_of(w).filter(|c| c.starts_with("13") || c.starts_with("10"))
                    {
                        codes.insert(c);
                        why_words.push(w.origin.to_string());
                    }
                }
            }
        } else {
            // (a speech or stance word before the report that the sentence coder read as an act
            // is its own event)
            let read = |w: &Word| !f.reports.is_empty() && w.span.1 <= verb_at && coded_speech(w);
            for w in words.iter().filter(|w| !read(w)) {
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
        if let Some(a) = &accused {
            kinds = vec!["112".to_string()];
            why_words = vec![format!(
                "an act of force by `{a}` against the speaker's state reported"
            )];
        }
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
        // one about a kind of thing (反对一切形式的恐怖主义, condemns terrorism in all its forms)
        // that names no other party is about no one: the document's other party did nothing
        if named.is_empty() && words.iter().any(|w| *w.kind == ContextKind::Generic) {
            return;
        }
        let mut targets: Vec<(String, String)> = Vec::new();
        let ordered: Vec<(&str, &str)> =
            if !self.parties.ranked.iter().take(2).any(|c| *c == source) {
                // a third party (the UN, a mediator) speaks about the pair: the main parties it
                // names, else the document's two main parties
                // (a judgement of an act of force it names, condemned the attack, 谴责此次袭击: of
                // the party that made the document's last one)
                let judged_force = stance_neg
                    && f.cues.iter().any(|c| {
                        Coder::is_force(c.cameo)
                            && super::spans::first_speech(f, words).is_some_and(|at| c.span.0 >= at)
                    });
                let attacker = self
                    .forced
                    .as_deref()
                    .filter(|c| judged_force && *c != source);
                if let (true, Some(a)) = (named.is_empty(), attacker) {
                    vec![(a, "the party that made the act of force it judges")]
                } else if named.is_empty() {
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
            if c != source
                && !co_speakers.contains(&c)
                && targets.len() < 2
                && !targets.iter().any(|(t, _)| t == c)
            {
                targets.push((c.to_string(), why.to_string()));
            }
        }
        if let Some(a) = &accused {
            targets = vec![(
                a.clone(),
                "the party whose act of force it reports".to_string(),
            )];
        }
        // a demand word right after a party (Russia needs to…, 日方必须…, США должны…) demands
        // of that party: the statement is that demand, of it alone (what it is told to do —
        // support, respect — is no praise of anyone)
        if speech_code.is_none() && accused.is_none() {
            if let Some((party, w)) = self.demanded_of(s, f, words, &source, &stance_of) {
                let text: String = s
                    .text
                    .chars()
                    .skip(w.span.0)
                    .take(w.span.1 - w.span.0)
                    .collect();
                kinds = vec!["100".to_string()];
                targets = vec![(
                    party.to_string(),
                    format!("the party right before `{text}`"),
                )];
                why_words = vec![w.origin.to_string()];
            }
        }
        // a threat or a demand beside a statement of another root already coded for the same
        // addressee (指责俄罗斯…并表示将对俄罗斯采取行动) is a statement of its own
        // (a demand beside a protest to the same addressee, 召见…提出严正抗议, is that protest:
        // one act, of one family)
        fn family(c: &str) -> Option<&str> {
            match c.get(..2) {
                Some("14") => Some("10"),
                r => r,
            }
        }
        let coded_root = |t: &str, k: &str| {
            events.iter().any(|e| {
                e.source.code == source && e.target.code == t && family(&e.cameo) == family(k)
            })
        };
        let fresh: Vec<String> = kinds
            .iter()
            .filter(|k| k.starts_with("13") || k.starts_with("10"))
            .filter(|k| targets.iter().any(|(t, _)| coded(t) && !coded_root(t, k)))
            .cloned()
            .collect();
        if !fresh.is_empty() && targets.iter().all(|(t, _)| coded(t)) {
            targets.retain(|(t, _)| fresh.iter().all(|k| !coded_root(t, k)));
            kinds = fresh;
        } else {
            targets.retain(|(t, _)| !coded(t));
        }
        // (a condition makes a threat hypothetical, its words' or a speech verb's: warned that
        // … if …; measured, every threat annotated in a sentence with a condition is)
        let conditions: Vec<&str> = words
            .iter()
            .filter(|w| *w.kind == ContextKind::Condition)
            .map(|w| w.origin)
            .collect();
        // the speaker, then the parties joined to it by "and", each about the targets but itself
        let joined = format!("joined to the speaker ({source_why}) by `and`");
        let speakers = std::iter::once((source.as_str(), source_why.as_str()))
            .chain(co_speakers.iter().map(|co| (*co, joined.as_str())));
        for (who, why) in speakers {
            let targets: Vec<(String, String)> =
                targets.iter().filter(|(t, _)| t != who).cloned().collect();
            self.emit_statements(
                who,
                why,
                &verb_why,
                &why_words,
                &kinds,
                &targets,
                f,
                date,
                date_why,
                &conditions,
                out,
            );
        }
    }

    /// The party a demand word of the sentence (stance 10x: must, needs to, 必须, должны) has
    /// right before it as its subject, not the speaker, and the word: at most a few characters
    /// between them (an adverb, 也), no clause break.
    fn demanded_of<'f, 'w>(
        &self,
        s: &DocSentence,
        f: &SentenceFacts<'f>,
        words: &'w [Word<'w>],
        source: &str,
        stance_of: &dyn Fn(&Word) -> Option<String>,
    ) -> Option<(&'f str, &'w Word<'w>)> {
        let gap = if s.lang == Lang::Zh { 2 } else { 3 };
        words
            .iter()
            .filter(|w| stance_of(w).is_some_and(|c| c.starts_with("10")))
            .find_map(|w| {
                let m = f
                    .actors
                    .iter()
                    .filter(|m| m.span.1 <= w.span.0)
                    .max_by_key(|m| m.span.1)?;
                let between: String = s
                    .text
                    .chars()
                    .skip(m.span.1)
                    .take(w.span.0 - m.span.1)
                    .collect();
                let close = w.span.0 - m.span.1 <= gap
                    && !between
                        .contains([',', '，', ';', '；', '.', '。', '"', '“', '”', '«', '»']);
                (close && m.code != source && m.connector.is_none()).then_some((m.code, w))
            })
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_statements(
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
        cond_words: &[&str],
        out: &mut Vec<CodedEvent>,
    ) {
        let words = why_words.join(" ");
        // if you do this, we will respond; 否则俄方将退出: a threat under a condition is a
        // hypothetical
        let condition = cond_words.first();
        for code in kinds {
            let conditional = code.starts_with("13") && condition.is_some();
            let words = match condition {
                Some(c) if conditional => format!("{words}; conditional ({c})"),
                _ => words.clone(),
            };
            for (t, t_why) in targets {
                if let Some(ev) = self.event_explained(
                    source,
                    t,
                    code,
                    date,
                    (false, conditional),
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
}

/// The parties joined by "and" (and, 和, и) to the speaker named right before the verb at `at`
/// (Britain and Germany said: Britain), in its clause, other than the speaker's own code.
fn co_speakers<'f>(text: &str, f: &SentenceFacts<'f>, at: usize, source: &str) -> Vec<&'f str> {
    // (a list mark does not end the clause here: 菲律宾、越南、文莱等国提出… speak together)
    let start = clause_start(text, at, false);
    let before: Vec<&Mention<'f>> = f
        .actors
        .iter()
        .filter(|m| m.span.1 <= at && m.span.0 >= start)
        .collect();
    let Some(k) = before.iter().rposition(|m| m.code == source) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut j = k;
    while j > 0 && before[j].connector == Some(GrammarKind::And) {
        j -= 1;
        let c = before[j].code;
        if c != source && !out.contains(&c) {
            out.push(c);
        }
    }
    // 埃及和苏丹称…: and so do the parties joined after it, by an and-word or a with-word
    // alone (埃及与苏丹), before the verb
    let mut j = k;
    while let Some(next) = before.get(j + 1) {
        // (spans count characters)
        let gap: String = text
            .chars()
            .skip(before[j].span.1)
            .take(next.span.0.saturating_sub(before[j].span.1))
            .collect();
        let alone = gap.trim().chars().count() <= 2;
        let joined = match next.connector {
            Some(GrammarKind::And) => true,
            Some(GrammarKind::With) => alone,
            _ => false,
        };
        if !joined {
            break;
        }
        j += 1;
        let c = next.code;
        if c != source && !out.contains(&c) {
            out.push(c);
        }
    }
    out
}

/// The parties a word of jointness (context kind `jointly`: 均, 都, 一致) right after a chain of
/// parties joined by and/with words, before the verb at `at`, makes speak with `source`.
fn joint_speakers<'f>(
    f: &SentenceFacts<'f>,
    words: &[Word],
    at: usize,
    source: &str,
) -> Vec<&'f str> {
    let Some(joint) = words
        .iter()
        .filter(|w| *w.kind == ContextKind::Jointly && w.span.1 <= at)
        .max_by_key(|w| w.span.1)
    else {
        return Vec::new();
    };
    // the chain: the parties ending right before the word, each joined to the one before it
    let before: Vec<&Mention<'f>> = f
        .actors
        .iter()
        .filter(|m| m.span.1 <= joint.span.0)
        .collect();
    let Some(last) = before.last() else {
        return Vec::new();
    };
    if joint.span.0 > last.span.1 + 1 {
        return Vec::new();
    }
    let mut chain = vec![last.code];
    let mut k = before.len() - 1;
    while k > 0
        && matches!(
            before[k].connector,
            Some(GrammarKind::And) | Some(GrammarKind::With)
        )
    {
        k -= 1;
        chain.push(before[k].code);
    }
    if chain.len() < 2 || !chain.contains(&source) {
        return Vec::new();
    }
    chain.retain(|c| *c != source);
    chain.dedup();
    chain
}
