//! Loading the actor files (states, organisations, collective names, metonyms, the names of
//! people) and the domains with their keywords.

use super::{rec_err, split_names, ActorEntry, ActorKind, DictError, Dictionaries, KeywordEntry};
use crate::tsv;
use std::collections::BTreeSet;

impl Dictionaries {
    pub(super) fn load_people_names(&mut self) {
        let mut seen = BTreeSet::new();
        let mut add = Vec::new();
        for t in self.people.tenures() {
            for (lang, names) in [
                ("zh", &t.names_zh),
                ("en", &t.names_en),
                ("ru", &t.names_ru),
            ] {
                for n in names {
                    if seen.insert((lang, n.clone(), t.key.clone())) {
                        add.push(ActorEntry {
                            lang: lang.into(),
                            pattern: n.clone(),
                            kind: ActorKind::Person(t.key.clone()),
                            is_org: false,
                            role: None,
                            position: None,
                            origin: t.origin.clone(),
                        });
                    }
                }
            }
        }
        self.actors.extend(add);
    }

    pub(super) fn load_domains(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["domain", "qualifier", "name_en", "name_zh"])? {
            self.domains
                .insert(r.fields[0].to_string(), r.fields[1].to_string());
        }
        Ok(())
    }

    pub(super) fn push_actor(
        &mut self,
        lang: &str,
        pattern: &str,
        kind: ActorKind,
        is_org: bool,
        origin: &str,
    ) {
        self.actors.push(ActorEntry {
            lang: lang.into(),
            pattern: pattern.into(),
            kind,
            is_org,
            role: None,
            position: None,
            origin: origin.into(),
        });
    }

    pub(super) fn load_states(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let cols = [
            "code",
            "names_zh",
            "names_en",
            "names_ru",
            "adjectives_en",
            "adjectives_ru",
            "fang_zh",
        ];
        for r in tsv::records(file, text, &cols)? {
            let origin = format!("{file}:{}", r.line);
            let code = r.fields[0];
            if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
                return Err(rec_err(
                    file,
                    r.line,
                    format!("`{code}` is not an ISO 3166-1 alpha-3 code"),
                ));
            }
            for (i, lang) in [
                (1, "zh"),
                (2, "en"),
                (3, "ru"),
                (4, "en"),
                (5, "ru"),
                (6, "zh"),
            ] {
                for n in split_names(r.fields[i]) {
                    self.push_actor(lang, n, ActorKind::Code(code.into()), false, &origin);
                }
            }
        }
        Ok(())
    }

    pub(super) fn load_orgs(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(
            file,
            text,
            &["code", "cameo_code", "names_zh", "names_en", "names_ru"],
        )? {
            let origin = format!("{file}:{}", r.line);
            for (i, lang) in [(2, "zh"), (3, "en"), (4, "ru")] {
                for n in split_names(r.fields[i]) {
                    self.push_actor(lang, n, ActorKind::Code(r.fields[0].into()), true, &origin);
                }
            }
        }
        Ok(())
    }

    pub(super) fn load_collective(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["pattern", "lang", "actors"])? {
            let origin = format!("{file}:{}", r.line);
            let kind = match r.fields[2] {
                "*PAIR*" => ActorKind::Pair,
                s => {
                    let codes: Vec<String> = s
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .filter(|c| !c.is_empty())
                        .collect();
                    if codes.len() < 2 {
                        return Err(rec_err(
                            file,
                            r.line,
                            "actors must be `*PAIR*` or two or more codes separated by commas",
                        ));
                    }
                    ActorKind::Group(codes)
                }
            };
            self.push_actor(r.fields[1], r.fields[0], kind, false, &origin);
        }
        Ok(())
    }

    pub(super) fn load_successions(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        let is_code = |c: &str| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase());
        for r in tsv::records(file, text, &["code", "until", "successor"])? {
            let (code, until, successor) = (r.fields[0], r.fields[1], r.fields[2]);
            if !is_code(code) || !is_code(successor) || code == successor {
                return Err(rec_err(
                    file,
                    r.line,
                    "code and successor must be two different three-letter codes (ISO 3166-1 alpha-3)",
                ));
            }
            let until = until
                .parse::<dyad_model::EventDate>()
                .ok()
                .filter(|d| d.precision() == dyad_model::Precision::Day)
                .ok_or_else(|| {
                    rec_err(
                        file,
                        r.line,
                        format!("until `{until}` is not a day (YYYY-MM-DD)"),
                    )
                })?;
            self.successions.push(super::Succession {
                code: code.into(),
                until,
                successor: successor.into(),
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    pub(super) fn load_metonyms(
        &mut self,
        file: &str,
        lang: &str,
        text: &str,
    ) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["pattern", "code", "role"])? {
            let role = Some(r.fields[2])
                .filter(|s| !s.is_empty() && *s != "-")
                .map(str::to_string);
            // a treaty stands for its parties: `INF Treaty	USA,RUS	-` (美国退出《中导条约》 → USA→RUS);
            // `-` is a name that holds a capital but stands for no party (`Warsaw Pact	-	-`): as
            // the longer match it keeps the capital inside it from being read
            let kind = if r.fields[1] == "-" {
                ActorKind::Group(Vec::new())
            } else if r.fields[1].contains(',') {
                ActorKind::Group(
                    r.fields[1]
                        .split(',')
                        .map(|c| c.trim().to_string())
                        .collect(),
                )
            } else {
                ActorKind::Code(r.fields[1].into())
            };
            self.actors.push(ActorEntry {
                lang: lang.into(),
                pattern: r.fields[0].into(),
                kind,
                is_org: false,
                role,
                position: None,
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }

    pub(super) fn load_keywords(&mut self, file: &str, text: &str) -> Result<(), DictError> {
        for r in tsv::records(file, text, &["domain", "lang", "keyword"])? {
            self.keywords.push(KeywordEntry {
                domain: r.fields[0].into(),
                lang: r.fields[1].into(),
                keyword: r.fields[2].into(),
                origin: format!("{file}:{}", r.line),
            });
        }
        Ok(())
    }
}
