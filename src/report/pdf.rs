//! Laying out a report's blocks on A4 pages and writing them as a PDF with krilla.
//!
//! The one font is the embedded DejaVu Sans (krilla embeds the glyphs used as a subset,
//! with a Unicode map, so the text can be searched and extracted). Lines are broken at
//! spaces by the font's own advances; a block that does not fit starts a new page.

use ab_glyph::{Font as _, FontRef};
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
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
const SUBHEADING: Style = Style { size: 12.0, leading: 16.0, colour: INK, before: 12.0 };
const CELL: Style = Style { size: 9.5, leading: 13.0, colour: INK, before: 0.0 };
/// Space inside a table cell, around its text.
const CELL_PADDING: f32 = 4.0;
const RULE: (u8, u8, u8) = (0x99, 0x99, 0x99);
const PARAGRAPH: Style = Style { size: 10.5, leading: 15.0, colour: INK, before: 5.0 };
const NOTE: Style = Style { size: 10.0, leading: 14.0, colour: MUTED, before: 6.0 };
/// Under its paragraph, with no space between them.
const DETAIL: Style = Style { size: 10.0, leading: 14.0, colour: MUTED, before: 0.0 };

/// The height of a page's content, in points: a full-width chart that fits it prints
/// on one page.
pub const CONTENT_HEIGHT: f32 = PAGE.1 - 2.0 * MARGIN;
/// The width of a page's content, in points.
pub const CONTENT_WIDTH: f32 = WIDTH;

/// Something placed on a page: a line of text (`y` is its baseline), a chart, or a
/// table cell's frame.
enum Placed {
    Text { x: f32, y: f32, size: f32, colour: (u8, u8, u8), text: String },
    Chart { index: usize, x: f32, y: f32, size: (f32, f32) },
    Frame { x: f32, y: f32, width: f32, height: f32 },
}

