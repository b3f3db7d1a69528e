//! The cross-file consistency check (`dyad dict check`).

use super::{
    ActionEntry, ActorEntry, ActorKind, ContextEntry, ContextKind, Dictionaries, GrammarKind,
};
use std::collections::HashMap;

impl Dictionaries {
    /// Cross-file consistency problems, each naming `file:line`: unknown CAMEO codes and
    /// domains, one pattern naming two different actors, duplicate action patterns, people
    /// problems (overlapping dated roles), languages without a script.
    pub fn check(&self) -> Vec<String> {
        let mut out = self.people.check();
        // a succession names states of states.tsv on both sides
        for s in &self.successions {
            for code in [&s.code, &s.successor] {
                let known = self.actors.iter().any(|a| {
                    a.origin.starts_with("actors/states.tsv")
                        && a.kind == ActorKind::Code(code.clone())
                });
                if !known {
                    out.push(format!(
                        "{}: `{code}` is not a state of actors/states.tsv",
                        s.origin
                    ));
                }
            }
        }
        for a in &self.actions {
            if self.codes.get(&a.cameo).is_none() {
                out.push(format!("{}: unknown CAMEO code `{}`", a.origin, a.cameo));
            }
        }
        for a in &self.actions {
            if a.head.trim_end_matches('*').contains('*')
                || a.tail.as_deref().is_some_and(|t| t.contains('*'))
            {
                out.push(format!(
                    "{}: `*` is only allowed at the end of a pattern's head (use `…` for a gap)",
                    a.origin
                ));
            }
        }
        let mut seen: HashMap<(&str, &str, Option<&str>), &ActionEntry> = HashMap::new();
        for a in &self.actions {
            if let Some(prev) = seen.insert((&a.lang, &a.head, a.tail.as_deref()), a) {
                out.push(format!(
                    "{}: action pattern `{}` already defined at {}",
                    a.origin, a.pattern, prev.origin
                ));
            }
        }
        let mut names: HashMap<(String, String), &ActorEntry> = HashMap::new();
        for a in &self.actors {
            // matched after case folding: `State Department` and the role word `state department`
            // are one pattern
            let key = (a.lang.clone(), a.pattern.to_lowercase());
            if let Some(prev) = names.get(&key) {
                let same_person = matches!((&prev.kind, &a.kind), (ActorKind::Person(x), ActorKind::Person(y)) if x == y);
                if prev.kind != a.kind && !same_person {
                    out.push(format!(
                        "{}: `{}` ({}) also names {:?} at {}",
                        a.origin, a.pattern, a.lang, prev.kind, prev.origin
                    ));
                }
            } else {
                names.insert(key, a);
            }
        }
        for c in &self.context {
            if let ContextKind::Stance(code) | ContextKind::Speech(code) = &c.kind {
                if self.codes.get(code).is_none() {
                    out.push(format!("{}: unknown CAMEO code `{code}`", c.origin));
                }
            }
        }
        // one word may play two roles of different kinds (声明: a byline in a heading, a pronoun
        // in a sentence), never two of one kind
        let mut ctx_seen: HashMap<
            (&str, &str, std::mem::Discriminant<ContextKind>),
            &ContextEntry,
        > = HashMap::new();
        for c in &self.context {
            let key = (
                c.lang.as_str(),
                c.cue.as_str(),
                std::mem::discriminant(&c.kind),
            );
            if let Some(prev) = ctx_seen.insert(key, c) {
                out.push(format!(
                    "{}: context cue `{}` already defined at {}",
                    c.origin, c.cue, prev.origin
                ));
            }
        }
        for k in &self.keywords {
            let base = k.domain.split(':').next().unwrap_or("");
            if !self.domains.is_empty() && !self.domains.contains_key(base) {
                out.push(format!(
                    "{}: unknown domain `{}` (see domains.tsv)",
                    k.origin, k.domain
                ));
            }
        }
        for lang in self.languages() {
            if !self
                .grammar
                .iter()
                .any(|g| g.lang == lang && g.kind == GrammarKind::Script)
            {
                out.push(format!(
                    "grammar/{lang}.tsv: no `script` line (cjk or alphabetic)"
                ));
            }
        }
        out
    }
}
