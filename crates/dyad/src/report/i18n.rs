//! The two report languages and the words that depend on them.

use dyad_analysis::prelude::*;

/// The language of a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// The English or the Chinese text.
    pub fn t<'a>(self, en: &'a str, zh: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Zh => zh,
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

    pub fn trend(self, t: &str) -> &'static str {
        match (self, t) {
            (Lang::En, "rising") => "rising",
            (Lang::En, "falling") => "falling",
            (Lang::En, _) => "stable",
            (Lang::Zh, "rising") => "上升",
            (Lang::Zh, "falling") => "下降",
            (Lang::Zh, _) => "平稳",
        }
    }

    pub fn verdict(self, v: Verdict) -> &'static str {
        match v {
            Verdict::Supported => self.t("supported", "成立"),
            Verdict::Partly => self.t("partly supported", "部分成立"),
            Verdict::NotSupported => self.t("not supported", "不成立"),
            Verdict::Insufficient => self.t("too few cycles to say", "周期过少，无法判断"),
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

    /// Separator between list items.
    pub fn list_sep(self) -> &'static str {
        self.t("; ", "；")
    }

    /// "N months".
    pub fn months(self, n: i64) -> String {
        match self {
            Lang::En if n == 1 => "1 month".into(),
            Lang::En => format!("{n} months"),
            Lang::Zh => format!("{n}个月"),
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
