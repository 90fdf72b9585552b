# Teams, rondes en teamresultaten (crates/peilbot-core/src/messages.rs), Nederlands.
# Aanspreken: altijd "je/jij/jouw", nooit "u/uw". nl-BE (locales/nl-BE/teams.ftl) overschrijft alleen wat verschilt.

## Creating, inviting, joining

team-created = Team "{ $team }" is aangemaakt, en jij bent de teamleider. Deel deze link met je team: { $link }
team-invite = Uitnodigingslink voor "{ $team }": { $link }
team-new-invite = Nieuwe uitnodigingslink voor "{ $team }": { $link }
    De oude link werkt niet meer.
team-name-missing = Geef het team een naam van hoogstens 64 tekens, bijvoorbeeld: /newteam Klantcontact
team-join-confirm = Wil je lid worden van het team "{ $team }"? Je eigen antwoorden blijven van jou: de teamleider ziet alleen resultaten van { $min } mensen of meer, nooit wie wat antwoordde.
team-join-button = Lid worden van het team
team-joined = Welkom bij "{ $team }"! Doe "{ $title }" wanneer het je uitkomt.
team-already-member = Je bent al lid van "{ $team }".
team-start-scan-button = Starten of verdergaan: { $title }
team-list-title = Jouw teams:
team-list-lead = { $team }: teamleider
team-list-member = { $team }: lid
team-list-empty = Je zit nog niet in een team. Maak er een met /newteam NAAM, of open een uitnodigingslink van je teamleider.
team-pick = Welk team?
team-not-lead = Alleen een teamleider kan dat. Je bent geen teamleider: met /newteam NAAM maak je zelf een team.
team-not-member = Je zit niet in een team.
team-left = Je hebt "{ $team }" verlaten. Teamresultaten die al getoond zijn blijven zoals ze waren; vanaf het volgende resultaat tellen je antwoorden niet meer mee voor dit team. Je antwoorden blijven van jou.
team-last-lead = Je bent de enige teamleider van "{ $team }". Maak eerst iemand anders teamleider (/addlead) en verlaat het team daarna.
team-lead-invite = Stuur deze eenmalige link naar het teamlid dat teamleider van "{ $team }" moet worden: { $link }
team-lead-added = Je bent nu teamleider van "{ $team }". Met /team zie je het teamresultaat.
team-lead-not-member = Word eerst lid van het team via de uitnodigingslink, en open deze link daarna opnieuw.

## Rounds and the team result

team-round-opened = Ronde { $round } van "{ $team }" is geopend en ronde { $previous } is gesloten. De nieuwe ronde vraagt "{ $title }"; scans die vanaf nu worden afgerond, tellen mee voor de nieuwe ronde.
team-too-few = "{ $team }", ronde { $round }: { $respondents } van de { $members } teamleden { $respondents ->
        [one] heeft
       *[other] hebben
    } de scan afgerond. Voor een teamresultaat zijn minstens { $needed } mensen nodig: nog { $more } te gaan. Zo blijven ieders antwoorden beschermd.
team-held = "{ $team }", ronde { $round }: { $respondents } van de { $members } teamleden zijn klaar, maar een resultaat zou met minder dan { $step } mensen verschillen van een resultaat dat al getoond is (van een team met grotendeels dezelfde mensen). Het verschijnt zodra meer mensen klaar zijn. Zo blijven ieders antwoorden beschermd.
team-result-title = Team "{ $team }", ronde { $round }: { $respondents } van de { $members } teamleden { $respondents ->
        [one] heeft
       *[other] hebben
    } de scan afgerond.
