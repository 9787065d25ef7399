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
        (DatasetId::Modest2018, Lang::Zh) => "OpenAI 附录：少量算力",
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

/// What every layer of one drawing shares: colours, scale, sizes and the axis ranges.
struct Frame {
    th: Theme,
    /// Device pixels per CSS pixel.
    s: f64,
    /// Under 600 CSS pixels wide: smaller fonts, fewer labels.
    narrow: bool,
    /// The base font size in CSS pixels.
    base: f64,
    /// Axis ranges: pfs-days and years.
    ymin: f64,
    ymax: f64,
    xmin: f64,
    xmax: f64,
    /// The compute axis as drawn: log10 of pfs-days.
    y0: f64,
    y1: f64,
    /// How many labels the compute axis gets.
    y_labels: usize,
    /// The markers' radius in device pixels.
    r: i32,
}

impl Frame {
    fn new(spec: &ChartSpec, (w, h): (u32, u32)) -> Frame {
        let s = spec.scale.max(0.5);
        let narrow = (w as f64 / s) < 600.0;
        let (ymin, ymax, xmin, xmax) = ranges(spec);
        let decades = (ymax / ymin).log10().round() as usize;
        Frame {
            th: if spec.dark { DARK } else { LIGHT },
            s,
            narrow,
            base: if narrow { 11.0 } else { 13.0 },
            ymin,
            ymax,
            xmin,
            xmax,
            y0: lg(ymin),
            y1: lg(ymax),
            // Fewer labels than decades on tall ranges, so they stay legible.
            y_labels: decades.min((h as f64 / s / 28.0) as usize).max(2) + 1,
            r: (if narrow { 3.0 } else { 4.0 } * s).round() as i32,
        }
    }

    /// A font size in device pixels, from CSS pixels.
    fn font(&self, px: f64) -> f64 {
        (px * self.s).round()
    }

    /// The sans-serif font `d` CSS pixels over the base size, in `color`.
    fn text<'a>(&self, d: f64, color: &'a RGBColor) -> TextStyle<'a> {
        ("sans-serif", self.font(self.base + d)).into_font().color(color)
    }
}

/// Every value goes through `lg` on its way to the chart: the compute axis is linear in log10,
/// so its labels are whole decades, evenly thinned on tall ranges.
fn lg(v: f64) -> f64 {
    v.max(1e-300).log10()
}

/// A backend's error, as text.
fn err<E: std::error::Error + Send + Sync>(x: DrawingAreaErrorKind<E>) -> String {
    x.to_string()
}

/// One row of the legend.
type Row = (String, Mark);

/// Draws `part` of the chart on `root`.
pub fn draw_part<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    part: Part,
) -> Result<Layout, String> {
    let (bg, fg) = (part != Part::Foreground, part != Part::Background);
    let f = Frame::new(spec, root.dim_in_pixel());
    if bg {
        root.fill(&f.th.background).map_err(err)?;
    }
    let mut chart = frame_chart(root, spec, &f, bg)?;
    if bg {
        draw_eras(&mut chart, spec, &f)?;
        draw_mesh(&mut chart, spec, &f)?;
    }
    // The legend's rows, in the order the series are drawn.
    let mut legend: Vec<Row> = Vec::new();
    draw_lines(&mut chart, spec, &f, bg, &mut legend)?;
    let mut layout = Layout { markers: draw_markers(&mut chart, spec, &f, bg, &mut legend)?, ..Layout::default() };
    if bg {
        draw_labels(&mut chart, spec, &f)?;
    }
    if spec.thresholds && bg {
        draw_thresholds(&mut chart, &f, spec.dark)?;
    }
    let saved = if bg { draw_saved(&mut chart, &spec.saved, &f)? } else { shows_saved(&spec.saved) };
    if saved {
        let style = f.th.user.stroke_width((2.0 * f.s).max(1.0) as u32);
        legend.push((t(spec.lang, "trend.saved").to_string(), Mark::Diamond(style)));
    }
    if fg {
        layout.user = draw_user(&mut chart, spec, &f, &mut legend)?;
        let legend_font = f.text(if f.narrow { -1.0 } else { 0.0 }, &f.th.text);
        draw_legend(&chart.plotting_area().strip_coord_spec(), &legend, &legend_font, &f.th, f.s).map_err(err)?;
    }
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    layout.plot_area = (xr.start, yr.start, xr.end, yr.end);
    root.present().map_err(err)?;
    Ok(layout)
}

