//! `dyad ingest` and `dyad doc` as a user runs them: documents in every format and encoding,
//! bad inputs, stdin, and a kill at any moment.

use crate::common::*;
use serde_json::Value;

#[test]
fn documents_ingest_and_reingest_is_unchanged() {
    let h = Harness::new();
    // The documents alone in a folder (the fixtures folder also holds their generator).
    for name in DOCUMENTS {
        h.write(
            &format!("docs/{name}"),
            &std::fs::read(fixture(name)).unwrap(),
        );
    }
    let docs_dir = h.path("docs");
    let v = h.json(
        &["ingest", docs_dir.to_str().unwrap(), "--format", "json"],
        0,
    );
    let docs = documents(&v);
    assert_eq!(docs.len(), DOCUMENTS.len());
    let mut langs: Vec<&str> = Vec::new();
    for d in docs {
        assert_eq!(d["status"], "new", "{d}");
        assert!(d["sentences"].as_u64().unwrap() >= 3, "{d}");
        assert!(d["id"].as_str().unwrap().len() == 64);
        assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()), "{d}");
        langs.push(d["lang"].as_str().unwrap());
    }
    langs.sort();
    assert_eq!(langs, ["en", "en", "ru", "zh", "zh", "zh"]);
    let again = h.json(
        &["ingest", docs_dir.to_str().unwrap(), "--format", "json"],
        0,
    );
    assert!(documents(&again).iter().all(|d| d["status"] == "unchanged"));
    let list = h.json(&["docs", "--format", "json"], 0);
    assert_eq!(list.as_array().unwrap().len(), DOCUMENTS.len());
    // The committed copies in GB18030, Big5, Windows-1251 and UTF-16 are the same documents.
    let by_path = |v: &Value, name: &str| -> String {
        documents(v)
            .iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(name))
            .unwrap_or_else(|| panic!("{name} not in {v}"))["id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    for (copy, original) in [
        ("zh-news-columns.gb18030.txt", "zh-news-columns.txt"),
        ("zh-hant-wiki.big5.txt", "zh-hant-wiki.txt"),
        ("ru-news.cp1251.txt", "ru-news.txt"),
        ("en-notes.utf16le.txt", "en-notes.txt"),
    ] {
        let c = h.json(
            &[
                "ingest",
                fixture(copy).to_str().unwrap(),
                "--format",
                "json",
            ],
            0,
        );
        assert_eq!(documents(&c)[0]["status"], "unchanged", "{copy}");
        assert_eq!(by_path(&c, copy), by_path(&v, original), "{copy}");
    }
}

