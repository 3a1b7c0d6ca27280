//! Writing outputs: every kind is produced into a temporary file next to
//! the destination and renamed into place, so a failure never leaves a
//! half-written output behind. Shared objects and executables are linked
//! by the target's C toolchain (`Linker::for_target`).

use super::{Board, Os, TargetInfo};
use crate::error::{Error, ErrorKind, Result};
use inkwell::module::Module;
use inkwell::targets::{FileType, TargetMachine};
use std::path::Path;
use std::process::Command;

/// What to produce.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Emit {
    Bitcode,
    Ir,
    Asm,
    Object,
    Shared,
    Exe,
}

impl Emit {
    /// The `--emit` spellings.
    pub fn from_name(name: &str) -> Option<Emit> {
        Some(match name {
            "bc" => Emit::Bitcode,
            "ll" => Emit::Ir,
            "asm" => Emit::Asm,
            "obj" => Emit::Object,
            "shared" => Emit::Shared,
            "exe" => Emit::Exe,
            _ => return None,
        })
    }

    /// Infer from the output file's extension; anything else is an executable.
    pub fn from_path(path: &Path) -> Emit {
        match path.extension().and_then(|e| e.to_str()) {
            Some("bc") => Emit::Bitcode,
            Some("ll") => Emit::Ir,
            Some("s") => Emit::Asm,
            Some("o") => Emit::Object,
            Some("so") => Emit::Shared,
            _ => Emit::Exe,
        }
    }
}

/// How to link an object into an executable or shared object for a target.
#[derive(Clone, Debug)]
pub struct Linker {
    /// The C compiler driver that links.
    pub program: String,
    /// Flags before the object (target, CPU, linker script...).
    pub flags: Vec<String>,
    /// Libraries after the object.
    pub libs: Vec<String>,
    /// A linker script to write to a temporary file and pass with `-T`.
    pub script: Option<&'static str>,
    /// Debian packages to suggest when linking fails.
    pub packages: String,
}

/// Whether `program` can be run (found on PATH).
fn have(program: &str) -> bool {
    Command::new(program).arg("--version").output().is_ok()
}

impl Linker {
    /// The linker for `target` (firmware for `board` on Cortex-M):
    ///
    /// - x86_64: `clang-19`
    /// - i686: `clang-19 --target=i686-unknown-linux-gnu` (needs gcc-multilib's
    ///   32-bit libc and libgcc)
    /// - aarch64: `aarch64-linux-gnu-gcc` if installed, else `clang-19
    ///   --target=aarch64-unknown-linux-gnu` over the cross libc and libgcc
    ///   (Debian's gcc-aarch64-linux-gnu conflicts with gcc-multilib), with
    ///   ld.lld when binutils-aarch64-linux-gnu is missing
    /// - Cortex-M: `arm-none-eabi-gcc` with the board's CPU flags, its
    ///   linker script and newlib-nano
    pub fn for_target(target: &TargetInfo, board: Option<&Board>) -> Result<Linker> {
        let mut linker = Linker {
            program: "clang-19".into(),
            flags: Vec::new(),
            libs: vec!["-lm".into(), "-lpthread".into()],
            script: None,
            packages: target.packages.to_string(),
        };
        match (target.triple, target.os) {
            ("x86_64-unknown-linux-gnu", _) => {}
            ("aarch64-unknown-linux-gnu", _) if have("aarch64-linux-gnu-gcc") => {
                linker.program = "aarch64-linux-gnu-gcc".into();
            }
            ("aarch64-unknown-linux-gnu", _) => {
                linker.flags.push(format!("--target={}", target.triple));
                if !have("aarch64-linux-gnu-ld") {
                    linker.flags.push("-fuse-ld=lld".into());
                }
            }
            (_, Os::Linux) => linker.flags.push(format!("--target={}", target.triple)),
            (_, Os::CortexM) => {
                let board = board.ok_or_else(|| {
                    Error::new(ErrorKind::Usage, "linking Cortex-M firmware needs --board".to_string())
                })?;
                linker.program = "arm-none-eabi-gcc".into();
                linker.flags = board.gcc_flags(target.hard_float());
                linker.flags.extend(
                    ["-nostartfiles", "--specs=nano.specs", "-Wl,--gc-sections"]
                        .iter()
                        .map(|s| s.to_string()),
                );
                linker.libs = vec!["-lm".into(), "-lc".into(), "-lgcc".into()];
                linker.script = Some(board.linker_script);
                linker.packages = "gcc-arm-none-eabi and libnewlib-arm-none-eabi".into();
            }
        }
        Ok(linker)
    }
}

