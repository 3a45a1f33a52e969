//! Huawei's asynchronous jobs: the batch member API answers `{"job_id": …}`, and
//! `GET /v1/{project_id}/jobs/{job_id}` tells how the job stands. A finished job carries
//! its reasons in several places: the job's `error_code` and `fail_reason`; in `entities`,
//! `error_code` with `error` and `addition_error_code` with `addition_error_msg`; per image,
//! `entities.sub_jobs_result[]` (`status`, `error_code`, `fail_reason`,
//! `entities.image_id`) and `entities.results[]` (`image_id`, `project_id`, `status`);
//! `entities.sub_jobs_list[]` names each sub-job's ID and nothing else.

use serde::Deserialize;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::{Key, KeySeed, Strict, StrictVisitor, cell_text, duplicate_key};
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
/// field may be missing or null. Read strictly (a key twice in any object is refused), like
/// members, and streamed as member lists are: the per-image arrays
/// `entities.sub_jobs_result`, `entities.results` and `entities.sub_jobs_list`, which may
/// hold millions of entries, are read one entry at a time, keeping only what a failure
/// reports (the first [`MAX_REASONS`] reasons and error codes, and how many more; nothing
/// of `sub_jobs_list`); every other field is kept.
#[derive(Debug)]
pub(crate) struct Job {
    /// `status`, as sent.
    status: String,
    /// Every field the service sent but `entities`, `status` included.
    fields: Map<String, Value>,
    /// The fields of `entities` (when it is an object) but the per-image arrays.
    entities: Map<String, Value>,
    /// What the failed entries of `entities.sub_jobs_result` report.
    sub_jobs: Reasons,
    /// What the failed entries of `entities.results` report.
    results: Reasons,
}

/// Reasons a job gives, each once, the first [`MAX_REASONS`] kept and the rest counted,
/// and the first [`MAX_REASONS`] distinct error codes.
#[derive(Debug, Default)]
struct Reasons {
    /// The reasons kept, in the order given.
    kept: Vec<String>,
    /// How many more reasons there were.
    more: usize,
    /// The error codes kept, in the order given.
    codes: Vec<String>,
}

impl Reasons {
    /// Counts `reason`: kept unless it is known or [`MAX_REASONS`] are, else counted.
    fn add(&mut self, reason: Option<String>) {
        match reason {
            Some(reason) if self.kept.contains(&reason) => {}
            Some(reason) if self.kept.len() < MAX_REASONS => self.kept.push(reason),
            Some(_) => self.more += 1,
            None => {}
        }
    }

    /// Keeps `code` unless it is known or [`MAX_REASONS`] codes are.
    fn code(&mut self, code: Option<String>) {
        match code {
            Some(code) if !self.codes.contains(&code) && self.codes.len() < MAX_REASONS => {
                self.codes.push(code);
            }
            _ => {}
        }
    }

    /// Counts the reasons and codes of `other` after these.
    fn extend(&mut self, other: &Reasons) {
        for reason in &other.kept {
            self.add(Some(reason.clone()));
        }
        self.more += other.more;
        for code in &other.codes {
            self.code(Some(code.clone()));
        }
    }
}

impl<'de> Deserialize<'de> for Job {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Job, D::Error> {
        deserializer.deserialize_map(JobVisitor)
    }
}

/// Reads a job object, streaming its `entities` ([`EntitiesVisitor`]).
struct JobVisitor;

impl<'de> Visitor<'de> for JobVisitor {
    type Value = Job;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a job, a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Job, A::Error> {
        let mut fields = Map::new();
        let mut entities = None;
        while let Some(key) = map.next_key::<String>()? {
            if fields.contains_key(&key) || (key == "entities" && entities.is_some()) {
                return Err(duplicate_key(&key));
            }
            match key.as_str() {
                "entities" => entities = Some(map.next_value_seed(EntitiesVisitor)?),
                _ => {
                    let value = map.next_value_seed(Strict)?;
                    fields.insert(key, value);
                }
            }
        }
        let status = match fields.get("status") {
            Some(Value::String(status)) => status.clone(),
            Some(_) => return Err(serde::de::Error::custom("the job's `status` is no string")),
            None => return Err(serde::de::Error::missing_field("status")),
        };
        let entities = entities.unwrap_or_default();
        Ok(Job {
            status,
            fields,
            entities: entities.fields,
            sub_jobs: entities.sub_jobs,
            results: entities.results,
        })
    }
}

/// A job's `entities`, read as it streams in.
#[derive(Debug, Default)]
struct Entities {
    /// Its fields but the per-image arrays.
    fields: Map<String, Value>,
    /// What the failed sub-jobs report.
    sub_jobs: Reasons,
    /// What the failed results report.
    results: Reasons,
}

