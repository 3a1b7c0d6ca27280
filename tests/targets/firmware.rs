//! Cortex-M firmware beyond the examples: an awsm object linked into the
//! user's own firmware, the board's report of a hardware fault, and the
//! flash a minimal WASI program takes.

use crate::common::{AWSM, expect_success, repo_path};
use crate::embedded_figures::{arm_firmware_ready, board_gcc, flash_bytes};
use crate::platform::{COMPILE_LIMIT, CORTEX_M4, build_dir};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The build directory `dir` for firmware test `test`, or None (after
/// reporting the skip) when the board or the Arm toolchain is missing.
fn firmware_build_dir(test: &str, dir: &str) -> Option<PathBuf> {
    arm_firmware_ready(test).then(|| build_dir(dir))
}

/// Links `code` (an object, or C standing in for one) with the MPS2 board
/// glue into firmware `elf`, as a user's own firmware would: the glue
/// starts the module whose descriptor is `entry_module`.
fn link_with_board_glue(entry_module: &str, code: &Path, elf: &Path, libs: &[&str]) {
    let mut gcc = board_gcc("-O2");
    gcc.arg(format!("-DAWSM_ENTRY_MODULE={entry_module}"))
        .arg("-I")
        .arg(repo_path("runtime/include"))
        .arg(repo_path("runtime/cortex_m/board/mps2.c"))
        .arg(code)
        .arg("-o")
        .arg(elf)
        .args(libs);
    expect_success(&mut gcc, COMPILE_LIMIT).unwrap_or_else(|e| panic!("{e}"));
}

/// Bring your own board: an object built without --board, linked by hand
/// with the MPS2 glue as the "user's" firmware code, runs the same way.
#[test]
fn cortex_m_object_links_into_user_firmware() {
    let Some(dir) = firmware_build_dir("object_links_into_user_firmware", "byob") else { return };
    let wat = dir.join("prog.wat");
    std::fs::write(
        &wat,
        r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $w (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "hello from an object\n")
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 21))
    (drop (call $w (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))"#,
    )
    .expect("write the module");
    let object = dir.join("prog.o");
    let mut awsm = Command::new(AWSM);
    awsm.args(["--target", "thumbv7em-none-eabihf", "-O2"]).arg(&wat).arg("-o").arg(&object);
    expect_success(&mut awsm, COMPILE_LIMIT).unwrap_or_else(|e| panic!("{e}"));
    let elf = dir.join("prog.elf");
    link_with_board_glue("prog_module", &object, &elf, &["-lm", "-lc", "-lgcc"]);
    let run = CORTEX_M4.run(&elf);
    assert_eq!(run.status.code(), Some(0), "stderr: {}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello from an object\n");
}

/// The MPS2 board reports a fault the guest's checks did not catch as a
/// trap: tests/targets/fault_board.c stands in for the runtime and runs an
/// undefined instruction, which must print the exception number (6,
/// UsageFault), CFSR's UNDEFINSTR bit, HFSR and the faulting PC, and exit
/// with status 134.
#[test]
fn cortex_m_fault_is_reported_as_a_trap() {
    let Some(dir) = firmware_build_dir("fault_is_reported_as_a_trap", "fault") else { return };
    let elf = dir.join("fault.elf");
    link_with_board_glue("fault_module", &repo_path("tests/targets/fault_board.c"), &elf, &["-lc", "-lgcc"]);
    let nm = Command::new("arm-none-eabi-nm").arg(&elf).output().expect("run arm-none-eabi-nm");
    let pc = String::from_utf8_lossy(&nm.stdout)
        .lines()
        .find_map(|l| l.strip_suffix(" T awsm_cm_run_command").map(str::to_string))
        .expect("awsm_cm_run_command in the image");
    let run = CORTEX_M4.run(&elf);
    assert_eq!(run.status.code(), Some(134), "stderr: {}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(
        String::from_utf8_lossy(&run.stderr),
        format!(
            "awsm: trap: hardware fault (IPSR 0x00000006, CFSR 0x00010000, HFSR 0x00000000, PC 0x{pc})\n"
        )
    );
}

/// Firmware flash bound: a WASI "hello" (fd_write, proc_exit) built for
/// the Cortex-M4 board at -O2 fits in 1.5 KiB of flash, startup,
/// semihosting, trap messages, fault reporting, memcpy/memset and runtime
/// included (1352 bytes; 2412 before the runtime learnt from the compiler
/// what the module needs, 2.9 KiB before the runtime was compiled at -Oz
/// and firmware found `_start` without a search). It was 9-10 KiB while
/// firmware went through the general embedding API (awsm_instantiate, the
/// signature registry, import resolution, newlib's malloc and string
/// functions); awsm_cm_run_command (runtime/cortex_m/command.c) keeps them
/// out. Sizes, not time: the bound is deterministic. The image must also
/// still run.
#[test]
fn cortex_m_firmware_flash_stays_small() {
    const FLASH_BOUND: u64 = 1536;
    let wat = r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "\10\00\00\00\06\00\00\00")
  (data (i32.const 16) "hello\n")
  (func (export "_start")
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (call $proc_exit (i32.const 3))))"#;
    let Some(dir) = firmware_build_dir("firmware_flash_stays_small", "flash-bound") else { return };
    let source = dir.join("hello.wat");
    std::fs::write(&source, wat).expect("write the module");
    let elf = dir.join("hello.elf");
    CORTEX_M4.build(&source, &elf, "-O2", &[]);
    let run = CORTEX_M4.run(&elf);
    assert_eq!(run.status.code(), Some(3), "stderr: {}", String::from_utf8_lossy(&run.stderr));
    assert_eq!(String::from_utf8_lossy(&run.stdout), "hello\n");
    let flash = flash_bytes(&elf).unwrap_or_else(|e| panic!("{e}"));
    assert!(flash <= FLASH_BOUND, "hello firmware takes {flash} bytes of flash, more than {FLASH_BOUND}");
}
