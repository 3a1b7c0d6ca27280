//! The ABI is declared twice, in the runtime's C (runtime/include/awsm.h
//! and the files behind it) and in src/abi/; these tests keep the two from
//! drifting, on every target awsm knows.
//!
//! - Numbers and layouts: the instance, memory, funcref and table layout
//!   (`Layout::checks`), every field of the module descriptor and the
//!   structures it points to (`abi::descriptor`), the trap codes, the
//!   strategy ids and the ABI version become `_Static_assert` lines,
//!   compiled with clang-19 for each target (syntax only, freestanding, so
//!   no cross sysroot is needed) against awsm.h.
//! - Symbols: every runtime function of `abi::symbols` and data symbol of
//!   `abi::constants` is looked up in the runtime bitcode embedded in awsm
//!   for each target (build.rs's output, the very code awsm links), and
//!   its LLVM type compared with the one the compiler declares. C itself
//!   checks each definition against its prototype in the headers.
//! - One source: no string literal outside src/abi/ names a runtime
//!   symbol (`awsm_...`), but for the listed ones not switched yet.
//!
//! Each check is shown to be able to fail (`*_is_caught` tests). Skipped,
//! with the reason printed, only when clang-19 cannot be run
//! (`AWSM_TEST_CLANG` picks another clang); `AWSM_REQUIRE_TOOLS=1` turns
//! the skip into a failure.

use awsm::abi::constants::{self, DataSymbol, DataTy, Side};
use awsm::abi::descriptor::{self, ABI_VERSION};
use awsm::abi::layout::Layout;
use awsm::abi::strategy::Strategy;
use awsm::abi::symbols::{self, DefinedBy, RuntimeFn, Ty};
use awsm::abi::traps::{self, TrapCode};
use awsm::target::{Os, TARGETS, TargetInfo};
use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::Module;
use std::path::Path;
use std::process::Command;

/// The runtime bitcode awsm embeds, as build.rs wrote it.
#[allow(dead_code)] // EXE_MAINS
mod runtime_index {
    include!(concat!(env!("OUT_DIR"), "/runtime_index.rs"));
}

fn clang() -> String {
    std::env::var("AWSM_TEST_CLANG").unwrap_or_else(|_| "clang-19".to_string())
}

/// Every `(C expression, value)` the header must satisfy on a target with
/// `layout`.
fn checks(layout: &Layout) -> Vec<(String, u64)> {
    let mut all: Vec<(String, u64)> =
        layout.checks().into_iter().map(|(e, v)| (e.to_string(), u64::from(v))).collect();
    for s in descriptor::ALL {
        all.extend(s.checks(layout).into_iter().map(|(e, v)| (e, u64::from(v))));
    }
    all.extend(TrapCode::ALL.iter().map(|(code, name)| (name.to_string(), *code as u64)));
    all.extend(traps::RUNTIME_CODES.iter().map(|(code, name)| (name.to_string(), u64::from(*code))));
    all.extend(Strategy::ALL.iter().map(|s| (s.c_name().to_string(), u64::from(s.id()))));
    all.push(("AWSM_STRATEGY_COUNT".into(), Strategy::ALL.len() as u64));
    all.push(("AWSM_ABI_VERSION".into(), u64::from(ABI_VERSION)));
    all
}

/// A C file asserting every `(expr, value)` pair against awsm.h.
fn assertions(checks: &[(String, u64)]) -> String {
    let mut c = String::from("#include <stddef.h>\n#include \"awsm.h\"\n\n");
    for (expr, value) in checks {
        c.push_str(&format!("_Static_assert({expr} == {value}, \"{expr} == {value}\");\n"));
    }
    c
}

/// Compile `source` for `triple`; Err carries clang's diagnostics.
fn compile(triple: &str, source: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let file = dir.path().join("layout_check.c");
    std::fs::write(&file, source).map_err(|e| e.to_string())?;
    let include = Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/include");
    let out = Command::new(clang())
        .arg(format!("--target={triple}"))
        .args(["-std=c11", "-ffreestanding", "-fsyntax-only", "-Wall", "-Werror"])
        .arg("-I")
        .arg(&include)
        .arg(&file)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", clang()))?;
    if out.status.success() { Ok(()) } else { Err(String::from_utf8_lossy(&out.stderr).into_owned()) }
}

