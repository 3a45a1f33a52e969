//! The image service's requests, one function each, over the [`Authorizer`]'s authorised
//! request path: [`service`] (the endpoint, v2/v1 routes and their URLs), [`members`]
//! (show and list members), [`images`] (this project's shared images, and the images
//! shared with it), [`own_images`] (one image; making one shareable) and [`changes`] (adding, removing and answering shares; Huawei's jobs).
//!
//! [`Authorizer`]: crate::auth::Authorizer

mod changes;
mod images;
mod members;
mod own_images;
mod service;

pub(crate) use changes::{BatchMembers, Change};
pub(crate) use images::ImageFilter;
pub(crate) use service::{ImageApi, Route};
