//! Finding the dictionary literals of a sentence: every hit of the trie, accepted or rejected by
//! the analyzer (word boundaries, endings, one-character abbreviations), longest hits winning.

use super::*;

/// At most this many characters (Chinese) or words (else) between a `pair-open` word and its
/// noun.
const PAIR_GAP: (usize, usize) = (8, 3);

impl Coder {
    /// Every dictionary literal in the sentence, the longest non-overlapping hits winning;
    /// context words (`context/<lang>.tsv`) go to `words` (character spans) when asked for, and
    /// take part in nothing else.
    pub(super) fn matches(
        &self,
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        words: Option<&mut Vec<(usize, (usize, usize))>>,
        names: Option<(&str, &DocNames)>,
    ) -> Vec<Item> {
        // 24 items stay within the allocator's per-thread cache of small blocks
        let mut cands: Vec<Item> = Vec::with_capacity(24);
        // context words in the order an overlapping search reports them (by end, then by start),
        // with the raw end and start of their literal
        let mut found_words: Vec<(usize, usize, usize, (usize, usize))> = Vec::new();
        let want_words = words.is_some();
        m.literals.for_each_match(folded, |s, e, lit| {
            for le in &m.lits[m.lit_at[lit] as usize..m.lit_at[lit + 1] as usize] {
                if let Entry::Context(i) = le.entry {
                    if want_words {
                        if let Some(end) = m.analyzer.accept(folded, s, e, le.prefix, false) {
                            found_words.push((e, s, i, (chars.at(s), chars.at(end))));
                        }
                    }
                    continue;
                }
                let Some(end) = m.analyzer.accept(folded, s, e, le.prefix, le.inflect) else {
                    continue;
                };
                // a pattern written in capitals (US, SWIFT, МИД) is an acronym: the text must be
                // in capitals too (us, мид are other words)
                if le.case_sensitive && chars.text(s, e).chars().any(char::is_lowercase) {
                    continue;
                }
                let mut span_end = end;
                match le.entry {
                    Entry::Actor(_) if le.bound && !self.bound_ok(m, folded, s, e) => {
                        continue;
                    }
                    // 斯克里帕尔: a two-character name inside a longer transliterated one
                    Entry::Actor(a)
                        if !m.transliteration.is_empty()
                            && matches!(self.dict.actors[a].kind, ActorKind::Person(_))
                            && folded[s..end].chars().count() == 2
                            && (folded[..s]
                                .chars()
                                .next_back()
                                .is_some_and(|c| m.transliteration.contains(&c))
                                || folded[end..]
                                    .chars()
                                    .next()
                                    .is_some_and(|c| m.transliteration.contains(&c))) =>
                    {
                        continue;
                    }
                    Entry::Action(i) => {
                        if let Some(tail) = m.tails.get(i).and_then(Option::as_ref) {
                            let wide = self.dict.actions[i].wide;
                            let window = match (m.analyzer.is_cjk(), wide) {
                                (true, false) => 12,
                                (true, true) => 30,
                                (false, false) => 40,
                                (false, true) => 100,
                            };
                            match find_tail_past(folded, end, tail, window, &m.participles) {
                                Some(te) => span_end = te,
                                None => continue,
                            }
                        }
                    }
                    _ => {}
                }
                cands.push(Item {
                    start: s,
                    end,
                    span_end,
                    entry: le.entry,
                });
            }
        });
        // names the document introduced (names.rs), as their states
        if let Some((lang, names)) = names.filter(|(_, n)| !n.is_empty()) {
            let before = cands.len();
            self.name_items(m, lang, folded, chars, names, &mut cands);
            if cands.len() > before {
                cands.sort_by_key(|c| c.start);
            }
        }
        self.pair_items(m, folded, &mut cands);
        self.elided_items(m, folded, &mut cands);
        if let Some(w) = words {
            found_words.sort_by_key(|&(e, s, _, _)| (e, s));
            w.extend(found_words.into_iter().map(|(_, _, i, span)| (i, span)));
        }
        // Longest first at each start; gapped cues (longer span) before plain ones; then priority.
        // The trie reports hits by start: sorting each start's few hits in place is the stable
        // sort of the whole list.
        debug_assert!(cands.is_sorted_by_key(|c| c.start));
        let mut at = 0;
        while at < cands.len() {
            let start = cands[at].start;
            let n = cands[at..].iter().take_while(|c| c.start == start).count();
            if n > 1 {
                cands[at..at + n].sort_by(|a, b| {
                    (b.end - b.start)
                        .cmp(&(a.end - a.start))
                        .then(b.span_end.cmp(&a.span_end))
                        .then(a.entry.priority().cmp(&b.entry.priority()))
                });
            }
            at += n;
        }
        // kept in place: the first `kept` candidates are the output so far
        let mut kept = 0usize;
        let mut last_end = 0;
        for r in 0..cands.len() {
            let c = &cands[r];
            let out = &cands[..kept];
            let keep = match out.last() {
                // co-located hits of one literal keep all their readings (May: month and modal)
                Some(prev)
                    if c.start == prev.start
                        && c.end == prev.end
                        && std::mem::discriminant(&c.entry)
                            != std::mem::discriminant(&prev.entry) =>
                {
                    !out.iter().any(|o| {
                        o.start == c.start
                            && std::mem::discriminant(&o.entry) == std::mem::discriminant(&c.entry)
                    })
                }
                _ if c.start >= last_end => {
                    last_end = c.end;
                    true
                }
                // 声明指|责: a reporting verb whose last characters open a longer act cue
                // yields to the act (the statement accuses, not the statement says)
                Some(prev)
                    if matches!(c.entry, Entry::Action(_))
                        && c.start > prev.start
                        && c.end > prev.end
                        && matches!(prev.entry, Entry::Gram(g)
                            if self.dict.grammar[g].kind == GrammarKind::Report) =>
                {
                    kept -= 1;
                    last_end = c.end;
                    true
                }
                _ => false,
            };
            if keep {
                cands.swap(kept, r);
                kept += 1;
            }
        }
        cands.truncate(kept);
        // a name that stands for no party (`Warsaw Pact	-	-`) has done its work: the capital
        // inside it was not read
        cands.retain(|c| {
            !matches!(c.entry, Entry::Actor(a)
                if matches!(&self.dict.actors[a].kind, ActorKind::Group(g) if g.is_empty()))
        });
        cands
    }

