//! Exact traps for accesses whose value is not needed, under the
//! strategies whose only bounds check is the hardware fault (guard pages,
//! segment).
//!
//! A wasm load out of bounds must trap even when its value is dead, but
//! LLVM deletes unused loads, and with them the fault: a load whose value
//! is dropped, stored to a local never read, masked to zero, selected
//! between two equal values, returned to a caller that ignores it, ...
//! Which loads die is only known once LLVM has simplified the module, so
//! the LLVM step runs in two halves (src/pipeline/llvm.rs) and the work is
//! split around the first:
//!
//! - `keep_loads`, before it: every non-volatile linear-memory load (the
//!   "wasm linear memory" TBAA tag, translate/memory.rs) is followed by a
//!   sink, an empty inline asm taking the value in a register whose only
//!   effect is on inaccessible memory. The sink cannot be deleted, so
//!   neither can the load; since it touches no memory LLVM can see, loads
//!   still move and merge, functions reading memory are still inferred
//!   read-only on their arguments, and inlining hardly changes.
//! - `release_loads`, after it: every sink is deleted. Where its operand
//!   was the load's only remaining use (the access would have been
//!   deleted), the load(s) it came from (through phis, selects, casts and
//!   arithmetic: GVN may have replaced a load by a phi of loads) become
//!   volatile, which the optimization half and code generation keep. A
//!   sink whose operand is a constant or a stored value (store-to-load
//!   forwarding) needs nothing: the covering access still traps. Loads
//!   whose value is used stay plain, so hot loops still vectorize.
//!
//! The sink is recognised by its shape (an empty asm string, constraint
//! `r`, no result), which survives whatever passes do to metadata. Its
//! price: callers of functions that load are no longer inferred
//! `norecurse`, `nosync` or `nofree` (LLVM infers those from called
//! functions only); a call to a declared function would keep them, but
//! the inliner prices a call at about seven instructions where it prices
//! the asm at two, and with it inlining changed across the benchmarks
//! (code_benches/published/2026-12-04-x86-exact-traps).

use crate::error::{Error, Result};
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::builder::Builder;
use inkwell::context::ContextRef;
use inkwell::module::Module;
use inkwell::values::{
    AnyValue, AnyValueEnum, AsValueRef, BasicMetadataValueEnum, BasicValue, BasicValueEnum,
    InstructionOpcode, InstructionValue,
};
use std::collections::HashSet;

/// The sink's inline asm constraints: one register input, nothing else.
const SINK_CONSTRAINTS: &str = "r";

/// The TBAA access type translate/mod.rs gives linear-memory accesses.
const MEMORY_TAG: &[u8] = b"wasm linear memory";

/// `memory(inaccessiblemem: readwrite)`: two bits per location (argmem,
/// inaccessiblemem, other), ModRef = 3.
const INACCESSIBLE_READWRITE: u64 = 3 << 2;

/// How many users deep `unused` looks for a live use.
const DEAD_DEPTH: u32 = 4;

/// The values a dead sink's operand is traced back through, at most: more
/// would be a pathological chain, whose loads then stay as they are.
const MAX_TRACE: usize = 256;

/// Put a sink after every non-volatile linear-memory load of `m`.
pub fn keep_loads(m: &Module) -> Result<()> {
    let cx = m.get_context();
    let tbaa = cx.get_kind_id("tbaa");
    for f in m.get_functions() {
        let loads: Vec<_> = super::ir::instructions(f).filter(|i| is_memory_load(*i, tbaa)).collect();
        if loads.is_empty() {
            continue;
        }
        let b = cx.create_builder();
        for load in loads {
            let Some(next) = load.get_next_instruction() else { continue };
            let v = BasicValueEnum::try_from(load.as_any_value_enum())
                .map_err(|_| Error::backend("keep-loads: a load without a value"))?;
            b.position_before(&next);
            sink(&cx, &b, v)?;
        }
    }
    Ok(())
}

/// Delete every sink; make the loads whose value was only kept by one
/// volatile.
pub fn release_loads(m: &Module) -> Result<()> {
    let mut kept = Vec::new();
    for f in m.get_functions() {
        for call in super::ir::instructions(f).filter(|i| is_sink(*i)).collect::<Vec<_>>() {
            kept.push(super::ir::operand(call, 0).and_then(|v| v.as_instruction_value()));
            call.erase_from_basic_block();
        }
    }
    let b = m.get_context().create_builder();
    for v in kept.into_iter().flatten() {
        for load in dead_loads(v) {
            load.set_volatile(true).map_err(|_| Error::backend("release-loads: volatile"))?;
        }
        if v.get_opcode() == InstructionOpcode::Load
            && v.get_volatile().is_ok_and(|x| !x)
            && only_low_bits_used(v)
        {
            freeze(&b, v)?;
        }
    }
    Ok(())
}

