//! The organisation heatmap: one page of teams × themes, each cell coloured by the
//! team's median level now on the `YlGnBu` scale (hatched grey without one) with the
//! gap to the ambition under the number, a count column, a key to the theme letters and
//! the colour bar with the level names.
//!
//! Made for a phone: 1080 px wide, portrait, text at least 22 px and names at 28 px,
//! nothing cut off (names wrap onto two lines). A page holds at most
//! [`HEATMAP_ROWS_PER_PAGE`] rows, so a picture stays well within Telegram's limits for
//! photos (width + height ≤ 10,000 px, ≤ 10 MB); callers page longer lists.

use plotters::prelude::*;

use super::canvas::{Align, Canvas, Lettering};
use super::{
    Area, ChartError, HATCH, HIGHEST_LEVEL, INK, LEVEL_SCALE, LOWEST_LEVEL, MISSING, MUTED, STRIPE, pixels,
    render_png,
};

/// The most rows (teams, plus the organisation's own row) on one picture.
pub const HEATMAP_ROWS_PER_PAGE: usize = 26;

/// A page's width in pixels.
pub const HEATMAP_WIDTH: u32 = Layout::WIDTH as u32;
/// The smallest text on a page, in pixels: printed so that this is 8 points or more,
/// every figure on it is legible.
pub const HEATMAP_SMALLEST_TEXT: u32 = 22;

/// The most rows a page with `columns` themes holds within `height` pixels (at least one).
pub fn heatmap_rows_within(columns: usize, height: u32) -> usize {
    let frame = Layout::new(0, columns).size().1;
    let rows = height.saturating_sub(frame) / Layout::ROW_HEIGHT as u32;
    (rows as usize).clamp(1, HEATMAP_ROWS_PER_PAGE)
}

/// The words on a heatmap page, translated and formatted by the caller.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapText {
    pub title: String,
    /// Under the title: date, page, which teams and in what order.
    pub caption: String,
    /// Column headers: short (a theme's letter), explained in `key`.
    pub columns: Vec<String>,
    /// "A Vision & leadership", … under the grid.
    pub key: Vec<String>,
    /// Header of the count column ("N").
    pub count: String,
    /// How to read a cell.
    pub how_to_read: String,
    /// The five level names, 1..=5, along the colour bar.
    pub levels: [String; 5],
}

/// One row: a team (or the whole organisation).
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapRow {
    pub label: String,
    /// A smaller line under the label ("round 2").
    pub note: String,
    /// What the count column shows ("12").
    pub count: String,
    pub cells: Vec<HeatmapCell>,
    /// Set apart (the organisation-wide row).
    pub highlight: bool,
}

/// One cell: the value that sets its colour, the value as written, and a detail under it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeatmapCell {
    pub value: Option<f64>,
    pub text: String,
    pub detail: String,
}

/// Draws one heatmap page.
///
/// # Errors
///
/// [`ChartError::Empty`] without rows or columns, [`ChartError::Shape`] when a row has
/// not one cell per column or there are more than [`HEATMAP_ROWS_PER_PAGE`] rows;
/// otherwise only if drawing or PNG encoding fails.
pub fn heatmap_png(text: &HeatmapText, rows: &[HeatmapRow]) -> Result<Vec<u8>, ChartError> {
    if rows.is_empty() || text.columns.is_empty() {
        return Err(ChartError::Empty);
    }
    let fits =
        rows.len() <= HEATMAP_ROWS_PER_PAGE && rows.iter().all(|row| row.cells.len() == text.columns.len());
    if !fits {
        return Err(ChartError::Shape { rows: rows.len(), columns: text.columns.len() });
    }
    let layout = Layout::new(rows.len(), text.columns.len());
    render_png(layout.size(), |canvas| {
        draw_heading(canvas, text)?;
        draw_header(canvas, &layout, text)?;
        for (index, row) in rows.iter().enumerate() {
            draw_row(canvas, &layout, index, row)?;
        }
        draw_key(canvas, &layout, text)?;
        draw_colour_bar(canvas, &layout, &text.levels)
    })
}

