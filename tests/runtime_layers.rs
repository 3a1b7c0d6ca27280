//! The C runtime's layers depend one way (issue 22: no import cycles):
//!
//! - the core, `runtime/*.c` but `main.c`, `runtime/internal.h` and
//!   `runtime/memory/`, names nothing of the layers built on it;
//! - `runtime/wasi/` (the POSIX WASI) uses the core through `../internal.h`
//!   and sets a hook (`awsm_instance_release_hook`) where the core
//!   must act on WASI state;
//! - `runtime/main.c`, the executables' entry, uses both.
//!
//! So a folder's code may name what its parent folder declares, never the
//! reverse; this test reads the sources and fails on a reference upward.

use std::fs;
use std::path::{Path, PathBuf};

fn c_sources(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("c" | "h")))
        .collect();
    files.sort();
    files
}

/// Identifiers and include paths only `runtime/wasi/` defines.
const WASI_NAMES: &[&str] = &["awsm_sandbox_", "awsm_wasi_", "wasi_impl.h", "wasi/", "wasi_fd", "wasi_state"];

/// Text of a C file without its comments, so prose may still mention WASI.
fn code_of(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut out = String::new();
    let mut rest = text.as_str();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("/*") {
            rest = r.split_once("*/").map_or("", |(_, after)| after);
        } else if let Some(r) = rest.strip_prefix("//") {
            rest = r.split_once('\n').map_or("", |(_, after)| after);
        } else {
            let c = rest.chars().next().expect("non-empty");
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

#[test]
fn core_names_nothing_of_wasi() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime");
    let mut core = c_sources(&root);
    core.retain(|p| p.file_name().is_some_and(|n| n != "main.c"));
    core.extend(c_sources(&root.join("memory")));
    assert!(core.len() > 5, "the core's sources were not found");
    let mut upward = Vec::new();
    for file in &core {
        let code = code_of(file);
        for (n, line) in code.lines().enumerate() {
            if let Some(name) = WASI_NAMES.iter().find(|w| line.contains(**w)) {
                upward.push(format!("{}:{}: names {name}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(upward.is_empty(), "the runtime core depends on runtime/wasi/:\n{}", upward.join("\n"));
}

#[test]
fn wasi_reaches_the_core_only_through_internal_h() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime");
    for file in c_sources(&root.join("wasi")) {
        for line in code_of(&file).lines().filter(|l| l.trim_start().starts_with("#include \"")) {
            let target = line.trim().trim_start_matches("#include ").trim_matches('"');
            assert!(
                target == "../internal.h" || !target.contains('/'),
                "{}: includes {target}; runtime/wasi/ uses the core through ../internal.h",
                file.display()
            );
        }
    }
}
