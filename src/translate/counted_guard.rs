//! The guard in front of a versioned loop: the IR contract between the
//! translator, which writes it, and passes/hoist.rs and grouped.rs, which
//! read it.

/// Metadata kind (no operands) marking the guard of a counted copy.
pub const COUNTED_GUARD: &str = "awsm.counted";
