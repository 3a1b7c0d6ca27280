//! Counted loops that clang unrolled, rolled back up.
//!
//! clang's wasm32 output has no vector registers, so at -O2 it unrolls
//! or interleaves inner loops instead (by 2, 3 or 4): `B[i][j] += a *
//! B[k][j]` arrives as three copies of the statement for `j`, `j + 1`,
//! `j + 2` and a counter stepping by 24 bytes. awsm's LLVM can vectorize
//! that only as interleaved groups of three, with a shuffle per vector
//! (trmm, 3mm: 40 % more instructions than native). This pass undoes the
//! unrolling in the counted copies of translate/loop_plans.rs, where the counter
//! `p` runs from `start` to exactly `L` by `C`:
//!
//! - the loop is one block; its phis are the counter and induction
//!   variables `q` advanced by constants `D`;
//! - its stores, in order, split into `k` groups (`k` divides `C` and
//!   every `D`) such that group `s` computes exactly what group 0 would
//!   with `p + s*C/k` for `p` and `q + s*D/k` for each `q` — compared as
//!   expression trees, integer sums compared as linear forms (so
//!   `(p + x) + 8` matches `p + x` shifted by 8);
//! - each load, store and call belongs to one group only, and the loop
//!   runs them group by group, each group's in group 0's order.
//!
//! Then group 0 alone, with steps `C/k` and `D/k`, performs the same
//! memory operations in the same order (traps included) and computes the
//! same values: the other groups are deleted. Nothing computed in the
//! loop may be used after it except the final counter and induction
//! variables, which are unchanged (`start + C*n`).
//!
//! Sound because group 0 alone does what all groups did, in the same
//! order (above). Pays on: polybench's trmm and 3mm (code_benches/published/
//! 2026-11-22-x86-round4), vectorized with plain vectors instead of interleaved
//! groups.

use super::ir::{induction_step, operand};
use crate::error::{Error, Result};
use inkwell::basic_block::BasicBlock;
use inkwell::module::Module;
use inkwell::values::{
    AnyValueEnum, AsValueRef, BasicValue, BasicValueEnum, InstructionOpcode, InstructionValue, PhiValue,
};
use llvm_sys::prelude::LLVMValueRef;
use std::collections::{HashMap, HashSet};

/// Largest unroll factor tried.
const MAX_FACTOR: i64 = 8;
/// Intrinsics without memory effects that may appear in a group.
const PURE_INTRINSICS: &[&str] = &[
    "llvm.fabs.",
    "llvm.sqrt.",
    "llvm.copysign.",
    "llvm.floor.",
    "llvm.ceil.",
    "llvm.trunc.",
    "llvm.nearbyint.",
    "llvm.rint.",
    "llvm.roundeven.",
    "llvm.minimum.",
    "llvm.maximum.",
    "llvm.minnum.",
    "llvm.maxnum.",
    "llvm.ctlz.",
    "llvm.cttz.",
    "llvm.ctpop.",
    "llvm.fshl.",
    "llvm.fshr.",
    "llvm.fma.",
    "llvm.fmuladd.",
];

/// Roll up the unrolled counted loops of every function in `module`;
/// `addr_fn` is the strategy's address function (a call without other
/// effects than a possible trap).
pub fn reroll_loops(module: &Module, addr_fn: &str) -> Result<()> {
    let addr = module.get_function(addr_fn).map(|f| f.as_global_value().as_pointer_value().as_value_ref());
    let mut changed = false;
    for f in module.get_functions() {
        for bb in f.get_basic_blocks() {
            if let Some(plan) = Loop::of(bb, addr) {
                plan.apply();
                changed = true;
            }
        }
    }
    if changed {
        module.verify().map_err(|e| Error::backend(format!("rerolling broke the IR: {e}")))?;
    }
    Ok(())
}

fn refs(v: BasicValueEnum<'_>) -> LLVMValueRef {
    v.as_value_ref()
}

/// A single-block counted loop and how to roll it up.
struct Loop<'ctx> {
    /// Instructions adding a constant to a phi (the counter's and each
    /// induction variable's), with their new steps.
    steps: Vec<(InstructionValue<'ctx>, i64)>,
    /// Stores of groups 1.., deleted first.
    doomed: Vec<InstructionValue<'ctx>>,
    /// What stays: group 0, the phis, increments and exit test; the rest
    /// is only used by groups 1.. (or by nothing) and goes.
    keep: HashSet<LLVMValueRef>,
    bb: BasicBlock<'ctx>,
}

