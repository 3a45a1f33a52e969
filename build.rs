//! Build script: on Linux, hands the linker `link/hot.ld` (written by `scripts/hot-code`),
//! which gathers the functions a plain command runs at the start of the binary's code.
//!
//! The kernel maps a program's code in 64 KiB windows around each page it runs, and each
//! mapped page counts in the process's memory. Scattered as the compiler leaves it, the
//! code of one `member list` maps most of the binary; gathered, a few windows. Nothing
//! else changes: the script only adds an output section before `.text`, and a function it
//! names that does not exist is no error.
//!
//! The script is given only when the linker is the one the toolchain picks itself (GNU ld
//! or LLD, which both read `INSERT` scripts): not when a linker, a linker flavour or link
//! arguments are configured (mold, gold, a cross linker may not read it), and not for
//! other systems.

use std::env;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=link/hot.ld");
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    let dir = env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".to_string());
    let script = Path::new(&dir).join("link/hot.ld");
    if default_elf_linker() && script.is_file() {
        println!("cargo:rustc-link-arg-bins=-Wl,-T,{}", script.display());
    }
}

/// Whether the target is Linux with glibc or musl and the linker is the toolchain's own
/// choice: no linker configured, no compiler flag about linking.
fn default_elf_linker() -> bool {
    let var = |name: &str| env::var(name).unwrap_or_default();
    let linux = var("CARGO_CFG_TARGET_OS") == "linux";
    let libc = matches!(var("CARGO_CFG_TARGET_ENV").as_str(), "gnu" | "musl");
    let configured = env::var_os("RUSTC_LINKER").is_some()
        || var("CARGO_ENCODED_RUSTFLAGS")
            .split('\u{1f}')
            .any(|flag| flag.contains("link") || flag.contains("fuse-ld"));
    linux && libc && !configured
}
