//! The example programs of `example_code/` on every cross target, with the
//! same expectations as on x86-64 (tests/examples.rs): identical stdout,
//! exit status and stderr, and every trap example traps with its reason.
//!
//! | module | target | runs on |
//! | --- | --- | --- |
//! | `i686` | i686-unknown-linux-gnu | this machine (32-bit userland from gcc-multilib) |
//! | `aarch64` | aarch64-unknown-linux-gnu | qemu-aarch64(-static), libc from libc6-dev-arm64-cross |
//! | `cortex_m4` | thumbv7em-none-eabihf, `--board mps2-an386` | qemu-system-arm -M mps2-an386 -semihosting |
//! | `cortex_m7` | thumbv7em-none-eabihf, `--board mps2-an500` | qemu-system-arm -M mps2-an500 -semihosting |
//! | `cortex_m4_soft` | thumbv7em-none-eabi (soft float), `--board mps2-an386` | qemu-system-arm |
//!
//! | `cortex_m4_oz` | as `cortex_m4`, awsm -Oz | qemu-system-arm |
//!
//! `cortex_m7` and `cortex_m4_soft` run `FLOAT_AND_ABI_EXAMPLES` only,
//! `cortex_m4_oz` `SIZE_LEVEL_EXAMPLES`.
//!
//! Each example is built once with clang-19 -O2 for wasm32-wasi and compiled
//! by awsm at -O2 for each target: the cross targets run only this one of
//! the four combinations tests/examples.rs runs on x86-64, to keep the run
//! within CI's budget. A target is skipped, with the reason printed, only
//! when a tool it needs is absent (its runtime was not built because a
//! package is missing, no linker, no QEMU). Programs the Cortex-M boards
//! cannot run are listed, with the reason, in `CORTEX_M_SKIPS`; failures
//! caused by known bugs elsewhere are in `KNOWN_FAILURES` (a listed test
//! that starts passing fails, so the list cannot go stale).
//!
//! Environment: `AWSM_TEST_CLANG` (clang for wasm32-wasi), `AWSM_QEMU_AARCH64`,
//! `AWSM_AARCH64_SYSROOT`, `AWSM_QEMU_SYSTEM_ARM` override tool paths;
//! `AWSM_KEEP_TARGET_BUILDS=1` keeps the build directory of a failure.

mod common;
#[path = "targets/expect.rs"]
mod expect;

use common::{Finished, line_diff, repo_path, run_with_limit, wasi_clang};
use expect::Expectation;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

/// How a platform runs an executable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Runner {
    Native,
    QemuUser,
    QemuSystem,
}

/// A target plus the machine its programs run on.
#[derive(Debug)]
struct Platform {
    name: &'static str,
    triple: &'static str,
    board: Option<&'static str>,
    runner: Runner,
    /// Only these examples (None: all). The Cortex-M4 hard-float platform
    /// runs every example; the M7 and soft-float ones, which differ from
    /// it in the FPU and the float ABI, run the examples that exercise
    /// those, to keep the whole run within CI's time.
    only: Option<&'static [&'static str]>,
    /// The level awsm compiles at.
    opt: &'static str,
}

/// What the Cortex-M7 and soft-float Cortex-M4 platforms run.
const FLOAT_AND_ABI_EXAMPLES: &[&str] = &[
    "float_math",
    "printf_float",
    "nbody",
    "int64_arith",
    "varargs",
    "struct_return",
    "function_pointers",
    "trap_div_zero",
    "trap_invalid_conversion",
    "trap_trunc_overflow",
    "trap_oob_load_edge",
];

const I686: Platform = Platform {
    name: "i686",
    triple: "i686-unknown-linux-gnu",
    board: None,
    runner: Runner::Native,
    only: None,
    opt: "-O2",
};
const AARCH64: Platform = Platform {
    name: "aarch64",
    triple: "aarch64-unknown-linux-gnu",
    board: None,
    runner: Runner::QemuUser,
    only: None,
    opt: "-O2",
};
const CORTEX_M4: Platform = Platform {
    name: "cortex_m4",
    triple: "thumbv7em-none-eabihf",
    board: Some("mps2-an386"),
    runner: Runner::QemuSystem,
    only: None,
    opt: "-O2",
};
const CORTEX_M7: Platform = Platform {
    name: "cortex_m7",
    triple: "thumbv7em-none-eabihf",
    board: Some("mps2-an500"),
    runner: Runner::QemuSystem,
    only: Some(FLOAT_AND_ABI_EXAMPLES),
    opt: "-O2",
};
const CORTEX_M4_SOFT: Platform = Platform {
    name: "cortex_m4_soft",
    triple: "thumbv7em-none-eabi",
    board: Some("mps2-an386"),
    runner: Runner::QemuSystem,
    only: Some(FLOAT_AND_ABI_EXAMPLES),
    opt: "-O2",
};

/// What the Cortex-M4 runs at -Oz (without the code-duplicating
/// transformations: versioned, unrolled and grouped-check loops): loops
/// over memory, calls through tables, and the out-of-bounds traps.
const SIZE_LEVEL_EXAMPLES: &[&str] = &[
    "qsort",
    "sha256",
    "sieve",
    "mem_ops",
    "strings",
    "function_pointers",
    "printf_float",
    "trap_oob_load_edge",
    "trap_oob_store",
    "trap_indirect_mismatch",
];
const CORTEX_M4_OZ: Platform = Platform {
    name: "cortex_m4_oz",
    triple: "thumbv7em-none-eabihf",
    board: Some("mps2-an386"),
    runner: Runner::QemuSystem,
    only: Some(SIZE_LEVEL_EXAMPLES),
    opt: "-Oz",
};

/// Examples Cortex-M firmware cannot run, and why: the freestanding WASI
/// subset has no arguments, environment or stdin, and the MPS2 boards have
/// a 16 MiB heap for linear memory (runtime/cortex_m/board/*.ld).
const CORTEX_M_SKIPS: &[(&str, &str)] = &[
    ("argv_status", "needs command-line arguments; firmware has none"),
    ("environ", "needs environment variables; firmware has none"),
    ("stdin_checksum", "reads stdin; the freestanding WASI subset has no input"),
    ("memory_grow", "grows linear memory to 168 MiB; the MPS2 boards have 16 MiB of heap"),
    (
        "trap_stack_overflow",
        "links a 64 MiB shadow stack into linear memory; the MPS2 boards have 16 MiB of heap",
    ),
];

/// (platform, example, why): failures caused by known bugs outside the
/// target code. Each must still fail; fix the bug, then drop the line.
const KNOWN_FAILURES: &[(&str, &str, &str)] = &[
    // Empty since e767fa1 fixed the stale memory base after memory.grow
    // (explicit checks), which made i686::memory_grow crash.
];

