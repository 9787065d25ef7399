//! A small, strict JSON reader (RFC 8259) for pasted model configs: objects, arrays, strings
//! with every escape (surrogate pairs included), numbers, `true`, `false`, `null`. Nothing
//! beyond the RFC is accepted (no comments, no trailing commas, no NaN). Nesting is limited to
//! [`MAX_DEPTH`] levels and the text to [`MAX_BYTES`], so no input can exhaust the stack or the
//! page. A key repeated in an object is refused (RFC 8259 leaves which one counts open). Errors
//! carry a kind and the line and column (1-based, in characters) where they are.

use crate::text::i18n::{tr, Lang};

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
        match self {
            Json::Null => "null",
            Json::Bool(_) => tr(lang, "true or false", "true 或 false"),
            Json::Num(_) => tr(lang, "a number", "数字"),
            Json::Str(_) => tr(lang, "a string", "字符串"),
            Json::Arr(_) => tr(lang, "an array", "数组"),
            Json::Obj(_) => tr(lang, "an object", "对象"),
        }
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
    /// Something else stands where one of these was expected (e.g. "',' or '}'").
    Expected(&'static str),
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

impl JsonError {
    pub fn message(&self, lang: Lang) -> String {
        let (l, c) = (self.line, self.column);
        let at = tr(lang, format!("at line {l}, column {c}"), format!("（第 {l} 行，第 {c} 列）"));
        let not = |en: &str, zh: &str| tr(lang, format!("not JSON: {en} {at}"), format!("不是 JSON：{zh}{at}"));
        match &self.kind {
            JsonErrorKind::Empty => {
                tr(lang, "the text is empty: paste a JSON config".into(), "文本为空：请粘贴 JSON 配置".into())
            }
            JsonErrorKind::TooLong { bytes } => tr(
                lang,
                format!("the text is {bytes} bytes, over the limit of {MAX_BYTES} bytes"),
                format!("文本有 {bytes} 字节，超过 {MAX_BYTES} 字节的上限"),
            ),
            JsonErrorKind::EndsEarly => tr(
                lang,
                format!("the text ends too early (line {l}, column {c}): is the paste cut off?"),
                format!("文本提前结束（第 {l} 行，第 {c} 列）：粘贴的内容是否不完整？"),
            ),
            JsonErrorKind::Expected(what) => {
                not(&format!("expected {what}"), &format!("此处应为{}", expected_zh(what)))
            }
            JsonErrorKind::TrailingComma => not("a comma before the closing bracket", "右括号前多了逗号"),
            JsonErrorKind::TooDeep => {
                not(&format!("nested deeper than {MAX_DEPTH} levels"), &format!("嵌套超过 {MAX_DEPTH} 层"))
            }
            JsonErrorKind::BadEscape => not("an unknown escape after '\\'", "“\\”后是未知的转义"),
            JsonErrorKind::LoneSurrogate => not("half of a \\u surrogate pair", "\\u 代理对不完整"),
            JsonErrorKind::ControlInString => {
                not("a line break or control character inside a string", "字符串中有换行或控制字符")
            }
            JsonErrorKind::NumberTooLarge => not("a number too large for a double", "数字超出双精度范围"),
            JsonErrorKind::Trailing => not("more text after the value", "值之后还有多余的文本"),
            JsonErrorKind::DuplicateKey(key) => crate::trf!(
                lang,
                "the key \"{key}\" is repeated at line {l}, column {c}: keep one of them",
                "键“{key}”在第 {l} 行第 {c} 列重复出现：请只保留一个"
            ),
        }
    }
}

/// The Chinese of an [`JsonErrorKind::Expected`] text.
fn expected_zh(what: &str) -> &'static str {
    match what {
        "a value" => "一个值",
        "a digit" => "数字",
        "':'" => "“:”",
        "',' or ']'" => "“,”或“]”",
        "',' or '}'" => "“,”或“}”",
        "a name in double quotes" => "双引号括起的名称",
        _ => "别的内容",
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
    fn expected(&self, what: &'static str) -> JsonError {
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
            _ => Err(self.expected("a value")),
        }
    }

    fn word(&mut self, w: &'static str, v: Json) -> Result<Json, JsonError> {
        for b in w.bytes() {
            if self.peek() != Some(b) {
                return Err(self.expected("a value"));
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
                _ => return Err(self.expected("',' or ']'")),
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
                return Err(self.expected("a name in double quotes"));
            }
            let at = self.pos;
            let key = self.string()?;
            if !keys.insert(key.clone()) {
                self.pos = at;
                return Err(self.error(JsonErrorKind::DuplicateKey(crate::calculation::field::excerpt(&key))));
            }
            self.skip_ws();
            if self.peek() != Some(b':') {
                return Err(self.expected("':'"));
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
                _ => return Err(self.expected("',' or '}'")),
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
            return Err(self.expected("a digit"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if self.digits() == 0 {
                return Err(self.expected("a digit"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if self.digits() == 0 {
                return Err(self.expected("a digit"));
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
