//! The profile chart, made for a phone: 1080 px wide, portrait (or square for few
//! rows), every word at least 28 px. From top to bottom: the title, the facts (N, date,
//! share of "don't know"), one block per dimension (its label and values in words on
//! their own lines, then the bar across the full width: the current level as a bar, the
//! ambition as a diamond, the spread as a whisker and the previous round as a grey
//! marker), the level axis, the level names and the legend. Text is wrapped, never cut:
//! the picture grows to hold it.

use plotters::prelude::*;

use super::canvas::{Align, Canvas, Lettering};
use super::{
    AMBITION, Area, CURRENT, ChartError, GRID, HIGHEST_LEVEL, INK, LOWEST_LEVEL, MUTED, ProfileRow,
    ProfileText, STRIPE, measure, pixels, render_png,
};

/// The previous round's marker.
const PREVIOUS: RGBColor = RGBColor(0x55, 0x55, 0x55);

const TITLE: Lettering = Lettering::new(40.0, INK, Align::Left);
const FACTS: Lettering = Lettering::new(30.0, MUTED, Align::Left);
const LABEL: Lettering = Lettering::new(32.0, INK, Align::Left);
const NOTE: Lettering = Lettering::new(28.0, MUTED, Align::Left);
const AXIS: Lettering = Lettering::new(28.0, MUTED, Align::Centre);
const KEY: Lettering = Lettering::new(28.0, INK, Align::Left);

/// Draws the maturity profile.
///
/// Missing values are left out; levels are clamped to 1..=5. The image is 1080 px
/// wide and at least as high (square), higher as its text needs: about 1500 px for
/// seven dimensions.
///
/// # Errors
///
/// [`ChartError::Empty`] without rows; otherwise only if drawing or PNG
/// encoding fails.
pub fn profile_png(rows: &[ProfileRow], text: &ProfileText) -> Result<Vec<u8>, ChartError> {
    if rows.is_empty() {
        return Err(ChartError::Empty);
    }
    let layout = measure(|canvas| Layout::new(canvas, rows, text))?;
    render_png(pixels(Layout::WIDTH, layout.height), |canvas| {
        let mut y = layout.top;
        y = canvas_lines(canvas, &layout.title, TITLE, y, Layout::TITLE_LINE)?;
        y = canvas_lines(canvas, &layout.facts, FACTS, y, Layout::FACTS_LINE)? + Layout::GAP;
        for (index, (row, block)) in rows.iter().zip(&layout.rows).enumerate() {
            y = draw_row(canvas, index, row, block, y)?;
        }
        y = draw_level_axis(canvas, y)?;
        y = canvas_lines(canvas, &layout.key, KEY, y + Layout::GAP / 2, Layout::KEY_LINE)? + Layout::GAP / 2;
        draw_legend(canvas, &layout.legend, y)
    })
}

/// A level on the 1..=5 scale, or `None` if it is missing or not a number.
fn level(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite()).map(|v| v.clamp(LOWEST_LEVEL, HIGHEST_LEVEL))
}

/// The wrapped words of one row.
struct RowBlock {
    label: Vec<String>,
    note: Vec<String>,
}

/// One legend entry: its symbol and its label, on a line of the legend.
struct LegendEntry {
    symbol: Symbol,
    label: String,
    line: usize,
    x: i32,
}

/// Where everything goes: the wrapped text and the picture's height.
struct Layout {
    title: Vec<String>,
    facts: Vec<String>,
    rows: Vec<RowBlock>,
    key: Vec<String>,
    legend: Vec<LegendEntry>,
    top: i32,
    height: i32,
}

