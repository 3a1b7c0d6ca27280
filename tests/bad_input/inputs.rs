//! Inputs for the bad-input tests (tests/bad_input.rs) and the long run
//! (examples/fuzz_input.rs): modules from wasm-smith restricted to what
//! awsm compiles, mutants of them (byte flips, inserts, deletes,
//! truncations at section boundaries, corrupted section lengths and
//! LEB128s, spliced sections, random bytes), and wasm-smith modules using
//! one proposal awsm does not support. Everything derives from a seed, so
//! a failure is reproduced by its seed and kept as bytes.

use arbitrary::Unstructured;
use wasm_smith::Config;

#[path = "../common/rng.rs"]
mod rng;
pub use rng::Rng;

/// wasm-smith's configuration for what awsm compiles: WebAssembly 2.0
/// without SIMD, one memory, several tables.
fn supported_config() -> Config {
    Config {
        simd_enabled: false,
        relaxed_simd_enabled: false,
        threads_enabled: false,
        exceptions_enabled: false,
        gc_enabled: false,
        tail_call_enabled: false,
        memory64_enabled: false,
        wide_arithmetic_enabled: false,
        extended_const_enabled: false,
        compact_imports_enabled: false,
        custom_page_sizes_enabled: false,
        max_memories: 1,
        max_tables: 3,
        max_memory32_bytes: 1 << 24,
        ..Config::default()
    }
}

fn smith(config: Config, rng: &mut Rng) -> Vec<u8> {
    loop {
        let n = 64 + rng.below(4096);
        let data = rng.bytes(n);
        if let Ok(m) = wasm_smith::Module::new(config.clone(), &mut Unstructured::new(&data)) {
            return m.to_bytes();
        }
    }
}

/// A module awsm supports: what mutants start from.
pub fn seed(rng: &mut Rng) -> Vec<u8> {
    smith(supported_config(), rng)
}

/// The proposals wasm-smith can generate that awsm rejects: the
/// configuration switch, and the names awsm may give (a GC module's first
/// use of a proposal may be a typed function reference).
pub const UNSUPPORTED: &[(&str, &[&str])] = &[
    ("relaxed-simd", &["relaxed-simd"]),
    ("threads", &["threads"]),
    ("exceptions", &["exceptions"]),
    ("tail calls", &["tail calls"]),
    ("gc", &["gc", "function references"]),
    ("memory64", &["memory64"]),
    ("multi-memory", &["multi-memory"]),
    ("extended constant expressions", &["extended constant expressions"]),
    ("wide arithmetic", &["wide arithmetic"]),
    ("custom page sizes", &["custom page sizes"]),
];

/// A module using the proposal `UNSUPPORTED[which]`, which awsm's
/// validator rejects (wasm-smith may not use a feature it may use; those
/// modules are generated again).
pub fn unsupported(which: usize, rng: &mut Rng) -> Vec<u8> {
    let mut c = supported_config();
    match UNSUPPORTED[which].0 {
        "simd" => c.simd_enabled = true,
        "relaxed-simd" => (c.simd_enabled, c.relaxed_simd_enabled) = (true, true),
        "threads" => c.threads_enabled = true,
        "exceptions" => c.exceptions_enabled = true,
        "tail calls" => c.tail_call_enabled = true,
        "gc" => c.gc_enabled = true,
        "memory64" => c.memory64_enabled = true,
        "multi-memory" => (c.max_memories, c.min_memories) = (3, 2),
        "extended constant expressions" => c.extended_const_enabled = true,
        "wide arithmetic" => c.wide_arithmetic_enabled = true,
        "custom page sizes" => (c.custom_page_sizes_enabled, c.min_memories) = (true, 1),
        other => unreachable!("no configuration for {other}"),
    }
    loop {
        let wasm = smith(c.clone(), rng);
        if !is_valid(&wasm) {
            return wasm;
        }
    }
}

/// Whether awsm's validator (WebAssembly 2.0 minus SIMD) accepts `wasm`.
pub fn is_valid(wasm: &[u8]) -> bool {
    wasmparser::Validator::new_with_features(awsm::module::features()).validate_all(wasm).is_ok()
}

/// The sections of a module as (start of the id byte, start of the
/// payload, end), as far as they parse; the 8-byte header is not one.
pub fn sections(wasm: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut pos = 8;
    while pos < wasm.len() {
        let Some((size, len)) = read_leb(&wasm[pos + 1..]) else { break };
        let payload = pos + 1 + len;
        let end = payload.saturating_add(size as usize);
        if end > wasm.len() {
            break;
        }
        out.push((pos, payload, end));
        pos = end;
    }
    out
}

/// An unsigned LEB128 at the start of `bytes`: its value and length.
fn read_leb(bytes: &[u8]) -> Option<(u64, usize)> {
    let mut value = 0u64;
    for (i, b) in bytes.iter().take(10).enumerate() {
        value |= u64::from(b & 0x7f) << (7 * i);
        if b & 0x80 == 0 {
            return Some((value, i + 1));
        }
    }
    None
}