/// The chart's frame: caption, label areas and both coordinate systems (pfs-days left, FLOP
/// right). In the foreground the caption is measured (the plot area is where it was) but not
/// drawn.
fn frame_chart<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    f: &Frame,
    bg: bool,
) -> Result<DualChart<'a, DB>, String> {
    let s = f.s;
    let color = if bg { f.th.text.to_rgba() } else { f.th.text.mix(0.0) };
    let caption = ("sans-serif", f.font(f.base + 3.0)).into_font().color(&color);
    let flop_offset = lg(PFS_DAY);
    let chart = ChartBuilder::on(root)
        .margin((8.0 * s) as i32)
        .caption(t(spec.lang, "trend.title"), caption)
        .x_label_area_size((28.0 * s) as i32)
        .y_label_area_size((if f.narrow { 44.0 } else { 56.0 } * s) as i32)
        .right_y_label_area_size((if f.narrow { 40.0 } else { 52.0 } * s) as i32)
        .build_cartesian_2d(f.xmin..f.xmax, f.y0..f.y1)
        .map_err(err)?
        .set_secondary_coord(f.xmin..f.xmax, f.y0 + flop_offset..f.y1 + flop_offset);
    Ok(chart)
}

/// Era shading, under everything.
fn draw_eras<DB: DrawingBackend>(chart: &mut DualChart<'_, DB>, spec: &ChartSpec, f: &Frame) -> Result<(), String> {
    if !spec.eras {
        return Ok(());
    }
    for (i, era) in ERAS.iter().enumerate().take(2) {
        let (a, b) = (era.from.max(f.xmin), era.to.min(f.xmax));
        if a < b {
            let fill = if i == 0 { f.th.era.to_rgba() } else { f.th.fit.mix(0.07) };
            chart.draw_series(std::iter::once(Rectangle::new([(a, f.y0), (b, f.y1)], fill.filled()))).map_err(err)?;
        }
    }
    Ok(())
}

/// The grid and both axes with their labels: years below, powers of ten either side.
fn draw_mesh<DB: DrawingBackend>(chart: &mut DualChart<'_, DB>, spec: &ChartSpec, f: &Frame) -> Result<(), String> {
    let (th, narrow) = (&f.th, f.narrow);
    let year_step = ((f.xmax - f.xmin) / if narrow { 5.0 } else { 10.0 }).ceil().max(1.0);
    let decade = |v: &f64| if is_whole(*v) { power_label(10f64.powf(*v)) } else { String::new() };
    chart
        .configure_mesh()
        .light_line_style(th.grid.mix(0.0))
        .bold_line_style(th.grid)
        .axis_style(th.text)
        .x_labels(((f.xmax - f.xmin) / year_step).ceil() as usize + 1)
        .x_label_formatter(&|y| format!("{}", y.round() as i32))
        .y_labels(f.y_labels)
        .y_label_formatter(&decade)
        .y_desc(t(spec.lang, if narrow { "chart.axis.pfs.short" } else { "chart.axis.pfs" }))
        .label_style(f.text(0.0, &th.text))
        .axis_desc_style(f.text(0.0, &th.text))
        .draw()
        .map_err(err)?;
    chart
        .configure_secondary_axes()
        .axis_style(th.text)
        .y_labels(f.y_labels)
        .y_label_formatter(&decade)
        .y_desc(t(spec.lang, "chart.axis.flop"))
        .label_style(f.text(0.0, &th.text))
        .axis_desc_style(f.text(0.0, &th.text))
        .draw()
        .map_err(err)
}

/// Moore's law from the fit's start, then the fit; each adds its legend row.
fn draw_lines<DB: DrawingBackend>(
    chart: &mut DualChart<'_, DB>,
    spec: &ChartSpec,
    f: &Frame,
    bg: bool,
    legend: &mut Vec<Row>,
) -> Result<(), String> {
    let Some(fit) = spec.fit else { return Ok(()) };
    // 41 points from `from` to `to` of `y(x)`, those within the axis.
    let line = |to: f64, y: &dyn Fn(f64) -> f64| -> Vec<(f64, f64)> {
        (0..=40)
            .map(|i| fit.from + (to - fit.from) * i as f64 / 40.0)
            .map(|x| (x, y(x)))
            .filter(|(_, y)| *y >= f.ymin && *y <= f.ymax)
            .map(|(x, y)| (x, lg(y)))
            .collect()
    };
    let stroke = |color: RGBColor, w: f64| ShapeStyle {
        color: color.to_rgba(),
        filled: false,
        stroke_width: (w * f.s).round() as u32,
    };
    if let Some(months) = spec.moore_months {
        let start = fit.at(fit.from);
        let style = stroke(f.th.moore, 1.5);
        if bg {
            let pts = line(f.xmax, &|x| start * ((x - fit.from) * 12.0 / months).exp2());
            chart
                .draw_series(DashedLineSeries::new(pts, (6.0 * f.s) as u32, (4.0 * f.s) as u32, style))
                .map_err(err)?;
        }
        legend.push((legend_moore(months, spec.lang), Mark::Line(style)));
    }
    let style = stroke(f.th.fit, 2.5);
    if bg {
        let pts = line(fit.to, &|x| fit.at(x));
        chart.draw_series(std::iter::once(PathElement::new(pts, style))).map_err(err)?;
    }
    legend.push((legend_fit(fit.doubling_months, spec.lang), Mark::Line(style)));
    Ok(())
}

