//! A bounded HTTP load test for `dyad serve` (run by bench/load.sh): `--concurrency` keep-alive
//! connections, each on its own thread, send `--requests` GETs in all, cycling through the paths
//! given (one per line in `--paths FILE`, or the event queries below). Prints the latency
//! distribution and throughput; exits 1 if any request failed (status other than 200, or I/O).
//!
//! Plain std: the client must not be the bottleneck nor pull in dependencies.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
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
}

fn opts() -> Opts {
    let mut o = Opts {
        addr: "127.0.0.1:8080".into(),
        requests: 10_000,
        concurrency: 64,
        paths: DEFAULT_PATHS.iter().map(|s| s.to_string()).collect(),
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
            other => panic!("unknown option {other}; see bench/load.rs"),
        }
        i += 2;
    }
    o
}

/// One keep-alive connection.
struct Conn {
    addr: String,
    reader: Option<BufReader<TcpStream>>,
}

impl Conn {
    fn get(&mut self, path: &str) -> std::io::Result<u16> {
        if self.reader.is_none() {
            let s = TcpStream::connect(&self.addr)?;
            s.set_nodelay(true)?;
            s.set_read_timeout(Some(Duration::from_secs(30)))?;
            self.reader = Some(BufReader::new(s));
        }
        let r = self.reader.as_mut().expect("connected");
        let req = format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.addr);
        r.get_mut().write_all(req.as_bytes())?;
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

fn main() {
    let o = opts();
    let paths = Arc::new(o.paths);
    let next = Arc::new(AtomicUsize::new(0));
    let started = Instant::now();
    let workers: Vec<_> = (0..o.concurrency)
        .map(|_| {
            let (paths, next, addr) = (Arc::clone(&paths), Arc::clone(&next), o.addr.clone());
            let total = o.requests;
            std::thread::spawn(move || {
                let mut conn = Conn { addr, reader: None };
                let mut lat = Vec::new();
                let mut errors = Vec::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= total {
                        break;
                    }
                    let path = &paths[i % paths.len()];
                    let t = Instant::now();
                    match conn.get(path) {
                        Ok(200) => lat.push(t.elapsed()),
                        Ok(s) => errors.push(format!("{path}: status {s}")),
                        Err(e) => {
                            conn.reader = None;
                            errors.push(format!("{path}: {e}"));
                        }
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let mut lat = Vec::new();
    let mut errors = Vec::new();
    for w in workers {
        let (l, e) = w.join().expect("worker");
        lat.extend(l);
        errors.extend(e);
    }
    let wall = started.elapsed();
    lat.sort();
    let q = |p: f64| -> f64 {
        if lat.is_empty() {
            return 0.0;
        }
        let i = ((lat.len() as f64 * p).ceil() as usize).clamp(1, lat.len()) - 1;
        lat[i].as_secs_f64() * 1000.0
    };
    println!(
        "requests {} ok {} errors {} concurrency {} paths {}",
        o.requests,
        lat.len(),
        errors.len(),
        o.concurrency,
        paths.len()
    );
    println!(
        "latency ms: p50 {:.2} p90 {:.2} p99 {:.2} max {:.2}",
        q(0.50),
        q(0.90),
        q(0.99),
        q(1.0)
    );
    println!(
        "throughput {:.0} req/s over {:.2} s",
        lat.len() as f64 / wall.as_secs_f64(),
        wall.as_secs_f64()
    );
    for e in errors.iter().take(10) {
        eprintln!("error: {e}");
    }
    if !errors.is_empty() {
        std::process::exit(1);
    }
}
