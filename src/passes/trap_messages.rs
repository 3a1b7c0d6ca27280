//! Cortex-M firmware: only the trap messages the program can print.
//!
//! The Cortex-M runtime keeps the message of every trap code in one
//! NUL-separated string, `trap_messages` (runtime/cortex_m/trap.c), and
//! finds a code's message by walking past that many NULs. Fourteen
//! messages take 277 bytes of flash, about a tenth of a small firmware
//! image, and most programs can raise two or three of them: a kernel
//! without division, tables or float conversions never prints "integer
//! divide by zero" or "indirect call type mismatch". LLVM cannot drop
//! them, since the string is indexed by a value it does not know.
//!
//! A firmware image is the whole program, so after LLVM's pipeline every
//! way a code reaches the message lookup is a call in this module: codes
//! enter through `awsm_trap(ctx, code)` and flow through `awsm_cm_stop`
//! to `awsm_trap_message`, each of which may also be called directly (or
//! inlined into its callers). The codes are the constants passed to these
//! functions from outside that chain, seen through phis and selects (LLVM
//! merges trap calls into one call with a phi of codes). Every other
//! message becomes empty: its NUL stays, so the walk still counts right
//! for the messages kept. When a code is not a constant, or a function of
//! the chain is used other than by a call, or has been cloned under
//! another name, the string is left whole.
//!
//! proc_exit's code (13) passed to awsm_trap or awsm_cm_stop prints
//! nothing (awsm_cm_stop exits with the guest's status), so only a
//! direct awsm_trap_message(13) keeps "exit".
//!
//! Out-of-range codes print "host trap" (awsm_trap) or "unknown trap"
//! (the lookup); a constant out of range keeps both. Objects (`-o x.o`)
//! are not rewritten: code outside them may print any message.
//!
//! Sound: a message no code can reach is never printed; emptying it
//! keeps every other message's position. Pays on flash: up to 277 bytes of
//! a small firmware image (doc/targets.md).

use super::ir::int_operand;
use crate::abi::{constants, symbols, traps};
use inkwell::module::{Linkage, Module};
use inkwell::values::{
    AnyValueEnum, AsValueRef, BasicValue, BasicValueEnum, InstructionOpcode, InstructionValue,
};
use inkwell::values::{FunctionValue, IntValue};
use std::collections::BTreeSet;

/// The functions a trap code flows through on its way to its message.
const CHAIN: [&str; 3] = symbols::TRAP_CHAIN;
/// The runtime's string of messages.
const MESSAGES: &str = constants::CM_TRAP_MESSAGES.name;
/// The code awsm_trap substitutes for one out of range ("host trap").
const HOST_TRAP: u64 = traps::HOST as u64;
/// proc_exit's code, which awsm_cm_stop turns into the guest's exit
/// status without printing its message.
const EXIT_TRAP: u64 = traps::EXIT as u64;

/// Empty the messages of `trap_messages` that no trap in `module` (a
/// whole firmware program, after optimisation) can print. Returns the
/// codes whose messages were kept, or None when the string stays whole.
pub fn keep_used_trap_messages(module: &Module) -> Option<BTreeSet<u64>> {
    let global = module.get_global(MESSAGES)?;
    let bytes = const_bytes(global.get_initializer()?)?;
    // Messages 0..count, then "unknown trap" (index count), each ended by a NUL.
    let messages: Vec<&[u8]> = bytes.strip_suffix(&[0])?.split(|&b| b == 0).collect();
    let count = messages.len() as u64 - 1;
    let codes = used_codes(module, count)?;
    let mut kept = Vec::with_capacity(bytes.len());
    for (code, text) in messages.iter().enumerate() {
        if codes.contains(&(code as u64)) {
            kept.extend_from_slice(text);
        }
        kept.push(0);
    }
    let cx = module.get_context();
    let init = cx.const_string(&kept, false);
    let new = module.add_global(init.get_type(), None, "");
    new.set_initializer(&init);
    new.set_constant(true);
    new.set_linkage(Linkage::Internal);
    new.set_alignment(1);
    global.as_pointer_value().replace_all_uses_with(new.as_pointer_value());
    // SAFETY: every use now refers to `new`; the old global is unused.
    unsafe { global.delete() };
    new.set_name(MESSAGES);
    Some(codes)
}

/// The bytes of a constant byte-string initializer (NULs included, which
/// inkwell's string accessor would stop at).
fn const_bytes(init: BasicValueEnum<'_>) -> Option<Vec<u8>> {
    let BasicValueEnum::ArrayValue(array) = init else { return None };
    if !array.is_const_string() {
        return None;
    }
    let mut len = 0usize;
    // SAFETY: `array` is a constant data array (checked above); LLVM
    // returns a pointer to its `len` bytes, owned by the constant.
    let data = unsafe { llvm_sys::core::LLVMGetAsString(array.as_value_ref(), &mut len) };
    if data.is_null() {
        return None;
    }
    // SAFETY: as above; the bytes live as long as the module.
    Some(unsafe { std::slice::from_raw_parts(data.cast::<u8>(), len) }.to_vec())
}

