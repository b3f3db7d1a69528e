//! The stance model: a small learned classifier that says what kind of statement a sentence
//! makes — praise, criticism, a demand, a threat, or none of these.
//!
//! Stance is where word lists generalise worst: "we hope Moscow keeps its word" is an appeal,
//! "we hope relations improve" is optimism, "it must be respected" a demand, and a sentence full
//! of "sanctions" and "war" may be a plain report. The model reads the whole sentence as features
//! (Chinese: characters and their pairs and triples; English and Russian: words, word stems and
//! word pairs) and weighs them with a multinomial logistic regression.
//!
//! It is trained on labelled sentences we wrote ourselves in `dictionaries/stance/<lang>.tsv`
//! (`label<TAB>sentence`), once per process and only when first needed, in a few tens of
//! milliseconds: the training data and therefore the weights are ours, versioned with the
//! dictionaries, and need no network and no GPU. Training is deterministic (a fixed shuffle), so
//! the same data gives the same model everywhere.
//!
//! The context pass ([`crate::context`]) asks it only about sentences it already knows to be
//! statements (a reporting or speech verb, a speaker); the dictionary's stance words remain, and
//! the explain trace says which of the two decided.

use std::fmt;

/// What kind of statement a sentence makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Stance {
    /// Praise, welcome, thanks, optimism, support, reassurance, invitation.
    Pos,
    /// Criticism, condemnation, accusation, blame, denial, concern, regret.
    Neg,
    /// Demands, appeals, calls, formal protests.
    Demand,
    /// Threats and warnings of consequences.
    Threat,
    /// None of these: a report, an announcement, background.
    None,
}

/// The number of stances.
pub const STANCES: usize = 5;

impl Stance {
    /// Every stance, in index order.
    pub const ALL: [Stance; STANCES] = [
        Stance::Pos,
        Stance::Neg,
        Stance::Demand,
        Stance::Threat,
        Stance::None,
    ];

    /// The label used in the training files.
    pub fn label(self) -> &'static str {
        match self {
            Stance::Pos => "POS",
            Stance::Neg => "NEG",
            Stance::Demand => "DEMAND",
            Stance::Threat => "THREAT",
            Stance::None => "NONE",
        }
    }

    /// The stance of a training label.
    pub fn parse(label: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.label() == label)
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The stance a CAMEO code expresses, if it is a statement code: 01x/02x/03x/05x positive
    /// (011, 012, 016 negative), 10x and 14x demands, 11x and 12x negative, 13x threats.
    pub fn of_cameo(code: &str) -> Option<Stance> {
        let two = code.get(..2)?;
        let three = code.get(..3).unwrap_or(two);
        Some(match two {
            "01" if matches!(three, "011" | "012" | "016") => Stance::Neg,
            "01" | "02" | "03" | "05" => Stance::Pos,
            "10" | "14" => Stance::Demand,
            "11" | "12" => Stance::Neg,
            "13" => Stance::Threat,
            _ => return None,
        })
    }

    /// The CAMEO code of a statement of this stance when no word says more: praise 051,
    /// criticism 111, demand 100, threat 130.
    pub fn default_cameo(self) -> Option<&'static str> {
        match self {
            Stance::Pos => Some("051"),
            Stance::Neg => Some("111"),
            Stance::Demand => Some("100"),
            Stance::Threat => Some("130"),
            Stance::None => None,
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// One labelled sentence of `stance/<lang>.tsv`.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceExample {
    pub lang: String,
    pub stance: Stance,
    pub text: String,
    /// `file:line`.
    pub origin: String,
}

/// Feature space: hashed into this many buckets (a power of two).
const BUCKETS: usize = 1 << 18;
/// Training passes over the examples.
const EPOCHS: usize = 12;
/// Learning rate of the first pass; it decays as 1 / (1 + pass / 2).
const RATE: f32 = 0.5;
/// L2 shrinkage per update, applied to the weights an example touches.
const SHRINK: f32 = 1e-4;

/// A trained stance model.
#[derive(Clone)]
pub struct StanceModel {
    /// `BUCKETS × STANCES` weights, bucket-major.
    weights: Vec<f32>,
    bias: [f32; STANCES],
    examples: usize,
}

