//! Huawei's asynchronous jobs: the batch member API answers `{"job_id": …}`, and
//! `GET /v1/{project_id}/jobs/{job_id}` tells how the job stands. A finished job carries
//! its reasons in several places: the job's `error_code` and `fail_reason`; in `entities`,
//! `error_code` with `error` and `addition_error_code` with `addition_error_msg`; per image,
//! `entities.sub_jobs_result[]` (`status`, `error_code`, `fail_reason`,
//! `entities.image_id`) and `entities.results[]` (`image_id`, `project_id`, `status`).

use serde::Deserialize;
use serde::de::DeserializeSeed;
use serde_json::{Map, Value};

use super::{Strict, cell_text};
use crate::secret::mask;

/// Most reasons one failed job is explained by; any others are only counted, so that a
/// job of thousands of failed sub-jobs is still a readable message.
const MAX_REASONS: usize = 20;

/// Longest piece of the service's text (a status, code, message or ID) shown from a job.
const MAX_TEXT_CHARS: usize = 200;

/// The answer to a batch request: the job that carries it out.
#[derive(Debug, Deserialize)]
pub(crate) struct JobStarted {
    /// The job's ID.
    pub(crate) job_id: String,
}

/// A job as the service describes it: an object whose `status` is a string; every other
/// field may be missing or null, and every field is kept. Read strictly (a key twice in any
/// object is refused), like members.
#[derive(Debug)]
pub(crate) struct Job {
    /// `status`, as sent.
    status: String,
    /// Every field the service sent, `status` included.
    fields: Map<String, Value>,
}

impl<'de> Deserialize<'de> for Job {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Job, D::Error> {
        let Value::Object(fields) = Strict.deserialize(deserializer)? else {
            return Err(serde::de::Error::custom("a job is a JSON object"));
        };
        let status = match fields.get("status") {
            Some(Value::String(status)) => status.clone(),
            Some(_) => return Err(serde::de::Error::custom("the job's `status` is no string")),
            None => return Err(serde::de::Error::missing_field("status")),
        };
        Ok(Job { status, fields })
    }
}

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JobState {
    /// `INIT` or `RUNNING`: still working.
    Running,
    /// `SUCCESS`: done.
    Success,
    /// `FAIL`: failed.
    Fail,
    /// Any other status: polled on until the deadline, then named.
    Unknown,
}

impl Job {
    /// Where the job stands (statuses compared without case).
    pub(crate) fn state(&self) -> JobState {
        match self.status.to_ascii_uppercase().as_str() {
            "INIT" | "RUNNING" => JobState::Running,
            "SUCCESS" => JobState::Success,
            "FAIL" => JobState::Fail,
            _ => JobState::Unknown,
        }
    }

    /// The status as sent (shortened, secrets masked).
    pub(crate) fn status_text(&self) -> String {
        shown(&self.status)
    }

    /// One progress line: the status, and `entities.process_percent` when sent.
    pub(crate) fn progress(&self) -> String {
        match self
            .entities()
            .get("process_percent")
            .filter(|v| !v.is_null())
        {
            Some(percent) => format!(
                "{} (process_percent {})",
                self.status_text(),
                shown(&cell_text(percent))
            ),
            None => self.status_text(),
        }
    }

    /// `entities`, or an empty object.
    fn entities(&self) -> &Map<String, Value> {
        static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();
        match self.fields.get("entities") {
            Some(Value::Object(entities)) => entities,
            _ => EMPTY.get_or_init(Map::new),
        }
    }

    /// Why a failed job failed: every reason it carries, each once, per image where the
    /// job says which image (`image I: CODE: message`), joined by `; `; past
    /// [`MAX_REASONS`], only how many more there are.
    pub(crate) fn failure(&self) -> String {
        let entities = self.entities();
        let image = text(entities, "image_id");
        let mut reasons = Vec::new();
        let mut more = 0_usize;
        let mut add = |reason: Option<String>| match reason {
            Some(reason) if reasons.contains(&reason) => {}
            Some(reason) if reasons.len() < MAX_REASONS => reasons.push(reason),
            Some(_) => more += 1,
            None => {}
        };
        add(coded(&self.fields, "error_code", "fail_reason", None));
        for (code, message) in [
            ("error_code", "error"),
            ("addition_error_code", "addition_error_msg"),
        ] {
            add(coded(entities, code, message, image.as_deref()));
        }
        for sub_job in objects(entities, "sub_jobs_result") {
            if failed(sub_job) {
                let image = sub_job
                    .get("entities")
                    .and_then(Value::as_object)
                    .and_then(|entities| text(entities, "image_id"));
                let status = text(sub_job, "status").unwrap_or_default();
                let reason = coded(sub_job, "error_code", "fail_reason", None)
                    .map_or(status.clone(), |reason| format!("{status}: {reason}"));
                add(Some(match image {
                    Some(image) => format!("image {image}: {reason}"),
                    None => format!("a sub-job: {reason}"),
                }));
            }
        }
        for result in objects(entities, "results") {
            if failed(result) {
                add(Some(format!(
                    "image {}, member {}: {}",
                    text(result, "image_id").unwrap_or_else(|| "?".to_string()),
                    text(result, "project_id").unwrap_or_else(|| "?".to_string()),
                    text(result, "status").unwrap_or_default(),
                )));
            }
        }
        if more > 0 {
            reasons.push(format!(
                "and {more} more reason{}",
                if more == 1 { "" } else { "s" }
            ));
        }
        match reasons.is_empty() {
            true => "no reason given".to_string(),
            false => reasons.join("; "),
        }
    }

