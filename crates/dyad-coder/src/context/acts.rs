//! Acts whose actors lie outside the sentence: an uncoded act cue takes its source and target
//! from the clauses around it, a pronoun's referent, the last subject or the document's other
//! party.

use super::spans::{clause_start, first_speech};
use super::{Pass, Word, AND_GAP, ONE_SIDED, OPENING};
use crate::coder::{
    CodedEvent, CueFact, Mention, Office, SentenceFacts, AGREED_AWAY, AGREED_REACH,
};
use crate::dict::{ContextKind, Frame, GrammarKind, PronounKind};
use dyad_model::EventDate;

/// At most this many characters between a reported act and the subject its clause names (美国
/// 扩大制裁, the government ordered them to leave): further on, the verb between them is as often a
/// plan or a topic (NATO will now work on issues such as exercises).
const NEAR_SUBJECT: usize = 24;

/// At most this many characters (a preposition, an article, an adjective) between an act cue and a one-sided
/// act it takes as its object (respond to the sanctions, ответит на санкции, 回应制裁).
const OBJECT_GAP: usize = 12;

impl Pass<'_> {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn acts(
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
        // where the sentence names that verb's speaker (the actor right before it)
        let speaker_named_at = speech_at.and_then(|at| {
            f.actors
                .iter()
                .filter(|m| m.span.1 <= at)
                .max_by_key(|m| m.span.1)
                .map(|m| m.span.0)
        });
        // force or coercion after an agreement of the sentence is what was agreed to stop (the
        // sentence coder drops it too: post.rs, AGREED_AWAY)
        let agreed_at = events
            .iter()
            .filter(|e| e.cameo.starts_with("057") || e.cameo.starts_with("03"))
            .map(|e| e.span.0)
            .min();
        for cue in f.cues.iter().filter(|c| !c.coded) {
            // a denial beside a statement of its sentence (否认这一指责，并称…, denied it and said…)
            // is told by that statement
            let stated = |e: &CodedEvent| ["01", "11", "12"].iter().any(|r| e.cameo.starts_with(r));
            if cue.cameo.starts_with("016") && events.iter().chain(out.iter()).any(stated) {
                continue;
            }
            if agreed_at.is_some_and(|at| at < cue.span.0 && cue.span.0 - at <= AGREED_REACH)
                && AGREED_AWAY.iter().any(|r| cue.cameo.starts_with(r))
            {
                continue;
            }
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
            // (and so is a phone call its subject made with no partner named: the Secretary
            // called to inform…, звонил: a call has a counterpart, the document's other party)
            // (and so is a directed act in the passive without its agent: the Russian
            // ambassador was summoned, 俄大使被召见: its subject underwent it, the document's
            // other party did it)
            let one_sided = (ONE_SIDED.iter().any(|r| cue.cameo.starts_with(r))
                || cue.cameo.starts_with("041")
                || (cue.passive && action.frame == Frame::Dir)
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
            // (the agent marked right before it, введение Евросоюзом санкций, took it)
            let agent = f.actors.iter().rev().find(|m| {
                m.connector == Some(GrammarKind::PassiveAfter)
                    && m.span.1 <= cue.span.0
                    && m.span.0 >= clause_start
                    && cue.span.0 - m.span.1 <= NEAR_SUBJECT
            });
            // решение Алжира разорвать отношения: a party right between a deverbal noun and the
            // cue is the act's subject, not the sentence's subject before the noun
            let nominal = f
                .actors
                .iter()
                .filter(|m| m.span.1 <= cue.span.0 && m.span.0 >= clause_start)
                .max_by_key(|m| m.span.1)
                .filter(|m| {
                    let text = &self.texts[i];
                    let gap: String = text
                        .chars()
                        .skip(m.span.1)
                        .take(cue.span.0 - m.span.1)
                        .collect();
                    let before: String = text.chars().take(m.span.0).collect();
                    m.connector.is_none()
                        && !gap.is_empty()
                        && gap.trim().is_empty()
                        && self.coder.ends_with_nominalization(&before)
                });
            // (台湾代表处成立数天后，中国……: a party inside an opening clause of time is not
            // the subject, nor the target, when another comes after that clause)
            let (coder, text) = (self.coder, self.texts[i]);
            let in_time_clause = move |m: &Mention<'_>| {
                let rest: String = text
                    .chars()
                    .skip(m.span.1)
                    .take_while(|c| !matches!(c, ',' | '，' | ';' | '；'))
                    .collect();
                coder.closes_time_clause(&rest)
            };
            let first = agent
                .or(nominal)
                .or_else(|| {
                    f.actors
                        .iter()
                        .filter(|m| m.span.1 <= cue.span.0 && m.span.0 >= clause_start)
                        .filter(subject_like)
                        .min_by_key(|m| m.span.0)
                })
                .or_else(|| {
                    let candidates = || {
                        f.actors
                            .iter()
                            .filter(|m| m.span.1 <= cue.span.0)
                            .filter(subject_like)
                    };
                    candidates()
                        .filter(|m| !in_time_clause(m))
                        .min_by_key(|m| m.span.0)
                        .or_else(|| candidates().min_by_key(|m| m.span.0))
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
            // 对朝鲜再次发射导弹表示谴责: force or a measure right after the party of 对 and right
            // before a reaction to it is that party's act, which the sentence coder left without
            // a target; the reacting subject did not make it
            let gap_text = |a: usize, b: usize| -> String {
                self.texts[i]
                    .chars()
                    .skip(a)
                    .take(b.saturating_sub(a))
                    .collect()
            };
            let answered_to = ["15", "16", "17", "18", "19", "20"]
                .iter()
                .any(|r| cue.cameo.starts_with(r))
                && f.actors.iter().any(|m| {
                    m.connector == Some(GrammarKind::To)
                        && m.span.1 <= cue.span.0
                        && cue.span.0 - m.span.1 <= 4
                        && !gap_text(m.span.1, cue.span.0).contains([',', '，', '、', ';', '；'])
                })
                && f.cues.iter().any(|c| {
                    c.span.0 >= cue.span.1
                        && c.span.0 - cue.span.1 <= 4
                        && (c.cameo.starts_with("111") || c.cameo.starts_with("12"))
                });
            if answered_to {
                continue;
            }
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
                // (or whose reported clause names no subject at all, so the speaker's:
                // 立陶宛宣布，已经将该国驻中国大使召回国内)
                // (in a script with spaces, not a noun after an article or a possessive with no
                // clause mark between: called the attack a provocation, said the water cannon
                // incident…: what was said of, not an act of the speaker's)
                let cjk = self.texts[i]
                    .chars()
                    .nth(cue.span.0)
                    .is_some_and(crate::coder::is_cjk_ideograph);
                let clause_after = cjk
                    || gap_text(at, cue.span.0).contains([',', ':', ';'])
                    || !self.coder.ends_with_determiner(&gap_text(0, cue.span.0));
                let unnamed = |m: &Mention<'_>| {
                    m.span.1 <= at
                        && clause_after
                        && speaker.is_some_and(|sp| sp.span == m.span)
                        && !subject_between(f, at, cue.span.0)
                };
                let ok = plain
                    && !cue.passive
                    && !action.noun
                    && named_subject.is_some_and(|m| {
                        (m.span.0 > at
                            && speaker.is_none_or(|sp| sp.code == m.code)
                            && cue.span.0.saturating_sub(m.span.1) <= NEAR_SUBJECT)
                            || unnamed(m)
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
                        .or_else(|| {
                            pronoun.and_then(|p| self.resolve_subject(i, p, speaker_named_at))
                        });
                    if let Some(m) = partner {
                        let how = "a pronoun subject and its partner, reported";
                        self.push_with_partner(events, out, cue, source, m, how, (date, date_why));
                    }
                    continue;
                }
                // (an office that speaks of what it did, naming no subject, goes on to the
                // office below: 巴外交部表示，已召见印度驻巴基斯坦临时代办)
                let office_speaks = plain
                    && !cue.passive
                    && speaker.is_none()
                    && f.offices
                        .iter()
                        .any(|o| o.span.1 <= at && !subject_between(f, o.span.1, cue.span.0));
                if !ok && !office_speaks {
                    continue;
                }
            }
            // an exchange or a release with no party of the document named (the prisoner exchange
            // took place in Ankara, 换囚在安卡拉进行) is one between the document's two main parties
            // (measured on the development corpus, meetings and agreements named alone are as often
            // topics, so they are left to the sentence coder and `restated_agreement`)
            let sym = matches!(action.frame, Frame::Sym | Frame::Meet);
            // (双方交战, both sides: the pair word is the sentence coder's to resolve)
            let pair_named = || self.coder.names_pair_word(self.texts[i]);
            let main_pair: Vec<&str> = self
                .parties
                .ranked
                .iter()
                .take(2)
                .map(String::as_str)
                .collect();
            // (and so is a clash or an exchange of fire, 19x both ways: перестрелки продолжались,
            // the clashes took place on Tuesday)
            if sym
                && (cue.cameo.starts_with("08")
                    || (cue.cameo.starts_with("19") && f.actors.is_empty() && !pair_named()))
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
                    let source = pronoun.and_then(|p| self.resolve_subject(i, p, speaker_named_at));
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
                    // the party whose act or words caused it, when the sentence names it first
                    // (美国将…列入实体清单，引发中国强烈不满; 日本首相的言论引起中方抗议), else the
                    // document's other party (此举引起俄方强烈不满)
                    let causer = f
                        .actors
                        .iter()
                        .filter(|x| {
                            x.span.1 <= cause.span.0
                                && x.code != m.code
                                && matches!(x.connector, None | Some(GrammarKind::And))
                        })
                        .min_by_key(|x| x.span.0)
                        .map(|x| (x.code, "named before the verb of causing"));
                    let other = || {
                        self.parties
                            .others(m.code)
                            .first()
                            .copied()
                            .map(|t| (t, "the document's other party"))
                    };
                    if let Some(t) = causer.or_else(other) {
                        self.push_act(
                            events,
                            out,
                            cue,
                            (m.code, "named after a verb of causing"),
                            t,
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
            // (or the office speaks and the clause it reports names no subject: 巴外交部表示，
            // 已召见印度驻巴基斯坦临时代办)
            // (and so for a later clause that names no subject of its own: 巴外交部向…发送一份
            // 官方文件，指控这名印度外交官…)
            let unsubjected = |o: &&Office<'_>| !subject_between(f, o.span.1, cue.span.0);
            let spoken =
                |o: &&Office<'_>| reported.is_some_and(|at| o.span.1 <= at) && unsubjected(o);
            if let Some(o) = f
                .offices
                .iter()
                .filter(|o| o.span.1 <= cue.span.0 && (o.span.0 >= clause_start || unsubjected(o)))
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
                // (a party inside a gapped cue, summoned the Peruvian ambassador, 召回驻格大使,
                // is after its verb too)
                let target = f.actors.iter().find(|m| m.span.0 > cue.span.0);
                let source = target.and_then(|t| match main_pair[..] {
                    [a, b] if t.code == a => Some(b),
                    [a, b] if t.code == b => Some(a),
                    _ => None,
                });
                let reported = reported.filter(|_| !spoken(&o));
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
            // Sanctions were imposed on members of the Russian Duma: a sanction (163) whose
            // sentence names no one before it, only the party it hits after it, was imposed by
            // the document's other main party (not an expulsion: the state after "leave" is the
            // one that expels)
            if before.is_none() && pronoun.is_none() && cue.cameo.starts_with("163") && !cue.negated
            {
                // (in a script with spaces, a state right after the measure's noun is its
                // possessor, санкции США: the US sanctions; 制裁俄罗斯 has none between; a person
                // there is as often the next clause's subject)
                let possessor = |m: &Mention<'_>| {
                    if m.person {
                        return false;
                    }
                    let gap: String = self.texts[i]
                        .chars()
                        .skip(cue.span.1)
                        .take(m.span.0.saturating_sub(cue.span.1))
                        .collect();
                    !gap.is_empty() && gap.trim().is_empty()
                };
                let hit = f.actors.iter().find(|m| {
                    m.span.0 >= cue.span.1
                        && super::spans::clause_start(self.texts[i], m.span.0, false) <= cue.span.0
                        && !possessor(m)
                });
                let taker = hit.and_then(|t| match main_pair[..] {
                    [a, b] if t.code == a => Some(b),
                    [a, b] if t.code == b => Some(a),
                    _ => None,
                });
                if let (Some(t), Some(src)) = (hit, taker) {
                    self.push_act(
                        events,
                        out,
                        cue,
                        (src, "the document's other main party"),
                        (t.code, "named after the measure"),
                        "a measure whose taker the sentence does not name",
                        (date, date_why),
                        false,
                    );
                    continue;
                }
            }
            if before.is_some() && named_subject.is_none() || before.is_none() && !third {
                continue;
            }
            // a first-person act names its counterpart after the cue or inside it (I want to
            // thank Dmitry Medvedev, 我们将要求10名美国外交官离境); without one it is as often a
            // background or an aggregate (we've met many times)
            let first_person =
                pronoun.is_some_and(|p| *p.kind == ContextKind::Pronoun(PronounKind::First));
            if first_person && !f.actors.iter().any(|m| m.span.0 > cue.span.0) {
                continue;
            }
            let (source, source_why) = if let Some(m) = named_subject {
                (m.code.to_string(), "named before the cue".to_string())
            } else if let Some(p) = pronoun {
                match self.resolve_subject(i, p, speaker_named_at) {
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
            // (an actor inside the cue's span is its object: 驱逐150多名俄方外交官; one after it
            // only in its clause: "…warning of the attacks, urged restraint, while Britain and
            // Germany said…" names no target of the attacks)
            let clause_of = |at: usize| super::spans::clause_start(self.texts[i], at, false);
            // (a party in a later clause that is the subject of a verb of its own there)
            let speaks_later = |m: &Mention<'_>| {
                let own = clause_of(m.span.0);
                f.reports
                    .iter()
                    .map(|r| r.0)
                    .chain(f.cues.iter().map(|c| c.span.0))
                    .any(|v| v >= m.span.1 && clause_of(v) == own)
            };
            let in_clause = |m: &Mention<'_>| {
                m.span.0 <= cue.span.0 || clause_of(m.span.0) <= cue.span.0 || !speaks_later(m)
            };
            let after = f
                .actors
                .iter()
                .position(|m| m.code != source && m.span.0 > cue.span.0 && in_clause(m));
            // an object marked before the cue (对俄罗斯, 将俄罗斯银行) is the target before any
            // other party the sentence names
            let marked = f.actors.iter().position(|m| {
                m.code != source && m.span.1 <= cue.span.0 && m.connector == Some(GrammarKind::To)
            });
            let any = marked
                .or_else(|| {
                    f.actors
                        .iter()
                        .position(|m| m.code != source && in_clause(m) && !in_time_clause(m))
                })
                .or_else(|| {
                    f.actors
                        .iter()
                        .position(|m| m.code != source && in_clause(m))
                });
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
    pub(super) fn push_with_partner(
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
    pub(super) fn push_act(
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
}

/// Whether an actor that can be a subject (no connector, or joined by `and`) lies wholly between
/// characters `from` and `to` of the sentence.
fn subject_between(f: &SentenceFacts<'_>, from: usize, to: usize) -> bool {
    f.actors.iter().any(|m| {
        m.span.0 >= from && m.span.1 <= to && matches!(m.connector, None | Some(GrammarKind::And))
    })
}
