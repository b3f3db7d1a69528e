//! From an act cue's phrases to its pairs of parties: its voice (active, passive, agentless),
//! its parties resolved at its date, and the ordered pairs of a symmetric or directed act.

use super::*;

/// The parties of one act cue resolved at its date, and its voice (see
/// [`Coder::cue_parties`]).
#[derive(Debug)]
pub(super) struct CueParties {
    pub(super) sources: Vec<Party>,
    pub(super) targets: Vec<Party>,
    /// Read as a passive: an agent named, or an agentless passive.
    pub(super) passive: bool,
    /// An agentless passive (its subject the patient).
    pub(super) agentless: bool,
    /// The subject and its partner act on each other (驱逐对方, accused each other).
    pub(super) reciprocal: bool,
}

/// The ordered pairs of parties of one act cue, with its code and why (see
/// [`Coder::pair_parties`]).
#[derive(Debug)]
pub(super) struct Paired {
    /// The CAMEO code of its events (a meeting in a third place is 044).
    pub(super) code: String,
    /// The explain entry of the frame.
    pub(super) why: String,
    /// (source, target) pairs.
    pub(super) pairs: Vec<(Party, Party)>,
}

impl Coder {
    /// The parties of the phrases `ps` at `date` ("both sides" read as `pair`).
    pub(super) fn resolve_all(
        &self,
        s: &Sentence,
        ps: &[Phrase],
        date: &EventDate,
        pair: Option<&(String, String)>,
    ) -> Vec<Party> {
        ps.iter()
            .flat_map(|p| self.parties(p, Some(date), pair, s.chars.text(p.start, p.end), true))
            .collect()
    }

    /// The phrases after a release cue (084) marked by a from-word (the release of 16 people
    /// from Russia, 从俄罗斯获释), if any: they name who released.
    fn released_from(
        action: &ActionEntry,
        cue: &Item,
        obj: &[Phrase],
        tgt: &[Phrase],
    ) -> Option<Vec<Phrase>> {
        if !action.cameo.starts_with("084") || action.frame != Frame::Dir {
            return None;
        }
        let from: Vec<Phrase> = obj
            .iter()
            .chain(tgt)
            .filter(|p| p.start >= cue.span_end && p.connector == Some(GrammarKind::From))
            .cloned()
            .collect();
        (!from.is_empty()).then_some(from)
    }

