//! Helpers shared by the integration tests: finding a wasm32-wasi C
//! toolchain (or a reason to skip), running a child process with a time
//! limit, and rendering a readable diff of expected and actual text.
//!
//! Each test crate that says `mod common;` compiles its own copy and uses a
//! subset, hence the `dead_code` allowance.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::thread;
use std::time::{Duration, Instant};

/// The C compiler the tests use to build wasm32-wasi modules.
///
/// `AWSM_TEST_CLANG` overrides the default `clang-19` so a machine with the
/// toolchain elsewhere can still run the tests.
pub fn clang_command() -> String {
    std::env::var("AWSM_TEST_CLANG").unwrap_or_else(|_| "clang-19".to_string())
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

/// Path of a file or directory relative to the repository root.
pub fn repo_path(relative: impl AsRef<Path>) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

/// What a finished (or killed) child process produced.
#[derive(Debug)]
pub struct Finished {
    /// The exit status; for a killed child, the status after the kill.
    pub status: ExitStatus,
    pub stdout: Vec<u8>,
    pub stderr: Vec<u8>,
    /// True if the child ran past its time limit and was killed.
    pub timed_out: bool,
}

impl Finished {
    /// The exit status as a human-readable phrase ("exit status 3",
    /// "killed by signal 11"), for failure messages.
    pub fn describe_status(&self) -> String {
        describe_status(self.status)
    }
}

/// Describes an exit status, naming the signal when there is no exit code.
pub fn describe_status(status: ExitStatus) -> String {
    if let Some(code) = status.code() {
        return format!("exit status {code}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::process::ExitStatusExt;
        if let Some(signal) = status.signal() {
            return format!("killed by signal {signal}");
        }
    }
    format!("{status}")
}

/// Runs `command` with `stdin` as its standard input, capturing stdout and
/// stderr, and kills it if it runs longer than `limit`, so a miscompiled
/// program that loops forever fails its test instead of hanging the run.
pub fn run_with_limit(command: &mut Command, stdin: &[u8], limit: Duration) -> std::io::Result<Finished> {
    let mut child = command.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped()).spawn()?;
    let mut child_stdin = child.stdin.take().expect("stdin was piped");
    let input = stdin.to_vec();
    // A child that exits without reading its input makes this write fail
    // with a broken pipe; that is the child's business, not an error here.
    let writer = thread::spawn(move || {
        let _ = child_stdin.write_all(&input);
    });
    let stdout = drain(child.stdout.take().expect("stdout was piped"));
    let stderr = drain(child.stderr.take().expect("stderr was piped"));

    let deadline = Instant::now() + limit;
    let mut timed_out = false;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        if Instant::now() >= deadline {
            timed_out = true;
            let _ = child.kill();
            break child.wait()?;
        }
        thread::sleep(Duration::from_millis(5));
    };
    let _ = writer.join();
    Ok(Finished {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
        timed_out,
    })
}

fn drain(mut pipe: impl Read + Send + 'static) -> thread::JoinHandle<Vec<u8>> {
    thread::spawn(move || {
        let mut bytes = Vec::new();
        let _ = pipe.read_to_end(&mut bytes);
        bytes
    })
}

/// Shows where two texts differ: the common leading and trailing lines are
/// skipped (with a little context) and the differing middle is printed as
/// `-expected` / `+actual` lines, each side capped at `max_lines`.
pub fn line_diff(expected: &str, actual: &str, max_lines: usize) -> String {
    const CONTEXT: usize = 2;
    let exp: Vec<&str> = expected.split_inclusive('\n').collect();
    let act: Vec<&str> = actual.split_inclusive('\n').collect();
    let prefix = exp.iter().zip(&act).take_while(|(a, b)| a == b).count();
    let suffix =
        exp[prefix..].iter().rev().zip(act[prefix..].iter().rev()).take_while(|(a, b)| a == b).count();
    let mut out = String::new();
    let start = prefix.saturating_sub(CONTEXT);
    if start > 0 {
        out.push_str(&format!("  ... {start} identical line(s)\n"));
    }
    for line in &exp[start..prefix] {
        push_line(&mut out, ' ', line);
    }
    for (sign, lines) in [('-', &exp[prefix..exp.len() - suffix]), ('+', &act[prefix..act.len() - suffix])] {
        for line in lines.iter().take(max_lines) {
            push_line(&mut out, sign, line);
        }
        if lines.len() > max_lines {
            out.push_str(&format!("{sign} ... {} more line(s)\n", lines.len() - max_lines));
        }
    }
    let context_end = (exp.len() - suffix + CONTEXT).min(exp.len());
    for line in &exp[exp.len() - suffix..context_end] {
        push_line(&mut out, ' ', line);
    }
    if context_end < exp.len() {
        out.push_str(&format!("  ... {} identical line(s)\n", exp.len() - context_end));
    }
    out
}

fn push_line(out: &mut String, sign: char, line: &str) {
    out.push(sign);
    out.push(' ');
    let (body, newline) = match line.strip_suffix('\n') {
        Some(body) => (body, true),
        None => (line, false),
    };
    // Control characters (tabs, a stray \r, NULs) are escaped so they show.
    for c in body.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out.push_str(if newline { "\n" } else { "  (no newline at end)\n" });
}
