//! The profile chart: one row per dimension with the current level as a bar,
//! the ambition as a diamond and (team charts) the spread as a whisker, the
//! level axis below and the legend under it.

use plotters::prelude::*;

use super::canvas::{Align, Canvas, Lettering};
use super::{
    AMBITION, Area, CURRENT, ChartError, GRID, HIGHEST_LEVEL, INK, LOWEST_LEVEL, MUTED, ProfileRow,
    ProfileText, STRIPE, pixels, render_png,
};

/// Draws the maturity profile: one row per dimension, current level as a bar,
/// ambition as a diamond and (team charts) the spread as a whisker.
///
/// Missing values are left out; levels are clamped to 1..=5. The image is
/// 1000 px wide and 600 px high for seven rows; it is a little lower for
/// fewer rows (at least 360 px) and grows for more.
///
/// # Errors
///
/// [`ChartError::Empty`] without rows; otherwise only if drawing or PNG
/// encoding fails.
pub fn profile_png(rows: &[ProfileRow], text: &ProfileText) -> Result<Vec<u8>, ChartError> {
    if rows.is_empty() {
        return Err(ChartError::Empty);
    }
    let frame = ProfileFrame::new(rows.len());
    render_png(frame.size(), |canvas| {
        canvas.title(&text.title)?;
        for (index, row) in rows.iter().enumerate() {
            draw_row_background(canvas, &frame, index, row)?;
        }
        draw_level_axis(canvas, &frame, &text.levels)?;
        for (index, row) in rows.iter().enumerate() {
            draw_row_values(canvas, &frame, index, row)?;
        }
        draw_profile_legend(canvas, &frame, text, rows)
    })
}

/// A level on the 1..=5 scale, or `None` if it is missing or not a number.
fn level(value: Option<f64>) -> Option<f64> {
    value.filter(|v| v.is_finite()).map(|v| v.clamp(LOWEST_LEVEL, HIGHEST_LEVEL))
}

/// Pixel geometry of the profile chart: title, rows, level axis and legend
/// from top to bottom; with few rows the rest is centred vertically.
struct ProfileFrame {
    top: i32,
    rows: i32,
    height: i32,
}

impl ProfileFrame {
    const WIDTH: i32 = 1000;
    const MIN_HEIGHT: i32 = 360;
    const LABEL_LEFT: i32 = 24;
    /// Left edge of the plot, where the bars start (level 0.5).
    const LEFT: i32 = 296;
    /// Right edge of the plot (level 5.5).
    const RIGHT: i32 = 968;
    const TITLE_HEIGHT: i32 = 72;
    const ROW_HEIGHT: i32 = 58;
    const AXIS_HEIGHT: i32 = 64;
    const LEGEND_HEIGHT: i32 = 48;
    const BOTTOM_MARGIN: i32 = 10;

    fn new(rows: usize) -> Self {
        let rows = i32::try_from(rows).unwrap_or(i32::MAX).max(1);
        let content = rows * Self::ROW_HEIGHT + Self::AXIS_HEIGHT + Self::LEGEND_HEIGHT;
        let height = (Self::TITLE_HEIGHT + content + Self::BOTTOM_MARGIN).max(Self::MIN_HEIGHT);
        Self { top: Self::TITLE_HEIGHT + (height - Self::TITLE_HEIGHT - content) / 2, rows, height }
    }

    fn size(&self) -> (u32, u32) {
        pixels(Self::WIDTH, self.height)
    }

    /// Horizontal distance between two levels.
    const LEVEL_WIDTH: i32 = (Self::RIGHT - Self::LEFT) / 5;
    const BAR_HEIGHT: i32 = 26;

    /// Horizontal pixel position of a level (the plot spans 0.5..=5.5).
    fn x(level: f64) -> i32 {
        let share = (level - LOWEST_LEVEL + 0.5) / (HIGHEST_LEVEL - LOWEST_LEVEL + 1.0);
        Self::LEFT + (share * f64::from(Self::RIGHT - Self::LEFT)).round() as i32
    }

    fn row_top(&self, index: usize) -> i32 {
        self.top + i32::try_from(index).unwrap_or(0) * Self::ROW_HEIGHT
    }

    fn row_centre(&self, index: usize) -> i32 {
        self.row_top(index) + Self::ROW_HEIGHT / 2
    }

