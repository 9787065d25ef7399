//! A small, strict JSON reader (RFC 8259) for pasted model configs: objects, arrays, strings
//! with every escape (surrogate pairs included), numbers, `true`, `false`, `null`. Nothing
//! beyond the RFC is accepted (no comments, no trailing commas, no NaN). Nesting is limited to
//! [`MAX_DEPTH`] levels and the text to [`MAX_BYTES`], so no input can exhaust the stack or the
//! page. A key repeated in an object is refused (RFC 8259 leaves which one counts open). Errors
//! carry a kind and the line and column (1-based, in characters) where they are.

use crate::say;
use crate::text::i18n::{t, Key, Lang};

/// The deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 64;
/// The longest text accepted, in bytes (1 MB).
pub const MAX_BYTES: usize = 1_000_000;

/// A JSON value. An object keeps its members in the order written.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object ([`parse`] refuses an object that repeats a key; one built
    /// in code with a repeated key gives the last).
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Obj(m) => m.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Json::Num(n) => Some(*n),
            _ => None,
        }
    }
    pub fn as_bool(&self) -> Option<bool> {
        match self {
            Json::Bool(b) => Some(*b),
            _ => None,
        }
    }
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::Str(s) => Some(s),
            _ => None,
        }
    }
    /// What kind of value this is, for messages.
    pub fn kind(&self, lang: Lang) -> &'static str {
        let key = match self {
            Json::Null => return "null",
            Json::Bool(_) => Key::ModelJsonBool,
            Json::Num(_) => Key::ModelJsonNumber,
            Json::Str(_) => Key::ModelJsonString,
            Json::Arr(_) => Key::ModelJsonArray,
            Json::Obj(_) => Key::ModelJsonObject,
        };
        t(lang, key)
    }
}

/// What is wrong with a text that is not JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Nothing but white space.
    Empty,
    /// Longer than [`MAX_BYTES`].
    TooLong { bytes: usize },
    /// The text stops inside a value.
    EndsEarly,
    /// Something else stands where this was expected.
    Expected(Expect),
    /// A comma right before '}' or ']'.
    TrailingComma,
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// A backslash escape that JSON does not have.
    BadEscape,
    /// A \uXXXX escape that is half a surrogate pair.
    LoneSurrogate,
    /// A raw control character (such as a line break) inside a string.
    ControlInString,
    /// A number out of the range of a double (1e400).
    NumberTooLarge,
    /// More text after the value.
    Trailing,
    /// A key written twice in one object (the text of the key, shortened): which one counts is
    /// not said by JSON, so neither is taken.
    DuplicateKey(String),
}

/// Why a text is not JSON, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub kind: JsonErrorKind,
    pub line: usize,
    pub column: usize,
}

/// What the reader expected where something else stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    Value,
    Digit,
    Colon,
    /// `,` or `]`.
    CommaOrBracket,
    /// `,` or `}`.
    CommaOrBrace,
    /// A member's name, in double quotes.
    Name,
}

impl Expect {
    fn key(self) -> Key {
        match self {
            Expect::Value => Key::ModelJsonExpectedValue,
            Expect::Digit => Key::ModelJsonExpectedDigit,
            Expect::Colon => Key::ModelJsonExpectedColon,
            Expect::CommaOrBracket => Key::ModelJsonExpectedCommaBracket,
            Expect::CommaOrBrace => Key::ModelJsonExpectedCommaBrace,
            Expect::Name => Key::ModelJsonExpectedName,
        }
    }
}

