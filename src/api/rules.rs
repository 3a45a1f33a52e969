//! The sharing rules of an image service: Glance's (since Ocata, API 2.5: members only on
//! `shared` images, `visibility` changed by a JSON patch) or Huawei's (Huawei Cloud and
//! Open Telekom Cloud IMS, Glance before Ocata: members on private images, `visibility`
//! never changed). A fact learned from the service's own answers and handed up as data:
//! its version document (`GET` of the service root, "Querying API Versions (Native
//! OpenStack API)": v2.0, v2.1, v2.2 CURRENT and nothing from 2.5 on), or a private image's
//! member list refused with 403 "Only shared images have members" (Glance). What is
//! learned is remembered per endpoint ([`super::memory`]).

use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer, SeqAccess, Visitor};

use super::memory::SharingRules;
use super::service::{ImageApi, Route};
use crate::cli::RulesSetting;
use crate::error::{Error, ErrorKind, warn};

/// The words of Glance's refusal to list or take the members of a private image.
const GLANCE_REFUSAL: &str = "Only shared images have members";

/// A version document (`{"versions": [{"id": "v2.2", "status": "CURRENT", …}, …]}`), read
/// for the one thing it tells: the highest v2 minor version it lists. Its entries are read
/// one at a time and dropped, so a document of any size (up to the answer cap, a gzip bomb
/// included) costs no memory.
#[derive(Debug, Deserialize)]
struct VersionDocument {
    /// The highest `v2.N` of `versions`: `None` when it lists none.
    #[serde(default, rename = "versions")]
    max_v2_minor: MaxV2Minor,
}

/// The highest `N` of the `v2.N` IDs of a list of versions, found as the list streams in.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct MaxV2Minor(Option<u32>);

impl<'de> Deserialize<'de> for MaxV2Minor {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(MaxV2Minor(None))
    }
}

impl<'de> Visitor<'de> for MaxV2Minor {
    type Value = MaxV2Minor;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("a list of versions")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut versions: A) -> Result<MaxV2Minor, A::Error> {
        let mut max = self.0;
        while let Some(version) = versions.next_element::<Version>()? {
            let minor = version
                .id
                .as_deref()
                .and_then(|id| id.strip_prefix("v2.")?.parse().ok());
            max = max.max(minor);
        }
        Ok(MaxV2Minor(max))
    }
}

/// One version of a version document; only its ID is read.
#[derive(Debug, Deserialize)]
struct Version {
    /// `v2.17` and the like; absent or `null` for none.
    #[serde(default)]
    id: Option<String>,
}

/// The rules a version document shows: Glance's when it lists a v2 minor version of 5
/// or more (Ocata's 2.5 brought `shared`), Huawei's when it lists v2 versions, all
/// below 2.5; `None` when it lists no v2 version.
fn of_versions(document: &VersionDocument) -> Option<SharingRules> {
    match document.max_v2_minor.0 {
        Some(max) if max >= 5 => Some(SharingRules::Glance),
        Some(_) => Some(SharingRules::Huawei),
        None => None,
    }
}

impl ImageApi<'_> {
    /// The rules known without a request: Huawei's on the v1 route (the IMS API exists
    /// only there), else the stated ones, else those remembered for this endpoint.
    pub(super) fn known_rules(&self) -> Option<SharingRules> {
        match (self.route, self.rules.stated) {
            (Route::V1 { .. }, _) => Some(SharingRules::Huawei),
            (Route::V2, RulesSetting::Glance) => Some(SharingRules::Glance),
            (Route::V2, RulesSetting::Huawei) => Some(SharingRules::Huawei),
            (Route::V2, RulesSetting::Auto) => self.rules.recall(self.endpoint),
        }
    }

    /// The rules to work under, found once per run: the [known](Self::known_rules) ones,
    /// else those the version document shows (one `GET` of the service root, remembered).
    /// No document (404) or no answer leaves Glance's rules, not remembered; so does a
    /// refusal or a document that cannot be read or shows no v2 version, with a warning.
    pub(crate) fn sharing_rules(&self) -> SharingRules {
        *self.rules.resolved.get_or_init(|| self.find_rules())
    }

    /// The rules, found as [`Self::sharing_rules`] says.
    fn find_rules(&self) -> SharingRules {
        if let Some(rules) = self.known_rules() {
            return rules;
        }
        let url = format!("{}/", self.endpoint.root());
        let learned = match self.auth.get_versions::<VersionDocument>(&url) {
            Ok(document) => {
                of_versions(&document).ok_or_else(|| format!("GET {url}: no v2 version listed"))
            }
            // A service without a version document has nothing to say; one that cannot be
            // reached fails the command's own request next, which says why.
            Err(err) if err.status() == Some(404) || err.kind() == ErrorKind::Network => {
                return SharingRules::Glance;
            }
            // Unreadable answers name the request already; HTTP statuses do not.
            Err(err) if err.to_string().starts_with("GET ") => Err(err.to_string()),
            Err(err) => Err(format!("GET {url}: {err}")),
        };
        match learned {
            Ok(rules) => {
                self.rules.remember(self.endpoint, rules);
                rules
            }
            Err(why) => {
                warn(&format!(
                    "cannot tell this service's sharing rules from its version document \
                     ({why}): Glance's are assumed; --sharing-rules glance|huawei states them"
                ));
                SharingRules::Glance
            }
        }
    }

    /// Learns from a refused member list: Glance's 403 "Only shared images have members"
    /// shows Glance's rules, remembered unless the settings state the rules.
    pub(super) fn learn_from(&self, err: &Error) {
        let glance = err.status() == Some(403) && err.to_string().contains(GLANCE_REFUSAL);
        if glance && self.rules.stated == RulesSetting::Auto && self.route == &Route::V2 {
            self.rules.remember(self.endpoint, SharingRules::Glance);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(json: &str) -> Option<SharingRules> {
        of_versions(&serde_json::from_str(json).unwrap())
    }

    #[test]
    fn the_version_document_tells_the_rules() {
        // Open Telekom Cloud's "Querying API Versions (Native OpenStack API)" example.
        let huawei = r#"{"versions": [{"status": "CURRENT", "id": "v2.2"},
            {"status": "SUPPORTED", "id": "v2.1"}, {"status": "SUPPORTED", "id": "v2.0"},
            {"status": "DEPRECATED", "id": "v1.1"}, {"status": "DEPRECATED", "id": "v1.0"}]}"#;
        assert_eq!(document(huawei), Some(SharingRules::Huawei));
        // Glance 33 (captured), unordered.
        let glance = r#"{"versions": [{"id": "v2.15"}, {"id": "v2.17", "status": "CURRENT"},
            {"id": "v2.5"}, {"id": "v2.0"}]}"#;
        assert_eq!(document(glance), Some(SharingRules::Glance));
        assert_eq!(
            document(r#"{"versions": [{"id": "v2.5"}]}"#),
            Some(SharingRules::Glance)
        );
        assert_eq!(
            document(r#"{"versions": [{"id": "v2.4"}]}"#),
            Some(SharingRules::Huawei)
        );
        for unknown in [
            r#"{"versions": []}"#,
            r#"{"versions": [{"id": "v1.0"}, {"id": "v3.6"}, {"id": null}, {}]}"#,
            r#"{"versions": [{"id": "v2.x"}, {"id": "v2"}]}"#,
            r#"{"version": {"id": "v2.17"}}"#,
        ] {
            assert_eq!(document(unknown), None, "{unknown}");
        }
    }
}
