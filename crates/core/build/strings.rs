//! The language files (`lang/<code>.txt`, one `key = value` line per string) turned into Rust at
//! build time: a typed [`Key`] per line of the English file and one table per language, indexed
//! by the key. A key missing from a language, a key only one language has, a placeholder one
//! language lacks, or a line that is not `key = value` stops the build with its file and line.

use std::collections::{BTreeSet, HashMap};

/// The languages the page and the CLI speak, the reference first: the file names under `lang/`.
pub const LANGS: &[&str] = &["en", "zh"];

/// One language file: its keys in order with their values.
struct File {
    path: String,
    rows: Vec<(String, String, usize)>,
}

/// Reads `lang/<code>.txt`: `#` comments and blank lines skipped; `\n`, `\s` (a space, for a value
/// that starts or ends with one) and `\\` unescaped.
fn read(code: &str) -> Result<File, String> {
    let path = format!("lang/{code}.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut rows = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (key, value) = line.split_once(" = ").ok_or(format!("{path}:{}: not `key = value`", i + 1))?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b)) {
            return Err(format!("{path}:{}: the key {key:?} is not lowercase words joined by . _ -", i + 1));
        }
        rows.push((key.to_string(), unescape(value), i + 1));
    }
    Ok(File { path, rows })
}

fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some('s') => out.push(' '),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            (c, false) => out.push(c),
        }
    }
    out
}

/// The `{name}` placeholders of a value.
fn placeholders(s: &str) -> BTreeSet<&str> {
    s.split('{')
        .skip(1)
        .filter_map(|p| p.split_once('}').map(|(n, _)| n))
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'))
        .collect()
}

/// A value as the pseudo-language shows it: its text bracketed ⟦…⟧, its `{name}` placeholders
/// left outside the brackets, so that what fills them is checked as well (a word written in code
/// and passed as a value shows outside the brackets too).
fn pseudo(value: &str) -> String {
    let (mut out, mut text, mut rest) = (String::new(), String::new(), value);
    let bracket = |out: &mut String, text: &mut String| {
        if !text.is_empty() {
            *out += &format!("⟦{text}⟧");
            text.clear();
        }
    };
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let name = after.split_once('}').map(|(n, _)| n).filter(|n| placeholders(&format!("{{{n}}}")).contains(n));
        match name {
            Some(n) => {
                text.push_str(&rest[..open]);
                bracket(&mut out, &mut text);
                out += &format!("{{{n}}}");
                rest = &after[n.len() + 1..];
            }
            None => {
                text.push_str(&rest[..=open]);
                rest = after;
            }
        }
    }
    text.push_str(rest);
    bracket(&mut out, &mut text);
    out
}

/// `app.title` → `AppTitle`.
fn variant(key: &str) -> String {
    key.split(['.', '_', '-']).map(|w| w[..1].to_uppercase() + &w[1..]).collect()
}

/// Checks every language against the reference and writes `strings.rs` into `out`.
pub fn generate(out: &str) -> Result<(), String> {
    let files = LANGS.iter().map(|c| read(c)).collect::<Result<Vec<_>, _>>()?;
    let reference = &files[0];
    let mut seen: HashMap<String, &str> = HashMap::new();
    for (k, _, line) in &reference.rows {
        if let Some(other) = seen.insert(variant(k), k) {
            return Err(format!("{}:{line}: the key {k} names the same variant as {other}", reference.path));
        }
    }
    let mut code = String::new();
    // The CLI's own strings (`cli.…`) are a second enum with its own tables, so the page, which
    // never names one, does not carry them.
    for (name, doc, cli) in
        [("Key", "A visible string of the core and the page", false), ("CliKey", "A string only the CLI shows", true)]
    {
        let rows: Vec<usize> =
            (0..reference.rows.len()).filter(|&i| reference.rows[i].0.starts_with("cli.") == cli).collect();
        code += &key_enum(name, doc, rows.iter().map(|&i| reference.rows[i].0.as_str()));
        let prefix = if cli { "CLI_" } else { "" };
        code += &table(&format!("{prefix}NAMES"), rows.iter().map(|&i| reference.rows[i].0.as_str()))?;
        for f in &files {
            let values = aligned(reference, f)?;
            let lang = f.path["lang/".len()..f.path.len() - 4].to_uppercase();
            code += &table(&format!("{prefix}{lang}"), rows.iter().map(|&i| values[i]))?;
        }
        let pseudo: Vec<String> = rows.iter().map(|&i| pseudo(&reference.rows[i].1)).collect();
        code += "#[cfg(feature = \"pseudo\")]\n";
        code += &table(&format!("{prefix}PSEUDO"), pseudo.iter().map(String::as_str))?;
    }
    std::fs::write(format!("{out}/strings.rs"), code).map_err(|e| e.to_string())
}

