//! Text on a chart: the embedded DejaVu Sans font and the [`Canvas`] that lays
//! out, wraps, shortens and rasterises words with `ab_glyph`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use ab_glyph::{Font, FontRef, GlyphId, ScaleFont, point};
use plotters::prelude::*;

use super::raster::{Raster, alpha_step};
use super::{Area, ChartError};

pub(crate) const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/DejaVuSans.ttf");

/// The embedded font, parsed once.
pub(super) fn dejavu_sans() -> Result<&'static FontRef<'static>, ChartError> {
    static FONT: OnceLock<Option<FontRef<'static>>> = OnceLock::new();
    FONT.get_or_init(|| FontRef::try_from_slice(DEJAVU_SANS).ok()).as_ref().ok_or(ChartError::Font)
}

/// A glyph's pixels at one size and subpixel offset: the top-left pixel of its bounds
/// relative to the whole pixel of its position, and each covered pixel from there with
/// its coverage in steps of `raster::ALPHA_STEPS`.
struct Glyph {
    offset: (i32, i32),
    pixels: Vec<(u16, u16, u8)>,
}

/// A rasterised glyph and the pixel its bounds start at on the canvas.
struct Placed {
    glyph: Arc<Glyph>,
    origin: (i32, i32),
}

/// Horizontal positions are rounded to a quarter pixel: words stay evenly spaced (whole
/// pixels would not), and each glyph is rasterised at most four times per size.
const SUBPIXELS: f32 = 4.0;
/// Glyphs kept (glyph, size, offsets); far more than the charts' few sizes of one alphabet.
const GLYPHS_KEPT: usize = 8192;

type GlyphKey = (u16, u32, u8, u32);

/// Rasterised glyphs, for every chart in the process: rasterising is most of drawing text.
fn glyphs() -> &'static Mutex<HashMap<GlyphKey, Arc<Glyph>>> {
    static GLYPHS: OnceLock<Mutex<HashMap<GlyphKey, Arc<Glyph>>>> = OnceLock::new();
    GLYPHS.get_or_init(Default::default)
}

/// The glyph `id` at `size` with its origin at `(x, y)`, rasterised once per size and
/// quarter-pixel offset.
fn placed_glyph(font: &FontRef<'static>, id: GlyphId, size: f32, (x, y): (f32, f32)) -> Placed {
    let quarters = ((x - x.floor()) * SUBPIXELS).round();
    let (whole_x, whole_y) = (x.floor() as i32, y.floor() as i32);
    let (carry, quarter) = (quarters as i32 / SUBPIXELS as i32, quarters as u8 % SUBPIXELS as u8);
    let fraction_y = y - y.floor();
    let key = (id.0, size.to_bits(), quarter, fraction_y.to_bits());
    let cached = glyphs().lock().ok().and_then(|glyphs| glyphs.get(&key).cloned());
    let glyph = cached.unwrap_or_else(|| {
        let position = point(f32::from(quarter) / SUBPIXELS, fraction_y);
        let glyph = Arc::new(rasterise(font, id.with_scale_and_position(size, position)));
        if let Ok(mut glyphs) = glyphs().lock() {
            if glyphs.len() >= GLYPHS_KEPT {
                glyphs.clear();
            }
            glyphs.insert(key, glyph.clone());
        }
        glyph
    });
    let origin = (whole_x + carry + glyph.offset.0, whole_y + glyph.offset.1);
    Placed { glyph, origin }
}

fn rasterise(font: &FontRef<'static>, glyph: ab_glyph::Glyph) -> Glyph {
    let Some(outline) = font.outline_glyph(glyph) else {
        return Glyph { offset: (0, 0), pixels: Vec::new() };
    };
    let min = outline.px_bounds().min;
    let mut pixels = Vec::new();
    outline.draw(|x, y, coverage| {
        let step = alpha_step(f64::from(coverage));
        if step > 0 {
            pixels.push((x as u16, y as u16, step));
        }
    });
    Glyph { offset: (min.x as i32, min.y as i32), pixels }
}

#[derive(Debug, Clone, Copy)]
pub(super) enum Align {
    Left,
    Centre,
}

/// Size (in pixels, ascender to descender), colour and alignment of text.
#[derive(Debug, Clone, Copy)]
pub(super) struct Lettering {
    size: f32,
    colour: RGBColor,
    align: Align,
}

impl Lettering {
    pub(super) const fn new(size: f32, colour: RGBColor, align: Align) -> Self {
        Self { size, colour, align }
    }
}

/// The drawing area plus the font to write on it with.
///
/// Text is laid out and rasterised with `ab_glyph` directly rather than
/// through plotters' text support, which drops each glyph's side bearing and
/// rounds every glyph to whole pixels, making words visibly uneven
/// ("Samenw erking") at the sizes used here.
pub(super) struct Canvas<'a, 'b> {
    pub(super) area: &'a Area<'b>,
    /// The pixels under `area`, which text is blended into directly.
    pub(super) raster: &'b RefCell<Raster>,
    pub(super) font: &'static FontRef<'static>,
}

impl Canvas<'_, '_> {
    /// Width of `text` in pixels, rounded up.
    pub(super) fn text_width(&self, text: &str, style: Lettering) -> i32 {
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
    pub(super) fn text(&self, text: &str, style: Lettering, (x, y): (i32, i32)) -> Result<(), ChartError> {
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
            let glyph = placed_glyph(self.font, id, style.size, (caret, baseline));
            caret += font.h_advance(id);
            self.paint(&glyph, style.colour)?;
        }
        Ok(())
    }

    /// Blends a rasterised glyph onto the canvas.
    fn paint(&self, glyph: &Placed, colour: RGBColor) -> Result<(), ChartError> {
        let (left, top) = self.area.get_base_pixel();
        let origin = (left + glyph.origin.0, top + glyph.origin.1);
        let RGBColor(r, g, b) = colour;
        self.raster.borrow_mut().blend_glyph(origin, &glyph.glyph.pixels, [r, g, b]);
        Ok(())
    }

    /// Draws `lines` vertically centred on `centre_y`.
    pub(super) fn lines(
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
    pub(super) fn ellipsize(&self, text: &str, style: Lettering, max_width: i32) -> String {
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
    pub(super) fn wrap(&self, text: &str, style: Lettering, max_width: i32, max_lines: usize) -> Vec<String> {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_wrapped_and_shortened_to_fit() {
        super::super::measure(|canvas| {
            let style = Lettering::new(20.0, super::super::INK, Align::Left);
            let text = "E Dienstverlening aan inwoners, ondernemers en instellingen";
            let lines = canvas.wrap(text, style, 200, 2);
            assert_eq!(lines.len(), 2);
            assert!(lines.iter().all(|line| canvas.text_width(line, style) <= 200));
            assert!(lines[0].starts_with("E Dienstverlening"));
            assert!(lines[1].ends_with('…'));
            assert_eq!(canvas.wrap("Kort", style, 200, 2), ["Kort"]);
        })
        .unwrap();
    }
}
