//! Affine addresses under a mirrored memory.
//!
//! wasm computes addresses with wrapping `i32.add`, so an access at
//! `p + 8` inside a loop reaches LLVM as `zext(p + 8)`: not an affine
//! function of the loop counter, which blocks vectorization and the
//! folding of address arithmetic into addressing modes (the main gap to
//! native code, doc/performance.md). When the strategy maps the memory
//! several times in a row (`Strategy::mirrored`: `AWSM_GUARD_VIEWS` views
//! 4 GiB apart in runtime/memory/guard_pages.c, the memory's base being
//! the last), a sum that would wrap may instead run on into the next
//! view, which holds the same bytes. So `zext(a + b)` can be replaced by
//! `zext(a) + zext(b)` (64-bit, no wrap) as long as at most
//! `MIRROR_VIEWS` terms are summed: the sum S stays below
//! `MIRROR_VIEWS * 2^32`, and `base - (MIRROR_VIEWS - 1) * 2^32 + S` is
//! the byte wasm names, or faults exactly when wasm traps.
//!
//! Only accesses without a static offset are rewritten: wasm adds the
//! offset without wrapping, so `index + offset` past 2^32 must trap, but
//! from a mirror it would reach the next view's valid bytes.
//!
//! This runs after `mem2reg`, so it sees through wasm locals (an index
//! kept in a local is an SSA value by then), and before the optimizer.

use crate::error::{Error, Result};
use inkwell::builder::Builder;
use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::TargetMachine;
use inkwell::values::{BasicValue, BasicValueEnum, InstructionOpcode, InstructionValue, IntValue};

/// Views of a mirrored memory; must equal `AWSM_GUARD_VIEWS` in
/// runtime/internal.h.
pub const MIRROR_VIEWS: usize = 3;

/// Rewrite the index argument (operand 3) of every call to the address
/// function `addr_fn` in `module` whose offset (operand 4) is 0 from
/// `zext(i32 sum)` into a no-wrap 64-bit sum of at most `MIRROR_VIEWS`
/// zero-extended terms, less `(MIRROR_VIEWS - 1) * 2^32`.
pub fn widen_addresses(module: &Module, tm: &TargetMachine, addr_fn: &str) -> Result<()> {
    let Some(callee) = module.get_function(addr_fn) else { return Ok(()) };
    module
        .run_passes("function(mem2reg)", tm, PassBuilderOptions::create())
        .map_err(|e| Error::backend(format!("mem2reg failed: {e}")))?;
    let callee = callee.as_global_value().as_pointer_value();
    let b = module.get_context().create_builder();
    for f in module.get_functions() {
        for bb in f.get_basic_blocks() {
            let mut next = bb.get_first_instruction();
            while let Some(inst) = next {
                next = inst.get_next_instruction();
                let is_addr_call = inst.get_opcode() == InstructionOpcode::Call
                    && operand(inst, inst.get_num_operands() - 1)
                        .is_some_and(|c| c.into_pointer_value() == callee);
                if is_addr_call {
                    widen_call(&b, inst)?;
                }
            }
        }
    }
    Ok(())
}

fn operand<'ctx>(inst: InstructionValue<'ctx>, n: u32) -> Option<BasicValueEnum<'ctx>> {
    inst.get_operand(n).and_then(|o| o.value())
}

/// The instruction behind `v` if it has opcode `op`.
fn as_op(v: IntValue<'_>, op: InstructionOpcode) -> Option<InstructionValue<'_>> {
    v.as_instruction_value().filter(|i| i.get_opcode() == op)
}

fn widen_call<'ctx>(b: &Builder<'ctx>, call: InstructionValue<'ctx>) -> Result<()> {
    let offset = operand(call, 4).and_then(|v| v.into_int_value().get_zero_extended_constant());
    if offset != Some(0) {
        return Ok(());
    }
    let Some(idx) = operand(call, 3).map(|v| v.into_int_value()) else { return Ok(()) };
    let Some(zext) = as_op(idx, InstructionOpcode::ZExt) else { return Ok(()) };
    let Some(narrow) = operand(zext, 0).map(|v| v.into_int_value()) else { return Ok(()) };
    if narrow.get_type().get_bit_width() != 32 {
        return Ok(());
    }
    let terms = split_sum(narrow);
    if terms.len() < 2 {
        return Ok(());
    }
    b.position_before(&call);
    let wide = idx.get_type();
    let mut sum: Option<IntValue> = None;
    for t in terms {
        let t = b.build_int_z_extend(t, wide, "")?;
        sum = Some(match sum {
            None => t,
            Some(s) => b.build_int_nuw_add(s, t, "idx")?,
        });
    }
    if let Some(s) = sum {
        let views_below = wide.const_int((MIRROR_VIEWS as u64 - 1) << 32, false).const_neg();
        call.set_operand(3, b.build_int_nsw_add(s, views_below, "idx")?);
    }
    Ok(())
}

/// The terms of the i32 sum `v`, breadth first, at most `MIRROR_VIEWS`;
/// constants last so they fold together and into the memarg offset.
fn split_sum(v: IntValue<'_>) -> Vec<IntValue<'_>> {
    let mut terms = vec![v];
    while terms.len() < MIRROR_VIEWS {
        let Some(pos) = terms.iter().position(|t| as_op(*t, InstructionOpcode::Add).is_some()) else { break };
        let Some(add) = terms[pos].as_instruction_value() else { break };
        let (Some(x), Some(y)) = (operand(add, 0), operand(add, 1)) else { break };
        terms.remove(pos);
        terms.extend([x.into_int_value(), y.into_int_value()]);
    }
    terms.sort_by_key(|t| t.is_const());
    terms
}
