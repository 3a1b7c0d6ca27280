//! End-to-end tests over the C programs in `example_code/`.
//!
//! Each example is compiled by clang to wasm32-wasi at -O0 and at -O2, each
//! module is compiled by awsm at -O0 and at -O2 into a native executable,
//! and each of the four executables is run with the arguments, environment
//! and stdin named in the example's `.expected` file. Its stdout and exit
//! status must match exactly, and its stderr must match `<name>.stderr`, or
//! contain the `awsm: trap: <reason>` line for a trap example, or else be
//! empty. `example_code/README.md` documents the file format; the expected
//! outputs come from native builds (`example_code/check_native.sh`).
//!
//! Why a macro: one `#[test]` per example lets libtest run the examples in
//! parallel, filter them by name (`cargo test --test examples trap_`), and
//! report each failing one separately. `every_example_is_listed` fails when a
//! program in `example_code/` is missing from the list, so none is silently
//! left out. All four combinations of one example always run, and the test
//! reports every failing combination, not just the first.
//!
//! The examples are skipped (with the reason printed) only when clang-19 or
//! its wasm32-wasi sysroot is missing, and fail instead under
//! `AWSM_REQUIRE_TOOLS=1`; set `AWSM_TEST_CLANG` to use another clang. Set
//! `AWSM_KEEP_EXAMPLE_BUILDS=1` to keep the build directory of a failing
//! example for inspection.

mod common;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

use common::expectation::{Expectation, TRAP_STATUS, compare, example_dir, load_expectation};
use common::{awsm, expect_success, line_diff, report_skip, run_with_limit, show_command, wasi_clang};

/// Declares one `#[test]` per example (in module `example`) and the list
/// `LISTED` that `every_example_is_listed` compares with the directory.
macro_rules! examples {
    ($($name:ident),* $(,)?) => {
        /// Every example this harness runs.
        const LISTED: &[&str] = &[$(stringify!($name)),*];

        mod example {
            $(
                #[test]
                fn $name() {
                    super::run_example(stringify!($name));
                }
            )*
        }
    };
}

examples! {
    argv_status,
    bytecode_vm,
    environ,
    error_codes,
    exit_nested,
    float_math,
    function_pointers,
    globals,
    hash,
    int64_arith,
    int_edge,
    malloc_free,
    mem_ops,
    memory_grow,
    nbody,
    printf_float,
    qsort,
    recursion,
    sha256,
    sieve,
    sign_extend,
    stderr_output,
    stdin_checksum,
    strings,
    struct_copy,
    struct_return,
    switch_table,
    varargs,
    trap_div_zero,
    trap_indirect_mismatch,
    trap_int_overflow,
    trap_invalid_conversion,
    trap_oob_load_edge,
    trap_oob_store,
    trap_rem_zero_i64,
    trap_stack_overflow,
    trap_trunc_overflow,
    trap_undefined_element,
    trap_uninitialized_element,
    trap_unreachable,
}

/// Optimisation levels clang builds each example at.
const CLANG_OPT_LEVELS: [&str; 2] = ["-O0", "-O2"];
/// Optimisation levels awsm compiles each module at.
const AWSM_OPT_LEVELS: [&str; 2] = ["-O0", "-O2"];
/// Generous limits: a hang is a failure, never a stuck test run.
const COMPILE_LIMIT: Duration = Duration::from_secs(300);
const RUN_LIMIT: Duration = Duration::from_secs(120);

/// Builds and runs one example in all four optimisation combinations and
/// panics with a report of every combination that failed.
fn run_example(name: &str) {
    let dir = example_dir();
    let exp = load_expectation(&dir, name).unwrap_or_else(|e| panic!("example `{name}`: {e}"));
    let clang = match wasi_clang() {
        Ok(clang) => clang,
        Err(reason) => return report_skip(&format!("example `{name}`"), reason),
    };
    let build = tempfile::Builder::new()
        .prefix(&format!("awsm-example-{name}-"))
        .tempdir()
        .expect("create a build directory");
    let source = dir.join(format!("{name}.c"));
    let stdin = exp.stdin_bytes().unwrap_or_else(|e| panic!("example `{name}`: {e}"));

    let mut failures = Vec::new();
    for clang_opt in CLANG_OPT_LEVELS {
        let wasm = build.path().join(format!("{name}_c{}.wasm", &clang_opt[1..]));
        let mut cc = Command::new(&clang.program);
        cc.arg("--target=wasm32-wasi")
            .arg(clang_opt)
            .arg(&source)
            .arg("-o")
            .arg(&wasm)
            .arg("-lm")
            .args(&exp.wasm_cflags);
        if let Err(problem) = expect_success(&mut cc, COMPILE_LIMIT) {
            failures.push(format!("example `{name}` (clang {clang_opt}): clang failed: {problem}"));
            continue;
        }
        for awsm_opt in AWSM_OPT_LEVELS {
            let context = format!("example `{name}` (clang {clang_opt}, awsm {awsm_opt})");
            // No dot in the name: awsm picks the output kind by extension.
            let exe = build.path().join(format!("{name}_c{}_a{}", &clang_opt[1..], &awsm_opt[1..]));
            let mut compile = awsm();
            compile.arg(&wasm).arg("-o").arg(&exe).arg(awsm_opt);
            if let Err(problem) = expect_success(&mut compile, COMPILE_LIMIT) {
                failures.push(format!("{context}: awsm failed to compile the module: {problem}"));
                continue;
            }
            let mut run = Command::new(&exe);
            run.args(&exp.args).env_clear().envs(exp.env.iter().map(|(k, v)| (k, v)));
            match run_with_limit(&mut run, &stdin, RUN_LIMIT) {
                Err(e) => failures.push(format!("{context}: cannot run {}: {e}", exe.display())),
                Ok(finished) => {
                    let problems = compare(&exp, &finished, RUN_LIMIT);
                    if !problems.is_empty() {
                        let mut shown = show_command(&run);
                        if let Some(file) = &exp.stdin {
                            let _ = write!(shown, " < {}", file.display());
                        }
                        failures.push(format!("{context}:\n{}\n  run: {shown}", problems.join("\n")));
                    }
                }
            }
        }
    }

    if !failures.is_empty() {
        let mut report = format!("{} of 4 combinations failed\n\n{}", failures.len(), failures.join("\n\n"));
        if std::env::var_os("AWSM_KEEP_EXAMPLE_BUILDS").is_some() {
            let kept = build.keep();
            let _ = write!(report, "\n\nbuild directory kept: {}", kept.display());
        } else {
            report.push_str("\n\n(set AWSM_KEEP_EXAMPLE_BUILDS=1 to keep the build directory)");
        }
        panic!("{report}");
    }
}

