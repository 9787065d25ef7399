//! The trend chart, drawn over any plotters backend (canvas in the page, SVG in tests and the
//! CLI): compute against date on a log scale (pfs-days left, FLOP right), one marker style per
//! data set, the fit line with its doubling time, a Moore's-law line, era shading, labels for a
//! few named points, and the user's estimate with its low–high range. [`hit_test`] finds the
//! point under a pixel for tooltips.

use crate::calc::{Lang, PFS_DAY};
use crate::data::{DatasetId, Model};
use crate::i18n::{colon, model_name, t, tr};
use crate::trend::{Fit, ERAS};
use plotters::coord::Shift;
use plotters::prelude::*;

/// Colours of one scheme.
#[derive(Clone, Copy, Debug)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub grid: RGBColor,
    pub era: RGBColor,
    pub fit: RGBColor,
    pub moore: RGBColor,
    pub user: RGBColor,
    /// One colour per data set, in the order of [`DatasetId`].
    pub sets: [RGBColor; 5],
}

pub const LIGHT: Theme = Theme {
    background: RGBColor(255, 255, 255),
    text: RGBColor(28, 28, 36),
    grid: RGBColor(222, 224, 230),
    era: RGBColor(240, 244, 252),
    fit: RGBColor(200, 40, 60),
    moore: RGBColor(110, 110, 120),
    user: RGBColor(230, 120, 0),
    sets: [
        RGBColor(20, 90, 200),
        RGBColor(0, 140, 110),
        RGBColor(130, 60, 170),
        RGBColor(150, 160, 175),
        RGBColor(30, 30, 30),
    ],
};

pub const DARK: Theme = Theme {
    background: RGBColor(22, 24, 30),
    text: RGBColor(230, 232, 238),
    grid: RGBColor(58, 62, 74),
    era: RGBColor(32, 36, 48),
    fit: RGBColor(255, 110, 120),
    moore: RGBColor(170, 170, 180),
    user: RGBColor(255, 170, 40),
    sets: [
        RGBColor(100, 160, 255),
        RGBColor(60, 200, 160),
        RGBColor(190, 140, 240),
        RGBColor(120, 128, 142),
        RGBColor(240, 240, 240),
    ],
};

/// The user's own estimate on the chart.
#[derive(Clone, Debug, PartialEq)]
pub struct UserPoint {
    pub years: f64,
    /// Central value and range, in FLOP.
    pub flop: f64,
    pub low: f64,
    pub high: f64,
    pub label: String,
}

/// What to draw.
#[derive(Clone, Debug)]
pub struct ChartSpec {
    pub points: Vec<&'static Model>,
    pub fit: Option<Fit>,
    /// Moore's-law reference doubling time in months (18 or 24), drawn from the fit's start.
    pub moore_months: Option<f64>,
    pub eras: bool,
    pub user: Option<UserPoint>,
    /// Estimates the user saved to compare (drawn as diamonds with their names).
    pub saved: Vec<UserPoint>,
    /// The legal thresholds (10^25 and 10^26 FLOP) as horizontal lines, where the axis reaches.
    pub thresholds: bool,
    pub lang: Lang,
    pub dark: bool,
    /// Device pixels per CSS pixel: fonts and strokes grow with it.
    pub scale: f64,
    /// Names of points to label.
    pub labels: Vec<&'static str>,
}

/// Where things landed, in backend pixels, for hit-testing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// (x, y, index into `ChartSpec::points`).
    pub markers: Vec<(i32, i32, usize)>,
    /// The user's point, if drawn.
    pub user: Option<(i32, i32)>,
    pub plot_area: (i32, i32, i32, i32),
}

/// The names the chart labels by default, when they are in view.
pub const DEFAULT_LABELS: &[&str] = &[
    "AlexNet",
    "AlphaGoZero",
    "Perceptron Mark I",
    "TD-Gammon",
    "GPT-3 175B (davinci)",
    "GPT-4",
    "Neural Machine Translation",
    "DQN",
];

