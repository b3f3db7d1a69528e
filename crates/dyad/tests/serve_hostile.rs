//! `dyad serve` against hostile clients and load: a public address without a token, cross-site
//! writes and foreign hosts, uploads built to crash it, bursts of uploads and a full queue while
//! reads go on. The server is started on 127.0.0.1 port 0 with a temporary database.

mod common;

use common::http::*;
use common::pdf_objects;
use common::server::Server;
use common::{Harness, Run};
use std::io::{BufReader, Write};
use std::net::TcpStream;
use std::time::Duration;

#[test]
fn refuses_a_public_address_without_a_token() {
    let h = Harness::new();
    let run = Run::of(
        h.cmd_on("t.db")
            .args(["serve", "--addr", "0.0.0.0:0"])
            .env_remove("DYAD_TOKEN"),
    )
    .expect(2);
    assert!(run.stderr.contains("without a token"), "{}", run.stderr);
}

/// A web page on another site, or one whose domain re-resolves to 127.0.0.1 (DNS rebinding),
/// cannot write to a server without a token, nor read from it; the dashboard's own requests and
/// clients without a browser still can.
#[test]
fn cross_site_writes_and_foreign_hosts_are_refused() {
    let server = Server::start(&[], None);
    let a = server.addr.as_str();
    let table = error_table(a);
    let text = "2025年2月12日，特朗普与普京通电话。".as_bytes();
    let plain = ("Content-Type", "text/plain");
    let refused = [
        vec![plain, ("Origin", "http://evil.example")],
        vec![plain, ("Origin", "null")],
        vec![plain, ("Sec-Fetch-Site", "cross-site")],
        vec![plain, ("Host", "rebind.example")],
        vec![
            plain,
            ("Host", "rebind.example"),
            ("Origin", "http://rebind.example"),
        ],
    ];
    for headers in &refused {
        let r = post(a, "/api/documents", headers, text);
        assert_eq!(
            r.status,
            403,
            "{headers:?}: {}",
            String::from_utf8_lossy(&r.body)
        );
        assert_error(&r, "forbidden_origin", &table);
        let r = post(a, "/api/code", headers, b"{\"sentences\": [\"x\"]}");
        assert_eq!(r.status, 403, "{headers:?}");
    }
    // Without a token, reads check the Host too.
    let r = request_full(
        a,
        "GET",
        "/api/documents",
        &[("Host", "rebind.example:80")],
        b"",
        false,
    );
    assert_eq!(r.status, 403);
    assert_eq!(
        ok_json(a, "/api/documents")["total"],
        0,
        "nothing was planted"
    );
    // The dashboard's own origin, and a client that sends none.
    let own = format!("http://{a}");
    let r = post(
        a,
        "/api/documents",
        &[plain, ("Origin", own.as_str())],
        text,
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let r = request_full(a, "GET", "/health", &[("Host", "localhost")], b"", false);
    assert_eq!(r.status, 200);

    // With a token, reads answer any Host, and a foreign Origin still cannot write.
    let server = serve(&[]);
    let a = server.addr.as_str();
    let r = request_full(
        a,
        "GET",
        "/health",
        &[("Host", "dyad.example.org")],
        b"",
        false,
    );
    assert_eq!(r.status, 200);
    let auth = format!("Bearer {TOKEN}");
    let r = post(
        a,
        "/api/documents",
        &[
            plain,
            ("Authorization", auth.as_str()),
            ("Origin", "https://evil.example"),
        ],
        text,
    );
    assert_eq!(r.status, 403);
}

/// Uploads built to overflow the stack are refused one by one, and the server keeps serving.
#[test]
fn uploads_built_to_crash_the_server_are_refused_and_it_lives_on() {
    let server = serve(&["--max-body", "1000000"]);
    let a = server.addr.as_str();
    let table = error_table(a);
    let auth = format!("Bearer {TOKEN}");
    let stream = pdf_objects::stream;
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /X1 4 0 R >> >> /Contents 5 0 R >>".to_string(),
        stream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Resources << /XObject << /X1 4 0 R >> >>", "/X1 Do"),
        stream("", "/X1 Do"),
    ];
    let pdf = pdf_objects::pdf(&objects);
    let r = post(
        a,
        "/api/documents",
        &[
            ("Content-Type", "application/pdf"),
            ("Authorization", auth.as_str()),
        ],
        &pdf,
    );
    assert_eq!(r.status, 422, "{}", String::from_utf8_lossy(&r.body));
    assert_error(&r, "unprocessable_document", &table);
    assert!(r.json()["error"]["message"]
        .as_str()
        .unwrap()
        .contains("draws itself"));

    let mut html = String::from("<html><body><p>Presidents met in Geneva.</p>");
    html.push_str(&"<b>".repeat(50_000));
    html.push_str("The ministers agreed to meet again.</body></html>");
    let r = post(
        a,
        "/api/documents",
        &[
            ("Content-Type", "text/html"),
            ("Authorization", auth.as_str()),
        ],
        html.as_bytes(),
    );
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    assert_eq!(get(a, "/health").status, 200);
}

