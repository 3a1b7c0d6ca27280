//! awsm's IR rewrites: one file per pass, each run by src/pipeline/mod.rs,
//! which says when and in which order.
//!
//! Dependencies point one way: passes read LLVM IR and the few IR
//! contracts the translator documents (translate/counted_guard.rs), never
//! the translator's internals, and never each other. What several passes
//! share is in `ir` (matching helpers, local promotion) and `loops`
//! (dominators and natural loops).
//!
//! Before LLVM's pipeline, on the guest alone (SSA after the pipeline's
//! mem2reg step): `reroll`, `hoist`, `grouped`, `mirror`. At the runtime
//! link: `linkage`, `size_attributes`, `sse_float_returns`,
//! `copy_helpers`. Around LLVM's pipeline: `keep_loads` (before it, and
//! between its halves). After LLVM's pipeline, just before code generation:
//! `size_attributes::expand_wide_constant_divisions`, `x86`, `twin_ivs`,
//! `trap_messages`, `arm_float`, `function_sections`.

pub mod arm_float;
pub mod copy_helpers;
pub mod function_sections;
pub mod grouped;
pub mod hoist;
pub mod ir;
pub mod keep_loads;
pub mod linkage;
pub mod loops;
pub mod mirror;
pub mod reroll;
pub mod size_attributes;
pub mod sse_float_returns;
pub mod trap_messages;
pub mod twin_ivs;
pub mod x86;
