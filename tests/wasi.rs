//! WASI preview1 and the sandbox, end to end: the C programs in tests/wasi/
//! are built for wasm32-wasi, then run both as executables compiled by
//! `awsm prog.wasm -o prog` (sandbox options after `--awsm`) and through
//! `awsm run`, in fixture directories made per run. Each program checks
//! its own results and prints one line per check; the output must equal
//! tests/wasi/<program>.expected (AWSM_BLESS=1 rewrites those files).
//! Escape attempts also check that the host tree outside the preopens is
//! untouched, with both path resolvers (openat2, and the O_NOFOLLOW walk
//! forced by AWSM_WASI_NO_OPENAT2=1).

mod common;
#[path = "wasi/embedding.rs"]
mod embedding;
#[path = "wasi/filesystem.rs"]
mod filesystem;
#[path = "wasi/fixture.rs"]
mod fixture;
#[path = "wasi/harness.rs"]
mod harness;
#[path = "wasi/launch.rs"]
mod launch;
#[path = "wasi/programs.rs"]
mod programs;
