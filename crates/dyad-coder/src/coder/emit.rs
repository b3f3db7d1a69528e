//! Events from the pairs of parties of one cue: their code, flags, domains and explain trace,
//! with repeats dropped.

use super::*;

impl Coder {
    /// The domains of the keywords found in the sentence (looked up once per sentence).
    pub(super) fn keyword_domains(&self, m: &LangMatcher, folded: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if let Some(ac) = &m.kw_ac {
            for hit in ac.find_overlapping_iter(folded) {
                for &i in &m.kw[hit.pattern().as_usize()] {
                    out.insert(self.dict.keywords[i].domain.clone());
                }
            }
        }
        out
    }

    /// The sentence's keyword domains with those of the CAMEO prefixes of `code`.
    pub(super) fn domains(&self, keywords: &BTreeSet<String>, code: &str) -> BTreeSet<String> {
        let mut out = keywords.clone();
        for k in self.dict.keywords.iter().filter(|k| k.lang == "cameo") {
            if code.starts_with(k.keyword.as_str()) {
                out.insert(k.domain.clone());
            }
        }
        out
    }
}

impl Coder {
    /// "spoke with Putin by phone": a more specific symmetric cue of the same root that gave no
    /// pair of its own refines the general code (…0) of the last cue's `events`.
    pub(super) fn refine_last_cue(&self, action: &ActionEntry, events: &mut [CodedEvent]) {
        let sym = matches!(action.frame, Frame::Sym | Frame::Meet);
        let root = action.cameo.get(..2).unwrap_or("");
        if sym && action.cameo.len() > 2 && !action.cameo.ends_with('0') {
            if let Some(row) = self.dict.codes.get(&action.cameo) {
                for e in events
                    .iter_mut()
                    .filter(|e| e.cameo.starts_with(root) && e.cameo.ends_with('0'))
                {
                    e.cameo = action.cameo.clone();
                    e.quad_class = row.quad_class;
                    e.goldstein = row.goldstein;
                    e.plover = row.plover.clone();
                    e.plover_mode = row.plover_mode.clone();
                    e.explain.push_str(&format!(
                        "; refined by cue `{}` {}",
                        action.pattern, action.origin
                    ));
                }
            }
        }
    }

