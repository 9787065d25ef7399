//! Data sets, the fit, eras, growth, and the chart rendered to SVG.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::calculation::calc::Lang;
use aicompute::catalog::data::{DatasetId, Date};
use aicompute::plot::chart::{self, ChartSpec, UserPoint};
use aicompute::plot::trend::{self, fit, growth, t975, Reference, Selection, ERAS};

#[test]
fn counts_per_set() {
    assert_eq!(cat().dataset(DatasetId::OpenAi2018).count(), 15);
    assert_eq!(cat().dataset(DatasetId::Modest2018).count(), 6);
    assert_eq!(cat().dataset(DatasetId::Modest2018).filter(|m| m.upper_bound).count(), 4);
    assert_eq!(cat().dataset(DatasetId::FirstEra).count(), 9);
    assert_eq!(cat().dataset(DatasetId::FirstEra).filter(|m| m.pfs_days.is_none()).count(), 1);
    assert_eq!(cat().dataset(DatasetId::FirstEra).find(|m| m.pfs_days.is_none()).unwrap().name, "Deep Belief Nets");
    assert_eq!(cat().dataset(DatasetId::Epoch).count(), 443);
    assert_eq!(cat().models().count(), 15 + 6 + 9 + 443);
}

#[test]
fn every_row_has_its_source() {
    for m in cat().models() {
        assert!(!m.citation().is_empty() && !m.source_link().is_empty(), "{}", m.name);
        if matches!(m.dataset, DatasetId::Epoch | DatasetId::FirstEra) {
            assert!(m.citation().contains("Epoch AI") && m.citation().contains("CC BY 4.0"), "{}", m.name);
        }
        if let (Some(f), Some(p)) = (m.flop, m.pfs_days) {
            assert!((f / 8.64e19 / p - 1.0).abs() < 1e-9, "{}", m.name);
        }
    }
}

#[test]
fn same_model_links() {
    let a = cat().model(DatasetId::OpenAi2018, "AlphaGoZero").unwrap();
    let b = cat().counterpart(a).unwrap();
    assert_eq!((b.name.as_str(), b.dataset), ("AlphaGo Zero", DatasetId::Epoch));
    assert_eq!(cat().counterpart(b).unwrap().name, "AlphaGoZero");
    assert_eq!(a.pfs_days, Some(1862.0));
    assert!((b.pfs_days.unwrap() - 3.41e23 / 8.64e19).abs() < 1e-6);
    let linked = cat().dataset(DatasetId::OpenAi2018).filter(|m| cat().counterpart(m).is_some()).count();
    assert_eq!(linked, 14, "every OpenAI result but TI7 Dota 1v1");
    assert!(cat().counterpart(cat().model(DatasetId::OpenAi2018, "TI7 Dota 1v1").unwrap()).is_none());
}

#[test]
fn openai_fit_gives_3_43_months() {
    let f = Selection::of(&[DatasetId::OpenAi2018]).fit(cat()).unwrap();
    assert_eq!(f.n, 15);
    assert!((3.43..3.44).contains(&f.doubling_months), "{}", f.doubling_months);
    assert!(f.doubling_months_low < f.doubling_months && f.doubling_months < f.doubling_months_high);
    assert!((f.growth_per_year - 2f64.powf(12.0 / f.doubling_months)).abs() < 1e-9);
}

/// The fit and its interval computed by hand on a small set.
#[test]
fn fit_against_a_hand_computation() {
    // log2 values 0, 2, 3, 6 at years 0..3: x̄ = 1.5, ȳ = 2.75, Sxx = 5, Sxy = 9.5, b = 1.9.
    let pts = [(0.0, 1.0), (1.0, 4.0), (2.0, 8.0), (3.0, 64.0)];
    let f = fit(&pts).unwrap();
    assert!((f.slope - 1.9).abs() < 1e-12);
    // a = 2.75 - 1.9·1.5 = -0.1; residuals 0.1, 0.2, -0.7, 0.4: SSE = 0.7; Syy = 18.75.
    assert!((f.intercept + 0.1).abs() < 1e-12);
    assert!((f.r2 - (1.0 - 0.7 / 18.75)).abs() < 1e-12);
    let se = (0.7f64 / 2.0 / 5.0).sqrt();
    assert!((f.se_slope - se).abs() < 1e-12);
    assert_eq!(t975(2), 4.303);
    assert!((f.doubling_months - 12.0 / 1.9).abs() < 1e-12);
    assert!((f.doubling_months_low - 12.0 / (1.9 + 4.303 * se)).abs() < 1e-12);
    assert!((f.doubling_months_high - 12.0 / (1.9 - 4.303 * se)).abs() < 1e-12);
}

#[test]
fn synthetic_set_with_a_known_slope() {
    // Doubling every 6 months exactly: the fit recovers it with R² = 1.
    let pts: Vec<(f64, f64)> =
        (0..20).map(|i| (2000.0 + f64::from(i) * 0.25, 3.0 * 2f64.powf(f64::from(i) * 0.5))).collect();
    let f = fit(&pts).unwrap();
    assert!((f.doubling_months - 6.0).abs() < 1e-9);
    assert!((f.r2 - 1.0).abs() < 1e-12);
    assert!((f.at(2001.0) - 3.0 * 4.0).abs() < 1e-9);
    assert!(fit(&pts[..2]).is_none(), "two points do not make a fit");
    assert!(fit(&[(1.0, 1.0), (1.0, 2.0), (1.0, 3.0)]).is_none(), "one date does not make a fit");
}

#[test]
fn t_quantiles() {
    assert_eq!(t975(13), 2.160);
    assert!((t975(60) - 2.0003).abs() < 1e-3);
    assert!((t975(1000) - 1.9623).abs() < 1e-3);
}

#[test]
fn eras() {
    let first = ERAS[0].selection().fit(cat()).unwrap();
    assert!((18.0..30.0).contains(&first.doubling_months), "first era about 2 years: {}", first.doubling_months);
    assert_eq!(first.n, 8);
    let modern = ERAS[1].selection().fit(cat()).unwrap();
    assert!((3.43..3.44).contains(&modern.doubling_months));
    let epoch = ERAS[2].selection().fit(cat()).unwrap();
    assert!((4.0..8.0).contains(&epoch.doubling_months), "{}", epoch.doubling_months);
}