const COMPILE_LIMIT: Duration = Duration::from_secs(600);
const RUN_LIMIT: Duration = Duration::from_secs(300);
const DIFF_LINES: usize = 40;

/// Calls `$m!($platform; every example)`: the list of examples, once.
macro_rules! for_each_example {
    ($m:ident, $platform:ident) => {
        $m!($platform;
            argv_status, bytecode_vm, environ, error_codes, exit_nested, float_math,
            function_pointers, globals, hash, int64_arith, int_edge, malloc_free, mem_ops,
            memory_grow, nbody, printf_float, qsort, recursion, sha256, sieve, sign_extend,
            stderr_output, stdin_checksum, strings, struct_copy, struct_return, switch_table,
            varargs, trap_div_zero, trap_indirect_mismatch, trap_int_overflow,
            trap_invalid_conversion, trap_oob_load_edge, trap_oob_store, trap_rem_zero_i64,
            trap_stack_overflow, trap_trunc_overflow, trap_undefined_element,
            trap_uninitialized_element, trap_unreachable
        );
    };
}

/// One `#[test]` per example for a platform, plus its NaN-payload test.
macro_rules! platform_tests {
    ($platform:ident; $($name:ident),*) => {
        $(
            #[test]
            fn $name() {
                super::run_example(&super::$platform, stringify!($name));
            }
        )*
        #[test]
        fn nan_payloads_survive_calls() {
            super::run_nan_payloads(&super::$platform);
        }
    };
}

macro_rules! listed {
    ($platform:ident; $($name:ident),*) => {
        const LISTED: &[&str] = &[$(stringify!($name)),*];
    };
}
for_each_example!(listed, I686);

mod i686 {
    for_each_example!(platform_tests, I686);
}
mod aarch64 {
    for_each_example!(platform_tests, AARCH64);
}
mod cortex_m4 {
    for_each_example!(platform_tests, CORTEX_M4);
}
mod cortex_m7 {
    for_each_example!(platform_tests, CORTEX_M7);
}
mod cortex_m4_soft {
    for_each_example!(platform_tests, CORTEX_M4_SOFT);
}
mod cortex_m4_oz {
    for_each_example!(platform_tests, CORTEX_M4_OZ);
}

// ------------------------------------------------------------------ tools

fn env_or(var: &str, default: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| default.to_string())
}

fn can_run(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// `program` as an absolute path found on PATH: the examples run with an
/// empty environment, where a bare name would be looked up on the
/// default path only.
fn resolve(program: String) -> String {
    if program.contains('/') {
        return program;
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(&program))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
        .unwrap_or(program)
}

/// qemu-aarch64 and the sysroot it loads the dynamic linker from.
fn qemu_user() -> Result<(String, String), String> {
    let qemu = match std::env::var("AWSM_QEMU_AARCH64") {
        Ok(q) => q,
        Err(_) => ["qemu-aarch64-static", "qemu-aarch64"]
            .into_iter()
            .find(|q| can_run(q))
            .ok_or("qemu-aarch64 is not installed (package qemu-user-static)")?
            .to_string(),
    };
    let sysroot = env_or("AWSM_AARCH64_SYSROOT", "/usr/aarch64-linux-gnu");
    if !Path::new(&sysroot).join("lib/ld-linux-aarch64.so.1").exists() {
        return Err(format!("no aarch64 glibc in {sysroot} (package libc6-dev-arm64-cross)"));
    }
    Ok((resolve(qemu), sysroot))
}

fn qemu_system() -> Result<String, String> {
    let qemu = env_or("AWSM_QEMU_SYSTEM_ARM", "qemu-system-arm");
    if can_run(&qemu) {
        Ok(resolve(qemu))
    } else {
        Err(format!("`{qemu}` is not installed (package qemu-system-arm)"))
    }
}

/// Where builds go: one directory per test process.
fn build_root() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("awsm-targets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the build directory");
        dir
    })
}

// --------------------------------------------------------------- platforms

impl Platform {
    /// The command that runs `exe` on this platform.
    fn command(&self, exe: &Path) -> Result<Command, String> {
        Ok(match self.runner {
            Runner::Native => Command::new(exe),
            Runner::QemuUser => {
                let (qemu, sysroot) = qemu_user()?;
                let mut cmd = Command::new(qemu);
                cmd.arg("-L").arg(sysroot).arg(exe);
                cmd
            }
            Runner::QemuSystem => {
                let mut cmd = Command::new(qemu_system()?);
                let board = self.board.expect("a QEMU system platform has a board");
                cmd.args(["-M", board, "-nographic", "-semihosting", "-kernel"]).arg(exe);
                cmd
            }
        })
    }

    /// `awsm` compiling `wasm` to `out` for this platform at `opt` (-O2...).
    fn awsm(&self, wasm: &Path, out: &Path, opt: &str) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_awsm"));
        cmd.arg("--target").arg(self.triple).arg(opt).arg(wasm).arg("-o").arg(out);
        if let Some(board) = self.board {
            cmd.arg("--board").arg(board);
        }
        cmd
    }

    /// Whether this platform can be tested here: Err(reason) to skip.
    /// Probed once: tools present, awsm has the target's runtime and
    /// can link for it, and the result runs.
    fn ready(&self) -> Result<(), String> {
        static PROBES: OnceLock<Mutex<HashMap<&'static str, Result<(), String>>>> = OnceLock::new();
        let probes = PROBES.get_or_init(Default::default);
        let mut probes = probes.lock().unwrap_or_else(|e| e.into_inner());
        probes.entry(self.name).or_insert_with(|| self.probe()).clone()
    }

    fn probe(&self) -> Result<(), String> {
        wasi_clang().map_err(str::to_string)?;
        self.command(Path::new("probe"))?;
        let dir = build_root().join(format!("probe-{}", self.name));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let wat = dir.join("probe.wat");
        std::fs::write(&wat, "(module (memory 1) (func (export \"_start\")))").map_err(|e| e.to_string())?;
        let exe = dir.join("probe_exe");
        let out = self.awsm(&wat, &exe, "-O2").output().map_err(|e| format!("cannot run awsm: {e}"))?;
        if !out.status.success() {
            let msg = String::from_utf8_lossy(&out.stderr).trim().to_string();
            // An absent package is a reason to skip; anything else is a bug.
            // (A runtime that failed to compile is a bug: only missing headers skip.)
            if msg.contains("headers are missing") || msg.contains("cannot run the linker") {
                return Err(msg);
            }
            panic!("{}: awsm cannot build a trivial program: {msg}", self.name);
        }
        let run = run_with_limit(&mut self.command(&exe)?, b"", RUN_LIMIT).map_err(|e| e.to_string())?;
        if run.status.code() != Some(0) {
            if self.runner == Runner::Native {
                return Err(format!(
                    "this machine cannot run {} executables ({})",
                    self.triple,
                    run.describe_status()
                ));
            }
            panic!("{}: a trivial program fails: {}", self.name, String::from_utf8_lossy(&run.stderr));
        }
        Ok(())
    }
}