fn set_index(d: DatasetId) -> usize {
    match d {
        DatasetId::OpenAi2018 => 0,
        DatasetId::Modest2018 => 1,
        DatasetId::FirstEra => 2,
        DatasetId::Epoch => 3,
        DatasetId::Imported => 4,
    }
}

fn set_name(d: DatasetId, lang: Lang) -> &'static str {
    match (d, lang) {
        (DatasetId::OpenAi2018, Lang::En) => "OpenAI 2018 (15 results)",
        (DatasetId::OpenAi2018, Lang::Zh) => "OpenAI 2018（15 个结果）",
        (DatasetId::Modest2018, Lang::En) => "OpenAI appendix, modest compute",
        (DatasetId::Modest2018, Lang::Zh) => "OpenAI 附录：适量算力",
        (DatasetId::FirstEra, Lang::En) => "First era 1957–2012 (Epoch AI)",
        (DatasetId::FirstEra, Lang::Zh) => "第一时期 1957–2012（Epoch AI）",
        (DatasetId::Epoch, Lang::En) => "Epoch AI notable models (CC BY)",
        (DatasetId::Epoch, Lang::Zh) => "Epoch AI 重要模型（CC BY）",
        (DatasetId::Imported, Lang::En) => "Your imported data",
        (DatasetId::Imported, Lang::Zh) => "你导入的数据",
    }
}

/// The legend of the Moore's-law line: "Moore's law (18 months)" / "摩尔定律（18 个月翻倍）".
pub fn legend_moore(months: f64, lang: Lang) -> String {
    let (name, unit) = (t(lang, "trend.moore"), t(lang, "trend.months"));
    tr(lang, format!("{name} ({months} {unit})"), format!("{name}（{months} 个月翻倍）"))
}

/// The legend of the fitted line: "fit: Doubling time 3.4 months" / "拟合：翻倍时间 3.4 个月".
pub fn legend_fit(months: f64, lang: Lang) -> String {
    let (fit, doubling, unit) = (t(lang, "trend.fit"), t(lang, "trend.doubling"), t(lang, "trend.months"));
    format!("{fit}{}{doubling} {months:.1} {unit}", colon(lang))
}

/// The legend name of a data set.
pub fn dataset_name(d: DatasetId, lang: Lang) -> &'static str {
    set_name(d, lang)
}

const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// "10⁻³" for a power of ten.
pub fn power_label(v: f64) -> String {
    let e = v.log10().round() as i32;
    let mut s = String::from("10");
    if e < 0 {
        s.push('⁻');
    }
    for c in e.abs().to_string().chars() {
        s.push(SUPERSCRIPT[c.to_digit(10).unwrap_or(0) as usize]);
    }
    s
}

/// Is `v` (close to) a whole number: a decade on the log10 axis?
fn is_whole(v: f64) -> bool {
    (v - v.round()).abs() < 1e-6
}

fn decade_floor(v: f64) -> f64 {
    10f64.powf(v.log10().floor())
}
fn decade_ceil(v: f64) -> f64 {
    10f64.powf(v.log10().ceil())
}

/// Which layers of the chart to draw. The page keeps the background in a canvas of its own and
/// draws only the foreground on a keystroke; drawn one on the other they are [`Part::All`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    All,
    /// Everything under the user's point: axes, eras, lines, data sets, labels, thresholds, saved
    /// estimates. Its [`Layout`] has the markers.
    Background,
    /// The user's point with its range bar, and the legend on top. Its [`Layout`] has the user's
    /// point and no markers.
    Foreground,
}

/// Draws the chart on `root`. Errors are the backend's, as text.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, spec: &ChartSpec) -> Result<Layout, String> {
    draw_part(root, spec, Part::All)
}

