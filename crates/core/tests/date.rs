use aicompute::language::date::{days_in_month, is_leap, Date, DateError};
use aicompute::text::i18n::Lang;

#[track_caller]
fn ok(s: &str, y: i32, m: u8, d: u8) {
    assert_eq!(Date::parse(s), Ok(Date { year: y, month: m, day: d }), "{s}");
}

#[track_caller]
fn bad(s: &str, en: &str) {
    assert_eq!(Date::parse(s).unwrap_err().message(Lang::En), en, "{s}");
}

#[test]
fn valid_dates() {
    ok("2012", 2012, 7, 0);
    ok("2012-06", 2012, 6, 0);
    ok(" 2012-06-01 ", 2012, 6, 1);
    ok("2024-02-29", 2024, 2, 29); // leap year
    ok("2000-02-29", 2000, 2, 29); // divisible by 400
    ok("2023-04-30", 2023, 4, 30);
    ok("2023-12-31", 2023, 12, 31);
}

#[test]
fn impossible_days_are_refused_not_moved() {
    bad("2023-02-31", "'2023-02-31' is not a date: that month has 28 days");
    bad("2023-02-29", "'2023-02-29' is not a date: that month has 28 days");
    bad("1900-02-29", "'1900-02-29' is not a date: that month has 28 days"); // 1900 is not a leap year
    bad("2024-02-30", "'2024-02-30' is not a date: that month has 29 days");
    bad("2023-04-31", "'2023-04-31' is not a date: that month has 30 days");
    bad("2023-01-00", "'2023-01-00' is not a date: that month has 31 days");
    bad("2023-01-32", "'2023-01-32' is not a date: that month has 31 days");
}

#[test]
fn malformed() {
    bad("2012-13", "'2012-13': the month must be 1 to 12");
    bad("2012-00", "'2012-00': the month must be 1 to 12");
    bad("1850", "'1850': the year must be between 1900 and 2100");
    bad("12-06", "'12-06' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    bad("2012/06", "'2012/06' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    bad("", "'' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    bad("2012-06-01-02", "'2012-06-01-02' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
    bad("99999999999999999999", "'99999999999999999999' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD");
}

#[test]
fn chinese_messages() {
    let e = DateError::Day { text: "2023-02-31".into(), days_in_month: 28 };
    assert_eq!(e.message(Lang::Zh), "“2023-02-31”不是有效日期：该月只有 28 天");
}

#[test]
fn leap_years() {
    assert!(is_leap(2024) && is_leap(2000) && !is_leap(1900) && !is_leap(2023));
    let month_days: Vec<u8> = (1..=12).map(|m| days_in_month(2023, m)).collect();
    assert_eq!(month_days, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    assert_eq!(days_in_month(2024, 2), 29);
}
