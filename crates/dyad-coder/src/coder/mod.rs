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
//!
//! Where each step lives: 1 and 2 in `matcher.rs` (compiling the literals) and `scan.rs`
//! (finding them), 3 in `tokens.rs`; 4 to 6 in `Coder::assemble`, which runs the stages of
//! `dates_pass.rs`, `parties.rs`, `cues.rs`, then for each act cue `sides.rs`, `cue_date.rs`,
//! `frames.rs`, `modality.rs` and `emit.rs`, and last `post.rs`. `clues.rs` holds the tests of
//! the words around a cue, `text.rs` the helpers over the folded text.

use crate::analyzer::{AlphabeticAnalyzer, Analyzer, CjkAnalyzer};
use crate::dates::{self, Atom, DateContext, RawDate};
use crate::dict::{
    ActionEntry, ActorKind, Anchor, DateKind, Dictionaries, Flag, Frame, GrammarKind, Scope, Unit,
};
use crate::trie::CharTrie;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dyad_model::{ActorRef, EventDate, Lang, Origin, Precision};
use serde::Serialize;
use std::collections::{BTreeSet, HashMap, HashSet};

mod clues;
mod cue_date;
mod cues;
mod dates_pass;
mod emit;
mod frames;
mod matcher;
mod members;
mod modality;
mod names;
mod parties;
mod post;
mod scan;
mod sides;
mod text;
mod tokens;

use cue_date::CueDate;
use cues::ActCues;
use dates_pass::{own_dates, Reports, SentenceDates};
use frames::{CueParties, Paired};
use matcher::{CharPairs, PrefixList};
use members::Members;
use modality::Modality;
pub use modality::Stated;
pub(crate) use names::is_cjk_ideograph;
pub use names::{DocNames, LearnedName};
use parties::Named;
use post::{carry_context, drop_bloc_pairs, drop_implied_acts};
pub(crate) use post::{AGREED_AWAY, AGREED_REACH};
use sides::{CueMemory, Sides};
use text::{
    char_count, find_short, find_tail_past, is_one_char, rfind_short, starts_with_fast, CharIdx,
};

/// One sentence as the stages of [`Coder::assemble`] read it: its language's matcher, its folded
/// text with its character positions, and its tokens.
struct Sentence<'a> {
    m: &'a LangMatcher,
    folded: &'a str,
    chars: &'a CharIdx<'a>,
    toks: &'a [Tok],
    /// The sentence ends with a question mark (before closing quotes and brackets).
    question: bool,
    /// The sentence's keyword domains, found once on the first event.
    keywords: std::cell::OnceCell<BTreeSet<String>>,
}

impl<'a> Sentence<'a> {
    fn new(m: &'a LangMatcher, folded: &'a str, chars: &'a CharIdx<'a>, toks: &'a [Tok]) -> Self {
        let question = folded
            .trim_end_matches(|c: char| {
                c.is_whitespace()
                    || matches!(c, '”' | '"' | '\'' | '’' | '」' | '』' | '»' | ')' | '）')
            })
            .ends_with(['?', '？']);
        Sentence {
            m,
            folded,
            chars,
            toks,
            question,
            keywords: std::cell::OnceCell::new(),
        }
    }

    /// Whether the sentence opens with a relative connective (随后, then), which carries the
    /// running date across a paragraph.
    fn opens_with_connective(&self) -> bool {
        let (m, folded) = (self.m, self.folded);
        let t = folded.trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(
                    c,
                    '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」' | '『' | '』' | '（' | '('
                )
        });
        m.continues.any_prefix_of(t)
    }
}

/// One act cue of a sentence being coded.
struct Cue<'a> {
    /// Its rank among the sentence's act cues.
    n: usize,
    /// Its token index.
    k: usize,
    item: &'a Item,
    action: &'a ActionEntry,
}