/// The axis ranges: every drawn value and the user's point, padded to whole decades, as
/// (ymin, ymax, xmin, xmax) (pfs-days, years).
fn ranges(spec: &ChartSpec) -> (f64, f64, f64, f64) {
    let mut ys: Vec<f64> = spec.points.iter().filter_map(|m| m.pfs_days).filter(|v| *v > 0.0).collect();
    let mut xs: Vec<f64> = spec.points.iter().map(|m| m.date.years()).collect();
    for u in spec.user.iter().chain(&spec.saved) {
        for v in [u.low, u.high, u.flop] {
            if v > 0.0 && v.is_finite() {
                ys.push(v / PFS_DAY);
            }
        }
        xs.push(u.years);
    }
    if ys.is_empty() {
        ys = vec![1e-3, 1e3];
    }
    if xs.is_empty() {
        xs = vec![2012.0, 2018.0];
    }
    let ymin = decade_floor(ys.iter().copied().fold(f64::INFINITY, f64::min) / 3.0);
    let ymax = decade_ceil(ys.iter().copied().fold(f64::NEG_INFINITY, f64::max) * 3.0);
    let xmin = xs.iter().copied().fold(f64::INFINITY, f64::min).floor() - 0.5;
    let xmax = xs.iter().copied().fold(f64::NEG_INFINITY, f64::max).ceil() + 0.5;
    (ymin, ymax, xmin, xmax)
}

/// Whether two specs have the same [`Part::Background`]: all but the user's point, the same
/// points (the same models), and the same axis ranges (the user's point can widen them).
pub fn same_background(a: &ChartSpec, b: &ChartSpec) -> bool {
    let same_points =
        a.points.len() == b.points.len() && a.points.iter().zip(&b.points).all(|(x, y)| std::ptr::eq(*x, *y));
    same_points
        && a.fit == b.fit
        && a.moore_months == b.moore_months
        && a.eras == b.eras
        && a.saved == b.saved
        && a.thresholds == b.thresholds
        && a.lang == b.lang
        && a.dark == b.dark
        && a.scale == b.scale
        && a.labels == b.labels
        && ranges(a) == ranges(b)
}

