//! The long run of tests/bad_input.rs (issue 18: zero panics over 100,000
//! mutated inputs): `cargo build --release && cargo run --release --example
//! fuzz_input -- --count 100000 [--start SEED] [--cli-every N]`. Every
//! input goes through the library (in process, panics caught); every Nth
//! (default 50) through the awsm binary as well, which survives an abort
//! or a segfault and is killed past its time limit. Prints a progress
//! line, then a summary; each failing input is saved under
//! tests/bad_input/cases/ (named by a hash of its bytes), where
//! `cargo test --release --test bad_input` replays it. Exits 1 if
//! anything failed.
//!
//! `--extreme DIR` instead writes the extreme valid modules at full size
//! (tests/bad_input/extreme.rs) to DIR, to measure as doc/limits.md does.

// Shared with tests/bad_input.rs, of which this uses a part.
#[allow(dead_code)]
#[path = "../tests/bad_input/check.rs"]
mod check;
#[allow(dead_code)]
#[path = "../tests/bad_input/extreme.rs"]
mod extreme;
#[allow(dead_code)]
#[path = "../tests/bad_input/inputs.rs"]
mod inputs;
#[allow(dead_code)]
#[path = "../tests/common/process.rs"]
mod process;

use awsm::driver::OptLevel;
use check::Outcome;
use inputs::Rng;
use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

struct Args {
    count: u64,
    start: u64,
    cli_every: u64,
    awsm: PathBuf,
}

fn args() -> Result<Args, String> {
    // The awsm binary beside this example's directory (target/release/).
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let beside = exe.parent().and_then(|p| p.parent()).map(|p| p.join("awsm"));
    let mut a = Args { count: 100_000, start: 0, cli_every: 50, awsm: beside.unwrap_or_default() };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<u64>().map_err(|e| format!("{flag} {value}: {e}"));
        match flag.as_str() {
            "--count" => a.count = number()?,
            "--start" => a.start = number()?,
            "--cli-every" => a.cli_every = number()?.max(1),
            "--awsm" => a.awsm = PathBuf::from(&value),
            _ => return Err(format!("unknown option {flag} (--count, --start, --cli-every, --awsm)")),
        }
    }
    if !a.awsm.exists() {
        return Err(format!(
            "no awsm binary at {} (cargo build --release, or --awsm PATH)",
            a.awsm.display()
        ));
    }
    Ok(a)
}

/// Keep `wasm` as a regression input, named by its FNV-1a hash so the
/// same input is kept once.
fn save_case(wasm: &[u8]) -> std::io::Result<PathBuf> {
    let hash =
        wasm.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3));
    std::fs::create_dir_all(inputs::cases_dir())?;
    let path = inputs::cases_dir().join(format!("{hash:016x}.bin"));
    std::fs::write(&path, wasm)?;
    Ok(path)
}

/// Write each extreme module at full size to `dir`.
fn write_extreme(dir: &str) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for (name, n, make) in extreme::EXTREME {
        let path = std::path::Path::new(dir).join(format!("{name}.wasm"));
        let wasm = make(*n);
        std::fs::write(&path, &wasm)?;
        println!("{} ({n}): {} bytes", path.display(), wasm.len());
    }
    Ok(())
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().collect();
    if let [_, flag, dir] = argv.as_slice()
        && flag == "--extreme"
    {
        return match write_extreme(dir) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("fuzz_input: {dir}: {e}");
                ExitCode::from(1)
            }
        };
    }
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("fuzz_input: {e}");
            return ExitCode::from(1);
        }
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let started = Instant::now();
    let (mut compiled, mut refused, mut cli_runs, mut failures) = (0u64, 0u64, 0u64, 0u64);
    let mut refusals: BTreeMap<String, u64> = BTreeMap::new();
    for seed in a.start..a.start + a.count {
        let mut rng = Rng::new(seed);
        let (wasm, what) = inputs::mutant(&mut rng);
        let mut results = vec![check::library(&wasm, dir.path(), OptLevel::O0)];
        if seed % a.cli_every == 0 {
            cli_runs += 1;
            let level = if seed % (2 * a.cli_every) == 0 { "-O2" } else { "-O0" };
            results.push(check::cli(&a.awsm, &wasm, dir.path(), level, check::TIME_LIMIT));
        }
        for result in results {
            match result {
                Ok(Outcome::Compiled) => compiled += 1,
                Ok(Outcome::Refused(line)) => {
                    refused += 1;
                    // Tally by kind and the message's first words.
                    let line = line.strip_prefix("awsm: ").unwrap_or(&line);
                    let gist: String =
                        line.split(" (at byte").next().unwrap_or("").chars().take(60).collect();
                    *refusals.entry(gist).or_default() += 1;
                }
                Err(e) => {
                    failures += 1;
                    let saved =
                        save_case(&wasm).map(|p| p.display().to_string()).unwrap_or_else(|e| e.to_string());
                    println!("\nFAIL seed {seed} ({what}, {} bytes): {e}\n  saved as {saved}", wasm.len());
                }
            }
        }
        let done = seed - a.start + 1;
        if done % 500 == 0 || done == a.count {
            print!(
                "\r{done}/{} inputs, {cli_runs} also through the CLI: {compiled} compiled, {refused} refused, {failures} failed, {:.0} s",
                a.count,
                started.elapsed().as_secs_f64()
            );
            let _ = std::io::stdout().flush();
        }
    }
    println!("\nmost frequent refusals:");
    let mut top: Vec<_> = refusals.into_iter().collect();
    top.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    for (gist, n) in top.iter().take(15) {
        println!("  {n:7}  {gist}");
    }
    println!(
        "summary: {} inputs (seeds {}..{}), {cli_runs} also through the CLI; of these {} checks {compiled} compiled, {refused} refused, {failures} failed; {:.0} s",
        a.count,
        a.start,
        a.start + a.count,
        a.count + cli_runs,
        started.elapsed().as_secs_f64()
    );
    if failures == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) }
}
