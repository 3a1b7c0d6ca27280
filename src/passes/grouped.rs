//! One explicit check for accesses a constant apart (Cortex-M).
//!
//! Insertion sort's `p[k + 1] = p[k]` loads at `x` and stores at `x + 4`:
//! two checks per iteration (`cmp`/`bhi` each) on one index. This pass
//! finds such groups — accesses with the same memory base and size whose
//! i32 indices are the same sum of values plus different constants, one
//! of them (the leader) dominating the others — and tests once, at the
//! leader, whether the whole span the group can touch is in bounds:
//!
//! ```text
//! z = x + cmin  (the lowest index, i32)     fast = zext(z) + span <= limit
//! ```
//!
//! `span` covers every member's constant, offset and width, so when
//! `fast` holds each member's index is `z + (c - cmin)` without a 32-bit
//! wrap and in bounds: every member (the leader included) takes the
//! unchecked address `base + idx + offset`. When it does not, each access
//! makes its own check as before and traps exactly where wasm says: the
//! test only chooses between two ways of computing the same addresses.
//! Members test `fast` again; LLVM's jump threading, seeing the leader's
//! branch on the same condition, sends the fast path through the
//! members without a test. The leader dominates the members and the
//! members' values were all defined before the leader (it uses them), so
//! at each member `fast` is the leader's test of the values the member
//! uses. Base and size being the same SSA values means no call (which
//! could grow memory and move it) reloaded them in between.
//!
//! After each access an `llvm.assume` states what its check would have:
//! the index is in bounds (both ways to it guarantee that), so LLVM still
//! drops the checks of later accesses at that index (quicksort's swap
//! after its scans).
//!
//! Groups stay inside one innermost loop, and the general copies of
//! counted loops (translate/loop_plans.rs) are left as translated. Loops
//! exiting on data are translated with their body twice (translate/loop_plans.rs), so
//! their two iterations form a group and share one test.
//!
//! The checked path is the address function, called from a helper
//! (`awsm_grouped_addr`, always inlined) so the branch appears when LTO
//! inlines it; the bound is the runtime's `awsm_mem_limit_explicit`, the
//! size the checks compare against (Cortex-M scales it by its page size).
//!
//! Measured on the embedded kernels
//! (code_benches/published/2026-11-22-cortex-m-grouped-checks): with the unrolled loops of translate/loop_plans.rs,
//! sort 2.93 M -> 2.64 M instructions, crc32 0.85 M -> 0.79 M, matmul
//! and sha256 unchanged.

use super::ir::{calls_to, leaves, limit_fn, operand};
use super::loops::Loops;
use crate::error::{Error, Result};
use crate::translate::counted_guard;
use inkwell::IntPredicate;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::builder::Builder;
use inkwell::intrinsics::Intrinsic;
use inkwell::module::{Linkage, Module};
use inkwell::values::{
    AsValueRef, BasicValue, BasicValueEnum, FunctionValue, InstructionOpcode, InstructionValue, PointerValue,
};
use llvm_sys::prelude::LLVMValueRef;
use std::collections::HashMap;

/// Group the calls to `addr_fn` (the explicit strategy's address
/// function) in every function of `module`.
pub fn group_checks(module: &Module, addr_fn: &str) -> Result<()> {
    let Some(addr) = module.get_function(addr_fn) else { return Ok(()) };
    let cx = module.get_context();
    let b = cx.create_builder();
    let mut helpers = None;
    for f in module.get_functions() {
        let accesses: Vec<Access> = calls_to(f, addr).filter_map(Access::of).collect();
        if accesses.len() < 2 {
            continue;
        }
        let loops = Loops::of(f);
        let general = general_copies(&loops, f);
        let accesses: Vec<_> = accesses
            .into_iter()
            .filter(|a| !loops.loop_of(a.call).is_some_and(|l| general.contains(&l)))
            .collect();
        for group in groups(&loops, &accesses) {
            let (limit, grouped, assume) = match helpers {
                Some(h) => h,
                None => *helpers.insert(declare(module, addr)?),
            };
            rewrite(&b, limit, grouped, assume, &group)?;
        }
    }
    module.verify().map_err(|e| Error::backend(format!("grouped checks broke the IR: {e}")))
}

/// One call to the address function, its index split into the sum of
/// its non-constant terms (`key`, with base and size) and a constant.
#[derive(Clone)]
struct Access<'ctx> {
    call: InstructionValue<'ctx>,
    key: (LLVMValueRef, LLVMValueRef, Vec<LLVMValueRef>),
    konst: u32,
    /// The i32 index (before zero extension).
    index: inkwell::values::IntValue<'ctx>,
    /// offset + width: the bytes past the index the access touches.
    end: u64,
}

