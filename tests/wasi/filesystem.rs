//! Files, directories and the sandbox's walls: files.c, dirs.c and
//! escape.c, the escapes with both path resolvers (openat2, and the
//! O_NOFOLLOW walk forced by AWSM_WASI_NO_OPENAT2=1), and a race that
//! swaps a directory symlink while the guest opens through it.

use std::fs;
use std::os::unix::fs::symlink;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

use crate::fixture::Fixture;
use crate::harness::{Invocation, Mode, assert_status, check_expected, command, run};

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
