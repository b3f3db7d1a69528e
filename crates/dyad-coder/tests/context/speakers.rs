//! Who speaks: a speaker named or resolved from a pronoun, quotations that run on, transcript
//! speaker lines, and a document's own first-person voice.

use crate::common::*;
use dyad_coder::DocEvent;
use dyad_model::Lang;

#[test]
fn a_pronoun_speaker_is_the_last_one_named_and_the_target_the_documents_other_party() {
    let ev = code(
        Lang::En,
        "2018-07-17",
        &[
            "Russian President Vladimir Putin met U.S. President Donald Trump in Helsinki on 16 July 2018.",
            "Putin said the talks had been useful and constructive.",
            "Putin said the meeting would go on tomorrow.",
            "He called the sanctions a mistake.",
        ],
    );
    assert!(has(&ev, 0, "RUS", "USA", "04"), "{:?}", facts(&ev));
    // praise of the speaker about the other party
    assert!(has(&ev, 1, "RUS", "USA", "05"), "{:?}", facts(&ev));
    // a report without a stance is no event
    assert!(
        !facts(&ev).iter().any(|(s, ..)| *s == 2),
        "{:?}",
        facts(&ev)
    );
    // "he" is Putin; "mistake" makes it criticism
    assert!(has(&ev, 3, "RUS", "USA", "111"), "{:?}", facts(&ev));
    let explain = &ev
        .iter()
        .find(|e| e.sentence == 3 && e.event.cameo == "111")
        .unwrap()
        .event
        .explain;
    assert!(explain.contains("context: statement"), "{explain}");
    assert!(explain.contains("last speaker"), "{explain}");
    assert!(explain.contains("context/en.tsv:"), "{explain}");
}

