//! Time limits: each request's own (`--timeout`), capped by what is left of the whole
//! command's (`--deadline`, off by default); no request starts after the deadline and no
//! retry waits past it.

use std::time::{Duration, Instant};

/// The time limits of a client.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Budget {
    /// Each request's own limit.
    timeout: Duration,
    /// The end of the whole command, when it has one.
    deadline: Option<Deadline>,
}

/// The end of the whole command.
#[derive(Debug, Clone, Copy)]
struct Deadline {
    /// When it passes.
    at: Instant,
    /// The setting, for messages.
    total: Duration,
}

/// The time one request may take, and which setting set it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Limit {
    /// What is left of it.
    pub(crate) left: Duration,
    /// Where it comes from.
    cause: Cause,
}

/// The setting a request's limit comes from.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cause {
    /// `--timeout`, this many seconds.
    Timeout(Duration),
    /// What was left of `--deadline`, of this many seconds.
    Deadline(Duration),
}

impl Budget {
    /// Limits of `timeout` per request and, when given, `deadline` for all of them from
    /// `now`.
    pub(crate) fn new(timeout: Duration, deadline: Option<Duration>, now: Instant) -> Budget {
        Budget {
            timeout,
            deadline: deadline.map(|total| Deadline {
                at: now + total,
                total,
            }),
        }
    }

    /// The limit of a request starting at `now`: the timeout, or what is left of the
    /// deadline when that is less. The reason not to send it when the deadline has passed.
    pub(crate) fn next_request(&self, now: Instant) -> Result<Limit, String> {
        let timeout = Limit {
            left: self.timeout,
            cause: Cause::Timeout(self.timeout),
        };
        let Some(deadline) = self.deadline else {
            return Ok(timeout);
        };
        let left = deadline.at.saturating_duration_since(now);
        if left.is_zero() {
            return Err(format!(
                "not sent: the --deadline of {} s has passed",
                secs(deadline.total)
            ));
        }
        Ok(match left < self.timeout {
            true => Limit {
                left,
                cause: Cause::Deadline(deadline.total),
            },
            false => timeout,
        })
    }

    /// Why a retry after `wait` from `now` must not be made: it would start after the
    /// deadline.
    pub(crate) fn refuse_wait(&self, wait: Duration, now: Instant) -> Option<String> {
        let deadline = self.deadline?;
        (now + wait >= deadline.at).then(|| {
            format!(
                "not retried: waiting {} s would pass the --deadline of {} s",
                secs(wait),
                secs(deadline.total)
            )
        })
    }

    /// What a failure at `now` says when the deadline has passed by then (the answer being
    /// read was cut by it).
    pub(crate) fn passed(&self, now: Instant) -> Option<String> {
        let deadline = self.deadline?;
        (now >= deadline.at).then(|| reached(deadline.total))
    }
}

impl Limit {
    /// The same limit with `spent` of it used (a fresh connection within one try); `None`
    /// when nothing is left.
    pub(crate) fn less(self, spent: Duration) -> Option<Limit> {
        let left = self
            .left
            .checked_sub(spent)
            .filter(|left| !left.is_zero())?;
        Some(Limit { left, ..self })
    }

    /// What a request that ran out of this limit says.
    pub(crate) fn timed_out(&self) -> String {
        match self.cause {
            Cause::Timeout(timeout) => format!("timed out after {} s (--timeout)", secs(timeout)),
            Cause::Deadline(total) => reached(total),
        }
    }

    /// The limit `--timeout` of `timeout` sets (an answer's body read with it).
    pub(crate) fn timeout(timeout: Duration) -> Limit {
        Limit {
            left: timeout,
            cause: Cause::Timeout(timeout),
        }
    }
}

/// A request cut by the deadline.
fn reached(total: Duration) -> String {
    format!("timed out: the --deadline of {} s was reached", secs(total))
}

/// Seconds as people write them: `60`, `0.5`, `0.313` (to the millisecond).
fn secs(duration: Duration) -> String {
    let millis = duration.as_millis();
    match millis % 1000 {
        0 => (millis / 1000).to_string(),
        _ => format!("{:.3}", duration.as_secs_f64())
            .trim_end_matches('0')
            .to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const S: Duration = Duration::from_secs(1);

    #[test]
    fn without_a_deadline_every_request_gets_the_timeout() {
        let start = Instant::now();
        let budget = Budget::new(30 * S, None, start);
        let limit = budget.next_request(start + 1000 * S).unwrap();
        assert_eq!(limit.left, 30 * S);
        assert_eq!(limit.timed_out(), "timed out after 30 s (--timeout)");
        assert_eq!(budget.refuse_wait(60 * S, start), None);
        assert_eq!(budget.passed(start + 1000 * S), None);
    }

    #[test]
    fn the_deadline_caps_requests_and_waits() {
        let start = Instant::now();
        let budget = Budget::new(30 * S, Some(S / 2), start);
        let limit = budget.next_request(start + S / 10).unwrap();
        assert_eq!(limit.left, S * 2 / 5);
        assert_eq!(
            limit.timed_out(),
            "timed out: the --deadline of 0.5 s was reached"
        );
        assert_eq!(
            budget.refuse_wait(60 * S, start).as_deref(),
            Some("not retried: waiting 60 s would pass the --deadline of 0.5 s")
        );
        assert_eq!(budget.refuse_wait(S / 4, start), None);
        assert_eq!(
            budget.next_request(start + S).unwrap_err(),
            "not sent: the --deadline of 0.5 s has passed"
        );
        assert_eq!(
            budget.passed(start + S).as_deref(),
            Some("timed out: the --deadline of 0.5 s was reached")
        );
        assert_eq!(budget.passed(start), None);

        let roomy = Budget::new(S, Some(3600 * S), start);
        assert_eq!(
            roomy.next_request(start).unwrap().timed_out(),
            "timed out after 1 s (--timeout)"
        );
    }

    #[test]
    fn a_limit_shrinks_and_runs_out() {
        let limit = Limit::timeout(S);
        assert_eq!(limit.less(S / 4).map(|l| l.left), Some(S * 3 / 4));
        assert_eq!(limit.less(S / 4).unwrap().timed_out(), limit.timed_out());
        assert_eq!(limit.less(S), None);
        assert_eq!(limit.less(2 * S), None);
    }

    #[test]
    fn seconds_read_as_written() {
        assert_eq!(secs(60 * S), "60");
        assert_eq!(secs(S / 2), "0.5");
        assert_eq!(secs(Duration::from_micros(312_800)), "0.313");
        assert_eq!(secs(Duration::from_millis(2500)), "2.5");
    }
}
