//! The stance model learns from the labelled sentences shipped in `dictionaries/stance/` and
//! generalises to sentences it was not trained on.

use dyad_coder::stance::{cross_validate, Stance, StanceExample};
use dyad_coder::{Coder, Dictionaries};
use dyad_model::Lang;

#[test]
fn held_out_sentences_of_every_language_are_classified_well() {
    let dict = Dictionaries::builtin().unwrap();
    let coder = Coder::new(&dict).unwrap();
    for lang in ["zh", "en", "ru"] {
        let examples: Vec<StanceExample> = dict
            .stance
            .iter()
            .filter(|e| e.lang == lang)
            .cloned()
            .collect();
        assert!(
            examples.len() >= 1000,
            "{lang}: {} examples",
            examples.len()
        );
        for s in Stance::ALL {
            assert!(
                examples.iter().filter(|e| e.stance == s).count() >= 200,
                "{lang}: too few {s}"
            );
        }
        let (right, total) = cross_validate(&examples, 5, &|l, t| coder.fold(l, t));
        let accuracy = right as f64 / total as f64;
        eprintln!("stance model, {lang}: 5-fold accuracy {accuracy:.3} over {total}");
        assert!(accuracy >= 0.75, "{lang}: 5-fold accuracy {accuracy:.3}");
    }
}

#[test]
fn the_coder_scores_sentences_of_its_languages_in_both_chinese_scripts() {
    let dict = Dictionaries::builtin().unwrap();
    let coder = Coder::new(&dict).unwrap();
    // sentences written for this test, not in the training files
    let best = |lang, t: &str| coder.stance(lang, t).unwrap().best().0;
    assert_eq!(
        best(
            Lang::En,
            "The ministry urged Pakistan to release the detained fishermen at once."
        ),
        Stance::Demand
    );
    assert_eq!(
        best(
            Lang::Zh,
            "该国外交部强烈谴责邻国的导弹试射，称其严重违反联合国决议。"
        ),
        Stance::Neg
    );
    assert_eq!(
        best(
            Lang::Zh,
            "該國外交部強烈譴責鄰國的導彈試射，稱其嚴重違反聯合國決議。"
        ),
        Stance::Neg
    );
    assert_eq!(
        best(
            Lang::Ru,
            "Министр поблагодарил Казахстан за помощь в организации переговоров."
        ),
        Stance::Pos
    );
    assert!(coder.stance(Lang::Other, "anything at all").is_none());
}
