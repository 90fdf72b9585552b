//! Numbers people read add up: over random answers, in every language, every gap a text
//! or a chart label shows is the ambition minus the current value as shown, every change
//! is the new value minus the old one as shown, every level is the level of the value
//! shown next to it, and the overall index is the mean of the themes as shown.
//!
//! The checks read the rendered text (and the chart's row notes) back, the way a person
//! would, so they hold whatever the code in between does.

use std::collections::BTreeSet;

use peilbot::cli::load_content;
use peilbot::content::Content;
use peilbot::flow::{Answer, Answers, Flow, QuestionKind};
use peilbot::lang::Lang;
use peilbot::present::Presenter;
use peilbot::score::snapshot;
use peilbot::store::TeamResult;
use peilbot::team::Shown;
use peilbot::team_stats::team_stats;
use proptest::prelude::*;

fn content() -> &'static Content {
    static CONTENT: std::sync::OnceLock<Content> = std::sync::OnceLock::new();
    CONTENT.get_or_init(|| load_content().expect("shipped content is valid"))
}

/// A random completed scan: each item a level or "don't know", each ambition a level or
/// "don't know", the first role.
fn answers_strategy(flow: &Flow) -> impl Strategy<Value = Answers> + use<> {
    let questions: Vec<(String, bool)> = flow
        .questions
        .iter()
        .map(|q| (q.id.clone(), matches!(q.kind, QuestionKind::Choice { .. })))
        .collect();
    let choice = flow.questions.iter().find_map(|q| match &q.kind {
        QuestionKind::Choice { options } => Some(options[0].id.clone()),
        _ => None,
    });
    prop::collection::vec(0u8..=6, questions.len()).prop_map(move |codes| {
        questions
            .iter()
            .zip(codes)
            .map(|((id, is_choice), code)| {
                let answer = match (is_choice, code) {
                    (true, _) => Answer::Choice(choice.clone().unwrap_or_default()),
                    (false, 0) => Answer::DontKnow,
                    // Level 3 twice as likely as the others, so equal values and ties occur.
                    (false, 6) => Answer::Level(3),
                    (false, level) => Answer::Level(level),
                };
                (id.clone(), answer)
            })
            .collect()
    })
}

/// A number as a person reads it in `lang`, or `None` for a word.
fn number(token: &str, lang: Lang) -> Option<f64> {
    let token = token.trim_matches(|c: char| "():·.,".contains(c) && c != '-');
    let token = token.trim_start_matches('+');
    let plain = if lang.decimal_comma() { token.replace(',', ".") } else { token.to_string() };
    if lang.decimal_comma() && token.contains('.') {
        return None;
    }
    plain.parse().ok()
}

fn numbers(text: &str, lang: Lang) -> Vec<(String, f64)> {
    text.split_whitespace()
        .filter_map(|word| {
            let trimmed =
                word.trim_end_matches([',', ':', '.']).trim_start_matches('(').trim_end_matches(')');
            number(trimmed, lang).map(|n| (trimmed.trim_start_matches('+').to_string(), n))
        })
        .collect()
}

/// What `lang` writes for ambition minus current.
fn difference(lang: Lang, a: f64, b: f64) -> String {
    lang.decimal(a - b)
}

fn level_labels(lang: Lang, flow: &Flow, scale: usize) -> Vec<String> {
    flow.scales[scale].labels.iter().map(|key| content().locales.text(lang, key, &[])).collect()
}

/// The label in the first parentheses of a line.
fn label_in(line: &str) -> Option<&str> {
    Some(line.split_once('(')?.1.split_once(')')?.0)
}

fn level_of_shown(value: f64) -> usize {
    (value.floor() as usize).clamp(1, 5)
}

