//! Build script: compiles the C runtime in `runtime/` to LLVM bitcode for
//! every supported target and writes `$OUT_DIR/runtime_index.rs`, which
//! embeds the bitcode in the compiler (`RUNTIMES`, `EXE_MAINS`) and says
//! why a target has none (`MISSING_RUNTIMES`).
//!
//! Per target, the runtime's C files are compiled with clang and linked by
//! llvm-link into `runtime-<triple>.bc`; the entry point of executables
//! (or, on Cortex-M, the board glue of firmware) becomes
//! `main-<triple>.bc`. Which files: see `Family`.
//!
//! The host target must build. A cross target whose C headers are missing
//! (its Debian package is not installed), or whose runtime fails to
//! compile, is skipped with a cargo warning; awsm then names the reason
//! when that target is asked for.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, exit};

/// Which runtime a target gets.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `runtime/*.c` (but `main.c`), `runtime/memory/*.c`, `runtime/wasi/*.c`;
    /// the entry point is `runtime/main.c`.
    Linux,
    /// As `Linux`, but `runtime/memory/guard_pages.c`, which needs 8 GiB
    /// of address space per memory, is replaced by `GUARD_PAGES_STUB`.
    Linux32,
    /// `runtime/*.c` but the files `runtime/cortex_m/` replaces (`main.c`,
    /// `trap.c`, `memory.c`: they need signals, mmap and threads), plus
    /// `runtime/cortex_m/*.c`; the firmware glue is
    /// `runtime/cortex_m/board/*.c`.
    CortexM,
}

/// A target the runtime is built for.
struct Target {
    /// LLVM target triple.
    triple: &'static str,
    family: Family,
    /// Extra clang flags for this target (float ABI, CPU, ...).
    cflags: &'static [&'static str],
    /// Debian packages that provide its C headers, named when they are missing.
    packages: &'static str,
}

/// Supported targets: adding one is one line (plus its flags). Keep in
/// step with `src/target/mod.rs`.
const TARGETS: &[Target] = &[
    Target {
        triple: "x86_64-unknown-linux-gnu",
        family: Family::Linux,
        cflags: &["-fPIC"],
        packages: "libc6-dev",
    },
    Target {
        triple: "i686-unknown-linux-gnu",
        family: Family::Linux32,
        // SSE2 for float math, as the compiled guest uses (never x87).
        // Debian's 32-bit multilib (gcc-multilib) keeps the kernel's asm/
        // headers, which are the same for both widths, only in the x86-64
        // multiarch folder, where gcc -m32 looks but clang's i686 target
        // does not.
        cflags: &["-fPIC", "-march=pentium4", "-mfpmath=sse", "-idirafter", "/usr/include/x86_64-linux-gnu"],
        packages: "gcc-multilib (libc6-dev-i386)",
    },
    Target {
        triple: "aarch64-unknown-linux-gnu",
        family: Family::Linux,
        cflags: &["-fPIC"],
        packages: "libc6-dev-arm64-cross",
    },
    Target {
        triple: "thumbv7em-none-eabi",
        family: Family::CortexM,
        cflags: &["-mcpu=cortex-m4", "-mfloat-abi=soft"],
        packages: "libnewlib-arm-none-eabi",
    },
    Target {
        triple: "thumbv7em-none-eabihf",
        family: Family::CortexM,
        cflags: &["-mcpu=cortex-m4", "-mfpu=fpv4-sp-d16", "-mfloat-abi=hard"],
        packages: "libnewlib-arm-none-eabi",
    },
];

/// The target awsm runs on: its runtime must build.
const HOST_TRIPLE: &str = "x86_64-unknown-linux-gnu";

/// Flags for every runtime C file on every target.
const COMMON_CFLAGS: &[&str] =
    &["-std=c11", "-O2", "-emit-llvm", "-c", "-fno-stack-protector", "-Wall", "-Wextra", "-Werror"];

