//! The embedding API: a C host gives instances their own sandboxes.

use std::fs;
use std::process::Command;

use crate::common;
use crate::common::AWSM;
use crate::harness::{assert_status, run};

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
