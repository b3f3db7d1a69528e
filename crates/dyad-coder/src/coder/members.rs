//! The actor entries of a phrase: one to four almost always (美国总统特朗普 is three), kept
//! inline so that making, merging and copying phrases allocates nothing.

/// Up to [`INLINE`] entries inline, more on the heap; reads as a slice.
#[derive(Clone)]
pub(super) enum Members {
    Inline { len: u8, items: [usize; INLINE] },
    Heap(Vec<usize>),
}

const INLINE: usize = 4;

impl Members {
    /// One entry.
    pub(super) fn one(a: usize) -> Members {
        let mut items = [0; INLINE];
        items[0] = a;
        Members::Inline { len: 1, items }
    }

    pub(super) fn push(&mut self, a: usize) {
        match self {
            Members::Inline { len, items } if usize::from(*len) < INLINE => {
                items[usize::from(*len)] = a;
                *len += 1;
            }
            Members::Inline { len, items } => {
                let mut v = items[..usize::from(*len)].to_vec();
                v.push(a);
                *self = Members::Heap(v);
            }
            Members::Heap(v) => v.push(a),
        }
    }
}

impl std::ops::Deref for Members {
    type Target = [usize];

    #[inline]
    fn deref(&self) -> &[usize] {
        match self {
            Members::Inline { len, items } => &items[..usize::from(*len)],
            Members::Heap(v) => v,
        }
    }
}

impl<'a> IntoIterator for &'a Members {
    type Item = &'a usize;
    type IntoIter = std::slice::Iter<'a, usize>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl std::fmt::Debug for Members {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn members_read_as_the_slice_of_what_was_pushed() {
        let mut m = Members::one(7);
        assert_eq!(&*m, &[7]);
        for a in 1..10 {
            m.push(a);
        }
        assert_eq!(&*m, &[7, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!((&m).into_iter().count(), 10);
        assert_eq!(format!("{:?}", Members::one(3)), "[3]");
    }
}
