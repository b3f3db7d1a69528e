//! Compiling the dictionaries of one language into its matcher: the trie of every literal with
//! its readings, the keyword automaton, and the grammar lists the later stages look words up in.

use super::*;

pub(super) fn build_ac(pats: &[String], kind: MatchKind) -> Result<Option<AhoCorasick>, String> {
    if pats.is_empty() {
        return Ok(None);
    }
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .kind(Some(AhoCorasickKind::DFA))
        .build(pats)
        .map(Some)
        .map_err(|e| e.to_string())
}

impl Coder {
    pub(super) fn build_lang(d: &Dictionaries, lang: &str) -> Result<LangMatcher, String> {
        let gram = |k: GrammarKind| {
            d.grammar
                .iter()
                .filter(move |g| g.lang == lang && g.kind == k)
                .map(|g| g.cue.clone())
        };
        let gram_v = |k: GrammarKind| -> Vec<(String, String)> {
            d.grammar
                .iter()
                .filter(|g| g.lang == lang && g.kind == k)
                .map(|g| (g.cue.clone(), g.value.clone()))
                .collect()
        };
        let folds: crate::analyzer::FoldMap = d.folds.get(lang).map(Into::into).unwrap_or_default();
        let cjk = gram(GrammarKind::Script).any(|s| s == "cjk");
        let mut endings: Vec<String> = gram(GrammarKind::Ending).collect();
        endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
        let analyzer: Box<dyn Analyzer> = if cjk {
            Box::new(CjkAnalyzer { folds })
        } else {
            Box::new(AlphabeticAnalyzer { folds, endings })
        };
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let mut lits: Vec<Vec<LitEntry>> = Vec::new();
        let mut add = |pattern: &str, entry: Entry, inflect: bool| {
            let prefix = pattern.ends_with('*');
            let raw = pattern.trim_end_matches('*');
            let lit = analyzer.fold(raw);
            if lit.trim().is_empty() {
                return;
            }
            let case_sensitive =
                !cjk && raw.chars().any(char::is_uppercase) && !raw.chars().any(char::is_lowercase);
            let id = *ids.entry(lit.clone()).or_insert_with(|| {
                pats.push(lit.clone());
                lits.push(Vec::new());
                pats.len() - 1
            });
            let bound = cjk && matches!(entry, Entry::Actor(_)) && is_one_char(pattern);
            lits[id].push(LitEntry {
                entry,
                prefix,
                inflect,
                case_sensitive,
                bound,
            });
        };
        let declensions = gram_v(GrammarKind::Declension);
        for (i, a) in d.actors.iter().enumerate().filter(|(_, a)| a.lang == lang) {
            let inflect = !matches!(
                a.kind,
                ActorKind::Agent(_) | ActorKind::Pair | ActorKind::Group(_)
            );
            add(&a.pattern, Entry::Actor(i), inflect);
            // a person's name in its other cases (Зеленский: Зеленского, Зеленским)
            if matches!(a.kind, ActorKind::Person(_)) {
                for (ending, others) in &declensions {
                    if let Some(stem) = a.pattern.strip_suffix(ending.as_str()) {
                        for other in others.split('|') {
                            add(&format!("{stem}{other}"), Entry::Actor(i), false);
                        }
                    }
                }
            }
        }
        let mut tails: Vec<Option<String>> = vec![None; d.actions.len()];
        for (i, a) in d.actions.iter().enumerate().filter(|(_, a)| a.lang == lang) {
            // a gapped head is a stem: телефонн…разговор matches телефонный разговор
            let head = if a.tail.is_some() && !a.head.ends_with('*') {
                format!("{}*", a.head)
            } else {
                a.head.clone()
            };
            add(&head, Entry::Action(i), false);
            if let Some(t) = &a.tail {
                tails[i] = Some(analyzer.fold(t.trim_end_matches('*')));
            }
        }
        for (i, e) in d.dates.iter().enumerate().filter(|(_, e)| {
            e.lang == lang
                && !matches!(
                    e.kind,
                    DateKind::Numeral(_) | DateKind::CountAfter | DateKind::CountBefore
                )
        }) {
            add(&e.expr, Entry::Date(i), false);
        }
        for (i, m) in d
            .modality
            .iter()
            .enumerate()
            .filter(|(_, m)| m.lang == lang)
        {
            add(&m.cue, Entry::Modal(i), false);
        }
        for (i, g) in d.grammar.iter().enumerate().filter(|(_, g)| g.lang == lang) {
            use GrammarKind::*;
            if matches!(
                g.kind,
                With | To
                    | And
                    | PassiveBefore
                    | PassiveAfter
                    | PassiveAux
                    | At
                    | From
                    | Between
                    | PairOpen
                    | PairHead
                    | Break
                    | Report
                    | Word
            ) {
                add(&g.cue, Entry::Gram(i), false);
            }
        }
        for (i, c) in d.context.iter().enumerate().filter(|(_, c)| c.lang == lang) {
            add(&c.cue, Entry::Context(i), false);
        }
        let literals = CharTrie::new(&pats);
        let mut kw_ids: HashMap<String, usize> = HashMap::new();
        let mut kw_pats = Vec::new();
        let mut kw: Vec<Vec<usize>> = Vec::new();
        for (i, k) in d
            .keywords
            .iter()
            .enumerate()
            .filter(|(_, k)| k.lang == lang)
        {
            let lit = analyzer.fold(&k.keyword);
            let id = *kw_ids.entry(lit.clone()).or_insert_with(|| {
                kw_pats.push(lit);
                kw.push(Vec::new());
                kw_pats.len() - 1
            });
            kw[id].push(i);
        }
        let kw_ac = build_ac(&kw_pats, MatchKind::Standard)?;

        let modifiers = PrefixList::new(gram(GrammarKind::Modifier).map(|c| analyzer.fold(&c)));
        let datelines = PrefixList::new(gram(GrammarKind::Dateline).map(|c| analyzer.fold(&c)));
        let territories = PrefixList::new(gram(GrammarKind::Territory).map(|c| analyzer.fold(&c)));
        let light = PrefixList::new(gram(GrammarKind::Light).map(|c| analyzer.fold(&c)));
        let topics = PrefixList::new(gram(GrammarKind::Topic).map(|c| analyzer.fold(&c)));
        let reciprocals: Vec<String> = gram(GrammarKind::Reciprocal)
            .map(|c| analyzer.fold(&c))
            .collect();
        let settings: Vec<String> = gram(GrammarKind::Setting)
            .map(|c| analyzer.fold(&c))
            .collect();
        let continues = PrefixList::new(gram(GrammarKind::Continue).map(|c| analyzer.fold(&c)));
        let attributives: Vec<String> = gram(GrammarKind::Attributive)
            .map(|c| analyzer.fold(&c))
            .collect();
        let subordinates: Vec<String> = gram(GrammarKind::Subordinate)
            .map(|c| analyzer.fold(&c))
            .collect();
        let disposals: Vec<String> = gram(GrammarKind::Disposal)
            .map(|c| analyzer.fold(&c))
            .collect();
        let possessives: Vec<String> = gram(GrammarKind::Possessive)
            .map(|c| analyzer.fold(&c))
            .collect();
        let complementisers: Vec<String> = gram(GrammarKind::Complementiser)
            .map(|c| analyzer.fold(&c))
            .collect();
        let dated_nouns: Vec<String> = gram(GrammarKind::DatedNoun)
            .map(|c| analyzer.fold(&c))
            .collect();
        let date_lead = d
            .dates
            .iter()
            .filter(|e| {
                e.lang == lang && matches!(e.kind, DateKind::YearBefore | DateKind::SinceBefore)
            })
            .map(|e| analyzer.fold(&e.expr))
            .collect();
        let name_starts: CharPairs = d
            .actors
            .iter()
            .filter(|a| a.lang == lang && matches!(a.kind, ActorKind::Code(_)))
            .filter_map(|a| {
                let f = analyzer.fold(&a.pattern);
                let mut it = f.chars();
                Some((it.next()?, it.next()?))
            })
            .collect();
        let numerals: Vec<(char, u8)> = d
            .dates
            .iter()
            .filter(|e| e.lang == lang)
            .filter_map(|e| match e.kind {
                DateKind::Numeral(v) => Some((e.expr.chars().next()?, v)),
                _ => None,
            })
            .collect();
        let count_words = |k: DateKind| -> Vec<String> {
            d.dates
                .iter()
                .filter(|e| e.lang == lang && e.kind == k)
                .map(|e| analyzer.fold(&e.expr))
                .collect()
        };
        let count_after = count_words(DateKind::CountAfter);
        let count_before = count_words(DateKind::CountBefore);
        Ok(LangMatcher {
            analyzer,
            literals,
            lit_at: std::iter::once(0)
                .chain(lits.iter().scan(0u32, |n, l| {
                    *n += l.len() as u32;
                    Some(*n)
                }))
                .collect(),
            lits: lits.into_iter().flatten().collect(),
            tails,
            kw_ac,
            kw,
            name_starts,
            compounds: gram(GrammarKind::Compound)
                .filter_map(|c| {
                    let mut it = c.chars();
                    Some((it.next()?, it.next()?))
                })
                .collect(),
            compound_only: gram(GrammarKind::CompoundOnly)
                .filter_map(|c| c.chars().next())
                .collect(),
            bound: gram_v(GrammarKind::Bound),
            bound_before: gram_v(GrammarKind::BoundBefore),
            modifiers,
            datelines,
            territories,
            light,
            topics,
            settings,
            numerals,
            count_after,
            count_before,
            glue: gram(GrammarKind::Glue).map(|g| g.to_lowercase()).collect(),
            joiners: gram(GrammarKind::And)
                .chain(gram(GrammarKind::With))
                .flat_map(|g| {
                    g.to_lowercase()
                        .split(|c: char| !c.is_alphabetic())
                        .filter(|w| !w.is_empty())
                        .map(str::to_string)
                        .collect::<Vec<String>>()
                })
                .collect(),
            transliteration: gram(GrammarKind::Transliteration)
                .flat_map(|g| g.chars().collect::<Vec<char>>())
                .collect(),
            pair_actor: d
                .actors
                .iter()
                .position(|a| a.lang == lang && matches!(a.kind, ActorKind::Pair)),
            surnames: gram(GrammarKind::Surname)
                .flat_map(|g| g.chars().collect::<Vec<char>>())
                .collect(),
            posted: gram_v(GrammarKind::Glue)
                .into_iter()
                .filter(|(_, v)| v == "posted")
                .map(|(g, _)| g.to_lowercase())
                .collect(),
            counts: {
                let mut c: Vec<String> =
                    gram(GrammarKind::Count).map(|g| g.to_lowercase()).collect();
                c.sort_by_key(|w| std::cmp::Reverse(w.len()));
                c
            },
            participles: gram(GrammarKind::Participle)
                .map(|g| g.to_lowercase())
                .collect(),
            short_passives: gram(GrammarKind::ShortPassive)
                .map(|g| g.to_lowercase())
                .collect(),
            reciprocals,
            quote_marks: d
                .context
                .iter()
                .filter(|c| c.lang == lang)
                .filter_map(|c| match c.kind {
                    crate::dict::ContextKind::Quote(q) => {
                        let mut it = c.cue.chars();
                        match (it.next(), it.next()) {
                            (Some(ch), None) => Some((ch, q)),
                            _ => None,
                        }
                    }
                    _ => None,
                })
                .collect(),
            nominalizations: gram(GrammarKind::Nominalization)
                .map(|g| g.to_lowercase())
                .collect(),
            instrumentals: gram(GrammarKind::Instrumental)
                .map(|g| g.to_lowercase())
                .collect(),
            continues,
            speech_roots: gram(GrammarKind::SpeechRoot).collect(),
            date_lead,
            titles: gram_v(GrammarKind::Title),
            attributives,
            subordinates,
            possessives,
            dated_nouns,
            complementisers,
            disposals,
            list_marks: gram(GrammarKind::And)
                .filter_map(|w| {
                    let mut it = w.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Some(c),
                        _ => None,
                    }
                })
                .collect(),
        })
    }
}

