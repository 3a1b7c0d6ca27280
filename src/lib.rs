//! awsm: an ahead-of-time WebAssembly compiler. See doc/design.md.

pub mod abi;
pub mod driver;
pub mod error;
pub mod module;
pub mod opt_level;
pub mod passes;
pub mod pipeline;
pub mod runtime_bitcode;
pub mod target;
pub mod translate;
