//! `dyad ingest`: files, directories and stdin → the text stage → the store, one transaction
//! per document. Text processing runs on worker threads; one writer stores results in order of
//! completion. A file that cannot be read gets a one-line error and the others go on.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Result};
use dyad_app::builtin;
use dyad_app::coding;
use dyad_app::ingest::{prepare_bytes, Prepare, Prepared, SUPPORTED};
use dyad_coder::Coder;
use dyad_model::EventDate;
use dyad_store::IngestStatus;
use dyad_text::Format as DocFormat;
use serde::Serialize;
use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Instant;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Files, directories (read recursively) or - for standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<String>,
    /// Publication date to use when the text states none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// Title to give the documents instead of the one found in them.
    #[arg(long, value_name = "T")]
    title: Option<String>,
    /// Largest file to read, in bytes.
    #[arg(long, value_name = "N", default_value_t = 50_000_000)]
    max_bytes: u64,
    /// Character set of the input, when known (e.g. GB18030, Big5, windows-1251); detected otherwise.
    #[arg(long, value_name = "NAME")]
    charset: Option<String>,
    /// Worker threads for text processing (default: the number of cores).
    #[arg(long, value_name = "N")]
    jobs: Option<usize>,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// One input to read.
#[derive(Debug, Clone)]
enum Input {
    File(PathBuf),
    Stdin,
}

impl Input {
    fn display(&self) -> String {
        match self {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        }
    }
}

/// What became of one input; `--format json` prints a list of these.
#[derive(Debug, Serialize)]
struct Report {
    id: Option<String>,
    path: String,
    status: &'static str,
    error: Option<String>,
    title: Option<String>,
    date: Option<String>,
    lang: Option<String>,
    sentences: usize,
    events: usize,
    #[serde(skip)]
    bytes: u64,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<String>,
}

/// Walks the arguments into inputs; files of unsupported types inside directories are skipped
/// (and counted), named files are always tried; a file reached twice is read once
/// (see [`crate::files`]).
fn collect_inputs(paths: &[String]) -> Result<(Vec<Input>, usize)> {
    let mut inputs = Vec::new();
    let mut skipped = 0;
    let mut files: Vec<PathBuf> = Vec::new();
    let flush = |files: &mut Vec<PathBuf>, inputs: &mut Vec<Input>, skipped: &mut usize| {
        let w = dyad_import::files::walk(files, &|p: &Path| {
            let ext = p.extension().and_then(|e| e.to_str());
            ext.is_none() || ext.and_then(DocFormat::from_extension).is_some()
        });
        *skipped += w.skipped;
        inputs.extend(w.files.into_iter().map(Input::File));
        files.clear();
    };
    for p in paths {
        if p == "-" {
            flush(&mut files, &mut inputs, &mut skipped);
            inputs.push(Input::Stdin);
        } else {
            files.push(PathBuf::from(p));
        }
    }
    flush(&mut files, &mut inputs, &mut skipped);
    if inputs.is_empty() && skipped > 0 {
        bail!("no readable documents found ({skipped} files of unsupported types skipped; dyad reads {SUPPORTED})");
    }
    Ok((inputs, skipped))
}