/// Print why a test is skipped past libtest's capture.
fn report_skip(platform: &Platform, name: &str, reason: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stderr(), "skipped {}::{name}: {reason}", platform.name);
}

// ---------------------------------------------------------------- examples

/// The outcome of building one example's wasm module.
type WasmBuild = Arc<Result<PathBuf, String>>;
/// One build slot per example, filled by the first platform that needs it.
type WasmBuilds = Mutex<HashMap<String, Arc<OnceLock<WasmBuild>>>>;

/// The wasm32-wasi build of each example (clang -O2), shared by platforms.
fn wasm_for(name: &str, exp: &Expectation) -> WasmBuild {
    static BUILDS: OnceLock<WasmBuilds> = OnceLock::new();
    let slot = {
        let mut builds = BUILDS.get_or_init(Default::default).lock().unwrap_or_else(|e| e.into_inner());
        builds.entry(name.to_string()).or_default().clone()
    };
    slot.get_or_init(|| {
        let clang = wasi_clang().map_err(str::to_string);
        Arc::new(clang.and_then(|clang| {
            let wasm = build_root().join(format!("{name}.wasm"));
            let mut cc = Command::new(&clang.program);
            cc.arg("--target=wasm32-wasi")
                .arg("-O2")
                .arg(repo_path("example_code").join(format!("{name}.c")))
                .arg("-o")
                .arg(&wasm)
                .arg("-lm")
                .args(&exp.wasm_cflags);
            expect_success(&mut cc).map(|()| wasm)
        }))
    })
    .clone()
}

fn run_example(platform: &Platform, name: &str) {
    let exp = expect::load(&repo_path("example_code"), name).unwrap_or_else(|e| panic!("{name}: {e}"));
    if platform.only.is_some_and(|only| !only.contains(&name)) {
        return report_skip(platform, name, "not in this platform's subset (cortex_m4 runs every example)");
    }
    if let Err(reason) = platform.ready() {
        return report_skip(platform, name, &reason);
    }
    if platform.runner == Runner::QemuSystem
        && let Some((_, why)) = CORTEX_M_SKIPS.iter().find(|(n, _)| *n == name)
    {
        return report_skip(platform, name, why);
    }
    let wasm = match wasm_for(name, &exp).as_ref() {
        Ok(wasm) => wasm.clone(),
        Err(e) => panic!("{name}: building the wasm module failed: {e}"),
    };
    let exe = build_root().join(format!("{name}.{}", platform.name));
    let outcome = expect_success(&mut platform.awsm(&wasm, &exe, platform.opt))
        .and_then(|()| run_and_compare(platform, &exe, &exp));
    let known = KNOWN_FAILURES.iter().find(|(p, n, _)| *p == platform.name && *n == name);
    match (outcome, known) {
        (Ok(()), None) => {}
        (Err(problem), Some((_, _, why))) => {
            use std::io::Write as _;
            let first = problem.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
            let _ =
                writeln!(std::io::stderr(), "known failure {}::{name}: {why}\n  ({first})", platform.name);
        }
        (Ok(()), Some(_)) => {
            panic!("{}::{name} now passes: remove it from KNOWN_FAILURES in tests/targets.rs", platform.name)
        }
        (Err(problem), None) => {
            let mut report = format!("{}::{name} ({}): {problem}", platform.name, platform.triple);
            if std::env::var_os("AWSM_KEEP_TARGET_BUILDS").is_some() {
                report.push_str(&format!("\n  build directory kept: {}", build_root().display()));
            } else {
                let _ = std::fs::remove_file(&exe);
            }
            panic!("{report}");
        }
    }
}

/// Run `exe` as the example says and list every difference.
fn run_and_compare(platform: &Platform, exe: &Path, exp: &Expectation) -> Result<(), String> {
    let stdin = match &exp.stdin {
        Some(file) => std::fs::read(file).map_err(|e| format!("read {}: {e}", file.display()))?,
        None => Vec::new(),
    };
    let mut run = platform.command(exe)?;
    run.args(&exp.args).env_clear().envs(exp.env.iter().map(|(k, v)| (k, v)));
    let finished = run_with_limit(&mut run, &stdin, RUN_LIMIT).map_err(|e| format!("cannot run: {e}"))?;
    let problems = compare(exp, &finished);
    if problems.is_empty() { Ok(()) } else { Err(format!("\n{}\n  run: {run:?}", problems.join("\n"))) }
}

fn compare(exp: &Expectation, got: &Finished) -> Vec<String> {
    let mut problems = Vec::new();
    if got.timed_out {
        problems.push(format!("  did not finish within {RUN_LIMIT:?} and was killed"));
    }
    if got.status.code() != Some(exp.status) {
        problems.push(format!("  exit status: expected {}, got {}", exp.status, got.describe_status()));
    }
    if got.stdout != exp.stdout {
        let diff = line_diff(
            &String::from_utf8_lossy(&exp.stdout),
            &String::from_utf8_lossy(&got.stdout),
            DIFF_LINES,
        );
        problems.push(format!("  stdout differs (- expected, + actual):\n{diff}"));
    }
    let stderr = String::from_utf8_lossy(&got.stderr);
    match (&exp.stderr, &exp.trap) {
        (Some(expected), _) if got.stderr != *expected => {
            let diff = line_diff(&String::from_utf8_lossy(expected), &stderr, DIFF_LINES);
            problems.push(format!("  stderr differs (- expected, + actual):\n{diff}"));
        }
        (None, Some(reason)) => {
            let wanted = format!("awsm: trap: {reason}");
            if !stderr.lines().any(|line| line == wanted) {
                problems.push(format!("  stderr lacks the line {wanted:?}; stderr was:\n{stderr}"));
            }
        }
        (None, None) if !got.stderr.is_empty() => {
            problems.push(format!("  expected empty stderr, got:\n{stderr}"))
        }
        _ => {}
    }
    problems
}

/// Run a build step; Err describes how it failed.
fn expect_success(command: &mut Command) -> Result<(), String> {
    let shown = format!("{command:?}");
    let finished =
        run_with_limit(command, b"", COMPILE_LIMIT).map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if finished.timed_out {
        return Err(format!("`{shown}` did not finish within {COMPILE_LIMIT:?}"));
    }
    if !finished.status.success() {
        return Err(format!(
            "`{shown}` ended with {}\n{}",
            finished.describe_status(),
            String::from_utf8_lossy(&finished.stderr).trim_end()
        ));
    }
    Ok(())
}

// ------------------------------------------------------------ NaN payloads