/// Flags for Cortex-M, before the target's: optimised for size (-Oz, which
/// overrides the common -O2), one thread (so thread-local means global),
/// newlib's headers, and the compat headers that give the shared runtime
/// files the POSIX names they use.
///
/// -Oz because clang's -O2 unrolls and vectorizes the runtime's loops
/// before awsm sees them, and the `minsize` awsm gives runtime functions
/// (src/target/arm.rs) cannot roll them back up: a loop skipping 13
/// strings was 260 bytes of flash. The few runtime functions inlined into
/// guest code (address checks) are optimised again there as the guest is.
fn cortex_m_cflags(root: &Path) -> Vec<String> {
    let newlib = env::var("AWSM_NEWLIB_INCLUDE").unwrap_or_else(|_| "/usr/lib/arm-none-eabi/include".into());
    // Not -ffreestanding: it marks every function "no-builtins", and LLVM
    // does not inline such functions into guest code (the address
    // functions must inline). newlib is a hosted C library anyway.
    vec![
        "-Oz".into(),
        "-fomit-frame-pointer".into(),
        "-D_Thread_local=".into(),
        "-I".into(),
        root.join("runtime/cortex_m/compat").display().to_string(),
        "-isystem".into(),
        newlib,
    ]
}

/// Folders whose `.c` files make up the Linux runtime library.
const LINUX_DIRS: &[&str] = &["runtime", "runtime/memory", "runtime/wasi"];
/// The Linux executable entry point, compiled on its own.
const MAIN_C: &str = "runtime/main.c";
/// The guard-pages strategy on 32-bit Linux: there is no room for its
/// reservations, so it cannot be chosen (src/target/mod.rs) and its
/// allocator always fails; defined because memory.c names it.
const GUARD_PAGES_STUB: &str = r#"/* Generated by build.rs for 32-bit Linux targets. */
#include "internal.h"

uint8_t *awsm_mem_addr_guard_pages(awsm_instance *ctx, uint8_t *base, uint64_t mem_size,
                                   uint64_t idx, uint64_t offset, uint32_t size) {
  (void)ctx;
  (void)mem_size;
  (void)size;
  return base + idx + offset;
}
static int no_alloc(awsm_memory *mem, uint64_t size, uint64_t max_size) {
  (void)mem;
  (void)size;
  (void)max_size;
  return -1;
}
static int no_grow(awsm_memory *mem, uint64_t new_size) {
  (void)mem;
  (void)new_size;
  return -1;
}
static void no_free(awsm_memory *mem) { (void)mem; }
const awsm_strategy_ops awsm_guard_pages_ops = {no_alloc, no_grow, no_free};
"#;

/// Files of `runtime/` that `runtime/cortex_m/` replaces on Cortex-M.
const CORTEX_M_REPLACED: &[&str] = &["main.c", "trap.c", "memory.c"];

fn main() {
    println!("cargo:rerun-if-changed=runtime");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=AWSM_CLANG");
    println!("cargo:rerun-if-env-changed=AWSM_LLVM_LINK");
    println!("cargo:rerun-if-env-changed=AWSM_NEWLIB_INCLUDE");
    println!("cargo:rerun-if-env-changed=LLVM_SYS_191_PREFIX");

    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let clang = env::var("AWSM_CLANG").unwrap_or_else(|_| "clang-19".to_string());
    let llvm_link = llvm_link();
    require_tool(&clang, "clang-19 (or set AWSM_CLANG)");
    require_tool(&llvm_link, "llvm-link-19 (or set AWSM_LLVM_LINK)");
    let tools = Tools { clang, llvm_link, root, out };

    let mut runtimes = Vec::new();
    let mut mains = Vec::new();
    let mut missing = Vec::new();
    for target in TARGETS {
        match build_target(&tools, target) {
            Ok((runtime, main)) => {
                runtimes.push((target.triple, runtime));
                mains.push((target.triple, main));
            }
            Err(reason) if target.triple == HOST_TRIPLE => fail(&reason),
            Err(reason) => {
                println!("cargo:warning=awsm: no runtime for {}: {reason}", target.triple);
                missing.push((target.triple, reason));
            }
        }
    }

    let missing_entries: Vec<String> = missing.iter().map(|(t, why)| format!("({t:?}, {why:?})")).collect();
    let index = format!(
        "pub static RUNTIMES: &[(&str, &[u8])] = &[{}];\n\
         pub static EXE_MAINS: &[(&str, &[u8])] = &[{}];\n\
         pub static MISSING_RUNTIMES: &[(&str, &str)] = &[{}];\n",
        index_entries(&runtimes),
        index_entries(&mains),
        missing_entries.join(", ")
    );
    let index_path = tools.out.join("runtime_index.rs");
    fs::write(&index_path, index).unwrap_or_else(|e| fail(&format!("{}: {e}", index_path.display())));
}