#[test]
fn alexnet_to_alphago_zero() {
    let g = growth(
        cat().model(DatasetId::OpenAi2018, "AlexNet").unwrap(),
        cat().model(DatasetId::OpenAi2018, "AlphaGoZero").unwrap(),
    )
    .unwrap();
    assert!((g.factor - 1862.0 / 0.00578754).abs() < 1e-6);
    assert!((250_000.0..400_000.0).contains(&g.factor), "about 300,000x: {}", g.factor);
    assert!((10.0..14.0).contains(&g.moore_18), "about 12x: {}", g.moore_18);
    assert!((g.years - 1966.0 / 365.25).abs() < 1e-9);
    assert!(g.moore_24 < g.moore_18);
    assert_eq!(trend::headline_growth(cat()), Some(g));
    assert_eq!(
        aicompute::text::render::growth(&g, Lang::En),
        format!(
            "AlexNet → AlphaGo Zero: {}× in 5.4 years; Moore's law: 12× (18-month doubling), {}× (24-month)",
            aicompute::text::format::grouped((1862.0f64 / 0.00578754).round(), 0, ","),
            // 2012-06-01 to 2017-10-19 is 1,966 days.
            aicompute::text::format::readable((1966.0f64 / 365.25 / 2.0).exp2(), 3, ",")
        )
    );
}

#[test]
fn windows_and_bounds() {
    assert_eq!(trend::parse_bound("2012", false), Ok(2012.0));
    assert_eq!(trend::parse_bound("2012", true), Ok(2013.0));
    assert_eq!(trend::parse_bound("2012-12", true), Ok(2013.0));
    assert!(trend::parse_bound("20x2", false).is_err());
    let mut sel = Selection::of(&[DatasetId::OpenAi2018]);
    sel.from = Some(2014.0);
    assert_eq!(sel.points(cat()).len(), 11);
    let mut modest = Selection::of(&[DatasetId::Modest2018]);
    assert_eq!(modest.fit_points(cat()).len(), 2, "upper bounds stay out of fits by default");
    modest.include_bounds = true;
    assert_eq!(modest.fit_points(cat()).len(), 6);
    assert_eq!(Date::parse("2017-06").unwrap().to_string(), "2017-06");
    assert_eq!(Date::parse("1970-01-01").unwrap().days(), 0.0);
    assert_eq!(Date::parse("2000-03-01").unwrap().days(), 11017.0);
    assert_eq!(Date::parse("2017-10-19").unwrap().days() - Date::parse("2012-06-01").unwrap().days(), 1966.0);
}

/// The SVG has a text element holding exactly `s`.
fn text(svg: &str, s: &str) -> bool {
    svg.contains(&format!(">\n{s}\n</text>")) || svg.contains(&format!(">{s}</text>"))
}

fn spec(sets: &[DatasetId], user: Option<UserPoint>) -> ChartSpec {
    let sel = Selection::of(sets);
    ChartSpec {
        background: chart::Background {
            points: sel.points(cat()).into_iter().cloned().collect(),
            fit: sel.fit(cat()),
            ..Default::default()
        },
        user,
    }
}

#[test]
fn chart_svg_has_every_marker_the_fit_and_the_axes() {
    let s = spec(&[DatasetId::OpenAi2018], None);
    let (svg, layout) = chart::svg(&s, 1000, 600).unwrap();
    assert_eq!(layout.markers.len(), 15);
    assert_eq!(svg.matches("<circle").count(), 15 + 1, "15 markers and one legend dot");
    assert!(svg.contains("fit: Doubling time 3.4 months"), "the fit's legend");
    assert!(svg.contains("Moore&apos;s law (18 months)") || svg.contains("Moore's law (18 months)"));
    assert!(text(&svg, "petaflop/s-days") && text(&svg, "FLOP"), "both axis titles");
    assert!(text(&svg, "2014") && text(&svg, "10⁰"), "date and decade labels");
    assert!(svg.contains("AlexNet") && svg.contains("AlphaGo Zero"), "named points, AlphaGo Zero as published");
    assert!(svg.contains("<polyline"), "the fit line");
    // Every marker sits inside the plot area.
    let (x0, y0, x1, y1) = layout.plot_area;
    for (x, y, _) in &layout.markers {
        assert!((x0..=x1).contains(x) && (y0..=y1).contains(y), "({x},{y}) outside {:?}", layout.plot_area);
    }
}

#[test]
fn chart_shows_the_user_point_and_its_range() {
    let user = UserPoint { years: 2016.5, flop: 1e20, low: 5e19, high: 2e20, label: "my model".into() };
    let (svg, layout) = chart::svg(&spec(&[DatasetId::OpenAi2018], Some(user)), 800, 500).unwrap();
    assert!(svg.contains("my model"));
    assert!(layout.user.is_some());
    // The legend marks each series as the plot does: OpenAI's dot, and the user's point whole.
    assert_eq!(
        svg.matches("<circle").count(),
        15 + 2 + 1 + 2,
        "markers, the user's point (a disc and its ring), the legend's dot and the user's point again"
    );
    let (svg2, _) = chart::svg(&spec(&[DatasetId::OpenAi2018], None), 800, 500).unwrap();
    assert!(svg.matches("<polyline").count() >= svg2.matches("<polyline").count() + 3, "the error bar and its caps");
}

#[test]
fn chart_all_sets_phone_and_projector_dark_and_chinese() {
    for (w, h) in [(400, 320), (1600, 900)] {
        for dark in [false, true] {
            let mut s = spec(&DatasetId::ALL, None);
            s.background.dark = dark;
            s.background.lang = Lang::Zh;
            let (svg, layout) = chart::svg(&s, w, h).unwrap();
            assert_eq!(layout.markers.len(), s.background.points.len());
            assert!(svg.contains("翻倍时间"), "Chinese legend");
            assert!(svg.contains(if dark { "#16181E" } else { "#FFFFFF" }), "background of the scheme");
        }
    }
}

