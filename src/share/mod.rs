//! Desired sharing: the shares file ([`file`]: parsed with the file, line and key in every
//! error), the pure planner ([`plan`]: which images the file selects, and what must change
//! for each to have the members it asks for; [`lifetime`]: `newest` and `until` against a
//! clock) and the export of today's sharing as such a
//! file ([`export`]). Nothing here sends a request or touches a terminal.

pub(crate) mod export;
pub(crate) mod file;
pub(crate) mod lifetime;
pub(crate) mod plan;
pub(crate) mod saved;
