//! Turning one .wast script into a plan for a driver program: the modules
//! to compile, the driver's directive table (tests/spec_cross/driver.c
//! runs it), and one report per directive of the script, so that every
//! directive is counted: run by the driver, skipped with a reason (what
//! does not depend on the target), or failed before the driver runs (a
//! module that does not encode).
//!
//! Instances live in numbered slots: each instantiation gets a new one,
//! and names (`$M`) and "the current module" resolve to slots here, so the
//! driver needs no name lookup.

use super::common::scripts::definition;
use std::collections::HashMap;
use wast::core::{NanPattern, V128Pattern, WastArgCore, WastRetCore};
use wast::parser::{self, ParseBuffer};
use wast::{QuoteWat, QuoteWatTest, Wast, WastArg, WastDirective, WastExecute, WastInvoke, WastRet};

/// `enum op` in driver.c.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    Module = 0,
    NoModule = 1,
    Register = 2,
    Invoke = 3,
    Return = 4,
    Trap = 5,
    Get = 6,
    ModuleTraps = 7,
    Unlinkable = 8,
}

/// `struct expect` in driver.c: a result matches when its bits under
/// `mask` are `bits`, or (`nonnull`) when it is a non-null reference. A
/// v128 result has two, one per 64-bit half.
#[derive(Clone, Copy, Debug)]
pub struct Expect {
    /// Signature letter, or b'R' for a reference of either kind.
    pub ty: u8,
    pub nonnull: bool,
    pub mask: u64,
    pub bits: u64,
}

/// One row of the driver's directive table (`struct directive`).
#[derive(Clone, Debug)]
pub struct Entry {
    /// Index of the report it fills; None for rows that report nothing.
    pub report: Option<usize>,
    pub op: Op,
    pub slot: usize,
    pub module: Option<usize>,
    pub name: Vec<u8>,
    pub params: String,
    /// One word per argument, two for a v128 (low half first).
    pub args: Vec<u64>,
    pub expects: Vec<Expect>,
    pub message: String,
}

/// What became of one directive of the script.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum State {
    /// The driver runs it and reports.
    Pending,
    Passed,
    Skipped(String),
    Failed(String),
}

#[derive(Clone, Debug)]
pub struct Report {
    pub line: usize,
    pub state: State,
}

/// Everything the driver for one script needs.
#[derive(Default)]
pub struct Plan {
    /// Distinct module binaries; `Entry::module` indexes this.
    pub modules: Vec<Vec<u8>>,
    pub entries: Vec<Entry>,
    pub reports: Vec<Report>,
    pub slots: usize,
}

/// Why assert_invalid and assert_malformed are not run here.
const TARGET_INDEPENDENT: &str = "validation is target-independent (tests/spec.rs checks it)";

struct Builder {
    plan: Plan,
    by_bytes: HashMap<Vec<u8>, usize>,
    current: Option<usize>,
    named: HashMap<String, usize>,
    definitions: HashMap<String, Result<usize, String>>,
}

/// Plan the script `text`.
pub fn build(text: &str) -> Result<Plan, String> {
    let mut lexer = wast::lexer::Lexer::new(text);
    lexer.allow_confusing_unicode(true);
    let buf = ParseBuffer::new_with_lexer(lexer).map_err(|e| format!("cannot lex: {e}"))?;
    let wast = parser::parse::<Wast>(&buf).map_err(|e| format!("cannot parse: {e}"))?;
    let mut b = Builder {
        plan: Plan::default(),
        by_bytes: HashMap::new(),
        current: None,
        named: HashMap::new(),
        definitions: HashMap::new(),
    };
    for d in wast.directives {
        let line = d.span().linecol_in(text).0 + 1;
        b.directive(d, line);
    }
    Ok(b.plan)
}

impl Builder {
    fn report(&mut self, line: usize, state: State) -> usize {
        self.plan.reports.push(Report { line, state });
        self.plan.reports.len() - 1
    }

