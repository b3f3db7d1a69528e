//! Negation and modality of a verb cue: the modality cues before it in its window and clause,
//! and what stating an act as intended makes of it.

use super::*;

impl Coder {
    /// Whether the future marker `toks[j]` (`mi`), a Chinese one, is followed at once by a party
    /// or a number: then it marks the object of the verb after it (将 = 把), it is no future.
    /// (Words such as 该 其 此 that open an object are `word` entries of the modality dictionary.)
    fn marks_object(toks: &[Tok], j: usize, chars: &CharIdx, mi: &Item) -> bool {
        let text = chars.folded();
        let cjk = text
            .get(mi.start..mi.end)
            .is_some_and(|w| w.chars().all(names::is_cjk_ideograph));
        cjk && (matches!(toks.get(j + 1), Some(Tok::Actor(p)) if p.start == mi.end && p.connector.is_none())
            || text
                .get(mi.end..)
                .and_then(|r| r.chars().next())
                .is_some_and(|c| c.is_ascii_digit()))
    }

    /// Negation and modality of the verb cue `toks[k]`: the cues before it within their window
    /// (and, for clause-scoped cues, in its clause), with their explain entries.
    pub(super) fn modality(&self, toks: &[Tok], chars: &CharIdx, k: usize, cue: &Item) -> Modality {
        let (mut negated, mut hypothetical) = (false, false);
        let mut announced: Option<usize> = None;
        let mut first_person: Option<usize> = None;
        // a hypothetical marker other than a future tense (could, 计划, может)
        let mut beyond_future = false;
        let mut intent: Option<usize> = None;
        let mut conditional = false;
        let mut mod_why = Vec::new();
        for (j, t) in toks.iter().enumerate().take(k) {
            let Tok::Modal(mi) = t else { continue };
            let Entry::Modal(idx) = mi.entry else {
                continue;
            };
            let me = &self.dict.modality[idx];
            if mi.end > cue.start {
                continue;
            }
            let dist = chars.at(cue.start) - chars.at(mi.end);
            if dist > me.window {
                continue;
            }
            if matches!(me.scope, Scope::Clause | Scope::After)
                && toks[j + 1..k]
                    .iter()
                    .any(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
            {
                continue;
            }
            // 尚未回应德国和法国驱逐……的决定: a subject between the negation and the act opens
            // the act's own clause; the negation is of an earlier verb
            if me.flag == Flag::Negated
                && toks[j + 1..k]
                    .iter()
                    .any(|t| matches!(t, Tok::Actor(p) if p.connector.is_none()))
            {
                continue;
            }
            match me.flag {
                Flag::Negated => negated = true,
                Flag::Hypothetical => {
                    hypothetical = true;
                    beyond_future = true;
                }
                // 将该国驻北京大使召回, 将23家企业列入, 美国将俄罗斯列为: a Chinese future marker
                // followed at once by the thing acted on is the object marker (将 = 把), not a
                // future
                Flag::Future if Self::marks_object(toks, j, chars, mi) => continue,
                Flag::Future => hypothetical = true,
                Flag::FirstPerson => {
                    first_person = Some(idx);
                    continue;
                }
                Flag::Condition => {
                    hypothetical = true;
                    conditional = true;
                }
                Flag::Intent => {
                    hypothetical = true;
                    beyond_future = true;
                    intent = Some(idx);
                }
                Flag::Announced => {
                    announced = Some(idx);
                    continue;
                }
                Flag::Word => continue,
            }
            mod_why.push(format!(
                "{} `{}` {}",
                if me.flag == Flag::Negated {
                    "negated by"
                } else {
                    "hypothetical by"
                },
                me.cue,
                me.origin
            ));
        }
        // a predicate after the act in its clause, before any other act (the summit will take
        // place, саммит состоится); such a cue also governs acts after it, like a clause cue
        for t in toks.iter().skip(k + 1) {
            match t {
                Tok::Gram(GrammarKind::Break, _) | Tok::Action(_) => break,
                Tok::Modal(mi) => {
                    let Entry::Modal(idx) = mi.entry else {
                        continue;
                    };
                    let me = &self.dict.modality[idx];
                    if me.scope != Scope::After
                        || mi.start < cue.span_end
                        || chars.at(mi.start) - chars.at(cue.span_end) > me.window
                    {
                        continue;
                    }
                    match me.flag {
                        Flag::Negated => negated = true,
                        Flag::Word => continue,
                        _ => {
                            hypothetical = true;
                            beyond_future = true;
                        }
                    }
                    mod_why.push(format!(
                        "{} `{}` {} after the cue",
                        if me.flag == Flag::Negated {
                            "negated by"
                        } else {
                            "hypothetical by"
                        },
                        me.cue,
                        me.origin
                    ));
                }
                _ => {}
            }
        }
        // an announced one-sided measure (withdrawal, sanctions, expulsion, coercion; easing and
        // releases; a deployment ordered) takes effect as announced: "announced it will
        // withdraw", 宣布将退出, 我们将驱逐, 宣布将从今天起取消…关税, 宣布将向边境派遣军队; not one that
        // a condition before it, in any clause, leaves hanging (如果……，我们将驱逐)
        let condition_before = toks.iter().take(k).any(|t| {
            matches!(t, Tok::Modal(mi) if matches!(mi.entry,
                Entry::Modal(idx) if self.dict.modality[idx].flag == Flag::Condition))
        });
        // (a first-person subject announces only what it says it will do: we could expel, 我们
        // 可能驱逐 stay plans)
        let announced = announced.or(first_person.filter(|_| !beyond_future));
        if let (Some(idx), true, false, Entry::Action(ai)) = (
            announced,
            hypothetical,
            conditional || condition_before,
            &cue.entry,
        ) {
            let code = &self.dict.actions[*ai].cameo;
            if !negated && ["16", "17", "08", "15"].iter().any(|p| code.starts_with(p)) {
                hypothetical = false;
                mod_why.retain(|w| !w.starts_with("hypothetical by"));
                let me = &self.dict.modality[idx];
                mod_why.push(format!(
                    "factual: an announced measure `{}` {}",
                    me.cue, me.origin
                ));
            }
        }
        // what saying it states: readiness to act is an expression of intent (03x)
        let code = match &cue.entry {
            Entry::Action(ai) => self.dict.actions[*ai].cameo.as_str(),
            _ => "",
        };
        // a threat speaks of the future: will, 将, будет leave it a threat made; a condition
        // in its clause makes it hypothetical, and so does one anywhere in the sentence (Russia
        // would respond if…, 如果……，中方将予以回应, Biden warned that … if …: measured, every
        // threat annotated in a sentence with a condition is hypothetical)
        // (and so does an intent to respond, vowed or ready: 誓言将……作出回应, ready to
        // retaliate, готовы ответить is the threat itself)
        let to_come = matches!(cue.entry, Entry::Action(ai) if self.dict.actions[ai].future);
        if code.starts_with("13") && !conditional && (intent.is_none() || to_come) && !negated {
            let future = hypothetical || to_come;
            let condition = toks.iter().find_map(|t| match t {
                Tok::Modal(mi) => match mi.entry {
                    Entry::Modal(idx) if self.dict.modality[idx].flag == Flag::Condition => {
                        Some(&self.dict.modality[idx])
                    }
                    _ => None,
                },
                _ => None,
            });
            mod_why.retain(|w| !w.starts_with("hypothetical by"));
            hypothetical = false;
            match condition {
                Some(me) => {
                    hypothetical = true;
                    mod_why.push(format!(
                        "hypothetical: a consequence under the condition `{}` {}",
                        me.cue, me.origin
                    ));
                }
                _ if future => mod_why.push("factual: a threat is stated in the future".into()),
                _ => {}
            }
        }
        // an expression of intent (03x: pledge, 承诺, 致力于, обещать) speaks of the future too:
        // a future tense (will continue to, 将继续, будет) leaves it an intent expressed; a
        // modal or a condition (could pledge, 如果……承诺) still makes it hypothetical
        if code.starts_with("03")
            && hypothetical
            && !beyond_future
            && !conditional
            && !condition_before
            && !negated
        {
            hypothetical = false;
            mod_why.retain(|w| !w.starts_with("hypothetical by"));
            mod_why.push("factual: an intent is stated in the future".into());
        }
        let stated = intent
            .filter(|_| hypothetical && !negated)
            .and_then(|i| intent_code(code).map(|c| (i, c)))
            .filter(|(_, c)| self.dict.codes.get(c).is_some())
            .map(|(i, c)| {
                let me = &self.dict.modality[i];
                Stated {
                    code: c,
                    why: format!(
                        "intent: `{}` {} states the intent to act",
                        me.cue, me.origin
                    ),
                }
            });
        Modality {
            negated,
            hypothetical,
            stated,
            why: mod_why,
        }
    }
}

/// The negation and modality of a verb cue (see `Coder::modality`).
#[derive(Debug, Default)]
pub(super) struct Modality {
    pub(super) negated: bool,
    pub(super) hypothetical: bool,
    /// What stating the act is: an expression of intent (03x).
    pub(super) stated: Option<Stated>,
    /// Explain entries of the cues that set the flags.
    pub(super) why: Vec<String>,
}

/// A factual act made by stating another as intended.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    /// Its CAMEO code (03x).
    pub code: &'static str,
    /// Which modality cue (with its file:line) made it.
    pub why: String,
}