/// The codes that can reach the message lookup, messages 0..=`count`
/// (`count` is "unknown trap"), or None when they cannot all be known.
fn used_codes(module: &Module, count: u64) -> Option<BTreeSet<u64>> {
    let chain: Vec<FunctionValue> = CHAIN.iter().filter_map(|n| module.get_function(n)).collect();
    let cloned = module.get_functions().any(|f| {
        let name = f.get_name().to_string_lossy();
        CHAIN.iter().any(|c| name.strip_prefix(c).is_some_and(|rest| rest.starts_with('.')))
    });
    if cloned {
        return None;
    }
    let mut codes = BTreeSet::new();
    for f in &chain {
        // The code is each function's last parameter; LLVM may have removed
        // awsm_trap's unused `ctx`. With no parameter left (one code,
        // propagated into the function) the codes cannot be read here.
        let arg = f.count_params().checked_sub(1)?;
        if !f.get_last_param()?.is_int_value() {
            return None;
        }
        for u in std::iter::successors(f.as_global_value().as_pointer_value().get_first_use(), |u| {
            u.get_next_use()
        }) {
            let call = instruction(u.get_user())?;
            let callee_index = call.get_num_operands().checked_sub(1)?;
            let is_callee = call.get_opcode() == InstructionOpcode::Call
                && call.get_operand(callee_index)?.value()?.as_value_ref() == f.as_value_ref();
            if !is_callee {
                return None; // address taken, or passed as an argument
            }
            let caller = call.get_parent()?.get_parent()?;
            if chain.contains(&caller) {
                continue; // the code of an outer call, passed on
            }
            let mut passed = BTreeSet::new();
            constants(int_operand(call, arg)?, &mut passed, 0)?;
            // awsm_cm_stop ends proc_exit's code with the guest's status
            // before any message: only a direct lookup prints "exit".
            if count > EXIT_TRAP && f.get_name().to_bytes() != symbols::TRAP_MESSAGE.name.as_bytes() {
                passed.remove(&EXIT_TRAP);
            }
            codes.extend(passed);
        }
    }
    if codes.iter().any(|&c| c == 0 || c >= count) {
        codes.extend([HOST_TRAP, count]);
    }
    Some(codes)
}