    fn entry(&mut self, report: Option<usize>, op: Op, slot: usize) -> &mut Entry {
        self.plan.entries.push(Entry {
            report,
            op,
            slot,
            module: None,
            name: Vec::new(),
            params: String::new(),
            args: Vec::new(),
            expects: Vec::new(),
            message: String::new(),
        });
        self.plan.entries.last_mut().expect("just pushed")
    }

    fn new_slot(&mut self) -> usize {
        self.plan.slots += 1;
        self.plan.slots - 1
    }

    /// The module's index in the plan, or why it has none.
    fn module(&mut self, m: &mut QuoteWat) -> Result<usize, String> {
        let bytes = match m.to_test() {
            Ok(QuoteWatTest::Binary(b)) => b,
            Ok(QuoteWatTest::Text(t)) => wat::parse_bytes(&t)
                .map(|b| b.into_owned())
                .map_err(|e| format!("the module text does not parse: {e}"))?,
            Err(e) => return Err(format!("the script's module does not encode: {e}")),
        };
        let next = self.plan.modules.len();
        let index = *self.by_bytes.entry(bytes.clone()).or_insert(next);
        if index == next {
            self.plan.modules.push(bytes);
        }
        Ok(index)
    }

    /// A slot filled by instantiating `module` with `op`; reports into `report`.
    fn instantiate(&mut self, report: usize, op: Op, module: Result<usize, String>, message: &str) -> usize {
        let slot = self.new_slot();
        match module {
            Ok(m) => {
                let e = self.entry(Some(report), op, slot);
                e.module = Some(m);
                e.message = message.to_string();
            }
            Err(why) => {
                self.plan.reports[report].state = State::Failed(why);
                self.entry(None, Op::NoModule, slot);
            }
        }
        slot
    }

    fn slot(&self, id: Option<&str>) -> Result<usize, String> {
        match id {
            None => self.current.ok_or_else(|| "no current module".to_string()),
            Some(name) => self.named.get(name).copied().ok_or_else(|| format!("no module ${name}")),
        }
    }

    fn set_current(&mut self, name: Option<String>, slot: usize) {
        if let Some(name) = name {
            self.named.insert(name, slot);
        }
        self.current = Some(slot);
    }

    fn directive(&mut self, d: WastDirective, line: usize) {
        let report = self.report(line, State::Pending);
        let fail = |b: &mut Self, why: String| b.plan.reports[report].state = State::Failed(why);
        match d {
            WastDirective::Module(mut m) => {
                let name = m.name().map(|id| id.name().to_string());
                let module = self.module(&mut m);
                let slot = self.instantiate(report, Op::Module, module, "");
                self.set_current(name, slot);
            }
            WastDirective::ModuleDefinition(mut m) => {
                let name = m.name().map(|id| id.name().to_string()).unwrap_or_default();
                let module = self.module(&mut m);
                self.plan.reports[report].state = match &module {
                    Ok(_) => State::Passed,
                    Err(why) => State::Failed(why.clone()),
                };
                self.definitions.insert(name, module);
            }
            WastDirective::ModuleInstance { instance, module, .. } => {
                let module = definition(&self.definitions, module.map(|m| m.name())).and_then(|m| m);
                let slot = self.instantiate(report, Op::Module, module, "");
                self.set_current(instance.map(|i| i.name().to_string()), slot);
            }
            WastDirective::Register { name, module, .. } => match self.slot(module.map(|m| m.name())) {
                Ok(slot) => self.entry(Some(report), Op::Register, slot).name = name.as_bytes().to_vec(),
                Err(why) => fail(self, why),
            },
            WastDirective::Invoke(inv) => {
                if let Err(why) = self.call(report, Op::Invoke, &inv, &[], "") {
                    fail(self, why);
                }
            }
            WastDirective::AssertReturn { exec, results, .. } => {
                if let Err(why) = self.assert_return(report, exec, &results) {
                    fail(self, why);
                }
            }
            WastDirective::AssertTrap { exec, message, .. } => {
                let planned = match exec {
                    WastExecute::Invoke(inv) => self.call(report, Op::Trap, &inv, &[], message),
                    WastExecute::Wat(w) => {
                        let module = self.module(&mut QuoteWat::Wat(w));
                        self.instantiate(report, Op::ModuleTraps, module, message);
                        Ok(())
                    }
                    WastExecute::Get { .. } => Err("assert_trap on a global get".to_string()),
                };
                if let Err(why) = planned {
                    fail(self, why);
                }
            }
            WastDirective::AssertExhaustion { call, message, .. } => {
                if let Err(why) = self.call(report, Op::Trap, &call, &[], message) {
                    fail(self, why);
                }
            }
            WastDirective::AssertUnlinkable { module, message, .. } => {
                let module = self.module(&mut QuoteWat::Wat(module));
                self.instantiate(report, Op::Unlinkable, module, message);
            }
            WastDirective::AssertInvalid { .. }
            | WastDirective::AssertMalformed { .. }
            | WastDirective::AssertInvalidCustom { .. }
            | WastDirective::AssertMalformedCustom { .. } => {
                self.plan.reports[report].state = State::Skipped(TARGET_INDEPENDENT.to_string());
            }
            other => {
                let kind = format!("{other:?}");
                let kind = kind.split([' ', '{', '(']).next().unwrap_or("?").to_string();
                self.plan.reports[report].state = State::Skipped(format!("{kind} is not supported"));
            }
        }
    }

