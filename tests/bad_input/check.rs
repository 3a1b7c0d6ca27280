//! What awsm must do with an input, checked through the library (in
//! process: fast, and a panic is caught) or through the CLI (a child
//! process: survives an LLVM abort or a segfault, and a hang is killed).
//! A module awsm's validator accepts must compile; any other input must be
//! refused with one line (an invalid module's with its byte offset), exit
//! status 1 from the CLI, and no output file or temporary left behind.
//! Anything else is a failure, described in one line.

use crate::inputs::is_valid;
use awsm::driver::{OptLevel, Options, compile_bytes};
use awsm::error::ErrorKind;
use awsm::target::link::Emit;
use std::cell::{Cell, RefCell};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::process::Command;
use std::sync::Once;
use std::time::{Duration, Instant};

/// The longest a compile of these small inputs may take before it counts
/// as a hang (generous: the machine is shared).
pub const TIME_LIMIT: Duration = Duration::from_secs(60);

/// How an input ended, when it did not fail.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Compiled,
    /// Refused cleanly; the one-line message.
    Refused(String),
}

thread_local! {
    /// Whether this thread is inside [`library`]'s `catch_unwind`, and the
    /// message of the panic caught there.
    static CATCHING: Cell<bool> = const { Cell::new(false) };
    static PANIC: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Keep the message of a panic caught in [`library`] for its failure
/// report instead of printing it; other panics (a failing assertion)
/// print as usual.
fn catch_panic_messages() {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let default = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !CATCHING.get() {
                return default(info);
            }
            let payload = info.payload();
            let msg = payload.downcast_ref::<&str>().map(|s| s.to_string());
            let msg = msg.or_else(|| payload.downcast_ref::<String>().cloned()).unwrap_or_default();
            let at = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
            PANIC.set(format!("{msg}{at}"));
        }));
    });
}

/// Compile `wasm` through the library at `level` to bitcode in `dir`.
pub fn library(wasm: &[u8], dir: &Path, level: OptLevel) -> Result<Outcome, String> {
    let out = dir.join("out.bc");
    let opts = Options {
        input: "input.wasm".into(),
        output: out.clone(),
        emit: Some(Emit::Bitcode),
        target: None,
        opt_level: level,
        strategy: None,
        name: None,
        inline_constant_globals: false,
        fast_unsafe: false,
        runtime_globals: false,
    };
    catch_panic_messages();
    let start = Instant::now();
    CATCHING.set(true);
    let result = catch_unwind(AssertUnwindSafe(|| compile_bytes(wasm, &opts)));
    CATCHING.set(false);
    let took = start.elapsed();
    let valid = is_valid(wasm);
    let outcome = match result {
        Err(_) => Err(format!("panic: {}", PANIC.take())),
        Ok(Ok(())) if !valid => Err("an invalid module compiled".into()),
        Ok(Ok(())) if !out.exists() => Err("compiled but wrote no output".into()),
        Ok(Ok(())) => Ok(Outcome::Compiled),
        Ok(Err(e)) if valid => Err(format!("a valid module was refused: {e}")),
        Ok(Err(e)) => {
            let line = e.to_string();
            if line.contains('\n') {
                Err(format!("a message of several lines: {line:?}"))
            } else if e.kind == ErrorKind::Invalid && e.offset.is_none() {
                Err(format!("an invalid module without a byte offset: {line}"))
            } else if !matches!(e.kind, ErrorKind::Invalid | ErrorKind::Unsupported) {
                Err(format!("neither invalid nor unsupported: {line}"))
            } else {
                Ok(Outcome::Refused(line))
            }
        }
    };
    let outcome = match outcome {
        Ok(_) if took > TIME_LIMIT => Err(format!("took {took:?}")),
        Ok(Outcome::Refused(_)) if out.exists() => Err("refused but left its output behind".into()),
        o => o,
    };
    clean(dir, &out).and(outcome)
}

/// Compile `wasm` with the awsm binary `awsm` at `level` to an object in
/// `dir`, in a child process killed after `limit`.
pub fn cli(awsm: &Path, wasm: &[u8], dir: &Path, level: &str, limit: Duration) -> Result<Outcome, String> {
    let input = dir.join("input.wasm");
    let out = dir.join("out.o");
    std::fs::write(&input, wasm).map_err(|e| format!("cannot write {}: {e}", input.display()))?;
    let mut cmd = Command::new(awsm);
    cmd.arg(level).arg(&input).arg("-o").arg(&out);
    let done = crate::process::run_with_limit(&mut cmd, b"", limit)
        .map_err(|e| format!("cannot run {}: {e}", awsm.display()))?;
    let stderr = String::from_utf8_lossy(&done.stderr).into_owned();
    let valid = is_valid(wasm);
    let outcome = if done.timed_out {
        Err(format!("no result within {limit:?}"))
    } else {
        match done.status.code() {
            Some(0) if !valid => Err("an invalid module compiled".into()),
            Some(0) if !out.exists() => Err("exit status 0 but no output".into()),
            Some(0) => Ok(Outcome::Compiled),
            Some(1) if valid => Err(format!("a valid module was refused: {}", stderr.trim_end())),
            Some(1) if stderr.lines().count() != 1 || !stderr.starts_with("awsm: ") => {
                Err(format!("exit status 1 but stderr is not one awsm line: {stderr:?}"))
            }
            Some(1) if out.exists() => Err("refused but left its output behind".into()),
            Some(1) => Ok(Outcome::Refused(stderr.trim_end().to_string())),
            _ => Err(format!("{}: {}", done.describe_status(), stderr.trim_end().replace('\n', " | "))),
        }
    };
    let _ = std::fs::remove_file(&input);
    clean(dir, &out).and(outcome)
}

/// Remove the output and fail on any temporary file awsm left in `dir`.
fn clean(dir: &Path, out: &Path) -> Result<(), String> {
    let _ = std::fs::remove_file(out);
    let left: Vec<String> = std::fs::read_dir(dir)
        .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    for name in &left {
        let _ = std::fs::remove_file(dir.join(name));
    }
    match left.is_empty() {
        true => Ok(()),
        false => Err(format!("files left behind: {left:?}")),
    }
}
