//! The user's own data: a CSV file with a header row naming a name, a date and a compute column
//! (FLOP or pfs-days), in English or Chinese, or one of Epoch AI's downloads as it is. Bad rows
//! become problems naming their line while the good rows still load; rows with no compute (as
//! Epoch's files have many) are skipped and counted. [`to_csv`] writes rows back out.
//!
//! Work is bounded: at most [`MAX_BYTES`] of text and [`MAX_ROWS`] rows are read, and a problem
//! says where the reading stopped.

use crate::catalog::csv;
use crate::catalog::data::{DatasetId, Model};
use crate::language::date::{Date, DateError};
use crate::language::expr::{self, Dim};
use crate::language::units::PFS_DAY;
use crate::text::i18n::{t, Key, Lang};

/// The most text read: 5 MiB (Epoch AI's full download is about 3 MB).
pub const MAX_BYTES: usize = 5 * 1024 * 1024;
/// The most data rows read (the header not counted).
pub const MAX_ROWS: usize = 100_000;
/// The longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// A column the importer looks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Name,
    Date,
    Flop,
    PfsDays,
}

impl Column {
    pub const ALL: [Column; 4] = [Column::Name, Column::Date, Column::Flop, Column::PfsDays];

    /// The header names accepted for the column, those of every language (case, spaces and
    /// punctuation are ignored, so `Publication date` and `publication_date` are one name).
    pub fn accepted(self) -> Vec<&'static str> {
        let key = match self {
            Column::Name => Key::CatalogImportAcceptedName,
            Column::Date => Key::CatalogImportAcceptedDate,
            Column::Flop => Key::CatalogImportAcceptedFlop,
            Column::PfsDays => Key::CatalogImportAcceptedPfsDays,
        };
        [Lang::En, Lang::Zh].into_iter().flat_map(|l| t(l, key).split('|')).collect()
    }

    /// The column's name in messages.
    pub fn label(self, lang: Lang) -> &'static str {
        t(
            lang,
            match self {
                Column::Name => Key::CatalogImportColumnName,
                Column::Date => Key::CatalogImportColumnDate,
                Column::Flop => Key::CatalogImportColumnFlop,
                Column::PfsDays => Key::CatalogImportColumnPfsDays,
            },
        )
    }

    fn matches(self, header: &str) -> bool {
        let k = key(header);
        !k.is_empty() && self.accepted().iter().any(|a| key(a) == k)
    }
}

/// A header name reduced to its letters and digits, lower-cased: "Training compute (FLOP)" and
/// "training_compute_flop" are both "trainingcomputeflop".
fn key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Why a row (or the whole text) could not be read.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportError {
    /// The text is empty.
    Empty,
    /// No header row names the columns needed; `found` is the first row's cells (shortened).
    Header {
        missing: Vec<Column>,
        found: Vec<String>,
    },
    /// The text is over [`MAX_BYTES`]; reading stopped at the end of the last whole line before.
    TooLarge {
        bytes: usize,
    },
    /// Over [`MAX_ROWS`] rows; the rows from this problem's line on were not read.
    TooManyRows,
    /// A quoted field opens on this line and is never closed; the rest of the text was not read.
    UnclosedQuote,
    /// The row has fewer fields than the columns used need.
    TooFewFields {
        found: usize,
        needed: usize,
    },
    /// The row has more fields than the header (often an unquoted comma in a name).
    TooManyFields {
        found: usize,
        header: usize,
    },
    NoName,
    NameTooLong {
        chars: usize,
    },
    NoDate,
    Date(DateError),
    /// A compute cell that is not a number (or an amount of operations).
    Number {
        column: Column,
        text: String,
    },
    /// A compute of zero or below: a log chart cannot show it.
    NotPositive {
        column: Column,
        text: String,
    },
    /// Nothing to install: no row could be read.
    NoRows,
}

