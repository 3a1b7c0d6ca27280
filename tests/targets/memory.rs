//! Cortex-M linear memory: small pages (`--page-size`), checks hoisted out
//! of loops and grouped, call_indirect with memory.grow in the firmware's
//! own instance set-up, static memory up to a declared maximum, data
//! segments proven in bounds, and a memory too large for the board. Each
//! test builds a small module (tests/targets/*.wat or inline) for the
//! Cortex-M4 board and checks how it exits.

use crate::embedded_figures::{arm_firmware_ready, sized_symbols};
use crate::platform::{CORTEX_M4, build_dir, build_root};

/// Build `wat` for the Cortex-M4 board at -O2 with `flags`, run it, and
/// return (status, stderr).
fn run_cortex_m_module(test: &str, wat: &str, flags: &[&str]) -> Option<(Option<i32>, String)> {
    run_cortex_m_module_at(test, wat, "-O2", flags)
}

/// `run_cortex_m_module` at optimisation level `opt`.
fn run_cortex_m_module_at(test: &str, wat: &str, opt: &str, flags: &[&str]) -> Option<(Option<i32>, String)> {
    if !CORTEX_M4.ready_for(test) {
        return None;
    }
    let dir = build_dir(test);
    let source = dir.join("module.wat");
    std::fs::write(&source, wat).expect("write the module");
    let elf = dir.join(format!("module{opt}{}.elf", flags.join("").replace('-', "_")));
    CORTEX_M4.build(&source, &elf, opt, flags);
    let run = CORTEX_M4.run(&elf);
    Some((run.status.code(), String::from_utf8_lossy(&run.stderr).into_owned()))
}

/// `--page-size`: one declared page is 4 KiB; memory.size and memory.grow
/// count small pages; an access past the real end traps. With the default
/// 64 KiB pages the same access is in bounds; with the mask strategy it
/// wraps inside the arena instead of trapping (documented non-conformance).
#[test]
fn cortex_m_small_pages() {
    let wat = include_str!("small_pages.wat");
    let Some((status, stderr)) = run_cortex_m_module("small_pages", wat, &["--page-size", "4096"]) else {
        return;
    };
    assert_eq!(status, Some(134), "4 KiB pages: expected the trap; stderr: {stderr}");
    assert!(stderr.contains("awsm: trap: out of bounds memory access"), "stderr: {stderr}");
    let Some((status, stderr)) = run_cortex_m_module("small_pages", wat, &[]) else { return };
    assert_eq!(status, Some(0), "64 KiB pages: stderr: {stderr}");
    let masked = ["--page-size", "4096", "--bounds-checks", "mask"];
    let Some((status, stderr)) = run_cortex_m_module("small_pages", wat, &masked) else { return };
    assert_eq!(status, Some(0), "mask strategy: stderr: {stderr}");
}

/// Checks hoisted out of counted loops compare against the accessible
/// size with small pages: a loop storing past the one 4 KiB page traps
/// (tests/targets/small_pages_loop.wat); with 64 KiB pages it is in bounds.
#[test]
fn cortex_m_small_pages_counted_loop() {
    let wat = include_str!("small_pages_loop.wat");
    let Some((status, stderr)) = run_cortex_m_module("small_pages_loop", wat, &["--page-size", "4096"])
    else {
        return;
    };
    assert_eq!(status, Some(134), "4 KiB pages: expected the trap; stderr: {stderr}");
    assert!(stderr.contains("awsm: trap: out of bounds memory access"), "stderr: {stderr}");
    let Some((status, stderr)) = run_cortex_m_module("small_pages_loop", wat, &[]) else { return };
    assert_eq!(status, Some(0), "64 KiB pages: stderr: {stderr}");
}

/// Loops exiting on data, unrolled once with their checks shared
/// (src/translate/unroll.rs, grouped.rs): in-bounds scans and shifts at
/// both ends of memory, where the shared test fails and each access is
/// checked on its own, compute the right results; scans and shifts that
/// leave memory, up past the end or down through 0, still trap
/// (tests/targets/grouped_checks.wat). At -Oz, which neither unrolls nor
/// groups, every access is checked on its own: the same results.
#[test]
fn cortex_m_grouped_checks_trap_where_wasm_does() {
    let wat = include_str!("grouped_checks.wat");
    for opt in ["-O2", "-Oz"] {
        for mode in 0..=4 {
            let module = wat.replace("MODE", &mode.to_string());
            let test = format!("grouped_checks_{mode}");
            let Some((status, stderr)) = run_cortex_m_module_at(&test, &module, opt, &[]) else {
                return;
            };
            if mode == 0 {
                assert_eq!(status, Some(0), "{opt}: in-bounds accesses near the ends; stderr: {stderr}");
            } else {
                assert_eq!(status, Some(134), "{opt} mode {mode}: expected the trap; stderr: {stderr}");
                assert!(
                    stderr.contains("awsm: trap: out of bounds memory access"),
                    "{opt} mode {mode}: {stderr}"
                );
            }
        }
    }
}

