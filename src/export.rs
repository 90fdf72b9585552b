//! Team results as files: CSV that Dutch and Flemish Excel open as is, an Excel workbook
//! (`.xlsx`) with real number and date cells, and JSON for other tools.
//!
//! The CSV is always in the form Dutch Excel expects (UTF-8 with a byte order mark, `;`
//! between fields, decimal commas), whatever the lead's language: the bot's users are Dutch
//! and Flemish municipalities, and Dutch Excel reads "3.5" as the 3rd of May. Only the column
//! headers follow the lead's language. The workbook needs no such care: its numbers are
//! numbers, shown by Excel in the reader's own style.
//!
//! Only what the store lets a lead see goes in: one row per round and dimension, with
//! medians, quartiles and shares. Rounds below the anonymity threshold are not there.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};
use serde::Serialize;

use crate::flow::Flow;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::score::shown;
use crate::team::{OrgView, RoundExport, Shown};

/// Excel reads a UTF-8 file as UTF-8 only when it starts with this.
const BOM: &str = "\u{feff}";

const COLUMNS: [Msg; 13] = [
    Msg::ExportColTeam,
    Msg::ExportColRound,
    Msg::ExportColOpened,
    Msg::ExportColClosed,
    Msg::ExportColRespondents,
    Msg::ExportColDimension,
    Msg::ExportColCurrent,
    Msg::ExportColAmbition,
    Msg::ExportColGap,
    Msg::ExportColQ1,
    Msg::ExportColQ3,
    Msg::ExportColIqr,
    Msg::ExportColDontKnow,
];

/// One row: a dimension in a round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub team: String,
    pub round: u32,
    /// ISO dates (YYYY-MM-DD, UTC).
    pub opened: String,
    pub closed: Option<String>,
    pub respondents: usize,
    /// The dimension's id (`a` to `g`) and its name in the lead's language.
    pub dimension: String,
    pub dimension_name: String,
    pub median_current: Option<f64>,
    pub median_ambition: Option<f64>,
    pub gap: Option<f64>,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
    pub iqr: Option<f64>,
    /// A whole percentage (rounded half away from zero), as the chat shows it.
    pub dont_know_percent: f64,
}

impl Row {
    /// The dimension as a lead reads it: "A Vision & leadership".
    fn dimension_label(&self) -> String {
        format!("{} {}", self.dimension.to_uppercase(), self.dimension_name)
    }

    /// The statistics, in column order (after the dimension).
    fn numbers(&self) -> [Option<f64>; 6] {
        [self.median_current, self.median_ambition, self.gap, self.q1, self.q3, self.iqr]
    }
}

pub fn rows(flow: &Flow, locales: &Locales, lang: Lang, team: &str, rounds: &[RoundExport]) -> Vec<Row> {
    let mut rows = Vec::new();
    for round in rounds {
        for stats in &round.shown.stats.dimensions {
            let dimension = &flow.dimensions[stats.dimension];
            rows.push(Row {
                team: team.to_string(),
                round: round.round,
                opened: date(round.opened_at),
                closed: round.closed_at.map(date),
                respondents: round.shown.respondents,
                dimension: dimension.id.clone(),
                dimension_name: locales.text(lang, &dimension.name, &[]),
                median_current: stats.current,
                median_ambition: stats.ambition,
                gap: stats.gap(),
                q1: stats.quartiles.map(|q| q.0),
                q3: stats.quartiles.map(|q| q.1),
                iqr: stats.iqr(),
                dont_know_percent: percent(stats.dont_know_share),
            });
        }
    }
    rows
}

