//! Extracted text → clean blocks: how is PDF line-break damage undone?
//!
//! Text pulled out of PDFs breaks lines wherever the page did: in the middle of words and
//! sentences, around footnotes that sit between two halves of a sentence, under running headers
//! and page numbers. The cleaner reads the lines, decides what each one is, and rebuilds the
//! blocks a reader sees:
//!
//! * **Characters**: full-width ASCII folded, odd spaces and zero-width characters normalised,
//!   NFC ([`crate::normalize::char_fold`]). Leading U+3000 / two or more spaces mark indentation.
//! * **Dropped lines**: page numbers (`57`, `-57-`, `— 57 —`, `第 57 页`, `Page 5 of 9`),
//!   journal footers (`《某某研究》2022年第3期`), rules and table separators, running
//!   headers (a line repeated across pages, or the title line printed next to a page number).
//! * **Notes**: lines starting with `[1]`, `①`, `^①`, `- ^`, `* `, `注：`, or — in Chinese
//!   documents — a footnote letter (`a `, `b `…, in order) start a note; a note continues on the
//!   next line while its text is visibly unfinished (no final stop, a URL or word cut at a hyphen).
//!   Notes become blocks of their own, emitted after the paragraph they interrupted.
//! * **Tables**: tab- or pipe-separated rows become table blocks of cells; lines of
//!   space-separated Chinese tokens without punctuation (a table flattened by the PDF) become
//!   one-line table blocks, so they never glue into prose.
//! * **Headings**: numbered headings (`一、` `（一）` `1.` `第一章`) and short lines without a
//!   final stop stand alone, unless the line right under one carries it on in lower case (a
//!   sentence cut after a word or two: `He` / `says he is…`).
//! * **Paragraphs**: a line that does not end a sentence continues on the next text line (Chinese
//!   joined without a space, Latin and Cyrillic de-hyphenated or joined with a space, URLs glued).
//!   A line that ends a sentence ends the paragraph when it is visibly short, when the next line
//!   is indented, when lines are not wrapped at all (one paragraph per line: lines wider than a
//!   page's, or nearly all of them ending a sentence), or — unless blank lines separate nearly
//!   every line, as in some PDF extractions — when a blank line follows. Curly quotes and dashes
//!   join a Latin or Cyrillic line with a space, a Chinese one without.
//! * **Footnote markers** (`[1]`, `[12]`, `①`, `^①`, `¹²³`, Chinese-document letters `。a`) are
//!   removed from the text, and the spaces PDF extraction leaves beside Chinese punctuation go.
//!
//! With [`Layout::Structured`] (HTML and Markdown, whose lines are already the blocks) no lines
//! are joined; the other rules apply.
//!
//! ```
//! use dyad_text::clean::{clean, Layout};
//! let c = clean("两国元首举行会晤，讨论了能源合\n作问题。[1]\n\n[1] 某通讯社，2030年1月2日。\n", Layout::Flowed);
//! assert_eq!(c.text, "两国元首举行会晤，讨论了能源合作问题。\n\n某通讯社，2030年1月2日。");
//! ```

mod assemble;
mod endings;
mod lines;
mod page;
mod text;

pub use text::{join, remove_markers, tidy};

use crate::normalize::is_han;
use assemble::{assemble_flowed, assemble_structured};
use lines::read_lines;
use page::{drop_running_headers, mark_flat_tables, measure};

/// How the input's lines relate to its blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Plain text and PDF text layers: lines are wrapped anywhere and must be rejoined.
    Flowed,
    /// HTML and Markdown after extraction: every line is a block.
    Structured,
}

/// What a block of the clean text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Prose,
    Heading,
    Table,
    Note,
}

/// A block of the clean text: a paragraph, heading, table row or note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub kind: BlockKind,
    /// Character span in [`Cleaned::text`].
    pub span: (usize, usize),
    /// For table rows, the character spans of the cells.
    pub cells: Vec<(usize, usize)>,
}

/// The clean text, its blocks (separated by blank lines in the text), and the running headers
/// that were dropped (a hint for the title).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    pub blocks: Vec<Block>,
    pub running_headers: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Kind {
    Text,
    Note(String),
    Table(Vec<String>),
    Heading,
    Drop,
}

#[derive(Debug, Clone)]
struct Line {
    text: String,
    kind: Kind,
    indent: bool,
    lead_space: bool,
    blank_before: bool,
    wide_gap: bool,
    width: usize,
    terminal: bool,
    short: bool,
    lastish: bool,
}

