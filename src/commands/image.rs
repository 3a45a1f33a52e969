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

/// Lists the images, then writes them: nothing is printed unless every page was read.
fn list(console: &Console, global: &GlobalArgs, args: &ImageListArgs) -> anyhow::Result<()> {
    let session = Session::open(console, global)?;
    let images = session.with_api(|api| {
        let project = session.this_project(api)?;
        match args.incoming {
            true => incoming(console, api, &project, args),
            false => shared_by::<Image>(api, &project, args.limit),
        }
    })??;
    let columns = match args.incoming {
        true => ImageColumns::Incoming,
        false => ImageColumns::Shared,
    };
    let mut unprintable = Vec::new();
    output::to_stdout(console, |out| {
        let mut stream = ImageStream::new(out, session.settings.output.value, columns);
        for image in &images {
            unprintable.extend(stream.image(image)?);
        }
        stream.finish().map_err(output::write_error)
    })?;
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
    api.list_images(ImageFilter::SharedBy(project), limit, &mut |image| {
        images.push(image);
        Ok(())
    })
    .map_err(|err| err.prefixed(&format!("the images project {project} shares")))?;
    Ok(images)
}

/// The images shared with `project`, one query per wanted status (so each image's
/// membership status is known), each image carrying it as `member_status`.
fn incoming(
    console: &Console,
    api: &ImageApi,
    project: &str,
    args: &ImageListArgs,
) -> Result<Vec<Image>, Error> {
    let statuses: &[&str] = match args.status.unwrap_or(StatusFilter::All) {
        StatusFilter::All => &["accepted", "pending", "rejected"],
        StatusFilter::Accepted => &["accepted"],
        StatusFilter::Pending => &["pending"],
        StatusFilter::Rejected => &["rejected"],
    };
    let mut images: Vec<Image> = Vec::new();
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
            images.push(image);
            Ok(())
        })
        .map_err(|err| {
            err.prefixed(&format!(
                "the images shared with project {project} (member_status {status})"
            ))
        })?;
    }
    Ok(images)
}
