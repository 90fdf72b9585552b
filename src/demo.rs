//! `peilbot demo`: a store full of synthetic but plausible people, teams and rounds, so a
//! newcomer sees team and organisation results without recruiting colleagues, and every
//! benchmark has the same organisation to measure.
//!
//! Everything is drawn from one ChaCha generator seeded by `--seed`, and every timestamp
//! is counted back from the demo's "now" (today, for `peilbot demo`), so the same seed on
//! the same day gives the same store, and a demo made today is dated this year. The data goes in
//! through the same code a chat uses: each scan is run through the engine (so questions
//! hidden by `show_if` are skipped as they would be), completed responses are committed
//! with [`Store::commit`], teams are created with [`Store::create_team`] and rounds
//! closed with [`Store::new_round`], which publishes their final results by the
//! anonymity rules. Open the store for bulk loading (`Options::flush_each_commit` off):
//! it is flushed once, at the end.
//!
//! How answers are drawn: each team has a level per theme (an organisation-wide mean
//! plus a team effect), a spread (some teams agree, some are divided), an ambition gap
//! and a trend over rounds; each person adds an offset of their own and noise per
//! statement; "don't know" is more common on AI and public values; ambitions are at or
//! above where the person stands, mostly.

use rand::{Rng, RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

use crate::anonymity::Rules;
use crate::engine::{self, Event, Response, Screen, State};
use crate::flow::{Answer, Answers, Flow, QuestionKind, SCALE_POINTS};
use crate::lang::Lang;
use crate::person::PersonId;
use crate::store::{Commit, Person, Store, StoreError};
use crate::team::{Team, TeamSeed};

/// What to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Spec {
    pub teams: usize,
    pub people: usize,
    pub rounds: u32,
    pub seed: u64,
    /// The demo's "now" (Unix ms): its rounds are dated back from it, so a store made today
    /// looks like this year's (and `serve`'s retention sweep keeps it). `peilbot demo` takes
    /// today; tests and benches a fixed [`EXAMPLE_NOW`] to be the same on every run.
    pub now: u64,
}

/// A fixed "now" for demos that must be the same on every run: 9 July 2024.
pub const EXAMPLE_NOW: u64 = 1_720_512_000_000;

/// What was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Made {
    pub people: usize,
    pub teams: usize,
    pub rounds: u32,
    pub responses: usize,
    /// The team names, in the order they were made.
    pub team_names: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error(
        "a demo needs at least one team, and at least 3 people per team (asked: {people} people in {teams} teams)"
    )]
    TooFewPeople { people: usize, teams: usize },
    #[error("a demo needs at least one round")]
    NoRounds,
    #[error("the data folder already holds teams; give peilbot demo a new --data folder")]
    NotEmpty,
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Round 1 of every demo team opens on a Monday, 09:00 UTC; each round lasts
/// [`ROUND_DAYS`], and the last one is still open.
const DAY: u64 = 24 * 60 * 60 * 1000;
const ROUND_DAYS: u64 = 91;
/// Closed rounds got their answers in the first six weeks; the open round has been open
/// this long.
const ANSWER_DAYS: u64 = 42;
const OPEN_DAYS: u64 = 28;

/// The organisation's mean level per theme, A to G (vision, data, citizens, public values,
/// AI, skills, culture): AI and data lag, as in most municipalities.
const THEME_MEANS: [f64; 7] = [2.9, 2.4, 3.0, 2.7, 2.0, 2.6, 3.0];
/// How often a statement of each theme is answered "don't know".
const DONT_KNOW: [f64; 7] = [0.03, 0.07, 0.04, 0.09, 0.14, 0.03, 0.03];

