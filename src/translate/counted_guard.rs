//! The guard in front of a versioned loop: the one IR contract between
//! the translator, which writes it (ops.rs, for a `CountedLoop` of
//! loop_plans.rs), and the passes that read it (passes/hoist.rs adds
//! conditions to it; passes/grouped.rs leaves the general copy alone).
//!
//! The guard is an `i1` and-tree marked with the `awsm.counted` metadata
//! kind and branched on, true to the counted copy, false to the general
//! one. Its first leaf is the direction test, `icmp ult start, limit`
//! counting up (`icmp sgt start, limit` down), so `start` and `limit` are
//! that compare's operands; in the counted copy the counter's increment
//! carries `nuw` only when it counts up. LLVM metadata attached to an
//! instruction cannot hold function-local values, so `CountedGuard::read`
//! finds them in the tree; `build` and `read` are the only code that
//! knows its shape.

use crate::error::{Error, Result};
use inkwell::IntPredicate;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::Context;
use inkwell::values::{AsValueRef, BasicValue, FunctionValue, InstructionOpcode, InstructionValue, IntValue};

/// Metadata kind (no operands) marking the guard of a counted copy.
const MARKER: &str = "awsm.counted";

/// A guard read back from the IR.
pub struct CountedGuard<'ctx> {
    /// The marked root of the and-tree.
    pub cond: InstructionValue<'ctx>,
    /// The block ending in the branch on `cond`.
    pub block: BasicBlock<'ctx>,
    /// That branch: condition, false (general) successor, true (counted).
    pub branch: InstructionValue<'ctx>,
    /// The first block of the counted copy.
    pub counted: BasicBlock<'ctx>,
    /// The counter's value on entry, and the limit it reaches exactly.
    pub start: IntValue<'ctx>,
    pub limit: IntValue<'ctx>,
}

/// Build the guard of a counted copy at `b`'s position: `start` counts
/// by `step` to exactly `limit` without wrapping (module doc of
/// loop_plans.rs), and each induction variable `(q, d)`, its start
/// loaded by `load(q)`, ends within i32. Returns the marked condition.
pub fn build<'ctx>(
    cx: &'ctx Context,
    b: &Builder<'ctx>,
    (start, limit, step): (IntValue<'ctx>, IntValue<'ctx>, i32),
    ivs: &[(u32, i32)],
    load: &mut dyn FnMut(u32) -> Result<IntValue<'ctx>>,
) -> Result<IntValue<'ctx>> {
    let (i32t, i64t) = (cx.i32_type(), cx.i64_type());
    let size = i32t.const_int(step.unsigned_abs() as u64, false);
    // Up: start <u L <=s INT32_MAX. Down: L <s start (signed: clang
    // counts down from 0 to minus the count).
    let (towards, dist) = if step > 0 {
        let below = b.build_int_compare(IntPredicate::ULT, start, limit, "")?;
        let small = b.build_int_compare(IntPredicate::SGE, limit, i32t.const_zero(), "")?;
        (b.build_and(below, small, "")?, b.build_int_sub(limit, start, "")?)
    } else {
        let above = b.build_int_compare(IntPredicate::SGT, start, limit, "")?;
        (above, b.build_int_sub(start, limit, "")?)
    };
    let rem = b.build_int_unsigned_rem(dist, size, "")?;
    let exact = b.build_int_compare(IntPredicate::EQ, rem, i32t.const_zero(), "")?;
    let mut ok = b.build_and(towards, exact, "counted")?;
    // Each induction variable's last value, q + D*n, within i32 (in i64:
    // n < 2^32 and |D| < 2^31 cannot overflow it).
    if !ivs.is_empty() {
        let n = b.build_int_z_extend(b.build_int_unsigned_div(dist, size, "")?, i64t, "trips")?;
        for (q, d) in ivs {
            let q0 = b.build_int_s_extend(load(*q)?, i64t, "")?;
            let d = i64t.const_int(*d as i64 as u64, true);
            let last = b.build_int_add(q0, b.build_int_mul(n, d, "")?, "")?;
            let narrow = b.build_int_truncate(last, i32t, "")?;
            let fits =
                b.build_int_compare(IntPredicate::EQ, b.build_int_s_extend(narrow, i64t, "")?, last, "")?;
            ok = b.build_and(ok, fits, "counted")?;
        }
    }
    if let Some(inst) = ok.as_instruction_value() {
        let node = cx.metadata_node(&[]);
        inst.set_metadata(node, cx.get_kind_id(MARKER)).map_err(|_| Error::backend("guard metadata"))?;
    }
    Ok(ok)
}

/// The marked guards of `f`, in layout order.
pub fn guards(f: FunctionValue<'_>) -> Vec<InstructionValue<'_>> {
    let kind = f.get_type().get_context().get_kind_id(MARKER);
    f.get_basic_blocks()
        .into_iter()
        .flat_map(|bb| bb.get_instructions())
        .filter(|i| i.get_metadata(kind).is_some())
        .collect()
}

/// The loop header the general copy of `guard` enters: the block its
/// block's branch takes when false jumps to. (hoist.rs may have replaced
/// the branch's condition by a stronger one; the branch stays.)
pub fn general_header(guard: InstructionValue<'_>) -> Option<BasicBlock<'_>> {
    let general = guard.get_parent()?.get_terminator()?.get_operand(1)?.block()?;
    general.get_terminator()?.get_operand(0)?.block()
}

impl<'ctx> CountedGuard<'ctx> {
    /// The guard `cond` (a marked instruction), if the branch after it
    /// still tests it.
    pub fn read(cond: InstructionValue<'ctx>) -> Option<Self> {
        let block = cond.get_parent()?;
        let branch = block.get_terminator()?;
        let tested = branch.get_operand(0).and_then(|o| o.value());
        if branch.get_num_operands() != 3 || tested?.as_value_ref() != cond.as_value_ref() {
            return None;
        }
        let counted = branch.get_operand(2)?.block()?;
        // The direction test is the first leaf of the and-tree.
        let mut first = cond;
        while first.get_opcode() == InstructionOpcode::And {
            first = first.get_operand(0)?.value()?.into_int_value().as_instruction_value()?;
        }
        if first.get_opcode() != InstructionOpcode::ICmp {
            return None;
        }
        let start = first.get_operand(0)?.value()?.into_int_value();
        let limit = first.get_operand(1)?.value()?.into_int_value();
        Some(CountedGuard { cond, block, branch, counted, start, limit })
    }

    /// The header of the counted copy's loop.
    pub fn counted_header(&self) -> Option<BasicBlock<'ctx>> {
        self.counted.get_terminator()?.get_operand(0)?.block()
    }

    /// Make the branch test `cond`, which must imply the guard (`and` of
    /// it and more).
    pub fn strengthen(&self, cond: IntValue<'ctx>) -> bool {
        self.branch.set_operand(0, cond)
    }
}
