//! A small CSV reader (RFC 4180 quoting), shared by `build.rs` (which turns the embedded data
//! sets into Rust at build time) and the tests. No dependencies.

/// Splits `text` into records of fields. The first record is the header.
/// Errors name the line: an unterminated quote, or a record whose field count differs from the
/// header's.
pub fn parse(text: &str) -> Result<Vec<Vec<String>>, String> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut field = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut chars = text.chars().peekable();
    let mut in_quotes = false;
    let mut line = 1usize;
    let mut row_line = 1usize;
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => in_quotes = false,
                _ => {
                    if c == '\n' {
                        line += 1;
                    }
                    field.push(c);
                }
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => in_quotes = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                finish(&mut rows, std::mem::take(&mut row), row_line)?;
                line += 1;
                row_line = line;
            }
            _ => field.push(c),
        }
    }
    if in_quotes {
        return Err(format!("line {row_line}: a quoted field is not closed"));
    }
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        finish(&mut rows, row, row_line)?;
    }
    Ok(rows)
}

fn finish(rows: &mut Vec<Vec<String>>, row: Vec<String>, line: usize) -> Result<(), String> {
    if row.len() == 1 && row[0].is_empty() {
        return Ok(()); // blank line
    }
    if let Some(header) = rows.first() {
        if header.len() != row.len() {
            return Err(format!("line {line}: {} fields where the header has {}", row.len(), header.len()));
        }
    }
    rows.push(row);
    Ok(())
}

/// Records as maps from header names, for readable access.
pub struct Table {
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Table {
    pub fn parse(text: &str) -> Result<Table, String> {
        let mut all = parse(text)?;
        if all.is_empty() {
            return Err("no header".into());
        }
        let header = all.remove(0);
        Ok(Table { header, rows: all })
    }

    /// Index of a column, or an error naming it.
    pub fn col(&self, name: &str) -> Result<usize, String> {
        self.header.iter().position(|h| h == name).ok_or_else(|| format!("no column '{name}'"))
    }
}

/// A number cell: empty is none; anything else must be a finite number ≥ 0.
pub fn number(s: &str) -> Result<Option<f64>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    match s.parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 => Ok(Some(v)),
        _ => Err(format!("'{s}' is not a finite non-negative number")),
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