impl<'ctx> Loop<'ctx> {
    fn of(bb: BasicBlock<'ctx>, addr: Option<LLVMValueRef>) -> Option<Self> {
        let term = bb.get_terminator()?;
        if term.get_opcode() != InstructionOpcode::Br || term.get_num_operands() != 3 {
            return None;
        }
        if term.get_operand(1)?.block()? != bb && term.get_operand(2)?.block()? != bb {
            return None;
        }
        let insts: Vec<_> = bb.get_instructions().collect();
        let here = |v: BasicValueEnum<'ctx>| v.as_instruction_value().filter(|i| i.get_parent() == Some(bb));
        // Phis: each `phi [x, outside], [phi + D, here]`.
        let mut shifts: HashMap<LLVMValueRef, i64> = HashMap::new();
        let mut steps = Vec::new();
        for phi in insts.iter().take_while(|i| i.get_opcode() == InstructionOpcode::Phi) {
            if !phi.get_type().is_int_type() || phi.get_type().into_int_type().get_bit_width() > 64 {
                return None;
            }
            let (inc, d) = induction_step(PhiValue::try_from(*phi).ok()?)?;
            if inc.get_parent() != Some(bb) {
                return None;
            }
            let step = d.get_sign_extended_constant()?;
            shifts.insert(phi.as_value_ref(), step);
            steps.push((inc, step));
        }
        // br_if's translation tests `icmp ne (zext (icmp ...)), 0`.
        let mut test = vec![here(operand(term, 0)?)?];
        loop {
            let last = *test.last()?;
            let next = operand(last, 0)
                .and_then(here)
                .filter(|i| matches!(i.get_opcode(), InstructionOpcode::ICmp | InstructionOpcode::ZExt));
            match next {
                Some(n) if test.len() < 3 => test.push(n),
                _ => break,
            }
        }
        // The exit test compares the counter's next value, which the
        // counted copy (translate/loop_plans.rs, nothing else) adds with nsw.
        let cmp = *test.last()?;
        if cmp.get_opcode() != InstructionOpcode::ICmp {
            return None;
        }
        let counter = steps.iter().map(|(i, _)| *i).find(|i| {
            [operand(cmp, 0), operand(cmp, 1)].iter().flatten().any(|v| refs(*v) == i.as_value_ref())
        })?;
        if !counter.get_no_signed_wrap_flag().unwrap_or(false) {
            return None;
        }
        // The limit comes from before the loop.
        if test.iter().any(|t| {
            (0..t.get_num_operands())
                .filter_map(|n| operand(*t, n))
                .filter_map(here)
                .any(|o| o.as_value_ref() != counter.as_value_ref() && !test.contains(&o))
        }) {
            return None;
        }
        let control: HashSet<LLVMValueRef> = steps
            .iter()
            .map(|(i, _)| i.as_value_ref())
            .chain(test.iter().map(|i| i.as_value_ref()))
            .collect();
        // Nothing computed here is used outside but the final counter and
        // induction variables (the same after rolling up).
        for i in &insts {
            if control.contains(&i.as_value_ref()) {
                continue;
            }
            let mut u = i.get_first_use();
            while let Some(us) = u {
                let user = user_instruction(us.get_user())?;
                if user.get_parent() != Some(bb) {
                    return None;
                }
                u = us.get_next_use();
            }
        }
        for c in insts.iter().filter(|i| i.get_opcode() == InstructionOpcode::Call) {
            let callee = operand(*c, c.get_num_operands() - 1)?;
            let name = callee.into_pointer_value().get_name().to_str().unwrap_or("").to_string();
            if Some(refs(callee)) != addr && !PURE_INTRINSICS.iter().any(|p| name.starts_with(p)) {
                return None;
            }
        }
        let stores: Vec<_> =
            insts.iter().copied().filter(|i| i.get_opcode() == InstructionOpcode::Store).collect();
        let effects: Vec<_> = insts.iter().copied().filter(|i| effectful(*i)).collect();
        let cmp = Compare { bb, shifts: &shifts, control: &control };
        for k in (2..=MAX_FACTOR.min(stores.len() as i64)).rev() {
            if stores.len() as i64 % k != 0 || steps.iter().any(|(_, d)| d % k != 0) {
                continue;
            }
            if let Some((doomed, mut keep)) = cmp.groups(k, &stores, &effects) {
                let steps = steps.iter().map(|(i, d)| (*i, d / k)).collect();
                keep.extend(control.iter().copied());
                keep.extend(
                    insts
                        .iter()
                        .filter(|i| i.get_opcode() == InstructionOpcode::Phi)
                        .map(|i| i.as_value_ref()),
                );
                keep.insert(term.as_value_ref());
                return Some(Loop { steps, doomed, keep, bb });
            }
        }
        None
    }