impl JsonError {
    pub fn message(&self, lang: Lang) -> String {
        let (l, c) = (self.line, self.column);
        let not = |what: String| say!(lang, Key::ModelJsonNot, l = l, c = c, what = what);
        let plain = |key: Key| not(t(lang, key).to_string());
        match &self.kind {
            JsonErrorKind::Empty => t(lang, Key::ModelJsonEmpty).to_string(),
            JsonErrorKind::TooLong { bytes } => say!(lang, Key::ModelJsonTooLong, bytes = bytes, max = MAX_BYTES),
            JsonErrorKind::EndsEarly => say!(lang, Key::ModelJsonEndsEarly, l = l, c = c),
            JsonErrorKind::Expected(what) => not(say!(lang, Key::ModelJsonExpected, what = t(lang, what.key()))),
            JsonErrorKind::TrailingComma => plain(Key::ModelJsonTrailingComma),
            JsonErrorKind::TooDeep => not(say!(lang, Key::ModelJsonTooDeep, max = MAX_DEPTH)),
            JsonErrorKind::BadEscape => plain(Key::ModelJsonBadEscape),
            JsonErrorKind::LoneSurrogate => plain(Key::ModelJsonLoneSurrogate),
            JsonErrorKind::ControlInString => plain(Key::ModelJsonControl),
            JsonErrorKind::NumberTooLarge => plain(Key::ModelJsonNumberTooLarge),
            JsonErrorKind::Trailing => plain(Key::ModelJsonTrailing),
            JsonErrorKind::DuplicateKey(key) => say!(lang, Key::ModelJsonDuplicate, l = l, c = c, key = key),
        }
    }
}

impl std::fmt::Display for JsonError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// Reads a JSON text. Never panics; a leading byte-order mark is skipped.
///
/// # Errors
///
/// A [`JsonError`] with its position: the text is over `MAX_BYTES`, nested too deep, or not JSON.
pub fn parse(text: &str) -> Result<Json, JsonError> {
    let mut p = Parser { text, bytes: text.as_bytes(), pos: 0 };
    if text.len() > MAX_BYTES {
        return Err(p.error(JsonErrorKind::TooLong { bytes: text.len() }));
    }
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.skip_ws();
    if p.pos >= p.bytes.len() {
        return Err(p.error(JsonErrorKind::Empty));
    }
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error(JsonErrorKind::Trailing));
    }
    Ok(v)
}

