//! Loading what the document-level context pass reads: its words (`context/<lang>.tsv`) and the
//! labelled sentences the stance model learns from (`stance/<lang>.tsv`).

use super::{rec_err, ContextEntry, ContextKind, DictError, Dictionaries, PronounKind, QuoteKind};
use crate::tsv;
use std::collections::HashMap;

impl Dictionaries {
    pub(super) fn load_stance(
        &mut self,
        file: &str,
        lang: &str,
        text: &str,
    ) -> Result<(), DictError> {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for r in tsv::records(file, text, &["label", "sentence"])? {
            let f = &r.fields;
            let stance = crate::stance::Stance::parse(f[0]).ok_or_else(|| {
                rec_err(
                    file,
                    r.line,
                    format!(
                        "unknown stance `{}` (POS, NEG, DEMAND, THREAT or NONE)",
                        f[0]
                    ),
                )
            })?;
            let text = f[1].trim();
            if text.chars().count() < 6 {
                return Err(rec_err(
                    file,
                    r.line,
                    "a sentence of fewer than 6 characters",
                ));
            }
            if let Some(first) = seen.insert(text.to_string(), r.line) {
                return Err(rec_err(
                    file,
                    r.line,
                    format!("the same sentence as line {first}"),
                ));
            }
            self.stance.push(crate::stance::StanceExample {
                lang: lang.into(),
                stance,
                text: text.to_string(),
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    pub(super) fn load_context(
        &mut self,
        file: &str,
        lang: &str,
        text: &str,
    ) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["kind", "cue", "value"])? {
            let f = &r.fields;
            let bad = |m: &str| rec_err(file, r.line, m.to_string());
            let kind = match (f[0], f[2]) {
                ("stance", code) if !code.is_empty() && code != "-" => {
                    ContextKind::Stance(code.to_string())
                }
                ("speech", code) if !code.is_empty() && code != "-" => {
                    ContextKind::Speech(code.to_string())
                }
                ("stance" | "speech", _) => {
                    return Err(bad(
                        "a stance or speech word needs its CAMEO code in `value`",
                    ))
                }
                ("pronoun", "first") => ContextKind::Pronoun(PronounKind::First),
                ("pronoun", "second") => ContextKind::Pronoun(PronounKind::Second),
                ("pronoun", "third") => ContextKind::Pronoun(PronounKind::Third),
                ("pronoun", _) => return Err(bad("a pronoun's value is first, second or third")),
                ("quote", "open") => ContextKind::Quote(QuoteKind::Open),
                ("quote", "close") => ContextKind::Quote(QuoteKind::Close),
                ("quote", "both") => ContextKind::Quote(QuoteKind::Both),
                ("quote", _) => return Err(bad("a quote's value is open, close or both")),
                ("agreement", _) => ContextKind::Agreement,
                ("commentator", _) => ContextKind::Commentator,
                ("reason", _) => ContextKind::Reason,
                ("appeal", _) => ContextKind::Appeal,
                ("cause", _) => ContextKind::Cause,
                ("standing", _) => ContextKind::Standing,
                ("byline", _) => ContextKind::Byline,
                ("unilateral", _) => ContextKind::Unilateral,
                ("condition", _) => ContextKind::Condition,
                ("generic", _) => ContextKind::Generic,
                ("jointly", _) => ContextKind::Jointly,
                (x, _) => {
                    return Err(rec_err(
                        file,
                        r.line,
                        format!(
                        "unknown context kind `{x}` (stance, speech, pronoun, quote, agreement, commentator, reason, appeal, cause, standing, byline, unilateral, condition, generic)"
                    ),
                    ))
                }
            };
            let cue = f[1].replace("\\s", " ");
            if cue.trim_end_matches('*').is_empty() {
                return Err(bad("an empty cue"));
            }
            self.context.push(ContextEntry {
                lang: lang.into(),
                kind,
                cue,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }
}
