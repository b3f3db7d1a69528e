//! `dyad scan gdelt PATH...`: the event-flow measures of a dyad (`dyad index`'s flow columns)
//! straight from GDELT event files, computed while streaming them, nothing stored.
//!
//! Exit codes: 0 when every input was read to its end, even if some rows were bad (they are
//! counted per input and the first few shown as `file:line` on stderr, and left out of the
//! measures); 1 when some input could not be opened or read to its end (what was read is still
//! counted); 2 on a usage error.

use crate::cmd::index::Freq;
use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Result};
use dyad_analysis::flow::{FlowCounts, FlowRow, QuadCounts};
use dyad_analysis::series::{periods, Month, Period, PeriodKey};
use dyad_app::builtin;
use dyad_app::request::parse_dyad;
use dyad_import::scan::run as scan;
use dyad_import::scan::{DyadCodes, InputReport, Problem, Scan, Totals};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    source: Source,
}

#[derive(clap::Subcommand, Debug)]
enum Source {
    /// GDELT event exports: 1.0 (57 or 58 columns) and 2.0 (61), plain, .gz or .zip; directories
    /// are walked; rows are read as `dyad import` reads them. A dyad's event is Actor1CountryCode/Actor2CountryCode = the two codes in
    /// either direction, dated by SQLDATE.
    ///
    /// Bad rows (a wrong column count or another layout than the file's first row's; in the
    /// dyad's rows, a field `dyad import` refuses: GLOBALEVENTID, SQLDATE, EventCode — also one
    /// missing from the CAMEO table —, QuadClass, GoldsteinScale, DATEADDED) are left out,
    /// counted per file and shown as file:line on stderr; the exit code stays 0. It is 1 when a
    /// file could not be opened or read to its end.
    Gdelt(GdeltArgs),
}

#[derive(clap::Args, Debug)]
pub struct GdeltArgs {
    /// Files or directories.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Two 3-letter CAMEO country codes.
    #[arg(long, default_value = "USA-RUS")]
    dyad: String,
    #[arg(long, value_enum, default_value_t = Freq::Month)]
    freq: Freq,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Worker threads (default: one per core).
    #[arg(long, value_name = "N")]
    threads: Option<usize>,
}

pub fn run(args: Args) -> Result<Outcome> {
    match args.source {
        Source::Gdelt(a) => run_gdelt(a),
    }
}

