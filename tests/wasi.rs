//! WASI preview1 and the sandbox, end to end: the C programs in tests/wasi/
//! are built for wasm32-wasi, then run both as executables compiled by
//! `awsm prog.wasm -o prog` (sandbox options after `--awsm`) and through
//! `awsm run`, in fixture directories made per run. Each program checks
//! its own results and prints one line per check; the output must equal
//! tests/wasi/<program>.expected (AWSM_BLESS=1 rewrites those files).
//! Escape attempts also check that the host tree outside the preopens is
//! untouched, with both path resolvers (openat2, and the O_NOFOLLOW walk
//! forced by AWSM_WASI_NO_OPENAT2=1).

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::os::unix::fs::{MetadataExt, symlink};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

use common::AWSM;
const LIMIT: Duration = Duration::from_secs(120);

/// How a program is run: its compiled executable, or `awsm run`.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Mode {
    Exe,
    Run,
}

/// Where this test process keeps built modules and the `awsm run` cache.
fn work_dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::Builder::new().prefix("awsm-wasi-").tempdir().expect("temp dir")).path()
}

/// The program's wasm module and executable, built once per test process.
/// None (after printing why) when no wasm32-wasi C toolchain is present.
fn built(name: &str) -> Option<(PathBuf, PathBuf)> {
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
struct Invocation {
    sandbox: Vec<String>,
    args: Vec<String>,
    host_env: Vec<(String, String)>,
}

struct Output {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

/// The command running program `name` in `mode` with `inv`.
fn command(name: &str, mode: Mode, inv: &Invocation) -> Option<Command> {
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
fn run(mut cmd: Command) -> Output {
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
fn check_expected(name: &str, label: &str, out: &Output) {
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

fn assert_status(label: &str, out: &Output, want: i32) {
    assert_eq!(
        out.status.code(),
        Some(want),
        "{label}: {}\nstdout:\n{}\nstderr:\n{}",
        common::describe_status(out.status),
        out.stdout,
        out.stderr
    );
}

// ------------------------------------------------------------------ fixtures

/// A fixture: `root/sandbox` (preopened as /sandbox) and `root/outside`.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::Builder::new().prefix("awsm-wasi-fx-").tempdir().expect("temp dir");
        let f = Fixture { dir };
        for d in ["sandbox/sub", "sandbox/swap", "outside", "ro"] {
            fs::create_dir_all(f.root().join(d)).expect("mkdir");
        }
        let write = |p: &str, s: &str| fs::write(f.root().join(p), s).expect("write");
        write("sandbox/hello.txt", "hello world\n");
        write("outside/secret.txt", "secret\n");
        write("outside/swap_target.txt", "OUTSIDE\n");
        write("sandbox/swap/swap_target.txt", "inside\n");
        write("ro/ro.txt", "ro\n");
        f
    }

    /// Add the escape fixture's symlinks (see tests/wasi/escape.c).
    fn with_escape_links(self) -> Fixture {
        let s = self.root().join("sandbox");
        let links = [
            ("esc_link", "../outside/secret.txt".to_string()),
            ("abs_link", self.root().join("outside/secret.txt").display().to_string()),
            ("esc_dir", "../outside".to_string()),
            ("chain1", "chain2".to_string()),
            ("chain2", "sub/../../outside".to_string()),
            ("sub/deep", "../../outside/secret.txt".to_string()),
            ("up", "..".to_string()),
        ];
        for (link, target) in links {
            symlink(target, s.join(link)).expect("symlink");
        }
        self
    }

    fn root(&self) -> &Path {
        self.dir.path()
    }

    /// `--dir <root>/sandbox::/sandbox`, then `--dir-readonly <root>/ro::/ro`.
    fn sandbox_options(&self) -> Vec<String> {
        vec![
            "--dir".into(),
            format!("{}::/sandbox", self.root().join("sandbox").display()),
            "--dir-readonly".into(),
            format!("{}::/ro", self.root().join("ro").display()),
        ]
    }

    /// Every path under the fixture outside `sandbox/`, with its type,
    /// size, contents hash and modification time.
    fn outside_snapshot(&self) -> BTreeMap<PathBuf, String> {
        let mut map = BTreeMap::new();
        snapshot(self.root(), self.root(), &mut map);
        map.retain(|p, _| !p.starts_with("sandbox/"));
        map
    }
}

fn snapshot(root: &Path, dir: &Path, map: &mut BTreeMap<PathBuf, String>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        let meta = fs::symlink_metadata(&path).expect("lstat");
        let rel = path.strip_prefix(root).expect("under root").to_path_buf();
        let contents = if meta.is_file() { fs::read(&path).unwrap_or_default() } else { Vec::new() };
        let link = fs::read_link(&path).map(|t| t.display().to_string()).unwrap_or_default();
        map.insert(
            rel,
            format!(
                "{:?} {} {:?} {} {} {}",
                meta.file_type(),
                meta.len(),
                contents,
                link,
                meta.mtime(),
                meta.mtime_nsec()
            ),
        );
        if meta.is_dir() {
            snapshot(root, &path, map);
        }
    }
}

// --------------------------------------------------------------------- tests

fn files(mode: Mode) {
    let fx = Fixture::new();
    let inv = Invocation { sandbox: fx.sandbox_options(), ..Default::default() };
    let Some(cmd) = command("files", mode, &inv) else { return };
    let out = run(cmd);
    assert_status("files", &out, 0);
    check_expected("files", &format!("files ({mode:?})"), &out);
}

#[test]
fn files_exe() {
    files(Mode::Exe);
}

#[test]
fn files_run() {
    files(Mode::Run);
}

fn dirs(mode: Mode, walk: bool) {
    let fx = Fixture::new();
    let mut inv = Invocation { sandbox: fx.sandbox_options(), ..Default::default() };
    if walk {
        inv.host_env.push(("AWSM_WASI_NO_OPENAT2".into(), "1".into()));
    }
    let Some(cmd) = command("dirs", mode, &inv) else { return };
    let out = run(cmd);
    assert_status("dirs", &out, 0);
    check_expected("dirs", &format!("dirs ({mode:?}, walk {walk})"), &out);
}

#[test]
fn dirs_exe() {
    dirs(Mode::Exe, false);
}

#[test]
fn dirs_exe_walk() {
    dirs(Mode::Exe, true);
}

#[test]
fn dirs_run() {
    dirs(Mode::Run, false);
}

fn escape(mode: Mode, walk: bool) {
    let fx = Fixture::new().with_escape_links();
    let before = fx.outside_snapshot();
    let mut inv = Invocation { sandbox: fx.sandbox_options(), ..Default::default() };
    if walk {
        inv.host_env.push(("AWSM_WASI_NO_OPENAT2".into(), "1".into()));
    }
    let Some(cmd) = command("escape", mode, &inv) else { return };
    let out = run(cmd);
    assert_status("escape", &out, 0);
    check_expected("escape", &format!("escape ({mode:?}, walk {walk})"), &out);
    let after = fx.outside_snapshot();
    assert_eq!(before, after, "escape ({mode:?}, walk {walk}): the host tree outside the sandbox changed");
}

#[test]
fn escape_exe() {
    escape(Mode::Exe, false);
}

#[test]
fn escape_exe_walk() {
    escape(Mode::Exe, true);
}

#[test]
fn escape_run() {
    escape(Mode::Run, false);
}

#[test]
fn escape_run_walk() {
    escape(Mode::Run, true);
}

/// While the guest opens swap/swap_target.txt in a loop, swap `swap`
/// between a symlink into the sandbox and one to ../outside: no open may
/// ever reach the outside file.
fn escape_race(walk: bool) {
    let fx = Fixture::new();
    let s = fx.root().join("sandbox");
    fs::rename(s.join("swap"), s.join("swap_real")).expect("rename");
    symlink("swap_real", s.join("swap")).expect("symlink");
    let mut inv = Invocation {
        sandbox: fx.sandbox_options(),
        args: vec!["race".into(), "4000".into()],
        ..Default::default()
    };
    if walk {
        inv.host_env.push(("AWSM_WASI_NO_OPENAT2".into(), "1".into()));
    }
    let Some(cmd) = command("escape", Mode::Exe, &inv) else { return };
    let stop = Arc::new(AtomicBool::new(false));
    let swapper = {
        let stop = stop.clone();
        let s = s.clone();
        thread::spawn(move || {
            let mut i = 0u64;
            while !stop.load(Ordering::Relaxed) {
                let target = if i.is_multiple_of(2) { "../outside" } else { "swap_real" };
                let tmp = s.join("swap.tmp");
                let _ = fs::remove_file(&tmp);
                if symlink(target, &tmp).is_ok() {
                    let _ = fs::rename(&tmp, s.join("swap"));
                }
                i += 1;
            }
            i
        })
    };
    let out = run(cmd);
    stop.store(true, Ordering::Relaxed);
    let swaps = swapper.join().expect("swapper");
    assert_status("escape race", &out, 0);
    assert!(out.stdout.contains("race: files read outside: 0\ndone\n"), "{}{}", out.stdout, out.stderr);
    eprintln!("race (walk {walk}): {swaps} swaps; {}", out.stderr.trim_end());
}

#[test]
fn escape_race_openat2() {
    escape_race(false);
}

#[test]
fn escape_race_walk() {
    escape_race(true);
}

fn args_env(mode: Mode) {
    let sandbox =
        ["--env", "FOO=bar", "--env", "EMPTY=", "--env", "WITH_EQ=a=b", "--env", "UNSET_IN_HOST_XYZ"];
    let inv = Invocation {
        sandbox: sandbox.iter().map(|s| s.to_string()).collect(),
        args: ["one", "two words", "", "--awsm-like", "--", "x"].iter().map(|s| s.to_string()).collect(),
        host_env: vec![("HOME".into(), "/nonexistent".into())],
    };
    let Some(cmd) = command("args_env", mode, &inv) else { return };
    let out = run(cmd);
    assert_status("args_env", &out, 0);
    check_expected("args_env", &format!("args_env ({mode:?})"), &out);
}

#[test]
fn args_env_exe() {
    args_env(Mode::Exe);
}

#[test]
fn args_env_run() {
    args_env(Mode::Run);
}

fn clocks(mode: Mode) {
    let Some(cmd) = command("clocks", mode, &Invocation::default()) else { return };
    let out = run(cmd);
    assert_status("clocks (proc_exit 7)", &out, 7);
    check_expected("clocks", &format!("clocks ({mode:?})"), &out);
}

#[test]
fn clocks_exe() {
    clocks(Mode::Exe);
}

#[test]
fn clocks_run() {
    clocks(Mode::Run);
}

/// A port nothing listens on right now.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("port")
}

fn sockets(mode: Mode) {
    let fx = Fixture::new();
    let port = free_port();
    // Given first, the socket still comes after the directory: fd 3 is
    // /sandbox, fd 4 the socket.
    let mut sandbox = vec!["--tcplisten".to_string(), format!("127.0.0.1:{port}")];
    sandbox.extend(fx.sandbox_options().into_iter().take(2));
    let inv = Invocation { sandbox, ..Default::default() };
    let Some(cmd) = command("sockets", mode, &inv) else { return };
    let guest = thread::spawn(move || run(cmd));
    let deadline = Instant::now() + LIMIT;
    let mut conn = loop {
        match TcpStream::connect(("127.0.0.1", port)) {
            Ok(c) => break c,
            Err(_) if Instant::now() < deadline && !guest.is_finished() => {
                thread::sleep(Duration::from_millis(20))
            }
            Err(e) => panic!("cannot connect to the guest: {e}"),
        }
    };
    conn.set_read_timeout(Some(LIMIT)).expect("timeout");
    thread::sleep(Duration::from_millis(50));
    conn.write_all(b"ping\n").expect("send");
    let mut reply = Vec::new();
    conn.read_to_end(&mut reply).expect("receive");
    drop(conn);
    let out = guest.join().expect("guest");
    assert_eq!(String::from_utf8_lossy(&reply), "pong\n", "{}{}", out.stdout, out.stderr);
    assert_status("sockets", &out, 0);
    check_expected("sockets", &format!("sockets ({mode:?})"), &out);
}

#[test]
fn sockets_exe() {
    sockets(Mode::Exe);
}

#[test]
fn sockets_run() {
    sockets(Mode::Run);
}

fn reactor(mode: Mode) {
    let invoke = |args: &[&str]| {
        let mut sandbox = Vec::new();
        let mut rest = args.iter();
        if let Some(name) = rest.next() {
            sandbox = vec!["--invoke".to_string(), name.to_string()];
        }
        let inv = Invocation { sandbox, args: rest.map(|s| s.to_string()).collect(), ..Default::default() };
        command("reactor", mode, &inv).map(run)
    };
    let Some(out) = invoke(&["add", "2", "40"]) else { return };
    assert_status("reactor add", &out, 0);
    assert_eq!(out.stdout, "add called (initialized 1 times, call 1)\n42\n");
    let out = invoke(&["scale", "1.5", "4"]).expect("built");
    assert_eq!(out.stdout, "6\n");
    let out = invoke(&["fail"]).expect("built");
    assert_status("reactor fail", &out, 134);
    assert!(out.stderr.contains("awsm: trap: unreachable"), "{}", out.stderr);
    let out = invoke(&["quit", "9"]).expect("built");
    assert_status("reactor quit", &out, 9);
    let out = invoke(&[]).expect("built");
    assert_status("reactor without --invoke", &out, 0);
    assert_eq!(out.stdout, "");
    let out = invoke(&["add", "1"]).expect("built");
    assert_status("reactor wrong arity", &out, 1);
    let out = invoke(&["missing"]).expect("built");
    assert_status("reactor missing export", &out, 1);
}

#[test]
fn reactor_exe() {
    reactor(Mode::Exe);
}

#[test]
fn reactor_run() {
    reactor(Mode::Run);
}

/// Executables: guest arguments are never taken for options; bad options
/// are load errors (status 1).
#[test]
fn exe_options() {
    let Some((_, exe)) = built("args_env") else { return };
    let out = run({
        let mut c = Command::new(&exe);
        c.args(["--awsm", "--bogus", "x", "--"]);
        c
    });
    assert_status("unknown option", &out, 1);
    assert!(out.stderr.contains("unknown option '--bogus'"), "{}", out.stderr);
    let out = run({
        let mut c = Command::new(&exe);
        c.args(["--awsm", "--env", "A=1"]);
        c
    });
    assert_status("options without --", &out, 1);
    let out = run({
        let mut c = Command::new(&exe);
        c.args(["--awsm", "--dir", "/nonexistent/dir", "--"]);
        c
    });
    assert_status("missing preopen", &out, 1);
    assert!(out.stderr.contains("cannot preopen /nonexistent/dir"), "{}", out.stderr);
    // Without --awsm every argument is the guest's and the host environment passes.
    let out = run({
        let mut c = Command::new(&exe);
        c.args(["--dir", "/", "--", "--awsm", "x", "y"]).env_clear().env("FOO", "bar");
        c.env("EMPTY", "").env("WITH_EQ", "a=b");
        c
    });
    assert!(out.stdout.contains("  argv[1] = '--dir'\n"), "{}", out.stdout);
    assert!(out.stdout.contains("  argv[4] = '--awsm'\n"), "{}", out.stdout);
}

/// `awsm run`: one cache entry per module and options, reused, safe to
/// race; $XDG_CACHE_HOME/awsm when AWSM_CACHE_DIR is unset.
#[test]
fn run_cache() {
    let Some((wasm, _)) = built("clocks") else { return };
    let cache = tempfile::tempdir().expect("temp dir");
    let entries = |dir: &Path| -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir)
            .map(|r| r.flatten().map(|e| e.file_name().to_string_lossy().into_owned()).collect())
            .unwrap_or_default();
        v.sort();
        v
    };
    let racers: Vec<_> = (0..3)
        .map(|_| {
            let mut c = Command::new(AWSM);
            c.arg("run").arg(&wasm).env("AWSM_CACHE_DIR", cache.path());
            thread::spawn(move || run(c))
        })
        .collect();
    for r in racers {
        assert_status("racing runs", &r.join().expect("runner"), 7);
    }
    let first = entries(cache.path());
    assert_eq!(first.len(), 1, "one entry, no temporary files left: {first:?}");
    assert_eq!(first[0].len(), 64, "hex SHA-256 name: {first:?}");
    let mut c = Command::new(AWSM);
    c.arg("run").arg("-O1").arg(&wasm).env("AWSM_CACHE_DIR", cache.path());
    assert_status("-O1", &run(c), 7);
    assert_eq!(entries(cache.path()).len(), 2, "options are part of the key");
    for (level, n) in [("-Os", 3), ("-Oz", 4)] {
        let mut c = Command::new(AWSM);
        c.arg("run").arg(level).arg(&wasm).env("AWSM_CACHE_DIR", cache.path());
        assert_status(level, &run(c), 7);
        assert_eq!(entries(cache.path()).len(), n, "{level} has its own entry");
    }
    let xdg = tempfile::tempdir().expect("temp dir");
    let mut c = Command::new(AWSM);
    c.arg("run").arg(&wasm).env_remove("AWSM_CACHE_DIR").env("XDG_CACHE_HOME", xdg.path());
    assert_status("XDG_CACHE_HOME", &run(c), 7);
    assert_eq!(entries(&xdg.path().join("awsm")).len(), 1);
    let mut c = Command::new(AWSM);
    c.args(["run", "/nonexistent.wasm"]).env("AWSM_CACHE_DIR", cache.path());
    assert_status("missing module", &run(c), 1);
    // Options after the module are the guest's: no preopen of "x" is tried.
    let mut c = Command::new(AWSM);
    c.arg("run").arg(&wasm).args(["--dir", "/nonexistent-x"]).env("AWSM_CACHE_DIR", cache.path());
    assert_status("options after the module", &run(c), 7);
}

