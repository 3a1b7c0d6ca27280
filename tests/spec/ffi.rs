//! The parts of `runtime/include/awsm.h` the runner uses, mirrored with
//! `#[repr(C)]` for the host (x86-64), plus `dlopen`/`dlsym`.
//!
//! The runtime's embedding API is not linked into this test binary: every
//! compiled module's shared object carries the runtime with weak_odr
//! linkage, and loading them with `RTLD_GLOBAL` makes the first one's
//! definitions the process-wide runtime. [`Api`] resolves the entry
//! points from that global scope.

use std::ffi::{CStr, CString, c_char, c_int, c_void};
use std::path::Path;
use std::sync::OnceLock;

/// `awsm_val`: a 16-byte union; floats are kept as their bits.
#[repr(C)]
#[derive(Clone, Copy)]
pub union Val {
    pub i32: i32,
    pub i64: i64,
    pub f32: u32,
    pub f64: u64,
    pub ptr: *mut c_void,
    pub bytes: [u8; 16],
}

impl Val {
    pub const ZERO: Val = Val { bytes: [0; 16] };
}

/// `awsm_limits`
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    pub min: u32,
    pub max: u32,
    pub has_max: u32,
}

/// `awsm_import_desc`
#[repr(C)]
pub struct ImportDesc {
    pub module: *const c_char,
    pub name: *const c_char,
    pub kind: u32,
    pub index: u32,
    pub ty: u32,
    pub mutable: u32,
    pub limits: Limits,
}

/// `awsm_export_desc`
#[repr(C)]
pub struct ExportDesc {
    pub name: *const c_char,
    pub kind: u32,
    pub index: u32,
    pub name_len: u32,
}

impl ExportDesc {
    /// The name's bytes (which may include NUL bytes).
    pub fn name(&self) -> &[u8] {
        // SAFETY: the compiler emits `name_len` bytes at `name`.
        unsafe { std::slice::from_raw_parts(self.name as *const u8, self.name_len as usize) }
    }
}

/// `awsm_global_desc`
#[repr(C)]
pub struct GlobalDesc {
    pub ty: u32,
    pub mutable: u32,
}

/// The prefix of `awsm_module` the runner reads (it never allocates one).
#[repr(C)]
pub struct ModuleDesc {
    pub abi_version: u32,
    pub name: *const c_char,
    pub num_types: u32,
    pub types: *const c_void,
    pub num_funcs: u32,
    pub num_imported_funcs: u32,
    pub func_types: *const u32,
    pub func_ptrs: *const c_void,
    pub num_imports: u32,
    pub imports: *const ImportDesc,
    pub num_exports: u32,
    pub exports: *const ExportDesc,
    pub num_globals: u32,
    pub num_imported_globals: u32,
    pub globals: *const GlobalDesc,
}

impl ModuleDesc {
    /// The import descriptors.
    pub fn imports(&self) -> &[ImportDesc] {
        if self.num_imports == 0 {
            return &[];
        }
        // SAFETY: the compiler emits `num_imports` descriptors at `imports`.
        unsafe { std::slice::from_raw_parts(self.imports, self.num_imports as usize) }
    }

    /// The export descriptors.
    pub fn exports(&self) -> &[ExportDesc] {
        if self.num_exports == 0 {
            return &[];
        }
        // SAFETY: as above, `num_exports` descriptors.
        unsafe { std::slice::from_raw_parts(self.exports, self.num_exports as usize) }
    }

    /// The export named `name`: (kind, index).
    pub fn export(&self, name: &str) -> Option<(u32, u32)> {
        self.exports().iter().find(|e| e.name() == name.as_bytes()).map(|e| (e.kind, e.index))
    }

    /// The declared type code of global `index` (imported ones first).
    pub fn global_type(&self, index: u32) -> Option<u32> {
        if index >= self.num_globals {
            return None;
        }
        // SAFETY: `num_globals` descriptors at `globals`.
        Some(unsafe { (*self.globals.add(index as usize)).ty })
    }
}

/// `awsm_funcref`
#[repr(C)]
pub struct Funcref {
    pub func: *mut c_void,
    pub ctx: *mut c_void,
    pub type_id: u32,
}

/// `awsm_host_callback`
pub type HostCallback = unsafe extern "C" fn(*mut c_void, *mut c_void, *const Val, *mut Val) -> i32;

/// `awsm_extern`; the union `u` is one pointer.
#[repr(C)]
pub struct Extern {
    pub module: *const c_char,
    pub name: *const c_char,
    pub kind: u32,
    pub u: *mut c_void,
    pub host_callback: Option<HostCallback>,
    pub host_env: *mut c_void,
    pub host_sig: *const c_char,
}

/// `awsm_result`
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct CallResult {
    pub code: c_int,
    pub exit_status: i32,
}

pub const KIND_FUNC: u32 = 0;
pub const KIND_TABLE: u32 = 1;
pub const KIND_MEMORY: u32 = 2;
pub const KIND_GLOBAL: u32 = 3;
pub const TYPE_FUNCREF: u32 = 0x70;
pub const STRATEGY_GUARD_PAGES: u32 = 0;

/// A borrowed C string as text ("" for NULL).
pub fn cstr<'a>(p: *const c_char) -> &'a str {
    if p.is_null() {
        return "";
    }
    // SAFETY: the runtime and descriptors hold NUL-terminated strings that
    // outlive every use here (static data or the runtime's buffers).
    unsafe { CStr::from_ptr(p) }.to_str().unwrap_or("<non-UTF-8>")
}

unsafe extern "C" {
    fn dlopen(filename: *const c_char, flags: c_int) -> *mut c_void;
    fn dlsym(handle: *mut c_void, symbol: *const c_char) -> *mut c_void;
    fn dlerror() -> *const c_char;
}

