//! What every team operation shares: its surroundings ([`Context`]), what it comes to
//! ([`Outcome`]), nudges for members, and which flow a team's round asks.

use super::{Action, App, Button, Reply, Session, catalog};
use crate::flow::Flow;
use crate::i18n::Arg;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::present::Presenter;
use crate::team::Team;

pub type Result<T> = anyhow::Result<T>;

/// A team operation's surroundings: the app, the time, and how the channel links to
/// itself with a start payload (`https://t.me/<bot>?start=<payload>` on Telegram).
pub struct Context<'a> {
    pub app: &'a App,
    pub now: u64,
    pub link: &'a (dyn Fn(&str) -> String + Send + Sync),
}

/// What a team action comes to: a reply, or nudges for the channel to deliver (after
/// which [`nudges_sent`](super::nudges::nudges_sent) says how many arrived).
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    Reply(Reply),
    Nudges { team: Team, nudges: Vec<Nudge>, kind: NudgeKind },
}

/// Why members are nudged, which decides what the lead is told afterwards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NudgeKind {
    /// `/remind`.
    Reminder,
    /// `/newround` opened this round.
    RoundOpened(u32),
}

impl From<Reply> for Outcome {
    fn from(reply: Reply) -> Outcome {
        Outcome::Reply(reply)
    }
}

/// A nudge for one member, in their own language, for the channel to deliver.
#[derive(Debug, Clone, PartialEq)]
pub struct Nudge {
    pub member: PersonId,
    pub text: String,
    pub button: Button,
}

impl Context<'_> {
    pub fn presenter(&self, session: &Session) -> Presenter<'_> {
        self.app.presenter(session.state.lang)
    }

    pub fn say(&self, session: &Session, msg: Msg, args: &[(&str, Arg)]) -> Reply {
        Reply::text(self.presenter(session).msg_with(msg, args))
    }

    /// "Start or continue: <the round's flow>", for a member of this team.
    pub fn start_scan_button(&self, lang: Lang, team: &Team) -> Button {
        let flow = round_flow(self.app, team);
        let title = catalog::title(self.app, flow, lang);
        let label = self.app.presenter(lang).msg_with(Msg::TeamStartScanButton, &[("title", title.into())]);
        Button { label, action: Action::Scan(flow.id.clone()) }
    }

    /// A nudge for a member, in their stored language, naming the round's flow (`title`,
    /// `minutes`), with a button to start it.
    pub fn nudge(
        &self,
        member: &PersonId,
        lang: Option<Lang>,
        team: &Team,
        msg: Msg,
        args: &[(&str, Arg)],
    ) -> Nudge {
        let lang = lang.unwrap_or(Lang::En);
        let flow = round_flow(self.app, team);
        let mut args = args.to_vec();
        args.extend([
            ("title", catalog::title(self.app, flow, lang).into()),
            ("minutes", flow.minutes.into()),
        ]);
        let text = self.app.presenter(lang).msg_with(msg, &args);
        Nudge { member: member.clone(), text, button: self.start_scan_button(lang, team) }
    }
}

/// The flow a team's round asks (the default one if it is no longer offered).
pub fn shown_flow<'a>(app: &'a App, team: &Team, round: u32) -> &'a Flow {
    let asked = team.rounds.iter().find(|r| r.number == round).map(|r| r.flow.as_str());
    asked.and_then(|id| app.flow_by_id(id)).unwrap_or_else(|| round_flow(app, team))
}

/// The flow a team's current round asks (the default one if it is no longer offered).
pub fn round_flow<'a>(app: &'a App, team: &Team) -> &'a Flow {
    app.flow_by_id(&team.current_round().flow).unwrap_or_else(|| app.flow())
}

/// The rounds a person's teams ask of them now: each team whose current round they have
/// not finished, with the flow it asks. The `/scan` menu marks these flows, and the web
/// shows them as banners.
pub fn rounds_asked<'a>(
    app: &'a App,
    person: &PersonId,
) -> std::result::Result<Vec<(Team, &'a Flow)>, crate::store::StoreError> {
    let mut asked = Vec::new();
    for team in app.store.teams_of(person)? {
        let flow = round_flow(app, &team);
        if !app.store.has_finished_round(flow, &team, person)? {
            asked.push((team, flow));
        }
    }
    Ok(asked)
}

pub fn team_args(team: &Team) -> Vec<(&'static str, Arg)> {
    vec![("team", team.name.as_str().into())]
}
