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
    Ok(pdf::render(&blocks, &[png], &title, presenter.lang.tag())?)
}

/// The organisation's report: the management team's page, then `heatmaps` (pages made
/// for print, [`heatmap_teams_per_page`] teams to a page), then a section per team.
pub fn org_pdf(
    presenter: &Presenter,
    view: &OrgView,
    heatmaps: &[Vec<u8>],
    min_respondents: usize,
    now: u64,
) -> anyhow::Result<Vec<u8>> {
    let blocks = presenter.org_report(view, min_respondents, now, heatmaps.len());
    let title = presenter.msg(Msg::ReportOrgTitle);
    Ok(pdf::render(&blocks, heatmaps, &title, presenter.lang.tag())?)
}

/// Teams on one printed heatmap page (the organisation's row comes on top): as many as
/// fit when the page is as wide as the paper allows, so its figures print at 8 points or
/// more instead of being shrunk to fit more.
pub fn heatmap_teams_per_page(columns: usize) -> usize {
    let points_per_pixel = pdf::CONTENT_WIDTH / chart::HEATMAP_WIDTH as f32;
    // Room for the heading above the first page's picture.
    let height = (pdf::CONTENT_HEIGHT - 40.0) / points_per_pixel;
    chart::heatmap_rows_within(columns, height as u32).saturating_sub(1).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_printed_heatmap_page_keeps_its_smallest_text_at_8_points_or_more() {
        let points = pdf::CONTENT_WIDTH / chart::HEATMAP_WIDTH as f32 * chart::HEATMAP_SMALLEST_TEXT as f32;
        assert!(points >= 8.0, "{points} pt");
        // Seven themes (the quick scan) and six (the AI scan) both get a useful page.
        assert!(heatmap_teams_per_page(7) >= 8 && heatmap_teams_per_page(6) >= 8);
    }
}
