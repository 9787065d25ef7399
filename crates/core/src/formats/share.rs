//! The share-link codec: a [`Calculation`] <-> a URL query, versioned (`v=1`), short (defaults
//! are left out) and readable (`?v=1&fwd=11.4*10%5E9&ex=1.2M&ep=128`). Decoding never fails: it
//! keeps what it can use and lists what it ignored.

use crate::calculation::field::{Basis, Calculation, Field, Mode, Per, Side, Want};
use crate::catalog::hardware::Precision;
use crate::text::i18n::{t, Key, Lang};

/// The current link version.
pub(crate) const VERSION: u32 = 1;

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

/// The query string (without `?`) for a calculation: the calculation alone, no display mode.
pub fn encode(c: &Calculation) -> String {
    encode_in(c, None)
}

/// The query string for a calculation, with the language when the sender asks for it.
pub fn encode_in(c: &Calculation, lang: Option<Lang>) -> String {
    let mut parts = vec![format!("v={VERSION}")];
    if let Some(l) = lang {
        parts.push(format!("lang={}", l.key()));
    }
    match c.mode {
        Mode::Ops => {}
        Mode::Layers => parts.push("mode=layers".into()),
        Mode::Params => parts.push("mode=6nd".into()),
        Mode::Transformer => parts.push("mode=transformer".into()),
    }
    if c.per == Per::Flop {
        parts.push("per=flop".into());
    }
    if c.quiz {
        parts.push("quiz=1".into());
    }
    for side in Side::BOTH {
        if c.is_example(side) {
            parts.push(format!("eg{}={}", side.key(), encode_component(&c.example[side as usize])));
        }
    }
    if c.basis != Basis::Auto {
        parts.push(format!("basis={}", c.basis.key()));
    }
    if let Some(s) = c.last {
        parts.push(format!("last={}", s.key()));
    }
    if c.target_from_estimate {
        parts.push("tgt=m1".into());
    }
    for f in Field::ALL {
        let v = f.get(c);
        if !v.is_empty() {
            parts.push(format!("{}={}", f.key(), encode_component(v)));
        }
    }
    parts.join("&")
}

/// The keys a link may hold besides the fields'. `tgt=m1`: Method 2's target is Method 1's
/// estimate.
const KEYS: &[&str] = &["v", "lang", "mode", "per", "quiz", "projector", "eg1", "eg2", "basis", "last", "tgt", "embed"];

/// The `<iframe>` that embeds a link's calculation in another page (a course page, an LMS):
/// the calculator and its chart without the page's header, toolbar and footer (`embed=1`),
/// sized to 800 × 600.
pub fn embed_snippet(href: &str, title: &str) -> String {
    let esc = |s: &str| s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    let src = format!("{href}{}embed=1", if href.contains('?') { "&" } else { "?" });
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"800\" height=\"600\" loading=\"lazy\" style=\"border:0;max-width:100%\"></iframe>",
        esc(&src),
        esc(title)
    )
}

/// The longest link read, in bytes of the query; the rest is cut (and said so).
pub(crate) const MAX_LINK_BYTES: usize = 64 * 1024;
/// How many ignored parts are listed one by one; the rest are counted.
pub(crate) const MAX_LISTED: usize = 10;

