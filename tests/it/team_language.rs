//! A team has a language: a Flemish lead's team speaks Flemish to whoever comes through
//! its link (Telegram reports plain `nl` in Flanders), unless they chose a language
//! themselves; a lead changes it with /teamlanguage; an organisation default covers people
//! who come without a team. The real binary against the fake Bot API.

use crate::support::bot::setup;
use crate::support::members::link_code;
use crate::support::person::Person;

const FLEMISH_NOTE: &str =
    "Ik spreek Vlaams met je, de taal van team \"Onthaal\". Liever een andere taal? Typ /language.";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_flemish_leads_link_speaks_flemish_unless_the_member_chose_a_language() {
    let (tg, _data, _bot) = setup(&[]).await;
    let lead = Person::new(&tg, 2200, "Lies", Some("nl-BE"));
    let created = lead.ask("/newteam Onthaal", "is aangemaakt").await;
    assert!(created.body().contains("jij bent de teamverantwoordelijke"), "{}", created.body());
    let code = link_code(created.body(), "join_");

    // Telegram says "nl", as it does for nearly everyone in Flanders.
    let jan = Person::new(&tg, 2201, "Jan", Some("nl"));
    let offer = jan.ask(&format!("/start join_{code}"), "lid worden").await;
    let welcome = &jan.messages()[0];
    assert!(
        welcome.body().contains("quickscan digitale maturiteit"),
        "the welcome is Flemish: {}",
        welcome.body()
    );
    assert!(!welcome.body().contains("volwassenheid"), "{}", welcome.body());
    let (note, question) = offer.body().split_once("\n\n").expect("a note, then the question");
    assert_eq!(note, FLEMISH_NOTE, "one line says which language and how to switch");
    assert!(question.contains("de teamverantwoordelijke ziet alleen resultaten"), "{question}");
    let join = offer.buttons().find(|(_, data)| data.starts_with("j:")).expect("a join button").1.clone();
    jan.press(offer.message_id, &join).await;
    jan.expect_text("Welkom bij").await;

    // Someone who chose English keeps it, and gets no note.
    let eve = Person::new(&tg, 2202, "Eve", Some("nl"));
    eve.ask("/start", "Welke taal").await;
    eve.switch_language("l:en", "From now on I'll speak English.").await;
    let offer = eve.ask(&format!("/start join_{code}"), "join").await;
    assert!(offer.body().starts_with("Do you want to join the team \"Onthaal\"?"), "{}", offer.body());

    // The lead makes it an English-speaking team; the next newcomer gets English.
    let asked = lead.ask("/teamlanguage", "Kies de taal van het team").await;
    assert!(asked.body().starts_with("Team \"Onthaal\" spreekt Vlaams."), "{}", asked.body());
    let english = asked.buttons().find(|(label, _)| label == "English").expect("an English button").1.clone();
    assert!(english.starts_with("g:") && english.ends_with(":en"), "{english}");

    // A member's forged tap on the same button changes nothing and names nothing.
    assert_eq!(jan.forge_tap(&english, "forged-team-language").await.as_deref(), None, "the tap is answered");
    let refused = jan.expect_text("Die knop geldt niet meer").await;
    assert!(!refused.body().contains("Onthaal"), "{}", refused.body());

    lead.press(asked.message_id, &english).await;
    tg.wait_until(crate::support::WAIT, |tg| {
        tg.message(lead.id(), asked.message_id)
            .is_some_and(|m| m.body().starts_with("Team \"Onthaal\" spreekt nu English."))
    })
    .await
    .expect("the question turns into the answer");
    let kim = Person::new(&tg, 2203, "Kim", Some("nl"));
    let offer = kim.ask(&format!("/start join_{code}"), "join").await;
    assert!(
        offer.body().starts_with("I speak English with you, the language of team \"Onthaal\". Another language? Type /language.\n\n"),
        "{}",
        offer.body()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_organisation_default_covers_people_who_come_without_a_team() {
    let (tg, _data, _bot) = setup(&[("PEILBOT_DEFAULT_LANG", "nl-BE")]).await;
    let flemish = Person::new(&tg, 2300, "An", Some("nl"));
    let welcome = flemish.ask("/start", "Peilbot").await;
    assert!(welcome.body().contains("digitale maturiteit"), "{}", welcome.body());
    let dutch = Person::new(&tg, 2301, "Sanne", Some("nl-NL"));
    let welcome = dutch.ask("/start", "Peilbot").await;
    assert!(
        welcome.body().contains("digitale volwassenheid"),
        "a region that says more wins: {}",
        welcome.body()
    );
    let english = Person::new(&tg, 2302, "Sam", Some("en"));
    let welcome = english.ask("/start", "Peilbot").await;
    assert!(welcome.body().contains("digital maturity"), "{}", welcome.body());
}
