//! A bounded HTTP load test for `dyad serve` (run by bench/load.sh and bench/mixed.sh): plain
//! std, one thread per keep-alive connection.
//!
//! Two modes:
//! - by count (default): `--concurrency` connections send `--requests` GETs in all, cycling
//!   through the paths given (one per line in `--paths FILE`, or the event queries below);
//! - by time (`--duration SECS`): `--concurrency` readers send GETs until the time is up while
//!   `--uploaders` more connections POST the documents of `--upload-dir` to `/api/documents`,
//!   each text upload made new by a first line of its own (so every one is coded and stored).
//!
//! Prints the latency distribution of reads (and of uploads) and the throughput; exits 1 if any
//! request failed: a read answered other than 200, an upload other than 201 (stored) or 200
//! (unchanged), or an I/O error (including a response slower than the 30 s read timeout).

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const DEFAULT_PATHS: &[&str] = &[
    "/api/events?dyad=USA-RUS&limit=50",
    "/api/events?dyad=USA-RUS&from=2014-01&to=2014-12&limit=100",
    "/api/events?dyad=RUS-USA&quad=4&limit=50",
    "/api/events?dyad=USA-RUS&domain=sanctions&limit=50",
    "/api/events?dyad=USA-RUS&from=2022-02&origin=imported&limit=100",
    "/api/events?dyad=USA-CHN&limit=50&offset=500",
    "/api/events?dyad=RUS-UKR&from=2023-06&to=2023-06&limit=200",
    "/api/events?dyad=USA-RUS&cameo=04&from=2008&limit=50",
];

struct Opts {
    addr: String,
    requests: usize,
    concurrency: usize,
    paths: Vec<String>,
    duration: Option<Duration>,
    uploaders: usize,
    upload_dir: Option<PathBuf>,
    token: Option<String>,
}

fn opts() -> Opts {
    let mut o = Opts {
        addr: "127.0.0.1:8080".into(),
        requests: 10_000,
        concurrency: 64,
        paths: DEFAULT_PATHS.iter().map(|s| s.to_string()).collect(),
        duration: None,
        uploaders: 0,
        upload_dir: None,
        token: None,
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < args.len() {
        let v = args.get(i + 1).cloned().unwrap_or_default();
        match args[i].as_str() {
            "--addr" => o.addr = v.trim_start_matches("http://").trim_end_matches('/').into(),
            "--requests" => o.requests = v.parse().expect("--requests N"),
            "--concurrency" => o.concurrency = v.parse().expect("--concurrency N"),
            "--paths" => {
                o.paths = std::fs::read_to_string(&v)
                    .expect("--paths FILE")
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(str::to_string)
                    .collect()
            }
            "--duration" => {
                o.duration = Some(Duration::from_secs_f64(v.parse().expect("--duration SECS")))
            }
            "--uploaders" => o.uploaders = v.parse().expect("--uploaders N"),
            "--upload-dir" => o.upload_dir = Some(v.into()),
            "--token" => o.token = Some(v).filter(|t| !t.is_empty()),
            other => panic!("unknown option {other}; see bench/load.rs"),
        }
        i += 2;
    }
    if o.uploaders > 0 && (o.duration.is_none() || o.upload_dir.is_none()) {
        panic!("--uploaders needs --duration SECS and --upload-dir DIR");
    }
    o
}

/// One keep-alive connection.
struct Conn {
    addr: String,
    reader: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn new(addr: String) -> Conn {
        Conn { addr, reader: None }
    }

    fn get(&mut self, path: &str) -> std::io::Result<u16> {
        let head = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr);
        self.send(head.as_bytes(), &[])
    }

    fn post(&mut self, path: &str, headers: &[String], body: &[u8]) -> std::io::Result<u16> {
        let mut head = format!(
            "POST {path} HTTP/1.1\r\nHost: {}\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        for h in headers {
            head.push_str(h);
            head.push_str("\r\n");
        }
        head.push_str("\r\n");
        self.send(head.as_bytes(), body)
    }

    fn send(&mut self, head: &[u8], body: &[u8]) -> std::io::Result<u16> {
        let result = self.exchange(head, body);
        if result.is_err() {
            self.reader = None;
        }
        result
    }

    fn exchange(&mut self, head: &[u8], body: &[u8]) -> std::io::Result<u16> {
        if self.reader.is_none() {
            let s = TcpStream::connect(&self.addr)?;
            s.set_nodelay(true)?;
            s.set_read_timeout(Some(Duration::from_secs(30)))?;
            self.reader = Some(BufReader::new(s));
        }
        let r = self.reader.as_mut().expect("connected");
        r.get_mut().write_all(head)?;
        r.get_mut().write_all(body)?;
        let mut line = String::new();
        r.read_line(&mut line)?;
        let status: u16 = line
            .split_whitespace()
            .nth(1)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
        let mut len = None;
        let mut close = false;
        loop {
            line.clear();
            r.read_line(&mut line)?;
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse::<usize>().ok();
                } else if k.eq_ignore_ascii_case("connection") && v.trim() == "close" {
                    close = true;
                }
            }
        }
        let len = len.ok_or_else(|| std::io::Error::other("no Content-Length"))?;
        let mut body = vec![0; len];
        r.read_exact(&mut body)?;
        if close {
            self.reader = None;
        }
        Ok(status)
    }
}

/// What one kind of request gave.
#[derive(Default)]
struct Tally {
    lat: Vec<Duration>,
    errors: Vec<String>,
}