/// Signalling-NaN payloads must survive direct and indirect calls, and
/// f32.neg must flip only the sign (on i686 the C ABI returns floats in
/// x87 registers, which quiet sNaNs: src/target/i686.rs). The module exits
/// with a bit mask of the failed checks.
const NAN_WAT: &str = include_str!("targets/nan_payloads.wat");

fn run_nan_payloads(platform: &Platform) {
    if let Err(reason) = platform.ready() {
        return report_skip(platform, "nan_payloads_survive_calls", &reason);
    }
    let dir = build_root().join(format!("nan-{}", platform.name));
    std::fs::create_dir_all(&dir).expect("create a build directory");
    let wat = dir.join("nan_payloads.wat");
    std::fs::write(&wat, NAN_WAT).expect("write the module");
    let levels: &[&str] = if platform.opt == "-O2" { &["-O0", "-O2"] } else { &[platform.opt] };
    for &opt in levels {
        let exe = dir.join(format!("nan{opt}"));
        expect_success(&mut platform.awsm(&wat, &exe, opt))
            .unwrap_or_else(|e| panic!("{}: {e}", platform.name));
        let run = run_with_limit(&mut platform.command(&exe).unwrap(), b"", RUN_LIMIT).expect("run");
        assert_eq!(
            run.status.code(),
            Some(0),
            "{} awsm {opt}: failed checks (bit mask) {}; stderr: {}",
            platform.name,
            run.describe_status(),
            String::from_utf8_lossy(&run.stderr)
        );
    }
}

// --------------------------------------------------------------- the lists

/// Every example in example_code/ is run on every platform.
#[test]
fn every_example_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(repo_path("example_code"))
        .expect("read example_code/")
        .filter_map(|e| {
            let path = e.expect("read a directory entry").path();
            let is_c = path.extension().is_some_and(|x| x == "c");
            is_c.then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = LISTED.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed, "for_each_example! in tests/targets.rs is out of step with example_code/");
}

/// The skip and known-failure lists name real examples and platforms.
#[test]
fn skip_lists_name_real_examples() {
    for (name, _) in CORTEX_M_SKIPS {
        assert!(LISTED.contains(name), "CORTEX_M_SKIPS names unknown example {name}");
    }
    let platforms =
        [I686.name, AARCH64.name, CORTEX_M4.name, CORTEX_M7.name, CORTEX_M4_SOFT.name, CORTEX_M4_OZ.name];
    for name in FLOAT_AND_ABI_EXAMPLES.iter().chain(SIZE_LEVEL_EXAMPLES) {
        assert!(LISTED.contains(name), "a platform's subset names unknown example {name}");
    }
    for (platform, name, _) in KNOWN_FAILURES {
        assert!(LISTED.contains(name), "KNOWN_FAILURES names unknown example {name}");
        assert!(platforms.contains(platform), "KNOWN_FAILURES names unknown platform {platform}");
    }
}

// --------------------------------------------------------- embedded figures

/// The benchmark kernels of tests/targets/bench/.
const BENCH_KERNELS: &[&str] = &["crc32", "matmul", "sort", "sha256"];

/// One build of one kernel, as run on the Cortex-M4 board.
struct BenchRun {
    checksum: String,
    /// Instructions of the kernel (ns of virtual time under -icount shift=0).
    instructions: u64,
    /// Bytes of flash: everything the board's linker script places in FLASH.
    flash: u64,
}

/// Flash bytes of a firmware image: its loadable sections in the FLASH
/// region (below 0x20000000), plus .data's initial values stored there.
/// Debug sections, `.comment` and `.ARM.attributes` are not loaded.
fn flash_bytes(elf: &Path) -> Result<u64, String> {
    let out = Command::new("arm-none-eabi-size").arg("-A").arg(elf).output().map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&out.stdout);
    let mut total = 0;
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        let [name, size, addr] = cols[..] else { continue };
        let (Ok(size), Ok(addr)) = (size.parse::<u64>(), addr.parse::<u64>()) else { continue };
        if name == ".data"
            || (addr < 0x2000_0000
                && addr + size > 0
                && !name.starts_with(".debug")
                && name != ".comment"
                && name != ".ARM.attributes")
        {
            total += size;
        }
    }
    Ok(total)
}