fn instruction(user: AnyValueEnum<'_>) -> Option<InstructionValue<'_>> {
    match user {
        AnyValueEnum::InstructionValue(i) => Some(i),
        AnyValueEnum::PhiValue(p) => Some(p.as_instruction()),
        other => BasicValueEnum::try_from(other).ok()?.as_instruction_value(),
    }
}

/// Add the constants `v` can be (through phis and selects) to `codes`;
/// None if it can be anything else.
fn constants(v: IntValue<'_>, codes: &mut BTreeSet<u64>, depth: u32) -> Option<()> {
    if let Some(c) = v.get_zero_extended_constant() {
        codes.insert(c);
        return Some(());
    }
    let inst = v.as_instruction()?;
    if depth > 8 {
        return None;
    }
    match inst.get_opcode() {
        InstructionOpcode::Phi => {
            for i in 0..inst.get_num_operands() {
                constants(int_operand(inst, i)?, codes, depth + 1)?;
            }
            Some(())
        }
        InstructionOpcode::Select => {
            constants(int_operand(inst, 1)?, codes, depth + 1)?;
            constants(int_operand(inst, 2)?, codes, depth + 1)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passes::ir::rewritten_ir;

    /// A runtime like trap.c's: four messages then "unknown trap"; the
    /// guest traps with code 2, and with 1 or 3 through a phi.
    const PROGRAM: &str = r#"
@trap_messages = internal constant [23 x i8] c"none\00one\00two\00three\00unk\00"

define internal ptr @awsm_trap_message(i32 %code) {
  %p = getelementptr i8, ptr @trap_messages, i32 %code
  ret ptr %p
}
define internal void @awsm_cm_stop(i32 %code) {
  %m = call ptr @awsm_trap_message(i32 %code)
  ret void
}
define internal void @awsm_trap(ptr %ctx, i32 %code) {
  call void @awsm_cm_stop(i32 %code)
  ret void
}
define void @guest(ptr %ctx, i1 %c) {
entry:
  br i1 %c, label %a, label %b
a:
  call void @awsm_trap(ptr %ctx, i32 2)
  br label %b
b:
  %code = phi i32 [ 1, %entry ], [ 3, %a ]
  call void @awsm_trap(ptr %ctx, i32 %code)
  ret void
}
"#;

    fn rewritten(ir: &str) -> (String, Option<BTreeSet<u64>>) {
        let kept = std::cell::RefCell::new(None);
        let out = rewritten_ir(ir, |m| *kept.borrow_mut() = keep_used_trap_messages(m));
        (out, kept.into_inner())
    }

    #[test]
    fn unused_messages_become_empty() {
        let (ir, kept) = rewritten(PROGRAM);
        assert_eq!(kept, Some(BTreeSet::from([1, 2, 3])));
        assert!(ir.contains(r#"c"\00one\00two\00three\00\00""#), "{ir}");
    }

    #[test]
    fn proc_exit_keeps_its_message_only_for_a_direct_lookup() {
        // trap.c's layout: fourteen messages, then "unknown trap".
        let texts: Vec<String> = (0..15).map(|i| format!("m{i}")).collect();
        let init: String = texts.iter().map(|t| format!("{t}\\00")).collect();
        let len: usize = texts.iter().map(|t| t.len() + 1).sum();
        let ir = PROGRAM
            .replace(
                r#"[23 x i8] c"none\00one\00two\00three\00unk\00""#,
                &format!(r#"[{len} x i8] c"{init}""#),
            )
            .replace("i32 2)", "i32 13)");
        let (_, kept) = rewritten(&ir);
        assert_eq!(kept, Some(BTreeSet::from([1, 3])));
        let direct = ir.replace(
            "define void @guest(ptr %ctx, i1 %c) {\nentry:\n",
            "define void @guest(ptr %ctx, i1 %c) {\nentry:\n  %e = call ptr @awsm_trap_message(i32 13)\n",
        );
        let (_, kept) = rewritten(&direct);
        assert_eq!(kept, Some(BTreeSet::from([1, 3, 13])));
    }

    #[test]
    fn a_direct_constant_out_of_range_keeps_the_fallbacks() {
        let ir = PROGRAM.replace("i32 2)", "i32 9)");
        let (_, kept) = rewritten(&ir);
        // 9 is past the four codes: "host trap" (12, absent here) and "unknown trap" (4).
        assert_eq!(kept, Some(BTreeSet::from([1, 3, 4, 9, 12])));
    }

    #[test]
    fn a_code_that_is_not_a_constant_keeps_every_message() {
        let ir = PROGRAM.replace("[ 1, %entry ]", "[ %x, %entry ]").replace("i1 %c)", "i1 %c, i32 %x)");
        let (out, kept) = rewritten(&ir);
        assert_eq!(kept, None);
        assert!(out.contains(r#"c"none\00one\00two\00three\00unk\00""#), "{out}");
    }

    #[test]
    fn a_stored_trap_function_keeps_every_message() {
        let ir = PROGRAM.replace(
            "  call void @awsm_trap(ptr %ctx, i32 %code)\n",
            "  call void @awsm_trap(ptr %ctx, i32 %code)\n  store ptr @awsm_cm_stop, ptr %ctx\n",
        );
        let (_, kept) = rewritten(&ir);
        assert_eq!(kept, None);
    }

    #[test]
    fn a_cloned_chain_function_keeps_every_message() {
        let ir = format!(
            "{PROGRAM}\ndefine internal void @awsm_trap.specialized.1(ptr %ctx) {{\n  ret void\n}}\n"
        );
        let (_, kept) = rewritten(&ir);
        assert_eq!(kept, None);
    }

    #[test]
    fn a_trap_function_without_its_context_parameter() {
        // LLVM's dead argument elimination drops awsm_trap's unused `ctx`.
        let ir = PROGRAM
            .replace("@awsm_trap(ptr %ctx, i32 %code) {", "@awsm_trap(i32 %code) {")
            .replace("@awsm_trap(ptr %ctx, ", "@awsm_trap(");
        let (_, kept) = rewritten(&ir);
        assert_eq!(kept, Some(BTreeSet::from([1, 2, 3])));
    }

    #[test]
    fn a_code_propagated_into_the_chain_keeps_every_message() {
        let ir = PROGRAM.replace("@awsm_trap_message(i32 %code)", "@awsm_trap_message()").replace(
            "getelementptr i8, ptr @trap_messages, i32 %code",
            "getelementptr i8, ptr @trap_messages, i32 5",
        );
        let (_, kept) = rewritten(&ir);
        assert_eq!(kept, None);
    }

    #[test]
    fn no_trap_calls_leave_only_nuls() {
        let ir = PROGRAM
            .replace("call void @awsm_trap(ptr %ctx, i32 2)\n", "")
            .replace("  call void @awsm_trap(ptr %ctx, i32 %code)\n", "");
        let (out, kept) = rewritten(&ir);
        assert_eq!(kept, Some(BTreeSet::new()));
        assert!(
            out.contains(r#"[5 x i8] zeroinitializer"#) || out.contains(r#"c"\00\00\00\00\00""#),
            "{out}"
        );
    }
}
