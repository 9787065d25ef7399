//! The share-link codec: a [`Calculation`] <-> a URL query, versioned (`v=1`), short (defaults
//! are left out) and readable (`?v=1&fwd=11.4*10%5E9&ex=1.2M&ep=128`). Decoding never fails: it
//! keeps what it can use and lists what it ignored.

use crate::calc::{Calculation, Field, Lang, Mode, Per};

/// The current link version.
pub const VERSION: u32 = 1;

/// Query keys of the text fields, in the order they are written.
pub const KEYS: &[(Field, &str)] = &[
    (Field::Forward, "fwd"),
    (Field::FlopsPerMac, "fpm"),
    (Field::Passes, "passes"),
    (Field::Examples, "ex"),
    (Field::Epochs, "ep"),
    (Field::Layers, "layers"),
    (Field::Parameters, "params"),
    (Field::Tokens, "tokens"),
    (Field::Chips, "chips"),
    (Field::Hardware, "hw"),
    (Field::Precision, "prec"),
    (Field::Peak, "peak"),
    (Field::Time, "time"),
    (Field::Utilization, "util"),
    (Field::Factor, "factor"),
    (Field::Date, "date"),
];

/// Characters written as they are; everything else is percent-encoded (space as `+`).
fn keep(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-_.~*()!,:'".contains(c)
}

pub fn encode_component(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if keep(c) {
            out.push(c);
        } else if c == ' ' {
            out.push('+');
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Decodes `+` and `%XX`; invalid escapes and invalid UTF-8 are kept as text.
pub fn decode_component(s: &str) -> String {
    let b = s.as_bytes();
    let mut bytes = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'+' => bytes.push(b' '),
            b'%' if i + 2 < b.len() => {
                let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok().and_then(|h| u8::from_str_radix(h, 16).ok());
                match hex {
                    Some(v) => {
                        bytes.push(v);
                        i += 2;
                    }
                    None => bytes.push(b'%'),
                }
            }
            c => bytes.push(c),
        }
        i += 1;
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// The query string (without `?`) for a calculation.
pub fn encode(c: &Calculation) -> String {
    let mut parts = vec![format!("v={VERSION}")];
    if c.lang != Lang::En {
        parts.push(format!("lang={}", c.lang.key()));
    }
    match c.mode {
        Mode::Ops => {}
        Mode::Layers => parts.push("mode=layers".into()),
        Mode::Params => parts.push("mode=6nd".into()),
    }
    if c.per == Per::Flop {
        parts.push("per=flop".into());
    }
    for (f, key) in KEYS {
        let v = f.get(c);
        if !v.is_empty() {
            parts.push(format!("{key}={}", encode_component(v)));
        }
    }
    if !c.name.is_empty() {
        parts.push(format!("name={}", encode_component(&c.name)));
    }
    parts.join("&")
}

/// A decoded link: the calculation, and what was ignored (for a message).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub calc: Calculation,
    pub ignored: Vec<String>,
}

/// Reads a query string (with or without a leading `?`, or a whole URL).
pub fn decode(query: &str) -> Decoded {
    let q = match query.split_once('?') {
        Some((_, q)) => q,
        None => query,
    };
    let q = q.split('#').next().unwrap_or("");
    let mut c = Calculation::default();
    let mut ignored = Vec::new();
    for part in q.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let key = decode_component(k);
        let val = decode_component(v);
        match key.as_str() {
            "v" => {
                if val != VERSION.to_string() {
                    ignored
                        .push(format!("v={val}: this page reads version {VERSION} links; it used what it recognised"));
                }
            }
            "lang" => match val.as_str() {
                "en" => c.lang = Lang::En,
                "zh" => c.lang = Lang::Zh,
                _ => ignored.push(format!("lang={val}: the languages are en and zh")),
            },
            "mode" => match val.as_str() {
                "ops" => c.mode = Mode::Ops,
                "layers" => c.mode = Mode::Layers,
                "6nd" | "params" => c.mode = Mode::Params,
                _ => ignored.push(format!("mode={val}: the modes are ops, layers and 6nd")),
            },
            "per" => match val.as_str() {
                "mac" => c.per = Per::Mac,
                "flop" => c.per = Per::Flop,
                _ => ignored.push(format!("per={val}: use mac or flop")),
            },
            "name" => c.name = val,
            _ => match KEYS.iter().find(|(_, k)| *k == key) {
                Some((f, _)) => *f.get_mut(&mut c) = val,
                None => ignored.push(format!("{key}: not a parameter of this page")),
            },
        }
    }
    Decoded { calc: c, ignored }
}
