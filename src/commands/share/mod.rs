//! `ims share plan|check|apply|export`: desired sharing from a shares file. The file is
//! read and checked before any request; the cloud is read (this project's images, each
//! selected image's members, `--jobs` at a time); the pure planner says what differs; apply
//! sends it in order (visibility, add, accept with each member's own profile, remove) and
//! reads the cloud again. Here: the subcommands' flow; `observe` reads the cloud, `steps`
//! groups and sends the plan's actions, `consumers` opens and checks the consumers' sessions,
//! `saved` writes a saved plan and checks one against the cloud before it is sent.

#[cfg(test)]
mod command_tests;
mod consumers;
mod observe;
mod saved;
mod steps;

use consumers::{check_consumer_projects, check_consumers, check_vaults, consumer_sessions};
use observe::{Work, members_of, observe};
use steps::{Sender, check_paths, check_sendable, send_steps, step_lines, steps, with_step_api};

use super::confirm::confirm;
use super::session::Session;
use crate::api::{ImageApi, Route, SharingRules};
use crate::cli::{
    GlobalArgs, MemberType, ShareApplyArgs, ShareArgs, ShareCommand, ShareExportArgs,
};
use crate::console::Console;
use crate::error::{Error, ErrorKind, Failures, Reported};
use crate::files::{SMALL_FILE_LIMIT, Unread, read_small_text, read_text};
use crate::model::Member;
use crate::model::image::Image;
use crate::output;
use crate::share::export::{check_exportable, export as export_file};
use crate::share::file::{SharesFile, parse};
use crate::share::lifetime::Clock;
use crate::share::plan::{Action, ActionKind, ImageFacts, Plan, PlanOptions, Selection, reveal};
use crate::share::saved::Observed;
use crate::work::fan_out::collect_in_order;
use crate::work::ids::read_unique_ids;

