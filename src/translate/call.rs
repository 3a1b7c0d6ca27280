//! Direct calls, calls to imports (through `ctx->funcs[i]`), and
//! call_indirect with its table-bounds, null and structural signature
//! checks (canonical type ids compared, so equal signatures from other
//! modules match).

use super::Callee;
use super::func::FuncTranslator;
use crate::abi::traps::TrapCode;
use crate::abi::type_id;
use crate::error::Result;
use inkwell::IntPredicate;
use inkwell::types::FunctionType;
use inkwell::values::BasicValue;
use inkwell::values::{BasicMetadataValueEnum, CallSiteValue, IntValue, PointerValue};

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    pub fn op_call(&mut self, f: u32) -> Result<()> {
        let ty_index = self.m.info.func_types[f as usize];
        let nparams = self.m.info.types[ty_index as usize].params().len();
        let params = self.pop_n(nparams)?;
        match self.m.callees[f as usize] {
            Callee::Direct(func) => {
                let mut args: Vec<BasicMetadataValueEnum> = vec![self.vmctx.into()];
                args.extend(params.iter().map(|v| BasicMetadataValueEnum::from(*v)));
                let call = self.b.build_call(func, &args, "")?;
                self.finish_call(call, ty_index)
            }
            Callee::Import => {
                self.m.note_funcs_read();
                let funcs = self.vmctx_ptr(self.m.layout.vmctx_funcs())?;
                let off = self.m.cx.i32_type().const_int((f * self.m.layout.funcref_size()) as u64, false);
                let fref = self.byte_gep(funcs, off)?;
                self.call_funcref(fref, ty_index, &params, true)
            }
        }
    }

    /// Call through an `awsm_funcref`: `fref->fn(fref->ctx, params...)`.
    fn call_funcref(
        &mut self,
        fref: PointerValue<'ctx>,
        ty_index: u32,
        params: &[inkwell::values::BasicValueEnum<'ctx>],
        invariant: bool,
    ) -> Result<()> {
        let l = self.m.layout;
        let p = self.m.ptr_type();
        let fnp = self.load_at(fref, l.funcref_fn(), p.into(), invariant)?.into_pointer_value();
        let ctx = self.load_at(fref, l.funcref_ctx(), p.into(), invariant)?;
        let mut args: Vec<BasicMetadataValueEnum> = vec![ctx.into()];
        args.extend(params.iter().map(|v| BasicMetadataValueEnum::from(*v)));
        let fty: FunctionType = self.m.sig_types[ty_index as usize];
        let call = self.b.build_indirect_call(fty, fnp, &args, "")?;
        self.finish_call(call, ty_index)
    }

    /// Push the call's results and refresh what a callee may change.
    ///
    /// Every guest call is `notail`: tail-recursion elimination would turn
    /// unbounded recursion into an endless loop that never reaches the
    /// stack-limit check, where wasm requires a "call stack exhausted" trap.
    pub(super) fn finish_call(&mut self, call: CallSiteValue<'ctx>, ty_index: u32) -> Result<()> {
        call.set_tail_call_kind(inkwell::values::LLVMTailCallKind::LLVMTailCallKindNoTail);
        let results = self.m.info.types[ty_index as usize].results().len();
        if let Some(v) = call.try_as_basic_value().basic() {
            if results == 1 {
                self.push(v);
            } else {
                let sv = v.into_struct_value();
                for i in 0..results as u32 {
                    let x = self.b.build_extract_value(sv, i, "")?;
                    self.push(x);
                }
            }
        }
        self.memory_changed()
    }

    /// `call_indirect`: bounds check ("undefined element"), null check
    /// ("uninitialized element"), type check ("indirect call type
    /// mismatch"), call. On a frozen table (frozen.rs) the size is a
    /// constant and the type check alone rejects a null slot; a static
    /// one needs no runtime table at all.
    pub fn op_call_indirect(&mut self, ty_index: u32, table: u32) -> Result<()> {
        let index = self.pop_int()?;
        let nparams = self.m.info.types[ty_index as usize].params().len();
        let params = self.pop_n(nparams)?;
        if self.call_static(ty_index, table, index, &params)? {
            return Ok(());
        }
        let l = self.m.layout;
        let i32t = self.m.cx.i32_type();
        let tbl = self.table_ptr(table)?;
        let frozen = self.m.frozen_size(table);
        let size = match frozen {
            Some(n) => i32t.const_int(n, false),
            None => self.load_at(tbl, l.table_size(), i32t.into(), false)?.into_int_value(),
        };
        let oob = self.b.build_int_compare(IntPredicate::UGE, index, size, "")?;
        self.trap_if(oob, TrapCode::UndefinedElement)?;
        let fref = self.table_elem_ptr(tbl, index, frozen.is_some())?;
        let fref = self.b.build_load(self.m.ptr_type(), fref, "")?;
        self.tag(fref.as_instruction_value().ok_or_else(|| self.err("load"))?, self.m.tbaa.table)?;
        let fref = fref.into_pointer_value();
        if frozen.is_none() {
            let is_null = self.b.build_is_null(fref, "")?;
            self.trap_if(is_null, TrapCode::UninitializedElement)?;
        }
        let actual = self.load_at(fref, l.funcref_type_id(), i32t.into(), false)?.into_int_value();
        let expected = self.expected_type_id(ty_index)?;
        let mismatch = self.b.build_int_compare(IntPredicate::NE, actual, expected, "")?;
        if frozen.is_some() {
            let null = self.m.null_funcref();
            self.bad_elem(mismatch, |t| Ok(t.b.build_int_compare(IntPredicate::EQ, fref, null, "")?))?;
        } else {
            self.trap_if(mismatch, TrapCode::IndirectCallTypeMismatch)?;
        }
        self.call_funcref(fref, ty_index, &params, false)
    }

    /// The canonical id of type `ty_index`: a constant when the runtime
    /// gives its signature a fixed id, else `ctx->type_ids[ty_index]`.
    fn expected_type_id(&self, ty_index: u32) -> Result<IntValue<'ctx>> {
        let sig = crate::module::signature(&self.m.info.types[ty_index as usize]);
        let i32t = self.m.cx.i32_type();
        match type_id::encoded_id(&sig) {
            Some(id) => Ok(i32t.const_int(id as u64, false)),
            None => {
                let type_ids = self.vmctx_ptr(self.m.layout.vmctx_type_ids())?;
                Ok(self.load_at(type_ids, ty_index * 4, i32t.into(), true)?.into_int_value())
            }
        }
    }
}