    /// Every error code the job carries, in the order [`Job::failure`] names them.
    pub(crate) fn error_codes(&self) -> Vec<String> {
        let entities = self.entities();
        let sub_jobs = objects(entities, "sub_jobs_result").filter(|sub_job| failed(sub_job));
        [
            text(&self.fields, "error_code"),
            text(entities, "error_code"),
            text(entities, "addition_error_code"),
        ]
        .into_iter()
        .chain(sub_jobs.map(|sub_job| text(sub_job, "error_code")))
        .flatten()
        .collect()
    }
}

/// The non-empty text of `object[key]` (strings as they are, other values as JSON), as
/// [`shown`].
fn text(object: &Map<String, Value>, key: &str) -> Option<String> {
    object
        .get(key)
        .filter(|value| !value.is_null())
        .map(|value| shown(&cell_text(value)))
        .filter(|text| !text.is_empty())
}

/// The service's `text` as a job message shows it: every secret masked, then cut to
/// [`MAX_TEXT_CHARS`] (masked first, so that no cut leaves part of a secret).
fn shown(text: &str) -> String {
    let masked = mask(text);
    match masked.char_indices().nth(MAX_TEXT_CHARS) {
        Some((cut, _)) => format!("{}…", &masked[..cut]),
        None => masked,
    }
}

/// `CODE: message`, either alone, or `None`; after `image I: ` when `image` is known.
fn coded(
    object: &Map<String, Value>,
    code: &str,
    message: &str,
    image: Option<&str>,
) -> Option<String> {
    let reason = match (text(object, code), text(object, message)) {
        (Some(code), Some(message)) => format!("{code}: {message}"),
        (Some(one), None) | (None, Some(one)) => one,
        (None, None) => return None,
    };
    Some(match image {
        Some(image) => format!("image {image}: {reason}"),
        None => reason,
    })
}

/// The objects in the array `object[key]`.
fn objects<'a>(
    object: &'a Map<String, Value>,
    key: &str,
) -> impl Iterator<Item = &'a Map<String, Value>> {
    object
        .get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
}

/// Whether a sub-job or result did not succeed (`SUCCESS` and `success` both succeed).
fn failed(entry: &Map<String, Value>) -> bool {
    !text(entry, "status").is_some_and(|status| status.eq_ignore_ascii_case("success"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(text: &str) -> Job {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn states_in_either_case_and_unknown_ones() {
        for (status, state) in [
            ("INIT", JobState::Running),
            ("RUNNING", JobState::Running),
            ("SUCCESS", JobState::Success),
            ("success", JobState::Success),
            ("FAIL", JobState::Fail),
            ("PAUSED", JobState::Unknown),
            ("", JobState::Unknown),
        ] {
            let job = job(&serde_json::json!({ "status": status }).to_string());
            assert_eq!(job.state(), state, "{status}");
        }
        for bad in [
            r#"{}"#,
            "[]",
            r#"{"status":5}"#,
            r#"{"error":{"code":"X"}}"#,
            r#"{"status":"RUNNING","entities":{"a":1,"a":2}}"#,
        ] {
            assert!(serde_json::from_str::<Job>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn progress_shows_the_percent_when_sent() {
        assert_eq!(job(r#"{"status":"RUNNING"}"#).progress(), "RUNNING");
        assert_eq!(
            job(r#"{"status":"RUNNING","entities":{"process_percent":40.5}}"#).progress(),
            "RUNNING (process_percent 40.5)"
        );
    }

    #[test]
    fn every_reason_location_is_read() {
        let failed = job(
            r#"{"status":"FAIL","job_id":"j","job_type":"x","error_code":"IMG.0045",
                "fail_reason":"part of the images failed",
                "entities":{"error_code":"IMG.0088","error":"members are full",
                  "addition_error_code":"IMG.0999","addition_error_msg":"more",
                  "sub_jobs_result":[
                    {"status":"SUCCESS","entities":{"image_id":"i0"}},
                    {"status":"FAIL","error_code":"IMG.0098","fail_reason":"encrypted",
                     "entities":{"image_id":"i1"}},
                    {"status":"FAIL"}],
                  "results":[{"image_id":"i2","project_id":"p1","status":"success"},
                             {"image_id":"i3","project_id":"p1","status":"FAIL"}]}}"#,
        );
        assert_eq!(failed.state(), JobState::Fail);
        assert_eq!(
            failed.failure(),
            "IMG.0045: part of the images failed; IMG.0088: members are full; IMG.0999: \
             more; image i1: FAIL: IMG.0098: encrypted; a sub-job: FAIL; image i3, member \
             p1: FAIL"
        );
        assert_eq!(
            failed.error_codes(),
            ["IMG.0045", "IMG.0088", "IMG.0999", "IMG.0098"]
        );
        assert_eq!(job(r#"{"status":"FAIL"}"#).failure(), "no reason given");
        assert_eq!(
            job(r#"{"status":"FAIL","entities":{"image_id":"i9","error":"gone"}}"#).failure(),
            "image i9: gone"
        );
    }
}
