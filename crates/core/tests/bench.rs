//! The core's benchmark, not a test of times (scripts/bench.sh runs it in release):
//! `cargo test --release --test bench -- --ignored --nocapture`. Prints how long `evaluate(cat())`,
//! the trend fit and an SVG chart take with 10,000 imported points.

use aicompute::calculation::calc::evaluate;
use aicompute::catalog::data::DatasetId;
use aicompute::plot::chart::{self, ChartSpec, UserPoint};
use aicompute::plot::trend::Selection;
use aicompute::text::num::{count_f64, to_u32};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The median of `runs` timings of `f`.
fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut t: Vec<Duration> = (0..runs)
        .map(|_| {
            let s = Instant::now();
            black_box(f());
            s.elapsed()
        })
        .collect();
    t.sort();
    t[runs / 2]
}

/// `n` rows `name,date,flop` from a fixed pseudo-random sequence.
fn csv(n: usize) -> String {
    let mut seed: u64 = 12345;
    let mut rnd = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        count_f64(seed >> 11) / count_f64(1u64 << 53)
    };
    let mut out = String::from("name,date,flop\n");
    for i in 0..n {
        let year = 2012.0 + rnd() * 12.0;
        let month = 1 + to_u32(rnd() * 12.0) % 12;
        let flop = 10f64.powf(17.0 + (year - 2012.0) * 0.55 + (rnd() - 0.5) * 3.0);
        out.push_str(&format!("Model {i},{}-{month:02},{flop:.3e}\n", to_u32(year)));
    }
    out
}

#[test]
#[ignore = "a benchmark: scripts/bench.sh"]
fn bench_core_10000_points() {
    let calc = aicompute::calculation::examples::find("alexnet-ops").expect("the AlexNet example").calculation();
    let e = time(2001, || evaluate(&calc, cat()));
    println!("bench: evaluate() of AlexNet (Method 1): {:.1} µs (median of 2001)", e.as_secs_f64() * 1e6);

    let text = csv(10_000);
    let parse = time(11, || aicompute::catalog::import::import(&text).rows.len());
    let mut with_rows = aicompute::catalog::Catalog::full();
    let installed = with_rows.install_imported(&text).expect("the generated CSV imports").installed;
    let cat = || &with_rows;
    assert_eq!(installed, 10_000);
    let sel = Selection::of(&[DatasetId::OpenAi2018, DatasetId::Modest2018, DatasetId::Imported]);
    let points = time(101, || sel.points(cat()).len());
    let fit = time(101, || sel.fit(cat()));
    let f = sel.fit(cat()).expect("a fit");
    println!("bench: import of a 10,000-row CSV: {:.2} ms", parse.as_secs_f64() * 1e3);
    println!(
        "bench: points of the selection, {} points: {:.3} ms",
        sel.points(cat()).len(),
        points.as_secs_f64() * 1e3
    );
    println!(
        "bench: trend fit on {} points: {:.3} ms (doubling every {:.1} months)",
        sel.fit_points(cat()).len(),
        fit.as_secs_f64() * 1e3,
        12.0 / f.slope
    );
    let spec = ChartSpec {
        background: chart::Background {
            points: sel.points(cat()).into_iter().cloned().collect(),
            fit: Some(f),
            thresholds: true,
            ..Default::default()
        },
        user: Some(UserPoint { years: 2020.0, flop: 1e23, low: 5e22, high: 2e23, label: "Mine".into() }),
    };
    let svg = time(5, || chart::svg(&spec, 960, 540).map(|(s, _)| s.len()));
    println!("bench: SVG chart of {} points, 960x540: {:.1} ms", spec.background.points.len(), svg.as_secs_f64() * 1e3);
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
