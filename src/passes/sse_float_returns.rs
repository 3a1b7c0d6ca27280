//! i686: keep every float bit-exact across calls.
//!
//! The i386 System V ABI returns `float` and `double` in the x87 register
//! st(0). Loading a signalling NaN into x87 quiets it, so a wasm function
//! returning `f32.reinterpret_i32 0x7fa00001` would hand its caller
//! 0x7fe00001: wrong, since calls, locals and reinterpretations must keep
//! NaN payloads. (Arithmetic is not affected: it runs in SSE2 registers,
//! `TargetInfo::features`.)
//!
//! LLVM's 32-bit C convention returns floats in XMM0 instead when the
//! return value is marked `inreg` (the "sseregparm" convention); nothing
//! else changes, in particular no argument moves. So on i686 every function
//! *defined* in the module that returns a float (or an aggregate holding
//! one) gets `inreg` on its return, and so does every call to such a
//! function and every indirect call returning one. What stays C: the
//! export wrappers (`<prefix>_<name>`) and `main`, which C code calls, and
//! calls to functions defined elsewhere (libc).
//!
//! Indirect calls reach guest functions, host thunks and WASI functions
//! (which return integers, where `inreg` means nothing), all compiled the
//! same way, so every awsm module for i686 agrees. A C embedder that calls
//! a funcref's `fn` directly must declare float results
//! `__attribute__((sseregparm))`-style; `awsm_invoke` needs nothing.
//!
//! Sound: `inreg` only moves where the value travels between functions
//! that all agree on it (above). Pays on correctness, not speed: the NaN
//! payload tests (tests/targets/nan_payloads.wat) on i686.

use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::Module;
use inkwell::types::{AnyType, AnyTypeEnum, BasicTypeEnum};
use inkwell::values::{CallSiteValue, FunctionValue};
use std::collections::HashSet;

/// Whether a return type carries a float (so x87 would hold it).
fn returns_float(ty: AnyTypeEnum) -> bool {
    match ty {
        AnyTypeEnum::FloatType(_) => true,
        AnyTypeEnum::StructType(s) => {
            s.get_field_types().iter().any(|f| matches!(f, BasicTypeEnum::FloatType(_)))
        }
        _ => false,
    }
}

fn fn_returns_float(f: FunctionValue) -> bool {
    f.get_type().get_return_type().is_some_and(|t| returns_float(t.as_any_type_enum()))
}

/// Apply the SSE float-return convention to `m` (see the module docs);
/// `keep_c` says which defined functions C code calls.
pub fn sse_float_returns(cx: &Context, m: &Module, keep_c: impl Fn(&str) -> bool) {
    let inreg = cx.create_enum_attribute(Attribute::get_named_enum_kind_id("inreg"), 0);
    let mut converted = HashSet::new();
    for f in m.get_functions() {
        let name = f.get_name().to_string_lossy().into_owned();
        if f.count_basic_blocks() > 0 && fn_returns_float(f) && !keep_c(&name) {
            f.add_attribute(AttributeLoc::Return, inreg);
            converted.insert(name);
        }
    }
    for f in m.get_functions() {
        for bb in f.get_basic_block_iter() {
            for inst in bb.get_instructions() {
                let Ok(call) = CallSiteValue::try_from(inst) else { continue };
                let mark = match call.get_called_fn_value() {
                    Some(callee) => converted.contains(callee.get_name().to_string_lossy().as_ref()),
                    None => returns_float(inst.get_type()),
                };
                if mark {
                    call.add_attribute(AttributeLoc::Return, inreg);
                }
            }
        }
    }
}
