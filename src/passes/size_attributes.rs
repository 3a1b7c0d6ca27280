//! Function attributes for size, and where they come back off.
//!
//! Rewrites only attributes, never instructions:
//!
//! - `for_level`: at -Os every defined function gets `optsize`, at -Oz
//!   `optsize` and `minsize` too, as clang gives them (src/opt_level.rs);
//! - `cortex_m`: on Cortex-M every function is `nounwind` and everything
//!   but the guest's own functions is `minsize` (the runtime runs once or
//!   rarely, flash is scarce);
//! - `inline_address_function`: at the size levels the strategy's
//!   address function is `alwaysinline`;
//! - `expand_wide_constant_divisions`, after LLVM's pipeline on 32-bit
//!   targets: functions dividing an i64 by a constant lose `optsize` and
//!   `minsize` again, so the backend expands the division instead of
//!   calling libgcc.
//!
//! Sound: these attributes steer LLVM's cost models and instruction
//! selection; none changes what a function computes (`nounwind` holds on
//! Cortex-M, where nothing unwinds: traps longjmp). Pays on flash: the
//! Cortex-M firmware sizes of doc/targets.md (sha256's -Oz code 8.5 KiB
//! smaller with the address function inlined; programs printing 64-bit
//! numbers no longer pull in libgcc's 700-byte `__udivmoddi4`).

use crate::opt_level::OptLevel;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::values::FunctionValue;

/// Give every defined function of `m` the size attributes of `level`:
/// `optsize` at -Os, `optsize` and `minsize` at -Oz, nothing otherwise.
/// Functions marked `optnone` are left alone (LLVM rejects `optnone`
/// with either attribute).
pub fn for_level(cx: &Context, m: &Module, level: OptLevel) {
    let minsize = match level {
        OptLevel::Os => false,
        OptLevel::Oz => true,
        _ => return,
    };
    for f in m.get_functions() {
        mark_for_size(cx, f, minsize);
    }
}

/// Give `f`, if it is defined and not `optnone` (which LLVM rejects with
/// either attribute), `optsize`, and `minsize` too if asked.
pub fn mark_for_size(cx: &Context, f: FunctionValue, minsize: bool) {
    if f.count_basic_blocks() == 0 || f.get_enum_attribute(AttributeLoc::Function, kind("optnone")).is_some()
    {
        return;
    }
    let names: &[&str] = if minsize { &["optsize", "minsize"] } else { &["optsize"] };
    for name in names {
        f.add_attribute(AttributeLoc::Function, cx.create_enum_attribute(kind(name), 0));
    }
}

/// On 32-bit targets, take the size attributes back from the functions
/// that divide a 64-bit integer by a constant; call after optimisation,
/// before code generation. For a function with `optsize` (or `minsize`)
/// LLVM 19's Arm and x86 backends call libgcc for a 64-bit division
/// (`__aeabi_uldivmod`, which brings `__udivmoddi4`: 700 bytes of
/// Cortex-M flash) where they otherwise expand a division by a constant
/// into a few multiplications and shifts. Printing a 64-bit number divides
/// by 10, so this made every such program's -Oz firmware larger than its
/// -O2 firmware. Only the backend sees the change: what the function
/// passes did for size stays done. The pipeline runs it at every level:
/// the Cortex-M runtime's functions have `minsize` at -O2 too.
pub fn expand_wide_constant_divisions(m: &Module) {
    let (optsize, minsize) = (kind("optsize"), kind("minsize"));
    for f in m.get_functions() {
        if f.get_enum_attribute(AttributeLoc::Function, optsize).is_none() {
            continue;
        }
        let divides = super::ir::instructions(f).any(|i| {
            use inkwell::values::InstructionOpcode::{SDiv, SRem, UDiv, URem};
            matches!(i.get_opcode(), UDiv | URem | SDiv | SRem)
                && i.get_type().is_int_type()
                && i.get_type().into_int_type().get_bit_width() == 64
                && matches!(
                    i.get_operand(1).and_then(|o| o.value()),
                    Some(inkwell::values::BasicValueEnum::IntValue(d)) if d.is_constant_int()
                )
        });
        if divides {
            f.remove_enum_attribute(AttributeLoc::Function, optsize);
            f.remove_enum_attribute(AttributeLoc::Function, minsize);
        }
    }
}

/// At the size levels, make the strategy's address function `addr_fn`
/// (every memory access calls it) `alwaysinline`. Inline, a check is a
/// compare and a branch to the trap; called, it is a call with four
/// arguments to set up at every access, larger and much slower. At -O2
/// LLVM inlines it by itself, but under -Oz's inlining threshold it stayed
/// out of line on i686: the sha256 example's code was 2.6 KiB larger than
/// at -O2, and is 8.5 KiB smaller with this.
pub fn inline_address_function(cx: &Context, m: &Module, level: OptLevel, addr_fn: &str) {
    if !level.for_size() {
        return;
    }
    if let Some(f) = m.get_function(addr_fn).filter(|f| f.count_basic_blocks() > 0) {
        f.add_attribute(AttributeLoc::Function, cx.create_enum_attribute(kind("alwaysinline"), 0));
    }
}

