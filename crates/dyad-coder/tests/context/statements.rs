//! Statements: their kind from stance words (criticism, accusation, appeal, praise), and which
//! parties they are about.

use crate::common::*;
use dyad_model::Lang;

#[test]
fn demands_and_accusations_take_their_kind_from_stance_words() {
    let ev = code(
        Lang::Ru,
        "2014-03-20",
        &[
            "Министр иностранных дел России Сергей Лавров провел переговоры с госсекретарем США.",
            "Лавров обвинил Вашингтон во вмешательстве во внутренние дела соседей.",
            "Он призвал американскую сторону прекратить давление.",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "112"), "{:?}", facts(&ev));
    assert!(has(&ev, 2, "RUS", "USA", "10"), "{:?}", facts(&ev));
}

#[test]
fn a_third_party_speaking_of_the_pair_addresses_both() {
    let ev = code(
        Lang::En,
        "2010-04-09",
        &[
            "The United States and Russia signed a new arms treaty on 8 April 2010.",
            "Russia and the United States will cut their deployed warheads.",
            "The treaty binds the United States and Russia for ten years.",
            "Germany said the treaty was a historic step.",
        ],
    );
    assert!(has(&ev, 3, "DEU", "USA", "05"), "{:?}", facts(&ev));
    assert!(has(&ev, 3, "DEU", "RUS", "05"), "{:?}", facts(&ev));
}

#[test]
fn a_measure_whose_stated_reason_judges_its_target_also_accuses_it() {
    for (lang, text) in [
        (
            Lang::En,
            "Lithuania expelled two Belarusian diplomats on Monday, citing repeated violations of the Vienna Convention.",
        ),
        (Lang::Zh, "立陶宛周一以白俄罗斯违反维也纳公约为由驱逐两名白俄罗斯外交官。"),
        (
            Lang::Ru,
            "Литва выслала двух белорусских дипломатов под предлогом нарушения Венской конвенции.",
        ),
    ] {
        let ev = code(lang, "2024-05-06", &[text]);
        assert!(has(&ev, 0, "LTU", "BLR", "161"), "{text}: {:?}", facts(&ev));
        assert!(has(&ev, 0, "LTU", "BLR", "112"), "{text}: {:?}", facts(&ev));
    }
    // a reason that judges no one accuses no one
    let ev = code(
        Lang::En,
        "2024-05-06",
        &["Lithuania expelled two Belarusian diplomats on Monday, citing national security."],
    );
    assert!(!has(&ev, 0, "LTU", "BLR", "112"), "{:?}", facts(&ev));
}

#[test]
fn hope_before_a_party_is_an_appeal_to_it_and_optimism_otherwise() {
    let ev = code(
        Lang::Zh,
        "2024-05-06",
        &["印度外长表示，希望巴基斯坦停止支持越境恐怖主义。"],
    );
    assert!(has(&ev, 0, "IND", "PAK", "10"), "{:?}", facts(&ev));
    let ev = code(
        Lang::En,
        "2024-05-06",
        &["The Indian foreign minister said he hoped ties with Pakistan would improve."],
    );
    assert!(has(&ev, 0, "IND", "PAK", "05"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "IND", "PAK", "10"), "{:?}", facts(&ev));
    // a party joined to the speaker's own state (韩日之间) is hoped for, not appealed to
    let ev = code(
        Lang::Zh,
        "2024-05-06",
        &["韩国总统在会谈开场表示：“希望韩日之间能不分时间频繁往来，不断发展关系。”"],
    );
    assert!(has(&ev, 0, "KOR", "JPN", "05"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "KOR", "JPN", "10"), "{:?}", facts(&ev));
}

