//! The pipeline as one call: read → validate → translate → link with the
//! runtime bitcode → internalize → optimise → emit.

use crate::abi::layout::Layout;
use crate::abi::strategy::Strategy;
use crate::error::{Error, ErrorKind, Result};
use crate::module::ModuleInfo;
use crate::target::link::{self, Emit};
use crate::target::{self, TargetInfo};
use crate::translate::{ModuleCtx, TranslateOptions};
use inkwell::attributes::AttributeLoc;
use inkwell::context::Context;
use inkwell::memory_buffer::MemoryBuffer;
use inkwell::module::{Linkage, Module};
use std::path::PathBuf;

mod runtime_index {
    include!(concat!(env!("OUT_DIR"), "/runtime_index.rs"));
}

/// Everything the CLI can ask for.
#[derive(Clone, Debug)]
pub struct Options {
    /// Input path; `-` reads stdin.
    pub input: PathBuf,
    pub output: PathBuf,
    /// Output kind; None infers it from the output extension.
    pub emit: Option<Emit>,
    pub target: Option<String>,
    pub opt_level: u8,
    /// None picks the target's default.
    pub strategy: Option<String>,
    /// Prefix of exported C symbols; None derives it from the input stem.
    pub name: Option<String>,
    pub inline_constant_globals: bool,
    pub fast_unsafe: bool,
    pub runtime_globals: bool,
}

/// Read the input: a wasm binary, or wasm text (converted with `wat`).
pub fn read_input(path: &PathBuf) -> Result<Vec<u8>> {
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read stdin: {e}")))?;
        buf
    } else {
        std::fs::read(path)
            .map_err(|e| Error::new(ErrorKind::Io, format!("cannot read {}: {e}", path.display())))?
    };
    let is_wasm_name = path.extension().is_some_and(|e| e == "wasm");
    if bytes.starts_with(b"\0asm") || (is_wasm_name && !bytes.starts_with(b"(")) {
        return Ok(bytes); // the validator reports a bad magic number with its offset
    }
    wat::parse_bytes(&bytes).map(|b| b.into_owned()).map_err(|e| {
        // wat's message spans several lines (source excerpt); keep the gist.
        let text = e.to_string();
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let msg = lines.next().unwrap_or("syntax error");
        let loc = lines.next().and_then(|l| l.strip_prefix("--> ")).unwrap_or("");
        Error::new(ErrorKind::Invalid, format!("invalid wasm text: {msg} ({loc})"))
    })
}

/// Compile according to `opts`.
pub fn compile(opts: &Options) -> Result<()> {
    let wasm = read_input(&opts.input)?;
    compile_bytes(&wasm, opts)
}

/// Compile a wasm binary according to `opts` (input path ignored).
pub fn compile_bytes(wasm: &[u8], opts: &Options) -> Result<()> {
    let target = TargetInfo::find(opts.target.as_deref())?;
    let strategy = match &opts.strategy {
        None => Strategy::default_for(target.pointer_bytes),
        Some(s) => Strategy::from_name(s).ok_or_else(|| {
            let known: Vec<_> = Strategy::ALL.iter().map(|s| s.name()).collect();
            Error::new(
                ErrorKind::Usage,
                format!("unknown bounds-check strategy '{s}' (known: {})", known.join(", ")),
            )
        })?,
    };
    if strategy.needs_64bit() && target.pointer_bytes != 8 {
        return Err(Error::new(
            ErrorKind::Usage,
            format!("strategy {strategy} needs a 64-bit target; {} supports: explicit", target.triple),
        ));
    }
    let emit = opts.emit.unwrap_or_else(|| Emit::from_path(&opts.output));
    let prefix = match &opts.name {
        Some(n) if crate::abi::names::is_c_identifier(n) => n.clone(),
        Some(n) => return Err(Error::new(ErrorKind::Usage, format!("--name '{n}' is not a C identifier"))),
        None => {
            let stem = opts.input.file_stem().and_then(|s| s.to_str()).unwrap_or("module");
            crate::abi::names::prefix_from_stem(if stem == "-" { "module" } else { stem })
        }
    };
    let info = ModuleInfo::parse(wasm)?;
    if emit == Emit::Exe {
        check_executable_imports(&info)?;
    }

    let cx = Context::create();
    let tm = target.machine(opts.opt_level)?;
    let runtime = load_bitcode(&cx, runtime_index::RUNTIMES, target.triple, "runtime")?;
    let topts = TranslateOptions {
        strategy,
        prefix: prefix.clone(),
        inline_constant_globals: opts.inline_constant_globals,
        fast_unsafe: opts.fast_unsafe,
        runtime_globals: opts.runtime_globals,
        entry_module: emit == Emit::Exe,
    };
    let guest =
        ModuleCtx::new(&cx, &info, topts, Layout::new(target.pointer_bytes), &runtime)?.translate()?;
    target::configure(&guest, &tm);
    target::configure(&runtime, &tm);
    strip_target_attributes(&runtime);
    guest.link_in_module(runtime).map_err(|e| Error::backend(format!("linking the runtime: {e}")))?;
    if emit == Emit::Exe {
        let main = load_bitcode(&cx, runtime_index::EXE_MAINS, target.triple, "executable entry")?;
        target::configure(&main, &tm);
        strip_target_attributes(&main);
        guest.link_in_module(main).map_err(|e| Error::backend(format!("linking main: {e}")))?;
    }
    set_linkage(&guest, emit, &prefix);
    target::optimize(&guest, &tm, opts.opt_level)?;
    let linker = vec!["clang-19".to_string()];
    link::write(&guest, &tm, emit, &opts.output, &linker)
}

