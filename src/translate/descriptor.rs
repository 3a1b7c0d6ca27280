//! The module descriptor `<prefix>_module` (struct awsm_module in awsm.h):
//! a constant the runtime instantiates from. Its struct types come from
//! the field lists of `abi::descriptor`, and every value is put in by
//! field name, checked against that list; LLVM lays the structs out with
//! the target's C alignment rules, so they match on every pointer width.

use super::ModuleCtx;
use super::instance::InstanceParts;
use crate::abi::descriptor::{self as layout, ABI_VERSION, CStruct, Field};
use crate::abi::{names, symbols};
use crate::error::{Error, Result};
use crate::module::{Elem, Init, ModuleInfo, ref_code, signature, type_code};
use inkwell::module::Linkage;
use inkwell::types::{BasicTypeEnum, StructType};
use inkwell::values::{BasicValueEnum, PointerValue, StructValue};
use std::collections::HashSet;
use wasmparser::{ExternalKind, TypeRef};

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

    /// The LLVM type of one of awsm.h's structures: a literal struct with
    /// its fields' types in order, which LLVM pads as C does.
    fn st(&self, s: &CStruct) -> StructType<'ctx> {
        let fields: Vec<BasicTypeEnum> = s.fields.iter().map(|(_, f)| self.field_type(f)).collect();
        self.cx.struct_type(&fields, false)
    }

    fn field_type(&self, f: &Field) -> BasicTypeEnum<'ctx> {
        match f {
            Field::U32 | Field::I32 => self.cx.i32_type().into(),
            Field::Ptr => self.ptr_type().into(),
            Field::Struct(s) => self.st(s).into(),
        }
    }

    /// A constant of structure `s` from `(field name, value)` pairs, which
    /// must name its fields in order with values of their types: a
    /// descriptor that disagrees with `abi::descriptor` is an error here,
    /// never a shifted field at run time.
    fn fill(&self, s: &CStruct, values: &[(&str, BasicValueEnum<'ctx>)]) -> Result<StructValue<'ctx>> {
        let names_match = s.fields.len() == values.len()
            && s.fields
                .iter()
                .zip(values)
                .all(|((name, f), (given, v))| name == given && self.field_type(f) == v.get_type());
        if !names_match {
            return Err(Error::backend(format!("{} does not match abi::descriptor", s.c_name)));
        }
        let values: Vec<BasicValueEnum> = values.iter().map(|(_, v)| *v).collect();
        Ok(self.cx.const_struct(&values, false))
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

    fn limits(&self, min: u64, max: Option<u64>) -> Result<StructValue<'ctx>> {
        let fields = [
            ("min", self.u32v(min)),
            ("max", self.u32v(max.unwrap_or(0))),
            ("has_max", self.u32v(max.is_some() as u64)),
        ];
        self.fill(&layout::LIMITS, &fields)
    }

    pub fn emit_descriptor(&self, parts: &InstanceParts<'ctx>) -> Result<()> {
        let info = self.info;
        let type_t = self.st(&layout::TYPE_DESC);
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
                self.fill(
                    &layout::TYPE_DESC,
                    &[
                        ("sig", self.cstr(&signature(t)).into()),
                        ("call", fp(call)),
                        ("host_thunk", fp(thunk)),
                    ],
                )
            })
            .collect::<Result<_>>()?;
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

        let import_t = self.st(&layout::IMPORT_DESC);
        let imports: Vec<_> = info
            .imports
            .iter()
            .map(|imp| {
                let (kind, mutable, limits) = match imp.ty {
                    TypeRef::Func(_) => (0, 0, self.limits(0, None)?),
                    TypeRef::Table(t) => (1, 0, self.limits(t.initial, t.maximum)?),
                    TypeRef::Memory(m) => (2, 0, self.limits(m.initial, m.maximum)?),
                    TypeRef::Global(g) => (3, g.mutable as u64, self.limits(0, None)?),
                    _ => (0, 0, self.limits(0, None)?),
                };
                self.fill(
                    &layout::IMPORT_DESC,
                    &[
                        ("module", self.cstr(imp.module).into()),
                        ("name", self.cstr(imp.name).into()),
                        ("kind", self.u32v(kind)),
                        ("index", self.u32v(imp.index as u64)),
                        ("type", self.u32v(self.import_type_index(&imp.ty) as u64)),
                        ("mut", self.u32v(mutable)),
                        ("limits", limits.into()),
                    ],
                )
            })
            .collect::<Result<_>>()?;
        let imports_p = self.const_array("wasm_imports", import_t, &imports);

        let export_t = self.st(&layout::EXPORT_DESC);
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
                    ("name", self.cstr(name).into()),
                    ("kind", self.u32v(k)),
                    ("index", self.u32v(*index as u64)),
                    ("name_len", self.u32v(name.len() as u64)),
                ];
                self.fill(&layout::EXPORT_DESC, &fields)
            })
            .collect::<Result<_>>()?;
        let exports_p = self.const_array("wasm_exports", export_t, &exports);

        let global_t = self.st(&layout::GLOBAL_DESC);
        let globals: Vec<_> = info
            .globals
            .iter()
            .map(|g| {
                self.fill(
                    &layout::GLOBAL_DESC,
                    &[
                        ("type", self.u32v(type_code(g.content_type) as u64)),
                        ("mut", self.u32v(g.mutable as u64)),
                    ],
                )
            })
            .collect::<Result<_>>()?;
        let globals_p = self.const_array("wasm_globals", global_t, &globals);

        let table_t = self.st(&layout::TABLE_DESC);
        let tables: Vec<_> = info
            .tables
            .iter()
            .map(|t| {
                let fields = [
                    ("elem_type", self.u32v(ref_code(t.element_type) as u64)),
                    ("limits", self.limits(t.initial, t.maximum)?.into()),
                ];
                self.fill(&layout::TABLE_DESC, &fields)
            })
            .collect::<Result<_>>()?;
        let tables_p = self.const_array("wasm_tables", table_t, &tables);

        let mem_limits = match info.memory {
            Some(m) => self.limits(m.initial, m.maximum)?,
            None => self.limits(0, None)?,
        };
        let init = parts.init.as_global_value().as_pointer_value();
        let n = |x: usize| self.u32v(x as u64);
        let start_func = info.start.map(|s| s as u64).unwrap_or(u32::MAX as u64);
        let fields = [
            ("abi_version", self.u32v(ABI_VERSION as u64)),
            ("name", self.cstr(&self.opts.prefix).into()),
            ("num_types", n(info.types.len())),
            ("types", types_p.into()),
            ("num_funcs", n(info.func_types.len())),
            ("num_imported_funcs", self.u32v(info.num_imported_funcs as u64)),
            ("func_types", func_types_p.into()),
            ("func_ptrs", func_ptrs_p.into()),
            ("num_imports", n(info.imports.len())),
            ("imports", imports_p.into()),
            ("num_exports", n(info.exports.len())),
            ("exports", exports_p.into()),
            ("num_globals", n(info.globals.len())),
            ("num_imported_globals", self.u32v(info.num_imported_globals as u64)),
            ("globals", globals_p.into()),
            ("num_tables", n(info.tables.len())),
            ("num_imported_tables", self.u32v(info.num_imported_tables as u64)),
            ("tables", tables_p.into()),
            ("has_memory", self.u32v(info.memory.is_some() as u64)),
            ("memory_imported", self.u32v(info.memory_imported as u64)),
            ("memory_limits", mem_limits.into()),
            ("num_data", n(info.data.len())),
            ("num_elems", n(info.elems.len())),
            ("init", init.into()),
            ("start_func", self.cx.i32_type().const_int(start_func, true).into()),
            ("memory_strategy", self.u32v(self.opts.strategy.id() as u64)),
            ("code_start", self.code_bound(symbols::SECTION_START_PREFIX)?.into()),
            ("code_end", self.code_bound(symbols::SECTION_STOP_PREFIX)?.into()),
        ];
        let desc = self.fill(&layout::MODULE, &fields)?;
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
