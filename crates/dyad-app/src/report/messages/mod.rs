//! The report's words: one message catalogue per language (`en.tsv`, `zh.tsv`, embedded at build
//! time), looked up by message id, with named placeholders (`{n}`, `{month}`…) for the numbers
//! and names that go in.
//!
//! A catalogue is a UTF-8 text file of lines `id<TAB>message`; blank lines and lines starting
//! with `#` are comments. The message is everything after the first tab, taken verbatim (leading
//! and trailing spaces included: some messages are joined to others). A placeholder is `{name}`
//! with `name` made of ASCII letters, digits and `_`; a message holds no other braces. A message
//! that is HTML (links, `<b>`, `<code>`) is inserted as it is; the callers escape the rest.
//!
//! [`Messages::builtin`] loads both catalogues and checks them together: the same ids in both,
//! the same placeholders in the two versions of each message, no empty message, no id twice.
//! Plurals are two ids, `x.one` and `x.other`, chosen by [`Catalogue::plural`].

use super::Lang;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::{self, Display, Write};

/// The English catalogue as embedded.
const EN: &str = include_str!("en.tsv");
/// The Chinese catalogue as embedded.
const ZH: &str = include_str!("zh.tsv");

/// Fills a message's placeholders: `msg!(m, "id", n = 3, month = m)`.
macro_rules! msg {
    ($m:expr, $key:literal $(, $name:ident = $val:expr)* $(,)?) => {
        $m.fill($key, &[$((stringify!($name), &$val as &dyn std::fmt::Display)),*])
    };
}
pub(crate) use msg;

/// What is wrong with a catalogue, naming the file and line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogueError {
    pub file: String,
    pub line: usize,
    pub problem: String,
}

impl Display for CatalogueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.problem)
    }
}

impl std::error::Error for CatalogueError {}

/// One message: its text and the line it is on.
#[derive(Debug, Clone)]
struct Message {
    text: String,
    line: usize,
    placeholders: BTreeSet<String>,
}

/// The messages of one language.
#[derive(Debug, Clone)]
pub struct Catalogue {
    lang: Lang,
    file: String,
    messages: BTreeMap<String, Message>,
}

/// The placeholders of `text`, or what is wrong with its braces.
fn placeholders(text: &str) -> Result<BTreeSet<String>, String> {
    let mut found = BTreeSet::new();
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        if rest[i..].starts_with('}') {
            return Err(format!("a `}}` that closes no placeholder in {text:?}"));
        }
        let after = &rest[i + 1..];
        let Some(end) = after.find('}') else {
            return Err(format!("an unclosed `{{` in {text:?}"));
        };
        let name = &after[..end];
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return Err(format!(
                "`{{{name}}}` is not a placeholder (ASCII letters, digits and _)"
            ));
        }
        found.insert(name.to_string());
        rest = &after[end + 1..];
    }
    Ok(found)
}

