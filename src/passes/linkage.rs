//! Linkage and per-function target attributes at the runtime link.
//!
//! Rewrites: `strip_target_attributes` drops the runtime's (and the
//! executable entry's) `target-cpu`/`target-features`/`tune-cpu`, which
//! clang wrote for a generic CPU, so LLVM inlines runtime functions into
//! guest code (it refuses to inline across differing features);
//! `set_linkage` makes everything but the module's C interface internal
//! (executables) or weak_odr (objects, so several modules can share one
//! runtime). Sound: the TargetMachine's CPU is a superset of the generic
//! one, and linkage only decides what the optimizer may assume nobody
//! outside sees (doc/embedding.md lists what stays visible). Pays
//! everywhere: without it no bounds check would inline into its access
//! (doc/design.md, "aWsm's key idea").

use crate::target::Os;
use crate::target::board::{FIRMWARE_EXTERNAL_SYMBOLS, SIZE_LEVEL_HELPERS};
use crate::target::link::Emit;
use inkwell::attributes::AttributeLoc;
use inkwell::module::{Linkage, Module};

/// The runtime is compiled by clang for a generic CPU; drop its per-
/// function CPU attributes so it inlines into guest code freely.
pub fn strip_target_attributes(m: &Module) {
    for f in m.get_functions() {
        for attr in ["target-cpu", "target-features", "tune-cpu"] {
            f.remove_string_attribute(AttributeLoc::Function, attr);
        }
    }
}

/// Executables: everything but `main` is internal, so LTO sees all of it.
/// Objects and shared objects: the descriptor and export wrappers stay
/// visible; runtime definitions become weak_odr so several compiled
/// modules can be linked into one host, sharing one runtime.
///
/// Definitions the runtime's C declares weak (Cortex-M's `awsm_trap`, a
/// hook firmware may replace) stay weak in objects. Cortex-M firmware keeps
/// the few symbols newlib and the linker script refer to external, and
/// the copy helpers the backend calls when select_copy_helpers kept them.
pub fn set_linkage(m: &Module, emit: Emit, prefix: &str, os: Os) {
    let exported = |name: &str| name.starts_with(&format!("{prefix}_"));
    let firmware_external = |name: &str| {
        os == Os::CortexM && (FIRMWARE_EXTERNAL_SYMBOLS.contains(&name) || SIZE_LEVEL_HELPERS.contains(&name))
    };
    for f in m.get_functions() {
        if f.count_basic_blocks() == 0 {
            continue; // a declaration
        }
        let name = f.get_name().to_string_lossy().into_owned();
        let linkage = f.get_linkage();
        if linkage == Linkage::Internal || linkage == Linkage::Private {
            continue;
        }
        if emit == Emit::Exe {
            if name != "main" && !firmware_external(&name) {
                f.set_linkage(Linkage::Internal);
            }
        } else if !exported(&name) && linkage != Linkage::WeakAny {
            f.set_linkage(Linkage::WeakODR);
        }
    }
    for g in m.get_globals() {
        if g.is_declaration() {
            continue;
        }
        let name = g.get_name().to_string_lossy().into_owned();
        let linkage = g.get_linkage();
        if linkage == Linkage::Internal || linkage == Linkage::Private || name.starts_with("llvm.") {
            continue;
        }
        if emit == Emit::Exe {
            g.set_linkage(Linkage::Internal);
        } else if !exported(&name) {
            g.set_linkage(Linkage::WeakODR);
        }
    }
}
