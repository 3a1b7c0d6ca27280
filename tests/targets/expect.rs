//! What an example must do: `example_code/<name>.expected` and the output
//! files beside it. The format is documented in example_code/README.md;
//! tests/examples.rs owns the full parser (and its tests), this is a copy
//! of what the target tests need.

use std::path::{Path, PathBuf};

/// Exit status of an executable (or firmware) whose guest trapped.
pub const TRAP_STATUS: i32 = 134;

/// One example's expectation.
#[derive(Debug, Default)]
pub struct Expectation {
    pub status: i32,
    /// For a trap example, the reason after `awsm: trap: `.
    pub trap: Option<String>,
    pub args: Vec<String>,
    pub env: Vec<(String, String)>,
    pub stdin: Option<PathBuf>,
    pub wasm_cflags: Vec<String>,
    pub stdout: Vec<u8>,
    /// Exact expected stderr, from `<name>.stderr` if that file exists.
    pub stderr: Option<Vec<u8>>,
}

/// Parse `<dir>/<name>.expected` and load `<name>.stdout` (and `.stderr`).
pub fn load(dir: &Path, name: &str) -> Result<Expectation, String> {
    let path = dir.join(format!("{name}.expected"));
    let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut exp = Expectation::default();
    let mut status = None;
    for raw in text.lines() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line
            .split_once(':')
            .ok_or_else(|| format!("{}: expected `key: value`, got {raw:?}", path.display()))?;
        let value = value.trim();
        match key.trim() {
            "status" => status = Some(value.parse::<i32>().map_err(|e| format!("{}: {e}", path.display()))?),
            "trap" => exp.trap = Some(value.to_string()),
            "args" => exp.args.extend(value.split_whitespace().map(String::from)),
            "arg" => exp.args.push(value.to_string()),
            "env" => {
                let (k, v) = value.split_once('=').ok_or_else(|| format!("{}: bad env", path.display()))?;
                exp.env.push((k.to_string(), v.to_string()));
            }
            "stdin" => exp.stdin = Some(dir.join(value)),
            "wasm-cflags" => exp.wasm_cflags.extend(value.split_whitespace().map(String::from)),
            "wasm-only" => {}
            other => return Err(format!("{}: unknown key {other:?}", path.display())),
        }
    }
    exp.status = if exp.trap.is_some() { TRAP_STATUS } else { status.unwrap_or(0) };
    let stdout = dir.join(format!("{name}.stdout"));
    exp.stdout = std::fs::read(&stdout).map_err(|e| format!("cannot read {}: {e}", stdout.display()))?;
    let stderr = dir.join(format!("{name}.stderr"));
    if stderr.exists() {
        exp.stderr =
            Some(std::fs::read(&stderr).map_err(|e| format!("cannot read {}: {e}", stderr.display()))?);
    }
    Ok(exp)
}
