//! A person's own scans over time: the change since their last completed scan of the same
//! flow, the latest snapshot, and the list of earlier ones.
//!
//! ```text
//! (retake finished)   bot: snapshot … Since your last quick scan (3 Nov 2026):
//!                            A Vision & leadership: 2.5 → 3.0 (+0.5) …
//! person: /history    bot: 1 Dec 2026 · Digital maturity quick scan · overall 2.9
//! ```
//!
//! Only scans of the same flow version are compared: another version may ask other
//! questions. Changes are differences of the scores as shown (`score::changes`).

use super::{App, catalog};
use crate::engine::Response;
use crate::flow::Flow;
use crate::lang::Lang;
use crate::messages::Msg;
use crate::person::PersonId;
use crate::score::{self, Snapshot};
use crate::store::StoreError;

/// A completed scan as the person reads it back.
pub struct Past<'a> {
    pub flow: &'a Flow,
    pub completed_at: u64,
    pub snapshot: Snapshot,
}

/// The person's completed scans of flows still offered, oldest first.
pub fn completed<'a>(app: &'a App, person: &PersonId) -> Result<Vec<Past<'a>>, StoreError> {
    Ok(app.store.responses(person)?.into_iter().filter_map(|response| past(app, &response)).collect())
}

fn past<'a>(app: &'a App, response: &Response) -> Option<Past<'a>> {
    let flow = app.flow_by_id(&response.flow_id).filter(|flow| flow.version == response.flow_version)?;
    Some(Past {
        flow,
        completed_at: response.completed_at,
        snapshot: score::snapshot(flow, &response.answers),
    })
}

/// The latest completed scan, with the one of the same flow before it, if any.
pub fn latest<'a>(
    app: &'a App,
    person: &PersonId,
) -> Result<Option<(Past<'a>, Option<Past<'a>>)>, StoreError> {
    let mut all = completed(app, person)?;
    let Some(latest) = all.pop() else { return Ok(None) };
    let before = all.into_iter().rev().find(|p| p.flow.id == latest.flow.id);
    Ok(Some((latest, before)))
}

/// The snapshot text with what puts it in context: the change since the person's previous
/// scan of this flow, and the flow's reference lines for the person's country (with a
/// small bar per theme for the terminal, `bars`).
pub fn snapshot_text(
    app: &App,
    lang: Lang,
    flow: &Flow,
    snapshot: &Snapshot,
    before: Option<&Past>,
    bars: bool,
) -> String {
    let presenter = app.presenter_for(flow, lang);
    // The snapshot's own title first, then which scan it is.
    let text = if bars { presenter.snapshot_with_bars(snapshot) } else { presenter.snapshot(snapshot) };
    let (title, rest) = text.split_once('\n').unwrap_or((text.as_str(), ""));
    let flow_title =
        presenter.msg_with(Msg::SnapshotFlowTitle, &[("title", catalog::title(app, flow, lang).into())]);
    let mut parts = vec![format!("{title}\n{flow_title}\n{rest}")];
    if let Some(before) = before {
        parts.push(presenter.change_since(snapshot, &before.snapshot, before.completed_at));
    }
    if let Some(references) = presenter.references() {
        parts.push(references);
    }
    parts.join("\n\n")
}

/// The snapshot of a scan just finished, set against the person's scan of the same flow
/// before it (the finished one is already stored as their latest).
pub fn finished_text(
    app: &App,
    person: &PersonId,
    lang: Lang,
    flow: &Flow,
    snapshot: &Snapshot,
    bars: bool,
) -> Result<String, StoreError> {
    let before = match latest(app, person)? {
        Some((latest, before)) if latest.flow.id == flow.id => before,
        _ => None,
    };
    Ok(snapshot_text(app, lang, flow, snapshot, before.as_ref(), bars))
}

/// `/history`: every completed scan, newest first, with its date and overall index.
pub fn list(app: &App, person: &PersonId, lang: Lang) -> Result<String, StoreError> {
    let all = completed(app, person)?;
    let presenter = app.presenter(lang);
    if all.is_empty() {
        return Ok(presenter.msg(Msg::HistoryNone));
    }
    let mut lines = vec![presenter.msg(Msg::HistoryTitle)];
    for past in all.iter().rev() {
        let flow_presenter = app.presenter_for(past.flow, lang);
        let date = flow_presenter.date(past.completed_at);
        let title = catalog::title(app, past.flow, lang);
        let mut args = vec![("date", date.into()), ("title", title.into())];
        let msg = match &past.snapshot.overall {
            Some(overall) => {
                args.push(("index", flow_presenter.number(overall.index).into()));
                args.push(("level", flow_presenter.main_level_label(overall.level).into()));
                Msg::HistoryItem
            }
            None => Msg::HistoryItemNoOverall,
        };
        lines.push(presenter.msg_with(msg, &args));
    }
    Ok(lines.join("\n"))
}
