//! Who speaks: the speaker of a reporting verb, a statement passed on, the names of remembered
//! actors, and the referents of pronouns.

use super::spans::{clause_start, quoted_spans};
use super::{DocSentence, Name, Pass, Remembered, Word};
use crate::coder::{Mention, SentenceFacts};
use crate::dict::{ContextKind, GrammarKind, PronounKind};
use dyad_model::Lang;

impl Pass<'_> {
    /// The speaker of a statement whose verb starts at `at`: the nearest actor or pronoun before
    /// it (a pronoun resolved to the last speaker or subject), else (alphabetic scripts) an actor
    /// right after it (`said Putin`).
    pub(super) fn speaker_at(
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
                // (not the object of an act right before it: 支持台湾、反对…的抗议活动)
                f.actors
                    .iter()
                    .filter(|m| m.span.1 <= at.0 && outside(m.span))
                    .filter(subject_like)
                    .min_by_key(|m| m.span.0)
                    .filter(|m| {
                        !f.cues
                            .iter()
                            .any(|c| c.span.0 < m.span.0 && m.span.0 <= c.span.1 + 2)
                    })
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
        // right before it (or inside a cue that spans it: summoned the Russian ambassador) does
        // not speak; the act's subject does
        let mention = mention.map(|m| {
            let object_of = f.cues.iter().find(|c| {
                c.span.0 < m.span.0 && m.span.0 <= c.span.1 + 2 && c.span.0 >= clause_start
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
        // 外交部表示, the Foreign Ministry said, МИД заявил: an office named without its state,
        // nearest before the verb in its clause and nearer than any actor or pronoun, speaks for
        // the document's main party that the sentence does not name after the verb, when it
        // names the other (only between the document's two main parties, as for acts)
        let office = f
            .offices
            .iter()
            .filter(|o| o.span.1 <= at.0 && o.span.0 >= clause_start)
            .filter(|o| matches!(o.connector, None | Some(GrammarKind::And)))
            .max_by_key(|o| o.span.1)
            // (俄罗斯外交部的官员: an office after a state in its clause is that state's)
            .filter(|o| {
                !f.actors
                    .iter()
                    .any(|m| m.span.1 <= at.0 && m.span.0 >= clause_start)
                    && pronoun.is_none_or(|p| p.span.1 <= o.span.0)
            });
        if let Some(o) = office {
            let named_after = |c: &str| f.actors.iter().any(|m| m.span.0 >= at.1 && m.code == c);
            let source = match self.parties.ranked.iter().take(2).collect::<Vec<_>>()[..] {
                [a, b] => match (named_after(a), named_after(b)) {
                    (true, false) => Some(b),
                    (false, true) => Some(a),
                    _ => None,
                },
                _ => None,
            };
            if let Some(src) = source {
                let office: String = s
                    .text
                    .chars()
                    .skip(o.span.0)
                    .take(o.span.1 - o.span.0)
                    .collect();
                return Some((
                    src.clone(),
                    format!("the office `{office}` of the document's other party"),
                ));
            }
        }
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
        // (not past another reporting verb or an act: "…," noted the spokesperson, adding that
        // any action taken by Russia… names no speaker in Russia)
        let stop = f
            .reports
            .iter()
            .map(|r| r.0)
            .chain(f.cues.iter().map(|c| c.span.0))
            .filter(|&x| x >= at.1)
            .min()
            .unwrap_or(usize::MAX);
        let after = f
            .actors
            .iter()
            .find(|m| m.span.0 >= at.1 && m.span.0 - at.1 <= reach && m.span.0 < stop)?;
        Some((
            after.code.to_string(),
            format!("`{}` after the verb", name(after)),
        ))
    }

    /// 波顿说，“俄方表明，他们不认为……”: a reporting verb after the statement's own, whose
    /// subject is named right before it and is another main party, reports that party's
    /// statement; the outer speaker only passes it on.
    pub(super) fn inner_speaker(
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
            .filter(|r| r.0 >= at.1 && !f.attributions.contains(r))
            .find_map(|&r| {
                let (code, why) = self.speaker_at(s, f, words, r, quoted_before)?;
                // (its subject close before it: 高市早苗日前在国会答辩时公然发表…言论 is what the
                // outer speaker speaks of, not a statement passed on)
                let reach = if s.lang == Lang::Zh { 6 } else { 16 };
                let close = f
                    .actors
                    .iter()
                    .any(|m| m.code == code && m.span.1 <= r.0 && r.0 - m.span.1 <= reach);
                (code != outer.0
                    && close
                    && why.ends_with("before the verb")
                    && self.parties.is_main(&code))
                .then(|| (code, format!("{why}, reported by {}", outer.1)))
            })
            .unwrap_or(outer)
    }

    /// The words that named a remembered actor.
    pub(super) fn name(&self, r: &Remembered) -> String {
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
    /// The referent of a pronoun that is an act's subject in sentence `i`: as [`Self::resolve`],
    /// but a speaker the sentence itself names after the pronoun (他们随后驱逐了…，美国则表示支持)
    /// is not it; the speaker before the sentence is.
    /// (`named_at`: where the sentence names the speaker of its first reporting or speech verb.)
    pub(super) fn resolve_subject(
        &mut self,
        i: usize,
        p: &Word,
        named_at: Option<usize>,
    ) -> Option<(String, String)> {
        let later = self.speaker.as_ref().is_some_and(|r| r.at == i)
            && named_at.is_some_and(|at| p.span.1 <= at);
        if !later {
            return self.resolve(p);
        }
        let current = std::mem::replace(&mut self.speaker, self.speaker_before.clone());
        let out = self.resolve(p);
        self.speaker = current;
        out
    }

    pub(super) fn resolve(&self, p: &Word) -> Option<(String, String)> {
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
}
