//! The planner: which images the file selects ([`select`]), and what must change for each
//! to have the members the file asks for ([`plan`]). Pure functions of the file and of
//! what was read from the cloud; nothing here sends a request.

use std::collections::BTreeMap;

use super::file::{Share, SharesFile};
use super::lifetime::{Clock, Phase, dropped_note, newest, phase, until_note};
use crate::cli::MemberType;
use crate::error::{Error, ErrorKind};
use crate::model::Member;
use crate::model::image::{Image, Listed};

/// What the plan needs to know of an image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImageFacts {
    /// The image's ID.
    pub(crate) id: String,
    /// Its name (empty when it has none).
    pub(crate) name: String,
    /// The owning project, when the service said.
    pub(crate) owner: Option<String>,
    /// `private`, `shared`, `public`, `community`, or whatever the service says.
    pub(crate) visibility: Option<String>,
    /// The tags its record carries (the strings of `tags`).
    pub(crate) tags: Vec<String>,
    /// When it was made, as the service wrote it (`newest` ranks by it).
    pub(crate) created_at: Option<String>,
}

impl ImageFacts {
    /// The facts of an image record.
    pub(crate) fn of(image: &Image) -> ImageFacts {
        let text = |key| {
            image
                .field(key)
                .and_then(serde_json::Value::as_str)
                .map(str::to_string)
        };
        ImageFacts {
            id: image.id().to_string(),
            name: text("name").unwrap_or_default(),
            owner: image.owner().map(str::to_string),
            visibility: text("visibility"),
            tags: image
                .field("tags")
                .and_then(serde_json::Value::as_array)
                .into_iter()
                .flatten()
                .filter_map(serde_json::Value::as_str)
                .map(str::to_string)
                .collect(),
            created_at: text("created_at"),
        }
    }

    /// Whether only its members (and owner) can see it: `private` or `shared`.
    fn is_restricted(&self) -> bool {
        !matches!(self.visibility.as_deref(), Some("public" | "community"))
    }
}

/// An image of a list read straight into its facts: the whole record is read (strictly,
/// as every image is) and dropped, so a page of 1,000 images holds only what the plan needs.
impl<'de> serde::Deserialize<'de> for ImageFacts {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ImageFacts, D::Error> {
        Image::deserialize(deserializer).map(|image| ImageFacts::of(&image))
    }
}

impl Listed for ImageFacts {
    fn id(&self) -> &str {
        &self.id
    }

    fn owner(&self) -> Option<&str> {
        self.owner.as_deref()
    }
}

/// The images the file's selectors are resolved against.
#[derive(Debug, Clone, Default)]
pub(crate) struct Catalog {
    /// This project.
    pub(crate) project: String,
    /// This project's own images, as listed (read when some `[[share]]` has `names`).
    pub(crate) owned: Vec<ImageFacts>,
    /// This project's images carrying each tag, as listed.
    pub(crate) tagged: BTreeMap<String, Vec<ImageFacts>>,
    /// Images given by ID, as read; an ID missing here is one this project cannot see.
    pub(crate) by_id: BTreeMap<String, ImageFacts>,
    /// Now, for `until`, and how far ahead an ending share is noted.
    pub(crate) clock: Clock,
}

/// A member an image should have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Wanted {
    /// The member's ID (an organization's URN).
    pub(crate) member: String,
    /// What the member is.
    pub(crate) member_type: MemberType,
}

/// One selected image and the members it should have (the union of every `[[share]]`
/// that selects it).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Selected {
    /// The image.
    pub(crate) image: ImageFacts,
    /// Its members, in file order, each once.
    pub(crate) members: Vec<Wanted>,
}

/// The images a file selects, in the order first selected, and notes on selectors that
/// select nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Selection {
    /// The images.
    pub(crate) images: Vec<Selected>,
    /// For stderr.
    pub(crate) notes: Vec<String>,
    /// Listed images dropped because their record lacks what the list asked for, for
    /// stderr as warnings.
    pub(crate) warnings: Vec<String>,
}

/// Resolves the file's selectors against `catalog`. An image given by ID that this
/// project cannot see is exit 5; one another project owns is exit 4.
pub(crate) fn select(file: &SharesFile, catalog: &Catalog) -> Result<Selection, Error> {
    let mut selection = Selection::default();
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    let mut add = |selection: &mut Selection, image: &ImageFacts, wanted: &[Wanted]| {
        let at = *index.entry(image.id.clone()).or_insert_with(|| {
            selection.images.push(Selected {
                image: image.clone(),
                members: Vec::new(),
            });
            selection.images.len() - 1
        });
        let members = &mut selection.images[at].members;
        for want in wanted {
            if !members.iter().any(|have| have.member == want.member) {
                members.push(want.clone());
            }
        }
    };
    for share in &file.shares {
        let phase = share
            .until
            .as_ref()
            .map(|until| phase(until, catalog.clock));
        let ended = phase == Some(Phase::Ended);
        let wanted: Vec<Wanted> = share
            .members
            .iter()
            .filter(|_| !ended)
            .map(|member| Wanted {
                member: member.clone(),
                member_type: share.member_type,
            })
            .collect();
        for id in &share.images {
            if ended && !catalog.by_id.contains_key(id) {
                continue;
            }
            let image = catalog.by_id.get(id).ok_or_else(|| {
                Error::new(
                    ErrorKind::NotFound,
                    format!(
                        "{}: image {id} was not found (this project cannot see it)",
                        file.at(share.line)
                    ),
                )
            })?;
            if let Some(owner) = image.owner.as_deref().filter(|o| *o != catalog.project) {
                return Err(Error::new(
                    ErrorKind::Refused,
                    format!(
                        "{}: image {id} is owned by {owner}: only its owner can share it",
                        file.at(share.line)
                    ),
                ));
            }
            add(&mut selection, image, &wanted);
        }
        let mut picked: Vec<&ImageFacts> = Vec::new();
        let by_name = share.names.iter().map(|pattern| {
            let listed: Vec<&ImageFacts> = catalog
                .owned
                .iter()
                .filter(|i| glob(pattern, &i.name))
                .collect();
            (listed, None, format!("names \"{pattern}\""))
        });
        let by_tag = share.tags.iter().map(|tag| {
            let listed: Vec<&ImageFacts> = catalog.tagged.get(tag).into_iter().flatten().collect();
            (listed, Some(tag.as_str()), format!("tag \"{tag}\""))
        });
        let at = file.at(share.line);
        for (listed, tag, what) in by_name.chain(by_tag) {
            pick(
                &mut selection,
                &at,
                &catalog.project,
                listed,
                tag,
                &what,
                &mut picked,
            );
        }
        let (kept, dropped, notes) = over_time(share, picked, catalog, phase);
        for image in kept {
            add(&mut selection, image, &wanted);
        }
        // Still selected, wanting no member of this entry: with prune its members go.
        for image in dropped {
            add(&mut selection, image, &[]);
        }
        selection.notes.extend(notes);
    }
    Ok(selection)
}

