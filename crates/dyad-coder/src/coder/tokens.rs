//! From literal hits to tokens: adjacent actor hits merged into actor phrases with their
//! connectors, numbers and date words into date expressions, verb cues with their gapped tails.

use super::*;

impl Coder {
    /// Turns hits into tokens: actor phrases, verb cues, function words, modality cues, dates.
    pub(super) fn tokens<'s>(
        &'s self,
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        items: Vec<Item>,
        offices: Option<&mut Vec<Office<'s>>>,
    ) -> Vec<Tok> {
        let mut toks: Vec<Tok> = Vec::with_capacity(items.len() + 2);
        // dates: numbers plus date words, grouped into runs
        let mut atoms: Vec<(usize, usize, Atom)> = Vec::new();
        let bytes = folded.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let s = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if s > 0
                    && (bytes[s - 1].is_ascii_alphabetic()
                        || bytes[s - 1] == b'.'
                        || bytes[s - 1] == b'%')
                {
                    continue;
                }
                if let Some((e, full)) = full_date(folded, s) {
                    atoms.push((s, e, Atom::Full(full)));
                    i = e;
                    continue;
                }
                if i < bytes.len()
                    && (bytes[i] == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                        || bytes[i] == b'%')
                {
                    // decimals and percentages are not dates
                    while i < bytes.len()
                        && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b'%')
                    {
                        i += 1;
                    }
                    continue;
                }
                let value: i64 = folded[s..i].parse().unwrap_or(-1);
                atoms.push((
                    s,
                    i,
                    Atom::Num {
                        value,
                        digits: i - s,
                    },
                ));
            } else if bytes[i] >= 0xE0 {
                // 十四日, 十一月, 二〇二三年: numeral characters right before a date mark
                if let Some((e, value, digits)) = self.numeral_at(m, folded, i, &items) {
                    atoms.push((i, e, Atom::Num { value, digits }));
                    i = e;
                    continue;
                }
                i += 3; // a three- or four-byte character: no digit among its first three bytes
            } else {
                i += 1;
            }
        }
        for it in &items {
            if let Entry::Date(d) = it.entry {
                atoms.push((
                    it.start,
                    it.end,
                    Atom::Mark(self.dict.dates[d].kind.clone()),
                ));
            }
        }
        atoms.sort_by_key(|a| a.0);
        let cjk = m.analyzer.is_cjk();
        // month names found at the same place as a modality cue (May: month and modal)
        let is_month = |it: &Item| matches!(it.entry, Entry::Date(d) if matches!(self.dict.dates[d].kind, DateKind::Month(_)));
        let ambiguous: Vec<usize> = items
            .iter()
            .filter(|it| {
                is_month(it)
                    && items.iter().any(|o| {
                        o.start == it.start && o.end == it.end && matches!(o.entry, Entry::Modal(_))
                    })
            })
            .map(|it| it.start)
            .collect();
        let mut month_words: Vec<usize> = Vec::new();
        let mut run: Vec<(usize, usize, Atom)> = Vec::new();
        let flush = |run: &mut Vec<(usize, usize, Atom)>,
                     toks: &mut Vec<Tok>,
                     month_words: &mut Vec<usize>| {
            if !ambiguous.is_empty() {
                // a month name that is also a modal (May / may) is a date only when it reads as one
                let keep: Vec<bool> = (0..run.len())
                    .map(|j| {
                        !(matches!(run[j].2, Atom::Mark(DateKind::Month(_)))
                            && ambiguous.contains(&run[j].0))
                            || Self::month_reads_as_date(m, folded, chars, run, j)
                    })
                    .collect();
                let mut j = 0;
                run.retain(|_| {
                    j += 1;
                    keep[j - 1]
                });
            }
            if run.is_empty() {
                return;
            }
            let parts: Vec<Atom> = run.iter().map(|r| r.2.clone()).collect();
            let raw: RawDate = dates::parse_run(&parts);
            if raw.is_date() {
                for r in run.iter() {
                    if matches!(r.2, Atom::Mark(DateKind::Month(_))) {
                        month_words.push(r.0);
                    }
                }
                let start = run.first().map(|r| r.0).unwrap_or(0);
                let end = run.last().map(|r| r.1).unwrap_or(0);
                toks.push(Tok::Date(DateTok {
                    start,
                    end,
                    date: None,
                    since: raw.since,
                    attributive: false,
                    raw,
                }));
            }
            run.clear();
        };
        for a in atoms {
            if let Some(last) = run.last() {
                let gap = folded.get(last.1..a.0).unwrap_or("x");
                // 昨（4）日, 今（5）日: Taiwanese news puts the day's number in brackets after
                // the relative word; the number and 日 are one date
                let bracketed_day = cjk
                    && matches!(gap, "）" | ")")
                    && matches!(last.2, Atom::Num { .. })
                    && matches!(a.2, Atom::Mark(DateKind::DayMark))
                    && folded
                        .get(..last.0)
                        .is_some_and(|b| b.ends_with(['（', '(']));
                let ok = a.0 >= last.1
                    && (bracketed_day
                        || gap
                            .chars()
                            .all(|c| c.is_whitespace() || (!cjk && (c == ',' || c == '.'))));
                if !ok {
                    flush(&mut run, &mut toks, &mut month_words);
                }
            }
            run.push(a);
        }
        flush(&mut run, &mut toks, &mut month_words);
        // actors, cues, function words
        let mut phrase: Option<Phrase> = None;
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut cue_end: Option<usize> = None;
        for it in &items {
            match it.entry {
                Entry::Actor(a) => {
                    let mut connector = None;
                    if let Some(p) = phrase.as_mut() {
                        let gap = folded.get(p.end..it.start).unwrap_or("x");
                        let glued = it.start >= p.end && Self::gap_is_glue(m, gap);
                        // 美国驻俄罗斯大使馆: the state after 驻 is the post of a phrase that
                        // names its own state; the phrase goes on (大使馆) without it
                        if glued
                            && m.posted.iter().any(|w| w == gap.trim())
                            && matches!(self.dict.actors[a].kind, ActorKind::Code(_))
                            && p.members
                                .iter()
                                .any(|&i| matches!(self.dict.actors[i].kind, ActorKind::Code(_)))
                        {
                            p.end = it.end;
                            p.post = Some(a);
                            continue;
                        }
                        if glued && self.compatible(p, a) {
                            p.members.push(a);
                            p.end = it.end;
                            continue;
                        }
                        // (two parties with only a space between, санкции США Россия ввела…,
                        // are a possessor and the next clause's subject, not a list)
                        let spaced =
                            !m.analyzer.is_cjk() && !gap.is_empty() && gap.trim().is_empty();
                        if glued && !spaced {
                            connector = Some(GrammarKind::And);
                        }
                    }
                    // 该国驻中国大使: a state right after 驻 that opens no phrase of a state of
                    // its own is only where the envoy is posted, not whose envoy it is; right
                    // after a cue (召回驻俄罗斯大使) it is the state the act is about
                    if connector.is_none()
                        && matches!(self.dict.actors[a].kind, ActorKind::Code(_))
                        && m.posted.iter().any(|w| {
                            folded.get(..it.start).is_some_and(|b| {
                                b.strip_suffix(w.as_str())
                                    .is_some_and(|b| Some(b.len()) != cue_end)
                            })
                        })
                    {
                        if let Some(p) = phrase.take() {
                            phrases.push(p);
                        }
                        continue;
                    }
                    if let Some(p) = phrase.take() {
                        phrases.push(p);
                    }
                    phrase = Some(Phrase {
                        start: it.start,
                        end: it.end,
                        members: Members::one(a),
                        connector,
                        connector_word: None,
                        post: None,
                    });
                }
                // 对日韩: the day mark 日 that is also Japan inside a phrase does not end it
                Entry::Date(_) if phrase.as_ref().is_some_and(|p| it.start < p.end) => {}
                _ => {
                    if let Some(p) = phrase.take() {
                        phrases.push(p);
                    }
                    match it.entry {
                        Entry::Action(_) => {
                            cue_end = Some(it.end);
                            toks.push(Tok::Action(it.clone()))
                        }
                        Entry::Modal(_) if !month_words.contains(&it.start) => {
                            toks.push(Tok::Modal(it.clone()))
                        }
                        Entry::Gram(g) => {
                            toks.push(Tok::Gram(self.dict.grammar[g].kind, it.clone()))
                        }
                        _ => {}
                    }
                }
            }
        }
        if let Some(p) = phrase.take() {
            phrases.push(p);
        }
        // 美日两国, 中俄双方: "the two" right after the states it names is their apposition,
        // not a new subject
        let mut k = 1;
        while k < phrases.len() {
            let (prev, cur) = (&phrases[k - 1], &phrases[k]);
            let apposition = prev.end == cur.start
                && cur
                    .members
                    .iter()
                    .all(|&a| matches!(self.dict.actors[a].kind, ActorKind::Pair))
                && prev
                    .members
                    .iter()
                    .all(|&a| matches!(self.dict.actors[a].kind, ActorKind::Code(_)));
            if apposition {
                phrases[k - 1].end = phrases[k].end;
                phrases.remove(k);
            } else {
                k += 1;
            }
        }
        // the Democratic People's Republic of Korea (DPRK), 刚果民主共和国（刚果（金））: a state
        // named again in brackets right after it is one party, not a list of two
        let codes = |p: &Phrase| -> Vec<&str> {
            p.members
                .iter()
                .filter_map(|&a| match &self.dict.actors[a].kind {
                    ActorKind::Code(c) => Some(c.as_str()),
                    _ => None,
                })
                .collect()
        };
        let mut k = 1;
        while k < phrases.len() {
            let (prev, cur) = (&phrases[k - 1], &phrases[k]);
            let opened = folded
                .get(prev.end..cur.start)
                .is_some_and(|g| matches!(g.trim(), "(" | "（"));
            let closed = folded
                .get(cur.end..)
                .is_some_and(|r| r.trim_start().starts_with([')', '）']));
            let (a, b) = (codes(prev), codes(cur));
            if opened && closed && !a.is_empty() && a == b {
                phrases.remove(k);
            } else {
                k += 1;
            }
        }
        // a phrase made only of role words (总统 alone) names nobody (the context pass may
        // still read whose office it is)
        if let Some(o) = offices {
            o.extend(
                phrases
                    .iter()
                    .filter(|p| {
                        p.members
                            .iter()
                            .all(|&a| matches!(self.dict.actors[a].kind, ActorKind::Agent(_)))
                    })
                    .map(|p| Office {
                        span: (chars.at(p.start), chars.at(p.end)),
                        connector: p.connector,
                        position: p
                            .members
                            .iter()
                            .rev()
                            .find_map(|&a| self.dict.actors[a].position.as_deref()),
                        bytes: (p.start, p.end),
                        agent: p.members.iter().last().copied().unwrap_or_default(),
                    }),
            );
        }
        phrases.retain(|p| {
            p.members
                .iter()
                .any(|&a| !matches!(self.dict.actors[a].kind, ActorKind::Agent(_)))
        });
        // 新华社北京8月2日电: the place right before a dateline's date filed the report
        phrases.retain(|p| {
            !toks.iter().any(|t| {
                matches!(t, Tok::Date(d) if d.start >= p.end
                    && folded.get(p.end..d.start).is_some_and(|g| g.trim().is_empty())
                    && m.datelines.any_prefix_of(folded.get(d.end..).unwrap_or("")))
            })
        });
        // 乌克兰危机, 美俄关系: an actor phrase right before a modifier noun names a topic
        phrases.retain(|p| {
            let after = folded.get(p.end..).unwrap_or("").trim_start();
            !m.modifiers.any_prefix_of(after)
        });
        // 向格鲁吉亚境内挺进, 在乌克兰境内部署: after a to- or at-word a phrase before a noun of
        // territory is where the act goes; without one (乌克兰领土完整) it takes part in nothing
        phrases.retain(|p| {
            let after = folded.get(p.end..).unwrap_or("");
            !m.territories.any_prefix_of(after)
                || toks.iter().any(|t| {
                    matches!(t, Tok::Gram(GrammarKind::To | GrammarKind::At, g)
                        if g.end <= p.start && folded.get(g.end..p.start).is_some_and(|x| x.trim().is_empty()))
                        // (侵犯…领空: inside the gap of a cue whose tail is the territory, the
                        // party whose territory the act enters)
                        || matches!(t, Tok::Action(c) if c.start < p.start && c.span_end > p.end)
                })
        });
        // 「台灣有事」, “美国优先”: in Chinese, a state inside a short quotation with other words
        // and no act is a slogan or a term, not a party (measured: in Russian and English such a
        // quotation as often names a party's act by a word the coder does not read as one,
        // "российской оккупации…")
        phrases.retain(|p| {
            !m.analyzer.is_cjk()
                || Self::in_short_quote(m, folded, p.start, p.end).is_none_or(|(a, b)| {
                    toks.iter()
                        .any(|t| matches!(t, Tok::Action(c) if c.start >= a && c.start < b))
                })
        });
        toks.extend(phrases.into_iter().map(Tok::Actor));
        toks.sort_by_key(|t| t.start());
        // a comma inside brackets (天然气工业银行（Gazprombank，该国第三大银行）, Lavrov (Russia's
        // foreign minister, in Moscow)) does not end the clause around them
        let bracketed = bracket_spans(folded);
        if !bracketed.is_empty() {
            toks.retain(|t| {
                !matches!(t, Tok::Gram(GrammarKind::Break, g)
                    if bracketed.iter().any(|&(a, b)| g.start > a && g.start < b))
            });
        }
        // граждане, содержавшиеся в Иране, освобождены: a comma before a word with a
        // participle's ending opens an aside, and neither it nor the comma that closes the
        // aside ends the clause around it
        if !m.participles.is_empty() {
            let opens_aside = |g: &Item| {
                folded.get(g.start..g.end) == Some(",")
                    && folded.get(g.end..).is_some_and(|rest| {
                        let word: String = rest
                            .trim_start()
                            .chars()
                            .take_while(|c| c.is_alphabetic())
                            .collect();
                        m.participles.iter().any(|e| word.ends_with(e.as_str()))
                    })
            };
            let breaks: Vec<&Item> = toks
                .iter()
                .filter_map(|t| match t {
                    Tok::Gram(GrammarKind::Break, g) => Some(g),
                    _ => None,
                })
                .collect();
            let mut joined: Vec<usize> = Vec::new();
            for (i, g) in breaks.iter().enumerate() {
                if opens_aside(g) {
                    joined.push(g.start);
                    if let Some(close) = breaks
                        .get(i + 1)
                        .filter(|c| folded.get(c.start..c.end) == Some(","))
                    {
                        joined.push(close.start);
                    }
                }
            }
            if !joined.is_empty() {
                toks.retain(
                    |t| !matches!(t, Tok::Gram(GrammarKind::Break, g) if joined.contains(&g.start)),
                );
            }
        }
        // Санкции были введены Вашингтоном: an actor in the instrumental right after a short
        // passive participle is the passive's agent, as after `by`; so is one right after a
        // deverbal noun, the agent of the act it names (введение Евросоюзом санкций)
        if !m.short_passives.is_empty() && !m.instrumentals.is_empty() {
            let ends_with = |word: &str, endings: &[String]| {
                endings
                    .iter()
                    .any(|e| word.len() > e.len() + 1 && word.ends_with(e.as_str()))
            };
            for t in toks.iter_mut() {
                let Tok::Actor(p) = t else { continue };
                // (a to-word before the noun governs the noun: в ответ на введение Польшей)
                if p.connector.is_some() && !Self::after_nominalization(m, folded, p.start) {
                    continue;
                }
                let before = folded.get(..p.start).unwrap_or("");
                let word_before: String = before
                    .trim_end()
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphabetic())
                    .collect::<Vec<char>>()
                    .into_iter()
                    .rev()
                    .collect();
                let adjacent = before.len() - before.trim_end().len() == 1;
                // (the whole last word: Евросоюз of Евросоюзом names the union)
                let rest = folded.get(p.end..).unwrap_or("");
                let tail = rest.len() - rest.trim_start_matches(char::is_alphabetic).len();
                let last_word = folded
                    .get(p.start..p.end + tail)
                    .and_then(|x| x.split_whitespace().next_back())
                    .unwrap_or("");
                if adjacent
                    && (ends_with(&word_before, &m.short_passives)
                        || Self::after_nominalization(m, folded, p.start))
                    && ends_with(last_word, &m.instrumentals)
                {
                    p.connector = Some(GrammarKind::PassiveAfter);
                }
            }
        }
        // 将 right before an actor marks its object (欧盟将俄罗斯银行踢出), not the future
        let disposal: Vec<usize> = toks
            .windows(2)
            .filter_map(|w| match (&w[0], &w[1]) {
                // 将部分俄罗斯银行…剔除: a count between 将 and the actor still makes it the object
                (Tok::Modal(mi), Tok::Actor(p))
                    if (p.start == mi.end
                        || folded
                            .get(mi.end..p.start)
                            .is_some_and(|g| Self::gap_is_count(m, g)))
                        && m.disposals
                            .iter()
                            .any(|d| folded.get(mi.start..mi.end) == Some(d)) =>
                {
                    Some(mi.start)
                }
                _ => None,
            })
            .collect();
        // the actor after it is the object, like one after 对
        for k in 1..toks.len() {
            if matches!(&toks[k - 1], Tok::Modal(mi) if disposal.contains(&mi.start)) {
                if let Tok::Actor(p) = &mut toks[k] {
                    p.connector.get_or_insert(GrammarKind::To);
                }
            }
        }
        if !disposal.is_empty() {
            toks.retain(|t| !matches!(t, Tok::Modal(mi) if disposal.contains(&mi.start)));
        }
        // a list of actors (Iran, North Korea, and Russia; Иран, КНДР и Россия): a comma between
        // two actor phrases, with nothing else between, joins them like "and" rather than
        // breaking the clause
        // Chinese lists its items with 、; a comma there ends a clause (知会俄罗斯总统普京，美国决定…):
        // no comma joins anything
        let clause_comma = m.analyzer.is_cjk();
        let joinable = if clause_comma { 0 } else { toks.len() };
        for k in 1..joinable.saturating_sub(1) {
            // a comma alone between the end of one actor phrase and what follows it
            let blank =
                |from: usize, to: usize| folded.get(from..to).is_some_and(|t| t.trim().is_empty());
            // (an article may open the next member: the United States, the European Union)
            let comma_between = |a_end: usize, g: &Item, next: usize| {
                folded.get(g.start..g.end).is_some_and(|t| t.trim() == ",")
                    && blank(a_end, g.start)
                    && folded
                        .get(g.end..next)
                        .is_some_and(|t| Self::gap_is_glue(m, t))
            };
            let joins = match (&toks[k - 1], &toks[k], &toks[k + 1]) {
                // the Trump–Putin summit: two names joined by a dash with no space are a pair
                (Tok::Actor(a), Tok::Gram(GrammarKind::Break, g), Tok::Actor(b))
                    if a.end == g.start
                        && g.end == b.start
                        && folded.get(g.start..g.end) == Some("–") =>
                {
                    true
                }
                (Tok::Actor(a), Tok::Gram(GrammarKind::Break, g), Tok::Actor(b)) => {
                    comma_between(a.end, g, b.start)
                }
                // the serial comma: Iran, North Korea, and Russia
                (
                    Tok::Actor(a),
                    Tok::Gram(GrammarKind::Break, g),
                    Tok::Gram(GrammarKind::And, h),
                ) => comma_between(a.end, g, h.start),
                _ => false,
            };
            // not after a place (In Ottawa, Canada imposed…): there the comma ends the phrase
            let after_place = k >= 2 && matches!(&toks[k - 2], Tok::Gram(GrammarKind::At, _));
            if joins && !after_place {
                if let Tok::Gram(kind, _) = &mut toks[k] {
                    *kind = GrammarKind::And;
                }
            }
        }
        // a name the dictionaries lack inside such a list (UAE, Saudi Arabia, Hamas, Iraq and
        // Syria): one to three capitalised words between two commas, or between a comma and
        // "and", right after an actor phrase, keep the list going
        for k in 1..joinable.saturating_sub(2) {
            // (capitals as written: the folded text is lower case)
            let unknown_item = |from: usize, to: usize| {
                let t = chars.text(from, to);
                let words: Vec<&str> = t.split_whitespace().collect();
                (1..=3).contains(&words.len())
                    && words
                        .iter()
                        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
            };
            let joins = match (&toks[k - 1], &toks[k], &toks[k + 1], &toks[k + 2]) {
                (
                    Tok::Actor(_),
                    Tok::Gram(GrammarKind::Break, g),
                    Tok::Gram(kind @ (GrammarKind::Break | GrammarKind::And), h),
                    Tok::Actor(_) | Tok::Gram(GrammarKind::And, _),
                ) => {
                    folded.get(g.start..g.end).is_some_and(|t| t.trim() == ",")
                        && (*kind == GrammarKind::And
                            || folded.get(h.start..h.end).is_some_and(|t| t.trim() == ","))
                        && unknown_item(g.end, h.start)
                }
                _ => false,
            };
            if joins {
                for j in [k, k + 1] {
                    if let Tok::Gram(kind, _) = &mut toks[j] {
                        *kind = GrammarKind::And;
                    }
                }
            }
        }
        // connectors: a function word right before an actor phrase
        for k in 1..toks.len() {
            // the Trump-Putin summit, саммит Трамп-Путин: two names joined by a hyphen are a pair
            let (head, tail) = toks.split_at_mut(k);
            if let (Tok::Actor(a), Tok::Actor(b)) = (&head[k - 1], &mut tail[0]) {
                if !m.analyzer.is_cjk()
                    && b.connector.is_none()
                    && folded.get(a.end..b.start) == Some("-")
                {
                    b.connector = Some(GrammarKind::And);
                }
            }
            // (a date between them is no part of the gap: 对今天凌晨印度的军事行动, against
            // last week's US move)
            let (head, tail) = toks.split_at_mut(k);
            let (word, date) = match (&head[k - 1], k.checked_sub(2).map(|j| &head[j])) {
                (Tok::Date(d), Some(w @ Tok::Gram(GrammarKind::To | GrammarKind::With, _)))
                    if Self::date_of_object(m, folded, d.end) =>
                {
                    (w, Some((d.start, d.end)))
                }
                (w, _) => (w, None),
            };
            if let (Tok::Gram(kind, g), Tok::Actor(p)) = (word, &mut tail[0]) {
                let joined;
                let gap = match date {
                    Some((a, b)) => {
                        joined = format!(
                            "{}{}",
                            folded.get(g.end..a).unwrap_or("x"),
                            folded.get(b..p.start).unwrap_or("x")
                        );
                        joined.as_str()
                    }
                    None => folded.get(g.end..p.start).unwrap_or("x"),
                };
                // 对多名俄罗斯官员, on several Russian officials: a few words may stand between
                let short = gap.chars().count() <= if m.analyzer.is_cjk() { 4 } else { 16 };
                // was rammed by a Chinese ship: the agent after `by` may be a few words on too
                let loose = matches!(kind, GrammarKind::To | GrammarKind::With)
                    || (*kind == GrammarKind::PassiveAfter && !gap.contains([',', ';', ':']));
                // 3名美国公民、5名德国公民: a count between a list word and the next actor; an
                // amount after a to- or with-word (对2000亿美元中国商品)
                let counted = (*kind == GrammarKind::And || loose) && Self::gap_is_count(m, gap);
                // (an agent the instrumental marked, with no word of its own, stays one: в ответ
                // на введение Евросоюзом санкций)
                let instrumental =
                    p.connector == Some(GrammarKind::PassiveAfter) && p.connector_word.is_none();
                if p.start >= g.end
                    && (Self::gap_is_glue(m, gap) || (short && loose) || counted)
                    && !matches!(kind, GrammarKind::Break | GrammarKind::Report)
                    && !instrumental
                {
                    p.connector = Some(*kind);
                    if let Entry::Gram(gi) = g.entry {
                        p.connector_word = Some(gi);
                    }
                }
            }
        }
        toks
    }

    /// Whether a date right after a to- or with-word describes the party after it (对今天凌晨印度的
    /// 军事行动, against Monday's Turkish exercise) rather than being the word's own object (on
    /// June 16): in Chinese always, in alphabetic scripts when a possessive follows it.
    pub(super) fn date_of_object(m: &LangMatcher, folded: &str, date_end: usize) -> bool {
        m.analyzer.is_cjk() || Self::opens_with_genitive(folded.get(date_end..).unwrap_or(""))
    }

    /// Whether text opens with the English genitive ending ('s, ’s) and a space: what comes
    /// before it owns what comes after (Russia's strikes, Monday's exercise).
    pub(super) fn opens_with_genitive(text: &str) -> bool {
        text.starts_with("'s ") || text.starts_with("’s ")
    }

    pub(super) fn gap_is_glue(m: &LangMatcher, gap: &str) -> bool {
        let g = gap.trim();
        g.is_empty() || m.glue.iter().any(|x| x == g)
    }

    /// Whether a gap is a count (digits, numerals, measure words: 5名, 两位, three, 10 more).
    /// The span of the short quotation (at most 10 characters in Chinese, 4 words elsewhere)
    /// that bytes `start..end` lie inside, when it holds more than them: a slogan or a term
    /// (「台灣有事」) when no act is named in it.
    pub(super) fn in_short_quote(
        m: &LangMatcher,
        folded: &str,
        start: usize,
        end: usize,
    ) -> Option<(usize, usize)> {
        use crate::dict::QuoteKind;
        let kind = |c: char| m.quote_marks.iter().find(|q| q.0 == c).map(|q| q.1);
        let before = &folded[..start];
        // the nearest mark before: an opener (a straight quote opens when an even number of
        // them stands before it)
        let (open_at, open) = before
            .char_indices()
            .rev()
            .find(|&(_, c)| kind(c).is_some())?;
        let opens = match kind(open) {
            Some(QuoteKind::Open) => true,
            Some(QuoteKind::Both) => before[..open_at].matches(open).count() % 2 == 0,
            _ => false,
        };
        if !opens {
            return None;
        }
        let after = &folded[end..];
        let (close_at, close) = after.char_indices().find(|&(_, c)| kind(c).is_some())?;
        if !matches!(kind(close), Some(QuoteKind::Close | QuoteKind::Both)) {
            return None;
        }
        let inner = &folded[open_at + open.len_utf8()..end + close_at];
        let own = &folded[start..end];
        let short = if m.analyzer.is_cjk() {
            inner.chars().count() <= 10
        } else {
            inner.split_whitespace().count() <= 4
        };
        (short && inner.trim() != own.trim() && !inner.contains([',', '，', '。', '.']))
            .then_some((open_at, end + close_at))
    }

    /// Whether the word right before byte `start` (one space between) is a deverbal noun
    /// (grammar kind `nominalization`: введение, объявлением).
    pub(super) fn after_nominalization(m: &LangMatcher, folded: &str, start: usize) -> bool {
        let before = folded.get(..start).unwrap_or("");
        if m.nominalizations.is_empty() || before.len() - before.trim_end().len() != 1 {
            return false;
        }
        let word = before
            .trim_end()
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        m.nominalizations
            .iter()
            .any(|e| word.len() > e.len() + 1 && word.ends_with(e.as_str()))
    }

    pub(super) fn gap_is_count(m: &LangMatcher, gap: &str) -> bool {
        let mut g = gap.trim();
        if g.is_empty() {
            return false;
        }
        while !g.is_empty() {
            let digits = g.len() - g.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits > 0 {
                g = g[digits..].trim_start();
                continue;
            }
            let Some(w) = m.counts.iter().find(|w| {
                g.starts_with(w.as_str())
                    && (m.analyzer.is_cjk()
                        || !g[w.len()..].starts_with(|c: char| c.is_alphanumeric()))
            }) else {
                return false;
            };
            g = g[w.len()..].trim_start();
        }
        true
    }
}