/// `value` as an unsigned LEB128 of at least `min_len` bytes (longer
/// encodings are valid up to 5 bytes for a u32, and malformed past it).
fn leb(mut value: u64, min_len: usize) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let byte = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 && out.len() + 1 >= min_len {
            out.push(byte);
            return out;
        }
        out.push(byte | 0x80);
    }
}

/// Bytes the decoder gives meaning to: block, loop, if, end, br_table,
/// call_indirect, the 0xfc and 0xfd prefixes, extreme LEB bytes.
const INTERESTING: &[u8] =
    &[0x00, 0x01, 0x02, 0x03, 0x04, 0x0b, 0x0e, 0x11, 0x40, 0x7f, 0x80, 0xfc, 0xfd, 0xff];

/// One mutation of `wasm` (which it changes), and its name.
pub fn mutate_once(rng: &mut Rng, wasm: &mut Vec<u8>) -> &'static str {
    let secs = sections(wasm);
    let at = |rng: &mut Rng, len: usize| if len == 0 { 0 } else { rng.below(len) };
    match rng.below(10) {
        0 if !wasm.is_empty() => {
            let i = at(rng, wasm.len());
            wasm[i] ^= 1 << rng.below(8);
            "bit flip"
        }
        1 if !wasm.is_empty() => {
            let i = at(rng, wasm.len());
            wasm[i] = INTERESTING[rng.below(INTERESTING.len())];
            "interesting byte"
        }
        2 => {
            let i = at(rng, wasm.len() + 1);
            let n = 1 + rng.below(8);
            let bytes = rng.bytes(n);
            wasm.splice(i..i, bytes);
            "insert"
        }
        3 if !wasm.is_empty() => {
            let i = at(rng, wasm.len());
            let n = (1 + rng.below(16)).min(wasm.len() - i);
            wasm.drain(i..i + n);
            "delete"
        }
        4 if !secs.is_empty() => {
            // At a section's start, inside its header, or at its payload.
            let (id, payload, _) = secs[rng.below(secs.len())];
            wasm.truncate([id, id + 1, payload][rng.below(3)]);
            "truncate at section"
        }
        5 => {
            let n = at(rng, wasm.len());
            wasm.truncate(n);
            "truncate"
        }
        6 if !secs.is_empty() => {
            let (id, payload, end) = secs[rng.below(secs.len())];
            let size = (end - payload) as u64;
            let new = match rng.below(4) {
                0 => size + 1 + rng.below(4) as u64,
                1 => size.saturating_sub(1 + rng.below(4) as u64),
                2 => u64::from(u32::MAX) - rng.below(4) as u64,
                _ => rng.next() & 0xffff,
            };
            wasm.splice(id + 1..payload, leb(new, 1));
            "section length"
        }
        7 if !secs.is_empty() => {
            // The first LEB of a payload is its count in most sections.
            let (_, payload, end) = secs[rng.below(secs.len())];
            let Some((value, len)) = read_leb(&wasm[payload..end]) else { return "leb (none)" };
            let new = match rng.below(4) {
                0 => leb(value, 5 + rng.below(3)), // overlong, up to malformed
                1 => leb(u64::from(u32::MAX), 5),
                2 => leb(value + 1 + rng.below(1000) as u64, 1),
                _ => vec![0x80 | value as u8], // unterminated
            };
            wasm.splice(payload..payload + len, new);
            "leb"
        }
        8 if !secs.is_empty() => {
            let (from, _, to) = secs[rng.below(secs.len())];
            let chunk = wasm[from..to].to_vec();
            let (into, _, _) = secs[rng.below(secs.len())];
            wasm.splice(into..into, chunk);
            "duplicate section"
        }
        9 if !secs.is_empty() => {
            let (id, _, end) = secs[rng.below(secs.len())];
            wasm.drain(id..end);
            "drop section"
        }
        _ => {
            let n = rng.below(256);
            let mut bytes = if rng.below(2) == 0 { b"\0asm\x01\0\0\0".to_vec() } else { Vec::new() };
            bytes.extend(rng.bytes(n));
            *wasm = bytes;
            "random bytes"
        }
    }
}

/// A mutant of a fresh module: one to three mutations, named.
pub fn mutant(rng: &mut Rng) -> (Vec<u8>, String) {
    let mut wasm = seed(rng);
    let n = 1 + rng.below(3);
    let names: Vec<&str> = (0..n).map(|_| mutate_once(rng, &mut wasm)).collect();
    (wasm, names.join(" + "))
}

/// Where inputs that once failed are kept, one file each, named by a hash
/// of their bytes; tests/bad_input.rs replays them all.
pub fn cases_dir() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad_input/cases")
}
