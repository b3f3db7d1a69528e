//! The dictionaries as one immutable value, loaded from `(file name, text)` pairs so that the
//! binary can embed them and tests can read them from the repository. File names are paths
//! relative to the `dictionaries/` folder (`actions/zh.tsv`); the grammar of every file is
//! documented in `dictionaries/README.md`. Every load error names `file:line`.

mod actions;
mod actors;
mod check;
mod context;
mod entries;
mod language;

pub use entries::{
    ActionEntry, ActorEntry, ActorKind, Anchor, ContextEntry, ContextKind, DateEntry, DateKind,
    Flag, Frame, GrammarEntry, GrammarKind, KeywordEntry, ModalityEntry, PronounKind, QuoteKind,
    Scope, Succession, Unit,
};

use crate::people::{People, PeopleError};
use crate::tsv::{self, TsvError};
use dyad_model::{CodeTable, CodeTableError};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Why the dictionaries could not be loaded. All of these are data errors: fix the named line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DictError {
    #[error(transparent)]
    Tsv(#[from] TsvError),
    #[error(transparent)]
    People(#[from] PeopleError),
    #[error(transparent)]
    Codes(#[from] CodeTableError),
    #[error("{origin}: {msg}")]
    Record { origin: String, msg: String },
    #[error(
        "{file}: unknown dictionary file (see dictionaries/README.md for the folders dyad reads)"
    )]
    UnknownFile { file: String },
    #[error("missing dictionary file `{0}`")]
    Missing(String),
}

/// All dictionaries, loaded and validated.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    pub codes: CodeTable,
    pub people: People,
    /// Domain names of `domains.tsv` with their qualifier (`-`, `theatre`, `actor`).
    pub domains: BTreeMap<String, String>,
    pub actors: Vec<ActorEntry>,
    /// States that ceased to exist and their continuators (`actors/successions.tsv`).
    pub successions: Vec<Succession>,
    pub actions: Vec<ActionEntry>,
    pub modality: Vec<ModalityEntry>,
    pub grammar: Vec<GrammarEntry>,
    pub dates: Vec<DateEntry>,
    pub keywords: Vec<KeywordEntry>,
    /// Words the document-level context pass reads (`context/<lang>.tsv`): stances, pronouns,
    /// quotation marks.
    pub context: Vec<ContextEntry>,
    /// Character folds per language (traditional → simplified Chinese).
    pub folds: HashMap<String, HashMap<char, char>>,
    /// Labelled sentences the stance model learns from (`stance/<lang>.tsv`).
    pub stance: Vec<crate::stance::StanceExample>,
    /// `file → version` of every file that declares one.
    pub versions: BTreeMap<String, String>,
}

fn rec_err(file: &str, line: usize, msg: impl Into<String>) -> DictError {
    DictError::Record {
        origin: format!("{file}:{line}"),
        msg: msg.into(),
    }
}

fn split_names(s: &str) -> impl Iterator<Item = &str> {
    s.split('|')
        .map(str::trim)
        .filter(|n| !n.is_empty() && *n != "-")
}

/// The language a per-language file is for: `actions/zh.tsv` → `zh`.
fn lang_of(name: &str) -> String {
    let stem = name.rsplit('/').next().unwrap_or(name);
    stem.trim_end_matches(".tsv").to_string()
}

impl Dictionaries {
    /// Loads dictionaries from `(file name, text)` pairs; names are relative to `dictionaries/`
    /// (a leading `dictionaries/` is ignored). Files other than `.tsv` are skipped.
    pub fn load(files: &[(&str, &str)]) -> Result<Dictionaries, DictError> {
        let mut d = Dictionaries::default();
        let norm = |n: &str| {
            n.trim_start_matches("./")
                .trim_start_matches("dictionaries/")
                .to_string()
        };
        let find = |want: &str| {
            files
                .iter()
                .find(|(n, _)| norm(n) == want)
                .map(|(n, t)| (*n, *t))
        };
        let (cn, ct) = find("cameo.tsv").ok_or_else(|| DictError::Missing("cameo.tsv".into()))?;
        d.codes = CodeTable::parse(cn, ct)?;
        let pos = find("actors/positions.tsv")
            .ok_or_else(|| DictError::Missing("actors/positions.tsv".into()))?;
        let ppl = find("actors/people.tsv")
            .ok_or_else(|| DictError::Missing("actors/people.tsv".into()))?;
        d.people = People::parse(pos, ppl)?;
        for (name, text) in files {
            let n = norm(name);
            if !n.ends_with(".tsv") {
                continue;
            }
            if let Some(v) = tsv::version(text) {
                d.versions.insert(n.clone(), v.to_string());
            }
            match n.as_str() {
                // kinds.tsv: the kinds of act, read by the chronology's check (dyad-model kinds)
                "cameo.tsv" | "actors/positions.tsv" | "kinds.tsv" => {}
                "actors/people.tsv" => d.load_people_names(),
                "domains.tsv" => d.load_domains(name, text)?,
                "actors/states.tsv" => d.load_states(name, text)?,
                "actors/organisations.tsv" => d.load_orgs(name, text)?,
                "actors/collective.tsv" => d.load_collective(name, text)?,
                "actors/successions.tsv" => d.load_successions(name, text)?,
                "domains/keywords.tsv" => d.load_keywords(name, text)?,
                _ if n.starts_with("metonyms/") => d.load_metonyms(name, &lang_of(&n), text)?,
                _ if n.starts_with("actions/") => d.load_actions(name, &lang_of(&n), text)?,
                _ if n.starts_with("modality/") => d.load_modality(name, &lang_of(&n), text)?,
                _ if n.starts_with("grammar/") => d.load_grammar(name, &lang_of(&n), text)?,
                _ if n.starts_with("dates/") => d.load_dates(name, &lang_of(&n), text)?,
                _ if n.starts_with("fold/") => d.load_fold(name, &lang_of(&n), text)?,
                _ if n.starts_with("context/") => d.load_context(name, &lang_of(&n), text)?,
                _ if n.starts_with("stance/") => d.load_stance(name, &lang_of(&n), text)?,
                _ => {
                    return Err(DictError::UnknownFile {
                        file: name.to_string(),
                    })
                }
            }
        }
        Ok(d)
    }

    /// The dictionaries shipped in the repository's `dictionaries/` folder, embedded at build time.
    pub fn builtin() -> Result<Dictionaries, DictError> {
        Dictionaries::load(crate::embedded::FILES)
    }

    /// The languages that have an analyzer (a `grammar/<lang>.tsv` file).
    pub fn languages(&self) -> BTreeSet<String> {
        self.grammar.iter().map(|g| g.lang.clone()).collect()
    }
}
