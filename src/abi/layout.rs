//! Byte offsets of the runtime structures generated code reads, for a
//! target's pointer width (never the host's). Mirrors awsm.h.

/// Offsets of the structures in awsm.h for one pointer width.
#[derive(Clone, Copy, Debug)]
pub struct Layout {
    /// Pointer size in bytes (4 or 8).
    pub ptr: u32,
}

/// Size of `awsm_global` and `awsm_val`: 16 bytes so a v128 fits.
pub const CELL_SIZE: u32 = 16;

impl Layout {
    /// Layout for a target with `ptr`-byte pointers.
    pub fn new(ptr: u32) -> Layout {
        Layout { ptr }
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

    // --- awsm_memory ---
    /// `uint8_t *base`
    pub fn memory_base(&self) -> u32 {
        0
    }
    /// `uint64_t size` (bytes)
    pub fn memory_size(&self) -> u32 {
        self.ptr
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
    /// `sizeof(awsm_funcref)`
    pub fn funcref_size(&self) -> u32 {
        if self.ptr == 8 { 24 } else { 12 }
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

    /// `(C expression, offset)` pairs for the layout test.
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
            ("offsetof(awsm_memory, base)", self.memory_base()),
            ("offsetof(awsm_memory, size)", self.memory_size()),
            ("offsetof(awsm_funcref, fn)", self.funcref_fn()),
            ("offsetof(awsm_funcref, ctx)", self.funcref_ctx()),
            ("offsetof(awsm_funcref, type_id)", self.funcref_type_id()),
            ("sizeof(awsm_funcref)", self.funcref_size()),
            ("offsetof(awsm_table, elems)", self.table_elems()),
            ("offsetof(awsm_table, size)", self.table_size()),
            ("sizeof(awsm_global)", CELL_SIZE),
            ("sizeof(awsm_val)", CELL_SIZE),
        ]
    }
}