fn run_gdelt(args: GdeltArgs) -> Result<Outcome> {
    let (a, b) = parse_dyad(&args.dyad)?;
    let Some(codes) = DyadCodes::new(&a, &b) else {
        bail!(
            "--dyad `{}`: GDELT country codes have three letters (e.g. USA-RUS)",
            args.dyad
        );
    };
    let threads = match args.threads {
        Some(0) => bail!("--threads must be at least 1"),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let opts = scan::Options {
        dyad: codes,
        threads,
        block_bytes: 4 << 20,
        codes: builtin::code_table()?,
    };
    let started = Instant::now();
    let result = scan::scan_gdelt(&args.paths, &opts);
    let seconds = started.elapsed().as_secs_f64();
    if result.inputs.is_empty() {
        bail!("no files found under the paths given");
    }
    let period = match args.freq {
        Freq::Month => Period::Month,
        Freq::Quarter => Period::Quarter,
        Freq::Year => Period::Year,
    };
    let rows = flow_rows(&result.months, period, &a, &b);
    let failed = report(&result, seconds, &a, &b);
    let headers = [
        "period",
        "events",
        "q1",
        "q2",
        "q3",
        "q4",
        "goldstein_sum",
        "goldstein_mean",
        "net_coop",
    ];
    let (ab, ba) = (format!("{a}->{b}"), format!("{b}->{a}"));
    let dir_headers = [ab.as_str(), ba.as_str()];
    let all_headers: Vec<&str> = headers.iter().chain(&dir_headers).copied().collect();
    let cells = |r: &FlowRow, full: bool| -> Vec<String> {
        let f = |v: f64, d: usize| {
            if full {
                v.to_string()
            } else {
                format!("{v:.d$}")
            }
        };
        let mut c = vec![
            r.period.to_string(),
            r.events.to_string(),
            r.quad.get(1).to_string(),
            r.quad.get(2).to_string(),
            r.quad.get(3).to_string(),
            r.quad.get(4).to_string(),
            f(r.goldstein_sum, 1),
            f(r.goldstein_mean, 2),
            f(r.net_cooperation, 2),
        ];
        for d in [&ab, &ba] {
            c.push(r.by_direction.get(d).map_or(0, |x| x.events).to_string());
        }
        c
    };
    match args.format {
        Format::Json => output::json(&rows)?,
        Format::Csv => output::csv(
            &all_headers,
            &rows.iter().map(|r| cells(r, true)).collect::<Vec<_>>(),
        )?,
        Format::Table => output::table(
            &all_headers,
            &rows.iter().map(|r| cells(r, false)).collect::<Vec<_>>(),
        )?,
    }
    Ok(if failed {
        Outcome::PartialFailure
    } else {
        Outcome::Ok
    })
}

/// The flow rows, `dyad index`'s shape without level and domains, from the first to the last
/// period with an event (periods between without events appear with zeros).
fn flow_rows(
    months: &BTreeMap<i32, [Totals; 2]>,
    period: Period,
    a: &str,
    b: &str,
) -> Vec<FlowRow> {
    let mut by_period: BTreeMap<PeriodKey, [Totals; 2]> = BTreeMap::new();
    for (&m, t) in months {
        let e = by_period
            .entry(PeriodKey::of_month(period, Month(m)))
            .or_default();
        e[0].add(&t[0]);
        e[1].add(&t[1]);
    }
    let (Some(first), Some(last)) = (
        by_period.keys().next().copied(),
        by_period.keys().next_back().copied(),
    ) else {
        return Vec::new();
    };
    let names = [format!("{a}->{b}"), format!("{b}->{a}")];
    periods(first, last)
        .into_iter()
        .map(|k| {
            let dirs = by_period.get(&k).copied().unwrap_or_default();
            let mut all = dirs[0];
            all.add(&dirs[1]);
            let total = counts(&all);
            FlowRow {
                period: k,
                events: total.events,
                quad: total.quad,
                goldstein_sum: total.goldstein_sum,
                goldstein_mean: total.goldstein_mean,
                net_cooperation: total.net_cooperation,
                by_direction: names.iter().cloned().zip(dirs.iter().map(counts)).collect(),
                by_domain: BTreeMap::new(),
                imprecise_dates: 0,
            }
        })
        .collect()
}

/// The flow measures of some totals, as `dyad index` defines them.
fn counts(t: &Totals) -> FlowCounts {
    let n32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let sum = t.goldstein_sum();
    let n = t.events as f64;
    let coop = (t.quad[0] + t.quad[1]) as f64;
    let conf = (t.quad[2] + t.quad[3]) as f64;
    FlowCounts {
        events: n32(t.events),
        quad: QuadCounts(t.quad.map(n32)),
        goldstein_sum: sum,
        goldstein_mean: if t.events > 0 { sum / n } else { 0.0 },
        net_cooperation: if t.events > 0 { (coop - conf) / n } else { 0.0 },
    }
}

/// Writes problems and a summary to stderr; `true` when some input failed.
fn report(scan: &Scan, seconds: f64, a: &str, b: &str) -> bool {
    let mut failed = false;
    for r in &scan.inputs {
        if let Some(e) = &r.error {
            failed = true;
            eprintln!("dyad: error: {}: {e}", r.name);
        }
        if r.duplicates > 0 {
            eprintln!(
                "dyad: note: {}: {} {a}-{b} rows left out: their GLOBALEVENTID was counted already (the same events in another input)",
                r.name, r.duplicates
            );
        }
        let bad = r.bad_rows();
        if bad == 0 {
            continue;
        }
        let kinds: Vec<String> = Problem::KINDS
            .iter()
            .zip(r.bad)
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        eprintln!(
            "dyad: warning: {}: {bad} of {} rows left out ({})",
            r.name,
            r.rows,
            kinds.join(", ")
        );
        for e in &r.examples {
            match &e.field {
                Some(f) => eprintln!("  {}:{}: {} (`{f}`)", r.name, e.line, e.problem),
                None => eprintln!("  {}:{}: {}", r.name, e.line, e.problem),
            }
        }
    }
    let sum = |f: fn(&InputReport) -> u64| scan.inputs.iter().map(f).sum::<u64>();
    let bytes = sum(|r| r.bytes);
    let mb = bytes as f64 / 1e6;
    let duplicates = sum(|r| r.duplicates);
    let duplicates = if duplicates > 0 {
        format!("; {duplicates} duplicate {a}-{b} rows left out")
    } else {
        String::new()
    };
    eprintln!(
        "dyad: scanned {} input{}, {:.1} MB in {:.2} s ({:.0} MB/s): {} rows, {} {a}-{b} rows, {} bad rows{duplicates}",
        scan.inputs.len(),
        if scan.inputs.len() == 1 { "" } else { "s" },
        mb,
        seconds,
        if seconds > 0.0 { mb / seconds } else { 0.0 },
        sum(|r| r.rows),
        sum(|r| r.dyad_rows),
        sum(|r| r.bad_rows()),
    );
    failed
}