/// The data sets' markers, one style per set, Epoch's many points first and smaller; each set
/// adds its legend row. Where the markers landed, in backend pixels (none in the foreground).
fn draw_markers<DB: DrawingBackend>(
    chart: &mut DualChart<'_, DB>,
    spec: &ChartSpec,
    f: &Frame,
    bg: bool,
    legend: &mut Vec<Row>,
) -> Result<Vec<(i32, i32, usize)>, String> {
    let mut markers = Vec::new();
    let order =
        [DatasetId::Epoch, DatasetId::FirstEra, DatasetId::Modest2018, DatasetId::OpenAi2018, DatasetId::Imported];
    for set in order {
        let idx: Vec<usize> = (0..spec.points.len()).filter(|i| spec.points[*i].dataset == set).collect();
        if idx.is_empty() {
            continue;
        }
        let color = f.th.sets[set_index(set)];
        if bg {
            let at = |i: &usize| {
                let m = spec.points[*i];
                (m.date.years(), lg(m.pfs_days.unwrap_or(f.ymin)))
            };
            let pts: Vec<(f64, f64, bool)> = idx
                .iter()
                .map(|i| {
                    let (x, y) = at(i);
                    (x, y, spec.points[*i].upper_bound)
                })
                .collect();
            draw_set(chart, set, &pts, color, f)?;
            markers.extend(idx.iter().map(|i| {
                let (px, py) = chart.backend_coord(&at(i));
                (px, py, *i)
            }));
        }
        legend.push((set_name(set, spec.lang).to_string(), Mark::Dot(color.filled(), 4)));
    }
    Ok(markers)
}

/// One data set's markers at (years, log10 pfs-days, is an upper bound).
fn draw_set<DB: DrawingBackend>(
    chart: &mut DualChart<'_, DB>,
    set: DatasetId,
    pts: &[(f64, f64, bool)],
    color: RGBColor,
    f: &Frame,
) -> Result<(), String> {
    let (r, s) = (f.r, f.s);
    match set {
        DatasetId::OpenAi2018 => chart.draw_series(
            pts.iter().map(|(x, y, _)| EmptyElement::at((*x, *y)) + Circle::new((0, 0), r, color.filled())),
        ),
        DatasetId::Modest2018 => chart.draw_series(pts.iter().map(|(x, y, upper)| {
            let style = if *upper { color.stroke_width((1.5 * s) as u32) } else { color.filled() };
            EmptyElement::at((*x, *y)) + TriangleMarker::new((0, 0), r + 1, style)
        })),
        DatasetId::FirstEra => chart.draw_series(
            pts.iter().map(|(x, y, _)| EmptyElement::at((*x, *y)) + Rectangle::new([(-r, -r), (r, r)], color.filled())),
        ),
        DatasetId::Epoch => chart.draw_series(pts.iter().map(|(x, y, _)| {
            EmptyElement::at((*x, *y)) + Circle::new((0, 0), (r - 1).max(2), color.mix(0.7).filled())
        })),
        // The user's rows: crosses, on top of the published sets.
        DatasetId::Imported => chart.draw_series(pts.iter().map(|(x, y, _)| {
            EmptyElement::at((*x, *y)) + Cross::new((0, 0), r, color.stroke_width((1.5 * s).max(1.0) as u32))
        })),
    }
    .map_err(err)?;
    Ok(())
}

/// Labels for a few named points; on a phone, only short names (long ones would run over the
/// axis).
fn draw_labels<DB: DrawingBackend>(chart: &mut DualChart<'_, DB>, spec: &ChartSpec, f: &Frame) -> Result<(), String> {
    let small = f.text(-1.0, &f.th.text);
    for (name, at) in data_labels(spec, f) {
        let label = Text::new(label_text(name), label_offset(f), small.clone());
        chart.draw_series(std::iter::once(EmptyElement::at(at) + label)).map_err(err)?;
    }
    Ok(())
}