/// Draws `part` of the chart on `root`.
pub fn draw_part<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    part: Part,
) -> Result<Layout, String> {
    let (bg, fg) = (part != Part::Foreground, part != Part::Background);
    let th = if spec.dark { DARK } else { LIGHT };
    let e = |x: DrawingAreaErrorKind<DB::ErrorType>| x.to_string();
    if bg {
        root.fill(&th.background).map_err(e)?;
    }
    let (w, h) = root.dim_in_pixel();
    let s = spec.scale.max(0.5);
    let css_w = w as f64 / s;
    let narrow = css_w < 600.0;
    let font = |px: f64| (px * s).round();
    let base = if narrow { 11.0 } else { 13.0 };
    let (ymin, ymax, xmin, xmax) = ranges(spec);
    let decades = (ymax / ymin).log10().round() as usize;
    // The compute axis is linear in log10 (so its labels are whole decades, evenly thinned on
    // tall ranges); every value goes through `l` on its way to the chart.
    let l = |v: f64| v.max(1e-300).log10();
    let (y0, y1) = (l(ymin), l(ymax));
    let flop_offset = l(PFS_DAY);
    // Fewer labels than decades on tall ranges, so they stay legible.
    let y_labels = decades.min((h as f64 / s / 28.0) as usize).max(2) + 1;

    let title = t(spec.lang, "trend.title");
    let mut chart = ChartBuilder::on(root)
        .margin((8.0 * s) as i32)
        // In the foreground, the caption is measured (the plot area is where it was) but not drawn.
        .caption(
            title,
            ("sans-serif", font(base + 3.0)).into_font().color(&if bg { th.text.to_rgba() } else { th.text.mix(0.0) }),
        )
        .x_label_area_size((28.0 * s) as i32)
        .y_label_area_size((if narrow { 44.0 } else { 56.0 } * s) as i32)
        .right_y_label_area_size((if narrow { 40.0 } else { 52.0 } * s) as i32)
        .build_cartesian_2d(xmin..xmax, y0..y1)
        .map_err(e)?
        .set_secondary_coord(xmin..xmax, y0 + flop_offset..y1 + flop_offset);

    // Era shading under everything.
    if spec.eras && bg {
        for (i, era) in ERAS.iter().enumerate().take(2) {
            let (a, b) = (era.from.max(xmin), era.to.min(xmax));
            if a < b {
                let fill = if i == 0 { th.era.to_rgba() } else { th.fit.mix(0.07) };
                chart.draw_series(std::iter::once(Rectangle::new([(a, y0), (b, y1)], fill.filled()))).map_err(e)?;
            }
        }
    }

    let label_style = ("sans-serif", font(base)).into_font().color(&th.text);
    let year_step = ((xmax - xmin) / if narrow { 5.0 } else { 10.0 }).ceil().max(1.0);
    if bg {
        chart
            .configure_mesh()
            .light_line_style(th.grid.mix(0.0))
            .bold_line_style(th.grid)
            .axis_style(th.text)
            .x_labels(((xmax - xmin) / year_step).ceil() as usize + 1)
            .x_label_formatter(&|y| format!("{}", y.round() as i32))
            .y_labels(y_labels)
            .y_label_formatter(&|v| if is_whole(*v) { power_label(10f64.powf(*v)) } else { String::new() })
            .y_desc(t(spec.lang, if narrow { "chart.axis.pfs.short" } else { "chart.axis.pfs" }))
            .label_style(label_style.clone())
            .axis_desc_style(("sans-serif", font(base)).into_font().color(&th.text))
            .draw()
            .map_err(e)?;
        chart
            .configure_secondary_axes()
            .axis_style(th.text)
            .y_labels(y_labels)
            .y_label_formatter(&|v| if is_whole(*v) { power_label(10f64.powf(*v)) } else { String::new() })
            .y_desc(t(spec.lang, "chart.axis.flop"))
            .label_style(label_style.clone())
            .axis_desc_style(("sans-serif", font(base)).into_font().color(&th.text))
            .draw()
            .map_err(e)?;
    }

    // The legend's rows, in the order the series are drawn.
    let mut legend: Vec<(String, Mark)> = Vec::new();
    // Moore's law from the fit's start, then the fit.
    if let (Some(fit), Some(months)) = (spec.fit, spec.moore_months) {
        let y0 = fit.at(fit.from);
        let pts: Vec<(f64, f64)> = (0..=40)
            .map(|i| fit.from + (xmax - fit.from) * i as f64 / 40.0)
            .map(|x| (x, y0 * ((x - fit.from) * 12.0 / months).exp2()))
            .filter(|(_, y)| *y >= ymin && *y <= ymax)
            .map(|(x, y)| (x, l(y)))
            .collect();
        let name = legend_moore(months, spec.lang);
        let style = ShapeStyle { color: th.moore.to_rgba(), filled: false, stroke_width: (1.5 * s).round() as u32 };
        if bg {
            chart.draw_series(DashedLineSeries::new(pts, (6.0 * s) as u32, (4.0 * s) as u32, style)).map_err(e)?;
        }
        legend.push((name, Mark::Line(style)));
    }
    if let Some(fit) = spec.fit {
        let pts: Vec<(f64, f64)> = (0..=40)
            .map(|i| fit.from + (fit.to - fit.from) * i as f64 / 40.0)
            .map(|x| (x, fit.at(x)))
            .filter(|(_, y)| *y >= ymin && *y <= ymax)
            .map(|(x, y)| (x, l(y)))
            .collect();
        let name = legend_fit(fit.doubling_months, spec.lang);
        let style = ShapeStyle { color: th.fit.to_rgba(), filled: false, stroke_width: (2.5 * s).round() as u32 };
        if bg {
            chart.draw_series(std::iter::once(PathElement::new(pts, style))).map_err(e)?;
        }
        legend.push((name, Mark::Line(style)));
    }

    // Markers, one style per set; Epoch's many points first and smaller.
    let r = (if narrow { 3.0 } else { 4.0 } * s).round() as i32;
    let mut layout = Layout::default();
    let order =
        [DatasetId::Epoch, DatasetId::FirstEra, DatasetId::Modest2018, DatasetId::OpenAi2018, DatasetId::Imported];
    for set in order {
        let idx: Vec<usize> = (0..spec.points.len()).filter(|i| spec.points[*i].dataset == set).collect();
        if idx.is_empty() {
            continue;
        }
        if !bg {
            legend.push((set_name(set, spec.lang).to_string(), Mark::Dot(th.sets[set_index(set)].filled(), 4)));
            continue;
        }
        let color = th.sets[set_index(set)];
        let pts: Vec<(f64, f64, bool)> = idx
            .iter()
            .map(|i| {
                let m = spec.points[*i];
                (m.date.years(), l(m.pfs_days.unwrap_or(ymin)), m.upper_bound)
            })
            .collect();
        match set {
            DatasetId::OpenAi2018 => chart.draw_series(
                pts.iter().map(|(x, y, _)| EmptyElement::at((*x, *y)) + Circle::new((0, 0), r, color.filled())),
            ),
            DatasetId::Modest2018 => chart.draw_series(pts.iter().map(|(x, y, upper)| {
                let style = if *upper { color.stroke_width((1.5 * s) as u32) } else { color.filled() };
                EmptyElement::at((*x, *y)) + TriangleMarker::new((0, 0), r + 1, style)
            })),
            DatasetId::FirstEra => chart.draw_series(
                pts.iter()
                    .map(|(x, y, _)| EmptyElement::at((*x, *y)) + Rectangle::new([(-r, -r), (r, r)], color.filled())),
            ),
            DatasetId::Epoch => chart.draw_series(pts.iter().map(|(x, y, _)| {
                EmptyElement::at((*x, *y)) + Circle::new((0, 0), (r - 1).max(2), color.mix(0.7).filled())
            })),
            // The user's rows: crosses, on top of the published sets.
            DatasetId::Imported => chart.draw_series(pts.iter().map(|(x, y, _)| {
                EmptyElement::at((*x, *y)) + Cross::new((0, 0), r, color.stroke_width((1.5 * s).max(1.0) as u32))
            })),
        }
        .map_err(e)?;
        legend.push((set_name(set, spec.lang).to_string(), Mark::Dot(color.filled(), 4)));
        for i in idx {
            let m = spec.points[i];
            let (px, py) = chart.backend_coord(&(m.date.years(), l(m.pfs_days.unwrap_or(ymin))));
            layout.markers.push((px, py, i));
        }
    }

    // Labels for a few named points.
    let small = ("sans-serif", font(base - 1.0)).into_font().color(&th.text);
    // On a phone, only short names: long ones would run over the axis.
    for m in spec.points.iter().filter(|m| bg && spec.labels.contains(&m.name)) {
        let name = model_name(m.name, spec.lang);
        if narrow && name.chars().count() > 12 {
            continue;
        }
        if let Some(v) = m.pfs_days {
            chart
                .draw_series(std::iter::once(
                    EmptyElement::at((m.date.years(), l(v)))
                        + Text::new(name.to_string(), (r + 3, -r - 12), small.clone()),
                ))
                .map_err(e)?;
        }
    }

    let axis = Axis { y0, y1, s, font: font(base - 1.0) };
    if spec.thresholds && bg {
        draw_thresholds(&mut chart, &axis, spec.dark)?;
    }
    let saved = if bg { draw_saved(&mut chart, &spec.saved, &axis, &th)? } else { shows_saved(&spec.saved) };
    if saved {
        legend.push((
            t(spec.lang, "trend.saved").to_string(),
            Mark::Diamond(th.user.stroke_width((2.0 * s).max(1.0) as u32)),
        ));
    }

    // The user's estimate: a highlighted point with its range as an error bar.
    if let Some(u) = spec.user.as_ref().filter(|_| fg) {
        if u.flop > 0.0 && u.flop.is_finite() {
            let (x, y) = (u.years, l(u.flop / PFS_DAY));
            let (lo, hi) = (l(u.low / PFS_DAY), l(u.high / PFS_DAY));
            let bar = ShapeStyle { color: th.user.to_rgba(), filled: false, stroke_width: (2.0 * s).round() as u32 };
            if hi > lo {
                let cap = 0.15 * (xmax - xmin) / 20.0;
                chart
                    .draw_series([
                        PathElement::new(vec![(x, lo), (x, hi)], bar),
                        PathElement::new(vec![(x - cap, lo), (x + cap, lo)], bar),
                        PathElement::new(vec![(x - cap, hi), (x + cap, hi)], bar),
                    ])
                    .map_err(e)?;
            }
            let big = (r as f64 * 1.8) as i32;
            let label_len = if u.label.is_empty() { 12 } else { u.label.chars().count() };
            let user_style = th.user.filled();
            chart
                .draw_series(std::iter::once(
                    EmptyElement::at((x, y))
                        + Circle::new((0, 0), big, user_style)
                        + Circle::new((0, 0), big, th.background.stroke_width((1.5 * s) as u32))
                        + Text::new(
                            if u.label.is_empty() { t(spec.lang, "trend.you").to_string() } else { u.label.clone() },
                            (
                                if x > xmax - (xmax - xmin) * 0.2 {
                                    -big - 8 - 7 * (label_len as i32)
                                } else {
                                    big + 4
                                },
                                -big - 4 - (10.0 * s) as i32,
                            ),
                            ("sans-serif", font(base + 1.0)).into_font().color(&th.user),
                        ),
                ))
                .map_err(e)?;
            legend.push((t(spec.lang, "trend.you").to_string(), Mark::Dot(user_style, 5)));
            layout.user = Some(chart.backend_coord(&(x, y)));
        }
    }

    let legend_font = ("sans-serif", font(base - if narrow { 1.0 } else { 0.0 })).into_font().color(&th.text);
    if fg {
        draw_legend(&chart.plotting_area().strip_coord_spec(), &legend, &legend_font, &th, s).map_err(e)?;
    }

    let (xr, yr) = chart.plotting_area().get_pixel_range();
    layout.plot_area = (xr.start, yr.start, xr.end, yr.end);
    root.present().map_err(e)?;
    Ok(layout)
}