/// Bytes of the guest's own code in an awsm firmware image: the sizes of
/// its `wasm_f<N>` functions (the rest is runtime, startup and library).
fn guest_code_bytes(elf: &Path) -> Result<u64, String> {
    let out = Command::new("arm-none-eabi-nm")
        .args(["-S", "-t", "d"])
        .arg(elf)
        .output()
        .map_err(|e| format!("arm-none-eabi-nm: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let is_guest =
        |name: &str| name.strip_prefix("wasm_f").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
    Ok(text
        .lines()
        .filter_map(|line| match line.split_whitespace().collect::<Vec<_>>()[..] {
            [_, size, _, name] if is_guest(name) => size.parse::<u64>().ok(),
            _ => None,
        })
        .sum())
}

/// Run firmware under QEMU with one instruction per nanosecond and parse
/// the kernel's `<name> checksum=<hex> ns=<n>` line.
fn run_bench(elf: &Path) -> Result<BenchRun, String> {
    let mut cmd = Command::new(qemu_system()?);
    cmd.args(["-M", "mps2-an386", "-nographic", "-semihosting", "-icount", "shift=0", "-kernel"]).arg(elf);
    let run = run_with_limit(&mut cmd, b"", RUN_LIMIT).map_err(|e| e.to_string())?;
    let out = String::from_utf8_lossy(&run.stdout).to_string();
    if run.status.code() != Some(0) {
        return Err(format!(
            "{} ended with {}: {out}{}",
            elf.display(),
            run.describe_status(),
            String::from_utf8_lossy(&run.stderr)
        ));
    }
    let field = |key: &str| out.split_whitespace().find_map(|w| w.strip_prefix(key)).map(str::to_string);
    let checksum = field("checksum=").ok_or_else(|| format!("no checksum in {out:?}"))?;
    let instructions =
        field("ns=").and_then(|n| n.parse().ok()).ok_or_else(|| format!("no ns in {out:?}"))?;
    Ok(BenchRun { checksum, instructions, flash: flash_bytes(elf)? })
}

/// Build the native firmware of `kernel` with arm-none-eabi-gcc at `opt`
/// and run it.
fn native_bench(kernel: &str, opt: &str, dir: &Path) -> BenchRun {
    let src = repo_path("tests/targets/bench");
    let native = dir.join(format!("{kernel}.native{opt}.elf"));
    let mut gcc = Command::new("arm-none-eabi-gcc");
    gcc.args(["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", opt, "-nostartfiles"])
        .args(["--specs=nano.specs", "-Wl,--gc-sections", "-T"])
        .arg(repo_path("runtime/cortex_m/board/mps2-an386.ld"))
        .arg(src.join(format!("{kernel}.c")))
        .arg(src.join("platform_native.c"))
        .arg("-o")
        .arg(&native);
    expect_success(&mut gcc).unwrap_or_else(|e| panic!("{e}"));
    run_bench(&native).unwrap_or_else(|e| panic!("{kernel} native {opt}: {e}"))
}

/// Build the wasm module of `kernel` (clang at `opt`, one 64 KiB page,
/// the WASI platform object `platform`).
fn wasm_bench(kernel: &str, opt: &str, clang: &str, platform: &Path, dir: &Path) -> PathBuf {
    let object = dir.join(format!("{kernel}{opt}.o"));
    let wasm = dir.join(format!("{kernel}{opt}.wasm"));
    let mut cc = Command::new(clang);
    cc.args(["--target=wasm32", opt, "-nostdlib", "-c"])
        .arg(repo_path("tests/targets/bench").join(format!("{kernel}.c")))
        .arg("-o")
        .arg(&object);
    expect_success(&mut cc).unwrap_or_else(|e| panic!("{e}"));
    let mut link = Command::new(clang);
    link.args(["--target=wasm32", "-nostdlib", "-Wl,--no-entry", "-Wl,--export=_start", "-Wl,--stack-first"])
        .args(["-Wl,-z,stack-size=8192", "-Wl,--initial-memory=65536", "-Wl,--max-memory=65536"])
        .arg(&object)
        .arg(platform)
        .arg("-o")
        .arg(&wasm);
    expect_success(&mut link).unwrap_or_else(|e| panic!("{e}"));
    wasm
}

/// One awsm build of a kernel: its run and its guest code bytes.
fn awsm_bench(
    kernel: &str,
    wasm: &Path,
    label: &str,
    opt: &str,
    flags: &[&str],
    dir: &Path,
) -> (BenchRun, u64) {
    let elf = dir.join(format!("{kernel}.{}{opt}.elf", label.replace([' ', ','], "_")));
    let mut awsm = CORTEX_M4.awsm(wasm, &elf, opt);
    awsm.args(flags);
    expect_success(&mut awsm).unwrap_or_else(|e| panic!("{e}"));
    let run = run_bench(&elf).unwrap_or_else(|e| panic!("{kernel} {label} {opt}: {e}"));
    (run, guest_code_bytes(&elf).unwrap_or_else(|e| panic!("{e}")))
}

/// The kernels of tests/targets/bench/ built for Cortex-M4 (mps2-an386):
/// natively with arm-none-eabi-gcc -O2 and -Os, and through wasm32 by awsm
/// -O2 with explicit bounds checks, with explicit checks and 32 KiB pages,
/// with the mask strategy, and at -Oz with explicit checks. All must
/// compute the same checksums, and -Oz firmware must take less flash than
/// -O2 firmware. A third build is the one for flash: the C compiled to wasm
/// at -Os, then awsm -Oz (clang's -Oz gives no smaller firmware: sha256's
/// is 92 bytes larger). The instruction counts and flash sizes (three
/// tables: speed levels, size levels, size build) are written
/// to target/tmp/embedded_figures.md (doc/targets.md, "Embedded figures").
#[test]
fn embedded_benchmarks_agree_with_native() {
    if let Err(reason) = CORTEX_M4.ready() {
        return report_skip(&CORTEX_M4, "embedded_benchmarks", &reason);
    }
    if !can_run("arm-none-eabi-gcc") {
        return report_skip(&CORTEX_M4, "embedded_benchmarks", "arm-none-eabi-gcc is not installed");
    }
    let clang = wasi_clang().expect("probed by ready()").program.clone();
    let dir = build_root().join("bench");
    std::fs::create_dir_all(&dir).expect("create the bench directory");
    let platform = |opt: &str| {
        let object = dir.join(format!("platform_wasm{opt}.o"));
        let mut cc = Command::new(&clang);
        cc.args(["--target=wasm32", opt, "-nostdlib", "-fno-builtin", "-c"])
            .arg(repo_path("tests/targets/bench/platform_wasm.c"))
            .arg("-o")
            .arg(&object);
        expect_success(&mut cc).unwrap_or_else(|e| panic!("{e}"));
        object
    };
    let (platform, platform_os) = (platform("-O2"), platform("-Os"));

    let variants: [(&str, &[&str]); 3] = [
        ("explicit", &[]),
        ("explicit, 32 KiB pages", &["--page-size", "32768"]),
        ("mask", &["--bounds-checks", "mask"]),
    ];
    let mut table = String::from(
        "| kernel | native instructions | awsm explicit | ratio | awsm 32 KiB pages | ratio | awsm mask | ratio \
         | native flash | awsm flash (explicit) | ratio | of which guest code |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let mut size_table = String::from(
        "| kernel | native -Os instructions | awsm -Oz | ratio | native -Os flash | awsm -Oz flash | ratio \
         | ratio to native -O2 flash | of which guest code | awsm -O2 flash |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let mut size_build_table = String::from(
        "| kernel | native -O2 instructions | clang -Os, awsm -Oz | ratio | native -O2 flash \
         | clang -Os, awsm -Oz flash | ratio | of which guest code |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
    );
    let ratio = |a: u64, b: u64| a as f64 / b as f64;
    for kernel in BENCH_KERNELS {
        let native = native_bench(kernel, "-O2", &dir);
        let wasm = wasm_bench(kernel, "-O2", &clang, &platform, &dir);
        let mut row = format!("| {kernel} | {} |", native.instructions);
        let (mut explicit_flash, mut explicit_guest) = (0, 0);
        for (label, flags) in variants {
            let (run, guest) = awsm_bench(kernel, &wasm, label, "-O2", flags, &dir);
            assert_eq!(
                run.checksum, native.checksum,
                "{kernel} ({label}) computed a different checksum than native"
            );
            if label == "explicit" {
                (explicit_flash, explicit_guest) = (run.flash, guest);
            }
            row.push_str(&format!(
                " {} | {:.3}x |",
                run.instructions,
                ratio(run.instructions, native.instructions)
            ));
        }
        row.push_str(&format!(
            " {} | {} | {:.1}x | {} |\n",
            native.flash,
            explicit_flash,
            ratio(explicit_flash, native.flash),
            explicit_guest
        ));
        table.push_str(&row);

        let native_os = native_bench(kernel, "-Os", &dir);
        assert_eq!(native_os.checksum, native.checksum, "{kernel}: gcc -Os computed a different checksum");
        let (oz, oz_guest) = awsm_bench(kernel, &wasm, "explicit", "-Oz", &[], &dir);
        assert_eq!(oz.checksum, native.checksum, "{kernel} (explicit, -Oz) computed a different checksum");
        assert!(
            oz.flash < explicit_flash && oz_guest < explicit_guest,
            "{kernel}: -Oz firmware is not smaller than -O2 firmware: flash {} against {explicit_flash}, \
             guest code {oz_guest} against {explicit_guest}",
            oz.flash
        );
        size_table.push_str(&format!(
            "| {kernel} | {} | {} | {:.2}x | {} | {} | {:.1}x | {:.1}x | {oz_guest} | {explicit_flash} |\n",
            native_os.instructions,
            oz.instructions,
            ratio(oz.instructions, native_os.instructions),
            native_os.flash,
            oz.flash,
            ratio(oz.flash, native_os.flash),
            ratio(oz.flash, native.flash),
        ));

        let wasm_os = wasm_bench(kernel, "-Os", &clang, &platform_os, &dir);
        let (size_build, size_build_guest) = awsm_bench(kernel, &wasm_os, "size build", "-Oz", &[], &dir);
        assert_eq!(
            size_build.checksum, native.checksum,
            "{kernel} (clang -Os, awsm -Oz) computed a different checksum"
        );
        size_build_table.push_str(&format!(
            "| {kernel} | {} | {} | {:.2}x | {} | {} | {:.2}x | {size_build_guest} |\n",
            native.instructions,
            size_build.instructions,
            ratio(size_build.instructions, native.instructions),
            native.flash,
            size_build.flash,
            ratio(size_build.flash, native.flash),
        ));
    }
    let figures = format!("{table}\n{size_table}\n{size_build_table}");
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("embedded_figures.md");
    let _ = std::fs::write(&out, &figures);
    eprintln!(
        "embedded figures (Cortex-M4, mps2-an386, -icount shift=0), also in {}:\n{figures}",
        out.display()
    );
}

// ------------------------------------------------ Cortex-M memory options

/// Build `wat` for the Cortex-M4 board at -O2 with `flags`, run it, and
/// return (status, stderr).
fn run_cortex_m_module(test: &str, wat: &str, flags: &[&str]) -> Option<(Option<i32>, String)> {
    run_cortex_m_module_at(test, wat, "-O2", flags)
}

/// `run_cortex_m_module` at optimisation level `opt`.
fn run_cortex_m_module_at(test: &str, wat: &str, opt: &str, flags: &[&str]) -> Option<(Option<i32>, String)> {
    if let Err(reason) = CORTEX_M4.ready() {
        report_skip(&CORTEX_M4, test, &reason);
        return None;
    }
    let dir = build_root().join(test);
    std::fs::create_dir_all(&dir).expect("create a build directory");
    let source = dir.join("module.wat");
    std::fs::write(&source, wat).expect("write the module");
    let elf = dir.join(format!("module{opt}{}.elf", flags.join("").replace('-', "_")));
    let mut awsm = CORTEX_M4.awsm(&source, &elf, opt);
    awsm.args(flags);
    expect_success(&mut awsm).unwrap_or_else(|e| panic!("{e}"));
    let run = run_with_limit(&mut CORTEX_M4.command(&elf).unwrap(), b"", RUN_LIMIT).expect("run QEMU");
    Some((run.status.code(), String::from_utf8_lossy(&run.stderr).into_owned()))
}

/// `--page-size`: one declared page is 4 KiB; memory.size and memory.grow
/// count small pages; an access past the real end traps. With the default
/// 64 KiB pages the same access is in bounds; with the mask strategy it
/// wraps inside the arena instead of trapping (documented non-conformance).
#[test]
fn cortex_m_small_pages() {
    let wat = include_str!("targets/small_pages.wat");
    let Some((status, stderr)) = run_cortex_m_module("small_pages", wat, &["--page-size", "4096"]) else {
        return;
    };
    assert_eq!(status, Some(134), "4 KiB pages: expected the trap; stderr: {stderr}");
    assert!(stderr.contains("awsm: trap: out of bounds memory access"), "stderr: {stderr}");
    let Some((status, stderr)) = run_cortex_m_module("small_pages", wat, &[]) else { return };
    assert_eq!(status, Some(0), "64 KiB pages: stderr: {stderr}");
    let masked = ["--page-size", "4096", "--bounds-checks", "mask"];
    let Some((status, stderr)) = run_cortex_m_module("small_pages", wat, &masked) else { return };
    assert_eq!(status, Some(0), "mask strategy: stderr: {stderr}");
}

/// Checks hoisted out of counted loops compare against the accessible
/// size with small pages: a loop storing past the one 4 KiB page traps
/// (tests/targets/small_pages_loop.wat); with 64 KiB pages it is in bounds.
#[test]
fn cortex_m_small_pages_counted_loop() {
    let wat = include_str!("targets/small_pages_loop.wat");
    let Some((status, stderr)) = run_cortex_m_module("small_pages_loop", wat, &["--page-size", "4096"])
    else {
        return;
    };
    assert_eq!(status, Some(134), "4 KiB pages: expected the trap; stderr: {stderr}");
    assert!(stderr.contains("awsm: trap: out of bounds memory access"), "stderr: {stderr}");
    let Some((status, stderr)) = run_cortex_m_module("small_pages_loop", wat, &[]) else { return };
    assert_eq!(status, Some(0), "64 KiB pages: stderr: {stderr}");
}

/// Loops exiting on data, unrolled once with their checks shared
/// (src/translate/unroll.rs, grouped.rs): in-bounds scans and shifts at
/// both ends of memory, where the shared test fails and each access is
/// checked on its own, compute the right results; scans and shifts that
/// leave memory, up past the end or down through 0, still trap
/// (tests/targets/grouped_checks.wat). At -Oz, which neither unrolls nor
/// groups, every access is checked on its own: the same results.
#[test]
fn cortex_m_grouped_checks_trap_where_wasm_does() {
    let wat = include_str!("targets/grouped_checks.wat");
    for opt in ["-O2", "-Oz"] {
        for mode in 0..=4 {
            let module = wat.replace("MODE", &mode.to_string());
            let test = format!("grouped_checks_{mode}");
            let Some((status, stderr)) = run_cortex_m_module_at(&test, &module, opt, &[]) else {
                return;
            };
            if mode == 0 {
                assert_eq!(status, Some(0), "{opt}: in-bounds accesses near the ends; stderr: {stderr}");
            } else {
                assert_eq!(status, Some(134), "{opt} mode {mode}: expected the trap; stderr: {stderr}");
                assert!(
                    stderr.contains("awsm: trap: out of bounds memory access"),
                    "{opt} mode {mode}: {stderr}"
                );
            }
        }
    }
}

/// The firmware's own instance set-up (command.c) agrees with generated
/// code on type ids and on the memory copies memory.grow refreshes; the
/// module says step by step (tests/targets/indirect_and_grow.wat).
#[test]
fn cortex_m_call_indirect_and_memory_grow() {
    let wat = include_str!("targets/indirect_and_grow.wat");
    let Some((status, stderr)) = run_cortex_m_module("indirect_and_grow", wat, &[]) else { return };
    assert_eq!(status, Some(0), "stderr: {stderr}");
}

/// A memory with a declared maximum is static storage in board firmware
/// (runtime/cortex_m/memory.c, driver.rs `static_memory_bytes`): data
/// segments land, memory.grow reaches the maximum and no further, and
/// accesses past the current end trap, with 64 KiB and with 4 KiB pages
/// and at -O2 and -Oz (tests/targets/static_memory.wat). The firmware
/// holds the array, sized by the maximum.
#[test]
fn cortex_m_static_memory_grows_to_its_maximum_and_traps_past_it() {
    let wat = include_str!("targets/static_memory.wat");
    for page in [65536u32, 4096] {
        for opt in ["-O2", "-Oz"] {
            for mode in 0..=2 {
                let module = wat
                    .replace("PAGE_MINUS_4", &(page - 4).to_string())
                    .replace("THREE_PAGES_MINUS_4", &(3 * page - 4).to_string())
                    .replace("THREE_PAGES_MINUS_2", &(3 * page - 2).to_string())
                    .replace("PAGE", &page.to_string())
                    .replace("MODE", &mode.to_string());
                let test = format!("static_memory_{page}_{mode}");
                let flags = ["--page-size", &page.to_string()];
                let Some((status, stderr)) = run_cortex_m_module_at(&test, &module, opt, &flags) else {
                    return;
                };
                if mode == 0 {
                    assert_eq!(status, Some(0), "{page}-byte pages {opt}: stderr: {stderr}");
                } else {
                    assert_eq!(status, Some(134), "{page}-byte pages {opt} mode {mode}: stderr: {stderr}");
                    assert!(stderr.contains("awsm: trap: out of bounds memory access"), "{stderr}");
                }
                let elf = build_root()
                    .join(&test)
                    .join(format!("module{opt}{}.elf", flags.join("").replace('-', "_")));
                let nm = Command::new("arm-none-eabi-nm")
                    .args(["-S", "-t", "d"])
                    .arg(&elf)
                    .output()
                    .expect("run nm");
                let symbols = String::from_utf8_lossy(&nm.stdout);
                let size = symbols
                    .lines()
                    .find(|l| l.ends_with(" awsm_cm_static_memory"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|s| s.parse::<u32>().ok());
                assert_eq!(size, Some(3 * page), "static memory of {elf:?}:\n{symbols}");
            }
        }
    }
}

/// Active data segments: the initialiser copies one it proves in bounds
/// without a check, using the page size (`--page-size 4096`: one page is
/// 4 KiB, not 64), and leaves one that ends past the memory to the run-time
/// check, which traps as instantiation fails on Linux. Had the proof
/// assumed 64 KiB pages, the second would be copied past the 4 KiB array.
#[test]
fn cortex_m_data_segments_are_checked_against_the_real_page_size() {
    for (test, at, status) in [("data_ends_at_the_end", 4092, 0), ("data_past_the_end", 4094, 134)] {
        let wat = format!(
            "(module (memory 1 1) (data (i32.const {at}) \"abcd\")\n\
             (func (export \"_start\") (if (i32.ne (i32.load (i32.const 4092)) (i32.const 0x64636261))\n\
             (then unreachable))))"
        );
        let Some((got, stderr)) = run_cortex_m_module(test, &wat, &["--page-size", "4096"]) else { return };
        assert_eq!(got, Some(status), "{test}: stderr: {stderr}");
        if status == 134 {
            assert_eq!(stderr.trim_end(), "awsm: trap: out of bounds memory access", "{test}");
        }
    }
}

/// A memory too large for the board: without a maximum it stays on the
/// heap, and one larger than the heap (16 MiB) fails to load with awsm's
/// one-line error and status 1; with a maximum above the static limit
/// (2 MiB) it keeps that path too rather than overflowing RAM at link
/// time.
#[test]
fn cortex_m_oversized_memory_is_a_clear_load_error() {
    for (test, wat) in [
        ("oversized_memory", "(module (memory 300) (func (export \"_start\")))"),
        ("oversized_max_memory", "(module (memory 300 400) (func (export \"_start\")))"),
    ] {
        let Some((status, stderr)) = run_cortex_m_module(test, wat, &[]) else { return };
        assert_eq!(status, Some(1), "stderr: {stderr}");
        assert_eq!(stderr.trim_end(), "awsm: cannot allocate linear memory", "stderr: {stderr}");
    }
}

/// Bring your own board: an object built without --board, linked by hand
/// with the MPS2 glue as the "user's" firmware code, runs the same way.
#[test]
fn cortex_m_object_links_into_user_firmware() {
    if let Err(reason) = CORTEX_M4.ready() {
        return report_skip(&CORTEX_M4, "object_links_into_user_firmware", &reason);
    }
    let dir = build_root().join("byob");
    std::fs::create_dir_all(&dir).expect("create a build directory");
    let wat = dir.join("prog.wat");
    std::fs::write(
        &wat,
        r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from an object\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 21))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))"#,
    )
    .expect("write the module");
    let object = dir.join("prog.o");
    let mut awsm = Command::new(env!("CARGO_BIN_EXE_awsm"));
    awsm.args(["--target", "thumbv7em-none-eabihf", "-O2"]).arg(&wat).arg("-o").arg(&object);
    expect_success(&mut awsm).unwrap_or_else(|e| panic!("{e}"));
    let elf = dir.join("prog.elf");
    let mut gcc = Command::new("arm-none-eabi-gcc");
    gcc.args(["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-O2", "-nostartfiles"])
        .args(["--specs=nano.specs", "-DAWSM_ENTRY_MODULE=prog_module", "-I"])
        .arg(repo_path("runtime/include"))
        .arg("-T")
        .arg(repo_path("runtime/cortex_m/board/mps2-an386.ld"))
        .arg(repo_path("runtime/cortex_m/board/mps2.c"))
        .arg(&object)
        .arg("-o")
        .arg(&elf)
        .args(["-lm", "-lc", "-lgcc"]);
    expect_success(&mut gcc).unwrap_or_else(|e| panic!("{e}"));
    let run = run_with_limit(&mut CORTEX_M4.command(&elf).unwrap(), b"", RUN_LIMIT).expect("run QEMU");
    assert_eq!(run.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello from an object\n");
}

