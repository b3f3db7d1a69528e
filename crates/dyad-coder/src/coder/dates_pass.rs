//! The dates of a sentence: its date expressions resolved left to right, and which of them date
//! a report rather than an act.

use super::*;

impl Coder {
    /// A month and day with no year anywhere (not in the sentence, the running context or the
    /// document date): the first such day in the latest term shared by the people the sentence
    /// names together with an office word (美国总统特朗普和俄罗斯总统普京…8月15日 → 2025-08-15).
    /// A bare name, or no shared term, gives nothing.
    pub(super) fn year_from_offices(
        &self,
        toks: &[Tok],
        raw: &dates::RawDate,
    ) -> Option<EventDate> {
        let (month, day) = (raw.month?, raw.day?);
        if raw.year.is_some() || raw.relative.is_some() || raw.full.is_some() {
            return None;
        }
        let mut start: Option<EventDate> = None;
        let mut end: Option<EventDate> = None;
        let mut any = false;
        for t in toks {
            let Tok::Actor(p) = t else { continue };
            let has_office = p
                .members
                .iter()
                .any(|&i| matches!(self.dict.actors[i].kind, ActorKind::Agent(_)));
            for &i in &p.members {
                let ActorKind::Person(k) = &self.dict.actors[i].kind else {
                    continue;
                };
                if !has_office {
                    continue;
                }
                let latest = self.dict.people.of(k).max_by_key(|t| t.start.ordinal())?;
                any = true;
                if start.is_none_or(|s| latest.start.ordinal() > s.ordinal()) {
                    start = Some(latest.start);
                }
                if let Some(e) = latest.end {
                    if end.is_none_or(|x| e.ordinal() < x.ordinal()) {
                        end = Some(e);
                    }
                }
            }
        }
        let start = start.filter(|_| any)?;
        for y in start.y()..start.y() + 2 {
            let Ok(d) = EventDate::day(y, month, day) else {
                continue;
            };
            if d.ordinal() >= start.ordinal() && end.is_none_or(|e| d.ordinal() < e.ordinal()) {
                return Some(d);
            }
        }
        None
    }
}

/// The dates of a sentence, resolved left to right (see [`Coder::resolve_dates`]).
#[derive(Debug)]
pub(super) struct SentenceDates {
    /// Every date expression of the sentence, in order, with the date it resolved to.
    pub(super) dates: Vec<DateTok>,
    /// The last date the sentence resolved (a `since` date or one that only describes a noun
    /// excepted), else the context's base: people's roles are read at it.
    pub(super) base: Option<EventDate>,
}

impl Coder {
    /// Resolves the sentence's date expressions left to right, each against the last one
    /// resolved (else the running context, then the document date). Decides which dates only
    /// describe a noun (……签署的: they date nothing and carry to nothing), which weekdays lie
    /// in a future counted forward from the document, and which months without a year take the
    /// document's year rather than a bare year carried from an earlier sentence.
    pub(super) fn resolve_dates(&self, s: &Sentence, ctx: &DateContext) -> SentenceDates {
        let (m, folded, toks) = (s.m, s.folded, s.toks);
        // resolve dates left to right
        let mut dates: Vec<DateTok> = Vec::new();
        let mut base = ctx.base();
        // whether `base` was named in this sentence (else it is carried from an earlier one)
        let mut base_here = false;
        // 将于下周三访问俄罗斯，周五会在莫斯科签署条约: a weekday after a date counted forward from
        // the document, in the same sentence, lies in that future too
        let mut forward_seen: Option<(Anchor, Unit, i32)> = None;
        for (ti, t) in toks.iter().enumerate() {
            if let Tok::Date(d) = t {
                let mut d = d.clone();
                // 废除俄美2011年7月签署的收养协议: a date on a verb that modifies a noun (……签署的)
                // describes that noun, not the sentence; it dates nothing and carries to nothing
                if let Some(Tok::Action(cue)) = toks.get(ti + 1) {
                    let between = folded.get(d.end..cue.start).unwrap_or("x");
                    if between.trim().is_empty()
                        && m.analyzer.is_cjk()
                        && Self::attributive(m, folded, cue.span_end)
                    {
                        d.since = true;
                        d.attributive = true;
                    }
                }
                // the joint statement of September 19th, 2005, указ от 5 мая: a date after a
                // document's noun names that document
                if Self::after_dated_noun(m, folded, d.start, d.end) {
                    d.since = true;
                    d.attributive = true;
                }
                // 对今天凌晨印度的军事行动表示遗憾, against Monday's Turkish exercise: a date
                // between a to- or with-word and its party describes the object
                if ti > 0
                    && matches!(
                        toks[ti - 1],
                        Tok::Gram(GrammarKind::To | GrammarKind::With, _)
                    )
                    && matches!(toks.get(ti + 1), Some(Tok::Actor(_)))
                    && Self::date_of_object(m, folded, d.end)
                {
                    d.since = true;
                    d.attributive = true;
                }
                match d.raw.relative {
                    Some((Anchor::Document, Unit::Weekday | Unit::DayName, _))
                        if forward_seen.is_some() =>
                    {
                        d.raw.relative = forward_seen;
                    }
                    Some(r @ (Anchor::Document, Unit::Day | Unit::Week | Unit::Month, n))
                        if n > 0 =>
                    {
                        forward_seen = Some(r);
                    }
                    _ => {}
                }
                // a month without a year in a later sentence than a bare year (惠兰2018年被捕。……
                // 2月17日被捕) is not of that aside's year: the document's year dates it
                let carried_year = !base_here
                    && d.raw.year.is_none()
                    && d.raw.month.is_some()
                    && d.raw.relative.is_none()
                    && base.is_some_and(|b| b.m().is_none())
                    && ctx.document.is_some();
                let b = if carried_year { ctx.document } else { base };
                d.date = dates::resolve(&d.raw, b, ctx.document);
                // 18日 two paragraphs after an aside about June, 30日 in a report of 1 October:
                // a bare day with no date before it in its sentence, and no running date of its
                // paragraph, counts from the dateline (the latest such day on or before it)
                let bare_day = d.raw.day.is_some()
                    && d.raw.year.is_none()
                    && d.raw.month.is_none()
                    && d.raw.relative.is_none()
                    && d.raw.full.is_none();
                let running = ctx.last.is_some()
                    && ctx.same_paragraph()
                    && ctx.stale <= DateContext::RUNNING_REACH;
                if let (true, false, false, false, Some(doc), Some(day)) = (
                    bare_day,
                    base_here,
                    running,
                    d.since,
                    ctx.document.filter(|x| x.precision() == Precision::Day),
                    d.raw.day,
                ) {
                    d.date = dates::day_on_or_before(doc, day).or(d.date);
                }
                if d.date.is_none() && !d.since && base.is_none() && ctx.document.is_none() {
                    d.date = self.year_from_offices(toks, &d.raw);
                }
                if let (Some(dd), false) = (d.date, d.since) {
                    base = Some(dd);
                    base_here = true;
                }
                dates.push(d);
            }
        }
        SentenceDates { dates, base }
    }
}

