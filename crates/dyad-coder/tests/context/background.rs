//! What is no act done: verbs in titles and noun modifiers, background, plans and intentions,
//! refusals, and what a sentence without events says about why.

use crate::common::*;
use dyad_model::Lang;

#[test]
fn a_verb_inside_a_title_names_no_act() {
    let ev = code(
        Lang::Zh,
        "2010-04-09",
        &["2010年4月8日，美国和俄罗斯签署《削减进攻性战略武器条约》。"],
    );
    let f = facts(&ev);
    assert!(f.iter().any(|(_, _, _, c)| c == "057"), "{f:?}");
    assert!(!f.iter().any(|(_, _, _, c)| c.starts_with("19")), "{f:?}");
}

#[test]
fn a_sentence_without_speech_or_actors_adds_nothing() {
    let ev = code(
        Lang::En,
        "2020-01-01",
        &[
            "The weather in the capital was mild.",
            "Markets were calm through the week.",
        ],
    );
    assert!(ev.is_empty(), "{:?}", facts(&ev));
}

#[test]
fn a_sentence_without_events_says_what_was_found_and_why() {
    let coder = coder();
    let mut ctx = dyad_coder::DateContext::new(Some("2019-03-05".parse().unwrap()));
    let say = |text: &str, ctx: &mut dyad_coder::DateContext| {
        let (events, facts) = coder.analyze(
            &dyad_coder::SentenceInput {
                lang: Lang::Zh,
                text,
            },
            ctx,
        );
        assert!(events.is_empty(), "{events:?}");
        facts.explain_nothing(coder.dictionaries(), text)
    };
    // no clause punctuation: a heading
    let heading = say("美国宣布对中国商品加征关税", &mut ctx);
    assert!(heading.contains("heading"), "{heading}");
    // actors but no cue: names the actors and says which file would take the verb
    let no_cue = say("美国和中国的代表团昨天都在日内瓦。", &mut ctx);
    assert!(no_cue.contains("`美国` USA"), "{no_cue}");
    assert!(no_cue.contains("dictionaries/actions/"), "{no_cue}");
    // a reporting verb without a stance: says a statement needs one
    let report = say("发言人表示，会议按计划举行。", &mut ctx);
    assert!(report.contains("stance"), "{report}");
    // a reporting verb with a stance word but a speaker no dictionary knows: says so
    let unknown = say("张伟表示，墨西哥的做法极其错误。", &mut ctx);
    assert!(unknown.contains("no speaker named before it"), "{unknown}");
    assert!(unknown.contains("people.tsv"), "{unknown}");
    // a cue with its parties but no date: says the date is what is missing
    let mut undated = dyad_coder::DateContext::new(None);
    let no_date = say("加拿大谴责墨西哥。", &mut undated);
    assert!(no_date.contains("no date:"), "{no_date}");
    // a cue with a subject and no one else: says the other party is missing
    let alone = say("2019年3月4日，加拿大谴责了这一决定。", &mut ctx);
    assert!(alone.contains("fewer than two parties"), "{alone}");
    let own = say("2019年3月4日，加拿大谴责加拿大。", &mut ctx);
    assert!(own.contains("no other party"), "{own}");
}