/// Adds to `picked` the images `listed` for one selector (`what`, of the `[[share]]` at
/// `at`) whose records carry what the list asked for ([`listed_wrongly`]); the others are
/// dropped with a warning, and a selector left with none gets a note.
fn pick<'c>(
    selection: &mut Selection,
    at: &str,
    project: &str,
    listed: Vec<&'c ImageFacts>,
    tag: Option<&str>,
    what: &str,
    picked: &mut Vec<&'c ImageFacts>,
) {
    let before = picked.len();
    for image in listed {
        match listed_wrongly(image, project, tag) {
            Some(why) => warn_dropped(selection, at.to_string(), image, &why),
            None => picked.push(image),
        }
    }
    if picked.len() == before {
        selection
            .notes
            .push(format!("{at}: {what} selects no image of this project"));
    }
}

/// Why a listed image must not be selected although the list gave it: its record does not
/// carry this project as `owner`, or not `tag` in its `tags` (a service that ignores the
/// `owner=` or `tag=` filter lists images the file never asked for). `None` when it is fine.
fn listed_wrongly(image: &ImageFacts, project: &str, tag: Option<&str>) -> Option<String> {
    match (image.owner.as_deref(), tag) {
        (Some(owner), _) if owner == project => {}
        (Some(owner), _) => return Some(format!("its owner is {owner}, not this project")),
        (None, _) => return Some("its record names no owner".to_string()),
    }
    match tag {
        Some(tag) if !image.tags.iter().any(|have| have == tag) => {
            Some(format!("its record does not carry the tag \"{tag}\""))
        }
        _ => None,
    }
}

/// Warns (once) that `image`, listed for the `[[share]]` at `at`, was dropped for `why`.
fn warn_dropped(selection: &mut Selection, at: String, image: &ImageFacts, why: &str) {
    let warning = format!(
        "{at}: image {} ({}) was listed but {why}: dropped, nothing is changed on it",
        image.id, image.name
    );
    if !selection.warnings.contains(&warning) {
        selection.warnings.push(warning);
    }
}

/// What time does to the images a `[[share]]` selects by names and tags (`picked`): with
/// `newest`, only the latest are kept and the rest dropped, each with a note; the note of
/// an `until` that is near (`phase`) or past. Images given by ID are never dropped.
fn over_time<'c>(
    share: &Share,
    picked: Vec<&'c ImageFacts>,
    catalog: &'c Catalog,
    phase: Option<Phase>,
) -> (Vec<&'c ImageFacts>, Vec<&'c ImageFacts>, Vec<String>) {
    let mut seen = std::collections::BTreeSet::new();
    let picked: Vec<&ImageFacts> = picked
        .into_iter()
        .filter(|image| !share.images.contains(&image.id) && seen.insert(&image.id))
        .collect();
    let mut notes = Vec::new();
    let (kept, dropped) = match share.newest {
        Some(count) => newest(count, picked, |image| {
            (image.created_at.as_deref(), image.id.as_str())
        }),
        None => (picked, Vec::new()),
    };
    for image in &dropped {
        let name = match image.name.is_empty() {
            true => &image.id,
            false => &image.name,
        };
        notes.push(dropped_note(name, share.newest.unwrap_or(0), share.line));
    }
    if let (Some(until), Some(phase)) = (&share.until, phase) {
        let by_id = share.images.iter().filter_map(|id| catalog.by_id.get(id));
        let names: Vec<&str> = by_id
            .chain(kept.iter().copied())
            .map(|image| match image.name.is_empty() {
                true => image.id.as_str(),
                false => image.name.as_str(),
            })
            .collect();
        notes.extend(until_note(&names, &share.members, until, phase, share.line));
    }
    (kept, dropped, notes)
}

/// Whether `name` matches `pattern` as a whole: `*` any run of characters, `?` one.
pub(crate) fn glob(pattern: &str, name: &str) -> bool {
    let pattern: Vec<char> = pattern.chars().collect();
    let name: Vec<char> = name.chars().collect();
    // The classic two-pointer match, backtracking to the last `*`.
    let (mut p, mut n) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while n < name.len() {
        match pattern.get(p) {
            Some('*') => {
                star = Some((p, n));
                p += 1;
            }
            Some(c) if *c == '?' || *c == name[n] => {
                p += 1;
                n += 1;
            }
            _ => match star {
                Some((star_p, star_n)) => {
                    p = star_p + 1;
                    n = star_n + 1;
                    star = Some((star_p, star_n + 1));
                }
                None => return false,
            },
        }
    }
    pattern[p..].iter().all(|c| *c == '*')
}

/// What one action does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum ActionKind {
    /// Make a private image `shared`, so that it can have members (v2).
    Visibility,
    /// Share an image with a member.
    Add,
    /// The member's own profile accepts the share.
    Accept,
    /// Stop sharing an image with a member (prune).
    Remove,
}

impl ActionKind {
    /// The name shown in the Action column.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ActionKind::Visibility => "visibility",
            ActionKind::Add => "add",
            ActionKind::Accept => "accept",
            ActionKind::Remove => "remove",
        }
    }
}

