//! Escaping, text shortening and a small well-formedness check for the generated markup.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Escapes text for HTML/SVG element content and double- or single-quoted attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than tab and newline are not allowed in HTML text.
            c if c.is_control() && c != '\n' && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Display width in columns (CJK characters are two columns wide).
#[cfg(test)]
pub fn width(s: &str) -> usize {
    s.width()
}

/// The first clause of `s` when it is long enough to say something (10 columns), else `s`;
/// never cut inside a clause.
pub fn clause(s: &str) -> &str {
    let s = s.trim();
    let end = s
        .char_indices()
        .find(|&(i, c)| {
            // A Latin comma is no break: it may sit in a number (3,000) or before what the
            // sentence is about ("The US and Russia, as co-chairs, …").
            matches!(c, ';' | '；' | '。' | ':' | '：' | '(' | '（' | '，') && s[..i].width() >= 10
        })
        .map(|(i, _)| i);
    match end {
        Some(i) => s[..i].trim_end_matches([',', '，', ' ']),
        None => s.trim_end_matches(['.', '。']),
    }
}

/// `s` broken into at most `max_lines` lines no wider than `max_w` user units at `font_size`
/// (Latin text between words, CJK between characters); `None` when it does not fit whole.
pub fn wrap(s: &str, max_w: f64, font_size: f64, max_lines: usize) -> Option<Vec<String>> {
    // Atoms: a CJK character, or a run of other characters up to a space.
    let mut atoms: Vec<(String, bool)> = Vec::new(); // (text, space before)
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        let wide = c.width() == Some(2);
        match atoms.last_mut() {
            Some((t, _))
                if !space && !wide && t.chars().last().is_none_or(|l| l.width() != Some(2)) =>
            {
                t.push(c)
            }
            // Closing punctuation stays with the character before it.
            Some((t, _))
                if !space && matches!(c, '，' | '。' | '、' | '；' | '：' | '”' | '）' | '》') =>
            {
                t.push(c)
            }
            _ => atoms.push((c.to_string(), space)),
        }
        space = false;
    }
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for (t, sp) in atoms {
        let joined = if cur.is_empty() {
            t.clone()
        } else if sp {
            format!("{cur} {t}")
        } else {
            format!("{cur}{t}")
        };
        if text_width(&joined, font_size) <= max_w || cur.is_empty() {
            cur = joined;
        } else {
            lines.push(std::mem::take(&mut cur));
            cur = t;
        }
    }
    if !cur.is_empty() {
        lines.push(cur);
    }
    let fits = lines.len() <= max_lines && lines.iter().all(|l| text_width(l, font_size) <= max_w);
    fits.then_some(lines)
}

/// A short label: the first clause of `s` when it is long enough to say something, else `s`,
/// cut to at most `max` display columns with an ellipsis.
pub fn short(s: &str, max: usize) -> String {
    let s = s.trim();
    let clause_end = s
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, ';' | '；' | '。' | ':' | '：' | '(' | '（') && s[..i].width() >= 10
        })
        .map(|(i, _)| i);
    let s = match clause_end {
        Some(i) => s[..i].trim_end_matches([',', '，', ' ']),
        None => s,
    };
    if s.width() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        w += cw;
        out.push(c);
    }
    // Do not end on half a word in Latin text.
    if out
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric())
    {
        if let Some(i) = out.rfind(' ') {
            if out[..i].width() * 3 >= max * 2 {
                out.truncate(i);
            }
        }
    }
    let trimmed = out.trim_end_matches([' ', ',', '，', '、', ';']).len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// Estimated width, in SVG user units, of `s` set at `font_size` (Latin ≈ 0.6 em, CJK 1 em):
/// on the wide side, so that a label fits its box in wide fonts (DejaVu Sans) too.
pub fn text_width(s: &str, font_size: f64) -> f64 {
    s.chars()
        .map(|c| match c.width().unwrap_or(0) {
            2 => 1.0,
            _ if c.is_ascii_uppercase() || c == 'W' || c == 'M' => 0.66,
            _ if c == ' ' || c == '.' || c == ',' || c == 'i' || c == 'l' || c == '·' => 0.3,
            _ => 0.6,
        })
        .sum::<f64>()
        * font_size
}

/// Formats a signed number with `d` decimals and a true minus sign.
pub fn signed(x: f64, d: usize) -> String {
    let s = format!("{:+.*}", d, x);
    if s.starts_with("-0") && s[1..].trim_start_matches(['0', '.']).is_empty() {
        return format!("{:.*}", d, 0.0);
    }
    s.replacen('-', "−", 1)
}

