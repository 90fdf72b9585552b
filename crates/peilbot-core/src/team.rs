//! Teams: who leads, who is a member, which invite works, and the rounds.
//!
//! A round is a time window of one team; a member's latest scan completed inside the
//! current round counts for it. What was last published of a round (and of each role
//! group in it) is a [`Shown`]: its respondent set and its aggregate, so the rules in
//! `anonymity` can set every new result against everything already shown. The team record
//! says only which rounds have one; the store keeps the results beside it, so a view reads
//! only the results it shows.

use std::collections::BTreeSet;

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

use crate::anonymity::RespondentSet;
use crate::person::PersonId;
use crate::team_stats::TeamStats;

/// Random bytes in an invite code: 128 bits, 22 characters of base64url.
pub const INVITE_BYTES: usize = 16;
/// Random bytes in a team id (not a secret; only unique).
pub const TEAM_ID_BYTES: usize = 8;

/// Random bytes for a new team's id and invite code. The caller draws them (from the
/// operating system); the core draws no randomness of its own.
#[derive(Debug, Clone, Copy)]
pub struct TeamSeed {
    pub id: [u8; TEAM_ID_BYTES],
    pub invite: [u8; INVITE_BYTES],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub id: String,
    pub name: String,
    pub leads: BTreeSet<PersonId>,
    /// Everyone in the team, leads included.
    pub members: BTreeSet<PersonId>,
    /// The code in the current invite link; replacing it makes old links stop working.
    pub invite: String,
    /// A one-time code that makes the member who opens it a lead.
    pub lead_invite: Option<String>,
    /// Oldest first; the last one is the current round.
    pub rounds: Vec<Round>,
    /// The language the team speaks: a member who joins through its link and has not
    /// chosen a language gets this one. `None` in teams stored before teams had one.
    #[serde(default)]
    pub lang: Option<crate::lang::Lang>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub number: u32,
    /// The flow this round asks (teams stored before flows were per round: the quick scan).
    #[serde(default = "default_flow")]
    pub flow: String,
    /// Its version when the round opened: results only count responses to this version.
    #[serde(default = "first_version")]
    pub flow_version: u32,
    pub opened_at: u64,
    pub closed_at: Option<u64>,
    /// Whether a result was published for this round (and maybe for role groups in it);
    /// the store keeps the result last published, once the round is closed its final one.
    #[serde(default)]
    pub published: bool,
    /// How many had finished when the round closed (its result may cover fewer: the
    /// last one the rules allowed). `None` while open, and in rounds closed before it
    /// was kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub took_part: Option<usize>,
}

fn default_flow() -> String {
    crate::flow::DEFAULT_FLOW.to_string()
}

fn first_version() -> u32 {
    1
}

/// A published result: over which responses, and what was shown.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Shown {
    pub respondents: usize,
    /// The responses it is computed over; empty in results stored before sets were
    /// recorded (see `store::teams` for how those are treated).
    #[serde(default)]
    pub set: RespondentSet,
    pub stats: TeamStats,
}

/// What a lead may see of one round: the current one, or (while the current round has
/// too few responses, or when asked for) an earlier round with a published result.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamResult {
    pub team: String,
    /// The round shown.
    pub round: u32,
    pub members: usize,
    /// Who has finished the round shown, as a count (for a closed round: as shown).
    pub respondents_now: usize,
    /// The result last published for this round.
    pub shown: Shown,
    /// Whether `shown` is over exactly the responses there are now.
    pub up_to_date: bool,
    /// The round before it with a published result, and that result.
    pub previous: Option<(u32, Shown)>,
    /// The last published result of each role group, by role id.
    pub by_role: Vec<(String, Shown)>,
    /// When the round shown opened (milliseconds): "round 2, opened 3 August 2026".
    pub opened_at: u64,
    /// When the round shown was closed (milliseconds), if it was.
    pub closed_at: Option<u64>,
    /// The current round, when it is not the one shown: why it has no result yet.
    pub open: Option<OpenRound>,
    /// Every round with a published result, oldest first (for buttons to earlier rounds).
    pub published_rounds: Vec<u32>,
}

/// The current round while an earlier one is shown: its number and its refusal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRound {
    pub round: u32,
    pub refusal: TeamRefusal,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TeamRefusal {
    NoSuchTeam,
    NotALead,
    TooFew {
        respondents: usize,
        needed: usize,
    },
    /// Enough people, but too close to a result already shown, and nothing shown yet.
    Held {
        respondents: usize,
    },
    /// A round asked for that has no published result (an old or forged button).
    NoSuchRound,
}

