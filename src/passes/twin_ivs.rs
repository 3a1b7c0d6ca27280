//! Cortex-M: one register for induction variables a constant apart.
//!
//! Wasm produced by clang often keeps several counters for one loop that
//! advance in step and differ by a constant: insertion sort's outer loop
//! carries `i` and `i + 1` (the inner loop starts from the second), as
//! well as the element's address. LLVM's pipeline leaves such pairs
//! alone (IndVarSimplify only merges counters with identical start
//! values). The backend's loop strength reduction merges twins that are
//! used inside their loop, but not one whose only use is to start another
//! loop's counter, as insertion sort's `i + 1` is. Such a twin costs a
//! register and an `add` per iteration; on a Cortex-M, with 13 usable
//! registers, the extra register is what pushes constants such as a
//! bounds-check limit out of registers, to be rebuilt with a `movw` every
//! iteration. For the embedded sort kernel (code_benches/published/
//! 2026-11-22-cortex-m-twin-counters) merging its
//! `i + 1` into `i` removes 29 k of 2.64 M instructions; the other three
//! kernels have no such counter.
//!
//! The rewrite runs after LLVM's pipeline, just before code generation:
//! two phis of one block with the same two incoming blocks, each advanced
//! by the same constant (`%a.next = add %a, S`) along one edge, whose values
//! along the other edge differ by a constant `C` (two constants, or
//! `%b.init = add %a.init, C`), always differ by `C`: on entry by
//! construction, and after each step because both advance by `S` from the
//! values of the current pass through the block (the `add` using a phi is
//! dominated by its block, so it runs after the latest entry into it). So
//! the second is replaced by `add %a, C` placed after the phis. Wrapping
//! arithmetic keeps it exact for every value, overflow included.
//!
//! Only twins that serve solely as other phis' incoming values are
//! merged: a twin used in its own loop, once a sum, is split off again by
//! loop strength reduction into a fresh counter (matmul's set-up loop
//! gained an instruction per iteration when all twins were merged).
//!
//! Soundness: the twin's value is the kept counter plus the constant on
//! every iteration (argued above).

use super::ir::{int_operand, phis};
use inkwell::basic_block::BasicBlock;
use inkwell::module::Module;
use inkwell::values::{
    AnyValue, AnyValueEnum, BasicValue, BasicValueEnum, InstructionOpcode, InstructionValue, IntValue,
    PhiValue,
};

/// A phi advanced by a constant along one incoming edge.
struct Recurrence<'ctx> {
    phi: PhiValue<'ctx>,
    step: u64,
    next: InstructionValue<'ctx>,
    back: BasicBlock<'ctx>,
    init: IntValue<'ctx>,
    entry: BasicBlock<'ctx>,
}

/// Replace, in every function of `module`, each integer phi that is
/// another phi of its block plus a constant (module docs) by that sum.
pub fn merge_twin_ivs(module: &Module) {
    let b = module.get_context().create_builder();
    for f in module.get_functions() {
        for bb in f.get_basic_blocks() {
            let mut recs: Vec<Recurrence> = phis(bb).filter_map(recurrence).collect();
            // Most-used first, so the counter that stays is the busiest.
            recs.sort_by_key(|r| std::cmp::Reverse(uses(r.phi.as_instruction()) + uses(r.next)));
            let mut gone = vec![false; recs.len()];
            for keep in 0..recs.len() {
                if gone[keep] {
                    continue;
                }
                for twin in keep + 1..recs.len() {
                    if gone[twin] {
                        continue;
                    }
                    if !only_starts_loops(&recs[twin]) {
                        continue;
                    }
                    let Some(offset) = offset(&recs[keep], &recs[twin]) else { continue };
                    let Some(first) = bb.get_first_instruction() else { continue };
                    let Some(at) = std::iter::successors(Some(first), |i| i.get_next_instruction())
                        .find(|i| i.get_opcode() != InstructionOpcode::Phi)
                    else {
                        continue;
                    };
                    b.position_before(&at);
                    let base = recs[keep].phi.as_basic_value().into_int_value();
                    let Ok(sum) = b.build_int_add(base, offset, "iv.twin") else { continue };
                    let twin_phi = recs[twin].phi.as_instruction();
                    twin_phi.as_any_value_enum().into_int_value().replace_all_uses_with(sum);
                    twin_phi.erase_from_basic_block();
                    recs[twin].next.erase_from_basic_block();
                    gone[twin] = true;
                }
            }
        }
    }
}

