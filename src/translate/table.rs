//! Reference and table instructions. table.get/set/size are inline;
//! grow, fill, copy and init call the runtime.

use super::func::FuncTranslator;
use crate::abi::symbols;
use crate::abi::traps::TrapCode;
use crate::error::Result;
use inkwell::IntPredicate;
use inkwell::values::BasicValue;
use inkwell::values::{IntValue, PointerValue};

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// `ctx->tables[t]`: invariant.
    pub fn table_ptr(&self, t: u32) -> Result<PointerValue<'ctx>> {
        let l = self.m.layout;
        let tables = self.vmctx_ptr(l.vmctx_tables())?;
        Ok(self.load_at(tables, t * l.ptr, self.m.ptr_type().into(), true)?.into_pointer_value())
    }

    /// Address of element `index` of table `tbl` (unchecked); `frozen`:
    /// the table's element array never moves (invariant load).
    pub fn table_elem_ptr(
        &self,
        tbl: PointerValue<'ctx>,
        index: IntValue<'ctx>,
        frozen: bool,
    ) -> Result<PointerValue<'ctx>> {
        let l = self.m.layout;
        let elems =
            self.load_at(tbl, l.table_elems(), self.m.ptr_type().into(), frozen)?.into_pointer_value();
        let idx = self.b.build_int_z_extend(index, self.m.intptr_type(), "")?;
        let scaled = self.b.build_int_mul(idx, self.m.intptr_type().const_int(l.ptr as u64, false), "")?;
        self.byte_gep(elems, scaled)
    }

    /// Element pointer after a bounds check that traps "out of bounds table access".
    fn checked_elem(&mut self, t: u32, index: IntValue<'ctx>) -> Result<PointerValue<'ctx>> {
        let tbl = self.table_ptr(t)?;
        let i32t = self.m.cx.i32_type();
        let size = self.load_at(tbl, self.m.layout.table_size(), i32t.into(), false)?.into_int_value();
        let oob = self.b.build_int_compare(IntPredicate::UGE, index, size, "")?;
        self.trap_if(oob, TrapCode::TableOutOfBounds)?;
        self.table_elem_ptr(tbl, index, false)
    }

    pub fn op_table_get(&mut self, t: u32) -> Result<()> {
        let index = self.pop_int()?;
        let p = self.checked_elem(t, index)?;
        let v = self.b.build_load(self.m.ptr_type(), p, "")?;
        self.tag(v.as_instruction_value().ok_or_else(|| self.err("load"))?, self.m.tbaa.table)?;
        self.push(v);
        Ok(())
    }

    pub fn op_table_set(&mut self, t: u32) -> Result<()> {
        let v = self.pop_ptr()?;
        let index = self.pop_int()?;
        let p = self.checked_elem(t, index)?;
        let st = self.b.build_store(p, v)?;
        self.tag(st, self.m.tbaa.table)
    }

    pub fn op_table_size(&mut self, t: u32) -> Result<()> {
        let tbl = self.table_ptr(t)?;
        let size = self.load_at(tbl, self.m.layout.table_size(), self.m.cx.i32_type().into(), false)?;
        self.push(size);
        Ok(())
    }

    fn table_index(&self, t: u32) -> IntValue<'ctx> {
        self.m.cx.i32_type().const_int(t as u64, false)
    }

    pub fn op_table_grow(&mut self, t: u32) -> Result<()> {
        let delta = self.pop_int()?;
        let init = self.pop_ptr()?;
        let args = [self.vmctx.into(), self.table_index(t).into(), init.into(), delta.into()];
        let r = self.call_runtime(&symbols::TABLE_GROW, &args)?;
        self.push(r.ok_or_else(|| self.err("table.grow"))?);
        Ok(())
    }

    pub fn op_table_fill(&mut self, t: u32) -> Result<()> {
        let n = self.pop_int()?;
        let val = self.pop_ptr()?;
        let dst = self.pop_int()?;
        let args = [self.vmctx.into(), self.table_index(t).into(), dst.into(), val.into(), n.into()];
        self.call_runtime(&symbols::TABLE_FILL, &args)?;
        Ok(())
    }

    pub fn op_table_copy(&mut self, dst_t: u32, src_t: u32) -> Result<()> {
        let n = self.pop_int()?;
        let src = self.pop_int()?;
        let dst = self.pop_int()?;
        let args = [
            self.vmctx.into(),
            self.table_index(dst_t).into(),
            self.table_index(src_t).into(),
            dst.into(),
            src.into(),
            n.into(),
        ];
        self.call_runtime(&symbols::TABLE_COPY, &args)?;
        Ok(())
    }

    /// `table.init`: a dropped segment behaves as an empty one.
    pub fn op_table_init(&mut self, seg: u32, t: u32) -> Result<()> {
        let n = self.pop_int()?;
        let src = self.pop_int()?;
        let dst = self.pop_int()?;
        let (elems, len) = self.m.elem_segment(seg);
        let dropped = self.segment_dropped(self.m.layout.vmctx_elem_dropped(), seg)?;
        let i32t = self.m.cx.i32_type();
        let len = self.b.build_select(dropped, i32t.const_zero(), i32t.const_int(len as u64, false), "")?;
        let args = [
            self.vmctx.into(),
            self.table_index(t).into(),
            elems.into(),
            len.into(),
            dst.into(),
            src.into(),
            n.into(),
        ];
        self.m.note_funcs_read();
        self.call_runtime(&symbols::TABLE_INIT, &args)?;
        Ok(())
    }

    pub fn op_elem_drop(&mut self, seg: u32) -> Result<()> {
        self.drop_segment(self.m.layout.vmctx_elem_dropped(), seg)
    }

    pub fn op_ref_is_null(&mut self) -> Result<()> {
        let r = self.pop_ptr()?;
        let c = self.b.build_is_null(r, "")?;
        let v = self.b.build_int_z_extend(c, self.m.cx.i32_type(), "")?;
        self.push(v);
        Ok(())
    }

    /// `ref.func f` is `&ctx->funcs[f]`.
    pub fn op_ref_func(&mut self, f: u32) -> Result<()> {
        self.m.note_funcs_read();
        let funcs = self.vmctx_ptr(self.m.layout.vmctx_funcs())?;
        let off = self.m.cx.i32_type().const_int((f * self.m.layout.funcref_size()) as u64, false);
        let p = self.byte_gep(funcs, off)?;
        self.push(p);
        Ok(())
    }
}
