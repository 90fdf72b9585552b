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

use super::App;
use super::context::{Context, Result};
use super::{Part, Reply, Session};
use crate::chart::{HEATMAP_ROWS_PER_PAGE, Picture};
use crate::export;
use crate::flow::Flow;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::present::{OrgDetail, OrgPage, Presenter, Sectioned};
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

/// `/org`: the organisation view, for admins: one per flow that teams take.
pub fn org(cx: &Context, session: &Session) -> Result<Reply> {
    Ok(org_with(cx, session, true)?.0)
}

/// [`org`] without its table files, for what only shows the text or a picture: a workbook
/// of a thousand teams is not made to be thrown away.
pub fn org_without_files(cx: &Context, session: &Session) -> Result<Reply> {
    Ok(org_with(cx, session, false)?.0)
}

/// [`org`] for a page that links its table files instead of holding them: the reply
/// without them, and their names, each with its caption (none for someone who is not an
/// admin). From the same views, each read once.
pub fn org_listing(cx: &Context, session: &Session) -> Result<(Reply, Vec<(String, String)>)> {
    org_with(cx, session, false)
}

fn org_with(cx: &Context, session: &Session, with_files: bool) -> Result<(Reply, Vec<(String, String)>)> {
    let lang = session.state.lang;
    let presenter = cx.app.presenter(lang);
    if !cx.app.admins.contains(&session.person) {
        return Ok((Reply::text(presenter.msg(Msg::OrgNotAdmin)), Vec::new()));
    }
    let (mut reply, mut tables) = (Reply::default(), Vec::new());
    for (flow, view) in views(cx)? {
        reply.parts.extend(org_of(cx, session, flow, &view, with_files)?.parts);
        tables.extend(table_names(cx, lang, flow));
    }
    if reply.parts.is_empty() {
        return Ok((Reply::text(presenter.msg(Msg::OrgNone)), tables));
    }
    Ok((reply, tables))
}

/// One of the table files [`org`] attaches, by its name, made alone: a download of the CSV
/// makes no workbook, and no other flow's view is read. None for a name it does not
/// attach, or someone who is not an admin.
pub fn table_file(cx: &Context, session: &Session, name: &str) -> Result<Option<Vec<u8>>> {
    if !cx.app.admins.contains(&session.person) {
        return Ok(None);
    }
    let lang = session.state.lang;
    let locales = &cx.app.content.locales;
    let is = |flow: &Flow, extension| name == file_name(flow, extension);
    let Some(flow) = cx.app.content.catalog().iter().find(|flow| is(flow, "xlsx") || is(flow, "csv")) else {
        return Ok(None);
    };
    let view = cx.app.store.org_view(flow, cx.app.rules)?;
    if !has_teams(&view) {
        return Ok(None);
    }
    let rows = export::org_rows(flow, locales, lang, &view);
    let bytes = if is(flow, "xlsx") {
        export::xlsx(&rows, locales, lang)?
    } else {
        export::csv(&rows, locales, lang)?
    };
    Ok(Some(bytes))
}

/// Whether a view has a team in it, with a result or without: only then is it shown.
fn has_teams(view: &OrgView) -> bool {
    !(view.teams.is_empty() && view.pending.is_empty())
}

/// The organisation view of each flow that teams take.
fn views<'a>(cx: &Context<'a>) -> Result<Vec<(&'a Flow, OrgView)>> {
    let mut views = Vec::new();
    for flow in cx.app.content.catalog() {
        let view = cx.app.store.org_view(flow, cx.app.rules)?;
        if has_teams(&view) {
            views.push((flow, view));
        }
    }
    Ok(views)
}