fn uses(inst: InstructionValue<'_>) -> usize {
    std::iter::successors(inst.get_first_use(), |u| u.get_next_use()).count()
}

/// Whether `r` serves only as the start of other recurrences (every use
/// of the phi but its own step is a phi) and its step only advances it.
/// That is the twin the backend's loop strength reduction cannot see:
/// it rewrites uses inside a loop, and merges twins used there itself
/// (where a sum used in the loop would have it split them again).
fn only_starts_loops(r: &Recurrence<'_>) -> bool {
    let step = r.next;
    std::iter::successors(r.phi.as_instruction().get_first_use(), |u| u.get_next_use()).all(|u| {
        let user = match u.get_user() {
            AnyValueEnum::PhiValue(p) => Some(p.as_instruction()),
            other => BasicValueEnum::try_from(other).ok().and_then(|v| v.as_instruction_value()),
        };
        user == Some(step) || user.is_some_and(|i| i.get_opcode() == InstructionOpcode::Phi)
    }) && uses(step) == 1
}

/// `phi` as an integer recurrence `phi [init, entry], [add phi, step, back]`.
fn recurrence<'ctx>(phi: PhiValue<'ctx>) -> Option<Recurrence<'ctx>> {
    if phi.count_incoming() != 2 || !phi.as_basic_value().is_int_value() {
        return None;
    }
    let width = phi.as_basic_value().into_int_value().get_type().get_bit_width();
    if width > 64 {
        return None;
    }
    let (a, a_bb) = phi.get_incoming(0)?;
    let (b, b_bb) = phi.get_incoming(1)?;
    if a_bb == b_bb {
        return None;
    }
    let stepped = |v: BasicValueEnum<'ctx>| -> Option<(InstructionValue<'ctx>, u64)> {
        let next = v.into_int_value().as_instruction_value()?;
        if next.get_opcode() != InstructionOpcode::Add {
            return None;
        }
        let (x, y) = (int_operand(next, 0)?, int_operand(next, 1)?);
        let me = phi.as_basic_value().into_int_value();
        let step = match (x == me, y == me) {
            (true, false) if y.is_const() => y.get_zero_extended_constant()?,
            (false, true) if x.is_const() => x.get_zero_extended_constant()?,
            _ => return None,
        };
        Some((next, step))
    };
    let (next, step, back, init, entry) = match (stepped(a), stepped(b)) {
        (Some((next, step)), None) => (next, step, a_bb, b.into_int_value(), b_bb),
        (None, Some((next, step))) => (next, step, b_bb, a.into_int_value(), a_bb),
        _ => return None,
    };
    Some(Recurrence { phi, step, next, back, init, entry })
}