/// One change the plan makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Action {
    /// What it does.
    pub(crate) kind: ActionKind,
    /// The image.
    pub(crate) image_id: String,
    /// The image's name.
    pub(crate) image_name: String,
    /// The member (none for a visibility change).
    pub(crate) member_id: Option<String>,
    /// What the member is.
    pub(crate) member_type: MemberType,
    /// The state before (a member status or a visibility); none when absent.
    pub(crate) from: Option<String>,
    /// The state after; none when removed.
    pub(crate) to: Option<String>,
    /// The profile that accepts (accept only).
    pub(crate) consumer: Option<String>,
}

impl Action {
    /// `add image i1, member p-a`: what the action does, for messages.
    pub(crate) fn describe(&self) -> String {
        let member = self.member_id.as_ref();
        let member = member.map(|member| format!(", member {member}"));
        format!(
            "{} image {}{}",
            self.kind.as_str(),
            self.image_id,
            member.unwrap_or_default()
        )
    }
}

/// What must change, the notes worth a look, and how many desired (image, member) pairs
/// need nothing.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Plan {
    /// In the order they are applied: visibility, add, accept, remove.
    pub(crate) actions: Vec<Action>,
    /// For stderr.
    pub(crate) notes: Vec<String>,
    /// For stderr, as warnings: what was dropped from the selection or the members read.
    pub(crate) warnings: Vec<String>,
    /// Desired (image, member) pairs that need no action.
    pub(crate) in_sync: usize,
}

impl Plan {
    /// How many actions are of `kind`.
    pub(crate) fn count(&self, kind: ActionKind) -> usize {
        self.actions.iter().filter(|a| a.kind == kind).count()
    }

    /// `plan: 3 to add, 1 to accept, 0 to remove, 1 visibility; 14 in sync`
    pub(crate) fn summary(&self) -> String {
        format!(
            "plan: {} to add, {} to accept, {} to remove, {} visibility; {} in sync",
            self.count(ActionKind::Add),
            self.count(ActionKind::Accept),
            self.count(ActionKind::Remove),
            self.count(ActionKind::Visibility),
            self.in_sync
        )
    }
}

/// How the plan is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct PlanOptions {
    /// Remove members the file does not name (`prune = true` or `--prune`).
    pub(crate) prune: bool,
    /// The service takes members only on `shared` images (Glance v2): a `private` image
    /// is made `shared` first, and its members are not read.
    pub(crate) needs_shared: bool,
}

/// Whether the members of `image` are read before planning: not those of a public or
/// community image (members change nothing), nor, where members need a `shared` image,
/// those of a private one (they cannot be read, and count as none).
pub(crate) fn reads_members(image: &ImageFacts, options: PlanOptions) -> bool {
    image.is_restricted()
        && !(options.needs_shared && image.visibility.as_deref() == Some("private"))
}

/// The plan that gives every selected image the members the file asks for, all at once
/// (for tests; `ims` plans image by image with a [`Planner`]). `members` holds what was
/// read of each image whose members [`reads_members`]; an image without an entry has none.
#[cfg(test)]
pub(crate) fn plan(
    file: &SharesFile,
    selection: &Selection,
    members: &BTreeMap<String, Vec<Member>>,
    options: PlanOptions,
) -> Plan {
    let mut planner = Planner::new(file, selection, options);
    for selected in &selection.images {
        let found = members
            .get(&selected.image.id)
            .map_or(&[][..], Vec::as_slice);
        planner.image(selected, found);
    }
    planner.finish()
}

/// Plans image by image, so that each image's members can be dropped once planned: the
/// plan of 1,000 images holds their actions, never all their members.
pub(crate) struct Planner<'a> {
    /// The file: consumers and prune.
    file: &'a SharesFile,
    /// How the plan is made.
    options: PlanOptions,
    /// The plan so far.
    plan: Plan,
}

impl<'a> Planner<'a> {
    /// A plan of `selection` (its notes first), nothing planned yet.
    pub(crate) fn new(file: &'a SharesFile, selection: &Selection, options: PlanOptions) -> Self {
        Planner {
            file,
            options,
            plan: Plan {
                notes: selection.notes.clone(),
                warnings: selection.warnings.clone(),
                ..Plan::default()
            },
        }
    }

    /// Plans one selected image whose members, as read, are `observed` (none when
    /// [`reads_members`] is false for it).
    pub(crate) fn image(&mut self, selected: &Selected, observed: &[Member]) {
        let (file, options, plan) = (self.file, self.options, &mut self.plan);
        let prune = options.prune || file.prune;
        let image = &selected.image;
        let action =
            |kind, member: Option<&str>, member_type, from: Option<&str>, to: Option<&str>| {
                Action {
                    kind,
                    image_id: image.id.clone(),
                    image_name: image.name.clone(),
                    member_id: member.map(str::to_string),
                    member_type,
                    from: from.map(str::to_string),
                    to: to.map(str::to_string),
                    consumer: None,
                }
            };
        if !image.is_restricted() {
            plan.notes.push(format!(
                "image {} ({}) is {}: everyone can see it, so its members change nothing",
                image.id,
                image.name,
                image.visibility.as_deref().unwrap_or_default()
            ));
            return;
        }
        let observed = match reads_members(image, options) {
            true => observed,
            false => &[],
        };
        let (observed, repeated) = distinct(observed);
        for id in repeated {
            plan.warnings.push(format!(
                "image {} ({}) lists member {id} more than once: counted once",
                image.id, image.name
            ));
        }
        if options.needs_shared
            && image.visibility.as_deref() == Some("private")
            && !selected.members.is_empty()
        {
            let shared = action(
                ActionKind::Visibility,
                None,
                MemberType::Project,
                Some("private"),
                Some("shared"),
            );
            plan.actions.push(shared);
        }
        for want in &selected.members {
            let consumer = file.consumers.get(&want.member);
            let found = observed.iter().copied().find(|m| is(m, &want.member));
            let status = found.map(|m| m.status_text().unwrap_or("unknown"));
            match status {
                None => {
                    let add = action(
                        ActionKind::Add,
                        Some(&want.member),
                        want.member_type,
                        None,
                        Some("pending"),
                    );
                    plan.actions.push(add);
                }
                Some("accepted") => {
                    plan.in_sync += 1;
                    continue;
                }
                Some(_) if consumer.is_none() => {
                    plan.in_sync += 1;
                    plan.notes.push(not_accepted(&want.member, image, found));
                    continue;
                }
                Some(_) => {}
            }
            if let Some(consumer) = consumer {
                let mut accept = action(
                    ActionKind::Accept,
                    Some(&want.member),
                    want.member_type,
                    Some(status.unwrap_or("pending")),
                    Some("accepted"),
                );
                accept.consumer = Some(consumer.profile.clone());
                plan.actions.push(accept);
            }
        }
        if prune {
            for member in observed {
                if selected.members.iter().any(|w| is(member, &w.member)) {
                    continue;
                }
                let (id, member_type) = identity(member);
                let remove = action(
                    ActionKind::Remove,
                    Some(id),
                    member_type,
                    Some(member.status_text().unwrap_or("unknown")),
                    None,
                );
                plan.actions.push(remove);
            }
        }
    }

