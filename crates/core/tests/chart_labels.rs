//! The trend chart's words never collide. Every `<text>` of the SVG export becomes a box measured
//! by hand from its font size, anchor and characters (conservatively: at least the advance of a
//! common sans-serif, DejaVu Sans or Arial), and no two boxes overlap, none crosses the plot's
//! frame, the legend's box or a threshold line, and all stay on the image: at 400, 680 (print),
//! 800 and 1280 pixels and in projector mode (scale 1.5), in English and Chinese, with OpenAI's
//! data (the page's default view), with Epoch AI's, with the thresholds, and with the user's point
//! beside a threshold line and in the top right corner.
#![allow(
    clippy::float_cmp,
    reason = "the tests assert exact values written by hand: the arithmetic must reproduce them to the bit"
)]

use aicompute::calculation::calc::Lang;
use aicompute::catalog::data::DatasetId;
use aicompute::plot::chart::{self, ChartSpec, UserPoint};
use aicompute::plot::trend::{Selection, ERAS};

/// A box in SVG pixels: left, top, right, bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Rect {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Rect {
    fn overlaps(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
    fn inside(&self, o: &Rect) -> bool {
        self.x0 >= o.x0 && self.x1 <= o.x1 && self.y0 >= o.y0 && self.y1 <= o.y1
    }
}

/// One `<text>`: what it says and the box it covers.
#[derive(Clone, Debug)]
struct Text {
    s: String,
    at: Rect,
}

/// The advance of a character in ems, at least that of DejaVu Sans and Arial (rounded up).
fn em_width(c: char) -> f64 {
    match c {
        'M' | 'W' | 'm' | 'w' => 1.0,
        'i' | 'j' | 'l' | 'I' | 'f' | 't' | 'r' | ' ' | '.' | ',' | ':' | ';' | '\'' | '(' | ')' | '-' | '/' => 0.42,
        'A'..='Z' => 0.8,
        'a'..='z' | '0'..='9' => 0.65,
        '⁰' | '¹' | '²' | '³' | '⁴'..='⁹' | '⁻' => 0.55,
        c if c.is_ascii() => 0.8,
        // CJK ideographs, full-width punctuation, dashes and other signs: a full em.
        _ => 1.0,
    }
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    tag[at..].split('"').next()
}

fn num(tag: &str, name: &str) -> f64 {
    attr(tag, name).unwrap_or_else(|| panic!("no {name} in {tag}")).parse().unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// Every `<text>` of `svg` with its box, in document order, and where each starts in `svg`.
fn texts(svg: &str) -> Vec<(usize, Text)> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = svg[from..].find("<text") {
        let start = from + i;
        let (tag, rest) = svg[start..].split_once('>').unwrap();
        let body = rest.split("</text>").next().unwrap();
        let s = unescape(body.trim());
        from = start + tag.len();
        let (x, y, fs) = (num(tag, "x"), num(tag, "y"), num(tag, "font-size"));
        let w = s.chars().map(em_width).sum::<f64>() * fs;
        let (left, right) = match attr(tag, "text-anchor") {
            Some("middle") => (-w / 2.0, w / 2.0),
            Some("end") => (-w, 0.0),
            _ => (0.0, w),
        };
        // The baseline below `y`: 0.76 em (top), half an x-height (0.25–0.3 em, middle) or half an
        // x-height above (bottom); glyphs reach 0.85 em above it and 0.22 em below.
        let (base_hi, base_lo) = match attr(tag, "dy") {
            Some("0.76em") => (0.76, 0.76),
            Some("0.5ex") => (0.25, 0.3),
            Some("-0.5ex") => (-0.3, -0.25),
            other => panic!("dy {other:?} in {tag}"),
        };
        let (top, bottom) = ((base_hi - 0.85) * fs, (base_lo + 0.22) * fs);
        // Rotated text turns its box about (x, y).
        let at = match attr(tag, "transform") {
            None => Rect { x0: x + left, y0: y + top, x1: x + right, y1: y + bottom },
            Some(t) if t.starts_with("rotate(270") => Rect { x0: x + top, y0: y - right, x1: x + bottom, y1: y - left },
            Some(t) if t.starts_with("rotate(90") => Rect { x0: x - bottom, y0: y + left, x1: x - top, y1: y + right },
            Some(t) => panic!("transform {t}"),
        };
        out.push((start, Text { s, at }));
    }
    out
}

