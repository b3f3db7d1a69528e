//! Names a document introduces with their state's title and then uses alone: the people are
//! made up, so no dictionary knows them.

use crate::common::*;
use dyad_model::Lang;

#[test]
fn a_name_after_a_title_stands_for_its_state_later_in_the_document() {
    let ev = code(
        Lang::En,
        "2024-03-12",
        &[
            "Norwegian Foreign Minister Halvar Tromsdal arrived in Warsaw on Monday.",
            "On Tuesday Tromsdal criticized Russia over the detention of the journalists.",
        ],
    );
    assert!(has(&ev, 1, "NOR", "RUS", "111"), "{:?}", facts(&ev));
    let explain = &ev
        .iter()
        .find(|e| e.sentence == 1 && e.event.cameo == "111")
        .unwrap()
        .event
        .explain;
    assert!(
        explain.contains(
            "`Halvar Tromsdal` is NOR: named as `Norwegian Foreign Minister` in sentence 1"
        ),
        "{explain}"
    );
}

#[test]
fn a_name_set_off_before_its_title_counts_too() {
    let ev = code(
        Lang::En,
        "2023-06-05",
        &[
            "Seoul summoned Kenta Morimura, Japan's ambassador to South Korea, on Sunday.",
            "Morimura urged South Korea to show restraint on Monday.",
        ],
    );
    // urging restraint is a demand for de-escalation (1056)
    assert!(has(&ev, 1, "JPN", "KOR", "1056"), "{:?}", facts(&ev));
}

#[test]
fn a_weekday_or_a_known_persons_first_name_is_no_learned_name() {
    // `Monday` after the title, and `Vladimir` before a name the dictionaries know
    let ev = code(
        Lang::En,
        "2024-03-12",
        &[
            "Chinese ambassador Monday met officials in Kyiv.",
            "Russian President Vladimir Putin spoke to reporters.",
            "On Tuesday Monday criticized Japan.",
            "On Wednesday Vladimir criticized Japan.",
        ],
    );
    assert!(
        !facts(&ev).iter().any(|(s, ..)| *s >= 2),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn chinese_names_open_with_a_family_name_or_are_spelt_in_transliteration() {
    let ev = code(
        Lang::Zh,
        "2023-05-22",
        &[
            "韩国外交部长朴振宇21日抵达东京。",
            "朴振宇22日批评朝鲜的导弹发射。",
            "挪威外交大臣索尔斯塔德21日抵达北京。",
            "索尔斯塔德22日谴责俄罗斯。",
        ],
    );
    assert!(has(&ev, 1, "KOR", "PRK", "111"), "{:?}", facts(&ev));
    assert!(has(&ev, 3, "NOR", "RUS", "111"), "{:?}", facts(&ev));
}

#[test]
fn chinese_words_after_a_title_are_no_name() {
    // 再次 after a title is an adverb, 网站 a noun: neither opens with a family name nor is
    // spelt in transliteration characters
    let ev = code(
        Lang::Zh,
        "2023-05-22",
        &["俄罗斯总统再次表示愿意谈判。", "再次批评日本。"],
    );
    assert!(
        !facts(&ev).iter().any(|(s, a, ..)| *s == 1 && a == "RUS"),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_russian_name_is_found_in_its_other_cases() {
    let ev = code(
        Lang::Ru,
        "2024-04-20",
        &[
            "Министр иностранных дел Норвегии Хальвар Тромсдал 19 апреля прибыл в Варшаву.",
            "20 апреля Тромсдал раскритиковал Россию.",
            "20 апреля Лавров ответил на заявление Тромсдала и осудил Норвегию.",
        ],
    );
    assert!(has(&ev, 1, "NOR", "RUS", "111"), "{:?}", facts(&ev));
    assert!(has(&ev, 2, "RUS", "NOR", "11"), "{:?}", facts(&ev));
}

#[test]
fn a_name_introduced_by_an_office_without_its_state_stands_for_that_office() {
    for (lang, lines) in [
        (
            Lang::Zh,
            [
                "智利外交部3日召见秘鲁驻智利大使。",
                "外交部副部长张伟表示，秘鲁的做法令人遗憾。",
                "张伟说，秘鲁严重违反了双边协议。",
            ],
        ),
        (
            Lang::En,
            [
                "Chile summoned the Peruvian ambassador on Sunday.",
                "Foreign Ministry spokeswoman Ana Lopez said the talks had been useful.",
                "Lopez said Peru had violated the border treaty.",
            ],
        ),
    ] {
        let ev = code(lang, "2024-03-04", &lines);
        assert!(has(&ev, 2, "CHL", "PER", "11"), "{:?}", facts(&ev));
    }
}

#[test]
fn a_party_the_speaker_criticises_for_its_remarks_does_not_speak_in_its_place() {
    // the inner 发表 (made remarks) is far from its subject: what the outer speaker speaks of
    let ev = code(
        Lang::Zh,
        "2024-03-04",
        &[
            "智利外交部3日召见秘鲁驻智利大使。",
            "智利外交部长表示，秘鲁总统日前在国会答辩时公然发表挑衅言论，性质极其恶劣。",
        ],
    );
    assert!(has(&ev, 1, "CHL", "PER", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "PER", "CHL", "11"), "{:?}", facts(&ev));
}

#[test]
fn a_named_office_holder_is_of_the_other_party_when_the_same_office_of_one_is_named() {
    // the name learned after a bare title is a person of their own, not the other state's
    // holder of that office named later
    for (lang, lines) in [
        (
            Lang::En,
            [
                "Chile recalled its ambassador from Lima on Monday.",
                "Foreign Minister Marta Quispe announced the decision in Santiago.",
                "Peruvian Foreign Minister Jorge Salas will be asked to explain the incident.",
                "\"It is a violation of international law,\" Dr Quispe said.",
            ],
        ),
        (
            Lang::Zh,
            [
                "智利3日召回驻秘鲁大使。",
                "外交部长张伟在圣地亚哥宣布了这一决定。",
                "秘鲁外交部长萨拉斯将被要求作出解释。",
                "张伟说，这是严重违反国际法的行为。",
            ],
        ),
    ] {
        let ev = code(lang, "2024-03-04", &lines);
        assert!(has(&ev, 3, "CHL", "PER", "11"), "{:?}", facts(&ev));
        assert!(!has(&ev, 3, "PER", "CHL", "11"), "{:?}", facts(&ev));
    }
}
