//! The JSON and CSV exports: they parse, hold the inputs as typed and the figures, and quote
//! what needs quoting.

use aicompute::calc::{evaluate, Calculation, Field, Lang, Mode};
use aicompute::export;
use aicompute::json::{self, Json};

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
    let ev = evaluate(&c);
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
    let ev = evaluate(&c);
    let text = export::csv(&c, &ev, "https://example.org/?v=1", Lang::En, false);
    let rows: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(rows[0], "field,value");
    assert!(rows.contains(&"inputs.params,175B"), "{text}");
    assert!(rows.contains(&"inputs.name,\"GPT-3, \"\"175B\"\"\""), "{text}");
    assert!(rows.contains(&"method1.flop,3.15e23"), "{text}");
    assert!(rows.contains(&"footprint.cost_usd,3840.0"), "{text}");
    // Every row reads back as two fields with the CSV reader.
    let table = aicompute::csv::parse(&text).unwrap();
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
