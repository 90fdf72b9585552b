//! What a button does, and its compact code.
//!
//! Channels send a button's action back verbatim when it is tapped, from any old
//! message, possibly forged (Telegram gives a button at most 64 bytes of data). So the
//! code is short, never a label, and carries the flow version: a tap on a button of an
//! older flow, or on a question that is no longer current, is recognised and changes
//! nothing.
//!
//! ```text
//! a:aiscan:1:7:3  answer: flow aiscan, version 1, question 7, choice 3 (0-based, as
//!                 `Flow::offers`); `a:1:7:3`, from before flows were named, is the quick scan
//! b:aiscan:1:7    back from question 7 of version 1 of flow aiscan (`b:1:7`: the quick scan)
//! l:nl-BE    choose a language
//! j:<code>   join the team of this invite code (after the confirmation tap)
//! p:t:<id>   a team picked for an action (t = team result, see `TeamAction`)
//! h:2:<id>   the team result of an earlier round (here round 2) of team <id>
//! s          start or resume the scan (from before flows were named)
//! s:<flow>   start or resume this flow (asking first when another scan is in progress)
//! o:<flow>   start this flow instead of the scan in progress (after that question)
//! u:<id>:<flow>  let the current round of team <id> ask this flow (before any result)
//! w:<id>:<flow>  yes, open a new round of team <id> that asks this flow (after /newround)
//! r:0, r:1   team reminders off or on
//! f:<code>   forget me: delete everything kept about this person (a one-time code)
//! x          yes, stop the scan and delete its answers (after /cancel)
//! y:r:<id>   yes, go ahead with a team action that cannot be undone (r: new round, l: leave)
//! n          no: leave everything as it is (under any confirmation)
//! g:<id>:nl-BE  team <id> speaks this language from now on (after /teamlanguage)
//! hh         every command (under the short /help)
//! ```

use crate::flow::{DEFAULT_FLOW, is_flow_id};
use crate::lang::Lang;
use crate::team::{is_invite_code, is_team_id};

/// Telegram's limit on callback data.
pub const MAX_BYTES: usize = 64;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Answer {
        flow: String,
        flow_version: u32,
        question: u16,
        choice: u8,
    },
    Back {
        flow: String,
        flow_version: u32,
        question: u16,
    },
    Language(Lang),
    Join(String),
    /// Become a lead of the team whose one-time lead invite this is (a member's "Yes").
    BecomeLead(String),
    Pick {
        action: TeamAction,
        team: String,
    },
    StartScan,
    Reminders(bool),
    /// Forget me, confirmed with the one-time code the confirmation carried.
    Forget(String),
    /// Start or resume this flow; asks first when a scan of another flow is in progress.
    Scan(String),
    /// Start this flow, dropping the scan of another flow in progress (confirmed).
    ScanInstead(String),
    /// Let the current round of a team ask this flow (only before any result).
    RoundFlow {
        team: String,
        flow: String,
    },
    /// Yes, close round `round` of a team and open the next, asking this flow (after
    /// `/newround`). Stale once that round is no longer the current one.
    OpenRound {
        team: String,
        flow: String,
        round: u32,
    },
    /// Yes, stop the scan in progress and delete its `answers` answers. Stale once the
    /// scan holds another number of answers.
    ConfirmCancel {
        answers: usize,
    },
    /// Yes, carry out a team action that was asked about first.
    Confirm {
        action: TeamAction,
        team: String,
    },
    /// No, under any confirmation: nothing changes.
    Dismiss,
    /// The team result of one round, from the buttons under a team result.
    Round {
        team: String,
        round: u32,
    },
    /// Every command of the person's roles, under the short `/help`.
    MoreHelp,
    /// What each level looks like, under a snapshot.
    Levels,
    /// The language a team speaks from now on (a lead's, after `/teamlanguage`).
    TeamLanguage {
        team: String,
        lang: Lang,
    },
}

