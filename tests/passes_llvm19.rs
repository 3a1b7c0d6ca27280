//! The `default<Ox>` pipelines keep-loads splits in two
//! (src/pipeline/llvm.rs) are checked in as opt-19 printed them; this
//! prints them again and fails if LLVM's pipeline differs, so an LLVM
//! update that changes it cannot silently leave awsm running an old one.
//!
//! `cargo test --release --test passes_llvm19`. Needs opt-19 (llvm-19).

mod common;

use awsm::opt_level::OptLevel;
use awsm::pipeline::printed_llvm_pipeline;
use common::{can_run, report_skip};
use std::process::Command;

/// opt's options as target/mod.rs `optimize` sets them on hosted
/// targets: loop vectorization at -O2/-O3, SLP from -O2 (size levels
/// included), unrolling at -O2/-O3, function merging from -O2.
fn opt_flags(level: OptLevel) -> Vec<String> {
    let on = |b: bool| if b { "true" } else { "false" };
    let mut flags = vec![
        format!("-passes={}", level.pipeline()),
        format!("--vectorize-loops={}", on(level.duplicates_code())),
        format!("--vectorize-slp={}", on(level.speed() >= 2)),
    ];
    if !level.duplicates_code() {
        flags.push("-disable-loop-unrolling".into());
    }
    if level.speed() >= 2 {
        flags.push("--enable-merge-functions".into());
    }
    flags
}

#[test]
fn checked_in_pipelines_are_what_opt_19_prints() {
    if !can_run("opt-19") {
        return report_skip(
            "checked_in_pipelines_are_what_opt_19_prints",
            "opt-19 not found (apt install llvm-19)",
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.ll");
    std::fs::write(&empty, "").unwrap();
    for triple in ["x86_64-unknown-linux-gnu", "aarch64-unknown-linux-gnu"] {
        for level in [OptLevel::O1, OptLevel::O2, OptLevel::O3, OptLevel::Os, OptLevel::Oz] {
            let out = Command::new("opt-19")
                .arg(format!("-mtriple={triple}"))
                .args(opt_flags(level))
                .args(["-disable-verify", "-disable-output", "-print-pipeline-passes"])
                .arg(&empty)
                .output()
                .expect("opt-19 runs");
            assert!(out.status.success(), "opt-19: {}", String::from_utf8_lossy(&out.stderr));
            let printed = String::from_utf8(out.stdout).unwrap();
            let checked_in = printed_llvm_pipeline(triple, level).expect("a checked-in pipeline");
            assert_eq!(
                checked_in,
                printed.trim(),
                "src/pipeline/llvm19/ for {triple} {level} differs from what opt-19 prints"
            );
        }
    }
}
