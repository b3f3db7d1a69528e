//! What a cited source must be for a scholar to use it: its title the one it was published
//! under (not a description of it in brackets), and its address a canonical one (not a staging
//! server, a development copy, a content-delivery host or a bare IP address, which move or
//! vanish and are not what the publisher gives as the address).
//!
//! ```
//! use dyad_model::sources::{check_title, check_url};
//! assert!(check_title("New START Treaty").is_none());
//! assert!(check_title("[Reuters report on the Prague signing]").is_some());
//! assert!(check_url("https://www.state.gov/new-start/").is_none());
//! assert!(check_url("https://web.archive.org/web/2010/http://www.kremlin.ru/").is_none());
//! assert!(check_url("http://20.210.105.67/txt/time.html").is_some());
//! assert!(check_url("https://d27r7ebsgu0es2.cloudfront.net/reports/R42085.json").is_some());
//! ```

use std::fmt;

/// Hosts ending so are content-delivery or cloud storage hosts, not a publisher's address.
pub const DENIED_HOST_SUFFIXES: &[&str] = &[
    ".cloudfront.net",
    ".akamaihd.net",
    ".akamaized.net",
    ".edgesuite.net",
    ".edgekey.net",
    ".fastly.net",
    ".azureedge.net",
    ".amazonaws.com",
    ".googleusercontent.com",
    ".appspot.com",
];

/// Hosts starting so are staging, development, test or content-delivery copies of a site.
pub const DENIED_HOST_PREFIXES: &[&str] = &[
    "staging.",
    "staging-",
    "stage.",
    "dev.",
    "dev-",
    "test.",
    "preview.",
    "cdn.",
    "cdn-",
    "localhost",
];

/// Words that mark a title as a stand-in for the published one (compared without case).
pub const PLACEHOLDER_WORDS: &[&str] = &[
    "title not shown",
    "untitled",
    "no title",
    "placeholder",
    "todo",
    "tbd",
];

/// Why a source cannot be cited as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SourceProblem {
    /// The title is a description in brackets or a stand-in, not the published title.
    PlaceholderTitle { title: String },
    /// The title carries an editor's words in brackets after the published title.
    EditorialBrackets { title: String, published: String },
    /// The address's host is a staging, development, CDN or IP host.
    DeniedHost {
        url: String,
        host: String,
        rule: String,
    },
    /// The address has no host.
    NoHost { url: String },
}

impl fmt::Display for SourceProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceProblem::PlaceholderTitle { title } => write!(
                f,
                "title `{title}` is a placeholder, not the published title: write the title as published (seen in the source or a search result), or drop the source"
            ),
            SourceProblem::EditorialBrackets { title, published } => write!(
                f,
                "title `{title}` adds words in brackets to the published title: write `{published}`"
            ),
            SourceProblem::DeniedHost { url, host, rule } => write!(
                f,
                "url `{url}` is on host `{host}` ({rule}): cite the publisher's canonical address, an archived copy (web.archive.org), or no url"
            ),
            SourceProblem::NoHost { url } => write!(f, "url `{url}` has no host"),
        }
    }
}

/// A problem with a source's title, if any.
pub fn check_title(title: &str) -> Option<SourceProblem> {
    let t = title.trim();
    let lower = t.to_lowercase();
    // wholly in brackets: a description standing for the title (a bracketed tag that opens a
    // published title, `[视频]…`, is part of it)
    let placeholder = (t.starts_with('[') && t.find(']') == Some(t.len() - 1))
        || PLACEHOLDER_WORDS.iter().any(|w| {
            lower
                .match_indices(w)
                .any(|(i, _)| is_word_at(&lower, i, w.len()))
        });
    if placeholder {
        return Some(SourceProblem::PlaceholderTitle {
            title: title.to_string(),
        });
    }
    if let Some(open) = t.find('[') {
        if t.ends_with(']') {
            return Some(SourceProblem::EditorialBrackets {
                title: title.to_string(),
                published: t[..open].trim_end().to_string(),
            });
        }
    }
    None
}

