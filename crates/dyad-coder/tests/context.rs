//! The document-level context pass on short documents we wrote: speakers, pronouns, quotations,
//! the document's parties, the story's date, and title brackets.

use dyad_coder::{Coder, Dictionaries, DocEvent, DocSentence};
use dyad_model::{EventDate, Lang};

fn coder() -> Coder {
    Coder::new(&Dictionaries::builtin().unwrap()).unwrap()
}

fn code(lang: Lang, published: &str, sentences: &[&str]) -> Vec<DocEvent> {
    let pairs: Vec<(&str, u32)> = sentences.iter().map(|t| (*t, 1)).collect();
    code_paragraphs(lang, published, &pairs)
}

/// Codes `(sentence, paragraph)` pairs as one document.
fn code_paragraphs(lang: Lang, published: &str, sentences: &[(&str, u32)]) -> Vec<DocEvent> {
    let doc: Vec<DocSentence> = sentences
        .iter()
        .map(|&(text, paragraph)| DocSentence {
            lang,
            text,
            paragraph,
            note: false,
        })
        .collect();
    let published: EventDate = published.parse().unwrap();
    coder().code_document(Some(published), &doc)
}

/// `(sentence, source, target, cameo)` of the factual events.
fn facts(events: &[DocEvent]) -> Vec<(usize, String, String, String)> {
    events
        .iter()
        .filter(|e| !e.event.negated && !e.event.hypothetical)
        .map(|e| {
            (
                e.sentence,
                e.event.source.code.clone(),
                e.event.target.code.clone(),
                e.event.cameo.clone(),
            )
        })
        .collect()
}

