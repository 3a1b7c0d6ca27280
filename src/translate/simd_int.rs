//! SIMD128 integer arithmetic. Where wasm's semantics are not LLVM's
//! plain vector operation they are spelled out: shift counts are taken
//! modulo the lane width (LLVM's shifts are poison beyond it), narrowing
//! saturates, `avgr_u` rounds up in a wider type, `q15mulr_sat_s`
//! saturates its one overflowing case, abs of the minimum value wraps
//! (`llvm.abs` with `is_int_min_poison = false`).

use super::func::FuncTranslator;
use super::simd::{I8X16, I16X8, I32X4, Shape};
use crate::error::Result;
use inkwell::IntPredicate;
use inkwell::builder::{Builder, BuilderError};
use inkwell::types::VectorType;
use inkwell::values::VectorValue;

pub type VecOp<'ctx> = fn(
    &Builder<'ctx>,
    VectorValue<'ctx>,
    VectorValue<'ctx>,
) -> std::result::Result<VectorValue<'ctx>, BuilderError>;

/// Which shift a shift instruction is.
#[derive(Clone, Copy)]
pub enum Shift {
    Left,
    RightSigned,
    RightUnsigned,
}

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// A lane-wise binary operation LLVM has as an instruction.
    pub fn op_v_binop(&mut self, s: Shape, f: VecOp<'ctx>) -> Result<()> {
        let y = self.pop_v(s)?;
        let x = self.pop_v(s)?;
        let v = f(&self.b, x, y)?;
        self.push_v(v)
    }

    /// A lane-wise binary intrinsic (`llvm.smin`, `llvm.uadd.sat`, ...).
    pub fn op_v_intrinsic2(&mut self, s: Shape, name: &str) -> Result<()> {
        let y = self.pop_v(s)?;
        let x = self.pop_v(s)?;
        let v = self.vec_intrinsic(name, x, &[x, y])?;
        self.push_v(v)
    }

    /// Call an intrinsic overloaded on the type of `like`.
    pub fn vec_intrinsic(
        &self,
        name: &str,
        like: VectorValue<'ctx>,
        args: &[VectorValue<'ctx>],
    ) -> Result<VectorValue<'ctx>> {
        let args: Vec<_> = args.iter().map(|a| (*a).into()).collect();
        Ok(self.call_intrinsic(name, &[like.get_type().into()], &args)?.into_vector_value())
    }

    pub fn op_v_neg(&mut self, s: Shape) -> Result<()> {
        let x = self.pop_v(s)?;
        let v = self.b.build_int_neg(x, "")?;
        self.push_v(v)
    }

    pub fn op_v_abs(&mut self, s: Shape) -> Result<()> {
        let x = self.pop_v(s)?;
        let no_poison = self.m.cx.bool_type().const_zero();
        let f = self.intrinsic("llvm.abs", &[x.get_type().into()])?;
        let v = self.b.build_call(f, &[x.into(), no_poison.into()], "")?.try_as_basic_value().basic();
        let v = v.ok_or_else(|| self.err("llvm.abs"))?.into_vector_value();
        self.push_v(v)
    }

    pub fn op_popcnt(&mut self) -> Result<()> {
        let x = self.pop_v(I8X16)?;
        let v = self.vec_intrinsic("llvm.ctpop", x, &[x])?;
        self.push_v(v)
    }

    /// avgr_u: `(x + y + 1) / 2` without overflow, in lanes twice as wide.
    pub fn op_avgr_u(&mut self, s: Shape) -> Result<()> {
        let y = self.pop_v(s)?;
        let x = self.pop_v(s)?;
        let wide = self.m.int_type(s.bits * 2).vec_type(s.lanes);
        let (xw, yw) = (self.b.build_int_z_extend(x, wide, "")?, self.b.build_int_z_extend(y, wide, "")?);
        let one = self.splat_const(Shape { bits: s.bits * 2, ..s }, 1);
        let sum = self.b.build_int_add(self.b.build_int_add(xw, yw, "")?, one, "")?;
        let half = self.b.build_right_shift(sum, one, false, "")?;
        let v = self.b.build_int_truncate(half, x.get_type(), "")?;
        self.push_v(v)
    }

    /// The lanes' `pred` against zero, as an integer of one bit per lane.
    fn lane_bits(&mut self, s: Shape, pred: IntPredicate) -> Result<inkwell::values::IntValue<'ctx>> {
        let x = self.pop_v(s)?;
        let c = self.b.build_int_compare(pred, x, x.get_type().const_zero(), "")?;
        let bits = std::num::NonZeroU32::new(s.lanes)
            .and_then(|n| self.m.cx.custom_width_int_type(n).ok())
            .ok_or_else(|| self.err("lane mask type"))?;
        Ok(self.b.build_bit_cast(c, bits, "")?.into_int_value())
    }

    pub fn op_all_true(&mut self, s: Shape) -> Result<()> {
        let bits = self.lane_bits(s, IntPredicate::NE)?;
        let all = self.b.build_int_compare(IntPredicate::EQ, bits, bits.get_type().const_all_ones(), "")?;
        self.push_bool_i32(all)
    }

    pub fn op_bitmask(&mut self, s: Shape) -> Result<()> {
        let bits = self.lane_bits(s, IntPredicate::SLT)?;
        self.push_bool_i32(bits)
    }

    /// Shifts by an i32 count taken modulo the lane width.
    pub fn op_v_shift(&mut self, s: Shape, kind: Shift) -> Result<()> {
        let count = self.pop_int()?;
        let x = self.pop_v(s)?;
        let i32t = self.m.cx.i32_type();
        let count = self.b.build_and(count, i32t.const_int(s.bits as u64 - 1, false), "")?;
        let lane = self.m.int_type(s.bits);
        let count = match s.bits {
            64 => self.b.build_int_z_extend(count, lane, "")?,
            32 => count,
            _ => self.b.build_int_truncate(count, lane, "")?,
        };
        let count = self.splat(count.into(), s)?;
        let v = match kind {
            Shift::Left => self.b.build_left_shift(x, count, "")?,
            Shift::RightSigned => self.b.build_right_shift(x, count, true, "")?,
            Shift::RightUnsigned => self.b.build_right_shift(x, count, false, "")?,
        };
        self.push_v(v)
    }

    /// narrow: two vectors of `from` into one of half-width lanes,
    /// saturating (signed input; the unsigned variant clamps to 0..max).
    pub fn op_narrow(&mut self, from: Shape, signed: bool) -> Result<()> {
        let y = self.pop_v(from)?;
        let x = self.pop_v(from)?;
        let both = self.concat(x, y)?;
        let wide = Shape { lanes: from.lanes * 2, ..from };
        let half = from.bits / 2;
        let (lo, hi) = if signed {
            ((-(1i64 << (half - 1))) as u64, (1u64 << (half - 1)) - 1)
        } else {
            (0, (1u64 << half) - 1)
        };
        let lo = self.splat_const(wide, lo);
        let hi = self.splat_const(wide, hi);
        let clamped = self.vec_intrinsic("llvm.smax", both, &[both, lo])?;
        let clamped = self.vec_intrinsic("llvm.smin", clamped, &[clamped, hi])?;
        let v = self.b.build_int_truncate(clamped, self.m.int_type(half).vec_type(wide.lanes), "")?;
        self.push_v(v)
    }

    /// Sign- or zero-extend every lane of `v` to `to`'s lane width.
    fn widen(&self, v: VectorValue<'ctx>, to: VectorType<'ctx>, signed: bool) -> Result<VectorValue<'ctx>> {
        Ok(if signed {
            self.b.build_int_s_extend(v, to, "")?
        } else {
            self.b.build_int_z_extend(v, to, "")?
        })
    }

    /// The low or high half of a vector of `to`'s half-width lanes, extended.
    fn half_extended(&mut self, to: Shape, high: bool, signed: bool) -> Result<VectorValue<'ctx>> {
        let from = Shape { lanes: to.lanes * 2, bits: to.bits / 2, float: false };
        let x = self.pop_v(from)?;
        let half = self.lanes_of(x, if high { to.lanes } else { 0 }, to.lanes)?;
        self.widen(half, self.vec_type(to, to.lanes), signed)
    }

    pub fn op_v_extend(&mut self, to: Shape, high: bool, signed: bool) -> Result<()> {
        let v = self.half_extended(to, high, signed)?;
        self.push_v(v)
    }

    pub fn op_extmul(&mut self, to: Shape, high: bool, signed: bool) -> Result<()> {
        let y = self.half_extended(to, high, signed)?;
        let x = self.half_extended(to, high, signed)?;
        let v = self.b.build_int_mul(x, y, "")?;
        self.push_v(v)
    }

    /// Sum of adjacent lane pairs of a vector already widened.
    fn pairwise_add(&self, wide: VectorValue<'ctx>) -> Result<VectorValue<'ctx>> {
        let n = wide.get_type().get_size() / 2;
        let poison = wide.get_type().get_poison();
        let evens = self.b.build_shuffle_vector(wide, poison, self.i32_consts((0..n).map(|i| 2 * i)), "")?;
        let odds =
            self.b.build_shuffle_vector(wide, poison, self.i32_consts((0..n).map(|i| 2 * i + 1)), "")?;
        Ok(self.b.build_int_add(evens, odds, "")?)
    }

    pub fn op_extadd_pairwise(&mut self, to: Shape, signed: bool) -> Result<()> {
        let from = Shape { lanes: to.lanes * 2, bits: to.bits / 2, float: false };
        let x = self.pop_v(from)?;
        let wide = self.widen(x, self.m.int_type(to.bits).vec_type(from.lanes), signed)?;
        let v = self.pairwise_add(wide)?;
        self.push_v(v)
    }

    /// i32x4.dot_i16x8_s: products of signed lane pairs, summed pairwise.
    pub fn op_dot(&mut self) -> Result<()> {
        let y = self.pop_v(I16X8)?;
        let x = self.pop_v(I16X8)?;
        let wide = self.vec_type(I32X4, 8);
        let prod = self.b.build_int_mul(self.widen(x, wide, true)?, self.widen(y, wide, true)?, "")?;
        let v = self.pairwise_add(prod)?;
        self.push_v(v)
    }

    /// q15mulr_sat_s: `(x * y + 0x4000) >> 15`, saturated (only
    /// -32768 * -32768 overflows).
    pub fn op_q15mulr(&mut self) -> Result<()> {
        let y = self.pop_v(I16X8)?;
        let x = self.pop_v(I16X8)?;
        let wide = self.vec_type(I32X4, 8);
        let w = Shape { lanes: 8, ..I32X4 };
        let prod = self.b.build_int_mul(self.widen(x, wide, true)?, self.widen(y, wide, true)?, "")?;
        let rounded = self.b.build_int_add(prod, self.splat_const(w, 0x4000), "")?;
        let shifted = self.b.build_right_shift(rounded, self.splat_const(w, 15), true, "")?;
        let max = self.splat_const(w, 0x7fff);
        let sat = self.vec_intrinsic("llvm.smin", shifted, &[shifted, max])?;
        let v = self.b.build_int_truncate(sat, x.get_type(), "")?;
        self.push_v(v)
    }
}
