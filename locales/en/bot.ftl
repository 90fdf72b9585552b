# What the program itself says (crates/peilbot-core/src/messages.rs), English.

## Scan

progress = Question { $position } of { $total }
scan-resumed = Welcome back: let's carry on where you left off.
scan-finished = Done, thank you! Here is your snapshot.
scan-outdated = This scan has changed since you started, so you start again with the new version.

## Refused input: the state stays as it was

notice-not-current = That answer belongs to a question that is no longer open. Here is the current question.
notice-out-of-range = That is not one of the options. Please pick one below.
notice-expected-choice = Please answer with one of the choices.
notice-nothing-to-go-back = This is the first question: there is nothing to go back to.
notice-language-changed = From now on I'll speak English.
notice-cancelled = The scan has stopped and its answers are deleted. You can start again whenever you like.
notice-no-scan = There is no scan in progress.
## The individual snapshot

snapshot-title = Your snapshot
snapshot-how-to-read = How to read this: each theme scores the mean of your answers, from 1 (not started) to 5 (leading). "Don't know" is not counted in the score; a lot of "don't know" is a finding in itself. Every number is rounded to one decimal (1.97 becomes 2.0, 1.45 becomes 1.5); the level, the gap and the overall index are worked out from the numbers as you see them here. The gap is your ambition minus where you stand; a gap of 1.5 or more is a priority, and the three largest come first. Your own answers are yours alone: a team lead never sees them.
snapshot-dimension = { $name }: { $score } ({ $level })
snapshot-no-score = { $name }: not enough answers for a score ({ $dontknow }% don't know)
snapshot-ambition = In two years: { $ambition } ({ $level }), gap { $gap }
snapshot-no-ambition = In two years: no ambition given
snapshot-priority = priority
snapshot-satisfied = ambition reached
snapshot-dont-know = Don't know: { $share }%
snapshot-next-step = Next step: { $step }
snapshot-next-step-unknown = Next step: Find out who in your organisation can answer these questions, and ask them.
snapshot-overall = Overall index { $index }, the mean of your themes, so your overall level is { $level }.
snapshot-overall-capped = Overall index { $index }, the mean of your themes, would make your overall level { $uncapped }, but it is { $level }, as it is never more than one level above your lowest theme ({ $lowest }).
snapshot-overall-missing = No overall index: not every theme has a score.
snapshot-public-values-flag = Attention: public values score { $score }, below 2. Privacy, security and explainable algorithms need attention first.
snapshot-priorities = Priorities: { $list }
snapshot-no-priorities = No priorities: no gap of 1.5 or more.
snapshot-none = You have not completed a scan yet.

## Charts

chart-title = Where we stand and where we want to be
chart-current = Now
chart-ambition = In 2 years

chart-row-values = { $current } → { $ambition }, gap { $gap }
## Terminal chat

chat-welcome = Peilbot: short digital maturity scans. Answer with the number of your choice. Type "help" for the commands.
chat-help = Commands: a number answers the question; "back" goes to the previous question; "skip" or "?" answers "don't know" (where a question offers it); "lang nl", "lang nl-BE" or "lang en" switches language; "cancel" stops the scan and deletes its answers; "start" shows the scans to choose from ("start aiscan" starts one); "snapshot" shows your latest snapshot; "levels" says what each level looks like; "history" lists your completed scans; "privacy" says what is kept and who sees it; "mydata" shows everything kept about you; "forget" deletes all of it; "quit" stops for now (your answers are kept).
chat-choice-hint = (number, "back", "skip", "help")
chat-bye = Your answers are saved. Run peilbot chat again to go on.
chat-bye-idle = Goodbye.
chat-unknown-language = I speak Dutch (nl), Flemish (nl-BE) and English (en). For example: lang nl
chat-start-again = Type "start" for a new scan, or "quit" to stop.

## Telegram

tg-welcome = Hello! I am Peilbot. I take you through short scans of your { -org }: the digital maturity quick scan (about 6 minutes) or the scan on AI readiness and responsible use (about 4). At the end you get your own snapshot with a next step for each theme.
tg-choose-language = Which language do you prefer?
tg-help = What I can do:
tg-idle = Type /scan to start a scan, or /help to see what else I can do.
tg-stale-button = That button is no longer valid. Here is the current question.
tg-unavailable = Sorry, I cannot save anything right now, so that last step did not count. Your earlier answers are safe. Please try again in a few minutes.
tg-unknown-command = I don't know that command.
tg-group = I only collect answers in a private chat, so that nobody sees anyone else's answers. Start here: { $link }
tg-back-button = « Back
tg-settings = Language: { $language }. Choose another one below if you like.
tg-invalid-link = This link is not valid (any more). Ask whoever sent it for a new one, or type /scan to take a scan on your own.
tg-description = Peilbot takes staff of Dutch and Flemish municipalities through short scans in chat, of their digital maturity and of their readiness for AI, and gives each person and each team a snapshot: where we stand, where we want to be in two years, and what to do next.
tg-short-description = Short scans of digital maturity and AI readiness for municipal staff.
lang-nl = Nederlands
lang-nl-BE = Vlaams
lang-en = English
cmd-start = Welcome and what is kept about you
cmd-scan = Start or continue a scan
cmd-back = Change your previous answer
cmd-snapshot = Your latest snapshot
cmd-language = Choose your language
cmd-help = What I can do
cmd-settings = Your settings
cmd-cancel = Stop the scan and delete its answers
cmd-forget = Delete everything kept about you
tg-forget-confirm = This deletes everything Peilbot keeps about you: your language, your scans and answers, and your team memberships. Team results that were already shown stay as they were, because they hold no one's own answers; from the next team result on, you are no longer counted. Delete it all?
tg-forget-button = Delete my data
tg-forgotten = Done: everything Peilbot kept about you is deleted. Type /start if you want to begin again.

# issue 10: flows, a person's history, reference lines

scan-other-in-progress = You have another scan in progress. Finish it first, or type /scan to choose.
flow-menu-title = Which scan would you like to take?
flow-menu-item = { $number }. { $title }: about { $minutes } minutes, { $questions } questions
flow-menu-in-progress = in progress, at question { $position } of { $total }
flow-menu-pick = Your answers are kept as you go, so you can stop at any point and go on later.
flow-unknown = There is no scan called "{ $id }".
flow-switch-confirm = You are in the middle of "{ $current }" (question { $position } of { $total }). Continue it, or start "{ $wanted }" instead? Starting the other scan deletes your answers to this one so far.
flow-switch-continue = Continue "{ $title }"
flow-switch-start = Start "{ $title }" instead
chat-menu-hint = (type a number, or "quit")
snapshot-flow-title = { $title }
snapshot-change-title = Since your previous scan ({ $date }):
snapshot-change = { $name }: { $before } → { $now } ({ $change })
snapshot-references-title = For context, published figures on their own scales (not comparable with the 1 to 5 of this scan):
snapshot-reference = { $label } ({ $source }, { $year }): { $values }
snapshot-reference-value = { $name } { $value }
snapshot-reference-percent = { $name } { $value }%
snapshot-reference-parts = { $region }: { $values }
history-title = Your completed scans, newest first:
history-item = { $date } · { $title } · overall { $index } ({ $level })
history-item-no-overall = { $date } · { $title } · no overall score (a theme had too few answers)
history-none = You have not completed a scan yet.
cmd-history = Your earlier scans

# issue 12: privacy, confirmations and the everyday

progress-about = Question { $position } of about { $total }
scale-legend = Levels: { $levels }
snapshot-above-ambition = In two years: { $ambition } ({ $level }). You are already { $above } above that.
privacy-notice = Before you begin: what I keep, and who sees it.
    • What I keep: { $account }, your language, your answers and when you gave them, and the teams you are in.
    • Who sees what: your own answers and your snapshot are for you alone. A team lead only ever sees team results of { $min } people or more, never who answered what.
    • How long: a finished scan is deleted { $period } after you finished it, and everything at once whenever you ask.
    • Responsible for your data: { $controller }.
privacy-statement = How Peilbot handles your data
    
    Who is responsible: { $controller }. For questions about your data, or to use your rights, contact the data protection officer: { $dpo }.
    
    Legal basis: { $basis }.
    
    What is kept: { $account }, the language you use, your answers to each scan with when you started and finished it, a scan you have not finished yet, the teams you are in and whether you lead them, whether you turned team reminders off, and when you were last reminded.
    
    Why: to give you your own snapshot, and your team and your organisation anonymous results.
    
    Who sees what: your own answers and your snapshot are for you alone. A team lead only sees team results of { $min } people or more: medians, spread and shares of "don't know", never who answered what and never a lowest or highest value. A breakdown by role needs groups of at least 7. Whoever runs this bot's server holds the stored data and must protect it.
    
    How long: a finished scan is deleted { $period } after it was finished. A scan you stop and delete is deleted at once. Team results already shown stay as they were: they hold no one's own answers.
cmd-privacy = What is kept, who sees it, for how long
cmd-mydata = Everything kept about you
mydata-summary = What I keep about you: your language ({ $language }), { $scans ->
        [0] no finished scans
        [one] one finished scan
       *[other] { $scans } finished scans
    }, { $inprogress ->
        [0] no scan in progress
       *[other] a scan in progress
    }, and { $teams ->
        [0] no teams.
        [one] one team: { $names }.
       *[other] { $teams } teams: { $names }.
    } Finished scans are deleted { $period } after they were finished. The file below holds all of it, exactly as stored.
mydata-caption = Everything Peilbot keeps about you, as JSON.
tg-ready = Which language do you prefer? Tap "Start" when you are ready.
tg-start-button = Start
tg-forget-keep-button = No, keep my data
forget-sole-lead = You are the only lead of { $teams }. Once your data is deleted, nobody leads that team; to hand it over, make someone else a lead first with /addlead.
confirm-cancel = Stop the scan? { $answers ->
        [0] You have not answered anything yet.
        [one] Your one answer so far will be deleted.
       *[other] Your { $answers } answers so far will be deleted.
    } This cannot be undone.
confirm-cancel-button = Yes, stop and delete
confirm-no-button = No
nothing-changed = Fine: nothing has changed.
chat-confirm-yes = Type "yes" to go ahead; anything else leaves everything as it is.
chat-forgotten = Done: everything Peilbot kept about you is deleted. Run peilbot chat again if you want to begin anew.
chat-choice-hint-no-skip = (number, "back", "help")
privacy-commands-tg = Commands: /privacy the full statement · /mydata everything I keep about you · /cancel stop a scan and delete its answers · /forget delete everything.
privacy-commands-chat = Commands: "privacy" the full statement · "mydata" everything I keep about you · "cancel" stop a scan and delete its answers · "forget" delete everything.

# issue 22: a privacy statement for a public body
retention-period = { $years ->
        [0] { $days ->
            [one] one day
           *[other] { $days } days
        }
        [1] one year
        [2] two years
       *[other] { $years } years
    }
privacy-unset = not filled in yet by the organisation that runs this scan (ask whoever invited you)
privacy-account-tg = your Telegram user id
privacy-account-web = a random key in a cookie of this browser (Peilbot stores only a hash of it)
privacy-account-chat = one local person for the data folder on this computer (nothing that names you)
privacy-where-tg = About Telegram: the messages of this chat, your answers and snapshots included, stay on Telegram's servers until you delete the chat, also after Peilbot has deleted your data. Telegram is a company of its own, with its own privacy policy: delete the chat in Telegram if you want them gone there too.
privacy-where-web = About this browser: Peilbot keeps nothing in it but one cookie with a random key. Whoever has your personal link to continue a scan can see your answers, so keep it to yourself.
privacy-where-chat = About this terminal: everything is kept in the data folder on this computer, and nowhere else.
privacy-rights-tg = Your rights: /mydata shows everything kept about you, also as a file. /forget deletes all of it. /settings turns team reminders off. Reminders only go out on working days between 9:00 and 17:00.
privacy-rights-web = Your rights: "My data" shows everything kept about you, also as a file, and deletes all of it.
privacy-rights-chat = Your rights: "mydata" shows everything kept about you, also as JSON; "forget" deletes all of it.
privacy-complaint = If you think your data is not handled as it should be, you may complain to the supervisory authority: in the Netherlands the Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl); in Belgium the Gegevensbeschermingsautoriteit (gegevensbeschermingsautoriteit.be), and for Flemish local government the Vlaamse Toezichtcommissie (overheid.vlaanderen.be/vtc).

# issue 22: a /help that fits on a phone
tg-help-more = The other commands are under "More".
tg-help-more-button = More
flow-menu-asked = asked by your team "{ $team }" this round
levels-title = What each level looks like
levels-no-score = Not enough answers for a level.
levels-now = Where you are ({ $level } · { $label }): { $text }
levels-next = The next level ({ $level } · { $label }): { $text }
levels-col-level = Level
levels-col-looks-like = What it looks like
levels-button = What each level looks like
levels-none = There is nothing to describe yet: finish a scan first.
chat-levels-hint = Type "levels" to see what each level looks like.
