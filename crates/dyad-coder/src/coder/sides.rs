//! The parties around one act cue: the actor phrases on its left and right read by role, the
//! subject a cue without one borrows from earlier cues, and what each cue leaves to the next.

use super::*;

/// The actor phrases read around one act cue, by role, and how its subject was found.
#[derive(Debug, Default)]
pub(super) struct Sides {
    /// The subject chain.
    pub(super) subj: Vec<Phrase>,
    /// Targets named by a `to` word before the cue.
    pub(super) tgt: Vec<Phrase>,
    /// Partners named by a `with` word.
    pub(super) partner: Vec<Phrase>,
    /// Passive agents.
    pub(super) agent: Vec<Phrase>,
    /// The subject is joined by "and" to a word before it that is no party read here (he and
    /// Putin, он и Путин): a pronoun or a name the dictionaries lack.
    pub(super) joined: bool,
    /// Locations.
    pub(super) loc: Vec<Phrase>,
    /// Objects after the cue.
    pub(super) obj: Vec<Phrase>,
    /// The first token of the cue's clause.
    pub(super) clause_lo: usize,
    /// The subject opens the clause after a subordinate clause of time the cue is in.
    pub(super) subordinate: bool,
    /// The subject is shared with the previous cue.
    pub(super) inherited: bool,
    /// The subject is the topic of the sentence's first clause.
    pub(super) topic: bool,
    /// A to-phrase right after a single object, where the reading of the right side stopped
    /// (нападение России на Украину: the act noun's agent, then its target).
    pub(super) to_after_obj: Option<Phrase>,
    /// The subject is the actor right after the act noun, before its target.
    pub(super) own_agent: bool,
    /// The act is what a criticism or an accusation right before it judges: alleged, not
    /// reported as done (hypothetical).
    pub(super) alleged: bool,
}

/// What the earlier act cues of a sentence leave to the later ones.
#[derive(Debug, Default)]
pub(super) struct CueMemory {
    /// The sources of the last cue: the subject of a later cue without one.
    pub(super) prev_sources: Vec<Phrase>,
    /// The subject alone of the last cue (a symmetric cue's partner is no subject of a
    /// directed verb after it: 与俄罗斯换囚后，拜登……感谢阿联酋).
    pub(super) prev_subject: Vec<Phrase>,
    /// The objects of the last statement cue (欢迎美国和俄罗斯…, urged Russia…), with the cue's
    /// token index and where they end: the subject of a verb right after them (pivot); and
    /// whether the cue judges it (a criticism or an accusation: condemned Russia for invading
    /// Ukraine, 指责俄罗斯轰炸基辅), whose act is then alleged, not reported as done.
    pub(super) pivot: Option<(usize, Vec<Phrase>, usize, bool)>,
    /// Where the events of the last cue that gave events begin.
    pub(super) last_cue_events: usize,
    /// Starts of the phrases already read as the object of an earlier cue: not the subject of
    /// a later one (a set: few, looked up by scan).
    pub(super) consumed: Vec<usize>,
    /// The objects of the last cue that named one (for its invasion: whose act).
    pub(super) prev_objects: Vec<Phrase>,
    /// The targets (to-phrases and objects) of the last directed cue that gave events: the
    /// target of a cue joined to it by a coordinator alone (表示赞赏和感谢).
    pub(super) prev_targets: Vec<Phrase>,
    /// Cues whose parties were read and found wanting: not left to the context pass.
    pub(super) settled: Vec<usize>,
    /// The cue spans of events from cues flagged `apart`.
    pub(super) apart_spans: Vec<(usize, usize)>,
    /// Cues read as agentless passives (their subject the patient).
    pub(super) passive_cues: Vec<usize>,
    /// Cues that gave no event, by token index, and why.
    pub(super) missed: Vec<(usize, Missed)>,
}

impl CueMemory {
    /// After a cue that gave no pair of parties: its own subject, if it is active, goes on to
    /// the next cue.
    pub(super) fn after_unpaired(&mut self, sides: &Sides, passive: bool) {
        let subj = &sides.subj;
        if !subj.is_empty() && !passive {
            self.prev_sources = subj.clone(); // 特朗普被迫签署的对俄制裁: 制裁 shares 特朗普
        }
        // he and Putin discussed Iran and agreed…: the topic is no subject of the next verb
        if sides.joined {
            self.consumed.extend(sides.obj.iter().map(|p| p.start));
        }
    }

