//! What one municipality's installation says about itself: who is responsible for the
//! data (the privacy statement names them) and which language its people speak when
//! nothing else says so.
//!
//! Set per deployment (`PEILBOT_CONTROLLER`, `PEILBOT_DPO_CONTACT`, `PEILBOT_LEGAL_BASIS`,
//! `PEILBOT_DEFAULT_LANG`); what is not set is said to be not set, in the statement and
//! in a warning at start-up, rather than made up.

use crate::lang::Lang;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deployment {
    /// The organisation responsible for the data (the controller, GDPR article 4(7)).
    pub controller: Option<String>,
    /// How to reach its data protection officer (an address, a page).
    pub dpo_contact: Option<String>,
    /// The legal basis it processes the answers on, in its own words.
    pub legal_basis: Option<String>,
    /// The organisation's language: a plain Dutch language code (`nl`, which phones in
    /// Flanders report too), or none, means this one.
    pub default_lang: Option<Lang>,
}

impl Deployment {
    /// The settings a public body has to fill in before its staff are invited, by the
    /// name of their environment variable, that are still empty.
    pub fn missing(&self) -> Vec<&'static str> {
        [
            ("PEILBOT_CONTROLLER", &self.controller),
            ("PEILBOT_DPO_CONTACT", &self.dpo_contact),
            ("PEILBOT_LEGAL_BASIS", &self.legal_basis),
        ]
        .into_iter()
        .filter(|(_, value)| value.as_deref().is_none_or(|value| value.trim().is_empty()))
        .map(|(name, _)| name)
        .collect()
    }

    /// Warns, once a channel is up, while the privacy statement still says that the
    /// controller, the contact or the legal basis is not configured.
    pub fn warn_if_unset(&self) {
        let missing = self.missing();
        if !missing.is_empty() {
            tracing::warn!(
                missing = missing.join(", "),
                "the privacy statement says these are not configured yet; set them before you invite staff"
            );
        }
    }

    /// The language to speak to someone new, from what their app or browser reports
    /// (`None`: nothing). A code we speak keeps its region (`nl-BE`, `nl-NL`, `en`); a
    /// bare code of the default's language (`nl`) and a code we do not speak take the
    /// organisation's default; without a default, unknown codes get English.
    pub fn first_lang(&self, code: Option<&str>) -> Lang {
        let Some(default) = self.default_lang else {
            return code.map_or(Lang::En, Lang::from_language_code);
        };
        let Some(code) = code.map(str::trim).filter(|code| !code.is_empty()) else { return default };
        let detected = Lang::from_language_code(code);
        let normal = code.to_ascii_lowercase().replace('_', "-");
        let language = normal.split(['-', '.']).next().unwrap_or("");
        let region = normal.split('.').next().unwrap_or("").contains('-');
        let speaks = Lang::ALL.iter().any(|lang| lang.tag().split('-').next() == Some(language));
        let same_language = default.tag().split('-').next() == Some(language);
        if !speaks || (same_language && !region) { default } else { detected }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flemish_default_takes_the_bare_dutch_code_and_keeps_what_says_more() {
        let flemish = Deployment { default_lang: Some(Lang::NlBe), ..Deployment::default() };
        assert_eq!(flemish.first_lang(Some("nl")), Lang::NlBe);
        assert_eq!(flemish.first_lang(None), Lang::NlBe);
        assert_eq!(flemish.first_lang(Some("fr")), Lang::NlBe);
        assert_eq!(flemish.first_lang(Some("nl-NL")), Lang::Nl);
        assert_eq!(flemish.first_lang(Some("en")), Lang::En);
        assert_eq!(flemish.first_lang(Some("nl_BE.UTF-8")), Lang::NlBe);
        let none = Deployment::default();
        assert_eq!(none.first_lang(Some("nl")), Lang::Nl);
        assert_eq!(none.first_lang(Some("fr")), Lang::En);
        assert_eq!(none.first_lang(None), Lang::En);
    }

    #[test]
    fn what_is_not_filled_in_is_named() {
        let half = Deployment { controller: Some("Gemeente Peil".into()), ..Deployment::default() };
        assert_eq!(half.missing(), ["PEILBOT_DPO_CONTACT", "PEILBOT_LEGAL_BASIS"]);
    }
}
