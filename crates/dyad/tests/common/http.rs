//! A tiny HTTP/1.1 client on TcpStream for the tests of `dyad serve` (tests/serve*.rs): one request
//! per connection, the response read whole, and the checks of the published error table.

use super::server::Server;
use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::time::Duration;

pub const TOKEN: &str = "test-token-0123";

/// The `Authorization` header of a client with the token.
pub const AUTH: &str = "Bearer test-token-0123";

/// The headers of a plain-text upload by a client with the token.
pub const TEXT_WITH_TOKEN: [(&str, &str); 2] =
    [("Content-Type", "text/plain"), ("Authorization", AUTH)];

pub fn serve(extra: &[&str]) -> Server {
    Server::start(extra, Some(TOKEN))
}

pub struct Resp {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Resp {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {}",
                String::from_utf8_lossy(&self.body[..self.body.len().min(300)])
            )
        })
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// One request on a fresh connection. With `expect_continue`, the body is sent only after the
/// server's `100 Continue` (a server that answers at once, e.g. 413, never gets the body).
pub fn request_full(
    addr: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    expect_continue: bool,
) -> Resp {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    let mut head = format!("{method} {path} HTTP/1.1\r\n");
    if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("host")) {
        head.push_str(&format!("Host: {addr}\r\n"));
    }
    head.push_str("Connection: close\r\n");
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !body.is_empty() || method == "POST" {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    if expect_continue {
        head.push_str("Expect: 100-continue\r\n");
    }
    head.push_str("\r\n");
    s.write_all(head.as_bytes()).unwrap();
    let mut reader = BufReader::new(s.try_clone().unwrap());
    if expect_continue {
        let mut status = String::new();
        reader.read_line(&mut status).unwrap();
        if status.contains(" 100 ") {
            let mut blank = String::new();
            reader.read_line(&mut blank).unwrap();
            s.write_all(body).unwrap();
            return read_response(reader, None);
        }
        return read_response(reader, Some(status));
    }
    s.write_all(body).unwrap();
    read_response(reader, None)
}

pub fn read_response(mut r: BufReader<TcpStream>, status_line: Option<String>) -> Resp {
    let status_line = status_line.unwrap_or_else(|| {
        let mut l = String::new();
        r.read_line(&mut l).unwrap();
        l
    });
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("bad status line {status_line:?}"));
    let mut headers = Vec::new();
    loop {
        let mut l = String::new();
        r.read_line(&mut l).unwrap();
        let l = l.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let mut body = Vec::new();
    r.read_to_end(&mut body).unwrap();
    Resp {
        status,
        headers,
        body,
    }
}

pub fn get(addr: &str, path: &str) -> Resp {
    request_full(addr, "GET", path, &[], b"", false)
}

pub fn post(addr: &str, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Resp {
    request_full(addr, "POST", path, headers, body, false)
}

pub fn ok_json(addr: &str, path: &str) -> Value {
    let r = get(addr, path);
    assert_eq!(
        r.status,
        200,
        "GET {path}: {}",
        String::from_utf8_lossy(&r.body)
    );
    assert_eq!(r.header("content-type"), Some("application/json"));
    r.json()
}

/// Asserts an error response: its code, and that the code and status are the table's.
pub fn assert_error(r: &Resp, code: &str, table: &Value) {
    let body = r.json();
    assert_eq!(
        body["error"]["code"], code,
        "expected {code}, got {body} (status {})",
        r.status
    );
    assert!(body["error"]["message"]
        .as_str()
        .is_some_and(|m| !m.is_empty()));
    let row = table
        .as_array()
        .unwrap()
        .iter()
        .find(|row| row["code"] == code)
        .unwrap_or_else(|| panic!("{code} is not in the documented error table"));
    assert_eq!(
        u64::from(r.status),
        row["status"].as_u64().unwrap(),
        "{code}"
    );
}

pub fn error_table(addr: &str) -> Value {
    ok_json(addr, "/openapi.json")["x-error-codes"].clone()
}

/// Asserts an error response as [`assert_error`] does, and that its message names `what`.
pub fn assert_error_naming(r: &Resp, code: &str, table: &Value, what: &str) {
    assert_error(r, code, table);
    let message = r.json()["error"]["message"].as_str().unwrap().to_string();
    assert!(
        message.contains(what),
        "the message of {code} should name `{what}`: {message}"
    );
}
