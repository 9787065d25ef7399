//! Every chart the page draws goes through one backend type, [`Measured`]: the page's canvas or
//! the SVG of the download behind one enum (so the chart's drawing code is compiled once into the
//! wasm, not once per backend), with text measured without page layout.

use leptos::prelude::window;
use plotters::prelude::DrawingBackend;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use plotters_svg::SVGBackend;
use wasm_bindgen::JsCast;

/// How many measured texts [`SIZES`] keeps before it starts again (the labels, ticks and legend
/// rows of a few sizes and both languages come to a few hundred).
const MAX_SIZES: usize = 512;

thread_local! {
    /// Text sizes already measured, by font and text.
    static SIZES: std::cell::RefCell<Vec<(String, (u32, u32))>> = Default::default();
}

/// Where a chart is drawn.
enum Target<'a> {
    Canvas(CanvasBackend),
    Svg(SVGBackend<'a>),
}

/// A backend's error, as text (the two backends' error types differ).
#[derive(Debug)]
pub struct DrawError(String);

impl std::fmt::Display for DrawError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DrawError {}

fn lift<E: std::error::Error + Send + Sync>(e: DrawingErrorKind<E>) -> DrawingErrorKind<DrawError> {
    match e {
        DrawingErrorKind::DrawingError(e) => DrawingErrorKind::DrawingError(DrawError(e.to_string())),
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

/// The same call on whichever backend it is, its error lifted to [`DrawError`].
macro_rules! each {
    ($target:expr, $b:ident => $call:expr) => {
        match $target {
            Target::Canvas($b) => $call.map_err(lift),
            Target::Svg($b) => $call.map_err(lift),
        }
    };
}

/// A plotters backend (the page's canvas, or the SVG of the download) with text measured by a
/// canvas that is never shown (`measureText`) instead of plotters' wasm default, which appends a
/// `<span>` with a `style` attribute to the page for every label: a forced layout each, and
/// refused under a strict Content-Security-Policy. A canvas outside the page also sets its font
/// without restyling the page.
pub struct Measured<'a> {
    target: Target<'a>,
    context: web_sys::CanvasRenderingContext2d,
    /// The canvas's own 2D context (the one its backend draws with), which strokes [`Lines`].
    drawing: Option<web_sys::CanvasRenderingContext2d>,
    /// Lines drawn on the canvas and not yet stroked (see [`Lines`]).
    lines: Option<Lines>,
}

/// The most lines stroked as one path.
const MAX_LINES: usize = 8_192;

/// Lines of one colour and width drawn one after another on the canvas, stroked as one path when
/// anything else is drawn (or the drawing ends): 100,000 imported rows are 200,000 lines of
/// crosses, which one `stroke()` each held up the page for over a second. The order of what is
/// drawn is kept; lines that overlap within one colour are painted once instead of twice.
struct Lines {
    color: BackendColor,
    width: u32,
    ends: Vec<((f64, f64), (f64, f64))>,
}

impl Lines {
    fn stroke(&self, c: &web_sys::CanvasRenderingContext2d) {
        let (r, g, b) = self.color.rgb;
        c.set_stroke_style_str(&format!("rgba({r},{g},{b},{})", self.color.alpha));
        c.set_line_width(f64::from(self.width));
        c.begin_path();
        for (from, to) in &self.ends {
            c.move_to(from.0, from.1);
            c.line_to(to.0, to.1);
        }
        c.stroke();
    }
}

/// A line's ends as the canvas backend strokes them: a horizontal or vertical line half a pixel
/// over, so that a one-pixel line covers one row of pixels, not two half-lit ones.
fn crisp(from: BackendCoord, to: BackendCoord) -> ((f64, f64), (f64, f64)) {
    let (mut a, mut b) = ((f64::from(from.0), f64::from(from.1)), (f64::from(to.0), f64::from(to.1)));
    if from.0 == to.0 {
        a.0 -= 0.5;
        b.0 -= 0.5;
    }
    if from.1 == to.1 {
        a.1 -= 0.5;
        b.1 -= 0.5;
    }
    (a, b)
}

impl Measured<'_> {
    /// Strokes the lines waiting, if any.
    fn flush(&mut self) {
        if let (Some(lines), Some(c)) = (self.lines.take(), &self.drawing) {
            lines.stroke(c);
        }
    }
}