    /// References to the context's two parties whose noun comes a few words after the word
    /// that opens them (the two former Soviet states, 这两个亚洲核武大国, две беднейшие
    /// страны): one actor item of the language's pair entry over the whole reference. Between
    /// them only words (at most [`PAIR_GAP`] characters in Chinese, words else);
    /// a state named between counts only after a definite opener (the, 这). The opening and
    /// closing words themselves are dropped: alone they name nobody.
    fn pair_items(&self, m: &LangMatcher, folded: &str, cands: &mut Vec<Item>) {
        let kind = |c: &Item| match c.entry {
            Entry::Gram(g) => Some(self.dict.grammar[g].kind),
            _ => None,
        };
        let has = |k: GrammarKind| cands.iter().any(|c| kind(c) == Some(k));
        if !(has(GrammarKind::PairOpen) && has(GrammarKind::PairHead)) {
            return;
        }
        let mut found = Vec::new();
        if let Some(pair) = m.pair_actor {
            for (i, open) in cands.iter().enumerate() {
                let Entry::Gram(g) = open.entry else { continue };
                if self.dict.grammar[g].kind != GrammarKind::PairOpen {
                    continue;
                }
                let definite = self.dict.grammar[g].value == "definite";
                let Some(head) = cands[i + 1..]
                    .iter()
                    .filter(|c| c.start >= open.end)
                    .find(|c| kind(c) == Some(GrammarKind::PairHead))
                else {
                    continue;
                };
                let gap = &folded[open.end..head.start];
                let words_only = if m.analyzer.is_cjk() {
                    gap.chars().count() <= PAIR_GAP.0 && gap.chars().all(char::is_alphanumeric)
                } else {
                    gap.split_whitespace().count() <= PAIR_GAP.1
                        && gap
                            .chars()
                            .all(|c| c.is_alphanumeric() || c == ' ' || c == '-')
                };
                // nothing between but plain words (a state only after a definite opener)
                let inside = |c: &Item| c.start >= open.end && c.end <= head.start;
                let clean = cands.iter().filter(|c| inside(c)).all(|c| match c.entry {
                    Entry::Actor(_) => definite,
                    Entry::Gram(g) => self.dict.grammar[g].kind != GrammarKind::Break,
                    Entry::Action(_) | Entry::Modal(_) => false,
                    _ => true,
                });
                if words_only && clean {
                    found.push(Item {
                        start: open.start,
                        end: head.end,
                        span_end: head.end,
                        entry: Entry::Actor(pair),
                    });
                }
            }
        }
        cands.retain(|c| !matches!(kind(c), Some(GrammarKind::PairOpen | GrammarKind::PairHead)));
        if !found.is_empty() {
            cands.extend(found);
            cands.sort_by_key(|c| c.start);
        }
    }

