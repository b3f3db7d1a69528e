//! The coder: one sentence (with its document's running [`DateContext`]) → dated, dyadic events.
//!
//! How it works, in order:
//! 1. The language's analyzer folds the sentence (case, traditional → simplified, digits) without
//!    changing its length in characters.
//! 2. One trie of literals per language (`trie.rs`) finds every dictionary literal (actor names,
//!    verb cues, negation and modality cues, function words, date words); the analyzer accepts or
//!    rejects each hit (word boundaries, endings), and the longest non-overlapping hits win.
//! 3. Adjacent actor hits merge into one actor phrase (美国总统特朗普, Russian Foreign Minister
//!    Sergei Lavrov); numbers and date words form date expressions.
//! 4. For every verb cue, the actors are read by position and function words: `S V O`,
//!    `S 对/向 T V` (to), `S 与/同 P V` and `S V with P` (with), `T 被 S V` / `T was V-ed by S`
//!    (passive), `S1 和 S2 V` (and), 美俄 / both sides (groups). Symmetric cues (talks, calls,
//!    agreements) give both directions. A cue without its own subject shares the previous cue's.
//! 5. Each event takes the nearest date before its cue (then after it in the clause), else the
//!    document's running date, else the document date; people get their role at that date.
//! 6. Negation and modality cues before the verb (same clause, within a window) set the flags;
//!    domains come from keywords, CAMEO prefixes, third parties and leaders.

use crate::analyzer::{AlphabeticAnalyzer, Analyzer, CjkAnalyzer};
use crate::dates::{self, Atom, DateContext, RawDate};
use crate::dict::{
    ActorKind, Anchor, DateKind, Dictionaries, Flag, Frame, GrammarKind, Scope, Unit,
};
use crate::trie::CharTrie;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dyad_model::{ActorRef, EventDate, Lang, Origin, Precision};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};

/// One sentence to code.
#[derive(Debug, Clone, Copy)]
pub struct SentenceInput<'a> {
    pub lang: Lang,
    /// The normalised sentence text (traditional Chinese is folded again by the analyzer).
    pub text: &'a str,
}

/// One coded event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodedEvent {
    /// When it happened, with its precision (`date.precision()`).
    pub date: EventDate,
    pub source: ActorRef,
    pub target: ActorRef,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub plover: String,
    pub plover_mode: String,
    pub negated: bool,
    pub hypothetical: bool,
    pub domains: Vec<String>,
    /// Character span (Unicode scalar values, end exclusive) of the verb cue in the sentence.
    pub span: (usize, usize),
    /// Which patterns and dictionary entries (`file:line`) produced the event.
    pub explain: String,
}

/// What one sentence names, beside the events coded from it: the raw material of the
/// document-level context pass ([`crate::context`]), which reads speakers, pronouns and the
/// document's parties across sentences.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SentenceFacts<'c> {
    /// Actor phrases in order, resolved at the sentence's date.
    pub actors: Vec<Mention<'c>>,
    /// Reporting and speech verbs (grammar kind `report`): character spans.
    pub reports: Vec<(usize, usize)>,
    /// Verb cues read as acts (not topics), in order.
    pub cues: Vec<CueFact<'c>>,
    /// The sentence's own event date (not a report's, not a `since` date), if it names one.
    pub date: Option<EventDate>,
    /// Where that date starts (character index).
    pub date_at: Option<usize>,
    /// A date of the sentence that dates a report (普京8月16日表示).
    pub report_date: Option<EventDate>,
    /// The running date the coder would give an undated act of this sentence, if any.
    pub running: Option<EventDate>,
    /// Words of `context/<lang>.tsv` found: (index into [`Dictionaries::context`], span).
    pub words: Vec<(usize, (usize, usize))>,
    /// Read as a heading or a table line (no clause punctuation in Chinese, 表1…, Table 2…),
    /// which names no events.
    pub heading: bool,
    /// Negation words of `modality/<lang>.tsv` (not, 不, не): character spans.
    pub negations: Vec<(usize, usize)>,
    /// Offices named without their state (Congress, МИД, 外交部, the Foreign Ministry: actor
    /// phrases of role words only).
    pub offices: Vec<Office<'c>>,
}

/// An actor phrase of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention<'c> {
    pub code: &'c str,
    /// Character span in the sentence.
    pub span: (usize, usize),
    /// A person (with a dated role), not a state, office or organisation name.
    pub person: bool,
    /// A person's position at the sentence's date (else the nearest one they held).
    pub position: Option<&'c str>,
    /// The phrase's connector (with, to, passive, and), as the coder read it.
    pub connector: Option<GrammarKind>,
}

/// An office named without its state: an actor phrase of role words only (总统, the Foreign
/// Ministry, президент).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Office<'c> {
    /// Character span in the sentence.
    pub span: (usize, usize),
    /// The position its role word names (`president`), if it names one.
    pub position: Option<&'c str>,
    /// The phrase's connector (with, to, passive, and), as the coder read it.
    pub connector: Option<GrammarKind>,
}

/// A verb cue of a sentence read as an act.
#[derive(Debug, Clone, PartialEq)]
pub struct CueFact<'c> {
    /// Index into [`Dictionaries::actions`].
    pub action: usize,
    pub cameo: &'c str,
    /// Character span of the cue (with its tail).
    pub span: (usize, usize),
    /// Negation and modality of an uncoded cue (see `modality`); a coded cue's come with its
    /// events.
    pub negated: bool,
    pub hypothetical: bool,
    /// The modality cues that set the flags (explain entries); for an uncoded cue only (a coded
    /// cue's flags and modality are those of its events).
    pub modality: Vec<String>,
    /// For an uncoded cue stated as intended (ready to, 愿意): the factual 03x that saying so
    /// is.
    pub stated: Option<Stated>,
    /// Whether the coder made at least one event of it.
    pub coded: bool,
    /// Whether its subject undergoes it (an agentless passive: were detained, 获释): the
    /// context pass gives it no subject as its source.
    pub passive: bool,
}

impl SentenceFacts<'_> {
    /// What the sentence coder found in a sentence that gave no event, and why nothing came of
    /// it: the actors (with their codes), the act cues (with their dictionary entries) and the
    /// reporting verbs, so that a user can see what to add (`dyad code --explain`).
    pub fn explain_nothing(&self, dict: &Dictionaries, text: &str) -> String {
        let slice =
            |(a, b): (usize, usize)| -> String { text.chars().skip(a).take(b - a).collect() };
        let mut parts = Vec::new();
        if self.heading {
            return "read as a heading or table line (Chinese without clause punctuation, or \
                    表1/Table 1…): headings name no events; end the sentence with 。 to code it"
                .to_string();
        }
        if self.actors.is_empty() {
            parts.push(
                "no actor found (add the name to dictionaries/actors/ or metonyms/)".to_string(),
            );
        } else {
            let names: Vec<String> = self
                .actors
                .iter()
                .map(|m| format!("`{}` {}", slice(m.span), m.code))
                .collect();
            parts.push(format!("actors: {}", names.join(", ")));
        }
        if !self.offices.is_empty() {
            let names: Vec<String> = self
                .offices
                .iter()
                .map(|o| format!("`{}`", slice(o.span)))
                .collect();
            parts.push(format!(
                "offices without their state: {} (read only between the document's two main parties; \
                 name the state: Russian Foreign Ministry)",
                names.join(", ")
            ));
        }
        if self.cues.is_empty() {
            parts.push(
                "no act cue found (add the verb to dictionaries/actions/<lang>.tsv)".to_string(),
            );
        }
        for c in &self.cues {
            let a = &dict.actions[c.action];
            let why = if self.actors.len() < 2 && !matches!(a.frame, Frame::Sym | Frame::Meet) {
                "fewer than two parties around it"
            } else {
                "its parties could not be read around it (another clause, a topic, no date)"
            };
            parts.push(format!(
                "cue `{}` → {} {}: no event, {why}",
                slice(c.span),
                c.cameo,
                a.origin
            ));
        }
        if !self.reports.is_empty() {
            parts.push(format!(
                "reporting verb `{}`: a statement needs a stance word (dictionaries/context/)",
                slice(self.reports[0])
            ));
        }
        if self.date.is_none() && self.running.is_none() {
            parts.push("no date of its own".to_string());
        }
        parts.join("; ")
    }
}

impl CodedEvent {
    /// The event as dyad's model type, with origin `coded`.
    pub fn to_event(&self) -> dyad_model::Event {
        dyad_model::Event {
            date: self.date,
            source: self.source.clone(),
            target: self.target.clone(),
            cameo: self.cameo.clone(),
            negated: self.negated,
            hypothetical: self.hypothetical,
            domains: self.domains.clone(),
            origin: Origin::Coded,
        }
    }
}

/// Why a coder could not be built.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoderError {
    #[error("language `{lang}`: cannot build the matcher: {msg}")]
    Build { lang: String, msg: String },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Entry {
    Actor(usize),
    Action(usize),
    Date(usize),
    Modal(usize),
    Gram(usize),
    /// A word of `context/<lang>.tsv`: found in the same scan, set aside for the context pass.
    Context(usize),
}

impl Entry {
    fn priority(self) -> u8 {
        match self {
            Entry::Actor(_) => 0,
            Entry::Action(_) => 1,
            Entry::Date(_) => 2,
            Entry::Modal(_) => 3,
            Entry::Gram(_) => 4,
            Entry::Context(_) => 5,
        }
    }
}

/// At most this many characters between a verb of talks and an act it talks about (discussed
/// new sanctions, 讨论对俄制裁).
const TOPIC_GAP: usize = 6;

#[derive(Debug, Clone, Copy)]
struct LitEntry {
    entry: Entry,
    prefix: bool,
    inflect: bool,
    case_sensitive: bool,
    /// A one-character abbreviation of a script without spaces (美, 俄): it stands for its state
    /// only where `Coder::bound_ok` allows (known when compiling, not looked up per hit).
    bound: bool,
}

#[derive(Debug)]
struct LangMatcher {
    analyzer: Box<dyn Analyzer>,
    /// Every literal of the language (folded), found by [`CharTrie`].
    literals: CharTrie,
    /// The readings of literal `i`: `lits[lit_at[i]..lit_at[i + 1]]` (one flat list, for locality).
    lits: Vec<LitEntry>,
    lit_at: Vec<u32>,
    /// The folded tail of every gapped action cue, by action index.
    tails: Vec<Option<String>>,
    kw_ac: Option<AhoCorasick>,
    kw: Vec<Vec<usize>>,
    /// Listed compounds of two one-character abbreviations (美俄, 日美).
    compounds: CharPairs,
    /// The first two characters of every full name of a state or organisation (美国, 俄罗): the
    /// second abbreviation of a compound that opens such a name is that name (其中美国 is 其中 +
    /// 美国, not 中美 + 国).
    name_starts: CharPairs,
    /// Suffixes and prefixes that let a one-character abbreviation stand, with the characters
    /// they license (`-`: all).
    bound: Vec<(String, String)>,
    bound_before: Vec<(String, String)>,
    /// Nouns after which an actor phrase is a modifier (乌克兰危机).
    modifiers: PrefixList,
    datelines: PrefixList,
    /// Nouns of territory after which an actor phrase is a place (格鲁吉亚境内).
    territories: PrefixList,
    /// Light verbs before a nominal cue (进行谈判).
    light: PrefixList,
    /// Nouns after which a verb cue names a topic (会晤情况).
    topics: PrefixList,
    glue: Vec<String>,
    /// Numerals and measure words of a count (grammar kind `count`), longest first.
    counts: Vec<String>,
    /// Relative connectives that carry the running date across a paragraph (随后, then).
    continues: PrefixList,
    /// Words that lead a date (in, since, mid): after one a month name that is also a modal
    /// (May) is the month.
    date_lead: Vec<String>,
    /// CAMEO roots of acts made by saying them (dated by their report).
    speech_roots: Vec<String>,
    /// Title brackets (open, close): cues inside a title name no act.
    titles: Vec<(String, String)>,
    /// Particles after which a verb cue modifies the next noun (签署的条约).
    attributives: Vec<String>,
    /// Words that close a subordinate clause of time (后, 之后): its subjectless verbs have the
    /// next clause's subject.
    subordinates: Vec<String>,
    /// Possessives before an act noun (for its invasion): the act is the previous verb's
    /// object's.
    possessives: Vec<String>,
    /// Future markers that are disposal markers right before an actor (将).
    disposals: Vec<String>,
    /// One-character "and" words (、): a listed compound split by one (美、俄外长) still licenses
    /// both of its abbreviations.
    list_marks: Vec<char>,
}

/// Compiled matchers over one [`Dictionaries`] value. Cheap to share across threads.
#[derive(Debug)]
pub struct Coder {
    dict: Dictionaries,
    langs: HashMap<String, LangMatcher>,
    /// The stance model, trained from `dict.stance` when first asked.
    stance: std::sync::OnceLock<crate::stance::StanceModel>,
}

/// The most participants of one symmetric act read from a list.
const MAX_PARTICIPANTS: usize = 8;

#[derive(Debug, Clone)]
struct Item {
    start: usize,
    end: usize,
    span_end: usize,
    entry: Entry,
}

/// A merged actor phrase.
#[derive(Debug, Clone)]
struct Phrase {
    start: usize,
    end: usize,
    members: Vec<usize>,
    connector: Option<GrammarKind>,
    /// The grammar entry of the connector word, when one was read.
    connector_word: Option<usize>,
}

#[derive(Debug, Clone)]
struct DateTok {
    start: usize,
    end: usize,
    date: Option<EventDate>,
    since: bool,
    /// On a verb that modifies a noun (1972年签署的条约): it describes that noun only.
    attributive: bool,
    raw: RawDate,
}

#[derive(Debug, Clone)]
enum Tok {
    Actor(Phrase),
    Action(Item),
    Gram(GrammarKind, Item),
    Modal(Item),
    Date(DateTok),
}

impl Tok {
    fn start(&self) -> usize {
        match self {
            Tok::Actor(p) => p.start,
            Tok::Action(i) | Tok::Gram(_, i) | Tok::Modal(i) => i.start,
            Tok::Date(d) => d.start,
        }
    }
}

/// A resolved participant: code plus the reference given to the event.
#[derive(Debug, Clone)]
struct Party {
    actor: ActorRef,
    why: String,
    rank: u8,
}

fn build_ac(pats: &[String], kind: MatchKind) -> Result<Option<AhoCorasick>, String> {
    if pats.is_empty() {
        return Ok(None);
    }
    AhoCorasickBuilder::new()
        .match_kind(kind)
        .kind(Some(AhoCorasickKind::DFA))
        .build(pats)
        .map(Some)
        .map_err(|e| e.to_string())
}

impl Coder {
    /// Compiles one matcher per language that has a `grammar/<lang>.tsv`.
    pub fn new(dict: &Dictionaries) -> Result<Coder, CoderError> {
        let dict = dict.clone();
        let mut langs = HashMap::new();
        for lang in dict.languages() {
            let m = Self::build_lang(&dict, &lang).map_err(|msg| CoderError::Build {
                lang: lang.clone(),
                msg,
            })?;
            langs.insert(lang, m);
        }
        Ok(Coder {
            dict,
            langs,
            stance: std::sync::OnceLock::new(),
        })
    }

    /// Folds `text` as the coder of `lang` reads it (case, traditional → simplified characters);
    /// unchanged for a language without an analyzer.
    pub fn fold(&self, lang: &str, text: &str) -> String {
        match self.langs.get(lang) {
            Some(m) => m.analyzer.fold(text),
            None => text.to_string(),
        }
    }

    /// The stance model's probabilities for a sentence of `lang` (see [`crate::stance`]), or
    /// `None` when the dictionaries hold no labelled sentence of that language. The model is
    /// trained on first use, once per coder.
    pub fn stance(&self, lang: Lang, text: &str) -> Option<crate::stance::StanceScores> {
        let key = lang.as_str();
        if !self.dict.stance.iter().any(|e| e.lang == key) {
            return None;
        }
        let model = self.stance.get_or_init(|| {
            crate::stance::StanceModel::train(&self.dict.stance, &|l, t| self.fold(l, t))
        });
        Some(model.score(key, &self.fold(key, text)))
    }

