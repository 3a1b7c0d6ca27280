//! The example programs of `example_code/` on every cross target, with the
//! same expectations as on x86-64 (tests/examples.rs): identical stdout,
//! exit status and stderr, and every trap example traps with its reason.
//! Then Cortex-M firmware on its own terms: linear memory options
//! (targets/memory.rs), hand-linked firmware, fault reports and flash size
//! (targets/firmware.rs), the embedded benchmark figures
//! (targets/embedded_figures.rs), and option errors (targets/options.rs).
//!
//! | module | target (awsm flags) | runs under | examples |
//! | --- | --- | --- | --- |
//! | `i686` | i686-unknown-linux-gnu | this machine (gcc-multilib's 32-bit userland) | all |
//! | `aarch64` | aarch64-unknown-linux-gnu | qemu-aarch64(-static), libc6-dev-arm64-cross | all |
//! | `cortex_m4` | thumbv7em-none-eabihf `--board mps2-an386` | qemu-system-arm -semihosting | firmware's |
//! | `cortex_m7` | thumbv7em-none-eabihf `--board mps2-an500` | qemu-system-arm | float, ABI |
//! | `cortex_m4_soft` | as `cortex_m4`, thumbv7em-none-eabi (soft float) | qemu-system-arm | float, ABI |
//! | `cortex_m4_oz` | as `cortex_m4`, awsm -Oz | qemu-system-arm | size level |
//!
//! Each platform's test module is generated from its list of examples
//! below, so every test in it runs an example; the examples firmware
//! cannot run are listed with the reason in `examples::CORTEX_M_SKIPS`.
//! Each example is built once with clang-19 -O2 for wasm32-wasi and
//! compiled by awsm at -O2 for each target: the cross targets run only
//! this one of the four combinations tests/examples.rs runs on x86-64, to
//! keep the run within CI's budget. A test is skipped, with the reason
//! printed, only when a tool it needs is absent (its runtime was not built
//! because a package is missing, no linker, no QEMU); under
//! `AWSM_REQUIRE_TOOLS=1` that is a failure instead.
//!
//! Environment: `AWSM_TEST_CLANG` (clang for wasm32-wasi), `AWSM_QEMU_AARCH64`,
//! `AWSM_AARCH64_SYSROOT`, `AWSM_QEMU_SYSTEM_ARM` override tool paths;
//! `AWSM_KEEP_TARGET_BUILDS=1` keeps the build directory of a failure.

mod common;
#[path = "targets/embedded_figures.rs"]
mod embedded_figures;
#[path = "targets/examples.rs"]
mod examples;
#[path = "targets/firmware.rs"]
mod firmware;
#[path = "targets/memory.rs"]
mod memory;
#[path = "targets/options.rs"]
mod options;
#[path = "targets/platform.rs"]
mod platform;

/// Calls `$m!($platform; every example)`: what the Linux platforms run.
macro_rules! every_example {
    ($m:ident, $platform:ident) => {
        $m!($platform;
            argv_status, bytecode_vm, environ, error_codes, exit_nested, float_math,
            function_pointers, globals, hash, int64_arith, int_edge, malloc_free, mem_ops,
            memory_grow, nbody, printf_float, qsort, recursion, sha256, sieve, sign_extend,
            stderr_output, stdin_checksum, strings, struct_copy, struct_return, switch_table,
            varargs, trap_div_zero, trap_indirect_mismatch, trap_int_overflow,
            trap_invalid_conversion, trap_oob_load_edge, trap_oob_store, trap_rem_zero_i64,
            trap_stack_overflow, trap_trunc_overflow, trap_undefined_element,
            trap_uninitialized_element, trap_unreachable
        );
    };
}

/// Every example but those in `examples::CORTEX_M_SKIPS`: what the
/// Cortex-M4 hard-float platform runs.
macro_rules! firmware_examples {
    ($m:ident, $platform:ident) => {
        $m!($platform;
            bytecode_vm, error_codes, exit_nested, float_math, function_pointers, globals, hash,
            int64_arith, int_edge, malloc_free, mem_ops, nbody, printf_float, qsort, recursion,
            sha256, sieve, sign_extend, stderr_output, strings, struct_copy, struct_return,
            switch_table, varargs, trap_div_zero, trap_indirect_mismatch, trap_int_overflow,
            trap_invalid_conversion, trap_oob_load_edge, trap_oob_store, trap_rem_zero_i64,
            trap_trunc_overflow, trap_undefined_element, trap_uninitialized_element,
            trap_unreachable
        );
    };
}

/// What the Cortex-M7 and soft-float Cortex-M4 platforms run: they differ
/// from the Cortex-M4 in the FPU and the float ABI, so the examples that
/// exercise those, to keep the whole run within CI's time.
macro_rules! float_and_abi_examples {
    ($m:ident, $platform:ident) => {
        $m!($platform;
            float_math, printf_float, nbody, int64_arith, varargs, struct_return,
            function_pointers, trap_div_zero, trap_invalid_conversion, trap_trunc_overflow,
            trap_oob_load_edge
        );
    };
}

/// What the Cortex-M4 runs at -Oz (without the code-duplicating
/// transformations: versioned, unrolled and grouped-check loops): loops
/// over memory, calls through tables, and the out-of-bounds traps.
macro_rules! size_level_examples {
    ($m:ident, $platform:ident) => {
        $m!($platform;
            qsort, sha256, sieve, mem_ops, strings, function_pointers, printf_float,
            trap_oob_load_edge, trap_oob_store, trap_indirect_mismatch
        );
    };
}

/// One `#[test]` per listed example for a platform, its NaN-payload test,
/// and `EXAMPLES`, the list, for the checks in targets/examples.rs.
macro_rules! platform_tests {
    ($platform:ident; $($name:ident),*) => {
        /// The examples this platform's tests run.
        pub const EXAMPLES: &[&str] = &[$(stringify!($name)),*];
        $(
            #[test]
            fn $name() {
                crate::examples::run_example(&crate::platform::$platform, stringify!($name));
            }
        )*
        #[test]
        fn nan_payloads_survive_calls() {
            crate::examples::run_nan_payloads(&crate::platform::$platform);
        }
    };
}

/// One test module per platform: `module: list(PLATFORM)`.
macro_rules! platform_modules {
    ($($module:ident: $list:ident($platform:ident);)*) => {
        $(mod $module {
            $list!(platform_tests, $platform);
        })*
    };
}

platform_modules! {
    i686: every_example(I686);
    aarch64: every_example(AARCH64);
    cortex_m4: firmware_examples(CORTEX_M4);
    cortex_m7: float_and_abi_examples(CORTEX_M7);
    cortex_m4_soft: float_and_abi_examples(CORTEX_M4_SOFT);
    cortex_m4_oz: size_level_examples(CORTEX_M4_OZ);
}
