//! How a dyad is named in a report: 中美关系 and "United States–China relations", not 美中国关系.
//! Full names are the first Chinese and English names of `dictionaries/actors/states.tsv`; the
//! short forms of Chinese compounds and which side a compound names first come from
//! `data/names/dyad-names.tsv` (its header states the rule and the sources).

use crate::builtin;
use crate::report::Lang;
use dyad_coder::tsv;
use std::collections::HashMap;

/// Where the table of short forms lives (embedded at build time).
pub const PATH: &str = "data/names/dyad-names.tsv";
const STATES: &str = "dictionaries/actors/states.tsv";

/// How one state is named.
#[derive(Debug, Clone, PartialEq, Eq)]
struct StateName {
    zh: String,
    en: String,
    /// The one-character form in compounds (美 in 中美关系).
    short_zh: Option<String>,
    /// Lower is named first in a Chinese compound; `None` after every ranked state.
    precedence: Option<u32>,
}

/// The names of states for report titles.
#[derive(Debug, Clone)]
pub struct DyadNames {
    states: HashMap<String, StateName>,
    version: String,
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

impl DyadNames {
    /// The table built into this binary, checked.
    pub fn builtin() -> Result<DyadNames, Vec<String>> {
        let states = builtin::file(STATES).map_err(|e| vec![format!("{e:#}")])?;
        let names = builtin::file(PATH).map_err(|e| vec![format!("{e:#}")])?;
        DyadNames::parse((STATES, states), (PATH, names))
    }

    /// Reads the states table and the table of short forms; every problem names `file:line`.
    pub fn parse(states: (&str, &str), names: (&str, &str)) -> Result<DyadNames, Vec<String>> {
        let mut problems = Vec::new();
        let columns = [
            "code",
            "names_zh",
            "names_en",
            "names_ru",
            "adjectives_en",
            "adjectives_ru",
            "fang_zh",
        ];
        let recs = tsv::records(states.0, states.1, &columns).map_err(|e| vec![e.to_string()])?;
        let mut all_zh: HashMap<String, Vec<String>> = HashMap::new();
        let mut map: HashMap<String, StateName> = HashMap::new();
        for r in &recs {
            let first = |i: usize| r.fields[i].split('|').next().unwrap_or("").trim();
            map.insert(
                r.fields[0].to_string(),
                StateName {
                    zh: first(1).to_string(),
                    en: first(2).to_string(),
                    short_zh: None,
                    precedence: None,
                },
            );
            all_zh.insert(
                r.fields[0].to_string(),
                r.fields[1].split('|').map(str::to_string).collect(),
            );
        }
        let (file, text) = names;
        let recs = tsv::records(file, text, &["code", "short_zh", "precedence"])
            .map_err(|e| vec![e.to_string()])?;
        let mut short_of: HashMap<String, (String, usize)> = HashMap::new();
        let mut seen: HashMap<String, usize> = HashMap::new();
        for r in &recs {
            let at = format!("{file}:{}", r.line);
            let (code, short, prec) = (r.fields[0], r.fields[1], r.fields[2]);
            if let Some(prev) = seen.insert(code.to_string(), r.line) {
                problems.push(format!("{at}: `{code}` is listed twice (also line {prev})"));
                continue;
            }
            let Some(state) = map.get_mut(code) else {
                problems.push(format!(
                    "{at}: `{code}` is not in {STATES}; add the state there first"
                ));
                continue;
            };
            let n = short.chars().count();
            if !(1..=2).contains(&n) || !short.chars().all(is_han) {
                problems.push(format!(
                    "{at}: short_zh `{short}` must be one or two Chinese characters"
                ));
                continue;
            }
            let first = short.chars().next().unwrap_or(' ');
            if !all_zh
                .get(code)
                .is_some_and(|v| v.iter().any(|z| z.contains(first)))
            {
                problems.push(format!(
                    "{at}: short_zh `{short}` does not occur in any Chinese name of `{code}` in {STATES}"
                ));
            }
            if let Some((other, line)) = short_of.get(short) {
                problems.push(format!(
                    "{at}: short_zh `{short}` is already `{other}`'s (line {line}); a compound must name one pair — name the other state in full"
                ));
            } else {
                short_of.insert(short.to_string(), (code.to_string(), r.line));
            }
            let precedence = match prec {
                "-" => None,
                p => match p.parse::<u32>() {
                    Ok(p) => Some(p),
                    Err(_) => {
                        problems.push(format!(
                            "{at}: precedence `{p}` must be a whole number or `-`"
                        ));
                        None
                    }
                },
            };
            state.short_zh = Some(short.to_string());
            state.precedence = precedence;
        }
        if problems.is_empty() {
            Ok(DyadNames {
                states: map,
                version: tsv::version(text).unwrap_or("?").to_string(),
            })
        } else {
            Err(problems)
        }
    }

