//! Extreme valid modules (issue 18), each scaled by `n`: many functions,
//! deeply nested blocks, one huge function, many locals, a br_table with
//! many targets. Each exports `run: (i32) -> i32`, and everything it
//! builds is reachable from there, so -O2 cannot delete the bulk of it.
//! doc/limits.md records what the full sizes cost to compile.

use wasm_encoder::{
    BlockType, CodeSection, ConstExpr, ElementSection, Elements, ExportKind, ExportSection, Function,
    FunctionSection, Module, RefType, TableSection, TableType, TypeSection, ValType,
};

/// The modules, by name, with their size at full scale (the issue's).
pub const EXTREME: &[(&str, u32, fn(u32) -> Vec<u8>)] = &[
    ("functions", 100_000, functions),
    ("nested-blocks", 10_000, nested_blocks),
    ("function-bytes", 1 << 20, big_function),
    ("locals", 50_000, locals),
    ("br-table-targets", 100_000, br_table),
];

/// A module whose defined functions all have type 0, `(i32) -> i32`, the
/// first exported as `run`, with `table`'s table and elements if any.
fn module(bodies: Vec<Function>, table: Option<(TableSection, ElementSection)>) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], [ValType::I32]);
    let mut funcs = FunctionSection::new();
    let mut code = CodeSection::new();
    for body in &bodies {
        funcs.function(0);
        code.function(body);
    }
    let mut exports = ExportSection::new();
    exports.export("run", ExportKind::Func, 0);
    let mut m = Module::new();
    m.section(&types).section(&funcs);
    if let Some((tables, _)) = &table {
        m.section(tables);
    }
    m.section(&exports);
    if let Some((_, elems)) = &table {
        m.section(elems);
    }
    m.section(&code);
    m.finish()
}

/// `n` functions, all in one table; `run` calls the one its argument
/// picks, so every function stays.
pub fn functions(n: u32) -> Vec<u8> {
    let mut bodies = Vec::new();
    let mut run = Function::new([]);
    run.instructions().local_get(0).local_get(0).call_indirect(0, 0).end();
    bodies.push(run);
    for i in 1..n {
        let mut f = Function::new([]);
        f.instructions().local_get(0).i32_const(i as i32).i32_mul().end();
        bodies.push(f);
    }
    let mut tables = TableSection::new();
    tables.table(TableType {
        element_type: RefType::FUNCREF,
        table64: false,
        minimum: u64::from(n),
        maximum: Some(u64::from(n)),
        shared: false,
    });
    let mut elems = ElementSection::new();
    let all: Vec<u32> = (0..n).collect();
    elems.active(None, &ConstExpr::i32_const(0), Elements::Functions(all.into()));
    module(bodies, Some((tables, elems)))
}

/// `n` blocks nested in one function; the innermost leaves them all when
/// its argument is nonzero, each level adds one on the way out otherwise.
pub fn nested_blocks(n: u32) -> Vec<u8> {
    let mut f = Function::new([]);
    let mut ins = f.instructions();
    for _ in 0..n {
        ins.block(BlockType::Empty);
    }
    ins.local_get(0).br_if(n - 1);
    for _ in 0..n {
        ins.local_get(0).i32_const(1).i32_add().local_set(0).end();
    }
    ins.local_get(0).end();
    module(vec![f], None)
}

/// One function body of about `bytes` bytes: a straight line of
/// arithmetic on its argument (10 bytes a step).
pub fn big_function(bytes: u32) -> Vec<u8> {
    let mut f = Function::new([]);
    let mut ins = f.instructions();
    for i in 0..bytes / 10 {
        ins.local_get(0).i32_const((i % 50) as i32 + 1).i32_mul().i32_const(7).i32_xor().local_set(0);
    }
    ins.local_get(0).end();
    module(vec![f], None)
}

/// A function with `n` i32 locals (its parameter included), each set
/// from the one before and all summed.
pub fn locals(n: u32) -> Vec<u8> {
    let mut f = Function::new([(n - 1, ValType::I32)]);
    let mut ins = f.instructions();
    for i in 1..n {
        ins.local_get(i - 1).i32_const(1).i32_add().local_set(i);
    }
    ins.i32_const(0);
    for i in 0..n {
        ins.local_get(i).i32_add();
    }
    ins.end();
    module(vec![f], None)
}

/// A br_table of `n` targets over 8 blocks, each block adding its depth.
pub fn br_table(n: u32) -> Vec<u8> {
    const DEPTH: u32 = 8;
    let mut f = Function::new([]);
    let mut ins = f.instructions();
    for _ in 0..DEPTH {
        ins.block(BlockType::Empty);
    }
    let targets: Vec<u32> = (0..n).map(|i| (i * 7 + i / 3) % DEPTH).collect();
    ins.local_get(0).br_table(targets, DEPTH - 1);
    for d in 0..DEPTH {
        ins.end().local_get(0).i32_const(d as i32 + 1).i32_add().local_set(0);
    }
    ins.local_get(0).end();
    module(vec![f], None)
}
