//! IR-matching helpers the passes share, and local promotion.
//!
//! inkwell gives instructions and operands but no pattern matching; these
//! are the few shapes several passes look for (an operand as a value, an
//! instruction of one opcode, the leaves of an `add` tree, an induction
//! step) and the few things several of them build (a sum, an opaque
//! pointer). A pass never imports another pass: what two passes share
//! lives here (or, for the IR the translator promises, in
//! translate/counted_guard.rs).

use crate::error::{Error, Result};
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::context::ContextRef;
use inkwell::module::Module;
use inkwell::passes::PassBuilderOptions;
use inkwell::targets::TargetMachine;
use inkwell::values::{
    AsValueRef, BasicValue, BasicValueEnum, FunctionValue, InstructionOpcode, InstructionValue, IntValue,
    PhiValue, PointerValue,
};

/// Leaves of an address's i32.add tree expanded at most (deeper trees
/// keep their remaining subtrees as leaves).
const MAX_LEAVES: usize = 16;

/// The runtime function giving the bytes an explicit check lets an access
/// reach (`abi::symbols::MEM_LIMIT_EXPLICIT`; Cortex-M scales it by its
/// page size): the bound hoist.rs and grouped.rs test once for many
/// accesses. Declared here if the guest does not declare it yet.
pub fn limit_fn<'ctx>(m: &Module<'ctx>) -> FunctionValue<'ctx> {
    let name = crate::abi::symbols::MEM_LIMIT_EXPLICIT.name;
    m.get_function(name).unwrap_or_else(|| {
        let i64t = m.get_context().i64_type();
        m.add_function(name, i64t.fn_type(&[i64t.into()], false), None)
    })
}

/// Promote the wasm locals (allocas) of every function in `module` to SSA
/// values: the loop passes (reroll, hoist, grouped, mirror) read phis and
/// induction variables, which only exist after `mem2reg`. The pipeline
/// runs it once, before the first of them (src/pipeline/mod.rs).
pub fn promote_locals(module: &Module, tm: &TargetMachine) -> Result<()> {
    module
        .run_passes("function(mem2reg)", tm, PassBuilderOptions::create())
        .map_err(|e| Error::backend(format!("mem2reg failed: {e}")))
}

/// Every instruction of `f`, in layout order.
pub fn instructions(f: FunctionValue<'_>) -> impl Iterator<Item = InstructionValue<'_>> {
    f.get_basic_blocks().into_iter().flat_map(|bb| bb.get_instructions())
}

/// The phis at the start of `bb`: a loop header's recurrences.
pub fn phis(bb: BasicBlock<'_>) -> impl Iterator<Item = PhiValue<'_>> {
    bb.get_instructions()
        .take_while(|i| i.get_opcode() == InstructionOpcode::Phi)
        .filter_map(|i| PhiValue::try_from(i).ok())
}

/// The calls in `f` whose callee is the function `callee`.
pub fn calls_to<'ctx>(
    f: FunctionValue<'ctx>,
    callee: FunctionValue<'ctx>,
) -> impl Iterator<Item = InstructionValue<'ctx>> {
    let target = callee.as_global_value().as_pointer_value().as_value_ref();
    instructions(f).filter(move |i| {
        i.get_opcode() == InstructionOpcode::Call
            && operand(*i, i.get_num_operands() - 1).is_some_and(|t| t.as_value_ref() == target)
    })
}

/// The integer operand `i` of `inst`: what the rewrites after LLVM's
/// pipeline (x86.rs, twin_ivs.rs, trap_messages.rs) match on.
pub fn int_operand<'ctx>(inst: InstructionValue<'ctx>, i: u32) -> Option<IntValue<'ctx>> {
    match inst.get_operand(i)?.value()? {
        BasicValueEnum::IntValue(v) => Some(v),
        _ => None,
    }
}

