//! Optimisation levels: `-O0` to `-O3` for speed, `-Os` and `-Oz` for size.
//!
//! The size levels exist for flash-constrained targets (Cortex-M firmware,
//! doc/targets.md) but mean the same on every target, as clang's do:
//!
//! - code is generated as at -O2 (clang's choice too): the backend's
//!   instruction selection and scheduling are those of -O2;
//! - none of awsm's transformations that copy code for speed runs: loop
//!   versioning (translate/versioning.rs, and so hoist.rs and reroll.rs,
//!   which work on its copies), loops translated with their body twice
//!   (unroll.rs) and grouped checks with their per-access slow path
//!   (grouped.rs);
//! - LLVM runs its size pipeline, `default<Os>` or `default<Oz>`, without
//!   loop unrolling or loop vectorization (both copy loop bodies: the
//!   vectorizer keeps a scalar loop for the remainder and for failed
//!   runtime checks); SLP vectorization, which does not, stays on;
//! - every function, guest and runtime, gets `optsize` (-Os) or `optsize`
//!   and `minsize` (-Oz), which the backend and the function-level passes
//!   read (smaller inlining thresholds, no header duplication at -Oz,
//!   literal pools instead of `movw`/`movt` pairs on Arm); on 32-bit
//!   targets, except in functions that divide a 64-bit integer by a
//!   constant, where the backend would call libgcc for it instead
//!   (`expand_wide_constant_divisions`);
//! - the bounds-check strategy's address function, which every memory
//!   access calls, is always inlined (`inline_address_function`).

use crate::error::{Error, ErrorKind, Result};
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::values::FunctionValue;
use std::fmt;

/// An optimisation level, as `-O<LEVEL>` names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum OptLevel {
    O0,
    O1,
    O2,
    O3,
    /// For size: -O2 without code-duplicating transformations, `optsize`.
    Os,
    /// For size above all: as `Os`, plus `minsize`.
    Oz,
}

impl OptLevel {
    /// Every level, in the order the help text lists them.
    pub const ALL: [OptLevel; 6] =
        [OptLevel::O0, OptLevel::O1, OptLevel::O2, OptLevel::O3, OptLevel::Os, OptLevel::Oz];

    /// The level `-O<name>` asks for: `0`-`3`, `s` or `z`.
    pub fn from_name(name: &str) -> Option<OptLevel> {
        OptLevel::ALL.into_iter().find(|l| l.name() == name)
    }

    /// The level of the command line's `-O<LEVEL>` (clang's `-O s` for
    /// `-Os` reaches us as the same string), or a usage error listing
    /// the known levels.
    pub fn parse(level: &str) -> Result<OptLevel> {
        OptLevel::from_name(level).ok_or_else(|| {
            let known: Vec<_> = OptLevel::ALL.iter().map(|l| l.to_string()).collect();
            Error::new(
                ErrorKind::Usage,
                format!("unknown optimisation level '-O{level}' (known: {})", known.join(", ")),
            )
        })
    }

    /// What follows `-O`: `0`-`3`, `s` or `z`.
    pub fn name(self) -> &'static str {
        match self {
            OptLevel::O0 => "0",
            OptLevel::O1 => "1",
            OptLevel::O2 => "2",
            OptLevel::O3 => "3",
            OptLevel::Os => "s",
            OptLevel::Oz => "z",
        }
    }

    /// The speed level 0-3 the backend generates code at, and that gates
    /// the speed-only parts of the pipeline: 2 for the size levels.
    pub fn speed(self) -> u8 {
        match self {
            OptLevel::O0 => 0,
            OptLevel::O1 => 1,
            OptLevel::O2 | OptLevel::Os | OptLevel::Oz => 2,
            OptLevel::O3 => 3,
        }
    }

    /// Whether this is a size level (`-Os`, `-Oz`).
    pub fn for_size(self) -> bool {
        matches!(self, OptLevel::Os | OptLevel::Oz)
    }

    /// Whether transformations that copy code to make it faster may run:
    /// at -O2 and -O3 only.
    pub fn duplicates_code(self) -> bool {
        self.speed() >= 2 && !self.for_size()
    }

    /// The new pass manager's pipeline for this level.
    pub fn pipeline(self) -> String {
        format!("default<O{}>", self.name())
    }
}

impl fmt::Display for OptLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "-O{}", self.name())
    }
}

/// Give every defined function of `m` the size attributes of `level`:
/// `optsize` at -Os, `optsize` and `minsize` at -Oz, nothing otherwise.
/// Functions marked `optnone` are left alone (LLVM rejects `optnone`
/// with either attribute).
pub fn size_attributes(cx: &Context, m: &Module, level: OptLevel) {
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
/// passes did for size stays done. The driver calls it at every level:
/// the Cortex-M runtime's functions have `minsize` at -O2 too.
pub fn expand_wide_constant_divisions(m: &Module) {
    let (optsize, minsize) = (kind("optsize"), kind("minsize"));
    for f in m.get_functions() {
        if f.get_enum_attribute(AttributeLoc::Function, optsize).is_none() {
            continue;
        }
        let divides = f.get_basic_block_iter().flat_map(|bb| bb.get_instructions()).any(|i| {
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

fn kind(name: &str) -> u32 {
    Attribute::get_named_enum_kind_id(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_unknown_levels_are_refused() {
        for level in OptLevel::ALL {
            assert_eq!(OptLevel::from_name(level.name()), Some(level));
        }
        for bad in ["x", "4", "", "2s", "S", "fast"] {
            assert_eq!(OptLevel::from_name(bad), None, "{bad}");
        }
        assert_eq!(OptLevel::Oz.to_string(), "-Oz");
        let err = OptLevel::parse("x").unwrap_err();
        assert_eq!(err.kind, ErrorKind::Usage);
        assert!(err.message.contains("'-Ox'") && err.message.contains("-Os, -Oz"), "{}", err.message);
    }

    #[test]
    fn size_levels_generate_as_o2_without_duplicating_code() {
        assert_eq!(OptLevel::Os.speed(), 2);
        assert_eq!(OptLevel::Oz.speed(), 2);
        assert_eq!(OptLevel::Oz.pipeline(), "default<Oz>");
        assert_eq!(OptLevel::O3.pipeline(), "default<O3>");
        assert!(OptLevel::O2.duplicates_code() && OptLevel::O3.duplicates_code());
        for level in [OptLevel::O0, OptLevel::O1, OptLevel::Os, OptLevel::Oz] {
            assert!(!level.duplicates_code(), "{level}");
        }
    }

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
        size_attributes(&cx, &m, OptLevel::O2);
        assert!(!has("plain", "optsize"));
        size_attributes(&cx, &m, OptLevel::Os);
        assert!(has("plain", "optsize") && !has("plain", "minsize"));
        size_attributes(&cx, &m, OptLevel::Oz);
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
        size_attributes(&cx, &m, OptLevel::Oz);
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