/// A problem and the line it is on (1-based, as a text editor shows it).
#[derive(Clone, Debug, PartialEq)]
pub struct RowProblem {
    pub line: usize,
    pub kind: ImportError,
}

/// One imported point.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedRow {
    pub name: String,
    pub date: Date,
    /// The date as a fractional year ([`Date::years`]).
    pub years: f64,
    /// Training compute in FLOP (> 0, finite).
    pub flop: f64,
    pub line: usize,
}

/// Which header cells were used, as the file writes them, and the separator found.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct ColumnsUsed {
    pub separator: char,
    pub name: Option<String>,
    pub date: Option<String>,
    pub flop: Option<String>,
    pub pfs_days: Option<String>,
}

/// The outcome of an import: the rows read, the problems, and what was skipped.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Imported {
    pub rows: Vec<ImportedRow>,
    pub problems: Vec<RowProblem>,
    pub columns: ColumnsUsed,
    /// Rows whose compute cell is empty (skipped, not errors).
    pub skipped_no_compute: usize,
}

#[derive(Clone, Copy, Debug, Default)]
struct Indices {
    /// The header's field count.
    width: usize,
    name: usize,
    date: usize,
    flop: Option<usize>,
    pfs: Option<usize>,
}

/// Reads a CSV text (comma, semicolon or tab separated, with a header row). Never panics.
pub fn import(text: &str) -> Imported {
    let mut importer = Importer::new(text);
    while !importer.step(usize::MAX) {}
    importer.finish()
}

/// An import done a slice of rows at a time (the page yields to the browser between slices):
/// [`Importer::step`] until it says it is done, then [`Importer::finish`]. The outcome is
/// [`import`]'s.
pub struct Importer<'a> {
    /// The text to read (capped, without its byte-order mark), and where reading is.
    text: &'a str,
    at: usize,
    /// The line `at` is on.
    line: usize,
    /// Data rows read so far (the header not counted).
    rows_read: usize,
    /// The header's columns, once found (none before, or when the header names too few).
    columns: Option<Indices>,
    done: bool,
    out: Imported,
}

impl<'a> Importer<'a> {
    /// Reads the header row; the rows are read by [`Importer::step`].
    pub fn new(text: &'a str) -> Importer<'a> {
        let mut out = Imported::default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let text = cap_size(text, &mut out.problems);
        out.columns.separator = separator(text);
        let mut importer = Importer { text, at: 0, line: 1, rows_read: 0, columns: None, done: false, out };
        let header = importer.read(1);
        match header.rows.first() {
            None => {
                let line = header.unclosed.unwrap_or(1);
                importer.out.problems.push(RowProblem { line, kind: ImportError::Empty });
            }
            Some((line, cells)) => match find_columns(cells, &mut importer.out.columns) {
                Err(kind) => importer.out.problems.push(RowProblem { line: *line, kind }),
                Ok(idx) => importer.columns = Some(idx),
            },
        }
        importer.ended(&header, false);
        importer
    }

    /// Reads up to `rows` more rows (at least one); true when the text is read to its end.
    pub fn step(&mut self, rows: usize) -> bool {
        if !self.done {
            let records = self.read(rows.min(MAX_ROWS.saturating_sub(self.rows_read)).max(1));
            self.rows_read += records.rows.len();
            if let Some(idx) = self.columns {
                read_rows(&records.rows, idx, &mut self.out);
            }
            self.ended(&records, self.rows_read >= MAX_ROWS);
        }
        self.done
    }

    /// How far reading is: bytes read and bytes in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.at, self.text.len())
    }

    /// What was read, the problems in the order of their lines.
    pub fn finish(mut self) -> Imported {
        self.out.problems.sort_by_key(|p| p.line);
        self.out
    }

