//! HTML → the article's text, title and publication date.
//!
//! The page is parsed once into `dom_query`'s arena (html5ever's tree builder, no recursion).
//! Readability (`dom_smoothie`) then walks that tree recursively, so a page nested deeper than
//! [`MAX_READABILITY_DEPTH`] (50,000 unclosed `<b>` in 150 KB, say) would overflow the stack
//! and, on thousands of levels, take time quadratic in the depth. Such a page skips readability
//! and is read by the linear tag stripper [`to_text`] instead, which keeps all of its text.
//! html5ever's tree builder itself takes time quadratic in the nesting (each start tag looks
//! through the open elements), so a linear pre-scan ([`naive_depth`]) first sends pages whose
//! tags open far deeper than any real page straight to the tag stripper, unparsed, and so
//! does a page with a run of text crowded with ampersands ([`crowded_run`]), on which
//! readability is quadratic.

use crate::metadata::{bound, parse_date_prefix};
use dyad_model::EventDate;

/// What an HTML page yields.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub text: String,
    pub title: Option<String>,
    pub published: Option<EventDate>,
}

/// The charset a page declares in `<meta charset>` or `<meta http-equiv content="…charset=…">`.
pub fn meta_charset(bytes: &[u8]) -> Option<String> {
    let head: Vec<u8> = bytes[..bytes.len().min(4096)]
        .iter()
        .map(u8::to_ascii_lowercase)
        .collect();
    let needle = b"charset=";
    let pos = head.windows(needle.len()).position(|w| w == needle)?;
    let rest = &head[pos + needle.len()..];
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let label: String = rest
        .iter()
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .map(|&b| b as char)
        .collect();
    (!label.is_empty()).then_some(label)
}

/// Deepest element nesting handed to readability; real pages stay well under a hundred.
pub const MAX_READABILITY_DEPTH: usize = 256;

/// Deepest nesting, estimated by [`naive_depth`], of a page that is parsed at all.
pub const MAX_PARSED_DEPTH: usize = 1024;

/// Elements that never nest: without content, or opened by the parser whatever the page says.
const NO_NESTING: [&str; 19] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame", "html", "head", "body",
];

/// Elements whose end tag may be left out: the parser closes one when a sibling of the same
/// kind opens.
const OPTIONAL_END: [&str; 18] = [
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rb", "rt", "rp", "rtc",
    "thead", "tbody", "tfoot", "colgroup", "caption",
];

/// Formatting elements: closed implicitly (by the end of a block around them), the parser
/// reopens them at the next text, so they keep counting.
const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Most ampersands in one run of text (between two tags) of a page handed to readability:
/// `dom_smoothie` takes time quadratic in the ampersands of one text node (500 KB of `AT&T &
/// co` in one paragraph: 0.4 s, twice that: 1.8 s), and real prose has a few per paragraph.
pub const MAX_RUN_AMPERSANDS: usize = 1_000;