/// A set of character pairs as a sorted list: looked up for every one-character abbreviation,
/// where a binary search over a few hundred pairs beats hashing each pair.
#[derive(Debug, Default)]
pub(super) struct CharPairs(Vec<(char, char)>);

impl CharPairs {
    #[inline]
    pub(super) fn contains(&self, pair: &(char, char)) -> bool {
        self.0.binary_search(pair).is_ok()
    }
}

impl FromIterator<(char, char)> for CharPairs {
    fn from_iter<I: IntoIterator<Item = (char, char)>>(iter: I) -> Self {
        let mut v: Vec<(char, char)> = iter.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        CharPairs(v)
    }
}

/// Short words of a grammar list, sorted, looked up by the first character of the text that
/// follows (one binary search instead of a scan of the whole list per actor phrase or cue).
#[derive(Debug, Default)]
pub(super) struct PrefixList {
    words: Vec<String>,
    /// The first character of every word (`'\0'` for an empty word), in the same order.
    firsts: Vec<char>,
}

impl PrefixList {
    pub(super) fn new(words: impl Iterator<Item = String>) -> Self {
        let mut words: Vec<String> = words.collect();
        words.sort();
        let firsts = words
            .iter()
            .map(|w| w.chars().next().unwrap_or('\0'))
            .collect();
        PrefixList { words, firsts }
    }

    pub(super) fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    pub(super) fn has_empty(&self) -> bool {
        self.words.first().is_some_and(|w| w.is_empty())
    }

    /// Whether `hay` starts with one of the words.
    #[inline]
    pub(super) fn any_prefix_of(&self, hay: &str) -> bool {
        if self.has_empty() {
            return true;
        }
        let Some(c) = hay.chars().next() else {
            return false;
        };
        let from = self.firsts.partition_point(|&f| f < c);
        self.firsts[from..]
            .iter()
            .zip(&self.words[from..])
            .take_while(|(&f, _)| f == c)
            .any(|(_, w)| starts_with_fast(hay, w))
    }

    /// Whether one of the words occurs anywhere in `hay` (`hay.contains(word)` for any word).
    pub(super) fn occurs_in(&self, hay: &str) -> bool {
        if self.has_empty() {
            return true;
        }
        hay.char_indices()
            .any(|(i, c)| self.firsts.binary_search(&c).is_ok() && self.any_prefix_of(&hay[i..]))
    }
}