/// Every `.c` file in example_code/ must be listed in `examples!`, every
/// listed example must exist, and every expectation file must belong to an
/// example, so nothing is silently left out or left behind.
#[test]
fn every_example_is_listed() {
    let mut on_disk = BTreeSet::new();
    let mut orphans = Vec::new();
    let mut sources = BTreeSet::new();
    let entries: Vec<PathBuf> = std::fs::read_dir(example_dir())
        .expect("read example_code/")
        .map(|entry| entry.expect("read a directory entry").path())
        .collect();
    for path in &entries {
        if path.extension().is_some_and(|ext| ext == "c") {
            sources.insert(path.file_stem().unwrap().to_string_lossy().into_owned());
        }
    }
    for path in &entries {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        match path.extension().and_then(|ext| ext.to_str()) {
            Some("c") => {
                on_disk.insert(stem);
            }
            Some("expected" | "stdout" | "stderr") if !sources.contains(&stem) => {
                orphans.push(path.display().to_string());
            }
            _ => {}
        }
    }
    let listed: BTreeSet<String> = LISTED.iter().map(|s| s.to_string()).collect();
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty() && missing.is_empty() && orphans.is_empty(),
        "examples! out of sync with example_code/:\n  not listed in tests/examples.rs: {unlisted:?}\n  \
         listed but no .c file: {missing:?}\n  expectation files without a .c file: {orphans:?}"
    );
    assert_eq!(LISTED.len(), listed.len(), "an example is listed twice");
}

/// Every example's expectation parses, even where clang is missing and the
/// examples themselves are skipped, so a typo cannot hide.
#[test]
fn every_expectation_parses() {
    let dir = example_dir();
    let errors: Vec<String> = LISTED.iter().filter_map(|name| load_expectation(&dir, name).err()).collect();
    assert!(errors.is_empty(), "bad expectation files:\n{}", errors.join("\n"));
}

/// Trap examples are named `trap_*` and only they expect a trap, so the
/// naming tells a reader which programs must fail.
#[test]
fn trap_examples_are_exactly_the_trap_ones() {
    let dir = example_dir();
    for name in LISTED {
        let exp = load_expectation(&dir, name).expect("expectation parses");
        assert_eq!(
            exp.trap.is_some(),
            name.starts_with("trap_"),
            "example `{name}`: trap expectation and name disagree"
        );
    }
}

#[test]
fn parser_reads_every_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("in.txt"), "data").unwrap();
    std::fs::write(
        dir.path().join("x.expected"),
        "# comment\n\nargs: a  b\narg: c d\narg:\nenv: K=v=w\nenv: E=\nstdin: in.txt\nwasm-cflags: -Wl,-z,x -DY\nwasm-only: why\nstatus: 3\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("x.stdout"), "out\n").unwrap();
    std::fs::write(dir.path().join("x.stderr"), "err\n").unwrap();
    let exp = load_expectation(dir.path(), "x").expect("parses");
    assert_eq!(exp.args, ["a", "b", "c d", ""]);
    assert_eq!(exp.env, [("K".to_string(), "v=w".to_string()), ("E".to_string(), String::new())]);
    assert_eq!(exp.stdin, Some(dir.path().join("in.txt")));
    assert_eq!(exp.wasm_cflags, ["-Wl,-z,x", "-DY"]);
    assert_eq!(exp.status, 3);
    assert_eq!(exp.trap, None);
    assert_eq!(exp.stdout, b"out\n");
    assert_eq!(exp.stderr.as_deref(), Some(&b"err\n"[..]));
}

