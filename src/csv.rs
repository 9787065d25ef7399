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