    /// Decides an act cue's voice and resolves its parties at `date`: with an agent, the agent
    /// acts on the subject and objects (with none, on the subject the sentence goes on with); an
    /// agentless passive has for agent the state where a detention or release happened; an
    /// active cue's subjects act on its targets, objects and partners (two parties acting
    /// together on a plain object act on each other); a release with no target was made by the
    /// state where the released were held. Notes agentless passives in `memory`.
    pub(super) fn cue_parties(
        &self,
        s: &Sentence,
        cue: &Cue,
        sides: &Sides,
        date: &EventDate,
        pair: Option<&(String, String)>,
        memory: &mut CueMemory,
    ) -> CueParties {
        let (m, folded, toks) = (s.m, s.folded, s.toks);
        let (k, cue, action) = (cue.k, cue.item, cue.action);
        let resolve = |ps: &[Phrase]| -> Vec<Party> { self.resolve_all(s, ps, date, pair) };
        let (subj, tgt, partner, agent, loc, obj) = (
            &sides.subj,
            &sides.tgt,
            &sides.partner,
            &sides.agent,
            &sides.loc,
            &sides.obj,
        );
        let (inherited, topic) = (sides.inherited, sides.topic);
        let (prev_sources, passive_cues) = (&memory.prev_sources, &mut memory.passive_cues);
        // Americans were imprisoned in Russia, 外交官被驱逐, 受到制裁: an auxiliary (or a
        // passive marker) right before the cue, with no agent named, makes its subject the
        // patient; the agent is unknown, but for a detention or a release the state where
        // it happened
        let mut agentless =
            agent.is_empty() && (action.passive || self.agentless_passive(m, folded, toks, k, cue));
        // the agent an agentless detention or release has: the state where it happened;
        // without one the verb is read as active, as before
        // diplomats were expelled from Russia, 被驱逐出俄罗斯, were banned from entering Russia:
        // an agentless passive of a measure (16x) was taken by the party it comes from, marked
        // by a from-word or standing right after the cue as its complement
        // (or inside the cue's gap, the owner of the list it names: 被列入美国制裁名单)
        let from_phrase = |p: &&Phrase| {
            (p.start >= cue.span_end
                && (p.connector == Some(GrammarKind::From)
                    || (p.connector.is_none()
                        && folded
                            .get(cue.span_end..p.start)
                            .is_some_and(|g| g.trim().is_empty()))))
                || (p.start > cue.start && p.end <= cue.span_end && p.connector.is_none())
        };
        // (and for a reaction named as a noun with its party after it, flagged passive: the
        // move drew criticism from Moscow, from Riyadh and Baghdad)
        let mut from: Vec<Phrase> = if agentless
            && action.frame == Frame::Dir
            && (action.cameo.starts_with("16") || action.passive)
        {
            let mut after: Vec<&Phrase> = obj.iter().chain(tgt).collect();
            after.sort_by_key(|p| p.start);
            let mut out: Vec<Phrase> = Vec::new();
            for p in after {
                if from_phrase(&p)
                    || (action.passive && !out.is_empty() && p.connector == Some(GrammarKind::And))
                {
                    out.push(p.clone());
                }
            }
            out
        } else {
            Vec::new()
        };
        // Гражданам Канады запрещён въезд в Россию, assets frozen in the United States: with no
        // from-word, a sanction's (163) place after it is the state that applies it
        if from.is_empty()
            && agentless
            && action.cameo.starts_with("163")
            && action.frame == Frame::Dir
        {
            from = loc
                .iter()
                .filter(|p| p.start >= cue.span_end)
                .take(1)
                .cloned()
                .collect();
        }
        // (so for an envoy summoned, посол Молдавии в Москве был вызван: the host state)
        let place_agent: Vec<Party> = if agentless
            && (action.cameo.starts_with("17")
                || action.cameo.starts_with("08")
                || action.cameo.starts_with("114")
                || action.cameo.starts_with("14"))
        {
            // (else the state named right after it: вызван в МИД Японии)
            let place = resolve(loc);
            if place.is_empty() {
                resolve(&from)
            } else {
                place
            }
        } else {
            resolve(&from)
        };
        // (the context pass still reads a measure or force in the passive as one: Three Russian
        // diplomats were expelled, its subject undergoes it and the document's other party
        // acted; not a stance, China is firmly opposed to…)
        let measure = Self::is_measure(&action.cameo) || Self::is_force(&action.cameo);
        if agentless && (action.passive || measure) {
            passive_cues.push(k);
        }
        if agentless && !action.passive && place_agent.is_empty() {
            agentless = false;
        }
        let passive = !agent.is_empty() || agentless;
        // a call between Biden and Xi, Turkey hosted talks between Russia and Ukraine: the
        // parties a between-word names after a two-sided act are its parties, not the subject
        let mut between: Vec<Party> = Vec::new();
        if matches!(action.frame, Frame::Sym | Frame::Meet)
            && !passive
            && obj
                .iter()
                .any(|p| p.connector == Some(GrammarKind::Between))
        {
            let ps = resolve(obj);
            if ps.iter().any(|p| p.actor.code != ps[0].actor.code) {
                between = ps;
            }
        }
        let (sources, targets): (Vec<Party>, Vec<Party>) = if !between.is_empty() {
            let rest = between.split_off(1);
            (between, rest)
        } else if passive {
            let mut t = resolve(subj);
            let not_from = |ps: &[Phrase]| -> Vec<Phrase> {
                ps.iter()
                    .filter(|p| !from.iter().any(|f| f.start == p.start))
                    .cloned()
                    .collect()
            };
            t.extend(resolve(&not_from(tgt)));
            t.extend(resolve(&not_from(obj)));
            // 美国宣布新制裁，遭到俄罗斯谴责: with no patient of its own, the passive's
            // patient is the subject the sentence goes on with
            // (a passive marker before its agent: 遭到, 被; not "activities by Russia")
            if t.is_empty()
                && agent
                    .iter()
                    .all(|p| p.connector == Some(GrammarKind::PassiveBefore))
            {
                t = resolve(prev_sources);
            }
            let a = if agentless {
                place_agent
                    .into_iter()
                    .filter(|l| !t.iter().any(|p| p.actor.code == l.actor.code))
                    .collect()
            } else {
                resolve(agent)
            };
            (a, t)
        } else if let Some(released_by) = Self::released_from(action, cue, obj, tgt) {
            // secured the release of 16 people from Russia: the party a release's from-word
            // names released them; the subject obtained it
            let src = resolve(&released_by);
            let rest: Vec<Phrase> = obj
                .iter()
                .chain(tgt)
                .filter(|p| !released_by.iter().any(|f| f.start == p.start))
                .cloned()
                .collect();
            let mut t = resolve(subj);
            t.extend(resolve(&rest));
            t.retain(|p| !src.iter().any(|x| x.actor.code == p.actor.code));
            (src, t)
        } else {
            let s = resolve(subj);
            // 召回泰国驻柬埔寨大使, recalled its ambassador to Ecuador: an envoy of the subject's
            // own state is posted somewhere, and the act on it concerns the state of the post
            let own_post = |ps: &[Phrase]| -> Vec<Phrase> {
                ps.iter()
                    .map(|p| match p.post {
                        Some(a)
                            if !s.is_empty()
                                && resolve(std::slice::from_ref(p))
                                    .iter()
                                    .all(|x| s.iter().any(|y| y.actor.code == x.actor.code)) =>
                        {
                            Phrase {
                                members: Members::one(a),
                                post: None,
                                ..p.clone()
                            }
                        }
                        _ => p.clone(),
                    })
                    .collect()
            };
            let (tgt, obj) = (&own_post(tgt), &own_post(obj));
            let mut t = resolve(tgt);
            // two parties acting together on a plain object (Putin and Bush discussed Iran,
            // 美俄讨论叙利亚问题): the object is what they acted on, not a third party
            // (two distinct codes among them)
            let group = s.iter().any(|p| p.actor.code != s[0].actor.code);
            // discussed Iran with Russia, 与俄罗斯讨论伊朗问题, he and Putin discussed Iran: with a
            // subject and a partner of its own, a partner before it, or a subject joined to a
            // word not read as a party, a two-sided act's plain object is its topic too (not in
            // разговор Путина с Трампом, where the noun's object is a party)
            let partnered = sides.joined
                || (!partner.is_empty()
                    && (!s.is_empty() || partner.iter().any(|p| p.end <= cue.start)));
            if !((group || partnered) && matches!(action.frame, Frame::Sym | Frame::Meet)) {
                t.extend(resolve(obj));
            }
            // 美国和英国谴责俄罗斯, 德国和法国驱逐了……外交官: a partner before a one-sided act
            // whose subject acts on someone else is a second subject, not a target
            let mut s = s;
            // (南韩与美国谴责: a judgement names whom it judges after it; with no one there,
            // the partner before it judges too, where 与俄罗斯断交 breaks with the partner)
            let judgement = Self::is_judgement(&action.cameo);
            let co_subject = |p: &Phrase| {
                action.frame == Frame::Dir
                    && p.end <= cue.start
                    && !subj.is_empty()
                    && (!tgt.is_empty() || !obj.is_empty() || judgement)
                    && Self::joins_subject(m, folded, subj, p)
            };
            // 巴基斯坦和印度分别宣布驱逐对方一名外交官, accused each other: with a word of
            // reciprocity at the act, the subject and its partner before it act on each other
            // (India and China blamed each other: two subjects joined by "and" do it too; a
            // list of more, 智利、秘鲁、厄瓜多尔…各自的, each does its own)
            let two_subjects = {
                let mut codes: Vec<&str> = s.iter().map(|p| p.actor.code.as_str()).collect();
                codes.sort_unstable();
                codes.dedup();
                codes.len() == 2
            };
            let reciprocal = action.frame == Frame::Dir
                && !subj.is_empty()
                && (partner.iter().any(|p| p.end <= cue.start) || two_subjects)
                && Self::reciprocal_at(m, folded, cue);
            if reciprocal {
                let mut both = s;
                both.extend(resolve(partner));
                return CueParties {
                    sources: both.clone(),
                    targets: both,
                    passive,
                    agentless,
                    reciprocal: true,
                };
            }
            let (co, partners): (Vec<Phrase>, Vec<Phrase>) =
                partner.iter().cloned().partition(|p| co_subject(p));
            t.extend(resolve(&partners));
            if !co.is_empty() {
                s.extend(resolve(&co));
                t.retain(|p| !s.iter().any(|x| x.actor.code == p.actor.code));
            }
            (s, t)
        };
        // 被关押在俄罗斯的美国公民获释, Americans held in Russia were released: with no target,
        // the state where the released were held released them
        let held = action.cameo.starts_with("084")
            && action.frame == Frame::Dir
            && !passive
            && !inherited
            && !topic
            && targets.is_empty()
            && !sources.is_empty();
        let held_in = if held { resolve(loc) } else { Vec::new() };
        let (sources, targets) = if held_in.is_empty() {
            (sources, targets)
        } else {
            (held_in, sources)
        };
        CueParties {
            sources,
            targets,
            passive,
            agentless,
            reciprocal: false,
        }
    }