/// What a lead (or member) picked a team for, when they are in several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TeamAction {
    Result,
    Invite,
    NewInvite,
    NewRound,
    Export,
    Remind,
    AddLead,
    Leave,
    Report,
    Language,
}

impl TeamAction {
    const CODES: [(TeamAction, char); 10] = [
        (TeamAction::Result, 't'),
        (TeamAction::Invite, 'i'),
        (TeamAction::NewInvite, 'n'),
        (TeamAction::NewRound, 'r'),
        (TeamAction::Export, 'e'),
        (TeamAction::Remind, 'm'),
        (TeamAction::AddLead, 'a'),
        (TeamAction::Leave, 'l'),
        (TeamAction::Report, 'd'),
        (TeamAction::Language, 'g'),
    ];

    fn code(self) -> char {
        Self::CODES
            .iter()
            .find(|(action, _)| *action == self)
            .map(|(_, code)| *code)
            .expect("every action has a code")
    }

    fn from_code(code: &str) -> Option<TeamAction> {
        Self::CODES.iter().find(|(_, c)| code.len() == 1 && code.starts_with(*c)).map(|(action, _)| *action)
    }
}

impl Action {
    pub fn encode(&self) -> String {
        match self {
            Action::Answer { flow, flow_version, question, choice } => {
                format!("a:{flow}:{flow_version}:{question}:{choice}")
            }
            Action::Back { flow, flow_version, question } => format!("b:{flow}:{flow_version}:{question}"),
            Action::Language(lang) => format!("l:{}", lang.tag()),
            Action::Join(code) => format!("j:{code}"),
            Action::BecomeLead(code) => format!("k:{code}"),
            Action::Pick { action, team } => format!("p:{}:{team}", action.code()),
            Action::StartScan => "s".to_string(),
            Action::Reminders(on) => format!("r:{}", u8::from(*on)),
            Action::Forget(code) => format!("f:{code}"),
            Action::Scan(flow) => format!("s:{flow}"),
            Action::ScanInstead(flow) => format!("o:{flow}"),
            Action::RoundFlow { team, flow } => format!("u:{team}:{flow}"),
            Action::OpenRound { team, flow, round } => format!("w:{team}:{flow}:{round}"),
            Action::ConfirmCancel { answers } => format!("x:{answers}"),
            Action::Confirm { action, team } => format!("y:{}:{team}", action.code()),
            Action::Dismiss => "n".to_string(),
            Action::Round { team, round } => format!("h:{round}:{team}"),
            Action::TeamLanguage { team, lang } => format!("g:{team}:{}", lang.tag()),
            Action::MoreHelp => "hh".to_string(),
            Action::Levels => "lv".to_string(),
        }
    }