fn clang_available() -> bool {
    let ok = Command::new(clang()).arg("--version").output().is_ok();
    if !ok {
        let why = format!("`{}` cannot be run (install clang-19 or set AWSM_TEST_CLANG)", clang());
        assert!(std::env::var("AWSM_REQUIRE_TOOLS").as_deref() != Ok("1"), "{why}");
        eprintln!("skipping the layout test: {why}");
    }
    ok
}

#[test]
fn layout_and_numbers_match_awsm_h_on_every_target() {
    if !clang_available() {
        return;
    }
    let mut failures = Vec::new();
    for target in TARGETS {
        let layout = target.layout();
        if let Err(diagnostics) = compile(target.triple, &assertions(&checks(&layout))) {
            failures.push(format!("{} ({layout:?}):\n{diagnostics}", target.triple));
        }
    }
    assert!(failures.is_empty(), "src/abi/ disagrees with awsm.h:\n{}", failures.join("\n"));
}

/// The static checks must be able to fail: the i686 layout is wrong for
/// ARM (uint64_t alignment differs), and each kind of number, off by one,
/// is caught.
#[test]
fn a_wrong_layout_or_number_is_caught() {
    if !clang_available() {
        return;
    }
    let i686 = Layout::new(4, 4);
    let err = compile("thumbv7em-none-eabihf", &assertions(&checks(&i686)))
        .expect_err("the i686 layout must not pass on thumbv7em");
    assert!(err.contains("offsetof(awsm_memory, size) == 4"), "{err}");
    let host = Layout::new(8, 8);
    let all = checks(&host);
    for wrong in
        ["sizeof(awsm_funcref)", "offsetof(awsm_module, init)", "AWSM_TRAP_EXIT", "AWSM_STRATEGY_MASK"]
            .into_iter()
            .chain(["AWSM_ABI_VERSION", "sizeof(awsm_import_desc)"])
    {
        let mutated: Vec<_> =
            all.iter().map(|(e, v)| (e.clone(), if e == wrong { v + 1 } else { *v })).collect();
        assert!(all.iter().any(|(e, _)| e == wrong), "no check of {wrong}");
        let err = compile("x86_64-unknown-linux-gnu", &assertions(&mutated))
            .expect_err("an off-by-one value must not pass");
        assert!(err.contains(wrong), "{err}");
    }
}

/// The printed LLVM type the compiler declares `f` with.
fn declared_type(f: &RuntimeFn) -> String {
    let params: Vec<_> = f.params.iter().map(|t| t.llvm_name()).collect();
    format!("{} ({})", f.ret.llvm_name(), params.join(", "))
}

/// Whether `target`'s runtime must define `f`.
fn runtime_defines(target: &TargetInfo, f: &RuntimeFn) -> bool {
    let addr_of = Strategy::ALL.into_iter().find(|s| s.addr_fn() == f.name);
    if let Some(strategy) = addr_of {
        return f.defined_by != DefinedBy::Translator && target.strategies.contains(&strategy);
    }
    match f.defined_by {
        DefinedBy::Runtime => true,
        // The segment strategy's entry and exit exist where it does.
        DefinedBy::LinuxRuntime
            if [symbols::SEGMENT_ENTER.name, symbols::SEGMENT_LEAVE.name].contains(&f.name) =>
        {
            target.strategies.contains(&Strategy::Segment)
        }
        DefinedBy::LinuxRuntime => target.os == Os::Linux,
        DefinedBy::CortexMRuntime => target.os == Os::CortexM,
        DefinedBy::Translator => false,
    }
}

/// What is wrong with `fns` and `data` in one target's runtime bitcode.
fn symbol_problems(
    target: &TargetInfo,
    runtime: &Module,
    fns: &[RuntimeFn],
    data: &[DataSymbol],
) -> Vec<String> {
    let mut problems = Vec::new();
    for f in fns {
        let found = runtime.get_function(f.name);
        let defined = found.is_some_and(|g| g.count_basic_blocks() > 0);
        if f.defined_by == DefinedBy::Translator && defined {
            problems.push(format!("{} is the translator's, but the runtime defines it", f.name));
        } else if runtime_defines(target, f) && !defined {
            problems.push(format!("{} is not defined", f.name));
        }
        if let Some(g) = found.filter(|_| f.defined_by != DefinedBy::Translator) {
            let actual = g.get_type().print_to_string().to_string();
            if actual != declared_type(f) {
                problems.push(format!("{}: runtime has {actual}, src/abi says {}", f.name, declared_type(f)));
            }
        }
    }
    for d in data {
        let reads = match d.side {
            Side::Linux => target.os == Os::Linux,
            Side::CortexM | Side::CortexMRuntimeData => target.os == Os::CortexM,
        };
        let Some(g) = runtime.get_global(d.name).filter(|_| reads) else {
            if reads {
                problems.push(format!("{} is not in the runtime", d.name));
            }
            continue;
        };
        let ty = g.get_value_type().print_to_string().to_string();
        let ok = match d.ty {
            DataTy::U32 => ty == "i32",
            DataTy::Bytes => ty.starts_with('[') && ty.ends_with(" x i8]"),
        };
        if !ok {
            problems.push(format!("{}: runtime has {ty}, src/abi says {:?}", d.name, d.ty));
        }
    }
    problems
}

