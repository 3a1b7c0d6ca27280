//! Modules and calls from a seed. A seed fixes everything (the module
//! wasm-smith builds, the arguments of every call), so a mismatch is
//! reproduced by its seed and config alone.
//!
//! The wasm-smith configuration is what awsm supports today: WebAssembly
//! 2.0 without SIMD, no imports, one memory of at most a few pages (so
//! the memory is hashed after every call cheaply), no start function (a
//! trapping start would hide the module). NaNs are canonicalised by the
//! generator (`canonicalize_nans`): every float operation's NaN result
//! becomes the canonical NaN, so results, globals and memory are compared
//! bit for bit, where the spec would otherwise let the payload differ
//! between two correct engines. Widen this as awsm gains features.

use arbitrary::Unstructured;

/// A value crossing the boundary: its type and bits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    I32(u32),
    I64(u64),
    F32(u32),
    F64(u64),
    /// A null reference (the only one a host can make without an instance).
    Null {
        func: bool,
    },
}

impl Value {
    /// The text the host reads and prints: bits in hex, `n` for null.
    pub fn text(self) -> String {
        match self {
            Value::I32(b) | Value::F32(b) => format!("{b:08x}"),
            Value::I64(b) | Value::F64(b) => format!("{b:016x}"),
            Value::Null { .. } => "n".to_string(),
        }
    }
}

/// One call of an exported function.
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    /// Whether the call is made on a fresh instance (the old one is
    /// dropped), so that one export running out of fuel or trapping leaves
    /// the others something to compare.
    pub fresh: bool,
    pub export: String,
    pub args: Vec<Value>,
}

impl Call {
    /// The host's command line: `call xNAME-HEX ARG...`, or `fresh ...`.
    pub fn command(&self) -> String {
        // An `x` before the hex, so that the empty name is a word too.
        let mut line = String::from(if self.fresh { "fresh x" } else { "call x" });
        line.extend(self.export.bytes().map(|b| format!("{b:02x}")));
        for arg in &self.args {
            line.push(' ');
            line.push_str(&arg.text());
        }
        line
    }

    /// Parses [`Call::command`]'s output (the regression files' headers);
    /// `params` gives an export's parameter types.
    pub fn parse(command: &str, params: impl Fn(&str) -> Vec<wasmi::ValType>) -> Result<Call, String> {
        let mut words = command.split_whitespace();
        let (Some(verb @ ("call" | "fresh")), Some(hex)) =
            (words.next(), words.next().and_then(|w| w.strip_prefix('x')))
        else {
            return Err(format!("not a call: {command}"));
        };
        let bytes: Result<Vec<u8>, _> = (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("x"), 16))
            .collect();
        let export =
            String::from_utf8(bytes.map_err(|e| format!("{command}: {e}"))?).map_err(|e| e.to_string())?;
        let args: Vec<&str> = words.collect();
        let params = params(&export);
        if args.len() != params.len() {
            return Err(format!("{command}: {} arguments for {} parameters", args.len(), params.len()));
        }
        let args = args
            .iter()
            .zip(&params)
            .map(|(text, ty)| {
                let bits = if *text == "n" {
                    0
                } else {
                    u64::from_str_radix(text, 16).map_err(|e| format!("{text}: {e}"))?
                };
                Ok(match ty {
                    wasmi::ValType::I32 => Value::I32(bits as u32),
                    wasmi::ValType::I64 => Value::I64(bits),
                    wasmi::ValType::F32 => Value::F32(bits as u32),
                    wasmi::ValType::F64 => Value::F64(bits),
                    wasmi::ValType::FuncRef => Value::Null { func: true },
                    _ => Value::Null { func: false },
                })
            })
            .collect::<Result<_, String>>()?;
        Ok(Call { fresh: verb == "fresh", export, args })
    }
}

/// Bytes fed to wasm-smith per module: enough for a few functions of a
/// few hundred instructions.
const ENTROPY: usize = 8 * 1024;

