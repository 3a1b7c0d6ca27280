//! The runtime bitcode build.rs compiled for each target (and strategy
//! build), embedded in awsm, loaded into the compilation's context.

use crate::error::{Error, ErrorKind, Result};
use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::Module;

mod runtime_index {
    include!(concat!(env!("OUT_DIR"), "/runtime_index.rs"));
}

/// The runtime for `triple`, linked into every guest.
pub fn runtime<'ctx>(cx: &'ctx Context, triple: &str) -> Result<Module<'ctx>> {
    load_bitcode(cx, runtime_index::RUNTIMES, triple, "runtime")
}

/// The executable entry (`main`, or a board's start-up) for `triple`.
pub fn executable_entry<'ctx>(cx: &'ctx Context, triple: &str) -> Result<Module<'ctx>> {
    load_bitcode(cx, runtime_index::EXE_MAINS, triple, "executable entry")
}

fn load_bitcode<'ctx>(
    cx: &'ctx Context,
    table: &[(&str, &[u8])],
    triple: &str,
    what: &str,
) -> Result<Module<'ctx>> {
    let bytes = table.iter().find(|(t, _)| *t == triple).map(|(_, b)| *b).ok_or_else(|| {
        let why = runtime_index::MISSING_RUNTIMES
            .iter()
            .find(|(t, _)| *t == triple)
            .map(|(_, why)| *why)
            .unwrap_or("it was not built");
        Error::new(ErrorKind::Usage, format!("no {what} for target {triple}: {why}"))
    })?;
    let buf = MemoryBuffer::create_from_memory_range_copy(bytes, what);
    Module::parse_bitcode_from_buffer(&buf, cx)
        .map_err(|e| Error::backend(format!("loading {what} bitcode: {e}")))
}