    /// States with a short form.
    pub fn len(&self) -> usize {
        self.states
            .values()
            .filter(|s| s.short_zh.is_some())
            .count()
    }

    /// Whether no state has a short form.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    /// A state's (or another actor's) full name.
    pub fn full(&self, code: &str, lang: Lang) -> String {
        match self.states.get(code) {
            Some(s) => lang.t(&s.en, &s.zh).to_string(),
            None => lang.actor(code),
        }
    }

    /// The pair as a title names it, before "relations" / "关系": "United States–China"; in
    /// Chinese the compound in its conventional order ("中美"), or the full names joined with 与
    /// when a side has no short form ("美国与巴西").
    pub fn pair(&self, a: &str, b: &str, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{}–{}", self.full(a, lang), self.full(b, lang)),
            Lang::Zh => {
                let rank = |c: &str| {
                    self.states
                        .get(c)
                        .and_then(|s| s.precedence)
                        .unwrap_or(u32::MAX)
                };
                let (x, y) = if rank(b) < rank(a) { (b, a) } else { (a, b) };
                let short = |c: &str| self.states.get(c).and_then(|s| s.short_zh.clone());
                match (short(x), short(y)) {
                    (Some(p), Some(q)) => format!("{p}{q}"),
                    _ => format!("{}与{}", self.full(x, lang), self.full(y, lang)),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dyads_are_named_as_chinese_and_english_write_them() {
        let n = DyadNames::builtin().unwrap();
        assert!(n.len() >= 20);
        for (a, b, zh, en) in [
            ("USA", "RUS", "美俄", "United States–Russia"),
            ("USA", "CHN", "中美", "United States–China"),
            ("CHN", "USA", "中美", "China–United States"),
            ("RUS", "CHN", "中俄", "Russia–China"),
            ("RUS", "UKR", "俄乌", "Russia–Ukraine"),
            ("UKR", "RUS", "俄乌", "Ukraine–Russia"),
            ("KOR", "JPN", "日韩", "South Korea–Japan"),
            ("PAK", "IND", "印巴", "Pakistan–India"),
            ("USA", "BRA", "美国与巴西", "United States–Brazil"),
            ("CHN", "NATO", "中国与北约", "China–NATO"),
        ] {
            assert_eq!(n.pair(a, b, Lang::Zh), zh, "{a}-{b}");
            assert_eq!(n.pair(a, b, Lang::En), en, "{a}-{b}");
        }
    }

    #[test]
    fn a_bad_table_is_refused_line_by_line() {
        let states = builtin::file(STATES).unwrap();
        let bad = "# version: 9\ncode\tshort_zh\tprecedence\nUSA\t美\t1\nXYZ\t某\t2\nBRA\t美\t3\nRUS\tru\t2\nCHN\t中\tfirst\nUSA\t美\t1\nDEU\t法\t3\n";
        let problems = DyadNames::parse((STATES, states), ("t.tsv", bad)).unwrap_err();
        let expect = [
            "t.tsv:4: `XYZ` is not in",
            "t.tsv:5: short_zh `美` does not occur in any Chinese name of `BRA`",
            "t.tsv:5: short_zh `美` is already `USA`'s (line 3)",
            "t.tsv:6: short_zh `ru` must be one or two Chinese characters",
            "t.tsv:7: precedence `first` must be a whole number or `-`",
            "t.tsv:8: `USA` is listed twice (also line 3)",
            "t.tsv:9: short_zh `法` does not occur in any Chinese name of `DEU`",
        ];
        assert_eq!(problems.len(), expect.len(), "{problems:#?}");
        for (p, e) in problems.iter().zip(expect) {
            assert!(p.starts_with(e), "{p} (expected {e}…)");
        }
    }
}
