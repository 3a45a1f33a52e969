//! What to do about the image service's sharing errors: one line of advice, shown on
//! stderr after the service's own code and message. Huawei's error codes map here, from an
//! error answer and from a failed job alike; Glance's member quota and its refusal to take
//! members have their own lines, since Glance gives them no code.

/// The advice for Huawei error `code`, if it is a sharing error `ims` knows.
pub(crate) fn for_code(code: &str) -> Option<&'static str> {
    Some(match code.trim() {
        "IMG.0088" => {
            "the image has as many members as it may have (128 or 256 per image, depending \
             on the region; 10 for a full-ECS image): remove members it no longer needs \
             (`ims member remove`) before adding more"
        }
        "IMG.0076" => {
            "an image is never shared with the project that owns it: leave this project out \
             of the members"
        }
        "IMG.0089" => {
            "a public image is seen by every project already and takes no members: share a \
             private copy of it instead"
        }
        "IMG.0098" => {
            "an encrypted image cannot be shared this way: share an unencrypted copy of it"
        }
        "IMG.0135" => {
            "this full-ECS image cannot be shared: only full-ECS images made from a CBR \
             backup can be"
        }
        "IMG.0184" | "IMG.0193" => {
            "accepting a full-ECS image made from a CBR backup needs a vault of this project \
             that holds full-server backups: name it with `ims member accept --vault-id ID` \
             (the CBR console lists the vaults)"
        }
        _ => return None,
    })
}

/// The advice for Glance's `413` on a member create.
pub(crate) const MEMBER_QUOTA: &str = "the image has as many members as this Glance allows \
     (`image_member_quota` in glance-api.conf, 128 by default): remove members it no longer \
     needs (`ims member remove`) or ask the operator to raise the quota";

/// The advice for a bare `403` on a member create to an image of `visibility` that this
/// project owns. Where members need a `shared` image (Glance's rules): a private image is
/// to be made shared. Where private images take members (Huawei's rules) the refusal of a
/// private or shared image has another cause, and sharing is never about `shared`: `None`.
/// A public or community image is seen by everyone either way; any other visibility is
/// `None`.
pub(crate) fn not_shared(image: &str, visibility: &str, needs_shared: bool) -> Option<String> {
    match (visibility, needs_shared) {
        ("private", true) => Some(format!(
            "image {image} is private, and Glance takes members only on images whose \
             visibility is `shared`: make it shared (`ims share apply` does so, or \
             `openstack image set --shared {image}`), then add the members"
        )),
        ("public" | "community", true) => Some(format!(
            "image {image} is {visibility}, so every project sees it already; members are \
             only for images whose visibility is `shared`"
        )),
        ("public" | "community", false) => Some(format!(
            "image {image} is {visibility}, so every project sees it already; members are \
             only for private images"
        )),
        _ => None,
    }
}

/// The advice for Glance's `403` on a member create to an image `owner` owns.
pub(crate) fn foreign(image: &str, owner: &str) -> String {
    format!("image {image} belongs to project {owner}: only its owner can share it")
}

/// The advice lines of `codes` (Huawei error codes), each once, in order: one line.
pub(crate) fn for_codes<'a>(codes: impl IntoIterator<Item = &'a str>) -> Option<String> {
    let mut lines: Vec<&str> = Vec::new();
    for advice in codes.into_iter().filter_map(for_code) {
        if !lines.contains(&advice) {
            lines.push(advice);
        }
    }
    (!lines.is_empty()).then(|| lines.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_advice_once() {
        for code in [
            "IMG.0088", "IMG.0076", "IMG.0089", "IMG.0098", "IMG.0135", "IMG.0184", "IMG.0193",
        ] {
            assert!(for_code(code).is_some(), "{code}");
        }
        assert_eq!(for_code("IMG.0001"), None);
        assert_eq!(for_code("APIGW.0301"), None);
        assert_eq!(
            for_codes(["IMG.0184", "IMG.0193"]),
            for_code("IMG.0184").map(str::to_string)
        );
        assert_eq!(for_codes(["IMG.0001"]), None);
        assert_eq!(not_shared("i", "shared", true), None);
        assert_eq!(not_shared("i", "frozen", true), None);
        assert!(not_shared("i", "public", true).is_some());
        assert!(
            not_shared("i", "private", true)
                .unwrap()
                .contains("--shared i")
        );
        // Under Huawei's rules nothing is ever to be made shared.
        for visibility in ["private", "shared", "frozen"] {
            assert_eq!(not_shared("i", visibility, false), None, "{visibility}");
        }
        let public = not_shared("i", "public", false).unwrap();
        assert!(!public.contains("shared`"), "{public}");
    }
}
