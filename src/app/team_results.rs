//! What a lead takes away from a team: the result (text, chart, buttons to other
//! rounds), the PDF report and the export files. Everything comes from the store's
//! published results (see `anonymity`).

use super::context::{Context, Result, round_flow, shown_flow, team_args};
use super::{Action, Button, Part, Reply, Session, catalog};
use crate::chart::Picture;
use crate::export;
use crate::messages::Msg;
use crate::present::Sectioned;
use crate::store::{TeamRefusal, Viewer};
use crate::team::Team;

/// Buttons to earlier rounds per row under a team result.
const ROUND_BUTTONS_PER_ROW: usize = 4;

/// The team result as text and chart, or why there is none yet: the round asked for, or
/// the current round, or while that has too few responses the latest round that had
/// enough. Buttons under the text lead to the other rounds with a result.
pub(super) fn result(cx: &Context, session: &Session, team: &Team, round: Option<u32>) -> Result<Reply> {
    result_for(cx, session, team, Viewer::Lead(&session.person), round)
}

/// The team result for a lead, or for an admin (`peilbot team`): the same publication,
/// in the words of the flow the round shown asked.
pub fn result_for(
    cx: &Context,
    session: &Session,
    team: &Team,
    viewer: Viewer,
    round: Option<u32>,
) -> Result<Reply> {
    let outcome =
        cx.app.store.team_result_as(round_flow(cx.app, team), &team.id, viewer, cx.app.rules, round)?;
    let mut reply = match outcome {
        Ok(result) => {
            let presenter = cx.app.presenter_for(shown_flow(cx.app, team, result.round), session.state.lang);
            let (rows, labels) = presenter.team_chart(&result, cx.now);
            let buttons = result
                .published_rounds
                .iter()
                .filter(|&&number| number != result.round)
                .map(|&number| Button {
                    label: presenter.msg_with(Msg::TeamRoundButton, &[("round", number.into())]),
                    action: Action::Round { team: team.id.clone(), round: number },
                })
                .collect::<Vec<_>>();
            let Sectioned { text, headings } = presenter.team_result(&result);
            // Rows of a few, so many rounds still fit a phone's width.
            let buttons = buttons.chunks(ROUND_BUTTONS_PER_ROW).map(<[Button]>::to_vec).collect();
            let mut reply = Reply { parts: vec![Part::Text { text, buttons, headings }] };
            let caption = labels.title.clone();
            let picture = Box::new(Picture::Profile { rows, text: labels });
            reply.push(Part::Photo { picture, name: "peilbot-team.png".into(), caption });
            reply
        }
        Err(TeamRefusal::NoSuchRound) => return Ok(cx.say(session, Msg::TgStaleButton, &[])),
        Err(refusal) => refused(cx, session, team, &refusal),
    };
    // A flow file changed its questions (a new version) while the round is open: the
    // round keeps counting the version it asks, so the lead needs to know why new scans
    // do not count, and what to do.
    let (current, flow) = (team.current_round(), round_flow(cx.app, team));
    if current.flow == flow.id && current.flow_version != flow.version {
        let title = catalog::title(cx.app, flow, session.state.lang);
        let args = [("round", current.number.into()), ("title", title.into())];
        reply.parts.insert(
            0,
            Part::text(cx.presenter(session).msg_with(Msg::TeamRoundOldVersion, &args), Vec::new()),
        );
    }
    Ok(reply)
}

/// Why a team has no result to show the person (yet).
fn refused(cx: &Context, session: &Session, team: &Team, refusal: &TeamRefusal) -> Reply {
    let presenter = cx.presenter(session);
    let round = team.current_round().number;
    let text = presenter.refusal(&team.name, round, team.members.len(), refusal);
    Reply::text(text.unwrap_or_else(|| presenter.msg(Msg::TeamNotLead)))
}

/// A round's result, from a button under an earlier result.
pub fn round_result(cx: &Context, session: &Session, team_id: &str, round: u32) -> Result<Reply> {
    let Some(team) = cx.app.store.team(team_id)? else { return Ok(cx.say(session, Msg::TgStaleButton, &[])) };
    result(cx, session, &team, Some(round))
}

/// A team's report as a PDF, or why there is none yet.
pub(super) fn report_team(cx: &Context, session: &Session, team: &Team) -> Result<Reply> {
    let store = &cx.app.store;
    match store.team_result(round_flow(cx.app, team), &team.id, &session.person, cx.app.rules, None)? {
        Ok(result) => {
            let presenter = cx.app.presenter_for(shown_flow(cx.app, team, result.round), session.state.lang);
            let pdf = crate::report::team_pdf(&presenter, &result, cx.app.rules.min_respondents(), cx.now)?;
            let args = [("team", team.name.as_str().into()), ("round", result.round.into())];
            let caption = presenter.msg_with(Msg::ReportCaption, &args);
            Ok(Reply {
                parts: vec![Part::Document { bytes: pdf, name: "peilbot-report.pdf".into(), caption }],
            })
        }
        Err(refusal) => Ok(refused(cx, session, team, &refusal)),
    }
}

/// Every published round as CSV (for Dutch Excel), as a workbook and as JSON.
pub(super) fn export(cx: &Context, session: &Session, team: &Team) -> Result<Reply> {
    let (flow, locales, lang) = (round_flow(cx.app, team), &cx.app.content.locales, session.state.lang);
    let rounds = match cx.app.store.team_export(flow, &team.id, &session.person, cx.app.rules)? {
        Ok(rounds) => rounds,
        Err(_) => return Ok(cx.say(session, Msg::TeamNotLead, &[])),
    };
    if rounds.is_empty() {
        return Ok(cx.say(session, Msg::TeamExportEmpty, &team_args(team)));
    }
    // Each round in the words of the flow it asked; rounds of a flow version no longer
    // offered cannot be named, so they are left out rather than mixed with another's.
    let mut rows = Vec::new();
    for flow in cx.app.content.catalog() {
        let asked: Vec<_> =
            rounds.iter().filter(|r| r.flow == flow.id && r.flow_version == flow.version).cloned().collect();
        rows.extend(export::rows(flow, locales, lang, &team.name, &asked));
    }
    rows.sort_by_key(|row| row.round);
    let caption = cx.presenter(session).msg_with(Msg::TeamExportCaption, &team_args(team));
    let document = |bytes, name: &str| Part::Document { bytes, name: name.into(), caption: String::new() };
    Ok(Reply {
        parts: vec![
            Part::Document {
                bytes: export::csv(&rows, locales, lang)?,
                name: "peilbot-team.csv".into(),
                caption,
            },
            document(export::xlsx(&rows, locales, lang)?, "peilbot-team.xlsx"),
            document(export::json(&rows)?, "peilbot-team.json"),
        ],
    })
}
