//! A curious lead against the real binary: each known way to read one person's answers
//! off team results (breakdowns against the total, a round closed right after one more
//! person finished, "change since", members who leave or forget, overlapping teams) is
//! tried here, and each time what the lead sees gives the target away in no theme.
//!
//! The lead knows everyone's answers but the target's, and has as many views as they
//! like; "learns nothing" means every figure shown is one that was already shown without
//! the target, or one over at least 3 more people than any result it could be set against.

use crate::support::bot::setup;
use crate::support::members::*;
use crate::support::person::Person;

/// The second role, "Service desk and front office".
const SERVICE: usize = 1;

/// The median line of every theme, and nothing else of the result.
fn medians(result: &str) -> Vec<String> {
    DIMENSIONS.iter().map(|dimension| dimension_lines(result, dimension).0).collect()
}

/// The CSV export's rows of round `round`: (respondents, median now) per theme.
fn exported(rows: &[Vec<String>], round: &str) -> Vec<(String, String)> {
    rows.iter().filter(|row| row[1] == round).map(|row| (row[5].clone(), row[7].clone())).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_role_group_is_never_shown_beside_a_total_it_could_be_subtracted_from() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lea = Person::new(&tg, 1000, "Lea", Some("en"));
    let m = people(&tg, 1000, "Member", 14);
    team_with(&lea, "Alpha", &m).await;

    // Seven in policy, the target alone at the service desk: the team median and the
    // policy median together would give the target's score in every theme.
    for (k, person) in m[..7].iter().enumerate() {
        complete_scan_as(person, [L1, L2, L3, L3, L4, L4, L5][k], L3, POLICY).await;
    }
    complete_scan_as(&m[7], L1, L3, SERVICE).await;
    let (eight, _) = lea.team_result("/team").await;
    assert!(eight.starts_with("Team \"Alpha\", round 1: 8 of 15 members have finished.\n\n"), "{eight}");
    assert!(!eight.contains("By role"), "a group of 7 beside a rest of 1\n{eight}");
    assert!(!eight.contains("Policy"), "{eight}");

    // Six more at the service desk: 7 and 7, each group with 7 others beside it. The
    // service desk group is shown. The policy group is not: it is the 8 already shown
    // without the target, so the two together would still give the target away.
    for person in &m[8..14] {
        complete_scan_as(person, L4, L3, SERVICE).await;
    }
    let (fourteen, _) = lea.team_result("/team").await;
    assert!(
        fourteen.starts_with("Team \"Alpha\", round 1: 14 of 15 members have finished.\n\n"),
        "{fourteen}"
    );
    assert!(
        fourteen.contains(
            "By role\nOnly groups of 7 or more, with at least 7 others beside them:\n\
             Service desk and front office (7): A 4.0, B 4.0, C 4.0, D 4.0, E 4.0, F 4.0, G 4.0\n"
        ),
        "{fourteen}"
    );
    assert!(!fourteen.contains("Policy ("), "{fourteen}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn closing_a_round_right_after_one_more_scan_shows_nothing_new() {
    let (tg, _data, _bot) = setup(&[]).await;
    // Five with scores 1 to 5: median 3. The target (the sixth) taps 5: over six the
    // median would be 3.5, which gives the target away as "4 or more".
    let (rik, m) = rho_after_round_one(&tg, 1100, 6).await;
    let (five, _) = rik.team_result("/team").await;
    assert!(medians(&five).iter().all(|line| line.contains(": median 3.0 (")), "{five}");
    complete_scan(&m[5], L5, L3).await;
    // Rounds are stored in milliseconds: close the round after the scan.
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    rik.confirm("/newround", "is open").await;

    // The closed round keeps what was shown: over 5, median 3.
    let documents = export_documents(&tg, &rik).await;
    let rows = csv_rows(&documents[0]);
    assert_eq!(exported(&rows, "1"), vec![("5".to_string(), "3,0".to_string()); 7], "{rows:?}");

    // Round 2: the same five tap 4. The change is against round 1 as shown (3), so
    // 4 - change gives back 3, never the 3.5 over six.
    complete_equal_scans(&m[..5], L4, L3).await;
    let (round2, _) = rik.team_result("/team").await;
    for dimension in DIMENSIONS {
        let (line, _) = dimension_lines(&round2, dimension);
        assert!(line.contains(": median 4.0 ("), "{line}");
        let change = change_line(&round2, dimension).unwrap_or_else(|| panic!("a change line:\n{round2}"));
        assert!(change.ends_with(": 3.0 → 4.0 (+1.0)"), "{change}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_who_leave_or_forget_change_no_result_already_shown() {
    let (tg, _data, _bot) = setup(&[]).await;
    let noa = Person::new(&tg, 1200, "Noa", Some("en"));
    let m = people(&tg, 1200, "Member", 6);
    team_with(&noa, "Nu", &m).await;

    // Six with scores 1, 2, 3, 4, 5, 5: median 3.5. Without the sixth it would be 3.
    complete_scans(&[
        (&m[0], L1, L3),
        (&m[1], L2, L3),
        (&m[2], L3, L3),
        (&m[3], L4, L3),
        (&m[4], L5, L3),
        (&m[5], L5, L3),
    ])
    .await;
    let (six, _) = noa.team_result("/team").await;
    assert!(medians(&six).iter().all(|line| line.contains(": median 3.5 (")), "{six}");

    // The target leaves, and is told what that means.
    let left = m[5].confirm("/leave", "You left").await.1;
    assert_eq!(
        left.body(),
        "You left \"Nu\". Team results already shown stay as they were; from the next result on, \
         your answers no longer count for this team. Your answers stay yours."
    );
    let (after_leaving, _) = noa.team_result("/team").await;
    assert!(after_leaving.starts_with("Team \"Nu\", round 1: 5 of 6 members have finished.\n"));
    assert!(
        after_leaving.contains("This result covers 6 people: the result as it was first shown."),
        "{after_leaving}"
    );
    assert_eq!(medians(&after_leaving), medians(&six), "the result over six, not a new one over five");

    // Another member forgets everything.
    let confirm = m[4].ask("/forget", "This deletes everything").await;
    let query = tg.press_label(&m[4].chat, confirm.message_id, "Delete my data");
    m[4].callback_answer(&query).await;
    m[4].ask("/teams", "You are not in").await;
    let (after_forgetting, _) = noa.team_result("/team").await;
    assert!(after_forgetting.starts_with("Team \"Nu\", round 1: 4 of 5 members have finished.\n"));
    assert_eq!(medians(&after_forgetting), medians(&six));

    // Closing the round: its final result is still the one over six.
    tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    noa.confirm("/newround", "is open").await;
    let rows = csv_rows(&export_documents(&tg, &noa).await[0]);
    assert_eq!(exported(&rows, "1"), vec![("6".to_string(), "3,5".to_string()); 7], "{rows:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_teams_that_differ_by_one_person_never_both_show_a_result() {
    let (tg, _data, _bot) = setup(&[("PEILBOT_ADMINS", "1300")]).await;
    let ada = Person::new(&tg, 1300, "Ada", Some("en"));
    let xavier = Person::new(&tg, 1310, "Xavier", Some("en"));
    let yara = Person::new(&tg, 1320, "Yara", Some("en"));
    let five = people(&tg, 1330, "Shared", 5);
    let target = Person::new(&tg, 1340, "Target", Some("en"));
    let late = people(&tg, 1350, "Late", 2);
    team_with(&xavier, "X", &five).await;
    team_with(&yara, "Y", five.iter().chain([&target])).await;

    complete_scans(&[
        (&five[0], L1, L3),
        (&five[1], L2, L3),
        (&five[2], L3, L3),
        (&five[3], L4, L3),
        (&five[4], L5, L3),
        (&target, L5, L3),
    ])
    .await;

    // X (the five) is shown first; Y (the five and the target) would differ by one.
    let (x, _) = xavier.team_result("/team").await;
    assert!(medians(&x).iter().all(|line| line.contains(": median 3.0 (")), "{x}");
    let held = yara.ask("/team", "finished").await;
    assert_eq!(
        held.body(),
        "\"Y\", round 1: 6 of 7 members have finished, but a result would differ by fewer than 3 people \
         from one already shown (of a team with largely the same people). It appears once more people \
         have finished. This protects everyone's answers."
    );
    let empty = yara.ask("/export", "nothing to export").await;
    assert!(empty.body().starts_with("There is nothing to export yet"), "{}", empty.body());
    let mark = ada.mark();
    ada.say("/org");
    let table = ada.expect_after(mark, "Organisation view").await;
    assert!(table.body().contains("\nX · round 1 · N = 5 of "), "{}", table.body());
    assert!(
        table.body().contains("\nY: round 1, 6 of 7 members finished"),
        "held: counts only: {}",
        table.body()
    );

    // Two more people join Y and finish: eight, three more than X's five.
    let code = link_code(yara.ask("/invite", "Invite link").await.body(), "join_");
    for person in &late {
        join(person, &code).await;
    }
    complete_scans(&[(&late[0], L1, L3), (&late[1], L1, L3)]).await;
    let (y, _) = yara.team_result("/team").await;
    assert!(y.starts_with("Team \"Y\", round 1: 8 of 9 members have finished.\n\n"), "{y}");
}

/// The organisation row beside published team rows: two teams of 3 are published and the
/// one person of a third team who finished (below the minimum) is never pooled into the
/// organisation row, so the row minus the two team rows is nobody.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_organisation_row_never_holds_a_team_below_the_minimum() {
    let (tg, _data, _bot) = setup(&[("PEILBOT_ADMINS", "1800"), ("PEILBOT_MIN_RESPONDENTS", "3")]).await;
    let ada = Person::new(&tg, 1800, "Ada", Some("en"));
    let (ann, bob, cas) = (
        Person::new(&tg, 1810, "Ann", Some("en")),
        Person::new(&tg, 1820, "Bob", Some("en")),
        Person::new(&tg, 1830, "Cas", Some("en")),
    );
    let (alpha, beta) = (people(&tg, 1810, "Alpha", 3), people(&tg, 1820, "Beta", 3));
    let target = people(&tg, 1830, "Gamma", 1);
    team_with(&ann, "Alpha", &alpha).await;
    team_with(&bob, "Beta", &beta).await;
    team_with(&cas, "Gamma", &target).await;
    for member in alpha.iter().chain(&beta) {
        complete_scan(member, L3, L4).await;
    }
    // The target answers at the top of the scale: pooled in, the org medians would move.
    complete_scan(&target[0], L5, L5).await;
    ann.ask("/team", "Alpha").await;
    bob.ask("/team", "Beta").await;

    let org = ada.ask("/org", "Organisation view").await;
    let body = org.body();
    assert!(body.contains("Gamma: round 1, 1 of 2 members finished"), "counted: {body}");
    assert!(
        body.contains("Whole organisation, 6 respondents: exactly the people in the team results below"),
        "only the published teams' six: {body}"
    );
    let now = "A 3.0 · B 3.0 · C 3.0 · D 3.0 · E 3.0 · F 3.0 · G 3.0";
    assert!(body.lines().any(|line| line.starts_with("  now") && line.ends_with(now)), "{body}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lead_who_retakes_their_own_scan_learns_nothing_of_the_next_member() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lea = Person::new(&tg, 1300, "Lea", Some("en"));
    let m = people(&tg, 1300, "Member", 5);
    team_with(&lea, "Xi", &m).await;
    // Lea and four members: scores 1, 2, 3, 4, 5 in every theme, median 3, published.
    complete_scan(&lea, L3, L3).await;
    for (person, level) in m[..4].iter().zip([L1, L2, L4, L5]) {
        complete_scan(person, level, L3).await;
    }
    let (five, _) = lea.team_result("/team").await;
    assert!(medians(&five).iter().all(|line| line.contains(": median 3.0 (")), "{five}");
    // The target (the sixth) taps 5: over six the median would be 3.5.
    complete_scan(&m[4], L5, L3).await;
    let (six, _) = lea.team_result("/team").await;
    assert_eq!(medians(&six), medians(&five), "frozen at five");
    // Lea retakes with the same answers: a new response in place of her old one. By
    // response the set is three apart from the one shown (old out, new and the target
    // in); by person it is two apart, so the result stays the one over five.
    complete_scan(&lea, L3, L3).await;
    let (after, _) = lea.team_result("/team").await;
    assert!(after.starts_with("Team \"Xi\", round 1: 6 of 6 members have finished.\n"), "{after}");
    assert!(after.contains("This result covers 5 people"), "{after}");
    assert_eq!(medians(&after), medians(&five), "the target's 5 is not to be read from a new median");
}
