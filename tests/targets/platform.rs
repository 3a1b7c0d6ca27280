//! The platforms the cross-target tests run on: a target triple, the board
//! (for Cortex-M), how its programs run (natively, qemu-aarch64 or
//! qemu-system-arm) and the level awsm compiles at; and whether this
//! machine can run it at all, probed once per platform.

use crate::common::{
    AWSM, expect_success, qemu_system_arm, qemu_user, report_skip, run_with_limit, wasi_clang,
};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

/// How long a compile or link may take before it is a failure.
pub const COMPILE_LIMIT: Duration = Duration::from_secs(600);
/// How long a program may run before it is killed and fails.
pub const RUN_LIMIT: Duration = Duration::from_secs(300);

/// How a platform runs an executable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Runner {
    Native,
    QemuUser,
    QemuSystem,
}

/// A target plus the machine its programs run on. Which examples it runs
/// is the list its test module is generated from (tests/targets.rs).
#[derive(Debug)]
pub struct Platform {
    pub name: &'static str,
    pub triple: &'static str,
    pub board: Option<&'static str>,
    pub runner: Runner,
    /// The level awsm compiles at.
    pub opt: &'static str,
}

pub const I686: Platform = Platform {
    name: "i686",
    triple: "i686-unknown-linux-gnu",
    board: None,
    runner: Runner::Native,
    opt: "-O2",
};
pub const AARCH64: Platform = Platform {
    name: "aarch64",
    triple: "aarch64-unknown-linux-gnu",
    board: None,
    runner: Runner::QemuUser,
    opt: "-O2",
};
pub const CORTEX_M4: Platform = Platform {
    name: "cortex_m4",
    triple: "thumbv7em-none-eabihf",
    board: Some("mps2-an386"),
    runner: Runner::QemuSystem,
    opt: "-O2",
};
pub const CORTEX_M7: Platform = Platform {
    name: "cortex_m7",
    triple: "thumbv7em-none-eabihf",
    board: Some("mps2-an500"),
    runner: Runner::QemuSystem,
    opt: "-O2",
};
pub const CORTEX_M4_SOFT: Platform = Platform {
    name: "cortex_m4_soft",
    triple: "thumbv7em-none-eabi",
    board: Some("mps2-an386"),
    runner: Runner::QemuSystem,
    opt: "-O2",
};
pub const CORTEX_M4_OZ: Platform = Platform {
    name: "cortex_m4_oz",
    triple: "thumbv7em-none-eabihf",
    board: Some("mps2-an386"),
    runner: Runner::QemuSystem,
    opt: "-Oz",
};

/// Every platform, for the checks on the lists that name them.
pub const PLATFORMS: [&Platform; 6] =
    [&I686, &AARCH64, &CORTEX_M4, &CORTEX_M7, &CORTEX_M4_SOFT, &CORTEX_M4_OZ];

/// Where builds go: one directory per test process.
pub fn build_root() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("awsm-targets-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("create the build directory");
        dir
    })
}

/// A directory `name` under [`build_root`], created.
pub fn build_dir(name: impl AsRef<Path>) -> PathBuf {
    let dir = build_root().join(name);
    std::fs::create_dir_all(&dir).expect("create a build directory");
    dir
}

impl Platform {
    /// The command that runs `exe` on this platform.
    pub fn command(&self, exe: &Path) -> Result<Command, String> {
        Ok(match self.runner {
            Runner::Native => Command::new(exe),
            Runner::QemuUser => {
                let (qemu, sysroot) = qemu_user()?;
                let mut cmd = Command::new(qemu);
                cmd.arg("-L").arg(sysroot).arg(exe);
                cmd
            }
            Runner::QemuSystem => {
                let mut cmd = Command::new(qemu_system_arm()?);
                let board = self.board.expect("a QEMU system platform has a board");
                cmd.args(["-M", board, "-nographic", "-semihosting", "-kernel"]).arg(exe);
                cmd
            }
        })
    }

    /// `awsm` compiling `wasm` to `out` for this platform at `opt` (-O2...).
    pub fn awsm(&self, wasm: &Path, out: &Path, opt: &str) -> Command {
        let mut cmd = Command::new(AWSM);
        cmd.arg("--target").arg(self.triple).arg(opt).arg(wasm).arg("-o").arg(out);
        if let Some(board) = self.board {
            cmd.arg("--board").arg(board);
        }
        cmd
    }

    /// Compiles `wasm` with `flags` and panics with awsm's report if that
    /// fails.
    pub fn build(&self, wasm: &Path, out: &Path, opt: &str, flags: &[&str]) {
        let mut awsm = self.awsm(wasm, out, opt);
        awsm.args(flags);
        expect_success(&mut awsm, COMPILE_LIMIT).unwrap_or_else(|e| panic!("{}: {e}", self.name));
    }

    /// Runs `exe` on this platform with empty stdin and the run limit; the
    /// platform is known to be ready.
    pub fn run(&self, exe: &Path) -> crate::common::Finished {
        let mut command = self.command(exe).unwrap_or_else(|e| panic!("{}: {e}", self.name));
        run_with_limit(&mut command, b"", RUN_LIMIT)
            .unwrap_or_else(|e| panic!("{}: cannot run: {e}", self.name))
    }

    /// Whether `test` can run here: false, after reporting the skip (a
    /// failure under `AWSM_REQUIRE_TOOLS=1`), when a tool is missing.
    pub fn ready_for(&self, test: &str) -> bool {
        match self.ready() {
            Ok(()) => true,
            Err(reason) => {
                report_skip(&format!("{}::{test}", self.name), &reason);
                false
            }
        }
    }

    /// Whether this platform can be tested here: Err(reason) to skip.
    /// Probed once: tools present, awsm has the target's runtime and
    /// can link for it, and the result runs.
    fn ready(&self) -> Result<(), String> {
        static PROBES: OnceLock<Mutex<HashMap<&'static str, Result<(), String>>>> = OnceLock::new();
        let probes = PROBES.get_or_init(Default::default);
        let mut probes = probes.lock().unwrap_or_else(|e| e.into_inner());
        probes.entry(self.name).or_insert_with(|| self.probe()).clone()
    }

    fn probe(&self) -> Result<(), String> {
        wasi_clang().map_err(str::to_string)?;
        self.command(Path::new("probe"))?;
        let dir = build_root().join(format!("probe-{}", self.name));
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let wat = dir.join("probe.wat");
        std::fs::write(&wat, "(module (memory 1) (func (export \"_start\")))").map_err(|e| e.to_string())?;
        let exe = dir.join("probe_exe");
        let out = self.awsm(&wat, &exe, "-O2").output().map_err(|e| format!("cannot run awsm: {e}"))?;
        if !out.status.success() {
            let msg = String::from_utf8_lossy(&out.stderr).trim().to_string();
            // An absent package is a reason to skip; anything else is a bug.
            // (A runtime that failed to compile is a bug: only missing headers skip.)
            if msg.contains("headers are missing") || msg.contains("cannot run the linker") {
                return Err(msg);
            }
            panic!("{}: awsm cannot build a trivial program: {msg}", self.name);
        }
        let run = run_with_limit(&mut self.command(&exe)?, b"", RUN_LIMIT).map_err(|e| e.to_string())?;
        if run.status.code() != Some(0) {
            if self.runner == Runner::Native {
                return Err(format!(
                    "this machine cannot run {} executables ({})",
                    self.triple,
                    run.describe_status()
                ));
            }
            panic!("{}: a trivial program fails: {}", self.name, String::from_utf8_lossy(&run.stderr));
        }
        Ok(())
    }
}
