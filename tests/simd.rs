//! SIMD128 beyond the spec testsuite (proposals/simd, run by tests/spec.rs):
//! what the testsuite does not assert, on x86-64 executables.
//! - A dropped SIMD load still traps out of bounds under guard pages,
//!   where the fault is the only check (the translator makes it volatile).
//! - `--cpu` picks the vector ISA: the default baseline emits no AVX, and
//!   `x86-64-v3` does; an unknown name is a one-line usage error.
//! - A C host passes v128 values to a typed export wrapper as 16-byte
//!   vectors and through `awsm_invoke` as `awsm_val.bytes`, and reads a
//!   v128 global's cell.
//!
//! `cargo test --release --test simd`.

mod common;

use common::{awsm, can_run, host_cc, repo_path, report_skip};
use std::path::Path;
use std::process::Output;

fn compile(dir: &Path, wat: &str, out: &str, extra: &[&str]) -> Output {
    let input = dir.join("m.wat");
    std::fs::write(&input, wat).unwrap();
    awsm().arg(&input).arg("-o").arg(dir.join(out)).args(extra).output().unwrap()
}

#[test]
fn dropped_simd_loads_trap_out_of_bounds() {
    let d = tempfile::tempdir().unwrap();
    // Each load is one byte past the end of the one-page memory.
    let loads = [
        "(v128.load8_splat (i32.const 65536))",
        "(v128.load64_splat (i32.const 65529))",
        "(v128.load8x8_s (i32.const 65529))",
        "(v128.load32_zero (i32.const 65533))",
        "(v128.load16_lane 1 (i32.const 65535) (v128.const i64x2 0 0))",
        "(v128.load (i32.const 65521))",
    ];
    for strategy in ["guard-pages", "explicit"] {
        for load in loads {
            let wat = format!("(module (memory 1) (func (export \"_start\") (drop {load})))");
            let built = compile(d.path(), &wat, "m.exe", &["--bounds-checks", strategy]);
            assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
            let run = std::process::Command::new(d.path().join("m.exe")).output().unwrap();
            let stderr = String::from_utf8_lossy(&run.stderr);
            assert_eq!(run.status.code(), Some(134), "{strategy} {load}: {stderr}");
            assert!(stderr.contains("out of bounds memory access"), "{strategy} {load}: {stderr}");
        }
    }
}

#[test]
fn cpu_chooses_the_vector_isa() {
    let d = tempfile::tempdir().unwrap();
    let wat = r#"(module (memory 1)
        (func (export "f") (param i32)
          (v128.store (local.get 0)
            (i32x4.mul (v128.load (local.get 0)) (v128.load offset=16 (local.get 0))))))"#;
    let asm = |extra: &[&str]| {
        let out = compile(d.path(), wat, "m.s", extra);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        std::fs::read_to_string(d.path().join("m.s")).unwrap()
    };
    // SSE2 has no 32-bit lane multiply (pmulld is SSE4.1): the baseline
    // builds it from pmuludq; AVX2 has vpmulld.
    let baseline = asm(&[]);
    assert!(baseline.contains("pmuludq") && !baseline.contains("vpmulld"), "{baseline}");
    let v3 = asm(&["--cpu", "x86-64-v3"]);
    assert!(v3.contains("vpmulld"), "{v3}");

    let bad = compile(d.path(), wat, "x.o", &["--cpu", "pentium9"]);
    let stderr = String::from_utf8_lossy(&bad.stderr);
    assert_eq!(bad.status.code(), Some(1), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("unknown CPU 'pentium9'"), "{stderr}");
    assert!(!d.path().join("x.o").exists());
}

const HOST: &str = r#"
#include "awsm.h"
#include <stdio.h>
#include <string.h>
typedef int32_t v4 __attribute__((vector_size(16)));
extern const awsm_module m_module;
v4 m_add(awsm_instance *, v4, v4);
int main(void) {
  const char *err;
  awsm_instance *inst = awsm_instantiate(&m_module, NULL, 0, &err);
  if (!inst)
    return printf("%s\n", err), 1;
  v4 a = {1, 2, 3, 4}, b = {10, 20, 30, -40};
  v4 r = m_add(inst, a, b);
  printf("wrapper %d %d %d %d\n", r[0], r[1], r[2], r[3]);
  awsm_val args[2], res[1];
  memcpy(args[0].bytes, &a, 16);
  memcpy(args[1].bytes, &b, 16);
  awsm_result x = awsm_invoke(inst, "add", args, res);
  memcpy(&r, res[0].bytes, 16);
  printf("invoke %d: %d %d %d %d\n", x.code, r[0], r[1], r[2], r[3]);
  memcpy(&r, awsm_export_global(inst, "g")->bytes, 16);
  printf("global %d %d %d %d\n", r[0], r[1], r[2], r[3]);
  awsm_instance_free(inst);
  return 0;
}
"#;

#[test]
fn a_c_host_passes_v128_values() {
    let cc = host_cc();
    if !can_run(&cc) {
        report_skip("a_c_host_passes_v128_values", &format!("no host C compiler {cc} (install clang-19)"));
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let wat = r#"(module
        (func (export "add") (param v128 v128) (result v128) (i32x4.add (local.get 0) (local.get 1)))
        (global (export "g") (mut v128) (v128.const i32x4 7 -8 9 -10)))"#;
    let built = compile(d.path(), wat, "m.o", &[]);
    assert!(built.status.success(), "{}", String::from_utf8_lossy(&built.stderr));
    std::fs::write(d.path().join("host.c"), HOST).unwrap();
    let exe = d.path().join("host");
    let cc_out = std::process::Command::new(&cc)
        .arg("-I")
        .arg(repo_path("runtime/include"))
        .arg(d.path().join("host.c"))
        .arg(d.path().join("m.o"))
        .args(["-lm", "-lpthread", "-o"])
        .arg(&exe)
        .output()
        .unwrap();
    assert!(cc_out.status.success(), "{}", String::from_utf8_lossy(&cc_out.stderr));
    let run = std::process::Command::new(&exe).output().unwrap();
    assert_eq!(
        String::from_utf8_lossy(&run.stdout),
        "wrapper 11 22 33 -36\ninvoke 0: 11 22 33 -36\nglobal 7 -8 9 -10\n"
    );
}
