//! Module-level functions: the initialiser (globals, then element and
//! data segments, in the spec's order), a generic-call trampoline and a
//! host thunk per type, and a typed C wrapper per exported function.

use super::func::FuncTranslator;
use super::{Callee, ModuleCtx};
use crate::abi::{names, symbols};
use crate::error::{Error, Result};
use crate::module::{Elem, Init};
use inkwell::module::Linkage;
use inkwell::values::{BasicMetadataValueEnum, BasicValue, BasicValueEnum, FunctionValue, PointerValue};
use wasmparser::ExternalKind;

/// The module-level functions the descriptor points to.
pub struct InstanceParts<'ctx> {
    pub init: FunctionValue<'ctx>,
    /// Generic-call trampoline per type index.
    pub calls: Vec<FunctionValue<'ctx>>,
    /// Host thunk per type index.
    pub thunks: Vec<FunctionValue<'ctx>>,
}

impl<'ctx, 'a> ModuleCtx<'ctx, 'a> {
    pub fn emit_instance_parts(&self) -> Result<InstanceParts<'ctx>> {
        let init = self.emit_init()?;
        let mut calls = Vec::new();
        let mut thunks = Vec::new();
        for t in 0..self.info.types.len() as u32 {
            if self.opts.generic_calls {
                calls.push(self.emit_trampoline(t)?);
                thunks.push(self.emit_host_thunk(t)?);
            }
        }
        self.emit_export_wrappers()?;
        Ok(InstanceParts { init, calls, thunks })
    }

    /// The constant i32 array encoding element segment `seg` (see awsm.h).
    pub fn elem_segment(&self, seg: u32) -> (PointerValue<'ctx>, u32) {
        let name = format!("wasm_elem{seg}");
        let items = &self.info.elems[seg as usize].items;
        let g = self.module.get_global(&name).unwrap_or_else(|| {
            let i32t = self.cx.i32_type();
            let vals: Vec<_> = items
                .iter()
                .map(|e| {
                    let code: i64 = match e {
                        Elem::Func(f) => *f as i64,
                        Elem::Null => -1,
                        Elem::Global(g) => -2 - *g as i64,
                    };
                    i32t.const_int(code as u64, true)
                })
                .collect();
            let init = i32t.const_array(&vals);
            let g = self.module.add_global(init.get_type(), None, &name);
            g.set_initializer(&init);
            g.set_constant(true);
            g.set_linkage(Linkage::Private);
            g
        });
        (g.as_pointer_value(), items.len() as u32)
    }

    fn emit_init(&self) -> Result<FunctionValue<'ctx>> {
        let ty = self.cx.void_type().fn_type(&[self.ptr_type().into()], false);
        let func = self.module.add_function("wasm_init", ty, Some(Linkage::Internal));
        let mut t = FuncTranslator::new(self, func)?;
        let info = self.info;
        for (i, init) in info.global_inits.iter().enumerate() {
            let g = info.num_imported_globals + i as u32;
            let v = t.const_value(init)?;
            let cell = t.global_cell(g)?;
            let st = t.b.build_store(cell, v)?;
            t.cell_alignment(st)?;
            t.tag(st, self.tbaa.global)?;
        }
        if info.table_inits.iter().any(|i| i.is_some()) {
            return Err(Error::new(crate::error::ErrorKind::Unsupported, "table initializer expressions"));
        }
        let i32t = self.cx.i32_type();
        for (seg, e) in info.elems.iter().enumerate() {
            let seg = seg as u32;
            if let Some((table, offset)) = &e.active {
                let off = t.const_value(offset)?;
                let (elems, n) = self.elem_segment(seg);
                let n = i32t.const_int(n as u64, false);
                let args = [
                    t.vmctx.into(),
                    i32t.const_int(*table as u64, false).into(),
                    elems.into(),
                    n.into(),
                    off.into(),
                    i32t.const_zero().into(),
                    n.into(),
                ];
                self.note_funcs_read();
                t.call_runtime(&symbols::TABLE_INIT, &args)?;
            }
            if (e.active.is_some() || e.declared) && self.reads_dropped() {
                t.drop_segment(self.layout.vmctx_elem_dropped(), seg)?;
            }
        }
        for table in info.num_imported_tables..info.tables.len() as u32 {
            t.seal_frozen_table(table)?;
        }
        for (seg, d) in info.data.iter().enumerate() {
            let seg = seg as u32;
            if let Some(offset) = &d.active {
                let off = t.const_value(offset)?;
                let (data, len) = t.data_segment(seg)?;
                let n = i32t.const_int(len as u64, false);
                if self.data_fits(offset, len) {
                    // Proven in bounds: a plain copy, no check, no trap path.
                    let l = self.layout;
                    let base = t.load_at(t.vmctx, l.vmctx_memory_base(), self.ptr_type().into(), false)?;
                    let dst = t.byte_gep(base.into_pointer_value(), off.into_int_value())?;
                    if len > 0 {
                        t.b.build_memcpy(dst, 1, data, 1, n)?;
                    }
                } else {
                    let args = [
                        t.vmctx.into(),
                        data.into(),
                        n.into(),
                        off.into(),
                        i32t.const_zero().into(),
                        n.into(),
                    ];
                    t.call_runtime(&symbols::MEMORY_INIT, &args)?;
                }
                if self.reads_dropped() {
                    t.drop_segment(self.layout.vmctx_data_dropped(), seg)?;
                }
            }
        }
        t.b.build_return(None)?;
        Ok(func)
    }

    /// Whether an active data segment of `len` bytes at `offset` lies
    /// within the memory as instantiated: a constant offset into the
    /// module's own memory (not an imported one, whose size only the
    /// embedder knows) whose initial real size, given the page size,
    /// covers it. The instance's memory is at least that large, so the
    /// check awsm_rt_memory_init would make cannot fail. (Only with
    /// `page_shift`, i.e. on 32-bit Cortex-M, where the i32 offset is a
    /// pointer-width index.)
    fn data_fits(&self, offset: &Init, len: u32) -> bool {
        let (Some(shift), Some(mem), Init::I32(at)) = (self.opts.page_shift, self.info.memory, offset) else {
            return false;
        };
        !self.info.memory_imported
            && (*at as u32 as u64) + len as u64 <= mem.initial.saturating_mul(1u64 << shift)
    }

    /// `void wasm_call_T(fn, ctx, const awsm_val *args, awsm_val *results)`.
    fn emit_trampoline(&self, ty: u32) -> Result<FunctionValue<'ctx>> {
        let p = self.ptr_type();
        let fty = self.cx.void_type().fn_type(&[p.into(), p.into(), p.into(), p.into()], false);
        let func = self.module.add_function(&format!("wasm_call{ty}"), fty, Some(Linkage::Internal));
        let t = FuncTranslator::new(self, func)?;
        let param = |i| func.get_nth_param(i).map(|v| v.into_pointer_value());
        let (fnp, ctx, args, results) = match (param(0), param(1), param(2), param(3)) {
            (Some(a), Some(b), Some(c), Some(d)) => (a, b, c, d),
            _ => return Err(Error::backend("trampoline params")),
        };
        let wt = &self.info.types[ty as usize];
        let mut call_args: Vec<BasicMetadataValueEnum> = vec![ctx.into()];
        for (i, pt) in wt.params().iter().enumerate() {
            let slot = t.cell_at(args, i as u32)?;
            let v = t.b.build_load(self.val_type(*pt), slot, "")?;
            t.cell_alignment(v.as_instruction_value().ok_or_else(|| Error::backend("cell load"))?)?;
            call_args.push(v.into());
        }
        let call = t.b.build_indirect_call(self.sig_types[ty as usize], fnp, &call_args, "")?;
        let vals = t.call_results(call, wt.results().len())?;
        for (i, v) in vals.iter().enumerate() {
            let slot = t.cell_at(results, i as u32)?;
            t.cell_alignment(t.b.build_store(slot, *v)?)?;
        }
        t.b.build_return(None)?;
        Ok(func)
    }

    /// `ret wasm_host_T(awsm_host_func *f, params...)`: boxes the params,
    /// calls the host through the runtime, unboxes the results.
    fn emit_host_thunk(&self, ty: u32) -> Result<FunctionValue<'ctx>> {
        let func = self.module.add_function(
            &format!("wasm_host{ty}"),
            self.sig_types[ty as usize],
            Some(Linkage::Internal),
        );
        let t = FuncTranslator::new(self, func)?;
        let wt = &self.info.types[ty as usize];
        let cells = |n: usize| {
            let arr = self.cx.i8_type().array_type((n.max(1) * 16) as u32);
            t.alloca(arr.into())
        };
        let args = cells(wt.params().len())?;
        let results = cells(wt.results().len())?;
        for i in 0..wt.params().len() as u32 {
            let v = func.get_nth_param(i + 1).ok_or_else(|| Error::backend("thunk param"))?;
            t.cell_alignment(t.b.build_store(t.cell_at(args, i)?, v)?)?;
        }
        let hostf = func.get_nth_param(0).ok_or_else(|| Error::backend("thunk ctx"))?;
        let call_host = self.runtime_fn(&symbols::CALL_HOST);
        t.b.build_call(call_host, &[hostf.into(), args.into(), results.into()], "")?;
        let mut vals = Vec::new();
        for (i, rt) in wt.results().iter().enumerate() {
            let v = t.b.build_load(self.val_type(*rt), t.cell_at(results, i as u32)?, "")?;
            t.cell_alignment(v.as_instruction_value().ok_or_else(|| Error::backend("cell load"))?)?;
            vals.push(v);
        }
        t.build_return_values(&vals)?;
        Ok(func)
    }

    /// A typed C function `<prefix>_<escaped name>` per exported function.
    ///
    /// Escaping keeps these distinct from each other, but not from every
    /// other symbol: an export named "module" would be the descriptor's
    /// symbol, and with the prefix "awsm" or "wasm" an export can name a
    /// runtime function (`awsm_trap`) or one of the module's internal
    /// ones (`wasm_f3`). The descriptor and the runtime keep their names
    /// (such an export gets no wrapper; awsm_invoke still reaches it);
    /// internal symbols are renamed out of the way.
    fn emit_export_wrappers(&self) -> Result<()> {
        let descriptor = names::module_symbol(&self.opts.prefix);
        for (name, kind, index) in &self.info.exports {
            if *kind != ExternalKind::Func {
                continue;
            }
            let ty = self.info.func_types[*index as usize];
            let sym = names::export_symbol(&self.opts.prefix, name);
            if sym == descriptor || self.runtime_symbols.contains(&sym) {
                continue;
            }
            if let Some(f) = self.module.get_function(&sym) {
                f.as_global_value().set_name(&format!("{sym}.internal"));
            }
            if let Some(g) = self.module.get_global(&sym) {
                g.set_name(&format!("{sym}.internal"));
            }
            let func = self.module.add_function(&sym, self.sig_types[ty as usize], None);
            let mut t = FuncTranslator::new(self, func)?;
            for i in 0..self.info.types[ty as usize].params().len() as u32 {
                let v = func.get_nth_param(i + 1).ok_or_else(|| Error::backend("wrapper param"))?;
                t.push(v);
            }
            // Segment: the host calls this directly, so it switches %gs.
            let saved = self.segment_enter(&t)?;
            t.op_call(*index)?;
            let vals = std::mem::take(&mut t.stack);
            self.segment_leave(&t, saved)?;
            t.build_return_values(&vals)?;
        }
        Ok(())
    }

    /// The native code pointer of each function for the descriptor:
    /// defined functions and statically bound imports; null otherwise.
    pub fn func_ptr(&self, f: u32) -> Option<FunctionValue<'ctx>> {
        match self.callees[f as usize] {
            Callee::Direct(func) => Some(func),
            Callee::Import => None,
        }
    }
}

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Pointer to the `i`th 16-byte cell of an awsm_val array.
    pub fn cell_at(&self, base: PointerValue<'ctx>, i: u32) -> Result<PointerValue<'ctx>> {
        self.byte_gep(base, self.m.cx.i32_type().const_int(i as u64 * 16, false))
    }

    /// The value of a constant initializer, evaluated in this instance.
    pub fn const_value(&mut self, init: &Init) -> Result<BasicValueEnum<'ctx>> {
        let i32t = self.m.cx.i32_type();
        let i64t = self.m.cx.i64_type();
        match *init {
            Init::I32(v) => Ok(i32t.const_int(v as u32 as u64, false).into()),
            Init::I64(v) => Ok(i64t.const_int(v as u64, false).into()),
            Init::F32(bits) => self.push_f32_bits(bits).and_then(|_| self.pop()),
            Init::F64(bits) => self.push_f64_bits(bits).and_then(|_| self.pop()),
            Init::V128(bits) => self.push_v128_bits(bits).and_then(|_| self.pop()),
            Init::RefNull => Ok(self.m.ptr_type().const_null().into()),
            Init::RefFunc(f) => self.op_ref_func(f).and_then(|_| self.pop()),
            Init::GlobalGet(g) => self.op_global_get(g).and_then(|_| self.pop()),
        }
    }

    /// Split a call's return value into its wasm results.
    pub fn call_results(
        &self,
        call: inkwell::values::CallSiteValue<'ctx>,
        n: usize,
    ) -> Result<Vec<BasicValueEnum<'ctx>>> {
        match call.try_as_basic_value().basic() {
            None => Ok(vec![]),
            Some(v) if n == 1 => Ok(vec![v]),
            Some(v) => {
                (0..n as u32).map(|i| Ok(self.b.build_extract_value(v.into_struct_value(), i, "")?)).collect()
            }
        }
    }

    /// Return zero, one or several (as a struct) values.
    pub fn build_return_values(&self, vals: &[BasicValueEnum<'ctx>]) -> Result<()> {
        match vals.len() {
            0 => self.b.build_return(None)?,
            1 => self.b.build_return(Some(&vals[0]))?,
            _ => self.b.build_aggregate_return(vals)?,
        };
        Ok(())
    }
}
