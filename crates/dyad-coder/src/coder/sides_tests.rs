//! Tests of reading a cue's sides (`sides.rs`).

use super::super::testing::{codes, cue, day, first_sides, prepare, with_sentence};
use super::*;

#[test]
fn a_to_word_before_the_cue_names_its_target_and_and_joins_subjects() {
    with_sentence(
        Lang::Zh,
        "美国和欧盟对俄罗斯实施制裁。",
        |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (_, sides) = first_sides(coder, s, &ctx);
            assert_eq!(codes(coder, &sides.subj), vec!["USA", "EU"]);
            assert_eq!(codes(coder, &sides.tgt), vec!["RUS"]);
            assert!(sides.obj.is_empty() && sides.partner.is_empty() && sides.agent.is_empty());
            assert!(!sides.inherited && !sides.topic);
        },
    );
}

#[test]
fn an_instrumental_after_a_short_passive_is_the_agent_and_a_two_sided_acts_agents_its_parties() {
    let ctx = DateContext::new(Some(day("2021-03-20")));
    with_sentence(
        Lang::Ru,
        "Российские дипломаты были высланы Польшей.",
        |coder, s| {
            let (_, sides) = first_sides(coder, s, &ctx);
            assert_eq!(codes(coder, &sides.subj), vec!["RUS"]);
            assert_eq!(codes(coder, &sides.agent), vec!["POL"]);
        },
    );
    with_sentence(
        Lang::En,
        "The treaty was signed by Russia and Kazakhstan.",
        |coder, s| {
            // (the first cue is `treaty`; the second, `signed`, is read here)
            let (base, acts, _) = prepare(coder, s, &ctx);
            let c = cue(coder, s, &acts, 1);
            let sides = coder.read_sides(s, &acts, &c, &[], base.as_ref());
            assert!(sides.agent.is_empty());
            assert_eq!(codes(coder, &sides.obj), vec!["RUS", "KAZ"]);
        },
    );
}

#[test]
fn a_passive_marker_names_the_agent() {
    with_sentence(
        Lang::Zh,
        "美国外交官被俄罗斯驱逐。",
        |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (_, sides) = first_sides(coder, s, &ctx);
            assert_eq!(codes(coder, &sides.subj), vec!["USA"]);
            assert_eq!(codes(coder, &sides.agent), vec!["RUS"]);
        },
    );
}

#[test]
fn the_object_comes_after_the_cue() {
    with_sentence(
        Lang::En,
        "Russia criticized the United States.",
        |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (_, sides) = first_sides(coder, s, &ctx);
            assert_eq!(codes(coder, &sides.subj), vec!["RUS"]);
            assert_eq!(codes(coder, &sides.obj), vec!["USA"]);
        },
    );
}

#[test]
fn a_cue_without_a_subject_shares_the_previous_cues() {
    let text = "Russia criticized the United States and expelled ten American diplomats.";
    with_sentence(Lang::En, text, |coder, s| {
        let ctx = DateContext::new(Some(day("2021-03-20")));
        let (base, acts, _) = prepare(coder, s, &ctx);
        let first = cue(coder, s, &acts, 0);
        let sides = coder.read_sides(s, &acts, &first, &[], base.as_ref());
        let mut memory = CueMemory {
            prev_sources: sides.subj.clone(),
            ..CueMemory::default()
        };
        // the first cue's object is taken: not the second's subject
        memory.consumed.extend(sides.obj.iter().map(|p| p.start));
        let second = cue(coder, s, &acts, 1);
        let mut sides = coder.read_sides(s, &acts, &second, &memory.consumed, base.as_ref());
        assert!(sides.subj.is_empty());
        coder.borrow_subject(s, &acts, &second, &mut sides, &mut memory);
        assert!(sides.inherited);
        assert_eq!(codes(coder, &sides.subj), vec!["RUS"]);
        assert_eq!(codes(coder, &sides.obj), vec!["USA"]);
    });
}

#[test]
fn the_object_of_a_welcome_is_the_subject_of_the_verb_after_it() {
    with_sentence(
        Lang::Zh,
        "中国欢迎美国和俄罗斯签署新条约。",
        |coder, s| {
            let ctx = DateContext::new(Some(day("2021-03-20")));
            let (base, acts, _) = prepare(coder, s, &ctx);
            let mut memory = CueMemory::default();
            let welcome = cue(coder, s, &acts, 0);
            let mut sides = coder.read_sides(s, &acts, &welcome, &[], base.as_ref());
            coder.borrow_subject(s, &acts, &welcome, &mut sides, &mut memory);
            assert_eq!(codes(coder, &sides.subj), vec!["CHN"]);
            assert_eq!(codes(coder, &sides.obj), vec!["USA"]);
            assert_eq!(codes(coder, &sides.partner), vec!["RUS"]);
            let Some((k, objs, _, _)) = &memory.pivot else {
                panic!("a welcome passes its object on")
            };
            assert_eq!(
                (*k, codes(coder, objs)),
                (welcome.k, vec!["USA".to_string()])
            );
            // the welcome's object is taken: not the signing's subject by position
            memory.consumed.extend(sides.obj.iter().map(|p| p.start));
            let signing = cue(coder, s, &acts, 1);
            let mut sides = coder.read_sides(s, &acts, &signing, &memory.consumed, base.as_ref());
            assert!(sides.subj.is_empty());
            assert_eq!(codes(coder, &sides.partner), vec!["RUS"]);
            coder.borrow_subject(s, &acts, &signing, &mut sides, &mut memory);
            assert_eq!(codes(coder, &sides.subj), vec!["USA"]);
            assert!(!sides.inherited && memory.pivot.is_none());
        },
    );
}

