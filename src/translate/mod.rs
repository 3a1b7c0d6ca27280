//! Translation of a validated module to one LLVM IR module ("the guest").
//!
//! `ModuleCtx` holds what every function translation shares: the LLVM
//! types of wasm signatures, the declared functions, the runtime symbols
//! (declared only through `abi::symbols`) and alias metadata. Per-function
//! work lives in `func.rs`, its operator loop in `ops.rs` (following the
//! loop planners of `loop_plans.rs`), dispatched by `dispatch.rs` to one
//! file per instruction family; module-level artefacts (initialiser,
//! trampolines, descriptor) live in `instance.rs` and `descriptor.rs`.
//! Translation only emits IR: the rewrites of that IR are src/passes/,
//! which this module never imports.

mod call;
mod control;
mod conversion;
pub mod counted_guard;
mod descriptor;
mod dispatch;
mod frozen;
mod func;
mod instance;
mod loop_plans;
mod memory;
mod numeric;
mod ops;
mod segment;
mod simd;
mod simd_dispatch;
mod simd_float;
mod simd_int;
mod simd_memory;
mod table;
mod variable;

use crate::abi::layout::Layout;
use crate::abi::strategy::Strategy;
use crate::abi::symbols::{self, RuntimeFn, Ty};
use crate::error::{Error, Result};
use crate::module::ModuleInfo;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::context::Context;
use inkwell::module::{Linkage, Module};
use inkwell::types::{BasicMetadataTypeEnum, BasicType, BasicTypeEnum, FunctionType};
use inkwell::values::{FunctionValue, MetadataValue};
use std::collections::HashSet;
use wasmparser::{FuncType, TypeRef, ValType};

/// Options that change the code the translator emits.
#[derive(Clone, Debug)]
pub struct TranslateOptions {
    pub strategy: Strategy,
    /// Prefix of exported C symbols.
    pub prefix: String,
    /// Replace reads of immutable, non-imported globals by their constant.
    pub inline_constant_globals: bool,
    /// Skip the range checks of trapping float-to-int truncations
    /// (out-of-range inputs give an unspecified value instead of a trap).
    pub fast_unsafe: bool,
    /// Access globals through out-of-line runtime calls.
    pub runtime_globals: bool,
    /// Emit `awsm_entry_module` for the executable's `main`.
    pub entry_module: bool,
    /// Put the module's code in the `awsm_guest_text` section and record
    /// its range in the descriptor, for the fault handler (hosted targets).
    pub guest_section: bool,
    /// Translate counted loops twice (loop_plans.rs).
    pub version_loops: bool,
    /// Translate small loops that exit on data with their body twice
    /// (loop_plans.rs), so passes/grouped.rs can share their checks.
    pub unroll_data_loops: bool,
    /// Emit the descriptor's per-type trampolines (generic calls through
    /// awsm_invoke) and host thunks (imports bound to host callbacks).
    /// Firmware has neither: awsm binds its WASI imports itself and its
    /// board runs `_start` directly. Without them a module with a table,
    /// whose type list firmware keeps for call_indirect's signatures, no
    /// longer drags in every thunk and `awsm_rt_call_host`.
    pub generic_calls: bool,
    /// log2 of the wasm page size where the initialiser may rely on it to
    /// prove active data segments in bounds (Cortex-M, `--page-size`);
    /// None keeps every segment's run-time check.
    pub page_shift: Option<u32>,
}

/// How an imported function is reached.
#[derive(Clone, Copy)]
pub enum Callee<'ctx> {
    /// A defined function, or an import bound statically to the runtime.
    Direct(FunctionValue<'ctx>),
    /// An import resolved at instantiation, through `ctx->funcs[i]`.
    Import,
}

/// Alias-analysis tags: linear memory, global cells and runtime state
/// never alias each other, so a guest store does not force reloads.
pub struct Tbaa<'ctx> {
    pub kind: u32,
    pub memory: MetadataValue<'ctx>,
    pub global: MetadataValue<'ctx>,
    pub vmctx: MetadataValue<'ctx>,
    pub table: MetadataValue<'ctx>,
}

