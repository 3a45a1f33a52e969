//! The image service's endpoints: the URL of each (v2 and Huawei's v1 routes) and one
//! function per request, over the [`Authorizer`]'s authorised request path.

use std::collections::HashSet;

use crate::auth::Authorizer;
use crate::error::Error;
use crate::model::{Member, PageSummary, read_page};
use crate::url::{Endpoint, encode};

/// Which member API, with what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// `{endpoint}/v2/images/{image_id}/members`
    V2,
    /// `{endpoint}/v1/{project_id}/cloudimages/{image_id}/members`
    V1 {
        /// The project the images belong to.
        project_id: String,
    },
}

impl Route {
    /// The URL of an image's member list.
    pub fn members_url(&self, endpoint: &Endpoint, image_id: &str) -> String {
        match self {
            Route::V2 => format!("{}/images/{}/members", endpoint.v2_base(), encode(image_id)),
            Route::V1 { project_id } => format!(
                "{endpoint}/v1/{}/cloudimages/{}/members",
                encode(project_id),
                encode(image_id)
            ),
        }
    }

    /// The URL of one member of an image.
    pub fn member_url(&self, endpoint: &Endpoint, image_id: &str, member_id: &str) -> String {
        format!(
            "{}/{}",
            self.members_url(endpoint, image_id),
            encode(member_id)
        )
    }
}

/// The member endpoints of one image service.
pub struct ImageApi<'a> {
    auth: &'a Authorizer<'a>,
    endpoint: &'a Endpoint,
    route: &'a Route,
}

impl<'a> ImageApi<'a> {
    /// The API at `endpoint`, reached with `auth`.
    pub fn new(auth: &'a Authorizer<'a>, endpoint: &'a Endpoint, route: &'a Route) -> ImageApi<'a> {
        ImageApi {
            auth,
            endpoint,
            route,
        }
    }

    /// One member of an image.
    pub fn show_member(&self, image_id: &str, member_id: &str) -> Result<Member, Error> {
        let url = self.route.member_url(self.endpoint, image_id, member_id);
        self.auth.get_json(&url, &[])
    }

    /// Every member of an image: `on_member` gets each one as soon as it is parsed.
    /// Pages follow `page_info.next_marker` (sent back verbatim as `marker`, with `limit`
    /// when given); see [`follow_pages`] for when paging stops.
    pub fn list_members(
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
    }
}

/// Most pages read of one image's member list: a service that sends a new marker with
/// every page would otherwise be followed for ever.
pub(crate) const MAX_PAGES: usize = 10_000;

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
    use crate::url::check_id;

    fn urls_of(route: &Route, endpoint: &str, image: &str, member: &str) -> (String, String) {
        let endpoint = Endpoint::parse(endpoint).unwrap();
        (
            route.members_url(&endpoint, image),
            route.member_url(&endpoint, image, member),
        )
    }

    fn urls(endpoint: &str, image: &str, member: &str) -> (String, String) {
        urls_of(&Route::V2, endpoint, image, member)
    }

    #[test]
    fn v1_urls_carry_the_project() {
        let route = Route::V1 {
            project_id: "1bed856811654c1cb661a6ca845ebc77".into(),
        };
        assert_eq!(
            urls_of(
                &route,
                "https://ims.ap-southeast-1.myhuaweicloud.com/",
                "d164",
                "edc8"
            )
            .1,
            "https://ims.ap-southeast-1.myhuaweicloud.com/v1/1bed856811654c1cb661a6ca845ebc77/cloudimages/d164/members/edc8"
        );
    }

    #[test]
    fn joins_without_double_slashes() {
        for endpoint in ["http://h:9292", "http://h:9292/", "http://h:9292//"] {
            assert_eq!(
                urls(endpoint, "img", "mem"),
                (
                    "http://h:9292/v2/images/img/members".to_string(),
                    "http://h:9292/v2/images/img/members/mem".to_string()
                )
            );
        }
        assert_eq!(
            urls("https://h/image/", "i", "m").1,
            "https://h/image/v2/images/i/members/m"
        );
        assert_eq!(
            urls("https://h/v2/", "i", "m").1,
            "https://h/v2/images/i/members/m"
        );
    }

    #[test]
    fn ids_are_percent_encoded_segments() {
        let (_, url) = urls("http://h", "a b?c#d%e", "ü-._~");
        assert_eq!(
            url,
            "http://h/v2/images/a%20b%3Fc%23d%25e/members/%C3%BC-._~"
        );
    }

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

    proptest::proptest! {
        #[test]
        fn id_checks_never_panic_and_accepted_ids_stay_one_segment(id in "\\PC*") {
            if check_id("image ID", &id).is_ok() {
                let (members, member) = urls("http://h", &id, &id);
                proptest::prop_assert_eq!(members.matches('/').count(), 6);
                proptest::prop_assert_eq!(member.matches('/').count(), 7);
                proptest::prop_assert!(!encode(&id).contains(['/', '?', '#', ' ']));
            }
        }

        #[test]
        fn endpoint_parsing_never_panics(text in "\\PC*", prefix in proptest::prop_oneof![proptest::strategy::Just("http://"), proptest::strategy::Just("https://"), proptest::strategy::Just("")]) {
            if let Ok(endpoint) = Endpoint::parse(&format!("{prefix}{text}")) {
                proptest::prop_assert!(!endpoint.to_string().ends_with('/'));
                let _ = urls(&endpoint.to_string(), "i", "m");
            }
        }
    }
}