    fn bottom(&self) -> i32 {
        self.top + self.rows * Self::ROW_HEIGHT
    }

    fn legend_centre(&self) -> i32 {
        self.bottom() + Self::AXIS_HEIGHT + Self::LEGEND_HEIGHT / 2
    }
}

/// Zebra stripe, dimension label and values in words of one row.
fn draw_row_background(
    canvas: &Canvas<'_, '_>,
    frame: &ProfileFrame,
    index: usize,
    row: &ProfileRow,
) -> Result<(), ChartError> {
    let top = frame.row_top(index);
    if index.is_multiple_of(2) {
        let stripe = [
            (ProfileFrame::LABEL_LEFT - 12, top),
            (ProfileFrame::RIGHT + 12, top + ProfileFrame::ROW_HEIGHT),
        ];
        canvas.area.draw(&Rectangle::new(stripe, STRIPE.filled()))?;
    }
    let style = Lettering::new(21.0, INK, Align::Left);
    let max_width = ProfileFrame::LEFT - ProfileFrame::LABEL_LEFT - 16;
    let (x, y) = (ProfileFrame::LABEL_LEFT, frame.row_centre(index));
    let Some(note) = &row.note else {
        let lines = canvas.wrap(&row.label, style, max_width, 2);
        return canvas.lines(&lines, style, (x, y), 23);
    };
    let label = canvas.ellipsize(&row.label, style, max_width);
    canvas.text(&label, style, (x, y - 11))?;
    let small = Lettering::new(17.0, MUTED, Align::Left);
    canvas.text(&canvas.ellipsize(note, small, max_width), small, (x, y + 12))
}

/// Grid lines at every level, the axes and the level names below them.
fn draw_level_axis(
    canvas: &Canvas<'_, '_>,
    frame: &ProfileFrame,
    levels: &[String; 5],
) -> Result<(), ChartError> {
    let (top, bottom) = (frame.top, frame.bottom());
    let style = Lettering::new(18.0, MUTED, Align::Centre);
    for (step, name) in levels.iter().enumerate() {
        let x = ProfileFrame::x(LOWEST_LEVEL + step as f64);
        canvas.area.draw(&PathElement::new([(x, top), (x, bottom + 6)], GRID))?;
        let lines = canvas.wrap(name, style, ProfileFrame::LEVEL_WIDTH - 4, 2);
        let centre = bottom + 20 + (lines.len() as i32 - 1) * 11;
        canvas.lines(&lines, style, (x, centre), 22)?;
    }
    let axis = MUTED.stroke_width(1);
    let axes = [(ProfileFrame::LEFT, top), (ProfileFrame::LEFT, bottom), (ProfileFrame::RIGHT, bottom)];
    canvas.area.draw(&PathElement::new(axes, axis))?;
    Ok(())
}

fn draw_row_values(
    canvas: &Canvas<'_, '_>,
    frame: &ProfileFrame,
    index: usize,
    row: &ProfileRow,
) -> Result<(), ChartError> {
    let area = canvas.area;
    let y = frame.row_centre(index);
    let half = ProfileFrame::BAR_HEIGHT / 2;
    if let Some(current) = level(row.current) {
        let bar = [(ProfileFrame::LEFT + 1, y - half), (ProfileFrame::x(current), y + half)];
        area.draw(&Rectangle::new(bar, CURRENT.filled()))?;
    }
    let spread = row.spread.and_then(|(q1, q3)| level(Some(q1)).zip(level(Some(q3))));
    if let Some((q1, q3)) = spread {
        let ends = (ProfileFrame::x(q1.min(q3)), ProfileFrame::x(q1.max(q3)));
        draw_whisker(area, ends, y, half)?;
    }
    if let Some(ambition) = level(row.ambition) {
        draw_diamond(area, (ProfileFrame::x(ambition), y), half + 6)?;
    }
    Ok(())
}

/// A horizontal interval from `x.0` to `x.1` with end caps.
fn draw_whisker(area: &Area<'_>, x: (i32, i32), y: i32, cap: i32) -> Result<(), ChartError> {
    let stroke = INK.stroke_width(3);
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
    area.draw(&PathElement::new(outline, AMBITION.stroke_width(4)))?;
    Ok(())
}

