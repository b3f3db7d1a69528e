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
//!     rank: Some(1), domains: vec!["diplomacy".into()], magnitude: None, label: "Alaska summit".into(),
//! };
//! let merged = merge_reports(
//!     &[r(1, "chronology", "2025-08-15", "042"), r(2, "doc-a", "2025-08-15", "044"),
//!       r(3, "doc-b", "2025-08", "042"), r(4, "doc-c", "2025-08-16", "043")],
//!     &MergeParams::default(),
//! );
//! assert_eq!(merged.len(), 1);
//! assert_eq!(merged[0].obs.mentions, 4);
//! ```

use dyad_model::{EventDate, Magnitude, Precision};
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
    /// How large the act was, when its source states it (35 diplomats, 500 designations).
    pub magnitude: Option<Magnitude>,
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
    /// The act's size, when the report states it.
    pub magnitude: Option<Magnitude>,
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

/// Whether two reports may be one happening: the rule, pair by pair ([`Summary::fits`] answers
/// it for all members of a cluster at once).
#[cfg(test)]
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
///
/// Time is about linear in the number of reports: clusters are indexed by pair, root and the
/// precision of their anchor, so a report is compared only with clusters whose anchor could
/// match its date (binary search in anchors kept in date order), and "does it match every
/// member" is answered from a summary of the members rather than member by member (a happening
/// reported thousands of times made that quadratic).
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
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut summaries: Vec<Summary> = Vec::new();
    let mut index: HashMap<((String, String), String), Anchored> = HashMap::new();
    let mut candidates: Vec<usize> = Vec::new();
    for &i in &order {
        let r = &reports[i];
        let key = (
            pair_key(&r.source, &r.target),
            cameo_root(&r.cameo).to_string(),
        );
        let anchored = index.entry(key).or_default();
        let anchor = |c: &usize| &reports[clusters[*c][0]].date;
        candidates.clear();
        let ym = (r.date.y(), r.date.m());
        let same_month = |list: &Vec<usize>, out: &mut Vec<usize>| {
            let lo = list.partition_point(|c| (anchor(c).y(), anchor(c).m()) < ym);
            let hi = list.partition_point(|c| (anchor(c).y(), anchor(c).m()) <= ym);
            out.extend_from_slice(&list[lo..hi]);
        };
        match r.date.precision() {
            Precision::Day => {
                let (from, to) = (
                    r.date.ordinal() - params.day_window,
                    r.date.ordinal() + params.day_window,
                );
                let lo = anchored.day.partition_point(|c| anchor(c).ordinal() < from);
                let hi = anchored.day.partition_point(|c| anchor(c).ordinal() <= to);
                candidates.extend_from_slice(&anchored.day[lo..hi]);
                same_month(&anchored.month, &mut candidates);
            }
            Precision::Month => {
                same_month(&anchored.day, &mut candidates);
                same_month(&anchored.month, &mut candidates);
            }
            Precision::Year => {
                let y = r.date.y();
                let list = &anchored.year;
                let lo = list.partition_point(|c| anchor(c).y() < y);
                let hi = list.partition_point(|c| anchor(c).y() <= y);
                candidates.extend_from_slice(&list[lo..hi]);
            }
        }
        // Clusters in the order they were made, as the first of equally near ones wins.
        candidates.sort_unstable();
        // Join the compatible cluster whose anchor is nearest in time.
        let mut best: Option<(i64, usize)> = None;
        for &c in &candidates {
            if summaries[c].fits(r, params) {
                let gap = (anchor(&c).ordinal() - r.date.ordinal()).abs();
                if best.is_none_or(|(g, _)| gap < g) {
                    best = Some((gap, c));
                }
            }
        }
        match best {
            Some((_, c)) => {
                clusters[c].push(i);
                summaries[c].add(r);
            }
            None => {
                let c = clusters.len();
                match r.date.precision() {
                    Precision::Day => anchored.day.push(c),
                    Precision::Month => anchored.month.push(c),
                    Precision::Year => anchored.year.push(c),
                }
                clusters.push(vec![i]);
                let mut summary = Summary::default();
                summary.add(r);
                summaries.push(summary);
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

/// The clusters of one (pair, root), by the precision of their anchor, each list in the order
/// the clusters were made (which is the order of their anchors' dates).
#[derive(Default)]
struct Anchored {
    day: Vec<usize>,
    month: Vec<usize>,
    year: Vec<usize>,
}

/// One value, or none, or several different ones.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Seen<T> {
    #[default]
    Nothing,
    One(T),
    Several,
}

impl<T: PartialEq + Copy> Seen<T> {
    fn add(&mut self, v: T) {
        *self = match *self {
            Seen::Nothing => Seen::One(v),
            Seen::One(x) if x == v => Seen::One(x),
            _ => Seen::Several,
        };
    }

    /// Every value seen (if any) equals `v`.
    fn all(&self, v: T) -> bool {
        match self {
            Seen::Nothing => true,
            Seen::One(x) => *x == v,
            Seen::Several => false,
        }
    }
}

/// What a cluster's members require of a report that joins it: exactly the conjunction of
/// `reports_match(member, report)` over the members (their codes share the root already).
#[derive(Default)]
struct Summary {
    days: usize,
    day_min: i64,
    day_max: i64,
    /// (year, month) of the day-precision members, and of the month-precision ones.
    day_months: Seen<(i32, Option<u8>)>,
    months: Seen<(i32, Option<u8>)>,
    /// Years of the year-precision members.
    years: Seen<i32>,
    /// Per document: the code and date all its members share, or `None` when they differ.
    documents: HashMap<String, Option<(String, EventDate)>>,
}

impl Summary {
    fn add(&mut self, r: &Report) {
        let ym = (r.date.y(), r.date.m());
        match r.date.precision() {
            Precision::Day => {
                let o = r.date.ordinal();
                if self.days == 0 {
                    (self.day_min, self.day_max) = (o, o);
                } else {
                    self.day_min = self.day_min.min(o);
                    self.day_max = self.day_max.max(o);
                }
                self.days += 1;
                self.day_months.add(ym);
            }
            Precision::Month => self.months.add(ym),
            Precision::Year => self.years.add(r.date.y()),
        }
        let entry = self
            .documents
            .entry(r.document.clone())
            .or_insert_with(|| Some((r.cameo.clone(), r.date)));
        if entry
            .as_ref()
            .is_some_and(|(c, d)| *c != r.cameo || *d != r.date)
        {
            *entry = None;
        }
    }

    fn fits(&self, r: &Report, p: &MergeParams) -> bool {
        let ym = (r.date.y(), r.date.m());
        let dates = match r.date.precision() {
            Precision::Day => {
                let o = r.date.ordinal();
                self.years == Seen::Nothing
                    && (self.days == 0
                        || (o - self.day_min <= p.day_window && self.day_max - o <= p.day_window))
                    && self.months.all(ym)
            }
            Precision::Month => {
                self.years == Seen::Nothing && self.day_months.all(ym) && self.months.all(ym)
            }
            Precision::Year => {
                self.days == 0 && self.months == Seen::Nothing && self.years.all(r.date.y())
            }
        };
        dates
            && match self.documents.get(&r.document) {
                None => true,
                Some(Some((c, d))) => *c == r.cameo && *d == r.date,
                Some(None) => false,
            }
    }
}

/// The rule of [`merge_reports`], member by member: quadratic, kept as the reference the fast
/// version is tested against.
#[cfg(test)]
fn merge_reports_reference(reports: &[Report], params: &MergeParams) -> Vec<MergedObs> {
    let mut order: Vec<usize> = (0..reports.len()).collect();
    order.sort_by(|&i, &j| {
        let (a, b) = (&reports[i], &reports[j]);
        (a.date.precision(), a.date.ordinal(), a.id).cmp(&(
            b.date.precision(),
            b.date.ordinal(),
            b.id,
        ))
    });
    let mut clusters: Vec<Vec<usize>> = Vec::new();
    let mut index: HashMap<((String, String), String), Vec<usize>> = HashMap::new();
    for &i in &order {
        let r = &reports[i];
        let key = (
            pair_key(&r.source, &r.target),
            cameo_root(&r.cameo).to_string(),
        );
        let candidates = index.entry(key).or_default();
        let mut best: Option<(i64, usize)> = None;
        for &c in candidates.iter() {
            let members = &clusters[c];
            if members
                .iter()
                .all(|&m| reports_match(&reports[m], r, params))
            {
                let gap = (reports[members[0]].date.ordinal() - r.date.ordinal()).abs();
                if best.is_none_or(|(g, _)| gap < g) {
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
            // The largest size any report states (reports of one act that give different
            // figures give floors or roundings of it).
            magnitude: rs
                .iter()
                .filter_map(|r| r.magnitude)
                .max_by_key(|m| m.value),
            label: lead.label.clone(),
        },
        reports: ids,
        documents: documents.into_iter().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn arb_report() -> impl Strategy<Value = Report> {
        (
            0i64..1000,
            0usize..4,
            (2024i32..2026, 0u8..=2, 0u8..=9),
            0usize..3,
            prop::sample::select(&["040", "042", "043", "0431", "163", "04", "190"][..]),
        )
            .prop_map(|(id, doc, (y, m, d), pair, cameo)| {
                let date = match (m, d) {
                    (0, _) => format!("{y}"),
                    (m, 0) => format!("{y}-{:02}", m + 6),
                    (m, d) => format!("{y}-{:02}-{:02}", m + 6, d * 3),
                };
                let (src, tgt) = [("USA", "RUS"), ("RUS", "USA"), ("USA", "CHN")][pair];
                rep(id, &format!("doc-{doc}"), &date, src, tgt, cameo)
            })
    }

    proptest! {
        /// The indexed merge gives exactly what the member-by-member rule gives.
        #[test]
        fn the_fast_merge_equals_the_reference(
            reports in prop::collection::vec(arb_report(), 0..60),
            window in 0i64..5,
        ) {
            let p = MergeParams { day_window: window };
            prop_assert_eq!(merge_reports(&reports, &p), merge_reports_reference(&reports, &p));
        }
    }

    #[test]
    fn many_reports_of_one_happening_merge_in_linear_time() {
        // 40,000 reports of one summit (one per document), and 40,000 distinct happenings.
        let mut reports: Vec<Report> = (0..40_000)
            .map(|i| rep(i, &format!("d{i}"), "2025-08-15", "USA", "RUS", "042"))
            .collect();
        reports.extend((0..40_000).map(|i| {
            let date = EventDate::day(
                1990 + (i / 336) as i32,
                (i % 12 + 1) as u8,
                (i % 28 + 1) as u8,
            )
            .unwrap()
            .to_string();
            rep(100_000 + i, "chronology", &date, "USA", "RUS", "042")
        }));
        let started = std::time::Instant::now();
        let merged = merge_reports(&reports, &MergeParams::default());
        assert!(merged.iter().any(|m| m.obs.mentions >= 40_000));
        assert!(
            started.elapsed() < std::time::Duration::from_secs(20),
            "{:?}",
            started.elapsed()
        );
    }

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
            magnitude: None,
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
