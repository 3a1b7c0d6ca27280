//! Building and running a script's driver for a cross target: awsm
//! compiles each module to an object in-process, the target's C toolchain
//! (`Linker::for_target`, as awsm links executables) compiles driver.c
//! with the script's tables and links it with the objects and one runtime
//! object, and the program runs natively (i686) or under qemu-aarch64.

use super::common::{Finished, can_run, qemu_user, repo_path, run_with_limit};
use super::guest_only::emit_guest_only;
use awsm::abi::strategy::Strategy;
use awsm::driver::{self, OptLevel, Options};
use awsm::target::TargetInfo;
use awsm::target::link::{Emit, Linker};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

/// A target, the bounds-check strategy its code is compiled with, and how
/// its programs run.
#[derive(Debug)]
pub struct Config {
    /// What the report and the skip list call it.
    pub name: &'static str,
    pub triple: &'static str,
    pub strategy: Strategy,
    /// Runs under qemu-aarch64 rather than natively.
    pub emulated: bool,
}

/// How long one driver may run before it is killed.
const RUN_LIMIT: Duration = Duration::from_secs(300);

/// What a ready configuration builds and runs with.
pub struct Tools {
    linker: Linker,
    runtime_object: PathBuf,
    /// qemu-aarch64 and the sysroot it loads the C library from.
    qemu: Option<(String, String)>,
}

impl Config {
    fn options(&self, output: PathBuf, prefix: &str, emit: Emit, opt_level: OptLevel) -> Options {
        Options {
            input: PathBuf::from(format!("{prefix}.wasm")),
            output,
            emit: Some(emit),
            target: Some(self.triple.to_string()),
            opt_level,
            strategy: Some(self.strategy.name().to_string()),
            name: Some(prefix.to_string()),
            inline_constant_globals: false,
            fast_unsafe: false,
            runtime_globals: false,
        }
    }

    /// Whether this machine has what the configuration needs: Err(reason)
    /// when a tool or package is missing. Builds the runtime object (an
    /// empty module compiled exactly as `awsm --target T -o x.o` does)
    /// into `dir`, and links and runs a trivial program with it.
    pub fn probe(&self, dir: &Path) -> Result<Tools, String> {
        let qemu = if self.emulated { Some(qemu_user()?) } else { None };
        let target = TargetInfo::find(Some(self.triple)).map_err(|e| e.to_string())?;
        let linker = Linker::for_target(&target, None).map_err(|e| e.to_string())?;
        if !can_run(&linker.program) {
            return Err(format!("the linker {} is not installed ({})", linker.program, linker.packages));
        }
        let runtime_object = dir.join(format!("runtime-{}.o", self.name));
        let empty = wat::parse_str("(module)").map_err(|e| e.to_string())?;
        let opts = self.options(runtime_object.clone(), "runtime", Emit::Object, OptLevel::O2);
        if let Err(e) = driver::compile_bytes(&empty, &opts) {
            // Only an absent package is a reason to skip.
            if e.message.contains("headers are missing") {
                return Err(e.to_string());
            }
            panic!("{}: awsm cannot compile an empty module: {e}", self.name);
        }
        let tools = Tools { linker, runtime_object, qemu };
        let source = dir.join(format!("probe-{}.c", self.name));
        std::fs::write(&source, "int main(void) { return 0; }\n").map_err(|e| e.to_string())?;
        let exe = dir.join(format!("probe-{}", self.name));
        let mut cc = tools.compiler(&exe);
        cc.arg(&source).arg(&tools.runtime_object).arg("-o").arg(&exe).args(&tools.linker.libs);
        let out = cc.output().map_err(|e| format!("cannot run {}: {e}", tools.linker.program))?;
        if !out.status.success() {
            return Err(format!(
                "{} cannot link for {} (are {} installed?): {}",
                tools.linker.program,
                self.triple,
                tools.linker.packages,
                String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or("")
            ));
        }
        let run = self.run(&tools, &exe)?;
        if run.status.code() != Some(0) {
            let why = format!("a trivial {} program fails: {}", self.triple, run.describe_status());
            if self.emulated {
                panic!("{why}; stderr: {}", String::from_utf8_lossy(&run.stderr));
            }
            return Err(format!("this machine cannot run it: {why}"));
        }
        Ok(tools)
    }

