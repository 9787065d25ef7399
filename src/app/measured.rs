//! Text measured without page layout, for every chart the page draws.

use leptos::prelude::window;
use plotters::prelude::DrawingBackend;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;

/// A plotters backend (the page's canvas, or the SVG of the download) with text measured by a
/// canvas (`measureText`) instead of plotters' wasm default, which appends a `<span>` with a
/// `style` attribute to the page for every label: a forced layout each, and refused under a
/// strict Content-Security-Policy.
pub struct Measured<B> {
    inner: B,
    context: web_sys::CanvasRenderingContext2d,
}

fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

impl Measured<CanvasBackend> {
    /// Draws on `canvas`, measuring with it.
    pub fn canvas(canvas: web_sys::HtmlCanvasElement) -> Option<Self> {
        let context = context(&canvas)?;
        Some(Measured { inner: CanvasBackend::with_canvas_object(canvas)?, context })
    }
}

impl<B: DrawingBackend> Measured<B> {
    /// Draws on `inner`, measuring with a canvas that is never shown.
    pub fn with(inner: B) -> Option<Self> {
        let canvas = window().document()?.create_element("canvas").ok()?.dyn_into().ok()?;
        Some(Measured { context: context(&canvas)?, inner })
    }
}

type Failure<B> = plotters_backend::DrawingErrorKind<<B as DrawingBackend>::ErrorType>;

impl<B: DrawingBackend> DrawingBackend for Measured<B> {
    type ErrorType = B::ErrorType;
    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }
    fn ensure_prepared(&mut self) -> Result<(), Failure<B>> {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> Result<(), Failure<B>> {
        self.inner.present()
    }
    fn draw_pixel(&mut self, p: BackendCoord, c: BackendColor) -> Result<(), Failure<B>> {
        self.inner.draw_pixel(p, c)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, s: &S) -> Result<(), Failure<B>> {
        self.inner.draw_line(from, to, s)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        a: BackendCoord,
        b: BackendCoord,
        s: &S,
        fill: bool,
    ) -> Result<(), Failure<B>> {
        self.inner.draw_rect(a, b, s, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        p: I,
        s: &S,
    ) -> Result<(), Failure<B>> {
        self.inner.draw_path(p, s)
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, s: &S, fill: bool) -> Result<(), Failure<B>> {
        self.inner.draw_circle(c, r, s, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        v: I,
        s: &S,
    ) -> Result<(), Failure<B>> {
        self.inner.fill_polygon(v, s)
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, s: &S, pos: BackendCoord) -> Result<(), Failure<B>> {
        self.inner.draw_text(text, s, pos)
    }
    fn blit_bitmap(&mut self, pos: BackendCoord, size: (u32, u32), src: &[u8]) -> Result<(), Failure<B>> {
        self.inner.blit_bitmap(pos, size, src)
    }
    /// The text's advance width and its font's line box (ascent + descent), in canvas pixels, in
    /// the font string `CanvasBackend::draw_text` sets.
    fn estimate_text_size<S: BackendTextStyle>(&self, text: &str, s: &S) -> Result<(u32, u32), Failure<B>> {
        self.context.set_font(&format!("{} {}px {}", s.style().as_str(), s.size(), s.family().as_str()));
        let m = self
            .context
            .measure_text(text)
            .map_err(|e| plotters_backend::DrawingErrorKind::FontError(format!("measureText: {e:?}").into()))?;
        let height = m.font_bounding_box_ascent() + m.font_bounding_box_descent();
        Ok((m.width().ceil() as u32, height.ceil() as u32))
    }
}
