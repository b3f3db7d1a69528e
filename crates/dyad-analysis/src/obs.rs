//! The library's input: one observed happening between two actors ([`Obs`]), and the merging of
//! several reports of the same happening into one observation ([`merge_reports`]).
//!
//! Two reports describe the same happening when they join the same unordered pair of actors,
//! their CAMEO codes are compatible (same two-digit root, which puts every 04x meeting code
//! together), and their dates are compatible given their precision:
//!
//! * day and day: at most `day_window` days apart (3 by default);
//! * day and month: the day lies in that month; month and month: the same month;
//! * year: only another year-precision date of the same year. A report known only to the year
//!   never joins a more precise cluster, because "they met in 2025" cannot say which meeting.
//!
//! Reports from the *same* document join only when code and date are identical: a chronology
//! lists distinct happenings by construction (five sanctions in one week are five events), while a
//! text that repeats a sentence does not create a second happening. Clustering is complete-linkage:
//! a report joins a cluster only if it is compatible with every member, so chains of reports three
//! days apart do not drift across a month.
//!
//! ```
//! use dyad_analysis::obs::{merge_reports, MergeParams, Report};
//! let r = |id: i64, doc: &str, date: &str, cameo: &str| Report {
//!     id, document: doc.into(), date: date.parse().unwrap(), source: "RUS".into(),
//!     target: "USA".into(), cameo: cameo.into(), quad_class: 1, goldstein: 1.9,
//!     rank: Some(1), domains: vec!["diplomacy".into()], label: "Alaska summit".into(),
//! };
//! let merged = merge_reports(
//!     &[r(1, "chronology", "2025-08-15", "042"), r(2, "doc-a", "2025-08-15", "044"),
//!       r(3, "doc-b", "2025-08", "042"), r(4, "doc-c", "2025-08-16", "043")],
//!     &MergeParams::default(),
//! );
//! assert_eq!(merged.len(), 1);
//! assert_eq!(merged[0].obs.mentions, 4);
//! ```

use dyad_model::{EventDate, Precision};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One happening between two actors, as the analysis sees it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Obs {
    /// The event's id in the store (or the smallest report id of a merged cluster).
    pub id: i64,
    /// When it happened, with its precision.
    pub date: EventDate,
    /// Who acted (ISO alpha-3 or organisation code).
    pub source: String,
    /// Who was acted upon.
    pub target: String,
    /// CAMEO event code ("042", "163").
    pub cameo: String,
    /// QuadClass 1..=4 (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
    /// 4 material conflict); anything else is counted as unclassified.
    pub quad_class: u8,
    /// Goldstein value of the code, −10..+10.
    pub goldstein: f64,
    /// Best (lowest) rank among the two actors' persons: 1 head of state, 2 head of government,
    /// 3 minister, 4 other; `None` when no individual acts.
    pub rank: Option<u8>,
    /// Domains (`diplomacy`, `sanctions`, `military-conflict:ukraine`…).
    pub domains: Vec<String>,
    /// Independent reports (distinct documents) merged into this event, at least 1.
    pub mentions: u32,
    /// Short description for reports.
    pub label: String,
}

impl Obs {
    /// The Goldstein value made safe: non-finite values count as 0, others are clamped to −10..10.
    pub fn goldstein_safe(&self) -> f64 {
        safe_goldstein(self.goldstein)
    }
}

pub(crate) fn safe_goldstein(g: f64) -> f64 {
    if g.is_finite() {
        g.clamp(-10.0, 10.0)
    } else {
        0.0
    }
}

/// One report of a happening, before merging: the fields of [`Obs`] without `mentions`, plus the
/// document (or origin) it came from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The report's own id (a stored event row).
    pub id: i64,
    /// Which document reported it. Reports of one document count as one mention; give every row
    /// of the curated chronology the same document name (e.g. `chronology`).
    pub document: String,
    pub date: EventDate,
    pub source: String,
    pub target: String,
    pub cameo: String,
    pub quad_class: u8,
    pub goldstein: f64,
    pub rank: Option<u8>,
    pub domains: Vec<String>,
    pub label: String,
}

/// An observation built from one or more reports, with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergedObs {
    pub obs: Obs,
    /// Ids of every report merged into it, ascending.
    pub reports: Vec<i64>,
    /// The distinct documents behind it, sorted (their number is `obs.mentions`).
    pub documents: Vec<String>,
}

/// Parameters of [`merge_reports`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MergeParams {
    /// Two day-precision dates match when at most this many days apart.
    pub day_window: i64,
}

impl Default for MergeParams {
    fn default() -> Self {
        MergeParams { day_window: 3 }
    }
}

/// The two-digit CAMEO root of a code ("0431" → "04"); codes shorter than two characters are
/// their own root.
pub fn cameo_root(code: &str) -> &str {
    let code = code.trim();
    code.get(..2).unwrap_or(code)
}

/// `true` when two CAMEO codes may describe the same happening: the same two-digit root
/// (all 04x consultations and meetings share the root 04).
pub fn compatible_codes(a: &str, b: &str) -> bool {
    cameo_root(a) == cameo_root(b)
}