/// Top-left and bottom-right corner of a rectangle.
type Corners = ((i32, i32), (i32, i32));

/// Pixel geometry of a page.
struct Layout {
    rows: i32,
    columns: i32,
}

impl Layout {
    const WIDTH: i32 = 1080;
    const MARGIN: i32 = 32;
    const HEADER_TOP: i32 = 170;
    const GRID_TOP: i32 = 220;
    const ROW_HEIGHT: i32 = 96;
    /// The count column after the theme columns.
    const COUNT_WIDTH: i32 = 96;
    const MAX_COLUMN_WIDTH: i32 = 90;
    const MIN_LABEL_WIDTH: i32 = 300;
    const GAP: i32 = 4;
    const KEY_LINE: i32 = 36;
    const HOW_TO_READ: i32 = 100;
    const BAR: i32 = 150;

    fn new(rows: usize, columns: usize) -> Self {
        Self {
            rows: i32::try_from(rows).unwrap_or(i32::MAX),
            columns: i32::try_from(columns).unwrap_or(i32::MAX).max(1),
        }
    }

    fn size(&self) -> (u32, u32) {
        pixels(Self::WIDTH, self.bar_top() + Self::BAR)
    }

    fn column_width(&self) -> i32 {
        let room = Self::WIDTH - 2 * Self::MARGIN - Self::MIN_LABEL_WIDTH - Self::COUNT_WIDTH;
        (room / self.columns).min(Self::MAX_COLUMN_WIDTH)
    }

    /// Where the theme columns start: the label column takes what they leave.
    fn grid_left(&self) -> i32 {
        Self::WIDTH - Self::MARGIN - Self::COUNT_WIDTH - self.columns * self.column_width()
    }

    fn label_width(&self) -> i32 {
        self.grid_left() - Self::MARGIN - 12
    }

    fn grid_bottom(&self) -> i32 {
        Self::GRID_TOP + self.rows * Self::ROW_HEIGHT
    }

    fn key_top(&self) -> i32 {
        self.grid_bottom() + 28
    }

    fn key_rows(&self) -> i32 {
        (self.columns + 1) / 2
    }

    fn bar_top(&self) -> i32 {
        self.key_top() + self.key_rows() * Self::KEY_LINE + Self::HOW_TO_READ
    }

    fn row_top(&self, row: usize) -> i32 {
        Self::GRID_TOP + i32::try_from(row).unwrap_or(0) * Self::ROW_HEIGHT
    }

    /// The corners of a cell, leaving a white gap to its neighbours.
    fn cell(&self, row: usize, column: usize) -> Corners {
        let x = self.grid_left() + i32::try_from(column).unwrap_or(0) * self.column_width();
        let y = self.row_top(row);
        ((x, y), (x + self.column_width() - Self::GAP, y + Self::ROW_HEIGHT - Self::GAP))
    }

    fn count_centre(&self) -> i32 {
        Self::WIDTH - Self::MARGIN - Self::COUNT_WIDTH / 2
    }
}

fn draw_heading(canvas: &Canvas<'_, '_>, text: &HeatmapText) -> Result<(), ChartError> {
    let width = Layout::WIDTH - 2 * Layout::MARGIN;
    let title = Lettering::new(36.0, INK, Align::Left);
    let lines = canvas.wrap(&text.title, title, width, 1);
    canvas.lines(&lines, title, (Layout::MARGIN, 48), 40)?;
    let caption = Lettering::new(24.0, MUTED, Align::Left);
    let lines = canvas.wrap(&text.caption, caption, width, 2);
    canvas.lines(&lines, caption, (Layout::MARGIN, 110), 30)
}

