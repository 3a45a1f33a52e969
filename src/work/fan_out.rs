//! The ordered fan-out over `--jobs`: a worker function runs for every item on a few
//! threads, and each result is handed on in input order as soon as it and every result
//! before it are there. A worker that panics fails its own item; the run goes on. (The
//! release build aborts on a panic instead, at once: either way, nothing hangs.)

use std::collections::BTreeMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

use crate::error::{Error, ErrorKind};

/// Descriptors kept free for what `ims` holds open besides its workers' connections:
/// stdio, idle pooled connections, the config, cache and CA files, TLS roots being read.
const RESERVED_FDS: u64 = 32;

/// Descriptors one worker may hold at once: its connection, and a DNS lookup's socket or
/// file while it connects.
const FDS_PER_WORKER: u64 = 2;

/// How many workers to run for `--jobs requested`: no more than the open-file limit
/// (`ulimit -n`) leaves room for, and at least one.
fn jobs(requested: u16) -> usize {
    usize::from(requested)
        .min(worker_limit().unwrap_or(usize::MAX))
        .max(1)
}

/// The most workers the open-file limit leaves room for (at least one); `None` when
/// there is no limit or it cannot be read.
fn worker_limit() -> Option<usize> {
    let soft = open_file_limit()?;
    let workers = (soft.saturating_sub(RESERVED_FDS) / FDS_PER_WORKER).max(1);
    Some(usize::try_from(workers).unwrap_or(usize::MAX))
}

/// The soft RLIMIT_NOFILE; `None` when unlimited.
#[cfg(unix)]
fn open_file_limit() -> Option<u64> {
    use rustix::process::{Resource, getrlimit};
    getrlimit(Resource::Nofile).current
}

/// The soft RLIMIT_NOFILE: there is none off Unix.
#[cfg(not(unix))]
fn open_file_limit() -> Option<u64> {
    None
}

/// Runs `work` for every item, `--jobs` at a time; every result, in input order.
pub(crate) fn collect_in_order<I: Sync, T: Send>(
    items: &[I],
    jobs: u16,
    work: impl Fn(&I) -> Result<T, Error> + Sync,
) -> Vec<Result<T, Error>> {
    let mut results = Vec::with_capacity(items.len());
    // `emit` never fails here, so neither does the run.
    let _ = in_order(items, jobs, work, |_, result| {
        results.push(result);
        Ok(())
    });
    results
}

/// Where [`in_order`]'s threads meet.
struct Queue<T> {
    /// The next item to work on.
    next_fetch: usize,
    /// The next item whose result goes to `emit`.
    next_emit: usize,
    /// Results done but not yet emitted, by index.
    done: BTreeMap<usize, Result<T, Error>>,
    /// Set when the emitting thread stopped (an `emit` error, or the end): no new work
    /// starts.
    stopped: bool,
}

/// Stops the run when the emitting thread leaves, however it leaves (an error, or a
/// panic of `emit`), so that no worker waits for it forever.
struct StopOnExit<'a, T> {
    /// The shared queue.
    queue: &'a Mutex<Queue<T>>,
    /// Wakes the workers.
    changed: &'a Condvar,
}

impl<T> Drop for StopOnExit<'_, T> {
    fn drop(&mut self) {
        lock(self.queue).stopped = true;
        self.changed.notify_all();
    }
}

/// The queue, even when a thread panicked while holding it (its state stays consistent:
/// every change is one assignment or insertion).
fn lock<T>(queue: &Mutex<Queue<T>>) -> MutexGuard<'_, Queue<T>> {
    queue.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The error of an item whose worker panicked.
fn panicked(payload: &(dyn std::any::Any + Send)) -> Error {
    let why = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("no message");
    Error::new(
        ErrorKind::Unexpected,
        format!("internal error: the worker stopped unexpectedly ({why})"),
    )
}

