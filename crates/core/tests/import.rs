//! Importing the user's own data: headers in either language and Epoch AI's own, separators,
//! numbers, dates, problems with their lines, bounds, the round trip, and the installed set.
#![cfg(not(target_arch = "wasm32"))]
use aicompute::text::num::{len_f64, sat_i32};

use aicompute::calculation::calc::Lang;
use aicompute::catalog::data::{DatasetId, Date};
use aicompute::catalog::import::{import, to_csv, Column, ImportError, ImportedRow, Importer, MAX_ROWS};
use aicompute::catalog::Catalog;
use aicompute::language::date::DateError;
use aicompute::plot::chart::{self, ChartSpec};
use aicompute::plot::trend::Selection;
use proptest::prelude::*;

const PFS_DAY: f64 = 8.64e19;

fn d(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// The text imports to exactly these rows (name, date, FLOP) with no problem.
#[track_caller]
fn rows(text: &str, want: &[(&str, Date, f64)]) {
    let got = import(text);
    assert_eq!(got.problems, vec![], "{text:?}");
    let got: Vec<(&str, Date, f64)> = got.rows.iter().map(|r| (r.name.as_str(), r.date, r.flop)).collect();
    assert_eq!(got.len(), want.len(), "{text:?}: {got:?}");
    for (g, w) in got.iter().zip(want) {
        assert_eq!((g.0, g.1), (w.0, w.1), "{text:?}");
        assert!((g.2 - w.2).abs() <= 1e-12 * w.2, "{text:?}: {} against {}", g.2, w.2);
    }
}

/// The text's only problem is `kind` on `line`.
#[track_caller]
fn problem(text: &str, line: usize, kind: ImportError) {
    let got = import(text);
    assert_eq!(got.problems.len(), 1, "{text:?}: {:?}", got.problems);
    assert_eq!((got.problems[0].line, &got.problems[0].kind), (line, &kind), "{text:?}");
}

/// The text's only problem reads `en` and `zh`.
#[track_caller]
fn says(text: &str, en: &str, zh: &str) {
    let got = import(text);
    assert_eq!(got.problems.len(), 1, "{text:?}: {:?}", got.problems);
    assert_eq!(got.problems[0].message(Lang::En), en, "{text:?}");
    assert_eq!(got.problems[0].message(Lang::Zh), zh, "{text:?}");
}

#[test]
fn headers_in_english_chinese_and_epochs() {
    let alexnet = [("AlexNet", d(2012, 9, 30), 4.7e17)];
    rows("name,date,flop\nAlexNet,2012-09-30,4.7e17\n", &alexnet);
    rows("  NAME , Date ,  Flop \nAlexNet,2012-09-30,4.7e17", &alexnet);
    rows("model,publication_date,training_compute_flop\nAlexNet,2012-09-30,4.7e17\n", &alexnet);
    rows("Model,Domain,Publication date,Training compute (FLOP)\nAlexNet,Vision,2012-09-30,4.7e17\n", &alexnet);
    rows("模型,日期,算力 (FLOP)\nAlexNet,2012-09-30,4.7e17\n", &alexnet);
    rows("名称,日期,算力（FLOP）\nAlexNet,2012-09-30,4.7e17\n", &alexnet);
    rows("名称,发布日期,训练算力 (FLOP)\nAlexNet,2012-09-30,4.7e17\n", &alexnet);
    rows("\u{feff}name,date,FLOP\r\nAlexNet,2012-09-30,4.7e17\r\n", &alexnet);
    // pfs-days: 0.0058 × 8.64e19 = 5.0112e17.
    let pfs = [("AlexNet", d(2012, 6, 0), 5.0112e17)];
    rows("name,date,pfs_days\nAlexNet,2012-06,0.0058\n", &pfs);
    rows("name,date,pfs-days\nAlexNet,2012-06,0.0058\n", &pfs);
    rows("Name,Date,Petaflop/s-days\nAlexNet,2012-06,0.0058\n", &pfs);
    rows("模型,日期,算力 (pfs-days)\nAlexNet,2012-06,0.0058\n", &pfs);
    // Both: the FLOP cell where filled, else the pfs-days one.
    rows(
        "name,date,flop,pfs-days\na,2020,1e20,5\nb,2020,,2\n",
        &[("a", d(2020, 7, 0), 1e20), ("b", d(2020, 7, 0), 1.728e20)],
    );
}

#[test]
fn the_bundled_epoch_file_imports_as_it_is() {
    let text = std::fs::read_to_string("data/epoch-notable-models.csv").unwrap();
    let got = import(&text);
    assert_eq!(got.problems, vec![]);
    assert_eq!(got.rows.len(), 443);
    assert_eq!(got.columns.name.as_deref(), Some("model"));
    assert_eq!(got.columns.flop.as_deref(), Some("training_compute_flop"));
    let first = &got.rows[0];
    assert_eq!(
        (first.name.as_str(), first.date, first.flop, first.line),
        ("Llama 3.3", d(2024, 12, 6), 6.8649768e24, 2)
    );
}

#[test]
fn separators() {
    let want = [("GPT-3", d(2020, 5, 28), 3.14e23)];
    rows("name\tdate\tflop\nGPT-3\t2020-05-28\t3.14e23\n", &want);
    rows("name;date;flop\nGPT-3;2020-05-28;3.14e23\n", &want);
    rows("name;date;flop\nGPT-3;2020-05-28;314,000,000,000,000,000,000,000\n", &want);
    assert_eq!(import("name\tdate\tflop\n").columns.separator, '\t');
    assert_eq!(import("name;date;flop\n").columns.separator, ';');
    assert_eq!(import("name,date,flop\n").columns.separator, ',');
}

#[test]
fn numbers() {
    let one =
        |cell: &str, flop: f64| rows(&format!("name,date,flop\nm,2020-01-01,{cell}\n"), &[("m", d(2020, 1, 1), flop)]);
    one("3.14e23", 3.14e23);
    one("3.14E+23", 3.14e23);
    one("3.14E23", 3.14e23);
    one("\"3,640\"", 3640.0);
    one("\"1,234,567\"", 1234567.0);
    one(" 42 ", 42.0);
    one("3.14 × 10^23", 3.14e23);
    one("3.14 * 10^23", 3.14e23);
    one("1e19 FLOP", 1e19);
    one("\"10,506 PF\"", 1.0506e19);
    // An amount with a unit counts as written: 0.12 × 8.64e19 = 1.0368e19.
    one("0.12 pfs-days", 1.0368e19);
    rows("name,date,pfs_days\nm,2020-01-01,1e19 FLOP\n", &[("m", d(2020, 1, 1), 1e19)]);
    let bad = |cell: &str, kind: ImportError| problem(&format!("name,date,flop\nm,2020-01-01,{cell}\n"), 2, kind);
    let number = |t: &str| ImportError::Number { column: Column::Flop, text: t.into() };
    bad("abc", number("abc"));
    bad("inf", number("inf"));
    bad("NaN", number("NaN"));
    bad("1e400", number("1e400"));
    bad("\"3,14\"", number("3,14"));
    bad("5 d", number("5 d"));
    bad("1..2", number("1..2"));
    bad("0", ImportError::NotPositive { column: Column::Flop, text: "0".into() });
    bad("-1e20", ImportError::NotPositive { column: Column::Flop, text: "-1e20".into() });
    let pfs = "name,date,pfs-days\nm,2020,x\n";
    problem(pfs, 2, ImportError::Number { column: Column::PfsDays, text: "x".into() });
}

#[test]
fn dates() {
    let one = |cell: &str, date: Date| rows(&format!("name,date,flop\nm,{cell},1e20\n"), &[("m", date, 1e20)]);
    one("2020", d(2020, 7, 0));
    one("2020-02", d(2020, 2, 0));
    one("2020-02-29", d(2020, 2, 29));
    let day = ImportError::Date(DateError::Day { text: "2023-02-31".into(), days_in_month: 28 });
    problem("name,date,flop\nok,2020,1e20\nm,2023-02-31,1e20\n", 3, day);
    problem("name,date,flop\nm,12/6/2024,1e20\n", 2, ImportError::Date(DateError::Form("12/6/2024".into())));
    problem("name,date,flop\nm,,1e20\n", 2, ImportError::NoDate);
}

#[test]
fn bad_rows_name_their_line_and_the_good_rows_still_load() {
    // Line 3 holds a name over two lines, so the row after it starts on line 5.
    let text = "name,date,flop\nA,2020,1e20\n\"B\nsecond line\",2020,1e21\n,2020,1e20\nC,2021,2e21\n\nD,2022,zzz\nE,2022,3e21\n";
    let got = import(text);
    let lines: Vec<(&str, usize)> = got.rows.iter().map(|r| (r.name.as_str(), r.line)).collect();
    assert_eq!(lines, [("A", 2), ("B\nsecond line", 3), ("C", 6), ("E", 9)]);
    let problems: Vec<(usize, &ImportError)> = got.problems.iter().map(|p| (p.line, &p.kind)).collect();
    let zzz = ImportError::Number { column: Column::Flop, text: "zzz".into() };
    assert_eq!(problems, [(5, &ImportError::NoName), (8, &zzz)]);
    problem("name,date,flop\na,2020,1e20,extra\n", 2, ImportError::TooManyFields { found: 4, header: 3 });
    problem("name,date,flop\na,2020\n", 2, ImportError::TooFewFields { found: 2, needed: 3 });
    problem("name,date,flop\na,2020,1e20\n\"b,2020,1e20\n", 3, ImportError::UnclosedQuote);
    let long = "n".repeat(201);
    problem(&format!("name,date,flop\n{long},2020,1e20\n"), 2, ImportError::NameTooLong { chars: 201 });
}

#[test]
fn rows_without_compute_are_skipped_and_counted() {
    let text = "Model,Publication date,Training compute (FLOP)\nA,2020-01-01,\nB,2020-01-02,1e20\nC,2020-01-03,  \n";
    let got = import(text);
    assert_eq!(got.problems, vec![]);
    assert_eq!(got.rows.len(), 1);
    assert_eq!(got.skipped_no_compute, 2);
    assert_eq!(got.summary(Lang::En), "1 row imported; 2 skipped for having no compute; 0 problems");
    assert_eq!(got.summary(Lang::Zh), "已导入 1 行；2 行因缺少算力而跳过；0 个问题");
}

#[test]
fn no_header_is_one_error_listing_the_accepted_names() {
    let header = ImportError::Header {
        missing: vec![Column::Flop, Column::PfsDays],
        found: vec!["name".into(), "date".into(), "compute".into()],
    };
    problem("name,date,compute\na,2020,1e20\n", 1, header);
    let got = import("GPT-3,2020,3e23\nAlexNet,2012,4.7e17\n");
    assert_eq!(got.problems.len(), 1);
    assert!(matches!(&got.problems[0].kind, ImportError::Header { missing, .. } if missing.len() == 4));
    let en = got.problems[0].message(Lang::En);
    let head = "line 1: the header row does not name these columns: name, date, compute (FLOP or pfs-days) (the first row has “GPT-3”, “2020”, “3e23”). Accepted names, ignoring case and spaces: name: “name”, “model”";
    assert!(en.starts_with(head), "{en}");
    for name in ["“model”", "“publication date”", "“training compute (FLOP)”", "“pfs-days”", "“模型”", "“算力 (FLOP)”"]
    {
        assert!(en.contains(name), "{name} in {en}");
    }
    let zh = got.problems[0].message(Lang::Zh);
    let head = "第 1 行：表头行缺少以下列：名称、日期、算力（FLOP 或 pfs-days）（第一行是“GPT-3”、“2020”、“3e23”）。可用的列名（不区分大小写和空格）：名称：“name”、“model”";
    assert!(zh.starts_with(head), "{zh}");
    assert!(zh.contains("日期：“date”、“publication date”、“日期”、“发布日期”"), "{zh}");
    problem("", 1, ImportError::Empty);
    problem(
        "\n\n  \n",
        3,
        ImportError::Header {
            missing: vec![Column::Name, Column::Date, Column::Flop, Column::PfsDays],
            found: vec!["".into()],
        },
    );
}

#[test]
fn messages_in_both_languages() {
    says(
        "name,date,flop\nm,2023-02-31,1e20\n",
        "line 2: '2023-02-31' is not a date: that month has 28 days",
        "第 2 行：“2023-02-31”不是有效日期：该月只有 28 天",
    );
    says(
        "name,date,flop\nm,2023,abc\n",
        "line 2: compute (FLOP): 'abc' is not a number (write it like 3.14e23 or 3,640)",
        "第 2 行：算力（FLOP）：“abc”不是数字（请写成 3.14e23 或 3,640 这样）",
    );
    says(
        "name,date,flop\nm,2023,1e20,x\n",
        "line 2: 4 fields where the header has 3: put a name that has a comma in quotes",
        "第 2 行：有 4 个字段，而表头只有 3 个：含逗号的名称请加引号",
    );
    says("name,date,flop\n,2023,1e20\n", "line 2: no name", "第 2 行：缺少名称");
}

#[test]
fn bounds_say_what_was_cut() {
    // 100,001 data rows: the last one, on line 100,002, is not read.
    let mut text = String::from("name,date,flop\n");
    for i in 0..=MAX_ROWS {
        text.push_str(&format!("m{i},2020-01-01,1e20\n"));
    }
    let got = import(&text);
    assert_eq!(got.rows.len(), 100_000);
    problem(&text, 100_002, ImportError::TooManyRows);
    // 50,000 rows of 117 bytes after a 15-byte header: 5,850,015 bytes, over 5 MiB (5,242,880).
    // The whole lines within it: (5,242,880 − 15) / 117 = 44,810.8, so 44,810 rows are read and
    // the text is cut before line 44,812.
    let mut text = String::from("name,date,flop\n");
    for i in 0..50_000 {
        text.push_str(&format!("{:0>100},2020-01-01,1e20\n", i));
    }
    assert_eq!(text.len(), 5_850_015);
    let got = import(&text);
    assert_eq!(got.rows.len(), 44_810);
    problem(&text, 44_812, ImportError::TooLarge { bytes: 5_850_015 });
}

fn generated(n: usize) -> String {
    let mut text = String::from("name,date,flop\n");
    for i in 0..n {
        text.push_str(&format!(
            "Model {i},{}-{:02}-{:02},{}e{}\n",
            1960 + i % 60,
            1 + i % 12,
            1 + i % 28,
            1 + i % 9,
            10 + i % 15
        ));
    }
    text
}

#[test]
fn ten_thousand_rows() {
    let got = import(&generated(10_000));
    assert_eq!(got.problems, vec![]);
    assert_eq!(got.rows.len(), 10_000);
    assert_eq!(got.rows[9_999].line, 10_001);
    // Row 9,999: 1960 + 39 = 1999, month 1 + 3 = 4, day 1 + 3 = 4, 1 + 0 = 1 e (10 + 9 = 19).
    assert_eq!((got.rows[9_999].date, got.rows[9_999].flop), (d(1999, 4, 4), 1e19));
}

/// `cargo test --release --test import -- --ignored --nocapture`
#[test]
#[ignore]
fn benchmark_rows_per_second() {
    let text = generated(MAX_ROWS);
    let start = std::time::Instant::now();
    let got = import(&text);
    let secs = start.elapsed().as_secs_f64();
    assert_eq!(got.rows.len(), MAX_ROWS);
    println!("{} rows in {secs:.3} s: {:.0} rows/s", MAX_ROWS, len_f64(MAX_ROWS) / secs);
}

#[test]
fn to_csv_round_trips() {
    let text = "name,date,flop\nplain,2020-01-01,1e20\n\"with, comma\",2021-03,3.14e23\n\"say \"\"hi\"\"\",2019,0.5\n\"two\nlines\",2018-12-31,123456789.123\n";
    let first = import(text);
    assert_eq!(first.problems, vec![]);
    let csv = to_csv(&first.rows);
    assert_eq!(
        csv,
        "name,date,flop\nplain,2020-01-01,1e20\n\"with, comma\",2021-03,3.14e23\n\"say \"\"hi\"\"\",2019-07,0.5\n\"two\nlines\",2018-12-31,123456789.123\n"
    );
    let again = import(&csv);
    let key = |r: &ImportedRow| (r.name.clone(), r.date, r.flop);
    assert_eq!(again.rows.iter().map(key).collect::<Vec<_>>(), first.rows.iter().map(key).collect::<Vec<_>>());
}

/// "Download as CSV" of imported rows: a name a spreadsheet would run is written with a leading
/// `'`, quoted; the CSV reader gives that text back, and importing it gives the name as it was.
#[test]
fn to_csv_neutralizes_formulas_and_import_reads_them_back() {
    let names = ["=cmd|' /C calc'!A0", "+SUM(1,2)", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)", "\t=1+1", " =1+1", "-3"];
    let date = d(2020, 1, 1);
    let rows: Vec<ImportedRow> = names
        .iter()
        .enumerate()
        .map(|(i, n)| ImportedRow {
            name: n.to_string(),
            date,
            years: date.years(),
            flop: 1e20 * len_f64(i + 1),
            line: 0,
        })
        .collect();
    let text = to_csv(&rows);
    assert_eq!(
        text,
        "name,date,flop\n\"'=cmd|' /C calc'!A0\",2020-01-01,1e20\n\"'+SUM(1,2)\",2020-01-01,2e20\n\
         \"'-2+3+cmd|' /C calc'!A0\",2020-01-01,3e20\n\"'@SUM(1+1)\",2020-01-01,4e20\n\"'\t=1+1\",2020-01-01,5e20\n\
         \"' =1+1\",2020-01-01,6e20\n-3,2020-01-01,7e20\n"
    );
    let cells = aicompute::catalog::csv::parse(&text).unwrap();
    let written: Vec<&str> = cells[1..].iter().map(|r| r[0].as_str()).collect();
    assert_eq!(
        written,
        ["'=cmd|' /C calc'!A0", "'+SUM(1,2)", "'-2+3+cmd|' /C calc'!A0", "'@SUM(1+1)", "'\t=1+1", "' =1+1", "-3"]
    );
    for cell in cells.iter().flatten() {
        let first = cell.trim_start_matches(' ').chars().next();
        let number = cell.parse::<f64>().is_ok();
        assert!(number || !matches!(first, Some('=' | '+' | '-' | '@' | '\t' | '\r')), "{cell:?}");
    }
    // Imported again, the names are as they were (an imported name is trimmed: the tab stays
    // inside the quote mark's text, the space after it too).
    let back = import(&text);
    assert_eq!(back.problems, vec![]);
    let got: Vec<&str> = back.rows.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(got, names);
    // A file's own formula cell is neutralized when re-exported.
    let file = "name,date,flop\n=HYPERLINK(\"http://x\"),2021,1e21\n";
    let again = to_csv(&import(file).rows);
    assert_eq!(again, "name,date,flop\n\"'=HYPERLINK(\"\"http://x\"\")\",2021-07,1e21\n");
}

/// Installing into a catalog: the imported rows become a data set of that catalog (its own value,
/// no global), for the fit and the chart.
#[test]
fn installed_rows_are_a_data_set_for_the_fit_and_the_chart() {
    assert_eq!(DatasetId::from_key("imported"), Some(DatasetId::Imported));
    assert!(!DatasetId::ALL.contains(&DatasetId::Imported));
    let mut cat = Catalog::full();
    assert_eq!(cat.imported().len(), 0);
    let built_in = cat.models().count();
    // Doubling every year exactly: 1e20 in 2010, 2e20 in 2011, 4e20 in 2012.
    let text = "name,date,flop\nA,2010-01-01,1e20\nB,2011-01-01,2e20\nC,2012-01-01,4e20\nD,2013-01-01,\n";
    let s = cat.install_imported(text).unwrap();
    assert_eq!((s.installed, s.skipped_no_compute, s.problems.len()), (3, 1, 0));
    assert_eq!(cat.models().count(), built_in + 3);
    let sel = Selection::of(&[DatasetId::Imported]);
    let names: Vec<&str> = sel.points(&cat).iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "C"]);
    assert_eq!(sel.points(&cat)[1].pfs_days, Some(2e20 / PFS_DAY));
    assert!(sel.points(&cat)[0].citation().contains("Imported from your own file"));
    let fit = sel.fit(&cat).unwrap();
    // 2010-01-01 to 2011-01-01 is 365 days, 2011 to 2012 also 365: the years are 365/365.25 apart.
    assert!((fit.doubling_months - 12.0 * 365.0 / 365.25).abs() < 1e-9, "{}", fit.doubling_months);
    let spec = ChartSpec {
        background: chart::Background {
            points: sel.points(&cat).into_iter().cloned().collect(),
            fit: Some(fit),
            moore_months: None,
            eras: false,
            lang: Lang::Zh,
            labels: vec![],
            ..Default::default()
        },
        user: None,
    };
    let (svg, layout) = chart::svg(&spec, 800, 500).unwrap();
    assert_eq!(layout.markers.len(), 3);
    assert!(svg.contains("你导入的数据"));
    // The same rows again are the same set; nothing readable leaves the set as it was.
    let before = cat.clone();
    let again = cat.install_imported(text).unwrap();
    assert_eq!(again.installed, 3);
    assert_eq!(cat, before);
    assert_eq!(
        cat.install_imported("x,y\n1,2\n").unwrap_err().error,
        ImportError::Header {
            missing: vec![Column::Name, Column::Date, Column::Flop, Column::PfsDays],
            found: vec!["x".into(), "y".into()]
        }
    );
    // Every row bad: nothing installed, and each row says why (the list was empty).
    let none = cat.install_imported("name,date,flop\na,2020,zz\nb,zz,1e20\n").unwrap_err();
    assert_eq!(none.error, ImportError::NoRows);
    let said: Vec<String> = none.problems.iter().map(|p| p.message(Lang::En)).collect();
    assert_eq!(said.len(), 2, "{said:?}");
    assert!(said[0].starts_with("line 2: ") && said[0].contains("'zz' is not a number"), "{said:?}");
    assert!(said[1].starts_with("line 3: "), "{said:?}");
    assert_eq!(cat, before);
    cat.clear_imported();
    assert_eq!(cat.imported().len(), 0);
    assert_eq!(cat.models().count(), built_in);
    // Rows are owned by the catalog and freed when replaced: no lifetime budget (there was one
    // while installed rows were leaked); three imports of the most rows all install.
    for i in 0..3 {
        let text = generated(MAX_ROWS).replace("Model", &format!("Set{i}"));
        assert_eq!(cat.install_imported(&text).unwrap().installed, MAX_ROWS);
    }
    assert_eq!(cat.imported()[0].name, "Set2 0");
    assert_eq!(cat.imported().len(), MAX_ROWS);
    // Another catalog is not touched.
    assert_eq!(Catalog::full().imported().len(), 0);
}

