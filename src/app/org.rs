//! The organisation view, for admins: in a chat (`/org`) and on the command line
//! (`peilbot org`), from the same published results.
//!
//! A chat gets the counts and the whole organisation as text (and each team's figures in
//! a small organisation), at most [`CHAT_PAGES`]
//! heatmap pictures of the teams that need attention first (the most divided themes,
//! then the lowest levels: where a management team's conversation should start), and
//! every team as a table file. Pictures of 1,000 teams in alphabetical order would be
//! 40 photos in one chat, which neither a phone nor Telegram's flood limits welcome, and
//! finding one team by name is what the table is for.

use super::teams::{Context, Result};
use super::{Part, Reply, Session};
use crate::chart::{self, HEATMAP_ROWS_PER_PAGE};
use crate::export;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::present::{OrgDetail, OrgPage, Presenter};
use crate::team::{OrgTeam, OrgView};
use crate::team_stats::Agreement;

/// Teams per picture: the whole organisation's row comes on top of each.
pub const TEAMS_PER_PAGE: usize = HEATMAP_ROWS_PER_PAGE - 1;
/// Pictures a chat gets at most.
pub const CHAT_PAGES: usize = 4;
/// Teams without a result a chat names at most (the file has all).
const CHAT_PENDING: usize = 20;
/// Up to this many teams, a chat gets each team's figures as text too.
const CHAT_TEAM_TEXT: usize = 10;

/// `/org`: the organisation view, for admins.
pub fn org(cx: &Context, session: &Session) -> Result<Reply> {
    let presenter = cx.app.presenter(session.state.lang);
    if !cx.app.admins.contains(&session.person) {
        return Ok(Reply::text(presenter.msg(Msg::OrgNotAdmin)));
    }
    let view = cx.app.store.org_view(cx.app.flow(), cx.app.rules)?;
    if view.teams.is_empty() && view.pending.is_empty() {
        return Ok(Reply::text(presenter.msg(Msg::OrgNone)));
    }
    let detail = OrgDetail { every_team: view.teams.len() <= CHAT_TEAM_TEXT, pending: CHAT_PENDING };
    let mut text = presenter.org_text(&view, cx.app.rules, detail);
    let ranked = attention_order(&view);
    let pictures = pages(&presenter, &view, &ranked, cx.now, Some(CHAT_PAGES))?;
    if !ranked.is_empty() {
        let shown = ranked.len().min(CHAT_PAGES * TEAMS_PER_PAGE);
        let note = presenter.msg_with(
            Msg::OrgPicturesNote,
            &[("shown", shown.into()), ("teams", ranked.len().into()), ("per", TEAMS_PER_PAGE.into())],
        );
        text = format!("{text}\n\n{note}");
    }
    let mut reply = Reply::text(text);
    for (png, caption) in pictures {
        reply.push(Part::Photo { png, name: "peilbot-org.png", caption });
    }
    reply.parts.extend(files(cx, session.state.lang, &view)?);
    Ok(reply)
}

/// The teams with a result, those that need attention first first: the most themes with
/// a divided view, then the lowest mean of their medians, then by name.
pub fn attention_order(view: &OrgView) -> Vec<&OrgTeam> {
    let key = |team: &OrgTeam| {
        let dimensions = &team.shown.stats.dimensions;
        let divided = dimensions.iter().filter(|d| d.agreement() == Some(Agreement::Divided)).count();
        let medians: Vec<f64> = dimensions.iter().filter_map(|d| d.current).collect();
        let mean = if medians.is_empty() {
            f64::INFINITY
        } else {
            medians.iter().sum::<f64>() / medians.len() as f64
        };
        (divided, mean)
    };
    let mut teams: Vec<(&OrgTeam, (usize, f64))> = view.teams.iter().map(|team| (team, key(team))).collect();
    teams.sort_by(|(a, ka), (b, kb)| kb.0.cmp(&ka.0).then(ka.1.total_cmp(&kb.1)).then(a.team.cmp(&b.team)));
    teams.into_iter().map(|(team, _)| team).collect()
}

/// Heatmap pictures of `teams` in their order, [`TEAMS_PER_PAGE`] to a page (at most
/// `limit` pages), each with its caption. Without any team, one page with the whole
/// organisation when it has a result; nothing when neither has.
pub fn pages(
    presenter: &Presenter,
    view: &OrgView,
    teams: &[&OrgTeam],
    now: u64,
    limit: Option<usize>,
) -> Result<Vec<(Vec<u8>, String)>> {
    if teams.is_empty() && view.overall.is_none() {
        return Ok(Vec::new());
    }
    let date = export::date(now);
    let chunks: Vec<&[&OrgTeam]> =
        if teams.is_empty() { vec![&[]] } else { teams.chunks(TEAMS_PER_PAGE).collect() };
    let pages = chunks.len();
    chunks
        .into_iter()
        .enumerate()
        .take(limit.unwrap_or(usize::MAX))
        .map(|(index, chunk)| {
            let page = OrgPage {
                teams: chunk,
                page: index + 1,
                pages,
                first: index * TEAMS_PER_PAGE + 1,
                of: teams.len(),
                date: &date,
            };
            let (text, rows) = presenter.org_page(view, page);
            Ok((chart::heatmap_png(&text, &rows)?, text.caption))
        })
        .collect()
}

/// The whole view as a table: a workbook and CSV for Excel.
pub fn files(cx: &Context, lang: Lang, view: &OrgView) -> Result<Vec<Part>> {
    let (flow, locales) = (cx.app.flow(), &cx.app.content.locales);
    let rows = export::org_rows(flow, locales, lang, view);
    Ok(vec![
        Part::Document {
            bytes: export::org_xlsx(&rows, locales, lang)?,
            name: "peilbot-org.xlsx",
            caption: locales.msg(lang, Msg::OrgFileCaption),
        },
        Part::Document {
            bytes: export::org_csv(&rows, locales, lang)?,
            name: "peilbot-org.csv",
            caption: String::new(),
        },
    ])
}
