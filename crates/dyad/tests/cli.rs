//! The `dyad` command as a user runs it: one test binary, a temp-dir harness per test.

#[path = "../../../tests-data/opt_in.rs"]
mod opt_in;

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The document fixtures written for the tests (`tests-data/documents/`, see `make_fixtures.py`).
fn fixtures_dir() -> PathBuf {
    opt_in::repo_root().join("tests-data/documents")
}

fn fixture(name: &str) -> PathBuf {
    let p = fixtures_dir().join(name);
    assert!(p.is_file(), "no fixture {}", p.display());
    p
}

/// The UTF-8 documents and the PDF of the fixtures: three Chinese, one Russian, two English.
const DOCUMENTS: [&str; 6] = [
    "zh-paper.txt",
    "zh-news-columns.txt",
    "zh-hant-wiki.txt",
    "ru-news.txt",
    "en-notes.txt",
    "en-brief.pdf",
];

/// The seed whose file name starts with `prefix` in the shared folder's `seeds/`.
fn seed(dir: &Path, prefix: &str) -> PathBuf {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(prefix))
        })
        .collect();
    found.sort();
    found.remove(0)
}

struct Harness {
    dir: tempfile::TempDir,
}

impl Harness {
    fn new() -> Harness {
        Harness {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("dyad.db")
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("dyad").unwrap();
        c.arg("--db").arg(self.db()).env_remove("DYAD_DB");
        c
    }

    /// Runs dyad with `args`, expecting exit code `code`, and parses stdout as JSON.
    fn json(&self, args: &[&str], code: i32) -> Value {
        let out = self.cmd().args(args).output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(code),
            "dyad {args:?}\nstdout: {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
    }
}

fn documents(v: &Value) -> &Vec<Value> {
    v["documents"].as_array().expect("documents array")
}

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
    let out = h.cmd().args(["doc", "ffffffff"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no document matches"));
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
    let out = h
        .cmd()
        .args(["ingest", "--max-bytes", "20000", "--format", "json"])
        .args([&random, &truncated, &empty, &big, &unsupported, &good])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let docs = documents(&v);
    let by_name = |n: &str| {
        docs.iter()
            .find(|d| d["path"].as_str().unwrap().ends_with(n))
            .unwrap()
    };
    let stderr = String::from_utf8_lossy(&out.stderr);
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
    let v = h
        .cmd()
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
        .write_stdin("2025年2月12日，特朗普与普京通电话。双方同意启动谈判。")
        .output()
        .unwrap();
    assert!(v.status.success(), "{}", String::from_utf8_lossy(&v.stderr));
    let v: Value = serde_json::from_slice(&v.stdout).unwrap();
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
fn a_fresh_database_has_the_sourced_chronology() {
    let h = Harness::new();
    let v = h.json(&["chronology", "--format", "json"], 0);
    let events = v.as_array().unwrap();
    assert!(events.len() >= 600, "{} events", events.len());
    for e in events {
        assert_eq!(e["origin"], "curated");
        let cites = e["citation"].as_array().unwrap();
        assert!(!cites.is_empty(), "{e}");
        assert!(cites
            .iter()
            .all(|c| !c["title"].as_str().unwrap().is_empty()
                && !c["publisher"].as_str().unwrap().is_empty()));
        for key in [
            "id",
            "date",
            "date_precision",
            "source",
            "target",
            "cameo",
            "quad_class",
            "goldstein",
            "plover",
            "domains",
            "description_zh",
            "description_en",
        ] {
            assert!(e.get(key).is_some(), "missing {key} in {e}");
        }
    }
    // The Alaska summit of 2025 is there, with both descriptions.
    let alaska = events
        .iter()
        .find(|e| e["date"] == "2025-08-15" && e["meeting"] == "bilateral")
        .expect("Anchorage summit");
    assert!(
        alaska["place"].as_str().unwrap().contains("Anchorage"),
        "{alaska}"
    );
    // Filters: months are inclusive.
    let y2014 = h.json(
        &[
            "chronology",
            "--from",
            "2014-03",
            "--to",
            "2014-03",
            "--format",
            "json",
        ],
        0,
    );
    assert!(y2014
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["date"].as_str().unwrap().starts_with("2014-03")));
    assert!(!y2014.as_array().unwrap().is_empty());
    let out = h
        .cmd()
        .args(["chronology", "--from", "2014-3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let csv = h
        .cmd()
        .args(["chronology", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&csv.stdout).lines().count(),
        events.len() + 1
    );
}

#[test]
fn chronology_cites_its_sources_in_gbt7714_and_apa() {
    let h = Harness::new();
    let refs = |style: &str, from: &str, id: &str| -> (String, Vec<String>) {
        let v = h.json(
            &[
                "chronology",
                "--from",
                from,
                "--to",
                from,
                "--cite",
                style,
                "--cited",
                "2026-12-05",
                "--format",
                "json",
            ],
            0,
        );
        let e = v
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["id"] == id)
            .unwrap_or_else(|| panic!("{id} not in {v}"))
            .clone();
        let r = e["references"].as_array().unwrap();
        (
            e["description"].as_str().unwrap().to_string(),
            r.iter().map(|s| s.as_str().unwrap().to_string()).collect(),
        )
    };
    // A meeting with two sources, one dated to the month, one to the day.
    let (desc, gbt) = refs("gbt7714", "2017-02", "2017-02-16-dunford-gerasimov-meeting");
    assert!(desc.starts_with("美军参联会主席邓福德"), "{desc}");
    assert_eq!(
        gbt,
        [
            "CBS News. Secretary Tillerson meets with Russian counterpart[EB/OL]. (2017-02)[2026-12-05]. https://www.cbsnews.com/news/secretary-tillerson-meets-with-russian-counterpart/.",
            "Metbuat.az (AZERTAC). US, Russian military leaders meet in Baku[EB/OL]. (2017-02-16)[2026-12-05]. http://metbuat.az/news/637741/us-russian-military-leaders-meet-in-baku.html.",
        ]
    );
    let (desc, apa) = refs("apa", "2017-02", "2017-02-16-dunford-gerasimov-meeting");
    assert!(desc.starts_with("Joint Chiefs chairman Dunford"), "{desc}");
    assert_eq!(
        apa,
        [
            "CBS News. (2017, February). Secretary Tillerson meets with Russian counterpart. https://www.cbsnews.com/news/secretary-tillerson-meets-with-russian-counterpart/",
            "Metbuat.az (AZERTAC). (2017, February 16). US, Russian military leaders meet in Baku. http://metbuat.az/news/637741/us-russian-military-leaders-meet-in-baku.html",
        ]
    );
    // An official record cited by name and date, without a URL.
    let id = "2001-11-13-new-relationship-statement";
    let title = "Joint Statement by President George W. Bush and President Vladimir V. Putin on a New Relationship Between the United States and Russia";
    assert_eq!(
        refs("gbt7714", "2001-11", id).1,
        [format!("The White House. {title}[EB]. (2001-11-13).")]
    );
    assert_eq!(
        refs("apa", "2001-11", id).1,
        [format!("The White House. (2001, November 13). {title}.")]
    );
    // As text: each event, then its numbered references.
    let out = h
        .cmd()
        .args([
            "chronology",
            "--from",
            "2017-02",
            "--to",
            "2017-02",
            "--cite",
            "apa",
            "--cited",
            "2026-12-05",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("2017-02-16  USA→RUS  044  Joint Chiefs chairman Dunford")
            && text.contains("\n  [2] Metbuat.az (AZERTAC). (2017, February 16)."),
        "{text}"
    );
    for bad in [
        vec!["chronology", "--cite", "apa", "--format", "csv"],
        vec!["chronology", "--cite", "gbt7714", "--cited", "2026-12"],
        vec!["chronology", "--cited", "2026-12-05"],
    ] {
        let out = h.cmd().args(&bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
}

#[test]
fn sanctions_sum_designations_per_month_and_side_beside_the_trackers() {
    let h = Harness::new();
    let v = h.json(&["sanctions", "--format", "json"], 0);
    let rows = v["rows"].as_array().unwrap();
    let month = |m: &str| {
        rows.iter()
            .find(|r| r["period"] == m)
            .unwrap_or_else(|| panic!("no {m}"))
    };
    let designations = |r: &Value, side: &str| r[side]["designations"].as_u64().unwrap();
    // the first packages after the recognition of the DNR and LNR, and the invasion
    assert!(
        designations(month("2022-02"), "a_to_b") >= 49 + 90 + 4,
        "{}",
        month("2022-02")
    );
    assert!(designations(month("2022-03"), "a_to_b") >= 15 + 376);
    assert_eq!(designations(month("2022-03"), "b_to_a"), 13);
    assert_eq!(
        designations(month("2016-12"), "a_to_b"),
        0,
        "no size stated"
    );
    assert_eq!(month("2016-12")["a_to_b"]["without_size"], 1);
    // the months add up to the total, on each side
    for side in ["a_to_b", "b_to_a"] {
        let by_month: u64 = rows.iter().map(|r| designations(r, side)).sum();
        assert_eq!(by_month, designations(&v["total"], side), "{side}");
    }
    assert!(designations(&v["total"], "a_to_b") > 4000);
    // the years add up to the same totals
    let y = h.json(&["sanctions", "--by", "year", "--format", "json"], 0);
    let by_year: u64 = y["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| designations(r, "a_to_b"))
        .sum();
    assert_eq!(by_year, designations(&v["total"], "a_to_b"));
    // a window of months
    let w = h.json(
        &[
            "sanctions",
            "--from",
            "2022-03",
            "--to",
            "2022-03",
            "--format",
            "json",
        ],
        0,
    );
    assert_eq!(w["rows"].as_array().unwrap().len(), 1);
    assert_eq!(
        w["total"],
        w["rows"][0]
            .clone()
            .as_object()
            .map(|o| {
                let mut o = o.clone();
                o.insert("period".into(), "total".into());
                Value::Object(o)
            })
            .unwrap()
    );
    // the seeds' figures with their source, beside the chronology's sum over the same months
    let cmp = v["comparison"].as_array().unwrap();
    let us = cmp
        .iter()
        .find(|c| c["figure"]["id"] == "castellum-usa-2025-01")
        .unwrap();
    assert_eq!(us["figure"]["value"], 6433);
    assert_eq!(us["figure"]["publisher"], "Castellum.AI");
    assert_eq!(
        (us["figure"]["from"].as_str(), us["figure"]["to"].as_str()),
        (Some("2022-02"), Some("2025-01"))
    );
    let west = cmp
        .iter()
        .find(|c| c["figure"]["id"] == "castellum-west-2025-01")
        .unwrap();
    assert_eq!(west["figure"]["value"], 21692);
    let ours = us["chronology"]["designations"].as_u64().unwrap();
    assert!(ours > 0 && ours < 6433, "{ours}");
    assert_eq!(
        west["chronology"]["designations"],
        us["chronology"]["designations"]
    );
    // the table says why the counts differ; bad months are usage errors
    let out = h.cmd().args(["sanctions"]).output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("21692") && text.contains("Why they differ"),
        "{text}"
    );
    let out = h
        .cmd()
        .args(["sanctions", "--from", "2022-02-30"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        !h.db().exists(),
        "sanctions reads the built-in chronology and writes nothing"
    );
}

#[test]
fn summits_per_presidency_reproduce_or_explain_the_literature() {
    let h = Harness::new();
    let v = h.json(
        &[
            "summits",
            "--dyad",
            "USA-RUS",
            "--include-multilateral",
            "--format",
            "json",
        ],
        0,
    );
    assert!(v["rule"].as_str().unwrap().contains("multilateral"));
    let groups = v["groups"].as_array().unwrap();
    let count = |start: &str| {
        groups.iter().find(|g| g["term_start"] == start).unwrap()["count"]
            .as_u64()
            .unwrap()
    };
    // Reproduced from the data: Clinton 22, Trump's first term 6, Biden 1 (seed 000, table 1).
    assert_eq!(count("1993-01-20"), 22);
    assert_eq!(count("2017-01-20"), 6);
    assert_eq!(count("2021-01-20"), 1);
    // Trump's two terms are two groups; the second has the Anchorage summit.
    assert!(count("2025-01-20") >= 1);
    let trumps = groups.iter().filter(|g| g["person"] == "trump").count();
    assert_eq!(trumps, 2);
    // Every presidency the literature counts is either reproduced or explained.
    let notes = v["notes"].as_array().unwrap();
    for start in [
        "1989-01-20",
        "1993-01-20",
        "2001-01-20",
        "2009-01-20",
        "2017-01-20",
        "2021-01-20",
    ] {
        let g = groups.iter().find(|g| g["term_start"] == start).unwrap();
        let n = notes
            .iter()
            .find(|n| n["term_start"] == start)
            .unwrap_or_else(|| panic!("no note for {start}"));
        assert_eq!(n["dyad_count"], g["count"]);
        if n["literature_count"] != g["count"] {
            assert!(
                n["note"].as_str().unwrap().len() > 80,
                "a differing count needs an explanation: {n}"
            );
        }
        // every note in Chinese too
        assert!(
            n["note_zh"].as_str().unwrap().chars().count() > 20,
            "no Chinese note: {n}"
        );
        for m in g["meetings"].as_array().unwrap() {
            assert!(
                !m["place"].as_str().unwrap().is_empty() && !m["date"].as_str().unwrap().is_empty()
            );
            // every place has its Chinese name
            let zh = m["place_zh"].as_str().unwrap();
            assert!(
                zh != m["place"].as_str().unwrap() && zh.chars().any(|c| c >= '\u{4e00}'),
                "no Chinese name for {m}"
            );
        }
    }
    let bilateral = h.json(&["summits", "--format", "json"], 0);
    assert!(bilateral["total"].as_u64().unwrap() < v["total"].as_u64().unwrap());
    let by_year = h.json(
        &[
            "summits",
            "--by",
            "year",
            "--include-multilateral",
            "--format",
            "json",
        ],
        0,
    );
    assert_eq!(by_year["total"], v["total"]);
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

fn month_level(rows: &[Value], period: &str) -> f64 {
    rows.iter()
        .find(|r| r["period"] == period)
        .unwrap_or_else(|| panic!("no {period}"))["level"]
        .as_f64()
        .unwrap()
}

#[test]
fn the_monthly_level_tells_the_known_story() {
    let h = Harness::new();
    let v = h.json(
        &[
            "index", "--dyad", "USA-RUS", "--freq", "month", "--format", "json",
        ],
        0,
    );
    let rows = v.as_array().unwrap();
    assert!(rows.len() > 400);
    for r in rows {
        let l = r["level"].as_f64().unwrap();
        assert!((-9.0..=9.0).contains(&l));
        for key in [
            "period",
            "band",
            "events",
            "quad",
            "goldstein_sum",
            "goldstein_mean",
            "net_cooperation",
            "by_direction",
            "by_domain",
        ] {
            assert!(r.get(key).is_some(), "missing {key}");
        }
        let q = &r["quad"];
        let total: u64 = ["1", "2", "3", "4"]
            .iter()
            .map(|k| q[k].as_u64().unwrap())
            .sum();
        assert!(total <= r["events"].as_u64().unwrap());
    }
    let prev = |p: &str| {
        let i = rows.iter().position(|r| r["period"] == p).unwrap();
        rows[i - 1]["level"].as_f64().unwrap()
    };
    // Every crisis month is a fall, measured as the share of the distance to the floor (−9) it
    // takes away, since saturation damps a loss the lower the level already is: Crimea and the
    // invasion more than a quarter of it. Kosovo and Georgia fall less under the calibrated
    // impact: in this dyad they are mostly words (docs/method.md, section 11).
    for crisis in ["1999-03", "2008-08", "2014-03", "2022-02"] {
        let before = prev(crisis);
        let share = (before - month_level(rows, crisis)) / (9.0 + before);
        let least = if crisis >= "2014" { 0.25 } else { 0.04 };
        assert!(
            share > least,
            "{crisis}: the level fell only {share:.3} of the way to the floor"
        );
    }
    let lowest = rows
        .iter()
        .min_by(|a, b| {
            a["level"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["level"].as_f64().unwrap())
        })
        .unwrap();
    assert!(
        lowest["period"].as_str().unwrap() >= "2022-02",
        "lowest at {}",
        lowest["period"]
    );
    assert!(
        month_level(rows, "2025-06") > month_level(rows, "2024-12") + 1.0,
        "no rise in 2025"
    );
    let years = h.json(&["index", "--freq", "year", "--format", "json"], 0);
    assert_eq!(years[0]["period"], "1991");
    let csv = h
        .cmd()
        .args(["index", "--freq", "quarter", "--format", "csv"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&csv.stdout)
        .lines()
        .nth(1)
        .unwrap()
        .starts_with("1991-Q4,"));
    let out = h
        .cmd()
        .args(["index", "--dyad", "USA-ATL"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn phases_robustness_reruns_the_periods_with_each_parameter_halved_and_doubled() {
    let h = Harness::new();
    let v = h.json(
        &[
            "phases",
            "--dyad",
            "USA-RUS",
            "--robustness",
            "--format",
            "json",
        ],
        0,
    );
    let phases = h.json(&["phases", "--dyad", "USA-RUS", "--format", "json"], 0);
    // the documented run is the analysis `dyad phases` gives
    assert_eq!(
        v["base"]["phases"].as_u64().unwrap() as usize,
        phases["phases"].as_array().unwrap().len(),
        "{v}"
    );
    assert_eq!(v["base"]["verdict"], phases["spiral_decline"]["verdict"]);
    let variants = v["variants"].as_array().unwrap();
    assert_eq!(variants.len(), 16, "8 parameters, halved and doubled");
    for pair in variants.chunks(2) {
        assert_eq!(pair[0]["parameter"], pair[1]["parameter"]);
        assert_eq!(pair[0]["factor"], 0.5);
        assert_eq!(pair[1]["factor"], 2.0);
        let (lo, hi) = (
            pair[0]["value"].as_f64().unwrap(),
            pair[1]["value"].as_f64().unwrap(),
        );
        assert!((hi - 4.0 * lo).abs() < 1e-9, "{pair:?}");
    }
    let changes = variants
        .iter()
        .filter(|x| x["verdict"] != v["base"]["verdict"])
        .count();
    assert_eq!(v["verdict_changes"].as_u64().unwrap() as usize, changes);
    let csv = h
        .cmd()
        .args(["phases", "--robustness", "--format", "csv"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&csv.stdout);
    assert!(text.starts_with("parameter,factor,value,"), "{text}");
    assert_eq!(text.lines().count(), 18, "{text}");
    let both = h
        .cmd()
        .args(["phases", "--robustness", "--level", "era"])
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
}

#[test]
fn phases_cycles_and_the_spiral_test() {
    let h = Harness::new();
    let v = h.json(&["phases", "--dyad", "USA-RUS", "--format", "json"], 0);
    for key in ["phases", "change_points", "cycles", "spiral_decline"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let cycles = v["cycles"].as_array().unwrap();
    // The four resets of seed 001 (1992, 1993-94, 2001, 2009): a cycle rises through each year.
    // As in dyad-analysis's chronology test, the Clinton reset is looked for in 1993 or 1994: the
    // first rise runs from 1991-12 through 1993.
    let rises_in = |y: i32| {
        cycles.iter().any(|c| {
            c["trough"]["period"].as_str().unwrap() <= format!("{y}-12").as_str()
                && c["peak"]["period"].as_str().unwrap() >= format!("{y}-01").as_str()
        })
    };
    assert!(
        rises_in(1993) || rises_in(1994),
        "no reset cycle rising in 1993-94"
    );
    for y in [1992, 2001, 2009] {
        assert!(rises_in(y), "no reset cycle rising in {y}");
    }
    for c in cycles {
        assert!(c["peak"]["level"].as_f64().unwrap() > c["trough"]["level"].as_f64().unwrap());
        for d in c["rise_drivers"].as_array().unwrap() {
            assert!(d["contribution"].as_f64().unwrap() > 0.0);
        }
        for d in c["fall_drivers"].as_array().unwrap() {
            assert!(d["contribution"].as_f64().unwrap() < 0.0);
        }
    }
    assert!(v["spiral_decline"]["verdict"].is_string());
    let phases = v["phases"].as_array().unwrap();
    assert!(phases
        .windows(2)
        .all(|w| w[0]["end"].as_str() < w[1]["start"].as_str()));
}

#[test]
fn drivers_forecast_and_backtest() {
    let h = Harness::new();
    let d = h.json(
        &[
            "drivers", "--from", "2014-01", "--to", "2014-12", "--format", "json",
        ],
        0,
    );
    let change = d["change"].as_f64().unwrap();
    let parts = d["decay"].as_f64().unwrap() + d["events_sum"].as_f64().unwrap();
    assert!((change - parts).abs() < 1e-6);
    assert!(change < 0.0, "2014 lowered the level");
    let sanctions = d["by_domain"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["domain"] == "sanctions")
        .unwrap();
    assert!(sanctions["negative"].as_f64().unwrap() < 0.0);
    assert!(!sanctions["top_events"].as_array().unwrap().is_empty());
    let f = h.json(&["forecast", "--horizon", "12", "--format", "json"], 0);
    let pts = f["points"].as_array().unwrap();
    assert_eq!(pts.len(), 12);
    for p in pts {
        let g = |k: &str| p[k].as_f64().unwrap();
        assert!(
            g("lo95") <= g("lo80")
                && g("lo80") <= g("level")
                && g("level") <= g("hi80")
                && g("hi80") <= g("hi95")
        );
        assert!(g("lo95") >= -9.0 && g("hi95") <= 9.0);
    }
    assert!(f["model"]["retention"].as_f64().unwrap() > 0.9);
    let flow = &f["flow"];
    for series in ["events", "goldstein_sum"] {
        let pts = flow[series].as_array().unwrap();
        assert_eq!(pts.len(), 12, "{series}");
        assert_eq!(pts[0]["period"], f["points"][0]["period"]);
        for p in pts {
            let g = |k: &str| p[k].as_f64().unwrap();
            assert!(g("lo95") <= g("lo80") && g("lo80") <= g("value") && g("hi80") <= g("hi95"));
        }
    }
    assert!(flow["events"][0]["lo95"].as_f64().unwrap() >= 0.0);
    let rates: f64 = flow["quad_rates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .sum();
    assert!((rates - flow["events"][0]["value"].as_f64().unwrap()).abs() < 1e-9);

    let b = h.json(&["backtest", "--format", "json"], 0);
    assert!(b["overall"]["n"].as_u64().unwrap() > 100);
    assert!(b["overall"]["mase"].as_f64().unwrap() > 0.0);
    // Both baselines on the same origins, and the skill over horizons 1–6.
    let o = &b["pooled_1_6"];
    let (mae, naive, mean) = (
        o["mae"].as_f64().unwrap(),
        o["mae_naive"].as_f64().unwrap(),
        o["mae_mean"].as_f64().unwrap(),
    );
    assert!(mae > 0.0 && naive > 0.0 && mean > 0.0);
    let skill = b["skill_1_6"].as_f64().unwrap();
    assert!((skill - (1.0 - mae / naive)).abs() < 1e-9);
    assert_eq!(b["skill_mean_1_6"], o["skill_mean"]);
    assert_eq!(
        o["n"].as_u64(),
        Some(6 * b["origins"].as_array().unwrap().len() as u64)
    );
    assert!(b["per_horizon"][0]["skill"].is_number());
    // Intervals read off past errors: roughly calibrated on the chronology (bounds loose enough
    // to survive its extension; `dyad backtest` prints the figures).
    let cov80 = b["overall"]["coverage80"].as_f64().unwrap();
    let cov95 = b["overall"]["coverage95"].as_f64().unwrap();
    assert!(
        (0.65..=0.95).contains(&cov80) && cov95 >= 0.85,
        "{cov80} {cov95}"
    );
    // The event flow, scored on the same origins; its rate beats last month's count.
    for series in ["events", "goldstein_sum"] {
        let s = &b["flow"][series];
        assert_eq!(s["origins"], b["origins"], "{series}");
        assert!(
            s["pooled_1_6"]["mae_mean"].as_f64().unwrap() > 0.0,
            "{series}"
        );
    }
    assert!(b["flow"]["events"]["skill_1_6"].as_f64().unwrap() > 0.0);
    let csv = h
        .cmd()
        .args(["backtest", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(csv.stdout).unwrap();
    assert!(
        csv.starts_with("series,horizon,n,MAE,naive MAE,mean MAE,skill"),
        "{csv}"
    );
    assert!(
        csv.contains("\nlevel,1-6,")
            && csv.contains("\nevents,all,")
            && csv.contains("\ngoldstein,1,")
    );
    let out = h
        .cmd()
        .args(["drivers", "--from", "2015-01", "--to", "2014-01"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn code_prints_dated_events_with_their_explanation() {
    let h = Harness::new();
    let v = h.json(
        &[
            "code",
            "2025年2月12日，特朗普与普京通电话",
            "--explain",
            "--format",
            "json",
        ],
        0,
    );
    let events = v["events"].as_array().unwrap();
    let call = events
        .iter()
        .find(|e| e["source"]["code"] == "USA" && e["target"]["code"] == "RUS")
        .expect("USA→RUS");
    assert_eq!(call["cameo"], "041");
    assert_eq!(call["date"], "2025-02-12");
    assert_eq!(call["date_precision"], "day");
    assert!(events
        .iter()
        .any(|e| e["source"]["code"] == "RUS" && e["target"]["code"] == "USA"));
    let explain = call["explain"].as_str().unwrap();
    assert!(
        explain.contains("actions/zh.tsv:") && explain.contains("actors/people.tsv:"),
        "{explain}"
    );
    // Without --explain the trace is left out; stdin gives one result per line.
    let out = h
        .cmd()
        .args(["code", "--date-context", "2025-08-16", "--format", "json"])
        .write_stdin("The United States expelled 60 Russian diplomats on March 26, 2018.\nВ. В. Путин провёл телефонный разговор с Д. Трампом.\n")
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 2);
    assert!(v[0]["events"][0].get("explain").is_none());
    assert!(v[0]["events"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["date"] == "2018-03-26" && e["source"]["code"] == "USA"));
}

#[test]
fn code_from_stdin_ends_a_document_at_a_blank_line_and_keeps_the_order() {
    // many documents (coded in parallel) come back in input order; a blank line ends one, so
    // 同日 in the next resolves against --date-context, not the day named before the blank line
    let h = Harness::new();
    let mut input = String::new();
    for _ in 0..40 {
        input.push_str(
            "2018年3月26日，美国驱逐60名俄罗斯外交官。\n同日，俄罗斯驱逐美国外交官。\n\n",
        );
        input.push_str("同日，俄罗斯驱逐美国外交官。\n\n");
    }
    let out = h
        .cmd()
        .args(["code", "--date-context", "2025-08-16", "--format", "json"])
        .write_stdin(input)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rows = v.as_array().unwrap();
    assert_eq!(rows.len(), 120);
    let date_of = |i: usize, src: &str| -> String {
        rows[i]["events"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["source"]["code"] == src)
            .map(|e| e["date"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    for k in 0..40 {
        assert!(rows[3 * k]["sentence"]
            .as_str()
            .unwrap()
            .starts_with("2018年"));
        assert_eq!(date_of(3 * k, "USA"), "2018-03-26");
        // in the same document the day carries
        assert_eq!(date_of(3 * k + 1, "RUS"), "2018-03-26");
        // after a blank line it does not
        assert_eq!(date_of(3 * k + 2, "RUS"), "2025-08-16");
    }
}

#[test]
fn ingest_codes_sentences_and_recode_is_stable() {
    let h = Harness::new();
    let p = h.write(
        "alaska.txt",
        "美俄元首会晤\n\n2025年2月12日，特朗普与普京通电话。同年8月15日，两国元首在阿拉斯加举行会晤。美国没有对俄罗斯实施新的制裁。\n".as_bytes(),
    );
    let v = h.json(
        &[
            "ingest",
            p.to_str().unwrap(),
            "--date",
            "2025-08-20",
            "--format",
            "json",
        ],
        0,
    );
    let d = &documents(&v)[0];
    assert!(d["events"].as_u64().unwrap() >= 2, "{d}");
    let id = d["id"].as_str().unwrap();
    let events = h.json(&["events", "--doc", id, "--format", "json"], 0);
    let events = events.as_array().unwrap();
    let call = events
        .iter()
        .find(|e| e["cameo"] == "041")
        .expect("the call");
    assert_eq!(call["date"], "2025-02-12");
    assert_eq!(call["origin"], "coded");
    assert!(call["sentence"].as_str().unwrap().contains("通电话"));
    assert!(call["sentence_id"].as_i64().is_some() && call["span"].is_array());
    // The negated sanction is stored but listed only on request.
    let all = h.json(
        &[
            "events",
            "--doc",
            id,
            "--include-negated",
            "--format",
            "json",
        ],
        0,
    );
    assert!(all.as_array().unwrap().len() >= events.len());
    let r = h.json(&["recode", "--format", "json"], 0);
    assert_eq!(r["added"], 0);
    assert_eq!(r["removed"], 0);
    assert_eq!(r["changed"], 0);
    assert_eq!(r["before"], r["after"]);
}

#[test]
fn eval_scores_the_coverage_suite_above_its_floors() {
    let h = Harness::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests-data/coder");
    let v = h.json(
        &[
            "eval",
            root.join("coverage.jsonl").to_str().unwrap(),
            "--floors",
            root.join("floors.tsv").to_str().unwrap(),
            "--format",
            "json",
        ],
        0,
    );
    assert!(v["below_floor"].as_array().unwrap().is_empty());
    for script in ["zh-Hans", "zh-Hant", "en", "ru"] {
        assert!(
            v["report"]["per_script"][script]["sentences"]
                .as_u64()
                .unwrap()
                > 0,
            "{script}"
        );
    }
}

#[test]
fn report_has_a_robustness_section_in_both_languages() {
    let h = Harness::new();
    for (lang, heading, words) in [
        ("en", "10. Robustness to the impact parameters", "halved"),
        ("zh", "十、参数稳健性", "减半"),
    ] {
        let out_path = h.path(&format!("robust-{lang}.html"));
        let out = h
            .cmd()
            .args(["report", "--dyad", "USA-RUS", "--lang", lang, "--out"])
            .arg(&out_path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let html = std::fs::read_to_string(&out_path).unwrap();
        let at = html
            .find("<section id=\"robustness\">")
            .expect("robustness section");
        let section = &html[at..at + html[at..].find("</section>").unwrap()];
        assert!(section.contains(heading), "{lang}: heading");
        // the documented run and every parameter halved and doubled
        assert_eq!(section.matches("<tr").count(), 1 + 1 + 16, "{lang}: rows");
        // eight halved rows, and the sentence that says so
        assert_eq!(section.matches(words).count(), 9, "{lang}");
        for p in [
            "verbal_weight",
            "rank_slope",
            "magnitude_per_decade",
            "repeat_exponent",
            "half_life_months",
        ] {
            assert!(section.contains(p), "{lang}: {p}");
        }
    }
}

#[test]
fn report_writes_one_offline_html_file_and_says_where() {
    let h = Harness::new();
    // the events each language's level charts mark
    let mut marked: Vec<Vec<String>> = Vec::new();
    for lang in ["en", "zh"] {
        let out_path = h.path(&format!("report-{lang}.html"));
        let out = h
            .cmd()
            .args(["report", "--dyad", "USA-RUS", "--lang", lang, "--out"])
            .arg(&out_path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).trim(),
            out_path.to_str().unwrap()
        );
        let html = std::fs::read_to_string(&out_path).unwrap();
        assert!(html.matches("<svg").count() >= 4, "charts missing");
        assert!(
            !html.contains("src=\"http") && !html.contains("<link") && !html.contains("@import")
        );
        let band = if lang == "zh" {
            "对抗"
        } else {
            "confrontation"
        };
        assert!(html.contains(band));
        // The forecast section shows the skill against both baselines and the event flow's
        // forecast with its own backtest.
        let words: &[&str] = if lang == "zh" {
            &[
                "长期均值",
                "相对朴素的技能",
                "1–6合计",
                "id=\"flow-forecast\"",
                "每月事件数",
                "每月戈德斯坦净值",
            ]
        } else {
            &[
                "long-run mean",
                "skill vs naive",
                "<td class=\"n\">1–6</td>",
                "id=\"flow-forecast\"",
                "Events a month",
                "Net Goldstein a month",
            ]
        };
        for w in words {
            assert!(html.contains(w), "{lang}: `{w}` missing");
        }
        phase_numbers_and_starts_agree(lang, &html);
        marked.push(
            html.split("<svg")
                .skip(1)
                .filter_map(|svg| svg.split("</svg>").next())
                .filter(|svg| svg.contains("class=\"phaseno\""))
                .flat_map(|svg| {
                    svg.split("href=\"#ev-")
                        .skip(1)
                        .filter_map(|r| r.split('"').next())
                        .map(String::from)
                        .collect::<Vec<_>>()
                })
                .collect(),
        );
    }
    assert!(marked[0].len() >= 8, "{marked:?}");
    assert_eq!(
        marked[0], marked[1],
        "the en and zh charts mark different events"
    );
}

/// Every chart labels a phase with its number in the phase table (the forecast chart of the
/// last years does not count from 1 again), and the table's first phase starts from the level
/// the drivers' heading gives it.
fn phase_numbers_and_starts_agree(lang: &str, html: &str) {
    let rows = html.matches("<tr id=\"phase-").count();
    assert!(rows >= 3, "{lang}: {rows} phase rows");
    let mut labels = 0;
    for part in html.split("<a href=\"#phase-").skip(1) {
        let Some((n, rest)) = part.split_once('"') else {
            continue;
        };
        if let Some(label) = rest
            .split("class=\"phaseno\">")
            .nth(1)
            .and_then(|r| r.split('<').next())
        {
            if rest.find("class=\"phaseno\"") < rest.find("</a>") {
                assert_eq!(label, format!("P{n}"), "{lang}: label of phase {n}");
                labels += 1;
            }
        }
    }
    assert!(labels >= 2, "{lang}: {labels} phase labels");
    let last = format!(">P{rows}</text>");
    assert!(
        html.matches(&last).count() >= 2,
        "{lang}: the last phase is not labelled P{rows} on both level charts"
    );
    // "P1 1991-12 – … · level 4.00 → 6.43" and the table's "4.00 → 6.43"
    let row = html
        .split("<tr id=\"phase-1\">")
        .nth(1)
        .and_then(|r| r.split("</tr>").next())
        .unwrap();
    let start_end = row
        .split("<td class=\"n\">")
        .find(|c| c.contains(" → "))
        .and_then(|c| c.split('<').next())
        .unwrap();
    let heading_word = if lang == "zh" { "水平 " } else { "level " };
    let heading = html.split(&format!("{heading_word}{start_end}")).count();
    assert!(
        heading > 1,
        "{lang}: the drivers' heading of P1 does not read `{heading_word}{start_end}`"
    );
}

#[test]
fn a_report_of_coded_events_only_does_not_speak_for_the_chronology() {
    let h = Harness::new();
    let doc = h.write(
        "usa-rus.txt",
        "2018年7月16日，特朗普在赫尔辛基会见普京。\n\n2021年6月16日，拜登与普京在日内瓦举行会晤。\n"
            .as_bytes(),
    );
    h.json(&["ingest", doc.to_str().unwrap(), "--format", "json"], 0);
    for (lang, not_included, built_in) in [
        (
            "en",
            "Meetings of the presidents are counted from the built-in chronology, which this report does not include.",
            "dyad finds",
        ),
        ("zh", "两国总统会晤的统计来自内置大事记，本报告未纳入内置大事记。", "内置数据"),
    ] {
        let out_path = h.path(&format!("coded-{lang}.html"));
        let out = h
            .cmd()
            .args([
                "report", "--dyad", "USA-RUS", "--origin", "coded", "--lang", lang, "--out",
            ])
            .arg(&out_path)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let html = std::fs::read_to_string(&out_path).unwrap();
        assert!(html.contains(not_included), "{lang}: summits section");
        assert!(!html.contains(built_in), "{lang}: `{built_in}` in a coded-only report");
    }
}

/// A store holding exactly two coded USA–CHN happenings (each reported in both directions).
fn two_event_usa_chn(h: &Harness) {
    let doc = h.write(
        "usa-chn.txt",
        "2024年11月16日，拜登在利马会见习近平。\n\n2025年1月17日，特朗普与习近平通电话。\n"
            .as_bytes(),
    );
    h.json(&["ingest", doc.to_str().unwrap(), "--format", "json"], 0);
    let phases = h.json(&["phases", "--dyad", "USA-CHN", "--format", "json"], 0);
    assert_eq!(phases["data"]["events"], 2, "{phases}");
}

#[test]
fn a_report_compares_its_dyad_with_another_and_says_when_the_other_has_too_little() {
    let h = Harness::new();
    two_event_usa_chn(&h);
    for (lang, figure, short) in [
        (
            "en",
            "Figure 1b. The monthly relations level: United States–Russia and United States–China",
            "Too little record to compare: United States–China has 2 events (at least",
        ),
        (
            "zh",
            "图1b 月度关系水平：美俄与中美",
            "记录过少，无法对照：中美只有2个事件（需至少",
        ),
    ] {
        let path = h.path(&format!("compare-{lang}.html"));
        let out = h
            .cmd()
            .args(["report", "--dyad", "USA-RUS", "--compare", "USA-CHN"])
            .args(["--lang", lang, "--out"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let html = std::fs::read_to_string(&path).unwrap();
        assert!(
            html.contains(figure),
            "{lang}: no comparison chart titled {figure}"
        );
        assert_eq!(html.matches("class=\"chart compare\"").count(), 1, "{lang}");
        assert!(
            html.contains(short),
            "{lang}: no note that USA–CHN has too little record"
        );
        // The compared dyad's line is dashed, the report's own is not.
        let chart = html.split("class=\"chart compare\"").nth(1).unwrap();
        let chart = chart.split("</svg>").next().unwrap();
        assert_eq!(chart.matches("<polyline").count(), 2, "{lang}");
        assert_eq!(
            chart
                .matches("class=\"levelline\" stroke=\"#c2571a\" stroke-dasharray")
                .count(),
            1
        );
        // Without --compare there is no comparison.
        let plain = h.path(&format!("plain-{lang}.html"));
        let out = h
            .cmd()
            .args(["report", "--dyad", "USA-RUS", "--lang", lang, "--out"])
            .arg(&plain)
            .output()
            .unwrap();
        assert!(out.status.success());
        assert!(!std::fs::read_to_string(&plain)
            .unwrap()
            .contains("chart compare"));
    }
    // The same pair is no comparison.
    let out = h
        .cmd()
        .args(["report", "--dyad", "USA-RUS", "--compare", "RUS-USA"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--compare"));
}

#[test]
fn a_two_event_dyad_yields_a_report_that_says_what_it_cannot_compute_and_no_forecast() {
    let h = Harness::new();
    two_event_usa_chn(&h);
    for (lang, says, section_says, forecast_words) in [
        (
            "en",
            "What this report cannot say",
            "Not computed: a forecast needs at least 30 events (there are 2)",
            &[
                "Forecast</a> for",
                "naive persistence",
                "MASE",
                "80% interval",
            ][..],
        ),
        (
            "zh",
            "本报告无法回答的问题",
            "未计算：预测需要至少30个事件（现有2个）",
            &["预测</a>20", "朴素持续预测", "MASE", "80%区间"][..],
        ),
    ] {
        let path = h.path(&format!("usa-chn-{lang}.html"));
        let out = h
            .cmd()
            .args(["report", "--dyad", "USA-CHN", "--lang", lang, "--out"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let html = std::fs::read_to_string(&path).unwrap();
        // Named from the table of state names, in the order a Chinese title gives it.
        let title = if lang == "zh" {
            "<title>中美关系报告</title>"
        } else {
            "<title>United States–China relations: a report</title>"
        };
        assert!(html.contains(title), "{lang}: title is not {title}");
        assert!(
            html.contains(says),
            "{lang}: no statement of what it cannot say"
        );
        assert!(
            html.contains(section_says),
            "{lang}: forecast section does not say why"
        );
        // Phases, cycles and the spiral test are named as not computed, and absent.
        for m in [
            "phases and change points",
            "reset cycles",
            "the spiral-decline test",
        ] {
            let m = if lang == "zh" {
                match m {
                    "phases and change points" => "阶段与变点需要",
                    "reset cycles" => "重启周期需要",
                    _ => "螺旋式下降检验需要",
                }
            } else {
                m
            };
            assert!(html.contains(m), "{lang}: {m} not named");
        }
        assert!(!html.contains("id=\"phase-1\""), "{lang}: phases computed");
        assert!(!html.contains("id=\"cycle-1\""), "{lang}: cycles computed");
        assert!(
            !html.contains("id=\"spiral\""),
            "{lang}: spiral test computed"
        );
        // No forecast anywhere: no fan, no forecast table, no backtest, no skill claim (the
        // methods section may describe the method; nothing else may show its output).
        let methods = html.find("<section id=\"methods\">").unwrap();
        let appendix = html.find("<section id=\"appendix\">").unwrap();
        let html = format!("{}{}", &html[..methods], &html[appendix..]);
        assert!(
            !html.contains("class=\"fan80\""),
            "{lang}: forecast fan drawn"
        );
        assert!(!html.contains("id=\"backtest\""), "{lang}: backtest shown");
        assert!(
            !html.contains("id=\"flow-forecast\""),
            "{lang}: flow forecast shown"
        );
        for w in forecast_words {
            assert!(!html.contains(w), "{lang}: forecast output `{w}` present");
        }
        // What is computed is still there: the level chart and the two events.
        assert!(html.contains("<svg"));
        assert_eq!(html.matches("<div class=\"ev\" id=\"ev-").count(), 2);
    }
    let f = h.json(&["forecast", "--dyad", "USA-CHN", "--format", "json"], 0);
    assert_eq!(f["points"].as_array().map(Vec::len), Some(0), "{f}");
    assert_eq!(f["not_computed"]["measure"], "forecast");
    let out = h
        .cmd()
        .args(["forecast", "--dyad", "USA-CHN"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && text.contains("Not computed for USA-CHN: a forecast needs"),
        "{text}"
    );
    let b = h.json(&["backtest", "--dyad", "USA-CHN", "--format", "json"], 0);
    assert!(
        b["overall"].is_null() && b["not_computed"]["measure"] == "forecast",
        "{b}"
    );
    let p = h.json(&["phases", "--dyad", "USA-CHN", "--format", "json"], 0);
    assert_eq!(p["phases"].as_array().map(Vec::len), Some(0));
    let withheld: Vec<&str> = p["not_computed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x["measure"].as_str())
        .collect();
    assert_eq!(withheld, ["phases", "cycles", "spiral_test"]);
    // The built-in US–Russia record is well above every minimum.
    let p = h.json(&["phases", "--dyad", "USA-RUS", "--format", "json"], 0);
    assert_eq!(
        p["not_computed"].as_array().map(Vec::len),
        Some(0),
        "{}",
        p["not_computed"]
    );
}

#[test]
fn report_from_to_keeps_the_months_asked_for_and_refuses_bad_months() {
    let h = Harness::new();
    let path = h.path("window.html");
    let out = h
        .cmd()
        .args(["report", "--from", "2014-01", "--to", "2016-12", "--out"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(
        html.contains("<p class=\"meta\">2014-01 – 2016-12 · "),
        "span"
    );
    assert!(html.contains("Months 2014-01 to 2016-12 only"));
    assert!(html.contains("id=\"year-2014\"") && !html.contains("id=\"year-2013\""));
    assert!(!html.contains("id=\"year-2017\""));
    for (args, says) in [
        (&["--from", "2014-1"][..], "--from: `2014-1` is not a date"),
        (
            &["--from", "2014"][..],
            "--from: `2014` must be a month YYYY-MM",
        ),
        (
            &["--to", "2014-03-01"][..],
            "--to: `2014-03-01` must be a month",
        ),
        (
            &["--from", "2016-01", "--to", "2014-12"][..],
            "--to 2014-12 is before --from 2016-01",
        ),
    ] {
        let out = h.cmd().arg("report").args(args).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

#[test]
fn one_happening_many_mentions_the_alaska_summit_is_measured_once() {
    let docs = [
        fixture("zh-paper.txt"),
        fixture("zh-news-columns.txt"),
        fixture("zh-hant-wiki.txt"),
    ];
    alaska_summit_is_measured_once(&docs);
}

/// Ingests `docs`, which all report the Alaska summit of 2025-08-15: the summit is one
/// happening, with the chronology and at least two documents among its mentions.
fn alaska_summit_is_measured_once(docs: &[PathBuf]) {
    let h = Harness::new();
    let mut args = vec!["ingest"];
    args.extend(docs.iter().map(|d| d.to_str().unwrap()));
    args.extend(["--format", "json"]);
    h.json(&args, 0);
    let v = h.json(
        &[
            "events", "--merged", "--dyad", "USA-RUS", "--from", "2025-08", "--to", "2025-08",
            "--format", "json",
        ],
        0,
    );
    let meetings: Vec<&Value> = v
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["date"] == "2025-08-15" && e["cameo"].as_str().unwrap().starts_with("04"))
        .collect();
    assert_eq!(
        meetings.len(),
        1,
        "the summit is one happening: {meetings:?}"
    );
    let m = meetings[0];
    let docs = m["documents"].as_array().unwrap();
    assert!(docs.iter().any(|d| d == "chronology"), "{m}");
    assert!(
        m["mentions"].as_u64().unwrap() >= 3,
        "chronology and at least two documents: {m}"
    );
    assert_eq!(m["mentions"].as_u64().unwrap() as usize, docs.len());
    assert!(m["reports"].as_array().unwrap().len() >= 3);
    // The flow index counts it once.
    let idx = h.json(&["index", "--freq", "month", "--format", "json"], 0);
    let aug = idx
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["period"] == "2025-08")
        .unwrap();
    let happenings = v.as_array().unwrap().len() as u64;
    assert_eq!(aug["events"].as_u64().unwrap(), happenings);
}

/// The five real seed documents: they ingest as five Chinese documents, re-ingesting changes
/// nothing, and the three that report the Alaska summit make it one happening.
#[test]
fn opt_in_the_five_seed_documents() {
    let Some(seeds) = opt_in::suite("dyad tests/cli.rs, the five seed documents", "seeds") else {
        return;
    };
    let h = Harness::new();
    let v = h.json(&["ingest", seeds.to_str().unwrap(), "--format", "json"], 0);
    let docs = documents(&v);
    assert_eq!(docs.len(), 5);
    for d in docs {
        assert_eq!(d["status"], "new", "{d}");
        assert_eq!(d["lang"], "zh", "{d}");
        assert!(d["sentences"].as_u64().unwrap() > 10, "{d}");
        assert!(d["title"].as_str().is_some_and(|t| !t.is_empty()), "{d}");
    }
    let again = h.json(&["ingest", seeds.to_str().unwrap(), "--format", "json"], 0);
    assert!(documents(&again).iter().all(|d| d["status"] == "unchanged"));
    alaska_summit_is_measured_once(&[
        seed(&seeds, "000"),
        seed(&seeds, "002"),
        seed(&seeds, "003"),
    ]);
}

/// The development corpus's scorer runs against this build's binary and reports figures for
/// every script, each at or above its floor. The floors sit a little under the figures measured
/// when they were last raised (overall F1 0.648: en 0.644, ru 0.488, zh-Hans 0.738, zh-Hant
/// 0.624; date accuracy 0.913; modal leak 0.039; see BENCHMARKS.md); raise them as the coder
/// improves.
#[test]
fn opt_in_development_corpus_scorer() {
    let Some(corpus) = opt_in::suite(
        "dyad tests/cli.rs, the development corpus scorer",
        "corpus/score.py",
    ) else {
        return;
    };
    let out = std::process::Command::new("python3")
        .arg(&corpus)
        .args(["--dyad", env!("CARGO_BIN_EXE_dyad"), "--json"])
        .env_remove("DYAD_DB")
        .output()
        .expect("python3 runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "score.py failed: {}\n{stdout}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value =
        serde_json::from_str(&stdout).unwrap_or_else(|e| panic!("not JSON ({e}): {stdout}"));
    for script in ["en", "zh-Hans", "zh-Hant", "ru", "all"] {
        let f1 = v[script]["f1"].as_f64();
        assert!(
            f1.is_some_and(|f| (0.0..=1.0).contains(&f)),
            "{script}: {}",
            v[script]
        );
    }
    let all = &v["all"];
    assert!(all["tp"].as_u64().unwrap() > 0, "{all}");
    for (script, floor) in CORPUS_F1_FLOORS {
        let f1 = v[script]["f1"].as_f64().unwrap();
        assert!(f1 >= *floor, "{script}: F1 {f1} < {floor}: {}", v[script]);
    }
    let date = all["date_accuracy"].as_f64().unwrap();
    assert!(date >= 0.90, "date accuracy {date} < 0.90: {all}");
    let leak = all["modal_leak"].as_f64().unwrap();
    assert!(leak <= 0.06, "modal leak {leak} > 0.06: {all}");
}

/// See `opt_in_development_corpus_scorer`.
const CORPUS_F1_FLOORS: &[(&str, f64)] = &[
    ("all", 0.65),
    ("en", 0.65),
    ("ru", 0.47),
    ("zh-Hans", 0.73),
    ("zh-Hant", 0.61),
];
