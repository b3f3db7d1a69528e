//! What the words around a verb cue say of it: a noun that names an act, a cue inside a title, a
//! cue that modifies a noun or names a topic, a heading, an agentless passive.

use super::*;

impl Coder {
    /// Whether `clause` (the text from a party to its clause's end) closes a clause of time
    /// (grammar kind `subordinate`: 成立数天后, 会谈时): its party is not the sentence's subject.
    pub(crate) fn closes_time_clause(&self, clause: &str) -> bool {
        self.langs.values().any(|m| {
            let folded = m.analyzer.fold(clause.trim_end());
            m.subordinates.iter().any(|w| folded.ends_with(w.as_str()))
        })
    }

    /// Whether a nominal cue at token `k` names an act: after a light verb (进行谈判, 开展…合作),
    /// next to a with-, to- or passive phrase (与俄合作, 对俄罗斯制裁, 遭美国制裁), right after its
    /// subject (美俄谈判) or right before its object (制裁俄罗斯).
    pub(super) fn noun_is_act(
        &self,
        m: &LangMatcher,
        folded: &str,
        toks: &[Tok],
        k: usize,
        cue: &Item,
    ) -> bool {
        let stop = |c: char| {
            matches!(
                c,
                '，' | '。'
                    | '；'
                    | '：'
                    | '！'
                    | '？'
                    | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | '“'
                    | '”'
                    | '"'
                    | '《'
                    | '》'
                    | '（'
                    | '）'
                    | '('
                    | ')'
            )
        };
        // up to 12 characters before the cue, back to the nearest stop
        let window: &str = {
            let before = &folded[..cue.start];
            let from = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| !stop(c))
                .take(12)
                .last()
                .map_or(before.len(), |(i, _)| i);
            &before[from..]
        };
        if m.light.occurs_in(window) {
            return true;
        }
        if let Some(Tok::Actor(p)) = toks.get(k + 1) {
            let gap = folded.get(cue.span_end..p.start).unwrap_or("x");
            // (a count between is still right before it: 制裁7名俄罗斯高官)
            if gap.is_empty() || gap == "了" || Self::gap_is_count(m, gap) {
                return true;
            }
        }
        // 普京和布什的谈话: the talk of two parties joined by `and`/`with`
        if let (
            Some(Tok::Actor(a)),
            Some(Tok::Gram(GrammarKind::With | GrammarKind::And, _)),
            Some(Tok::Actor(b)),
        ) = (
            k.checked_sub(3).and_then(|j| toks.get(j)),
            k.checked_sub(2).and_then(|j| toks.get(j)),
            k.checked_sub(1).and_then(|j| toks.get(j)),
        ) {
            let joined = folded
                .get(a.end..b.start)
                .is_some_and(|g| g.chars().count() == 1);
            // …as the subject of its clause: at most a short adverbial before them, no verb of
            // which they are the object (反对川普和普京的抗议)
            let lead = folded[..a.start]
                .chars()
                .rev()
                .take_while(|c| !stop(*c))
                .count();
            let opens = k < 4
                || matches!(
                    toks.get(k - 4),
                    Some(Tok::Gram(GrammarKind::Break, _) | Tok::Date(_))
                );
            if joined && opens && lead <= 4 && folded.get(b.end..cue.start) == Some("的") {
                return true;
            }
        }
        if let Some(Tok::Actor(p)) = k.checked_sub(1).and_then(|j| toks.get(j)) {
            let gap = folded.get(p.end..cue.start).unwrap_or("x");
            let n = gap.chars().count();
            // (after a passive marker the agent's act may be named with 的 and a short
            // modifier: 遭到美国的制裁, 遭到美日的经济制裁)
            // (the marker before the first of a list of agents: 遭到美国、日本的经济制裁)
            let passive_list = toks[..k - 1]
                .iter()
                .rev()
                .take_while(|t| {
                    matches!(
                        t,
                        Tok::Actor(_) | Tok::Gram(GrammarKind::And | GrammarKind::With, _)
                    )
                })
                .any(|t| {
                    matches!(t, Tok::Actor(a) if a.connector == Some(GrammarKind::PassiveBefore))
                });
            let passive = p.connector == Some(GrammarKind::PassiveBefore)
                || (matches!(p.connector, Some(GrammarKind::And | GrammarKind::With))
                    && passive_list);
            if passive {
                return n <= 4 && !gap.chars().any(stop);
            }
            let ok = match p.connector {
                Some(GrammarKind::With) | Some(GrammarKind::To) => n <= 2,
                _ => n == 0,
            };
            return ok && !gap.contains('的') && !gap.chars().any(stop);
        }
        false
    }

    /// Whether byte `at` lies inside a title (《…》): an opening bracket before it not closed
    /// before it.
    pub(super) fn in_title(m: &LangMatcher, folded: &str, at: usize) -> bool {
        let before = &folded[..at];
        m.titles.iter().any(|(open, close)| {
            rfind_short(before, open).is_some_and(|o| find_short(&before[o..], close).is_none())
        })
    }

    /// Whether a verb cue ending at byte `end` modifies the noun after it (1987年签署的条约): an
    /// attributive particle right after it and a word after the particle (not the end of a
    /// clause: 峰会是于8月15日举行的。 reports the meeting).
    /// Whether `before` ends with an article or a possessive (the, its, their, Tuesday's): what
    /// follows is a noun phrase, not a clause.
    pub(crate) fn ends_with_determiner(&self, before: &str) -> bool {
        let lower = before.to_lowercase();
        let Some(last) = lower.split_whitespace().next_back() else {
            return false;
        };
        last.ends_with("'s")
            || last.ends_with("\u{2019}s")
            || self.langs.values().any(|m| {
                !m.analyzer.is_cjk() && m.glue.iter().chain(&m.possessives).any(|w| w == last)
            })
    }

    /// Whether the sentence holds a word for the context's two parties (双方, both sides, стороны:
    /// actors of kind `pair`) in any language, resolved or not.
    pub(crate) fn names_pair_word(&self, text: &str) -> bool {
        self.langs.iter().any(|(lang, m)| {
            let folded = m.analyzer.fold(text);
            self.dict.actors.iter().any(|a| {
                a.lang == *lang
                    && matches!(a.kind, ActorKind::Pair)
                    && folded.contains(a.pattern.trim_end_matches('*'))
            })
        })
    }

    /// Whether a document's noun with its joining word (statement of, указа от) ends right
    /// before byte `start`, as words of their own.
    /// The date's own first word counts as before it (`of february 13` is read with its `of`).
    pub(super) fn after_dated_noun(
        m: &LangMatcher,
        folded: &str,
        start: usize,
        end: usize,
    ) -> bool {
        let before = folded.get(..start).unwrap_or("").trim_end();
        let first = folded
            .get(start..end)
            .and_then(|d| d.split_whitespace().next())
            .filter(|w| !w.chars().any(|c| c.is_numeric()));
        let joined = first.map(|w| format!("{before} {w}"));
        ends_with_word(m, before, &m.dated_nouns)
            || joined.is_some_and(|j| ends_with_word(m, &j, &m.dated_nouns))
    }

    /// The text of `gap` (folded) past the complementisers that open it, each in the order the
    /// grammar lists them and each after an optional comma (`, что Киев` → `киев`; `that the U.S.`
    /// → `u.s.`).
    pub(crate) fn strip_complementisers(&self, lang: &str, gap: &str) -> String {
        let Some(m) = self.langs.get(lang) else {
            return gap.trim_start().to_string();
        };
        let folded = m.analyzer.fold(gap);
        let mut rest = folded.trim_start();
        for lead in &m.complementisers {
            let past = |r: &'_ str| -> Option<usize> {
                r.strip_prefix(lead.as_str())
                    .and_then(|x| x.strip_prefix(' '))
                    .map(|x| r.len() - x.len())
            };
            let comma = rest
                .strip_prefix(',')
                .map(|r| rest.len() - r.trim_start().len());
            if let Some(n) = past(rest) {
                rest = rest[n..].trim_start();
            } else if let Some(c) = comma {
                if let Some(n) = past(&rest[c..]) {
                    rest = rest[c + n..].trim_start();
                }
            }
        }
        rest.to_string()
    }

    /// Whether a possessive (its, своё, 其) ends right before byte `start`, as a word of its own.
    pub(super) fn after_possessive(m: &LangMatcher, folded: &str, start: usize) -> bool {
        let before = folded.get(..start).unwrap_or("").trim_end();
        ends_with_word(m, before, &m.possessives)
    }

    pub(super) fn attributive(m: &LangMatcher, folded: &str, end: usize) -> bool {
        let after = folded.get(end..).unwrap_or("");
        m.attributives.iter().any(|p| {
            after.strip_prefix(p.as_str()).is_some_and(|r| {
                // a word or a title after the particle (签署的《中导条约》)
                r.chars().next().is_some_and(char::is_alphanumeric)
                    || m.titles
                        .iter()
                        .any(|(open, _)| r.starts_with(open.as_str()))
            })
        })
    }

    /// Headings, table and figure lines name no events: Chinese text without any clause
    /// punctuation (2025年俄美峰会, 表2 历届美俄首脑会晤一览), and lines that start with
    /// 表/图 and a number, `Table 1`, `Figure 2`, `Таблица 1`, `Рис. 3`.
    pub(super) fn is_heading(m: &LangMatcher, folded: &str) -> bool {
        if Self::is_bare_line(m, folded) {
            return true;
        }
        let t = folded.trim_start();
        for lead in [
            "表",
            "图",
            "table",
            "figure",
            "fig.",
            "таблица",
            "рис.",
            "рисунок",
        ] {
            if let Some(rest) = t.strip_prefix(lead) {
                if rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether a line without clause punctuation opens with one party, or has one right after a
    /// space or a bar that sets a headline's clauses apart (防俄国非法移民涌入 芬兰关闭边界), or after
    /// an outlet's or column's tag (快新闻/, 【中美角力】): then it
    /// is a headline naming the story's act. A compound naming a pair (美俄峰会) opens a title.
    pub(super) fn opens_with_party(&self, folded: &str, toks: &[Tok]) -> bool {
        let clause_start = |at: usize| {
            let before = &folded[..at];
            // (a space or bar between a headline's clauses; an outlet's or a column's tag before
            // it: 快新闻/…, 【中美角力】…)
            before.trim().is_empty()
                || before.ends_with([' ', '\u{3000}', '|', '｜', '/', '／', '】'])
        };
        toks.iter().any(|t| {
            matches!(t, Tok::Actor(p) if clause_start(p.start) && {
                let mut codes: Vec<&str> = Vec::new();
                self.codes_of(p, None, |c| codes.push(c));
                codes.sort_unstable();
                codes.dedup();
                codes.len() == 1
            })
        })
    }

    /// Chinese text without any clause punctuation: a heading, or a news headline.
    pub(super) fn is_bare_line(m: &LangMatcher, folded: &str) -> bool {
        let t = folded.trim_start();
        let punctuation = |c: char| {
            matches!(
                c,
                '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '、'
            )
        };
        m.analyzer.is_cjk() && !t.chars().any(punctuation)
    }

    /// Whether the cue is followed by a topic noun (会晤情况, 合作的可能性, the possibility of
    /// talks is no talk): then it names no act.
    pub(super) fn names_topic(&self, m: &LangMatcher, folded: &str, from: usize) -> bool {
        if m.topics.is_empty() {
            return false;
        }
        let after = folded.get(from..).unwrap_or("").trim_start();
        let after = after.trim_start_matches(['”', '"', '’', '」', '』']);
        let after = after.strip_prefix('的').unwrap_or(after);
        m.topics.any_prefix_of(after)
    }

    /// Whether a word of reciprocity (对方, 互相, each other) stands at the cue: inside its span,
    /// right after it, or among the few characters right before it.
    pub(super) fn reciprocal_at(m: &LangMatcher, folded: &str, cue: &Item) -> bool {
        if m.reciprocals.is_empty() {
            return false;
        }
        let before = &folded[..cue.start];
        let from = before.char_indices().rev().nth(5).map_or(0, |(i, _)| i);
        let after = &folded[cue.start..];
        let to = after
            .char_indices()
            .nth(folded[cue.start..cue.span_end].chars().count() + 14);
        let window = &folded[from..cue.start + to.map_or(after.len(), |(i, _)| i)];
        m.reciprocals.iter().any(|w| window.contains(w.as_str()))
    }

    /// Whether the cue starting at byte `start` is the setting of another act: a setting word
    /// (grammar kind `setting`: at a, on the sidelines of, на полях) as a word of its own at most
    /// three words before it, no clause mark between (statements made at a summit in Hiroshima).
    pub(super) fn in_setting(m: &LangMatcher, folded: &str, start: usize) -> bool {
        let before = &folded[..start];
        let from = before.char_indices().rev().nth(48).map_or(0, |(i, _)| i);
        let win = &before[from..];
        m.settings.iter().any(|w| {
            rfind_short(win, w).is_some_and(|p| {
                let gap = &win[p + w.len()..];
                let own_word =
                    win[..p].ends_with(char::is_whitespace) && gap.starts_with(char::is_whitespace);
                own_word
                    && !gap.contains([',', ';', '.', ':', '"', '“', '«'])
                    && gap.split_whitespace().count() <= 3
            })
        })
    }

    /// Whether the cue at `toks[k]` is a passive with no agent of its own: a passive auxiliary
    /// (was, were, been) or a passive marker (被, 受到) right before it, at most one adverb
    /// between (were unjustly imprisoned); not a progressive (is sanctioning).
    pub(super) fn agentless_passive(
        &self,
        m: &LangMatcher,
        folded: &str,
        toks: &[Tok],
        k: usize,
        cue: &Item,
    ) -> bool {
        // (the verb: the cue's first word; were banned from entering is no progressive)
        let verb = folded
            .get(cue.start..cue.span_end)
            .unwrap_or("")
            .split_whitespace()
            .next()
            .unwrap_or("");
        // высланы, задержан: a short passive participle is one by itself
        let short = m
            .short_passives
            .iter()
            .any(|e| verb.len() > e.len() + 1 && verb.ends_with(e.as_str()));
        let Some(Tok::Gram(GrammarKind::PassiveAux | GrammarKind::PassiveBefore, g)) =
            k.checked_sub(1).map(|j| &toks[j])
        else {
            return short;
        };
        let gap = folded.get(g.end..cue.start).unwrap_or("").trim();
        if m.analyzer.is_cjk() {
            return gap.is_empty();
        }
        let words: Vec<&str> = gap.split_whitespace().collect();
        !verb.ends_with("ing")
            && match words.as_slice() {
                [] => true,
                [w] => w.ends_with("ly"),
                _ => false,
            }
    }

    /// Whether the act cue `toks[i]` names the subject of a noun of talks or of an agreement
    /// right after it (换囚谈判, 停火协议, ceasefire talks): 04x and 057 cues are that noun.
    pub(super) fn names_talks(
        &self,
        m: &LangMatcher,
        folded: &str,
        toks: &[Tok],
        i: usize,
        cue: &Item,
    ) -> bool {
        let Entry::Action(ai) = cue.entry else {
            return false;
        };
        let talks = |c: &str| c.starts_with("04") || c == "057";
        if talks(&self.dict.actions[ai].cameo) || cue.span_end != cue.end {
            return false;
        }
        let Some((next, ni)) = next_action(toks, i) else {
            return false;
        };
        let gap = folded.get(cue.end..next.start).unwrap_or("x");
        let adjacent = if m.analyzer.is_cjk() {
            gap.is_empty()
        } else {
            gap == " "
        };
        adjacent && talks(&self.dict.actions[ni].cameo)
    }
}

/// The first verb cue after `toks[i]`, with its index into the actions.
pub(super) fn next_action(toks: &[Tok], i: usize) -> Option<(&Item, usize)> {
    toks[i + 1..].iter().find_map(|t| match t {
        Tok::Action(item) => match item.entry {
            Entry::Action(ai) => Some((item, ai)),
            _ => None,
        },
        _ => None,
    })
}

/// Whether `before` ends with one of `words` as a word of its own (in a script with spaces, no
/// letter or digit right before it).
fn ends_with_word(m: &LangMatcher, before: &str, words: &[String]) -> bool {
    words.iter().any(|w| {
        before.ends_with(w.as_str())
            && (m.analyzer.is_cjk()
                || !before[..before.len() - w.len()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric))
    })
}

#[cfg(test)]
mod tests {
    use super::super::testing::coder;
    use super::*;

    #[test]
    fn a_chinese_line_without_punctuation_is_a_heading() {
        let m = &coder().langs["zh"];
        for (text, heading) in [
            ("美俄关系", true),
            ("  美国「俄罗斯」", true),
            ("美国，俄罗斯", false),
            ("美国。", false),
            ("美国、俄罗斯", false),
            ("美国：俄罗斯；", false),
            ("谁？", false),
            ("好！", false),
            ("a!b", false),
            ("G7,", false),
        ] {
            assert_eq!(Coder::is_heading(m, text), heading, "{text}");
        }
    }
}