const MUNICIPALITIES: [&str; 40] = [
    "Amersfoort",
    "Apeldoorn",
    "Arnhem",
    "Assen",
    "Breda",
    "Delft",
    "Deventer",
    "Dordrecht",
    "Ede",
    "Eindhoven",
    "Emmen",
    "Enschede",
    "Gouda",
    "Groningen",
    "Haarlem",
    "Helmond",
    "Hengelo",
    "Hilversum",
    "Leeuwarden",
    "Leiden",
    "Lelystad",
    "Maastricht",
    "Nijmegen",
    "Oss",
    "Roermond",
    "Schiedam",
    "Tilburg",
    "Utrecht",
    "Venlo",
    "Zwolle",
    "Antwerpen",
    "Brugge",
    "Gent",
    "Hasselt",
    "Kortrijk",
    "Leuven",
    "Mechelen",
    "Oostende",
    "Roeselare",
    "Sint-Niklaas",
];
const DEPARTMENTS: [&str; 25] = [
    "Burgerzaken",
    "Financiën",
    "Sociaal Domein",
    "Ruimtelijke Ordening",
    "ICT",
    "Informatiebeheer",
    "Communicatie",
    "HR",
    "Inkoop",
    "Belastingen",
    "Vergunningen",
    "Openbare Ruimte",
    "Wonen",
    "Economie",
    "Onderwijs",
    "Jeugd",
    "Zorg en Welzijn",
    "Veiligheid",
    "Klantcontact",
    "Data en Analyse",
    "Juridische Zaken",
    "Facilitair",
    "Bestuursondersteuning",
    "Milieu",
    "Mobiliteit",
];
/// Roles by how common they are (ids from the flow's choice question).
const ROLES: [(&str, u32); 5] =
    [("policy", 35), ("service", 30), ("it-data", 12), ("management", 8), ("other", 15)];

/// A team's character: where it stands, how much its members differ, how much it wants.
struct Character {
    level: [f64; 7],
    spread: [f64; 7],
    gap: [f64; 7],
    trend: f64,
    participation: f64,
}

impl Made {
    /// What was made and what to try next, for the terminal.
    pub fn summary(&self, data: &std::path::Path, took: std::time::Duration) -> String {
        let data = data.display();
        let example = self.team_names.first().map_or("", String::as_str);
        format!(
            "Made {} people in {} teams, {} rounds each (the last one still open), with {} completed scans, in {:.1} s.\n\
             Try:\n  \
             peilbot team --data {data} \"{example}\"     # one team's result, as its lead sees it\n  \
             peilbot org --data {data}                      # every team and the whole organisation\n  \
             peilbot org --data {data} --format png --out org.png\n  \
             PEILBOT_ADMINS=<your Telegram id> peilbot serve --data {data}   # then /org in Telegram\n",
            self.people,
            self.teams,
            self.rounds,
            self.responses,
            took.as_secs_f64()
        )
    }
}

/// Fills an empty store.
pub fn fill(store: &Store, flow: &Flow, spec: Spec) -> Result<Made, DemoError> {
    if spec.teams == 0 || spec.people < spec.teams * 3 {
        return Err(DemoError::TooFewPeople { people: spec.people, teams: spec.teams });
    }
    if spec.rounds == 0 {
        return Err(DemoError::NoRounds);
    }
    if !store.all_teams()?.is_empty() {
        return Err(DemoError::NotEmpty);
    }
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let sizes = team_sizes(&mut rng, spec.teams, spec.people);
    let names = team_names(&mut rng, spec.teams);
    let start = start(spec);
    let mut next_person = 0;
    let mut teams = Vec::new();
    for (name, size) in names.iter().zip(sizes) {
        let members: Vec<PersonId> = (next_person..next_person + size).map(person_id).collect();
        next_person += size;
        for member in &members {
            let lang = pick_lang(&mut rng);
            store.commit(
                member,
                &Commit {
                    person: Some(Person { lang: Some(lang), ..Person::default() }),
                    ..Commit::default()
                },
            )?;
        }
        let mut team = Team::new(name, members[0].clone(), start, seed(&mut rng), flow);
        team.members.extend(members.iter().cloned());
        if size >= 8 && rng.random_bool(0.2) {
            team.leads.insert(members[1].clone());
        }
        store.create_team(&team)?;
        teams.push((team.id.clone(), members, character(&mut rng)));
    }
    let mut responses = 0;
    for round in 0..spec.rounds {
        let opened = start + u64::from(round) * ROUND_DAYS * DAY;
        let last = round + 1 == spec.rounds;
        for (_, members, character) in &teams {
            // The open round is still running: some teams are not at the minimum yet.
            let participation = if last {
                character.participation * rng.random_range(0.15..1.0)
            } else {
                character.participation
            };
            for member in members {
                if !rng.random_bool(participation) {
                    continue;
                }
                let days = if last { OPEN_DAYS } else { ANSWER_DAYS };
                let completed = opened + working_time(&mut rng, days);
                let lang = store.person(member)?.lang.unwrap_or(Lang::Nl);
                let response = take_scan(&mut rng, flow, character, round, lang, completed);
                store.commit(member, &Commit { completed: Some(response), ..Commit::default() })?;
                responses += 1;
            }
        }
        if !last {
            let closed = opened + ROUND_DAYS * DAY - 1;
            for (id, _, _) in &teams {
                store.new_round(flow, id, round + 1, Rules::default(), closed, flow)?;
            }
        }
    }
    store.flush()?;
    Ok(Made { people: spec.people, teams: spec.teams, rounds: spec.rounds, responses, team_names: names })
}