    pub fn dictionaries(&self) -> &Dictionaries {
        &self.dict
    }

    /// The CAMEO roots of acts made by saying them in `lang` (grammar kind `speech-root`).
    pub fn speech_roots_of(&self, lang: Lang) -> &[String] {
        self.langs
            .get(lang.as_str())
            .map(|m| m.speech_roots.as_slice())
            .unwrap_or(&[])
    }

    fn build_lang(d: &Dictionaries, lang: &str) -> Result<LangMatcher, String> {
        let gram = |k: GrammarKind| {
            d.grammar
                .iter()
                .filter(move |g| g.lang == lang && g.kind == k)
                .map(|g| g.cue.clone())
        };
        let gram_v = |k: GrammarKind| -> Vec<(String, String)> {
            d.grammar
                .iter()
                .filter(|g| g.lang == lang && g.kind == k)
                .map(|g| (g.cue.clone(), g.value.clone()))
                .collect()
        };
        let folds: crate::analyzer::FoldMap = d.folds.get(lang).map(Into::into).unwrap_or_default();
        let cjk = gram(GrammarKind::Script).any(|s| s == "cjk");
        let mut endings: Vec<String> = gram(GrammarKind::Ending).collect();
        endings.sort_by_key(|e| std::cmp::Reverse(e.len()));
        let analyzer: Box<dyn Analyzer> = if cjk {
            Box::new(CjkAnalyzer { folds })
        } else {
            Box::new(AlphabeticAnalyzer { folds, endings })
        };
        let mut ids: HashMap<String, usize> = HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let mut lits: Vec<Vec<LitEntry>> = Vec::new();
        let mut add = |pattern: &str, entry: Entry, inflect: bool| {
            let prefix = pattern.ends_with('*');
            let raw = pattern.trim_end_matches('*');
            let lit = analyzer.fold(raw);
            if lit.trim().is_empty() {
                return;
            }
            let case_sensitive =
                !cjk && raw.chars().any(char::is_uppercase) && !raw.chars().any(char::is_lowercase);
            let id = *ids.entry(lit.clone()).or_insert_with(|| {
                pats.push(lit.clone());
                lits.push(Vec::new());
                pats.len() - 1
            });
            let bound = cjk && matches!(entry, Entry::Actor(_)) && is_one_char(pattern);
            lits[id].push(LitEntry {
                entry,
                prefix,
                inflect,
                case_sensitive,
                bound,
            });
        };
        let declensions = gram_v(GrammarKind::Declension);
        for (i, a) in d.actors.iter().enumerate().filter(|(_, a)| a.lang == lang) {
            let inflect = !matches!(
                a.kind,
                ActorKind::Agent(_) | ActorKind::Pair | ActorKind::Group(_)
            );
            add(&a.pattern, Entry::Actor(i), inflect);
            // a person's name in its other cases (Зеленский: Зеленского, Зеленским)
            if matches!(a.kind, ActorKind::Person(_)) {
                for (ending, others) in &declensions {
                    if let Some(stem) = a.pattern.strip_suffix(ending.as_str()) {
                        for other in others.split('|') {
                            add(&format!("{stem}{other}"), Entry::Actor(i), false);
                        }
                    }
                }
            }
        }
        let mut tails: Vec<Option<String>> = vec![None; d.actions.len()];
        for (i, a) in d.actions.iter().enumerate().filter(|(_, a)| a.lang == lang) {
            // a gapped head is a stem: телефонн…разговор matches телефонный разговор
            let head = if a.tail.is_some() && !a.head.ends_with('*') {
                format!("{}*", a.head)
            } else {
                a.head.clone()
            };
            add(&head, Entry::Action(i), false);
            if let Some(t) = &a.tail {
                tails[i] = Some(analyzer.fold(t.trim_end_matches('*')));
            }
        }
        for (i, e) in d.dates.iter().enumerate().filter(|(_, e)| e.lang == lang) {
            add(&e.expr, Entry::Date(i), false);
        }
        for (i, m) in d
            .modality
            .iter()
            .enumerate()
            .filter(|(_, m)| m.lang == lang)
        {
            add(&m.cue, Entry::Modal(i), false);
        }
        for (i, g) in d.grammar.iter().enumerate().filter(|(_, g)| g.lang == lang) {
            use GrammarKind::*;
            if matches!(
                g.kind,
                With | To | And | PassiveBefore | PassiveAfter | PassiveAux | At | Break | Report
            ) {
                add(&g.cue, Entry::Gram(i), false);
            }
        }
        for (i, c) in d.context.iter().enumerate().filter(|(_, c)| c.lang == lang) {
            add(&c.cue, Entry::Context(i), false);
        }
        let literals = CharTrie::new(&pats);
        let mut kw_ids: HashMap<String, usize> = HashMap::new();
        let mut kw_pats = Vec::new();
        let mut kw: Vec<Vec<usize>> = Vec::new();
        for (i, k) in d
            .keywords
            .iter()
            .enumerate()
            .filter(|(_, k)| k.lang == lang)
        {
            let lit = analyzer.fold(&k.keyword);
            let id = *kw_ids.entry(lit.clone()).or_insert_with(|| {
                kw_pats.push(lit);
                kw.push(Vec::new());
                kw_pats.len() - 1
            });
            kw[id].push(i);
        }
        let kw_ac = build_ac(&kw_pats, MatchKind::Standard)?;

        let modifiers = PrefixList::new(gram(GrammarKind::Modifier).map(|c| analyzer.fold(&c)));
        let datelines = PrefixList::new(gram(GrammarKind::Dateline).map(|c| analyzer.fold(&c)));
        let territories = PrefixList::new(gram(GrammarKind::Territory).map(|c| analyzer.fold(&c)));
        let light = PrefixList::new(gram(GrammarKind::Light).map(|c| analyzer.fold(&c)));
        let topics = PrefixList::new(gram(GrammarKind::Topic).map(|c| analyzer.fold(&c)));
        let continues = PrefixList::new(gram(GrammarKind::Continue).map(|c| analyzer.fold(&c)));
        let attributives: Vec<String> = gram(GrammarKind::Attributive)
            .map(|c| analyzer.fold(&c))
            .collect();
        let subordinates: Vec<String> = gram(GrammarKind::Subordinate)
            .map(|c| analyzer.fold(&c))
            .collect();
        let disposals: Vec<String> = gram(GrammarKind::Disposal)
            .map(|c| analyzer.fold(&c))
            .collect();
        let possessives: Vec<String> = gram(GrammarKind::Possessive)
            .map(|c| analyzer.fold(&c))
            .collect();
        let date_lead = d
            .dates
            .iter()
            .filter(|e| {
                e.lang == lang && matches!(e.kind, DateKind::YearBefore | DateKind::SinceBefore)
            })
            .map(|e| analyzer.fold(&e.expr))
            .collect();
        let name_starts: CharPairs = d
            .actors
            .iter()
            .filter(|a| a.lang == lang && matches!(a.kind, ActorKind::Code(_)))
            .filter_map(|a| {
                let f = analyzer.fold(&a.pattern);
                let mut it = f.chars();
                Some((it.next()?, it.next()?))
            })
            .collect();
        Ok(LangMatcher {
            analyzer,
            literals,
            lit_at: std::iter::once(0)
                .chain(lits.iter().scan(0u32, |n, l| {
                    *n += l.len() as u32;
                    Some(*n)
                }))
                .collect(),
            lits: lits.into_iter().flatten().collect(),
            tails,
            kw_ac,
            kw,
            name_starts,
            compounds: gram(GrammarKind::Compound)
                .filter_map(|c| {
                    let mut it = c.chars();
                    Some((it.next()?, it.next()?))
                })
                .collect(),
            bound: gram_v(GrammarKind::Bound),
            bound_before: gram_v(GrammarKind::BoundBefore),
            modifiers,
            datelines,
            territories,
            light,
            topics,
            glue: gram(GrammarKind::Glue).map(|g| g.to_lowercase()).collect(),
            counts: {
                let mut c: Vec<String> =
                    gram(GrammarKind::Count).map(|g| g.to_lowercase()).collect();
                c.sort_by_key(|w| std::cmp::Reverse(w.len()));
                c
            },
            continues,
            speech_roots: gram(GrammarKind::SpeechRoot).collect(),
            date_lead,
            titles: gram_v(GrammarKind::Title),
            attributives,
            subordinates,
            possessives,
            disposals,
            list_marks: gram(GrammarKind::And)
                .filter_map(|w| {
                    let mut it = w.chars();
                    match (it.next(), it.next()) {
                        (Some(c), None) => Some(c),
                        _ => None,
                    }
                })
                .collect(),
        })
    }

    /// Codes one sentence; updates `ctx` (the running date and the last pair of parties).
    /// Events that cannot be dated at all (no date in text, context or document) are dropped.
    pub fn code(&self, sentence: &SentenceInput, ctx: &mut DateContext) -> Vec<CodedEvent> {
        let Some(m) = self.langs.get(sentence.lang.as_str()) else {
            return Vec::new();
        };
        let text = sentence.text;
        let folded = m.analyzer.fold_cow(text);
        if matches!(folded, std::borrow::Cow::Owned(_))
            && text.chars().count() != folded.chars().count()
        {
            return Vec::new(); // an analyzer must keep the length; refuse rather than mis-span
        }
        let folded: &str = &folded;
        if Self::is_heading(m, folded) {
            return Vec::new();
        }
        let chars = CharIdx::new(folded, text);
        let items = self.matches(m, folded, &chars, None);
        let toks = self.tokens(m, folded, &chars, items, None);
        self.assemble(m, folded, &chars, &toks, ctx, None)
    }

    /// Codes one sentence like [`Coder::code`] and also says what it names (actors, reporting
    /// verbs, act cues with their modality, dates), for the document-level context pass.
    pub fn analyze(
        &self,
        sentence: &SentenceInput,
        ctx: &mut DateContext,
    ) -> (Vec<CodedEvent>, SentenceFacts<'_>) {
        let mut facts = SentenceFacts::default();
        let Some(m) = self.langs.get(sentence.lang.as_str()) else {
            return (Vec::new(), facts);
        };
        let text = sentence.text;
        let folded = m.analyzer.fold_cow(text);
        if matches!(folded, std::borrow::Cow::Owned(_))
            && text.chars().count() != folded.chars().count()
        {
            return (Vec::new(), facts);
        }
        let folded: &str = &folded;
        if Self::is_heading(m, folded) {
            facts.heading = true;
            return (Vec::new(), facts);
        }
        let chars = CharIdx::new(folded, text);
        let items = self.matches(m, folded, &chars, Some(&mut facts.words));
        let toks = self.tokens(m, folded, &chars, items, Some(&mut facts.offices));
        let events = self.assemble(m, folded, &chars, &toks, ctx, Some(&mut facts));
        (events, facts)
    }

