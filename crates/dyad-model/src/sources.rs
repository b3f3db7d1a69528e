//! What a cited source must be for a scholar to use it: its title the one it was published
//! under (not a description of it in brackets), and its address a canonical one (not a staging
//! server, a development copy, a content-delivery host, a hosting provider's origin or a bare IP
//! address, which move or vanish and are not what the publisher gives as the address; nor an AMP
//! page, a mobile host or an address carrying tracking parameters, which copy the publisher's
//! page under another address). And no event may rest on outlets
//! of low reliability alone: [`OutletDenyList`] reads their list (versioned data,
//! `data/chronology/low-reliability.tsv`) and tells whether a source is on one of them.
//!
//! ```
//! use dyad_model::sources::{check_title, check_url};
//! assert!(check_title("New START Treaty").is_none());
//! assert!(check_title("[Reuters report on the Prague signing]").is_some());
//! assert!(check_url("https://www.state.gov/new-start/").is_none());
//! assert!(check_url("https://web.archive.org/web/2010/http://www.kremlin.ru/").is_none());
//! assert!(check_url("http://20.210.105.67/txt/time.html").is_some());
//! assert!(check_url("https://d27r7ebsgu0es2.cloudfront.net/reports/R42085.json").is_some());
//! assert!(check_url("https://m.example.org/news/a.html").is_some()); // a mobile copy
//! assert!(check_url("https://example.org/amp/a.html").is_some()); // an AMP page
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

/// A host whose first label has one of these words as a hyphenated part, a number after it allowed
/// (`homsy-staging.cambridgecore.org`, `staging2.example.org`), is a staging copy.
pub const DENIED_HOST_LABEL_WORDS: &[&str] = &["staging"];

/// Hosts ending so are a publisher's content-management system, whose pages (`/preview/…`) are
/// drafts or copies of the published ones (Voice of America's Pangea CMS).
pub const DENIED_CMS_HOST_SUFFIXES: &[&str] = &[".pangea-cms.com"];

/// Hosts starting so are a hosting provider's origin server behind the publisher's site
/// (`acquiaprod.middleeasteye.net`), not the address the publisher gives.
pub const DENIED_ORIGIN_HOST_PREFIXES: &[&str] = &["acquiaprod.", "acquia-prod."];

/// Hosts ending so are a hosting provider's address for a site, not the publisher's own.
pub const DENIED_ORIGIN_HOST_SUFFIXES: &[&str] = &[
    ".pantheonsite.io",
    ".wpengine.com",
    ".wpenginepowered.com",
    ".herokuapp.com",
    ".netlify.app",
    ".acquia-sites.com",
];

/// A host whose first label is one of these is a mobile copy of a site (`m.dw.com`,
/// `mobile.bloomberg.com`): the canonical address is on the main host (`www.dw.com`).
pub const MOBILE_HOST_LABELS: &[&str] = &["m", "mobile", "wap"];

/// Query parameters that only track how a reader came to a page (compared without case; a name
/// ending in `_` is a prefix: `utm_` matches `utm_source`, `utm_campaign`…).
pub const TRACKING_PARAMETERS: &[&str] = &[
    "utm_",
    "fbclid",
    "gclid",
    "dclid",
    "msclkid",
    "yclid",
    "igshid",
    "mc_cid",
    "mc_eid",
    "_ga",
    "_gl",
    "ocid",
    "cmpid",
    "smid",
    "xtor",
    "ns_mchannel",
    "ns_source",
    "ns_campaign",
    "ns_linkname",
    "ns_fee",
    "ref_src",
    "__twitter_impression",
];

