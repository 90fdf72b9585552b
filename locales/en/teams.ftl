# Teams, rounds and team results (crates/peilbot-core/src/messages.rs), English.

## Creating, inviting, joining

team-created = Team "{ $team }" has been created, and you are its lead. Share this link with your team: { $link }
team-invite = Invite link for "{ $team }": { $link }
team-new-invite = New invite link for "{ $team }": { $link }
    The old link no longer works.
team-name-missing = Give the team a name of at most 64 characters, for example: /newteam Customer service
team-join-confirm = Do you want to join the team "{ $team }"? Your own answers stay yours: the team lead only sees results of { $min } people or more, never who answered what.
team-join-button = Join the team
team-joined = Welcome to "{ $team }"! Take "{ $title }" when it suits you.
team-already-member = You are already in "{ $team }".
team-start-scan-button = Start or continue: { $title }
team-list-title = Your teams:
team-list-lead = { $team }: lead
team-list-member = { $team }: member
team-list-empty = You are not in a team yet. Create one with /newteam NAME, or open an invite link from your team lead.
team-pick = Which team?
team-not-lead = Only a team lead can do that. You do not lead a team: /newteam NAME creates one.
team-not-member = You are not in a team.
team-left = You left "{ $team }". Team results already shown stay as they were; from the next result on, your answers no longer count for this team. Your answers stay yours.
team-last-lead = You are the only lead of "{ $team }". Make someone else a lead first (/addlead), then leave.
team-lead-invite = Send this one-time link to the member who should become a lead of "{ $team }": { $link }
team-lead-added = You are now a lead of "{ $team }". /team shows the team result.
team-lead-not-member = Join the team first with its invite link, then open this link again.
team-lead-offer = You have been invited to become a lead of "{ $team }". A lead sees the team's results (never who answered what), opens new rounds and sends reminders.
team-lead-offer-button = Become a lead
team-lead-already = You already lead "{ $team }". This link is for the member who should become a lead too: send it to them; it still works.

## Rounds and the team result

team-round-opened = Round { $round } of "{ $team }" is open and round { $previous } is closed. The new round asks "{ $title }"; scans finished from now on count for it.
team-too-few = "{ $team }", round { $round }: { $respondents ->
        [0] nobody has finished the scan yet.
        [one] 1 of { $members } members has finished.
       *[other] { $respondents } of { $members } members have finished.
    } A team result needs at least { $needed } people, so { $more ->
        [one] 1 more is needed.
       *[other] { $more } more are needed.
    } This protects everyone's answers.
team-held = "{ $team }", round { $round }: { $respondents } of { $members } members have finished, but a result would differ by fewer than { $step } people from one already shown (of a team with largely the same people). It appears once more people have finished. This protects everyone's answers.
team-result-title = Team "{ $team }", round { $round }: { $respondents } of { $members } members have finished.
team-result-frozen = This result covers { $shown } { $shown ->
        [one] person
       *[other] people
    }: the result as it was first shown. It is renewed once at least { $more } more { $more ->
        [one] has
       *[other] have
    } finished, and only if it then differs by at least { $step } people from every result already shown, of this team or of a team with the same people, so that nobody's answers can be read from the difference.
team-dimension = { $name }: median { $current } ({ $level }), ambition { $ambition }, gap { $gap }
team-dimension-no-ambition = { $name }: median { $current } ({ $level }), no ambition given
team-dimension-no-score = { $name }: not enough answers for a median
team-spread = spread (IQR) { $iqr }: { $view }
team-view-shared = shared view
team-view-divided = divided view
team-view-mixed = in between, neither shared nor divided
team-dont-know = don't know { $share }%
team-change = change since round { $round }: { $change }
team-by-role-title = Only groups of 7 or more, with at least 7 others beside them:
team-by-role = { $role } ({ $respondents }): { $medians }
team-how-to-read = How to read this: medians over the team on a 1-5 scale, rounded to one decimal; the gap and the change are worked out from the numbers as shown. The spread (interquartile range) shows how far views differ: 1 or less is a shared view, 2 or more a divided one. No one's own answers, and no lowest or highest value, are ever shown.
chart-team-title = Team "{ $team }", round { $round }: median now and in 2 years
chart-spread = Spread (IQR)