impl fmt::Debug for StanceModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StanceModel")
            .field("examples", &self.examples)
            .finish_non_exhaustive()
    }
}

/// The probabilities of each stance for one sentence, in [`Stance::ALL`] order.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct StanceScores(pub [f32; STANCES]);

impl StanceScores {
    /// The most probable stance and its probability.
    pub fn best(&self) -> (Stance, f32) {
        let mut best = (Stance::None, f32::MIN);
        for s in Stance::ALL {
            if self.0[s.index()] > best.1 {
                best = (s, self.0[s.index()]);
            }
        }
        best
    }

    /// The probability of `s`.
    pub fn of(&self, s: Stance) -> f32 {
        self.0[s.index()]
    }
}

impl StanceModel {
    /// Trains on `examples`; `fold` maps a sentence to the text the features are read from (the
    /// coder folds traditional characters and case, so that one example serves both scripts).
    pub fn train(examples: &[StanceExample], fold: &dyn Fn(&str, &str) -> String) -> StanceModel {
        let data: Vec<(Vec<u32>, usize)> = examples
            .iter()
            .map(|e| {
                let mut f = Vec::new();
                features(&e.lang, &fold(&e.lang, &e.text), &mut f);
                (f, e.stance.index())
            })
            .collect();
        let mut model = StanceModel {
            weights: vec![0.0; BUCKETS * STANCES],
            bias: [0.0; STANCES],
            examples: examples.len(),
        };
        let mut order: Vec<usize> = (0..data.len()).collect();
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for epoch in 0..EPOCHS {
            // a fixed shuffle (xorshift), the same on every machine
            for i in (1..order.len()).rev() {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                order.swap(i, (seed % (i as u64 + 1)) as usize);
            }
            let rate = RATE / (1.0 + epoch as f32 / 2.0);
            for &k in &order {
                let (feats, gold) = &data[k];
                if feats.is_empty() {
                    continue;
                }
                let p = model.probabilities(feats);
                let scale = 1.0 / (feats.len() as f32).sqrt();
                let mut step = [0.0f32; STANCES];
                for (c, pc) in p.iter().enumerate() {
                    let g = if c == *gold { 1.0 } else { 0.0 } - pc;
                    model.bias[c] += rate * g * 0.1;
                    step[c] = g * scale;
                }
                // features are distinct: every weight moves once per example, so walking the
                // rows (one cache line each) gives exactly the per-stance walk's weights
                for &b in feats {
                    let row = &mut model.weights[b as usize * STANCES..][..STANCES];
                    for (w, s) in row.iter_mut().zip(step) {
                        *w += rate * (s - SHRINK * *w);
                    }
                }
            }
        }
        model
    }

    /// How many examples it was trained on.
    pub fn examples(&self) -> usize {
        self.examples
    }

    fn probabilities(&self, feats: &[u32]) -> [f32; STANCES] {
        let scale = 1.0 / (feats.len().max(1) as f32).sqrt();
        let mut z = self.bias;
        for &b in feats {
            let row = &self.weights[b as usize * STANCES..b as usize * STANCES + STANCES];
            for c in 0..STANCES {
                z[c] += row[c] * scale;
            }
        }
        let max = z.iter().copied().fold(f32::MIN, f32::max);
        let mut sum = 0.0;
        for v in &mut z {
            *v = (*v - max).exp();
            sum += *v;
        }
        for v in &mut z {
            *v /= sum;
        }
        z
    }

    /// The stance probabilities of a sentence (already folded like the training text).
    pub fn score(&self, lang: &str, folded: &str) -> StanceScores {
        let mut f = Vec::new();
        features(lang, folded, &mut f);
        StanceScores(self.probabilities(&f))
    }
}