/// The theme letters and the count header.
fn draw_header(canvas: &Canvas<'_, '_>, layout: &Layout, text: &HeatmapText) -> Result<(), ChartError> {
    let style = Lettering::new(30.0, INK, Align::Centre);
    let y = Layout::HEADER_TOP + 20;
    for (column, label) in text.columns.iter().enumerate() {
        let ((left, _), (right, _)) = layout.cell(0, column);
        let label = canvas.ellipsize(label, style, right - left);
        canvas.text(&label, style, ((left + right) / 2, y))?;
    }
    canvas.text(&text.count, style, (layout.count_centre(), y))
}

fn draw_row(
    canvas: &Canvas<'_, '_>,
    layout: &Layout,
    index: usize,
    row: &HeatmapRow,
) -> Result<(), ChartError> {
    let top = layout.row_top(index);
    if row.highlight {
        let band = [
            (Layout::MARGIN - 8, top),
            (Layout::WIDTH - Layout::MARGIN + 8, top + Layout::ROW_HEIGHT - Layout::GAP),
        ];
        canvas.area.draw(&Rectangle::new(band, STRIPE.filled()))?;
    }
    let name = Lettering::new(28.0, INK, Align::Left);
    let note = Lettering::new(22.0, MUTED, Align::Left);
    let names = canvas.wrap(&row.label, name, layout.label_width(), 2);
    let note_line = canvas.ellipsize(&row.note, note, layout.label_width());
    // Name lines and the note, centred together in the row.
    let count = i32::try_from(names.len()).unwrap_or(1);
    let block = count * 30 + 26;
    let first = top + (Layout::ROW_HEIGHT - Layout::GAP - block) / 2 + 15;
    canvas.lines(&names, name, (Layout::MARGIN, first + (count - 1) * 15), 30)?;
    canvas.text(&note_line, note, (Layout::MARGIN, first + count * 30 - 2))?;
    for (column, cell) in row.cells.iter().enumerate() {
        let corners = layout.cell(index, column);
        match cell.value.filter(|v| v.is_finite()) {
            Some(value) => draw_value_cell(canvas, corners, value, cell)?,
            None => draw_missing_cell(canvas.area, corners)?,
        }
    }
    let count = Lettering::new(26.0, INK, Align::Centre);
    canvas.text(&row.count, count, (layout.count_centre(), top + (Layout::ROW_HEIGHT - Layout::GAP) / 2))
}

/// A cell coloured by its level, with the value and the detail written in it.
fn draw_value_cell(
    canvas: &Canvas<'_, '_>,
    (from, to): Corners,
    value: f64,
    cell: &HeatmapCell,
) -> Result<(), ChartError> {
    let fill = level_colour(value);
    canvas.area.draw(&Rectangle::new([from, to], fill.filled()))?;
    let centre = (from.0 + to.0) / 2;
    let middle = (from.1 + to.1) / 2;
    let ink = ink_on(fill);
    if cell.detail.is_empty() {
        return canvas.text(&cell.text, Lettering::new(28.0, ink, Align::Centre), (centre, middle));
    }
    canvas.text(&cell.text, Lettering::new(28.0, ink, Align::Centre), (centre, middle - 13))?;
    canvas.text(&cell.detail, Lettering::new(22.0, ink, Align::Centre), (centre, middle + 20))
}

/// A light grey cell with diagonal hatching.
fn draw_missing_cell(area: &Area<'_>, ((left, top), (right, bottom)): Corners) -> Result<(), ChartError> {
    const SPACING: usize = 10;
    area.draw(&Rectangle::new([(left, top), (right, bottom)], MISSING.filled()))?;
    let stroke = HATCH.stroke_width(1);
    // The lines x - y = c, each clipped to the cell.
    for c in ((left - bottom)..=(right - top)).step_by(SPACING) {
        let start = (left.max(c + top), (left - c).max(top));
        let end = (right.min(c + bottom), (right - c).min(bottom));
        area.draw(&PathElement::new([start, end], stroke))?;
    }
    Ok(())
}