## Export

team-export-caption = Team results of "{ $team }" per round, as CSV, as an Excel file (xlsx) and as JSON. Only rounds with enough respondents are included.
team-export-empty = There is nothing to export yet: no round of "{ $team }" has enough respondents.
export-col-team = Team
export-col-round = Round
export-col-opened = Opened
export-col-closed = Closed
export-col-took-part = Took part
export-col-respondents = In the result
export-col-dimension = Theme
export-col-current = Median now
export-col-ambition = Median ambition
export-col-gap = Gap
export-col-q1 = First quartile
export-col-q3 = Third quartile
export-col-iqr = Spread (IQR)
export-col-dont-know = Don't know (%)
export-col-view = View
export-col-attention = Attention

## Reminders

remind-nudge = A reminder from your team "{ $team }": "{ $title }" takes about { $minutes } minutes. Your own answers stay yours; the team only sees results of { $min } people or more.
remind-sent = { $count ->
        [0] There is nobody to remind: everyone has finished round { $round }, turned reminders off, blocked the bot or got a reminder in the last day.
       *[other] Reminder sent to { $count } member(s) who have not finished round { $round }. Anyone who turned reminders off, blocked the bot or got a reminder in the last day was skipped.
    }
settings-reminders-on = Team reminders: on.
settings-reminders-off = Team reminders: off.
settings-reminders-turn-off = Turn team reminders off
settings-reminders-turn-on = Turn team reminders on

## Organisation view

org-title = Organisation view: per team the latest round with at least { $min } respondents, with ambition, gap and N.
org-none = No team has enough respondents yet.
org-not-admin = Only organisation admins can use /org.

## Team commands in the menu

cmd-newteam = Create a team and become its lead
cmd-invite = Show your team's invite link
cmd-newinvite = Replace the invite link (the old one stops working)
cmd-teams = Your teams and roles
cmd-leave = Leave a team
cmd-addlead = Make another member a lead
cmd-newround = Close the current round and open the next
cmd-team = The team result (leads)
cmd-export = The team results as CSV and JSON (leads)
cmd-remind = Remind members who have not finished (leads)

# issue 10: rounds per flow

team-round-flow = Round { $round } asks "{ $title }". Should your team take another scan in this round? Choose it here, before anyone has finished.
team-round-flow-set = Round { $round } of "{ $team }" now asks "{ $title }". The invite link leads to it.
team-round-flow-locked = Round { $round } of "{ $team }" already has a result, so its scan stays as it is. Open a new round with /newround to ask "{ $title }".
org-flow-title = { $title }
confirm-new-round-flow-button = Yes, open round { $next } with "{ $title }"
confirm-new-round-flows = Round { $next } asks "{ $title }" again, unless you choose another scan below.
team-round-old-version = Note: round { $round } asks an earlier version of "{ $title }", whose questions have changed since. Scans of the new version count from the next round on: open it with /newround.

# issue 12: confirmations, names and empty cases

