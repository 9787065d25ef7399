//! The string table: every key has both languages, every key the code names exists, and the
//! Chinese placeholders are inputs the parser takes, equal to the English ones.

use aicompute::calculation::calc::Field;
use aicompute::language::expr::eval;
use aicompute::text::i18n::{t, Lang, STRINGS};
use std::collections::BTreeSet;

fn keys() -> BTreeSet<&'static str> {
    STRINGS.iter().map(|(k, _, _)| *k).collect()
}

#[test]
fn every_key_has_both_languages() {
    let empty: Vec<_> =
        STRINGS.iter().filter(|(_, en, zh)| en.trim().is_empty() || zh.trim().is_empty()).map(|r| r.0).collect();
    assert!(empty.is_empty(), "keys missing a language: {empty:?}");
}

#[test]
fn keys_are_unique() {
    assert_eq!(keys().len(), STRINGS.len(), "a key appears twice");
}

#[test]
fn every_field_label_and_placeholder_is_a_key() {
    let ks = keys();
    for f in Field::ALL {
        let s = f.spec();
        assert!(ks.contains(s.label), "{f:?}: label key {} missing", s.label);
        assert!(ks.contains(s.placeholder), "{f:?}: placeholder key {} missing", s.placeholder);
    }
}

/// String literals of a Rust source that look like a key of one of the table's groups
/// (`"m1.title"`, `"ph.time"`), file names aside.
fn key_literals(src: &str, groups: &BTreeSet<&str>) -> Vec<String> {
    src.split('"')
        .skip(1)
        .step_by(2)
        .filter(|s| {
            let Some((group, rest)) = s.split_once('.') else { return false };
            groups.contains(group)
                && !rest.is_empty()
                && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.')
                && ![".rs", ".csv", ".txt", ".md"].iter().any(|e| s.ends_with(e))
        })
        .map(str::to_string)
        .collect()
}

fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("i18n.rs") {
            out.push((p.display().to_string(), std::fs::read_to_string(&p).unwrap()));
        }
    }
}

/// The sources of the whole workspace: the core, the page (the root package) and the CLI.
fn workspace_sources(out: &mut Vec<(String, String)>) {
    let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in [core.join("src"), core.join("../../src"), core.join("../cli/src")] {
        assert!(dir.is_dir(), "{} is not a folder", dir.display());
        sources(&dir, out);
    }
}

#[test]
fn every_key_the_code_names_exists() {
    let ks = keys();
    let groups: BTreeSet<&str> = ks.iter().filter_map(|k| k.split_once('.').map(|p| p.0)).collect();
    let mut files = Vec::new();
    workspace_sources(&mut files);
    let mut seen = 0;
    for (path, text) in &files {
        for k in key_literals(text, &groups) {
            seen += 1;
            assert!(ks.contains(k.as_str()), "{path}: \"{k}\" is not in the string table");
        }
    }
    // The scan finds the keys the page names (hundreds): it cannot silently find none.
    assert!(seen > 50, "only {seen} key literals found");
}

#[test]
fn the_scanner_finds_keys_and_skips_file_names() {
    let groups: BTreeSet<&str> = ["m1", "trend"].into_iter().collect();
    let src = r#"t(lang, "m1.title"); include!("trend.rs"); "m1.nope"; "other.key"; "m1""#;
    assert_eq!(key_literals(src, &groups), vec!["m1.title", "m1.nope"]);
}

/// Placeholders are typed examples: in Chinese with 天, 万, 亿, the same value as in English.
#[test]
fn chinese_placeholders_parse_to_the_english_values() {
    let cases = [
        ("ph.forward", "114 亿", 11.4e9),
        ("ph.examples", "120 万", 1.2e6),
        ("ph.parameters", "1750 亿", 175e9),
        ("ph.tokens", "3000 亿", 300e9),
        ("ph.time", "5.5 天", 5.5 * 86400.0),
    ];
    for (key, zh, value) in cases {
        assert_eq!(t(Lang::Zh, key), zh, "{key}");
        for lang in [Lang::En, Lang::Zh] {
            let v = eval(t(lang, key)).unwrap_or_else(|e| panic!("{key} {lang:?}: {}", e.message(lang)));
            assert!((v.lo - value).abs() <= value * 1e-12, "{key} {lang:?}: {} != {value}", v.lo);
        }
    }
}

fn is_cjk(c: char) -> bool {
    ('\u{3000}'..='\u{303f}').contains(&c)
        || ('\u{4e00}'..='\u{9fff}').contains(&c)
        || ('\u{ff00}'..='\u{ffef}').contains(&c)
}

/// Half-width `( ) : ;` or `,` next to a CJK character (ideograph or full-width punctuation).
pub fn half_width_next_to_cjk(s: &str) -> Option<String> {
    let cs: Vec<char> = s.chars().collect();
    (0..cs.len()).find_map(|i| {
        let near = |k: Option<usize>| k.and_then(|k| cs.get(k)).is_some_and(|c| is_cjk(*c));
        let bad = matches!(cs[i], '(' | ')' | ':' | ';' | ',') && (near(i.checked_sub(1)) || near(Some(i + 1)));
        bad.then(|| cs[i.saturating_sub(4)..(i + 5).min(cs.len())].iter().collect())
    })
}

#[test]
fn chinese_strings_use_full_width_punctuation() {
    for (k, _, zh) in STRINGS {
        assert_eq!(half_width_next_to_cjk(zh), None, "{k}: {zh}");
    }
    assert_eq!(half_width_next_to_cjk("来源: OpenAI"), Some("来源: Ope".into()), "the check can fail");
}

#[test]
fn chinese_uses_the_chosen_terms() {
    assert_eq!(t(Lang::Zh, "trend.dataset"), "数据来源");
    assert_eq!(t(Lang::Zh, "preset.published"), "公布数值");
    assert_eq!(t(Lang::Zh, "trend.ci"), "95% 置信区间");
    for (k, _, zh) in STRINGS {
        assert!(!zh.contains("操作数") || *k == "app.subtitle", "{k}: 运算次数, not 操作数: {zh}");
    }
    assert!(t(Lang::Zh, "app.terms").contains("浮点运算次数") && t(Lang::Zh, "app.terms").contains("每秒浮点运算次数"));
}

/// Every Chinese string literal of the source (messages written with `tr`, notes, sources), not
/// only the table's: full-width punctuation, and 运算次数 rather than 操作数.
#[test]
fn chinese_literals_in_the_source_use_full_width_punctuation() {
    let mut files = Vec::new();
    workspace_sources(&mut files);
    let mut seen = 0;
    for (path, text) in &files {
        for lit in text.split('"').skip(1).step_by(2).filter(|s| s.chars().any(is_cjk)) {
            seen += 1;
            assert_eq!(half_width_next_to_cjk(lit), None, "{path}: {lit}");
            assert!(!lit.contains("操作"), "{path}: 运算次数, not 操作: {lit}");
        }
    }
    assert!(seen > 100, "only {seen} Chinese literals found");
}
