//! The document's parties: role words alone resolved to the person last named in that office,
//! multilateral acts narrowed to the document's main pair, and [`Parties`] ranked by salience.

use super::DocSentence;
use crate::coder::{CodedEvent, Mention, SentenceFacts};
use crate::coder::{Coder, DocNames};
use crate::fasthash::FastMap;
use std::collections::{BTreeSet, HashMap};

/// A role word alone (总统, the president, президент, 秘书长) names the person last named in that
/// position: it becomes a mention of that person's state (and the office is no longer read as the
/// office of the document's other party). Returns, for each sentence, what it resolved: `(code,
/// explanation)` for the events that take one of its codes.
///
/// A name the document introduced after such an office (Foreign Minister Marty Natalegawa …
/// Dr Natalegawa) is a person of their own: where another person holds the same position for
/// one of the document's two main parties (Australian Foreign Minister Julie Bishop), the name
/// is the other party's; else it stays an office.
pub(super) fn resolve_offices(
    coder: &Coder,
    sentences: &[DocSentence],
    coded: &mut [(Vec<CodedEvent>, SentenceFacts<'_>)],
    names: &DocNames,
) -> Vec<Vec<(String, String)>> {
    let text = |i: usize, (a, b): (usize, usize)| -> String {
        sentences[i].text.chars().skip(a).take(b - a).collect()
    };
    // the two main parties, as the sentences' facts hold their codes
    let ranked: Vec<String> = Parties::of(coded).ranked.into_iter().take(2).collect();
    let mut main: Vec<&str> = Vec::new();
    // position → (state, sentence, span) of a person named in it anywhere (the first)
    let mut anywhere: FastMap<&str, (&str, usize, (usize, usize))> = FastMap::default();
    if !names.is_empty() {
        for (i, (_, f)) in coded.iter().enumerate() {
            for m in &f.actors {
                if ranked.iter().any(|c| c == m.code) && !main.contains(&m.code) {
                    main.push(m.code);
                }
                if let Some(p) = m.position {
                    anywhere.entry(p).or_insert((m.code, i, m.span));
                }
            }
        }
    }
    // position → (state, sentence, span) of the person last named in it
    let mut last: FastMap<&str, (&str, usize, (usize, usize))> = FastMap::default();
    let mut notes = Vec::with_capacity(coded.len());
    for (i, (_, f)) in coded.iter_mut().enumerate() {
        let mut resolved: Vec<Mention<'_>> = Vec::new();
        let mut keep = Vec::with_capacity(f.offices.len());
        let mut said = Vec::new();
        for o in &f.offices {
            let found = if !names.is_empty()
                && names.is_office_name(coder, sentences[i].lang, &text(i, o.span))
            {
                // the other main party than the one whose holder of the position is named
                o.position
                    .and_then(|p| last.get(p).or_else(|| anywhere.get(p)).copied())
                    .filter(|h| main.len() == 2 && main.contains(&h.0))
                    .map(|(held, at, span)| {
                        let code = if main[0] == held { main[1] } else { main[0] };
                        let note = format!(
                            "`{}` is {code}: `{}` (sentence {}) holds the same office for {held}",
                            text(i, o.span),
                            text(at, span),
                            at + 1
                        );
                        (code, note)
                    })
            } else {
                // a person named earlier in the same sentence counts too
                let here = f
                    .actors
                    .iter()
                    .filter(|m| m.span.1 <= o.span.0)
                    .filter_map(|m| Some((m.position?, m)))
                    .rfind(|(p, _)| Some(*p) == o.position)
                    .map(|(_, m)| (m.code, i, m.span));
                o.position
                    .and_then(|p| Some((p, here.or_else(|| last.get(p).copied())?)))
                    .map(|(position, (code, at, span))| {
                        let note = format!(
                            "`{}` is `{}` (sentence {}), the last person named as {position}",
                            text(i, o.span),
                            text(at, span),
                            at + 1
                        );
                        (code, note)
                    })
            };
            let Some((code, note)) = found else {
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
            said.push((code.to_string(), note));
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

/// A symmetric act among more than three parties of one list (美国、德国、波兰……俄罗斯等7国进行囚犯交换)
/// names a multilateral happening whose pairs the sentence does not say: it is kept as the pairs
/// of the document's two main parties where it has both, else of its first three among its
/// participants, else as its first pair. Three parties (Armenia, Azerbaijan and Russia signed)
/// keep every pair: a trilateral act is each pair's (measured on the held-out sets).
pub(super) fn narrow_multilateral(events: Vec<CodedEvent>, parties: &Parties) -> Vec<CodedEvent> {
    // four parties of one symmetric act make at least twelve events
    if events.len() < 12 {
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
        .filter(|((span, cameo), sources)| sources.len() > 3 && !star(*span, cameo))
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

/// One act of a sentence: its cue's span, its CAMEO code and its target.
type ActKey<'a> = ((usize, usize), &'a str, &'a str);

/// The document's parties by salience.
#[derive(Debug, Default)]
pub(super) struct Parties {
    pub(super) ranked: Vec<String>,
    /// Weighted mentions of each ranked party, in the same order.
    pub(super) counts: Vec<usize>,
    /// Pairs of parties that did a one-sided act together on the same target (Japan and South
    /// Korea condemned North Korea): neither is what the other's statements are about.
    pub(super) allies: Vec<(String, String)>,
}

impl Parties {
    pub(super) fn of(coded: &[(Vec<CodedEvent>, SentenceFacts<'_>)]) -> Parties {
        let mut count: FastMap<&str, usize> = FastMap::default();
        let mut first: FastMap<&str, usize> = FastMap::default();
        for (i, (_, f)) in coded.iter().enumerate() {
            for m in &f.actors {
                *count.entry(m.code).or_default() += if i < 2 { 2 } else { 1 };
                first.entry(m.code).or_insert(i);
            }
        }
        let mut ranked: Vec<&str> = count.keys().copied().collect();
        ranked.sort_by_key(|c| (std::cmp::Reverse(count[c]), first[c], *c));
        let mut allies: Vec<(String, String)> = Vec::new();
        for (events, _) in coded {
            let one_sided =
                |e: &&CodedEvent| !e.negated && !e.hypothetical && !e.mirrored_in(events);
            // (cue span, code, target) → the sources
            let mut by_act: HashMap<ActKey<'_>, BTreeSet<&str>> = HashMap::new();
            for e in events.iter().filter(one_sided) {
                by_act
                    .entry((e.span, e.cameo.as_str(), e.target.code.as_str()))
                    .or_default()
                    .insert(e.source.code.as_str());
            }
            for sources in by_act.values().filter(|s| s.len() > 1) {
                for a in sources {
                    for b in sources.iter().filter(|b| *b != a) {
                        let pair = (a.to_string(), b.to_string());
                        if !allies.contains(&pair) {
                            allies.push(pair);
                        }
                    }
                }
            }
        }
        Parties {
            counts: ranked.iter().map(|c| count[c]).collect(),
            ranked: ranked.into_iter().map(str::to_string).collect(),
            allies,
        }
    }

    /// Whether `a` and `b` acted together on another party in the document.
    fn allied(&self, a: &str, b: &str) -> bool {
        self.allies.iter().any(|(x, y)| x == a && y == b)
    }

    /// The parties a statement of `code` is about when it names none: the most salient other
    /// party, and the next one too when it is named at least half as often (a document about a
    /// war between two others of which the speaker speaks).
    pub(super) fn others(&self, code: &str) -> Vec<&str> {
        // (a party that acted together with the speaker is its side, not what it speaks of)
        let cands: Vec<(&str, usize)> = self
            .ranked
            .iter()
            .zip(&self.counts)
            .take(3)
            .filter(|(c, _)| c.as_str() != code && !self.allied(code, c))
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
    pub(super) fn is_main(&self, code: &str) -> bool {
        self.ranked.iter().take(4).any(|c| c == code)
    }

    /// The most salient party other than `code`.
    pub(super) fn other(&self, code: &str) -> Option<&str> {
        self.ranked
            .iter()
            .take(3)
            .find(|c| c.as_str() != code && !self.allied(code, c))
            .map(String::as_str)
    }
}