/// Byte spans `[open, close]` of the closed round brackets of `text` (ASCII and full-width),
/// outermost pairs only.
pub(super) fn bracket_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    // most sentences have no closing bracket at all: one fast byte search says so
    if !text.contains(')') && !text.contains('）') {
        return out;
    }
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(a) = open.take() {
                        out.push((a, i));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

impl Coder {
    /// A date number written in numeral characters at byte `s` (dates kind `numeral`): its end,
    /// value and digit count, when a year, month or day mark follows it directly and no other
    /// literal covers it. A year is four digit-numerals (二〇二三年, not 二十年: a span); a month
    /// 1-12 (十一月); a day 1-31 (十四日, 二十三日), not a lone 一 (有朝一日) and not a count of
    /// days (三日内, 数十日: dates kinds `count-after`, `count-before`).
    fn numeral_at(
        &self,
        m: &LangMatcher,
        folded: &str,
        s: usize,
        items: &[Item],
    ) -> Option<(usize, i64, usize)> {
        let value_of = |c: char| m.numerals.iter().find(|n| n.0 == c).map(|n| n.1);
        let rest = folded.get(s..)?;
        value_of(rest.chars().next()?)?;
        let mut vals: Vec<u8> = Vec::new();
        let mut e = s;
        for c in rest.chars() {
            match value_of(c) {
                Some(v) if vals.len() < 4 => {
                    vals.push(v);
                    e += c.len_utf8();
                }
                _ => break,
            }
        }
        if items.iter().any(|it| it.start < e && it.end > s) {
            return None;
        }
        let mark = items
            .iter()
            .find(|it| it.start == e)
            .and_then(|it| match it.entry {
                Entry::Date(d) => Some(self.dict.dates[d].kind.clone()),
                _ => None,
            })?;
        let tens = vals.iter().filter(|&&v| v == 10).count();
        // 廿, 卅 (20, 30) stand for a tens numeral and its ten (廿四日: the 24th)
        let score = vals.first().is_some_and(|&v| v >= 20);
        let value: i64 = match (tens, vals.as_slice()) {
            (0, [t]) if score => i64::from(*t),
            (0, [t, u]) if score && *u < 10 => i64::from(*t) + i64::from(*u),
            (0, _) if vals.iter().all(|&v| v < 10) => {
                vals.iter().fold(0, |a, &v| a * 10 + i64::from(v))
            }
            (1, [10]) => 10,
            (1, [10, u]) => 10 + i64::from(*u),
            (1, [t, 10]) => i64::from(*t) * 10,
            (1, [t, 10, u]) => i64::from(*t) * 10 + i64::from(*u),
            _ => return None,
        };
        let after_mark = items
            .iter()
            .find(|it| it.start == e)
            .map_or("", |it| folded.get(it.end..).unwrap_or(""));
        let before = folded.get(..s).unwrap_or("");
        let ok = match mark {
            DateKind::YearMark => tens == 0 && vals.len() == 4,
            DateKind::MonthMark => (1..=12).contains(&value),
            DateKind::DayMark => {
                (1..=31).contains(&value)
                    && !m
                        .count_after
                        .iter()
                        .any(|w| after_mark.starts_with(w.as_str()))
                    && !m.count_before.iter().any(|w| before.ends_with(w.as_str()))
                    && (value > 1
                        || items.iter().any(|it| {
                            it.end == s
                                && matches!(it.entry, Entry::Date(d)
                                    if self.dict.dates[d].kind == DateKind::MonthMark)
                        }))
            }
            _ => false,
        };
        ok.then_some((e, value, if tens > 0 || score { 2 } else { vals.len() }))
    }
}

/// `YYYY-MM-DD` or `DD.MM.YYYY` starting at byte `s`.
pub(super) fn full_date(t: &str, s: usize) -> Option<(usize, EventDate)> {
    let b = t.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let sl = b.get(from..from + n)?;
        if sl.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(sl).ok()?.parse().ok()
        } else {
            None
        }
    };
    let not_digit_after = |e: usize| !b.get(e).is_some_and(u8::is_ascii_digit);
    if let (Some(y), Some(b'-'), Some(mo), Some(b'-'), Some(d)) = (
        digits(s, 4),
        b.get(s + 4),
        digits(s + 5, 2),
        b.get(s + 7),
        digits(s + 8, 2),
    ) {
        if not_digit_after(s + 10) {
            return EventDate::day(y as i32, mo as u8, d as u8)
                .ok()
                .map(|e| (s + 10, e));
        }
    }
    if let (Some(d), Some(b'.'), Some(mo), Some(b'.'), Some(y)) = (
        digits(s, 2),
        b.get(s + 2),
        digits(s + 3, 2),
        b.get(s + 5),
        digits(s + 6, 4),
    ) {
        if not_digit_after(s + 10) {
            return EventDate::day(y as i32, mo as u8, d as u8)
                .ok()
                .map(|e| (s + 10, e));
        }
    }
    None
}
