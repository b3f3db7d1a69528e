//! Names a document introduces: a person the dictionaries do not know, named next to a title
//! that says whose official they are — "Japanese Prime Minister Fumio Kishida", "Hideo Tarumi,
//! Japan's ambassador to China", 日本驻华大使垂秀夫, «посол России Андрей Келин» — stands for
//! that state wherever the document names them again (Kishida said…, 垂秀夫表示, Келина). A
//! name after an office named without its state (外交部副部长孙卫东, Foreign Ministry spokeswoman
//! Ana Lopez) stands for that office: whose it is is read as for the office itself.
//!
//! The sentence coder finds the introductions ([`Coder::learn_names`]): an actor phrase with a
//! role word and one state or organisation, and right after it (or, in alphabetic scripts, right
//! before it and a comma) a name no dictionary entry covers: capitalised words, or a short run
//! of Chinese characters that ends where a known word or a mark begins. The document pass
//! ([`DocNames`]) turns them into literals (the whole name and the surname) that the matcher
//! then finds as that state, in the document's other sentences as in its own.

use super::*;
use crate::dict::ActorKind;

/// At most this many words in an alphabetic name (Hideo Tarumi, Sergei V. Skripal).
const NAME_WORDS: usize = 3;

/// Length of a Chinese or Korean name in characters (王毅, 尹锡悦), and of a transliterated foreign one
/// (卡拉斯, 帕希尼扬; its parts joined by `·`).
const CJK_NAME: (usize, usize) = (2, 3);
const CJK_FOREIGN: usize = 8;

/// A name a sentence introduces with its state.
#[derive(Debug, Clone, PartialEq)]
pub struct LearnedName {
    /// The name as written.
    pub name: String,
    /// The state or organisation its title names.
    pub code: String,
    /// The title as written (`Japan's ambassador`, 日本驻华大使).
    pub title: String,
    /// A title that names an office without its state (外交部副部长孙卫东, Foreign Ministry
    /// spokesperson X): the actor entry of its role word. The name then stands for that office
    /// wherever the document names it again, and whose office it is is read as for the office
    /// itself; `code` is empty.
    pub office: Option<usize>,
}

/// A titled phrase that may introduce a name: its byte span, the state's code (or, for an office
/// without its state, its role word's actor entry), how many tokens lie before it and the index
/// of the token after it.
struct Titled<'s> {
    start: usize,
    end: usize,
    of: Result<&'s str, usize>,
    before: usize,
    next: usize,
}

impl Coder {
    /// The names `toks` introduce (module docs): each titled actor phrase with one code and an
    /// unknown name right after it, or before it and a comma.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn learn_names(
        &self,
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        toks: &[Tok],
        words: &[(usize, (usize, usize))],
        offices: &[Office<'_>],
        lang: &str,
    ) -> Vec<LearnedName> {
        let mut out = Vec::new();
        // the titled phrases: a role word with its state, or an office alone
        let mut titled: Vec<Titled<'_>> = Vec::new();
        for (ti, t) in toks.iter().enumerate() {
            let Tok::Actor(p) = t else { continue };
            if let Some(code) = self.titled_code(p) {
                titled.push(Titled {
                    start: p.start,
                    end: p.end,
                    of: Ok(code),
                    before: ti,
                    next: ti + 1,
                });
            }
        }
        for o in offices
            .iter()
            .filter(|o| o.connector.is_none_or(|c| c == GrammarKind::And))
        {
            let next = toks
                .iter()
                .position(|t| t.start() >= o.bytes.1)
                .unwrap_or(toks.len());
            let before = toks
                .iter()
                .position(|t| t.start() >= o.bytes.0)
                .unwrap_or(toks.len());
            titled.push(Titled {
                start: o.bytes.0,
                end: o.bytes.1,
                of: Err(o.agent),
                before,
                next,
            });
        }
        for Titled {
            start,
            end,
            of: code,
            before,
            next,
        } in titled
        {
            let next_tok = toks.get(next).map_or(folded.len(), Tok::start);

            let found = if m.analyzer.is_cjk() {
                // a context word (表示, 称) ends the name as a token does
                let word_at = words
                    .iter()
                    .map(|&(_, (a, _))| a)
                    .filter(|&a| a >= chars.at(end))
                    .min();
                cjk_name_after(m, folded, end, next_tok, chars, word_at)
            } else {
                capitalised_after(folded, chars, end, next_tok)
                    .or_else(|| apposition_before(folded, chars, start, &toks[..before]))
            };
            // a first name right before a known person's name (Михаилом Саакашвили) is theirs
            let found = found.filter(|&(_, b)| {
                let after = b > start;
                let glued = folded[b..next_tok.min(folded.len())]
                    .chars()
                    .all(|c| c == ' ' || matches!(c, '·' | '•' | '・' | '-'));
                !(after && glued && matches!(toks.get(next), Some(Tok::Actor(_))))
            });
            // a weekday or a month written without its preposition is no name
            let found = found.filter(|&(a, b)| !self.is_date_word(lang, &folded[a..b]));
            if let Some((a, b)) = found {
                let (code, office) = match code {
                    Ok(c) => (c.to_string(), None),
                    Err(agent) => (String::new(), Some(agent)),
                };
                out.push(LearnedName {
                    name: chars.text(a, b),
                    code,
                    title: chars.text(start, end),
                    office,
                });
            }
        }
        out
    }