/// When the open round's answers were given: the demo's "now", for a clock.
pub fn now(spec: Spec) -> u64 {
    spec.now
}

/// When the first round opened: the Monday, 09:00 UTC, far enough back from `now` for the
/// closed rounds and the open one's [`OPEN_DAYS`] (and its last answers) to lie before it.
fn start(spec: Spec) -> u64 {
    let back = u64::from(spec.rounds.saturating_sub(1)) * ROUND_DAYS * DAY + (OPEN_DAYS + 3) * DAY;
    let day = spec.now.saturating_sub(back) / DAY;
    // 1 January 1970 was a Thursday: day 4 was a Monday.
    let monday = day - (day + 3) % 7;
    monday * DAY + 9 * 60 * 60 * 1000
}

fn person_id(number: usize) -> PersonId {
    PersonId(format!("demo:{number:06}"))
}

/// Team sizes that add up to `people`, each at least 3: most teams of a similar size,
/// some much larger (a log-normal spread).
fn team_sizes(rng: &mut ChaCha8Rng, teams: usize, people: usize) -> Vec<usize> {
    let weights: Vec<f64> = (0..teams).map(|_| (0.6 * normal(rng)).exp()).collect();
    let total: f64 = weights.iter().sum();
    let spare = people - 3 * teams;
    let mut sizes: Vec<usize> = weights.iter().map(|w| 3 + (w / total * spare as f64) as usize).collect();
    let mut left = people - sizes.iter().sum::<usize>();
    while left > 0 {
        sizes[rng.random_range(0..teams)] += 1;
        left -= 1;
    }
    sizes
}

/// "Burgerzaken Zwolle", …: every department of every municipality, shuffled, numbered
/// once they run out.
fn team_names(rng: &mut ChaCha8Rng, teams: usize) -> Vec<String> {
    let mut pairs: Vec<(&str, &str)> =
        MUNICIPALITIES.iter().flat_map(|m| DEPARTMENTS.iter().map(move |d| (*d, *m))).collect();
    for i in (1..pairs.len()).rev() {
        pairs.swap(i, rng.random_range(0..=i));
    }
    (0..teams)
        .map(|i| {
            let (department, municipality) = pairs[i % pairs.len()];
            match i / pairs.len() {
                0 => format!("{department} {municipality}"),
                n => format!("{department} {municipality} {}", n + 1),
            }
        })
        .collect()
}

fn pick_lang(rng: &mut ChaCha8Rng) -> Lang {
    match rng.random_range(0..10) {
        0..7 => Lang::Nl,
        7..9 => Lang::NlBe,
        _ => Lang::En,
    }
}

fn seed(rng: &mut ChaCha8Rng) -> TeamSeed {
    let mut seed = TeamSeed { id: [0; _], invite: [0; _] };
    rng.fill_bytes(&mut seed.id);
    rng.fill_bytes(&mut seed.invite);
    seed
}

fn character(rng: &mut ChaCha8Rng) -> Character {
    let effect = 0.45 * normal(rng);
    let divided = rng.random_bool(0.2);
    Character {
        level: std::array::from_fn(|d| THEME_MEANS[d] + effect + 0.35 * normal(rng)),
        spread: std::array::from_fn(|_| {
            if divided { rng.random_range(0.9..1.5) } else { rng.random_range(0.3..0.8) }
        }),
        gap: std::array::from_fn(|_| (1.0 + 0.45 * normal(rng)).clamp(0.0, 2.5)),
        trend: 0.12 + 0.08 * normal(rng),
        participation: rng.random_range(0.45..0.95),
    }
}

