//! Loading the action cues (`actions/<lang>.tsv`) and the negation and modality cues
//! (`modality/<lang>.tsv`).

use super::{rec_err, ActionEntry, DictError, Dictionaries, Flag, Frame, ModalityEntry, Scope};
use crate::tsv;

impl Dictionaries {
    pub(super) fn load_actions(
        &mut self,
        file: &str,
        lang: &str,
        text: &str,
    ) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["pattern", "cameo", "frame", "flags"])? {
            let f = &r.fields;
            let frame = match f[2] {
                "dir" => Frame::Dir,
                "sym" => Frame::Sym,
                "meet" => Frame::Meet,
                x => {
                    return Err(rec_err(
                        file,
                        r.line,
                        format!("frame `{x}` is not dir, sym or meet"),
                    ))
                }
            };
            let (mut negated, mut hypothetical, mut noun, mut passive, mut apart, mut future) =
                (false, false, false, false, false, false);
            for fl in f[3]
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "-")
            {
                match fl {
                    "negated" => negated = true,
                    "hypothetical" => hypothetical = true,
                    "noun" => noun = true,
                    "passive" => passive = true,
                    "apart" => apart = true,
                    "future" => future = true,
                    x => {
                        return Err(rec_err(
                            file,
                            r.line,
                            format!(
                                "flag `{x}` is not negated, hypothetical, noun, passive, apart or future"
                            ),
                        ))
                    }
                }
            }
            let wide = f[0].contains("……");
            let (head, tail) = match f[0].replacen("……", "…", 1).split_once('…') {
                Some((h, t)) if !h.is_empty() && !t.is_empty() && !t.contains('…') => {
                    (h.to_string(), Some(t.to_string()))
                }
                Some(_) => {
                    return Err(rec_err(
                        file,
                        r.line,
                        "a gapped pattern needs text on both sides of `…`",
                    ))
                }
                None => (f[0].to_string(), None),
            };
            if head.trim_end_matches('*').is_empty() {
                return Err(rec_err(file, r.line, "empty pattern"));
            }
            self.actions.push(ActionEntry {
                lang: lang.into(),
                pattern: f[0].into(),
                head,
                tail,
                wide,
                cameo: f[1].into(),
                frame,
                negated,
                hypothetical,
                noun,
                passive,
                apart,
                future,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    pub(super) fn load_modality(
        &mut self,
        file: &str,
        lang: &str,
        text: &str,
    ) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["cue", "flag", "scope", "window"])? {
            let f = &r.fields;
            let flag = match f[1] {
                "negated" => Flag::Negated,
                "hypothetical" => Flag::Hypothetical,
                "announced" => Flag::Announced,
                "intent" => Flag::Intent,
                "condition" => Flag::Condition,
                "future" => Flag::Future,
                "first-person" => Flag::FirstPerson,
                "word" => Flag::Word,
                x => {
                    return Err(rec_err(
                        file,
                        r.line,
                        format!(
                            "flag `{x}` is not negated, hypothetical, future, announced, \
                             first-person, intent, condition or word"
                        ),
                    ))
                }
            };
            let scope = match f[2] {
                "clause" => Scope::Clause,
                "sentence" => Scope::Sentence,
                "after" => Scope::After,
                x => {
                    return Err(rec_err(
                        file,
                        r.line,
                        format!("scope `{x}` is not clause, sentence or after"),
                    ))
                }
            };
            let window = f[3]
                .parse()
                .map_err(|_| rec_err(file, r.line, format!("window `{}` is not a number", f[3])))?;
            self.modality.push(ModalityEntry {
                lang: lang.into(),
                cue: f[0].into(),
                flag,
                scope,
                window,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }
}