impl Layout {
    const WIDTH: i32 = 1080;
    const MARGIN: i32 = 48;
    const TEXT_WIDTH: i32 = Self::WIDTH - 2 * Self::MARGIN;
    /// The plot spans levels 0.5..=5.5 between these.
    const LEFT: i32 = Self::MARGIN + 8;
    const RIGHT: i32 = Self::WIDTH - Self::MARGIN - 8;
    const TITLE_LINE: i32 = 50;
    const FACTS_LINE: i32 = 40;
    const LABEL_LINE: i32 = 40;
    const NOTE_LINE: i32 = 36;
    const BAND: i32 = 76;
    const BAR_HEIGHT: i32 = 30;
    const ROW_GAP: i32 = 18;
    const AXIS_HEIGHT: i32 = 48;
    const KEY_LINE: i32 = 38;
    const LEGEND_LINE: i32 = 48;
    const GAP: i32 = 28;
    const SYMBOL_WIDTH: i32 = 34;
    const SYMBOL_GAP: i32 = 12;
    const ENTRY_GAP: i32 = 40;

    fn new(canvas: &Canvas<'_, '_>, rows: &[ProfileRow], text: &ProfileText) -> Layout {
        let spread = rows.iter().any(|row| row.spread.is_some());
        let previous = rows.iter().any(|row| level(row.previous).is_some());
        let title = canvas.wrap(&text.title, TITLE, Self::TEXT_WIDTH, 3);
        let facts = text.facts.as_ref().map_or_else(Vec::new, |f| canvas.wrap(f, FACTS, Self::TEXT_WIDTH, 2));
        let blocks: Vec<RowBlock> = rows
            .iter()
            .map(|row| RowBlock {
                label: canvas.wrap(&row.label, LABEL, Self::TEXT_WIDTH, 3),
                note: row.note.as_ref().map_or_else(Vec::new, |n| canvas.wrap(n, NOTE, Self::TEXT_WIDTH, 2)),
            })
            .collect();
        let levels: Vec<String> =
            text.levels.iter().enumerate().map(|(i, name)| format!("{} {name}", i + 1)).collect();
        let key = flow_items(canvas, &levels, KEY, Self::TEXT_WIDTH);
        let legend = legend(canvas, text, spread, previous);
        let lines = |count: usize, height: i32| i32::try_from(count).unwrap_or(0) * height;
        let mut content =
            lines(title.len(), Self::TITLE_LINE) + lines(facts.len(), Self::FACTS_LINE) + Self::GAP;
        for row in &blocks {
            content += lines(row.label.len(), Self::LABEL_LINE)
                + lines(row.note.len(), Self::NOTE_LINE)
                + Self::BAND
                + Self::ROW_GAP;
        }
        content += Self::AXIS_HEIGHT + Self::GAP + lines(key.len(), Self::KEY_LINE);
        content += lines(legend.last().map_or(0, |e| e.line + 1), Self::LEGEND_LINE);
        let natural = content + 2 * Self::MARGIN;
        let height = natural.max(Self::WIDTH);
        Layout { title, facts, rows: blocks, key, legend, top: Self::MARGIN + (height - natural) / 2, height }
    }
}

/// The legend's entries, flowed over as many lines as they need.
fn legend(canvas: &Canvas<'_, '_>, text: &ProfileText, spread: bool, previous: bool) -> Vec<LegendEntry> {
    let mut entries: Vec<(&str, Symbol)> =
        vec![(&text.current, current_symbol), (&text.ambition, ambition_symbol)];
    if let Some(label) = text.spread.as_ref().filter(|_| spread) {
        entries.push((label, spread_symbol));
    }
    if let Some(label) = text.previous.as_ref().filter(|_| previous) {
        entries.push((label, previous_symbol));
    }
    let (mut line, mut x) = (0, Layout::MARGIN);
    let max_label = Layout::TEXT_WIDTH - Layout::SYMBOL_WIDTH - Layout::SYMBOL_GAP;
    entries
        .into_iter()
        .map(|(label, symbol)| {
            let label = canvas.wrap(label, KEY, max_label, 1).concat();
            let width = Layout::SYMBOL_WIDTH + Layout::SYMBOL_GAP + canvas.text_width(&label, KEY);
            if x > Layout::MARGIN && x + width > Layout::WIDTH - Layout::MARGIN {
                (line, x) = (line + 1, Layout::MARGIN);
            }
            let entry = LegendEntry { symbol, label, line, x };
            x += width + Layout::ENTRY_GAP;
            entry
        })
        .collect()
}

