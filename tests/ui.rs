//! Compile-fail cases, one misuse per file, and compile-pass hygiene cases.
//! The `.stderr` snapshots belong to the toolchain pinned in
//! `rust-toolchain.toml`; regenerate them with `TRYBUILD=overwrite`.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/shape/*.rs");
    t.compile_fail("ui/enum/*.rs");
    t.compile_fail("ui/attr/*.rs");
    t.compile_fail("ui/struct/*.rs");
    t.compile_fail("ui/serde/*.rs");
    t.compile_fail("ui/types/*.rs");
    t.pass("ui/pass/*.rs");
}
