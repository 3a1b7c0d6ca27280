//! Cortex-M code generation choices made on the TargetMachine (CPU
//! features, loop unrolling): not IR rewrites, which live in src/passes/.

use inkwell::targets::TargetMachine;

/// Whether `tm` builds Cortex-M code. There, -O2 does not unroll loops
/// (as gcc's -O2 does not) and -O3 does: on the embedded benchmarks
/// (doc/targets.md) unrolling doubled the guest code's flash and lowered
/// the instruction count on one kernel (matmul) while raising it on
/// another (sort: register pressure and spills in the unrolled loops of
/// an in-order core with 13 usable registers).
pub fn is_cortex_m(tm: &TargetMachine) -> bool {
    tm.get_triple().as_str().to_bytes().starts_with(b"thumb")
}

/// `features` plus `-loop-align` on a Cortex-M4, whose LLVM model aligns
/// loop headers to 4 bytes with `nop`s. The M4 has no cache and no branch
/// predictor for the padding to help; the `nop`s are instructions the
/// core executes every time control falls into the loop (about 2 % of the
/// sort kernel's instructions,
/// code_benches/published/2026-11-22-cortex-m-grouped-checks), and gcc does not pad.
pub fn without_loop_alignment(cpu: &str, features: &str) -> String {
    match (cpu, features) {
        ("cortex-m4", "") => "-loop-align".to_string(),
        ("cortex-m4", f) => format!("{f},-loop-align"),
        (_, f) => f.to_string(),
    }
}
