//! What the chat and the PDF say under a theme's figures, for the exports: whether views
//! are shared, in between or divided, and the flag under a score that calls for one.

use serde::Serialize;

use super::Cell;
use crate::flow::Flow;
use crate::i18n::Locales;
use crate::lang::Lang;
use crate::team_stats::{Agreement, DimensionStats};

/// A theme's reading, in the lead's language for the CSV and the workbook, and as ids for
/// JSON.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Reading {
    /// "shared", "in_between" or "divided"; none without a spread.
    pub view: Option<&'static str>,
    #[serde(skip)]
    pub view_label: String,
    /// The score calls for the flag (public values below 2 in the quick scan).
    pub flagged: bool,
    #[serde(skip)]
    pub attention: String,
}

impl Reading {
    pub fn of(flow: &Flow, locales: &Locales, lang: Lang, stats: &DimensionStats) -> Reading {
        let agreement = stats.agreement();
        let view = agreement.map(|agreement| match agreement {
            Agreement::Shared => "shared",
            Agreement::Mixed => "in_between",
            Agreement::Divided => "divided",
        });
        let flagged = stats.flagged(flow);
        let attention = match (flagged, stats.current) {
            (true, Some(score)) => crate::present::flag_text(locales, flow, lang, score),
            _ => String::new(),
        };
        Reading {
            view,
            view_label: agreement.map(|a| locales.msg(lang, crate::present::view_msg(a))).unwrap_or_default(),
            flagged,
            attention,
        }
    }

    /// The view and attention cells, last in both tables.
    pub fn cells(&self) -> [Cell; 2] {
        let text = |text: &str| if text.is_empty() { Cell::Empty } else { Cell::Text(text.to_string()) };
        [text(&self.view_label), text(&self.attention)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn theme(dimension: usize, current: f64, quartiles: (f64, f64)) -> DimensionStats {
        DimensionStats {
            dimension,
            current: Some(current),
            ambition: Some(3.0),
            quartiles: Some(quartiles),
            iqr: None,
            dont_know_share: 0.0,
        }
    }

    #[test]
    fn the_exports_name_the_view_and_the_flag_as_the_chat_does() {
        let content = crate::cli::load_content().expect("the built-in content loads");
        let flow = content.default_flow();
        let locales = &content.locales;
        let public_values = flow.dimensions.iter().position(|d| d.id == "d").expect("theme D");
        let low = Reading::of(flow, locales, Lang::Nl, &theme(public_values, 1.5, (1.0, 3.0)));
        assert_eq!((low.view, low.flagged), (Some("divided"), true));
        assert_eq!(low.view_label, "verdeeld beeld");
        assert_eq!(low.attention, crate::present::flag_text(locales, flow, Lang::Nl, 1.5));
        assert!(low.attention.contains("1,5"), "{}", low.attention);

        let fine = Reading::of(flow, locales, Lang::En, &theme(public_values, 3.0, (2.5, 4.0)));
        assert_eq!((fine.view, fine.flagged, fine.attention.as_str()), (Some("in_between"), false, ""));
        assert_eq!(fine.cells()[1], Cell::Empty);
    }
}
