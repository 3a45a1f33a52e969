//! Today's sharing written as a shares file: one `[[share]]` per distinct set of members
//! (and member type), images by ID with each image's name as a comment. Pure: the caller
//! reads the images and their members.

use std::collections::BTreeSet;

use super::plan::{ImageFacts, identity};
use crate::cli::MemberType;
use crate::error::Error;
use crate::model::Member;
use crate::text::{is_plain_id, printable};
use crate::url::id_problem;

/// The members of one `[[share]]`: what they are, and their IDs.
type MemberSet = (MemberType, BTreeSet<String>);

/// The shares file that asks for exactly today's sharing of `images` (each with its
/// members, as listed).
pub(crate) fn export(images: &[(ImageFacts, Vec<Member>)]) -> String {
    // Groups in the order first seen; each image once per group.
    let mut groups: Vec<(MemberSet, Vec<&ImageFacts>)> = Vec::new();
    for (image, members) in images {
        let mut by_type: Vec<MemberSet> = Vec::new();
        for member in members {
            let (id, member_type) = identity(member);
            match by_type.iter_mut().find(|(t, _)| *t == member_type) {
                Some((_, set)) => {
                    set.insert(id.to_string());
                }
                None => by_type.push((member_type, BTreeSet::from([id.to_string()]))),
            }
        }
        if by_type.is_empty() {
            by_type.push((MemberType::Project, BTreeSet::new()));
        }
        for key in by_type {
            match groups.iter_mut().find(|(have, _)| *have == key) {
                Some((_, group)) => group.push(image),
                None => groups.push((key, vec![image])),
            }
        }
    }
    let mut text = String::from(
        "# Today's sharing, as written by `ims share export`: which of this project's images\n\
         # each project sees. `ims share check -f FILE` exits 0 while the cloud matches it.\n",
    );
    for ((member_type, members), group) in groups {
        text.push_str("\n[[share]]\nimages = [\n");
        for image in group {
            text.push_str(&format!("    {},", quoted(&image.id)));
            if !image.name.is_empty() {
                // A name is someone's text: escaped, it cannot end the comment's line.
                text.push_str(&format!(" # {}", printable(&image.name)));
            }
            text.push('\n');
        }
        text.push_str("]\n");
        let members: Vec<String> = members.iter().map(|m| quoted(m)).collect();
        text.push_str(&format!("members = [{}]\n", members.join(", ")));
        match member_type {
            MemberType::Project => {}
            MemberType::Domain => text.push_str("member_type = \"domain\"\n"),
            MemberType::Organization => text.push_str("member_type = \"organization\"\n"),
        }
    }
    text
}

/// Refuses (exit 8, naming it) an image or member ID that the export would write but its
/// own parser, or a change, would not take back as that ID: empty, `.`, `..`, holding `/`
/// (an organization's URN may), whitespace, or a control, line-separator or bidi character.
pub(crate) fn check_exportable(images: &[(ImageFacts, Vec<Member>)]) -> Result<(), Error> {
    for (image, members) in images {
        let listed = members.iter().map(|member| match identity(member) {
            (id, MemberType::Organization) => ("organization", id),
            (id, _) => ("member ID", id),
        });
        for (what, id) in std::iter::once(("image ID", image.id.as_str())).chain(listed) {
            let why = match what {
                "organization" => None,
                _ => id_problem(id),
            }
            .or_else(|| {
                (!is_plain_id(id))
                    .then_some("holds whitespace or a control, line-separator or bidi character")
            });
            if let Some(why) = why {
                return Err(Error::bad_answer(format!(
                    "image {}: the service sent {what} `{}`, which {why}: a shares file cannot \
                     name it so that it reads back as that ID; nothing was exported",
                    printable(&image.id),
                    printable(id)
                )));
            }
        }
    }
    Ok(())
}

