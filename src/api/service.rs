//! The image service as `ims` reaches it: the endpoint, the route (Glance v2, or
//! Huawei's v1 member API with its project), and the authorised request path.

use super::memory::RulesMemory;
use crate::auth::Authorizer;
use crate::url::{Endpoint, encode};

/// Most pages read of one list before stopping: a service that sends a new marker on
/// every page must not keep `ims` running for ever.
pub(crate) const MAX_PAGES: usize = 10_000;

/// Which member API, with what it needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Route {
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
    pub(crate) fn members_url(&self, endpoint: &Endpoint, image_id: &str) -> String {
        match self {
            Route::V2 => format!("{}/images/{}/members", endpoint.v2_base(), encode(image_id)),
            Route::V1 { project_id } => format!(
                "{}/v1/{}/cloudimages/{}/members",
                endpoint.root(),
                encode(project_id),
                encode(image_id)
            ),
        }
    }

    /// The URL of one member of an image.
    pub(crate) fn member_url(
        &self,
        endpoint: &Endpoint,
        image_id: &str,
        member_id: &str,
    ) -> String {
        format!(
            "{}/{}",
            self.members_url(endpoint, image_id),
            encode(member_id)
        )
    }
}

/// The member endpoints of one image service.
pub(crate) struct ImageApi<'a> {
    pub(crate) auth: &'a Authorizer<'a>,
    pub(crate) endpoint: &'a Endpoint,
    pub(crate) route: &'a Route,
    /// The stated sharing rules, and where learned ones are remembered.
    pub(crate) rules: &'a RulesMemory,
}

impl<'a> ImageApi<'a> {
    /// The API at `endpoint`, reached with `auth`, its rules stated or remembered in
    /// `rules`.
    pub(crate) fn new(
        auth: &'a Authorizer<'a>,
        endpoint: &'a Endpoint,
        route: &'a Route,
        rules: &'a RulesMemory,
    ) -> ImageApi<'a> {
        ImageApi {
            auth,
            endpoint,
            route,
            rules,
        }
    }
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
    fn v1_routes_hang_off_the_service_root() {
        let route = Route::V1 {
            project_id: "p1".into(),
        };
        assert_eq!(
            urls_of(&route, "https://h/prefix/v2/", "i", "m").1,
            "https://h/prefix/v1/p1/cloudimages/i/members/m"
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
