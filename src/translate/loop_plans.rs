//! Loop planners: which loops the translator emits differently, decided
//! from the operators alone. The operator loop (ops.rs) asks them at each
//! `loop` and executes the plan they return; they build no IR.
//!
//! ## Counted loops whose trip count LLVM cannot compute, translated twice
//!
//! clang unrolls wasm loops before awsm sees them (wasm32 has no vector
//! registers, so its vectorizer only interleaves), and the unrolled loop
//! counts a pointer `p` by a step `C` until it equals a limit `L`:
//!
//! ```text
//! loop ... local.get p  i32.const C  i32.add  local.tee p  L  i32.ne  br_if 0  end
//! ```
//!
//! When `p`'s start is only known to be a multiple of C/2 (the remainder
//! iteration clang peeled decides), LLVM cannot rule out `p` stepping
//! over `L` and wrapping around 2^32, so it cannot count the iterations
//! and will not vectorize the loop (correlation, covariance, durbin). Such
//! an innermost loop is translated twice. Before it, a guard tests
//! `start <u L`, `L <=s INT32_MAX` and `(L - start) % C == 0`: then `p`
//! reaches `L` exactly, without wrapping, so in that copy the increment
//! is `add nuw nsw` and the trip count is `(L - start) / C`. Otherwise
//! the second copy runs, translated as written. Both copies are the same
//! wasm code, so behaviour (traps included) is unchanged. The limit may
//! also be pushed first (`L  local.get p  i32.const C  i32.add  local.tee p
//! i32.ne`). A negative step counts down (clang counts from 0 to minus
//! the trip count): the guard is then `L <s start` and `(start - L) % |C|
//! == 0`, and the increment `add nsw`.
//!
//! Other locals the body advances once, by `local.get q  i32.const D
//! i32.add  local.set q` (clang's pointer induction variables), get `add
//! nsw` in the counted copy when the guard also finds `q + D*n` (n the
//! trip count) within i32: then none of q's values wraps, LLVM sees `q`
//! as an affine function of the iteration, and passes/mirror.rs's `sext(q)`
//! stays affine. That needs the loop to run at most n iterations: no
//! other branch in the body may go back to its start.
//!
//! ## Loops that exit on data, translated with their body twice (Cortex-M)
//!
//! `while (p[i] < pivot) i++` has no trip count: the counted-loop plan cannot
//! bound it and LLVM will not unroll it, so each iteration pays its own
//! bounds check, two Thumb-2 instructions against a body of five. Such a
//! loop — innermost, small, ending in `br_if 0` — is translated as
//!
//! ```text
//! loop:  body  br_if cond -> again, else -> exit
//! again: body  br_if cond -> loop,  else -> exit
//! exit:  end
//! ```
//!
//! Both copies are the wasm body, and a branch back to the loop's start
//! from either lands on a copy of that start, so behaviour (traps
//! included) is unchanged. What changes is that one pass through the
//! loop makes two iterations, and the second's accesses are the first's
//! plus a constant: passes/grouped.rs then checks them together, once per two
//! iterations. Loops without memory accesses are left alone (nothing to
//! share), as are large ones (flash).

use wasmparser::{BlockType, Operator};

/// An operator and its byte offset in the module.
pub type Op<'a> = (Operator<'a>, u64);

/// How the translator emits the loop opening at an operator.
pub enum LoopPlan {
    /// Twice, behind a guard choosing the counted copy (`counted_loop`).
    Counted(CountedLoop),
    /// With its body twice; the index of the loop's `end` (`unrolled_loop`).
    Unrolled(usize),
}

/// The plan for the loop opening at `ops[i]` (None: translate it as
/// written). `version` and `unroll` are the translation options that allow
/// each kind.
pub fn plan(ops: &[Op], i: usize, version: bool, unroll: bool) -> Option<LoopPlan> {
    if version && let Some(p) = counted_loop(ops, i) {
        return Some(LoopPlan::Counted(p));
    }
    if unroll && let Some(end) = unrolled_loop(ops, i) {
        return Some(LoopPlan::Unrolled(end));
    }
    None
}

/// Longest loop body (operators) worth duplicating.
const MAX_COUNTED_BODY: usize = 400;

/// A loop that can be versioned: translated twice behind a guard.
pub struct CountedLoop {
    /// Index of the `loop` operator and of its `end`.
    pub start: usize,
    pub end: usize,
    /// The counter local, its step (non-zero, not i32::MIN), and the limit.
    pub counter: u32,
    pub step: i32,
    pub limit: Limit,
    /// Index of the counter's `i32.add`.
    pub add: usize,
    /// Induction variables: local, step, index of the `i32.add`.
    pub ivs: Vec<(u32, i32, usize)>,
}

/// What a counted loop's counter is compared with.
pub enum Limit {
    /// A local the loop does not write.
    Local(u32),
    Const(u32),
}