/// The organisation view of one flow: text, the pictures of the teams that need attention
/// first, and the table files. With more than one flow, the text starts with its title.
fn org_of(cx: &Context, session: &Session, flow: &Flow, view: &OrgView, with_files: bool) -> Result<Reply> {
    let lang = session.state.lang;
    let presenter = cx.app.presenter_for(flow, lang);
    let detail = OrgDetail { every_team: view.teams.len() <= CHAT_TEAM_TEXT, pending: CHAT_PENDING };
    let Sectioned { mut text, mut headings } = presenter.org_text(view, cx.app.rules, detail);
    if cx.app.content.catalog().len() > 1 {
        let title = super::catalog::title(cx.app, flow, lang);
        let title = presenter.msg_with(Msg::OrgFlowTitle, &[("title", title.into())]);
        text = format!("{title}\n{text}");
        headings.insert(0, title);
    }
    let ranked = attention_order(view);
    let pictures = pages(&presenter, view, &ranked, cx.now, TEAMS_PER_PAGE, Some(CHAT_PAGES))?;
    if !ranked.is_empty() {
        let shown = ranked.len().min(CHAT_PAGES * TEAMS_PER_PAGE);
        let note = presenter.msg_with(
            Msg::OrgPicturesNote,
            &[("shown", shown.into()), ("teams", ranked.len().into()), ("per", TEAMS_PER_PAGE.into())],
        );
        text = format!("{text}\n\n{note}");
    }
    let mut reply = Reply { parts: vec![Part::Text { text, buttons: Vec::new(), headings }] };
    for (picture, caption) in pictures {
        reply.push(Part::Photo { picture: Box::new(picture), name: file_name(flow, "png"), caption });
    }
    if with_files {
        reply.parts.extend(files(cx, lang, flow, view)?);
    }
    Ok(reply)
}

/// `peilbot-org.csv` for the quick scan, `peilbot-org-aiscan.csv` for another flow.
pub fn file_name(flow: &Flow, extension: &str) -> String {
    if flow.id == crate::flow::DEFAULT_FLOW {
        format!("peilbot-org.{extension}")
    } else {
        format!("peilbot-org-{}.{extension}", flow.id)
    }
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

/// Heatmap pictures of `teams` in their order, `per_page` to a page (at most `limit`
/// pages), each with its caption. Without any team, one page with the whole
/// organisation when it has a result; nothing when neither has.
pub fn pages(
    presenter: &Presenter,
    view: &OrgView,
    teams: &[&OrgTeam],
    now: u64,
    per_page: usize,
    limit: Option<usize>,
) -> Result<Vec<(Picture, String)>> {
    if teams.is_empty() && view.overall.is_none() {
        return Ok(Vec::new());
    }
    let date = presenter.long_date(now);
    let per_page = per_page.clamp(1, TEAMS_PER_PAGE);
    let chunks: Vec<&[&OrgTeam]> =
        if teams.is_empty() { vec![&[]] } else { teams.chunks(per_page).collect() };
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
                first: index * per_page + 1,
                of: teams.len(),
                date: &date,
            };
            let (text, rows) = presenter.org_page(view, page);
            let caption = text.caption.clone();
            Ok((Picture::Heatmap { text, rows }, caption))
        })
        .collect()
}

/// The whole view as a table: a workbook and CSV for Excel.
pub fn files(cx: &Context, lang: Lang, flow: &Flow, view: &OrgView) -> Result<Vec<Part>> {
    let locales = &cx.app.content.locales;
    let rows = export::org_rows(flow, locales, lang, view);
    let [(xlsx, xlsx_caption), (csv, csv_caption)] = table_names(cx, lang, flow);
    Ok(vec![
        Part::Document { bytes: export::xlsx(&rows, locales, lang)?, name: xlsx, caption: xlsx_caption },
        Part::Document { bytes: export::csv(&rows, locales, lang)?, name: csv, caption: csv_caption },
    ])
}

/// A flow's table files by name, each with its caption: the workbook's says what they hold.
fn table_names(cx: &Context, lang: Lang, flow: &Flow) -> [(String, String); 2] {
    let caption = cx.app.content.locales.msg(lang, Msg::OrgFileCaption);
    [(file_name(flow, "xlsx"), caption), (file_name(flow, "csv"), String::new())]
}

/// The organisation's report as a PDF, or `None` while no team has a result.
pub fn org_report(app: &App, presenter: &Presenter, now: u64) -> Result<Option<Vec<u8>>> {
    // The quick scan's: the organisation report is about digital maturity.
    let view = app.store.org_view(app.flow(), app.rules)?;
    if view.teams.is_empty() {
        return Ok(None);
    }
    let ranked = attention_order(&view);
    let per_page = crate::report::heatmap_teams_per_page(presenter.flow.dimensions.len());
    let pages = pages(presenter, &view, &ranked, now, per_page, None)?;
    let heatmaps: Vec<Vec<u8>> =
        pages.iter().map(|(picture, _)| picture.png()).collect::<std::result::Result<_, _>>()?;
    Ok(Some(crate::report::org_pdf(presenter, &view, &heatmaps, app.rules.min_respondents(), now)?))
}