/// wasm-smith's configuration for awsm's feature set (module doc).
pub fn config() -> wasm_smith::Config {
    wasm_smith::Config {
        simd_enabled: false,
        relaxed_simd_enabled: false,
        threads_enabled: false,
        exceptions_enabled: false,
        tail_call_enabled: false,
        memory64_enabled: false,
        gc_enabled: false,
        custom_page_sizes_enabled: false,
        wide_arithmetic_enabled: false,
        extended_const_enabled: false,
        multi_value_enabled: true,
        bulk_memory_enabled: true,
        reference_types_enabled: true,
        sign_extension_ops_enabled: true,
        saturating_float_to_int_enabled: true,
        max_imports: 0,
        max_memories: 1,
        max_memory32_bytes: 4 * 65536,
        memory_max_size_required: true,
        max_tables: 3,
        max_table_elements: 100,
        table_max_size_required: true,
        min_funcs: 3,
        max_funcs: 12,
        min_types: 3,
        max_types: 12,
        max_globals: 8,
        max_data_segments: 4,
        max_element_segments: 4,
        max_elements: 20,
        max_instructions: 400,
        max_exports: 30,
        export_everything: true,
        allow_start_export: false,
        canonicalize_nans: true,
        ..wasm_smith::Config::default()
    }
}

#[path = "../common/rng.rs"]
mod rng;
pub use rng::Rng;

/// Generated argument bits (tests/common/rng.rs is the generator).
impl Rng {
    /// Bits that find bugs more often than uniform ones: edges of the
    /// integer ranges, small numbers, float specials, or anything.
    fn bits(&mut self, wide: bool) -> u64 {
        const EDGES: [u64; 8] = [
            0,
            1,
            u64::MAX,
            0x8000_0000,
            0x7fff_ffff,
            0x8000_0000_0000_0000,
            0x7fff_ffff_ffff_ffff,
            0xffff_0000,
        ];
        const F32: [u64; 6] = [0x7fc0_0000, 0x7f80_0000, 0xff80_0000, 0x8000_0000, 0x3f80_0000, 0x4f00_0000];
        const F64: [u64; 6] = [
            0x7ff8_0000_0000_0000,
            0x7ff0_0000_0000_0000,
            0xfff0_0000_0000_0000,
            0x8000_0000_0000_0000,
            0x3ff0_0000_0000_0000,
            0x41e0_0000_0000_0000,
        ];
        let pick = self.next();
        match pick % 5 {
            0 => EDGES[(pick >> 8) as usize % EDGES.len()],
            1 => (pick >> 8) % 64,
            2 if wide => F64[(pick >> 8) as usize % F64.len()],
            2 => F32[(pick >> 8) as usize % F32.len()],
            _ => self.next(),
        }
    }
}

/// The module of `seed` (valid by construction) and the calls to make.
pub fn case(seed: u64) -> (Vec<u8>, Vec<Call>) {
    let mut rng = Rng::new(seed);
    let entropy: Vec<u8> = (0..ENTROPY / 8).flat_map(|_| rng.next().to_le_bytes()).collect();
    let module = wasm_smith::Module::new(config(), &mut Unstructured::new(&entropy))
        .expect("wasm-smith never fails with entropy left over");
    let wasm = module.to_bytes();
    let calls = calls(&wasm, &mut rng);
    (wasm, calls)
}

/// Every exported function twice on a fresh instance, then all of them
/// once more in export order on one instance (their effects on each
/// other), with arguments drawn from `rng`.
pub fn calls(wasm: &[u8], rng: &mut Rng) -> Vec<Call> {
    let engine = wasmi::Engine::default();
    let Ok(module) = wasmi::Module::new(&engine, wasm) else { return Vec::new() };
    let funcs: Vec<(String, Vec<wasmi::ValType>)> = module
        .exports()
        .filter_map(|e| e.ty().func().map(|f| (e.name().to_string(), f.params().to_vec())))
        .collect();
    let mut call = |fresh: bool, (export, params): &(String, Vec<wasmi::ValType>)| {
        let args = params
            .iter()
            .map(|ty| match ty {
                wasmi::ValType::I32 => Value::I32(rng.bits(false) as u32),
                wasmi::ValType::I64 => Value::I64(rng.bits(true)),
                wasmi::ValType::F32 => Value::F32(rng.bits(false) as u32),
                wasmi::ValType::F64 => Value::F64(rng.bits(true)),
                wasmi::ValType::FuncRef => Value::Null { func: true },
                _ => Value::Null { func: false },
            })
            .collect();
        Call { fresh, export: export.clone(), args }
    };
    let mut calls = Vec::new();
    for func in &funcs {
        calls.push(call(true, func));
        calls.push(call(false, func));
    }
    for (i, func) in funcs.iter().enumerate() {
        calls.push(call(i == 0, func));
    }
    calls
}
