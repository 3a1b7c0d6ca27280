//! Minimising a mismatch, by the driver rather than wasm-shrink (whose
//! mutator pulls in an e-graph library and minutes of build time): keep
//! only the calls up to the failing one and drop each earlier call, drop
//! the exports nothing calls, replace each function's body with
//! `unreachable`, then cut each remaining body short (the shortest prefix
//! that still mismatches, found by bisection), keeping every step after
//! which the mismatch persists with the same class. What remains is
//! written as a .wat regression.

use super::generate::Call;
use super::native::Setup;
use super::{Class, Fuzzer, Outcome};
use wasm_encoder::{CodeSection, ExportKind, ExportSection, RawSection};
use wasmparser::{ExternalKind, Parser, Payload};

/// A module as the shrinker edits it: its sections, with the exports and
/// function bodies taken apart.
struct Parts {
    /// (id, bytes) of each section, the export and code sections as
    /// placeholders rebuilt from the fields below.
    sections: Vec<(u8, Vec<u8>)>,
    exports: Vec<(String, ExternalKind, u32)>,
    bodies: Vec<Vec<u8>>,
}

const EXPORT_SECTION: u8 = 7;
const CODE_SECTION: u8 = 10;
/// A body with no locals that is `unreachable`: valid for every type.
const STUB: [u8; 3] = [0x00, 0x00, 0x0b];

impl Parts {
    fn parse(wasm: &[u8]) -> Result<Parts, String> {
        let mut parts = Parts { sections: Vec::new(), exports: Vec::new(), bodies: Vec::new() };
        for payload in Parser::new(0).parse_all(wasm) {
            let payload = payload.map_err(|e| e.to_string())?;
            match &payload {
                Payload::ExportSection(reader) => {
                    for export in reader.clone() {
                        let export = export.map_err(|e| e.to_string())?;
                        parts.exports.push((export.name.to_string(), export.kind, export.index));
                    }
                }
                Payload::CodeSectionEntry(body) => {
                    let range = body.range();
                    parts.bodies.push(wasm[range.start as usize..range.end as usize].to_vec());
                    continue;
                }
                _ => {}
            }
            if let Some((id, range)) = payload.as_section() {
                parts.sections.push((id, wasm[range.start as usize..range.end as usize].to_vec()));
            }
        }
        Ok(parts)
    }

    fn encode(&self) -> Vec<u8> {
        let mut module = wasm_encoder::Module::new();
        for (id, data) in &self.sections {
            match *id {
                EXPORT_SECTION => {
                    let mut exports = ExportSection::new();
                    for (name, kind, index) in &self.exports {
                        let kind = match kind {
                            ExternalKind::Func | ExternalKind::FuncExact => ExportKind::Func,
                            ExternalKind::Table => ExportKind::Table,
                            ExternalKind::Memory => ExportKind::Memory,
                            ExternalKind::Global => ExportKind::Global,
                            ExternalKind::Tag => ExportKind::Tag,
                        };
                        exports.export(name, kind, *index);
                    }
                    module.section(&exports);
                }
                CODE_SECTION => {
                    let mut code = CodeSection::new();
                    for body in &self.bodies {
                        code.raw(body);
                    }
                    module.section(&code);
                }
                _ => {
                    module.section(&RawSection { id: *id, data });
                }
            }
        }
        module.finish()
    }
}

