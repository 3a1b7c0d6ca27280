//! What an example program of example_code/ must do, and whether a run
//! did it: `<name>.expected` (format in example_code/README.md) with the
//! output files beside it, parsed once here for tests/examples.rs (every
//! optimisation combination on x86-64) and tests/targets.rs (the cross
//! targets), so both hold every example to the same expectation.

use super::diff::line_diff;
use super::lists::entries;
use super::process::Finished;
use super::tools::repo_path;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Exit status of an executable (or firmware) whose guest trapped.
pub const TRAP_STATUS: i32 = 134;
/// The trap reasons awsm prints, worded as the spec testsuite words them.
pub const TRAP_REASONS: [&str; 9] = [
    "unreachable",
    "out of bounds memory access",
    "integer divide by zero",
    "integer overflow",
    "invalid conversion to integer",
    "undefined element",
    "uninitialized element",
    "indirect call type mismatch",
    "call stack exhausted",
];
/// Cap on the lines of each side shown in a diff.
const DIFF_LINES: usize = 40;

/// The directory of the example programs.
pub fn example_dir() -> PathBuf {
    repo_path("example_code")
}

/// The examples on disk: the stem of every `.c` file in example_code/,
/// sorted, for the tests that check their lists against the directory.
pub fn examples_on_disk() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(example_dir())
        .expect("read example_code/")
        .filter_map(|entry| {
            let path = entry.expect("read a directory entry").path();
            let is_c = path.extension().is_some_and(|ext| ext == "c");
            is_c.then(|| path.file_stem().unwrap().to_string_lossy().into_owned())
        })
        .collect();
    names.sort();
    names
}

/// What one example must do, read from `<name>.expected` and the expected
/// output files beside it.
#[derive(Debug, Default)]
pub struct Expectation {
    /// Exit status of the executable (134 for a trap).
    pub status: i32,
    /// For a trap example, the reason after `awsm: trap: `.
    pub trap: Option<String>,
    pub args: Vec<String>,
    /// The guest's whole environment, in order.
    pub env: Vec<(String, String)>,
    /// File whose bytes are fed on stdin (empty stdin if none).
    pub stdin: Option<PathBuf>,
    /// Extra clang flags for the wasm builds.
    pub wasm_cflags: Vec<String>,
    pub stdout: Vec<u8>,
    /// Exact expected stderr, from `<name>.stderr` if that file exists.
    pub stderr: Option<Vec<u8>>,
}

impl Expectation {
    /// The bytes to feed on stdin (empty if the example reads none).
    pub fn stdin_bytes(&self) -> Result<Vec<u8>, String> {
        match &self.stdin {
            Some(file) => std::fs::read(file).map_err(|e| format!("read {}: {e}", file.display())),
            None => Ok(Vec::new()),
        }
    }
}

/// Parses `<dir>/<name>.expected` and loads `<name>.stdout` (and `.stderr`).
pub fn load_expectation(dir: &Path, name: &str) -> Result<Expectation, String> {
    let path = dir.join(format!("{name}.expected"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut exp = Expectation::default();
    let mut status = None;
    for (n, line) in entries(&text) {
        let at = || format!("{}:{n}", path.display());
        let (key, value) =
            line.split_once(':').ok_or_else(|| format!("{}: expected `key: value`, got {line:?}", at()))?;
        let value = value.trim();
        match key.trim() {
            "status" => {
                let code =
                    value.parse::<i32>().map_err(|e| format!("{}: bad status {value:?}: {e}", at()))?;
                status = Some(code);
            }
            "trap" => {
                if !TRAP_REASONS.contains(&value) {
                    return Err(format!("{}: unknown trap reason {value:?}; known: {TRAP_REASONS:?}", at()));
                }
                exp.trap = Some(value.to_string());
            }
            "args" => exp.args.extend(value.split_whitespace().map(String::from)),
            "arg" => exp.args.push(value.to_string()),
            "env" => {
                let (var, val) = value
                    .split_once('=')
                    .ok_or_else(|| format!("{}: env needs NAME=VALUE, got {value:?}", at()))?;
                exp.env.push((var.to_string(), val.to_string()));
            }
            "stdin" => {
                let file = dir.join(value);
                if !file.is_file() {
                    return Err(format!("{}: stdin file {} does not exist", at(), file.display()));
                }
                exp.stdin = Some(file);
            }
            "wasm-cflags" => exp.wasm_cflags.extend(value.split_whitespace().map(String::from)),
            // Read by check_native.sh only: this example has no native build.
            "wasm-only" => {}
            other => return Err(format!("{}: unknown key {other:?}", at())),
        }
    }
    exp.status = match (&exp.trap, status) {
        (Some(_), Some(code)) if code != TRAP_STATUS => {
            return Err(format!("{}: a trap example exits with {TRAP_STATUS}, not {code}", path.display()));
        }
        (Some(_), _) => TRAP_STATUS,
        (None, code) => code.unwrap_or(0),
    };
    let stdout = dir.join(format!("{name}.stdout"));
    exp.stdout = std::fs::read(&stdout).map_err(|e| format!("cannot read {}: {e}", stdout.display()))?;
    let stderr = dir.join(format!("{name}.stderr"));
    if stderr.exists() {
        exp.stderr =
            Some(std::fs::read(&stderr).map_err(|e| format!("cannot read {}: {e}", stderr.display()))?);
    }
    Ok(exp)
}

/// Lists every way a run (given `limit` to finish) differs from the
/// expectation: exit status, stdout, and stderr (exact, or the trap line,
/// or empty).
pub fn compare(exp: &Expectation, got: &Finished, limit: Duration) -> Vec<String> {
    let mut problems = Vec::new();
    if got.timed_out {
        problems.push(format!("  did not finish within {limit:?} and was killed"));
    }
    if got.status.code() != Some(exp.status) {
        problems.push(format!("  exit status: expected {}, got {}", exp.status, got.describe_status()));
    }
    if got.stdout != exp.stdout {
        problems.push(format!(
            "  stdout differs (- expected, + actual):\n{}",
            indent(&line_diff(
                &String::from_utf8_lossy(&exp.stdout),
                &String::from_utf8_lossy(&got.stdout),
                DIFF_LINES
            ))
        ));
    }
    let stderr = String::from_utf8_lossy(&got.stderr);
    match (&exp.stderr, &exp.trap) {
        (Some(expected), _) => {
            if got.stderr != *expected {
                problems.push(format!(
                    "  stderr differs (- expected, + actual):\n{}",
                    indent(&line_diff(&String::from_utf8_lossy(expected), &stderr, DIFF_LINES))
                ));
            }
        }
        (None, Some(reason)) => {
            let wanted = format!("awsm: trap: {reason}");
            if !stderr.lines().any(|line| line == wanted) {
                problems
                    .push(format!("  stderr lacks the line {wanted:?}; stderr was:\n{}", indent(&stderr)));
            }
        }
        (None, None) => {
            if !got.stderr.is_empty() {
                problems.push(format!("  expected empty stderr, got:\n{}", indent(&stderr)));
            }
        }
    }
    problems
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}\n")).collect::<String>().trim_end().to_string()
}