/// The theme names behind the letters, in two columns, and how to read a cell.
fn draw_key(canvas: &Canvas<'_, '_>, layout: &Layout, text: &HeatmapText) -> Result<(), ChartError> {
    let style = Lettering::new(24.0, INK, Align::Left);
    let half = (Layout::WIDTH - 2 * Layout::MARGIN) / 2;
    let rows = usize::try_from(layout.key_rows()).unwrap_or(1).max(1);
    for (i, name) in text.key.iter().enumerate() {
        let x = Layout::MARGIN + i32::try_from(i / rows).unwrap_or(0) * half;
        let y =
            layout.key_top() + i32::try_from(i % rows).unwrap_or(0) * Layout::KEY_LINE + Layout::KEY_LINE / 2;
        canvas.text(&canvas.ellipsize(name, style, half - 16), style, (x, y))?;
    }
    let style = Lettering::new(22.0, MUTED, Align::Left);
    let lines = canvas.wrap(&text.how_to_read, style, Layout::WIDTH - 2 * Layout::MARGIN, 3);
    let top = layout.key_top() + layout.key_rows() * Layout::KEY_LINE + 12;
    canvas.lines(&lines, style, (Layout::MARGIN, top + 14 + (lines.len() as i32 - 1) * 14), 28)
}

/// A gradient bar over levels ½ to 5½ with each level's name under its own position.
fn draw_colour_bar(canvas: &Canvas<'_, '_>, layout: &Layout, levels: &[String; 5]) -> Result<(), ChartError> {
    const HEIGHT: i32 = 22;
    let left = Layout::MARGIN;
    let width = Layout::WIDTH - 2 * Layout::MARGIN;
    let top = layout.bar_top() + 8;
    let level_at = |dx: i32| {
        LOWEST_LEVEL - 0.5 + (HIGHEST_LEVEL - LOWEST_LEVEL + 1.0) * f64::from(dx) / f64::from(width)
    };
    for dx in 0..width {
        let strip = [(left + dx, top), (left + dx + 1, top + HEIGHT)];
        canvas.area.draw(&Rectangle::new(strip, level_colour(level_at(dx)).filled()))?;
    }
    let style = Lettering::new(22.0, INK, Align::Centre);
    let slot = width / 5;
    for (step, name) in (0..5).zip(levels) {
        let x = left + step * slot + slot / 2;
        canvas.area.draw(&PathElement::new([(x, top + HEIGHT), (x, top + HEIGHT + 8)], MUTED))?;
        let lines = canvas.wrap(&format!("{} {name}", step + 1), style, slot - 8, 2);
        canvas.lines(&lines, style, (x, top + HEIGHT + 28 + (lines.len() as i32 - 1) * 13), 26)?;
    }
    Ok(())
}

