//! `dyad import gdelt|icews|polecat PATH...`: a dataset's files (plain, `.gz`, `.zip`, or
//! directories of them) into the store as `imported` events of that dataset.
//!
//! Rows stream through `dyad-import`'s parser into batches of `--batch` rows, each one
//! transaction: a crash loses nothing committed, and as every event is keyed by its dataset and
//! native id, running the same import again stores only what is missing. Rows that cannot be
//! read are counted and reported with file and line (the first `--max-errors` of each file in
//! full); rows without two distinct states are counted by reason. Exit code 1 when any row or
//! file failed, the rest being imported.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Context, Result};
use clap::ValueEnum;
use dyad_app::builtin;
use dyad_import::compressed;
use dyad_import::{Dataset, Lines, Parser, Row, Skip, Tables};
use dyad_model::CodeTable;
use dyad_store::{ImportFileRow, ImportedEvent, Store};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{BufReader, IsTerminal};
use std::path::{Path, PathBuf};
use std::time::Instant;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DatasetArg {
    /// GDELT 1.0 (57 or 58 columns) or 2.0 (61) event exports.
    Gdelt,
    /// ICEWS coded events (20 columns, Harvard Dataverse .tab files).
    Icews,
    /// POLECAT events (40 columns, Harvard Dataverse .txt files).
    Polecat,
}

impl DatasetArg {
    fn dataset(self) -> Dataset {
        match self {
            DatasetArg::Gdelt => Dataset::Gdelt,
            DatasetArg::Icews => Dataset::Icews,
            DatasetArg::Polecat => Dataset::Polecat,
        }
    }
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(value_enum)]
    dataset: DatasetArg,
    /// Files (plain, .gz or .zip) or directories (walked recursively).
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Rows per transaction.
    #[arg(long, default_value_t = 50_000, value_name = "ROWS")]
    batch: usize,
    /// Bad rows reported in full per file (all are counted).
    #[arg(long, default_value_t = 20, value_name = "N")]
    max_errors: u64,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// What the import of one file (or zip member) did.
