//! `dyad serve` started on 127.0.0.1, port 0, with a temporary database, and stopped when the
//! value is dropped.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Command, Stdio};

pub struct Server {
    child: Child,
    /// `127.0.0.1:PORT`, as the server announced it.
    pub addr: String,
    _dir: tempfile::TempDir,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    /// A server with `extra` arguments (`--max-body 65536` unless they set it) and `token`
    /// (or none: then it accepts writes from local clients without one).
    pub fn start(extra: &[&str], token: Option<&str>) -> Server {
        let dir = tempfile::tempdir().unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
            .arg("--db")
            .arg(dir.path().join("t.db"))
            .args(["serve", "--addr", "127.0.0.1:0"])
            .args(if extra.contains(&"--max-body") {
                &[][..]
            } else {
                &["--max-body", "65536"][..]
            })
            .args(extra)
            .env("DYAD_TOKEN", token.unwrap_or(""))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut err = BufReader::new(child.stderr.take().unwrap());
        let mut line = String::new();
        err.read_line(&mut line).unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|r| r.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        // Keep draining stderr so the server never blocks on a full pipe.
        std::thread::spawn(move || {
            let mut sink = String::new();
            let _ = err.read_to_string(&mut sink);
        });
        Server {
            child,
            addr,
            _dir: dir,
        }
    }
}
