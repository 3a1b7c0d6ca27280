//! Every `--bounds-checks` strategy of the host target against the same
//! programs (tests/strategies/): hand-written .wat modules and wasm32-wasi
//! C programs compiled to executables, and a C host (host.c) linked with
//! a module compiled to an object. Each case states what each strategy
//! must do: guard-pages, explicit and segment trap as the spec says; mask wraps
//! the address into its arena (the value the wrapped access reads is
//! asserted); none is only run on in-bounds cases. doc/bounds-checks.md
//! describes the strategies.
//!
//! `cargo test --release --test strategies`. Compiles run on two threads.

mod common;

use common::{awsm, host_cc, repo_path, report_skip, wasi_clang};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Mutex;

/// The strategies awsm offers on x86_64 Linux, in AWSM_STRATEGY_* order.
const HOST_STRATEGIES: [&str; 5] = ["guard-pages", "explicit", "mask", "none", "segment"];
/// What a trapping executable prints (and it exits 134).
const OOB_TRAP: &str = "awsm: trap: out of bounds memory access";
const TRAP_EXIT: i32 = 134;
/// Signal number of SIGSEGV on Linux.
const SIGSEGV: i32 = 11;

/// What one program must do under one strategy.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// Exit with this status, no trap.
    Exit(i32),
    /// Die with the out-of-bounds trap.
    Trap,
    /// Not run: the access is out of bounds and the strategy is `none`.
    Skip,
}

/// A test program and its expected behaviour per kind of strategy.
struct Case {
    /// File in tests/strategies/.
    file: &'static str,
    /// guard-pages, explicit and segment.
    conforming: Expect,
    mask: Expect,
    none: Expect,
}

impl Case {
    fn expect(&self, strategy: &str) -> Expect {
        match strategy {
            "mask" => self.mask,
            "none" => self.none,
            _ => self.conforming,
        }
    }
}

use Expect::{Exit, Skip, Trap};

/// The .wat cases; each file's comment explains its numbers.
const WAT_CASES: &[Case] = &[
    Case { file: "last_byte.wat", conforming: Exit(7), mask: Exit(7), none: Exit(7) },
    Case { file: "one_past_end.wat", conforming: Trap, mask: Exit(42), none: Skip },
    Case { file: "straddle.wat", conforming: Trap, mask: Exit(17), none: Skip },
    Case { file: "offset_overflow.wat", conforming: Trap, mask: Exit(42), none: Skip },
    Case { file: "offset_overflow_nomax.wat", conforming: Trap, mask: Exit(43), none: Skip },
    Case { file: "after_grow.wat", conforming: Trap, mask: Exit(42), none: Skip },
    Case { file: "failed_grow.wat", conforming: Trap, mask: Exit(0), none: Skip },
    Case { file: "zero_pages.wat", conforming: Trap, mask: Exit(3), none: Skip },
    Case { file: "zero_pages_grow.wat", conforming: Exit(8), mask: Exit(8), none: Exit(8) },
    Case { file: "fill_loop.wat", conforming: Trap, mask: Exit(0), none: Skip },
    Case { file: "copy_loop.wat", conforming: Trap, mask: Exit(0), none: Skip },
    // Index arithmetic wrapping around 2^32 (src/translate/mirror.rs).
    Case { file: "wrap_in_bounds.wat", conforming: Exit(0), mask: Exit(0), none: Exit(0) },
    Case { file: "wrap_oob_view0.wat", conforming: Trap, mask: Skip, none: Skip },
    Case { file: "wrap_oob_view1.wat", conforming: Trap, mask: Skip, none: Skip },
    Case { file: "wrap_oob_view2.wat", conforming: Trap, mask: Skip, none: Skip },
    Case { file: "wrap_oob_offset.wat", conforming: Trap, mask: Skip, none: Skip },
    Case { file: "wrap_alias.wat", conforming: Exit(6), mask: Exit(6), none: Exit(6) },
    Case { file: "wrap_store_forward.wat", conforming: Exit(255), mask: Exit(255), none: Exit(255) },
    Case { file: "wrap_loop.wat", conforming: Exit(0), mask: Exit(0), none: Exit(0) },
    Case { file: "wrap_loop_oob.wat", conforming: Trap, mask: Exit(0), none: Skip },
    Case { file: "wrap_grow.wat", conforming: Exit(0), mask: Exit(0), none: Exit(0) },
    // Arrays at unknown distances in a vectorized loop (mirror.rs's array bases).
    Case { file: "array_alias_loop.wat", conforming: Exit(70), mask: Exit(70), none: Exit(70) },
    // Loops counted to an equality limit, translated twice (versioning.rs).
    Case { file: "counted_loops.wat", conforming: Exit(0), mask: Exit(0), none: Exit(0) },
    Case { file: "counted_loop_trap.wat", conforming: Trap, mask: Skip, none: Skip },
    Case { file: "counted_loop_oob.wat", conforming: Trap, mask: Exit(0), none: Skip },
    Case { file: "reroll.wat", conforming: Exit(0), mask: Exit(0), none: Exit(0) },
    // Byte-wide logic computed wide on x86 (src/target/x86.rs).
    Case { file: "narrow_logic.wat", conforming: Exit(0), mask: Exit(0), none: Exit(0) },
    // Loads whose value is dead (passes/keep_loads.rs); also at every level below.
    Case { file: "dead_local.wat", conforming: Trap, mask: Exit(7), none: Skip },
    Case { file: "dead_and_zero.wat", conforming: Trap, mask: Exit(0), none: Skip },
    Case { file: "dead_select.wat", conforming: Trap, mask: Exit(1), none: Skip },
    Case { file: "dead_br_table.wat", conforming: Trap, mask: Exit(5), none: Skip },
    Case { file: "dead_call_result.wat", conforming: Trap, mask: Exit(9), none: Skip },
    Case { file: "dead_if.wat", conforming: Trap, mask: Exit(3), none: Skip },
    Case { file: "dead_store_overwritten.wat", conforming: Trap, mask: Exit(4), none: Skip },
    Case { file: "dead_phi.wat", conforming: Trap, mask: Exit(6), none: Skip },
    Case { file: "dead_return.wat", conforming: Trap, mask: Exit(2), none: Skip },
    Case { file: "narrowed_load.wat", conforming: Trap, mask: Exit(0), none: Skip },
];

