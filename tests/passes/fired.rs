//! What each pass must have done to its fixture: a property of the IR
//! before and after it that holds only if the pass rewrote something, so
//! that a pass that silently stops firing fails its test even when the
//! golden file is re-blessed without a look.
//!
//! Each check gets the normalised IR before and after (ir.rs) and says
//! what it missed. They count instruction shapes in the guest's functions
//! rather than match exact text, so that they survive renumbering.

use super::ir::{self, Function};

/// A pass's check: `Err` says what it did not do.
pub type Fired = fn(before: &str, after: &str) -> Result<(), String>;

/// Lines of the function definitions (once the runtime is linked in,
/// normalisation has kept only the guest's).
fn function_lines(text: &str) -> Vec<String> {
    ir::functions(text).into_iter().flat_map(|f| f.lines().map(str::to_string).collect::<Vec<_>>()).collect()
}

fn count(text: &str, needle: &str) -> usize {
    ir::count(function_lines(text).iter().map(String::as_str), needle)
}

fn expect(ok: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if ok { Ok(()) } else { Err(what()) }
}

/// Calls to any strategy's address function (`awsm_mem_addr_<strategy>`).
const ADDR_CALL: &str = "@awsm_mem_addr_";

/// The lines of the counted copies of versioned loops, one per function
/// that has a guard.
fn counted_copies(text: &str) -> Vec<Vec<String>> {
    ir::functions(text)
        .iter()
        .filter_map(Function::counted_copy)
        .map(|blocks| blocks.iter().flat_map(|b| b.lines.iter().cloned()).collect())
        .collect()
}

/// mirror: more indices are sign-extended halves than before (the pass
/// rewrites `zext(a + b)` as `sext(a) + sext(b)`).
pub fn mirror(before: &str, after: &str) -> Result<(), String> {
    let (b, a) = (count(before, "= sext i32 "), count(after, "= sext i32 "));
    expect(a > b, || format!("no index was sign-extended: {b} `sext i32` before, {a} after"))
}

/// hoist: the counted copy of a versioned loop calls the address
/// function before and not after, and the guard now asks the runtime for
/// the memory's limit and branches on more than versioning's condition.
pub fn hoist(before: &str, after: &str) -> Result<(), String> {
    let checked = |text: &str| -> Result<usize, String> {
        let copies = counted_copies(text);
        if copies.is_empty() {
            return Err("no versioned loop (no `!awsm.counted` guard)".into());
        }
        Ok(copies.iter().map(|lines| ir::count(lines.iter().map(String::as_str), ADDR_CALL)).sum())
    };
    let (b, a) = (checked(before)?, checked(after)?);
    expect(b > 0, || "the counted copy had no checked access before hoisting".into())?;
    expect(a == 0, || format!("{a} of the counted copy's {b} checks are still in the loop"))?;
    let limit = "call i64 @awsm_mem_limit_explicit(";
    expect(count(after, limit) > count(before, limit), || "the guard tests no memory limit".into())?;
    // Unchecked accesses are sound only behind the added conditions.
    let extended = ir::functions(after)
        .iter()
        .filter_map(Function::guard_condition)
        .any(|(marked, tested)| marked != tested);
    expect(extended, || "the guard still branches on versioning's condition alone".into())
}

/// grouped: accesses go through the grouped-address helper, at least two
/// per limit test (one test for the group).
pub fn grouped(before: &str, after: &str) -> Result<(), String> {
    let helper = "call ptr @awsm_grouped_addr(";
    let tests = count(after, "call i64 @awsm_mem_limit_explicit(");
    let members = count(after, helper);
    expect(count(before, helper) == 0, || "the grouped helper was called before the pass".into())?;
    expect(tests > 0 && members >= 2 * tests, || {
        format!("{members} grouped accesses for {tests} span tests: no group shares a check")
    })
}