/// Checks the lines of one dimension: "<name>: <current> (<label>)" (or with "median"),
/// then a line (the same one for teams) with ambition and gap.
fn check_gap(lang: Lang, values: &[(String, f64)], line: &str) -> Result<(), TestCaseError> {
    // current, ambition, gap: the last three numbers.
    prop_assert!(values.len() >= 3, "{line}");
    let [(_, current), (_, ambition), (gap, _)] = &values[values.len() - 3..] else { unreachable!() };
    if ambition < current && !gap.starts_with('-') {
        // "You are already 1.5 above that": the distance above the ambition, in words.
        prop_assert_eq!(gap, &difference(lang, *current, *ambition), "{}", line);
    } else {
        prop_assert_eq!(gap, &difference(lang, *ambition, *current), "{}", line);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_personal_snapshot_adds_up(answers in answers_strategy(content().default_flow())) {
        let flow = content().default_flow();
        let snapshot = snapshot(flow, &answers);
        for lang in Lang::ALL {
            let presenter = Presenter::new(content(), flow, lang);
            let text = presenter.snapshot(&snapshot);
            let lines: Vec<&str> = text.lines().collect();
            let mut shown_scores = Vec::new();
            for (d, dimension) in flow.dimensions.iter().enumerate() {
                let name = presenter.dimension_name(d);
                let at = lines.iter().position(|l| l.starts_with(&format!("{name}:"))).expect("a line per theme");
                let Some(score) = snapshot.dimensions[d].score else { continue };
                let head = &lines[at][name.len() + 1..];
                let current = numbers(head, lang)[0].1;
                shown_scores.push(current);
                let labels = level_labels(lang, flow, flow.item_scale(d));
                prop_assert_eq!(label_in(head), Some(labels[level_of_shown(current) - 1].as_str()), "{}", lines[at]);
                prop_assert_eq!(presenter.number(score), presenter.number(current));
                if let Some(ambition) = snapshot.dimensions[d].ambition {
                    let next = lines[at + 1];
                    let mut values = vec![(String::new(), current)];
                    values.extend(numbers(next, lang));
                    prop_assert_eq!(values[1].1, f64::from(ambition), "{}", next);
                    // The ambition is named on the scale the score is (Skills: "Advanced").
                    prop_assert_eq!(label_in(next), Some(labels[usize::from(ambition) - 1].as_str()), "{}", next);
                    check_gap(lang, &values, next)?;
                    // Above the ambition the line gives the distance above it, in words.
                    let gap = if f64::from(ambition) < current { -values[2].1 } else { values[2].1 };
                    let priority = presenter.msg(peilbot::messages::Msg::SnapshotPriority);
                    prop_assert_eq!(next.contains(&format!("· {priority}")), gap >= 1.5, "{}", next);
                }
                let _ = dimension;
            }
            // The overall index is the mean of the themes as shown.
            if snapshot.overall.is_some() {
                let line = lines.iter().find(|l| numbers(l, lang).len() == 1 && !l.starts_with(' ')
                    && !flow.dimensions.iter().enumerate().any(|(d, _)| l.starts_with(&presenter.dimension_name(d))))
                    .expect("an overall line");
                let index = &numbers(line, lang)[0].0;
                let mean = shown_scores.iter().sum::<f64>() / shown_scores.len() as f64;
                prop_assert_eq!(index, &lang.decimal(mean), "{}", line);
            }
            // The chart's row notes say the same as the text.
            let (rows, _) = presenter.chart(&snapshot, 0);
            for row in rows {
                let Some(note) = &row.note else { continue };
                let values = numbers(note, lang);
                if values.len() == 3 {
                    check_gap(lang, &values, note)?;
                    prop_assert!(text.contains(&format!("{}: {} (", row.label, values[0].0)), "{note}");
                }
            }
        }
    }

    /// The organisation-wide result is gathered a team at a time, in whatever order the
    /// teams come: the figures must not depend on the order of the respondents.
    #[test]
    fn a_result_does_not_depend_on_the_order_of_its_respondents(
        team in prop::collection::vec(answers_strategy(content().default_flow()), 1..12),
        split in 0usize..12,
    ) {
        let flow = content().default_flow();
        let forward: Vec<&Answers> = team.iter().collect();
        let mut reordered = forward.clone();
        reordered.reverse();
        reordered.rotate_left(split % team.len());
        prop_assert_eq!(team_stats(flow, &forward), team_stats(flow, &reordered));
    }

    #[test]
    fn a_team_result_adds_up_and_its_change_too(
        round1 in prop::collection::vec(answers_strategy(content().default_flow()), 5..9),
        round2 in prop::collection::vec(answers_strategy(content().default_flow()), 5..9),
    ) {
        let flow = content().default_flow();
        let shown = |set: &[Answers]| Shown {
            respondents: set.len(),
            set: BTreeSet::new(),
            stats: team_stats(flow, &set.iter().collect::<Vec<_>>()),
        };
        let result = TeamResult {
            team: "007".into(),
            round: 2,
            members: 9,
            respondents_now: round2.len(),
            shown: shown(&round2),
            up_to_date: true,
            previous: Some((1, shown(&round1))),
            by_role: Vec::new(),
            opened_at: 0,
            closed_at: None,
            open: None,
            published_rounds: vec![1, 2],
        };
        for lang in Lang::ALL {
            let presenter = Presenter::new(content(), flow, lang);
            let text = presenter.team_result(&result).text;
            prop_assert!(text.contains("\"007\""), "a team name stays as typed: {text}");
            let lines: Vec<&str> = text.lines().collect();
            for d in 0..flow.dimensions.len() {
                let name = presenter.dimension_name(d);
                let at = lines.iter().position(|l| l.starts_with(&format!("{name}:"))).expect("a line per theme");
                let stats = &result.shown.stats.dimensions[d];
                let Some(current) = stats.current else { continue };
                let line = &lines[at][name.len() + 1..];
                let values = numbers(line, lang);
                prop_assert_eq!(&values[0].0, &presenter.number(current));
                let labels = level_labels(lang, flow, flow.item_scale(d));
                prop_assert_eq!(label_in(line), Some(labels[level_of_shown(values[0].1) - 1].as_str()), "{}", line);
                if stats.ambition.is_some() {
                    check_gap(lang, &values, line)?;
                }
                // "A …: 3.0 → 3.5 (+0.5)" under "Change since the last round", against
                // round 1 as shown: the now minus the change gives back the before.
                let before = result.previous.as_ref().unwrap().1.stats.dimensions[d].current;
                let change_at = lines.iter().rposition(|l| l.starts_with(&format!("{name}:"))).unwrap();
                match before {
                    Some(before) => {
                        prop_assert!(change_at > at, "a change line: {}", text);
                        let change = numbers(&lines[change_at][name.len() + 1..], lang);
                        prop_assert_eq!(&change[0].0, &lang.decimal(before), "{}", lines[change_at]);
                        prop_assert_eq!(&change[1].0, &presenter.number(current), "{}", lines[change_at]);
                        prop_assert_eq!(&change[2].0, &difference(lang, current, before), "{}", lines[change_at]);
                        prop_assert_eq!(presenter.number(change[1].1 - change[2].1), lang.decimal(before));
                    }
                    None => prop_assert_eq!(change_at, at, "no change line without a before: {}", text),
                }
            }
            let (rows, _) = presenter.team_chart(&result, 0);
            for row in rows {
                let Some(note) = &row.note else { continue };
                let values = numbers(note, lang);
                if values.len() == 3 {
                    check_gap(lang, &values, note)?;
                }
            }
        }
    }
}

/// The date on a chart says what it is: when the scan was finished, when a round closed,
/// or the day an open round's result was drawn.
#[test]
fn a_charts_date_says_what_it_is() {
    let flow = content().default_flow();
    let answers = Answers::default();
    let shown = Shown { respondents: 5, set: BTreeSet::new(), stats: team_stats(flow, &[&answers; 5]) };
    let mut result = TeamResult {
        team: "Noord".into(),
        round: 1,
        members: 6,
        respondents_now: 5,
        shown,
        up_to_date: true,
        previous: None,
        by_role: Vec::new(),
        opened_at: 0,
        closed_at: None,
        open: None,
        published_rounds: vec![1],
    };
    // 2026-11-22 and 2026-12-07, at noon UTC.
    let (closed, drawn) = (1_795_348_800_000, 1_796_644_800_000);
    let en = Presenter::new(content(), flow, Lang::En);
    let nl = Presenter::new(content(), flow, Lang::Nl);
    let facts =
        |presenter: &Presenter, result: &TeamResult| presenter.team_chart(result, drawn).1.facts.unwrap();
    assert!(facts(&en, &result).contains(&format!("as of {}", en.date(drawn))), "{}", facts(&en, &result));
    assert!(
        facts(&nl, &result).contains(&format!("stand van {}", nl.date(drawn))),
        "{}",
        facts(&nl, &result)
    );
    result.closed_at = Some(closed);
    assert!(facts(&en, &result).contains(&format!("closed {}", en.date(closed))), "{}", facts(&en, &result));
    assert!(
        facts(&nl, &result).contains(&format!("gesloten op {}", nl.date(closed))),
        "{}",
        facts(&nl, &result)
    );

    let snapshot = snapshot(flow, &answers);
    let (_, text) = en.chart(&snapshot, closed);
    assert!(text.facts.unwrap().starts_with(&format!("scan of {} · ", en.date(closed))));
}
