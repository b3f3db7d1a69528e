//! A request's query parameters, parsed strictly: an unknown or repeated parameter is an error,
//! a value is checked and named in the error by its parameter.

use super::errors::{ApiError, Code};
use dyad_app::request::{parse_dyad, parse_origins};
use dyad_model::{EventDate, Origin};

/// The query string as name/value pairs, checked against the names a route knows.
pub(super) struct Params(Vec<(String, String)>);

impl Params {
    pub(super) fn parse(raw: Option<&str>, known: &[&str]) -> Result<Params, ApiError> {
        let mut pairs = Vec::new();
        for part in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            let (k, v) = (decode(k)?, decode(v)?);
            if !known.contains(&k.as_str()) {
                return Err(ApiError::bad_request(format!(
                    "unknown parameter `{k}`; this route takes: {}",
                    if known.is_empty() {
                        "none".to_string()
                    } else {
                        known.join(", ")
                    }
                )));
            }
            pairs.push((k, v));
        }
        Ok(Params(pairs))
    }

    /// The value of a parameter given once (an empty value counts as absent).
    pub(super) fn get(&self, name: &str) -> Result<Option<&str>, ApiError> {
        let mut found = self.0.iter().filter(|(k, _)| k == name);
        let first = found.next().map(|(_, v)| v.as_str());
        if found.next().is_some() {
            return Err(ApiError::bad_request(format!(
                "`{name}` is given more than once"
            )));
        }
        Ok(first.filter(|v| !v.trim().is_empty()).map(str::trim))
    }

    /// All values of a repeatable parameter, commas splitting further.
    pub(super) fn all(&self, name: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, _)| k == name)
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
            .collect()
    }

    pub(super) fn flag(&self, name: &str) -> Result<bool, ApiError> {
        match self.get(name)? {
            None => Ok(false),
            Some("true" | "1" | "yes") => Ok(true),
            Some("false" | "0" | "no") => Ok(false),
            Some(v) => Err(ApiError::bad_request(format!(
                "`{name}={v}` must be true or false"
            ))),
        }
    }

    pub(super) fn number<T: std::str::FromStr + PartialOrd + std::fmt::Display + Copy>(
        &self,
        name: &str,
        default: T,
        max: T,
    ) -> Result<T, ApiError> {
        let v = match self.get(name)? {
            None => return Ok(default),
            Some(v) => v.parse::<T>().map_err(|_| {
                ApiError::bad_request(format!("`{name}={v}` must be a whole number"))
            })?,
        };
        if v > max {
            return Err(ApiError::new(
                Code::RangeTooLarge,
                format!("`{name}` is at most {max} (got {v})"),
            ));
        }
        Ok(v)
    }

    pub(super) fn dyad(&self, default: Option<&str>) -> Result<Option<(String, String)>, ApiError> {
        match self.get("dyad")?.or(default) {
            None => Ok(None),
            Some(d) => parse_dyad(d)
                .map(Some)
                .map_err(|e| ApiError::bad_request(e.to_string().replace("--dyad", "dyad"))),
        }
    }

    pub(super) fn origins(&self) -> Result<Vec<Origin>, ApiError> {
        parse_origins(&self.all("origin"))
            .map_err(|e| ApiError::bad_request(e.to_string().replace("--origin", "origin")))
    }

    /// A date bound: YYYY, YYYY-MM or YYYY-MM-DD.
    pub(super) fn date(&self, name: &str) -> Result<Option<EventDate>, ApiError> {
        self.get(name)?
            .map(|v| {
                v.parse::<EventDate>().map_err(|e| {
                    ApiError::bad_request(format!(
                        "`{name}`: {e} (use YYYY, YYYY-MM or YYYY-MM-DD)"
                    ))
                })
            })
            .transpose()
    }
}

/// Percent-decoding of a query component (`+` is a space).
pub(super) fn decode(s: &str) -> Result<String, ApiError> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let hex = bytes
                    .get(i + 1..i + 3)
                    .and_then(|h| std::str::from_utf8(h).ok())
                    .and_then(|h| u8::from_str_radix(h, 16).ok())
                    .ok_or_else(|| {
                        ApiError::bad_request("the query string has a malformed %-escape")
                    })?;
                out.push(hex);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ApiError::bad_request("the query string is not UTF-8"))
}
