//! The contract between generated code and the C runtime, declared once.
//!
//! Everything here mirrors `runtime/include/awsm.h` and the runtime's C;
//! the rest of the compiler names no runtime symbol, offset or number
//! itself. `tests/abi_layout.rs` compiles `_Static_assert`s generated from
//! these tables against the header for every target (instance layout,
//! descriptor layout, trap codes, strategy ids, ABI version) and checks
//! every runtime function and data symbol listed here against the runtime
//! bitcode of every target, so the two sides cannot drift.

pub mod constants;
pub mod descriptor;
pub mod layout;
pub mod names;
pub mod strategy;
pub mod symbols;
pub mod traps;
pub mod type_id;
