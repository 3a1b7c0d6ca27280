//! The dispatcher: decodes an operator and hands it to its family. It
//! also skips code no path reaches (after br, return, unreachable),
//! tracking only the nesting needed to find the matching else/end.

use super::func::FuncTranslator;
use crate::error::Result;
use inkwell::{FloatPredicate as F, IntPredicate as I};
use wasmparser::Operator;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Translate one operator.
    pub fn op(&mut self, op: Operator) -> Result<()> {
        use Operator::*;
        if self.dead {
            match op {
                Block { .. } | Loop { .. } | If { .. } => self.dead_depth += 1,
                Else if self.dead_depth == 0 => self.op_else()?,
                End if self.dead_depth == 0 => self.op_end()?,
                End => self.dead_depth -= 1,
                _ => {}
            }
            return Ok(());
        }
        let i32t = self.m.cx.i32_type();
        let i64t = self.m.cx.i64_type();
        match op {
            // ---- control ----
            Unreachable => self.trap(crate::abi::traps::TrapCode::Unreachable)?,
            Nop => {}
            Block { blockty } => self.op_block(blockty)?,
            Loop { blockty } => self.op_loop(blockty)?,
            If { blockty } => self.op_if(blockty)?,
            Else => self.op_else()?,
            End => self.op_end()?,
            Br { relative_depth } => self.op_br(relative_depth)?,
            BrIf { relative_depth } => self.op_br_if(relative_depth)?,
            BrTable { targets } => {
                let mut depths = Vec::with_capacity(targets.len() as usize);
                for t in targets.targets() {
                    depths.push(t?);
                }
                self.op_br_table(&depths, targets.default())?
            }
            Return => self.op_br(self.frames.len() as u32 - 1)?,
            Call { function_index } => self.op_call(function_index)?,
            CallIndirect { type_index, table_index } => self.op_call_indirect(type_index, table_index)?,
            Drop => {
                self.keep_dropped_simd_load()?;
                self.op_drop()?
            }
            Select | TypedSelect { .. } => self.op_select()?,
            // ---- variables ----
            LocalGet { local_index } => self.op_local_get(local_index)?,
            LocalSet { local_index } => self.op_local_set(local_index, false)?,
            LocalTee { local_index } => self.op_local_set(local_index, true)?,
            GlobalGet { global_index } => self.op_global_get(global_index)?,
            GlobalSet { global_index } => self.op_global_set(global_index)?,
            // ---- memory ----
            I32Load { memarg } => self.load(memarg, i32t.into(), 4, None)?,
            I64Load { memarg } => self.load(memarg, i64t.into(), 8, None)?,
            F32Load { memarg } => self.load(memarg, self.m.cx.f32_type().into(), 4, None)?,
            F64Load { memarg } => self.load(memarg, self.m.cx.f64_type().into(), 8, None)?,
            I32Load8S { memarg } => self.load(memarg, i32t.into(), 1, Some(true))?,
            I32Load8U { memarg } => self.load(memarg, i32t.into(), 1, Some(false))?,
            I32Load16S { memarg } => self.load(memarg, i32t.into(), 2, Some(true))?,
            I32Load16U { memarg } => self.load(memarg, i32t.into(), 2, Some(false))?,
            I64Load8S { memarg } => self.load(memarg, i64t.into(), 1, Some(true))?,
            I64Load8U { memarg } => self.load(memarg, i64t.into(), 1, Some(false))?,
            I64Load16S { memarg } => self.load(memarg, i64t.into(), 2, Some(true))?,
            I64Load16U { memarg } => self.load(memarg, i64t.into(), 2, Some(false))?,
            I64Load32S { memarg } => self.load(memarg, i64t.into(), 4, Some(true))?,
            I64Load32U { memarg } => self.load(memarg, i64t.into(), 4, Some(false))?,
            I32Store { memarg } | F32Store { memarg } => self.store(memarg, 4)?,
            I64Store { memarg } | F64Store { memarg } => self.store(memarg, 8)?,
            I32Store8 { memarg } | I64Store8 { memarg } => self.store(memarg, 1)?,
            I32Store16 { memarg } | I64Store16 { memarg } => self.store(memarg, 2)?,
            I64Store32 { memarg } => self.store(memarg, 4)?,
            MemorySize { .. } => self.op_memory_size()?,
            MemoryGrow { .. } => self.op_memory_grow()?,
            MemoryInit { data_index, .. } => self.op_memory_init(data_index)?,
            DataDrop { data_index } => self.op_data_drop(data_index)?,
            MemoryCopy { .. } => self.op_memory_copy()?,
            MemoryFill { .. } => self.op_memory_fill()?,
            // ---- constants ----
            I32Const { value } => self.push(i32t.const_int(value as u32 as u64, false)),
            I64Const { value } => self.push(i64t.const_int(value as u64, false)),
            F32Const { value } => self.push_f32_bits(value.bits())?,
            F64Const { value } => self.push_f64_bits(value.bits())?,
            // ---- integer comparison ----
            I32Eqz | I64Eqz => self.op_eqz()?,
            I32Eq | I64Eq => self.icmp(I::EQ)?,
            I32Ne | I64Ne => self.icmp(I::NE)?,
            I32LtS | I64LtS => self.icmp(I::SLT)?,
            I32LtU | I64LtU => self.icmp(I::ULT)?,
            I32GtS | I64GtS => self.icmp(I::SGT)?,
            I32GtU | I64GtU => self.icmp(I::UGT)?,
            I32LeS | I64LeS => self.icmp(I::SLE)?,
            I32LeU | I64LeU => self.icmp(I::ULE)?,
            I32GeS | I64GeS => self.icmp(I::SGE)?,
            I32GeU | I64GeU => self.icmp(I::UGE)?,
            // ---- float comparison ----
            F32Eq | F64Eq => self.fcmp(F::OEQ)?,
            F32Ne | F64Ne => self.fcmp(F::UNE)?,
            F32Lt | F64Lt => self.fcmp(F::OLT)?,
            F32Gt | F64Gt => self.fcmp(F::OGT)?,
            F32Le | F64Le => self.fcmp(F::OLE)?,
            F32Ge | F64Ge => self.fcmp(F::OGE)?,
            // ---- integer arithmetic ----
            I32Clz | I64Clz => self.int_unary_intrinsic("llvm.ctlz", true)?,
            I32Ctz | I64Ctz => self.int_unary_intrinsic("llvm.cttz", true)?,
            I32Popcnt | I64Popcnt => self.int_unary_intrinsic("llvm.ctpop", false)?,
            I32Add | I64Add => self.int_binop(|b, x, y| b.build_int_add(x, y, ""))?,
            I32Sub | I64Sub => self.int_binop(|b, x, y| b.build_int_sub(x, y, ""))?,
            I32Mul | I64Mul => self.int_binop(|b, x, y| b.build_int_mul(x, y, ""))?,
            I32And | I64And => self.int_binop(|b, x, y| b.build_and(x, y, ""))?,
            I32Or | I64Or => self.int_binop(|b, x, y| b.build_or(x, y, ""))?,
            I32Xor | I64Xor => self.int_binop(|b, x, y| b.build_xor(x, y, ""))?,
            I32DivS | I64DivS => self.op_div(true)?,
            I32DivU | I64DivU => self.op_div(false)?,
            I32RemS | I64RemS => self.op_rem(true)?,
            I32RemU | I64RemU => self.op_rem(false)?,
            I32Shl | I64Shl => self.op_shift(|b, x, y| b.build_left_shift(x, y, ""))?,
            I32ShrS | I64ShrS => self.op_shift(|b, x, y| b.build_right_shift(x, y, true, ""))?,
            I32ShrU | I64ShrU => self.op_shift(|b, x, y| b.build_right_shift(x, y, false, ""))?,
            I32Rotl | I64Rotl => self.op_rotate("llvm.fshl")?,
            I32Rotr | I64Rotr => self.op_rotate("llvm.fshr")?,
            I32Extend8S => self.op_extend_in_place(8)?,
            I32Extend16S => self.op_extend_in_place(16)?,
            I64Extend8S => self.op_extend_in_place(8)?,
            I64Extend16S => self.op_extend_in_place(16)?,
            I64Extend32S => self.op_extend_in_place(32)?,
            // ---- float arithmetic ----
            F32Abs | F64Abs => self.float_unary_intrinsic("llvm.fabs")?,
            F32Neg | F64Neg => {
                let x = self.pop_float()?;
                let v = self.b.build_float_neg(x, "")?;
                self.push(v)
            }
            F32Ceil | F64Ceil => self.float_unary_intrinsic("llvm.ceil")?,
            F32Floor | F64Floor => self.float_unary_intrinsic("llvm.floor")?,
            F32Trunc | F64Trunc => self.float_unary_intrinsic("llvm.trunc")?,
            F32Nearest | F64Nearest => self.float_unary_intrinsic("llvm.roundeven")?,
            F32Sqrt | F64Sqrt => self.float_unary_intrinsic("llvm.sqrt")?,
            F32Add | F64Add => self.float_binop(|b, x, y| b.build_float_add(x, y, ""))?,
            F32Sub | F64Sub => self.float_binop(|b, x, y| b.build_float_sub(x, y, ""))?,
            F32Mul | F64Mul => self.float_binop(|b, x, y| b.build_float_mul(x, y, ""))?,
            F32Div | F64Div => self.float_binop(|b, x, y| b.build_float_div(x, y, ""))?,
            F32Min | F64Min => self.op_min_max("llvm.minimum")?,
            F32Max | F64Max => self.op_min_max("llvm.maximum")?,
            F32Copysign | F64Copysign => self.float_binary_intrinsic("llvm.copysign")?,
            // ---- conversions ----
            I32WrapI64 => self.op_wrap()?,
            I64ExtendI32S => self.op_extend(true)?,
            I64ExtendI32U => self.op_extend(false)?,
            I32TruncF32S | I32TruncF64S => self.op_trunc(i32t, true)?,
            I32TruncF32U | I32TruncF64U => self.op_trunc(i32t, false)?,
            I64TruncF32S | I64TruncF64S => self.op_trunc(i64t, true)?,
            I64TruncF32U | I64TruncF64U => self.op_trunc(i64t, false)?,
            I32TruncSatF32S | I32TruncSatF64S => self.op_trunc_sat(i32t, true)?,
            I32TruncSatF32U | I32TruncSatF64U => self.op_trunc_sat(i32t, false)?,
            I64TruncSatF32S | I64TruncSatF64S => self.op_trunc_sat(i64t, true)?,
            I64TruncSatF32U | I64TruncSatF64U => self.op_trunc_sat(i64t, false)?,
            F32ConvertI32S | F32ConvertI64S => self.op_convert(self.m.cx.f32_type(), true)?,
            F32ConvertI32U | F32ConvertI64U => self.op_convert(self.m.cx.f32_type(), false)?,
            F64ConvertI32S | F64ConvertI64S => self.op_convert(self.m.cx.f64_type(), true)?,
            F64ConvertI32U | F64ConvertI64U => self.op_convert(self.m.cx.f64_type(), false)?,
            F32DemoteF64 => self.op_demote()?,
            F64PromoteF32 => self.op_promote()?,
            I32ReinterpretF32 => self.op_reinterpret(i32t.into())?,
            I64ReinterpretF64 => self.op_reinterpret(i64t.into())?,
            F32ReinterpretI32 => self.op_reinterpret(self.m.cx.f32_type().into())?,
            F64ReinterpretI64 => self.op_reinterpret(self.m.cx.f64_type().into())?,
            // ---- references and tables ----
            RefNull { .. } => self.push(self.m.ptr_type().const_null()),
            RefIsNull => self.op_ref_is_null()?,
            RefFunc { function_index } => self.op_ref_func(function_index)?,
            TableGet { table } => self.op_table_get(table)?,
            TableSet { table } => self.op_table_set(table)?,
            TableSize { table } => self.op_table_size(table)?,
            TableGrow { table } => self.op_table_grow(table)?,
            TableFill { table } => self.op_table_fill(table)?,
            TableCopy { dst_table, src_table } => self.op_table_copy(dst_table, src_table)?,
            TableInit { elem_index, table } => self.op_table_init(elem_index, table)?,
            ElemDrop { elem_index } => self.op_elem_drop(elem_index)?,
            // ---- SIMD128 (simd_dispatch.rs; it refuses anything else) ----
            other => self.simd_op(other)?,
        }
        Ok(())
    }
}
