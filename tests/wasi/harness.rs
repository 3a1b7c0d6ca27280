//! The harness of the WASI tests: building tests/wasi/<program>.c once per
//! test process, running it as an executable or through `awsm run` with a
//! time limit, and comparing its output with tests/wasi/<program>.expected.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use crate::common;
use crate::common::AWSM;

pub const LIMIT: Duration = Duration::from_secs(120);

/// How a program is run: its compiled executable, or `awsm run`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mode {
    Exe,
    Run,
}

/// Where this test process keeps built modules and the `awsm run` cache.
pub fn work_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::Builder::new().prefix("awsm-wasi-").tempdir().expect("temp dir")).path()
}

/// The program's wasm module and executable, built once per test process.
/// None (after printing why) when no wasm32-wasi C toolchain is present.
pub fn built(name: &str) -> Option<(PathBuf, PathBuf)> {
    type Slot = Arc<OnceLock<Result<(PathBuf, PathBuf), String>>>;
    static BUILDS: OnceLock<Mutex<BTreeMap<String, Slot>>> = OnceLock::new();
    let clang = common::wasi_clang_or_skip("wasi")?;
    let slot = {
        let mut map = BUILDS.get_or_init(Default::default).lock().unwrap();
        map.entry(name.to_string()).or_default().clone()
    };
    let result = slot.get_or_init(|| {
        let src = common::repo_path(format!("tests/wasi/{name}.c"));
        let wasm = work_dir().join(format!("{name}.wasm"));
        let exe = work_dir().join(name);
        let mut cc = Command::new(&clang);
        cc.args(["--target=wasm32-wasi", "-O2", "-Wall", "-Wextra", "-Werror", "-o"]).arg(&wasm).arg(&src);
        if name == "reactor" {
            cc.arg("-mexec-model=reactor");
        }
        let out = cc.output().map_err(|e| format!("{clang}: {e}"))?;
        if !out.status.success() {
            return Err(format!("building {name}.c:\n{}", String::from_utf8_lossy(&out.stderr)));
        }
        let out = Command::new(AWSM).arg(&wasm).arg("-o").arg(&exe).output().map_err(|e| e.to_string())?;
        if !out.status.success() {
            return Err(format!("awsm {name}.wasm:\n{}", String::from_utf8_lossy(&out.stderr)));
        }
        Ok((wasm, exe))
    });
    match result {
        Ok(paths) => Some(paths.clone()),
        Err(e) => panic!("{e}"),
    }
}

/// One run's options: sandbox options (as `awsm run` spells them), guest
/// arguments and extra host environment.
#[derive(Default)]
pub struct Invocation {
    pub sandbox: Vec<String>,
    pub args: Vec<String>,
    pub host_env: Vec<(String, String)>,
}

pub struct Output {
    pub status: ExitStatus,
    pub stdout: String,
    pub stderr: String,
}

/// The command running program `name` in `mode` with `inv`.
pub fn command(name: &str, mode: Mode, inv: &Invocation) -> Option<Command> {
    let (wasm, exe) = built(name)?;
    let mut cmd = match mode {
        Mode::Exe => {
            let mut c = Command::new(exe);
            c.arg("--awsm").arg("--argv0").arg(format!("{name}.wasm")).args(&inv.sandbox).arg("--");
            c
        }
        Mode::Run => {
            let mut c = Command::new(AWSM);
            c.arg("run").args(&inv.sandbox).arg(&wasm);
            c.env("AWSM_CACHE_DIR", work_dir().join("cache"));
            c
        }
    };
    cmd.args(&inv.args);
    for (k, v) in &inv.host_env {
        cmd.env(k, v);
    }
    Some(cmd)
}

/// Run with stdin an empty pipe that stays open until the child exits, and
/// a time limit.
pub fn run(mut cmd: Command) -> Output {
    let mut child = cmd
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot run {cmd:?}: {e}"));
    let stdin = child.stdin.take();
    let drain = |mut pipe: Box<dyn Read + Send>| {
        thread::spawn(move || {
            let mut s = Vec::new();
            let _ = pipe.read_to_end(&mut s);
            String::from_utf8_lossy(&s).into_owned()
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("piped")));
    let err = drain(Box::new(child.stderr.take().expect("piped")));
    let deadline = Instant::now() + LIMIT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("{cmd:?} ran longer than {LIMIT:?}");
        }
        thread::sleep(Duration::from_millis(5));
    };
    drop(stdin);
    Output { status, stdout: out.join().unwrap_or_default(), stderr: err.join().unwrap_or_default() }
}

/// Compare with tests/wasi/<name>.expected (or write it under AWSM_BLESS=1).
pub fn check_expected(name: &str, label: &str, out: &Output) {
    let path = common::repo_path(format!("tests/wasi/{name}.expected"));
    if std::env::var_os("AWSM_BLESS").is_some() {
        fs::write(&path, &out.stdout).expect("bless");
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        expected == out.stdout,
        "{label}: output differs from {} (stderr: {}):\n{}",
        path.display(),
        out.stderr.trim_end(),
        common::line_diff(&expected, &out.stdout, 40)
    );
}

pub fn assert_status(label: &str, out: &Output, want: i32) {
    assert_eq!(
        out.status.code(),
        Some(want),
        "{label}: {}\nstdout:\n{}\nstderr:\n{}",
        common::describe_status(out.status),
        out.stdout,
        out.stderr
    );
}
