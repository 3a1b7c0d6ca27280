//! Per-function translation state: the operand stack, control frames,
//! locals, the cold trap blocks, and the cached memory base.
//!
//! Block results and loop parameters travel through allocas in the entry
//! block; `mem2reg` turns them into SSA phis, which keeps branch handling
//! simple and uniform (no phi bookkeeping across br_table edges).

use super::ModuleCtx;
use crate::abi::traps::TrapCode;
use crate::error::{Error, Result};
use inkwell::IntPredicate;
use inkwell::basic_block::BasicBlock;
use inkwell::builder::Builder;
use inkwell::types::BasicTypeEnum;
use inkwell::values::{BasicValue, BasicValueEnum, FunctionValue, InstructionValue, IntValue, PointerValue};
use std::collections::BTreeMap;
use wasmparser::{FunctionBody, ValType};

/// What kind of construct a control frame is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameKind {
    Function,
    Block,
    Loop,
    /// An `if`; `else_bb` is the false branch until `else` is seen.
    If,
    Else,
}

/// A control frame: where a branch to it goes and which slots carry its
/// values.
pub struct Frame<'ctx> {
    pub kind: FrameKind,
    /// Branch target: the loop header for loops, the continuation otherwise.
    pub target: BasicBlock<'ctx>,
    /// Continuation after `end`.
    pub next: BasicBlock<'ctx>,
    /// For `if`: the block the false branch starts in, if not yet used.
    pub else_bb: Option<BasicBlock<'ctx>>,
    /// Slots for values carried by a branch to this frame.
    pub branch_slots: Vec<PointerValue<'ctx>>,
    pub branch_types: Vec<BasicTypeEnum<'ctx>>,
    /// Slots for the values flowing out of `end`.
    pub end_slots: Vec<PointerValue<'ctx>>,
    pub end_types: Vec<BasicTypeEnum<'ctx>>,
    /// Operand-stack height at entry, below the block's parameters.
    pub height: usize,
    /// For `if`: the parameters, re-pushed for the else branch.
    pub if_params: Vec<BasicValueEnum<'ctx>>,
    /// Whether anything reaches `next` (a branch or the fallthrough).
    pub next_reached: bool,
}

/// Translates one function body.
pub struct FuncTranslator<'m, 'ctx, 'a> {
    pub m: &'m ModuleCtx<'ctx, 'a>,
    pub b: Builder<'ctx>,
    pub func: FunctionValue<'ctx>,
    pub vmctx: PointerValue<'ctx>,
    pub locals: Vec<(PointerValue<'ctx>, BasicTypeEnum<'ctx>)>,
    pub stack: Vec<BasicValueEnum<'ctx>>,
    pub frames: Vec<Frame<'ctx>>,
    /// True while translating code no path reaches.
    pub dead: bool,
    /// Nesting depth of blocks opened inside dead code.
    pub dead_depth: u32,
    entry: BasicBlock<'ctx>,
    traps: BTreeMap<TrapCode, BasicBlock<'ctx>>,
    /// Slots caching the memory base and size (reloaded when needed).
    mem_slots: Option<(PointerValue<'ctx>, PointerValue<'ctx>)>,
    /// Byte offset of the operator being translated.
    pub offset: u64,
}

/// Translate body of function `f` into its declared LLVM function.
pub fn translate_function(m: &ModuleCtx, f: u32, body: &FunctionBody) -> Result<()> {
    let func = match m.callees[f as usize] {
        super::Callee::Direct(func) => func,
        super::Callee::Import => return Err(Error::backend("body for an imported function")),
    };
    let mut t = FuncTranslator::new(m, func)?;
    t.offset = body.range().start;
    t.declare_locals(f, body)?;
    let ty = m.info.func_type(f);
    let result_types: Vec<_> = ty.results().iter().map(|r| m.val_type(*r)).collect();
    let ret_bb = m.cx.append_basic_block(func, "return");
    let slots = t.make_slots(&result_types)?;
    t.frames.push(Frame {
        kind: FrameKind::Function,
        target: ret_bb,
        next: ret_bb,
        else_bb: None,
        branch_slots: slots.clone(),
        branch_types: result_types.clone(),
        end_slots: slots,
        end_types: result_types,
        height: 0,
        if_params: Vec::new(),
        next_reached: false,
    });
    let scan = scan_body(body)?;
    if scan.needs_stack_check {
        t.stack_check()?;
    }
    if scan.uses_memory {
        // Load base and size at entry, before any call: the slots must
        // exist before the first call or memory.grow so that those refresh
        // them; created lazily after one, they would keep a stale base.
        t.memory()?;
    }
    let mut reader = body.get_operators_reader()?;
    let mut ops = Vec::new();
    while !reader.eof() {
        let (op, offset) = reader.read_with_offset()?;
        ops.push((op, offset));
    }
    t.translate_ops(&ops)
}

