//! `ims image list [--shared | --incoming]`: the images this project shares, or those
//! other projects share with it, every page.

use super::session::Session;
use crate::api::{ImageApi, ImageFilter};
use crate::cli::{GlobalArgs, ImageCommand, ImageListArgs, StatusFilter};
use crate::console::Console;
use crate::error::{Error, Failures};
use crate::model::image::{Image, Listed};
use crate::output::{self, ImageColumns, ImageStream, member_status};

/// Runs an `image` subcommand.
pub(crate) fn run(
    console: &Console,
    global: &GlobalArgs,
    command: ImageCommand,
) -> anyhow::Result<()> {
    match command {
        ImageCommand::List(args) => list(console, global, &args),
    }
}

/// Lists the images and writes them as the output format wants them: as they are listed
/// (`ndjson`), or once every page was read, nothing when one fails.
fn list(console: &Console, global: &GlobalArgs, args: &ImageListArgs) -> anyhow::Result<()> {
    let session = Session::open(console, global)?;
    let columns = match args.incoming {
        true => ImageColumns::Incoming,
        false => ImageColumns::Shared,
    };
    let mut unprintable = Vec::new();
    session.with_api(|api| {
        let project = session.this_project(api)?;
        output::to_stdout(console, |out| {
            let mut stream = ImageStream::new(out, session.settings.output.value, columns);
            let mut each = |image: Image| {
                unprintable.extend(stream.image(&image)?);
                Ok(())
            };
            match args.incoming {
                true => incoming(console, api, &project, args, &mut each)?,
                false => each_shared_by(api, &project, args.limit, &mut each)?,
            }
            unprintable.extend(stream.finish().map_err(output::write_error)?);
            Ok(())
        })
    })??;
    Failures::into_result(unprintable.into_iter().map(Into::into).collect())
}

/// The images `project` owns and shares, in the order listed: whole records (`Image`)
/// or just IDs and owners (`ImageRef`).
pub(crate) fn shared_by<R: Listed>(
    api: &ImageApi,
    project: &str,
    limit: Option<u16>,
) -> Result<Vec<R>, Error> {
    let mut images = Vec::new();
    each_shared_by(api, project, limit, &mut |image| {
        images.push(image);
        Ok(())
    })?;
    Ok(images)
}

/// Hands each image `project` owns and shares to `each`, in the order listed.
fn each_shared_by<R: Listed>(
    api: &ImageApi,
    project: &str,
    limit: Option<u16>,
    each: &mut dyn FnMut(R) -> Result<(), Error>,
) -> Result<(), Error> {
    let filter = ImageFilter::SharedBy(project, api.sharing_rules());
    api.list_images(filter, limit, each)
        .map_err(|err| err.prefixed(&format!("the images project {project} shares")))
}

/// Hands `each` the images shared with `project`, one query per wanted status (so each
/// image's membership status is known), each image carrying it as `member_status`.
fn incoming(
    console: &Console,
    api: &ImageApi,
    project: &str,
    args: &ImageListArgs,
    each: &mut dyn FnMut(Image) -> Result<(), Error>,
) -> Result<(), Error> {
    let statuses: &[&str] = match args.status.unwrap_or(StatusFilter::All) {
        StatusFilter::All => &["accepted", "pending", "rejected"],
        StatusFilter::Accepted => &["accepted"],
        StatusFilter::Pending => &["pending"],
        StatusFilter::Rejected => &["rejected"],
    };
    let mut seen = std::collections::HashSet::new();
    for status in statuses {
        let filter = ImageFilter::SharedWith { project, status };
        api.list_images(filter, args.limit, &mut |mut image: Image| {
            // A service that ignores `member_status` would list an image once per status:
            // it is shown once, with the first status it was listed under.
            if !seen.insert(image.id().to_string()) {
                console.warn(&format!(
                    "image {} was listed as {status} after another status; shown once",
                    image.id()
                ));
                return Ok(());
            }
            image.set("member_status", member_status(status));
            each(image)
        })
        .map_err(|err| {
            err.prefixed(&format!(
                "the images shared with project {project} (member_status {status})"
            ))
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::testing::{SCRIPT, ims};
    use httpmock::prelude::*;
    use serde_json::json;

    /// `ims image list -o ids` in-process against `server` as project p1, with `env` added.
    fn ids(server: &MockServer, env: &[(&str, &str)]) -> (u8, String, String) {
        let url = server.base_url();
        let mut all = vec![
            ("IMS_ENDPOINT", url.as_str()),
            ("IMS_TOKEN", "tok"),
            ("IMS_PROJECT_ID", "p1"),
        ];
        all.extend_from_slice(env);
        let ran = ims(&["image", "list", "-o", "ids"], "", SCRIPT, &all);
        (ran.code, ran.stdout, ran.stderr)
    }

    /// The service root answering a version document that lists `versions`.
    fn root<'a>(server: &'a MockServer, versions: &[&str]) -> httpmock::Mock<'a> {
        let versions: Vec<_> = versions.iter().map(|id| json!({"id": id})).collect();
        server.mock(|when, then| {
            when.method(GET).path("/").header("x-auth-token", "tok");
            then.status(300).json_body(json!({"versions": versions}));
        })
    }

    /// `GET /v2/images` asking `pairs` besides `owner=p1&limit=1000`, answering image i1.
    fn shared<'a>(server: &'a MockServer, pairs: [(&str, &str); 1]) -> httpmock::Mock<'a> {
        let mut wanted: Vec<(String, String)> = [("owner", "p1"), ("limit", "1000")]
            .iter()
            .chain(&pairs)
            .map(|(key, value)| (key.to_string(), value.to_string()))
            .collect();
        wanted.sort();
        server.mock(move |when, then| {
            when.method(GET).path("/v2/images").is_true(move |req| {
                let mut query = req.query_params();
                query.sort();
                query == wanted
            });
            then.status(200).json_body(
                json!({"images": [{"id": "i1", "owner": "p1", "visibility": "private"}]}),
            );
        })
    }

    #[test]
    fn stated_huawei_rules_list_by_image_type_with_no_request_for_them() {
        let server = MockServer::start();
        let versions = root(&server, &["v2.17"]);
        let listed = shared(&server, [("__imagetype", "shared")]);
        let ran = ids(&server, &[("IMS_SHARING_RULES", "huawei")]);
        assert_eq!(ran, (0, "i1\n".into(), String::new()));
        listed.assert_calls(1);
        versions.assert_calls(0);
    }

    #[test]
    fn learned_rules_are_asked_once_per_run_where_nothing_can_be_remembered() {
        let server = MockServer::start();
        let versions = root(&server, &["v2.2", "v2.1", "v2.0"]);
        let huawei = shared(&server, [("__imagetype", "shared")]);
        let glance = shared(&server, [("visibility", "shared")]);
        for _ in 0..2 {
            assert_eq!(ids(&server, &[]), (0, "i1\n".into(), String::new()));
        }
        versions.assert_calls(2);
        huawei.assert_calls(2);
        glance.assert_calls(0);
    }
}

#[cfg(test)]
#[path = "image_tests.rs"]
mod command_tests;