/// Items joined by " · " over as many lines as they need, each item kept whole on
/// one line where it fits one.
fn flow_items(canvas: &Canvas<'_, '_>, items: &[String], style: Lettering, width: i32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for item in items {
        let joined = lines.last().map(|line| format!("{line} · {item}"));
        match joined {
            Some(joined) if canvas.text_width(&joined, style) <= width => {
                *lines.last_mut().expect("a line") = joined;
            }
            _ => lines.extend(canvas.wrap(item, style, width, 2)),
        }
    }
    lines
}

/// Draws lines of text from `top` down; returns where the next thing starts.
fn canvas_lines(
    canvas: &Canvas<'_, '_>,
    lines: &[String],
    style: Lettering,
    top: i32,
    line_height: i32,
) -> Result<i32, ChartError> {
    let mut y = top;
    for line in lines {
        canvas.text(line, style, (Layout::MARGIN, y + line_height / 2))?;
        y += line_height;
    }
    Ok(y)
}

/// Horizontal pixel position of a level (the plot spans 0.5..=5.5).
fn x(level: f64) -> i32 {
    let share = (level - LOWEST_LEVEL + 0.5) / (HIGHEST_LEVEL - LOWEST_LEVEL + 1.0);
    Layout::LEFT + (share * f64::from(Layout::RIGHT - Layout::LEFT)).round() as i32
}

/// One dimension: its label and note, then its band with the values.
fn draw_row(
    canvas: &Canvas<'_, '_>,
    index: usize,
    row: &ProfileRow,
    block: &RowBlock,
    top: i32,
) -> Result<i32, ChartError> {
    let label_height = i32::try_from(block.label.len()).unwrap_or(0) * Layout::LABEL_LINE
        + i32::try_from(block.note.len()).unwrap_or(0) * Layout::NOTE_LINE;
    let bottom = top + label_height + Layout::BAND;
    if index.is_multiple_of(2) {
        let stripe = [
            (Layout::MARGIN - 16, top - Layout::ROW_GAP / 2),
            (Layout::WIDTH - Layout::MARGIN + 16, bottom + Layout::ROW_GAP / 2),
        ];
        canvas.area.draw(&Rectangle::new(stripe, STRIPE.filled()))?;
    }
    let y = canvas_lines(canvas, &block.label, LABEL, top, Layout::LABEL_LINE)?;
    let y = canvas_lines(canvas, &block.note, NOTE, y, Layout::NOTE_LINE)?;
    let area = canvas.area;
    for step in 0..5 {
        let x = x(LOWEST_LEVEL + f64::from(step));
        area.draw(&PathElement::new([(x, y + 4), (x, y + Layout::BAND - 4)], GRID))?;
    }
    let centre = y + Layout::BAND / 2;
    let half = Layout::BAR_HEIGHT / 2;
    if let Some(current) = level(row.current) {
        let bar = [(Layout::LEFT + 1, centre - half), (x(current), centre + half)];
        area.draw(&Rectangle::new(bar, CURRENT.filled()))?;
    }
    let spread = row.spread.and_then(|(q1, q3)| level(Some(q1)).zip(level(Some(q3))));
    if let Some((q1, q3)) = spread {
        draw_whisker(area, (x(q1.min(q3)), x(q1.max(q3))), centre, half)?;
    }
    if let Some(previous) = level(row.previous) {
        draw_previous(area, (x(previous), centre - half), 11)?;
    }
    if let Some(ambition) = level(row.ambition) {
        draw_diamond(area, (x(ambition), centre), half + 8)?;
    }
    area.draw(&PathElement::new(
        [(Layout::LEFT, y), (Layout::LEFT, y + Layout::BAND)],
        MUTED.stroke_width(1),
    ))?;
    Ok(bottom + Layout::ROW_GAP)
}

