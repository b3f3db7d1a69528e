//! `dyad eval FILE`: precision, recall and F1 of the coder on an annotated suite (JSON lines, the
//! format of tests-data/coder/), per script, for factual events and for the two flags.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{Context, Result};
use dyad_app::coding;
use std::path::PathBuf;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The suite file (JSON lines).
    file: PathBuf,
    /// Floors (TSV as tests-data/coder/floors.tsv); exit code 1 when a figure is below its floor.
    #[arg(long, value_name = "FILE")]
    floors: Option<PathBuf>,
    /// Print every disagreement.
    #[arg(long)]
    diffs: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// A suite or floors file: a regular file (a FIFO or device is refused) of at most 256 MiB.
fn read_text(path: &std::path::Path) -> Result<String> {
    let name = path.display();
    let bytes = dyad_import::files::read_regular(path, 256 << 20)
        .map_err(|e| anyhow::anyhow!("cannot read {name}: {e}"))?;
    String::from_utf8(bytes).with_context(|| format!("{name} is not UTF-8"))
}

pub fn run(args: Args) -> Result<Outcome> {
    let name = args.file.display().to_string();
    let text = read_text(&args.file)?;
    let records = dyad_coder::eval::parse_suite(&name, &text)?;
    let coder = coding::builtin_coder()?;
    let report = dyad_coder::eval::evaluate(&coder, &records);
    let below = match &args.floors {
        Some(f) => {
            let floors = read_text(f)?;
            let suite = args.file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
            dyad_coder::eval::check_floors(suite, &report, &floors)
        }
        None => Vec::new(),
    };
    match args.format {
        Format::Json => {
            output::json(&serde_json::json!({ "report": report, "below_floor": below }))?
        }
        _ => {
            print!("{}", report.table());
            if args.diffs {
                for d in &report.diffs {
                    outln!("{d}");
                }
            }
            for b in &below {
                eprintln!("dyad: below floor: {b}");
            }
        }
    }
    Ok(if below.is_empty() {
        Outcome::Ok
    } else {
        Outcome::PartialFailure
    })
}
