//! The CPU work of uploads and coding requests (the text stage and the coder), kept apart from
//! reads.
//!
//! It runs on threads of its own — one fewer than the cores, at least one — at a lower
//! scheduling priority, so that readers always have a core and never queue behind it. A request
//! first takes a turn ([`Work::turn`]), waiting with its body unread while every thread is busy;
//! when `queue` requests wait already, the next one is answered 503 `busy` at once rather than
//! piling up connections and bodies. The turn is held until the document is stored, so at most
//! one document per thread is in memory at a time.

use super::errors::{ApiError, Code};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex};
use tokio::sync::{Semaphore, SemaphorePermit};

type Job = Box<dyn FnOnce() + Send>;

/// Stack of a coding thread: the text stage bounds its recursion for 2 MiB (ingest's workers).
const STACK: usize = 8 << 20;

/// Nice value of the coding threads (0 is the default; 19 the lowest priority).
const NICE: i32 = 19;

/// The coding threads and the queue in front of them.
pub struct Work {
    turns: Semaphore,
    threads: usize,
    waiting: AtomicUsize,
    queue: usize,
    jobs: SyncSender<Job>,
}

/// Counts a request among the waiting ones while it exists (also when the request is dropped
/// mid-wait, by a client that hung up).
struct Waiting<'a>(&'a AtomicUsize);

impl Drop for Waiting<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

impl Work {
    /// `threads` coding threads (at least one) and at most `queue` requests waiting for them.
    pub fn new(threads: usize, queue: usize) -> std::io::Result<Work> {
        let threads = threads.max(1);
        let (jobs, rx) = sync_channel::<Job>(threads);
        let rx = Arc::new(Mutex::new(rx));
        for i in 0..threads {
            let rx = Arc::clone(&rx);
            std::thread::Builder::new()
                .name(format!("dyad-coding-{i}"))
                .stack_size(STACK)
                .spawn(move || worker(&rx))?;
        }
        Ok(Work {
            turns: Semaphore::new(threads),
            threads,
            waiting: AtomicUsize::new(0),
            queue,
            jobs,
        })
    }

    /// Waits for a turn on a coding thread; `busy` at once when `queue` requests wait already.
    pub async fn turn(&self) -> Result<SemaphorePermit<'_>, ApiError> {
        if let Ok(turn) = self.turns.try_acquire() {
            return Ok(turn);
        }
        let waiting = self.waiting.fetch_add(1, Ordering::SeqCst);
        let _counted = Waiting(&self.waiting);
        if waiting >= self.queue {
            return Err(ApiError::new(
                Code::Busy,
                format!(
                    "{} uploads or coding requests are being worked on and {waiting} more wait; \
                     try again in a few seconds",
                    self.threads
                ),
            ));
        }
        self.turns
            .acquire()
            .await
            .map_err(|_| ApiError::internal("the server is shutting down"))
    }

    /// Runs `f` on a coding thread; the caller holds a turn, so a thread is free or soon will be.
    pub async fn run<T, F>(&self, f: F) -> Result<T, ApiError>
    where
        T: Send + 'static,
        F: FnOnce() -> Result<T, ApiError> + Send + 'static,
    {
        let (tx, rx) = tokio::sync::oneshot::channel();
        let job: Job = Box::new(move || {
            let out = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
            let _ = tx.send(out);
        });
        match self.jobs.try_send(job) {
            Ok(()) => {}
            Err(TrySendError::Full(_)) => {
                return Err(ApiError::internal(
                    "the coding queue is full although a turn was held (a bug)",
                ))
            }
            Err(TrySendError::Disconnected(_)) => {
                return Err(ApiError::internal("the coding threads have stopped"))
            }
        }
        match rx.await {
            Ok(Ok(out)) => out,
            Ok(Err(_)) => Err(ApiError::internal("coding the request panicked")),
            Err(_) => Err(ApiError::internal("the coding thread stopped")),
        }
    }
}

fn worker(rx: &Mutex<Receiver<Job>>) {
    lower_priority();
    loop {
        let job = match rx.lock().unwrap_or_else(|p| p.into_inner()).recv() {
            Ok(job) => job,
            Err(_) => return, // the server is gone
        };
        job();
    }
}

/// Lowers the calling thread's scheduling priority (on Linux the nice value is per thread).
#[cfg(target_os = "linux")]
fn lower_priority() {
    // SAFETY: setpriority has no memory-safety preconditions; with PRIO_PROCESS and 0 it changes
    // the nice value of the calling thread only. Failing (it cannot when lowering) is harmless.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, NICE);
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn requests_beyond_the_queue_are_busy_and_the_others_are_served() {
        let work = Arc::new(Work::new(1, 2).unwrap());
        let held = work.turn().await.unwrap();
        // Two wait for the one thread...
        let waiters: Vec<_> = (0..2)
            .map(|i| {
                let w = Arc::clone(&work);
                tokio::spawn(async move {
                    let _turn = w.turn().await?;
                    w.run(move || Ok(i * 10)).await
                })
            })
            .collect();
        while work.waiting.load(Ordering::SeqCst) < 2 {
            tokio::task::yield_now().await;
        }
        // ...so the next is refused at once.
        let e = work.turn().await.err().unwrap();
        assert_eq!((e.code, e.code.status().as_u16()), (Code::Busy, 503));
        assert!(e.message.contains("try again"), "{}", e.message);
        assert_eq!(work.run(|| Ok(7)).await.unwrap(), 7);
        drop(held);
        let mut got = Vec::new();
        for w in waiters {
            got.push(w.await.unwrap().unwrap());
        }
        assert_eq!(got, [0, 10]);
        assert_eq!(work.waiting.load(Ordering::SeqCst), 0);
        // A panic in a job is an error of its request; the thread lives on.
        let _turn = work.turn().await.unwrap();
        let e = work
            .run(|| -> Result<(), ApiError> { panic!("boom") })
            .await;
        assert_eq!(e.err().unwrap().code, Code::Internal);
        assert_eq!(work.run(|| Ok(1)).await.unwrap(), 1);
    }
}