/// The `visit_*` methods of a [`Visitor`] whose value is `Default` that takes any JSON
/// scalar as nothing.
macro_rules! ignore_scalars {
    () => {
        fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
            Ok(Default::default())
        }

        fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }

        fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }

        fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
            Ok(Default::default())
        }

        fn visit_str<E>(self, _: &str) -> Result<Self::Value, E> {
            Ok(Default::default())
        }

        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(Default::default())
        }
    };
}

/// Reads `entities`: an object's per-image arrays entry by entry; anything but an object
/// (read strictly all the same) is as good as none.
struct EntitiesVisitor;

impl<'de> DeserializeSeed<'de> for EntitiesVisitor {
    type Value = Entities;

    fn deserialize<D: serde::Deserializer<'de>>(
        self,
        deserializer: D,
    ) -> Result<Entities, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EntitiesVisitor {
    type Value = Entities;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    ignore_scalars!();

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Entities, A::Error> {
        StrictVisitor.visit_seq(seq).map(|_| Entities::default())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entities, A::Error> {
        let mut entities = Entities::default();
        let mut streamed = Vec::new();
        let mut first = true;
        while let Some(key) = map.next_key_seed(KeySeed { first })? {
            let key = match key {
                // A number's hand-over: `entities` is a number.
                Key::Number => {
                    map.next_value::<String>()?;
                    return Ok(Entities::default());
                }
                Key::Name(key) => key,
            };
            first = false;
            if entities.fields.contains_key(&key) || streamed.contains(&key) {
                return Err(duplicate_key(&key));
            }
            match key.as_str() {
                "sub_jobs_result" => {
                    let sub_jobs = &mut entities.sub_jobs;
                    map.next_value_seed(EachObject(&mut |sub_job| {
                        if failed(sub_job) {
                            sub_jobs.add(Some(sub_job_reason(sub_job)));
                            sub_jobs.code(text(sub_job, "error_code"));
                        }
                    }))?;
                    streamed.push(key);
                }
                // One ID per sub-job, nothing a failure reports: read strictly, dropped.
                "sub_jobs_list" => {
                    map.next_value_seed(EachObject(&mut |_| {}))?;
                    streamed.push(key);
                }
                "results" => {
                    let results = &mut entities.results;
                    map.next_value_seed(EachObject(&mut |result| {
                        if failed(result) {
                            results.add(Some(result_reason(result)));
                        }
                    }))?;
                    streamed.push(key);
                }
                _ => {
                    let value = map.next_value_seed(Strict)?;
                    entities.fields.insert(key, value);
                }
            }
        }
        Ok(entities)
    }
}

/// Hands each object of an array to a function as it is read (each read strictly, then
/// dropped); anything but an array is read strictly and handed nothing.
struct EachObject<'a>(&'a mut dyn FnMut(&Map<String, Value>));

impl<'de> DeserializeSeed<'de> for EachObject<'_> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for EachObject<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("any JSON value")
    }

    ignore_scalars!();

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        StrictVisitor.visit_map(map).map(|_| ())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(item) = seq.next_element_seed(Strict)? {
            if let Value::Object(object) = item {
                (self.0)(&object);
            }
        }
        Ok(())
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

    /// `entities` (its fields but the per-image arrays), or an empty object.
    fn entities(&self) -> &Map<String, Value> {
        &self.entities
    }

    /// Why a failed job failed: every reason it carries, each once, per image where the
    /// job says which image (`image I: CODE: message`), joined by `; `; past
    /// [`MAX_REASONS`], only how many more there are.
    pub(crate) fn failure(&self) -> String {
        let Reasons {
            kept: mut reasons,
            more,
            ..
        } = self.own_reasons();
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

    /// Every error code the job carries (each once, at most [`MAX_REASONS`] of the
    /// sub-jobs'), in the order [`Job::failure`] names them.
    pub(crate) fn error_codes(&self) -> Vec<String> {
        let entities = self.entities();
        let mut codes: Vec<String> = [
            text(&self.fields, "error_code"),
            text(entities, "error_code"),
            text(entities, "addition_error_code"),
        ]
        .into_iter()
        .flatten()
        .collect();
        codes.extend(self.sub_jobs.codes.iter().cloned());
        codes
    }

    /// The job's reasons: its own, `entities`', then the sub-jobs' and the results'.
    fn own_reasons(&self) -> Reasons {
        let entities = self.entities();
        let image = text(entities, "image_id");
        let mut reasons = Reasons::default();
        reasons.add(coded(&self.fields, "error_code", "fail_reason", None));
        for (code, message) in [
            ("error_code", "error"),
            ("addition_error_code", "addition_error_msg"),
        ] {
            reasons.add(coded(entities, code, message, image.as_deref()));
        }
        reasons.extend(&self.sub_jobs);
        reasons.extend(&self.results);
        reasons
    }
}

