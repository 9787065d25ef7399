//! The per-layer counter: add-multiplies (MACs) per example of the forward pass, from a short
//! text that lists the layers, one per line or separated by `;`:
//!
//! ```text
//! conv in=84x84x3 k=8 s=4 f=16        # convolution: input HxWxC, kernel, stride, padding p=, filters
//! dense in=2592 out=256               # fully connected
//! rnn in=1280 h=1280 bi x7            # recurrent: gates=1 (lstm: 4, gru: 3), bi = both directions
//! ```
//! `xN` repeats a layer N times. Values are expressions (`in=9*9*32`). The same text is the
//! layer list in share links and in `aicompute layers`.

use crate::language::expr::{self, ExprKind};
use crate::say;
use crate::text::i18n::{t, Key, Lang};
use crate::text::num::len_f64;

#[derive(Clone, Debug, PartialEq)]
pub enum Kind {
    Conv { h: f64, w: f64, c: f64, kh: f64, kw: f64, sh: f64, sw: f64, pad: f64, filters: f64 },
    Dense { inputs: f64, outputs: f64 },
    Recurrent { inputs: f64, hidden: f64, gates: f64, directions: f64 },
}

/// One parsed layer with its multiply-accumulate count.
#[derive(Clone, Debug, PartialEq)]
pub struct Layer {
    pub kind: Kind,
    pub repeat: f64,
    /// The line as written, for display.
    pub text: String,
    /// MACs of one copy of the layer, per example (per timestep for recurrent layers).
    pub macs: f64,
    /// Output height and width of a convolution (what the next layer sees).
    pub output: Option<(f64, f64, f64)>,
}

impl Layer {
    pub fn total(&self) -> f64 {
        self.macs * self.repeat
    }
}

/// What is wrong with a layer.
#[derive(Clone, Debug, PartialEq)]
pub enum LayerKind {
    /// A value's expression is wrong.
    Expr {
        key: String,
        text: String,
        kind: ExprKind,
    },
    NotPlain {
        key: String,
        text: String,
    },
    Negative {
        key: String,
        text: String,
    },
    /// A size, kernel, filter count, width, gate count or repeat of 0: the layer would count no
    /// operations (padding alone may be 0).
    Zero {
        key: String,
        text: String,
    },
    Sizes {
        key: String,
        text: String,
        n: usize,
    },
    NotUnderstood {
        word: String,
    },
    Needs {
        layer: String,
        key: String,
    },
    UnknownLayer {
        name: String,
    },
    NoSuchKey {
        layer: String,
        key: String,
        known: String,
    },
    Stride,
    KernelTooBig {
        kernel: String,
        input: String,
    },
    /// A count past the largest double.
    TooLarge,
    NoLayers,
    /// More than `MAX_LAYERS` lines.
    TooMany,
    /// Longer than [`crate::calculation::field::MAX_LAYERS_CHARS`] characters.
    TooLong,
}

/// An error on line `line` (1-based) of the layer list.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerError {
    pub line: usize,
    pub kind: LayerKind,
}

/// The most layer lines a list may have.
pub(crate) const MAX_LAYERS: usize = 1000;

impl LayerError {
    pub fn message(&self, lang: Lang) -> String {
        match &self.kind {
            LayerKind::NoLayers | LayerKind::TooMany | LayerKind::TooLong => self.kind.message(lang),
            k => say!(lang, Key::ModelLayersLine, line = self.line, message = k.message(lang)),
        }
    }
}

