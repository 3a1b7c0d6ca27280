//! SIMD128: how a v128 is represented, and the lane, bitwise and
//! comparison instructions.
//!
//! A v128 is `<4 x i32>` wherever it is stored or passed (locals, block
//! results, globals, calls: `ModuleCtx::v128_type`); each instruction
//! bitcasts it to its own lane shape and back. Bitcasts between vector
//! types are free, and InstCombine folds chains of them, so the choice of
//! the resting shape costs nothing. Integer arithmetic is in simd_int.rs,
//! floats and conversions in simd_float.rs, memory in simd_memory.rs.

use super::func::FuncTranslator;
use crate::error::Result;
use inkwell::types::{BasicTypeEnum, VectorType};
use inkwell::values::{BasicValueEnum, InstructionOpcode, InstructionValue, IntValue, VectorValue};
use inkwell::{FloatPredicate, IntPredicate};

/// A lane shape: `lanes` lanes of `bits` bits each, integer or float.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Shape {
    pub lanes: u32,
    pub bits: u32,
    pub float: bool,
}

pub const I8X16: Shape = Shape { lanes: 16, bits: 8, float: false };
pub const I16X8: Shape = Shape { lanes: 8, bits: 16, float: false };
pub const I32X4: Shape = Shape { lanes: 4, bits: 32, float: false };
pub const I64X2: Shape = Shape { lanes: 2, bits: 64, float: false };
pub const F32X4: Shape = Shape { lanes: 4, bits: 32, float: true };
pub const F64X2: Shape = Shape { lanes: 2, bits: 64, float: true };

impl Shape {
    /// The integer shape of the same lane width (a float comparison's result).
    pub fn as_int(self) -> Shape {
        Shape { float: false, ..self }
    }