#[test]
fn doc_shows_sentences_with_original_and_normalised_text() {
    let h = Harness::new();
    let v = h.json(
        &[
            "ingest",
            fixture("zh-hant-wiki.txt").to_str().unwrap(),
            "--format",
            "json",
        ],
        0,
    );
    let id = documents(&v)[0]["id"].as_str().unwrap().to_string();
    let doc = h.json(&["doc", &id[..10], "--format", "json"], 0);
    assert_eq!(doc["id"], id.as_str());
    let sentences = doc["sentences"].as_array().unwrap();
    let s = sentences
        .iter()
        .find(|s| s["text"].as_str().unwrap().contains("峰會"))
        .expect("a sentence with traditional 峰會");
    assert!(s["normalized"].as_str().unwrap().contains("峰会"), "{s}");
    for key in ["id", "text", "normalized", "lang", "note"] {
        assert!(s.get(key).is_some(), "missing {key}");
    }
    let out = h.run(&["doc", "ffffffff"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no document matches"));
}

#[test]
fn other_encodings_of_a_document_are_the_same_document() {
    let h = Harness::new();
    let text = std::fs::read_to_string(fixture("zh-paper.txt")).unwrap();
    let (gb, _, bad) = encoding_rs::GB18030.encode(&text);
    assert!(!bad);
    let utf8 = h.write("a/utf8.txt", text.as_bytes());
    let gbk = h.write("b/gb18030.txt", &gb);
    let first = h.json(&["ingest", utf8.to_str().unwrap(), "--format", "json"], 0);
    let second = h.json(&["ingest", gbk.to_str().unwrap(), "--format", "json"], 0);
    assert_eq!(documents(&second)[0]["status"], "unchanged");
    assert_eq!(documents(&first)[0]["id"], documents(&second)[0]["id"]);
}

#[test]
fn russian_windows_1251_and_utf16_files_read_correctly() {
    let h = Harness::new();
    let ru = "Президент России Владимир Путин провёл телефонный разговор с президентом США Дональдом Трампом. \
              Стороны обсудили урегулирование на Украине и договорились продолжить контакты. \
              Переговоры прошли в конструктивной атмосфере, сообщил помощник президента Юрий Ушаков.\n";
    let (cp, _, _) = encoding_rs::WINDOWS_1251.encode(ru);
    let p1 = h.write("ru-1251.txt", &cp);
    let en = "The United States and Russia agreed to extend New START for five years. The extension took effect on February 3, 2021.\n";
    let mut u16 = vec![0xFF, 0xFE];
    for unit in en.encode_utf16() {
        u16.extend_from_slice(&unit.to_le_bytes());
    }
    let p2 = h.write("en-utf16.txt", &u16);
    let v = h.json(
        &[
            "ingest",
            p1.to_str().unwrap(),
            p2.to_str().unwrap(),
            "--format",
            "json",
        ],
        0,
    );
    let docs = documents(&v);
    assert_eq!(docs[0]["lang"], "ru");
    assert_eq!(docs[1]["lang"], "en");
    let d = h.json(
        &["doc", docs[0]["id"].as_str().unwrap(), "--format", "json"],
        0,
    );
    assert!(
        d["sentences"][0]["text"]
            .as_str()
            .unwrap()
            .contains("Владимир Путин"),
        "{d}"
    );
    assert_eq!(d["sentences"].as_array().unwrap().len(), 3);
    let d = h.json(
        &["doc", docs[1]["id"].as_str().unwrap(), "--format", "json"],
        0,
    );
    assert!(
        d["sentences"][1]["text"]
            .as_str()
            .unwrap()
            .starts_with("The extension took effect"),
        "{d}"
    );
}

#[test]
fn bad_inputs_fail_one_by_one_and_the_rest_is_ingested() {
    let h = Harness::new();
    let mut noise = Vec::with_capacity(4096);
    let mut x: u32 = 0x9E37_79B9;
    for _ in 0..4096 {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        noise.push((x >> 24) as u8);
    }
    let random = h.write("in/random.txt", &noise);
    let truncated = h.write(
        "in/truncated.pdf",
        b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa",
    );
    let empty = h.write("in/empty.md", b"");
    let big = h.write("in/big.txt", "美俄关系。".repeat(2000).as_bytes());
    let unsupported = h.write("in/slides.pptx", b"PK\x03\x04 not really");
    let good = fixture("zh-news-columns.txt");
    let out = Run::of(
        h.cmd()
            .args(["ingest", "--max-bytes", "20000", "--format", "json"])
            .args([&random, &truncated, &empty, &big, &unsupported, &good]),
    )
    .expect(1);
    let v = out.json();
    let docs = documents(&v);
    let by_name = |n: &str| {
        docs.iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(n))
            .unwrap()
    };
    let stderr = out.stderr;
    for (name, needle) in [
        ("random.txt", "binary"),
        ("truncated.pdf", "PDF"),
        ("empty.md", "empty"),
        ("big.txt", "size limit"),
        ("slides.pptx", "unsupported file type"),
    ] {
        let d = by_name(name);
        assert_eq!(d["status"], "failed", "{d}");
        let err = d["error"].as_str().unwrap();
        assert!(err.contains(needle), "{name}: {err}");
        // One line on stderr names the file and the reason.
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(name) && l.contains(needle)),
            "{stderr}"
        );
    }
    assert_eq!(by_name("zh-news-columns.txt")["status"], "new");
    assert!(stderr.contains("1 new, 0 unchanged, 5 failed"), "{stderr}");
}

#[test]
fn stdin_is_read_with_date_and_title() {
    let h = Harness::new();
    let v = Run::of(
        h.cmd()
            .args([
                "ingest",
                "-",
                "--date",
                "2025-02-13",
                "--title",
                "电话",
                "--format",
                "json",
            ])
            .write_stdin("2025年2月12日，特朗普与普京通电话。双方同意启动谈判。"),
    )
    .expect(0)
    .json();
    let d = &documents(&v)[0];
    assert_eq!(d["path"], "-");
    assert_eq!(d["date"], "2025-02-13");
    assert_eq!(d["title"], "电话");
    assert_eq!(d["sentences"], 2);
    h.cmd()
        .args(["ingest", "-", "--date", "2025-02"])
        .assert()
        .code(2);
}

/// A relative date counted from a publication date near year 0 left the four-digit years
/// ("last year" from 0000 is `-001`); the event was stored and every analysis of its dyad then
/// failed on reading it back. The document fails instead, naming the sentence and the date.
#[test]
fn a_document_whose_dates_leave_the_four_digit_years_fails_and_stores_nothing() {
    let h = Harness::new();
    let out = Run::of(
        h.cmd()
            .args(["ingest", "-", "--date", "0000-06-01", "--format", "json"])
            .write_stdin("Last year Trump met Putin in Moscow."),
    );
    let v = out.expect(1).json();
    let d = &documents(&v)[0];
    assert_eq!(d["status"], "failed", "{d}");
    let err = d["error"].as_str().unwrap();
    assert!(
        err.contains("sentence 1") && err.contains("`-001`"),
        "{err}"
    );
    assert_eq!(
        h.json(&["docs", "--format", "json"], 0)
            .as_array()
            .unwrap()
            .len(),
        0
    );
    h.json(&["index", "--dyad", "USA-RUS", "--format", "json"], 0);
}