impl LayerKind {
    fn message(&self, lang: Lang) -> String {
        use LayerKind::*;
        match self {
            Expr { key, text, kind } => {
                say!(lang, Key::ModelLayersExpr, message = kind.message(lang), key = key, text = text)
            }
            NotPlain { key, text } => say!(lang, Key::ModelLayersNotPlain, key = key, text = text),
            Negative { key, text } => say!(lang, Key::ModelLayersNegative, key = key, text = text),
            Zero { key, text } => {
                let written = if key == "x" { format!("x{text}") } else { format!("{key}={text}") };
                say!(lang, Key::ModelLayersZero, written = written)
            }
            Sizes { key, text, n } => say!(lang, Key::ModelLayersSizes, n = n, key = key, text = text),
            NotUnderstood { word } => say!(lang, Key::ModelLayersNotUnderstood, word = word),
            Needs { layer, key } => say!(lang, Key::ModelLayersNeeds, layer = layer, key = key),
            UnknownLayer { name } => say!(lang, Key::ModelLayersUnknown, name = name),
            NoSuchKey { layer, key, known } => {
                say!(lang, Key::ModelLayersNoSuchKey, known = known, layer = layer, key = key)
            }
            Stride => t(lang, Key::ModelLayersStride).to_string(),
            KernelTooBig { kernel, input } => say!(lang, Key::ModelLayersKernelTooBig, kernel = kernel, input = input),
            TooLarge => t(lang, Key::ModelLayersTooLarge).to_string(),
            NoLayers => t(lang, Key::ModelLayersNone).to_string(),
            TooMany => say!(lang, Key::ModelLayersTooMany, max = MAX_LAYERS),
            TooLong => {
                let max = crate::text::format::grouped(len_f64(crate::calculation::field::MAX_LAYERS_CHARS), 0, ",");
                say!(lang, Key::LanguageExprTooLong, max = max)
            }
        }
    }
}

impl std::fmt::Display for LayerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

fn value(key: &str, s: &str) -> Result<f64, LayerKind> {
    let (k, t) = (key.to_string(), crate::calculation::field::excerpt(s));
    let v = expr::eval(s).map_err(|e| LayerKind::Expr { key: k.clone(), text: t.clone(), kind: e.kind })?;
    if v.is_range() || v.dim != expr::Dim::COUNT {
        return Err(LayerKind::NotPlain { key: k, text: t });
    }
    if v.lo < 0.0 {
        return Err(LayerKind::Negative { key: k, text: t });
    }
    Ok(v.lo)
}

/// A value that must be above 0: a size, a kernel, a count of filters, units or gates, a repeat.
fn positive(key: &str, s: &str) -> Result<f64, LayerKind> {
    let v = value(key, s)?;
    if v == 0.0 {
        return Err(LayerKind::Zero { key: key.into(), text: crate::calculation::field::excerpt(s.trim()) });
    }
    Ok(v)
}

/// Splits "84x84x3" (or a single number) into parts, each read by `read`.
fn dims(key: &str, s: &str, n: usize, read: fn(&str, &str) -> Result<f64, LayerKind>) -> Result<Vec<f64>, LayerKind> {
    let parts: Vec<&str> = s.split(['x', '×']).collect();
    if parts.len() == 1 {
        let v = read(key, s)?;
        return Ok(vec![v; n]);
    }
    if parts.len() != n {
        return Err(LayerKind::Sizes { key: key.into(), text: crate::calculation::field::excerpt(s), n });
    }
    parts.iter().map(|p| read(key, p)).collect()
}

/// A layer line's words: its kind, its `key=value` pairs, `xN` and `bi`.
struct Words {
    kind: String,
    kv: Vec<(String, String)>,
    repeat: f64,
    bi: bool,
}

impl Words {
    fn read(line: &str) -> Result<Words, LayerKind> {
        let mut words = line.split_whitespace();
        let kind = words.next().unwrap_or("").to_ascii_lowercase();
        let mut w = Words { kind, kv: Vec::new(), repeat: 1.0, bi: false };
        for word in words {
            if let Some((k, v)) = word.split_once('=') {
                w.kv.push((k.to_ascii_lowercase(), v.to_string()));
            } else if word == "bi" || word == "bidirectional" {
                w.bi = true;
            } else if let Some(n) = word.strip_prefix('x').or_else(|| word.strip_prefix('×')) {
                w.repeat = positive("x", n)?;
            } else {
                return Err(LayerKind::NotUnderstood { word: word.chars().take(40).collect() });
            }
        }
        Ok(w)
    }
    fn get(&self, k: &str) -> Option<&str> {
        self.kv.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str())
    }
    fn need(&self, k: &str) -> Result<&str, LayerKind> {
        self.get(k).ok_or_else(|| LayerKind::Needs { layer: self.kind.clone(), key: k.into() })
    }
    /// Refuses keys the layer does not take.
    fn only(&self, known: &[&str]) -> Result<(), LayerKind> {
        match self.kv.iter().find(|(k, _)| !known.contains(&k.as_str())) {
            None => Ok(()),
            Some((k, _)) => Err(LayerKind::NoSuchKey {
                layer: self.kind.clone(),
                key: k.chars().take(40).collect(),
                known: known.iter().map(|k| format!("{k}=")).collect::<Vec<_>>().join(" "),
            }),
        }
    }
}

