//! The languages and their strings: the language files (`lang/<code>.txt`) compiled in by the
//! build as a typed [`Key`] and one table per language ([`t`], [`say!`](crate::say)). A key missing from a
//! language stops the build; a key no code names fails a test.

/// The page's and the CLI's languages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
    /// Every string bracketed (⟦…⟧), to prove in tests that every visible string comes from the
    /// language files: text outside brackets was written in the code.
    #[cfg(feature = "pseudo")]
    Pseudo,
}

include!(concat!(env!("OUT_DIR"), "/strings.rs"));

/// One language's strings, as the build writes them: their texts end to end, and where each ends.
pub(crate) struct Table {
    text: &'static str,
    ends: &'static [u16],
}

impl Table {
    /// The `i`th string.
    fn get(&self, i: usize) -> &'static str {
        let start = if i == 0 { 0 } else { usize::from(self.ends[i - 1]) };
        self.text.get(start..usize::from(self.ends[i])).unwrap_or("")
    }
}

/// A key of the language files: of the core and the page ([`Key`]) or of the CLI ([`CliKey`]).
pub trait Text: Copy {
    /// The key's text in `lang`.
    fn text(self, lang: Lang) -> &'static str;
}

impl Text for Key {
    fn text(self, lang: Lang) -> &'static str {
        let i = self as usize;
        match lang {
            Lang::En => EN.get(i),
            Lang::Zh => ZH.get(i),
            #[cfg(feature = "pseudo")]
            Lang::Pseudo => PSEUDO.get(i),
        }
    }
}

impl Text for CliKey {
    fn text(self, lang: Lang) -> &'static str {
        let i = self as usize;
        match lang {
            Lang::En => CLI_EN.get(i),
            Lang::Zh => CLI_ZH.get(i),
            #[cfg(feature = "pseudo")]
            Lang::Pseudo => CLI_PSEUDO.get(i),
        }
    }
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: impl Text) -> &'static str {
    key.text(lang)
}

/// The text of a key in a language with its `{name}` placeholders filled:
/// `say!(lang, Key::ImportLoaded, rows = n, skipped = s)`. A value needing a format (`{:.1}`) is
/// formatted by the caller first.
#[macro_export]
macro_rules! say {
    ($lang:expr, $key:expr $(, $name:ident = $arg:expr)* $(,)?) => {
        $crate::text::i18n::fill(
            $crate::text::i18n::t($lang, $key),
            &[$((stringify!($name), &$arg as &dyn ::std::fmt::Display)),*],
        )
    };
}

/// `Display` (in English, as `message(Lang::En)` words it) and `std::error::Error` for error types
/// whose `message(lang)` renders them: the page and the CLI render in the viewer's language.
#[macro_export]
macro_rules! english_display {
    ($($t:ty),* $(,)?) => {$(
        impl ::std::fmt::Display for $t {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(&self.message($crate::text::i18n::Lang::En))
            }
        }
        impl ::std::error::Error for $t {}
    )*};
}

/// A text with `{name}` placeholders filled: each `(name, value)` replaces every `{name}`, in
/// one pass, so a value is never read again (a typed "{chip}" stays as typed); a `{…}` that
/// names no argument stays as it is.
pub fn fill(text: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg = after.find('}').and_then(|close| {
            let value = args.iter().find(|(name, _)| *name == &after[..close])?.1;
            Some((close, value))
        });
        match arg {
            Some((close, value)) => {
                out.push_str(&value.to_string());
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

impl Lang {
    /// The code of the language, as links and the CLI write it.
    pub fn key(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
            #[cfg(feature = "pseudo")]
            Lang::Pseudo => "pseudo",
        }
    }
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            _ => Lang::Zh,
        }
    }
    /// The `lang` attribute of the page.
    pub fn html(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
            #[cfg(feature = "pseudo")]
            Lang::Pseudo => "en-x-pseudo",
        }
    }
}

/// Models the language files name (some have a Chinese name in the seed's Chinese text); other
/// names stay as published.
const MODEL_NAMES: &[(&str, Key)] = &[
    ("Visualizing and Understanding Conv Nets", Key::TextModelConvnets),
    ("Neural Architecture Search", Key::TextModelNas),
    ("Neural Machine Translation", Key::TextModelNmt),
];

/// Names a data set spells otherwise than the model was published: OpenAI's chart data writes
/// "AlphaGoZero" for DeepMind's AlphaGo Zero. The data keeps its spelling (it matches OpenAI's
/// file); what is shown uses the published name, in every language.
const PUBLISHED_NAMES: &[(&str, &str)] = &[("AlphaGoZero", "AlphaGo Zero")];

/// A model's name in `lang`: the language file's name where it has one, else the published name.
pub fn model_name(name: &str, lang: Lang) -> &str {
    let name = PUBLISHED_NAMES.iter().find(|(data, _)| *data == name).map_or(name, |(_, published)| published);
    MODEL_NAMES.iter().find(|(en, _)| *en == name).map_or(name, |(_, k)| t(lang, *k))
}

/// A quoted original (a source's own English words) as the page shows it: as is in English,
/// labelled as the original in other languages.
pub fn original(lang: Lang, text: &str) -> String {
    crate::say!(lang, Key::TextOriginal, text = text)
}

/// The colon after a label: full-width in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    t(lang, Key::TextColon)
}