/// The smallest module and script found that still mismatches with
/// `class` under `setup`.
pub fn shrink(
    fuzzer: &Fuzzer,
    setup: Setup,
    wasm: &[u8],
    calls: &[Call],
    failing: Option<usize>,
    class: Class,
) -> (Vec<u8>, Vec<Call>) {
    let still = |wasm: &[u8], calls: &[Call]| matches!(fuzzer.check(setup, wasm, calls), Ok(Outcome::Mismatch(m)) if m.class == class);
    let mut calls: Vec<Call> = calls[..failing.map_or(0, |c| c + 1)].to_vec();
    let mut i = 0;
    while i + 1 < calls.len() {
        let mut fewer = calls.clone();
        fewer.remove(i);
        if still(wasm, &fewer) {
            calls = fewer;
        } else {
            i += 1;
        }
    }
    let Ok(mut parts) = Parts::parse(wasm) else { return (wasm.to_vec(), calls) };
    let mut best = wasm.to_vec();
    let mut try_edit = |parts: &mut Parts, edit: &dyn Fn(&mut Parts)| {
        let mut edited = Parts {
            sections: parts.sections.clone(),
            exports: parts.exports.clone(),
            bodies: parts.bodies.clone(),
        };
        edit(&mut edited);
        let bytes = edited.encode();
        let keep = wasmparser::validate(&bytes).is_ok() && still(&bytes, &calls);
        if keep {
            *parts = edited;
            best = bytes;
        }
        keep
    };
    let called: Vec<String> = calls.iter().map(|c| c.export.clone()).collect();
    try_edit(&mut parts, &|p| {
        p.exports.retain(|(name, kind, _)| *kind != ExternalKind::Func || called.contains(name))
    });
    for e in (0..parts.exports.len()).rev() {
        try_edit(&mut parts, &|p| {
            p.exports.remove(e);
        });
    }
    for f in 0..parts.bodies.len() {
        if parts.bodies[f] != STUB {
            try_edit(&mut parts, &|p| p.bodies[f] = STUB.to_vec());
        }
    }
    // Every cut below keeps the body before it, so after a kept cut the
    // earlier cut points are still where they were.
    for f in 0..parts.bodies.len() {
        let cuts = cuts(&parts.bodies[f]);
        let (mut lo, mut hi) = (0, cuts.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            if try_edit(&mut parts, &|p| p.bodies[f] = cut(&p.bodies[f], &cuts[mid])) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
    }
    (best, calls)
}

/// A place to cut a body short: the offset of an operator, and what
/// must follow instead of it to stay valid: `unreachable` (the stack is
/// then anything), and for each block open there, innermost first, its
/// `end` (an `if` still without `else` gets `else unreachable` first, as
/// its missing else would have to return its parameters), each after a
/// fresh `unreachable`.
fn cuts(body: &[u8]) -> Vec<(usize, Vec<u8>)> {
    const UNREACHABLE: u8 = 0x00;
    const ELSE: u8 = 0x05;
    const END: u8 = 0x0b;
    let body = wasmparser::FunctionBody::new(wasmparser::BinaryReader::new(body, 0));
    let Ok(mut ops) = body.get_operators_reader() else { return Vec::new() };
    // One entry per open block: whether it is an `if` without `else` yet.
    let mut open: Vec<bool> = Vec::new();
    let mut cuts = Vec::new();
    while !ops.eof() {
        let Ok((op, offset)) = ops.read_with_offset() else { return Vec::new() };
        let mut tail = Vec::new();
        for &bare_if in open.iter().rev() {
            tail.push(UNREACHABLE);
            if bare_if {
                tail.extend([ELSE, UNREACHABLE]);
            }
            tail.push(END);
        }
        tail.extend([UNREACHABLE, END]);
        cuts.push((offset as usize, tail));
        match op {
            wasmparser::Operator::Block { .. } | wasmparser::Operator::Loop { .. } => open.push(false),
            wasmparser::Operator::If { .. } => open.push(true),
            wasmparser::Operator::Else => {
                if let Some(top) = open.last_mut() {
                    *top = false;
                }
            }
            wasmparser::Operator::End => {
                open.pop();
            }
            _ => {}
        }
    }
    cuts
}

/// `body` up to the cut, then the cut's tail.
fn cut(body: &[u8], (offset, tail): &(usize, Vec<u8>)) -> Vec<u8> {
    let mut cut = body[..*offset].to_vec();
    cut.extend(tail);
    cut
}
