//! ModuleInfo: everything the translator needs to know about a module,
//! gathered in one pass after full validation by wasmparser.
//!
//! Validation runs first over the whole binary (with the WebAssembly 2.0
//! feature set, SIMD128 included), so the translator can trust operand
//! types; any error carries the byte offset wasmparser reports.

mod unsupported;

use crate::error::{Error, ErrorKind, Result};
use wasmparser::{
    ConstExpr, DataKind, ElementItems, ElementKind, ExternalKind, FuncType, GlobalType, MemoryType, Operator,
    Parser, Payload, RefType, TableInit, TableType, TypeRef, ValType, Validator, WasmFeatures,
};

/// A constant initializer, decoded from a const expression.
#[derive(Clone, Debug)]
pub enum Init {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
    V128(u128),
    RefNull,
    RefFunc(u32),
    GlobalGet(u32),
}

/// One element of an element segment.
#[derive(Clone, Debug)]
pub enum Elem {
    Null,
    Func(u32),
    Global(u32),
}

/// An element segment.
#[derive(Clone, Debug)]
pub struct ElemSegment {
    /// `Some((table, offset))` for active segments.
    pub active: Option<(u32, Init)>,
    /// Declarative segments are dropped at instantiation and never used.
    pub declared: bool,
    pub items: Vec<Elem>,
}

/// A data segment.
#[derive(Clone, Debug)]
pub struct DataSegment<'a> {
    /// `Some(offset)` for active segments.
    pub active: Option<Init>,
    pub bytes: &'a [u8],
}

/// An imported entity.
#[derive(Clone, Debug)]
pub struct Import<'a> {
    pub module: &'a str,
    pub name: &'a str,
    pub ty: TypeRef,
    /// Index within its own index space (functions, tables, globals).
    pub index: u32,
}

/// A function body: its byte range in the binary.
#[derive(Clone, Debug)]
pub struct Body<'a> {
    pub body: wasmparser::FunctionBody<'a>,
}

/// Everything about a module except the instruction stream.
#[derive(Default, Debug)]
pub struct ModuleInfo<'a> {
    pub types: Vec<FuncType>,
    pub imports: Vec<Import<'a>>,
    /// Type index of every function, imported ones first.
    pub func_types: Vec<u32>,
    pub num_imported_funcs: u32,
    pub tables: Vec<TableType>,
    /// Initializer of each defined table (after the imported ones).
    pub table_inits: Vec<Option<Init>>,
    pub num_imported_tables: u32,
    pub memory: Option<MemoryType>,
    pub memory_imported: bool,
    pub globals: Vec<GlobalType>,
    pub num_imported_globals: u32,
    /// Initializer of each defined global (after the imported ones).
    pub global_inits: Vec<Init>,
    pub exports: Vec<(&'a str, ExternalKind, u32)>,
    pub start: Option<u32>,
    pub elems: Vec<ElemSegment>,
    pub data: Vec<DataSegment<'a>>,
    pub bodies: Vec<Body<'a>>,
}

/// The feature set awsm compiles: WebAssembly 2.0 (SIMD128 included;
/// relaxed SIMD is not).
pub fn features() -> WasmFeatures {
    WasmFeatures::WASM2
}

