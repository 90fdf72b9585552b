//! The deployment's own settings, the same for `chat`, `serve` and `web`.

use crate::app::Deployment;
use crate::lang::Lang;

#[derive(Debug, Clone, Default, clap::Args)]
pub struct DeploymentArgs {
    /// The organisation responsible for the answers, as the privacy statement names it
    /// (e.g. "Gemeente Peilstad, Markt 1, 1234 AB Peilstad").
    #[arg(long, env = "PEILBOT_CONTROLLER")]
    pub controller: Option<String>,
    /// How to reach its data protection officer (an e-mail address or a web page).
    #[arg(long, env = "PEILBOT_DPO_CONTACT")]
    pub dpo_contact: Option<String>,
    /// The legal basis the answers are processed on, in your own words (e.g. "a task in
    /// the public interest: improving our services, GDPR article 6(1)(e)").
    #[arg(long, env = "PEILBOT_LEGAL_BASIS")]
    pub legal_basis: Option<String>,
    /// The organisation's language for people who come without a team: a plain "nl" from
    /// a phone (as Flemish phones report) or no language at all means this one.
    #[arg(long, env = "PEILBOT_DEFAULT_LANG")]
    pub default_lang: Option<Lang>,
}

impl DeploymentArgs {
    pub fn deployment(&self) -> Deployment {
        let filled = |value: &Option<String>| value.clone().filter(|value| !value.trim().is_empty());
        Deployment {
            controller: filled(&self.controller),
            dpo_contact: filled(&self.dpo_contact),
            legal_basis: filled(&self.legal_basis),
            default_lang: self.default_lang,
        }
    }
}
