//! Where the tests find what they run: the awsm binary under test, files
//! of the repository, and the external tools (C compilers, QEMU, the Arm
//! toolchain), each probed in one place so that every crate asks the same
//! question and gives the same reason when the answer is no.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The awsm binary cargo built for this test run.
pub const AWSM: &str = env!("CARGO_BIN_EXE_awsm");

/// A command running the awsm binary under test.
pub fn awsm() -> Command {
    Command::new(AWSM)
}

/// Path of a file or directory relative to the repository root.
pub fn repo_path(relative: impl AsRef<Path>) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// Whether `program --version` runs and succeeds: the probe for a tool
/// whose absence is a reason to skip.
pub fn can_run(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok_and(|o| o.status.success())
}

/// `var`'s value, or `default` when it is unset.
pub fn env_or(var: &str, default: &str) -> String {
    std::env::var(var).unwrap_or_else(|_| default.to_string())
}

/// The C compiler the tests use to build wasm32-wasi modules.
///
/// `AWSM_TEST_CLANG` overrides the default `clang-19` so a machine with the
/// toolchain elsewhere can still run the tests.
pub fn clang_command() -> String {
    env_or("AWSM_TEST_CLANG", "clang-19")
}

/// The C compiler for native hosts that link awsm objects (`AWSM_TEST_CC`,
/// default `clang-19`): a separate switch from [`clang_command`], because a
/// host compiler need not target wasm32.
pub fn host_cc() -> String {
    env_or("AWSM_TEST_CC", "clang-19")
}

/// A C compiler that was shown to build and link a wasm32-wasi program.
#[derive(Debug, Clone)]
pub struct WasiClang {
    /// The program to run (as given by [`clang_command`]).
    pub program: String,
}

/// Probes once per test process whether clang can build a wasm32-wasi
/// program that includes libc headers and links libc. `Err` holds the
/// reason to print when skipping: clang missing or the sysroot missing are
/// environment problems, not failures of the code under test.
pub fn wasi_clang() -> Result<&'static WasiClang, &'static str> {
    static PROBE: OnceLock<Result<WasiClang, String>> = OnceLock::new();
    PROBE.get_or_init(probe_wasi_clang).as_ref().map_err(String::as_str)
}

fn probe_wasi_clang() -> Result<WasiClang, String> {
    let program = clang_command();
    let dir = tempfile::tempdir().map_err(|e| format!("cannot create a temp dir: {e}"))?;
    let source = dir.path().join("probe.c");
    std::fs::write(
        &source,
        "#include <stdio.h>\n#include <math.h>\nint main(void) { printf(\"%f\\n\", sqrt(2.0)); return 0; }\n",
    )
    .map_err(|e| format!("cannot write the probe source: {e}"))?;
    let output = Command::new(&program)
        .arg("--target=wasm32-wasi")
        .arg(&source)
        .arg("-o")
        .arg(dir.path().join("probe.wasm"))
        .arg("-lm")
        .output();
    match output {
        Err(e) => Err(format!("`{program}` could not be run ({e}); install clang-19 or set AWSM_TEST_CLANG")),
        Ok(out) if !out.status.success() => Err(format!(
            "`{program} --target=wasm32-wasi` cannot build a libc program, so the wasm32-wasi sysroot \
             (wasi-libc) is probably missing:\n{}",
            String::from_utf8_lossy(&out.stderr).trim_end()
        )),
        Ok(_) => Ok(WasiClang { program }),
    }
}

/// `program` as an absolute path found on PATH: programs run with an
/// empty environment, where a bare name would be looked up on the default
/// path only.
pub fn resolve_on_path(program: String) -> String {
    if program.contains('/') {
        return program;
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .map(|dir| dir.join(&program))
        .find(|p| p.is_file())
        .map(|p| p.display().to_string())
        .unwrap_or(program)
}

/// qemu-aarch64 (`AWSM_QEMU_AARCH64`, else qemu-aarch64-static or
/// qemu-aarch64 on PATH) and the sysroot it loads the dynamic linker from
/// (`AWSM_AARCH64_SYSROOT`, default /usr/aarch64-linux-gnu).
pub fn qemu_user() -> Result<(String, String), String> {
    let qemu = match std::env::var("AWSM_QEMU_AARCH64") {
        Ok(q) => q,
        Err(_) => ["qemu-aarch64-static", "qemu-aarch64"]
            .into_iter()
            .find(|q| can_run(q))
            .ok_or("qemu-aarch64 is not installed (package qemu-user-static)")?
            .to_string(),
    };
    let sysroot = env_or("AWSM_AARCH64_SYSROOT", "/usr/aarch64-linux-gnu");
    if !Path::new(&sysroot).join("lib/ld-linux-aarch64.so.1").exists() {
        return Err(format!("no aarch64 glibc in {sysroot} (package libc6-dev-arm64-cross)"));
    }
    Ok((resolve_on_path(qemu), sysroot))
}

/// qemu-system-arm (`AWSM_QEMU_SYSTEM_ARM`), which runs the Cortex-M boards.
pub fn qemu_system_arm() -> Result<String, String> {
    let qemu = env_or("AWSM_QEMU_SYSTEM_ARM", "qemu-system-arm");
    if can_run(&qemu) {
        Ok(resolve_on_path(qemu))
    } else {
        Err(format!("`{qemu}` is not installed (package qemu-system-arm)"))
    }
}

/// The bare-metal Arm toolchain (arm-none-eabi-gcc with newlib, and its
/// nm and size), which links hand-made firmware and measures images.
pub fn arm_none_eabi() -> Result<(), String> {
    for tool in ["arm-none-eabi-gcc", "arm-none-eabi-nm", "arm-none-eabi-size"] {
        if !can_run(tool) {
            return Err(format!(
                "{tool} is not installed (packages gcc-arm-none-eabi, libnewlib-arm-none-eabi)"
            ));
        }
    }
    Ok(())
}