/// What a function body needs set up on entry.
struct BodyScan {
    /// Functions that call anything, or have large frames, check the stack
    /// limit on entry; a leaf with a small frame cannot exhaust the margin.
    needs_stack_check: bool,
    /// Whether any instruction reads linear memory's base or size.
    uses_memory: bool,
}

fn scan_body(body: &FunctionBody) -> Result<BodyScan> {
    use wasmparser::Operator::*;
    let mut locals = 0u64;
    for l in body.get_locals_reader()? {
        locals += l?.0 as u64;
    }
    let mut scan = BodyScan { needs_stack_check: locals > 512, uses_memory: false };
    let mut reader = body.get_operators_reader()?;
    while !reader.eof() {
        match reader.read()? {
            Call { .. } | CallIndirect { .. } => scan.needs_stack_check = true,
            I32Load { .. }
            | I64Load { .. }
            | F32Load { .. }
            | F64Load { .. }
            | I32Load8S { .. }
            | I32Load8U { .. }
            | I32Load16S { .. }
            | I32Load16U { .. }
            | I64Load8S { .. }
            | I64Load8U { .. }
            | I64Load16S { .. }
            | I64Load16U { .. }
            | I64Load32S { .. }
            | I64Load32U { .. }
            | I32Store { .. }
            | I64Store { .. }
            | F32Store { .. }
            | F64Store { .. }
            | I32Store8 { .. }
            | I32Store16 { .. }
            | I64Store8 { .. }
            | I64Store16 { .. }
            | I64Store32 { .. }
            | V128Load { .. }
            | V128Load8x8S { .. }
            | V128Load8x8U { .. }
            | V128Load16x4S { .. }
            | V128Load16x4U { .. }
            | V128Load32x2S { .. }
            | V128Load32x2U { .. }
            | V128Load8Splat { .. }
            | V128Load16Splat { .. }
            | V128Load32Splat { .. }
            | V128Load64Splat { .. }
            | V128Load32Zero { .. }
            | V128Load64Zero { .. }
            | V128Store { .. }
            | V128Load8Lane { .. }
            | V128Load16Lane { .. }
            | V128Load32Lane { .. }
            | V128Load64Lane { .. }
            | V128Store8Lane { .. }
            | V128Store16Lane { .. }
            | V128Store32Lane { .. }
            | V128Store64Lane { .. } => scan.uses_memory = true,
            _ => {}
        }
    }
    Ok(scan)
}

impl<'m, 'ctx, 'a> FuncTranslator<'m, 'ctx, 'a> {
    /// A translator positioned at the start of `func`'s new entry block.
    pub fn new(m: &'m ModuleCtx<'ctx, 'a>, func: FunctionValue<'ctx>) -> Result<Self> {
        let b = m.cx.create_builder();
        let entry = m.cx.append_basic_block(func, "entry");
        b.position_at_end(entry);
        let vmctx = func
            .get_nth_param(0)
            .ok_or_else(|| Error::backend("function without vmctx"))?
            .into_pointer_value();
        Ok(FuncTranslator {
            m,
            b,
            func,
            vmctx,
            locals: Vec::new(),
            stack: Vec::new(),
            frames: Vec::new(),
            dead: false,
            dead_depth: 0,
            entry,
            traps: BTreeMap::new(),
            mem_slots: None,
            offset: 0,
        })
    }