/// How a legend row marks its series.
enum Mark {
    /// A short stretch of the line's style.
    Line(ShapeStyle),
    /// A dot of this style and radius (in CSS pixels).
    Dot(ShapeStyle, i32),
    /// A hollow diamond (the saved estimates).
    Diamond(ShapeStyle),
}

/// The legend, in the plotting area's upper-left corner: a box with one row per series. Drawn here
/// rather than by plotters' `configure_series_labels`, which sizes its text with
/// `FontDesc::box_size`: on wasm that appends a `<span>` with a `style` attribute to the page (a
/// forced layout per label, and refused under a strict Content-Security-Policy). This measures
/// through the backend (`estimate_text_size`), which the page's canvas answers with `measureText`.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[(String, Mark)],
    font: &TextStyle,
    th: &Theme,
    s: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if rows.is_empty() {
        return Ok(());
    }
    let px = |v: f64| (v * s).round() as i32;
    let (margin, mark_w) = (px(6.0), px(30.0));
    let mut text_w = 0;
    let mut text_h = 0;
    for (name, _) in rows {
        let (w, h) = area.estimate_text_size(name, font)?;
        text_w = text_w.max(w as i32);
        text_h = text_h.max(h as i32);
    }
    // Rows 1.25 text heights apart, as plotters spaces lines.
    let row_h = (text_h as f64 * 1.25).round() as i32;
    let (x0, y0) = (0, 0);
    let (x1, y1) = (x0 + margin * 2 + mark_w + text_w, y0 + margin * 2 + row_h * (rows.len() as i32 - 1) + text_h);
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], th.background.mix(0.85).filled()))?;
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], th.grid))?;
    for (i, (name, mark)) in rows.iter().enumerate() {
        let top = y0 + margin + row_h * i as i32;
        let (x, mid) = (x0 + margin, top + text_h / 2);
        match mark {
            Mark::Line(style) => area.draw(&PathElement::new(vec![(x, mid), (x + px(16.0), mid)], *style))?,
            Mark::Dot(style, r) => area.draw(&Circle::new((x + px(8.0), mid), px(*r as f64), *style))?,
            Mark::Diamond(style) => {
                let (c, r) = (x + px(8.0), px(5.0));
                area.draw(&PathElement::new(
                    vec![(c, mid - r), (c + r, mid), (c, mid + r), (c - r, mid), (c, mid - r)],
                    *style,
                ))?
            }
        }
        area.draw(&Text::new(name.as_str(), (x + mark_w, top), font.clone()))?;
    }
    Ok(())
}

