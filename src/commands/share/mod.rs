//! `ims share plan|check|apply|export`: desired sharing from a shares file. The file is
//! read and checked before any request; the cloud is read (this project's images, each
//! selected image's members, `--jobs` at a time); the pure planner says what differs; apply
//! sends it in order (visibility, add, accept with each member's own profile, remove) and
//! reads the cloud again. Here: the subcommands' flow; `observe` reads the cloud, `steps`
//! groups and sends the plan's actions, `consumers` opens and checks the consumers' sessions.

mod consumers;
mod observe;
mod steps;

use consumers::{check_consumer_projects, check_consumers, consumer_sessions};
use observe::{members_of, observe};
use steps::{check_paths, send_steps, step_lines, steps, with_step_api};

use super::confirm::confirm;
use super::session::Session;
use crate::api::Route;
use crate::cli::{
    GlobalArgs, MemberType, ShareApplyArgs, ShareArgs, ShareCommand, ShareExportArgs,
};
use crate::console::{Console, Progress};
use crate::error::{Error, ErrorKind, Failures, Reported};
use crate::files::{SMALL_FILE_LIMIT, Unread, read_small_text, read_text};
use crate::model::Member;
use crate::model::image::Image;
use crate::output;
use crate::share::export::export as export_file;
use crate::share::file::{SharesFile, parse};
use crate::share::plan::{ActionKind, ImageFacts, Plan, PlanOptions, Selection};
use crate::work::fan_out::collect_in_order;
use crate::work::ids::read_unique_ids;

/// Runs a `share` subcommand.
pub(crate) fn run(
    console: &Console,
    global: &GlobalArgs,
    command: ShareCommand,
) -> anyhow::Result<()> {
    match command {
        ShareCommand::Plan(args) => plan(console, global, &args, false),
        ShareCommand::Check(args) => plan(console, global, &args, true),
        ShareCommand::Apply(args) => apply(console, global, &args),
        ShareCommand::Export(args) => export(console, global, args),
    }
}

/// `ims share plan|check`: the plan on stdout, notes and summary on stderr; `check` is
/// exit 10 when the plan has any action.
fn plan(
    console: &Console,
    global: &GlobalArgs,
    args: &ShareArgs,
    check: bool,
) -> anyhow::Result<()> {
    let (file, session) = open(console, global, args)?;
    let options = options(&session, args);
    let progress = progress_of(console, &session);
    let plan = session.with_api(|api| {
        let project = session.this_project(api)?;
        observe(api, &project, &file, options, args.jobs, &progress)
    })??;
    show(console, &session, &plan)?;
    if check && !plan.actions.is_empty() {
        return Err(Error::new(
            ErrorKind::Drift,
            format!(
                "the cloud differs from {}: {} change(s) would make it match",
                file.name,
                plan.actions.len()
            ),
        )
        .into());
    }
    Ok(())
}

