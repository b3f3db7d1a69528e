//! Loading what a language's analyzer reads: its function words (`grammar/<lang>.tsv`), its
//! date expressions (`dates/<lang>.tsv`) and its character folds (`fold/<lang>.tsv`).

use super::{
    rec_err, ActorKind, Anchor, DateEntry, DateKind, DictError, Dictionaries, GrammarEntry,
    GrammarKind, Unit,
};
use crate::tsv;

impl Dictionaries {
    pub(super) fn load_grammar(
        &mut self,
        file: &str,
        lang: &str,
        text: &str,
    ) -> Result<(), DictError> {
        // the `position` column is optional, and so is its header (a grammar file written before
        // it has three columns)
        let header = text
            .lines()
            .find(|l| !l.starts_with('#') && !l.trim().is_empty());
        let cols: &[&str] = if header.map(str::trim_end) == Some("kind\tcue\tvalue") {
            &["kind", "cue", "value"]
        } else {
            &["kind", "cue", "value", "position"]
        };
        for r in tsv::records_with_optional(file, text, cols, cols.len() - 3)? {
            let f = &r.fields;
            let position = f.get(3).copied().unwrap_or("");
            let origin = format!("{file}:{}", r.line);
            if !position.is_empty() && f[0] != "agent" {
                return Err(rec_err(
                    file,
                    r.line,
                    "only an agent (a role word) names a position",
                ));
            }
            let kind = match f[0] {
                "with" => GrammarKind::With,
                "to" => GrammarKind::To,
                "and" => GrammarKind::And,
                "passive-before" => GrammarKind::PassiveBefore,
                "passive-after" => GrammarKind::PassiveAfter,
                "passive-aux" => GrammarKind::PassiveAux,
                "at" => GrammarKind::At,
                "break" => GrammarKind::Break,
                "bound" => GrammarKind::Bound,
                "bound-before" => GrammarKind::BoundBefore,
                "glue" => GrammarKind::Glue,
                "count" => GrammarKind::Count,
                "script" => GrammarKind::Script,
                "ending" => GrammarKind::Ending,
                "compound" => GrammarKind::Compound,
                "compound-only" => GrammarKind::CompoundOnly,
                "modifier" => GrammarKind::Modifier,
                "territory" => GrammarKind::Territory,
                "light" => GrammarKind::Light,
                "dateline" => GrammarKind::Dateline,
                "topic" => GrammarKind::Topic,
                "setting" => GrammarKind::Setting,
                "attributive" => GrammarKind::Attributive,
                "report" => GrammarKind::Report,
                "continue" => GrammarKind::Continue,
                "speech-root" => GrammarKind::SpeechRoot,
                "title" => GrammarKind::Title,
                "subordinate" => GrammarKind::Subordinate,
                "possessive" => GrammarKind::Possessive,
                "dated-noun" => GrammarKind::DatedNoun,
                "complementiser" => GrammarKind::Complementiser,
                "disposal" => GrammarKind::Disposal,
                "transliteration" => GrammarKind::Transliteration,
                "surname" => GrammarKind::Surname,
                "participle" => GrammarKind::Participle,
                "short-passive" => GrammarKind::ShortPassive,
                "nominalization" => GrammarKind::Nominalization,
                "reciprocal" => GrammarKind::Reciprocal,
                "instrumental" => GrammarKind::Instrumental,
                "from" => GrammarKind::From,
                "between" => GrammarKind::Between,
                "pair-open" => GrammarKind::PairOpen,
                "pair-head" => GrammarKind::PairHead,
                "party-short" => {
                    if f[2].is_empty()
                        || f[2] == "-"
                        || !f[1].starts_with(f[2])
                        || !f[1].ends_with('方')
                    {
                        return Err(rec_err(
                            file,
                            r.line,
                            "a party-short form needs to be a 方-form with, in `value`, the \
                             characters it opens with, which open the names it may stand for \
                             (巴方: 巴)",
                        ));
                    }
                    GrammarKind::PartyShort
                }
                "word" => GrammarKind::Word,
                "declension" => {
                    if f[2].is_empty() || f[2] == "-" || f[2].split('|').any(str::is_empty) {
                        return Err(rec_err(
                            file,
                            r.line,
                            "a declension needs its other endings in `value`, separated by | (ского|скому)",
                        ));
                    }
                    GrammarKind::Declension
                }
                "agent" => {
                    if f[2].is_empty() || f[2] == "-" {
                        return Err(rec_err(
                            file,
                            r.line,
                            "an agent needs a CAMEO role code in `value` (GOV, MIL, LEG…)",
                        ));
                    }
                    self.push_actor(lang, f[1], ActorKind::Agent(f[2].into()), false, &origin);
                    if !position.is_empty() {
                        if self.people.position(position).is_none() {
                            return Err(rec_err(
                                file,
                                r.line,
                                format!("unknown position `{position}` (see actors/positions.tsv)"),
                            ));
                        }
                        if let Some(a) = self.actors.last_mut() {
                            a.position = Some(position.to_string());
                        }
                    }
                    continue;
                }
                x => return Err(rec_err(file, r.line, format!("unknown grammar kind `{x}`"))),
            };
            if kind == GrammarKind::Glue && !matches!(f[2], "" | "-" | "posted") {
                return Err(rec_err(
                    file,
                    r.line,
                    "a glue word's value is - or posted (驻: the state after it is where the phrase \
                     before it is posted)",
                ));
            }
            if kind == GrammarKind::PairOpen && !matches!(f[2], "" | "-" | "definite") {
                return Err(rec_err(
                    file,
                    r.line,
                    "a pair-open word's value is - or definite (the two, 这两个: a state named \
                     before its noun only describes the two)",
                ));
            }
            if kind == GrammarKind::With && !matches!(f[2], "" | "-" | "and") {
                return Err(rec_err(
                    file,
                    r.line,
                    "a with-word's value is - or and (和: it also joins two parties before another \
                     with-word)",
                ));
            }
            if kind == GrammarKind::Script && !matches!(f[1], "cjk" | "alphabetic") {
                return Err(rec_err(file, r.line, "script must be cjk or alphabetic"));
            }
            // `\s` stands for a space so that cues with edge spaces survive TSV trimming.
            let cue = f[1].replace("\\s", " ");
            if kind == GrammarKind::Compound && cue.chars().count() != 2 {
                return Err(rec_err(file, r.line, "a compound is two characters (美俄)"));
            }
            let value = if f[2].is_empty() { "-" } else { f[2] }.to_string();
            self.grammar.push(GrammarEntry {
                lang: lang.into(),
                kind,
                cue,
                value,
                origin,
            });
        }
        Ok(())
    }

