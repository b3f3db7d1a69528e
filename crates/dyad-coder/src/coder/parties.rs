//! The parties of a sentence: the state codes its actor phrases stand for at a date (people by
//! their dated roles, offices, metonyms), and the pair the sentence is about.

use super::*;

impl Coder {
    /// Whether a phrase names only a treaty (《中导条约》, New START: a group metonym without a
    /// role), not a party.
    pub(super) fn is_treaty(&self, p: &Phrase) -> bool {
        p.members.iter().all(|&a| {
            let e = &self.dict.actors[a];
            e.role.is_none()
                && matches!(e.kind, ActorKind::Group(_))
                && e.origin.starts_with("metonyms/")
        })
    }

    /// Whether a phrase names only states or places (capitals and seats of power included; no
    /// person, no office, no group): such a phrase joined to a location is another location.
    pub(super) fn is_place(&self, p: &Phrase) -> bool {
        p.members.iter().all(|&a| {
            let e = &self.dict.actors[a];
            !e.is_org
                && (e.role.is_none() || e.origin.starts_with("metonyms/"))
                && matches!(e.kind, ActorKind::Code(_))
        })
    }

    /// Whether actor entry `a` can join phrase `p` (one state or organisation, one person).
    pub(super) fn compatible(&self, p: &Phrase, a: usize) -> bool {
        let new = &self.dict.actors[a];
        let code_of = |i: usize| -> Option<String> {
            let e = &self.dict.actors[i];
            match &e.kind {
                ActorKind::Code(c) => Some(c.clone()),
                ActorKind::Person(k) => self.dict.people.of(k).next().map(|t| t.country.clone()),
                _ => None,
            }
        };
        if matches!(new.kind, ActorKind::Group(_) | ActorKind::Pair) {
            return false;
        }
        if p.members.iter().any(|&i| {
            matches!(
                self.dict.actors[i].kind,
                ActorKind::Group(_) | ActorKind::Pair
            )
        }) {
            return matches!(new.kind, ActorKind::Agent(_));
        }
        let new_code = code_of(a);
        for &i in &p.members {
            let old = &self.dict.actors[i];
            match (&old.kind, &new.kind) {
                (ActorKind::Person(x), ActorKind::Person(y)) if x != y => return false,
                (ActorKind::Code(x), ActorKind::Code(y))
                    if x != y && !(old.is_org ^ new.is_org) =>
                {
                    return false
                }
                _ => {}
            }
            if let (Some(oc), Some(nc)) = (code_of(i), new_code.as_ref()) {
                if &oc != nc && !old.is_org && !new.is_org {
                    return false;
                }
            }
        }
        true
    }

    /// The codes [`Coder::parties`] gives a phrase at `date` with no context pair, in order,
    /// without building the parties.
    /// Whether every state phrase `p` names is one the phrases `of` name.
    pub(super) fn same_state(&self, p: &Phrase, of: &[Phrase], date: Option<&EventDate>) -> bool {
        let mut mine: Vec<&str> = Vec::new();
        self.codes_of(p, date, |c| mine.push(c));
        let mut theirs: Vec<&str> = Vec::new();
        for q in of {
            self.codes_of(q, date, |c| theirs.push(c));
        }
        !mine.is_empty() && mine.iter().all(|c| theirs.contains(c))
    }

