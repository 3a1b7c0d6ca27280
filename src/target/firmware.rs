//! Cortex-M: what the compiler tells the runtime about the module, as
//! constants LTO folds (page size, mask width, static linear memory,
//! whether function references are read, unbound imports). The pipeline
//! defines them right after translation; runtime/cortex_m/ reads them.

use super::Board;
use crate::abi::strategy::Strategy;
use crate::module::ModuleInfo;
use inkwell::context::Context;
use inkwell::module::Module;

/// The constants the Cortex-M runtime reads (runtime/cortex_m/memory.c):
/// `awsm_cm_page_shift`, and `awsm_cm_mask_bits`, the log2 of the mask
/// strategy's arena (0 for explicit): the declared maximum memory if there
/// is one, else the initial size, rounded up to a power of two. Constants
/// in the module, so LTO folds them into every access.
///
/// Also `awsm_cm_static_memory_bytes` and the zeroed array
/// `awsm_cm_static_memory` of that many bytes (`static_memory_bytes`; an
/// empty array when 0): linear memory in .bss, which reset zeroes, so
/// instantiation calls no allocator and needs no error path for one.
///
/// And `awsm_cm_funcrefs` (runtime/cortex_m/command.c): 0 when nothing
/// reads the instance's function references, so instantiation does not
/// fill them. LTO cannot see that itself: the array is written through the
/// instance, which generated code receives as a pointer. And
/// `awsm_cm_unbound_imports`, the function imports the translator did not
/// bind to a runtime function, which instantiation refuses.
pub fn define_cortex_m_constants<'ctx>(
    cx: &'ctx Context,
    m: &Module<'ctx>,
    info: &ModuleInfo,
    strategy: Strategy,
    c: &CortexMConstants,
) {
    let mask_bits = cortex_m_mask_bits(info, strategy, c.page_shift);
    let static_bytes = c.static_bytes;
    for (name, value) in [
        ("awsm_cm_page_shift", c.page_shift),
        ("awsm_cm_mask_bits", mask_bits),
        ("awsm_cm_static_memory_bytes", static_bytes),
        ("awsm_cm_funcrefs", c.funcrefs as u32),
        ("awsm_cm_unbound_imports", c.unbound_imports),
    ] {
        let g = m.add_global(cx.i32_type(), None, name);
        g.set_initializer(&cx.i32_type().const_int(value as u64, false));
        g.set_constant(true);
    }
    let ty = cx.i8_type().array_type(static_bytes);
    let g = m.add_global(ty, None, "awsm_cm_static_memory");
    g.set_initializer(&ty.const_zero());
    // Generated code's accesses are 8 bytes at most, the runtime's words.
    g.set_alignment(8);
}

/// What `define_cortex_m_constants` needs beyond the module.
pub struct CortexMConstants {
    pub page_shift: u32,
    pub static_bytes: u32,
    pub funcrefs: bool,
    pub unbound_imports: u32,
}

/// log2 of the mask strategy's arena (0 under explicit checks).
fn cortex_m_mask_bits(info: &ModuleInfo, strategy: Strategy, page_shift: u32) -> u32 {
    match (strategy, info.memory) {
        (Strategy::Mask, Some(mem)) => {
            let pages = mem.maximum.unwrap_or(mem.initial).max(mem.initial).max(1);
            let bytes = pages.saturating_mul(1u64 << page_shift);
            bytes.next_power_of_two().trailing_zeros().min(30)
        }
        (Strategy::Mask, None) => 10,
        _ => 0,
    }
}

/// Bytes of static linear memory for board firmware, or 0 for memory from
/// the heap. Static when the most the memory can ever need is known at
/// compile time and fits the board's limit: the mask strategy's arena
/// (fixed by `awsm_cm_mask_bits`, plus the slack for the widest access
/// that memory.c allocates), or under explicit checks the declared
/// maximum, which memory.grow cannot pass, so growing needs no realloc.
/// Memory without a maximum, an imported one (which firmware refuses
/// anyway), or one larger than the limit keeps the heap path, and with it
/// the run-time "cannot allocate linear memory" for a memory larger than
/// the heap. Objects never get it: where their memory goes is the
/// integrator's decision.
pub fn static_memory_bytes(info: &ModuleInfo, strategy: Strategy, page_shift: u32, board: &Board) -> u32 {
    const MASK_SLACK: u64 = 16; // memory.c's MASK_SLACK
    let Some(mem) = info.memory else { return 0 };
    if info.memory_imported {
        return 0;
    }
    let bytes = match strategy {
        Strategy::Mask => (1u64 << cortex_m_mask_bits(info, strategy, page_shift)) + MASK_SLACK,
        _ => match mem.maximum {
            Some(max) if max >= mem.initial => max.saturating_mul(1u64 << page_shift),
            _ => return 0,
        },
    };
    // At least a word, so a memory of zero pages has a valid base.
    if bytes > board.static_memory_limit { 0 } else { bytes.max(8) as u32 }
}
