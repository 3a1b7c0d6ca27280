//! Runs the C runtime's own test suite (runtime/tests/run.sh): instances,
//! traps, memory strategies, tables, WASI and leak checks under valgrind.

use std::process::Command;

#[test]
fn runtime_c_tests_pass() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new("bash")
        .arg(format!("{root}/runtime/tests/run.sh"))
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
