//! The three languages peilbot speaks, and how a person's language is chosen.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::score::shown;

/// A language with a complete set of messages in `locales/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Lang {
    #[serde(rename = "en")]
    En,
    #[serde(rename = "nl")]
    Nl,
    /// Flemish Dutch: Netherlands Dutch with its own terms (see `locales/nl-BE`).
    #[serde(rename = "nl-BE")]
    NlBe,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nl, Lang::NlBe, Lang::En];

    /// The BCP 47 tag, which is also the folder name under `locales/`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Nl => "nl",
            Lang::NlBe => "nl-BE",
        }
    }

    /// Both Dutch variants write decimals with a comma.
    pub fn decimal_comma(self) -> bool {
        matches!(self, Lang::Nl | Lang::NlBe)
    }

    /// Guesses from a client's language code (Telegram's `language_code`, a `LANG`
    /// variable): Belgian Dutch gets Flemish, other Dutch gets Dutch, the rest English.
    pub fn from_language_code(code: &str) -> Lang {
        let code = code.to_ascii_lowercase().replace('_', "-");
        let mut parts = code.split(['-', '.']);
        match (parts.next(), parts.next()) {
            (Some("nl"), Some("be")) => Lang::NlBe,
            (Some("nl"), _) => Lang::Nl,
            _ => Lang::En,
        }
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

/// Accepts the tags `en`, `nl` and `nl-BE`, in any case and with `_` for `-`.
impl FromStr for Lang {
    type Err = UnknownLang;

    fn from_str(s: &str) -> Result<Lang, UnknownLang> {
        match s.to_ascii_lowercase().replace('_', "-").as_str() {
            "en" => Ok(Lang::En),
            "nl" => Ok(Lang::Nl),
            "nl-be" => Ok(Lang::NlBe),
            _ => Err(UnknownLang(s.to_string())),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {0:?}: use nl, nl-BE or en")]
pub struct UnknownLang(pub String);

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
        assert!("de".parse::<Lang>().is_err());
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