    /// Compile `wasm` with symbol prefix `prefix` to the object `out`.
    /// `full`: exactly as `awsm --target T -o out.o` does (module and whole
    /// runtime at -O2). Otherwise the module only, as tests/spec.rs does on
    /// x86-64: awsm's pipeline at -O0 to bitcode, the runtime's weak_odr
    /// definitions made available_externally (they still inline), then -O2
    /// and emission; what is not inlined links against the runtime object.
    /// Optimising the whole runtime again per module was most of the time.
    pub fn compile(&self, wasm: &[u8], prefix: &str, out: &Path, full: bool) -> Result<(), String> {
        let bitcode = out.with_extension("bc");
        let opts = if full {
            self.options(out.to_path_buf(), prefix, Emit::Object, OptLevel::O2)
        } else {
            self.options(bitcode.clone(), prefix, Emit::Bitcode, OptLevel::O0)
        };
        match catch_unwind(AssertUnwindSafe(|| driver::compile_bytes(wasm, &opts))) {
            Err(_) => return Err("awsm panicked while compiling".to_string()),
            Ok(Err(e)) => return Err(e.to_string()),
            Ok(Ok(())) => {}
        }
        if !full {
            let emitted = catch_unwind(AssertUnwindSafe(|| {
                emit_guest_only(&bitcode, out, Some(self.triple), Emit::Object)
            }));
            let _ = std::fs::remove_file(&bitcode);
            emitted.map_err(|_| "panicked emitting the module's code".to_string())??;
        }
        Ok(())
    }

    /// Compile driver.c with the tables in `data` (a file in `exe`'s
    /// directory) and link it with `objects` and the runtime into `exe`.
    pub fn link(&self, tools: &Tools, data: &Path, objects: &[PathBuf], exe: &Path) -> Result<(), String> {
        let data_name = data.file_name().and_then(|n| n.to_str()).ok_or("bad data file name")?;
        let driver = repo_path("tests/spec_cross/driver.c");
        let mut cc = tools.compiler(exe);
        cc.args(["-std=c11", "-O1", "-Wall", "-Wextra", "-Werror"])
            .arg(format!("-I{}", repo_path("runtime/include").display()))
            .arg(format!("-DSPEC_DATA=\"{data_name}\""))
            .arg(driver)
            .arg(&tools.runtime_object)
            .args(objects)
            .arg("-o")
            .arg(exe)
            .args(&tools.linker.libs);
        let out = cc.output().map_err(|e| format!("cannot run {}: {e}", tools.linker.program))?;
        if out.status.success() {
            return Ok(());
        }
        let stderr = String::from_utf8_lossy(&out.stderr);
        let gist: Vec<&str> = stderr.lines().take(6).collect();
        Err(format!("building the driver failed: {}", gist.join(" | ")))
    }

    /// Run the driver `exe`.
    pub fn run(&self, tools: &Tools, exe: &Path) -> Result<Finished, String> {
        let mut cmd = match &tools.qemu {
            Some((qemu, sysroot)) => {
                let mut cmd = Command::new(qemu);
                cmd.arg("-L").arg(sysroot).arg(exe);
                cmd
            }
            None => Command::new(exe),
        };
        run_with_limit(&mut cmd, b"", RUN_LIMIT).map_err(|e| format!("cannot run {}: {e}", exe.display()))
    }
}

impl Tools {
    /// The target's C compiler driver with its flags, in `exe`'s directory
    /// (the generated tables are included from there).
    fn compiler(&self, exe: &Path) -> Command {
        let mut cc = Command::new(&self.linker.program);
        cc.args(&self.linker.flags);
        if let Some(dir) = exe.parent() {
            cc.current_dir(dir).arg(format!("-I{}", dir.display()));
        }
        cc
    }
}
