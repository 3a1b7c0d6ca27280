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
//!
//! Sound: each rewrite computes wasm's result for every input (the NaN,
//! signed-zero and rounding cases above). Pays on correctness: without it
//! float_math and every module using f32.min/max or nearest fails to
//! compile for thumbv7em (doc/targets.md).

use crate::error::Result;
use inkwell::FloatPredicate;
use inkwell::context::Context;
use inkwell::module::Module;
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
