//! `dyad serve`'s arguments: the HTTP API and the web dashboard (see `crate::serve`).

use crate::{serve, Outcome};
use anyhow::Result;
use std::net::SocketAddr;
use std::path::Path;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Address to listen on; port 0 picks a free port (the address is printed on stderr).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Bearer token that write routes require (required on a non-loopback address).
    #[arg(long, env = "DYAD_TOKEN", hide_env_values = true, value_name = "TOKEN")]
    token: Option<String>,
    /// Largest upload, in bytes.
    #[arg(long, value_name = "N", default_value_t = 10_000_000)]
    max_body: usize,
    /// Database connections reading at once (default: twice the number of cores, at least 4).
    #[arg(long, value_name = "N")]
    readers: Option<usize>,
    /// A host name clients use to reach the server (checked in the Host header, against DNS
    /// rebinding); loopback names and the bound address are always accepted. Repeatable.
    #[arg(long = "allow-host", value_name = "NAME")]
    allow_hosts: Vec<String>,
    /// Threads coding uploads and coding requests, at a lower priority than reads (default: one
    /// fewer than the cores, at least one, so that reads always have a core).
    #[arg(long, value_name = "N")]
    coding_threads: Option<usize>,
    /// Uploads and coding requests that may wait for a coding thread (their bodies unread);
    /// more are answered 503 `busy` at once.
    #[arg(long, value_name = "N", default_value_t = 64)]
    upload_queue: usize,
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    serve::run(serve::Config {
        db: db.to_path_buf(),
        addr: args.addr,
        token: args.token,
        max_body: args.max_body,
        readers: args.readers.unwrap_or((2 * cores).max(4)).clamp(1, 256),
        allow_hosts: args.allow_hosts,
        coding_threads: args
            .coding_threads
            .unwrap_or(cores.saturating_sub(1))
            .clamp(1, 64),
        upload_queue: args.upload_queue,
    })?;
    Ok(Outcome::Ok)
}
