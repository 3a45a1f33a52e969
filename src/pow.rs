//! `pow`, the one C math function in ims (indicatif's rate estimate calls `f64::powf`, which
//! LLVM turns into a call of C's `pow`), defined here from the pure-Rust `libm` crate.
//!
//! Left to glibc, that one symbol makes the binary need `libm.so.6`, which the dynamic loader
//! then maps at every start, and every symbol lookup searches first: 0.3 MiB more resident for
//! a function a plain command never calls (benches/README.md, "member show and libm"). Found
//! here, `pow` needs no library, and the linker (`--as-needed`, rustc's default) leaves
//! `libm.so.6` out. Only on glibc: musl has `pow` in its libc, and elsewhere the C library
//! is one library anyway.

/// C's `double pow(double, double)`, for every caller in the binary (indicatif's
/// estimator, through `f64::powf`): the `libm` crate's port of musl's `pow`, as accurate as
/// glibc's for what it is used for (a weight between 0 and 1).
//
// `no_mangle` must be so: the point is to be the symbol `pow` the linker binds, and only an
// unmangled name is. It is unsafe because a second `pow` in the link would clash; there is
// none in ims's own code, and glibc's is in a shared library, which a definition in the
// binary takes precedence over. The signature is C's, so a caller gets what it expects.
#[unsafe(no_mangle)]
extern "C" fn pow(x: f64, y: f64) -> f64 {
    libm::pow(x, y)
}

#[cfg(test)]
mod tests {
    use std::hint::black_box;

    /// `f64::powf` in this binary gives the `libm` crate's answers, and so indicatif's
    /// estimator the weights it expects (`0.1^(age / 15 s)`: 1 now, 0.1 at 15 s).
    #[test]
    fn powf_is_the_libm_crates_pow() {
        for (x, y) in [
            (0.1_f64, 0.0_f64),
            (0.1, 1.0),
            (0.1, 0.5),
            (0.1, 1.0 / 15.0),
            (2.0, 10.0),
        ] {
            let got = black_box(x).powf(black_box(y));
            assert_eq!(got.to_bits(), libm::pow(x, y).to_bits(), "{x}^{y}");
        }
        assert_eq!(black_box(0.1_f64).powf(black_box(0.0)), 1.0);
        assert_eq!(black_box(2.0_f64).powf(black_box(10.0)), 1024.0);
        assert!((black_box(0.1_f64).powf(black_box(1.0)) - 0.1).abs() < 1e-17);
    }
}