/// Hosts whose addresses embed another page's address (an archived copy): the checks of AMP,
/// mobile and tracking forms do not look inside them.
pub const ARCHIVE_HOSTS: &[&str] = &[
    "web.archive.org",
    "archive.org",
    "archive.ph",
    "archive.today",
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
    /// The address is an AMP, mobile or tracking form of the publisher's canonical address.
    NonCanonical {
        url: String,
        /// `an AMP page`, `a mobile host`, `tracking parameters`.
        form: String,
        /// What in the address makes it so.
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
            SourceProblem::NonCanonical { url, form, rule } => write!(
                f,
                "url `{url}` is {form} ({rule}), not the publisher's canonical address: cite the canonical address (without the AMP part, on the main host instead of the mobile one, without the tracking parameters) as a search result or the page showed it, or another report of the same event whose title and url were seen"
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
    let first = h
        .strip_prefix("www.")
        .unwrap_or(&h)
        .split('.')
        .next()
        .unwrap_or_default();
    if let Some(w) = DENIED_HOST_LABEL_WORDS.iter().find(|w| {
        first
            .split('-')
            .any(|part| part.trim_end_matches(|c: char| c.is_ascii_digit()) == **w)
    }) {
        return Some(denied(format!("a staging host, *-{w}.*")));
    }
    if let Some(s) = DENIED_CMS_HOST_SUFFIXES.iter().find(|s| h.ends_with(*s)) {
        return Some(denied(format!("a content-management host, *{s}")));
    }
    if let Some(p) = DENIED_ORIGIN_HOST_PREFIXES
        .iter()
        .find(|p| h.starts_with(*p))
    {
        return Some(denied(format!("a hosting provider's origin host, {p}*")));
    }
    if let Some(s) = DENIED_ORIGIN_HOST_SUFFIXES.iter().find(|s| h.ends_with(*s)) {
        return Some(denied(format!("a hosting provider's host, *{s}")));
    }
    check_canonical_form(url, &h)
}

/// Whether an address on host `h` is an AMP, mobile or tracking form of a canonical one.
fn check_canonical_form(url: &str, h: &str) -> Option<SourceProblem> {
    if ARCHIVE_HOSTS
        .iter()
        .any(|a| h == *a || h.ends_with(&format!(".{a}")))
    {
        return None;
    }
    let non_canonical = |form: &str, rule: String| SourceProblem::NonCanonical {
        url: url.to_string(),
        form: form.to_string(),
        rule,
    };
    let first = h.split('.').next().unwrap_or_default();
    if first == "amp" {
        return Some(non_canonical("an AMP page", "host amp.*".to_string()));
    }
    if let Some(l) = MOBILE_HOST_LABELS.iter().find(|l| first == **l) {
        return Some(non_canonical("a mobile page", format!("host {l}.*")));
    }
    let after_scheme = url.split_once("://").map_or(url, |(_, r)| r);
    let (before_fragment, _) = after_scheme.split_once('#').unwrap_or((after_scheme, ""));
    let (path, query) = match before_fragment.split_once('?') {
        Some((p, q)) => (p, q),
        None => (before_fragment, ""),
    };
    let path = path.split_once('/').map_or("", |(_, p)| p);
    for seg in path.split('/') {
        let seg = seg.to_ascii_lowercase();
        if seg == "amp" || seg == "amp.html" {
            return Some(non_canonical(
                "an AMP page",
                "path segment /amp/".to_string(),
            ));
        }
        if [".amp", ".amp.html", ".amp.htm", "_amp.html"]
            .iter()
            .any(|e| seg.ends_with(e))
        {
            return Some(non_canonical("an AMP page", format!("path `{seg}`")));
        }
    }
    let mut tracking = Vec::new();
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = key.to_ascii_lowercase();
        let value = value.to_ascii_lowercase();
        if key == "amp"
            || (["outputtype", "output", "format"].contains(&key.as_str()) && value == "amp")
        {
            return Some(non_canonical("an AMP page", format!("query `{pair}`")));
        }
        if TRACKING_PARAMETERS.iter().any(|t| {
            if t.ends_with('_') {
                key.starts_with(*t)
            } else {
                key == *t
            }
        }) {
            tracking.push(key);
        }
    }
    if !tracking.is_empty() {
        return Some(non_canonical(
            "an address with tracking parameters",
            tracking.join(", "),
        ));
    }
    None
}

/// The columns of the list of low-reliability outlets, in order.
pub const OUTLET_COLUMNS: &[&str] = &["outlet", "publisher_words", "hosts", "why"];

/// An outlet of low reliability: a source is on it when its publisher contains one of its words
/// (as a whole word, without regard to case) or its address is on one of its hosts (or a
/// subdomain of one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeniedOutlet {
    pub outlet: String,
    /// Lower-cased.
    pub publisher_words: Vec<String>,
    /// Lower-cased, without scheme or path.
    pub hosts: Vec<String>,
    pub why: String,
    /// Where it is defined: `file:line`.
    pub origin: String,
}