#[test]
fn a_quotation_that_runs_on_keeps_its_speaker() {
    let ev = code(
        Lang::Zh,
        "2002-05-25",
        &[
            "2002年5月24日，美国总统布什在莫斯科与俄罗斯总统普京会谈。",
            "布什说：“这是两国关系的新篇章。",
            "我要感谢主人的友好接待。”",
            "这座城市当天下了雨。",
        ],
    );
    assert!(has(&ev, 1, "USA", "RUS", "05"), "{:?}", facts(&ev));
    assert!(has(&ev, 2, "USA", "RUS", "05"), "{:?}", facts(&ev));
    // the quotation closed: a sentence of narration is no statement
    assert!(
        !facts(&ev).iter().any(|(s, ..)| *s == 3),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_transcript_speaker_line_names_the_speaker() {
    let ev = code(
        Lang::En,
        "2013-08-09",
        &[
            "Remarks with Russian ministers in Washington.",
            "KERRY: We are glad to host our Russian colleagues.",
            "We have had disagreements, but we trust this meeting will help.",
        ],
    );
    let f = facts(&ev);
    assert!(
        f.iter()
            .any(|(s, a, b, _)| *s == 1 && a == "USA" && b == "RUS"),
        "{f:?}"
    );
    assert!(
        f.iter()
            .any(|(s, a, b, _)| *s == 2 && a == "USA" && b == "RUS"),
        "{f:?}"
    );
}

#[test]
fn a_pronoun_subject_meets_the_partner_named_after_with() {
    let ev = code(
        Lang::Zh,
        "2019-06-12",
        &[
            "6月11日，英国外交大臣抵达北京访问。",
            "他12日与中国外长举行会谈，讨论贸易问题。",
        ],
    );
    assert!(
        has(&ev, 1, "GBR", "CHN", "04") || has(&ev, 1, "CHN", "GBR", "04"),
        "{:?}",
        facts(&ev)
    );
    // a ministry's head is the minister, read as the state and the agent word
    let ev = code(
        Lang::Zh,
        "2019-06-12",
        &["英国外交部长与中国外交部长在伦敦举行会谈。"],
    );
    assert!(
        has(&ev, 0, "GBR", "CHN", "04") || has(&ev, 0, "CHN", "GBR", "04"),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_first_person_document_speaks_with_its_main_partys_voice() {
    // a statement in the first person with no speaker line and no reporting verb: "we" is the
    // party the document is about
    let ev = code(
        Lang::En,
        "2019-03-01",
        &[
            "The United States will review its cooperation with Venezuela's neighbours.",
            "The United States has consulted Brazil and Colombia.",
            "We regret that Venezuela has violated its commitments.",
            "We want to thank Colombia for its generous support.",
        ],
    );
    let f = facts(&ev);
    assert!(has(&ev, 2, "USA", "VEN", "11"), "{f:?}");
    assert!(has(&ev, 3, "USA", "COL", "05"), "{f:?}");
}

#[test]
fn first_person_in_a_news_report_is_no_voice() {
    // "we" only inside quotations: the report has no voice of its own
    let ev = code(
        Lang::En,
        "2019-03-01",
        &[
            "Brazil's president met Argentina's president in Brasilia on Thursday.",
            "\"We regret the delay,\" he said.",
            "Trade between the two countries grew last year.",
            "Both economies depend on exports of soybeans.",
            "Harvests were large in the south.",
            "Prices fell in the autumn.",
            "We regret that Venezuela has violated its commitments.",
        ],
    );
    let f = facts(&ev);
    assert!(!f.iter().any(|(s, ..)| *s == 6), "{f:?}");
}

#[test]
fn a_quotation_before_the_reporting_verb_does_not_hold_the_speaker() {
    // «…», — заявили в МИД: the state named inside the quotation is what was spoken of
    let ev = code(
        Lang::Ru,
        "2021-05-20",
        &["«Решения Вашингтона расцениваем как враждебные», — говорится в заявлении МИД России."],
    );
    let f = facts(&ev);
    assert!(has(&ev, 0, "RUS", "USA", "11"), "{f:?}");
    assert!(!has(&ev, 0, "USA", "RUS", "11"), "{f:?}");
}

#[test]
fn analysts_experts_and_sources_are_no_statement_of_a_state() {
    for (lang, text) in [
        (
            Lang::En,
            "A Polish defence analyst said the German decision was a dangerous mistake.",
        ),
        (Lang::Zh, "波兰一名军事专家认为，德国的决定是危险的错误。"),
        (
            Lang::Ru,
            "Польский эксперт заявил, что решение Германии — опасная ошибка.",
        ),
    ] {
        let ev = code(lang, "2024-05-02", &[text]);
        assert!(!has(&ev, 0, "POL", "DEU", "11"), "{text}: {:?}", facts(&ev));
    }
    // the same words spoken by an official are a statement
    let ev = code(
        Lang::En,
        "2024-05-02",
        &["The Polish defence minister said the German decision was a dangerous mistake."],
    );
    assert!(has(&ev, 0, "POL", "DEU", "11"), "{:?}", facts(&ev));
}

#[test]
fn a_pronoun_after_a_person_named_earlier_in_the_sentence_is_that_person() {
    let ev = code(
        Lang::Zh,
        "2024-05-02",
        &[
            "俄罗斯外交部发言人扎哈罗娃表示，俄方对此感到遗憾。",
            "布林肯周四抵达开罗，他表示，伊朗的做法非常危险。",
        ],
    );
    assert!(has(&ev, 1, "USA", "IRN", "1"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "RUS", "IRN", "1"), "{:?}", facts(&ev));
}

#[test]
fn a_transcript_judges_a_party_it_names_in_its_own_voice() {
    let ev = code(
        Lang::En,
        "2023-02-21",
        &[
            "SECRETARY BLINKEN: Good afternoon, everyone.",
            "Russia has violated the treaty once again.",
        ],
    );
    assert!(has(&ev, 1, "USA", "RUS", "11"), "{:?}", facts(&ev));
    // a news report has no voice of its own
    let ev = code(
        Lang::En,
        "2023-02-21",
        &[
            "Blinken arrived in Kyiv on Tuesday.",
            "Russia has violated the treaty once again.",
        ],
    );
    assert!(!has(&ev, 1, "USA", "RUS", "11"), "{:?}", facts(&ev));
}

#[test]
fn the_sentence_right_after_a_report_in_its_paragraph_goes_on_reporting() {
    let doc = |paragraphs: [u32; 3]| -> Vec<DocEvent> {
        let texts = [
            "2021年6月16日，美国总统拜登与俄罗斯总统普京在日内瓦会晤。",
            "普京在记者会上说，会谈是建设性的。",
            "美国的制裁政策是错误的。",
        ];
        let pairs: Vec<(&str, u32)> = texts.into_iter().zip(paragraphs).collect();
        code_paragraphs(Lang::Zh, "2021-06-17", &pairs)
    };
    let same = doc([1, 2, 2]);
    assert!(has(&same, 2, "RUS", "USA", "111"), "{:?}", facts(&same));
    let explain = &same.iter().find(|e| e.sentence == 2).unwrap().event.explain;
    assert!(explain.contains("the report goes on"), "{explain}");
    // a new paragraph is the document's own voice again
    let next = doc([1, 2, 3]);
    assert!(
        !facts(&next).iter().any(|(s, ..)| *s == 2),
        "{:?}",
        facts(&next)
    );
}

#[test]
fn a_byline_heading_names_the_voice_of_the_first_person_sentences_after_it() {
    // Venezuela is named most, but the statement is Canada's
    let ev = code_paragraphs(
        Lang::En,
        "2024-03-02",
        &[
            (
                "Statement by the Prime Minister of Canada on two citizens held in Venezuela",
                1,
            ),
            (
                "Two citizens held in Venezuela for a year came home today.",
                2,
            ),
            (
                "I thank Mexico and Brazil for their help throughout the talks.",
                3,
            ),
        ],
    );
    assert!(has(&ev, 2, "CAN", "MEX", "05"), "{:?}", facts(&ev));
    assert!(!has(&ev, 2, "VEN", "MEX", "05"), "{:?}", facts(&ev));
}

#[test]
fn the_object_of_an_act_right_before_a_reporting_verb_is_not_its_speaker() {
    let ev = code(
        Lang::Zh,
        "1999-05-13",
        &[
            "俄美两国12日举行会谈。",
            "切尔诺梅尔金在会见塔尔博特后说，美国的立场令人十分不安。",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "USA", "RUS", "11"), "{:?}", facts(&ev));
}

#[test]
fn a_reported_two_sided_act_of_the_speakers_pronoun_with_a_partner() {
    // 他 in the reported clause is the speaker; the plan keeps its modality
    let ev = code(
        Lang::Zh,
        "2025-08-09",
        &["8月8日，特朗普在社交媒体上发文宣布，他计划在阿拉斯加与普京会面。"],
    );
    let meet: Vec<_> = ev
        .iter()
        .filter(|e| e.event.cameo.starts_with("04"))
        .map(|e| {
            (
                e.event.source.code.as_str(),
                e.event.target.code.as_str(),
                e.event.hypothetical,
            )
        })
        .collect();
    assert!(meet.contains(&("USA", "RUS", true)), "{meet:?}");
    assert!(!meet.iter().any(|m| !m.2), "{meet:?}");
}

#[test]
fn a_reported_first_person_measure_is_the_speakers_sides() {
    // Canada's minister said we will expel Mexican diplomats: Canada's act, toward Mexico; a
    // side saying it will take a measure announces it (dated when said), unless a condition
    // makes it hang on something yet to happen
    for (lang, text, hypothetical) in [
        (
            Lang::En,
            "On 3 March 2016, Canadian Foreign Minister Stephane Dion said we will expel five Mexican diplomats.",
            false,
        ),
        (
            Lang::Zh,
            "2016年3月3日，加拿大外长迪翁表示，我们将驱逐5名墨西哥外交官。",
            false,
        ),
        (
            Lang::Zh,
            "2016年3月3日，加拿大外长迪翁表示，如果局势恶化，我们将驱逐5名墨西哥外交官。",
            true,
        ),
    ] {
        let ev = code(lang, "2016-03-04", &[text]);
        let expel: Vec<&DocEvent> = ev
            .iter()
            .filter(|e| e.event.cameo.starts_with("161"))
            .collect();
        assert!(
            expel.iter().any(|e| e.event.source.code == "CAN"
                && e.event.target.code == "MEX"
                && e.event.hypothetical == hypothetical
                && (lang == Lang::En || e.event.explain.contains("first-person"))),
            "{text}: {:?}",
            ev.iter()
                .map(|e| (&e.event.source.code, &e.event.target.code, &e.event.cameo, e.event.hypothetical))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn a_quoted_first_person_measure_names_its_object_inside_the_cue() {
    // the quote goes on in a sentence of its own: "We will ask ten Mexican diplomats to leave."
    // The diplomats, inside the cue, are its object; the speaker's side acts; 要求 (ask) is part
    // of the expulsion, not a demand of its own
    let ev = code(
        Lang::Zh,
        "2016-03-04",
        &[
            "加拿大外长迪翁3月3日对记者说：“我们不会坐视不管。",
            "我们将要求10名墨西哥驻加外交官离境。”",
        ],
    );
    assert!(has(&ev, 1, "CAN", "MEX", "161"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "CAN", "MEX", "10"), "{:?}", facts(&ev));
}

#[test]
fn a_statement_passed_on_is_the_statement_of_the_party_that_made_it() {
    // the envoy reports what the other side told him: that side's criticism, not his
    let ev = code(
        Lang::Zh,
        "2019-06-12",
        &[
            "美国特使6月11日在莫斯科与俄罗斯副外长会谈。",
            "美国特使会谈后说，“俄方明确表明，美国违反了协议。”",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "USA", "RUS", "11"), "{:?}", facts(&ev));
    let ev = code(
        Lang::En,
        "2019-06-12",
        &[
            "The U.S. envoy held talks with Russia's deputy foreign minister in Moscow on June 11.",
            "The U.S. envoy said afterwards that Russia had stated firmly that the United States had violated the agreement.",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "11"), "{:?}", facts(&ev));
}

#[test]
fn a_pronoun_joined_to_a_party_by_and_is_the_partner_of_its_referent() {
    // he and López Obrador: Trudeau, named in the sentence before, meets the Mexican president;
    // Cuba, what they discussed, is no party
    let ev = code(
        Lang::En,
        "2021-03-20",
        &[
            "Canadian Prime Minister Justin Trudeau arrived in Mexico City on March 18.",
            "He and López Obrador discussed Cuba over lunch.",
        ],
    );
    assert!(has(&ev, 1, "CAN", "MEX", "04"), "{:?}", facts(&ev));
    assert!(
        !facts(&ev)
            .iter()
            .any(|(_, a, b, _)| a == "CUB" || b == "CUB"),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_first_person_speaker_keeps_the_subject_of_its_second_one_sided_act() {
    // the object of the first sanctions (Cuba, Venezuela) is not the subject of the second
    let ev = code(
        Lang::En,
        "2019-04-18",
        &[
            "Statement by the Prime Minister of Canada on April 17, 2019.",
            "I have imposed new sanctions on Cuba and Venezuela, and expanded sanctions on Nicaragua.",
            "We will keep working with Mexico.",
        ],
    );
    assert!(has(&ev, 1, "CAN", "VEN", "16"), "{:?}", facts(&ev));
    assert!(has(&ev, 1, "CAN", "NIC", "16"), "{:?}", facts(&ev));
}

#[test]
fn a_pronoun_subject_before_a_speaker_the_sentence_names_refers_back_past_it() {
    // 他们 is Britain of the sentence before, not the United States that speaks after it; the
    // expelled diplomats' state, inside the cue, is the target
    let ev = code(
        Lang::Zh,
        "2018-03-15",
        &[
            "英国政府14日宣布对俄罗斯实施新制裁。",
            "他们随后驱逐了23名俄方外交官，美国则表示支持。",
        ],
    );
    assert!(has(&ev, 1, "GBR", "RUS", "161"), "{:?}", facts(&ev));
    assert!(
        !facts(&ev)
            .iter()
            .any(|(s, a, _, c)| *s == 1 && a == "USA" && c == "161"),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn the_ambassador_a_cue_summons_is_no_speaker_of_what_follows() {
    // `summoned the Russian ambassador` is one cue spanning its object: the subject of the
    // verbs after `and` is the Foreign Office, and so is the speaker of the quotation after it
    let ev = code(
        Lang::En,
        "2026-02-03",
        &[
            "The British Foreign Office on Monday summoned the Russian ambassador and condemned Russia's decision to close a British consulate.",
            "\"We condemn in the strongest terms Russia's unjustified decision,\" a spokesperson said.",
        ],
    );
    assert!(has(&ev, 1, "GBR", "RUS", "11"), "{:?}", facts(&ev));
    assert!(
        !facts(&ev)
            .iter()
            .any(|(_, a, _, c)| a == "RUS" && c.starts_with("11")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_speaker_after_a_quotation_is_not_a_party_in_a_later_clause() {
    // the party named after "adding that" is what the added remark is about, not who spoke
    let ev = code(
        Lang::En,
        "2025-04-07",
        &[
            "Latvia expelled a Belarusian diplomat on Monday.",
            "\"It is deeply regrettable that Belarus keeps targeting our embassy,\" noted the spokesperson, adding that any further step taken by Belarus will be answered.",
        ],
    );
    assert!(!has(&ev, 1, "BLR", "LVA", "11"), "{:?}", facts(&ev));
    // a source named right after the quotation still speaks
    let ev = code(
        Lang::En,
        "2025-04-07",
        &["\"It is deeply regrettable that Belarus keeps targeting our embassy,\" said Latvia's foreign minister."],
    );
    assert!(has(&ev, 0, "LVA", "BLR", "11"), "{:?}", facts(&ev));
}

#[test]
fn a_statement_as_subject_speaks_for_whoever_issued_it_but_not_inside_a_report_verb() {
    let ev = code(
        Lang::En,
        "2024-03-02",
        &[
            "Chile's foreign ministry said on Friday it was cutting ties with Peru.",
            "The statement accused Peru of sheltering armed groups.",
        ],
    );
    assert!(has(&ev, 0, "CHL", "PER", "16"), "{:?}", facts(&ev));
    assert!(has(&ev, 1, "CHL", "PER", "112"), "{:?}", facts(&ev));
    // 该声明 is the statement's issuer; in 发表声明 the noun is part of the reporting verb and the
    // state before it speaks
    let ev = code(
        Lang::Zh,
        "2024-03-02",
        &[
            "智利外交部1日发表声明，宣布与秘鲁断交。",
            "该声明指责秘鲁庇护武装团体。",
        ],
    );
    assert!(has(&ev, 0, "CHL", "PER", "16"), "{:?}", facts(&ev));
    assert!(has(&ev, 1, "CHL", "PER", "112"), "{:?}", facts(&ev));
}

#[test]
fn a_claim_is_no_reporting_verb_and_its_denier_speaks() {
    // 说法 is a noun: the 说 inside it reports nothing, and the state named before it does not
    // speak; the one who denies does
    let ev = code(
        Lang::Zh,
        "2024-03-02",
        &[
            "智利与秘鲁关系紧张。",
            "秘鲁断然否认所有指控，并坚称智利拿不出任何证据证明其说法。",
        ],
    );
    assert!(has(&ev, 1, "PER", "CHL", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "CHL", "PER", "11"), "{:?}", facts(&ev));
}

#[test]
fn an_office_without_its_state_speaks_for_the_main_party_the_sentence_does_not_name() {
    for (lang, lines) in [
        (
            Lang::Zh,
            [
                "智利外交部3日召见秘鲁驻智利大使。",
                "外交部发言人表示，秘鲁的做法严重违反双边协议。",
            ],
        ),
        (
            Lang::En,
            [
                "Chile summoned the Peruvian ambassador on Monday.",
                "The Foreign Ministry said Peru's decision was a serious violation of the border treaty.",
            ],
        ),
    ] {
        let ev = code(lang, "2024-03-04", &lines);
        assert!(has(&ev, 1, "CHL", "PER", "11"), "{:?}", facts(&ev));
    }
    // an office after a state in its clause is that state's (俄罗斯外交部的官员)
    let ev = code(
        Lang::Zh,
        "2024-03-04",
        &[
            "智利外交部3日召见秘鲁驻智利大使。",
            "秘鲁外交部的官员表示，智利的指责毫无根据。",
        ],
    );
    assert!(has(&ev, 1, "PER", "CHL", "11"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "CHL", "PER", "11"), "{:?}", facts(&ev));
}
