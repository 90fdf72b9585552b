//! What puts a person's snapshot in context: the change since last time and the
//! reference lines of published figures.

use super::report::Sectioned;
use super::{MAIN_SCALE, Presenter};
use crate::flow::Unit;
use crate::messages::Msg;
use crate::score::Snapshot;
/// What puts a person's snapshot in context: change since last time, reference lines, dates.
impl Presenter<'_> {
    /// The label of a level on the flow's main scale ("Ad hoc").
    pub fn main_level_label(&self, level: u8) -> String {
        self.scale_label(MAIN_SCALE, level)
    }

    /// Per dimension, the score then and now and the change, from the values as shown.
    pub fn change_since(&self, now: &Snapshot, before: &Snapshot, before_at: u64) -> String {
        let mut lines =
            vec![self.msg_with(Msg::SnapshotChangeTitle, &[("date", self.date(before_at).into())])];
        for (dim, change) in now.dimensions.iter().zip(crate::score::changes(now, before)) {
            let Some(change) = change else { continue };
            let earlier =
                before.dimensions.iter().find(|d| d.dimension == dim.dimension).and_then(|d| d.score);
            let (Some(earlier), Some(score)) = (earlier, dim.score) else { continue };
            lines.push(self.msg_with(
                Msg::SnapshotChange,
                &[
                    ("name", self.dimension_name(dim.dimension).into()),
                    ("before", self.number(earlier).into()),
                    ("now", self.number(score).into()),
                    ("change", self.lang.signed_decimal(change).into()),
                ],
            ));
        }
        lines.join("\n")
    }

    /// The flow's reference lines for this reader's country (see `References::regions_for`),
    /// each as published with its source and year; `None` when the flow has none.
    pub fn references(&self) -> Option<String> {
        let references = &self.flow.references;
        if references.figures.is_empty() {
            return None;
        }
        let spec = self.lang.spec();
        let chain: Vec<&str> = std::iter::once(spec.tag).chain(spec.fallback).collect();
        let regions = references.regions_for(&chain);
        let mut lines = vec![self.msg(Msg::SnapshotReferencesTitle)];
        for figure in &references.figures {
            let values = |values: &[(usize, f64)], name: &dyn Fn(usize) -> String| -> Vec<String> {
                regions
                    .iter()
                    .filter_map(|r| values.iter().find(|(region, _)| region == r))
                    .map(|&(region, value)| self.reference_value(figure.unit, &name(region), value))
                    .collect()
            };
            let region_name = |region: usize| self.key(&references.regions[region].name);
            let shown = values(&figure.values, &region_name);
            if shown.is_empty() {
                continue;
            }
            lines.push(self.msg_with(
                Msg::SnapshotReference,
                &[
                    ("label", self.key(&figure.label).into()),
                    ("source", self.key_or_text(&figure.source).into()),
                    ("year", figure.year.to_string().into()),
                    ("values", shown.join(" · ").into()),
                ],
            ));
            for &region in &regions {
                let parts: Vec<String> = figure
                    .parts
                    .iter()
                    .filter_map(|part| {
                        let value = part.values.iter().find(|(r, _)| *r == region)?.1;
                        Some(self.reference_value(figure.unit, &self.key(&part.label), value))
                    })
                    .collect();
                if !parts.is_empty() {
                    lines.push(format!(
                        "  {}",
                        self.msg_with(
                            Msg::SnapshotReferenceParts,
                            &[("region", region_name(region).into()), ("values", parts.join(" · ").into())],
                        )
                    ));
                }
            }
        }
        Some(lines.join("\n"))
    }

    /// "the Netherlands 0,65" or "EU average 55,6 %": as published, in this language's style.
    fn reference_value(&self, unit: Unit, name: &str, value: f64) -> String {
        let (msg, places) = match unit {
            Unit::Index => (Msg::SnapshotReferenceValue, 2),
            Unit::Percent => (Msg::SnapshotReferencePercent, 1),
        };
        self.msg_with(msg, &[("name", name.into()), ("value", self.lang.fixed(value, places).into())])
    }

    /// What each level of each theme looks like, for one person: per theme (a heading)
    /// where they stand and the level above, or `None` when the flow describes no levels.
    pub fn levels_for(&self, snapshot: &Snapshot) -> Option<Sectioned> {
        if !self.flow.describes_levels() {
            return None;
        }
        let mut out = vec![self.msg(Msg::LevelsTitle)];
        let mut headings = Vec::new();
        for dim in &snapshot.dimensions {
            let theme = self.dimension_name(dim.dimension);
            out.push(String::new());
            out.push(theme.clone());
            headings.push(theme);
            let Some(score) = dim.score else {
                out.push(self.msg(Msg::LevelsNoScore));
                continue;
            };
            let level = crate::score::level_of(score);
            out.push(self.level_line(dim.dimension, level, Msg::LevelsNow));
            if level < crate::flow::SCALE_POINTS {
                out.push(self.level_line(dim.dimension, level + 1, Msg::LevelsNext));
            }
        }
        Some(Sectioned { text: out.join("\n"), headings })
    }

    /// "Now (2 · Ad hoc): …" or "Next (3 · Agreed): …".
    fn level_line(&self, dimension: usize, level: u8, msg: Msg) -> String {
        self.msg_with(
            msg,
            &[
                ("level", level.into()),
                ("label", self.level_label(dimension, level).into()),
                ("text", self.level_text(dimension, level).into()),
            ],
        )
    }

    /// The rubric line of one level of a theme.
    pub fn level_text(&self, dimension: usize, level: u8) -> String {
        let levels = &self.flow.dimensions[dimension].levels;
        levels.get(usize::from(level.saturating_sub(1))).map(|key| self.key(key)).unwrap_or_default()
    }

    /// Every theme's five levels as tables, for a report.
    pub fn levels_blocks(&self) -> Vec<super::report::Block> {
        use super::report::Block;
        if !self.flow.describes_levels() {
            return Vec::new();
        }
        let mut blocks = vec![Block::Heading(self.msg(Msg::LevelsTitle))];
        for d in 0..self.flow.dimensions.len() {
            blocks.push(Block::Subheading(self.dimension_name(d)));
            let rows = (1..=crate::flow::SCALE_POINTS)
                .map(|level| {
                    vec![format!("{level} · {}", self.level_label(d, level)), self.level_text(d, level)]
                })
                .collect();
            let columns = vec![self.msg(Msg::LevelsColLevel), self.msg(Msg::LevelsColLooksLike)];
            blocks.push(Block::Table { columns, rows, widths: vec![1.3, 5.0] });
        }
        blocks
    }
}
