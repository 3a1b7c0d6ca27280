//! Loops that exit on data, translated with their body twice (Cortex-M).
//!
//! `while (p[i] < pivot) i++` has no trip count: versioning.rs cannot
//! bound it and LLVM will not unroll it, so each iteration pays its own
//! bounds check, two Thumb-2 instructions against a body of five. Such a
//! loop — innermost, small, ending in `br_if 0` — is translated as
//!
//! ```text
//! loop:  body  br_if cond -> again, else -> exit
//! again: body  br_if cond -> loop,  else -> exit
//! exit:  end
//! ```
//!
//! Both copies are the wasm body, and a branch back to the loop's start
//! from either lands on a copy of that start, so behaviour (traps
//! included) is unchanged. What changes is that one pass through the
//! loop makes two iterations, and the second's accesses are the first's
//! plus a constant: grouped.rs then checks them together, once per two
//! iterations. Loops without memory accesses are left alone (nothing to
//! share), as are large ones (flash).

use super::func::FuncTranslator;
use super::versioning::Op;
use crate::error::Result;
use wasmparser::{BlockType, Operator};

/// Longest loop body (operators) worth duplicating.
const MAX_BODY: usize = 40;
/// Copies of the body. sort's scans run 2-3 iterations per entry: three
/// or four copies cost more at the exits than they save (sort 2.66 M
/// instructions with two, 3.3 M with three).
const COPIES: usize = 2;

/// The index of the `end` of the loop opening at `ops[i]`, if it has the
/// shape above: empty block type, no nested loop, no call or division,
/// at least one memory access, and `br_if 0` just before its `end`.
pub fn plan(ops: &[Op], i: usize) -> Option<usize> {
    use Operator::*;
    if !matches!(ops[i].0, Loop { blockty: BlockType::Empty }) {
        return None;
    }
    let mut depth = 0usize;
    let mut accesses = false;
    for (j, (op, _)) in ops.iter().enumerate().skip(i + 1).take(MAX_BODY + 1) {
        match op {
            Loop { .. } => return None,
            Block { .. } | If { .. } => depth += 1,
            End if depth == 0 => {
                let last_is_continue = matches!(ops[j - 1].0, BrIf { relative_depth: 0 });
                return (accesses && last_is_continue && j > i + 1).then_some(j);
            }
            End => depth -= 1,
            I32Load { .. } | I32Store { .. } | I64Load { .. } | I64Store { .. } => accesses = true,
            I32Load8S { .. } | I32Load8U { .. } | I32Load16S { .. } | I32Load16U { .. } => accesses = true,
            I32Store8 { .. } | I32Store16 { .. } | F32Load { .. } | F64Load { .. } => accesses = true,
            // Two copies of a division are one by the square (n / 10 / 10
            // = n / 100), which Cortex-M's i64 division by a constant
            // turns into a call of libgcc's 700-byte __udivmoddi4; calls
            // gain nothing from a shared check and cost flash.
            I32DivS | I32DivU | I32RemS | I32RemU | I64DivS | I64DivU | I64RemS | I64RemU => return None,
            Call { .. } | CallIndirect { .. } => return None,
            _ => {}
        }
    }
    None
}

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Translate `ops[start..=end]` (a loop `plan` accepted) with its body
    /// twice.
    pub fn unrolled_loop(&mut self, ops: &[Op], start: usize, end: usize) -> Result<()> {
        self.one_op(ops, start, None)?;
        for j in start + 1..end - 1 {
            self.one_op(ops, j, None)?;
        }
        if self.dead {
            // The body never reaches its last branch: nothing to repeat.
            self.one_op(ops, end - 1, None)?;
            return self.one_op(ops, end, None);
        }
        // The first copies' `br_if 0`: on to the next copy, else out.
        let exit = self.m.cx.append_basic_block(self.func, "exit");
        for k in 1..COPIES {
            self.offset = ops[end - 1].1;
            let cond = self.pop_int()?;
            let again = self.m.cx.append_basic_block(self.func, "again");
            let c = self.truthy(cond)?;
            self.b.build_conditional_branch(c, again, exit)?;
            self.b.position_at_end(again);
            let last = if k + 1 == COPIES { end } else { end - 1 };
            for j in start + 1..last {
                self.one_op(ops, j, None)?;
            }
            if self.dead {
                break;
            }
        }
        if !self.dead {
            self.b.build_unconditional_branch(exit)?;
        }
        self.b.position_at_end(exit);
        self.dead = false;
        self.dead_depth = 0;
        self.one_op(ops, end, None)
    }
}