    /// Parses button data; anything that is not exactly a code we make is `None`.
    pub fn decode(data: &str) -> Option<Action> {
        if data.is_empty() || data.len() > MAX_BYTES {
            return None;
        }
        let fields: Vec<&str> = data.split(':').collect();
        match fields.as_slice() {
            ["a", version, question, choice] => Some(Action::Answer {
                flow: DEFAULT_FLOW.to_string(),
                flow_version: number(version)?,
                question: number(question)?,
                choice: number(choice)?,
            }),
            ["a", flow, version, question, choice] if is_flow_id(flow) => Some(Action::Answer {
                flow: flow.to_string(),
                flow_version: number(version)?,
                question: number(question)?,
                choice: number(choice)?,
            }),
            ["b", version, question] => Some(Action::Back {
                flow: DEFAULT_FLOW.to_string(),
                flow_version: number(version)?,
                question: number(question)?,
            }),
            ["b", flow, version, question] if is_flow_id(flow) => Some(Action::Back {
                flow: flow.to_string(),
                flow_version: number(version)?,
                question: number(question)?,
            }),
            ["s", flow] if is_flow_id(flow) => Some(Action::Scan(flow.to_string())),
            ["o", flow] if is_flow_id(flow) => Some(Action::ScanInstead(flow.to_string())),
            ["u", team, flow] if is_team_id(team) && is_flow_id(flow) => {
                Some(Action::RoundFlow { team: team.to_string(), flow: flow.to_string() })
            }
            // Confirmations from before they named their round ("w:team:flow", "x") are
            // stale: they might confirm a state that is gone.
            ["w", team, flow, round] if is_team_id(team) && is_flow_id(flow) => Some(Action::OpenRound {
                team: team.to_string(),
                flow: flow.to_string(),
                round: number(round)?,
            }),
            ["l", tag] => Lang::ALL.into_iter().find(|lang| lang.tag() == *tag).map(Action::Language),
            ["j", code] if is_invite_code(code) => Some(Action::Join(code.to_string())),
            ["k", code] if is_invite_code(code) => Some(Action::BecomeLead(code.to_string())),
            ["p", action, team] if is_team_id(team) => {
                Some(Action::Pick { action: TeamAction::from_code(action)?, team: team.to_string() })
            }
            ["s"] => Some(Action::StartScan),
            ["x", answers] => Some(Action::ConfirmCancel { answers: number(answers)? }),
            ["hh"] => Some(Action::MoreHelp),
            ["lv"] => Some(Action::Levels),
            ["n"] => Some(Action::Dismiss),
            ["y", action, team] if is_team_id(team) => {
                Some(Action::Confirm { action: TeamAction::from_code(action)?, team: team.to_string() })
            }
            ["f", code] if is_invite_code(code) => Some(Action::Forget(code.to_string())),
            ["h", round, team] if is_team_id(team) => {
                Some(Action::Round { team: team.to_string(), round: number(round)? })
            }
            ["g", team, tag] if is_team_id(team) => Lang::ALL
                .into_iter()
                .find(|lang| lang.tag() == *tag)
                .map(|lang| Action::TeamLanguage { team: team.to_string(), lang }),
            ["r", "0"] => Some(Action::Reminders(false)),
            ["r", "1"] => Some(Action::Reminders(true)),
            _ => None,
        }
    }
}

