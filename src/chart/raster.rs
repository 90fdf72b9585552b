//! The pixels a chart is drawn into: one palette index per pixel while the picture has
//! at most 256 colours (a profile's flat colours and the blends at the edges of its text
//! and shapes), RGB once it has more (the heatmap's colour bar), and the PNG of either.
//!
//! A profile is 1080 × ~1500 px: as RGB that is a 5 MB buffer to fill and page in and
//! 5 MB to filter and compress, most of a finished scan's CPU. Indexed, a third of that.
//! Drawing matches plotters' own `BitMapBackend` (the same spans, the same blending),
//! except that a partly covered pixel is blended at one of [`ALPHA_STEPS`] levels of
//! coverage rather than 256, so the blends of a few colours fit one palette.

use std::cell::RefCell;
use std::convert::Infallible;

use plotters::prelude::*;
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, DrawingErrorKind};

use super::ChartError;

/// Levels of coverage an edge pixel is blended at: finer than the eye tells apart on a
/// phone, coarse enough that a profile keeps to one palette.
pub(super) const ALPHA_STEPS: u8 = 32;

type Rgb = [u8; 3];

/// The canvas's pixels, white to begin with.
pub(super) struct Raster {
    size: (u32, u32),
    pixels: Pixels,
    blends: Blends,
}

/// For the colour text is being drawn in: the palette index of each blend over each
/// palette colour, found once (a line of text blends the same few pairs thousands of
/// times).
struct Blends {
    colour: Rgb,
    /// By background index and step of coverage; `UNKNOWN` until found.
    index: Vec<u16>,
}

const UNKNOWN: u16 = u16::MAX;

enum Pixels {
    Indexed { indices: Vec<u8>, palette: Vec<Rgb>, lookup: Box<Lookup> },
    Rgb(Vec<u8>),
}

impl Raster {
    pub(super) fn white(size: (u32, u32)) -> Raster {
        let count = size.0 as usize * size.1 as usize;
        const WHITE_RGB: Rgb = [0xFF; 3];
        let pixels = Pixels::Indexed {
            // Index 0 is white: zeroed memory, which the allocator hands out unwritten.
            indices: vec![0; count],
            palette: vec![WHITE_RGB],
            lookup: Box::new(Lookup::with(WHITE_RGB)),
        };
        Raster { size, pixels, blends: Blends { colour: WHITE_RGB, index: Vec::new() } }
    }

    /// The palette index of `colour`, adding it while there is room.
    fn index(&mut self, colour: Rgb) -> Option<u8> {
        let Pixels::Indexed { palette, lookup, .. } = &mut self.pixels else { return None };
        let slot = lookup.slot(colour);
        if lookup.keys[slot] == key(colour) {
            return Some(lookup.indices[slot]);
        }
        let index = u8::try_from(palette.len()).ok()?;
        palette.push(colour);
        (lookup.keys[slot], lookup.indices[slot]) = (key(colour), index);
        Some(index)
    }

    /// From palette indices to RGB, for a picture with more than 256 colours.
    fn expand_to_rgb(&mut self) {
        if let Pixels::Indexed { indices, palette, .. } = &self.pixels {
            let rgb = indices.iter().flat_map(|index| palette[usize::from(*index)]).collect();
            self.pixels = Pixels::Rgb(rgb);
        }
    }

    fn get(&self, at: usize) -> Rgb {
        match &self.pixels {
            Pixels::Indexed { indices, palette, .. } => palette[usize::from(indices[at])],
            Pixels::Rgb(rgb) => [rgb[3 * at], rgb[3 * at + 1], rgb[3 * at + 2]],
        }
    }

    /// Paints pixels `from..to` of the buffer (row-major) with `colour`.
    fn fill(&mut self, from: usize, to: usize, colour: Rgb) {
        let index = self.index(colour);
        if index.is_none() {
            self.expand_to_rgb();
        }
        match (&mut self.pixels, index) {
            (Pixels::Indexed { indices, .. }, Some(index)) => indices[from..to].fill(index),
            (Pixels::Rgb(rgb), _) => {
                rgb[3 * from..3 * to].chunks_exact_mut(3).for_each(|p| p.copy_from_slice(&colour))
            }
            (Pixels::Indexed { .. }, None) => unreachable!("converted to RGB above"),
        }
    }

    /// Fills the rectangle `x0..x1` × `y0..y1`, clipped to the canvas.
    fn fill_rect(&mut self, (x0, y0): (i32, i32), (x1, y1): (i32, i32), colour: Rgb) {
        let (w, h) = (self.size.0 as i32, self.size.1 as i32);
        let (x0, x1) = (x0.max(0), x1.min(w));
        let (y0, y1) = (y0.max(0), y1.min(h));
        for y in y0..y1.max(y0) {
            if x0 < x1 {
                let row = (y * w) as usize;
                self.fill(row + x0 as usize, row + x1 as usize, colour);
            }
        }
    }

