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
use crate::team::RoundExport;
use crate::team_stats::DimensionStats;

mod org;
mod reading;

pub use org::{OrgRow, org_rows};
pub use reading::Reading;

/// Excel reads a UTF-8 file as UTF-8 only when it starts with this.
const BOM: &str = "\u{feff}";

const COLUMNS: [Msg; 16] = [
    Msg::ExportColTeam,
    Msg::ExportColRound,
    Msg::ExportColOpened,
    Msg::ExportColClosed,
    Msg::ExportColTookPart,
    Msg::ExportColRespondents,
    Msg::ExportColDimension,
    Msg::ExportColCurrent,
    Msg::ExportColAmbition,
    Msg::ExportColGap,
    Msg::ExportColQ1,
    Msg::ExportColQ3,
    Msg::ExportColIqr,
    Msg::ExportColDontKnow,
    Msg::ExportColView,
    Msg::ExportColAttention,
];

/// A theme's median now, its median ambition and the gap between them: the first numbers
/// of both tables, under the same names.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Medians {
    pub median_current: Option<f64>,
    pub median_ambition: Option<f64>,
    pub gap: Option<f64>,
}

impl Medians {
    fn of(stats: &DimensionStats) -> Medians {
        Medians { median_current: stats.current, median_ambition: stats.ambition, gap: stats.gap() }
    }

    fn numbers(&self) -> [Option<f64>; 3] {
        [self.median_current, self.median_ambition, self.gap]
    }
}

/// One row: a dimension in a round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub team: String,
    pub round: u32,
    /// ISO dates (YYYY-MM-DD, UTC).
    pub opened: String,
    pub closed: Option<String>,
    /// How many had finished the round (empty for a round closed before it was kept);
    /// `respondents` are those its result covers, which may be fewer.
    pub took_part: Option<usize>,
    pub respondents: usize,
    /// The dimension's id (`a` to `g`) and its name in the lead's language.
    pub dimension: String,
    pub dimension_name: String,
    /// The theme's letter in the lead's language ("A", or "M" for Menselijk toezicht).
    #[serde(skip)]
    pub letter: String,
    #[serde(flatten)]
    pub medians: Medians,
    pub q1: Option<f64>,
    pub q3: Option<f64>,
    pub iqr: Option<f64>,
    /// A whole percentage (rounded half away from zero), as the chat shows it.
    pub dont_know_percent: f64,
    #[serde(flatten)]
    pub reading: Reading,
}

impl Row {
    /// The dimension as a lead reads it: "A Vision & leadership".
    fn dimension_label(&self) -> String {
        format!("{} {}", self.letter, self.dimension_name)
    }

    /// The statistics, in column order (after the dimension).
    fn numbers(&self) -> [Option<f64>; 6] {
        let [current, ambition, gap] = self.medians.numbers();
        [current, ambition, gap, self.q1, self.q3, self.iqr]
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
                took_part: round.took_part,
                respondents: round.shown.respondents,
                dimension: dimension.id.clone(),
                dimension_name: locales.text(lang, &dimension.name, &[]),
                letter: crate::present::theme_letter(locales, lang, dimension),
                medians: Medians::of(stats),
                q1: stats.quartiles.map(|q| q.0),
                q3: stats.quartiles.map(|q| q.1),
                iqr: stats.iqr(),
                dont_know_percent: percent(stats.dont_know_share),
                reading: Reading::of(flow, locales, lang, stats),
            });
        }
    }
    rows
}

/// A table the exports write: its columns and, per row, a cell for each.
pub trait Table {
    /// The column headers, as messages in the lead's language.
    const COLUMNS: &'static [Msg];
    fn cells(&self) -> Vec<Cell>;
}

/// A cell by what it holds; the writers turn each kind into the CSV's text (for Dutch
/// Excel) and the workbook's cell (a number, a date or text).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    /// A count or a whole percentage: "6" in the CSV, a number cell shown as "0".
    Whole(f64),
    /// A shown value with one decimal: "2,5" in the CSV, a number cell shown as "0.0".
    Decimal(f64),
    /// An ISO date (YYYY-MM-DD): as is in the CSV, a date cell in the workbook.
    Date(String),
    Empty,
}

impl Cell {
    fn decimal(value: Option<f64>) -> Cell {
        value.map_or(Cell::Empty, Cell::Decimal)
    }

    fn whole(value: Option<impl Into<f64>>) -> Cell {
        value.map_or(Cell::Empty, |value| Cell::Whole(value.into()))
    }
}

impl Table for Row {
    const COLUMNS: &'static [Msg] = &COLUMNS;

    fn cells(&self) -> Vec<Cell> {
        let mut cells = vec![
            Cell::Text(self.team.clone()),
            Cell::Whole(self.round.into()),
            Cell::Date(self.opened.clone()),
            self.closed.clone().map_or(Cell::Empty, Cell::Date),
            Cell::whole(self.took_part.map(|count| count as f64)),
            Cell::Whole(self.respondents as f64),
            Cell::Text(self.dimension_label()),
        ];
        cells.extend(self.numbers().map(Cell::decimal));
        cells.push(Cell::Whole(self.dont_know_percent));
        cells.extend(self.reading.cells());
        cells
    }
}

