//! SIMD128 loads and stores. Each goes through the strategy's address
//! function exactly as a scalar access does (memory.rs `address`, with the
//! access's real width), uses alignment 1 and carries the "wasm linear
//! memory" TBAA tag. Splat, zero-extending and lane variants load or store
//! only their lane's bytes, so their bounds are the lane's, as in wasm.

use super::func::FuncTranslator;
use super::simd::Shape;
use crate::error::Result;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValue, BasicValueEnum, InstructionOpcode, PointerValue};
use wasmparser::MemArg;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Load `ty` (`bytes` wide) from the address on the stack.
    fn v_load(
        &mut self,
        memarg: MemArg,
        ty: BasicTypeEnum<'ctx>,
        bytes: u32,
    ) -> Result<BasicValueEnum<'ctx>> {
        let index = self.pop_int()?;
        let p = self.address(index, memarg.offset, bytes)?;
        let v = self.b.build_load(ty, p, "")?;
        let inst = v.as_instruction_value().ok_or_else(|| self.err("load"))?;
        inst.set_alignment(1).map_err(|_| self.err("alignment"))?;
        self.tag(inst, self.m.tbaa.memory)?;
        Ok(v)
    }

    fn v_store(&self, p: PointerValue<'ctx>, v: BasicValueEnum<'ctx>) -> Result<()> {
        let st = self.b.build_store(p, v)?;
        st.set_alignment(1).map_err(|_| self.err("alignment"))?;
        self.tag(st, self.m.tbaa.memory)
    }

    pub fn op_v128_load(&mut self, memarg: MemArg) -> Result<()> {
        let v = self.v_load(memarg, self.m.v128_type().into(), 16)?;
        self.push(v);
        Ok(())
    }

    /// load8x8, load16x4, load32x2: 8 bytes, each lane extended to `to`.
    pub fn op_v128_load_extend(&mut self, memarg: MemArg, to: Shape, signed: bool) -> Result<()> {
        let narrow = self.m.int_type(to.bits / 2).vec_type(to.lanes);
        let v = self.v_load(memarg, narrow.into(), 8)?.into_vector_value();
        let wide = self.vec_type(to, to.lanes);
        let v = if signed {
            self.b.build_int_s_extend(v, wide, "")?
        } else {
            self.b.build_int_z_extend(v, wide, "")?
        };
        self.push_v(v)
    }

    pub fn op_load_splat(&mut self, memarg: MemArg, s: Shape) -> Result<()> {
        let x = self.v_load(memarg, self.m.int_type(s.bits).into(), s.bits / 8)?;
        let v = self.splat(x, s)?;
        self.push_v(v)
    }

    /// load32_zero, load64_zero: lane 0 loaded, the others zero.
    pub fn op_load_zero(&mut self, memarg: MemArg, s: Shape) -> Result<()> {
        let x = self.v_load(memarg, self.m.int_type(s.bits).into(), s.bits / 8)?;
        let zero = self.vec_type(s, s.lanes).const_zero();
        let v = self.b.build_insert_element(zero, x, self.m.cx.i32_type().const_zero(), "")?;
        self.push_v(v)
    }

    pub fn op_v128_store(&mut self, memarg: MemArg) -> Result<()> {
        let v = self.pop()?;
        let index = self.pop_int()?;
        let p = self.address(index, memarg.offset, 16)?;
        self.v_store(p, v)
    }

    pub fn op_load_lane(&mut self, memarg: MemArg, s: Shape, lane: u8) -> Result<()> {
        let v = self.pop_v(s)?;
        let x = self.v_load(memarg, self.m.int_type(s.bits).into(), s.bits / 8)?;
        let idx = self.m.cx.i32_type().const_int(lane as u64, false);
        let v = self.b.build_insert_element(v, x, idx, "")?;
        self.push_v(v)
    }

    pub fn op_store_lane(&mut self, memarg: MemArg, s: Shape, lane: u8) -> Result<()> {
        let v = self.pop_v(s)?;
        let index = self.pop_int()?;
        let idx = self.m.cx.i32_type().const_int(lane as u64, false);
        let x = self.b.build_extract_element(v, idx, "")?;
        let p = self.address(index, memarg.offset, s.bits / 8)?;
        self.v_store(p, x)
    }

    /// Before `drop`: a SIMD load whose value is dropped must still trap
    /// out of bounds, as memory.rs's `op_drop` ensures for scalar loads by
    /// making them volatile. The SIMD ones sit under the bitcast, extend,
    /// insert or shuffle that shapes their value, which `op_drop` does not
    /// look through; this finds the load under them and does the same.
    pub fn keep_dropped_simd_load(&self) -> Result<()> {
        let Some(BasicValueEnum::VectorValue(v)) = self.stack.last() else { return Ok(()) };
        let mut inst = v.as_instruction_value();
        while let Some(i) = inst {
            let operand = match i.get_opcode() {
                InstructionOpcode::BitCast
                | InstructionOpcode::SExt
                | InstructionOpcode::ZExt
                | InstructionOpcode::ShuffleVector => 0,
                InstructionOpcode::InsertElement => 1,
                InstructionOpcode::Load if i.get_metadata(self.m.tbaa.kind) == Some(self.m.tbaa.memory) => {
                    return i.set_volatile(true).map_err(|_| self.err("volatile load"));
                }
                _ => return Ok(()),
            };
            inst = i.get_operand(operand).and_then(|o| o.value()).and_then(|o| o.as_instruction_value());
        }
        Ok(())
    }
}