/// The level numbers 1 to 5 under the last band.
fn draw_level_axis(canvas: &Canvas<'_, '_>, top: i32) -> Result<i32, ChartError> {
    let axis = [(Layout::LEFT, top - Layout::ROW_GAP), (Layout::RIGHT, top - Layout::ROW_GAP)];
    canvas.area.draw(&PathElement::new(axis, MUTED.stroke_width(1)))?;
    for step in 0..5_u8 {
        let x = x(LOWEST_LEVEL + f64::from(step));
        canvas.text(
            &(step + 1).to_string(),
            AXIS,
            (x, top + Layout::AXIS_HEIGHT / 2 - Layout::ROW_GAP / 2),
        )?;
    }
    Ok(top + Layout::AXIS_HEIGHT)
}

/// A horizontal interval from `x.0` to `x.1` with end caps.
fn draw_whisker(area: &Area<'_>, x: (i32, i32), y: i32, cap: i32) -> Result<(), ChartError> {
    let stroke = INK.stroke_width(4);
    area.draw(&PathElement::new([(x.0, y), (x.1, y)], stroke))?;
    for end in [x.0, x.1] {
        area.draw(&PathElement::new([(end, y - cap), (end, y + cap)], stroke))?;
    }
    Ok(())
}

/// The ambition marker: a white diamond with a thick orange outline.
fn draw_diamond(area: &Area<'_>, (x, y): (i32, i32), radius: i32) -> Result<(), ChartError> {
    let corners = [(x, y - radius), (x + radius, y), (x, y + radius), (x - radius, y)];
    area.draw(&Polygon::new(corners, WHITE.filled()))?;
    let outline: Vec<_> = corners.iter().chain(&corners[..1]).copied().collect();
    area.draw(&PathElement::new(outline, AMBITION.stroke_width(5)))?;
    Ok(())
}

/// The previous round's marker: a grey triangle pointing down at the level, above
/// the bar (unlike the whisker's caps, which stand across it).
fn draw_previous(area: &Area<'_>, (x, y): (i32, i32), size: i32) -> Result<(), ChartError> {
    let corners = [(x - size, y - 2 * size), (x + size, y - 2 * size), (x, y)];
    area.draw(&Polygon::new(corners, PREVIOUS.filled()))?;
    Ok(())
}

