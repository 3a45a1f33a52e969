//! `ims share plan|check|apply|export`: desired sharing from a shares file. The file is
//! read and checked before any request; the cloud is read (this project's images, each
//! selected image's members, `--jobs` at a time); the pure planner says what differs; apply
//! sends it in order (visibility, add, accept with each member's own profile, remove) and
//! reads the cloud again.

use std::collections::{BTreeMap, BTreeSet};

use super::confirm::confirm;
use super::session::Session;
use crate::api::{BatchMembers, ImageApi, ImageFilter, Route};
use crate::cli::{
    GlobalArgs, MemberType, Setting, ShareApplyArgs, ShareArgs, ShareCommand, ShareExportArgs,
};
use crate::console::Console;
use crate::error::{Error, ErrorKind, Failures, Reported};
use crate::files::{SMALL_FILE_LIMIT, Unread, read_small_text, read_text};
use crate::model::Member;
use crate::model::image::Image;
use crate::output;
use crate::settings::Config;
use crate::share::export::export as export_file;
use crate::share::file::{SharesFile, parse};
use crate::share::plan::{
    ActionKind, Catalog, ImageFacts, Plan, PlanOptions, Planner, Selection, reads_members, select,
};
use crate::url::id_problem;
use crate::work::change::{Action as Change, Changes, Outcome, Pair, RunOptions, settle};
use crate::work::fan_out::{collect_in_order, in_order};
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
    let plan = session.with_api(|api| {
        let project = session.this_project(api)?;
        observe(api, &project, &file, options, args.jobs)
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

/// Reads and checks the shares file (its consumers' profiles against the config file),
/// then opens the session; v2 takes no `member_type` but `project`. Nothing is sent.
fn open(
    console: &Console,
    global: &GlobalArgs,
    args: &ShareArgs,
) -> Result<(SharesFile, Session), Error> {
    let file = read_file(console, args)?;
    check_consumers(console, global, &file)?;
    let session = Session::open(console, global)?;
    if let Route::V2 = session.route()
        && let Some(share) = file
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
    Ok((file, session))
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

/// Every `[consumers]` profile must be in the config file (exit 3 naming the line).
fn check_consumers(console: &Console, global: &GlobalArgs, file: &SharesFile) -> Result<(), Error> {
    if file.consumers.is_empty() {
        return Ok(());
    }
    let config = Config::load(global, console.env())?;
    let known = config.profile_names();
    for (member, consumer) in &file.consumers {
        if !known.contains(&consumer.profile.as_str()) {
            let place = match &config.path {
                Some(path) => format!("config file {}", path.value.display()),
                None => "the config file (none was found)".to_string(),
            };
            return Err(Error::config(format!(
                "{}: [consumers] `{member}`: profile `{}` is not in {place}",
                file.at(consumer.line),
                consumer.profile
            )));
        }
    }
    Ok(())
}

/// Reads what the plan compares (the images the file selects, then their members,
/// `jobs` at a time) and plans.
fn observe(
    api: &ImageApi,
    project: &str,
    file: &SharesFile,
    options: PlanOptions,
    jobs: u16,
) -> Result<Plan, Error> {
    let mut catalog = Catalog {
        project: project.to_string(),
        ..Catalog::default()
    };
    if file.shares.iter().any(|share| !share.names.is_empty()) {
        catalog.owned = owned(api, project, None)?;
    }
    let tags: BTreeSet<&String> = file.shares.iter().flat_map(|share| &share.tags).collect();
    for tag in tags {
        catalog
            .tagged
            .insert(tag.clone(), owned(api, project, Some(tag))?);
    }
    // Images given by ID that a list already read need no request of their own.
    for image in catalog
        .owned
        .iter()
        .chain(catalog.tagged.values().flatten())
    {
        catalog.by_id.insert(image.id.clone(), image.clone());
    }
    let unread: Vec<&String> = file
        .shares
        .iter()
        .flat_map(|share| &share.images)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .filter(|id| !catalog.by_id.contains_key(*id))
        .collect();
    let read = collect_in_order(&unread, jobs, |id| api.show_image(id));
    for (id, result) in unread.into_iter().zip(read) {
        match result {
            Ok(image) => {
                catalog.by_id.insert(id.clone(), ImageFacts::of(&image));
            }
            // The planner names it, with its line in the file.
            Err(err) if err.kind() == ErrorKind::NotFound => {}
            Err(err) => return Err(err.prefixed(&format!("image {id}"))),
        }
    }
    let selection = select(file, &catalog)?;
    // Each image is planned as soon as its members are read, in order, and its members
    // dropped: 1,000 images' members are never held at once.
    let mut planner = Planner::new(file, &selection, options);
    in_order(
        &selection.images,
        jobs,
        |selected| match reads_members(&selected.image, options) {
            true => api.all_members(&selected.image.id).map_err(|err| {
                err.prefixed(&format!("the members of image {}", selected.image.id))
            }),
            false => Ok(Vec::new()),
        },
        |selected, members| {
            planner.image(selected, &members?);
            Ok(())
        },
    )?;
    Ok(planner.finish())
}

/// The members of each selected image whose members are read ([`reads_members`]), for
/// an export.
fn members_of(
    api: &ImageApi,
    selection: &Selection,
    options: PlanOptions,
    jobs: u16,
) -> Result<BTreeMap<String, Vec<Member>>, Error> {
    let wanted: Vec<&str> = selection
        .images
        .iter()
        .filter(|selected| reads_members(&selected.image, options))
        .map(|selected| selected.image.id.as_str())
        .collect();
    let listed = collect_in_order(&wanted, jobs, |id| api.all_members(id));
    let mut members = BTreeMap::new();
    for (id, result) in wanted.into_iter().zip(listed) {
        let found = result.map_err(|err| err.prefixed(&format!("the members of image {id}")))?;
        members.insert(id.to_string(), found);
    }
    Ok(members)
}

/// This project's own images (with `tag`: those carrying it), every page, as facts.
fn owned(api: &ImageApi, project: &str, tag: Option<&str>) -> Result<Vec<ImageFacts>, Error> {
    let mut images = Vec::new();
    api.list_images(ImageFilter::Owned { project, tag }, None, &mut |image| {
        images.push(image);
        Ok(())
    })
    .map_err(|err| {
        err.prefixed(&match tag {
            Some(tag) => format!("this project's images tagged {tag}"),
            None => "this project's images".to_string(),
        })
    })?;
    Ok(images)
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

/// One group of changes sent together: on v2 one request per pair, on v1 one batch job.
#[derive(Debug)]
struct Step {
    /// What the changes do.
    kind: ActionKind,
    /// The profile that sends them: a consumer's, or none for this project's own.
    consumer: Option<String>,
    /// The pairs and how they are sent; for an accept, the member is the consumer's
    /// project. A visibility step uses only the pairs' images.
    changes: Changes,
}

/// The plan's actions grouped into steps, in the plan's order. v2: one step per kind (and
/// consumer). v1: one batch per member (and member type) for add and remove, one per
/// consumer (with its vault) for accept.
fn steps(file: &SharesFile, plan: &Plan, v1: bool) -> Vec<Step> {
    let mut steps: Vec<Step> = Vec::new();
    for action in &plan.actions {
        let member_kind = match action.member_type {
            MemberType::Project => BatchMembers::Projects,
            MemberType::Domain => BatchMembers::Domains,
            MemberType::Organization => BatchMembers::Organizations,
        };
        let per_member = v1 && matches!(action.kind, ActionKind::Add | ActionKind::Remove);
        let pair = Pair {
            image: action.image_id.clone(),
            member: action.member_id.clone().unwrap_or_default(),
        };
        let same = |step: &&mut Step| {
            step.kind == action.kind
                && step.consumer == action.consumer
                && step.changes.member_kind == member_kind
                && (!per_member || step.changes.pairs[0].member == pair.member)
        };
        match steps.iter_mut().find(same) {
            Some(step) => step.changes.pairs.push(pair),
            None => steps.push(Step {
                kind: action.kind,
                consumer: action.consumer.clone(),
                changes: Changes {
                    action: change_of(action.kind),
                    pairs: vec![pair],
                    member_kind,
                    vault: match action.kind {
                        ActionKind::Accept if v1 => action
                            .member_id
                            .as_ref()
                            .and_then(|member| file.consumers.get(member))
                            .and_then(|consumer| consumer.vault_id.clone()),
                        _ => None,
                    },
                },
            }),
        }
    }
    steps
}

/// The share change of a kind of action (a visibility change is none: its step sends
/// its own request).
fn change_of(kind: ActionKind) -> Change {
    match kind {
        ActionKind::Add | ActionKind::Visibility => Change::Add,
        ActionKind::Accept => Change::Accept,
        ActionKind::Remove => Change::Remove,
    }
}

/// The requests of `step`, as a dry run prints them.
fn step_lines(api: &ImageApi, step: &Step) -> Vec<String> {
    match step.kind {
        ActionKind::Visibility => step
            .changes
            .pairs
            .iter()
            .map(|pair| api.make_shared(&pair.image).line())
            .collect(),
        _ => step
            .changes
            .requests(api)
            .iter()
            .map(|request| request.line())
            .collect(),
    }
}

/// Sends `step` with `api`: each pair's outcome, in order; a v1 batch that fails is one
/// failure.
fn send_step(
    console: &Console,
    api: &ImageApi,
    step: &Step,
    options: RunOptions,
) -> Result<Vec<Result<Outcome, Error>>, Error> {
    match step.kind {
        ActionKind::Visibility => Ok(collect_in_order(
            &step.changes.pairs,
            options.jobs,
            |pair| {
                api.send(&api.make_shared(&pair.image)).map(|_| Outcome {
                    record: None,
                    note: None,
                })
            },
        )),
        _ => step.changes.run(console, api, options),
    }
}

/// Sends every step, in order: the steps of one kind and sender together (v1: one batch
/// job per member, polled concurrently). Each pair's note or failure goes to stderr; the
/// first failure, if any.
fn send_steps(
    console: &Console,
    session: &Session,
    api: &ImageApi,
    project: &str,
    consumers: &BTreeMap<String, Session>,
    steps: &[Step],
    jobs: u16,
) -> Result<Option<Error>, Error> {
    let mut first_failure = None;
    let fail = |first_failure: &mut Option<Error>, err: Error, context: String| {
        console.report(&anyhow::Error::new(err.clone()).context(context));
        first_failure.get_or_insert(err);
    };
    for phase in steps.chunk_by(|a, b| a.kind == b.kind && a.consumer == b.consumer) {
        // A consumer signs in as the member it accepts for (checked before).
        let sender = match phase[0].consumer {
            Some(_) => phase[0].changes.pairs[0].member.as_str(),
            None => project,
        };
        let options = RunOptions {
            jobs,
            verbose: session.settings.verbose > 0,
            this_project: Some(sender),
        };
        let results = with_step_api(api, consumers, &phase[0], |api| {
            collect_in_order(phase, options.jobs, |step| {
                send_step(console, api, step, options)
            })
        })?;
        for (step, results) in phase.iter().zip(results) {
            let kind = step.kind.as_str();
            let results = match results {
                Ok(results) => results,
                Err(err) => {
                    let n = step.changes.pairs.len();
                    let context = format!("{kind}: the batch job of {n} image(s)");
                    fail(&mut first_failure, err, context);
                    continue;
                }
            };
            if step.kind != ActionKind::Visibility {
                if let Err(Reported(first)) =
                    settle(console, &step.changes.pairs, results).into_result()
                {
                    first_failure.get_or_insert(first);
                }
                continue;
            }
            for (pair, result) in step.changes.pairs.iter().zip(results) {
                if let Err(err) = result {
                    fail(
                        &mut first_failure,
                        err,
                        format!("{kind} image {}", pair.image),
                    );
                }
            }
        }
    }
    Ok(first_failure)
}

/// The consumers' sessions, by profile, resolved as `--profile NAME` resolves one, but
/// with none of the identity this command was given (`--endpoint`, `--token`, `--api`,
/// `--project-id`, `--os-cloud` and their variables): a consumer signs in with its own
/// profile only. Nothing is sent.
fn consumer_sessions(
    console: &Console,
    global: &GlobalArgs,
    plan: &Plan,
) -> Result<BTreeMap<String, Session>, Error> {
    // The command's environment without the variables of the identity settings and the
    // `OS_*` sign-in variables (where clouds.yaml is, `OS_CLIENT_CONFIG_FILE`, stays).
    let env = |name: &str| match is_identity_variable(name) {
        true => Ok(None),
        false => console.env()(name),
    };
    let mut sessions = BTreeMap::new();
    for profile in plan.actions.iter().filter_map(|a| a.consumer.as_ref()) {
        if sessions.contains_key(profile) {
            continue;
        }
        let args = GlobalArgs {
            profile: Some(profile.clone()),
            config: global.config.clone(),
            timeout: global.timeout,
            retries: global.retries,
            deadline: global.deadline,
            ca_file: global.ca_file.clone(),
            insecure: global.insecure,
            no_cache: global.no_cache,
            verbose: global.verbose,
            ..GlobalArgs::default()
        };
        let session = Session::open_in(console, &args, &env)
            .map_err(|err| err.prefixed(&format!("consumer profile {profile}")))?;
        sessions.insert(profile.clone(), session);
    }
    Ok(sessions)
}

/// The settings that say who signs in where: a consumer's come from its profile only.
const IDENTITY: [&Setting; 9] = [
    &Setting::PROFILE,
    &Setting::ENDPOINT,
    &Setting::TOKEN,
    &Setting::ACCESS_KEY,
    &Setting::SECRET_KEY,
    &Setting::SECURITY_TOKEN,
    &Setting::API,
    &Setting::PROJECT_ID,
    &Setting::OS_CLOUD,
];

/// Whether the environment variable `name` says who signs in where: one of the
/// [`IDENTITY`] settings' or an `OS_*` sign-in variable (not `OS_CLIENT_CONFIG_FILE`,
/// which only says where clouds.yaml is).
fn is_identity_variable(name: &str) -> bool {
    (name.starts_with("OS_") && name != "OS_CLIENT_CONFIG_FILE")
        || IDENTITY.iter().any(|setting| setting.env.contains(&name))
}

/// Runs `work` with the API that sends `step`: this project's, or its consumer's.
fn with_step_api<R>(
    api: &ImageApi,
    consumers: &BTreeMap<String, Session>,
    step: &Step,
    work: impl FnOnce(&ImageApi) -> R,
) -> Result<R, Error> {
    match &step.consumer {
        None => Ok(work(api)),
        Some(profile) => consumers
            .get(profile)
            .ok_or_else(|| no_session(profile))?
            .with_api(work),
    }
}

/// A consumer's step without the consumer's session: never sent with this project's.
fn no_session(profile: &str) -> Error {
    Error::new(
        ErrorKind::Unexpected,
        format!("consumer profile {profile}: no session was opened for it"),
    )
}

/// `ims share apply`: plans, checks every consumer's project, asks before removals,
/// sends the steps in order (or prints them with `--dry-run`), then plans again: exit 0
/// only when nothing is left to do.
fn apply(console: &Console, global: &GlobalArgs, args: &ShareApplyArgs) -> anyhow::Result<()> {
    let (file, session) = open(console, global, &args.share)?;
    let options = options(&session, &args.share);
    let jobs = args.share.jobs;
    session.with_api(|api| -> anyhow::Result<()> {
        let project = session.this_project(api)?;
        let plan = observe(api, &project, &file, options, jobs)?;
        match args.dry_run {
            true => summarize(console, &plan),
            false => show(console, &session, &plan)?,
        }
        if plan.actions.is_empty() {
            return Ok(());
        }
        check_paths(&plan)?;
        let consumers = consumer_sessions(console, global, &plan)?;
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
        let fresh = observe(api, &project, &file, options, jobs)?;
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

/// Every image and member an action names must be one path segment (exit 2, nothing
/// sent): IDs read from the service are not checked as the file's are, and a member `..`
/// would make `DELETE …/images/{id}/members/..`, which resolves to the image itself. An
/// organization's URN travels only in a v1 body.
fn check_paths(plan: &Plan) -> Result<(), Error> {
    for action in &plan.actions {
        let member = action
            .member_id
            .as_deref()
            .filter(|_| action.member_type != MemberType::Organization);
        let (what, id) = match member {
            Some(member) if id_problem(member).is_some() => ("member", member),
            _ => ("image", action.image_id.as_str()),
        };
        if let Some(why) = id_problem(id) {
            let of = match what {
                "member" => format!(" of image {}", action.image_id),
                _ => String::new(),
            };
            return Err(Error::usage(format!(
                "cannot send the {} of {what} `{id}`{of}: its ID {why} in a request path; \
                 nothing was sent",
                action.kind.as_str()
            )));
        }
    }
    Ok(())
}

/// Each consumer that accepts must sign in as the member it accepts for (exit 3), checked
/// before anything is sent; signing in is a read.
fn check_consumer_projects(
    file: &SharesFile,
    plan: &Plan,
    consumers: &BTreeMap<String, Session>,
) -> Result<(), Error> {
    let mut checked = BTreeSet::new();
    for action in &plan.actions {
        let (Some(profile), Some(member)) = (&action.consumer, &action.member_id) else {
            continue;
        };
        let session = consumers.get(profile).ok_or_else(|| no_session(profile))?;
        if !checked.insert(member) {
            continue;
        }
        let project = session.with_api(|api| session.this_project(api))??;
        if &project != member {
            let line = file.consumers.get(member).map_or(0, |c| c.line);
            return Err(Error::config(format!(
                "{}: [consumers] `{member}`: profile `{profile}` signs in as project \
                 {project}, not as {member}",
                file.at(line)
            )));
        }
    }
    Ok(())
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
        let mut members = members_of(api, &selection, options, args.jobs)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_consumer_inherits_no_sign_in_variable_of_the_owner() {
        for name in [
            "IMS_PROFILE",
            "IMS_ENDPOINT",
            "IMS_TOKEN",
            "IMS_ACCESS_KEY",
            "HUAWEICLOUD_SDK_AK",
            "HUAWEICLOUD_SDK_SK",
            "HUAWEICLOUD_SDK_SECURITY_TOKEN",
            "IMS_API",
            "IMS_PROJECT_ID",
            "OS_CLOUD",
            "OS_AUTH_URL",
            "OS_PASSWORD",
            "OS_PROJECT_ID",
            "OS_APPLICATION_CREDENTIAL_SECRET",
            "OS_TOKEN",
        ] {
            assert!(is_identity_variable(name), "{name}");
        }
        for name in [
            "OS_CLIENT_CONFIG_FILE",
            "IMS_CONFIG",
            "IMS_TIMEOUT",
            "IMS_CA_FILE",
            "HOME",
        ] {
            assert!(!is_identity_variable(name), "{name}");
        }
    }
}