    fn assert_return(&mut self, report: usize, exec: WastExecute, results: &[WastRet]) -> Result<(), String> {
        let expects = results.iter().map(expect).collect::<Result<Vec<_>, _>>().map(|e| e.concat());
        let expects = match expects {
            Ok(e) => e,
            Err(why) => {
                self.plan.reports[report].state = State::Skipped(why);
                return Ok(());
            }
        };
        match exec {
            WastExecute::Invoke(inv) => self.call(report, Op::Return, &inv, &expects, ""),
            WastExecute::Get { module, global, .. } => {
                let slot = self.slot(module.map(|m| m.name()))?;
                if results.len() != 1 {
                    return Err("a global has one value".to_string());
                }
                let e = self.entry(Some(report), Op::Get, slot);
                e.name = global.as_bytes().to_vec();
                e.expects = expects;
                Ok(())
            }
            WastExecute::Wat(w) => {
                let module = self.module(&mut QuoteWat::Wat(w));
                self.instantiate(report, Op::Module, module, "");
                Ok(())
            }
        }
    }

    fn call(
        &mut self,
        report: usize,
        op: Op,
        inv: &WastInvoke,
        expects: &[Expect],
        message: &str,
    ) -> Result<(), String> {
        let slot = self.slot(inv.module.map(|m| m.name()))?;
        let mut params = String::new();
        let mut args = Vec::new();
        for a in &inv.args {
            match arg(a) {
                Ok((letter, bits)) => {
                    params.push(letter as char);
                    args.extend(bits);
                }
                Err(why) => {
                    self.plan.reports[report].state = State::Skipped(why);
                    return Ok(());
                }
            }
        }
        let e = self.entry(Some(report), op, slot);
        e.name = inv.name.as_bytes().to_vec();
        e.params = params;
        e.args = args;
        e.expects = expects.to_vec();
        e.message = message.to_string();
        Ok(())
    }
}

/// A script argument as (signature letter, bits); references as the
/// pointer the driver passes (`ref.extern N` is N + 1, null is 0). A v128
/// is two words, low half first; every other value one.
fn arg(a: &WastArg) -> Result<(u8, Vec<u64>), String> {
    let WastArg::Core(core) = a else { return Err("component-model argument".to_string()) };
    Ok(match core {
        WastArgCore::I32(x) => (b'i', vec![*x as u32 as u64]),
        WastArgCore::I64(x) => (b'I', vec![*x as u64]),
        WastArgCore::F32(x) => (b'f', vec![x.bits as u64]),
        WastArgCore::F64(x) => (b'F', vec![x.bits]),
        WastArgCore::V128(x) => {
            let v = u128::from_le_bytes(x.to_le_bytes());
            (b'v', vec![v as u64, (v >> 64) as u64])
        }
        WastArgCore::RefNull(_) => (b'R', vec![0]),
        WastArgCore::RefExtern(n) => (b'e', vec![*n as u64 + 1]),
        other => return Err(format!("argument {other:?} is not supported")),
    })
}

