//! The trend chart, drawn over any plotters backend (canvas in the page, SVG in tests and the
//! CLI): compute against date on a log scale (pfs-days left, FLOP right), one marker style per
//! data set, the fit line with its doubling time, a Moore's-law line, era shading, labels for a
//! few named points, and the user's estimate with its low–high range. [`hit`] finds the
//! point under a pixel for tooltips.

use crate::calculation::calc::{Lang, PFS_DAY};
use crate::catalog::data::{DatasetId, Model};
use crate::plot::place::{self, Placed, Placer, Rect};
use crate::plot::trend::{Fit, ERAS};
use crate::text::i18n::Key;
use crate::text::i18n::{colon, model_name, t};
use crate::text::num::{sat_i32, to_i32, to_u32, to_usize};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::sync::Arc;

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

pub(crate) const LIGHT: Theme = Theme {
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

pub(crate) const DARK: Theme = Theme {
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

/// What to draw: the background (everything but the user's point) and the user's point.
#[derive(Clone, Debug, Default)]
pub struct ChartSpec {
    pub background: Background,
    pub user: Option<UserPoint>,
}

/// The models a chart shows, shared: a copy of a spec (the page keeps one per drawing) copies a
/// pointer, not 100,000 models, and two copies compare equal at once. Their extent, which the axes
/// need on every drawing, is found once, when they are collected.
#[derive(Clone, Debug, Default)]
pub struct Points {
    models: Arc<[Model]>,
    /// The least and greatest positive pfs-days, and the first and last date in years.
    extent: Option<Extent>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Extent {
    pfs_days: Option<(f64, f64)>,
    years: (f64, f64),
}

impl Points {
    fn new(models: Arc<[Model]>) -> Points {
        let widen = |r: Option<(f64, f64)>, v: f64| Some(r.map_or((v, v), |(a, b)| (a.min(v), b.max(v))));
        let years = models.iter().fold(None, |r, m| widen(r, m.date.years()));
        let pfs_days = models.iter().filter_map(|m| m.pfs_days).filter(|v| *v > 0.0).fold(None, widen);
        Points { models, extent: years.map(|years| Extent { pfs_days, years }) }
    }
}

impl std::ops::Deref for Points {
    type Target = [Model];
    fn deref(&self) -> &[Model] {
        &self.models
    }
}

impl PartialEq for Points {
    fn eq(&self, o: &Points) -> bool {
        Arc::ptr_eq(&self.models, &o.models) || self.models == o.models
    }
}

impl From<Vec<Model>> for Points {
    fn from(models: Vec<Model>) -> Points {
        Points::new(models.into())
    }
}

impl FromIterator<Model> for Points {
    fn from_iter<I: IntoIterator<Item = Model>>(iter: I) -> Points {
        Points::new(iter.into_iter().collect())
    }
}

/// Everything drawn under the user's point ([`Part::Background`]): two equal backgrounds draw
/// the same, so the page keeps one while only the user's point moves ([`same_background`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Background {
    pub points: Points,
    pub fit: Option<Fit>,
    /// Moore's-law reference doubling time in months (18 or 24), drawn from the fit's start.
    pub moore_months: Option<f64>,
    pub eras: bool,
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

impl Default for Background {
    /// No points; the 18-month Moore's-law line, the eras and the default labels, as the CLI and
    /// the page draw them; light, English, one device pixel per CSS pixel.
    fn default() -> Background {
        Background {
            points: Points::default(),
            fit: None,
            moore_months: Some(18.0),
            eras: true,
            saved: Vec::new(),
            thresholds: false,
            lang: Lang::En,
            dark: false,
            scale: 1.0,
            labels: DEFAULT_LABELS.to_vec(),
        }
    }
}

/// Where things landed, in backend pixels, for hit-testing.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    /// The markers this part drew, in drawing order: (x, y, index into `Background::points`).
    pub markers: Vec<(i32, i32, usize)>,
    /// The user's point, if drawn.
    pub user: Option<(i32, i32)>,
    pub plot_area: (i32, i32, i32, i32),
    /// A [`Part::Background`] or [`Part::Markers`] that left markers to draw: the index (in
    /// drawing order) of the first, for the next [`Part::Markers`].
    pub more_markers: Option<usize>,
    /// The words and where they went, for [`draw_over`]: placed round every marker by a part
    /// that drew the last of them ([`Part::All`], a [`Part::Background`] with all its markers,
    /// the last [`Part::Markers`]); by a [`Part::Background`] that left markers to draw, round its
    /// own (for a foreground drawn meanwhile).
    pub placement: Option<Arc<Placement>>,
}

/// The most markers a [`Part::Background`] or a [`Part::Markers`] draws: about 65 ms in
/// Chromium's software raster (about 6.5 µs a marker), so a page can draw 100,000 imported rows
/// a slice at a time and answer between slices.
pub const MARKERS_PER_PART: usize = 10_000;

/// The names the chart labels by default, when they are in view.
pub(crate) const DEFAULT_LABELS: &[&str] = &[
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
    t(
        lang,
        match d {
            DatasetId::OpenAi2018 => Key::PlotSetOpenai,
            DatasetId::Modest2018 => Key::PlotSetModest,
            DatasetId::FirstEra => Key::PlotSetFirstera,
            DatasetId::Epoch => Key::PlotSetEpoch,
            DatasetId::Imported => Key::PlotSetImported,
        },
    )
}

/// The legend of the Moore's-law line: "Moore's law (18 months)".
pub(crate) fn legend_moore(months: f64, lang: Lang) -> String {
    crate::say!(lang, Key::PlotLegendMoore, name = t(lang, Key::TrendMoore), months = months)
}

/// The legend of the fitted line: "fit: Doubling time 3.4 months".
pub(crate) fn legend_fit(months: f64, lang: Lang) -> String {
    let (fit, doubling, unit) = (t(lang, Key::TrendFit), t(lang, Key::TrendDoubling), t(lang, Key::TrendMonths));
    format!("{fit}{}{doubling} {months:.1} {unit}", colon(lang))
}

/// The legend name of a data set.
pub fn dataset_name(d: DatasetId, lang: Lang) -> &'static str {
    set_name(d, lang)
}

const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

/// "10⁻³" for a power of ten.
pub fn power_label(v: f64) -> String {
    let e = to_i32(v.log10().round());
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
    /// estimates. With more than [`MARKERS_PER_PART`] markers it draws only the first of them
    /// (and none of what lies over them), and its [`Layout`] says where the next
    /// [`Part::Markers`] begins.
    Background,
    /// The background's markers from this one (in drawing order), at most [`MARKERS_PER_PART`],
    /// over an earlier part; the last such part also draws what lies over the markers (the data
    /// labels, thresholds and saved estimates), placed round every marker: drawn with
    /// [`draw_over`] the layout of the parts before (their markers joined), it takes their places
    /// from it, else it places them again. Drawn one after another on one canvas, the parts are
    /// the [`Part::Background`] drawn whole.
    Markers(usize),
    /// The user's point with its range bar, and the legend on top. Its [`Layout`] has the user's
    /// point and no markers.
    Foreground,
}

/// Draws the chart on `root`. Errors are the backend's, as text.
///
/// # Errors
///
/// A [`DrawError`] when the backend fails to draw.
pub fn draw<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, spec: &ChartSpec) -> Result<Layout, DrawError> {
    draw_part(root, spec, Part::All)
}

