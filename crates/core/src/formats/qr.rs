//! The QR code of a link, as an SVG the page shows beside "Copy link" and on the projector, so
//! phones in a classroom open the same calculation: dark modules on a light ground, a quiet zone
//! of four modules, error correction level M (about 15% of the code may be damaged or covered).

use qrcodegen::{QrCode, QrCodeEcc};

/// The quiet zone around the code, in modules (the standard asks for four).
pub(crate) const QUIET: i32 = 4;

/// An SVG of `text` as a QR code, `size` CSS pixels square, with a `<title>` for screen readers;
/// `None` where the text is too long for any QR code (over 2,331 bytes at level M).
pub fn svg(text: &str, size: u32, title: &str) -> Option<String> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let side = n + 2 * QUIET;
    let mut path = String::new();
    // One rectangle per horizontal run of dark modules.
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < n && code.get_module(x, y) {
                x += 1;
            }
            path.push_str(&format!("M{},{}h{}v1h-{}z", start + QUIET, y + QUIET, x - start, x - start));
        }
    }
    let title = title.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {side} {side}\" width=\"{size}\" height=\"{size}\" \
         shape-rendering=\"crispEdges\" role=\"img\"><title>{title}</title>\
         <rect width=\"{side}\" height=\"{side}\" fill=\"#ffffff\"/><path d=\"{path}\" fill=\"#000000\"/></svg>"
    ))
}

/// The modules of `text`'s code (true = dark), without the quiet zone: for tests and other faces.
pub fn modules(text: &str) -> Option<Vec<Vec<bool>>> {
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    Some((0..n).map(|y| (0..n).map(|x| code.get_module(x, y)).collect()).collect())
}
