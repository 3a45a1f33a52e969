//! Reading the cloud for a shares file: this project's images (all, or by tag), the
//! images given by ID, and the members of each selected image, `--jobs` at a time.

use std::collections::{BTreeMap, BTreeSet};

use crate::api::{ImageApi, ImageFilter};
use crate::console::Progress;
use crate::error::{Error, ErrorKind};
use crate::model::Member;
use crate::share::file::SharesFile;
use crate::share::lifetime::Clock;
use crate::share::plan::{
    Catalog, ImageFacts, Plan, PlanOptions, Planner, Selection, reads_members, select,
};
use crate::work::fan_out::{collect_in_order, in_order};

/// What is handed each selected image and its members as read.
pub(super) type Seen<'a> = dyn FnMut(&ImageFacts, &[Member]) + 'a;

/// How images are read: `jobs` at a time, on the `progress` line made for their number.
pub(super) struct Work<'a> {
    /// At most this many requests at once (`--jobs`).
    pub(super) jobs: u16,
    /// The progress line for a number of images.
    pub(super) progress: Box<dyn Fn(usize) -> Progress + 'a>,
}

/// Reads what the plan compares (the images the file selects, then their members,
/// as `work` says) and plans, at `clock`'s now; `seen`, when given, is handed each
/// selected image and its members as read (none where they are not read) before it is
/// planned.
pub(super) fn observe(
    api: &ImageApi,
    project: &str,
    file: &SharesFile,
    options: PlanOptions,
    clock: Clock,
    work: &Work<'_>,
    mut seen: Option<&mut Seen<'_>>,
) -> Result<Plan, Error> {
    let mut catalog = Catalog {
        project: project.to_string(),
        clock,
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
    let read = collect_in_order(&unread, work.jobs, |id| api.show_image(id));
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
    let progress = (work.progress)(selection.images.len());
    in_order(
        &selection.images,
        work.jobs,
        |selected| match reads_members(&selected.image, options) {
            true => api.all_members(&selected.image.id).map_err(|err| {
                err.prefixed(&format!("the members of image {}", selected.image.id))
            }),
            false => Ok(Vec::new()),
        },
        |selected, members| {
            progress.add(1);
            let members = members?;
            if let Some(seen) = seen.as_mut() {
                seen(&selected.image, &members);
            }
            planner.image(selected, &members);
            Ok(())
        },
    )?;
    Ok(planner.finish())
}

/// The members of each selected image whose members are read ([`reads_members`]), for
/// an export, read as `work` says.
pub(super) fn members_of(
    api: &ImageApi,
    selection: &Selection,
    options: PlanOptions,
    work: &Work<'_>,
) -> Result<BTreeMap<String, Vec<Member>>, Error> {
    let wanted: Vec<&str> = selection
        .images
        .iter()
        .filter(|selected| reads_members(&selected.image, options))
        .map(|selected| selected.image.id.as_str())
        .collect();
    let progress = (work.progress)(wanted.len());
    let listed = collect_in_order(&wanted, work.jobs, |id| {
        let members = api.all_members(id);
        progress.add(1);
        members
    });
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
