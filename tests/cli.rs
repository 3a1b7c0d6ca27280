//! The `awsm` command line: every output kind, the options, and bad input
//! (one line on stderr, exit status 1, no panic, no output file left).

mod common;

use common::AWSM;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A module exercising the options: an immutable global, a float→int
/// truncation, an export with an escaped name, and WASI output.
const MODULE: &str = r#"(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
  (memory (export "memory") 1)
  (global $answer i32 (i32.const 42))
  (data (i32.const 16) "ok\n")
  (func (export "get.answer") (result i32) (global.get $answer))
  (func $trunc (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
  (func (export "_start")
    (i32.store (i32.const 0) (i32.const 16))
    (i32.store (i32.const 4) (i32.const 3))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
    (drop (call $trunc (f64.const nan)))
    (call $exit (i32.const 7))))"#;

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp dir")
}

fn awsm(args: &[&str]) -> Output {
    Command::new(AWSM).args(args).output().expect("run awsm")
}

/// Runs awsm with `args` and panics, with the command line and awsm's
/// stderr, unless it succeeds.
fn compile(args: &[&str]) {
    let r = awsm(args);
    assert!(r.status.success(), "awsm {args:?}: {}", String::from_utf8_lossy(&r.stderr));
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write input");
    p
}

fn s(p: &Path) -> &str {
    p.to_str().expect("utf-8 path")
}

