//! Passes over the whole document before its blocks are rebuilt: running headers dropped,
//! flattened tables marked, and each line measured against its neighbours.

use super::lines::is_page_number;
use super::{Kind, Line};
use crate::normalize::is_han;
use std::collections::HashMap;

/// Drops running headers: a line repeated across pages, or a title-like line beside a page number.
pub(super) fn drop_running_headers(lines: &mut [Line], headers: &mut Vec<String>) {
    let mut seen = std::collections::HashSet::new();
    let headerish = |l: &Line| {
        matches!(l.kind, Kind::Text | Kind::Heading)
            && !l.terminal
            && !l.text.contains(['，', '。', '、', '；', ','])
    };
    let key = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_ascii_digit() { '#' } else { c })
            .collect()
    };
    let mut counts: HashMap<String, usize> = HashMap::new();
    for l in lines
        .iter()
        .filter(|l| headerish(l) && l.text.chars().count() >= 6)
    {
        *counts.entry(key(&l.text)).or_default() += 1;
    }
    for l in lines.iter_mut() {
        if headerish(l)
            && l.text.chars().count() >= 6
            && counts.get(&key(&l.text)).copied().unwrap_or(0) >= 2
        {
            if seen.insert(l.text.clone()) {
                headers.push(l.text.clone());
            }
            l.kind = Kind::Drop;
        }
    }
    let page_numbers: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Drop && is_page_number(&lines[i].text))
        .collect();
    for i in page_numbers {
        for j in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
            if let Some(l) = lines.get_mut(j) {
                if headerish(l) && l.text.chars().count() <= 40 {
                    if seen.insert(l.text.clone()) {
                        headers.push(l.text.clone());
                    }
                    l.kind = Kind::Drop;
                }
            }
        }
    }
}

/// Number of spaces standing between two Han characters ("时间 美国元首 俄罗斯元首").
fn han_gaps(t: &str) -> usize {
    let c: Vec<char> = t.chars().collect();
    (1..c.len().saturating_sub(1))
        .filter(|&i| c[i] == ' ' && is_han(c[i - 1]) && is_han(c[i + 1]))
        .count()
}

/// Marks tables that the PDF flattened into lines of space-separated Chinese tokens.
pub(super) fn mark_flat_tables(lines: &mut [Line]) {
    let mut in_table = false;
    for l in lines.iter_mut() {
        match l.kind {
            Kind::Text => {
                let punct = l.text.contains(['，', '。', '；', ',']);
                let gaps = han_gaps(&l.text);
                if !l.terminal && !punct && (gaps >= 2 || l.wide_gap) {
                    l.kind = Kind::Table(vec![l.text.clone()]);
                    in_table = true;
                } else if in_table
                    && !l.terminal
                    && !punct
                    && (gaps >= 1 || l.text.chars().count() <= 12)
                {
                    l.kind = Kind::Table(vec![l.text.clone()]);
                } else {
                    in_table = false;
                }
            }
            Kind::Table(_) => in_table = true,
            Kind::Drop => {}
            _ => in_table = false,
        }
    }
}

/// Are the text lines wrapped (as in a PDF), rather than one paragraph per line? Wrapped lines
/// are narrow, and most of them stop mid-sentence: a text whose lines nearly all end a sentence
/// is one paragraph per line, however short its paragraphs (a news story of one-sentence
/// paragraphs, a short Chinese note), and its paragraphs must not be run together.
pub(super) fn is_wrapped(lines: &[Line]) -> bool {
    let text = || lines.iter().filter(|l| l.kind == Kind::Text);
    let widths: Vec<usize> = text().map(|l| l.width).collect();
    let ending = text().filter(|l| l.terminal).count();
    // (with fewer than four lines the share of sentence ends says nothing)
    percentile(&widths, 75) <= 160 && (widths.len() < 4 || ending * 4 < widths.len() * 3)
}

/// Marks lines that are visibly short compared with their neighbours. In unwrapped text a line
/// is a paragraph, so only a line shorter than [`UNWRAPPED_SHORT`] columns counts as short.
pub(super) fn measure(lines: &mut [Line]) {
    let flow: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == Kind::Text)
        .collect();
    if !is_wrapped(lines) {
        for &i in &flow {
            let clause_inside = lines[i].text.contains(['，', '。', '；', ',']);
            lines[i].short = lines[i].width < UNWRAPPED_SHORT && !clause_inside;
            lines[i].lastish = true;
        }
        return;
    }
    // The reference is the median width of the five text lines either side: robust where a
    // newspaper page changes column width, and not fooled by one long or short neighbour.
    let mut window = Vec::with_capacity(10);
    for (k, &i) in flow.iter().enumerate() {
        window.clear();
        let lo = k.saturating_sub(5);
        let hi = (k + 6).min(flow.len());
        window.extend((lo..hi).filter(|&m| m != k).map(|m| lines[flow[m]].width));
        window.sort_unstable();
        let local = window
            .get(window.len() / 2)
            .copied()
            .unwrap_or(lines[i].width);
        let w = lines[i].width;
        lines[i].short = w * 10 < local * 6;
        lines[i].lastish = w * 100 < local * 85;
    }
}

/// In unwrapped text, a line without a final stop shorter than this (in columns) is a heading.
const UNWRAPPED_SHORT: usize = 80;

fn percentile(v: &[usize], p: usize) -> usize {
    if v.is_empty() {
        return 0;
    }
    let mut s = v.to_vec();
    s.sort_unstable();
    s[((s.len() - 1) * p).div_ceil(100)]
}