    /// The position person `key` held at `date` (the highest-ranked one if several), else the
    /// one nearest to it, else their first.
    pub(super) fn position_of<'s>(
        &'s self,
        key: &str,
        date: Option<&EventDate>,
    ) -> Option<&'s str> {
        let people = &self.dict.people;
        let rank = |t: &&crate::people::Tenure| people.position(&t.position).map_or(9, |p| p.rank);
        let held = date.and_then(|d| people.of(key).filter(|t| t.covers(d)).min_by_key(rank));
        let nearest = || match date {
            Some(d) => people
                .of(key)
                .min_by_key(|t| (t.start.ordinal() - d.ordinal()).abs()),
            None => people.of(key).next(),
        };
        held.or_else(nearest).map(|t| t.position.as_str())
    }

    pub(super) fn codes_of<'s>(
        &'s self,
        p: &Phrase,
        date: Option<&EventDate>,
        mut f: impl FnMut(&'s str),
    ) {
        let mut code: Option<&'s str> = None;
        let mut grouped = false;
        for &i in &p.members {
            let e = &self.dict.actors[i];
            match &e.kind {
                ActorKind::Code(c) => {
                    if e.is_org && code.is_some() {
                        continue;
                    }
                    if code.is_none() || e.is_org {
                        code = Some(c);
                    }
                }
                ActorKind::Agent(_) | ActorKind::Pair => {}
                ActorKind::Person(k) => {
                    let people = &self.dict.people;
                    let at = date.and_then(|d| {
                        people.of(k).filter(|t| t.covers(d)).min_by_key(|t| {
                            people.position(&t.position).map(|p| p.rank).unwrap_or(9)
                        })
                    });
                    match at {
                        Some(t) => code = Some(&t.country),
                        None => {
                            let nearest = date
                                .and_then(|d| {
                                    people
                                        .of(k)
                                        .min_by_key(|t| (t.start.ordinal() - d.ordinal()).abs())
                                })
                                .or(people.of(k).next());
                            if let (Some(t), None) = (nearest, code) {
                                code = Some(&t.country);
                            }
                        }
                    }
                }
                ActorKind::Group(codes) => {
                    for c in codes {
                        grouped = true;
                        f(c);
                    }
                }
            }
        }
        if let (false, Some(c)) = (grouped, code) {
            f(c);
        }
    }

    /// Resolves an actor phrase at `date` into parties (a group gives several).
    pub(super) fn parties(
        &self,
        p: &Phrase,
        date: Option<&EventDate>,
        pair: Option<&(String, String)>,
        text: String,
        explain: bool,
    ) -> Vec<Party> {
        let mut code: Option<String> = None;
        let mut role = String::new();
        let mut person = None;
        let mut position = None;
        let mut rank = 9u8;
        use std::fmt::Write as _;
        // the explain entries, joined with " + " as they come
        let mut why = String::new();
        let why_sep = |why: &mut String| {
            if !why.is_empty() {
                why.push_str(" + ");
            }
        };
        let mut out = Vec::new();
        for &i in &p.members {
            let e = &self.dict.actors[i];
            match &e.kind {
                ActorKind::Code(c) => {
                    if e.is_org && code.is_some() {
                        continue; // "NATO's Russian envoy": keep the state
                    }
                    if code.is_none() || e.is_org {
                        code = Some(c.clone());
                    }
                    if let Some(r) = &e.role {
                        role = r.clone();
                    }
                    if explain {
                        why_sep(&mut why);
                        let _ = write!(why, "`{}` {} {}", e.pattern, c, e.origin);
                    }
                }
                ActorKind::Agent(r) => {
                    if role.is_empty() {
                        role = r.clone();
                    }
                    if explain {
                        why_sep(&mut why);
                        let _ = write!(why, "`{}` role {} {}", e.pattern, r, e.origin);
                    }
                }
                ActorKind::Person(k) => {
                    let tenures: Vec<_> = self.dict.people.of(k).collect();
                    let at = date.and_then(|d| {
                        tenures.iter().filter(|t| t.covers(d)).min_by_key(|t| {
                            self.dict
                                .people
                                .position(&t.position)
                                .map(|p| p.rank)
                                .unwrap_or(9)
                        })
                    });
                    match at {
                        Some(t) => {
                            code = Some(t.country.clone());
                            let pos = self.dict.people.position(&t.position);
                            role = pos.map(|p| p.cameo_role.clone()).unwrap_or_default();
                            rank = pos.map(|p| p.rank).unwrap_or(9);
                            position = Some(t.position.clone());
                            if explain {
                                why_sep(&mut why);
                                let _ = write!(
                                    why,
                                    "`{}` {} {} {} {}",
                                    e.pattern, k, t.country, t.position, t.origin
                                );
                            }
                        }
                        None => {
                            // out of office at that date: the person still speaks for the country
                            let nearest = date
                                .and_then(|d| {
                                    tenures
                                        .iter()
                                        .min_by_key(|t| (t.start.ordinal() - d.ordinal()).abs())
                                })
                                .or(tenures.first());
                            if let Some(t) = nearest {
                                if code.is_none() {
                                    code = Some(t.country.clone());
                                }
                                if explain {
                                    why_sep(&mut why);
                                    let _ = write!(
                                        why,
                                        "`{}` {} {} (no office at the date) {}",
                                        e.pattern, k, t.country, t.origin
                                    );
                                }
                            }
                        }
                    }
                    person = Some(k.clone());
                }
                ActorKind::Group(codes) => {
                    for c in codes {
                        out.push(Party {
                            actor: ActorRef {
                                code: c.clone(),
                                role: String::new(),
                                person: None,
                                position: None,
                                text: Some(text.to_string()),
                            },
                            why: if !explain {
                                String::new()
                            } else {
                                format!("`{}` group {} {}", e.pattern, codes.join(","), e.origin)
                            },
                            rank: 9,
                        });
                    }
                }
                ActorKind::Pair => {
                    if let Some((a, b)) = pair {
                        for c in [a, b] {
                            out.push(Party {
                                actor: ActorRef {
                                    code: c.clone(),
                                    role: String::new(),
                                    person: None,
                                    position: None,
                                    text: Some(text.to_string()),
                                },
                                why: if !explain {
                                    String::new()
                                } else {
                                    format!(
                                        "`{}` pair {a},{b} from context {}",
                                        e.pattern, e.origin
                                    )
                                },
                                rank: 9,
                            });
                        }
                    }
                }
            }
        }
        if !out.is_empty() {
            if !role.is_empty() {
                for p in &mut out {
                    p.actor.role = role.clone();
                }
            }
            return out;
        }
        match code {
            Some(code) => vec![Party {
                actor: ActorRef {
                    code,
                    role,
                    person,
                    position,
                    text: Some(text),
                },
                why,
                rank,
            }],
            None => Vec::new(),
        }
    }
}

