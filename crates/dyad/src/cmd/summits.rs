//! `dyad summits`: in-person meetings of the two heads of state, counted per presidency or year,
//! from the curated chronology, with the counting rule and a comparison with the hand-made
//! counts of the literature (seed 000, table 1) stated in the output.

use crate::cmd::output::{self, Format};
use crate::Outcome;
use anyhow::Result;
use clap::ValueEnum;
use dyad_app::builtin;
use dyad_app::request::parse_dyad;
use dyad_app::summits::build;
use dyad_model::Origin;
use dyad_store::EventFilter;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum By {
    UsPresident,
    RuPresident,
    Year,
}

#[derive(clap::Args, Debug)]
pub struct Args {
    #[arg(long, default_value = "USA-RUS")]
    dyad: String,
    /// Group meetings by the first actor's head of state, the second's, or by year.
    #[arg(long, value_enum, default_value_t = By::UsPresident)]
    by: By,
    /// Also count meetings on the margins of multilateral summits.
    #[arg(long)]
    include_multilateral: bool,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

impl From<By> for dyad_app::summits::By {
    fn from(by: By) -> Self {
        match by {
            By::UsPresident => Self::UsPresident,
            By::RuPresident => Self::RuPresident,
            By::Year => Self::Year,
        }
    }
}

pub fn run(db: &Path, args: Args) -> Result<Outcome> {
    let dyad = parse_dyad(&args.dyad)?;
    let store = builtin::open_read(db)?;
    let events = store.events(&EventFilter {
        dyad: Some(dyad.clone()),
        origins: vec![Origin::Curated],
        ..Default::default()
    })?;
    let places = builtin::places()?;
    let s = build(
        &events,
        args.by.into(),
        args.include_multilateral,
        &dyad,
        &places,
    )?;
    match args.format {
        Format::Json => output::json(&s)?,
        Format::Csv => {
            let mut rows = Vec::new();
            for g in &s.groups {
                for m in &g.meetings {
                    rows.push(vec![
                        g.key.clone(),
                        g.term_start.clone().unwrap_or_default(),
                        m.date.clone(),
                        m.place.clone(),
                        m.place_zh.clone(),
                        m.kind.clone(),
                    ]);
                }
            }
            output::csv(
                &["group", "term_start", "date", "place", "place_zh", "kind"],
                &rows,
            )?;
        }
        Format::Table => {
            let rows: Vec<Vec<String>> = s
                .groups
                .iter()
                .map(|g| {
                    let lit = s
                        .notes
                        .iter()
                        .find(|n| Some(&n.term_start) == g.term_start.as_ref() && n.group == g.key)
                        .map(|n| n.literature_count.to_string())
                        .unwrap_or_default();
                    vec![
                        g.key.clone(),
                        g.term_start.clone().unwrap_or_default(),
                        g.count.to_string(),
                        lit,
                    ]
                })
                .collect();
            output::table(&["group", "term start", "meetings", "literature"], &rows)?;
            outln!("\nRule: {}", s.rule);
            for n in &s.notes {
                outln!(
                    "Note ({}): {} counts {}, dyad {}. {}",
                    n.group,
                    n.literature,
                    n.literature_count,
                    n.dyad_count,
                    n.note
                );
            }
        }
    }
    Ok(Outcome::Ok)
}