    /// The next `max` records from where reading is, their lines counted from the start.
    fn read(&mut self, max: usize) -> csv::Records {
        let mut r = csv::records(&self.text[self.at..], self.out.columns.separator, max);
        let shift = self.line - 1;
        for (line, _) in &mut r.rows {
            *line += shift;
        }
        r.unclosed = r.unclosed.map(|l| l + shift);
        r.cut_at = r.cut_at.map(|l| l + shift);
        self.at += r.end;
        self.line = r.cut_at.unwrap_or(self.line);
        r
    }

    /// After a read: done at the end of the text (an unclosed quote said), or at the row cap
    /// (`capped`) with rows left (said too).
    fn ended(&mut self, r: &csv::Records, capped: bool) {
        match r.cut_at {
            None => {
                if let Some(line) = r.unclosed {
                    self.out.problems.push(RowProblem { line, kind: ImportError::UnclosedQuote });
                }
                self.done = true;
            }
            Some(line) if capped => {
                self.out.problems.push(RowProblem { line, kind: ImportError::TooManyRows });
                self.done = true;
            }
            Some(_) => {}
        }
    }
}

fn read_rows(rows: &[(usize, Vec<String>)], idx: Indices, out: &mut Imported) {
    out.rows.reserve(rows.len());
    for (line, cells) in rows {
        match read_row(cells, idx, *line) {
            Ok(Some(row)) => out.rows.push(row),
            Ok(None) => out.skipped_no_compute += 1,
            Err(kind) => out.problems.push(RowProblem { line: *line, kind }),
        }
    }
}

/// Keeps the text to [`MAX_BYTES`], cut at the end of a line, with a problem if it was cut.
fn cap_size<'a>(text: &'a str, problems: &mut Vec<RowProblem>) -> &'a str {
    if text.len() <= MAX_BYTES {
        return text;
    }
    let mut end = MAX_BYTES;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let end = text[..end].rfind('\n').map_or(0, |i| i + 1);
    let line = 1 + text[..end].matches('\n').count();
    problems.push(RowProblem { line, kind: ImportError::TooLarge { bytes: text.len() } });
    &text[..end]
}

/// The separator of the first line: tab or semicolon where they outnumber commas.
fn separator(text: &str) -> char {
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let count = |c: char| first.matches(c).count();
    let (commas, tabs, semis) = (count(','), count('\t'), count(';'));
    if tabs > commas && tabs >= semis {
        '\t'
    } else if semis > commas {
        ';'
    } else {
        ','
    }
}

fn find_columns(header: &[String], used: &mut ColumnsUsed) -> Result<Indices, ImportError> {
    let find = |c: Column| header.iter().position(|h| c.matches(h));
    let [name, date, flop, pfs] = Column::ALL.map(find);
    let cell = |i: Option<usize>| i.map(|i| header[i].trim().to_string());
    (used.name, used.date, used.flop, used.pfs_days) = (cell(name), cell(date), cell(flop), cell(pfs));
    let mut missing: Vec<Column> = [(name, Column::Name), (date, Column::Date)]
        .into_iter()
        .filter_map(|(i, c)| i.is_none().then_some(c))
        .collect();
    if flop.is_none() && pfs.is_none() {
        missing.extend([Column::Flop, Column::PfsDays]);
    }
    match (name, date) {
        (Some(name), Some(date)) if missing.is_empty() => Ok(Indices { width: header.len(), name, date, flop, pfs }),
        _ => Err(ImportError::Header {
            missing,
            found: header.iter().take(20).map(|h| h.trim().chars().take(40).collect()).collect(),
        }),
    }
}