/// State shared by the translation of all functions of one module.
pub struct ModuleCtx<'ctx, 'a> {
    pub cx: &'ctx Context,
    pub module: Module<'ctx>,
    pub info: &'a ModuleInfo<'a>,
    pub opts: TranslateOptions,
    pub layout: Layout,
    /// LLVM type of each wasm type index (`ctx` first).
    pub sig_types: Vec<FunctionType<'ctx>>,
    /// How each function index is called.
    pub callees: Vec<Callee<'ctx>>,
    pub tbaa: Tbaa<'ctx>,
    pub invariant_kind: u32,
    pub prof_kind: u32,
    /// Runtime symbols an export wrapper's name could clash with (those
    /// starting with `<prefix>_`; none unless the prefix is "awsm").
    pub runtime_symbols: HashSet<String>,
    /// What is known about each table's contents (see `frozen.rs`).
    pub table_kinds: Vec<frozen::TableKind>,
    /// Whether anything reads `ctx->funcs` at run time: generated code
    /// (`ref.func`, calls to imports bound at instantiation) or the
    /// runtime's table.init, which stores `&ctx->funcs[f]`. Set while
    /// translating (`note_funcs_read`); see `Translated::reads_funcs`.
    reads_funcs: std::cell::Cell<bool>,
    /// Whether generated code reads the segment-dropped flags (memory.init
    /// and table.init test them); if not, the initialiser need not set
    /// the flags of the active segments it applies.
    reads_dropped: std::cell::Cell<bool>,
}

/// A translated module and what the runtime linked with it may skip.
pub struct Translated<'ctx> {
    pub module: Module<'ctx>,
    /// False when nothing reads `ctx->funcs`, so an instance need not
    /// fill it (Cortex-M's command.c, through `awsm_cm_funcrefs`).
    pub reads_funcs: bool,
    /// Function imports not bound to a runtime function at compile time.
    pub unbound_imports: u32,
}

impl<'ctx, 'a> ModuleCtx<'ctx, 'a> {
    /// Declare everything; `runtime` is the runtime bitcode module, used
    /// to find the WASI functions an import can bind to.
    pub fn new(
        cx: &'ctx Context,
        info: &'a ModuleInfo<'a>,
        opts: TranslateOptions,
        layout: Layout,
        runtime: &Module<'ctx>,
    ) -> Result<ModuleCtx<'ctx, 'a>> {
        let module = cx.create_module("guest");
        let tbaa = make_tbaa(cx);
        let mut m = ModuleCtx {
            cx,
            module,
            info,
            opts,
            layout,
            sig_types: Vec::new(),
            callees: Vec::new(),
            tbaa,
            invariant_kind: cx.get_kind_id("invariant.load"),
            prof_kind: cx.get_kind_id("prof"),
            runtime_symbols: HashSet::new(),
            table_kinds: frozen::table_kinds(info)?,
            reads_funcs: std::cell::Cell::new(false),
            reads_dropped: std::cell::Cell::new(false),
        };
        let clash = format!("{}_", m.opts.prefix);
        let names = runtime
            .get_functions()
            .map(|f| f.get_name().to_string_lossy().into_owned())
            .chain(runtime.get_globals().map(|g| g.get_name().to_string_lossy().into_owned()));
        m.runtime_symbols = names.filter(|n| n.starts_with(&clash)).collect();
        m.sig_types = info.types.iter().map(|t| m.fn_type(t)).collect();
        m.declare_functions(runtime)?;
        Ok(m)
    }

