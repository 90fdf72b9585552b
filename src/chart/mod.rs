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
//! * [`heatmap_png`]: one page of teams × dimensions for the organisation
//!   view, each cell coloured by the median current level and showing it with
//!   the gap to the ambition; cells without data are hatched grey. At most
//!   [`HEATMAP_ROWS_PER_PAGE`] rows, so every page is a photo Telegram accepts.
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
//! letters such as `ë` and `é`. Plotters draws the shapes into a buffer of palette
//! indices (`raster`); text is laid out with `ab_glyph` directly.
//!
//! One file per picture: this one holds the public types, the shared palette
//! and the rendering to PNG; `raster` holds the pixels and writes the PNG, `canvas` lays out text (and loads the font),
//! `profile` draws the profile and `heatmap` the heatmap.

mod canvas;
mod heatmap;
mod profile;
mod raster;

pub(crate) use canvas::DEJAVU_SANS;
pub use heatmap::{
    HEATMAP_ROWS_PER_PAGE, HEATMAP_SMALLEST_TEXT, HEATMAP_WIDTH, HeatmapCell, HeatmapRow, HeatmapText,
    heatmap_png, heatmap_rows_within,
};
pub use profile::profile_png;

use std::cell::RefCell;

use plotters::coord::Shift;
use plotters::prelude::*;

use canvas::{Canvas, dejavu_sans};
use raster::{Raster, RasterBackend};

/// A chart, kept as what it shows until a channel that shows pictures asks for its PNG:
/// drawing takes more than the rest of a reply, and a channel that links to the picture (a
/// web page) or shows none (the terminal) should not pay for it.
#[derive(Debug, Clone, PartialEq)]
pub enum Picture {
    Profile { rows: Vec<ProfileRow>, text: ProfileText },
    Heatmap { text: HeatmapText, rows: Vec<HeatmapRow> },
}

impl Picture {
    pub fn png(&self) -> Result<Vec<u8>, ChartError> {
        match self {
            Picture::Profile { rows, text } => profile_png(rows, text),
            Picture::Heatmap { text, rows } => heatmap_png(text, rows),
        }
    }
}

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
    /// The previous round's median current level, team charts only.
    pub previous: Option<f64>,
}

/// The (translated) words drawn on a profile chart.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileText {
    pub title: String,
    pub current: String,
    pub ambition: String,
    /// Legend entry for the spread, team charts only.
    pub spread: Option<String>,
    /// Legend entry for the previous round's marker ("Round 1"), when there is one.
    pub previous: Option<String>,
    /// The facts under the title: how many people, the date, the share of "don't know".
    pub facts: Option<String>,
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
    Encode(#[from] png::EncodingError),
}

impl<E: std::error::Error + Send + Sync> From<DrawingAreaErrorKind<E>> for ChartError {
    fn from(err: DrawingAreaErrorKind<E>) -> Self {
        Self::Draw(err.to_string())
    }
}

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

type Area<'a> = DrawingArea<RasterBackend<'a>, Shift>;

/// Renders `draw` on a white canvas of `size` and encodes it as PNG.
fn render_png(
    size: (u32, u32),
    draw: impl FnOnce(&Canvas<'_, '_>) -> Result<(), ChartError>,
) -> Result<Vec<u8>, ChartError> {
    let font = dejavu_sans()?;
    let raster = RefCell::new(Raster::white(size));
    {
        let area = RasterBackend::new(&raster).into_drawing_area();
        draw(&Canvas { area: &area, raster: &raster, font })?;
        area.present()?;
    }
    raster.into_inner().png()
}

/// Runs `measure` on a canvas that is never drawn on: for laying out text (wrapping,
/// widths) before the size of a picture is known.
fn measure<T>(measure: impl FnOnce(&Canvas<'_, '_>) -> T) -> Result<T, ChartError> {
    let font = dejavu_sans()?;
    let pixel = RefCell::new(Raster::white((1, 1)));
    let area = RasterBackend::new(&pixel).into_drawing_area();
    Ok(measure(&Canvas { area: &area, raster: &pixel, font }))
}

/// A width and height in pixels as the backend wants them.
fn pixels(width: i32, height: i32) -> (u32, u32) {
    let clamp = |v: i32| u32::try_from(v).unwrap_or(0);
    (clamp(width), clamp(height))
}

/// A check shared by the tests of both pictures.
#[cfg(test)]
mod test_support {
    const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// Checks the bytes are a PNG of the given size and, if
    /// `PEILBOT_CHART_DIR` is set, writes it there for a visual check.
    pub(super) fn assert_png(png: &[u8], size: (u32, u32), name: &str) {
        assert!(png.starts_with(&PNG_SIGNATURE), "{name}: no PNG signature");
        let image = image::load_from_memory_with_format(png, image::ImageFormat::Png)
            .unwrap_or_else(|err| panic!("{name}: does not decode: {err}"));
        assert_eq!((image.width(), image.height()), size, "{name}: wrong size");
        if let Some(dir) = std::env::var_os("PEILBOT_CHART_DIR") {
            let path = std::path::Path::new(&dir).join(format!("{name}.png"));
            std::fs::write(path, png).expect("write chart");
        }
    }
}
