//! The contract between generated code and the C runtime, declared once.
//!
//! Everything here mirrors `runtime/include/awsm.h`; `tests/abi_layout.rs`
//! compiles `_Static_assert`s generated from these tables against the
//! header so the two cannot drift.

pub mod layout;
pub mod names;
pub mod strategy;
pub mod symbols;
pub mod traps;
pub mod type_id;