/// Runs `work` for every item on up to `jobs` threads (`--jobs`, lowered to what the
/// open-file limit leaves room for; this thread included) and hands each result to `emit`
/// in input order, as soon as it and all before it are there. Work on an item starts only
/// within `jobs` of the next result to emit, so at most `jobs` results wait besides the
/// one being emitted, however many items there are. A `work` that panics
/// fails its item with an error (exit 1). An error of `emit` stops the run (work under
/// way ends, no new one starts) and is returned.
pub(crate) fn in_order<I: Sync, T: Send>(
    items: &[I],
    jobs: u16,
    work: impl Fn(&I) -> Result<T, Error> + Sync,
    mut emit: impl FnMut(&I, Result<T, Error>) -> Result<(), Error>,
) -> Result<(), Error> {
    let jobs = self::jobs(jobs);
    // Results may run this far ahead of the one to emit next.
    let window = jobs;
    // With one job (or one item) this thread works: a thread of its own would cost memory
    // and buy nothing. With more, `jobs` threads work and this one only emits, so that
    // emitting never waits for work of its own.
    let workers = match jobs.min(items.len()) {
        0 | 1 => 0,
        n => n,
    };
    let queue = Mutex::new(Queue {
        next_fetch: 0,
        next_emit: 0,
        done: BTreeMap::new(),
        stopped: false,
    });
    let changed = Condvar::new();
    let wait = |guard| changed.wait(guard).unwrap_or_else(PoisonError::into_inner);
    // Takes the next item when it is within the window, else `None`.
    let take = |queue: &mut Queue<T>| {
        let open = queue.next_fetch < items.len()
            && queue.next_fetch < queue.next_emit + window
            && !queue.stopped;
        open.then(|| {
            queue.next_fetch += 1;
            queue.next_fetch - 1
        })
    };
    let run = |index: usize| {
        let result = catch_unwind(AssertUnwindSafe(|| work(&items[index])))
            .unwrap_or_else(|payload| Err(panicked(payload.as_ref())));
        lock(&queue).done.insert(index, result);
        changed.notify_all();
    };
    let worker = || {
        loop {
            let mut queue = lock(&queue);
            let index = loop {
                if queue.stopped || queue.next_fetch >= items.len() {
                    return;
                }
                match take(&mut queue) {
                    Some(index) => break index,
                    None => queue = wait(queue),
                }
            };
            drop(queue);
            run(index);
        }
    };
    std::thread::scope(|scope| {
        let _stop = StopOnExit {
            queue: &queue,
            changed: &changed,
        };
        let mut started = 0;
        for _ in 0..workers {
            // A thread that cannot be started leaves its share to the others.
            if std::thread::Builder::new()
                .spawn_scoped(scope, worker)
                .is_ok()
            {
                started += 1;
            }
        }
        // This thread emits in order; it works only when no worker was started.
        loop {
            let mut guard = lock(&queue);
            if guard.next_emit >= items.len() {
                return Ok(());
            }
            let index = guard.next_emit;
            if let Some(result) = guard.done.remove(&index) {
                guard.next_emit += 1;
                drop(guard);
                changed.notify_all();
                emit(&items[index], result)?;
                continue;
            }
            let mine = match started {
                0 => take(&mut guard),
                _ => None,
            };
            match mine {
                Some(index) => {
                    drop(guard);
                    run(index);
                }
                None => drop(wait(guard)),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// What each result shows: its value, or `err: MESSAGE`.
    fn shown(results: &[Result<String, Error>]) -> Vec<String> {
        results
            .iter()
            .map(|r| match r {
                Ok(value) => value.clone(),
                Err(err) => format!("err: {err}"),
            })
            .collect()
    }

    #[test]
    fn results_keep_input_order_with_any_job_count() {
        let ids: Vec<String> = (0..50).map(|i| i.to_string()).collect();
        for jobs in [1, 2, 8, 64] {
            let results = collect_in_order(&ids, jobs, |id| {
                std::thread::sleep(std::time::Duration::from_millis(
                    (50 - id.parse::<u64>().unwrap()) % 7,
                ));
                match id.as_str() {
                    "13" => Err(Error::usage("bad")),
                    _ => Ok(id.to_string()),
                }
            });
            let mut expected: Vec<String> = ids.clone();
            expected[13] = "err: bad".into();
            assert_eq!(shown(&results), expected, "jobs={jobs}");
        }
    }

    #[test]
    fn a_panicking_worker_fails_its_item_and_the_run_goes_on() {
        let ids: Vec<String> = (0..20).map(|i| i.to_string()).collect();
        for jobs in [1, 3, 8] {
            let results = collect_in_order(&ids, jobs, |id| match id.as_str() {
                "7" => panic!("boom at {id}"),
                _ => Ok(id.clone()),
            });
            let mut expected: Vec<String> = ids.clone();
            expected[7] = "err: internal error: the worker stopped unexpectedly (boom at 7)".into();
            assert_eq!(shown(&results), expected, "jobs={jobs}");
            assert_eq!(
                results[7].as_ref().unwrap_err().kind(),
                ErrorKind::Unexpected
            );
        }
    }

    #[test]
    fn one_item_is_worked_on_by_the_calling_thread() {
        let caller = std::thread::current().id();
        let ids = vec!["only".to_string()];
        let results = collect_in_order(&ids, 8, |_| Ok(std::thread::current().id()));
        assert_eq!(
            results.into_iter().map(Result::ok).collect::<Vec<_>>(),
            vec![Some(caller)]
        );
    }

    #[test]
    fn a_panicking_emit_stops_the_workers_instead_of_hanging() {
        let ids: Vec<String> = (0..100).map(|i| i.to_string()).collect();
        let run = std::panic::catch_unwind(|| {
            in_order(
                &ids,
                4,
                |id| Ok(id.clone()),
                |id, _| match id.as_str() {
                    "3" => panic!("emit broke"),
                    _ => Ok(()),
                },
            )
        });
        assert!(run.is_err());
    }

    #[test]
    fn work_runs_concurrently_but_never_far_ahead_of_the_output() {
        let ids: Vec<String> = (0..40).map(|i| i.to_string()).collect();
        let (running, most_running) = (AtomicUsize::new(0), AtomicUsize::new(0));
        let emitted = AtomicUsize::new(0);
        let most_ahead = AtomicUsize::new(0);
        let mut order = Vec::new();
        in_order(
            &ids,
            4,
            |id| {
                let index: usize = id.parse().unwrap();
                let ahead = index - emitted.load(Ordering::SeqCst).min(index);
                most_ahead.fetch_max(ahead, Ordering::SeqCst);
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                most_running.fetch_max(now, Ordering::SeqCst);
                // The first item is slow: the others must wait for it, not pile up.
                let pause = if index == 0 { 150 } else { 5 };
                std::thread::sleep(std::time::Duration::from_millis(pause));
                running.fetch_sub(1, Ordering::SeqCst);
                Ok(index)
            },
            |_, result| {
                order.push(result.unwrap());
                emitted.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(order, (0..40).collect::<Vec<_>>());
        assert!(most_running.load(Ordering::SeqCst) > 1);
        assert!(most_running.load(Ordering::SeqCst) <= 4);
        assert!(most_ahead.load(Ordering::SeqCst) <= 4, "{most_ahead:?}");
    }

    #[test]
    fn an_emit_error_stops_new_work() {
        let ids: Vec<String> = (0..100).map(|i| i.to_string()).collect();
        let fetched = AtomicUsize::new(0);
        let result = in_order(
            &ids,
            3,
            |_| {
                fetched.fetch_add(1, Ordering::SeqCst);
                Ok(())
            },
            |id, _| match id.as_str() {
                "5" => Err(Error::new(ErrorKind::OutputClosed, "closed")),
                _ => Ok(()),
            },
        );
        assert_eq!(result.unwrap_err().kind(), ErrorKind::OutputClosed);
        assert!(fetched.load(Ordering::SeqCst) <= 6 + 3, "{fetched:?}");
    }

    #[test]
    fn workers_fit_under_the_open_file_limit() {
        let workers = jobs(u16::MAX) as u64;
        assert!(workers >= 1);
        if let Some(soft) = open_file_limit() {
            assert!(
                soft < RESERVED_FDS + FDS_PER_WORKER
                    || RESERVED_FDS + workers * FDS_PER_WORKER <= soft
            );
        }
        assert_eq!(jobs(0), 1);
        assert_eq!(jobs(1), 1);
    }
}
