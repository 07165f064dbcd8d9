//! Timings of the pure domain core, natively, against their budgets. Part of `scripts/bench.sh`
//! (run it alone with `cargo run --release --example bench_domain`). Not a test: it prints
//! figures with PASS/OVER and always exits 0.
//!
//! - workshop statistics: 50 participants with every question of the current rubric answered
//!   (levels, "Vet ej" and "Ej aktuellt" mixed), the whole overview — distribution, median,
//!   quartiles and spread per question and per sub-area, and both disagreement rankings.

use std::collections::BTreeMap;
use std::time::Instant;

use kommunkompass::domain::assessment::{Answer, Response};
use kommunkompass::domain::catalog::Catalog;
use kommunkompass::domain::workshop::stats::overview;

/// Median of `runs` timings of `f`, in milliseconds.
fn median_ms(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[runs / 2]
}

fn line(what: &str, value: f64, budget: f64) {
    let verdict = if value <= budget { "PASS" } else { "OVER" };
    println!("{what:<72} {value:>8.2} ms {budget:>8.1} ms  {verdict}");
}

fn main() {
    let rubric = Catalog::embedded().current();
    let participants: Vec<BTreeMap<String, Answer>> = (0..50u64)
        .map(|p| {
            rubric
                .questions()
                .enumerate()
                .map(|(i, q)| {
                    let code = (i as u64 * 7 + p * 13 + (p * i as u64) % 11) % 7;
                    let response = match code {
                        0..=4 => Response::Level(code as u8),
                        5 => Response::DontKnow,
                        _ => Response::NotApplicable,
                    };
                    (q.id.clone(), Answer { response: Some(response), ..Answer::default() })
                })
                .collect()
        })
        .collect();
    let sets: Vec<&BTreeMap<String, Answer>> = participants.iter().collect();
    let questions = rubric.questions().count();
    let ms = median_ms(21, || {
        std::hint::black_box(overview(rubric, std::hint::black_box(&sets)));
    });
    line(&format!("workshop statistics + ranking, 50 participants × {questions} answers (median of 21)"), ms, 20.0);
}
