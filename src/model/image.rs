//! Image records as the service sends them, kept whole and in the order sent, and the
//! pages of an image list (Glance's `next` link; Huawei's `cloudimages` has none).

use serde::Deserialize;
use serde::de::DeserializeSeed;
use serde_json::{Map, Value};

use super::Strict;

/// One image, every field as sent (order kept). Only `id` is required, as a string.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Image(Map<String, Value>);

impl Image {
    /// The image's ID.
    pub(crate) fn id(&self) -> &str {
        self.0.get("id").and_then(Value::as_str).unwrap_or_default()
    }

    /// The field `key` as sent, if present.
    pub(crate) fn field(&self, key: &str) -> Option<&Value> {
        self.0.get(key)
    }

    /// The owner's project ID when the service gave it as a string.
    pub(crate) fn owner(&self) -> Option<&str> {
        self.0.get("owner").and_then(Value::as_str)
    }

    /// Adds (or replaces) one field, e.g. this project's `member_status`.
    pub(crate) fn set(&mut self, key: &str, value: Value) {
        self.0.insert(key.to_string(), value);
    }

    /// The whole record, for JSON output.
    pub(crate) fn fields(&self) -> &Map<String, Value> {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Image {
    /// Every field kept; a key twice in any object is refused, as for members.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Image, D::Error> {
        let Value::Object(fields) = Strict.deserialize(deserializer)? else {
            return Err(serde::de::Error::custom("an image is not an object"));
        };
        match fields.get("id") {
            Some(Value::String(_)) => Ok(Image(fields)),
            Some(_) => Err(serde::de::Error::custom("an image `id` is not a string")),
            None => Err(serde::de::Error::missing_field("id")),
        }
    }
}

/// What an image list needs of each image: its ID and owner.
pub(crate) trait Listed: serde::de::DeserializeOwned {
    /// The image's ID.
    fn id(&self) -> &str;
    /// The owner's project ID, when given as a string.
    fn owner(&self) -> Option<&str>;
}

impl Listed for Image {
    fn id(&self) -> &str {
        Image::id(self)
    }

    fn owner(&self) -> Option<&str> {
        Image::owner(self)
    }
}

/// Just an image's ID and owner: what `member list --all` needs, a fraction of the
/// memory of a whole record (a page holds up to 1,000 images). Each record is still read
/// strictly, one at a time, then dropped.
#[derive(Debug)]
pub(crate) struct ImageRef {
    /// The image's ID.
    pub(crate) id: String,
    /// The owner, as sent.
    owner: Option<Value>,
}

impl<'de> Deserialize<'de> for ImageRef {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<ImageRef, D::Error> {
        let Image(mut fields) = Image::deserialize(deserializer)?;
        let id = match fields.remove("id") {
            Some(Value::String(id)) => id,
            _ => return Err(serde::de::Error::missing_field("id")),
        };
        Ok(ImageRef {
            id,
            owner: fields.remove("owner"),
        })
    }
}

impl Listed for ImageRef {
    fn id(&self) -> &str {
        &self.id
    }

    fn owner(&self) -> Option<&str> {
        self.owner.as_ref().and_then(Value::as_str)
    }
}

/// One page of an image list.
#[derive(Debug, Deserialize)]
#[serde(bound = "R: Listed")]
pub(crate) struct ImagePage<R> {
    /// The images of this page.
    pub(crate) images: Vec<R>,
    /// Glance: the next page, relative to the service root (`/v2/images?…&marker=…`).
    #[serde(default, deserialize_with = "text_or_none")]
    pub(crate) next: Option<String>,
}

/// A non-empty string, else `None` (a `null`, a number or an empty `next` ends the list).
fn text_or_none<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) if !text.is_empty() => Some(text),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_keep_every_field_in_order() {
        let page: ImagePage<Image> = serde_json::from_str(
            r#"{"images":[{"name":"a","id":"i1","owner":"p","x":{"k":[1]}}],"next":"/v2/images?marker=i1","schema":"s"}"#,
        )
        .unwrap();
        assert_eq!(page.next.as_deref(), Some("/v2/images?marker=i1"));
        let image = &page.images[0];
        assert_eq!(image.id(), "i1");
        assert_eq!(image.owner(), Some("p"));
        let keys: Vec<&String> = image.fields().keys().collect();
        assert_eq!(keys, ["name", "id", "owner", "x"]);
    }

    #[test]
    fn a_key_twice_in_an_image_is_refused() {
        for text in [
            r#"{"images":[{"id":"i1","name":"a","name":"b"}]}"#,
            r#"{"images":[{"id":"i1","x":{"k":1,"k":2}}]}"#,
        ] {
            assert!(
                serde_json::from_str::<ImagePage<Image>>(text).is_err(),
                "{text}"
            );
        }
        assert!(
            serde_json::from_str::<ImagePage<ImageRef>>(r#"{"images":[{"id":"a","id":"b"}]}"#)
                .is_err()
        );
    }

    #[test]
    fn an_image_needs_a_string_id_and_next_is_read_liberally() {
        assert!(serde_json::from_str::<ImagePage<Image>>(r#"{"images":[{"name":"a"}]}"#).is_err());
        assert!(serde_json::from_str::<ImagePage<Image>>(r#"{"images":[{"id":7}]}"#).is_err());
        assert!(serde_json::from_str::<ImagePage<Image>>(r#"{"next":"x"}"#).is_err());
        for last in [r#""#, r#","next":null"#, r#","next":"""#, r#","next":3"#] {
            let text = format!(r#"{{"images":[]{last}}}"#);
            let page: ImagePage<ImageRef> = serde_json::from_str(&text).unwrap();
            assert_eq!(page.next, None, "{text}");
        }
    }
}
