//! Locals (allocas, promoted by mem2reg) and globals (cells reached
//! through `ctx->globals[i]`, an invariant pointer, tagged "wasm global").

use super::func::FuncTranslator;
use crate::abi::symbols::{self, Ty};
use crate::error::{Error, Result};
use crate::module::Init;
use inkwell::values::BasicValue;
use inkwell::values::FunctionValue;
use inkwell::values::PointerValue;
use wasmparser::ValType;

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    pub fn op_local_get(&mut self, i: u32) -> Result<()> {
        let (slot, ty) = *self.locals.get(i as usize).ok_or_else(|| self.err("bad local"))?;
        let v = self.b.build_load(ty, slot, "")?;
        self.push(v);
        Ok(())
    }

    pub fn op_local_set(&mut self, i: u32, tee: bool) -> Result<()> {
        let (slot, _) = *self.locals.get(i as usize).ok_or_else(|| self.err("bad local"))?;
        let v = self.pop()?;
        self.b.build_store(slot, v)?;
        if tee {
            self.push(v);
        }
        Ok(())
    }

    /// Address of global `g`'s cell: both loads are invariant.
    pub fn global_cell(&self, g: u32) -> Result<PointerValue<'ctx>> {
        let l = self.m.layout;
        let cells = self.vmctx_ptr(l.vmctx_globals())?;
        Ok(self.load_at(cells, g * l.ptr, self.m.ptr_type().into(), true)?.into_pointer_value())
    }

    pub fn op_global_get(&mut self, g: u32) -> Result<()> {
        let info = self.m.info;
        let gt = info.globals[g as usize];
        if self.m.opts.inline_constant_globals && !gt.mutable && g >= info.num_imported_globals {
            let init = &info.global_inits[(g - info.num_imported_globals) as usize];
            let i32t = self.m.cx.i32_type();
            let i64t = self.m.cx.i64_type();
            match *init {
                Init::I32(v) => {
                    return {
                        self.push(i32t.const_int(v as u32 as u64, false));
                        Ok(())
                    };
                }
                Init::I64(v) => {
                    return {
                        self.push(i64t.const_int(v as u64, false));
                        Ok(())
                    };
                }
                Init::F32(bits) => return self.push_f32_bits(bits),
                Init::F64(bits) => return self.push_f64_bits(bits),
                Init::V128(bits) => return self.push_v128_bits(bits),
                _ => {}
            }
        }
        let ty = self.m.val_type(gt.content_type);
        if self.m.opts.runtime_globals {
            let f = self.global_accessor(false, gt.content_type)?;
            let idx = self.m.cx.i32_type().const_int(g as u64, false);
            let v = self.b.build_call(f, &[self.vmctx.into(), idx.into()], "")?.try_as_basic_value().basic();
            self.push(v.ok_or_else(|| self.err("global accessor"))?);
            return Ok(());
        }
        let cell = self.global_cell(g)?;
        let v = self.b.build_load(ty, cell, "")?;
        let inst = v.as_instruction_value().ok_or_else(|| self.err("global load"))?;
        self.tag(inst, self.m.tbaa.global)?;
        self.cell_alignment(inst)?;
        self.push(v);
        Ok(())
    }

    pub fn op_global_set(&mut self, g: u32) -> Result<()> {
        let v = self.pop()?;
        if self.m.opts.runtime_globals {
            let f = self.global_accessor(true, self.m.info.globals[g as usize].content_type)?;
            let idx = self.m.cx.i32_type().const_int(g as u64, false);
            self.b.build_call(f, &[self.vmctx.into(), idx.into(), v.into()], "")?;
            return Ok(());
        }
        let cell = self.global_cell(g)?;
        let st = self.b.build_store(cell, v)?;
        self.cell_alignment(st)?;
        self.tag(st, self.m.tbaa.global)
    }

    /// `awsm_rt_global_{get,set}_<type>` for --runtime-globals.
    fn global_accessor(&self, set: bool, t: ValType) -> Result<FunctionValue<'ctx>> {
        let value = match t {
            ValType::I32 => Ty::I32,
            ValType::I64 => Ty::I64,
            ValType::F32 => Ty::F32,
            ValType::F64 => Ty::F64,
            ValType::Ref(_) => Ty::Ptr,
            ValType::V128 => return Err(Error::unsupported(self.offset, "v128 globals")),
        };
        let accessor = symbols::global_accessor(set, value)
            .ok_or_else(|| Error::backend("no runtime accessor for this global type"))?;
        Ok(self.m.runtime_fn(accessor))
    }
}
