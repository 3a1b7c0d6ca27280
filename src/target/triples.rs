//! The targets awsm knows, declared once. Data only, so that build.rs,
//! which compiles each target's runtime, includes this very file
//! (`#[path]`) instead of keeping a list of its own that could drift:
//! adding a target is one entry here (plus, if its executables need
//! another linker, a case in `link.rs`).

use super::Strategy;

/// What runs underneath compiled code: decides the runtime's C files, what
/// an executable is, and how it is linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Os {
    /// Linux with glibc: the full runtime, executables linked by a C compiler.
    Linux,
    /// Bare-metal Cortex-M: the runtime of `runtime/cortex_m/`, firmware
    /// images for a `Board`, or objects for a board of the user's own.
    CortexM,
}

/// A supported target triple and its properties.
#[derive(Clone, Copy, Debug)]
pub struct TargetInfo {
    pub triple: &'static str,
    /// Pointer width in bytes.
    pub pointer_bytes: u32,
    /// Alignment of `uint64_t` inside structs: 4 on i686, 8 elsewhere. With
    /// the pointer width it decides `Layout` (see doc/abi.md).
    pub u64_align: u32,
    /// CPU passed to LLVM.
    pub cpu: &'static str,
    /// LLVM feature string. i686 asks for SSE2 so scalar float math never
    /// uses x87, whose 80-bit registers round differently and quiet
    /// signalling NaNs.
    pub features: &'static str,
    pub os: Os,
    /// Bounds-check strategies the target's runtime implements; the first
    /// is the default.
    pub strategies: &'static [Strategy],
    /// Debian packages that provide its C headers and libraries, named
    /// when the runtime could not be built or an executable not linked.
    pub packages: &'static str,
    /// Extra clang flags for compiling its runtime (build.rs): PIC, float
    /// ABI, CPU.
    pub runtime_cflags: &'static [&'static str],
    /// The packages among `packages` that provide its C headers, which
    /// build.rs names when it cannot compile the runtime for lack of them.
    pub header_packages: &'static str,
}

/// Every target awsm can compile for.
pub const TARGETS: &[TargetInfo] = &[
    TargetInfo {
        triple: "x86_64-unknown-linux-gnu",
        pointer_bytes: 8,
        u64_align: 8,
        cpu: "x86-64",
        features: "",
        os: Os::Linux,
        // Segment keeps the memory base in %gs, which only x86-64 has free.
        strategies: &[
            Strategy::GuardPages,
            Strategy::Explicit,
            Strategy::Mask,
            Strategy::None,
            Strategy::Segment,
        ],
        packages: "libc6-dev",
        runtime_cflags: &["-fPIC"],
        header_packages: "libc6-dev",
    },
    TargetInfo {
        triple: "i686-unknown-linux-gnu",
        pointer_bytes: 4,
        u64_align: 4,
        // pentium4 is the first CPU with SSE2; +sse2 says it even if LLVM's
        // definition of the CPU changes.
        cpu: "pentium4",
        features: "+sse2,+cx8,+cmov",
        os: Os::Linux,
        // Guard pages need 8 GiB of address space per memory.
        strategies: &[Strategy::Explicit],
        packages: "gcc-multilib (libc6-dev-i386, lib32gcc-12-dev)",
        // SSE2 for float math, as the compiled guest uses (never x87).
        // Debian's 32-bit multilib (gcc-multilib) keeps the kernel's asm/
        // headers, which are the same for both widths, only in the x86-64
        // multiarch folder, where gcc -m32 looks but clang's i686 target
        // does not.
        runtime_cflags: &[
            "-fPIC",
            "-march=pentium4",
            "-mfpmath=sse",
            "-idirafter",
            "/usr/include/x86_64-linux-gnu",
        ],
        header_packages: "gcc-multilib (libc6-dev-i386)",
    },
    TargetInfo {
        triple: "aarch64-unknown-linux-gnu",
        pointer_bytes: 8,
        u64_align: 8,
        cpu: "generic",
        features: "+neon",
        os: Os::Linux,
        strategies: &[Strategy::GuardPages, Strategy::Explicit, Strategy::Mask, Strategy::None],
        packages: "libc6-dev-arm64-cross and libgcc-12-dev-arm64-cross",
        runtime_cflags: &["-fPIC"],
        header_packages: "libc6-dev-arm64-cross",
    },
    TargetInfo {
        triple: "thumbv7em-none-eabi",
        pointer_bytes: 4,
        u64_align: 8,
        cpu: "cortex-m4",
        // Soft-float ABI and no FPU instructions at all.
        features: "+soft-float,-fpregs",
        os: Os::CortexM,
        strategies: &[Strategy::Explicit, Strategy::Mask],
        packages: "libnewlib-arm-none-eabi and gcc-arm-none-eabi",
        runtime_cflags: &["-mcpu=cortex-m4", "-mfloat-abi=soft"],
        header_packages: "libnewlib-arm-none-eabi",
    },
    TargetInfo {
        triple: "thumbv7em-none-eabihf",
        pointer_bytes: 4,
        u64_align: 8,
        // Cortex-M4's single-precision FPU (fpv4-sp-d16); --board may pick
        // a CPU with more (Cortex-M7: fpv5-d16, double precision too).
        cpu: "cortex-m4",
        features: "",
        os: Os::CortexM,
        strategies: &[Strategy::Explicit, Strategy::Mask],
        packages: "libnewlib-arm-none-eabi and gcc-arm-none-eabi",
        runtime_cflags: &["-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard"],
        header_packages: "libnewlib-arm-none-eabi",
    },
];

/// The target used without `--target`, whose runtime must build.
pub const HOST_TRIPLE: &str = "x86_64-unknown-linux-gnu";