    /// After a cue that gave events: its objects are taken, and its subject (a passive's agent,
    /// an agentless passive's patients, all of a symmetric act's parties) goes on to the next
    /// cue; `events` is the number of events of the sentence before this cue's.
    pub(super) fn after_paired(
        &mut self,
        sides: &Sides,
        parties: &CueParties,
        action: &ActionEntry,
        events: usize,
    ) {
        let (subj, tgt, partner, agent, obj) = (
            &sides.subj,
            &sides.tgt,
            &sides.partner,
            &sides.agent,
            &sides.obj,
        );
        let (passive, agentless) = (parties.passive, parties.agentless);
        let sym = matches!(action.frame, Frame::Sym | Frame::Meet);
        self.last_cue_events = events;
        self.consumed
            .extend(obj.iter().chain(partner.iter()).map(|p| p.start));
        if !obj.is_empty() {
            self.prev_objects = obj.clone();
        }
        self.prev_targets = if action.frame == Frame::Dir && !passive {
            tgt.iter().chain(obj.iter()).cloned().collect()
        } else {
            Vec::new()
        };
        self.prev_subject = if passive && !agentless {
            agent.clone()
        } else if parties.reciprocal {
            // 分别驱逐对方外交官，并都指控对方: parties that acted on each other go on together
            subj.iter().chain(partner.iter()).cloned().collect()
        } else {
            subj.clone()
        };
        self.prev_sources = if agentless {
            // 被关押在俄罗斯的美国公民获释: the patients go on as the next verb's subject
            subj.clone()
        } else if passive {
            agent.clone()
        } else if sym {
            subj.iter()
                .chain(partner.iter())
                .chain(tgt.iter())
                .chain(obj.iter())
                .cloned()
                .collect()
        } else {
            subj.clone()
        };
    }
}

impl Coder {
    /// Reads the actor phrases around an act cue by role. On its left, in its clause, after the
    /// previous cue and after the verb of a relative clause: the subject chain, the to-target,
    /// the with-partner, the passive agent and the location (an earlier cue's object is no
    /// subject unless it owns the act noun); a subjectless verb of a clause of time takes the
    /// subject that opens the next clause. On its right, up to the next cue or clause break: the
    /// objects, and more partners, agents and locations. A full state name glued after a
    /// compound of abbreviations before a symmetric cue is a location; a directed cue with a
    /// target counts its partners among its subjects.
    /// Whether a with-partner before a one-sided act is a second subject. In Chinese any is
    /// (美国和欧盟对俄罗斯实施制裁); in a spaced script only one right after a subject, with
    /// nothing but with-words between (the US, together with the EU, imposed…): one after
    /// another verb (decided to review ties with India and threatened…) is that verb's.
    pub(super) fn joins_subject(
        m: &LangMatcher,
        folded: &str,
        subj: &[Phrase],
        p: &Phrase,
    ) -> bool {
        m.analyzer.is_cjk()
            || subj.iter().any(|s| {
                s.end <= p.start
                    && folded.get(s.end..p.start).is_some_and(|gap| {
                        gap.split(|c: char| !c.is_alphabetic())
                            .filter(|w| !w.is_empty())
                            .all(|w| m.joiners.iter().any(|j| j == w))
                    })
            })
    }

    /// A with-word that also joins parties (和: 巴林和埃及与卡塔尔, its grammar value `and`).
    fn coordinates(&self, p: &Phrase) -> bool {
        p.connector_word
            .is_some_and(|gi| self.dict.grammar[gi].value == "and")
    }

    /// Whether phrase `p` stands right before the cue: at most four characters between
    /// (adverbs: 再次, 又一次), none of them a clause mark.
    fn right_before(folded: &str, p: &Phrase, cue: &Item) -> bool {
        folded.get(p.end..cue.start).is_some_and(|g| {
            g.chars().count() <= 4 && !g.contains([',', '，', ';', '；', '。', '、'])
        })
    }

    /// Whether the at-word right before `p` opens its clause and the clause of the cue at
    /// token `k` ends, before its break, with a word that closes a clause of time (在…通电话后,
    /// 在…会晤时): then 在 marks when, not where.
    fn opens_time_clause(
        &self,
        m: &LangMatcher,
        folded: &str,
        toks: &[Tok],
        k: usize,
        p: &Phrase,
    ) -> bool {
        if !m.analyzer.is_cjk() || m.subordinates.is_empty() {
            return false;
        }
        let Some(gi) = p.connector_word else {
            return false;
        };
        let word = m.analyzer.fold(&self.dict.grammar[gi].cue);
        let opens = folded
            .get(..p.start)
            .unwrap_or("")
            .trim_end()
            .strip_suffix(word.as_str())
            .is_some_and(|b| {
                let b = b.trim_end();
                b.is_empty() || b.ends_with([',', '，', ';', '；'])
            });
        let end = toks[k + 1..]
            .iter()
            .find_map(|t| match t {
                Tok::Gram(GrammarKind::Break, b) => Some(b.start),
                _ => None,
            })
            .unwrap_or(folded.len());
        let clause = folded.get(..end).unwrap_or("").trim_end();
        opens && m.subordinates.iter().any(|w| clause.ends_with(w.as_str()))
    }