#[test]
fn hit_finds_the_nearest_marker() {
    let s = spec(&[DatasetId::OpenAi2018], None);
    let (_, layout) = chart::svg(&s, 1000, 600).unwrap();
    assert_eq!(layout.user, None, "no user's point to hit instead");
    for (x, y, i) in &layout.markers {
        let Some(chart::Hit::Marker(found)) = chart::hit(&layout, x + 1, y - 1, 6) else {
            panic!("no marker near {}", s.background.points[*i].name)
        };
        let (fx, fy, _) = layout.markers.iter().find(|m| m.2 == found).unwrap();
        assert!(
            (fx - x).abs() <= 2 && (fy - y).abs() <= 2,
            "{} vs {}",
            s.background.points[*i].name,
            s.background.points[found].name
        );
    }
    assert_eq!(chart::hit(&layout, -100, -100, 6), None);
}

#[test]
fn the_users_point_is_hit_over_the_markers_under_it() {
    let layout =
        chart::Layout { markers: vec![(100, 100, 0), (110, 100, 1)], user: Some((104, 100)), ..Default::default() };
    // At the user's point, and 1 pixel right of it (5 pixels from marker 0 and from marker 1).
    assert_eq!(chart::hit(&layout, 104, 100, 8), Some(chart::Hit::User));
    assert_eq!(chart::hit(&layout, 105, 100, 8), Some(chart::Hit::User));
    // Nearer a marker than the user's point: the marker (at 109: 1 from marker 1, 5 from the user's).
    assert_eq!(chart::hit(&layout, 109, 100, 8), Some(chart::Hit::Marker(1)));
    // A tie goes to the user's point, drawn on top (at 102: 2 from marker 0 and from the user's).
    assert_eq!(chart::hit(&layout, 102, 100, 8), Some(chart::Hit::User));
    // Out of reach of both; no user's point at all.
    assert_eq!(chart::hit(&layout, 104, 120, 8), None);
    let markers_only = chart::Layout { user: None, ..layout };
    assert_eq!(chart::hit(&markers_only, 104, 100, 8), Some(chart::Hit::Marker(0)));
}

#[test]
fn power_labels() {
    assert_eq!(chart::power_label(1e-3), "10⁻³");
    assert_eq!(chart::power_label(1e21), "10²¹");
    assert_eq!(chart::power_label(1.0), "10⁰");
}

const EPOCH_HEADER: &str = "model,domain,organization,publication_date,training_compute_flop,parameters,dataset_size_datapoints,epochs,training_hardware,hardware_quantity,training_time_hours,hardware_utilization,confidence,link";

#[track_caller]
fn epoch_error(row: &str, message: &str) {
    let text = format!("{EPOCH_HEADER}\n{row}\n");
    assert_eq!(aicompute::catalog::epoch_csv::parse(&text).unwrap_err().to_string(), message, "{row}");
}

#[test]
fn epoch_file_reader_names_the_problem() {
    let ok = aicompute::catalog::epoch_csv::parse(&format!(
        "{EPOCH_HEADER}\nX,Language,Org,2020-05-28,3.14e23,1.75e11,,,GPU,10,2.5,0.2,Likely,https://x\n"
    ))
    .unwrap();
    assert_eq!(ok[0].flop, 3.14e23);
    assert_eq!(ok[0].training_hours, Some(2.5));
    epoch_error("X,L,O,2020-13-01,1e20,,,,,,,,,", "line 2: '2020-13-01' is not a date YYYY-MM[-DD]");
    epoch_error("X,L,O,2020-01-01,,,,,,,,,,", "line 2: no training compute");
    epoch_error(
        "X,L,O,2020-01-01,lots,,,,,,,,,",
        "line 2: column training_compute_flop: 'lots' is not a finite non-negative number",
    );
    epoch_error("X,L,O,2020-01-01,1e20,,,,,,,,Sure,", "line 2: unknown confidence 'Sure'");
    epoch_error("X,L,O,2020-01-01,1e20", "line 2: 5 fields where the header has 14");
    assert_eq!(aicompute::catalog::epoch_csv::parse("a,b\n1,2\n").unwrap_err().to_string(), "no column 'model'");
}

#[test]
fn epoch_models_load_once_with_links_both_ways() {
    let mut cat = aicompute::catalog::Catalog::full();
    assert_eq!(cat.epoch().map(<[_]>::len), Some(443));
    assert_eq!(cat.install_epoch("garbage"), Ok(443), "a second install keeps the first");
    assert_eq!(aicompute::catalog::Catalog::builtin().epoch(), None, "the built-in catalog has none");
    let gnmt = cat.dataset(DatasetId::Epoch).find(|m| m.name == "GNMT").unwrap();
    assert_eq!(cat.counterpart(gnmt).unwrap().name, "Neural Machine Translation");
}

/// Hand-made points of one data set, as (data set, year, pfs-days).
fn points(set: DatasetId, pts: &[(f64, f64)]) -> Vec<(DatasetId, f64, f64)> {
    pts.iter().map(|&(y, v)| (set, y, v)).collect()
}

#[test]
fn an_estimate_against_the_trend() {
    let r = Reference::over(&points(DatasetId::Imported, &[(2000.0, 1.0), (2001.0, 2.0), (2002.0, 4.0)])).unwrap();
    let at = |pfs: f64, lang| {
        let s = trend::standing(pfs * 8.64e19, 2001.0, &r, None)?;
        Some(aicompute::text::render::against_trend(&s, lang))
    };
    // At 2001 the line is at 2 pfs-days; 24 pfs-days is 12× above it, 0.5 is 4× below.
    assert_eq!(at(24.0, Lang::En).unwrap(), "Your estimate is 12× above the imported 2000–2002 fit at its date.");
    assert_eq!(at(0.5, Lang::En).unwrap(), "Your estimate is 4× below the imported 2000–2002 fit at its date.");
    assert_eq!(at(24.0, Lang::Zh).unwrap(), "你的估算是同期导入数据 2000–2002 拟合趋势值的 12 倍。");
    assert_eq!(at(0.5, Lang::Zh).unwrap(), "你的估算仅为同期导入数据 2000–2002 拟合趋势值的 1/4。");
    // A zero estimate has no ratio to state (it used to say "NaN× below").
    assert_eq!(at(0.0, Lang::En), None);
}

/// The page's default fit (OpenAI's 15 results, 2012–2018) and a date the text must evaluate.
fn openai() -> Reference {
    ERAS[1].selection().reference(cat()).unwrap()
}

fn years(date: &str) -> f64 {
    Date::parse(date).unwrap().years()
}

