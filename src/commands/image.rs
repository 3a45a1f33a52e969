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
