//! The coding stage as the binary runs it: the sentences of one document, in order, through the
//! coder with a date context carried from sentence to sentence, into events ready to store.

use dyad_coder::{CodedEvent, Coder, DocSentence};
use dyad_model::{EventDate, Lang, Origin};
use dyad_store::NewEvent;

/// One sentence to code: its language, normalised text, paragraph number and whether it is a
/// footnote body.
pub struct Sentence<'a> {
    pub lang: Lang,
    pub normalized: &'a str,
    pub paragraph: u32,
    pub note: bool,
}

/// Codes a document's sentences in order, with the coder's document-level context pass
/// (speakers, pronouns, the document's parties). Footnote bodies are skipped (they cite
/// literature, they do not narrate) but the date context runs on through the text.
pub fn code_document<'a>(
    coder: &Coder,
    published: Option<EventDate>,
    sentences: impl IntoIterator<Item = Sentence<'a>>,
) -> Vec<NewEvent> {
    let doc: Vec<DocSentence> = sentences
        .into_iter()
        .map(|s| DocSentence {
            lang: s.lang,
            text: s.normalized,
            paragraph: s.paragraph,
            note: s.note || !matches!(s.lang, Lang::Zh | Lang::En | Lang::Ru),
        })
        .collect();
    coder
        .code_document(published, &doc)
        .into_iter()
        .map(|e| new_event(e.event, published, Some(e.sentence)))
        .collect()
}

/// A coded event as a row to store.
pub fn new_event(ev: CodedEvent, reported: Option<EventDate>, seq: Option<usize>) -> NewEvent {
    NewEvent {
        origin: Origin::Coded,
        date: ev.date,
        reported: reported.map(|d| d.to_string()),
        source: ev.source,
        target: ev.target,
        cameo: ev.cameo,
        quad_class: ev.quad_class,
        goldstein: ev.goldstein,
        plover: ev.plover,
        plover_mode: ev.plover_mode,
        negated: ev.negated,
        hypothetical: ev.hypothetical,
        domains: ev.domains,
        sentence_seq: seq,
        span: Some(ev.span),
        explain: Some(ev.explain),
        curated_id: None,
        place: None,
        meeting: None,
        description_zh: None,
        description_en: None,
        cites: Vec::new(),
        import_file: None,
        import_row: None,
        native_id: None,
    }
}

/// The coder built from the embedded dictionaries.
pub fn builtin_coder() -> anyhow::Result<Coder> {
    let dict = dyad_coder::Dictionaries::builtin()?;
    Ok(Coder::new(&dict)?)
}
