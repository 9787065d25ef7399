//! `aicompute chart`: the trend chart of a selection (as for `trend`) written as an SVG file, with
//! the user's point if given.

use crate::files::write_text;
use crate::trend::{selection, SELECTION};
use crate::{lang, opt, Args, Cmd, Fail, Opt, Val};
use aicompute::calculation::field::Need;
use aicompute::catalog::Catalog;
use aicompute::language::expr::{self, Dim, Value};
use aicompute::plot::chart;
use aicompute::say;
use aicompute::text::i18n::CliKey;

pub const CMD: Cmd = Cmd {
    name: "chart",
    fields: None,
    before: &SELECTION,
    after: &[
        Opt { flag: "--svg", value: Val::Name(CliKey::CliValueFile), need: Need::Required },
        opt("--width", Val::Name(CliKey::CliValuePixels)),
        opt("--height", Val::Name(CliKey::CliValuePixels)),
        opt("--dark", Val::Switch),
        opt("--point", Val::Words("FLOP")),
        opt("--date", Val::Words("YYYY-MM")),
        opt("--moore", Val::Words("18|24|none")),
    ],
    notes: &[CliKey::CliUsageChart],
    run,
};

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let lang = lang();
    let sel = selection(&a)?;
    let path = a.get("--svg").ok_or(Fail::Says(CliKey::CliNoSvg))?;
    let dim = |flag: &str, default: u32| -> Result<u32, Fail> {
        match a.get(flag) {
            None => Ok(default),
            Some(v) => v
                .parse::<u32>()
                .ok()
                .filter(|v| (200..=8000).contains(v))
                .ok_or_else(|| Fail::BadSize { flag: flag.into(), value: v.into() }),
        }
    };
    let (w, h) = (dim("--width", 1000)?, dim("--height", 600)?);
    if a.has("--json") {
        return Err(Fail::Says(CliKey::CliChartJson));
    }
    let user = match a.get("--point") {
        None => None,
        Some(p) => {
            let v = point(p)?;
            let date = a.get("--date").ok_or(Fail::Says(CliKey::CliNoDate))?;
            let years = aicompute::language::date::Date::parse(date)
                .map_err(|e| Fail::Core { flag: "--date".into(), message: e.message(lang) })?
                .years();
            Some(chart::UserPoint { years, flop: v.mid(), low: v.lo, high: v.hi, label: String::new() })
        }
    };
    let moore = match a.choice("--moore", &["18", "24", "none"])? {
        None | Some("18") => Some(18.0),
        Some("24") => Some(24.0),
        Some(_) => None,
    };
    let spec = chart::ChartSpec {
        background: chart::Background {
            points: sel.points(cat).into_iter().cloned().collect(),
            fit: sel.fit(cat),
            moore_months: moore,
            lang,
            dark: a.has("--dark"),
            ..Default::default()
        },
        user,
    };
    let (svg, layout) = chart::svg(&spec, w, h).map_err(|e| Fail::DrawFailed(e.to_string()))?;
    write_text("--svg", path, svg)?;
    let n = layout.markers.len();
    println!("{}", say!(lang, CliKey::CliWrote, path = path, points = n, width = w, height = h));
    Ok(())
}

/// The chart's --point: an amount of operations above zero (a bare number is FLOP).
fn point(text: &str) -> Result<Value, Fail> {
    let v = expr::eval(text).map_err(|e| Fail::Core { flag: "--point".into(), message: e.message(lang()) })?;
    if v.dim != Dim::OPS && v.dim != Dim::COUNT {
        return Err(Fail::PointNotOps { text: text.into(), got: v.dim });
    }
    if v.lo <= 0.0 {
        return Err(Fail::PointNotPositive(text.into()));
    }
    Ok(v)
}