/// Kills `dyad ingest` of a corpus with SIGKILL at random moments; after each kill the store
/// must be sound and hold only whole documents, and a final run must complete the rest.
#[test]
fn ingest_survives_sigkill_at_random_moments() {
    let h = Harness::new();
    let corpus = h.path("corpus");
    // Documents of some size (the seeds were 7-58 KB): each is the Chinese fixtures, six times.
    let zh: String = ["zh-paper.txt", "zh-news-columns.txt", "zh-hant-wiki.txt"]
        .iter()
        .map(|p| std::fs::read_to_string(fixture(p)).unwrap())
        .collect::<Vec<_>>()
        .join("\n\n");
    let texts: Vec<String> = (0..3)
        .map(|k| format!("第{k}组。\n\n{}", [zh.as_str(); 6].join("\n\n")))
        .collect();
    let copies = 90;
    for i in 0..copies {
        let body = &texts[i % texts.len()];
        h.write(
            &format!("corpus/{i:03}.txt"),
            format!("副本第{i}号。\n\n{body}").as_bytes(),
        );
    }
    let seed0 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("random seed {seed0}");
    let mut x = seed0;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let bin = assert_cmd::cargo::cargo_bin("dyad");
    let mut kills = 0;
    let mut stored_before = 0;
    let mut written = copies;
    for round in 0..80 {
        let mut child = std::process::Command::new(&bin)
            .arg("--db")
            .arg(h.db())
            .args(["ingest", "--format", "json"])
            .arg(&corpus)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // The first rounds kill early (opening, migrating, loading the chronology); later ones anywhere.
        let max_ms = if round < 5 { 150 } else { 1500 };
        std::thread::sleep(std::time::Duration::from_millis(next() % max_ms));
        let finished = child.try_wait().unwrap().is_some();
        if !finished {
            child.kill().unwrap(); // SIGKILL on Unix
            kills += 1;
        }
        child.wait().unwrap();
        // an ingest that finished before the kill leaves nothing to interrupt: new documents give
        // the next round work, however fast this machine codes
        if finished {
            for i in written..written + 15 {
                let body = &texts[i % texts.len()];
                h.write(
                    &format!("corpus/{i:03}.txt"),
                    format!("副本第{i}号。\n\n{body}").as_bytes(),
                );
            }
            written += 15;
        }
        let store = dyad_store::Store::open(&h.db()).unwrap();
        store.integrity_check().unwrap();
        assert_eq!(
            store.incomplete_documents().unwrap(),
            Vec::<String>::new(),
            "round {round}"
        );
        let stored = store.documents().unwrap().len();
        assert!(
            stored >= stored_before,
            "documents were lost: {stored} < {stored_before}"
        );
        stored_before = stored;
        if kills >= 20 && stored > 0 {
            break;
        }
    }
    assert!(
        kills >= 20,
        "only {kills} kills landed before the ingest finished"
    );
    let v = h.json(&["ingest", corpus.to_str().unwrap(), "--format", "json"], 0);
    assert_eq!(documents(&v).len(), written);
    let store = dyad_store::Store::open(&h.db()).unwrap();
    assert_eq!(store.documents().unwrap().len(), written);
    assert!(store.incomplete_documents().unwrap().is_empty());
}

#[test]
fn html_pages_give_their_main_text_title_and_date() {
    let h = Harness::new();
    let html = r#"<!DOCTYPE html><html lang="zh"><head><meta charset="gbk">
<title>俄美元首通电话 - 新闻网</title>
<meta property="article:published_time" content="2025-03-18T20:00:00+03:00">
<script>var tracking = "不应出现的脚本文字";</script><style>body{color:red}</style></head>
<body><nav><a href="/">首页</a> <a href="/world">国际频道导航</a></nav>
<article><h1>俄美元首通电话</h1>
<p>俄罗斯总统普京3月18日与美国总统特朗普通电话，双方讨论了乌克兰问题。</p>
<p>普京同意在30天内停止打击乌克兰能源设施。双方同意继续保持接触。</p>
<p>克里姆林宫说，通话持续了大约两个半小时，气氛坦率而务实。</p></article>
<footer>版权所有 不应出现的页脚</footer></body></html>"#;
    let (gbk, _, bad) = encoding_rs::GBK.encode(html);
    assert!(!bad);
    let p = h.write("page.html", &gbk);
    let v = h.json(&["ingest", p.to_str().unwrap(), "--format", "json"], 0);
    let d = &documents(&v)[0];
    assert_eq!(d["date"], "2025-03-18", "{d}");
    assert!(
        d["title"].as_str().unwrap().contains("俄美元首通电话"),
        "{d}"
    );
    let doc = h.json(&["doc", d["id"].as_str().unwrap(), "--format", "json"], 0);
    let all: String = doc["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap().to_string())
        .collect();
    assert!(
        all.contains("普京同意在30天内停止打击乌克兰能源设施。"),
        "{all}"
    );
    for absent in [
        "不应出现的脚本文字",
        "国际频道导航",
        "不应出现的页脚",
        "color:red",
    ] {
        assert!(!all.contains(absent), "{absent} leaked into {all}");
    }
}