/// versioning (the translation with loop plans against one without):
/// the guard marker appears, the loop's accesses are there twice (a
/// counted and a general copy), and the counted copy's counter counts
/// without wrapping.
pub fn versioning(before: &str, after: &str) -> Result<(), String> {
    expect(!before.contains("!awsm.counted"), || "the plan-less translation has a guard".into())?;
    let copies = counted_copies(after);
    expect(!copies.is_empty(), || "no `!awsm.counted` guard with two successors".into())?;
    let (b, a) = (count(before, ADDR_CALL), count(after, ADDR_CALL));
    expect(b > 0 && a == 2 * b, || format!("{b} accesses without the plan, {a} with: not two copies"))?;
    let nowrap = copies
        .iter()
        .any(|lines| lines.iter().any(|l| l.contains("= add nsw i32 ") || l.contains("= add nuw nsw i32 ")));
    expect(nowrap, || "the counted copy has no `add nsw` counter".into())
}

/// unroll (the translation with loop plans against one without): the
/// loop's accesses are there twice, in one loop (no versioning guard).
pub fn unroll(before: &str, after: &str) -> Result<(), String> {
    let (b, a) = (count(before, ADDR_CALL), count(after, ADDR_CALL));
    expect(b > 0 && a == 2 * b, || {
        format!("{b} accesses without the plan, {a} with: the body is not there twice")
    })?;
    expect(!after.contains("!awsm.counted"), || "the loop was versioned, not unrolled".into())
}

/// reroll: a counted copy's counter step is divided by the unroll factor
/// `k` and its accesses are `k` times fewer.
pub fn reroll(before: &str, after: &str) -> Result<(), String> {
    let copy_lines = |text: &str| -> Vec<String> { counted_copies(text).into_iter().flatten().collect() };
    let (b, a) = (copy_lines(before), copy_lines(after));
    let steps = |lines: &[String]| ir::counter_steps(lines.iter().map(String::as_str));
    let (sb, sa) = (steps(&b), steps(&a));
    let divided = sb
        .keys()
        .filter(|&&s| s > 0)
        .find_map(|&s| sa.keys().find(|&&t| t > 0 && t < s && s % t == 0).map(|&t| s / t));
    let Some(k) = divided else {
        return Err(format!("no counter step divided: steps {sb:?} before, {sa:?} after"));
    };
    let count_in = |lines: &[String]| ir::count(lines.iter().map(String::as_str), ADDR_CALL);
    let (ab, aa) = (count_in(&b), count_in(&a));
    expect(aa * k as usize == ab, || format!("step divided by {k} but accesses went from {ab} to {aa}"))
}

/// widen-narrow-logic: fewer `xor`/`or` on i8/i16 than before, computed
/// wide instead.
pub fn widen_narrow_logic(before: &str, after: &str) -> Result<(), String> {
    let narrow = |text: &str| {
        ["= xor i8 ", "= or i8 ", "= xor i16 ", "= or i16 "].iter().map(|n| count(text, n)).sum::<usize>()
    };
    let (b, a) = (narrow(before), narrow(after));
    expect(a < b, || format!("narrow logic not widened: {b} i8/i16 xor/or before, {a} after"))
}

/// twin-ivs: a loop phi fewer (the twin became `add %iv, C`).
pub fn twin_ivs(before: &str, after: &str) -> Result<(), String> {
    let (b, a) = (count(before, "= phi i32 "), count(after, "= phi i32 "));
    expect(a < b, || format!("no induction variable merged: {b} i32 phis before, {a} after"))
}

/// trap-messages: the runtime's message string is shorter.
pub fn trap_messages(before: &str, after: &str) -> Result<(), String> {
    let length = |text: &str| -> Option<u64> {
        let line = text.lines().find(|l| l.starts_with("@trap_messages = "))?;
        let (_, rest) = line.split_once(" [")?;
        rest.split_once(" x i8]")?.0.parse().ok()
    };
    let (Some(b), Some(a)) = (length(before), length(after)) else {
        return Err("no @trap_messages global (does the fixture say `;; keep: @trap_messages`?)".into());
    };
    expect(a < b, || format!("trap_messages kept all its {b} bytes"))
}

/// sse-float-returns: more float returns and calls marked `inreg`.
pub fn sse_float_returns(before: &str, after: &str) -> Result<(), String> {
    let inreg = |text: &str| text.matches("inreg float").count() + text.matches("inreg double").count();
    let (b, a) = (inreg(before), inreg(after));
    expect(a > b, || format!("no float return moved to SSE: {b} `inreg` floats before, {a} after"))
}