    /// Every dictionary literal in the sentence, the longest non-overlapping hits winning;
    /// context words (`context/<lang>.tsv`) go to `words` (character spans) when asked for, and
    /// take part in nothing else.
    fn matches(
        &self,
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        words: Option<&mut Vec<(usize, (usize, usize))>>,
    ) -> Vec<Item> {
        // 24 items stay within the allocator's per-thread cache of small blocks
        let mut cands: Vec<Item> = Vec::with_capacity(24);
        // context words in the order an overlapping search reports them (by end, then by start),
        // with the raw end and start of their literal
        let mut found_words: Vec<(usize, usize, usize, (usize, usize))> = Vec::new();
        let want_words = words.is_some();
        m.literals.for_each_match(folded, |s, e, lit| {
            for le in &m.lits[m.lit_at[lit] as usize..m.lit_at[lit + 1] as usize] {
                if let Entry::Context(i) = le.entry {
                    if want_words {
                        if let Some(end) = m.analyzer.accept(folded, s, e, le.prefix, false) {
                            found_words.push((e, s, i, (chars.at(s), chars.at(end))));
                        }
                    }
                    continue;
                }
                let Some(end) = m.analyzer.accept(folded, s, e, le.prefix, le.inflect) else {
                    continue;
                };
                // a pattern written in capitals (US, SWIFT, МИД) is an acronym: the text must be
                // in capitals too (us, мид are other words)
                if le.case_sensitive && chars.text(s, e).chars().any(char::is_lowercase) {
                    continue;
                }
                let mut span_end = end;
                match le.entry {
                    Entry::Actor(_) if le.bound && !self.bound_ok(m, folded, s, e) => {
                        continue;
                    }
                    Entry::Action(i) => {
                        if let Some(tail) = m.tails.get(i).and_then(Option::as_ref) {
                            let wide = self.dict.actions[i].wide;
                            let window = match (m.analyzer.is_cjk(), wide) {
                                (true, false) => 12,
                                (true, true) => 30,
                                (false, false) => 40,
                                (false, true) => 100,
                            };
                            match find_tail(folded, end, tail, window) {
                                Some(te) => span_end = te,
                                None => continue,
                            }
                        }
                    }
                    _ => {}
                }
                cands.push(Item {
                    start: s,
                    end,
                    span_end,
                    entry: le.entry,
                });
            }
        });
        if let Some(w) = words {
            found_words.sort_by_key(|&(e, s, _, _)| (e, s));
            w.extend(found_words.into_iter().map(|(_, _, i, span)| (i, span)));
        }
        // Longest first at each start; gapped cues (longer span) before plain ones; then priority.
        cands.sort_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then((b.end - b.start).cmp(&(a.end - a.start)))
                .then(b.span_end.cmp(&a.span_end))
                .then(a.entry.priority().cmp(&b.entry.priority()))
        });
        // kept in place: the first `kept` candidates are the output so far
        let mut kept = 0usize;
        let mut last_end = 0;
        for r in 0..cands.len() {
            let c = &cands[r];
            let out = &cands[..kept];
            let keep = match out.last() {
                // co-located hits of one literal keep all their readings (May: month and modal)
                Some(prev)
                    if c.start == prev.start
                        && c.end == prev.end
                        && std::mem::discriminant(&c.entry)
                            != std::mem::discriminant(&prev.entry) =>
                {
                    !out.iter().any(|o| {
                        o.start == c.start
                            && std::mem::discriminant(&o.entry) == std::mem::discriminant(&c.entry)
                    })
                }
                _ if c.start >= last_end => {
                    last_end = c.end;
                    true
                }
                _ => false,
            };
            if keep {
                cands.swap(kept, r);
                kept += 1;
            }
        }
        cands.truncate(kept);
        cands
    }

    /// Whether the month name at `run[j]`, which is also a modality cue (May / may), is a date:
    /// written with a capital and next to a day or year (May 15, 9 May 2025) or right after a word
    /// that leads a date (in May, since May, mid-May). Else it is the modal (Washington may
    /// impose…, May we…).
    fn month_reads_as_date(
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        run: &[(usize, usize, Atom)],
        j: usize,
    ) -> bool {
        let s = run[j].0;
        if !chars.orig_char(s).is_some_and(char::is_uppercase) {
            return false;
        }
        let number = |k: Option<usize>| {
            k.and_then(|k| run.get(k))
                .is_some_and(|a| matches!(a.2, Atom::Num { .. } | Atom::Full(_)))
        };
        if number(j.checked_sub(1)) || number(Some(j + 1)) {
            return true;
        }
        let before = folded[..s].trim_end_matches(|c: char| c.is_whitespace() || c == '-');
        let word_start = before
            .char_indices()
            .rev()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let word = &before[word_start..];
        !word.is_empty() && m.date_lead.iter().any(|w| w == word)
    }

    /// Whether a one-character abbreviation at `[s, e)` stands for its state: inside a listed
    /// compound (美俄, a chain such as 日美韩), before a licensing suffix (俄方, 美军) or after a
    /// licensing prefix (对俄); never inside an ordinary word (加强, 法治, 以…为).
    fn bound_ok(&self, m: &LangMatcher, folded: &str, s: usize, e: usize) -> bool {
        let before = &folded[..s];
        let after = &folded[e..];
        let Some(c) = folded[s..e].chars().next() else {
            return false;
        };
        let prev = before.chars().next_back();
        if prev.is_some_and(|c| c.is_ascii_digit()) {
            return false; // 15日 is a day, not Japan
        }
        let next = after.chars().next();
        let pair = |a: Option<char>, b: Option<char>| match (a, b) {
            (Some(a), Some(b)) => m.compounds.contains(&(a, b)),
            _ => false,
        };
        let licenses = |v: &str| v == "-" || v.contains(c);
        let opens_name = || {
            let mut it = after.chars();
            match (it.next(), it.next()) {
                (Some(a), Some(b)) => m.name_starts.contains(&(a, b)),
                _ => false,
            }
        };
        // 美、俄外长: a compound split by a list mark
        let listed = |x: Option<char>| x.is_some_and(|x| m.list_marks.contains(&x));
        let prev2 = before.chars().rev().nth(1);
        let next2 = after.chars().nth(1);
        // 中欧时间: a compound before a modifier noun names no party (its second character may
        // not be an actor of its own to be dropped with it)
        let modified = || {
            next.is_some_and(|n| {
                m.modifiers
                    .any_prefix_of(after.get(n.len_utf8()..).unwrap_or(""))
            })
        };
        (pair(prev, Some(c)) && !modified())
            || (pair(Some(c), next) && !opens_name() && !modified())
            || (listed(prev) && pair(prev2, Some(c)))
            || (listed(next) && pair(Some(c), next2))
            || m.bound
                .iter()
                .any(|(b, v)| starts_with_fast(after, b) && licenses(v))
            || m.bound_before
                .iter()
                .any(|(b, v)| before.ends_with(b.as_str()) && licenses(v))
    }

    /// A month and day with no year anywhere (not in the sentence, the running context or the
    /// document date): the first such day in the latest term shared by the people the sentence
    /// names together with an office word (美国总统特朗普和俄罗斯总统普京…8月15日 → 2025-08-15).
    /// A bare name, or no shared term, gives nothing.
    fn year_from_offices(&self, toks: &[Tok], raw: &dates::RawDate) -> Option<EventDate> {
        let (month, day) = (raw.month?, raw.day?);
        if raw.year.is_some() || raw.relative.is_some() || raw.full.is_some() {
            return None;
        }
        let mut start: Option<EventDate> = None;
        let mut end: Option<EventDate> = None;
        let mut any = false;
        for t in toks {
            let Tok::Actor(p) = t else { continue };
            let has_office = p
                .members
                .iter()
                .any(|&i| matches!(self.dict.actors[i].kind, ActorKind::Agent(_)));
            for &i in &p.members {
                let ActorKind::Person(k) = &self.dict.actors[i].kind else {
                    continue;
                };
                if !has_office {
                    continue;
                }
                let latest = self.dict.people.of(k).max_by_key(|t| t.start.ordinal())?;
                any = true;
                if start.is_none_or(|s| latest.start.ordinal() > s.ordinal()) {
                    start = Some(latest.start);
                }
                if let Some(e) = latest.end {
                    if end.is_none_or(|x| e.ordinal() < x.ordinal()) {
                        end = Some(e);
                    }
                }
            }
        }
        let start = start.filter(|_| any)?;
        for y in start.y()..start.y() + 2 {
            let Ok(d) = EventDate::day(y, month, day) else {
                continue;
            };
            if d.ordinal() >= start.ordinal() && end.is_none_or(|e| d.ordinal() < e.ordinal()) {
                return Some(d);
            }
        }
        None
    }

    /// Whether a nominal cue at token `k` names an act: after a light verb (进行谈判, 开展…合作),
    /// next to a with-, to- or passive phrase (与俄合作, 对俄罗斯制裁, 遭美国制裁), right after its
    /// subject (美俄谈判) or right before its object (制裁俄罗斯).
    fn noun_is_act(
        &self,
        m: &LangMatcher,
        folded: &str,
        toks: &[Tok],
        k: usize,
        cue: &Item,
    ) -> bool {
        let stop = |c: char| "，。；：！？,;:!?“”\"《》（）()".contains(c);
        // up to 12 characters before the cue, back to the nearest stop
        let window: &str = {
            let before = &folded[..cue.start];
            let from = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| !stop(c))
                .take(12)
                .last()
                .map_or(before.len(), |(i, _)| i);
            &before[from..]
        };
        if m.light.occurs_in(window) {
            return true;
        }
        if let Some(Tok::Actor(p)) = toks.get(k + 1) {
            let gap = folded.get(cue.span_end..p.start).unwrap_or("x");
            if gap.is_empty() || gap == "了" {
                return true;
            }
        }
        // 普京和布什的谈话: the talk of two parties joined by `and`/`with`
        if let (
            Some(Tok::Actor(a)),
            Some(Tok::Gram(GrammarKind::With | GrammarKind::And, _)),
            Some(Tok::Actor(b)),
        ) = (
            k.checked_sub(3).and_then(|j| toks.get(j)),
            k.checked_sub(2).and_then(|j| toks.get(j)),
            k.checked_sub(1).and_then(|j| toks.get(j)),
        ) {
            let joined = folded
                .get(a.end..b.start)
                .is_some_and(|g| g.chars().count() == 1);
            // …as the subject of its clause: at most a short adverbial before them, no verb of
            // which they are the object (反对川普和普京的抗议)
            let lead = folded[..a.start]
                .chars()
                .rev()
                .take_while(|c| !stop(*c))
                .count();
            let opens = k < 4
                || matches!(
                    toks.get(k - 4),
                    Some(Tok::Gram(GrammarKind::Break, _) | Tok::Date(_))
                );
            if joined && opens && lead <= 4 && folded.get(b.end..cue.start) == Some("的") {
                return true;
            }
        }
        if let Some(Tok::Actor(p)) = k.checked_sub(1).and_then(|j| toks.get(j)) {
            let gap = folded.get(p.end..cue.start).unwrap_or("x");
            let n = gap.chars().count();
            let ok = match p.connector {
                Some(GrammarKind::With)
                | Some(GrammarKind::To)
                | Some(GrammarKind::PassiveBefore) => n <= 2,
                _ => n == 0,
            };
            return ok && !gap.contains('的') && !gap.chars().any(stop);
        }
        false
    }

    /// Whether byte `at` lies inside a title (《…》): an opening bracket before it not closed
    /// before it.
    fn in_title(m: &LangMatcher, folded: &str, at: usize) -> bool {
        let before = &folded[..at];
        m.titles.iter().any(|(open, close)| {
            rfind_short(before, open).is_some_and(|o| find_short(&before[o..], close).is_none())
        })
    }

    /// Whether a verb cue ending at byte `end` modifies the noun after it (1987年签署的条约): an
    /// attributive particle right after it and a word after the particle (not the end of a
    /// clause: 峰会是于8月15日举行的。 reports the meeting).
    /// Whether a possessive (its, своё, 其) ends right before byte `start`, as a word of its own.
    fn after_possessive(m: &LangMatcher, folded: &str, start: usize) -> bool {
        let before = folded.get(..start).unwrap_or("").trim_end();
        m.possessives.iter().any(|w| {
            before.ends_with(w.as_str())
                && (m.analyzer.is_cjk()
                    || !before[..before.len() - w.len()]
                        .chars()
                        .next_back()
                        .is_some_and(char::is_alphanumeric))
        })
    }

    fn attributive(m: &LangMatcher, folded: &str, end: usize) -> bool {
        let after = folded.get(end..).unwrap_or("");
        m.attributives.iter().any(|p| {
            after.strip_prefix(p.as_str()).is_some_and(|r| {
                // a word or a title after the particle (签署的《中导条约》)
                r.chars().next().is_some_and(char::is_alphanumeric)
                    || m.titles
                        .iter()
                        .any(|(open, _)| r.starts_with(open.as_str()))
            })
        })
    }

    /// Headings, table and figure lines name no events: Chinese text without any clause
    /// punctuation (2025年俄美峰会, 表2 历届美俄首脑会晤一览), and lines that start with
    /// 表/图 and a number, `Table 1`, `Figure 2`, `Таблица 1`, `Рис. 3`.
    fn is_heading(m: &LangMatcher, folded: &str) -> bool {
        let t = folded.trim_start();
        let punctuation = |c: char| {
            matches!(
                c,
                '，' | '。' | '；' | '：' | '！' | '？' | ',' | ';' | ':' | '!' | '?' | '、'
            )
        };
        if m.analyzer.is_cjk() && !t.chars().any(punctuation) {
            return true;
        }
        for lead in [
            "表",
            "图",
            "table",
            "figure",
            "fig.",
            "таблица",
            "рис.",
            "рисунок",
        ] {
            if let Some(rest) = t.strip_prefix(lead) {
                if rest.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                    return true;
                }
            }
        }
        false
    }

    /// Whether the cue is followed by a topic noun (会晤情况, 合作的可能性, the possibility of
    /// talks is no talk): then it names no act.
    fn names_topic(&self, m: &LangMatcher, folded: &str, from: usize) -> bool {
        if m.topics.is_empty() {
            return false;
        }
        let after = folded.get(from..).unwrap_or("").trim_start();
        let after = after.trim_start_matches(['”', '"', '’', '」', '』']);
        let after = after.strip_prefix('的').unwrap_or(after);
        m.topics.any_prefix_of(after)
    }

    fn gap_is_glue(m: &LangMatcher, gap: &str) -> bool {
        let g = gap.trim();
        g.is_empty() || m.glue.iter().any(|x| x == g)
    }

    /// Whether a gap is a count (digits, numerals, measure words: 5名, 两位, three, 10 more).
    fn gap_is_count(m: &LangMatcher, gap: &str) -> bool {
        let mut g = gap.trim();
        if g.is_empty() {
            return false;
        }
        while !g.is_empty() {
            let digits = g.len() - g.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            if digits > 0 {
                g = g[digits..].trim_start();
                continue;
            }
            let Some(w) = m.counts.iter().find(|w| {
                g.starts_with(w.as_str())
                    && (m.analyzer.is_cjk()
                        || !g[w.len()..].starts_with(|c: char| c.is_alphanumeric()))
            }) else {
                return false;
            };
            g = g[w.len()..].trim_start();
        }
        true
    }

    /// Turns hits into tokens: actor phrases, verb cues, function words, modality cues, dates.
    fn tokens<'s>(
        &'s self,
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        items: Vec<Item>,
        offices: Option<&mut Vec<Office<'s>>>,
    ) -> Vec<Tok> {
        let mut toks: Vec<Tok> = Vec::with_capacity(items.len() + 2);
        // dates: numbers plus date words, grouped into runs
        let mut atoms: Vec<(usize, usize, Atom)> = Vec::new();
        let bytes = folded.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_digit() {
                let s = i;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                if s > 0
                    && (bytes[s - 1].is_ascii_alphabetic()
                        || bytes[s - 1] == b'.'
                        || bytes[s - 1] == b'%')
                {
                    continue;
                }
                if let Some((e, full)) = full_date(folded, s) {
                    atoms.push((s, e, Atom::Full(full)));
                    i = e;
                    continue;
                }
                if i < bytes.len()
                    && (bytes[i] == b'.' && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                        || bytes[i] == b'%')
                {
                    // decimals and percentages are not dates
                    while i < bytes.len()
                        && (bytes[i].is_ascii_digit() || bytes[i] == b'.' || bytes[i] == b'%')
                    {
                        i += 1;
                    }
                    continue;
                }
                let value: i64 = folded[s..i].parse().unwrap_or(-1);
                atoms.push((
                    s,
                    i,
                    Atom::Num {
                        value,
                        digits: i - s,
                    },
                ));
            } else if bytes[i] >= 0xE0 {
                i += 3; // a three- or four-byte character: no digit among its first three bytes
            } else {
                i += 1;
            }
        }
        for it in &items {
            if let Entry::Date(d) = it.entry {
                atoms.push((
                    it.start,
                    it.end,
                    Atom::Mark(self.dict.dates[d].kind.clone()),
                ));
            }
        }
        atoms.sort_by_key(|a| a.0);
        let cjk = m.analyzer.is_cjk();
        // month names found at the same place as a modality cue (May: month and modal)
        let is_month = |it: &Item| matches!(it.entry, Entry::Date(d) if matches!(self.dict.dates[d].kind, DateKind::Month(_)));
        let ambiguous: Vec<usize> = items
            .iter()
            .filter(|it| {
                is_month(it)
                    && items.iter().any(|o| {
                        o.start == it.start && o.end == it.end && matches!(o.entry, Entry::Modal(_))
                    })
            })
            .map(|it| it.start)
            .collect();
        let mut month_words: Vec<usize> = Vec::new();
        let mut run: Vec<(usize, usize, Atom)> = Vec::new();
        let flush = |run: &mut Vec<(usize, usize, Atom)>,
                     toks: &mut Vec<Tok>,
                     month_words: &mut Vec<usize>| {
            if !ambiguous.is_empty() {
                // a month name that is also a modal (May / may) is a date only when it reads as one
                let keep: Vec<bool> = (0..run.len())
                    .map(|j| {
                        !(matches!(run[j].2, Atom::Mark(DateKind::Month(_)))
                            && ambiguous.contains(&run[j].0))
                            || Self::month_reads_as_date(m, folded, chars, run, j)
                    })
                    .collect();
                let mut j = 0;
                run.retain(|_| {
                    j += 1;
                    keep[j - 1]
                });
            }
            if run.is_empty() {
                return;
            }
            let parts: Vec<Atom> = run.iter().map(|r| r.2.clone()).collect();
            let raw: RawDate = dates::parse_run(&parts);
            if raw.is_date() {
                for r in run.iter() {
                    if matches!(r.2, Atom::Mark(DateKind::Month(_))) {
                        month_words.push(r.0);
                    }
                }
                let start = run.first().map(|r| r.0).unwrap_or(0);
                let end = run.last().map(|r| r.1).unwrap_or(0);
                toks.push(Tok::Date(DateTok {
                    start,
                    end,
                    date: None,
                    since: raw.since,
                    attributive: false,
                    raw,
                }));
            }
            run.clear();
        };
        for a in atoms {
            if let Some(last) = run.last() {
                let gap = folded.get(last.1..a.0).unwrap_or("x");
                let ok = a.0 >= last.1
                    && gap
                        .chars()
                        .all(|c| c.is_whitespace() || (!cjk && (c == ',' || c == '.')));
                if !ok {
                    flush(&mut run, &mut toks, &mut month_words);
                }
            }
            run.push(a);
        }
        flush(&mut run, &mut toks, &mut month_words);
        // actors, cues, function words
        let mut phrase: Option<Phrase> = None;
        let mut phrases: Vec<Phrase> = Vec::new();
        for it in &items {
            match it.entry {
                Entry::Actor(a) => {
                    let mut connector = None;
                    if let Some(p) = phrase.as_mut() {
                        let gap = folded.get(p.end..it.start).unwrap_or("x");
                        let glued = it.start >= p.end && Self::gap_is_glue(m, gap);
                        if glued && self.compatible(p, a) {
                            p.members.push(a);
                            p.end = it.end;
                            continue;
                        }
                        if glued {
                            connector = Some(GrammarKind::And);
                        }
                    }
                    if let Some(p) = phrase.take() {
                        phrases.push(p);
                    }
                    phrase = Some(Phrase {
                        start: it.start,
                        end: it.end,
                        members: vec![a],
                        connector,
                        connector_word: None,
                    });
                }
                _ => {
                    if let Some(p) = phrase.take() {
                        phrases.push(p);
                    }
                    match it.entry {
                        Entry::Action(_) => toks.push(Tok::Action(it.clone())),
                        Entry::Modal(_) if !month_words.contains(&it.start) => {
                            toks.push(Tok::Modal(it.clone()))
                        }
                        Entry::Gram(g) => {
                            toks.push(Tok::Gram(self.dict.grammar[g].kind, it.clone()))
                        }
                        _ => {}
                    }
                }
            }
        }
        if let Some(p) = phrase.take() {
            phrases.push(p);
        }
        // a phrase made only of role words (总统 alone) names nobody (the context pass may
        // still read whose office it is)
        if let Some(o) = offices {
            o.extend(
                phrases
                    .iter()
                    .filter(|p| {
                        p.members
                            .iter()
                            .all(|&a| matches!(self.dict.actors[a].kind, ActorKind::Agent(_)))
                    })
                    .map(|p| Office {
                        span: (chars.at(p.start), chars.at(p.end)),
                        connector: p.connector,
                        position: p
                            .members
                            .iter()
                            .rev()
                            .find_map(|&a| self.dict.actors[a].position.as_deref()),
                    }),
            );
        }
        phrases.retain(|p| {
            p.members
                .iter()
                .any(|&a| !matches!(self.dict.actors[a].kind, ActorKind::Agent(_)))
        });
        // 新华社北京8月2日电: the place right before a dateline's date filed the report
        phrases.retain(|p| {
            !toks.iter().any(|t| {
                matches!(t, Tok::Date(d) if d.start >= p.end
                    && folded.get(p.end..d.start).is_some_and(|g| g.trim().is_empty())
                    && m.datelines.any_prefix_of(folded.get(d.end..).unwrap_or("")))
            })
        });
        // 乌克兰危机, 美俄关系: an actor phrase right before a modifier noun names a topic
        phrases.retain(|p| {
            let after = folded.get(p.end..).unwrap_or("").trim_start();
            !m.modifiers.any_prefix_of(after)
        });
        // 向格鲁吉亚境内挺进, 在乌克兰境内部署: after a to- or at-word a phrase before a noun of
        // territory is where the act goes; without one (乌克兰领土完整) it takes part in nothing
        phrases.retain(|p| {
            let after = folded.get(p.end..).unwrap_or("");
            !m.territories.any_prefix_of(after)
                || toks.iter().any(|t| {
                    matches!(t, Tok::Gram(GrammarKind::To | GrammarKind::At, g)
                        if g.end <= p.start && folded.get(g.end..p.start).is_some_and(|x| x.trim().is_empty()))
                })
        });
        toks.extend(phrases.into_iter().map(Tok::Actor));
        toks.sort_by_key(|t| t.start());
        // a comma inside brackets (天然气工业银行（Gazprombank，该国第三大银行）, Lavrov (Russia's
        // foreign minister, in Moscow)) does not end the clause around them
        let bracketed = bracket_spans(folded);
        if !bracketed.is_empty() {
            toks.retain(|t| {
                !matches!(t, Tok::Gram(GrammarKind::Break, g)
                    if bracketed.iter().any(|&(a, b)| g.start > a && g.start < b))
            });
        }
        // 将 right before an actor marks its object (欧盟将俄罗斯银行踢出), not the future
        let disposal: Vec<usize> = toks
            .windows(2)
            .filter_map(|w| match (&w[0], &w[1]) {
                // 将部分俄罗斯银行…剔除: a count between 将 and the actor still makes it the object
                (Tok::Modal(mi), Tok::Actor(p))
                    if (p.start == mi.end
                        || folded
                            .get(mi.end..p.start)
                            .is_some_and(|g| Self::gap_is_count(m, g)))
                        && m.disposals
                            .iter()
                            .any(|d| folded.get(mi.start..mi.end) == Some(d)) =>
                {
                    Some(mi.start)
                }
                _ => None,
            })
            .collect();
        // the actor after it is the object, like one after 对
        for k in 1..toks.len() {
            if matches!(&toks[k - 1], Tok::Modal(mi) if disposal.contains(&mi.start)) {
                if let Tok::Actor(p) = &mut toks[k] {
                    p.connector.get_or_insert(GrammarKind::To);
                }
            }
        }
        toks.retain(|t| !matches!(t, Tok::Modal(mi) if disposal.contains(&mi.start)));
        // a list of actors (Iran, North Korea, and Russia; Иран, КНДР и Россия): a comma between
        // two actor phrases, with nothing else between, joins them like "and" rather than
        // breaking the clause
        // Chinese lists its items with 、; a comma there ends a clause (知会俄罗斯总统普京，美国决定…):
        // no comma joins anything
        let clause_comma = m.analyzer.is_cjk();
        let joinable = if clause_comma { 0 } else { toks.len() };
        for k in 1..joinable.saturating_sub(1) {
            // a comma alone between the end of one actor phrase and what follows it
            let blank =
                |from: usize, to: usize| folded.get(from..to).is_some_and(|t| t.trim().is_empty());
            let comma_between = |a_end: usize, g: &Item, next: usize| {
                folded.get(g.start..g.end).is_some_and(|t| t.trim() == ",")
                    && blank(a_end, g.start)
                    && blank(g.end, next)
            };
            let joins = match (&toks[k - 1], &toks[k], &toks[k + 1]) {
                // the Trump–Putin summit: two names joined by a dash with no space are a pair
                (Tok::Actor(a), Tok::Gram(GrammarKind::Break, g), Tok::Actor(b))
                    if a.end == g.start
                        && g.end == b.start
                        && folded.get(g.start..g.end) == Some("–") =>
                {
                    true
                }
                (Tok::Actor(a), Tok::Gram(GrammarKind::Break, g), Tok::Actor(b)) => {
                    comma_between(a.end, g, b.start)
                }
                // the serial comma: Iran, North Korea, and Russia
                (
                    Tok::Actor(a),
                    Tok::Gram(GrammarKind::Break, g),
                    Tok::Gram(GrammarKind::And, h),
                ) => comma_between(a.end, g, h.start),
                _ => false,
            };
            // not after a place (In Ottawa, Canada imposed…): there the comma ends the phrase
            let after_place = k >= 2 && matches!(&toks[k - 2], Tok::Gram(GrammarKind::At, _));
            if joins && !after_place {
                if let Tok::Gram(kind, _) = &mut toks[k] {
                    *kind = GrammarKind::And;
                }
            }
        }
        // connectors: a function word right before an actor phrase
        for k in 1..toks.len() {
            // the Trump-Putin summit, саммит Трамп-Путин: two names joined by a hyphen are a pair
            let (head, tail) = toks.split_at_mut(k);
            if let (Tok::Actor(a), Tok::Actor(b)) = (&head[k - 1], &mut tail[0]) {
                if !m.analyzer.is_cjk()
                    && b.connector.is_none()
                    && folded.get(a.end..b.start) == Some("-")
                {
                    b.connector = Some(GrammarKind::And);
                }
            }
            let (head, tail) = toks.split_at_mut(k);
            if let (Tok::Gram(kind, g), Tok::Actor(p)) = (&head[k - 1], &mut tail[0]) {
                let gap = folded.get(g.end..p.start).unwrap_or("x");
                // 对多名俄罗斯官员, on several Russian officials: a few words may stand between
                let short = gap.chars().count() <= if m.analyzer.is_cjk() { 4 } else { 16 };
                let loose = matches!(kind, GrammarKind::To | GrammarKind::With);
                // 3名美国公民、5名德国公民: a count between a list word and the next actor
                let counted = *kind == GrammarKind::And && Self::gap_is_count(m, gap);
                if p.start >= g.end
                    && (Self::gap_is_glue(m, gap) || (short && loose) || counted)
                    && !matches!(kind, GrammarKind::Break | GrammarKind::Report)
                {
                    p.connector = Some(*kind);
                    if let Entry::Gram(gi) = g.entry {
                        p.connector_word = Some(gi);
                    }
                }
            }
        }
        toks
    }

    /// Whether the cue at `toks[k]` is a passive with no agent of its own: a passive auxiliary
    /// (was, were, been) or a passive marker (被, 受到) right before it, at most one adverb
    /// between (were unjustly imprisoned); not a progressive (is sanctioning).
    fn agentless_passive(
        &self,
        m: &LangMatcher,
        folded: &str,
        toks: &[Tok],
        k: usize,
        cue: &Item,
    ) -> bool {
        let Some(Tok::Gram(GrammarKind::PassiveAux | GrammarKind::PassiveBefore, g)) =
            k.checked_sub(1).map(|j| &toks[j])
        else {
            return false;
        };
        let gap = folded.get(g.end..cue.start).unwrap_or("").trim();
        if m.analyzer.is_cjk() {
            return gap.is_empty();
        }
        let verb = folded.get(cue.start..cue.span_end).unwrap_or("");
        let words: Vec<&str> = gap.split_whitespace().collect();
        !verb.ends_with("ing")
            && match words.as_slice() {
                [] => true,
                [w] => w.ends_with("ly"),
                _ => false,
            }
    }

    /// Whether a phrase names only a treaty (《中导条约》, New START: a group metonym without a
    /// role), not a party.
    fn is_treaty(&self, p: &Phrase) -> bool {
        p.members.iter().all(|&a| {
            let e = &self.dict.actors[a];
            e.role.is_none()
                && matches!(e.kind, ActorKind::Group(_))
                && e.origin.starts_with("metonyms/")
        })
    }

    /// Whether a phrase names only states or places (no person, no office, no group): such a
    /// phrase joined to a location is another location.
    fn is_place(&self, p: &Phrase) -> bool {
        p.members.iter().all(|&a| {
            let e = &self.dict.actors[a];
            !e.is_org && e.role.is_none() && matches!(e.kind, ActorKind::Code(_))
        })
    }

    /// Whether actor entry `a` can join phrase `p` (one state or organisation, one person).
    fn compatible(&self, p: &Phrase, a: usize) -> bool {
        let new = &self.dict.actors[a];
        let code_of = |i: usize| -> Option<String> {
            let e = &self.dict.actors[i];
            match &e.kind {
                ActorKind::Code(c) => Some(c.clone()),
                ActorKind::Person(k) => self.dict.people.of(k).next().map(|t| t.country.clone()),
                _ => None,
            }
        };
        if matches!(new.kind, ActorKind::Group(_) | ActorKind::Pair) {
            return false;
        }
        if p.members.iter().any(|&i| {
            matches!(
                self.dict.actors[i].kind,
                ActorKind::Group(_) | ActorKind::Pair
            )
        }) {
            return matches!(new.kind, ActorKind::Agent(_));
        }
        let new_code = code_of(a);
        for &i in &p.members {
            let old = &self.dict.actors[i];
            match (&old.kind, &new.kind) {
                (ActorKind::Person(x), ActorKind::Person(y)) if x != y => return false,
                (ActorKind::Code(x), ActorKind::Code(y))
                    if x != y && !(old.is_org ^ new.is_org) =>
                {
                    return false
                }
                _ => {}
            }
            if let (Some(oc), Some(nc)) = (code_of(i), new_code.as_ref()) {
                if &oc != nc && !old.is_org && !new.is_org {
                    return false;
                }
            }
        }
        true
    }

    /// The codes [`Coder::parties`] gives a phrase at `date` with no context pair, in order,
    /// without building the parties.
    /// Whether every state phrase `p` names is one the phrases `of` name.
    fn same_state(&self, p: &Phrase, of: &[Phrase], date: Option<&EventDate>) -> bool {
        let mut mine: Vec<&str> = Vec::new();
        self.codes_of(p, date, |c| mine.push(c));
        let mut theirs: Vec<&str> = Vec::new();
        for q in of {
            self.codes_of(q, date, |c| theirs.push(c));
        }
        !mine.is_empty() && mine.iter().all(|c| theirs.contains(c))
    }

    /// The position person `key` held at `date` (the highest-ranked one if several), else the
    /// one nearest to it, else their first.
    fn position_of<'s>(&'s self, key: &str, date: Option<&EventDate>) -> Option<&'s str> {
        let people = &self.dict.people;
        let rank = |t: &&crate::people::Tenure| people.position(&t.position).map_or(9, |p| p.rank);
        let held = date.and_then(|d| people.of(key).filter(|t| t.covers(d)).min_by_key(rank));
        let nearest = || match date {
            Some(d) => people
                .of(key)
                .min_by_key(|t| (t.start.ordinal() - d.ordinal()).abs()),
            None => people.of(key).next(),
        };
        held.or_else(nearest).map(|t| t.position.as_str())
    }

    fn codes_of<'s>(&'s self, p: &Phrase, date: Option<&EventDate>, mut f: impl FnMut(&'s str)) {
        let mut code: Option<&'s str> = None;
        let mut grouped = false;
        for &i in &p.members {
            let e = &self.dict.actors[i];
            match &e.kind {
                ActorKind::Code(c) => {
                    if e.is_org && code.is_some() {
                        continue;
                    }
                    if code.is_none() || e.is_org {
                        code = Some(c);
                    }
                }
                ActorKind::Agent(_) | ActorKind::Pair => {}
                ActorKind::Person(k) => {
                    let people = &self.dict.people;
                    let at = date.and_then(|d| {
                        people.of(k).filter(|t| t.covers(d)).min_by_key(|t| {
                            people.position(&t.position).map(|p| p.rank).unwrap_or(9)
                        })
                    });
                    match at {
                        Some(t) => code = Some(&t.country),
                        None => {
                            let nearest = date
                                .and_then(|d| {
                                    people
                                        .of(k)
                                        .min_by_key(|t| (t.start.ordinal() - d.ordinal()).abs())
                                })
                                .or(people.of(k).next());
                            if let (Some(t), None) = (nearest, code) {
                                code = Some(&t.country);
                            }
                        }
                    }
                }
                ActorKind::Group(codes) => {
                    for c in codes {
                        grouped = true;
                        f(c);
                    }
                }
            }
        }
        if let (false, Some(c)) = (grouped, code) {
            f(c);
        }
    }

    /// Resolves an actor phrase at `date` into parties (a group gives several).
    fn parties(
        &self,
        p: &Phrase,
        date: Option<&EventDate>,
        pair: Option<&(String, String)>,
        text: String,
        explain: bool,
    ) -> Vec<Party> {
        let mut code: Option<String> = None;
        let mut role = String::new();
        let mut person = None;
        let mut position = None;
        let mut rank = 9u8;
        use std::fmt::Write as _;
        // the explain entries, joined with " + " as they come
        let mut why = String::new();
        let why_sep = |why: &mut String| {
            if !why.is_empty() {
                why.push_str(" + ");
            }
        };
        let mut out = Vec::new();
        for &i in &p.members {
            let e = &self.dict.actors[i];
            match &e.kind {
                ActorKind::Code(c) => {
                    if e.is_org && code.is_some() {
                        continue; // "NATO's Russian envoy": keep the state
                    }
                    if code.is_none() || e.is_org {
                        code = Some(c.clone());
                    }
                    if let Some(r) = &e.role {
                        role = r.clone();
                    }
                    if explain {
                        why_sep(&mut why);
                        let _ = write!(why, "`{}` {} {}", e.pattern, c, e.origin);
                    }
                }
                ActorKind::Agent(r) => {
                    if role.is_empty() {
                        role = r.clone();
                    }
                    if explain {
                        why_sep(&mut why);
                        let _ = write!(why, "`{}` role {} {}", e.pattern, r, e.origin);
                    }
                }
                ActorKind::Person(k) => {
                    let tenures: Vec<_> = self.dict.people.of(k).collect();
                    let at = date.and_then(|d| {
                        tenures.iter().filter(|t| t.covers(d)).min_by_key(|t| {
                            self.dict
                                .people
                                .position(&t.position)
                                .map(|p| p.rank)
                                .unwrap_or(9)
                        })
                    });
                    match at {
                        Some(t) => {
                            code = Some(t.country.clone());
                            let pos = self.dict.people.position(&t.position);
                            role = pos.map(|p| p.cameo_role.clone()).unwrap_or_default();
                            rank = pos.map(|p| p.rank).unwrap_or(9);
                            position = Some(t.position.clone());
                            if explain {
                                why_sep(&mut why);
                                let _ = write!(
                                    why,
                                    "`{}` {} {} {} {}",
                                    e.pattern, k, t.country, t.position, t.origin
                                );
                            }
                        }
                        None => {
                            // out of office at that date: the person still speaks for the country
                            let nearest = date
                                .and_then(|d| {
                                    tenures
                                        .iter()
                                        .min_by_key(|t| (t.start.ordinal() - d.ordinal()).abs())
                                })
                                .or(tenures.first());
                            if let Some(t) = nearest {
                                if code.is_none() {
                                    code = Some(t.country.clone());
                                }
                                if explain {
                                    why_sep(&mut why);
                                    let _ = write!(
                                        why,
                                        "`{}` {} {} (no office at the date) {}",
                                        e.pattern, k, t.country, t.origin
                                    );
                                }
                            }
                        }
                    }
                    person = Some(k.clone());
                }
                ActorKind::Group(codes) => {
                    for c in codes {
                        out.push(Party {
                            actor: ActorRef {
                                code: c.clone(),
                                role: String::new(),
                                person: None,
                                position: None,
                                text: Some(text.to_string()),
                            },
                            why: if !explain {
                                String::new()
                            } else {
                                format!("`{}` group {} {}", e.pattern, codes.join(","), e.origin)
                            },
                            rank: 9,
                        });
                    }
                }
                ActorKind::Pair => {
                    if let Some((a, b)) = pair {
                        for c in [a, b] {
                            out.push(Party {
                                actor: ActorRef {
                                    code: c.clone(),
                                    role: String::new(),
                                    person: None,
                                    position: None,
                                    text: Some(text.to_string()),
                                },
                                why: if !explain {
                                    String::new()
                                } else {
                                    format!(
                                        "`{}` pair {a},{b} from context {}",
                                        e.pattern, e.origin
                                    )
                                },
                                rank: 9,
                            });
                        }
                    }
                }
            }
        }
        if !out.is_empty() {
            if !role.is_empty() {
                for p in &mut out {
                    p.actor.role = role.clone();
                }
            }
            return out;
        }
        match code {
            Some(code) => vec![Party {
                actor: ActorRef {
                    code,
                    role,
                    person,
                    position,
                    text: Some(text),
                },
                why,
                rank,
            }],
            None => Vec::new(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn assemble<'s>(
        &'s self,
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        toks: &[Tok],
        ctx: &mut DateContext,
        facts: Option<&mut SentenceFacts<'s>>,
    ) -> Vec<CodedEvent> {
        // resolve dates left to right
        let mut dates: Vec<DateTok> = Vec::new();
        let mut base = ctx.base();
        // whether `base` was named in this sentence (else it is carried from an earlier one)
        let mut base_here = false;
        let question = folded
            .trim_end_matches(|c: char| c.is_whitespace() || "”\"'’」』»)）".contains(c))
            .ends_with(['?', '？']);
        // 将于下周三访问俄罗斯，周五会在莫斯科签署条约: a weekday after a date counted forward from
        // the document, in the same sentence, lies in that future too
        let mut forward_seen: Option<(Anchor, Unit, i32)> = None;
        for (ti, t) in toks.iter().enumerate() {
            if let Tok::Date(d) = t {
                let mut d = d.clone();
                // 废除俄美2011年7月签署的收养协议: a date on a verb that modifies a noun (……签署的)
                // describes that noun, not the sentence; it dates nothing and carries to nothing
                if let Some(Tok::Action(cue)) = toks.get(ti + 1) {
                    let between = folded.get(d.end..cue.start).unwrap_or("x");
                    if between.trim().is_empty()
                        && m.analyzer.is_cjk()
                        && Self::attributive(m, folded, cue.span_end)
                    {
                        d.since = true;
                        d.attributive = true;
                    }
                }
                match d.raw.relative {
                    Some((Anchor::Document, Unit::Weekday, _)) if forward_seen.is_some() => {
                        d.raw.relative = forward_seen;
                    }
                    Some(r @ (Anchor::Document, Unit::Day | Unit::Week | Unit::Month, n))
                        if n > 0 =>
                    {
                        forward_seen = Some(r);
                    }
                    _ => {}
                }
                // a month without a year in a later sentence than a bare year (惠兰2018年被捕。……
                // 2月17日被捕) is not of that aside's year: the document's year dates it
                let carried_year = !base_here
                    && d.raw.year.is_none()
                    && d.raw.month.is_some()
                    && d.raw.relative.is_none()
                    && base.is_some_and(|b| b.m().is_none())
                    && ctx.document.is_some();
                let b = if carried_year { ctx.document } else { base };
                d.date = dates::resolve(&d.raw, b, ctx.document);
                if d.date.is_none() && !d.since && base.is_none() && ctx.document.is_none() {
                    d.date = self.year_from_offices(toks, &d.raw);
                }
                if let (Some(dd), false) = (d.date, d.since) {
                    base = Some(dd);
                    base_here = true;
                }
                dates.push(d);
            }
        }
        let text_of = |a: usize, b: usize| -> String { chars.text(a, b) };
        // the pair for "both sides": two distinct codes named in this sentence, else the context
        let mut codes_here: Vec<&str> = Vec::new();
        // every actor phrase's codes by token index, kept for the sentence facts when asked
        let want_facts = facts.is_some();
        let mut phrase_codes: Vec<(usize, &'s str)> = Vec::new();
        for (ti, t) in toks.iter().enumerate() {
            if let Tok::Actor(p) = t {
                self.codes_of(p, base.as_ref(), |c| {
                    if want_facts {
                        phrase_codes.push((ti, c));
                    }
                    if !codes_here.contains(&c) {
                        codes_here.push(c);
                    }
                });
            }
        }
        let pair: Option<(String, String)> = if codes_here.len() == 2 {
            Some((codes_here[0].to_string(), codes_here[1].to_string()))
        } else {
            ctx.pair.clone()
        };
        let mut events: Vec<CodedEvent> = Vec::new();
        // the sentence's keyword domains, found once on the first event
        let mut kw_domains: Option<BTreeSet<String>> = None;
        let mut prev_sources: Vec<Phrase> = Vec::new();
        // the subject alone of the last cue (a symmetric cue's partner is no subject of a
        // directed verb after it: 与俄罗斯换囚后，拜登……感谢阿联酋)
        let mut prev_subject: Vec<Phrase> = Vec::new();
        // the objects of the last statement cue (欢迎美国和俄罗斯…, urged Russia…), with the cue's
        // token index: the subject of a verb right after them (pivot)
        // (and whether the cue judges it: a criticism or an accusation, condemned Russia for
        // invading Ukraine, 指责俄罗斯轰炸基辅, whose act is alleged, not reported as done)
        let mut pivot: Option<(usize, Vec<Phrase>, usize, bool)> = None;
        let mut last_cue_events = 0usize;
        // phrases already read as the object of an earlier cue are not the subject of a later one
        let mut consumed: Vec<usize> = Vec::new(); // (a set: few, looked up by scan)
                                                   // the objects of the last cue that named one (for its invasion: whose act)
        let mut prev_objects: Vec<Phrase> = Vec::new();
        // cues whose parties were read and found wanting: not left to the context pass
        let mut settled: Vec<usize> = Vec::new();
        // the cue spans of events from cues flagged `apart`
        let mut apart_spans: Vec<(usize, usize)> = Vec::new();
        // cues read as agentless passives (their subject the patient)
        let mut passive_cues: Vec<usize> = Vec::new();
        // verb cues that name acts: not a nominal cue without a light verb (美俄在军控领域的
        // 合作), not a cue inside the gap of an earlier one (以更严厉的制裁)
        let mut action_idx: Vec<usize> = Vec::new();
        // verb cues of relative clauses (遭美国驱逐的60名外交官): what precedes them is inside the
        // clause, not the subject of a verb after it
        let mut relative: Vec<usize> = Vec::new();
        let mut covered = 0usize;
        for (i, t) in toks.iter().enumerate() {
            let Tok::Action(cue) = t else { continue };
            let Entry::Action(ai) = cue.entry else {
                continue;
            };
            if cue.start < covered {
                continue;
            }
            if self.dict.actions[ai].noun && !self.noun_is_act(m, folded, toks, i, cue) {
                continue;
            }
            if self.names_topic(m, folded, cue.span_end) {
                continue;
            }
            if Self::in_title(m, folded, cue.start) {
                continue;
            }
            // 1987年签署的条约; a gapped cue whose gap opens with the particle modifies its tail
            // (遭美国驱逐的60名俄罗斯外交官抵达)
            if !self.dict.actions[ai].noun
                && (Self::attributive(m, folded, cue.span_end)
                    || (cue.span_end > cue.end && Self::attributive(m, folded, cue.end)))
            {
                relative.push(i);
                continue;
            }
            // 加强制裁俄罗斯的可能性: the cue and its object modify a topic noun
            if let Some(Tok::Actor(p)) = toks.get(i + 1) {
                if p.start == cue.span_end
                    && folded.get(p.end..).is_some_and(|r| r.starts_with('的'))
                    && self.names_topic(m, folded, p.end)
                {
                    continue;
                }
            }
            // 换囚谈判, 停火协议, ceasefire talks: an act noun right before a noun of talks or of an
            // agreement names what they are about; the talks or the agreement are the act
            if self.names_talks(m, folded, toks, i, cue) {
                continue;
            }
            // discussed sanctions with Putin, обсуждал санкции, 讨论制裁: an act right after a
            // verb of talks is what they talked about
            if let Some(&pk) = action_idx.last() {
                if let Tok::Action(prev) = &toks[pk] {
                    let talks = matches!(prev.entry, Entry::Action(pi)
                        if self.dict.actions[pi].cameo.starts_with("04"));
                    let gap = folded.get(prev.span_end..cue.start).unwrap_or(",");
                    let close = gap.chars().count() <= TOPIC_GAP
                        && !gap.contains([',', '，', ';', '；', '。', '.']);
                    if talks && close && !self.dict.actions[ai].cameo.starts_with("04") {
                        continue;
                    }
                }
            }
            covered = covered.max(cue.span_end);
            action_idx.push(i);
        }
        // reporting verbs (表示, said, заявил): a date right before one (no act between) or right
        // after it (said on 16 August) dates the report, not the acts of its complement
        let reports: Vec<&Item> = toks
            .iter()
            .filter_map(|t| match t {
                Tok::Gram(GrammarKind::Report, g) => Some(g),
                _ => None,
            })
            .collect();
        let act_starts: Vec<usize> = action_idx
            .iter()
            .filter_map(|&i| match &toks[i] {
                Tok::Action(c) => Some(c.start),
                _ => None,
            })
            .collect();
        let no_act_between = |a: usize, b: usize| !act_starts.iter().any(|&x| x >= a && x < b);
        let is_report_date = |d: &DateTok| -> bool {
            // (克里谴责叙利亚政府上个月……的行为，称: a date inside an earlier clause's object
            // is not the report's; 12日，普京表示: a date that is its clause still is)
            let clause_ok = |r: &Item| {
                folded.get(d.end..r.start).is_none_or(|g| {
                    g.find([',', '，', ';', '；'])
                        .is_none_or(|b| g[..b].chars().count() <= 4)
                })
            };
            reports.iter().any(|r| {
                (r.start >= d.end && no_act_between(d.end, r.start) && clause_ok(r))
                    || (d.start >= r.end
                        && folded
                            .get(r.end..d.start)
                            .is_some_and(|g| g.chars().count() <= 4)
                        && no_act_between(r.end, d.start))
            })
        };
        let report_date: Vec<bool> = dates.iter().map(is_report_date).collect();
        // a bare day that dates a report (古特雷斯1日说) counts from the dateline, not from a month
        // named earlier in the text: the latest such day on or before the document date
        if let Some(doc) = ctx.document.filter(|d| d.precision() == Precision::Day) {
            for (d, _) in dates.iter_mut().zip(&report_date).filter(|(_, &r)| r) {
                if d.since || d.raw.year.is_some() || d.raw.month.is_some() || d.raw.full.is_some()
                {
                    continue;
                }
                if let Some(day) = d.raw.day {
                    d.date = dates::day_on_or_before(doc, day).or(d.date);
                }
            }
        }
        // the sentence's own event dates, and whether it opens with a relative connective
        let own_dates = dates
            .iter()
            .zip(&report_date)
            .any(|(d, &r)| !r && !d.since && d.date.is_some());
        let opens = {
            let t = folded.trim_start_matches(|c: char| {
                c.is_whitespace() || "“”\"'‘’「」『』（(".contains(c)
            });
            m.continues.any_prefix_of(t)
        };
        for (n, &k) in action_idx.iter().enumerate() {
            let Tok::Action(cue) = &toks[k] else { continue };
            let Entry::Action(ai) = cue.entry else {
                continue;
            };
            let action = &self.dict.actions[ai];
            // the left side stays in the cue's clause: 拜登上台后，…两国应…合作 reads no 拜登
            let clause_lo = toks[..k]
                .iter()
                .rposition(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
                .map_or(0, |b| b + 1);
            let prev_cue = if n == 0 { 0 } else { action_idx[n - 1] + 1 };
            let in_relative = relative
                .iter()
                .rev()
                .find(|&&r| r < k)
                .map_or(0, |&r| r + 1);
            let lo = prev_cue.max(clause_lo).max(in_relative);
            let hi = action_idx.get(n + 1).copied().unwrap_or(toks.len());
            // left side: subject chain, to-target, with-partner, passive agent, location
            let (mut subj, mut tgt, mut partner, mut agent, mut loc) =
                (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
            let mut last_role = 0u8; // 1 subj, 2 tgt, 3 partner, 4 agent, 5 loc
                                     // "agreement on Ukraine", "соглашение по Украине": for a symmetric cue, a phrase after
                                     // a `to` word marked `topic` is what the act is about, not a party
            let sym_cue = matches!(action.frame, Frame::Sym | Frame::Meet);
            let is_topic = |p: &Phrase| {
                sym_cue
                    && p.connector_word
                        .is_some_and(|gi| self.dict.grammar[gi].value == "topic")
            };
            for t in &toks[lo..k] {
                if let Tok::Actor(p) = t {
                    if is_topic(p) {
                        continue;
                    }
                    let subject_like = matches!(p.connector, None | Some(GrammarKind::And));
                    // 谴责俄罗斯对乌克兰的导弹攻击, condemned Russia's strikes on Ukraine: the
                    // earlier verb's object owns the act noun right after it, as its subject
                    let owner = {
                        let between = folded.get(p.end..cue.start).unwrap_or(",");
                        let clause = !between.contains([',', '，', ';', '；', '。']);
                        if m.analyzer.is_cjk() {
                            clause && between.trim_end().ends_with('的')
                        } else {
                            clause
                                && (between.starts_with("'s ") || between.starts_with("’s "))
                                && between.chars().count() <= 24
                        }
                    };
                    if subject_like && consumed.contains(&p.start) && !owner {
                        continue;
                    }
                    let role = match p.connector {
                        None => {
                            subj.clear();
                            1
                        }
                        Some(GrammarKind::To) => 2,
                        // 在法国和意大利会见: a place joined to a place is a place
                        Some(GrammarKind::With) if last_role == 5 && self.is_place(p) => 5,
                        Some(GrammarKind::With) => 3,
                        Some(GrammarKind::PassiveBefore) | Some(GrammarKind::PassiveAfter) => 4,
                        Some(GrammarKind::At) => 5,
                        Some(GrammarKind::And) => {
                            if last_role == 0 {
                                1
                            } else {
                                last_role
                            }
                        }
                        _ => 1,
                    };
                    last_role = role;
                    match role {
                        1 => subj.push(p.clone()),
                        2 => tgt.push(p.clone()),
                        3 => partner.push(p.clone()),
                        4 => agent.push(p.clone()),
                        _ => loc.push(p.clone()),
                    }
                }
            }
            // 下令制裁7名俄罗斯高官后，美国总统奥巴马宣布…: a subjectless verb of a clause of time
            // has the subject that opens the next clause
            let mut subordinate = false;
            if subj.is_empty() && agent.is_empty() && !m.subordinates.is_empty() {
                if let Some(b) = toks[k + 1..]
                    .iter()
                    .position(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
                    .map(|b| k + 1 + b)
                {
                    let Tok::Gram(_, brk) = &toks[b] else {
                        unreachable!()
                    };
                    let before = folded.get(..brk.start).unwrap_or("").trim_end();
                    if m.subordinates.iter().any(|w| before.ends_with(w.as_str())) {
                        if let Some(Tok::Actor(p)) = toks.get(b + 1) {
                            if p.connector.is_none() {
                                subj.push(p.clone());
                                subordinate = true;
                            }
                        }
                    }
                }
            }
            // right side, up to the next cue or clause break
            let mut obj = Vec::new();
            // a to-phrase right after the object, where the reading stopped (нападение России на
            // Украину: the act noun's agent, then its target)
            let mut to_after_obj: Option<&Phrase> = None;
            let mut last_role = 0u8;
            for t in &toks[k + 1..hi] {
                match t {
                    Tok::Gram(GrammarKind::Break, _) => break,
                    // 签署的对俄制裁法案: after 的 an actor modifies the next noun, not the verb
                    Tok::Actor(p)
                        if m.analyzer.is_cjk()
                            && matches!(p.connector, Some(GrammarKind::To | GrammarKind::With))
                            && folded
                                .get(cue.span_end..p.start)
                                .is_some_and(|g| g.contains('的')) =>
                    {
                        break
                    }
                    Tok::Actor(p) if is_topic(p) => {}
                    // agree that the missiles violate the INF Treaty: a treaty after a
                    // symmetric cue with a subject is what it is about, not a party to it
                    Tok::Actor(p) if sym_cue && !subj.is_empty() && self.is_treaty(p) => {}
                    // 美国的新制裁遭到俄罗斯谴责: a passive marker after the cue opens another
                    // verb's agent
                    Tok::Actor(p) if p.connector == Some(GrammarKind::PassiveBefore) => break,
                    // о выходе России из договора, the suspension of Russia's participation in:
                    // the subject's own state after the cue is whose act it is, not its object
                    Tok::Actor(p)
                        if action.frame == Frame::Dir
                            && obj.is_empty()
                            && !subj.is_empty()
                            && self.same_state(p, &subj, base.as_ref()) => {}
                    Tok::Actor(p) => {
                        let role = match p.connector {
                            None => 1,
                            Some(GrammarKind::To) => 2,
                            Some(GrammarKind::With) => 3,
                            Some(GrammarKind::PassiveAfter) | Some(GrammarKind::PassiveBefore) => 4,
                            Some(GrammarKind::At) => 5,
                            Some(GrammarKind::And) if last_role != 0 => last_role,
                            _ => 1,
                        };
                        if role == 1 && last_role != 0 && last_role != 1 {
                            break;
                        }
                        if (role == 1 || role == 2)
                            && !obj.is_empty()
                            && p.connector != Some(GrammarKind::And)
                        {
                            if role == 2 && obj.len() == 1 {
                                to_after_obj = Some(p);
                            }
                            break; // 指责美国向乌克兰…: the second actor belongs to another verb
                        }
                        last_role = role;
                        match role {
                            1 | 2 if tgt.is_empty() => obj.push(p.clone()),
                            1 | 2 => break,
                            3 => partner.push(p.clone()),
                            4 => agent.push(p.clone()),
                            _ => loc.push(p.clone()),
                        }
                    }
                    _ => {}
                }
            }
            // 美俄沙特会谈: a full state name glued after a compound of abbreviations, right
            // before a symmetric cue, is where the pair meets, not a third party
            if sym_cue && subj.len() >= 2 {
                let n = subj.len();
                let c = &subj[n - 1];
                // the glued chain of abbreviations before the place: 美俄 (a compound) or 美, 俄
                let mut chain_codes: HashSet<&str> = HashSet::new();
                let mut edge = c.start;
                for p in subj[..n - 1].iter().rev() {
                    if p.end != edge || char_count(&folded.as_bytes()[p.start..p.end]) > 2 {
                        break;
                    }
                    edge = p.start;
                    self.codes_of(p, base.as_ref(), |code| {
                        chain_codes.insert(code);
                    });
                }
                let mut place_codes: Vec<&str> = Vec::new();
                self.codes_of(c, base.as_ref(), |code| place_codes.push(code));
                if chain_codes.len() >= 2
                    && char_count(&folded.as_bytes()[c.start..c.end]) >= 2
                    && place_codes.len() == 1
                    && !chain_codes.contains(place_codes[0])
                    && c.end == cue.start
                {
                    if let Some(place) = subj.pop() {
                        loc.push(place);
                    }
                }
            }
            if action.frame == Frame::Dir && !tgt.is_empty() {
                subj.append(&mut partner); // 美国和欧盟对俄罗斯实施制裁: 和 joins the subjects
            }
            // 欢迎美国和俄罗斯签署新条约, urged Russia to withdraw: the object of a statement
            // cue right before this verb, in its clause, is the verb's subject
            let mut alleged = false;
            if let Some((pk, objs, end, judged)) = pivot.take() {
                let between = &folded[end.min(cue.start)..cue.start];
                let gap = char_count(between.as_bytes());
                let list = objs.iter().any(|p| {
                    folded[p.start..end]
                        .chars()
                        .any(|c| matches!(c, ',' | '，' | ';' | '；'))
                });
                if n > 0
                    && !list
                    && action_idx[n - 1] == pk
                    && clause_lo <= pk
                    && subj.is_empty()
                    && agent.is_empty()
                    && gap <= if m.analyzer.is_cjk() { 6 } else { 12 }
                {
                    subj = objs;
                    alleged = judged;
                }
            }
            // only an appeal, a demand, a welcome or a judgement passes its object on as the next
            // verb's subject: after a threat or a retaliation (报复美国制裁) the object is its target
            let judged = action.cameo.starts_with("11");
            let pivot_root = judged
                || ["02", "05", "10"]
                    .iter()
                    .any(|r| action.cameo.starts_with(r));
            if pivot_root && action.frame == Frame::Dir && agent.is_empty() && !obj.is_empty() {
                let end = obj
                    .iter()
                    .chain(&partner)
                    .map(|p| p.end)
                    .max()
                    .unwrap_or(cue.span_end);
                pivot = Some((k, obj.clone(), end, judged));
            }
            // condemned Mexico for its invasion of Belize, за своё вторжение в Грузию: an act
            // noun right after a possessive is the act of the previous verb's object, and its
            // target is named after it (none named: no event, and no guess from the context)
            let possessed = subj.is_empty()
                && agent.is_empty()
                && !prev_objects.is_empty()
                && Self::after_possessive(m, folded, cue.start);
            if possessed {
                subj = prev_objects.clone();
                settled.push(k);
            }
            let mut inherited = subj.is_empty() && agent.is_empty() && !prev_sources.is_empty();
            // США осудили нападение России на Украину: a directed act with no subject of its own
            // whose object is followed by a to-phrase names its own agent there (the object) and
            // its target (the to-phrase); the previous verb's subject does not attack
            // (after a criticism, США осудили нападение…, the act is judged: alleged)
            let mut own_agent = false;
            if let (true, Frame::Dir, Some(to)) =
                (inherited && tgt.is_empty(), action.frame, to_after_obj)
            {
                subj = std::mem::take(&mut obj);
                obj.push(to.clone());
                inherited = false;
                own_agent = true;
                alleged |= n > 0
                    && matches!(&toks[action_idx[n - 1]], Tok::Action(c)
                        if matches!(c.entry, Entry::Action(pi) if self.dict.actions[pi].cameo.starts_with("11")));
            }
            let mut topic = false;
            if inherited {
                subj = if action.frame == Frame::Dir && !prev_subject.is_empty() {
                    prev_subject.clone()
                } else {
                    prev_sources.clone()
                };
            } else if subj.is_empty() && agent.is_empty() && clause_lo > 0 {
                // 特朗普上任后，多次与普京通电话: the topic of the sentence's first clause
                let first_break = toks
                    .iter()
                    .position(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
                    .unwrap_or(toks.len());
                if let Some(Tok::Actor(p)) = toks[..first_break].iter().find(|t| {
                    matches!(t, Tok::Actor(p) if p.connector.is_none() && !consumed.contains(&p.start))
                }) {
                    subj.push(p.clone());
                    topic = true;
                }
            }
            // date: nearest before the cue in the sentence, else after it in the clause, else context;
            // inside the complement of a reporting verb only the complement's own dates count
            let mut date_why = String::new();
            let mut date = None;
            // a date counted forward from the document (明天, 下周, next month, в следующем году)
            // dates a plan, not a happening
            let mut ahead = false;
            let forward = |d: &DateTok| {
                matches!(
                    d.raw.relative,
                    Some((Anchor::Document, Unit::Day | Unit::Week | Unit::Month | Unit::Year, n)) if n > 0
                )
            };
            let governing = reports.iter().rev().find(|r| r.end <= cue.start);
            let mut in_sentence: Option<&DateTok> = None;
            for (d, _) in dates.iter().zip(&report_date).filter(|(d, &r)| {
                d.end <= cue.start
                    && !d.since
                    && d.date.is_some()
                    && !r
                    && governing.is_none_or(|g| d.start >= g.end)
            }) {
                date = d.date;
                ahead = forward(d);
                in_sentence = Some(d);
            }
            // (formatted once, for the last such date, the one read)
            if let Some(d) = in_sentence {
                date_why = format!("date `{}` in the sentence", text_of(d.start, d.end));
            }
            // (a clause of time is dated by the clause it leads into: ……后，拜登8日宣布)
            let clause_end = toks[k + 1..]
                .iter()
                .filter_map(|t| match t {
                    Tok::Gram(GrammarKind::Break, g) => Some(g.start),
                    _ => None,
                })
                .nth(usize::from(subordinate));
            let after = dates.iter().zip(&report_date).find_map(|(d, &r)| {
                (d.start >= cue.end
                    && !d.since
                    && (!r || subordinate)
                    && d.date.is_some()
                    // (in English and Russian, across the commas of a place, Anchorage,
                    // Alaska, on August 15, with no other act between)
                    && (clause_end.is_none_or(|c| d.start < c)
                        || (!m.analyzer.is_cjk() && no_act_between(cue.end, d.start))))
                .then_some(d)
            });
            // 2025年俄美峰会是于2025年8月15日举行的: a finer date after the cue in the clause refines
            // a coarser one before it that it falls within
            let refines = |a: &EventDate, b: &EventDate| {
                a.precision() < b.precision()
                    && a.y() == b.y()
                    && (b.m().is_none() || a.m() == b.m())
            };
            if let (Some(b), Some(a)) = (date, after.and_then(|d| d.date)) {
                if refines(&a, &b) {
                    date = None;
                    ahead = false;
                }
            }
            if date.is_none() {
                if let Some(d) = after {
                    date = d.date;
                    ahead = forward(d);
                    date_why = format!("date `{}` after the cue", text_of(d.start, d.end));
                }
            }
            if date.is_none() {
                // 外交部10日表示谴责: an act made by saying it is made when it is reported
                let speech = m
                    .speech_roots
                    .iter()
                    .any(|r| action.cameo.starts_with(r.as_str()));
                // 财政部21日发表声明，宣布对……实施制裁: the reporter's own act, announced in its
                // report, is made when it is reported
                // (not inside a quotation: what the reporter says of its act describes it)
                let own = governing.is_some_and(|g| {
                    subj.iter().any(|p| p.end <= g.start)
                        && !folded
                            .get(g.end..cue.start)
                            .is_some_and(|between| between.contains(['“', '「', '『', '"', '«']))
                });
                if let (Some(g), true) = (governing, speech || own) {
                    if let Some(d) = dates.iter().zip(&report_date).rev().find_map(|(d, &r)| {
                        (r && d.date.is_some() && (d.end <= g.start || d.start >= g.end))
                            .then_some(d)
                    }) {
                        date = d.date;
                        date_why = format!("date `{}` of its report", text_of(d.start, d.end));
                    }
                }
            }
            if date.is_none() {
                // the running date reaches an undated sentence of the same paragraph (or, with
                // paragraphs unknown, the very next sentence), or one that opens with a relative
                // connective (随后, then); never a sentence with dates of its own elsewhere
                let near = if ctx.paragraph.is_some() {
                    ctx.same_paragraph() && ctx.stale <= DateContext::RUNNING_REACH
                } else {
                    ctx.stale == 0
                };
                // only a day carries without a connective: after 8月15日 an undated 双方… goes on
                // narrating that day, while after 2008年4月 an undated sentence of an analytic
                // text is commentary, no event of that month or year
                let reach = |l: &EventDate| {
                    (opens && ctx.stale <= DateContext::RUNNING_REACH)
                        || (!own_dates && near && l.precision() == Precision::Day)
                };
                if let Some(l) = ctx.last {
                    if reach(&l) {
                        date = Some(l);
                        date_why = format!("running date {l} of the document");
                    }
                } else if let (Some(doc), false) = (ctx.document, own_dates) {
                    date = Some(doc);
                    date_why = format!("document date {doc}");
                }
            }
            // (a sentence that names any time, 自2019年…以来的首次会面, speaks of another time; a
            // date that only describes a noun, 1972年签署的条约, names none)
            let attributive_only = dates.iter().all(|d| d.attributive);
            if date.is_none() && attributive_only && governing.is_none() {
                // a meeting both of whose parties the sentence names (白宫国安顾问波顿正在莫斯科
                // 访问, Kerry and Lavrov held a joint press conference), undated in a document, is
                // the document's: measured on the development corpus, such meetings are the
                // story's own far more often than background (which names its year)
                let named = !subj.is_empty()
                    && !inherited
                    && !topic
                    && (!tgt.is_empty()
                        || !obj.is_empty()
                        || !partner.is_empty()
                        || !loc.is_empty());
                // and so is a reduction of relations (16x: withdrawal, expulsion, sanctions)
                // whose both parties it names (the U.S. has begun expelling 12 operatives from
                // the Russian Mission; measured: other roots add as many errors as events)
                let own = ["04", "16"].iter().any(|r| action.cameo.starts_with(r));
                if own && named {
                    if let Some(doc) = ctx.document {
                        date = Some(doc);
                        date_why = format!("document date {doc}: an act between parties it names");
                    }
                }
            }
            let Some(date) = date else { continue };
            let resolve = |ps: &[Phrase]| -> Vec<Party> {
                ps.iter()
                    .flat_map(|p| {
                        self.parties(p, Some(&date), pair.as_ref(), text_of(p.start, p.end), true)
                    })
                    .collect()
            };
            // Americans were imprisoned in Russia, 外交官被驱逐, 受到制裁: an auxiliary (or a
            // passive marker) right before the cue, with no agent named, makes its subject the
            // patient; the agent is unknown, but for a detention or a release the state where
            // it happened
            let mut agentless = agent.is_empty()
                && (action.passive || self.agentless_passive(m, folded, toks, k, cue));
            // the agent an agentless detention or release has: the state where it happened;
            // without one the verb is read as active, as before
            let place_agent: Vec<Party> = if agentless
                && (action.cameo.starts_with("17") || action.cameo.starts_with("08"))
            {
                resolve(&loc)
            } else {
                Vec::new()
            };
            if agentless && !action.passive && place_agent.is_empty() {
                agentless = false;
            }
            if agentless {
                passive_cues.push(k);
            }
            let passive = !agent.is_empty() || agentless;
            let (sources, targets, participants): (Vec<Party>, Vec<Party>, Vec<Party>) = if passive
            {
                let mut t = resolve(&subj);
                t.extend(resolve(&tgt));
                t.extend(resolve(&obj));
                // 美国宣布新制裁，遭到俄罗斯谴责: with no patient of its own, the passive's
                // patient is the subject the sentence goes on with
                // (a passive marker before its agent: 遭到, 被; not "activities by Russia")
                if t.is_empty()
                    && agent
                        .iter()
                        .all(|p| p.connector == Some(GrammarKind::PassiveBefore))
                {
                    t = resolve(&prev_sources);
                }
                let a = if agentless {
                    place_agent
                        .into_iter()
                        .filter(|l| !t.iter().any(|p| p.actor.code == l.actor.code))
                        .collect()
                } else {
                    resolve(&agent)
                };
                (a, t, Vec::new())
            } else {
                let s = resolve(&subj);
                let mut t = resolve(&tgt);
                // two parties acting together on a plain object (Putin and Bush discussed Iran,
                // 美俄讨论叙利亚问题): the object is what they acted on, not a third party
                // (two distinct codes among them)
                let group = s.iter().any(|p| p.actor.code != s[0].actor.code);
                if !(group && matches!(action.frame, Frame::Sym | Frame::Meet)) {
                    t.extend(resolve(&obj));
                }
                t.extend(resolve(&partner));
                let mut all = s.clone();
                all.extend(t.iter().cloned());
                (s, t, all)
            };
            // 被关押在俄罗斯的美国公民获释, Americans held in Russia were released: with no target,
            // the state where the released were held released them
            let held = action.cameo.starts_with("084")
                && action.frame == Frame::Dir
                && !passive
                && !inherited
                && !topic
                && targets.is_empty()
                && !sources.is_empty();
            let held_in = if held { resolve(&loc) } else { Vec::new() };
            let (sources, targets) = if held_in.is_empty() {
                (sources, targets)
            } else {
                (held_in, sources)
            };
            let mut code = action.cameo.clone();
            let mut frame_why: String;
            let mut pairs: Vec<(Party, Party)> = Vec::new();
            let sym = matches!(action.frame, Frame::Sym | Frame::Meet);
            let group_subject = sources.len() >= 2 && targets.is_empty();
            if (sym && !passive) || group_subject {
                let mut ps: Vec<Party> = Vec::new();
                for p in if sym { participants } else { sources.clone() } {
                    if !ps.iter().any(|q| q.actor.code == p.actor.code) {
                        ps.push(p);
                    }
                }
                // a long list (7国在安卡拉进行囚犯交换) is kept whole: the document's context
                // pass narrows a multilateral act to the pair the document is about
                ps.truncate(MAX_PARTICIPANTS);
                // 特朗普分别与普京和泽连斯基通电话: the subject with each partner, not the
                // partners with each other
                let from_subject: HashSet<&str> =
                    sources.iter().map(|p| p.actor.code.as_str()).collect();
                let others = ps
                    .iter()
                    .any(|p| !from_subject.contains(p.actor.code.as_str()));
                let star = sym && !from_subject.is_empty() && others;
                for a in &ps {
                    for b in &ps {
                        let linked = !star
                            || from_subject.contains(a.actor.code.as_str())
                            || from_subject.contains(b.actor.code.as_str());
                        if a.actor.code != b.actor.code && linked {
                            pairs.push((a.clone(), b.clone()));
                        }
                    }
                }
                frame_why = if sym {
                    "symmetric cue: both directions".into()
                } else {
                    "group subject: both directions".into()
                };
                if action.frame == Frame::Meet {
                    let in_pair: HashSet<&str> = ps.iter().map(|p| p.actor.code.as_str()).collect();
                    if let Some(l) = resolve(&loc)
                        .into_iter()
                        .find(|l| !in_pair.contains(l.actor.code.as_str()))
                    {
                        code = "044".into();
                        frame_why.push_str(&format!("; third location {} → 044", l.actor.code));
                    }
                }
            } else {
                // a visit or deployment "to/in X" with no other target: the place is the target
                // likewise a withdrawal "in/from" a treaty: suspended its participation in New START,
                // and force sent into a state (ввела войска в Грузию, invaded into)
                let visit = ["04", "15", "16", "17", "18", "19", "20"]
                    .iter()
                    .any(|r| action.cameo.starts_with(r));
                let targets = if targets.is_empty() && !passive && visit {
                    resolve(&loc)
                } else {
                    targets
                };
                for a in &sources {
                    for b in &targets {
                        if a.actor.code != b.actor.code {
                            pairs.push((a.clone(), b.clone()));
                        }
                    }
                }
                frame_why = if passive {
                    "passive: agent → patient".into()
                } else {
                    "directed: subject → target".into()
                };
            }
            // 《开放天空条约》于1992年签署: a treaty described by the year of its signing, an
            // earlier one, with no party named beside it, is background, no act
            let described = action.cameo.starts_with("057")
                && ctx.document.is_some_and(|d| date.y() < d.y())
                && date.precision() == Precision::Year
                && subj
                    .iter()
                    .chain(&tgt)
                    .chain(&partner)
                    .chain(&obj)
                    .all(|p| self.is_treaty(p));
            if described {
                pairs.clear();
            }
            if pairs.is_empty() {
                if !subj.is_empty() && !passive {
                    prev_sources = subj.clone(); // 特朗普被迫签署的对俄制裁: 制裁 shares 特朗普
                }
                // "spoke with Putin by phone": a more specific cue of the same root refines the last one
                let root = action.cameo.get(..2).unwrap_or("");
                if sym && action.cameo.len() > 2 && !action.cameo.ends_with('0') {
                    if let Some(row) = self.dict.codes.get(&action.cameo) {
                        for e in events[last_cue_events..]
                            .iter_mut()
                            .filter(|e| e.cameo.starts_with(root) && e.cameo.ends_with('0'))
                        {
                            e.cameo = action.cameo.clone();
                            e.quad_class = row.quad_class;
                            e.goldstein = row.goldstein;
                            e.plover = row.plover.clone();
                            e.plover_mode = row.plover_mode.clone();
                            e.explain.push_str(&format!(
                                "; refined by cue `{}` {}",
                                action.pattern, action.origin
                            ));
                        }
                    }
                }
                continue;
            }
            last_cue_events = events.len();
            consumed.extend(obj.iter().chain(partner.iter()).map(|p| p.start));
            if !obj.is_empty() {
                prev_objects = obj.clone();
            }
            prev_subject = if passive && !agentless {
                agent.clone()
            } else {
                subj.clone()
            };
            prev_sources = if agentless {
                // 被关押在俄罗斯的美国公民获释: the patients go on as the next verb's subject
                subj.clone()
            } else if passive {
                agent.clone()
            } else if sym {
                subj.iter()
                    .chain(partner.iter())
                    .chain(tgt.iter())
                    .chain(obj.iter())
                    .cloned()
                    .collect()
            } else {
                subj.clone()
            };
            // modality
            let Modality {
                negated,
                hypothetical,
                stated,
                why: mod_why,
            } = self.modality(toks, chars, k, cue);
            // "ready to cooperate with Moscow": the act is a plan, saying so a factual expression
            // of intent (03x) by the subject
            let stated = stated.filter(|_| !action.negated && !ahead);
            let subject_codes: HashSet<&str> =
                sources.iter().map(|p| p.actor.code.as_str()).collect();
            // a question asserts no act (do you see this as a sign he is going to breach the
            // treaty?); what saying it does (a rhetorical reproach) is left to the context pass
            let asked = question
                && !m
                    .speech_roots
                    .iter()
                    .any(|r| action.cameo.starts_with(r.as_str()));
            let (negated, hypothetical) = (
                negated || action.negated,
                hypothetical || action.hypothetical || ahead || asked || alleged,
            );
            let Some(row) = self.dict.codes.get(&code) else {
                continue;
            };
            let kw = kw_domains.get_or_insert_with(|| self.keyword_domains(m, folded));
            let domains_base = self.domains(kw, &code);
            let span = (chars.at(cue.start), chars.at(cue.span_end));
            // the explain entries every event of the cue shares, before and after its parties
            let cue_why = format!(
                "cue `{}` → {} {} ({:?})",
                text_of(cue.start, cue.span_end),
                action.cameo,
                action.origin,
                action.frame
            );
            let mut rest_why = frame_why;
            for w in [
                inherited.then_some("subject shared with the previous cue"),
                own_agent
                    .then_some("subject: the actor right after the act noun, before its target"),
                topic.then_some("subject: the topic of the sentence's first clause"),
                Some(date_why.as_str()),
                ahead.then_some("hypothetical: its date lies after the document's"),
                alleged.then_some(
                    "hypothetical: the act a criticism or an accusation right before it judges \
                     (alleged, not reported as done)",
                ),
            ]
            .into_iter()
            .flatten()
            .chain(mod_why.iter().map(String::as_str))
            {
                rest_why.push_str("; ");
                rest_why.push_str(w);
            }
            for (a, b) in pairs {
                let mut domains = domains_base.clone();
                for c in &codes_here {
                    if *c != a.actor.code
                        && *c != b.actor.code
                        && self.dict.domains.contains_key("third-party")
                    {
                        domains.insert(format!("third-party:{c}"));
                    }
                }
                if (a.rank == 1 || b.rank == 1) && self.dict.domains.contains_key("leaders") {
                    domains.insert("leaders".into());
                }
                let mut explain = String::with_capacity(
                    cue_why.len() + a.why.len() + b.why.len() + rest_why.len() + 20,
                );
                for w in [
                    cue_why.as_str(),
                    "; source ",
                    &a.why,
                    "; target ",
                    &b.why,
                    "; ",
                    &rest_why,
                ] {
                    explain.push_str(w);
                }
                let ev = CodedEvent {
                    date,
                    source: a.actor,
                    target: b.actor,
                    cameo: code.clone(),
                    quad_class: row.quad_class,
                    goldstein: row.goldstein,
                    plover: row.plover.clone(),
                    plover_mode: row.plover_mode.clone(),
                    negated,
                    hypothetical,
                    domains: domains.into_iter().collect(),
                    span,
                    explain,
                };
                // one meeting of a pair in a sentence: 开始谈判，讨论…, met and held talks
                let one_meeting = |a: &str, b: &str| {
                    a.starts_with("04")
                        && b.starts_with("04")
                        && a.starts_with("041") == b.starts_with("041")
                };
                // 驱逐60人并关闭总领馆: closing a mission is an act apart from expelling people
                let dup = events.iter().any(|e| {
                    e.source.code == ev.source.code
                        && e.target.code == ev.target.code
                        && apart_spans.contains(&e.span) == action.apart
                        && (e.cameo == ev.cameo || one_meeting(&e.cameo, &ev.cameo))
                        && e.date == ev.date
                        && e.negated == ev.negated
                        && e.hypothetical == ev.hypothetical
                });
                let intent_ev = stated
                    .as_ref()
                    .filter(|_| {
                        subject_codes.is_empty() || subject_codes.contains(ev.source.code.as_str())
                    })
                    .and_then(|st| {
                        let c = st.code;
                        let row = self.dict.codes.get(c)?;
                        let mut e = ev.clone();
                        e.cameo = c.to_string();
                        e.quad_class = row.quad_class;
                        e.goldstein = row.goldstein;
                        e.plover = row.plover.clone();
                        e.plover_mode = row.plover_mode.clone();
                        e.hypothetical = false;
                        e.explain = format!(
                            "{}; {} → {c}",
                            e.explain
                                .split("; hypothetical by")
                                .next()
                                .unwrap_or_default(),
                            st.why
                        );
                        Some(e)
                    });
                if !dup {
                    if action.apart {
                        apart_spans.push(ev.span);
                    }
                    events.push(ev);
                }
                if let Some(e) = intent_ev {
                    if !events.iter().any(|x| {
                        x.source.code == e.source.code
                            && x.target.code == e.target.code
                            && x.cameo == e.cameo
                    }) {
                        events.push(e);
                    }
                }
            }
        }
        // 双方达成协议，同意在十年内裁减…: what a pair agrees to in the sentence of its agreement is
        // the agreement's content, one act with it
        {
            let signed: Vec<(String, String, bool, bool)> = events
                .iter()
                .filter(|e| e.cameo.starts_with("057"))
                .map(|e| {
                    (
                        e.source.code.clone(),
                        e.target.code.clone(),
                        e.negated,
                        e.hypothetical,
                    )
                })
                .collect();
            events.retain(|e| {
                !(e.cameo.starts_with("03")
                    && signed.iter().any(|(a, b, n, h)| {
                        *a == e.source.code
                            && *b == e.target.code
                            && *n == e.negated
                            && *h == e.hypothetical
                    }))
            });
        }
        if let Some(f) = facts {
            action_idx.retain(|k| !settled.contains(k));
            let passives: Vec<bool> = action_idx
                .iter()
                .map(|&k| {
                    passive_cues.contains(&k)
                        || matches!(&toks[k], Tok::Action(c)
                            if matches!(c.entry, Entry::Action(ai) if self.dict.actions[ai].passive))
                })
                .collect();
            self.fill_facts(
                f,
                toks,
                &phrase_codes,
                base.as_ref(),
                chars,
                &action_idx,
                &passives,
                &events,
                &dates,
                &report_date,
                ctx,
                question.then_some(m.speech_roots.as_slice()),
            );
        }
        // carry the running date and the pair to the next sentence
        if let Some((d, _)) = dates
            .iter()
            .zip(&report_date)
            .rev()
            .find(|(d, &r)| !r && !d.since && d.date.is_some())
        {
            ctx.last = d.date;
            ctx.stale = 0;
            ctx.last_paragraph = ctx.paragraph;
        } else {
            ctx.stale = ctx.stale.saturating_add(1);
        }
        if let Some(d) = dates.iter().rev().find(|d| !d.since && d.date.is_some()) {
            ctx.anchor = d.date;
        }
        if let Some(e) = events.iter().find(|e| !e.negated && !e.hypothetical) {
            ctx.pair = Some((e.source.code.clone(), e.target.code.clone()));
        } else if codes_here.len() == 2 {
            ctx.pair = Some((codes_here[0].to_string(), codes_here[1].to_string()));
        }
        events
    }

    /// Negation and modality of the verb cue `toks[k]`: the cues before it within their window
    /// (and, for clause-scoped cues, in its clause), with their explain entries.
    /// Whether the act cue `toks[i]` names the subject of a noun of talks or of an agreement
    /// right after it (换囚谈判, 停火协议, ceasefire talks): 04x and 057 cues are that noun.
    fn names_talks(
        &self,
        m: &LangMatcher,
        folded: &str,
        toks: &[Tok],
        i: usize,
        cue: &Item,
    ) -> bool {
        let Entry::Action(ai) = cue.entry else {
            return false;
        };
        let talks = |c: &str| c.starts_with("04") || c == "057";
        if talks(&self.dict.actions[ai].cameo) || cue.span_end != cue.end {
            return false;
        }
        let Some(Tok::Action(next)) = toks[i + 1..].iter().find(|t| matches!(t, Tok::Action(_)))
        else {
            return false;
        };
        let Entry::Action(ni) = next.entry else {
            return false;
        };
        let gap = folded.get(cue.end..next.start).unwrap_or("x");
        let adjacent = if m.analyzer.is_cjk() {
            gap.is_empty()
        } else {
            gap == " "
        };
        adjacent && talks(&self.dict.actions[ni].cameo)
    }

    fn modality(&self, toks: &[Tok], chars: &CharIdx, k: usize, cue: &Item) -> Modality {
        let (mut negated, mut hypothetical) = (false, false);
        let mut announced: Option<usize> = None;
        let mut intent: Option<usize> = None;
        let mut mod_why = Vec::new();
        for (j, t) in toks.iter().enumerate().take(k) {
            let Tok::Modal(mi) = t else { continue };
            let Entry::Modal(idx) = mi.entry else {
                continue;
            };
            let me = &self.dict.modality[idx];
            if mi.end > cue.start {
                continue;
            }
            let dist = chars.at(cue.start) - chars.at(mi.end);
            if dist > me.window {
                continue;
            }
            if matches!(me.scope, Scope::Clause | Scope::After)
                && toks[j + 1..k]
                    .iter()
                    .any(|t| matches!(t, Tok::Gram(GrammarKind::Break, _)))
            {
                continue;
            }
            match me.flag {
                Flag::Negated => negated = true,
                Flag::Hypothetical => hypothetical = true,
                Flag::Intent => {
                    hypothetical = true;
                    intent = Some(idx);
                }
                Flag::Announced => {
                    announced = Some(idx);
                    continue;
                }
            }
            mod_why.push(format!(
                "{} `{}` {}",
                if me.flag == Flag::Negated {
                    "negated by"
                } else {
                    "hypothetical by"
                },
                me.cue,
                me.origin
            ));
        }
        // a predicate after the act in its clause, before any other act (the summit will take
        // place, саммит состоится); such a cue also governs acts after it, like a clause cue
        for t in toks.iter().skip(k + 1) {
            match t {
                Tok::Gram(GrammarKind::Break, _) | Tok::Action(_) => break,
                Tok::Modal(mi) => {
                    let Entry::Modal(idx) = mi.entry else {
                        continue;
                    };
                    let me = &self.dict.modality[idx];
                    if me.scope != Scope::After
                        || mi.start < cue.span_end
                        || chars.at(mi.start) - chars.at(cue.span_end) > me.window
                    {
                        continue;
                    }
                    match me.flag {
                        Flag::Negated => negated = true,
                        _ => hypothetical = true,
                    }
                    mod_why.push(format!(
                        "{} `{}` {} after the cue",
                        if me.flag == Flag::Negated {
                            "negated by"
                        } else {
                            "hypothetical by"
                        },
                        me.cue,
                        me.origin
                    ));
                }
                _ => {}
            }
        }
        // an announced one-sided measure (withdrawal, sanctions, expulsion, coercion) takes
        // effect as announced: "announced it will withdraw", 宣布将退出
        if let (Some(idx), true, Entry::Action(ai)) = (announced, hypothetical, &cue.entry) {
            let code = &self.dict.actions[*ai].cameo;
            if !negated && (code.starts_with("16") || code.starts_with("17")) {
                hypothetical = false;
                mod_why.retain(|w| !w.starts_with("hypothetical by"));
                let me = &self.dict.modality[idx];
                mod_why.push(format!(
                    "factual: an announced measure `{}` {}",
                    me.cue, me.origin
                ));
            }
        }
        // what saying it states: readiness to act is an expression of intent (03x)
        let code = match &cue.entry {
            Entry::Action(ai) => self.dict.actions[*ai].cameo.as_str(),
            _ => "",
        };
        let stated = intent
            .filter(|_| hypothetical && !negated)
            .and_then(|i| intent_code(code).map(|c| (i, c)))
            .filter(|(_, c)| self.dict.codes.get(c).is_some())
            .map(|(i, c)| {
                let me = &self.dict.modality[i];
                Stated {
                    code: c,
                    why: format!(
                        "intent: `{}` {} states the intent to act",
                        me.cue, me.origin
                    ),
                }
            });
        Modality {
            negated,
            hypothetical,
            stated,
            why: mod_why,
        }
    }

    /// Collects what the sentence names for the context pass (see [`SentenceFacts`]).
    #[allow(clippy::too_many_arguments)]
    fn fill_facts<'s>(
        &'s self,
        f: &mut SentenceFacts<'s>,
        toks: &[Tok],
        // the codes of each actor phrase (`Coder::codes_of` at the sentence's base date), by token index
        phrase_codes: &[(usize, &'s str)],
        // the sentence's base date, at which a person's position is read
        base: Option<&EventDate>,
        chars: &CharIdx,
        action_idx: &[usize],
        // whether each cue of `action_idx` is an agentless passive
        passives: &[bool],
        events: &[CodedEvent],
        dates: &[DateTok],
        report_date: &[bool],
        ctx: &DateContext,
        // in a question: the CAMEO roots of speech acts, which a question can still make
        asked: Option<&[String]>,
    ) {
        let mut codes = phrase_codes.iter().peekable();
        f.actors.reserve(phrase_codes.len());
        f.cues.reserve(action_idx.len());
        for (ti, t) in toks.iter().enumerate() {
            match t {
                Tok::Actor(p) => {
                    let key = p
                        .members
                        .iter()
                        .find_map(|&i| match &self.dict.actors[i].kind {
                            ActorKind::Person(k) => Some(k.as_str()),
                            _ => None,
                        });
                    let person = key.is_some();
                    let position = key.and_then(|k| self.position_of(k, base));
                    let span = (chars.at(p.start), chars.at(p.end));
                    let connector = p.connector;
                    while let Some(&(_, c)) = codes.next_if(|&&(i, _)| i == ti) {
                        f.actors.push(Mention {
                            code: c,
                            span,
                            person,
                            position,
                            connector,
                        });
                    }
                }
                Tok::Gram(GrammarKind::Report, g) => {
                    f.reports.push((chars.at(g.start), chars.at(g.end)));
                }
                Tok::Modal(mi) => {
                    if matches!(mi.entry, Entry::Modal(i) if self.dict.modality[i].flag == Flag::Negated)
                    {
                        f.negations.push((chars.at(mi.start), chars.at(mi.end)));
                    }
                }
                _ => {}
            }
        }
        for (&k, &passive) in action_idx.iter().zip(passives) {
            let Tok::Action(cue) = &toks[k] else { continue };
            let Entry::Action(ai) = cue.entry else {
                continue;
            };
            let action = &self.dict.actions[ai];
            let span = (chars.at(cue.start), chars.at(cue.span_end));
            let coded = events.iter().any(|e| e.span == span);
            // a coded cue's modality is in its events; only an uncoded one needs it here
            let Modality {
                negated,
                hypothetical,
                stated,
                why: modality,
            } = if coded {
                Modality::default()
            } else {
                self.modality(toks, chars, k, cue)
            };
            f.cues.push(CueFact {
                action: ai,
                cameo: &action.cameo,
                span,
                negated: negated || action.negated,
                hypothetical: hypothetical
                    || action.hypothetical
                    || asked.is_some_and(|roots| {
                        !roots.iter().any(|r| action.cameo.starts_with(r.as_str()))
                    }),
                modality,
                stated,
                coded,
                passive,
            });
        }
        for (d, &r) in dates.iter().zip(report_date) {
            if d.since || d.date.is_none() {
                continue;
            }
            if r {
                f.report_date = f.report_date.or(d.date);
            } else if f.date.is_none() {
                f.date = d.date;
                f.date_at = Some(chars.at(d.start));
            }
        }
        f.running = if ctx.stale < DateContext::RUNNING_REACH && ctx.same_paragraph() {
            ctx.last
        } else {
            None
        };
    }

    fn keyword_domains(&self, m: &LangMatcher, folded: &str) -> BTreeSet<String> {
        let mut out = BTreeSet::new();
        if let Some(ac) = &m.kw_ac {
            for hit in ac.find_overlapping_iter(folded) {
                for &i in &m.kw[hit.pattern().as_usize()] {
                    out.insert(self.dict.keywords[i].domain.clone());
                }
            }
        }
        out
    }

    fn domains(&self, keywords: &BTreeSet<String>, code: &str) -> BTreeSet<String> {
        let mut out = keywords.clone();
        for k in self.dict.keywords.iter().filter(|k| k.lang == "cameo") {
            if code.starts_with(k.keyword.as_str()) {
                out.insert(k.domain.clone());
            }
        }
        out
    }
}

/// Byte spans `[open, close]` of the closed round brackets of `text` (ASCII and full-width),
/// outermost pairs only.
fn bracket_spans(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    open = Some(i);
                }
                depth += 1;
            }
            ')' | '）' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    if let Some(a) = open.take() {
                        out.push((a, i));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// A set of character pairs as a sorted list: looked up for every one-character abbreviation,
/// where a binary search over a few hundred pairs beats hashing each pair.
#[derive(Debug, Default)]
struct CharPairs(Vec<(char, char)>);

impl CharPairs {
    #[inline]
    fn contains(&self, pair: &(char, char)) -> bool {
        self.0.binary_search(pair).is_ok()
    }
}

impl FromIterator<(char, char)> for CharPairs {
    fn from_iter<I: IntoIterator<Item = (char, char)>>(iter: I) -> Self {
        let mut v: Vec<(char, char)> = iter.into_iter().collect();
        v.sort_unstable();
        v.dedup();
        CharPairs(v)
    }
}

/// Short words of a grammar list, sorted, looked up by the first character of the text that
/// follows (one binary search instead of a scan of the whole list per actor phrase or cue).
#[derive(Debug, Default)]
struct PrefixList {
    words: Vec<String>,
    /// The first character of every word (`'\0'` for an empty word), in the same order.
    firsts: Vec<char>,
}

impl PrefixList {
    fn new(words: impl Iterator<Item = String>) -> Self {
        let mut words: Vec<String> = words.collect();
        words.sort();
        let firsts = words
            .iter()
            .map(|w| w.chars().next().unwrap_or('\0'))
            .collect();
        PrefixList { words, firsts }
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    fn has_empty(&self) -> bool {
        self.words.first().is_some_and(|w| w.is_empty())
    }

    /// Whether `hay` starts with one of the words.
    #[inline]
    fn any_prefix_of(&self, hay: &str) -> bool {
        if self.has_empty() {
            return true;
        }
        let Some(c) = hay.chars().next() else {
            return false;
        };
        let from = self.firsts.partition_point(|&f| f < c);
        self.firsts[from..]
            .iter()
            .zip(&self.words[from..])
            .take_while(|(&f, _)| f == c)
            .any(|(_, w)| starts_with_fast(hay, w))
    }

    /// Whether one of the words occurs anywhere in `hay` (`hay.contains(word)` for any word).
    fn occurs_in(&self, hay: &str) -> bool {
        if self.has_empty() {
            return true;
        }
        hay.char_indices()
            .any(|(i, c)| self.firsts.binary_search(&c).is_ok() && self.any_prefix_of(&hay[i..]))
    }
}

/// Character positions of a folded sentence, counted only when asked (most sentences name no
/// event and never need one): the folded text keeps the original's characters one to one.
struct CharIdx<'a> {
    folded: &'a str,
    orig: &'a str,
    /// Folding left the text as it was (same bytes).
    same: bool,
    /// For long or folded sentences, built on first use: the character index of every folded
    /// byte (and the end), and the original byte offset of every character (and the end).
    tables: std::cell::OnceCell<(Vec<u32>, Vec<u32>)>,
    /// The last byte asked of [`CharIdx::at`] and its character index: lookups come mostly in
    /// reading order, so the next one counts only the characters in between.
    last: std::cell::Cell<(usize, usize)>,
}

impl<'a> CharIdx<'a> {
    /// Sentences up to this many bytes count characters directly.
    const SHORT: usize = 256;

    fn new(folded: &'a str, orig: &'a str) -> Self {
        CharIdx {
            folded,
            orig,
            same: std::ptr::eq(folded, orig),
            tables: std::cell::OnceCell::new(),
            last: std::cell::Cell::new((0, 0)),
        }
    }

    fn tables(&self) -> &(Vec<u32>, Vec<u32>) {
        self.tables.get_or_init(|| {
            let mut char_at = Vec::with_capacity(self.folded.len() + 1);
            let mut n = 0u32;
            for c in self.folded.chars() {
                for _ in 0..c.len_utf8() {
                    char_at.push(n);
                }
                n += 1;
            }
            char_at.push(n);
            let mut orig_at: Vec<u32> = self.orig.char_indices().map(|(b, _)| b as u32).collect();
            orig_at.push(self.orig.len() as u32);
            (char_at, orig_at)
        })
    }

    /// The character index of byte `b` of the folded text.
    #[inline]
    fn at(&self, b: usize) -> usize {
        let bytes = self.folded.as_bytes();
        let (lb, lc) = self.last.get();
        let n = if b >= lb {
            lc + char_count(&bytes[lb..b])
        } else if b >= lb / 2 {
            lc - char_count(&bytes[b..lb])
        } else {
            char_count(&bytes[..b])
        };
        self.last.set((b, n));
        n
    }

    /// The original character at folded byte `b`.
    fn orig_char(&self, b: usize) -> Option<char> {
        if self.same {
            return self.folded.get(b..)?.chars().next();
        }
        let ci = self.at(b);
        if self.folded.len() <= Self::SHORT {
            self.orig.chars().nth(ci)
        } else {
            let (_, orig_at) = self.tables();
            self.orig.get(*orig_at.get(ci)? as usize..)?.chars().next()
        }
    }

    /// The original text of the folded byte range `[a, b)`.
    fn text(&self, a: usize, b: usize) -> String {
        if self.same {
            return self.folded[a..b].to_string();
        }
        let (char_at, orig_at) = self.tables();
        let (ca, cb) = (char_at[a] as usize, char_at[b] as usize);
        self.orig[orig_at[ca] as usize..orig_at[cb] as usize].to_string()
    }
}

/// The number of characters in UTF-8 `bytes` (lead bytes only).
#[inline]
fn char_count(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Whether `s` is exactly one character (a one-character abbreviation: 美, 俄).
#[inline]
fn is_one_char(s: &str) -> bool {
    let mut it = s.chars();
    it.next().is_some() && it.next().is_none()
}

/// `hay.starts_with(needle)` for the short needles of the grammar lists, byte by byte (no call
/// per comparison: most candidates differ in their first or second byte).
#[inline]
fn starts_with_fast(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    h.len() >= n.len() && h.iter().zip(n).all(|(a, b)| a == b)
}

/// `YYYY-MM-DD` or `DD.MM.YYYY` starting at byte `s`.
fn full_date(t: &str, s: usize) -> Option<(usize, EventDate)> {
    let b = t.as_bytes();
    let digits = |from: usize, n: usize| -> Option<u32> {
        let sl = b.get(from..from + n)?;
        if sl.iter().all(u8::is_ascii_digit) {
            std::str::from_utf8(sl).ok()?.parse().ok()
        } else {
            None
        }
    };
    let not_digit_after = |e: usize| !b.get(e).is_some_and(u8::is_ascii_digit);
    if let (Some(y), Some(b'-'), Some(mo), Some(b'-'), Some(d)) = (
        digits(s, 4),
        b.get(s + 4),
        digits(s + 5, 2),
        b.get(s + 7),
        digits(s + 8, 2),
    ) {
        if not_digit_after(s + 10) {
            return EventDate::day(y as i32, mo as u8, d as u8)
                .ok()
                .map(|e| (s + 10, e));
        }
    }
    if let (Some(d), Some(b'.'), Some(mo), Some(b'.'), Some(y)) = (
        digits(s, 2),
        b.get(s + 2),
        digits(s + 3, 2),
        b.get(s + 5),
        digits(s + 6, 4),
    ) {
        if not_digit_after(s + 10) {
            return EventDate::day(y as i32, mo as u8, d as u8)
                .ok()
                .map(|e| (s + 10, e));
        }
    }
    None
}

/// The end of `tail` if it starts within `window` characters after `from` with no clause break.
/// The negation and modality of a verb cue (see `Coder::modality`).
#[derive(Debug, Default)]
struct Modality {
    negated: bool,
    hypothetical: bool,
    /// What stating the act is: an expression of intent (03x).
    stated: Option<Stated>,
    /// Explain entries of the cues that set the flags.
    why: Vec<String>,
}

/// A factual act made by stating another as intended.
#[derive(Debug, Clone, PartialEq)]
pub struct Stated {
    /// Its CAMEO code (03x).
    pub code: &'static str,
    /// Which modality cue (with its file:line) made it.
    pub why: String,
}

/// The CAMEO "express intent" code (03x) of an act stated as intended: meetings and talks 036,
/// diplomatic cooperation 032, material cooperation 031, aid 033, concessions 035, agreement
/// and other cooperation 030 (CAMEO codebook, chapter 03). Acts of conflict have none: an
/// intended sanction or strike is a threat, which its own cues code.
fn intent_code(code: &str) -> Option<&'static str> {
    Some(match code.get(..2)? {
        "04" => "036",
        "05" if code.starts_with("057") => "030",
        "05" => "032",
        "06" => "031",
        "07" => "033",
        "08" => "035",
        _ => return None,
    })
}

fn find_tail(folded: &str, from: usize, tail: &str, window: usize) -> Option<usize> {
    let rest = folded.get(from..)?;
    let mut limit = rest.len();
    for (n, (b, c)) in rest.char_indices().enumerate() {
        if n > window
            || matches!(
                c,
                '，' | '。' | '；' | ',' | ';' | '.' | '!' | '?' | '！' | '？'
            )
        {
            limit = b;
            break;
        }
    }
    let hay = &rest[..limit];
    find_short(hay, tail).map(|p| from + p + tail.len())
}

/// `hay.find(needle)` by a plain scan: the needles here are a word or a bracket and the hay a
/// clause, where setting up the standard library's two-way searcher costs more than the search.
fn find_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(0);
    };
    (0..(h.len() + 1).saturating_sub(n.len())).find(|&i| h[i] == first && h[i..].starts_with(n))
}

/// `hay.rfind(needle)` by a plain scan (see [`find_short`]).
fn rfind_short(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some(&first) = n.first() else {
        return Some(h.len());
    };
    (0..(h.len() + 1).saturating_sub(n.len()))
        .rev()
        .find(|&i| h[i] == first && h[i..].starts_with(n))
}
