//! The heatmap: teams × dimensions, each cell coloured by its median current
//! level on the `YlGnBu` scale (or hatched grey without data), with the
//! colour scale as a legend below.

use plotters::prelude::*;

use super::canvas::{Align, Canvas, Lettering};
use super::{
    Area, ChartError, HATCH, HIGHEST_LEVEL, INK, LEVEL_SCALE, LOWEST_LEVEL, MISSING, MUTED, pixels,
    render_png,
};

/// Draws a teams × dimensions heatmap of median current levels.
///
/// `cells[r][c]` belongs to `row_labels[r]` and `column_labels[c]`. Each cell
/// shows its value as `number` writes it; `None` (or a
/// non-finite value) is drawn as an empty, hatched grey cell. The image is
/// about 1000 px wide for seven columns (narrower for fewer, at least 640
/// px) and 50 px higher for every row.
///
/// # Errors
///
/// [`ChartError::Empty`] without rows or columns, [`ChartError::Shape`] if
/// `cells` is not a `row_labels.len()` × `column_labels.len()` grid;
/// otherwise only if drawing or PNG encoding fails.
pub fn heatmap_png(
    title: &str,
    row_labels: &[String],
    column_labels: &[String],
    cells: &[Vec<Option<f64>>],
    number: impl Fn(f64) -> String,
) -> Result<Vec<u8>, ChartError> {
    check_grid(row_labels, column_labels, cells)?;
    let layout = HeatmapLayout::new(row_labels.len(), column_labels.len());
    render_png(layout.size(), |canvas| {
        canvas.title(title)?;
        draw_column_labels(canvas, &layout, column_labels)?;
        draw_row_labels(canvas, &layout, row_labels)?;
        draw_cells(canvas, &layout, cells, &number)?;
        draw_colour_scale(canvas, &layout)
    })
}

fn check_grid(
    row_labels: &[String],
    column_labels: &[String],
    cells: &[Vec<Option<f64>>],
) -> Result<(), ChartError> {
    if row_labels.is_empty() || column_labels.is_empty() {
        return Err(ChartError::Empty);
    }
    let fits = cells.len() == row_labels.len() && cells.iter().all(|row| row.len() == column_labels.len());
    if fits {
        Ok(())
    } else {
        Err(ChartError::Shape { rows: row_labels.len(), columns: column_labels.len() })
    }
}

/// Top-left and bottom-right corner of a rectangle.
type Corners = ((i32, i32), (i32, i32));

/// Pixel geometry of the heatmap.
struct HeatmapLayout {
    rows: i32,
    columns: i32,
}

impl HeatmapLayout {
    const LABEL_LEFT: i32 = 24;
    const MIN_WIDTH: i32 = 640;
    const GRID_LEFT: i32 = 260;
    /// Room for the columns in a 1000 px wide image.
    const GRID_WIDTH: i32 = 716;
    const RIGHT_MARGIN: i32 = 24;
    const MIN_COLUMN_WIDTH: i32 = 64;
    const MAX_COLUMN_WIDTH: i32 = 140;
    const GRID_TOP: i32 = 150;
    const ROW_HEIGHT: i32 = 50;
    const GAP: i32 = 3;
    const SCALE_HEIGHT: i32 = 84;

    fn new(rows: usize, columns: usize) -> Self {
        Self {
            rows: i32::try_from(rows).unwrap_or(i32::MAX),
            columns: i32::try_from(columns).unwrap_or(i32::MAX).max(1),
        }
    }

    fn size(&self) -> (u32, u32) {
        let width = (self.grid_right() + Self::RIGHT_MARGIN).max(Self::MIN_WIDTH);
        pixels(width, self.grid_bottom() + Self::SCALE_HEIGHT)
    }

    fn grid_bottom(&self) -> i32 {
        Self::GRID_TOP + self.rows * Self::ROW_HEIGHT
    }

    fn grid_right(&self) -> i32 {
        Self::GRID_LEFT + self.columns * self.column_width()
    }

    fn column_width(&self) -> i32 {
        (Self::GRID_WIDTH / self.columns).clamp(Self::MIN_COLUMN_WIDTH, Self::MAX_COLUMN_WIDTH)
    }

    fn column_centre(&self, column: usize) -> i32 {
        let ((left, _), (right, _)) = self.cell(0, column);
        (left + right) / 2
    }

    fn row_centre(&self, row: usize) -> i32 {
        let ((_, top), (_, bottom)) = self.cell(row, 0);
        (top + bottom) / 2
    }

    /// The corners of a cell, leaving a white gap to its neighbours.
    fn cell(&self, row: usize, column: usize) -> Corners {
        let x = Self::GRID_LEFT + i32::try_from(column).unwrap_or(0) * self.column_width();
        let y = Self::GRID_TOP + i32::try_from(row).unwrap_or(0) * Self::ROW_HEIGHT;
        let size = (self.column_width() - Self::GAP, Self::ROW_HEIGHT - Self::GAP);
        ((x, y), (x + size.0, y + size.1))
    }
}