/// CSV for Dutch and Flemish Excel, with the column headers in the lead's language.
pub fn csv<T: Table>(rows: &[T], locales: &Locales, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(BOM.as_bytes().to_vec());
    writer.write_record(T::COLUMNS.iter().map(|column| locales.msg(lang, *column)))?;
    for row in rows {
        writer.write_record(row.cells().into_iter().map(|cell| match cell {
            Cell::Text(text) | Cell::Date(text) => text,
            Cell::Whole(value) => format!("{value:.0}"),
            Cell::Decimal(value) => excel_number(value),
            Cell::Empty => String::new(),
        }))?;
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}

/// An Excel workbook with one sheet: headers in the lead's language (bold, frozen), numbers
/// as number cells (whole or with one decimal), dates as date cells, and an empty cell where
/// there is no value.
pub fn xlsx<T: Table>(rows: &[T], locales: &Locales, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let header = Format::new().set_bold();
    let whole = Format::new().set_num_format("0");
    let decimal = Format::new().set_num_format("0.0");
    let day = Format::new().set_num_format("yyyy-mm-dd");

    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("peilbot")?;
    for (col, column) in (0u16..).zip(T::COLUMNS) {
        sheet.write_string_with_format(0, col, locales.msg(lang, *column), &header)?;
    }
    for (line, row) in (1u32..).zip(rows) {
        for (col, cell) in (0u16..).zip(row.cells()) {
            match cell {
                Cell::Text(text) => sheet.write_string(line, col, text)?,
                Cell::Whole(value) => sheet.write_number_with_format(line, col, value, &whole)?,
                // Shown values already; once more drops float noise: the CSV's digits.
                Cell::Decimal(value) => sheet.write_number_with_format(line, col, shown(value), &decimal)?,
                Cell::Date(iso) if iso.is_empty() => continue,
                Cell::Date(iso) => match ExcelDateTime::parse_from_str(&iso) {
                    Ok(date) => sheet.write_datetime_with_format(line, col, date, &day)?,
                    Err(_) => sheet.write_string(line, col, iso)?,
                },
                Cell::Empty => continue,
            };
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
    let millis = i64::try_from(unix_ms).unwrap_or(i64::MAX);
    jiff::Timestamp::from_millisecond(millis)
        .map(|moment| moment.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
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
            took_part: Some(7),
            respondents: 6,
            dimension: "b".to_string(),
            dimension_name: "Data-driven work".to_string(),
            letter: "B".to_string(),
            medians: Medians { median_current: Some(2.5), median_ambition: Some(3.0), gap: Some(0.5) },
            q1: None,
            q3: None,
            iqr: None,
            dont_know_percent: 17.0,
            reading: Reading::default(),
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
                lines[1], "\"Burgerzaken; Noord\";2;2026-11-01;;7;6;B Data-driven work;2,5;3,0;0,5;;;;17;;",
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
        assert_eq!(sheet.get_size(), (3, 16));
        assert_eq!(sheet.get((0, 1)), Some(&Data::String("Ronde".to_string())));
        assert_eq!(sheet.get((1, 0)), Some(&Data::String("Burgerzaken; Noord".to_string())));
        assert_eq!(sheet.get((1, 1)), Some(&Data::Float(2.0)));
        // 2026-11-01 is 46327 days after Excel's day 0 (1899-12-30).
        assert!(matches!(sheet.get((1, 2)), Some(Data::DateTime(d)) if d.as_f64() == 46327.0));
        assert!(matches!(sheet.get((1, 3)), Some(Data::Empty) | None), "still open: no date");
        assert!(matches!(sheet.get((2, 3)), Some(Data::DateTime(d)) if d.as_f64() == 46348.0));
        assert_eq!(sheet.get((1, 4)), Some(&Data::Float(7.0)), "took part");
        assert_eq!(sheet.get((1, 6)), Some(&Data::String("B Data-driven work".to_string())));
        let (f, e) = (Data::Float, Data::Empty);
        let expected = [f(2.5), f(3.0), f(0.5), e.clone(), e.clone(), e, f(17.0)];
        for (col, want) in (7..).zip(&expected) {
            assert_eq!(sheet.get((1, col)).unwrap_or(&Data::Empty), want, "column {col}");
        }
    }

    #[test]
    fn the_json_names_every_column_in_table_order() {
        let text = String::from_utf8(json(&[row()]).unwrap()).unwrap();
        let compact: String = text.split_whitespace().collect();
        assert_eq!(
            compact,
            "[{\"team\":\"Burgerzaken;Noord\",\"round\":2,\"opened\":\"2026-11-01\",\"closed\":null,\
             \"took_part\":7,\"respondents\":6,\"dimension\":\"b\",\"dimension_name\":\"Data-drivenwork\",\
             \"median_current\":2.5,\"median_ambition\":3.0,\"gap\":0.5,\"q1\":null,\"q3\":null,\
             \"iqr\":null,\"dont_know_percent\":17.0,\"view\":null,\"flagged\":false}]"
        );
    }
}
