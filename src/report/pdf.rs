//! Laying out a report's blocks on A4 pages and writing them as a PDF with krilla.
//!
//! The one font is the embedded DejaVu Sans (krilla embeds the glyphs used as a subset,
//! with a Unicode map, so the text can be searched and extracted). Lines are broken at
//! spaces by the font's own advances; a block that does not fit starts a new page.

use ab_glyph::{Font as _, FontRef};
use krilla::color::rgb;
use krilla::geom::{Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::text::{Font, TextDirection};
use krilla::{Data, Document};

use crate::chart::DEJAVU_SANS;
use crate::present::report::Block;

/// A4 in points.
const PAGE: (f32, f32) = (595.28, 841.89);
const MARGIN: f32 = 56.0;
const WIDTH: f32 = PAGE.0 - 2.0 * MARGIN;
/// The chart's largest size on the page.
const CHART_MAX: (f32, f32) = (380.0, 520.0);

const INK: (u8, u8, u8) = (0x22, 0x22, 0x22);
const MUTED: (u8, u8, u8) = (0x60, 0x60, 0x60);

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be read")]
    Font,
    #[error("the chart could not be embedded: {0}")]
    Image(String),
    #[error("the PDF could not be written: {0:?}")]
    Write(krilla::error::KrillaError),
}

/// Type for one kind of block: size, line height, colour, space before.
struct Style {
    size: f32,
    leading: f32,
    colour: (u8, u8, u8),
    before: f32,
}

const TITLE: Style = Style { size: 22.0, leading: 28.0, colour: INK, before: 0.0 };
const HEADING: Style = Style { size: 14.0, leading: 19.0, colour: INK, before: 16.0 };
const PARAGRAPH: Style = Style { size: 10.5, leading: 15.0, colour: INK, before: 5.0 };
const NOTE: Style = Style { size: 10.0, leading: 14.0, colour: MUTED, before: 6.0 };

/// Something placed on a page: a line of text (`y` is its baseline) or the chart.
enum Placed {
    Text { x: f32, y: f32, size: f32, colour: (u8, u8, u8), text: String },
    Chart { x: f32, y: f32, size: (f32, f32) },
}

