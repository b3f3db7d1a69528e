//! Whose requests the server answers: `Host` and `Origin` checks.
//!
//! A server on 127.0.0.1 without a token is reachable from any web page the user opens: a
//! page can send a cross-origin `fetch(…, {mode: 'no-cors'})` POST with a `text/plain` body,
//! which the browser sends without asking (it only hides the answer), and a page on a domain
//! that re-resolves to 127.0.0.1 (DNS rebinding) is even same-origin. So:
//!
//! * `Host` must name this server — a loopback name (`localhost`, `127.0.0.1`, `[::1]`), the
//!   address it is bound to, or a name given with `--allow-host` — on every write, and on
//!   every request when no token is set. A server bound to all addresses (`0.0.0.0`, which
//!   needs a token) accepts any `Host` unless `--allow-host` names some.
//! * A write (any method but GET, HEAD and OPTIONS) that carries `Origin` (browsers send it on
//!   every cross-origin POST) must come from an origin whose host passes the same test and
//!   whose host and port are those of `Host`; `Origin: null` (sandboxed frames, `file:` pages)
//!   and `Sec-Fetch-Site: cross-site` are refused. Clients that send no `Origin` (curl, scripts)
//!   are not browsers acting for a web page and pass.
//!
//! A refusal is `403 forbidden_origin`, saying which header was wrong and what to do.

use super::errors::{ApiError, Code};
use super::State;
use axum::extract::Request;
use axum::http::{header, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The host names (lower case, without port) a server answers to; `None` means any.
#[derive(Debug, Clone)]
pub struct Hosts(Option<Vec<String>>);

impl Hosts {
    /// The names for a server bound to `addr`, plus `extra` (`--allow-host`).
    pub fn new(addr: SocketAddr, extra: &[String]) -> Hosts {
        let ip = addr.ip();
        if ip.is_unspecified() && extra.is_empty() {
            return Hosts(None);
        }
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "[::1]"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        if !ip.is_unspecified() {
            names.push(match ip {
                IpAddr::V4(v4) => v4.to_string(),
                IpAddr::V6(v6) => format!("[{v6}]"),
            });
        }
        names.extend(extra.iter().map(|h| normalise(h)));
        Hosts(Some(names))
    }

    /// Whether `authority` (`host[:port]`, as in a `Host` header) names this server.
    pub fn allows(&self, authority: &str) -> bool {
        match &self.0 {
            None => true,
            Some(names) => {
                let host = normalise(host_of(authority));
                names.contains(&host)
            }
        }
    }
}

/// Lower case, without a trailing dot.
fn normalise(host: &str) -> String {
    host.trim().trim_end_matches('.').to_ascii_lowercase()
}

/// The host part of `host[:port]` (an IPv6 literal keeps its brackets).
fn host_of(authority: &str) -> &str {
    let a = authority.trim();
    if a.starts_with('[') {
        return a.find(']').map_or(a, |i| &a[..=i]);
    }
    match a.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => a,
    }
}

fn forbidden(message: String) -> Response {
    ApiError::new(Code::ForbiddenOrigin, message).into_response()
}

/// The middleware: checks `Host` and, on writes, `Origin` (see the module documentation).
pub async fn check(
    axum::extract::State(st): axum::extract::State<Arc<State>>,
    req: Request,
    next: Next,
) -> Response {
    let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let headers = req.headers();
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| req.uri().authority().map(|a| a.as_str()))
        .unwrap_or("");
    if (write || st.token.is_none()) && !st.hosts.allows(host) {
        return forbidden(format!(
            "the Host header `{host}` does not name this server (a page on another site may be trying to reach it); \
             use http://127.0.0.1 or http://localhost, or start `dyad serve` with --allow-host NAME"
        ));
    }
    if write {
        if headers
            .get("sec-fetch-site")
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.eq_ignore_ascii_case("cross-site"))
        {
            return forbidden(
                "a page on another site sent this write (Sec-Fetch-Site: cross-site); writes come from the dashboard or from clients without a browser"
                    .to_string(),
            );
        }
        if let Some(origin) = headers.get(header::ORIGIN) {
            let origin = origin.to_str().unwrap_or("null");
            let authority = origin
                .split_once("://")
                .map(|(_, rest)| rest.split('/').next().unwrap_or(""));
            let same = authority
                .is_some_and(|a| st.hosts.allows(a) && a.eq_ignore_ascii_case(host.trim()));
            if !same {
                return forbidden(format!(
                    "the Origin `{origin}` is not this server (`{host}`): writes are accepted from this server's own pages \
                     or from clients that send no Origin"
                ));
            }
        }
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_of_a_loopback_server() {
        let h = Hosts::new("127.0.0.1:8080".parse().unwrap(), &[]);
        for ok in ["127.0.0.1:8080", "localhost", "LOCALHOST.:80", "[::1]:8080"] {
            assert!(h.allows(ok), "{ok}");
        }
        for bad in [
            "evil.example",
            "evil.example:8080",
            "127.0.0.1.evil.example",
            "",
        ] {
            assert!(!h.allows(bad), "{bad}");
        }
        let h = Hosts::new(
            "0.0.0.0:80".parse().unwrap(),
            &["dyad.example.org".to_string()],
        );
        assert!(h.allows("dyad.example.org") && !h.allows("other.example"));
        assert!(Hosts::new("0.0.0.0:80".parse().unwrap(), &[]).allows("anything"));
        assert_eq!(host_of("[::1]:80"), "[::1]");
    }
}
