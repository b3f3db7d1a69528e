//! Magnitudes: how large an act was, as its source states it — the designations of a sanctions
//! package, the diplomats expelled, the prisoners exchanged, the warheads a treaty allows, the
//! troops sent. A magnitude is a positive whole number, a unit from a fixed list, and whether
//! the source gives it exactly, about (`~`) or as a floor (`+`: "more than", "including").
//!
//! The text form, as the chronology's `magnitude` column writes it: `<number> <unit>`, the number
//! optionally preceded by `~` or followed by `+`:
//!
//! ```
//! use dyad_model::magnitude::{Bound, Magnitude, Unit};
//! let m: Magnitude = "35 diplomats".parse().unwrap();
//! assert_eq!((m.value, m.unit, m.bound), (35, Unit::Diplomats, Bound::Exact));
//! let m: Magnitude = "500+ designations".parse().unwrap();
//! assert_eq!((m.value, m.bound), (500, Bound::AtLeast));
//! assert_eq!(m.to_string(), "500+ designations");
//! assert!("0 prisoners".parse::<Magnitude>().is_err());
//! assert!("12 spies".parse::<Magnitude>().is_err());
//! // a unit fits only the CAMEO codes of the acts it measures
//! assert!(Unit::Diplomats.fits("161"));
//! assert!(!Unit::Diplomats.fits("163"));
//! ```

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a magnitude counts. The list is closed: a new unit is a new variant, with the codes it fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    /// Persons, entities, vessels or aircraft put on a sanctions, entry-ban or export-restriction
    /// list by one act.
    Designations,
    /// Persons or entities taken off such a list by one act.
    Delistings,
    /// Diplomats or mission staff expelled or ordered to leave.
    Diplomats,
    /// Persons released from custody in an exchange or a release.
    Prisoners,
    /// Nuclear warheads an agreement allows or a side commits to.
    Warheads,
    /// Military personnel moved, deployed or committed.
    Troops,
}

impl Unit {
    pub const ALL: [Unit; 6] = [
        Unit::Designations,
        Unit::Delistings,
        Unit::Diplomats,
        Unit::Prisoners,
        Unit::Warheads,
        Unit::Troops,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Designations => "designations",
            Unit::Delistings => "delistings",
            Unit::Diplomats => "diplomats",
            Unit::Prisoners => "prisoners",
            Unit::Warheads => "warheads",
            Unit::Troops => "troops",
        }
    }

    /// The Chinese name of the unit (a measure word for a count).
    pub fn zh(self) -> &'static str {
        match self {
            Unit::Designations => "个制裁对象",
            Unit::Delistings => "个解除制裁对象",
            Unit::Diplomats => "名外交人员",
            Unit::Prisoners => "名被关押人员",
            Unit::Warheads => "枚弹头",
            Unit::Troops => "名军人",
        }
    }

    pub fn parse(s: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.as_str() == s)
    }

    /// The CAMEO codes (a code, or a root written `NN*`) of the acts this unit measures: a
    /// sanctions designation is 163, an expulsion 161, a release 0841; warheads are counted in
    /// statements of intent (03), agreements (05, 06) and reductions (08); troops in those and in
    /// military posture and force (15, 17, 18, 19, 20).
    pub fn codes(self) -> &'static [&'static str] {
        match self {
            Unit::Designations => &["163"],
            Unit::Delistings => &["085"],
            Unit::Diplomats => &["161"],
            Unit::Prisoners => &["0841"],
            Unit::Warheads => &["03*", "05*", "06*", "08*"],
            Unit::Troops => &[
                "03*", "05*", "06*", "08*", "15*", "17*", "18*", "19*", "20*",
            ],
        }
    }

    /// Whether an act coded `cameo` can be measured in this unit.
    pub fn fits(self, cameo: &str) -> bool {
        self.codes().iter().any(|c| match c.strip_suffix('*') {
            Some(root) => cameo.starts_with(root),
            None => *c == cameo,
        })
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How the source gives the number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Bound {
    /// The number as stated.
    Exact,
    /// "About", "nearly", "almost": written `~N`.
    About,
    /// "More than", or the stated parts of a larger whole ("including…"): written `N+`; the
    /// number is a floor.
    AtLeast,
}

/// How large an act was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Magnitude {
    pub value: u64,
    pub unit: Unit,
    pub bound: Bound,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MagnitudeError {
    #[error("magnitude `{0}` is not `<number> <unit>` (e.g. `35 diplomats`, `~60 diplomats`, `500+ designations`)")]
    Format(String),
    #[error(
        "magnitude `{0}`: the number must be a positive whole number written with digits only"
    )]
    NotPositive(String),
    #[error("magnitude `{text}`: unknown unit `{unit}`; use one of {known}")]
    UnknownUnit {
        text: String,
        unit: String,
        known: String,
    },
    #[error("magnitude `{magnitude}` does not fit an act coded {cameo}: {unit} measure acts coded {codes}")]
    Misplaced {
        magnitude: String,
        unit: Unit,
        cameo: String,
        codes: String,
    },
}

impl Magnitude {
    pub fn new(value: u64, unit: Unit) -> Magnitude {
        Magnitude {
            value,
            unit,
            bound: Bound::Exact,
        }
    }

