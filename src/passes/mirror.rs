//! Affine addresses under guard pages.
//!
//! wasm computes addresses with wrapping `i32.add`, so an access at
//! `p + 8` inside a loop reaches LLVM as `zext(p + 8)`: not an affine
//! function of the loop counter, which blocks vectorization and the
//! folding of address arithmetic into addressing modes (the main gap to
//! native code, code_benches/published/2026-11-21-x86-round1). Under a mirrored strategy
//! (`Strategy::mirrored`) this pass rewrites the index of an access
//! without static offset, `zext(a + b)`, as `sext(a) + sext(b)` in 64
//! bits. That is exact, for every value of `a` and `b`, because of how
//! runtime/memory/guard_pages.c lays out a memory:
//!
//! - memory is at most 2 GiB, so an in-bounds wasm address `x` is below
//!   2^31, and the sum S = sext(a) + sext(b) (in [-2^32, 2^32)) is
//!   congruent to the wasm address modulo 2^32;
//! - S in [0, 2^32): S is the wasm address itself; at or past the size it
//!   falls in the PROT_NONE part of the reservation and traps;
//! - S in [-2^32, 0): the wasm address is S + 2^32, which is reached
//!   through a second view of the same pages mapped 4 GiB below the base
//!   (PROT_NONE past the size, so out-of-bounds traps there too).
//!
//! For every ordinary program S *is* the address, the one every other
//! access to that byte uses, so LLVM's alias analysis and SCEV reason
//! about real addresses. (Only a sum of two "negative" i32 values that
//! wraps to a small in-bounds address goes through the mirror, reaching
//! the right byte under a different address.)
//!
//! Longer sums are regrouped into two terms, canonically, so that two
//! accesses a constant apart get SCEVs a constant apart (otherwise the
//! vectorizer must check them against each other at run time, and that
//! check always fails for interleaved accesses such as `p[j]`,
//! `p[j + 1]`): the leaf defined last (in a loop nest, the innermost
//! induction variable) plus the constants form one term, the other
//! leaves, summed in definition order, the other. An induction variable
//! plus a constant has a range SCEV can bound, so its sign extension
//! stays affine. With a single non-constant leaf the constant is the
//! second term on its own.
//!
//! Inside a loop the first term is the sum of the leaves defined outside
//! the innermost loop, and `base + sext(first)` is computed once before
//! the loop and passed through an empty inline asm, so LLVM sees it as a
//! pointer of its own, like a C array parameter. Without that every
//! access has the linear memory as its one underlying object; as soon as
//! two arrays are at an unknown distance (`C[i][j] += a * B[k][j]`), the
//! vectorizer's dependence analysis gives up on the whole loop and falls
//! back to checking every pair of pointers at run time, including `p[j]`
//! against `p[j + 1]` of a loop clang unrolled, a check that always
//! fails. With a base per array only the arrays are checked against each
//! other, as in native code. The asm is an identity: addresses are the
//! same `base + sext(a) + sext(b)`.
//!
//! An index that is a single induction variable `q` of a counted loop
//! (translate/loop_plans.rs gave its increment nsw) becomes `sext(q)`, exact for the
//! same reasons, and inside the loop `opaque(base + sext(q0)) + (sext(q) -
//! sext(q0))`, `q0` its value on entry: a base of its own, as for arrays.
//!
//! Only accesses without a static offset are rewritten: wasm adds the
//! offset without wrapping, and those keep `zext(index) + offset`. And
//! sums of two or more variables only when a term is one an enclosing
//! loop advances (it reaches an induction variable through arithmetic),
//! or when the per-array base leaves a term whose sign extension is free:
//! elsewhere nothing is gained, and each sign extension costs an
//! instruction where the zero extension of a 32-bit sum is free (on
//! dijkstra's heap walk `heap + 8 * c` one more cycle on every address).
//! This runs after `mem2reg`, so it sees through wasm locals.
//!
//! Pays on: every polybench kernel under guard pages (the vectorized
//! loops of code_benches/published/2026-11-21-x86-round2-callgrind and
//! -round3: affine addresses
//! and per-array bases). Soundness: doc/bounds-checks.md, guard pages.