/// The state codes a sentence's actor phrases stand for at its base date (see
/// [`Coder::named_codes`]).
#[derive(Debug)]
pub(super) struct Named<'s> {
    /// The distinct codes, in the order first named.
    pub(super) codes: Vec<&'s str>,
    /// Every actor phrase's codes by token index (only when the sentence facts are asked for).
    pub(super) phrase_codes: Vec<(usize, &'s str)>,
    /// The distinct codes named other than as a place (在南韩釜山, in Geneva), in order.
    pub(super) sides: Vec<&'s str>,
}

impl Coder {
    /// The codes the sentence's actor phrases stand for at its base date `base`: the distinct
    /// codes it names, and with `want_facts` every phrase's codes by token index.
    pub(super) fn named_codes<'s>(
        &'s self,
        toks: &[Tok],
        base: Option<&EventDate>,
        want_facts: bool,
    ) -> Named<'s> {
        // the pair for "both sides": two distinct codes named in this sentence, else the context
        let mut codes_here: Vec<&'s str> = Vec::new();
        // every actor phrase's codes by token index, kept for the sentence facts when asked
        let mut phrase_codes: Vec<(usize, &'s str)> = Vec::new();
        let mut sides: Vec<&'s str> = Vec::new();
        for (ti, t) in toks.iter().enumerate() {
            if let Tok::Actor(p) = t {
                let place = p.connector == Some(GrammarKind::At);
                self.codes_of(p, base, |c| {
                    if want_facts {
                        phrase_codes.push((ti, c));
                    }
                    if !codes_here.contains(&c) {
                        codes_here.push(c);
                    }
                    if !place && !sides.contains(&c) {
                        sides.push(c);
                    }
                });
            }
        }
        Named {
            codes: codes_here,
            phrase_codes,
            sides,
        }
    }
}

