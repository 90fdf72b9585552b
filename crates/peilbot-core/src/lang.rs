//! The languages peilbot speaks, declared once in the `languages!` table below, and how a
//! person's language is chosen.
//!
//! Adding a language is data: a folder `locales/<tag>/` and one line in the table. The
//! loaders (`i18n`, `content`) take the table as [`LanguageSpec`]s, so a test can add a
//! language without touching code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::score::shown;

/// How a language writes the decimal separator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Decimal {
    /// "2,5"
    Comma,
    /// "2.5"
    Point,
}

/// One row of the language table, as the loaders see it: they build a bundle per spec from
/// `locales/<tag>/` (on top of its fallback's) and check it complete against English.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LanguageSpec {
    /// The BCP 47 tag, which is also the folder name under `locales/`.
    pub tag: &'static str,
    pub decimal: Decimal,
    /// The language whose messages this one starts from, overriding what differs
    /// (nl-BE holds only what differs from nl). `None`: its folder is complete.
    pub fallback: Option<&'static str>,
}

impl LanguageSpec {
    /// The message naming this language, in every language (`lang-nl-BE = Vlaams`).
    pub fn name_key(&self) -> String {
        format!("lang-{}", self.tag)
    }
}

/// Generates [`Lang`] (variants in table order, serialised as their tags), `Lang::ALL`,
/// `Lang::SPECS` and the per-language facts, from one line per language.
macro_rules! languages {
    (@decimal comma) => { Decimal::Comma };
    (@decimal point) => { Decimal::Point };
    (@fallback none) => { None };
    (@fallback $lang:ident) => { Some(Lang::$lang) };
    (@fallback_tag none) => { None };
    (@fallback_tag $lang:ident) => { Some(Lang::$lang.tag()) };
    ($($(#[$attr:meta])* $variant:ident => $tag:literal, decimal $decimal:ident, fallback $fallback:ident;)+) => {
        /// A language with a complete set of messages in `locales/` (its own, or its own
        /// on top of its fallback's).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum Lang {
            $($(#[$attr])* #[serde(rename = $tag)] $variant,)+
        }

        impl Lang {
            /// Every language, in table order (the order of the language buttons).
            pub const ALL: [Lang; [$($tag),+].len()] = [$(Lang::$variant),+];

            /// The table as the loaders take it, in the order of [`Lang::ALL`].
            pub const SPECS: [LanguageSpec; [$($tag),+].len()] = [$(Lang::$variant.spec()),+];

            /// The BCP 47 tag, which is also the folder name under `locales/`.
            pub const fn tag(self) -> &'static str {
                match self { $(Lang::$variant => $tag,)+ }
            }

            /// The language this one starts from, overriding what differs (nl-BE: nl).
            pub const fn fallback(self) -> Option<Lang> {
                match self { $(Lang::$variant => languages!(@fallback $fallback),)+ }
            }

            /// This language's line of the table.
            pub const fn spec(self) -> LanguageSpec {
                match self {
                    $(Lang::$variant => LanguageSpec {
                        tag: $tag,
                        decimal: languages!(@decimal $decimal),
                        fallback: languages!(@fallback_tag $fallback),
                    },)+
                }
            }
        }
    };
}

languages! {
    Nl => "nl", decimal comma, fallback none;
    /// Flemish Dutch: Netherlands Dutch with its own terms (see `locales/nl-BE`).
    NlBe => "nl-BE", decimal comma, fallback Nl;
    En => "en", decimal point, fallback none;
}

impl Lang {
    /// Whether decimals are written with a comma (both Dutch variants do).
    pub fn decimal_comma(self) -> bool {
        self.spec().decimal == Decimal::Comma
    }

    /// Guesses from a client's language code (Telegram's `language_code`, a `LANG`
    /// variable): the language with that tag (`nl-BE`), else the one with its first part
    /// (`nl_NL.UTF-8` is `nl`), else English.
    pub fn from_language_code(code: &str) -> Lang {
        let code = code.to_ascii_lowercase().replace('_', "-");
        let mut parts = code.split(['-', '.']);
        let (language, region) = (parts.next().unwrap_or(""), parts.next());
        let with_region = region.map(|region| format!("{language}-{region}"));
        let find = |wanted: &str| Lang::ALL.into_iter().find(|lang| lang.tag().eq_ignore_ascii_case(wanted));
        with_region.as_deref().and_then(find).or_else(|| find(language)).unwrap_or(Lang::En)
    }

    /// Formats a number with one decimal, in this language's style ("2,5" or "2.5"):
    /// the one formatter for text, pictures and files.
    ///
    /// Rounded half away from zero ([`score::shown`]); scores, levels, gaps and
    /// thresholds are computed from that same shown value, so what is read adds up.
    pub fn decimal(self, value: f64) -> String {
        let text = format!("{:.1}", shown(value));
        if self.decimal_comma() { text.replace('.', ",") } else { text }
    }

    /// A published figure with a fixed number of decimals, in this language's style
    /// ("0,65"), as it was published: reference lines are never rounded to our one decimal.
    pub fn fixed(self, value: f64, places: usize) -> String {
        let text = format!("{value:.places$}");
        if self.decimal_comma() { text.replace('.', ",") } else { text }
    }

    /// A change, with a sign when it is not zero ("+0,5", "-1.0", "0.0").
    pub fn signed_decimal(self, value: f64) -> String {
        let sign = if shown(value) > 0.0 { "+" } else { "" };
        format!("{sign}{}", self.decimal(value))
    }

    /// A share from 0 to 1 as a whole percentage, rounded half away from zero ("33").
    pub fn percent(self, share: f64) -> String {
        format!("{:.0}", (share * 100.0 + 1e-9).round())
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// Accepts the tags (`en`, `nl`, `nl-BE`), in any case and with `_` for `-`.
impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        let wanted = s.replace('_', "-");
        Lang::ALL
            .into_iter()
            .find(|lang| lang.tag().eq_ignore_ascii_case(&wanted))
            .ok_or_else(|| UnknownLang(s.to_string()))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: use {tags}", tags = known_tags())]
pub struct UnknownLang(pub String);

/// "nl, nl-BE or en".
fn known_tags() -> String {
    let tags = Lang::ALL.map(Lang::tag);
    match tags.split_last() {
        Some((last, [])) => last.to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_codes_map_to_our_three_languages() {
        assert_eq!(Lang::from_language_code("nl-BE"), Lang::NlBe);
        assert_eq!(Lang::from_language_code("nl_be.UTF-8"), Lang::NlBe);
        assert_eq!(Lang::from_language_code("nl"), Lang::Nl);
        assert_eq!(Lang::from_language_code("nl_NL.UTF-8"), Lang::Nl);
        assert_eq!(Lang::from_language_code("en-GB"), Lang::En);
        assert_eq!(Lang::from_language_code("fr-BE"), Lang::En);
        assert_eq!(Lang::from_language_code(""), Lang::En);
    }

    #[test]
    fn tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(lang.tag().parse::<Lang>(), Ok(lang));
        }
        assert_eq!("NL_be".parse::<Lang>(), Ok(Lang::NlBe));
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn the_table_declares_each_language_once_and_flemish_falls_back_to_dutch() {
        assert_eq!(Lang::ALL, [Lang::Nl, Lang::NlBe, Lang::En]);
        assert_eq!(Lang::SPECS.map(|spec| spec.tag), Lang::ALL.map(Lang::tag));
        assert_eq!(Lang::NlBe.fallback(), Some(Lang::Nl));
        assert_eq!(Lang::NlBe.spec().fallback, Some("nl"));
        assert_eq!(Lang::Nl.fallback(), None);
        assert_eq!(Lang::En.fallback(), None);
        assert_eq!(Lang::NlBe.spec().name_key(), "lang-nl-BE");
        assert_eq!(serde_json::to_string(&Lang::NlBe).unwrap(), "\"nl-BE\"");
        assert_eq!(serde_json::from_str::<Lang>("\"en\"").unwrap(), Lang::En);
        assert_eq!(
            "fy".parse::<Lang>().unwrap_err().to_string(),
            "unknown language \"fy\": use nl, nl-BE or en"
        );
    }

    #[test]
    fn dutch_uses_decimal_commas() {
        assert_eq!(Lang::Nl.decimal(2.5), "2,5");
        assert_eq!(Lang::NlBe.decimal(3.0), "3,0");
        assert_eq!(Lang::En.decimal(2.5), "2.5");
    }

    #[test]
    fn decimals_are_rounded_half_away_from_zero() {
        assert_eq!(Lang::En.decimal(13.83 / 7.0), "2.0");
        assert_eq!(Lang::En.decimal(1.45), "1.5");
        assert_eq!(Lang::En.decimal(2.25), "2.3");
        assert_eq!(Lang::En.decimal(-2.25), "-2.3");
        assert_eq!(Lang::En.decimal(4.0 / 3.0), "1.3");
        assert_eq!(Lang::En.decimal(-0.01), "0.0");
        assert_eq!(Lang::Nl.decimal(31.0 / 7.0), "4,4");
    }

    #[test]
    fn changes_carry_a_sign_and_shares_a_whole_percentage() {
        assert_eq!(Lang::Nl.signed_decimal(0.5), "+0,5");
        assert_eq!(Lang::En.signed_decimal(-1.0), "-1.0");
        assert_eq!(Lang::En.signed_decimal(0.01), "0.0");
        assert_eq!(Lang::En.percent(1.0 / 3.0), "33");
        assert_eq!(Lang::En.percent(0.125), "13");
        assert_eq!(Lang::En.percent(0.0), "0");
    }
}
