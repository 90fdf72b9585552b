//! The bot's commands, as one enum: the menu Telegram shows and what a message says.
//!
//! A command's description is the key of its message in `locales/` (so the menu is shown
//! in each person's language, and `flows check` proves every description exists).

use teloxide::utils::command::{BotCommands, ParseError};

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
    // For organisation admins only, so not in the menu.
    #[command(hide)]
    Org,
    #[command(description = "cmd-history")]
    History,
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

/// The commands in menu order with the message that describes each.
pub fn menu() -> Vec<(String, Msg)> {
    Command::bot_commands()
        .into_iter()
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

    #[test]
    fn every_command_in_the_menu_is_described_by_a_message() {
        let menu = menu();
        assert_eq!(menu.len(), 20);
        assert_eq!(menu[0], ("scan".to_string(), Msg::CmdScan));
        assert!(menu.iter().all(|(name, _)| name != "org"), "/org is for admins, not in the menu");
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