struct Tools {
    clang: String,
    llvm_link: String,
    root: PathBuf,
    out: PathBuf,
}

/// Build one target's runtime and entry bitcode, or say why not.
fn build_target(tools: &Tools, target: &Target) -> Result<(PathBuf, PathBuf), String> {
    let obj_dir = tools.out.join("obj").join(target.triple);
    fs::create_dir_all(&obj_dir).map_err(|e| format!("{}: {e}", obj_dir.display()))?;
    let flags = target_flags(tools, target);
    probe_headers(tools, target, &flags, &obj_dir)?;

    let (mut sources, main_sources) = sources(&tools.root, target.family)?;
    if target.family == Family::Linux32 {
        let guard = tools.root.join("runtime/memory/guard_pages.c");
        sources.retain(|p| *p != guard);
        let stub = obj_dir.join("guard_pages_stub.c");
        fs::write(&stub, GUARD_PAGES_STUB).map_err(|e| format!("{}: {e}", stub.display()))?;
        sources.push(stub);
    }
    let objects = compile_all(tools, &flags, &sources, &obj_dir)?;
    let runtime = tools.out.join(format!("runtime-{}.bc", target.triple));
    link(tools, &objects, &runtime)?;

    let main_objects = compile_all(tools, &flags, &main_sources, &obj_dir)?;
    let main = tools.out.join(format!("main-{}.bc", target.triple));
    link(tools, &main_objects, &main)?;
    Ok((runtime, main))
}

/// Every clang flag for `target` but the file names.
fn target_flags(tools: &Tools, target: &Target) -> Vec<String> {
    let mut flags = vec![format!("--target={}", target.triple)];
    flags.extend(COMMON_CFLAGS.iter().map(|s| s.to_string()));
    if target.family == Family::CortexM {
        flags.extend(cortex_m_cflags(&tools.root));
    }
    flags.extend(target.cflags.iter().map(|s| s.to_string()));
    for dir in ["runtime/include", "runtime"] {
        flags.push("-I".into());
        flags.push(tools.root.join(dir).display().to_string());
    }
    flags
}

/// Whether the target's C library headers are installed: compile a file
/// that includes the ones the runtime needs.
fn probe_headers(tools: &Tools, target: &Target, flags: &[String], obj_dir: &Path) -> Result<(), String> {
    let probe = obj_dir.join("probe.c");
    let text = "#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <setjmp.h>\nint awsm_probe;\n";
    fs::write(&probe, text).map_err(|e| format!("{}: {e}", probe.display()))?;
    let output = Command::new(&tools.clang)
        .args(flags)
        .arg(&probe)
        .arg("-o")
        .arg(obj_dir.join("probe.bc"))
        .output()
        .map_err(|e| format!("cannot run `{}`: {e}", tools.clang))?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "its C library headers are missing; install {} and rebuild awsm ({})",
        target.packages,
        first_error(&output.stderr)
    ))
}

