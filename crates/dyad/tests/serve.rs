//! Integration tests of `dyad serve`: the binary is started on 127.0.0.1 port 0 with a temporary
//! database, and every route is called over real HTTP (a tiny HTTP/1.1 client on TcpStream,
//! `common::http`), with good and bad input. Every error must carry a code from the table published
//! in /openapi.json, with that code's status. Hostile clients and load: `serve_hostile.rs`.

mod common;

use common::http::*;
use serde_json::Value;

#[test]
fn read_routes_answer_with_the_documented_shapes() {
    let s = serve(&[]);
    let a = &s.addr;
    let health = ok_json(a, "/health");
    assert_eq!(health["status"], "ok");
    assert_eq!(health["write_requires_token"], true);
    assert_eq!(health["limits"]["upload_bytes"], 65536);

    let doc = ok_json(a, "/openapi.json");
    assert_eq!(doc["openapi"], "3.1.0");
    for route in [
        "/health",
        "/api/documents",
        "/api/documents/{id}",
        "/api/events",
        "/api/index",
        "/api/phases",
        "/api/summits",
        "/api/drivers",
        "/api/forecast",
        "/api/code",
    ] {
        assert!(doc["paths"].get(route).is_some(), "{route} undocumented");
    }
    let codes: Vec<&str> = doc["x-error-codes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["code"].as_str().unwrap())
        .collect();
    for c in [
        "bad_request",
        "invalid_json",
        "unknown_dyad",
        "not_found",
        "payload_too_large",
        "unauthorized",
        "range_too_large",
        "unsupported_media_type",
        "internal",
    ] {
        assert!(codes.contains(&c), "{c} missing from the error table");
    }

    let dyads = ok_json(a, "/api/dyads");
    assert_eq!(dyads["dyads"][0]["dyad"], "USA-RUS");
    assert!(ok_json(a, "/api/vocabulary")["domains"]
        .as_array()
        .is_some_and(|d| d.len() > 5));
    let docs = ok_json(a, "/api/documents");
    assert_eq!(docs["total"], 0);

    // Events: pages by offset and by cursor agree; filters hold.
    let p1 = ok_json(a, "/api/events?dyad=USA-RUS&limit=20");
    let evs = p1["events"].as_array().unwrap();
    assert_eq!(evs.len(), 20);
    assert_eq!(p1["next_offset"], 20);
    let by_offset = ok_json(a, "/api/events?dyad=RUS-USA&limit=20&offset=20");
    let cursor = p1["next_cursor"].as_str().unwrap();
    let by_cursor = ok_json(
        a,
        &format!("/api/events?dyad=USA-RUS&limit=20&after={cursor}"),
    );
    assert_eq!(by_offset["events"], by_cursor["events"]);
    let dates: Vec<&str> = evs.iter().map(|e| e["date"].as_str().unwrap()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "not in date order");
    assert!(evs[0]["citation"].as_array().is_some_and(|c| !c.is_empty()));
    let q4 = ok_json(
        a,
        "/api/events?dyad=USA-RUS&quad=4&from=2014-01&to=2014-12&limit=1000",
    );
    let q4 = q4["events"].as_array().unwrap();
    assert!(!q4.is_empty());
    assert!(q4
        .iter()
        .all(|e| e["quad_class"] == 4 && e["date"].as_str().unwrap().starts_with("2014")));
    let sanctions = ok_json(
        a,
        "/api/events?dyad=USA-RUS&domain=sanctions&origin=curated",
    );
    assert!(sanctions["events"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["domains"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d == "sanctions")));
    let all = ok_json(a, "/api/events?limit=5");
    assert_eq!(all["events"].as_array().unwrap().len(), 5);

    let index = ok_json(a, "/api/index?dyad=USA-RUS&freq=year&key=5");
    assert!(index["periods"].as_array().unwrap().len() > 30);
    assert_eq!(index["key_events"].as_array().unwrap().len(), 5);
    assert!(index["periods"][0]["band"].is_string());
    let phases = ok_json(a, "/api/phases?dyad=USA-RUS");
    assert!(!phases["phases"].as_array().unwrap().is_empty());
    let summits = ok_json(a, "/api/summits?by=year&include_multilateral=true");
    assert!(summits["total"].as_u64().unwrap() > 20);
    let drivers = ok_json(a, "/api/drivers?from=2014-01&to=2014-12&top=3");
    assert_eq!(drivers["from"], "2014-01");
    assert!(!drivers["by_domain"].as_array().unwrap().is_empty());
    let forecast = ok_json(a, "/api/forecast?horizon=6");
    assert_eq!(forecast["points"].as_array().unwrap().len(), 6);

    // The dashboard and its assets come from the binary.
    let html = get(a, "/");
    assert_eq!(html.status, 200);
    assert!(html
        .header("content-type")
        .unwrap()
        .starts_with("text/html"));
    let text = String::from_utf8_lossy(&html.body);
    assert!(text.contains("/app.js") && !text.contains("http://") && !text.contains("https://"));
    assert!(get(a, "/app.js")
        .header("content-type")
        .unwrap()
        .starts_with("text/javascript"));
    assert!(get(a, "/style.css")
        .header("content-type")
        .unwrap()
        .starts_with("text/css"));
}

#[test]
fn curated_events_carry_the_chinese_name_of_their_place() {
    let s = serve(&[]);
    let a = &s.addr;
    // July 2018 holds the Helsinki summit (place `Helsinki, Finland`, 芬兰赫尔辛基 in
    // data/chronology/places.tsv) and events that name no place (the calls).
    let page = ok_json(
        a,
        "/api/events?dyad=USA-RUS&origin=curated&from=2018-07&to=2018-07&limit=1000",
    );
    let evs = page["events"].as_array().unwrap();
    let summit = evs
        .iter()
        .find(|e| e["curated_id"] == "2018-07-16-helsinki-summit")
        .unwrap_or_else(|| panic!("no Helsinki summit in {page}"));
    assert_eq!(summit["place"], "Helsinki, Finland");
    assert_eq!(summit["place_zh"], "芬兰赫尔辛基");
    let moscow = evs
        .iter()
        .find(|e| e["curated_id"] == "2018-07-03-lavrov-meets-us-congress-delegation")
        .unwrap_or_else(|| panic!("no Lavrov meeting in Moscow in {page}"));
    assert_eq!(moscow["place_zh"], "俄罗斯莫斯科");
    let call = evs
        .iter()
        .find(|e| e["curated_id"] == "2018-07-21-pompeo-lavrov-call")
        .unwrap_or_else(|| panic!("no Pompeo–Lavrov call in {page}"));
    assert!(call["place"].is_null());
    assert_eq!(call.get("place_zh"), Some(&Value::Null));
    // Every curated event with a place has its Chinese name (`dyad dict check` ensures a row).
    for e in evs.iter().filter(|e| !e["place"].is_null()) {
        let zh = e["place_zh"].as_str().unwrap_or_else(|| panic!("{e}"));
        assert!(
            zh.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)),
            "{e}"
        );
    }

    // The field is documented, like every field of an event.
    let doc = ok_json(a, "/openapi.json");
    let props = doc["components"]["schemas"]["Event"]["properties"]
        .as_object()
        .unwrap();
    for key in summit.as_object().unwrap().keys() {
        assert!(
            props.contains_key(key),
            "`{key}` is not in the Event schema"
        );
    }
}