/// The reporting verbs of a sentence (表示, said, заявил) and where its act cues start: what
/// tells a report's date from its acts' dates.
#[derive(Debug)]
pub(super) struct Reports<'a> {
    /// The reporting verbs, in order.
    pub(super) items: Vec<&'a Item>,
    /// Where each act cue starts (byte offset in the folded text).
    act_starts: Vec<usize>,
}

impl<'a> Reports<'a> {
    /// The reporting verbs of `toks` and the starts of its act cues `action_idx`.
    pub(super) fn of(toks: &'a [Tok], action_idx: &[usize]) -> Self {
        // a reporting verb that opens an act cue is that act's verb (added … to a list of: an
        // addition, not he added that), no report
        let inside_act = |g: &Item| {
            action_idx.iter().any(|&i| {
                matches!(&toks[i], Tok::Action(c) if c.start <= g.start && g.start < c.span_end)
            })
        };
        let reports: Vec<&Item> = toks
            .iter()
            .filter_map(|t| match t {
                Tok::Gram(GrammarKind::Report, g) if !inside_act(g) => Some(g),
                _ => None,
            })
            .collect();
        let act_starts: Vec<usize> = action_idx
            .iter()
            .filter_map(|&i| match &toks[i] {
                Tok::Action(c) => Some(c.start),
                _ => None,
            })
            .collect();
        Reports {
            items: reports,
            act_starts,
        }
    }

    /// Whether no act cue starts in the byte range `[a, b)`.
    pub(super) fn no_act_between(&self, a: usize, b: usize) -> bool {
        !self.act_starts.iter().any(|&x| x >= a && x < b)
    }

    /// Which of the sentence's dates date a report rather than the acts of its complement (one
    /// flag per date); a bare day that dates a report is re-dated from the dateline.
    pub(super) fn mark_dates(
        &self,
        folded: &str,
        dates: &mut [DateTok],
        ctx: &DateContext,
    ) -> Vec<bool> {
        // reporting verbs (表示, said, заявил): a date right before one (no act between) or right
        // after it (said on 16 August) dates the report, not the acts of its complement
        let reports = &self.items;
        let no_act_between = |a: usize, b: usize| self.no_act_between(a, b);
        let is_report_date = |d: &DateTok| -> bool {
            // (克里谴责叙利亚政府上个月……的行为，称: a date inside an earlier clause's object
            // is not the report's; 12日，普京表示: a date that is its clause still is)
            let clause_ok = |r: &Item| {
                folded.get(d.end..r.start).is_none_or(|g| {
                    g.find([',', '，', ';', '；'])
                        .is_none_or(|b| g[..b].chars().count() <= 4)
                })
            };
            // (Russia expelled two diplomats on Tuesday, Tallinn said: a date that closes an
            // act's clause before a comma and the attribution dates the act)
            let closes_act = |r: &Item| {
                folded
                    .get(d.end..r.start)
                    .is_some_and(|g| g.contains([',', '，']))
                    && self.act_starts.iter().any(|&x| {
                        x < d.start && !reports.iter().any(|q| q.start > x && q.start < d.start)
                    })
            };
            reports.iter().any(|r| {
                (r.start >= d.end
                    && no_act_between(d.end, r.start)
                    && clause_ok(r)
                    && !closes_act(r))
                    || (d.start >= r.end
                        && folded
                            .get(r.end..d.start)
                            .is_some_and(|g| g.chars().count() <= 4)
                        && no_act_between(r.end, d.start))
            })
        };
        let report_date: Vec<bool> = dates.iter().map(is_report_date).collect();
        // a bare day that dates a report (古特雷斯1日说) counts from the dateline, not from a month
        // named earlier in the text: the latest such day on or before the document date
        if let Some(doc) = ctx.document.filter(|d| d.precision() == Precision::Day) {
            for (d, _) in dates.iter_mut().zip(&report_date).filter(|(_, &r)| r) {
                if d.since || d.raw.year.is_some() || d.raw.month.is_some() || d.raw.full.is_some()
                {
                    continue;
                }
                if let Some(day) = d.raw.day {
                    d.date = dates::day_on_or_before(doc, day).or(d.date);
                }
            }
        }
        report_date
    }
}

