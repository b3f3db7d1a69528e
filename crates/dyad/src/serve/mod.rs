//! `dyad serve`: the JSON API (described by `/openapi.json`) and the web dashboard (`/`), one
//! binary, assets embedded, nothing fetched from elsewhere.
//!
//! Concurrency: SQLite in WAL mode lets many readers run beside one writer. Each request's
//! database work runs on tokio's blocking pool with a read-only connection taken from a small
//! pool (at most `readers` at once, bounded by a semaphore so a burst queues instead of opening
//! a connection per request). Uploads and coding requests are coded on threads of their own
//! (`work`: one fewer than the cores, at a lower priority, so readers always have a core and
//! never wait behind them) and stored by the one writer connection in one transaction, so the
//! server keeps answering while it ingests. A request takes its turn on a coding thread before
//! its body is read: the others wait with their bodies unread, and past `upload_queue` waiting
//! the next is answered 503 `busy`, so a burst of uploads neither starves reads nor piles
//! connections and bodies up in memory.
//!
//! Analyses (level, phases, cycles) of a dyad are cached and invalidated when the database
//! changes, whoever changed it: a watcher connection reads `PRAGMA data_version`, which moves
//! whenever another connection (the writer, or a `dyad ingest` run beside the server) commits.

mod api;
pub mod cli;
mod errors;
mod events;
mod origin;
mod params;
mod work;

use anyhow::{bail, Context, Result};
use dyad_app::coding;
use dyad_app::{builtin, measure};
use dyad_coder::Coder;
use dyad_model::{Origin, PlaceTable};
use dyad_store::Store;
use errors::{ApiError, Code};
use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

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
    /// Threads coding uploads and coding requests (at a lower priority than reads).
    pub coding_threads: usize,
    /// Uploads and coding requests waiting for a coding thread; more are answered 503 `busy`.
    pub upload_queue: usize,
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
    /// The coding threads of uploads and coding requests.
    work: work::Work,
    writer: Mutex<Store>,
    coder: Coder,
    /// The Chinese names of the chronology's places, for `place_zh` and the summits.
    places: PlaceTable,
    watch: Mutex<Watch>,
    analyses: Memo<AnalysisKey, Arc<measure::Analysis>>,
    dyads: Mutex<Option<(u64, Arc<Vec<dyad_store::DyadCount>>)>>,
    /// Per store generation: the citations by id, and the dyads known to have events.
    lookups: Mutex<Option<(u64, Lookups)>>,
    /// Encoded pages of events (by query string) and of documents (`documents?` and the query
    /// string), valid for one store generation.
    pages: Memo<String, axum::body::Bytes>,
}

/// Values computed at most once per key and store generation: requests for a value being
/// computed wait for it instead of computing it again. Without this, every commit (an upload
/// stored) sent each waiting reader to recompute the same few pages at once.
struct Memo<K, V> {
    entries: Mutex<HashMap<K, (u64, Cell<V>)>>,
    /// Entries kept at once; past it, those of older generations go, then all.
    cap: usize,
}

/// A value of a [`Memo`], computed or being computed.
type Cell<V> = Arc<tokio::sync::OnceCell<V>>;

impl<K: std::hash::Hash + Eq, V> Memo<K, V> {
    fn new(cap: usize) -> Memo<K, V> {
        Memo {
            entries: Mutex::new(HashMap::new()),
            cap,
        }
    }

    /// The cell holding (or about to hold) the value of `key` in store generation `generation`.
    fn cell(&self, key: K, generation: u64) -> Cell<V> {
        let mut entries = lock(&self.entries);
        if let Some((g, cell)) = entries.get(&key) {
            if *g == generation {
                return Arc::clone(cell);
            }
        }
        if entries.len() >= self.cap {
            entries.retain(|_, (g, _)| *g == generation);
            if entries.len() >= self.cap {
                entries.clear();
            }
        }
        let cell = Arc::new(tokio::sync::OnceCell::new());
        entries.insert(key, (generation, Arc::clone(&cell)));
        cell
    }
}

/// Small lookups every event query needs, valid for one store generation.
#[derive(Clone)]
struct Lookups {
    citations: Arc<HashMap<String, dyad_store::CitationRow>>,
    /// The chronology's version stamp: the citations change only with it.
    citations_version: Option<String>,
    known: Arc<Mutex<HashMap<(String, String), bool>>>,
    /// Events encoded as the API lists them, by id.
    encoded: Arc<events::Encoded>,
}

/// Notices commits by other connections.
struct Watch {
    store: Store,
    data_version: i64,
    generation: u64,
    /// When `data_version` was last read (the instant before reading it).
    checked: Option<Instant>,
}