    /// The row-major position of a pixel, if it is on the canvas.
    fn at(&self, (x, y): (i32, i32)) -> Option<usize> {
        let on = x >= 0 && y >= 0 && (x as u32) < self.size.0 && (y as u32) < self.size.1;
        on.then(|| y as usize * self.size.0 as usize + x as usize)
    }

    /// One pixel, blended over what is there at `step` of [`ALPHA_STEPS`] as plotters'
    /// `BitMapBackend` blends.
    fn blend(&mut self, at: usize, colour: Rgb, step: u8) {
        match step {
            0 => {}
            ALPHA_STEPS.. => self.fill(at, at + 1, colour),
            step => {
                let blended = mix(self.get(at), colour, step);
                self.fill(at, at + 1, blended);
            }
        }
    }

    /// Blends a glyph's pixels, each `(x, y, step)` from `origin`, in `colour`: what
    /// plotters' `draw_pixel` would do for each of them, without its per-pixel indirection.
    pub(super) fn blend_glyph(&mut self, origin: (i32, i32), pixels: &[(u16, u16, u8)], colour: Rgb) {
        if self.blends.index.is_empty() {
            self.blends.index = vec![UNKNOWN; 256 * (usize::from(ALPHA_STEPS) + 1)];
        } else if self.blends.colour != colour {
            self.blends.index.fill(UNKNOWN);
        }
        self.blends.colour = colour;
        for &(x, y, step) in pixels {
            let Some(at) = self.at((origin.0 + i32::from(x), origin.1 + i32::from(y))) else { continue };
            let Pixels::Indexed { indices, .. } = &mut self.pixels else {
                self.blend(at, colour, step);
                continue;
            };
            let slot = usize::from(indices[at]) * (usize::from(ALPHA_STEPS) + 1) + usize::from(step);
            match self.blends.index[slot] {
                UNKNOWN => {
                    self.blend(at, colour, step);
                    // Still indexed unless that blend was the palette's 257th colour.
                    if let Pixels::Indexed { indices, .. } = &self.pixels {
                        self.blends.index[slot] = u16::from(indices[at]);
                    }
                }
                known => indices[at] = known as u8,
            }
        }
    }

    /// The picture as PNG: indexed while it has a palette. Flat colours and text compress
    /// well with fast deflate after one cheap filter (runs of a colour become zeros).
    pub(super) fn png(&self) -> Result<Vec<u8>, ChartError> {
        let mut png = Vec::new();
        let mut encoder = png::Encoder::new(&mut png, self.size.0, self.size.1);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::Fast);
        encoder.set_adaptive_filter(png::AdaptiveFilterType::NonAdaptive);
        encoder.set_filter(png::FilterType::Sub);
        let data = match &self.pixels {
            Pixels::Indexed { indices, palette, .. } => {
                encoder.set_color(png::ColorType::Indexed);
                encoder.set_palette(palette.concat());
                indices
            }
            Pixels::Rgb(rgb) => {
                encoder.set_color(png::ColorType::Rgb);
                rgb
            }
        };
        let mut writer = encoder.write_header()?;
        writer.write_image_data(data)?;
        writer.finish()?;
        Ok(png)
    }

    #[cfg(test)]
    pub(super) fn colours(&self) -> Option<usize> {
        match &self.pixels {
            Pixels::Indexed { palette, .. } => Some(palette.len()),
            Pixels::Rgb(_) => None,
        }
    }
}

/// `colour` over `old` at `step` of [`ALPHA_STEPS`], as plotters' `BitMapBackend` blends.
fn mix(mut old: Rgb, colour: Rgb, step: u8) -> Rgb {
    let alpha = u64::from(step) * (256 / u64::from(ALPHA_STEPS));
    for (old, new) in old.iter_mut().zip(colour) {
        *old = if new > *old {
            *old + (u64::from(new - *old) * alpha / 256) as u8
        } else {
            *old - (u64::from(*old - new) * alpha / 256) as u8
        };
    }
    old
}

/// The step of [`ALPHA_STEPS`] nearest to an opacity (0 to 1).
pub(super) fn alpha_step(alpha: f64) -> u8 {
    (alpha.clamp(0.0, 1.0) * f64::from(ALPHA_STEPS)).round() as u8
}

/// Palette index by colour: an open-addressed table twice the palette's size, as every
/// blended pixel looks its colour up (a `HashMap`'s hashing was most of drawing text).
struct Lookup {
    keys: [u32; LOOKUP_SLOTS],
    indices: [u8; LOOKUP_SLOTS],
}

const LOOKUP_SLOTS: usize = 512;
/// No colour's key: colours are 24 bits.
const EMPTY: u32 = u32::MAX;

fn key([r, g, b]: Rgb) -> u32 {
    u32::from_be_bytes([0, r, g, b])
}