/// The colour of a level on the `YlGnBu` scale; values are clamped to 1..=5.
fn level_colour(value: f64) -> RGBColor {
    let position = value.clamp(LOWEST_LEVEL, HIGHEST_LEVEL) - LOWEST_LEVEL;
    let lower = (position.floor() as usize).min(LEVEL_SCALE.len() - 2);
    let t = position - lower as f64;
    let (a, b) = (LEVEL_SCALE[lower], LEVEL_SCALE[lower + 1]);
    let mix = |x: u8, y: u8| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as u8;
    RGBColor(mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// Dark text on light cells, white text on dark ones.
fn ink_on(fill: RGBColor) -> RGBColor {
    let brightness = 0.299 * f64::from(fill.0) + 0.587 * f64::from(fill.1) + 0.114 * f64::from(fill.2);
    if brightness > 128.0 { INK } else { WHITE }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chart::test_support::assert_png;

    fn text() -> HeatmapText {
        HeatmapText {
            title: "Mediaan huidig niveau per team".into(),
            caption: "30-11-2026 · pagina 1 van 1 · teams 1–4 van 4, de meest verdeelde en zwakste eerst"
                .into(),
            columns: ["A", "B", "C", "D", "E", "F", "G"].map(String::from).to_vec(),
            key: [
                "A Visie & leiderschap",
                "B Datagedreven werken",
                "C Burgergericht & inclusief",
                "D Publieke waarden",
                "E AI-gereedheid",
                "F Vaardigheden",
                "G Cultuur & samenwerking",
            ]
            .map(String::from)
            .to_vec(),
            count: "N".into(),
            how_to_read: "Het getal is de mediaan nu, daaronder de kloof tot de ambitie.".into(),
            levels: ["Nog niet gestart", "Losse initiatieven", "Afgesproken", "Ingebed", "Voorloper"]
                .map(String::from),
        }
    }

    fn row(label: &str, values: [Option<f64>; 7]) -> HeatmapRow {
        HeatmapRow {
            label: label.into(),
            note: "ronde 2".into(),
            count: "12".into(),
            cells: values
                .iter()
                .map(|v| HeatmapCell {
                    value: *v,
                    text: v.map(|v| format!("{v:.1}")).unwrap_or_default(),
                    detail: "+1,0".into(),
                })
                .collect(),
            highlight: false,
        }
    }

    #[test]
    fn a_page_with_empty_cells_fits_a_phone() {
        let rows = vec![
            row(
                "Hele organisatie",
                [Some(2.0), Some(2.5), Some(3.0), Some(3.5), Some(4.0), Some(1.0), Some(5.0)],
            ),
            row(
                "Bestuursondersteuning Sint-Niklaas 2",
                [Some(3.5), None, Some(2.3), Some(1.5), Some(4.5), Some(3.0), Some(2.0)],
            ),
            row("ICT", [None; 7]),
            row(
                "Burgerzaken",
                [Some(4.0), Some(3.0), Some(f64::NAN), Some(2.0), Some(1.0), Some(5.0), Some(3.8)],
            ),
        ];
        let png = heatmap_png(&text(), &rows).unwrap();
        assert_png(&png, (1080, 1026), "heatmap");
    }

    #[test]
    fn a_full_page_stays_within_telegrams_limits() {
        let rows: Vec<HeatmapRow> =
            (0..HEATMAP_ROWS_PER_PAGE).map(|i| row(&format!("Team {i}"), [Some(2.5); 7])).collect();
        let png = heatmap_png(&text(), &rows).unwrap();
        let image = image::load_from_memory(&png).unwrap();
        assert_eq!(image.width(), 1080);
        assert!(image.width() + image.height() <= 10_000 && png.len() <= 10_000_000);
        assert!(image.height() > image.width(), "portrait, for a phone");
    }

    #[test]
    fn more_rows_than_a_page_or_ragged_rows_are_refused() {
        let rows: Vec<HeatmapRow> =
            (0..=HEATMAP_ROWS_PER_PAGE).map(|i| row(&format!("Team {i}"), [Some(2.5); 7])).collect();
        assert!(matches!(heatmap_png(&text(), &rows), Err(ChartError::Shape { .. })));
        let mut ragged = row("x", [Some(1.0); 7]);
        ragged.cells.pop();
        assert!(matches!(heatmap_png(&text(), &[ragged]), Err(ChartError::Shape { rows: 1, columns: 7 })));
        assert!(matches!(heatmap_png(&text(), &[]), Err(ChartError::Empty)));
    }

    #[test]
    fn colour_scale_runs_from_first_to_last_stop() {
        assert_eq!(level_colour(0.0), LEVEL_SCALE[0]);
        assert_eq!(level_colour(1.0), LEVEL_SCALE[0]);
        assert_eq!(level_colour(3.0), LEVEL_SCALE[2]);
        assert_eq!(level_colour(5.0), LEVEL_SCALE[4]);
        assert_eq!(level_colour(9.0), LEVEL_SCALE[4]);
    }
}