/// `k` times the fit's value at `y`, in FLOP.
fn times_the_line(r: &Reference, y: f64, k: f64) -> f64 {
    r.fit.at(y) * 8.64e19 * k
}

#[test]
fn the_openai_fit_knows_its_data_and_years() {
    let r = openai();
    assert_eq!(r.datasets, vec![DatasetId::OpenAi2018]);
    // AlexNet, 2012-06-01, to AlphaZero, 2017-12-05.
    assert_eq!(r.fit.from, years("2012-06-01"));
    assert_eq!(r.fit.to, years("2017-12-05"));
    let l = r.label();
    assert_eq!((l.first, l.last, l.points), (2012, 2017, 15));
    assert_eq!(aicompute::text::render::fit_name(&l, Lang::En), "OpenAI 2012–2017");
    // The chart's default sets: both named, in the order shown.
    let both = Selection::of(&[DatasetId::OpenAi2018, DatasetId::Modest2018]).reference(cat()).unwrap();
    assert_eq!(both.datasets, vec![DatasetId::OpenAi2018, DatasetId::Modest2018]);
    assert_eq!(both.fit.n, 17, "15 results and the 2 appendix points that are not upper bounds");
    assert_eq!(aicompute::text::render::fit_name(&both.label(), Lang::En), "OpenAI + OpenAI modest-compute 2012–2017");
    assert_eq!(aicompute::text::render::fit_name(&both.label(), Lang::Zh), "OpenAI、OpenAI 少量算力 2012–2017");
}

#[test]
fn an_estimate_dated_2024_is_an_extrapolation_of_openais_fit() {
    let r = openai();
    // "2024" is read as mid-2024: 2024-07-01 plus 14.5 days. From AlphaZero (2017-12-05) to
    // 2024-12-05 is 7 × 365 + 2 leap days = 2,557 days; from 2024-07-15.5 to 2024-12-05 is
    // 16.5 + 31 + 30 + 31 + 30 + 4 = 142.5 days: 2,414.5 days, 6.61 years.
    let y = years("2024");
    let p = r.position(times_the_line(&r, y, 1000.0), y).unwrap();
    let o = p.outside.unwrap();
    assert!(o.after);
    assert!((o.years - 2414.5 / 365.25).abs() < 1e-9, "{}", o.years);
    assert_eq!(
        aicompute::text::render::position(&p, Lang::En),
        "Your estimate is 1,000× above the OpenAI 2012–2017 fit at its date (6.6 years after the fit's last point: an extrapolation)."
    );
    assert_eq!(
        aicompute::text::render::position(&p, Lang::Zh),
        "你的估算是同期 OpenAI 2012–2017 拟合趋势值的 1,000 倍（该日期在拟合的最后一个数据点之后 6.6 年：属于外推）。"
    );
    // 80,000× below: 万 in Chinese, as a fraction.
    let s = trend::standing(times_the_line(&r, y, 1.0 / 80_000.0), y, &r, None).unwrap();
    assert_eq!(
        aicompute::text::render::against_trend(&s, Lang::En),
        "Your estimate is 80,000× below the OpenAI 2012–2017 fit at its date (6.6 years after the fit's last point: an extrapolation)."
    );
    assert_eq!(
        aicompute::text::render::against_trend(&s, Lang::Zh),
        "你的估算仅为同期 OpenAI 2012–2017 拟合趋势值的 8 万分之一（该日期在拟合的最后一个数据点之后 6.6 年：属于外推）。"
    );
}

#[test]
fn an_estimate_dated_inside_the_fit_has_no_warning() {
    let r = openai();
    let y = years("2015");
    let p = r.position(times_the_line(&r, y, 1000.0), y).unwrap();
    assert_eq!(p.outside, None);
    assert_eq!(
        aicompute::text::render::position(&p, Lang::En),
        "Your estimate is 1,000× above the OpenAI 2012–2017 fit at its date."
    );
    assert_eq!(
        aicompute::text::render::position(&p, Lang::Zh),
        "你的估算是同期 OpenAI 2012–2017 拟合趋势值的 1,000 倍。"
    );
    // The first and the last point themselves are inside.
    assert_eq!(r.outside(r.fit.from), None);
    assert_eq!(r.outside(r.fit.to), None);
}

#[test]
fn before_the_first_point_and_short_spans() {
    let r = openai();
    // 2010-06 is read as 2010-06-15.5; to AlexNet (2012-06-01): 365 + 366 - 14.5 = 716.5 days.
    let y = years("2010-06");
    let p = r.position(times_the_line(&r, y, 3.0), y).unwrap();
    let o = p.outside.unwrap();
    assert!(!o.after && (o.years - 716.5 / 365.25).abs() < 1e-9, "{o:?}");
    assert_eq!(
        aicompute::text::render::position(&p, Lang::En),
        "Your estimate is 3× above the OpenAI 2012–2017 fit at its date (2.0 years before the fit's first point: an extrapolation)."
    );
    assert!(
        aicompute::text::render::position(&p, Lang::Zh).contains("（该日期在拟合的第一个数据点之前 2.0 年：属于外推）")
    );
    // 2018-03 (2018-03-15.5) is 27 + 31 + 28 + 14.5 = 100.5 days after 2017-12-05: 3.3 months.
    let y = years("2018-03");
    let p = r.position(times_the_line(&r, y, 3.0), y).unwrap();
    assert!((p.outside.unwrap().years - 100.5 / 365.25).abs() < 1e-9);
    assert!(aicompute::text::render::position(&p, Lang::En)
        .contains("(3 months after the fit's last point: an extrapolation)"));
    assert!(aicompute::text::render::position(&p, Lang::Zh).contains("之后 3 个月：属于外推"));
    // 15 days after.
    let y = years("2017-12-20");
    let p = r.position(times_the_line(&r, y, 3.0), y).unwrap();
    assert!(aicompute::text::render::position(&p, Lang::En).contains("(less than a month after the fit's last point"));
    assert!(aicompute::text::render::position(&p, Lang::Zh).contains("之后不到 1 个月：属于外推"));
}