/// Formats a number with `d` decimals and a true minus sign.
pub fn num(x: f64, d: usize) -> String {
    let s = format!("{:.*}", d, x);
    if s.starts_with('-') && s[1..].trim_start_matches(['0', '.']).is_empty() {
        return s[1..].to_string();
    }
    s.replacen('-', "−", 1)
}

/// Elements that never have a closing tag in HTML.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Checks that `doc` is well formed enough to trust: tags balance (void HTML elements aside;
/// `<x/>` closes itself), attribute values are quoted and hold no `<`, text holds no bare `<`,
/// and every `&` starts an entity. Returns the first problem with its byte offset.
pub fn check_well_formed(doc: &str) -> Result<(), String> {
    let b = doc.as_bytes();
    let mut stack: Vec<String> = Vec::new();
    let mut i = 0;
    let entity_ok = |at: usize| -> bool {
        let rest = &doc[at + 1..];
        let end = rest.find(';').filter(|&e| e > 0 && e <= 10);
        match end {
            Some(e) => {
                let name = &rest[..e];
                match name.strip_prefix('#') {
                    Some(n) => n
                        .strip_prefix('x')
                        .map_or(n.bytes().all(|c| c.is_ascii_digit()), |h| {
                            h.bytes().all(|c| c.is_ascii_hexdigit())
                        }),
                    None => name.bytes().all(|c| c.is_ascii_alphanumeric()),
                }
            }
            None => false,
        }
    };
    while i < b.len() {
        match b[i] {
            b'&' => {
                if !entity_ok(i) {
                    return Err(format!(
                        "bare `&` at {i}: {:?}",
                        &doc[i..(i + 20).min(doc.len())]
                    ));
                }
                i += 1;
            }
            b'<' => {
                let rest = &doc[i..];
                if rest.starts_with("<!--") {
                    i += rest.find("-->").ok_or(format!("unclosed comment at {i}"))? + 3;
                    continue;
                }
                if rest.starts_with("<!") {
                    i += rest
                        .find('>')
                        .ok_or(format!("unclosed declaration at {i}"))?
                        + 1;
                    continue;
                }
                let closing = rest.starts_with("</");
                let start = i + if closing { 2 } else { 1 };
                let mut j = start;
                while j < b.len() && (b[j].is_ascii_alphanumeric() || b[j] == b'-' || b[j] == b':')
                {
                    j += 1;
                }
                if j == start {
                    return Err(format!(
                        "bare `<` at {i}: {:?}",
                        &doc[i..(i + 20).min(doc.len())]
                    ));
                }
                let name = doc[start..j].to_ascii_lowercase();
                // Attributes up to the end of the tag.
                let mut self_closing = false;
                loop {
                    while j < b.len() && b[j].is_ascii_whitespace() {
                        j += 1;
                    }
                    if j >= b.len() {
                        return Err(format!("unterminated tag <{name}> at {i}"));
                    }
                    match b[j] {
                        b'>' => {
                            j += 1;
                            break;
                        }
                        b'/' if b.get(j + 1) == Some(&b'>') => {
                            self_closing = true;
                            j += 2;
                            break;
                        }
                        _ if closing => {
                            return Err(format!("junk in closing tag </{name}> at {j}"))
                        }
                        _ => {
                            let a = j;
                            while j < b.len()
                                && !b[j].is_ascii_whitespace()
                                && !matches!(b[j], b'=' | b'>' | b'/' | b'<' | b'"' | b'\'')
                            {
                                j += 1;
                            }
                            if j == a {
                                return Err(format!("bad attribute in <{name}> at {j}"));
                            }
                            if b.get(j) == Some(&b'=') {
                                j += 1;
                                let q = b.get(j).copied().unwrap_or(0);
                                if q != b'"' && q != b'\'' {
                                    return Err(format!(
                                        "unquoted attribute value in <{name}> at {j}"
                                    ));
                                }
                                let end = doc[j + 1..]
                                    .find(q as char)
                                    .ok_or(format!("unterminated attribute in <{name}> at {j}"))?
                                    + j
                                    + 1;
                                if let Some(k) = doc[j + 1..end].find('<') {
                                    return Err(format!(
                                        "`<` in an attribute of <{name}> at {}",
                                        j + 1 + k
                                    ));
                                }
                                if let Some(k) = doc[j + 1..end].find('&') {
                                    if !entity_ok(j + 1 + k) {
                                        return Err(format!(
                                            "bare `&` in an attribute of <{name}> at {}",
                                            j + 1 + k
                                        ));
                                    }
                                }
                                j = end + 1;
                            }
                        }
                    }
                }
                if closing {
                    match stack.pop() {
                        Some(open) if open == name => {}
                        Some(open) => return Err(format!("</{name}> at {i} closes <{open}>")),
                        None => return Err(format!("</{name}> at {i} closes nothing")),
                    }
                } else if !self_closing && !VOID.contains(&name.as_str()) {
                    if name == "style" || name == "script" {
                        let end = doc[j..]
                            .find(&format!("</{name}>"))
                            .ok_or(format!("unclosed <{name}>"))?;
                        j += end + name.len() + 3;
                    } else {
                        stack.push(name);
                    }
                }
                i = j;
            }
            b'>' => return Err(format!("bare `>` at {i}")),
            _ => i += 1,
        }
    }
    match stack.pop() {
        Some(open) => Err(format!("<{open}> is never closed")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_covers_markup_and_quotes() {
        assert_eq!(
            esc(r#"Bush & "Yeltsin" <sign> 'START'"#),
            "Bush &amp; &quot;Yeltsin&quot; &lt;sign&gt; &#39;START&#39;"
        );
        assert_eq!(esc("普京称“新冷战”"), "普京称“新冷战”");
        let attr = format!(
            r#"<p title="{}">{}</p>"#,
            esc(r#"a "b" <c> & d"#),
            esc("x < y & z > w")
        );
        assert_eq!(check_well_formed(&attr), Ok(()));
    }

    #[test]
    fn the_checker_finds_broken_markup() {
        assert!(check_well_formed("<svg><g></svg>").is_err());
        assert!(check_well_formed("<p>a < b</p>").is_err());
        assert!(check_well_formed("<p>a & b</p>").is_err());
        assert!(check_well_formed(r#"<p title="a<b">x</p>"#).is_err());
        assert!(check_well_formed("<p title=x>x</p>").is_err());
        assert!(check_well_formed("<div>").is_err());
        assert!(check_well_formed("</div>").is_err());
        assert_eq!(check_well_formed("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>a>b{}</style></head><body><br><svg><circle r=\"1\"/></svg>&amp;&#8722;</body></html>"), Ok(()));
    }

    #[test]
    fn short_labels_cut_at_clauses_and_width() {
        assert_eq!(
            short("Russia annexes Crimea; the US imposes sanctions", 40),
            "Russia annexes Crimea"
        );
        assert_eq!(short("abc", 10), "abc");
        let s = short(
            "Presidents Bush and Yeltsin sign the Camp David declaration on new relations",
            30,
        );
        assert!(width(&s) <= 30, "{s}");
        assert!(s.ends_with('…'));
        let z = short(
            "俄罗斯宣布吞并克里米亚，美国随即宣布对俄实施第一轮制裁措施",
            16,
        );
        assert!(width(&z) <= 16, "{z}");
    }

    #[test]
    fn labels_wrap_whole_or_not_at_all() {
        assert_eq!(
            clause("Clinton signs an executive order; sanctions follow"),
            "Clinton signs an executive order"
        );
        assert_eq!(
            clause("The US and Russia, as co-chairs, agree"),
            "The US and Russia, as co-chairs, agree"
        );
        assert_eq!(clause("克林顿签署行政令，以协调制裁"), "克林顿签署行政令");
        assert_eq!(clause("短句，其余"), "短句，其余");
        let en = wrap(
            "Presidents Bush and Yeltsin sign the Camp David declaration",
            200.0,
            11.0,
            2,
        )
        .unwrap();
        assert_eq!(en.len(), 2);
        assert_eq!(
            en.join(" "),
            "Presidents Bush and Yeltsin sign the Camp David declaration"
        );
        assert!(en.iter().all(|l| text_width(l, 11.0) <= 200.0));
        let zh = wrap(
            "俄罗斯宣布吞并克里米亚，美国随即宣布对俄实施第一轮制裁",
            120.0,
            11.0,
            3,
        )
        .unwrap();
        assert_eq!(
            zh.concat(),
            "俄罗斯宣布吞并克里米亚，美国随即宣布对俄实施第一轮制裁"
        );
        assert!(!zh.iter().any(|l| l.starts_with('，')));
        assert_eq!(
            wrap(
                "a very long sentence that cannot fit in one short line",
                60.0,
                11.0,
                1
            ),
            None
        );
    }

    #[test]
    fn numbers_use_true_minus_signs() {
        assert_eq!(signed(-1.234, 2), "−1.23");
        assert_eq!(signed(0.5, 1), "+0.5");
        assert_eq!(signed(-0.001, 2), "0.00");
        assert_eq!(num(-5.56, 1), "−5.6");
        assert_eq!(num(-0.01, 1), "0.0");
    }
}
