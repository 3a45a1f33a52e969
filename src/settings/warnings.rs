//! Warnings about settings, such as a file of secrets that others can read: written to
//! stderr, or kept for a unit test that collects them on its thread, so that a test checks
//! the warning it causes instead of printing it into the test log.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Mutex;

thread_local! {
    /// The warnings kept instead of written, while a test collects them on this thread.
    static KEPT: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// The warnings written so far in this process: each is written once, though a command
/// may read the same settings several times (`share` once per consumer's profile).
static WRITTEN: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());

/// Writes `ims: warning: MESSAGE` to stderr once per run, unless a test on this thread
/// collects it.
pub(crate) fn warn(message: &str) {
    let kept = KEPT.with_borrow_mut(|kept| match kept {
        Some(kept) => {
            kept.push(message.to_string());
            true
        }
        None => false,
    });
    if kept {
        return;
    }
    // A poisoned lock only means a panic elsewhere: the warning is written all the same.
    let first = WRITTEN
        .lock()
        .map_or(true, |mut written| written.insert(message.to_string()));
    if first {
        crate::error::warn(message);
    }
}

/// Runs `body` and returns what it returned with the warnings it gave on this thread.
#[cfg(test)]
pub(crate) fn collect<T>(body: impl FnOnce() -> T) -> (T, Vec<String>) {
    let outer = KEPT.replace(Some(Vec::new()));
    let value = body();
    let kept = KEPT.replace(outer).unwrap_or_default();
    (value, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collected_warnings_are_kept_in_order_and_nested_ones_stay_inner() {
        let (((), inner), outer) = collect(|| {
            warn("one");
            let inner = collect(|| warn("two"));
            warn("three");
            inner
        });
        assert_eq!(inner, vec!["two".to_string()]);
        assert_eq!(outer, vec!["one".to_string(), "three".to_string()]);
    }
}
