//! Every table of the report downloadable as CSV and every chart as SVG and PNG, from the page
//! itself and with no network: each table and chart gets a link whose `data:` URL holds the file
//! (base64), so the report stays one offline file. The CSV is read off the rendered table, so it
//! is what the reader sees; the SVG carries the chart styles, so it draws the same outside the
//! page. The PNG is drawn from that SVG when asked: one small inline script ([`PNG_SCRIPT`])
//! paints it on a canvas at twice its size and saves the canvas (`canvas.toBlob`); without
//! scripts the SVG and CSV links still work.

use super::messages::Catalogue;
use std::fmt::Write;

fn base64(bytes: &[u8]) -> String {
    const A: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16)
            | (u32::from(*c.get(1).unwrap_or(&0)) << 8)
            | u32::from(*c.get(2).unwrap_or(&0));
        for (i, shift) in [18, 12, 6, 0].into_iter().enumerate() {
            if i <= c.len() {
                out.push(A[(n >> shift) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The text of an HTML fragment: tags removed (list items and line breaks become "; "),
/// the report's entities decoded, white space collapsed.
fn text_of(html: &str) -> String {
    let html = html.replace("<br>", "; ").replace("</li><li>", "; ");
    let mut out = String::new();
    let mut in_tag = false;
    for ch in html.chars() {
        match ch {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The rows of a rendered `<table>…</table>`, each a list of cell texts.
pub fn table_rows(table: &str) -> Vec<Vec<String>> {
    table
        .split("<tr")
        .skip(1)
        .map(|tr| {
            let tr = tr.split("</tr>").next().unwrap_or("");
            let mut cells = Vec::new();
            let mut rest = tr;
            while let Some(i) = rest.find("<t") {
                let after = &rest[i + 2..];
                if !(after.starts_with('d') || after.starts_with('h')) {
                    rest = after;
                    continue;
                }
                let close = if after.starts_with('d') {
                    "</td>"
                } else {
                    "</th>"
                };
                let Some(open_end) = after.find('>') else {
                    break;
                };
                let body = &after[open_end + 1..];
                let end = body.find(close).unwrap_or(body.len());
                cells.push(text_of(&body[..end]));
                rest = &body[end..];
            }
            cells
        })
        .collect()
}

/// Rows as CSV (RFC 4180, with a byte-order mark so that spreadsheets read UTF-8).
pub fn csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| {
                if c.contains([',', '"', '\n', '\r']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The one script of the report: a click on a chart's PNG button draws the SVG file of the link
/// just before it (a `data:` URL, so nothing is fetched) on a white canvas at twice the chart's
/// `viewBox` size and downloads the canvas as `data-file`.
pub const PNG_SCRIPT: &str = r##"<script>
document.addEventListener("click", function (e) {
  var b = e.target.closest && e.target.closest("button.png");
  if (!b) return;
  var a = b.previousElementSibling, s = a && a.previousElementSibling;
  if (!s || !s.viewBox || !s.viewBox.baseVal) return;
  var v = s.viewBox.baseVal, k = 2, c = document.createElement("canvas");
  c.width = Math.round(v.width * k);
  c.height = Math.round(v.height * k);
  var img = new Image();
  img.onload = function () {
    var g = c.getContext("2d");
    g.fillStyle = "#fff";
    g.fillRect(0, 0, c.width, c.height);
    g.drawImage(img, 0, 0, c.width, c.height);
    c.toBlob(function (png) {
      if (!png) return;
      var u = URL.createObjectURL(png), l = document.createElement("a");
      l.href = u;
      l.download = b.getAttribute("data-file");
      document.body.appendChild(l);
      l.click();
      l.remove();
      setTimeout(function () { URL.revokeObjectURL(u); }, 4000);
    }, "image/png");
  };
  img.src = a.getAttribute("href");
});
</script>"##;

/// Adds the download links to a rendered report. `stem` starts the file names
/// (`dyad-USA-RUS` → `dyad-USA-RUS-table-3.csv`); `svg_css` is the style every chart needs.
pub fn add_links(html: &str, stem: &str, svg_css: &str, m: &Catalogue) -> String {
    let mut out = String::with_capacity(html.len() * 2);
    let mut rest = html;
    let (mut tables, mut charts) = (0, 0);
    loop {
        let t = rest.find("<table");
        let s = rest.find("<svg");
        let (start, is_table) = match (t, s) {
            (Some(t), Some(s)) => (t.min(s), t < s),
            (Some(t), None) => (t, true),
            (None, Some(s)) => (s, false),
            (None, None) => break,
        };
        let close = if is_table { "</table>" } else { "</svg>" };
        let Some(len) = rest[start..].find(close) else {
            break;
        };
        let end = start + len + close.len();
        let element = &rest[start..end];
        out.push_str(&rest[..end]);
        if is_table {
            tables += 1;
            let _ = write!(
                out,
                r#"<p class="dl"><a download="{stem}-table-{tables}.csv" href="data:text/csv;charset=utf-8;base64,{}" title="{}">CSV</a></p>"#,
                base64(csv(&table_rows(element)).as_bytes()),
                m.get("download.csv")
            );
        } else {
            charts += 1;
            let body = element.find('>').map_or(element, |i| &element[i + 1..]);
            let head = &element[..element.len() - body.len()];
            let file = format!(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{head}<style>{svg_css}</style>{body}\n"
            );
            let _ = write!(
                out,
                r#"<a class="dl" download="{stem}-figure-{charts}.svg" href="data:image/svg+xml;base64,{}" title="{}">SVG</a><button type="button" class="dl png" data-file="{stem}-figure-{charts}.png" title="{}">PNG</button>"#,
                base64(file.as_bytes()),
                m.get("download.svg"),
                m.get("download.png")
            );
        }
        rest = &rest[end..];
    }
    // The script once, at the end of the body, when there is a chart to draw.
    match rest.rfind("</body>").filter(|_| charts > 0) {
        Some(i) => {
            out.push_str(&rest[..i]);
            out.push_str(PNG_SCRIPT);
            out.push('\n');
            out.push_str(&rest[i..]);
        }
        None => out.push_str(rest),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_is_the_standard_alphabet_with_padding() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64("中".as_bytes()), "5Lit");
    }

    #[test]
    fn each_chart_gets_svg_and_png_and_the_script_comes_once() {
        let page = "<html><body><div><svg viewBox=\"0 0 10 10\"><text>a</text></svg></div>\
                    <svg viewBox=\"0 0 20 10\"></svg><table><tr><td>1</td></tr></table></body></html>";
        let messages = crate::report::messages::Messages::builtin().unwrap();
        let zh = messages.of(crate::report::Lang::Zh);
        let out = add_links(page, "dyad-X-Y", "svg .a{}", zh);
        assert_eq!(out.matches("<script>").count(), 1);
        assert_eq!(
            out.matches("canvas").count(),
            PNG_SCRIPT.matches("canvas").count()
        );
        assert!(out.contains("\"image/png\""));
        for n in [1, 2] {
            let svg = format!("download=\"dyad-X-Y-figure-{n}.svg\"");
            let png = format!("<button type=\"button\" class=\"dl png\" data-file=\"dyad-X-Y-figure-{n}.png\" title=\"下载此图（PNG，两倍尺寸）\">PNG</button>");
            let (s, p) = (out.find(&svg).unwrap(), out.find(&png).unwrap());
            assert!(s < p, "the PNG button follows its SVG link");
        }
        assert!(out.contains("dyad-X-Y-table-1.csv"));
        assert!(out.find("<script>").unwrap() < out.find("</body>").unwrap());
        assert_eq!(crate::report::html::check_well_formed(&out), Ok(()));
        // No chart, no script.
        let bare = add_links(
            "<html><body><p>x</p></body></html>",
            "s",
            "",
            messages.of(crate::report::Lang::En),
        );
        assert!(!bare.contains("<script"));
    }

    #[test]
    fn a_table_becomes_its_csv() {
        let t = r##"<table><thead><tr><th></th><th class="n">a, b</th></tr></thead><tbody><tr id="x"><td>P1</td><td><a href="#e">say &quot;hi&quot;</a> <span>−1.5</span></td></tr><tr><td><ul><li>x</li><li>y</li></ul></td><td>2014-03<br>2015-01</td></tr></tbody></table>"##;
        let rows = table_rows(t);
        assert_eq!(
            rows,
            [
                vec!["".to_string(), "a, b".into()],
                vec!["P1".into(), "say \"hi\" −1.5".into()],
                vec!["x; y".into(), "2014-03; 2015-01".into()],
            ]
        );
        assert_eq!(
            csv(&rows),
            "\u{feff},\"a, b\"\r\nP1,\"say \"\"hi\"\" −1.5\"\r\nx; y,2014-03; 2015-01\r\n"
        );
    }
}
