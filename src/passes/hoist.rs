//! Explicit bounds checks hoisted out of counted loops.
//!
//! translate/loop_plans.rs translates a loop counting `p` from `start` by `C` to
//! exactly `L` twice, behind a guard. In the counted copy `p` takes the
//! values `start, start + C, ..., L - C` and no others, so an access at
//! `inv + p + c` (`inv` a sum of values defined before the loop, `c` a
//! constant) touches only addresses from `lo = inv + start + c` to
//! `lo + (L - C - start)`, plus its offset and width. Under the explicit
//! strategy this pass adds `zext(lo) + (L - C - start) + offset + width <=
//! mem_size` to the guard and gives the access, in the counted copy, the
//! unchecked address `array + zext(p) + c + offset` with `array = base +
//! zext(inv + start) - zext(start)` computed before the loop (through
//! mirror.rs's opaque identity, so each array is its own object for alias
//! analysis, shared by `p[j]` and `p[j + 1]`). The bound rules out a
//! 32-bit wrap inside the range (mem_size is at most 4 GiB), and a second
//! condition one between `inv + start` and `lo`, so these are the very
//! addresses the checked code computes. If any access would leave memory the guard fails and the
//! general copy, with every check, runs and traps where wasm says.
//!
//! Only loops without calls qualify: a call could grow memory, which
//! under this strategy may move it. The bound is the runtime's
//! `awsm_mem_limit_explicit(mem_size)`, the size the address function
//! checks against (Cortex-M scales it by its page size).
//!
//! Pays on: polybench under explicit checks (code_benches/published/
//! 2026-11-21-x86-round3: gemm 1.89x -> 0.81x of native, correlation 2.29x -> 1.29x,
//! heat-3d 1.78x -> 0.81x) and the Cortex-M matmul kernel (doc/targets.md, embedded figures).
//! Soundness argument in full: doc/bounds-checks.md.

use super::ir::{as_op, induction_step, leaves, opaque, operand, sum};
use super::loops::Loops;
use crate::error::{Error, Result};
use crate::translate::counted_guard::{self, CountedGuard};
use inkwell::IntPredicate;
use inkwell::builder::Builder;
use inkwell::module::Module;
use inkwell::values::{
    AnyValue, AsValueRef, BasicValue, BasicValueEnum, FunctionValue, InstructionOpcode, InstructionValue,
    IntValue, PointerValue,
};
use llvm_sys::prelude::LLVMValueRef;
use std::collections::HashMap;

/// Hoist the checks of `addr_fn` (the explicit strategy's address
/// function) out of every counted loop of `module`.
pub fn hoist_checks(module: &Module, addr_fn: &str) -> Result<()> {
    let Some(callee) = module.get_function(addr_fn) else { return Ok(()) };
    let cx = module.get_context();
    let b = cx.create_builder();
    let callee = callee.as_global_value().as_pointer_value();
    let limit_fn = super::ir::limit_fn(module);
    for f in module.get_functions() {
        let guards = counted_guard::guards(f);
        if guards.is_empty() {
            continue;
        }
        let loops = Loops::of(f);
        for g in guards {
            hoist_loop(&b, &loops, g, callee, limit_fn)?;
        }
    }
    module.verify().map_err(|e| Error::backend(format!("check hoisting broke the IR: {e}")))
}

/// A counted loop: its guard (translate/counted_guard.rs), the counter
/// phi in the counted copy and its step, and the loop in `Loops`.
struct Counted<'ctx> {
    guard: CountedGuard<'ctx>,
    step: IntValue<'ctx>,
    counter: IntValue<'ctx>,
    l: usize,
}

fn counted<'ctx>(loops: &Loops<'ctx>, cond: InstructionValue<'ctx>) -> Option<Counted<'ctx>> {
    let guard = CountedGuard::read(cond)?;
    let header = guard.counted_header()?;
    let l = loops.loop_with_header(header)?;
    // The counter: the header phi entered with `start` from the counted
    // block and advanced by `add nuw nsw phi, step` (C, or C/k once
    // reroll.rs rolled the loop up). Only counters advanced with nuw
    // count up.
    let start = guard.start.as_basic_value_enum();
    let (counter, step) = super::ir::phis(header)
        .filter(|phi| phi.get_incomings().any(|(v, bb)| bb == guard.counted && v == start))
        .find_map(|phi| {
            let (add, step) = induction_step(phi)?;
            add.get_no_unsigned_wrap_flag().unwrap_or(false).then_some((phi, step))
        })?;
    let counter = counter.as_basic_value().into_int_value();
    Some(Counted { guard, step, counter, l })
}

