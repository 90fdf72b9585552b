# Teams, rounds and team results (crates/peilbot-core/src/messages.rs), English.

## Creating, inviting, joining

team-created = Team "{ $team }" is created, and you are its lead. Share this link with your team: { $link }
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

## Rounds and the team result

team-round-opened = Round { $round } of "{ $team }" is open and round { $previous } is closed. The new round asks "{ $title }"; scans finished from now on count for it.
team-too-few = "{ $team }", round { $round }: { $respondents } of { $members } members have finished. A team result needs at least { $needed } people, so { $more } more are needed. This protects everyone's answers.
team-held = "{ $team }", round { $round }: { $respondents } of { $members } members have finished, but a result would differ by fewer than { $step } people from one already shown (of a team with largely the same people). It appears once more people have finished. This protects everyone's answers.
team-result-title = Team "{ $team }", round { $round }: { $respondents } of { $members } members have finished.
team-result-frozen = This is the result as it was shown before, over { $shown } people. A new result is only shown once it differs by at least { $step } people from every result already shown, of this team or of a team with the same people, so that nobody's answers can be read from the difference.
team-dimension = { $name }: median { $current } ({ $level }), ambition { $ambition }, gap { $gap }
team-dimension-no-ambition = { $name }: median { $current } ({ $level }), no ambition given
team-dimension-no-score = { $name }: not enough answers for a median
team-spread = spread (IQR) { $iqr }: { $view }
team-view-shared = shared view
team-view-divided = divided view
team-view-mixed = views differ somewhat
team-dont-know = don't know { $share }%
team-change = change since round { $round }: { $change }
team-by-role-title = By role (only groups of 7 or more, with at least 7 others beside them):
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
export-col-respondents = Respondents
export-col-dimension = Theme
export-col-current = Median now
export-col-ambition = Median ambition
export-col-gap = Gap
export-col-q1 = First quartile
export-col-q3 = Third quartile
export-col-iqr = Spread (IQR)
export-col-dont-know = Don't know (%)

## Reminders

remind-nudge = A reminder from your team "{ $team }": "{ $title }" takes about { $minutes } minutes. Your own answers stay yours; the team only sees results of { $min } people or more.
remind-sent = Reminder sent to { $count } member(s) who have not finished round { $round }. Anyone who turned reminders off, blocked the bot or got a reminder in the last day was skipped.
settings-reminders-on = Team reminders: on.
settings-reminders-off = Team reminders: off.
settings-reminders-turn-off = Turn team reminders off
settings-reminders-turn-on = Turn team reminders on

## Organisation view

org-title = Organisation view: median current level per team, only teams with at least { $min } respondents in their current round.
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