/// The text imported a few rows at a time (as the page does, yielding between slices).
fn in_steps(text: &str, rows: usize) -> aicompute::catalog::import::Imported {
    let mut importer = Importer::new(text);
    let mut steps = 0;
    while !importer.step(rows) {
        steps += 1;
        assert!(importer.progress().0 <= importer.progress().1);
    }
    assert!(steps <= text.lines().count() / rows + 1, "{steps} steps of {rows}");
    importer.finish()
}

#[test]
fn an_import_in_steps_is_the_import_at_once() {
    let texts = [
        "name,date,flop\nA,2010-01-01,1e20\n\nB,2011,2e20\nC,2012,\nD,zz,1e20\n".to_string(),
        "name,date,flop\n\"A\nline two\",2010,1e20\nB,2011,2e20\n\"C,2012,3e20\nD,2013,4e20\n".to_string(),
        "x,y\n1,2\n3,\"4\n".to_string(),
        "\u{feff}name;date;pfs-days\r\nA;2010;1\r\nB;2011;2\r\n".to_string(),
        String::new(),
        "\"name,date\n".to_string(),
        generated(2_000),
    ];
    for text in &texts {
        for rows in [1, 2, 3, 7, 1000] {
            assert_eq!(in_steps(text, rows), import(text), "{rows} at a time: {text:.60?}");
        }
    }
    // The row cap and the size cap say the same lines in steps.
    let capped = generated(MAX_ROWS + 5);
    assert_eq!(in_steps(&capped, 30_000), import(&capped));
}

