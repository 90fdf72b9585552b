//! The organisation view as a table: the whole organisation's themes first, then every
//! team with a result, then the teams without one, as counts only.

use serde::Serialize;

use super::{Cell, Medians, Reading, Table, percent};
use crate::flow::Flow;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::team::{OrgView, Shown};

/// The organisation view's columns.
const ORG_COLUMNS: [Msg; 12] = [
    Msg::ExportColTeam,
    Msg::ExportColRound,
    Msg::ExportColRespondents,
    Msg::ExportColMembers,
    Msg::ExportColDimension,
    Msg::ExportColCurrent,
    Msg::ExportColAmbition,
    Msg::ExportColGap,
    Msg::ExportColIqr,
    Msg::ExportColDontKnow,
    Msg::ExportColView,
    Msg::ExportColAttention,
];

/// One row of the organisation table: a theme of a team (or of the whole organisation),
/// or a team without a result, as counts only.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrgRow {
    pub team: String,
    /// Empty for the whole organisation.
    pub round: Option<u32>,
    pub respondents: usize,
    /// Empty for the whole organisation.
    pub members: Option<usize>,
    /// "A Vision & leadership"; empty for a team without a result.
    pub dimension: Option<String>,
    #[serde(flatten)]
    pub medians: Medians,
    pub iqr: Option<f64>,
    pub dont_know_percent: Option<f64>,
    #[serde(flatten)]
    pub reading: Reading,
}

impl OrgRow {
    fn numbers(&self) -> [Option<f64>; 4] {
        let [current, ambition, gap] = self.medians.numbers();
        [current, ambition, gap, self.iqr]
    }
}

impl Table for OrgRow {
    const COLUMNS: &'static [Msg] = &ORG_COLUMNS;

    fn cells(&self) -> Vec<Cell> {
        let mut cells = vec![
            Cell::Text(self.team.clone()),
            Cell::whole(self.round),
            Cell::Whole(self.respondents as f64),
            Cell::whole(self.members.map(|members| members as f64)),
            self.dimension.clone().map_or(Cell::Empty, Cell::Text),
        ];
        cells.extend(self.numbers().map(Cell::decimal));
        cells.push(Cell::whole(self.dont_know_percent));
        cells.extend(self.reading.cells());
        cells
    }
}

/// The organisation view as rows: the whole organisation first, then every team with a
/// result (by name), then the teams without one.
pub fn org_rows(flow: &Flow, locales: &Locales, lang: Lang, view: &OrgView) -> Vec<OrgRow> {
    let themes = |team: &str, round: Option<u32>, members: Option<usize>, shown: &Shown| -> Vec<OrgRow> {
        shown
            .stats
            .dimensions
            .iter()
            .map(|stats| OrgRow {
                team: team.to_string(),
                round,
                respondents: shown.respondents,
                members,
                dimension: Some(format!(
                    "{} {}",
                    crate::present::theme_letter(locales, lang, &flow.dimensions[stats.dimension]),
                    locales.text(lang, &flow.dimensions[stats.dimension].name, &[])
                )),
                medians: Medians::of(stats),
                iqr: stats.iqr(),
                dont_know_percent: Some(percent(stats.dont_know_share)),
                reading: Reading::of(flow, locales, lang, stats),
            })
            .collect()
    };
    let whole = locales.msg(lang, Msg::OrgWholeOrganisation);
    let mut rows: Vec<OrgRow> =
        view.overall.iter().flat_map(|shown| themes(&whole, None, None, shown)).collect();
    for team in &view.teams {
        rows.extend(themes(&team.team, Some(team.round), Some(team.members), &team.shown));
    }
    rows.extend(view.pending.iter().map(|team| OrgRow {
        team: team.team.clone(),
        round: Some(team.round),
        respondents: team.respondents,
        members: Some(team.members),
        dimension: None,
        medians: Medians::default(),
        iqr: None,
        dont_know_percent: None,
        reading: Reading::default(),
    }));
    rows
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};

    use super::super::{BOM, csv, xlsx};
    use super::*;

    fn locales() -> Locales {
        crate::cli::load_content().expect("the built-in content loads").locales
    }

    fn org_rows() -> [OrgRow; 2] {
        let whole = OrgRow {
            team: "Whole organisation".to_string(),
            round: None,
            respondents: 12,
            members: None,
            dimension: Some("A Vision & leadership".to_string()),
            medians: Medians { median_current: Some(2.5), median_ambition: Some(4.0), gap: Some(1.5) },
            iqr: Some(1.0),
            dont_know_percent: Some(8.0),
            reading: Reading {
                view: Some("shared"),
                view_label: "shared view".to_string(),
                ..Reading::default()
            },
        };
        let pending = OrgRow {
            team: "Noord".to_string(),
            round: Some(1),
            respondents: 2,
            members: Some(9),
            dimension: None,
            medians: Medians::default(),
            iqr: None,
            dont_know_percent: None,
            reading: Reading::default(),
        };
        [whole, pending]
    }

    #[test]
    fn the_org_table_leaves_empty_what_a_row_does_not_have() {
        let locales = locales();
        let bytes = csv(&org_rows(), &locales, Lang::En).unwrap();
        let text = std::str::from_utf8(&bytes).unwrap().strip_prefix(BOM).expect("a byte order mark");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], ORG_COLUMNS.map(|column| locales.msg(Lang::En, column)).join(";"));
        assert_eq!(lines[1], "Whole organisation;;12;;A Vision & leadership;2,5;4,0;1,5;1,0;8;shared view;");
        assert_eq!(lines[2], "Noord;1;2;9;;;;;;;;");

        let bytes = xlsx(&org_rows(), &locales, Lang::En).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("peilbot").unwrap();
        assert_eq!(sheet.get_size(), (3, 12));
        let (f, e, s) = (Data::Float, Data::Empty, |t: &str| Data::String(t.to_string()));
        let expected = [
            [s("Whole organisation"), e.clone(), f(12.0), e.clone(), s("A Vision & leadership")],
            [s("Noord"), f(1.0), f(2.0), f(9.0), e.clone()],
        ];
        for (line, cells) in (1..).zip(&expected) {
            for (col, want) in (0..).zip(cells) {
                assert_eq!(sheet.get((line, col)).unwrap_or(&Data::Empty), want, "row {line}, column {col}");
            }
        }
        let numbers = [f(2.5), f(4.0), f(1.5), f(1.0), f(8.0)];
        for (col, want) in (5..).zip(&numbers) {
            assert_eq!(sheet.get((1, col)), Some(want), "column {col}");
            assert_eq!(sheet.get((2, col)).unwrap_or(&Data::Empty), &e, "no result: column {col} empty");
        }
    }
}
