//! Team results as files: CSV that Dutch and Flemish Excel open as is (UTF-8 with a byte
//! order mark, `;` between fields, decimal commas) and JSON for other tools.
//!
//! Only what the store lets a lead see goes in: one row per round and dimension, with
//! medians, quartiles and shares. Rounds below the anonymity threshold are not there.

use serde::Serialize;

use crate::flow::Flow;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::store::RoundExport;

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
    pub dont_know_percent: f64,
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
                dont_know_percent: (stats.dont_know_share * 1000.0).round() / 10.0,
            });
        }
    }
    rows
}

/// CSV for Excel in the lead's language.
pub fn csv(rows: &[Row], locales: &Locales, lang: Lang) -> Result<Vec<u8>, csv::Error> {
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(BOM.as_bytes().to_vec());
    writer.write_record(COLUMNS.iter().map(|column| locales.msg(lang, *column)))?;
    let number = |value: Option<f64>| value.map(|v| excel_number(v, lang)).unwrap_or_default();
    for row in rows {
        writer.write_record([
            row.team.clone(),
            row.round.to_string(),
            row.opened.clone(),
            row.closed.clone().unwrap_or_default(),
            row.respondents.to_string(),
            format!("{} {}", row.dimension.to_uppercase(), row.dimension_name),
            number(row.median_current),
            number(row.median_ambition),
            number(row.gap),
            number(row.q1),
            number(row.q3),
            number(row.iqr),
            number(Some(row.dont_know_percent)),
        ])?;
    }
    writer.into_inner().map_err(|err| err.into_error().into())
}

pub fn json(rows: &[Row]) -> serde_json::Result<Vec<u8>> {
    serde_json::to_vec_pretty(rows)
}

/// Up to two decimals, with a decimal comma in Dutch, and no trailing zeros.
fn excel_number(value: f64, lang: Lang) -> String {
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.').to_string();
    if lang.decimal_comma() { text.replace('.', ",") } else { text }
}

/// A Unix time in milliseconds as an ISO date.
fn date(unix_ms: u64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    time::OffsetDateTime::from_unix_timestamp((unix_ms / 1000) as i64)
        .ok()
        .and_then(|moment| moment.format(&format).ok())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_dates_as_excel_expects_them() {
        assert_eq!(excel_number(2.25, Lang::Nl), "2,25");
        assert_eq!(excel_number(3.0, Lang::NlBe), "3");
        assert_eq!(excel_number(2.5, Lang::En), "2.5");
        assert_eq!(date(0), "1970-01-01");
        assert_eq!(date(1_795_305_600_000), "2026-11-22");
    }
}