/// The axis ranges: every drawn value and the user's point, padded to whole decades, as
/// (ymin, ymax, xmin, xmax) (pfs-days, years).
fn ranges(spec: &ChartSpec) -> (f64, f64, f64, f64) {
    // The points by their extent (the least and greatest are all the folds below need).
    let extent = spec.background.points.extent;
    let mut ys: Vec<f64> = extent.and_then(|e| e.pfs_days).map(|(a, b)| vec![a, b]).unwrap_or_default();
    let mut xs: Vec<f64> = extent.map(|e| vec![e.years.0, e.years.1]).unwrap_or_default();
    for u in spec.user.iter().chain(&spec.background.saved) {
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

/// Whether two specs have the same [`Part::Background`]: the same [`Background`], and the
/// same axis ranges (the user's point can widen them).
pub fn same_background(a: &ChartSpec, b: &ChartSpec) -> bool {
    a.background == b.background && ranges(a) == ranges(b)
}

/// Under this many CSS pixels wide a chart is narrow: smaller type, fewer labels, the legend
/// below the plot.
pub const NARROW: f64 = 600.0;

/// The height of a chart `width` CSS pixels wide: 0.55 of it, or 1.1 when narrow (the legend
/// below the plot, which keeps its height), in whole pixels.
pub fn height_for(width: f64) -> f64 {
    (width * if width < NARROW { 1.1 } else { 0.55 }).round()
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
    /// The least room between two words, and between a word and the plot's edge, in device pixels.
    gap: i32,
}

impl Frame {
    fn new(spec: &ChartSpec, (w, h): (u32, u32)) -> Frame {
        let s = spec.background.scale.max(0.5);
        let narrow = (f64::from(w) / s) < NARROW;
        let (ymin, ymax, xmin, xmax) = ranges(spec);
        let decades = to_usize((ymax / ymin).log10().round());
        Frame {
            th: if spec.background.dark { DARK } else { LIGHT },
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
            y_labels: decades.min(to_usize(f64::from(h) / s / 28.0)).max(2) + 1,
            r: to_i32((if narrow { 3.0 } else { 4.0 } * s).round()),
            gap: to_i32((2.0 * s).round()).max(2),
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
/// What stopped a drawing: the plotters backend's own error, in its words (a canvas or a writer
/// failing; nothing the user typed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawError(pub String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DrawError {}

fn err<E: std::error::Error + Send + Sync>(x: DrawingAreaErrorKind<E>) -> DrawError {
    DrawError(x.to_string())
}

/// One row of the legend: its text and how its series is marked.
type Row = (String, Mark);

/// Draws `part` of the chart on `root`.
///
/// # Errors
///
/// A [`DrawError`] when the backend fails to draw.
pub fn draw_part<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    part: Part,
) -> Result<Layout, DrawError> {
    draw_layers(root, spec, part, None)
}

/// Draws `part` ([`Part::Markers`] or [`Part::Foreground`]) over a background drawn for a spec
/// with the same background ([`same_background`]) at the same size, whose [`Layout`] is `under`
/// (a [`Part::Background`]'s, with the markers of the [`Part::Markers`] drawn since joined to
/// it): a foreground takes the words as placed there, a slice of markers the places of the
/// markers before it, so neither walks every marker again. The same drawing as [`draw_part`]
/// once the background is whole.
///
/// # Errors
///
/// A [`DrawError`] when the backend fails to draw.
pub fn draw_over<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    part: Part,
    under: &Layout,
) -> Result<Layout, DrawError> {
    draw_layers(root, spec, part, Some(under))
}

fn draw_layers<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    part: Part,
    under: Option<&Layout>,
) -> Result<Layout, DrawError> {
    let bg = matches!(part, Part::All | Part::Background);
    let fg = matches!(part, Part::All | Part::Foreground);
    let f = Frame::new(spec, root.dim_in_pixel());
    if bg {
        root.fill(&f.th.background).map_err(err)?;
    }
    let mut chart = frame_chart(root, spec, &f, bg)?;
    // The words on the plot, placed once for both layers (the background's do not depend on the
    // user's point, so both layers find the same places): a foreground takes those of the
    // background under it.
    let mut words = under.filter(|_| part == Part::Foreground).and_then(|u| u.placement.clone());
    let mut layout = Layout::default();
    if bg {
        draw_eras(&mut chart, spec, &f)?;
        draw_mesh(&mut chart, spec, &f)?;
        draw_lines(&mut chart, spec, &f)?;
    }
    let markers = match part {
        Part::All => Some(0..usize::MAX),
        Part::Background => Some(0..MARKERS_PER_PART),
        Part::Markers(from) => Some(from..from.saturating_add(MARKERS_PER_PART)),
        Part::Foreground => None,
    };
    if let Some(range) = markers {
        // Each part places and draws only its own markers.
        let (placed, total) = place_markers(&chart, spec, &f, range.clone());
        draw_markers(root, &placed, &f)?;
        layout.more_markers = (range.end < total).then_some(range.end);
        let done = layout.more_markers.is_none();
        if done || part == Part::Background {
            // The words, placed round every marker drawn so far: all of them with the last
            // part; with a first part that leaves more, its own (for a foreground meanwhile).
            let mut places = match (part, under) {
                (Part::Markers(_), Some(u)) => u.markers.clone(),
                (Part::Markers(from), None) => {
                    place_markers(&chart, spec, &f, 0..from).0.into_iter().map(place).collect()
                }
                _ => Vec::new(),
            };
            places.extend(placed.iter().copied().map(place));
            let at = by_point(&places, spec.background.points.len());
            layout.placement = Some(Arc::new(place_words(root, &chart, spec, &f, &at)));
        }
        if done {
            if let Some(w) = layout.placement.clone() {
                draw_words(root, &w.words.data, &f.text(-1.0, &f.th.text), f.th.text.mix(0.55), &f)?;
                if spec.background.thresholds {
                    draw_thresholds(root, &w.words, &f, spec.background.dark)?;
                }
                draw_saved(root, &chart, spec, &w.words, &f)?;
                words.get_or_insert(w);
            }
        }
        layout.markers = placed.into_iter().map(place).collect();
    }
    if fg {
        let p =
            words.get_or_insert_with(|| Arc::new(place_words(root, &chart, spec, &f, &every_place(&chart, spec, &f))));
        let user = place_user(root, &chart, spec, &f, p);
        layout.user = draw_user(root, &mut chart, spec, &f, user.as_ref())?;
        draw_legend(root, &legend_rows(spec, &f, shows_user(spec)), &p.words.plot, &f).map_err(err)?;
    }
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    layout.plot_area = (xr.start, yr.start, xr.end, yr.end);
    root.present().map_err(err)?;
    Ok(layout)
}

/// A character's advance in ems in a common sans-serif (DejaVu Sans, Arial), rounded up: narrow
/// letters and signs, lower case and digits, capitals, the widest letters, superscripts; a full
/// em for anything else (Chinese among them).
fn em(c: char) -> f64 {
    match c {
        'M' | 'W' | 'm' | 'w' => 1.0,
        'i' | 'j' | 'l' | 'I' | 'f' | 't' | 'r' | ' ' | '.' | ',' | ':' | ';' | '\'' | '(' | ')' | '-' | '/' => 0.42,
        'A'..='Z' => 0.8,
        'a'..='z' | '0'..='9' => 0.65,
        '⁰'..='⁹' | '¹' | '²' | '³' | '⁻' => 0.55,
        c if c.is_ascii() => 0.8,
        _ => 1.0,
    }
}

/// The box of `text` in `font`, in backend pixels, as the backend measures it (the page's canvas
/// with `measureText`, plotters' SVG backend by a rule of thumb that counts bytes: three for a
/// Chinese character, 1.4 times the font size), kept between its characters' advance ([`em`]) at the size an SVG shows it
/// (plotters writes an SVG font 1.24 times smaller than the size asked for) and at the size asked
/// for, and at least the font size tall.
fn measure<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, text: &str, font: &TextStyle) -> (i32, i32) {
    let size = font.font.get_size();
    let (w, h) = root.estimate_text_size(text, font).unwrap_or((0, 0));
    let advance = text.chars().map(em).sum::<f64>() * size;
    let least = to_i32((advance / 1.24).ceil());
    (sat_i32(w).clamp(least, to_i32(advance.ceil()).max(least)), sat_i32(h).max(to_i32(size.ceil())))
}

/// The chart's frame: caption, label areas and both coordinate systems (pfs-days left, FLOP
/// right). In the foreground the caption is measured (the plot area is where it was) but not
/// drawn. Each side's label area holds its widest power of ten and its title beside it.
fn frame_chart<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    spec: &ChartSpec,
    f: &Frame,
    bg: bool,
) -> Result<DualChart<'a, DB>, DrawError> {
    let s = f.s;
    let color = if bg { f.th.text.to_rgba() } else { f.th.text.mix(0.0) };
    let caption = ("sans-serif", f.font(f.base + 3.0)).into_font().color(&color);
    let flop_offset = lg(PFS_DAY);
    let tick = f.text(0.0, &f.th.text);
    // Plotters sets a side's labels 10 pixels (twice its 5-pixel ticks) from the axis and its
    // title at the far edge. It aligns the right side's labels by the backend's own measure.
    let side = |offset: f64, title: &str, backend: bool| {
        let (lo, hi) = (to_i32((f.y0 + offset).ceil()), to_i32((f.y1 + offset).floor()));
        let widest = (lo..=hi)
            .map(|e| {
                let label = power_label(10f64.powi(e));
                let own = if backend { root.estimate_text_size(&label, &tick).map_or(0, |s| sat_i32(s.0)) } else { 0 };
                measure(root, &label, &tick).0.max(own)
            })
            .max()
            .unwrap_or(0);
        10 + widest + measure(root, title, &tick).1 + f.gap
    };
    let left_title = t(spec.background.lang, if f.narrow { Key::ChartAxisPfsShort } else { Key::ChartAxisPfs });
    let left = side(0.0, left_title, false).max(to_i32(if f.narrow { 44.0 } else { 56.0 } * s));
    let right_title = t(spec.background.lang, Key::ChartAxisFlop);
    let right = side(flop_offset, right_title, true).max(to_i32(if f.narrow { 40.0 } else { 52.0 } * s));
    // A narrow chart has its legend below the plot, in a band of the bottom margin, so that it
    // covers no data point and no threshold line (see [`legend_box`]).
    let band = if f.narrow { legend_size(root, &legend_rows(spec, f, true), f).1 + to_i32(8.0 * s) } else { 0 };
    let chart = ChartBuilder::on(root)
        .margin(to_i32(8.0 * s))
        .margin_bottom(to_i32(8.0 * s) + band)
        .caption(t(spec.background.lang, Key::TrendTitle), caption)
        .x_label_area_size(to_i32(28.0 * s))
        .y_label_area_size(left)
        .right_y_label_area_size(right)
        .build_cartesian_2d(f.xmin..f.xmax, f.y0..f.y1)
        .map_err(err)?
        .set_secondary_coord(f.xmin..f.xmax, f.y0 + flop_offset..f.y1 + flop_offset);
    Ok(chart)
}

