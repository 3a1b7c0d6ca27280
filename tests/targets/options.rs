//! awsm's answers to target options that cannot work.

use crate::common::{AWSM, tools_required};
use crate::platform::build_dir;
use std::path::Path;
use std::process::Command;

/// awsm's answer to target options that cannot work: an error naming
/// what would (fast: nothing is linked).
#[test]
fn target_option_errors_say_what_works() {
    let dir = build_dir("option-errors");
    let wat = dir.join("m.wat");
    std::fs::write(&wat, "(module (memory 1) (func (export \"_start\")))").expect("write");
    let path_open = dir.join("files.wat");
    std::fs::write(
        &path_open,
        r#"(module (import "wasi_snapshot_preview1" "path_open"
             (func (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
           (memory 1) (func (export "_start")))"#,
    )
    .expect("write");
    let start_with_params = dir.join("start_with_params.wat");
    std::fs::write(&start_with_params, "(module (func (export \"_start\") (param i32)))").expect("write");
    let out = dir.join("out");
    let cases: &[(&[&str], &Path, &str)] = &[
        (&["--target", "riscv64gc-unknown-linux-gnu"], &wat, "known targets: x86_64-unknown-linux-gnu, i686"),
        (
            &["--target", "i686-unknown-linux-gnu", "--bounds-checks", "guard-pages"],
            &wat,
            "64-bit address space",
        ),
        (&["--target", "i686-unknown-linux-gnu", "--bounds-checks", "mask"], &wat, "not available on i686"),
        (&["--board", "mps2-an386"], &wat, "--board is for Cortex-M targets"),
        (&["--page-size", "4096"], &wat, "--page-size is for Cortex-M targets"),
        (&["--target", "thumbv7em-none-eabihf"], &wat, "add --board (mps2-an386, mps2-an500)"),
        (&["--target", "thumbv7em-none-eabihf", "--board", "stm32"], &wat, "known boards: mps2-an386"),
        (
            &["--target", "thumbv7em-none-eabihf", "--board", "mps2-an386", "--page-size", "3000"],
            &wat,
            "power of two",
        ),
        (
            &["--target", "thumbv7em-none-eabihf", "--board", "mps2-an386"],
            &path_open,
            "has no WASI path_open",
        ),
        (
            &["--target", "thumbv7em-none-eabihf", "--board", "mps2-an386"],
            &start_with_params,
            "this one has type i:",
        ),
    ];
    for (flags, input, wanted) in cases {
        let output =
            Command::new(AWSM).args(*flags).arg(input).arg("-o").arg(&out).output().expect("run awsm");
        let stderr = String::from_utf8_lossy(&output.stderr);
        // A target whose runtime is absent here says so instead; that is
        // the missing-package message, also acceptable.
        // Under AWSM_REQUIRE_TOOLS=1 every runtime must be here.
        let absent = stderr.contains("headers are missing") && !tools_required();
        assert!(
            !output.status.success() && (stderr.contains(wanted) || absent),
            "awsm {flags:?}: expected an error mentioning {wanted:?}, got: {stderr}"
        );
    }
}
