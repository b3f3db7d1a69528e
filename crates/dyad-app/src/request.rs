//! The parts of a request the CLI and the API share: a dyad, a month, origins and a frequency,
//! each checked, a wrong value a [`UsageError`] whose message names the flag (`--dyad`); the
//! API renames the flag to its query parameter.

use crate::UsageError;
use dyad_model::{EventDate, Origin, Precision};

/// Parses `USA-RUS` into its two codes.
pub fn parse_dyad(s: &str) -> Result<(String, String), UsageError> {
    let ok =
        |c: &str| !c.is_empty() && c.len() <= 8 && c.bytes().all(|b| b.is_ascii_alphanumeric());
    match s.split_once('-') {
        Some((a, b)) if ok(a) && ok(b) && a != b => {
            Ok((a.to_ascii_uppercase(), b.to_ascii_uppercase()))
        }
        _ => Err(UsageError(format!(
            "--dyad `{s}` must name two different actors joined by '-', e.g. USA-RUS"
        ))),
    }
}

/// Parses a `--from`/`--to` month (YYYY-MM; a year YYYY is accepted too).
pub fn parse_month(flag: &str, s: &Option<String>) -> Result<Option<EventDate>, UsageError> {
    let Some(s) = s else { return Ok(None) };
    let d: EventDate = s.parse().map_err(|e| UsageError(format!("{flag}: {e}")))?;
    if d.precision() == Precision::Day {
        return Err(UsageError(format!(
            "{flag}: `{s}` must be a month YYYY-MM (or a year YYYY)"
        )));
    }
    Ok(Some(d))
}

/// Parses repeated or comma-separated `--origin` values.
pub fn parse_origins(values: &[String]) -> Result<Vec<Origin>, UsageError> {
    let mut out = Vec::new();
    for o in values.iter().flat_map(|o| o.split(',')) {
        match Origin::parse(o.trim()) {
            Some(origin) => out.push(origin),
            None => {
                return Err(UsageError(format!(
                    "--origin `{o}` must be coded, curated or imported"
                )))
            }
        }
    }
    Ok(out)
}

/// The origins as the output names them: `all` when none was chosen.
pub fn origin_names(origins: &[Origin]) -> String {
    if origins.is_empty() {
        "all".to_string()
    } else {
        origins
            .iter()
            .map(|o| o.as_str())
            .collect::<Vec<_>>()
            .join(",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dyad_is_two_different_codes_and_a_month_is_not_a_day() {
        assert_eq!(
            parse_dyad("usa-rus").unwrap(),
            ("USA".to_string(), "RUS".to_string())
        );
        for bad in ["USA", "USA-USA", "USA-", "U S-RUS"] {
            assert!(parse_dyad(bad).unwrap_err().0.contains("--dyad"), "{bad}");
        }
        assert_eq!(parse_month("--from", &None).unwrap(), None);
        assert_eq!(
            parse_month("--from", &Some("2014-03".into()))
                .unwrap()
                .map(|d| d.to_string()),
            Some("2014-03".to_string())
        );
        let e = parse_month("--to", &Some("2014-03-18".into())).unwrap_err();
        assert!(e.0.starts_with("--to: `2014-03-18` must be a month"), "{e}");
        assert_eq!(
            parse_origins(&["coded,curated".into()]).unwrap(),
            vec![Origin::Coded, Origin::Curated]
        );
        assert!(parse_origins(&["gdelt".into()])
            .unwrap_err()
            .0
            .contains("--origin `gdelt`"));
        assert_eq!(origin_names(&[]), "all");
    }
}