/// `true` when two dates may be the same happening's date, given their precision.
pub fn compatible_dates(a: &EventDate, b: &EventDate, day_window: i64) -> bool {
    use Precision::*;
    match (a.precision(), b.precision()) {
        (Day, Day) => (a.ordinal() - b.ordinal()).abs() <= day_window,
        (Day, Month) | (Month, Day) | (Month, Month) => a.y() == b.y() && a.m() == b.m(),
        (Year, Year) => a.y() == b.y(),
        (Year, _) | (_, Year) => false,
    }
}

fn pair_key(a: &str, b: &str) -> (String, String) {
    if a <= b {
        (a.to_string(), b.to_string())
    } else {
        (b.to_string(), a.to_string())
    }
}

fn reports_match(a: &Report, b: &Report, p: &MergeParams) -> bool {
    if a.document == b.document {
        return a.cameo == b.cameo && a.date == b.date;
    }
    compatible_codes(&a.cameo, &b.cameo) && compatible_dates(&a.date, &b.date, p.day_window)
}

/// Merges reports of the same happening into one observation each (see the module docs for the
/// rule). Output is sorted by date, then id. Empty input gives empty output.
///
/// The merged observation takes: the most precise date (the one most reports give, then the
/// earliest); the CAMEO code most reports give (then the longer, more specific code, then the
/// smaller); source, target, Goldstein, QuadClass and label from the first report with that code;
/// the best rank; the union of domains; the smallest report id as its id; and as `mentions` the
/// number of distinct documents.
pub fn merge_reports(reports: &[Report], params: &MergeParams) -> Vec<MergedObs> {
    // Most precise first, then by date, so a cluster is anchored on its best-dated report.
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&reports[i], &reports[j]);
        (a.date.precision(), a.date.ordinal(), a.id).cmp(&(
            b.date.precision(),
            b.date.ordinal(),
            b.id,
        ))
    });
    // Clusters are indexed by (unordered pair, root) so a report is compared only with candidates.
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<((String, String), String), Vec<usize>> = HashMap::new();
    for &i in &order {
        let r = &reports[i];
        let key = (
            pair_key(&r.source, &r.target),
            cameo_root(&r.cameo).to_string(),
        );
        let candidates = index.entry(key).or_default();
        // Join the compatible cluster whose anchor is nearest in time.
        let mut best: Option<(i64, usize)> = None;
        for &c in candidates.iter() {
            let members = &clusters[c];
            if members
                .iter()
                .all(|&m| reports_match(&reports[m], r, params))
            {
                let gap = (reports[members[0]].date.ordinal() - r.date.ordinal()).abs();
                let better = match best {
                    None => true,
                    Some((g, _)) => gap < g,
                };
                if better {
                    best = Some((gap, c));
                }
            }
        }
        match best {
            Some((_, c)) => clusters[c].push(i),
            None => {
                candidates.push(clusters.len());
                clusters.push(vec![i]);
            }
        }
    }
    let mut out: Vec<MergedObs> = clusters
        .iter()
        .map(|members| build(reports, members))
        .collect();
    out.sort_by_key(|a| (a.obs.date.ordinal(), a.obs.id));
    out
}

