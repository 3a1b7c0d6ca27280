//! How programs are started: an executable's --awsm options, and the
//! compile cache of `awsm run`.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::thread;

use crate::common::AWSM;
use crate::harness::{assert_status, built, run};

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