/// Whether every user of the integer load `load` reads only its low
/// bytes (a truncation, a mask or a left shift by a constant): code
/// generation then narrows the load to those bytes (on little-endian
/// targets, the first ones), and a load straddling the end of memory no
/// longer reaches the guard page.
fn only_low_bits_used(load: InstructionValue<'_>) -> bool {
    let Ok(BasicValueEnum::IntValue(v)) = BasicValueEnum::try_from(load.as_any_value_enum()) else {
        return false;
    };
    let width = v.get_type().get_bit_width();
    let narrowing = |u: InstructionValue<'_>| match u.get_opcode() {
        InstructionOpcode::Trunc => true,
        InstructionOpcode::And | InstructionOpcode::Shl => {
            let c = super::ir::int_operand(u, 1).and_then(|c| c.get_zero_extended_constant());
            match (u.get_opcode(), c) {
                (InstructionOpcode::And, Some(c)) => width > 8 && c < 1u64 << (width - 8),
                (InstructionOpcode::Shl, Some(c)) => c >= 8,
                _ => false,
            }
        }
        _ => false,
    };
    let mut users = std::iter::successors(load.get_first_use(), |u| u.get_next_use()).peekable();
    users.peek().is_some() && users.all(|u| user_instruction(u.get_user()).is_some_and(narrowing))
}

/// A use's user as an instruction (inkwell types it by its value).
fn user_instruction(user: AnyValueEnum<'_>) -> Option<InstructionValue<'_>> {
    match user {
        AnyValueEnum::InstructionValue(i) => Some(i),
        other => BasicValueEnum::try_from(other).ok()?.as_instruction_value(),
    }
}

/// Route every use of `load` through a `freeze` of it: instruction
/// selection does not narrow a load behind a freeze, which costs nothing
/// but the fold of the load into its user.
fn freeze<'ctx>(b: &Builder<'ctx>, load: InstructionValue<'ctx>) -> Result<()> {
    let next =
        load.get_next_instruction().ok_or_else(|| Error::backend("release-loads: load at block end"))?;
    b.position_before(&next);
    let v = BasicValueEnum::try_from(load.as_any_value_enum())
        .map_err(|_| Error::backend("release-loads: a load without a value"))?;
    // SAFETY: the builder is positioned in a function of the module, and
    // `v` is a value of it; LLVMBuildFreeze returns a new instruction.
    let frozen = unsafe { llvm_sys::core::LLVMBuildFreeze(b.as_mut_ptr(), v.as_value_ref(), c"".as_ptr()) };
    // SAFETY: `frozen` is an instruction (just built).
    let frozen = unsafe { InstructionValue::new(frozen) };
    load.replace_all_uses_with(&frozen);
    // The freeze was a use of the load too: give it its operand back.
    frozen.set_operand(0, v);
    Ok(())
}

/// The loads `v` is computed from (through side-effect-free instructions)
/// whose value no live instruction uses once `v`'s sink is gone.
fn dead_loads(v: InstructionValue<'_>) -> Vec<InstructionValue<'_>> {
    // Candidates: `v` and what it is computed from, loads as leaves.
    let mut cands = vec![v];
    let mut seen: HashSet<_> = [v.as_value_ref()].into();
    let mut i = 0;
    while i < cands.len() && cands.len() < MAX_TRACE {
        let x = cands[i];
        i += 1;
        if x.get_opcode() == InstructionOpcode::Load || !traceable(x) {
            continue;
        }
        for n in 0..x.get_num_operands() {
            let Some(o) = super::ir::operand(x, n).and_then(|o| o.as_instruction_value()) else { continue };
            if seen.insert(o.as_value_ref()) {
                cands.push(o);
            }
        }
    }
    if cands.len() >= MAX_TRACE {
        return Vec::new();
    }
    // Live: a candidate used outside the candidates (but for a pure
    // instruction nothing uses, which the optimization half deletes), or
    // by a live one.
    let mut live: HashSet<_> = HashSet::new();
    let mut work: Vec<_> = cands
        .iter()
        .copied()
        .filter(|c| users_of(*c).any(|u| !seen.contains(&u.as_value_ref()) && !unused(u, DEAD_DEPTH)))
        .collect();
    while let Some(x) = work.pop() {
        if !live.insert(x.as_value_ref()) || x.get_opcode() == InstructionOpcode::Load {
            continue;
        }
        for n in 0..x.get_num_operands() {
            let Some(o) = super::ir::operand(x, n).and_then(|o| o.as_instruction_value()) else { continue };
            if seen.contains(&o.as_value_ref()) {
                work.push(o);
            }
        }
    }
    cands
        .into_iter()
        .filter(|c| c.get_opcode() == InstructionOpcode::Load && !live.contains(&c.as_value_ref()))
        .filter(|c| c.get_volatile().is_ok_and(|v| !v))
        .collect()
}

/// Instructions a dead value is traced back through: no side effects and
/// the value is computed from the operands.
fn traceable(i: InstructionValue<'_>) -> bool {
    use InstructionOpcode::*;
    matches!(
        i.get_opcode(),
        Phi | Select
            | Freeze
            | ZExt
            | SExt
            | Trunc
            | BitCast
            | FPExt
            | FPTrunc
            | FPToSI
            | FPToUI
            | SIToFP
            | UIToFP
            | Add
            | Sub
            | Mul
            | And
            | Or
            | Xor
            | Shl
            | LShr
            | AShr
            | FAdd
            | FSub
            | FMul
            | FDiv
            | FNeg
            | ICmp
            | FCmp
            | ExtractElement
            | InsertElement
            | ShuffleVector
            | ExtractValue
            | InsertValue
    )
}

/// The instructions using `i`.
fn users_of<'ctx>(i: InstructionValue<'ctx>) -> impl Iterator<Item = InstructionValue<'ctx>> + 'ctx {
    std::iter::successors(i.get_first_use(), |u| u.get_next_use())
        .filter_map(|u| user_instruction(u.get_user()))
}

