//! The JSON and CSV exports: they parse, hold the inputs as typed and the figures, and quote
//! what needs quoting.

use aicompute::calculation::calc::{evaluate, Calculation, Field, Lang, Mode};
use aicompute::formats::export;
use aicompute::model::json::{self, Json};

fn calc(fields: &[(Field, &str)]) -> Calculation {
    let mut c = Calculation::default();
    for (f, v) in fields {
        *f.get_mut(&mut c) = v.to_string();
    }
    c
}

fn gpt3() -> Calculation {
    Calculation {
        mode: Mode::Params,
        name: "GPT-3, \"175B\"".into(),
        ..calc(&[
            (Field::Parameters, "175B"),
            (Field::Tokens, "300B"),
            (Field::Chips, "8"),
            (Field::Hardware, "A100"),
            (Field::Time, "10 d"),
            (Field::Price, "$2"),
        ])
    }
}

#[test]
fn json_holds_inputs_as_typed_and_the_figures() {
    let c = gpt3();
    let ev = evaluate(&c, cat());
    let text = export::calculation(&c, &ev, "https://example.org/?v=1&params=175B", Lang::En, false).pretty();
    let v = json::parse(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
    let inputs = v.get("inputs").unwrap();
    assert_eq!(inputs.get("params").and_then(Json::as_str), Some("175B"));
    assert_eq!(inputs.get("tokens").and_then(Json::as_str), Some("300B"));
    assert_eq!(inputs.get("name").and_then(Json::as_str), Some("GPT-3, \"175B\""));
    assert_eq!(inputs.get("mode").and_then(Json::as_str), Some("params"));
    // 6 × 175e9 × 300e9 = 3.15e23 FLOP.
    let m1 = v.get("method1").unwrap();
    assert_eq!(m1.get("flop").and_then(Json::as_f64), Some(6.0 * 175e9 * 300e9));
    // 8 A100s for 240 h at $2: 1,920 chip-hours, $3,840.
    let fp = v.get("footprint").unwrap();
    assert_eq!(fp.get("chip_hours").and_then(Json::as_f64), Some(1920.0));
    assert_eq!(fp.get("cost_usd").and_then(Json::as_f64), Some(3840.0));
    assert_eq!(v.get("link").and_then(Json::as_str), Some("https://example.org/?v=1&params=175B"));
    let cite = v.get("citation").and_then(Json::as_str).unwrap();
    assert_eq!(cite, "We estimate 3.15 × 10^23 FLOP (3,646 pfs-days) by counting operations (6ND) following Amodei & Hernandez (2018).");
    assert!(v.get("bibtex").and_then(Json::as_str).unwrap().starts_with("@misc{amodei2018aicompute,"));
    let Some(Json::Arr(sources)) = v.get("sources") else { panic!("sources") };
    assert!(
        sources.iter().any(|s| s.as_str().is_some_and(|s| s.starts_with("NVIDIA A100 TDP: Epoch AI"))),
        "{sources:?}"
    );
}

#[test]
fn csv_rows_are_quoted_where_needed() {
    let c = gpt3();
    let ev = evaluate(&c, cat());
    let text = export::csv(&c, &ev, "https://example.org/?v=1", Lang::En, false);
    let rows: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(rows[0], "field,value");
    assert!(rows.contains(&"inputs.params,175B"), "{text}");
    assert!(rows.contains(&"inputs.name,\"GPT-3, \"\"175B\"\"\""), "{text}");
    assert!(rows.contains(&"method1.flop,3.15e23"), "{text}");
    assert!(rows.contains(&"footprint.cost_usd,3840.0"), "{text}");
    // Every row reads back as two fields with the CSV reader.
    let table = aicompute::catalog::csv::parse(&text).unwrap();
    assert!(table.iter().all(|r| r.len() == 2), "{table:?}");
}

#[test]
fn json_writer_escapes_and_never_writes_nan() {
    let v = Json::Obj(vec![
        ("a\"b".into(), Json::Str("line\nbreak\t\u{1}".into())),
        ("n".into(), Json::Num(f64::NAN)),
        ("big".into(), Json::Num(1e300)),
        ("list".into(), Json::Arr(vec![Json::Bool(true), Json::Null])),
    ]);
    let text = v.pretty();
    assert_eq!(text, "{\n  \"a\\\"b\": \"line\\nbreak\\t\\u0001\",\n  \"n\": null,\n  \"big\": 1e300,\n  \"list\": [\n    true,\n    null\n  ]\n}");
    assert_eq!(json::parse(&text).unwrap().get("a\"b").and_then(Json::as_str), Some("line\nbreak\t\u{1}"));
}

/// OWASP's CSV-injection payloads (formula, DDE, a formula after a tab, a carriage return or a
/// space), as a calculation's name.
const PAYLOADS: &[&str] = &[
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    " =1+1",
];

/// Whether a cell, as a spreadsheet reads it, starts a formula: `=`, `+`, `-` or `@` after any
/// spaces, or a tab or carriage return first; a number (`-3`, `-1.5e3`) does not. Written here
/// apart from the crate's own check, so a mistake there shows.
fn starts_formula(cell: &str) -> bool {
    let is_number = cell.parse::<f64>().is_ok_and(f64::is_finite)
        && !cell.contains(|c: char| c.is_alphabetic() && !matches!(c, 'e' | 'E'));
    (cell.starts_with(['\t', '\r']) || cell.trim_start().starts_with(['=', '+', '-', '@'])) && !is_number
}

#[test]
fn the_check_of_formula_cells_catches_what_it_looks_for() {
    assert!(PAYLOADS.iter().all(|p| starts_formula(p)));
    assert!(!starts_formula("-3") && !starts_formula("-1.5e3") && !starts_formula("'=1+1"));
    assert!(starts_formula("-inf") && starts_formula("-"));
}

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralized() {
    use aicompute::catalog::csv::cell;
    assert_eq!(cell("=cmd|' /C calc'!A0"), "\"'=cmd|' /C calc'!A0\"");
    assert_eq!(cell("+SUM(1,2)"), "\"'+SUM(1,2)\"");
    assert_eq!(cell("@SUM(1+1)"), "\"'@SUM(1+1)\"");
    assert_eq!(cell("\t=1+1"), "\"'\t=1+1\"");
    assert_eq!(cell("\r=1+1"), "\"'\r=1+1\"");
    assert_eq!(cell("  =1+1"), "\"'  =1+1\"");
    assert_eq!(cell("-2+3"), "\"'-2+3\"");
    assert_eq!(cell("＝1+1"), "\"'＝1+1\"", "the full-width equals sign");
    assert_eq!(cell("say \"=1\""), "\"say \"\"=1\"\"\"", "a formula sign inside a text is harmless");
    // Numbers stay numbers.
    for n in ["-3", "-1.5e3", "-0.25", "+7", "1e-7", "-2E+5", "3.15e23"] {
        assert_eq!(cell(n), n);
    }
    // Not numbers, though they start like one.
    assert_eq!(cell("-inf"), "\"'-inf\"");
    assert_eq!(cell("-"), "\"'-\"");
    assert_eq!(cell("-3 d"), "\"'-3 d\"");
    assert_eq!(cell("-1e"), "\"'-1e\"");
    // Quoting as before.
    assert_eq!(cell("a,b"), "\"a,b\"");
    assert_eq!(cell("a;b"), "\"a;b\"");
    assert_eq!(cell("plain"), "plain");
}

#[test]
fn no_csv_export_cell_starts_a_formula() {
    for payload in PAYLOADS {
        let c = Calculation { name: payload.to_string(), ..gpt3() };
        let ev = evaluate(&c, cat());
        let text = export::csv(&c, &ev, "https://example.org/?v=1", Lang::En, true);
        let table = aicompute::catalog::csv::parse(&text).unwrap_or_else(|e| panic!("{e}: {text}"));
        let value = |field: &str| table.iter().find(|r| r[0] == field).map(|r| r[1].clone());
        assert_eq!(value("inputs.name"), Some(format!("'{payload}")), "{text}");
        let bibtex = value("bibtex").unwrap();
        assert!(bibtex.starts_with("'@misc{amodei2018aicompute,"), "{bibtex}");
        for cell in table.iter().flatten() {
            assert!(!starts_formula(cell), "{cell:?} in {text}");
        }
        // Numbers are still numbers: 6 × 175e9 × 300e9.
        assert_eq!(value("method1.flop").as_deref(), Some("3.15e23"));
    }
}

#[test]
fn negative_numbers_in_the_csv_stay_numbers() {
    // A name that is a negative number is a number to a spreadsheet, not a formula.
    for n in ["-3", "-1.5e3"] {
        let c = Calculation { name: n.into(), ..gpt3() };
        let text = export::csv(&c, &evaluate(&c, cat()), "", Lang::En, false);
        assert!(text.contains(&format!("\r\ninputs.name,{n}\r\n")), "{text}");
    }
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}

#[test]
fn the_sources_are_in_the_export_language() {
    let mut c = gpt3();
    *Field::Grid.get_mut(&mut c) = "france".into();
    let ev = evaluate(&c, cat());
    let sources = |lang| export::sources(&ev, true, lang);
    let zh = sources(Lang::Zh);
    assert_eq!(zh.len(), sources(Lang::En).len(), "{zh:?}");
    assert!(zh[0].starts_with("Amodei 与 Hernandez（2018），《AI and Compute》"), "{zh:?}");
    assert!(zh.iter().any(|s| s.starts_with("NVIDIA A100 TDP：")), "{zh:?}");
    assert!(zh.iter().any(|s| s.starts_with("PUE 1.1：")), "{zh:?}");
    // Issue 20's rule for the Chinese page, for its downloads too: no English prose (outside
    // the addresses).
    for s in &zh {
        let prose = without_addresses(s);
        for word in ["peak", "datasheet", "fleet", "trailing", "average", "Source", "data set"] {
            assert!(!prose.contains(word), "{word:?} in {s}");
        }
    }
    assert!(sources(Lang::En)[0].starts_with("Amodei & Hernandez (2018)"), "{:?}", sources(Lang::En));
}

/// `s` without its web addresses (each from "http" to a space, a Chinese comma or semicolon,
/// or a closing bracket).
fn without_addresses(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(at) = rest.find("http") {
        out.push_str(&rest[..at]);
        let end = rest[at..].find([' ', '；', '，', '）']).map_or(rest.len(), |e| at + e);
        rest = &rest[end..];
    }
    out + rest
}

#[test]
fn the_thresholds_are_named_in_the_export_language() {
    let c = gpt3();
    let ev = evaluate(&c, cat());
    let name = |lang| {
        let v = json::parse(&export::calculation(&c, &ev, "", lang, false).pretty()).unwrap();
        let Some(Json::Arr(list)) = v.get("method1").and_then(|m| m.get("thresholds")) else { panic!("thresholds") };
        let eu = list.iter().find(|t| t.get("id").and_then(Json::as_str) == Some("eu-ai-act")).expect("eu-ai-act");
        eu.get("name").and_then(Json::as_str).unwrap().to_string()
    };
    assert_eq!(name(Lang::En), "EU AI Act");
    assert_eq!(name(Lang::Zh), "欧盟《人工智能法》");
}
