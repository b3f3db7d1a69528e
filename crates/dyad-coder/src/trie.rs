//! Every occurrence of a set of literals in a text, as a trie over characters walked from each
//! character of the text. It finds exactly what an overlapping Aho-Corasick search finds, in
//! another order (by start, then by length). Why not the automaton: a language's literals
//! compile into a DFA of about 12 MB whose every byte step misses the cache, and a Chinese
//! character takes three of them; here a character costs one lookup in a page table and one in
//! a short sorted list of children, and most walks end after one or two characters.

/// No symbol: a character that occurs in no literal.
const NONE: u32 = 0;
/// No literal ends at a node.
const NO_LIT: u32 = u32::MAX;
/// Code points below this (Latin, Cyrillic, CJK unified ideographs) have their symbol in one
/// flat table.
const FLAT: u32 = 0xA000;

/// A trie of literals over characters.
#[derive(Debug, Clone, Default)]
pub(crate) struct CharTrie {
    /// The symbol of every character below [`FLAT`] that occurs in a literal (1…), by code point
    /// (one load per character of the text).
    flat: Vec<u32>,
    /// The same for the characters above, by pages of 256 code points.
    pages: Vec<Option<Box<[u32; 256]>>>,
    /// The children of the root by symbol, the node itself rather than its number (one load
    /// less on every character of the text); an empty node where there is none.
    root: Vec<Node>,
    /// Every node: the literal that ends there and where its children are.
    nodes: Vec<Node>,
    /// Children as (symbol, node), sorted by symbol within each node.
    edges: Vec<(u32, u32)>,
}

/// One node of a [`CharTrie`]: read with one load on the walk.
#[derive(Debug, Clone, Copy)]
struct Node {
    /// Its number (`NONE` for the empty node).
    id: u32,
    /// The literal that ends here (`NO_LIT`: none).
    lit: u32,
    /// Its children: `edges[first..end]`.
    first: u32,
    end: u32,
}

impl CharTrie {
    /// The trie of `literals` (literal `i` is reported as `i`); empty literals are never found.
    pub(crate) fn new<S: AsRef<str>>(literals: &[S]) -> CharTrie {
        let mut t = CharTrie::default();
        // build with sorted child lists per node, then flatten
        let mut children: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        let mut lit: Vec<u32> = vec![NO_LIT];
        let mut next_sym = 1u32;
        for (i, l) in literals.iter().enumerate() {
            let mut node = 0usize;
            for c in l.as_ref().chars() {
                let sym = match t.sym(c) {
                    NONE => {
                        t.set_sym(c, next_sym);
                        next_sym += 1;
                        next_sym - 1
                    }
                    s => s,
                };
                node = match children[node].binary_search_by_key(&sym, |&(s, _)| s) {
                    Ok(k) => children[node][k].1 as usize,
                    Err(k) => {
                        let new = children.len() as u32;
                        children[node].insert(k, (sym, new));
                        children.push(Vec::new());
                        lit.push(NO_LIT);
                        new as usize
                    }
                };
            }
            if node != 0 && lit[node] == NO_LIT {
                lit[node] = i as u32;
            }
        }
        for (id, (ch, &l)) in children.iter().zip(&lit).enumerate() {
            let first = t.edges.len() as u32;
            t.edges.extend_from_slice(ch);
            t.nodes.push(Node {
                id: id as u32,
                lit: l,
                first,
                end: t.edges.len() as u32,
            });
        }
        let empty = Node {
            id: NONE,
            lit: NO_LIT,
            first: 0,
            end: 0,
        };
        t.root = vec![empty; next_sym as usize];
        for &(s, to) in &children[0] {
            t.root[s as usize] = t.nodes[to as usize];
        }
        t
    }

    #[inline]
    fn sym(&self, c: char) -> u32 {
        self.sym_of(c as u32)
    }

    /// The symbol of code point `u`.
    #[inline]
    fn sym_of(&self, u: u32) -> u32 {
        if u < FLAT {
            return self.flat.get(u as usize).copied().unwrap_or(NONE);
        }
        match self.pages.get((u >> 8) as usize) {
            Some(Some(page)) => page[(u & 0xff) as usize],
            _ => NONE,
        }
    }

