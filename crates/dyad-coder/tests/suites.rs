//! The coder's two suites (engine over a fictional dictionary, coverage over real sentences),
//! the dictionaries' own checks, and robustness on arbitrary input.

#[path = "../../../tests-data/opt_in.rs"]
mod opt_in;

use dyad_coder::eval::{self, Report};
use dyad_coder::{Coder, DateContext, Dictionaries, SentenceInput};
use dyad_model::Lang;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `(relative path, text)` of every `.tsv` under `dir`.
fn read_tree(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                // dictionaries/import/ belongs to dyad-import, not to the coder's dictionaries
                if p.file_name().is_some_and(|n| n == "import") {
                    continue;
                }
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "tsv") {
                let rel = p
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((rel, std::fs::read_to_string(&p).unwrap()));
            }
        }
    }
    out
}

fn as_refs(files: &[(String, String)]) -> Vec<(&str, &str)> {
    files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect()
}

/// The repository's dictionaries with `file` edited by `edit` (its text in, the new text out).
fn load_edited(
    file: &str,
    edit: impl Fn(&str) -> String,
) -> Result<Dictionaries, dyad_coder::DictError> {
    let base = read_tree(&root().join("dictionaries"));
    let changed = base
        .iter()
        .find(|(p, _)| p == file)
        .map(|(_, t)| edit(t))
        .unwrap();
    let mut files: Vec<(&str, &str)> = as_refs(&base)
        .into_iter()
        .filter(|(p, _)| *p != file)
        .collect();
    files.push((file, &changed));
    Dictionaries::load(&files)
}

fn suite(name: &str) -> Vec<eval::SuiteRecord> {
    let p = root().join("tests-data/coder").join(name);
    eval::parse_suite(name, &std::fs::read_to_string(&p).unwrap()).unwrap()
}

fn floors(name: &str, rep: &Report) {
    let f = std::fs::read_to_string(root().join("tests-data/coder/floors.tsv")).unwrap();
    let below = eval::check_floors(name, rep, &f);
    assert!(
        below.is_empty(),
        "{}\n{}\n{}",
        rep.table(),
        below.join("\n"),
        rep.diffs.join("\n")
    );
}

#[test]
fn builtin_dictionaries_load_and_pass_their_checks() {
    let from_disk = read_tree(&root().join("dictionaries"));
    let d = Dictionaries::load(&as_refs(&from_disk)).unwrap();
    let problems = d.check();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // the embedded copy is the same set of files
    let embedded = Dictionaries::builtin().unwrap();
    assert_eq!(embedded.actions.len(), d.actions.len());
    assert_eq!(embedded.actors.len(), d.actors.len());
    assert_eq!(
        from_disk.len(),
        dyad_coder::embedded::FILES.len(),
        "a dictionary file is not embedded (src/embedded.rs)"
    );
}

#[test]
fn a_role_word_that_is_also_a_metonym_is_reported() {
    // `state department` as a role word would hide the metonym State Department → USA (the role
    // word alone names no state): the check compares patterns after case folding
    let problems = load_edited("grammar/en.tsv", |t| {
        format!("{t}agent\tstate department\tGOV\n")
    })
    .unwrap()
    .check();
    assert!(
        problems.iter().any(|p| p.contains("`state department`")),
        "{problems:?}"
    );
}

