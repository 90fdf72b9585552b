//! How responses, published results and index records are laid out as bytes: postcard
//! (compact, not self-describing) for what the store keeps per response and per published
//! result, JSON for the records other code grows with `#[serde(default)]` fields (people,
//! scans, teams).
//!
//! A full response and a published result's figures are encoded through their own mirror
//! types ([`StoredResponse`], [`StoredAnswer`], [`StoredResult`]) and converted with
//! exhaustive patterns: a field or variant added to `engine::Response`, `flow::Answer` or
//! `team_stats::TeamStats` does not compile until it is added here, at the end, where old
//! records still decode (postcard reads fields in order, variants by index).

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{PersonId, Result};
use crate::anonymity::{RespondentSet, ResponseId};
use crate::engine::Response;
use crate::flow::Answer;
use crate::team::Shown;
use crate::team_stats::{DimensionStats, Respondent, StatementStats, TeamStats};

#[derive(Serialize, Deserialize)]
struct StoredResponse {
    flow_id: String,
    flow_version: u32,
    answers: Vec<(String, StoredAnswer)>,
    started_at: u64,
    completed_at: u64,
}

/// Variants are only ever appended: postcard stores their index.
#[derive(Serialize, Deserialize)]
enum StoredAnswer {
    Level(u8),
    DontKnow,
    Choice(String),
}

/// A person's completed responses, each with its id, oldest first: the one record per
/// person in `responses-v4`.
pub(super) fn encode_responses(responses: &[(ResponseId, Response)]) -> Result<Vec<u8>> {
    let stored: Vec<(ResponseId, StoredResponse)> =
        responses.iter().map(|(id, response)| (*id, stored(response))).collect();
    Ok(postcard::to_stdvec(&stored)?)
}

pub(super) fn decode_responses(bytes: &[u8]) -> Result<Vec<(ResponseId, Response)>> {
    let stored: Vec<(ResponseId, StoredResponse)> = postcard::from_bytes(bytes)?;
    Ok(stored.into_iter().map(|(id, stored)| (id, restored(stored))).collect())
}

/// One response as schema 2 and 3 kept it, a record of its own (and as the migration from
/// schema 1 writes it on the way).
pub(super) fn encode_response(response: &Response) -> Result<Vec<u8>> {
    Ok(postcard::to_stdvec(&stored(response))?)
}

pub(super) fn decode_response(bytes: &[u8]) -> Result<Response> {
    Ok(restored(postcard::from_bytes(bytes)?))
}

fn stored(response: &Response) -> StoredResponse {
    let Response { flow_id, flow_version, answers, started_at, completed_at } = response;
    let answers = answers
        .iter()
        .map(|(question, answer)| {
            let answer = match answer {
                Answer::Level(level) => StoredAnswer::Level(*level),
                Answer::DontKnow => StoredAnswer::DontKnow,
                Answer::Choice(id) => StoredAnswer::Choice(id.clone()),
            };
            (question.clone(), answer)
        })
        .collect();
    StoredResponse {
        flow_id: flow_id.clone(),
        flow_version: *flow_version,
        answers,
        started_at: *started_at,
        completed_at: *completed_at,
    }
}

fn restored(stored: StoredResponse) -> Response {
    let StoredResponse { flow_id, flow_version, answers, started_at, completed_at } = stored;
    let answers = answers
        .into_iter()
        .map(|(question, answer)| {
            let answer = match answer {
                StoredAnswer::Level(level) => Answer::Level(level),
                StoredAnswer::DontKnow => Answer::DontKnow,
                StoredAnswer::Choice(id) => Answer::Choice(id),
            };
            (question, answer)
        })
        .collect();
    Response { flow_id, flow_version, answers, started_at, completed_at }
}

/// A published result without its set (kept once, in `published`): over how many
/// responses, and its figures.
#[derive(Serialize, Deserialize)]
struct StoredResult {
    respondents: usize,
    stats_respondents: usize,
    dimensions: Vec<StoredDimension>,
    dont_know: Option<Figure>,
    statements: Vec<StoredStatement>,
}

#[derive(Serialize, Deserialize)]
struct StoredDimension {
    dimension: usize,
    current: Option<Figure>,
    ambition: Option<Figure>,
    quartiles: Option<(Figure, Figure)>,
    iqr: Option<Figure>,
    dont_know_share: Figure,
}

#[derive(Serialize, Deserialize)]
struct StoredStatement {
    question: String,
    dimension: usize,
    median: Option<Figure>,
    dont_know_share: Figure,
}

/// A figure of a result. Medians, quartiles and spreads are shown values (one decimal),
/// kept as tenths in one or two bytes where an `f64` takes eight; a value that is not
/// exactly a tenth (most shares) is kept as it is, so decoding always gives back the very
/// same number.
#[derive(Clone, Copy, Serialize, Deserialize)]
enum Figure {
    Tenths(i16),
    Exact(f64),
}

impl Figure {
    fn of(value: f64) -> Figure {
        let tenths = (value * 10.0).round();
        if tenths.abs() <= f64::from(i16::MAX) {
            let short = Figure::Tenths(tenths as i16);
            // Compared bit for bit, so -0.0 and anything rounding would move stay exact.
            if short.value().to_bits() == value.to_bits() {
                return short;
            }
        }
        Figure::Exact(value)
    }

    fn value(self) -> f64 {
        match self {
            Figure::Tenths(tenths) => f64::from(tenths) / 10.0,
            Figure::Exact(value) => value,
        }
    }
}