/// A burst of uploads waits its turn (a few at once, bodies unread) and every one is stored;
/// reads are answered meanwhile.
#[test]
fn a_burst_of_uploads_is_stored_while_reads_go_on() {
    let s = serve(&["--max-body", "1000000"]);
    let a = s.addr.clone();
    let auth = format!("Bearer {TOKEN}");
    let uploaders: Vec<_> = (0..12)
        .map(|u| {
            let (a, auth) = (a.clone(), auth.clone());
            std::thread::spawn(move || {
                let text: String = (0..300)
                    .map(|i| {
                        format!(
                            "2025年{}月{}日，美俄两国外长就第{u}组第{i}项议题通电话。\n",
                            1 + i % 12,
                            1 + i % 28
                        )
                    })
                    .collect();
                post(
                    &a,
                    "/api/documents",
                    &[
                        ("Content-Type", "text/plain"),
                        ("Authorization", auth.as_str()),
                    ],
                    text.as_bytes(),
                )
                .status
            })
        })
        .collect();
    let mut reads = 0;
    while uploaders.iter().any(|u| !u.is_finished()) || reads < 5 {
        assert_eq!(get(&a, "/api/documents?limit=5").status, 200);
        reads += 1;
    }
    for u in uploaders {
        assert_eq!(u.join().unwrap(), 201);
    }
    assert_eq!(ok_json(&a, "/api/documents")["total"], 12);
}

/// An upload waits for a coding thread with its body unread; past `--upload-queue` waiting, the
/// next is answered 503 `busy` at once (with Retry-After) instead of piling up, reads are
/// answered meanwhile, and the uploads in hand are stored.
#[test]
fn uploads_past_the_queue_are_busy_at_once_and_reads_go_on() {
    let s = serve(&["--coding-threads", "1", "--upload-queue", "0"]);
    let a = s.addr.clone();
    let headers = TEXT_WITH_TOKEN;
    let slow_text = "2025年8月15日，美俄两国元首在安克雷奇会晤。\n".as_bytes();
    // An upload whose body is slow to come holds the one coding thread. (If the next upload
    // happened to take the thread first, the slow one was refused: start again.)
    let start_slow = || {
        let mut c = TcpStream::connect(&a).unwrap();
        c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        let head = format!(
            "POST /api/documents HTTP/1.1\r\nHost: {a}\r\nConnection: close\r\n\
             Content-Type: text/plain\r\nAuthorization: {AUTH}\r\nContent-Length: {}\r\n\r\n",
            slow_text.len()
        );
        c.write_all(head.as_bytes()).unwrap();
        c.write_all(&slow_text[..9]).unwrap();
        c
    };
    let (mut slow, busy) = (0..50)
        .find_map(|_| {
            let slow = start_slow();
            std::thread::sleep(Duration::from_millis(100));
            let r = post(&a, "/api/documents", &headers, "第二份文件。\n".as_bytes());
            (r.status == 503).then_some((slow, r))
        })
        .expect("an upload while the only coding thread is taken and no place is left to wait");
    assert_error(&busy, "busy", &error_table(&a));
    assert_eq!(busy.header("retry-after"), Some("2"));
    assert!(String::from_utf8_lossy(&busy.body).contains("try again"));
    // Reads do not wait for the coding thread.
    assert_eq!(get(&a, "/api/documents?limit=5").status, 200);
    // The slow upload's body arrives: it is stored, and the thread is free again.
    slow.write_all(&slow_text[9..]).unwrap();
    let done = read_response(BufReader::new(slow), None);
    assert_eq!(done.status, 201, "{}", String::from_utf8_lossy(&done.body));
    let next = post(&a, "/api/documents", &headers, "第三份文件。\n".as_bytes());
    assert_eq!(next.status, 201, "{}", String::from_utf8_lossy(&next.body));
}
