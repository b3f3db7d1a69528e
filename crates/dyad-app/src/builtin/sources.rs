//! The chronology's sources: whether each can be cited as it is, and the events that rest only
//! on outlets of low reliability.

use super::chronology::{EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS, SOURCE_COLUMNS};
use super::file;
use crate::Result;
use dyad_coder::tsv;
use dyad_model::sources::{check_title, check_url, OutletDenyList};
use std::collections::HashMap;

/// Whether each cited source can be cited as it is: its title the published one and its address
/// canonical (`dyad_model::sources`). Each problem with its `file:line`. These are reported by
/// `dyad dict check` but do not make the chronology unusable: the event still has its source.
pub fn check_sources(source_files: &[(&str, &str)]) -> Vec<String> {
    let mut problems = Vec::new();
    for (file, text) in source_files {
        let recs = match tsv::records(file, text, SOURCE_COLUMNS) {
            Ok(r) => r,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        for r in recs {
            let at = format!("{file}:{} source `{}`", r.line, r.fields[0]);
            if let Some(p) = check_title(r.fields[1]) {
                problems.push(format!("{at}: {p}"));
            }
            if let Some(p) = check_url(r.fields[4]) {
                problems.push(format!("{at}: {p}"));
            }
        }
    }
    problems
}

/// Where the list of low-reliability outlets lives (versioned data, embedded with the chronology).
pub const LOW_RELIABILITY_PATH: &str = "data/chronology/low-reliability.tsv";

/// The outlets of low reliability that no event may rest on alone.
pub fn low_reliability() -> Result<OutletDenyList> {
    Ok(OutletDenyList::parse(
        LOW_RELIABILITY_PATH,
        file(LOW_RELIABILITY_PATH)?,
    )?)
}

/// Every event whose cited sources are all on outlets of `denied` (matched on the source's
/// publisher and the host of its url), each with its `file:line`, the sources and outlets it
/// rests on, and what to do. A source on such an outlet beside another source is fine. Rows or
/// files that do not parse are left to [`parse_chronology`](super::parse_chronology); a cited id that is in no sources file
/// counts as not denied (that problem is reported there too).
pub fn check_reliability(
    event_files: &[(&str, &str)],
    source_files: &[(&str, &str)],
    denied: &OutletDenyList,
) -> Vec<String> {
    let mut on: HashMap<&str, String> = HashMap::new();
    for (_, text) in source_files {
        let Ok(recs) = tsv::records("sources", text, SOURCE_COLUMNS) else {
            continue;
        };
        for r in recs {
            if let Some((o, m)) = denied.denied(r.fields[2], r.fields[4]) {
                on.insert(r.fields[0], format!("{} ({m}, {})", o.outlet, o.origin));
            }
        }
    }
    let mut problems = Vec::new();
    for (file, text) in event_files {
        let Ok(recs) =
            tsv::records_with_optional(file, text, EVENT_COLUMNS, OPTIONAL_EVENT_COLUMNS)
        else {
            continue;
        };
        for r in recs {
            let cites: Vec<&str> = r.fields[14]
                .split(';')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .collect();
            if cites.is_empty() || !cites.iter().all(|c| on.contains_key(c)) {
                continue;
            }
            let rests = cites
                .iter()
                .map(|c| format!("`{c}` on {}", on[c]))
                .collect::<Vec<_>>()
                .join("; ");
            problems.push(format!(
                "{file}:{}: event `{}` rests only on low-reliability outlets ({rests}): cite beside or instead of them a primary or official record, a wire service or a newspaper of record that reports the same act, its title and url exactly as seen (data/chronology/README.md)",
                r.line, r.fields[0]
            ));
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin::{
        code_table, domains, files_under, kinds, parse_chronology, people, Vocabulary,
    };
    use dyad_model::PlaceTable;

    #[test]
    fn sources_with_placeholder_titles_or_denied_hosts_are_reported() {
        let sources = "id\ttitle\tpublisher\tdate\turl\n\
                       a\tNew START Treaty\tU.S. Department of State\t2010-04-08\thttps://www.state.gov/new-start/\n\
                       b\t[Reuters report on the signing]\tReuters\t2010-04-08\t\n\
                       c\tA report\tTime\t1993-04-12\thttp://20.210.105.67/txt/a.html\n";
        let p = check_sources(&[("sources-t.tsv", sources)]);
        assert_eq!(p.len(), 2, "{p:?}");
        assert!(
            p[0].starts_with(
                "sources-t.tsv:3 source `b`: title `[Reuters report on the signing]` is a placeholder"
            ),
            "{p:?}"
        );
        assert!(p[1].starts_with("sources-t.tsv:4 source `c`: url `http://20.210.105.67/txt/a.html` is on host `20.210.105.67` (an IP address)"), "{p:?}");
    }

    #[test]
    fn sources_with_amp_mobile_or_tracking_urls_are_reported_with_their_id() {
        let sources = "id\ttitle\tpublisher\tdate\turl\n\
                       a\tA story\tExample News\t2016-10-08\thttps://www.example-news.org/2016/10/08/a-story/\n\
                       b\tA story\tExample News\t2016-10-08\thttps://example-news.org/amp/2016/10/08/a-story/\n\
                       c\tA story\tExample News\t2016-10-08\thttps://m.example-news.org/2016/10/08/a-story/\n\
                       d\tA story\tExample News\t2016-10-08\thttps://www.example-news.org/2016/10/08/a-story/?utm_source=feed\n";
        let p = check_sources(&[("sources-t.tsv", sources)]);
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(
            p[0].starts_with("sources-t.tsv:3 source `b`: url `https://example-news.org/amp/2016/10/08/a-story/` is an AMP page (path segment /amp/)"),
            "{p:?}"
        );
        assert!(
            p[1].starts_with("sources-t.tsv:4 source `c`: url `https://m.example-news.org/2016/10/08/a-story/` is a mobile page (host m.*)"),
            "{p:?}"
        );
        assert!(
            p[2].starts_with("sources-t.tsv:5 source `d`: url `https://www.example-news.org/2016/10/08/a-story/?utm_source=feed` is an address with tracking parameters (utm_source)"),
            "{p:?}"
        );
        assert!(
            p.iter().all(|l| l.contains("cite the canonical address")),
            "{p:?}"
        );
    }

    #[test]
    fn the_built_in_sources_have_no_placeholder_titles_or_denied_hosts() {
        let p = check_sources(&files_under("data/chronology", "sources-"));
        assert!(
            p.is_empty(),
            "{} source problems:\n{}",
            p.len(),
            p.join("\n")
        );
    }

    /// The fixture pair for the low-reliability rule (`tests-data/chronology/`, written for it).
    const LOWREL_EVENTS: &str = include_str!("../../../../tests-data/chronology/events-lowrel.tsv");
    const LOWREL_SOURCES: &str =
        include_str!("../../../../tests-data/chronology/sources-lowrel.tsv");

    #[test]
    fn an_event_resting_only_on_denied_outlets_fails_until_a_good_source_is_added() {
        let denied = low_reliability().unwrap();
        let sources = [("sources-lowrel.tsv", LOWREL_SOURCES)];
        // the fixture is a valid chronology: the rule is the only thing it breaks
        let table = code_table().unwrap();
        let (people, domains) = (people().unwrap(), domains().unwrap());
        let kinds = kinds(&table).unwrap();
        let places = PlaceTable::parse("p.tsv", "# version: 1\nplace_en\tplace_zh\n").unwrap();
        let vocab = Vocabulary {
            table: &table,
            people: &people,
            domains: &domains,
            kinds: &kinds,
            places: &places,
        };
        let c = parse_chronology(&[("events-lowrel.tsv", LOWREL_EVENTS)], &sources, &vocab);
        assert_eq!(c.err(), None);

        // row 1 rests on Breitbart and EIR alone; row 2 has a wire report beside EIR; row 3's
        // `Their` and `notbreitbart.com` only look like denied outlets
        let p = check_reliability(&[("events-lowrel.tsv", LOWREL_EVENTS)], &sources, &denied);
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(
            p[0].starts_with("events-lowrel.tsv:5: event `test-2025-02-11-envoy-visit` rests only on low-reliability outlets (`t-breitbart` on Breitbart (publisher `breitbart`, data/chronology/low-reliability.tsv:"),
            "{p:?}"
        );
        assert!(
            p[0].contains("`t-eir` on LaRouche publications (EIR) (publisher `eir`")
                && p[0].contains("cite beside or instead of them a primary or official record"),
            "{p:?}"
        );

        // adding a good source to the event clears it
        let fixed = LOWREL_EVENTS.replace("\tt-breitbart;t-eir\t", "\tt-breitbart;t-eir;t-good\t");
        assert_ne!(fixed, LOWREL_EVENTS);
        let p = check_reliability(&[("events-lowrel.tsv", &fixed)], &sources, &denied);
        assert_eq!(p, Vec::<String>::new());
    }

    #[test]
    fn no_built_in_event_rests_only_on_low_reliability_outlets() {
        let denied = low_reliability().unwrap();
        assert!(denied.len() >= 8, "{} outlets", denied.len());
        let p = check_reliability(
            &files_under("data/chronology", "events-"),
            &files_under("data/chronology", "sources-"),
            &denied,
        );
        assert!(p.is_empty(), "{} events:\n{}", p.len(), p.join("\n"));
    }
}
