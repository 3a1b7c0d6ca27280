//! Bad input never panics (issue 18): wasm-smith modules, mutants of them
//! and random bytes go through the library and the CLI; a module awsm's
//! validator accepts must compile, anything else must be refused with one
//! line, exit status 1 and no output left behind (tests/bad_input/check.rs
//! says exactly what passes). A fixed seed keeps this run reproducible and
//! about a minute long; `cargo run --release --example fuzz_input -- --count
//! 100000` is the long run, which saves every failing input under
//! tests/bad_input/cases/, replayed here. The extreme valid modules
//! (tests/bad_input/extreme.rs) compile here at a tenth of the issue's
//! sizes; the full sizes take minutes, so that test is ignored: run it with
//! `cargo test --release --test bad_input -- --ignored` (doc/limits.md).

mod common;

#[path = "bad_input/check.rs"]
mod check;
#[path = "bad_input/extreme.rs"]
mod extreme;
#[path = "bad_input/inputs.rs"]
mod inputs;

use awsm::driver::OptLevel;
use check::Outcome;
use common::process;
use inputs::Rng;
use std::path::Path;
use std::time::Duration;

/// Runs `count` inputs from `make` through `run`, and fails with every
/// failing input's seed, description and failure.
fn sweep(
    count: u64,
    mut make: impl FnMut(&mut Rng) -> (Vec<u8>, String),
    mut run: impl FnMut(&[u8], &Path) -> Result<Outcome, String>,
) -> (usize, usize) {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut compiled, mut refused, mut failures) = (0, 0, Vec::new());
    for seed in 0..count {
        let mut rng = Rng::new(seed);
        let (wasm, what) = make(&mut rng);
        match run(&wasm, dir.path()) {
            Ok(Outcome::Compiled) => compiled += 1,
            Ok(Outcome::Refused(_)) => refused += 1,
            Err(e) => failures.push(format!("seed {seed} ({what}, {} bytes): {e}", wasm.len())),
        }
    }
    assert!(failures.is_empty(), "{} of {count} failed:\n{}", failures.len(), failures.join("\n"));
    (compiled, refused)
}

#[test]
fn mutants_through_the_library_compile_or_are_refused() {
    let (compiled, refused) = sweep(3000, inputs::mutant, |w, d| check::library(w, d, OptLevel::O0));
    // The mix must exercise both paths, or the test checks nothing.
    assert!(compiled > 100 && refused > 1000, "compiled {compiled}, refused {refused}");
}

#[test]
fn supported_modules_compile_at_o2() {
    let (compiled, _) =
        sweep(20, |r| (inputs::seed(r), "wasm-smith".into()), |w, d| check::library(w, d, OptLevel::O2));
    assert_eq!(compiled, 20);
}

#[test]
fn mutants_through_the_cli_exit_1_with_one_line() {
    let awsm = Path::new(common::AWSM);
    let (compiled, refused) =
        sweep(150, inputs::mutant, |w, d| check::cli(awsm, w, d, "-O0", check::TIME_LIMIT));
    assert!(compiled > 3 && refused > 50, "compiled {compiled}, refused {refused}");
}

#[test]
fn unsupported_proposals_are_named() {
    let awsm = Path::new(common::AWSM);
    let dir = tempfile::tempdir().expect("temp dir");
    for (which, (proposal, names)) in inputs::UNSUPPORTED.iter().enumerate() {
        for seed in 0..5 {
            let wasm = inputs::unsupported(which, &mut Rng::new(seed));
            let ok = |line: &str| {
                names.iter().any(|n| line.contains(&format!("unsupported feature: {n} (at byte offset 0x")))
            };
            // Through the library for every module, the CLI for the first.
            match check::library(&wasm, dir.path(), OptLevel::O0) {
                Ok(Outcome::Refused(line)) if ok(&line) => {}
                other => panic!("{proposal}, seed {seed}: {other:?}"),
            }
            if seed == 0 {
                match check::cli(awsm, &wasm, dir.path(), "-O2", check::TIME_LIMIT) {
                    Ok(Outcome::Refused(line)) if ok(&line) => {}
                    other => panic!("{proposal}, seed {seed}, CLI: {other:?}"),
                }
            }
        }
    }
}

#[test]
fn saved_failures_stay_fixed() {
    let awsm = Path::new(common::AWSM);
    let dir = tempfile::tempdir().expect("temp dir");
    let mut failures = Vec::new();
    let entries = std::fs::read_dir(inputs::cases_dir()).expect("tests/bad_input/cases");
    let paths = entries.map(|e| e.expect("directory entry").path());
    for path in paths.filter(|p| p.extension().is_some_and(|e| e == "bin")) {
        let wasm = std::fs::read(&path).expect("read case");
        for result in [
            check::library(&wasm, dir.path(), OptLevel::O2),
            check::cli(awsm, &wasm, dir.path(), "-O2", check::TIME_LIMIT),
        ] {
            if let Err(e) = result {
                failures.push(format!("{}: {e}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn extreme_modules_compile_at_a_tenth() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, n, make) in extreme::EXTREME {
        let wasm = make(n / 10);
        let result = check::library(&wasm, dir.path(), OptLevel::O0);
        assert_eq!(result, Ok(Outcome::Compiled), "{name} at {}", n / 10);
    }
}

/// The sizes through the CLI at -O0 and -O2, each within a limit
/// well above what doc/limits.md measured.
#[test]
#[ignore = "takes minutes; doc/limits.md"]
fn extreme_modules_compile_at_full_size() {
    let awsm = Path::new(common::AWSM);
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, n, make) in extreme::EXTREME {
        let wasm = make(*n);
        for level in ["-O0", "-O2"] {
            let result = check::cli(awsm, &wasm, dir.path(), level, Duration::from_secs(900));
            assert_eq!(result, Ok(Outcome::Compiled), "{name} at {n}, {level}");
        }
    }
}

/// br_table both ways awsm translates it (a switch up to 4096 entries, a
/// lookup table beyond): each index, the last ones and one past the end
/// included, reaches the block the table names, at -O0 and -O2.
#[test]
fn br_table_branches_where_its_entries_say() {
    let dir = tempfile::tempdir().expect("temp dir");
    for n in [100, 5000] {
        let input = dir.path().join(format!("br_table{n}.wasm"));
        std::fs::write(&input, extreme::br_table_command(n)).expect("write module");
        for level in ["-O0", "-O2"] {
            let exe = dir.path().join(format!("br_table{n}{level}"));
            let compile =
                common::awsm().arg(level).arg(&input).arg("-o").arg(&exe).output().expect("run awsm");
            assert!(compile.status.success(), "{n} {level}: {}", String::from_utf8_lossy(&compile.stderr));
            let run =
                process::run_with_limit(&mut std::process::Command::new(&exe), b"", Duration::from_secs(60));
            let run = run.expect("run the executable");
            assert_eq!(run.status.code(), Some(0), "{n} entries, {level}: {}", run.describe_status());
        }
    }
}