/// The data sets' labelled points: each name (in the chart's language) and where its point is.
/// A narrow chart leaves out names over 12 characters.
fn data_labels<'a>(spec: &'a ChartSpec, f: &'a Frame) -> impl Iterator<Item = (&'a str, (f64, f64))> + 'a {
    spec.points.iter().filter(|m| spec.labels.contains(&m.name)).filter_map(|m| {
        let name = model_name(m.name, spec.lang);
        let v = m.pfs_days.filter(|_| !(f.narrow && name.chars().count() > 12))?;
        Some((name, (m.date.years(), lg(v))))
    })
}

/// Where a data label's text starts, from its point, in backend pixels: above and to the right.
fn label_offset(f: &Frame) -> (i32, i32) {
    (f.r + 3, -f.r - 12)
}

/// The data sets' labels as [`draw_labels`] places them: (left, top, width, height) in backend
/// pixels.
fn data_label_boxes<DB: DrawingBackend>(
    chart: &DualChart<'_, DB>,
    spec: &ChartSpec,
    f: &Frame,
) -> Vec<(i32, i32, i32, i32)> {
    let small = f.text(-1.0, &f.th.text);
    let (dx, dy) = label_offset(f);
    data_labels(spec, f)
        .filter_map(|(name, at)| {
            let (px, py) = chart.backend_coord(&at);
            let (w, h) = chart.plotting_area().estimate_text_size(name, &small).ok()?;
            Some((px + dx, py + dy, w as i32, h as i32))
        })
        .collect()
}

/// Whether two boxes (left, top, width, height) share any pixel.
fn overlap(a: (i32, i32, i32, i32), b: (i32, i32, i32, i32)) -> bool {
    a.0 < b.0 + b.2 && b.0 < a.0 + a.2 && a.1 < b.1 + b.3 && b.1 < a.1 + a.3
}

