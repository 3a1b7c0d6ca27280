//! `call_indirect` through each kind of table the translator tells apart
//! (src/translate/frozen.rs): a *static* table (contents known at compile
//! time, read from a constant array), a *frozen* one (never written after
//! instantiation, null slots replaced by a sentinel), and a *mutable* one
//! (written, grown or exported). Each must give the same results and the
//! same three traps as the spec: "undefined element" past the end,
//! "uninitialized element" on a null slot, "indirect call type mismatch"
//! for a wrong signature, with short signatures (fixed type ids) and a
//! long one (an interned id, src/abi/type_id.rs).
//!
//! Each module is compiled once to an executable and its exports are run
//! with `--invoke`. `cargo test --release --test call_indirect`.

mod common;

use std::path::Path;
use std::process::Command;

/// Types and functions every module shares. $long has 11 signature
/// letters, so its id is interned rather than fixed. $imp is a WASI
/// import (`sched_yield` returns 0): a table holding it is not static.
const COMMON: &str = r#"
  (import "wasi_snapshot_preview1" "sched_yield" (func $imp (result i32)))
  (type $ii (func (param i32) (result i32)))
  (type $ii2 (func (param i32) (result i32)))
  (type $long (func (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
  (type $v_i (func (result i32)))
  (func $inc (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
  (func $dbl (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
  (func $ninth (param i32 i32 i32 i32 i32 i32 i32 i32 i32) (result i32) (local.get 8))
  (func (export "ii") (param i32 i32) (result i32)
    (call_indirect (type $ii) (local.get 1) (local.get 0)))
  (func (export "ii2") (param i32 i32) (result i32)
    (call_indirect (type $ii2) (local.get 1) (local.get 0)))
  (func (export "long") (param i32) (result i32)
    (call_indirect (type $long) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0)
      (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 0) (i32.const 9) (local.get 0)))
  (func (export "v_i") (param i32) (result i32) (call_indirect (type $v_i) (local.get 0)))
  (func (export "size") (result i32) (table.size))
"#;

/// Static: slots inc, dbl, ninth, null, null, inc.
const STATIC: &str = r#"
  (table 6 funcref)
  (elem (i32.const 0) $inc $dbl $ninth)
  (elem (i32.const 4) funcref (ref.null func) (ref.func $inc))
"#;

/// Frozen: slots inc, dbl, ninth, imp, null, inc; the import (its
/// funcref is made at instantiation) keeps the table from being static.
const FROZEN: &str = r#"
  (table 6 funcref)
  (elem (i32.const 0) $inc $dbl $ninth $imp)
  (elem (i32.const 5) $inc)
"#;

/// Mutable (exported, written, grown): slots inc, dbl, ninth, imp, null,
/// null until an export changes them.
const MUTABLE: &str = r#"
  (table (export "t") 6 funcref)
  (elem (i32.const 0) $inc $dbl $ninth $imp)
  (func (export "set_then_ii") (param i32 i32) (result i32)
    (table.set (i32.const 5) (ref.func $inc))
    (call_indirect (type $ii) (local.get 1) (local.get 0)))
  (func (export "grow_then_ii") (param i32 i32) (result i32)
    (drop (table.grow (ref.func $dbl) (i32.const 2)))
    (call_indirect (type $ii) (local.get 1) (local.get 0)))
"#;

/// What one export run must print: its result, or a trap message.
#[derive(Clone, Copy, Debug)]
enum Want {
    Value(&'static str),
    Trap(&'static str),
}
use Want::{Trap, Value};

const UNDEFINED: &str = "undefined element";
const UNINITIALIZED: &str = "uninitialized element";
const MISMATCH: &str = "indirect call type mismatch";

/// One export run: (export, args, expected).
type Case = (&'static str, &'static [&'static str], Want);

/// Cases every kind of table passes (slots 0-2 and 4 agree).
const SHARED: &[Case] = &[
    ("ii", &["0", "5"], Value("6")),
    ("ii", &["1", "5"], Value("10")),
    ("ii2", &["1", "7"], Value("14")), // an equal type under another index
    ("long", &["2"], Value("9")),
    ("ii", &["2", "5"], Trap(MISMATCH)),
    ("long", &["0"], Trap(MISMATCH)),
    ("v_i", &["1"], Trap(MISMATCH)),
    ("ii", &["4", "5"], Trap(UNINITIALIZED)),
    ("long", &["4"], Trap(UNINITIALIZED)),
    ("v_i", &["4"], Trap(UNINITIALIZED)),
    ("ii", &["6", "5"], Trap(UNDEFINED)),
    ("ii", &["-1", "5"], Trap(UNDEFINED)),
    ("long", &["6"], Trap(UNDEFINED)),
    ("size", &[], Value("6")),
];

/// Compile COMMON + `table` and check SHARED and `cases` against it.
fn check(name: &str, table: &str, cases: &[Case]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let wat = dir.path().join(format!("{name}.wat"));
    std::fs::write(&wat, format!("(module {COMMON} {table})")).expect("write module");
    let exe = dir.path().join(name);
    let out = common::awsm().arg(&wat).arg("-o").arg(&exe).output().expect("run awsm");
    assert!(out.status.success(), "{name}: awsm failed: {}", String::from_utf8_lossy(&out.stderr));
    let failures: Vec<String> = SHARED
        .iter()
        .chain(cases)
        .filter_map(|(export, args, want)| {
            run(&exe, export, args, *want).err().map(|e| format!("{name}: {export} {args:?}: {e}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Run one export; Err says how the outcome differs from `want`.
fn run(exe: &Path, export: &str, args: &[&str], want: Want) -> Result<(), String> {
    let out = Command::new(exe)
        .args(["--awsm", "--invoke", export, "--"])
        .args(args)
        .output()
        .map_err(|e| e.to_string())?;
    let stdout = String::from_utf8_lossy(&out.stdout).trim().to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).trim().to_string();
    let ok = match want {
        Value(v) => out.status.code() == Some(0) && stdout == v,
        Trap(msg) => out.status.code() == Some(134) && stderr == format!("awsm: trap: {msg}"),
    };
    if ok { Ok(()) } else { Err(format!("expected {want:?}, got {:?} {stdout:?} {stderr:?}", out.status)) }
}

#[test]
fn static_table() {
    check(
        "static",
        STATIC,
        &[
            ("ii", &["3", "5"], Trap(UNINITIALIZED)),
            ("v_i", &["3"], Trap(UNINITIALIZED)),
            ("ii", &["5", "5"], Value("6")),
        ],
    );
}

#[test]
fn frozen_table() {
    check(
        "frozen",
        FROZEN,
        &[("v_i", &["3"], Value("0")), ("ii", &["3", "1"], Trap(MISMATCH)), ("ii", &["5", "5"], Value("6"))],
    );
}

#[test]
fn mutable_table() {
    check(
        "mutable",
        MUTABLE,
        &[
            ("v_i", &["3"], Value("0")),
            ("ii", &["5", "5"], Trap(UNINITIALIZED)),
            ("set_then_ii", &["5", "5"], Value("6")),
            ("grow_then_ii", &["7", "5"], Value("10")),
            ("grow_then_ii", &["8", "5"], Trap(UNDEFINED)),
        ],
    );
}
