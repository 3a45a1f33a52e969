//! Huawei's asynchronous jobs: the batch member API answers `{"job_id": …}`, and
//! `GET /v1/{project_id}/jobs/{job_id}` tells how the job stands.

use serde::Deserialize;
use serde_json::Value;

use serde::de::DeserializeSeed;

use super::{Strict, cell_text};

/// The answer to a batch request: the job that carries it out.
#[derive(Debug, Deserialize)]
pub(crate) struct JobStarted {
    /// The job's ID.
    pub(crate) job_id: String,
}

/// A job as the service describes it: `status` must be a string; every other field may be
/// missing or null. Read strictly (a key twice in any object is refused), like members.
#[derive(Debug)]
pub(crate) struct Job {
    /// `INIT`, `RUNNING`, `SUCCESS`, `FAIL`, or whatever else the service says.
    pub(crate) status: Value,
    /// Why it failed.
    pub(crate) fail_reason: Value,
    /// The service's error code.
    pub(crate) error_code: Value,
    /// What it worked on: `results` holds one entry per image and member.
    pub(crate) entities: Value,
}

/// A job on the wire.
#[derive(Deserialize)]
struct JobWire {
    status: String,
    #[serde(default)]
    fail_reason: Value,
    #[serde(default)]
    error_code: Value,
    #[serde(default)]
    entities: Value,
}

impl<'de> Deserialize<'de> for Job {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Job, D::Error> {
        let value = Strict.deserialize(deserializer)?;
        let wire = JobWire::deserialize(value).map_err(serde::de::Error::custom)?;
        Ok(Job {
            status: Value::String(wire.status),
            fail_reason: wire.fail_reason,
            error_code: wire.error_code,
            entities: wire.entities,
        })
    }
}

/// Where a job stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum JobState {
    /// Still working (any status but the two final ones).
    Running,
    /// Done.
    Success,
    /// Failed.
    Fail,
}

impl Job {
    /// Where the job stands.
    pub(crate) fn state(&self) -> JobState {
        match self.status.as_str().map(str::to_ascii_uppercase).as_deref() {
            Some("SUCCESS") => JobState::Success,
            Some("FAIL" | "FAILED") => JobState::Fail,
            _ => JobState::Running,
        }
    }

    /// The status as sent, for progress lines.
    pub(crate) fn status_text(&self) -> String {
        cell_text(&self.status)
    }

    /// Why a failed job failed: its reason and code, then each result that did not
    /// succeed (`image I, member M: status: message`).
    pub(crate) fn failure(&self) -> String {
        let mut parts = Vec::new();
        for (name, value) in [
            ("error code", &self.error_code),
            ("reason", &self.fail_reason),
        ] {
            if !value.is_null() && value != "" {
                parts.push(format!("{name} {}", cell_text(value)));
            }
        }
        let results = self
            .entities
            .get("results")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default();
        for result in results {
            let status = result.get("status").map(cell_text).unwrap_or_default();
            if status.eq_ignore_ascii_case("success") {
                continue;
            }
            let field = |keys: &[&str]| {
                keys.iter()
                    .find_map(|key| result.get(*key).filter(|v| !v.is_null()))
                    .map(cell_text)
                    .unwrap_or_else(|| "?".to_string())
            };
            let mut line = format!(
                "image {}, member {}: {status}",
                field(&["image_id"]),
                field(&["project_id", "domain_id", "organization_urn", "member_id"]),
            );
            let detail = field(&["error_msg", "error_code", "fail_reason"]);
            if detail != "?" {
                line.push_str(&format!(": {detail}"));
            }
            parts.push(line);
        }
        if parts.is_empty() {
            "no reason given".to_string()
        } else {
            parts.join("; ")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(text: &str) -> Job {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn states_and_failures() {
        assert_eq!(job(r#"{"status":"RUNNING"}"#).state(), JobState::Running);
        assert_eq!(job(r#"{"status":"INIT"}"#).state(), JobState::Running);
        for bad in [
            r#"{}"#,
            "[]",
            r#"{"status":5}"#,
            r#"{"error":{"code":"X"}}"#,
        ] {
            assert!(serde_json::from_str::<Job>(bad).is_err(), "{bad}");
        }
        assert!(
            serde_json::from_str::<Job>(r#"{"status":"RUNNING","entities":{"a":1,"a":2}}"#)
                .is_err()
        );
        assert_eq!(job(r#"{"status":"SUCCESS"}"#).state(), JobState::Success);
        let failed = job(
            r#"{"status":"FAIL","fail_reason":"some failed","error_code":"IMG.0001","entities":{"results":[
                {"image_id":"i1","project_id":"p1","status":"success"},
                {"image_id":"i2","project_id":"p1","status":"failed","error_msg":"not owner"}]}}"#,
        );
        assert_eq!(failed.state(), JobState::Fail);
        assert_eq!(
            failed.failure(),
            "error code IMG.0001; reason some failed; image i2, member p1: failed: not owner"
        );
        assert_eq!(job(r#"{"status":"FAIL"}"#).failure(), "no reason given");
    }
}
