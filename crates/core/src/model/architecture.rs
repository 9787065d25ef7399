//! The transformer tab's fields and [`crate::model::transformer`]'s shapes: reading the fields into a
//! [`Shape`] (every dimension a whole number, every switch yes or no), resolving it with its
//! stated defaults, and writing an architecture (from a pasted `config.json`) back into the
//! fields, so a share link carries the architecture and not the raw JSON.

use crate::calculation::field::{Calculation, Field, Want};
use crate::calculation::problem::{check_length, FieldError, Problem};
use crate::language::expr::{self, Dim};
use crate::model::transformer::{Arch, Assumption, Bias, ConfigError, Convention, Counts, Dimension, FieldUsed, Shape};
use crate::text::i18n::Key;
use crate::text::num::to_u64;

/// The largest whole number a dimension may be (2^53: every integer below is exact).
pub(crate) const MAX_WHOLE: f64 = 9_007_199_254_740_992.0;

/// The field of each dimension the tab has.
const DIMENSIONS: &[(Dimension, Field)] = &[
    (Dimension::Layers, Field::TLayers),
    (Dimension::DModel, Field::TDModel),
    (Dimension::Heads, Field::THeads),
    (Dimension::KvHeads, Field::TKvHeads),
    (Dimension::HeadDim, Field::THeadDim),
    (Dimension::DFf, Field::TDFf),
    (Dimension::Vocab, Field::TVocab),
    (Dimension::Context, Field::TContext),
    (Dimension::Experts, Field::TExperts),
    (Dimension::ActiveExperts, Field::TActive),
    (Dimension::SharedExperts, Field::TShared),
    (Dimension::MoeDFf, Field::TMoeDFf),
    (Dimension::SharedDFf, Field::TSharedDFf),
    (Dimension::DenseLayers, Field::TDense),
];

/// The tab's fields but the tokens, in the groups the page shows them: the main dimensions,
/// their switches, then the mixture of experts and other details.
pub const MAIN: &[Field] = &[
    Field::TLayers,
    Field::TDModel,
    Field::THeads,
    Field::TKvHeads,
    Field::THeadDim,
    Field::TDFf,
    Field::TVocab,
    Field::TContext,
];
pub const SWITCHES: &[Field] = &[Field::TGated, Field::TTied, Field::TConvention];
pub const MORE: &[Field] =
    &[Field::TExperts, Field::TActive, Field::TShared, Field::TMoeDFf, Field::TSharedDFf, Field::TDense, Field::TMla];
pub const MORE_SWITCHES: &[Field] = &[Field::TPositions, Field::TBias];

/// Every field of the tab but the tokens.
pub fn fields() -> impl Iterator<Item = Field> {
    [MAIN, SWITCHES, MORE, MORE_SWITCHES].into_iter().flatten().copied()
}

fn whole_text(field: Field, text: &str) -> Result<u64, FieldError> {
    let len = text.chars().count();
    if crate::language::date::looks_like_date(text) {
        return Err(FieldError::new(
            field,
            Problem::LooksLikeDate { text: text.trim().into(), want: Want::Whole },
            0,
            len,
        ));
    }
    let v = expr::eval(text).map_err(|e| FieldError::new(field, Problem::Expr(e.kind), e.start, e.end))?;
    let t = crate::calculation::field::excerpt(text.trim());
    if v.dim != Dim::COUNT || v.is_range() || !(v.lo >= 0.0 && v.lo <= MAX_WHOLE && v.lo.fract() == 0.0) {
        return Err(FieldError::new(field, Problem::NotWhole { text: t }, 0, len));
    }
    Ok(to_u64(v.lo))
}

/// A whole-number field: `None` when empty.
///
/// # Errors
///
/// A [`FieldError`] on `field` when the text is too long or not a whole number.
pub fn whole(field: Field, text: &str) -> Result<Option<u64>, FieldError> {
    check_length(field, text)?;
    if text.trim().is_empty() {
        return Ok(None);
    }
    whole_text(field, text).map(Some)
}