/// Era shading, under everything.
fn draw_eras<DB: DrawingBackend>(chart: &mut DualChart<'_, DB>, spec: &ChartSpec, f: &Frame) -> Result<(), DrawError> {
    if !spec.background.eras {
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
fn draw_mesh<DB: DrawingBackend>(chart: &mut DualChart<'_, DB>, spec: &ChartSpec, f: &Frame) -> Result<(), DrawError> {
    let (th, narrow) = (&f.th, f.narrow);
    let year_step = ((f.xmax - f.xmin) / if narrow { 5.0 } else { 10.0 }).ceil().max(1.0);
    let decade = |v: &f64| if is_whole(*v) { power_label(10f64.powf(*v)) } else { String::new() };
    chart
        .configure_mesh()
        .light_line_style(th.grid.mix(0.0))
        .bold_line_style(th.grid)
        .axis_style(th.text)
        .x_labels(to_usize(((f.xmax - f.xmin) / year_step).ceil()) + 1)
        .x_label_formatter(&|y| format!("{}", to_i32(y.round())))
        .y_labels(f.y_labels)
        .y_label_formatter(&decade)
        .y_desc(t(spec.background.lang, if narrow { Key::ChartAxisPfsShort } else { Key::ChartAxisPfs }))
        .label_style(f.text(0.0, &th.text))
        .axis_desc_style(f.text(0.0, &th.text))
        .draw()
        .map_err(err)?;
    chart
        .configure_secondary_axes()
        .axis_style(th.text)
        .y_labels(f.y_labels)
        .y_label_formatter(&decade)
        .y_desc(t(spec.background.lang, Key::ChartAxisFlop))
        .label_style(f.text(0.0, &th.text))
        .axis_desc_style(f.text(0.0, &th.text))
        .draw()
        .map_err(err)
}

/// A stroke of `color`, `w` CSS pixels wide.
fn stroke(color: RGBColor, w: f64, f: &Frame) -> ShapeStyle {
    ShapeStyle { color: color.to_rgba(), filled: false, stroke_width: to_u32((w * f.s).round()) }
}

/// The dashes of Moore's-law line: `(dash, gap)` in device pixels.
fn moore_dashes(f: &Frame) -> (i32, i32) {
    (to_i32(6.0 * f.s), to_i32(4.0 * f.s))
}

/// Moore's law from the fit's start, then the fit.
fn draw_lines<DB: DrawingBackend>(chart: &mut DualChart<'_, DB>, spec: &ChartSpec, f: &Frame) -> Result<(), DrawError> {
    let Some(fit) = spec.background.fit else { return Ok(()) };
    // 41 points from `from` to `to` of `y(x)`, those within the axis.
    let line = |to: f64, y: &dyn Fn(f64) -> f64| -> Vec<(f64, f64)> {
        (0..=40)
            .map(|i| fit.from + (to - fit.from) * f64::from(i) / 40.0)
            .map(|x| (x, y(x)))
            .filter(|(_, y)| *y >= f.ymin && *y <= f.ymax)
            .map(|(x, y)| (x, lg(y)))
            .collect()
    };
    if let Some(months) = spec.background.moore_months {
        let start = fit.at(fit.from);
        let pts = line(f.xmax, &|x| start * ((x - fit.from) * 12.0 / months).exp2());
        let (dash, gap) = moore_dashes(f);
        let style = stroke(f.th.moore, 1.5, f);
        chart.draw_series(DashedLineSeries::new(pts, dash, gap, style)).map_err(err)?;
    }
    let pts = line(fit.to, &|x| fit.at(x));
    chart.draw_series(std::iter::once(PathElement::new(pts, stroke(f.th.fit, 2.5, f)))).map_err(err)?;
    Ok(())
}

/// The order the data sets are drawn in: Epoch's many points first (under the others), the user's
/// imported rows last (on top).
const DRAW_ORDER: [DatasetId; 5] =
    [DatasetId::Epoch, DatasetId::FirstEra, DatasetId::Modest2018, DatasetId::OpenAi2018, DatasetId::Imported];

/// Where a data point sits: (years, log10 pfs-days).
fn point_at(m: &Model, f: &Frame) -> (f64, f64) {
    (m.date.years(), lg(m.pfs_days.unwrap_or(f.ymin)))
}

/// Where the data sets' markers numbered `range` in drawing order ([`DRAW_ORDER`]) land, in
/// backend pixels, each with its point's index and its mark ([`set_mark`]); and how many markers
/// there are in all.
fn place_markers<DB: DrawingBackend>(
    chart: &DualChart<'_, DB>,
    spec: &ChartSpec,
    f: &Frame,
    range: std::ops::Range<usize>,
) -> (Vec<(i32, i32, usize, Mark)>, usize) {
    let mut placed = Vec::new();
    let mut n = 0;
    for set in DRAW_ORDER {
        for (i, m) in spec.background.points.iter().enumerate().filter(|(_, m)| m.dataset == set) {
            if range.contains(&n) {
                let at = chart.backend_coord(&point_at(m, f));
                placed.push((at.0, at.1, i, set_mark(set, m.upper_bound, f)));
            }
            n += 1;
        }
    }
    (placed, n)
}

/// A placed marker's place and point, without its mark (a [`Layout`]'s markers).
fn place((x, y, i, _): (i32, i32, usize, Mark)) -> (i32, i32, usize) {
    (x, y, i)
}

/// The places of markers by point: the place of point `i` at `i`.
fn by_point(placed: &[(i32, i32, usize)], points: usize) -> Vec<(i32, i32)> {
    let mut at = vec![(0, 0); points];
    for (x, y, i) in placed {
        if let Some(a) = at.get_mut(*i) {
            *a = (*x, *y);
        }
    }
    at
}

/// Every marker's place, by point.
fn every_place<DB: DrawingBackend>(chart: &DualChart<'_, DB>, spec: &ChartSpec, f: &Frame) -> Vec<(i32, i32)> {
    let placed: Vec<_> = place_markers(chart, spec, f, 0..usize::MAX).0.into_iter().map(place).collect();
    by_point(&placed, spec.background.points.len())
}

/// Draws the markers `placed`.
fn draw_markers<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    placed: &[(i32, i32, usize, Mark)],
    f: &Frame,
) -> Result<(), DrawError> {
    for (x, y, _, mark) in placed {
        draw_mark(root, mark, (*x, *y), f).map_err(err)?;
    }
    Ok(())
}

/// How a series is marked: one drawing for its points on the plot and for its legend row.
#[derive(Clone, Copy, Debug)]
enum Mark {
    /// A stretch of the line's style, dashed or not (only in the legend).
    Line(ShapeStyle, bool),
    /// A disc (or ring) of this radius.
    Circle(ShapeStyle, i32),
    /// A triangle standing on its base, of this radius: filled, or hollow for an upper bound.
    Triangle(ShapeStyle, i32),
    /// A square of this half-side.
    Square(ShapeStyle, i32),
    /// A diagonal cross of this half-size.
    Cross(ShapeStyle, i32),
    /// A hollow diamond of this half-size (the saved estimates).
    Diamond(ShapeStyle, i32),
    /// The user's point: a disc with a ring of the background round it, of this radius.
    User(ShapeStyle, ShapeStyle, i32),
}

/// The mark of a data set's points (an upper bound hollow where the set has them).
fn set_mark(set: DatasetId, upper: bool, f: &Frame) -> Mark {
    let (r, s, color) = (f.r, f.s, f.th.sets[set_index(set)]);
    match set {
        DatasetId::OpenAi2018 => Mark::Circle(color.filled(), r),
        DatasetId::Modest2018 => {
            Mark::Triangle(if upper { color.stroke_width(to_u32(1.5 * s)) } else { color.filled() }, r + 1)
        }
        DatasetId::FirstEra => Mark::Square(color.filled(), r),
        DatasetId::Epoch => Mark::Circle(color.mix(0.7).filled(), (r - 1).max(2)),
        // The user's rows: crosses, on top of the published sets.
        DatasetId::Imported => Mark::Cross(color.stroke_width(to_u32((1.5 * s).max(1.0))), r),
    }
}

/// The mark of the user's point, and its radius.
fn user_mark(f: &Frame) -> (Mark, i32) {
    let big = to_i32(f64::from(f.r) * 1.8);
    (Mark::User(f.th.user.filled(), f.th.background.stroke_width(to_u32(1.5 * f.s)), big), big)
}

/// The mark of the saved estimates, and its half-size.
fn saved_mark(f: &Frame) -> (Mark, i32) {
    let r = to_i32(6.0 * f.s);
    (Mark::Diamond(f.th.user.stroke_width(to_u32((2.0 * f.s).max(1.0))), r), r)
}

/// Draws `mark` centred on the pixel `(x, y)` of `area`.
fn draw_mark<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    mark: &Mark,
    (x, y): (i32, i32),
    f: &Frame,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    match *mark {
        Mark::Line(style, dashed) => {
            let half = to_i32((10.0 * f.s).round());
            let pts = vec![(x - half, y), (x + half, y)];
            if dashed {
                let (dash, gap) = moore_dashes(f);
                area.draw(&plotters::element::DashedPathElement::new(pts, dash, gap, style))
            } else {
                area.draw(&PathElement::new(pts, style))
            }
        }
        Mark::Circle(style, r) => area.draw(&Circle::new((x, y), r, style)),
        Mark::Triangle(style, r) => area.draw(&TriangleMarker::new((x, y), r, style)),
        Mark::Square(style, r) => area.draw(&Rectangle::new([(x - r, y - r), (x + r, y + r)], style)),
        Mark::Cross(style, r) => area.draw(&Cross::new((x, y), r, style)),
        Mark::Diamond(style, r) => {
            area.draw(&PathElement::new(vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y), (x, y - r)], style))
        }
        Mark::User(fill, ring, r) => {
            area.draw(&Circle::new((x, y), r, fill))?;
            area.draw(&Circle::new((x, y), r, ring))
        }
    }
}

