//! Counted loops whose trip count LLVM cannot compute, translated twice.
//!
//! clang unrolls wasm loops before awsm sees them (wasm32 has no vector
//! registers, so its vectorizer only interleaves), and the unrolled loop
//! counts a pointer `p` by a step `C` until it equals a limit `L`:
//!
//! ```text
//! loop ... local.get p  i32.const C  i32.add  local.tee p  L  i32.ne  br_if 0  end
//! ```
//!
//! When `p`'s start is only known to be a multiple of C/2 (the remainder
//! iteration clang peeled decides), LLVM cannot rule out `p` stepping
//! over `L` and wrapping around 2^32, so it cannot count the iterations
//! and will not vectorize the loop (correlation, covariance, durbin). Such
//! an innermost loop is translated twice. Before it, a guard tests
//! `start <u L`, `L <=s INT32_MAX` and `(L - start) % C == 0`: then `p`
//! reaches `L` exactly, without wrapping, so in that copy the increment
//! is `add nuw nsw` and the trip count is `(L - start) / C`. Otherwise
//! the second copy runs, translated as written. Both copies are the same
//! wasm code, so behaviour (traps included) is unchanged. The limit may
//! also be pushed first (`L  local.get p  i32.const C  i32.add  local.tee p
//! i32.ne`). A negative step counts down (clang counts from 0 to minus
//! the trip count): the guard is then `L <s start` and `(start - L) % |C|
//! == 0`, and the increment `add nsw`.
//!
//! Other locals the body advances once, by `local.get q  i32.const D
//! i32.add  local.set q` (clang's pointer induction variables), get `add
//! nsw` in the counted copy when the guard also finds `q + D*n` (n the
//! trip count) within i32: then none of q's values wraps, LLVM sees `q`
//! as an affine function of the iteration, and mirror.rs's `sext(q)`
//! stays affine. That needs the loop to run at most n iterations: no
//! other branch in the body may go back to its start.

use super::func::FuncTranslator;
use crate::error::Result;
use inkwell::IntPredicate;
use inkwell::values::BasicValue;
use wasmparser::{BlockType, Operator};

/// Longest loop body (operators) worth duplicating.
const MAX_BODY: usize = 400;

/// An operator and its byte offset in the module.
pub type Op<'a> = (Operator<'a>, u64);

/// A loop that can be versioned.
pub struct Plan {
    /// Index of the `loop` operator and of its `end`.
    start: usize,
    end: usize,
    /// The counter local, its step (non-zero, not i32::MIN), and the limit.
    counter: u32,
    step: i32,
    limit: Limit,
    /// Index of the counter's `i32.add`.
    add: usize,
    /// Induction variables: local, step, index of the `i32.add`.
    ivs: Vec<(u32, i32, usize)>,
}

enum Limit {
    Local(u32),
    Const(u32),
}

/// The plan for the loop opening at `ops[i]`, if it has the shape above:
/// empty block type, no nested loop, the counter and a local limit
/// written nowhere else in the body, a step other than 0 and i32::MIN.
pub fn plan(ops: &[Op], i: usize) -> Option<Plan> {
    use Operator::*;
    if !matches!(ops[i].0, Loop { blockty: BlockType::Empty }) {
        return None;
    }
    let mut depth = 0usize;
    let mut end = None;
    for (j, (op, _)) in ops.iter().enumerate().skip(i + 1).take(MAX_BODY) {
        match op {
            Loop { .. } => return None,
            Block { .. } | If { .. } => depth += 1,
            End if depth == 0 => {
                end = Some(j);
                break;
            }
            End => depth -= 1,
            _ => {}
        }
    }
    let end = end?;
    if end < i + 8 {
        return None;
    }
    let tail: Vec<&Operator> = ops[end - 7..end].iter().map(|(op, _)| op).collect();
    let limit = |lim: &Operator, p: u32| match lim {
        LocalGet { local_index } if *local_index != p => Some(Limit::Local(*local_index)),
        I32Const { value } => Some(Limit::Const(*value as u32)),
        _ => None,
    };
    let (counter, step, limit, add) = match tail[..] {
        [
            LocalGet { local_index: p },
            I32Const { value: c },
            I32Add,
            LocalTee { local_index: q },
            lim,
            I32Ne,
            BrIf { relative_depth: 0 },
        ] if p == q && *c != 0 && *c != i32::MIN => (*p, *c, limit(lim, *p)?, end - 5),
        [
            lim,
            LocalGet { local_index: p },
            I32Const { value: c },
            I32Add,
            LocalTee { local_index: q },
            I32Ne,
            BrIf { relative_depth: 0 },
        ] if p == q && *c != 0 && *c != i32::MIN => (*p, *c, limit(lim, *p)?, end - 4),
        _ => return None,
    };
    let body = &ops[i + 1..end];
    let writes = |l: u32| {
        body.iter()
            .filter(|(op, _)| matches!(op, LocalSet { local_index } | LocalTee { local_index } if *local_index == l))
            .count()
    };
    if writes(counter) != 1 {
        return None;
    }
    if let Limit::Local(l) = limit
        && writes(l) != 0
    {
        return None;
    }
    let ivs = if restarts(body) { Vec::new() } else { induction_variables(body, i + 1, counter, &writes) };
    Some(Plan { start: i, end, counter, step, limit, add, ivs })
}

