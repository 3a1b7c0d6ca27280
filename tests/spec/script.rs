//! Running one .wast script: every directive in order, against instances
//! of modules compiled by awsm. Counts assertions; a failing `module`,
//! `register` or `invoke` directive counts as a failure too (what follows
//! it would not test what it means to).

use super::common::scripts::definition;
use super::ffi::{self, Api, Extern, Instance, Val};
use super::modules::{self, Compiled, Compiler, Verdict};
use super::spectest::Spectest;
use super::values::{self, Value};
use std::collections::{HashMap, HashSet};
use std::ffi::{CString, c_char};
use std::path::Path;
use std::sync::Arc;
use wast::core::WastRetCore;
use wast::parser::{self, ParseBuffer};
use wast::{QuoteWat, QuoteWatTest, Wast, WastDirective, WastExecute, WastInvoke, WastRet};

/// Outcome counts of one script.
#[derive(Default, Clone, Debug)]
pub struct Counts {
    pub passed: usize,
    pub failed: usize,
    pub skipped: usize,
    /// One line per failure: "line N: what went wrong".
    pub failures: Vec<String>,
}

/// A live instance and the module it came from.
#[derive(Clone)]
struct Inst {
    ptr: Instance,
    module: Arc<Compiled>,
}

/// What a guest call produced.
enum Outcome {
    Values(Vec<Value>),
    Trap(String),
}

/// State of one running script.
struct Run<'a> {
    api: &'a Api,
    compiler: &'a Compiler,
    scratch: &'a Path,
    /// Every instance made, freed at the end in reverse order.
    instances: Vec<Instance>,
    current: Option<Inst>,
    named: HashMap<String, Inst>,
    registered: HashMap<String, Inst>,
    definitions: HashMap<String, Arc<Compiled>>,
    spectest: Spectest,
    counts: Counts,
}

/// Run `text` (the script at `name`); `skip_lines` lists the lines of
/// directives to skip (None: skip the whole script, counting its
/// assertions as skipped). `scratch` is a file
/// path the runner may overwrite.
pub fn run(
    name: &str,
    text: &str,
    api: &Api,
    compiler: &Compiler,
    skip_lines: Option<&HashSet<usize>>,
    scratch: &Path,
    mut progress: impl FnMut(usize),
) -> Counts {
    let mut counts = Counts::default();
    // names.wast exports names with bidi controls: valid, if confusing.
    let mut lexer = wast::lexer::Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let buf = match ParseBuffer::new_with_lexer(lexer) {
        Ok(b) => b,
        Err(e) => {
            counts.failed += 1;
            counts.failures.push(format!("{name}: cannot lex: {e}"));
            return counts;
        }
    };
    let wast = match parser::parse::<Wast>(&buf) {
        Ok(w) => w,
        Err(e) => {
            counts.failed += 1;
            counts.failures.push(format!("{name}: cannot parse: {e}"));
            return counts;
        }
    };
    let spectest = match Spectest::new(api, compiler.strategy_id()) {
        Ok(s) => s,
        Err(e) => {
            counts.failed += 1;
            counts.failures.push(e);
            return counts;
        }
    };
    let mut run = Run {
        api,
        compiler,
        scratch,
        instances: Vec::new(),
        current: None,
        named: HashMap::new(),
        registered: HashMap::new(),
        definitions: HashMap::new(),
        spectest,
        counts,
    };
    for directive in wast.directives {
        let (line, _) = directive.span().linecol_in(text);
        let line = line + 1;
        progress(line);
        let is_assertion = is_assertion(&directive);
        if is_assertion && skip_lines.is_none_or(|s| s.contains(&line)) {
            run.counts.skipped += 1;
            continue;
        }
        // A script skipped as a whole compiles none of its modules either.
        if skip_lines.is_none() {
            continue;
        }
        match run.directive(directive) {
            Ok(()) if is_assertion => run.counts.passed += 1,
            Ok(()) => {}
            Err(e) => {
                run.counts.failed += 1;
                run.counts.failures.push(format!("{name}:{line}: {e}"));
            }
        }
    }
    run.finish()
}

fn is_assertion(d: &WastDirective) -> bool {
    !matches!(
        d,
        WastDirective::Module(_)
            | WastDirective::ModuleDefinition(_)
            | WastDirective::ModuleInstance { .. }
            | WastDirective::Register { .. }
            | WastDirective::Invoke(_)
    )
}

/// Encode a module of the script: Ok(binary) or the text to hand to awsm.
enum Source {
    Binary(Vec<u8>),
    Text(Vec<u8>),
}

