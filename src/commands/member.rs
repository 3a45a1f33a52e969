//! `ims member show|list`

use anyhow::Context;

use super::session::Session;
use crate::api::ImageApi;
use crate::cli::{GlobalArgs, ListArgs, StatusFilter};
use crate::console::Console;
use crate::error::{Error, ErrorKind, Failures};
use crate::model::Member;
use crate::model::image::ImageRef;
use crate::output::{self, ImageMembers, MemberStream};
use crate::settings::Settings;
use crate::url::{check_id, id_problem};
use crate::work::fan_out;
use crate::work::ids::read_ids;

/// `ims member show IMAGE MEMBER`
pub(crate) fn show(
    console: &Console,
    global: &GlobalArgs,
    image_id: &str,
    member_id: &str,
) -> anyhow::Result<()> {
    check_id("image ID", image_id)?;
    check_id("member ID", member_id)?;
    let session = Session::open(console, global)?;
    let context = || format!("member {member_id} of image {image_id}");
    let member = session
        .with_api(|api| api.show_member(image_id, member_id))?
        .with_context(context)?;
    let rendered =
        output::member(session.settings.output.value, image_id, &member).with_context(context)?;
    output::to_stdout(console, |out| {
        out.write_all(&rendered).map_err(output::write_error)
    })?;
    Ok(())
}

/// `ims member list IMAGE...|-` or `--all`
pub(crate) fn list(
    console: &Console,
    global: &GlobalArgs,
    mut args: ListArgs,
) -> anyhow::Result<()> {
    let image_ids = read_ids(
        "image ID",
        std::mem::take(&mut args.image_ids),
        &mut *console.stdin(),
    )?;
    let session = Session::open(console, global)?;
    session.with_api(|api| {
        let mut refused = Vec::new();
        let image_ids = match args.all {
            true => {
                let project = session.this_project(api)?;
                let images = super::image::shared_by::<ImageRef>(api, &project, None)?;
                // An ID the service lists that is not one path segment gets no request.
                let (good, bad): (Vec<_>, Vec<_>) = images
                    .into_iter()
                    .map(|image| image.id)
                    .partition(|id| id_problem(id).is_none());
                for id in bad {
                    let why = id_problem(&id).unwrap_or_default();
                    let err = Error::bad_answer(format!(
                        "the service listed image ID `{id}`, which {why}"
                    ));
                    refused.push((id, err));
                }
                good
            }
            false => image_ids,
        };
        list_with(console, api, &session.settings, &args, image_ids, refused)
    })?
}

/// Lists the members of `image_ids` with `api` and writes them out, image by image in
/// input order. An image's members are written only once all its pages are read, so a
/// failed image writes nothing, whatever `--jobs` is. `refused` are images already refused
/// without a request; they are reported with the failures.
fn list_with(
    console: &Console,
    api: &ImageApi,
    settings: &Settings,
    args: &ListArgs,
    image_ids: Vec<String>,
    refused: Vec<(String, Error)>,
) -> anyhow::Result<()> {
    let format = settings.output.value;

    let mut failures: Vec<(String, Error)> = refused;
    let mut listed = 0;
    let fetch = |image_id: &String| {
        let mut image = ImageMembers::new(format, image_id);
        api.list_members(
            image_id,
            args.limit,
            &mut |member| match keep(args.status, &member) {
                true => image.push(member),
                false => Ok(()),
            },
        )
        .map(|()| image)
    };
    let progress = console.progress(image_ids.len(), "images", settings.verbose > 0);
    output::to_stdout(console, |out| {
        let mut stream = MemberStream::new(out, format);
        fan_out::in_order(&image_ids, args.jobs, fetch, |image_id, result| {
            progress.add(1);
            match result {
                Ok(image) => {
                    listed += 1;
                    let unprintable = progress
                        .suspend(|| stream.image(image))
                        .map_err(output::write_error)?;
                    failures.extend(
                        unprintable
                            .into_iter()
                            .map(|err| (image_id.to_string(), err)),
                    );
                }
                Err(err) if err.kind() == ErrorKind::OutputClosed => return Err(err),
                Err(err) => failures.push((image_id.to_string(), err)),
            }
            Ok(())
        })?;
        // When every image failed there is no data to show, not even an empty table.
        stream
            .finish(listed > 0 || failures.is_empty())
            .map_err(output::write_error)
    })?;

    Failures::into_result(
        failures
            .into_iter()
            .map(|(image_id, err)| anyhow::Error::new(err).context(format!("image {image_id}")))
            .collect(),
    )
}

/// Whether `member` passes `--status`.
fn keep(filter: StatusFilter, member: &Member) -> bool {
    let wanted = match filter {
        StatusFilter::All => return true,
        StatusFilter::Accepted => "accepted",
        StatusFilter::Pending => "pending",
        StatusFilter::Rejected => "rejected",
    };
    member.status_text() == Some(wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_filter() {
        let m: Member = serde_json::from_str(r#"{"member_id":"a","status":"pending"}"#).unwrap();
        assert!(keep(StatusFilter::All, &m));
        assert!(keep(StatusFilter::Pending, &m));
        assert!(!keep(StatusFilter::Accepted, &m));
        let odd: Member = serde_json::from_str(r#"{"member_id":"a","status":null}"#).unwrap();
        assert!(keep(StatusFilter::All, &odd));
        assert!(!keep(StatusFilter::Rejected, &odd));
    }

    #[test]
    fn list_reads_image_ids_from_the_consoles_stdin_in_order() {
        use super::super::testing::{SCRIPT, ims};
        use httpmock::prelude::*;
        let server = MockServer::start();
        for (image, member) in [("img-a", "p-1"), ("img-b", "p-2")] {
            server.mock(|when, then| {
                when.method(GET)
                    .path(format!("/v2/images/{image}/members"))
                    .header("x-auth-token", "tok");
                then.status(200)
                    .json_body(serde_json::json!({"members": [{"member_id": member}]}));
            });
        }
        let url = server.base_url();
        let env = [("IMS_ENDPOINT", url.as_str()), ("IMS_TOKEN", "tok")];
        let ran = ims(
            &["member", "list", "img-b", "-", "-o", "ids", "--jobs", "4"],
            "img-a\nimg-b\n",
            SCRIPT,
            &env,
        );
        assert_eq!(
            (ran.code, ran.stdout.as_str(), ran.stderr.as_str()),
            (0, "p-2\np-1\np-2\n", "")
        );
        let ran = ims(&["member", "list", "-"], "a/b", SCRIPT, &env);
        assert_eq!(
            (ran.code, ran.stderr.as_str()),
            (2, "ims: error: image ID `a/b` cannot contain `/`\n")
        );
    }
}