/// `ims share apply`: plans, checks every consumer's project, asks before removals,
/// sends the steps in order (or prints them with `--dry-run`), then plans again: exit 0
/// only when nothing is left to do.
fn apply(console: &Console, global: &GlobalArgs, args: &ShareApplyArgs) -> anyhow::Result<()> {
    let (file, session) = open(console, global, &args.share)?;
    let options = options(&session, &args.share);
    let jobs = args.share.jobs;
    // Every consumer's profile is checked before the plan is shown: a profile that cannot
    // say its project fails here, not after the rows.
    let consumers = consumer_sessions(console, global, &file)?;
    let progress = progress_of(console, &session);
    session.with_api(|api| -> anyhow::Result<()> {
        let project = session.this_project(api)?;
        let plan = observe(api, &project, &file, options, jobs, &progress)?;
        match args.dry_run {
            true => summarize(console, &plan),
            false => show(console, &session, &plan)?,
        }
        if plan.actions.is_empty() {
            return Ok(());
        }
        check_paths(&plan)?;
        check_consumer_projects(&file, &plan, &consumers)?;
        let removals = plan.count(ActionKind::Remove);
        if removals > 0 && !args.yes && !args.dry_run {
            let question = format!(
                "apply {} changes, {removals} of them removals?",
                plan.actions.len()
            );
            confirm(console, "share apply with removals", &question)?;
        }
        let v1 = matches!(api.route, Route::V1 { .. });
        let steps = steps(&file, &plan, v1);
        if args.dry_run {
            let mut lines = Vec::new();
            for step in &steps {
                lines.extend(with_step_api(api, &consumers, step, |api| {
                    step_lines(api, step)
                })?);
            }
            output::to_stdout(console, |out| {
                lines
                    .iter()
                    .try_for_each(|line| writeln!(out, "{line}"))
                    .map_err(output::write_error)
            })?;
            return Ok(());
        }
        let first_failure = send_steps(console, &session, api, &project, &consumers, &steps, jobs)?;
        let fresh = observe(api, &project, &file, options, jobs, &progress)?;
        if fresh.actions.is_empty() {
            console.diag(&format!(
                "applied: the cloud matches {} ({} in sync)",
                file.name, fresh.in_sync
            ));
            return Ok(());
        }
        for action in &fresh.actions {
            console.diag(&format!(
                "still out of sync: {} image {}{}",
                action.kind.as_str(),
                action.image_id,
                action
                    .member_id
                    .as_ref()
                    .map(|member| format!(", member {member}"))
                    .unwrap_or_default()
            ));
        }
        let first = first_failure.unwrap_or_else(|| {
            Error::new(
                ErrorKind::Http,
                format!("the cloud still differs from {}", file.name),
            )
        });
        Err(Reported(first).into())
    })?
}

/// `ims share export [IMAGE_ID...|-]`: today's sharing of the images (default: every
/// image this project shares) as a shares file on stdout.
fn export(console: &Console, global: &GlobalArgs, args: ShareExportArgs) -> anyhow::Result<()> {
    let ids = read_unique_ids("image ID", args.image_ids, &mut *console.stdin())?;
    let session = Session::open(console, global)?;
    let options = PlanOptions {
        prune: false,
        needs_shared: matches!(session.route(), Route::V2),
    };
    let text = session.with_api(|api| -> Result<String, Error> {
        let images: Vec<ImageFacts> = match ids.is_empty() {
            true => {
                let project = session.this_project(api)?;
                super::image::shared_by::<Image>(api, &project, None)?
                    .iter()
                    .map(ImageFacts::of)
                    .collect()
            }
            false => collect_in_order(&ids, args.jobs, |id| {
                api.show_image(id)
                    .map(|image| ImageFacts::of(&image))
                    .map_err(|err| err.prefixed(&format!("image {id}")))
            })
            .into_iter()
            .collect::<Result<_, _>>()?,
        };
        let selection = Selection {
            images: images
                .into_iter()
                .map(|image| crate::share::plan::Selected {
                    image,
                    members: Vec::new(),
                })
                .collect(),
            notes: Vec::new(),
        };
        let progress = progress_of(console, &session);
        let mut members = members_of(api, &selection, options, args.jobs, &progress)?;
        let sharing: Vec<(ImageFacts, Vec<Member>)> = selection
            .images
            .into_iter()
            .map(|selected| {
                let found = members.remove(&selected.image.id).unwrap_or_default();
                (selected.image, found)
            })
            .collect();
        Ok(export_file(&sharing))
    })??;
    output::to_stdout(console, |out| {
        out.write_all(text.as_bytes()).map_err(output::write_error)
    })?;
    Ok(())
}

/// Reads and checks the shares file (its consumers' profiles against the config file),
/// then opens the session and checks the file against its API. Nothing is sent.
fn open(
    console: &Console,
    global: &GlobalArgs,
    args: &ShareArgs,
) -> Result<(SharesFile, Session), Error> {
    let file = read_file(console, args)?;
    check_consumers(console, global, &file)?;
    let session = Session::open(console, global)?;
    if let Route::V2 = session.route() {
        check_v2(&file)?;
    }
    Ok((file, session))
}