/// Digits only: no sign, no spaces, no leading zeros, no overflow, so each value has
/// exactly one encoding.
fn number<T: std::str::FromStr>(field: &str) -> Option<T> {
    let canonical = !field.is_empty()
        && field.bytes().all(|b| b.is_ascii_digit())
        && (field == "0" || !field.starts_with('0'));
    canonical.then(|| field.parse().ok()).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_within_64_bytes() {
        let longest = format!("a{}", "9".repeat(crate::flow::MAX_FLOW_ID - 1));
        let samples = [
            Action::Answer { flow: "quickscan".into(), flow_version: 1, question: 7, choice: 3 },
            Action::Answer {
                flow: longest.clone(),
                flow_version: u32::MAX,
                question: u16::MAX,
                choice: u8::MAX,
            },
            Action::Back { flow: "aiscan".into(), flow_version: 0, question: 0 },
            Action::Back { flow: longest.clone(), flow_version: u32::MAX, question: u16::MAX },
            Action::Scan(longest.clone()),
            Action::ScanInstead("aiscan".into()),
            Action::RoundFlow { team: "a-b_c123XYZ".into(), flow: longest.clone() },
            Action::RoundFlow { team: "AAAAAAAAAAA".into(), flow: "quickscan".into() },
            Action::OpenRound { team: "a-b_c123XYZ".into(), flow: longest.clone(), round: u32::MAX },
            Action::Language(Lang::Nl),
            Action::Language(Lang::NlBe),
            Action::Language(Lang::En),
            Action::Join(crate::random::new_invite_code()),
            Action::BecomeLead(crate::random::new_invite_code()),
            Action::Pick { action: TeamAction::Leave, team: "AAAAAAAAAAA".into() },
            Action::Pick { action: TeamAction::Result, team: "a-b_c123XYZ".into() },
            Action::StartScan,
            Action::Forget(crate::random::new_invite_code()),
            Action::Reminders(true),
            Action::Reminders(false),
            Action::ConfirmCancel { answers: 0 },
            Action::ConfirmCancel { answers: 120 },
            Action::Dismiss,
            Action::Confirm { action: TeamAction::NewRound, team: "a-b_c123XYZ".into() },
            Action::Round { team: "a-b_c123XYZ".into(), round: 1 },
            Action::Round { team: "AAAAAAAAAAA".into(), round: u32::MAX },
            Action::TeamLanguage { team: "a-b_c123XYZ".into(), lang: Lang::NlBe },
            Action::Pick { action: TeamAction::Language, team: "AAAAAAAAAAA".into() },
            Action::MoreHelp,
            Action::Levels,
        ];
        for callback in samples {
            let data = callback.encode();
            assert!(data.len() <= MAX_BYTES, "{data}");
            assert_eq!(Action::decode(&data), Some(callback), "{data}");
        }
    }

    #[test]
    fn buttons_from_before_flows_were_named_are_the_quick_scan() {
        let legacy = Action::decode("a:1:7:3");
        let expected = Action::Answer { flow: "quickscan".into(), flow_version: 1, question: 7, choice: 3 };
        assert_eq!(legacy, Some(expected));
        assert_eq!(
            Action::decode("b:1:7"),
            Some(Action::Back { flow: "quickscan".into(), flow_version: 1, question: 7 })
        );
    }

    #[test]
    fn confirmations_that_name_no_state_are_refused() {
        assert_eq!(Action::decode("x"), None);
        assert_eq!(Action::decode("w:a-b_c123XYZ:quickscan"), None);
    }

    #[test]
    fn malformed_data_is_rejected() {
        let long = format!("a:1:2:{}", "0".repeat(70));
        let bad = [
            "",
            "a",
            "a:",
            "a:1",
            "a:1:2",
            "a:1:2:3:4",
            "a:1:2:x",
            "a:-1:2:3",
            "a:+1:2:3",
            "a: 1:2:3",
            "a:1:2:256",
            "a:1:65536:0",
            "a:4294967296:1:1",
            "a:01:2:3",
            "a:1:2:3 ",
            "A:1:2:3",
            "b:1",
            "b:1:2:3",
            "b::2",
            "l:",
            "l:de",
            "l:nl-be",
            "l:nl:BE",
            "x:1:2",
            "a:1:2:٣",
            "Nog niet gestart",
            &long,
            "j:",
            "j:short",
            "j:aaaaaaaaaaaaaaaaaaaaa!",
            "j:aaaaaaaaaaaaaaaaaaaaaaa",
            "p:t:",
            "p:z:AAAAAAAAAAA",
            "p:t:AAAAAAAAAA",
            "p:tt:AAAAAAAAAAA",
            "p:t:AAAAAAAAAAA:x",
            "s:",
            "S",
            "r:2",
            "r:",
            "r:01",
            "a:Quick:1:2:3",
            "a:1x:1:2:3",
            "s:",
            "s:Quickscan",
            "o:quick scan",
            "u:AAAAAAAAAAA:",
            "u:AAAAAAAAAA:quickscan",
            "w:AAAAAAAAAAA:",
            "w:AAAAAAAAAAA:Quick",
            "w:AAAAAAAAAAA:quickscan:01",
            "w:AAAAAAAAAAA:quickscan:",
            "x:01",
            "x:",
            "x:-1",
            "n:",
            "y:r:",
            "y:q:AAAAAAAAAAA",
            "y:r:AAAAAAAAAAA:x",
            "h:1",
            "h::AAAAAAAAAAA",
            "h:01:AAAAAAAAAAA",
            "h:1:AAAA",
            "h:4294967296:AAAAAAAAAAA",
        ];
        for data in bad {
            assert_eq!(Action::decode(data), None, "{data:?} was accepted");
        }
    }
}
