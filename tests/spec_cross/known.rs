//! tests/spec_cross/known_failures.txt: directives that fail because of a
//! known bug, one per line with its reason:
//!
//! ```text
//! <config> <suite>/<file>.wast[:<line>] <reason>
//! ```
//!
//! `<config>` is a configuration's name or `*`; without `:<line>` the
//! whole script is meant. Listed directives still run: a failure counts as
//! skipped (with the reason), and an entry whose directives all pass fails
//! the run, so the list cannot outlive the bug.

use super::common::lists;
use super::plan::{Report, State};
use std::collections::HashMap;

/// The entries for one configuration, by script.
#[derive(Default)]
pub struct KnownFailures {
    /// (config, script) → reason for the whole script.
    scripts: HashMap<(String, String), String>,
    /// (config, script) → line → reason.
    lines: HashMap<(String, String), HashMap<usize, String>>,
}

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/spec_cross/known_failures.txt");

impl KnownFailures {
    /// Read the list; `configs` are the valid configuration names.
    pub fn load(configs: &[&str]) -> Result<KnownFailures, String> {
        let text = std::fs::read_to_string(PATH).map_err(|e| format!("{PATH}: {e}"))?;
        let mut known = KnownFailures::default();
        for (n, line) in lists::entries(&text) {
            let at = |m: &str| format!("{PATH}:{n}: {m}");
            let mut words = line.splitn(3, char::is_whitespace);
            let (Some(config), Some(what), Some(reason)) = (words.next(), words.next(), words.next()) else {
                return Err(at("expected `<config> <script>[:<line>] <reason>`"));
            };
            if config != "*" && !configs.contains(&config) {
                return Err(at(&format!("unknown configuration '{config}'")));
            }
            let reason = reason.trim().to_string();
            match lists::script_location(what).map_err(|e| at(&e))? {
                (file, Some(l)) => {
                    known.lines.entry((config.to_string(), file.to_string())).or_default().insert(l, reason);
                }
                (file, None) => {
                    known.scripts.insert((config.to_string(), file.to_string()), reason);
                }
            }
        }
        Ok(known)
    }

    /// Apply the list to `script`'s `reports` on `config`: listed failures
    /// become skips; entries that no longer fail add a failure.
    pub fn apply(&self, config: &str, script: &str, reports: &mut Vec<Report>) {
        let mut stale = Vec::new();
        for c in ["*", config] {
            let key = (c.to_string(), script.to_string());
            if let Some(reason) = self.scripts.get(&key) {
                let mut any = false;
                for r in reports.iter_mut() {
                    if let State::Failed(_) = r.state {
                        r.state = State::Skipped(format!("known failure: {reason}"));
                        any = true;
                    }
                }
                if !any {
                    stale.push(format!("{c} {script}"));
                }
            }
            for (line, reason) in self.lines.get(&key).into_iter().flatten() {
                let mut any = false;
                for r in reports.iter_mut().filter(|r| r.line == *line) {
                    if let State::Failed(_) = r.state {
                        r.state = State::Skipped(format!("known failure: {reason}"));
                        any = true;
                    }
                }
                if !any {
                    stale.push(format!("{c} {script}:{line}"));
                }
            }
        }
        for entry in stale {
            let why = format!("`{entry}` does not fail any more: remove it from {PATH}");
            reports.push(Report { line: 0, state: State::Failed(why) });
        }
    }
}
