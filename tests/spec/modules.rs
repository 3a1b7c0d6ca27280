//! Compiling test modules through awsm's real pipeline (-O2, shared
//! object), loading them, and validation-only checks for assert_invalid
//! and assert_malformed. Compilations are cached by module bytes, so a
//! module repeated across scripts is compiled once.

use super::ffi::{Library, ModuleDesc};
use awsm::driver::{self, Options};
use awsm::error::ErrorKind;
use awsm::target::link::Emit;
use std::collections::HashMap;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

/// A compiled, loaded module: its descriptor inside a loaded library.
pub struct Compiled {
    pub desc: *const ModuleDesc,
    pub lib: Library,
}

// SAFETY: the descriptor is immutable static data of a library never closed.
unsafe impl Send for Compiled {}
unsafe impl Sync for Compiled {}

impl Compiled {
    pub fn desc(&self) -> &ModuleDesc {
        // SAFETY: a descriptor in a loaded library, never unloaded.
        unsafe { &*self.desc }
    }
}

type Slot = Arc<OnceLock<Result<Arc<Compiled>, String>>>;

/// Compiles modules into a directory and keeps what it loaded.
pub struct Compiler {
    dir: PathBuf,
    next: AtomicUsize,
    cache: Mutex<HashMap<Vec<u8>, Slot>>,
}

impl Compiler {
    /// A compiler writing its shared objects into `dir`.
    pub fn new(dir: &Path) -> Compiler {
        Compiler { dir: dir.to_path_buf(), next: AtomicUsize::new(0), cache: Mutex::new(HashMap::new()) }
    }

    /// Compile `wasm` (binary) with awsm -O2 to a shared object and load it
    /// with RTLD_NOW | RTLD_GLOBAL. Errors are awsm's or the loader's.
    pub fn compile(&self, wasm: &[u8]) -> Result<Arc<Compiled>, String> {
        let slot = {
            let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
            cache.entry(wasm.to_vec()).or_default().clone()
        };
        slot.get_or_init(|| self.compile_uncached(wasm)).clone()
    }

    fn compile_uncached(&self, wasm: &[u8]) -> Result<Arc<Compiled>, String> {
        let n = self.next.fetch_add(1, Ordering::Relaxed);
        let prefix = format!("spec{n}");
        let output = self.dir.join(format!("{prefix}.so"));
        let opts = Options {
            input: PathBuf::from(format!("{prefix}.wasm")),
            output: output.clone(),
            emit: Some(Emit::Shared),
            target: None,
            opt_level: 2,
            strategy: None,
            name: Some(prefix.clone()),
            inline_constant_globals: false,
            fast_unsafe: false,
            runtime_globals: false,
        };
        match catch_unwind(AssertUnwindSafe(|| driver::compile_bytes(wasm, &opts))) {
            Err(_) => return Err("awsm panicked while compiling".to_string()),
            Ok(Err(e)) => return Err(e.to_string()),
            Ok(Ok(())) => {}
        }
        let lib = Library::open(&output)?;
        let desc = lib.symbol(&format!("{prefix}_module")) as *const ModuleDesc;
        if desc.is_null() {
            return Err(format!("{prefix}_module not found in {}", output.display()));
        }
        Ok(Arc::new(Compiled { desc, lib }))
    }
}

/// How awsm's front end judged a module that should be rejected.
pub enum Verdict {
    /// Rejected as malformed or invalid.
    Rejected,
    /// Rejected, but not as invalid (e.g. unsupported): the message.
    OtherError(String),
    Accepted,
    Panicked,
}

/// Run awsm's front end (text parsing for `text`, then validation) on a
/// module. `text` is wasm text (a `module quote`), else `bytes` is binary.
pub fn check(bytes: &[u8], is_text: bool, scratch: &Path) -> Verdict {
    let result = catch_unwind(AssertUnwindSafe(|| -> Result<(), awsm::error::Error> {
        let owned;
        let binary = if is_text {
            // Through awsm's own input reader, as the CLI reads a .wat file.
            std::fs::write(scratch, bytes).map_err(|e| {
                awsm::error::Error::new(ErrorKind::Io, format!("cannot write {}: {e}", scratch.display()))
            })?;
            owned = driver::read_input(&scratch.to_path_buf())?;
            &owned[..]
        } else {
            bytes
        };
        awsm::module::ModuleInfo::parse(binary).map(|_| ())
    }));
    match result {
        Err(_) => Verdict::Panicked,
        Ok(Ok(())) => Verdict::Accepted,
        Ok(Err(e)) if e.kind == ErrorKind::Invalid => Verdict::Rejected,
        Ok(Err(e)) => Verdict::OtherError(e.to_string()),
    }
}

/// Text of a `module quote` as awsm reads it from a .wat file.
pub fn text_to_binary(text: &[u8], scratch: &Path) -> Result<Vec<u8>, String> {
    std::fs::write(scratch, text).map_err(|e| format!("cannot write {}: {e}", scratch.display()))?;
    catch_unwind(AssertUnwindSafe(|| driver::read_input(&scratch.to_path_buf())))
        .map_err(|_| "awsm panicked reading wasm text".to_string())?
        .map_err(|e| e.to_string())
}
