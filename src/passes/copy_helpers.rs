//! Cortex-M: which memcpy/memmove/memset firmware links.
//!
//! Rewrites: at the size levels of firmware, aliases from the C names to
//! runtime/cortex_m/bytes.c's byte loops; everywhere else deletes those
//! loops, so the backend's calls resolve to newlib's. Sound: both are
//! implementations of the same C functions, and nothing in the IR calls
//! them yet (only the backend does, after this). Pays on flash at -Oz
//! (newlib's word-at-a-time copies are larger) and on speed elsewhere
//! (doc/targets.md).

use crate::target::board::{SIZE_LEVEL_ALIASES, SIZE_LEVEL_HELPERS};
use inkwell::module::Module;
use inkwell::values::AsValueRef;

/// Whether Cortex-M code gets runtime/cortex_m/bytes.c's byte loops for
/// memcpy/memmove/memset (`keep`: firmware built for size) or newlib's
/// (everything else: the runtime's definitions are deleted here, so the
/// backend's calls stay undefined in the object and the linker, or an
/// embedder's, resolves them from the C library). Nothing in the IR
/// calls the helpers: only the backend does, after this.
pub fn select_copy_helpers(m: &Module, keep: bool) {
    if keep {
        // set_linkage keeps the helpers external; aliases, which it does
        // not visit, are external from the start.
        for (alias, target) in SIZE_LEVEL_ALIASES {
            let (Some(f), None) = (m.get_function(target), m.get_function(alias)) else { continue };
            let name = std::ffi::CString::new(*alias).expect("no NUL in a helper's name");
            // SAFETY: `m` and `f`, a function of `m`, are live; LLVM copies
            // the name.
            unsafe {
                llvm_sys::core::LLVMAddAlias2(
                    m.as_mut_ptr(),
                    llvm_sys::core::LLVMGlobalGetValueType(f.as_value_ref()),
                    0,
                    f.as_value_ref(),
                    name.as_ptr(),
                );
            }
        }
        return;
    }
    for name in SIZE_LEVEL_HELPERS {
        if let Some(f) = m.get_function(name) {
            // SAFETY: no IR refers to the helpers (see above), and `f` is
            // not used after.
            unsafe { f.delete() };
        }
    }
}
