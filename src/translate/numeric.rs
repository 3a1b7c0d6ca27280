//! Integer and float arithmetic and comparisons, with wasm semantics
//! where LLVM's differ: trapping division, masked shift counts, NaN- and
//! signed-zero-exact min/max (llvm.minimum/maximum), bitwise abs/neg.

use super::func::FuncTranslator;
use crate::abi::traps::TrapCode;
use crate::error::Result;
use inkwell::builder::{Builder, BuilderError};
use inkwell::intrinsics::Intrinsic;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{AsValueRef, BasicValueEnum, FloatValue, FunctionValue, IntValue};
use inkwell::{FloatPredicate, IntPredicate};

type IntOp<'ctx> =
    fn(&Builder<'ctx>, IntValue<'ctx>, IntValue<'ctx>) -> std::result::Result<IntValue<'ctx>, BuilderError>;
type FloatOp<'ctx> = fn(
    &Builder<'ctx>,
    FloatValue<'ctx>,
    FloatValue<'ctx>,
) -> std::result::Result<FloatValue<'ctx>, BuilderError>;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Declaration of an overloaded intrinsic for `ty`.
    pub fn intrinsic(&self, name: &str, tys: &[BasicTypeEnum<'ctx>]) -> Result<FunctionValue<'ctx>> {
        Intrinsic::find(name)
            .and_then(|i| i.get_declaration(&self.m.module, tys))
            .ok_or_else(|| self.err(&format!("missing intrinsic {name}")))
    }

    /// Call an intrinsic that returns a value.
    pub fn call_intrinsic(
        &self,
        name: &str,
        tys: &[BasicTypeEnum<'ctx>],
        args: &[inkwell::values::BasicMetadataValueEnum<'ctx>],
    ) -> Result<BasicValueEnum<'ctx>> {
        let f = self.intrinsic(name, tys)?;
        self.b
            .build_call(f, args, "")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| self.err("intrinsic returned void"))
    }

    pub fn push_f32_bits(&mut self, bits: u32) -> Result<()> {
        let i = self.m.cx.i32_type().const_int(bits as u64, false);
        let f = self.b.build_bit_cast(i, self.m.cx.f32_type(), "")?;
        self.push(f);
        Ok(())
    }

    pub fn push_f64_bits(&mut self, bits: u64) -> Result<()> {
        let i = self.m.cx.i64_type().const_int(bits, false);
        let f = self.b.build_bit_cast(i, self.m.cx.f64_type(), "")?;
        self.push(f);
        Ok(())
    }

    fn push_bool(&mut self, b: IntValue<'ctx>) -> Result<()> {
        let v = self.b.build_int_z_extend(b, self.m.cx.i32_type(), "")?;
        self.push(v);
        Ok(())
    }

    pub fn op_eqz(&mut self) -> Result<()> {
        let x = self.pop_int()?;
        let c = self.b.build_int_compare(IntPredicate::EQ, x, x.get_type().const_zero(), "")?;
        self.push_bool(c)
    }

    pub fn icmp(&mut self, p: IntPredicate) -> Result<()> {
        let y = self.pop_int()?;
        let x = self.pop_int()?;
        let c = self.b.build_int_compare(p, x, y, "")?;
        self.push_bool(c)
    }

    pub fn fcmp(&mut self, p: FloatPredicate) -> Result<()> {
        let y = self.pop_float()?;
        let x = self.pop_float()?;
        let c = self.b.build_float_compare(p, x, y, "")?;
        self.push_bool(c)
    }

    pub fn int_binop(&mut self, f: IntOp<'ctx>) -> Result<()> {
        let y = self.pop_int()?;
        let x = self.pop_int()?;
        let v = f(&self.b, x, y)?;
        self.push(v);
        Ok(())
    }

    /// add, sub, mul, div. LLVM folds `x - 0.0`, `x * 1.0`, `x / -1.0`,
    /// `-0.0 - x` and the like to `x` or `-x`, which passes a signaling NaN
    /// through where wasm requires an arithmetic (quiet) NaN; with such a
    /// constant operand the result is quieted explicitly.
    pub fn float_binop(&mut self, f: FloatOp<'ctx>) -> Result<()> {
        let y = self.pop_float()?;
        let x = self.pop_float()?;
        let v = f(&self.b, x, y)?;
        let v = if is_identity_constant(x) || is_identity_constant(y) { self.quiet_nan(v)? } else { v };
        self.push(v);
        Ok(())
    }

    /// min/max: llvm.minimum/maximum return a NaN operand as it is, so a
    /// signaling NaN is quieted.
    pub fn op_min_max(&mut self, name: &str) -> Result<()> {
        let y = self.pop_float()?;
        let x = self.pop_float()?;
        let v = self.call_intrinsic(name, &[x.get_type().into()], &[x.into(), y.into()])?.into_float_value();
        let v = self.quiet_nan(v)?;
        self.push(v);
        Ok(())
    }

    /// `v` with the quiet bit set if it is a NaN (integer ops, which LLVM
    /// does not fold away like a float identity).
    pub fn quiet_nan(&mut self, v: FloatValue<'ctx>) -> Result<FloatValue<'ctx>> {
        let is_f32 = v.get_type() == self.m.cx.f32_type();
        let (it, quiet_bit) =
            if is_f32 { (self.m.cx.i32_type(), 1u64 << 22) } else { (self.m.cx.i64_type(), 1u64 << 51) };
        let bits = self.b.build_bit_cast(v, it, "")?.into_int_value();
        let quieted = self.b.build_or(bits, it.const_int(quiet_bit, false), "")?;
        let quieted = self.b.build_bit_cast(quieted, v.get_type(), "")?.into_float_value();
        let is_nan = self.b.build_float_compare(FloatPredicate::UNO, v, v, "")?;
        Ok(self.b.build_select(is_nan, quieted, v, "")?.into_float_value())
    }

    /// clz/ctz (`zero_poison` argument false: defined at zero) and popcnt.
    pub fn int_unary_intrinsic(&mut self, name: &str, has_flag: bool) -> Result<()> {
        let x = self.pop_int()?;
        let ty = x.get_type();
        let mut args = vec![x.into()];
        if has_flag {
            args.push(self.m.cx.bool_type().const_zero().into());
        }
        let v = self.call_intrinsic(name, &[ty.into()], &args)?;
        self.push(v);
        Ok(())
    }

    pub fn float_unary_intrinsic(&mut self, name: &str) -> Result<()> {
        let x = self.pop_float()?;
        let v = self.call_intrinsic(name, &[x.get_type().into()], &[x.into()])?;
        self.push(v);
        Ok(())
    }

    pub fn float_binary_intrinsic(&mut self, name: &str) -> Result<()> {
        let y = self.pop_float()?;
        let x = self.pop_float()?;
        let v = self.call_intrinsic(name, &[x.get_type().into()], &[x.into(), y.into()])?;
        self.push(v);
        Ok(())
    }

    /// Shift counts are taken modulo the bit width.
    pub fn op_shift(&mut self, f: IntOp<'ctx>) -> Result<()> {
        let y = self.pop_int()?;
        let x = self.pop_int()?;
        let width = x.get_type().get_bit_width() as u64;
        let masked = self.b.build_and(y, x.get_type().const_int(width - 1, false), "")?;
        let v = f(&self.b, x, masked)?;
        self.push(v);
        Ok(())
    }

    /// Rotates are funnel shifts of a value with itself.
    pub fn op_rotate(&mut self, name: &str) -> Result<()> {
        let y = self.pop_int()?;
        let x = self.pop_int()?;
        let v = self.call_intrinsic(name, &[x.get_type().into()], &[x.into(), x.into(), y.into()])?;
        self.push(v);
        Ok(())
    }

    /// Sign-extend the low `bits` of the top value in place (extendN_s).
    pub fn op_extend_in_place(&mut self, bits: u32) -> Result<()> {
        let x = self.pop_int()?;
        let narrow = self.m.int_type(bits);
        let t = self.b.build_int_truncate(x, narrow, "")?;
        let v = self.b.build_int_s_extend(t, x.get_type(), "")?;
        self.push(v);
        Ok(())
    }

    /// div: trap on a zero divisor, and on INT_MIN / -1 when signed.
    pub fn op_div(&mut self, signed: bool) -> Result<()> {
        let y = self.pop_int()?;
        let x = self.pop_int()?;
        let ty = x.get_type();
        let is_zero = self.b.build_int_compare(IntPredicate::EQ, y, ty.const_zero(), "")?;
        self.trap_if(is_zero, TrapCode::IntDivByZero)?;
        let v = if signed {
            let min = ty.const_int(1u64 << (ty.get_bit_width() - 1), false);
            let x_min = self.b.build_int_compare(IntPredicate::EQ, x, min, "")?;
            let y_neg1 = self.b.build_int_compare(IntPredicate::EQ, y, ty.const_all_ones(), "")?;
            let overflow = self.b.build_and(x_min, y_neg1, "")?;
            self.trap_if(overflow, TrapCode::IntOverflow)?;
            self.b.build_int_signed_div(x, y, "")?
        } else {
            self.b.build_int_unsigned_div(x, y, "")?
        };
        self.push(v);
        Ok(())
    }

    /// rem: trap on a zero divisor; INT_MIN rem -1 is 0 (divide by 1 instead).
    pub fn op_rem(&mut self, signed: bool) -> Result<()> {
        let y = self.pop_int()?;
        let x = self.pop_int()?;
        let ty = x.get_type();
        let is_zero = self.b.build_int_compare(IntPredicate::EQ, y, ty.const_zero(), "")?;
        self.trap_if(is_zero, TrapCode::IntDivByZero)?;
        let v = if signed {
            let y_neg1 = self.b.build_int_compare(IntPredicate::EQ, y, ty.const_all_ones(), "")?;
            let safe = self.b.build_select(y_neg1, ty.const_int(1, false), y, "")?.into_int_value();
            self.b.build_int_signed_rem(x, safe, "")?
        } else {
            self.b.build_int_unsigned_rem(x, y, "")?
        };
        self.push(v);
        Ok(())
    }
}

/// Whether `v` is a constant ±0.0 or ±1.0: an operand that lets LLVM fold
/// an arithmetic operation to (the negation of) its other operand. Only a
/// `ConstantFP` has a value to read: the builder folds an out-of-range
/// conversion of a constant (`i32.trunc_f64_u` of -2e9, behind its trap)
/// to `poison`, which is a constant too, and inkwell's `get_constant`
/// reads any constant as a `ConstantFP` (awsm crashed on such a module).
fn is_identity_constant(v: FloatValue) -> bool {
    // SAFETY: LLVMIsAConstantFP only tests the kind of a valid value.
    if unsafe { llvm_sys::core::LLVMIsAConstantFP(v.as_value_ref()) }.is_null() {
        return false;
    }
    match v.get_constant() {
        Some((c, _)) => c == 0.0 || c == 1.0 || c == -1.0,
        None => false,
    }
}
