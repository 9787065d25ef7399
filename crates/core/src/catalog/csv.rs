//! A small CSV reader (RFC 4180 quoting), shared by `build.rs` (which checks the embedded data
//! sets and writes them as tab-separated text at build time), the Epoch reader, the user's imports
//! and the tests; [`table`], the reader of that tab-separated text; and
//! [`cell`], the one writer of a CSV cell, which every CSV the page or the CLI writes goes
//! through. No dependencies.

/// The records of a text, each with the line it starts on (1-based, as an editor shows it),
/// read as far as they go: an unclosed quote or the row cap stops the reading, and says where.
pub struct Records {
    pub rows: Vec<(usize, Vec<String>)>,
    /// The line of a quoted field that is never closed (the text from there on is not read).
    pub unclosed: Option<usize>,
    /// The line at which reading stopped because `max_rows` records had been read.
    pub cut_at: Option<usize>,
    /// The byte at which reading stopped: the start of line `cut_at` (the text's length when all
    /// of it was read), where a later call can go on.
    pub end: usize,
}

/// Splits `text` into records of fields separated by `sep`, skipping blank lines; at most
/// `max_rows` (≥ 1) records. Fields are not counted against the header here ([`parse`] does that).
pub fn records(text: &str, sep: char, max_rows: usize) -> Records {
    let mut out = Records { rows: Vec::new(), unclosed: None, cut_at: None, end: text.len() };
    let mut field = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut chars = text.char_indices().peekable();
    let (mut in_quotes, mut line, mut row_line) = (false, 1usize, 1usize);
    while let Some((at, c)) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek().map(|p| p.1) == Some('"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => {
                    line += usize::from(c == '\n');
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => in_quotes = true,
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                push(&mut out.rows, std::mem::take(&mut row), row_line);
                line += 1;
                row_line = line;
                if out.rows.len() >= max_rows {
                    out.cut_at = chars.clone().any(|(_, c)| !c.is_whitespace()).then_some(line);
                    if out.cut_at.is_some() {
                        out.end = at + 1;
                    }
                    return out;
                }
            }
            c if c == sep => row.push(std::mem::take(&mut field)),
            _ => field.push(c),
        }
    }
    if in_quotes {
        out.unclosed = Some(row_line);
    } else if !field.is_empty() || !row.is_empty() {
        row.push(field);
        push(&mut out.rows, row, row_line);
    }
    out
}

fn push(rows: &mut Vec<(usize, Vec<String>)>, row: Vec<String>, line: usize) {
    if !(row.len() == 1 && row[0].is_empty()) {
        rows.push((line, row)); // not a blank line
    }
}

/// What is wrong with a data file, in English: the line and the problem (the data files are
/// the project's own and checked at build time; a user's file goes through the importer, whose
/// problems have kinds).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError(pub String);

impl std::fmt::Display for DataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DataError {}

impl From<String> for DataError {
    fn from(s: String) -> DataError {
        DataError(s)
    }
}

impl From<DataError> for String {
    fn from(e: DataError) -> String {
        e.0
    }
}

/// Splits comma-separated `text` into records of fields. The first record is the header.
/// Errors name the line: an unterminated quote, or a record whose field count differs from the
/// header's.
///
/// # Errors
///
/// A [`DataError`] naming the line: a quoted field not closed, or a record whose field
/// count differs from the header's.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, DataError> {
    let r = records(text, ',', usize::MAX);
    let width = r.rows.first().map(|(_, h)| h.len());
    for (line, row) in &r.rows {
        if let Some(w) = width.filter(|w| *w != row.len()) {
            return Err(DataError(format!("line {line}: {} fields where the header has {w}", row.len())));
        }
    }
    debug_assert!(r.cut_at.is_none(), "no row cap here");
    if let Some(line) = r.unclosed {
        return Err(DataError(format!("line {line}: a quoted field is not closed")));
    }
    Ok(r.rows.into_iter().map(|(_, row)| row).collect())
}

/// Records as maps from header names, for readable access.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    ///
    /// # Errors
    ///
    /// A [`DataError`] for a text with no header, or as [`parse`] finds one.
    pub fn parse(text: &str) -> Result<Table, DataError> {
        let mut all = parse(text)?;
        if all.is_empty() {
            return Err(DataError("no header".into()));
        }
        let header = all.remove(0);
        Ok(Table { header, rows: all })
    }

    /// Index of a column, or an error naming it.
    ///
    /// # Errors
    ///
    /// A [`DataError`] naming the column when the header has none of that name.
    pub fn col(&self, name: &str) -> Result<usize, DataError> {
        self.header.iter().position(|h| h == name).ok_or_else(|| DataError(format!("no column '{name}'")))
    }
}

