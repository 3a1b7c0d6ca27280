//! Extreme valid modules (issue 18), each scaled by `n`: many functions,
//! deeply nested blocks, one huge function, many locals, a br_table with
//! many targets. Each exports `run: (i32) -> i32`, and everything it
//! builds is reachable from there, so -O2 cannot delete the bulk of it.
//! doc/limits.md records what the full sizes cost to compile.

use wasm_encoder::{
    BlockType, CodeSection, ConstExpr, ElementSection, Elements, EntityType, ExportKind, ExportSection,
    Function, FunctionSection, ImportSection, Module, RefType, TableSection, TableType, TypeSection, ValType,
};

/// A module generator, given its scale.
type Make = fn(u32) -> Vec<u8>;

/// The modules, by name, with their size at full scale (the issue's).
pub const EXTREME: &[(&str, u32, Make)] = &[
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

/// The blocks `br_table` branches out of.
const DEPTH: u32 = 8;

/// Entry `i` of [`br_table`]'s table: a depth, spread over all of them.
fn depth_of(i: u32) -> u32 {
    (i * 7 + i / 3) % DEPTH
}

/// A br_table of `n` targets over [`DEPTH`] blocks, after each of which
/// `run` adds the block's level: `run(x)` is `x + 36 - t * (t + 1) / 2`
/// for the entry's depth `t` (the default is the outermost block).
pub fn br_table(n: u32) -> Vec<u8> {
    module(vec![br_table_run(n)], None)
}

fn br_table_run(n: u32) -> Function {
    let mut f = Function::new([]);
    let mut ins = f.instructions();
    for _ in 0..DEPTH {
        ins.block(BlockType::Empty);
    }
    ins.local_get(0).br_table((0..n).map(depth_of), DEPTH - 1);
    for d in 0..DEPTH {
        ins.end().local_get(0).i32_const(d as i32 + 1).i32_add().local_set(0);
    }
    ins.local_get(0).end();
    f
}

/// A WASI command checking [`br_table`]'s `run` against its formula for
/// every index up to `n + 16` and for `u32::MAX`: it exits with status 0
/// if all agree, 1 at the first that does not.
pub fn br_table_command(n: u32) -> Vec<u8> {
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], [ValType::I32]);
    types.ty().function([ValType::I32], []);
    types.ty().function([], []);
    let mut imports = ImportSection::new();
    imports.import("wasi_snapshot_preview1", "proc_exit", EntityType::Function(1));
    let mut funcs = FunctionSection::new();
    funcs.function(0).function(2);
    let mut exports = ExportSection::new();
    exports.export("_start", ExportKind::Func, 2);
    let (i, t) = (0, 1);
    let mut start = Function::new([(2, ValType::I32)]);
    let mut ins = start.instructions();
    ins.loop_(BlockType::Empty);
    // t = i < n ? depth_of(i) : DEPTH - 1
    ins.local_get(i).i32_const(7).i32_mul().local_get(i).i32_const(3).i32_div_u().i32_add();
    ins.i32_const(DEPTH as i32).i32_rem_u().i32_const(DEPTH as i32 - 1);
    ins.local_get(i).i32_const(n as i32).i32_lt_u().select().local_set(t);
    // run(i) != i + 36 - t * (t + 1) / 2: exit 1
    ins.local_get(i).call(1).local_get(i).i32_const(36).i32_add();
    ins.local_get(t).local_get(t).i32_const(1).i32_add().i32_mul().i32_const(1).i32_shr_u().i32_sub();
    ins.i32_ne().if_(BlockType::Empty).i32_const(1).call(0).end();
    ins.local_get(i).i32_const(1).i32_add().local_tee(i).i32_const(n as i32 + 16).i32_lt_u().br_if(0);
    ins.end();
    // run(u32::MAX) takes the default: u32::MAX + 8 wraps to 7.
    ins.i32_const(-1).call(1).i32_const(7).i32_ne().if_(BlockType::Empty).i32_const(1).call(0).end();
    ins.end();
    let mut code = CodeSection::new();
    code.function(&br_table_run(n)).function(&start);
    let mut m = Module::new();
    m.section(&types).section(&imports).section(&funcs).section(&exports).section(&code);
    m.finish()
}
