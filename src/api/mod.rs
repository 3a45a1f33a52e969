//! The image service's requests, one function each, over the [`Authorizer`]'s authorised
//! request path: [`service`] (the endpoint, v2/v1 routes and their URLs), [`members`]
//! (show and list members), [`images`] (this project's shared images, and the images
//! shared with it), [`own_images`] (one image; making one shareable), [`changes`] (adding, removing and answering shares; Huawei's jobs) and [`rules`] (the service's sharing rules, learned and remembered).
//!
//! [`Authorizer`]: crate::auth::Authorizer

mod changes;
mod images;
mod members;
mod memory;
mod own_images;
mod rules;
mod service;

pub(crate) use changes::{BatchMembers, Change};
pub(crate) use images::ImageFilter;
pub(crate) use memory::{RulesMemory, SharingRules};
pub(crate) use service::{ImageApi, Route};
