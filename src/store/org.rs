//! The organisation view: every team's latest published result, the teams without one
//! as counts, and one organisation-wide result over all their respondents.
//!
//! The organisation-wide result is a published set like any team's: it is published only
//! by [`anonymity::verdict`] against every set published before (and every team
//! publication is set against it in turn, see `teams`), so it cannot be set against a
//! team result, or against itself a little later, to single anyone out.

use std::collections::BTreeMap;

use super::{Result, Store, read};
use crate::anonymity::{self, RespondentSet, ResponseId, Rules, Verdict};
use crate::flow::{Answers, Flow};
use crate::team::{OrgPending, OrgTeam, OrgView, Shown, Team};

/// The key of the organisation-wide result in the `org` tree.
const SHOWN: &[u8] = b"shown";

impl Store {
    /// The organisation view, for an admin. Each team's current round is published first
    /// when the rules allow it; a team is then shown with its latest round that reached
    /// the minimum, or listed with its progress when none has.
    pub fn org_view(&self, flow: &Flow, rules: Rules) -> Result<OrgView> {
        let _guard = self.lock_teams();
        let mut view = OrgView::default();
        // Everyone the view is about, each response once (people may be in several teams).
        let mut everyone: BTreeMap<ResponseId, Answers> = BTreeMap::new();
        let ids: Vec<sled::IVec> = self.teams.iter().keys().collect::<sled::Result<_>>()?;
        for id in ids {
            // Read again: publishing an earlier team changed what is published.
            let Some(mut team) = self.team(&String::from_utf8_lossy(&id))? else { continue };
            let publication = self.publish(flow, &mut team, rules)?;
            let round = match team.latest_shown_round() {
                Some(round) => {
                    view.teams.push(OrgTeam {
                        team: team.name.clone(),
                        round: round.number,
                        current_round: team.current_round().number,
                        members: team.members.len(),
                        shown: round.shown.clone().expect("the latest shown round has a result"),
                    });
                    round
                }
                None => {
                    view.pending.push(OrgPending {
                        team: team.name.clone(),
                        round: team.current_round().number,
                        respondents: publication.respondents_now,
                        members: team.members.len(),
                    });
                    team.current_round()
                }
            };
            everyone.extend(self.round_answers(flow, &team, round)?);
        }
        view.teams.sort_by(|a, b| a.team.cmp(&b.team));
        view.pending.sort_by(|a, b| a.team.cmp(&b.team));
        view.respondents_now = everyone.len();
        view.overall = self.publish_org(flow, rules, everyone.into_iter().collect())?;
        Ok(view)
    }

    /// The organisation-wide result last published.
    pub(super) fn org_shown(&self) -> Result<Option<Shown>> {
        read(&self.org, SHOWN)
    }

    /// Publishes the organisation-wide result over `responses` when the rules allow it,
    /// and returns the one last published. Call with the team lock held.
    fn publish_org(&self, flow: &Flow, rules: Rules, responses: Vec<(ResponseId, Answers)>) -> Result<Option<Shown>> {
        let candidate: RespondentSet = responses.iter().map(|(id, _)| *id).collect();
        let shown = self.org_shown()?;
        if shown.as_ref().is_some_and(|shown| shown.set == candidate) {
            return Ok(shown);
        }
        let teams = self.all_teams()?;
        let published = teams.iter().flat_map(Team::published_sets).chain(shown.as_ref().map(|s| &s.set));
        if anonymity::verdict(rules, &candidate, published) != Verdict::Publish {
            return Ok(shown);
        }
        let shown = super::teams::aggregate(flow, &responses);
        self.org.insert(SHOWN, serde_json::to_vec(&shown)?)?;
        self.durable()?;
        Ok(Some(shown))
    }
}