/// A published result's count and figures (its set is stored apart).
pub(super) fn encode_result(respondents: usize, stats: &TeamStats) -> Result<Vec<u8>> {
    let TeamStats { respondents: stats_respondents, dimensions, dont_know, statements } = stats;
    let dimensions = dimensions
        .iter()
        .map(|d| {
            let DimensionStats { dimension, current, ambition, quartiles, iqr, dont_know_share } = d;
            StoredDimension {
                dimension: *dimension,
                current: current.map(Figure::of),
                ambition: ambition.map(Figure::of),
                quartiles: quartiles.map(|(q1, q3)| (Figure::of(q1), Figure::of(q3))),
                iqr: iqr.map(Figure::of),
                dont_know_share: Figure::of(*dont_know_share),
            }
        })
        .collect();
    let statements = statements
        .iter()
        .map(|s| {
            let StatementStats { question, dimension, median, dont_know_share } = s;
            StoredStatement {
                question: question.clone(),
                dimension: *dimension,
                median: median.map(Figure::of),
                dont_know_share: Figure::of(*dont_know_share),
            }
        })
        .collect();
    let stored = StoredResult {
        respondents,
        stats_respondents: *stats_respondents,
        dimensions,
        dont_know: dont_know.map(Figure::of),
        statements,
    };
    encode(&stored)
}

/// The count and figures [`encode_result`] wrote.
pub(super) fn decode_result(bytes: &[u8]) -> Result<(usize, TeamStats)> {
    let StoredResult { respondents, stats_respondents, dimensions, dont_know, statements } = decode(bytes)?;
    let dimensions = dimensions
        .into_iter()
        .map(|d| {
            let StoredDimension { dimension, current, ambition, quartiles, iqr, dont_know_share } = d;
            DimensionStats {
                dimension,
                current: current.map(Figure::value),
                ambition: ambition.map(Figure::value),
                quartiles: quartiles.map(|(q1, q3)| (q1.value(), q3.value())),
                iqr: iqr.map(Figure::value),
                dont_know_share: dont_know_share.value(),
            }
        })
        .collect();
    let statements = statements
        .into_iter()
        .map(|s| {
            let StoredStatement { question, dimension, median, dont_know_share } = s;
            StatementStats {
                question,
                dimension,
                median: median.map(Figure::value),
                dont_know_share: dont_know_share.value(),
            }
        })
        .collect();
    let dont_know = dont_know.map(Figure::value);
    Ok((respondents, TeamStats { respondents: stats_respondents, dimensions, dont_know, statements }))
}

/// A published result from its record ([`encode_result`]) and its set, if one is stored.
pub(super) fn shown_with(result: &[u8], set: Option<sled::IVec>) -> Result<Shown> {
    let (respondents, stats) = decode_result(result)?;
    let set = match set {
        Some(set) => decode_set(&set)?,
        None => RespondentSet::new(),
    };
    Ok(Shown { respondents, set, stats })
}

/// One member's latest response in a team round: what a team result reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct RoundEntry {
    pub response: ResponseId,
    pub completed_at: u64,
    /// Scored when the response was completed; `None` when the store did not know its flow.
    pub scores: Option<Respondent>,
}

/// The window of a team's current round, kept apart from the (large) team record so that
/// a completed response finds its rounds quickly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct RoundWindow {
    pub number: u32,
    pub opened_at: u64,
    pub closed_at: Option<u64>,
}

pub(super) fn encode<T: Serialize>(value: &T) -> Result<Vec<u8>> {
    Ok(postcard::to_stdvec(value)?)
}

pub(super) fn decode<T: DeserializeOwned>(bytes: &[u8]) -> Result<T> {
    Ok(postcard::from_bytes(bytes)?)
}

pub(super) fn encode_set(set: &RespondentSet) -> Result<Vec<u8>> {
    encode(&set.iter().copied().collect::<Vec<ResponseId>>())
}

pub(super) fn decode_set(bytes: &[u8]) -> Result<RespondentSet> {
    Ok(decode::<Vec<ResponseId>>(bytes)?.into_iter().collect())
}

/// Key parts are joined by a 0 byte, which no person, team or flow id contains.
pub(super) fn joined(parts: &[&[u8]]) -> Vec<u8> {
    let mut key = Vec::with_capacity(parts.iter().map(|p| p.len() + 1).sum());
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            key.push(0);
        }
        key.extend_from_slice(part);
    }
    key
}

/// The prefix of a team round's index records (`round_index`).
pub(super) fn round_prefix(team: &str, round: u32) -> Vec<u8> {
    let mut key = joined(&[team.as_bytes(), &round.to_be_bytes()]);
    key.push(0);
    key
}

/// A member's records in a team round's index: one per flow.
pub(super) fn member_prefix(team: &str, round: u32, person: &PersonId) -> Vec<u8> {
    let mut key = round_prefix(team, round);
    key.extend_from_slice(person.0.as_bytes());
    key.push(0);
    key
}

/// The person and flow of a round index key, after the round's prefix.
pub(super) fn member_and_flow(rest: &[u8]) -> Option<(&[u8], &[u8])> {
    let at = rest.iter().position(|b| *b == 0)?;
    Some((&rest[..at], &rest[at + 1..]))
}

#[cfg(test)]
mod tests {
    use super::Figure;
    use crate::score::shown;

    #[test]
    fn a_figure_decodes_to_the_very_same_number_and_shown_values_are_short() {
        let values =
            [0.0, -0.0, 2.8, 3.0 - 2.1, 0.18181818181818185, 1.0 / 3.0, 3276.8, -1.5, 1e300, f64::NAN];
        for value in values {
            assert_eq!(Figure::of(value).value().to_bits(), value.to_bits(), "{value}");
        }
        for value in [2.84, 1.45, 4.95, 0.0, 5.0] {
            assert!(matches!(Figure::of(shown(value)), Figure::Tenths(_)), "{value}");
        }
        assert!(matches!(Figure::of(3.0 - 2.1), Figure::Exact(_)), "0.8999… is not a tenth");
    }
}