/// The reason a failed sub-job gives: `image I: STATUS: CODE: message`.
fn sub_job_reason(sub_job: &Map<String, Value>) -> String {
    let image = sub_job
        .get("entities")
        .and_then(Value::as_object)
        .and_then(|entities| text(entities, "image_id"));
    let status = text(sub_job, "status").unwrap_or_default();
    let reason = coded(sub_job, "error_code", "fail_reason", None)
        .map_or(status.clone(), |reason| format!("{status}: {reason}"));
    match image {
        Some(image) => format!("image {image}: {reason}"),
        None => format!("a sub-job: {reason}"),
    }
}

/// The reason a failed result gives: `image I, member M: STATUS`.
fn result_reason(result: &Map<String, Value>) -> String {
    format!(
        "image {}, member {}: {}",
        text(result, "image_id").unwrap_or_else(|| "?".to_string()),
        text(result, "project_id").unwrap_or_else(|| "?".to_string()),
        text(result, "status").unwrap_or_default(),
    )
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
    fn the_per_image_arrays_are_streamed_keeping_only_what_is_reported() {
        let entries: Vec<String> = (0..5000)
            .map(|i| {
                format!(
                    r#"{{"status":"FAIL","error_code":"IMG.{:04}","fail_reason":"r",
                        "entities":{{"image_id":"i{i}"}}}}"#,
                    i % 30
                )
            })
            .collect();
        let ids: Vec<String> = (0..5000).map(|i| format!(r#""sub-{i}""#)).collect();
        let text = format!(
            r#"{{"status":"FAIL","entities":{{"sub_jobs_list":[{}],"results":[{{"image_id":"x","project_id":"p",
                "status":"FAIL"}}],"sub_jobs_result":[{}],"process_percent":1}},
                "error_code":"IMG.0045"}}"#,
            ids.join(","),
            entries.join(",")
        );
        let failed = job(&text);
        // Only the first 20 reasons and codes of the 5,000 are held.
        assert_eq!(failed.sub_jobs.kept.len(), MAX_REASONS);
        assert_eq!(failed.sub_jobs.more, 4980);
        assert_eq!(failed.sub_jobs.codes.len(), MAX_REASONS);
        assert!(!failed.entities.contains_key("sub_jobs_result"));
        // Nor is any of the sub-jobs' IDs (as many as the sub-jobs; Huawei sends them).
        assert!(!failed.entities.contains_key("sub_jobs_list"));
        let failure = failed.failure();
        assert!(
            failure
                .starts_with("IMG.0045; image i0: FAIL: IMG.0000: r; image i1: FAIL: IMG.0001: r;"),
            "{failure}"
        );
        // 1 + 19 sub-jobs kept; 4,981 sub-jobs and the result counted.
        assert!(
            failure.ends_with("image i18: FAIL: IMG.0018: r; and 4982 more reasons"),
            "{failure}"
        );
        assert_eq!(failed.error_codes().len(), 1 + MAX_REASONS);
        assert_eq!(failed.progress(), "FAIL (process_percent 1)");
    }

    #[test]
    fn a_streamed_job_is_still_read_strictly() {
        for bad in [
            r#"{"status":"FAIL","entities":{"sub_jobs_result":[{"status":"FAIL","status":"x"}]}}"#,
            r#"{"status":"FAIL","entities":{"results":[],"results":[]}}"#,
            r#"{"status":"FAIL","entities":{"sub_jobs_result":[],"sub_jobs_result":[]}}"#,
            r#"{"status":"FAIL","entities":{},"entities":{}}"#,
            r#"{"status":"FAIL","entities":{"a":1,"a":1}}"#,
            r#"{"status":"FAIL","status":"FAIL"}"#,
            r#"{"status":"FAIL","entities":{"sub_jobs_result":{"a":1,"a":2}}}"#,
            r#"{"status":"FAIL","entities":{"sub_jobs_list":[],"sub_jobs_list":[]}}"#,
            r#"{"status":"FAIL","entities":{"sub_jobs_list":[{"a":1,"a":2}]}}"#,
        ] {
            assert!(serde_json::from_str::<Job>(bad).is_err(), "{bad}");
        }
        for odd in [
            r#"{"status":"FAIL","entities":5}"#,
            r#"{"status":"FAIL","entities":[1,{"a":1}]}"#,
            r#"{"status":"FAIL","entities":{"sub_jobs_result":"x","results":7}}"#,
            r#"{"status":"FAIL","entities":{"sub_jobs_result":[1,"a",null,[2]]}}"#,
        ] {
            assert_eq!(job(odd).failure(), "no reason given", "{odd}");
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
