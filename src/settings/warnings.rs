//! Warnings about settings, such as a file of secrets that others can read: written to
//! stderr, or kept for a unit test that collects them on its thread, so that a test checks
//! the warning it causes instead of printing it into the test log. Each warning is given
//! once per run, however often the file behind it is read (a shares file's consumers read
//! the config file again).

use std::cell::RefCell;
use std::sync::Mutex;

/// The warnings this process has written to stderr.
static WRITTEN: Mutex<Vec<String>> = Mutex::new(Vec::new());

thread_local! {
    /// The warnings kept instead of written, while a test collects them on this thread.
    static KEPT: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
}

/// Writes `ims: warning: MESSAGE` to stderr once, unless a test on this thread collects it
/// (also once).
pub(crate) fn warn(message: &str) {
    let kept = KEPT.with_borrow_mut(|kept| match kept {
        Some(kept) => {
            if !kept.iter().any(|given| given == message) {
                kept.push(message.to_string());
            }
            true
        }
        None => false,
    });
    if kept {
        return;
    }
    let mut written = WRITTEN
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if !written.iter().any(|given| given == message) {
        written.push(message.to_string());
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
    fn collected_warnings_are_kept_once_in_order_and_nested_ones_stay_inner() {
        let (((), inner), outer) = collect(|| {
            warn("one");
            let inner = collect(|| warn("two"));
            warn("three");
            warn("one");
            inner
        });
        assert_eq!(inner, vec!["two".to_string()]);
        assert_eq!(outer, vec!["one".to_string(), "three".to_string()]);
    }
}
