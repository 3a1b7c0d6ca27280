//! What the two wast script runners share: tests/spec.rs runs scripts in
//! this process, tests/spec_cross.rs turns them into C programs for a
//! target, and both resolve a `module instance` to its definition the same
//! way.

use std::collections::HashMap;

/// The module definition a `(module instance $i $def)` names (`None`: the
/// unnamed one), from the definitions seen so far.
pub fn definition<T: Clone>(definitions: &HashMap<String, T>, name: Option<&str>) -> Result<T, String> {
    let name = name.unwrap_or_default();
    definitions.get(name).cloned().ok_or_else(|| format!("no module definition ${name}"))
}
