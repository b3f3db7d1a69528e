//! `dyad sql`: runs one SQL query on the embedded store, over the temporary view `events` that
//! has exactly the columns of `dyad export` (docs/export.md), so the same file can be run on the
//! exported Parquet by another engine and the results compared.

use crate::export::{self, SelectionArgs};
use crate::output::{self, Format};
use crate::{builtin, Outcome};
use anyhow::{Context, Result};
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

fn read_query(file: &Path) -> Result<String> {
    if file.as_os_str() == "-" {
        let mut s = String::new();
        std::io::stdin().read_to_string(&mut s)?;
        Ok(s)
    } else {
        std::fs::read_to_string(file).with_context(|| format!("reading {}", file.display()))
    }
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

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let selection = args.selection.parse()?;
    let query = read_query(&args.file)?;
    let store = builtin::open_store(db)?;
    let conn = store.connection();
    export::create_views(conn, &selection)?;
    let mut stmt = conn
        .prepare(query.trim())
        .with_context(|| format!("{}: one SQL statement over `events`", args.file.display()))?;
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
