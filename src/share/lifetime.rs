//! Desired sharing over time: a `[[share]]`'s `newest = N` (only the N latest images its
//! names and tags select) and `until = DATE` (the entry ends), against a clock the caller
//! gives. Pure: the planner's table of cases sets the clock.

use jiff::{SignedDuration, Timestamp};
use toml::value::Datetime;

/// What "now" is to the planner, and how far ahead an ending share is noted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Clock {
    /// The time the plan is made at.
    pub(crate) now: Timestamp,
    /// A share that ends within this many days is noted (`--warn-days`).
    pub(crate) warn_days: u32,
}

/// When a `[[share]]` ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Until {
    /// The first instant it no longer selects anything.
    pub(crate) end: Timestamp,
    /// As the file wrote it (`2027-03-31`, `2027-03-31T12:00:00+02:00`).
    pub(crate) shown: String,
    /// A date (through the end of that day, UTC) rather than an instant.
    pub(crate) whole_day: bool,
}

/// One day.
const DAY: SignedDuration = SignedDuration::from_hours(24);

/// The end of a TOML `until`: a date (through the end of that day, UTC) or an offset
/// date-time. Anything else (a local date-time or time) says what is wrong.
pub(crate) fn until_of(value: &Datetime) -> Result<Until, String> {
    let shown = value.to_string();
    let parsed = match (value.date, value.time, value.offset) {
        (Some(date), None, None) => format!("{date}T00:00:00Z")
            .parse::<Timestamp>()
            .ok()
            .and_then(|start| start.checked_add(DAY).ok())
            .map(|end| (end, true)),
        (Some(_), Some(_), Some(_)) => shown.parse::<Timestamp>().ok().map(|end| (end, false)),
        _ => None,
    };
    match parsed {
        Some((end, whole_day)) => Ok(Until {
            end,
            shown,
            whole_day,
        }),
        None => Err(format!(
            "`until` must be a date (2027-03-31) or a date-time with an offset \
             (2027-03-31T18:00:00Z), not {shown}"
        )),
    }
}

/// Where a share stands against its `until`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Phase {
    /// It selects as usual, and ends later than the warning window.
    Active,
    /// It selects as usual and ends within the warning window: in this many whole days
    /// (0: on its last day).
    Ending(i64),
    /// It ended: it selects nothing.
    Ended,
}

/// Where a share that ends at `until` stands at `clock`'s now.
pub(crate) fn phase(until: &Until, clock: Clock) -> Phase {
    let left = until.end.duration_since(clock.now);
    if left <= SignedDuration::ZERO {
        return Phase::Ended;
    }
    let days = left.as_secs() / DAY.as_secs();
    match days < i64::from(clock.warn_days) {
        true => Phase::Ending(days),
        false => Phase::Active,
    }
}

/// Splits `images` (those an entry selects by names and tags, each once) into the
/// `newest` latest by creation time (`created_at` of each as [`created`] reads it; ties:
/// the greater ID first; no time counts as oldest) and the rest, each in the order given.
pub(crate) fn newest<T>(
    newest: usize,
    images: Vec<T>,
    key: impl Fn(&T) -> (Option<&str>, &str),
) -> (Vec<T>, Vec<T>) {
    let mut ranked: Vec<(usize, &T)> = images.iter().enumerate().collect();
    ranked.sort_by(|(_, a), (_, b)| {
        let ((a_at, a_id), (b_at, b_id)) = (key(a), key(b));
        created(b_at)
            .cmp(&created(a_at))
            .then_with(|| b_at.cmp(&a_at))
            .then_with(|| b_id.cmp(a_id))
    });
    let mut kept = vec![false; images.len()];
    for (at, _) in ranked.into_iter().take(newest) {
        kept[at] = true;
    }
    let (mut chosen, mut dropped) = (Vec::new(), Vec::new());
    for (image, keep) in images.into_iter().zip(kept) {
        match keep {
            true => chosen.push(image),
            false => dropped.push(image),
        }
    }
    (chosen, dropped)
}

/// An image's `created_at` as an instant, when it is one.
fn created(at: Option<&str>) -> Option<Timestamp> {
    at.and_then(|at| at.parse().ok())
}

/// `golden-ubuntu-2026-09 is no longer among the newest 2 of its [[share]] (line 3)`
pub(crate) fn dropped_note(image: &str, newest: usize, line: usize) -> String {
    format!("{image} is no longer among the newest {newest} of its [[share]] (line {line})")
}

