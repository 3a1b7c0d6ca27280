//! Writing outputs: every kind is produced into a temporary file next to
//! the destination and renamed into place, so a failure never leaves a
//! half-written output behind.

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

/// Write `module` as `emit` to `out`.
pub fn write(module: &Module, tm: &TargetMachine, emit: Emit, out: &Path, linker: &[String]) -> Result<()> {
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

/// Link `obj` into `out` with the system C toolchain.
fn run_linker(linker: &[String], obj: &Path, out: &Path, shared: bool) -> Result<()> {
    let (prog, args) = linker.split_first().ok_or_else(|| Error::backend("no linker"))?;
    let mut cmd = Command::new(prog);
    cmd.args(args);
    if shared {
        cmd.arg("-shared");
    }
    cmd.arg(obj).arg("-o").arg(out).args(["-lm", "-lpthread"]);
    let output = cmd.output().map_err(|e| {
        Error::new(
            ErrorKind::Backend,
            format!("cannot run the linker '{prog}': {e} (install it, e.g. clang-19)"),
        )
    })?;
    if !output.status.success() {
        let msg = String::from_utf8_lossy(&output.stderr);
        let first = msg.lines().find(|l| !l.trim().is_empty()).unwrap_or("failed");
        return Err(Error::new(ErrorKind::Backend, format!("linking failed: {first}")));
    }
    Ok(())
}