/// A part of a link that was not used as it stood.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    Version {
        got: String,
    },
    Lang {
        got: String,
    },
    Mode {
        got: String,
    },
    Per {
        got: String,
    },
    /// A display mode (`projector`): the viewer's own choice, not the link's.
    Display {
        key: String,
    },
    /// A value not among a key's (`basis`, `last`, `eg1`, `eg2`, `tgt`).
    Value {
        key: String,
        got: String,
    },
    /// A field that takes one of a closed set of words (`prec`, `gated`, `tied`, `pos`, `bias`,
    /// `conv`: the page offers them in a menu) with another value: left at its default.
    Word {
        field: Field,
        got: String,
    },
    /// A worked example's mark (`eg1`, `eg2`) on values that are not the example's.
    Example {
        key: String,
        id: String,
    },
    /// A switch (`quiz`) with a value other than 1 or 0.
    Switch {
        key: String,
        got: String,
    },
    Unknown {
        key: String,
    },
    /// A key given twice: the first is kept.
    Duplicate {
        key: String,
    },
    /// A value cut to its first `max` characters.
    Cut {
        key: String,
        max: usize,
    },
    /// The link cut to its first `max` bytes.
    LinkCut {
        max: usize,
    },
    /// Further parts not listed one by one.
    More {
        n: usize,
    },
}

impl Ignored {
    pub fn message(&self, lang: Lang) -> String {
        use crate::say;
        match self {
            Ignored::Version { got } => say!(lang, Key::FormatsIgnoredVersion, got = got, version = VERSION),
            Ignored::Lang { got } => say!(lang, Key::FormatsIgnoredLang, got = got),
            Ignored::Mode { got } => say!(lang, Key::FormatsIgnoredMode, got = got),
            Ignored::Per { got } => say!(lang, Key::FormatsIgnoredPer, got = got),
            Ignored::Switch { key, got } => say!(lang, Key::FormatsIgnoredSwitch, key = key, got = got),
            Ignored::Display { key } => say!(lang, Key::FormatsIgnoredDisplay, key = key),
            Ignored::Value { key, got } => say!(lang, Key::FormatsIgnoredValue, key = key, got = got),
            Ignored::Example { key, id } => say!(lang, Key::FormatsIgnoredExample, key = key, id = id),
            Ignored::Word { field, got } => say!(
                lang,
                Key::FormatsIgnoredWord,
                key = field.key(),
                got = got,
                words = words(*field).unwrap_or_default().join(t(lang, Key::FormatsListSep))
            ),
            Ignored::Unknown { key } => say!(lang, Key::FormatsIgnoredUnknown, key = key),
            Ignored::Duplicate { key } => say!(lang, Key::FormatsIgnoredDuplicate, key = key),
            Ignored::Cut { key, max } => say!(lang, Key::FormatsIgnoredCut, key = key, max = max),
            Ignored::LinkCut { max } => say!(lang, Key::FormatsIgnoredLinkcut, kb = max / 1024),
            Ignored::More { n } => say!(lang, Key::FormatsIgnoredMore, n = n),
        }
    }
}

/// A decoded link: the calculation, and what was ignored (for a message).
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    pub calc: Calculation,
    /// The language the sender asked for, if the link names one.
    pub lang: Option<Lang>,
    /// The embedded view (`embed=1`): the calculator and its chart only, for an `<iframe>`.
    pub embed: bool,
    pub ignored: Vec<Ignored>,
}

/// The query part of a link (or the text itself), cut to [`MAX_LINK_BYTES`].
fn query_of(query: &str) -> (&str, bool) {
    let q = query.split_once('?').map_or(query, |(_, q)| q);
    let q = q.split('#').next().unwrap_or("");
    if q.len() <= MAX_LINK_BYTES {
        return (q, false);
    }
    let mut end = MAX_LINK_BYTES;
    while !q.is_char_boundary(end) {
        end -= 1;
    }
    (&q[..end], true)
}