/// Cortex-M code size: nothing unwinds on Cortex-M (C code only; traps
/// longjmp), so every function is `nounwind`, which keeps libgcc's
/// unwinder (3-4 KiB) out of firmware; and everything but the guest's
/// own functions (`wasm_f<N>`), that is the runtime, the export wrappers
/// and the module initialiser, is optimised for size as -Oz would
/// (`optsize` and `minsize`: literal pools instead of movw/movt pairs, no
/// unrolling): it runs once or rarely, while flash is scarce. Runtime code
/// inlined into guest functions (address checks) is optimised as the
/// guest function is.
pub fn cortex_m(cx: &Context, m: &Module) {
    let kind = |name: &str| {
        cx.create_enum_attribute(inkwell::attributes::Attribute::get_named_enum_kind_id(name), 0)
    };
    let nounwind = kind("nounwind");
    for f in m.get_functions() {
        if f.count_basic_blocks() == 0 {
            continue;
        }
        f.add_attribute(inkwell::attributes::AttributeLoc::Function, nounwind);
        let name = f.get_name().to_string_lossy();
        let guest = name.strip_prefix("wasm_f").is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
        if !guest {
            mark_for_size(cx, f, true);
        }
    }
}

fn kind(name: &str) -> u32 {
    Attribute::get_named_enum_kind_id(name)
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn size_attributes_follow_the_level_and_skip_optnone() {
        let cx = Context::create();
        let m = cx.create_module("m");
        let ty = cx.void_type().fn_type(&[], false);
        let plain = m.add_function("plain", ty, None);
        let frozen = m.add_function("frozen", ty, None);
        frozen.add_attribute(AttributeLoc::Function, cx.create_enum_attribute(kind("optnone"), 0));
        frozen.add_attribute(AttributeLoc::Function, cx.create_enum_attribute(kind("noinline"), 0));
        for f in [plain, frozen] {
            let b = cx.create_builder();
            b.position_at_end(cx.append_basic_block(f, "entry"));
            b.build_return(None).unwrap();
        }
        m.add_function("declared", ty, None);
        let has = |f: &str, a: &str| {
            m.get_function(f).unwrap().get_enum_attribute(AttributeLoc::Function, kind(a)).is_some()
        };
        for_level(&cx, &m, OptLevel::O2);
        assert!(!has("plain", "optsize"));
        for_level(&cx, &m, OptLevel::Os);
        assert!(has("plain", "optsize") && !has("plain", "minsize"));
        for_level(&cx, &m, OptLevel::Oz);
        assert!(has("plain", "minsize"));
        assert!(!has("frozen", "optsize") && !has("frozen", "minsize"));
        assert!(!has("declared", "optsize"));
        assert!(m.verify().is_ok());
    }

    #[test]
    fn only_functions_dividing_i64_by_a_constant_lose_the_size_attributes() {
        let cx = Context::create();
        let m = cx.create_module("m");
        let i64t = cx.i64_type();
        let ty = i64t.fn_type(&[i64t.into(), i64t.into()], false);
        for (name, by_constant, width) in
            [("by_ten", true, 64), ("by_variable", false, 64), ("narrow", true, 32)]
        {
            let f = m.add_function(name, ty, None);
            let b = cx.create_builder();
            b.position_at_end(cx.append_basic_block(f, "entry"));
            let x = f.get_nth_param(0).unwrap().into_int_value();
            let y = f.get_nth_param(1).unwrap().into_int_value();
            let q = if width == 32 {
                let t = cx.i32_type();
                let x32 = b.build_int_truncate(x, t, "").unwrap();
                let q = b.build_int_unsigned_div(x32, t.const_int(10, false), "").unwrap();
                b.build_int_z_extend(q, i64t, "").unwrap()
            } else {
                let d = if by_constant { i64t.const_int(10, false) } else { y };
                b.build_int_unsigned_div(x, d, "").unwrap()
            };
            b.build_return(Some(&q)).unwrap();
        }
        for_level(&cx, &m, OptLevel::Oz);
        expand_wide_constant_divisions(&m);
        let has = |f: &str, a: &str| {
            m.get_function(f).unwrap().get_enum_attribute(AttributeLoc::Function, kind(a)).is_some()
        };
        assert!(!has("by_ten", "optsize") && !has("by_ten", "minsize"));
        assert!(has("by_variable", "optsize") && has("by_variable", "minsize"));
        assert!(has("narrow", "optsize") && has("narrow", "minsize"));
    }

    #[test]
    fn the_address_function_is_forced_inline_at_the_size_levels_only() {
        let cx = Context::create();
        let m = cx.create_module("m");
        let f = m.add_function("addr", cx.void_type().fn_type(&[], false), None);
        let b = cx.create_builder();
        b.position_at_end(cx.append_basic_block(f, "entry"));
        b.build_return(None).unwrap();
        let forced = || f.get_enum_attribute(AttributeLoc::Function, kind("alwaysinline")).is_some();
        inline_address_function(&cx, &m, OptLevel::O2, "addr");
        assert!(!forced());
        inline_address_function(&cx, &m, OptLevel::Oz, "missing");
        inline_address_function(&cx, &m, OptLevel::Os, "addr");
        assert!(forced());
    }
}
