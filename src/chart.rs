//! PNG charts for quick scan results.
//!
//! Two pictures are drawn, both as PNG bytes in memory, ready to be sent as
//! a Telegram photo:
//!
//! * [`profile_png`]: a horizontal maturity profile with one row per
//!   dimension. The current level is a blue bar, the ambition an orange
//!   diamond (so the gap between them is visible at a glance) and, for team
//!   charts, the interquartile range of the members' levels a black whisker.
//!   The value axis runs from level 1 to 5 and is labelled with the level
//!   names.
//! * [`heatmap_png`]: teams × dimensions, each cell coloured by the median
//!   current level and showing the number; cells without data are hatched
//!   grey.
//!
//! All words and numbers come from the caller, already translated and formatted
//! by the one formatter of the reader's language (`Lang::decimal`), so a chart
//! says exactly what the text beside it says.
//!
//! Colours are colour-blind safe: Okabe–Ito blue and orange for the profile,
//! the sequential `ColorBrewer` `YlGnBu` scale for the heatmap.
//!
//! The DejaVu Sans font is compiled into the binary because the machines the
//! bot is built and run on have no fontconfig or system fonts. Embedding it
//! also makes the images identical everywhere and guarantees glyphs for
//! letters such as `ë` and `é`. Plotters draws the shapes into an RGB buffer;
//! text is laid out with `ab_glyph` directly (see [`Canvas`]).

use std::sync::OnceLock;

use ab_glyph::{Font, FontRef, OutlinedGlyph, ScaleFont, point};

use image::ColorType;
use image::ImageEncoder;
use image::codecs::png::PngEncoder;
use plotters::coord::Shift;
use plotters::prelude::*;

/// One dimension of the maturity profile, on the 1-5 scale.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileRow {
    pub label: String,
    pub current: Option<f64>,
    pub ambition: Option<f64>,
    /// Interquartile range (q1, q3) of current levels, team charts only.
    pub spread: Option<(f64, f64)>,
    /// The values in words, drawn under the label ("2.5 → 4, gap 1.5").
    pub note: Option<String>,
}

/// The (translated) words drawn on a profile chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileText {
    pub title: String,
    pub current: String,
    pub ambition: String,
    /// Legend entry for the spread, team charts only.
    pub spread: Option<String>,
    /// The five level names, 1..=5, drawn along the value axis.
    pub levels: [String; 5],
}

/// Why a chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("there is nothing to draw")]
    Empty,
    #[error("heatmap cells do not form a {rows} x {columns} grid matching the labels")]
    Shape { rows: usize, columns: usize },
    #[error("the embedded chart font could not be loaded")]
    Font,
    #[error("drawing the chart failed: {0}")]
    Draw(String),
    #[error("encoding the chart as PNG failed: {0}")]
    Encode(#[from] image::ImageError),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(err: DrawingAreaErrorKind<E>) -> Self {
        Self::Draw(err.to_string())
    }
}

const DEJAVU_SANS: &[u8] = include_bytes!("../assets/DejaVuSans.ttf");

const LOWEST_LEVEL: f64 = 1.0;
const HIGHEST_LEVEL: f64 = 5.0;

const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const MUTED: RGBColor = RGBColor(0x70, 0x70, 0x70);
const GRID: RGBColor = RGBColor(0xD5, 0xD8, 0xDC);
const STRIPE: RGBColor = RGBColor(0xF3, 0xF5, 0xF7);
const CURRENT: RGBColor = RGBColor(0x00, 0x72, 0xB2);
const AMBITION: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
const MISSING: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
const HATCH: RGBColor = RGBColor(0xC4, 0xC4, 0xC4);
/// `ColorBrewer` `YlGnBu`, one stop per level 1..=5.
const LEVEL_SCALE: [RGBColor; 5] = [
    RGBColor(0xFF, 0xFF, 0xCC),
    RGBColor(0xA1, 0xDA, 0xB4),
    RGBColor(0x41, 0xB6, 0xC4),
    RGBColor(0x2C, 0x7F, 0xB8),
    RGBColor(0x25, 0x34, 0x94),
];

