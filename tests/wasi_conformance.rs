//! WASI preview1 conformance: the C programs in tests/wasi/conform/ call
//! every preview1 function with its edge cases and print what each call
//! returned. Their expected output is what Wasmtime prints for them
//! (recorded once by tests/wasi/record_expected.py), with exactly the
//! differences listed in doc/wasi.md's "Differences from Wasmtime" table
//! applied; each row must apply exactly once, so the table stays exact.
//! Each program runs as a compiled executable and through `awsm run`;
//! stdio.c runs once per kind of stdin and stdout (pipe, file, /dev/null,
//! closed), and readonly.c gets a read-only preopen.
//!
//! Also here: the import-binding rules (a function imported twice, an
//! unknown `wasi_snapshot_preview1` import).

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::AWSM;
const LIMIT: Duration = Duration::from_secs(120);
/// The guest's arguments and environment; record_expected.py uses the same.
const ARGS: [&str; 2] = ["one", "two words"];
const ENV: &str = "FOO=bar";
/// The kinds of stdin and stdout stdio.c runs with, and what a stdin pipe
/// or file holds (record_expected.py's STDIO_KINDS and STDIN_TEXT).
const STDIO_KINDS: [&str; 4] = ["pipe", "file", "null", "closed"];
const STDIN_TEXT: &[u8] = b"in\n";

/// How a program runs: compiled to an executable, or through `awsm run`.
#[derive(Clone, Copy, Debug)]
enum Mode {
    Exe,
    Run,
}

/// One row of doc/wasi.md's table: in `program`'s output, Wasmtime's text
/// `wasmtime` is awsm's `awsm`.
struct Difference {
    program: String,
    wasmtime: String,
    awsm: String,
}

/// The rows of the "Differences from Wasmtime" table in doc/wasi.md.
fn differences() -> Vec<Difference> {
    let doc = fs::read_to_string(common::repo_path("doc/wasi.md")).expect("doc/wasi.md");
    let section = doc.split("## Differences from Wasmtime").nth(1).expect("the differences section");
    let cell = |s: &str| s.trim().trim_matches('`').replace("\\n", "\n");
    section
        .lines()
        .take_while(|l| !l.starts_with("## "))
        .filter(|l| l.starts_with("| ") && !l.starts_with("| program") && !l.starts_with("| ---"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split(" | ").collect();
            assert!(cells.len() == 4, "doc/wasi.md: a differences row needs 4 cells: {l}");
            Difference { program: cell(cells[0]), wasmtime: cell(cells[1]), awsm: cell(cells[2]) }
        })
        .collect()
}

/// Build tests/wasi/conform/<name>.c; the module and its executable.
fn build(name: &str, dir: &Path) -> Option<(PathBuf, PathBuf)> {
    let clang = common::wasi_clang_or_skip("wasi_conformance")?;
    let wasm = dir.join(format!("{name}.wasm"));
    let exe = dir.join(name);
    let out = Command::new(&clang)
        .args(["--target=wasm32-wasi", "-O2", "-Wall", "-Wextra", "-Werror", "-o"])
        .arg(&wasm)
        .arg(common::repo_path(format!("tests/wasi/conform/{name}.c")))
        .output()
        .expect("run clang");
    assert!(out.status.success(), "building {name}.c:\n{}", String::from_utf8_lossy(&out.stderr));
    compile(&wasm, &exe).unwrap_or_else(|e| panic!("awsm {name}.wasm:\n{e}"));
    Some((wasm, exe))
}

/// `awsm module -o exe`; Err holds awsm's stderr.
fn compile(module: &Path, exe: &Path) -> Result<(), String> {
    let out = Command::new(AWSM).arg(module).arg("-o").arg(exe).output().expect("run awsm");
    if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) }
}

/// The program's fixture under `root`, as sandbox options: an empty
/// /sandbox, and for readonly a read-only /ro holding ro.txt and sub/.
fn fixture(name: &str, root: &Path) -> Vec<String> {
    let sandbox = root.join("sandbox");
    fs::create_dir(&sandbox).expect("mkdir");
    let mut options = vec!["--dir".to_string(), format!("{}::/sandbox", sandbox.display())];
    if name == "readonly" {
        let ro = root.join("ro");
        fs::create_dir_all(ro.join("sub")).expect("mkdir");
        fs::write(ro.join("ro.txt"), "ro\n").expect("write");
        options.extend(["--dir-readonly".to_string(), format!("{}::/ro", ro.display())]);
    }
    options
}

