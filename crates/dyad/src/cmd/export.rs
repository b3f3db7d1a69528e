//! `dyad export`: events as Hive-partitioned Parquet or CSV files (`year=YYYY/month=MM/`) with the
//! schema documented in docs/export.md, for engines other than dyad (Spark, DuckDB, Polars…).

use crate::Outcome;
use anyhow::{bail, Context, Result};
use dyad_app::builtin;
use dyad_app::export::{self, FileFormat, Selection, MANIFEST};
use dyad_app::request::{parse_dyad, parse_month, parse_origins};
use std::path::Path;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// File format of the partitions.
    #[arg(long, default_value = "parquet", value_parser = format_arg())]
    format: FileFormat,
    /// Output directory; must be missing or empty (see --overwrite).
    #[arg(long, value_name = "DIR")]
    out: std::path::PathBuf,
    /// Replace an earlier export in DIR (its year=* folders and manifest; nothing else).
    #[arg(long)]
    overwrite: bool,
    #[command(flatten)]
    selection: SelectionArgs,
}

/// Makes sure `out` holds nothing an export would mix with, removing an earlier export's
/// partitions and manifest when `overwrite` is set.
fn prepare_out(out: &Path, overwrite: bool) -> Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        bail!("--out {} is a file; give a directory", out.display());
    }
    let mut others = Vec::new();
    for entry in std::fs::read_dir(out).with_context(|| format!("reading {}", out.display()))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name.starts_with("year=") || name == MANIFEST;
        if !ours {
            others.push(name);
        } else if overwrite {
            let path = entry.path();
            if path.is_dir() {
                std::fs::remove_dir_all(&path)
            } else {
                std::fs::remove_file(&path)
            }
            .with_context(|| format!("removing {}", path.display()))?;
        } else {
            bail!(
                "--out {} already holds an export; pass --overwrite to replace it",
                out.display()
            );
        }
    }
    if !others.is_empty() {
        others.sort();
        bail!(
            "--out {} is not empty ({}); give a new or empty directory",
            out.display(),
            others.join(", ")
        );
    }
    Ok(())
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let selection = args.selection.parse()?;
    prepare_out(&args.out, args.overwrite)?;
    let store = builtin::open_read(db)?;
    let started = std::time::Instant::now();
    let manifest = export::write(&store, &selection, args.format, &args.out)?;
    eprintln!(
        "dyad: exported {} events in {} partitions to {} ({:?}, schema v{}) in {:.2} s; manifest {}",
        manifest.rows,
        manifest.partitions.len(),
        args.out.display(),
        args.format,
        manifest.schema_version,
        started.elapsed().as_secs_f64(),
        MANIFEST
    );
    Ok(Outcome::Ok)
}

/// Which events to export or to offer to SQL.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct SelectionArgs {
    /// Only events between these two actors, either direction (e.g. USA-RUS). Default: all.
    #[arg(long)]
    pub dyad: Option<String>,
    /// Only these origins (repeatable or comma-separated): coded, curated, imported.
    #[arg(long, value_name = "ORIGIN")]
    pub origin: Vec<String>,
    /// First month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    pub from: Option<String>,
    /// Last month, YYYY-MM.
    #[arg(long, value_name = "YYYY-MM")]
    pub to: Option<String>,
}

impl SelectionArgs {
    /// The selection these flags make, each value checked.
    pub fn parse(&self) -> anyhow::Result<Selection> {
        Ok(Selection::new(
            self.dyad.as_deref().map(parse_dyad).transpose()?,
            &parse_origins(&self.origin)?,
            parse_month("--from", &self.from)?,
            parse_month("--to", &self.to)?,
        ))
    }
}

/// The values of `--format`, as the export formats of the application layer.
fn format_arg() -> impl clap::builder::TypedValueParser<Value = FileFormat> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(["parquet", "csv"]).map(|s| match s.as_str() {
        "csv" => FileFormat::Csv,
        _ => FileFormat::Parquet,
    })
}
