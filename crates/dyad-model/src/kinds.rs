//! Kinds of act: one CAMEO code for each kind of act (an expulsion of diplomats is 161, a
//! sanctions designation 163…), so that the same act gets the same code wherever it is
//! recorded. The table is data (`dictionaries/kinds.tsv`); this module parses it and checks a
//! curated row, or a coder cue, against it.
//!
//! A row's kind is the one it declares (its `kind` column); a row that declares none takes the
//! first kind, in the table's order, one of whose words occurs in its English or Chinese
//! description; `-` declares that the row is none of the kinds (a statement *about* an
//! expulsion is no expulsion). The kind's code must then be the row's code.
//!
//! ```
//! use dyad_model::{CodeTable, KindTable};
//! let codes = CodeTable::parse("cameo.tsv", "161\t-4.0\t4\tSANCTION\twithdraw\tReduce relations\n").unwrap();
//! let kinds = KindTable::parse(
//!     "kinds.tsv",
//!     "# version: 1\nkind\tcameo\twords_en\twords_zh\tname_en\tname_zh\n\
//!      expel-diplomats\t161\texpels|persona non grata\t驱逐…外交官\tExpel diplomats\t驱逐外交官\n",
//!     &codes,
//! )
//! .unwrap();
//! assert!(kinds.check("", "161", "Russia expels two US diplomats.", "").is_ok());
//! assert!(kinds.check("", "1663", "Russia expels two US diplomats.", "").is_err());
//! assert!(kinds.check("-", "130", "Lavrov proposes to expel diplomats.", "").is_ok());
//! ```

use crate::codes::CodeTable;
use std::fmt;

/// The columns of the table, in order.
pub const KIND_COLUMNS: &[&str] = &[
    "kind", "cameo", "words_en", "words_zh", "name_en", "name_zh",
];

/// Characters allowed between the parts of a `head…tail` word: English, Chinese.
const GAP_EN: usize = 40;
const GAP_ZH: usize = 12;

/// One kind of act.
#[derive(Debug, Clone, PartialEq)]
pub struct Kind {
    pub name: String,
    pub cameo: String,
    /// Words by which an English description declares it: literals (compared without case) or
    /// `head…tail` (the tail within 40 characters after the head).
    pub words_en: Vec<String>,
    /// The same for the Chinese description (tail within 12 characters).
    pub words_zh: Vec<String>,
    pub name_en: String,
    pub name_zh: String,
    /// Where it is defined: `file:line`.
    pub origin: String,
}

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum KindTableError {
    #[error("{file}:{line}: {msg}")]
    Row {
        file: String,
        line: usize,
        msg: String,
    },
    #[error("{file}: no header row `{expected}`; add it after the comments")]
    NoHeader { file: String, expected: String },
    #[error("{file}: no `# version: N` comment line; add one before the header")]
    NoVersion { file: String },
}

/// Why a row's code is not its kind's.
#[derive(Debug, Clone, PartialEq)]
pub enum KindMismatch {
    /// The row declares a kind the table does not have.
    Unknown { kind: String },
    /// The row's code differs from its kind's; `word` is the word that gave the kind when the
    /// row declares none.
    Code {
        kind: String,
        expected: String,
        found: String,
        word: Option<String>,
        origin: String,
    },
}

impl fmt::Display for KindMismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KindMismatch::Unknown { kind } => write!(
                f,
                "kind `{kind}` is not in the kinds table; use one of its kinds, `-` (none) or leave it empty"
            ),
            KindMismatch::Code {
                kind,
                expected,
                found,
                word: None,
                origin,
            } => write!(
                f,
                "kind `{kind}` is coded {expected} ({origin}), not {found}: recode the row {expected}"
            ),
            KindMismatch::Code {
                kind,
                expected,
                found,
                word: Some(w),
                origin,
            } => write!(
                f,
                "reads as kind `{kind}` (the words `{w}`), which is coded {expected} ({origin}), not {found}: recode the row {expected}, or declare its kind (`-` when it only reports or comments on such an act)"
            ),
        }
    }
}

/// The table of kinds, in file order (the order in which undeclared rows are matched).
#[derive(Debug, Clone, Default)]
pub struct KindTable {
    kinds: Vec<Kind>,
    version: String,
}

