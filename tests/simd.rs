//! SIMD128 beyond the spec testsuite (proposals/simd, run by tests/spec.rs):
//! what the testsuite does not assert, on x86-64 executables.
//! - A dropped SIMD load still traps out of bounds under guard pages,
//!   where the fault is the only check (the translator makes it volatile).
//! - `--cpu` picks the vector ISA: the default baseline emits no AVX, and
//!   `x86-64-v3` does; an unknown name is a one-line usage error.
//!
//! `cargo test --release --test simd`.

mod common;

use common::awsm;
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