    /// States named with a shared noun (South and North Korea, Южная и Северная Корея): the
    /// first word joined by `or`/`and` to a name of two or more words is read with that name's
    /// last words, when the two make a name of the dictionaries (south korea); one actor item
    /// over the first word. Scripts with spaces only.
    fn elided_items(&self, m: &LangMatcher, folded: &str, cands: &mut Vec<Item>) {
        if m.analyzer.is_cjk() {
            return;
        }
        let mut found = Vec::new();
        for c in cands.iter() {
            if !matches!(c.entry, Entry::Actor(_)) {
                continue;
            }
            let name = &folded[c.start..c.end];
            let Some(space) = name.find(' ') else {
                continue;
            };
            let tail = &name[space..];
            let before = &folded[..c.start];
            let Some(rest) = ["and ", "or ", "и ", "или "]
                .iter()
                .find_map(|j| before.strip_suffix(j))
                .filter(|r| r.ends_with(' '))
            else {
                continue;
            };
            let rest = rest.trim_end();
            let w_start = rest
                .char_indices()
                .rev()
                .find(|&(_, ch)| !ch.is_alphanumeric())
                .map_or(0, |(i, ch)| i + ch.len_utf8());
            if w_start == rest.len()
                || cands
                    .iter()
                    .any(|o| o.end > w_start && o.start < rest.len())
            {
                continue;
            }
            let joined = format!("{}{tail}", &rest[w_start..]);
            let mut hit = None;
            m.literals.for_each_match(&joined, |s, e, lit| {
                if s != 0 || hit.is_some() {
                    return;
                }
                for le in &m.lits[m.lit_at[lit] as usize..m.lit_at[lit + 1] as usize] {
                    if let Entry::Actor(a) = le.entry {
                        if m.analyzer.accept(&joined, s, e, le.prefix, le.inflect)
                            == Some(joined.len())
                            && !matches!(self.dict.actors[a].kind, ActorKind::Group(_))
                        {
                            hit = Some(a);
                        }
                    }
                }
            });
            if let Some(a) = hit {
                found.push(Item {
                    start: w_start,
                    end: rest.len(),
                    span_end: rest.len(),
                    entry: Entry::Actor(a),
                });
            }
        }
        if !found.is_empty() {
            cands.extend(found);
            cands.sort_by_key(|c| c.start);
        }
    }

    /// Whether the month name at `run[j]`, which is also a modality cue (May / may), is a date:
    /// written with a capital and next to a day or year (May 15, 9 May 2025) or right after a word
    /// that leads a date (in May, since May, mid-May). Else it is the modal (Washington may
    /// impose…, May we…).
    pub(super) fn month_reads_as_date(
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        run: &[(usize, usize, Atom)],
        j: usize,
    ) -> bool {
        let s = run[j].0;
        if !chars.orig_char(s).is_some_and(char::is_uppercase) {
            return false;
        }
        let number = |k: Option<usize>| {
            k.and_then(|k| run.get(k))
                .is_some_and(|a| matches!(a.2, Atom::Num { .. } | Atom::Full(_)))
        };
        if number(j.checked_sub(1)) || number(Some(j + 1)) {
            return true;
        }
        let before = folded[..s].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        !word.is_empty() && m.date_lead.iter().any(|w| w == word)
    }

    /// Whether a one-character abbreviation at `[s, e)` stands for its state: inside a listed
    /// compound (美俄, a chain such as 日美韩), before a licensing suffix (俄方, 美军) or after a
    /// licensing prefix (对俄); never inside an ordinary word (加强, 法治, 以…为).
    pub(super) fn bound_ok(&self, m: &LangMatcher, folded: &str, s: usize, e: usize) -> bool {
        let before = &folded[..s];
        let after = &folded[e..];
        let Some(c) = folded[s..e].chars().next() else {
            return false;
        };
        let prev = before.chars().next_back();
        if prev.is_some_and(|c| c.is_ascii_digit()) {
            return false; // 15日 is a day, not Japan
        }
        let next = after.chars().next();
        let pair = |a: Option<char>, b: Option<char>| match (a, b) {
            (Some(a), Some(b)) => m.compounds.contains(&(a, b)),
            _ => false,
        };
        let licenses = |v: &str| (v == "-" || v.contains(c)) && !m.compound_only.contains(&c);
        let opens_name = || {
            let mut it = after.chars();
            match (it.next(), it.next()) {
                (Some(a), Some(b)) => m.name_starts.contains(&(a, b)),
                _ => false,
            }
        };
        // 美、俄外长: a compound split by a list mark
        let listed = |x: Option<char>| x.is_some_and(|x| m.list_marks.contains(&x));
        let prev2 = before.chars().rev().nth(1);
        let next2 = after.chars().nth(1);
        // 中欧时间: a compound before a modifier noun names no party (its second character may
        // not be an actor of its own to be dropped with it)
        let modified = || {
            next.is_some_and(|n| {
                m.modifiers
                    .any_prefix_of(after.get(n.len_utf8()..).unwrap_or(""))
            })
        };
        (pair(prev, Some(c)) && !modified())
            || (pair(Some(c), next) && !opens_name() && !modified())
            || (listed(prev) && pair(prev2, Some(c)))
            || (listed(next) && pair(Some(c), next2))
            || m.bound
                .iter()
                .any(|(b, v)| starts_with_fast(after, b) && licenses(v))
            || m.bound_before
                .iter()
                .any(|(b, v)| before.ends_with(b.as_str()) && licenses(v))
    }
}