use super::ir::{as_op, induction_step, instructions, leaves, opaque, operand, sum};
use super::loops::Loops;
use crate::error::{Error, Result};
use inkwell::builder::Builder;
use inkwell::module::Module;
use inkwell::values::{
    AsValueRef, BasicValue, BasicValueEnum, FunctionValue, InstructionOpcode, InstructionValue, IntValue,
    PhiValue, PointerValue,
};
use llvm_sys::prelude::{LLVMBasicBlockRef, LLVMValueRef};
use std::collections::HashMap;

/// Values `reaches_induction` looks at before assuming it would find one.
const MAX_INDUCTION_VISITS: usize = 32;

/// Rewrite the index argument (operand 3) of every call to the address
/// function `addr_fn` in `module` whose offset (operand 4) is 0 from
/// `zext(a + b)` into `sext(a) + sext(b)`; with `array_bases`, the
/// loop-invariant part goes into the base argument (operand 1) instead.
pub fn widen_addresses(module: &Module, addr_fn: &str, array_bases: bool) -> Result<()> {
    let Some(callee) = module.get_function(addr_fn) else { return Ok(()) };
    let callee = callee.as_global_value().as_pointer_value();
    let cx = module.get_context();
    let b = cx.create_builder();
    for f in module.get_functions() {
        let mut w = Widener {
            b: &b,
            order: DefOrder::of(f),
            loops: array_bases.then(|| Loops::of(f)),
            bases: HashMap::new(),
        };
        for inst in instructions(f) {
            let is_addr_call = inst.get_opcode() == InstructionOpcode::Call
                && operand(inst, inst.get_num_operands() - 1)
                    .is_some_and(|c| c.into_pointer_value() == callee);
            if is_addr_call {
                w.widen_call(inst)?;
            }
        }
    }
    module.verify().map_err(|e| Error::backend(format!("address rewrite broke the IR: {e}")))
}

/// Where each parameter and instruction of a function is defined:
/// parameters first, then instructions in layout order. wasm's structured
/// control flow lays blocks out in program order, so an inner loop's
/// values come after the outer loop's.
struct DefOrder(HashMap<LLVMValueRef, usize>);

impl DefOrder {
    fn of(f: FunctionValue<'_>) -> Self {
        let mut pos = HashMap::new();
        for p in f.get_param_iter() {
            let n = pos.len();
            pos.insert(p.as_value_ref(), n);
        }
        for inst in instructions(f) {
            let n = pos.len();
            pos.insert(inst.as_value_ref(), n);
        }
        DefOrder(pos)
    }

    fn of_value(&self, v: IntValue<'_>) -> usize {
        self.0.get(&v.as_value_ref()).copied().unwrap_or(0)
    }
}

/// The rewrite of one function's accesses.
struct Widener<'b, 'ctx> {
    b: &'b Builder<'ctx>,
    order: DefOrder,
    loops: Option<Loops<'ctx>>,
    /// Array bases already built: (block before the loop, memory base,
    /// invariant leaves) -> base.
    bases: HashMap<(LLVMBasicBlockRef, LLVMValueRef, Vec<LLVMValueRef>), PointerValue<'ctx>>,
}

