//! `dyad sql`: runs one SQL query on the embedded store, over the temporary view `events` that
//! has exactly the columns of `dyad export` (docs/export.md), so the same file can be run on the
//! exported Parquet by another engine and the results compared.
//!
//! It only reads: the database is opened read-only, and a statement other than a query
//! (`SELECT`, `WITH`, `VALUES`, `EXPLAIN`) or one SQLite says would write (`DELETE`, `UPDATE`,
//! `DROP`, `PRAGMA user_version = …`, `ATTACH`…) is refused before it runs, with exit code 2.

use crate::cmd::export::SelectionArgs;
use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::{bail, Context, Result};
use dyad_app::builtin;
use dyad_app::export;
use dyad_store::{Cell, ReadError};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The file holding one SELECT statement (`-` for stdin), e.g. sql/flow_index.sql.
    file: PathBuf,
    /// Which events the view `events` holds (the same flags as `dyad export`).
    #[command(flatten)]
    selection: SelectionArgs,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

/// The longest query file read (a FIFO or device is refused; see `crate::files`).
const MAX_QUERY_BYTES: u64 = 1 << 20;

fn read_query(file: &Path) -> Result<String> {
    let name = file.display();
    let bytes = if file.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .take(MAX_QUERY_BYTES + 1)
            .read_to_end(&mut b)?;
        b
    } else {
        dyad_import::files::read_regular(file, MAX_QUERY_BYTES)
            .map_err(|e| anyhow::anyhow!("{name}: {e}"))?
    };
    if bytes.len() as u64 > MAX_QUERY_BYTES {
        bail!("{name}: a query of more than {MAX_QUERY_BYTES} bytes is not one statement");
    }
    String::from_utf8(bytes).with_context(|| format!("{name}: the query is not UTF-8"))
}

fn json_value(v: &Cell) -> serde_json::Value {
    match v {
        Cell::Null => serde_json::Value::Null,
        Cell::Int(i) => (*i).into(),
        Cell::Real(f) => serde_json::Number::from_f64(*f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        Cell::Text(t) => t.clone().into(),
    }
}

fn text_value(v: &Cell) -> String {
    v.as_text().unwrap_or_default()
}

/// The first keyword of a statement, after whitespace and comments, upper-cased.
fn first_keyword(sql: &str) -> String {
    let mut rest = sql;
    loop {
        rest = rest.trim_start();
        if let Some(r) = rest.strip_prefix("--") {
            rest = r.find('\n').map_or("", |i| &r[i + 1..]);
        } else if let Some(r) = rest.strip_prefix("/*") {
            rest = r.find("*/").map_or("", |i| &r[i + 2..]);
        } else {
            break;
        }
    }
    rest.chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_uppercase()
}

/// Refuses anything but a query, by its first keyword (before the store is opened).
fn check_read_only(file: &Path, sql: &str) -> Result<()> {
    let keyword = first_keyword(sql);
    if matches!(keyword.as_str(), "SELECT" | "WITH" | "VALUES" | "EXPLAIN") {
        return Ok(());
    }
    Err(refused(file, &keyword))
}

/// Why a statement is refused: it is not a query, or SQLite says it would write.
fn refused(file: &Path, keyword: &str) -> anyhow::Error {
    let what = if keyword.is_empty() {
        "this statement".to_string()
    } else {
        format!("`{keyword}`")
    };
    anyhow::anyhow!(
        "{}: {what} is refused: `dyad sql` runs only queries that read (SELECT, WITH, VALUES, EXPLAIN) and never changes the database",
        file.display()
    )
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let selection = args.selection.parse()?;
    let query = read_query(&args.file)?;
    // Refused before the store is opened, so a write never gets near the database.
    check_read_only(&args.file, &query)?;
    let store = builtin::open_read(db)?;
    export::create_views(&store, &selection)?;
    let mut json = Vec::new();
    let mut cells = Vec::new();
    let read = store.read_rows(query.trim(), |names, row| {
        match args.format {
            Format::Json => {
                let mut obj = serde_json::Map::new();
                for (name, cell) in names.iter().zip(row) {
                    obj.insert(name.clone(), json_value(cell));
                }
                json.push(serde_json::Value::Object(obj));
            }
            _ => cells.push(row.iter().map(text_value).collect::<Vec<_>>()),
        }
        Ok::<(), std::convert::Infallible>(())
    });
    let names = match read {
        Ok(names) => names,
        Err(ReadError::Writes) => return Err(refused(&args.file, &first_keyword(&query))),
        Err(ReadError::Prepare(e)) => {
            bail!(
                "{}: one SQL statement over `events`: {e}",
                args.file.display()
            )
        }
        Err(e) => return Err(e.into()),
    };
    let headers: Vec<&str> = names.iter().map(String::as_str).collect();
    match args.format {
        Format::Json => output::json(&json)?,
        Format::Csv => output::csv(&headers, &cells)?,
        Format::Table => {
            output::table(&headers, &cells)?;
            eprintln!("dyad: {} rows", cells.len());
        }
    }
    Ok(Outcome::Ok)
}
