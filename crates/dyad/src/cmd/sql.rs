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
use rusqlite::types::ValueRef;
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

fn json_value(v: ValueRef<'_>) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => serde_json::Number::from_f64(f)
            .map(serde_json::Value::Number)
            .unwrap_or(serde_json::Value::Null),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned().into(),
    }
}

fn text_value(v: ValueRef<'_>) -> String {
    match v {
        ValueRef::Null => String::new(),
        ValueRef::Integer(i) => i.to_string(),
        ValueRef::Real(f) => f.to_string(),
        ValueRef::Text(t) | ValueRef::Blob(t) => String::from_utf8_lossy(t).into_owned(),
    }
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

/// Refuses anything but a query.
fn check_read_only(file: &Path, sql: &str, sqlite_says_read_only: bool) -> Result<()> {
    let keyword = first_keyword(sql);
    let query = matches!(keyword.as_str(), "SELECT" | "WITH" | "VALUES" | "EXPLAIN");
    if !query || !sqlite_says_read_only {
        let what = if keyword.is_empty() {
            "this statement".to_string()
        } else {
            format!("`{keyword}`")
        };
        bail!(
            "{}: {what} is refused: `dyad sql` runs only queries that read (SELECT, WITH, VALUES, EXPLAIN) and never changes the database",
            file.display()
        );
    }
    Ok(())
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let selection = args.selection.parse()?;
    let query = read_query(&args.file)?;
    // Refused before the store is opened, so a write never gets near the database.
    check_read_only(&args.file, &query, true)?;
    let store = builtin::open_read(db)?;
    let conn = store.connection();
    export::create_views(conn, &selection)?;
    let mut stmt = conn
        .prepare(query.trim())
        .with_context(|| format!("{}: one SQL statement over `events`", args.file.display()))?;
    check_read_only(&args.file, &query, stmt.readonly())?;
    let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let mut rows = stmt.query([])?;
    let mut json = Vec::new();
    let mut cells = Vec::new();
    while let Some(r) = rows.next()? {
        match args.format {
            Format::Json => {
                let mut obj = serde_json::Map::new();
                for (i, name) in names.iter().enumerate() {
                    obj.insert(name.clone(), json_value(r.get_ref(i)?));
                }
                json.push(serde_json::Value::Object(obj));
            }
            _ => cells.push(
                (0..names.len())
                    .map(|i| r.get_ref(i).map(text_value))
                    .collect::<Result<Vec<_>, _>>()?,
            ),
        }
    }
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