const RTLD_NOW: c_int = 2;
const RTLD_GLOBAL: c_int = 0x100;

/// A loaded shared object, never closed (instances may outlive its users).
#[derive(Clone, Copy, Debug)]
pub struct Library(*mut c_void);

// SAFETY: a dlopen handle may be used from any thread.
unsafe impl Send for Library {}
unsafe impl Sync for Library {}

impl Library {
    /// `dlopen(path, RTLD_NOW | RTLD_GLOBAL)`.
    pub fn open(path: &Path) -> Result<Library, String> {
        let c = CString::new(path.as_os_str().as_encoded_bytes()).map_err(|e| e.to_string())?;
        // SAFETY: a valid path string; errors are reported through dlerror.
        let h = unsafe { dlopen(c.as_ptr(), RTLD_NOW | RTLD_GLOBAL) };
        if h.is_null() {
            // SAFETY: dlerror returns NULL or a valid message.
            return Err(format!("dlopen {}: {}", path.display(), cstr(unsafe { dlerror() })));
        }
        Ok(Library(h))
    }

    /// The address of `symbol` as this object resolves it, or NULL.
    pub fn symbol(&self, symbol: &str) -> *mut c_void {
        let Ok(c) = CString::new(symbol) else { return std::ptr::null_mut() };
        // SAFETY: a live handle and a valid symbol name.
        unsafe { dlsym(self.0, c.as_ptr()) }
    }
}

/// The address of `symbol` in the process's global scope.
pub fn global_symbol(symbol: &str) -> *mut c_void {
    let Ok(c) = CString::new(symbol) else { return std::ptr::null_mut() };
    // SAFETY: RTLD_DEFAULT (NULL) searches the global scope.
    unsafe { dlsym(std::ptr::null_mut(), c.as_ptr()) }
}

pub type Instance = *mut c_void;

/// Declares `Api` (one field per runtime entry point) and its resolver.
macro_rules! runtime_api {
    ($($field:ident = $sym:literal: $ty:ty;)*) => {
        /// The embedding API entry points of one runtime copy.
        #[derive(Clone, Copy)]
        pub struct Api {
            $(pub $field: $ty,)*
        }

        impl Api {
            /// The entry points `lookup` finds (a library's or the global scope's).
            pub fn resolve(lookup: impl Fn(&str) -> *mut c_void) -> Result<Api, String> {
                Ok(Api {
                    $($field: {
                        let p = lookup($sym);
                        if p.is_null() {
                            return Err(format!("runtime symbol {} not found", $sym));
                        }
                        // SAFETY: the symbol is the runtime function declared
                        // in awsm.h with exactly this signature.
                        unsafe { std::mem::transmute::<*mut c_void, $ty>(p) }
                    },)*
                })
            }
        }
    };
}

runtime_api! {
    instantiate = "awsm_instantiate":
        unsafe extern "C" fn(*const ModuleDesc, *const Extern, usize, *mut *const c_char) -> Instance;
    instance_free = "awsm_instance_free": unsafe extern "C" fn(Instance);
    instantiate_status = "awsm_instantiate_status": unsafe extern "C" fn() -> CallResult;
    invoke = "awsm_invoke": unsafe extern "C" fn(Instance, *const c_char, *const Val, *mut Val) -> CallResult;
    call_funcref = "awsm_call_funcref": unsafe extern "C" fn(*const Funcref, *const Val, *mut Val) -> CallResult;
    export_func_len = "awsm_export_func_len": unsafe extern "C" fn(Instance, *const c_char, usize) -> *const Funcref;
    export_func = "awsm_export_func": unsafe extern "C" fn(Instance, *const c_char) -> *const Funcref;
    export_memory = "awsm_export_memory": unsafe extern "C" fn(Instance, *const c_char) -> *mut c_void;
    export_table = "awsm_export_table": unsafe extern "C" fn(Instance, *const c_char) -> *mut c_void;
    export_global = "awsm_export_global": unsafe extern "C" fn(Instance, *const c_char) -> *mut Val;
    type_id = "awsm_type_id": unsafe extern "C" fn(*const c_char) -> u32;
    type_sig = "awsm_type_sig": unsafe extern "C" fn(u32) -> *const c_char;
    trap_message = "awsm_trap_message": unsafe extern "C" fn(c_int) -> *const c_char;
    memory_new = "awsm_memory_new": unsafe extern "C" fn(u32, Limits, *mut *const c_char) -> *mut c_void;
    memory_free = "awsm_memory_free": unsafe extern "C" fn(*mut c_void);
    table_new = "awsm_table_new": unsafe extern "C" fn(u32, Limits, *mut *const c_char) -> *mut c_void;
    table_free = "awsm_table_free": unsafe extern "C" fn(*mut c_void);
}

impl Api {
    /// The process-wide runtime: the global scope's definitions. Needs one
    /// compiled module loaded first.
    pub fn global() -> Result<&'static Api, String> {
        static API: OnceLock<Result<Api, String>> = OnceLock::new();
        API.get_or_init(|| Api::resolve(global_symbol)).as_ref().map_err(Clone::clone)
    }

    /// The message of trap `code`.
    pub fn message(&self, code: c_int) -> String {
        // SAFETY: awsm_trap_message returns a static string for any code.
        cstr(unsafe { (self.trap_message)(code) }).to_string()
    }

    /// The signature string of an exported function, e.g. `"iI:f"`.
    pub fn func_sig(&self, f: *const Funcref) -> String {
        // SAFETY: `f` points to a live instance's funcref; type_sig returns
        // an interned string or NULL.
        cstr(unsafe { (self.type_sig)((*f).type_id) }).to_string()
    }
}