/// Reads a query string (with or without a leading `?`, or a whole URL). Never fails: it keeps
/// what it can use and lists the rest, each kind of problem once, at most `MAX_LISTED` of them.
pub fn decode(query: &str) -> Decoded {
    let (q, cut) = query_of(query);
    let mut c = Calculation::default();
    let mut lang = None;
    let mut embed = false;
    let mut ignored = Vec::new();
    if cut {
        ignored.push(Ignored::LinkCut { max: MAX_LINK_BYTES });
    }
    let mut seen: Vec<String> = Vec::new();
    for part in q.split('&').filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        let key: String = decode_component(k).chars().take(40).collect();
        if seen.contains(&key) {
            let known = Field::from_key(&key).is_some() || KEYS.contains(&key.as_str());
            ignored.push(if known { Ignored::Duplicate { key } } else { Ignored::Unknown { key } });
            continue;
        }
        seen.push(key.clone());
        let val = decode_component(v);
        if key == "lang" {
            match val.as_str() {
                "en" => lang = Some(Lang::En),
                "zh" => lang = Some(Lang::Zh),
                _ => ignored.push(Ignored::Lang { got: val.chars().take(40).collect() }),
            }
        } else if key == "embed" && (val == "1" || val == "0") {
            embed = val == "1";
        } else if key == "embed" {
            ignored.push(Ignored::Switch { key, got: val.chars().take(40).collect() });
        } else if let Some(i) = apply(&mut c, &key, val) {
            ignored.push(i);
        }
    }
    // A worked example's mark says its method holds the example's inputs as printed: a link whose
    // values are not the example's keeps its values, without the mark.
    for side in Side::BOTH {
        let id = std::mem::take(&mut c.example[side as usize]);
        match crate::calculation::examples::find(&id) {
            Some(e) if crate::calculation::examples::holds(&c, e) => c.example[side as usize] = id,
            Some(_) => ignored.push(Ignored::Example { key: format!("eg{}", side.key()), id }),
            None => {}
        }
    }
    Decoded { calc: c, lang, embed, ignored: dedup(ignored) }
}

/// Sets one key of the calculation; what could not be used comes back.
fn apply(c: &mut Calculation, key: &str, val: String) -> Option<Ignored> {
    let got = || val.chars().take(40).collect::<String>();
    match key {
        "v" if val == VERSION.to_string() => None,
        "v" => Some(Ignored::Version { got: got() }),
        "projector" => Some(Ignored::Display { key: key.to_string() }),
        "eg1" | "eg2" => {
            let side = if key == "eg1" { Side::One } else { Side::Two };
            match crate::calculation::examples::find(&val) {
                Some(e) if crate::calculation::examples::example_side(e) == side => {
                    c.example[side as usize] = e.id.to_string();
                    None
                }
                _ => Some(Ignored::Value { key: key.to_string(), got: got() }),
            }
        }
        "basis" => {
            match Basis::from_key(&val) {
                Some(b) => c.basis = b,
                None => return Some(Ignored::Value { key: key.to_string(), got: got() }),
            }
            None
        }
        "last" => {
            c.last = Some(match val.as_str() {
                "1" => Side::One,
                "2" => Side::Two,
                _ => return Some(Ignored::Value { key: key.to_string(), got: got() }),
            });
            None
        }
        "tgt" if val == "m1" => {
            c.target_from_estimate = true;
            None
        }
        "tgt" => Some(Ignored::Value { key: key.to_string(), got: got() }),
        "mode" => {
            c.mode = match val.as_str() {
                "ops" => Mode::Ops,
                "layers" => Mode::Layers,
                "6nd" | "params" => Mode::Params,
                "transformer" => Mode::Transformer,
                _ => return Some(Ignored::Mode { got: got() }),
            };
            None
        }
        "quiz" => {
            c.quiz = match val.as_str() {
                "1" => true,
                "0" => false,
                _ => return Some(Ignored::Switch { key: key.to_string(), got: got() }),
            };
            None
        }
        "per" => {
            c.per = match val.as_str() {
                "mac" => Per::Mac,
                "flop" => Per::Flop,
                _ => return Some(Ignored::Per { got: got() }),
            };
            None
        }
        _ => match Field::from_key(key) {
            Some(f) => set_field(c, f, val),
            None => Some(Ignored::Unknown { key: key.to_string() }),
        },
    }
}

