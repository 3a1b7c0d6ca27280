//! Helpers shared by the integration tests, one copy each: the awsm binary
//! and the external tools (tools.rs), skipping for a missing tool under
//! `AWSM_REQUIRE_TOOLS` (skip.rs), running a child process with a time
//! limit (process.rs), readable diffs (diff.rs), list files (lists.rs), the
//! wast script runners (scripts.rs), and the example programs'
//! expectations (expectation.rs). guest_only.rs, which links LLVM through
//! awsm's library, is included only by the crates that compile modules
//! in-process (spec, spec_cross); rng.rs, the seeded generator, only by the
//! fuzzing inputs (tests/fuzz/generate.rs, tests/bad_input/inputs.rs).
//!
//! Each test crate that says `mod common;` compiles its own copy and uses a
//! subset, hence the `dead_code` allowance, and `unused_imports` on the
//! re-exports (the short paths, `common::repo_path`, that crates use).
#![allow(dead_code)]

pub mod diff;
pub mod expectation;
pub mod lists;
pub mod process;
pub mod scripts;
pub mod skip;
pub mod tools;

#[allow(unused_imports)]
pub use diff::line_diff;
#[allow(unused_imports)]
pub use process::{Finished, describe_status, expect_success, run_with_limit, show_command};
#[allow(unused_imports)]
pub use skip::{report_skip, tools_required, wasi_clang_or_skip};
#[allow(unused_imports)]
pub use tools::{
    AWSM, WasiClang, arm_none_eabi, awsm, can_run, clang_command, env_or, host_cc, qemu_system_arm,
    qemu_user, repo_path, wasi_clang,
};