impl<'a> ModuleInfo<'a> {
    /// Validate `wasm` and collect its ModuleInfo.
    pub fn parse(wasm: &'a [u8]) -> Result<ModuleInfo<'a>> {
        let mut validator = Validator::new_with_features(features());
        validator.validate_all(wasm).map_err(|e| unsupported::classify(wasm, features(), e))?;
        let mut info = ModuleInfo::default();
        for payload in Parser::new(0).parse_all(wasm) {
            info.add(payload?)?;
        }
        Ok(info)
    }

    fn add(&mut self, payload: Payload<'a>) -> Result<()> {
        match payload {
            Payload::TypeSection(r) => {
                for ty in r.into_iter_err_on_gc_types() {
                    self.types.push(ty?);
                }
            }
            Payload::ImportSection(r) => {
                for imp in r.into_imports_with_offsets() {
                    let (offset, imp) = imp?;
                    self.add_import(offset, imp)?;
                }
            }
            Payload::FunctionSection(r) => {
                for t in r {
                    self.func_types.push(t?);
                }
            }
            Payload::TableSection(r) => {
                for t in r {
                    let t = t?;
                    self.tables.push(t.ty);
                    self.table_inits.push(match t.init {
                        TableInit::RefNull => None,
                        TableInit::Expr(e) => Some(const_init(&e)?),
                    });
                }
            }
            Payload::MemorySection(r) => {
                for m in r.into_iter_with_offsets() {
                    let (offset, m) = m?;
                    self.set_memory(offset, m, false)?;
                }
            }
            Payload::GlobalSection(r) => {
                for g in r {
                    let g = g?;
                    self.globals.push(g.ty);
                    self.global_inits.push(const_init(&g.init_expr)?);
                }
            }
            Payload::ExportSection(r) => {
                for e in r {
                    let e = e?;
                    self.exports.push((e.name, e.kind, e.index));
                }
            }
            Payload::StartSection { func, .. } => self.start = Some(func),
            Payload::ElementSection(r) => {
                for e in r {
                    self.add_elem(e?)?;
                }
            }
            Payload::DataSection(r) => {
                for d in r {
                    let d = d?;
                    let active = match d.kind {
                        DataKind::Passive => None,
                        DataKind::Active { offset_expr, .. } => Some(const_init(&offset_expr)?),
                    };
                    self.data.push(DataSegment { active, bytes: d.data });
                }
            }
            Payload::CodeSectionEntry(body) => self.bodies.push(Body { body }),
            Payload::TagSection(r) => {
                return Err(Error::unsupported(r.range().start, "exception tags"));
            }
            _ => {}
        }
        Ok(())
    }

    fn add_import(&mut self, offset: u64, imp: wasmparser::Import<'a>) -> Result<()> {
        let index = match imp.ty {
            TypeRef::Func(t) => {
                self.func_types.push(t);
                self.num_imported_funcs += 1;
                self.num_imported_funcs - 1
            }
            TypeRef::Table(t) => {
                self.tables.push(t);
                self.num_imported_tables += 1;
                self.num_imported_tables - 1
            }
            TypeRef::Memory(m) => {
                self.set_memory(offset, m, true)?;
                0
            }
            TypeRef::Global(g) => {
                self.globals.push(g);
                self.num_imported_globals += 1;
                self.num_imported_globals - 1
            }
            _ => return Err(Error::unsupported(offset, "this kind of import")),
        };
        self.imports.push(Import { module: imp.module, name: imp.name, ty: imp.ty, index });
        Ok(())
    }

    fn set_memory(&mut self, offset: u64, m: MemoryType, imported: bool) -> Result<()> {
        if m.memory64 || m.shared || m.page_size_log2.is_some() {
            return Err(Error::unsupported(offset, "memory64, shared or custom-page memory"));
        }
        self.memory = Some(m);
        self.memory_imported = imported;
        Ok(())
    }

    fn add_elem(&mut self, e: wasmparser::Element<'a>) -> Result<()> {
        let mut items = Vec::new();
        match e.items {
            ElementItems::Functions(r) => {
                for f in r {
                    items.push(Elem::Func(f?));
                }
            }
            ElementItems::Expressions(_, r) => {
                for expr in r {
                    items.push(match const_init(&expr?)? {
                        Init::RefNull => Elem::Null,
                        Init::RefFunc(f) => Elem::Func(f),
                        Init::GlobalGet(g) => Elem::Global(g),
                        _ => {
                            return Err(Error::unsupported(e.range.start, "element expr"));
                        }
                    });
                }
            }
        }
        let (active, declared) = match e.kind {
            ElementKind::Passive => (None, false),
            ElementKind::Declared => (None, true),
            ElementKind::Active { table_index, offset_expr } => {
                (Some((table_index.unwrap_or(0), const_init(&offset_expr)?)), false)
            }
        };
        self.elems.push(ElemSegment { active, declared, items });
        Ok(())
    }

    /// Number of functions defined (not imported).
    pub fn num_defined_funcs(&self) -> u32 {
        self.func_types.len() as u32 - self.num_imported_funcs
    }

    /// The signature of function `f`.
    pub fn func_type(&self, f: u32) -> &FuncType {
        &self.types[self.func_types[f as usize] as usize]
    }

    /// The import record of imported function `f`.
    pub fn func_import(&self, f: u32) -> Option<&Import<'a>> {
        self.imports.iter().find(|i| matches!(i.ty, TypeRef::Func(_)) && i.index == f)
    }
}

/// Decode a constant expression (the wasm 2.0 forms).
pub fn const_init(expr: &ConstExpr) -> Result<Init> {
    let mut reader = expr.get_operators_reader();
    let offset = reader.original_position();
    let op = reader.read()?;
    let init = match op {
        Operator::I32Const { value } => Init::I32(value),
        Operator::I64Const { value } => Init::I64(value),
        Operator::F32Const { value } => Init::F32(value.bits()),
        Operator::F64Const { value } => Init::F64(value.bits()),
        Operator::V128Const { value } => Init::V128(value.i128() as u128),
        Operator::RefNull { .. } => Init::RefNull,
        Operator::RefFunc { function_index } => Init::RefFunc(function_index),
        Operator::GlobalGet { global_index } => Init::GlobalGet(global_index),
        _ => return Err(Error::unsupported(offset, "constant expression")),
    };
    match reader.read()? {
        Operator::End => Ok(init),
        _ => Err(Error::unsupported(offset, "extended constant expression")),
    }
}

/// Whether a value type is a reference (lowered to a pointer).
pub fn is_ref(t: ValType) -> bool {
    matches!(t, ValType::Ref(_))
}

/// The descriptor's type code of a value type.
pub fn type_code(t: ValType) -> u32 {
    match t {
        ValType::I32 => 0x7f,
        ValType::I64 => 0x7e,
        ValType::F32 => 0x7d,
        ValType::F64 => 0x7c,
        ValType::V128 => 0x7b,
        ValType::Ref(r) => ref_code(r),
    }
}

/// The descriptor's type code of a reference type.
pub fn ref_code(r: RefType) -> u32 {
    if r.is_func_ref() { 0x70 } else { 0x6f }
}

/// The canonical signature string of a function type (see awsm.h).
pub fn signature(ty: &FuncType) -> String {
    let letter = |t: &ValType| match t {
        ValType::I32 => 'i',
        ValType::I64 => 'I',
        ValType::F32 => 'f',
        ValType::F64 => 'F',
        ValType::V128 => 'v',
        ValType::Ref(r) if r.is_func_ref() => 'r',
        ValType::Ref(_) => 'e',
    };
    let mut s: String = ty.params().iter().map(letter).collect();
    s.push(':');
    s.extend(ty.results().iter().map(letter));
    s
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Error {
        Error::new(kind, "error")
    }
}
