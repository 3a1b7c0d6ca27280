//! Runs the C runtime's own test suite (runtime/tests/run.sh): instances,
//! traps, memory strategies, tables, WASI and leak checks under valgrind.
//!
//! run.sh leaves out, silently, the parts whose tools are absent: the
//! valgrind leak checks, the bitcode build with clang-19 and the
//! clang-format check. This test says which were left out, and under
//! `AWSM_REQUIRE_TOOLS=1` fails for them.

mod common;

use common::{can_run, env_or, repo_path, report_skip};
use std::process::Command;

/// The tools run.sh uses only when present: (what it is for, the tools
/// any one of which serves, the package to install).
fn optional_tools() -> [(&'static str, Vec<String>, &'static str); 3] {
    [
        ("the runtime's valgrind leak checks", vec!["valgrind".into()], "valgrind"),
        ("the runtime's warning-free bitcode build", vec![env_or("AWSM_CLANG", "clang-19")], "clang-19"),
        (
            "the runtime's clang-format check",
            vec!["clang-format-19".into(), "clang-format".into()],
            "clang-format-19",
        ),
    ]
}

#[test]
fn runtime_c_tests_pass() {
    for (part, tools, package) in optional_tools() {
        // AWSM_NO_VALGRIND=1 turns the leak checks off on purpose.
        let turned_off = package == "valgrind" && std::env::var_os("AWSM_NO_VALGRIND").is_some();
        if !turned_off && !tools.iter().any(|t| can_run(t)) {
            report_skip(part, &format!("{} is not installed (package {package})", tools.join(" or ")));
        }
    }
    let out = Command::new("bash")
        .arg(repo_path("runtime/tests/run.sh"))
        .output()
        .expect("run runtime/tests/run.sh");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let failures: Vec<_> = stdout.lines().filter(|l| l.starts_with("not ok")).collect();
    let summary = stdout.lines().rev().find(|l| l.contains(" passed, ")).unwrap_or("no summary line");
    assert!(
        out.status.success() && failures.is_empty() && summary.contains(" 0 failed"),
        "runtime tests failed ({summary}):\n{}\n--- stderr ---\n{stderr}",
        failures.join("\n")
    );
    let passed: u32 = summary.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(passed > 0, "no runtime test ran: {summary}");
}
