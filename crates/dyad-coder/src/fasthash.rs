//! A small, fast hasher for the maps on the coding path, keyed by short codes, language tags
//! and positions (FxHash's rotate, xor and multiply per word): SipHash's resistance to chosen
//! keys buys nothing for keys that come from the dictionaries and one document, and costs more
//! than the lookups it serves. Nothing iterates these maps in an order that reaches the output.

use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: one rotate, xor and multiply per 8 bytes.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x517c_c1b7_2722_0a95;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A `HashMap` with [`FxHasher`].
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fast_map_finds_what_was_put_in_it() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        for (i, k) in ["USA", "RUS", "", "a longer key than eight bytes", "中国"]
            .iter()
            .enumerate()
        {
            m.insert(k, i);
        }
        assert_eq!(m.get("RUS"), Some(&1));
        assert_eq!(m.get(""), Some(&2));
        assert_eq!(m.get("a longer key than eight bytes"), Some(&3));
        assert_eq!(m.get("中国"), Some(&4));
        assert_eq!(m.get("US"), None);
    }
}