/// Operand `n` of `inst` as a value (None for blocks and metadata).
pub fn operand<'ctx>(inst: InstructionValue<'ctx>, n: u32) -> Option<BasicValueEnum<'ctx>> {
    inst.get_operand(n).and_then(|o| o.value())
}

/// The instruction behind `v` if it has opcode `op`.
pub fn as_op(v: IntValue<'_>, op: InstructionOpcode) -> Option<InstructionValue<'_>> {
    v.as_instruction_value().filter(|i| i.get_opcode() == op)
}

/// The increment `add phi, D` (D a constant) among `phi`'s incoming
/// values, with D: how counters and induction variables advance.
pub fn induction_step<'ctx>(phi: PhiValue<'ctx>) -> Option<(InstructionValue<'ctx>, IntValue<'ctx>)> {
    phi.get_incomings().find_map(|(v, _)| {
        let add = v.as_instruction_value().filter(|i| i.get_opcode() == InstructionOpcode::Add)?;
        let d = operand(add, 1).filter(|c| c.is_int_value())?.into_int_value();
        let from_phi = operand(add, 0).is_some_and(|o| o.as_value_ref() == phi.as_value_ref());
        (from_phi && d.is_const()).then_some((add, d))
    })
}

/// Sum of `terms` (non-empty) in i32, at the builder's position.
pub fn sum<'ctx>(b: &Builder<'ctx>, terms: &[IntValue<'ctx>]) -> Result<IntValue<'ctx>> {
    let mut acc = terms[0];
    for t in &terms[1..] {
        acc = b.build_int_add(acc, *t, "")?;
    }
    Ok(acc)
}

/// `p` through an empty inline asm: the same value, which LLVM cannot see
/// through, so it is the underlying object of the accesses based on it.
/// No memory effects, so LLVM may still move or merge it.
pub fn opaque<'ctx>(
    cx: &ContextRef<'ctx>,
    b: &Builder<'ctx>,
    p: PointerValue<'ctx>,
) -> Result<PointerValue<'ctx>> {
    let ty = p.get_type();
    let fn_ty = ty.fn_type(&[ty.into()], false);
    let asm = cx.create_inline_asm(fn_ty, String::new(), "=r,0".into(), false, false, None, false);
    let call = b.build_indirect_call(fn_ty, asm, &[p.into()], "array")?;
    for (name, val) in [("memory", 0), ("nounwind", 0), ("willreturn", 0)] {
        call.add_attribute(
            AttributeLoc::Function,
            cx.create_enum_attribute(Attribute::get_named_enum_kind_id(name), val),
        );
    }
    let v = call.try_as_basic_value().basic().ok_or_else(|| Error::backend("inline asm returned void"))?;
    Ok(v.into_pointer_value())
}

/// The leaves of the i32.add tree `v`, expanding at most `MAX_LEAVES`.
pub fn leaves(v: IntValue<'_>) -> Vec<IntValue<'_>> {
    let mut leaves = vec![v];
    while leaves.len() < MAX_LEAVES {
        let Some(pos) = leaves.iter().position(|t| as_op(*t, InstructionOpcode::Add).is_some()) else {
            break;
        };
        let Some(add) = leaves[pos].as_instruction_value() else { break };
        let (Some(x), Some(y)) = (operand(add, 0), operand(add, 1)) else { break };
        leaves.splice(pos..=pos, [x.into_int_value(), y.into_int_value()]);
    }
    leaves
}

/// For the passes' unit tests: `ir` parsed, rewritten by `pass`,
/// verified and printed.
#[cfg(test)]
pub fn rewritten_ir(ir: &str, pass: impl Fn(&Module)) -> String {
    let cx = inkwell::context::Context::create();
    let buf = inkwell::memory_buffer::MemoryBuffer::create_from_memory_range_copy(ir.as_bytes(), "t");
    let m = cx.create_module_from_ir(buf).unwrap();
    pass(&m);
    m.verify().unwrap_or_else(|e| panic!("{e}\n{}", m.print_to_string()));
    m.print_to_string().to_string()
}
