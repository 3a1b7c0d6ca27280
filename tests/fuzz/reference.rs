//! The reference: wasmi, an interpreter that builds in seconds and has
//! fuel. (Wasmtime would be a second opinion from a compiler, but its
//! build costs minutes on this machine for every clean test build.)
//!
//! It prints the same lines the C host prints (tests/fuzz/host.c), with
//! trap codes translated to awsm's (`trap_text`), so that comparing two
//! runs is comparing lines.

use super::generate::{Call, Value};
use wasmi::{Config, Engine, Extern, Instance, Linker, Module, Store, TrapCode, Val, ValType};

/// Fuel per call: enough for loops of a few thousand iterations, small
/// enough that a module of endless loops costs milliseconds.
const FUEL: u64 = 200_000;

/// What wasmi did with a script.
pub struct Run {
    /// The instantiation line, then one line per call it finished and
    /// one per fresh instance.
    pub lines: Vec<String>,
    /// The call each line belongs to (None: the first instantiation).
    pub line_call: Vec<Option<usize>>,
    /// The calls the host is to make: after a call that ran out of fuel
    /// or exhausted wasmi's own stack (where the two engines need not
    /// agree), the calls up to the next fresh instance are left out.
    pub kept: Vec<usize>,
}

/// A trap as the host prints it. wasmi has one code for both of awsm's
/// table codes, `undefined element` (6, call_indirect past the end) and
/// `out of bounds table access` (10); both print as `trap table`. None for
/// the codes that end a comparison (fuel, stack) or cannot happen here.
pub fn trap_text(code: TrapCode) -> Option<&'static str> {
    Some(match code {
        TrapCode::UnreachableCodeReached => "trap 1",
        TrapCode::MemoryOutOfBounds => "trap 2",
        TrapCode::IntegerDivisionByZero => "trap 3",
        TrapCode::IntegerOverflow => "trap 4",
        TrapCode::BadConversionToInteger => "trap 5",
        TrapCode::TableOutOfBounds => "trap table",
        TrapCode::IndirectCallToNull => "trap 7",
        TrapCode::BadSignature => "trap 8",
        _ => return None,
    })
}

/// The host's line with awsm's two table codes merged as wasmi has them.
pub fn normalize(host_line: &str) -> String {
    let mut line = host_line.to_string();
    for code in ["trap 6 ", "trap 10 "] {
        if line.starts_with(code) || line.starts_with(&format!("init {code}")) {
            line = line.replacen(code.trim_end(), "trap table", 1);
        }
    }
    line
}

fn bits(v: &Val) -> String {
    match v {
        Val::I32(x) => Value::I32(*x as u32).text(),
        Val::I64(x) => Value::I64(*x as u64).text(),
        Val::F32(x) => Value::F32(x.to_bits()).text(),
        Val::F64(x) => Value::F64(x.to_bits()).text(),
        Val::FuncRef(r) => (if r.is_null() { "n" } else { "r" }).to_string(),
        Val::ExternRef(r) => (if r.is_null() { "n" } else { "r" }).to_string(),
        Val::V128(_) => "v128".to_string(),
    }
}

fn arg(v: &Value) -> Val {
    match *v {
        Value::I32(b) => Val::I32(b as i32),
        Value::I64(b) => Val::I64(b as i64),
        Value::F32(b) => Val::F32(wasmi::F32::from_bits(b)),
        Value::F64(b) => Val::F64(wasmi::F64::from_bits(b)),
        Value::Null { func: true } => Val::default_for_ty(ValType::FuncRef),
        Value::Null { func: false } => Val::default_for_ty(ValType::ExternRef),
    }
}

/// The parameter types of each exported function, by name.
pub fn params(wasm: &[u8]) -> Result<Vec<(String, Vec<ValType>)>, String> {
    let module = Module::new(&Engine::default(), wasm).map_err(|e| e.to_string())?;
    Ok(module
        .exports()
        .filter_map(|e| e.ty().func().map(|f| (e.name().to_string(), f.params().to_vec())))
        .collect())
}

/// Runs `calls` on a fresh instance of `wasm`.
pub fn run(wasm: &[u8], calls: &[Call]) -> Result<Run, String> {
    let mut config = Config::default();
    config.consume_fuel(true);
    let engine = Engine::new(&config);
    let module = Module::new(&engine, wasm).map_err(|e| format!("wasmi rejects the module: {e}"))?;
    // Exports in name order, as host.c prints them.
    let mut exports: Vec<String> = module.exports().map(|e| e.name().to_string()).collect();
    exports.sort();
    let linker = Linker::<()>::new(&engine);
    let mut store = Store::new(&engine, ());
    store.set_fuel(FUEL).map_err(|e| e.to_string())?;
    let mut instance = match linker.instantiate_and_start(&mut store, &module) {
        Ok(instance) => instance,
        Err(e) => {
            // A segment out of bounds; the host prints awsm's code, which
            // the comparison does not look at (Fuzzer::check).
            let code = e.as_trap_code().and_then(trap_text).unwrap_or("trap ?");
            return Ok(Run {
                lines: vec![format!("init {code} ;")],
                line_call: vec![None],
                kept: Vec::new(),
            });
        }
    };
    let state = |store: &Store<()>, instance: &Instance| {
        let mut text = String::from(" ;");
        for name in &exports {
            match instance.get_export(store, name) {
                Some(Extern::Global(g)) => text += &format!(" g {}", bits(&g.get(store))),
                Some(Extern::Memory(m)) => {
                    let data = m.data(store);
                    text += &format!(" m {} {:016x}", data.len(), fnv1a(data));
                }
                _ => {}
            }
        }
        text
    };
    let mut run = Run {
        lines: vec![format!("init ok{}", state(&store, &instance))],
        line_call: vec![None],
        kept: Vec::new(),
    };
    let mut skipping = false;
    for (index, call) in calls.iter().enumerate() {
        if call.fresh {
            store = Store::new(&engine, ());
            store.set_fuel(FUEL).map_err(|e| e.to_string())?;
            instance = linker
                .instantiate_and_start(&mut store, &module)
                .map_err(|e| format!("instantiating again: {e}"))?;
            run.lines.push(format!("init ok{}", state(&store, &instance)));
            run.line_call.push(Some(index));
            skipping = false;
        }
        if skipping {
            continue;
        }
        let Some(func) = instance.get_export(&store, &call.export).and_then(Extern::into_func) else {
            return Err(format!("no exported function {:?}", call.export));
        };
        let ty = func.ty(&store);
        let args: Vec<Val> = call.args.iter().map(arg).collect();
        let mut results: Vec<Val> = ty.results().iter().map(|t| Val::default_for_ty(*t)).collect();
        store.set_fuel(FUEL).map_err(|e| e.to_string())?;
        let head = match func.call(&mut store, &args, &mut results) {
            Ok(()) => results.iter().fold(String::from("ok"), |line, v| line + " " + &bits(v)),
            Err(e) => match e.as_trap_code().and_then(trap_text) {
                Some(code) => code.to_string(),
                None => {
                    skipping = true;
                    if call.fresh {
                        // The host is not asked to instantiate either.
                        run.lines.pop();
                        run.line_call.pop();
                    }
                    continue;
                }
            },
        };
        run.kept.push(index);
        run.lines.push(head + &state(&store, &instance));
        run.line_call.push(Some(index));
    }
    Ok(run)
}

/// FNV-1a 64, as host.c hashes memory.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3))
}
