//! `dyad dict check`: validates every dictionary and the built-in chronology.

use crate::Outcome;
use anyhow::Result;
use dyad_app::builtin;
use dyad_model::{KindTable, PlaceTable};

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(subcommand)]
    action: Action,
}

#[derive(clap::Subcommand, Debug)]
enum Action {
    /// Check the dictionaries and the chronology; print every problem with its file:line.
    Check,
}

pub fn run(args: Args) -> Result<Outcome> {
    match args.action {
        Action::Check => check(),
    }
}

fn check() -> Result<Outcome> {
    let mut problems: Vec<String> = Vec::new();
    let table = builtin::code_table();
    let people = builtin::people();
    let domains = builtin::domains();
    match (&table, &people, &domains) {
        (Ok(t), Ok(p), Ok(d)) => {
            eprintln!("dictionaries/cameo.tsv: {} codes", t.len());
            eprintln!(
                "dictionaries/actors/people.tsv: {} tenures",
                p.tenures().len()
            );
            eprintln!("dictionaries/domains.tsv: {} domains", d.len());
            problems.extend(p.check());
            let kinds = match builtin::kinds(t) {
                Ok(k) => {
                    eprintln!(
                        "{}: {} kinds of act (version {})",
                        builtin::KINDS_PATH,
                        k.len(),
                        k.version()
                    );
                    k
                }
                Err(e) => {
                    problems.push(format!("{e:#}"));
                    KindTable::default()
                }
            };
            match dyad_coder::Dictionaries::builtin() {
                Ok(d) => {
                    let mut coder_problems = d.check();
                    // the coder follows the kinds table too: a cue written as a kind's word
                    // carries the kind's code
                    for a in d.actions.iter().filter(|a| !a.negated && !a.hypothetical) {
                        if let Some(k) = kinds.check_cue(&a.lang, &a.pattern, &a.cameo) {
                            coder_problems.push(format!(
                                "{}: cue `{}` is coded {}, but it names the kind `{}`, coded {} ({}): one kind of act has one code",
                                a.origin, a.pattern, a.cameo, k.name, k.cameo, k.origin
                            ));
                        }
                    }
                    eprintln!("dictionaries/ (coder: actors, actions, modality, grammar, dates, domains): {} problems", coder_problems.len());
                    problems.extend(coder_problems);
                }
                Err(e) => problems.push(e.to_string()),
            }
            let places = match builtin::places() {
                Ok(pl) => {
                    eprintln!(
                        "{}: {} places (version {})",
                        builtin::PLACES_PATH,
                        pl.len(),
                        pl.version()
                    );
                    pl
                }
                Err(e) => {
                    problems.push(format!("{e:#}"));
                    PlaceTable::default()
                }
            };
            let notes = dyad_app::summits::check_notes();
            eprintln!(
                "{}: {} problems",
                dyad_app::summits::NOTES_PATH,
                notes.len()
            );
            problems.extend(notes);
            let figures = dyad_app::sanctions::check_figures();
            eprintln!(
                "{}: {} problems",
                dyad_app::sanctions::FIGURES_PATH,
                figures.len()
            );
            problems.extend(figures);
            let literature = match builtin::literature() {
                Ok(_) => Vec::new(),
                Err(e) => vec![format!("{e:#}")],
            };
            eprintln!("data/literature: {} problems", literature.len());
            problems.extend(literature);
            let events = builtin::files_under("data/chronology", "events-");
            let sources = builtin::files_under("data/chronology", "sources-");
            let vocab = builtin::Vocabulary {
                table: t,
                people: p,
                domains: d,
                kinds: &kinds,
                places: &places,
            };
            let cites = builtin::check_sources(&sources);
            eprintln!(
                "data/chronology/sources-*.tsv: {} placeholder titles, denied hosts or non-canonical (AMP, mobile, tracking) addresses",
                cites.len()
            );
            problems.extend(cites);
            match builtin::low_reliability() {
                Ok(denied) => {
                    let resting = builtin::check_reliability(&events, &sources, &denied);
                    eprintln!(
                        "{}: {} low-reliability outlets (version {}); {} events rest only on them",
                        builtin::LOW_RELIABILITY_PATH,
                        denied.len(),
                        denied.version(),
                        resting.len()
                    );
                    problems.extend(resting);
                }
                Err(e) => problems.push(format!("{e:#}")),
            }
            match builtin::parse_chronology(&events, &sources, &vocab) {
                Ok(c) => eprintln!(
                    "data/chronology: {} events, {} sources in {} files (version {})",
                    c.events.len(),
                    c.citations.len(),
                    events.len() + sources.len(),
                    c.version
                ),
                Err(ps) => problems.extend(ps),
            }
            match dyad_app::names::DyadNames::builtin() {
                Ok(n) => eprintln!(
                    "{}: {} short forms (version {})",
                    dyad_app::names::PATH,
                    n.len(),
                    n.version()
                ),
                Err(ps) => problems.extend(ps),
            }
        }
        _ => {
            for e in [table.err(), people.err(), domains.err()]
                .into_iter()
                .flatten()
            {
                problems.push(format!("{e:#}"));
            }
        }
    }
    for p in &problems {
        outln!("{p}");
    }
    if problems.is_empty() {
        eprintln!("dyad: dictionaries and chronology are clean");
        Ok(Outcome::Ok)
    } else {
        eprintln!("dyad: {} problems", problems.len());
        Ok(Outcome::PartialFailure)
    }
}