#[test]
fn bad_input_gets_the_documented_error_codes() {
    let s = serve(&[]);
    let a = &s.addr;
    let table = error_table(a);
    let e = |path: &str, code: &str| assert_error(&get(a, path), code, &table);

    for route in [
        "/api/events?dyad=USA-XYZ",
        "/api/index?dyad=USA-XYZ",
        "/api/phases?dyad=USA-XYZ",
        "/api/summits?dyad=USA-XYZ",
        "/api/drivers?dyad=USA-XYZ",
        "/api/forecast?dyad=USA-XYZ",
    ] {
        e(route, "unknown_dyad");
    }
    e("/api/index?dyad=USA-RUS&origin=imported", "no_events");
    e("/api/events?dyad=USA", "bad_request");
    e("/api/events?dyad=USA-RUS&colour=red", "bad_request");
    e("/api/events?from=2022-13", "bad_request");
    e("/api/events?from=2023&to=2022", "bad_request");
    e("/api/events?quad=7", "bad_request");
    e("/api/events?domain=weather", "bad_request");
    e("/api/events?lang=fr", "bad_request");
    e("/api/events?after=xyz", "bad_request");
    e("/api/events?include_negated=maybe", "bad_request");
    e("/api/events?dyad=USA-RUS&dyad=USA-CHN", "bad_request");
    e("/api/events?limit=5000", "range_too_large");
    e("/api/events?offset=1000000", "range_too_large");
    e("/api/events?limit=ten", "bad_request");
    e("/api/forecast?horizon=500", "range_too_large");
    e("/api/forecast?horizon=0", "bad_request");
    e("/api/drivers?top=1000", "range_too_large");
    e("/api/drivers?from=2014-05&to=2014-01", "bad_request");
    e("/api/index?freq=weekly", "bad_request");
    e("/api/summits?by=pope", "bad_request");
    e("/api/documents/ffffffff", "not_found");
    e("/api/documents/zz", "not_found");
    e("/api/events?doc=abcd1234", "not_found");
    e("/api/nothing-here", "not_found");
    assert_error(
        &request_full(a, "DELETE", "/api/events", &[], b"", false),
        "method_not_allowed",
        &table,
    );

    // The coder: malformed JSON, wrong shape, wrong media type, too much.
    let json = [("Content-Type", "application/json")];
    assert_error(
        &post(a, "/api/code", &json, b"{\"sentence\": "),
        "invalid_json",
        &table,
    );
    assert_error(
        &post(a, "/api/code", &json, b"[1, 2]"),
        "invalid_json",
        &table,
    );
    assert_error(
        &post(a, "/api/code", &json, b"{\"sentense\": \"typo\"}"),
        "invalid_json",
        &table,
    );
    assert_error(
        &post(a, "/api/code", &json, b"{\"sentence\": \"  \"}"),
        "bad_request",
        &table,
    );
    assert_error(
        &post(
            a,
            "/api/code",
            &json,
            b"{\"sentence\": \"x\", \"date_context\": \"2025\"}",
        ),
        "bad_request",
        &table,
    );
    assert_error(
        &post(a, "/api/code", &[("Content-Type", "text/plain")], b"hello"),
        "unsupported_media_type",
        &table,
    );
    let many = serde_json::json!({ "sentences": vec!["a"; 101] }).to_string();
    assert_error(
        &post(a, "/api/code", &json, many.as_bytes()),
        "range_too_large",
        &table,
    );
    let big = format!("{{\"sentence\": \"{}\"}}", "x".repeat(70_000));
    assert_error(
        &request_full(a, "POST", "/api/code", &json, big.as_bytes(), true),
        "payload_too_large",
        &table,
    );

    // Uploads: the token first, then the body.
    let text = [("Content-Type", "text/plain")];
    let r = post(a, "/api/documents", &text, "美俄关系。".as_bytes());
    assert_error(&r, "unauthorized", &table);
    assert!(r
        .header("www-authenticate")
        .is_some_and(|v| v.starts_with("Bearer")));
    let wrong = [
        ("Content-Type", "text/plain"),
        ("Authorization", "Bearer nope"),
    ];
    assert_error(
        &post(a, "/api/documents", &wrong, "美俄关系。".as_bytes()),
        "unauthorized",
        &table,
    );
    let auth = format!("Bearer {TOKEN}");
    let with = |ct: &'static str| [("Content-Type", ct), ("Authorization", auth.as_str())];
    let huge = vec![b'a'; 100_000];
    assert_error(
        &request_full(
            a,
            "POST",
            "/api/documents",
            &with("text/plain"),
            &huge,
            true,
        ),
        "payload_too_large",
        &table,
    );
    assert_error(
        &post(
            a,
            "/api/documents",
            &with("image/png"),
            b"\x89PNG\r\n\x1a\n",
        ),
        "unsupported_media_type",
        &table,
    );
    assert_error(
        &post(a, "/api/documents", &with("text/plain"), b""),
        "bad_request",
        &table,
    );
    assert_error(
        &post(
            a,
            "/api/documents?date=2025-13-01",
            &with("text/plain"),
            b"text",
        ),
        "bad_request",
        &table,
    );
    assert_error(
        &post(
            a,
            "/api/documents?filename=a.docx",
            &with("application/octet-stream"),
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00",
        ),
        "unprocessable_document",
        &table,
    );
    assert_error(
        &post(
            a,
            "/api/documents",
            &with("multipart/form-data; boundary=XyZ"),
            b"--XyZ\r\nContent-Disposition: form-data; name=\"nofile\"\r\n\r\nx\r\n--XyZ--\r\n",
        ),
        "bad_request",
        &table,
    );
    // Nothing was stored by any of that.
    assert_eq!(ok_json(a, "/api/documents")["total"], 0);
}

