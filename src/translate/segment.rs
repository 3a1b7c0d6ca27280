//! The segment strategy (x86-64): linear memory is addressed relative to
//! `%gs`, whose base the runtime keeps at the running instance's memory
//! (runtime/memory/segment.c). An access is `%gs:ea` — LLVM's x86 address
//! space 256 — so it needs no base register and no base load; bounds are
//! guard-pages' (the memory is a guard-pages memory, an out-of-bounds
//! access faults in its reservation).
//!
//! Keeping `%gs` right is the runtime's job, but the code decides where
//! control can enter a module: every defined function gets an entry thunk
//! (`wasm_e<f>`) that sets `%gs` to the module's memory, calls the function
//! and restores the caller's `%gs`. The descriptor hands out the thunks as
//! the functions' code pointers, so everything that reaches a function
//! through a funcref — another instance's import, a shared table,
//! `ref.func`, the start function, `awsm_invoke` — switches `%gs`; direct
//! calls inside the module do not (same memory). Typed export wrappers
//! switch it too. A module without memory never touches `%gs`.

use super::ModuleCtx;
use super::func::FuncTranslator;
use crate::abi::symbols;
use crate::error::{Error, Result};
use inkwell::AddressSpace;
use inkwell::attributes::{Attribute, AttributeLoc};
use inkwell::module::Linkage;
use inkwell::values::{BasicMetadataValueEnum, FunctionValue, IntValue, PointerValue};

/// LLVM's x86 address space for `%gs`-relative accesses.
const GS_ADDRESS_SPACE: u16 = 256;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// The `%gs`-relative address of an access at `index + offset`: a call
    /// to [`ModuleCtx::segment_addr_fn`] with the operands of the other
    /// strategies' address functions (base and size unused), so that the
    /// mirror rewrite (mirror.rs) widens its index the same way; LLVM then
    /// inlines it into two GEPs.
    pub fn segment_address(
        &mut self,
        index: IntValue<'ctx>,
        offset: u64,
        size: u32,
    ) -> Result<PointerValue<'ctx>> {
        let i64t = self.m.cx.i64_type();
        let idx = self.b.build_int_z_extend(index, i64t, "idx")?;
        let args = [
            self.vmctx.into(),
            self.m.ptr_type().const_null().into(),
            i64t.const_zero().into(),
            idx.into(),
            i64t.const_int(offset, false).into(),
            self.m.cx.i32_type().const_int(size as u64, false).into(),
        ];
        let p = self.b.build_call(self.m.segment_addr_fn()?, &args, "")?.try_as_basic_value().basic();
        Ok(p.ok_or_else(|| self.err("segment address function returned void"))?.into_pointer_value())
    }
}

