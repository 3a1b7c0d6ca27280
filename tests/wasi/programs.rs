//! The guest's world besides files: arguments and environment, clocks
//! and proc_exit, a preopened listening socket, and a reactor's exports
//! called through --invoke.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::{Duration, Instant};

use crate::fixture::Fixture;
use crate::harness::{Invocation, LIMIT, Mode, assert_status, check_expected, command, run};

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