/// Whether a branch in `body` (a loop's operators without its `end`)
/// other than the last goes back to the loop's start.
fn restarts(body: &[Op]) -> bool {
    use Operator::*;
    let mut depth = 0u32;
    for (op, _) in &body[..body.len() - 1] {
        match op {
            Block { .. } | If { .. } | Loop { .. } => depth += 1,
            End => depth = depth.saturating_sub(1),
            Br { relative_depth } | BrIf { relative_depth } if *relative_depth == depth => return true,
            BrTable { targets }
                if targets.default() == depth || targets.targets().any(|t| t.is_ok_and(|t| t == depth)) =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Locals other than the counter written once in `body` (starting at
/// operator `first`), by `local.get q  i32.const D  i32.add  local.set|tee q`.
fn induction_variables(
    body: &[Op],
    first: usize,
    counter: u32,
    writes: &dyn Fn(u32) -> usize,
) -> Vec<(u32, i32, usize)> {
    use Operator::*;
    let mut ivs = Vec::new();
    for (j, w) in body.windows(4).enumerate() {
        if let [(LocalGet { local_index: q }, _), (I32Const { value: d }, _), (I32Add, _), (set, _)] = w
            && matches!(set, LocalSet { local_index } | LocalTee { local_index } if local_index == q)
            && *q != counter
            && *d != 0
            && *d != i32::MIN
            && writes(*q) == 1
        {
            ivs.push((*q, *d, first + j + 2));
        }
    }
    ivs
}

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Translate `ops`, versioning the loops `plan` accepts.
    pub fn translate_ops(&mut self, ops: &[Op]) -> Result<()> {
        let mut i = 0;
        while i < ops.len() {
            if !self.dead
                && self.m.opts.version_loops
                && let Some(p) = plan(ops, i)
            {
                self.versioned_loop(ops, &p)?;
                i = p.end + 1;
                continue;
            }
            if !self.dead
                && self.m.opts.unroll_data_loops
                && let Some(end) = super::unroll::plan(ops, i)
            {
                self.unrolled_loop(ops, i, end)?;
                i = end + 1;
                continue;
            }
            self.one_op(ops, i, None)?;
            i += 1;
        }
        Ok(())
    }

    /// Translate `ops[i]`; in a counted copy (`plan`), the counter's add
    /// gets nuw nsw and the induction variables' adds nsw.
    pub(super) fn one_op(&mut self, ops: &[Op], i: usize, plan: Option<&Plan>) -> Result<()> {
        let (op, offset) = &ops[i];
        self.offset = *offset;
        let counter = plan.is_some_and(|p| p.add == i);
        let iv = plan.is_some_and(|p| p.ivs.iter().any(|(_, _, a)| *a == i));
        if (counter || iv) && !self.dead {
            let y = self.pop_int()?;
            let x = self.pop_int()?;
            let up = plan.is_some_and(|p| p.step > 0);
            let v = if counter && up {
                self.b.build_int_nuw_add(x, y, "")?
            } else {
                self.b.build_int_nsw_add(x, y, "")?
            };
            if let Some(inst) = v.as_instruction_value() {
                inst.set_no_signed_wrap_flag(true).map_err(|_| self.err("nsw flag"))?;
            }
            self.push(v);
            return Ok(());
        }
        self.op(op.clone())
    }

    fn versioned_loop(&mut self, ops: &[Op], p: &Plan) -> Result<()> {
        let i32t = self.m.cx.i32_type();
        let i64t = self.m.cx.i64_type();
        let (slot, _) = self.locals[p.counter as usize];
        let start = self.b.build_load(i32t, slot, "start")?.into_int_value();
        let limit = match p.limit {
            Limit::Local(l) => self.b.build_load(i32t, self.locals[l as usize].0, "limit")?.into_int_value(),
            Limit::Const(c) => i32t.const_int(c as u64, false),
        };
        let step = i32t.const_int(p.step.unsigned_abs() as u64, false);
        // Up: start <u L <=s INT32_MAX. Down: L <s start (signed: clang
        // counts down from 0 to minus the count).
        let (towards, dist) = if p.step > 0 {
            let below = self.b.build_int_compare(IntPredicate::ULT, start, limit, "")?;
            let small = self.b.build_int_compare(IntPredicate::SGE, limit, i32t.const_zero(), "")?;
            (self.b.build_and(below, small, "")?, self.b.build_int_sub(limit, start, "")?)
        } else {
            let above = self.b.build_int_compare(IntPredicate::SGT, start, limit, "")?;
            (above, self.b.build_int_sub(start, limit, "")?)
        };
        let rem = self.b.build_int_unsigned_rem(dist, step, "")?;
        let exact = self.b.build_int_compare(IntPredicate::EQ, rem, i32t.const_zero(), "")?;
        let mut ok = self.b.build_and(towards, exact, "counted")?;
        // Each induction variable's last value, q + D*n, within i32 (in
        // i64: n < 2^32 and |D| < 2^31 cannot overflow it).
        if !p.ivs.is_empty() {
            let n =
                self.b.build_int_z_extend(self.b.build_int_unsigned_div(dist, step, "")?, i64t, "trips")?;
            for (q, d, _) in &p.ivs {
                let q0 = self.b.build_load(i32t, self.locals[*q as usize].0, "")?.into_int_value();
                let q0 = self.b.build_int_s_extend(q0, i64t, "")?;
                let d = i64t.const_int(*d as i64 as u64, true);
                let last = self.b.build_int_add(q0, self.b.build_int_mul(n, d, "")?, "")?;
                let narrow = self.b.build_int_truncate(last, i32t, "")?;
                let fits = self.b.build_int_compare(
                    IntPredicate::EQ,
                    self.b.build_int_s_extend(narrow, i64t, "")?,
                    last,
                    "",
                )?;
                ok = self.b.build_and(ok, fits, "counted")?;
            }
        }
        // Marks the guard for hoist.rs, which may add conditions to it.
        if let Some(inst) = ok.as_instruction_value() {
            let kind = self.m.cx.get_kind_id(super::counted_guard::COUNTED_GUARD);
            let node = self.m.cx.metadata_node(&[]);
            inst.set_metadata(node, kind).map_err(|_| self.err("guard metadata"))?;
        }
        let counted = self.m.cx.append_basic_block(self.func, "counted");
        let general = self.m.cx.append_basic_block(self.func, "general");
        let join = self.m.cx.append_basic_block(self.func, "versions");
        self.b.build_conditional_branch(ok, counted, general)?;
        let mut reached = false;
        for (bb, plan) in [(counted, Some(p)), (general, None)] {
            self.b.position_at_end(bb);
            self.dead = false;
            self.dead_depth = 0;
            for i in p.start..=p.end {
                self.one_op(ops, i, plan)?;
            }
            if !self.dead {
                self.b.build_unconditional_branch(join)?;
                reached = true;
            }
        }
        self.b.position_at_end(join);
        self.dead = !reached;
        if !reached {
            self.b.build_unreachable()?;
        }
        Ok(())
    }
}
