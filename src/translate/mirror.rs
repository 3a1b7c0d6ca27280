//! Affine addresses under guard pages.
//!
//! wasm computes addresses with wrapping `i32.add`, so an access at
//! `p + 8` inside a loop reaches LLVM as `zext(p + 8)`: not an affine
//! function of the loop counter, which blocks vectorization and the
//! folding of address arithmetic into addressing modes (the main gap to
//! native code, doc/performance.md). Under a mirrored strategy
//! (`Strategy::mirrored`) this pass rewrites the index of an access
//! without static offset, `zext(a + b)`, as `sext(a) + sext(b)` in 64
//! bits. That is exact, for every value of `a` and `b`, because of how
//! runtime/memory/guard_pages.c lays out a memory:
//!
//! - memory is at most 2 GiB, so an in-bounds wasm address `x` is below
//!   2^31, and the sum S = sext(a) + sext(b) (in [-2^32, 2^32)) is
//!   congruent to the wasm address modulo 2^32;
//! - S in [0, 2^32): S is the wasm address itself; at or past the size it
//!   falls in the PROT_NONE part of the reservation and traps;
//! - S in [-2^32, 0): the wasm address is S + 2^32, which is reached
//!   through a second view of the same pages mapped 4 GiB below the base
//!   (PROT_NONE past the size, so out-of-bounds traps there too).
//!
//! For every ordinary program S *is* the address, the one every other
//! access to that byte uses, so LLVM's alias analysis and SCEV reason
//! about real addresses. (Only a sum of two "negative" i32 values that
//! wraps to a small in-bounds address goes through the mirror, reaching
//! the right byte under a different address.) Longer sums `a + b + c`
//! are regrouped as `a + (b + c)`: still two terms, and the loop-variant
//! part usually lands in one of them whole.
//!
//! Only accesses without a static offset are rewritten: wasm adds the
//! offset without wrapping, and those keep `zext(index) + offset`.
//! This runs after `mem2reg`, so it sees through wasm locals.

use crate::error::{Error, Result};
use inkwell::builder::Builder;
use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::TargetMachine;
use inkwell::values::{BasicValue, BasicValueEnum, InstructionOpcode, InstructionValue, IntValue};

/// Leaves of an address's i32.add tree looked at (the first stays alone,
/// the others are summed into the second term).
const MAX_LEAVES: usize = 4;

/// Rewrite the index argument (operand 3) of every call to the address
/// function `addr_fn` in `module` whose offset (operand 4) is 0 from
/// `zext(a + b)` into `sext(a) + sext(b)`.
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
    let leaves = leaves(narrow);
    let Some((first, rest)) = leaves.split_first().filter(|(_, rest)| !rest.is_empty()) else {
        return Ok(());
    };
    b.position_before(&call);
    let mut second = rest[0];
    for leaf in &rest[1..] {
        second = b.build_int_add(second, *leaf, "")?;
    }
    let wide = idx.get_type();
    let a = b.build_int_s_extend(*first, wide, "")?;
    let c = b.build_int_s_extend(second, wide, "")?;
    call.set_operand(3, b.build_int_nsw_add(a, c, "idx")?);
    Ok(())
}

/// The leaves of the i32.add tree `v`, left to right, expanding at most
/// `MAX_LEAVES`; constants last so they fold together.
fn leaves(v: IntValue<'_>) -> Vec<IntValue<'_>> {
    let mut leaves = vec![v];
    while leaves.len() < MAX_LEAVES {
        let Some(pos) = leaves.iter().position(|t| as_op(*t, InstructionOpcode::Add).is_some()) else {
            break;
        };
        let Some(add) = leaves[pos].as_instruction_value() else { break };
        let (Some(x), Some(y)) = (operand(add, 0), operand(add, 1)) else { break };
        leaves.splice(pos..=pos, [x.into_int_value(), y.into_int_value()]);
    }
    leaves.sort_by_key(|t| t.is_const());
    leaves
}