    /// The short forms of grammar kind `party-short` (巴方, 阿方) the document writes, each as
    /// the one party of the document whose name opens with its characters, introduced where
    /// that party is first named; a form two of its parties could stand for stays unread.
    pub(crate) fn party_shorts(
        &self,
        sentences: &[crate::context::DocSentence],
        coded: &[(Vec<CodedEvent>, SentenceFacts<'_>)],
    ) -> Vec<(usize, Lang, LearnedName)> {
        let Some(m) = self.langs.get(Lang::Zh.as_str()) else {
            return Vec::new();
        };
        let shorts: Vec<&crate::dict::GrammarEntry> = self
            .dict
            .grammar
            .iter()
            .filter(|g| g.kind == GrammarKind::PartyShort && g.lang == Lang::Zh.as_str())
            .collect();
        let zh: Vec<(usize, String)> = sentences
            .iter()
            .enumerate()
            // (every form ends in 方, which folding leaves as it is: only those sentences are
            // folded)
            .filter(|(_, s)| s.lang == Lang::Zh && !s.note && s.text.contains('方'))
            .map(|(i, s)| (i, m.analyzer.fold(s.text)))
            .collect();
        let written: Vec<&crate::dict::GrammarEntry> = shorts
            .into_iter()
            .filter(|g| zh.iter().any(|(_, t)| t.contains(g.cue.as_str())))
            .collect();
        if written.is_empty() {
            return Vec::new();
        }
        // the document's parties, where each is first named
        let mut first: Vec<(&str, usize)> = Vec::new();
        for (i, (_, f)) in coded.iter().enumerate() {
            for a in &f.actors {
                if !first.iter().any(|(c, _)| *c == a.code) {
                    first.push((a.code, i));
                }
            }
        }
        let mut out = Vec::new();
        for g in written {
            let opens = |code: &str| {
                self.dict.actors.iter().find(|a| {
                    a.lang == Lang::Zh.as_str()
                        && matches!(&a.kind, ActorKind::Code(c) if c == code)
                        && a.pattern.chars().count() > g.value.chars().count()
                        && m.analyzer.fold(&a.pattern).starts_with(g.value.as_str())
                })
            };
            let mut cands = first.iter().filter_map(|&(c, i)| Some((c, i, opens(c)?)));
            let (Some((code, at, name)), None) = (cands.next(), cands.next()) else {
                continue;
            };
            out.push((
                at,
                Lang::Zh,
                LearnedName {
                    name: g.cue.clone(),
                    code: code.to_string(),
                    title: name.pattern.clone(),
                    office: None,
                },
            ));
        }
        out
    }

    /// Whether one of the name's words is a date word of the dictionaries (Monday, May): the
    /// whole or the last word of a date expression (`on monday`).
    fn is_date_word(&self, lang: &str, name: &str) -> bool {
        name.split(' ').any(|w| {
            self.dict.dates.iter().any(|d| {
                d.lang == lang
                    && (d.expr == w
                        || d.expr
                            .strip_suffix(w)
                            .is_some_and(|head| head.ends_with(' ')))
            })
        })
    }

    /// The position of the role word of a titled phrase (a role word and one state: Peruvian
    /// Foreign Minister), if its role word names one.
    pub(super) fn role_position<'s>(&'s self, p: &Phrase) -> Option<&'s str> {
        self.titled_code(p)?;
        p.members
            .iter()
            .rev()
            .find_map(|&i| match &self.dict.actors[i].kind {
                ActorKind::Agent(_) => self.dict.actors[i].position.as_deref(),
                _ => None,
            })
    }