/// The CAMEO "express intent" code (03x) of an act stated as intended: meetings and talks 036,
/// diplomatic cooperation 032, material cooperation 031, aid 033, concessions 035, agreement
/// and other cooperation 030 (CAMEO codebook, chapter 03). Acts of conflict have none: an
/// intended sanction or strike is a threat, which its own cues code.
pub(super) fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "04" => "036",
        "05" if code.starts_with("057") => "030",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::{cue, day, prepare, with_sentence};
    use super::*;

    fn first_modality(lang: Lang, text: &str) -> Modality {
        with_sentence(lang, text, |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (_, acts, _) = prepare(coder, s, &ctx);
            let c = cue(coder, s, &acts, 0);
            coder.modality(s.toks, s.chars, c.k, c.item)
        })
    }

    #[test]
    fn a_negation_before_the_cue_negates_it() {
        let m = first_modality(Lang::En, "Russia did not expel American diplomats.");
        assert!(m.negated && !m.hypothetical && m.stated.is_none());
        assert_eq!(m.why.len(), 1);
        assert!(m.why[0].starts_with("negated by `did not`"));
        let m = first_modality(Lang::Zh, "俄罗斯没有批评美国。");
        assert!(m.negated && !m.hypothetical);
    }

    #[test]
    fn a_future_before_the_cue_makes_it_hypothetical() {
        let m = first_modality(Lang::En, "Russia will expel American diplomats.");
        assert!(!m.negated && m.hypothetical);
        assert!(m.why[0].starts_with("hypothetical by `will`"));
        let m = first_modality(Lang::En, "Russia expelled American diplomats.");
        assert!(!m.negated && !m.hypothetical && m.why.is_empty());
    }

    #[test]
    fn an_act_of_cooperation_stated_as_intended_is_an_intent() {
        let m = first_modality(
            Lang::En,
            "Russia is ready to cooperate with the United States.",
        );
        assert!(m.hypothetical);
        assert_eq!(m.stated.map(|st| st.code), Some("032"));
        assert_eq!(intent_code("042"), Some("036"));
        assert_eq!(intent_code("057"), Some("030"));
        assert_eq!(intent_code("111"), None);
    }
}
