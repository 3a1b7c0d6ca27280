//! Linear-memory instructions. Every access passes its index (widened to
//! 64 bits) and static offset to the strategy's C function for the host
//! address; LTO inlines that, so an access becomes a plain load or store. Accesses carry the "wasm
//! linear memory" TBAA tag, distinct from instance state.

use super::func::FuncTranslator;
use crate::abi::symbols;
use crate::error::Result;
use inkwell::types::BasicTypeEnum;
use inkwell::values::BasicValue;
use inkwell::values::{BasicValueEnum, IntValue, PointerValue};
use inkwell::values::{InstructionOpcode, InstructionValue};
use wasmparser::MemArg;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Host address of a `size`-byte access at `index + memarg.offset`.
    pub(super) fn address(
        &mut self,
        index: IntValue<'ctx>,
        offset: u64,
        size: u32,
    ) -> Result<PointerValue<'ctx>> {
        if self.m.opts.strategy.uses_segment_base() {
            return self.segment_address(index, offset, size);
        }
        let (base, mem_size) = self.memory()?;
        let i64t = self.m.cx.i64_type();
        // Zero-extended here; under a mirrored strategy mirror.rs later
        // turns zext(a + b) into zext(a) + zext(b).
        let idx = self.b.build_int_z_extend(index, i64t, "idx")?;
        let f = self.m.addr_fn();
        let size_v = self.m.cx.i32_type().const_int(size as u64, false);
        let off = i64t.const_int(offset, false);
        let args = [self.vmctx.into(), base.into(), mem_size.into(), idx.into(), off.into(), size_v.into()];
        let p = self.b.build_call(f, &args, "")?.try_as_basic_value().basic();
        Ok(p.ok_or_else(|| self.err("address function returned void"))?.into_pointer_value())
    }

    /// A load of `bytes` bytes into `ty`; `extend` says how a narrow load
    /// widens (Some(true) signed, Some(false) unsigned).
    pub fn load(
        &mut self,
        memarg: MemArg,
        ty: BasicTypeEnum<'ctx>,
        bytes: u32,
        extend: Option<bool>,
    ) -> Result<()> {
        let index = self.pop_int()?;
        let p = self.address(index, memarg.offset, bytes)?;
        let load_ty: BasicTypeEnum = match extend {
            Some(_) => self.m.int_type(bytes * 8).into(),
            None => ty,
        };
        let v = self.b.build_load(load_ty, p, "")?;
        self.finish_access(v)?;
        let v = match extend {
            Some(true) => self.b.build_int_s_extend(v.into_int_value(), ty.into_int_type(), "")?.into(),
            Some(false) => self.b.build_int_z_extend(v.into_int_value(), ty.into_int_type(), "")?.into(),
            None => v,
        };
        self.push(v);
        Ok(())
    }

    /// A store of the low `bytes` bytes of the top value.
    pub fn store(&mut self, memarg: MemArg, bytes: u32) -> Result<()> {
        let v = self.pop()?;
        let index = self.pop_int()?;
        let p = self.address(index, memarg.offset, bytes)?;
        let v: BasicValueEnum = match v {
            BasicValueEnum::IntValue(i) if i.get_type().get_bit_width() > bytes * 8 => {
                let narrow = self.m.int_type(bytes * 8);
                self.b.build_int_truncate(i, narrow, "")?.into()
            }
            other => other,
        };
        let st = self.b.build_store(p, v)?;
        st.set_alignment(1).map_err(|_| self.err("alignment"))?;
        self.tag(st, self.m.tbaa.memory)
    }

    /// Alignment 1 (wasm alignment is only a hint) and the memory tag.
    fn finish_access(&self, v: BasicValueEnum<'ctx>) -> Result<()> {
        let inst = v.as_instruction_value().ok_or_else(|| self.err("load"))?;
        inst.set_alignment(1).map_err(|_| self.err("alignment"))?;
        self.tag(inst, self.m.tbaa.memory)
    }

    /// `drop`. A load whose value is dropped must still trap when out of
    /// bounds, but LLVM deletes unused loads, and with guard pages the
    /// fault is the only check: such a load becomes volatile.
    pub fn op_drop(&mut self) -> Result<()> {
        let v = self.pop()?;
        let mut inst = v.as_instruction_value();
        if let Some(i) =
            inst.filter(|i| matches!(i.get_opcode(), InstructionOpcode::SExt | InstructionOpcode::ZExt))
        {
            inst = i.get_operand(0).and_then(|o| o.value()).and_then(|o| o.as_instruction_value());
        }
        let is_memory_load = |i: &InstructionValue| {
            i.get_opcode() == InstructionOpcode::Load
                && i.get_metadata(self.m.tbaa.kind) == Some(self.m.tbaa.memory)
        };
        if let Some(load) = inst.filter(is_memory_load) {
            load.set_volatile(true).map_err(|_| self.err("volatile load"))?;
        }
        Ok(())
    }

    pub fn op_memory_size(&mut self) -> Result<()> {
        let l = self.m.layout;
        let mem = self.vmctx_ptr(l.vmctx_memory())?;
        let size = self.load_at(mem, l.memory_size(), self.m.cx.i64_type().into(), false)?;
        let pages = self.b.build_right_shift(
            size.into_int_value(),
            self.m.cx.i64_type().const_int(16, false),
            false,
            "",
        )?;
        let v = self.b.build_int_truncate(pages, self.m.cx.i32_type(), "")?;
        self.push(v);
        Ok(())
    }

    /// Call a runtime function that returns a value.
    pub fn call_runtime(
        &mut self,
        rf: &symbols::RuntimeFn,
        args: &[inkwell::values::BasicMetadataValueEnum<'ctx>],
    ) -> Result<Option<BasicValueEnum<'ctx>>> {
        let f = self.m.runtime_fn(rf);
        Ok(self.b.build_call(f, args, "")?.try_as_basic_value().basic())
    }

    pub fn op_memory_grow(&mut self) -> Result<()> {
        let delta = self.pop_int()?;
        let r = self.call_runtime(&symbols::MEMORY_GROW, &[self.vmctx.into(), delta.into()])?;
        self.memory_changed()?;
        self.push(r.ok_or_else(|| self.err("memory.grow"))?);
        Ok(())
    }

    /// `memory.init`: a dropped segment behaves as an empty one.
    pub fn op_memory_init(&mut self, seg: u32) -> Result<()> {
        let n = self.pop_int()?;
        let src = self.pop_int()?;
        let dst = self.pop_int()?;
        let (data, len) = self.data_segment(seg)?;
        let dropped = self.segment_dropped(self.m.layout.vmctx_data_dropped(), seg)?;
        let i32t = self.m.cx.i32_type();
        let len = self.b.build_select(dropped, i32t.const_zero(), i32t.const_int(len as u64, false), "")?;
        let args = [self.vmctx.into(), data.into(), len.into(), dst.into(), src.into(), n.into()];
        self.call_runtime(&symbols::MEMORY_INIT, &args)?;
        Ok(())
    }

    /// Whether segment `seg` in the flag array at vmctx `field` is dropped.
    pub fn segment_dropped(&mut self, field: u32, seg: u32) -> Result<IntValue<'ctx>> {
        self.m.note_dropped_read();
        let flags = self.vmctx_ptr(field)?;
        let flag = self.load_at(flags, seg, self.m.cx.i8_type().into(), false)?;
        let zero = self.m.cx.i8_type().const_zero();
        Ok(self.b.build_int_compare(inkwell::IntPredicate::NE, flag.into_int_value(), zero, "")?)
    }

    /// Mark segment `seg` dropped.
    pub fn drop_segment(&mut self, field: u32, seg: u32) -> Result<()> {
        let flags = self.vmctx_ptr(field)?;
        let p = self.byte_gep(flags, self.m.cx.i32_type().const_int(seg as u64, false))?;
        let st = self.b.build_store(p, self.m.cx.i8_type().const_int(1, false))?;
        self.tag(st, self.m.tbaa.vmctx)
    }

    pub fn op_data_drop(&mut self, seg: u32) -> Result<()> {
        self.drop_segment(self.m.layout.vmctx_data_dropped(), seg)
    }

    /// The constant global holding data segment `seg`, and its length.
    pub fn data_segment(&self, seg: u32) -> Result<(PointerValue<'ctx>, u32)> {
        let name = format!("wasm_data{seg}");
        let bytes = self.m.info.data[seg as usize].bytes;
        let g = match self.m.module.get_global(&name) {
            Some(g) => g,
            None => {
                let init = self.m.cx.const_string(bytes, false);
                let g = self.m.module.add_global(init.get_type(), None, &name);
                g.set_initializer(&init);
                g.set_constant(true);
                g.set_linkage(inkwell::module::Linkage::Private);
                g
            }
        };
        Ok((g.as_pointer_value(), bytes.len() as u32))
    }

    pub fn op_memory_copy(&mut self) -> Result<()> {
        let n = self.pop_int()?;
        let src = self.pop_int()?;
        let dst = self.pop_int()?;
        let args = [self.vmctx.into(), dst.into(), src.into(), n.into()];
        self.call_runtime(&symbols::MEMORY_COPY, &args)?;
        Ok(())
    }

    pub fn op_memory_fill(&mut self) -> Result<()> {
        let n = self.pop_int()?;
        let val = self.pop_int()?;
        let dst = self.pop_int()?;
        let args = [self.vmctx.into(), dst.into(), val.into(), n.into()];
        self.call_runtime(&symbols::MEMORY_FILL, &args)?;
        Ok(())
    }
}
