//! Restated agreements: a sentence on the terms of an agreement reported before repeats it.

use crate::common::*;
use dyad_model::Lang;

#[test]
fn the_terms_of_a_reported_agreement_repeat_it() {
    let ev = code(
        Lang::Zh,
        "2010-04-09",
        &[
            "2010年4月8日，美国和俄罗斯签署新的裁军条约。",
            "按照该条约，两国将在七年内削减部署的核弹头。",
            "当天莫斯科天气晴朗。",
            "他在声明中说：“该条约将结束冷战时代。”",
        ],
    );
    // after a reporting verb the agreement's name is what was said, not the opening of its terms
    assert!(
        !ev.iter()
            .any(|e| e.sentence == 3 && e.event.explain.contains("states its terms")),
        "{:?}",
        facts(&ev)
    );
    assert!(has(&ev, 0, "USA", "RUS", "057"), "{:?}", facts(&ev));
    let restated = ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.cameo == "057")
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(restated.event.date.to_string(), "2010-04-08");
    assert!(restated
        .event
        .explain
        .contains("agreement reported in sentence 1"));
}

#[test]
fn an_agreement_word_without_an_agreement_before_restates_nothing() {
    let ev = code(
        Lang::En,
        "2019-08-03",
        &[
            "Officials in Moscow and Washington spoke about missiles.",
            "The treaty limits ground-launched missiles of intermediate range.",
        ],
    );
    assert!(
        !facts(&ev).iter().any(|(s, ..)| *s == 1),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_sentence_on_an_agreements_standing_restates_nothing() {
    let ev = code(
        Lang::Zh,
        "2010-04-09",
        &[
            "2010年4月8日，美国和俄罗斯签署新的裁军条约。",
            "该条约仍须获两国议会批准。",
            "新条约将取代2009年到期的旧条约。",
            "按照该条约，两国将削减部署的核弹头。",
        ],
    );
    for s in [1, 2] {
        assert!(
            !ev.iter()
                .any(|e| e.sentence == s && e.event.explain.contains("states its terms")),
            "{s}: {:?}",
            facts(&ev)
        );
    }
    assert!(has(&ev, 3, "USA", "RUS", "057"), "{:?}", facts(&ev));
    let ev = code(
        Lang::En,
        "2010-04-09",
        &[
            "The United States and Russia signed a new arms treaty on Thursday.",
            "The treaty must be ratified by both legislatures.",
        ],
    );
    assert!(
        !ev.iter()
            .any(|e| e.sentence == 1 && e.event.explain.contains("states its terms")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_time_word_that_holds_an_at_word_leaves_a_pair_reference_the_subject() {
    // 现在 (now) holds 在 (at), which would make 双方 a place
    for text in ["现在双方已经同意加强对话。", "現在兩國已經同意加強對話。"]
    {
        let ev = code(
            Lang::Zh,
            "2019-02-09",
            &["印度总理8日在新德里会见巴基斯坦外长。", text],
        );
        assert!(has(&ev, 1, "IND", "PAK", "03"), "{text}: {:?}", facts(&ev));
        assert!(has(&ev, 1, "PAK", "IND", "03"), "{text}: {:?}", facts(&ev));
    }
}

#[test]
fn what_an_agreement_agrees_to_do_is_a_plan() {
    for (lang, text) in [
        (
            Lang::En,
            "On 16 May Armenia and Azerbaijan agreed to a prisoner exchange.",
        ),
        (Lang::Zh, "5月16日，亚美尼亚和阿塞拜疆同意交换战俘。"),
        (
            Lang::Ru,
            "16 мая Армения и Азербайджан договорились восстановить дипломатические отношения.",
        ),
    ] {
        let ev = code(lang, "2025-05-17", &[text]);
        assert!(has(&ev, 0, "ARM", "AZE", "03"), "{text}: {:?}", facts(&ev));
        // (facts lists factual events only; the plan is there, hypothetical)
        assert!(
            !facts(&ev)
                .iter()
                .any(|(_, _, _, c)| c.starts_with("08") || c.starts_with("050")),
            "{text}: {:?}",
            facts(&ev)
        );
        assert!(
            ev.iter().any(|e| e.event.hypothetical
                && (e.event.cameo.starts_with("08") || e.event.cameo.starts_with("050"))),
            "{text}"
        );
    }
}