/// What the v2 API does not take (exit 3 naming the line): a `member_type` other than
/// `project`, and a consumer's `vault_id` (Huawei's v1 accept only).
fn check_v2(file: &SharesFile) -> Result<(), Error> {
    if let Some(share) = file
        .shares
        .iter()
        .find(|share| share.member_type != MemberType::Project)
    {
        return Err(Error::config(format!(
            "{}: `member_type` is for Huawei's v1 API (--api v1); the v2 API shares with \
             projects only",
            file.at(share.member_type_line.unwrap_or(share.line))
        )));
    }
    match file
        .consumers
        .iter()
        .find(|(_, consumer)| consumer.vault_id.is_some())
    {
        Some((member, consumer)) => Err(Error::config(format!(
            "{}: [consumers] `{member}`: `vault_id` is for Huawei's v1 API (--api v1); the \
             v2 API accepts without a vault",
            file.at(consumer.line)
        ))),
        None => Ok(()),
    }
}

/// The progress line over a number of images, as the session traces (`-v`: none).
fn progress_of<'a>(console: &'a Console, session: &Session) -> impl Fn(usize) -> Progress + 'a {
    let traced = session.settings.verbose > 0;
    move |images| console.progress(images, "images", traced)
}

/// How the plan is made: prune from the flag (or the file), and whether members need a
/// `shared` image (v2).
fn options(session: &Session, args: &ShareArgs) -> PlanOptions {
    PlanOptions {
        prune: args.prune,
        needs_shared: matches!(session.route(), Route::V2),
    }
}

/// The shares file: `-f -` reads stdin, else the file (`shares.toml` by default); at
/// most 4 MiB of UTF-8 text either way.
fn read_file(console: &Console, args: &ShareArgs) -> Result<SharesFile, Error> {
    if args.file.as_os_str() == "-" {
        let mib = SMALL_FILE_LIMIT / 1024 / 1024;
        let stdin = &mut *console.stdin();
        let text = read_text(stdin, SMALL_FILE_LIMIT).map_err(|unread| match unread {
            Unread::Failed(err) => {
                Error::config(format!("cannot read the shares file on stdin: {err}"))
            }
            Unread::TooLarge => {
                Error::config(format!("the shares file on stdin is larger than {mib} MiB"))
            }
            Unread::NotText => Error::config("the shares file on stdin is not UTF-8 text"),
        })?;
        return parse("<stdin>", &text);
    }
    let name = args.file.display().to_string();
    let text = read_small_text(&args.file, &format!("shares file {name}"))?.ok_or_else(|| {
        Error::config(format!(
            "shares file {name} does not exist (-f names another; `ims share export > {name}` \
             writes today's sharing as one)"
        ))
    })?;
    parse(&name, &text)
}

/// Prints the plan on stdout, then its notes and summary on stderr.
fn show(console: &Console, session: &Session, plan: &Plan) -> anyhow::Result<()> {
    let format = session.settings.output.value;
    let mut unprintable = Vec::new();
    output::to_stdout(console, |out| {
        unprintable = output::write_plan(out, format, plan)?;
        Ok(())
    })?;
    summarize(console, plan);
    Failures::into_result(unprintable.into_iter().map(Into::into).collect())
}

/// The plan's notes and summary, on stderr.
fn summarize(console: &Console, plan: &Plan) {
    for note in &plan.notes {
        console.diag(&format!("note: {note}"));
    }
    console.diag(&plan.summary());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v2_refuses_what_only_v1_takes_naming_the_line() {
        let ok = "[[share]]\nimages = [\"i1\"]\nmembers = [\"p1\"]\n[consumers]\np1 = \"t1\"\n";
        assert!(check_v2(&parse("shares.toml", ok).unwrap()).is_ok());
        let vault = "[[share]]\nimages = [\"i1\"]\nmembers = [\"p1\"]\n[consumers]\n\
                     p1 = { profile = \"t1\", vault_id = \"v1\" }\n";
        let err = check_v2(&parse("shares.toml", vault).unwrap()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert_eq!(
            err.to_string(),
            "shares.toml:5: [consumers] `p1`: `vault_id` is for Huawei's v1 API (--api v1); \
             the v2 API accepts without a vault"
        );
    }
}