/// The firmware's own instance set-up (command.c) agrees with generated
/// code on type ids and on the memory copies memory.grow refreshes; the
/// module says step by step (tests/targets/indirect_and_grow.wat).
#[test]
fn cortex_m_call_indirect_and_memory_grow() {
    let wat = include_str!("indirect_and_grow.wat");
    let Some((status, stderr)) = run_cortex_m_module("indirect_and_grow", wat, &[]) else { return };
    assert_eq!(status, Some(0), "stderr: {stderr}");
}

/// A memory with a declared maximum is static storage in board firmware
/// (runtime/cortex_m/memory.c, driver.rs `static_memory_bytes`): data
/// segments land, memory.grow reaches the maximum and no further, and
/// accesses past the current end trap, with 64 KiB and with 4 KiB pages
/// and at -O2 and -Oz (tests/targets/static_memory.wat). The firmware
/// holds the array, sized by the maximum.
#[test]
fn cortex_m_static_memory_grows_to_its_maximum_and_traps_past_it() {
    if !arm_firmware_ready("static_memory") {
        return;
    }
    let wat = include_str!("static_memory.wat");
    for page in [65536u32, 4096] {
        for opt in ["-O2", "-Oz"] {
            for mode in 0..=2 {
                let module = wat
                    .replace("PAGE_MINUS_4", &(page - 4).to_string())
                    .replace("THREE_PAGES_MINUS_4", &(3 * page - 4).to_string())
                    .replace("THREE_PAGES_MINUS_2", &(3 * page - 2).to_string())
                    .replace("PAGE", &page.to_string())
                    .replace("MODE", &mode.to_string());
                let test = format!("static_memory_{page}_{mode}");
                let flags = ["--page-size", &page.to_string()];
                let Some((status, stderr)) = run_cortex_m_module_at(&test, &module, opt, &flags) else {
                    return;
                };
                if mode == 0 {
                    assert_eq!(status, Some(0), "{page}-byte pages {opt}: stderr: {stderr}");
                } else {
                    assert_eq!(status, Some(134), "{page}-byte pages {opt} mode {mode}: stderr: {stderr}");
                    assert!(stderr.contains("awsm: trap: out of bounds memory access"), "{stderr}");
                }
                let elf = build_root()
                    .join(&test)
                    .join(format!("module{opt}{}.elf", flags.join("").replace('-', "_")));
                let symbols = sized_symbols(&elf).unwrap_or_else(|e| panic!("{e}"));
                let size = symbols
                    .lines()
                    .find(|l| l.ends_with(" awsm_cm_static_memory"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|s| s.parse::<u32>().ok());
                assert_eq!(size, Some(3 * page), "static memory of {elf:?}:\n{symbols}");
            }
        }
    }
}

/// Active data segments: the initialiser copies one it proves in bounds
/// without a check, using the page size (`--page-size 4096`: one page is
/// 4 KiB, not 64), and leaves one that ends past the memory to the run-time
/// check, which traps as instantiation fails on Linux. Had the proof
/// assumed 64 KiB pages, the second would be copied past the 4 KiB array.
#[test]
fn cortex_m_data_segments_are_checked_against_the_real_page_size() {
    for (test, at, status) in [("data_ends_at_the_end", 4092, 0), ("data_past_the_end", 4094, 134)] {
        let wat = format!(
            "(module (memory 1 1) (data (i32.const {at}) \"abcd\")\n\
             (func (export \"_start\") (if (i32.ne (i32.load (i32.const 4092)) (i32.const 0x64636261))\n\
             (then unreachable))))"
        );
        let Some((got, stderr)) = run_cortex_m_module(test, &wat, &["--page-size", "4096"]) else { return };
        assert_eq!(got, Some(status), "{test}: stderr: {stderr}");
        if status == 134 {
            assert_eq!(stderr.trim_end(), "awsm: trap: out of bounds memory access", "{test}");
        }
    }
}

/// A memory too large for the board: without a maximum it stays on the
/// heap, and one larger than the heap (16 MiB) fails to load with awsm's
/// one-line error and status 1; with a maximum above the static limit
/// (2 MiB) it keeps that path too rather than overflowing RAM at link
/// time.
#[test]
fn cortex_m_oversized_memory_is_a_clear_load_error() {
    for (test, wat) in [
        ("oversized_memory", "(module (memory 300) (func (export \"_start\")))"),
        ("oversized_max_memory", "(module (memory 300 400) (func (export \"_start\")))"),
    ] {
        let Some((status, stderr)) = run_cortex_m_module(test, wat, &[]) else { return };
        assert_eq!(status, Some(1), "stderr: {stderr}");
        assert_eq!(stderr.trim_end(), "awsm: cannot allocate linear memory", "stderr: {stderr}");
    }
}
