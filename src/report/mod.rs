//! Reports to share: a team's result (and, for admins, the organisation's) as a PDF on
//! A4, in the reader's language, for `/report` and `peilbot report`. The words come from
//! `present::report`, the charts from `chart`, the pages from [`pdf`]. What may be shown
//! is decided before: these take published results only.

mod pdf;

use crate::chart;
use crate::messages::Msg;
use crate::present::Presenter;
use crate::team::{OrgView, TeamResult};

pub use pdf::PdfError;

/// A team's report as PDF bytes. `now` dates an open round (milliseconds).
pub fn team_pdf(
    presenter: &Presenter,
    result: &TeamResult,
    min_respondents: usize,
    now: u64,
) -> anyhow::Result<Vec<u8>> {
    let blocks = presenter.team_report(result, min_respondents, now);
    let (rows, labels) = presenter.team_chart(result, now);
    let png = chart::profile_png(&rows, &labels)?;
    let title = presenter.msg_with(Msg::ReportTitle, &[("team", result.team.as_str().into())]);
    Ok(pdf::render(&blocks, Some(&png), &title, presenter.lang.tag())?)
}

/// The organisation's report: every team's latest published result as a line of
/// medians, with `heatmap` (the first page of the organisation's heatmap) as its chart.
pub fn org_pdf(
    presenter: &Presenter,
    view: &OrgView,
    heatmap: Option<&[u8]>,
    min_respondents: usize,
    now: u64,
) -> anyhow::Result<Vec<u8>> {
    let blocks = presenter.org_report(view, min_respondents, now);
    let title = presenter.msg(Msg::ReportOrgTitle);
    Ok(pdf::render(&blocks, heatmap, &title, presenter.lang.tag())?)
}
