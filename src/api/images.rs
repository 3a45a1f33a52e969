//! Image lists: this project's shared (or all its own) images and the images shared with
//! it, every page.
//! v2 (Glance, Open Telekom Cloud, Huawei's native API): `GET {v2}/images`, following the
//! answer's `next` link; v1 (Huawei): `GET {endpoint}/v2/cloudimages?__imagetype=shared`,
//! whose answers carry no link and may hold fewer images than asked for (the service caps
//! the page at a size of its own): asked again with `marker` = the last ID until a page
//! comes back empty.

use std::collections::HashSet;

use super::memory::SharingRules;
use super::service::{ImageApi, MAX_PAGES, Route};
use crate::error::Error;
use crate::model::image::{ImagePage, Listed};
use crate::url::split_query;

/// Which images to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageFilter<'a> {
    /// Images `project` owns and shares: under Glance's rules those whose visibility is
    /// `shared`, under Huawei's those `__imagetype=shared` finds.
    SharedBy(&'a str, SharingRules),
    /// Every image `project` owns, whatever its visibility; with a tag, only those that
    /// carry it.
    Owned {
        /// This project.
        project: &'a str,
        /// Only images with this tag.
        tag: Option<&'a str>,
    },
    /// Images other projects share with `project`, where its membership has `status`.
    SharedWith {
        /// This project.
        project: &'a str,
        /// `accepted`, `pending` or `rejected`.
        status: &'a str,
    },
}

impl Route {
    /// The URL of the image list.
    fn images_url(&self, api: &ImageApi) -> String {
        match self {
            Route::V2 => format!("{}/images", api.endpoint.v2_base()),
            Route::V1 { .. } => format!("{}/v2/cloudimages", api.endpoint.root()),
        }
    }

    /// Whether an answer without a `next` link may still have more pages: always on
    /// Huawei's `cloudimages` (its page is capped below the asked size, unannounced); on
    /// Glance only when the page is full, since Glance links the next page whenever its
    /// page (capped at its own `api_limit_max`) is full.
    fn may_continue(&self, count: usize, limit: u16) -> bool {
        match self {
            Route::V2 => count >= usize::from(limit),
            Route::V1 { .. } => count > 0,
        }
    }

    /// The page size asked for when none is given: Glance's and Huawei's maximum.
    fn default_image_limit(&self) -> u16 {
        match self {
            Route::V2 => 1000,
            Route::V1 { .. } => 500,
        }
    }

    /// The query of the first page for `filter`.
    fn image_query(&self, filter: ImageFilter, limit: u16) -> Vec<(String, String)> {
        let mut query = Vec::new();
        // Under Huawei's rules `visibility=shared` means "shared with me": the images an
        // owner shares out are `__imagetype=shared` (both list pages document it).
        let v1 = matches!(self, Route::V1 { .. });
        let image_type = match filter {
            ImageFilter::SharedBy(_, rules) => v1 || rules == SharingRules::Huawei,
            ImageFilter::SharedWith { .. } => v1,
            ImageFilter::Owned { .. } => false,
        };
        if image_type {
            query.push(("__imagetype", "shared".to_string()));
        }
        match filter {
            ImageFilter::SharedBy(project, _) => {
                if !image_type {
                    query.push(("visibility", "shared".to_string()));
                }
                query.push(("owner", project.to_string()));
            }
            ImageFilter::Owned { project, tag } => {
                query.push(("owner", project.to_string()));
                query.extend(tag.map(|tag| ("tag", tag.to_string())));
            }
            ImageFilter::SharedWith { status, .. } => {
                query.push(("visibility", "shared".to_string()));
                query.push(("member_status", status.to_string()));
            }
        }
        query.push(("limit", limit.to_string()));
        query
            .into_iter()
            .map(|(key, value)| (key.to_string(), value))
            .collect()
    }
}

impl ImageApi<'_> {
    /// Every image `filter` selects, page after page, each handed to `on_image` in the
    /// order listed. Images the filter excludes are dropped even when the service sends
    /// them (another project's image in `SharedBy`, one of this project's in
    /// `SharedWith`); `Owned` hands on every image listed, for the caller to check. A
    /// marker or `next` link seen before, or more than [`MAX_PAGES`] pages, stops with
    /// exit 8 rather than loop.
    pub(crate) fn list_images<R: Listed>(
        &self,
        filter: ImageFilter,
        limit: Option<u16>,
        on_image: &mut dyn FnMut(R) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let limit = limit.unwrap_or_else(|| self.route.default_image_limit());
        let first_url = self.route.images_url(self);
        let (mut url, mut query) = (first_url.clone(), self.route.image_query(filter, limit));
        let mut seen = HashSet::new();
        for page_number in 1.. {
            if page_number > MAX_PAGES {
                return Err(Error::bad_answer(format!(
                    "GET {first_url}: more than {MAX_PAGES} pages of images; stopped rather \
                     than loop"
                )));
            }
            let page: ImagePage<R> = self.auth.get_json(&url, &query)?;
            let more = self.route.may_continue(page.images.len(), limit);
            let last_id = page.images.last().map(|image| image.id().to_string());
            for image in page.images {
                if keep(filter, &image) {
                    on_image(image)?;
                }
            }
            (url, query) = match (page.next, last_id) {
                (Some(link), _) => split_query(&self.endpoint.join_link(&link).map_err(|why| {
                    Error::bad_answer(format!("GET {url}: the `next` link `{link}` {why}"))
                })?),
                (None, Some(last_id)) if more => {
                    query.retain(|(key, _)| key != "marker");
                    query.push(("marker".to_string(), last_id));
                    (url, query)
                }
                _ => return Ok(()),
            };
            let marker = query
                .iter()
                .find(|(key, _)| key == "marker")
                .map_or_else(|| format!("{url}?{query:?}"), |(_, value)| value.clone());
            if !seen.insert(marker.clone()) {
                return Err(Error::bad_answer(format!(
                    "GET {first_url}: the service sent page marker `{marker}` twice; stopped \
                     rather than loop"
                )));
            }
        }
        Ok(())
    }
}

/// Whether `image` belongs in the list `filter` asks for. `Owned` keeps every image: the
/// shares file's selection checks each record's owner and tags itself, and warns of those
/// it drops.
fn keep(filter: ImageFilter, image: &impl Listed) -> bool {
    match filter {
        ImageFilter::SharedBy(project, _) => image.owner() == Some(project),
        ImageFilter::Owned { .. } => true,
        ImageFilter::SharedWith { project, .. } => image.owner() != Some(project),
    }
}