/// Cleans extracted text into blocks. See the module documentation for the rules.
pub fn clean(raw: &str, layout: Layout) -> Cleaned {
    let han_doc = is_han_document(raw);
    let mut lines = read_lines(raw, han_doc);
    let mut headers = Vec::new();
    if layout == Layout::Flowed {
        drop_running_headers(&mut lines, &mut headers);
        mark_flat_tables(&mut lines);
    }
    measure(&mut lines);
    let raw_blocks = match layout {
        Layout::Flowed => assemble_flowed(&lines),
        Layout::Structured => assemble_structured(&lines),
    };
    let mut out = Cleaned {
        running_headers: headers,
        ..Cleaned::default()
    };
    let mut pos = 0usize;
    for (kind, parts) in raw_blocks {
        let parts: Vec<String> = parts
            .iter()
            .map(|p| tidy(&remove_markers(p, han_doc)))
            .collect();
        if !parts.iter().any(|p| p.chars().any(char::is_alphanumeric)) {
            continue;
        }
        if !out.text.is_empty() {
            out.text.push_str("\n\n");
            pos += 2;
        }
        let start = pos;
        let mut cells = Vec::new();
        if kind == BlockKind::Table {
            let mut first = true;
            for p in parts.iter().filter(|p| !p.is_empty()) {
                if !first {
                    out.text.push_str(" | ");
                    pos += 3;
                }
                first = false;
                let n = p.chars().count();
                cells.push((pos, pos + n));
                out.text.push_str(p);
                pos += n;
            }
        } else {
            let p = parts.join(" ");
            pos += p.chars().count();
            out.text.push_str(&p);
        }
        out.blocks.push(Block {
            kind,
            span: (start, pos),
            cells,
        });
    }
    out
}