impl<'ctx, 'a> ModuleCtx<'ctx, 'a> {
    /// `ptr addrspace(256) awsm_mem_addr_segment(ctx, base, mem_size, idx,
    /// offset, size)`, defined here (not in C: a C function cannot return a
    /// `%gs`-relative pointer) as `gep (gep null, idx), offset` and always
    /// inlined. GEPs rather than `inttoptr`, so that loop analyses see an
    /// affine address and the offset folds into the displacement; not
    /// inbounds, since address space 256's null is a valid base.
    pub fn segment_addr_fn(&self) -> Result<FunctionValue<'ctx>> {
        let name = self.opts.strategy.addr_fn();
        if let Some(f) = self.module.get_function(name) {
            return Ok(f);
        }
        let i8t = self.cx.i8_type();
        let gs = self.cx.ptr_type(AddressSpace::from(GS_ADDRESS_SPACE));
        let params = self.runtime_params(symbols::ADDR_PARAMS);
        let f = self.module.add_function(name, gs.fn_type(&params, false), Some(Linkage::Internal));
        let inline = self.cx.create_enum_attribute(Attribute::get_named_enum_kind_id("alwaysinline"), 0);
        f.add_attribute(AttributeLoc::Function, inline);
        let b = self.cx.create_builder();
        b.position_at_end(self.cx.append_basic_block(f, "entry"));
        let param = |i| f.get_nth_param(i).map(|v| v.into_int_value()).ok_or_else(|| Error::backend("param"));
        let (idx, offset) = (param(3)?, param(4)?);
        // SAFETY: i8 GEPs on an opaque pointer are always well-formed IR.
        let at = unsafe { b.build_gep(i8t, gs.const_null(), &[idx], "")? };
        let at = unsafe { b.build_gep(i8t, at, &[offset], "ea")? };
        b.build_return(Some(&at))?;
        Ok(f)
    }

    /// Whether this module's code addresses memory through `%gs`, and so
    /// needs entry thunks.
    pub fn switches_segment(&self) -> bool {
        self.opts.strategy.uses_segment_base() && self.info.memory.is_some()
    }

    /// The entry thunk of each function index (None for imports, and for
    /// every function when the module does not switch `%gs`).
    pub fn emit_segment_entries(&self) -> Result<Vec<Option<FunctionValue<'ctx>>>> {
        let mut entries = Vec::new();
        for f in 0..self.info.func_types.len() as u32 {
            let entry = match self.func_ptr(f) {
                // Imports bound to the runtime's WASI read memory through
                // `ctx`, never through `%gs`: no thunk.
                Some(func) if self.switches_segment() && f >= self.info.num_imported_funcs => {
                    Some(self.emit_segment_entry(f, func)?)
                }
                _ => None,
            };
            entries.push(entry);
        }
        Ok(entries)
    }

    /// `ret wasm_e<f>(ctx, params...)`: enter, call, leave.
    fn emit_segment_entry(&self, f: u32, target: FunctionValue<'ctx>) -> Result<FunctionValue<'ctx>> {
        let ty = self.sig_types[self.info.func_types[f as usize] as usize];
        let func = self.module.add_function(&format!("wasm_e{f}"), ty, Some(Linkage::Internal));
        let t = FuncTranslator::new(self, func)?;
        let saved = self.segment_enter(&t)?;
        let args: Vec<BasicMetadataValueEnum> = func.get_param_iter().map(|p| p.into()).collect();
        let call = t.b.build_call(target, &args, "")?;
        call.set_tail_call_kind(inkwell::values::LLVMTailCallKind::LLVMTailCallKindNoTail);
        let n = self.info.types[self.info.func_types[f as usize] as usize].results().len();
        let vals = t.call_results(call, n)?;
        self.segment_leave(&t, saved)?;
        t.build_return_values(&vals)?;
        Ok(func)
    }

    /// Where `t` is, switch `%gs` to its instance's memory; returns the
    /// caller's `%gs` for `segment_leave` (None: this module does not
    /// switch).
    pub fn segment_enter(&self, t: &FuncTranslator<'_, 'ctx, 'a>) -> Result<Option<IntValue<'ctx>>> {
        if !self.switches_segment() {
            return Ok(None);
        }
        let enter = self.runtime_fn(&symbols::SEGMENT_ENTER);
        let prev = t.b.build_call(enter, &[t.vmctx.into()], "")?.try_as_basic_value().basic();
        Ok(Some(
            prev.ok_or_else(|| {
                Error::backend(format!("{} returns the old base", symbols::SEGMENT_ENTER.name))
            })?
            .into_int_value(),
        ))
    }

    /// Restore the `%gs` that `segment_enter` returned.
    pub fn segment_leave(
        &self,
        t: &FuncTranslator<'_, 'ctx, 'a>,
        saved: Option<IntValue<'ctx>>,
    ) -> Result<()> {
        if let Some(prev) = saved {
            let leave = self.runtime_fn(&symbols::SEGMENT_LEAVE);
            t.b.build_call(leave, &[prev.into()], "")?;
        }
        Ok(())
    }
}