    /// The shape with lanes twice as wide and half as many.
    pub fn widened(self) -> Shape {
        Shape { lanes: self.lanes / 2, bits: self.bits * 2, float: self.float }
    }
}

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// The scalar type of one lane.
    pub fn lane_type(&self, s: Shape) -> BasicTypeEnum<'ctx> {
        match (s.float, s.bits) {
            (true, 32) => self.m.cx.f32_type().into(),
            (true, _) => self.m.cx.f64_type().into(),
            (false, bits) => self.m.int_type(bits).into(),
        }
    }

    /// `<lanes x lane>` of a shape (`lanes` may differ from the shape's
    /// for the halves and concatenations of widening operations).
    pub fn vec_type(&self, s: Shape, lanes: u32) -> VectorType<'ctx> {
        match self.lane_type(s) {
            BasicTypeEnum::FloatType(t) => t.vec_type(lanes),
            BasicTypeEnum::IntType(t) => t.vec_type(lanes),
            _ => unreachable!("lane types are ints or floats"),
        }
    }

    /// Reinterpret any 128-bit vector as shape `s`.
    pub fn as_shape(&self, v: BasicValueEnum<'ctx>, s: Shape) -> Result<VectorValue<'ctx>> {
        Ok(self.b.build_bit_cast(v, self.vec_type(s, s.lanes), "")?.into_vector_value())
    }

    /// Pop a v128 viewed as shape `s`.
    pub fn pop_v(&mut self, s: Shape) -> Result<VectorValue<'ctx>> {
        let v = self.pop()?;
        self.as_shape(v, s)
    }

    /// Push a 128-bit vector of any shape as a v128.
    pub fn push_v(&mut self, v: VectorValue<'ctx>) -> Result<()> {
        let v = self.b.build_bit_cast(v, self.m.v128_type(), "")?;
        self.push(v);
        Ok(())
    }

    /// Push a v128 constant from its little-endian bits.
    pub fn push_v128_bits(&mut self, bits: u128) -> Result<()> {
        let i64t = self.m.cx.i64_type();
        let halves = [i64t.const_int(bits as u64, false), i64t.const_int((bits >> 64) as u64, false)];
        self.push_v(VectorType::const_vector(&halves))
    }

    /// A constant `<n x i32>` (shuffle masks, lane indices).
    pub fn i32_consts(&self, vals: impl IntoIterator<Item = u32>) -> VectorValue<'ctx> {
        let i32t = self.m.cx.i32_type();
        let v: Vec<_> = vals.into_iter().map(|x| i32t.const_int(x as u64, false)).collect();
        VectorType::const_vector(&v)
    }

    /// A constant integer vector of shape `s` with every lane `x`.
    pub fn splat_const(&self, s: Shape, x: u64) -> VectorValue<'ctx> {
        let t = self.m.int_type(s.bits);
        VectorType::const_vector(&vec![t.const_int(x, false); s.lanes as usize])
    }

    /// A vector of shape `s` with every lane `x` (of the lane type).
    pub fn splat(&self, x: BasicValueEnum<'ctx>, s: Shape) -> Result<VectorValue<'ctx>> {
        let ty = self.vec_type(s, s.lanes);
        let zero = self.m.cx.i32_type().const_zero();
        let one = self.b.build_insert_element(ty.get_poison(), x, zero, "")?;
        let mask = self.i32_consts(std::iter::repeat_n(0, s.lanes as usize));
        Ok(self.b.build_shuffle_vector(one, ty.get_poison(), mask, "")?)
    }

    /// `lanes` lanes of `v` starting at `first` (halves for widening).
    pub fn lanes_of(&self, v: VectorValue<'ctx>, first: u32, lanes: u32) -> Result<VectorValue<'ctx>> {
        let mask = self.i32_consts(first..first + lanes);
        Ok(self.b.build_shuffle_vector(v, v.get_type().get_poison(), mask, "")?)
    }

    /// The 2n-lane concatenation of two n-lane vectors.
    pub fn concat(&self, x: VectorValue<'ctx>, y: VectorValue<'ctx>) -> Result<VectorValue<'ctx>> {
        let n = x.get_type().get_size();
        Ok(self.b.build_shuffle_vector(x, y, self.i32_consts(0..2 * n), "")?)
    }

    /// v128 cells (globals, awsm_val arrays) are only as aligned as the C
    /// union holding them (4 bytes on 32-bit hosts), less than a vector's
    /// natural alignment; other values keep theirs.
    pub fn cell_alignment(&self, inst: InstructionValue<'ctx>) -> Result<()> {
        let loaded = inst.get_type().is_vector_type();
        let stored = inst.get_opcode() == InstructionOpcode::Store
            && matches!(inst.get_operand(0).and_then(|o| o.value()), Some(BasicValueEnum::VectorValue(_)));
        if loaded || stored {
            inst.set_alignment(4).map_err(|_| self.err("alignment"))?;
        }
        Ok(())
    }

    // ---- lanes ----

    pub fn op_splat(&mut self, s: Shape) -> Result<()> {
        let x = self.pop()?;
        let x = match x {
            BasicValueEnum::IntValue(i) if i.get_type().get_bit_width() > s.bits => {
                self.b.build_int_truncate(i, self.m.int_type(s.bits), "")?.into()
            }
            other => other,
        };
        let v = self.splat(x, s)?;
        self.push_v(v)
    }

    /// extract_lane; `signed` says how an 8- or 16-bit lane widens to i32.
    pub fn op_extract_lane(&mut self, s: Shape, lane: u8, signed: Option<bool>) -> Result<()> {
        let v = self.pop_v(s)?;
        let idx = self.m.cx.i32_type().const_int(lane as u64, false);
        let x = self.b.build_extract_element(v, idx, "")?;
        let i32t = self.m.cx.i32_type();
        let x: BasicValueEnum = match signed {
            Some(true) => self.b.build_int_s_extend(x.into_int_value(), i32t, "")?.into(),
            Some(false) => self.b.build_int_z_extend(x.into_int_value(), i32t, "")?.into(),
            None => x,
        };
        self.push(x);
        Ok(())
    }

    pub fn op_replace_lane(&mut self, s: Shape, lane: u8) -> Result<()> {
        let x = self.pop()?;
        let v = self.pop_v(s)?;
        let x: BasicValueEnum = match x {
            BasicValueEnum::IntValue(i) if i.get_type().get_bit_width() > s.bits => {
                self.b.build_int_truncate(i, self.m.int_type(s.bits), "")?.into()
            }
            other => other,
        };
        let idx = self.m.cx.i32_type().const_int(lane as u64, false);
        let v = self.b.build_insert_element(v, x, idx, "")?;
        self.push_v(v)
    }

    pub fn op_shuffle(&mut self, lanes: [u8; 16]) -> Result<()> {
        let y = self.pop_v(I8X16)?;
        let x = self.pop_v(I8X16)?;
        let mask = self.i32_consts(lanes.iter().map(|&l| l as u32));
        let v = self.b.build_shuffle_vector(x, y, mask, "")?;
        self.push_v(v)
    }

    /// swizzle: lane i is `x[s[i]]`, or 0 when `s[i]` >= 16.
    pub fn op_swizzle(&mut self) -> Result<()> {
        let sel = self.pop_v(I8X16)?;
        let x = self.pop_v(I8X16)?;
        let i8t = self.m.cx.i8_type();
        let i32t = self.m.cx.i32_type();
        let mut out = self.vec_type(I8X16, 16).const_zero();
        for lane in 0..16 {
            let at = i32t.const_int(lane, false);
            let s = self.b.build_extract_element(sel, at, "")?.into_int_value();
            let in_range = self.b.build_int_compare(IntPredicate::ULT, s, i8t.const_int(16, false), "")?;
            let s = self.b.build_and(s, i8t.const_int(15, false), "")?;
            let picked = self.b.build_extract_element(x, s, "")?.into_int_value();
            let picked = self.b.build_select(in_range, picked, i8t.const_zero(), "")?;
            out = self.b.build_insert_element(out, picked, at, "")?;
        }
        self.push_v(out)
    }

    // ---- bitwise ----

    pub fn op_v128_not(&mut self) -> Result<()> {
        let x = self.pop_v(I64X2)?;
        let v = self.b.build_not(x, "")?;
        self.push_v(v)
    }

    /// and, or, xor, andnot (`x & !y`).
    pub fn op_v128_bitwise(&mut self, op: &str) -> Result<()> {
        let y = self.pop_v(I64X2)?;
        let x = self.pop_v(I64X2)?;
        let v = match op {
            "and" => self.b.build_and(x, y, "")?,
            "or" => self.b.build_or(x, y, "")?,
            "xor" => self.b.build_xor(x, y, "")?,
            _ => {
                let not_y = self.b.build_not(y, "")?;
                self.b.build_and(x, not_y, "")?
            }
        };
        self.push_v(v)
    }

    /// bitselect: bits of `x` where `c` is 1, of `y` where it is 0.
    pub fn op_bitselect(&mut self) -> Result<()> {
        let c = self.pop_v(I64X2)?;
        let y = self.pop_v(I64X2)?;
        let x = self.pop_v(I64X2)?;
        let from_x = self.b.build_and(x, c, "")?;
        let not_c = self.b.build_not(c, "")?;
        let from_y = self.b.build_and(y, not_c, "")?;
        let v = self.b.build_or(from_x, from_y, "")?;
        self.push_v(v)
    }

    pub fn op_any_true(&mut self) -> Result<()> {
        let x = self.pop()?;
        let wide = self.b.build_bit_cast(x, self.m.cx.i128_type(), "")?.into_int_value();
        let any = self.b.build_int_compare(IntPredicate::NE, wide, wide.get_type().const_zero(), "")?;
        self.push_bool_i32(any)
    }

    /// An i1 as the i32 0 or 1.
    pub fn push_bool_i32(&mut self, b: IntValue<'ctx>) -> Result<()> {
        let v = self.b.build_int_z_extend(b, self.m.cx.i32_type(), "")?;
        self.push(v);
        Ok(())
    }

    // ---- comparisons: all-ones lanes where true ----

    pub fn op_v_icmp(&mut self, s: Shape, p: IntPredicate) -> Result<()> {
        let y = self.pop_v(s)?;
        let x = self.pop_v(s)?;
        let c = self.b.build_int_compare(p, x, y, "")?;
        let v = self.b.build_int_s_extend(c, self.vec_type(s, s.lanes), "")?;
        self.push_v(v)
    }

    pub fn op_v_fcmp(&mut self, s: Shape, p: FloatPredicate) -> Result<()> {
        let y = self.pop_v(s)?;
        let x = self.pop_v(s)?;
        let c = self.b.build_float_compare(p, x, y, "")?;
        let v = self.b.build_int_s_extend(c, self.vec_type(s.as_int(), s.lanes), "")?;
        self.push_v(v)
    }
}