/// The blocks as a PDF: A4, the font embedded, `title` and `lang` in its metadata.
pub fn render(blocks: &[Block], charts: &[Vec<u8>], title: &str, lang: &str) -> Result<Vec<u8>, PdfError> {
    let measure = FontRef::try_from_slice(DEJAVU_SANS).map_err(|_| PdfError::Font)?;
    let sizes = charts.iter().map(|png| png_size(png)).collect::<Result<Vec<_>, _>>()?;
    let pages = layout(blocks, &measure, &sizes);

    let font = Font::new(Data::from(DEJAVU_SANS), 0).ok_or(PdfError::Font)?;
    let images = charts
        .iter()
        .map(|png| Image::from_png(Data::from(png.clone()), true).map_err(PdfError::Image))
        .collect::<Result<Vec<_>, _>>()?;
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
                Placed::Frame { x, y, width, height } => {
                    let mut path = PathBuilder::new();
                    let Some(rect) = Rect::from_xywh(x, y, width, height) else { continue };
                    path.push_rect(rect);
                    let Some(path) = path.finish() else { continue };
                    surface.set_fill(None);
                    surface.set_stroke(Some(Stroke {
                        paint: rgb::Color::new(RULE.0, RULE.1, RULE.2).into(),
                        width: 0.6,
                        ..Stroke::default()
                    }));
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                }
                Placed::Chart { index, x, y, size } => {
                    let Some(image) = images.get(index) else { continue };
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

/// The blocks on pages, top to bottom; `charts` are the charts' sizes in pixels.
fn layout(blocks: &[Block], font: &FontRef<'_>, charts: &[(f32, f32)]) -> Vec<Vec<Placed>> {
    let mut pages = Pages { pages: vec![Vec::new()], y: MARGIN };
    for (at, block) in blocks.iter().enumerate() {
        let (style, text) = match block {
            Block::Title(text) => (&TITLE, text),
            Block::Heading(text) => (&HEADING, text),
            Block::Subheading(text) => (&SUBHEADING, text),
            Block::Paragraph(text) => (&PARAGRAPH, text),
            Block::Note(text) => (&NOTE, text),
            Block::Detail(text) => (&DETAIL, text),
            Block::PageBreak => {
                pages.break_page();
                continue;
            }
            Block::Chart { index, full_width } => {
                let Some(&chart) = charts.get(*index) else { continue };
                let (max_width, max_height) = if *full_width { (WIDTH, CONTENT_HEIGHT) } else { CHART_MAX };
                let scale = (max_width / chart.0).min(max_height / chart.1);
                let size = (chart.0 * scale, chart.1 * scale);
                pages.room_for(10.0 + size.1);
                let x = MARGIN + (WIDTH - size.0) / 2.0;
                let y = if pages.y == MARGIN { MARGIN } else { pages.y + 10.0 };
                pages.place(Placed::Chart { index: *index, x, y, size });
                pages.y = y + size.1;
                continue;
            }
            Block::Table { columns, rows, widths } => {
                table(&mut pages, font, columns, rows, widths);
                continue;
            }
        };
        let lines = wrap(font, text, style.size, WIDTH);
        // A heading stays with the first lines of what follows it (a table's header and
        // first row, or a paragraph's first lines); a paragraph stays whole with the details
        // under it (a theme's line and its spread), which read as one.
        let keep = match (block, blocks.get(at + 1)) {
            (Block::Heading(_) | Block::Subheading(_), Some(Block::Table { .. })) => 4.0 * CELL.leading,
            (Block::Heading(_) | Block::Subheading(_), _) => 3.0 * PARAGRAPH.leading,
            (Block::Paragraph(_), Some(Block::Detail(_))) => {
                let details = blocks[at + 1..].iter().map_while(|next| match next {
                    Block::Detail(detail) => Some(wrap(font, detail, DETAIL.size, WIDTH).len()),
                    _ => None,
                });
                (lines.len() - 1) as f32 * style.leading + details.sum::<usize>() as f32 * DETAIL.leading
            }
            _ => 0.0,
        };
        if pages.y + style.before + style.leading + keep > BOTTOM && pages.y > MARGIN {
            pages.break_page();
        } else {
            pages.y += style.before;
        }
        for line in lines {
            pages.room_for(style.leading);
            pages.y += style.leading;
            let y = pages.y - style.leading * 0.25;
            pages.place(Placed::Text { x: MARGIN, y, size: style.size, colour: style.colour, text: line });
        }
    }
    pages.pages
}

const BOTTOM: f32 = PAGE.1 - MARGIN;

/// The pages so far and how far down the last one is filled.
struct Pages {
    pages: Vec<Vec<Placed>>,
    y: f32,
}

impl Pages {
    fn place(&mut self, placed: Placed) {
        self.pages.last_mut().expect("a page").push(placed);
    }

    /// A new page, unless the current one is still empty.
    fn break_page(&mut self) {
        if self.pages.last().is_some_and(|page| !page.is_empty()) {
            self.pages.push(Vec::new());
        }
        self.y = MARGIN;
    }

    /// Starts a new page when `height` more does not fit on this one.
    fn room_for(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > MARGIN {
            self.break_page();
        }
    }
}

/// A table: the header row, then each row, framed, its cells wrapped within their
/// columns; a row that does not fit starts a new page, which repeats the header.
fn table(pages: &mut Pages, font: &FontRef<'_>, columns: &[String], rows: &[Vec<String>], widths: &[f32]) {
    let total: f32 = widths.iter().sum::<f32>().max(f32::EPSILON);
    let widths: Vec<f32> = widths.iter().map(|w| w / total * WIDTH).collect();
    let row_lines = |cells: &[String]| -> Vec<Vec<String>> {
        cells
            .iter()
            .zip(&widths)
            .map(|(cell, width)| wrap(font, cell, CELL.size, width - 2.0 * CELL_PADDING))
            .collect()
    };
    let height = |lines: &[Vec<String>]| {
        let most = lines.iter().map(Vec::len).max().unwrap_or(1).max(1);
        most as f32 * CELL.leading + 2.0 * CELL_PADDING
    };
    let header = row_lines(columns);
    let draw = |pages: &mut Pages, lines: &[Vec<String>], colour| {
        let row_height = height(lines);
        let mut x = MARGIN;
        for (cell, width) in lines.iter().zip(&widths) {
            pages.place(Placed::Frame { x, y: pages.y, width: *width, height: row_height });
            for (n, line) in cell.iter().enumerate() {
                let y = pages.y + CELL_PADDING + (n + 1) as f32 * CELL.leading - CELL.leading * 0.25;
                pages.place(Placed::Text {
                    x: x + CELL_PADDING,
                    y,
                    size: CELL.size,
                    colour,
                    text: line.clone(),
                });
            }
            x += width;
        }
        pages.y += row_height;
    };
    pages.y += PARAGRAPH.before;
    pages.room_for(height(&header) + rows.first().map_or(0.0, |row| height(&row_lines(row))));
    draw(pages, &header, MUTED);
    for row in rows {
        let lines = row_lines(row);
        if pages.y + height(&lines) > BOTTOM {
            pages.break_page();
            draw(pages, &header, MUTED);
        }
        draw(pages, &lines, INK);
    }
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

/// A PNG's width and height in pixels, from its header: a heatmap page is 10 MB of pixels,
/// and krilla decodes it once anyway.
fn png_size(png: &[u8]) -> Result<(f32, f32), PdfError> {
    let reader = png::Decoder::new(png).read_info().map_err(|err| PdfError::Image(err.to_string()))?;
    let info = reader.info();
    Ok((info.width as f32, info.height as f32))
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

    /// The page each placed text is on, by its text.
    fn page_of(pages: &[Vec<Placed>], wanted: &str) -> usize {
        let on = |page: &Vec<Placed>| {
            page.iter().any(|p| matches!(p, Placed::Text { text, .. } if text == wanted))
        };
        pages.iter().position(on).unwrap_or_else(|| panic!("{wanted:?} is placed"))
    }

    #[test]
    fn a_paragraph_and_its_detail_are_never_split_across_pages() {
        let font = FontRef::try_from_slice(DEJAVU_SANS).unwrap();
        // Fill the first page to a different depth each time, so that some theme line
        // falls at its foot.
        for filler in 30..40 {
            let mut blocks: Vec<Block> =
                (0..filler).map(|i| Block::Paragraph(format!("Filler {i}"))).collect();
            blocks.push(Block::Paragraph("Theme line".into()));
            blocks.push(Block::Detail("Spread one".into()));
            blocks.push(Block::Detail("Spread two".into()));
            let pages = layout(&blocks, &font, &[]);
            let theme = page_of(&pages, "Theme line");
            assert_eq!(page_of(&pages, "Spread one"), theme, "after {filler} fillers");
            assert_eq!(page_of(&pages, "Spread two"), theme, "after {filler} fillers");
        }
    }

    #[test]
    fn many_blocks_flow_onto_more_pages() {
        let font = FontRef::try_from_slice(DEJAVU_SANS).unwrap();
        let blocks: Vec<Block> = (0..80).map(|i| Block::Paragraph(format!("Paragraph {i}"))).collect();
        let pages = layout(&blocks, &font, &[(1080.0, 1500.0)]);
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