/// Whether the user's point is drawn (it has a value to show).
fn shows_user(spec: &ChartSpec) -> bool {
    spec.user.as_ref().is_some_and(|u| u.flop > 0.0 && u.flop.is_finite())
}

/// Whether any saved estimate is drawn (one with a value).
fn shows_saved(saved: &[UserPoint]) -> bool {
    saved.iter().any(|u| u.flop > 0.0 && u.flop.is_finite())
}

/// The legend's rows, in the order the series are drawn, each with its series' own mark; the
/// user's row where `user`.
fn legend_rows(spec: &ChartSpec, f: &Frame, user: bool) -> Vec<Row> {
    let mut rows = Vec::new();
    if let Some(fit) = spec.background.fit {
        if let Some(months) = spec.background.moore_months {
            rows.push((legend_moore(months, spec.background.lang), Mark::Line(stroke(f.th.moore, 1.5, f), true)));
        }
        rows.push((legend_fit(fit.doubling_months, spec.background.lang), Mark::Line(stroke(f.th.fit, 2.5, f), false)));
    }
    for set in DRAW_ORDER.into_iter().filter(|d| spec.background.points.iter().any(|m| m.dataset == *d)) {
        rows.push((set_name(set, spec.background.lang).to_string(), set_mark(set, false, f)));
    }
    if shows_saved(&spec.background.saved) {
        rows.push((t(spec.background.lang, Key::TrendSaved).to_string(), saved_mark(f).0));
    }
    if user {
        rows.push((t(spec.background.lang, Key::TrendYou).to_string(), user_mark(f).0));
    }
    rows
}

