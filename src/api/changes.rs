//! Share changes as requests: each function builds one [`Change`] (method, URL, JSON body)
//! without sending it, so a dry run can print exactly what a real run sends; [`send`]
//! sends one. v2: one request per image and member. Huawei v1: one batch request for all
//! of them, answered with a job to poll.
//!
//! [`send`]: ImageApi::send

use std::io::Read;
use std::time::Duration;

use serde_json::{Value, json};

use super::memory::SharingRules;
use super::service::{ImageApi, Route};
use crate::advice::{MEMBER_QUOTA, for_codes, foreign, not_shared};
use crate::console::Clock;
use crate::error::{Error, ErrorKind};
use crate::model::job::{Job, JobStarted, JobState};
use crate::model::{BodyError, read_json, read_optional_json};
use crate::url::{check_id, encode};

/// How long a Huawei job may run before `ims` stops waiting for it.
pub(crate) const JOB_PATIENCE: Duration = Duration::from_secs(10 * 60);

/// The longest pause between two polls of a job.
const MAX_JOB_PAUSE: Duration = Duration::from_secs(10);

/// One request that changes something.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Change {
    /// `POST`, `PUT`, `DELETE`, or `PATCH` (a JSON patch).
    pub(crate) method: &'static str,
    /// The full URL.
    pub(crate) url: String,
    /// The JSON body, if any.
    pub(crate) body: Option<Value>,
}

impl Change {
    /// `METHOD URL [BODY]`, as a dry run prints it (no credential, no signature).
    pub(crate) fn line(&self) -> String {
        match &self.body {
            Some(body) => format!("{} {} {body}", self.method, self.url),
            None => format!("{} {}", self.method, self.url),
        }
    }
}

/// The member list that a v1 batch request names: projects, domains or organizations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BatchMembers {
    /// `"projects"`: project IDs.
    Projects,
    /// `"domains"`: account (domain) IDs.
    Domains,
    /// `"organizations"`: organization URNs.
    Organizations,
}

impl BatchMembers {
    fn key(self) -> &'static str {
        match self {
            BatchMembers::Projects => "projects",
            BatchMembers::Domains => "domains",
            BatchMembers::Organizations => "organizations",
        }
    }
}