/// The blocks as a PDF: A4, the font embedded, `title` and `lang` in its metadata.
pub fn render(
    blocks: &[Block],
    chart_png: Option<&[u8]>,
    title: &str,
    lang: &str,
) -> Result<Vec<u8>, PdfError> {
    let measure = FontRef::try_from_slice(DEJAVU_SANS).map_err(|_| PdfError::Font)?;
    let chart_png = chart_png.unwrap_or_default();
    let chart_size = if chart_png.is_empty() { (1.0, 1.0) } else { png_size(chart_png)? };
    let pages = layout(blocks, &measure, chart_size);

    let font = Font::new(Data::from(DEJAVU_SANS), 0).ok_or(PdfError::Font)?;
    let image = if chart_png.is_empty() {
        None
    } else {
        Some(Image::from_png(Data::from(chart_png.to_vec()), true).map_err(PdfError::Image)?)
    };
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new().title(title.to_string()).language(lang.to_string()).creator("peilbot".into()),
    );
    for placed in pages {
        let settings = PageSettings::from_wh(PAGE.0, PAGE.1).expect("A4 is a valid size");
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for item in placed {
            match item {
                Placed::Text { x, y, size, colour, text } => {
                    surface.set_fill(Some(Fill {
                        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
                        ..Fill::default()
                    }));
                    surface.draw_text(
                        Point::from_xy(x, y),
                        font.clone(),
                        size,
                        &text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Placed::Chart { x, y, size } => {
                    let Some(image) = &image else { continue };
                    surface.push_transform(&Transform::from_translate(x, y));
                    let size =
                        Size::from_wh(size.0, size.1).ok_or_else(|| PdfError::Image("empty".into()))?;
                    surface.draw_image(image.clone(), size);
                    surface.pop();
                }
            }
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(PdfError::Write)
}

/// The blocks on pages, top to bottom.
fn layout(blocks: &[Block], font: &FontRef<'_>, chart: (f32, f32)) -> Vec<Vec<Placed>> {
    let bottom = PAGE.1 - MARGIN;
    let mut pages: Vec<Vec<Placed>> = vec![Vec::new()];
    let mut y = MARGIN;
    for block in blocks {
        let (style, text) = match block {
            Block::Title(text) => (&TITLE, text),
            Block::Heading(text) => (&HEADING, text),
            Block::Paragraph(text) => (&PARAGRAPH, text),
            Block::Note(text) => (&NOTE, text),
            Block::Chart => {
                let scale = (CHART_MAX.0 / chart.0).min(CHART_MAX.1 / chart.1);
                let size = (chart.0 * scale, chart.1 * scale);
                if y + 10.0 + size.1 > bottom {
                    pages.push(Vec::new());
                    y = MARGIN;
                }
                let x = MARGIN + (WIDTH - size.0) / 2.0;
                pages.last_mut().expect("a page").push(Placed::Chart { x, y: y + 10.0, size });
                y += 10.0 + size.1;
                continue;
            }
        };
        let lines = wrap(font, text, style.size, WIDTH);
        // A heading stays with the first lines of what follows it.
        let keep = if matches!(block, Block::Heading(_)) { 3.0 * PARAGRAPH.leading } else { 0.0 };
        let first = y + style.before + style.leading;
        if first + keep > bottom && y > MARGIN {
            pages.push(Vec::new());
            y = MARGIN;
        } else {
            y += style.before;
        }
        for line in lines {
            if y + style.leading > bottom {
                pages.push(Vec::new());
                y = MARGIN;
            }
            y += style.leading;
            let text = Placed::Text {
                x: MARGIN,
                y: y - style.leading * 0.25,
                size: style.size,
                colour: style.colour,
                text: line,
            };
            pages.last_mut().expect("a page").push(text);
        }
    }
    pages
}

/// Breaks `text` at spaces (and at its own line breaks) into lines of at most `width`.
fn wrap(font: &FontRef<'_>, text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_string() } else { format!("{line} {word}") };
            if line.is_empty() || text_width(font, &candidate, size) <= width {
                line = candidate;
            } else {
                lines.push(std::mem::replace(&mut line, word.to_string()));
            }
        }
        lines.push(line);
    }
    lines
}

/// The width of a line of text at `size` points, from the font's advances and kerning.
fn text_width(font: &FontRef<'_>, text: &str, size: f32) -> f32 {
    let scale = size / font.units_per_em().unwrap_or(2048.0);
    let mut width = 0.0;
    let mut previous = None;
    for id in text.chars().map(|c| font.glyph_id(c)) {
        if let Some(previous) = previous {
            width += font.kern_unscaled(previous, id);
        }
        width += font.h_advance_unscaled(id);
        previous = Some(id);
    }
    width * scale
}

/// A PNG's width and height in pixels.
fn png_size(png: &[u8]) -> Result<(f32, f32), PdfError> {
    let image = image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .map_err(|err| PdfError::Image(err.to_string()))?;
    Ok((image.width() as f32, image.height() as f32))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_wraps_within_the_page_and_keeps_every_word() {
        let font = FontRef::try_from_slice(DEJAVU_SANS).unwrap();
        let text =
            "Medianen over het hele team, op een schaal van 1 tot 5, afgerond op één decimaal. ".repeat(6);
        let lines = wrap(&font, &text, PARAGRAPH.size, WIDTH);
        assert!(lines.len() > 3, "{lines:?}");
        assert!(lines.iter().all(|line| text_width(&font, line, PARAGRAPH.size) <= WIDTH));
        assert_eq!(lines.join(" ").split_whitespace().count(), text.split_whitespace().count());
    }

    #[test]
    fn many_blocks_flow_onto_more_pages() {
        let font = FontRef::try_from_slice(DEJAVU_SANS).unwrap();
        let blocks: Vec<Block> = (0..80).map(|i| Block::Paragraph(format!("Paragraph {i}"))).collect();
        let pages = layout(&blocks, &font, (1080.0, 1500.0));
        assert!(pages.len() >= 2);
        for page in &pages {
            for placed in page {
                if let Placed::Text { y, .. } = placed {
                    assert!(*y > MARGIN && *y < PAGE.1 - MARGIN);
                }
            }
        }
    }
}
