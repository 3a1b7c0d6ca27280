//! The `spectest` module scripts import from, provided by the host through
//! the embedding API: print functions as host callbacks, globals as host
//! cells typed by `host_sig`, and a table and memory made by the runtime
//! (awsm_table_new / awsm_memory_new). One per script.

use super::ffi::{self, Api, HostCallback, Limits, Val};
use std::ffi::{CStr, c_void};

/// What the host offers for one import of `spectest`.
pub struct Provided {
    pub kind: u32,
    pub ptr: *mut c_void,
    pub callback: Option<HostCallback>,
    pub sig: Option<&'static CStr>,
}

/// The host-made entities of one script's `spectest`.
pub struct Spectest {
    api: Api,
    table: *mut c_void,
    memory: *mut c_void,
    /// global_i32, global_i64, global_f32, global_f64 (stable addresses).
    globals: Box<[Val; 4]>,
}

/// Every print function: accepts its arguments and does nothing.
unsafe extern "C" fn print(
    _env: *mut c_void,
    _caller: *mut c_void,
    _args: *const Val,
    _results: *mut Val,
) -> i32 {
    0
}

impl Spectest {
    /// Make the table (10..20 funcref), memory (1..2 pages, for code
    /// compiled with bounds-check strategy `strategy`) and globals.
    pub fn new(api: &Api, strategy: u32) -> Result<Spectest, String> {
        let mut err = std::ptr::null();
        // SAFETY: plain runtime calls; failures come back as NULL + message.
        let table =
            unsafe { (api.table_new)(ffi::TYPE_FUNCREF, Limits { min: 10, max: 20, has_max: 1 }, &mut err) };
        if table.is_null() {
            return Err(format!("spectest table: {}", ffi::cstr(err)));
        }
        // SAFETY: as above.
        let memory = unsafe { (api.memory_new)(strategy, Limits { min: 1, max: 2, has_max: 1 }, &mut err) };
        if memory.is_null() {
            // SAFETY: the table was just made and is unused.
            unsafe { (api.table_free)(table) };
            return Err(format!("spectest memory: {}", ffi::cstr(err)));
        }
        let globals = Box::new([
            Val { i32: 666 },
            Val { i64: 666 },
            Val { f32: 666.6f32.to_bits() },
            Val { f64: 666.6f64.to_bits() },
        ]);
        Ok(Spectest { api: *api, table, memory, globals })
    }

    /// The entity `spectest.<name>`, if the host has one.
    pub fn lookup(&mut self, name: &str) -> Option<Provided> {
        let func = |sig: &'static CStr| Provided {
            kind: ffi::KIND_FUNC,
            ptr: std::ptr::null_mut(),
            callback: Some(print as HostCallback),
            sig: Some(sig),
        };
        let global = |cell: &mut Val, sig: &'static CStr| Provided {
            kind: ffi::KIND_GLOBAL,
            ptr: cell as *mut Val as *mut c_void,
            callback: None,
            sig: Some(sig),
        };
        Some(match name {
            "print" => func(c":"),
            "print_i32" => func(c"i:"),
            "print_i64" => func(c"I:"),
            "print_f32" => func(c"f:"),
            "print_f64" => func(c"F:"),
            "print_i32_f32" => func(c"if:"),
            "print_f64_f64" => func(c"FF:"),
            "global_i32" => global(&mut self.globals[0], c"i"),
            "global_i64" => global(&mut self.globals[1], c"I"),
            "global_f32" => global(&mut self.globals[2], c"f"),
            "global_f64" => global(&mut self.globals[3], c"F"),
            "table" => Provided { kind: ffi::KIND_TABLE, ptr: self.table, callback: None, sig: None },
            "memory" => Provided { kind: ffi::KIND_MEMORY, ptr: self.memory, callback: None, sig: None },
            _ => return None,
        })
    }
}

impl Drop for Spectest {
    /// Runs after every instance of the script is freed.
    fn drop(&mut self) {
        // SAFETY: made by new(); no live instance uses them any more.
        unsafe {
            (self.api.table_free)(self.table);
            (self.api.memory_free)(self.memory);
        }
    }
}
