//! What desired sharing needs of this project's own images besides their lists (see
//! [`ImageFilter::Owned`]): one image read by ID, and the visibility change that lets a
//! private image have members.
//!
//! [`ImageFilter::Owned`]: super::ImageFilter::Owned

use serde_json::json;

use super::changes::Change;
use super::service::{ImageApi, Route};
use crate::error::{Error, ErrorKind};
use crate::model::image::{Image, ImagePage};
use crate::url::encode;

impl ImageApi<'_> {
    /// One image by ID. v2: `GET {v2}/images/{id}` (404 when this project cannot see it;
    /// the record of another image is exit 8);
    /// v1: `GET {endpoint}/v2/cloudimages?id={id}`, where an empty list is that 404.
    pub(crate) fn show_image(&self, id: &str) -> Result<Image, Error> {
        match self.route {
            Route::V2 => {
                let url = format!("{}/images/{}", self.endpoint.v2_base(), encode(id));
                let image: Image = self.auth.get_json(&url, &[])?;
                match image.id() == id {
                    true => Ok(image),
                    // Taken for `id`, another image would be changed in its place.
                    false => Err(Error::new(
                        ErrorKind::BadAnswer,
                        format!("GET {url} answered the record of image {}", image.id()),
                    )),
                }
            }
            Route::V1 { .. } => {
                let url = format!("{}/v2/cloudimages", self.endpoint.root());
                let query = [("id".to_string(), id.to_string())];
                let page: ImagePage<Image> = self.auth.get_json(&url, &query)?;
                page.images
                    .into_iter()
                    .find(|image| image.id() == id)
                    .ok_or_else(|| {
                        Error::new(
                            ErrorKind::NotFound,
                            format!("GET {url}?id={}: no such image", encode(id)),
                        )
                    })
            }
        }
    }

    /// v2: make image `id` `shared`, so that it can have members: `PATCH {v2}/images/{id}`
    /// with a JSON patch (sent as `application/openstack-images-v2.1-json-patch`).
    pub(crate) fn make_shared(&self, id: &str) -> Change {
        Change {
            method: "PATCH",
            url: format!("{}/images/{}", self.endpoint.v2_base(), encode(id)),
            body: Some(json!([{"op": "replace", "path": "/visibility", "value": "shared"}])),
        }
    }
}