#[test]
fn code_and_upload_store_and_list_events() {
    let s = serve(&[]);
    let a = &s.addr;
    let json = [("Content-Type", "application/json")];
    let r = post(
        a,
        "/api/code",
        &json,
        "{\"sentence\": \"2025年2月12日，特朗普与普京通电话。\", \"explain\": true}".as_bytes(),
    );
    assert_eq!(r.status, 200);
    let coded = r.json();
    let ev = &coded["results"][0]["events"][0];
    assert_eq!(ev["date"], "2025-02-12");
    assert_eq!(ev["cameo"], "041");
    assert!(ev["explain"].is_string());
    assert_eq!(
        ok_json(a, "/api/documents")["total"],
        0,
        "code stores nothing"
    );

    // Before any coded document, an analysis of coded events has nothing to work on.
    assert_eq!(get(a, "/api/index?dyad=USA-RUS&origin=coded").status, 404);

    // An event page read before the upload; the page cache must not serve it after the write.
    let coded_page = "/api/events?dyad=USA-RUS&origin=coded&limit=100";
    assert_eq!(
        ok_json(a, coded_page)["events"].as_array().unwrap().len(),
        0
    );
    assert_eq!(
        ok_json(a, coded_page)["events"].as_array().unwrap().len(),
        0
    );

    let auth = format!("Bearer {TOKEN}");
    let text = "美俄峰会\n\n2025年8月15日，特朗普与普京在阿拉斯加举行会晤。双方同意继续对话。";
    let raw = [
        ("Content-Type", "text/plain; charset=utf-8"),
        ("Authorization", auth.as_str()),
    ];
    let r = post(
        a,
        "/api/documents?date=2025-08-16&title=Alaska",
        &raw,
        text.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let up = r.json();
    assert_eq!(up["status"], "new");
    assert_eq!(up["document"]["title"], "Alaska");
    let events = up["events"].as_array().unwrap();
    assert!(events.len() >= 2, "{up}");
    assert!(events
        .iter()
        .all(|e| e["origin"] == "coded" && e["lang"] == "zh"));
    // Coded events name no place, so no Chinese one either; the field is there all the same.
    assert!(events
        .iter()
        .all(|e| e["place"].is_null() && e.get("place_zh") == Some(&Value::Null)));
    let id = up["document"]["id"].as_str().unwrap().to_string();

    // The same content again writes nothing.
    let again = post(a, "/api/documents", &raw, text.as_bytes());
    assert_eq!(again.status, 200);
    assert_eq!(again.json()["status"], "unchanged");

    // Multipart, as the dashboard sends it.
    let body = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"note.md\"\r\n\
                Content-Type: text/markdown\r\n\r\n# Talks\n\nOn 3 March 2025, Rubio met Lavrov in Riyadh.\r\n\
                --b0undary\r\nContent-Disposition: form-data; name=\"date\"\r\n\r\n2025-03-04\r\n--b0undary--\r\n";
    let mp = [
        ("Content-Type", "multipart/form-data; boundary=b0undary"),
        ("Authorization", auth.as_str()),
    ];
    let r = post(a, "/api/documents", &mp, body.as_bytes());
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let md = r.json();
    assert_eq!(md["document"]["format"], "markdown");
    assert_eq!(md["document"]["path"], "note.md");

    let docs = ok_json(a, "/api/documents");
    assert_eq!(docs["total"], 2);
    let one = ok_json(a, &format!("/api/documents/{}", &id[..10]));
    assert_eq!(one["document"]["id"], id.as_str());
    let sentences = one["sentences"].as_array().unwrap();
    assert!(sentences.len() >= 2);
    let sid = one["events"][0]["sentence_id"].as_i64().unwrap();
    assert!(sentences
        .iter()
        .any(|s| s["id"] == sid && s["text"].as_str().unwrap().contains("普京")));
    let listed = ok_json(a, &format!("/api/events?doc={}&lang=zh", &id[..8]));
    assert_eq!(listed["events"].as_array().unwrap().len(), events.len());

    // The cached page follows the write.
    assert!(!ok_json(a, coded_page)["events"]
        .as_array()
        .unwrap()
        .is_empty());

    // The cached analysis follows the write.
    let idx = ok_json(a, "/api/index?dyad=USA-RUS&origin=coded");
    assert!(idx["events"].as_u64().unwrap() >= 1);
}

#[test]
fn reads_go_on_while_a_large_upload_is_coded() {
    let s = serve(&["--max-body", "5000000"]);
    let a = s.addr.clone();
    let mut text = String::new();
    for i in 0..3000 {
        text.push_str(&format!(
            "{}年{}月{}日，美国总统与俄罗斯总统通电话，双方讨论了第{i}项议题。\n",
            2000 + i % 25,
            1 + i % 12,
            1 + i % 28
        ));
    }
    let auth = format!("Bearer {TOKEN}");
    let writer = {
        let a = a.clone();
        std::thread::spawn(move || {
            post(
                &a,
                "/api/documents?filename=big.txt",
                &[
                    ("Content-Type", "text/plain"),
                    ("Authorization", auth.as_str()),
                ],
                text.as_bytes(),
            )
        })
    };
    let mut reads = 0;
    while !writer.is_finished() || reads < 20 {
        let r = get(&a, "/api/events?dyad=USA-RUS&limit=50");
        assert_eq!(r.status, 200);
        reads += 1;
    }
    let up = writer.join().unwrap();
    assert_eq!(up.status, 201, "{}", String::from_utf8_lossy(&up.body));
    assert!(up.json()["events"].as_array().unwrap().len() > 1000);
    assert!(reads >= 20);
}

/// A `charset` the text stage cannot read was ignored (the document stored as if none had been
/// given); it is the client's mistake, named in a 400.
#[test]
fn an_unknown_charset_is_a_bad_request_naming_it() {
    let s = serve(&[]);
    let a = &s.addr;
    let table = error_table(a);
    let text = TEXT_WITH_TOKEN;
    let r = post(
        a,
        "/api/documents?charset=klingon",
        &text,
        "2025年8月15日，特朗普与普京在阿拉斯加举行会晤。".as_bytes(),
    );
    assert_eq!(r.status, 400, "{}", String::from_utf8_lossy(&r.body));
    assert_error_naming(&r, "bad_request", &table, "charset=klingon");
    // Also as a form field.
    let form = b"--XyZ\r\nContent-Disposition: form-data; name=\"charset\"\r\n\r\nutf-9\r\n\
--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\nContent-Type: text/plain\r\n\r\nThe presidents met.\r\n--XyZ--\r\n";
    let r = post(
        a,
        "/api/documents",
        &[
            ("Content-Type", "multipart/form-data; boundary=XyZ"),
            ("Authorization", AUTH),
        ],
        form,
    );
    assert_error_naming(&r, "bad_request", &table, "charset=utf-9");
    // A label dyad knows is read as declared.
    let r = post(
        a,
        "/api/documents?charset=gb18030",
        &text,
        &encoding_rs::GB18030
            .encode("2025年8月15日，特朗普与普京在阿拉斯加举行会晤。")
            .0,
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(r.json()["document"]["encoding"], "GB18030");
    assert_eq!(ok_json(a, "/api/documents")["total"], 1);
}

/// A document id in the path that is not %-encoded UTF-8 got axum's plain-text 400, outside
/// the table; it is `bad_request` in the table's shape, saying what the id should be.
#[test]
fn an_undecodable_document_id_is_a_bad_request_in_the_table() {
    let s = serve(&[]);
    let a = &s.addr;
    let table = error_table(a);
    for path in ["/api/documents/%FF%FE", "/api/documents/ab%C3"] {
        let r = get(a, path);
        assert_eq!(r.header("content-type"), Some("application/json"), "{path}");
        assert_error_naming(&r, "bad_request", &table, "document id");
    }
    // A well-formed id that matches nothing is still `not_found`, naming the id.
    assert_error_naming(
        &get(a, "/api/documents/abcdef12"),
        "not_found",
        &table,
        "abcdef12",
    );
}

/// A document's date out of range: relative dates counted from it left the four-digit years
/// ("last year" from 0000-06-01 is `-001`), the upload was stored, and from then on every
/// analysis of the dyad answered 500 `internal` (the stored date could not be read back). The
/// date is refused as the client's (400, naming the parameter), and a document whose own dates
/// resolve out of range is unprocessable (422, naming the sentence and the date).
#[test]
fn a_date_out_of_range_is_refused_and_never_stored() {
    let s = serve(&[]);
    let a = &s.addr;
    let table = error_table(a);
    let text = TEXT_WITH_TOKEN;
    let r = post(
        a,
        "/api/documents?date=0000-06-01",
        &text,
        b"Last year Trump met Putin in Moscow.",
    );
    assert_eq!(r.status, 400, "{}", String::from_utf8_lossy(&r.body));
    assert_error_naming(
        &r,
        "bad_request",
        &table,
        "`date`: `0000-06-01` is out of range",
    );
    let json = [("Content-Type", "application/json")];
    let r = post(
        a,
        "/api/code",
        &json,
        b"{\"sentence\": \"Next year Trump will visit Russia.\", \"date_context\": \"9999-12-31\"}",
    );
    assert_error_naming(
        &r,
        "bad_request",
        &table,
        "`date_context`: `9999-12-31` is out of range",
    );
    // The publication date the text states itself.
    let r = post(
        a,
        "/api/documents",
        &text,
        "发布日期：9999-12-31\n\nNext year Trump will visit Russia.".as_bytes(),
    );
    assert_eq!(r.status, 422, "{}", String::from_utf8_lossy(&r.body));
    assert_error_naming(&r, "unprocessable_document", &table, "sentence 2");
    assert_error_naming(&r, "unprocessable_document", &table, "`10000`");
    // Nothing was stored, and the dyad's analyses are answered.
    assert_eq!(ok_json(a, "/api/documents")["total"], 0);
    ok_json(a, "/api/index?dyad=USA-RUS");
    ok_json(a, "/api/phases?dyad=USA-RUS");
    // A date in range is taken.
    let r = post(
        a,
        "/api/documents?date=2025-06-01",
        &text,
        b"Last year Trump met Putin in Moscow.",
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    ok_json(a, "/api/index?dyad=USA-RUS");
}