/// The fit over everything on the chart, by hand. The chosen fit: 1, 2, 4 pfs-days at 2010,
/// 2010.5, 2011 (log2 0, 1, 2: a slope of 2 a year from 0 at 2010, 6-month doubling). The chart
/// also shows 32 and 512 pfs-days at 2012 and 2013 (log2 5, 9). Over all five, with x = year −
/// 2010: x̄ = 6.5/5 = 1.3, ȳ = 17/5 = 3.4, Sxx = 14.25 − 5·1.3² = 5.8, Sxy = 39.5 − 5·1.3·3.4 =
/// 17.4: b = 3 doublings a year, 12/3 = 4-month doubling; a = 3.4 − 3·1.3 = −0.5.
#[test]
fn the_fit_over_everything_on_the_chart_by_hand() {
    let chosen_pts = points(DatasetId::Imported, &[(2010.0, 1.0), (2010.5, 2.0), (2011.0, 4.0)]);
    let mut all_pts = chosen_pts.clone();
    all_pts.extend(points(DatasetId::Epoch, &[(2012.0, 32.0), (2013.0, 512.0)]));
    let chosen = Reference::over(&chosen_pts).unwrap();
    let all = Reference::over(&all_pts).unwrap();
    assert!((chosen.fit.doubling_months - 6.0).abs() < 1e-9);
    assert!((all.fit.doubling_months - 4.0).abs() < 1e-9, "{}", all.fit.doubling_months);
    assert_eq!(all.datasets, vec![DatasetId::Imported, DatasetId::Epoch]);
    // At 2012.5 the chosen line is at 2^5 = 32 pfs-days, the line over everything at
    // 2^(−0.5 + 3·2.5) = 2^7 = 128: 512 pfs-days is 16× and 4× above them.
    let s = trend::standing(512.0 * 8.64e19, 2012.5, &chosen, Some(&all)).unwrap();
    assert_eq!(s.everything.as_ref().map(|p| p.fit_label.points), Some(5));
    assert_eq!(
        aicompute::text::render::against_trend(&s, Lang::En),
        "Your estimate is 16× above the imported 2010–2011 fit at its date (1.5 years after the fit's last point: an extrapolation). \
         Against the fit over everything on the chart (5 points, 2010–2013, doubling every 4.00 months): 4× above."
    );
    assert_eq!(
        aicompute::text::render::against_trend(&s, Lang::Zh),
        "你的估算是同期导入数据 2010–2011 拟合趋势值的 16 倍（该日期在拟合的最后一个数据点之后 1.5 年：属于外推）。\
         与图中全部数据点的拟合（5 个数据点，2010–2013，每 4.00 个月翻倍）相比：是同期值的 4 倍。"
    );
    // 32 pfs-days: on the chosen line (1×), a quarter of the line over everything.
    let s = trend::standing(32.0 * 8.64e19, 2012.5, &chosen, Some(&all)).unwrap();
    assert!(aicompute::text::render::against_trend(&s, Lang::En)
        .starts_with("Your estimate is level with the imported 2010–2011 fit at its date (1.5 years after"));
    assert!(aicompute::text::render::against_trend(&s, Lang::Zh)
        .starts_with("你的估算与同期导入数据 2010–2011 拟合趋势值相当（"));
    assert!(aicompute::text::render::against_trend(&s, Lang::En).ends_with("doubling every 4.00 months): 4× below."));
    assert!(
        aicompute::text::render::against_trend(&s, Lang::Zh).ends_with("每 4.00 个月翻倍）相比：仅为同期值的 1/4。")
    );
    // Inside the chosen fit's years, or outside everything's: the chosen fit alone.
    assert_eq!(trend::standing(1e20, 2010.75, &chosen, Some(&all)).unwrap().everything, None);
    assert_eq!(trend::standing(1e20, 2014.0, &chosen, Some(&all)).unwrap().everything, None);
    assert_eq!(trend::standing(1e20, 2009.0, &chosen, Some(&all)).unwrap().everything, None);
    // The fit over everything chosen: nothing to add.
    assert_eq!(trend::standing(1e20, 2012.5, &all, Some(&all)).unwrap().everything, None);
}

#[test]
fn the_chart_with_epoch_ai_offers_the_fit_over_everything() {
    let shown = Selection::of(&[DatasetId::OpenAi2018, DatasetId::Epoch]);
    let all = shown.reference(cat()).unwrap();
    let n_epoch = Selection::of(&[DatasetId::Epoch]).fit_points(cat()).len();
    assert_eq!(all.fit.n, 15 + n_epoch);
    assert_eq!(all.datasets, vec![DatasetId::OpenAi2018, DatasetId::Epoch]);
    let chosen = openai();
    let y = years("2020-05");
    let s = trend::standing(3.14e23, y, &chosen, Some(&all)).unwrap();
    let every = s.everything.as_ref().expect("2020 is inside Epoch AI's years");
    assert_eq!(every.fit_label.points, 15 + n_epoch);
    let text = aicompute::text::render::against_trend(&s, Lang::En);
    // Epoch AI's notable models run from Theseus (1950-07-02) to Llama 3.3 (2024-12-06).
    let head =
        format!("Against the fit over everything on the chart ({} points, 1950–2024, doubling every ", 15 + n_epoch);
    assert!(text.contains("(2.4 years after the fit's last point: an extrapolation). "), "{text}");
    assert!(text.contains(&head), "{text}");
}

