//! The two report languages, and what in them is formatting rather than wording: dates, the
//! names the analysis gives in both languages (bands, shortfalls, amounts), actor names (shared
//! with `names.rs`). The report's sentences and labels are in `messages/`.

use dyad_analysis::prelude::*;

/// The language of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The English or the Chinese of data that come in both (descriptions, names, notes).
    pub fn t<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
        }
    }

    /// The other language of the report.
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// The value of the `lang` attribute.
    pub fn html(self) -> &'static str {
        self.t("en", "zh-CN")
    }

    /// The short name, as used in file names.
    pub fn code(self) -> &'static str {
        self.t("en", "zh")
    }

    pub fn band(self, b: Band) -> &'static str {
        match self {
            Lang::En => b.en(),
            Lang::Zh => b.zh(),
        }
    }

    /// A band name starting with a capital in English.
    pub fn band_title(self, b: Band) -> String {
        let s = self.band(b);
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => String::new(),
        }
    }

    /// The name of an actor code (countries the chronology knows; otherwise the code).
    pub fn actor(self, code: &str) -> String {
        let (en, zh) = match code {
            "USA" => ("United States", "美国"),
            "RUS" => ("Russia", "俄罗斯"),
            "UKR" => ("Ukraine", "乌克兰"),
            "CHN" => ("China", "中国"),
            "SYR" => ("Syria", "叙利亚"),
            "GEO" => ("Georgia", "格鲁吉亚"),
            "IRN" => ("Iran", "伊朗"),
            "PRK" => ("North Korea", "朝鲜"),
            "NATO" | "NAT" => ("NATO", "北约"),
            "EU" | "EUR" => ("the EU", "欧盟"),
            "UN" | "UNO" => ("the UN", "联合国"),
            _ => return code.to_string(),
        };
        self.t(en, zh).to_string()
    }

    /// The short adjective for the first-named side ("US", "美").
    pub fn short_actor(self, code: &str) -> String {
        match (self, code) {
            (Lang::En, "USA") => "US".into(),
            (Lang::Zh, "USA") => "美".into(),
            (Lang::Zh, "RUS") => "俄".into(),
            (Lang::En, c) => self.actor(c),
            (Lang::Zh, c) => self.actor(c),
        }
    }

    /// A domain's qualifier (`ukraine` of `military-conflict:ukraine`): the Chinese report names
    /// one that is an actor code; the English one keeps it as written.
    pub fn qualifier(self, q: &str) -> String {
        match self {
            Lang::En => q.to_string(),
            Lang::Zh => self
                .actor(&q.to_ascii_uppercase())
                .replace(&q.to_ascii_uppercase(), q),
        }
    }

    /// Why something is not computed, as the analysis words it in each language.
    pub fn shortfall(self, s: &Shortfall) -> String {
        match self {
            Lang::En => s.to_string(),
            Lang::Zh => s.zh(),
        }
    }

    /// An amount of record (`2 events`, `2个事件`), as the analysis words it.
    pub fn quantity(self, q: dyad_analysis::sufficiency::Quantity, n: usize) -> String {
        match self {
            Lang::En => q.en(n),
            Lang::Zh => q.zh(n),
        }
    }

    /// A date of the literature's spans: as written in English (`1991`, `2025-02`); in Chinese
    /// a year as `1991年`, anything finer as its month (`2025年2月`).
    pub fn span_date(self, d: &dyad_model::EventDate) -> String {
        match (self, d.precision()) {
            (Lang::Zh, dyad_model::Precision::Year) => format!("{}年", d.y()),
            (Lang::Zh, _) => self.month(Month::of(&d.first_day())),
            _ => d.to_string(),
        }
    }

    /// A month `YYYY-MM` for prose.
    pub fn month(self, m: Month) -> String {
        match self {
            Lang::En => m.to_string(),
            Lang::Zh => format!("{}年{}月", m.year(), m.month()),
        }
    }
}