/// The legend's font.
fn legend_font<'a>(f: &'a Frame) -> TextStyle<'a> {
    f.text(if f.narrow { -1.0 } else { 0.0 }, &f.th.text)
}

/// Where the legend's parts go: its box, in the plot's upper-left corner, and its rows' spacing.
struct LegendBox {
    at: Rect,
    margin: i32,
    /// Where the rows' marks are centred, from the box's left, and where their text starts.
    mark_x: i32,
    text_x: i32,
    row_h: i32,
    text_h: i32,
}

/// The legend of `rows` in the plot `plot`, measured as its text is ([`measure`]): in the plot's
/// upper-left corner, or on a narrow chart below the plot, at the bottom of the drawing (in the
/// band [`frame_chart`] keeps for it), where it covers no data point and no threshold line.
fn legend_box<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rows: &[Row], plot: &Rect, f: &Frame) -> LegendBox {
    let px = |v: f64| to_i32((v * f.s).round());
    let font = legend_font(f);
    let (margin, mark_x, text_x) = (px(6.0), px(6.0 + 11.0), px(6.0 + 28.0));
    let sizes: Vec<(i32, i32)> = rows.iter().map(|(name, _)| measure(root, name, &font)).collect();
    let text_h = sizes.iter().map(|s| s.1).max().unwrap_or(0);
    // Rows 1.25 text heights apart, as plotters spaces lines.
    let row_h = to_i32((f64::from(text_h) * 1.25).round());
    let (w, h) = legend_size(root, rows, f);
    let at = if f.narrow {
        let bottom = sat_i32(root.dim_in_pixel().1) - px(8.0);
        Rect::new(plot.x, bottom - h, w, h)
    } else {
        Rect::new(plot.x, plot.y, w, h)
    };
    LegendBox { at, margin, mark_x, text_x, row_h, text_h }
}

