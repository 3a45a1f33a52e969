//! The integration tests: one binary (as ripgrep and xh keep theirs) that drives the built
//! `ims` against httpmock, raw hostile servers and the real Glance and Keystone the project
//! starts itself (`scripts/local-glance`, `scripts/local-keystone`).
//!
//! One file per command: `member_show`, `member_list`, `member_add`, `member_remove`,
//! `member_answer` (accept and reject), `image_list`, `profile`, `auth`, `completions`;
//! `changes` holds what the four change commands share. Concerns that cut across commands
//! keep their own file: Keystone sign-in (`keystone`), settings and their precedence
//! (`settings`), Huawei's v1 API and AK/SK signing (`huawei`), the `ndjson` format,
//! the transport (`transport`: retries, TLS, redirects, limits), hostile answers and configuration
//! (`hostile_output`, `hostile_config`), a service's sharing rules (`sharing_rules`), the
//! progress line on a terminal (`progress`), the README's transcripts run as tests (`readme`)
//! and the `scripts`. The `e2e_*` files run against the real servers (`scripts/test -- e2e_`;
//! `e2e_huawei` on the local IMS of `scripts/local-ims`). A runner for `ims` and generic helpers are in
//! [`util`]; mock servers and the real ones in [`fixtures`].

mod auth;
mod changes;
mod completions;
mod e2e_audit;
mod e2e_glance;
mod e2e_huawei;
mod e2e_keystone;
mod e2e_share;
mod fixtures;
mod hostile_config;
mod hostile_output;
mod huawei;
mod image_list;
mod keystone;
mod member_add;
mod member_answer;
mod member_list;
mod member_remove;
mod member_show;
mod ndjson;
mod profile;
mod progress;
mod readme;
mod scripts;
mod settings;
mod share;
mod share_saved;
mod share_time;
mod sharing_rules;
mod transport;
mod util;
