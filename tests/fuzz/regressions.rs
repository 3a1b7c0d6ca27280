//! Regression files: a minimised mismatch as a .wat whose header comment
//! says where it came from and how to replay it:
//!
//! ```text
//! ;; fuzz regression: seed 1234, O2/guard-pages, dead-load
//! ;; wasmi: trap 2 ; m 65536 ...
//! ;; awsm:  ok 00000000 ; m 65536 ...
//! ;; fresh x6630 00000001
//! (module ...)
//! ```
//!
//! The `call` lines are the script (host.c's commands); the class is what
//! the mismatch was, which the regression test tolerates only for
//! [`super::Class::tolerated`] classes.

use super::generate::Call;
use super::native::Setup;
use super::{Class, Mismatch};
use std::path::{Path, PathBuf};

/// A regression read back: module, setup, class and calls.
pub struct Regression {
    pub wasm: Vec<u8>,
    pub setup: Setup,
    pub class: Class,
    pub calls: Vec<Call>,
}

/// Writes the minimised case to `dir/<class>-<seed>-<level>-<strategy>.wat`.
pub fn save(
    dir: &Path,
    seed: u64,
    setup: Setup,
    mismatch: &Mismatch,
    wasm: &[u8],
    calls: &[Call],
) -> Result<PathBuf, String> {
    let text = wasmprinter::print_bytes(wasm).map_err(|e| e.to_string())?;
    let mut header = format!("fuzz regression: seed {seed}, {}, {}\n", setup.name(), mismatch.class.name());
    header += &format!("wasmi: {}\nawsm:  {}\n", mismatch.wasmi, mismatch.awsm);
    for call in calls {
        header += &(call.command() + "\n");
    }
    let header: String = header.lines().map(|l| format!(";; {l}\n")).collect();
    let name = format!("{}-{seed}-{}.wat", mismatch.class.name(), setup.name().replace('/', "-"));
    let path = dir.join(name);
    std::fs::write(&path, header + &text + "\n").map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// Reads a file [`save`] wrote.
pub fn load(path: &Path) -> Result<Regression, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let first = text.lines().next().unwrap_or("");
    let fields: Vec<&str> = first.trim_start_matches(";; fuzz regression: ").split(", ").collect();
    let (Some(setup), Some(class)) =
        (fields.get(1).and_then(|s| Setup::parse(s)), fields.get(2).and_then(|c| Class::parse(c)))
    else {
        return Err(format!("{}: the first line is not a fuzz regression header: {first}", path.display()));
    };
    let wasm = wat::parse_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let params = super::reference::params(&wasm)?;
    let params_of =
        |export: &str| params.iter().find(|(n, _)| n == export).map(|(_, p)| p.clone()).unwrap_or_default();
    let calls = text
        .lines()
        .filter_map(|l| l.strip_prefix(";; ").filter(|c| c.starts_with("call ") || c.starts_with("fresh ")))
        .map(|l| Call::parse(l, params_of).map_err(|e| format!("{}: {e}", path.display())))
        .collect::<Result<_, String>>()?;
    Ok(Regression { wasm, setup, class, calls })
}