#[test]
fn parser_rejects_mistakes() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("x.stdout"), "").unwrap();
    let cases = [
        ("stauts: 0\n", "unknown key"),
        ("trap: divide by zero\n", "unknown trap reason"),
        ("trap: unreachable\nstatus: 1\n", "exits with 134"),
        ("status: zero\n", "bad status"),
        ("env: NOVALUE\n", "NAME=VALUE"),
        ("stdin: nope.txt\n", "does not exist"),
        ("just text\n", "key: value"),
    ];
    for (text, wanted) in cases {
        std::fs::write(dir.path().join("x.expected"), text).unwrap();
        let err = load_expectation(dir.path(), "x").expect_err(text);
        assert!(err.contains(wanted), "{text:?}: error {err:?} should mention {wanted:?}");
    }
    std::fs::write(dir.path().join("x.expected"), "trap: unreachable\n").unwrap();
    assert_eq!(load_expectation(dir.path(), "x").unwrap().status, TRAP_STATUS);
}

/// The comparison must catch each kind of mismatch, so a broken harness
/// cannot pass everything.
#[test]
fn compare_reports_each_mismatch() {
    let run = |script: &str| run_with_limit(Command::new("sh").args(["-c", script]), b"", RUN_LIMIT).unwrap();
    let exp = Expectation { stdout: b"hi\n".to_vec(), ..Default::default() };
    assert!(compare(&exp, &run("echo hi"), RUN_LIMIT).is_empty());
    let wrong_out = compare(&exp, &run("echo ho"), RUN_LIMIT);
    assert!(
        wrong_out.len() == 1 && wrong_out[0].contains("- hi") && wrong_out[0].contains("+ ho"),
        "{wrong_out:?}"
    );
    assert!(compare(&exp, &run("echo hi; exit 1"), RUN_LIMIT)[0].contains("expected 0, got exit status 1"));
    assert!(compare(&exp, &run("echo hi; echo noise >&2"), RUN_LIMIT)[0].contains("expected empty stderr"));

    let trap = Expectation { status: TRAP_STATUS, trap: Some("unreachable".into()), ..Default::default() };
    assert!(compare(&trap, &run("echo 'awsm: trap: unreachable' >&2; exit 134"), RUN_LIMIT).is_empty());
    assert!(!compare(&trap, &run("echo 'awsm: trap: integer overflow' >&2; exit 134"), RUN_LIMIT).is_empty());
    assert!(!compare(&trap, &run("echo 'awsm: trap: unreachable' >&2; kill -ABRT $$"), RUN_LIMIT).is_empty());

    let exact = Expectation { stderr: Some(b"e\n".to_vec()), ..Default::default() };
    assert!(compare(&exact, &run("echo e >&2"), RUN_LIMIT).is_empty());
    assert!(!compare(&exact, &run("echo f >&2"), RUN_LIMIT).is_empty());
}

#[test]
fn diff_shows_only_the_changed_middle() {
    let d = line_diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nX\ne\nf\ng\n", 10);
    assert_eq!(d, "  ... 1 identical line(s)\n  b\n  c\n- d\n+ X\n  e\n  f\n  ... 1 identical line(s)\n");
    assert_eq!(line_diff("x\n", "x", 10), "- x\n+ x  (no newline at end)\n");
    assert_eq!(line_diff("'a'\tb\n", "'a'\tb\r\n", 10), "- 'a'\\tb\n+ 'a'\\tb\\r\n");
}

#[test]
fn run_limit_kills_a_child_that_runs_too_long() {
    let finished = run_with_limit(Command::new("sleep").arg("10"), b"", Duration::from_millis(100)).unwrap();
    assert!(finished.timed_out);
    assert!(!finished.status.success());
}

#[test]
fn run_delivers_stdin_and_captures_outputs() {
    let finished = run_with_limit(
        Command::new("sh").args(["-c", "cat; echo err >&2; exit 5"]),
        b"hello\n",
        Duration::from_secs(10),
    )
    .unwrap();
    assert_eq!(finished.stdout, b"hello\n");
    assert_eq!(finished.stderr, b"err\n");
    assert_eq!(finished.status.code(), Some(5));
    assert!(!finished.timed_out);
}

/// The list-file reader behind the spec skip lists and the expectations:
/// blank lines and comments are not entries, entries keep their line
/// numbers, and `<script>:<line>` names one directive.
#[test]
fn list_entries_and_script_locations() {
    use common::lists::{entries, script_location};
    let text = "# a comment\n\n  first entry  \n#another\nsecond\n";
    assert_eq!(entries(text).collect::<Vec<_>>(), [(3, "first entry"), (5, "second")]);
    assert_eq!(script_location("wasm-v2/i32.wast:120"), Ok(("wasm-v2/i32.wast", Some(120))));
    assert_eq!(script_location("wasm-v2/i32.wast"), Ok(("wasm-v2/i32.wast", None)));
    assert_eq!(script_location("proposals/x:y.wast"), Ok(("proposals/x:y.wast", None)));
    assert!(script_location("a.wast:99999999999999999999").is_err());
}