team-above-ambition = already above the ambition
confirm-new-round = Close round { $round } of "{ $team }" and open round { $next }? Scans finished from then on count for the new round; the closed round keeps its last result. This cannot be undone.
confirm-new-round-button = Yes, open round { $next }
confirm-leave = Leave "{ $team }"? From the next result on, your answers no longer count for this team.
confirm-leave-sole-lead = You are the only lead of "{ $team }": if you leave, the team has no lead, and nobody can see its results or open a new round. To hand it over, make someone else a lead first with /addlead. Leave anyway?
confirm-leave-button = Yes, leave the team
team-left-no-lead = You left "{ $team }". The team now has no lead. Team results already shown stay as they were; your answers stay yours.
team-name-duplicate = You already lead a team called "{ $team }". Give the new team another name.
team-picked = Team: { $team }
remind-queued = It is outside working hours, so the messages to the members of "{ $team }" ({ $count }) wait until the next working day at 9:00 (Dutch and Belgian time).
# issue 11: team advice
team-advice-no-priorities = No theme has a gap of 1.5 or more: keep what works, and look at the themes below.
team-advice-priority = { $rank }. { $name } (gap { $gap }): { $step }
team-advice-make-visible = Make this visible, many answered "don't know": { $list }
team-advice-share = { $name } ({ $share }%)
team-statements-lowest = Lowest-scoring statements:
team-statements-unknown = Most "don't know":
team-statement-median = • { $statement } (median { $median })
team-statement-dont-know = • { $statement } ({ $share }% don't know)

# issue 11: rounds
team-result-title-closed = Team "{ $team }", round { $round } (closed): { $respondents } people took part.
team-round-button = Round { $round }
round-opened-nudge = Round { $round } of your team "{ $team }" has started: "{ $title }" takes about { $minutes } minutes. Your own answers stay yours; the team only sees results of { $min } people or more.
round-opened-sent = { $count ->
    [one] 1 member was told, with a button to start.
   *[other] { $count } members were told, with a button to start.
    }
chart-facts = scan of { $date } · don't know { $dontknow }%
chart-team-facts = N = { $respondents } · { $closed ->
        [yes] closed { $date }
       *[no] as of { $date }
    } · don't know { $dontknow }%
chart-previous = Round { $round }
date-short = { $year }-{ $month }-{ $day }

# issue 11: the report and commands per role
cmd-report = A PDF report of the team result to share (leads; for admins, the organisation)
cmd-org = The organisation view (admins)
report-title = Digital maturity of team "{ $team }"
report-facts = Printed { $date } · { $flow } · { $round } · { $count }
report-round-open = round { $round }, opened { $date }
report-round-closed = round { $round } (closed), opened { $date }
report-priorities = Priorities and next steps
report-views = Where views are shared and where they differ
report-shared = Shared view: { $list }
report-divided = Divided view, talk about this first: { $list }
report-no-theme = no theme
report-change = Change since the last round
report-change-since = Medians now against round { $round }:
report-change-line = { $name }: { $before } → { $now } ({ $change })
report-no-change = This is the first round with a result, so there is nothing to compare with yet.
report-how-to-read = How to read this report
report-anonymity-title = About anonymity
report-anonymity = This report holds only team results over at least { $min } people: medians, spreads and shares. No one's own answers are in it, nor a lowest or highest value, and no result that differs by fewer than 3 people from another one shown, so nobody's answers can be read from it. Each person's own snapshot is theirs alone.
report-caption = The report of "{ $team }", round { $round }, to share with your team.
report-org-title = Digital maturity of the organisation
report-org-facts = Printed { $date } · { $flow } · { $teams ->
        [one] one team
       *[other] { $teams } teams
    } with a result · { $below ->
        [0] no team below the minimum of { $min } respondents
        [one] one team below the minimum of { $min } respondents (not in these figures)
       *[other] { $below } teams below the minimum of { $min } respondents (not in these figures)
    }
report-org-teams = Per team
report-org-caption = The organisation report, to share with management.
report-themes = Per theme
report-by-role = By role
report-statements = Statements that stand out

# issue 9 and 11: the organisation view for a management team
export-col-members = Members
org-summary = { $teams ->
    [one] 1 team has a result
   *[other] { $teams } teams have a result
    }, { $pending ->
    [one] 1 team not yet
   *[other] { $pending } teams not yet
    }; { $respondents } respondents in all.
org-overall-title = Whole organisation, { $respondents } respondents: exactly the people in the team results below, each team from its own latest round with a result; teams below the minimum are not in it (median per theme):
org-overall-none = There is no organisation-wide result yet: it needs at least { $min } respondents, and must differ by at least { $step } from every result already shown.
org-row-now = now
org-row-ambition = ambition
org-row-gap = gap
org-team-line = { $team } · round { $round } · N = { $respondents } of { $members } members
org-pending-title = Not enough respondents yet (counts only):
org-pending-line = { $team }: round { $round }, { $respondents } of { $members } members finished
org-pending-more = …and { $count } more; every team is in the file.
org-pictures-note = The pictures show the teams that need attention first: the most divided themes first, then the lowest levels ({ $shown } of { $teams } teams, { $per } per picture). Every team is in the file.
org-chart-title = Median level now per team
org-chart-caption = As of { $date } · picture { $page } of { $pages } · teams { $from }–{ $to } of { $teams }, most divided and weakest first
org-chart-how-to-read = The number (and its colour) is the median level now; under it, the gap to the median ambition. Hatched: not enough answers. N: respondents in the round shown.
org-chart-count = N
org-chart-round = round { $round }
org-chart-organisation = Whole organisation
org-chart-all-teams = all teams
org-file-caption = Every team and the whole organisation as a table: CSV for Excel and a workbook.
org-whole-organisation = Whole organisation

# issue 22: a team's language

cmd-teamlanguage = The language new members of your team get (team leads)
team-language-note = I speak { $language } with you, the language of team "{ $team }".
team-language-how-tg = Another language? Type /language.
team-language-how-web = You can choose another language at the top of the page.
team-language-none = no language of its own yet
team-language-offer = Team "{ $team }" speaks { $language }. Whoever joins through the team's link and has not chosen a language yet gets this one. Choose the team's language:
team-language-set = Team "{ $team }" now speaks { $language }. Whoever joins through the team's link from now on gets it; members who are in already keep their own.
web-lead-language = Team language

# issue 23: what a management team acts on
date-long = { $day } { $month ->
        [1] January
        [2] February
        [3] March
        [4] April
        [5] May
        [6] June
        [7] July
        [8] August
        [9] September
        [10] October
        [11] November
       *[12] December
    } { $year }
report-org-summary = Summary for the management team
report-org-counts = Whole organisation: { $respondents } respondents. These are exactly the people in the team results in this report, each team from its own latest round with a result; teams below the minimum are not in it.
report-org-team-facts = Round { $round }, opened { $date } · { $respondents } of { $members } members took part
report-org-team-newer = round { $round } is still below the minimum
report-org-below-title = Teams below the minimum of { $min } respondents (counts only, no figures)
org-col-theme = Theme
org-col-now = Now
org-col-ambition = Ambition
org-col-gap = Gap
org-priorities-title = Priorities
org-priorities-how = The three largest gaps between where the organisation stands and where it wants to be in two years. A gap counts for more the more teams have it as a priority of their own (a gap of { $gap } or more), up to twice as much when every team does.
org-no-priority = The organisation stands where it wants to be on every theme: no theme has a gap.
org-priority = { $rank }. { $theme }: now { $now }, ambition { $ambition }, gap { $gap }; a priority in { $teams } of { $of } { $of ->
        [one] team
       *[other] teams
    }.
org-all-level = Every theme stands at { $now }: none is lower than the others.
org-lowest = Lowest theme: { $theme } ({ $now }). Even without a large gap it gets a first step (in the actions).
org-spread-title = Where teams differ most
org-spread-none = On every theme, team medians lie less than { $min } level apart.
org-spread = { $theme }: team medians from { $lowest } to { $highest }; { $divided ->
        [0] no team is divided within itself.
        [one] in one team the view itself is divided.
       *[other] in { $divided } teams the view itself is divided.
    }
org-actions-title = Actions (fill in owner and date at the meeting)
org-col-priority = Priority
org-col-what = What (next step)
org-col-owner = Owner
org-col-when = By when
team-advice-lowest = Lowest theme: { $name }, at "{ $level }". Even without a large gap, a first step: { $step }
team-statements-tie = Every statement has the same median ({ $median }): none stands out as the lowest.
team-result-closed-covers = The result covers { $shown } of them.
report-count-open = { $respondents } of { $members } members finished · the result covers { $shown }
report-count-closed = { $respondents } took part · the result covers { $shown }
round-already-closed = Round { $round } of "{ $team }" is closed already, and round { $current } is open: nothing changed.
report-in-between = In between, neither shared nor divided: { $list }