/// Does Han script dominate the document (Chinese conventions apply: letter footnotes)?
fn is_han_document(raw: &str) -> bool {
    let (mut han, mut letters) = (0usize, 0usize);
    for c in raw.chars().take(200_000) {
        if is_han(c) {
            han += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    han * 3 > letters
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(c: &Cleaned) -> Vec<(BlockKind, String)> {
        c.blocks
            .iter()
            .map(|b| {
                (
                    b.kind,
                    c.text
                        .chars()
                        .skip(b.span.0)
                        .take(b.span.1 - b.span.0)
                        .collect(),
                )
            })
            .collect()
    }

    #[test]
    fn chinese_lines_join_without_space_and_blank_separated_pdf_lines_are_one_paragraph() {
        let raw = "两国元首在边境城市举行会晤，讨论了贸易问题和能源合作等\n\n双边议题。双方领导人在会谈中态度友好，都认为这次会晤\n\n很有成果。\n\n一、会晤的背景\n\n这是五年以来两国领导人首次面对面会晤。\n";
        let c = clean(raw, Layout::Flowed);
        let t = texts(&c);
        assert_eq!(t[0], (BlockKind::Prose, "两国元首在边境城市举行会晤，讨论了贸易问题和能源合作等双边议题。双方领导人在会谈中态度友好，都认为这次会晤很有成果。".into()));
        assert_eq!(t[1], (BlockKind::Heading, "一、会晤的背景".into()));
        assert_eq!(t.len(), 3);
    }

    #[test]
    fn a_chinese_title_with_a_comma_stands_alone_before_a_longer_paragraph() {
        // a headline of two clauses (no final stop) over a blank line and a long paragraph is
        // the title, not the start of the paragraph
        let raw = "边境再起冲突》两国互相指责，甲国召回驻乙国大使

甲国外交部周五发表声明，指责乙国军队越过边界线进入甲国领土，并宣布立即召回驻乙国大使进行磋商，同时要求乙方作出解释。
";
        let t = texts(&clean(raw, Layout::Flowed));
        assert_eq!(t.len(), 2, "{t:?}");
        assert_eq!(t[0].1, "边境再起冲突》两国互相指责，甲国召回驻乙国大使");
        // and so does a subheading after a paragraph that ends a sentence
        let raw = format!("{raw}\n乙国回应，甲国指责毫无根据\n\n乙国外交部发言人周六在记者会上表示，乙国军队一直在本国一侧活动，甲国的指责毫无根据，并敦促甲方停止炒作。\n");
        let t = texts(&clean(&raw, Layout::Flowed));
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[2].1, "乙国回应，甲国指责毫无根据");
    }

    #[test]
    fn a_headline_and_a_dateline_of_unwrapped_text_stand_alone() {
        let body = "Officials of the two governments said on Monday that the talks in the capital had covered trade, energy and the exchange of detained citizens, and that a second round would follow.";
        let raw = format!("Statement by the Foreign Ministry of Ruritania regarding the consultations held in Freedonia\n\nStrelsau, 3 May 2021\n\n{body}\n\n{body}\n\n{body}\n\nThe delegations agreed to meet again,\n\nin the autumn.\n");
        let t = texts(&clean(&raw, Layout::Flowed));
        assert_eq!(t.len(), 6, "{t:?}");
        assert_eq!(t[1].1, "Strelsau, 3 May 2021");
        assert_eq!(t[2].1, body);
        // a line that stops mid-clause still runs on
        assert_eq!(
            t[5].1,
            "The delegations agreed to meet again, in the autumn."
        );
    }

    #[test]
    fn a_story_of_short_paragraphs_that_all_end_a_sentence_is_not_wrapped() {
        // One short paragraph per line, each ending a sentence, several opening with a quote:
        // narrow enough to look wrapped, but no line stops mid-sentence, so each stays a
        // paragraph of its own.
        let raw = "# source: example | language: en\n\nOSLO--Norway and Iceland signed a pact on fishing quotas for the northern waters on Monday.\n\n\u{201c}We have found a fair balance after three years of talks,\u{201d} the Norwegian minister said on Sept. 6.\n\n\u{201c}The fleets can plan their season now,\u{201d} she added.\n\nThe pact runs for five years and can be renewed by either side.\n";
        let t = texts(&clean(raw, Layout::Flowed));
        assert_eq!(t.len(), 5, "{t:?}");
        assert!(t[2].1.starts_with('\u{201c}'), "{t:?}");
        assert_eq!(
            t[4].1,
            "The pact runs for five years and can be renewed by either side."
        );
    }

    #[test]
    fn a_curly_quote_or_a_dash_joins_latin_and_cyrillic_lines_with_a_space() {
        let joined = |a: &str, b: &str| {
            let mut s = a.to_string();
            join(&mut s, b);
            s
        };
        assert_eq!(
            joined(
                "The minister left the room.",
                "\u{201c}We are done,\u{201d} she said"
            ),
            "The minister left the room. \u{201c}We are done,\u{201d} she said"
        );
        assert_eq!(
            joined("Министр ушёл.", "\u{2014} Переговоры окончены"),
            "Министр ушёл. \u{2014} Переговоры окончены"
        );
        // a Chinese neighbour still joins without a space
        assert_eq!(
            joined("双方已经谈完了", "\u{201c}今后还会再谈\u{201d}。"),
            "双方已经谈完了\u{201c}今后还会再谈\u{201d}。"
        );
        assert_eq!(
            joined("他说：", "\u{201c}好。\u{201d}"),
            "他说：\u{201c}好。\u{201d}"
        );
        assert_eq!(
            joined("\u{201c}好。\u{201d}", "\u{2014}\u{2014}这是"),
            "\u{201c}好。\u{201d}\u{2014}\u{2014}这是"
        );
    }

    #[test]
    fn latin_and_cyrillic_are_dehyphenated_or_joined_with_a_space() {
        let c = clean("The negoti-\nations in Geneva were long and\ndifficult. See https://www.\nstate.gov/x-\ny/.\n", Layout::Flowed);
        assert_eq!(
            c.text,
            "The negotiations in Geneva were long and difficult. See https://www.state.gov/x-y/."
        );
        let c = clean("Переговоры в Же-\nневе прошли\nуспешно.\n", Layout::Flowed);
        assert_eq!(c.text, "Переговоры в Женеве прошли успешно.");
    }

    #[test]
    fn a_short_line_carried_on_in_lower_case_is_no_heading() {
        // a wire story reflowed with a line cut after one word: the first line is short and
        // has no stop, but the line under it carries the sentence on in lower case
        let raw = "The minister said talks would go on.\n\nShe\nsaid she was deeply worried by the\nfighting near the border.\n\nTalks resumed\n\nOn Monday the two delegations met again.\n";
        let c = clean(raw, Layout::Flowed);
        let t: Vec<String> = texts(&c).into_iter().map(|(_, t)| t).collect();
        assert_eq!(
            t,
            vec![
                "The minister said talks would go on.",
                "She said she was deeply worried by the fighting near the border.",
                "Talks resumed",
                "On Monday the two delegations met again.",
            ]
        );
    }

    #[test]
    fn indented_paragraphs_and_short_last_lines_end_paragraphs() {
        let raw = "　　甲方代表说，希望尽快结束谈判，“而且越早越好”。\n　　乙方代表说，会谈取得一些进展，但尚\n未就最重要的议题达成协议。\n";
        let c = clean(raw, Layout::Flowed);
        assert_eq!(c.blocks.len(), 2);
        assert_eq!(
            texts(&c)[1].1,
            "乙方代表说，会谈取得一些进展，但尚未就最重要的议题达成协议。"
        );
    }

    #[test]
    fn footnotes_move_out_of_the_sentence_they_interrupt() {
        let raw = "两国议会先后通过了多项限制合作的法案，此后双方[1]\n\n\
                   [1] 王某某：《双边关系史稿》，某某出版社 2020 年版，\n\n第 12 页。\n\n\
                   [2] Example Institute, “A Made-up Report on Arms Control,” March 3, \n\n2021, https://www.\n\nexample.org/report/.\n\
                    再未举行正式会谈。\n";
        let c = clean(raw, Layout::Flowed);
        let t = texts(&c);
        assert_eq!(
            t[0],
            (
                BlockKind::Prose,
                "两国议会先后通过了多项限制合作的法案，此后双方再未举行正式会谈。".into()
            )
        );
        assert_eq!(
            t[1],
            (
                BlockKind::Note,
                "王某某：《双边关系史稿》，某某出版社 2020 年版，第 12 页。".into()
            )
        );
        assert_eq!(t[2], (BlockKind::Note, "Example Institute, “A Made-up Report on Arms Control,” March 3, 2021, https://www.example.org/report/.".into()));
    }

    #[test]
    fn tables_stay_out_of_prose() {
        let raw = "双方互信已经很低。\n\n年份 甲国代表 乙国代表 会谈次数\n\n2001 年 3 月至 2005 年 6 月 张三\n李四\n\n数据来源：作者自制。\n\n| 日期 | 2030年1月1日 |\n|---|---|\n甲\t乙\t丙\n";
        let c = clean(raw, Layout::Flowed);
        let t = texts(&c);
        assert_eq!(t[0].1, "双方互信已经很低。");
        assert!(t[1..4].iter().all(|b| b.0 == BlockKind::Table), "{t:?}");
        assert_eq!(t[4], (BlockKind::Prose, "数据来源：作者自制。".into()));
        assert_eq!(t[5], (BlockKind::Table, "日期 | 2030年1月1日".into()));
        assert_eq!(c.blocks[5].cells.len(), 2);
        assert_eq!(t[6], (BlockKind::Table, "甲 | 乙 | 丙".into()));
    }

    #[test]
    fn letter_footnotes_in_chinese_documents() {
        let raw = "甲国重申对盟友的义务。a新政府上台后调整了政策，承诺合作。b\n\na Jane Roe, “A Fictional Essay on Alliances”, Example Review, \n\nMay 5, 2021.\n\nb 李某：《虚构的外交史》，第9页。\n";
        let t = texts(&clean(raw, Layout::Flowed));
        assert_eq!(
            t[0].1,
            "甲国重申对盟友的义务。新政府上台后调整了政策，承诺合作。"
        );
        assert_eq!(
            t[1],
            (
                BlockKind::Note,
                "Jane Roe, “A Fictional Essay on Alliances”, Example Review, May 5, 2021.".into()
            )
        );
        assert_eq!(t[2].0, BlockKind::Note);
    }

    #[test]
    fn full_width_and_odd_spaces() {
        let c = clean("ＮＡＴＯ峰会于２０２４年举行\u{200B}。\n", Layout::Flowed);
        assert_eq!(c.text, "NATO峰会于2024年举行。");
    }

    #[test]
    fn structured_lines_are_blocks() {
        let c = clean(
            "Title here\nFirst paragraph ends.\nSecond one ends.\n",
            Layout::Structured,
        );
        assert_eq!(c.blocks.len(), 3);
        assert_eq!(c.blocks[0].kind, BlockKind::Heading);
    }
}
