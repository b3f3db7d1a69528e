//! `dyad`: the command line. Parses flags, opens the store, runs one command, maps errors to
//! exit codes (0 ok, 1 some inputs failed, 2 usage or fatal error).

mod cmd;
mod config;
mod serve;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// dyad: a bilateral-relations observatory. Reads documents in Chinese, English and Russian,
/// codes dated events between states, and measures a dyad over time.
#[derive(Parser, Debug)]
#[command(name = "dyad", version, about, long_about = None)]
pub struct Cli {
    /// The database file (else $DYAD_DB, else the user's data directory).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Read documents (files, directories, or - for stdin) into the store.
    Ingest(cmd::ingest::Args),
    /// List the stored documents.
    Docs(cmd::docs::DocsArgs),
    /// Show one stored document.
    Doc(cmd::docs::DocArgs),
    /// Code sentences into events without storing them (argument or stdin, one per line).
    Code(cmd::code::Args),
    /// Code every stored sentence again after a dictionary change (one transaction).
    Recode(cmd::recode::Args),
    /// Score the coder on an annotated suite: precision, recall, F1 per script.
    Eval(cmd::eval::Args),
    /// List stored events (coded, curated, imported) with filters.
    Events(cmd::events::Args),
    /// List the built-in, sourced chronology of a dyad.
    Chronology(cmd::chronology::Args),
    /// Count in-person meetings of the two heads of state per presidency or year.
    Summits(cmd::summits::Args),
    /// Sanctions designations per month or year and per side, beside published counts.
    Sanctions(cmd::sanctions::Args),
    /// Event-flow index and cumulative relations level of a dyad, per month, quarter or year.
    Index(cmd::index::Args),
    /// Phases, change points, reset cycles and the spiral-decline test of a dyad.
    Phases(cmd::phases::PhasesArgs),
    /// What drove the level's change over a period, per domain, with the events behind it.
    Drivers(cmd::phases::DriversArgs),
    /// Forecast the level and the monthly event flow with 80% and 95% intervals.
    Forecast(cmd::phases::ForecastArgs),
    /// Rolling-origin evaluation of the level and event-flow forecasts against naive persistence and the long-run mean.
    Backtest(cmd::phases::BacktestArgs),
    /// Write a self-contained HTML report (charts as SVG) of a dyad.
    Report(cmd::report::Args),
    /// Check the dictionaries and the built-in chronology.
    Dict(cmd::dict::Args),
    /// Serve the JSON API (described at /openapi.json) and the web dashboard.
    Serve(serve::cli::Args),
    /// Write events as Hive-partitioned Parquet or CSV (year=/month=) for other engines.
    Export(cmd::export::Args),
    /// Run one SQL query on the store over the view `events` (the export's columns).
    Sql(cmd::sql::Args),
    /// Flow measures of a dyad straight from event files (GDELT), streamed, nothing stored.
    Scan(cmd::scan::Args),
    /// Import GDELT, ICEWS or POLECAT event files (plain, .gz, .zip, directories) into the store.
    Import(cmd::import::Args),
    /// Compare two sources of a dyad's events (e.g. curated vs imported:gdelt) month by month.
    Compare(cmd::compare::Args),
}

/// How a command ended, when it did not fail outright.
pub enum Outcome {
    Ok,
    /// Some inputs failed; the rest was done.
    PartialFailure,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(Outcome::Ok) => ExitCode::SUCCESS,
        Ok(Outcome::PartialFailure) => ExitCode::from(1),
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

/// A reader that stopped reading (`dyad … | head`) is not an error.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .and_then(|j| j.io_error_kind())
                == Some(std::io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let db = config::db_path(cli.db)?;
    match cli.command {
        Command::Ingest(a) => cmd::ingest::run(&db, a),
        Command::Docs(a) => cmd::docs::run_docs(&db, a),
        Command::Doc(a) => cmd::docs::run_doc(&db, a),
        Command::Code(a) => cmd::code::run(a),
        Command::Recode(a) => cmd::recode::run(&db, a),
        Command::Eval(a) => cmd::eval::run(a),
        Command::Events(a) => cmd::events::run(&db, a),
        Command::Chronology(a) => cmd::chronology::run(&db, a),
        Command::Summits(a) => cmd::summits::run(&db, a),
        Command::Sanctions(a) => cmd::sanctions::run(a),
        Command::Index(a) => cmd::index::run(&db, a),
        Command::Phases(a) => cmd::phases::run_phases(&db, a),
        Command::Drivers(a) => cmd::phases::run_drivers(&db, a),
        Command::Forecast(a) => cmd::phases::run_forecast(&db, a),
        Command::Backtest(a) => cmd::phases::run_backtest(&db, a),
        Command::Report(a) => cmd::report::run(&db, a),
        Command::Dict(a) => cmd::dict::run(a),
        Command::Serve(a) => serve::cli::run(&db, a),
        Command::Export(a) => cmd::export::run(&db, a),
        Command::Sql(a) => cmd::sql::run(&db, a),
        Command::Scan(a) => cmd::scan::run(a),
        Command::Import(a) => cmd::import::run(&db, a),
        Command::Compare(a) => cmd::compare::run(&db, a),
    }
}
