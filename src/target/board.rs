//! Boards: Cortex-M machines awsm can build a complete firmware image for
//! (`--board`). A board is a CPU, a linker script (memory map) and the
//! flags that pick the matching newlib; the startup code, semihosting I/O
//! and the HardFault handler are shared (`runtime/cortex_m/board/`).

use crate::error::{Error, ErrorKind, Result};
use crate::module::ModuleInfo;

/// A machine firmware is linked for.
#[derive(Clone, Copy, Debug)]
pub struct Board {
    /// `--board` spelling, also QEMU's machine name.
    pub name: &'static str,
    pub description: &'static str,
    /// CPU for LLVM and for arm-none-eabi-gcc's `-mcpu`.
    pub cpu: &'static str,
    /// `-mfpu` of the board's FPU, for eabihf firmware.
    pub fpu: &'static str,
    /// The GNU ld linker script: memory map, sections, heap and stack.
    pub linker_script: &'static str,
    /// Largest linear memory placed in .bss (RAM the reset code zeroes)
    /// instead of the heap: a module whose memory cannot outgrow this
    /// gets it statically (firmware.rs, `static_memory_bytes`). Half the
    /// SSRAM that holds .data, .bss and the stack, so the stack keeps at
    /// least 2 MiB; larger memories stay on the 16 MiB PSRAM heap.
    pub static_memory_limit: u64,
}

/// Every board `--board` accepts.
pub const BOARDS: &[Board] = &[
    Board {
        name: "mps2-an386",
        description: "Arm MPS2 with the AN386 image: Cortex-M4 (FPv4-SP), 4 MiB SSRAM, 16 MiB PSRAM",
        cpu: "cortex-m4",
        fpu: "fpv4-sp-d16",
        linker_script: include_str!("../../runtime/cortex_m/board/mps2-an386.ld"),
        static_memory_limit: 2 << 20,
    },
    Board {
        name: "mps2-an500",
        description: "Arm MPS2 with the AN500 image: Cortex-M7 (FPv5-D16), 4 MiB SSRAM, 16 MiB PSRAM",
        cpu: "cortex-m7",
        fpu: "fpv5-d16",
        linker_script: include_str!("../../runtime/cortex_m/board/mps2-an500.ld"),
        static_memory_limit: 2 << 20,
    },
];

/// Definitions in the firmware that something outside the LTO'd module
/// refers to: newlib (its system calls), the linker script (the entry
/// point). They keep external linkage when everything else is internalized.
pub const FIRMWARE_EXTERNAL_SYMBOLS: &[&str] =
    &["Reset_Handler", "_exit", "_write", "_read", "_close", "_lseek", "_fstat", "_isatty"];

/// The byte-loop copy and fill helpers of runtime/cortex_m/bytes.c, which
/// calls the backend emits for memcpy/memmove/memset bind to. Firmware
/// built for size keeps them external, so the linker leaves out newlib's
/// word-at-a-time versions (about 460 bytes); everything else (other
/// levels, objects) has them deleted before linking and gets newlib's.
pub const SIZE_LEVEL_HELPERS: &[&str] = &[
    "__aeabi_memcpy",
    "__aeabi_memcpy4",
    "__aeabi_memcpy8",
    "__aeabi_memmove",
    "__aeabi_memmove4",
    "__aeabi_memmove8",
    "__aeabi_memset",
    "__aeabi_memset4",
    "__aeabi_memset8",
    "__aeabi_memclr",
    "__aeabi_memclr4",
    "__aeabi_memclr8",
];

/// The aligned variants among SIZE_LEVEL_HELPERS, each with the byte loop
/// it is another name for. A byte loop needs no alignment, so firmware
/// built for size gets them as aliases (firmware.rs) rather than as
/// functions: a tail-calling stub costs 4 bytes of flash apiece.
pub const SIZE_LEVEL_ALIASES: &[(&str, &str)] = &[
    ("__aeabi_memcpy4", "__aeabi_memcpy"),
    ("__aeabi_memcpy8", "__aeabi_memcpy"),
    ("__aeabi_memmove4", "__aeabi_memmove"),
    ("__aeabi_memmove8", "__aeabi_memmove"),
    ("__aeabi_memset4", "__aeabi_memset"),
    ("__aeabi_memset8", "__aeabi_memset"),
    ("__aeabi_memclr4", "__aeabi_memclr"),
    ("__aeabi_memclr8", "__aeabi_memclr"),
];

/// Board firmware calls `_start` directly as a function of no parameters
/// and no results (`awsm_cm_run_command`, which leaves the module's
/// signature table out of the image), so a `_start` of another type is
/// refused here rather than misbehaving on the device.
pub fn check_start_type(info: &ModuleInfo) -> Result<()> {
    let start = info
        .exports
        .iter()
        .find(|(name, kind, _)| *name == "_start" && *kind == wasmparser::ExternalKind::Func);
    let Some((_, _, index)) = start else { return Ok(()) };
    let ty = info.func_types.get(*index as usize).and_then(|t| info.types.get(*t as usize));
    match ty {
        Some(ty) if ty.params().is_empty() && ty.results().is_empty() => Ok(()),
        Some(ty) => Err(Error::new(
            ErrorKind::Unsupported,
            format!(
                "firmware runs `_start` as a WASI command, which takes and returns nothing; this one has type {}",
                crate::module::signature(ty)
            ),
        )),
        None => Ok(()),
    }
}

impl Board {
    /// Look up `--board`.
    pub fn find(name: &str) -> Result<&'static Board> {
        BOARDS.iter().find(|b| b.name == name).ok_or_else(|| {
            let known: Vec<_> = BOARDS.iter().map(|b| b.name).collect();
            Error::new(
                ErrorKind::Usage,
                format!("unknown board '{name}' (known boards: {})", known.join(", ")),
            )
        })
    }

    /// Flags that make arm-none-eabi-gcc pick this CPU and the matching
    /// newlib multilib (soft or hard float).
    pub fn gcc_flags(&self, hard_float: bool) -> Vec<String> {
        let mut flags = vec![format!("-mcpu={}", self.cpu), "-mthumb".to_string()];
        if hard_float {
            flags.push("-mfloat-abi=hard".to_string());
            flags.push(format!("-mfpu={}", self.fpu));
        } else {
            flags.push("-mfloat-abi=soft".to_string());
        }
        flags
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn boards_are_found_and_unknown_ones_listed() {
        assert_eq!(Board::find("mps2-an386").unwrap().cpu, "cortex-m4");
        assert_eq!(Board::find("mps2-an500").unwrap().cpu, "cortex-m7");
        let err = Board::find("stm32").unwrap_err();
        assert!(err.message.contains("mps2-an386, mps2-an500"), "{}", err.message);
        assert!(Board::find("mps2-an386").unwrap().linker_script.contains("Reset_Handler"));
    }
}