impl KindTable {
    /// Parses the tab-separated table; `file` names it in errors. Every code must be in `codes`.
    pub fn parse(file: &str, text: &str, codes: &CodeTable) -> Result<KindTable, KindTableError> {
        let mut kinds: Vec<Kind> = Vec::new();
        let mut version = None;
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let err = |msg: String| KindTableError::Row {
                file: file.to_string(),
                line,
                msg,
            };
            if let Some(c) = raw.strip_prefix('#') {
                if let Some(v) = c.trim().strip_prefix("version:") {
                    version = Some(v.trim().to_string());
                }
                continue;
            }
            if raw.trim().is_empty() {
                continue;
            }
            if !header {
                if raw.trim_end() != KIND_COLUMNS.join("\t") {
                    return Err(err(format!(
                        "header is `{raw}`, expected `{}`",
                        KIND_COLUMNS.join("\t")
                    )));
                }
                header = true;
                continue;
            }
            let f: Vec<&str> = raw.split('\t').map(str::trim).collect();
            if f.len() != KIND_COLUMNS.len() {
                return Err(err(format!(
                    "{} columns, expected {}",
                    f.len(),
                    KIND_COLUMNS.len()
                )));
            }
            let name = f[0];
            if name.is_empty()
                || name == "-"
                || !name
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            {
                return Err(err(format!(
                    "kind `{name}` must be lower-case ASCII letters, digits and '-'"
                )));
            }
            if let Some(k) = kinds.iter().find(|k| k.name == name) {
                return Err(err(format!(
                    "kind `{name}` is defined twice (first at {})",
                    k.origin
                )));
            }
            if codes.get(f[1]).is_none() {
                return Err(err(format!(
                    "CAMEO code `{}` is not in the code table (dictionaries/cameo.tsv)",
                    f[1]
                )));
            }
            let words = |s: &str| -> Vec<String> {
                s.split('|')
                    .map(str::trim)
                    .filter(|w| !w.is_empty())
                    .map(str::to_string)
                    .collect()
            };
            let (words_en, words_zh) = (words(f[2]), words(f[3]));
            for w in words_en.iter().chain(&words_zh) {
                if w.split('…').any(|p| p.trim().is_empty()) {
                    return Err(err(format!("word `{w}` has an empty part around `…`")));
                }
            }
            if words_en.is_empty() || words_zh.is_empty() {
                return Err(err(format!(
                    "kind `{name}` needs at least one English and one Chinese word"
                )));
            }
            if f[4].is_empty() || f[5].is_empty() {
                return Err(err(format!("kind `{name}` needs name_en and name_zh")));
            }
            kinds.push(Kind {
                name: name.to_string(),
                cameo: f[1].to_string(),
                words_en,
                words_zh,
                name_en: f[4].to_string(),
                name_zh: f[5].to_string(),
                origin: format!("{file}:{line}"),
            });
        }
        if !header {
            return Err(KindTableError::NoHeader {
                file: file.to_string(),
                expected: KIND_COLUMNS.join("\t"),
            });
        }
        let Some(version) = version else {
            return Err(KindTableError::NoVersion {
                file: file.to_string(),
            });
        };
        Ok(KindTable { kinds, version })
    }

    pub fn get(&self, name: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.name == name)
    }

    pub fn kinds(&self) -> &[Kind] {
        &self.kinds
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn len(&self) -> usize {
        self.kinds.len()
    }

    pub fn is_empty(&self) -> bool {
        self.kinds.is_empty()
    }

    /// The first kind one of whose words occurs in the descriptions, with that word.
    pub fn detect(&self, description_en: &str, description_zh: &str) -> Option<(&Kind, &str)> {
        let en = description_en.to_lowercase();
        self.kinds.iter().find_map(|k| {
            k.words_en
                .iter()
                .find(|w| occurs(&w.to_lowercase(), &en, GAP_EN))
                .or_else(|| {
                    k.words_zh
                        .iter()
                        .find(|w| occurs(w, description_zh, GAP_ZH))
                })
                .map(|w| (k, w.as_str()))
        })
    }

    /// The kind of a row (`declared`: its `kind` column) and whether its code agrees:
    /// `Ok(None)` for a row of no kind.
    pub fn check(
        &self,
        declared: &str,
        cameo: &str,
        description_en: &str,
        description_zh: &str,
    ) -> Result<Option<&Kind>, KindMismatch> {
        let (kind, word) = match declared.trim() {
            "-" => return Ok(None),
            "" => match self.detect(description_en, description_zh) {
                Some((k, w)) => (k, Some(w.to_string())),
                None => return Ok(None),
            },
            name => match self.get(name) {
                Some(k) => (k, None),
                None => {
                    return Err(KindMismatch::Unknown {
                        kind: name.to_string(),
                    })
                }
            },
        };
        if kind.cameo == cameo {
            Ok(Some(kind))
        } else {
            Err(KindMismatch::Code {
                kind: kind.name.clone(),
                expected: kind.cameo.clone(),
                found: cameo.to_string(),
                word,
                origin: kind.origin.clone(),
            })
        }
    }

    /// Checks a coder cue (`lang` `en`/`zh`, its pattern and code): a cue written exactly as a
    /// word of a kind must carry that kind's code. Returns the kind it disagrees with.
    pub fn check_cue(&self, lang: &str, pattern: &str, cameo: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| {
            let words = match lang {
                "en" => &k.words_en,
                "zh" => &k.words_zh,
                _ => return false,
            };
            k.cameo != cameo && words.iter().any(|w| w.trim() == pattern.trim())
        })
    }
}

/// Whether `word` (`head…tail…`, already lower-cased for English) occurs in `text`: each part
/// after the first within `gap` characters of the end of the previous one.
fn occurs(word: &str, text: &str, gap: usize) -> bool {
    let parts: Vec<&str> = word.split('…').collect();
    let mut from = 0;
    while let Some(pos) = text[from..].find(parts[0]) {
        let start = from + pos;
        if rest_follows(&parts[1..], text, start + parts[0].len(), gap) {
            return true;
        }
        from = start + parts[0].chars().next().map_or(1, char::len_utf8);
    }
    false
}

