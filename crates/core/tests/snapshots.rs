//! Every worked example's derivation and notes, in both languages, as a snapshot: a change to formatting
//! or arithmetic shows up as a diff of `tests/snapshots/examples.txt` to review.
//! Regenerate with `UPDATE_SNAPSHOTS=1 cargo test --test snapshots`.

use aicompute::calculation::calc::{evaluate, Lang, Method};
use aicompute::calculation::examples::EXAMPLES;
use aicompute::text::render;

fn render_all() -> String {
    let mut out = String::new();
    for ex in EXAMPLES {
        let ev = evaluate(&ex.calculation(), cat());
        let est = match ex.method {
            Method::Gpu => ev.method2.estimate(),
            _ => ev.method1.estimate(),
        }
        .expect("every example evaluates");
        out.push_str(&format!("## {} ({} · {})\n", ex.id, ex.display_name(Lang::En), ex.display_name(Lang::Zh)));
        for lang in [Lang::En, Lang::Zh] {
            for line in render::steps(est, lang) {
                out.push_str(&format!("{line}\n"));
            }
        }
        for n in &est.notes {
            out.push_str(&format!("note: {}\n", render::note(n, Lang::En)));
            out.push_str(&format!("注：{}\n", render::note(n, Lang::Zh)));
        }
        out.push_str(&format!(
            "published: {} pfs-days{}\n\n",
            aicompute::text::format::readable(ex.published_pfs_days, 3, ","),
            if ex.differs(cat()) { " (differs from its arithmetic by more than 10%)" } else { "" }
        ));
    }
    out
}

#[test]
fn examples_snapshot() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/snapshots/examples.txt");
    let got = render_all();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(path).expect("tests/snapshots/examples.txt exists");
    if got != want {
        for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
            assert_eq!(g, w, "first difference at line {}", i + 1);
        }
        assert_eq!(got.lines().count(), want.lines().count(), "line counts differ");
    }
}

/// The catalog the tests read: the built-in data and Epoch AI's, embedded (read once per test
/// binary).
fn cat() -> &'static aicompute::catalog::Catalog {
    static CAT: std::sync::OnceLock<aicompute::catalog::Catalog> = std::sync::OnceLock::new();
    CAT.get_or_init(aicompute::catalog::Catalog::full)
}