#[test]
fn degenerate_fits_give_no_reference_and_no_number_is_nan() {
    let one = points(DatasetId::Imported, &[(2000.0, 1.0)]);
    assert_eq!(Reference::over(&one), None, "one point");
    assert_eq!(Reference::over(&points(DatasetId::Imported, &[(2000.0, 1.0), (2001.0, 2.0)])), None, "two points");
    let same_year = points(DatasetId::Imported, &[(2000.5, 1.0), (2000.5, 2.0), (2000.5, 4.0)]);
    assert_eq!(Reference::over(&same_year), None, "one date");
    let bad = points(DatasetId::Imported, &[(2000.0, 0.0), (2001.0, f64::NAN), (f64::INFINITY, 2.0), (2002.0, 4.0)]);
    assert_eq!(Reference::over(&bad), None, "unusable points do not count");
    // A falling fit has no doubling time: said in words, not as "inf" or "∞".
    let falling =
        Reference::over(&points(DatasetId::Imported, &[(2000.0, 8.0), (2001.0, 4.0), (2002.0, 2.0)])).unwrap();
    assert_eq!(falling.label().doubling_months, None);
    let chosen = Reference::over(&points(DatasetId::Epoch, &[(2000.0, 8.0), (2000.5, 4.0), (2001.0, 2.0)])).unwrap();
    let s = trend::standing(8.64e19, 2001.5, &chosen, Some(&falling)).unwrap();
    assert!(aicompute::text::render::against_trend(&s, Lang::En).contains("(3 points, 2000–2002, not rising): "));
    assert!(
        aicompute::text::render::against_trend(&s, Lang::Zh).contains("（3 个数据点，2000–2002，趋势没有上升）相比：")
    );
    // No estimate, date or fit of the page's range shows NaN or an infinity.
    let r = openai();
    let all = Selection::of(&DatasetId::ALL).reference(cat()).unwrap();
    for flop in [0.0, 1e-300, 1.0, 4.86e17, 3.8e25, 1e300, f64::MAX, f64::NAN] {
        for year in [1900.0, 1957.0, 2000.0, 2012.5, 2015.0, 2024.5, 2100.0, f64::NAN] {
            for lang in [Lang::En, Lang::Zh] {
                if let Some(s) = trend::standing(flop, year, &r, Some(&all)) {
                    let text = aicompute::text::render::against_trend(&s, lang);
                    for bad in ["NaN", "inf", "∞"] {
                        assert!(!text.contains(bad), "{flop} {year}: {text}");
                    }
                }
            }
        }
    }
    assert!(trend::standing(0.0, 2015.0, &r, None).is_none());
    assert!(trend::standing(1e20, f64::NAN, &r, None).is_none());
}

/// The chart's elements: an SVG's body without its opening and closing tags.
fn body(svg: &str) -> &str {
    let start = svg.find('>').map_or(0, |i| i + 1);
    svg[start..].trim().trim_end_matches("</svg>").trim()
}

fn svg_part(spec: &ChartSpec, part: chart::Part) -> (String, chart::Layout) {
    let mut out = String::new();
    let layout = {
        use plotters::prelude::*;
        let root = plotters_svg::SVGBackend::with_string(&mut out, (900, 520)).into_drawing_area();
        chart::draw_part(&root, spec, part).unwrap()
    };
    (out, layout)
}

#[test]
fn background_then_foreground_is_the_whole_chart() {
    let user = UserPoint { years: 2016.5, flop: 1e20, low: 5e19, high: 2e20, label: "my model".into() };
    for (sets, u) in [(&DatasetId::ALL[..], Some(user.clone())), (&[DatasetId::OpenAi2018][..], None)] {
        let mut s = spec(sets, u);
        s.background.thresholds = true;
        s.background.saved = vec![UserPoint { label: "saved".into(), years: 2015.0, ..user.clone() }];
        let (all, whole) = svg_part(&s, chart::Part::All);
        let (bg, back) = svg_part(&s, chart::Part::Background);
        let (fg, front) = svg_part(&s, chart::Part::Foreground);
        assert_eq!(format!("{}\n{}", body(&bg), body(&fg)), body(&all), "the same elements in the same order");
        assert_eq!(back.markers, whole.markers, "the background has the markers");
        assert!(front.markers.is_empty());
        assert_eq!(front.user, whole.user, "the foreground has the user's point");
        assert_eq!(front.plot_area, whole.plot_area);
        // Over the background's layout (its words as placed), the same foreground.
        let (over, over_layout) = svg_over(&s, chart::Part::Foreground, &back);
        assert_eq!(body(&over), body(&fg), "draw_over draws what Part::Foreground draws");
        assert_eq!(over_layout.user, whole.user);
        assert!(back.placement.is_some() && front.placement.is_none(), "only a background keeps its words");
    }
}

/// The foreground over a kept background's layout, as an SVG.
fn svg_over(spec: &ChartSpec, part: chart::Part, under: &chart::Layout) -> (String, chart::Layout) {
    let mut out = String::new();
    let layout = {
        use plotters::prelude::*;
        let root = plotters_svg::SVGBackend::with_string(&mut out, (900, 520)).into_drawing_area();
        chart::draw_over(&root, spec, part, under).unwrap()
    };
    (out, layout)
}

#[test]
fn many_markers_are_drawn_a_slice_at_a_time_and_the_slices_are_the_whole_background() {
    // 25,000 imported rows and OpenAI's 15 points: 25,015 markers, 10,000 a part, so the
    // background's part and two more (10,000 + 10,000 + 5,015).
    let mut cat = aicompute::catalog::Catalog::full();
    let rows: String =
        (0..25_000).map(|i| format!("M{i},{}-{:02},{}e20\n", 2012 + i % 7, 1 + i % 12, 1 + i % 9)).collect();
    assert_eq!(cat.install_imported(&format!("name,date,flop\n{rows}")).unwrap().installed, 25_000);
    let user = UserPoint { years: 2016.5, flop: 1e20, low: 5e19, high: 2e20, label: "my model".into() };
    let sets = [DatasetId::OpenAi2018, DatasetId::Imported];
    let mut s = ChartSpec {
        background: chart::Background {
            points: Selection::of(&sets).points(&cat).into_iter().cloned().collect(),
            thresholds: true,
            ..Default::default()
        },
        user: Some(user),
    };
    s.background.saved =
        vec![UserPoint { label: "Kept estimate".into(), years: 2015.0, flop: 1e21, low: 1e21, high: 1e21 }];
    assert_eq!(s.background.points.len(), 25_015);
    let (all, whole) = svg_part(&s, chart::Part::All);
    let (bg, back) = svg_part(&s, chart::Part::Background);
    assert_eq!(back.more_markers, Some(10_000));
    assert_eq!(back.markers[..], whole.markers[..10_000], "each part places its own markers");
    let (m1, first) = svg_part(&s, chart::Part::Markers(10_000));
    assert_eq!(first.more_markers, Some(20_000));
    assert_eq!(first.markers[..], whole.markers[10_000..20_000]);
    let (m2, last) = svg_part(&s, chart::Part::Markers(20_000));
    assert_eq!(last.more_markers, None);
    assert_eq!(last.markers[..], whole.markers[20_000..]);
    assert_eq!(last.placement, whole.placement, "the last part places the words round every marker");
    assert!(first.placement.is_none());
    assert_ne!(back.placement, whole.placement, "the first part's words, round its own markers, are for meanwhile");
    // Over the layout of the parts before, the last part takes their places: the same drawing.
    let mut under = back.clone();
    under.markers.extend(first.markers.iter().copied());
    let (m2_over, last_over) = svg_over(&s, chart::Part::Markers(20_000), &under);
    assert_eq!(body(&m2_over), body(&m2), "the same last slice over the parts before");
    assert_eq!(last_over.placement, whole.placement);
    under.markers.extend(last.markers.iter().copied());
    under.placement = last.placement.clone();
    assert_eq!(under.markers, whole.markers, "the parts' markers joined are every marker");
    let (fg, _) = svg_part(&s, chart::Part::Foreground);
    assert_eq!(body(&svg_over(&s, chart::Part::Foreground, &under).0), body(&fg), "the same foreground over the whole");
    let parts =
        [&bg, &m1, &m2, &fg].map(|p| body(p).to_string()).into_iter().filter(|b| !b.is_empty()).collect::<Vec<_>>();
    assert_eq!(parts.join("\n"), body(&all), "the same elements in the same order");
    // The words (here the saved estimate's name) come only with the last part, over every marker.
    assert!(all.contains("Kept estimate") && m2.contains("Kept estimate"));
    assert!(!bg.contains("Kept estimate") && !m1.contains("Kept estimate"), "no words before the last markers");
    assert!(whole.more_markers.is_none());
}

