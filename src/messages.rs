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
    TgUnknownCommand => "tg-unknown-command",
    TgGroup => "tg-group",
    TgBackButton => "tg-back-button",
    TgSettings => "tg-settings",
    TgInvalidLink => "tg-invalid-link",
    TgDescription => "tg-description",
    TgShortDescription => "tg-short-description",
    LangNl => "lang-nl",
    LangNlBe => "lang-nl-BE",
    LangEn => "lang-en",
    CmdStart => "cmd-start",
    CmdScan => "cmd-scan",
    CmdBack => "cmd-back",
    CmdSnapshot => "cmd-snapshot",
    CmdLanguage => "cmd-language",
    CmdHelp => "cmd-help",
    CmdSettings => "cmd-settings",
    CmdCancel => "cmd-cancel",
}