/// Whether some run of text between two tags holds more than `limit` ampersands (one pass).
pub fn crowded_run(html: &str, limit: usize) -> bool {
    let mut run = 0;
    for b in html.bytes() {
        match b {
            b'<' => run = 0,
            b'&' => {
                run += 1;
                if run > limit {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

/// An estimate of the page's element nesting from its tags alone, in one pass, stopping as
/// soon as it passes `limit`: start tags open an element (but see [`NO_NESTING`]; one of
/// [`OPTIONAL_END`] first closes an open one of its kind), an end tag closes the nearest open
/// element of its name among the last 64 (else it is ignored),
/// formatting elements closed that way stay counted until their own end tag (the parser
/// reconstructs them), and the content of comments, scripts and styles is skipped.
pub fn naive_depth(html: &str, limit: usize) -> usize {
    let lower = html.to_ascii_lowercase();
    let b = lower.as_bytes();
    // Open elements: name, and for formatting elements their tag (attributes included).
    let mut open: Vec<(String, String)> = Vec::new();
    // Formatting elements closed implicitly, by tag (distinct, as the parser keeps them).
    let mut active: Vec<(String, String)> = Vec::new();
    let mut max = 0;
    let mut i = 0;
    while let Some(p) = b[i..].iter().position(|&c| c == b'<') {
        i += p + 1;
        if b[i..].starts_with(b"!--") {
            i = lower[i..].find("-->").map_or(b.len(), |e| i + e + 3);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric())
            .count();
        if len == 0 {
            continue;
        }
        let name = lower[start..start + len].to_string();
        let tag_start = i - 1;
        let end = tag_end(b, tag_start);
        let self_closing = end >= 2 && b[end - 2] == b'/' && b[end - 1] == b'>';
        i = end;
        // Closes the nearest open `name` among the last 64; formatting elements above it stay
        // active. Returns whether one was open.
        let mut close = |open: &mut Vec<(String, String)>, name: &str| -> bool {
            let from = open.len().saturating_sub(64);
            let Some(k) = open[from..].iter().rposition(|(n, _)| n == name) else {
                return false;
            };
            for (n, tag) in open.drain(from + k..).skip(1) {
                if !tag.is_empty() && !active.iter().any(|(_, t)| *t == tag) {
                    active.push((n, tag));
                }
            }
            true
        };
        if closing {
            if !close(&mut open, &name) {
                if let Some(k) = active.iter().rposition(|(n, _)| *n == name) {
                    active.remove(k);
                }
            }
            continue;
        }
        if matches!(
            name.as_str(),
            "script" | "style" | "textarea" | "title" | "xmp"
        ) {
            let close = format!("</{name}");
            i = lower[i..].find(&close).map_or(b.len(), |e| i + e);
            continue;
        }
        if self_closing || NO_NESTING.contains(&name.as_str()) {
            continue;
        }
        if OPTIONAL_END.contains(&name.as_str()) {
            close(&mut open, &name);
        }
        let tag = if FORMATTING.contains(&name.as_str()) {
            lower[tag_start..end].to_string()
        } else {
            String::new()
        };
        open.push((name, tag));
        max = max.max(open.len() + active.len());
        if max > limit {
            break;
        }
    }
    max
}

/// The deepest element nesting of a parsed page (the root is depth 0), measured without
/// recursion.
pub fn tree_depth(doc: &dom_query::Document) -> usize {
    let tree = &doc.tree;
    let root = doc.root().id;
    let mut depth: std::collections::HashMap<dom_query::NodeId, usize> =
        std::collections::HashMap::new();
    depth.insert(root, 0);
    let mut max = 0;
    let ids: Vec<dom_query::NodeId> = tree.descendant_ids_of_it(&root).collect();
    for id in ids {
        let d = tree
            .parent_of(&id)
            .and_then(|p| depth.get(&p.id).copied())
            .map_or(1, |d| d + 1);
        max = max.max(d);
        depth.insert(id, d);
    }
    max
}

/// The main text of a page (readability first, a layout-dropping tag stripper if that finds
/// little or the page is too deeply nested for it), its title and its publication date.
pub fn extract(html: &str) -> Page {
    let article = std::panic::catch_unwind(|| {
        if naive_depth(html, MAX_PARSED_DEPTH) > MAX_PARSED_DEPTH
            || crowded_run(html, MAX_RUN_AMPERSANDS)
        {
            return None;
        }
        let doc = dom_query::Document::from(html);
        if tree_depth(&doc) > MAX_READABILITY_DEPTH {
            return None;
        }
        dom_smoothie::Readability::with_document(doc, None, None)
            .ok()
            .and_then(|mut r| r.parse().ok())
    })
    .ok()
    .flatten();
    let mut text = String::new();
    let mut title = None;
    let mut published = None;
    if let Some(a) = &article {
        text = to_text(&a.content, false);
        title = bound(&a.title);
        published = a.published_time.as_deref().and_then(parse_date_prefix);
    }
    if text.chars().filter(|c| c.is_alphanumeric()).count() < 40 {
        text = to_text(html, true);
    }
    let title = title
        .or_else(|| element_text(html, "title"))
        .or_else(|| element_text(html, "h1"));
    let published = published.or_else(|| meta_date(html));
    Page {
        text,
        title,
        published,
    }
}

/// The text of the first `<name>` element, tags stripped.
fn element_text(html: &str, name: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{name}");
    let mut from = 0;
    while let Some(p) = lower[from..].find(&open) {
        let at = from + p;
        let after = lower.as_bytes().get(at + open.len()).copied();
        if matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'\r')) {
            let start = at + lower[at..].find('>')? + 1;
            let end = start + lower[start..].find(&format!("</{name}"))?;
            return bound(&to_text(&html[start..end], false).replace('\n', " "));
        }
        from = at + open.len();
    }
    None
}

/// The publication date from `<meta>` tags or `<time datetime>`.
fn meta_date(html: &str) -> Option<EventDate> {
    const KEYS: [&str; 12] = [
        "article:published_time",
        "og:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
    ];
    let lower = html.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find("<meta") {
        let at = from + p;
        let end = at + lower[at..].find('>').unwrap_or(lower.len() - at);
        let tag = &html[at..end];
        let key = ["property", "name", "itemprop"]
            .iter()
            .find_map(|a| attr(tag, a));
        if key.is_some_and(|k| KEYS.contains(&k.to_ascii_lowercase().as_str())) {
            if let Some(d) = attr(tag, "content").and_then(|c| parse_date_prefix(&c)) {
                return Some(d);
            }
        }
        from = end.max(at + 5);
    }
    let p = lower.find("<time")?;
    let end = p + lower[p..].find('>')?;
    attr(&html[p..end], "datetime").and_then(|c| parse_date_prefix(&c))
}

/// The value of attribute `name` in a tag's source.
fn attr(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = lower[from..].find(name) {
        let at = from + p;
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = lower[at + name.len()..].trim_start();
        if before_ok && rest.starts_with('=') {
            let vstart = tag.len() - rest.len() + 1;
            let v = tag[vstart..].trim_start();
            let (q, body) = match v.chars().next() {
                Some(q @ ('"' | '\'')) => (Some(q), &v[1..]),
                _ => (None, v),
            };
            let end = match q {
                Some(q) => body.find(q).unwrap_or(body.len()),
                None => body
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(body.len()),
            };
            return Some(decode_entities(&body[..end]));
        }
        from = at + name.len();
    }
    None
}

const SKIP_ALWAYS: [&str; 11] = [
    "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas",
    "select", "button",
];
const SKIP_LAYOUT: [&str; 6] = ["nav", "header", "footer", "aside", "form", "menu"];
const BLOCK: [&str; 28] = [
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "tr",
    "hr",
    "figure",
    "figcaption",
    "address",
    "caption",
    "center",
    "body",
];

/// A simple tag stripper: block elements become lines, table cells tab-separated, entities
/// decoded, whitespace collapsed; scripts and styles (and, with `drop_layout`, navigation,
/// headers, footers, asides and forms) dropped.
pub fn to_text(html: &str, drop_layout: bool) -> String {
    let lower = html.to_ascii_lowercase();
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() / 2);
    let mut i = 0;
    let mut pre = 0usize;
    let mut space = false;
    while i < bytes.len() {
        if bytes[i] == b'<' {
            if lower[i..].starts_with("<!--") {
                i = lower[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
                continue;
            }
            let next = bytes.get(i + 1).copied().unwrap_or(b' ');
            if next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?' {
                let end = tag_end(bytes, i);
                let inner_end = if bytes.get(end.wrapping_sub(1)) == Some(&b'>') {
                    end - 1
                } else {
                    end
                };
                let inner = &lower[i + 1..inner_end.max(i + 1)];
                let closing = inner.starts_with('/');
                let name: String = inner
                    .trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric())
                    .collect();
                i = end;
                if !closing
                    && (SKIP_ALWAYS.contains(&name.as_str())
                        || (drop_layout && SKIP_LAYOUT.contains(&name.as_str())))
                {
                    let close = format!("</{name}");
                    i = lower[i..]
                        .find(&close)
                        .map_or(bytes.len(), |e| tag_end(bytes, i + e));
                    continue;
                }
                match name.as_str() {
                    "br" => out.push('\n'),
                    "td" | "th" => out.push('\t'),
                    "pre" => {
                        pre = if closing {
                            pre.saturating_sub(1)
                        } else {
                            pre + 1
                        };
                        out.push('\n');
                    }
                    n if BLOCK.contains(&n) => out.push('\n'),
                    _ => {}
                }
                space = false;
                continue;
            }
        }
        if bytes[i] == b'&' {
            // An entity is short: look for its `;` in the next few bytes only (a search to the
            // end of the page from every `&` made text full of ampersands quadratic).
            let end = bytes[i..bytes.len().min(i + 11)]
                .iter()
                .position(|&b| b == b';')
                .map(|e| i + e + 1);
            if let Some(end) = end {
                let decoded = decode_entities(&html[i..end]);
                out.push_str(&decoded);
                space = false;
                i = end;
                continue;
            }
        }
        let ch = html[i..].chars().next().unwrap_or(' ');
        if ch.is_whitespace() && pre == 0 {
            if !space {
                out.push(' ');
                space = true;
            }
        } else {
            out.push(ch);
            space = false;
        }
        i += ch.len_utf8();
    }
    let mut lines: Vec<String> = Vec::new();
    for l in out.split('\n') {
        let cells: Vec<&str> = l
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .collect();
        if !cells.is_empty() {
            lines.push(cells.join("\t"));
        }
    }
    lines.join("\n")
}

/// The end (exclusive) of the tag starting at `i`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], i: usize) -> usize {
    let mut q: Option<u8> = None;
    let mut j = i + 1;
    while j < bytes.len() {
        let b = bytes[j];
        match q {
            Some(c) if b == c => q = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => q = Some(b),
            None if b == b'>' => return j + 1,
            None => {}
        }
        j += 1;
    }
    bytes.len()
}