    /// Whether this magnitude can measure an act coded `cameo`.
    pub fn check_code(&self, cameo: &str) -> Result<(), MagnitudeError> {
        if self.unit.fits(cameo) {
            Ok(())
        } else {
            Err(MagnitudeError::Misplaced {
                magnitude: self.to_string(),
                unit: self.unit,
                cameo: cameo.to_string(),
                codes: self.unit.codes().join(", "),
            })
        }
    }

    /// The magnitude in Chinese: `35名外交人员`, `约60名外交人员`, `至少500个制裁对象`.
    pub fn zh(&self) -> String {
        let prefix = match self.bound {
            Bound::Exact => "",
            Bound::About => "约",
            Bound::AtLeast => "至少",
        };
        format!("{prefix}{}{}", self.value, self.unit.zh())
    }
}

impl FromStr for Magnitude {
    type Err = MagnitudeError;

    fn from_str(s: &str) -> Result<Magnitude, MagnitudeError> {
        let text = s.trim();
        let (number, unit) = text
            .split_once(' ')
            .ok_or_else(|| MagnitudeError::Format(text.to_string()))?;
        let unit = unit.trim();
        let (digits, bound) = if let Some(n) = number.strip_prefix('~') {
            (n, Bound::About)
        } else if let Some(n) = number.strip_suffix('+') {
            (n, Bound::AtLeast)
        } else {
            (number, Bound::Exact)
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            // `-3`, `1,200`, `3.5`, `0x10`: not a whole number in digits
            return Err(if digits.starts_with('-') || digits.contains(['.', ',']) {
                MagnitudeError::NotPositive(text.to_string())
            } else {
                MagnitudeError::Format(text.to_string())
            });
        }
        let value: u64 = digits
            .parse()
            .map_err(|_| MagnitudeError::NotPositive(text.to_string()))?;
        if value == 0 {
            return Err(MagnitudeError::NotPositive(text.to_string()));
        }
        let unit = Unit::parse(unit).ok_or_else(|| MagnitudeError::UnknownUnit {
            text: text.to_string(),
            unit: unit.to_string(),
            known: Unit::ALL.map(Unit::as_str).join(", "),
        })?;
        Ok(Magnitude { value, unit, bound })
    }
}

impl fmt::Display for Magnitude {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.bound {
            Bound::Exact => write!(f, "{} {}", self.value, self.unit),
            Bound::About => write!(f, "~{} {}", self.value, self.unit),
            Bound::AtLeast => write!(f, "{}+ {}", self.value, self.unit),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_unit_and_bound_and_round_trips() {
        for u in Unit::ALL {
            for text in [format!("7 {u}"), format!("~1200 {u}"), format!("295+ {u}")] {
                let m: Magnitude = text.parse().unwrap();
                assert_eq!(m.unit, u);
                assert_eq!(m.to_string(), text);
            }
        }
        let m: Magnitude = "~60 diplomats".parse().unwrap();
        assert_eq!(m.bound, Bound::About);
        assert_eq!(m.zh(), "约60名外交人员");
        assert_eq!(
            "91+ designations".parse::<Magnitude>().unwrap().zh(),
            "至少91个制裁对象"
        );
    }

    #[test]
    fn rejects_unknown_units_and_non_positive_numbers() {
        let e = "12 spies".parse::<Magnitude>().unwrap_err();
        assert!(matches!(e, MagnitudeError::UnknownUnit { ref unit, .. } if unit == "spies"));
        assert!(e.to_string().contains("designations, delistings"), "{e}");
        for bad in [
            "0 diplomats",
            "-3 diplomats",
            "1,200 designations",
            "2.5 troops",
        ] {
            assert!(
                matches!(
                    bad.parse::<Magnitude>(),
                    Err(MagnitudeError::NotPositive(_))
                ),
                "{bad}"
            );
        }
        for bad in [
            "diplomats",
            "35",
            "",
            "thirty-five diplomats",
            "~ 35 diplomats",
        ] {
            assert!(
                matches!(bad.parse::<Magnitude>(), Err(MagnitudeError::Format(_))),
                "{bad}"
            );
        }
        // unit names are exact: no capitals, no singular
        assert!("1 Diplomats".parse::<Magnitude>().is_err());
        assert!("1 diplomat".parse::<Magnitude>().is_err());
    }

    #[test]
    fn units_fit_only_the_codes_of_their_acts() {
        let m: Magnitude = "72 designations".parse().unwrap();
        assert!(m.check_code("163").is_ok());
        let e = m.check_code("041").unwrap_err();
        assert_eq!(
            e.to_string(),
            "magnitude `72 designations` does not fit an act coded 041: designations measure acts coded 163"
        );
        assert!(Unit::Prisoners.fits("0841"));
        assert!(!Unit::Prisoners.fits("084"));
        assert!(Unit::Warheads.fits("057"));
        assert!(!Unit::Warheads.fits("163"));
        assert!(Unit::Troops.fits("150"));
        assert!(Unit::Troops.fits("0874"));
        assert!(!Unit::Troops.fits("041"));
        assert!(Unit::Delistings.fits("085") && !Unit::Designations.fits("085"));
    }
}
