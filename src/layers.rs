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

use crate::expr;

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

/// An error on line `line` (1-based) of the layer list.
#[derive(Clone, Debug, PartialEq)]
pub struct LayerError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for LayerError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "layer {}: {}", self.line, self.message)
    }
}

fn value(key: &str, s: &str) -> Result<f64, String> {
    let v = expr::eval(s).map_err(|e| format!("{key}={s}: {}", e.message))?;
    if v.is_range() || v.dim != expr::Dim::COUNT {
        return Err(format!("{key}={s}: needs a plain number"));
    }
    if v.lo < 0.0 {
        return Err(format!("{key}={s}: must not be negative"));
    }
    Ok(v.lo)
}

/// Splits "84x84x3" (or a single number) into parts.
fn dims(key: &str, s: &str, n: usize) -> Result<Vec<f64>, String> {
    let parts: Vec<&str> = s.split(['x', '×']).collect();
    if parts.len() == 1 {
        let v = value(key, s)?;
        return Ok(vec![v; n]);
    }
    if parts.len() != n {
        return Err(format!("{key}={s}: expected {n} sizes separated by x"));
    }
    parts.iter().map(|p| value(key, p)).collect()
}

fn parse_line(line: &str) -> Result<Layer, String> {
    let mut words = line.split_whitespace();
    let kind = words.next().unwrap_or("").to_ascii_lowercase();
    let mut kv: Vec<(String, String)> = Vec::new();
    let mut repeat = 1.0;
    let mut bi = false;
    for w in words {
        if let Some((k, v)) = w.split_once('=') {
            kv.push((k.to_ascii_lowercase(), v.to_string()));
        } else if w == "bi" || w == "bidirectional" {
            bi = true;
        } else if let Some(n) = w.strip_prefix('x').or_else(|| w.strip_prefix('×')) {
            repeat = value("x", n)?;
        } else {
            return Err(format!("'{w}' is not understood: write key=value, bi, or xN"));
        }
    }
    let get = |k: &str| kv.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    let need = |k: &str| get(k).ok_or_else(|| format!("{kind} needs {k}="));
    let known: &[&str] = match kind.as_str() {
        "conv" => &["in", "k", "s", "p", "f"],
        "dense" | "fc" => &["in", "out"],
        "rnn" | "lstm" | "gru" => &["in", "h", "gates"],
        "" => return Err("empty layer".into()),
        other => return Err(format!("unknown layer '{other}': use conv, dense, rnn, lstm or gru")),
    };
    if let Some((k, _)) = kv.iter().find(|(k, _)| !known.contains(&k.as_str())) {
        return Err(format!(
            "{kind} has no '{k}=': it takes {}",
            known.iter().map(|k| format!("{k}=")).collect::<Vec<_>>().join(" ")
        ));
    }
    let (kind, macs, output) = match kind.as_str() {
        "conv" => {
            let i = dims("in", need("in")?, 3)?;
            let k = dims("k", need("k")?, 2)?;
            let s = dims("s", get("s").unwrap_or("1"), 2)?;
            let pad = value("p", get("p").unwrap_or("0"))?;
            let f = value("f", need("f")?)?;
            if s[0] == 0.0 || s[1] == 0.0 {
                return Err("the stride must be at least 1".into());
            }
            let oh = ((i[0] + 2.0 * pad - k[0]) / s[0]).floor() + 1.0;
            let ow = ((i[1] + 2.0 * pad - k[1]) / s[1]).floor() + 1.0;
            if oh < 1.0 || ow < 1.0 {
                return Err(format!("a {}x{} kernel does not fit a {}x{} input", k[0], k[1], i[0], i[1]));
            }
            let macs = oh * ow * f * k[0] * k[1] * i[2];
            (
                Kind::Conv { h: i[0], w: i[1], c: i[2], kh: k[0], kw: k[1], sh: s[0], sw: s[1], pad, filters: f },
                macs,
                Some((oh, ow, f)),
            )
        }
        "dense" | "fc" => {
            let (a, b) = (value("in", need("in")?)?, value("out", need("out")?)?);
            (Kind::Dense { inputs: a, outputs: b }, a * b, None)
        }
        _ => {
            let default_gates = match kind.as_str() {
                "lstm" => "4",
                "gru" => "3",
                _ => "1",
            };
            let h = value("h", need("h")?)?;
            let i = value("in", get("in").unwrap_or(need("h")?))?;
            let g = value("gates", get("gates").unwrap_or(default_gates))?;
            let d = if bi { 2.0 } else { 1.0 };
            (Kind::Recurrent { inputs: i, hidden: h, gates: g, directions: d }, d * g * h * (i + h), None)
        }
    };
    Ok(Layer { kind, repeat, text: line.to_string(), macs, output })
}

/// Parses a layer list. Blank lines and `#` comments are skipped.
pub fn parse(text: &str) -> Result<Vec<Layer>, LayerError> {
    let mut out = Vec::new();
    for (n, raw) in text.split(['\n', ';']).enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let layer = parse_line(line).map_err(|message| LayerError { line: n + 1, message })?;
        out.push(layer);
    }
    if out.is_empty() {
        return Err(LayerError {
            line: 1,
            message: "no layers: write one per line, such as 'dense in=784 out=100'".into(),
        });
    }
    Ok(out)
}

/// MACs per example of the whole list.
pub fn total_macs(layers: &[Layer]) -> f64 {
    layers.iter().map(Layer::total).sum()
}
