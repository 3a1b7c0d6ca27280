//! Conversions between numeric types. Trapping float-to-int truncation
//! checks NaN and range explicitly (LLVM's fptosi is UB out of range);
//! the saturating forms use llvm.fpto[su]i.sat, which match wasm exactly.

use super::func::FuncTranslator;
use crate::abi::traps::TrapCode;
use crate::error::Result;
use inkwell::FloatPredicate;
use inkwell::types::{BasicTypeEnum, FloatType, IntType};
use inkwell::values::InstructionOpcode;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    pub fn op_wrap(&mut self) -> Result<()> {
        let x = self.pop_int()?;
        let v = self.b.build_int_truncate(x, self.m.cx.i32_type(), "")?;
        self.push(v);
        Ok(())
    }

    pub fn op_extend(&mut self, signed: bool) -> Result<()> {
        let x = self.pop_int()?;
        let i64t = self.m.cx.i64_type();
        let v = if signed {
            self.b.build_int_s_extend(x, i64t, "")?
        } else {
            self.b.build_int_z_extend(x, i64t, "")?
        };
        self.push(v);
        Ok(())
    }

    /// Exclusive bounds (lo, hi) of inputs whose truncation fits `bits`.
    fn trunc_bounds(bits: u32, signed: bool, is_f32: bool) -> (f64, f64) {
        match (bits, signed, is_f32) {
            (32, true, true) => (-2147483904.0, 2147483648.0),
            (32, true, false) => (-2147483649.0, 2147483648.0),
            (32, false, _) => (-1.0, 4294967296.0),
            (_, true, true) => (-9223373136366403584.0, 9223372036854775808.0),
            (_, true, false) => (-9223372036854777856.0, 9223372036854775808.0),
            (_, false, _) => (-1.0, 18446744073709551616.0),
        }
    }

    pub fn op_trunc(&mut self, to: IntType<'ctx>, signed: bool) -> Result<()> {
        let x = self.pop_float()?;
        let fty = x.get_type();
        if !self.m.opts.fast_unsafe {
            let is_nan = self.b.build_float_compare(FloatPredicate::UNO, x, x, "")?;
            self.trap_if(is_nan, TrapCode::InvalidConversion)?;
            let is_f32 = fty == self.m.cx.f32_type();
            let (lo, hi) = Self::trunc_bounds(to.get_bit_width(), signed, is_f32);
            let below = self.b.build_float_compare(FloatPredicate::OLE, x, fty.const_float(lo), "")?;
            let above = self.b.build_float_compare(FloatPredicate::OGE, x, fty.const_float(hi), "")?;
            let out = self.b.build_or(below, above, "")?;
            self.trap_if(out, TrapCode::IntOverflow)?;
        }
        let v = if signed {
            self.b.build_float_to_signed_int(x, to, "")?
        } else {
            self.b.build_float_to_unsigned_int(x, to, "")?
        };
        self.push(v);
        Ok(())
    }

    pub fn op_trunc_sat(&mut self, to: IntType<'ctx>, signed: bool) -> Result<()> {
        let x = self.pop_float()?;
        let name = if signed { "llvm.fptosi.sat" } else { "llvm.fptoui.sat" };
        let v = self.call_intrinsic(name, &[to.into(), x.get_type().into()], &[x.into()])?;
        self.push(v);
        Ok(())
    }

    pub fn op_convert(&mut self, to: FloatType<'ctx>, signed: bool) -> Result<()> {
        let x = self.pop_int()?;
        let v = if signed {
            self.b.build_signed_int_to_float(x, to, "")?
        } else {
            self.b.build_unsigned_int_to_float(x, to, "")?
        };
        self.push(v);
        Ok(())
    }

    /// demote. LLVM folds demote(promote(x)) to x, which would let a
    /// signaling NaN through unquieted; that pattern is quieted explicitly.
    pub fn op_demote(&mut self) -> Result<()> {
        let x = self.pop_float()?;
        let promoted = x.as_instruction().is_some_and(|i| i.get_opcode() == InstructionOpcode::FPExt);
        let v = self.b.build_float_trunc(x, self.m.cx.f32_type(), "")?;
        let v = if promoted { self.quiet_nan(v)? } else { v };
        self.push(v);
        Ok(())
    }

    pub fn op_promote(&mut self) -> Result<()> {
        let x = self.pop_float()?;
        let v = self.b.build_float_ext(x, self.m.cx.f64_type(), "")?;
        self.push(v);
        Ok(())
    }

    pub fn op_reinterpret(&mut self, to: BasicTypeEnum<'ctx>) -> Result<()> {
        let x = self.pop()?;
        let v = self.b.build_bit_cast(x, to, "")?;
        self.push(v);
        Ok(())
    }
}