    /// The one code of a phrase made of a role word and a state or organisation (no person, no
    /// group, no place).
    fn titled_code<'s>(&'s self, p: &Phrase) -> Option<&'s str> {
        let mut code = None;
        let mut role = false;
        for &i in &p.members {
            match &self.dict.actors[i].kind {
                ActorKind::Agent(_) => role = true,
                ActorKind::Code(c) => match code {
                    None => code = Some(c.as_str()),
                    Some(d) if d == c => {}
                    Some(_) => return None,
                },
                ActorKind::Person(_) | ActorKind::Group(_) | ActorKind::Pair => return None,
            }
        }
        code.filter(|_| role && p.connector.is_none_or(|c| c != GrammarKind::At))
    }
}

fn tok_end(t: &Tok) -> usize {
    match t {
        Tok::Actor(p) => p.end,
        Tok::Action(i) | Tok::Gram(_, i) | Tok::Modal(i) => i.end,
        Tok::Date(d) => d.end,
    }
}

/// A word of a name as written: a capital, then letters, hyphens or apostrophes (Suk-yeol,
/// O'Brien); or an initial (V.).
fn name_word(orig: &str) -> bool {
    let mut cs = orig.chars();
    let Some(first) = cs.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = cs.collect();
    match rest.as_slice() {
        ['.'] => true,
        [] => false,
        r => {
            r.iter()
                .all(|&c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
                && r.iter().any(|c| c.is_lowercase())
        }
    }
}

/// The byte spans of the words of `folded[from..to]` (split on spaces; a word ends at a mark).
fn words_in(folded: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in folded[from..to].char_indices() {
        let i = from + i;
        let inside = c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.');
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, i));
                start = None;
                if c != ' ' {
                    return out;
                }
            }
            (false, None) if c != ' ' => return out,
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, to));
    }
    out
}

/// Capitalised words right after `from`, before the next token: `Fumio Kishida` after
/// `Japanese Prime Minister`.
fn capitalised_after(
    folded: &str,
    chars: &CharIdx,
    from: usize,
    next_tok: usize,
) -> Option<(usize, usize)> {
    if !folded[from..].starts_with(' ') {
        return None;
    }
    let words = words_in(folded, from, next_tok.min(folded.len()));
    let mut end = None;
    for &(a, b) in words.iter().take(NAME_WORDS) {
        let w = chars.text(a, b);
        if !name_word(w.trim_end_matches(['\'', '’'])) {
            break;
        }
        end = Some(b);
    }
    let end = end?;
    // the name is whole: the next word (if any, before the next token) is not capitalised
    let start = words.first()?.0;
    Some((start, end)).filter(|&(a, b)| {
        let text = chars.text(a, b);
        !text.ends_with('.') && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
    })
}