/// What every cue of a sentence reads of its dates and reports.
struct Dating<'a> {
    dates: Vec<DateTok>,
    /// Whether each date of `dates` dates a report rather than an act.
    report_date: Vec<bool>,
    reports: Reports<'a>,
    /// The sentence names an event date of its own (not a report's, not a `since` date).
    own_dates: bool,
    /// The sentence opens with a relative connective (随后, then).
    opens: bool,
}

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
    /// Of those, the ones that name their source after them (`report` entries with value
    /// `after`: according to, по словам, 据): no actor before them speaks through them.
    pub attributions: Vec<(usize, usize)>,
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
    /// A line without clause punctuation read as a news headline (see [`Coder::analyze_line`]).
    pub headline: bool,
    /// Negation words of `modality/<lang>.tsv` (not, 不, не): character spans.
    pub negations: Vec<(usize, usize)>,
    /// Offices named without their state (Congress, МИД, 外交部, the Foreign Ministry: actor
    /// phrases of role words only).
    pub offices: Vec<Office<'c>>,
    /// Names the sentence introduces with their state (names.rs).
    pub names: Vec<LearnedName>,
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
    /// Byte span in the folded sentence.
    pub bytes: (usize, usize),
    /// The actor entry of its last role word (what a name it introduces stands for).
    pub agent: usize,
}

/// Why an act cue the sentence coder read gave no event (`dyad code --explain` says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missed {
    /// No date: the sentence names none for it and the running date does not reach it.
    Date,
    /// No party read around it in its clause.
    Parties,
    /// No subject: none before it in its clause, none it could share.
    Subject,
    /// No other party: nothing after it or marked as its target.
    Target,
    /// Its parties are one state (subject and target alike).
    Same,
}