    pub(super) fn load_dates(
        &mut self,
        file: &str,
        lang: &str,
        text: &str,
    ) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["kind", "expression", "value"])? {
            let f = &r.fields;
            let bad = |m: String| rec_err(file, r.line, m);
            let kind = match f[0] {
                "month" => {
                    let m: u8 = f[2]
                        .parse()
                        .ok()
                        .filter(|m| (1..=12).contains(m))
                        .ok_or_else(|| bad(format!("month `{}` is not 1-12", f[2])))?;
                    DateKind::Month(m)
                }
                "year-mark" => DateKind::YearMark,
                "month-mark" => DateKind::MonthMark,
                "day-mark" => DateKind::DayMark,
                "decade-mark" => DateKind::DecadeMark,
                "year-before" => DateKind::YearBefore,
                "year-after" => DateKind::YearAfter,
                "since-before" => DateKind::SinceBefore,
                "since-after" => DateKind::SinceAfter,
                "count-after" => DateKind::CountAfter,
                "count-before" => DateKind::CountBefore,
                "not-date" => DateKind::NotDate,
                "numeral" => DateKind::Numeral(
                    f[2].parse()
                        .ok()
                        .filter(|v| (*v <= 10 || *v == 20 || *v == 30) && f[1].chars().count() == 1)
                        .ok_or_else(|| {
                            bad(format!(
                                "a numeral is one character with a value 0-10, 20 or 30, not `{}` = `{}`",
                                f[1], f[2]
                            ))
                        })?,
                ),
                "ago" => DateKind::Ago(match f[2] {
                    "year" => Unit::Year,
                    "month" => Unit::Month,
                    "week" => Unit::Week,
                    "day" => Unit::Day,
                    x => {
                        return Err(bad(format!(
                            "the unit of an `ago` mark is year, month, week or day, not `{x}`"
                        )))
                    }
                }),
                "relative" => {
                    let p: Vec<&str> = f[2].split(':').collect();
                    let anchor = match p.first() {
                        Some(&"context") => Anchor::Context,
                        Some(&"document") => Anchor::Document,
                        _ => {
                            return Err(bad(format!(
                                "relative value `{}` must be anchor:unit:offset",
                                f[2]
                            )))
                        }
                    };
                    let unit = match p.get(1) {
                        Some(&"day") => Unit::Day,
                        Some(&"month") => Unit::Month,
                        Some(&"year") => Unit::Year,
                        Some(&"keep") => Unit::Keep,
                        Some(&"weekday") => Unit::Weekday,
                        Some(&"dayname") => Unit::DayName,
                        Some(&"week") => Unit::Week,
                        _ => {
                            return Err(bad(format!(
                            "unit in `{}` must be day, week, month, year, keep, weekday or dayname",
                            f[2]
                        )))
                        }
                    };
                    let offset = p
                        .get(2)
                        .and_then(|o| o.trim_start_matches('+').parse().ok())
                        .ok_or_else(|| bad(format!("offset in `{}` is not an integer", f[2])))?;
                    if matches!(unit, Unit::Weekday | Unit::DayName) && !(1..=7).contains(&offset) {
                        return Err(bad(format!(
                            "a weekday's offset in `{}` is 1 (Monday) … 7 (Sunday)",
                            f[2]
                        )));
                    }
                    DateKind::Relative {
                        anchor,
                        unit,
                        offset,
                    }
                }
                x => return Err(bad(format!("unknown date kind `{x}`"))),
            };
            self.dates.push(DateEntry {
                lang: lang.into(),
                expr: f[1].into(),
                kind,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    pub(super) fn load_fold(
        &mut self,
        file: &str,
        lang: &str,
        text: &str,
    ) -> Result<(), DictError> {
        let map = self.folds.entry(lang.to_string()).or_default();
        for r in tsv::records(file, text, &["traditional", "simplified"])? {
            let mut a = r.fields[0].chars();
            let mut b = r.fields[1].chars();
            match (a.next(), a.next(), b.next(), b.next()) {
                (Some(x), None, Some(y), None) => {
                    map.insert(x, y);
                }
                _ => {
                    return Err(rec_err(
                        file,
                        r.line,
                        "a fold maps one character to one character",
                    ))
                }
            }
        }
        Ok(())
    }
}