#[test]
fn a_place_named_in_a_statement_is_not_whom_it_is_about() {
    let ev = code(
        Lang::En,
        "2008-08-09",
        &[
            "Russian forces attacked Georgia on 8 August 2008.",
            "President Bush said on 9 August 2008 that the fighting must stop.",
            "\"I am deeply concerned about the situation in Georgia,\" he said.",
        ],
    );
    assert!(has(&ev, 2, "USA", "RUS", "11"), "{:?}", facts(&ev));
    // "in Georgia" is where: the statement's targets are the document's other parties
    for e in ev
        .iter()
        .filter(|e| e.sentence == 2 && e.event.explain.contains("context: statement"))
    {
        assert!(
            !e.event.explain.contains("named in the sentence"),
            "{}",
            e.event.explain
        );
    }
}

#[test]
fn a_negated_word_of_criticism_is_no_stance() {
    let ev = code(
        Lang::En,
        "2021-04-20",
        &[
            "Russian President Vladimir Putin spoke with U.S. President Joe Biden on 19 April 2021.",
            "Putin said the decision was no threat to the United States.",
            "Putin said the new sanctions were a mistake.",
        ],
    );
    // a reassurance or a denial: neither praise nor criticism
    assert!(
        !facts(&ev)
            .iter()
            .any(|(s, _, _, c)| *s == 1 && (c.starts_with("11") || c.starts_with("05"))),
        "{:?}",
        facts(&ev)
    );
    // not negated: criticism
    assert!(has(&ev, 2, "RUS", "USA", "111"), "{:?}", facts(&ev));
}

