//! The bot's commands, as one enum: the menu Telegram shows and what a message says.
//!
//! A command's description is the key of its message in `locales/` (so the menu is shown
//! in each person's language, and `flows check` proves every description exists), and
//! its audience ([`Command::audience`]) says who may use it: the one place the menus per
//! role and `/help` come from.

use teloxide::utils::command::{BotCommands, ParseError};

use crate::app::conversation::{Request, TeamRequest};
use crate::app::{Audience, Roles, TeamAction};
use crate::messages::Msg;

/// In menu order. Descriptions are message keys (see `Msg`), translated when registered.
#[derive(BotCommands, Debug, Clone, PartialEq, Eq)]
#[command(rename_rule = "lowercase")]
pub enum Command {
    // `/scan`, or `/scan ID` for one flow.
    #[command(description = "cmd-scan")]
    Scan(String),
    #[command(description = "cmd-back")]
    Back,
    #[command(description = "cmd-snapshot")]
    Snapshot,
    #[command(description = "cmd-history")]
    History,
    #[command(description = "cmd-language")]
    Language,
    #[command(description = "cmd-settings")]
    Settings,
    #[command(description = "cmd-cancel")]
    Cancel,
    #[command(description = "cmd-help")]
    Help,
    // `/start`, or `/start PAYLOAD` from a deep link.
    #[command(description = "cmd-start")]
    Start(String),
    #[command(description = "cmd-teams")]
    Teams,
    #[command(description = "cmd-team")]
    Team,
    #[command(description = "cmd-newteam")]
    Newteam(String),
    #[command(description = "cmd-invite")]
    Invite,
    #[command(description = "cmd-newinvite")]
    Newinvite,
    #[command(description = "cmd-addlead")]
    Addlead,
    #[command(description = "cmd-newround")]
    Newround,
    #[command(description = "cmd-export")]
    Export,
    #[command(description = "cmd-remind")]
    Remind,
    #[command(description = "cmd-leave")]
    Leave,
    #[command(description = "cmd-forget")]
    Forget,
    #[command(description = "cmd-privacy")]
    Privacy,
    #[command(description = "cmd-mydata")]
    Mydata,
    // `/report`, or `/report org` (admins) for the organisation.
    #[command(description = "cmd-report")]
    Report(String),
    #[command(description = "cmd-org")]
    Org,
    #[command(description = "cmd-weblink")]
    Weblink,
    #[command(description = "cmd-teamlanguage")]
    Teamlanguage,
}

impl Command {
    /// What the person asks for, in the application layer's words. Exhaustive, so a new
    /// command does not compile until it says what it asks.
    pub fn request(self) -> Request {
        use Command as C;
        use TeamAction as A;
        match self {
            C::Start(payload) => Request::Start(payload),
            C::Scan(id) => Request::Scan(id),
            C::Back => Request::Back,
            C::Snapshot => Request::Snapshot,
            C::History => Request::History,
            C::Language => Request::Language,
            C::Settings => Request::Settings,
            C::Cancel => Request::Cancel,
            C::Help => Request::Help,
            C::Forget => Request::Forget,
            C::Privacy => Request::Privacy,
            C::Mydata => Request::MyData,
            C::Teams => Request::Team(TeamRequest::List),
            C::Newteam(name) => Request::Team(TeamRequest::New(name)),
            C::Org => Request::Team(TeamRequest::Org),
            C::Report(what) => Request::Team(TeamRequest::Report(what)),
            C::Team => Request::Team(TeamRequest::On(A::Result)),
            C::Invite => Request::Team(TeamRequest::On(A::Invite)),
            C::Newinvite => Request::Team(TeamRequest::On(A::NewInvite)),
            C::Addlead => Request::Team(TeamRequest::On(A::AddLead)),
            C::Newround => Request::Team(TeamRequest::On(A::NewRound)),
            C::Export => Request::Team(TeamRequest::On(A::Export)),
            C::Remind => Request::Team(TeamRequest::On(A::Remind)),
            C::Leave => Request::Team(TeamRequest::On(A::Leave)),
            C::Weblink => Request::Team(TeamRequest::WebLink),
            C::Teamlanguage => Request::Team(TeamRequest::On(A::Language)),
        }
    }

