//! The module descriptor `<prefix>_module` (struct awsm_module in awsm.h):
//! a constant the runtime instantiates from. Struct types here follow the
//! C declarations field by field; LLVM lays them out with the target's
//! C alignment rules, so they match on every pointer width.

use super::ModuleCtx;
use super::instance::InstanceParts;
use crate::abi::{names, symbols};
use crate::error::Result;
use crate::module::{Elem, Init, ModuleInfo, ref_code, signature, type_code};
use inkwell::module::Linkage;
use inkwell::types::{BasicTypeEnum, StructType};
use inkwell::values::{BasicValueEnum, PointerValue, StructValue};
use std::collections::HashSet;
use wasmparser::{ExternalKind, TypeRef};

/// ABI version, mirrors AWSM_ABI_VERSION.
const ABI_VERSION: u64 = 4;

impl<'ctx, 'a> ModuleCtx<'ctx, 'a> {
    fn cstr(&self, s: &str) -> PointerValue<'ctx> {
        let init = self.cx.const_string(s.as_bytes(), true);
        let g = self.module.add_global(init.get_type(), None, "str");
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.set_unnamed_addr(true);
        g.as_pointer_value()
    }

    fn u32v(&self, v: u64) -> BasicValueEnum<'ctx> {
        self.cx.i32_type().const_int(v, false).into()
    }

    fn st(&self, fields: &[BasicTypeEnum<'ctx>]) -> StructType<'ctx> {
        self.cx.struct_type(fields, false)
    }

    /// A private constant array, returned as a pointer (null when empty).
    fn const_array(
        &self,
        name: &str,
        ty: StructType<'ctx>,
        vals: &[StructValue<'ctx>],
    ) -> PointerValue<'ctx> {
        if vals.is_empty() {
            return self.ptr_type().const_null();
        }
        let init = ty.const_array(vals);
        let g = self.module.add_global(init.get_type(), None, name);
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.as_pointer_value()
    }

    fn limits(&self, min: u64, max: Option<u64>) -> StructValue<'ctx> {
        self.cx.const_struct(
            &[self.u32v(min), self.u32v(max.unwrap_or(0)), self.u32v(max.is_some() as u64)],
            false,
        )
    }

    pub fn emit_descriptor(&self, parts: &InstanceParts<'ctx>) -> Result<()> {
        let info = self.info;
        let i32t: BasicTypeEnum = self.cx.i32_type().into();
        let p: BasicTypeEnum = self.ptr_type().into();
        let limits_t = self.st(&[i32t, i32t, i32t]);

        let type_t = self.st(&[p, p, p]);
        let types: Vec<_> = info
            .types
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let call = parts.calls.get(i).copied();
                let thunk = parts.thunks.get(i).copied();
                let fp = |f: Option<inkwell::values::FunctionValue<'ctx>>| -> BasicValueEnum<'ctx> {
                    match f {
                        Some(f) => f.as_global_value().as_pointer_value().into(),
                        None => self.ptr_type().const_null().into(),
                    }
                };
                self.cx.const_struct(&[self.cstr(&signature(t)).into(), fp(call), fp(thunk)], false)
            })
            .collect();
        let types_p = self.const_array("wasm_types", type_t, &types);

        let func_types: Vec<_> =
            info.func_types.iter().map(|t| self.cx.i32_type().const_int(*t as u64, false)).collect();
        let func_types_p = self.global_array("wasm_func_types", self.cx.i32_type().const_array(&func_types));
        // Segment: the code pointer is the entry thunk that switches %gs.
        let entries = self.emit_segment_entries()?;
        let referenced = referenced_funcs(info);
        let ptrs: Vec<_> = (0..info.func_types.len() as u32)
            .map(|f| {
                referenced.contains(&f).then(|| entries[f as usize].or_else(|| self.func_ptr(f))).flatten()
            })
            .map(|f| match f {
                Some(func) => func.as_global_value().as_pointer_value(),
                None => self.ptr_type().const_null(),
            })
            .collect();
        let func_ptrs_p = self.global_array("wasm_func_ptrs", self.ptr_type().const_array(&ptrs));

        let import_t = self.st(&[p, p, i32t, i32t, i32t, i32t, limits_t.into()]);
        let imports: Vec<_> = info
            .imports
            .iter()
            .map(|imp| {
                let (kind, mutable, limits) = match imp.ty {
                    TypeRef::Func(_) => (0, 0, self.limits(0, None)),
                    TypeRef::Table(t) => (1, 0, self.limits(t.initial, t.maximum)),
                    TypeRef::Memory(m) => (2, 0, self.limits(m.initial, m.maximum)),
                    TypeRef::Global(g) => (3, g.mutable as u64, self.limits(0, None)),
                    _ => (0, 0, self.limits(0, None)),
                };
                self.cx.const_struct(
                    &[
                        self.cstr(imp.module).into(),
                        self.cstr(imp.name).into(),
                        self.u32v(kind),
                        self.u32v(imp.index as u64),
                        self.u32v(self.import_type_index(&imp.ty) as u64),
                        self.u32v(mutable),
                        limits.into(),
                    ],
                    false,
                )
            })
            .collect();
        let imports_p = self.const_array("wasm_imports", import_t, &imports);

        let export_t = self.st(&[p, i32t, i32t, i32t]);
        let exports: Vec<_> = info
            .exports
            .iter()
            .map(|(name, kind, index)| {
                let k = match kind {
                    ExternalKind::Table => 1,
                    ExternalKind::Memory => 2,
                    ExternalKind::Global => 3,
                    _ => 0,
                };
                let fields = [
                    self.cstr(name).into(),
                    self.u32v(k),
                    self.u32v(*index as u64),
                    self.u32v(name.len() as u64),
                ];
                self.cx.const_struct(&fields, false)
            })
            .collect();
        let exports_p = self.const_array("wasm_exports", export_t, &exports);

        let global_t = self.st(&[i32t, i32t]);
        let globals: Vec<_> = info
            .globals
            .iter()
            .map(|g| {
                self.cx.const_struct(
                    &[self.u32v(type_code(g.content_type) as u64), self.u32v(g.mutable as u64)],
                    false,
                )
            })
            .collect();
        let globals_p = self.const_array("wasm_globals", global_t, &globals);

        let table_t = self.st(&[i32t, limits_t.into()]);
        let tables: Vec<_> = info
            .tables
            .iter()
            .map(|t| {
                self.cx.const_struct(
                    &[self.u32v(ref_code(t.element_type) as u64), self.limits(t.initial, t.maximum).into()],
                    false,
                )
            })
            .collect();
        let tables_p = self.const_array("wasm_tables", table_t, &tables);

        let mem_limits = match info.memory {
            Some(m) => self.limits(m.initial, m.maximum),
            None => self.limits(0, None),
        };
        let init = parts.init.as_global_value().as_pointer_value();
        let n = |x: usize| self.u32v(x as u64);
        let fields: Vec<BasicValueEnum> = vec![
            self.u32v(ABI_VERSION),
            self.cstr(&self.opts.prefix).into(),
            n(info.types.len()),
            types_p.into(),
            n(info.func_types.len()),
            self.u32v(info.num_imported_funcs as u64),
            func_types_p.into(),
            func_ptrs_p.into(),
            n(info.imports.len()),
            imports_p.into(),
            n(info.exports.len()),
            exports_p.into(),
            n(info.globals.len()),
            self.u32v(info.num_imported_globals as u64),
            globals_p.into(),
            n(info.tables.len()),
            self.u32v(info.num_imported_tables as u64),
            tables_p.into(),
            self.u32v(info.memory.is_some() as u64),
            self.u32v(info.memory_imported as u64),
            mem_limits.into(),
            n(info.data.len()),
            n(info.elems.len()),
            init.into(),
            self.cx
                .i32_type()
                .const_int(info.start.map(|s| s as u64).unwrap_or(u32::MAX as u64), true)
                .into(),
            self.u32v(self.opts.strategy.id() as u64),
            self.code_bound("__start_")?.into(),
            self.code_bound("__stop_")?.into(),
        ];
        let desc = self.cx.const_struct(&fields, false);
        let sym = names::module_symbol(&self.opts.prefix);
        let g = self.module.add_global(desc.get_type(), None, &sym);
        g.set_initializer(&desc);
        g.set_constant(true);
        if self.opts.entry_module {
            let alias_ty = desc.get_type();
            let e = self.module.add_global(alias_ty, None, symbols::ENTRY_MODULE);
            e.set_initializer(&desc);
            e.set_constant(true);
            let start = info
                .exports
                .iter()
                .find(|(name, kind, _)| *name == "_start" && *kind == ExternalKind::Func)
                .map_or(self.ptr_type().const_null(), |(_, _, f)| ptrs[*f as usize]);
            let s = self.module.add_global(self.ptr_type(), None, symbols::ENTRY_START);
            s.set_initializer(&start);
            s.set_constant(true);
        }
        Ok(())
    }

    /// `__start_awsm_guest_text` or `__stop_…`, which the linker defines
    /// for the section holding the module's code: declared hidden, so each
    /// shared object sees its own, and extern_weak, so a binary without
    /// the section still links (the address is then null). Null without
    /// the section (Cortex-M).
    fn code_bound(&self, prefix: &str) -> Result<PointerValue<'ctx>> {
        if !self.opts.guest_section {
            return Ok(self.ptr_type().const_null());
        }
        let name = format!("{prefix}{}", symbols::GUEST_CODE_SECTION);
        let g = match self.module.get_global(&name) {
            Some(g) => g,
            None => {
                let g = self.module.add_global(self.cx.i8_type(), None, &name);
                g.set_linkage(Linkage::ExternalWeak);
                g.set_visibility(inkwell::GlobalVisibility::Hidden);
                g
            }
        };
        Ok(g.as_pointer_value())
    }

    fn global_array(&self, name: &str, init: inkwell::values::ArrayValue<'ctx>) -> PointerValue<'ctx> {
        let g = self.module.add_global(init.get_type(), None, name);
        g.set_initializer(&init);
        g.set_constant(true);
        g.set_linkage(Linkage::Private);
        g.as_pointer_value()
    }
}

/// The functions the runtime may look up by index: imports (bound at
/// compile time to runtime functions, such as WASI's), exports, the start
/// function and every function an element segment, a table or global
/// initializer names (wasm's `ref.func` may only name those). Only these
/// get a pointer in `wasm_func_ptrs`; the others stay null, so the array
/// does not keep every function alive and LLVM may inline a function into
/// its only caller and drop it (dlmalloc into malloc into the caller).
fn referenced_funcs(info: &ModuleInfo) -> HashSet<u32> {
    let mut set: HashSet<u32> = info.start.into_iter().chain(0..info.num_imported_funcs).collect();
    set.extend(info.exports.iter().filter(|(_, k, _)| *k == ExternalKind::Func).map(|(_, _, i)| *i));
    for seg in &info.elems {
        set.extend(seg.items.iter().filter_map(|e| match e {
            Elem::Func(f) => Some(*f),
            _ => None,
        }));
    }
    let inits = info.global_inits.iter().chain(info.table_inits.iter().flatten());
    set.extend(inits.filter_map(|i| match i {
        Init::RefFunc(f) => Some(*f),
        _ => None,
    }));
    set
}