/// The MPS2 board reports a fault the guest's checks did not catch as a
/// trap: tests/targets/fault_board.c stands in for the runtime and runs an
/// undefined instruction, which must print the exception number (6,
/// UsageFault), CFSR's UNDEFINSTR bit, HFSR and the faulting PC, and exit
/// with status 134.
#[test]
fn cortex_m_fault_is_reported_as_a_trap() {
    if let Err(reason) = CORTEX_M4.ready() {
        return report_skip(&CORTEX_M4, "fault_is_reported_as_a_trap", &reason);
    }
    let dir = build_root().join("fault");
    std::fs::create_dir_all(&dir).expect("create a build directory");
    let elf = dir.join("fault.elf");
    let mut gcc = Command::new("arm-none-eabi-gcc");
    gcc.args(["-mcpu=cortex-m4", "-mthumb", "-mfloat-abi=hard", "-mfpu=fpv4-sp-d16", "-O2", "-nostartfiles"])
        .args(["--specs=nano.specs", "-DAWSM_ENTRY_MODULE=fault_module", "-I"])
        .arg(repo_path("runtime/include"))
        .arg("-T")
        .arg(repo_path("runtime/cortex_m/board/mps2-an386.ld"))
        .arg(repo_path("runtime/cortex_m/board/mps2.c"))
        .arg(repo_path("tests/targets/fault_board.c"))
        .arg("-o")
        .arg(&elf)
        .args(["-lc", "-lgcc"]);
    expect_success(&mut gcc).unwrap_or_else(|e| panic!("{e}"));
    let nm = Command::new("arm-none-eabi-nm").arg(&elf).output().expect("run arm-none-eabi-nm");
    let pc = String::from_utf8_lossy(&nm.stdout)
        .lines()
        .find_map(|l| l.strip_suffix(" T awsm_cm_run_command").map(str::to_string))
        .expect("awsm_cm_run_command in the image");
    let run = run_with_limit(&mut CORTEX_M4.command(&elf).unwrap(), b"", RUN_LIMIT).expect("run QEMU");
    assert_eq!(run.status.code(), Some(134), "stderr: {}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        format!(
            "awsm: trap: hardware fault (IPSR 0x00000006, CFSR 0x00010000, HFSR 0x00000000, PC 0x{pc})\n"
        )
    );
}

