//! `dyad serve`: the JSON API (described by `/openapi.json`) and the web dashboard (`/`), one
//! binary, assets embedded, nothing fetched from elsewhere.
//!
//! Concurrency: SQLite in WAL mode lets many readers run beside one writer. Each request's
//! database work runs on tokio's blocking pool with a reader connection taken from a small pool
//! (at most `readers` at once, bounded by a semaphore so a burst queues instead of opening a
//! connection per request). Uploads are coded outside any lock and stored by the one writer
//! connection in one transaction, so the server keeps answering while it ingests. At most
//! `compute` uploads and coding requests run at once (a permit is taken before the body is
//! read): the others wait with their bodies unread, so a burst of uploads neither fills the
//! blocking pool that readers also use nor piles request bodies up in memory.
//!
//! Analyses (level, phases, cycles) of a dyad are cached and invalidated when the database
//! changes, whoever changed it: a watcher connection reads `PRAGMA data_version`, which moves
//! whenever another connection (the writer, or a `dyad ingest` run beside the server) commits.

mod api;
mod errors;
mod events;
mod origin;

use crate::{builtin, coding, measure};
use anyhow::{bail, Context, Result};
use dyad_coder::Coder;
use dyad_model::Origin;
use dyad_store::Store;
use errors::{ApiError, Code};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// How the server is set up.
#[derive(Debug, Clone)]
pub struct Config {
    pub db: PathBuf,
    pub addr: SocketAddr,
    /// Bearer token required by write routes; required itself on a non-loopback address.
    pub token: Option<String>,
    /// Largest request body, in bytes (uploads).
    pub max_body: usize,
    /// Reader connections used at once.
    pub readers: usize,
    /// Host names accepted in `Host` besides the loopback names and the bound address.
    pub allow_hosts: Vec<String>,
}

/// Limits the API enforces; reported by `/health` and documented in `/openapi.json`.
pub mod limits {
    /// Largest body of `POST /api/code`.
    pub const CODE_BODY: usize = 64 * 1024;
    /// Sentences per `POST /api/code` request.
    pub const CODE_SENTENCES: usize = 100;
    /// Characters per sentence coded.
    pub const SENTENCE_CHARS: usize = 10_000;
    /// `limit` of listings.
    pub const PAGE: u64 = 1000;
    /// `offset` of listings (use the `after` cursor beyond it).
    pub const OFFSET: u64 = 100_000;
    /// `horizon` of forecasts, months.
    pub const HORIZON: usize = 120;
    /// `top` of drivers and `key` of the index.
    pub const TOP: usize = 100;
}