/// Whether `i` is a pure instruction whose value nothing live uses,
/// looking `depth` users deep: dead code the simplification half left
/// (dead argument elimination runs last), which would take a load with it.
fn unused(i: InstructionValue<'_>, depth: u32) -> bool {
    traceable(i) && depth > 0 && users_of(i).all(|u| unused(u, depth - 1))
}

/// A non-volatile load tagged as a linear-memory access.
fn is_memory_load(i: InstructionValue<'_>, tbaa: u32) -> bool {
    if i.get_opcode() != InstructionOpcode::Load || i.get_volatile().unwrap_or(true) {
        return false;
    }
    let Some(tag) = i.get_metadata(tbaa) else {
        return false;
    };
    fn name(md: BasicMetadataValueEnum<'_>) -> Option<BasicMetadataValueEnum<'_>> {
        match md {
            BasicMetadataValueEnum::MetadataValue(node) => node.get_node_values()?.into_iter().next(),
            _ => None,
        }
    }
    let access = tag.get_node_values().and_then(|ops| ops.into_iter().nth(1)).and_then(name);
    matches!(access, Some(BasicMetadataValueEnum::MetadataValue(s)) if s.get_string_value() == Some(MEMORY_TAG))
}

/// A sink for `v` at the builder's position: an empty inline asm taking
/// `v` in a register, with side effects on inaccessible memory only. An
/// asm rather than a call to a declared function: LLVM's inliner counts
/// it as two instructions, not as a call (which cost up to 7 more each
/// and changed inlining across the benchmarks).
fn sink<'ctx>(cx: &ContextRef<'ctx>, b: &Builder<'ctx>, v: BasicValueEnum<'ctx>) -> Result<()> {
    let fn_ty = cx.void_type().fn_type(&[v.get_type().into()], false);
    let asm = cx.create_inline_asm(fn_ty, String::new(), SINK_CONSTRAINTS.into(), true, false, None, false);
    let call = b.build_indirect_call(fn_ty, asm, &[v.into()], "")?;
    for (attr, val) in [
        ("nounwind", 0),
        ("willreturn", 0),
        ("nocallback", 0),
        ("nosync", 0),
        ("nofree", 0),
        ("memory", INACCESSIBLE_READWRITE),
    ] {
        call.add_attribute(
            AttributeLoc::Function,
            cx.create_enum_attribute(Attribute::get_named_enum_kind_id(attr), val),
        );
    }
    Ok(())
}

/// Whether `i` is a sink: a void call of an empty inline asm with the
/// sink's constraints (passes/mirror.rs's opaque asm returns a value).
fn is_sink(i: InstructionValue<'_>) -> bool {
    if i.get_opcode() != InstructionOpcode::Call || !i.get_type().is_void_type() || i.get_num_operands() != 2
    {
        return false;
    }
    // SAFETY: `i` is a call, whose called operand LLVMGetCalledValue
    // returns; the asm queries are made only on an InlineAsm value, and
    // the strings they return live as long as it.
    unsafe {
        use llvm_sys::core::*;
        let callee = LLVMGetCalledValue(i.as_value_ref());
        if LLVMIsAInlineAsm(callee).is_null() {
            return false;
        }
        let text = |f: unsafe extern "C" fn(_, *mut usize) -> *const std::ffi::c_char| {
            let mut len = 0;
            let p = f(callee, &mut len);
            if p.is_null() { &[][..] } else { std::slice::from_raw_parts(p.cast::<u8>(), len) }
        };
        text(LLVMGetInlineAsmAsmString).is_empty()
            && text(LLVMGetInlineAsmConstraintString) == SINK_CONSTRAINTS.as_bytes()
    }
}