/// Assert a clean failure: exit 1, exactly one stderr line containing
/// `needle`, and no file at `out`.
fn assert_fails(out: &Output, needle: &str, path: &Path) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "stderr: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "want one line, got: {stderr}");
    assert!(stderr.starts_with("awsm: "), "{stderr}");
    assert!(stderr.contains(needle), "want {needle:?} in {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(!path.exists(), "output {} left behind", path.display());
    let leftovers: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".awsm-"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn every_output_kind_by_extension() {
    let d = tmp();
    let input = write(d.path(), "m.wat", MODULE.as_bytes());
    let check = |name: &str, magic: &[u8]| {
        let out = d.path().join(name);
        compile(&[s(&input), "-o", s(&out)]);
        let bytes = std::fs::read(&out).expect("output written");
        assert!(bytes.starts_with(magic), "{name} starts with {:?}", &bytes[..8.min(bytes.len())]);
        bytes
    };
    check("m.bc", b"BC\xc0\xde");
    let ll = check("m.ll", b"");
    assert!(String::from_utf8_lossy(&ll).contains("define"), "textual IR");
    let asm = check("m.s", b"");
    assert!(String::from_utf8_lossy(&asm).contains(".text"), "assembly");
    let obj = check("m.o", b"\x7fELF");
    assert_eq!(u16::from_le_bytes([obj[16], obj[17]]), 1, "ET_REL");
    let so = check("m.so", b"\x7fELF");
    assert_eq!(u16::from_le_bytes([so[16], so[17]]), 3, "ET_DYN");
    check("m", b"\x7fELF");
    let run = Command::new(d.path().join("m")).output().expect("run exe");
    assert_eq!(String::from_utf8_lossy(&run.stdout), "ok\n");
    // `_start` truncates a NaN before calling proc_exit(7): that traps.
    assert_eq!(run.status.code(), Some(134));
    assert_eq!(String::from_utf8_lossy(&run.stderr), "awsm: trap: invalid conversion to integer\n");
}

#[test]
fn emit_overrides_extension_and_stdin_input() {
    let d = tmp();
    let out = d.path().join("weird.o");
    let mut child = Command::new(AWSM)
        .args(["-", "-o", s(&out), "--emit", "ll"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    use std::io::Write;
    child.stdin.take().unwrap().write_all(MODULE.as_bytes()).unwrap();
    let r = child.wait_with_output().unwrap();
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = std::fs::read_to_string(&out).expect("IR written");
    assert!(text.contains("define"), "--emit ll wins over .o");
    assert!(text.contains("@module_module"), "stdin gets the prefix 'module'");
}

#[test]
fn name_prefix_and_escaped_export_symbols() {
    let d = tmp();
    let input = write(d.path(), "m.wat", MODULE.as_bytes());
    let out = d.path().join("m.ll");
    compile(&[s(&input), "-o", s(&out), "--name", "plug"]);
    let ir = std::fs::read_to_string(&out).unwrap();
    assert!(ir.contains("@plug_module"), "descriptor symbol");
    assert!(ir.contains("@plug_get_x2Eanswer"), "escaped export wrapper");
    assert!(ir.contains("@plug__x5Fstart") || ir.contains("@plug___start"), "_start wrapper");
    let bad = awsm(&[s(&input), "-o", s(&d.path().join("x.ll")), "--name", "9lives"]);
    assert_fails(&bad, "not a C identifier", &d.path().join("x.ll"));
}

/// The IR of the `get.answer` wrapper at -O2.
fn answer_ir(extra: &[&str]) -> String {
    let d = tmp();
    let input = write(d.path(), "m.wat", MODULE.as_bytes());
    let out = d.path().join("m.ll");
    let mut args = vec![s(&input), "-o", s(&out), "--emit", "ll"];
    args.extend_from_slice(extra);
    compile(&args);
    let ir = std::fs::read_to_string(&out).unwrap();
    let start = ir.find("@m_get_x2Eanswer(").expect("wrapper defined");
    let body = &ir[start..];
    body[..body.find("\n}").unwrap()].to_string()
}

#[test]
fn inline_constant_globals_folds_immutable_globals() {
    assert!(answer_ir(&["-i"]).contains("ret i32 42"), "with -i the constant is inlined");
    assert!(!answer_ir(&[]).contains("ret i32 42"), "without -i the global is loaded");
}

#[test]
fn runtime_globals_go_through_runtime_calls() {
    let ir = answer_ir(&["--runtime-globals"]);
    assert!(ir.contains("awsm_rt_global_get_i32"), "{ir}");
    assert!(!answer_ir(&[]).contains("awsm_rt_global_get_i32"));
}

#[test]
fn fast_unsafe_skips_truncation_traps() {
    let d = tmp();
    let input = write(d.path(), "m.wat", MODULE.as_bytes());
    let safe = d.path().join("safe");
    let fast = d.path().join("fast");
    compile(&[s(&input), "-o", s(&safe)]);
    compile(&[s(&input), "-o", s(&fast), "-u"]);
    let r = Command::new(&safe).output().unwrap();
    assert_eq!(r.status.code(), Some(134), "NaN truncation traps by default");
    assert!(String::from_utf8_lossy(&r.stderr).contains("awsm: trap: invalid conversion to integer"));
    let r = Command::new(&fast).output().unwrap();
    assert_eq!(r.status.code(), Some(7), "with -u it does not trap");
}

#[test]
fn optimisation_levels_and_strategies_all_run() {
    let d = tmp();
    let input = write(d.path(), "m.wat", MODULE.as_bytes());
    // clang's spellings of the size levels: -Os, -Oz, and -O s.
    let levels: [&[&str]; 7] = [&["-O0"], &["-O1"], &["-O2"], &["-O3"], &["-Os"], &["-Oz"], &["-O", "s"]];
    for level in levels {
        for strategy in ["guard-pages", "explicit"] {
            let out = d.path().join(format!("m{}{strategy}", level.join("")));
            let mut args = vec![s(&input), "-o", s(&out), "--bounds-checks", strategy];
            args.extend(level);
            compile(&args);
            let run = Command::new(&out).output().unwrap();
            assert_eq!(run.status.code(), Some(134), "{level:?} {strategy}");
        }
    }
}

/// -Os and -Oz optimise for size: guest functions (`wasm_f<N>`) carry
/// `optsize` (and `minsize` at -Oz) into the IR, which -O2 does not give
/// them.
#[test]
fn size_levels_mark_functions_for_size() {
    let d = tmp();
    let input = write(d.path(), "m.wat", MODULE.as_bytes());
    let attributes = |level: &str| {
        let out = d.path().join(format!("m{level}.ll"));
        compile(&[s(&input), "-o", s(&out), level]);
        let ir = std::fs::read_to_string(&out).unwrap();
        let guest =
            ir.lines().find(|l| l.starts_with("define") && l.contains("@wasm_f")).expect("a guest function");
        let group = guest.rsplit('#').next().unwrap().split_whitespace().next().unwrap().to_string();
        ir.lines()
            .find(|l| l.starts_with(&format!("attributes #{group} ")))
            .unwrap_or_else(|| panic!("attribute group #{group} of {guest}"))
            .to_string()
    };
    let o2 = attributes("-O2");
    assert!(!o2.contains("optsize") && !o2.contains("minsize"), "-O2: {o2}");
    let os = attributes("-Os");
    assert!(os.contains("optsize") && !os.contains("minsize"), "-Os: {os}");
    let oz = attributes("-Oz");
    assert!(oz.contains("optsize") && oz.contains("minsize"), "-Oz: {oz}");
}

/// A helper called from one place is inlined and dropped: the module
/// descriptor only names functions the runtime can look up by index
/// (exports, table elements), so nothing else keeps it alive. A function
/// in the table keeps its definition even when every direct call to it
/// was inlined.
#[test]
fn unreferenced_functions_are_inlined_and_dropped() {
    let module = r#"(module
      (table 1 funcref)
      (elem (i32.const 0) $in_table)
      (func $helper (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
      (func $in_table (param i32) (result i32) (i32.add (local.get 0) (i32.const 5)))
      (func (export "f") (param i32) (result i32)
        (i32.add (call $helper (local.get 0)) (call $in_table (local.get 0)))))"#;
    let d = tmp();
    let input = write(d.path(), "m.wat", module.as_bytes());
    let out = d.path().join("m.ll");
    compile(&[s(&input), "-o", s(&out)]);
    let ir = std::fs::read_to_string(&out).unwrap();
    assert!(!ir.contains("@wasm_f0("), "the helper is gone:\n{ir}");
    assert!(ir.contains("@wasm_f1("), "the table's function stays");
    let ptrs = ir.lines().find(|l| l.starts_with("@wasm_func_ptrs")).expect("descriptor array");
    assert!(ptrs.contains("ptr null, ptr @wasm_f1"), "{ptrs}");
}

#[test]
fn missing_file() {
    let d = tmp();
    let out = d.path().join("out");
    assert_fails(&awsm(&["/nonexistent/x.wasm", "-o", s(&out)]), "io error: cannot read", &out);
}

#[test]
fn malformed_binary_reports_offset() {
    let d = tmp();
    let input = write(d.path(), "bad.wasm", b"\0asm\x02\0\0\0");
    let out = d.path().join("out");
    assert_fails(&awsm(&[s(&input), "-o", s(&out)]), "invalid module", &out);
    let input = write(d.path(), "junk.wasm", b"this is not wasm");
    assert_fails(&awsm(&[s(&input), "-o", s(&out)]), "(at byte offset 0x0)", &out);
}

#[test]
fn invalid_module_reports_offset() {
    // A function declared to return i32 whose body is empty.
    let bytes = b"\0asm\x01\0\0\0\x01\x05\x01\x60\0\x01\x7f\x03\x02\x01\0\x0a\x04\x01\x02\0\x0b";
    let d = tmp();
    let input = write(d.path(), "bad.wasm", bytes);
    let out = d.path().join("out.o");
    let r = awsm(&[s(&input), "-o", s(&out)]);
    assert_fails(&r, "invalid module: type mismatch", &out);
    assert!(String::from_utf8_lossy(&r.stderr).contains("(at byte offset 0x18)"));
}

#[test]
fn invalid_text_is_one_line() {
    let d = tmp();
    let input = write(d.path(), "bad.wat", b"(module (func (result i32) i32.add))x");
    let out = d.path().join("out");
    assert_fails(&awsm(&[s(&input), "-o", s(&out)]), "invalid", &out);
}

#[test]
fn unsupported_feature() {
    let d = tmp();
    let wat = "(module (func (result v128) (i32x4.relaxed_trunc_f32x4_s (v128.const i64x2 0 0))))";
    let input = write(d.path(), "relaxed.wat", wat.as_bytes());
    let out = d.path().join("out.o");
    let r = awsm(&[s(&input), "-o", s(&out)]);
    assert_fails(&r, "unsupported module", &out);
    assert!(String::from_utf8_lossy(&r.stderr).contains("unsupported feature: relaxed-simd"));
}

#[test]
fn executable_with_non_wasi_imports_is_refused() {
    let d = tmp();
    let wat = r#"(module (import "env" "f" (func)) (func (export "_start") (call 0)))"#;
    let input = write(d.path(), "imp.wat", wat.as_bytes());
    let out = d.path().join("exe");
    assert_fails(&awsm(&[s(&input), "-o", s(&out)]), "import env.f cannot be satisfied", &out);
    // The same module is fine as an object: the host provides the import.
    let obj = d.path().join("imp.o");
    compile(&[s(&input), "-o", s(&obj)]);
}

#[test]
fn bad_options() {
    let d = tmp();
    let input = write(d.path(), "m.wat", MODULE.as_bytes());
    let out = d.path().join("out");
    assert_fails(&awsm(&[s(&input), "-o", s(&out), "--target", "mips-unknown-none"]), "unknown target", &out);
    assert_fails(
        &awsm(&[s(&input), "-o", s(&out), "--bounds-checks", "magic"]),
        "unknown bounds-check",
        &out,
    );
    assert_fails(&awsm(&[s(&input), "-o", s(&out), "--emit", "pdf"]), "unknown output kind", &out);
    for level in ["-Ox", "-O4", "-Ofast"] {
        let r = awsm(&[s(&input), "-o", s(&out), level]);
        assert_fails(
            &r,
            &format!("unknown optimisation level '{level}' (known: -O0, -O1, -O2, -O3, -Os, -Oz)"),
            &out,
        );
    }
}

#[test]
fn failure_keeps_an_existing_output_untouched() {
    let d = tmp();
    let out = write(d.path(), "prog", b"previous build");
    let input = write(d.path(), "bad.wasm", b"\0asm\x01\0\0\0\x01\x01");
    let r = awsm(&[s(&input), "-o", s(&out)]);
    assert_eq!(r.status.code(), Some(1));
    assert_eq!(std::fs::read(&out).unwrap(), b"previous build");
}

/// A call that grows (and, under `explicit`, may move) memory before the
/// function's first access must not leave a stale memory base behind.
#[test]
fn memory_growth_in_a_callee_before_the_first_access() {
    let wat = r#"(module
      (import "wasi_snapshot_preview1" "proc_exit" (func $exit (param i32)))
      (memory 1)
      (func $grow (drop (memory.grow (i32.const 64))))
      (func (export "_start")
        (local i32)
        (loop $l
          (call $grow)
          (i32.store (i32.mul (local.get 0) (i32.const 65536)) (local.get 0))
          (br_if $l (i32.lt_u (local.tee 0 (i32.add (local.get 0) (i32.const 1))) (i32.const 40))))
        (call $exit (i32.load (i32.const 2555904)))))"#; // 39 * 65536
    let d = tmp();
    let input = write(d.path(), "grow.wat", wat.as_bytes());
    for strategy in ["guard-pages", "explicit"] {
        let out = d.path().join(format!("grow-{strategy}"));
        compile(&[s(&input), "-o", s(&out), "--bounds-checks", strategy]);
        let run = Command::new(&out).output().unwrap();
        assert_eq!(run.status.code(), Some(39), "{strategy}: {}", String::from_utf8_lossy(&run.stderr));
    }
}

/// `--print-passes` prints the pipeline of the command line, one step a
/// line, without an input file or with one, and compiles nothing.
#[test]
fn print_passes_lists_the_pipeline_without_compiling() {
    let dir = tmp();
    let out = dir.path().join("m.o");
    let r = awsm(&[
        "--print-passes",
        "-O2",
        "--target",
        "aarch64-unknown-linux-gnu",
        "--bounds-checks",
        "explicit",
    ]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let text = String::from_utf8_lossy(&r.stdout);
    let steps: Vec<&str> = text.lines().skip(1).filter_map(|l| l.split_whitespace().nth(1)).collect();
    assert_eq!(
        steps,
        ["translate", "mask-bits", "mem2reg", "reroll", "hoist", "link-runtime", "linkage", "llvm", "emit"]
    );
    let input = write(dir.path(), "m.wat", MODULE.as_bytes());
    let r = awsm(&["--print-passes", s(&input), "-o", s(&out), "-Oz", "--target", "thumbv7em-none-eabihf"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(String::from_utf8_lossy(&r.stdout).contains("llvm default<Oz>"));
    assert!(!out.exists(), "--print-passes compiled");
}

/// `--stop-before`/`--stop-after` write textual IR whatever the output's
/// extension, and refuse a step the command line does not run.
#[test]
fn stop_before_and_after_a_step_write_its_ir() {
    let dir = tmp();
    let input = write(dir.path(), "m.wat", MODULE.as_bytes());
    let out = dir.path().join("m.o");
    let r = awsm(&[s(&input), "-o", s(&out), "--stop-after", "translate"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let ir = std::fs::read_to_string(&out).expect("IR written");
    let runtime_defined = ir.lines().any(|l| l.starts_with("define") && l.contains("@awsm_"));
    assert!(ir.contains("define internal") && !runtime_defined, "the guest alone:\n{ir}");
    let r = awsm(&[s(&input), "-o", s(&out), "--stop-before", "emit"]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    assert!(std::fs::read_to_string(&out).expect("IR written").contains("target triple"));
    let missing = dir.path().join("none.ll");
    let r = awsm(&[s(&input), "-o", s(&missing), "--stop-before", "hoist"]);
    assert_fails(&r, "step 'hoist' does not run for this command line", &missing);
}