/// Column labels, wrapped to the column width and aligned on their last line.
fn draw_column_labels(
    canvas: &Canvas<'_, '_>,
    layout: &HeatmapLayout,
    labels: &[String],
) -> Result<(), ChartError> {
    const LINE_HEIGHT: i32 = 21;
    let style = Lettering::new(18.0, INK, Align::Centre);
    let last_line = HeatmapLayout::GRID_TOP - 16;
    for (column, label) in labels.iter().enumerate() {
        let lines = canvas.wrap(label, style, layout.column_width() - 8, 3);
        let centre = last_line - (lines.len() as i32 - 1) * LINE_HEIGHT / 2;
        canvas.lines(&lines, style, (layout.column_centre(column), centre), LINE_HEIGHT)?;
    }
    Ok(())
}

fn draw_row_labels(
    canvas: &Canvas<'_, '_>,
    layout: &HeatmapLayout,
    labels: &[String],
) -> Result<(), ChartError> {
    let style = Lettering::new(20.0, INK, Align::Left);
    let max_width = HeatmapLayout::GRID_LEFT - HeatmapLayout::LABEL_LEFT - 14;
    for (row, label) in labels.iter().enumerate() {
        let lines = canvas.wrap(label, style, max_width, 2);
        let anchor = (HeatmapLayout::LABEL_LEFT, layout.row_centre(row));
        canvas.lines(&lines, style, anchor, 21)?;
    }
    Ok(())
}

fn draw_cells(
    canvas: &Canvas<'_, '_>,
    layout: &HeatmapLayout,
    cells: &[Vec<Option<f64>>],
    number: &impl Fn(f64) -> String,
) -> Result<(), ChartError> {
    for (row, values) in cells.iter().enumerate() {
        for (column, value) in values.iter().enumerate() {
            let corners = layout.cell(row, column);
            match value.filter(|v| v.is_finite()) {
                Some(value) => draw_value_cell(canvas, corners, value, &number(value))?,
                None => draw_missing_cell(canvas.area, corners)?,
            }
        }
    }
    Ok(())
}

/// A cell coloured by its level with the value written in it.
fn draw_value_cell(
    canvas: &Canvas<'_, '_>,
    (from, to): Corners,
    value: f64,
    text: &str,
) -> Result<(), ChartError> {
    let fill = level_colour(value);
    canvas.area.draw(&Rectangle::new([from, to], fill.filled()))?;
    let style = Lettering::new(22.0, ink_on(fill), Align::Centre);
    let centre = ((from.0 + to.0) / 2, (from.1 + to.1) / 2);
    canvas.text(text, style, centre)
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

/// A horizontal gradient legend for the 1..=5 colour scale.
fn draw_colour_scale(canvas: &Canvas<'_, '_>, layout: &HeatmapLayout) -> Result<(), ChartError> {
    const WIDTH: i32 = 360;
    const HEIGHT: i32 = 16;
    let area = canvas.area;
    let left = (HeatmapLayout::GRID_LEFT + layout.grid_right() - WIDTH) / 2;
    let top = layout.grid_bottom() + 20;
    for dx in 0..WIDTH {
        let share = f64::from(dx) / f64::from(WIDTH - 1);
        let value = LOWEST_LEVEL + (HIGHEST_LEVEL - LOWEST_LEVEL) * share;
        let strip = [(left + dx, top), (left + dx + 1, top + HEIGHT)];
        area.draw(&Rectangle::new(strip, level_colour(value).filled()))?;
    }
    let style = Lettering::new(18.0, MUTED, Align::Centre);
    for step in 0..5 {
        let x = left + step * (WIDTH - 1) / 4;
        let tick = [(x, top + HEIGHT), (x, top + HEIGHT + 6)];
        area.draw(&PathElement::new(tick, MUTED))?;
        canvas.text(&(step + 1).to_string(), style, (x, top + HEIGHT + 20))?;
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

    fn labels(names: &[&str]) -> Vec<String> {
        names.iter().map(|&name| name.to_owned()).collect()
    }

    #[test]
    fn heatmap_with_empty_cells() {
        let rows = labels(&["Burgerzaken", "Financiën", "Ruimtelijke ordening", "ICT"]);
        let columns = labels(&[
            "A Visie & leiderschap",
            "B Organisatie & cultuur",
            "C Data & informatiehuishouding",
            "D Publieke waarden",
            "E Dienstverlening",
            "F Technologie",
            "G Samenwerking",
        ]);
        let cells = vec![
            vec![Some(1.0), Some(2.0), Some(3.0), Some(4.0), Some(5.0), Some(2.5), None],
            vec![Some(3.5), None, Some(2.25), Some(1.5), Some(4.5), Some(3.0), Some(2.0)],
            vec![None, None, None, None, None, None, None],
            vec![Some(4.0), Some(3.0), Some(f64::NAN), Some(2.0), Some(1.0), Some(5.0), Some(3.75)],
        ];
        let png =
            heatmap_png("Mediaan huidig niveau per team", &rows, &columns, &cells, |v| format!("{v:.1}"))
                .unwrap();
        assert_png(&png, (998, 434), "heatmap");
    }

    #[test]
    fn heatmap_with_one_cell() {
        let png = heatmap_png("Één team", &labels(&["Team é"]), &labels(&["A"]), &[vec![None]], |v| {
            format!("{v:.1}")
        })
        .unwrap();
        assert_png(&png, (640, 284), "heatmap_one_cell");
    }

    #[test]
    fn heatmap_rejects_ragged_cells() {
        let result = heatmap_png("x", &labels(&["a", "b"]), &labels(&["c"]), &[vec![Some(1.0)]], |v| {
            format!("{v:.1}")
        });
        assert!(matches!(result, Err(ChartError::Shape { rows: 2, columns: 1 })));
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