impl<'ctx> Access<'ctx> {
    fn of(call: InstructionValue<'ctx>) -> Option<Self> {
        let (base, size, idx, off, width) =
            (operand(call, 1)?, operand(call, 2)?, operand(call, 3)?, operand(call, 4)?, operand(call, 5)?);
        let off = off.into_int_value().get_zero_extended_constant()?;
        let width = width.into_int_value().get_zero_extended_constant()?;
        let zext = idx
            .into_int_value()
            .as_instruction_value()
            .filter(|i| i.get_opcode() == InstructionOpcode::ZExt)?;
        let index = operand(zext, 0)?.into_int_value();
        if index.get_type().get_bit_width() != 32 {
            return None;
        }
        let mut konst = 0u32;
        let mut terms = Vec::new();
        for t in leaves(index) {
            match t.get_zero_extended_constant() {
                Some(c) => konst = konst.wrapping_add(c as u32),
                None => terms.push(t.as_value_ref()),
            }
        }
        terms.sort();
        Some(Access {
            call,
            key: (base.as_value_ref(), size.as_value_ref(), terms),
            konst,
            index,
            end: off + width,
        })
    }
}

/// The loops that are the general copy of a counted loop
/// (translate/loop_plans.rs): they run only when the guard fails, so they keep the
/// checks as translated (grouping them would only add code, and the code
/// around a hot counted copy is better left as it was: sha256's rounds
/// loop lost a register to it).
fn general_copies(loops: &Loops<'_>, f: FunctionValue<'_>) -> Vec<usize> {
    counted_guard::guards(f)
        .into_iter()
        .filter_map(|g| counted_guard::general_header(g).and_then(|h| loops.loop_with_header(h)))
        .collect()
}

/// Whether access `a` runs before `b` on every path to `b`.
fn dominates(loops: &Loops<'_>, a: InstructionValue<'_>, b: InstructionValue<'_>) -> bool {
    let (Some(ba), Some(bb)) = (a.get_parent(), b.get_parent()) else { return false };
    if ba != bb {
        return loops.block_dominates(ba, bb);
    }
    let mut i = a.get_next_instruction();
    while let Some(x) = i {
        if x == b {
            return true;
        }
        i = x.get_next_instruction();
    }
    false
}

/// The innermost loop around `call`, if it has no loop inside: a group
/// stays in one. The leader's test stays live until the last member, so
/// across a loop it would take a register from that loop; and outside
/// loops, where code runs once, the members' second way to their address
/// costs flash for nothing.
fn region(loops: &Loops<'_>, call: InstructionValue<'_>) -> Option<usize> {
    let l = loops.loop_of(call)?;
    let innermost = loops
        .blocks_of(l)
        .iter()
        .all(|b| b.get_first_instruction().is_some_and(|i| loops.loop_of(i) == Some(l)));
    innermost.then_some(l)
}

