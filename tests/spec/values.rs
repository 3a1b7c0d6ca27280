//! Script values ↔ `awsm_val`, and matching results against expectations
//! (exact bits, NaN patterns, reference kinds).
//!
//! `ref.extern N` is the pointer value N + 1, so `ref.extern 0` is not
//! null; `ref.null` is NULL. Signature letters are awsm.h's: i I f F v r e.
//! A v128 travels as the union's 16 bytes, lane 0 first.

use super::ffi::Val;
use std::fmt;
use wast::WastArg;
use wast::WastRet;
use wast::core::{NanPattern, V128Pattern, WastArgCore, WastRetCore};

/// A result value, typed by its signature letter.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Value {
    I32(i32),
    I64(i64),
    F32(u32),
    F64(u64),
    /// A v128, little-endian (lane 0 in the low bits).
    V128(u128),
    FuncRef(usize),
    ExternRef(usize),
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Value::I32(v) => write!(f, "i32:{v}"),
            Value::I64(v) => write!(f, "i64:{v}"),
            Value::F32(b) => write!(f, "f32:{} (0x{b:08x})", f32::from_bits(b)),
            Value::F64(b) => write!(f, "f64:{} (0x{b:016x})", f64::from_bits(b)),
            Value::V128(b) => write!(f, "v128:0x{b:032x}"),
            Value::FuncRef(0) | Value::ExternRef(0) => write!(f, "ref.null"),
            Value::FuncRef(p) => write!(f, "ref.func@{p:#x}"),
            Value::ExternRef(p) => write!(f, "ref.extern {}", p - 1),
        }
    }
}

/// The value type letters of a signature's params and results.
pub fn split_sig(sig: &str) -> (Vec<u8>, Vec<u8>) {
    let (p, r) = sig.split_once(':').unwrap_or((sig, ""));
    (p.bytes().collect(), r.bytes().collect())
}

/// Convert a script argument to an `awsm_val` of type `letter`.
pub fn arg_to_val(arg: &WastArg, letter: u8) -> Result<Val, String> {
    let WastArg::Core(core) = arg else { return Err("component-model argument".to_string()) };
    let mut v = Val::ZERO;
    match (core, letter) {
        (WastArgCore::I32(x), b'i') => v.i32 = *x,
        (WastArgCore::I64(x), b'I') => v.i64 = *x,
        (WastArgCore::F32(x), b'f') => v.f32 = x.bits,
        (WastArgCore::F64(x), b'F') => v.f64 = x.bits,
        (WastArgCore::V128(x), b'v') => v.bytes = x.to_le_bytes(),
        (WastArgCore::RefNull(_), b'r' | b'e') => v.ptr = std::ptr::null_mut(),
        (WastArgCore::RefExtern(n), b'e') => v.ptr = (*n as usize + 1) as *mut _,
        (other, l) => return Err(format!("argument {other:?} for a parameter of type '{}'", l as char)),
    }
    Ok(v)
}

/// Read an `awsm_val` of type `letter`.
pub fn val_to_value(v: &Val, letter: u8) -> Result<Value, String> {
    // SAFETY: every field of the union is plain data; `letter` says which
    // one the callee wrote.
    unsafe {
        Ok(match letter {
            b'i' => Value::I32(v.i32),
            b'I' => Value::I64(v.i64),
            b'f' => Value::F32(v.f32),
            b'F' => Value::F64(v.f64),
            b'v' => Value::V128(u128::from_le_bytes(v.bytes)),
            b'r' => Value::FuncRef(v.ptr as usize),
            b'e' => Value::ExternRef(v.ptr as usize),
            other => return Err(format!("unsupported result type '{}'", other as char)),
        })
    }
}

/// The signature letter of an `AWSM_TYPE_*` code.
pub fn letter_of_type(code: u32) -> u8 {
    match code {
        0x7f => b'i',
        0x7e => b'I',
        0x7d => b'f',
        0x7c => b'F',
        0x7b => b'v',
        0x70 => b'r',
        _ => b'e',
    }
}

fn f32_matches(p: &NanPattern<wast::token::F32>, bits: u32) -> bool {
    match p {
        NanPattern::CanonicalNan => bits & 0x7fff_ffff == 0x7fc0_0000,
        NanPattern::ArithmeticNan => bits & 0x7fc0_0000 == 0x7fc0_0000,
        NanPattern::Value(x) => x.bits == bits,
    }
}

fn f64_matches(p: &NanPattern<wast::token::F64>, bits: u64) -> bool {
    match p {
        NanPattern::CanonicalNan => bits & 0x7fff_ffff_ffff_ffff == 0x7ff8_0000_0000_0000,
        NanPattern::ArithmeticNan => bits & 0x7ff8_0000_0000_0000 == 0x7ff8_0000_0000_0000,
        NanPattern::Value(x) => x.bits == bits,
    }
}

/// Lane `i` of `bits` bits of a v128.
fn lane(v: u128, bits: u32, i: usize) -> u128 {
    (v >> (bits as usize * i)) & ((1u128 << bits) - 1)
}

/// Whether a v128 matches a per-lane pattern (integers exact, floats
/// exact or NaN patterns lane by lane).
fn v128_matches(p: &V128Pattern, v: u128) -> bool {
    let ints = |bits: u32, want: Vec<u128>| want.iter().enumerate().all(|(i, w)| lane(v, bits, i) == *w);
    match p {
        V128Pattern::I8x16(l) => ints(8, l.iter().map(|x| *x as u8 as u128).collect()),
        V128Pattern::I16x8(l) => ints(16, l.iter().map(|x| *x as u16 as u128).collect()),
        V128Pattern::I32x4(l) => ints(32, l.iter().map(|x| *x as u32 as u128).collect()),
        V128Pattern::I64x2(l) => ints(64, l.iter().map(|x| *x as u64 as u128).collect()),
        V128Pattern::F32x4(l) => l.iter().enumerate().all(|(i, p)| f32_matches(p, lane(v, 32, i) as u32)),
        V128Pattern::F64x2(l) => l.iter().enumerate().all(|(i, p)| f64_matches(p, lane(v, 64, i) as u64)),
    }
}

fn core_matches(expected: &WastRetCore, actual: &Value) -> bool {
    match (expected, actual) {
        (WastRetCore::I32(e), Value::I32(a)) => e == a,
        (WastRetCore::I64(e), Value::I64(a)) => e == a,
        (WastRetCore::F32(p), Value::F32(a)) => f32_matches(p, *a),
        (WastRetCore::F64(p), Value::F64(a)) => f64_matches(p, *a),
        (WastRetCore::V128(p), Value::V128(a)) => v128_matches(p, *a),
        (WastRetCore::RefNull(_), Value::FuncRef(a) | Value::ExternRef(a)) => *a == 0,
        (WastRetCore::RefExtern(None), Value::ExternRef(a)) => *a != 0,
        (WastRetCore::RefExtern(Some(n)), Value::ExternRef(a)) => *a == *n as usize + 1,
        (WastRetCore::RefFunc(_), Value::FuncRef(a)) => *a != 0,
        (WastRetCore::Either(options), a) => options.iter().any(|o| core_matches(o, a)),
        _ => false,
    }
}

/// Whether `actual` satisfies the expectation `expected`.
pub fn matches(expected: &WastRet, actual: &Value) -> bool {
    match expected {
        WastRet::Core(c) => core_matches(c, actual),
        #[allow(unreachable_patterns)]
        _ => false,
    }
}