    /// The plan, its actions in the order they are applied.
    pub(crate) fn finish(mut self) -> Plan {
        // Stable: within a kind, images and members stay in file order.
        self.plan.actions.sort_by_key(|action| action.kind);
        self.plan
    }
}

/// Plans `image_id` again now that it was made shared and shows its members, `observed`
/// (Glance hides the members an image had before it was made private, and shows them
/// again once it is shared): its add, accept and remove actions are replaced by those
/// that the members seen call for. Each member it shows that the file does not name gets a
/// note: with prune it is removed; without, it can see the image again.
pub(crate) fn reveal(
    file: &SharesFile,
    plan: &mut Plan,
    image_id: &str,
    observed: &[Member],
    options: PlanOptions,
) {
    let Some(made_shared) = plan
        .actions
        .iter()
        .find(|a| a.image_id == image_id && a.kind == ActionKind::Visibility)
    else {
        return;
    };
    let image = ImageFacts {
        id: image_id.to_string(),
        name: made_shared.image_name.clone(),
        owner: None,
        visibility: Some("shared".to_string()),
        tags: Vec::new(),
        created_at: None,
    };
    // A private image's desired members were all planned as adds.
    let members: Vec<Wanted> = plan
        .actions
        .iter()
        .filter(|a| a.image_id == image_id && a.kind == ActionKind::Add)
        .filter_map(|a| {
            a.member_id.as_ref().map(|member| Wanted {
                member: member.clone(),
                member_type: a.member_type,
            })
        })
        .collect();
    let prune = options.prune || file.prune;
    for member in distinct(observed).0 {
        if members.iter().any(|w| is(member, &w.member)) {
            continue;
        }
        let (id, _) = identity(member);
        plan.notes.push(match prune {
            true => format!(
                "image {image_id} ({}) shows member {id} again, which it had before it was \
                 made private: removed, as the file does not name it",
                image.name
            ),
            false => format!(
                "image {image_id} ({}) shows member {id} again, which it had before it was \
                 made private: {id} can see it again (the file does not name it; --prune \
                 removes it)",
                image.name
            ),
        });
    }
    plan.actions
        .retain(|a| a.image_id != image_id || a.kind == ActionKind::Visibility);
    let mut planner = Planner {
        file,
        options,
        plan: Plan::default(),
    };
    planner.image(&Selected { image, members }, observed);
    let again = planner.finish();
    plan.actions.extend(again.actions);
    plan.actions.sort_by_key(|action| action.kind);
    plan.notes.extend(again.notes);
    plan.warnings.extend(again.warnings);
    plan.in_sync += again.in_sync;
}

/// `observed` with each member once (by the ID a request names it by; the first record
/// kept), and the IDs listed more than once: a service that lists a member twice must not
/// get two rows, nor two DELETEs.
fn distinct(observed: &[Member]) -> (Vec<&Member>, Vec<&str>) {
    let (mut once, mut repeated): (Vec<&Member>, Vec<&str>) = (Vec::new(), Vec::new());
    for member in observed {
        let id = identity(member).0;
        match once.iter().any(|seen| identity(seen).0 == id) {
            true if !repeated.contains(&id) => repeated.push(id),
            true => {}
            false => once.push(member),
        }
    }
    (once, repeated)
}

/// Whether `member` is the member `id` (an organization is also known by its URN).
fn is(member: &Member, id: &str) -> bool {
    member.member_id == id || member.urn.as_ref().and_then(|u| u.as_str()) == Some(id)
}

/// How a listed member is named in a request, and what it is: an organization by its URN.
pub(crate) fn identity(member: &Member) -> (&str, MemberType) {
    let urn = member.urn.as_ref().and_then(|u| u.as_str());
    match member.member_type.as_ref().and_then(|t| t.as_str()) {
        Some("organization") => (urn.unwrap_or(&member.member_id), MemberType::Organization),
        Some("domain") => (&member.member_id, MemberType::Domain),
        _ => (&member.member_id, MemberType::Project),
    }
}