/// The words a field takes, where they are a closed set (the page shows a menu of them): the
/// precisions' keys for `prec`, the architecture's words for the transformer's switches.
pub fn words(f: Field) -> Option<Vec<&'static str>> {
    match f.want() {
        Want::Precision => Some(Precision::ALL.iter().map(|p| p.key()).collect()),
        Want::YesNo | Want::Bias | Want::Convention => Some(crate::model::architecture::options(f.want()).to_vec()),
        _ => None,
    }
}

/// A closed-set field's value as the page's menu writes it (`BF16` or `tensor` is `bf16`, `YES`
/// is `yes`), checked by the field's own reader; `None` when it is none of the field's words.
/// Other fields keep their text as it is (their errors show beside the field).
fn word(f: Field, val: &str) -> Option<String> {
    if val.trim().is_empty() {
        return Some(String::new());
    }
    match f.want() {
        Want::Precision => Precision::parse(val).ok().map(|p| p.key().to_string()),
        w @ (Want::YesNo | Want::Bias | Want::Convention) => {
            crate::model::architecture::check_want(w, val).ok()?;
            crate::model::architecture::options(w)
                .iter()
                .find(|o| o.eq_ignore_ascii_case(val.trim()))
                .map(|o| o.to_string())
        }
        _ => Some(val.to_string()),
    }
}

fn set_field(c: &mut Calculation, f: Field, val: String) -> Option<Ignored> {
    if words(f).is_some() {
        let Some(w) = word(f, &val) else {
            return Some(Ignored::Word { field: f, got: val.chars().take(40).collect() });
        };
        *f.get_mut(c) = w;
        return None;
    }
    // A link gives a field no more than typing can ([`Field::max_chars`]): the rest is cut, and said.
    let max = f.max_chars();
    if val.chars().count() <= max {
        *f.get_mut(c) = val;
        return None;
    }
    *f.get_mut(c) = val.chars().take(max).collect();
    Some(Ignored::Cut { key: f.key().to_string(), max })
}

/// Each ignored part once, in the order first seen; past `MAX_LISTED`, a count.
fn dedup(all: Vec<Ignored>) -> Vec<Ignored> {
    let mut out: Vec<Ignored> = Vec::new();
    let mut more = 0;
    for i in all {
        if out.contains(&i) {
            continue;
        }
        if out.len() < MAX_LISTED {
            out.push(i);
        } else {
            more += 1;
        }
    }
    if more > 0 {
        out.push(Ignored::More { n: more });
    }
    out
}

/// A list of calculations (the saved estimates) as text: one link query per line.
pub fn encode_list(list: &[Calculation]) -> String {
    list.iter().map(encode).collect::<Vec<_>>().join("\n")
}

/// The calculations of [`encode_list`]'s text; unreadable parts of a line are dropped as a link
/// drops them, empty lines skipped, at most `max` kept.
pub fn decode_list(text: &str, max: usize) -> Vec<Calculation> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).take(max).map(|l| decode(l).calc).collect()
}

/// A stored list read back: the calculations, and the lines that are not links this page writes
/// (set aside as they are, never shown as blank rows).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct List {
    pub calcs: Vec<Calculation>,
    pub unreadable: Vec<String>,
}

/// The note beside a stored list that had `n` unreadable lines.
pub fn unreadable_message(n: usize, lang: Lang) -> String {
    let key = if n == 1 { Key::FormatsUnreadableOne } else { Key::FormatsUnreadable };
    crate::say!(lang, key, n = n)
}

/// Reads [`encode_list`]'s text strictly: a line is a calculation when it decodes with nothing
/// ignored and sets something; any other non-empty line is unreadable. At most `max` kept.
pub fn read_list(text: &str, max: usize) -> List {
    let mut out = List::default();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let d = decode(line);
        if d.ignored.is_empty() && d.calc != Calculation::default() {
            if out.calcs.len() < max {
                out.calcs.push(d.calc);
            }
        } else {
            out.unreadable.push(line.to_string());
        }
    }
    out
}