/// `the share of golden-1, golden-2 with proj-partner ends 2027-03-31 (in 9 days)`, or,
/// once it ended, `… ended 2027-03-31: its [[share]] (line 7) selects no image any more`.
pub(crate) fn until_note(
    images: &[&str],
    members: &[String],
    until: &Until,
    phase: Phase,
    line: usize,
) -> Option<String> {
    let of = match images.is_empty() {
        true => "no image".to_string(),
        false => images.join(", "),
    };
    let with = match members.is_empty() {
        true => "nobody".to_string(),
        false => members.join(", "),
    };
    let when = match phase {
        Phase::Active => return None,
        Phase::Ended => {
            return Some(format!(
                "the share of {of} with {with} ended {}: its [[share]] (line {line}) selects \
                 no image any more",
                until.shown
            ));
        }
        Phase::Ending(0) if until.whole_day => "today, its last day".to_string(),
        Phase::Ending(0) => "in less than a day".to_string(),
        Phase::Ending(1) => "in 1 day".to_string(),
        Phase::Ending(days) => format!("in {days} days"),
    };
    Some(format!(
        "the share of {of} with {with} ends {} ({when})",
        until.shown
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn until(text: &str) -> Result<Until, String> {
        until_of(&text.parse::<Datetime>().unwrap())
    }

    fn at(text: &str) -> Clock {
        Clock {
            now: text.parse().unwrap(),
            warn_days: 14,
        }
    }

    #[test]
    fn until_is_a_date_through_its_day_or_an_offset_date_time() {
        let date = until("2027-03-31").unwrap();
        assert_eq!(
            date.end,
            "2027-04-01T00:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert!(date.whole_day);
        let instant = until("2027-03-31T18:00:00+02:00").unwrap();
        assert_eq!(
            instant.end,
            "2027-03-31T16:00:00Z".parse::<Timestamp>().unwrap()
        );
        assert_eq!(instant.shown, "2027-03-31T18:00:00+02:00");
        for local in ["2027-03-31T18:00:00", "18:00:00"] {
            assert_eq!(
                until(local).unwrap_err(),
                format!(
                    "`until` must be a date (2027-03-31) or a date-time with an offset \
                     (2027-03-31T18:00:00Z), not {local}"
                )
            );
        }
    }

    #[test]
    fn the_clock_before_in_the_window_on_the_last_day_and_after() {
        let date = until("2027-03-31").unwrap();
        assert_eq!(phase(&date, at("2027-03-01T00:00:00Z")), Phase::Active);
        assert_eq!(phase(&date, at("2027-03-18T00:00:00Z")), Phase::Active);
        assert_eq!(phase(&date, at("2027-03-18T00:00:01Z")), Phase::Ending(13));
        assert_eq!(phase(&date, at("2027-03-22T10:00:00Z")), Phase::Ending(9));
        assert_eq!(phase(&date, at("2027-03-31T23:59:59Z")), Phase::Ending(0));
        assert_eq!(phase(&date, at("2027-04-01T00:00:00Z")), Phase::Ended);
        let none = Clock {
            warn_days: 0,
            ..at("2027-03-31T12:00:00Z")
        };
        assert_eq!(phase(&date, none), Phase::Active);
    }

    #[test]
    fn notes_say_when_a_share_ends() {
        let date = until("2027-03-31").unwrap();
        let members = ["proj-partner".to_string()];
        let note = |images: &[&str], phase| until_note(images, &members, &date, phase, 7);
        assert_eq!(note(&["eval-1"], Phase::Active), None);
        assert_eq!(
            note(&["eval-1", "eval-2"], Phase::Ending(9)).unwrap(),
            "the share of eval-1, eval-2 with proj-partner ends 2027-03-31 (in 9 days)"
        );
        assert_eq!(
            note(&["eval-1"], Phase::Ending(1)).unwrap(),
            "the share of eval-1 with proj-partner ends 2027-03-31 (in 1 day)"
        );
        assert_eq!(
            note(&["eval-1"], Phase::Ending(0)).unwrap(),
            "the share of eval-1 with proj-partner ends 2027-03-31 (today, its last day)"
        );
        assert_eq!(
            note(&["eval-1"], Phase::Ended).unwrap(),
            "the share of eval-1 with proj-partner ended 2027-03-31: its [[share]] (line 7) \
             selects no image any more"
        );
        assert_eq!(
            until_note(&[], &[], &date, Phase::Ended, 2).unwrap(),
            "the share of no image with nobody ended 2027-03-31: its [[share]] (line 2) \
             selects no image any more"
        );
    }

    #[test]
    fn newest_ranks_by_creation_then_by_id() {
        let images = vec![
            (Some("2026-09-01T00:00:00Z"), "a"),
            (Some("2026-11-01T00:00:00Z"), "b"),
            (None, "z"),
            (Some("2026-10-01T00:00:00Z"), "c"),
            (Some("2026-11-01T00:00:00Z"), "d"),
        ];
        let (kept, dropped) = newest(2, images.clone(), |(at, id)| (*at, *id));
        fn ids(list: Vec<(Option<&'static str>, &'static str)>) -> Vec<&'static str> {
            list.into_iter().map(|(_, id)| id).collect()
        }
        assert_eq!(ids(kept), ["b", "d"]);
        assert_eq!(ids(dropped), ["a", "z", "c"]);
        let (kept, dropped) = newest(9, images, |(at, id)| (*at, *id));
        assert_eq!((kept.len(), dropped.len()), (5, 0));
    }
}