/// An executable has no host to supply imports: every function import
/// must be WASI the runtime implements, and nothing else may be imported.
fn check_executable_imports(info: &ModuleInfo) -> Result<()> {
    for imp in &info.imports {
        let is_wasi_fn =
            imp.module == crate::abi::symbols::WASI_MODULE && matches!(imp.ty, wasmparser::TypeRef::Func(_));
        if !is_wasi_fn {
            return Err(Error::new(
                ErrorKind::Unsupported,
                format!(
                    "import {}.{} cannot be satisfied in an executable (only WASI functions can); emit an object (-o x.o) and provide it from a host",
                    imp.module, imp.name
                ),
            ));
        }
    }
    Ok(())
}

fn load_bitcode<'ctx>(
    cx: &'ctx Context,
    table: &[(&str, &[u8])],
    triple: &str,
    what: &str,
) -> Result<Module<'ctx>> {
    let bytes = table
        .iter()
        .find(|(t, _)| *t == triple)
        .map(|(_, b)| *b)
        .ok_or_else(|| Error::new(ErrorKind::Usage, format!("no {what} built for target {triple}")))?;
    let buf = MemoryBuffer::create_from_memory_range_copy(bytes, what);
    Module::parse_bitcode_from_buffer(&buf, cx)
        .map_err(|e| Error::backend(format!("loading {what} bitcode: {e}")))
}

/// The runtime is compiled by clang for a generic CPU; drop its per-
/// function CPU attributes so it inlines into guest code freely.
fn strip_target_attributes(m: &Module) {
    for f in m.get_functions() {
        for attr in ["target-cpu", "target-features", "tune-cpu"] {
            f.remove_string_attribute(AttributeLoc::Function, attr);
        }
    }
}

/// Executables: everything but `main` is internal, so LTO sees all of it.
/// Objects and shared objects: the descriptor and export wrappers stay
/// visible; runtime definitions become weak_odr so several compiled
/// modules can be linked into one host, sharing one runtime.
fn set_linkage(m: &Module, emit: Emit, prefix: &str) {
    let exported = |name: &str| name.starts_with(&format!("{prefix}_"));
    for f in m.get_functions() {
        if f.count_basic_blocks() == 0 {
            continue; // a declaration
        }
        let name = f.get_name().to_string_lossy().into_owned();
        let linkage = f.get_linkage();
        if linkage == Linkage::Internal || linkage == Linkage::Private {
            continue;
        }
        if emit == Emit::Exe {
            if name != "main" {
                f.set_linkage(Linkage::Internal);
            }
        } else if !exported(&name) {
            f.set_linkage(Linkage::WeakODR);
        }
    }
    for g in m.get_globals() {
        if g.is_declaration() {
            continue;
        }
        let name = g.get_name().to_string_lossy().into_owned();
        let linkage = g.get_linkage();
        if linkage == Linkage::Internal || linkage == Linkage::Private || name.starts_with("llvm.") {
            continue;
        }
        if emit == Emit::Exe {
            g.set_linkage(Linkage::Internal);
        } else if !exported(&name) {
            g.set_linkage(Linkage::WeakODR);
        }
    }
}