/// One of a field's words (any case), by its index; `None` when empty.
fn choice(field: Field, text: &str, options: &'static [&'static str]) -> Result<Option<usize>, FieldError> {
    check_length(field, text)?;
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match options.iter().position(|o| o.eq_ignore_ascii_case(t)) {
        Some(i) => Ok(Some(i)),
        None => {
            let problem = Problem::NotOneOf { text: crate::calculation::field::excerpt(t), options };
            Err(FieldError::new(field, problem, 0, text.chars().count()))
        }
    }
}

/// The words a [`Want::YesNo`], [`Want::Bias`] or [`Want::Convention`] field takes.
pub fn options(want: Want) -> &'static [&'static str] {
    match want {
        Want::YesNo => &["yes", "no"],
        Want::Bias => &["none", "qkv", "all"],
        Want::Convention => &["kaplan", "palm"],
        _ => &[],
    }
}

/// How the page shows one of [`options`] (the value stays the link's word): yes/no, which
/// biases, whose attention count, in the page's language.
pub fn option_word(word: &str, lang: crate::text::i18n::Lang) -> &str {
    let key = match word {
        "yes" => Key::WordYes,
        "no" => Key::WordNo,
        "none" => Key::WordNone,
        "qkv" => Key::WordQkv,
        "all" => Key::WordAll,
        "kaplan" => Key::WordKaplan,
        "palm" => Key::WordPalm,
        _ => return word,
    };
    crate::text::i18n::t(lang, key)
}

/// Checks a text as a field of the tab that wants `want` (the page, while the user types); the
/// error's field is filled in by the caller.
pub(crate) fn check_want(want: Want, text: &str) -> Result<(), FieldError> {
    match want {
        Want::Whole => whole(Field::Name, text).map(drop),
        Want::Mla => mla(text).map(drop),
        w => choice(Field::Name, text, options(w)).map(drop),
    }
}

fn yes_no(c: &Calculation, field: Field) -> Result<Option<bool>, FieldError> {
    Ok(choice(field, field.get(c), options(Want::YesNo))?.map(|i| i == 0))
}

/// MLA's five widths: q LoRA rank (0 for none), kv LoRA rank, rope, nope and value head
/// dimensions, separated by spaces or commas.
///
/// # Errors
///
/// A [`FieldError`] on the MLA field when the text is too long or is not five whole numbers
/// ([`Problem::NotMla`]).
pub fn mla(text: &str) -> Result<Option<[u64; 5]>, FieldError> {
    check_length(Field::TMla, text)?;
    let parts: Vec<&str> = text.split([' ', ',']).filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Ok(None);
    }
    let bad = || {
        FieldError::new(
            Field::TMla,
            Problem::NotMla { text: crate::calculation::field::excerpt(text.trim()) },
            0,
            text.chars().count(),
        )
    };
    if parts.len() != 5 {
        return Err(bad());
    }
    let mut out = [0u64; 5];
    for (o, p) in out.iter_mut().zip(parts) {
        *o = whole_text(Field::TMla, p).map_err(|_| bad())?;
    }
    Ok(Some(out))
}

/// Whether any field of the tab (or its tokens) is filled in.
pub fn filled(c: &Calculation) -> bool {
    fields().chain([Field::TTokens]).any(|f| !f.get(c).trim().is_empty())
}

/// The shape the fields give; every field's error is listed.
///
/// # Errors
///
/// Every field's [`FieldError`] at once: a number field that is too long or not a whole number, a
/// choice field whose word is not one of its options.
pub fn shape(c: &Calculation) -> Result<Shape, Vec<FieldError>> {
    let mut errors = Vec::new();
    let mut num = |f: Field| whole(f, f.get(c)).map_err(|e| errors.push(e)).ok().flatten();
    let mut s = Shape {
        layers: num(Field::TLayers),
        d_model: num(Field::TDModel),
        heads: num(Field::THeads),
        kv_heads: num(Field::TKvHeads),
        head_dim: num(Field::THeadDim),
        d_ff: num(Field::TDFf),
        vocab: num(Field::TVocab),
        context: num(Field::TContext),
        experts: num(Field::TExperts),
        active_experts: num(Field::TActive),
        shared_experts: num(Field::TShared),
        moe_d_ff: num(Field::TMoeDFf),
        shared_d_ff: num(Field::TSharedDFf),
        dense_layers: num(Field::TDense),
        ..Shape::default()
    };
    let mut keep = |r: Result<Option<bool>, FieldError>| r.map_err(|e| errors.push(e)).ok().flatten();
    s.gated = keep(yes_no(c, Field::TGated));
    s.tied = keep(yes_no(c, Field::TTied));
    s.learned_positions = keep(yes_no(c, Field::TPositions)).unwrap_or(false);
    match choice(Field::TBias, &c.t_bias, options(Want::Bias)) {
        Ok(b) => s.bias = [Bias::None, Bias::Qkv, Bias::All][b.unwrap_or(0)],
        Err(e) => errors.push(e),
    }
    match mla(&c.t_mla) {
        Ok(Some([q, kv, rope, nope, v])) => {
            (s.q_lora_rank, s.kv_lora_rank) = (Some(q), Some(kv));
            (s.qk_rope_head_dim, s.qk_nope_head_dim, s.v_head_dim) = (Some(rope), Some(nope), Some(v));
        }
        Ok(None) => {}
        Err(e) => errors.push(e),
    }
    if errors.is_empty() {
        Ok(s)
    } else {
        Err(errors)
    }
}

