//! Running child processes for the tests: with a time limit (a
//! miscompiled program that loops forever fails its test instead of
//! hanging the run), with their output captured, and with failures
//! described well enough to reproduce by hand.

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::process::{Command, ExitStatus, Stdio};
use std::thread;
use std::time::{Duration, Instant};

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

/// Runs a build step (a compiler, a linker) with the time limit `limit`;
/// `Err` describes how it failed: the command as typed, its status, and
/// what it printed.
pub fn expect_success(command: &mut Command, limit: Duration) -> Result<(), String> {
    let shown = show_command(command);
    let finished = run_with_limit(command, b"", limit).map_err(|e| format!("cannot run `{shown}`: {e}"))?;
    if finished.timed_out {
        return Err(format!("`{shown}` did not finish within {limit:?}"));
    }
    if !finished.status.success() {
        return Err(format!(
            "`{shown}` ended with {}\n{}{}",
            finished.describe_status(),
            String::from_utf8_lossy(&finished.stdout),
            String::from_utf8_lossy(&finished.stderr).trim_end()
        ));
    }
    Ok(())
}

/// The command line as a shell would take it, for reproducing a failure
/// by hand.
pub fn show_command(command: &Command) -> String {
    let mut shown = String::new();
    for (var, value) in command.get_envs() {
        if let Some(value) = value {
            let _ = write!(shown, "{}={:?} ", var.to_string_lossy(), value);
        }
    }
    shown.push_str(&command.get_program().to_string_lossy());
    for arg in command.get_args() {
        let arg = arg.to_string_lossy();
        if arg.is_empty() || arg.contains(char::is_whitespace) {
            let _ = write!(shown, " {arg:?}");
        } else {
            let _ = write!(shown, " {arg}");
        }
    }
    shown
}