/// `C` with `twin = keep + C` on every pass, if the two recurrences are
/// twins: same type, edges and step, initial values a constant apart.
fn offset<'ctx>(keep: &Recurrence<'ctx>, twin: &Recurrence<'ctx>) -> Option<IntValue<'ctx>> {
    let ty = keep.init.get_type();
    if twin.init.get_type() != ty
        || keep.step != twin.step
        || keep.back != twin.back
        || keep.entry != twin.entry
    {
        return None;
    }
    let bits = ty.get_bit_width();
    let mask = if bits == 64 { u64::MAX } else { (1u64 << bits) - 1 };
    if keep.init.is_const() && twin.init.is_const() {
        let (k, t) = (keep.init.get_zero_extended_constant()?, twin.init.get_zero_extended_constant()?);
        return Some(ty.const_int(t.wrapping_sub(k) & mask, false));
    }
    // `twin.init = add keep.init, C`
    let add = twin.init.as_instruction_value().filter(|i| i.get_opcode() == InstructionOpcode::Add)?;
    let (x, y) = (int_operand(add, 0)?, int_operand(add, 1)?);
    match (x == keep.init, y == keep.init) {
        (true, false) if y.is_const() => Some(y),
        (false, true) if x.is_const() => Some(x),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rewritten(ir: &str) -> String {
        crate::passes::ir::rewritten_ir(ir, merge_twin_ivs)
    }

    /// Insertion sort's shape: the outer loop carries `i` from 1 and
    /// `j` from 2, both +1, and `j` only starts the inner loop's `k`. `i`
    /// is also used for an address and its exit test, so `i` stays.
    const TWINS: &str = "define void @f(i32 %n, ptr %p) {
    entry:
      br label %outer
    outer:
      %i = phi i32 [ 1, %entry ], [ %i.next, %latch ]
      %j = phi i32 [ %j.next, %latch ], [ 2, %entry ]
      %a = getelementptr i32, ptr %p, i32 %i
      store i32 0, ptr %a
      br label %inner
    inner:
      %k = phi i32 [ %j, %outer ], [ %k.next, %inner ]
      %b = getelementptr i32, ptr %p, i32 %k
      store i32 %k, ptr %b
      %k.next = add i32 %k, -1
      %more = icmp sgt i32 %k.next, 1
      br i1 %more, label %inner, label %latch
    latch:
      %i.next = add nuw nsw i32 %i, 1
      %j.next = add nuw nsw i32 %j, 1
      %done = icmp eq i32 %i.next, %n
      br i1 %done, label %exit, label %outer
    exit:
      ret void
    }";

    #[test]
    fn a_counter_that_starts_a_loop_a_constant_ahead_becomes_a_sum() {
        let ir = rewritten(TWINS);
        assert!(!ir.contains("%j = phi"), "{ir}");
        assert!(!ir.contains("%j.next"), "{ir}");
        assert!(ir.contains("%iv.twin = add i32 %i, 1"), "{ir}");
        assert!(ir.contains("%k = phi i32 [ %iv.twin, %outer ]"), "{ir}");
    }

    #[test]
    fn the_offset_wraps_and_may_come_from_an_add() {
        let ir = rewritten(&TWINS.replace("[ 1, %entry ]", "[ 3, %entry ]"));
        assert!(ir.contains("%iv.twin = add i32 %i, -1"), "{ir}");
        let from_add = TWINS
            .replace(
                "define void @f(i32 %n, ptr %p) {\n    entry:",
                "define void @f(i32 %n, ptr %p, i32 %s) {\n    entry:\n      %s2 = add i32 %s, 7",
            )
            .replace("[ 1, %entry ]", "[ %s, %entry ]")
            .replace("[ 2, %entry ]", "[ %s2, %entry ]");
        assert!(from_add.contains("%s2 = add"), "{from_add}");
        let ir = rewritten(&from_add);
        assert!(ir.contains("%iv.twin = add i32 %i, 7"), "{ir}");
    }

    #[test]
    fn counters_that_are_not_twins_or_are_used_in_the_loop_are_left_alone() {
        for ir in [
            // different steps, not an add, not a recurrence, unrelated start
            TWINS.replace("%j.next = add nuw nsw i32 %j, 1", "%j.next = add nuw nsw i32 %j, 2"),
            TWINS.replace("%j.next = add nuw nsw i32 %j, 1", "%j.next = mul nuw nsw i32 %j, 1"),
            TWINS.replace("%j.next = add nuw nsw i32 %j, 1", "%j.next = add nuw nsw i32 %i, 1"),
            TWINS
                .replace("define void @f(i32 %n, ptr %p) {", "define void @f(i32 %n, ptr %p, i32 %s) {")
                .replace("[ 2, %entry ]", "[ %s, %entry ]"),
            // `j` used in the loop itself, or its step used after it
            TWINS.replace("store i32 0, ptr %a", "store i32 %j, ptr %a"),
            TWINS.replace("ret void", "store i32 %j.next, ptr %p\n      ret void"),
        ] {
            let out = rewritten(&ir);
            assert!(!out.contains("iv.twin"), "{out}");
            assert!(out.contains("%j = phi"), "{out}");
        }
    }
}
