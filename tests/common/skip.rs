//! Skipping a test because a tool is missing, in one place: the reason is
//! printed past libtest's capture (a skipped test otherwise looks like a
//! pass), and under `AWSM_REQUIRE_TOOLS=1` (set by .ci/run) the skip is a
//! failure, so a machine that should have every tool cannot pass a test
//! that ran nothing.

use std::collections::HashSet;
use std::io::Write as _;
use std::sync::Mutex;

/// The environment variable that turns a skip into a failure.
pub const REQUIRE_TOOLS: &str = "AWSM_REQUIRE_TOOLS";

/// Whether `AWSM_REQUIRE_TOOLS` is set to anything but empty or `0`.
pub fn tools_required() -> bool {
    std::env::var(REQUIRE_TOOLS).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Reports that `test` (or the part of it named) does not run here
/// because of `reason` (a missing tool or package, said with what to
/// install). Prints the reason in full the first time it is given and its
/// first line after that, so forty tests skipped for one reason do not
/// print it forty times. Panics instead under `AWSM_REQUIRE_TOOLS=1`.
pub fn report_skip(test: &str, reason: &str) {
    if tools_required() {
        panic!("{test}: {reason}\n({REQUIRE_TOOLS}=1: a missing tool fails the test instead of skipping it)");
    }
    static SHOWN: Mutex<Option<HashSet<String>>> = Mutex::new(None);
    let first_time = SHOWN
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .get_or_insert_with(HashSet::new)
        .insert(reason.to_string());
    let shown = if first_time { reason } else { reason.lines().next().unwrap_or(reason) };
    let _ = writeln!(std::io::stderr(), "skipped {test}: {shown}");
}

/// The wasm32-wasi clang to build a test's C programs with, or None after
/// reporting `test` skipped because there is none.
pub fn wasi_clang_or_skip(test: &str) -> Option<String> {
    match super::tools::wasi_clang() {
        Ok(clang) => Some(clang.program.clone()),
        Err(why) => {
            report_skip(test, why);
            None
        }
    }
}