/// A time in the first `days` of a round, on a working day between 08:00 and 17:00, most
/// answers early in the round (after the invitation) and fewer later.
fn working_time(rng: &mut ChaCha8Rng, days: u64) -> u64 {
    let day = (rng.random::<f64>().powf(1.8) * days as f64) as u64;
    // The round opens on a Monday: days 5 and 6 of each week are the weekend.
    let day = if day % 7 >= 5 { day - day % 7 + 7 } else { day };
    let minute = rng.random_range(0..9 * 60);
    day * DAY + minute * 60 * 1000
}

/// One person's scan, answered question by question through the engine.
fn take_scan(
    rng: &mut ChaCha8Rng,
    flow: &Flow,
    team: &Character,
    round: u32,
    lang: Lang,
    completed: u64,
) -> Response {
    let offset = 0.35 * normal(rng);
    let dont_know_bias = rng.random_range(0.3..1.8);
    let role = pick_role(rng);
    let started = completed - rng.random_range(4..16) * 60 * 1000;
    let mut state = State { lang, scan: None };
    let mut transition = engine::step(flow, &state, Event::Start, started);
    let mut answers = Answers::new();
    while let Screen::Question(view) = &transition.output.screen {
        let question = &flow.questions[view.question];
        let answer = match &question.kind {
            QuestionKind::Scale { dimension, .. } => {
                let d = dimension % THEME_MEANS.len();
                if rng.random_bool((DONT_KNOW[d] * dont_know_bias).min(0.9)) {
                    Answer::DontKnow
                } else {
                    let level = team.level[d] + team.trend * f64::from(round) + offset;
                    Answer::Level(to_level(level + team.spread[d] * normal(rng)))
                }
            }
            QuestionKind::Ambition { dimension, .. } => {
                let d = dimension % THEME_MEANS.len();
                let now = own_level(flow, *dimension, &answers);
                if rng.random_bool(0.02) {
                    Answer::DontKnow
                } else {
                    let wanted = now.unwrap_or(team.level[d]) + team.gap[d] + 0.5 * normal(rng);
                    // Ambition below where one stands happens, but rarely.
                    let floor = now.filter(|_| rng.random_bool(0.92)).map_or(1.0, f64::round);
                    Answer::Level(to_level(wanted.max(floor)))
                }
            }
            QuestionKind::Choice { options } => {
                let id = options.iter().find(|o| o.id == role).unwrap_or(&options[0]).id.clone();
                Answer::Choice(id)
            }
        };
        answers.insert(question.id.clone(), answer.clone());
        let event = match answer {
            Answer::DontKnow => Event::DontKnow { question: question.id.clone() },
            answer => {
                let choice = flow.offers(view.question).iter().position(|o| o.answer == answer).unwrap_or(0);
                Event::Answer { question: question.id.clone(), choice }
            }
        };
        state = transition.state;
        transition = engine::step(flow, &state, event, completed);
    }
    transition.completed.expect("a scan answered to the end completes")
}

/// The mean of a person's answers on a theme so far, for their ambition.
fn own_level(flow: &Flow, dimension: usize, answers: &Answers) -> Option<f64> {
    let levels: Vec<f64> = flow
        .questions
        .iter()
        .filter(|q| q.kind.statement_of() == Some(dimension))
        .filter_map(|q| match answers.get(&q.id) {
            Some(Answer::Level(level)) => Some(f64::from(*level)),
            _ => None,
        })
        .collect();
    (!levels.is_empty()).then(|| levels.iter().sum::<f64>() / levels.len() as f64)
}

fn pick_role(rng: &mut ChaCha8Rng) -> &'static str {
    let total: u32 = ROLES.iter().map(|(_, weight)| weight).sum();
    let mut draw = rng.random_range(0..total);
    for (role, weight) in ROLES {
        if draw < weight {
            return role;
        }
        draw -= weight;
    }
    ROLES[0].0
}

fn to_level(value: f64) -> u8 {
    value.round().clamp(1.0, f64::from(SCALE_POINTS)) as u8
}

/// A standard normal draw (Box–Muller).
fn normal(rng: &mut ChaCha8Rng) -> f64 {
    let u: f64 = 1.0 - rng.random::<f64>();
    let v: f64 = rng.random();
    (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
}
