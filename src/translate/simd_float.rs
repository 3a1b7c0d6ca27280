//! SIMD128 float arithmetic and the conversions between lane shapes, with
//! wasm's semantics rather than the host instruction's: min/max propagate
//! NaN and order -0 below +0 (not x86's `minps`, which returns its second
//! operand for NaN and for ±0), pmin/pmax are the plain
//! `y < x ? y : x` comparisons the spec defines, nearest is
//! `llvm.roundeven`, float-to-int truncation saturates (`llvm.fpto[su]i.sat`,
//! not x86's `cvttps2dq`, which gives 0x80000000 out of range).

use super::func::FuncTranslator;
use super::simd::{F32X4, F64X2, I32X4, Shape};
use crate::error::Result;
use inkwell::FloatPredicate;
use inkwell::values::VectorValue;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// A lane-wise unary float intrinsic (`llvm.sqrt`, `llvm.ceil`, ...).
    pub fn op_v_funary(&mut self, s: Shape, name: &str) -> Result<()> {
        let x = self.pop_v(s)?;
        let v = self.vec_intrinsic(name, x, &[x])?;
        self.push_v(v)
    }

    pub fn op_v_fneg(&mut self, s: Shape) -> Result<()> {
        let x = self.pop_v(s)?;
        let v = self.b.build_float_neg(x, "")?;
        self.push_v(v)
    }

    /// min/max as compares and selects: NaN (quiet, from `x + y`) if
    /// either lane is NaN, else the smaller (larger) lane, and for equal
    /// lanes the OR (AND) of their bits, which orders -0 below +0. The
    /// vector `llvm.minimum`/`maximum` would do the same on x86 and NEON,
    /// but LLVM 19's Arm backend cannot compile it for Cortex-M.
    pub fn op_v_min_max(&mut self, s: Shape, max: bool) -> Result<()> {
        let y = self.pop_v(s)?;
        let x = self.pop_v(s)?;
        let (before, bits) =
            if max { (FloatPredicate::OGT, s.as_int()) } else { (FloatPredicate::OLT, s.as_int()) };
        let first = self.b.build_float_compare(before, x, y, "")?;
        let pick = self.b.build_select(first, x, y, "")?.into_vector_value();
        let (xi, yi) = (self.as_shape(x.into(), bits)?, self.as_shape(y.into(), bits)?);
        let tie = if max { self.b.build_and(xi, yi, "")? } else { self.b.build_or(xi, yi, "")? };
        let tie = self.as_shape(tie.into(), s)?;
        let eq = self.b.build_float_compare(FloatPredicate::OEQ, x, y, "")?;
        let ordered = self.b.build_select(eq, tie, pick, "")?.into_vector_value();
        let nan = self.b.build_float_add(x, y, "")?;
        let uno = self.b.build_float_compare(FloatPredicate::UNO, x, y, "")?;
        let v = self.b.build_select(uno, nan, ordered, "")?.into_vector_value();
        self.push_v(v)
    }

    /// pmin (`y < x ? y : x`) or pmax (`x < y ? y : x`): NaN and zero
    /// signs follow the comparison, as the spec defines them.
    pub fn op_pmin_pmax(&mut self, s: Shape, max: bool) -> Result<()> {
        let y = self.pop_v(s)?;
        let x = self.pop_v(s)?;
        let take_y = if max {
            self.b.build_float_compare(FloatPredicate::OLT, x, y, "")?
        } else {
            self.b.build_float_compare(FloatPredicate::OLT, y, x, "")?
        };
        let v = self.b.build_select(take_y, y, x, "")?.into_vector_value();
        self.push_v(v)
    }

    /// i32x4.trunc_sat_f32x4_{s,u}: NaN gives 0, out-of-range lanes clamp.
    pub fn op_v_trunc_sat_f32(&mut self, signed: bool) -> Result<()> {
        let x = self.pop_v(F32X4)?;
        let v = self.trunc_sat(x, 4, signed)?;
        self.push_v(v)
    }

    /// i32x4.trunc_sat_f64x2_{s,u}_zero: two lanes, the upper two zero.
    pub fn op_v_trunc_sat_f64(&mut self, signed: bool) -> Result<()> {
        let x = self.pop_v(F64X2)?;
        let v = self.trunc_sat(x, 2, signed)?;
        let v = self.concat(v, v.get_type().const_zero())?;
        self.push_v(v)
    }

    fn trunc_sat(&self, x: VectorValue<'ctx>, lanes: u32, signed: bool) -> Result<VectorValue<'ctx>> {
        let name = if signed { "llvm.fptosi.sat" } else { "llvm.fptoui.sat" };
        let to = self.vec_type(I32X4, lanes);
        Ok(self.call_intrinsic(name, &[to.into(), x.get_type().into()], &[x.into()])?.into_vector_value())
    }

    /// f32x4.convert_i32x4_{s,u}.
    pub fn op_v_convert_i32(&mut self, signed: bool) -> Result<()> {
        let x = self.pop_v(I32X4)?;
        let v = self.int_to_float(x, self.vec_type(F32X4, 4), signed)?;
        self.push_v(v)
    }

    /// f64x2.convert_low_i32x4_{s,u}.
    pub fn op_v_convert_low(&mut self, signed: bool) -> Result<()> {
        let x = self.pop_v(I32X4)?;
        let low = self.lanes_of(x, 0, 2)?;
        let v = self.int_to_float(low, self.vec_type(F64X2, 2), signed)?;
        self.push_v(v)
    }

    fn int_to_float(
        &self,
        x: VectorValue<'ctx>,
        to: inkwell::types::VectorType<'ctx>,
        signed: bool,
    ) -> Result<VectorValue<'ctx>> {
        Ok(if signed {
            self.b.build_signed_int_to_float(x, to, "")?
        } else {
            self.b.build_unsigned_int_to_float(x, to, "")?
        })
    }

    /// f32x4.demote_f64x2_zero.
    pub fn op_v_demote(&mut self) -> Result<()> {
        let x = self.pop_v(F64X2)?;
        let v = self.b.build_float_trunc(x, self.vec_type(F32X4, 2), "")?;
        let v = self.concat(v, v.get_type().const_zero())?;
        self.push_v(v)
    }

    /// f64x2.promote_low_f32x4.
    pub fn op_v_promote(&mut self) -> Result<()> {
        let x = self.pop_v(F32X4)?;
        let low = self.lanes_of(x, 0, 2)?;
        let v = self.b.build_float_ext(low, self.vec_type(F64X2, 2), "")?;
        self.push_v(v)
    }
}