impl Drop for Measured<'_> {
    fn drop(&mut self) {
        self.flush();
    }
}

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// The 2D context of a canvas that is never shown, made once.
fn measuring() -> Option<web_sys::CanvasRenderingContext2d> {
    thread_local! {
        static CONTEXT: Option<web_sys::CanvasRenderingContext2d> =
            window().document().and_then(|d| d.create_element("canvas").ok()?.dyn_into().ok()).as_ref().and_then(context);
    }
    CONTEXT.with(Clone::clone)
}

impl<'a> Measured<'a> {
    /// Draws on `canvas`.
    pub fn canvas(canvas: web_sys::HtmlCanvasElement) -> Option<Measured<'static>> {
        let drawing = context(&canvas);
        Some(Measured {
            target: Target::Canvas(CanvasBackend::with_canvas_object(canvas)?),
            context: measuring()?,
            drawing,
            lines: None,
        })
    }

    /// Draws SVG into `out`, `size` pixels.
    pub fn svg(out: &'a mut String, size: (u32, u32)) -> Option<Measured<'a>> {
        Some(Measured {
            target: Target::Svg(SVGBackend::with_string(out, size)),
            context: measuring()?,
            drawing: None,
            lines: None,
        })
    }
}

type Failure = DrawingErrorKind<DrawError>;

impl DrawingBackend for Measured<'_> {
    type ErrorType = DrawError;
    fn get_size(&self) -> (u32, u32) {
        match &self.target {
            Target::Canvas(b) => b.get_size(),
            Target::Svg(b) => b.get_size(),
        }
    }
    fn ensure_prepared(&mut self) -> Result<(), Failure> {
        each!(&mut self.target, b => b.ensure_prepared())
    }
    fn present(&mut self) -> Result<(), Failure> {
        self.flush();
        each!(&mut self.target, b => b.present())
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), Failure> {
        self.flush();
        each!(&mut self.target, b => b.draw_pixel(p, c))
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Result<(), Failure> {
        if self.drawing.is_none() {
            return each!(&mut self.target, b => b.draw_line(from, to, s));
        }
        let (color, width) = (s.color(), s.stroke_width());
        if color.alpha == 0.0 {
            return Ok(());
        }
        let same = self.lines.as_ref().is_some_and(|l| {
            l.color.rgb == color.rgb
                && l.color.alpha.to_bits() == color.alpha.to_bits()
                && l.width == width
                && l.ends.len() < MAX_LINES
        });
        if !same {
            self.flush();
            self.lines = Some(Lines { color, width, ends: Vec::new() });
        }
        if let Some(l) = self.lines.as_mut() {
            l.ends.push(crisp(from, to));
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        z: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), Failure> {
        self.flush();
        each!(&mut self.target, b => b.draw_rect(a, z, s, fill))
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, p: I, s: &S) -> Result<(), Failure> {
        self.flush();
        each!(&mut self.target, b => b.draw_path(p, s))
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), Failure> {
        self.flush();
        each!(&mut self.target, b => b.draw_circle(c, r, s, fill))
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        v: I,
        s: &S,
    ) -> Result<(), Failure> {
        self.flush();
        each!(&mut self.target, b => b.fill_polygon(v, s))
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> Result<(), Failure> {
        self.flush();
        each!(&mut self.target, b => b.draw_text(text, s, pos))
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<(), Failure> {
        self.flush();
        each!(&mut self.target, b => b.blit_bitmap(pos, size, src))
    }
    /// The text's advance width and its font's line box (ascent + descent), in canvas pixels, in
    /// the font string `CanvasBackend::draw_text` sets.
    /// Cached by font and text: a keystroke measures the legend and the labels again, with the
    /// same fonts (the page's system sans-serif, no web font whose arrival would change them).
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, s: &S) -> Result<(u32, u32), Failure> {
        let font = format!("{} {}px {}", s.style().as_str(), s.size(), s.family().as_str());
        let key = format!("{font}\u{0}{text}");
        if let Some(size) = SIZES.with(|m| m.borrow().iter().find(|(k, _)| *k == key).map(|(_, v)| *v)) {
            return Ok(size);
        }
        self.context.set_font(&font);
        let m = self
            .context
            .measure_text(text)
            .map_err(|e| DrawingErrorKind::FontError(format!("measureText: {e:?}").into()))?;
        let height = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
        let size = (m.width().ceil() as u32, height.ceil() as u32);
        SIZES.with(|m| {
            let mut m = m.borrow_mut();
            if m.len() >= MAX_SIZES {
                m.clear();
            }
            m.push((key, size));
        });
        Ok(size)
    }
}
