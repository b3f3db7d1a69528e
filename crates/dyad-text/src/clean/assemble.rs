//! Rebuilding the blocks from the classified lines: paragraphs rejoined from wrapped lines (notes
//! moved after the paragraph they interrupt), or one block per line in structured text.

use super::endings::{ends_in_clause, note_open};
use super::page::is_wrapped;
use super::text::join;
use super::{BlockKind, Kind, Line};

type RawBlock = (BlockKind, Vec<String>);

struct Para {
    text: String,
    open: bool,
    last: usize,
    ends_terminal: bool,
}

/// The longest line read as a Chinese title or subheading with a comma in it (a headline's length;
/// a paragraph cut before a footnote is longer).
const TITLE_CHARS: usize = 60;

/// Rebuilds paragraphs from wrapped lines; notes are moved after the paragraph they interrupt.
pub(super) fn assemble_flowed(lines: &[Line]) -> Vec<RawBlock> {
    let wrapped = is_wrapped(lines);
    let nonblank = lines.iter().filter(|l| l.kind != Kind::Drop).count().max(1);
    let blank_dominant = lines
        .iter()
        .filter(|l| l.kind != Kind::Drop && l.blank_before)
        .count()
        * 2
        > nonblank;

    let mut out: Vec<RawBlock> = Vec::new();
    let mut pending: Vec<String> = Vec::new();
    let mut note: Option<(String, bool)> = None;
    let mut para: Option<Para> = None;

    let close_para =
        |para: &mut Option<Para>, out: &mut Vec<RawBlock>, pending: &mut Vec<String>| {
            if let Some(p) = para.take() {
                let kind = if !p.ends_terminal && p.text.chars().count() <= 80 {
                    BlockKind::Heading
                } else {
                    BlockKind::Prose
                };
                out.push((kind, vec![p.text]));
            }
            for n in pending.drain(..) {
                out.push((BlockKind::Note, vec![n]));
            }
        };
    let finish_note = |note: &mut Option<(String, bool)>, pending: &mut Vec<String>| {
        if let Some((n, _)) = note.take() {
            pending.push(n);
        }
    };

    for (idx, l) in lines.iter().enumerate() {
        match &l.kind {
            Kind::Drop => {}
            Kind::Note(body) => {
                finish_note(&mut note, &mut pending);
                note = Some((body.clone(), wrapped && note_open(body)));
            }
            Kind::Table(cells) => {
                finish_note(&mut note, &mut pending);
                close_para(&mut para, &mut out, &mut pending);
                out.push((BlockKind::Table, cells.clone()));
            }
            Kind::Heading => {
                finish_note(&mut note, &mut pending);
                close_para(&mut para, &mut out, &mut pending);
                out.push((BlockKind::Heading, vec![l.text.clone()]));
            }
            Kind::Text => {
                let para_open = para.as_ref().is_some_and(|p| p.open);
                // the line opens the text or follows a finished block (a stop, a heading)
                let fresh = para.as_ref().is_none_or(|p| p.ends_terminal && !p.open);
                if let Some((n, true)) = note.as_mut() {
                    if !(l.lead_space && para_open) {
                        join(n, &l.text);
                        let open = note_open(n);
                        if let Some(nt) = note.as_mut() {
                            nt.1 = open;
                        }
                        continue;
                    }
                }
                finish_note(&mut note, &mut pending);
                // In unwrapped text a short line without a final stop is a heading, never the
                // rest of the paragraph before it.
                let isolated = !blank_dominant
                    && l.blank_before
                    && lines.get(idx + 1).is_none_or(|n| n.blank_before)
                    && !ends_in_clause(&l.text);
                // A line that the next one, right under it, carries on in lower case (He /
                // says he is troubled…, "Georgia / is a sovereign nation…") is cut mid-sentence,
                // however short: no heading, and the paragraph runs on.
                let runs_on = !l.terminal
                    && lines.get(idx + 1).is_some_and(|n| {
                        !n.blank_before
                            && matches!(n.kind, Kind::Text)
                            && n.text.chars().next().is_some_and(char::is_lowercase)
                    });
                let heading_line = !l.terminal && !runs_on && ((!wrapped && l.short) || isolated);
                let han = l
                    .text
                    .chars()
                    .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
                // a Chinese title or subheading with a comma in it (法兰西之怒》抗议……,法国召回
                // ……大使) that opens the text or follows a finished block stands alone when a
                // blank line and a line much longer than it follow: a line cut by a PDF
                // extractor is about as long as the next
                let title = han
                    && !l.terminal
                    && fresh
                    && l.text.chars().count() <= TITLE_CHARS
                    && lines.get(idx + 1).is_some_and(|n| {
                        n.blank_before
                            && matches!(n.kind, Kind::Text)
                            && l.text.chars().count() * 4 <= n.text.chars().count() * 3
                    });
                let continues = match &para {
                    None => false,
                    Some(_) if heading_line || title => false,
                    Some(p) if p.open => true,
                    Some(p) => {
                        let prev = &lines[p.last];
                        prev.terminal
                            && wrapped
                            && !l.indent
                            && !prev.lastish
                            && (blank_dominant || !l.blank_before)
                    }
                };
                if continues {
                    if let Some(p) = para.as_mut() {
                        join(&mut p.text, &l.text);
                    }
                } else {
                    close_para(&mut para, &mut out, &mut pending);
                    para = Some(Para {
                        text: l.text.clone(),
                        open: false,
                        last: idx,
                        ends_terminal: false,
                    });
                }
                if let Some(p) = para.as_mut() {
                    // In unwrapped Latin or Cyrillic text a line is a paragraph: it runs on into
                    // the next line only when it stops mid-clause (a headline or a dateline stands
                    // alone). Chinese text cut by a PDF extractor keeps the old reading.
                    p.open = runs_on
                        || (!l.terminal
                            && !heading_line
                            && !title
                            && (wrapped || han || ends_in_clause(&l.text))
                            && (!l.short || ends_in_clause(&l.text)));
                    p.last = idx;
                    p.ends_terminal = l.terminal;
                }
            }
        }
    }
    finish_note(&mut note, &mut pending);
    close_para(&mut para, &mut out, &mut pending);
    out
}

/// Every line is a block (HTML, Markdown).
pub(super) fn assemble_structured(lines: &[Line]) -> Vec<RawBlock> {
    lines
        .iter()
        .filter_map(|l| match &l.kind {
            Kind::Drop => None,
            Kind::Note(b) => Some((BlockKind::Note, vec![b.clone()])),
            Kind::Table(c) => Some((BlockKind::Table, c.clone())),
            Kind::Heading => Some((BlockKind::Heading, vec![l.text.clone()])),
            Kind::Text if !l.terminal && l.text.chars().count() <= 80 => {
                Some((BlockKind::Heading, vec![l.text.clone()]))
            }
            Kind::Text => Some((BlockKind::Prose, vec![l.text.clone()])),
        })
        .collect()
}
