//! `aicompute exercises`: the worked examples as a question sheet, or (with `--answers`) its
//! answer key; with `--json`, one object per exercise (the answer and the exact figures only with
//! `--answers`).

use crate::{lang, opt, Args, Cmd, Fail, Val, JSON};
use aicompute::catalog::Catalog;
use aicompute::classroom::quiz;
use aicompute::language::units;
use aicompute::text::i18n::CliKey;
use serde_json::{json, Map, Value as Json};

pub const CMD: Cmd = Cmd {
    name: "exercises",
    fields: None,
    before: &[],
    after: &[opt("--answers", Val::Switch), JSON],
    notes: &[CliKey::CliUsageExercises],
    run,
};

fn run(raw: &[String], cat: &Catalog) -> Result<(), Fail> {
    let a = Args::parse(raw, &CMD)?;
    let (lang, answers) = (lang(), a.has("--answers"));
    if a.has("--json") {
        let list: Vec<Json> = quiz::exercises(cat)
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let mut m = Map::new();
                m.insert("number".into(), json!(i + 1));
                m.insert("id".into(), json!(x.example.id));
                m.insert("name".into(), json!(x.example.display_name(lang)));
                m.insert("question".into(), json!(x.question(lang)));
                if answers {
                    m.insert("answer".into(), json!(x.answer(lang)));
                    m.insert("flop".into(), json!(x.exact_flop));
                    m.insert("pfs_days".into(), json!(units::pfs_days(x.exact_flop)));
                }
                Json::Object(m)
            })
            .collect();
        println!("{}", Json::Array(list));
        return Ok(());
    }
    print!("{}", if answers { quiz::answer_key(cat, lang) } else { quiz::question_sheet(cat, lang) });
    Ok(())
}