/// The `<rect>` whose attributes contain `has`, in pixels, and where it starts in `svg`.
fn rects(svg: &str, has: &str) -> Vec<(usize, Rect)> {
    svg.match_indices("<rect")
        .filter_map(|(i, _)| {
            let tag = svg[i..].split_once('>').unwrap().0;
            tag.contains(has).then(|| {
                let (x, y) = (num(tag, "x"), num(tag, "y"));
                (i, Rect { x0: x, y0: y, x1: x + num(tag, "width"), y1: y + num(tag, "height") })
            })
        })
        .collect()
}

/// The dashes of the threshold lines (drawn in `stroke`), as boxes one pixel tall.
fn threshold_dashes(svg: &str, stroke: &str) -> Vec<Rect> {
    svg.match_indices("<polyline")
        .filter_map(|(i, _)| {
            let tag = svg[i..].split_once('>').unwrap().0;
            if attr(tag, "stroke") != Some(stroke) {
                return None;
            }
            let pts: Vec<(f64, f64)> = attr(tag, "points")?
                .split_whitespace()
                .map(|p| p.split_once(',').map(|(a, b)| (a.parse().unwrap(), b.parse().unwrap())).unwrap())
                .collect();
            let (xs, ys) = (pts.iter().map(|p| p.0), pts.iter().map(|p| p.1));
            let (x0, x1) = (xs.clone().fold(f64::INFINITY, f64::min), xs.fold(f64::NEG_INFINITY, f64::max));
            let (y0, y1) = (ys.clone().fold(f64::INFINITY, f64::min), ys.fold(f64::NEG_INFINITY, f64::max));
            Some(Rect { x0, y0: y0 - 0.5, x1, y1: y1 + 0.5 })
        })
        .collect()
}

/// The light scheme's threshold colour, RGB(170, 30, 30).
const THRESHOLD: &str = "#AA1E1E";

/// What is wrong with the words of one chart, one line per fault.
fn faults(svg: &str, plot: Rect, (w, h): (u32, u32)) -> Vec<String> {
    let mut found = Vec::new();
    let all = texts(svg);
    let image = Rect { x0: 0.0, y0: 0.0, x1: f64::from(w), y1: f64::from(h) };
    // The legend's frame: the one rectangle drawn with a stroke and no fill. Its rows come after it
    // (the legend is drawn last, over everything).
    let legend = rects(svg, "fill=\"none\"");
    assert_eq!(legend.len(), 1, "one legend frame");
    let (legend_at, legend) = legend[0];
    let dashes = threshold_dashes(svg, THRESHOLD);
    for (i, (start, t)) in all.iter().enumerate() {
        let b = t.at;
        if !b.inside(&image) {
            found.push(format!("'{}' {b:?} leaves the image", t.s));
        }
        if b.overlaps(&plot) && !b.inside(&plot) {
            found.push(format!("'{}' {b:?} crosses the plot frame {plot:?}", t.s));
        }
        if *start > legend_at {
            if !b.inside(&legend) {
                found.push(format!("legend row '{}' {b:?} leaves the legend's box {legend:?}", t.s));
            }
        } else if b.overlaps(&legend) {
            found.push(format!("'{}' {b:?} is under the legend {legend:?}", t.s));
        }
        if let Some(d) = dashes.iter().find(|d| d.overlaps(&b)) {
            found.push(format!("'{}' {b:?} is struck through by a threshold line at y = {}", t.s, d.y0 + 0.5));
        }
        for (_, o) in &all[i + 1..] {
            if b.overlaps(&o.at) {
                found.push(format!("'{}' {b:?} overlaps '{}' {:?}", t.s, o.s, o.at));
            }
        }
    }
    found
}

