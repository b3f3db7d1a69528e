//! The story's date: the dateline, weekdays, bare days and months, and the dates statements and
//! clauses take.

use crate::common::*;
use dyad_model::Lang;

#[test]
fn statements_take_the_day_the_story_tells_of() {
    // the dateline names the 12th; published two days later
    let ev = code(
        Lang::Zh,
        "1994-01-14",
        &[
            "【本报基辅1月12日电】美国总统克林顿12日在基辅同乌克兰总统会谈。",
            "克林顿表示，这次会谈富有建设性。",
        ],
    );
    let st = ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.explain.contains("context: statement"))
        .expect("a statement");
    assert_eq!(st.event.date.to_string(), "1994-01-12");
}

#[test]
fn weekdays_resolve_against_the_document_date() {
    // published on Tuesday 14 May 2002
    let ev = code(
        Lang::Zh,
        "2002-05-14",
        &[
            "美国总统布什周一宣布，美国和俄罗斯已就削减核武器达成协议。",
            "布什将于下周三访问俄罗斯。",
        ],
    );
    let agree = ev
        .iter()
        .find(|e| e.sentence == 0 && e.event.cameo == "057")
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(agree.event.date.to_string(), "2002-05-13");
    let visit = ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.cameo.starts_with("04"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    // next week's Wednesday is not a day of the past week: its month, and a plan
    assert_eq!(visit.event.date.to_string(), "2002-05");
    assert!(visit.event.hypothetical);
}

#[test]
fn a_bare_day_of_a_report_counts_from_the_dateline() {
    let ev = code(
        Lang::Zh,
        "2019-08-02",
        &[
            "今年2月，美国宣布暂停履行条约义务。",
            "联合国秘书长古特雷斯1日说，他对条约失效深表遗憾，批评有关各方。",
        ],
    );
    let st = ev
        .iter()
        .find(|e| e.sentence == 1)
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(st.event.date.to_string(), "2019-08-01");
}

#[test]
fn a_place_joined_to_a_place_is_a_place_and_last_week_a_month() {
    // 在法国和意大利: both are where the meeting took place, not its parties; 上周 names the
    // month of the day a week before the document
    let ev = code(
        Lang::Zh,
        "2014-03-03",
        &["克里上周在法国和意大利会见拉夫罗夫。"],
    );
    let f = facts(&ev);
    assert!(has(&ev, 0, "USA", "RUS", "04"), "{f:?}");
    assert!(
        !f.iter().any(|(_, a, b, _)| a == "ITA" || b == "ITA"),
        "{f:?}"
    );
    let dates: Vec<String> = ev.iter().map(|e| e.event.date.to_string()).collect();
    assert!(dates.iter().all(|d| d == "2014-02"), "{dates:?}");
}

#[test]
fn a_statement_takes_a_date_that_opens_its_sentence() {
    // the demand was made in March 2019, not on the day of the report
    let ev = code(
        Lang::En,
        "2020-06-01",
        &["In March 2019, Canada demanded that Venezuela release the detained diplomats."],
    );
    let d: Vec<String> = ev
        .iter()
        .filter(|e| e.event.cameo.starts_with("10"))
        .map(|e| e.event.date.to_string())
        .collect();
    assert_eq!(d, ["2019-03"], "{:?}", facts(&ev));
}

#[test]
fn a_month_after_an_aside_about_a_year_is_of_the_documents_year() {
    // an aside names a bare year; the next sentence's month and day are the story's year
    let ev = code(
        Lang::Zh,
        "2023-11-20",
        &[
            "该记者2019年曾在俄罗斯受审。",
            "10月5日，俄罗斯驱逐了两名美国外交官。",
        ],
    );
    let expel = ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.cameo.starts_with("16"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(expel.event.date.to_string(), "2023-10-05");
    // within one sentence the year still lends itself to the month after it
    let ev = code(
        Lang::Zh,
        "2023-11-20",
        &["2019年，俄罗斯先是在3月驱逐了两名美国外交官。"],
    );
    let expel = ev
        .iter()
        .find(|e| e.sentence == 0 && e.event.cameo.starts_with("16"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(expel.event.date.to_string(), "2019-03");
}

#[test]
fn a_speaker_going_on_keeps_the_date_of_the_statement_before() {
    let ev = code(
        Lang::Zh,
        "2016-12-31",
        &[
            "当地时间12月29日，美国宣布驱逐35名俄罗斯外交官。",
            "俄罗斯外长拉夫罗夫30日表示，美方的做法是错误的，俄方对此表示强烈不满。",
            "拉夫罗夫还表示，美方的指责毫无根据。",
        ],
    );
    let later = ev
        .iter()
        .find(|e| e.sentence == 2 && e.event.source.code == "RUS")
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(
        later.event.date.to_string(),
        "2016-12-30",
        "{}",
        later.event.explain
    );
}

#[test]
fn a_clause_of_time_has_the_subject_and_date_of_the_clause_it_leads_into() {
    let ev = code(
        Lang::Zh,
        "2014-03-18",
        &["下令制裁多名俄罗斯官员后，美国总统奥巴马17日宣布扩大制裁范围。"],
    );
    let e = ev
        .iter()
        .find(|e| e.event.source.code == "USA" && e.event.target.code == "RUS")
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert!(e.event.cameo.starts_with("16"), "{:?}", facts(&ev));
    assert_eq!(
        e.event.date.to_string(),
        "2014-03-17",
        "{}",
        e.event.explain
    );
    // the clause's own verb: a meeting whose subject opens the next clause, on its date
    let ev = code(
        Lang::Zh,
        "2022-12-09",
        &["与俄罗斯外长举行会谈后，美国国务卿8日宣布将继续对话。"],
    );
    let meet = ev
        .iter()
        .find(|e| e.event.cameo.starts_with("04") && e.event.source.code == "USA")
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(meet.event.target.code, "RUS");
    assert_eq!(
        meet.event.date.to_string(),
        "2022-12-08",
        "{}",
        meet.event.explain
    );
}

#[test]
fn a_date_on_an_attributive_verb_dates_nothing() {
    // 2009年3月签署的协议 describes the agreement; the ban is of the law's day
    let ev = code(
        Lang::Zh,
        "2015-06-03",
        &[
            "俄罗斯总统2日签署了一项新法案。",
            "法案还规定，禁止美国公民收养俄罗斯儿童，废除两国2009年3月签署的协议。",
        ],
    );
    let ban: Vec<String> = ev
        .iter()
        .filter(|e| e.sentence == 1 && e.event.cameo == "163")
        .map(|e| e.event.date.to_string())
        .collect();
    assert!(!ban.is_empty(), "{:?}", facts(&ev));
    assert!(
        ban.iter().all(|d| !d.starts_with("2009")),
        "the agreement's date dated the ban: {ban:?}"
    );
}

#[test]
fn a_later_day_of_the_story_dates_what_follows_it() {
    // the lede tells of the 20th, a later paragraph of the 22nd; an undated criticism after it
    // is of the 22nd (the week before publication on the 23rd)
    let ev = code_paragraphs(
        Lang::Zh,
        "2018-10-23",
        &[
            ("加拿大总理20日宣布退出与墨西哥的协定。", 1),
            ("加拿大外长22日在渥太华与墨西哥外长会谈。", 2),
            ("加拿大外长批评墨西哥违反协定。", 3),
        ],
    );
    let dates: Vec<String> = ev
        .iter()
        .filter(|e| e.sentence == 2 && e.event.cameo.starts_with("11"))
        .map(|e| e.event.date.to_string())
        .collect();
    assert!(!dates.is_empty(), "{:?}", facts(&ev));
    assert!(dates.iter().all(|d| d == "2018-10-22"), "{dates:?}");
}

#[test]
fn a_bare_day_counts_from_the_dateline_unless_its_paragraph_runs_a_date() {
    // published on 2 March: the 28th is February's, not a day of March still to come
    let ev = code(
        Lang::Zh,
        "2021-03-02",
        &["法国外长28日在巴黎会见德国外长。"],
    );
    let meet = ev
        .iter()
        .find(|e| e.event.cameo.starts_with("04"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(meet.event.date.to_string(), "2021-02-28");
    // an aside about June in an earlier paragraph lends no month to the 18th of a later one
    let ev = code_paragraphs(
        Lang::Zh,
        "2021-12-20",
        &[
            ("两国6月曾在边境发生冲突。", 1),
            ("印度外交部表示，局势已经稳定。", 2),
            ("中国外交部18日称，中印两国当天举行边境事务磋商。", 3),
        ],
    );
    let talks = ev
        .iter()
        .find(|e| e.sentence == 2 && e.event.cameo.starts_with("04"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(talks.event.date.to_string(), "2021-12-18");
    // a month named in the same paragraph still dates the days after it
    let ev = code_paragraphs(
        Lang::Zh,
        "1994-02-10",
        &[
            ("1994年1月，美国总统访问欧洲。", 1),
            ("12日，美国总统在基辅同乌克兰总统会谈。", 1),
        ],
    );
    let talks = ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.cameo.starts_with("04"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(talks.event.date.to_string(), "1994-01-12");
}

#[test]
fn the_lede_day_carries_into_the_paragraph_after_it_but_not_further() {
    // a news story sets each sentence apart: the sentence after the lede goes on telling the
    // lede's day; an undated sentence further down is background and dates nothing
    let ev = code_paragraphs(
        Lang::En,
        "2023-12-08",
        &[
            (
                "Santiago, 7 December 2023 - Chilean and Peruvian leaders met in Santiago on Thursday.",
                3,
            ),
            ("Chile and Peru signed a declaration on border trade.", 4),
            ("The two countries have long quarrelled over fishing rights.", 5),
            ("Chile and Peru signed a fisheries accord.", 6),
        ],
    );
    let signed: Vec<(usize, String)> = ev
        .iter()
        .filter(|e| e.event.cameo.starts_with("057"))
        .map(|e| (e.sentence, e.event.date.to_string()))
        .collect();
    assert!(
        signed.iter().any(|(s, d)| *s == 1 && d == "2023-12-07"),
        "{signed:?} {:?}",
        facts(&ev)
    );
    assert!(!signed.iter().any(|(s, _)| *s == 3), "{signed:?}");
}

#[test]
fn a_date_that_closes_an_acts_clause_before_the_attribution_dates_the_act() {
    // published on Wednesday 24 July 2019
    for (lang, text) in [
        (
            Lang::En,
            "Norway expelled two Russian diplomats on Tuesday, Oslo said.",
        ),
        (
            Lang::Ru,
            "Норвегия выслала двух российских дипломатов во вторник, сообщил МИД страны.",
        ),
    ] {
        let ev = code(lang, "2019-07-24", &[text]);
        let expel = ev
            .iter()
            .find(|e| e.event.cameo.starts_with("16"))
            .unwrap_or_else(|| panic!("{text}: {:?}", facts(&ev)));
        assert_eq!(expel.event.date.to_string(), "2019-07-23", "{text}");
    }
    // a date right before the reporting verb still dates the report
    let ev = code(
        Lang::Zh,
        "2019-07-24",
        &["挪威外交部23日表示，俄罗斯违反了双边协议。"],
    );
    let st = ev
        .iter()
        .find(|e| e.event.source.code == "NOR")
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(st.event.date.to_string(), "2019-07-23");
}

#[test]
fn the_documents_own_month_reaches_the_next_sentence_as_a_day_does() {
    // 本周末 dates the first act only to the document's month; the next sentence of the same
    // paragraph goes on narrating those days, its protest is not dropped for want of a day
    let ev = code_paragraphs(
        Lang::Zh,
        "2023-06-12",
        &[
            (
                "越南外交部今天召见中国大使，抗议中国海警船本周末在南海的行为。",
                0,
            ),
            (
                "中国驻越南大使馆也表示，针对周末的事件，他们已向河内提出抗议。",
                0,
            ),
        ],
    );
    let protest = ev
        .iter()
        .find(|e| {
            e.sentence == 1 && e.event.source.code == "CHN" && e.event.cameo.starts_with("14")
        })
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert!(
        protest.event.date.to_string().starts_with("2023-06"),
        "{}",
        protest.event.date
    );
    // a month that is not the document's own (an analytic text's 2008年4月) still does not
    let ev = code_paragraphs(
        Lang::Zh,
        "2023-06-12",
        &[
            ("2008年4月，北约峰会在布加勒斯特举行。", 0),
            ("俄罗斯向格鲁吉亚提出抗议。", 0),
        ],
    );
    assert!(!has(&ev, 1, "RUS", "GEO", "14"), "{:?}", facts(&ev));
}

#[test]
fn a_date_that_names_a_document_is_no_running_date() {
    // the plan of 13 February is named, not told of: the next sentence's undated agreement is
    // the document's, not of February
    let ev = code(
        Lang::En,
        "2007-10-04",
        &[
            "South Korea and North Korea pledged to carry out the joint statement of September 19th, 2005 and the action plan of February 13th, 2007.",
            "The two sides also agreed to reopen the railway.",
        ],
    );
    let agree = ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.cameo.starts_with("03"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(agree.event.date.to_string(), "2007-10-04");
    // and so in Russian, the decree «от» its date
    let ev = code(
        Lang::Ru,
        "2020-06-10",
        &[
            "Россия и Казахстан подтвердили приверженность соглашению от 5 мая 2019 года.",
            "Стороны также договорились о поставках зерна.",
        ],
    );
    let agree = ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.cameo.starts_with("03"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(agree.event.date.to_string(), "2020-06-10");
}

#[test]
fn a_month_without_a_year_after_the_document_is_last_years_unless_planned() {
    // a July story: "in December" before the act is last December; a plan is this December
    let ev = code(
        Lang::En,
        "2015-07-21",
        &[
            "In December the United States and Cuba agreed to restore relations.",
            "In December Russia and Japan will hold talks.",
        ],
    );
    let agreed = ev
        .iter()
        .find(|e| e.sentence == 0 && e.event.cameo.starts_with("03"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(agreed.event.date.to_string(), "2014-12");
    let talks = ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.cameo.starts_with("04"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(talks.event.date.to_string(), "2015-12");
    assert!(talks.event.hypothetical);
}