/// Draws a legend symbol centred on a point.
type Symbol = fn(&Area<'_>, (i32, i32)) -> Result<(), ChartError>;

fn current_symbol(area: &Area<'_>, (x, y): (i32, i32)) -> Result<(), ChartError> {
    let bar = [(x - 14, y - 8), (x + 14, y + 8)];
    area.draw(&Rectangle::new(bar, CURRENT.filled()))?;
    Ok(())
}

fn ambition_symbol(area: &Area<'_>, centre: (i32, i32)) -> Result<(), ChartError> {
    draw_diamond(area, centre, 11)
}

fn spread_symbol(area: &Area<'_>, (x, y): (i32, i32)) -> Result<(), ChartError> {
    draw_whisker(area, (x - 14, x + 14), y, 8)
}

/// One centred line of symbols with their labels below the level axis.
fn draw_profile_legend(
    canvas: &Canvas<'_, '_>,
    frame: &ProfileFrame,
    text: &ProfileText,
    rows: &[ProfileRow],
) -> Result<(), ChartError> {
    const SYMBOL_WIDTH: i32 = 28;
    const SYMBOL_GAP: i32 = 10;
    const ENTRY_GAP: i32 = 40;
    let mut entries: Vec<(&str, Symbol)> =
        vec![(&text.current, current_symbol), (&text.ambition, ambition_symbol)];
    if let Some(spread) = &text.spread
        && rows.iter().any(|row| row.spread.is_some())
    {
        entries.push((spread, spread_symbol));
    }

    let style = Lettering::new(20.0, INK, Align::Left);
    let count = entries.len() as i32;
    let room = ProfileFrame::RIGHT - ProfileFrame::LABEL_LEFT;
    let max_label = room / count - SYMBOL_WIDTH - SYMBOL_GAP - ENTRY_GAP;
    let labels: Vec<String> =
        entries.iter().map(|(label, _)| canvas.ellipsize(label, style, max_label)).collect();
    let widths: Vec<i32> =
        labels.iter().map(|label| SYMBOL_WIDTH + SYMBOL_GAP + canvas.text_width(label, style)).collect();
    let total = widths.iter().sum::<i32>() + ENTRY_GAP * (count - 1);

    let y = frame.legend_centre();
    let mut x = (ProfileFrame::LABEL_LEFT + ProfileFrame::RIGHT - total) / 2;
    for (((_, symbol), label), width) in entries.iter().zip(&labels).zip(&widths) {
        symbol(canvas.area, (x + SYMBOL_WIDTH / 2, y))?;
        canvas.text(label, style, (x + SYMBOL_WIDTH + SYMBOL_GAP, y))?;
        x += width + ENTRY_GAP;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::assert_png;

    fn text(spread: bool) -> ProfileText {
        ProfileText {
            title: "Digitale volwassenheid — team Burgerzaken".into(),
            current: "Huidig niveau".into(),
            ambition: "Ambitie".into(),
            spread: spread.then(|| "Spreiding (middelste helft)".into()),
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
        ProfileRow { label: label.into(), current, ambition, spread: None, note: None }
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
        assert_png(&png, (1000, 600), "profile_seven_rows");
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
                ProfileRow { note: Some(note.replace('.', ",")), spread: Some((1.5, 3.5)), ..row }
            })
            .collect();
        let png = profile_png(&rows, &text(true)).unwrap();
        assert_png(&png, (1000, 600), "profile_with_notes");
    }

    #[test]
    fn profile_with_one_row() {
        let rows = [row("A Visie & leiderschap", Some(3.0), Some(4.0))];
        let png = profile_png(&rows, &text(false)).unwrap();
        assert_png(&png, (1000, 360), "profile_one_row");
    }

    #[test]
    fn profile_with_missing_values() {
        let mut rows = seven_rows();
        rows[0].current = None;
        rows[1].ambition = None;
        rows[2] = row("C Data", None, None);
        rows[3].current = Some(f64::NAN);
        let png = profile_png(&rows, &text(false)).unwrap();
        assert_png(&png, (1000, 600), "profile_missing");
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
        assert_png(&png, (1000, 600), "profile_team");
    }

    #[test]
    fn profile_without_rows_is_an_error() {
        assert!(matches!(profile_png(&[], &text(false)), Err(ChartError::Empty)));
    }
}
