//! x86: keep narrowed bitwise logic off the critical path.
//!
//! A byte-at-a-time table lookup such as CRC-32's
//! `table[(crc ^ p[i]) & 0xff]` reaches the backend, after InstCombine,
//! as `zext(xor i8 (load p[i]), (trunc crc))`. x86 instruction selection
//! then computes the xor in an 8-bit register and zero-extends that same
//! register (`xor %al,%sil; movzbl %sil,%esi`): two dependent instructions
//! on the loop-carried chain through `crc`. Written as
//! `xor i32 (and crc, 0xff), (zext p[i])`, the same two instructions come
//! out as `movzbl %al,%esi; xor %ecx,%esi`, and a zero-extension between
//! two different registers is resolved at register renaming on current
//! x86 cores, so the chain is one instruction shorter. On crc32 that is
//! the difference between native clang's loop and the 15 % faster one
//! wasm2c's output happens to get (code_benches/published/2026-11-21-x86-round3,
//! -round5).
//!
//! The rewrite runs after LLVM's pipeline (InstCombine would narrow it
//! again) and is exact: `zext(trunc w) = w & mask`, and zero-extension
//! distributes over `xor` and `or`.

use super::ir::{instructions, int_operand};
use inkwell::builder::Builder;
use inkwell::module::Module;
use inkwell::values::{AnyValue, BasicValue, InstructionOpcode, InstructionValue, IntValue};

/// Rewrite every `zext(xor|or iN (trunc iK w), b) to iM` with K ≤ M in
/// `module` as `zext(xor|or iK (and w, 2^N - 1), (zext b to iK))`.
pub fn widen_narrow_logic(module: &Module) {
    let b = module.get_context().create_builder();
    for f in module.get_functions() {
        let zexts: Vec<_> = instructions(f).filter(|i| i.get_opcode() == InstructionOpcode::ZExt).collect();
        for z in zexts {
            widen(&b, z);
        }
    }
}

/// Rewrite one `zext` if it has the shape in the module docs.
fn widen<'ctx>(b: &Builder<'ctx>, z: InstructionValue<'ctx>) {
    let Some(logic) = int_operand(z, 0).and_then(|v| v.as_instruction_value()) else { return };
    let op = logic.get_opcode();
    if !matches!(op, InstructionOpcode::Xor | InstructionOpcode::Or) || logic.get_first_use().is_none() {
        return;
    }
    if logic.get_first_use().and_then(|u| u.get_next_use()).is_some() {
        return; // the narrow value is needed elsewhere as well
    }
    let (Some(x), Some(y)) = (int_operand(logic, 0), int_operand(logic, 1)) else { return };
    let wide = z.get_type().into_int_type();
    let narrow = x.get_type();
    // The operand that is a truncation of a value no wider than the result.
    let split = |t: IntValue<'ctx>| {
        let inst = t.as_instruction_value().filter(|i| i.get_opcode() == InstructionOpcode::Trunc)?;
        let w = int_operand(inst, 0)?;
        (w.get_type().get_bit_width() <= wide.get_bit_width()).then_some(w)
    };
    let (w, other) = match (split(x), split(y)) {
        (Some(w), _) => (w, y),
        (None, Some(w)) => (w, x),
        (None, None) => return,
    };
    let mid = w.get_type();
    let mask = mid.const_int(narrow.const_all_ones().get_zero_extended_constant().unwrap_or(0), false);
    b.position_before(&z);
    let built = (|| {
        let low = b.build_and(w, mask, "low").ok()?;
        let other = b.build_int_z_extend_or_bit_cast(other, mid, "wide").ok()?;
        let logic = match op {
            InstructionOpcode::Xor => b.build_xor(low, other, "wide.logic"),
            _ => b.build_or(low, other, "wide.logic"),
        }
        .ok()?;
        b.build_int_z_extend_or_bit_cast(logic, wide, "wide.zext").ok()
    })();
    let Some(new) = built else { return };
    replace(z, new);
    logic.erase_from_basic_block();
}

/// Replace every use of `old` by `new` and delete `old`.
fn replace<'ctx>(old: InstructionValue<'ctx>, new: IntValue<'ctx>) {
    old.as_any_value_enum().into_int_value().replace_all_uses_with(new);
    old.erase_from_basic_block();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(ir: &str) -> String {
        crate::passes::ir::rewritten_ir(ir, widen_narrow_logic)
    }

    const CRC: &str = "define i64 @f(i32 %crc, i8 %b) {
      %t = trunc i32 %crc to i8
      %x = xor i8 %b, %t
      %z = zext i8 %x to i64
      ret i64 %z
    }";

    #[test]
    fn a_narrowed_xor_of_a_truncation_is_computed_wide() {
        let ir = rewritten(CRC);
        assert!(ir.contains("and i32 %crc, 255"), "{ir}");
        assert!(ir.contains("xor i32 %low, %wide"), "{ir}");
        assert!(ir.contains("zext i32 %wide.logic to i64"), "{ir}");
        assert!(!ir.contains("xor i8"), "{ir}");
    }

    #[test]
    fn other_shapes_are_left_alone() {
        // A truncation wider than the result, a narrow value used twice,
        // an `and`, and two operands that are not truncations.
        for ir in [
            CRC.replace("i32 %crc", "i128 %crc"),
            CRC.replace("ret i64 %z", "%y = zext i8 %x to i16\n ret i64 %z"),
            CRC.replace("xor i8", "and i8"),
            CRC.replace("%t = trunc i32 %crc to i8", "%t = add i8 %b, 1"),
        ] {
            let out = rewritten(&ir);
            assert!(!out.contains("wide"), "{out}");
        }
    }
}