team-result-frozen = Dit is het resultaat zoals het eerder getoond is, over { $shown } mensen. Een nieuw resultaat verschijnt pas als het met minstens { $step } mensen verschilt van elk resultaat dat al getoond is, van dit team of van een team met dezelfde mensen, zodat niemands antwoorden uit het verschil af te leiden zijn.
team-dimension = { $name }: mediaan { $current } ({ $level }), ambitie { $ambition }, kloof { $gap }
team-dimension-no-ambition = { $name }: mediaan { $current } ({ $level }), geen ambitie opgegeven
team-dimension-no-score = { $name }: te weinig antwoorden voor een mediaan
team-spread = spreiding (IQR) { $iqr }: { $view }
team-view-shared = gedeeld beeld
team-view-divided = verdeeld beeld
team-view-mixed = de beelden lopen wat uiteen
team-dont-know = { $share }% weet ik niet
team-change = verandering sinds ronde { $round }: { $change }
team-by-role-title = Per rol (alleen groepen van 7 of meer, met minstens 7 anderen ernaast):
team-by-role = { $role } ({ $respondents }): { $medians }
team-how-to-read = Zo lees je dit: medianen over het hele team, op een schaal van 1 tot 5, afgerond op één decimaal; de kloof en de verandering zijn berekend met de getallen zoals je ze ziet. De spreiding (interkwartielafstand, IQR) toont hoe ver de beelden uiteenlopen: 1 of minder is een gedeeld beeld, 2 of meer een verdeeld beeld. Niemands eigen antwoorden worden ooit getoond, en ook nooit een laagste of hoogste waarde.
chart-team-title = Team "{ $team }", ronde { $round }: mediaan nu en over 2 jaar
chart-spread = Spreiding (IQR)

## Export

team-export-caption = Teamresultaten van "{ $team }" per ronde, als CSV, als Excel-bestand (xlsx) en als JSON. Alleen rondes met genoeg deelnemers staan erin.
team-export-empty = Er is nog niets te exporteren: geen enkele ronde van "{ $team }" heeft genoeg deelnemers.
export-col-team = Team
export-col-round = Ronde
export-col-opened = Geopend
export-col-closed = Gesloten
export-col-respondents = Respondenten
export-col-dimension = Thema
export-col-current = Mediaan nu
export-col-ambition = Mediaan ambitie
export-col-gap = Kloof
export-col-q1 = Eerste kwartiel
export-col-q3 = Derde kwartiel
export-col-iqr = Spreiding (IQR)
export-col-dont-know = Weet ik niet (%)

## Reminders

remind-nudge = Een herinnering van je team "{ $team }": "{ $title }" duurt ongeveer { $minutes } minuten. Je eigen antwoorden blijven van jou; het team ziet alleen resultaten van { $min } mensen of meer.
remind-sent = { $count ->
        [one] Herinnering gestuurd naar { $count } teamlid dat ronde { $round } nog niet heeft afgerond.
       *[other] Herinnering gestuurd naar { $count } teamleden die ronde { $round } nog niet hebben afgerond.
    } Wie herinneringen heeft uitgezet, de bot heeft geblokkeerd of de afgelopen 24 uur al een herinnering kreeg, is overgeslagen.
settings-reminders-on = Teamherinneringen: aan.
settings-reminders-off = Teamherinneringen: uit.
settings-reminders-turn-off = Teamherinneringen uitzetten
settings-reminders-turn-on = Teamherinneringen aanzetten

## Organisation view

org-title = Organisatieoverzicht: de mediaan van het huidige niveau per team, alleen voor teams met minstens { $min } deelnemers in hun huidige ronde.
org-none = Nog geen enkel team heeft genoeg deelnemers.
org-not-admin = Alleen beheerders van de organisatie kunnen /org gebruiken.

## Team commands in the menu

cmd-newteam = Een team maken en er teamleider van worden
cmd-invite = De uitnodigingslink van je team tonen
cmd-newinvite = De uitnodigingslink vervangen (de oude werkt dan niet meer)
cmd-teams = Je teams en je rol daarin
cmd-leave = Een team verlaten
cmd-addlead = Een ander teamlid teamleider maken
cmd-newround = De huidige ronde sluiten en de volgende openen
cmd-team = Het teamresultaat (teamleiders)
cmd-export = De teamresultaten als CSV en JSON (teamleiders)
cmd-remind = Teamleden herinneren die nog niet klaar zijn (teamleiders)

# issue 10: rounds per flow

team-round-flow = Ronde { $round } vraagt "{ $title }". Moet je team in deze ronde een andere scan doen? Kies die hier, voordat iemand klaar is.
team-round-flow-set = Ronde { $round } van "{ $team }" vraagt nu "{ $title }". De uitnodigingslink leidt daarheen.
team-round-flow-locked = Ronde { $round } van "{ $team }" heeft al een resultaat, dus de scan blijft zoals hij is. Open met /newround een nieuwe ronde om "{ $title }" te vragen.
org-flow-title = { $title }