fn read_row(cells: &[String], idx: Indices, line: usize) -> Result<Option<ImportedRow>, ImportError> {
    let needed = 1 + [Some(idx.name), Some(idx.date), idx.flop, idx.pfs].into_iter().flatten().max().unwrap_or(0);
    if cells.len() < needed {
        return Err(ImportError::TooFewFields { found: cells.len(), needed });
    }
    if cells.len() > idx.width {
        return Err(ImportError::TooManyFields { found: cells.len(), header: idx.width });
    }
    let cell = |i: Option<usize>| i.map_or("", |i| cells[i].trim());
    let Some(flop) = compute(cell(idx.flop), cell(idx.pfs))? else {
        return Ok(None);
    };
    let name = csv::unneutralized(cell(Some(idx.name)));
    let chars = name.chars().count();
    if chars == 0 {
        return Err(ImportError::NoName);
    }
    if chars > MAX_NAME_CHARS {
        return Err(ImportError::NameTooLong { chars });
    }
    let date = match cell(Some(idx.date)) {
        "" => return Err(ImportError::NoDate),
        d => Date::parse(d).map_err(ImportError::Date)?,
    };
    Ok(Some(ImportedRow { name: name.to_string(), date, years: date.years(), flop, line }))
}

/// The compute of a row in FLOP: the FLOP cell where it is filled, else the pfs-days cell; none
/// when both are empty.
fn compute(flop: &str, pfs: &str) -> Result<Option<f64>, ImportError> {
    match (flop, pfs) {
        ("", "") => Ok(None),
        ("", p) => number(p, Column::PfsDays).map(Some),
        (f, _) => number(f, Column::Flop).map(Some),
    }
}

/// A compute cell: a number (`3.14e23`, `3.14E+23`, `3,640`) in the column's unit, or anything
/// the calculator reads (`3.14 × 10^23`, `0.12 pfs-days`, `1e19 FLOP`), where an amount with a
/// unit of operations counts as written whatever the column.
fn number(text: &str, column: Column) -> Result<f64, ImportError> {
    let unit = if column == Column::PfsDays { PFS_DAY } else { 1.0 };
    let bad = || ImportError::Number { column, text: text.chars().take(40).collect() };
    let v = match text.parse::<f64>() {
        Ok(v) if v.is_finite() => v * unit,
        Ok(_) => return Err(bad()),
        Err(_) => match expr::eval(text) {
            Ok(v) if !v.is_range() && v.dim == Dim::COUNT => v.lo * unit,
            Ok(v) if !v.is_range() && v.dim == Dim::OPS => v.lo,
            _ => return Err(bad()),
        },
    };
    if !v.is_finite() {
        return Err(bad());
    }
    if v <= 0.0 {
        return Err(ImportError::NotPositive { column, text: text.chars().take(40).collect() });
    }
    Ok(v)
}

/// The rows as CSV with the header `name,date,flop`, which [`import`] reads back to the same
/// names, dates and values (a year-only date is written as the month it stands for, July). Names
/// go through [`csv::cell`]: one a spreadsheet would run (`=1+1`, `@SUM(…)`) is written `'=1+1`,
/// and [`import`] takes that `'` off again.
pub fn to_csv(rows: &[ImportedRow]) -> String {
    let mut s = String::with_capacity(32 + rows.len() * 48);
    s.push_str("name,date,flop\n");
    for r in rows {
        s.push_str(&csv::cell(&r.name));
        s.push(',');
        s.push_str(&r.date.to_string());
        s.push(',');
        s.push_str(&crate::text::format::exact(r.flop));
        s.push('\n');
    }
    s
}

