//! `awsm run`: compile a WASI module to a native executable (cached on
//! disk, see `cache.rs`), then exec it with the sandbox options, so the
//! guest's exit status is the process's.
//!
//! `--dir` and `--env` mean what they mean to `wasmtime run`; everything
//! after the module goes to the guest. The executable gets them as
//! `--awsm OPTIONS -- ARGS` (runtime/main.c, doc/wasi.md).

use crate::cache;
use awsm::driver::{self, Options};
use awsm::target::link::Emit;
use clap::Parser;
use std::ffi::OsString;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Command, ExitCode};

/// Run a WebAssembly module (a WASI command, or a reactor with --invoke),
/// compiled ahead of time to native code and cached.
#[derive(Parser, Debug)]
#[command(name = "awsm run", version, about, long_about)]
struct RunCli {
    /// Give the guest the host directory HOST, as GUEST (default: HOST).
    #[arg(long = "dir", value_name = "HOST[::GUEST]")]
    dirs: Vec<String>,

    /// Like --dir, without the rights to modify files or the tree.
    #[arg(long = "dir-readonly", value_name = "HOST[::GUEST]")]
    dirs_readonly: Vec<String>,

    /// Set a guest environment variable; NAME alone passes the host's value.
    /// The guest sees no other variables.
    #[arg(long = "env", value_name = "NAME[=VALUE]")]
    env: Vec<String>,

    /// Give the guest a TCP socket listening on ADDR:PORT (preopened, for
    /// sock_accept).
    #[arg(long = "tcplisten", value_name = "ADDR:PORT")]
    tcplisten: Vec<String>,

    /// Call this export (after `_initialize`), passing ARGS as its
    /// parameters, and print its results; instead of `_start`.
    #[arg(long = "invoke", value_name = "NAME")]
    invoke: Option<String>,

    /// Optimisation level 0-3, s or z (see `awsm --help`).
    #[arg(short = 'O', value_name = "LEVEL", default_value = "2")]
    opt_level: String,

    /// Bounds-check strategy (see `awsm --help`).
    #[arg(long = "bounds-checks", value_name = "STRATEGY")]
    bounds_checks: Option<String>,

    /// Compile again even if the cache has this module.
    #[arg(long = "no-cache")]
    no_cache: bool,

    /// The module: a .wasm binary or .wat text.
    module: PathBuf,

    /// Arguments for the guest (its argv[1..]), verbatim: options after
    /// MODULE are the guest's.
    #[arg(trailing_var_arg = true, allow_hyphen_values = true)]
    args: Vec<OsString>,
}

/// Options of `awsm run` that take a value (in the next argument unless
/// written `--opt=value`, or `-O2`).
const VALUE_OPTIONS: &[&str] =
    &["--dir", "--dir-readonly", "--env", "--tcplisten", "--invoke", "--bounds-checks", "-O"];

/// Split `awsm run`'s arguments at the module: the options and the module
/// for clap, and everything after the module, verbatim, for the guest (so
/// `awsm run m.wasm --dir x` passes `--dir x` to the guest, as wasmtime does).
fn split_at_module(args: Vec<OsString>) -> (Vec<OsString>, Vec<OsString>) {
    let mut i = 0;
    while i < args.len() {
        let a = args[i].to_string_lossy();
        if a == "--" {
            i += 1; // the module follows
            break;
        }
        if !a.starts_with('-') || a == "-" {
            break;
        }
        if VALUE_OPTIONS.contains(&a.as_ref()) {
            i += 1; // skip the value
        }
        i += 1;
    }
    let mut ours = args;
    let guest = if i < ours.len() { ours.split_off(i + 1) } else { Vec::new() };
    (ours, guest)
}

/// Entry point of `awsm run ARGS...` (`args` starts after `run`).
pub fn main(args: Vec<OsString>) -> ExitCode {
    let (ours, guest) = split_at_module(args);
    let mut argv = vec![OsString::from("awsm run")];
    argv.extend(ours);
    let mut cli = RunCli::parse_from(argv);
    cli.args = guest;
    match run(&cli) {
        Ok(never) => match never {},
        Err(e) => {
            eprintln!("awsm: {e}");
            ExitCode::from(1)
        }
    }
}

/// Compile (or find in the cache), then exec; returns only on failure.
fn run(cli: &RunCli) -> Result<std::convert::Infallible, String> {
    let opt_level = driver::OptLevel::parse(&cli.opt_level).map_err(|e| e.to_string())?;
    let wasm = driver::read_input(&cli.module).map_err(|e| e.to_string())?;
    let opts = Options {
        input: cli.module.clone(),
        output: PathBuf::new(),
        emit: Some(Emit::Exe),
        target: None,
        opt_level,
        strategy: cli.bounds_checks.clone(),
        name: Some("guest".to_string()),
        inline_constant_globals: false,
        fast_unsafe: false,
        runtime_globals: false,
    };
    let option_key = format!("O{} bounds={:?}", opts.opt_level.name(), opts.strategy);
    let compile = |out: &std::path::Path| -> Result<(), String> {
        let opts = Options { output: out.to_path_buf(), ..opts.clone() };
        driver::compile_bytes(&wasm, &opts).map_err(|e| e.to_string())
    };
    let exe = if cli.no_cache {
        let dir = tempfile::tempdir().map_err(|e| format!("cannot create a temporary directory: {e}"))?;
        let exe = dir.path().join("guest");
        compile(&exe)?;
        // Keep the directory: exec replaces this process, nothing would delete it.
        let _ = dir.keep();
        exe
    } else {
        let dir = cache::cache_dir().map_err(|e| e.to_string())?;
        let key = cache::key(&wasm, &option_key);
        cache::get_or_compile(&dir, &key, |out| compile(out).map_err(CacheError::Compile))
            .map_err(|e| e.to_string())?
    };
    let mut cmd = Command::new(&exe);
    cmd.arg0(cli.module.as_os_str()).arg("--awsm").arg("--argv0").arg(cli.module.as_os_str());
    for d in &cli.dirs {
        cmd.arg("--dir").arg(d);
    }
    for d in &cli.dirs_readonly {
        cmd.arg("--dir-readonly").arg(d);
    }
    for e in &cli.env {
        cmd.arg("--env").arg(e);
    }
    for t in &cli.tcplisten {
        cmd.arg("--tcplisten").arg(t);
    }
    if let Some(name) = &cli.invoke {
        cmd.arg("--invoke").arg(name);
    }
    cmd.arg("--").args(&cli.args);
    let err = cmd.exec();
    Err(format!("cannot run {}: {err}", exe.display()))
}

/// Why a cache entry could not be made.
enum CacheError {
    Io(std::io::Error),
    Compile(String),
}

impl From<std::io::Error> for CacheError {
    fn from(e: std::io::Error) -> CacheError {
        CacheError::Io(e)
    }
}

impl std::fmt::Display for CacheError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheError::Io(e) => write!(f, "cache: {e}"),
            CacheError::Compile(e) => f.write_str(e),
        }
    }
}
