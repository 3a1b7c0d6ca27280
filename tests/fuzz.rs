//! Differential fuzzing against wasmi (tests/fuzz/mod.rs says how): a
//! fixed-seed run of a few hundred generated modules across -O0/-O2 and
//! guard-pages/explicit, and every saved regression replayed. A mismatch
//! fails the test with its seed and setup; `cargo run --release --example
//! fuzz -- --seed S --count 1 --configs SETUP` minimises and saves it.
//! Mismatches of a tolerated class (fuzz::KNOWN_DEAD_LOAD_BUG) are
//! reported but do not fail.

mod common;
#[path = "fuzz/mod.rs"]
mod fuzz;

use common::{AWSM, can_run, host_cc, repo_path, report_skip};
use fuzz::campaign::{self, Options};
use fuzz::native::Setup;
use fuzz::{Fuzzer, Outcome, regressions};
use std::path::Path;

/// Modules in the fixed-seed run: a few minutes on two cores.
const MODULES: u64 = 200;

fn fuzzer(test: &str) -> Option<Fuzzer> {
    let cc = host_cc();
    if !can_run(&cc) {
        report_skip(test, &format!("the C compiler {cc} is not installed (package clang-19)"));
        return None;
    }
    Some(Fuzzer::new(Path::new(AWSM), &cc).expect("build the fuzz host"))
}

#[test]
fn fixed_seeds_match_wasmi() {
    let Some(fuzzer) = fuzzer("fixed_seeds_match_wasmi") else { return };
    let opts = Options {
        first_seed: 0,
        count: MODULES,
        deadline: None,
        jobs: 2,
        setups: Setup::ALL.to_vec(),
        save_to: None,
        save_tolerated: 0,
        progress: None,
    };
    let start = std::time::Instant::now();
    let summary = campaign::run(&fuzzer, &opts);
    eprintln!("{}", summary.line(0, start.elapsed()));
    assert_eq!(summary.modules, MODULES);
    assert!(summary.errors.is_empty(), "seeds the driver could not check: {:?}", summary.errors);
    // A run in which (almost) nothing got compared proves nothing.
    assert!(summary.calls > MODULES, "only {} calls compared over {MODULES} modules", summary.calls);
    let failures: Vec<String> = summary
        .found
        .iter()
        .filter(|f| !f.mismatch.class.tolerated())
        .map(|f| format!("seed {} {}: {:?}", f.seed, f.setup.name(), f.mismatch))
        .collect();
    assert!(failures.is_empty(), "{} mismatches with wasmi:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn saved_regressions_match_wasmi() {
    let Some(fuzzer) = fuzzer("saved_regressions_match_wasmi") else { return };
    let mut files: Vec<_> = std::fs::read_dir(repo_path("tests/fuzz/regressions"))
        .expect("tests/fuzz/regressions")
        .map(|e| e.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "wat"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no regressions in tests/fuzz/regressions");
    let mut failures = Vec::new();
    for file in &files {
        let case = regressions::load(file).unwrap_or_else(|e| panic!("{e}"));
        match fuzzer.check(case.setup, &case.wasm, &case.calls) {
            Ok(Outcome::Match(_)) => {}
            Ok(Outcome::Mismatch(m)) if m.class == case.class && m.class.tolerated() => {}
            Ok(Outcome::Mismatch(m)) => failures.push(format!("{}: {m:?}", file.display())),
            Err(why) => failures.push(format!("{}: {why}", file.display())),
        }
    }
    assert!(failures.is_empty(), "regressions that mismatch again:\n{}", failures.join("\n"));
}

#[test]
fn differences_are_classified() {
    use fuzz::{Class, classify, reference::normalize};
    let state = " ; g 00000001 m 65536 0123456789abcdef";
    let cases = [
        ("ok 00000001", "ok 00000002", Class::Result),
        ("ok 00000001", "trap 3", Class::Trap),
        ("trap 3", "ok 00000001", Class::Trap),
        ("trap 3", "trap 4", Class::TrapKind),
        ("trap 2", "ok 00000001", Class::MissedOob),
        ("trap 2", "trap 1", Class::MissedOob),
    ];
    for (want, got, class) in cases {
        assert_eq!(classify(&format!("{want}{state}"), &format!("{got}{state}")), class, "{want} / {got}");
    }
    assert_eq!(classify("ok 00000001 ; g 00000001", "ok 00000001 ; g 00000002"), Class::State);
    // wasmi has one code for awsm's two table traps.
    assert_eq!(normalize("trap 6 ; g 00000001"), "trap table ; g 00000001");
    assert_eq!(normalize("trap 10 ;"), "trap table ;");
    assert_eq!(normalize("trap 1 ;"), "trap 1 ;");
}