    /// Pairs the parties of an act cue. A symmetric cue (or a group subject without target)
    /// gives every ordered pair of distinct participants (a list kept whole up to
    /// [`MAX_PARTICIPANTS`]; a subject with each of its partners, not the partners with each
    /// other; a meeting in a third state is 044); a directed cue gives every source → target
    /// (a visit, deployment or withdrawal with no target takes its place as target). A treaty
    /// described by an earlier year of its signing, with no party named beside it, gives none.
    /// Takes the targets out of `parties`.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn pair_parties(
        &self,
        s: &Sentence,
        cue: &Cue,
        sides: &Sides,
        parties: &mut CueParties,
        date: &EventDate,
        pair: Option<&(String, String)>,
        ctx: &DateContext,
    ) -> Paired {
        let action = cue.action;
        let resolve = |ps: &[Phrase]| -> Vec<Party> { self.resolve_all(s, ps, date, pair) };
        let (subj, tgt, partner, loc, obj) = (
            &sides.subj,
            &sides.tgt,
            &sides.partner,
            &sides.loc,
            &sides.obj,
        );
        let (sources, passive) = (&parties.sources, parties.passive);
        let targets = std::mem::take(&mut parties.targets);
        let mut code = action.cameo.clone();
        let mut frame_why: String;
        let mut pairs: Vec<(Party, Party)> = Vec::new();
        let sym = matches!(action.frame, Frame::Sym | Frame::Meet);
        // (a group subject that disapproves — condemned, demanded, rejected, threatened — speaks
        // together of another party, not of each other; praise by two parties, positive dynamics
        // both leaders noted, is of each other)
        let says = ["10", "11", "12", "13", "14"]
            .iter()
            .any(|r| action.cameo.starts_with(r));
        let group_subject = sources.len() >= 2 && targets.is_empty() && !says;
        if (sym && !passive) || group_subject {
            // everyone taking part: a symmetric act's sources, then its targets (an active
            // one's: a passive symmetric act has none), else the group subject
            let members: &[&[Party]] = match (sym, passive) {
                (true, false) => &[sources, &targets],
                (true, true) => &[],
                (false, _) => &[sources],
            };
            let mut ps: Vec<Party> = Vec::new();
            for p in members.iter().copied().flatten() {
                if !ps.iter().any(|q| q.actor.code == p.actor.code) {
                    ps.push(p.clone());
                }
            }
            // a long list (7国在安卡拉进行囚犯交换) is kept whole: the document's context
            // pass narrows a multilateral act to the pair the document is about
            ps.truncate(MAX_PARTICIPANTS);
            // 特朗普分别与普京和泽连斯基通电话: the subject with each partner, not the
            // partners with each other
            let from_subject: HashSet<&str> =
                sources.iter().map(|p| p.actor.code.as_str()).collect();
            let others = ps
                .iter()
                .any(|p| !from_subject.contains(p.actor.code.as_str()));
            let star = sym && !from_subject.is_empty() && others;
            for a in &ps {
                for b in &ps {
                    // (a bloc with its partner, 沙特、阿联酋、巴林和埃及与卡塔尔签署: each
                    // member with the partner, not the members with each other)
                    let linked = !star
                        || from_subject.contains(a.actor.code.as_str())
                            != from_subject.contains(b.actor.code.as_str());
                    if a.actor.code != b.actor.code && linked {
                        pairs.push((a.clone(), b.clone()));
                    }
                }
            }
            frame_why = if sym {
                "symmetric cue: both directions".into()
            } else {
                "group subject: both directions".into()
            };
            if action.frame == Frame::Meet {
                let in_pair: HashSet<&str> = ps.iter().map(|p| p.actor.code.as_str()).collect();
                if let Some(l) = resolve(loc)
                    .into_iter()
                    .find(|l| !in_pair.contains(l.actor.code.as_str()))
                {
                    code = "044".into();
                    frame_why.push_str(&format!("; third location {} → 044", l.actor.code));
                }
            }
        } else {
            // a visit or deployment "to/in X" with no other target: the place is the target
            // likewise a withdrawal "in/from" a treaty: suspended its participation in New START,
            // and force sent into a state (ввела войска в Грузию, invaded into)
            let visit = ["04", "15", "16", "17", "18", "19", "20"]
                .iter()
                .any(|r| action.cameo.starts_with(r));
            let targets = if targets.is_empty() && !passive && visit {
                resolve(loc)
            } else {
                targets
            };
            for a in sources {
                for b in &targets {
                    if a.actor.code != b.actor.code {
                        pairs.push((a.clone(), b.clone()));
                    }
                }
            }
            frame_why = if passive {
                "passive: agent → patient".into()
            } else {
                "directed: subject → target".into()
            };
        }
        // 《开放天空条约》于1992年签署: a treaty described by the year of its signing, an
        // earlier one, with no party named beside it, is background, no act
        let described = action.cameo.starts_with("057")
            && ctx.document.is_some_and(|d| date.y() < d.y())
            && date.precision() == Precision::Year
            && subj
                .iter()
                .chain(tgt)
                .chain(partner)
                .chain(obj)
                .all(|p| self.is_treaty(p));
        if described {
            pairs.clear();
        }
        Paired {
            code,
            why: frame_why,
            pairs,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{day, first_sides, party_codes, with_sentence};
    use super::*;

    /// The parties and pairs of the first act cue of `text`, dated 20 March 2021.
    fn first_pairs(lang: Lang, text: &str) -> (Vec<String>, Vec<String>, bool, Paired) {
        with_sentence(lang, text, |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (c, sides) = first_sides(coder, s, &ctx);
            let date = day("2021-03-20");
            let mut parties =
                coder.cue_parties(s, &c, &sides, &date, None, &mut CueMemory::default());
            let sources = party_codes(&parties.sources)
                .iter()
                .map(|c| c.to_string())
                .collect();
            let targets = party_codes(&parties.targets)
                .iter()
                .map(|c| c.to_string())
                .collect();
            let passive = parties.passive;
            let paired = coder.pair_parties(s, &c, &sides, &mut parties, &date, None, &ctx);
            (sources, targets, passive, paired)
        })
    }

    fn pair_codes(paired: &Paired) -> Vec<(&str, &str)> {
        paired
            .pairs
            .iter()
            .map(|(a, b)| (a.actor.code.as_str(), b.actor.code.as_str()))
            .collect()
    }

    #[test]
    fn a_passive_with_its_agent_goes_from_the_agent_to_the_patient() {
        let (sources, targets, passive, paired) = first_pairs(Lang::Zh, "美国外交官被俄罗斯驱逐。");
        assert_eq!(
            (sources, targets, passive),
            (vec!["RUS".into()], vec!["USA".into()], true)
        );
        assert_eq!(pair_codes(&paired), vec![("RUS", "USA")]);
        assert_eq!(paired.why, "passive: agent → patient");
    }

    #[test]
    fn a_directed_cue_goes_from_its_subject_to_its_object() {
        let (sources, targets, passive, paired) =
            first_pairs(Lang::En, "Russia criticized the United States.");
        assert_eq!(
            (sources, targets, passive),
            (vec!["RUS".into()], vec!["USA".into()], false)
        );
        assert_eq!(pair_codes(&paired), vec![("RUS", "USA")]);
        assert_eq!(paired.code, "111");
        assert_eq!(paired.why, "directed: subject → target");
    }

    #[test]
    fn a_two_sided_act_with_a_partner_of_its_own_takes_its_object_as_its_topic() {
        // Canada and Mexico talked about Cuba; Cuba is no party of the talks
        for (lang, text) in [
            (Lang::En, "Canada discussed Cuba with Mexico."),
            (Lang::Zh, "加拿大与墨西哥讨论了古巴问题。"),
        ] {
            let (sources, targets, _, _) = first_pairs(lang, text);
            assert_eq!(
                (sources, targets),
                (vec!["CAN".to_string()], vec!["MEX".to_string()]),
                "{text}"
            );
        }
    }

    #[test]
    fn a_subject_joined_to_a_word_read_as_no_party_leaves_the_object_a_topic() {
        // he and Trudeau discussed Cuba: the pronoun is left to the context pass, Cuba is a topic
        let (sources, targets, _, _) = first_pairs(Lang::En, "He and Trudeau discussed Cuba.");
        assert_eq!(sources, vec!["CAN"]);
        assert!(targets.is_empty());
    }

    #[test]
    fn a_meeting_in_a_third_state_goes_both_ways_and_is_044() {
        let (_, _, _, paired) = first_pairs(Lang::En, "Putin met Biden in Switzerland.");
        assert_eq!(pair_codes(&paired), vec![("RUS", "USA"), ("USA", "RUS")]);
        assert_eq!(paired.code, "044");
        assert_eq!(
            paired.why,
            "symmetric cue: both directions; third location CHE → 044"
        );
    }
}