impl Lookup {
    fn with(colour: Rgb) -> Lookup {
        let mut lookup = Lookup { keys: [EMPTY; LOOKUP_SLOTS], indices: [0; LOOKUP_SLOTS] };
        let slot = lookup.slot(colour);
        lookup.keys[slot] = key(colour);
        lookup
    }

    /// The slot that holds `colour`, or the empty one it would go in.
    fn slot(&self, colour: Rgb) -> usize {
        let key = key(colour);
        let mut slot = (key.wrapping_mul(0x9E37_79B1) >> 23) as usize % LOOKUP_SLOTS;
        while self.keys[slot] != key && self.keys[slot] != EMPTY {
            slot = (slot + 1) % LOOKUP_SLOTS;
        }
        slot
    }
}

/// A plotters backend over a [`Raster`]: spans and rectangles are filled a row at a
/// time, everything else goes through plotters' own rasteriser pixel by pixel. The raster
/// is shared so that text can be blended into it directly (`Canvas`) between shapes.
pub(super) struct RasterBackend<'a> {
    raster: &'a RefCell<Raster>,
}

impl<'a> RasterBackend<'a> {
    pub(super) fn new(raster: &'a RefCell<Raster>) -> Self {
        RasterBackend { raster }
    }
}

fn rgb(colour: BackendColor) -> Rgb {
    [colour.rgb.0, colour.rgb.1, colour.rgb.2]
}

impl DrawingBackend for RasterBackend<'_> {
    type ErrorType = Infallible;

    fn get_size(&self) -> (u32, u32) {
        self.raster.borrow().size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Infallible>> {
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        colour: BackendColor,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let mut raster = self.raster.borrow_mut();
        if let Some(at) = raster.at(point) {
            raster.blend(at, rgb(colour), alpha_step(colour.alpha));
        }
        Ok(())
    }

    /// A horizontal or vertical line one pixel wide, as `BitMapBackend` draws it.
    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        let straight = from.0 == to.0 || from.1 == to.1;
        if !straight || style.stroke_width() != 1 || colour.alpha < 1.0 {
            return plotters_backend::rasterizer::draw_line(self, from, to, style);
        }
        let (left, right) = (from.0.min(to.0), from.0.max(to.0));
        let (top, bottom) = (from.1.min(to.1), from.1.max(to.1));
        self.raster.borrow_mut().fill_rect((left, top), (right + 1, bottom + 1), rgb(colour));
        Ok(())
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Infallible>> {
        let colour = style.color();
        if !fill || colour.alpha < 1.0 {
            return plotters_backend::rasterizer::draw_rect(self, upper_left, bottom_right, style, fill);
        }
        let (x0, x1) = (upper_left.0.min(bottom_right.0), upper_left.0.max(bottom_right.0));
        let (y0, y1) = (upper_left.1.min(bottom_right.1), upper_left.1.max(bottom_right.1));
        self.raster.borrow_mut().fill_rect((x0, y0), (x1, y1), rgb(colour));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn more_than_256_colours_turn_the_raster_into_rgb_and_keep_every_pixel() {
        let raster = RefCell::new(Raster::white((300, 2)));
        {
            let area = RasterBackend::new(&raster).into_drawing_area();
            for x in 0..300 {
                let colour = RGBColor(x as u8, (x / 256) as u8, 7);
                area.draw_pixel((x, 0), &colour).unwrap();
            }
        }
        let raster = raster.into_inner();
        assert_eq!(raster.colours(), None, "300 colours do not fit a palette");
        let image = image::load_from_memory(&raster.png().unwrap()).unwrap().to_rgb8();
        assert_eq!(image.get_pixel(299, 0).0, [43, 1, 7]);
        assert_eq!(image.get_pixel(5, 0).0, [5, 0, 7]);
        assert_eq!(image.get_pixel(5, 1).0, [0xFF; 3], "the rest stays white");
    }

    #[test]
    fn a_few_colours_are_indexed() {
        let raster = RefCell::new(Raster::white((20, 20)));
        {
            let area = RasterBackend::new(&raster).into_drawing_area();
            area.draw(&Rectangle::new([(2, 2), (10, 10)], RED.filled())).unwrap();
            area.draw_pixel((15, 15), &BLUE.mix(0.5)).unwrap();
        }
        let raster = raster.into_inner();
        assert_eq!(raster.colours(), Some(3));
        let image = image::load_from_memory(&raster.png().unwrap()).unwrap().to_rgb8();
        assert_eq!(image.get_pixel(5, 5).0, [0xFF, 0, 0]);
        assert_eq!(
            image.get_pixel(10, 10).0,
            [0xFF; 3],
            "the bottom-right edge is left out, as plotters does"
        );
        assert_eq!(image.get_pixel(15, 15).0, [0x80, 0x80, 0xFF]);
    }
}