#[test]
fn a_role_words_position_must_be_known_and_only_on_a_role_word() {
    let with = |extra: &str| -> String {
        match load_edited("grammar/en.tsv", |t| format!("{t}{extra}")) {
            Ok(_) => "ok".into(),
            Err(e) => e.to_string(),
        }
    };
    assert_eq!(with("agent\tgrand vizier\tGOV\tprime-minister\n"), "ok");
    let e = with("agent\tgrand vizier\tGOV\tvizier\n");
    assert!(e.contains("unknown position `vizier`"), "{e}");
    let e = with("with\talongside\t-\tpresident\n");
    assert!(e.contains("only an agent"), "{e}");
    // a grammar file written before the column still loads
    let old = load_edited("grammar/en.tsv", |t| {
        t.replace("kind\tcue\tvalue\tposition", "kind\tcue\tvalue")
            .lines()
            .map(|l| {
                let f: Vec<&str> = l.split('\t').collect();
                if f.len() == 4 {
                    f[..3].join("\t")
                } else {
                    l.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    });
    assert!(old.is_ok());
}

#[test]
fn load_errors_name_file_and_line() {
    let base = read_tree(&root().join("dictionaries"));
    let mut files = as_refs(&base);
    let bad = "# x\npattern\tcameo\tframe\tflags\n通电话\t041\tsideways\t-\n";
    files.push(("actions/xx.tsv", bad));
    let e = Dictionaries::load(&files).unwrap_err();
    assert_eq!(
        e.to_string(),
        "actions/xx.tsv:3: frame `sideways` is not dir, sym or meet"
    );
    let mut files = as_refs(&base);
    files.push(("verbs/zh.tsv", "x"));
    assert!(Dictionaries::load(&files)
        .unwrap_err()
        .to_string()
        .contains("unknown dictionary file"));
}

#[test]
fn a_succession_names_two_known_states_and_a_day() {
    let with = |line: &str| -> String {
        match load_edited("actors/successions.tsv", |t| format!("{t}{line}\n")) {
            Ok(d) => d.check().join("\n"),
            Err(e) => e.to_string(),
        }
    };
    assert_eq!(with("YUG\t2006-06-02\tSRB"), "");
    let e = with("YUG\t2006\tSRB");
    assert!(e.contains("until `2006` is not a day"), "{e}");
    let e = with("YUG\t2006-06-02\tYUG");
    assert!(e.contains("two different three-letter codes"), "{e}");
    let e = with("XYZ\t2006-06-02\tSRB");
    assert!(
        e.contains("`XYZ` is not a state of actors/states.tsv"),
        "{e}"
    );
}

#[test]
fn engine_suite_over_the_fictional_dictionary() {
    let coder = fictional_coder();
    let rep = eval::evaluate(&coder, &suite("engine.jsonl"));
    floors("engine", &rep);
}

fn fictional_coder() -> Coder {
    let mut files = read_tree(&root().join("tests-data/coder/fictional"));
    files.push((
        "cameo.tsv".into(),
        std::fs::read_to_string(root().join("dictionaries/cameo.tsv")).unwrap(),
    ));
    Coder::new(&Dictionaries::load(&as_refs(&files)).unwrap()).unwrap()
}

#[test]
fn negated_and_hypothetical_events_never_count_as_factual() {
    let coder = fictional_coder();
    let rec = |text: &str, ev: &str| {
        let line = format!(
            r#"{{"id":"x","script":"en","lang":"en","document_date":"1419-06-01","category":"c","reason":"r","text":"{text}","events":[{ev}]}}"#
        );
        eval::parse_suite("x", &line).unwrap()
    };
    let factual = r#"{"date":"1419-06-01","source":"GON","target":"MOR","cameo":"163"}"#;
    // the coder finds a negated (a hypothetical) sanction: a gold factual sanction is not matched …
    for text in [
        "Gondor did not sanction Mordor.",
        "If Mordor attacks, Gondor will sanction Mordor.",
    ] {
        let rep = eval::evaluate(&coder, &rec(text, factual));
        let e = rep.overall.events;
        assert_eq!(
            (e.tp, e.fp, e.fn_),
            (0, 0, 1),
            "{text}\n{}",
            rep.diffs.join("\n")
        );
        assert_eq!(rep.overall.dates.matched, 0, "{text}");
    }
    // … and a gold negated (hypothetical) sanction is no factual event the coder's factual one matches
    for flag in ["negated", "hypothetical"] {
        let gold = factual.replace('}', &format!(r#","{flag}":true}}"#));
        let rep = eval::evaluate(&coder, &rec("Gondor sanctioned Mordor.", &gold));
        let e = rep.overall.events;
        assert_eq!((e.tp, e.fp, e.fn_), (0, 1, 0), "{flag}");
    }
    // the date is scored at the annotated precision: a day is wrong where a month is annotated
    let month = factual.replace("1419-06-01", "1419-06");
    let rep = eval::evaluate(&coder, &rec("Gondor sanctioned Mordor.", &month));
    assert_eq!((rep.overall.dates.matched, rep.overall.dates.right), (1, 0));
    assert!(rep.table().contains("date acc"));
    let floors = "coverage\tall\tdate-accuracy\t0.9\n";
    assert_eq!(eval::check_floors("coverage", &rep, floors).len(), 1);
}

#[test]
fn coverage_suite_meets_its_floors() {
    let coder = Coder::new(&Dictionaries::builtin().unwrap()).unwrap();
    let records = suite("coverage.jsonl");
    // every record is under the floors, the ones the coder gets wrong too (at least 400
    // sentences in the four scripts)
    assert!(records.len() >= 500, "{}", records.len());
    let rep = eval::evaluate(&coder, &records);
    if std::env::var_os("DYAD_SHOW_DIFFS").is_some() {
        eprintln!("{}\n{}", rep.table(), rep.diffs.join("\n"));
    }
    for script in ["zh-Hans", "zh-Hant", "en", "ru"] {
        assert!(rep.per_script.contains_key(script), "{script}");
    }
    floors("coverage", &rep);
}

#[test]
fn the_issue_example_and_its_explain_trace() {
    let coder = Coder::new(&Dictionaries::builtin().unwrap()).unwrap();
    let mut ctx = DateContext::new(Some("2025-05-01".parse().unwrap()));
    let s = SentenceInput {
        lang: Lang::Zh,
        text: "2025年2月12日，特朗普与普京通电话。",
    };
    let ev = coder.code(&s, &mut ctx);
    assert_eq!(ev.len(), 2);
    let e = &ev[0];
    assert_eq!(
        (
            e.source.code.as_str(),
            e.target.code.as_str(),
            e.cameo.as_str()
        ),
        ("USA", "RUS", "041")
    );
    assert_eq!(e.date.to_string(), "2025-02-12");
    assert_eq!((e.quad_class, e.plover.as_str()), (1, "CONSULT"));
    assert_eq!(e.source.position.as_deref(), Some("president"));
    assert_eq!(e.source.role, "GOV");
    assert_eq!(e.span, (17, 20));
    assert!(e.explain.contains("actions/zh.tsv:"), "{}", e.explain);
    assert!(e.explain.contains("actors/people.tsv:"), "{}", e.explain);
    // a 2025 paper narrating 1994 dates its 1994 events in 1994, and carries the year on
    let mut ctx = DateContext::new(Some("2025-05-01".parse().unwrap()));
    let a = coder.code(
        &SentenceInput {
            lang: Lang::Zh,
            text: "1994年1月，克林顿访问莫斯科。",
        },
        &mut ctx,
    );
    assert_eq!(a[0].date.to_string(), "1994-01");
    let b = coder.code(
        &SentenceInput {
            lang: Lang::Zh,
            text: "同年12月，美俄签署协议。",
        },
        &mut ctx,
    );
    assert_eq!(b[0].date.to_string(), "1994-12");
}

#[test]
fn dated_roles_follow_the_event_date() {
    let coder = Coder::new(&Dictionaries::builtin().unwrap()).unwrap();
    let role = |text: &str| {
        let mut ctx = DateContext::new(None);
        let ev = coder.code(
            &SentenceInput {
                lang: Lang::Zh,
                text,
            },
            &mut ctx,
        );
        ev.iter()
            .find(|e| e.source.code == "RUS")
            .and_then(|e| e.source.position.clone())
    };
    assert_eq!(
        role("2009年5月1日，普京会见了美国国务卿希拉里。").as_deref(),
        Some("prime-minister")
    );
    assert_eq!(
        role("2015年5月1日，普京会见了美国国务卿克里。").as_deref(),
        Some("president")
    );
}

#[test]
fn never_panics_on_odd_input() {
    let coder = Coder::new(&Dictionaries::builtin().unwrap()).unwrap();
    let odd = [
        "",
        " ",
        "。",
        "2025年13月45日",
        "9999999999999999999999年",
        "年月日",
        "İSTANBUL İİİ",
        "ß ẞ ﬁ",
        "美",
        "美俄",
        "双方",
        "стороны",
        "15.13.2025",
        "2025-02-30",
        "в 99999 году",
        "\u{0}\u{200b}",
        "同年次年当天去年",
        "that year the next day",
        "🙂🙂 Trump 🙂 Putin 🙂 met",
    ];
    for lang in [Lang::Zh, Lang::En, Lang::Ru, Lang::Other] {
        let mut ctx = DateContext::new(None);
        for t in odd {
            let _ = coder.code(&SentenceInput { lang, text: t }, &mut ctx);
        }
    }
    // every sentence of the document fixtures, in the Chinese and the alphabetic analyzer
    let fixtures = root().join("tests-data/documents");
    let n = code_every_sentence(&coder, &fixtures);
    assert!(n > 50, "only {n} sentences in {}", fixtures.display());
}

/// Codes every sentence-like piece of every UTF-8 file in `dir` with the Chinese and the English
/// analyzer, one running date context per file; returns the number of pieces.
fn code_every_sentence(coder: &Coder, dir: &Path) -> usize {
    let mut n = 0;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue; // the encoded copies and the PDF
        };
        let mut ctx = DateContext::new(Some("2025-08-20".parse().unwrap()));
        for s in text.split(['。', '\n']) {
            n += 1;
            for lang in [Lang::Zh, Lang::En] {
                let _ = coder.code(&SentenceInput { lang, text: s }, &mut ctx);
            }
        }
    }
    n
}

/// The same robustness over every sentence of the real seed documents.
#[test]
fn opt_in_never_panics_on_the_seed_documents() {
    let Some(seeds) = opt_in::suite("dyad-coder tests/suites.rs, the seed documents", "seeds")
    else {
        return;
    };
    let coder = Coder::new(&Dictionaries::builtin().unwrap()).unwrap();
    let n = code_every_sentence(&coder, &seeds);
    assert!(n > 1000, "only {n} sentences in {}", seeds.display());
}

#[test]
fn russian_yo_reads_as_ye() {
    // ё is optional in Russian print: освобождён in a text and освобожден in a dictionary meet
    let coder = Coder::new(&Dictionaries::builtin().unwrap()).unwrap();
    assert_eq!(
        coder.fold("ru", "Пётр освобождён"),
        coder.fold("ru", "Петр освобожден")
    );
    // the passive cue written with е is found in a sentence written with ё
    let (_, facts) = coder.analyze(
        &SentenceInput {
            lang: Lang::Ru,
            text: "Американец был освобождён из тюрьмы.",
        },
        &mut DateContext::new(Some("2025-02-12".parse().unwrap())),
    );
    assert!(
        facts.cues.iter().any(|c| c.cameo == "0841"),
        "{:?}",
        facts.cues
    );
}

#[test]
fn russian_names_are_read_in_their_other_cases() {
    // grammar/ru.tsv `declension`: Зеленский → Зеленским, Захарова → Захаровой
    let coder = Coder::new(&Dictionaries::builtin().unwrap()).unwrap();
    for (text, target) in [
        ("Рубио 10 июля 2025 года встретился с Зеленским.", "UKR"),
        ("Блинкен 10 июля 2023 года раскритиковал Захарову.", "RUS"),
    ] {
        let ev = coder.code(
            &SentenceInput {
                lang: Lang::Ru,
                text,
            },
            &mut DateContext::new(Some("2025-08-01".parse().unwrap())),
        );
        assert!(
            ev.iter()
                .any(|e| e.source.code == "USA" && e.target.code == target),
            "{text}: {ev:?}"
        );
    }
    // a declension without its other endings is refused
    let e = load_edited("grammar/ru.tsv", |t| format!("{t}declension\tский\t-\n"))
        .unwrap_err()
        .to_string();
    assert!(e.contains("a declension needs its other endings"), "{e}");
}

#[test]
fn a_pair_open_words_value_is_checked() {
    // grammar kind `pair-open`: - or definite
    let e = load_edited("grammar/en.tsv", |t| {
        format!("{t}pair-open\tthose two\tmaybe\n")
    })
    .unwrap_err()
    .to_string();
    assert!(
        e.contains("a pair-open word's value is - or definite"),
        "{e}"
    );
    assert!(load_edited("grammar/en.tsv", |t| format!(
        "{t}pair-open\tthose two\tdefinite\n"
    ))
    .is_ok());
}

#[test]
fn a_party_short_forms_value_is_checked() {
    // grammar kind `party-short`: the characters the form and the names it stands for open with
    for bad in [
        "party-short\t巴方\t-\n",
        "party-short\t巴方\t阿\n",
        "party-short\t巴国\t巴\n",
    ] {
        let e = load_edited("grammar/zh.tsv", |t| format!("{t}{bad}"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("a party-short form needs"), "{e}");
    }
}
