//! Emitting a module's own code without the runtime, for the crates that
//! compile many modules in-process (tests/spec.rs, tests/spec_cross.rs).
//! awsm translates the module and links the runtime in (`--emit bc -O0`:
//! no optimisation yet); here the runtime's weak_odr definitions become
//! available_externally, so they still inline into the module's code but
//! are not emitted, then awsm's own -O2 pipeline and emission run. What is
//! not inlined resolves to one runtime built once. Optimising and emitting
//! the whole runtime again for every module was almost all of each
//! compilation's time.
//!
//! Not part of common/mod.rs: it links LLVM through awsm's library, which
//! the crates that only run the awsm binary should not pay for. Include it
//! with `#[path = "common/guest_only.rs"] mod guest_only;`.

use awsm::driver::OptLevel;
use awsm::target::TargetInfo;
use awsm::target::link::{self, Emit, Linker};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use std::path::Path;

/// Optimises the unoptimised bitcode at `bitcode` at -O2 for `triple`
/// (None: the host) and writes it as `emit` (an object or a shared
/// object) to `out`, without the runtime's definitions.
// Each crate including this file uses one of the two (common/mod.rs's reason).
#[allow(dead_code)]
pub fn emit_guest_only(bitcode: &Path, out: &Path, triple: Option<&str>, emit: Emit) -> Result<(), String> {
    emit_guest_only_for_cpu(bitcode, out, triple, None, emit)
}

/// `emit_guest_only` for `--cpu` `cpu` (None: the target's baseline).
pub fn emit_guest_only_for_cpu(
    bitcode: &Path,
    out: &Path,
    triple: Option<&str>,
    cpu: Option<&str>,
    emit: Emit,
) -> Result<(), String> {
    let cx = Context::create();
    let module = Module::parse_bitcode_from_path(bitcode, &cx).map_err(|e| e.to_string())?;
    for f in module.get_functions() {
        if f.get_linkage() == Linkage::WeakODR {
            f.set_linkage(Linkage::AvailableExternally);
        }
    }
    for g in module.get_globals() {
        if g.get_linkage() == Linkage::WeakODR {
            g.set_linkage(Linkage::AvailableExternally);
        }
    }
    let target = TargetInfo::find(triple).map_err(|e| e.to_string())?;
    let tm = target.machine_for_cpu(2, None, cpu).map_err(|e| e.to_string())?;
    awsm::target::optimize(&module, &tm, OptLevel::O2).map_err(|e| e.to_string())?;
    let linker = Linker::for_target(&target, None).map_err(|e| e.to_string())?;
    link::write(&module, &tm, emit, out, &linker).map_err(|e| e.to_string())
}