impl Parser<'_> {
    /// An error at the current position (line and column counted in characters).
    fn error(&self, kind: JsonErrorKind) -> JsonError {
        let pos = self.pos.min(self.text.len());
        let before = self.text.get(..pos).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[start..].chars().count() + 1;
        JsonError { kind, line, column }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// An error for something unexpected here, or for the end of the text.
    fn expected(&self, what: Expect) -> JsonError {
        match self.peek() {
            None => self.error(JsonErrorKind::EndsEarly),
            Some(_) => self.error(JsonErrorKind::Expected(what)),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, JsonError> {
        match self.peek() {
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'n') => self.word("null", Json::Null),
            _ => Err(self.expected(Expect::Value)),
        }
    }

    fn word(&mut self, w: &'static str, v: Json) -> Result<Json, JsonError> {
        for b in w.bytes() {
            if self.peek() != Some(b) {
                return Err(self.expected(Expect::Value));
            }
            self.pos += 1;
        }
        Ok(v)
    }

    /// After a ',' in a container: a closing bracket here is a trailing comma.
    fn no_trailing_comma(&self, close: u8) -> Result<(), JsonError> {
        if self.peek() == Some(close) {
            return Err(self.error(JsonErrorKind::TrailingComma));
        }
        Ok(())
    }

    fn array(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Arr(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    self.no_trailing_comma(b']')?;
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Arr(items));
                }
                _ => return Err(self.expected(Expect::CommaOrBracket)),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, JsonError> {
        if depth > MAX_DEPTH {
            return Err(self.error(JsonErrorKind::TooDeep));
        }
        self.pos += 1;
        let mut members = Vec::new();
        let mut keys = std::collections::HashSet::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Obj(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.expected(Expect::Name));
            }
            let at = self.pos;
            let key = self.string()?;
            if !keys.insert(key.clone()) {
                self.pos = at;
                return Err(self.error(JsonErrorKind::DuplicateKey(crate::calculation::field::excerpt(&key))));
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.expected(Expect::Colon));
            }
            self.pos += 1;
            self.skip_ws();
            members.push((key, self.value(depth)?));
            self.skip_ws();
            match self.peek() {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    self.no_trailing_comma(b'}')?;
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Obj(members));
                }
                _ => return Err(self.expected(Expect::CommaOrBrace)),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Json, JsonError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        if self.peek() == Some(b'0') {
            self.pos += 1;
        } else if self.digits() == 0 {
            return Err(self.expected(Expect::Digit));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.expected(Expect::Digit));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.expected(Expect::Digit));
            }
        }
        let v: f64 = self.text[start..self.pos].parse().unwrap_or(f64::INFINITY);
        if !v.is_finite() {
            self.pos = start;
            return Err(self.error(JsonErrorKind::NumberTooLarge));
        }
        Ok(Json::Num(v))
    }

    /// Four hex digits of a \u escape.
    fn hex4(&mut self) -> Result<u32, JsonError> {
        let h = self.text.get(self.pos..self.pos + 4).filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match h.and_then(|h| u32::from_str_radix(h, 16).ok()) {
            Some(v) => {
                self.pos += 4;
                Ok(v)
            }
            None if self.pos + 4 > self.bytes.len() => Err(self.error(JsonErrorKind::EndsEarly)),
            None => Err(self.error(JsonErrorKind::BadEscape)),
        }
    }

    /// The character of a \u escape, pairing surrogates; `pos` is after the 'u'.
    fn unicode(&mut self, esc: usize) -> Result<char, JsonError> {
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if self.text.get(self.pos..self.pos + 2) != Some("\\u") {
                self.pos = esc;
                return Err(self.error(JsonErrorKind::LoneSurrogate));
            }
            self.pos += 2;
            let lo = self.hex4()?;
            if !(0xDC00..0xE000).contains(&lo) {
                self.pos = esc;
                return Err(self.error(JsonErrorKind::LoneSurrogate));
            }
            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
        } else {
            hi
        };
        char::from_u32(code).ok_or_else(|| {
            self.pos = esc;
            self.error(JsonErrorKind::LoneSurrogate)
        })
    }

    fn escape(&mut self, out: &mut String) -> Result<(), JsonError> {
        let esc = self.pos;
        self.pos += 1;
        let c = match self.peek() {
            None => return Err(self.error(JsonErrorKind::EndsEarly)),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.pos += 1;
                out.push(self.unicode(esc)?);
                return Ok(());
            }
            Some(_) => {
                self.pos = esc;
                return Err(self.error(JsonErrorKind::BadEscape));
            }
        };
        self.pos += 1;
        out.push(c);
        Ok(())
    }

    fn string(&mut self) -> Result<String, JsonError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let run = self.pos;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.pos += 1;
            }
            out.push_str(&self.text[run..self.pos]);
            match self.peek() {
                None => return Err(self.error(JsonErrorKind::EndsEarly)),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => self.escape(&mut out)?,
                Some(_) => return Err(self.error(JsonErrorKind::ControlInString)),
            }
        }
    }
}

impl Json {
    /// The JSON text of the value, indented by two spaces per level; numbers that are not
    /// finite are written `null` (JSON has no NaN or infinity).
    pub fn pretty(&self) -> String {
        let mut out = String::new();
        self.write(&mut out, 0);
        out
    }

    fn write(&self, out: &mut String, depth: usize) {
        let pad = |out: &mut String, d: usize| {
            out.push('\n');
            out.push_str(&"  ".repeat(d));
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(n) if n.is_finite() => out.push_str(&format!("{n:?}")),
            Json::Num(_) => out.push_str("null"),
            Json::Str(s) => write_str(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Obj(members) if members.is_empty() => out.push_str("{}"),
            Json::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    out.push_str(if i == 0 { "" } else { "," });
                    pad(out, depth + 1);
                    v.write(out, depth + 1);
                }
                pad(out, depth);
                out.push(']');
            }
            Json::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    out.push_str(if i == 0 { "" } else { "," });
                    pad(out, depth + 1);
                    write_str(out, k);
                    out.push_str(": ");
                    v.write(out, depth + 1);
                }
                pad(out, depth);
                out.push('}');
            }
        }
    }
}

/// A JSON string literal: quotes, backslashes and control characters escaped.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

impl std::error::Error for JsonError {}