/// Accuracy of the model on held-out examples: `k`-fold cross-validation over `examples` (every
/// `k`-th example held out in turn). Returns `(correct, total)`.
pub fn cross_validate(
    examples: &[StanceExample],
    k: usize,
    fold: &dyn Fn(&str, &str) -> String,
) -> (usize, usize) {
    let mut correct = 0;
    for part in 0..k {
        let train: Vec<StanceExample> = examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k != part)
            .map(|(_, e)| e.clone())
            .collect();
        let model = StanceModel::train(&train, fold);
        correct += examples
            .iter()
            .enumerate()
            .filter(|(i, _)| i % k == part)
            .filter(|(_, e)| model.score(&e.lang, &fold(&e.lang, &e.text)).best().0 == e.stance)
            .count();
    }
    (correct, examples.len())
}

/// `char::is_alphanumeric`, without the table search for ASCII and the basic Cyrillic letters
/// (U+0400–U+045F are all letters).
#[inline]
fn is_alphanumeric(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' | '\u{0400}'..='\u{045F}' => true,
        c if c.is_ascii() => false,
        c => c.is_alphanumeric(),
    }
}

/// [`hash`] of one part given as bytes.
fn hash_bytes(tag: u8, part: &[u8]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in std::iter::once(&tag).chain(part).chain(&[0xff]) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h as usize & (BUCKETS - 1)) as u32
}

fn hash(tag: u8, parts: &[&str]) -> u32 {
    // FNV-1a over the tag and the parts, separated
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(tag);
    for p in parts {
        for b in p.bytes() {
            eat(b);
        }
        eat(0xff);
    }
    (h as usize & (BUCKETS - 1)) as u32
}

