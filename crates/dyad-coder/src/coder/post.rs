//! After the cues: what a sentence leaves to the context pass (its facts) and to the next
//! sentence (its running date, its pair).

use super::*;

impl Coder {
    /// Collects what the sentence names for the context pass (see [`SentenceFacts`]).
    #[allow(clippy::too_many_arguments)]
    pub(super) fn fill_facts<'s>(
        &'s self,
        f: &mut SentenceFacts<'s>,
        toks: &[Tok],
        // the codes of each actor phrase (`Coder::codes_of` at the sentence's base date), by token index
        phrase_codes: &[(usize, &'s str)],
        // the sentence's base date, at which a person's position is read
        base: Option<&EventDate>,
        chars: &CharIdx,
        action_idx: &[usize],
        // whether each cue of `action_idx` is an agentless passive
        passives: &[bool],
        events: &[CodedEvent],
        dates: &[DateTok],
        report_date: &[bool],
        ctx: &DateContext,
        // in a question: the CAMEO roots of speech acts, which a question can still make
        asked: Option<&[String]>,
        // the cues that gave no event, by token index, and why
        missed: &[(usize, Missed)],
    ) {
        let mut codes = phrase_codes.iter().peekable();
        f.actors.reserve(phrase_codes.len());
        f.cues.reserve(action_idx.len());
        for (ti, t) in toks.iter().enumerate() {
            match t {
                Tok::Actor(p) => {
                    let key = p
                        .members
                        .iter()
                        .find_map(|&i| match &self.dict.actors[i].kind {
                            ActorKind::Person(k) => Some(k.as_str()),
                            _ => None,
                        });
                    let person = key.is_some();
                    // a person's position; else the role word's of a state's office holder
                    // (Peruvian Foreign Minister), whom a role word alone may name again
                    let position = match key {
                        Some(k) => self.position_of(k, base),
                        None => self.role_position(p),
                    };
                    let span = (chars.at(p.start), chars.at(p.end));
                    let connector = p.connector;
                    while let Some(&(_, c)) = codes.next_if(|&&(i, _)| i == ti) {
                        f.actors.push(Mention {
                            code: c,
                            span,
                            person,
                            position,
                            connector,
                        });
                    }
                }
                Tok::Gram(GrammarKind::Report, g) => {
                    let span = (chars.at(g.start), chars.at(g.end));
                    f.reports.push(span);
                    if matches!(g.entry, Entry::Gram(i) if self.dict.grammar[i].value == "after") {
                        f.attributions.push(span);
                    }
                }
                Tok::Modal(mi) => {
                    if matches!(mi.entry, Entry::Modal(i) if self.dict.modality[i].flag == Flag::Negated)
                    {
                        f.negations.push((chars.at(mi.start), chars.at(mi.end)));
                    }
                }
                _ => {}
            }
        }
        for (&k, &passive) in action_idx.iter().zip(passives) {
            let Tok::Action(cue) = &toks[k] else { continue };
            let Entry::Action(ai) = cue.entry else {
                continue;
            };
            let action = &self.dict.actions[ai];
            let span = (chars.at(cue.start), chars.at(cue.span_end));
            let coded = events.iter().any(|e| e.span == span);
            // a coded cue's modality is in its events; only an uncoded one needs it here
            let Modality {
                negated,
                hypothetical,
                stated,
                why: modality,
            } = if coded {
                Modality::default()
            } else {
                self.modality(toks, chars, k, cue)
            };
            f.cues.push(CueFact {
                action: ai,
                cameo: &action.cameo,
                span,
                negated: negated || action.negated,
                hypothetical: hypothetical
                    || action.hypothetical
                    || asked.is_some_and(|roots| {
                        !roots.iter().any(|r| action.cameo.starts_with(r.as_str()))
                    }),
                modality,
                stated,
                coded,
                passive,
                missed: missed
                    .iter()
                    .find(|&&(i, _)| i == k)
                    .map(|&(_, w)| w)
                    .filter(|_| !coded),
            });
        }
        for (d, &r) in dates.iter().zip(report_date) {
            if d.since || d.date.is_none() {
                continue;
            }
            if r {
                f.report_date = f.report_date.or(d.date);
            } else if f.date.is_none() {
                f.date = d.date;
                f.date_at = Some(chars.at(d.start));
            }
        }
        f.running = if ctx.stale < DateContext::RUNNING_REACH && ctx.same_paragraph() {
            ctx.last
        } else {
            None
        };
    }
}

/// Acts of a sentence implied by another of its acts between the same pair, with the same
/// flags, and so no act apart: what a pair agrees to in the sentence of its agreement is the
/// agreement's content (双方达成协议，同意在十年内裁减…: an expression of intent, 03x, beside a
/// signing, 057), and a detention named beside a release of the same people is the state they
/// are released from (16名被关押在俄罗斯监狱的人员获释, citizens held in Russia were freed: an
/// arrest, 173, beside a release, 0841).
const IMPLIED: [(&str, &str); 2] = [("057", "03"), ("0841", "173")];

/// Drops the acts [`IMPLIED`] by another act of the sentence, and force or coercion an agreement
/// before it takes as its content ([`AGREED_AWAY`]).
pub(super) fn drop_implied_acts(events: &mut Vec<CodedEvent>) {
    // (the pair in either order: a detention read the wrong way round, 被捕 or a participle
    // with its agent unmarked, is still the one the release ends)
    let key = |e: &CodedEvent| {
        let (a, b) = (e.source.code.clone(), e.target.code.clone());
        (
            a.clone().min(b.clone()),
            a.max(b),
            e.negated,
            e.hypothetical,
        )
    };
    for (act, implied) in IMPLIED {
        let acts: Vec<_> = events
            .iter()
            .filter(|e| e.cameo.starts_with(act))
            .map(key)
            .collect();
        events.retain(|e| !(e.cameo.starts_with(implied) && acts.contains(&key(e))));
    }
    // force or coercion named after an agreement of the same pair is what they agree to stop or
    // not to use (agreed to a halt to strikes, договорились о прекращении ударов)
    let agreements: Vec<_> = events
        .iter()
        .filter(|e| e.cameo.starts_with("057") || e.cameo.starts_with("03"))
        .map(|e| (key(e), e.span.0))
        .collect();
    let agreed_after = |e: &CodedEvent| {
        agreements
            .iter()
            .any(|(k, at)| *k == key(e) && *at < e.span.0 && e.span.0 - at <= AGREED_REACH)
    };
    events.retain(|e| !(AGREED_AWAY.iter().any(|r| e.cameo.starts_with(r)) && agreed_after(e)));
    // relations restored, cooperation, an easing, an exchange or a ceasefire named after an
    // agreement of the same pair is what they agreed to do: a plan, not yet done (agreed to a
    // prisoner exchange, 同意交换战俘, договорились восстановить отношения)
    for e in events.iter_mut() {
        if !e.negated
            && !e.hypothetical
            && AGREED_PLANNED.iter().any(|r| e.cameo.starts_with(r))
            && agreed_after(e)
        {
            e.hypothetical = true;
            e.explain
                .push_str("; hypothetical: what an agreement before it agreed to do");
        }
    }
}

/// CAMEO roots of acts that an agreement before them in the sentence takes as what it agreed to
/// do (diplomatic cooperation and restoring relations, cooperation, easing, exchanges, ceasefires,
/// 050, 054, 06, 08, and relations cut, 16): plans, hypothetical.
const AGREED_PLANNED: [&str; 5] = ["050", "054", "06", "08", "16"];

/// Drops the pairs within a bloc that another cue of the sentence pairs with a partner
/// (Кения, Уганда и Руанда подписали соглашение с Танзанией: the verb reads the three as signing
/// with each other, the noun with its partner; each member signed with Tanzania): a pair whose
/// two parties both do the same act with a third party, under another cue with the same flags.
pub(super) fn drop_bloc_pairs(events: &mut Vec<CodedEvent>) {
    let with_hub = |x: &str, hub: &str, e: &CodedEvent| {
        events.iter().any(|o| {
            o.span != e.span
                && o.cameo == e.cameo
                && o.negated == e.negated
                && o.hypothetical == e.hypothetical
                && o.source.code == x
                && o.target.code == hub
        })
    };
    let bloc: Vec<bool> = events
        .iter()
        .map(|e| {
            events.iter().any(|o| {
                let hub = o.target.code.as_str();
                o.span != e.span
                    && hub != e.source.code
                    && hub != e.target.code
                    && with_hub(&e.source.code, hub, e)
                    && with_hub(&e.target.code, hub, e)
            })
        })
        .collect();
    let mut i = 0;
    events.retain(|_| {
        i += 1;
        !bloc[i - 1]
    });
}

/// CAMEO roots of force and coercion (15, 17–20) that an agreement before them in the sentence
/// takes as its content.
pub(crate) const AGREED_AWAY: [&str; 5] = ["15", "17", "18", "19", "20"];

/// At most this many characters from an agreement's cue to the force or coercion it takes as its
/// content (agreed on 18 March to a 30-day halt to strikes); further on, a later clause tells of
/// something else (…达成共识，……但印军亦作出相应部署).
pub(crate) const AGREED_REACH: usize = 40;

/// Carries the running date and the pair to the next sentence: the last date of the sentence's
/// own (not a report's, not a `since` date) becomes the running date (else the running date
/// grows stale by one sentence), the last resolved date the anchor of relative dates, and the
/// parties of its first factual two-sided event (else the two codes it names, else, with no pair
/// yet, its first factual event) the pair.
pub(super) fn carry_context(
    ctx: &mut DateContext,
    dating: &Dating,
    events: &[CodedEvent],
    codes_here: &[&str],
) {
    let (dates, report_date) = (&dating.dates, &dating.report_date);
    // (a date wholly after the document's, on June 18, is a plan's: the story does not go on
    // at that date)
    let told = |d: &EventDate| {
        ctx.document
            .is_none_or(|doc| d.first_day().ordinal() <= doc.last_day().ordinal())
    };
    if let Some((d, _)) = dates.iter().zip(report_date).rev().find(|(d, &r)| {
        !r && !d.since
                && d.date.is_some_and(|d| told(&d))
                // (a bare weekday, said Tuesday, dates its own act only)
                && !matches!(d.raw.relative, Some((_, Unit::DayName, _)))
    }) {
        ctx.last = d.date;
        ctx.stale = 0;
        ctx.last_paragraph = ctx.paragraph;
    } else {
        ctx.stale = ctx.stale.saturating_add(1);
    }
    if let Some(d) = dates.iter().rev().find(|d| !d.since && d.date.is_some()) {
        ctx.anchor = d.date;
    }
    // "both sides", "the two leaders" are the parties of the last two-sided act (a meeting, a
    // call, an agreement: coded both ways), else of a sentence naming just two states and no
    // act; a one-sided act (a criticism of a third state in a report of a call) sets the pair
    // only when there is none yet
    let factual = |e: &&CodedEvent| !e.negated && !e.hypothetical;
    let two_sided = events
        .iter()
        .filter(factual)
        .find(|e| e.mirrored_in(events));
    let one_sided = events.iter().find(factual);
    if let Some(e) = two_sided {
        ctx.pair = Some((e.source.code.clone(), e.target.code.clone()));
    } else if codes_here.len() == 2 && (one_sided.is_none() || ctx.pair.is_none()) {
        ctx.pair = Some((codes_here[0].to_string(), codes_here[1].to_string()));
    } else if let (None, Some(e)) = (&ctx.pair, one_sided) {
        ctx.pair = Some((e.source.code.clone(), e.target.code.clone()));
    }
}

impl Coder {
    /// Collects what the sentence names for the context pass: its act cues (those settled
    /// excepted), each with whether it is a passive, then [`Coder::fill_facts`].
    #[allow(clippy::too_many_arguments)]
    pub(super) fn collect_facts<'s>(
        &'s self,
        f: &mut SentenceFacts<'s>,
        s: &Sentence,
        named: &Named<'s>,
        base: Option<&EventDate>,
        mut action_idx: Vec<usize>,
        memory: &CueMemory,
        events: &[CodedEvent],
        dating: &Dating,
        ctx: &DateContext,
    ) {
        let (m, chars, toks, question) = (s.m, s.chars, s.toks, s.question);
        let (settled, passive_cues) = (&memory.settled, &memory.passive_cues);
        action_idx.retain(|k| !settled.contains(k));
        let passives: Vec<bool> = action_idx
                .iter()
                .map(|&k| {
                    passive_cues.contains(&k)
                        || matches!(&toks[k], Tok::Action(c)
                            if matches!(c.entry, Entry::Action(ai) if self.dict.actions[ai].passive))
                })
                .collect();
        self.fill_facts(
            f,
            toks,
            &named.phrase_codes,
            base,
            chars,
            &action_idx,
            &passives,
            events,
            &dating.dates,
            &dating.report_date,
            ctx,
            question.then_some(m.speech_roots.as_slice()),
            &memory.missed,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{coder, day, event, prepare, with_sentence};
    use super::*;

    #[test]
    fn what_a_pair_agrees_to_in_its_agreement_is_no_act_apart() {
        let mut events = vec![
            event("057", "USA", "RUS"),
            event("030", "USA", "RUS"),
            event("030", "USA", "CHN"),
        ];
        let mut hypothetical = event("030", "RUS", "USA");
        hypothetical.hypothetical = true;
        events.push(event("057", "RUS", "USA"));
        events.push(hypothetical);
        drop_implied_acts(&mut events);
        let left: Vec<(&str, &str, &str)> = events
            .iter()
            .map(|e| {
                (
                    e.cameo.as_str(),
                    e.source.code.as_str(),
                    e.target.code.as_str(),
                )
            })
            .collect();
        assert_eq!(
            left,
            vec![
                ("057", "USA", "RUS"),
                ("030", "USA", "CHN"),
                ("057", "RUS", "USA"),
                ("030", "RUS", "USA")
            ]
        );
    }

    #[test]
    fn a_detention_beside_the_release_of_the_same_people_is_no_act_apart() {
        let mut events = vec![
            event("173", "IRN", "GBR"),
            event("0841", "IRN", "GBR"),
            // detained by one, released by another: two acts
            event("173", "IRN", "FRA"),
            event("0841", "QAT", "FRA"),
        ];
        drop_implied_acts(&mut events);
        let left: Vec<(&str, &str)> = events
            .iter()
            .map(|e| (e.cameo.as_str(), e.source.code.as_str()))
            .collect();
        assert_eq!(left, vec![("0841", "IRN"), ("173", "IRN"), ("0841", "QAT")]);
    }

    #[test]
    fn a_sentences_own_date_and_pair_carry_to_the_next() {
        let text = "On 3 March 2021, Russia criticized the United States.";
        with_sentence(Lang::En, text, |coder, s| {
            let mut ctx = DateContext::new(Some(day("2021-03-20")));
            ctx.stale = 3;
            let (_, _, dating) = prepare(coder, s, &ctx);
            let named = coder.named_codes(s.toks, None, false);
            carry_context(&mut ctx, &dating, &[], &named.codes);
            assert_eq!(ctx.last, Some(day("2021-03-03")));
            assert_eq!(ctx.anchor, Some(day("2021-03-03")));
            assert_eq!(ctx.stale, 0);
            assert_eq!(ctx.pair, Some(("RUS".into(), "USA".into())));
            // a factual two-sided event's pair wins over the codes named
            carry_context(
                &mut ctx,
                &dating,
                &[event("040", "CHN", "IND"), event("040", "IND", "CHN")],
                &named.codes,
            );
            assert_eq!(ctx.pair, Some(("CHN".into(), "IND".into())));
            // a one-sided event does not, nor do the codes of its sentence; the codes of a
            // sentence without events do
            carry_context(
                &mut ctx,
                &dating,
                &[event("111", "PAK", "AFG")],
                &named.codes,
            );
            assert_eq!(ctx.pair, Some(("CHN".into(), "IND".into())));
            carry_context(&mut ctx, &dating, &[], &named.codes);
            assert_eq!(ctx.pair, Some(("RUS".into(), "USA".into())));
            // with no pair yet, it sets one
            let mut fresh = DateContext::new(Some(day("2021-03-20")));
            carry_context(&mut fresh, &dating, &[event("111", "PAK", "AFG")], &[]);
            assert_eq!(fresh.pair, Some(("PAK".into(), "AFG".into())));
        });
    }

    #[test]
    fn an_undated_sentence_lets_the_running_date_grow_stale() {
        with_sentence(
            Lang::En,
            "Russia expelled American diplomats.",
            |coder, s| {
                let mut ctx = DateContext::new(Some(day("2021-03-20")));
                ctx.last = Some(day("2021-03-18"));
                let (_, _, dating) = prepare(coder, s, &ctx);
                carry_context(&mut ctx, &dating, &[], &[]);
                assert_eq!(ctx.last, Some(day("2021-03-18")));
                assert_eq!(ctx.stale, 1);
                assert_eq!(ctx.pair, None);
            },
        );
    }

    #[test]
    fn a_date_after_the_document_does_not_become_the_running_date() {
        with_sentence(
            Lang::En,
            "Russia and China agreed to hold talks on 18 April 2021.",
            |coder, s| {
                let mut ctx = DateContext::new(Some(day("2021-03-20")));
                ctx.last = Some(day("2021-03-18"));
                let (_, _, dating) = prepare(coder, s, &ctx);
                carry_context(&mut ctx, &dating, &[], &[]);
                // the talks' date is a plan's: the story stays on 18 March, one sentence older
                assert_eq!(ctx.last, Some(day("2021-03-18")));
                assert_eq!(ctx.stale, 1);
            },
        );
    }

    #[test]
    fn a_bare_weekday_dates_its_own_act_only() {
        with_sentence(
            Lang::En,
            "Russia expelled two American diplomats Thursday.",
            |coder, s| {
                let mut ctx = DateContext::new(Some(day("2021-03-20")));
                ctx.last = Some(day("2021-03-10"));
                let (_, _, dating) = prepare(coder, s, &ctx);
                // read: the Thursday before the document's Saturday
                assert!(dating
                    .dates
                    .iter()
                    .any(|d| d.date == Some(day("2021-03-18"))));
                carry_context(&mut ctx, &dating, &[], &[]);
                assert_eq!(ctx.last, Some(day("2021-03-10")));
                assert_eq!(ctx.stale, 1);
            },
        );
    }

    #[test]
    fn the_facts_list_the_act_cues_and_actors_of_the_sentence() {
        let mut ctx = DateContext::new(Some(day("2021-03-20")));
        let s = SentenceInput {
            lang: Lang::Zh,
            text: "美国外交官被俄罗斯驱逐。",
        };
        let (events, facts) = coder().analyze(&s, &mut ctx);
        assert_eq!(events.len(), 1);
        let actors: Vec<&str> = facts.actors.iter().map(|m| m.code).collect();
        assert_eq!(actors, vec!["USA", "RUS"]);
        assert_eq!(facts.cues.len(), 1);
        assert!(facts.cues[0].coded && !facts.cues[0].negated);
        assert_eq!(facts.cues[0].cameo, "161");
        assert_eq!(facts.date, None);
    }
}