impl Catalogue {
    /// Reads a catalogue; `file` names it in errors.
    pub fn parse(lang: Lang, file: &str, text: &str) -> Result<Catalogue, CatalogueError> {
        let err = |line: usize, problem: String| CatalogueError {
            file: file.to_string(),
            line,
            problem,
        };
        let mut messages = BTreeMap::new();
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            if raw.trim().is_empty() || raw.starts_with('#') {
                continue;
            }
            let Some((id, msg)) = raw.split_once('\t') else {
                return Err(err(line, "expected `id<TAB>message`".into()));
            };
            if id.is_empty()
                || !id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
            {
                return Err(err(
                    line,
                    format!("`{id}` is not a message id (ASCII letters, digits, `.`, `_`, `-`)"),
                ));
            }
            if msg.trim().is_empty() {
                return Err(err(line, format!("message `{id}` is empty")));
            }
            let placeholders = placeholders(msg).map_err(|p| err(line, p))?;
            let m = Message {
                text: msg.to_string(),
                line,
                placeholders,
            };
            if let Some(first) = messages.insert(id.to_string(), m) {
                return Err(err(
                    line,
                    format!("`{id}` is already on line {}", first.line),
                ));
            }
        }
        Ok(Catalogue {
            lang,
            file: file.to_string(),
            messages,
        })
    }

    /// The language of the catalogue.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id` as written (an unknown id gives itself in braces, which a test catches).
    pub fn get<'s>(&'s self, id: &'s str) -> &'s str {
        match self.messages.get(id) {
            Some(m) => &m.text,
            None => {
                debug_assert!(false, "no message `{id}` in {}", self.file);
                id
            }
        }
    }

    /// The message `id` with its placeholders filled from `args`; a placeholder without a value
    /// is left as it is written.
    pub fn fill(&self, id: &str, args: &[(&str, &dyn Display)]) -> String {
        let text = self.get(id);
        let mut out = String::with_capacity(text.len() + 16 * args.len());
        let mut rest = text;
        while let Some(i) = rest.find('{') {
            out.push_str(&rest[..i]);
            let after = &rest[i + 1..];
            let end = after.find('}').unwrap_or(after.len());
            let name = &after[..end];
            match args.iter().find(|(n, _)| *n == name) {
                Some((_, v)) => {
                    let _ = write!(out, "{v}");
                }
                None => {
                    debug_assert!(false, "message `{id}` wants `{{{name}}}`");
                    out.push('{');
                    out.push_str(name);
                    out.push('}');
                }
            }
            rest = after.get(end + 1..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }

    /// `id.one` for one, `id.other` for any other count, with `{n}` filled.
    pub fn plural(&self, id: &str, n: i64) -> String {
        let key = if n == 1 {
            format!("{id}.one")
        } else {
            format!("{id}.other")
        };
        self.fill(&key, &[("n", &n)])
    }
}

/// Both catalogues, checked against each other.
#[derive(Debug, Clone)]
pub struct Messages {
    en: Catalogue,
    zh: Catalogue,
}

impl Messages {
    /// Two catalogues that agree: the same ids, and each message with the same placeholders in
    /// both languages.
    pub fn new(en: Catalogue, zh: Catalogue) -> Result<Messages, CatalogueError> {
        for (this, other) in [(&en, &zh), (&zh, &en)] {
            for (id, m) in &this.messages {
                let err = |problem: String| CatalogueError {
                    file: this.file.clone(),
                    line: m.line,
                    problem,
                };
                let Some(o) = other.messages.get(id) else {
                    return Err(err(format!("`{id}` is not in {}", other.file)));
                };
                if let Some(p) = m.placeholders.difference(&o.placeholders).next() {
                    return Err(err(format!(
                        "`{id}` uses `{{{p}}}`, which its version in {}:{} does not",
                        other.file, o.line
                    )));
                }
            }
        }
        Ok(Messages { en, zh })
    }

    /// The catalogues built into dyad (`report/messages/*.tsv`).
    pub fn builtin() -> Result<Messages, CatalogueError> {
        Messages::new(
            Catalogue::parse(Lang::En, "report/messages/en.tsv", EN)?,
            Catalogue::parse(Lang::Zh, "report/messages/zh.tsv", ZH)?,
        )
    }

    /// The catalogue of `lang`.
    pub fn of(&self, lang: Lang) -> &Catalogue {
        match lang {
            Lang::En => &self.en,
            Lang::Zh => &self.zh,
        }
    }

    /// Every message id (the same in both catalogues).
    #[cfg(test)]
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.en.messages.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(en: &str, zh: &str) -> Result<Messages, CatalogueError> {
        Messages::new(
            Catalogue::parse(Lang::En, "en.tsv", en)?,
            Catalogue::parse(Lang::Zh, "zh.tsv", zh)?,
        )
    }

    #[test]
    fn the_built_in_catalogues_agree() {
        let m = Messages::builtin().unwrap_or_else(|e| panic!("{e}"));
        assert!(m.ids().count() >= 200, "{} messages", m.ids().count());
    }

    #[test]
    fn a_broken_catalogue_is_refused_with_file_and_line() {
        let ok = "# a comment\n\na\tone {n}\nb\ttwo\n";
        assert!(pair(ok, "a\t一{n}\nb\t二\n").is_ok());
        let cases = [
            // an id missing from the other language
            (ok, "a\t一{n}\n", "en.tsv:4: `b` is not in zh.tsv"),
            (
                "a\tone {n}\n",
                "a\t一{n}\nb\t二\n",
                "zh.tsv:2: `b` is not in en.tsv",
            ),
            // a placeholder the other language lacks, either way round
            (
                ok,
                "a\t一\nb\t二\n",
                "en.tsv:3: `a` uses `{n}`, which its version in zh.tsv:1 does not",
            ),
            (
                "a\tone {n}\nb\ttwo\n",
                "a\t一{n}\nb\t二{m}\n",
                "zh.tsv:2: `b` uses `{m}`, which its version in en.tsv:2 does not",
            ),
            // an empty message
            (ok, "a\t一{n}\nb\t \n", "zh.tsv:2: message `b` is empty"),
            // the same id twice
            (
                ok,
                "a\t一{n}\nb\t二\na\t三{n}\n",
                "zh.tsv:3: `a` is already on line 1",
            ),
            // no tab, a bad id, bad braces
            (
                ok,
                "a 一{n}\nb\t二\n",
                "zh.tsv:1: expected `id<TAB>message`",
            ),
            (
                ok,
                "a\t一{n}\nb c\t二\n",
                "zh.tsv:2: `b c` is not a message id (ASCII letters, digits, `.`, `_`, `-`)",
            ),
            (
                ok,
                "a\t一{n\nb\t二\n",
                "zh.tsv:1: an unclosed `{` in \"一{n\"",
            ),
            (
                ok,
                "a\t一{n}}\nb\t二\n",
                "zh.tsv:1: a `}` that closes no placeholder in \"一{n}}\"",
            ),
            (
                ok,
                "a\t一{n m}\nb\t二\n",
                "zh.tsv:1: `{n m}` is not a placeholder (ASCII letters, digits and _)",
            ),
        ];
        for (en, zh, want) in cases {
            match pair(en, zh) {
                Ok(_) => panic!("accepted: {zh:?}"),
                Err(e) => assert_eq!(e.to_string(), want),
            }
        }
    }

    #[test]
    fn placeholders_are_filled_by_name_in_any_order() {
        let m = pair(
            "x\t{a} of {b}\nc.one\t{n} cat\nc.other\t{n} cats\n",
            "x\t{b}中的{a}\nc.one\t{n}只猫\nc.other\t{n}只猫\n",
        )
        .unwrap();
        assert_eq!(msg!(m.of(Lang::En), "x", a = 2, b = "ten"), "2 of ten");
        assert_eq!(msg!(m.of(Lang::Zh), "x", a = 2, b = "十"), "十中的2");
        assert_eq!(m.of(Lang::En).plural("c", 1), "1 cat");
        assert_eq!(m.of(Lang::En).plural("c", 3), "3 cats");
        assert_eq!(m.of(Lang::Zh).plural("c", 1), "1只猫");
        assert_eq!(m.of(Lang::En).get("x"), "{a} of {b}");
    }

    /// The words between quotes in the report's sources (outside their tests), with their file.
    fn literals_in_sources() -> Vec<(String, String)> {
        fn walk(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/report");
        let mut files = Vec::new();
        walk(&root, &mut files);
        let mut found = Vec::new();
        for f in files {
            let text = std::fs::read_to_string(&f).unwrap();
            // the tests' own catalogues are not the report's
            let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or("");
            // every stretch between two quotes, whichever opens a literal (raw strings of
            // scripts hold quotes too)
            let quotes: Vec<usize> = text.match_indices('"').map(|(i, _)| i).collect();
            for w in quotes.windows(2) {
                let lit = &text[w[0] + 1..w[1]];
                if !lit.is_empty() && !lit.contains(char::is_whitespace) {
                    found.push((lit.to_string(), f.display().to_string()));
                }
            }
        }
        found
    }

    #[test]
    fn every_id_the_report_looks_up_is_in_the_catalogues_and_every_message_is_used() {
        let m = Messages::builtin().unwrap();
        let known: BTreeSet<&str> = m.ids().collect();
        let prefixes: BTreeSet<&str> = known
            .iter()
            .filter_map(|id| id.split_once('.').map(|(p, _)| p))
            .collect();
        // A literal that looks like an id (`a.b`, its first part starting some id: `button.png`
        // in a script is none) must be one.
        let is_id = |s: &str| {
            let mut parts = s.split('.');
            parts.next().is_some_and(|p| prefixes.contains(p))
                && s.contains('.')
                && parts.all(|p| {
                    !p.is_empty()
                        && p.bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                })
        };
        let literals = literals_in_sources();
        let looked_up: Vec<&(String, String)> = literals.iter().filter(|(l, _)| is_id(l)).collect();
        assert!(
            looked_up.len() >= 200,
            "{} ids in the sources",
            looked_up.len()
        );
        for (id, file) in looked_up {
            let plural = [format!("{id}.one"), format!("{id}.other")];
            assert!(
                known.contains(id.as_str()) || plural.iter().all(|p| known.contains(p.as_str())),
                "{file}: no message `{id}` in the catalogues"
            );
        }
        let used: BTreeSet<&str> = literals.iter().map(|(l, _)| l.as_str()).collect();
        for id in &known {
            let base = id
                .strip_suffix(".one")
                .or_else(|| id.strip_suffix(".other"))
                .unwrap_or(id);
            assert!(
                used.contains(id) || used.contains(base),
                "message `{id}` is used nowhere in src/report"
            );
        }
    }
}