/// The features of a folded sentence: for Chinese (no spaces) characters, character pairs and
/// triples; for alphabetic languages words, their first five letters (a stem that survives
/// inflection: заявил/заявила/заявили, condemn/condemned) and word pairs. Digits count as one.
pub fn features(lang: &str, folded: &str, out: &mut Vec<u32>) {
    out.clear();
    let norm = |c: char| {
        if c.is_ascii_digit() {
            '0'
        } else {
            c
        }
    };
    if lang == "zh" {
        let mut chars: Vec<char> = Vec::with_capacity(folded.len());
        chars.extend(folded.chars().filter(|c| !c.is_whitespace()).map(norm));
        out.reserve(3 * chars.len());
        let mut buf = [0u8; 12];
        for i in 0..chars.len() {
            let a = chars[i].encode_utf8(&mut buf[..4]).len();
            out.push(hash_bytes(1, &buf[..a]));
            if let Some(&c2) = chars.get(i + 1) {
                let b = c2.encode_utf8(&mut buf[a..a + 4]).len();
                out.push(hash_bytes(2, &buf[..a + b]));
                if let Some(&c3) = chars.get(i + 2) {
                    let c = c3.encode_utf8(&mut buf[a + b..a + b + 4]).len();
                    out.push(hash_bytes(3, &buf[..a + b + c]));
                }
            }
        }
    } else {
        let mut lower = String::with_capacity(folded.len());
        for c in folded.chars() {
            if c.is_ascii() {
                lower.push(norm(c.to_ascii_lowercase()));
            } else {
                lower.extend(c.to_lowercase().map(norm));
            }
        }
        let words: Vec<&str> = lower
            .split(|c: char| !is_alphanumeric(c) && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .collect();
        // a word's first five letters, borrowed
        let stems: Vec<&str> = words
            .iter()
            .map(|w| &w[..w.char_indices().nth(5).map_or(w.len(), |(i, _)| i)])
            .collect();
        out.reserve(3 * words.len());
        for (i, w) in words.iter().enumerate() {
            out.push(hash(4, &[w]));
            out.push(hash(5, &[stems[i]]));
            if let Some(n) = stems.get(i + 1) {
                out.push(hash(6, &[stems[i], n]));
            }
        }
        // quotation marks and colons frame statements
        for c in folded.chars() {
            if matches!(c, '"' | '“' | '”' | '«' | '»' | ':') {
                out.push(hash(7, &[c.encode_utf8(&mut [0u8; 4])]));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(lang: &str, s: Stance, t: &str) -> StanceExample {
        StanceExample {
            lang: lang.into(),
            stance: s,
            text: t.into(),
            origin: "test".into(),
        }
    }

    fn id(_: &str, t: &str) -> String {
        t.to_lowercase()
    }

    #[test]
    fn learns_stances_from_words_and_generalises_to_new_sentences() {
        let mut data = Vec::new();
        for (who, whom) in [
            ("Ruritania", "Freedonia"),
            ("the minister", "Sylvania"),
            ("the spokesman", "Osterlich"),
            ("the president", "Latveria"),
        ] {
            data.push(ex(
                "en",
                Stance::Pos,
                &format!("{who} praised {whom} for its help"),
            ));
            data.push(ex(
                "en",
                Stance::Pos,
                &format!("{who} welcomed the talks with {whom}"),
            ));
            data.push(ex(
                "en",
                Stance::Neg,
                &format!("{who} condemned {whom} for the raid"),
            ));
            data.push(ex(
                "en",
                Stance::Neg,
                &format!("{who} accused {whom} of lying"),
            ));
            data.push(ex(
                "en",
                Stance::Demand,
                &format!("{who} urged {whom} to stop"),
            ));
            data.push(ex(
                "en",
                Stance::Demand,
                &format!("{who} called on {whom} to withdraw"),
            ));
            data.push(ex(
                "en",
                Stance::Threat,
                &format!("{who} warned {whom} of consequences"),
            ));
            data.push(ex(
                "en",
                Stance::Threat,
                &format!("{who} said it will retaliate against {whom}"),
            ));
            data.push(ex(
                "en",
                Stance::None,
                &format!("{who} said the talks with {whom} were held on Monday"),
            ));
            data.push(ex(
                "en",
                Stance::None,
                &format!("{who} noted the delegation of {whom} had arrived"),
            ));
        }
        let m = StanceModel::train(&data, &id);
        assert_eq!(m.examples(), 40);
        let best = |t: &str| m.score("en", &id("en", t)).best().0;
        assert_eq!(best("The envoy praised Carpathia warmly"), Stance::Pos);
        assert_eq!(
            best("The envoy condemned Carpathia's decision"),
            Stance::Neg
        );
        assert_eq!(
            best("The envoy urged Carpathia to negotiate"),
            Stance::Demand
        );
        assert_eq!(
            best("The envoy warned Carpathia it will retaliate"),
            Stance::Threat
        );
        // the probabilities are a distribution
        let s = m.score("en", "the envoy praised carpathia");
        assert!((s.0.iter().sum::<f32>() - 1.0).abs() < 1e-4);
        // the same data gives the same model
        let again = StanceModel::train(&data, &id);
        assert_eq!(
            again.score("en", "x urged y").0,
            m.score("en", "x urged y").0
        );
    }

    #[test]
    fn chinese_features_are_characters_and_their_neighbours() {
        let mut f = Vec::new();
        features("zh", "谴责", &mut f);
        // 谴, 责, 谴责
        assert_eq!(f.len(), 3);
        features("zh", "", &mut f);
        assert!(f.is_empty());
        let mut g = Vec::new();
        features("ru", "заявил", &mut f);
        features("ru", "заявила", &mut g);
        // the stem is shared, the word is not
        assert_eq!(f.iter().filter(|x| g.contains(x)).count(), 1);
    }

    #[test]
    fn the_fast_alphanumeric_test_is_the_standard_one() {
        for c in ('\0'..='\u{3000}').chain(['’', 'ё', 'Ё', '\u{FF10}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn statement_codes_map_to_stances() {
        assert_eq!(Stance::of_cameo("051"), Some(Stance::Pos));
        assert_eq!(Stance::of_cameo("012"), Some(Stance::Neg));
        assert_eq!(Stance::of_cameo("112"), Some(Stance::Neg));
        assert_eq!(Stance::of_cameo("1011"), Some(Stance::Demand));
        assert_eq!(Stance::of_cameo("138"), Some(Stance::Threat));
        assert_eq!(Stance::of_cameo("163"), None);
        for s in Stance::ALL {
            assert_eq!(Stance::parse(s.label()), Some(s));
            if let Some(c) = s.default_cameo() {
                assert_eq!(Stance::of_cameo(c), Some(s));
            }
        }
    }
}