#[test]
fn a_verb_cue_that_modifies_a_noun_is_background() {
    // 1987年签署的条约: the signing is what the treaty is, not an act the sentence reports
    let ev = code(
        Lang::Zh,
        "2019-08-03",
        &["美国2日正式退出1987年与苏联签署的中导条约。"],
    );
    let f = facts(&ev);
    assert!(has(&ev, 0, "USA", "RUS", "16"), "{f:?}");
    assert!(!f.iter().any(|(_, _, _, c)| c.starts_with("057")), "{f:?}");
    // 是…举行的: the clause ends after 的, the meeting is reported
    let ev = code(
        Lang::Zh,
        "2021-06-17",
        &["美俄首脑会晤是6月16日在日内瓦举行的。"],
    );
    assert!(
        has(&ev, 0, "USA", "RUS", "04") || has(&ev, 0, "RUS", "USA", "04"),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn an_act_dated_after_the_document_is_a_plan() {
    // tomorrow, next week, next Friday: what the text dates ahead of its own day has not happened
    for (lang, text) in [
        (
            Lang::En,
            "Canada and Mexico will sign the agreement next week.",
        ),
        (Lang::En, "Tomorrow Canada signs the agreement with Mexico."),
        (Lang::Zh, "加拿大和墨西哥下周五在渥太华签署协议。"),
    ] {
        let ev = code(lang, "2019-03-06", &[text]);
        let signed: Vec<_> = ev.iter().filter(|e| e.event.cameo == "057").collect();
        assert!(!signed.is_empty(), "{text}: {:?}", facts(&ev));
        assert!(
            signed.iter().all(|e| e.event.hypothetical),
            "{text}: {:?}",
            facts(&ev)
        );
    }
    // a day already past is a happening
    let ev = code(
        Lang::En,
        "2019-03-06",
        &["Yesterday Canada signed the agreement with Mexico."],
    );
    assert!(has(&ev, 0, "CAN", "MEX", "057"), "{:?}", facts(&ev));
}

#[test]
fn a_future_predicate_after_a_nominal_act_makes_it_a_plan() {
    for (lang, text) in [
        (
            Lang::En,
            "A summit of Hungary and Serbia will be held in Budapest.",
        ),
        (Lang::Ru, "Саммит Венгрии и Сербии состоится в Будапеште."),
        (Lang::Zh, "匈牙利和塞尔维亚峰会将于布达佩斯举行。"),
    ] {
        let ev = code(lang, "2024-05-06", &[text]);
        assert!(!has(&ev, 0, "HUN", "SRB", "04"), "{text}: {:?}", facts(&ev));
        assert!(!has(&ev, 0, "SRB", "HUN", "04"), "{text}: {:?}", facts(&ev));
        assert!(
            ev.iter()
                .any(|e| e.event.hypothetical && e.event.cameo.starts_with("04")),
            "{text}: {ev:?}"
        );
    }
    // a past meeting stays factual
    let ev = code(
        Lang::Ru,
        "2024-05-06",
        &["Саммит Венгрии и Сербии прошёл в Будапеште."],
    );
    assert!(
        has(&ev, 0, "HUN", "SRB", "04") || has(&ev, 0, "SRB", "HUN", "04"),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_signing_or_expulsion_that_modifies_a_noun_is_no_act() {
    let ev = code(
        Lang::Zh,
        "2024-05-06",
        &[
            "芬兰总统表示，瑞典违反了两国1995年签署的《边界协定》。",
            "遭芬兰驱逐的9名瑞典外交官6日抵达斯德哥尔摩。",
        ],
    );
    assert!(!has(&ev, 0, "FIN", "SWE", "057"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "SWE", "FIN", "057"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "FIN", "SWE", "161"), "{:?}", facts(&ev));
    // the act itself is coded
    let ev = code(Lang::Zh, "2024-05-06", &["芬兰6日驱逐9名瑞典外交官。"]);
    assert!(has(&ev, 0, "FIN", "SWE", "161"), "{:?}", facts(&ev));
}

#[test]
fn a_treaty_described_by_the_year_of_its_signing_is_background() {
    let ev = code(
        Lang::Zh,
        "2020-11-23",
        &["《开放天空条约》于1992年签署，是冷战后建立互信的措施之一。"],
    );
    assert!(
        !facts(&ev).iter().any(|(_, _, _, c)| c.starts_with("057")),
        "{:?}",
        facts(&ev)
    );
    // a signing on a named day is the act
    let ev = code(
        Lang::Zh,
        "2020-11-23",
        &["《开放天空条约》于1992年3月24日在赫尔辛基签署。"],
    );
    assert!(
        facts(&ev).iter().any(|(_, _, _, c)| c.starts_with("057")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_right_reserved_is_no_act_done() {
    let ev = code(
        Lang::Ru,
        "2016-12-30",
        &["Москва оставляет за собой право на ответные меры против США."],
    );
    assert!(
        ev.iter().all(|e| e.event.hypothetical || e.event.negated),
        "{:?}",
        ev.iter()
            .map(|e| (&e.event.cameo, e.event.hypothetical))
            .collect::<Vec<_>>()
    );
    assert!(!ev.is_empty());
}

#[test]
fn the_content_of_a_proposal_is_no_act_yet() {
    let ev = code(
        Lang::Zh,
        "2015-05-05",
        &["美方4日提交的提案包括成立联络小组，让乌克兰和俄罗斯进行正式会谈。"],
    );
    assert!(
        !has(&ev, 0, "UKR", "RUS", "04") && !has(&ev, 0, "RUS", "UKR", "04"),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn an_intention_reaches_a_verb_after_a_coordinated_one() {
    // намерена … соблюдать обещания и вывести: the withdrawal is intended, not done
    let ev = code(
        Lang::Ru,
        "2015-05-05",
        &["Москва намерена на этот раз соблюдать обещания и вывести войска из Грузии."],
    );
    assert!(!has(&ev, 0, "RUS", "GEO", "08"), "{:?}", facts(&ev));
    assert!(
        ev.iter()
            .any(|e| e.event.hypothetical && e.event.cameo.starts_with("08")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn an_invitation_turned_down_is_no_visit() {
    for (lang, text) in [
        (Lang::Zh, "加拿大外长不接受邀请至墨西哥城开会。"),
        (
            Lang::En,
            "The Canadian foreign minister turned down an invitation to visit Mexico.",
        ),
        (
            Lang::Ru,
            "Министр иностранных дел Канады отклонил приглашение посетить Мексику.",
        ),
    ] {
        let ev = code(lang, "2015-05-05", &[text]);
        assert!(
            !has(&ev, 0, "CAN", "MEX", "04") && !has(&ev, 0, "CAN", "MEX", "03"),
            "{text}: {:?}",
            facts(&ev)
        );
    }
}

#[test]
fn a_headline_that_opens_a_story_with_a_party_names_its_act() {
    // news headlines carry no clause punctuation; one that opens with a party names the act
    let ev = code_paragraphs(
        Lang::Zh,
        "2021-03-02",
        &[
            ("秘鲁宣布与玻利维亚断交", 0),
            ("秘鲁外交部1日发表声明说，秘方决定召回驻玻利维亚大使。", 1),
            ("秘鲁与玻利维亚关系史", 2),
        ],
    );
    let f = facts(&ev);
    assert!(
        f.iter()
            .any(|(i, s, t, _)| *i == 0 && s == "PER" && t == "BOL"),
        "{f:?}"
    );
    // a title that opens with a date or a noun stays a heading
    let ev = code_paragraphs(
        Lang::Zh,
        "2021-03-02",
        &[
            ("2021年秘鲁玻利维亚峰会", 0),
            ("两国总统1日在利马举行会谈。", 1),
        ],
    );
    assert!(!ev.iter().any(|e| e.sentence == 0), "{:?}", facts(&ev));
    // and a bare line inside the text is a heading, even one that opens with a party
    let ev = code_paragraphs(
        Lang::Zh,
        "2021-03-02",
        &[
            ("秘鲁外交部1日发表声明说，秘方决定召回驻玻利维亚大使。", 0),
            ("秘鲁宣布与玻利维亚断交", 1),
        ],
    );
    assert!(!ev.iter().any(|e| e.sentence == 1), "{:?}", facts(&ev));
}

#[test]
fn a_headline_act_the_story_does_not_tell_again_is_dropped() {
    // the body tells another act: the headline's is a title's word, not news
    let ev = code_paragraphs(
        Lang::Zh,
        "2021-03-02",
        &[
            ("秘鲁宣布与玻利维亚断交", 0),
            ("秘鲁与玻利维亚外长1日在利马举行会谈。", 1),
        ],
    );
    assert!(!ev.iter().any(|e| e.sentence == 0), "{:?}", facts(&ev));
    // told again, the headline's act takes the body's date
    let ev = code_paragraphs(
        Lang::Zh,
        "2021-03-02",
        &[
            ("秘鲁宣布与玻利维亚断交", 0),
            ("秘鲁外交部2月28日宣布，召回驻玻利维亚大使。", 1),
        ],
    );
    let head: Vec<_> = ev.iter().filter(|e| e.sentence == 0).collect();
    assert!(!head.is_empty(), "{:?}", facts(&ev));
    assert!(
        head.iter()
            .all(|e| e.event.date.to_string() == "2021-02-28"),
        "{head:?}"
    );
}

#[test]
fn a_headline_clause_set_apart_by_a_space_may_open_with_the_party() {
    // 边境冲突升级 智利宣布与秘鲁断交: the headline's second clause opens with the party
    let ev = code_paragraphs(
        Lang::Zh,
        "2024-03-04",
        &[
            ("边境冲突升级 智利宣布与秘鲁断交", 0),
            ("智利外交部3日发表声明说，智方决定与秘鲁断交。", 1),
        ],
    );
    assert!(
        ev.iter().any(|e| e.sentence == 0
            && e.event.source.code == "CHL"
            && e.event.target.code == "PER"),
        "{:?}",
        facts(&ev)
    );
}