fn has(events: &[DocEvent], sentence: usize, source: &str, target: &str, root: &str) -> bool {
    facts(events)
        .iter()
        .any(|(s, a, b, c)| *s == sentence && a == source && b == target && c.starts_with(root))
}

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
fn a_symmetric_act_without_the_documents_parties_is_theirs() {
    let ev = code(
        Lang::En,
        "2024-08-02",
        &[
            "The United States and Russia completed a deal on 1 August 2024 after long contacts.",
            "Washington and Moscow both confirmed it the same day.",
            "The prisoner exchange took place in Ankara.",
        ],
    );
    assert!(has(&ev, 2, "USA", "RUS", "08"), "{:?}", facts(&ev));
    assert!(has(&ev, 2, "RUS", "USA", "08"), "{:?}", facts(&ev));
    // the place is no party
    assert!(
        !facts(&ev)
            .iter()
            .any(|(s, a, b, _)| *s == 2 && (a == "TUR" || b == "TUR")),
        "{:?}",
        facts(&ev)
    );
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
fn an_abbreviation_pair_that_opens_a_full_name_is_that_name() {
    // 其中美国: 其中 + 美国, not the pair 中美 (China and the United States)
    let ev = code(
        Lang::Zh,
        "2018-03-30",
        &["多国宣布驱逐俄罗斯外交官，其中美国驱逐了60名俄罗斯外交官。"],
    );
    assert!(has(&ev, 0, "USA", "RUS", "16"), "{:?}", facts(&ev));
    assert!(
        !facts(&ev)
            .iter()
            .any(|(_, a, b, _)| a == "CHN" || b == "CHN"),
        "{:?}",
        facts(&ev)
    );
    // a pair written as a pair still is one
    let ev = code(Lang::Zh, "2018-03-30", &["中美两国元首当天通电话。"]);
    assert!(has(&ev, 0, "CHN", "USA", "041"), "{:?}", facts(&ev));
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
fn a_list_of_targets_with_commas_gives_each_its_event() {
    let ev = code(
        Lang::En,
        "2017-08-02",
        &["Canada imposed new sanctions on Iran, Syria, and Venezuela."],
    );
    for t in ["IRN", "SYR", "VEN"] {
        assert!(has(&ev, 0, "CAN", t, "163"), "{t}: {:?}", facts(&ev));
    }
    // a comma that ends a clause still does
    let ev = code(
        Lang::En,
        "2017-08-02",
        &["After talks in Ottawa, Canada imposed new sanctions on Iran."],
    );
    assert!(has(&ev, 0, "CAN", "IRN", "163"), "{:?}", facts(&ev));
}

#[test]
fn a_law_as_subject_stands_for_the_party_that_enacted_it() {
    let ev = code(
        Lang::Ru,
        "2015-06-10",
        &[
            "Президент Казахстана подписал закон о мерах в ответ на решения Киргизии.",
            "Закон запрещает ввоз товаров из Киргизии.",
        ],
    );
    assert!(has(&ev, 1, "KAZ", "KGZ", "163"), "{:?}", facts(&ev));
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
fn a_multilateral_exchange_is_kept_as_the_documents_pair() {
    let ev = code(
        Lang::Zh,
        "2024-08-02",
        &[
            "美国和俄罗斯1日完成换囚。",
            "美国、德国、波兰、斯洛文尼亚、挪威、俄罗斯、白俄罗斯等7国当天在安卡拉进行囚犯交换。",
            "德国释放了一名俄罗斯公民。",
        ],
    );
    let f: Vec<_> = facts(&ev).into_iter().filter(|x| x.0 == 1).collect();
    // Germany, the document's third party, is one of the seven, but the act is kept as the pair
    // the document is about
    assert!(
        !f.iter().any(|(_, a, b, _)| a == "DEU" || b == "DEU"),
        "{f:?}"
    );
    assert!(
        f.iter().any(|(_, a, b, c)| c.starts_with("084")
            && ((a == "USA" && b == "RUS") || (a == "RUS" && b == "USA"))),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|(_, a, b, _)| a == "POL" || b == "POL"),
        "{f:?}"
    );
}

#[test]
fn a_directed_concession_without_a_named_counterpart_is_toward_the_documents_other_party() {
    let ev = code(
        Lang::Zh,
        "2020-10-11",
        &[
            "阿塞拜疆与亚美尼亚的冲突持续第二周。",
            "亚美尼亚军队猛烈炮击阿塞拜疆城镇。",
            "阿塞拜疆军队10日撤出该地区。",
        ],
    );
    assert!(has(&ev, 2, "AZE", "ARM", "087"), "{:?}", facts(&ev));
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
fn a_compound_split_by_a_list_mark_names_both_states() {
    let ev = code(
        Lang::Zh,
        "2013-09-15",
        &["美、俄外长14日在日内瓦举行会谈。"],
    );
    assert!(
        has(&ev, 0, "USA", "RUS", "04") || has(&ev, 0, "RUS", "USA", "04"),
        "{:?}",
        facts(&ev)
    );
    let ev = code(
        Lang::Zh,
        "2014-03-09",
        &["凱瑞和拉夫羅夫8日透過電話討論烏克蘭局勢。"],
    );
    assert!(
        has(&ev, 0, "USA", "RUS", "041") || has(&ev, 0, "RUS", "USA", "041"),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_state_before_a_noun_of_territory_is_where_the_act_goes() {
    let ev = code(
        Lang::Zh,
        "2008-08-12",
        &["俄罗斯军队10日向格鲁吉亚境内挺进。"],
    );
    assert!(has(&ev, 0, "RUS", "GEO", "19"), "{:?}", facts(&ev));
    // without a to- or at-word it takes part in nothing
    let ev = code(
        Lang::Zh,
        "2008-08-12",
        &["法国10日表示支持格鲁吉亚领土完整。"],
    );
    assert!(
        !facts(&ev)
            .iter()
            .any(|(_, _, b, c)| b == "GEO" && c.starts_with("19")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn two_parties_acting_together_on_a_plain_object_leave_it_out() {
    let ev = code(
        Lang::En,
        "2018-10-23",
        &["Brazil and Argentina discussed Venezuela on Monday."],
    );
    let f = facts(&ev);
    assert!(
        has(&ev, 0, "BRA", "ARG", "04") || has(&ev, 0, "ARG", "BRA", "04"),
        "{f:?}"
    );
    assert!(
        !f.iter().any(|(_, a, b, _)| a == "VEN" || b == "VEN"),
        "{f:?}"
    );
    // a partner named with "with" still takes part
    let ev = code(
        Lang::En,
        "2018-10-23",
        &["Brazil met with Argentina and Chile on Monday."],
    );
    let f = facts(&ev);
    assert!(
        f.iter().any(|(_, a, b, _)| a == "BRA" && b == "CHL"),
        "{f:?}"
    );
}

#[test]
fn state_companies_and_treaties_in_taiwan_usage_stand_for_their_states() {
    let ev = code(
        Lang::Ru,
        "2025-01-11",
        &["США ввели санкции против «Роснефти»."],
    );
    assert!(has(&ev, 0, "USA", "RUS", "163"), "{:?}", facts(&ev));
    let ev = code(
        Lang::En,
        "2019-05-16",
        &["Washington imposed export controls on Huawei."],
    );
    assert!(has(&ev, 0, "USA", "CHN", "163"), "{:?}", facts(&ev));
    let ev = code(
        Lang::Zh,
        "2019-08-02",
        &["美國2日正式退出《中程飛彈條約》。"],
    );
    assert!(has(&ev, 0, "USA", "RUS", "16"), "{:?}", facts(&ev));
}

#[test]
fn readiness_to_act_is_a_factual_expression_of_intent_by_the_subject() {
    // the act itself stays a plan; saying one is ready to do it is 03x, from the subject only
    for (lang, text, intent) in [
        (
            Lang::En,
            "Hungary is ready to cooperate with Serbia on energy.",
            "032",
        ),
        (Lang::Zh, "匈牙利愿意与塞尔维亚举行会谈。", "036"),
        (Lang::Ru, "Венгрия готова сотрудничать с Сербией.", "032"),
    ] {
        let ev = code(lang, "2024-05-02", &[text]);
        assert!(
            has(&ev, 0, "HUN", "SRB", intent),
            "{text}: {:?}",
            facts(&ev)
        );
        assert!(!has(&ev, 0, "SRB", "HUN", "03"), "{text}: {:?}", facts(&ev));
        // the cooperation or talks themselves are not factual
        assert!(!has(&ev, 0, "HUN", "SRB", "04"), "{text}: {:?}", facts(&ev));
        assert!(!has(&ev, 0, "HUN", "SRB", "05"), "{text}: {:?}", facts(&ev));
    }
    // a negated readiness states no intent; a plain plan is no intent either
    for text in [
        "Hungary is not ready to cooperate with Serbia.",
        "Hungary will meet Serbia next month.",
    ] {
        let ev = code(Lang::En, "2024-05-02", &[text]);
        assert!(!has(&ev, 0, "HUN", "SRB", "03"), "{text}: {:?}", facts(&ev));
    }
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
fn talks_and_discussions_of_one_pair_in_one_sentence_are_one_meeting() {
    let ev = code(
        Lang::Zh,
        "2024-05-02",
        &["智利与秘鲁2月开始边界谈判，讨论两国海上划界问题。"],
    );
    let meetings = facts(&ev)
        .into_iter()
        .filter(|(_, a, b, c)| a == "CHL" && b == "PER" && c.starts_with("04"))
        .count();
    assert_eq!(meetings, 1, "{:?}", facts(&ev));
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
fn a_wide_gapped_cue_reaches_past_a_long_object_but_not_past_its_clause() {
    for (lang, text) in [
        (
            Lang::En,
            "Poland ordered forty-five Russian diplomats and trade representatives to leave the country.",
        ),
        (Lang::Zh, "波兰要求45名俄罗斯驻华沙使馆外交官和商务代表在五天内离境。"),
    ] {
        let ev = code(lang, "2023-03-01", &[text]);
        assert!(has(&ev, 0, "POL", "RUS", "161"), "{text}: {:?}", facts(&ev));
    }
    // the tail in another clause is another act
    let ev = code(
        Lang::Zh,
        "2023-03-01",
        &["波兰要求俄罗斯解释此事，部分记者随后离境。"],
    );
    assert!(!has(&ev, 0, "POL", "RUS", "161"), "{:?}", facts(&ev));
}

#[test]
fn a_third_party_named_as_subject_of_a_concession_is_not_the_documents_pair() {
    let ev = code(
        Lang::Zh,
        "2008-08-11",
        &[
            "美国总统布什与俄罗斯总统梅德韦杰夫通电话，讨论高加索局势。",
            "美国国务卿赖斯批评俄罗斯，俄罗斯外长拉夫罗夫回应美国。",
            "周日下午，格鲁吉亚突然宣布单方面停火。",
        ],
    );
    assert!(!has(&ev, 2, "USA", "RUS", "08"), "{:?}", facts(&ev));
    assert!(!has(&ev, 2, "RUS", "USA", "08"), "{:?}", facts(&ev));
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
fn the_talk_of_two_parties_joined_by_and_is_their_meeting() {
    let ev = code(
        Lang::Zh,
        "2024-05-06",
        &["2024年5月6日，马克龙和习近平的谈话涉及乌克兰局势。"],
    );
    assert!(
        has(&ev, 0, "FRA", "CHN", "04") || has(&ev, 0, "CHN", "FRA", "04"),
        "{:?}",
        facts(&ev)
    );
    // the object of another verb is no subject: protests against Macron and Xi
    let ev = code(
        Lang::Zh,
        "2024-05-06",
        &["随后出现了支持台湾、反对马克龙和习近平的抗议活动。"],
    );
    assert!(facts(&ev).is_empty(), "{:?}", facts(&ev));
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
fn the_place_of_a_dateline_takes_part_in_nothing() {
    let ev = code(
        Lang::Zh,
        "2024-05-06",
        &["新华社东京5月6日电 印度与越南6日签署防务合作协议。"],
    );
    assert!(
        has(&ev, 0, "IND", "VNM", "057") || has(&ev, 0, "VNM", "IND", "057"),
        "{:?}",
        facts(&ev)
    );
    assert!(
        !facts(&ev)
            .iter()
            .any(|(_, a, b, _)| a == "JPN" || b == "JPN"),
        "{:?}",
        facts(&ev)
    );
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
fn an_undated_meeting_of_named_parties_far_from_the_last_date_is_the_documents() {
    let texts = [
        "2018年10月20日，美国总统特朗普宣布将退出《中导条约》。",
        "俄方对此表示强烈不满。",
        "分析人士认为，这一决定影响深远。",
        "白宫国家安全事务助理博尔顿正在莫斯科访问。",
        "美俄关系持续紧张。",
    ];
    let pairs: Vec<(&str, u32)> = texts.into_iter().zip([1, 1, 2, 3, 4]).collect();
    let ev = code_paragraphs(Lang::Zh, "2018-10-22", &pairs);
    let visit = ev
        .iter()
        .find(|e| e.sentence == 3 && e.event.cameo.starts_with("04"))
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(visit.event.date.to_string(), "2018-10-22");
    assert!(
        visit
            .event
            .explain
            .contains("an act between parties it names"),
        "{}",
        visit.event.explain
    );
    // no meeting named, no event of the document's date
    assert!(
        !facts(&ev).iter().any(|(s, ..)| *s == 4),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn a_negated_word_of_criticism_reassures() {
    let ev = code(
        Lang::En,
        "2021-04-20",
        &[
            "Russian President Vladimir Putin spoke with U.S. President Joe Biden on 19 April 2021.",
            "Putin said the decision was no threat to the United States.",
            "Putin said the new sanctions were a mistake.",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "051"), "{:?}", facts(&ev));
    assert!(
        !facts(&ev)
            .iter()
            .any(|(s, _, _, c)| *s == 1 && c.starts_with("11")),
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
fn a_passive_without_an_agent_makes_its_subject_the_patient() {
    // the subject of an agentless passive undergoes the act; a detention's agent is where
    let ev = code(
        Lang::En,
        "2024-03-02",
        &["Two American journalists were detained in Russia on Friday."],
    );
    assert!(has(&ev, 0, "RUS", "USA", "173"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "USA", "RUS", "173"), "{:?}", facts(&ev));
    // with no place and no agent nobody is known to have acted
    let ev = code(
        Lang::En,
        "2024-03-02",
        &["Three Russian diplomats were expelled."],
    );
    assert!(facts(&ev).is_empty(), "{:?}", facts(&ev));
    // a progressive is no passive
    let ev = code(
        Lang::En,
        "2024-03-02",
        &["The United States is sanctioning Russia again."],
    );
    assert!(has(&ev, 0, "USA", "RUS", "16"), "{:?}", facts(&ev));
    // a verb whose subject undergoes it (获释) with a list of nationals and a count before each
    let ev = code(
        Lang::Zh,
        "2024-03-02",
        &["包括两名美国公民、3名德国公民在内的10名被关押在俄罗斯的人员获释。"],
    );
    assert!(has(&ev, 0, "RUS", "USA", "084"), "{:?}", facts(&ev));
    assert!(has(&ev, 0, "RUS", "DEU", "084"), "{:?}", facts(&ev));
    assert!(!has(&ev, 0, "USA", "DEU", "084"), "{:?}", facts(&ev));
}

#[test]
fn a_subject_with_a_list_of_partners_keeps_each_pair() {
    // a star (the subject with each partner) is no multilateral act to narrow
    let ev = code(
        Lang::Zh,
        "2021-06-10",
        &["日本首相此前已同美国、英国、法国和德国的领导人讨论了该方案。"],
    );
    for partner in ["USA", "GBR", "FRA", "DEU"] {
        assert!(
            has(&ev, 0, "JPN", partner, "04"),
            "{partner}: {:?}",
            facts(&ev)
        );
    }
    assert!(!has(&ev, 0, "GBR", "FRA", "04"), "{:?}", facts(&ev));
}

#[test]
fn a_first_person_measure_on_a_list_reaches_each_state_and_a_law_signed_is_no_treaty() {
    let ev = code(
        Lang::En,
        "2019-05-02",
        &[
            "Today I am announcing new measures to protect the United States.",
            "The United States will defend its interests, and I will act.",
            "I have imposed new sanctions on Venezuela and Cuba this week.",
            "This morning I signed into law an act that renews sanctions on Syria.",
        ],
    );
    let voice = ev
        .iter()
        .find(|e| e.sentence == 2)
        .map(|e| e.event.source.code.clone())
        .unwrap_or_else(|| panic!("{:?}", facts(&ev)));
    assert_eq!(voice, "USA", "{:?}", facts(&ev));
    assert!(has(&ev, 2, "USA", "VEN", "16"), "{:?}", facts(&ev));
    assert!(has(&ev, 2, "USA", "CUB", "16"), "{:?}", facts(&ev));
    // "signed into law" names a law, not an agreement with the state the law is about
    assert!(
        !facts(&ev)
            .iter()
            .any(|(s, _, _, c)| *s == 3 && c.starts_with("057")),
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
fn a_state_after_a_topic_word_is_what_a_pair_agrees_on() {
    // 就 (on, regarding) before a state: the topic of a symmetric act, not a party to it
    let ev = code(
        Lang::Zh,
        "2015-07-15",
        &["英法两国外长14日在维也纳就伊朗核问题达成协议。"],
    );
    assert!(has(&ev, 0, "GBR", "FRA", "057"), "{:?}", facts(&ev));
    assert!(
        !facts(&ev)
            .iter()
            .any(|(_, a, b, _)| a == "IRN" || b == "IRN"),
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
fn a_measure_an_order_prescribes_takes_effect_as_prescribed() {
    let ev = code(
        Lang::En,
        "2016-12-29",
        &["The US president's executive order will expel 35 Russian diplomats."],
    );
    assert!(has(&ev, 0, "USA", "RUS", "16"), "{:?}", facts(&ev));
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
fn a_laws_provisions_are_the_acts_of_the_state_that_enacted_it() {
    // the law (法案, документ) is the subject of its provisions: the state that passed it acts
    let ev = code(
        Lang::Zh,
        "2015-06-03",
        &[
            "俄罗斯总统2日签署了一项新法案。",
            "法案规定，禁止美国公民收养俄罗斯儿童。",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "163"), "{:?}", facts(&ev));
    let ev = code(
        Lang::Ru,
        "2015-06-03",
        &[
            "Президент России 2 июня подписал новый закон.",
            "Документ запрещает усыновлять детей из России гражданам США.",
        ],
    );
    assert!(has(&ev, 1, "RUS", "USA", "163"), "{:?}", facts(&ev));
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
fn a_one_sided_act_takes_its_target_from_a_later_clause() {
    // the sanctions' target is named only in the next clause (将……列入其中): the sentence coder
    // reads no target in the cue's clause, the context pass takes the party named after it
    for (lang, text) in [
        (
            Lang::Zh,
            "加拿大总理宣布扩大制裁范围，将墨西哥的三家银行列入其中。",
        ),
        (
            Lang::En,
            "The Canadian prime minister announced wider sanctions, adding three banks of Mexico to the list.",
        ),
    ] {
        let ev = code(lang, "2016-03-04", &[text]);
        assert!(has(&ev, 0, "CAN", "MEX", "16"), "{text}: {:?}", facts(&ev));
    }
}

#[test]
fn an_act_noun_after_a_possessive_is_the_objects_act() {
    // condemned Mexico for its invasion of Belize: Mexico invaded Belize, not Canada; what a
    // condemnation judges is alleged (hypothetical), what a sanction punishes is reported
    for (lang, text, judged) in [
        (
            Lang::En,
            "Canada condemned Mexico for its invasion of Belize.",
            true,
        ),
        (
            Lang::Ru,
            "Канада осудила Мексику за её вторжение в Белиз.",
            true,
        ),
        (
            Lang::Zh,
            "加拿大宣布制裁墨西哥，以惩罚其入侵伯利兹。",
            false,
        ),
    ] {
        let ev = code(lang, "2016-03-04", &[text]);
        let invasion: Vec<&DocEvent> = ev
            .iter()
            .filter(|e| e.event.cameo.starts_with("19") && !e.event.negated)
            .collect();
        assert!(
            invasion
                .iter()
                .any(|e| e.event.source.code == "MEX" && e.event.target.code == "BLZ"),
            "{text}: {:?}",
            facts(&ev)
        );
        assert!(
            invasion
                .iter()
                .all(|e| e.event.source.code != "CAN" && e.event.hypothetical == judged),
            "{text}: {:?}",
            facts(&ev)
        );
    }
    // with no target named after it, the act is not guessed
    let ev = code(
        Lang::En,
        "2016-03-04",
        &["Canada condemned Mexico for its aggression."],
    );
    assert!(
        !ev.iter().any(|e| e.event.cameo.starts_with("19")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn an_actor_inside_a_relative_clause_is_not_the_next_verbs_subject() {
    // 遭加拿大驱逐的…外交官抵达墨西哥城: the diplomats arrive, not Canada; they arrive home
    let ev = code(
        Lang::Zh,
        "2018-04-02",
        &["遭加拿大驱逐的5名墨西哥外交官1日抵达墨西哥首都墨西哥城。"],
    );
    assert!(
        !ev.iter()
            .any(|e| e.event.source.code == "CAN" && e.event.cameo.starts_with("04")),
        "{:?}",
        facts(&ev)
    );
}

#[test]
fn closing_a_mission_is_an_act_apart_from_expelling_diplomats() {
    for (lang, text) in [
        (
            Lang::Zh,
            "加拿大驱逐5名墨西哥外交官并关闭墨西哥驻温哥华总领馆。",
        ),
        (
            Lang::En,
            "Canada expelled five Mexican diplomats and closed the Mexican consulate in Vancouver.",
        ),
    ] {
        let ev = code(lang, "2018-04-02", &[text]);
        let n = facts(&ev)
            .iter()
            .filter(|(_, s, t, c)| s == "CAN" && t == "MEX" && c == "161")
            .count();
        assert_eq!(n, 2, "{text}: {:?}", facts(&ev));
    }
}

#[test]
fn a_two_sided_act_called_unilateral_is_its_subjects_toward_the_other_side() {
    let cases: [(Lang, [&str; 2]); 3] = [
        (
            Lang::Zh,
            [
                "8月8日，俄罗斯军队与格鲁吉亚军队在南奥塞梯交火。",
                "周日中欧时间下午，格鲁吉亚宣布单方面停火。",
            ],
        ),
        (
            Lang::En,
            [
                "Russian and Georgian troops clashed in South Ossetia on 8 August.",
                "On Sunday Georgia declared a unilateral ceasefire.",
            ],
        ),
        (
            Lang::Ru,
            [
                "8 августа российские и грузинские войска вступили в бой в Южной Осетии.",
                "В воскресенье Грузия объявила об одностороннем прекращении огня.",
            ],
        ),
    ];
    for (lang, doc) in cases {
        let ev = code(lang, "2008-08-11", &doc);
        assert!(
            has(&ev, 1, "GEO", "RUS", "087"),
            "{lang:?}: {:?}",
            facts(&ev)
        );
        // one direction only, and no party read from a time zone (中欧时间)
        assert!(
            facts(&ev)
                .iter()
                .filter(|f| f.0 == 1)
                .all(|f| f.1 == "GEO" && f.2 == "RUS"),
            "{lang:?}: {:?}",
            facts(&ev)
        );
    }
    // without the word the ceasefire is the pair's own, both directions (or none)
    let ev = code(
        Lang::En,
        "2008-08-11",
        &[
            "Russian and Georgian troops clashed in South Ossetia on 8 August.",
            "On Sunday Georgia declared a ceasefire.",
        ],
    );
    let one_way = has(&ev, 1, "GEO", "RUS", "087") && !has(&ev, 1, "RUS", "GEO", "087");
    assert!(!one_way, "{:?}", facts(&ev));
}

#[test]
fn a_reported_one_sided_act_counts_when_its_clause_names_its_subject() {
    // a broadcaster reports: the government named right before the act is its subject, the
    // diplomats of the sentence before its target
    let ev = code(
        Lang::Zh,
        "2016-12-30",
        &[
            "12月29日，美国宣布制裁俄罗斯情报机构。",
            "报道称，美国国务院公布了35名俄罗斯外交官的名单，美国政府限令他们在72小时内离境。",
        ],
    );
    assert!(has(&ev, 1, "USA", "RUS", "161"), "{:?}", facts(&ev));
    let ev = code(
        Lang::En,
        "2016-12-30",
        &[
            "On 29 December the United States imposed sanctions on Russian intelligence services.",
            "The report said the State Department ordered 35 Russian diplomats to leave within 72 hours.",
        ],
    );
    assert!(has(&ev, 1, "USA", "RUS", "161"), "{:?}", facts(&ev));
    // a third party reporting what another side will do, or a call for an act, reports no act
    let ev = code(
        Lang::Zh,
        "2008-08-17",
        &[
            "8月16日，俄罗斯与格鲁吉亚签署停火协议。",
            "法国说，俄军将从星期一开始从格鲁吉亚撤军。",
            "美国国务卿说，她呼吁俄罗斯立即从格鲁吉亚撤军。",
        ],
    );
    for s in [1, 2] {
        assert!(
            !facts(&ev)
                .iter()
                .any(|f| f.0 == s && f.3.starts_with("087")),
            "{:?}",
            facts(&ev)
        );
    }
}

#[test]
fn sanctions_a_party_responds_to_are_not_its_own() {
    let docs: [(Lang, [&str; 2]); 2] = [
        (
            Lang::En,
            [
                "The United States imposed new sanctions on Russia on Monday.",
                "Russia will respond to the sanctions, Peskov said.",
            ],
        ),
        (
            Lang::Ru,
            [
                "США в понедельник ввели новые санкции против России.",
                "Песков заявил, что Россия ответит на санкции.",
            ],
        ),
    ];
    for (lang, doc) in docs {
        let ev = code(lang, "2024-03-06", &doc);
        assert!(
            has(&ev, 1, "RUS", "USA", "13"),
            "{lang:?}: {:?}",
            facts(&ev)
        );
        assert!(
            !has(&ev, 1, "RUS", "USA", "16"),
            "{lang:?}: {:?}",
            facts(&ev)
        );
    }
}

#[test]
fn an_office_named_without_its_state_is_the_other_main_partys() {
    let docs: [(Lang, [&str; 2], &str, &str); 4] = [
        (
            Lang::En,
            [
                "The United States and Russia traded accusations on Monday.",
                "Congress passed new sanctions against Russia.",
            ],
            "USA",
            "RUS",
        ),
        (
            Lang::En,
            [
                "The United States and Russia traded accusations on Monday.",
                "The Foreign Ministry condemned the United States.",
            ],
            "RUS",
            "USA",
        ),
        (
            Lang::Ru,
            [
                "Россия и США обменялись обвинениями.",
                "МИД осудил новые санкции США.",
            ],
            "RUS",
            "USA",
        ),
        (
            Lang::Zh,
            ["美俄两国周一互相指责。", "外交部谴责美国的新制裁。"],
            "RUS",
            "USA",
        ),
    ];
    for (lang, doc, source, target) in docs {
        let ev = code(lang, "2024-03-06", &doc);
        let second: Vec<_> = facts(&ev).into_iter().filter(|f| f.0 == 1).collect();
        assert!(
            !second.is_empty() && second.iter().all(|f| f.1 == source && f.2 == target),
            "{lang:?}: {second:?}"
        );
    }
    // a third party named after the cue leaves the office's state open, and the party a speech
    // act addresses is not its speaker
    let ev = code(
        Lang::En,
        "2024-03-06",
        &[
            "The United States and Russia traded accusations on Monday.",
            "The Foreign Ministry condemned Israel.",
        ],
    );
    assert!(
        !facts(&ev)
            .iter()
            .any(|f| f.0 == 1 && (f.1 == "ISR" || f.2 == "ISR")),
        "{:?}",
        facts(&ev)
    );
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
fn an_undated_expulsion_between_named_parties_is_the_documents_and_a_comma_lists_nothing_in_chinese(
) {
    // the running date (a year three sentences back) does not reach it; both parties are named
    let ev = code_paragraphs(
        Lang::En,
        "2018-03-27",
        &[
            ("Relations have been strained since 2014.", 1),
            ("The United States expelled 48 Russian diplomats on Monday.", 2),
            (
                "Separately, the U.S. began expelling 12 operatives from the Russian Mission to the United Nations.",
                3,
            ),
        ],
    );
    assert!(has(&ev, 2, "USA", "RUS", "161"), "{:?}", facts(&ev));
    // 知会俄罗斯总统普京，美国决定退出……: the comma ends a clause, Putin is not a subject of 退出
    let ev = code_paragraphs(
        Lang::Zh,
        "2001-12-14",
        &[
            ("美俄两国关系在1990年代有所改善。", 1),
            (
                "布什较早时已正式知会俄罗斯总统普京,美国决定退出1972年签署的反弹道导弹条约。",
                2,
            ),
        ],
    );
    assert!(has(&ev, 1, "USA", "RUS", "160"), "{:?}", facts(&ev));
    assert!(!has(&ev, 1, "RUS", "USA", "160"), "{:?}", facts(&ev));
}

#[test]
fn a_role_word_alone_is_the_person_last_named_in_that_position() {
    // the president of the second sentence is Turkey's, named in the first, not the office of
    // one of the document's other parties
    for (lang, doc) in [
        (
            Lang::En,
            [
                "Turkish President Recep Tayyip Erdogan arrived in Moscow on Monday.",
                "Russia and Ukraine exchanged prisoners of war on Sunday.",
                "The president condemned Ukraine for the drone attack.",
            ],
        ),
        (
            Lang::Zh,
            [
                "土耳其总统埃尔多安周一抵达莫斯科。",
                "俄罗斯和乌克兰周日交换战俘。",
                "总统谴责乌克兰发动无人机袭击。",
            ],
        ),
    ] {
        let ev = code(lang, "2024-05-07", &doc);
        // the explanation says whom the role word was read as
        let why = ev
            .iter()
            .find(|e| e.sentence == 2 && e.event.source.code == "TUR")
            .map(|e| e.event.explain.as_str())
            .unwrap_or_default();
        assert!(
            why.contains("(sentence 1), the last person named as president"),
            "{why}"
        );
        assert!(
            has(&ev, 2, "TUR", "UKR", "111"),
            "{lang:?} {:?}",
            facts(&ev)
        );
        assert!(
            !facts(&ev).iter().any(|(i, a, _, _)| *i == 2 && a == "RUS"),
            "{lang:?} {:?}",
            facts(&ev)
        );
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
fn an_object_marked_before_a_one_sided_act_is_its_target_not_its_subject() {
    // 将 + a count + an actor marks the object (not the future), and the partners after 与 are
    // not the subject either: the leaders' decision cuts Russian banks off, USA → RUS
    let ev = code(
        Lang::Zh,
        "2022-02-27",
        &["2022年2月26日，美国与英国、法国的领导人决定，将部分俄罗斯银行从SWIFT中剔除。"],
    );
    assert!(has(&ev, 0, "USA", "RUS", "163"), "{:?}", facts(&ev));
    assert!(
        !facts(&ev)
            .iter()
            .any(|(_, a, _, _)| a == "RUS" || a == "GBR"),
        "{:?}",
        facts(&ev)
    );
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
    // Canada's minister said we will expel Mexican diplomats: Canada's act, toward Mexico, with
    // the cue's modality (a plan said, not yet done)
    for (lang, text) in [
        (
            Lang::En,
            "On 3 March 2016, Canadian Foreign Minister Stephane Dion said we will expel five Mexican diplomats.",
        ),
        (
            Lang::Zh,
            "2016年3月3日，加拿大外长迪翁表示，我们将驱逐5名墨西哥外交官。",
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
                && e.event.hypothetical
                && (lang == Lang::En || e.event.explain.contains("first-person"))),
            "{text}: {:?}",
            ev.iter()
                .map(|e| (&e.event.source.code, &e.event.target.code, &e.event.cameo))
                .collect::<Vec<_>>()
        );
    }
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