/// An enum of keys, with `ALL` and `name()`, reading the names from its `NAMES` table.
fn key_enum<'a>(name: &str, doc: &str, keys: impl Iterator<Item = &'a str> + Clone) -> String {
    let names = if name == "Key" { "NAMES" } else { "CLI_NAMES" };
    let mut code = format!("/// {doc}: one line of every language file.\n#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]\npub enum {name} {{\n");
    for k in keys.clone() {
        code += &format!("    /// `{k}`\n    {},\n", variant(k));
    }
    code += &format!("}}\n\nimpl {name} {{\n    /// Every key, in the English file's order.\n    pub const ALL: &'static [{name}] = &[");
    code += &keys.map(|k| format!("{name}::{}", variant(k))).collect::<Vec<_>>().join(", ");
    code += &format!("];\n    /// The key as the language files write it.\n    pub fn name(self) -> &'static str {{\n        {names}.get(self as usize)\n    }}\n}}\n\n");
    code
}

/// `f`'s values in the reference's key order, or what is missing, extra or unlike.
fn aligned<'a>(reference: &File, f: &'a File) -> Result<Vec<&'a str>, String> {
    let by_key: HashMap<&str, (&str, usize)> = f.rows.iter().map(|(k, v, l)| (k.as_str(), (v.as_str(), *l))).collect();
    if by_key.len() != f.rows.len() {
        let mut s = BTreeSet::new();
        let dup = f.rows.iter().find(|r| !s.insert(&r.0)).unwrap();
        return Err(format!("{}:{}: the key {} appears twice", f.path, dup.2, dup.0));
    }
    let keys: BTreeSet<&str> = reference.rows.iter().map(|r| r.0.as_str()).collect();
    if let Some((k, _, line)) = f.rows.iter().find(|r| !keys.contains(r.0.as_str())) {
        return Err(format!("{}:{line}: the key {k} is not in {}", f.path, reference.path));
    }
    let mut values = Vec::new();
    for (k, en, line) in &reference.rows {
        let Some((v, vline)) = by_key.get(k.as_str()) else {
            return Err(format!("{}: no {k} (it is at {}:{line})", f.path, reference.path));
        };
        if v.trim().is_empty() {
            return Err(format!("{}:{vline}: {k} is empty", f.path));
        }
        if placeholders(v) != placeholders(en) {
            return Err(format!(
                "{}:{vline}: {k} has the placeholders {:?}, {} has {:?}",
                f.path,
                placeholders(v),
                reference.path,
                placeholders(en)
            ));
        }
        values.push(*v);
    }
    Ok(values)
}

/// One language's table: its texts end to end in one string and where each ends (two bytes a
/// string, not a pointer and a length: a quarter of the size in the wasm).
fn table<'a>(name: &str, values: impl Iterator<Item = &'a str>) -> Result<String, String> {
    let (mut text, mut ends) = (String::new(), Vec::new());
    for v in values {
        text.push_str(v);
        ends.push(
            u16::try_from(text.len())
                .map_err(|_| format!("the strings of {name} pass 64 KB: make the table's ends u32"))?,
        );
    }
    let ends: Vec<String> = ends.iter().map(u16::to_string).collect();
    Ok(format!("pub(crate) static {name}: Table = Table {{ text: {text:?}, ends: &[{}] }};\n\n", ends.join(", ")))
}