/// Runs a `share` subcommand.
pub(crate) fn run(
    console: &Console,
    global: &GlobalArgs,
    command: ShareCommand,
) -> anyhow::Result<()> {
    match command {
        ShareCommand::Plan(args) => match &args.out {
            Some(out) => plan_to(console, global, &args.share, out),
            None => plan(console, global, &args.share, false),
        },
        ShareCommand::Check(args) => plan(console, global, &args, true),
        ShareCommand::Apply(args) => match &args.plan {
            Some(path) => apply_saved(console, global, &args, path),
            None => apply(console, global, &args),
        },
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
    let work = work(console, &session, args.jobs);
    let plan = session.with_api(|api| {
        let project = session.this_project(api)?;
        observe(
            api,
            &project,
            &file,
            options(api, args),
            clock(args),
            &work,
            None,
        )
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
    // Every consumer's profile is checked before the plan is shown: a profile that cannot
    // say its project fails here, not after the rows.
    let consumers = consumer_sessions(console, global, &file)?;
    let work = work(console, &session, args.share.jobs);
    session.with_api(|api| -> anyhow::Result<()> {
        let project = session.this_project(api)?;
        let options = options(api, &args.share);
        let now = || {
            observe(
                api,
                &project,
                &file,
                options,
                clock(&args.share),
                &work,
                None,
            )
        };
        let mut plan = now()?;
        let sender = Sender::new(console, &consumers, &session, api, &project);
        let Some(first_failure) = send_plan(&sender, &file, &mut plan, args, Some(options))? else {
            return Ok(());
        };
        let fresh = now()?;
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

/// `ims share plan --out PLAN`: the plan as `share plan` shows it, and also written to
/// `out` with every concerned image as read.
fn plan_to(
    console: &Console,
    global: &GlobalArgs,
    args: &ShareArgs,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    let (file, session) = open(console, global, args)?;
    let work = work(console, &session, args.jobs);
    let plan = session.with_api(|api| -> Result<Plan, Error> {
        let project = session.this_project(api)?;
        let options = options(api, args);
        let mut seen = Vec::new();
        let mut keep = |image: &ImageFacts, members: &[Member]| {
            seen.push(Observed::of(
                &image.id,
                image.visibility.as_deref(),
                members,
            ));
        };
        let plan = observe(
            api,
            &project,
            &file,
            options,
            clock(args),
            &work,
            Some(&mut keep),
        )?;
        saved::save(out, api, &project, &file, &plan, seen)?;
        Ok(plan)
    })??;
    show(console, &session, &plan)?;
    console.diag(&format!("plan saved to {}", out.display()));
    Ok(())
}

/// `ims share apply --plan PLAN`: when none of the images the plan concerns moved since
/// it was made, sends exactly its actions as `share apply` does and reads them back;
/// otherwise sends nothing (exit 11).
fn apply_saved(
    console: &Console,
    global: &GlobalArgs,
    args: &ShareApplyArgs,
    path: &std::path::Path,
) -> anyhow::Result<()> {
    let (saved, mut plan, file) = saved::load(path)?;
    let session = Session::open(console, global)?;
    let consumers = consumer_sessions(console, global, &file)?;
    let jobs = args.share.jobs;
    session.with_api(|api| -> anyhow::Result<()> {
        let project = session.this_project(api)?;
        let options = options(api, &args.share);
        saved::check_unmoved(console, api, &project, &saved, &file.name, options, jobs)?;
        let sender = Sender::new(console, &consumers, &session, api, &project);
        // Exactly the plan's actions: an image made shared is not planned again.
        let Some(first_failure) = send_plan(&sender, &file, &mut plan, args, None)? else {
            return Ok(());
        };
        let what = (&saved, &plan, file.name.as_str());
        saved::read_back(console, api, what, options, jobs, first_failure)
    })?
}

/// Shows `plan` (its notes and summary only with `--dry-run`) and sends its actions as
/// `share apply` does: the paths checked before anything is printed, every consumer's
/// project checked, removals asked about (or `--yes`), the steps in order (with
/// `--dry-run`, printed instead). With `replan`, visibility changes go first and the images
/// made shared are planned again with the members they then show ([`make_shared_first`]).
/// `None` when nothing was sent (no action, or a dry run); else the first failure, if any.
fn send_plan(
    sender: &Sender,
    file: &SharesFile,
    plan: &mut Plan,
    args: &ShareApplyArgs,
    replan: Option<PlanOptions>,
) -> anyhow::Result<Option<Option<Error>>> {
    let (console, api) = (sender.console, sender.api);
    // What would be sent is checked before anything is printed: every format then
    // prints the plan whole, and no format decides whether apply acts.
    check_paths(plan)?;
    match args.dry_run {
        true => summarize(console, plan),
        false => show(console, sender.session, plan)?,
    }
    if plan.actions.is_empty() {
        return Ok(None);
    }
    let consumers = sender.consumers;
    check_consumer_projects(file, plan, consumers)?;
    let removals = plan.count(ActionKind::Remove);
    // With prune, an image made shared may show members it hid while private, and
    // they are removed in the same run: the question covers them.
    let hidden = match replan {
        Some(options) if options.prune || file.prune => plan.count(ActionKind::Visibility),
        _ => 0,
    };
    if (removals > 0 || hidden > 0) && !args.yes && !args.dry_run {
        let mut question = format!(
            "apply {} changes, {removals} of them removals",
            plan.actions.len()
        );
        if hidden > 0 {
            question.push_str(&format!(
                ", and remove the members the file does not name that the {hidden} \
                 private image(s) show once shared"
            ));
        }
        confirm(
            console,
            "share apply with removals",
            &format!("{question}?"),
        )?;
    }
    let v1 = matches!(api.route, Route::V1 { .. });
    if args.dry_run {
        let mut lines = Vec::new();
        for step in &steps(file, plan, v1) {
            lines.extend(with_step_api(api, consumers, step, |api| {
                step_lines(api, step)
            })?);
        }
        output::to_stdout(console, |out| {
            lines
                .iter()
                .try_for_each(|line| writeln!(out, "{line}"))
                .map_err(output::write_error)
        })?;
        return Ok(None);
    }
    let jobs = args.share.jobs;
    let shared_first = match replan {
        Some(options) => make_shared_first(sender, file, plan, options, jobs)?,
        None => None,
    };
    let steps = steps(file, plan, v1);
    let sent = send_steps(sender, &steps, jobs)?;
    Ok(Some(sent.or(shared_first)))
}

/// Sends the plan's visibility changes first, then reads the members of each image made
/// shared and plans it again ([`reveal`]): Glance shows the members an image had before it
/// was made private once it is shared again, and they are planned (removed with prune,
/// named in a note without) before anything else is sent. The visibility actions leave the
/// plan; the first failure, if any (each is on stderr).
fn make_shared_first(
    sender: &Sender,
    file: &SharesFile,
    plan: &mut Plan,
    options: PlanOptions,
    jobs: u16,
) -> Result<Option<Error>, Error> {
    let shared: Vec<Action> = plan
        .actions
        .iter()
        .filter(|a| a.kind == ActionKind::Visibility)
        .cloned()
        .collect();
    if shared.is_empty() {
        return Ok(None);
    }
    let (console, api) = (sender.console, sender.api);
    let first = Plan {
        actions: shared.clone(),
        ..Plan::default()
    };
    let steps = steps(file, &first, false);
    let mut failure = send_steps(sender, &steps, jobs)?;
    let ids: Vec<&str> = shared.iter().map(|a| a.image_id.as_str()).collect();
    let read = collect_in_order(&ids, jobs, |id| api.all_members(id));
    let before = plan.notes.len();
    for (id, members) in ids.into_iter().zip(read) {
        match members {
            Ok(members) => reveal(file, plan, id, &members, options),
            Err(err) => {
                let context = format!("the members of image {id}, made shared");
                console.report(&anyhow::Error::new(err.clone()).context(context));
                failure.get_or_insert(err);
            }
        }
    }
    plan.actions.retain(|a| a.kind != ActionKind::Visibility);
    for note in &plan.notes[before..] {
        console.diag(&format!("note: {note}"));
    }
    // The members shown now are the service's too, and were not checked with the plan.
    check_sendable(plan, "only the visibility changes before it were sent")?;
    Ok(failure)
}

/// `ims share export [IMAGE_ID...|-]`: today's sharing of the images (default: every
/// image this project shares; `-` with an empty stdin: none, an empty file) as a shares
/// file on stdout.
fn export(console: &Console, global: &GlobalArgs, args: ShareExportArgs) -> anyhow::Result<()> {
    let given = !args.image_ids.is_empty();
    let ids = read_unique_ids("image ID", args.image_ids, &mut *console.stdin())?;
    if given && ids.is_empty() {
        // `-` with an empty stdin: a pipeline that selected nothing gets an empty file,
        // never one of every image this project shares.
        return Ok(());
    }
    let session = Session::open(console, global)?;
    let text = session.with_api(|api| -> Result<String, Error> {
        let options = PlanOptions {
            prune: false,
            needs_shared: api.sharing_rules() == SharingRules::Glance,
        };
        let project = session.this_project(api)?;
        let images: Vec<ImageFacts> = match ids.is_empty() {
            true => super::image::shared_by::<Image>(api, &project, None)?
                .iter()
                .map(ImageFacts::of)
                .collect(),
            false => collect_in_order(&ids, args.jobs, |id| {
                api.show_image(id)
                    .map(|image| ImageFacts::of(&image))
                    .map_err(|err| err.prefixed(&format!("image {id}")))
            })
            .into_iter()
            .collect::<Result<_, _>>()?,
        };
        images
            .iter()
            .try_for_each(|image| only_own(image, &project))?;
        let selection = Selection {
            images: images
                .into_iter()
                .map(|image| crate::share::plan::Selected {
                    image,
                    members: Vec::new(),
                })
                .collect(),
            notes: Vec::new(),
            warnings: Vec::new(),
        };
        let work = work(console, &session, args.jobs);
        let mut members = members_of(api, &selection, options, &work)?;
        let sharing: Vec<(ImageFacts, Vec<Member>)> = selection
            .images
            .into_iter()
            .map(|selected| {
                let found = members.remove(&selected.image.id).unwrap_or_default();
                (selected.image, found)
            })
            .collect();
        check_exportable(&sharing)?;
        Ok(export_file(&sharing))
    })??;
    output::to_stdout(console, |out| {
        out.write_all(text.as_bytes()).map_err(output::write_error)
    })?;
    Ok(())
}

/// An image another project owns is not exported (exit 4): `share` refuses it, so the
/// export would not check clean.
fn only_own(image: &ImageFacts, project: &str) -> Result<(), Error> {
    match image.owner.as_deref().filter(|owner| *owner != project) {
        Some(owner) => Err(Error::new(
            ErrorKind::Refused,
            format!(
                "image {} is owned by {owner}: only its owner can share it; nothing was \
                 exported",
                image.id
            ),
        )),
        None => Ok(()),
    }
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
    check_vaults(console, global, &file)?;
    let session = Session::open(console, global)?;
    if let Route::V2 = session.route() {
        check_v2(&file)?;
    }
    Ok((file, session))
}

/// What the v2 API does not take (exit 3 naming the line): a `member_type` other than
/// `project`. (A consumer's `vault_id` follows the consumer's own API: see
/// [`check_vaults`].)
fn check_v2(file: &SharesFile) -> Result<(), Error> {
    match file
        .shares
        .iter()
        .find(|share| share.member_type != MemberType::Project)
    {
        Some(share) => Err(Error::config(format!(
            "{}: `member_type` is for Huawei's v1 API (--api v1); the v2 API shares with \
             projects only",
            file.at(share.member_type_line.unwrap_or(share.line))
        ))),
        None => Ok(()),
    }
}

/// How a command reads images: `jobs` at a time, on a progress line over their number
/// (none when the session traces, `-v`).
fn work<'a>(console: &'a Console, session: &Session, jobs: u16) -> Work<'a> {
    let traced = session.settings.verbose > 0;
    Work {
        jobs,
        progress: Box::new(move |images| console.progress(images, "images", traced)),
    }
}

/// How the plan is made: prune from the flag (or the file), and whether members need a
/// `shared` image (the service's sharing rules are Glance's).
fn options(api: &ImageApi, args: &ShareArgs) -> PlanOptions {
    PlanOptions {
        prune: args.prune,
        needs_shared: api.sharing_rules() == SharingRules::Glance,
    }
}

/// The planner's clock: the system's now, and `--warn-days`.
fn clock(args: &ShareArgs) -> Clock {
    Clock {
        now: jiff::Timestamp::now(),
        warn_days: args.warn_days,
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

/// The plan's warnings, notes and summary, on stderr.
fn summarize(console: &Console, plan: &Plan) {
    for warning in &plan.warnings {
        console.warn(warning);
    }
    for note in &plan.notes {
        console.diag(&format!("note: {note}"));
    }
    console.diag(&plan.summary());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commands::testing::{TERMINAL, ims};
    use httpmock::prelude::*;

    /// With prune, making a private image shared may show members it hid, which are then
    /// removed: the question before anything is sent says so, and a no sends nothing.
    #[test]
    fn a_prune_that_makes_an_image_shared_asks_first() {
        let server = MockServer::start();
        server.mock(|when, then| {
            when.method(GET).path("/v2/images/i2");
            then.status(200).json_body(serde_json::json!({
                "id": "i2", "name": "two", "owner": "p-own", "visibility": "private"}));
        });
        let changes = server.mock(|when, then| {
            when.method_not(GET);
            then.status(500);
        });
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("shares.toml");
        std::fs::write(&file, "[[share]]\nimages = [\"i2\"]\nmembers = [\"p-a\"]\n").unwrap();
        let env = [
            ("IMS_ENDPOINT", server.base_url()),
            ("IMS_TOKEN", "tok".to_string()),
            ("IMS_PROJECT_ID", "p-own".to_string()),
        ];
        let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let path = file.display().to_string();
        let args = ["share", "apply", "--prune", "-o", "ids", "-f", &path];
        let ran = ims(&args, "n\n", TERMINAL, &env);
        assert_eq!(ran.code, 2, "{}", ran.stderr);
        assert_eq!(ran.stdout, "i2\n");
        assert_eq!(
            ran.stderr,
            "ims: plan: 1 to add, 0 to accept, 0 to remove, 1 visibility; 0 in sync\n\
             apply 2 changes, 0 of them removals, and remove the members the file does not \
             name that the 1 private image(s) show once shared? [y/N] \
             ims: error: not confirmed; nothing was sent\n"
        );
        changes.assert_calls(0);
    }

    #[test]
    fn check_under_huawei_rules_reads_a_private_images_members_and_wants_no_visibility() {
        use super::super::testing::{SCRIPT, ims};
        use httpmock::prelude::*;
        use serde_json::json;
        let server = MockServer::start();
        let image = server.mock(|when, then| {
            when.method(GET).path("/v2/images/i1");
            then.status(200)
                .json_body(json!({"id": "i1", "owner": "p1", "visibility": "private"}));
        });
        let members = server.mock(|when, then| {
            when.method(GET).path("/v2/images/i1/members");
            then.status(200).json_body(
                json!({"members": [{"member_id": "p-a", "image_id": "i1", "status": "accepted"}]}),
            );
        });
        let url = server.base_url();
        let env = [
            ("IMS_ENDPOINT", url.as_str()),
            ("IMS_TOKEN", "tok"),
            ("IMS_PROJECT_ID", "p1"),
        ];
        let file = "[[share]]\nimages = [\"i1\"]\nmembers = [\"p-a\"]\n";
        let check = |rules: &str| {
            let args = ["--sharing-rules", rules, "share", "check", "-f", "-"];
            let ran = ims(&args, file, SCRIPT, &env);
            (ran.code, ran.stdout, ran.stderr)
        };
        assert_eq!(
            check("huawei"),
            (
                0,
                String::new(),
                "ims: plan: 0 to add, 0 to accept, 0 to remove, 0 visibility; 1 in sync\n".into()
            )
        );
        members.assert_calls(1);
        // Under Glance's rules the same cloud is drift: a private image's members count
        // as none.
        let (code, _, stderr) = check("glance");
        assert_eq!(code, 10);
        assert!(
            stderr.contains("plan: 1 to add, 0 to accept, 0 to remove, 1 visibility; 0 in sync"),
            "{stderr}"
        );
        members.assert_calls(1);
        image.assert_calls(2);
    }

    #[test]
    fn v2_refuses_what_only_v1_takes_naming_the_line() {
        let ok = "[[share]]\nimages = [\"i1\"]\nmembers = [\"p1\"]\n[consumers]\n\
                  p1 = { profile = \"t1\", vault_id = \"v1\" }\n";
        assert!(check_v2(&parse("shares.toml", ok).unwrap()).is_ok());
        let typed = "[[share]]\nimages = [\"i1\"]\nmembers = [\"d1\"]\nmember_type = \"domain\"\n";
        let err = check_v2(&parse("shares.toml", typed).unwrap()).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert_eq!(
            err.to_string(),
            "shares.toml:4: `member_type` is for Huawei's v1 API (--api v1); the v2 API \
             shares with projects only"
        );
    }
}