impl<'b, 'ctx> Widener<'b, 'ctx> {
    fn widen_call(&mut self, call: InstructionValue<'ctx>) -> Result<()> {
        let offset = operand(call, 4).and_then(|v| v.into_int_value().get_zero_extended_constant());
        if offset != Some(0) {
            return Ok(());
        }
        let Some(idx) = operand(call, 3).map(|v| v.into_int_value()) else { return Ok(()) };
        let Some(zext) = as_op(idx, InstructionOpcode::ZExt) else { return Ok(()) };
        let Some(narrow) = operand(zext, 0).map(|v| v.into_int_value()) else { return Ok(()) };
        if narrow.get_type().get_bit_width() != 32 {
            return Ok(());
        }
        let leaves = leaves(narrow);
        let wide = idx.get_type();
        if let Some((base, idx)) = self.induction_base(call, &leaves)? {
            call.set_operand(1, base);
            call.set_operand(3, idx);
            return Ok(());
        }
        if leaves.len() < 2 {
            // A lone pointer (an induction variable translate/loop_plans.rs gave
            // `add nsw`): sext keeps it affine, and is exact like a sum.
            // (Otherwise zext, free on x86-64 after a 32-bit operation.)
            if nsw_induction(narrow) {
                self.b.position_before(&call);
                call.set_operand(3, self.b.build_int_s_extend(narrow, wide, "idx")?);
            }
            return Ok(());
        }
        let moves = leaves.iter().any(|t| reaches_induction(*t));
        if let Some((base, variant)) = self.array_base(call, &leaves, moves)? {
            self.b.position_before(&call);
            let v = self.sum(&variant)?;
            call.set_operand(1, base);
            call.set_operand(3, self.b.build_int_s_extend(v, wide, "idx")?);
            return Ok(());
        }
        if !moves && leaves.iter().filter(|t| !t.is_const()).count() > 1 {
            // No term moves with a loop, so SCEV gains nothing from the
            // wide form, and zext is free after the 32-bit sum where each
            // sext is an instruction. (`p + C` is still widened: one
            // `sext(p)` serves every `p + C`, the constants becoming
            // displacements, as for fannkuch's arrays on the stack.)
            return Ok(());
        }
        let Some((first, second)) = split(leaves, &self.order) else { return Ok(()) };
        self.b.position_before(&call);
        let a = self.b.build_int_s_extend(self.sum(&first)?, wide, "")?;
        let c = self.b.build_int_s_extend(self.sum(&second)?, wide, "")?;
        call.set_operand(3, self.b.build_int_nsw_add(a, c, "idx")?);
        Ok(())
    }