    /// LLVM type of a wasm value type.
    pub fn val_type(&self, t: ValType) -> BasicTypeEnum<'ctx> {
        match t {
            ValType::I32 => self.cx.i32_type().into(),
            ValType::I64 => self.cx.i64_type().into(),
            ValType::F32 => self.cx.f32_type().into(),
            ValType::F64 => self.cx.f64_type().into(),
            ValType::V128 => self.v128_type().into(),
            ValType::Ref(_) => self.ptr_type().into(),
        }
    }

    /// How a v128 travels between instructions, through locals, globals
    /// and calls: `<4 x i32>`; each SIMD instruction bitcasts it to its
    /// own lane shape (simd.rs).
    pub fn v128_type(&self) -> inkwell::types::VectorType<'ctx> {
        self.cx.i32_type().vec_type(4)
    }

    /// An integer type of 8, 16, 32 or 64 bits.
    pub fn int_type(&self, bits: u32) -> inkwell::types::IntType<'ctx> {
        match bits {
            8 => self.cx.i8_type(),
            16 => self.cx.i16_type(),
            32 => self.cx.i32_type(),
            _ => self.cx.i64_type(),
        }
    }

    /// The (only) pointer type.
    pub fn ptr_type(&self) -> inkwell::types::PointerType<'ctx> {
        self.cx.ptr_type(inkwell::AddressSpace::default())
    }

    /// Integer type of the target's pointer width.
    pub fn intptr_type(&self) -> inkwell::types::IntType<'ctx> {
        self.int_type(self.layout.ptr * 8)
    }

    /// LLVM return type for a list of wasm results: void, the value, or a
    /// struct of them (multi-value).
    pub fn results_type(&self, results: &[ValType]) -> Option<BasicTypeEnum<'ctx>> {
        match results {
            [] => None,
            [t] => Some(self.val_type(*t)),
            ts => {
                let fields: Vec<_> = ts.iter().map(|t| self.val_type(*t)).collect();
                Some(self.cx.struct_type(&fields, false).into())
            }
        }
    }

    /// LLVM function type of a wasm signature: `ret fn(ptr ctx, params...)`.
    pub fn fn_type(&self, ty: &FuncType) -> FunctionType<'ctx> {
        let mut params: Vec<BasicMetadataTypeEnum> = vec![self.ptr_type().into()];
        params.extend(ty.params().iter().map(|t| BasicMetadataTypeEnum::from(self.val_type(*t))));
        match self.results_type(ty.results()) {
            None => self.cx.void_type().fn_type(&params, false),
            Some(r) => r.fn_type(&params, false),
        }
    }

    fn declare_functions(&mut self, runtime: &Module<'ctx>) -> Result<()> {
        let info = self.info;
        for f in 0..info.func_types.len() as u32 {
            let ty = self.sig_types[info.func_types[f as usize] as usize];
            let callee = if f < info.num_imported_funcs {
                self.bind_import(f, ty, runtime)?
            } else {
                let func = self.module.add_function(&format!("wasm_f{f}"), ty, Some(Linkage::Internal));
                let nounwind =
                    self.cx.create_enum_attribute(Attribute::get_named_enum_kind_id("nounwind"), 0);
                func.add_attribute(AttributeLoc::Function, nounwind);
                Callee::Direct(func)
            };
            self.callees.push(callee);
        }
        Ok(())
    }

    /// Bind a WASI import to the runtime's implementation when the runtime
    /// has one of exactly the import's type; otherwise resolve it at
    /// instantiation. Imports of one function under one name share one
    /// declaration (AssemblyScript imports `fd_write` twice). A name that
    /// is not a preview1 function is an error, as Wasmtime's "unknown
    /// import" is.
    fn bind_import(&self, f: u32, ty: FunctionType<'ctx>, runtime: &Module<'ctx>) -> Result<Callee<'ctx>> {
        let imp = self.info.func_import(f).ok_or_else(|| Error::backend("import not found"))?;
        if imp.module != symbols::WASI_MODULE {
            return Ok(Callee::Import);
        }
        let error = |what: &str| {
            Err(Error::new(
                crate::error::ErrorKind::Invalid,
                format!("import {}.{} {what}", imp.module, imp.name),
            ))
        };
        if !symbols::WASI_PREVIEW1_FUNCS.contains(&imp.name) {
            return error("is unknown: not a WASI preview1 function");
        }
        let name = format!("{}{}", symbols::WASI_PREFIX, imp.name);
        let declared = self.module.get_function(&name);
        match runtime.get_function(&name) {
            Some(rt) if rt.get_type() == ty => {
                Ok(Callee::Direct(declared.unwrap_or_else(|| self.module.add_function(&name, ty, None))))
            }
            Some(_) => error("has the wrong type for WASI"),
            None => Ok(Callee::Import),
        }
    }

    /// The LLVM type of an `abi::symbols` type (None for void).
    pub fn runtime_type(&self, t: Ty) -> Option<BasicTypeEnum<'ctx>> {
        match t {
            Ty::Void => None,
            Ty::Bool => Some(self.cx.bool_type().into()),
            Ty::Ptr => Some(self.ptr_type().into()),
            Ty::I32 => Some(self.cx.i32_type().into()),
            Ty::I64 => Some(self.cx.i64_type().into()),
            Ty::F32 => Some(self.cx.f32_type().into()),
            Ty::F64 => Some(self.cx.f64_type().into()),
        }
    }

    /// The LLVM parameter types of an `abi::symbols` parameter list.
    pub fn runtime_params(&self, params: &[Ty]) -> Vec<BasicMetadataTypeEnum<'ctx>> {
        params.iter().filter_map(|t| self.runtime_type(*t)).map(Into::into).collect()
    }

    /// Declare (once) a runtime function from the `abi::symbols` table.
    pub fn runtime_fn(&self, rf: &RuntimeFn) -> FunctionValue<'ctx> {
        if let Some(f) = self.module.get_function(rf.name) {
            return f;
        }
        let params = self.runtime_params(rf.params);
        let ty = match self.runtime_type(rf.ret) {
            None => self.cx.void_type().fn_type(&params, false),
            Some(ret) => ret.fn_type(&params, false),
        };
        let f = self.module.add_function(rf.name, ty, None);
        if rf.name == symbols::TRAP.name {
            for attr in ["noreturn", "cold", "nounwind"] {
                let a = self.cx.create_enum_attribute(Attribute::get_named_enum_kind_id(attr), 0);
                f.add_attribute(AttributeLoc::Function, a);
            }
        }
        f
    }

    /// The strategy's address function: `ptr (ctx, base, mem_size, idx,
    /// offset, size)`, the access being at wasm address `idx + offset`.
    pub fn addr_fn(&self) -> FunctionValue<'ctx> {
        self.runtime_fn(&symbols::addr_fn(self.opts.strategy))
    }

    /// Whether function `f` is an import resolved only at instantiation.
    pub fn is_dynamic_import(&self, f: u32) -> bool {
        matches!(self.callees[f as usize], Callee::Import)
    }

    /// Record that code being emitted reads `ctx->funcs`.
    pub fn note_funcs_read(&self) {
        self.reads_funcs.set(true);
    }

    /// Record that code being emitted reads a segment-dropped flag.
    pub fn note_dropped_read(&self) {
        self.reads_dropped.set(true);
    }

    /// Whether some code emitted so far reads a segment-dropped flag
    /// (function bodies are translated before the initialiser).
    pub fn reads_dropped(&self) -> bool {
        self.reads_dropped.get()
    }

    /// Translate every function body, then emit the module-level parts.
    pub fn translate(self) -> Result<Translated<'ctx>> {
        let info = self.info;
        for (i, body) in info.bodies.iter().enumerate() {
            let f = info.num_imported_funcs + i as u32;
            func::translate_function(&self, f, &body.body)?;
        }
        let parts = self.emit_instance_parts()?;
        self.emit_descriptor(&parts)?;
        // Everything defined so far is the translator's.
        for f in self.module.get_functions().filter(|f| f.count_basic_blocks() > 0) {
            self.mark_guest_code(f);
        }
        if let Err(e) = self.module.verify() {
            return Err(Error::backend(format!("generated IR does not verify: {e}")));
        }
        let unbound_imports = self.callees.iter().filter(|c| matches!(c, Callee::Import)).count() as u32;
        Ok(Translated { reads_funcs: self.reads_funcs.get(), unbound_imports, module: self.module })
    }

    /// Code LTO inlines into `f` lands in the guest-code section, where
    /// the fault handler accepts faults as traps. When out-of-bounds
    /// accesses trap by faulting, `f` may not call the C library's
    /// memset/memcpy/memmove: LLVM would turn a loop of guest stores into
    /// such a call, whose fault is not in guest code (so a crash instead
    /// of a trap), and which cannot address memory through `%gs` at all.
    fn mark_guest_code(&self, f: FunctionValue<'ctx>) {
        if !self.opts.guest_section {
            return; // Cortex-M: no fault handler
        }
        f.as_global_value().set_section(Some(symbols::GUEST_CODE_SECTION));
        if self.opts.strategy.traps_by_fault() {
            for name in ["no-builtin-memset", "no-builtin-memcpy", "no-builtin-memmove"] {
                f.add_attribute(AttributeLoc::Function, self.cx.create_string_attribute(name, ""));
            }
        }
    }

    /// Imports of functions, for the descriptor's import list.
    pub fn import_type_index(&self, ty: &TypeRef) -> u32 {
        match ty {
            TypeRef::Func(t) => *t,
            TypeRef::Global(g) => crate::module::type_code(g.content_type),
            TypeRef::Table(t) => crate::module::ref_code(t.element_type),
            _ => 0,
        }
    }
}

fn make_tbaa(cx: &Context) -> Tbaa<'_> {
    let root = cx.metadata_node(&[cx.metadata_string("awsm TBAA").into()]);
    let i64t = cx.i64_type();
    let scalar = |name: &str| {
        let node =
            cx.metadata_node(&[cx.metadata_string(name).into(), root.into(), i64t.const_zero().into()]);
        cx.metadata_node(&[node.into(), node.into(), i64t.const_zero().into()])
    };
    Tbaa {
        kind: cx.get_kind_id("tbaa"),
        memory: scalar("wasm linear memory"),
        global: scalar("wasm global"),
        vmctx: scalar("awsm vmctx"),
        table: scalar("awsm table"),
    }
}