/// The embedding API: a C host links a module compiled to an object and
/// gives two instances their own sandboxes (tests/wasi/embed_host.c).
#[test]
fn embedding_api() {
    let Some(clang) = common::wasi_clang_or_skip("wasi") else {
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let step = |cmd: &mut Command, what: &str| {
        let out = cmd.output().unwrap_or_else(|e| panic!("{what}: {e}"));
        assert!(out.status.success(), "{what}:\n{}", String::from_utf8_lossy(&out.stderr));
    };
    step(
        Command::new(&clang)
            .args(["--target=wasm32-wasi", "-O2", "-o"])
            .arg(d.join("guest.wasm"))
            .arg(common::repo_path("tests/wasi/embed_guest.c")),
        "building embed_guest.c",
    );
    step(
        Command::new(AWSM).arg(d.join("guest.wasm")).args(["--name", "guest", "-o"]).arg(d.join("guest.o")),
        "awsm guest.wasm -o guest.o",
    );
    step(
        Command::new(&clang)
            .args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-I"])
            .arg(common::repo_path("runtime/include"))
            .arg(common::repo_path("tests/wasi/embed_host.c"))
            .arg(d.join("guest.o"))
            .args(["-lm", "-lpthread", "-o"])
            .arg(d.join("host")),
        "linking embed_host.c",
    );
    for (sub, who) in [("a", "alice\n"), ("b", "bob\n")] {
        fs::create_dir(d.join(sub)).expect("mkdir");
        fs::write(d.join(sub).join("who.txt"), who).expect("write");
    }
    let out = run({
        let mut c = Command::new(d.join("host"));
        c.arg(d.join("a")).arg(d.join("b")).arg(d.join("b_stdout.txt"));
        c
    });
    assert_status("embed_host", &out, 0);
    let expected = "missing dir: -1\n\
                    error: cannot preopen /nonexistent: No such file or directory\n\
                    guest argv: a alpha; WHO=A; who.txt=alice; write: ok\n\
                    A: _start -> code 0\n\
                    B: _start -> code 0\n\
                    detach closed 2 guest fds\n\
                    guest argv: a alpha; WHO=A; who.txt=alice; write: ok\n\
                    default A: _start -> code 0\n\
                    guest argv:; WHO=(unset); who.txt: Capabilities insufficient; write: Capabilities insufficient\n\
                    builtin default: _start -> code 0\n";
    assert_eq!(out.stdout, expected, "{}", common::line_diff(expected, &out.stdout, 20));
    let b_stdout = fs::read_to_string(d.join("b_stdout.txt")).expect("B's stdout");
    assert_eq!(b_stdout, "guest argv: b beta gamma; WHO=B; who.txt=bob; write: Capabilities insufficient\n");
    assert_eq!(fs::read_to_string(d.join("a/out.txt")).expect("A wrote"), "written by a\n");
    assert!(!d.join("b/out.txt").exists(), "the read-only preopen was written");
}