    fn declare_locals(&mut self, f: u32, body: &FunctionBody) -> Result<()> {
        let ty = self.m.info.func_type(f);
        for (i, p) in ty.params().iter().enumerate() {
            let lt = self.m.val_type(*p);
            let slot = self.alloca(lt)?;
            let v =
                self.func.get_nth_param(i as u32 + 1).ok_or_else(|| Error::backend("missing parameter"))?;
            self.b.build_store(slot, v)?;
            self.locals.push((slot, lt));
        }
        for l in body.get_locals_reader()? {
            let (n, t) = l?;
            let lt = self.m.val_type(t);
            for _ in 0..n {
                let slot = self.alloca(lt)?;
                self.b.build_store(slot, zero(lt))?;
                self.locals.push((slot, lt));
            }
        }
        Ok(())
    }

    /// An alloca in the entry block, so mem2reg promotes it.
    pub fn alloca(&self, ty: BasicTypeEnum<'ctx>) -> Result<PointerValue<'ctx>> {
        let ab = self.m.cx.create_builder();
        match self.entry.get_first_instruction() {
            Some(i) => ab.position_before(&i),
            None => ab.position_at_end(self.entry),
        }
        Ok(ab.build_alloca(ty, "")?)
    }

    /// One alloca per type.
    pub fn make_slots(&self, types: &[BasicTypeEnum<'ctx>]) -> Result<Vec<PointerValue<'ctx>>> {
        types.iter().map(|t| self.alloca(*t)).collect()
    }

    /// The wasm offset of the current operator, for errors.
    pub fn err(&self, msg: &str) -> Error {
        Error::at(crate::error::ErrorKind::Backend, self.offset, msg.to_string())
    }

    pub fn push(&mut self, v: impl BasicValue<'ctx>) {
        self.stack.push(v.as_basic_value_enum());
    }

    pub fn pop(&mut self) -> Result<BasicValueEnum<'ctx>> {
        self.stack.pop().ok_or_else(|| self.err("operand stack underflow"))
    }

    pub fn pop_int(&mut self) -> Result<IntValue<'ctx>> {
        match self.pop()? {
            BasicValueEnum::IntValue(v) => Ok(v),
            _ => Err(self.err("expected an integer operand")),
        }
    }

    pub fn pop_float(&mut self) -> Result<inkwell::values::FloatValue<'ctx>> {
        match self.pop()? {
            BasicValueEnum::FloatValue(v) => Ok(v),
            _ => Err(self.err("expected a float operand")),
        }
    }

