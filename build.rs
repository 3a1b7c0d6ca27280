//! Build script: compiles the C runtime in `runtime/` to LLVM bitcode for
//! every supported target and writes `$OUT_DIR/runtime_index.rs`, which
//! embeds the bitcode in the compiler (`RUNTIMES`, `EXE_MAINS`).
//!
//! Per target, `runtime/*.c` (except `main.c`), `runtime/memory/*.c` and
//! `runtime/wasi/*.c` are compiled with clang and linked by llvm-link into
//! `runtime-<triple>.bc`; `runtime/main.c`, the entry point of
//! executables, becomes `main-<triple>.bc`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, exit};

/// A target the runtime is built for.
struct Target {
    /// LLVM target triple.
    triple: &'static str,
    /// Extra clang flags for this target (sysroot, float ABI, ...).
    cflags: &'static [&'static str],
}

/// Supported targets: adding one is one line (plus its sysroot flags).
const TARGETS: &[Target] = &[
    Target {
        triple: "x86_64-unknown-linux-gnu",
        cflags: &["-fPIC"],
    },
    // Target { triple: "i686-unknown-linux-gnu", cflags: &["-fPIC"] },
    // Target { triple: "aarch64-unknown-linux-gnu", cflags: &["-fPIC", "--sysroot=..."] },
    // Target { triple: "thumbv7em-none-eabihf", cflags: &["-mfloat-abi=hard", "--sysroot=..."] },
];

/// Flags for every runtime C file on every target.
const COMMON_CFLAGS: &[&str] = &[
    "-std=c11",
    "-O2",
    "-emit-llvm",
    "-c",
    "-fno-stack-protector",
    "-Wall",
    "-Wextra",
    "-Werror",
];

/// Folders whose `.c` files make up the runtime library.
const RUNTIME_DIRS: &[&str] = &["runtime", "runtime/memory", "runtime/wasi"];
/// The executable entry point, compiled on its own.
const MAIN_C: &str = "runtime/main.c";

fn main() {
    println!("cargo:rerun-if-changed=runtime");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=AWSM_CLANG");
    println!("cargo:rerun-if-env-changed=AWSM_LLVM_LINK");
    println!("cargo:rerun-if-env-changed=LLVM_SYS_191_PREFIX");

    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("OUT_DIR"));
    let clang = env::var("AWSM_CLANG").unwrap_or_else(|_| "clang-19".to_string());
    let llvm_link = llvm_link();
    require_tool(&clang, "clang-19 (or set AWSM_CLANG)");
    require_tool(&llvm_link, "llvm-link-19 (or set AWSM_LLVM_LINK)");

    let sources = runtime_sources(&root);
    let mut runtimes = Vec::new();
    let mut mains = Vec::new();
    for target in TARGETS {
        let obj_dir = out.join("obj").join(target.triple);
        fs::create_dir_all(&obj_dir)
            .unwrap_or_else(|e| fail(&format!("{}: {e}", obj_dir.display())));
        let objects = compile_all(&clang, target, &root, &sources, &obj_dir);
        let runtime = out.join(format!("runtime-{}.bc", target.triple));
        let mut link = Command::new(&llvm_link);
        link.arg("-o").arg(&runtime).args(&objects);
        run(link, "llvm-link");
        runtimes.push((target.triple, runtime));

        let main_bc = out.join(format!("main-{}.bc", target.triple));
        run(
            compile(&clang, target, &root, &root.join(MAIN_C), &main_bc),
            "clang",
        );
        mains.push((target.triple, main_bc));
    }

    let index = format!(
        "pub static RUNTIMES: &[(&str, &[u8])] = &[{}];\npub static EXE_MAINS: &[(&str, &[u8])] = &[{}];\n",
        index_entries(&runtimes),
        index_entries(&mains)
    );
    let index_path = out.join("runtime_index.rs");
    fs::write(&index_path, index)
        .unwrap_or_else(|e| fail(&format!("{}: {e}", index_path.display())));
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

/// The runtime's C files, sorted so the bitcode is reproducible.
fn runtime_sources(root: &Path) -> Vec<PathBuf> {
    let main_c = root.join(MAIN_C);
    let mut sources = Vec::new();
    for dir in RUNTIME_DIRS {
        let entries = fs::read_dir(root.join(dir)).unwrap_or_else(|e| fail(&format!("{dir}: {e}")));
        for entry in entries {
            let path = entry
                .unwrap_or_else(|e| fail(&format!("{dir}: {e}")))
                .path();
            if path.extension().is_some_and(|ext| ext == "c") && path != main_c {
                sources.push(path);
            }
        }
    }
    sources.sort();
    sources
}

/// The clang command compiling one C file to bitcode for `target`.
fn compile(clang: &str, target: &Target, root: &Path, source: &Path, output: &Path) -> Command {
    let mut cmd = Command::new(clang);
    cmd.arg(format!("--target={}", target.triple))
        .args(COMMON_CFLAGS)
        .args(target.cflags)
        .arg("-I")
        .arg(root.join("runtime/include"))
        .arg(source)
        .arg("-o")
        .arg(output);
    cmd
}

/// Compile every source (in parallel) and return the bitcode files.
fn compile_all(
    clang: &str,
    target: &Target,
    root: &Path,
    sources: &[PathBuf],
    obj_dir: &Path,
) -> Vec<PathBuf> {
    let mut jobs = Vec::new();
    for source in sources {
        let rel = source.strip_prefix(root).unwrap_or(source);
        let name = rel.to_string_lossy().replace(['/', '\\'], "_");
        let output = obj_dir.join(format!("{name}.bc"));
        let child = compile(clang, target, root, source, &output)
            .spawn()
            .unwrap_or_else(|e| fail(&format!("cannot run `{clang}`: {e}")));
        jobs.push((source, output, child));
    }
    let mut objects = Vec::new();
    for (source, output, mut child) in jobs {
        match child.wait() {
            Ok(status) if status.success() => objects.push(output),
            _ => fail(&format!("clang failed on {}", source.display())),
        }
    }
    objects
}

fn run(mut cmd: Command, what: &str) {
    match cmd.status() {
        Ok(status) if status.success() => {}
        Ok(status) => fail(&format!("{what} failed ({status}): {cmd:?}")),
        Err(e) => fail(&format!("cannot run {what}: {e}")),
    }
}

fn index_entries(files: &[(&str, PathBuf)]) -> String {
    files
        .iter()
        .map(|(triple, path)| {
            format!(
                "({triple:?}, include_bytes!({:?}))",
                path.display().to_string()
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}
