//! Reading the cloud for a shares file: this project's images (all, or by tag), the
//! images given by ID, and the members of each selected image, `--jobs` at a time.

use std::collections::{BTreeMap, BTreeSet};

use crate::api::{ImageApi, ImageFilter};
use crate::console::Progress;
use crate::error::{Error, ErrorKind};
use crate::model::Member;
use crate::share::file::SharesFile;
use crate::share::plan::{
    Catalog, ImageFacts, Plan, PlanOptions, Planner, Selection, reads_members, select,
};
use crate::work::fan_out::{collect_in_order, in_order};

/// Reads what the plan compares (the images the file selects, then their members,
/// `jobs` at a time, on the `progress` line made for their number) and plans.
pub(super) fn observe(
    api: &ImageApi,
    project: &str,
    file: &SharesFile,
    options: PlanOptions,
    jobs: u16,
    progress: &dyn Fn(usize) -> Progress,
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
    let progress = progress(selection.images.len());
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
            progress.add(1);
            planner.image(selected, &members?);
            Ok(())
        },
    )?;
    Ok(planner.finish())
}

/// The members of each selected image whose members are read ([`reads_members`]), for
/// an export, on the `progress` line made for their number.
pub(super) fn members_of(
    api: &ImageApi,
    selection: &Selection,
    options: PlanOptions,
    jobs: u16,
    progress: &dyn Fn(usize) -> Progress,
) -> Result<BTreeMap<String, Vec<Member>>, Error> {
    let wanted: Vec<&str> = selection
        .images
        .iter()
        .filter(|selected| reads_members(&selected.image, options))
        .map(|selected| selected.image.id.as_str())
        .collect();
    let progress = progress(wanted.len());
    let listed = collect_in_order(&wanted, jobs, |id| {
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
