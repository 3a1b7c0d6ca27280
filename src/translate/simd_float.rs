//! SIMD128 float arithmetic and the conversions between lane shapes, with
//! wasm's semantics rather than the host instruction's: min/max propagate
//! NaN and order -0 below +0 (`llvm.minimum`/`maximum`, a NaN result
//! quieted, as the scalar ones in numeric.rs), pmin/pmax are the plain
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

    /// min/max: `llvm.minimum`/`maximum`, then NaN lanes quieted.
    pub fn op_v_min_max(&mut self, s: Shape, name: &str) -> Result<()> {
        let y = self.pop_v(s)?;
        let x = self.pop_v(s)?;
        let v = self.vec_intrinsic(name, x, &[x, y])?;
        let v = self.quiet_nan_lanes(v, s)?;
        self.push_v(v)
    }

    /// `v` with the quiet bit set in its NaN lanes.
    fn quiet_nan_lanes(&self, v: VectorValue<'ctx>, s: Shape) -> Result<VectorValue<'ctx>> {
        let ints = self.as_shape(v.into(), s.as_int())?;
        let quiet = self.splat_const(s.as_int(), 1u64 << (if s.bits == 32 { 22 } else { 51 }));
        let quieted = self.b.build_or(ints, quiet, "")?;
        let quieted = self.as_shape(quieted.into(), s)?;
        let is_nan = self.b.build_float_compare(FloatPredicate::UNO, v, v, "")?;
        Ok(self.b.build_select(is_nan, quieted, v, "")?.into_vector_value())
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