/// Firmware flash bound: a WASI "hello" (fd_write, proc_exit) built for
/// the Cortex-M4 board at -O2 fits in 1.5 KiB of flash, startup,
/// semihosting, trap messages, fault reporting, memcpy/memset and runtime
/// included (1352 bytes; 2412 before the runtime learnt from the compiler
/// what the module needs, 2.9 KiB before the runtime was compiled at -Oz
/// and firmware found `_start` without a search). It was 9-10 KiB while
/// firmware went through the general embedding API (awsm_instantiate, the
/// signature registry, import resolution, newlib's malloc and string
/// functions); awsm_cm_run_command (runtime/cortex_m/command.c) keeps them
/// out. Sizes, not time: the bound is deterministic. The image must also
/// still run.
#[test]
fn cortex_m_firmware_flash_stays_small() {
    const FLASH_BOUND: u64 = 1536;
    if let Err(reason) = CORTEX_M4.ready() {
        return report_skip(&CORTEX_M4, "firmware_flash_stays_small", &reason);
    }
    let wat = r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "\10\00\00\00\06\00\00\00")
  (data (i32.const 16) "hello\n")
  (func (export "_start")
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.const 3))))"#;
    let dir = build_root().join("flash-bound");
    std::fs::create_dir_all(&dir).expect("create a build directory");
    let source = dir.join("hello.wat");
    std::fs::write(&source, wat).expect("write the module");
    let elf = dir.join("hello.elf");
    expect_success(&mut CORTEX_M4.awsm(&source, &elf, "-O2")).unwrap_or_else(|e| panic!("{e}"));
    let run = run_with_limit(&mut CORTEX_M4.command(&elf).unwrap(), b"", RUN_LIMIT).expect("run QEMU");
    assert_eq!(run.status.code(), Some(3), "stderr: {}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello\n");
    let flash = flash_bytes(&elf).unwrap_or_else(|e| panic!("{e}"));
    assert!(flash <= FLASH_BOUND, "hello firmware takes {flash} bytes of flash, more than {FLASH_BOUND}");
}