    fn apply(self) {
        for (inc, step) in &self.steps {
            if let Some(ty) = operand(*inc, 1).map(|v| v.into_int_value().get_type()) {
                inc.set_operand(1, ty.const_int(*step as u64, true));
            }
        }
        for s in &self.doomed {
            s.erase_from_basic_block();
        }
        // Users come after their operands in a block: erase backwards.
        let insts: Vec<_> = self.bb.get_instructions().collect();
        for i in insts.into_iter().rev() {
            if !self.keep.contains(&i.as_value_ref()) && i.get_first_use().is_none() {
                i.erase_from_basic_block();
            }
        }
    }
}

/// The instruction behind a use's user (inkwell types it by its value).
fn user_instruction(u: AnyValueEnum<'_>) -> Option<InstructionValue<'_>> {
    match u {
        AnyValueEnum::InstructionValue(i) => Some(i),
        AnyValueEnum::PhiValue(p) => Some(p.as_instruction()),
        other => BasicValueEnum::try_from(other).ok()?.as_instruction_value(),
    }
}

fn effectful(i: InstructionValue<'_>) -> bool {
    matches!(i.get_opcode(), InstructionOpcode::Load | InstructionOpcode::Store | InstructionOpcode::Call)
}

/// An integer value as a constant plus coefficients of leaves (mod 2^64,
/// compared mod 2^width).
#[derive(Default)]
struct Linear<'ctx> {
    k: u64,
    /// Leaves in first-seen order.
    terms: Vec<(BasicValueEnum<'ctx>, u64)>,
    /// Nodes visited, bounded by `MAX_VISITS` (shared subtrees are
    /// expanded again each time).
    visits: usize,
}

/// Most nodes one linear form expands; past that, values stay leaves.
const MAX_VISITS: usize = 4096;

struct Compare<'a, 'ctx> {
    bb: BasicBlock<'ctx>,
    /// Step of each phi.
    shifts: &'a HashMap<LLVMValueRef, i64>,
    /// Increments and the exit test: no group may use them.
    control: &'a HashSet<LLVMValueRef>,
}

/// Group 0 against group `s` of `k`: pairs proved equal, and each effect
/// of group 0 with its counterpart.
struct Matching {
    s: i64,
    k: i64,
    map: HashMap<LLVMValueRef, LLVMValueRef>,
    memo: HashSet<(LLVMValueRef, LLVMValueRef)>,
}

type Groups<'ctx> = (Vec<InstructionValue<'ctx>>, HashSet<LLVMValueRef>);