/// Capitalised words right before `to` and a comma, after the previous token: `Hideo Tarumi`
/// in `… Hideo Tarumi, Japan's ambassador`.
fn apposition_before(
    folded: &str,
    chars: &CharIdx,
    to: usize,
    before: &[Tok],
) -> Option<(usize, usize)> {
    let head = &folded[..to];
    let head = head.strip_suffix("the ").unwrap_or(head);
    let comma = head.strip_suffix(", ")?.len();
    // the comma is a token (a clause break): the name lies between the token before it and it
    let prev_tok = before
        .iter()
        .rev()
        .map(tok_end)
        .find(|&e| e <= comma)
        .unwrap_or(0);
    if comma <= prev_tok {
        return None;
    }
    let words = words_in_back(folded, prev_tok, comma);
    // the capitalised words right before the comma, at most three, after a word that is not
    if words.last().is_none_or(|w| w.1 != comma) {
        return None;
    }
    let named = words
        .iter()
        .rev()
        .take_while(|&&(a, b)| name_word(&chars.text(a, b)))
        .count();
    if named == 0 || named > NAME_WORDS {
        return None;
    }
    let first = words.len() - named;
    // the sentence's first word is capitalised whatever it is: a name there stands alone
    let a = words[first].0;
    let b = comma;
    let text = chars.text(a, b);
    (text.chars().filter(|c| c.is_alphabetic()).count() >= 3).then_some((a, b))
}

/// The words of `folded[from..to]` that end at `to`, back to a mark or `from` (in order).
fn words_in_back(folded: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let seg = &folded[from..to];
    let start = seg
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.' | ' ')))
        .map_or(from, |(i, c)| from + i + c.len_utf8());
    words_in(folded, start, to)
}

/// A run of Chinese characters right after `from`, ending where the next token or context word
/// begins or at a character that is no part of a name: two to four characters, up to eight
/// for a foreign name spelt in transliteration characters or joined by `·`.
fn cjk_name_after(
    m: &LangMatcher,
    folded: &str,
    from: usize,
    next_tok: usize,
    chars: &CharIdx,
    word_at: Option<usize>,
) -> Option<(usize, usize)> {
    let mut end = from;
    let mut n = 0;
    let mut spelt = 0;
    let mut dotted = false;
    let surname = folded[from..]
        .chars()
        .next()
        .is_some_and(|c| m.surnames.contains(&c));
    for (i, c) in folded[from..].char_indices() {
        let at = from + i;
        if at >= next_tok || word_at.is_some_and(|w| chars.at(at) >= w) {
            break;
        }
        if matches!(c, '·' | '•' | '・') {
            dotted = true;
        } else if is_cjk_ideograph(c) {
            n += 1;
            spelt += usize::from(m.transliteration.contains(&c));
        } else {
            break;
        }
        end = at + c.len_utf8();
    }
    // a name of the region opens with a family name; a foreign one is spelt in transliteration
    // characters, from the first and two in three at least (or joined by `·`)
    let foreign = folded[from..]
        .chars()
        .next()
        .is_some_and(|c| m.transliteration.contains(&c))
        && 3 * spelt >= 2 * n;
    let most = if foreign || dotted {
        CJK_FOREIGN
    } else if surname {
        CJK_NAME.1
    } else {
        return None;
    };
    let ends_well = folded[end..]
        .chars()
        .next()
        .is_none_or(|c| !matches!(c, '·' | '•' | '・'));
    (n >= CJK_NAME.0 && n <= most && ends_well).then_some((from, end))
}

pub(crate) fn is_cjk_ideograph(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
}

/// One literal of a learned name, compiled for the matcher.
#[derive(Debug, Clone)]
struct NameLit {
    lang: String,
    /// Folded.
    text: String,
    /// The actor entry of its state or organisation.
    actor: usize,
    /// Alphabetic scripts: the name is found only written with a capital.
    capital: bool,
    /// Index of the name in [`DocNames::names`].
    name: usize,
}

/// The names a document introduced (each with the sentence that did), compiled for the matcher.
#[derive(Debug, Clone, Default)]
pub struct DocNames {
    /// `(sentence index, name)`.
    pub names: Vec<(usize, LearnedName)>,
    lits: Vec<NameLit>,
}