// ------------------------------------------------------------ option errors

/// awsm's answer to target options that cannot work: an error naming
/// what would (fast: nothing is linked).
#[test]
fn target_option_errors_say_what_works() {
    let dir = build_root().join("option-errors");
    std::fs::create_dir_all(&dir).expect("create a build directory");
    let wat = dir.join("m.wat");
    std::fs::write(&wat, "(module (memory 1) (func (export \"_start\")))").expect("write");
    let path_open = dir.join("files.wat");
    std::fs::write(
        &path_open,
        r#"(module (import "wasi_snapshot_preview1" "path_open"
             (func (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
           (memory 1) (func (export "_start")))"#,
    )
    .expect("write");
    let start_with_params = dir.join("start_with_params.wat");
    std::fs::write(&start_with_params, "(module (func (export \"_start\") (param i32)))").expect("write");
    let out = dir.join("out");
    let cases: &[(&[&str], &Path, &str)] = &[
        (&["--target", "riscv64gc-unknown-linux-gnu"], &wat, "known targets: x86_64-unknown-linux-gnu, i686"),
        (
            &["--target", "i686-unknown-linux-gnu", "--bounds-checks", "guard-pages"],
            &wat,
            "64-bit address space",
        ),
        (&["--target", "i686-unknown-linux-gnu", "--bounds-checks", "mask"], &wat, "not available on i686"),
        (&["--board", "mps2-an386"], &wat, "--board is for Cortex-M targets"),
        (&["--page-size", "4096"], &wat, "--page-size is for Cortex-M targets"),
        (&["--target", "thumbv7em-none-eabihf"], &wat, "add --board (mps2-an386, mps2-an500)"),
        (&["--target", "thumbv7em-none-eabihf", "--board", "stm32"], &wat, "known boards: mps2-an386"),
        (
            &["--target", "thumbv7em-none-eabihf", "--board", "mps2-an386", "--page-size", "3000"],
            &wat,
            "power of two",
        ),
        (
            &["--target", "thumbv7em-none-eabihf", "--board", "mps2-an386"],
            &path_open,
            "has no WASI path_open",
        ),
        (
            &["--target", "thumbv7em-none-eabihf", "--board", "mps2-an386"],
            &start_with_params,
            "this one has type i:",
        ),
    ];
    for (flags, input, wanted) in cases {
        let output = Command::new(env!("CARGO_BIN_EXE_awsm"))
            .args(*flags)
            .arg(input)
            .arg("-o")
            .arg(&out)
            .output()
            .expect("run awsm");
        let stderr = String::from_utf8_lossy(&output.stderr);
        // A target whose runtime is absent here says so instead; that is
        // the missing-package message, also acceptable.
        let absent = stderr.contains("headers are missing");
        assert!(
            !output.status.success() && (stderr.contains(wanted) || absent),
            "awsm {flags:?}: expected an error mentioning {wanted:?}, got: {stderr}"
        );
    }
}