type AnalysisKey = (String, String, Vec<&'static str>, bool);

/// What every request shares.
pub struct State {
    db: PathBuf,
    token: Option<String>,
    hosts: origin::Hosts,
    max_body: usize,
    readers: Mutex<Vec<Store>>,
    permits: tokio::sync::Semaphore,
    /// Uploads and coding requests running at once.
    compute: tokio::sync::Semaphore,
    writer: Mutex<Store>,
    coder: Coder,
    watch: Mutex<Watch>,
    analyses: Mutex<HashMap<AnalysisKey, (u64, Arc<measure::Analysis>)>>,
    dyads: Mutex<Option<(u64, Arc<Vec<events::DyadCount>>)>>,
    /// Per store generation: the citations by id, and the dyads known to have events.
    lookups: Mutex<Option<(u64, Lookups)>>,
    /// Encoded event pages by query string, valid for one store generation.
    pages: Mutex<HashMap<String, (u64, axum::body::Bytes)>>,
}

/// Small lookups every event query needs, valid for one store generation.
#[derive(Clone)]
struct Lookups {
    citations: Arc<HashMap<String, dyad_store::CitationRow>>,
    known: Arc<Mutex<HashMap<(String, String), bool>>>,
}

/// Notices commits by other connections.
struct Watch {
    store: Store,
    data_version: i64,
    generation: u64,
}

/// Analyses kept at once.
const CACHED_ANALYSES: usize = 32;

/// Event pages kept at once (a few MB at most: pages are at most `limit` ≤ 1000 events).
const CACHED_PAGES: usize = 256;

impl State {
    fn new(config: &Config) -> Result<State> {
        // Opening through `open_store` loads or updates the built-in chronology once, here.
        let writer = builtin::open_store(&config.db)?;
        let watcher = Store::open(&config.db)?;
        let data_version = data_version(&watcher)?;
        Ok(State {
            db: config.db.clone(),
            token: config.token.clone().filter(|t| !t.is_empty()),
            hosts: origin::Hosts::new(config.addr, &config.allow_hosts),
            max_body: config.max_body,
            readers: Mutex::new(Vec::new()),
            permits: tokio::sync::Semaphore::new(config.readers.max(1)),
            compute: tokio::sync::Semaphore::new(
                std::thread::available_parallelism()
                    .map(|n| n.get())
                    .unwrap_or(1)
                    .clamp(1, 8),
            ),
            writer: Mutex::new(writer),
            coder: coding::builtin_coder()?,
            watch: Mutex::new(Watch {
                store: watcher,
                data_version,
                generation: 0,
            }),
            analyses: Mutex::new(HashMap::new()),
            dyads: Mutex::new(None),
            lookups: Mutex::new(None),
            pages: Mutex::new(HashMap::new()),
        })
    }

    /// The encoded event page for `query`, if it was computed in the current store generation.
    fn cached_page(&self, query: &str) -> Result<Option<axum::body::Bytes>, ApiError> {
        let generation = self.generation()?;
        Ok(lock(&self.pages)
            .get(query)
            .filter(|(g, _)| *g == generation)
            .map(|(_, b)| b.clone()))
    }

    /// Keeps an encoded event page computed in store generation `generation`.
    fn keep_page(&self, query: String, generation: u64, body: axum::body::Bytes) {
        let mut pages = lock(&self.pages);
        if pages.len() >= CACHED_PAGES {
            pages.retain(|_, (g, _)| *g == generation);
            if pages.len() >= CACHED_PAGES {
                pages.clear();
            }
        }
        pages.insert(query, (generation, body));
    }

    /// Runs `f` with a reader connection on the blocking pool.
    async fn read<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&State, &Store) -> Result<T, ApiError> + Send + 'static,
    {
        let _permit = self
            .permits
            .acquire()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))?;
        let st = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let store = match lock(&st.readers).pop() {
                Some(s) => s,
                None => Store::open(&st.db).map_err(ApiError::from)?,
            };
            let out = f(&st, &store);
            lock(&st.readers).push(store);
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("a request's task failed: {e}")))?
    }

    /// A permit to run an upload or a coding request, awaited before its body is read.
    async fn compute_permit(&self) -> Result<tokio::sync::SemaphorePermit<'_>, ApiError> {
        self.compute
            .acquire()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))
    }

    /// Runs `f` on the blocking pool without a connection (CPU work: text stage, coding).
    async fn compute<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&State) -> Result<T, ApiError> + Send + 'static,
    {
        let st = Arc::clone(self);
        tokio::task::spawn_blocking(move || f(&st))
            .await
            .map_err(|e| ApiError::internal(format!("a request's task failed: {e}")))?
    }

    /// Runs `f` with the one writer connection on the blocking pool.
    async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let st = Arc::clone(self);
        tokio::task::spawn_blocking(move || f(&mut lock(&st.writer)))
            .await
            .map_err(|e| ApiError::internal(format!("a request's task failed: {e}")))?
    }

    /// A number that changes whenever the database has changed.
    fn generation(&self) -> Result<u64, ApiError> {
        let mut w = lock(&self.watch);
        let v = data_version(&w.store)?;
        if v != w.data_version {
            w.data_version = v;
            w.generation += 1;
        }
        Ok(w.generation)
    }

    /// The lookups of the current generation (`store` loads them when the store changed).
    fn lookups(&self, store: &Store) -> Result<Lookups, ApiError> {
        let generation = self.generation()?;
        if let Some((g, l)) = lock(&self.lookups).as_ref() {
            if *g == generation {
                return Ok(l.clone());
            }
        }
        let l = Lookups {
            citations: Arc::new(events::citations(store.connection())?),
            known: Arc::new(Mutex::new(HashMap::new())),
        };
        *lock(&self.lookups) = Some((generation, l.clone()));
        Ok(l)
    }

    /// `unknown_dyad` unless the store holds an event between the two actors.
    fn check_dyad(&self, store: &Store, dyad: &(String, String)) -> Result<(), ApiError> {
        let lookups = self.lookups(store)?;
        let cached = lock(&lookups.known).get(dyad).copied();
        let known = match cached {
            Some(k) => k,
            None => {
                let k = events::dyad_known(store.connection(), &dyad.0, &dyad.1)?;
                lock(&lookups.known).insert(dyad.clone(), k);
                k
            }
        };
        if known {
            Ok(())
        } else {
            Err(unknown_dyad(dyad))
        }
    }

    /// Whether a write request carries the token (always true when no token is set, which
    /// `run` allows on loopback addresses only).
    fn authorize(&self, headers: &axum::http::HeaderMap) -> Result<(), ApiError> {
        let Some(token) = &self.token else {
            return Ok(());
        };
        let given = headers
            .get(axum::http::header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim);
        match given {
            Some(g) if constant_time_eq(g.as_bytes(), token.as_bytes()) => Ok(()),
            Some(_) => Err(ApiError::new(Code::Unauthorized, "the bearer token is wrong")),
            None => Err(ApiError::new(
                Code::Unauthorized,
                "this route writes to the store: send `Authorization: Bearer TOKEN` (the token `dyad serve` was started with)",
            )),
        }
    }

    /// The analysis of a dyad for the given origins, from the cache when the store is unchanged.
    async fn analysis(
        self: &Arc<Self>,
        dyad: (String, String),
        origins: Vec<Origin>,
        dedup: bool,
    ) -> Result<Arc<measure::Analysis>, ApiError> {
        let mut names: Vec<&'static str> = origins.iter().map(|o| o.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        let key: AnalysisKey = (dyad.0.clone(), dyad.1.clone(), names, dedup);
        let generation = self.generation()?;
        if let Some((g, a)) = lock(&self.analyses).get(&key) {
            if *g == generation {
                return Ok(Arc::clone(a));
            }
        }
        let a = self
            .read(move |st, store| {
                st.check_dyad(store, &dyad)?;
                let a = measure::analyse(store, &dyad, &origins, dedup)?;
                if a.level.points.is_empty() {
                    return Err(ApiError::new(
                        Code::NoEvents,
                        format!(
                            "no events of {}-{} from the origins asked for ({})",
                            dyad.0,
                            dyad.1,
                            crate::cmd::index::origin_names(&origins)
                        ),
                    ));
                }
                Ok(Arc::new(a))
            })
            .await?;
        let mut cache = lock(&self.analyses);
        if cache.len() >= CACHED_ANALYSES {
            cache.clear();
        }
        cache.insert(key, (generation, Arc::clone(&a)));
        Ok(a)
    }
}

