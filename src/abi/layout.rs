//! Byte offsets of the runtime structures generated code reads, for one
//! target (never the host). Mirrors awsm.h; `tests/abi_layout.rs` checks
//! every offset here against the header with clang for each target.
//!
//! Two numbers decide the layout: the pointer width, and the alignment of
//! `uint64_t` inside structs, which is not a function of the pointer width:
//! 4 on i686 (System V i386 ABI) but 8 on 32-bit ARM (AAPCS). So
//! `awsm_memory.size` is at 4 on i686 and at 8 on thumbv7em.

/// Offsets of the structures in awsm.h for one target.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// Pointer size in bytes (4 or 8).
    pub ptr: u32,
    /// Alignment of `uint64_t` as a struct member (4 or 8).
    pub u64_align: u32,
}

/// Size of `awsm_global` and `awsm_val`: 16 bytes so a v128 fits.
pub const CELL_SIZE: u32 = 16;

/// `n` rounded up to a multiple of `align` (a power of two).
pub(crate) const fn align_up(n: u32, align: u32) -> u32 {
    (n + align - 1) & !(align - 1)
}

impl Layout {
    /// Layout for a target with `ptr`-byte pointers whose `uint64_t`
    /// struct members are `u64_align`-byte aligned.
    pub fn new(ptr: u32, u64_align: u32) -> Layout {
        Layout { ptr, u64_align }
    }

    // --- awsm_instance: the prefix generated code reads ---
    /// `awsm_memory *memory`
    pub fn vmctx_memory(&self) -> u32 {
        0
    }
    /// `awsm_global **globals`
    pub fn vmctx_globals(&self) -> u32 {
        self.ptr
    }
    /// `awsm_table **tables`
    pub fn vmctx_tables(&self) -> u32 {
        2 * self.ptr
    }
    /// `awsm_funcref *funcs`
    pub fn vmctx_funcs(&self) -> u32 {
        3 * self.ptr
    }
    /// `const uint32_t *type_ids`
    pub fn vmctx_type_ids(&self) -> u32 {
        4 * self.ptr
    }
    /// `uintptr_t stack_limit`
    pub fn vmctx_stack_limit(&self) -> u32 {
        5 * self.ptr
    }
    /// `uint8_t *data_dropped`
    pub fn vmctx_data_dropped(&self) -> u32 {
        6 * self.ptr
    }
    /// `uint8_t *elem_dropped`
    pub fn vmctx_elem_dropped(&self) -> u32 {
        7 * self.ptr
    }
    /// `uint8_t *memory_base`: memory 0's base, one load from the vmctx.
    pub fn vmctx_memory_base(&self) -> u32 {
        8 * self.ptr
    }
    /// `uint64_t memory_size`: memory 0's size in bytes, likewise.
    pub fn vmctx_memory_size(&self) -> u32 {
        align_up(9 * self.ptr, self.u64_align)
    }

    // --- awsm_memory ---
    /// `uint8_t *base`
    pub fn memory_base(&self) -> u32 {
        0
    }
    /// `uint64_t size` (bytes): the first `uint64_t` after a pointer.
    pub fn memory_size(&self) -> u32 {
        align_up(self.ptr, self.u64_align)
    }
    /// `uint64_t max_size`; generated code does not read it, the layout
    /// test checks it so the whole struct is known to agree.
    pub fn memory_max_size(&self) -> u32 {
        self.memory_size() + 8
    }
    /// `sizeof(awsm_memory)`: pointer, three `uint64_t`s, padded.
    pub fn memory_struct_size(&self) -> u32 {
        align_up(self.memory_size() + 24, self.ptr.max(self.u64_align))
    }

