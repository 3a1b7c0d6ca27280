//! Tables whose contents cannot change after instantiation, and cheaper
//! `call_indirect` through them.
//!
//! A *frozen* table is defined (not imported), not exported, and named by
//! no instruction but `call_indirect` and `table.size`: once the element
//! segments are in, nothing can write or grow it. So its size is the
//! declared minimum, its `elems` pointer never moves, and its initialiser
//! can point each null slot at a private all-zero funcref whose type id
//! (0) matches no type: `call_indirect` then needs no null test, the type
//! check rejects a null slot too, and only the cold path tells the two
//! traps apart. No one outside the module can see a frozen table, so that
//! funcref never reaches the runtime or the host.
//!
//! A frozen table is *static* when its contents are known at compile time
//! as well: every active segment writing it has a constant offset, fits,
//! and lists only null or this module's own defined functions (the usual
//! C function-pointer table). `call_indirect` then reads constant arrays
//! of code pointers and signature classes instead of the runtime table,
//! and passes its own vmctx: the callee is in this instance. Signature
//! classes number the module's distinct signatures (equal signatures,
//! equal class), so the type check is exact without runtime type ids.

use super::ModuleCtx;
use super::func::FuncTranslator;
use crate::abi::traps::TrapCode;
use crate::error::Result;
use crate::module::{Elem, Init, ModuleInfo};
use inkwell::IntPredicate;
use inkwell::module::Linkage;
use inkwell::types::StructType;
use inkwell::values::{BasicMetadataValueEnum, BasicValue, BasicValueEnum, IntValue, PointerValue};
use wasmparser::{ExternalKind, Operator};

/// Largest static table turned into a constant array (entries).
const MAX_STATIC_ENTRIES: u64 = 1 << 16;

/// What the translator knows about a table's contents.
pub enum TableKind {
    /// Imported, exported or written by instructions.
    Mutable,
    Frozen,
    /// Frozen with known contents: per slot, a defined function or null.
    Static(Vec<Option<u32>>),
}

/// The kind of every table of `info`.
pub fn table_kinds(info: &ModuleInfo) -> Result<Vec<TableKind>> {
    let mut frozen: Vec<bool> =
        (0..info.tables.len() as u32).map(|t| t >= info.num_imported_tables).collect();
    for (_, kind, index) in &info.exports {
        if *kind == ExternalKind::Table {
            frozen[*index as usize] = false;
        }
    }
    for body in &info.bodies {
        let mut reader = body.body.get_operators_reader()?;
        while !reader.eof() {
            let touched: &[u32] = match reader.read()? {
                Operator::TableGet { table }
                | Operator::TableSet { table }
                | Operator::TableGrow { table }
                | Operator::TableFill { table }
                | Operator::TableInit { table, .. } => &[table],
                Operator::TableCopy { dst_table, src_table } => &[dst_table, src_table],
                _ => &[],
            };
            for t in touched {
                frozen[*t as usize] = false;
            }
        }
    }
    let kind = |(t, frozen): (usize, bool)| match (frozen, static_contents(info, t as u32)) {
        (false, _) => TableKind::Mutable,
        (true, Some(slots)) => TableKind::Static(slots),
        (true, None) => TableKind::Frozen,
    };
    Ok(frozen.into_iter().enumerate().map(kind).collect())
}

/// A frozen table's contents after its active segments, if they are
/// known at compile time (see the module doc) and not too many.
fn static_contents(info: &ModuleInfo, t: u32) -> Option<Vec<Option<u32>>> {
    let n = info.tables[t as usize].initial;
    if n > MAX_STATIC_ENTRIES {
        return None;
    }
    let mut slots = vec![None; n as usize];
    for e in &info.elems {
        let start = match &e.active {
            Some((table, _)) if *table != t => continue,
            Some((_, Init::I32(offset))) => *offset as u32 as usize,
            Some(_) => return None,
            None => continue,
        };
        if start as u64 + e.items.len() as u64 > n {
            return None; // instantiation traps
        }
        for (slot, item) in slots[start..].iter_mut().zip(&e.items) {
            *slot = match item {
                Elem::Null => None,
                Elem::Func(f) if *f >= info.num_imported_funcs => Some(*f),
                _ => return None,
            };
        }
    }
    Some(slots)
}