/// The C cases (built with clang --target=wasm32-wasi).
const C_CASES: &[Case] = &[
    Case { file: "oob_store.c", conforming: Trap, mask: Exit(0), none: Skip },
    Case { file: "grow_loop.c", conforming: Exit(0), mask: Exit(0), none: Exit(0) },
];

fn fixture(name: &str) -> PathBuf {
    repo_path("tests/strategies").join(name)
}

/// Run `job` over `items` on two threads (the test machines have two
/// cores); results in the order of `items`.
fn parallel<T: Sync, R: Send>(items: &[T], job: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = Mutex::new(0usize);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some(item) = items.get(i) else { break };
                    let r = job(item);
                    results.lock().unwrap()[i] = Some(r);
                }
            });
        }
    });
    results.into_inner().unwrap().into_iter().map(|r| r.expect("every job ran")).collect()
}

fn run(command: &mut Command) -> Output {
    command.output().unwrap_or_else(|e| panic!("cannot run {command:?}: {e}"))
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Compile `input` (.wat or .wasm) to an executable with `strategy` at
/// optimisation level `opt` and run it; None when it matched `expect`,
/// else what went wrong.
fn check_executable(input: &Path, strategy: &str, opt: &str, expect: Expect, dir: &Path) -> Option<String> {
    let stem = input.file_stem().unwrap().to_string_lossy();
    // `<stem>-<strategy>` at -O2: c_matrix runs the grow loop again by that name.
    let level = if opt == "-O2" { "" } else { opt };
    let exe = dir.join(format!("{stem}-{strategy}{level}"));
    let out = run(awsm().arg(input).arg("-o").arg(&exe).args(["--bounds-checks", strategy, opt]));
    if !out.status.success() {
        return Some(format!("{stem} {strategy} {opt}: awsm failed: {}", text(&out.stderr)));
    }
    let out = run(&mut Command::new(&exe));
    let (code, stderr) = (out.status.code(), text(&out.stderr));
    let ok = match expect {
        Exit(n) => code == Some(n) && !stderr.contains("awsm: trap"),
        Trap => code == Some(TRAP_EXIT) && stderr.contains(OOB_TRAP),
        Skip => true,
    };
    (!ok).then(|| {
        format!(
            "{stem} {strategy} {opt}: expected {expect:?}, got {:?}; stdout {:?}; stderr {stderr:?}",
            out.status,
            text(&out.stdout)
        )
    })
}

fn check_cases(cases: &[(PathBuf, Expect, &'static str)], dir: &Path) {
    check_cases_at(cases, "-O2", dir);
}

fn check_cases_at(cases: &[(PathBuf, Expect, &'static str)], opt: &str, dir: &Path) {
    let failures: Vec<String> =
        parallel(cases, |(input, expect, strategy)| check_executable(input, strategy, opt, *expect, dir))
            .into_iter()
            .flatten()
            .collect();
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// Every .wat case under every strategy.
#[test]
fn wat_matrix() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<_> = WAT_CASES
        .iter()
        .flat_map(|c| HOST_STRATEGIES.iter().map(move |s| (fixture(c.file), c.expect(s), *s)))
        .filter(|(_, e, _)| *e != Skip)
        .collect();
    check_cases(&cases, dir.path());
}

/// The .wat cases at -Os under the strategies that trap as the spec says
/// and differ in their code: without versioned loops (counted_loops,
/// counted_loop_trap, reroll) and without unrolling, every case must
/// still behave as at -O2.
#[test]
fn wat_cases_at_os() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<_> = WAT_CASES
        .iter()
        .flat_map(|c| ["guard-pages", "explicit"].map(|s| (fixture(c.file), c.expect(s), s)))
        .collect();
    check_cases_at(&cases, "-Os", dir.path());
}

/// The dead-load cases at the levels wat_matrix (-O2) and wat_cases_at_os
/// do not run them at, under the strategies that trap: the load must
/// fault (guard-pages, segment) or be checked (explicit) even though its
/// value is never used (issue 18).
#[test]
fn dead_loads_trap_at_every_level() {
    let dir = tempfile::tempdir().unwrap();
    let dead = || WAT_CASES.iter().filter(|c| c.file.starts_with("dead_") || c.file == "narrowed_load.wat");
    for level in ["-O0", "-O1", "-O3", "-Os"] {
        let strategies: &[&str] =
            if level == "-Os" { &["segment"] } else { &["guard-pages", "segment", "explicit"] };
        let cases: Vec<_> =
            dead().flat_map(|c| strategies.iter().map(|s| (fixture(c.file), Trap, *s))).collect();
        check_cases_at(&cases, level, dir.path());
    }
}

/// The C programs under every strategy; the grow loop must also print
/// the same line under each.
#[test]
fn c_matrix() {
    let clang = match wasi_clang() {
        Ok(clang) => &clang.program,
        Err(why) => return report_skip("c_matrix", why),
    };
    let dir = tempfile::tempdir().unwrap();
    let built = parallel(C_CASES, |c| {
        let wasm = dir.path().join(c.file.replace(".c", ".wasm"));
        let out = run(Command::new(clang)
            .args(["--target=wasm32-wasi", "-O2"])
            .arg(fixture(c.file))
            .arg("-o")
            .arg(&wasm)
            .arg("-Wl,--max-memory=16777216"));
        out.status.success().then_some(wasm).ok_or_else(|| text(&out.stderr))
    });
    let mut cases = Vec::new();
    for (c, wasm) in C_CASES.iter().zip(built) {
        let wasm = wasm.unwrap_or_else(|e| panic!("{clang} cannot build {}: {e}", c.file));
        cases.extend(HOST_STRATEGIES.iter().map(|s| (wasm.clone(), c.expect(s), *s)));
    }
    cases.retain(|(_, e, _)| *e != Skip);
    check_cases(&cases, dir.path());
    let lines: Vec<String> = HOST_STRATEGIES
        .iter()
        .map(|s| text(&run(&mut Command::new(dir.path().join(format!("grow_loop-{s}")))).stdout))
        .collect();
    assert!(lines[0].starts_with("blocks ") && lines[0].contains(" bad 0 "), "{}", lines[0]);
    assert!(lines.iter().all(|l| *l == lines[0]), "grow_loop differs across strategies: {lines:?}");
    let survived = text(&run(&mut Command::new(dir.path().join("oob_store-mask"))).stdout);
    assert!(survived.contains("survived"), "{survived}");
}

/// The C host `host_c` (in tests/strategies/) linked with `modules`
/// ((.wat file, `--name`) pairs) compiled with `strategy`; the host is
/// `<host_c's stem>-<strategy>` in `dir`.
fn build_host(dir: &Path, host_c: &str, modules: &[(&str, &str)], strategy: &str) -> PathBuf {
    let mut objects = Vec::new();
    for (wat, name) in modules {
        let obj = dir.join(format!("{name}-{strategy}.o"));
        let out =
            run(awsm().arg(fixture(wat)).args(["--name", name, "--bounds-checks", strategy, "-o"]).arg(&obj));
        assert!(out.status.success(), "awsm {wat} {strategy}: {}", text(&out.stderr));
        objects.push(obj);
    }
    let host = dir.join(format!("{}-{strategy}", host_c.trim_end_matches(".c")));
    let out = run(Command::new(host_cc())
        .args(["-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(repo_path("runtime/include"))
        .arg(fixture(host_c))
        .args(&objects)
        .args(["-lm", "-lpthread", "-o"])
        .arg(&host));
    assert!(out.status.success(), "cc {host_c} {strategy}: {}", text(&out.stderr));
    host
}

/// host.c linked with instances.wat and imports.wat compiled with each
/// strategy.
fn build_hosts(dir: &Path) -> Vec<PathBuf> {
    parallel(&HOST_STRATEGIES, |s| {
        build_host(dir, "host.c", &[("instances.wat", "mod"), ("imports.wat", "imp")], s)
    })
}

/// Several instances alive at once keep their memories apart, and an
/// out-of-bounds access in one (trap, or mask's wrap into its own memory)
/// leaves every one usable. An imported memory must suit the importer's
/// strategy (unchecked code needs the guard region, masked code a mask
/// arena, which nothing else provides). Then host faults, outside any guest call,
/// must kill the process with SIGSEGV: a NULL dereference after a guest
/// call, and a write into a live reservation's inaccessible part.
#[test]
fn host_instances_and_host_faults() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let hosts = build_hosts(dir.path());
    for (s, host) in HOST_STRATEGIES.iter().zip(&hosts) {
        let out = run(Command::new(host).arg("instances"));
        assert!(out.status.success(), "{s}: {:?} {}", out.status, text(&out.stderr));
        let oob = match *s {
            // Wraps to address 0 of instance 1, which holds 51.
            "mask" => "out of bounds: 51".to_string(),
            // none: the 8 GiB reservation happens to catch it.
            _ => "out of bounds: trap: out of bounds memory access".to_string(),
        };
        let expected = format!(
            "instance 0: 10\ninstance 1: 11\ninstance 2: 12\n{oob}\n\
             instance 0 after: 10\ninstance 1 after: 11\ninstance 2 after: 12\n"
        );
        assert_eq!(text(&out.stdout), expected, "{s}");

        // Which host-made memories (guard-pages, explicit, mask, none,
        // segment) code compiled with `s` may import.
        let accepted = match *s {
            "explicit" => [true, true, true, true, true],
            "mask" => [false, false, true, false, false],
            _ => [true, false, false, true, true],
        };
        let expected: String = HOST_STRATEGIES
            .iter()
            .zip(accepted)
            .map(|(m, ok)| format!("{m} memory: {}\n", if ok { "accepted" } else { "refused" }))
            .collect();
        let out = run(Command::new(host).arg("imports"));
        assert!(out.status.success(), "{s} imports: {:?} {}", out.status, text(&out.stderr));
        assert_eq!(text(&out.stdout), expected, "{s} imports");

        let modes: &[&str] = match *s {
            // explicit has no reservation beyond the memory itself.
            "explicit" => &["null"],
            _ => &["null", "reservation"],
        };
        for mode in modes {
            let out = run(Command::new(host).arg(mode));
            assert_eq!(
                out.status.signal(),
                Some(SIGSEGV),
                "{s} {mode}: a host fault must kill the process: {:?}, stderr {}",
                out.status,
                text(&out.stderr)
            );
        }
    }
}

/// Calls from one instance into another's code — an import bound to an
/// export, a shared table, a host function calling back in — keep each
/// instance on its own memory, also when the callee traps and on two
/// threads at once (what segment's %gs switching must get right; the
/// other strategies show the same results). Under segment, also with %gs
/// written by system call instead of wrgsbase. Then a host function
/// faulting inside its caller's reservation, during a guest call, must
/// still crash the process: only compiled guest code's faults are traps.
#[test]
fn cross_instance_calls_and_host_function_faults() {
    use std::os::unix::process::ExitStatusExt;
    let dir = tempfile::tempdir().unwrap();
    let strategies = ["guard-pages", "explicit", "segment", "mask", "none"];
    let hosts = parallel(&strategies, |s| build_host(dir.path(), "cross.c", &[("cross.wat", "cross")], s));
    let calls = "via_import: 70307\nvia_table: 70307\nvia_host: 70307\nown table slot: 70707\n\
                 b from b's host function: 30703\n";
    let traps = "b traps under a: out of bounds memory access\na after: 7\n\
                 b traps inside the host function: 69907\na after: 70307\n";
    for (s, host) in strategies.iter().zip(&hosts) {
        let syscall_path: &[bool] = if *s == "segment" { &[false, true] } else { &[false] };
        let conforming = ["guard-pages", "explicit", "segment"].contains(s);
        for &syscall in syscall_path {
            let mut modes = vec![("calls", calls), ("threads", "threads: 0 wrong\n")];
            if conforming {
                modes.push(("traps", traps));
            }
            for (mode, expected) in modes {
                let mut cmd = Command::new(host);
                if syscall {
                    cmd.env("AWSM_SEGMENT_SYSCALL", "1");
                }
                let out = run(cmd.arg(mode));
                assert!(out.status.success(), "{s} {mode}: {:?} {}", out.status, text(&out.stderr));
                assert_eq!(text(&out.stdout), expected, "{s} {mode} (system-call %gs: {syscall})");
            }
        }
        let out = run(Command::new(host).arg("host_fault"));
        assert_eq!(
            out.status.signal(),
            Some(SIGSEGV),
            "{s}: a host function's fault must kill the process: {:?}, stderr {}",
            out.status,
            text(&out.stderr)
        );
    }
}

/// A strategy the target lacks is refused, naming those it has.
#[test]
fn unsupported_strategies_are_refused() {
    let input = fixture("last_byte.wat");
    let cases = [
        ("i686-linux-gnu", "mask", "it supports: explicit"),
        ("i686-linux-gnu", "none", "it supports: explicit"),
        ("i686-linux-gnu", "guard-pages", "64-bit"),
        ("thumbv7em-none-eabihf", "guard-pages", "it supports: explicit, mask"),
        ("thumbv7em-none-eabihf", "none", "it supports: explicit, mask"),
        (
            "aarch64-linux-gnu",
            "segment",
            "x86-64 Linux only); it supports: guard-pages, explicit, mask, none",
        ),
        ("i686-linux-gnu", "segment", "x86-64 Linux only); it supports: explicit"),
        ("thumbv7em-none-eabi", "segment", "it supports: explicit, mask"),
        ("x86_64-linux-gnu", "bogus", "known: guard-pages, explicit, mask, none, segment"),
    ];
    for (target, strategy, wanted) in cases {
        let out = run(awsm().arg(&input).args([
            "-o",
            "/dev/null",
            "--emit",
            "obj",
            "--target",
            target,
            "--bounds-checks",
            strategy,
        ]));
        let stderr = text(&out.stderr);
        assert!(!out.status.success() && stderr.contains(wanted), "{target} {strategy}: {stderr}");
        assert!(stderr.contains(strategy), "{target} {strategy}: {stderr}");
    }
}

/// `--help` names every strategy and says which ones are unsafe or not
/// spec-conformant.
#[test]
fn help_describes_every_strategy() {
    let help = text(&run(awsm().arg("--help")).stdout);
    for s in HOST_STRATEGIES {
        assert!(help.contains(s), "--help does not mention {s}");
    }
    assert!(help.contains("NOT spec-conformant"), "{help}");
    assert!(help.contains("UNSAFE"), "{help}");
}