#[test]
fn a_statement_is_not_about_the_party_a_cue_of_the_other_stance_addresses() {
    let ev = code(
        Lang::En,
        "2018-03-27",
        &[
            "On 26 March 2018 the United States expelled 60 Russian diplomats.",
            "The moves \u{201c}demonstrate our solidarity with the United Kingdom\u{201d} and answer Russia's \u{201c}outrageous violation of the convention,\u{201d} State Department spokeswoman Heather Nauert said.",
        ],
    );
    assert!(has(&ev, 1, "USA", "RUS", "11"), "{:?}", facts(&ev));
    assert!(
        !facts(&ev)
            .iter()
            .any(|(s, _, b, c)| *s == 1 && b == "GBR" && c.starts_with("11")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn displeasure_a_cause_verb_names_is_the_reaction_of_its_party() {
    let ev = code(
        Lang::Zh,
        "2016-12-30",
        &[
            "2016年12月29日，美国宣布驱逐35名俄罗斯外交官。",
            "此举招致俄罗斯方面的强烈不满。",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "11"), "{:?}", facts(&ev));
    let ev = code(
        Lang::En,
        "2016-12-30",
        &[
            "On 29 December 2016 the United States expelled 35 Russian diplomats.",
            "The move drew sharp criticism from Moscow.",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "111"), "{:?}", facts(&ev));
    // the sentence names the party whose act caused it: that party is the target, not the
    // document's other party
    let ev = code(
        Lang::Zh,
        "2024-05-10",
        &[
            "智利与秘鲁外长9日在利马举行会谈。",
            "阿根廷宣布对智利商品加征关税，引发智利强烈不满。",
        ],
    );
    assert!(has(&ev, 1, "CHL", "ARG", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "CHL", "PER", "11"), "{:?}", facts(&ev));
    // a move that meets a party's condemnation (遭到, sparked) is condemned by that party
    let ev = code(
        Lang::Zh,
        "2024-05-10",
        &[
            "2024年5月9日，阿根廷宣布驱逐两名智利外交官。",
            "此举遭到智利的强烈谴责。",
        ],
    );
    assert!(has(&ev, 1, "CHL", "ARG", "11"), "{:?}", facts(&ev));
    let ev = code(
        Lang::En,
        "2024-05-10",
        &[
            "On 9 May 2024 Argentina expelled two Chilean diplomats.",
            "The decision sparked a sharp protest from Chile.",
        ],
    );
    assert!(has(&ev, 1, "CHL", "ARG", "1"), "{:?}", facts(&ev));
}

#[test]
fn a_speech_verb_of_another_party_in_what_is_said_is_no_stance_of_the_speaker() {
    // the demand is the other party's, reported; the speaker criticises it
    let ev = code(
        Lang::Zh,
        "2023-03-01",
        &["拉夫罗夫说，美国一边要求别国遵守规则，一边肆意践踏国际法。"],
    );
    assert!(has(&ev, 0, "RUS", "USA", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "RUS", "USA", "10"), "{:?}", facts(&ev));
}

#[test]
fn relations_at_an_impasse_are_a_negative_assessment() {
    let docs: [(Lang, [&str; 2]); 3] = [
        (
            Lang::Ru,
            [
                "Россия и США обменялись обвинениями.",
                "Рябков отметил, что отношения с США находятся в тупике.",
            ],
        ),
        (
            Lang::En,
            [
                "Russia and the United States traded accusations.",
                "Ryabkov said relations with the United States were at an impasse.",
            ],
        ),
        (
            Lang::Zh,
            ["俄美两国互相指责。", "里亚布科夫说，俄美关系陷入僵局。"],
        ),
    ];
    for (lang, doc) in docs {
        let ev = code(lang, "2024-03-06", &doc);
        assert!(
            has(&ev, 1, "RUS", "USA", "11"),
            "{lang:?}: {:?}",
            facts(&ev)
        );
    }
}

#[test]
fn a_statement_and_an_act_cue_of_one_family_are_one_event() {
    // the speech verb makes a statement (11x) and the cue an act of the same family (110): one
    for (lang, doc) in [
        (
            Lang::En,
            [
                "President Bush spoke about Russia and Georgia on 9 August.",
                "\"I am deeply concerned about the actions of Russia,\" he said.",
            ],
        ),
        (
            Lang::Ru,
            [
                "Лавров и Тиллерсон провели телефонный разговор 31 августа.",
                "В ответ министр выразил сожаление действиями США.",
            ],
        ),
    ] {
        let ev = code(lang, "2017-08-31", &doc);
        let negative: Vec<_> = facts(&ev)
            .into_iter()
            .filter(|f| f.0 == 1 && f.3.starts_with("11"))
            .collect();
        assert_eq!(negative.len(), 1, "{lang:?}: {:?}", facts(&ev));
    }
}

#[test]
fn a_hope_with_its_subject_is_what_the_subject_says() {
    // 希望 with the speaker right before it is the statement's verb, in a paragraph of its own
    let ev = code_paragraphs(
        Lang::Zh,
        "2010-04-08",
        &[
            ("联合国秘书长潘基文8日发表声明，欢迎美俄签署新条约。", 1),
            ("潘基文对两国元首的领导力表示赞赏。", 2),
            ("秘书长希望俄、美两国继续致力于减少核武器。", 3),
        ],
    );
    assert!(has(&ev, 2, "UN", "RUS", "100"), "{:?}", facts(&ev));
    assert!(has(&ev, 2, "UN", "USA", "100"), "{:?}", facts(&ev));
}

#[test]
fn a_response_threatens_only_when_announced() {
    // a response awaited is no threat; one announced for the future is
    let ev = code(
        Lang::Zh,
        "2021-04-16",
        &[
            "美国15日宣布对俄罗斯实施新制裁。",
            "美国官员称，华盛顿还在等待俄方的回应。",
            "拉夫罗夫告诉记者，俄方将以牙还牙回应这种措施。",
        ],
    );
    assert!(
        !facts(&ev)
            .iter()
            .any(|(i, _, _, c)| *i == 1 && c.starts_with("13")),
        "{:?}",
        facts(&ev)
    );
    assert!(has(&ev, 2, "RUS", "USA", "130"), "{:?}", facts(&ev));
}

#[test]
fn a_hope_for_a_pairs_relations_asks_neither() {
    // 希望改善俄美关系: optimism about the pair, no appeal to either (希望美国… would be one)
    let ev = code(
        Lang::Zh,
        "2016-03-04",
        &["2016年3月3日，普京表示，希望改善俄美关系。"],
    );
    assert!(has(&ev, 0, "RUS", "USA", "051"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "RUS", "USA", "10"), "{:?}", facts(&ev));
    let ev = code(
        Lang::Zh,
        "2016-03-04",
        &["2016年3月3日，普京表示，希望美国撤回这一决定。"],
    );
    assert!(has(&ev, 0, "RUS", "USA", "100"), "{:?}", facts(&ev));
}

#[test]
fn a_statement_naming_another_main_party_is_about_it_alone() {
    // Canada and Mexico are the document's pair, NATO a party it names less often: a Canadian
    // criticism that names NATO only is about NATO, not about Mexico
    let ev = code(
        Lang::En,
        "2016-03-04",
        &[
            "Canada and Mexico held talks in Ottawa on 3 March 2016.",
            "Canada criticised Mexico over the border dispute on 3 March 2016.",
            "Mexico rejected the Canadian proposal on 3 March 2016.",
            "Mexico and Canada will meet again in April.",
            "NATO said the talks were useful.",
            "The Canadian minister said the NATO plan was a dangerous mistake.",
        ],
    );
    assert!(has(&ev, 5, "CAN", "NATO", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 5, "CAN", "MEX", "11"), "{:?}", facts(&ev));
}

#[test]
fn a_threat_its_words_imply_under_a_condition_is_hypothetical() {
    let ev = code(
        Lang::Zh,
        "2023-02-22",
        &[
            "普京2月21日在莫斯科发表国情咨文。",
            "他说，如果北约继续扩张，俄方将不得不清除这些威胁。",
            "他说，北约继续扩张，俄方将不得不清除这些威胁。",
        ],
    );
    let threat = |i: usize| {
        ev.iter()
            .find(|e| e.sentence == i && e.event.cameo.starts_with("13"))
            .map(|e| (e.event.target.code.as_str(), e.event.hypothetical))
    };
    assert_eq!(threat(1), Some(("NATO", true)), "{:?}", facts(&ev));
    assert_eq!(threat(2), Some(("NATO", false)), "{:?}", facts(&ev));
}

#[test]
fn a_demand_word_right_after_a_party_demands_of_it_and_is_no_praise() {
    // `support` and `respect` are what Moscow is told to do: no praise of anyone
    let ev = code(
        Lang::En,
        "2024-03-04",
        &["\"Moscow needs to support the peace efforts and respect the ceasefire,\" the Canadian foreign minister said on 3 March 2024."],
    );
    assert_eq!(
        facts(&ev),
        [(0, "CAN".to_string(), "RUS".to_string(), "100".to_string())]
    );
    let ev = code(
        Lang::Ru,
        "2024-03-04",
        &["Министр иностранных дел Канады 3 марта заявила, что Россия должна поддержать мирные усилия."],
    );
    assert_eq!(
        facts(&ev),
        [(0, "CAN".to_string(), "RUS".to_string(), "100".to_string())]
    );
}

#[test]
fn parties_joined_by_and_speak_together_and_not_of_each_other() {
    let ev = code(
        Lang::En,
        "2024-05-06",
        &["On 5 May 2024 Britain and Germany said that the strikes by Iran were unacceptable."],
    );
    let mut got = facts(&ev);
    got.sort();
    assert_eq!(
        got,
        [
            (0, "DEU".to_string(), "IRN".to_string(), "111".to_string()),
            (0, "GBR".to_string(), "IRN".to_string(), "111".to_string())
        ]
    );
    // a group that condemns without naming whom condemns no member of the group
    let ev = code(
        Lang::En,
        "2024-05-06",
        &["On 5 May 2024 Britain and Germany condemned the strikes."],
    );
    assert!(
        !facts(&ev)
            .iter()
            .any(|(_, a, b, _)| [a, b].iter().all(|c| *c == "GBR" || *c == "DEU")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_stance_expressed_in_a_later_paragraph_is_a_statement() {
    // 深表遗憾 with no date of its own, a paragraph after the dated lede: the sentence coder
    // dates no act there, and the phrase is itself the statement's speech verb
    let ev = code_paragraphs(
        Lang::Zh,
        "2021-06-12",
        &[
            ("土耳其海军11日在爱琴海举行军事演习。", 0),
            ("希腊外交部对土耳其的做法深表遗憾。", 1),
        ],
    );
    assert!(has(&ev, 1, "GRC", "TUR", "11"), "{:?}", facts(&ev));
    // and the vocabulary of a foreign ministry's rebuttal: distortion is criticism
    let ev = code_paragraphs(
        Lang::Zh,
        "2021-06-12",
        &[
            ("土耳其海军11日在爱琴海举行军事演习。", 0),
            ("希腊外交部发言人表示，土耳其的做法颠倒黑白，混淆视听。", 1),
        ],
    );
    assert!(has(&ev, 1, "GRC", "TUR", "11"), "{:?}", facts(&ev));
}

#[test]
fn the_stock_vocabulary_of_english_statements_gives_their_kind() {
    // judgements of an act as lawless (flagrant, unlawful) are criticism
    let ev = code_paragraphs(
        Lang::En,
        "2021-06-12",
        &[
            (
                "Turkish warships entered disputed waters near Crete on June 11.",
                0,
            ),
            (
                "The Greek foreign ministry said the move was flagrant and unlawful.",
                0,
            ),
        ],
    );
    assert!(has(&ev, 1, "GRC", "TUR", "11"), "{:?}", facts(&ev));
    // measures to come, as necessary, are a threat
    let ev = code_paragraphs(
        Lang::En,
        "2021-06-12",
        &[
            ("Turkish warships entered disputed waters near Crete on June 11.", 0),
            (
                "Greece will take all necessary measures to protect its sovereignty, the ministry said.",
                0,
            ),
        ],
    );
    assert!(has(&ev, 1, "GRC", "TUR", "13"), "{:?}", facts(&ev));
}

#[test]
fn a_threat_after_an_accusation_is_a_statement_of_its_own() {
    let ev = code(
        Lang::Zh,
        "2021-03-12",
        &["智利总统3月10日指责秘鲁干涉智利内政,并且表示将对秘鲁采取行动。"],
    );
    assert!(has(&ev, 0, "CHL", "PER", "112"), "{:?}", facts(&ev));
    assert!(has(&ev, 0, "CHL", "PER", "13"), "{:?}", facts(&ev));
    // an accusation alone stays one statement
    let ev = code(
        Lang::Zh,
        "2021-03-12",
        &["智利总统3月10日指责秘鲁干涉智利内政。"],
    );
    assert!(!has(&ev, 0, "CHL", "PER", "13"), "{:?}", facts(&ev));
}

#[test]
fn according_to_names_its_source_after_it() {
    // the party in the quotation's object does not speak through "according to"
    let ev = code(
        Lang::En,
        "2021-03-12",
        &["Chile's foreign ministry said on Monday it “firmly opposes” the new Peruvian tariffs and will respond, according to the official news agency."],
    );
    let f = facts(&ev);
    assert!(has(&ev, 0, "CHL", "PER", "11"), "{f:?}");
    assert!(!f.iter().any(|(_, a, _, _)| a == "PER"), "{f:?}");
}

#[test]
fn a_list_of_speakers_joined_by_list_marks_speaks_together() {
    // the states of the list make their claims together, none of them at the others
    let ev = code(
        Lang::Zh,
        "2024-05-06",
        &["智利、秘鲁、厄瓜多尔等沿岸国家也提出了各自的主权要求。"],
    );
    assert!(!has(&ev, 0, "ECU", "CHL", "10"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "ECU", "PER", "10"), "{:?}", facts(&ev));
}

#[test]
fn a_statement_about_a_kind_of_thing_is_about_no_party() {
    for (lang, lines) in [
        (
            Lang::Zh,
            [
                "泰国与柬埔寨的边境冲突再度升级。",
                "越南反对一切形式的恐怖主义。",
                "越南谴责这次袭击。",
            ],
        ),
        (
            Lang::En,
            [
                "The border conflict between Thailand and Cambodia escalated again.",
                "Vietnam condemns terrorism in all its forms.",
                "Vietnam condemns the attack.",
            ],
        ),
        (
            Lang::Ru,
            [
                "Пограничный конфликт между Таиландом и Камбоджей снова обострился.",
                "Вьетнам осуждает терроризм во всех его формах.",
                "Вьетнам осуждает это нападение.",
            ],
        ),
    ] {
        let ev = code(lang, "2025-07-25", &lines);
        // terrorism in all its forms is no act of either party
        assert!(
            !facts(&ev).iter().any(|f| f.0 == 1),
            "{}: {:?}",
            lines[1],
            facts(&ev)
        );
        // the attack the document tells of is
        assert!(
            has(&ev, 2, "VNM", "THA", "11"),
            "{}: {:?}",
            lines[2],
            facts(&ev)
        );
    }
}

#[test]
fn parties_joined_before_a_word_of_jointness_speak_together() {
    let ev = code(
        Lang::Zh,
        "2023-03-11",
        &[
            "秘魯和智利近日在中國北京舉行會談,並於3月10日簽署協議,雙方同意恢復外交關係,結束2018年斷交以來的對立。",
            "智利和秘魯均對中方為此所作的努力表示讚賞和感謝。",
        ],
    );
    assert!(has(&ev, 1, "CHL", "CHN", "05"), "{:?}", facts(&ev));
    assert!(has(&ev, 1, "PER", "CHN", "05"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "CHL", "PER", "05"), "{:?}", facts(&ev));
}

#[test]
fn parties_joined_after_the_speaker_speak_with_it() {
    let ev = code(
        Lang::Zh,
        "2024-06-12",
        &["秘鲁和智利11日称玻利维亚修建的水坝对两国构成威胁。"],
    );
    assert!(has(&ev, 0, "PER", "BOL", "11"), "{:?}", facts(&ev));
    assert!(has(&ev, 0, "CHL", "BOL", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "PER", "CHL", "11"), "{:?}", facts(&ev));
}

#[test]
fn suspicion_a_speaker_voices_is_an_accusation() {
    // 涉嫌, 涉案: involvement alleged by the speaker
    let ev = code(
        Lang::Zh,
        "2024-03-02",
        &[
            "智利与秘鲁关系紧张。",
            "智利外长表示，秘鲁情报人员涉嫌策划这起袭击。",
        ],
    );
    assert!(has(&ev, 1, "CHL", "PER", "112"), "{:?}", facts(&ev));
    // and so is an attack said to be someone's doing
    for (lang, text) in [
        (
            Lang::En,
            "Chile's foreign minister said Peru was behind the attack.",
        ),
        (
            Lang::Ru,
            "Министр иностранных дел Чили заявил, что Перу стоит за нападением.",
        ),
    ] {
        let ev = code(lang, "2024-03-02", &[text]);
        assert!(has(&ev, 0, "CHL", "PER", "112"), "{text}: {:?}", facts(&ev));
    }
}

#[test]
fn a_protest_delivered_with_a_summons_is_one_act() {
    // the summons (140) and the protest words after it (提出严正抗议, which read alone make a
    // demand, 100) are one protest to the same envoy
    let ev = code(
        Lang::Zh,
        "2024-05-06",
        &["智利外长当天召见秘鲁驻智利大使，提出严正抗议。"],
    );
    assert!(has(&ev, 0, "CHL", "PER", "140"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "CHL", "PER", "10"), "{:?}", facts(&ev));
    assert_eq!(facts(&ev).len(), 1, "{:?}", facts(&ev));
}

#[test]
fn positive_wording_of_a_relationship_makes_a_positive_statement() {
    // context/*.tsv stance words of a relationship: a new era, brotherly, 历史意义, новая эра
    for (lang, lines) in [
        (
            Lang::En,
            [
                "Chile and Peru signed a fisheries accord on 3 March.",
                "Peruvian President Ana Torres said the accord opened a new era for the two peoples.",
            ],
        ),
        (
            Lang::Zh,
            [
                "智利和秘鲁3月3日签署渔业协定。",
                "秘鲁外长张伟表示，这份协定具有历史意义。",
            ],
        ),
        (
            Lang::Ru,
            [
                "Чили и Перу 3 марта подписали соглашение о рыболовстве.",
                "Министр иностранных дел Перу заявил, что в отношениях с Чили начинается новая эра.",
            ],
        ),
    ] {
        let ev = code(lang, "2024-03-04", &lines);
        assert!(has(&ev, 1, "PER", "CHL", "05"), "{:?}", facts(&ev));
    }
}

#[test]
fn a_negated_word_of_praise_criticises() {
    let ev = code(
        Lang::En,
        "2024-03-04",
        &[
            "China and Japan held talks on 3 March.",
            "The Chinese spokesman said the Japanese position was not constructive.",
        ],
    );
    assert!(has(&ev, 1, "CHN", "JPN", "111"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "CHN", "JPN", "05"), "{:?}", facts(&ev));
}

#[test]
fn a_warning_in_the_progressive_or_a_reserved_right_threatens() {
    for (lang, lines) in [
        (
            Lang::En,
            [
                "Chile and Peru quarrelled over fishing rights on 3 March.",
                "\"We are warning Peru for the last time,\" the Chilean foreign minister said.",
            ],
        ),
        (
            Lang::Zh,
            [
                "智利和秘鲁3日因渔业权发生争执。",
                "智利外交部表示，智利保留采取进一步措施的权利，不会对秘鲁的做法袖手旁观。",
            ],
        ),
    ] {
        let ev = code(lang, "2024-03-04", &lines);
        assert!(has(&ev, 1, "CHL", "PER", "13"), "{:?}", facts(&ev));
    }
}

#[test]
fn criticism_said_in_other_words_is_criticism() {
    for (lang, lines) in [
        (
            Lang::En,
            [
                "Peru expelled two Chilean diplomats on 3 March.",
                "The Chilean foreign minister called it an unfriendly act.",
            ],
        ),
        (
            Lang::Ru,
            [
                "Перу 3 марта выслало двух чилийских дипломатов.",
                "Министр иностранных дел Чили назвал это недружественным шагом.",
            ],
        ),
    ] {
        let ev = code(lang, "2024-03-04", &lines);
        assert!(has(&ev, 1, "CHL", "PER", "11"), "{:?}", facts(&ev));
    }
}

#[test]
fn a_third_party_judging_an_act_of_force_judges_the_party_that_made_it() {
    for (lang, told) in [
        (
            Lang::En,
            [
                "Armenia shelled Azerbaijani border posts on Tuesday.",
                "Iran condemned the attack, saying it was unacceptable.",
            ],
        ),
        (
            Lang::Zh,
            [
                "亚美尼亚2日炮击阿塞拜疆边境哨所。",
                "伊朗外交部谴责这次炮击。",
            ],
        ),
    ] {
        let ev = code(lang, "2021-06-03", &told);
        assert!(has(&ev, 1, "IRN", "ARM", "11"), "{:?}", facts(&ev));
        assert!(!has(&ev, 1, "IRN", "AZE", "11"), "{:?}", facts(&ev));
    }
    // without an act of force it judges, it speaks of both
    let ev = code(
        Lang::En,
        "2021-06-03",
        &[
            "Armenia shelled Azerbaijani border posts on Tuesday.",
            "Iran criticised the rhetoric of both capitals.",
        ],
    );
    assert!(has(&ev, 1, "IRN", "AZE", "11"), "{:?}", facts(&ev));
}

#[test]
fn a_verb_that_reports_by_naming_makes_a_statement() {
    for text in [
        "Azerbaijan's government calls the shelling a clear provocation.",
        "Azerbaijan termed the shelling a provocation.",
        "Azerbaijan branded the shelling a provocation.",
    ] {
        let ev = code(
            Lang::En,
            "2021-06-03",
            &["Armenia shelled Azerbaijani border posts on Tuesday.", text],
        );
        assert!(has(&ev, 1, "AZE", "ARM", "11"), "{text}: {:?}", facts(&ev));
    }
}

#[test]
fn a_warning_under_a_condition_is_hypothetical_and_without_one_is_made() {
    let threat = |lang: Lang, text: &str| {
        let ev = code(lang, "2022-07-21", &[text]);
        ev.iter()
            .find(|e| e.event.cameo.starts_with("13"))
            .map(|e| e.event.hypothetical)
    };
    for (lang, text) in [
        (
            Lang::En,
            "China warned the United States of strong measures if the speaker visits Taiwan.",
        ),
        (
            Lang::Zh,
            "中国20日警告美国，如果议长访问台湾，中方将采取强有力措施。",
        ),
    ] {
        assert_eq!(threat(lang, text), Some(true), "{text}");
    }
    assert_eq!(
        threat(
            Lang::En,
            "China warned the United States of strong measures."
        ),
        Some(false)
    );
}

#[test]
fn a_hope_that_another_state_acts_is_a_demand_across_a_complementiser() {
    // hopes that the U.S. will…, надеется, что Киев…: the hoped act is the other state's
    let ev = code(
        Lang::En,
        "2023-05-12",
        &["A spokesman said Canada hoped that the Indian government would respect the rules of diplomacy."],
    );
    assert!(has(&ev, 0, "CAN", "IND", "10"), "{:?}", facts(&ev));
    let ev = code(
        Lang::Ru,
        "2019-03-02",
        &["Москва надеется, что Киев выполнит взятые на себя обязательства."],
    );
    assert!(has(&ev, 0, "RUS", "UKR", "10"), "{:?}", facts(&ev));
    let ev = code(
        Lang::Ru,
        "2019-03-02",
        &["Лавров выразил надежду на то, что Киев выполнит свои обязательства."],
    );
    assert!(has(&ev, 0, "RUS", "UKR", "10"), "{:?}", facts(&ev));
}

#[test]
fn a_speaker_reporting_force_against_its_own_state_accuses_the_attacker() {
    for (lang, text) in [
        (
            Lang::En,
            "On Friday the Estonian defence minister said Latvian troops shelled Estonian border posts.",
        ),
        (
            Lang::Zh,
            "8日，爱沙尼亚国防部长表示，拉脱维亚军队炮击了爱沙尼亚边防哨所。",
        ),
    ] {
        let ev = code(lang, "2031-05-10", &[text]);
        let f = facts(&ev);
        assert!(has(&ev, 0, "LVA", "EST", "19"), "{f:?}");
        assert!(has(&ev, 0, "EST", "LVA", "112"), "{f:?}");
    }
    // a clash coded both ways blames no one; force by the speaker's own state accuses no one
    for text in [
        "On Friday the Estonian defence minister said Estonian and Latvian troops clashed at the border.",
        "On Friday the Estonian defence minister said Estonian troops shelled Latvian border posts.",
    ] {
        let ev = code(Lang::En, "2031-05-10", &[text]);
        let f = facts(&ev);
        assert!(!f.iter().any(|(_, _, _, c)| c.starts_with("112")), "{f:?}");
    }
}

#[test]
fn praise_and_criticism_in_other_words_give_a_statement_its_kind() {
    let ev = code(
        Lang::Zh,
        "2031-03-13",
        &[
            "3月12日，蒙古总统会见来访的哈萨克斯坦外长。",
            "蒙古总统说，哈萨克斯坦是蒙古多年的好友。",
            "3月12日，吉尔吉斯斯坦外交部表示，塔吉克斯坦的做法与双方共识背道而驰。",
        ],
    );
    let f = facts(&ev);
    assert!(has(&ev, 1, "MNG", "KAZ", "05"), "{f:?}");
    assert!(has(&ev, 2, "KGZ", "TJK", "11"), "{f:?}");
}