/// How long a slice of rows takes (the page yields to the browser between slices and should not
/// hold it over 100 ms): `cargo test --release -p aicompute --test import -- --ignored --nocapture`.
#[test]
#[ignore = "a timing"]
fn time_import_steps() {
    let text = generated(MAX_ROWS);
    println!("{} bytes, {} rows", text.len(), MAX_ROWS);
    for rows in [1_000, 2_000, 5_000, 10_000, MAX_ROWS] {
        let mut importer = Importer::new(&text);
        let (mut worst, start) = (std::time::Duration::ZERO, std::time::Instant::now());
        loop {
            let t = std::time::Instant::now();
            let done = importer.step(rows);
            worst = worst.max(t.elapsed());
            if done {
                break;
            }
        }
        let n = importer.finish().rows.len();
        println!(
            "{rows} rows a step: slowest step {:.1} ms, all {:.0} ms, {n} rows",
            worst.as_secs_f64() * 1e3,
            start.elapsed().as_secs_f64() * 1e3
        );
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let got = import(&s);
        for r in &got.rows {
            prop_assert!(r.flop.is_finite() && r.flop > 0.0 && r.years.is_finite());
        }
    }

    #[test]
    fn csv_shaped_text_never_panics(s in "(name|date|flop|pfs_days|模型|\"|,|;|\t|\n|\r|[0-9.eE+-]{1,6}|2020-0[1-9]|x| ){0,60}") {
        let got = import(&s);
        let lines = s.matches('\n').count() + 1;
        for p in &got.problems {
            prop_assert!(p.line >= 1 && p.line <= lines, "{:?}", p);
            prop_assert!(!p.message(Lang::En).is_empty() && !p.message(Lang::Zh).is_empty());
        }
        for r in &got.rows {
            prop_assert!(r.flop.is_finite() && r.flop > 0.0);
            prop_assert!(r.line >= 2 && r.line <= lines);
        }
    }

    #[test]
    fn exported_rows_import_back(
        names in proptest::collection::vec("[a-zA-Z0-9 ,;\"\t\n模型-]{1,20}", 1..20),
        flop in 1e-3f64..1e30,
    ) {
        let rows: Vec<ImportedRow> = names
            .iter()
            .filter(|n| !n.trim().is_empty())
            .enumerate()
            .map(|(i, n)| {
                let date = d(1950 + sat_i32(i), 1 + u8::try_from(i % 12).unwrap(), 1 + u8::try_from(i % 28).unwrap());
                ImportedRow { name: n.trim().to_string(), date, years: date.years(), flop: flop * len_f64(i + 1), line: 0 }
            })
            .collect();
        let back = import(&to_csv(&rows));
        prop_assert_eq!(back.problems, vec![]);
        let key = |r: &ImportedRow| (r.name.clone(), r.date, r.flop);
        prop_assert_eq!(back.rows.iter().map(key).collect::<Vec<_>>(), rows.iter().map(key).collect::<Vec<_>>());
    }
}