/// Groups of two or more accesses with one key in one loop: a leader
/// (first) that dominates the others, and no access of the key
/// dominating the leader. A member the leader already covers (the same
/// index, no further end) is left alone: LLVM drops its check by itself.
fn groups<'ctx>(loops: &Loops<'ctx>, accesses: &[Access<'ctx>]) -> Vec<Vec<Access<'ctx>>> {
    let mut by_key: HashMap<_, Vec<&Access>> = HashMap::new();
    for a in accesses {
        let Some(r) = region(loops, a.call) else { continue };
        by_key.entry((a.key.clone(), r)).or_default().push(a);
    }
    let mut out = Vec::new();
    for same in by_key.into_values() {
        for lead in &same {
            if same.iter().any(|o| o.call != lead.call && dominates(loops, o.call, lead.call)) {
                continue;
            }
            let mut group = vec![(*lead).clone()];
            for m in &same {
                let covered = m.index == lead.index && m.end <= lead.end;
                if m.call != lead.call && !covered && dominates(loops, lead.call, m.call) {
                    group.push((*m).clone());
                }
            }
            if group.len() > 1 {
                out.push(group);
            }
        }
    }
    out
}

/// Declare the limit function and define the helper, `awsm_grouped_addr`:
/// the unchecked address when its flag is set, else the address function's.
fn declare<'ctx>(
    m: &Module<'ctx>,
    addr: FunctionValue<'ctx>,
) -> Result<(FunctionValue<'ctx>, FunctionValue<'ctx>, FunctionValue<'ctx>)> {
    let cx = m.get_context();
    let (i1, i32t, i64t, ptr) = (cx.bool_type(), cx.i32_type(), cx.i64_type(), cx.ptr_type(0.into()));
    let limit = limit_fn(m);
    let assume = Intrinsic::find("llvm.assume")
        .and_then(|i| i.get_declaration(m, &[]))
        .ok_or_else(|| Error::backend("LLVM has no llvm.assume"))?;
    let params = [i1.into(), ptr.into(), ptr.into(), i64t.into(), i64t.into(), i64t.into(), i32t.into()];
    let f = m.add_function(
        crate::abi::symbols::GROUPED_ADDR.name,
        ptr.fn_type(&params, false),
        Some(Linkage::Internal),
    );
    let inline = Attribute::get_named_enum_kind_id("alwaysinline");
    f.add_attribute(AttributeLoc::Function, cx.create_enum_attribute(inline, 0));
    let p: Vec<BasicValueEnum> = f.get_param_iter().collect();
    let [fast, ctx, base, size, idx, off, width] = p[..] else {
        return Err(Error::backend("grouped checks: helper parameters"));
    };
    let (entry, unchecked, checked) =
        (cx.append_basic_block(f, ""), cx.append_basic_block(f, ""), cx.append_basic_block(f, ""));
    let b = cx.create_builder();
    b.position_at_end(entry);
    let br = b.build_conditional_branch(fast.into_int_value(), unchecked, checked)?;
    let weights = cx.metadata_node(&[
        cx.metadata_string("branch_weights").into(),
        i32t.const_int(1 << 20, false).into(),
        i32t.const_int(1, false).into(),
    ]);
    br.set_metadata(weights, cx.get_kind_id("prof"))
        .map_err(|_| Error::backend("grouped checks: weights"))?;
    b.position_at_end(unchecked);
    let at = b.build_int_add(idx.into_int_value(), off.into_int_value(), "")?;

    // SAFETY: a plain i8 gep: the address function's result when in bounds.
    let p = unsafe { b.build_gep(cx.i8_type(), base.into_pointer_value(), &[at], "")? };
    b.build_return(Some(&p))?;
    b.position_at_end(checked);
    let args = [ctx.into(), base.into(), size.into(), idx.into(), off.into(), width.into()];
    let call = b.build_call(addr, &args, "")?;
    let p =
        call.try_as_basic_value().basic().ok_or_else(|| Error::backend("address function returns void"))?;
    b.build_return(Some(&p))?;
    Ok((limit, f, assume))
}

fn rewrite<'ctx>(
    b: &Builder<'ctx>,
    limit_fn: FunctionValue<'ctx>,
    grouped: FunctionValue<'ctx>,
    assume: FunctionValue<'ctx>,
    group: &[Access<'ctx>],
) -> Result<()> {
    let lead = &group[0];
    let cx = limit_fn.get_type().get_context();
    let (i32t, i64t) = (cx.i32_type(), cx.i64_type());
    // Offsets from the lowest constant, in wrapping i32 (the group's
    // constants are small; a span over 2^31 is not worth a group).
    let cmin = group.iter().map(|a| a.konst.wrapping_sub(lead.konst) as i32).min().unwrap_or(0);
    let mut span = 0u64;
    for a in group {
        let rel = (a.konst.wrapping_sub(lead.konst) as i32 as i64) - cmin as i64;
        if !(0..1 << 31).contains(&rel) {
            return Ok(());
        }
        span = span.max(rel as u64 + a.end);
    }
    b.position_before(&lead.call);
    let z = b.build_int_add(lead.index, i32t.const_int(cmin as u32 as u64, false), "")?;
    let size = operand(lead.call, 2).ok_or_else(|| Error::backend("grouped checks: size"))?;
    let limit = b.build_call(limit_fn, &[size.into()], "limit")?;
    let limit = limit.try_as_basic_value().basic().ok_or_else(|| Error::backend("limit"))?.into_int_value();
    let reach = b.build_int_add(b.build_int_z_extend(z, i64t, "")?, i64t.const_int(span, false), "")?;
    let fast = b.build_int_compare(IntPredicate::ULE, reach, limit, "fast")?;
    for a in group {
        b.position_before(&a.call);
        let mut args = vec![fast.into()];
        for n in 0..6 {
            args.push(operand(a.call, n).ok_or_else(|| Error::backend("grouped checks: operands"))?.into());
        }
        let call = b.build_call(grouped, &args, "")?;
        let p: PointerValue = call
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| Error::backend("grouped checks: helper result"))?
            .into_pointer_value();
        // What the check tells LLVM either way: the index is in bounds
        // (so a later access at the same index needs no check of its own).
        let last =
            b.build_int_truncate(b.build_int_sub(limit, i64t.const_int(a.end, false), "")?, i32t, "")?;
        let inside = b.build_int_compare(IntPredicate::ULE, a.index, last, "")?;
        b.build_call(assume, &[inside.into()], "")?;
        let Some(inst) = p.as_instruction_value() else { continue };
        a.call.replace_all_uses_with(&inst);
        a.call.erase_from_basic_block();
    }
    Ok(())
}
