//! Markdown → plain lines, one block per line.

use crate::clean::join;

/// Markdown text without its markup, and the first heading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stripped {
    pub text: String,
    pub title: Option<String>,
}

/// Strips Markdown markup. Paragraph lines are joined (Markdown wraps them softly); headings,
/// list items, table rows and footnote definitions each become a line of their own.
pub fn strip(md: &str) -> Stripped {
    let mut out: Vec<String> = Vec::new();
    let mut para: Option<String> = None;
    let mut title = None;
    let mut fence: Option<&str> = None;
    let flush = |para: &mut Option<String>, out: &mut Vec<String>| {
        if let Some(p) = para.take() {
            out.push(p);
        }
    };
    for raw in md.lines() {
        let line = raw.trim_end();
        let t = line.trim_start();
        if let Some(f) = fence {
            if t.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            flush(&mut para, &mut out);
            fence = Some(if t.starts_with("```") { "```" } else { "~~~" });
            continue;
        }
        if t.is_empty() {
            flush(&mut para, &mut out);
            continue;
        }
        // Setext underline: the previous paragraph line was a heading.
        if !t.is_empty()
            && t.chars().all(|c| c == '=' || c == '-')
            && t.len() >= 2
            && para.is_some()
        {
            if let Some(p) = para.take() {
                if title.is_none() && t.starts_with('=') {
                    title = Some(p.clone());
                }
                out.push(p);
            }
            continue;
        }
        if t.starts_with('#') {
            let level = t.chars().take_while(|&c| c == '#').count();
            if level <= 6 && (t[level..].starts_with([' ', '\t']) || t.len() == level) {
                flush(&mut para, &mut out);
                let h = inline(t[level..].trim().trim_end_matches('#').trim());
                if title.is_none() && !h.is_empty() {
                    title = Some(h.clone());
                }
                out.push(h);
                continue;
            }
        }
        if t.starts_with('|') {
            flush(&mut para, &mut out);
            let is_sep = t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '));
            if !is_sep {
                let cells: Vec<String> = t
                    .trim_matches('|')
                    .split('|')
                    .map(|c| inline(c.trim()))
                    .collect();
                out.push(cells.join("\t"));
            }
            continue;
        }
        if let Some(def) = footnote_definition(t) {
            flush(&mut para, &mut out);
            out.push(def);
            continue;
        }
        if is_link_definition(t) {
            continue;
        }
        if t.chars().all(|c| matches!(c, '-' | '*' | '_' | ' '))
            && t.chars().filter(|&c| c != ' ').count() >= 3
        {
            flush(&mut para, &mut out);
            continue;
        }
        let mut body = t;
        while let Some(rest) = body.strip_prefix('>') {
            body = rest.trim_start();
        }
        let item = list_item(body);
        if item.is_some() {
            flush(&mut para, &mut out);
        }
        let text = inline(item.unwrap_or(body));
        match para.as_mut() {
            Some(p) => join(p, &text),
            None => para = Some(text),
        }
    }
    flush(&mut para, &mut out);
    Stripped {
        text: out.join("\n"),
        title,
    }
}

fn list_item(t: &str) -> Option<&str> {
    for m in ["- ", "* ", "+ "] {
        if let Some(r) = t.strip_prefix(m) {
            return Some(r.trim_start());
        }
    }
    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim_start());
        }
    }
    None
}

/// `[^1]: body` → `[1] body` (a note line for the cleaner).
fn footnote_definition(t: &str) -> Option<String> {
    let rest = t.strip_prefix("[^")?;
    let close = rest.find("]:")?;
    let label = &rest[..close];
    let body = inline(rest[close + 2..].trim());
    let n: String = label.chars().filter(char::is_ascii_digit).collect();
    Some(if n.is_empty() {
        format!("注：{body}")
    } else {
        format!("[{n}] {body}")
    })
}

/// `[id]: http://…` reference definitions are not text.
fn is_link_definition(t: &str) -> bool {
    t.starts_with('[') && t.find("]:").is_some_and(|i| !t[..i].contains('^'))
}

/// Strips inline markup: images and links keep their text, code spans their content,
/// emphasis markers and inline HTML tags go, footnote references go.
pub fn inline(s: &str) -> String {
    inline_at(s, 0)
}

/// Where each bracket closes, and where code spans end, found in one pass over a line so that
/// stripping stays linear in its length (a search from every `[` or backtick to the end of the
/// line made lines of unmatched brackets take minutes).
struct Marks {
    /// For an opening `[` or `(`: the index of the bracket that closes it.
    close: Vec<Option<usize>>,
    /// The index of the first `]` at or after each index (`len` when there is none).
    next_bracket: Vec<usize>,
    /// Runs of backticks as (start, length), in order.
    runs: Vec<(usize, usize)>,
    /// `later[r]`: the longest run among runs `r..`.
    later: Vec<usize>,
}

