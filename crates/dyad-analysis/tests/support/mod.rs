//! A small reader of the curated chronology for tests and examples: it turns
//! `data/chronology/events-*.tsv` into `Obs` with the CAMEO table, the positions' ranks and the
//! stated magnitudes.
#![allow(dead_code)]

use dyad_analysis::obs::Obs;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
}

/// Every chronology event as an `Obs` (all pairs of actors), sorted by date; `None` when the
/// data folder is missing. Ids are line numbers over the sorted file list.
pub fn load_chronology() -> Option<Vec<Obs>> {
    let root = repo_root();
    let cameo = std::fs::read_to_string(root.join("dictionaries/cameo.tsv")).ok()?;
    let codes: HashMap<String, (f64, u8)> = rows(&cameo)
        .filter(|f| f.len() >= 3)
        .filter_map(|f| Some((f[0].to_string(), (f[1].parse().ok()?, f[2].parse().ok()?))))
        .collect();
    let positions = std::fs::read_to_string(root.join("dictionaries/actors/positions.tsv")).ok()?;
    let ranks: HashMap<String, u8> = rows(&positions)
        .filter(|f| f.len() >= 2)
        .filter_map(|f| Some((f[0].to_string(), f[1].parse().ok()?)))
        .collect();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("data/chronology"))
        .ok()?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("events-") && n.ends_with(".tsv"))
        })
        .collect();
    files.sort();
    let mut out = Vec::new();
    let mut id = 0;
    for f in files {
        let text = std::fs::read_to_string(&f).ok()?;
        for r in rows(&text) {
            if r.len() < 15 || r[0] == "id" {
                continue;
            }
            id += 1;
            let Ok(date) = r[1].parse() else { continue };
            let Some(&(goldstein, quad)) = codes.get(r[8]) else {
                continue;
            };
            let rank = |p: &str| {
                p.split_once('@')
                    .and_then(|(_, pos)| ranks.get(pos).copied())
            };
            let rank = [rank(r[4]), rank(r[7])].into_iter().flatten().min();
            out.push(Obs {
                id,
                date,
                source: r[2].to_string(),
                target: r[5].to_string(),
                cameo: r[8].to_string(),
                quad_class: quad,
                goldstein,
                rank,
                domains: r[9]
                    .split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(String::from)
                    .collect(),
                mentions: 1,
                magnitude: r.get(16).and_then(|m| m.parse().ok()),
                label: format!("{} {}", r[0], r[13]),
            });
        }
    }
    out.sort_by_key(|o| (o.date.ordinal(), o.id));
    Some(out)
}

/// Only the events between the United States and Russia.
pub fn us_russia() -> Option<Vec<Obs>> {
    let d = dyad_analysis::flow::Dyad::new("USA", "RUS");
    load_chronology().map(|o| d.select(&o))
}
