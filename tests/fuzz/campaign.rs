//! A fuzzing run: seeds handed out in order to `jobs` worker threads,
//! each module compiled under one setup in rotation (seed % setups), every
//! mismatch minimised and saved when asked, a progress line now and then
//! and a summary at the end.

use super::generate;
use super::native::Setup;
use super::{Fuzzer, Mismatch, Outcome, regressions, shrink};
use std::path::PathBuf;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

pub struct Options {
    pub first_seed: u64,
    /// Stop after this many modules, or at `deadline`, whichever is first.
    pub count: u64,
    pub deadline: Option<Instant>,
    pub jobs: usize,
    pub setups: Vec<Setup>,
    /// Where minimised mismatches go; None: not minimised.
    pub save_to: Option<PathBuf>,
    /// How many mismatches of a tolerated class to minimise and save.
    pub save_tolerated: usize,
    /// Print a progress line this often (None: never).
    pub progress: Option<Duration>,
}

/// One mismatch found, with the file it was saved to.
pub struct Found {
    pub seed: u64,
    pub setup: Setup,
    pub mismatch: Mismatch,
    pub saved: Option<PathBuf>,
}

#[derive(Default)]
pub struct Summary {
    /// Seeds `first_seed..end_seed` were all run.
    pub end_seed: u64,
    pub modules: u64,
    /// Calls compared (up to the first mismatch or the end of fuel).
    pub calls: u64,
    /// Modules per setup, in `Options::setups` order.
    pub per_setup: Vec<u64>,
    pub found: Vec<Found>,
    /// Seeds the driver could not check at all (reference failure, I/O).
    pub errors: Vec<(u64, String)>,
}

impl Summary {
    pub fn line(&self, first_seed: u64, elapsed: Duration) -> String {
        let tolerated = self.found.iter().filter(|f| f.mismatch.class.tolerated()).count();
        format!(
            "[{:.1} min] seeds {first_seed}..{}: {} modules, {} calls, {} mismatches ({tolerated} tolerated dead-load), {} errors, {:.2} modules/s",
            elapsed.as_secs_f64() / 60.0,
            self.end_seed,
            self.modules,
            self.calls,
            self.found.len(),
            self.errors.len(),
            self.modules as f64 / elapsed.as_secs_f64().max(1e-3)
        )
    }
}

pub fn run(fuzzer: &Fuzzer, opts: &Options) -> Summary {
    let start = Instant::now();
    let next = AtomicU64::new(opts.first_seed);
    let end = opts.first_seed.saturating_add(opts.count);
    let summary = Mutex::new(Summary {
        end_seed: opts.first_seed,
        per_setup: vec![0; opts.setups.len()],
        ..Summary::default()
    });
    let last_progress = Mutex::new(Instant::now());
    std::thread::scope(|scope| {
        for _ in 0..opts.jobs.max(1) {
            scope.spawn(|| {
                loop {
                    if opts.deadline.is_some_and(|d| Instant::now() >= d) {
                        break;
                    }
                    let seed = next.fetch_add(1, Ordering::SeqCst);
                    if seed >= end {
                        break;
                    }
                    let which = (seed % opts.setups.len() as u64) as usize;
                    let found = one(fuzzer, opts, seed, which, &summary);
                    let mut s = summary.lock().unwrap_or_else(|e| e.into_inner());
                    s.modules += 1;
                    s.per_setup[which] += 1;
                    s.end_seed = s.end_seed.max(seed + 1);
                    if let Some(found) = found {
                        eprintln!(
                            "seed {seed} {}: {:?}{}",
                            found.setup.name(),
                            found.mismatch,
                            saved_note(&found)
                        );
                        s.found.push(found);
                    }
                    let mut last = last_progress.lock().unwrap_or_else(|e| e.into_inner());
                    if opts.progress.is_some_and(|every| last.elapsed() >= every) {
                        *last = Instant::now();
                        eprintln!("{}", s.line(opts.first_seed, start.elapsed()));
                    }
                }
            });
        }
    });
    summary.into_inner().unwrap_or_else(|e| e.into_inner())
}

fn saved_note(found: &Found) -> String {
    found.saved.as_ref().map(|p| format!("\n  saved as {}", p.display())).unwrap_or_default()
}

/// Checks seed `seed` under setup `which`; the mismatch, minimised and
/// saved as `opts` says.
fn one(fuzzer: &Fuzzer, opts: &Options, seed: u64, which: usize, summary: &Mutex<Summary>) -> Option<Found> {
    let setup = opts.setups[which];
    let (wasm, calls) = generate::case(seed);
    let mismatch = match fuzzer.check(setup, &wasm, &calls) {
        Ok(Outcome::Match(n)) => {
            summary.lock().unwrap_or_else(|e| e.into_inner()).calls += n as u64;
            return None;
        }
        Ok(Outcome::Mismatch(m)) => m,
        Err(why) => {
            summary.lock().unwrap_or_else(|e| e.into_inner()).errors.push((seed, why));
            return None;
        }
    };
    let mut found = Found { seed, setup, mismatch, saved: None };
    let Some(dir) = &opts.save_to else { return Some(found) };
    if found.mismatch.class.tolerated() {
        let s = summary.lock().unwrap_or_else(|e| e.into_inner());
        let saved = s.found.iter().filter(|f| f.mismatch.class.tolerated() && f.saved.is_some()).count();
        if saved >= opts.save_tolerated {
            return Some(found);
        }
    }
    let (small, small_calls) =
        shrink::shrink(fuzzer, setup, &wasm, &calls, found.mismatch.call, found.mismatch.class);
    // The minimised case's own transcript, for the header.
    if let Ok(Outcome::Mismatch(m)) = fuzzer.check(setup, &small, &small_calls) {
        match regressions::save(dir, seed, setup, &m, &small, &small_calls) {
            Ok(path) => found.saved = Some(path),
            Err(why) => eprintln!("seed {seed}: cannot save the regression: {why}"),
        }
    }
    Some(found)
}
