//! Which verb cues of a sentence name acts: the others name a topic, sit in a title, modify a
//! noun or say what talks were about.

use super::*;

/// The verb cues of a sentence that name acts (see [`Coder::act_cues`]).
#[derive(Debug)]
pub(super) struct ActCues {
    /// Token indices of the verb cues that name acts, in order.
    pub(super) action_idx: Vec<usize>,
    /// Token indices of the verb cues of relative clauses: what precedes them is inside the
    /// clause, not the subject of a verb after them.
    pub(super) relative: Vec<usize>,
}

impl Coder {
    /// Decides which verb cues of the sentence name acts: not a nominal cue without a light
    /// verb, a cue inside the gap of an earlier one, a cue that names a topic or sits in a
    /// title, the verb of a relative clause (kept apart in [`ActCues::relative`]), a cue that
    /// with its object modifies a topic noun, an act noun before a noun of talks or of an
    /// agreement, or an act right after a verb of talks (what they talked about).
    pub(super) fn act_cues(&self, s: &Sentence) -> ActCues {
        let (m, folded, toks) = (s.m, s.folded, s.toks);
        // verb cues that name acts: not a nominal cue without a light verb (美俄在军控领域的
        // 合作), not a cue inside the gap of an earlier one (以更严厉的制裁)
        let mut action_idx: Vec<usize> = Vec::new();
        // verb cues of relative clauses (遭美国驱逐的60名外交官): what precedes them is inside the
        // clause, not the subject of a verb after it
        let mut relative: Vec<usize> = Vec::new();
        let mut covered = 0usize;
        for (i, t) in toks.iter().enumerate() {
            let Tok::Action(cue) = t else { continue };
            let Entry::Action(ai) = cue.entry else {
                continue;
            };
            if cue.start < covered {
                continue;
            }
            if self.dict.actions[ai].noun && !self.noun_is_act(m, folded, toks, i, cue) {
                continue;
            }
            if self.names_topic(m, folded, cue.span_end) {
                continue;
            }
            if Self::in_title(m, folded, cue.start) {
                continue;
            }
            // statements made at a summit in Hiroshima: a meeting named as the setting of
            // another act is where it happened, not an act (with no other act in the sentence,
            // struck an upbeat tone at a rare meeting, the meeting is what it tells)
            if self.dict.actions[ai].cameo.starts_with("04")
                && !self.dict.actions[ai].cameo.starts_with("041")
                && Self::in_setting(m, folded, cue.start)
                && toks
                    .iter()
                    .enumerate()
                    .any(|(j, t)| j != i && matches!(t, Tok::Action(_)))
            {
                continue;
            }
            // 1987年签署的条约; a gapped cue whose gap opens with the particle modifies its tail
            // (遭美国驱逐的60名俄罗斯外交官抵达)
            if !self.dict.actions[ai].noun
                && (Self::attributive(m, folded, cue.span_end)
                    || (cue.span_end > cue.end && Self::attributive(m, folded, cue.end)))
            {
                relative.push(i);
                continue;
            }
            // 加强制裁俄罗斯的可能性: the cue and its object modify a topic noun
            if let Some(Tok::Actor(p)) = toks.get(i + 1) {
                if p.start == cue.span_end
                    && folded.get(p.end..).is_some_and(|r| r.starts_with('的'))
                    && self.names_topic(m, folded, p.end)
                {
                    continue;
                }
            }
            // 换囚谈判, 停火协议, ceasefire talks: an act noun right before a noun of talks or of an
            // agreement names what they are about; the talks or the agreement are the act
            if self.names_talks(m, folded, toks, i, cue) {
                continue;
            }
            // 对英国的新制裁予以回应, 对制裁表示谴责: a measure right before a verb of reaction
            // is what it reacts to
            if self.reacted_to(folded, toks, i, ai) {
                continue;
            }
            // 停火协议要求两国撤军, 达成协议，要求叙利亚销毁化武: a demand right after an
            // agreement (or after it and a comma alone) is its terms
            if self.dict.actions[ai].cameo.starts_with("10")
                && self.agreement_before(folded, toks, i, cue.start)
            {
                continue;
            }
            // discussed sanctions with Putin, обсуждал санкции, 讨论制裁: an act right after a
            // verb of talks is what they talked about
            if let Some(&pk) = action_idx.last() {
                if let Tok::Action(prev) = &toks[pk] {
                    let (prev_code, prev_future) = match prev.entry {
                        Entry::Action(pi) => {
                            let a = &self.dict.actions[pi];
                            (a.cameo.as_str(), a.future)
                        }
                        _ => ("", false),
                    };
                    let talks = prev_code.starts_with("04");
                    let gap = folded.get(prev.span_end..cue.start).unwrap_or(",");
                    let unbroken = !gap.contains([',', '，', ';', '；', '。', '.']);
                    let close = gap.chars().count() <= TOPIC_GAP && unbroken;
                    if talks && close && !self.dict.actions[ai].cameo.starts_with("04") {
                        continue;
                    }
                    // condemned the new US sanctions, ответит на санкции США: a measure right
                    // after a verb of reaction (criticism, rejection, a response to come) is
                    // what it reacts to, not an act of the reacting subject (an accusation, a
                    // demand or an explicit threat names an alleged, asked or threatened act)
                    // (not force: condemned Russia's strikes on Ukraine names them as well)
                    // (force, though, after a response to come: ответит на удары США, will
                    // respond to the strikes)
                    let reaction = Self::is_reaction(prev_code, prev_future);
                    let code = &self.dict.actions[ai].cameo;
                    let measure = Self::is_measure(code)
                        || (prev_code.starts_with("13") && prev_future && Self::is_force(code));
                    // (a modality word between opens another clause: would respond if Britain
                    // imposed sanctions)
                    let plain = !toks[pk + 1..i].iter().any(|t| matches!(t, Tok::Modal(_)));
                    if reaction && measure && unbroken && plain && gap.chars().count() <= OBJECT_GAP
                    {
                        continue;
                    }
                }
            }
            covered = covered.max(cue.span_end);
            action_idx.push(i);
        }
        ActCues {
            action_idx,
            relative,
        }
    }

