//! Naming the feature behind a validation failure. awsm validates with
//! WebAssembly 2.0 (SIMD128 included), so a module using a later proposal fails
//! validation at its first use of it; wasmparser's message then reads
//! like a malformed module ("invalid value type", "unknown opcode") as
//! often as it names the proposal. The house rule is that an unsupported
//! feature is named as such, so on failure the module is validated again
//! with one proposal at a time switched on: the first that gets past the
//! failing byte is the feature the module uses there. This costs nothing
//! for valid modules and a few extra validations for invalid ones.

use crate::error::Error;
use wasmparser::{BinaryReaderError, Validator, WasmFeatures};

/// The proposals awsm rejects, each with the features it needs, in the
/// order they are tried (the narrower ones first).
const PROPOSALS: &[(&str, WasmFeatures)] = &[
    ("simd", WasmFeatures::SIMD),
    ("relaxed-simd", WasmFeatures::SIMD.union(WasmFeatures::RELAXED_SIMD)),
    ("threads", WasmFeatures::THREADS),
    ("tail calls", WasmFeatures::TAIL_CALL),
    ("multi-memory", WasmFeatures::MULTI_MEMORY),
    ("memory64", WasmFeatures::MEMORY64),
    ("extended constant expressions", WasmFeatures::EXTENDED_CONST),
    ("custom page sizes", WasmFeatures::CUSTOM_PAGE_SIZES),
    ("wide arithmetic", WasmFeatures::WIDE_ARITHMETIC),
    ("compact imports", WasmFeatures::COMPACT_IMPORTS),
    ("exceptions", WasmFeatures::EXCEPTIONS),
    ("legacy exceptions", WasmFeatures::EXCEPTIONS.union(WasmFeatures::LEGACY_EXCEPTIONS)),
    ("function references", WasmFeatures::FUNCTION_REFERENCES),
    ("gc", WasmFeatures::GC.union(WasmFeatures::GC_TYPES).union(WasmFeatures::FUNCTION_REFERENCES)),
    ("component model", WasmFeatures::COMPONENT_MODEL),
];

/// The error for a module that failed validation under `features` with
/// `err`: "unsupported feature: <name>" when a proposal awsm does not
/// support gets the validator past the failing byte, else `err` as it is.
pub fn classify(wasm: &[u8], features: WasmFeatures, err: BinaryReaderError) -> Error {
    let failed_at = err.offset();
    let named = PROPOSALS.iter().find(|(_, extra)| {
        match Validator::new_with_features(features | *extra).validate_all(wasm) {
            Ok(_) => true,
            Err(e) => e.offset() > failed_at,
        }
    });
    match named {
        Some((name, _)) => Error::unsupported(failed_at, *name),
        None => Error::from(err),
    }
}