#[derive(Debug, Default, Serialize)]
pub struct FileSummary {
    file: String,
    /// Data rows read (headers and blank lines are not rows).
    rows: u64,
    /// New events stored.
    stored: u64,
    /// Events the store already had (a re-import).
    present: u64,
    /// Rows without two distinct states, by reason.
    skipped: BTreeMap<&'static str, u64>,
    /// Rows that could not be read.
    bad: u64,
    /// Country names missing from the table, with their rows.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    unknown_countries: BTreeMap<String, u64>,
    /// Repairs of known malformations (POLECAT).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    repairs: Vec<String>,
    /// Why the file could not be read to its end, if so.
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

impl FileSummary {
    fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

#[derive(Debug, Serialize)]
struct Summary {
    dataset: &'static str,
    files: Vec<FileSummary>,
    rows: u64,
    stored: u64,
    present: u64,
    skipped: BTreeMap<&'static str, u64>,
    bad: u64,
    failed_files: u64,
    seconds: f64,
    rows_per_second: f64,
}

struct Ctx<'a> {
    dataset: Dataset,
    tables: &'a Tables,
    codes: &'a CodeTable,
    batch: usize,
    max_errors: u64,
    progress: &'a indicatif::ProgressBar,
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    if matches!(args.format, Format::Csv) {
        bail!("`dyad import` prints a table or JSON; use --format table or --format json");
    }
    if args.batch == 0 {
        bail!("--batch must be at least 1");
    }
    let dataset = args.dataset.dataset();
    let codes = builtin::code_table()?;
    let tables = Tables::builtin(&codes).context("loading dictionaries/import/")?;
    for p in &args.paths {
        if !p.exists() {
            bail!("{}: no such file or directory", p.display());
        }
    }
    let files = compressed::files(&args.paths);
    let mut store = builtin::open_store(db)?;
    let progress = if std::io::stderr().is_terminal() {
        let pb = indicatif::ProgressBar::new_spinner();
        pb.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {elapsed_precise} {human_pos} rows ({per_sec}) {wide_msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        pb.enable_steady_tick(std::time::Duration::from_millis(200));
        pb
    } else {
        indicatif::ProgressBar::hidden()
    };
    let ctx = Ctx {
        dataset,
        tables: &tables,
        codes: &codes,
        batch: args.batch,
        max_errors: args.max_errors,
        progress: &progress,
    };
    let started = Instant::now();
    let mut summaries = Vec::new();
    let mut failed_files = 0;
    for path in &files {
        progress.set_message(path.display().to_string());
        let streams = match compressed::open(path) {
            Ok(s) => s,
            Err(e) => {
                progress.suspend(|| eprintln!("dyad: {e:#}"));
                failed_files += 1;
                summaries.push(FileSummary {
                    file: path.display().to_string(),
                    error: Some(format!("{e:#}")),
                    ..Default::default()
                });
                continue;
            }
        };
        for stream in streams {
            let name = stream.name.clone();
            let s = import_stream(&mut store, &ctx, stream).map_err(|e| {
                let busy = e
                    .downcast_ref::<dyad_store::StoreError>()
                    .is_some_and(dyad_store::StoreError::is_busy);
                if busy {
                    anyhow::anyhow!(
                        "the database {} is busy: another program (another dyad ingest, import or serve?) held its write lock for over 30 s; the batches of {name} committed so far are kept, run this again when it is free (re-importing stores nothing twice)",
                        db.display()
                    )
                } else {
                    e.context(format!("storing {name} in {}", db.display()))
                }
            })?;
            if s.error.is_some() {
                failed_files += 1;
            }
            summaries.push(s);
        }
    }
    progress.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let mut summary = Summary {
        dataset: dataset.as_str(),
        rows: summaries.iter().map(|s| s.rows).sum(),
        stored: summaries.iter().map(|s| s.stored).sum(),
        present: summaries.iter().map(|s| s.present).sum(),
        skipped: BTreeMap::new(),
        bad: summaries.iter().map(|s| s.bad).sum(),
        failed_files,
        seconds,
        rows_per_second: 0.0,
        files: summaries,
    };
    summary.rows_per_second = summary.rows as f64 / seconds.max(1e-9);
    for f in &summary.files {
        for (k, n) in &f.skipped {
            *summary.skipped.entry(k).or_default() += n;
        }
    }
    print(&summary, args.format)?;
    Ok(if summary.bad > 0 || summary.failed_files > 0 {
        Outcome::PartialFailure
    } else {
        Outcome::Ok
    })
}

/// Imports one stream, committing every `ctx.batch` rows and at its end.
fn import_stream(
    store: &mut Store,
    ctx: &Ctx<'_>,
    stream: compressed::Stream,
) -> Result<FileSummary> {
    let name = stream.name;
    let mut s = FileSummary {
        file: name.clone(),
        ..Default::default()
    };
    let mut lines = Lines::new(BufReader::with_capacity(1 << 20, stream.reader));
    let mut parser = Parser::new(ctx.dataset, ctx.tables, ctx.codes, &name);
    let mut key = String::with_capacity(32);
    let mut batch = store.import_batch()?;
    // Marked incomplete with its first batch, complete at its end: an import stopped by a
    // crash or a kill leaves the mark, and the analyses warn about it.
    batch.record_file(&ImportFileRow {
        dataset: ctx.dataset.as_str().to_string(),
        file: name.clone(),
        rows: 0,
        stored: 0,
        present: 0,
        skipped: 0,
        bad: 0,
        complete: false,
    })?;
    loop {
        let (line_no, bytes) = match lines.next() {
            None => break,
            Some(Ok(l)) => l,
            Some(Err(dyad_import::ReadError { line, source: e })) => {
                let msg = format!(
                    "{name}:{line}: cannot read further: {e}; the file looks truncated or damaged (the rows before were imported)"
                );
                ctx.progress.suspend(|| eprintln!("dyad: {msg}"));
                s.error = Some(msg);
                break;
            }
        };
        match parser.parse(line_no, bytes) {
            Ok(Row::Event(r)) => {
                s.rows += 1;
                r.key_into(&mut key);
                let ev = ImportedEvent {
                    dataset: ctx.dataset.as_str(),
                    native_id: &key,
                    file: &name,
                    row: line_no,
                    date: r.date,
                    reported: r.reported,
                    source: r.source.country,
                    source_role: r.source.role,
                    source_text: r.source.name,
                    target: r.target.country,
                    target_role: r.target.role,
                    target_text: r.target.name,
                    cameo: r.cameo.as_str(),
                    quad_class: r.quad_class,
                    goldstein: r.goldstein,
                    plover: r.plover,
                    plover_mode: r.plover_mode,
                };
                if batch.insert(&ev)? {
                    s.stored += 1;
                } else {
                    s.present += 1;
                }
                if batch.len() >= ctx.batch {
                    batch.commit()?;
                    batch = store.import_batch()?;
                }
            }
            Ok(Row::Skipped(skip)) => {
                s.rows += 1;
                *s.skipped.entry(skip.kind()).or_default() += 1;
                if let Skip::UnknownCountry(c) = skip {
                    *s.unknown_countries.entry(c.to_string()).or_default() += 1;
                }
            }
            Ok(Row::Header | Row::Blank) => {}
            Err(e) => {
                s.rows += 1;
                s.bad += 1;
                if s.bad <= ctx.max_errors {
                    ctx.progress.suspend(|| eprintln!("dyad: {e}"));
                }
            }
        }
        if line_no % 8192 == 0 {
            ctx.progress.set_position(ctx.progress.position() + 8192);
        }
    }
    if s.bad > ctx.max_errors {
        let more = s.bad - ctx.max_errors;
        ctx.progress
            .suspend(|| eprintln!("dyad: {name}: {more} more bad rows not shown (--max-errors)"));
    }
    let repairs = parser.repairs();
    if repairs.headline_header {
        s.repairs.push(
            "header with a stray `Headline` column name: read with the documented 40 columns"
                .to_string(),
        );
    }
    if repairs.excess_empty_columns > 0 {
        s.repairs.push(format!(
            "{} rows with excess empty tab columns trimmed",
            repairs.excess_empty_columns
        ));
    }
    batch.record_file(&ImportFileRow {
        dataset: ctx.dataset.as_str().to_string(),
        file: name.clone(),
        rows: s.rows,
        stored: s.stored,
        present: s.present,
        skipped: s.skipped_total(),
        bad: s.bad,
        complete: s.error.is_none(),
    })?;
    batch.commit()?;
    Ok(s)
}

fn print(summary: &Summary, format: Format) -> Result<()> {
    if format == Format::Json {
        return output::json(summary);
    }
    let headers = ["file", "rows", "stored", "present", "skipped", "bad"];
    let rows: Vec<Vec<String>> = summary
        .files
        .iter()
        .map(|f| {
            vec![
                f.file.clone(),
                f.rows.to_string(),
                f.stored.to_string(),
                f.present.to_string(),
                f.skipped_total().to_string(),
                match &f.error {
                    Some(_) => format!("{} + unreadable", f.bad),
                    None => f.bad.to_string(),
                },
            ]
        })
        .collect();
    output::table(&headers, &rows)?;
    let skipped: Vec<String> = summary
        .skipped
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect();
    eprintln!(
        "dyad: {} {} rows in {} file(s): {} new events, {} already stored, {} skipped ({}), {} bad; {:.0} rows/s",
        summary.dataset,
        summary.rows,
        summary.files.len(),
        summary.stored,
        summary.present,
        summary.skipped.values().sum::<u64>(),
        if skipped.is_empty() { "none".to_string() } else { skipped.join(", ") },
        summary.bad,
        summary.rows_per_second
    );
    let mut unknown: BTreeMap<&str, u64> = BTreeMap::new();
    for f in &summary.files {
        for (c, n) in &f.unknown_countries {
            *unknown.entry(c).or_default() += n;
        }
        for r in &f.repairs {
            eprintln!("dyad: {}: repaired: {r}", f.file);
        }
    }
    if !unknown.is_empty() {
        let mut list: Vec<(&str, u64)> = unknown.into_iter().collect();
        list.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
        let shown: Vec<String> = list
            .iter()
            .take(10)
            .map(|(c, n)| format!("{c} ({n})"))
            .collect();
        eprintln!(
            "dyad: country names not in dictionaries/import/icews-countries.tsv: {}",
            shown.join(", ")
        );
    }
    Ok(())
}