/// A number cell: empty is none; anything else must be a finite number ≥ 0.
///
/// # Errors
///
/// A [`DataError`] when the cell is neither empty nor a finite number ≥ 0.
pub fn number(s: &str) -> Result<Option<f64>, DataError> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(DataError(format!("'{s}' is not a finite non-negative number"))),
    }
}

/// A date cell: YYYY-MM or YYYY-MM-DD, years 1900 to 2100.
pub fn is_date(s: &str) -> bool {
    let p: Vec<&str> = s.trim().split('-').collect();
    let n = |i: usize, lo: u32, hi: u32| {
        p.get(i).and_then(|x| x.parse::<u32>().ok()).is_some_and(|v| (lo..=hi).contains(&v))
    };
    (p.len() == 2 || p.len() == 3) && n(0, 1900, 2100) && n(1, 1, 12) && (p.len() == 2 || n(2, 1, 31))
}

/// The characters that make a spreadsheet read a cell as a formula when it starts with one
/// (after any spaces): OWASP's `=`, `+`, `-`, `@`, and their full-width forms, which some
/// spreadsheets in East Asian locales take as the same.
const FORMULA_STARTS: &[char] = &['=', '+', '-', '@', '＝', '＋', '－', '＠'];

/// Whether a spreadsheet could read the text as a formula: it starts with a tab or a carriage
/// return, or with a formula character after white space; a number (`-3`, `-1.5e3`) is not.
pub fn is_formula_like(s: &str) -> bool {
    let risky = s.starts_with(['\t', '\r']) || s.trim_start().starts_with(FORMULA_STARTS);
    risky && !is_plain_number(s)
}

/// A decimal number as the exports write them: an optional sign, digits with an optional
/// fraction, an optional exponent (`-3`, `+0.5`, `-1.5e3`, `1e-7`). No spaces, no `inf`.
pub fn is_plain_number(s: &str) -> bool {
    let b = s.strip_prefix(['+', '-']).unwrap_or(s).as_bytes();
    let digits = |i: usize| b[i.min(b.len())..].iter().take_while(|c| c.is_ascii_digit()).count();
    let int = digits(0);
    let mut i = int;
    let mut frac = 0;
    if b.get(i) == Some(&b'.') {
        frac = digits(i + 1);
        i += 1 + frac;
    }
    if int + frac == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1 + usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
        let e = digits(i);
        if e == 0 {
            return false;
        }
        i += e;
    }
    i == b.len()
}

/// One CSV cell, safe to open in a spreadsheet (OWASP's advice on CSV injection): a text a
/// spreadsheet would run as a formula ([`is_formula_like`]) gets a leading `'` and quotes; any
/// cell holding a separator (comma, semicolon, tab), a quote or a line break is quoted, its
/// quotes doubled. Numbers are written as they are. Every CSV writer uses this.
pub fn cell(s: &str) -> String {
    let formula = is_formula_like(s);
    if formula || s.contains([',', ';', '\t', '"', '\n', '\r']) {
        let quote = if formula { "'" } else { "" };
        format!("\"{quote}{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// The text a cell written by [`cell`] stood for: a leading `'` that [`cell`] put before a
/// formula-like text is taken off (a reader of the app's own exports gets the names back).
pub fn unneutralized(s: &str) -> &str {
    match s.strip_prefix('\'') {
        Some(rest) if is_formula_like(rest) => rest,
        _ => s,
    }
}

/// The rows of a text that build.rs wrote (a header row naming the columns, then tab-separated
/// lines), each row's fields in the order of `names`: read by name, so a reordered column reads
/// the same. A column missing from the header gives no rows (the tests count them).
pub fn table<'a>(text: &'a str, names: &[&str]) -> impl Iterator<Item = Vec<&'a str>> + 'a {
    let mut lines = text.lines();
    let header: Vec<&str> = lines.next().unwrap_or("").split('\t').collect();
    let at: Option<Vec<usize>> = names.iter().map(|n| header.iter().position(|h| h == n)).collect();
    let width = header.len();
    let rows = at.map(|at| {
        lines
            .map(|line| line.split('\t').collect::<Vec<_>>())
            .filter(move |f| f.len() == width)
            .map(move |f| at.iter().map(|&i| f[i]).collect())
    });
    rows.into_iter().flatten()
}