/// The convention the tab chose (Kaplan's by default).
///
/// # Errors
///
/// A [`FieldError`] on the convention field when it is too long or not one of its options.
pub fn convention(c: &Calculation) -> Result<Convention, FieldError> {
    let i = choice(Field::TConvention, &c.t_convention, options(Want::Convention))?;
    Ok(if i == Some(1) { Convention::Palm } else { Convention::Kaplan })
}

/// A transformer resolved from the tab: its architecture, what was assumed, and its counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolved {
    pub arch: Arch,
    pub assumptions: Vec<Assumption>,
    pub counts: Counts,
}

/// The parts of the MLA field, with the i18n keys of their names in messages.
const MLA_PARTS: &[(Dimension, Key)] = &[
    (Dimension::QLoraRank, Key::TfMlaQ),
    (Dimension::KvLoraRank, Key::TfMlaKv),
    (Dimension::QkRopeHeadDim, Key::TfMlaRope),
    (Dimension::QkNopeHeadDim, Key::TfMlaNope),
    (Dimension::VHeadDim, Key::TfMlaV),
];

/// A shape's error beside the field of the dimension it names (a missing one is "empty"),
/// worded with the field's label ("Layers: must be at least 1"), or the MLA part's name, not
/// the config key the shape's resolver names it by.
fn config_error(e: ConfigError) -> FieldError {
    let name = e.field().unwrap_or("");
    let (field, label) = match DIMENSIONS.iter().find(|(d, _)| d.key() == name) {
        Some((_, f)) => (*f, f.spec().label),
        None => match MLA_PARTS.iter().find(|(d, _)| d.key() == name) {
            Some((_, label)) => (Field::TMla, *label),
            None => (Field::TLayers, Field::TLayers.spec().label),
        },
    };
    let problem = match e {
        ConfigError::Missing { .. } => Problem::Empty,
        error => Problem::Shape { label, error },
    };
    FieldError::new(field, problem, 0, 0)
}

/// The tab's transformer, or `None` when nothing of it is filled in.
pub fn resolve(c: &Calculation) -> Option<Result<Resolved, Vec<FieldError>>> {
    if !fields().any(|f| !f.get(c).trim().is_empty()) {
        return None;
    }
    let shape = match shape(c) {
        Ok(s) => s,
        Err(e) => return Some(Err(e)),
    };
    let convention = match convention(c) {
        Ok(v) => v,
        Err(e) => return Some(Err(vec![e])),
    };
    // The resolver names a dimension by its config.json name; `config_error` puts the error
    // beside its field, worded with the field's label.
    let name = |d: Dimension| d.key().to_string();
    let resolved = shape.resolve_named(&name).and_then(|(arch, assumptions)| {
        let counts = arch.counts(convention)?;
        Ok(Resolved { arch, assumptions, counts })
    });
    Some(resolved.map_err(|e| vec![config_error(e)]))
}