    pub fn pop_ptr(&mut self) -> Result<PointerValue<'ctx>> {
        match self.pop()? {
            BasicValueEnum::PointerValue(v) => Ok(v),
            _ => Err(self.err("expected a reference operand")),
        }
    }

    /// Pop `n` values, in stack order (deepest first).
    pub fn pop_n(&mut self, n: usize) -> Result<Vec<BasicValueEnum<'ctx>>> {
        if self.stack.len() < n {
            return Err(self.err("operand stack underflow"));
        }
        Ok(self.stack.split_off(self.stack.len() - n))
    }

    /// Load `ty` from `ptr + offset` with a TBAA tag, optionally invariant.
    pub fn load_at(
        &self,
        ptr: PointerValue<'ctx>,
        offset: u32,
        ty: BasicTypeEnum<'ctx>,
        invariant: bool,
    ) -> Result<BasicValueEnum<'ctx>> {
        let p = self.byte_gep(ptr, self.m.cx.i32_type().const_int(offset as u64, false))?;
        let v = self.b.build_load(ty, p, "")?;
        let inst = v.as_instruction_value().ok_or_else(|| self.err("load"))?;
        self.tag(inst, self.m.tbaa.vmctx)?;
        if invariant {
            let empty = self.m.cx.metadata_node(&[]);
            inst.set_metadata(empty, self.m.invariant_kind).map_err(|_| self.err("metadata"))?;
        }
        Ok(v)
    }

    /// A field of the instance that never changes after instantiation.
    pub fn vmctx_ptr(&self, offset: u32) -> Result<PointerValue<'ctx>> {
        Ok(self.load_at(self.vmctx, offset, self.m.ptr_type().into(), true)?.into_pointer_value())
    }

    /// `ptr + off` in bytes.
    pub fn byte_gep(&self, ptr: PointerValue<'ctx>, off: IntValue<'ctx>) -> Result<PointerValue<'ctx>> {
        // SAFETY: an i8 GEP on an opaque pointer is always well-formed IR.
        Ok(unsafe { self.b.build_gep(self.m.cx.i8_type(), ptr, &[off], "")? })
    }

    /// Attach a TBAA access tag.
    pub fn tag(&self, inst: InstructionValue<'ctx>, tag: inkwell::values::MetadataValue<'ctx>) -> Result<()> {
        inst.set_metadata(tag, self.m.tbaa.kind).map_err(|_| self.err("metadata"))
    }

    /// The cold block that raises `code`, one per code per function.
    pub fn trap_block(&mut self, code: TrapCode) -> Result<BasicBlock<'ctx>> {
        if let Some(bb) = self.traps.get(&code) {
            return Ok(*bb);
        }
        let bb = self.m.cx.append_basic_block(self.func, &format!("trap_{code:?}"));
        let saved = self.b.get_insert_block();
        self.b.position_at_end(bb);
        let trap = self.m.runtime_fn(&crate::abi::symbols::TRAP);
        let code_v = self.m.cx.i32_type().const_int(code as u64, false);
        self.b.build_call(trap, &[self.vmctx.into(), code_v.into()], "")?;
        self.b.build_unreachable()?;
        if let Some(s) = saved {
            self.b.position_at_end(s);
        }
        self.traps.insert(code, bb);
        Ok(bb)
    }

    /// Trap with `code` when `cond` holds; the trap edge is marked cold.
    pub fn trap_if(&mut self, cond: IntValue<'ctx>, code: TrapCode) -> Result<()> {
        let trap = self.trap_block(code)?;
        self.cold_branch(cond, trap)
    }

    /// Go to `cold` when `cond` holds (weighted as almost never), else
    /// continue in a new block.
    pub fn cold_branch(&mut self, cond: IntValue<'ctx>, cold: BasicBlock<'ctx>) -> Result<()> {
        let cont = self.m.cx.append_basic_block(self.func, "");
        let br = self.b.build_conditional_branch(cond, cold, cont)?;
        let i32t = self.m.cx.i32_type();
        let weights = self.m.cx.metadata_node(&[
            self.m.cx.metadata_string("branch_weights").into(),
            i32t.const_int(1, false).into(),
            i32t.const_int(1 << 20, false).into(),
        ]);
        br.set_metadata(weights, self.m.prof_kind).map_err(|_| self.err("metadata"))?;
        self.b.position_at_end(cont);
        Ok(())
    }

    /// Unconditionally trap; what follows is dead.
    pub fn trap(&mut self, code: TrapCode) -> Result<()> {
        let bb = self.trap_block(code)?;
        self.b.build_unconditional_branch(bb)?;
        self.dead = true;
        Ok(())
    }

    /// Check the stack pointer against `ctx->stack_limit`.
    ///
    /// The stack pointer comes from `llvm.stacksave`, not
    /// `llvm.frameaddress`: the latter forces a frame pointer, which costs
    /// a push/pop per call and a callee-saved register in every function
    /// (vmctx then often spills in loops that make calls).
    fn stack_check(&mut self) -> Result<()> {
        let save = inkwell::intrinsics::Intrinsic::find("llvm.stacksave")
            .ok_or_else(|| self.err("llvm.stacksave"))?
            .get_declaration(&self.m.module, &[self.m.ptr_type().into()])
            .ok_or_else(|| self.err("llvm.stacksave"))?;
        let fa = self
            .b
            .build_call(save, &[], "")?
            .try_as_basic_value()
            .basic()
            .ok_or_else(|| self.err("stacksave"))?
            .into_pointer_value();
        let ip = self.m.intptr_type();
        let sp = self.b.build_ptr_to_int(fa, ip, "")?;
        let limit =
            self.load_at(self.vmctx, self.m.layout.vmctx_stack_limit(), ip.into(), true)?.into_int_value();
        let low = self.b.build_int_compare(IntPredicate::ULT, sp, limit, "")?;
        self.trap_if(low, TrapCode::StackExhausted)
    }

    /// The memory base and size, from the per-function cache slots.
    pub fn memory(&mut self) -> Result<(PointerValue<'ctx>, IntValue<'ctx>)> {
        let (base_slot, size_slot) = match self.mem_slots {
            Some(s) => s,
            None => {
                let p = self.m.ptr_type();
                let s = (self.alloca(p.into())?, self.alloca(self.m.cx.i64_type().into())?);
                self.mem_slots = Some(s);
                // Load once at entry; every path starts there.
                let here = self.b.get_insert_block();
                match self.entry.get_terminator() {
                    Some(t) => self.b.position_before(&t),
                    None => self.b.position_at_end(self.entry),
                }
                self.reload_memory_into(s)?;
                if let Some(h) = here {
                    self.b.position_at_end(h);
                }
                s
            }
        };
        let base = self.b.build_load(self.m.ptr_type(), base_slot, "membase")?.into_pointer_value();
        let size = self.b.build_load(self.m.cx.i64_type(), size_slot, "memsize")?.into_int_value();
        Ok((base, size))
    }

    fn reload_memory_into(
        &mut self,
        (base_slot, size_slot): (PointerValue<'ctx>, PointerValue<'ctx>),
    ) -> Result<()> {
        let l = self.m.layout;
        // With a strategy that never moves memory the base is invariant.
        let invariant = !self.m.opts.strategy.memory_may_move();
        let base = self.load_at(self.vmctx, l.vmctx_memory_base(), self.m.ptr_type().into(), invariant)?;
        self.b.build_store(base_slot, base)?;
        self.reload_memory_size(size_slot)
    }

    /// The instance's copy of the memory size (awsm.h keeps it current),
    /// or the constant size of a memory that cannot grow.
    fn reload_memory_size(&mut self, size_slot: PointerValue<'ctx>) -> Result<()> {
        let i64t = self.m.cx.i64_type();
        let size = match self.fixed_memory_size() {
            Some(bytes) => i64t.const_int(bytes, false).into(),
            None => self.load_at(self.vmctx, self.m.layout.vmctx_memory_size(), i64t.into(), false)?,
        };
        self.b.build_store(size_slot, size)?;
        Ok(())
    }

    /// The size in bytes of memory 0 if it is defined here (not imported)
    /// with a maximum equal to its minimum: it is allocated at that size
    /// and memory.grow can only fail, so every check can use a constant
    /// (LLVM then folds checks of bounded indices, such as a table lookup
    /// `t[x & 255]`, and Cortex-M firmware usually declares such a memory).
    /// (Shared and 64-bit memories are refused when the module is parsed.)
    fn fixed_memory_size(&self) -> Option<u64> {
        let mem = self.m.info.memory.as_ref()?;
        let fixed = !self.m.info.memory_imported && mem.maximum == Some(mem.initial);
        fixed.then(|| mem.initial * 65536)
    }

    /// After a call or memory.grow: memory may have grown or moved.
    pub fn memory_changed(&mut self) -> Result<()> {
        if let Some(s) = self.mem_slots {
            if self.m.opts.strategy.memory_may_move() {
                self.reload_memory_into(s)?;
            } else {
                // Only the size can change; reload it for strategies that use it.
                self.reload_memory_size(s.1)?;
            }
        }
        Ok(())
    }

    /// Which wasm type a value on the stack has (for `select`, `drop`).
    pub fn block_types(&self, bt: wasmparser::BlockType) -> (Vec<ValType>, Vec<ValType>) {
        match bt {
            wasmparser::BlockType::Empty => (vec![], vec![]),
            wasmparser::BlockType::Type(t) => (vec![], vec![t]),
            wasmparser::BlockType::FuncType(i) => {
                let ft = &self.m.info.types[i as usize];
                (ft.params().to_vec(), ft.results().to_vec())
            }
        }
    }
}

/// The zero value of a type (locals start zeroed, refs null).
pub fn zero(ty: BasicTypeEnum) -> BasicValueEnum {
    match ty {
        BasicTypeEnum::IntType(t) => t.const_zero().into(),
        BasicTypeEnum::FloatType(t) => t.const_zero().into(),
        BasicTypeEnum::PointerType(t) => t.const_null().into(),
        other => other.const_zero(),
    }
}