impl DocNames {
    /// The names of `learned` (by sentence, with each sentence's language): a name introduced
    /// with two different codes is dropped, and so is a literal two names share.
    pub fn new(coder: &Coder, learned: Vec<(usize, Lang, LearnedName)>) -> DocNames {
        let mut out = DocNames::default();
        let mut dropped: Vec<(String, String)> = Vec::new();
        for (i, lang, n) in learned {
            let Some(m) = coder.langs.get(lang.as_str()) else {
                continue;
            };
            let Some(actor) = n
                .office
                .or_else(|| coder.state_actor(lang.as_str(), &n.code))
            else {
                continue;
            };
            let full = m.analyzer.fold(&n.name);
            let mut texts = vec![full.clone()];
            let last = if m.analyzer.is_cjk() {
                full.rsplit(['·', '•', '・']).next()
            } else {
                full.rsplit(' ').next()
            };
            if let Some(last) = last.filter(|l| *l != full && l.chars().count() >= 2) {
                texts.push(last.to_string());
            }
            let name = out.names.len();
            for text in texts {
                let key = (lang.as_str().to_string(), text.clone());
                if dropped.contains(&key) {
                    continue;
                }
                if let Some(k) = out
                    .lits
                    .iter()
                    .position(|l| l.lang == key.0 && l.text == key.1)
                {
                    if out.names[out.lits[k].name].1.code != n.code {
                        out.lits.remove(k);
                        dropped.push(key);
                    }
                    continue;
                }
                out.lits.push(NameLit {
                    lang: key.0,
                    text,
                    actor,
                    capital: !m.analyzer.is_cjk(),
                    name,
                });
            }
            out.names.push((i, n));
        }
        out
    }

    pub fn is_empty(&self) -> bool {
        self.lits.is_empty()
    }

    /// Whether `text` (a span of a sentence of `lang`) holds a name the document introduced
    /// after an office without its state (Foreign Minister Marty Natalegawa … Dr Natalegawa): a
    /// person of their own, not the office's role word alone.
    pub fn is_office_name(&self, coder: &Coder, lang: Lang, text: &str) -> bool {
        let Some(m) = coder.langs.get(lang.as_str()) else {
            return false;
        };
        let folded = m.analyzer.fold(text);
        self.lits.iter().any(|l| {
            l.lang == lang.as_str()
                && self.names[l.name].1.office.is_some()
                && folded.contains(l.text.as_str())
        })
    }

    /// The learned names `text` (a sentence of `lang`) names, not counting the sentence that
    /// introduced them: `(name, sentence that introduced it)`.
    pub fn found_in(&self, coder: &Coder, lang: Lang, text: &str, at: usize) -> Vec<usize> {
        let Some(m) = coder.langs.get(lang.as_str()) else {
            return Vec::new();
        };
        let folded = m.analyzer.fold(text);
        let mut out: Vec<usize> = self
            .lits
            .iter()
            .filter(|l| l.lang == lang.as_str() && self.names[l.name].0 != at)
            .filter(|l| folded.contains(&l.text))
            .map(|l| l.name)
            .collect();
        out.dedup();
        out
    }
}

impl Coder {
    /// The actor entry that stands for `code` in `lang` (else in any language).
    fn state_actor(&self, lang: &str, code: &str) -> Option<usize> {
        let is = |a: &crate::dict::ActorEntry| matches!(&a.kind, ActorKind::Code(c) if c == code);
        let actors = &self.dict.actors;
        actors
            .iter()
            .position(|a| a.lang == lang && is(a))
            .or_else(|| actors.iter().position(is))
    }

    /// The learned names' hits in a sentence, as actor items of their state.
    pub(super) fn name_items(
        &self,
        m: &LangMatcher,
        lang: &str,
        folded: &str,
        chars: &CharIdx,
        names: &DocNames,
        out: &mut Vec<Item>,
    ) {
        for l in names.lits.iter().filter(|l| l.lang == lang) {
            for (s, _) in folded.match_indices(l.text.as_str()) {
                let e = s + l.text.len();
                let Some(end) = m.analyzer.accept(folded, s, e, false, true) else {
                    continue;
                };
                if l.capital
                    && !chars
                        .text(s, e)
                        .chars()
                        .next()
                        .is_some_and(char::is_uppercase)
                {
                    continue;
                }
                out.push(Item {
                    start: s,
                    end,
                    span_end: end,
                    entry: Entry::Actor(l.actor),
                });
            }
        }
    }
}
