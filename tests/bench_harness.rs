//! Keeps the benchmark harness (`code_benches/run.py`) from rotting: runs it
//! in `--quick` mode (tiny datasets) on a few benchmarks, with this build's
//! awsm, and checks that it completed, that every engine it found printed
//! the same output as the native build, and that it wrote its reports.
//!
//! Skipped, with the reason printed, only when python3 or clang-19 (with a
//! wasm32-wasi sysroot) is missing. Engines the harness cannot find
//! (wasm2c, the wasmtime PyPI package, node) are left out by the harness
//! itself and reported in its log; node is left out on purpose (it crashes
//! intermittently, see doc/performance.md). Takes well under two minutes.

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Benchmarks small enough to build and run in seconds, covering a
/// PolyBench kernel, integer code and indirect calls.
const FILTER: &str = "^(gemm|crc32|indirect-calls)$";

/// Print past libtest's output capture, so a skip is visible in CI logs.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

fn tool_works(cmd: &str, args: &[&str]) -> bool {
    Command::new(cmd)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Why the harness cannot run here, if it cannot.
fn missing_tool() -> Option<String> {
    if !tool_works("python3", &["--version"]) {
        return Some("python3 not found".into());
    }
    if !tool_works("clang-19", &["--version"]) {
        return Some("clang-19 not found".into());
    }
    let dir = tempfile::tempdir().ok()?;
    let src = dir.path().join("probe.c");
    std::fs::write(&src, "int main(void) { return 0; }\n").ok()?;
    let wasm = dir.path().join("probe.wasm");
    let (s, w) = (src.to_string_lossy().into_owned(), wasm.to_string_lossy().into_owned());
    if !tool_works("clang-19", &["--target=wasm32-wasi", "-O2", &s, "-o", &w]) {
        return Some("clang-19 cannot build wasm32-wasi programs (no wasi-libc sysroot)".into());
    }
    None
}

#[test]
fn quick_benchmark_run_matches_native() {
    if let Some(why) = missing_tool() {
        say(&format!("bench_harness: skipped: {why}"));
        return;
    }
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("temporary directory");
    let started = Instant::now();
    let mut child = Command::new("python3")
        .arg(root.join("code_benches/run.py"))
        .args(["--quick", "--reps", "1", "--filter", FILTER, "--awsm", env!("CARGO_BIN_EXE_awsm")])
        // node 20's V8 crashes intermittently after a module has run (see
        // doc/performance.md); its flakiness is not awsm's to test.
        .args(["--exclude-engines", "node"])
        .arg("--out")
        .arg(out.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starting python3 code_benches/run.py");
    // Read both pipes on threads so a chatty harness cannot block on a full pipe.
    let mut so = child.stdout.take().expect("stdout pipe");
    let mut se = child.stderr.take().expect("stderr pipe");
    let t_out = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut so, &mut s);
        s
    });
    let t_err = std::thread::spawn(move || {
        let mut s = String::new();
        let _ = std::io::Read::read_to_string(&mut se, &mut s);
        s
    });
    let limit = Duration::from_secs(300);
    let status = loop {
        if let Some(st) = child.try_wait().expect("waiting for run.py") {
            break st;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("run.py --quick did not finish within {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let stdout = t_out.join().unwrap_or_default();
    let stderr = t_err.join().unwrap_or_default();
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
    if rows.iter().any(|r| r.get(2) == Some(&"wasm2c")) {
        assert!(md.contains("Against wasm2c, repetition by repetition"), "no paired comparison:\n{md}");
        assert!(md.contains("| crc32 | ") && md.contains("won "), "paired table lacks crc32:\n{md}");
    }
    let compile = std::fs::read_to_string(out.path().join("compile.md")).expect("compile.md");
    assert!(compile.contains("| gemm |"), "compile.md lacks gemm:\n{compile}");
    assert!(!compile.contains("FAILED"), "a compiler failed in the compile table:\n{compile}");
    say(&format!("bench_harness: quick run ok in {:.0?}", started.elapsed()));
}