impl Missed {
    /// What it was, for the explain trace.
    pub fn says(self) -> &'static str {
        match self {
            Missed::Date => {
                "no date: the sentence names none for it, and the running date does not reach it \
                 (another paragraph, more than two sentences back, or only a year or a month)"
            }
            Missed::Parties => "no party read around it in its clause",
            Missed::Subject => {
                "no subject: no actor before it in its clause, none shared from an earlier cue \
                 (a pronoun or an office is left to the document's context)"
            }
            Missed::Target => {
                "no other party: no actor after it or marked as its target (to, 对, против) in its \
                 clause"
            }
            Missed::Same => "its subject and its target are one state",
        }
    }

    /// Why the parties read around a cue made no pair.
    fn of(parties: &CueParties) -> Missed {
        match (parties.sources.is_empty(), parties.targets.is_empty()) {
            (true, true) => Missed::Parties,
            (true, false) => Missed::Subject,
            (false, true) => Missed::Target,
            (false, false) => Missed::Same,
        }
    }
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
    /// For an uncoded cue the sentence coder read: why it gave no event.
    pub missed: Option<Missed>,
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
                c.missed.map_or(
                    "its parties could not be read around it (another clause, a topic, no date)",
                    Missed::says,
                )
            };
            parts.push(format!(
                "cue `{}` → {} {}: no event, {why}",
                slice(c.span),
                c.cameo,
                a.origin
            ));
        }
        if let Some(&(at, end)) = self.reports.first() {
            // who speaks: an actor, an office or a pronoun before the verb (or, for an
            // attribution, after it); else the speaker is a name no dictionary knows
            let pronoun = self.words.iter().any(|&(i, (_, b))| {
                b <= at && matches!(dict.context[i].kind, crate::dict::ContextKind::Pronoun(_))
            });
            let speaker = self.actors.iter().any(|m| m.span.1 <= at)
                || self.offices.iter().any(|o| o.span.1 <= at)
                || self.actors.iter().any(|m| m.span.0 >= end)
                    && (self.attributions.contains(&(at, end)) || !text.contains(['，', '。']))
                || pronoun;
            let stance = self
                .words
                .iter()
                .any(|&(i, _)| matches!(dict.context[i].kind, crate::dict::ContextKind::Stance(_)));
            parts.push(if !speaker {
                format!(
                    "reporting verb `{}`: no speaker named before it (a person the dictionaries \
                     do not know: add them to dictionaries/actors/people.tsv)",
                    slice((at, end))
                )
            } else if stance {
                format!(
                    "reporting verb `{}`: a speaker and stance words, but no other party of the \
                     document that the statement is about",
                    slice((at, end))
                )
            } else {
                format!(
                    "reporting verb `{}`: a statement needs a stance word (dictionaries/context/)",
                    slice((at, end))
                )
            });
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

    /// Whether `events` (the events of its sentence) hold this event's mirror: the same cue
    /// and code the other way round, as a two-sided act (a meeting, a call, an agreement, an
    /// exchange) is coded.
    pub(crate) fn mirrored_in(&self, events: &[CodedEvent]) -> bool {
        events.iter().any(|r| {
            r.span == self.span
                && r.cameo == self.cameo
                && r.source.code == self.target.code
                && r.target.code == self.source.code
        })
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

/// The most characters (an article, an adjective, a state's name) between a verb of reaction and
/// a measure it reacts to (condemned the new US sanctions, ответит на новые санкции Вашингтона).
const OBJECT_GAP: usize = 16;

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
    /// Abbreviations read only inside a listed compound (亚, 阿).
    compound_only: Vec<char>,
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
    /// Setting words (grammar kind `setting`), folded.
    settings: Vec<String>,
    /// Numeral characters of a date (dates kind `numeral`): 十四日, 二〇二三年.
    numerals: Vec<(char, u8)>,
    /// Words after a numeral's day mark, or before the numeral, that make it a count of days.
    count_after: Vec<String>,
    count_before: Vec<String>,
    glue: Vec<String>,
    /// The single words of the language's and-words and with-words (and, together with, с,
    /// вместе с): what may stand between a subject and a partner that joins it.
    joiners: Vec<String>,
    /// Glue words after which a state is where the phrase before them is posted (美国驻俄罗斯
    /// 大使: the US ambassador; Russia is his post, no party of the phrase).
    posted: Vec<String>,
    /// Characters that spell foreign names (grammar kind `transliteration`).
    transliteration: HashSet<char>,
    /// Characters that open a Chinese, Korean or Vietnamese personal name (grammar kind
    /// `surname`).
    surnames: HashSet<char>,
    /// Numerals and measure words of a count (grammar kind `count`), longest first.
    counts: Vec<String>,
    /// Endings of a word that opens an aside between commas (grammar kind `participle`).
    participles: Vec<String>,
    /// Endings of a short passive participle (grammar kind `short-passive`).
    short_passives: Vec<String>,
    /// Quotation marks (context kind `quote`): whether each opens, closes, or both.
    quote_marks: Vec<(char, crate::dict::QuoteKind)>,
    /// Words of reciprocity (grammar kind `reciprocal`), folded.
    reciprocals: Vec<String>,
    /// The actor entry of the language that names the pair of the context (两国, the two
    /// sides): what a reference opened by a `pair-open` word stands for.
    pair_actor: Option<usize>,
    /// Endings of a deverbal noun (grammar kind `nominalization`).
    nominalizations: Vec<String>,
    /// Case endings of the instrumental (grammar kind `instrumental`).
    instrumentals: Vec<String>,
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
    /// Document nouns with their joining word (statement of): a date after one names the
    /// document.
    dated_nouns: Vec<String>,
    /// Words that open a reported clause, in the order they are stripped (that, the; что).
    complementisers: Vec<String>,
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
    langs: crate::fasthash::FastMap<String, LangMatcher>,
    /// The stance model, trained from `dict.stance` when first asked.
    stance: std::sync::OnceLock<crate::stance::StanceModel>,
    /// The languages `dict.stance` holds labelled sentences of.
    stance_langs: Vec<String>,
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
    members: Members,
    connector: Option<GrammarKind>,
    /// The grammar entry of the connector word, when one was read.
    connector_word: Option<usize>,
    /// The state where the phrase's envoy or mission is posted (泰国驻柬埔寨大使: Cambodia), an
    /// actor entry; the phrase names its own state.
    post: Option<usize>,
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

impl Coder {
    /// Compiles one matcher per language that has a `grammar/<lang>.tsv`.
    pub fn new(dict: &Dictionaries) -> Result<Coder, CoderError> {
        let dict = dict.clone();
        let mut langs = crate::fasthash::FastMap::default();
        for lang in dict.languages() {
            let m = Self::build_lang(&dict, &lang).map_err(|msg| CoderError::Build {
                lang: lang.clone(),
                msg,
            })?;
            langs.insert(lang, m);
        }
        let mut stance_langs: Vec<String> = Vec::new();
        for e in &dict.stance {
            if !stance_langs.contains(&e.lang) {
                stance_langs.push(e.lang.clone());
            }
        }
        Ok(Coder {
            dict,
            langs,
            stance: std::sync::OnceLock::new(),
            stance_langs,
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
        if !self.stance_langs.iter().any(|l| l == key) {
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
    /// Whether `before` (a sentence's text up to a party's name) ends with a deverbal noun and
    /// one space (grammar kind `nominalization` of any language that lists one: решение
    /// Алжира, введение Евросоюзом).
    pub(crate) fn ends_with_nominalization(&self, before: &str) -> bool {
        let lower = before.to_lowercase();
        self.langs
            .values()
            .any(|m| Self::after_nominalization(m, &lower, lower.len()))
    }

    pub fn speech_roots_of(&self, lang: Lang) -> &[String] {
        self.langs
            .get(lang.as_str())
            .map(|m| m.speech_roots.as_slice())
            .unwrap_or(&[])
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
        let items = self.matches(m, folded, &chars, None, None);
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
        self.analyze_with(sentence, ctx, &DocNames::default())
    }

    /// [`Coder::analyze`] with the names the sentence's document introduced ([`DocNames`]),
    /// found as their states.
    pub fn analyze_with(
        &self,
        sentence: &SentenceInput,
        ctx: &mut DateContext,
        names: &DocNames,
    ) -> (Vec<CodedEvent>, SentenceFacts<'_>) {
        self.analyze_line(sentence, ctx, names, false)
    }

    /// [`Coder::analyze_with`]; `headline`: the line opens a news document, before its first
    /// punctuated sentence, so that a Chinese line without clause punctuation that starts with
    /// a party (苏丹宣布与阿联酋断交, 菲律宾又向中国提抗议) is a headline naming the story's act,
    /// not a heading (a title that opens with a date or a noun, 2025年俄美峰会, names none).
    pub(crate) fn analyze_line(
        &self,
        sentence: &SentenceInput,
        ctx: &mut DateContext,
        names: &DocNames,
        headline: bool,
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
        let heading = Self::is_heading(m, folded);
        if heading && !(headline && Self::is_bare_line(m, folded)) {
            facts.heading = true;
            return (Vec::new(), facts);
        }
        let chars = CharIdx::new(folded, text);
        let names = Some((sentence.lang.as_str(), names));
        let items = self.matches(m, folded, &chars, Some(&mut facts.words), names);
        let toks = self.tokens(m, folded, &chars, items, Some(&mut facts.offices));
        let opens_with_party = self.opens_with_party(folded, &toks);
        if heading && !opens_with_party {
            facts.heading = true;
            return (Vec::new(), facts);
        }
        facts.headline = heading;
        facts.names = self.learn_names(
            m,
            folded,
            &chars,
            &toks,
            &facts.words,
            &facts.offices,
            sentence.lang.as_str(),
        );
        let events = self.assemble(m, folded, &chars, &toks, ctx, Some(&mut facts));
        (events, facts)
    }

    /// Codes the tokens of one sentence, stage by stage: its dates ([`Coder::resolve_dates`]),
    /// the codes it names and its pair ([`Coder::named_codes`]), the cues that name acts
    /// ([`Coder::act_cues`]), which dates date a report ([`Reports::mark_dates`]); then for
    /// every act cue its parties ([`Coder::read_sides`], [`Coder::borrow_subject`]), its date
    /// ([`Coder::cue_date`]), its voice and resolved parties ([`Coder::cue_parties`]), its pairs
    /// ([`Coder::pair_parties`]) and its events ([`Coder::emit_events`]); last the post-passes
    /// ([`drop_implied_acts`], [`Coder::collect_facts`], [`carry_context`]).
    fn assemble<'s>(
        &'s self,
        m: &LangMatcher,
        folded: &str,
        chars: &CharIdx,
        toks: &[Tok],
        ctx: &mut DateContext,
        facts: Option<&mut SentenceFacts<'s>>,
    ) -> Vec<CodedEvent> {
        let s = Sentence::new(m, folded, chars, toks);
        let SentenceDates { mut dates, base } = self.resolve_dates(&s, ctx);
        let named = self.named_codes(toks, base.as_ref(), facts.is_some());
        let pair = named.pair(ctx);
        let acts = self.act_cues(&s);
        let reports = Reports::of(toks, &acts.action_idx);
        let report_date = reports.mark_dates(folded, &mut dates, ctx);
        let dating = Dating {
            own_dates: own_dates(&dates, &report_date),
            opens: s.opens_with_connective(),
            dates,
            report_date,
            reports,
        };
        let mut memory = CueMemory::default();
        let mut events: Vec<CodedEvent> = Vec::new();
        for (n, &k) in acts.action_idx.iter().enumerate() {
            let Tok::Action(item) = &toks[k] else {
                continue;
            };
            let Entry::Action(ai) = item.entry else {
                continue;
            };
            let cue = Cue {
                n,
                k,
                item,
                action: &self.dict.actions[ai],
            };
            let mut sides = self.read_sides(&s, &acts, &cue, &memory.consumed, base.as_ref());
            self.borrow_subject(&s, &acts, &cue, &mut sides, &mut memory);
            let Some(when) = self.cue_date(&s, &dating, ctx, &cue, &sides) else {
                memory.missed.push((k, Missed::Date));
                let last = n + 1 == acts.action_idx.len();
                self.carry_undated(
                    &s,
                    &cue,
                    &sides,
                    ctx,
                    pair.as_ref(),
                    &mut memory,
                    (events.len(), last),
                );
                continue;
            };
            let mut parties =
                self.cue_parties(&s, &cue, &sides, &when.date, pair.as_ref(), &mut memory);
            let paired = self.pair_parties(
                &s,
                &cue,
                &sides,
                &mut parties,
                &when.date,
                pair.as_ref(),
                ctx,
            );
            if paired.pairs.is_empty() {
                memory.missed.push((k, Missed::of(&parties)));
                memory.after_unpaired(&sides, parties.passive);
                self.refine_last_cue(cue.action, &mut events[memory.last_cue_events..]);
                continue;
            }
            memory.after_paired(&sides, &parties, cue.action, events.len());
            self.emit_events(
                &s,
                &cue,
                &when,
                &parties.sources,
                paired,
                &named.codes,
                &mut memory.apart_spans,
                &mut events,
                &sides,
            );
        }
        drop_implied_acts(&mut events);
        drop_bloc_pairs(&mut events);
        if let Some(f) = facts {
            let action_idx = acts.action_idx;
            self.collect_facts(
                f,
                &s,
                &named,
                base.as_ref(),
                action_idx,
                &memory,
                &events,
                &dating,
                ctx,
            );
        }
        carry_context(ctx, &dating, &events, &named.codes);
        events
    }
}

impl Coder {
    /// 包括3名美国公民、5名德国公民在内的16名被关押在俄罗斯的人员获释: an act the sentence does not
    /// date gives no event, but its parties still pass on to the next cue, as a dated act's do
    /// (the sentence's last cue has no next: only its voice is noted, for the context pass).
    #[allow(clippy::too_many_arguments)]
    fn carry_undated(
        &self,
        s: &Sentence,
        cue: &Cue,
        sides: &Sides,
        ctx: &DateContext,
        pair: Option<&(String, String)>,
        memory: &mut CueMemory,
        (events, last): (usize, bool),
    ) {
        let Some(date) = ctx.base().or(ctx.document) else {
            return;
        };
        let mut parties = self.cue_parties(s, cue, sides, &date, pair, memory);
        if last {
            return;
        }
        let paired = self.pair_parties(s, cue, sides, &mut parties, &date, pair, ctx);
        if paired.pairs.is_empty() {
            memory.after_unpaired(sides, parties.passive);
        } else {
            memory.after_paired(sides, &parties, cue.action, events);
        }
    }
}

/// Helpers for the stages' unit tests: the coder over the built-in dictionaries, and sentences
/// read as the stages read them.
#[cfg(test)]
mod testing;

#[cfg(test)]
mod tests {
    use super::testing::with_sentence;
    use super::*;

    #[test]
    fn a_sentence_knows_its_question_mark_and_its_opening_connective() {
        with_sentence(
            Lang::En,
            "Did Russia criticize the United States?\"",
            |_, s| {
                assert!(s.question);
                assert!(!s.opens_with_connective());
            },
        );
        with_sentence(
            Lang::En,
            "Then Russia expelled American diplomats.",
            |_, s| {
                assert!(!s.question);
                assert!(s.opens_with_connective());
            },
        );
    }
}