/// The index (into `ChartSpec::points`) of the marker nearest to a pixel, within `radius`.
pub fn hit_test(layout: &Layout, x: i32, y: i32, radius: i32) -> Option<usize> {
    layout
        .markers
        .iter()
        .map(|(px, py, i)| (((px - x).pow(2) + (py - y).pow(2)), *i))
        .filter(|(d2, _)| *d2 <= radius * radius)
        .min_by_key(|(d2, _)| *d2)
        .map(|(_, i)| i)
}

/// The drawn compute axis (log10 of pfs-days), the scale and the small font size, for the
/// helpers below.
struct Axis {
    y0: f64,
    y1: f64,
    s: f64,
    font: f64,
}

type Chart<'a, 'b, DB> =
    ChartContext<'a, DB, Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>>;

/// The thresholds as dashed lines across the chart, each with its name, where the axis reaches.
fn draw_thresholds<DB: DrawingBackend>(chart: &mut Chart<'_, '_, DB>, a: &Axis, dark: bool) -> Result<(), String> {
    let e = |x: DrawingAreaErrorKind<DB::ErrorType>| x.to_string();
    let (x0, x1) = (chart.x_range().start, chart.x_range().end);
    let color = if dark { RGBColor(255, 120, 120) } else { RGBColor(170, 30, 30) };
    let mut seen = Vec::new();
    for t in crate::thresholds::THRESHOLDS.iter().filter(|t| t.in_force) {
        let y = (t.flop / PFS_DAY).log10();
        if !(a.y0..=a.y1).contains(&y) || seen.contains(&t.flop.to_bits()) {
            continue;
        }
        seen.push(t.flop.to_bits());
        let style = color.stroke_width((1.2 * a.s).max(1.0) as u32);
        let dash = plotters::element::DashedPathElement::new(
            vec![(x0, y), (x1, y)],
            (6.0 * a.s) as i32,
            (4.0 * a.s) as i32,
            style,
        );
        chart.draw_series(std::iter::once(dash)).map_err(e)?;
        let label = format!("{} FLOP", crate::thresholds::power_of_ten(t.flop));
        let text = ("sans-serif", a.font).into_font().color(&color);
        chart
            .draw_series(std::iter::once(EmptyElement::at((x0, y)) + Text::new(label, (4, -(14.0 * a.s) as i32), text)))
            .map_err(e)?;
    }
    Ok(())
}