/// The legend's width and height for `rows`.
fn legend_size<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, rows: &[Row], f: &Frame) -> (i32, i32) {
    let px = |v: f64| to_i32((v * f.s).round());
    let font = legend_font(f);
    let (margin, text_x) = (px(6.0), px(6.0 + 28.0));
    let sizes: Vec<(i32, i32)> = rows.iter().map(|(name, _)| measure(root, name, &font)).collect();
    let text_w = sizes.iter().map(|s| s.0).max().unwrap_or(0);
    let text_h = sizes.iter().map(|s| s.1).max().unwrap_or(0);
    let row_h = to_i32((f64::from(text_h) * 1.25).round());
    if rows.is_empty() {
        (0, 0)
    } else {
        (text_x + text_w + margin, margin * 2 + row_h * (sat_i32(rows.len()) - 1) + text_h)
    }
}

/// The legend, in the plot's upper-left corner (below the plot on a narrow chart): a box with one row per series, each marked as its
/// series is. Drawn here rather than by plotters' `configure_series_labels`, which sizes its text
/// with `FontDesc::box_size`: on wasm that appends a `<span>` with a `style` attribute to the page
/// (a forced layout per label, and refused under a strict Content-Security-Policy). This measures
/// through the backend (`estimate_text_size`), which the page's canvas answers with `measureText`.
fn draw_legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    rows: &[Row],
    plot: &Rect,
    f: &Frame,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    if rows.is_empty() {
        return Ok(());
    }
    let b = legend_box(root, rows, plot, f);
    let corners = [(b.at.x, b.at.y), (b.at.right(), b.at.bottom())];
    root.draw(&Rectangle::new(corners, f.th.background.mix(0.85).filled()))?;
    root.draw(&Rectangle::new(corners, f.th.grid))?;
    let font = legend_font(f);
    for (i, (name, mark)) in rows.iter().enumerate() {
        let top = b.at.y + b.margin + b.row_h * sat_i32(i);
        draw_mark(root, mark, (b.at.x + b.mark_x, top + b.text_h / 2), f)?;
        root.draw(&Text::new(name.as_str(), (b.at.x + b.text_x, top), font.clone()))?;
    }
    Ok(())
}

/// The words on the plot, placed together by one [`Placer`] so that none covers another, the
/// legend, a threshold line or the plot's edge: the thresholds' names first, then the data sets'
/// labels (in the order of [`Background::labels`]) and the saved estimates' names; the user's
/// label comes last ([`place_user`]), so the background's words do not depend on the user's point.
#[derive(Clone, Debug, PartialEq)]
struct Words {
    /// The plot area.
    plot: Rect,
    /// The threshold lines in view, as drawn (left of them the legend), each with its name
    /// where it fits.
    thresholds: Vec<(Rect, Option<Placed>)>,
    data: Vec<Placed>,
    /// The saved estimates' names.
    saved: Vec<Placed>,
}

/// The thresholds the compute axis reaches, one per amount: name and log10 pfs-days.
#[allow(
    clippy::float_cmp,
    reason = "exact on purpose: drops a threshold whose line is computed to the very same y as one already kept"
)]
fn thresholds_in_view(f: &Frame) -> Vec<(String, f64)> {
    let mut out: Vec<(String, f64)> = Vec::new();
    for t in crate::calculation::thresholds::THRESHOLDS.iter().filter(|t| t.in_force) {
        let y = (t.flop / PFS_DAY).log10();
        if (f.y0..=f.y1).contains(&y) && !out.iter().any(|(_, v)| *v == y) {
            out.push((format!("{} FLOP", crate::calculation::thresholds::power_of_ten(t.flop)), y));
        }
    }
    out
}

/// The width of a threshold line, in device pixels.
fn threshold_width(f: &Frame) -> i32 {
    to_i32((1.2 * f.s).max(1.0))
}

/// The background's words (the thresholds' names, the data labels and the saved estimates'
/// names: all but the user's label) and the placer that placed them, every marker avoided and
/// every word taken. A background's [`Layout`] keeps it, so a foreground drawn over that
/// background places the user's label on a copy of it instead of walking every marker again.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    words: Words,
    placer: Placer,
}

/// Each of a label's forms (longest first) with its box in `font`, as the placer takes them.
fn sized<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    texts: Vec<String>,
    font: &TextStyle,
) -> Vec<(String, (i32, i32))> {
    texts
        .into_iter()
        .map(|t| {
            let size = measure(root, &t, font);
            (t, size)
        })
        .collect()
}