impl<'ctx, 'a> ModuleCtx<'ctx, 'a> {
    /// The funcref frozen tables hold where they would hold null: all
    /// zero, so its type id matches no real one (ids start at 1).
    pub fn null_funcref(&self) -> PointerValue<'ctx> {
        let name = "wasm_null_funcref";
        let g = self.module.get_global(name).unwrap_or_else(|| {
            let p = self.ptr_type();
            let ty = self.cx.struct_type(&[p.into(), p.into(), self.cx.i32_type().into()], false);
            let g = self.module.add_global(ty, None, name);
            g.set_initializer(&ty.const_zero());
            g.set_constant(true);
            g.set_linkage(Linkage::Private);
            g
        });
        g.as_pointer_value()
    }

    /// The constant size of frozen table `t`.
    pub fn frozen_size(&self, t: u32) -> Option<u64> {
        match self.table_kinds[t as usize] {
            TableKind::Mutable => None,
            _ => Some(self.info.tables[t as usize].initial),
        }
    }

    /// Signature class of type `ty`: 1 + the first type index with the
    /// same signature. 0 marks a null slot.
    fn sig_class(&self, ty: u32) -> u32 {
        let types = &self.info.types;
        types.iter().position(|x| x == &types[ty as usize]).unwrap_or(ty as usize) as u32 + 1
    }

    /// `{ [n x ptr] code, [n x i32] signature class }`: two arrays in one
    /// global, so both are reached from one base register with the index
    /// scaled by 8 and 4 (an array of pairs would need a multiply by 16).
    fn static_table_type(&self, n: u32) -> StructType<'ctx> {
        let codes = self.ptr_type().array_type(n);
        let classes = self.cx.i32_type().array_type(n);
        self.cx.struct_type(&[codes.into(), classes.into()], false)
    }

    /// The constant arrays of static table `t` and its length, or None if
    /// `t` is not static.
    fn static_table(&self, t: u32) -> Option<(PointerValue<'ctx>, u32)> {
        let TableKind::Static(slots) = &self.table_kinds[t as usize] else {
            return None;
        };
        let n = slots.len() as u32;
        let name = format!("wasm_table{t}");
        let g = self.module.get_global(&name).unwrap_or_else(|| {
            let p = self.ptr_type();
            let i32t = self.cx.i32_type();
            let funcs = slots.iter().map(|s| s.and_then(|f| Some((f, self.func_ptr(f)?))));
            let (codes, classes): (Vec<_>, Vec<_>) = funcs
                .map(|slot| match slot {
                    Some((f, func)) => (
                        func.as_global_value().as_pointer_value(),
                        i32t.const_int(self.sig_class(self.info.func_types[f as usize]) as u64, false),
                    ),
                    None => (p.const_null(), i32t.const_zero()),
                })
                .unzip();
            let ty = self.static_table_type(n);
            let init =
                ty.const_named_struct(&[p.const_array(&codes).into(), i32t.const_array(&classes).into()]);
            let g = self.module.add_global(ty, None, &name);
            g.set_initializer(&init);
            g.set_constant(true);
            g.set_linkage(Linkage::Private);
            g
        });
        Some((g.as_pointer_value(), n))
    }
}

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// Point the null slots of frozen table `t` at the null funcref; run
    /// once at instantiation, after the element segments.
    pub fn seal_frozen_table(&mut self, t: u32) -> Result<()> {
        // A static table's runtime copy is never read by call_indirect.
        let n = match (&self.m.table_kinds[t as usize], self.m.frozen_size(t)) {
            (TableKind::Frozen, Some(n)) if n > 0 => n,
            _ => return Ok(()),
        };
        let l = self.m.layout;
        let p = self.m.ptr_type();
        let ip = self.m.intptr_type();
        let tbl = self.table_ptr(t)?;
        let elems = self.load_at(tbl, l.table_elems(), p.into(), false)?.into_pointer_value();
        let pre = self.b.get_insert_block().ok_or_else(|| self.err("no block"))?;
        let body = self.m.cx.append_basic_block(self.func, "seal");
        let done = self.m.cx.append_basic_block(self.func, "sealed");
        self.b.build_unconditional_branch(body)?;
        self.b.position_at_end(body);
        let i = self.b.build_phi(ip, "")?;
        let off = self.b.build_int_mul(
            i.as_basic_value().into_int_value(),
            ip.const_int(l.ptr as u64, false),
            "",
        )?;
        let slot = self.byte_gep(elems, off)?;
        let v = self.b.build_load(p, slot, "")?;
        self.tag(v.as_instruction_value().ok_or_else(|| self.err("load"))?, self.m.tbaa.table)?;
        let is_null = self.b.build_is_null(v.into_pointer_value(), "")?;
        let sealed = self.b.build_select(is_null, self.m.null_funcref(), v.into_pointer_value(), "")?;
        let st = self.b.build_store(slot, sealed)?;
        self.tag(st, self.m.tbaa.table)?;
        let next = self.b.build_int_add(i.as_basic_value().into_int_value(), ip.const_int(1, false), "")?;
        i.add_incoming(&[(&ip.const_zero(), pre), (&next, body)]);
        let more = self.b.build_int_compare(IntPredicate::ULT, next, ip.const_int(n, false), "")?;
        self.b.build_conditional_branch(more, body, done)?;
        self.b.position_at_end(done);
        Ok(())
    }

    /// `call_indirect` through a static table, if `table` is one: bounds
    /// check against a constant, signature class check, direct call of the
    /// code pointer with this instance's vmctx. Returns false otherwise.
    pub fn call_static(
        &mut self,
        ty_index: u32,
        table: u32,
        index: IntValue<'ctx>,
        params: &[BasicValueEnum<'ctx>],
    ) -> Result<bool> {
        let Some((arr, n)) = self.m.static_table(table) else {
            return Ok(false);
        };
        let i32t = self.m.cx.i32_type();
        let oob = self.b.build_int_compare(IntPredicate::UGE, index, i32t.const_int(n as u64, false), "")?;
        self.trap_if(oob, TrapCode::UndefinedElement)?;
        let ty = self.m.static_table_type(n);
        let idx = self.b.build_int_z_extend(index, self.m.intptr_type(), "")?;
        let field = |f: u64| i32t.const_int(f, false);
        // SAFETY: `idx` < n was checked above; both fields are [n x _].
        let code_p = unsafe { self.b.build_in_bounds_gep(ty, arr, &[field(0), field(0), idx], "")? };
        let class_p = unsafe { self.b.build_in_bounds_gep(ty, arr, &[field(0), field(1), idx], "")? };
        let class = self.b.build_load(i32t, class_p, "")?.into_int_value();
        let want = i32t.const_int(self.m.sig_class(ty_index) as u64, false);
        let mismatch = self.b.build_int_compare(IntPredicate::NE, class, want, "")?;
        // A null slot has a null code pointer. Testing that on the cold
        // path (not class == 0) lets the hot compare read memory directly.
        self.bad_elem(mismatch, |t| {
            let fnp = t.b.build_load(t.m.ptr_type(), code_p, "")?.into_pointer_value();
            Ok(t.b.build_is_null(fnp, "")?)
        })?;
        let fnp = self.b.build_load(self.m.ptr_type(), code_p, "")?.into_pointer_value();
        let mut args: Vec<BasicMetadataValueEnum> = vec![self.vmctx.into()];
        args.extend(params.iter().map(|v| BasicMetadataValueEnum::from(*v)));
        let call = self.b.build_indirect_call(self.m.sig_types[ty_index as usize], fnp, &args, "")?;
        self.finish_call(call, ty_index)?;
        Ok(true)
    }

    /// When `mismatch` holds (cold): trap "uninitialized element" if
    /// `null_test` (built on the cold path) holds, else "indirect call
    /// type mismatch".
    pub fn bad_elem(
        &mut self,
        mismatch: IntValue<'ctx>,
        null_test: impl FnOnce(&mut Self) -> Result<IntValue<'ctx>>,
    ) -> Result<()> {
        let bad = self.m.cx.append_basic_block(self.func, "bad_elem");
        self.cold_branch(mismatch, bad)?;
        let cont = self.b.get_insert_block().ok_or_else(|| self.err("no block"))?;
        self.b.position_at_end(bad);
        let is_null = null_test(self)?;
        let uninit = self.trap_block(TrapCode::UninitializedElement)?;
        let wrong = self.trap_block(TrapCode::IndirectCallTypeMismatch)?;
        self.b.build_conditional_branch(is_null, uninit, wrong)?;
        self.b.position_at_end(cont);
        Ok(())
    }
}