#[test]
fn the_background_is_kept_while_the_user_point_stays_within_the_axes() {
    let at = |flop: f64| UserPoint { years: 2016.5, flop, low: flop, high: flop, label: "mine".into() };
    let a = spec(&[DatasetId::OpenAi2018], Some(at(1e20)));
    let b = spec(&[DatasetId::OpenAi2018], Some(at(1.5e20)));
    assert!(chart::same_background(&a, &b), "a move within the axes keeps the background");
    let far = spec(&[DatasetId::OpenAi2018], Some(at(1e30)));
    assert!(!chart::same_background(&a, &far), "a point beyond the axes widens them");
    let mut other = b.clone();
    other.background.lang = Lang::Zh;
    assert!(!chart::same_background(&a, &other), "another language");
    let mut fewer = b.clone();
    fewer.background.points = b.background.points[1..].iter().cloned().collect();
    assert!(!chart::same_background(&a, &fewer), "other points");
    let mut copied = b.clone();
    copied.background.points = b.background.points.iter().cloned().collect();
    assert!(chart::same_background(&a, &copied), "the same points, collected again");
    let mut saved = b.clone();
    saved.background.saved.push(at(2e20));
    assert!(!chart::same_background(&a, &saved), "a saved estimate");
}

/// Each `<text>` holding exactly `s`: its x, y and font size.
fn texts(svg: &str, s: &str) -> Vec<(f64, f64, f64)> {
    let attr = |tag: &str, name: &str| -> f64 {
        let at = tag.find(&format!(" {name}=\"")).unwrap() + name.len() + 3;
        tag[at..].split('"').next().unwrap().parse().unwrap()
    };
    svg.split("<text")
        .skip(1)
        .filter(|t| {
            t.split_once('>').is_some_and(|(_, body)| {
                body.trim().starts_with(&format!("{s}\n")) || body.starts_with(&format!("{s}<"))
            })
        })
        .map(|t| (attr(t, "x"), attr(t, "y"), attr(t, "font-size")))
        .collect()
}

#[test]
fn the_users_label_keeps_clear_of_a_data_label_where_they_meet() {
    // The page's default: the user's AlexNet (4.86e17 FLOP, mid-2012) beside OpenAI's AlexNet.
    let user = UserPoint { years: 2012.45, flop: 4.86e17, low: 4.86e17, high: 4.86e17, label: "AlexNet".into() };
    for (w, h) in [(1000, 600), (400, 320)] {
        let (svg, _) = chart::svg(&spec(&[DatasetId::OpenAi2018], Some(user.clone())), w, h).unwrap();
        let found = texts(&svg, "AlexNet");
        assert_eq!(found.len(), 2, "{w}: the data label and the user's");
        // A box per label: 7 letters at no less than half an em each, one em tall.
        let boxes: Vec<_> = found.iter().map(|&(x, y, size)| (x, y, x + 3.5 * size, y + size)).collect();
        let (a, b) = (boxes[0], boxes[1]);
        let apart = a.2 <= b.0 || b.2 <= a.0 || a.3 <= b.1 || b.3 <= a.1;
        assert!(apart, "{w}: {a:?} and {b:?} overlap");
    }
}

/// An interval that reaches a slope of zero has no upper end: said in words, never "∞" (the
/// page's doubling-time line and the CLI's trend both show this text).
#[test]
fn an_open_interval_is_said_in_words() {
    // log2 values 0, 3, 1, 2 over 2000–2003: mean year 2001.5, mean 1.5, Sxx = 5, Sxy = 2, so
    // the slope is 0.4 doublings a year (30 months); residuals -0.9, 1.7, -0.7, -0.1 give
    // SSE 4.2, se = sqrt(4.2 / 2 / 5) = 0.648 and, with t = 4.303, a slope interval of
    // 0.4 ± 2.789: below zero at its low end (no upper end in months), 12 / 3.189 = 3.76 months
    // at its high end. R² = 1 - 4.2 / 5 = 0.16; growth 2^0.4 = 1.32×.
    let f = trend::fit(&[(2000.0, 1.0), (2001.0, 8.0), (2002.0, 2.0), (2003.0, 4.0)]).unwrap();
    assert!(f.doubling_months_high.is_infinite());
    assert_eq!(
        aicompute::text::render::doubling(&f, Lang::En),
        "30.00 months (95% interval 3.76 months or more: no growth cannot be ruled out; growth per year 1.32×/yr; R² 0.16; 4 points)"
    );
    assert_eq!(
        aicompute::text::render::doubling(&f, Lang::Zh),
        "30.00 个月（95% 置信区间 3.76 个月或更长：不能排除没有增长；每年增至 1.32 倍；R² = 0.16；4 个数据点）"
    );
    // Halving every year exactly: no doubling time, and no growth anywhere in the interval.
    let f = trend::fit(&[(2000.0, 8.0), (2001.0, 4.0), (2002.0, 2.0)]).unwrap();
    let en = aicompute::text::render::doubling(&f, Lang::En);
    assert!(en.starts_with("not rising (95% interval: no growth at all; "), "{en}");
    let zh = aicompute::text::render::doubling(&f, Lang::Zh);
    assert!(zh.starts_with("趋势没有上升（95% 置信区间内均无增长；"), "{zh}");
    assert!(!en.contains('∞') && !zh.contains('∞'));
}