/// Places the background's words on the plot (see [`Placement`]).
fn place_words<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &DualChart<'_, DB>,
    spec: &ChartSpec,
    f: &Frame,
    markers: &[(i32, i32)],
) -> Placement {
    let (xr, yr) = chart.plotting_area().get_pixel_range();
    let plot = Rect::new(xr.start, yr.start, xr.end - xr.start, yr.end - yr.start);
    let mut placer = Placer::new(plot, f.gap);
    let inner = plot.grow(-f.gap);
    let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
    // The legend as large as it gets: with the user's row, whether there is a point or not.
    let legend = legend_box(root, &legend_rows(spec, f, true), &plot, f).at;
    placer.block(legend);
    // The threshold lines run from the legend's right (where they pass it) to the plot's right.
    let lw = threshold_width(f);
    let lines: Vec<(String, Rect)> = if spec.background.thresholds {
        thresholds_in_view(f)
            .into_iter()
            .map(|(name, y)| {
                let y = px(f.xmin, y).1;
                let mut line = Rect::new(plot.x, y - lw, plot.w, 2 * lw);
                if line.overlaps(&legend) {
                    line = Rect::new(legend.right() + f.gap, line.y, plot.right() - legend.right() - f.gap, line.h);
                }
                (name, line)
            })
            .collect()
    } else {
        Vec::new()
    };
    for (_, line) in &lines {
        placer.block_crossable(*line);
    }
    let (_, diamond) = saved_mark(f);
    let saved: Vec<(usize, (i32, i32))> = spec
        .background
        .saved
        .iter()
        .enumerate()
        .filter(|(_, u)| u.flop > 0.0 && u.flop.is_finite())
        .map(|(i, u)| (i, px(u.years, lg(u.flop / PFS_DAY))))
        .collect();
    for (_, p) in &saved {
        placer.block_crossable(Rect::around(*p, diamond));
    }
    for p in markers {
        placer.avoid(Rect::around(*p, f.r));
    }
    let small = f.text(-1.0, &f.th.text);
    let thresholds = lines
        .into_iter()
        .map(|(name, line)| {
            let candidates = |size| place::along(&line, size, f.gap, 9);
            // "10²⁵ FLOP", or "10²⁵" where that is too long.
            let forms = vec![name.clone(), name.trim_end_matches(" FLOP").to_string()];
            let placed = placer.place_over(&sized(root, forms, &small), candidates, Some(&line));
            (line, placed)
        })
        .collect();
    // Each name once (OpenAI's and Epoch AI's AlexNet are one label, at the first set's point);
    // a long name may lose its parenthesis; a narrow chart leaves out names over 12 characters.
    let mut named: Vec<&str> = Vec::new();
    let mut data = Vec::new();
    for want in &spec.background.labels {
        let Some((i, m)) =
            spec.background.points.iter().enumerate().find(|(_, m)| m.name == *want && m.pfs_days.is_some())
        else {
            continue;
        };
        let name = model_name(&m.name, spec.background.lang);
        if named.contains(&name) {
            continue;
        }
        named.push(name);
        let forms: Vec<String> = place::shortenings(name, 3)
            .into_iter()
            .filter(|v| !(v.ends_with('…') || f.narrow && v.chars().count() > 12))
            .collect();
        let p = markers[i];
        data.extend(
            placer.place(&sized(root, forms, &small), |size| place::around(p, f.r + 1, size, size.1, 6, &inner)),
        );
    }
    let saved_font = f.text(-1.0, &f.th.user);
    let saved = saved
        .into_iter()
        .filter_map(|(i, p)| {
            let forms = sized(root, place::shortenings(&label_text(&spec.background.saved[i].label), 3), &saved_font);
            placer.place(&forms, |size| place::around(p, diamond + f.gap + 1, size, size.1, 6, &inner))
        })
        .collect();
    Placement { words: Words { plot, thresholds, data, saved }, placer }
}

/// Places the user's label over the background's words, on a copy of their placer: the user's
/// range bar and point taken, the label where it covers no word and the fewest markers.
fn place_user<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &DualChart<'_, DB>,
    spec: &ChartSpec,
    f: &Frame,
    under: &Placement,
) -> Option<Placed> {
    let u = spec.user.as_ref().filter(|_| shows_user(spec))?;
    let mut placer = under.placer.clone();
    let inner = under.words.plot.grow(-f.gap);
    let lw = threshold_width(f);
    let px = |x: f64, y: f64| chart.backend_coord(&(x, y));
    let (_, big) = user_mark(f);
    let (x, y) = (u.years, lg(u.flop / PFS_DAY));
    let p = px(x, y);
    // The range bar with its caps, and the point.
    let (top, bottom) = (px(x, lg(u.high / PFS_DAY)).1, px(x, lg(u.low / PFS_DAY)).1);
    let cap = px(x + user_cap(f), y).0 - p.0;
    placer.block_crossable(Rect::new(
        p.0 - cap - lw,
        top.min(bottom) - lw,
        2 * (cap + lw),
        (bottom - top).abs() + 2 * lw,
    ));
    placer.block_crossable(Rect::around(p, big));
    let label = if u.label.trim().is_empty() {
        t(spec.background.lang, Key::TrendYou).to_string()
    } else {
        label_text(&u.label)
    };
    let font = f.text(1.0, &f.th.user);
    let forms = sized(root, place::shortenings(&label, 3), &font);
    placer.place_surely(&forms, |size| place::around(p, big + f.gap + 1, size, size.1, 10, &inner))
}

/// Half the width of the caps of the user's range bar, in years.
fn user_cap(f: &Frame) -> f64 {
    0.15 * (f.xmax - f.xmin) / 20.0
}

/// Draws placed words in `font`, each with its leader line (in `leader`) where it has one.
fn draw_words<'p, DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    words: impl IntoIterator<Item = &'p Placed>,
    font: &TextStyle,
    leader: RGBAColor,
    f: &Frame,
) -> Result<(), DrawError> {
    for w in words {
        if let Some((a, b)) = w.leader {
            let style = leader.stroke_width(to_u32(f.s.max(1.0)));
            root.draw(&PathElement::new(vec![a, b], style)).map_err(err)?;
        }
        root.draw(&Text::new(w.text.as_str(), (w.at.x, w.at.y), font.clone())).map_err(err)?;
    }
    Ok(())
}

/// The user's estimate: a highlighted point with its range as an error bar, and its label where
/// [`place_words`] put it. Where it landed, in backend pixels, if it has a value to show.
fn draw_user<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &mut DualChart<'_, DB>,
    spec: &ChartSpec,
    f: &Frame,
    label: Option<&Placed>,
) -> Result<Option<(i32, i32)>, DrawError> {
    let Some(u) = spec.user.as_ref().filter(|_| shows_user(spec)) else { return Ok(None) };
    let (x, y) = (u.years, lg(u.flop / PFS_DAY));
    let (lo, hi) = (lg(u.low / PFS_DAY), lg(u.high / PFS_DAY));
    if hi > lo {
        let bar = ShapeStyle { color: f.th.user.to_rgba(), filled: false, stroke_width: to_u32((2.0 * f.s).round()) };
        let cap = user_cap(f);
        chart
            .draw_series([
                PathElement::new(vec![(x, lo), (x, hi)], bar),
                PathElement::new(vec![(x - cap, lo), (x + cap, lo)], bar),
                PathElement::new(vec![(x - cap, hi), (x + cap, hi)], bar),
            ])
            .map_err(err)?;
    }
    let at = chart.backend_coord(&(x, y));
    draw_mark(root, &user_mark(f).0, at, f).map_err(err)?;
    draw_words(root, label, &f.text(1.0, &f.th.user), f.th.user.to_rgba(), f)?;
    Ok(Some(at))
}