/// A round's aggregate, for exports.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundExport {
    pub round: u32,
    /// The flow and version the round asked: its dimensions are that flow's.
    pub flow: String,
    pub flow_version: u32,
    pub opened_at: u64,
    pub closed_at: Option<u64>,
    /// How many had finished the round: now while it is open, at its close once closed
    /// (`None` for a round closed before that was kept).
    pub took_part: Option<usize>,
    pub shown: Shown,
}

/// One team in the organisation view: its latest round with a published result.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgTeam {
    pub team: String,
    /// The round the result is of (the latest that reached the minimum).
    pub round: u32,
    /// The team's current round, which may still be below the minimum.
    pub current_round: u32,
    pub members: usize,
    /// When the round the result is of opened (milliseconds): "the round of 8 July".
    pub round_opened_at: u64,
    pub shown: Shown,
}

/// A team without any published result yet: its progress, as counts only.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgPending {
    pub team: String,
    pub round: u32,
    pub respondents: usize,
    pub members: usize,
}

/// What an organisation admin sees: every team's latest published result, the teams
/// without one as counts, and the organisation-wide result over all respondents (itself
/// a published set, by the same rules).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OrgView {
    /// By team name.
    pub teams: Vec<OrgTeam>,
    /// By team name.
    pub pending: Vec<OrgPending>,
    /// The organisation-wide result last published, if any.
    pub overall: Option<Shown>,
    /// How many responses the organisation-wide result would be over now.
    pub respondents_now: usize,
}

impl Team {
    /// The latest round with a published result.
    pub fn latest_shown_round(&self) -> Option<&Round> {
        self.rounds.iter().rev().find(|round| round.published)
    }
}

impl Team {
    /// A team whose first round asks this flow, at its version now.
    pub fn new(name: &str, lead: PersonId, now: u64, seed: TeamSeed, flow: &crate::flow::Flow) -> Team {
        Team {
            id: URL_SAFE_NO_PAD.encode(seed.id),
            name: name.to_string(),
            leads: BTreeSet::from([lead.clone()]),
            members: BTreeSet::from([lead]),
            invite: invite_code(seed.invite),
            lead_invite: None,
            rounds: vec![Round::open(1, now, &flow.id, flow.version)],
            lang: None,
        }
    }

    pub fn is_lead(&self, person: &PersonId) -> bool {
        self.leads.contains(person)
    }

    pub fn current_round(&self) -> &Round {
        self.rounds.last().expect("a team always has a round")
    }

    /// A round with a published result: the one numbered, or else the latest.
    pub fn published_round(&self, number: Option<u32>) -> Option<&Round> {
        let mut published = self.rounds.iter().rev().filter(|round| round.published);
        match number {
            Some(number) => published.find(|round| round.number == number),
            None => published.next(),
        }
    }

    /// Whether a response completed at `at` falls inside a round.
    pub fn in_round(round: &Round, at: u64) -> bool {
        at >= round.opened_at && round.closed_at.is_none_or(|closed| at < closed)
    }
}

impl Round {
    pub fn open(number: u32, opened_at: u64, flow: &str, flow_version: u32) -> Round {
        Round {
            number,
            flow: flow.to_string(),
            flow_version,
            opened_at,
            closed_at: None,
            published: false,
            took_part: None,
        }
    }
}

/// An invite code from random bytes: unguessable when they are.
pub fn invite_code(random: [u8; INVITE_BYTES]) -> String {
    URL_SAFE_NO_PAD.encode(random)
}

/// Whether a string could be one of our invite codes (before looking it up).
pub fn is_invite_code(code: &str) -> bool {
    code.len() == URL_SAFE_NO_PAD.encode([0u8; INVITE_BYTES]).len()
        && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Whether a string could be one of our team ids.
pub fn is_team_id(id: &str) -> bool {
    id.len() == URL_SAFE_NO_PAD.encode([0u8; TEAM_ID_BYTES]).len()
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_codes_are_long_and_fit_a_deep_link() {
        let a = invite_code([7; INVITE_BYTES]);
        let b = invite_code([8; INVITE_BYTES]);
        assert_ne!(a, b);
        assert_eq!(a.len(), 22, "128 bits in base64url");
        assert!(is_invite_code(&a));
        assert!(!is_invite_code(&a[..21]), "a truncated code is not a code");
        assert!(!is_invite_code("aaaaaaaaaaaaaaaaaaaaa!"));
        // "join_" + code stays within Telegram's 64-character start payload.
        assert!(format!("join_{a}").len() <= 64);
    }

    #[test]
    fn a_round_stored_before_flows_were_per_round_asks_the_quick_scan() {
        let stored = r#"{"number":2,"opened_at":5,"closed_at":null,"shown":null}"#;
        let round: Round = serde_json::from_str(stored).expect("an old round reads");
        assert_eq!((round.flow.as_str(), round.flow_version), ("quickscan", 1));
        assert!(!round.published);
    }
}
