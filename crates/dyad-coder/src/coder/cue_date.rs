//! The date of one act cue: which of the sentence's dates, its report's, the running date or
//! the document's dates it, and whether that date makes it a plan.

use super::*;

/// The date of one act cue, and why.
#[derive(Debug)]
pub(super) struct CueDate {
    pub(super) date: EventDate,
    /// Counted forward from the document (明天, 下周, next month): the act is a plan.
    pub(super) ahead: bool,
    /// The same day or month a year earlier, when the date is a month or day named without a
    /// year that falls after the document (announced in December, in a July story): the
    /// story's past unless a modal makes the act a plan.
    pub(super) year_before: Option<EventDate>,
    /// The explain entry of the date.
    pub(super) why: String,
}

impl Coder {
    /// Dates an act cue: the nearest date before it in the sentence (inside a reported
    /// complement only the complement's own), else one after it in its clause (a finer date
    /// after it refines a coarser one before it), else its report's date for an act made by
    /// saying it or the reporter's own act, else the running date or the document date when
    /// they reach this sentence, else the document date for a meeting or a reduction of
    /// relations whose parties the sentence names. `None`: the cue gives no event.
    pub(super) fn cue_date(
        &self,
        s: &Sentence,
        dating: &Dating,
        ctx: &DateContext,
        cue: &Cue,
        sides: &Sides,
    ) -> Option<CueDate> {
        let (m, folded, toks) = (s.m, s.folded, s.toks);
        let (k, cue, action) = (cue.k, cue.item, cue.action);
        let (dates, report_date, reports) =
            (&dating.dates, &dating.report_date, &dating.reports.items);
        let (own_dates, opens) = (dating.own_dates, dating.opens);
        let no_act_between = |a: usize, b: usize| dating.reports.no_act_between(a, b);
        let text_of = |a: usize, b: usize| -> String { s.chars.text(a, b) };
        let (subj, tgt, partner, obj, loc) = (
            &sides.subj,
            &sides.tgt,
            &sides.partner,
            &sides.obj,
            &sides.loc,
        );
        let (subordinate, inherited, topic) = (sides.subordinate, sides.inherited, sides.topic);
        // date: nearest before the cue in the sentence, else after it in the clause, else context;
        // inside the complement of a reporting verb only the complement's own dates count
        let mut date_why = String::new();
        let mut date = None;
        // a date counted forward from the document (明天, 下周, next month, в следующем году)
        // dates a plan, not a happening
        let mut ahead = false;
        let forward = |d: &DateTok| {
            matches!(
                d.raw.relative,
                Some((Anchor::Document, Unit::Day | Unit::Week | Unit::Month | Unit::Year, n)) if n > 0
            )
        };
        let governing = reports.iter().rev().find(|r| r.end <= cue.start);
        let mut in_sentence: Option<&DateTok> = None;
        for (d, _) in dates.iter().zip(report_date).filter(|(d, &r)| {
            d.end <= cue.start
                && !d.since
                && d.date.is_some()
                && !r
                && governing.is_none_or(|g| d.start >= g.end)
        }) {
            date = d.date;
            ahead = forward(d);
            in_sentence = Some(d);
        }
        // (formatted once, for the last such date, the one read)
        if let Some(d) = in_sentence {
            date_why = format!("date `{}` in the sentence", text_of(d.start, d.end));
        }
        // (a clause of time is dated by the clause it leads into: ……后，拜登8日宣布)
        let clause_end = toks[k + 1..]
            .iter()
            .filter_map(|t| match t {
                Tok::Gram(GrammarKind::Break, g) => Some(g.start),
                _ => None,
            })
            .nth(usize::from(subordinate));
        // (a report's date between the act and its reporting verb, summoned the envoy on
        // Monday and said…, is the act's too: no report lies between the act and the date)
        let report_between = |d: &DateTok| {
            reports
                .iter()
                .any(|rp| rp.start >= cue.end && rp.end <= d.start)
        };
        let after = dates.iter().zip(report_date).find_map(|(d, &r)| {
            (d.start >= cue.end
                    && !d.since
                    && (!r || subordinate || !report_between(d))
                    && d.date.is_some()
                    // (in English and Russian, across the commas of a place, Anchorage,
                    // Alaska, on August 15, with no other act between)
                    && (clause_end.is_none_or(|c| d.start < c)
                        || (!m.analyzer.is_cjk() && no_act_between(cue.end, d.start))))
            .then_some(d)
        });
        // 2025年俄美峰会是于2025年8月15日举行的: a finer date after the cue in the clause refines
        // a coarser one before it that it falls within
        let refines = |a: &EventDate, b: &EventDate| {
            a.precision() < b.precision() && a.y() == b.y() && (b.m().is_none() || a.m() == b.m())
        };
        if let (Some(b), Some(a)) = (date, after.and_then(|d| d.date)) {
            if refines(&a, &b) {
                date = None;
                ahead = false;
            }
        }
        // an agreement or a promise (03x) to do something at a date wholly after the document
        // (agreed to hold talks on June 18) is made when it is told: the later date is its
        // content's, so it is dated as an undated act (running date, else document date)
        let promised_later = after.is_some_and(|d| {
            action.cameo.starts_with("03")
                && matches!((d.date, ctx.document), (Some(dd), Some(doc))
                    if dd.first_day().ordinal() > doc.last_day().ordinal())
        });
        if date.is_none() && !promised_later {
            if let Some(d) = after {
                date = d.date;
                ahead = forward(d);
                date_why = format!("date `{}` after the cue", text_of(d.start, d.end));
                // an act dated after it wholly after the document (the exercise would begin on
                // August 18, another meeting in the course of March) has not happened when it
                // is told: a plan (not a measure, 16x, 17x, announced to take effect on that
                // day: it is taken as announced). (A date before the act is as often a
                // document's own date set too early: measured on the coverage suite.)
                if let (Some(dd), Some(doc)) = (date, ctx.document) {
                    if !Self::is_measure(&action.cameo)
                        && dd.first_day().ordinal() > doc.last_day().ordinal()
                    {
                        ahead = true;
                    }
                }
            }
        }
        if date.is_none() {
            // 外交部10日表示谴责: an act made by saying it is made when it is reported
            let speech = m
                .speech_roots
                .iter()
                .any(|r| action.cameo.starts_with(r.as_str()));
            // an act the report passes on outside a quotation, with no date of its own, is
            // made when it is reported: the reporter's own act (财政部21日发表声明，宣布对……实施
            //制裁) or another's (白宫1日发布消息说，……人员获释), as news follows what it
            // reports closely; what a quotation says may be of any time
            let passed_on = governing.is_some_and(|g| {
                !folded
                    .get(g.end..cue.start)
                    .is_some_and(|between| between.contains(['“', '「', '『', '"', '«']))
            });
            if let (Some(g), true) = (governing, speech || passed_on) {
                if let Some(d) = dates.iter().zip(report_date).rev().find_map(|(d, &r)| {
                    (r && !d.since && d.date.is_some() && (d.end <= g.start || d.start >= g.end))
                        .then_some(d)
                }) {
                    date = d.date;
                    date_why = format!("date `{}` of its report", text_of(d.start, d.end));
                }
            }
        }
        if date.is_none() {
            // the running date reaches an undated sentence of the same paragraph (or, with
            // paragraphs unknown, the very next sentence), or one that opens with a relative
            // connective (随后, then); never a sentence with dates of its own elsewhere
            let near = if ctx.paragraph.is_some() {
                (ctx.same_paragraph() || ctx.in_lede()) && ctx.stale <= DateContext::RUNNING_REACH
            } else {
                ctx.stale == 0
            };
            // only a day carries without a connective: after 8月15日 an undated 双方… goes on
            // narrating that day, while after 2008年4月 an undated sentence of an analytic
            // text is commentary, no event of that month or year
            // (and so does the document's own month when it is only that, 本周末, this week, as
            // news tells of its own days: the next sentence goes on narrating them)
            let own_month = |l: &EventDate| {
                l.precision() == Precision::Month
                    && ctx
                        .document
                        .is_some_and(|d| d.y() == l.y() && d.m() == l.m())
            };
            let reach = |l: &EventDate| {
                (opens && ctx.stale <= DateContext::RUNNING_REACH)
                    || (!own_dates && near && (l.precision() == Precision::Day || own_month(l)))
            };
            if let Some(l) = ctx.last {
                if reach(&l) {
                    date = Some(l);
                    date_why = format!("running date {l} of the document");
                }
            } else if let (Some(doc), false) = (ctx.document, own_dates) {
                date = Some(doc);
                date_why = format!("document date {doc}");
            }
        }
        // (a sentence that names any time, 自2019年…以来的首次会面, speaks of another time; a
        // date that only describes a noun, 1972年签署的条约, names none)
        let attributive_only = dates.iter().all(|d| d.attributive);
        if date.is_none() && attributive_only && governing.is_none() {
            // a meeting both of whose parties the sentence names (白宫国安顾问波顿正在莫斯科
            // 访问, Kerry and Lavrov held a joint press conference), undated in a document, is
            // the document's: measured on the development corpus, such meetings are the
            // story's own far more often than background (which names its year)
            let named = !subj.is_empty()
                && ((!inherited && !topic) || action.cameo.starts_with("16"))
                && (!tgt.is_empty() || !obj.is_empty() || !partner.is_empty() || !loc.is_empty());
            // and so is a reduction of relations (16x: withdrawal, expulsion, sanctions)
            // whose both parties it names (the U.S. has begun expelling 12 operatives from
            // the Russian Mission; measured: other roots add as many errors as events), its
            // subject named in an earlier clause too (其中美国出手最重，驱逐60人并关闭俄驻西雅图总领馆)
            // (an invitation, 036, is of a meeting's kind; measured: every other root, the
            // rest of 03 included, adds no event or adds errors)
            let own = ["04", "16", "036"]
                .iter()
                .any(|r| action.cameo.starts_with(r));
            if own && named {
                if let Some(doc) = ctx.document {
                    date = Some(doc);
                    date_why = format!("document date {doc}: an act between parties it names");
                }
            }
        }
        if let (None, true, Some(doc)) = (date, promised_later, ctx.document) {
            date = Some(doc);
            date_why = format!(
                "document date {doc}: the later date after it is what was agreed or promised"
            );
        }
        let date = date?;
        // a month or a day with no year of its own or carried, before the cue, after the
        // document's date (a date after the cue past the document is a plan's: measured, a year
        // back there read plans as done)
        let year_before = in_sentence
            .filter(|d| {
                d.date == Some(date)
                    && d.raw.year.is_none()
                    && d.raw.month.is_some()
                    && d.raw.relative.is_none()
                    && d.raw.full.is_none()
            })
            .and(ctx.document)
            .filter(|doc| {
                date.first_day().ordinal() > doc.last_day().ordinal() && date.y() == doc.y()
            })
            .and_then(|_| match (date.m(), date.d()) {
                (Some(mo), Some(day)) => EventDate::day(date.y() - 1, mo, day).ok(),
                (Some(mo), None) => EventDate::month(date.y() - 1, mo).ok(),
                _ => None,
            });
        Some(CueDate {
            date,
            ahead,
            year_before,
            why: date_why,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{cue, day, prepare, with_sentence};
    use super::*;

    /// The date of the first act cue of `text` in a document of 20 March 2021.
    fn first_date(
        lang: Lang,
        text: &str,
        edit: impl FnOnce(&mut DateContext),
    ) -> Option<(String, bool, String)> {
        with_sentence(lang, text, |coder, s| {
            let mut ctx = DateContext::new(Some(day("2021-03-20")));
            edit(&mut ctx);
            let (base, acts, dating) = prepare(coder, s, &ctx);
            let c = cue(coder, s, &acts, 0);
            let mut sides = coder.read_sides(s, &acts, &c, &[], base.as_ref());
            coder.borrow_subject(s, &acts, &c, &mut sides, &mut CueMemory::default());
            coder
                .cue_date(s, &dating, &ctx, &c, &sides)
                .map(|d| (d.date.to_string(), d.ahead, d.why))
        })
    }

    #[test]
    fn an_agreement_to_act_at_a_later_date_is_dated_when_told() {
        // agreed to hold talks on 18 April: the agreement is of the document's day, factual
        let d = first_date(
            Lang::En,
            "Russia and China agreed to hold talks on 18 April 2021.",
            |_| {},
        );
        let (date, ahead, why) = d.expect("dated");
        assert_eq!((date.as_str(), ahead), ("2021-03-20", false));
        assert!(why.contains("what was agreed or promised"), "{why}");
        // a meeting itself at that date is a plan
        let d = first_date(
            Lang::En,
            "Russia and China will meet on 18 April 2021.",
            |_| {},
        );
        assert_eq!(d.map(|d| (d.0, d.1)), Some(("2021-04-18".into(), true)));
    }

    #[test]
    fn the_date_before_the_cue_dates_it() {
        let d = first_date(
            Lang::En,
            "On 3 March 2021, Russia criticized the United States.",
            |_| {},
        );
        assert_eq!(
            d,
            Some((
                "2021-03-03".into(),
                false,
                "date `3 March 2021` in the sentence".into()
            ))
        );
    }

    #[test]
    fn an_act_a_report_passes_on_takes_the_reports_date_unless_quoted() {
        let text = "The Foreign Office said on March 5 that Iran released two British citizens.";
        let d = first_date(Lang::En, text, |_| {});
        assert_eq!(
            d,
            Some((
                "2021-03-05".into(),
                false,
                "date `March 5` of its report".into()
            ))
        );
        let quoted = "The Foreign Office said on March 5: \"Iran released two British citizens.\"";
        let d = first_date(Lang::En, quoted, |_| {});
        assert_ne!(d.map(|d| d.0), Some("2021-03-05".into()));
    }

    #[test]
    fn a_date_counted_forward_after_the_cue_makes_a_plan() {
        let d = first_date(
            Lang::En,
            "Russia will meet the United States next month.",
            |_| {},
        );
        assert_eq!(
            d,
            Some((
                "2021-04".into(),
                true,
                "date `next month` after the cue".into()
            ))
        );
    }

    #[test]
    fn an_undated_act_takes_the_running_day_else_the_document_date() {
        let text = "Russia expelled American diplomats.";
        let d = first_date(Lang::En, text, |_| {});
        assert_eq!(
            d,
            Some((
                "2021-03-20".into(),
                false,
                "document date 2021-03-20".into()
            ))
        );
        let d = first_date(Lang::En, text, |ctx| ctx.last = Some(day("2021-03-18")));
        assert_eq!(
            d,
            Some((
                "2021-03-18".into(),
                false,
                "running date 2021-03-18 of the document".into()
            ))
        );
        // a running date two sentences old no longer reaches it: an expulsion whose parties
        // the sentence names is the document's, a criticism is left undated
        let stale = |ctx: &mut DateContext| {
            ctx.last = Some(day("2021-03-18"));
            ctx.stale = 1;
        };
        let named = Some((
            "2021-03-20".into(),
            false,
            "document date 2021-03-20: an act between parties it names".into(),
        ));
        assert_eq!(first_date(Lang::En, text, stale), named);
        let d = first_date(Lang::En, "Russia criticized the United States.", stale);
        assert_eq!(d, None);
        // an expulsion whose subject an earlier clause names is the document's too; a meeting
        // of such a subject is left undated
        let d = first_date(
            Lang::Zh,
            "其中英国反应最强烈，驱逐23名俄罗斯外交官。",
            stale,
        );
        assert_eq!(d, named);
        let d = first_date(Lang::Zh, "其中英国代表团最大，会见了俄罗斯外长。", stale);
        assert_eq!(d, None);
        // an invitation both of whose parties it names is of a meeting's kind
        let d = first_date(
            Lang::En,
            "Brazil invited Argentina to join the talks.",
            stale,
        );
        assert_eq!(d, named);
    }
}