    fn set_sym(&mut self, c: char, sym: u32) {
        let u = c as u32;
        if u < FLAT {
            if self.flat.is_empty() {
                self.flat = vec![NONE; FLAT as usize];
            }
            self.flat[u as usize] = sym;
            return;
        }
        let p = (u >> 8) as usize;
        if self.pages.len() <= p {
            self.pages.resize(p + 1, None);
        }
        self.pages[p].get_or_insert_with(|| Box::new([NONE; 256]))[(u & 0xff) as usize] = sym;
    }

    #[inline]
    fn child(&self, node: &Node, sym: u32) -> u32 {
        let edges = &self.edges[node.first as usize..node.end as usize];
        let k = if edges.len() <= 8 {
            edges.iter().position(|&(s, _)| s == sym)
        } else {
            edges.binary_search_by_key(&sym, |&(s, _)| s).ok()
        };
        k.map_or(NONE, |k| edges[k].1)
    }

    /// Calls `f(start, end, literal)` for every occurrence of every literal in `text` (byte
    /// offsets), by start and, at one start, shortest first.
    #[inline]
    pub(crate) fn for_each_match(&self, text: &str, mut f: impl FnMut(usize, usize, usize)) {
        // every character's symbol and end, decoded once (by hand: the text is valid UTF-8,
        // and the standard decoder's checks and iterator plumbing cost more than the lookups)
        let bytes = text.as_bytes();
        let mut syms: Vec<(u32, u32)> = Vec::with_capacity(bytes.len());
        let mut at = 0;
        while at < bytes.len() {
            let lead = u32::from(bytes[at]);
            let cont = |k: usize| u32::from(bytes[at + k] & 0x3f);
            let (code, len) = if lead < 0x80 {
                (lead, 1)
            } else if lead < 0xe0 {
                (((lead & 0x1f) << 6) | cont(1), 2)
            } else if lead < 0xf0 {
                (((lead & 0x0f) << 12) | (cont(1) << 6) | cont(2), 3)
            } else {
                (
                    ((lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
                    4,
                )
            };
            at += len;
            syms.push((self.sym_of(code), at as u32));
        }
        for (i, &(sym, e)) in syms.iter().enumerate() {
            if sym == NONE {
                continue;
            }
            let s = if i == 0 { 0 } else { syms[i - 1].1 as usize };
            let mut node = &self.root[sym as usize];
            let mut j = i + 1;
            let mut e = e as usize;
            while node.id != NONE {
                if node.lit != NO_LIT {
                    f(s, e, node.lit as usize);
                }
                if node.first == node.end {
                    break;
                }
                let Some(&(sym, next_e)) = syms.get(j) else {
                    break;
                };
                if sym == NONE {
                    break;
                }
                match self.child(node, sym) {
                    NONE => break,
                    id => node = &self.nodes[id as usize],
                }
                j += 1;
                e = next_e as usize;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasick, MatchKind};

    /// The same occurrences as an overlapping Aho-Corasick search, in any order.
    #[test]
    fn finds_what_an_overlapping_search_finds() {
        let lits: Vec<&str> =
            "美|俄|美俄|美国|俄罗斯|普京|普|会晤|会|us|u|usa|a b|б|Путин|путин|国务|国务卿|卿|é|😀美"
                .split('|')
                .collect();
        let texts = [
            "美俄两国元首会晤，美国国务卿与俄罗斯外长普京会见。",
            "usa us u a b путин Путина",
            "",
            "国",
            "卿卿国务卿国务",
            "😀美国é美😀美",
        ];
        let t = CharTrie::new(&lits);
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&lits)
            .unwrap();
        for text in texts {
            let mut mine = Vec::new();
            t.for_each_match(text, |s, e, l| mine.push((s, e, l)));
            let mut theirs: Vec<(usize, usize, usize)> = ac
                .find_overlapping_iter(text)
                .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                .collect();
            // the trie's own order: by start, then shortest first
            let sorted = {
                let mut v = mine.clone();
                v.sort_by_key(|&(s, e, _)| (s, e));
                v
            };
            assert_eq!(mine, sorted, "{text}");
            mine.sort();
            theirs.sort();
            assert_eq!(mine, theirs, "{text}");
        }
    }
}
