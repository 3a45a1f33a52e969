//! The integration tests: one binary (as ripgrep and xh keep theirs) that drives the built
//! `ims` against httpmock, raw hostile servers and the real Glance and Keystone the project
//! starts itself (`scripts/local-glance`, `scripts/local-keystone`). Shared helpers and
//! fixtures live in [`util`].

mod advice;
mod audit;
mod changes;
mod completions;
mod e2e_audit;
mod e2e_glance;
mod e2e_keystone;
mod hostile_config;
mod hostile_output;
mod hostile_transport;
mod huawei;
mod keystone;
mod member_list;
mod member_show;
mod ndjson;
mod reliability;
mod scripts;
mod settings;
mod util;