    fn sum(&self, terms: &[IntValue<'ctx>]) -> Result<IntValue<'ctx>> {
        sum(self.b, terms)
    }

    /// For an access at `q` or `q + c`, `q` an induction variable of the
    /// innermost loop around it (a header phi) entered with `q0`: the base
    /// `opaque(base + sext(q0))`, built before the loop, and the index
    /// `sext(q) - sext(q0) + sext(c)`. The address is the usual two-term
    /// `base + sext(q) + sext(c)`; the base makes each pointer clang
    /// advances through an array its own object for alias analysis (as
    /// `array_base` does for indices with invariant leaves), and
    /// `sext(q) - sext(q0)` is affine when translate/loop_plans.rs gave q's
    /// increment nsw.
    fn induction_base(
        &mut self,
        call: InstructionValue<'ctx>,
        leaves: &[IntValue<'ctx>],
    ) -> Result<Option<(PointerValue<'ctx>, IntValue<'ctx>)>> {
        let Some(loops) = &self.loops else { return Ok(None) };
        let (consts, vars): (Vec<IntValue<'ctx>>, Vec<IntValue<'ctx>>) =
            leaves.iter().partition(|t| t.is_const());
        let ([q], [] | [_]) = (&vars[..], &consts[..]) else { return Ok(None) };
        let q = *q;
        let Some(phi) = q.as_instruction_value().and_then(|i| PhiValue::try_from(i).ok()) else {
            return Ok(None);
        };
        if !nsw_induction(q) {
            return Ok(None);
        }
        let Some(l) = loops.loop_of(call) else { return Ok(None) };
        let Some(pre) = loops.preheader(l) else { return Ok(None) };
        if phi.as_instruction().get_parent() != Some(loops.header(l)) {
            return Ok(None);
        }
        let mut entries = phi.get_incomings().filter(|(_, bb)| !loops.contains(l, *bb)).map(|(v, _)| v);
        let Some(q0) = entries.next() else { return Ok(None) };
        let Some(base) = operand(call, 1).map(|v| v.into_pointer_value()) else { return Ok(None) };
        if entries.any(|v| v != q0)
            || !q0.is_int_value()
            || !loops.available_before(l, q0, pre)
            || !loops.available_before(l, base.as_basic_value_enum(), pre)
        {
            return Ok(None);
        }
        let q0 = q0.into_int_value();
        let key = (pre.as_mut_ptr(), base.as_value_ref(), vec![q0.as_value_ref()]);
        let cx = base.get_type().get_context();
        let i64t = cx.i64_type();
        let array = match self.bases.get(&key) {
            Some(p) => *p,
            None => {
                let Some(term) = pre.get_terminator() else { return Ok(None) };
                self.b.position_before(&term);
                let off = self.b.build_int_s_extend(q0, i64t, "")?;
                // SAFETY: as in `array_base`.
                let p = unsafe { self.b.build_gep(cx.i8_type(), base, &[off], "array")? };
                let p = opaque(&cx, self.b, p)?;
                self.bases.insert(key, p);
                p
            }
        };
        self.b.position_before(&call);
        let from = self.b.build_int_s_extend(q0, i64t, "")?;
        let mut idx = self.b.build_int_nsw_sub(self.b.build_int_s_extend(q, i64t, "")?, from, "")?;
        if let Some(c) = consts.first() {
            idx = self.b.build_int_nsw_add(idx, self.b.build_int_s_extend(*c, i64t, "")?, "idx")?;
        }
        Ok(Some((array, idx)))
    }

    /// For an access inside a loop whose index has leaves defined both
    /// outside and inside the innermost loop: the array base
    /// `opaque(base + sext(outside leaves))`, built before the loop, and the
    /// leaves left for the index (those inside plus the constants).
    /// Unless a term `moves` with a loop (SCEV gains from the wide form),
    /// only where the leaves left sign-extend for free: hoisting the
    /// invariant add out of the loop then saves an instruction, where a
    /// real `movslq` would cost one on the address's critical path
    /// (dijkstra's heap walk `heap + 8 * c`, c data-dependent).
    fn array_base(
        &mut self,
        call: InstructionValue<'ctx>,
        leaves: &[IntValue<'ctx>],
        moves: bool,
    ) -> Result<Option<(PointerValue<'ctx>, Vec<IntValue<'ctx>>)>> {
        let Some(loops) = &self.loops else { return Ok(None) };
        let Some(l) = loops.loop_of(call) else { return Ok(None) };
        let Some(pre) = loops.preheader(l) else { return Ok(None) };
        let Some(base) = operand(call, 1).map(|v| v.into_pointer_value()) else { return Ok(None) };
        let before_loop = |v: BasicValueEnum<'ctx>| loops.available_before(l, v, pre);
        if !before_loop(base.as_basic_value_enum()) {
            return Ok(None);
        }
        let (mut invariant, mut variant) = (Vec::new(), Vec::new());
        for t in leaves {
            match t.as_instruction_value() {
                Some(i) if loops.defined_in(l, i) => variant.push(*t),
                _ if t.is_const() => variant.push(*t),
                _ => invariant.push(*t),
            }
        }
        if invariant.is_empty()
            || !variant.iter().any(|t| !t.is_const())
            || !invariant.iter().all(|t| before_loop(t.as_basic_value_enum()))
            || !(moves || small_nonnegative(&variant))
        {
            return Ok(None);
        }
        invariant.sort_by_key(|t| self.order.of_value(*t));
        variant.sort_by_key(|t| t.is_const());
        let key =
            (pre.as_mut_ptr(), base.as_value_ref(), invariant.iter().map(|t| t.as_value_ref()).collect());
        if let Some(p) = self.bases.get(&key) {
            return Ok(Some((*p, variant)));
        }
        let Some(term) = pre.get_terminator() else { return Ok(None) };
        self.b.position_before(&term);
        let cx = base.get_type().get_context();
        let off = self.b.build_int_s_extend(self.sum(&invariant)?, cx.i64_type(), "")?;
        // SAFETY of the gep: plain (not inbounds) i8 arithmetic, the same
        // address the access computed before.
        let p = unsafe { self.b.build_gep(cx.i8_type(), base, &[off], "array")? };
        let p = opaque(&cx, self.b, p)?;
        self.bases.insert(key, p);
        Ok(Some((p, variant)))
    }
}

/// Whether the expression `v`, followed through integer arithmetic, casts
/// and selects (not through loads, calls or phis), reaches a phi that its
/// loop advances by adding to it: an induction variable, the only kind of
/// term whose sign extension SCEV can see as affine. Expressions too large
/// to follow count as reaching one.
fn reaches_induction(v: IntValue<'_>) -> bool {
    use InstructionOpcode::*;
    let mut todo = vec![v];
    let mut visited = 0;
    while let Some(t) = todo.pop() {
        visited += 1;
        if visited > MAX_INDUCTION_VISITS {
            return true;
        }
        let Some(inst) = t.as_instruction_value() else { continue };
        if let Ok(phi) = PhiValue::try_from(inst) {
            let self_add = |(v, _): (BasicValueEnum<'_>, _)| {
                v.as_instruction_value().is_some_and(|i| {
                    matches!(i.get_opcode(), Add | Sub)
                        && (0..2)
                            .any(|n| operand(i, n).is_some_and(|o| o.as_value_ref() == phi.as_value_ref()))
                })
            };
            if phi.get_incomings().any(self_add) {
                return true;
            }
            continue;
        }
        if matches!(
            inst.get_opcode(),
            Add | Sub | Mul | Shl | LShr | AShr | And | Or | Xor | ZExt | SExt | Trunc | Select
        ) {
            let n = inst.get_num_operands();
            todo.extend(
                (0..n)
                    .filter_map(|k| operand(inst, k))
                    .filter(|o| o.is_int_value())
                    .map(|o| o.into_int_value()),
            );
        }
    }
    false
}

/// Whether the sum of `terms` is visibly (to LLVM's known bits) below
/// 2^25, so its sign extension costs nothing: at most one variable term,
/// a masked, zero-extended or shifted-down value, plus constants in
/// [0, 2^24).
fn small_nonnegative(terms: &[IntValue<'_>]) -> bool {
    use InstructionOpcode::*;
    const LIMIT: u64 = 1 << 24;
    let small_const = |v: Option<BasicValueEnum<'_>>| {
        v.filter(|c| c.is_int_value())
            .and_then(|c| c.into_int_value().get_zero_extended_constant())
            .is_some_and(|c| c < LIMIT)
    };
    let small = |t: &IntValue<'_>| {
        let Some(inst) = t.as_instruction_value() else { return small_const(Some(t.as_basic_value_enum())) };
        match inst.get_opcode() {
            And => small_const(operand(inst, 1)),
            ZExt => operand(inst, 0).is_some_and(|v| v.into_int_value().get_type().get_bit_width() <= 16),
            LShr => operand(inst, 1)
                .and_then(|c| c.into_int_value().get_zero_extended_constant())
                .is_some_and(|c| (8..32).contains(&c)),
            _ => false,
        }
    };
    terms.iter().filter(|t| !t.is_const()).count() <= 1 && terms.iter().all(small)
}

/// Whether `q` is a phi advanced by `add nsw q, C` (an induction variable
/// of a counted loop, translate/loop_plans.rs).
fn nsw_induction(q: IntValue<'_>) -> bool {
    q.as_instruction_value()
        .and_then(|i| PhiValue::try_from(i).ok())
        .and_then(induction_step)
        .is_some_and(|(add, _)| add.get_no_signed_wrap_flag().unwrap_or(false))
}

/// The two terms, each a non-empty list of leaves to sum in i32, or None
/// when the index has a single leaf. Constants go with the leaf defined
/// last (module doc), or alone when there is one other leaf.
fn split<'ctx>(
    leaves: Vec<IntValue<'ctx>>,
    order: &DefOrder,
) -> Option<(Vec<IntValue<'ctx>>, Vec<IntValue<'ctx>>)> {
    let (consts, mut vars): (Vec<_>, Vec<_>) = leaves.into_iter().partition(|t| t.is_const());
    if vars.len() < 2 {
        return Some((vars, consts)).filter(|(v, c)| !v.is_empty() && !c.is_empty());
    }
    vars.sort_by_key(|t| order.of_value(*t));
    let last = vars.pop()?;
    let mut second = vec![last];
    second.extend(consts);
    Some((vars, second))
}