impl Named<'_> {
    /// The pair for "both sides": the two distinct codes the sentence names other than as a
    /// place (双方 after a meeting 在南韩釜山 are not South Korea), else the pair the context
    /// carries.
    pub(super) fn pair(&self, ctx: &DateContext) -> Option<(String, String)> {
        let codes_here = &self.sides;
        if codes_here.len() == 2 {
            Some((codes_here[0].to_string(), codes_here[1].to_string()))
        } else {
            ctx.pair.clone()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{day, with_sentence};
    use super::*;

    #[test]
    fn two_codes_named_are_the_sentences_pair() {
        with_sentence(
            Lang::En,
            "Russia criticized the United States.",
            |coder, s| {
                let named = coder.named_codes(s.toks, None, true);
                assert_eq!(named.codes, vec!["RUS", "USA"]);
                let by_phrase: Vec<&str> = named.phrase_codes.iter().map(|&(_, c)| c).collect();
                assert_eq!(by_phrase, vec!["RUS", "USA"]);
                let mut ctx = DateContext::new(Some(day("2021-03-20")));
                ctx.pair = Some(("CHN".into(), "IND".into()));
                assert_eq!(named.pair(&ctx), Some(("RUS".into(), "USA".into())));
                // without the facts, no codes by phrase are kept
                assert!(coder
                    .named_codes(s.toks, None, false)
                    .phrase_codes
                    .is_empty());
            },
        );
    }

    #[test]
    fn three_codes_named_leave_the_pair_to_the_context() {
        let text = "Russia, China and the United States held talks.";
        with_sentence(Lang::En, text, |coder, s| {
            let named = coder.named_codes(s.toks, None, false);
            assert_eq!(named.codes, vec!["RUS", "CHN", "USA"]);
            let mut ctx = DateContext::new(Some(day("2021-03-20")));
            ctx.pair = Some(("CHN".into(), "IND".into()));
            assert_eq!(named.pair(&ctx), Some(("CHN".into(), "IND".into())));
        });
    }

    #[test]
    fn a_state_named_only_as_the_place_is_no_side_of_the_pair() {
        let text = "美国总统10月在韩国釜山与中国国家主席会晤后，双方取得进展。";
        with_sentence(Lang::Zh, text, |coder, s| {
            let named = coder.named_codes(s.toks, None, false);
            assert_eq!(named.codes, vec!["USA", "KOR", "CHN"]);
            assert_eq!(named.sides, vec!["USA", "CHN"]);
            let mut ctx = DateContext::new(Some(day("2025-11-24")));
            ctx.pair = Some(("RUS".into(), "UKR".into()));
            assert_eq!(named.pair(&ctx), Some(("USA".into(), "CHN".into())));
        });
    }

    #[test]
    fn a_state_right_after_zhu_with_no_state_before_is_only_the_post() {
        // 该国驻中国大使: the envoy of "that country", posted in China, is no Chinese envoy
        let text = "立陶宛宣布，已经将该国驻中国大使召回国内。";
        with_sentence(Lang::Zh, text, |coder, s| {
            assert_eq!(coder.named_codes(s.toks, None, false).codes, vec!["LTU"]);
        });
        // 美国驻俄罗斯大使: a phrase that names its own state keeps it
        with_sentence(
            Lang::Zh,
            "美国驻俄罗斯大使会见了拉夫罗夫。",
            |coder, s| {
                assert_eq!(
                    coder.named_codes(s.toks, None, false).codes,
                    vec!["USA", "RUS"]
                );
            },
        );
    }

    #[test]
    fn a_state_in_a_short_quoted_term_is_no_party_unless_an_act_is_named_in_it() {
        with_sentence(
            Lang::Zh,
            "日本首相就「台湾有事」发表言论。",
            |coder, s| {
                assert_eq!(coder.named_codes(s.toks, None, false).codes, vec!["JPN"]);
            },
        );
        with_sentence(
            Lang::Zh,
            "中方强烈谴责“美国制裁”行径。",
            |coder, s| {
                assert_eq!(
                    coder.named_codes(s.toks, None, false).codes,
                    vec!["CHN", "USA"]
                );
            },
        );
    }
}