fn exact(ty: u8, mask: u64, bits: u64) -> Expect {
    Expect { ty, nonnull: false, mask, bits }
}

fn nonnull(ty: u8) -> Expect {
    Expect { ty, nonnull: true, mask: 0, bits: 0 }
}

/// (mask, bits) of an f32 pattern.
fn f32_pattern(p: &NanPattern<wast::token::F32>) -> (u64, u64) {
    match p {
        NanPattern::Value(x) => (0xffff_ffff, x.bits as u64),
        NanPattern::CanonicalNan => (0x7fff_ffff, 0x7fc0_0000),
        NanPattern::ArithmeticNan => (0x7fc0_0000, 0x7fc0_0000),
    }
}

/// (mask, bits) of an f64 pattern.
fn f64_pattern(p: &NanPattern<wast::token::F64>) -> (u64, u64) {
    match p {
        NanPattern::Value(x) => (u64::MAX, x.bits),
        NanPattern::CanonicalNan => (0x7fff_ffff_ffff_ffff, 0x7ff8 << 48),
        NanPattern::ArithmeticNan => (0x7ff8 << 48, 0x7ff8 << 48),
    }
}

/// A v128 pattern as two expectations of type 'v', the low half first:
/// each lane's (mask, bits) at its place in its half.
fn v128_expect(p: &V128Pattern) -> Vec<Expect> {
    let lanes: Vec<(u32, u64, u64)> = match p {
        V128Pattern::I8x16(l) => l.iter().map(|x| (8, 0xff, *x as u8 as u64)).collect(),
        V128Pattern::I16x8(l) => l.iter().map(|x| (16, 0xffff, *x as u16 as u64)).collect(),
        V128Pattern::I32x4(l) => l.iter().map(|x| (32, 0xffff_ffff, *x as u32 as u64)).collect(),
        V128Pattern::I64x2(l) => l.iter().map(|x| (64, u64::MAX, *x as u64)).collect(),
        V128Pattern::F32x4(l) => l.iter().map(f32_pattern).map(|(m, b)| (32, m, b)).collect(),
        V128Pattern::F64x2(l) => l.iter().map(f64_pattern).map(|(m, b)| (64, m, b)).collect(),
    };
    let mut halves = [exact(b'v', 0, 0), exact(b'v', 0, 0)];
    for (i, (width, mask, bits)) in lanes.into_iter().enumerate() {
        let at = i as u32 * width;
        let half = &mut halves[(at / 64) as usize];
        half.mask |= mask << (at % 64);
        half.bits |= bits << (at % 64);
    }
    halves.to_vec()
}

/// An expected result as masked bit patterns (NaN patterns included):
/// one, or two for a v128.
fn expect(r: &WastRet) -> Result<Vec<Expect>, String> {
    let WastRet::Core(core) = r else { return Err("component-model result".to_string()) };
    if let WastRetCore::V128(p) = core {
        return Ok(v128_expect(p));
    }
    Ok(vec![match core {
        WastRetCore::I32(v) => exact(b'i', 0xffff_ffff, *v as u32 as u64),
        WastRetCore::I64(v) => exact(b'I', u64::MAX, *v as u64),
        WastRetCore::F32(p) => {
            let (mask, bits) = f32_pattern(p);
            exact(b'f', mask, bits)
        }
        WastRetCore::F64(p) => {
            let (mask, bits) = f64_pattern(p);
            exact(b'F', mask, bits)
        }
        WastRetCore::RefNull(_) => exact(b'R', u64::MAX, 0),
        WastRetCore::RefExtern(None) => nonnull(b'e'),
        WastRetCore::RefExtern(Some(n)) => exact(b'e', u64::MAX, *n as u64 + 1),
        WastRetCore::RefFunc(_) => nonnull(b'r'),
        other => return Err(format!("result {other:?} is not supported")),
    }])
}