/// Each target's runtime bitcode, parsed; a target whose runtime was not
/// built is skipped with build.rs's reason.
fn for_each_runtime(mut check: impl FnMut(&TargetInfo, &Module)) {
    for target in TARGETS {
        let Some((_, bitcode)) = runtime_index::RUNTIMES.iter().find(|(t, _)| *t == target.triple) else {
            let why = runtime_index::MISSING_RUNTIMES.iter().find(|(t, _)| *t == target.triple);
            let why = format!("no runtime for {}: {:?}", target.triple, why.map(|(_, w)| w));
            assert!(std::env::var("AWSM_REQUIRE_TOOLS").as_deref() != Ok("1"), "{why}");
            eprintln!("skipping {why}");
            continue;
        };
        let cx = Context::create();
        let buf = MemoryBuffer::create_from_memory_range(bitcode, target.triple);
        let module = Module::parse_bitcode_from_buffer(&buf, &cx).expect("embedded runtime bitcode parses");
        check(target, &module);
    }
}

#[test]
fn runtime_symbols_match_src_abi_on_every_target() {
    let mut failures = Vec::new();
    for_each_runtime(|target, runtime| {
        for p in symbol_problems(target, runtime, &symbols::all(), &constants::ALL) {
            failures.push(format!("{}: {p}", target.triple));
        }
    });
    assert!(failures.is_empty(), "src/abi/ disagrees with the runtime:\n{}", failures.join("\n"));
}

/// The symbol check must be able to fail: a parameter of the wrong type, a
/// name the runtime lacks, a data symbol of the wrong type.
#[test]
fn a_wrong_symbol_is_caught() {
    let mut checked = 0;
    for_each_runtime(|target, runtime| {
        let wrong_param = RuntimeFn { params: &[Ty::Ptr, Ty::I64], ..symbols::MEMORY_GROW };
        let missing = RuntimeFn { name: "awsm_rt_memory_shrink", ..symbols::MEMORY_GROW };
        let wrong_ret = RuntimeFn { ret: Ty::I32, ..symbols::MEM_LIMIT_EXPLICIT };
        let problems = symbol_problems(target, runtime, &[wrong_param, missing, wrong_ret], &[]);
        assert_eq!(problems.len(), 3, "{}: {problems:?}", target.triple);
        let read = if target.os == Os::Linux { constants::MASK_BITS } else { constants::CM_PAGE_SHIFT };
        let wrong_data = DataSymbol { ty: DataTy::Bytes, ..read };
        assert_eq!(symbol_problems(target, runtime, &[], &[wrong_data]).len(), 1, "{}", target.triple);
        checked += 1;
    });
    assert!(checked > 0 || std::env::var("AWSM_REQUIRE_TOOLS").as_deref() != Ok("1"));
}

/// The `.rs` files under `dir`, recursively.
fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src/").flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// src/abi/ is the one place that names runtime symbols: a string literal
/// starting with `awsm_` anywhere else in src/ is a second declaration.
#[test]
fn runtime_symbols_are_named_only_in_src_abi() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut strays = Vec::new();
    for file in files.iter().filter(|f| !f.starts_with(src.join("abi"))) {
        let text = std::fs::read_to_string(file).expect("read a source file");
        for (n, line) in text.lines().enumerate() {
            for (at, _) in line.match_indices("\"awsm_") {
                let name: String = line[at + 1..].chars().take_while(|c| *c != '"').collect();
                strays.push(format!("{}:{}: {name}", file.display(), n + 1));
            }
        }
    }
    assert!(strays.is_empty(), "runtime symbols named outside src/abi/:\n{}", strays.join("\n"));
}