/// `text` as a TOML string.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::share::file::parse;
    use crate::share::plan::{Catalog, PlanOptions, plan, select};

    fn image(id: &str, name: &str) -> ImageFacts {
        ImageFacts {
            id: id.into(),
            name: name.into(),
            owner: Some("me".into()),
            visibility: Some("shared".into()),
            tags: Vec::new(),
            created_at: None,
        }
    }

    fn members(list: &[(&str, &str)]) -> Vec<Member> {
        list.iter()
            .map(|(id, status)| {
                serde_json::from_value(serde_json::json!({"member_id": id, "status": status}))
                    .unwrap()
            })
            .collect()
    }

    fn sharing() -> Vec<(ImageFacts, Vec<Member>)> {
        vec![
            (
                image("i1", "golden\n[[share]]\u{1b}[2J"),
                members(&[("b", "accepted"), ("a", "pending")]),
            ),
            (image("i2", ""), vec![]),
            (
                image("i3", "three"),
                members(&[("a", "accepted"), ("b", "rejected")]),
            ),
            (image("i4", "four"), members(&[("c", "accepted")])),
        ]
    }

    #[test]
    fn one_share_per_member_set_with_names_as_escaped_comments() {
        assert_eq!(
            export(&sharing()),
            "# Today's sharing, as written by `ims share export`: which of this project's images\n\
             # each project sees. `ims share check -f FILE` exits 0 while the cloud matches it.\n\
             \n\
             [[share]]\n\
             images = [\n    \"i1\", # golden\\n[[share]]\\u{1b}[2J\n    \"i3\", # three\n]\n\
             members = [\"a\", \"b\"]\n\
             \n\
             [[share]]\n\
             images = [\n    \"i2\",\n]\n\
             members = []\n\
             \n\
             [[share]]\n\
             images = [\n    \"i4\", # four\n]\n\
             members = [\"c\"]\n"
        );
    }

    #[test]
    fn v1_member_types_get_their_own_share() {
        let listed: Vec<Member> = serde_json::from_value(serde_json::json!([
            {"member_id": "p1", "status": "accepted"},
            {"member_id": "d1", "member_type": "domain", "status": "accepted"},
            {"member_id": "o-1", "urn": "urn:o/ou", "member_type": "organization"},
        ]))
        .unwrap();
        let text = export(&[(image("h1", "h"), listed)]);
        let file = parse("x", &text).unwrap();
        let shape: Vec<(Vec<String>, MemberType)> = file
            .shares
            .iter()
            .map(|s| (s.members.clone(), s.member_type))
            .collect();
        assert_eq!(
            shape,
            [
                (vec!["p1".to_string()], MemberType::Project),
                (vec!["d1".to_string()], MemberType::Domain),
                (vec!["urn:o/ou".to_string()], MemberType::Organization),
            ]
        );
    }

    #[test]
    fn an_export_plans_no_action_against_the_cloud_it_came_from() {
        let sharing = sharing();
        let text = export(&sharing);
        let file = parse("export.toml", &text).unwrap();
        let catalog = Catalog {
            project: "me".into(),
            by_id: sharing
                .iter()
                .map(|(image, _)| (image.id.clone(), image.clone()))
                .collect(),
            ..Catalog::default()
        };
        let observed: BTreeMap<String, Vec<Member>> = sharing
            .iter()
            .map(|(image, members)| (image.id.clone(), members.clone()))
            .collect();
        let selection = select(&file, &catalog).unwrap();
        assert_eq!(selection.images.len(), 4);
        for prune in [false, true] {
            let options = PlanOptions {
                prune,
                needs_shared: true,
            };
            let plan = plan(&file, &selection, &observed, options);
            assert_eq!(plan.actions, [], "prune {prune}");
            assert_eq!(plan.in_sync, 5);
        }
    }

    #[test]
    fn ids_that_would_not_read_back_are_refused_naming_them() {
        assert!(check_exportable(&sharing()).is_ok());
        for (id, shown, why) in [
            ("", "", "is empty"),
            ("..", "..", "cannot be `.` or `..`"),
            ("a/b", "a/b", "cannot contain `/`"),
            (
                "p\u{202e}x",
                "p\\u{202e}x",
                "holds whitespace or a control, line-separator or bidi character",
            ),
            (
                "p\nx",
                "p\\nx",
                "holds whitespace or a control, line-separator or bidi character",
            ),
        ] {
            let err = check_exportable(&[(image("i1", "one"), members(&[(id, "accepted")]))])
                .unwrap_err();
            assert_eq!(err.kind(), crate::error::ErrorKind::BadAnswer, "{id:?}");
            assert_eq!(
                err.to_string(),
                format!(
                    "image i1: the service sent member ID `{shown}`, which {why}: a shares file \
                     cannot name it so that it reads back as that ID; nothing was exported"
                )
            );
        }
        let err = check_exportable(&[(image("i\u{7}", "bell"), vec![])]).unwrap_err();
        assert!(
            err.to_string()
                .starts_with("image i\\u{7}: the service sent image ID `i\\u{7}`"),
            "{err}"
        );
    }

    proptest::proptest! {
        #[test]
        fn any_name_stays_in_its_comment(name in "\\PC*|[\\x00-\\x1f\\x7f\u{2028}\u{202e}\"#\\]\\[]*") {
            let text = export(&[(image("i1", &name), members(&[("a", "accepted")]))]);
            let file = parse("x", &text).unwrap();
            proptest::prop_assert_eq!(&file.shares[0].images, &vec!["i1".to_string()]);
            proptest::prop_assert_eq!(&file.shares[0].members, &vec!["a".to_string()]);
        }
    }
}