/// Draws a legend symbol centred on a point.
type Symbol = fn(&Area<'_>, (i32, i32)) -> Result<(), ChartError>;

fn current_symbol(area: &Area<'_>, (x, y): (i32, i32)) -> Result<(), ChartError> {
    area.draw(&Rectangle::new([(x - 16, y - 10), (x + 16, y + 10)], CURRENT.filled()))?;
    Ok(())
}

fn ambition_symbol(area: &Area<'_>, centre: (i32, i32)) -> Result<(), ChartError> {
    draw_diamond(area, centre, 13)
}

fn spread_symbol(area: &Area<'_>, (x, y): (i32, i32)) -> Result<(), ChartError> {
    draw_whisker(area, (x - 16, x + 16), y, 10)
}

fn previous_symbol(area: &Area<'_>, (x, y): (i32, i32)) -> Result<(), ChartError> {
    draw_previous(area, (x, y + 11), 11)
}

/// The legend's lines below the level names.
fn draw_legend(canvas: &Canvas<'_, '_>, legend: &[LegendEntry], top: i32) -> Result<(), ChartError> {
    for entry in legend {
        let y = top + i32::try_from(entry.line).unwrap_or(0) * Layout::LEGEND_LINE + Layout::LEGEND_LINE / 2;
        (entry.symbol)(canvas.area, (entry.x + Layout::SYMBOL_WIDTH / 2, y))?;
        canvas.text(&entry.label, KEY, (entry.x + Layout::SYMBOL_WIDTH + Layout::SYMBOL_GAP, y))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::assert_png;

    /// A phone picture: 1080 px wide, portrait or square.
    fn assert_phone(png: &[u8], name: &str) -> u32 {
        let image = image::load_from_memory(png).expect("a PNG");
        assert_eq!(image.width(), 1080, "{name}");
        assert!(image.height() >= image.width(), "{name}: {}x{}", image.width(), image.height());
        assert_png(png, (image.width(), image.height()), name);
        image.height()
    }

    fn text(spread: bool) -> ProfileText {
        ProfileText {
            title: "Digitale volwassenheid — team Burgerzaken".into(),
            current: "Huidig niveau".into(),
            ambition: "Ambitie".into(),
            spread: spread.then(|| "Spreiding (middelste helft)".into()),
            previous: spread.then(|| "Ronde 1".into()),
            facts: Some("N = 12 · 01-12-2026 · weet ik niet 14%".into()),
            levels: [
                "Startend".into(),
                "Ontwikkelend".into(),
                "Gedefinieerd".into(),
                "Beheerst".into(),
                "Optimaliserend en vernieuwend".into(),
            ],
        }
    }

    fn row(label: &str, current: Option<f64>, ambition: Option<f64>) -> ProfileRow {
        ProfileRow { label: label.into(), current, ambition, spread: None, note: None, previous: None }
    }

    fn seven_rows() -> Vec<ProfileRow> {
        vec![
            row("A Visie & leiderschap", Some(2.0), Some(4.0)),
            row("B Organisatie & cultuur", Some(3.0), Some(3.5)),
            row("C Data & informatiehuishouding", Some(1.0), Some(3.0)),
            row("D Publieke waarden", Some(4.0), Some(4.0)),
            row("E Dienstverlening aan inwoners en ondernemers", Some(2.5), Some(5.0)),
            row("F Technologie & infrastructuur", Some(5.0), Some(4.5)),
            row("G Samenwerking in de keten", Some(3.0), Some(4.0)),
        ]
    }

    #[test]
    fn profile_with_seven_rows() {
        let png = profile_png(&seven_rows(), &text(false)).unwrap();
        assert!(assert_phone(&png, "profile_seven_rows") > 1080, "seven rows: portrait");
    }

    #[test]
    fn profile_with_values_under_the_labels() {
        let rows: Vec<ProfileRow> = seven_rows()
            .into_iter()
            .map(|row| {
                let note = format!(
                    "{:.1} → {:.1}",
                    row.current.unwrap_or_default(),
                    row.ambition.unwrap_or_default()
                );
                ProfileRow {
                    note: Some(note.replace('.', ",")),
                    spread: Some((1.5, 3.5)),
                    previous: row.current.map(|c| c - 0.5),
                    ..row
                }
            })
            .collect();
        let png = profile_png(&rows, &text(true)).unwrap();
        assert_phone(&png, "profile_with_notes");
    }

    #[test]
    fn profile_with_one_row() {
        let rows = [row("A Visie & leiderschap", Some(3.0), Some(4.0))];
        let png = profile_png(&rows, &text(false)).unwrap();
        assert_eq!(assert_phone(&png, "profile_one_row"), 1080, "few rows: square");
    }

    #[test]
    fn profile_with_missing_values() {
        let mut rows = seven_rows();
        rows[0].current = None;
        rows[1].ambition = None;
        rows[2] = row("C Data", None, None);
        rows[3].current = Some(f64::NAN);
        let png = profile_png(&rows, &text(false)).unwrap();
        assert_phone(&png, "profile_missing");
    }

    #[test]
    fn team_profile_with_spread_and_accents() {
        let mut rows = seven_rows();
        rows[0].label = "A Visie, ideeën & café-overleg".into();
        let spreads = [(1.5, 3.0), (2.5, 3.5), (1.0, 2.0), (3.5, 4.5), (2.0, 3.0)];
        for (row, spread) in rows.iter_mut().zip(spreads) {
            row.spread = Some(spread);
        }
        rows[6].spread = None;
        let mut text = text(true);
        text.title = "Teamprofiel — financiën & privé".into();
        let png = profile_png(&rows, &text).unwrap();
        assert_phone(&png, "profile_team");
    }

    #[test]
    fn profile_without_rows_is_an_error() {
        assert!(matches!(profile_png(&[], &text(false)), Err(ChartError::Empty)));
    }
}
