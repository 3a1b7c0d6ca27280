//! The module descriptor (`awsm_module` in awsm.h) and the structures it
//! points to, field by field, declared once. src/translate/descriptor.rs
//! builds its LLVM struct types from these lists and names every value it
//! puts in a field, so a field added, dropped or moved here or there is an
//! error, not a silently shifted descriptor; `tests/abi_layout.rs` checks
//! every field's offset, computed here with C's rules for each target,
//! against the header.

use super::layout::{Layout, align_up};

/// ABI version written into the descriptor; mirrors `AWSM_ABI_VERSION`,
/// bumped whenever the descriptor or instance layout changes.
pub const ABI_VERSION: u32 = 4;

/// The C type of a descriptor field.
#[derive(Clone, Copy, Debug)]
pub enum Field {
    /// `uint32_t`
    U32,
    /// `int32_t`
    I32,
    /// Any pointer, data or function.
    Ptr,
    /// A nested structure, by value.
    Struct(&'static CStruct),
}

/// A C structure: its tag in awsm.h and its fields in declaration order.
#[derive(Debug)]
pub struct CStruct {
    pub c_name: &'static str,
    pub fields: &'static [(&'static str, Field)],
}

use Field::*;

/// `awsm_limits`: a memory's (pages) or table's (elements) limits.
pub const LIMITS: CStruct =
    CStruct { c_name: "awsm_limits", fields: &[("min", U32), ("max", U32), ("has_max", U32)] };

/// `awsm_type_desc`: a function type's signature string, generic-call
/// trampoline and host thunk.
pub const TYPE_DESC: CStruct =
    CStruct { c_name: "awsm_type_desc", fields: &[("sig", Ptr), ("call", Ptr), ("host_thunk", Ptr)] };

/// `awsm_import_desc`
pub const IMPORT_DESC: CStruct = CStruct {
    c_name: "awsm_import_desc",
    fields: &[
        ("module", Ptr),
        ("name", Ptr),
        ("kind", U32),
        ("index", U32),
        ("type", U32),
        ("mut", U32),
        ("limits", Struct(&LIMITS)),
    ],
};

/// `awsm_export_desc`
pub const EXPORT_DESC: CStruct = CStruct {
    c_name: "awsm_export_desc",
    fields: &[("name", Ptr), ("kind", U32), ("index", U32), ("name_len", U32)],
};

/// `awsm_global_desc`
pub const GLOBAL_DESC: CStruct =
    CStruct { c_name: "awsm_global_desc", fields: &[("type", U32), ("mut", U32)] };

/// `awsm_table_desc`
pub const TABLE_DESC: CStruct =
    CStruct { c_name: "awsm_table_desc", fields: &[("elem_type", U32), ("limits", Struct(&LIMITS))] };

/// `awsm_module`: everything the runtime instantiates a module from.
pub const MODULE: CStruct = CStruct {
    c_name: "awsm_module",
    fields: &[
        ("abi_version", U32),
        ("name", Ptr),
        ("num_types", U32),
        ("types", Ptr),
        ("num_funcs", U32),
        ("num_imported_funcs", U32),
        ("func_types", Ptr),
        ("func_ptrs", Ptr),
        ("num_imports", U32),
        ("imports", Ptr),
        ("num_exports", U32),
        ("exports", Ptr),
        ("num_globals", U32),
        ("num_imported_globals", U32),
        ("globals", Ptr),
        ("num_tables", U32),
        ("num_imported_tables", U32),
        ("tables", Ptr),
        ("has_memory", U32),
        ("memory_imported", U32),
        ("memory_limits", Struct(&LIMITS)),
        ("num_data", U32),
        ("num_elems", U32),
        ("init", Ptr),
        ("start_func", I32),
        ("memory_strategy", U32),
        ("code_start", Ptr),
        ("code_end", Ptr),
    ],
};

/// Every structure above, for the ABI test.
pub const ALL: [&CStruct; 7] =
    [&LIMITS, &TYPE_DESC, &IMPORT_DESC, &EXPORT_DESC, &GLOBAL_DESC, &TABLE_DESC, &MODULE];

impl Field {
    /// `(size, alignment)` on a target with `layout`.
    fn size_align(&self, layout: &Layout) -> (u32, u32) {
        match self {
            U32 | I32 => (4, 4),
            Ptr => (layout.ptr, layout.ptr),
            Struct(s) => (s.size(layout), s.align(layout)),
        }
    }
}

impl CStruct {
    /// Byte offset of each field, in order, with C's layout rules.
    pub fn offsets(&self, layout: &Layout) -> Vec<u32> {
        let mut at = 0;
        self.fields
            .iter()
            .map(|(_, f)| {
                let (size, align) = f.size_align(layout);
                let offset = align_up(at, align);
                at = offset + size;
                offset
            })
            .collect()
    }

    /// Alignment: the largest of its fields'.
    pub fn align(&self, layout: &Layout) -> u32 {
        self.fields.iter().map(|(_, f)| f.size_align(layout).1).max().unwrap_or(1)
    }

    /// `sizeof`: the end of the last field, padded to the alignment.
    pub fn size(&self, layout: &Layout) -> u32 {
        let end = match (self.fields.last(), self.offsets(layout).last()) {
            (Some((_, f)), Some(offset)) => offset + f.size_align(layout).0,
            _ => 0,
        };
        align_up(end, self.align(layout))
    }

    /// `(C expression, value)` pairs for the layout test: every field's
    /// `offsetof` and the struct's `sizeof`.
    pub fn checks(&self, layout: &Layout) -> Vec<(String, u32)> {
        let mut checks: Vec<_> = self
            .fields
            .iter()
            .zip(self.offsets(layout))
            .map(|((name, _), offset)| (format!("offsetof({}, {name})", self.c_name), offset))
            .collect();
        checks.push((format!("sizeof({})", self.c_name), self.size(layout)));
        checks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn module_offsets_follow_the_pointer_width() {
        let (l64, l32) = (Layout::new(8, 8), Layout::new(4, 4));
        let at = |l: &Layout, name: &str| {
            let i = MODULE.fields.iter().position(|(n, _)| *n == name).unwrap();
            MODULE.offsets(l)[i]
        };
        assert_eq!(at(&l64, "name"), 8);
        assert_eq!(at(&l32, "name"), 4);
        assert_eq!(at(&l64, "init"), 152);
        assert_eq!(at(&l32, "init"), 100);
        assert_eq!(at(&l64, "code_end"), 176);
        assert_eq!(MODULE.size(&l64), 184);
        assert_eq!(MODULE.size(&l32), 120);
        assert_eq!(IMPORT_DESC.size(&l64), 48);
        assert_eq!(IMPORT_DESC.size(&l32), 36);
    }
}
