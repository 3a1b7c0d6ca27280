//! The per-function operator loop: each operator to its family's
//! translator (dispatch.rs), and each loop a planner in loop_plans.rs
//! accepts translated as its plan says: twice behind a counted guard
//! (counted_guard.rs), or with its body twice.

use super::counted_guard;
use super::func::FuncTranslator;
use super::loop_plans::{self, CountedLoop, Limit, LoopPlan, Op};
use crate::error::Result;
use inkwell::values::BasicValue;

/// Copies of an unrolled loop's body. sort's scans run 2-3 iterations per
/// entry: three or four copies cost more at the exits than they save
/// (sort 2.66 M instructions with two, 3.3 M with three).
const UNROLLED_COPIES: usize = 2;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Translate `ops`, the body of the function, following the loop
    /// planners where the options allow them.
    pub fn translate_ops(&mut self, ops: &[Op]) -> Result<()> {
        let (version, unroll) = (self.m.opts.version_loops, self.m.opts.unroll_data_loops);
        let mut i = 0;
        while i < ops.len() {
            let plan = if self.dead { None } else { loop_plans::plan(ops, i, version, unroll) };
            match plan {
                Some(LoopPlan::Counted(p)) => {
                    self.versioned_loop(ops, &p)?;
                    i = p.end + 1;
                }
                Some(LoopPlan::Unrolled(end)) => {
                    self.unrolled_loop(ops, i, end)?;
                    i = end + 1;
                }
                None => {
                    self.one_op(ops, i, None)?;
                    i += 1;
                }
            }
        }
        Ok(())
    }

    /// Translate `ops[i]`; in a counted copy (`plan`), the counter's add
    /// gets nuw nsw and the induction variables' adds nsw.
    fn one_op(&mut self, ops: &[Op], i: usize, plan: Option<&CountedLoop>) -> Result<()> {
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

    /// A counted loop twice: the guard, the counted copy, the general
    /// copy, and the block where both continue.
    fn versioned_loop(&mut self, ops: &[Op], p: &CountedLoop) -> Result<()> {
        let i32t = self.m.cx.i32_type();
        let (slot, _) = self.locals[p.counter as usize];
        let start = self.b.build_load(i32t, slot, "start")?.into_int_value();
        let limit = match p.limit {
            Limit::Local(l) => self.b.build_load(i32t, self.locals[l as usize].0, "limit")?.into_int_value(),
            Limit::Const(c) => i32t.const_int(c as u64, false),
        };
        let ivs: Vec<(u32, i32)> = p.ivs.iter().map(|(q, d, _)| (*q, *d)).collect();
        let (b, locals) = (&self.b, &self.locals);
        let mut load = |q: u32| Ok(b.build_load(i32t, locals[q as usize].0, "")?.into_int_value());
        let ok = counted_guard::build(self.m.cx, b, (start, limit, p.step), &ivs, &mut load)?;
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

    /// Translate `ops[start..=end]` (a loop `loop_plans::unrolled_loop`
    /// accepted) with its body twice.
    fn unrolled_loop(&mut self, ops: &[Op], start: usize, end: usize) -> Result<()> {
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
        for k in 1..UNROLLED_COPIES {
            self.offset = ops[end - 1].1;
            let cond = self.pop_int()?;
            let again = self.m.cx.append_basic_block(self.func, "again");
            let c = self.truthy(cond)?;
            self.b.build_conditional_branch(c, again, exit)?;
            self.b.position_at_end(again);
            let last = if k + 1 == UNROLLED_COPIES { end } else { end - 1 };
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
