//! The document-level context pass: reads a document's sentences in order and codes what a
//! single sentence cannot say by itself.
//!
//! The sentence coder ([`Coder::analyze`]) codes each sentence from its own words and says what
//! it named ([`SentenceFacts`]). This pass then walks the document with a small memory:
//! - **the document's parties**: the states and organisations it names most (the headline and
//!   lede count double), so that an act without a named counterpart ("…was signed", "we believe
//!   this decision to be mistaken") gets the other party of the document;
//! - **the speaker**: who spoke last (the actor before a reporting verb, `"…," Bush said`), so
//!   that he, 他, он, a quotation that runs on, and "we" inside it are resolved;
//! - **the subject**: the first actor of the last sentence that named one.
//!
//! From these it adds two kinds of events:
//! 1. **statements**: a sentence with a reporting or speech verb (said, 表示, заявил; condemned,
//!    谴责, призвал) or inside a running quotation gives a statement of its speaker about the
//!    states it names (else the document's other party). Its CAMEO code comes from stance words
//!    (`context/<lang>.tsv`): criticism 111, accusation 112, demand 100, threat 130, praise 051,
//!    else a plain statement 010. A sentence whose coded events already include a statement of
//!    that speaker gets none.
//! 2. **acts whose actors lie outside the sentence**: a verb cue the sentence coder read as an act
//!    but could not give parties (a passive without agent, a pronoun subject, a subject in the
//!    previous sentence) takes its source from the sentence before the cue, else the pronoun's
//!    referent or the last subject, and its target after the cue, else the document's other
//!    party. Its negation and modality are the cue's own.
//!
//! Every added event says in its explain trace how each actor and the date were found.
//!
//! [`SentenceFacts`]: crate::coder::SentenceFacts

use crate::coder::{CodedEvent, Coder};
use crate::dict::ContextKind;
use dyad_model::{EventDate, Lang};
use parties::Parties;

mod acts;
mod document;
mod parties;
mod sentence;
mod spans;
mod speakers;
mod statements;

/// One sentence of a document, in reading order.
#[derive(Debug, Clone, Copy)]
pub struct DocSentence<'a> {
    pub lang: Lang,
    /// The normalised sentence text.
    pub text: &'a str,
    /// Paragraph number (any numbering that grows through the document).
    pub paragraph: u32,
    /// A footnote body: not coded (it cites, it does not narrate); the date context runs on.
    pub note: bool,
}

/// An event of a document with the index of its sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct DocEvent {
    pub sentence: usize,
    pub event: CodedEvent,
}

/// CAMEO prefixes of one-sided acts that concern the other party even when the sentence does not
/// name it: threats (13: Россия ответит, 中方将予以回应), withdrawal and sanctions (16), coercion
/// (17), force (15, 18–20), and a denial (016: the other party accused, 否认这项指控, denied it).
const ONE_SIDED: &[&str] = &["016", "15", "16", "17", "18", "19", "20"];

/// The most characters between a pronoun and a party joined to it by "and" (he and Putin, он и
/// Путин, 他和普京) for the party to be the pronoun's partner.
const AND_GAP: usize = 5;

/// The stance model's probability from which its stance decides a statement's kind.
const STANCE_SURE: f32 = 0.5;

/// The most characters between a negation and the stance word it negates (does not pose a
/// threat, 不是为了威胁).
const NEGATION_REACH: usize = 12;

/// Sentences outside quotations in the first person that make a document first-person.
const VOICED: usize = 2;

/// How far into a sentence (characters) the name of an agreement counts as its opening.
const OPENING: usize = 12;

/// The most sentences back a speaker or subject is remembered (a speaker who goes on speaking
/// is remembered from the last sentence that was theirs).
const MEMORY: usize = 4;

#[derive(Debug, Clone)]
struct Remembered {
    code: String,
    at: usize,
    /// How the text named it: a span of sentence `at` (read only when an explanation needs it),
    /// or the name itself.
    name: Name,
    /// Inferred from the document's salience, not named as a speaker (a first-person document's
    /// voice): what it says counts only about the parties its sentences name.
    assumed: bool,
}

#[derive(Debug, Clone)]
enum Name {
    Span(usize, usize),
    Text(String),
}

struct Pass<'c> {
    coder: &'c Coder,
    /// The document's sentences, for the names in explanations.
    texts: Vec<&'c str>,
    /// The paragraph of each sentence.
    paragraphs: Vec<u32>,
    parties: Parties,
    speaker: Option<Remembered>,
    /// The speaker as the current sentence began (before its own reporting verbs were read):
    /// a pronoun subject before a speaker the sentence names later refers back past it.
    speaker_before: Option<Remembered>,
    /// The document's own voice: who says "I" and "we" outside quotations (a transcript's
    /// speaker line, else in a first-person document its first-named party); never forgotten.
    voice: Option<Remembered>,
    subject: Option<Remembered>,
    in_quote: bool,
    last_date: Option<EventDate>,
    /// The day the document tells of: its dateline or lede, moved on by the later days of the
    /// story it names (within the week before `issued`).
    published: Option<EventDate>,
    /// The document's publication date.
    issued: Option<EventDate>,
    /// The document's last factual agreement (057, 03x) as coded: its parties, date and cue.
    agreed: Option<(String, String, EventDate, usize)>,
    /// The last statement with a date of its own (or carried from one): its speaker, date and
    /// sentence.
    said: Option<(String, EventDate, usize)>,
    /// The party that made the document's last factual act of force (15, 18–20) as coded.
    forced: Option<String>,
}

/// A context word found in the sentence.
struct Word<'d> {
    kind: &'d ContextKind,
    span: (usize, usize),
    origin: &'d str,
}
