//! The integration tests: one binary (as ripgrep and xh keep theirs) that drives the built
//! `ims` against httpmock, raw hostile servers and the real Glance and Keystone the project
//! starts itself (`scripts/local-glance`, `scripts/local-keystone`). Shared helpers and
//! fixtures live in [`util`].

mod changes;
mod completions;
mod e2e_audit;
mod e2e_glance;
mod e2e_keystone;
mod fixtures;
mod hostile_config;
mod hostile_output;
mod hostile_transport;
mod huawei;
mod image_list;
mod keystone;
mod member_add;
mod member_answer;
mod member_list;
mod member_remove;
mod member_show;
mod ndjson;
mod reliability;
mod scripts;
mod settings;
mod util;