fn rest_follows(parts: &[&str], text: &str, at: usize, gap: usize) -> bool {
    let Some((first, rest)) = parts.split_first() else {
        return true;
    };
    let window: usize = text[at..]
        .char_indices()
        .nth(gap)
        .map_or(text.len() - at, |(i, _)| i);
    let mut from = at;
    while let Some(pos) = text[from..].find(first) {
        let start = from + pos;
        if start > at + window {
            return false;
        }
        if rest_follows(rest, text, start + first.len(), gap) {
            return true;
        }
        from = start + first.chars().next().map_or(1, char::len_utf8);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> CodeTable {
        CodeTable::parse(
            "cameo.tsv",
            "161\t-4.0\t4\t\t\tReduce relations\n163\t-8.0\t4\t\t\tSanctions\n160\t-4\t4\t\t\tr\n",
        )
        .unwrap()
    }

    const HEAD: &str = "# version: 3\nkind\tcameo\twords_en\twords_zh\tname_en\tname_zh\n";

    fn table(rows: &str) -> Result<KindTable, KindTableError> {
        KindTable::parse("kinds.tsv", &format!("{HEAD}{rows}"), &codes())
    }

    #[test]
    fn parses_and_reports_file_line() {
        let t = table("expel-diplomats\t161\texpels|orders…diplomats…to leave\t驱逐…外交官\tExpel diplomats\t驱逐外交官\n").unwrap();
        assert_eq!(t.version(), "3");
        assert_eq!(t.get("expel-diplomats").unwrap().origin, "kinds.tsv:3");
        let e = table("x\t999\ta\tb\tc\td\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "kinds.tsv:3: CAMEO code `999` is not in the code table (dictionaries/cameo.tsv)"
        );
        let e = table("x\t161\ta\tb\tc\td\nx\t163\ta\tb\tc\td\n").unwrap_err();
        assert!(
            e.to_string()
                .contains("defined twice (first at kinds.tsv:3)"),
            "{e}"
        );
        let e = table("x\t161\ta\t\tc\td\n").unwrap_err();
        assert!(e.to_string().contains("one Chinese word"), "{e}");
        let e = KindTable::parse(
            "k.tsv",
            "kind\tcameo\twords_en\twords_zh\tname_en\tname_zh\n",
            &codes(),
        )
        .unwrap_err();
        assert!(matches!(e, KindTableError::NoVersion { .. }));
    }

    #[test]
    fn words_with_gaps_match_within_their_window() {
        assert!(occurs(
            "orders…diplomats…to leave",
            "the us orders 35 russian diplomats to leave",
            40
        ));
        assert!(!occurs(
            "orders…to leave",
            &format!("orders {} to leave", "x".repeat(41)),
            40
        ));
        assert!(occurs("驱逐…外交官", "俄罗斯驱逐两名美国外交官", 12));
        assert!(!occurs(
            "驱逐…外交官",
            "俄罗斯驱逐了一名在当地工作多年的美国记者，美方称其外交官的安全受到威胁",
            12
        ));
        assert!(occurs("expels", "russia expels", 40));
    }

    #[test]
    fn rows_are_checked_by_declared_or_detected_kind() {
        let t = table("expel-diplomats\t161\texpels\t驱逐…外交官\tExpel\t驱逐\nsanctions\t163\timposes…sanctions\t实施…制裁\tSanctions\t制裁\n").unwrap();
        assert_eq!(
            t.check("", "161", "Russia expels 2 US diplomats.", "")
                .unwrap()
                .unwrap()
                .name,
            "expel-diplomats"
        );
        assert_eq!(
            t.check("", "010", "Putin speaks.", "普京讲话").unwrap(),
            None
        );
        let e = t
            .check("", "1663", "The US expels 13 diplomats.", "")
            .unwrap_err();
        assert!(e.to_string().contains("reads as kind `expel-diplomats` (the words `expels`), which is coded 161 (kinds.tsv:3), not 1663"), "{e}");
        // detected by the Chinese description too
        assert!(t
            .check("", "111", "Moscow answers.", "美国对俄实施新一轮制裁")
            .is_err());
        // declared: `-` is no kind; a declared kind is checked whatever the words say
        assert_eq!(
            t.check("-", "130", "Lavrov proposes that Russia expels 35.", "")
                .unwrap(),
            None
        );
        assert!(t.check("sanctions", "161", "Something.", "").is_err());
        assert!(matches!(
            t.check("nope", "161", "", ""),
            Err(KindMismatch::Unknown { .. })
        ));
        // a coder cue written as a kind's word must carry its code
        assert_eq!(
            t.check_cue("zh", "驱逐…外交官", "1663").unwrap().name,
            "expel-diplomats"
        );
        assert!(t.check_cue("zh", "驱逐…外交官", "161").is_none());
        assert!(t.check_cue("ru", "выслал", "1663").is_none());
    }
}