    /// Who may use the command. Exhaustive, so a new command does not compile until it
    /// says whose menu and `/help` it belongs in.
    pub fn audience(&self) -> Audience {
        use Command as C;
        match self {
            C::Scan(_)
            | C::Back
            | C::Snapshot
            | C::History
            | C::Language
            | C::Settings
            | C::Cancel
            | C::Help => Audience::Everyone,
            C::Start(_) | C::Teams | C::Newteam(_) | C::Leave | C::Forget | C::Privacy | C::Mydata => {
                Audience::Everyone
            }
            C::Team
            | C::Invite
            | C::Newinvite
            | C::Addlead
            | C::Newround
            | C::Export
            | C::Remind
            | C::Weblink
            | C::Teamlanguage => Audience::Leads,
            C::Report(_) => Audience::LeadsAndAdmins,
            C::Org => Audience::Admins,
        }
    }
}

/// What a text message in a private chat is, for the router.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    Command(Command),
    /// "/scan@other_bot": not ours to answer.
    OtherBot,
    /// A command we do not know (or with arguments it does not take).
    Unknown,
    /// Anything else: free text where a button is expected.
    Text(String),
}

impl Said {
    pub fn parse(text: &str, username: &str) -> Said {
        if !text.trim_start().starts_with('/') {
            return Said::Text(text.to_string());
        }
        match Command::parse(text.trim(), username) {
            Ok(command) => Said::Command(command),
            Err(ParseError::WrongBotName(_)) => Said::OtherBot,
            Err(_) => Said::Unknown,
        }
    }
}

/// The commands someone with these roles may use, in menu order, with the message that
/// describes each.
pub fn menu(roles: Roles) -> Vec<(String, Msg)> {
    Command::bot_commands()
        .into_iter()
        .filter(|command| {
            // A command's name alone parses as the command (arguments are optional).
            let parsed = Command::parse(&command.command, "");
            parsed.expect("every command parses from its name").audience().allows(roles)
        })
        .map(|command| {
            let msg = Msg::ALL.iter().find(|msg| msg.key() == command.description);
            let msg = msg.copied().expect("every command's description is a message key");
            (command.command.trim_start_matches('/').to_string(), msg)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(roles: Roles) -> Vec<String> {
        menu(roles).into_iter().map(|(name, _)| name).collect()
    }

    #[test]
    fn every_command_in_the_menu_is_described_by_a_message() {
        let everything = menu(Roles { lead: true, admin: true });
        assert_eq!(everything.len(), Command::bot_commands().len(), "every command is someone's");
        assert_eq!(everything[0], ("scan".to_string(), Msg::CmdScan));
    }

    #[test]
    fn each_role_gets_its_own_commands() {
        let person = names(Roles::EVERYONE);
        let lead = names(Roles { lead: true, admin: false });
        let admin = names(Roles { lead: false, admin: true });
        for name in ["team", "export", "newround", "remind", "report", "org"] {
            assert!(!person.iter().any(|n| n == name), "/{name} is not for everyone");
        }
        for name in ["privacy", "mydata", "forget"] {
            assert!(person.iter().any(|n| n == name), "/{name} is for everyone");
        }
        assert!(
            person.iter().all(|n| lead.contains(n) && admin.contains(n)),
            "everyone's commands are in every menu"
        );
        assert!(lead.iter().any(|n| n == "team") && lead.iter().any(|n| n == "report"));
        assert!(!lead.iter().any(|n| n == "org"), "/org is for admins");
        assert!(admin.iter().any(|n| n == "org") && admin.iter().any(|n| n == "report"));
        assert!(!admin.iter().any(|n| n == "team"), "an admin who leads no team runs none");
    }

    #[test]
    fn messages_are_sorted_into_commands_other_bots_unknown_and_text() {
        let said = |text| Said::parse(text, "peilbot_bot");
        assert_eq!(said("/scan"), Said::Command(Command::Scan(String::new())));
        assert_eq!(said("/scan@PeilBot_Bot"), Said::Command(Command::Scan(String::new())));
        assert_eq!(said("/scan aiscan"), Said::Command(Command::Scan("aiscan".into())));
        assert_eq!(said("/start join_abc"), Said::Command(Command::Start("join_abc".into())));
        assert_eq!(said("/start"), Said::Command(Command::Start(String::new())));
        assert_eq!(
            said("/newteam Burgerzaken Oost"),
            Said::Command(Command::Newteam("Burgerzaken Oost".into()))
        );
        assert_eq!(said("/help@other_bot"), Said::OtherBot);
        assert_eq!(said("/frobnicate"), Said::Unknown);
        assert_eq!(said("hello"), Said::Text("hello".into()));
    }
}
