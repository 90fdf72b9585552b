//! Reports to share: a team's result (and, for admins, the organisation's) as a PDF on
//! A4, in the reader's language, for `/report` and `peilbot report`. The words come from
//! `present::report`, the chart from `chart`, the pages from [`pdf`].

pub mod cli;
mod pdf;

use crate::app::App;
use crate::chart;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::present::report::Block;
use crate::team::TeamResult;

pub use pdf::PdfError;

/// A team's report as PDF bytes. `now` dates an open round (milliseconds).
pub fn team_pdf(app: &App, result: &TeamResult, lang: Lang, now: u64) -> anyhow::Result<Vec<u8>> {
    let presenter = app.presenter(lang);
    let blocks = presenter.team_report(result, app.rules.min_respondents(), now);
    let (rows, labels) = presenter.team_chart(result, now);
    let png = chart::profile_png(&rows, &labels)?;
    let title = presenter.msg_with(Msg::ReportTitle, &[("team", result.team.as_str().into())]);
    Ok(pdf::render(&blocks, Some(&png), &title, lang.tag())?)
}

/// The organisation's report: every team's published result, as a table and a heatmap,
/// or `None` when no team has one.
pub fn org_pdf(app: &App, lang: Lang, now: u64) -> anyhow::Result<Option<Vec<u8>>> {
    let flow = app.flow();
    let rows = app.store.org_view(flow, app.rules)?;
    if rows.is_empty() {
        return Ok(None);
    }
    let presenter = app.presenter(lang);
    let columns: Vec<String> = (0..flow.dimensions.len()).map(|d| presenter.dimension_name(d)).collect();
    let names: Vec<String> = rows.iter().map(|(team, _)| team.clone()).collect();
    let cells: Vec<Vec<Option<f64>>> =
        rows.iter().map(|(_, stats)| stats.dimensions.iter().map(|d| d.current).collect()).collect();
    let heading = presenter.msg_with(Msg::OrgTitle, &[("min", app.rules.min_respondents().into())]);
    let png = chart::heatmap_png(&heading, &names, &columns, &cells, |v| presenter.number(v))?;
    let blocks: Vec<Block> = presenter.org_report(&rows, app.rules.min_respondents(), now);
    let title = presenter.msg(Msg::ReportOrgTitle);
    Ok(Some(pdf::render(&blocks, Some(&png), &title, lang.tag())?))
}