/// How often at most the store is checked for commits, so how often at most the caches start
/// over. An upload is answered only once a check has seen its commit, so a client always reads
/// its own writes; a commit by another process is seen within this time. Without the bound,
/// every upload stored made the readers recompute every page they ask for: with a few uploaders
/// that was most of the server's work.
const CHECK_EVERY: Duration = Duration::from_millis(100);

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
            work: work::Work::new(config.coding_threads, config.upload_queue)
                .context("starting the coding threads")?,
            writer: Mutex::new(writer),
            coder: coding::builtin_coder()?,
            places: builtin::places()?,
            watch: Mutex::new(Watch {
                store: watcher,
                data_version,
                generation: 0,
                checked: None,
            }),
            analyses: Memo::new(CACHED_ANALYSES),
            dyads: Mutex::new(None),
            lookups: Mutex::new(None),
            pages: Memo::new(CACHED_PAGES),
        })
    }

    /// The encoded page for `query` in the current store generation: computed by `f` once,
    /// however many requests ask for it meanwhile.
    async fn page<F>(self: &Arc<Self>, query: String, f: F) -> Result<axum::body::Bytes, ApiError>
    where
        F: FnOnce(&State, &Store) -> Result<axum::body::Bytes, ApiError> + Send + 'static,
    {
        let cell = self.pages.cell(query, self.generation()?);
        let body = cell.get_or_try_init(|| self.read(f)).await?;
        Ok(body.clone())
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
                None => Store::open_read_only(&st.db).map_err(ApiError::from)?,
            };
            let out = f(&st, &store);
            lock(&st.readers).push(store);
            out
        })
        .await
        .map_err(|e| ApiError::internal(format!("a request's task failed: {e}")))?
    }

    /// A turn on a coding thread for an upload or a coding request, awaited before its body is
    /// read and held until it is answered; `busy` when too many wait already.
    async fn coding_turn(&self) -> Result<tokio::sync::SemaphorePermit<'_>, ApiError> {
        self.work.turn().await
    }

    /// Runs `f` on a coding thread (the text stage and the coder); the caller holds a turn.
    async fn code<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&State) -> Result<T, ApiError> + Send + 'static,
    {
        let st = Arc::clone(self);
        self.work.run(move || f(&st)).await
    }

    /// Runs `f` on the blocking pool without a connection (CPU work of reads).
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

    /// Runs `f` with the one writer connection on a coding thread: storing is part of an
    /// upload's work, at the same lower priority. The caller holds a turn.
    async fn write<T, F>(self: &Arc<Self>, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
    {
        let st = Arc::clone(self);
        self.work.run(move || f(&mut lock(&st.writer))).await
    }

    /// A number that changes whenever the database has changed.
    /// (The store is checked at most every [`CHECK_EVERY`].)
    fn generation(&self) -> Result<u64, ApiError> {
        let mut w = lock(&self.watch);
        if w.checked.is_none_or(|c| c.elapsed() >= CHECK_EVERY) {
            check(&mut w)?;
        }
        Ok(w.generation)
    }

    /// Waits until the generation includes what was committed before `committed` (at most
    /// [`CHECK_EVERY`]), so that the client's next read sees its write.
    async fn visible(&self, committed: Instant) -> Result<(), ApiError> {
        loop {
            let wait = {
                let mut w = lock(&self.watch);
                match w.checked {
                    Some(c) if c > committed => return Ok(()),
                    Some(c) if c.elapsed() < CHECK_EVERY => CHECK_EVERY - c.elapsed(),
                    _ => return check(&mut w),
                }
            };
            tokio::time::sleep(wait).await;
        }
    }

    /// The lookups of the current generation (`store` loads them when the store changed, the
    /// citations only when the chronology did; the lock is held meanwhile, so one reader loads
    /// them and the others wait for it).
    fn lookups(&self, store: &Store) -> Result<Lookups, ApiError> {
        let generation = self.generation()?;
        let mut current = lock(&self.lookups);
        if let Some((g, l)) = current.as_ref() {
            if *g == generation {
                return Ok(l.clone());
            }
        }
        let version = store.curated_version()?;
        let citations = match current.as_ref() {
            Some((_, l)) if l.citations_version == version => Arc::clone(&l.citations),
            _ => Arc::new(store.citation_map()?),
        };
        let l = Lookups {
            citations,
            citations_version: version,
            known: Arc::new(Mutex::new(HashMap::new())),
            encoded: Arc::new(events::Encoded::default()),
        };
        *current = Some((generation, l.clone()));
        Ok(l)
    }

    /// `unknown_dyad` unless the store holds an event between the two actors.
    fn check_dyad(&self, store: &Store, dyad: &(String, String)) -> Result<(), ApiError> {
        let lookups = self.lookups(store)?;
        let cached = lock(&lookups.known).get(dyad).copied();
        let known = match cached {
            Some(k) => k,
            None => {
                let k = store.dyad_known(&dyad.0, &dyad.1)?;
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
        let cell = self.analyses.cell(key, self.generation()?);
        let a = cell
            .get_or_try_init(|| {
                self.read(move |st, store| {
                    st.check_dyad(store, &dyad)?;
                    let a = measure::analyse(store, &dyad, &origins, dedup)?;
                    if a.level.points.is_empty() {
                        return Err(ApiError::new(
                            Code::NoEvents,
                            format!(
                                "no events of {}-{} from the origins asked for ({})",
                                dyad.0,
                                dyad.1,
                                dyad_app::request::origin_names(&origins)
                            ),
                        ));
                    }
                    Ok(Arc::new(a))
                })
            })
            .await?;
        Ok(Arc::clone(a))
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

/// Reads `data_version`; a new one starts a new generation.
fn check(w: &mut Watch) -> Result<(), ApiError> {
    let now = Instant::now();
    let v = data_version(&w.store)?;
    w.checked = Some(now);
    if v != w.data_version {
        w.data_version = v;
        w.generation += 1;
    }
    Ok(())
}

fn data_version(store: &Store) -> Result<i64, dyad_store::StoreError> {
    store.data_version()
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
