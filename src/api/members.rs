//! Member requests: show one member, list every member of an image (page after page).

use std::collections::HashSet;

use super::service::{ImageApi, MAX_PAGES};
use crate::error::Error;
use crate::model::{Member, PageSummary, read_page};

impl ImageApi<'_> {
    /// Whether `image_id`'s member list can be read: one GET, its answer not parsed
    /// beyond being JSON. A missing image is its 404 (exit 5).
    pub(crate) fn check_members_visible(&self, image_id: &str) -> Result<(), Error> {
        let url = self.route.members_url(self.endpoint, image_id);
        self.auth
            .get_json::<serde::de::IgnoredAny>(&url, &[])
            .map(|_| ())
    }

    /// One member of an image.
    pub(crate) fn show_member(&self, image_id: &str, member_id: &str) -> Result<Member, Error> {
        let url = self.route.member_url(self.endpoint, image_id, member_id);
        self.auth.get_json(&url, &[])
    }

    /// Every member of an image: `on_member` gets each one as soon as it is parsed.
    /// Pages follow `page_info.next_marker` (sent back verbatim as `marker`, with `limit`
    /// when given); see [`follow_pages`] for when paging stops.
    pub(crate) fn list_members(
        &self,
        image_id: &str,
        limit: Option<u16>,
        on_member: &mut dyn FnMut(Member) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let url = self.route.members_url(self.endpoint, image_id);
        follow_pages(&url, MAX_PAGES, &mut |marker| {
            let mut query = Vec::new();
            if let Some(limit) = limit {
                query.push(("limit".to_string(), limit.to_string()));
            }
            if let Some(marker) = marker {
                query.push(("marker".to_string(), marker.to_string()));
            }
            self.auth
                .get_with(&url, &query, &mut |body| read_page(body, on_member))
        })
        .inspect_err(|err| self.learn_from(err))
    }
}

impl ImageApi<'_> {
    /// Every member of an image, held: for the few members of one image a plan compares
    /// or a batch job reads back.
    pub(crate) fn all_members(&self, image_id: &str) -> Result<Vec<Member>, Error> {
        let mut members = Vec::new();
        self.list_members(image_id, None, &mut |member| {
            members.push(member);
            Ok(())
        })?;
        Ok(members)
    }
}

/// Reads pages of `url` with `fetch` (given the marker of the page, `None` for the first)
/// until a page has no next marker or no members. A marker seen before, or a next page
/// after `max_pages` of them, is an error rather than a loop.
fn follow_pages(
    url: &str,
    max_pages: usize,
    fetch: &mut dyn FnMut(Option<&str>) -> Result<PageSummary, Error>,
) -> Result<(), Error> {
    let mut seen = HashSet::new();
    let mut marker: Option<String> = None;
    for _ in 0..max_pages {
        let page = fetch(marker.as_deref())?;
        match page.next_marker {
            Some(next) if page.count > 0 => {
                if !seen.insert(next.clone()) {
                    return Err(Error::bad_answer(format!(
                        "GET {url}: the service sent page marker `{next}` twice; stopped \
                         rather than loop"
                    )));
                }
                marker = Some(next);
            }
            _ => return Ok(()),
        }
    }
    Err(Error::bad_answer(format!(
        "GET {url}: the service still sent a next page after {max_pages} pages; stopped \
         rather than page for ever"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Pages whose next marker is `next(page number)`, each with one member.
    fn paging(
        max_pages: usize,
        next: impl Fn(usize) -> Option<String>,
    ) -> (Result<(), Error>, Vec<Option<String>>) {
        let mut asked = Vec::new();
        let result = follow_pages("http://h/m", max_pages, &mut |marker| {
            asked.push(marker.map(str::to_string));
            Ok(PageSummary {
                count: 1,
                next_marker: next(asked.len()),
            })
        });
        (result, asked)
    }

    #[test]
    fn paging_stops_at_the_last_page() {
        let (result, asked) = paging(5, |page| (page < 3).then(|| format!("m{page}")));
        assert!(result.is_ok());
        assert_eq!(asked, [None, Some("m1".into()), Some("m2".into())]);
    }

    #[test]
    fn endless_paging_is_bounded() {
        let (result, asked) = paging(4, |page| Some(format!("m{page}")));
        let err = result.unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::BadAnswer);
        assert_eq!(
            err.to_string(),
            "GET http://h/m: the service still sent a next page after 4 pages; stopped rather \
             than page for ever"
        );
        assert_eq!(asked.len(), 4);
        // Exactly the bound is fine.
        let (result, asked) = paging(4, |page| (page < 4).then(|| format!("m{page}")));
        assert!(result.is_ok());
        assert_eq!(asked.len(), 4);
        assert_eq!(MAX_PAGES, 10_000);
    }
}