    /// Emits the events of one act cue, one per pair of parties: its code's figures; its
    /// flags (the modality cues before it, its dictionary entry, a date ahead of the document,
    /// a question); its domains (keywords, the code, third parties the sentence names,
    /// leaders); its explain trace. An event that repeats one of the sentence (same pair, same
    /// code or one meeting, same date and flags; an act flagged `apart` only repeats its like)
    /// is dropped; an act stated as intended adds a factual expression of intent (03x) by its
    /// subject.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn emit_events(
        &self,
        s: &Sentence,
        cue: &Cue,
        when: &CueDate,
        sources: &[Party],
        paired: Paired,
        codes_here: &[&str],
        apart_spans: &mut Vec<(usize, usize)>,
        events: &mut Vec<CodedEvent>,
        sides: &Sides,
    ) {
        let (m, folded, toks, chars, question) = (s.m, s.folded, s.toks, s.chars, s.question);
        let (k, cue, action) = (cue.k, cue.item, cue.action);
        let (mut date, mut ahead, date_why) = (when.date, when.ahead, when.why.clone());
        let (inherited, topic, own_agent, alleged) =
            (sides.inherited, sides.topic, sides.own_agent, sides.alleged);
        let Paired {
            code,
            why: frame_why,
            pairs,
        } = paired;
        let text_of = |a: usize, b: usize| -> String { chars.text(a, b) };
        // modality
        let Modality {
            negated,
            hypothetical,
            stated,
            why: mod_why,
        } = self.modality(toks, chars, k, cue);
        // announced in December, in a July story, with no modal: last December
        let mut date_why = date_why;
        if let (Some(earlier), false, false) = (when.year_before, hypothetical, action.hypothetical)
        {
            date = earlier;
            ahead = false;
            date_why.push_str(": the story's past, a year before");
        }
        // "ready to cooperate with Moscow": the act is a plan, saying so a factual expression
        // of intent (03x) by the subject
        let stated = stated.filter(|_| !action.negated && !ahead);
        let subject_codes: HashSet<&str> = sources.iter().map(|p| p.actor.code.as_str()).collect();
        // a question asserts no act (do you see this as a sign he is going to breach the
        // treaty?); what saying it does (a rhetorical reproach) is left to the context pass
        let asked = question
            && !m
                .speech_roots
                .iter()
                .any(|r| action.cameo.starts_with(r.as_str()));
        let (negated, hypothetical) = (
            negated || action.negated,
            hypothetical || action.hypothetical || ahead || asked || alleged,
        );
        let Some(row) = self.dict.codes.get(&code) else {
            return;
        };
        let kw = s.keywords.get_or_init(|| self.keyword_domains(m, folded));
        let domains_base = self.domains(kw, &code);
        let span = (chars.at(cue.start), chars.at(cue.span_end));
        // the explain entries every event of the cue shares, before and after its parties
        let cue_why = format!(
            "cue `{}` → {} {} ({:?})",
            text_of(cue.start, cue.span_end),
            action.cameo,
            action.origin,
            action.frame
        );
        let mut rest_why = frame_why;
        for w in [
            inherited.then_some("subject shared with the previous cue"),
            own_agent.then_some("subject: the actor right after the act noun, before its target"),
            topic.then_some("subject: the topic of the sentence's first clause"),
            Some(date_why.as_str()),
            ahead.then_some("hypothetical: its date lies after the document's"),
            alleged.then_some(
                "hypothetical: the act a criticism or an accusation right before it judges \
                 (alleged, not reported as done)",
            ),
        ]
        .into_iter()
        .flatten()
        .chain(mod_why.iter().map(String::as_str))
        {
            rest_why.push_str("; ");
            rest_why.push_str(w);
        }
        for (a, b) in pairs {
            let mut domains = domains_base.clone();
            for c in codes_here {
                if *c != a.actor.code
                    && *c != b.actor.code
                    && self.dict.domains.contains_key("third-party")
                {
                    domains.insert(format!("third-party:{c}"));
                }
            }
            if (a.rank == 1 || b.rank == 1) && self.dict.domains.contains_key("leaders") {
                domains.insert("leaders".into());
            }
            let mut explain = String::with_capacity(
                cue_why.len() + a.why.len() + b.why.len() + rest_why.len() + 20,
            );
            for w in [
                cue_why.as_str(),
                "; source ",
                &a.why,
                "; target ",
                &b.why,
                "; ",
                &rest_why,
            ] {
                explain.push_str(w);
            }
            let ev = CodedEvent {
                date,
                source: a.actor,
                target: b.actor,
                cameo: code.clone(),
                quad_class: row.quad_class,
                goldstein: row.goldstein,
                plover: row.plover.clone(),
                plover_mode: row.plover_mode.clone(),
                negated,
                hypothetical,
                domains: domains.into_iter().collect(),
                span,
                explain,
            };
            // one meeting of a pair in a sentence: 开始谈判，讨论…, met and held talks
            let one_meeting = |a: &str, b: &str| {
                a.starts_with("04")
                    && b.starts_with("04")
                    && a.starts_with("041") == b.starts_with("041")
            };
            // 驱逐60人并关闭总领馆: closing a mission is an act apart from expelling people
            // 与拉夫罗夫讨论…，并与帕特鲁舍夫磋商: meetings with two people named apart are two
            let other_person = |x: &ActorRef, y: &ActorRef| {
                x.person.is_some() && y.person.is_some() && x.person != y.person
            };
            let dup = events.iter().any(|e| {
                !(e.cameo.starts_with("04")
                    && ev.cameo.starts_with("04")
                    && (other_person(&e.source, &ev.source) || other_person(&e.target, &ev.target)))
                    && e.source.code == ev.source.code
                    && e.target.code == ev.target.code
                    && apart_spans.contains(&e.span) == action.apart
                    && (e.cameo == ev.cameo || one_meeting(&e.cameo, &ev.cameo))
                    && e.date == ev.date
                    && e.negated == ev.negated
                    && e.hypothetical == ev.hypothetical
            });
            let intent_ev = stated
                .as_ref()
                .filter(|_| {
                    subject_codes.is_empty() || subject_codes.contains(ev.source.code.as_str())
                })
                .and_then(|st| {
                    let c = st.code;
                    let row = self.dict.codes.get(c)?;
                    let mut e = ev.clone();
                    e.cameo = c.to_string();
                    e.quad_class = row.quad_class;
                    e.goldstein = row.goldstein;
                    e.plover = row.plover.clone();
                    e.plover_mode = row.plover_mode.clone();
                    e.hypothetical = false;
                    e.explain = format!(
                        "{}; {} → {c}",
                        e.explain
                            .split("; hypothetical by")
                            .next()
                            .unwrap_or_default(),
                        st.why
                    );
                    Some(e)
                });
            if !dup {
                if action.apart {
                    apart_spans.push(ev.span);
                }
                events.push(ev);
            }
            if let Some(e) = intent_ev {
                if !events.iter().any(|x| {
                    x.source.code == e.source.code
                        && x.target.code == e.target.code
                        && x.cameo == e.cameo
                }) {
                    events.push(e);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{cue, day, event, prepare, with_sentence};
    use super::*;

    /// The events of the first act cue of `text`, dated 20 March 2021, run through every stage
    /// of a cue.
    fn first_events(lang: Lang, text: &str) -> Vec<CodedEvent> {
        with_sentence(lang, text, |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (base, acts, dating) = prepare(coder, s, &ctx);
            let c = cue(coder, s, &acts, 0);
            let mut memory = CueMemory::default();
            let mut sides = coder.read_sides(s, &acts, &c, &[], base.as_ref());
            coder.borrow_subject(s, &acts, &c, &mut sides, &mut memory);
            let when = coder.cue_date(s, &dating, &ctx, &c, &sides).unwrap();
            let mut parties = coder.cue_parties(s, &c, &sides, &when.date, None, &mut memory);
            let paired = coder.pair_parties(s, &c, &sides, &mut parties, &when.date, None, &ctx);
            let named = coder.named_codes(s.toks, base.as_ref(), false);
            let mut events = Vec::new();
            coder.emit_events(
                s,
                &c,
                &when,
                &parties.sources,
                paired,
                &named.codes,
                &mut memory.apart_spans,
                &mut events,
                &sides,
            );
            events
        })
    }

    #[test]
    fn meetings_with_two_people_named_apart_are_two_and_one_meeting_is_one() {
        use super::super::testing::coder;
        let count = |lang: Lang, text: &str| {
            let mut ctx = DateContext::new(Some(day("2021-03-20")));
            coder()
                .code(&SentenceInput { lang, text }, &mut ctx)
                .iter()
                .filter(|e| e.cameo.starts_with("04") && e.source.code == "CAN")
                .count()
        };
        // the Canadian prime minister met the Mexican foreign minister, then the president
        assert_eq!(
            count(
                Lang::Zh,
                "特鲁多3月18日与埃布拉德会谈，并与洛佩斯·奥夫拉多尔磋商了两个小时。"
            ),
            2
        );
        // met and held talks with the same person: one meeting
        assert_eq!(
            count(
                Lang::En,
                "Trudeau met López Obrador in Mexico City on March 18 and held talks with him on trade."
            ),
            1
        );
    }

    #[test]
    fn a_negation_before_the_cue_negates_its_event() {
        let ev = first_events(Lang::En, "Russia did not criticize the United States.");
        assert_eq!(ev.len(), 1);
        assert_eq!(
            (ev[0].source.code.as_str(), ev[0].target.code.as_str()),
            ("RUS", "USA")
        );
        assert!(ev[0].negated && !ev[0].hypothetical);
        assert_eq!(ev[0].date, day("2021-03-20"));
        assert!(ev[0].explain.starts_with("cue `criticize` → 111 "));
        assert!(ev[0].explain.contains("; negated by `did not`"));
    }

    #[test]
    fn an_act_stated_as_intended_adds_a_factual_intent_of_its_subject() {
        let ev = first_events(
            Lang::En,
            "Russia is ready to cooperate with the United States.",
        );
        let got: Vec<(&str, &str, &str, bool)> = ev
            .iter()
            .map(|e| {
                (
                    e.source.code.as_str(),
                    e.target.code.as_str(),
                    e.cameo.as_str(),
                    e.hypothetical,
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("RUS", "USA", "050", true),
                ("RUS", "USA", "032", false),
                ("USA", "RUS", "050", true)
            ]
        );
    }

    #[test]
    fn a_specific_cue_refines_the_general_code_of_the_last_cue() {
        let coder = super::super::testing::coder();
        let phone = coder
            .dict
            .actions
            .iter()
            .find(|a| a.cameo == "041" && a.frame == Frame::Sym)
            .unwrap();
        let mut events = vec![event("040", "USA", "RUS"), event("042", "USA", "RUS")];
        coder.refine_last_cue(phone, &mut events);
        assert_eq!(events[0].cameo, "041");
        assert!(events[0].explain.starts_with("; refined by cue `"));
        // only a general code (…0) of the same root is refined
        assert_eq!(events[1].cameo, "042");
    }
}
