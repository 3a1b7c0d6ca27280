//! example_code/embed: a C host linking two modules compiled by awsm to
//! objects (see its main.c). Builds it with its Makefile and the awsm
//! binary under test, checks its output exactly, and runs 10,000
//! instance lifetimes under valgrind's leak checker when valgrind exists
//! (without it the leak check is skipped, or fails under
//! `AWSM_REQUIRE_TOOLS=1`).

mod common;

use common::{AWSM, can_run, host_cc, repo_path, report_skip};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

fn example_dir() -> PathBuf {
    repo_path("example_code/embed")
}

/// Build the example once per test process; the program's path.
fn built() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, program) = BUILT.get_or_init(|| {
        let out = tempfile::tempdir().expect("temp dir");
        let cc = host_cc();
        let status = Command::new("make")
            .arg("-s")
            .arg("-C")
            .arg(example_dir())
            .arg(format!("AWSM={AWSM}"))
            .arg(format!("OUT={}", out.path().display()))
            .arg(format!("CC={cc}"))
            .arg("CFLAGS=-std=c11 -O2 -Wall -Wextra -Werror")
            .status()
            .expect("run make (is it installed?)");
        assert!(status.success(), "building example_code/embed failed");
        let program = out.path().join("embed");
        (out, program)
    });
    program
}

#[test]
fn embed_example_output() {
    let out = Command::new(built()).output().expect("run the embed example");
    assert!(
        out.status.success(),
        "exit status {:?}; stderr:\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    let expected = std::fs::read_to_string(example_dir().join("expected.stdout")).expect("expected.stdout");
    let actual = String::from_utf8_lossy(&out.stdout);
    assert_eq!(actual, expected, "stdout of example_code/embed differs from expected.stdout");
    assert!(out.stderr.is_empty(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
}

#[test]
fn embed_example_leaks_nothing() {
    if !can_run("valgrind") {
        return report_skip("the embed leak check", "valgrind is not installed (package valgrind)");
    }
    // 2,500 cycles of one counter and three user instances: 10,000 instances.
    let out = Command::new("valgrind")
        .args(["-q", "--leak-check=full", "--errors-for-leak-kinds=definite,indirect,possible"])
        .args(["--error-exitcode=99"])
        .arg(built())
        .args(["--cycles", "2500"])
        .output()
        .expect("run valgrind");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "valgrind found errors or leaks ({:?}):\n{stderr}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stdout), "2500 cycles\n");
}