    /// A verb of reaction: criticism (111), rejection (12x) or a response to come (a threat
    /// flagged `future`). An accusation, a demand or an explicit threat is not one: it names an
    /// alleged, asked or threatened act.
    pub(super) fn is_reaction(code: &str, future: bool) -> bool {
        code == "111" || code.starts_with("12") || (code.starts_with("13") && future)
    }

    /// A measure (16x, 17x): sanctions, expulsions, withdrawals, coercion.
    pub(super) fn is_measure(code: &str) -> bool {
        code.starts_with("16") || code.starts_with("17")
    }

    /// Force (15x, 18x–20x): displays of force, assaults, fighting.
    pub(crate) fn is_force(code: &str) -> bool {
        ["15", "18", "19", "20"].iter().any(|r| code.starts_with(r))
    }

    /// A judgement (01x, 02x, 05x, 11x, 12x, 14x): a statement, an appeal, praise, criticism, a
    /// rejection or a protest, about whom it names after it.
    pub(super) fn is_judgement(code: &str) -> bool {
        ["01", "02", "05", "11", "12", "14"]
            .iter()
            .any(|r| code.starts_with(r))
    }

    /// Whether an agreement (057) ends right before `toks[i]`, which starts at byte `at`, with
    /// nothing between but a space or one comma.
    fn agreement_before(&self, folded: &str, toks: &[Tok], i: usize, at: usize) -> bool {
        let prev = toks[..i]
            .iter()
            .rev()
            .find(|t| !matches!(t, Tok::Gram(GrammarKind::Break, _)));
        let Some(Tok::Action(prev)) = prev else {
            return false;
        };
        let Entry::Action(pi) = prev.entry else {
            return false;
        };
        let gap = folded.get(prev.span_end..at).unwrap_or("x").trim();
        self.dict.actions[pi].cameo.starts_with("057") && matches!(gap, "" | "," | "，")
    }

    /// Whether the measure cue `toks[i]` (action `ai`) stands right before a verb of reaction
    /// in its clause (对英国的新制裁予以回应): it is what the reaction answers.
    fn reacted_to(&self, folded: &str, toks: &[Tok], i: usize, ai: usize) -> bool {
        let Tok::Action(cue) = &toks[i] else {
            return false;
        };
        let code = &self.dict.actions[ai].cameo;
        if !Self::is_measure(code) && !Self::is_force(code) {
            return false;
        }
        let Some((next, ni)) = super::clues::next_action(toks, i) else {
            return false;
        };
        let a = &self.dict.actions[ni];
        // (force only before a response to come: 对美国的空袭作出回应)
        if !(Self::is_measure(&self.dict.actions[ai].cameo)
            || (a.cameo.starts_with("13") && a.future))
        {
            return false;
        }
        let gap = folded.get(cue.span_end..next.start).unwrap_or(",");
        let stops = [',', '，', ';', '；', '。', '.'];
        // (in a 对 phrase the act may take its own object before the reaction:
        // 对美国袭击其核设施作出回应)
        let in_dui = || {
            let before = folded.get(..cue.start).unwrap_or("");
            let clause = before.rsplit(stops).next().unwrap_or("");
            clause.contains('对')
        };
        let reach = gap.chars().count();
        Self::is_reaction(&a.cameo, a.future)
            && (reach <= 2 || (reach <= 8 && in_dui()))
            && !gap.contains(stops)
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::with_sentence;
    use super::*;

    fn cameos(coder: &Coder, toks: &[Tok], idx: &[usize]) -> Vec<String> {
        idx.iter()
            .map(|&k| match &toks[k] {
                Tok::Action(Item {
                    entry: Entry::Action(ai),
                    ..
                }) => coder.dict.actions[*ai].cameo.clone(),
                _ => panic!("token {k} is no act cue"),
            })
            .collect()
    }

    fn all_cues(toks: &[Tok]) -> Vec<usize> {
        (0..toks.len())
            .filter(|&k| matches!(toks[k], Tok::Action(_)))
            .collect()
    }

    #[test]
    fn the_verb_of_a_relative_clause_is_kept_apart() {
        with_sentence(
            Lang::Zh,
            "遭美国驱逐的俄罗斯外交官抵达莫斯科。",
            |coder, s| {
                let acts = coder.act_cues(s);
                assert_eq!(all_cues(s.toks).len(), 2);
                assert_eq!(cameos(coder, s.toks, &acts.action_idx), vec!["042"]);
                assert_eq!(acts.relative.len(), 1);
                assert!(cameos(coder, s.toks, &acts.relative)[0].starts_with("16"));
            },
        );
    }

    #[test]
    fn an_act_right_after_a_verb_of_talks_is_what_they_talked_about() {
        with_sentence(
            Lang::En,
            "Putin discussed sanctions with Biden.",
            |coder, s| {
                let acts = coder.act_cues(s);
                assert_eq!(all_cues(s.toks).len(), 2);
                assert_eq!(cameos(coder, s.toks, &acts.action_idx), vec!["040"]);
                assert!(acts.relative.is_empty());
            },
        );
    }
}