/// CSV for Dutch and Flemish Excel, with the column headers in the lead's language.
pub fn csv(rows: &[Row], locales: &Locales, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(BOM.as_bytes().to_vec());
    writer.write_record(COLUMNS.iter().map(|column| locales.msg(lang, *column)))?;
    for row in rows {
        let mut record = vec![
            row.team.clone(),
            row.round.to_string(),
            row.opened.clone(),
            row.closed.clone().unwrap_or_default(),
            row.respondents.to_string(),
            row.dimension_label(),
        ];
        record.extend(row.numbers().map(|value| value.map(excel_number).unwrap_or_default()));
        record.push(format!("{:.0}", row.dont_know_percent));
        writer.write_record(record)?;
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}

/// An Excel workbook with one sheet: headers in the lead's language (bold, frozen), numbers
/// as number cells with one decimal, dates as date cells, and an empty cell where there is
/// no value.
pub fn xlsx(rows: &[Row], locales: &Locales, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let header = Format::new().set_bold();
    let whole = Format::new().set_num_format("0");
    let decimal = Format::new().set_num_format("0.0");
    let day = Format::new().set_num_format("yyyy-mm-dd");

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("peilbot")?;
    for (col, column) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(0, col, locales.msg(lang, column), &header)?;
    }
    for (line, row) in (1u32..).zip(rows) {
        sheet.write_string(line, 0, &row.team)?;
        sheet.write_number_with_format(line, 1, row.round, &whole)?;
        for (col, iso) in [(2, Some(&row.opened)), (3, row.closed.as_ref())] {
            let Some(iso) = iso.filter(|iso| !iso.is_empty()) else { continue };
            match ExcelDateTime::parse_from_str(iso) {
                Ok(date) => sheet.write_datetime_with_format(line, col, date, &day)?,
                Err(_) => sheet.write_string(line, col, iso)?,
            };
        }
        sheet.write_number_with_format(line, 4, row.respondents as f64, &whole)?;
        sheet.write_string(line, 5, row.dimension_label())?;
        for (col, value) in (6u16..).zip(row.numbers()) {
            if let Some(value) = value {
                // Shown values already; once more drops float noise: the CSV's digits.
                sheet.write_number_with_format(line, col, shown(value), &decimal)?;
            }
        }
        sheet.write_number_with_format(line, 12, row.dont_know_percent, &whole)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    workbook.save_to_buffer()
}

/// The organisation view's columns.
const ORG_COLUMNS: [Msg; 10] = [
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
    pub median_current: Option<f64>,
    pub median_ambition: Option<f64>,
    pub gap: Option<f64>,
    pub iqr: Option<f64>,
    pub dont_know_percent: Option<f64>,
}

impl OrgRow {
    fn numbers(&self) -> [Option<f64>; 4] {
        [self.median_current, self.median_ambition, self.gap, self.iqr]
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
                    flow.dimensions[stats.dimension].id.to_uppercase(),
                    locales.text(lang, &flow.dimensions[stats.dimension].name, &[])
                )),
                median_current: stats.current,
                median_ambition: stats.ambition,
                gap: stats.gap(),
                iqr: stats.iqr(),
                dont_know_percent: Some(percent(stats.dont_know_share)),
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
        median_current: None,
        median_ambition: None,
        gap: None,
        iqr: None,
        dont_know_percent: None,
    }));
    rows
}