fn source(module: &mut QuoteWat) -> Result<Source, String> {
    match module.to_test() {
        Ok(QuoteWatTest::Binary(b)) => Ok(Source::Binary(b)),
        Ok(QuoteWatTest::Text(t)) => Ok(Source::Text(t)),
        Err(e) => Err(format!("the script's module does not encode: {e}")),
    }
}

impl Run<'_> {
    fn finish(mut self) -> Counts {
        for inst in self.instances.drain(..).rev() {
            // SAFETY: each was returned by awsm_instantiate and is freed once.
            unsafe { (self.api.instance_free)(inst) };
        }
        // The spectest table and memory go with `self`, after the instances.
        std::mem::take(&mut self.counts)
    }

    fn directive(&mut self, d: WastDirective) -> Result<(), String> {
        match d {
            WastDirective::Module(mut m) => {
                let name = m.name().map(|id| id.name().to_string());
                let compiled = self.compile_quote(&mut m)?;
                let inst = self.instantiate(&compiled).map_err(|e| format!("instantiation failed: {e}"))?;
                self.set_current(name, inst);
                Ok(())
            }
            WastDirective::ModuleDefinition(mut m) => {
                let name = m.name().map(|id| id.name().to_string());
                let compiled = self.compile_quote(&mut m)?;
                if let Some(name) = name {
                    self.definitions.insert(name, compiled);
                }
                Ok(())
            }
            WastDirective::ModuleInstance { instance, module, .. } => {
                let compiled = definition(&self.definitions, module.map(|m| m.name()))?;
                let inst = self.instantiate(&compiled).map_err(|e| format!("instantiation failed: {e}"))?;
                self.set_current(instance.map(|i| i.name().to_string()), inst);
                Ok(())
            }
            WastDirective::Register { name, module, .. } => {
                let inst = self.instance(module.map(|m| m.name()))?;
                self.registered.insert(name.to_string(), inst);
                Ok(())
            }
            WastDirective::Invoke(inv) => match self.invoke(&inv)? {
                Outcome::Values(_) => Ok(()),
                Outcome::Trap(msg) => Err(format!("invoke {:?} trapped: {msg}", inv.name)),
            },
            WastDirective::AssertReturn { exec, results, .. } => self.assert_return(exec, &results),
            WastDirective::AssertTrap { exec, message, .. } => self.assert_trap(exec, message),
            WastDirective::AssertExhaustion { call, message, .. } => match self.invoke(&call)? {
                Outcome::Trap(msg) if trap_matches(&msg, message) => Ok(()),
                Outcome::Trap(msg) => Err(format!("expected trap {message:?}, got {msg:?}")),
                Outcome::Values(v) => Err(format!("expected exhaustion {message:?}, got {v:?}")),
            },
            WastDirective::AssertInvalid { mut module, message, .. }
            | WastDirective::AssertMalformed { mut module, message, .. } => {
                self.assert_rejected(&mut module, message)
            }
            WastDirective::AssertUnlinkable { module, message, .. } => {
                let mut m = QuoteWat::Wat(module);
                let compiled = self.compile_quote(&mut m)?;
                match self.instantiate(&compiled) {
                    Ok(_) => Err(format!("instantiation succeeded, expected {message:?}")),
                    Err(Failure::Trap(msg)) => {
                        Err(format!("instantiation trapped ({msg}), expected {message:?}"))
                    }
                    Err(Failure::Link(_)) => Ok(()),
                }
            }
            WastDirective::AssertInvalidCustom { mut module, .. }
            | WastDirective::AssertMalformedCustom { mut module, .. } => {
                // Custom sections do not affect awsm: the module must compile.
                self.compile_quote(&mut module).map(|_| ())
            }
            other => Err(format!("directive not supported by the runner: {other:?}")),
        }
    }

    fn set_current(&mut self, name: Option<String>, inst: Inst) {
        if let Some(name) = name {
            self.named.insert(name, inst.clone());
        }
        self.current = Some(inst);
    }

    fn instance(&self, id: Option<&str>) -> Result<Inst, String> {
        match id {
            None => self.current.clone().ok_or_else(|| "no current module".to_string()),
            Some(name) => self.named.get(name).cloned().ok_or_else(|| format!("no module ${name}")),
        }
    }

    fn compile_quote(&mut self, m: &mut QuoteWat) -> Result<Arc<Compiled>, String> {
        let bytes = match source(m)? {
            Source::Binary(b) => b,
            Source::Text(t) => modules::text_to_binary(&t, self.scratch)?,
        };
        self.compiler.compile(&bytes).map_err(|e| format!("compilation failed: {e}"))
    }

    /// Instantiate with the imports the module names, from registered
    /// instances and spectest.
    fn instantiate(&mut self, module: &Arc<Compiled>) -> Result<Inst, Failure> {
        let desc = module.desc();
        let mut strings: Vec<CString> = Vec::new();
        let mut externs: Vec<Extern> = Vec::new();
        let mut keep = |s: &str| -> *const c_char {
            let c = CString::new(s).unwrap_or_default();
            let p = c.as_ptr();
            strings.push(c);
            p
        };
        for imp in desc.imports() {
            let (m, n) = (ffi::cstr(imp.module), ffi::cstr(imp.name));
            let mut e = Extern {
                module: keep(m),
                name: keep(n),
                kind: 0,
                u: std::ptr::null_mut(),
                host_callback: None,
                host_env: std::ptr::null_mut(),
                host_sig: std::ptr::null(),
            };
            if m == "spectest" {
                let Some(p) = self.spectest.lookup(n) else { continue };
                e.kind = p.kind;
                e.u = p.ptr;
                e.host_callback = p.callback;
                e.host_sig = p.sig.map_or(std::ptr::null(), |s| s.as_ptr());
            } else {
                let Some(exporter) = self.registered.get(m) else { continue };
                let Some((kind, _)) = exporter.module.desc().export(n) else { continue };
                let cname = keep(n);
                let api = self.api;
                // SAFETY: a live instance and a NUL-terminated name.
                e.u = unsafe {
                    match kind {
                        ffi::KIND_FUNC => (api.export_func)(exporter.ptr, cname) as *mut _,
                        ffi::KIND_TABLE => (api.export_table)(exporter.ptr, cname),
                        ffi::KIND_MEMORY => (api.export_memory)(exporter.ptr, cname),
                        _ => (api.export_global)(exporter.ptr, cname) as *mut _,
                    }
                };
                e.kind = kind;
            }
            externs.push(e);
        }
        let mut err: *const c_char = std::ptr::null();
        // SAFETY: a descriptor of a loaded module; externs and their strings
        // live across the call.
        let inst = unsafe { (self.api.instantiate)(module.desc, externs.as_ptr(), externs.len(), &mut err) };
        drop(strings);
        if inst.is_null() {
            // SAFETY: plain runtime call.
            let status = unsafe { (self.api.instantiate_status)() };
            let msg = ffi::cstr(err).to_string();
            return Err(if status.code != 0 { Failure::Trap(msg) } else { Failure::Link(msg) });
        }
        self.instances.push(inst);
        Ok(Inst { ptr: inst, module: module.clone() })
    }

    fn invoke(&mut self, inv: &WastInvoke) -> Result<Outcome, String> {
        let inst = self.instance(inv.module.map(|m| m.name()))?;
        // By length: export names may contain NUL bytes (names.wast).
        // SAFETY: a live instance and `len` bytes of name.
        let f = unsafe {
            (self.api.export_func_len)(inst.ptr, inv.name.as_ptr() as *const c_char, inv.name.len())
        };
        if f.is_null() {
            return Err(format!("no exported function {:?}", inv.name));
        }
        let sig = self.api.func_sig(f);
        let (params, results) = values::split_sig(&sig);
        if params.len() != inv.args.len() {
            return Err(format!(
                "{:?} takes {} arguments ({sig}), the script passes {}",
                inv.name,
                params.len(),
                inv.args.len()
            ));
        }
        let args = inv
            .args
            .iter()
            .zip(&params)
            .map(|(a, l)| values::arg_to_val(a, *l))
            .collect::<Result<Vec<_>, _>>()?;
        let mut out = vec![Val::ZERO; results.len().max(1)];
        // SAFETY: args and results hold one cell per param/result of `sig`.
        let r = unsafe { (self.api.call_funcref)(f, args.as_ptr(), out.as_mut_ptr()) };
        if r.code != 0 {
            return Ok(Outcome::Trap(self.api.message(r.code)));
        }
        let vals = out
            .iter()
            .zip(&results)
            .map(|(v, l)| values::val_to_value(v, *l))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Outcome::Values(vals))
    }

    fn get(&mut self, module: Option<&str>, global: &str) -> Result<Value, String> {
        let inst = self.instance(module)?;
        let desc = inst.module.desc();
        let ty = match desc.export(global) {
            Some((ffi::KIND_GLOBAL, index)) => desc.global_type(index).ok_or("bad global index")?,
            _ => return Err(format!("no exported global {global:?}")),
        };
        let name = CString::new(global).map_err(|e| e.to_string())?;
        // SAFETY: a live instance and a NUL-terminated name.
        let cell = unsafe { (self.api.export_global)(inst.ptr, name.as_ptr()) };
        if cell.is_null() {
            return Err(format!("awsm_export_global({global:?}) returned NULL"));
        }
        // SAFETY: a live global cell.
        values::val_to_value(unsafe { &*cell }, values::letter_of_type(ty))
    }

    fn assert_return(&mut self, exec: WastExecute, expected: &[WastRet]) -> Result<(), String> {
        let actual = match exec {
            WastExecute::Invoke(inv) => match self.invoke(&inv)? {
                Outcome::Values(v) => v,
                Outcome::Trap(msg) => return Err(format!("{:?} trapped: {msg}", inv.name)),
            },
            WastExecute::Get { module, global, .. } => vec![self.get(module.map(|m| m.name()), global)?],
            WastExecute::Wat(w) => {
                let mut m = QuoteWat::Wat(w);
                let compiled = self.compile_quote(&mut m)?;
                self.instantiate(&compiled).map_err(|e| format!("instantiation failed: {e}"))?;
                vec![]
            }
        };
        let ok = actual.len() == expected.len()
            && expected.iter().zip(&actual).all(|(e, a)| values::matches(e, a));
        if ok { Ok(()) } else { Err(format!("expected {}, got {actual:?}", describe(expected))) }
    }

    fn assert_trap(&mut self, exec: WastExecute, message: &str) -> Result<(), String> {
        match exec {
            WastExecute::Invoke(inv) => match self.invoke(&inv)? {
                Outcome::Trap(msg) if trap_matches(&msg, message) => Ok(()),
                Outcome::Trap(msg) => Err(format!("{:?}: expected trap {message:?}, got {msg:?}", inv.name)),
                Outcome::Values(v) => Err(format!("{:?}: expected trap {message:?}, got {v:?}", inv.name)),
            },
            WastExecute::Wat(w) => {
                let mut m = QuoteWat::Wat(w);
                let compiled = self.compile_quote(&mut m)?;
                match self.instantiate(&compiled) {
                    Err(Failure::Trap(msg)) if trap_matches(&msg, message) => Ok(()),
                    Err(e) => Err(format!("instantiation: expected trap {message:?}, got {e}")),
                    Ok(_) => Err(format!("instantiation succeeded, expected trap {message:?}")),
                }
            }
            WastExecute::Get { .. } => Err("assert_trap on a global get".to_string()),
        }
    }

    fn assert_rejected(&mut self, module: &mut QuoteWat, message: &str) -> Result<(), String> {
        let (bytes, is_text) = match source(module) {
            Ok(Source::Binary(b)) => (b, false),
            Ok(Source::Text(t)) => (t, true),
            // The script's own text does not encode: nothing reaches awsm.
            Err(e) => return Err(format!("expected {message:?}: {e}")),
        };
        match modules::check(&bytes, is_text, self.scratch) {
            Verdict::Rejected => Ok(()),
            Verdict::OtherError(e) => Err(format!("expected {message:?}, rejected for another reason: {e}")),
            Verdict::Accepted => Err(format!("module accepted, expected {message:?}")),
            Verdict::Panicked => Err(format!("awsm panicked, expected {message:?}")),
        }
    }
}

/// Why instantiation failed.
enum Failure {
    /// Initialisation or the start function trapped: the trap message.
    Trap(String),
    /// Imports did not resolve (or allocation failed): the error.
    Link(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Trap(m) => write!(f, "trap: {m}"),
            Failure::Link(m) => write!(f, "{m}"),
        }
    }
}

/// Trap messages match when one starts with the other: scripts sometimes
/// add detail ("uninitialized element 2") or abbreviate ("uninitialized").
fn trap_matches(actual: &str, expected: &str) -> bool {
    actual.starts_with(expected) || expected.starts_with(actual)
}

fn describe(expected: &[WastRet]) -> String {
    let parts: Vec<String> = expected
        .iter()
        .map(|r| match r {
            WastRet::Core(WastRetCore::I32(v)) => format!("i32:{v}"),
            WastRet::Core(WastRetCore::I64(v)) => format!("i64:{v}"),
            WastRet::Core(c) => format!("{c:?}"),
            #[allow(unreachable_patterns)]
            other => format!("{other:?}"),
        })
        .collect();
    format!("[{}]", parts.join(", "))
}