/// The page's chart: the given data sets, the modern era's fit, Moore's law at 18 months, eras,
/// the thresholds, the default labels.
fn spec(sets: &[DatasetId], user: Option<UserPoint>, lang: Lang, scale: f64) -> ChartSpec {
    ChartSpec {
        background: chart::Background {
            points: Selection::of(sets).points(cat()).into_iter().cloned().collect(),
            fit: ERAS[1].selection().fit(cat()),
            thresholds: true,
            lang,
            scale,
            ..Default::default()
        },
        user,
    }
}

fn point(years: f64, flop: f64, label: &str) -> UserPoint {
    UserPoint { years, flop, low: flop / 2.0, high: flop * 2.0, label: label.into() }
}

/// Widths and heights in pixels as the page sizes its canvas (1.1 of the width under 600 CSS
/// pixels, where the legend is below the plot, else 0.55), and the scale: the page at 400, a print
/// at about 680, 800 and 1280 pixels, and projector mode at 800 and 1280.
const SIZES: [(u32, u32, f64); 6] =
    [(400, 440, 1.0), (680, 374, 1.0), (800, 440, 1.0), (1280, 704, 1.0), (800, 440, 1.5), (1280, 704, 1.5)];

const OPENAI: &[DatasetId] = &[DatasetId::OpenAi2018, DatasetId::Modest2018];
const WITH_EPOCH: &[DatasetId] = &[DatasetId::OpenAi2018, DatasetId::Modest2018, DatasetId::FirstEra, DatasetId::Epoch];

/// Draws `spec` at every size and returns every fault found, each named by its chart.
fn check(name: &str, spec: impl Fn(f64) -> ChartSpec) -> Vec<String> {
    let mut found = Vec::new();
    for (w, h, scale) in SIZES {
        let s = spec(scale);
        let (svg, layout) = chart::svg(&s, w, h).unwrap();
        let (x0, y0, x1, y1) = layout.plot_area;
        let plot = Rect { x0: f64::from(x0), y0: f64::from(y0), x1: f64::from(x1), y1: f64::from(y1) };
        let lang = if s.background.lang == Lang::Zh { "zh" } else { "en" };
        found.extend(faults(&svg, plot, (w, h)).into_iter().map(|f| format!("{name} {w}x{h}@{scale} {lang}: {f}")));
        // The user's label is never dropped: it is there whole, or shortened to at least its first
        // three characters and an ellipsis.
        if let Some(u) = &s.user {
            let shown = |t: &str| {
                let stem = t.strip_suffix('…').unwrap_or(t);
                t == u.label || (t.ends_with('…') && stem.chars().count() >= 3 && u.label.starts_with(stem))
            };
            if !texts(&svg).iter().any(|(_, t)| shown(&t.s) && t.at.inside(&plot)) {
                found.push(format!("{name} {w}x{h}@{scale} {lang}: the user's label '{}' is missing", u.label));
            }
        }
    }
    found
}

#[track_caller]
fn assert_clear(found: Vec<String>) {
    assert!(found.is_empty(), "{} faults:\n{}", found.len(), found.join("\n"));
}

#[test]
fn the_default_view_with_openais_data() {
    let mut found = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        // The page's default estimate: AlexNet, mid-2012, beside OpenAI's AlexNet.
        let alexnet = UserPoint { years: 2012.45, flop: 4.86e17, low: 4.86e17, high: 4.86e17, label: "AlexNet".into() };
        found.extend(check("default", |scale| spec(OPENAI, Some(alexnet.clone()), lang, scale)));
        found.extend(check("no estimate", |scale| spec(OPENAI, None, lang, scale)));
    }
    assert_clear(found);
}