/// The organisation table as CSV for Dutch and Flemish Excel (see [`csv`]).
pub fn org_csv(rows: &[OrgRow], locales: &Locales, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(BOM.as_bytes().to_vec());
    writer.write_record(ORG_COLUMNS.iter().map(|column| locales.msg(lang, *column)))?;
    for row in rows {
        let mut record = vec![
            row.team.clone(),
            row.round.map(|r| r.to_string()).unwrap_or_default(),
            row.respondents.to_string(),
            row.members.map(|m| m.to_string()).unwrap_or_default(),
            row.dimension.clone().unwrap_or_default(),
        ];
        record.extend(row.numbers().map(|value| value.map(excel_number).unwrap_or_default()));
        record.push(row.dont_know_percent.map(|p| format!("{p:.0}")).unwrap_or_default());
        writer.write_record(record)?;
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}

/// The organisation table as a workbook with number cells (see [`xlsx`]).
pub fn org_xlsx(rows: &[OrgRow], locales: &Locales, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let header = Format::new().set_bold();
    let whole = Format::new().set_num_format("0");
    let decimal = Format::new().set_num_format("0.0");
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("peilbot")?;
    for (col, column) in (0u16..).zip(ORG_COLUMNS) {
        sheet.write_string_with_format(0, col, locales.msg(lang, column), &header)?;
    }
    for (line, row) in (1u32..).zip(rows) {
        sheet.write_string(line, 0, &row.team)?;
        if let Some(round) = row.round {
            sheet.write_number_with_format(line, 1, round, &whole)?;
        }
        sheet.write_number_with_format(line, 2, row.respondents as f64, &whole)?;
        if let Some(members) = row.members {
            sheet.write_number_with_format(line, 3, members as f64, &whole)?;
        }
        if let Some(dimension) = &row.dimension {
            sheet.write_string(line, 4, dimension)?;
        }
        for (col, value) in (5u16..).zip(row.numbers()) {
            if let Some(value) = value {
                sheet.write_number_with_format(line, col, shown(value), &decimal)?;
            }
        }
        if let Some(percent) = row.dont_know_percent {
            sheet.write_number_with_format(line, 9, percent, &whole)?;
        }
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofit();
    workbook.save_to_buffer()
}

pub fn json(rows: &[Row]) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec_pretty(rows)
}

/// A number as Dutch Excel reads it: one decimal, with a decimal comma ("2,5", "3,0").
/// The CSV is always in this form, so it is the Dutch one of the single per-language
/// formatter.
fn excel_number(value: f64) -> String {
    Lang::Nl.decimal(value)
}

/// A share from 0 to 1 as the whole percentage the chat shows ([`Lang::percent`]).
fn percent(share: f64) -> f64 {
    Lang::En.percent(share).parse().unwrap_or_default()
}

/// A Unix time in milliseconds as an ISO date.
pub fn date(unix_ms: u64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::OffsetDateTime::from_unix_timestamp((unix_ms / 1000) as i64)
        .ok()
        .and_then(|moment| moment.format(&format).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use calamine::{Data, Reader, Xlsx};

    use super::*;

    fn locales() -> Locales {
        crate::cli::load_content().expect("the built-in content loads").locales
    }

    fn row() -> Row {
        Row {
            team: "Burgerzaken; Noord".to_string(),
            round: 2,
            opened: "2026-11-01".to_string(),
            closed: None,
            respondents: 6,
            dimension: "b".to_string(),
            dimension_name: "Data-driven work".to_string(),
            median_current: Some(2.5),
            median_ambition: Some(3.0),
            gap: Some(0.5),
            q1: None,
            q3: None,
            iqr: None,
            dont_know_percent: 17.0,
        }
    }

    #[test]
    fn numbers_and_dates_as_excel_expects_them() {
        assert_eq!(excel_number(2.5), "2,5");
        assert_eq!(excel_number(3.0), "3,0");
        assert_eq!(excel_number(-0.5), "-0,5");
        assert_eq!(percent(0.0), 0.0);
        assert_eq!(percent(1.0 / 6.0), 17.0);
        assert_eq!(percent(0.125), 13.0, "half away from zero");
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_795_305_600_000), "2026-11-22");
    }

    #[test]
    fn the_csv_is_for_dutch_excel_whatever_the_leads_language() {
        let locales = locales();
        for lang in [Lang::En, Lang::Nl, Lang::NlBe] {
            let bytes = csv(&[row()], &locales, lang).unwrap();
            let text = std::str::from_utf8(&bytes).unwrap();
            let text = text.strip_prefix(BOM).expect("a byte order mark");
            let lines: Vec<&str> = text.lines().collect();
            let header = COLUMNS.map(|column| locales.msg(lang, column)).join(";");
            assert_eq!(lines[0], header, "headers in the lead's language");
            assert_eq!(
                lines[1], "\"Burgerzaken; Noord\";2;2026-11-01;;6;B Data-driven work;2,5;3,0;0,5;;;;17",
                "{lang}"
            );
        }
        assert!(csv(&[row()], &locales, Lang::Nl).unwrap().starts_with(b"\xEF\xBB\xBFTeam;Ronde;"));
    }

    #[test]
    fn the_workbook_holds_numbers_and_dates() {
        let locales = locales();
        let mut closed = row();
        closed.closed = Some("2026-11-22".to_string());
        let bytes = xlsx(&[row(), closed], &locales, Lang::Nl).unwrap();
        let mut book: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes)).unwrap();
        let sheet = book.worksheet_range("peilbot").unwrap();
        assert_eq!(sheet.get_size(), (3, 13));
        assert_eq!(sheet.get((0, 1)), Some(&Data::String("Ronde".to_string())));
        assert_eq!(sheet.get((1, 0)), Some(&Data::String("Burgerzaken; Noord".to_string())));
        assert_eq!(sheet.get((1, 1)), Some(&Data::Float(2.0)));
        // 2026-11-01 is 46327 days after Excel's day 0 (1899-12-30).
        assert!(matches!(sheet.get((1, 2)), Some(Data::DateTime(d)) if d.as_f64() == 46327.0));
        assert!(matches!(sheet.get((1, 3)), Some(Data::Empty) | None), "still open: no date");
        assert!(matches!(sheet.get((2, 3)), Some(Data::DateTime(d)) if d.as_f64() == 46348.0));
        assert_eq!(sheet.get((1, 5)), Some(&Data::String("B Data-driven work".to_string())));
        let (f, e) = (Data::Float, Data::Empty);
        let expected = [f(2.5), f(3.0), f(0.5), e.clone(), e.clone(), e, f(17.0)];
        for (col, want) in (6..).zip(&expected) {
            assert_eq!(sheet.get((1, col)).unwrap_or(&Data::Empty), want, "column {col}");
        }
    }
}