type Parsed = (Kind, f64, Option<(f64, f64, f64)>);

fn conv(w: &Words) -> Result<Parsed, LayerKind> {
    w.only(&["in", "k", "s", "p", "f"])?;
    let i = dims("in", w.need("in")?, 3, positive)?;
    let k = dims("k", w.need("k")?, 2, positive)?;
    let s = dims("s", w.get("s").unwrap_or("1"), 2, value)?;
    let pad = value("p", w.get("p").unwrap_or("0"))?;
    let f = positive("f", w.need("f")?)?;
    if s[0] < 1.0 || s[1] < 1.0 {
        return Err(LayerKind::Stride);
    }
    let oh = ((i[0] + 2.0 * pad - k[0]) / s[0]).floor() + 1.0;
    let ow = ((i[1] + 2.0 * pad - k[1]) / s[1]).floor() + 1.0;
    if !(oh >= 1.0 && ow >= 1.0) {
        let (kernel, input) = (format!("{}x{}", k[0], k[1]), format!("{}x{}", i[0], i[1]));
        return Err(LayerKind::KernelTooBig { kernel, input });
    }
    let macs = oh * ow * f * k[0] * k[1] * i[2];
    let kind = Kind::Conv { h: i[0], w: i[1], c: i[2], kh: k[0], kw: k[1], sh: s[0], sw: s[1], pad, filters: f };
    Ok((kind, macs, Some((oh, ow, f))))
}

fn dense(w: &Words) -> Result<Parsed, LayerKind> {
    w.only(&["in", "out"])?;
    let (a, b) = (positive("in", w.need("in")?)?, positive("out", w.need("out")?)?);
    Ok((Kind::Dense { inputs: a, outputs: b }, a * b, None))
}

fn recurrent(w: &Words) -> Result<Parsed, LayerKind> {
    w.only(&["in", "h", "gates"])?;
    let default_gates = match w.kind.as_str() {
        "lstm" => "4",
        "gru" => "3",
        _ => "1",
    };
    let h = positive("h", w.need("h")?)?;
    let i = positive("in", w.get("in").unwrap_or(w.need("h")?))?;
    let g = positive("gates", w.get("gates").unwrap_or(default_gates))?;
    let d = if w.bi { 2.0 } else { 1.0 };
    Ok((Kind::Recurrent { inputs: i, hidden: h, gates: g, directions: d }, d * g * h * (i + h), None))
}

fn parse_line(line: &str) -> Result<Layer, LayerKind> {
    let w = Words::read(line)?;
    let (kind, macs, output) = match w.kind.as_str() {
        "conv" => conv(&w)?,
        "dense" | "fc" => dense(&w)?,
        "rnn" | "lstm" | "gru" => recurrent(&w)?,
        other => return Err(LayerKind::UnknownLayer { name: other.chars().take(40).collect() }),
    };
    if !(macs * w.repeat).is_finite() {
        return Err(LayerKind::TooLarge);
    }
    Ok(Layer { kind, repeat: w.repeat, text: line.to_string(), macs, output })
}

/// Parses a layer list. Blank lines and `#` comments are skipped. A list over
/// [`crate::calculation::field::MAX_LAYERS_CHARS`] characters is refused before any work.
///
/// # Errors
///
/// A [`LayerError`] with its line: the list is too long, or a line is not a layer the parser
/// knows (see [`LayerKind`]).
pub fn parse(text: &str) -> Result<Vec<Layer>, LayerError> {
    if crate::calculation::field::Field::Layers.too_long(text) {
        return Err(LayerError { line: 1, kind: LayerKind::TooLong });
    }
    let mut out = Vec::new();
    for (n, raw) in text.split(['\n', ';']).enumerate() {
        if n >= MAX_LAYERS {
            return Err(LayerError { line: n + 1, kind: LayerKind::TooMany });
        }
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let layer = parse_line(line).map_err(|kind| LayerError { line: n + 1, kind })?;
        out.push(layer);
    }
    if out.is_empty() {
        return Err(LayerError { line: 1, kind: LayerKind::NoLayers });
    }
    if !total_macs(&out).is_finite() {
        return Err(LayerError { line: out.len(), kind: LayerKind::TooLarge });
    }
    Ok(out)
}

/// MACs per example of the whole list.
pub fn total_macs(layers: &[Layer]) -> f64 {
    layers.iter().map(Layer::total).sum()
}

impl std::error::Error for LayerError {}