/// The command running `name` in `mode` with sandbox `options` and guest `args`.
fn command(mode: Mode, name: &str, built: &(PathBuf, PathBuf), options: &[String], args: &[&str]) -> Command {
    let (wasm, exe) = built;
    let mut cmd = match mode {
        Mode::Exe => {
            let mut c = Command::new(exe);
            c.args(["--awsm", "--argv0", &format!("{name}.wasm"), "--env", ENV]).args(options).arg("--");
            c
        }
        Mode::Run => {
            // Named relative to its directory: argv[0] is the module as written.
            let mut c = Command::new(AWSM);
            c.args(["run", "--env", ENV]).args(options).arg(format!("{name}.wasm"));
            c.current_dir(wasm.parent().expect("in a directory"));
            c.env("AWSM_CACHE_DIR", exe.with_extension("cache"));
            c
        }
    };
    cmd.args(args);
    cmd
}

/// Run `cmd` with `stdin`; its report (stdout, or stderr for stdio.c)
/// followed by `exit N`, as record_expected.py writes it.
fn report(name: &str, cmd: &mut Command, stdin: &[u8], on_stderr: bool) -> String {
    let out = common::run_with_limit(cmd, stdin, LIMIT).expect("run the program");
    assert!(!out.timed_out, "{name} ran longer than {LIMIT:?}");
    let status = out.status.code().unwrap_or_else(|| panic!("{name}: {}", out.describe_status()));
    let (text, other) = if on_stderr { (&out.stderr, &out.stdout) } else { (&out.stdout, &out.stderr) };
    if !on_stderr {
        assert!(other.is_empty(), "{name} wrote to stderr: {}", String::from_utf8_lossy(other));
    }
    format!("{}exit {status}\n", String::from_utf8_lossy(text))
}

/// Run program `name` in a fresh fixture.
fn run(mode: Mode, name: &str, built: &(PathBuf, PathBuf), host_env: &[(&str, &str)]) -> String {
    let root = tempfile::Builder::new().prefix("awsm-conform-").tempdir().expect("temp dir");
    let options = fixture(name, root.path());
    let mut cmd = command(mode, name, built, &options, &ARGS);
    cmd.envs(host_env.iter().copied());
    report(name, &mut cmd, b"", false)
}

