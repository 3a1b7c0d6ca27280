//! The side under test: awsm compiles the module to a shared object and
//! the C host (host.c, built once per run) runs the script in a child
//! process with a time limit, so a crash or a hang costs one module.

use crate::common::process::run_with_limit;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// How long the host may run one module's script. The reference
/// finished every call in the script within its fuel, so only a
/// miscompiled loop comes near this.
const HOST_LIMIT: Duration = Duration::from_secs(3);
/// How long awsm may take to compile one module.
const COMPILE_LIMIT: Duration = Duration::from_secs(120);

/// One way of compiling a module: an optimisation level and a
/// bounds-check strategy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Setup {
    pub level: &'static str,
    pub strategy: &'static str,
}

impl Setup {
    /// The four setups the fuzzer rotates through.
    pub const ALL: [Setup; 4] = [
        Setup { level: "-O0", strategy: "guard-pages" },
        Setup { level: "-O2", strategy: "guard-pages" },
        Setup { level: "-O0", strategy: "explicit" },
        Setup { level: "-O2", strategy: "explicit" },
    ];

    /// `O2/guard-pages`: how setups are named on command lines and in
    /// regression headers.
    pub fn name(self) -> String {
        format!("{}/{}", &self.level[1..], self.strategy)
    }

    pub fn parse(name: &str) -> Option<Setup> {
        Setup::ALL.into_iter().find(|s| s.name() == name)
    }
}

/// What the host printed, or why it printed nothing useful.
pub enum HostRun {
    Lines(Vec<String>),
    /// awsm refused or failed to compile the module (how, and its stderr).
    Rejected(String),
    /// The host crashed, hung or failed (the lines it printed, then why).
    Died(Vec<String>, String),
}

/// The C host, compiled into `dir` with `cc`.
pub fn build_host(cc: &str, dir: &Path, include: &Path, source: &Path) -> Result<PathBuf, String> {
    let host = dir.join("fuzz-host");
    let out = Command::new(cc)
        .args(["-std=c11", "-O2", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(include)
        .arg(source)
        .arg("-ldl")
        .arg("-o")
        .arg(&host)
        .output()
        .map_err(|e| format!("cannot run {cc}: {e}"))?;
    if !out.status.success() {
        return Err(format!("building the fuzz host failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(host)
}

/// Compiles `wasm` with `awsm` under `setup` in `dir` and runs `script`
/// (host commands, one per line) on it with `host`.
pub fn run(
    awsm: &Path,
    host: &Path,
    dir: &Path,
    setup: Setup,
    wasm: &[u8],
    script: &str,
) -> Result<HostRun, String> {
    let input = dir.join("m.wasm");
    let so = dir.join("m.so");
    std::fs::write(&input, wasm).map_err(|e| format!("{}: {e}", input.display()))?;
    let mut compile = Command::new(awsm);
    compile
        .arg(setup.level)
        .args(["--bounds-checks", setup.strategy, "--name", "m"])
        .arg(&input)
        .arg("-o")
        .arg(&so);
    let compiled =
        run_with_limit(&mut compile, b"", COMPILE_LIMIT).map_err(|e| format!("cannot run awsm: {e}"))?;
    if compiled.timed_out || !compiled.status.success() {
        let why = if compiled.timed_out {
            format!("awsm timed out after {COMPILE_LIMIT:?}")
        } else {
            format!(
                "awsm ended with {}: {}",
                compiled.describe_status(),
                String::from_utf8_lossy(&compiled.stderr).trim()
            )
        };
        return Ok(HostRun::Rejected(why));
    }
    let finished = run_with_limit(Command::new(host).arg(&so), script.as_bytes(), HOST_LIMIT)
        .map_err(|e| format!("cannot run the fuzz host: {e}"))?;
    let lines = String::from_utf8_lossy(&finished.stdout).lines().map(str::to_string).collect();
    if finished.timed_out {
        return Ok(HostRun::Died(lines, format!("host timed out after {HOST_LIMIT:?}")));
    }
    if !finished.status.success() {
        let why = format!(
            "host ended with {}: {}",
            finished.describe_status(),
            String::from_utf8_lossy(&finished.stderr).trim()
        );
        return Ok(HostRun::Died(lines, why));
    }
    Ok(HostRun::Lines(lines))
}