impl Marks {
    fn new(c: &[char]) -> Marks {
        let n = c.len();
        let mut close = vec![None; n];
        let (mut squares, mut rounds) = (Vec::new(), Vec::new());
        for (j, &x) in c.iter().enumerate() {
            match x {
                '[' => squares.push(j),
                '(' => rounds.push(j),
                ']' => {
                    if let Some(o) = squares.pop() {
                        close[o] = Some(j);
                    }
                }
                ')' => {
                    if let Some(o) = rounds.pop() {
                        close[o] = Some(j);
                    }
                }
                _ => {}
            }
        }
        let mut next_bracket = vec![n; n + 1];
        for j in (0..n).rev() {
            next_bracket[j] = if c[j] == ']' { j } else { next_bracket[j + 1] };
        }
        let mut runs = Vec::new();
        let mut j = 0;
        while j < n {
            if c[j] == '`' {
                let len = c[j..].iter().take_while(|&&x| x == '`').count();
                runs.push((j, len));
                j += len;
            } else {
                j += 1;
            }
        }
        let mut later = vec![0; runs.len() + 1];
        for r in (0..runs.len()).rev() {
            later[r] = later[r + 1].max(runs[r].1);
        }
        Marks {
            close,
            next_bracket,
            runs,
            later,
        }
    }

    /// The end of the code span opened by the run of `ticks` backticks at `i`: the start of the
    /// next run at least as long.
    fn code_end(&self, i: usize, ticks: usize) -> Option<usize> {
        let r = self.runs.partition_point(|&(start, _)| start <= i);
        if self.later[r] < ticks {
            return None;
        }
        self.runs[r..]
            .iter()
            .find(|&&(_, len)| len >= ticks)
            .map(|&(start, _)| start)
    }
}

/// Link texts nest; past a few levels the text is kept as it is (no unbounded recursion).
fn inline_at(s: &str, depth: usize) -> String {
    if depth > 4 {
        return s.to_string();
    }
    let c: Vec<char> = s.chars().collect();
    let marks = Marks::new(&c);
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < c.len() {
        let ch = c[i];
        match ch {
            '\\' if i + 1 < c.len() => {
                out.push(c[i + 1]);
                i += 2;
                continue;
            }
            '!' if c.get(i + 1) == Some(&'[') => {
                i += 1;
                continue;
            }
            '[' => {
                if c.get(i + 1) == Some(&'^') {
                    let end = marks.next_bracket[i];
                    if end < c.len() {
                        i = end + 1;
                        continue;
                    }
                }
                if let Some(close) = marks.close[i] {
                    let mut j = close + 1;
                    if matches!(c.get(j), Some('(' | '[')) {
                        if let Some(p) = marks.close[j] {
                            j = p + 1;
                        }
                    }
                    if j > close + 1 {
                        let text: String = c[i + 1..close].iter().collect();
                        out.push_str(&inline_at(&text, depth + 1));
                        i = j;
                        continue;
                    }
                }
            }
            '`' => {
                let ticks = c[i..].iter().take_while(|&&x| x == '`').count();
                match marks.code_end(i, ticks) {
                    Some(end) => {
                        out.extend(c[i + ticks..end].iter());
                        i = end + ticks;
                    }
                    None => {
                        // No closing run: the backticks are text.
                        out.extend(c[i..i + ticks].iter());
                        i += ticks;
                    }
                }
                continue;
            }
            '<' => {
                if let Some(end) = (i + 1..c.len().min(i + 200)).find(|&j| c[j] == '>') {
                    let inner: String = c[i + 1..end].iter().collect();
                    if inner.contains("://") && !inner.contains(' ') {
                        out.push_str(&inner);
                        i = end + 1;
                        continue;
                    }
                    let name = inner.trim_start_matches('/');
                    if name.chars().next().is_some_and(|x| x.is_ascii_alphabetic()) {
                        i = end + 1;
                        continue;
                    }
                }
            }
            '*' | '~' => {
                i += 1;
                continue;
            }
            '_' => {
                let prev = if i > 0 { c[i - 1] } else { ' ' };
                let next = c.get(i + 1).copied().unwrap_or(' ');
                if !(prev.is_alphanumeric() && next.is_alphanumeric()) {
                    i += 1;
                    continue;
                }
            }
            _ => {}
        }
        out.push(ch);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped() {
        let md = "# Summit in *Alaska*\n\nThe **leaders** met at [the base](https://example.org/jber)\nand talked for `three` hours.[^1]\n\n```rust\nlet x = 1;\n```\n\n| Date | Place |\n|---|---|\n| 2025-08-15 | Anchorage |\n\n- first point\n- second point\n\n> quoted text\n\n[^1]: Reuters, 16 August 2025.\n[ref]: https://example.org\n";
        let s = strip(md);
        assert_eq!(s.title.as_deref(), Some("Summit in Alaska"));
        assert_eq!(
            s.text,
            "Summit in Alaska\nThe leaders met at the base and talked for three hours.\nDate\tPlace\n2025-08-15\tAnchorage\nfirst point\nsecond point\nquoted text\n[1] Reuters, 16 August 2025."
        );
    }

    #[test]
    fn links_code_and_unmatched_marks() {
        assert_eq!(
            inline("[a [b](x) c](y) and [^1] ``co`de`` `x"),
            "a b c and  co`de `x"
        );
        assert_eq!(inline("[a]b] [c"), "[a]b] [c");
        assert_eq!(inline("![img](p.png) [t][ref]"), "img t");
        // A line of unmatched marks is stripped in one pass, not one per mark.
        let started = std::time::Instant::now();
        let bad = "[a](b [^1 ``x ".repeat(40_000);
        let _ = inline(&bad);
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }

    #[test]
    fn setext_heading_and_snake_case() {
        let s = strip("Title\n=====\n\nuse snake_case_names _here_\n");
        assert_eq!(s.title.as_deref(), Some("Title"));
        assert_eq!(s.text, "Title\nuse snake_case_names here");
    }
}
