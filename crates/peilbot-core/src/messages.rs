//! The ids of every message the program itself says (the flows name their own keys).
//!
//! Code refers to [`Msg`] variants, never to key strings, so a typo does not compile and
//! `flows check` can prove that every message exists in every language.

macro_rules! messages {
    ($($variant:ident => $key:literal,)*) => {
        /// A message of the program's own, looked up in `locales/<lang>/bot.ftl`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($variant,)* }

        impl Msg {
            pub const ALL: &[Msg] = &[$(Msg::$variant,)*];

            pub fn key(self) -> &'static str {
                match self { $(Msg::$variant => $key,)* }
            }
        }
    };
}

messages! {
    Progress => "progress",
    ScanResumed => "scan-resumed",
    ScanFinished => "scan-finished",
    ScanOutdated => "scan-outdated",
    NotCurrent => "notice-not-current",
    OutOfRange => "notice-out-of-range",
    ExpectedChoice => "notice-expected-choice",
    NothingToGoBack => "notice-nothing-to-go-back",
    LanguageChanged => "notice-language-changed",
    Cancelled => "notice-cancelled",
    NoScanInProgress => "notice-no-scan",
    Idle => "notice-idle",
    SnapshotTitle => "snapshot-title",
    SnapshotHowToRead => "snapshot-how-to-read",
    SnapshotDimension => "snapshot-dimension",
    SnapshotNoScore => "snapshot-no-score",
    SnapshotAmbition => "snapshot-ambition",
    SnapshotNoAmbition => "snapshot-no-ambition",
    SnapshotPriority => "snapshot-priority",
    SnapshotSatisfied => "snapshot-satisfied",
    SnapshotDontKnow => "snapshot-dont-know",
    SnapshotNextStep => "snapshot-next-step",
    SnapshotNextStepUnknown => "snapshot-next-step-unknown",
    SnapshotOverall => "snapshot-overall",
    SnapshotOverallCapped => "snapshot-overall-capped",
    SnapshotOverallMissing => "snapshot-overall-missing",
    SnapshotPublicValuesFlag => "snapshot-public-values-flag",
    SnapshotPriorities => "snapshot-priorities",
    SnapshotNoPriorities => "snapshot-no-priorities",
    SnapshotNone => "snapshot-none",
    ChartTitle => "chart-title",
    ChartCurrent => "chart-current",
    ChartAmbition => "chart-ambition",
    ChartRowValues => "chart-row-values",
    ChatWelcome => "chat-welcome",
    ChatHelp => "chat-help",
    ChatChoiceHint => "chat-choice-hint",
    ChatBye => "chat-bye",
    ChatByeIdle => "chat-bye-idle",
    ChatUnknownLanguage => "chat-unknown-language",
    ChatStartAgain => "chat-start-again",
    TgWelcome => "tg-welcome",
    TgChooseLanguage => "tg-choose-language",
    TgHelp => "tg-help",
    TgIdle => "tg-idle",
    TgStaleButton => "tg-stale-button",
    TgUnavailable => "tg-unavailable",
    TgUnknownCommand => "tg-unknown-command",
    TgGroup => "tg-group",
    TgBackButton => "tg-back-button",
    TgSettings => "tg-settings",
    TgInvalidLink => "tg-invalid-link",
    TgDescription => "tg-description",
    TgShortDescription => "tg-short-description",
    CmdStart => "cmd-start",
    CmdScan => "cmd-scan",
    CmdBack => "cmd-back",
    CmdSnapshot => "cmd-snapshot",
    CmdLanguage => "cmd-language",
    CmdHelp => "cmd-help",
    CmdSettings => "cmd-settings",
    CmdCancel => "cmd-cancel",
    CmdForget => "cmd-forget",
    TgForgetConfirm => "tg-forget-confirm",
    TgForgetButton => "tg-forget-button",
    TgForgotten => "tg-forgotten",
    TeamCreated => "team-created",
    TeamInvite => "team-invite",
    TeamNewInvite => "team-new-invite",
    TeamNameMissing => "team-name-missing",
    TeamJoinConfirm => "team-join-confirm",
    TeamJoinButton => "team-join-button",
    TeamJoined => "team-joined",
    TeamAlreadyMember => "team-already-member",
    TeamStartScanButton => "team-start-scan-button",
    TeamListTitle => "team-list-title",
    TeamListLead => "team-list-lead",
    TeamListMember => "team-list-member",
    TeamListEmpty => "team-list-empty",
    TeamPick => "team-pick",
    TeamNotLead => "team-not-lead",
    TeamNotMember => "team-not-member",
    TeamLeft => "team-left",
    TeamLastLead => "team-last-lead",
    TeamLeadInvite => "team-lead-invite",
    TeamLeadAdded => "team-lead-added",
    TeamLeadNotMember => "team-lead-not-member",
    TeamRoundOpened => "team-round-opened",
    TeamTooFew => "team-too-few",
    TeamHeld => "team-held",
    TeamResultTitle => "team-result-title",
    TeamResultFrozen => "team-result-frozen",
    TeamDimension => "team-dimension",
    TeamDimensionNoAmbition => "team-dimension-no-ambition",
    TeamDimensionNoScore => "team-dimension-no-score",
    TeamSpread => "team-spread",
    TeamViewShared => "team-view-shared",
    TeamViewDivided => "team-view-divided",
    TeamViewMixed => "team-view-mixed",
    TeamDontKnow => "team-dont-know",
    TeamChange => "team-change",
    TeamByRoleTitle => "team-by-role-title",
    TeamByRole => "team-by-role",
    TeamHowToRead => "team-how-to-read",
    ChartTeamTitle => "chart-team-title",
    ChartSpread => "chart-spread",
    TeamExportCaption => "team-export-caption",
    TeamExportEmpty => "team-export-empty",
    ExportColTeam => "export-col-team",
    ExportColRound => "export-col-round",
    ExportColOpened => "export-col-opened",
    ExportColClosed => "export-col-closed",
    ExportColRespondents => "export-col-respondents",
    ExportColDimension => "export-col-dimension",
    ExportColCurrent => "export-col-current",
    ExportColAmbition => "export-col-ambition",
    ExportColGap => "export-col-gap",
    ExportColQ1 => "export-col-q1",
    ExportColQ3 => "export-col-q3",
    ExportColIqr => "export-col-iqr",
    ExportColDontKnow => "export-col-dont-know",
    RemindNudge => "remind-nudge",
    RemindSent => "remind-sent",
    SettingsRemindersOn => "settings-reminders-on",
    SettingsRemindersOff => "settings-reminders-off",
    SettingsRemindersTurnOff => "settings-reminders-turn-off",
    SettingsRemindersTurnOn => "settings-reminders-turn-on",
    OrgTitle => "org-title",
    OrgNone => "org-none",
    OrgNotAdmin => "org-not-admin",
    CmdNewteam => "cmd-newteam",
    CmdInvite => "cmd-invite",
    CmdNewinvite => "cmd-newinvite",
    CmdTeams => "cmd-teams",
    CmdLeave => "cmd-leave",
    CmdAddlead => "cmd-addlead",
    CmdNewround => "cmd-newround",
    CmdTeam => "cmd-team",
    CmdExport => "cmd-export",
    CmdRemind => "cmd-remind",
}

/// This file, for diagnostics that point at a message's definition.
pub const SOURCE_PATH: &str = "crates/peilbot-core/src/messages.rs";

impl Msg {
    /// The line of this file that names the message's key.
    pub fn definition_line(self) -> usize {
        const SOURCE: &str = include_str!("messages.rs");
        let needle = format!("\"{}\"", self.key());
        SOURCE.lines().position(|line| line.contains(&needle)).map_or(1, |i| i + 1)
    }
}
