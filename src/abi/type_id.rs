//! Canonical type ids the compiler can compute. The runtime gives every
//! signature of at most [`MAX_ENCODED`] letters (':' included) a fixed id
//! that encodes the string (`encoded_id` in runtime/types.c), and interns
//! only longer ones. So `call_indirect` compares the callee's id with a
//! constant instead of loading the expected id from the instance on every
//! call. A change here is an ABI change: keep types.c in step (the
//! runtime's C tests and every cross-module call_indirect test pin both).

/// Longest signature string with a fixed id.
pub const MAX_ENCODED: usize = 10;

/// Signature letters by their 3-bit code.
const LETTERS: &[u8; 8] = b":iIfFvre";

/// The fixed id of signature string `sig` (see `module::signature`), or
/// None when the runtime interns it instead: bit 31, then a 1 bit marking
/// the length, then 3 bits per letter.
pub fn encoded_id(sig: &str) -> Option<u32> {
    if sig.is_empty() || sig.len() > MAX_ENCODED {
        return None;
    }
    let mut id = 1u32;
    for c in sig.bytes() {
        let code = LETTERS.iter().position(|&l| l == c)? as u32;
        id = (id << 3) | code;
    }
    Some(0x8000_0000 | id)
}

#[cfg(test)]
mod tests {
    use super::encoded_id;

    /// The same values are asserted against the C runtime in
    /// runtime/tests/test_instance.c (test_type_ids).
    #[test]
    fn ids_match_the_runtime() {
        assert_eq!(encoded_id("ii:i"), Some(0x8000_1241));
        assert_eq!(encoded_id(":"), Some(0x8000_0008));
        assert_eq!(encoded_id("iIfFvre:i"), Some(0x8000_0000 | 0o1123456701));
        assert_eq!(encoded_id("iiiiiiiii:"), Some(0x8000_0000 | 0o11111111110));
        assert_eq!(encoded_id("iiiiiiiiii:"), None); // 11 letters: interned
        assert_eq!(encoded_id("i:x"), None);
        assert_eq!(encoded_id(""), None);
    }
}
