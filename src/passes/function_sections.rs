//! Cortex-M: one section per function.
//!
//! Rewrites: every defined function without a section gets `.text.<name>`.
//! Sound: a section name changes where the linker may place code, never
//! what it does. Pays on flash: with `--gc-sections` the firmware of a
//! small example drops the newlib system calls nothing calls
//! (doc/targets.md).

use inkwell::module::Module;

/// One section per function (`.text.<name>`), as `-ffunction-sections`
/// would give: the LTO'd firmware is a single object, and without this
/// the linker's `--gc-sections` keeps all of its code. With it, the
/// definitions that stay external only because a C library object might
/// refer to them (newlib's system calls, `FIRMWARE_EXTERNAL_SYMBOLS`) are
/// dropped when nothing does.
pub fn function_sections(m: &Module) {
    for f in m.get_functions() {
        let has_section = f.get_section().is_some_and(|s| !s.to_bytes().is_empty());
        if f.count_basic_blocks() == 0 || has_section {
            continue;
        }
        let section = format!(".text.{}", f.get_name().to_string_lossy());
        f.as_global_value().set_section(Some(&section));
    }
}