impl ImageApi<'_> {
    /// v2: share `image` with `member`.
    pub(crate) fn add_member(&self, image: &str, member: &str) -> Change {
        Change {
            method: "POST",
            url: self.route.members_url(self.endpoint, image),
            body: Some(json!({ "member": member })),
        }
    }

    /// v2: stop sharing `image` with `member`.
    pub(crate) fn remove_member(&self, image: &str, member: &str) -> Change {
        Change {
            method: "DELETE",
            url: self.route.member_url(self.endpoint, image, member),
            body: None,
        }
    }

    /// v2: set the membership `status` of `project` (this project) in `image`.
    pub(crate) fn answer_share(&self, image: &str, project: &str, status: &str) -> Change {
        Change {
            method: "PUT",
            url: self.route.member_url(self.endpoint, image, project),
            body: Some(json!({ "status": status })),
        }
    }

    /// v1: share `images` with `members` (`POST`), or stop sharing (`DELETE`).
    pub(crate) fn batch_members(
        &self,
        method: &'static str,
        images: &[String],
        members: &[String],
        kind: BatchMembers,
    ) -> Change {
        let mut body = serde_json::Map::new();
        body.insert("images".to_string(), json!(images));
        body.insert(kind.key().to_string(), json!(members));
        Change {
            method,
            url: self.batch_url(),
            body: Some(Value::Object(body)),
        }
    }

    /// v1: set the membership `status` of `project` in every one of `images`; `vault` is
    /// the vault that is to hold full-ECS images made from a CBR backup (`vault_id`).
    pub(crate) fn batch_answer(
        &self,
        images: &[String],
        project: &str,
        status: &str,
        vault: Option<&str>,
    ) -> Change {
        let mut body = json!({ "images": images, "project_id": project, "status": status });
        if let (Some(vault), Value::Object(fields)) = (vault, &mut body) {
            fields.insert("vault_id".to_string(), json!(vault));
        }
        Change {
            method: "PUT",
            url: self.batch_url(),
            body: Some(body),
        }
    }

    /// `{endpoint}/v1/cloudimages/members`.
    fn batch_url(&self) -> String {
        format!("{}/v1/cloudimages/members", self.endpoint.root())
    }

    /// Sends `change`; the answer's JSON, strictly read (`None` for an empty answer such as
    /// `204`, or one that is not JSON: the change was made, and the caller reads back
    /// what it needs). A `visibility` change (the only PATCH) is refused, with nothing
    /// sent, where the service follows Huawei's rules: they refuse it, and private images
    /// take members.
    pub(crate) fn send(&self, change: &Change) -> Result<Option<Value>, Error> {
        self.send_reading(change, &mut |reader| {
            Ok(read_optional_json(reader).ok().flatten())
        })
    }

    /// Sends `change` as [`Self::send`] does, handing the answer's body to `parse`. Before
    /// a PATCH the rules are [found](Self::sharing_rules) if this run has not yet: a path
    /// that replays actions planned elsewhere (a saved plan) is guarded too.
    fn send_reading<T>(
        &self,
        change: &Change,
        parse: &mut dyn FnMut(&mut dyn Read) -> Result<T, BodyError>,
    ) -> Result<T, Error> {
        if change.method == "PATCH" && self.sharing_rules() == SharingRules::Huawei {
            return Err(Error::new(
                ErrorKind::Usage,
                format!(
                    "PATCH {}: not sent: under Huawei's sharing rules an image's visibility \
                     is never changed (private images take members)",
                    change.url
                ),
            ));
        }
        let body = change
            .body
            .as_ref()
            .map(|body| body.to_string().into_bytes())
            .unwrap_or_default();
        self.auth
            .send_with(change.method, &change.url, &body, parse)
    }

    /// v2: `err` (a refused member create on `image`) with advice on what to do: for
    /// `413`, Glance's member quota; for a `403` whose code brought no advice of its own,
    /// what one read of the image shows (it is
    /// not `shared`, or it belongs to a project other than `this_project`; when this
    /// project is not known, its owner proves nothing). A read that fails leaves `err` as
    /// it is.
    pub(crate) fn explain_refused_add(
        &self,
        err: Error,
        image: &str,
        this_project: Option<&str>,
    ) -> Error {
        match err.status() {
            Some(413) => return err.with_advice(Some(MEMBER_QUOTA.to_string())),
            Some(403) if err.advice().is_none() => {}
            _ => return err,
        }
        let Ok(read) = self.show_image(image) else {
            return err;
        };
        let visibility = read
            .field("visibility")
            .and_then(Value::as_str)
            .unwrap_or("");
        // No request for the rules: those known, else the record read just now (only
        // Huawei's image records carry `__imagetype`).
        let needs_shared = match self.known_rules() {
            Some(rules) => rules == SharingRules::Glance,
            None => read.field("__imagetype").is_none(),
        };
        let advice = match (read.owner(), this_project) {
            (Some(owner), Some(project)) if owner != project => Some(foreign(image, owner)),
            _ => not_shared(image, visibility, needs_shared),
        };
        err.with_advice(advice)
    }

    /// v1: sends a batch `change`; the ID of the job that carries it out.
    pub(crate) fn start_job(&self, change: &Change) -> Result<String, Error> {
        // Only the job ID is kept: the answer is read as it streams in, whatever else it
        // holds (a service may answer with the whole job, millions of sub-jobs included).
        let started = self.send_reading(change, &mut |reader| {
            Ok(read_json::<JobStarted>(reader).map(|started| started.job_id))
        })?;
        let job_id = started.map_err(|err| {
            let why = match err {
                BodyError::Json(err) => err.to_string(),
                BodyError::Stop(err) => err.to_string(),
            };
            Error::bad_answer(format!(
                "{} {}: the answer names no job: {why}",
                change.method, change.url
            ))
        })?;
        check_id("job ID", &job_id).map_err(|why| {
            Error::bad_answer(format!(
                "{} {}: the answer's job ID: {why}",
                change.method, change.url
            ))
        })?;
        Ok(job_id)
    }

    /// v1: polls job `job_id` until it succeeds or fails: at once, then after 1 s, backing
    /// off to 10 s between polls (waiting by `clock`); `on_poll` sees every answer (for progress). A failed job
    /// is exit 6 naming it and every reason it gives (with advice for the error codes
    /// `ims` knows); one still running (or in a status `ims` does not know) after
    /// [`JOB_PATIENCE`] or at the `--deadline` is exit 7 naming it and its status.
    pub(crate) fn wait_for_job(
        &self,
        job_id: &str,
        clock: &dyn Clock,
        on_poll: &mut dyn FnMut(&Job),
    ) -> Result<(), Error> {
        let started = clock.elapsed();
        let mut pause = Duration::from_secs(1);
        loop {
            let job = self
                .job(job_id)
                .map_err(|err| err.prefixed(&format!("waiting for job {job_id}")))?;
            on_poll(&job);
            let status = match job.state() {
                JobState::Success => return Ok(()),
                JobState::Fail => {
                    let codes = job.error_codes();
                    return Err(Error::new(
                        ErrorKind::Http,
                        format!("job {job_id} failed: {}", job.failure()),
                    )
                    .with_advice(for_codes(codes.iter().map(String::as_str))));
                }
                JobState::Running => job.status_text(),
                JobState::Unknown => format!(
                    "in status `{}` (none of INIT, RUNNING, SUCCESS, FAIL)",
                    job.status_text()
                ),
            };
            if clock.elapsed().saturating_sub(started) + pause > JOB_PATIENCE {
                return Err(Error::new(
                    ErrorKind::Network,
                    format!(
                        "job {job_id} is still {status} after {} minutes; gave up waiting (it \
                         may still finish: see `GET {}`)",
                        JOB_PATIENCE.as_secs() / 60,
                        self.job_url(job_id)
                    ),
                ));
            }
            if let Some(why) = self.auth.refuse_wait(pause) {
                return Err(Error::new(
                    ErrorKind::Network,
                    format!("job {job_id} is still {status}: {why}"),
                ));
            }
            clock.sleep(pause);
            pause = (pause * 2).min(MAX_JOB_PAUSE);
        }
    }

    /// v1: how job `job_id` stands: `GET {endpoint}/v1/{project_id}/jobs/{job_id}`.
    pub(crate) fn job(&self, job_id: &str) -> Result<Job, Error> {
        self.auth.get_json(&self.job_url(job_id), &[])
    }

    /// `{endpoint}/v1/{project_id}/jobs/{job_id}`.
    fn job_url(&self, job_id: &str) -> String {
        let project = match self.route {
            Route::V1 { project_id } => project_id.as_str(),
            Route::V2 => "",
        };
        format!(
            "{}/v1/{}/jobs/{}",
            self.endpoint.root(),
            encode(project),
            encode(job_id)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::RulesMemory;
    use crate::auth::Authorizer;
    use crate::cli::{GlobalArgs, RulesSetting};
    use crate::client::{Client, ClientOptions, Tls};
    use crate::settings::Settings;
    use crate::settings::testing::{config, env_of};
    use crate::url::Endpoint;
    use httpmock::prelude::*;

    /// Calls `f` with an authoriser (token `tok`) and `server`'s endpoint.
    fn signed_in<T>(
        env: &dyn Fn(&str) -> Result<Option<String>, Error>,
        server: &MockServer,
        f: impl FnOnce(&Authorizer, &Endpoint) -> T,
    ) -> T {
        let settings = Settings::resolve(&GlobalArgs::default(), env, &config(""), None).unwrap();
        let client = Client::new(ClientOptions {
            timeout: std::time::Duration::from_secs(5),
            retries: 0,
            deadline: None,
            verbose: 0,
            tls: Tls::Verify { extra_ca: None },
        });
        let auth = Authorizer::new(&client, &settings, None).unwrap();
        f(&auth, &Endpoint::parse(&server.base_url()).unwrap())
    }

    #[test]
    fn no_visibility_patch_is_ever_sent_under_huawei_rules() {
        let env = env_of(&[("IMS_TOKEN", "tok"), ("XDG_CACHE_HOME", "/dev/null/x")]);
        let server = MockServer::start();
        let anything = server.mock(|when, then| {
            when.any_request();
            then.status(200).json_body(json!({}));
        });
        signed_in(&env, &server, |auth, endpoint| {
            let v1 = Route::V1 {
                project_id: "p1".into(),
            };
            for (route, stated) in [
                (&Route::V2, RulesSetting::Huawei),
                (&v1, RulesSetting::Auto),
            ] {
                let rules = RulesMemory::new(stated, &env);
                let api = ImageApi::new(auth, endpoint, route, &rules);
                let err = api.send(&api.make_shared("i1")).unwrap_err();
                assert_eq!(err.kind(), ErrorKind::Usage);
                assert!(err.to_string().contains("not sent"), "{err}");
            }
            anything.assert_calls(0);
            // Under Glance's rules it is sent.
            let rules = RulesMemory::new(RulesSetting::Glance, &env);
            let api = ImageApi::new(auth, endpoint, &Route::V2, &rules);
            assert!(api.send(&api.make_shared("i1")).is_ok());
            anything.assert_calls(1);
        });
    }

    /// A PATCH sent before anything in the run asked for the rules finds them first (one
    /// GET of the service root): a service whose version document shows Huawei's rules
    /// gets no PATCH.
    #[test]
    fn a_visibility_patch_finds_the_rules_first() {
        let env = env_of(&[("IMS_TOKEN", "tok"), ("XDG_CACHE_HOME", "/dev/null/x")]);
        let server = MockServer::start();
        let root = server.mock(|when, then| {
            when.method(GET).path("/");
            then.status(300)
                .json_body(json!({"versions": [{"id": "v2.2"}, {"id": "v2.0"}]}));
        });
        let patch = server.mock(|when, then| {
            when.method(PATCH);
            then.status(200).json_body(json!({}));
        });
        signed_in(&env, &server, |auth, endpoint| {
            let rules = RulesMemory::new(RulesSetting::Auto, &env);
            let api = ImageApi::new(auth, endpoint, &Route::V2, &rules);
            for _ in 0..2 {
                let err = api.send(&api.make_shared("i1")).unwrap_err();
                assert_eq!(err.kind(), ErrorKind::Usage);
                assert!(err.to_string().contains("not sent"), "{err}");
            }
        });
        root.assert_calls(1);
        patch.assert_calls(0);
    }

    /// The batch answer is read for its job ID only, even when the service answers with the
    /// whole job (its sub-jobs are not kept: benches/run's memory section measures it); an
    /// answer without one is exit 8 naming the request.
    #[test]
    fn a_batch_answer_gives_its_job_id_whatever_else_it_holds() {
        let env = env_of(&[("IMS_TOKEN", "tok"), ("XDG_CACHE_HOME", "/dev/null/x")]);
        let server = MockServer::start();
        let sub_jobs: Vec<Value> = (0..2000)
            .map(|i| json!({"status": "FAIL", "entities": {"image_id": format!("i{i}")}}))
            .collect();
        let mut whole = server.mock(|when, then| {
            when.method(POST).path("/v1/cloudimages/members");
            then.status(200)
                .json_body(json!({"status": "FAIL", "job_id": "job-1",
                "entities": {"sub_jobs_result": sub_jobs}}));
        });
        signed_in(&env, &server, |auth, endpoint| {
            let route = Route::V1 {
                project_id: "p1".into(),
            };
            let rules = RulesMemory::new(RulesSetting::Auto, &env);
            let api = ImageApi::new(auth, endpoint, &route, &rules);
            let change = api.batch_members(
                "POST",
                &["i1".into()],
                &["p2".into()],
                BatchMembers::Projects,
            );
            assert_eq!(api.start_job(&change).unwrap(), "job-1");
            whole.delete();
            server.mock(|when, then| {
                when.method(POST).path("/v1/cloudimages/members");
                then.status(200).body("");
            });
            let err = api.start_job(&change).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::BadAnswer);
            assert!(
                err.to_string().starts_with(&format!(
                    "POST {}/v1/cloudimages/members: the answer names no job: ",
                    server.base_url()
                )),
                "{err}"
            );
        });
    }
}