/// The saved estimates: diamonds in the user's colour, hollow, each with its name. Whether any
/// was drawn (for the legend).
/// Whether any saved estimate is drawn (one with a value).
fn shows_saved(saved: &[UserPoint]) -> bool {
    saved.iter().any(|u| u.flop > 0.0 && u.flop.is_finite())
}

fn draw_saved<DB: DrawingBackend>(
    chart: &mut Chart<'_, '_, DB>,
    saved: &[UserPoint],
    a: &Axis,
    th: &Theme,
) -> Result<bool, String> {
    let e = |x: DrawingAreaErrorKind<DB::ErrorType>| x.to_string();
    let shown: Vec<&UserPoint> = saved.iter().filter(|u| u.flop > 0.0 && u.flop.is_finite()).collect();
    if !shows_saved(saved) {
        return Ok(false);
    }
    let r = (6.0 * a.s) as i32;
    let style = th.user.stroke_width((2.0 * a.s).max(1.0) as u32);
    let text = ("sans-serif", a.font).into_font().color(&th.user);
    chart
        .draw_series(shown.iter().map(|u| {
            let at = (u.years, (u.flop / PFS_DAY).log10());
            EmptyElement::at(at)
                + PathElement::new(vec![(0, -r), (r, 0), (0, r), (-r, 0), (0, -r)], style)
                + Text::new(u.label.clone(), (r + 3, -r - 10), text.clone())
        }))
        .map_err(e)?;
    Ok(true)
}

/// The chart as an SVG string (the CLI and tests).
pub fn svg(spec: &ChartSpec, width: u32, height: u32) -> Result<(String, Layout), String> {
    let mut out = String::new();
    let layout = {
        let root = plotters_svg::SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root, spec)?
    };
    Ok((out, layout))
}