impl<'ctx> Compare<'_, 'ctx> {
    fn here(&self, v: BasicValueEnum<'ctx>) -> Option<InstructionValue<'ctx>> {
        v.as_instruction_value().filter(|i| i.get_parent() == Some(self.bb))
    }

    /// If `stores` split into `k` matching groups: the stores of groups
    /// 1.. and what group 0 computes.
    fn groups(
        &self,
        k: i64,
        stores: &[InstructionValue<'ctx>],
        effects: &[InstructionValue<'ctx>],
    ) -> Option<Groups<'ctx>> {
        let per = stores.len() / k as usize;
        let mut owner: HashMap<LLVMValueRef, usize> = HashMap::new();
        let mut members: Vec<HashSet<LLVMValueRef>> = Vec::new();
        let mut maps = Vec::new();
        for s in 0..k as usize {
            let roots = &stores[s * per..(s + 1) * per];
            let mut stack = roots.to_vec();
            let mut seen = HashSet::new();
            while let Some(i) = stack.pop() {
                if i.get_opcode() == InstructionOpcode::Phi || !seen.insert(i.as_value_ref()) {
                    continue;
                }
                if self.control.contains(&i.as_value_ref()) {
                    return None; // a group uses an advanced counter
                }
                if effectful(i) && *owner.entry(i.as_value_ref()).or_insert(s) != s {
                    return None;
                }
                stack.extend(
                    (0..i.get_num_operands()).filter_map(|n| operand(i, n).and_then(|v| self.here(v))),
                );
            }
            members.push(seen);
            if s > 0 {
                let mut m = Matching { s: s as i64, k, map: HashMap::new(), memo: HashSet::new() };
                if !stores[..per].iter().zip(roots).all(|(a, b)| self.same_inst(&mut m, *a, *b)) {
                    return None;
                }
                maps.push(m);
            }
        }
        // Every effect belongs to a group; groups run one after another,
        // each in group 0's order.
        let mut order = vec![Vec::new(); k as usize];
        let mut last = 0;
        for e in effects {
            let g = *owner.get(&e.as_value_ref())?;
            if g < last {
                return None;
            }
            last = g;
            order[g].push(e.as_value_ref());
        }
        for (s, m) in maps.iter().enumerate() {
            let mapped: Option<Vec<_>> = order[0].iter().map(|e| m.map.get(e).copied()).collect();
            if mapped? != order[s + 1] {
                return None;
            }
        }
        Some((stores[per..].to_vec(), members.swap_remove(0)))
    }

    /// Whether `b` (group s) is `a` (group 0) shifted by s.
    fn same(&self, m: &mut Matching, a: BasicValueEnum<'ctx>, b: BasicValueEnum<'ctx>) -> bool {
        if a.get_type() != b.get_type() {
            return false;
        }
        if a.is_int_value() {
            return self.same_linear(m, a, b);
        }
        self.same_tree(m, a, b)
    }

    fn same_tree(&self, m: &mut Matching, a: BasicValueEnum<'ctx>, b: BasicValueEnum<'ctx>) -> bool {
        match (self.here(a), self.here(b)) {
            (Some(x), Some(y)) => self.same_inst(m, x, y),
            // Defined before the loop, or constant: the very same value.
            (None, None) => refs(a) == refs(b),
            _ => false,
        }
    }

    fn same_inst(&self, m: &mut Matching, x: InstructionValue<'ctx>, y: InstructionValue<'ctx>) -> bool {
        let key = (x.as_value_ref(), y.as_value_ref());
        if m.memo.contains(&key) {
            return true;
        }
        let op = x.get_opcode();
        if op != y.get_opcode()
            || op == InstructionOpcode::Phi
            || x.get_num_operands() != y.get_num_operands()
            || x.get_type() != y.get_type()
            || has_wrap_flags(x)
            || has_wrap_flags(y)
        {
            return false;
        }
        let differs = match op {
            InstructionOpcode::ICmp => x.get_icmp_predicate() != y.get_icmp_predicate(),
            InstructionOpcode::FCmp => x.get_fcmp_predicate() != y.get_fcmp_predicate(),
            InstructionOpcode::Load | InstructionOpcode::Store => {
                x.get_alignment().ok() != y.get_alignment().ok()
                    || x.get_volatile().ok() != Some(false)
                    || y.get_volatile().ok() != Some(false)
            }
            _ => false,
        };
        if differs {
            return false;
        }
        for n in 0..x.get_num_operands() {
            let (Some(a), Some(b)) = (operand(x, n), operand(y, n)) else { return false };
            if !self.same(m, a, b) {
                return false;
            }
        }
        if effectful(x) && *m.map.entry(x.as_value_ref()).or_insert(y.as_value_ref()) != y.as_value_ref() {
            return false;
        }
        m.memo.insert(key);
        true
    }

    fn same_linear(&self, m: &mut Matching, a: BasicValueEnum<'ctx>, b: BasicValueEnum<'ctx>) -> bool {
        let width = a.into_int_value().get_type().get_bit_width();
        if width > 64 {
            return self.same_tree(m, a, b);
        }
        let mask = if width == 64 { u64::MAX } else { (1u64 << width) - 1 };
        let (mut la, lb) = (self.linear(a, width), self.linear(b, width));
        // Group 0's counter and induction variables, s steps of D/k later.
        for (leaf, c) in &la.terms {
            if let Some(d) = self.shifts.get(&refs(*leaf)) {
                la.k = la.k.wrapping_add(c.wrapping_mul((d / m.k * m.s) as u64));
            }
        }
        if la.k & mask != lb.k & mask || la.terms.len() != lb.terms.len() {
            return false;
        }
        // Leaves from before the loop and phis: the same values with the
        // same coefficients; leaves computed in the loop: pairwise equal.
        let is_inner =
            |t: BasicValueEnum<'ctx>| self.here(t).is_some_and(|i| i.get_opcode() != InstructionOpcode::Phi);
        let fixed = |l: &Linear<'ctx>| {
            let mut v: Vec<_> =
                l.terms.iter().filter(|(t, _)| !is_inner(*t)).map(|(t, c)| (refs(*t), c & mask)).collect();
            v.sort();
            v
        };
        if fixed(&la) != fixed(&lb) {
            return false;
        }
        let inner = |l: &Linear<'ctx>| -> Vec<(BasicValueEnum<'ctx>, u64)> {
            l.terms.iter().filter(|(t, _)| is_inner(*t)).map(|(t, c)| (*t, c & mask)).collect()
        };
        let (ia, ib) = (inner(&la), inner(&lb));
        ia.len() == ib.len()
            && ia.iter().zip(&ib).all(|((ta, ca), (tb, cb))| ca == cb && self.same_tree(m, *ta, *tb))
    }

    /// `v` as a linear form over the loop's integer arithmetic.
    fn linear(&self, v: BasicValueEnum<'ctx>, width: u32) -> Linear<'ctx> {
        let mut l = Linear::default();
        self.add_linear(&mut l, v, 1, width, 0);
        l.terms.retain(|(_, c)| *c != 0);
        l
    }

    fn add_linear(&self, l: &mut Linear<'ctx>, v: BasicValueEnum<'ctx>, scale: u64, width: u32, depth: u32) {
        if let Some(c) = v.into_int_value().get_zero_extended_constant() {
            l.k = l.k.wrapping_add(c.wrapping_mul(scale));
            return;
        }
        l.visits += 1;
        let expand = depth < 64 && l.visits < MAX_VISITS;
        if let Some(i) = self.here(v).filter(|i| expand && !self.control.contains(&i.as_value_ref())) {
            let konst = operand(i, 1)
                .filter(|o| o.is_int_value())
                .and_then(|o| o.into_int_value().get_zero_extended_constant());
            match (i.get_opcode(), operand(i, 0), operand(i, 1), konst) {
                (InstructionOpcode::Add, Some(x), Some(y), _) => {
                    self.add_linear(l, x, scale, width, depth + 1);
                    self.add_linear(l, y, scale, width, depth + 1);
                    return;
                }
                (InstructionOpcode::Sub, Some(x), Some(y), _) => {
                    self.add_linear(l, x, scale, width, depth + 1);
                    self.add_linear(l, y, scale.wrapping_neg(), width, depth + 1);
                    return;
                }
                (InstructionOpcode::Mul, Some(x), _, Some(c)) => {
                    self.add_linear(l, x, scale.wrapping_mul(c), width, depth + 1);
                    return;
                }
                (InstructionOpcode::Shl, Some(x), _, Some(c)) if c < width as u64 => {
                    self.add_linear(l, x, scale.wrapping_mul(1 << c), width, depth + 1);
                    return;
                }
                _ => {}
            }
        }
        match l.terms.iter_mut().find(|(t, _)| refs(*t) == refs(v)) {
            Some((_, c)) => *c = c.wrapping_add(scale),
            None => l.terms.push((v, scale)),
        }
    }
}

fn has_wrap_flags(i: InstructionValue<'_>) -> bool {
    matches!(
        i.get_opcode(),
        InstructionOpcode::Add | InstructionOpcode::Sub | InstructionOpcode::Mul | InstructionOpcode::Shl
    ) && (i.get_no_unsigned_wrap_flag().unwrap_or(false) || i.get_no_signed_wrap_flag().unwrap_or(false))
}