/// The runtime's C files and the entry point's, sorted so the bitcode is
/// reproducible.
fn sources(root: &Path, family: Family) -> Result<(Vec<PathBuf>, Vec<PathBuf>), String> {
    let (runtime, main) = match family {
        Family::Linux | Family::Linux32 => {
            let main_c = root.join(MAIN_C);
            let mut files = Vec::new();
            for dir in LINUX_DIRS {
                files.extend(c_files(&root.join(dir))?.into_iter().filter(|p| *p != main_c));
            }
            (files, vec![main_c])
        }
        Family::CortexM => {
            let mut files: Vec<PathBuf> = c_files(&root.join("runtime"))?
                .into_iter()
                .filter(|p| !p.file_name().is_some_and(|n| CORTEX_M_REPLACED.iter().any(|r| n == *r)))
                .collect();
            files.extend(c_files(&root.join("runtime/cortex_m"))?);
            (files, c_files(&root.join("runtime/cortex_m/board"))?)
        }
    };
    Ok((runtime, main))
}

fn c_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| format!("{}: {e}", dir.display()))?.path();
        if path.extension().is_some_and(|ext| ext == "c") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// llvm-link: `AWSM_LLVM_LINK`, else the one next to llvm-sys's LLVM, else `llvm-link-19`.
fn llvm_link() -> String {
    if let Ok(tool) = env::var("AWSM_LLVM_LINK") {
        return tool;
    }
    if let Ok(prefix) = env::var("LLVM_SYS_191_PREFIX") {
        let tool = Path::new(&prefix).join("bin/llvm-link");
        if tool.exists() {
            return tool.display().to_string();
        }
    }
    "llvm-link-19".to_string()
}

/// Stop the build with one clear line.
fn fail(message: &str) -> ! {
    eprintln!("error: awsm runtime build: {message}");
    exit(1);
}

fn require_tool(tool: &str, what: &str) {
    if Command::new(tool).arg("--version").output().is_err() {
        fail(&format!("`{tool}` not found: install {what}"));
    }
}

/// The first line of a compiler's stderr that says `error`, for one-line reports.
fn first_error(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr);
    let line = text.lines().find(|l| l.contains("error")).or_else(|| text.lines().next()).unwrap_or("failed");
    line.trim().to_string()
}

/// Compile every source (in parallel) and return the bitcode files.
fn compile_all(
    tools: &Tools,
    flags: &[String],
    sources: &[PathBuf],
    obj_dir: &Path,
) -> Result<Vec<PathBuf>, String> {
    let mut jobs = Vec::new();
    for source in sources {
        let rel = source.strip_prefix(&tools.root).unwrap_or(source);
        let name = rel.to_string_lossy().replace(['/', '\\'], "_");
        let output = obj_dir.join(format!("{name}.bc"));
        let child = Command::new(&tools.clang)
            .args(flags)
            .arg(source)
            .arg("-o")
            .arg(&output)
            .stderr(std::process::Stdio::piped())
            .spawn()
            .map_err(|e| format!("cannot run `{}`: {e}", tools.clang))?;
        jobs.push((source, output, child));
    }
    let mut objects = Vec::new();
    let mut errors = Vec::new();
    for (source, output, child) in jobs {
        match child.wait_with_output() {
            Ok(out) if out.status.success() => objects.push(output),
            Ok(out) => {
                // The whole diagnostic goes to the build log; the reason keeps one line.
                eprintln!("{}", String::from_utf8_lossy(&out.stderr));
                errors.push(format!("{}: {}", source.display(), first_error(&out.stderr)));
            }
            Err(e) => errors.push(format!("{}: {e}", source.display())),
        }
    }
    match errors.first() {
        None => Ok(objects),
        Some(first) => Err(format!("clang failed on {first}")),
    }
}

fn link(tools: &Tools, objects: &[PathBuf], output: &Path) -> Result<(), String> {
    let status = Command::new(&tools.llvm_link)
        .arg("-o")
        .arg(output)
        .args(objects)
        .status()
        .map_err(|e| format!("cannot run {}: {e}", tools.llvm_link))?;
    if status.success() { Ok(()) } else { Err(format!("llvm-link failed ({status})")) }
}

fn index_entries(files: &[(&str, PathBuf)]) -> String {
    files
        .iter()
        .map(|(triple, path)| format!("({triple:?}, include_bytes!({:?}))", path.display().to_string()))
        .collect::<Vec<_>>()
        .join(", ")
}
