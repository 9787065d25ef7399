//! The strict JSON reader: values, exact error texts with line and column, limits.

use aicompute::model::json::{parse, Json, JsonErrorKind, MAX_BYTES, MAX_DEPTH};
use aicompute::text::i18n::Lang;

#[track_caller]
fn ok(text: &str, want: Json) {
    assert_eq!(parse(text), Ok(want), "{text:?}");
}

#[track_caller]
fn err(text: &str, en: &str) {
    match parse(text) {
        Ok(v) => panic!("{text:?} gave {v:?}, expected {en:?}"),
        Err(e) => assert_eq!(e.message(Lang::En), en, "{text:?}"),
    }
}

#[track_caller]
fn err_zh(text: &str, zh: &str) {
    assert_eq!(parse(text).expect_err(text).message(Lang::Zh), zh, "{text:?}");
}

fn s(v: &str) -> Json {
    Json::Str(v.into())
}

#[test]
fn values() {
    ok("null", Json::Null);
    ok(" true ", Json::Bool(true));
    ok("false", Json::Bool(false));
    ok("0", Json::Num(0.0));
    ok("-12.5e2", Json::Num(-1250.0));
    ok("1E-2", Json::Num(0.01));
    ok("[]", Json::Arr(vec![]));
    ok("{}", Json::Obj(vec![]));
    ok(
        "[1, [2], {\"a\": null}]",
        Json::Arr(vec![Json::Num(1.0), Json::Arr(vec![Json::Num(2.0)]), Json::Obj(vec![("a".into(), Json::Null)])]),
    );
    ok(r#""a\"b\\c\/d\n\t""#, s("a\"b\\c/d\n\t"));
    ok(r#""\u00e9\u4e2d""#, s("é中"));
    ok(r#""\ud83d\ude00""#, s("😀"));
    ok("\"中文 ok\"", s("中文 ok"));
    ok("\u{feff}{}", Json::Obj(vec![]));
}

#[test]
fn a_config() {
    let text = r#"{
  "architectures": ["LlamaForCausalLM"],
  "hidden_size": 4096,
  "intermediate_size": 11008,
  "num_hidden_layers": 32,
  "rms_norm_eps": 1e-05,
  "tie_word_embeddings": false,
  "rope_scaling": null
}"#;
    let v = parse(text).unwrap();
    assert_eq!(v.get("hidden_size").and_then(Json::as_f64), Some(4096.0));
    assert_eq!(v.get("rms_norm_eps").and_then(Json::as_f64), Some(1e-5));
    assert_eq!(v.get("tie_word_embeddings").and_then(Json::as_bool), Some(false));
    assert_eq!(v.get("rope_scaling"), Some(&Json::Null));
    assert_eq!(v.get("architectures"), Some(&Json::Arr(vec![s("LlamaForCausalLM")])));
    assert_eq!(v.get("missing"), None);
}

#[test]
fn errors_say_where() {
    err("{\n  \"a\": 1,\n  \"b\": 2 \"c\"\n}", "not JSON: expected ',' or '}' at line 3, column 10");
    err("[1 2]", "not JSON: expected ',' or ']' at line 1, column 4");
    err("{\"a\" 1}", "not JSON: expected ':' at line 1, column 6");
    err("{a: 1}", "not JSON: expected a name in double quotes at line 1, column 2");
    err("{\"a\": 1,}", "not JSON: a comma before the closing bracket at line 1, column 9");
    err("[1,\n 2,\n]", "not JSON: a comma before the closing bracket at line 3, column 1");
    err("hello", "not JSON: expected a value at line 1, column 1");
    err("tru", "the text ends too early (line 1, column 4): is the paste cut off?");
    err("[NaN]", "not JSON: expected a value at line 1, column 2");
    err("01", "not JSON: more text after the value at line 1, column 2");
    err("1.", "the text ends too early (line 1, column 3): is the paste cut off?");
    err("-x", "not JSON: expected a digit at line 1, column 2");
    err("1e400", "not JSON: a number too large for a double at line 1, column 1");
    err("{} {}", "not JSON: more text after the value at line 1, column 4");
    err("\"a\\qb\"", "not JSON: an unknown escape after '\\' at line 1, column 3");
    err("\"\\ud83d x\"", "not JSON: half of a \\u surrogate pair at line 1, column 2");
    err("\"\\ude00\"", "not JSON: half of a \\u surrogate pair at line 1, column 2");
    err("\"\\u12g4\"", "not JSON: an unknown escape after '\\' at line 1, column 4");
    err("\"a\nb\"", "not JSON: a line break or control character inside a string at line 1, column 3");
    err("  ", "the text is empty: paste a JSON config");
    err("// comment\n{}", "not JSON: expected a value at line 1, column 1");
    // Columns count characters, not bytes.
    err("[\"中文\" 1]", "not JSON: expected ',' or ']' at line 1, column 7");
}

#[test]
fn truncated_text() {
    let full = "{\n  \"hidden_size\": 4096,\n  \"num_hidden_layers\": 32\n}";
    for cut in 1..full.len() {
        let e = parse(&full[..cut]).expect_err(&full[..cut]);
        assert_eq!(e.kind, JsonErrorKind::EndsEarly, "{:?}", &full[..cut]);
    }
    err("{\n  \"a\": [1,\n", "the text ends too early (line 3, column 1): is the paste cut off?");
    err("\"abc", "the text ends too early (line 1, column 5): is the paste cut off?");
}

#[test]
fn chinese_messages() {
    err_zh("[1 2]", "不是 JSON：此处应为“,”或“]”（第 1 行，第 4 列）");
    err_zh("tru", "文本提前结束（第 1 行，第 4 列）：粘贴的内容是否不完整？");
    err_zh("{\"a\": 1,}", "不是 JSON：右括号前多了逗号（第 1 行，第 9 列）");
}

#[test]
fn limits() {
    let deep_ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
    assert!(parse(&deep_ok).is_ok());
    let too_deep = "[".repeat(MAX_DEPTH + 1) + &"]".repeat(MAX_DEPTH + 1);
    err(&too_deep, "not JSON: nested deeper than 64 levels at line 1, column 65");
    // Far deeper than any stack could take: still an error, not a crash.
    let e = parse(&"{\"a\":".repeat(100_000)).unwrap_err();
    assert_eq!(e.kind, JsonErrorKind::TooDeep);
    let huge = format!("\"{}\"", "x".repeat(MAX_BYTES));
    err(&huge, "the text is 1000002 bytes, over the limit of 1000000 bytes");
    let big_ok = format!("[{}1]", "1,".repeat(400_000));
    assert!(parse(&big_ok).is_ok());
}

#[test]
fn garbage_never_panics() {
    for text in ["\u{0}", "\"\\u", "\"\\ud800\\u", "[-", "{\"a\"", "{\"a\":", "\"\\", "[1,", "ÿ", "\"\\uD800\\uD800\""]
    {
        assert!(parse(text).is_err(), "{text:?}");
    }
}

/// A key written twice in one object is refused, naming it and where its second one is: JSON
/// does not say which one counts, and a pasted config must not be read with the wrong one.
#[test]
fn repeated_keys_are_refused() {
    err("{\"a\": 1, \"a\": 2}", "the key \"a\" is repeated at line 1, column 10: keep one of them");
    err_zh("{\"a\": 1, \"a\": 2}", "键“a”在第 1 行第 10 列重复出现：请只保留一个");
    let config = "{\n  \"num_hidden_layers\": 32,\n  \"hidden_size\": 4096,\n  \"num_hidden_layers\": 2\n}";
    err(config, "the key \"num_hidden_layers\" is repeated at line 4, column 3: keep one of them");
    assert_eq!(parse(config).unwrap_err().kind, JsonErrorKind::DuplicateKey("num_hidden_layers".into()));
    // Escapes are read first: "\u0061" is "a".
    err("{\"a\": 1, \"\\u0061\": 2}", "the key \"a\" is repeated at line 1, column 10: keep one of them");
    // The same key in two objects, or as a value, is fine.
    assert!(parse("{\"a\": {\"a\": 1}, \"b\": {\"a\": 2}, \"c\": \"a\"}").is_ok());
    // A long key is quoted short.
    let long = "k".repeat(100);
    let e = parse(&format!("{{\"{long}\": 1, \"{long}\": 2}}")).unwrap_err();
    assert_eq!(e.kind, JsonErrorKind::DuplicateKey(format!("{}…", "k".repeat(40))));
    // Many keys stay quick (a set, not a scan per key).
    let many: Vec<String> = (0..50_000).map(|i| format!("\"k{i}\": {i}")).collect();
    let start = std::time::Instant::now();
    assert!(parse(&format!("{{{}}}", many.join(", "))).is_ok());
    assert!(start.elapsed() < std::time::Duration::from_secs(2), "{:?}", start.elapsed());
}