type Area<'a> = DrawingArea<BitMapBackend<'a>, Shift>;

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

// ---------------------------------------------------------------------------
// Rendering to PNG

/// The embedded font, parsed once.
fn dejavu_sans() -> Result<&'static FontRef<'static>, ChartError> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(DEJAVU_SANS).ok()).as_ref().ok_or(ChartError::Font)
}

/// Renders `draw` on a white RGB canvas of `size` and encodes it as PNG.
fn render_png(
    size: (u32, u32),
    draw: impl FnOnce(&Canvas<'_, '_>) -> Result<(), ChartError>,
) -> Result<Vec<u8>, ChartError> {
    let font = dejavu_sans()?;
    let (width, height) = size;
    let mut rgb = vec![0_u8; width as usize * height as usize * 3];
    {
        let area = BitMapBackend::with_buffer(&mut rgb, size).into_drawing_area();
        area.fill(&WHITE)?;
        draw(&Canvas { area: &area, font })?;
        area.present()?;
    }
    let mut png = Vec::new();
    PngEncoder::new(&mut png).write_image(&rgb, width, height, ColorType::Rgb8)?;
    Ok(png)
}

// ---------------------------------------------------------------------------
// Text

#[derive(Debug, Clone, Copy)]
enum Align {
    Left,
    Centre,
}

/// Size (in pixels, ascender to descender), colour and alignment of text.
#[derive(Debug, Clone, Copy)]
struct Lettering {
    size: f32,
    colour: RGBColor,
    align: Align,
}

impl Lettering {
    const fn new(size: f32, colour: RGBColor, align: Align) -> Self {
        Self { size, colour, align }
    }
}

/// The drawing area plus the font to write on it with.
///
/// Text is laid out and rasterised with `ab_glyph` directly rather than
/// through plotters' text support, which drops each glyph's side bearing and
/// rounds every glyph to whole pixels, making words visibly uneven
/// ("Samenw erking") at the sizes used here.
struct Canvas<'a, 'b> {
    area: &'a Area<'b>,
    font: &'static FontRef<'static>,
}

impl Canvas<'_, '_> {
    /// Width of `text` in pixels, rounded up.
    fn text_width(&self, text: &str, style: Lettering) -> i32 {
        let font = self.font.as_scaled(style.size);
        let mut width = 0.0;
        let mut previous = None;
        for id in text.chars().map(|c| font.glyph_id(c)) {
            if let Some(previous) = previous {
                width += font.kern(previous, id);
            }
            width += font.h_advance(id);
            previous = Some(id);
        }
        width.ceil() as i32
    }

    /// Draws one line of text, vertically centred on `y` and horizontally
    /// starting at or centred on `x`.
    fn text(&self, text: &str, style: Lettering, (x, y): (i32, i32)) -> Result<(), ChartError> {
        let font = self.font.as_scaled(style.size);
        let mut caret = match style.align {
            Align::Left => x as f32,
            Align::Centre => x as f32 - self.text_width(text, style) as f32 / 2.0,
        };
        let baseline = y as f32 + (font.ascent() + font.descent()) / 2.0;
        let mut previous = None;
        for c in text.chars() {
            let id = font.glyph_id(c);
            if let Some(previous) = previous {
                caret += font.kern(previous, id);
            }
            previous = Some(id);
            let glyph = id.with_scale_and_position(style.size, point(caret, baseline));
            caret += font.h_advance(id);
            if let Some(outline) = self.font.outline_glyph(glyph) {
                self.paint(&outline, style.colour)?;
            }
        }
        Ok(())
    }

    /// Blends an outlined glyph onto the canvas.
    fn paint(&self, outline: &OutlinedGlyph, colour: RGBColor) -> Result<(), ChartError> {
        let origin = outline.px_bounds().min;
        let mut pixels = Vec::new();
        outline.draw(|x, y, coverage| {
            if coverage > 0.0 {
                pixels.push((x as i32, y as i32, coverage.min(1.0)));
            }
        });
        for (x, y, coverage) in pixels {
            let position = (origin.x as i32 + x, origin.y as i32 + y);
            self.area.draw_pixel(position, &colour.mix(f64::from(coverage)))?;
        }
        Ok(())
    }