/// The fields that write out an architecture (a pasted config's), every dimension given.
pub fn fields_of(a: &Arch) -> Vec<(Field, String)> {
    let yes = |b: bool| if b { "yes" } else { "no" }.to_string();
    let n = |v: u64| v.to_string();
    let moe = a.experts > 0;
    let mut out = vec![
        (Field::TLayers, n(a.layers)),
        (Field::TDModel, n(a.d_model)),
        (Field::THeads, n(a.heads)),
        (Field::TKvHeads, n(a.kv_heads)),
        (Field::THeadDim, n(a.head_dim)),
        (Field::TDFf, n(a.d_ff)),
        (Field::TGated, yes(a.gated)),
        (Field::TVocab, n(a.vocab)),
        (Field::TTied, yes(a.tied)),
        (Field::TContext, n(a.context)),
        (Field::TExperts, if moe { n(a.experts) } else { String::new() }),
        (Field::TActive, if moe { n(a.active_experts) } else { String::new() }),
        (Field::TShared, if moe && a.shared_experts > 0 { n(a.shared_experts) } else { String::new() }),
        (Field::TMoeDFf, if moe { n(a.moe_d_ff) } else { String::new() }),
        (Field::TSharedDFf, if moe && a.shared_d_ff > 0 { n(a.shared_d_ff) } else { String::new() }),
        (Field::TDense, if moe && a.dense_layers > 0 { n(a.dense_layers) } else { String::new() }),
        (Field::TPositions, if a.learned_positions { yes(true) } else { String::new() }),
        (Field::TBias, ["", "qkv", "all"][a.bias as usize].to_string()),
    ];
    let mla = a.mla.map(|m| {
        let w = [m.q_lora_rank, m.kv_lora_rank, m.qk_rope_head_dim, m.qk_nope_head_dim, m.v_head_dim];
        w.map(|x| x.to_string()).join(" ")
    });
    out.push((Field::TMla, mla.unwrap_or_default()));
    out
}

/// The switch beside an assumption: the field it decided and the word it was assumed to be
/// (gated, tied, biases, learned positions); `None` for an assumption with no two-way switch.
pub fn switch(a: &Assumption) -> Option<(Field, &'static str)> {
    let yes = |b: bool| if b { "yes" } else { "no" };
    match a {
        Assumption::Plain => Some((Field::TGated, "no")),
        Assumption::MlpByShape { gated, .. } | Assumption::Activation { gated, .. } => {
            Some((Field::TGated, yes(*gated)))
        }
        Assumption::Tied(t) => Some((Field::TTied, yes(*t))),
        Assumption::NoBiases { .. } => Some((Field::TBias, "none")),
        Assumption::NoPositions { .. } => Some((Field::TPositions, "no")),
        _ => None,
    }
}

/// The word a switch writes into `field`: the other one of its current word, which is the
/// assumed word while the field is empty (yes ↔ no; biases none ↔ all).
pub fn switched(field: Field, text: &str, assumed: &'static str) -> &'static str {
    let now = if text.trim().is_empty() { assumed } else { text.trim() };
    match field.want() {
        Want::Bias if now.eq_ignore_ascii_case("none") => "all",
        Want::Bias => "none",
        _ if now.eq_ignore_ascii_case("yes") => "no",
        _ => "yes",
    }
}

/// Whether an assumption is of the context length (a button beside it edits the context field:
/// it has no other value to switch to).
pub fn context_assumed(a: &Assumption) -> bool {
    matches!(a, Assumption::Context(_) | Assumption::ContextIsMaximum { .. })
}

/// What to say beside the count: a pasted config's assumptions while the fields still hold its
/// architecture (but for what those assumptions decided: gated, tied, biases, positions and the
/// context, which the user may have switched), then the fields' own; else the fields' own.
pub fn shown_assumptions(pasted: Option<(&Arch, &[FieldUsed])>, resolved: &Resolved) -> Vec<Assumption> {
    let now = &resolved.arch;
    let mut out: Vec<Assumption> = match pasted {
        Some((a, used))
            if Arch {
                gated: now.gated,
                tied: now.tied,
                bias: now.bias,
                learned_positions: now.learned_positions,
                context: now.context,
                ..*a
            } == *now =>
        {
            used.iter().filter_map(|u| if let FieldUsed::Assumed(a) = u { Some(a.clone()) } else { None }).collect()
        }
        _ => Vec::new(),
    };
    for a in &resolved.assumptions {
        if !out.contains(a) {
            out.push(a.clone());
        }
    }
    out
}
