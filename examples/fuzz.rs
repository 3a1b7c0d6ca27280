//! Long-running differential fuzzing of awsm against wasmi (the driver is
//! tests/fuzz/, shared with the fixed-seed test; doc/fuzzing.md):
//!
//!   cargo build --release && cargo run --release --example fuzz -- --minutes 60
//!
//! Options: `--minutes N` (default 10), `--count N` (modules; default
//! unbounded), `--seed S` (first seed, default 0), `--jobs J` (default 2),
//! `--configs O0/guard-pages,O2/explicit,...` (default all four),
//! `--awsm PATH` (default target/release/awsm), `--save-dir DIR`
//! (default tests/fuzz/regressions). Mismatches are minimised and saved;
//! of the tolerated dead-load class, only the first two.
//! Exit status 1 if any untolerated mismatch or driver error was found.

/// The one part of the tests' shared helpers the driver needs, where it
/// looks for it (`crate::common::process`).
mod common {
    pub(crate) use super::process;
}
#[allow(dead_code)]
#[path = "../tests/common/process.rs"]
mod process;

// The regression loader is the test's, unused here.
#[allow(dead_code)]
#[path = "../tests/fuzz/mod.rs"]
mod fuzz;

use fuzz::campaign::{self, Options};
use fuzz::native::Setup;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn main() {
    if let Err(why) = run() {
        eprintln!("fuzz: {why}");
        std::process::exit(1);
    }
}

fn value<'a>(args: &mut impl Iterator<Item = &'a String>, flag: &str) -> Result<&'a str, String> {
    args.next().map(String::as_str).ok_or_else(|| format!("{flag} needs a value"))
}

fn number(text: &str, flag: &str) -> Result<u64, String> {
    text.parse().map_err(|_| format!("{flag}: not a number: {text}"))
}

fn run() -> Result<(), String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut minutes = 10.0_f64;
    let mut opts = Options {
        first_seed: 0,
        count: u64::MAX,
        deadline: None,
        jobs: 2,
        setups: Setup::ALL.to_vec(),
        save_to: Some(root.join("tests/fuzz/regressions")),
        save_tolerated: 2,
        progress: Some(Duration::from_secs(30)),
    };
    let mut awsm = root.join("target/release/awsm");
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let mut args = argv.iter();
    while let Some(flag) = args.next() {
        let v = value(&mut args, flag)?;
        match flag.as_str() {
            "--minutes" => minutes = v.parse().map_err(|_| format!("--minutes: not a number: {v}"))?,
            "--count" => opts.count = number(v, flag)?,
            "--seed" => opts.first_seed = number(v, flag)?,
            "--jobs" => opts.jobs = number(v, flag)? as usize,
            "--awsm" => awsm = PathBuf::from(v),
            "--save-dir" => opts.save_to = Some(PathBuf::from(v)),
            "--configs" => {
                opts.setups = v
                    .split(',')
                    .map(|name| {
                        Setup::parse(name)
                            .ok_or_else(|| format!("unknown config {name} (O0|O2 / guard-pages|explicit)"))
                    })
                    .collect::<Result<_, _>>()?
            }
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    if !awsm.is_file() {
        return Err(format!("{} does not exist; run `cargo build --release` first", awsm.display()));
    }
    opts.deadline = Some(Instant::now() + Duration::from_secs_f64(minutes * 60.0));
    let cc = std::env::var("AWSM_TEST_CC").unwrap_or_else(|_| "clang-19".to_string());
    let fuzzer = fuzz::Fuzzer::new(&awsm, &cc)?;
    let start = Instant::now();
    let summary = campaign::run(&fuzzer, &opts);
    println!("{}", summary.line(opts.first_seed, start.elapsed()));
    for (name, n) in opts.setups.iter().zip(&summary.per_setup) {
        println!("  {}: {n} modules", name.name());
    }
    for f in &summary.found {
        let saved = f.saved.as_ref().map(|p| format!(" -> {}", p.display())).unwrap_or_default();
        println!(
            "  seed {} {} {}: line {}{saved}",
            f.seed,
            f.setup.name(),
            f.mismatch.class.name(),
            f.mismatch.line
        );
    }
    for (seed, why) in &summary.errors {
        println!("  seed {seed}: driver error: {why}");
    }
    if summary.errors.is_empty() && summary.found.iter().all(|f| f.mismatch.class.tolerated()) {
        Ok(())
    } else {
        Err("mismatches or errors found".to_string())
    }
}
