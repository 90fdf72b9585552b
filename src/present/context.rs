//! What puts a person's snapshot in context: the change since last time and the
//! reference lines of published figures.

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
}
