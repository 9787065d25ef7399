//! The string table: every key has both languages, every key the code names exists, and the
//! Chinese placeholders are inputs the parser takes, equal to the English ones.

use aicompute::language::expr::eval;
use aicompute::text::i18n::{t, CliKey, Key, Lang};
use std::collections::BTreeSet;

#[test]
fn every_key_has_both_languages_and_a_name() {
    for &k in Key::ALL {
        assert!(!t(Lang::En, k).trim().is_empty() && !t(Lang::Zh, k).trim().is_empty(), "{}", k.name());
    }
    for &k in CliKey::ALL {
        assert!(!t(Lang::En, k).trim().is_empty() && !t(Lang::Zh, k).trim().is_empty(), "{}", k.name());
        assert!(k.name().starts_with("cli."), "{}", k.name());
    }
    let names: BTreeSet<&str> = Key::ALL.iter().map(|k| k.name()).chain(CliKey::ALL.iter().map(|k| k.name())).collect();
    assert_eq!(names.len(), Key::ALL.len() + CliKey::ALL.len(), "a key appears twice");
    assert!(Key::ALL.iter().all(|k| !k.name().starts_with("cli.")));
    assert_eq!(Key::AppTitle.name(), "app.title");
    assert_eq!(t(Lang::Zh, Key::AppTitle), "AI 训练算力计算器");
}

fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            sources(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
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

/// `AppTitle` for `app.title`, as the build names the key's variant.
fn variant(name: &str) -> String {
    name.split(['.', '_', '-']).map(|w| w[..1].to_uppercase() + &w[1..]).collect()
}

/// Every key of the language files is named by some code: a string no code shows is a string
/// nobody maintains.
#[test]
fn every_key_is_used() {
    let mut files = Vec::new();
    workspace_sources(&mut files);
    let all: String = files.iter().map(|f| f.1.as_str()).collect();
    let unused: Vec<&str> = Key::ALL
        .iter()
        .map(|k| k.name())
        .chain(CliKey::ALL.iter().map(|k| k.name()))
        .filter(|n| {
            let v = variant(n);
            !all.match_indices(&format!("Key::{v}"))
                .any(|(i, _)| !all[i + 5 + v.len()..].starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
        })
        .collect();
    assert!(unused.is_empty(), "keys no code names: {unused:?}");
}

/// Placeholders are typed examples: in Chinese with 天, 万, 亿, the same value as in English.
#[test]
fn chinese_placeholders_parse_to_the_english_values() {
    let cases = [
        (Key::PhForward, "114 亿", 11.4e9),
        (Key::PhExamples, "120 万", 1.2e6),
        (Key::PhParameters, "1750 亿", 175e9),
        (Key::PhTokens, "3000 亿", 300e9),
        (Key::PhTime, "5.5 天", 5.5 * 86400.0),
    ];
    for (key, zh, value) in cases {
        assert_eq!(t(Lang::Zh, key), zh, "{key:?}");
        for lang in [Lang::En, Lang::Zh] {
            let v = eval(t(lang, key)).unwrap_or_else(|e| panic!("{key:?} {lang:?}: {}", e.message(lang)));
            assert!((v.lo - value).abs() <= value * 1e-12, "{key:?} {lang:?}: {} != {value}", v.lo);
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
    for &k in Key::ALL {
        let zh = t(Lang::Zh, k);
        assert_eq!(half_width_next_to_cjk(zh), None, "{}: {zh}", k.name());
    }
    for &k in CliKey::ALL {
        let zh = t(Lang::Zh, k);
        assert_eq!(half_width_next_to_cjk(zh), None, "{}: {zh}", k.name());
    }
    assert_eq!(half_width_next_to_cjk("来源: OpenAI"), Some("来源: Ope".into()), "the check can fail");
}

#[test]
fn chinese_uses_the_chosen_terms() {
    assert_eq!(t(Lang::Zh, Key::TrendDataset), "数据来源");
    assert_eq!(t(Lang::Zh, Key::PresetPublished), "公布数值");
    assert_eq!(t(Lang::Zh, Key::TrendCi), "95% 置信区间");
    for &k in Key::ALL {
        let zh = t(Lang::Zh, k);
        assert!(!zh.contains("操作数") || k == Key::AppSubtitle, "{}: 运算次数, not 操作数: {zh}", k.name());
    }
    assert!(
        t(Lang::Zh, Key::AppTerms).contains("浮点运算次数") && t(Lang::Zh, Key::AppTerms).contains("每秒浮点运算次数")
    );
}

/// Chinese text: ideographs and the CJK punctuation of sentences (、。「」); the full-width forms
/// the parsers accept as input (（ ％ ～) are symbols, not text.
fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| ('\u{3400}'..='\u{9fff}').contains(&c) || ('\u{3000}'..='\u{303f}').contains(&c))
}

/// One way to say a string: no source file of the core, the page or the CLI holds Chinese text
/// (it is all in `lang/zh.txt`); only tests may (they assert it).
#[test]
fn no_source_file_holds_chinese() {
    let mut files = Vec::new();
    workspace_sources(&mut files);
    let with: Vec<String> = files
        .iter()
        .filter_map(|(path, text)| {
            let n = text.lines().filter(|l| has_cjk(l)).count();
            (n > 0).then(|| format!("{path}: {n} lines"))
        })
        .collect();
    assert!(with.is_empty(), "Chinese text in the sources: {with:#?}");
    assert!(has_cjk("算力") && !has_cjk("FLOP ×"), "the check can fail");
}

/// A value is put in once: a typed text that looks like a placeholder stays as typed.
#[test]
fn a_value_is_never_filled_again() {
    use aicompute::text::i18n::fill;
    let text =
        fill("'{query}' fits {matches} chips: {chip}", &[("query", &"{chip}"), ("matches", &2), ("chip", &"A100")]);
    assert_eq!(text, "'{chip}' fits 2 chips: A100");
    assert_eq!(fill("{a}{b} {c} {", &[("a", &"{b}"), ("b", &1)]), "{b}1 {c} {");
}
