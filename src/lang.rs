//! The three languages peilbot speaks, and how a person's language is chosen.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

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

    /// Formats a number with one decimal, in this language's style ("2,5" or "2.5").
    ///
    /// Cut off towards zero, not rounded, so what is shown agrees with the thresholds:
    /// a mean of 1.97 is level 1 and shows as 1.9, not as 2.0; a gap of 1.47 is no
    /// priority and shows as 1.4, not as 1.5.
    pub fn decimal(self, value: f64) -> String {
        // The epsilon keeps 2.3 (stored as 2.2999…) at 2.3; + 0.0 turns -0.0 into 0.0.
        let tenths = (value * 10.0 + value.signum() * 1e-9).trunc() / 10.0 + 0.0;
        let text = format!("{tenths:.1}");
        if self.decimal_comma() { text.replace('.', ",") } else { text }
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
    fn decimals_are_cut_off_so_they_agree_with_levels_and_thresholds() {
        assert_eq!(Lang::En.decimal(13.83 / 7.0), "1.9");
        assert_eq!(Lang::En.decimal(1.47), "1.4");
        assert_eq!(Lang::En.decimal(3.0 - 4.0 / 3.0), "1.6");
        assert_eq!(Lang::En.decimal(2.3), "2.3");
        assert_eq!(Lang::En.decimal(-1.0 / 3.0), "-0.3");
        assert_eq!(Lang::En.decimal(-0.01), "0.0");
        assert_eq!(Lang::Nl.decimal(31.0 / 7.0), "4,4");
    }
}
