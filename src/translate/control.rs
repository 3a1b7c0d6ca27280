//! Structured control flow: block, loop, if/else, end, br, br_if,
//! br_table, select. Values crossing edges go through the frame's slots.

use super::func::{Frame, FrameKind, FuncTranslator};
use crate::error::Result;
use inkwell::values::{BasicValueEnum, IntValue};
use wasmparser::BlockType;

/// The largest br_table translated to a `switch` with a case per entry;
/// larger ones go through a lookup table (`br_table_lookup`).
const SWITCH_MAX_CASES: usize = 4096;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    fn new_frame(&mut self, kind: FrameKind, bt: BlockType) -> Result<Frame<'ctx>> {
        let (params, results) = self.block_types(bt);
        let pt: Vec<_> = params.iter().map(|t| self.m.val_type(*t)).collect();
        let rt: Vec<_> = results.iter().map(|t| self.m.val_type(*t)).collect();
        let next = self.m.cx.append_basic_block(self.func, "next");
        let end_slots = self.make_slots(&rt)?;
        let (target, branch_slots, branch_types) = if kind == FrameKind::Loop {
            let header = self.m.cx.append_basic_block(self.func, "loop");
            (header, self.make_slots(&pt)?, pt.clone())
        } else {
            (next, end_slots.clone(), rt.clone())
        };
        Ok(Frame {
            kind,
            target,
            next,
            else_bb: None,
            branch_slots,
            branch_types,
            end_slots,
            end_types: rt,
            height: self.stack.len() - params.len(),
            if_params: Vec::new(),
            next_reached: false,
        })
    }

    pub fn op_block(&mut self, bt: BlockType) -> Result<()> {
        let frame = self.new_frame(FrameKind::Block, bt)?;
        self.frames.push(frame);
        Ok(())
    }

    pub fn op_loop(&mut self, bt: BlockType) -> Result<()> {
        let frame = self.new_frame(FrameKind::Loop, bt)?;
        let params = self.pop_n(frame.branch_slots.len())?;
        self.store_slots(&frame.branch_slots, &params)?;
        self.b.build_unconditional_branch(frame.target)?;
        self.b.position_at_end(frame.target);
        self.load_slots(&frame.branch_slots, &frame.branch_types)?;
        self.frames.push(frame);
        Ok(())
    }

    pub fn op_if(&mut self, bt: BlockType) -> Result<()> {
        let cond = self.pop_int()?;
        let mut frame = self.new_frame(FrameKind::If, bt)?;
        let then_bb = self.m.cx.append_basic_block(self.func, "then");
        let else_bb = self.m.cx.append_basic_block(self.func, "else");
        let c = self.truthy(cond)?;
        self.b.build_conditional_branch(c, then_bb, else_bb)?;
        self.b.position_at_end(then_bb);
        frame.else_bb = Some(else_bb);
        frame.if_params = self.stack[frame.height..].to_vec();
        self.frames.push(frame);
        Ok(())
    }

    pub fn op_else(&mut self) -> Result<()> {
        self.fallthrough_to_end()?;
        let err = self.err("else without if");
        let frame = self.frames.last_mut().ok_or(err)?;
        let Some(else_bb) = frame.else_bb.take() else {
            return Err(self.err("else without if"));
        };
        let frame = self.frames.last_mut().ok_or_else(|| crate::error::Error::backend("frame"))?;
        frame.kind = FrameKind::Else;
        let (height, params) = (frame.height, frame.if_params.clone());
        self.stack.truncate(height);
        self.stack.extend(params);
        self.b.position_at_end(else_bb);
        self.dead = false;
        self.dead_depth = 0;
        Ok(())
    }

    /// At else/end of a reachable arm: move results to the end slots.
    fn fallthrough_to_end(&mut self) -> Result<()> {
        if self.dead {
            return Ok(());
        }
        let n = self.frames.last().map(|f| f.end_slots.len()).unwrap_or(0);
        let vals = self.pop_n(n)?;
        let err = self.err("no frame");
        let frame = self.frames.last_mut().ok_or(err)?;
        frame.next_reached = true;
        let (slots, next) = (frame.end_slots.clone(), frame.next);
        self.store_slots(&slots, &vals)?;
        self.b.build_unconditional_branch(next)?;
        Ok(())
    }

    pub fn op_end(&mut self) -> Result<()> {
        self.fallthrough_to_end()?;
        let mut frame = self.frames.pop().ok_or_else(|| self.err("end without block"))?;
        if let Some(else_bb) = frame.else_bb.take() {
            // An if without else passes its parameters through.
            self.b.position_at_end(else_bb);
            self.store_slots(&frame.end_slots, &frame.if_params)?;
            self.b.build_unconditional_branch(frame.next)?;
            frame.next_reached = true;
        }
        self.stack.truncate(frame.height);
        self.b.position_at_end(frame.next);
        self.dead_depth = 0;
        if !frame.next_reached {
            self.b.build_unreachable()?;
            self.dead = true;
            return Ok(());
        }
        self.dead = false;
        if frame.kind == FrameKind::Function {
            return self.build_return(&frame);
        }
        self.load_slots(&frame.end_slots, &frame.end_types)
    }

    fn build_return(&mut self, frame: &Frame<'ctx>) -> Result<()> {
        let vals: Vec<BasicValueEnum> = frame
            .end_slots
            .iter()
            .zip(&frame.end_types)
            .map(|(s, t)| self.b.build_load(*t, *s, ""))
            .collect::<std::result::Result<_, _>>()?;
        match vals.len() {
            0 => self.b.build_return(None)?,
            1 => self.b.build_return(Some(&vals[0]))?,
            _ => self.b.build_aggregate_return(&vals)?,
        };
        self.dead = true;
        Ok(())
    }

    /// Store the values a branch to frame `depth` carries (from the top
    /// of the stack, left in place) into that frame's slots.
    fn store_branch_values(&mut self, depth: u32) -> Result<()> {
        let idx = self.frames.len() - 1 - depth as usize;
        let slots = self.frames[idx].branch_slots.clone();
        let n = slots.len();
        if self.stack.len() < n {
            return Err(self.err("operand stack underflow at branch"));
        }
        let vals = self.stack[self.stack.len() - n..].to_vec();
        self.store_slots(&slots, &vals)?;
        if self.frames[idx].kind != FrameKind::Loop {
            self.frames[idx].next_reached = true;
        }
        Ok(())
    }

    pub fn op_br(&mut self, depth: u32) -> Result<()> {
        self.store_branch_values(depth)?;
        let target = self.frames[self.frames.len() - 1 - depth as usize].target;
        self.b.build_unconditional_branch(target)?;
        self.dead = true;
        Ok(())
    }

    pub fn op_br_if(&mut self, depth: u32) -> Result<()> {
        let cond = self.pop_int()?;
        self.store_branch_values(depth)?;
        let target = self.frames[self.frames.len() - 1 - depth as usize].target;
        let cont = self.m.cx.append_basic_block(self.func, "");
        let c = self.truthy(cond)?;
        self.b.build_conditional_branch(c, target, cont)?;
        self.b.position_at_end(cont);
        Ok(())
    }

    pub fn op_br_table(&mut self, depths: &[u32], default: u32) -> Result<()> {
        let index = self.pop_int()?;
        let mut seen = std::collections::BTreeSet::new();
        for d in depths.iter().chain([&default]) {
            if seen.insert(*d) {
                self.store_branch_values(*d)?;
            }
        }
        if depths.len() > SWITCH_MAX_CASES {
            return self.br_table_lookup(index, depths, default);
        }
        let target = |d: u32| self.frames[self.frames.len() - 1 - d as usize].target;
        let cases: Vec<_> = depths
            .iter()
            .enumerate()
            .map(|(i, d)| (self.m.cx.i32_type().const_int(i as u64, false), target(*d)))
            .collect();
        self.b.build_switch(index, target(default), &cases)?;
        self.dead = true;
        Ok(())
    }

    /// A br_table too big for one `switch` case per entry: LLVM's
    /// LazyValueInfo walks every case of a switch for each query, so a
    /// table of 100,000 entries took minutes at -O2 (doc/limits.md). A
    /// constant array maps the index to its target's ordinal among the
    /// table's distinct targets (the default is 0, as is any index past
    /// the end), and a switch over the ordinals, at most one case per
    /// enclosing block, branches.
    fn br_table_lookup(&mut self, index: IntValue<'ctx>, depths: &[u32], default: u32) -> Result<()> {
        let i32t = self.m.cx.i32_type();
        let mut distinct = vec![default];
        let mut ordinal_of = std::collections::HashMap::from([(default, 0)]);
        let mut ordinals = Vec::with_capacity(depths.len());
        for d in depths {
            let ordinal = *ordinal_of.entry(*d).or_insert_with(|| {
                distinct.push(*d);
                distinct.len() - 1
            });
            ordinals.push(i32t.const_int(ordinal as u64, false));
        }
        let table = i32t.const_array(&ordinals);
        let g = self.m.module.add_global(table.get_type(), None, "br_table");
        g.set_initializer(&table);
        g.set_constant(true);
        g.set_linkage(inkwell::module::Linkage::Private);
        g.set_unnamed_addr(true);
        let len = i32t.const_int(depths.len() as u64, false);
        let in_bounds = self.b.build_int_compare(inkwell::IntPredicate::ULT, index, len, "")?;
        let safe = self.b.build_select(in_bounds, index, i32t.const_zero(), "")?.into_int_value();
        let i64t = self.m.cx.i64_type();
        let at = self.b.build_int_z_extend(safe, i64t, "")?;
        // SAFETY: `at` < the array's length, checked just above.
        let slot = unsafe {
            self.b.build_in_bounds_gep(
                table.get_type(),
                g.as_pointer_value(),
                &[i64t.const_zero(), at],
                "",
            )?
        };
        let ordinal = self.b.build_load(i32t, slot, "")?.into_int_value();
        let ordinal = self.b.build_select(in_bounds, ordinal, i32t.const_zero(), "")?.into_int_value();
        let target = |d: u32| self.frames[self.frames.len() - 1 - d as usize].target;
        let cases: Vec<_> = distinct
            .iter()
            .enumerate()
            .skip(1)
            .map(|(i, d)| (i32t.const_int(i as u64, false), target(*d)))
            .collect();
        self.b.build_switch(ordinal, target(default), &cases)?;
        self.dead = true;
        Ok(())
    }

    pub fn op_select(&mut self) -> Result<()> {
        let cond = self.pop_int()?;
        let y = self.pop()?;
        let x = self.pop()?;
        let c = self.truthy(cond)?;
        let v = self.b.build_select(c, x, y, "")?;
        self.push(v);
        Ok(())
    }

    /// `cond != 0` as an i1.
    pub fn truthy(&self, cond: IntValue<'ctx>) -> Result<IntValue<'ctx>> {
        let zero = cond.get_type().const_zero();
        Ok(self.b.build_int_compare(inkwell::IntPredicate::NE, cond, zero, "")?)
    }

    pub fn store_slots(
        &self,
        slots: &[inkwell::values::PointerValue<'ctx>],
        vals: &[BasicValueEnum<'ctx>],
    ) -> Result<()> {
        for (s, v) in slots.iter().zip(vals) {
            self.b.build_store(*s, *v)?;
        }
        Ok(())
    }

    fn load_slots(
        &mut self,
        slots: &[inkwell::values::PointerValue<'ctx>],
        types: &[inkwell::types::BasicTypeEnum<'ctx>],
    ) -> Result<()> {
        for (s, t) in slots.iter().zip(types) {
            let v = self.b.build_load(*t, *s, "")?;
            self.push(v);
        }
        Ok(())
    }
}
