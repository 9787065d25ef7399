//! The static shell of index.html (what the first paint shows before the wasm runs) says what
//! the app will: its title and panel headings are the app's own strings, in both languages, and
//! its panels are the app's panels in the app's order; its trend panel has the slot the build draws
//! the chart into.

use aicompute::calculation::examples::EXAMPLES;
use aicompute::text::format::superscript;
use aicompute::text::i18n::{t, Key, Lang};

const INDEX: &str = include_str!("../index.html");

/// The text of the first `<tag ...>` element after `from` in the shell.
fn element_after<'a>(html: &'a str, from: &str, tag: &str) -> &'a str {
    let start = html.find(from).unwrap_or_else(|| panic!("no {from} in index.html"));
    let rest = &html[start..];
    let open = rest.find(&format!("<{tag}")).unwrap_or_else(|| panic!("no <{tag}> after {from}"));
    let body = &rest[open..];
    let text = &body[body.find('>').unwrap() + 1..];
    &text[..text.find(&format!("</{tag}>")).unwrap()]
}

/// A heading as the shell writes it: the English and the Chinese, each marked with its language
/// (style/main.css shows the one on the root element, which js/lang.js sets; screen readers read
/// the shown one in its language).
fn both(key: Key) -> String {
    pair(t(Lang::En, key), t(Lang::Zh, key))
}

