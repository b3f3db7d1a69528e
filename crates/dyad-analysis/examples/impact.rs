//! The largest monthly moves of the level on the curated chronology, with the events behind
//! them: `cargo run -p dyad-analysis --example impact`. Used to judge the impact model
//! (docs/method.md, section 3) by whether crises, not single routine acts, move the level most.
#[path = "../tests/support/mod.rs"]
mod support;

use dyad_analysis::prelude::*;
use dyad_analysis::series::Month;

fn main() {
    let Some(obs) = support::us_russia() else {
        eprintln!("no chronology found");
        return;
    };
    // IMPACT="name=value,…" overrides impact parameters, to read a variant.
    let mut params = LevelParams::default();
    for kv in std::env::var("IMPACT").unwrap_or_default().split(',') {
        if let Some((k, v)) = kv.split_once('=') {
            let v: f64 = v.parse().expect("a number");
            let old = params.impact.named().into_iter().find(|(n, _)| *n == k);
            let Some((_, old)) = old else {
                panic!("unknown parameter {k}")
            };
            params.impact = params.impact.scaled(k, v / old).expect("a parameter");
        }
    }
    let s = level_series(&obs, &params, None, None);
    println!("{} US-Russia events, {} months", obs.len(), s.points.len());
    let top = |falls: bool| {
        let mut v: Vec<_> = s.points.iter().collect();
        v.sort_by(|a, b| a.event_sum.total_cmp(&b.event_sum));
        if !falls {
            v.reverse();
        }
        v.truncate(10);
        v
    };
    for (name, falls) in [("falls", true), ("rises", false)] {
        println!("\n10 largest monthly {name} (change due to events; level before → after):");
        for (i, p) in top(falls).into_iter().enumerate() {
            let mut cs: Vec<_> = s
                .contributions
                .iter()
                .filter(|c| c.month == p.period)
                .collect();
            cs.sort_by(|a, b| b.contribution.abs().total_cmp(&a.contribution.abs()));
            println!(
                "{:>2}. {} {:+.2} ({:.2} → {:.2}, {} events)",
                i + 1,
                p.period,
                p.event_sum,
                p.level - p.change,
                p.level,
                p.events
            );
            for c in cs.iter().take(3) {
                println!(
                    "      {:+.2} [{}] {}",
                    c.contribution,
                    c.cameo,
                    c.label.chars().take(90).collect::<String>()
                );
            }
        }
    }
    println!("\nselected events:");
    for key in [
        "may9",
        "2014-03-",
        "2019-08-02",
        "inf",
        "parade",
        "ultimatum",
    ] {
        for c in s.event_totals() {
            if c.label.to_lowercase().contains(key) {
                println!(
                    "  {:+.2} [{}] {}",
                    c.contribution,
                    c.cameo,
                    c.label.chars().take(100).collect::<String>()
                );
            }
        }
    }
    let ph = phases(&s, &PhaseParams::default());
    let er = eras(&s, &ph, &EraParams::default());
    let cyc = cycles(&s, &CycleParams::default());
    let sp = spiral_test(&cyc);
    println!(
        "\nphases {}, eras {}, cycles {} (troughs {:?}), spiral {:?}",
        ph.len(),
        er.len(),
        cyc.len(),
        cyc.iter()
            .map(|c| c.trough.period.to_string())
            .collect::<Vec<_>>(),
        sp.verdict
    );
    let min = s
        .points
        .iter()
        .min_by(|a, b| a.level.total_cmp(&b.level))
        .unwrap();
    let max = s
        .points
        .iter()
        .max_by(|a, b| a.level.total_cmp(&b.level))
        .unwrap();
    println!(
        "min {} {:.2}, max {} {:.2}",
        min.period, min.level, max.period, max.level
    );
    let mut moves: Vec<f64> = s.points.iter().map(|p| p.change.abs()).collect();
    moves.sort_by(f64::total_cmp);
    let pct = |q: usize| moves[moves.len() * q / 100];
    println!("monthly |change|: 90th {:.2}, 95th {:.2}", pct(90), pct(95));
    for crisis in ["1999-03", "2008-08", "2014-03", "2022-02"] {
        let m: Month = crisis.parse().unwrap();
        let rank = {
            let mut v: Vec<_> = s.points.iter().map(|p| p.change).collect();
            v.sort_by(f64::total_cmp);
            v.iter()
                .position(|c| *c >= s.at(m).unwrap() - s.before(m).unwrap())
                .unwrap()
                + 1
        };
        println!(
            "{crisis}: {:.2} → {:.2} (fall {:.2}, rank {rank} among monthly changes)",
            s.before(m).unwrap(),
            s.at(m).unwrap(),
            s.before(m).unwrap() - s.at(m).unwrap()
        );
    }
    let r = robustness(
        &obs,
        &Settings {
            level: params.clone(),
            ..Settings::default()
        },
        None,
        None,
    );
    println!("\nrobustness (eras/phases/cycles/verdict/largest fall/minimum):");
    for o in std::iter::once(&r.base).chain(&r.variants) {
        println!(
            "  {:<22} ×{:<3} = {:<7.3} {} / {} / {} / {:?} / {} / {}",
            o.parameter.unwrap_or("(documented)"),
            o.factor,
            o.value,
            o.eras,
            o.phases,
            o.cycles,
            o.verdict,
            o.largest_fall
                .map_or("-".into(), |(m, x)| format!("{m} {x:+.2}")),
            o.minimum
                .map_or("-".into(), |(m, x)| format!("{m} {x:+.2}")),
        );
    }
}
