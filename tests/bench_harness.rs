//! Keeps the benchmark harness (`code_benches/run.py`) from rotting: runs it
//! in `--quick` mode (tiny datasets) on a few benchmarks, with this build's
//! awsm, and checks that it completed, that every engine it found printed
//! the same output as the native build, and that it wrote its reports.
//!
//! Skipped, with the reason printed, only when python3 or clang-19 (with a
//! wasm32-wasi sysroot) is missing. Engines the harness cannot find
//! (wasm2c, the wasmtime PyPI package, node) are left out by the harness
//! itself and reported in its log; node is left out on purpose (it crashes
//! intermittently, see doc/performance.md). Under `AWSM_REQUIRE_TOOLS=1`
//! a missing python3 or clang fails the test, and so does a run without
//! wasm2c or wasmtime rows (install_deb.sh installs both). Takes well under
//! two minutes.

mod common;

use common::{AWSM, can_run, report_skip, run_with_limit, tools_required, wasi_clang};
use std::io::Write as _;
use std::process::Command;
use std::time::{Duration, Instant};

/// Benchmarks small enough to build and run in seconds, covering a
/// PolyBench kernel, integer code and indirect calls.
const FILTER: &str = "^(gemm|crc32|indirect-calls)$";

/// Print past libtest's output capture, so a skip is visible in CI logs.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

/// Why the harness cannot run here, if it cannot. The harness itself
/// runs `clang-19` whatever `AWSM_TEST_CLANG` says, so the probe must
/// have found that one.
fn missing_tool() -> Option<String> {
    if !can_run("python3") {
        return Some("python3 not found".into());
    }
    match wasi_clang() {
        Err(why) => Some(why.to_string()),
        Ok(clang) if clang.program != "clang-19" && !can_run("clang-19") => {
            Some(format!("code_benches/run.py runs clang-19, which is not installed ({} is)", clang.program))
        }
        Ok(_) => None,
    }
}

#[test]
fn quick_benchmark_run_matches_native() {
    if let Some(why) = missing_tool() {
        return report_skip("bench_harness", &why);
    }
    let out = tempfile::tempdir().expect("temporary directory");
    let started = Instant::now();
    let mut harness = Command::new("python3");
    harness
        .arg(common::repo_path("code_benches/run.py"))
        .args(["--quick", "--reps", "1", "--filter", FILTER, "--awsm", AWSM])
        // node 20's V8 crashes intermittently after a module has run (see
        // doc/performance.md); its flakiness is not awsm's to test.
        .args(["--exclude-engines", "node"])
        .arg("--out")
        .arg(out.path());
    let limit = Duration::from_secs(300);
    let finished = run_with_limit(&mut harness, b"", limit).expect("starting python3 code_benches/run.py");
    assert!(!finished.timed_out, "run.py --quick did not finish within {limit:?}");
    let status = finished.status;
    let stdout = String::from_utf8_lossy(&finished.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&finished.stderr).into_owned();
    let context = format!("--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}");
    assert!(status.success(), "run.py --quick failed ({status}):\n{context}");
    assert!(stdout.contains(" 0 failed"), "harness reported failures:\n{context}");

    let csv = std::fs::read_to_string(out.path().join("results.csv"))
        .unwrap_or_else(|e| panic!("no results.csv ({e}):\n{context}"));
    let rows: Vec<Vec<&str>> = csv.lines().skip(1).map(|l| l.split(',').collect()).collect();
    // 3 benchmarks x (native + at least the default awsm strategy)
    assert!(rows.len() >= 6, "too few result rows:\n{csv}");
    for r in &rows {
        assert_eq!(r.get(3), Some(&"ok"), "not ok: {r:?}\n{context}");
    }
    for bench in ["gemm", "crc32", "indirect-calls"] {
        for engine in ["native", "awsm-guard-pages"] {
            assert!(
                rows.iter().any(|r| r.first() == Some(&bench) && r.get(2) == Some(&engine)),
                "{bench} / {engine} missing from results.csv:\n{csv}"
            );
        }
    }
    let md = std::fs::read_to_string(out.path().join("results.md")).expect("results.md");
    assert!(md.contains("Geometric-mean slowdown"), "results.md lacks the geomean table:\n{md}");
    // Every run's time is kept (last column), so awsm and wasm2c can be
    // compared repetition by repetition.
    for r in &rows {
        let times: Vec<f64> = r.last().unwrap_or(&"").split(' ').filter_map(|t| t.parse().ok()).collect();
        assert_eq!(times.len(), 1, "one time per run (--reps 1) expected in the last column: {r:?}");
        assert!(times[0] > 0.0, "a run took no time: {r:?}");
    }
    // The peers are optional for the harness; a machine set up by
    // install_deb.sh has them, and there their absence is a failure.
    if tools_required() {
        for engine in ["wasm2c", "wasmtime"] {
            assert!(
                rows.iter().any(|r| r.get(2) == Some(&engine)),
                "AWSM_REQUIRE_TOOLS=1: the harness ran no {engine} (wabt's wasm2c and the wasmtime \
                 PyPI package are installed by install_deb.sh):\n{context}"
            );
        }
    }
    if rows.iter().any(|r| r.get(2) == Some(&"wasm2c")) {
        assert!(md.contains("Against wasm2c, repetition by repetition"), "no paired comparison:\n{md}");
        assert!(md.contains("| crc32 | ") && md.contains("won "), "paired table lacks crc32:\n{md}");
    }
    let compile = std::fs::read_to_string(out.path().join("compile.md")).expect("compile.md");
    assert!(compile.contains("| gemm |"), "compile.md lacks gemm:\n{compile}");
    assert!(!compile.contains("FAILED"), "a compiler failed in the compile table:\n{compile}");
    say(&format!("bench_harness: quick run ok in {:.0?}", started.elapsed()));
}