impl Tally {
    fn extend(&mut self, other: Tally) {
        self.lat.extend(other.lat);
        self.errors.extend(other.errors);
    }

    fn report(&mut self, what: &str, wall: Duration) {
        self.lat.sort();
        let lat = &self.lat;
        let q = |p: f64| -> f64 {
            if lat.is_empty() {
                return 0.0;
            }
            let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
            lat[i].as_secs_f64() * 1000.0
        };
        println!("{what}: ok {} errors {}", lat.len(), self.errors.len());
        println!(
            "{what} latency ms: p50 {:.2} p90 {:.2} p99 {:.2} max {:.2}",
            q(0.50),
            q(0.90),
            q(0.99),
            q(1.0)
        );
        println!(
            "{what} throughput {:.0} req/s over {:.2} s",
            lat.len() as f64 / wall.as_secs_f64(),
            wall.as_secs_f64()
        );
        for e in self.errors.iter().take(10) {
            eprintln!("{what} error: {e}");
        }
    }
}

/// The documents to upload: (file name, bytes, media type), the files of `dir` dyad reads.
fn documents(dir: &PathBuf) -> Vec<(String, Vec<u8>, &'static str)> {
    let mut docs: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("--upload-dir {}: {e}", dir.display()))
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let media = match name.rsplit('.').next()? {
                "txt" => "text/plain",
                "md" if name != "README.md" => "text/markdown",
                "html" | "htm" => "text/html",
                "pdf" => "application/pdf",
                _ => return None,
            };
            Some((name, std::fs::read(e.path()).ok()?, media))
        })
        .collect();
    docs.sort();
    assert!(
        !docs.is_empty(),
        "no .txt, .md, .html or .pdf in --upload-dir"
    );
    docs
}

/// A document made new: a first line of its own for text (in the document's encoding when it is
/// UTF-16). A PDF gets a comment after its end, which leaves its text, and so its id, as it was:
/// it is coded again and answered `unchanged`.
fn distinct(doc: &[u8], media: &str, tag: &str) -> Vec<u8> {
    if media == "application/pdf" {
        let mut b = doc.to_vec();
        b.extend(format!("% {tag}\n").into_bytes());
        return b;
    }
    if doc.starts_with(&[0xff, 0xfe]) {
        let mut b = vec![0xff, 0xfe];
        for u in format!("{tag}\n").encode_utf16() {
            b.extend(u.to_le_bytes());
        }
        b.extend(&doc[2..]);
        return b;
    }
    let mut b = format!("{tag}\n").into_bytes();
    b.extend(doc);
    b
}

fn main() {
    let o = opts();
    let paths = Arc::new(o.paths);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let deadline = o.duration.map(|d| started + d);
    let readers: Vec<_> = (0..o.concurrency)
        .map(|_| {
            let (paths, next, addr) = (Arc::clone(&paths), Arc::clone(&next), o.addr.clone());
            let total = o.requests;
            std::thread::spawn(move || {
                let mut conn = Conn::new(addr);
                let mut t = Tally::default();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    match deadline {
                        Some(d) if Instant::now() >= d => break,
                        None if i >= total => break,
                        _ => {}
                    }
                    let path = &paths[i % paths.len()];
                    let start = Instant::now();
                    match conn.get(path) {
                        Ok(200) => t.lat.push(start.elapsed()),
                        Ok(s) => t.errors.push(format!("{path}: status {s}")),
                        Err(e) => t.errors.push(format!("{path}: {e}")),
                    }
                }
                t
            })
        })
        .collect();
    let docs = Arc::new(o.upload_dir.as_ref().map(documents).unwrap_or_default());
    let run = std::process::id();
    let uploaders: Vec<_> = (0..o.uploaders)
        .map(|u| {
            let (docs, addr, token) = (Arc::clone(&docs), o.addr.clone(), o.token.clone());
            let deadline = deadline.expect("--duration");
            std::thread::spawn(move || {
                let mut conn = Conn::new(addr);
                let mut t = Tally::default();
                let mut n = 0usize;
                while Instant::now() < deadline {
                    let (name, doc, media) = &docs[(u + n) % docs.len()];
                    let body = distinct(doc, media, &format!("load test {run} upload {u}-{n}"));
                    let mut headers = vec![format!("Content-Type: {media}")];
                    if let Some(tok) = &token {
                        headers.push(format!("Authorization: Bearer {tok}"));
                    }
                    let path = format!("/api/documents?filename={name}");
                    let start = Instant::now();
                    match conn.post(&path, &headers, &body) {
                        Ok(200 | 201) => t.lat.push(start.elapsed()),
                        Ok(s) => t.errors.push(format!("upload {name}: status {s}")),
                        Err(e) => t.errors.push(format!("upload {name}: {e}")),
                    }
                    n += 1;
                }
                t
            })
        })
        .collect();
    let mut reads = Tally::default();
    for w in readers {
        reads.extend(w.join().expect("reader"));
    }
    let mut uploads = Tally::default();
    for w in uploaders {
        uploads.extend(w.join().expect("uploader"));
    }
    let wall = started.elapsed();
    println!(
        "connections: {} readers, {} uploaders; {} read paths",
        o.concurrency,
        o.uploaders,
        paths.len()
    );
    reads.report("reads", wall);
    if o.uploaders > 0 {
        uploads.report("uploads", wall);
    }
    if !reads.errors.is_empty() || !uploads.errors.is_empty() {
        std::process::exit(1);
    }
}
