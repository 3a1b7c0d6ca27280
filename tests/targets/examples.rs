//! The example programs of example_code/ on a platform: each is built once
//! with clang -O2 for wasm32-wasi (shared by every platform), compiled by
//! awsm at the platform's level, run, and held to the same expectation as
//! on x86-64 (tests/common/expectation.rs). Also the NaN-payload check
//! every platform runs, and the checks that keep the example lists true.

use crate::common::expectation::{Expectation, compare, example_dir, examples_on_disk, load_expectation};
use crate::common::{expect_success, wasi_clang};
use crate::platform::{COMPILE_LIMIT, PLATFORMS, Platform, RUN_LIMIT, build_dir, build_root};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Arc, Mutex, OnceLock};

/// Examples Cortex-M firmware cannot run, and why: the freestanding WASI
/// subset has no arguments, environment or stdin, and the MPS2 boards have
/// a 16 MiB heap for linear memory (runtime/cortex_m/board/*.ld). They are
/// left out of `firmware_examples!`; `firmware_lists_leave_out_exactly_these`
/// keeps the two lists a partition of the examples.
pub const CORTEX_M_SKIPS: &[(&str, &str)] = &[
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
                .arg(example_dir().join(format!("{name}.c")))
                .arg("-o")
                .arg(&wasm)
                .arg("-lm")
                .args(&exp.wasm_cflags);
            expect_success(&mut cc, COMPILE_LIMIT).map(|()| wasm)
        }))
    })
    .clone()
}

/// Builds, runs and checks example `name` on `platform`.
pub fn run_example(platform: &Platform, name: &str) {
    let exp = load_expectation(&example_dir(), name).unwrap_or_else(|e| panic!("{name}: {e}"));
    if !platform.ready_for(name) {
        return;
    }
    let wasm = match wasm_for(name, &exp).as_ref() {
        Ok(wasm) => wasm.clone(),
        Err(e) => panic!("{name}: building the wasm module failed: {e}"),
    };
    let exe = build_root().join(format!("{name}.{}", platform.name));
    let outcome = expect_success(&mut platform.awsm(&wasm, &exe, platform.opt), COMPILE_LIMIT)
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
            panic!(
                "{}::{name} now passes: remove it from KNOWN_FAILURES in tests/targets/examples.rs",
                platform.name
            )
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
    let stdin = exp.stdin_bytes()?;
    let mut run = platform.command(exe)?;
    run.args(&exp.args).env_clear().envs(exp.env.iter().map(|(k, v)| (k, v)));
    let finished =
        crate::common::run_with_limit(&mut run, &stdin, RUN_LIMIT).map_err(|e| format!("cannot run: {e}"))?;
    let problems = compare(exp, &finished, RUN_LIMIT);
    if problems.is_empty() { Ok(()) } else { Err(format!("\n{}\n  run: {run:?}", problems.join("\n"))) }
}

/// Signalling-NaN payloads must survive direct and indirect calls, and
/// f32.neg must flip only the sign (on i686 the C ABI returns floats in
/// x87 registers, which quiet sNaNs: src/target/i686.rs). The module exits
/// with a bit mask of the failed checks.
const NAN_WAT: &str = include_str!("nan_payloads.wat");

/// The NaN-payload module on `platform`, at -O0 and -O2 (or at the
/// platform's own level when that is not -O2).
pub fn run_nan_payloads(platform: &Platform) {
    if !platform.ready_for("nan_payloads_survive_calls") {
        return;
    }
    let dir = build_dir(format!("nan-{}", platform.name));
    let wat = dir.join("nan_payloads.wat");
    std::fs::write(&wat, NAN_WAT).expect("write the module");
    let levels: &[&str] = if platform.opt == "-O2" { &["-O0", "-O2"] } else { &[platform.opt] };
    for &opt in levels {
        let exe = dir.join(format!("nan{opt}"));
        platform.build(&wat, &exe, opt, &[]);
        let run = platform.run(&exe);
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

/// Every example in example_code/ is run on the Linux platforms.
#[test]
fn every_example_is_listed() {
    let mut listed: Vec<String> = crate::i686::EXAMPLES.iter().map(|s| s.to_string()).collect();
    listed.sort();
    assert_eq!(
        examples_on_disk(),
        listed,
        "every_example! in tests/targets.rs is out of step with example_code/"
    );
    assert_eq!(crate::aarch64::EXAMPLES, crate::i686::EXAMPLES, "aarch64 runs every example too");
}

/// The Cortex-M4 runs every example but those in CORTEX_M_SKIPS, and the
/// smaller Cortex-M platforms only examples firmware can run; so an
/// example added to example_code/ must be placed in one list or the other.
#[test]
fn firmware_lists_leave_out_exactly_these() {
    let firmware = crate::cortex_m4::EXAMPLES;
    for name in crate::i686::EXAMPLES {
        let skipped = CORTEX_M_SKIPS.iter().any(|(n, _)| n == name);
        assert!(
            skipped != firmware.contains(name),
            "{name} must be in exactly one of firmware_examples! and CORTEX_M_SKIPS"
        );
    }
    for (name, _) in CORTEX_M_SKIPS {
        assert!(crate::i686::EXAMPLES.contains(name), "CORTEX_M_SKIPS names unknown example {name}");
    }
    let subsets =
        [crate::cortex_m7::EXAMPLES, crate::cortex_m4_soft::EXAMPLES, crate::cortex_m4_oz::EXAMPLES];
    for name in subsets.iter().flat_map(|s| s.iter()) {
        assert!(firmware.contains(name), "a Cortex-M subset names {name}, which firmware cannot run");
    }
}

/// The known-failure list names real examples and platforms.
#[test]
fn skip_lists_name_real_examples() {
    let platforms: Vec<&str> = PLATFORMS.iter().map(|p| p.name).collect();
    for (platform, name, _) in KNOWN_FAILURES {
        assert!(crate::i686::EXAMPLES.contains(name), "KNOWN_FAILURES names unknown example {name}");
        assert!(platforms.contains(platform), "KNOWN_FAILURES names unknown platform {platform}");
    }
}