fn io(what: &str, path: &Path, e: impl std::fmt::Display) -> Error {
    Error::new(ErrorKind::Io, format!("{what} {}: {e}", path.display()))
}

/// A temporary path in the output's directory, removed unless persisted.
fn temp_beside(out: &Path) -> Result<tempfile::TempPath> {
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    tempfile::Builder::new()
        .prefix(".awsm-")
        .tempfile_in(dir)
        .map(|f| f.into_temp_path())
        .map_err(|e| io("cannot create a file in", dir, e))
}

/// Write `module` as `emit` to `out`; `linker` links shared objects and
/// executables.
pub fn write(module: &Module, tm: &TargetMachine, emit: Emit, out: &Path, linker: &Linker) -> Result<()> {
    let tmp = temp_beside(out)?;
    match emit {
        Emit::Bitcode => {
            if !module.write_bitcode_to_path(&tmp) {
                return Err(io("cannot write", out, "bitcode writer failed"));
            }
        }
        Emit::Ir => module.print_to_file(&tmp).map_err(|e| io("cannot write", out, e))?,
        Emit::Asm => {
            tm.write_to_file(module, FileType::Assembly, &tmp).map_err(|e| io("cannot write", out, e))?
        }
        Emit::Object => {
            tm.write_to_file(module, FileType::Object, &tmp).map_err(|e| io("cannot write", out, e))?
        }
        Emit::Shared | Emit::Exe => {
            let obj = tempfile::Builder::new()
                .suffix(".o")
                .tempfile()
                .map_err(|e| io("cannot create a temporary object for", out, e))?
                .into_temp_path();
            tm.write_to_file(module, FileType::Object, &obj).map_err(|e| io("cannot write", out, e))?;
            run_linker(linker, &obj, &tmp, emit == Emit::Shared)?;
        }
    }
    tmp.persist(out).map_err(|e| io("cannot write", out, e.error))?;
    Ok(())
}

/// Link `obj` into `out` with the target's C toolchain.
fn run_linker(linker: &Linker, obj: &Path, out: &Path, shared: bool) -> Result<()> {
    let mut cmd = Command::new(&linker.program);
    cmd.args(&linker.flags);
    if shared {
        cmd.arg("-shared");
    }
    // Kept alive (and so on disk) until the linker has run.
    let _script_file = match linker.script {
        Some(text) => {
            let mut file = tempfile::Builder::new()
                .suffix(".ld")
                .tempfile()
                .map_err(|e| io("cannot create a linker script for", out, e))?;
            std::io::Write::write_all(&mut file, text.as_bytes())
                .map_err(|e| io("cannot write", file.path(), e))?;
            cmd.arg("-T").arg(file.path());
            Some(file)
        }
        None => None,
    };
    cmd.arg(obj).arg("-o").arg(out).args(&linker.libs);
    let output = cmd.output().map_err(|e| {
        Error::new(
            ErrorKind::Backend,
            format!("cannot run the linker '{}': {e} (install {})", linker.program, linker.packages),
        )
    })?;
    if !output.status.success() {
        let msg = String::from_utf8_lossy(&output.stderr);
        let first = msg
            .lines()
            .find(|l| l.contains("error") || l.contains("cannot find") || l.contains("undefined"))
            .or_else(|| msg.lines().find(|l| !l.trim().is_empty()))
            .unwrap_or("failed");
        return Err(Error::new(
            ErrorKind::Backend,
            format!(
                "linking with {} failed: {} (are {} installed?)",
                linker.program,
                first.trim(),
                linker.packages
            ),
        ));
    }
    Ok(())
}