fn unknown_dyad(dyad: &(String, String)) -> ApiError {
    ApiError::new(
        Code::UnknownDyad,
        format!(
            "the store holds no events between {} and {}; GET /api/dyads lists the pairs it has",
            dyad.0, dyad.1
        ),
    )
}

fn data_version(store: &Store) -> Result<i64, rusqlite::Error> {
    store
        .connection()
        .query_row("PRAGMA data_version", [], |r| r.get(0))
}

/// A poisoned lock only means another request panicked; the data behind it is still usable.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Starts the server and runs it until Ctrl-C or SIGTERM.
pub fn run(config: Config) -> Result<()> {
    if config.token.as_deref().is_none_or(str::is_empty) && !config.addr.ip().is_loopback() {
        bail!(
            "refusing to serve on {} without a token: anyone on the network could write to the store; \
             pass --token TOKEN (or set DYAD_TOKEN), or serve on 127.0.0.1",
            config.addr
        );
    }
    let state = Arc::new(State::new(&config)?);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async move {
        let listener = tokio::net::TcpListener::bind(config.addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.addr))?;
        let local = listener.local_addr()?;
        eprintln!(
            "dyad: serving {} on http://{local}/ (API description at /openapi.json; writes {})",
            config.db.display(),
            if state.token.is_some() {
                "need the bearer token"
            } else {
                "open to local clients: no token set"
            }
        );
        axum::serve(listener, api::router(state))
            .with_graceful_shutdown(shutdown())
            .await
            .context("serving HTTP")
    })?;
    eprintln!("dyad: stopped");
    Ok(())
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