/// What makes a source's outlet one of the denied ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutletMatch {
    /// The publisher contains this word of the outlet's.
    Publisher(String),
    /// The address is on this host of the outlet's (or a subdomain of it).
    Host(String),
}

impl fmt::Display for OutletMatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutletMatch::Publisher(w) => write!(f, "publisher `{w}`"),
            OutletMatch::Host(h) => write!(f, "host `{h}`"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OutletListError {
    #[error("{file}:{line}: {msg}")]
    Row {
        file: String,
        line: usize,
        msg: String,
    },
    #[error("{file}: no header row `{expected}`; add it after the comments")]
    NoHeader { file: String, expected: String },
    #[error("{file}: no `# version: N` comment line; add one before the header")]
    NoVersion { file: String },
}

/// The list of low-reliability outlets, in file order.
///
/// ```
/// use dyad_model::sources::OutletDenyList;
/// let list = OutletDenyList::parse(
///     "low-reliability.tsv",
///     "# version: 1\noutlet\tpublisher_words\thosts\twhy\nEIR\teir\teir.news\tnot news\n",
/// )
/// .unwrap();
/// assert!(list.denied("EIR News", "").is_some());
/// assert!(list.denied("Their Gazette", "https://www.eir.news/a").is_some());
/// assert!(list.denied("Their Gazette", "https://weir.news/a").is_none());
/// ```
#[derive(Debug, Clone, Default)]
pub struct OutletDenyList {
    outlets: Vec<DeniedOutlet>,
    version: String,
}

impl OutletDenyList {
    /// Parses the tab-separated list; `file` names it in errors. A row needs an outlet, a reason,
    /// and at least one publisher word or host; a host is a bare host name (no scheme, path or
    /// spaces); an outlet is written once.
    pub fn parse(file: &str, text: &str) -> Result<OutletDenyList, OutletListError> {
        let mut list = OutletDenyList::default();
        let mut version = None;
        let mut header = false;
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let raw = raw.strip_suffix('\r').unwrap_or(raw);
            let err = |msg: String| OutletListError::Row {
                file: file.to_string(),
                line,
                msg,
            };
            if let Some(c) = raw.strip_prefix('#') {
                if let Some(v) = c.trim().strip_prefix("version:") {
                    version = Some(v.trim().to_string());
                }
                continue;
            }
            if raw.trim().is_empty() {
                continue;
            }
            if !header {
                if raw.trim_end() != OUTLET_COLUMNS.join("\t") {
                    return Err(err(format!(
                        "header is `{raw}`, expected `{}`",
                        OUTLET_COLUMNS.join("\t")
                    )));
                }
                header = true;
                continue;
            }
            let f: Vec<&str> = raw.split('\t').collect();
            if f.len() != OUTLET_COLUMNS.len() {
                return Err(err(format!(
                    "{} columns, expected {} ({})",
                    f.len(),
                    OUTLET_COLUMNS.len(),
                    OUTLET_COLUMNS.join(", ")
                )));
            }
            let list_of = |s: &str| -> Vec<String> {
                s.split(',')
                    .map(|w| w.trim().to_lowercase())
                    .filter(|w| !w.is_empty())
                    .collect()
            };
            let (outlet, words, hosts, why) =
                (f[0].trim(), list_of(f[1]), list_of(f[2]), f[3].trim());
            if outlet.is_empty() || why.is_empty() {
                return Err(err(
                    "an outlet needs its name and, in a few words, why it is listed".to_string(),
                ));
            }
            if words.is_empty() && hosts.is_empty() {
                return Err(err(format!(
                    "outlet `{outlet}` has neither publisher words nor hosts, so it matches nothing"
                )));
            }
            if let Some(h) = hosts.iter().find(|h| {
                h.contains(['/', ':', ' ', '@']) || !h.contains('.') || h.starts_with('.')
            }) {
                return Err(err(format!(
                    "host `{h}` of `{outlet}` is not a bare host name (e.g. `breitbart.com`)"
                )));
            }
            if let Some(o) = list.outlets.iter().find(|o| o.outlet == outlet) {
                return Err(err(format!(
                    "outlet `{outlet}` is written twice (first at {})",
                    o.origin
                )));
            }
            list.outlets.push(DeniedOutlet {
                outlet: outlet.to_string(),
                publisher_words: words,
                hosts,
                why: why.to_string(),
                origin: format!("{file}:{line}"),
            });
        }
        if !header {
            return Err(OutletListError::NoHeader {
                file: file.to_string(),
                expected: OUTLET_COLUMNS.join("\t"),
            });
        }
        list.version = version.ok_or_else(|| OutletListError::NoVersion {
            file: file.to_string(),
        })?;
        Ok(list)
    }

    pub fn len(&self) -> usize {
        self.outlets.len()
    }

    pub fn is_empty(&self) -> bool {
        self.outlets.is_empty()
    }

    pub fn version(&self) -> &str {
        &self.version
    }

    pub fn outlets(&self) -> &[DeniedOutlet] {
        &self.outlets
    }

    /// The denied outlet a source with this publisher and address is on, and what matched, if
    /// any: a publisher word standing as a whole word (`eir` in `EIR News`, not in `their`), or
    /// the address's host equal to one of the outlet's hosts or a subdomain of one.
    pub fn denied(&self, publisher: &str, url: &str) -> Option<(&DeniedOutlet, OutletMatch)> {
        let publisher = publisher.to_lowercase();
        let h = host(url);
        self.outlets.iter().find_map(|o| {
            if let Some(w) = o.publisher_words.iter().find(|w| {
                publisher
                    .match_indices(w.as_str())
                    .any(|(i, _)| is_word_at(&publisher, i, w.len()))
            }) {
                return Some((o, OutletMatch::Publisher(w.clone())));
            }
            let h = h.as_deref()?;
            o.hosts
                .iter()
                .find(|d| {
                    h == d.as_str() || h.strip_suffix(d.as_str()).is_some_and(|r| r.ends_with('.'))
                })
                .map(|d| (o, OutletMatch::Host(d.clone())))
        })
    }
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
            "https://homsy-staging.cambridgecore.org/core/journals/x",
            "https://staging2.example.org/",
            "https://voa.pangea-cms.com/preview/en-US/a/x/1726492.html",
        ] {
            assert!(
                matches!(check_url(u), Some(SourceProblem::DeniedHost { .. })),
                "{u}"
            );
        }
        for u in [
            "",
            "https://web.archive.org/web/2010/http://www.kremlin.ru/events/1",
            "https://www.developer.example.com/",
            "https://devex.com/news",
            "https://www.xinhuanet.com:443/world/2018-07/16/c_1.htm",
            "https://www.cambridge.org/core/journals/x",
            "https://www.stagingpoint.org/",
            "https://news.staging-politics.example.org/",
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

    #[test]
    fn amp_mobile_and_tracking_addresses_are_not_canonical() {
        let form = |u: &str| match check_url(u) {
            Some(SourceProblem::NonCanonical { form, .. }) => Some(form),
            other => panic!("{u}: {other:?}"),
        };
        for u in [
            "https://amp.example-news.org/world/story-1.html",
            "https://example-news.org/amp/12345.html",
            "https://www.example-news.org/world/story-1/amp",
            "https://example-news.org/world/story-1.amp.html",
            "https://example-news.org/world/story-1?amp",
            "https://example-news.org/world/story-1?amp=1",
            "https://example-news.org/a/story?id=7&outputType=amp",
        ] {
            assert_eq!(form(u), Some("an AMP page".to_string()), "{u}");
        }
        for u in [
            "https://m.example-news.org/world/story-1.html",
            "http://mobile.example-wire.com/news/2014-07-17/a-story.html",
            "https://m.news.example.cn/2010-12-23/1.html",
        ] {
            assert_eq!(form(u), Some("a mobile page".to_string()), "{u}");
        }
        for u in [
            "https://www.example-news.org/world/story-1/index.html?utm_source=feed&utm_medium=rss",
            "https://www.example-news.org/world/story-1?fbclid=AbC123",
            "https://www.example-news.org/world/story-1?id=9&gclid=x",
        ] {
            assert_eq!(
                form(u),
                Some("an address with tracking parameters".to_string()),
                "{u}"
            );
        }
        for u in [
            "https://www.example-news.org/world/story-1.html",
            "https://www.example-news.org/a/story?id=81927&page=1",
            "https://www.example-news.org/world/ampere-record-story",
            "https://www.example-news.org/world/example-amp",
            "https://www.mobileworld.example.org/a",
            "https://web.archive.org/web/2010/http://m.example-news.org/amp/1.html?utm_source=x",
            "https://www.example-news.org/search?format=html",
        ] {
            assert_eq!(check_url(u), None, "{u}");
        }
        let p = check_url("https://m.example-news.org/a.html")
            .unwrap()
            .to_string();
        assert!(p.contains("is a mobile page (host m.*)"), "{p}");
        assert!(p.contains("cite the canonical address"), "{p}");
        assert!(matches!(
            check_url("https://acquiaprod.example-news.net/node/1"),
            Some(SourceProblem::DeniedHost { .. })
        ));
    }

    const OUTLETS: &str = "# version: 2\n\
                           outlet\tpublisher_words\thosts\twhy\n\
                           Breitbart\tbreitbart\tbreitbart.com\tpartisan\n\
                           LaRouche\tlarouche,eir\teir.news,larouchepub.com\tnot news\n\
                           Blog\t\tscaffoldingboards.org\treprints\n";

    #[test]
    fn outlets_are_matched_on_whole_publisher_words_and_hosts() {
        let l = OutletDenyList::parse("o.tsv", OUTLETS).unwrap();
        assert_eq!((l.len(), l.version()), (3, "2"));
        let on = |p: &str, u: &str| l.denied(p, u).map(|(o, m)| (o.outlet.clone(), m));
        assert_eq!(
            on("EIR News", ""),
            Some(("LaRouche".into(), OutletMatch::Publisher("eir".into())))
        );
        assert_eq!(
            on(
                "Reuters (via scaffoldingboards.org)",
                "https://scaffoldingboards.org/a/"
            ),
            Some((
                "Blog".into(),
                OutletMatch::Host("scaffoldingboards.org".into())
            ))
        );
        assert_eq!(
            on("Reuters", "https://www.breitbart.com/europe/x"),
            Some((
                "Breitbart".into(),
                OutletMatch::Host("breitbart.com".into())
            ))
        );
        assert_eq!(
            on("BREITBART", "").map(|(o, _)| o),
            Some("Breitbart".into())
        );
        for (p, u) in [
            ("Their Gazette", "https://example.org/their-story"),
            ("Weird News", "https://weir.news/a"),
            ("Reuters", "https://notbreitbart.com/a"),
            ("Reuters", "https://breitbart.com.example.org/a"),
            ("Heirloom Press", ""),
        ] {
            assert_eq!(on(p, u), None, "{p} {u}");
        }
    }

    #[test]
    fn a_malformed_outlet_list_is_refused_with_its_line() {
        let bad = |rows: &str| {
            OutletDenyList::parse(
                "o.tsv",
                &format!("# version: 1\noutlet\tpublisher_words\thosts\twhy\n{rows}"),
            )
            .unwrap_err()
            .to_string()
        };
        assert!(bad("X\t\t\tno matcher\n").starts_with("o.tsv:3: outlet `X` has neither"));
        assert!(bad("X\tx\thttps://x.org/\twhy\n").contains("not a bare host name"));
        assert!(bad("X\tx\tx.org\t\n").contains("needs its name"));
        assert!(
            bad("X\tx\tx.org\tw\nX\ty\ty.org\tw\n").contains("written twice (first at o.tsv:3)")
        );
        assert!(bad("X\tx\n").contains("2 columns, expected 4"));
        assert!(matches!(
            OutletDenyList::parse("o.tsv", "outlet\tpublisher_words\thosts\twhy\n"),
            Err(OutletListError::NoVersion { .. })
        ));
    }
}