/// Decodes the common named entities and numeric character references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(p) = rest.find('&') {
        out.push_str(&rest[..p]);
        let after = &rest[p + 1..];
        // (an entity is short: its `;` is looked for in the next few bytes only, never to
        // the end of the text, which made text full of bare ampersands quadratic)
        let semi = after.bytes().take(10).position(|b| b == b';');
        let decoded = semi.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{a0}'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "hellip" => Some('…'),
                "laquo" => Some('«'),
                "raquo" => Some('»'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "middot" => Some('·'),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head><meta charset="gbk"><title>Summit ends without a deal</title>
<meta property="article:published_time" content="2025-08-16T08:00:00Z">
<script>var nav = "menu";</script><style>p{}</style></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<header>Site banner</header>
<article><h1>Summit ends without a deal</h1>
<p>Presidents Donald Trump and Vladimir Putin met at Joint Base Elmendorf&ndash;Richardson in Anchorage on Friday and talked for nearly three hours.</p>
<p>The leaders praised the &quot;constructive&quot; atmosphere but announced no ceasefire in Ukraine, and no date for a second meeting was set.</p>
<p>European governments said they had not been consulted before the talks &amp; asked for a seat at any future negotiation.</p>
</article><footer>Copyright 2025</footer></body></html>"#;

    #[test]
    fn main_text_title_and_date() {
        let page = extract(PAGE);
        assert!(
            page.text.contains("Elmendorf–Richardson in Anchorage"),
            "{}",
            page.text
        );
        assert!(page.text.contains("\"constructive\""));
        assert!(!page.text.contains("var nav"));
        assert!(!page.text.contains("Copyright"));
        assert_eq!(page.title.as_deref(), Some("Summit ends without a deal"));
        assert_eq!(
            page.published.map(|d| d.to_string()).as_deref(),
            Some("2025-08-16")
        );
        assert_eq!(meta_charset(PAGE.as_bytes()).as_deref(), Some("gbk"));
    }

    #[test]
    fn broken_markup_does_not_panic() {
        for html in [
            "<a 中",
            "<p>文字<",
            "&#xFFFFFFFF; <!-- 未完",
            "<script>中",
            "<meta content=\"中",
        ] {
            let _ = to_text(html, true);
            let _ = extract(html);
        }
    }

    #[test]
    fn a_run_of_text_crowded_with_ampersands_is_found() {
        let run = |n: usize| format!("<p>{}</p>", "AT&T ".repeat(n));
        assert!(!crowded_run(&run(1_000), 1_000));
        assert!(crowded_run(&run(1_001), 1_000));
        // many paragraphs with a few each are ordinary prose
        assert!(!crowded_run(&run(10).repeat(1_000), 1_000));
        // and the text survives the tag stripper the page is sent to
        assert!(extract(&run(2_000)).text.starts_with("AT&T AT&T"));
    }

    #[test]
    fn naive_depth_counts_what_can_nest() {
        assert_eq!(
            naive_depth("<div><p>a<p>b<br><img src=x></div><div/>", 100),
            2
        );
        assert_eq!(naive_depth("<div><span><b>x</b></span><i>y</div>", 100), 3);
        assert_eq!(
            naive_depth("<script><div><div><div></script><!-- <div> -->", 100),
            0
        );
        assert_eq!(naive_depth(&"<div>".repeat(5000), 100), 101);
        assert_eq!(naive_depth(&"<li><p><td>".repeat(5000), 100), 3);
        // Formatting elements closed by a block's end are reopened by the parser: they count,
        // once per distinct tag.
        let reopened: String = (0..200)
            .map(|i| format!("<div><b id={i}></div>x"))
            .collect();
        assert_eq!(naive_depth(&reopened, 100), 101);
        assert_eq!(naive_depth(&"<p><b>x</p>".repeat(200), 100), 3);
    }

    #[test]
    fn fallback_stripper_drops_layout() {
        let t = to_text("<nav>Menu</nav><div>Body <b>text</b><br>line two</div><table><tr><td>a</td><td>b</td></tr></table><footer>F</footer>", true);
        assert_eq!(t, "Body text\nline two\na\tb");
        assert_eq!(
            decode_entities("&#20013;&#x6587; &amp; &bogus; &"),
            "中文 & &bogus; &"
        );
    }
}