    // --- awsm_funcref ---
    /// `void *fn`
    pub fn funcref_fn(&self) -> u32 {
        0
    }
    /// `awsm_instance *ctx`
    pub fn funcref_ctx(&self) -> u32 {
        self.ptr
    }
    /// `uint32_t type_id`
    pub fn funcref_type_id(&self) -> u32 {
        2 * self.ptr
    }
    /// `sizeof(awsm_funcref)`: two pointers and a `uint32_t`, padded to
    /// pointer alignment (24 on 64-bit targets, 12 on 32-bit ones).
    pub fn funcref_size(&self) -> u32 {
        align_up(2 * self.ptr + 4, self.ptr)
    }

    // --- awsm_table ---
    /// `void **elems`
    pub fn table_elems(&self) -> u32 {
        0
    }
    /// `uint32_t size`
    pub fn table_size(&self) -> u32 {
        self.ptr
    }
    /// `uint32_t max_size`; checked by the layout test only.
    pub fn table_max_size(&self) -> u32 {
        self.ptr + 4
    }

    /// `(C expression, value)` pairs for the layout test, which turns each
    /// into `_Static_assert(expr == value)` and compiles it against awsm.h
    /// for the target.
    pub fn checks(&self) -> Vec<(&'static str, u32)> {
        vec![
            ("offsetof(awsm_instance, memory)", self.vmctx_memory()),
            ("offsetof(awsm_instance, globals)", self.vmctx_globals()),
            ("offsetof(awsm_instance, tables)", self.vmctx_tables()),
            ("offsetof(awsm_instance, funcs)", self.vmctx_funcs()),
            ("offsetof(awsm_instance, type_ids)", self.vmctx_type_ids()),
            ("offsetof(awsm_instance, stack_limit)", self.vmctx_stack_limit()),
            ("offsetof(awsm_instance, data_dropped)", self.vmctx_data_dropped()),
            ("offsetof(awsm_instance, elem_dropped)", self.vmctx_elem_dropped()),
            ("offsetof(awsm_instance, memory_base)", self.vmctx_memory_base()),
            ("offsetof(awsm_instance, memory_size)", self.vmctx_memory_size()),
            ("sizeof(((awsm_instance *)0)->stack_limit)", self.ptr),
            ("offsetof(awsm_memory, base)", self.memory_base()),
            ("offsetof(awsm_memory, size)", self.memory_size()),
            ("offsetof(awsm_memory, max_size)", self.memory_max_size()),
            ("sizeof(awsm_memory)", self.memory_struct_size()),
            ("offsetof(awsm_funcref, fn)", self.funcref_fn()),
            ("offsetof(awsm_funcref, ctx)", self.funcref_ctx()),
            ("offsetof(awsm_funcref, type_id)", self.funcref_type_id()),
            ("sizeof(awsm_funcref)", self.funcref_size()),
            ("offsetof(awsm_table, elems)", self.table_elems()),
            ("offsetof(awsm_table, size)", self.table_size()),
            ("offsetof(awsm_table, max_size)", self.table_max_size()),
            ("sizeof(awsm_global)", CELL_SIZE),
            ("sizeof(awsm_val)", CELL_SIZE),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::Layout;

    #[test]
    fn memory_size_follows_u64_alignment_not_pointer_width() {
        assert_eq!(Layout::new(8, 8).memory_size(), 8); // x86-64, aarch64
        assert_eq!(Layout::new(4, 4).memory_size(), 4); // i686
        assert_eq!(Layout::new(4, 8).memory_size(), 8); // ARMv7 (AAPCS)
        assert_eq!(Layout::new(4, 4).memory_struct_size(), 28);
        assert_eq!(Layout::new(4, 8).memory_struct_size(), 32);
        assert_eq!(Layout::new(8, 8).vmctx_memory_size(), 72);
        assert_eq!(Layout::new(4, 4).vmctx_memory_size(), 36);
        assert_eq!(Layout::new(4, 8).vmctx_memory_size(), 40);
        assert_eq!(Layout::new(8, 8).funcref_size(), 24);
        assert_eq!(Layout::new(4, 8).funcref_size(), 12);
    }
}