#[test]
fn the_default_view_keeps_its_short_labels() {
    // The labels of OpenAI's chart that fit anywhere, named by hand: AlexNet, DQN, AlphaGo Zero.
    for (w, h, scale) in SIZES {
        for lang in [Lang::En, Lang::Zh] {
            let (svg, _) = chart::svg(&spec(OPENAI, None, lang, scale), w, h).unwrap();
            let all = texts(&svg);
            for name in ["AlexNet", "DQN", "AlphaGo Zero"] {
                assert!(all.iter().any(|(_, t)| t.s == name), "{w}x{h}@{scale} {lang:?}: no label '{name}'");
            }
        }
    }
}

#[test]
fn epoch_ais_data_with_the_thresholds() {
    let mut found = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        found.extend(check("epoch", |scale| spec(WITH_EPOCH, None, lang, scale)));
        // An estimate just over the EU's 10^25 FLOP among the frontier models.
        let frontier = point(2023.5, 1.2e25, "my frontier model");
        found.extend(check("epoch + estimate at 10^25", |scale| spec(WITH_EPOCH, Some(frontier.clone()), lang, scale)));
    }
    assert_clear(found);
}

#[test]
fn an_estimate_beside_a_threshold_line_and_in_the_corners() {
    let mut found = Vec::new();
    for lang in [Lang::En, Lang::Zh] {
        // Just under 10^25 FLOP: the axis reaches the line, the label must not cross it.
        let under = point(2018.2, 9.0e24, "just under the EU line");
        found.extend(check("under 10^25", |scale| spec(OPENAI, Some(under.clone()), lang, scale)));
        // The latest and largest point: the top right corner of the plot.
        let corner = point(2019.9, 3e26, "the largest run");
        found.extend(check("top right", |scale| spec(OPENAI, Some(corner.clone()), lang, scale)));
        // The earliest and smallest: the bottom left corner.
        let low = point(2011.6, 1e14, "tiny");
        found.extend(check("bottom left", |scale| spec(OPENAI, Some(low.clone()), lang, scale)));
        // A saved estimate beside the user's.
        let mut s = spec(OPENAI, Some(point(2017.8, 3e23, "mine")), lang, 1.0);
        s.background.saved = vec![point(2017.9, 2e23, "saved run")];
        found.extend(check("saved", |scale| {
            let mut c = s.clone();
            c.background.scale = scale;
            c
        }));
    }
    assert_clear(found);
}

/// An element with its position taken out: its tag and attributes, `points` made relative to their
/// first point.
fn shape(tag: &str) -> String {
    let (name, mut rest) = tag.split_once(' ').unwrap_or((tag, ""));
    let mut out = name.to_string();
    while let Some((key, after)) = rest.split_once("=\"") {
        let (value, next) = after.split_once('"').unwrap();
        let key = key.trim();
        match key {
            "cx" | "cy" | "x" | "y" => {}
            "points" => {
                let pts: Vec<(i32, i32)> = value
                    .split_whitespace()
                    .map(|p| p.split_once(',').map(|(a, b)| (a.parse().unwrap(), b.parse().unwrap())).unwrap())
                    .collect();
                let rel: Vec<String> = pts.iter().map(|(x, y)| format!("{},{}", x - pts[0].0, y - pts[0].1)).collect();
                out.push_str(&format!(" points=\"{}\"", rel.join(" ")));
            }
            _ => out.push_str(&format!(" {key}=\"{value}\"")),
        }
        rest = next;
    }
    out
}