/// expand-wide-divisions: fewer guest functions are `optsize`.
pub fn expand_wide_divisions(before: &str, after: &str) -> Result<(), String> {
    let optsize = |text: &str| {
        text.lines().filter(|l| l.starts_with("; Function Attrs:") && l.contains(" optsize")).count()
    };
    let (b, a) = (optsize(before), optsize(after));
    expect(a < b, || format!("no function lost optsize: {b} before, {a} after"))
}

/// legalize-float-intrinsics: no `llvm.minimum`/`maximum`/`roundeven`
/// call is left for the Arm backend.
pub fn legalize_float_intrinsics(before: &str, after: &str) -> Result<(), String> {
    let unselectable = |text: &str| {
        ["@llvm.minimum.", "@llvm.maximum.", "@llvm.roundeven."].iter().map(|n| count(text, n)).sum::<usize>()
    };
    let (b, a) = (unselectable(before), unselectable(after));
    expect(b > 0 && a == 0, || format!("{b} unselectable float intrinsic calls before, {a} after"))
}

/// function-sections: more definitions with a `.text.<name>` section.
pub fn function_sections(before: &str, after: &str) -> Result<(), String> {
    let sectioned = |text: &str| {
        text.lines().filter(|l| l.starts_with("define ") && l.contains(" section \".text.")).count()
    };
    let (b, a) = (sectioned(before), sectioned(after));
    expect(a > b, || format!("no function got its own section: {b} before, {a} after"))
}

/// size-attributes: more functions are `optsize` (and `minsize`).
pub fn size_attributes(before: &str, after: &str) -> Result<(), String> {
    let marked = |text: &str, attr: &str| {
        text.lines().filter(|l| l.starts_with("; Function Attrs:") && l.contains(attr)).count()
    };
    let grew = |attr: &str| marked(after, attr) > marked(before, attr);
    expect(grew(" optsize") && grew(" minsize"), || "no function became optsize and minsize".into())
}

/// cortex-m-constants: the guest defines the `awsm_cm_*` constants.
pub fn cortex_m_constants(before: &str, after: &str) -> Result<(), String> {
    let defined = |text: &str| text.lines().filter(|l| l.starts_with("@awsm_cm_")).count();
    let (b, a) = (defined(before), defined(after));
    expect(a > b, || format!("no awsm_cm_* constant defined: {b} before, {a} after"))
}

/// mask-bits: the guest defines `awsm_mask_bits`.
pub fn mask_bits(before: &str, after: &str) -> Result<(), String> {
    let defined = |text: &str| text.lines().any(|l| l.starts_with("@awsm_mask_bits = "));
    expect(!defined(before) && defined(after), || "awsm_mask_bits is not defined by the step".into())
}

/// cortex-m-size-attributes: more functions are `minsize` (the export
/// wrappers).
pub fn cortex_m_size_attributes(before: &str, after: &str) -> Result<(), String> {
    let minsize = |text: &str| {
        text.lines().filter(|l| l.starts_with("; Function Attrs:") && l.contains("minsize")).count()
    };
    let (b, a) = (minsize(before), minsize(after));
    expect(a > b, || format!("no function became minsize: {b} before, {a} after"))
}

/// keep-loads' sinks: an empty inline asm taking the loaded value.
const SINK_CALL: &str = "call void asm sideeffect \"\", \"r\"(";

/// keep-loads: sinks where there were none.
pub fn keep_loads(before: &str, after: &str) -> Result<(), String> {
    let (b, a) = (count(before, SINK_CALL), count(after, SINK_CALL));
    expect(b == 0 && a > 0, || format!("{b} sink calls before, {a} after: expected none, then some"))
}

/// release-loads (and its -O0 form): every sink gone, and more volatile
/// loads than before.
pub fn release_loads(before: &str, after: &str) -> Result<(), String> {
    let (sinks, left) = (count(before, SINK_CALL), count(after, SINK_CALL));
    let (b, a) = (count(before, "load volatile"), count(after, "load volatile"));
    expect(sinks > 0 && left == 0 && a > b, || {
        format!("{sinks} sinks before, {left} after; {b} volatile loads before, {a} after")
    })
}
