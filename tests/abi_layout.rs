//! The instance layout is declared twice, in runtime/include/awsm.h and in
//! src/abi/layout.rs; this test keeps them from drifting. For every target
//! awsm knows it turns `Layout::checks()` into `_Static_assert(offsetof(...)
//! == N)` lines and compiles them with clang-19 for that target (syntax
//! only, freestanding, so no cross sysroot is needed) against awsm.h.
//!
//! Skipped, with the reason printed, only when clang-19 cannot be run
//! (`AWSM_TEST_CLANG` picks another clang).

use awsm::target::TARGETS;
use std::path::Path;
use std::process::Command;

fn clang() -> String {
    std::env::var("AWSM_TEST_CLANG").unwrap_or_else(|_| "clang-19".to_string())
}

/// A C file asserting every `(expr, value)` pair against awsm.h.
fn assertions(checks: &[(&str, u32)]) -> String {
    let mut c = String::from("#include <stddef.h>\n#include \"awsm.h\"\n\n");
    for (expr, value) in checks {
        c.push_str(&format!("_Static_assert({expr} == {value}, \"{expr} == {value}\");\n"));
    }
    c
}

/// Compile `source` for `triple`; Err carries clang's diagnostics.
fn compile(triple: &str, source: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let file = dir.path().join("layout_check.c");
    std::fs::write(&file, source).map_err(|e| e.to_string())?;
    let include = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/include");
    let out = Command::new(clang())
        .arg(format!("--target={triple}"))
        .args(["-std=c11", "-ffreestanding", "-fsyntax-only", "-Wall", "-Werror"])
        .arg("-I")
        .arg(&include)
        .arg(&file)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", clang()))?;
    if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) }
}

fn clang_available() -> bool {
    let ok = Command::new(clang()).arg("--version").output().is_ok();
    if !ok {
        eprintln!(
            "skipping the layout test: `{}` cannot be run (install clang-19 or set AWSM_TEST_CLANG)",
            clang()
        );
    }
    ok
}

#[test]
fn layout_matches_awsm_h_on_every_target() {
    if !clang_available() {
        return;
    }
    let mut failures = Vec::new();
    for target in TARGETS {
        let layout = target.layout();
        if let Err(diagnostics) = compile(target.triple, &assertions(&layout.checks())) {
            failures.push(format!("{} ({layout:?}):\n{diagnostics}", target.triple));
        }
    }
    assert!(failures.is_empty(), "src/abi/layout.rs disagrees with awsm.h:\n{}", failures.join("\n"));
}

/// The check itself must be able to fail: the i686 layout is wrong for
/// ARM (uint64_t alignment differs), and a wrong offset is caught.
#[test]
fn a_wrong_layout_is_caught() {
    if !clang_available() {
        return;
    }
    let i686 = awsm::abi::layout::Layout::new(4, 4);
    let err = compile("thumbv7em-none-eabihf", &assertions(&i686.checks()))
        .expect_err("the i686 layout must not pass on thumbv7em");
    assert!(err.contains("offsetof(awsm_memory, size) == 4"), "{err}");
    assert!(compile("x86_64-unknown-linux-gnu", &assertions(&[("sizeof(awsm_funcref)", 16)])).is_err());
}