/// A minimal well-formedness check of an XML document: only characters XML 1.0 allows; every
/// `&` starts an entity (`&amp;`, `&#60;`); no `<` in text or in an attribute's value; tags
/// nest and close, with quoted attributes; one root element. Returns what is wrong.
fn xml_problem(doc: &str) -> Option<String> {
    if let Some(c) = doc.chars().find(|c| !matches!(c, '\t' | '\n' | '\r' | ' '..='\u{fffd}' | '\u{10000}'..)) {
        return Some(format!("the character {c:?} is not allowed in XML"));
    }
    let entity_ok = |rest: &str| {
        let Some(end) = rest.find(';') else { return false };
        let name = &rest[1..end];
        matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
            || name.strip_prefix("#x").is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
            || name.strip_prefix('#').is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
    };
    let mut stack: Vec<String> = Vec::new();
    let mut roots = 0;
    let mut i = 0;
    while i < doc.len() {
        let rest = &doc[i..];
        if let Some(after) = rest.strip_prefix("<?") {
            i += 2 + after.find("?>")? + 2;
        } else if let Some(after) = rest.strip_prefix("<!--") {
            i += 4 + after.find("-->")? + 3;
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>')?;
            let name = after[..end].trim();
            if stack.pop().as_deref() != Some(name) {
                return Some(format!("</{name}> closes nothing open"));
            }
            i += 2 + end + 1;
        } else if let Some(after) = rest.strip_prefix('<') {
            // A start tag: a name, then name="value" pairs, then > or />.
            let end = after.find('>')?;
            let inner = &after[..end];
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(x) => (x, true),
                None => (inner, false),
            };
            let name: String = inner.chars().take_while(|c| !c.is_whitespace()).collect();
            if name.is_empty() || !name.chars().all(|c| c.is_alphanumeric() || "-_:.".contains(c)) {
                return Some(format!("a bad tag name in <{inner}>"));
            }
            let mut attrs = inner[name.len()..].trim();
            while !attrs.is_empty() {
                let (key, value) = attrs.split_once('=')?;
                if key.trim().is_empty() || key.trim().contains(char::is_whitespace) {
                    return Some(format!("a bad attribute in <{inner}>"));
                }
                let value = value.trim_start();
                let q = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
                let close = value[1..].find(q)?;
                let v = &value[1..1 + close];
                if v.contains('<') || v.match_indices('&').any(|(k, _)| !entity_ok(&v[k..])) {
                    return Some(format!("a bad attribute value {v:?}"));
                }
                attrs = value[1 + close + 1..].trim_start();
            }
            if stack.is_empty() {
                roots += 1;
            }
            if !empty {
                stack.push(name);
            }
            i += 1 + end + 1;
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = &rest[..end];
            if let Some((k, _)) = text.match_indices('&').find(|(k, _)| !entity_ok(&text[*k..])) {
                return Some(format!("a bare & in the text {:?}", &text[k..]));
            }
            if stack.is_empty() && !text.trim().is_empty() {
                return Some(format!("text outside the root: {text:?}"));
            }
            i += end;
        }
    }
    match (stack.last(), roots) {
        (Some(open), _) => Some(format!("<{open}> is not closed")),
        (None, 1) => None,
        (None, n) => Some(format!("{n} root elements")),
    }
}

#[test]
fn the_xml_check_catches_what_it_looks_for() {
    assert_eq!(
        xml_problem("<?xml version=\"1.0\"?>\n<svg a=\"1\"><text x='2'>a &amp; b&#60;</text><g/></svg>\n"),
        None
    );
    assert!(xml_problem("<svg><text>a\u{0}b</text></svg>").is_some());
    assert!(xml_problem("<svg><text>a\u{1b}b</text></svg>").is_some());
    assert!(xml_problem("<svg><text>a & b</text></svg>").is_some());
    assert!(xml_problem("<svg><text>a < b</text></svg>").is_some());
    assert!(xml_problem("<svg><text>a</svg>").is_some());
    assert!(xml_problem("<svg a=\"<\"></svg>").is_some());
    assert!(xml_problem("<svg></svg><svg></svg>").is_some());
}

/// A name with a NUL, an escape and XML's special characters, on the user's point and on a
/// saved estimate: the SVG still parses, and shows the name without the control characters.
#[test]
fn chart_svg_is_xml_whatever_the_name() {
    let name = "a\u{0}b\u{1b}c<&>";
    let user = UserPoint { years: 2016.5, flop: 1e20, low: 1e20, high: 1e20, label: name.into() };
    let mut s = spec(&[DatasetId::OpenAi2018], Some(user.clone()));
    s.background.saved = vec![UserPoint { years: 2015.0, label: format!("saved\t{name}\n"), ..user }];
    let (svg, _) = chart::svg(&s, 800, 500).unwrap();
    assert_eq!(xml_problem(&svg), None);
    assert!(!svg.contains(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r')));
    assert!(text(&svg, "abc&lt;&amp;&gt;"), "the user's label, escaped");
    assert!(svg.contains("saved abc&lt;&amp;&gt;"), "the saved label, on one line");
    assert_eq!(chart::label_text("a\u{0}b\u{1b}c\u{85}d\u{7f}e\tf\r\ng"), "abcde f  g");
    // A long name is cut to a label's length.
    let long = chart::label_text(&"x".repeat(100_000));
    assert_eq!(long, format!("{}…", "x".repeat(80)));
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}

#[test]
fn a_chart_is_0_55_of_its_width_high_and_1_1_when_narrow() {
    // 1,000 × 0.55 = 550; 600 (the first wide width) × 0.55 = 330; 599 × 1.1 = 658.9 → 659.
    assert_eq!(chart::height_for(1000.0), 550.0);
    assert_eq!(chart::height_for(600.0), 330.0);
    assert_eq!(chart::height_for(599.0), 659.0);
    assert_eq!(chart::height_for(400.0), 440.0);
}