fn pair(en: &str, zh: &str) -> String {
    format!(r#"<span lang="en">{en}</span><span lang="zh-CN">{zh}</span>"#)
}

/// Text as HTML writes it.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The worked examples' menu as PresetMenu writes it in a language (its width is its widest name's).
fn menu(lang: Lang, code: &str) -> String {
    let groups = [(true, Key::PresetSeed), (false, Key::PresetModern)].map(|(seed, key)| {
        let names = EXAMPLES
            .iter()
            .filter(|e| e.seed == seed)
            .map(|e| format!("<option>{}</option>", escape(&e.display_name(lang))));
        format!(r#"<optgroup label="{}">{}</optgroup>"#, escape(t(lang, key)), names.collect::<String>())
    });
    format!(
        r#"<select lang="{code}" disabled><option>{}</option>{}</select>"#,
        escape(t(lang, Key::PresetNone)),
        groups.concat()
    )
}

#[test]
fn the_shell_header_is_the_app_header_in_both_languages() {
    // Its texts and its buttons (disabled), as src/app/mod.rs's Page and PageControls write them,
    // so that it is as tall as the app's header at every width (e2e first-view measures that).
    let shell = &INDEX[INDEX.find(r#"<div id="loading""#).expect("the shell's element")..];
    let header = &shell[..shell.find("</header>").expect("the shell's header")];
    let sup = |key: Key| pair(&superscript(t(Lang::En, key)), &superscript(t(Lang::Zh, key)));
    let expected = [
        format!(r#"<p class="subtitle">{}</p>"#, both(Key::AppSubtitle)),
        format!(r#"<p class="pfsday">{}</p>"#, sup(Key::AppPfsday)),
        format!(r#"<p class="pfsday">{}</p>"#, sup(Key::AppTerms)),
        menu(Lang::En, "en"),
        menu(Lang::Zh, "zh-CN"),
        format!(r#"<button type="button" class="secondary" disabled>{}</button>"#, both(Key::NewCalculation)),
        format!(r#"<button type="button" disabled>{}</button>"#, both(Key::ShareCopy)),
        format!(r#"<details class="share-menu"><summary>{}</summary></details>"#, both(Key::ShareMore)),
        // The place of the link's QR code, which the app's header shows in projector mode.
        format!(
            r#"<figure class="share-qr shell-qr"><div></div><figcaption>{}</figcaption></figure>"#,
            both(Key::ShareQrCaption)
        ),
        r#"<span class="copy-status"></span>"#.to_string(),
        format!(r#"<button type="button" class="secondary" disabled>{}</button>"#, both(Key::Projector)),
        format!(r#"<button type="button" class="secondary" disabled>{}</button>"#, both(Key::Print)),
        format!(
            r#"<button type="button" class="secondary" disabled>{}</button>"#,
            pair(
                &format!(r#"<span lang="zh-CN">{}</span>"#, t(Lang::En, Key::LangSwitch)),
                &format!(r#"<span lang="en">{}</span>"#, t(Lang::Zh, Key::LangSwitch))
            )
        ),
    ];
    let mut from = 0;
    for e in expected {
        let at = header[from..].find(&e).unwrap_or_else(|| panic!("not in the shell's header, in order:\n{e}\n"));
        from += at + e.len();
    }
}

#[test]
fn the_shell_headings_are_the_app_strings_in_both_languages() {
    let shell = &INDEX[INDEX.find(r#"<div id="loading""#).expect("the shell's element")..];
    assert_eq!(element_after(shell, "<header", "h1"), both(Key::AppTitle));
    for (panel, key) in [
        ("panel method1", Key::M1Title),
        ("panel method2", Key::M2Title),
        ("panel results", Key::ResultsTitle),
        ("panel trend", Key::TrendTitle),
    ] {
        assert_eq!(element_after(shell, &format!(r#"class="{panel}""#), "h2"), both(key), "{panel}");
    }
}

#[test]
fn the_shell_language_is_set_before_the_shell_is_parsed() {
    // A classic script (not a module, not async or deferred) in the head runs before the body
    // is parsed, so the first layout has one language.
    let head = &INDEX[..INDEX.find("<body>").expect("a body")];
    assert!(head.contains(r#"<script src="lang.js"></script>"#), "js/lang.js in the head");
    assert!(head.contains(r#"<link data-trunk rel="copy-file" href="js/lang.js" />"#), "Trunk copies it");
    // No frame before the header is whole (a part of it would be laid out, then moved).
    assert!(head.contains(r##"<link rel="expect" href="#shell-header-end" blocking="render" />"##));
    assert!(INDEX
        .contains("      </header>\n      <div id=\"shell-header-end\" hidden></div>\n      <main class=\"grid\">"));
    let css = include_str!("../style/main.css");
    assert!(css.contains(
        r#"html:not(:lang(zh)) .shell [lang|="zh"]:not(.shell [lang] *), html:lang(zh) .shell [lang="en"]:not(.shell [lang] *) { display: none; }"#
    ));
}

#[test]
fn the_shell_panels_come_in_the_app_order() {
    let shell = &INDEX[INDEX.find(r#"<div id="loading""#).unwrap()..];
    let at = |class: &str| shell.find(&format!(r#"class="panel {class}""#)).unwrap_or(usize::MAX);
    let order = ["method1", "method2", "results", "trend"].map(at);
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    // And the app mounts the same panels in that order.
    let src = [
        include_str!("../src/app/fields.rs"),
        include_str!("../src/app/results.rs"),
        include_str!("../src/app/chart.rs"),
    ];
    for class in ["method1", "method2", "results", "trend"] {
        assert!(src.iter().any(|s| s.contains(&format!(r#"class="panel {class}""#))), "the app has a {class} panel");
    }
}

#[test]
fn the_trend_panel_has_the_slot_the_build_draws_its_chart_into() {
    // scripts/shell-chart.mjs (a Trunk hook) replaces exactly this element with the core's
    // drawings, and stops the build if it is missing.
    let trend = &INDEX[INDEX.find(r#"class="panel trend""#).expect("the trend panel")..];
    let slot = r#"<div class="shell-chart"></div>"#;
    assert!(trend[..trend.find("</section>").unwrap()].contains(slot), "{slot} in the trend panel");
    assert_eq!(INDEX.matches(slot).count(), 1);
    let script = include_str!("../scripts/shell-chart.mjs");
    assert!(script.contains(&format!("const SLOT = '{slot}';")));
}