/// The plan for the loop opening at `ops[i]`, if it has the shape above:
/// empty block type, no nested loop, the counter and a local limit
/// written nowhere else in the body, a step other than 0 and i32::MIN.
pub fn counted_loop(ops: &[Op], i: usize) -> Option<CountedLoop> {
    use Operator::*;
    if !matches!(ops[i].0, Loop { blockty: BlockType::Empty }) {
        return None;
    }
    let mut depth = 0usize;
    let mut end = None;
    for (j, (op, _)) in ops.iter().enumerate().skip(i + 1).take(MAX_COUNTED_BODY) {
        match op {
            Loop { .. } => return None,
            Block { .. } | If { .. } => depth += 1,
            End if depth == 0 => {
                end = Some(j);
                break;
            }
            End => depth -= 1,
            _ => {}
        }
    }
    let end = end?;
    if end < i + 8 {
        return None;
    }
    let tail: Vec<&Operator> = ops[end - 7..end].iter().map(|(op, _)| op).collect();
    let limit = |lim: &Operator, p: u32| match lim {
        LocalGet { local_index } if *local_index != p => Some(Limit::Local(*local_index)),
        I32Const { value } => Some(Limit::Const(*value as u32)),
        _ => None,
    };
    let (counter, step, limit, add) = match tail[..] {
        [
            LocalGet { local_index: p },
            I32Const { value: c },
            I32Add,
            LocalTee { local_index: q },
            lim,
            I32Ne,
            BrIf { relative_depth: 0 },
        ] if p == q && *c != 0 && *c != i32::MIN => (*p, *c, limit(lim, *p)?, end - 5),
        [
            lim,
            LocalGet { local_index: p },
            I32Const { value: c },
            I32Add,
            LocalTee { local_index: q },
            I32Ne,
            BrIf { relative_depth: 0 },
        ] if p == q && *c != 0 && *c != i32::MIN => (*p, *c, limit(lim, *p)?, end - 4),
        _ => return None,
    };
    let body = &ops[i + 1..end];
    let writes = |l: u32| {
        body.iter()
            .filter(|(op, _)| matches!(op, LocalSet { local_index } | LocalTee { local_index } if *local_index == l))
            .count()
    };
    if writes(counter) != 1 {
        return None;
    }
    if let Limit::Local(l) = limit
        && writes(l) != 0
    {
        return None;
    }
    let ivs = if restarts(body) { Vec::new() } else { induction_variables(body, i + 1, counter, &writes) };
    Some(CountedLoop { start: i, end, counter, step, limit, add, ivs })
}

/// Whether a branch in `body` (a loop's operators without its `end`)
/// other than the last goes back to the loop's start.
fn restarts(body: &[Op]) -> bool {
    use Operator::*;
    let mut depth = 0u32;
    for (op, _) in &body[..body.len() - 1] {
        match op {
            Block { .. } | If { .. } | Loop { .. } => depth += 1,
            End => depth = depth.saturating_sub(1),
            Br { relative_depth } | BrIf { relative_depth } if *relative_depth == depth => return true,
            BrTable { targets }
                if targets.default() == depth || targets.targets().any(|t| t.is_ok_and(|t| t == depth)) =>
            {
                return true;
            }
            _ => {}
        }
    }
    false
}

/// Locals other than the counter written once in `body` (starting at
/// operator `first`), by `local.get q  i32.const D  i32.add  local.set|tee q`.
fn induction_variables(
    body: &[Op],
    first: usize,
    counter: u32,
    writes: &dyn Fn(u32) -> usize,
) -> Vec<(u32, i32, usize)> {
    use Operator::*;
    let mut ivs = Vec::new();
    for (j, w) in body.windows(4).enumerate() {
        if let [(LocalGet { local_index: q }, _), (I32Const { value: d }, _), (I32Add, _), (set, _)] = w
            && matches!(set, LocalSet { local_index } | LocalTee { local_index } if local_index == q)
            && *q != counter
            && *d != 0
            && *d != i32::MIN
            && writes(*q) == 1
        {
            ivs.push((*q, *d, first + j + 2));
        }
    }
    ivs
}

/// Longest loop body (operators) worth duplicating.
const MAX_UNROLLED_BODY: usize = 40;

/// The index of the `end` of the loop opening at `ops[i]`, if it has the
/// shape above: empty block type, no nested loop, no call or division,
/// at least one memory access, and `br_if 0` just before its `end`.
pub fn unrolled_loop(ops: &[Op], i: usize) -> Option<usize> {
    use Operator::*;
    if !matches!(ops[i].0, Loop { blockty: BlockType::Empty }) {
        return None;
    }
    let mut depth = 0usize;
    let mut accesses = false;
    for (j, (op, _)) in ops.iter().enumerate().skip(i + 1).take(MAX_UNROLLED_BODY + 1) {
        match op {
            Loop { .. } => return None,
            Block { .. } | If { .. } => depth += 1,
            End if depth == 0 => {
                let last_is_continue = matches!(ops[j - 1].0, BrIf { relative_depth: 0 });
                return (accesses && last_is_continue && j > i + 1).then_some(j);
            }
            End => depth -= 1,
            I32Load { .. } | I32Store { .. } | I64Load { .. } | I64Store { .. } => accesses = true,
            I32Load8S { .. } | I32Load8U { .. } | I32Load16S { .. } | I32Load16U { .. } => accesses = true,
            I32Store8 { .. } | I32Store16 { .. } | F32Load { .. } | F64Load { .. } => accesses = true,
            // Two copies of a division are one by the square (n / 10 / 10
            // = n / 100), which Cortex-M's i64 division by a constant
            // turns into a call of libgcc's 700-byte __udivmoddi4; calls
            // gain nothing from a shared check and cost flash.
            I32DivS | I32DivU | I32RemS | I32RemU | I64DivS | I64DivU | I64RemS | I64RemU => return None,
            Call { .. } | CallIndirect { .. } => return None,
            _ => {}
        }
    }
    None
}