/// The text stage for one input, run on a worker thread.
fn prepare(input: &Input, args: &Args, coder: &Coder) -> Result<Prepared, String> {
    let (bytes, ext) = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(args.max_bytes + 1)
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            if buf.len() as u64 > args.max_bytes {
                return Err(format!(
                    "standard input is over the size limit of {} bytes (raise it with --max-bytes)",
                    args.max_bytes
                ));
            }
            (buf, None)
        }
        Input::File(path) => {
            let bytes = dyad_import::files::read_regular(path, args.max_bytes)?;
            (
                bytes,
                path.extension()
                    .and_then(|e| e.to_str())
                    .map(str::to_string),
            )
        }
    };
    let path = match input {
        Input::File(p) => Some(p.display().to_string()),
        Input::Stdin => None,
    };
    let opts = Prepare {
        title: args.title.clone(),
        date: args.date.clone(),
        charset: args.charset.clone(),
    };
    prepare_bytes(&bytes, ext.as_deref(), path, &opts, coder).map_err(|e| e.to_string())
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    if matches!(args.format, Format::Csv) {
        bail!("`dyad ingest` prints a table or JSON; use --format table or --format json");
    }
    if let Some(d) = &args.date {
        let parsed: EventDate = d.parse().map_err(|e| anyhow::anyhow!("--date: {e}"))?;
        if parsed.precision() != dyad_model::Precision::Day {
            bail!("--date: `{d}` must be a day, YYYY-MM-DD");
        }
    }
    let (inputs, skipped) = collect_inputs(&args.paths)?;
    if inputs.iter().filter(|i| matches!(i, Input::Stdin)).count() > 1 {
        bail!("`-` (standard input) can be given only once");
    }
    let mut store = builtin::open_store(db)?;
    let coder = coding::builtin_coder()?;
    let started = Instant::now();
    let total_bytes: u64 = inputs
        .iter()
        .map(|i| match i {
            Input::File(p) => std::fs::metadata(p).map(|m| m.len()).unwrap_or(0),
            Input::Stdin => 0,
        })
        .sum();
    let progress =
        if std::io::stderr().is_terminal() && (inputs.len() > 20 || total_bytes > 5_000_000) {
            let pb = indicatif::ProgressBar::new(inputs.len() as u64);
            pb.set_style(
                indicatif::ProgressStyle::with_template(
                    "{spinner} [{elapsed_precise}] {bar:40} {pos}/{len} documents {msg}",
                )
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            Some(pb)
        } else {
            None
        };
    let say = |line: String| match &progress {
        Some(pb) => pb.println(line),
        None => eprintln!("{line}"),
    };

    let jobs = args
        .jobs
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
        .clamp(1, 64)
        .min(inputs.len().max(1));
    let next = AtomicUsize::new(0);
    let mut reports: Vec<Option<Report>> = (0..inputs.len()).map(|_| None).collect();
    let mut store_error: Option<anyhow::Error> = None;
    std::thread::scope(|scope| {
        // A bounded channel keeps memory flat when the writer is slower than the readers.
        let (tx, rx) = mpsc::sync_channel::<(usize, Result<Prepared, String>)>(jobs * 2);
        for _ in 0..jobs {
            let tx = tx.clone();
            let (next, inputs, args, coder) = (&next, &inputs, &args, &coder);
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= inputs.len() {
                    break;
                }
                if tx.send((i, prepare(&inputs[i], args, coder))).is_err() {
                    break;
                }
            });
        }
        drop(tx);
        for (i, result) in rx {
            let path = inputs[i].display();
            if let Ok(p) = &result {
                for w in &p.warnings {
                    say(format!("dyad: {path}: warning: {w}"));
                }
            }
            let report = match result {
                Ok(Prepared { doc, warnings }) if store_error.is_none() => {
                    match store.ingest_document(&doc) {
                        Ok(status) => Report {
                            id: Some(doc.id.clone()),
                            path,
                            status: match status {
                                IngestStatus::New => "new",
                                IngestStatus::Unchanged => "unchanged",
                            },
                            error: None,
                            title: doc.title.clone(),
                            date: doc.published.clone(),
                            lang: Some(doc.lang.clone()),
                            sentences: doc.segments.len(),
                            events: if status == IngestStatus::New {
                                doc.events.len()
                            } else {
                                0
                            },
                            bytes: doc.bytes,
                            warnings,
                        },
                        Err(e) => {
                            // The database failed, not the input: say so, and name it.
                            let msg = if e.is_busy() {
                                format!(
                                    "the database {} is busy: another program (another dyad ingest, import or serve?) held its write lock for over 30 s; run this again when it is free",
                                    db.display()
                                )
                            } else {
                                format!("the database {} failed: {e}", db.display())
                            };
                            store_error = Some(anyhow::anyhow!(
                                "{msg} ({path} and the inputs after it were not stored)"
                            ));
                            failed(path, msg)
                        }
                    }
                }
                Ok(_) => failed(
                    path,
                    "not stored: the database failed on an earlier document".to_string(),
                ),
                Err(msg) => {
                    say(format!("dyad: {path}: {msg}"));
                    failed(path, msg)
                }
            };
            if let Some(pb) = &progress {
                pb.inc(1);
            }
            reports[i] = Some(report);
            if store_error.is_some() {
                next.store(usize::MAX / 2, Ordering::Relaxed); // stop handing out work
            }
        }
    });
    if let Some(pb) = &progress {
        pb.finish_and_clear();
    }
    let reports: Vec<Report> = reports.into_iter().flatten().collect();
    if let Some(e) = store_error {
        return Err(e);
    }
    print_reports(&reports, args.format)?;
    summary(&reports, skipped, started.elapsed().as_secs_f64());
    if reports.iter().any(|r| r.status == "failed") {
        Ok(Outcome::PartialFailure)
    } else {
        Ok(Outcome::Ok)
    }
}

fn failed(path: String, msg: String) -> Report {
    Report {
        id: None,
        path,
        status: "failed",
        error: Some(msg),
        title: None,
        date: None,
        lang: None,
        sentences: 0,
        events: 0,
        bytes: 0,
        warnings: Vec::new(),
    }
}

fn print_reports(reports: &[Report], format: Format) -> Result<()> {
    match format {
        Format::Json => output::json(&serde_json::json!({ "documents": reports }))?,
        _ => {
            let rows: Vec<Vec<String>> = reports
                .iter()
                .map(|r| {
                    vec![
                        r.status.to_string(),
                        r.id.as_deref()
                            .map(|i| i[..12.min(i.len())].to_string())
                            .unwrap_or_default(),
                        r.lang.clone().unwrap_or_default(),
                        r.sentences.to_string(),
                        r.date.clone().unwrap_or_default(),
                        output::truncate(
                            r.title.as_deref().or(r.error.as_deref()).unwrap_or(""),
                            40,
                        ),
                        r.path.clone(),
                    ]
                })
                .collect();
            output::table(
                &[
                    "status",
                    "id",
                    "lang",
                    "sentences",
                    "date",
                    "title / error",
                    "path",
                ],
                &rows,
            )?;
        }
    }
    Ok(())
}

fn summary(reports: &[Report], skipped: usize, secs: f64) {
    let count = |s: &str| reports.iter().filter(|r| r.status == s).count();
    let sentences: usize = reports.iter().map(|r| r.sentences).sum();
    let bytes: u64 = reports.iter().map(|r| r.bytes).sum();
    let mut line = format!(
        "dyad: {} documents: {} new, {} unchanged, {} failed; {} sentences, {:.1} MB in {:.2} s",
        reports.len(),
        count("new"),
        count("unchanged"),
        count("failed"),
        sentences,
        bytes as f64 / 1e6,
        secs
    );
    if skipped > 0 {
        line.push_str(&format!("; {skipped} files of unsupported types skipped"));
    }
    eprintln!("{line}");
}
