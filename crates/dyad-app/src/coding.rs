//! The coding stage: the sentences of one document, in order, through the coder with a date
//! context carried from sentence to sentence, into events ready to store; and the coding of
//! sentences without storing them (`dyad code`, `POST /api/code`).

use crate::{Error, Result};
use dyad_coder::{CodedEvent, Coder, DocSentence};
use dyad_model::{EventDate, Lang, Origin};
use dyad_store::NewEvent;
use serde::Serialize;

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
pub fn builtin_coder() -> Result<Coder> {
    let dict = dyad_coder::Dictionaries::builtin()?;
    Ok(Coder::new(&dict)?)
}

#[derive(Serialize)]
pub struct Coded {
    pub sentence: String,
    pub lang: &'static str,
    pub events: Vec<serde_json::Value>,
    /// With `--explain`, for a sentence without events: what the coder found and why nothing
    /// came of it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub found: Option<String>,
}

/// Codes `sentences` in order as one document: a date context carried from one to the next and
/// the coder's context pass (speakers, pronouns, quotations, the document's parties).
pub fn code_sentences(
    coder: &dyad_coder::Coder,
    sentences: &[String],
    date: Option<EventDate>,
    explain: bool,
) -> Result<Vec<Coded>> {
    let mut texts: Vec<(String, dyad_model::Lang)> = sentences
        .iter()
        .map(|s| {
            let text = dyad_text::normalize::normalized(s.trim());
            let lang = dyad_text::lang::detect(&text);
            (text, lang)
        })
        .collect();
    // the sentences' majority language is the document's (a sentence of accented names in
    // an English document is English; on a tie the last listed wins: a language read over
    // none)
    let doc_lang = [
        dyad_model::Lang::Other,
        dyad_model::Lang::Ru,
        dyad_model::Lang::Zh,
        dyad_model::Lang::En,
    ]
    .into_iter()
    .max_by_key(|l| texts.iter().filter(|(_, x)| x == l).count())
    .unwrap_or(dyad_model::Lang::Other);
    for (text, lang) in &mut texts {
        *lang = dyad_text::lang::in_document(text, *lang, doc_lang);
    }
    let doc: Vec<DocSentence> = texts
        .iter()
        .map(|(text, lang)| DocSentence {
            lang: *lang,
            text,
            paragraph: 1,
            note: false,
        })
        .collect();
    let mut by_sentence: Vec<Vec<dyad_coder::CodedEvent>> = vec![Vec::new(); sentences.len()];
    for e in coder.code_document(date, &doc) {
        by_sentence[e.sentence].push(e.event);
    }
    let mut out = Vec::new();
    let mut ctx = dyad_coder::DateContext::new(date);
    for ((s, (text, lang)), events) in sentences.iter().zip(&texts).zip(by_sentence) {
        let found = if explain && events.is_empty() {
            let (_, facts) =
                coder.analyze(&dyad_coder::SentenceInput { lang: *lang, text }, &mut ctx);
            Some(facts.explain_nothing(coder.dictionaries(), text))
        } else {
            None
        };
        let events = events
            .into_iter()
            .map(|e| {
                let mut v = serde_json::to_value(&e)?;
                v["date_precision"] = serde_json::Value::from(e.date.precision().as_str());
                if !explain {
                    if let Some(o) = v.as_object_mut() {
                        o.remove("explain");
                    }
                }
                Ok(v)
            })
            .collect::<Result<Vec<_>, serde_json::Error>>()?;
        out.push(Coded {
            sentence: s.trim().to_string(),
            lang: lang.as_str(),
            events,
            found,
        });
    }
    Ok(out)
}

/// Lines grouped into documents: a blank line (or several) ends one.
pub fn documents(lines: Vec<String>) -> Vec<Vec<String>> {
    let mut docs: Vec<Vec<String>> = Vec::new();
    let mut cur: Vec<String> = Vec::new();
    for l in lines {
        if l.trim().is_empty() {
            if !cur.is_empty() {
                docs.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        docs.push(cur);
    }
    docs
}

/// Codes each document with [`code_sentences`], on as many threads as there are cores (a
/// document's sentences stay on one thread, in order); the results keep the input's order.
pub fn code_documents(
    coder: &dyad_coder::Coder,
    docs: &[Vec<String>],
    date: Option<EventDate>,
    explain: bool,
) -> Result<Vec<Coded>> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(docs.len())
        .max(1);
    let code_all = |part: &[Vec<String>]| -> Result<Vec<Coded>> {
        let mut out = Vec::new();
        for d in part {
            out.extend(code_sentences(coder, d, date, explain)?);
        }
        Ok(out)
    };
    if threads == 1 {
        return code_all(docs);
    }
    // contiguous shares of about the same number of sentences each
    let total: usize = docs.iter().map(Vec::len).sum();
    let share = total.div_ceil(threads).max(1);
    let mut parts: Vec<&[Vec<String>]> = Vec::with_capacity(threads);
    let (mut start, mut n) = (0, 0);
    for (i, d) in docs.iter().enumerate() {
        n += d.len();
        if n >= share {
            parts.push(&docs[start..=i]);
            start = i + 1;
            n = 0;
        }
    }
    if start < docs.len() {
        parts.push(&docs[start..]);
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = parts
            .into_iter()
            .map(|part| s.spawn(move || code_all(part)))
            .collect();
        let mut out = Vec::new();
        for h in handles {
            let coded = h.join().map_err(|_| Error::Thread("coding"))??;
            out.extend(coded);
        }
        Ok(out)
    })
}