/// Whether the sentence names an event date of its own: a resolved date that dates no report
/// and is no `since` date.
pub(super) fn own_dates(dates: &[DateTok], report_date: &[bool]) -> bool {
    dates
        .iter()
        .zip(report_date)
        .any(|(d, &r)| !r && !d.since && d.date.is_some())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{day, prepare, with_sentence};
    use super::*;

    #[test]
    fn a_date_of_the_sentence_resolves_and_becomes_its_base() {
        let text = "On 3 March 2021, Russia criticized the United States.";
        with_sentence(Lang::En, text, |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let r = coder.resolve_dates(s, &ctx);
            assert_eq!(r.dates.len(), 1);
            assert_eq!(r.dates[0].date, Some(day("2021-03-03")));
            assert!(!r.dates[0].since && !r.dates[0].attributive);
            assert_eq!(r.base, Some(day("2021-03-03")));
        });
    }

    #[test]
    fn a_date_on_a_verb_that_modifies_a_noun_dates_nothing() {
        with_sentence(
            Lang::Zh,
            "俄罗斯批评美国2019年8月签署的协议。",
            |coder, s| {
                let ctx = DateContext::new(Some(day("2021-03-20")));
                let r = coder.resolve_dates(s, &ctx);
                assert_eq!(r.dates.len(), 1);
                assert!(r.dates[0].attributive && r.dates[0].since);
                // the base stays the document's
                assert_eq!(r.base, Some(day("2021-03-20")));
            },
        );
    }

    #[test]
    fn a_weekday_after_a_date_counted_forward_lies_in_that_future() {
        let text = "俄罗斯外长将于下周一访问美国，周五会见美国国务卿。";
        with_sentence(Lang::Zh, text, |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let r = coder.resolve_dates(s, &ctx);
            assert_eq!(r.dates.len(), 2);
            assert!(matches!(
                r.dates[0].raw.relative,
                Some((Anchor::Document, Unit::Week, n)) if n > 0
            ));
            assert_eq!(r.dates[1].raw.relative, r.dates[0].raw.relative);
        });
    }

    #[test]
    fn a_date_right_before_a_reporting_verb_dates_the_report_from_the_dateline() {
        with_sentence(
            Lang::Zh,
            "拉夫罗夫12日表示，美国应当撤回制裁。",
            |coder, s| {
                let mut ctx = DateContext::new(Some(day("2021-03-20")));
                // a month named earlier in the document: the bare day still counts from the dateline
                ctx.anchor = Some(day("2021-01-05"));
                let (_, _, dating) = prepare(coder, s, &ctx);
                assert_eq!(dating.report_date, vec![true]);
                assert_eq!(dating.dates[0].date, Some(day("2021-03-12")));
                assert!(!dating.own_dates);
                assert_eq!(dating.reports.items.len(), 1);
            },
        );
    }

    #[test]
    fn a_date_that_opens_an_act_is_the_sentences_own() {
        let text = "On 3 March 2021, Russia criticized the United States.";
        with_sentence(Lang::En, text, |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (_, _, dating) = prepare(coder, s, &ctx);
            assert_eq!(dating.report_date, vec![false]);
            assert!(dating.own_dates);
            assert!(dating.reports.items.is_empty());
        });
    }

    #[test]
    fn a_reporting_verb_that_opens_an_act_cue_is_no_report() {
        // added … to a list of: the date before it dates the addition, not a report of it
        let text =
            "On 3 March 2021, Canada added nine Mexican officials to a list of banned visitors.";
        with_sentence(Lang::En, text, |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (_, _, dating) = prepare(coder, s, &ctx);
            assert!(dating.reports.items.is_empty());
            assert_eq!(dating.report_date, vec![false]);
            assert!(dating.own_dates);
        });
    }
}
