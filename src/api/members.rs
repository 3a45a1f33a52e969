//! Member requests: show one member, list every member of an image (page after page).

use std::collections::HashSet;

use super::service::ImageApi;
use crate::error::Error;
use crate::model::{Member, read_page};

impl ImageApi<'_> {
    /// One member of an image.
    pub(crate) fn show_member(&self, image_id: &str, member_id: &str) -> Result<Member, Error> {
        let url = self.route.member_url(self.endpoint, image_id, member_id);
        self.auth.get_json(&url, &[])
    }

    /// Every member of an image: `on_member` gets each one as soon as it is parsed.
    /// Pages follow `page_info.next_marker` (sent back verbatim as `marker`, with `limit`
    /// when given) until it is absent or empty or a page is empty; a marker seen before
    /// is an error rather than a loop.
    pub(crate) fn list_members(
        &self,
        image_id: &str,
        limit: Option<u16>,
        on_member: &mut dyn FnMut(Member) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let url = self.route.members_url(self.endpoint, image_id);
        let mut seen = HashSet::new();
        let mut marker: Option<String> = None;
        loop {
            let mut query = Vec::new();
            if let Some(limit) = limit {
                query.push(("limit".to_string(), limit.to_string()));
            }
            if let Some(marker) = &marker {
                query.push(("marker".to_string(), marker.clone()));
            }
            let page = self
                .auth
                .get_with(&url, &query, &mut |bytes| read_page(bytes, on_member))?;
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
    }
}