fn accepted_list(columns: &[Column], lang: Lang) -> String {
    let names = |c: &Column| c.accepted().iter().map(|a| format!("“{a}”")).collect::<Vec<_>>();
    let one = |c: &Column| {
        let names = names(c).join(t(lang, Key::CatalogImportListSep));
        crate::say!(lang, Key::CatalogImportAcceptedColumn, column = c.label(lang), names = names)
    };
    columns.iter().map(one).collect::<Vec<_>>().join(t(lang, Key::CatalogSep))
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        use ImportError::*;
        match self {
            Empty => t(lang, Key::CatalogImportEmpty).into(),
            Header { missing, found } => header_message(missing, found, lang),
            TooLarge { bytes } => crate::say!(lang, Key::CatalogImportTooLarge, bytes = bytes, max = MAX_BYTES),
            TooManyRows => crate::say!(lang, Key::CatalogImportTooManyRows, max = MAX_ROWS),
            UnclosedQuote => t(lang, Key::CatalogImportUnclosedQuote).into(),
            TooFewFields { found, needed } => {
                crate::say!(lang, Key::CatalogImportTooFewFields, found = found, needed = needed)
            }
            TooManyFields { found, header } => {
                crate::say!(lang, Key::CatalogImportTooManyFields, found = found, header = header)
            }
            NoName | NameTooLong { .. } | NoDate | Date(_) | Number { .. } | NotPositive { .. } | NoRows => {
                self.cell_message(lang)
            }
        }
    }

    fn cell_message(&self, lang: Lang) -> String {
        use ImportError::*;
        match self {
            NoName => t(lang, Key::CatalogImportNoName).into(),
            NameTooLong { chars } => {
                crate::say!(lang, Key::CatalogImportNameTooLong, chars = chars, max = MAX_NAME_CHARS)
            }
            NoDate => t(lang, Key::CatalogImportNoDate).into(),
            Date(e) => e.message(lang),
            Number { column, text } => {
                crate::say!(lang, Key::CatalogImportNumber, column = column.label(lang), text = text)
            }
            NotPositive { column, text } => {
                crate::say!(lang, Key::CatalogImportNotPositive, column = column.label(lang), text = text)
            }
            NoRows => t(lang, Key::CatalogImportNoRows).into(),
            _ => String::new(), // the others are in message()
        }
    }
}

fn header_message(missing: &[Column], found: &[String], lang: Lang) -> String {
    let list_sep = t(lang, Key::CatalogImportListSep);
    let found = found.iter().map(|h| format!("“{h}”")).collect::<Vec<_>>().join(list_sep);
    let mut names: Vec<&str> =
        missing.iter().filter(|c| matches!(c, Column::Name | Column::Date)).map(|c| c.label(lang)).collect();
    if missing.contains(&Column::Flop) {
        names.push(t(lang, Key::CatalogImportCompute));
    }
    let names = names.join(list_sep);
    let wanted = accepted_list(&Column::ALL, lang);
    crate::say!(lang, Key::CatalogImportHeader, names = names, found = found, wanted = wanted)
}

impl RowProblem {
    /// "line 3: no date", in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        crate::say!(lang, Key::CatalogImportLine, line = self.line, problem = self.kind.message(lang))
    }
}

impl Imported {
    /// One sentence: how many rows were read, skipped and in error.
    pub fn summary(&self, lang: Lang) -> String {
        let (n, s, p) = (self.rows.len(), self.skipped_no_compute, self.problems.len());
        let rows = if n == 1 { Key::CatalogImportRowsOne } else { Key::CatalogImportRowsMany };
        let problems = if p == 1 { Key::CatalogImportProblemsOne } else { Key::CatalogImportProblemsMany };
        crate::say!(
            lang,
            Key::CatalogImportSummary,
            rows = crate::say!(lang, rows, n = n),
            skipped = s,
            problems = crate::say!(lang, problems, n = p)
        )
    }
}
/// What [`crate::catalog::Catalog::install_imported`] loaded.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSummary {
    pub installed: usize,
    pub skipped_no_compute: usize,
    pub problems: Vec<RowProblem>,
    pub columns: ColumnsUsed,
}

/// Why [`crate::catalog::Catalog::install_imported`] installed nothing, with every row's problem (when no row could be
/// read, they say why).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportFailure {
    pub error: ImportError,
    pub problems: Vec<RowProblem>,
}

/// An imported row as a point of the [`DatasetId::Imported`] set.
pub(crate) fn model(r: &ImportedRow) -> Model {
    Model::bare(r.name.clone(), DatasetId::Imported, r.date, r.flop)
}