#[test]
fn the_legend_marks_each_data_set_as_its_points_are() {
    let mut s = spec(WITH_EPOCH, None, Lang::En, 1.0);
    s.background.thresholds = false;
    for scale in [1.0, 1.5] {
        s.background.scale = scale;
        let (svg, _) = chart::svg(&s, 1280, 704).unwrap();
        // After the legend's frame.
        let legend = rects(&svg, "fill=\"none\"")[0].0 + 1;
        let marks = |from: usize, to: usize, kind: &str| -> Vec<String> {
            svg[from..to].match_indices(kind).map(|(i, _)| shape(svg[from + i..].split_once("/>").unwrap().0)).collect()
        };
        // In the legend: OpenAI's and Epoch AI's dots, the appendix's triangle, the first era's square.
        let (circles, triangles, squares) = (
            marks(legend, svg.len(), "<circle"),
            marks(legend, svg.len(), "<polygon"),
            marks(legend, svg.len(), "<rect"),
        );
        assert_eq!((circles.len(), triangles.len(), squares.len()), (2, 1, 1), "{scale}");
        // Each drawn as some point of the plot is (before the legend).
        for m in circles.iter().chain(&triangles).chain(&squares) {
            let kind = m.split(' ').next().unwrap();
            assert!(marks(0, legend, kind).contains(m), "{scale}: the legend's {m} is no point's mark");
        }
    }
}

#[test]
fn the_tooltip_moves_rather_than_shrinks() {
    // A 300-pixel tooltip over an 800-pixel chart: 12 pixels right of the pointer where it fits…
    assert_eq!(chart::tooltip_left(100.0, 300.0, 800.0), 112.0);
    assert_eq!(chart::tooltip_left(488.0, 300.0, 800.0), 500.0);
    // …else 12 pixels left of it (its right edge at 790 - 12)…
    assert_eq!(chart::tooltip_left(790.0, 300.0, 800.0), 478.0);
    assert_eq!(chart::tooltip_left(489.0, 300.0, 800.0), 177.0);
    // …else against the chart's right edge: on a 400-pixel phone at x = 250, neither side has 300.
    assert_eq!(chart::tooltip_left(250.0, 300.0, 400.0), 100.0);
    // A tooltip wider than the chart starts at its left edge.
    assert_eq!(chart::tooltip_left(50.0, 420.0, 400.0), 0.0);
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}

/// At 400 px the legend covered the data points of 2012–2020 and the start of the 10^25 FLOP
/// line: a narrow chart has it below the plot, clear of every marker and line. A wide chart keeps
/// it in the plot's corner.
#[test]
fn a_narrow_charts_legend_is_below_the_plot() {
    for lang in [Lang::En, Lang::Zh] {
        for (w, h) in [(400, 440), (360, 396)] {
            let (svg, layout) =
                chart::svg(&spec(WITH_EPOCH, Some(point(2024.5, 3.8e25, "mine")), lang, 1.0), w, h).unwrap();
            let (x0, y0, x1, y1) = layout.plot_area;
            let plot = Rect { x0: f64::from(x0), y0: f64::from(y0), x1: f64::from(x1), y1: f64::from(y1) };
            let (_, legend) = rects(&svg, "fill=\"none\"")[0];
            assert!(legend.y0 >= plot.y1, "{w} {lang:?}: the legend {legend:?} is on the plot {plot:?}");
            assert!(legend.y1 <= f64::from(h), "{w} {lang:?}: the legend {legend:?} leaves the image");
            // Off the plot, it cuts no threshold line short (they are cut only where they pass it).
            assert!(!threshold_dashes(&svg, THRESHOLD).is_empty(), "{w} {lang:?}: threshold lines drawn");
            // The plot keeps a usable height.
            assert!(plot.y1 - plot.y0 >= 180.0, "{w} {lang:?}: the plot is {} px tall", plot.y1 - plot.y0);
        }
        let (svg, layout) = chart::svg(&spec(OPENAI, None, lang, 1.0), 1280, 704).unwrap();
        let (_, legend) = rects(&svg, "fill=\"none\"")[0];
        assert!(legend.y0 < f64::from(layout.plot_area.3), "{lang:?}: a wide chart's legend is in the plot");
    }
}