/// Reads both cues of a two-cue sentence the way `assemble` does: the second cue's sides
/// after the first cue has left its memory.
fn second_sides(coder: &Coder, s: &Sentence, paired: bool) -> Sides {
    let ctx = DateContext::new(Some(day("2022-03-01")));
    let (base, acts, _) = prepare(coder, s, &ctx);
    let mut memory = CueMemory::default();
    let first = cue(coder, s, &acts, 0);
    let mut sides = coder.read_sides(s, &acts, &first, &[], base.as_ref());
    coder.borrow_subject(s, &acts, &first, &mut sides, &mut memory);
    if paired {
        memory.consumed.extend(sides.obj.iter().map(|p| p.start));
        memory.prev_sources = sides.subj.clone();
        memory.prev_subject = sides.subj.clone();
    } else {
        memory.after_unpaired(&sides, false);
    }
    let second = cue(coder, s, &acts, 1);
    let mut sides = coder.read_sides(s, &acts, &second, &memory.consumed, base.as_ref());
    coder.borrow_subject(s, &acts, &second, &mut sides, &mut memory);
    sides
}

#[test]
fn the_object_of_a_criticism_is_the_subject_of_the_act_it_judges_which_is_alleged() {
    for (lang, text) in [
        (Lang::En, "Canada condemned Mexico for invading Belize."),
        (Lang::Zh, "加拿大批评墨西哥轰炸伯利兹。"),
        (Lang::Ru, "Канада обвинила Мексику во вторжении в Белиз."),
    ] {
        with_sentence(lang, text, |coder, s| {
            let sides = second_sides(coder, s, true);
            assert_eq!(codes(coder, &sides.subj), vec!["MEX"], "{text}");
            assert!(sides.alleged && !sides.inherited, "{text}");
        });
    }
    // a welcome passes its object on too, but what it welcomes is no allegation
    with_sentence(
        Lang::Zh,
        "加拿大欢迎墨西哥撤出伯利兹。",
        |coder, s| {
            let sides = second_sides(coder, s, true);
            assert_eq!(codes(coder, &sides.subj), vec!["MEX"]);
            assert!(!sides.alleged);
        },
    );
}

#[test]
fn an_act_noun_names_its_own_agent_before_its_target() {
    // Канада осудила нападение Мексики на Белиз: Mexico attacks Belize (judged), not Canada
    with_sentence(
        Lang::Ru,
        "Канада осудила нападение Мексики на Белиз.",
        |coder, s| {
            let sides = second_sides(coder, s, false);
            assert_eq!(codes(coder, &sides.subj), vec!["MEX"]);
            assert_eq!(codes(coder, &sides.obj), vec!["BLZ"]);
            assert!(sides.own_agent && sides.alleged && !sides.inherited);
        },
    );
}

#[test]
fn an_act_noun_with_nothing_before_it_names_its_own_agent_before_its_target() {
    // Новые санкции были введены США против Мексики: the US's act, Mexico its target (США
    // does not decline: no instrumental marks it as the passive's agent)
    with_sentence(
        Lang::Ru,
        "Новые санкции были введены США против Мексики.",
        |coder, s| {
            let ctx = DateContext::new(Some(day("2022-03-01")));
            let (base, acts, _) = prepare(coder, s, &ctx);
            let first = cue(coder, s, &acts, 0);
            let mut sides = coder.read_sides(s, &acts, &first, &[], base.as_ref());
            coder.borrow_subject(s, &acts, &first, &mut sides, &mut CueMemory::default());
            assert_eq!(codes(coder, &sides.subj), vec!["USA"]);
            assert_eq!(codes(coder, &sides.obj), vec!["MEX"]);
            assert!(sides.own_agent && !sides.alleged && !sides.inherited);
        },
    );
}

#[test]
fn a_cue_leaves_its_parties_to_the_next() {
    with_sentence(Lang::En, "Putin met Biden in Switzerland.", |coder, s| {
        let ctx = DateContext::new(Some(day("2021-03-20")));
        let (c, sides) = first_sides(coder, s, &ctx);
        let date = day("2021-03-20");
        let mut memory = CueMemory::default();
        let parties = coder.cue_parties(s, &c, &sides, &date, None, &mut memory);
        memory.after_paired(&sides, &parties, c.action, 3);
        assert_eq!(memory.last_cue_events, 3);
        // a symmetric act: all its parties go on, its subject alone as the subject
        assert_eq!(codes(coder, &memory.prev_sources), vec!["RUS", "USA"]);
        assert_eq!(codes(coder, &memory.prev_subject), vec!["RUS"]);
        let taken: Vec<usize> = sides.obj.iter().map(|p| p.start).collect();
        assert_eq!(memory.consumed, taken);
        assert_eq!(codes(coder, &memory.prev_objects), vec!["USA"]);
        // a cue without pairs passes on its own subject only
        let mut memory = CueMemory::default();
        memory.after_unpaired(&sides, false);
        assert_eq!(codes(coder, &memory.prev_sources), vec!["RUS"]);
        let mut memory = CueMemory::default();
        memory.after_unpaired(&sides, true);
        assert!(memory.prev_sources.is_empty());
    });
}