fn hoist_loop<'ctx>(
    b: &Builder<'ctx>,
    loops: &Loops<'ctx>,
    guard: InstructionValue<'ctx>,
    callee: PointerValue<'ctx>,
    limit_fn: FunctionValue<'ctx>,
) -> Result<()> {
    let Some(c) = counted(loops, guard) else { return Ok(()) };
    let blocks = loops.blocks_of(c.l);
    let mut accesses = Vec::new();
    for bb in &blocks {
        for i in bb.get_instructions() {
            if i.get_opcode() != InstructionOpcode::Call {
                continue;
            }
            let target = operand(i, i.get_num_operands() - 1);
            let is_access = target.is_some_and(|t| t.into_pointer_value() == callee);
            let is_intrinsic = target.is_some_and(|t| {
                t.into_pointer_value().get_name().to_str().is_ok_and(|n| n.starts_with("llvm."))
            });
            if is_access {
                accesses.push(i);
            } else if !is_intrinsic {
                return Ok(()); // a call: memory may grow and move
            }
        }
    }
    let (start, limit, guard_block) = (c.guard.start, c.guard.limit, c.guard.block);
    let Some(term) = guard_block.get_terminator() else { return Ok(()) };
    let before_loop = |v: BasicValueEnum<'ctx>| loops.available_before(c.l, v, guard_block);
    let cx = start.get_type().get_context();
    let i64t = cx.i64_type();
    let guard_value = guard.as_any_value_enum().into_int_value();
    let mut cond = guard_value;
    // The counter's last value in the loop is L - C: the span of every range.
    b.position_before(&term);
    let last = b.build_int_sub(b.build_int_sub(limit, c.step, "")?, start, "")?;
    let last64 = b.build_int_z_extend(last, i64t, "")?;
    let mut limits: HashMap<LLVMValueRef, IntValue<'ctx>> = HashMap::new();
    let mut arrays: HashMap<(LLVMValueRef, Vec<LLVMValueRef>), PointerValue<'ctx>> = HashMap::new();
    for call in accesses {
        let (Some(base), Some(size), Some(idx), Some(off), Some(width)) =
            (operand(call, 1), operand(call, 2), operand(call, 3), operand(call, 4), operand(call, 5))
        else {
            continue;
        };
        let (off, width) = (off.into_int_value(), width.into_int_value());
        if off.get_zero_extended_constant().is_none() || width.get_zero_extended_constant().is_none() {
            continue;
        }
        if !before_loop(base) || !before_loop(size) {
            continue;
        }
        let Some(zext) = as_op(idx.into_int_value(), InstructionOpcode::ZExt) else { continue };
        let Some(narrow) = operand(zext, 0).map(|v| v.into_int_value()) else { continue };
        if narrow.get_type().get_bit_width() != 32 {
            continue;
        }
        let (counters, invariant): (Vec<_>, Vec<_>) =
            leaves(narrow).into_iter().partition(|t| *t == c.counter);
        if counters.len() != 1 || !invariant.iter().all(|t| before_loop(t.as_basic_value_enum())) {
            continue;
        }
        // Before the guard's branch: the lowest index without and with the
        // constants, the span, the bound. Constants stay out of the array
        // base (p[j] and p[j + 1] share one) when adding them cannot wrap.
        b.position_before(&term);
        let (consts, vars): (Vec<_>, Vec<_>) = invariant.iter().partition(|t| t.is_const());
        let lo_vars = sum(b, &[&[start][..], &vars].concat())?;
        let k = sum(b, &[&[start.get_type().const_zero()][..], &consts].concat())?;
        let lo = b.build_int_add(lo_vars, k, "")?;
        let lo64 = b.build_int_z_extend(lo, i64t, "")?;
        let end = b.build_int_add(lo64, last64, "")?;
        let end =
            b.build_int_add(end, b.build_int_add(off, b.build_int_z_extend(width, i64t, "")?, "")?, "")?;
        let limit = match limits.get(&size.as_value_ref()) {
            Some(l) => *l,
            None => {
                let call = b.build_call(limit_fn, &[size.into()], "limit")?;
                let l = call.try_as_basic_value().basic().ok_or_else(|| Error::backend("limit"))?;
                limits.insert(size.as_value_ref(), l.into_int_value());
                l.into_int_value()
            }
        };
        let fits = b.build_int_compare(IntPredicate::ULE, end, limit, "fits")?;
        let lo_vars64 = b.build_int_z_extend(lo_vars, i64t, "")?;
        let k64 = b.build_int_s_extend(k, i64t, "")?;
        let unwrapped = b.build_int_add(lo_vars64, k64, "")?;
        let nowrap = b.build_int_compare(IntPredicate::EQ, unwrapped, lo64, "nowrap")?;
        cond = b.build_and(cond, b.build_and(fits, nowrap, "")?, "counted")?;
        let key = (base.as_value_ref(), vars.iter().map(|t| t.as_value_ref()).collect());
        let array = match arrays.get(&key) {
            Some(a) => *a,
            None => {
                let shift = b.build_int_sub(lo_vars64, b.build_int_z_extend(start, i64t, "")?, "")?;
                // SAFETY: a plain i8 gep, the address the access computed.
                let p = unsafe { b.build_gep(cx.i8_type(), base.into_pointer_value(), &[shift], "array")? };
                let p = opaque(&cx, b, p)?;
                arrays.insert(key, p);
                p
            }
        };
        // In the loop: the unchecked address array + zext(p) + k + offset.
        b.position_before(&call);
        let at =
            b.build_int_add(b.build_int_z_extend(c.counter, i64t, "")?, b.build_int_add(k64, off, "")?, "")?;
        // SAFETY: as above; in bounds whenever the guard chose this copy.
        let addr = unsafe { b.build_gep(cx.i8_type(), array, &[at], "")? };
        let Some(addr_inst) = addr.as_instruction_value() else { continue };
        call.replace_all_uses_with(&addr_inst);
        call.erase_from_basic_block();
    }
    if cond != guard_value {
        c.guard.strengthen(cond);
    }
    Ok(())
}