    /// Draws `lines` vertically centred on `centre_y`.
    fn lines(
        &self,
        lines: &[String],
        style: Lettering,
        (x, centre_y): (i32, i32),
        line_height: i32,
    ) -> Result<(), ChartError> {
        let count = i32::try_from(lines.len()).unwrap_or(0);
        let first = centre_y - (count - 1) * line_height / 2;
        for (line, y) in lines.iter().zip((first..).step_by(line_height as usize)) {
            self.text(line, style, (x, y))?;
        }
        Ok(())
    }

    /// Shortens `text` with an ellipsis until it is at most `max_width` wide.
    fn ellipsize(&self, text: &str, style: Lettering, max_width: i32) -> String {
        if self.text_width(text, style) <= max_width {
            return text.to_owned();
        }
        let mut chars: Vec<char> = text.chars().collect();
        while chars.pop().is_some() {
            let kept: String = chars.iter().collect();
            let candidate = format!("{}…", kept.trim_end());
            if self.text_width(&candidate, style) <= max_width {
                return candidate;
            }
        }
        "…".to_owned()
    }

    /// Breaks `text` at spaces into at most `max_lines` lines of at most
    /// `max_width` pixels; whatever does not fit is cut off with an ellipsis.
    fn wrap(&self, text: &str, style: Lettering, max_width: i32, max_lines: usize) -> Vec<String> {
        let mut lines: Vec<String> = Vec::new();
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if line.is_empty() || self.text_width(&candidate, style) <= max_width {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        if lines.len() > max_lines {
            let overflow = lines.split_off(max_lines.max(1) - 1).join(" ");
            lines.push(overflow);
        }
        lines.iter().map(|line| self.ellipsize(line, style, max_width)).collect()
    }

    fn title(&self, title: &str) -> Result<(), ChartError> {
        let style = Lettering::new(30.0, INK, Align::Centre);
        let (width, _) = self.area.dim_in_pixel();
        let width = i32::try_from(width).unwrap_or(i32::MAX);
        let title = self.ellipsize(title, style, width - 48);
        self.text(&title, style, (width / 2, 36))
    }
}

// ---------------------------------------------------------------------------
// Profile chart

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

/// A width and height in pixels as the backend wants them.
fn pixels(width: i32, height: i32) -> (u32, u32) {
    let clamp = |v: i32| u32::try_from(v).unwrap_or(0);
    (clamp(width), clamp(height))
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

// ---------------------------------------------------------------------------
// Heatmap

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

    const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// Checks the bytes are a PNG of the given size and, if
    /// `PEILBOT_CHART_DIR` is set, writes it there for a visual check.
    fn assert_png(png: &[u8], size: (u32, u32), name: &str) {
        assert!(png.starts_with(&PNG_SIGNATURE), "{name}: no PNG signature");
        let image = image::load_from_memory_with_format(png, image::ImageFormat::Png)
            .unwrap_or_else(|err| panic!("{name}: does not decode: {err}"));
        assert_eq!((image.width(), image.height()), size, "{name}: wrong size");
        if let Some(dir) = std::env::var_os("PEILBOT_CHART_DIR") {
            let path = std::path::Path::new(&dir).join(format!("{name}.png"));
            std::fs::write(path, png).expect("write chart");
        }
    }

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
    fn long_text_is_wrapped_and_shortened_to_fit() {
        let mut rgb = vec![0_u8; 40 * 40 * 3];
        let area = BitMapBackend::with_buffer(&mut rgb, (40, 40)).into_drawing_area();
        let canvas = Canvas { area: &area, font: dejavu_sans().unwrap() };
        let style = Lettering::new(20.0, INK, Align::Left);
        let text = "E Dienstverlening aan inwoners, ondernemers en instellingen";
        let lines = canvas.wrap(text, style, 200, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|line| canvas.text_width(line, style) <= 200));
        assert!(lines[0].starts_with("E Dienstverlening"));
        assert!(lines[1].ends_with('…'));
        assert_eq!(canvas.wrap("Kort", style, 200, 2), ["Kort"]);
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
