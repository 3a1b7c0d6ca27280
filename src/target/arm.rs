//! Cortex-M: rewrite the float intrinsics LLVM 19's Arm backend cannot
//! compile for thumbv7em, just before code generation.
//!
//! - `llvm.minimum` / `llvm.maximum` (wasm's NaN-propagating min/max):
//!   on an FPU without them (all of thumbv7em) the backend's expansion
//!   builds an i64 compare after type legalization and aborts ("Cannot
//!   select: setcc ... i64"); with soft float it cannot soften them at
//!   all. They become compares and selects here instead: NaN if either
//!   operand is NaN, the smaller (larger) operand otherwise, and for equal
//!   operands the OR (AND) of their bits, which orders -0 below +0.
//! - `llvm.roundeven` (wasm's `nearest`): without a native instruction it
//!   becomes a call to `roundeven`, which newlib does not have. `rint`
//!   rounds to nearest-even in the default rounding mode, the only one wasm
//!   code runs in, so calls become `llvm.rint`.

use crate::error::Result;
use inkwell::FloatPredicate;
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::targets::TargetMachine;
use inkwell::types::{BasicTypeEnum, FloatType};
use inkwell::values::{BasicValueEnum, CallSiteValue, FloatValue, InstructionValue, Operand};

/// Apply both rewrites to every call in `m`.
pub fn legalize_float_intrinsics<'ctx>(cx: &'ctx Context, m: &Module<'ctx>) -> Result<()> {
    // Collected first: rewriting erases the calls.
    let mut calls = Vec::new();
    for f in m.get_functions() {
        for bb in f.get_basic_block_iter() {
            for inst in bb.get_instructions() {
                let Ok(site) = CallSiteValue::try_from(inst) else { continue };
                let Some(callee) = site.get_called_fn_value() else { continue };
                let name = callee.get_name().to_string_lossy().into_owned();
                let kind = match name.strip_prefix("llvm.").and_then(|r| r.split('.').next()) {
                    Some("minimum") => Rewrite::Min,
                    Some("maximum") => Rewrite::Max,
                    Some("roundeven") => Rewrite::RoundEven,
                    _ => continue,
                };
                calls.push((inst, kind));
            }
        }
    }
    for (call, kind) in calls {
        rewrite(cx, m, call, kind)?;
    }
    Ok(())
}

#[derive(Clone, Copy)]
enum Rewrite {
    Min,
    Max,
    RoundEven,
}

fn rewrite<'ctx>(
    cx: &'ctx Context,
    m: &Module<'ctx>,
    call: InstructionValue<'ctx>,
    kind: Rewrite,
) -> Result<()> {
    let Ok(site) = CallSiteValue::try_from(call) else { return Ok(()) };
    let operand = |i: u32| -> Option<FloatValue<'ctx>> {
        match call.get_operand(i)? {
            Operand::Value(BasicValueEnum::FloatValue(v)) => Some(v),
            _ => None,
        }
    };
    let Some(a) = operand(0) else { return Ok(()) };
    let ty: FloatType = a.get_type();
    let b = cx.create_builder();
    b.position_before(&call);
    let result: BasicValueEnum = match kind {
        Rewrite::RoundEven => {
            let suffix = if ty == cx.f32_type() { "f32" } else { "f64" };
            let name = format!("llvm.rint.{suffix}");
            let rint = m
                .get_function(&name)
                .unwrap_or_else(|| m.add_function(&name, ty.fn_type(&[ty.into()], false), None));
            b.build_call(rint, &[a.into()], "")?.try_as_basic_value().basic().unwrap_or(a.into())
        }
        Rewrite::Min | Rewrite::Max => {
            let Some(c) = operand(1) else { return Ok(()) };
            let int_ty = if ty == cx.f32_type() { cx.i32_type() } else { cx.i64_type() };
            let ordered =
                if matches!(kind, Rewrite::Min) { FloatPredicate::OLT } else { FloatPredicate::OGT };
            let uno = b.build_float_compare(FloatPredicate::UNO, a, c, "")?;
            let lt = b.build_float_compare(ordered, a, c, "")?;
            let pick = b.build_select(lt, a, c, "")?;
            let eq = b.build_float_compare(FloatPredicate::OEQ, a, c, "")?;
            let ai = b.build_bit_cast(a, int_ty, "")?.into_int_value();
            let ci = b.build_bit_cast(c, int_ty, "")?.into_int_value();
            let bits = match kind {
                Rewrite::Min => b.build_or(ai, ci, "")?,
                _ => b.build_and(ai, ci, "")?,
            };
            let zero = b.build_bit_cast(bits, BasicTypeEnum::FloatType(ty), "")?;
            let ordered_result = b.build_select(eq, zero, pick, "")?;
            let nan = b.build_float_add(a, c, "")?;
            b.build_select(uno, BasicValueEnum::FloatValue(nan), ordered_result, "")?
        }
    };
    if let Some(BasicValueEnum::FloatValue(old)) = site.try_as_basic_value().basic() {
        old.replace_all_uses_with(result.into_float_value());
    }
    call.erase_from_basic_block();
    Ok(())
}

/// Cortex-M code size: nothing unwinds on Cortex-M (C code only; traps
/// longjmp), so every function is `nounwind`, which keeps libgcc's
/// unwinder (3-4 KiB) out of firmware; and everything but the guest's
/// own functions (`wasm_f<N>`), that is the runtime, the export wrappers
/// and the module initialiser, is optimised for size as -Oz would
/// (`optsize` and `minsize`: literal pools instead of movw/movt pairs, no
/// unrolling): it runs once or rarely, while flash is scarce. Runtime code
/// inlined into guest functions (address checks) is optimised as the
/// guest function is.
pub fn size_attributes(cx: &Context, m: &Module) {
    let kind = |name: &str| {
        cx.create_enum_attribute(inkwell::attributes::Attribute::get_named_enum_kind_id(name), 0)
    };
    let nounwind = kind("nounwind");
    for f in m.get_functions() {
        if f.count_basic_blocks() == 0 {
            continue;
        }
        f.add_attribute(inkwell::attributes::AttributeLoc::Function, nounwind);
        let name = f.get_name().to_string_lossy();
        let guest = name.strip_prefix("wasm_f").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        if !guest {
            crate::opt_level::mark_for_size(cx, f, true);
        }
    }
}

/// One section per function (`.text.<name>`), as `-ffunction-sections`
/// would give: the LTO'd firmware is a single object, and without this
/// the linker's `--gc-sections` keeps all of its code. With it, the
/// definitions that stay external only because a C library object might
/// refer to them (newlib's system calls, `FIRMWARE_EXTERNAL_SYMBOLS`) are
/// dropped when nothing does.
pub fn function_sections(m: &Module) {
    for f in m.get_functions() {
        let has_section = f.get_section().is_some_and(|s| !s.to_bytes().is_empty());
        if f.count_basic_blocks() == 0 || has_section {
            continue;
        }
        let section = format!(".text.{}", f.get_name().to_string_lossy());
        f.as_global_value().set_section(Some(&section));
    }
}

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
/// sort kernel's instructions, doc/targets.md), and gcc does not pad.
pub fn without_loop_alignment(cpu: &str, features: &str) -> String {
    match (cpu, features) {
        ("cortex-m4", "") => "-loop-align".to_string(),
        ("cortex-m4", f) => format!("{f},-loop-align"),
        (_, f) => f.to_string(),
    }
}
