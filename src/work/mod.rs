//! The machinery commands share, below them and above the API: the ordered fan-out over
//! `--jobs` ([`fan_out`]), IDs from arguments and stdin ([`ids`]), and the pipeline of
//! share changes ([`change`]). Nothing here parses the command line or picks an output
//! format by itself.

pub(crate) mod change;
pub(crate) mod fan_out;
pub(crate) mod ids;