/// `proj-b has not accepted IMAGE, pending since 2026-10-02`
fn not_accepted(member: &str, image: &ImageFacts, found: Option<&Member>) -> String {
    let status = found.and_then(Member::status_text).unwrap_or("unknown");
    let since = found
        .and_then(|m| m.updated_at.as_ref().or(m.created_at.as_ref()))
        .and_then(|at| at.as_str())
        .map(|at| at.split('T').next().unwrap_or(at));
    match since {
        Some(date) => format!(
            "{member} has not accepted {}, {status} since {date}",
            image.id
        ),
        None => format!("{member} has not accepted {}, {status}", image.id),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::file::parse;

    fn image(id: &str, name: &str, visibility: &str) -> ImageFacts {
        ImageFacts {
            id: id.into(),
            name: name.into(),
            owner: Some("me".into()),
            visibility: Some(visibility.into()),
            tags: Vec::new(),
            created_at: None,
        }
    }

    fn member(id: &str, status: &str) -> Member {
        serde_json::from_value(serde_json::json!({
            "member_id": id, "status": status, "updated_at": "2026-10-02T08:00:00Z"
        }))
        .unwrap()
    }

    /// This project's `images`, the one at `tagged` carrying `tag`.
    fn catalog_of(images: &[ImageFacts], tag: &str, tagged: usize) -> Catalog {
        let mut images = images.to_vec();
        images[tagged].tags = vec![tag.to_string()];
        Catalog {
            project: "me".into(),
            owned: images.clone(),
            tagged: BTreeMap::from([(tag.to_string(), vec![images[tagged].clone()])]),
            by_id: images.iter().map(|i| (i.id.clone(), i.clone())).collect(),
            ..Catalog::default()
        }
    }

    /// The cloud of the table: images i1 (shared), i2 (shared), i3 (private), i4
    /// (public), golden-1 (shared, tagged golden); their members.
    fn cloud() -> (Catalog, BTreeMap<String, Vec<Member>>) {
        let images = [
            image("i1", "one", "shared"),
            image("i2", "two", "shared"),
            image("i3", "three", "private"),
            image("i4", "four", "public"),
            image("g1", "golden-1", "shared"),
        ];
        let catalog = catalog_of(&images, "golden", 4);
        let members = BTreeMap::from([
            (
                "i1".to_string(),
                vec![member("a", "accepted"), member("b", "pending")],
            ),
            ("i2".to_string(), vec![member("c", "rejected")]),
            ("g1".to_string(), vec![]),
        ]);
        (catalog, members)
    }

    /// Each action as `kind image member from→to consumer`.
    fn rows(plan: &Plan) -> Vec<String> {
        plan.actions
            .iter()
            .map(|a| {
                format!(
                    "{} {} {} {}→{}{}",
                    a.kind.as_str(),
                    a.image_id,
                    a.member_id.as_deref().unwrap_or("—"),
                    a.from.as_deref().unwrap_or("—"),
                    a.to.as_deref().unwrap_or("—"),
                    a.consumer
                        .as_ref()
                        .map(|c| format!(" by {c}"))
                        .unwrap_or_default()
                )
            })
            .collect()
    }

    /// The plan of the file `text` against `catalog` and `members`.
    fn plan_of(
        text: &str,
        catalog: &Catalog,
        members: &BTreeMap<String, Vec<Member>>,
        prune: bool,
        needs_shared: bool,
    ) -> Plan {
        let file = parse("s.toml", text).unwrap();
        let selection = select(&file, catalog).unwrap();
        let options = PlanOptions {
            prune,
            needs_shared,
        };
        plan(&file, &selection, members, options)
    }

    fn run(text: &str, prune: bool) -> (Vec<String>, Vec<String>, usize) {
        let (catalog, members) = cloud();
        let plan = plan_of(text, &catalog, &members, prune, true);
        (rows(&plan), plan.notes, plan.in_sync)
    }

    #[test]
    fn the_planner_table() {
        type Case = (
            &'static str,
            &'static str,
            bool,
            &'static [&'static str],
            &'static [&'static str],
            usize,
        );
        let cases: &[Case] = &[
            ("empty file", "", false, &[], &[], 0),
            (
                "in sync, pending without a consumer is a note",
                "[[share]]\nimages = [\"i1\"]\nmembers = [\"a\", \"b\"]\n",
                false,
                &[],
                &["b has not accepted i1, pending since 2026-10-02"],
                2,
            ),
            (
                "an absent member is added; with a consumer also accepted",
                "[[share]]\nimages = [\"i1\"]\nmembers = [\"a\", \"x\", \"y\"]\n[consumers]\ny = \"prof-y\"\n",
                false,
                &[
                    "add i1 x —→pending",
                    "add i1 y —→pending",
                    "accept i1 y pending→accepted by prof-y",
                ],
                &[],
                1,
            ),
            (
                "pending and rejected with a consumer are accepted",
                "[[share]]\nimages = [\"i1\", \"i2\"]\nmembers = [\"b\", \"c\"]\n[consumers]\nb = \"pb\"\nc = { profile = \"pc\" }\n",
                false,
                &[
                    "add i1 c —→pending",
                    "add i2 b —→pending",
                    "accept i1 b pending→accepted by pb",
                    "accept i1 c pending→accepted by pc",
                    "accept i2 b pending→accepted by pb",
                    "accept i2 c rejected→accepted by pc",
                ],
                &[],
                0,
            ),
            (
                "rejected without a consumer is a note",
                "[[share]]\nimages = [\"i2\"]\nmembers = [\"c\"]\n",
                false,
                &[],
                &["c has not accepted i2, rejected since 2026-10-02"],
                1,
            ),
            (
                "union of entries; an image chosen twice is planned once",
                "[[share]]\nimages = [\"i1\"]\nmembers = [\"a\"]\n[[share]]\nimages = [\"i1\", \"i2\"]\nmembers = [\"a\", \"c\", \"d\"]\n",
                false,
                &[
                    "add i1 c —→pending",
                    "add i1 d —→pending",
                    "add i2 a —→pending",
                    "add i2 d —→pending",
                ],
                &["c has not accepted i2, rejected since 2026-10-02"],
                2,
            ),
            (
                "without prune, unnamed members stay",
                "[[share]]\nimages = [\"i1\"]\nmembers = []\n",
                false,
                &[],
                &[],
                0,
            ),
            (
                "with prune, unnamed members are removed",
                "[[share]]\nimages = [\"i1\"]\nmembers = [\"a\"]\n",
                true,
                &["remove i1 b pending→—"],
                &[],
                1,
            ),
            (
                "prune in the file",
                "prune = true\n[[share]]\nimages = [\"i1\", \"i2\"]\nmembers = []\n",
                false,
                &[
                    "remove i1 a accepted→—",
                    "remove i1 b pending→—",
                    "remove i2 c rejected→—",
                ],
                &[],
                0,
            ),
            (
                "a private image is made shared first; its members count as none",
                "[[share]]\nimages = [\"i3\"]\nmembers = [\"a\"]\n[consumers]\na = \"pa\"\n",
                true,
                &[
                    "visibility i3 — private→shared",
                    "add i3 a —→pending",
                    "accept i3 a pending→accepted by pa",
                ],
                &[],
                0,
            ),
            (
                "a private image that should have no members stays private",
                "[[share]]\nimages = [\"i3\"]\nmembers = []\n",
                true,
                &[],
                &[],
                0,
            ),
            (
                "a public image is a note",
                "[[share]]\nimages = [\"i4\"]\nmembers = [\"a\"]\n",
                true,
                &[],
                &["image i4 (four) is public: everyone can see it, so its members change nothing"],
                0,
            ),
            (
                "names and tags select this project's images; those that select nothing are notes",
                "[[share]]\nnames = [\"golden-*\", \"t?o\", \"nothing-*\"]\ntags = [\"golden\", \"silver\"]\nmembers = [\"a\"]\n",
                false,
                &["add g1 a —→pending", "add i2 a —→pending"],
                &[
                    "s.toml:1: names \"nothing-*\" selects no image of this project",
                    "s.toml:1: tag \"silver\" selects no image of this project",
                ],
                0,
            ),
        ];
        for (name, text, prune, actions, notes, in_sync) in cases {
            let (got_actions, got_notes, got_in_sync) = run(text, *prune);
            assert_eq!(got_actions, *actions, "{name}");
            assert_eq!(got_notes, *notes, "{name}");
            assert_eq!(got_in_sync, *in_sync, "{name}");
        }
    }

    /// The cloud of the table over time: three monthly builds golden-09, -10, -11 (their
    /// IDs against their order, so that the ranking is by time), a fourth build b12 made
    /// at the same instant as golden-11 with a smaller ID, and e1 tagged partner-eval.
    /// Members as given; the clock at `now`.
    fn builds(now: &str) -> (Catalog, BTreeMap<String, Vec<Member>>) {
        let build = |id: &str, name: &str, at: &str| ImageFacts {
            created_at: Some(at.into()),
            ..image(id, name, "shared")
        };
        let images = [
            build("c", "golden-09", "2026-09-01T00:00:00Z"),
            build("b", "golden-10", "2026-10-01T00:00:00Z"),
            build("z", "golden-11", "2026-11-01T00:00:00Z"),
            build("e1", "eval", "2026-08-01T00:00:00Z"),
        ];
        let catalog = Catalog {
            clock: Clock {
                now: now.parse().unwrap(),
                warn_days: 14,
            },
            ..catalog_of(&images, "partner-eval", 3)
        };
        let members = BTreeMap::from([
            (
                "c".to_string(),
                vec![member("a", "accepted"), member("keep", "accepted")],
            ),
            ("b".to_string(), vec![member("a", "accepted")]),
            ("z".to_string(), vec![]),
            ("e1".to_string(), vec![member("partner", "accepted")]),
        ]);
        (catalog, members)
    }

    #[test]
    fn the_planner_table_over_time() {
        type Case = (
            &'static str,
            &'static str,
            &'static str,
            bool,
            &'static [&'static str],
            &'static [&'static str],
        );
        let newest = "[[share]]\nnames = [\"golden-*\"]\nnewest = 2\nmembers = [\"a\"]\n";
        let until = "[[share]]\ntags = [\"partner-eval\"]\nmembers = [\"partner\"]\n\
                     until = 2027-03-31\n";
        let cases: &[Case] = &[
            (
                "newest 2 of three builds: the oldest drops out, a note names it",
                newest,
                "2026-12-01T00:00:00Z",
                false,
                &["add z a —→pending"],
                &["golden-09 is no longer among the newest 2 of its [[share]] (line 1)"],
            ),
            (
                "with prune the dropped build loses the entry's members",
                newest,
                "2026-12-01T00:00:00Z",
                true,
                &[
                    "add z a —→pending",
                    "remove c a accepted→—",
                    "remove c keep accepted→—",
                ],
                &["golden-09 is no longer among the newest 2 of its [[share]] (line 1)"],
            ),
            (
                "members another entry still wants stay",
                "[[share]]\nnames = [\"golden-*\"]\nnewest = 2\nmembers = [\"a\"]\n\
                 [[share]]\nimages = [\"c\"]\nmembers = [\"keep\"]\n",
                "2026-12-01T00:00:00Z",
                true,
                &["add z a —→pending", "remove c a accepted→—"],
                &["golden-09 is no longer among the newest 2 of its [[share]] (line 1)"],
            ),
            (
                "an image given by ID is always selected",
                "[[share]]\nimages = [\"c\"]\nnames = [\"golden-*\"]\nnewest = 1\nmembers = [\"a\"]\n",
                "2026-12-01T00:00:00Z",
                true,
                &[
                    "add z a —→pending",
                    "remove c keep accepted→—",
                    "remove b a accepted→—",
                ],
                &["golden-10 is no longer among the newest 1 of its [[share]] (line 1)"],
            ),
            (
                "until: before the window, no note",
                until,
                "2027-03-01T00:00:00Z",
                true,
                &[],
                &[],
            ),
            (
                "until: within the window, a note says when",
                until,
                "2027-03-22T10:00:00Z",
                true,
                &[],
                &["the share of eval with partner ends 2027-03-31 (in 9 days)"],
            ),
            (
                "until: the last day still selects",
                until,
                "2027-03-31T23:59:59Z",
                true,
                &[],
                &["the share of eval with partner ends 2027-03-31 (today, its last day)"],
            ),
            (
                "until: after it, the entry selects nothing; with prune its pairs go",
                until,
                "2027-04-01T00:00:00Z",
                true,
                &["remove e1 partner accepted→—"],
                &[
                    "the share of eval with partner ended 2027-03-31: its [[share]] (line 1) \
                   selects no image any more",
                ],
            ),
            (
                "until: after it, without prune, the members stay",
                until,
                "2027-04-01T00:00:00Z",
                false,
                &[],
                &[
                    "the share of eval with partner ended 2027-03-31: its [[share]] (line 1) \
                   selects no image any more",
                ],
            ),
            (
                "an ended entry with a vanished image by ID is no failure",
                "[[share]]\nimages = [\"gone\"]\nmembers = [\"p\"]\nuntil = 2026-01-01\n",
                "2026-12-01T00:00:00Z",
                true,
                &[],
                &[
                    "the share of no image with p ended 2026-01-01: its [[share]] (line 1) \
                   selects no image any more",
                ],
            ),
        ];
        for (name, text, now, prune, actions, notes) in cases {
            let (catalog, members) = builds(now);
            let plan = plan_of(text, &catalog, &members, *prune, true);
            assert_eq!(rows(&plan), *actions, "{name}");
            assert_eq!(plan.notes, *notes, "{name}");
        }
        // A fourth build arrives: golden-10 drops out in turn, golden-09 stays out.
        let (mut catalog, members) = builds("2027-01-01T00:00:00Z");
        let fourth = ImageFacts {
            created_at: Some("2026-12-01T00:00:00Z".into()),
            ..image("a12", "golden-12", "shared")
        };
        catalog.owned.push(fourth);
        let plan = plan_of(newest, &catalog, &members, true, true);
        assert_eq!(
            rows(&plan),
            [
                "add z a —→pending",
                "add a12 a —→pending",
                "remove c a accepted→—",
                "remove c keep accepted→—",
                "remove b a accepted→—"
            ]
        );
        // Ties in time go to the greater ID.
        let (mut catalog, members) = builds("2027-01-01T00:00:00Z");
        catalog.owned.push(ImageFacts {
            created_at: Some("2026-11-01T00:00:00Z".into()),
            ..image("a11", "golden-11b", "shared")
        });
        let one = newest.replace("newest = 2", "newest = 1");
        let plan = plan_of(&one, &catalog, &members, false, true);
        assert_eq!(rows(&plan), ["add z a —→pending"]);
    }

    #[test]
    fn v1_members_have_types_and_private_images_are_read() {
        let (mut catalog, _) = cloud();
        catalog
            .by_id
            .insert("h1".into(), image("h1", "huawei", "private"));
        let listed: Member = serde_json::from_value(serde_json::json!({
            "member_id": "o-1", "urn": "urn:ou:o-1/ou-2", "member_type": "organization",
            "status": "accepted"
        }))
        .unwrap();
        let domain: Member = serde_json::from_value(serde_json::json!({
            "member_id": "d-9", "member_type": "domain", "status": "accepted"
        }))
        .unwrap();
        let members = BTreeMap::from([("h1".to_string(), vec![listed, domain])]);
        let text = "[[share]]\nimages = [\"h1\"]\nmembers = [\"urn:ou:o-1/ou-2\"]\n\
                    member_type = \"organization\"\n\
                    [[share]]\nimages = [\"h1\"]\nmembers = [\"d-1\"]\nmember_type = \"domain\"\n";
        let plan = plan_of(text, &catalog, &members, true, false);
        assert_eq!(
            rows(&plan),
            ["add h1 d-1 —→pending", "remove h1 d-9 accepted→—"]
        );
        assert_eq!(plan.actions[0].member_type, MemberType::Domain);
        assert_eq!(plan.actions[1].member_type, MemberType::Domain);
        assert_eq!(plan.in_sync, 1);
    }

    #[test]
    fn images_by_id_must_be_visible_and_this_projects() {
        let (mut catalog, _) = cloud();
        let file = parse("s.toml", "\n[[share]]\nimages = [\"nope\"]\nmembers = []\n").unwrap();
        let err = select(&file, &catalog).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::NotFound);
        assert_eq!(
            err.to_string(),
            "s.toml:2: image nope was not found (this project cannot see it)"
        );
        let mut theirs = image("t1", "theirs", "shared");
        theirs.owner = Some("other".into());
        catalog.by_id.insert("t1".into(), theirs);
        let file = parse("s.toml", "[[share]]\nimages = [\"t1\"]\nmembers = []\n").unwrap();
        let err = select(&file, &catalog).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Refused);
        assert_eq!(
            err.to_string(),
            "s.toml:1: image t1 is owned by other: only its owner can share it"
        );
    }

    #[test]
    fn a_listed_image_without_the_tag_or_of_another_owner_is_dropped_with_a_warning() {
        // A service that ignores `tag=` and `owner=` lists every image it has.
        let (mut catalog, members) = cloud();
        let mut theirs = image("t1", "golden-theirs", "shared");
        theirs.owner = Some("other".into());
        theirs.tags = vec!["golden".into()];
        let mut ownerless = image("n1", "golden-none", "shared");
        ownerless.owner = None;
        ownerless.tags = vec!["golden".into()];
        let everything: Vec<ImageFacts> = catalog
            .owned
            .iter()
            .cloned()
            .chain([theirs, ownerless])
            .collect();
        catalog.owned = everything.clone();
        catalog.tagged = BTreeMap::from([
            ("golden".to_string(), everything.clone()),
            ("partner-eval".to_string(), everything),
        ]);
        let text = "[[share]]\ntags = [\"partner-eval\"]\nmembers = []\n\
                    [[share]]\ntags = [\"golden\"]\nnames = [\"golden-*\"]\nmembers = [\"a\"]\n";
        let plan = plan_of(text, &catalog, &members, true, true);
        // Nothing carries partner-eval: nothing is selected, nothing is pruned.
        assert_eq!(rows(&plan), ["add g1 a —→pending"]);
        assert_eq!(
            plan.notes,
            ["s.toml:1: tag \"partner-eval\" selects no image of this project"]
        );
        let dropped = |at: &str, id: &str, name: &str, why: &str| {
            format!(
                "s.toml:{at}: image {id} ({name}) was listed but {why}: dropped, nothing is changed on it"
            )
        };
        let lacks = |tag: &str| format!("its record does not carry the tag \"{tag}\"");
        let mut expected = Vec::new();
        for (id, name) in [
            ("i1", "one"),
            ("i2", "two"),
            ("i3", "three"),
            ("i4", "four"),
            ("g1", "golden-1"),
        ] {
            expected.push(dropped("1", id, name, &lacks("partner-eval")));
        }
        expected.push(dropped(
            "1",
            "t1",
            "golden-theirs",
            "its owner is other, not this project",
        ));
        expected.push(dropped(
            "1",
            "n1",
            "golden-none",
            "its record names no owner",
        ));
        // Names first (of them only golden-*), then the tag.
        expected.push(dropped(
            "4",
            "t1",
            "golden-theirs",
            "its owner is other, not this project",
        ));
        expected.push(dropped(
            "4",
            "n1",
            "golden-none",
            "its record names no owner",
        ));
        for (id, name) in [
            ("i1", "one"),
            ("i2", "two"),
            ("i3", "three"),
            ("i4", "four"),
        ] {
            expected.push(dropped("4", id, name, &lacks("golden")));
        }
        assert_eq!(plan.warnings, expected);
    }

    #[test]
    fn a_member_listed_twice_is_planned_once_with_a_warning() {
        let (catalog, _) = cloud();
        let twice = vec![
            member("b", "accepted"),
            member("x", "pending"),
            member("b", "accepted"),
            member("x", "pending"),
            member("b", "pending"),
        ];
        let members = BTreeMap::from([("i1".to_string(), twice)]);
        let text = "[[share]]\nimages = [\"i1\"]\nmembers = []\n";
        let plan = plan_of(text, &catalog, &members, true, true);
        assert_eq!(
            rows(&plan),
            ["remove i1 b accepted→—", "remove i1 x pending→—"]
        );
        assert_eq!(
            plan.warnings,
            [
                "image i1 (one) lists member b more than once: counted once",
                "image i1 (one) lists member x more than once: counted once"
            ]
        );
        let text = "[[share]]\nimages = [\"i1\"]\nmembers = [\"b\"]\n";
        let plan = plan_of(text, &catalog, &members, true, true);
        assert_eq!(rows(&plan), ["remove i1 x pending→—"]);
        assert_eq!(plan.in_sync, 1);
    }

    #[test]
    fn an_image_made_shared_is_planned_again_with_the_members_it_shows() {
        let (catalog, members) = cloud();
        let text = "[[share]]\nimages = [\"i3\", \"i1\"]\nmembers = [\"a\", \"b\", \"z\"]\n\
                    [consumers]\nb = \"pb\"\n";
        let shown = [
            member("b", "pending"),
            member("a", "accepted"),
            member("old", "accepted"),
        ];
        for (prune, removed, note) in [
            (
                true,
                &["remove i3 old accepted→—"][..],
                "image i3 (three) shows member old again, which it had before it was made \
                 private: removed, as the file does not name it",
            ),
            (
                false,
                &[][..],
                "image i3 (three) shows member old again, which it had before it was made \
                 private: old can see it again (the file does not name it; --prune removes it)",
            ),
        ] {
            let mut plan = plan_of(text, &catalog, &members, prune, true);
            let options = PlanOptions {
                prune,
                needs_shared: true,
            };
            let file = parse("s.toml", text).unwrap();
            reveal(&file, &mut plan, "i3", &shown, options);
            // a was there (in sync); b was there pending (accepted by its consumer, no add);
            // z is added; old goes with prune.
            let mut expected = vec![
                "visibility i3 — private→shared",
                "add i1 z —→pending",
                "add i3 z —→pending",
                "accept i1 b pending→accepted by pb",
                "accept i3 b pending→accepted by pb",
            ];
            expected.extend(removed);
            assert_eq!(rows(&plan), expected, "prune {prune}");
            assert_eq!(plan.notes.last().map(String::as_str), Some(note));
            assert_eq!(plan.in_sync, 2);
        }
    }

    #[test]
    fn the_summary_counts_each_kind() {
        let (actions, _, _) = run("", false);
        assert!(actions.is_empty());
        let (catalog, members) = cloud();
        let text = "[[share]]\nimages = [\"i3\", \"i1\"]\nmembers = [\"a\", \"b\", \"z\"]\n\
                    [consumers]\nb = \"pb\"\n";
        let plan = plan_of(text, &catalog, &members, false, true);
        assert_eq!(
            plan.summary(),
            "plan: 4 to add, 2 to accept, 0 to remove, 1 visibility; 1 in sync"
        );
    }

    #[test]
    fn facts_are_read_from_the_image_record() {
        let record: Image = serde_json::from_str(
            r#"{"id":"i1","name":"n","owner":"me","visibility":"shared","size":3}"#,
        )
        .unwrap();
        assert_eq!(ImageFacts::of(&record), image("i1", "n", "shared"));
        let bare: Image = serde_json::from_str(r#"{"id":"i2","name":null}"#).unwrap();
        let facts = ImageFacts::of(&bare);
        assert_eq!(
            (facts.name.as_str(), facts.owner, facts.visibility),
            ("", None, None)
        );
    }

    #[test]
    fn globs_match_whole_names() {
        for (pattern, name, matches) in [
            ("golden-*", "golden-2026", true),
            ("golden-*", "golden-", true),
            ("golden-*", "old-golden-1", false),
            ("*", "", true),
            ("?", "", false),
            ("a?c", "abc", true),
            ("a?c", "abbc", false),
            ("*b*c", "aabxbc", true),
            ("*.raw", "x.raw.gz", false),
            ("日*", "日本", true),
            ("exact", "exact", true),
            ("exact", "exactly", false),
        ] {
            assert_eq!(glob(pattern, name), matches, "{pattern} {name}");
        }
    }
}
