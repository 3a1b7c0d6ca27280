//! Exported C symbol names: any UTF-8 export name maps to a valid,
//! unique C identifier.

/// Escape an export name into a C identifier fragment.
///
/// `[A-Za-z0-9]` pass through; `_` becomes `__`; any other character
/// becomes `_xHH` per UTF-8 byte (uppercase hex). The mapping is
/// injective because `_` is always followed by `_` or `x` and a hex
/// pair, so two different names never collide.
pub fn escape(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' => out.push(b as char),
            b'_' => out.push_str("__"),
            _ => out.push_str(&format!("_x{b:02X}")),
        }
    }
    out
}

/// Turn a file stem into a valid C prefix (the default `--name`).
pub fn prefix_from_stem(stem: &str) -> String {
    let mut p: String =
        stem.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' }).collect();
    if p.is_empty() || p.starts_with(|c: char| c.is_ascii_digit()) {
        p.insert(0, 'm');
    }
    p
}

/// Whether `s` can be used as a symbol prefix as given.
pub fn is_c_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// The C symbol of an exported function's typed wrapper.
pub fn export_symbol(prefix: &str, export: &str) -> String {
    format!("{prefix}_{}", escape(export))
}

/// The C symbol of the module descriptor.
pub fn module_symbol(prefix: &str) -> String {
    format!("{prefix}_module")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_is_injective_and_valid() {
        let names = ["a_b", "a__b", "a.b", "a_x2Eb", "", "ü", "_", "__", "x"];
        let escaped: Vec<_> = names.iter().map(|n| escape(n)).collect();
        for (i, a) in escaped.iter().enumerate() {
            assert!(is_c_identifier(&format!("p_{a}")), "{a}");
            for b in &escaped[i + 1..] {
                assert_ne!(a, b);
            }
        }
        assert_eq!(escape("get_x"), "get__x");
        assert_eq!(escape("a.b"), "a_x2Eb");
        assert_eq!(escape("ü"), "_xC3_xBC");
    }

    #[test]
    fn prefixes_are_identifiers() {
        assert_eq!(prefix_from_stem("my-prog.v2"), "my_prog_v2");
        assert_eq!(prefix_from_stem("2mm"), "m2mm");
        assert!(is_c_identifier(&prefix_from_stem("")));
    }
}