/// The thresholds as dashed lines across the plot (from the legend's right where they pass it),
/// each with its name where [`place_words`] found room.
fn draw_thresholds<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    words: &Words,
    f: &Frame,
    dark: bool,
) -> Result<(), DrawError> {
    let color = if dark { RGBColor(255, 120, 120) } else { RGBColor(170, 30, 30) };
    let style = color.stroke_width(to_u32((1.2 * f.s).max(1.0)));
    let (dash, gap) = (to_i32(6.0 * f.s), to_i32(4.0 * f.s));
    let lw = threshold_width(f);
    for (line, name) in &words.thresholds {
        let y = line.y + lw;
        // Interrupted where its name sits on it.
        let spans = match name.as_ref().filter(|n| n.at.overlaps(line)) {
            Some(n) => vec![(line.x, n.at.x - f.gap), (n.at.right() + f.gap, line.right())],
            None => vec![(line.x, line.right())],
        };
        for (a, b) in spans.into_iter().filter(|(a, b)| a < b) {
            let pts = vec![(a, y), (b, y)];
            root.draw(&plotters::element::DashedPathElement::new(pts, dash, gap, style)).map_err(err)?;
        }
        draw_words(root, name, &f.text(-1.0, &color), color.to_rgba(), f)?;
    }
    Ok(())
}

/// The saved estimates: diamonds in the user's colour, hollow, each with its name where it fits.
fn draw_saved<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    chart: &DualChart<'_, DB>,
    spec: &ChartSpec,
    words: &Words,
    f: &Frame,
) -> Result<(), DrawError> {
    let (mark, _) = saved_mark(f);
    for u in spec.background.saved.iter().filter(|u| u.flop > 0.0 && u.flop.is_finite()) {
        draw_mark(root, &mark, chart.backend_coord(&(u.years, lg(u.flop / PFS_DAY))), f).map_err(err)?;
    }
    draw_words(root, &words.saved, &f.text(-1.0, &f.th.user), f.th.user.mix(0.7), f)
}

/// How far the tooltip sits from the pointer, in CSS pixels (right of it and below).
pub const TOOLTIP_GAP: f64 = 12.0;

/// Where the tooltip's left edge goes, in CSS pixels from the chart's left, for a pointer at `x`
/// and a tooltip `width` wide over a chart `chart_width` wide: [`TOOLTIP_GAP`] right of the
/// pointer where it fits, else as far left of it, else against the chart's right edge (and its
/// left edge where the tooltip is the wider). The tooltip keeps its width: it moves, never shrinks.
pub fn tooltip_left(x: f64, width: f64, chart_width: f64) -> f64 {
    if x + TOOLTIP_GAP + width <= chart_width {
        x + TOOLTIP_GAP
    } else if x - TOOLTIP_GAP - width >= 0.0 {
        x - TOOLTIP_GAP - width
    } else {
        (chart_width - width).max(0.0)
    }
}

/// What is under a pixel: the user's point, or a marker by its index into `Background::points`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    User,
    Marker(usize),
}

/// What lies nearest to a pixel, within `radius`: the user's point where it is as near as the
/// nearest marker (it is drawn over them), else that marker.
pub fn hit(layout: &Layout, x: i32, y: i32, radius: i32) -> Option<Hit> {
    let user = layout.user.map(|(ux, uy)| (ux - x).pow(2) + (uy - y).pow(2)).filter(|d2| *d2 <= radius * radius);
    match (user, nearest_marker(layout, x, y, radius)) {
        (Some(u), Some((m, i))) if m < u => Some(Hit::Marker(i)),
        (Some(_), _) => Some(Hit::User),
        (None, m) => m.map(|(_, i)| Hit::Marker(i)),
    }
}

/// The marker nearest to a pixel, within `radius`: its squared distance and its point's index.
fn nearest_marker(layout: &Layout, x: i32, y: i32, radius: i32) -> Option<(i32, usize)> {
    layout
        .markers
        .iter()
        .map(|(px, py, i)| (((px - x).pow(2) + (py - y).pow(2)), *i))
        .filter(|(d2, _)| *d2 <= radius * radius)
        .min_by_key(|(d2, _)| *d2)
}

type Coord = Cartesian2d<plotters::coord::types::RangedCoordf64, plotters::coord::types::RangedCoordf64>;
/// The chart with its two compute axes (pfs-days left, FLOP right).
type DualChart<'a, DB> = plotters::chart::DualCoordChartContext<'a, DB, Coord, Coord>;

/// The longest label drawn beside a point, in characters (a longer name is cut, with "…").
pub(crate) const MAX_LABEL_CHARS: usize = 80;

/// A name as the chart draws it: control characters dropped (tabs and line breaks become
/// spaces: a label is one line), and cut to `MAX_LABEL_CHARS`. The user's name can hold
/// anything (a NUL, an escape), and XML has no way to write most control characters at all.
pub fn label_text(name: &str) -> String {
    let one_line = name.chars().filter_map(|c| match c {
        '\t' | '\n' | '\r' => Some(' '),
        c if c.is_control() || matches!(c, '\u{fffe}' | '\u{ffff}') => None,
        c => Some(c),
    });
    crate::calculation::field::shorten(&one_line.collect::<String>(), MAX_LABEL_CHARS)
}

/// Whether XML 1.0 allows the character in a document: tab, line feed, carriage return, and
/// everything from U+0020 on but U+FFFE and U+FFFF (Rust's `char` has no surrogates).
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && !matches!(c, '\u{fffe}' | '\u{ffff}'))
}

/// The chart as an SVG string (the CLI and tests). Labels are drawn through [`label_text`];
/// any other character XML does not allow is dropped from the document too, so it always
/// parses (plotters escapes `<`, `&`, `>` and quotes, not control characters).
///
/// # Errors
///
/// A [`DrawError`] when the SVG backend fails to draw.
pub fn svg(spec: &ChartSpec, width: u32, height: u32) -> Result<(String, Layout), DrawError> {
    let mut out = String::new();
    let layout = {
        let root = plotters_svg::SVGBackend::with_string(&mut out, (width, height)).into_drawing_area();
        draw(&root, spec)?
    };
    out.retain(is_xml_char);
    Ok((out, layout))
}