fn build(reports: &[Report], members: &[usize]) -> MergedObs {
    let rs: Vec<&Report> = members.iter().map(|&m| &reports[m]).collect();
    // Date: most precise, then most frequent, then earliest.
    let best_precision = rs
        .iter()
        .map(|r| r.date.precision())
        .min()
        .unwrap_or(Precision::Year);
    let mut dates: BTreeMap<EventDate, usize> = BTreeMap::new();
    for r in rs.iter().filter(|r| r.date.precision() == best_precision) {
        *dates.entry(r.date).or_default() += 1;
    }
    let date = dates
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.ordinal().cmp(&a.0.ordinal())))
        .map(|(d, _)| *d)
        .unwrap_or(rs[0].date);
    // Code: most frequent, then longer, then smaller.
    let mut codes: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &rs {
        *codes.entry(r.cameo.as_str()).or_default() += 1;
    }
    let code = codes
        .iter()
        .max_by(|a, b| {
            a.1.cmp(b.1)
                .then(a.0.len().cmp(&b.0.len()))
                .then(b.0.cmp(a.0))
        })
        .map(|(c, _)| *c)
        .unwrap_or(rs[0].cameo.as_str());
    let lead = rs
        .iter()
        .filter(|r| r.cameo == code)
        .min_by_key(|r| r.id)
        .copied()
        .unwrap_or(rs[0]);
    let domains: BTreeSet<&String> = rs.iter().flat_map(|r| r.domains.iter()).collect();
    let documents: BTreeSet<&String> = rs.iter().map(|r| &r.document).collect();
    let mut ids: Vec<i64> = rs.iter().map(|r| r.id).collect();
    ids.sort_unstable();
    MergedObs {
        obs: Obs {
            id: ids[0],
            date,
            source: lead.source.clone(),
            target: lead.target.clone(),
            cameo: lead.cameo.clone(),
            quad_class: lead.quad_class,
            goldstein: lead.goldstein,
            rank: rs.iter().filter_map(|r| r.rank).min(),
            domains: domains.into_iter().cloned().collect(),
            mentions: documents.len().max(1) as u32,
            label: lead.label.clone(),
        },
        reports: ids,
        documents: documents.into_iter().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rep(id: i64, doc: &str, date: &str, src: &str, tgt: &str, cameo: &str) -> Report {
        Report {
            id,
            document: doc.into(),
            date: date.parse().unwrap(),
            source: src.into(),
            target: tgt.into(),
            cameo: cameo.into(),
            quad_class: 1,
            goldstein: 1.9,
            rank: None,
            domains: vec![],
            label: format!("report {id}"),
        }
    }

    #[test]
    fn alaska_summit_from_three_documents_and_the_chronology_is_one_event() {
        let mut chrono = rep(10, "chronology", "2025-08-15", "RUS", "USA", "042");
        chrono.rank = Some(1);
        chrono.domains = vec!["leaders".into(), "diplomacy".into()];
        let mut a = rep(21, "doc-a", "2025-08-15", "USA", "RUS", "044");
        a.domains = vec!["military-conflict:ukraine".into()];
        let b = rep(22, "doc-b", "2025-08", "RUS", "USA", "042");
        let c = rep(23, "doc-c", "2025-08-16", "USA", "RUS", "043");
        // Same document repeating the same sentence: no extra mention.
        let c2 = rep(24, "doc-c", "2025-08-16", "USA", "RUS", "043");
        // A different happening: sanctions two months later.
        let other = rep(30, "doc-a", "2025-10-22", "USA", "RUS", "163");
        let m = merge_reports(
            &[b.clone(), c2, a, other, chrono, c],
            &MergeParams::default(),
        );
        assert_eq!(m.len(), 2);
        let summit = &m[0];
        assert_eq!(summit.obs.mentions, 4);
        assert_eq!(summit.reports, vec![10, 21, 22, 23, 24]);
        assert_eq!(
            summit.documents,
            vec!["chronology", "doc-a", "doc-b", "doc-c"]
        );
        assert_eq!(summit.obs.id, 10);
        assert_eq!(summit.obs.date.to_string(), "2025-08-15");
        assert_eq!(summit.obs.cameo, "042");
        assert_eq!(summit.obs.rank, Some(1));
        assert_eq!(
            summit.obs.domains,
            vec!["diplomacy", "leaders", "military-conflict:ukraine"]
        );
        assert_eq!(m[1].obs.mentions, 1);
    }

    #[test]
    fn chronology_rows_stay_distinct() {
        let rows = [
            rep(1, "chronology", "2022-02-22", "USA", "RUS", "163"),
            rep(2, "chronology", "2022-02-24", "USA", "RUS", "163"),
            rep(3, "chronology", "2022-02-25", "USA", "RUS", "163"),
        ];
        assert_eq!(merge_reports(&rows, &MergeParams::default()).len(), 3);
    }

    #[test]
    fn windows_respect_precision() {
        let p = MergeParams::default();
        let d = |s: &str| s.parse::<EventDate>().unwrap();
        assert!(compatible_dates(&d("2025-08-15"), &d("2025-08-18"), 3));
        assert!(!compatible_dates(&d("2025-08-15"), &d("2025-08-19"), 3));
        assert!(compatible_dates(&d("2025-08-31"), &d("2025-08"), 3));
        assert!(!compatible_dates(&d("2025-09-01"), &d("2025-08"), 3));
        assert!(compatible_dates(&d("2025"), &d("2025"), 3));
        assert!(!compatible_dates(&d("2025"), &d("2025-08"), 3));
        // Chains do not drift: 1st, 4th and 7th are not one cluster.
        let rows = [
            rep(1, "a", "2025-08-01", "USA", "RUS", "042"),
            rep(2, "b", "2025-08-04", "USA", "RUS", "042"),
            rep(3, "c", "2025-08-07", "USA", "RUS", "042"),
        ];
        assert_eq!(merge_reports(&rows, &p).len(), 2);
        // A year-only report stays apart from a dated one.
        let rows = [
            rep(1, "a", "2025-08-01", "USA", "RUS", "042"),
            rep(2, "b", "2025", "USA", "RUS", "042"),
        ];
        assert_eq!(merge_reports(&rows, &p).len(), 2);
        // Different roots or pairs never merge.
        let rows = [
            rep(1, "a", "2025-08-01", "USA", "RUS", "042"),
            rep(2, "b", "2025-08-01", "USA", "RUS", "057"),
        ];
        assert_eq!(merge_reports(&rows, &p).len(), 2);
        let rows = [
            rep(1, "a", "2025-08-01", "USA", "RUS", "042"),
            rep(2, "b", "2025-08-01", "USA", "UKR", "042"),
        ];
        assert_eq!(merge_reports(&rows, &p).len(), 2);
        assert!(merge_reports(&[], &p).is_empty());
    }
}
