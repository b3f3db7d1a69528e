//! Golden snapshot of the explain trace for five sentences (tests-data/coder/explain-golden.txt).
//! A changed trace fails the test with a diff; `DYAD_BLESS=1 cargo test -p dyad-coder --test
//! explain_golden` rewrites the file from the current coder (review the diff before keeping it).

use dyad_coder::{Coder, DateContext, Dictionaries, SentenceInput};
use dyad_model::Lang;
use std::path::Path;

/// `(lang, document date, sentence)`: one document each.
const SENTENCES: [(&str, &str, &str); 5] = [
    ("zh", "2025-05-01", "2025年2月12日，特朗普与普京通电话。"),
    (
        "zh",
        "2021-05-01",
        "2021年2月25日，拜登在与沙特国王萨勒曼通电话时说，美国重视人权与法治，要把“美国和沙特的关系放到新的基础上”。",
    ),
    (
        "zh",
        "-",
        "当地时间8月15日，美国总统特朗普和俄罗斯总统普京在美国阿拉斯加州安克雷奇的一座联合军事基地举行会晤，讨论了乌克兰问题和俄美关系等议题。",
    ),
    (
        "en",
        "2025-09-01",
        "Trump and Putin did not reach an agreement on Ukraine on August 15, 2025.",
    ),
    (
        "ru",
        "2025-11-01",
        "18 февраля 2025 года Лавров встретился с Рубио в Эр-Рияде.",
    ),
];

fn render(coder: &Coder) -> String {
    let mut out = String::from(
        "# explain traces of five sentences (crates/dyad-coder/tests/explain_golden.rs); DYAD_BLESS=1 rewrites\n",
    );
    for (lang, doc, text) in SENTENCES {
        out.push_str(&format!("\n## {lang}\t{doc}\t{text}\n"));
        let mut ctx = DateContext::new(doc.parse().ok());
        let s = SentenceInput {
            lang: Lang::parse(lang).unwrap_or(Lang::Other),
            text,
        };
        for e in coder.code(&s, &mut ctx) {
            out.push_str(&format!(
                "{} {}→{} {}{}{}\n  {}\n",
                e.date,
                e.source.code,
                e.target.code,
                e.cameo,
                if e.negated { " negated" } else { "" },
                if e.hypothetical { " hypothetical" } else { "" },
                e.explain
            ));
        }
    }
    out
}

#[test]
fn explain_traces_match_the_golden_file() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests-data/coder/explain-golden.txt");
    let coder = Coder::new(&Dictionaries::builtin().unwrap()).unwrap();
    let got = render(&coder);
    if std::env::var("DYAD_BLESS").is_ok_and(|v| v == "1") {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    if got != want {
        let diff: Vec<String> = want
            .lines()
            .zip(got.lines())
            .filter(|(a, b)| a != b)
            .take(6)
            .map(|(a, b)| format!("- {a}\n+ {b}"))
            .collect();
        panic!(
            "explain traces changed (DYAD_BLESS=1 to accept; {} vs {} lines):\n{}",
            want.lines().count(),
            got.lines().count(),
            diff.join("\n")
        );
    }
}