/// Whether the `len` bytes at `i` of `s` stand as a word (no letter on either side).
fn is_word_at(s: &str, i: usize, len: usize) -> bool {
    let before = s[..i].chars().next_back();
    let after = s[i + len..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

/// The host of an http(s) address, lower-cased, without port or credentials.
pub fn host(url: &str) -> Option<String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let authority = rest.split(['/', '?', '#']).next()?;
    let authority = authority.rsplit('@').next()?;
    let host = if let Some(v6) = authority.strip_prefix('[') {
        format!("[{}]", v6.split(']').next()?)
    } else {
        authority.split(':').next()?.to_string()
    };
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

/// A problem with a source's address, if any (an empty address is none).
pub fn check_url(url: &str) -> Option<SourceProblem> {
    if url.is_empty() {
        return None;
    }
    let Some(h) = host(url) else {
        return Some(SourceProblem::NoHost {
            url: url.to_string(),
        });
    };
    let denied = |rule: String| SourceProblem::DeniedHost {
        url: url.to_string(),
        host: h.clone(),
        rule,
    };
    if h.starts_with('[')
        || (h.split('.').count() == 4 && h.split('.').all(|p| p.parse::<u8>().is_ok()))
    {
        return Some(denied("an IP address".to_string()));
    }
    if let Some(s) = DENIED_HOST_SUFFIXES.iter().find(|s| h.ends_with(*s)) {
        return Some(denied(format!("a content-delivery or cloud host, *{s}")));
    }
    if let Some(p) = DENIED_HOST_PREFIXES
        .iter()
        .find(|p| h.starts_with(*p) || h.strip_prefix("www.").is_some_and(|r| r.starts_with(*p)))
    {
        return Some(denied(format!("a staging, development or CDN host, {p}*")));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholder_titles_are_found() {
        for t in [
            "[AP report: U.S. accuses Russia of violating 1987 missile treaty]",
            "Reuters report; title not shown in the stored excerpt",
            "Untitled",
            "TBD",
        ] {
            assert!(
                matches!(check_title(t), Some(SourceProblem::PlaceholderTitle { .. })),
                "{t}"
            );
        }
        assert_eq!(
            check_title("Security Council resolution 1929 (2010) [on Iran]"),
            Some(SourceProblem::EditorialBrackets {
                title: "Security Council resolution 1929 (2010) [on Iran]".into(),
                published: "Security Council resolution 1929 (2010)".into()
            })
        );
        for t in [
            "Treaty on the Limitation of Anti-Ballistic Missile Systems",
            "Todorov meets Lavrov",
            "美俄元首通电话",
            "[视频]奥巴马与普京就叙利亚问题在联大尖锐交锋",
        ] {
            assert_eq!(check_title(t), None, "{t}");
        }
    }

    #[test]
    fn hosts_are_checked_against_the_deny_list() {
        for u in [
            "http://20.210.105.67/txt/time/Time1993/1993-04-12/978230.html",
            "https://d27r7ebsgu0es2.cloudfront.net/reports/R42085.json",
            "https://staging-resources.inmm.org/x",
            "https://dev.nationalmemo.com/obama-sanctions-russia",
            "https://cdn.saudigazette.com.sa/article/650436",
            "https://foo.akamaihd.net/a.pdf",
            "http://[2001:db8::1]/a",
            "https://www.staging.example.org/",
        ] {
            assert!(
                matches!(check_url(u), Some(SourceProblem::DeniedHost { .. })),
                "{u}"
            );
        }
        for u in [
            "",
            "https://web.archive.org/web/2010/http://www.kremlin.ru/events/1",
            "https://m.state.gov/md1.htm",
            "https://www.developer.example.com/",
            "https://devex.com/news",
            "https://www.xinhuanet.com:443/world/2018-07/16/c_1.htm",
        ] {
            assert_eq!(check_url(u), None, "{u}");
        }
        assert_eq!(
            host("https://user@Example.ORG:8080/a"),
            Some("example.org".into())
        );
        assert!(matches!(
            check_url("https:///a"),
            Some(SourceProblem::NoHost { .. })
        ));
    }
}