/// The user's estimate: a highlighted point with its range as an error bar, and its legend
/// row. Where it landed, in backend pixels, if it has a value to show.
fn draw_user<DB: DrawingBackend>(
    chart: &mut DualChart<'_, DB>,
    spec: &ChartSpec,
    f: &Frame,
    legend: &mut Vec<Row>,
) -> Result<Option<(i32, i32)>, String> {
    let Some(u) = spec.user.as_ref().filter(|u| u.flop > 0.0 && u.flop.is_finite()) else { return Ok(None) };
    let (s, th, span) = (f.s, &f.th, f.xmax - f.xmin);
    let (x, y) = (u.years, lg(u.flop / PFS_DAY));
    let (lo, hi) = (lg(u.low / PFS_DAY), lg(u.high / PFS_DAY));
    if hi > lo {
        let bar = ShapeStyle { color: th.user.to_rgba(), filled: false, stroke_width: (2.0 * s).round() as u32 };
        let cap = 0.15 * span / 20.0;
        chart
            .draw_series([
                PathElement::new(vec![(x, lo), (x, hi)], bar),
                PathElement::new(vec![(x - cap, lo), (x + cap, lo)], bar),
                PathElement::new(vec![(x - cap, hi), (x + cap, hi)], bar),
            ])
            .map_err(err)?;
    }
    let big = (f.r as f64 * 1.8) as i32;
    let label = if u.label.is_empty() { t(spec.lang, "trend.you").to_string() } else { label_text(&u.label) };
    let font = f.text(1.0, &th.user);
    let at = chart.backend_coord(&(x, y));
    let size = chart.plotting_area().estimate_text_size(&label, &font).unwrap_or((0, 0));
    // Above and to the right of the point, or to the left near the right edge; where that box
    // would cover a data set's label (the user's AlexNet beside OpenAI's), the first other corner
    // that covers none.
    let (right, left) = (big + 4, -big - 8 - size.0 as i32);
    let (above, below) = (-big - 4 - (10.0 * s) as i32, big + 2);
    let sides = if x > f.xmax - span * 0.2 { [left, right] } else { [right, left] };
    let corners = [(sides[0], above), (sides[1], above), (sides[0], below), (sides[1], below)];
    let taken = data_label_boxes(chart, spec, f);
    let (dx, dy) = corners
        .into_iter()
        .find(|&(dx, dy)| !taken.iter().any(|b| overlap(*b, (at.0 + dx, at.1 + dy, size.0 as i32, size.1 as i32))))
        .unwrap_or(corners[0]);
    let user_style = th.user.filled();
    chart
        .draw_series(std::iter::once(
            EmptyElement::at((x, y))
                + Circle::new((0, 0), big, user_style)
                + Circle::new((0, 0), big, th.background.stroke_width((1.5 * s) as u32))
                + Text::new(label, (dx, dy), font),
        ))
        .map_err(err)?;
    legend.push((t(spec.lang, "trend.you").to_string(), Mark::Dot(user_style, 5)));
    Ok(Some(chart.backend_coord(&(x, y))))
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

type Coord = Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>;
/// The chart with its two compute axes (pfs-days left, FLOP right).
type DualChart<'a, DB> = plotters::chart::DualCoordChartContext<'a, DB, Coord, Coord>;

/// The thresholds as dashed lines across the chart, each with its name, where the axis reaches.
fn draw_thresholds<DB: DrawingBackend>(chart: &mut DualChart<'_, DB>, f: &Frame, dark: bool) -> Result<(), String> {
    let (x0, x1) = (chart.x_range().start, chart.x_range().end);
    let color = if dark { RGBColor(255, 120, 120) } else { RGBColor(170, 30, 30) };
    let mut seen = Vec::new();
    for t in crate::thresholds::THRESHOLDS.iter().filter(|t| t.in_force) {
        let y = (t.flop / PFS_DAY).log10();
        if !(f.y0..=f.y1).contains(&y) || seen.contains(&t.flop.to_bits()) {
            continue;
        }
        seen.push(t.flop.to_bits());
        let style = color.stroke_width((1.2 * f.s).max(1.0) as u32);
        let (dash, gap) = ((6.0 * f.s) as i32, (4.0 * f.s) as i32);
        let line = plotters::element::DashedPathElement::new(vec![(x0, y), (x1, y)], dash, gap, style);
        chart.draw_series(std::iter::once(line)).map_err(err)?;
        let label = format!("{} FLOP", crate::thresholds::power_of_ten(t.flop));
        let text = Text::new(label, (4, -(14.0 * f.s) as i32), f.text(-1.0, &color));
        chart.draw_series(std::iter::once(EmptyElement::at((x0, y)) + text)).map_err(err)?;
    }
    Ok(())
}

/// Whether any saved estimate is drawn (one with a value).
fn shows_saved(saved: &[UserPoint]) -> bool {
    saved.iter().any(|u| u.flop > 0.0 && u.flop.is_finite())
}

/// The saved estimates: diamonds in the user's colour, hollow, each with its name. Whether any
/// was drawn (for the legend).
fn draw_saved<DB: DrawingBackend>(
    chart: &mut DualChart<'_, DB>,
    saved: &[UserPoint],
    f: &Frame,
) -> Result<bool, String> {
    if !shows_saved(saved) {
        return Ok(false);
    }
    let r = (6.0 * f.s) as i32;
    let style = f.th.user.stroke_width((2.0 * f.s).max(1.0) as u32);
    let text = f.text(-1.0, &f.th.user);
    let shown = saved.iter().filter(|u| u.flop > 0.0 && u.flop.is_finite());
    chart
        .draw_series(shown.map(|u| {
            let at = (u.years, (u.flop / PFS_DAY).log10());
            EmptyElement::at(at)
                + PathElement::new(vec![(0, -r), (r, 0), (0, r), (-r, 0), (0, -r)], style)
                + Text::new(label_text(&u.label), (r + 3, -r - 10), text.clone())
        }))
        .map_err(err)?;
    Ok(true)
}

/// The longest label drawn beside a point, in characters (a longer name is cut, with "…").
pub const MAX_LABEL_CHARS: usize = 80;

/// A name as the chart draws it: control characters dropped (tabs and line breaks become
/// spaces: a label is one line), and cut to [`MAX_LABEL_CHARS`]. The user's name can hold
/// anything (a NUL, an escape), and XML has no way to write most control characters at all.
pub fn label_text(name: &str) -> String {
    let one_line = name.chars().filter_map(|c| match c {
        '\t' | '\n' | '\r' => Some(' '),
        c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => None,
        c => Some(c),
    });
    crate::field::shorten(&one_line.collect::<String>(), MAX_LABEL_CHARS)
}

/// Whether XML 1.0 allows the character in a document: tab, line feed, carriage return, and
/// everything from U+0020 on but U+FFFE and U+FFFF (Rust's `char` has no surrogates).
pub fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'))
}

/// The chart as an SVG string (the CLI and tests). Labels are drawn through [`label_text`];
/// any other character XML does not allow is dropped from the document too, so it always
/// parses (plotters escapes `<`, `&`, `>` and quotes, not control characters).
pub fn svg(spec: &ChartSpec, width: u32, height: u32) -> Result<(String, Layout), String> {
    let mut out = String::new();
    let layout = {
        let root = plotters_svg::SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root, spec)?
    };
    out.retain(is_xml_char);
    Ok((out, layout))
}