/// Run stdio.c once per kind, fds 0 and 1 set up by `sh` redirections.
fn run_stdio(mode: Mode, built: &(PathBuf, PathBuf)) -> String {
    let mut text = String::new();
    for kind in STDIO_KINDS {
        let root = tempfile::Builder::new().prefix("awsm-conform-").tempdir().expect("temp dir");
        let options = fixture("stdio", root.path());
        let inner = command(mode, "stdio", built, &options, &[kind]);
        fs::write(root.path().join("stdin"), STDIN_TEXT).expect("write");
        let redirect = match kind {
            "pipe" => "",
            "file" => r#" <"$AWSM_IN" >"$AWSM_OUT""#,
            "null" => " </dev/null >/dev/null",
            _ => " <&- >&-",
        };
        let mut sh = Command::new("sh");
        sh.arg("-c")
            .arg(format!(r#"exec "$0" "$@"{redirect}"#))
            .arg(inner.get_program())
            .args(inner.get_args());
        sh.envs(inner.get_envs().filter_map(|(k, v)| Some((k, v?))));
        if let Some(dir) = inner.get_current_dir() {
            sh.current_dir(dir);
        }
        sh.env("AWSM_IN", root.path().join("stdin")).env("AWSM_OUT", root.path().join("stdout"));
        text += &report("stdio", &mut sh, STDIN_TEXT, true);
        if kind == "file" {
            let written = fs::read(root.path().join("stdout")).expect("the stdout file");
            assert_eq!(written, b"x\n", "stdio ({mode:?}): what the guest wrote to its stdout file");
        }
    }
    text
}

/// Wasmtime's recorded output for `name`, with doc/wasi.md's rows for it.
fn expected(name: &str) -> String {
    let path = common::repo_path(format!("tests/wasi/conform/{name}.expected"));
    let mut text = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    for d in differences().iter().filter(|d| d.program == name) {
        let hits = text.matches(&format!("{}\n", d.wasmtime)).count();
        assert_eq!(
            hits,
            1,
            "doc/wasi.md row for {name} `{}` must match once in {}",
            d.wasmtime,
            path.display()
        );
        text = text.replacen(&format!("{}\n", d.wasmtime), &format!("{}\n", d.awsm), 1);
    }
    text
}

/// Program `name` under awsm in `mode` prints Wasmtime's recording up to
/// doc/wasi.md's table.
fn conform(name: &str, mode: Mode, host_env: &[(&str, &str)]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(built) = build(name, dir.path()) else { return };
    let want = expected(name);
    let got = if name == "stdio" { run_stdio(mode, &built) } else { run(mode, name, &built, host_env) };
    assert!(
        want == got,
        "{name} ({mode:?}, {host_env:?}): awsm differs from Wasmtime beyond doc/wasi.md's table:\n{}",
        common::line_diff(&want, &got, 40)
    );
}

#[test]
fn conform_fd() {
    conform("fd", Mode::Exe, &[]);
}

#[test]
fn conform_fd_run() {
    conform("fd", Mode::Run, &[]);
}

#[test]
fn conform_path() {
    conform("path", Mode::Exe, &[]);
}

#[test]
fn conform_path_run() {
    conform("path", Mode::Run, &[]);
}

/// The same with the user-space resolver instead of openat2.
#[test]
fn conform_path_walk() {
    conform("path", Mode::Exe, &[("AWSM_WASI_NO_OPENAT2", "1")]);
}

#[test]
fn conform_readdir() {
    conform("readdir", Mode::Exe, &[]);
}

#[test]
fn conform_readdir_run() {
    conform("readdir", Mode::Run, &[]);
}

#[test]
fn conform_misc() {
    conform("misc", Mode::Exe, &[]);
}

#[test]
fn conform_misc_run() {
    conform("misc", Mode::Run, &[]);
}

#[test]
fn conform_readonly() {
    conform("readonly", Mode::Exe, &[]);
}

#[test]
fn conform_readonly_run() {
    conform("readonly", Mode::Run, &[]);
}

#[test]
fn conform_stdio() {
    conform("stdio", Mode::Exe, &[]);
}

#[test]
fn conform_stdio_run() {
    conform("stdio", Mode::Run, &[]);
}

/// Every table row names a program that exists.
#[test]
fn differences_name_programs() {
    for d in differences() {
        let src = common::repo_path(format!("tests/wasi/conform/{}.c", d.program));
        assert!(src.exists(), "doc/wasi.md names program {} but {} is missing", d.program, src.display());
    }
}

/// AssemblyScript imports `fd_write` twice (once for its runtime, once for
/// the user's code): both copies call the one implementation.
#[test]
fn duplicate_imports_bind_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let exe = dir.path().join("dup");
    compile(&common::repo_path("tests/wasi/dup_import.wat"), &exe).expect("compiles");
    let mut cmd = Command::new(&exe);
    let out = common::run_with_limit(&mut cmd, b"", LIMIT).expect("run");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(String::from_utf8_lossy(&out.stdout), "from the runtime\nfrom the user\n");
}

/// Only preview1's functions bind: another name is a compile error naming
/// it, even one the runtime defines (`awsm_wasi_set_args`).
#[test]
fn unknown_wasi_import_is_an_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, ty) in [("fd_bogus", "(param i32) (result i32)"), ("set_args", "(param i32 i32 i32)")] {
        let wat = dir.path().join(format!("{name}.wat"));
        fs::write(
            &wat,
            format!(
                "(module (import \"wasi_snapshot_preview1\" \"{name}\" (func {ty})) (memory (export \"memory\") 1)\n\
                 (func (export \"_start\")))"
            ),
        )
        .expect("write");
        let err = compile(&wat, &dir.path().join(name)).expect_err("must not compile");
        assert!(err.contains(&format!("import wasi_snapshot_preview1.{name} is unknown")), "{name}: {err}");
    }
    let wat = dir.path().join("wrong_type.wat");
    fs::write(&wat, "(module (import \"wasi_snapshot_preview1\" \"fd_write\" (func (param i32))))")
        .expect("write");
    let err = compile(&wat, &dir.path().join("wrong_type")).expect_err("must not compile");
    assert!(err.contains("import wasi_snapshot_preview1.fd_write has the wrong type"), "{err}");
}

/// Host imports too: a function, a global and a table imported twice are
/// one entity each, provided once by a C host (tests/wasi/dup_host.c).
#[test]
fn duplicate_host_imports_bind_once() {
    let Some(clang) = common::wasi_clang_or_skip("wasi_conformance") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let object = dir.path().join("dup.o");
    let out = Command::new(AWSM)
        .arg(common::repo_path("tests/wasi/dup_host.wat"))
        .args(["--name", "dup", "-o"])
        .arg(&object)
        .output()
        .expect("run awsm");
    assert!(out.status.success(), "awsm dup_host.wat:\n{}", String::from_utf8_lossy(&out.stderr));
    let host = dir.path().join("host");
    let out = Command::new(&clang)
        .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-I"])
        .arg(common::repo_path("runtime/include"))
        .arg(common::repo_path("tests/wasi/dup_host.c"))
        .arg(&object)
        .args(["-lm", "-lpthread", "-o"])
        .arg(&host)
        .output()
        .expect("run clang");
    assert!(out.status.success(), "linking dup_host.c:\n{}", String::from_utf8_lossy(&out.stderr));
    let out = common::run_with_limit(&mut Command::new(&host), b"", LIMIT).expect("run the host");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    // f(100) + f(1000) through the two copies, g set through one and read
    // through the other (5), the table grown through one (size 3).
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "ok\nok\nrun: code 0, result 351102, host calls 2, g 5, table size 3\n"
    );
}