    pub(super) fn read_sides(
        &self,
        s: &Sentence,
        acts: &ActCues,
        cue: &Cue,
        consumed: &[usize],
        base: Option<&EventDate>,
    ) -> Sides {
        let (m, folded, toks) = (s.m, s.folded, s.toks);
        let (action_idx, relative) = (&acts.action_idx, &acts.relative);
        let (n, k, cue, action) = (cue.n, cue.k, cue.item, cue.action);
        // the left side stays in the cue's clause: 拜登上台后，…两国应…合作 reads no 拜登
        let clause_lo = toks[..k]
            .iter()
            .rposition(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
            .map_or(0, |b| b + 1);
        let prev_cue = if n == 0 { 0 } else { action_idx[n - 1] + 1 };
        let in_relative = relative
            .iter()
            .rev()
            .find(|&&r| r < k)
            .map_or(0, |&r| r + 1);
        let lo = prev_cue.max(clause_lo).max(in_relative);
        let mut hi = action_idx.get(n + 1).copied().unwrap_or(toks.len());
        // praised the talks with Mitsotakis, приветствовал переговоры с…: a judgement whose
        // object is a two-sided act named right after it reads on past that act's noun to its
        // partner, whom the judgement is about
        if Self::is_judgement(&action.cameo) {
            if let Some(Tok::Action(next)) = toks.get(hi) {
                let two_sided = matches!(next.entry, Entry::Action(ni)
                    if matches!(self.dict.actions[ni].frame, Frame::Sym | Frame::Meet));
                let gap = folded.get(cue.span_end..next.start).unwrap_or(",");
                // (at most an article or a possessive between: the talks, their talks)
                let bare = gap
                    .split_whitespace()
                    .all(|w| m.glue.iter().chain(&m.possessives).any(|g| g == w));
                if two_sided && bare && !m.analyzer.is_cjk() {
                    hi = action_idx.get(n + 2).copied().unwrap_or(toks.len());
                }
            }
        }
        // left side: subject chain, to-target, with-partner, passive agent, location
        let (mut subj, mut tgt, mut partner, mut agent, mut loc) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
        // 1 subj, 2 tgt, 3 partner, 4 agent, 5 loc
        let mut last_role = 0u8;
        let mut joined = false;
        let mut last_end: Option<usize> = None;
        // whether the last party was joined to the one before it by a list mark (、, and)
        let mut last_joined = false;
        // (a force or a measure right before a reaction to it: 发射导弹表示(强烈)谴责)
        let answered = m.analyzer.is_cjk()
            && (Self::is_force(&action.cameo) || Self::is_measure(&action.cameo))
            && super::clues::next_action(toks, k).is_some_and(|(next, ni)| {
                let a = &self.dict.actions[ni];
                let gap = folded.get(cue.span_end..next.start).unwrap_or(",");
                Self::is_reaction(&a.cameo, a.future)
                    && !Self::is_force(&a.cameo)
                    && gap.chars().count() <= 4
                    && !gap.contains([',', '，', ';', '；', '。'])
            });
        // "agreement on Ukraine", "соглашение по Украине": for a symmetric cue, a phrase after
        // a `to` word marked `topic` is what the act is about, not a party
        let sym_cue = matches!(action.frame, Frame::Sym | Frame::Meet);
        let is_topic = |p: &Phrase| {
            sym_cue
                && p.connector_word
                    .is_some_and(|gi| self.dict.grammar[gi].value == "topic")
        };
        for (j, t) in toks.iter().enumerate().take(k).skip(lo) {
            if let Tok::Actor(p) = t {
                if is_topic(p) {
                    continue;
                }
                let subject_like = matches!(p.connector, None | Some(GrammarKind::And));
                // 谴责俄罗斯对乌克兰的导弹攻击, condemned Russia's strikes on Ukraine: the
                // earlier verb's object owns the act noun right after it, as its subject
                let owner = {
                    let between = folded.get(p.end..cue.start).unwrap_or(",");
                    let clause = !between.contains([',', '，', ';', '；', '。']);
                    if m.analyzer.is_cjk() {
                        clause && between.trim_end().ends_with('的')
                    } else {
                        clause
                            && Self::opens_with_genitive(between)
                            && between.chars().count() <= 24
                    }
                };
                // (would respond if NATO deployed…: after a condition the earlier verb's object
                // opens a clause of its own, as its subject)
                let conditioned = toks[prev_cue.min(j)..j].iter().any(|t| {
                    matches!(t, Tok::Modal(mi) if matches!(mi.entry,
                        Entry::Modal(idx) if self.dict.modality[idx].flag == Flag::Condition))
                });
                if subject_like && consumed.contains(&p.start) && !owner && !conditioned {
                    continue;
                }
                // he and Putin: the first party of the left side joined by "and" to a word
                // before it in the clause
                if p.connector == Some(GrammarKind::And) && last_role == 0 && subj.is_empty() {
                    let from = match clause_lo.checked_sub(1).map(|b| &toks[b]) {
                        Some(Tok::Gram(_, brk)) => brk.end,
                        _ => 0,
                    };
                    let and_at = match j.checked_sub(1).map(|a| &toks[a]) {
                        Some(Tok::Gram(GrammarKind::And, g)) => g.start,
                        _ => p.start,
                    };
                    joined = folded
                        .get(from.min(and_at)..and_at)
                        .is_some_and(|t| t.chars().any(char::is_alphabetic));
                }
                let role = match p.connector {
                    // 对包括俄罗斯情报总局在内的俄罗斯实体实施制裁: after the party of 对, an
                    // actor past a 的 in the same clause modifies the noun 对 governs; it is
                    // part of the target, not a new subject
                    None if last_role == 2
                        && m.analyzer.is_cjk()
                        && last_end.is_some_and(|e| {
                            folded.get(e..p.start).is_some_and(|g| {
                                g.contains('的') && !g.contains([',', '，', ';', '；', '。'])
                            })
                        }) =>
                    {
                        2
                    }
                    None => {
                        subj.clear();
                        joined = false;
                        1
                    }
                    // 对朝鲜再次发射导弹表示谴责: the party of 对 right before an act that a
                    // reaction answers is the act's subject; the reaction is to its act
                    Some(GrammarKind::To) if answered && Self::right_before(folded, p, cue) => {
                        subj.clear();
                        tgt.clear();
                        partner.clear();
                        joined = false;
                        1
                    }
                    // 中方对美国对俄罗斯实施制裁表示不满: a second 对 opens a clause whose
                    // subject is the party of the first
                    Some(GrammarKind::To) if last_role == 2 && m.analyzer.is_cjk() => {
                        if let Some(first) = tgt.pop() {
                            subj.clear();
                            subj.push(first);
                        }
                        2
                    }
                    Some(GrammarKind::To) => 2,
                    // 在法国和意大利会见: a place joined to a place is a place
                    Some(GrammarKind::With) if last_role == 5 && self.is_place(p) => 5,
                    // 对美国和日本表示谴责, 对俄罗斯情报总局和俄罗斯联邦安全局: a with-word (和)
                    // after the party of 对, at most a short noun between, joins a second one
                    // to it, no partner of the subject
                    Some(GrammarKind::With)
                        if last_role == 2
                            && m.analyzer.is_cjk()
                            && last_end.zip(p.connector_word).is_some_and(|(e, gi)| {
                                folded.get(e..p.start).is_some_and(|g| {
                                    let g = g.trim();
                                    g.ends_with(self.dict.grammar[gi].cue.as_str())
                                        && g.chars().count() <= 6
                                        && !g.contains([',', '，', ';', '；', '。', '、'])
                                })
                            }) =>
                    {
                        2
                    }
                    // 遭到美国和英国的制裁, 被美国和英国制裁: a with-word right after the agent of a
                    // passive joins a second agent
                    Some(GrammarKind::With)
                        if last_role == 4
                            && m.analyzer.is_cjk()
                            && last_end.is_some_and(|e| {
                                folded
                                    .get(e..p.start)
                                    .is_some_and(|g| g.trim().chars().count() <= 1)
                            }) =>
                    {
                        4
                    }
                    // 巴林和埃及与卡塔尔签署: a with-word after the subject that another
                    // with-word follows in the clause joins a second subject; the later one
                    // names the partner; so it does after a list (韩国、美国和日本三国外长)
                    Some(GrammarKind::With)
                        if last_role == 1
                            && m.analyzer.is_cjk()
                            && self.coordinates(p)
                            && (last_joined
                                || folded.get(p.end..cue.start).is_some_and(|g| {
                                    !g.contains([',', '，', ';', '；', '。'])
                                }) && toks[j + 1..k].iter().any(|t| {
                                    matches!(t, Tok::Actor(q)
                                            if q.connector == Some(GrammarKind::With)
                                                && !self.coordinates(q))
                                })) =>
                    {
                        1
                    }
                    Some(GrammarKind::With) => 3,
                    Some(GrammarKind::PassiveBefore) | Some(GrammarKind::PassiveAfter) => 4,
                    // 在巴基斯坦外长与伊朗外长通电话后，…: an at-word that opens a clause of time
                    // (closed by 后, 时 before its break) marks when, and its party is the subject
                    Some(GrammarKind::At) if self.opens_time_clause(m, folded, toks, k, p) => {
                        subj.clear();
                        joined = false;
                        1
                    }
                    Some(GrammarKind::At) => 5,
                    Some(GrammarKind::And) => {
                        if last_role == 0 {
                            1
                        } else {
                            last_role
                        }
                    }
                    _ => 1,
                };
                last_role = role;
                last_joined = p.connector == Some(GrammarKind::And);
                last_end = Some(p.end);
                match role {
                    1 => subj.push(p.clone()),
                    2 => tgt.push(p.clone()),
                    3 => partner.push(p.clone()),
                    4 => agent.push(p.clone()),
                    _ => loc.push(p.clone()),
                }
            }
        }
        // 下令制裁7名俄罗斯高官后，美国总统奥巴马宣布…: a subjectless verb of a clause of time
        // has the subject that opens the next clause
        let mut subordinate = false;
        if subj.is_empty() && agent.is_empty() && !m.subordinates.is_empty() {
            if let Some(b) = toks[k + 1..]
                .iter()
                .position(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
                .map(|b| k + 1 + b)
            {
                let Tok::Gram(_, brk) = &toks[b] else {
                    unreachable!()
                };
                let before = folded.get(..brk.start).unwrap_or("").trim_end();
                if m.subordinates.iter().any(|w| before.ends_with(w.as_str())) {
                    if let Some(Tok::Actor(p)) = toks.get(b + 1) {
                        if p.connector.is_none() {
                            subj.push(p.clone());
                            subordinate = true;
                        }
                    }
                }
            }
        }
        // right side, up to the next cue or clause break
        let mut obj = Vec::new();
        let mut to_after_obj = None;
        let mut last_role = 0u8;
        for t in &toks[k + 1..hi] {
            match t {
                Tok::Gram(GrammarKind::Break, _) => break,
                // 签署的对俄制裁法案: after 的 an actor modifies the next noun, not the verb
                Tok::Actor(p)
                    if m.analyzer.is_cjk()
                        && matches!(p.connector, Some(GrammarKind::To | GrammarKind::With))
                        && folded
                            .get(cue.span_end..p.start)
                            .is_some_and(|g| g.contains('的')) =>
                {
                    break
                }
                Tok::Actor(p) if is_topic(p) => {}
                // agree that the missiles violate the INF Treaty: a treaty after a
                // symmetric cue with a subject is what it is about, not a party to it
                Tok::Actor(p) if sym_cue && !subj.is_empty() && self.is_treaty(p) => {}
                // 美国的新制裁遭到俄罗斯谴责: a passive marker after the cue opens another
                // verb's agent
                Tok::Actor(p) if p.connector == Some(GrammarKind::PassiveBefore) => break,
                // Russia condemned the expulsion of its diplomats by Poland: with a subject and
                // no passive auxiliary, a by-agent words after the cue is the agent of a noun in
                // its object, not the cue's (so is an instrumental right after a deverbal noun:
                // осудила объявление Россией…); the agent of an act judged (criticised,
                // praised) is whom the judgement is about
                Tok::Actor(p)
                    if p.connector == Some(GrammarKind::PassiveAfter)
                        && !sym_cue
                        && !m.analyzer.is_cjk()
                        && !subj.is_empty()
                        && !self.agentless_passive(m, folded, toks, k, cue)
                        && (folded
                            .get(cue.span_end..p.start)
                            .is_some_and(|g| g.split_whitespace().count() >= 3)
                            || Self::after_nominalization(m, folded, p.start)) =>
                {
                    // (and so is the agent of the act a reaction answers: ответит на введение
                    // Евросоюзом санкций)
                    let judged = ["05", "11", "12", "14"]
                        .iter()
                        .any(|r| action.cameo.starts_with(r))
                        || (action.cameo.starts_with("13")
                            && Self::after_nominalization(m, folded, p.start));
                    if judged && obj.is_empty() && tgt.is_empty() {
                        obj.push(p.clone());
                    }
                }
                // о выходе России из договора, the suspension of Russia's participation in:
                // the subject's own state after the cue is whose act it is, not its object
                // (but its envoy posted in a state, 召回泰国驻柬埔寨大使, is the object)
                Tok::Actor(p)
                    if action.frame == Frame::Dir
                        && obj.is_empty()
                        && !subj.is_empty()
                        && p.post.is_none()
                        && self.same_state(p, &subj, base) => {}
                Tok::Actor(p) => {
                    let role = match p.connector {
                        None => 1,
                        Some(GrammarKind::To) => 2,
                        Some(GrammarKind::With) => 3,
                        // the treaty was signed by Russia and Kazakhstan: the agents of a
                        // two-sided act are its parties
                        Some(GrammarKind::PassiveAfter) if sym_cue => 1,
                        Some(GrammarKind::PassiveAfter) | Some(GrammarKind::PassiveBefore) => 4,
                        Some(GrammarKind::At) => 5,
                        Some(GrammarKind::And) if last_role != 0 => last_role,
                        _ => 1,
                    };
                    if role == 1 && last_role != 0 && last_role != 1 {
                        break;
                    }
                    if (role == 1 || role == 2)
                        && !obj.is_empty()
                        && p.connector != Some(GrammarKind::And)
                    {
                        if role == 2 && obj.len() == 1 {
                            to_after_obj = Some(p.clone());
                        }
                        break; // 指责美国向乌克兰…: the second actor belongs to another verb
                    }
                    last_role = role;
                    match role {
                        1 | 2 if tgt.is_empty() => obj.push(p.clone()),
                        1 | 2 => break,
                        3 => partner.push(p.clone()),
                        4 => agent.push(p.clone()),
                        _ => loc.push(p.clone()),
                    }
                }
                _ => {}
            }
        }
        // 美俄沙特会谈: a full state name glued after a compound of abbreviations, right
        // before a symmetric cue, is where the pair meets, not a third party
        if sym_cue && subj.len() >= 2 {
            let n = subj.len();
            let c = &subj[n - 1];
            // the glued chain of abbreviations before the place: 美俄 (a compound) or 美, 俄
            let mut chain_codes: HashSet<&str> = HashSet::new();
            let mut edge = c.start;
            for p in subj[..n - 1].iter().rev() {
                if p.end != edge || char_count(&folded.as_bytes()[p.start..p.end]) > 2 {
                    break;
                }
                edge = p.start;
                self.codes_of(p, base, |code| {
                    chain_codes.insert(code);
                });
            }
            let mut place_codes: Vec<&str> = Vec::new();
            self.codes_of(c, base, |code| place_codes.push(code));
            if chain_codes.len() >= 2
                && char_count(&folded.as_bytes()[c.start..c.end]) >= 2
                && place_codes.len() == 1
                && !chain_codes.contains(place_codes[0])
                && c.end == cue.start
            {
                if let Some(place) = subj.pop() {
                    loc.push(place);
                }
            }
        }
        // решение Алжира разорвать отношения: a party named right between a deverbal noun and
        // the cue (its genitive, or an instrumental agent) is the cue's subject, not the
        // sentence's subject before the noun (Марокко сожалеет о решении…)
        if let Some(Tok::Actor(p)) = k.checked_sub(1).and_then(|j| toks.get(j)) {
            let glued = folded
                .get(p.end..cue.start)
                .is_some_and(|g| !g.is_empty() && g.trim().is_empty());
            if glued
                && !m.analyzer.is_cjk()
                && p.connector.is_none()
                && Self::after_nominalization(m, folded, p.start)
                && subj.iter().any(|q| q.start < p.start)
                && subj.iter().any(|q| q.start == p.start)
            {
                subj.retain(|q| q.start == p.start);
            }
        }
        if action.frame == Frame::Dir && !tgt.is_empty() {
            // 美国和欧盟对俄罗斯实施制裁: 和 joins the subjects. In a spaced script only a
            // partner right after the subject (the US, together with the EU, imposed…) joins
            // it; one after another verb (decided to review ties with India and threatened…)
            // is that verb's
            let (join, keep): (Vec<Phrase>, Vec<Phrase>) = partner
                .drain(..)
                .partition(|p| Self::joins_subject(m, folded, &subj, p));
            subj.extend(join);
            partner = keep;
        }
        // В Москву с визитом прибыл премьер-министр Индии: a visit whose place comes first and
        // whose subject follows the verb, as Russian news orders an arrival; the unmarked party
        // right after the verb is its subject, the place before it in its clause its target
        if subj.is_empty()
            && tgt.is_empty()
            && !m.analyzer.is_cjk()
            && action.cameo.starts_with("042")
            && obj.first().is_some_and(|p| p.connector.is_none())
        {
            let place = toks[clause_lo..k].iter().find_map(|t| match t {
                Tok::Actor(p) if matches!(p.connector, Some(GrammarKind::At | GrammarKind::To)) => {
                    Some(p.clone())
                }
                _ => None,
            });
            if let Some(place) = place {
                subj.push(obj.remove(0));
                if loc.is_empty() {
                    loc.push(place);
                }
            }
        }
        Sides {
            subj,
            tgt,
            partner,
            agent,
            joined,
            loc,
            obj,
            clause_lo,
            subordinate,
            inherited: false,
            topic: false,
            to_after_obj,
            own_agent: false,
            alleged: false,
        }
    }

    /// Gives an act cue without a subject of its own the one earlier cues leave it: the object
    /// of a statement cue right before it (pivot), the object of the previous verb before a
    /// possessive (for its invasion; such a cue is settled), the previous cue's subject, else
    /// the topic of the sentence's first clause. Notes the objects an appeal, a demand or a
    /// welcome passes on as the next verb's subject.
    pub(super) fn borrow_subject(
        &self,
        s: &Sentence,
        acts: &ActCues,
        cue: &Cue,
        sides: &mut Sides,
        memory: &mut CueMemory,
    ) {
        let (m, folded, toks) = (s.m, s.folded, s.toks);
        let action_idx = &acts.action_idx;
        let (n, k, cue, action) = (cue.n, cue.k, cue.item, cue.action);
        let mut subj = std::mem::take(&mut sides.subj);
        let (agent, obj, partner, clause_lo) =
            (&sides.agent, &sides.obj, &sides.partner, sides.clause_lo);
        let CueMemory {
            pivot,
            prev_objects,
            settled,
            prev_sources,
            prev_subject,
            consumed,
            ..
        } = memory;
        // 欢迎美国和俄罗斯签署新条约, urged Russia to withdraw: the object of a statement
        // cue right before this verb, in its clause, is the verb's subject
        let mut alleged = false;
        if let Some((pk, objs, end, judged)) = pivot.take() {
            let between = &folded[end.min(cue.start)..cue.start];
            let gap = char_count(between.as_bytes());
            let list = objs.iter().any(|p| {
                folded[p.start..end]
                    .chars()
                    .any(|c| matches!(c, ',' | '，' | ';' | '；'))
            });
            if n > 0
                && !list
                && action_idx[n - 1] == pk
                && clause_lo <= pk
                && subj.is_empty()
                && agent.is_empty()
                && gap <= if m.analyzer.is_cjk() { 6 } else { 12 }
            {
                subj = objs;
                alleged = judged;
            }
        }
        // only an appeal, a demand, a welcome or a judgement passes its object on as the next
        // verb's subject: after a threat or a retaliation (报复美国制裁) the object is its target
        let judged = action.cameo.starts_with("11") || action.cameo.starts_with("14");
        let pivot_root = judged
            || ["02", "05", "10"]
                .iter()
                .any(|r| action.cameo.starts_with(r));
        if pivot_root && action.frame == Frame::Dir && agent.is_empty() && !obj.is_empty() {
            let end = obj
                .iter()
                .chain(partner)
                .map(|p| p.end)
                .max()
                .unwrap_or(cue.span_end);
            *pivot = Some((k, obj.clone(), end, judged));
        }
        // condemned Mexico for its invasion of Belize, за своё вторжение в Грузию: an act
        // noun right after a possessive is the act of the previous verb's object, and its
        // target is named after it (none named: no event, and no guess from the context)
        let possessed = subj.is_empty()
            && agent.is_empty()
            && !prev_objects.is_empty()
            && Self::after_possessive(m, folded, cue.start);
        // retaliate against the new US sanctions, 报复美国制裁: an act noun right after the
        // state the previous verb took as its object is that state's act, as after a possessive
        let modified = !possessed
            && subj.is_empty()
            && agent.is_empty()
            && action.frame == Frame::Dir
            && !pivot_root
            && prev_objects.last().is_some_and(|p| {
                p.end <= cue.start
                    && folded
                        .get(p.end..cue.start)
                        .is_some_and(|g| g.trim().is_empty())
            });
        if possessed {
            subj = prev_objects.clone();
            settled.push(k);
        } else if modified {
            subj = prev_objects.last().cloned().into_iter().collect();
            settled.push(k);
        }
        // ……后，柬埔寨政府随即宣布，全面关闭…: a subject that opens a clause of its own after the
        // previous cue's clause and before this cue's is this cue's, not the previous cue's
        if subj.is_empty() && agent.is_empty() && n > 0 && action_idx[n - 1] < clause_lo {
            let pk = action_idx[n - 1];
            let opened = toks[pk + 1..clause_lo]
                .iter()
                .position(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
                .map(|b| pk + 1 + b + 1);
            if let Some(from) = opened {
                let own = toks[from..clause_lo].iter().find_map(|t| match t {
                    Tok::Actor(p) if p.connector.is_none() && !consumed.contains(&p.start) => {
                        Some(p)
                    }
                    _ => None,
                });
                if let Some(p) = own {
                    subj.push(p.clone());
                }
            }
        }
        let mut inherited = subj.is_empty() && agent.is_empty() && !prev_sources.is_empty();
        // США осудили нападение России на Украину: a directed act with no subject of its own
        // whose object is followed by a to-phrase names its own agent there (the object) and
        // its target (the to-phrase); the previous verb's subject does not attack (after a
        // criticism, США осудили нападение…, the act is judged: alleged)
        let mut own_agent = false;
        // Санкции были введены США против России: the same with no subject anywhere before it,
        // for an act (not a statement, whose object is judged, not acting)
        let unowned = subj.is_empty() && agent.is_empty() && !pivot_root;
        if let (true, Frame::Dir, Some(to)) = (
            (inherited || unowned) && sides.tgt.is_empty(),
            action.frame,
            sides.to_after_obj.clone(),
        ) {
            subj = std::mem::take(&mut sides.obj);
            sides.obj.push(to);
            inherited = false;
            own_agent = true;
            alleged |= n > 0
                && matches!(&toks[action_idx[n - 1]], Tok::Action(c)
                    if matches!(c.entry, Entry::Action(pi)
                        if self.dict.actions[pi].cameo.starts_with("11")
                            || self.dict.actions[pi].cameo.starts_with("14")));
        }
        // 对中方的努力表示赞赏和感谢, condemned and denounced the move: a directed cue joined to
        // the previous one by a coordinator alone, with no party of its own, shares its target
        // as it shares its subject
        if inherited
            && action.frame == Frame::Dir
            && sides.tgt.is_empty()
            && sides.obj.is_empty()
            && !memory.prev_targets.is_empty()
            && n > 0
        {
            let pk = action_idx[n - 1];
            if let Tok::Action(prev) = &toks[pk] {
                let between = &toks[pk + 1..k];
                let gap = folded.get(prev.span_end..cue.start).unwrap_or("x").trim();
                let joined = between.len() <= 1
                    && between.iter().all(|t| {
                        matches!(t, Tok::Gram(GrammarKind::And | GrammarKind::With, g)
                            if folded.get(g.start..g.end).is_some_and(|w| w.trim() == gap))
                    })
                    && (!between.is_empty() || (m.analyzer.is_cjk() && gap.chars().count() == 1));
                if joined && prev.span_end <= cue.start {
                    sides.tgt = memory.prev_targets.clone();
                }
            }
        }
        let mut topic = false;
        if inherited {
            // 与拉夫罗夫讨论…，并与帕特鲁舍夫磋商: a two-sided act naming a partner of its own
            // goes on with the previous subject alone, not with its partners
            let own_partner = !sides.partner.is_empty();
            subj = if (action.frame == Frame::Dir || own_partner) && !prev_subject.is_empty() {
                prev_subject.clone()
            } else {
                prev_sources.clone()
            };
        } else if subj.is_empty() && agent.is_empty() && clause_lo > 0 {
            // 特朗普上任后，多次与普京通电话: the topic of the sentence's first clause
            let first_break = toks
                .iter()
                .position(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
                .unwrap_or(toks.len());
            let first = toks[..first_break].iter().position(|t| {
                matches!(t, Tok::Actor(p) if p.connector.is_none() && !consumed.contains(&p.start))
            });
            if let Some(i) = first {
                // (with the parties joined to it: 土耳其和亚美尼亚经过6周和谈，最终……达成一致)
                for t in &toks[i..first_break] {
                    match t {
                        Tok::Actor(p)
                            if subj.is_empty()
                                || matches!(
                                    p.connector,
                                    Some(GrammarKind::And | GrammarKind::With)
                                ) =>
                        {
                            subj.push(p.clone())
                        }
                        Tok::Gram(GrammarKind::And | GrammarKind::With, _) => {}
                        _ => break,
                    }
                }
                topic = true;
            }
        }
        sides.subj = subj;
        sides.inherited = inherited;
        sides.topic = topic;
        sides.own_agent = own_agent;
        sides.alleged = alleged;
    }
}

#[cfg(test)]
#[path = "sides_tests.rs"]
mod tests;
