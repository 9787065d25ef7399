//! Calendar dates (a leaf module): `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checked against the month
//! (leap years included), and exact day counts.

use crate::say;
use crate::text::i18n::{Key, Lang};
use crate::text::num::{sat_u8, signed_f64};

/// A calendar date; `day` is 0 where the source gives only the month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateError {
    /// Not of the form YYYY, YYYY-MM or YYYY-MM-DD.
    Form(String),
    /// A year outside 1900–2100.
    Year(String),
    /// A month outside 1–12.
    Month(String),
    /// A day the month does not have (2023-02-31).
    Day { text: String, days_in_month: u8 },
}

impl DateError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DateError::Form(s) => say!(lang, Key::LanguageDateForm, text = s),
            DateError::Year(s) => say!(lang, Key::LanguageDateYear, text = s),
            DateError::Month(s) => say!(lang, Key::LanguageDateMonth, text = s),
            DateError::Day { text, days_in_month } => {
                say!(lang, Key::LanguageDateDay, days = days_in_month, text = text)
            }
        }
    }
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

/// Whether a text typed in a number field is shaped like a date, which the field would read as
/// arithmetic (2023-02-31 as 2023 − 2 − 31 = 1990): a year from 1900 to 2100 with a month and a
/// day, separated by `-` or `/`, in either order (2023-02-31, 2023/2/31, 31/12/2023); or a year
/// and a two-digit month with its zero (2023-02: nobody subtracts 02).
pub(crate) fn looks_like_date(text: &str) -> bool {
    let t = text.trim();
    let digits =
        |p: &str, n: std::ops::RangeInclusive<usize>| n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
    let year = |p: &str| digits(p, 4..=4) && p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    let upto = |p: &str, max: u32| digits(p, 1..=2) && p.parse::<u32>().is_ok_and(|v| (1..=max).contains(&v));
    ['-', '/'].into_iter().any(|sep| match t.split(sep).collect::<Vec<_>>()[..] {
        [y, m, d] if year(y) => upto(m, 12) && upto(d, 31),
        [a, b, y] if year(y) => upto(a, 31) && upto(b, 31) && (upto(a, 12) || upto(b, 12)),
        [y, m] => year(y) && m.len() == 2 && m.starts_with('0') && upto(m, 12),
        _ => false,
    })
}

/// Whether `year` is a leap year of the Gregorian calendar.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days in a month (1–12) of a year.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// Days since 1970-01-01 (a month-only date counts from the middle of its month).
    pub fn days(&self) -> f64 {
        // Howard Hinnant's days_from_civil.
        let (m, d) = (i64::from(self.month.clamp(1, 12)), i64::from(self.day.max(1)));
        let y = i64::from(self.year) - if m <= 2 { 1 } else { 0 };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = signed_f64(era * 146_097 + doe - 719_468);
        if self.day == 0 {
            days + 14.5
        } else {
            days
        }
    }

    /// The date as a fractional year: 1970 plus days over 365.25, so that differences between
    /// dates are exact day counts.
    pub fn years(&self) -> f64 {
        1970.0 + self.days() / 365.25
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the day must exist in its month.
    ///
    /// # Errors
    ///
    /// [`DateError::Form`] when the text is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in digits,
    /// [`DateError::Year`] for a year outside 1900–2100, [`DateError::Month`] for a month outside
    /// 1–12, [`DateError::Day`] for a day its month does not have.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let text = s.trim();
        let form = || DateError::Form(text.chars().take(40).collect());
        let parts: Vec<&str> = text.split('-').collect();
        let well_formed = parts.len() <= 3
            && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            && parts[0].len() == 4;
        if !well_formed {
            return Err(form());
        }
        let num = |k: usize| parts.get(k).map(|p| p.parse::<u16>().map_err(|_| form())).transpose();
        let year = i32::from(num(0)?.unwrap_or(0));
        let month = num(1)?.unwrap_or(7);
        let day = num(2)?.unwrap_or(0);
        if !(1900..=2100).contains(&year) {
            return Err(DateError::Year(text.into()));
        }
        if !(1..=12).contains(&month) {
            return Err(DateError::Month(text.into()));
        }
        let dim = days_in_month(year, sat_u8(month));
        if parts.len() == 3 && !(1..=u16::from(dim)).contains(&day) {
            return Err(DateError::Day { text: text.into(), days_in_month: dim });
        }
        Ok(Date { year, month: sat_u8(month), day: sat_u8(day) })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.day == 0 {
            write!(f, "{:04}-{:02}", self.year, self.month)
        } else {
            write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
        }
    }
}

impl std::error::Error for DateError {}
