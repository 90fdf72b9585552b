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
team-lead-offer = Je bent uitgenodigd om teamleider van "{ $team }" te worden. Een teamleider ziet de resultaten van het team (nooit wie wat heeft geantwoord), opent nieuwe rondes en stuurt herinneringen.
team-lead-offer-button = Teamleider worden
team-lead-already = Je bent al teamleider van "{ $team }". Deze link is voor het teamlid dat ook teamleider moet worden: stuur hem door; hij werkt nog.

## Rounds and the team result

team-round-opened = Ronde { $round } van "{ $team }" is geopend en ronde { $previous } is gesloten. De nieuwe ronde vraagt "{ $title }"; scans die vanaf nu worden afgerond, tellen mee voor de nieuwe ronde.
team-too-few = "{ $team }", ronde { $round }: { $respondents ->
        [0] nog niemand heeft de scan afgerond.
        [one] 1 van de { $members } teamleden heeft de scan afgerond.
       *[other] { $respondents } van de { $members } teamleden hebben de scan afgerond.
    } Voor een teamresultaat zijn minstens { $needed } mensen nodig: nog { $more } te gaan. Zo blijven ieders antwoorden beschermd.
team-held = "{ $team }", ronde { $round }: { $respondents } van de { $members } teamleden zijn klaar, maar een resultaat zou met minder dan { $step } mensen verschillen van een resultaat dat al getoond is (van een team met grotendeels dezelfde mensen). Het verschijnt zodra meer mensen klaar zijn. Zo blijven ieders antwoorden beschermd.
team-result-title = Team "{ $team }", ronde { $round }: { $respondents } van de { $members } teamleden { $respondents ->
        [one] heeft
       *[other] hebben
    } de scan afgerond.
team-result-frozen = Dit resultaat gaat over { $shown } mensen: het resultaat zoals het eerst getoond is. Het wordt vernieuwd zodra er minstens { $more } meer klaar { $more ->
        [one] is
       *[other] zijn
    }, en alleen als het dan met minstens { $step } mensen verschilt van elk resultaat dat al getoond is, van dit team of van een team met dezelfde mensen, zodat niemands antwoorden uit het verschil af te leiden zijn.
team-dimension = { $name }: mediaan { $current } ({ $level }), ambitie { $ambition }, kloof { $gap }
team-dimension-no-ambition = { $name }: mediaan { $current } ({ $level }), geen ambitie opgegeven
team-dimension-no-score = { $name }: te weinig antwoorden voor een mediaan
team-spread = spreiding (IQR) { $iqr }: { $view }
team-view-shared = gedeeld beeld
team-view-divided = verdeeld beeld
team-view-mixed = daartussenin, niet gedeeld en niet verdeeld
team-dont-know = { $share }% weet ik niet
team-change = verandering sinds ronde { $round }: { $change }
team-by-role-title = Alleen groepen van 7 of meer, met minstens 7 anderen ernaast:
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
export-col-took-part = Deden mee
export-col-respondents = In het resultaat
export-col-dimension = Thema
export-col-current = Mediaan nu
export-col-ambition = Mediaan ambitie
export-col-gap = Kloof
export-col-q1 = Eerste kwartiel
export-col-q3 = Derde kwartiel
export-col-iqr = Spreiding (IQR)
export-col-dont-know = Weet ik niet (%)
export-col-view = Beeld
export-col-attention = Let op

## Reminders

remind-nudge = Een herinnering van je team "{ $team }": "{ $title }" duurt ongeveer { $minutes } minuten. Je eigen antwoorden blijven van jou; het team ziet alleen resultaten van { $min } mensen of meer.
remind-sent = { $count ->
        [0] Er is niemand om te herinneren: iedereen heeft ronde { $round } afgerond, herinneringen uitgezet, de bot geblokkeerd of de afgelopen 24 uur al een herinnering gekregen.
        [one] Herinnering gestuurd naar { $count } teamlid dat ronde { $round } nog niet heeft afgerond. Wie herinneringen heeft uitgezet, de bot heeft geblokkeerd of de afgelopen 24 uur al een herinnering kreeg, is overgeslagen.
       *[other] Herinnering gestuurd naar { $count } teamleden die ronde { $round } nog niet hebben afgerond. Wie herinneringen heeft uitgezet, de bot heeft geblokkeerd of de afgelopen 24 uur al een herinnering kreeg, is overgeslagen.
    }
settings-reminders-on = Teamherinneringen: aan.
settings-reminders-off = Teamherinneringen: uit.
settings-reminders-turn-off = Teamherinneringen uitzetten
settings-reminders-turn-on = Teamherinneringen aanzetten

## Organisation view

org-title = Organisatieoverzicht: per team de laatste ronde met minstens { $min } deelnemers, met ambitie, kloof en N.
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
confirm-new-round-flow-button = Ja, open ronde { $next } met "{ $title }"
confirm-new-round-flows = Ronde { $next } vraagt opnieuw "{ $title }", tenzij je hieronder een andere scan kiest.
team-round-old-version = Let op: ronde { $round } vraagt een eerdere versie van "{ $title }", waarvan de vragen inmiddels zijn veranderd. Scans van de nieuwe versie tellen mee vanaf de volgende ronde: open die met /newround.

# issue 12: bevestigingen, namen en lege gevallen

team-above-ambition = al boven de ambitie
confirm-new-round = Ronde { $round } van "{ $team }" sluiten en ronde { $next } openen? Scans die daarna worden afgerond, tellen mee voor de nieuwe ronde; de gesloten ronde houdt haar laatste resultaat. Dat kan niet ongedaan worden gemaakt.
confirm-new-round-button = Ja, open ronde { $next }
confirm-leave = "{ $team }" verlaten? Vanaf het volgende resultaat tellen je antwoorden niet meer mee voor dit team.
confirm-leave-sole-lead = Je bent de enige teamleider van "{ $team }": als je weggaat, heeft het team geen teamleider meer, en kan niemand de resultaten zien of een nieuwe ronde openen. Wil je het overdragen, maak dan eerst iemand anders teamleider met /addlead. Toch verlaten?
confirm-leave-button = Ja, verlaat het team
team-left-no-lead = Je hebt "{ $team }" verlaten. Het team heeft nu geen teamleider. Teamresultaten die al getoond zijn blijven zoals ze waren; je antwoorden blijven van jou.
team-name-duplicate = Je bent al teamleider van een team dat "{ $team }" heet. Geef het nieuwe team een andere naam.
team-picked = Team: { $team }
remind-queued = Het is buiten werktijd, dus de berichten aan de leden van "{ $team }" ({ $count }) wachten tot de volgende werkdag om 9.00 uur.
# issue 11: team advice
team-advice-no-priorities = Geen thema heeft een kloof van 1,5 of meer: houd vast aan wat werkt en kijk naar de thema's hieronder.
team-advice-priority = { $rank }. { $name } (kloof { $gap }): { $step }
team-advice-make-visible = Maak dit zichtbaar, veel mensen antwoordden "weet ik niet": { $list }
team-advice-share = { $name } ({ $share }%)
team-statements-lowest = Stellingen met de laagste score:
team-statements-unknown = Vaakst "weet ik niet":
team-statement-median = • { $statement } (mediaan { $median })
team-statement-dont-know = • { $statement } ({ $share }% weet ik niet)

# issue 11: rounds
team-result-title-closed = Team "{ $team }", ronde { $round } (gesloten): { $respondents } mensen deden mee.
team-round-button = Ronde { $round }
round-opened-nudge = Ronde { $round } van je team "{ $team }" is begonnen: "{ $title }" duurt ongeveer { $minutes } minuten. Je eigen antwoorden blijven van jou; het team ziet alleen resultaten van { $min } mensen of meer.
round-opened-sent = { $count ->
    [one] 1 teamlid heeft een bericht gekregen, met een knop om te beginnen.
   *[other] { $count } teamleden hebben een bericht gekregen, met een knop om te beginnen.
    }
chart-facts = scan van { $date } · weet ik niet { $dontknow }%
chart-team-facts = N = { $respondents } · { $closed ->
        [yes] gesloten op { $date }
       *[no] stand van { $date }
    } · weet ik niet { $dontknow }%
chart-previous = Ronde { $round }
date-short = { $day }-{ $month }-{ $year }

# issue 11: the report and commands per role
cmd-report = Een pdf-rapport van het teamresultaat om te delen (teamleiders; voor beheerders de organisatie)
cmd-org = Het overzicht van de organisatie (beheerders)
report-title = Digitale volwassenheid van team "{ $team }"
report-facts = Afgedrukt op { $date } · { $flow } · { $round } · { $count }
report-round-open = ronde { $round }, begonnen op { $date }
report-round-closed = ronde { $round } (gesloten), begonnen op { $date }
report-priorities = Prioriteiten en volgende stappen
report-views = Waar de beelden gedeeld zijn en waar ze uiteenlopen
report-shared = Gedeeld beeld: { $list }
report-divided = Verdeeld beeld, bespreek dit eerst: { $list }
report-no-theme = geen enkel thema
report-change = Verandering sinds de vorige ronde
report-change-since = Medianen nu tegenover ronde { $round }:
report-change-line = { $name }: { $before } → { $now } ({ $change })
report-no-change = Dit is de eerste ronde met een resultaat, dus er is nog niets om mee te vergelijken.
report-how-to-read = Zo lees je dit rapport
report-anonymity-title = Over anonimiteit
report-anonymity = Dit rapport bevat alleen teamresultaten over minstens { $min } mensen: medianen, spreiding en aandelen. Niemands eigen antwoorden staan erin, geen laagste of hoogste waarde, en geen resultaat dat met minder dan 3 mensen verschilt van een ander getoond resultaat, zodat niemands antwoorden eruit af te leiden zijn. Ieders eigen momentopname blijft privé.
report-caption = Het rapport van "{ $team }", ronde { $round }, om met je team te delen.
report-org-title = Digitale volwassenheid van de organisatie
report-org-facts = Afgedrukt op { $date } · { $flow } · { $teams ->
        [one] één team
       *[other] { $teams } teams
    } met een resultaat · { $below ->
        [0] geen team onder het minimum van { $min } deelnemers
        [one] één team onder het minimum van { $min } deelnemers (niet in deze cijfers)
       *[other] { $below } teams onder het minimum van { $min } deelnemers (niet in deze cijfers)
    }
report-org-teams = Per team
report-org-caption = Het rapport van de organisatie, om met het managementteam te delen.
report-themes = Per thema
report-by-role = Per rol
report-statements = Stellingen die opvallen

# issue 9 en 11: het organisatieoverzicht voor een managementteam
export-col-members = Teamleden
org-summary = { $teams ->
    [one] 1 team heeft een resultaat
   *[other] { $teams } teams hebben een resultaat
    }, { $pending ->
    [one] 1 team nog niet
   *[other] { $pending } teams nog niet
    }; { $respondents } deelnemers in totaal.
org-overall-title = Hele organisatie, { $respondents } deelnemers: precies de mensen in de teamresultaten hieronder, elk team uit zijn eigen laatste ronde met een resultaat; teams onder het minimum tellen niet mee (mediaan per thema):
org-overall-none = Er is nog geen resultaat voor de hele organisatie: daarvoor zijn minstens { $min } deelnemers nodig, en het moet minstens { $step } deelnemers verschillen van elk resultaat dat al getoond is.
org-row-now = nu
org-row-ambition = ambitie
org-row-gap = kloof
org-team-line = { $team } · ronde { $round } · N = { $respondents } van { $members } teamleden
org-pending-title = Nog niet genoeg deelnemers (alleen aantallen):
org-pending-line = { $team }: ronde { $round }, { $respondents } van de { $members } teamleden klaar
org-pending-more = …en nog { $count }; alle teams staan in het bestand.
org-pictures-note = De afbeeldingen tonen eerst de teams die de meeste aandacht vragen: eerst de meest verdeelde thema's, dan de laagste niveaus ({ $shown } van de { $teams } teams, { $per } per afbeelding). Alle teams staan in het bestand.
org-chart-title = Mediaan van het niveau nu, per team
org-chart-caption = Stand op { $date } · afbeelding { $page } van { $pages } · teams { $from }–{ $to } van { $teams }, meest verdeeld en zwakst eerst
org-chart-how-to-read = Het getal (en de kleur) is de mediaan van het niveau nu; daaronder de kloof tot de mediaan van de ambitie. Gearceerd: te weinig antwoorden. N: deelnemers in de getoonde ronde.
org-chart-count = N
org-chart-round = ronde { $round }
org-chart-organisation = Hele organisatie
org-chart-all-teams = alle teams
org-file-caption = Alle teams en de hele organisatie als tabel: CSV voor Excel en een werkmap.
org-whole-organisation = Hele organisatie

# issue 22: de taal van een team

cmd-teamlanguage = De taal die nieuwe leden van je team krijgen (teamleiders)
team-language-note = Ik spreek { $language } met je, de taal van team "{ $team }".
team-language-how-tg = Liever een andere taal? Typ /language.
team-language-how-web = Een andere taal kies je bovenaan de pagina.
team-language-none = nog geen eigen taal
team-language-offer = Team "{ $team }" spreekt { $language }. Wie via de teamlink lid wordt en zelf nog geen taal heeft gekozen, krijgt deze taal. Kies de taal van het team:
team-language-set = Team "{ $team }" spreekt nu { $language }. Wie vanaf nu via de teamlink lid wordt, krijgt die taal; wie al lid is, houdt de eigen taal.
web-lead-language = Taal van het team

# issue 23: waar een managementteam mee verder kan
date-long = { $day } { $month ->
        [1] januari
        [2] februari
        [3] maart
        [4] april
        [5] mei
        [6] juni
        [7] juli
        [8] augustus
        [9] september
        [10] oktober
        [11] november
       *[12] december
    } { $year }
report-org-summary = Samenvatting voor het managementteam
report-org-counts = Hele organisatie: { $respondents } deelnemers. Dat zijn precies de mensen in de teamresultaten in dit rapport, elk team uit zijn eigen laatste ronde met een resultaat; teams onder het minimum tellen niet mee.
report-org-team-facts = Ronde { $round }, begonnen op { $date } · { $respondents } van de { $members } teamleden deden mee
report-org-team-newer = ronde { $round } zit nog onder het minimum
report-org-below-title = Teams onder het minimum van { $min } deelnemers (alleen aantallen, geen cijfers)
org-col-theme = Thema
org-col-now = Nu
org-col-ambition = Ambitie
org-col-gap = Kloof
org-priorities-title = Prioriteiten
org-priorities-how = De drie grootste kloven tussen waar de organisatie staat en waar ze over twee jaar wil zijn. Een kloof weegt zwaarder naarmate meer teams hem zelf als prioriteit hebben (een kloof van { $gap } of meer), tot twee keer zo zwaar als elk team dat heeft.
org-no-priority = De organisatie staat op elk thema waar ze wil staan: geen enkel thema heeft een kloof.
org-priority = { $rank }. { $theme }: nu { $now }, ambitie { $ambition }, kloof { $gap }; een prioriteit in { $teams } van de { $of } { $of ->
        [one] team
       *[other] teams
    }.
org-all-level = Elk thema staat op { $now }: geen enkel thema scoort lager dan de andere.
org-lowest = Laagste thema: { $theme } ({ $now }). Ook zonder grote kloof krijgt het een eerste stap (bij de acties).
org-spread-title = Waar teams het meest verschillen
org-spread-none = Op elk thema liggen de medianen van de teams minder dan { $min } niveau uit elkaar.
org-spread = { $theme }: medianen van de teams van { $lowest } tot { $highest }; { $divided ->
        [0] binnen geen enkel team is het beeld verdeeld.
        [one] in één team is het beeld zelf verdeeld.
       *[other] in { $divided } teams is het beeld zelf verdeeld.
    }
org-actions-title = Acties (vul eigenaar en datum in tijdens het overleg)
org-col-priority = Prioriteit
org-col-what = Wat (volgende stap)
org-col-owner = Eigenaar
org-col-when = Uiterlijk
team-advice-lowest = Laagste thema: { $name }, op "{ $level }". Ook zonder grote kloof een eerste stap: { $step }
team-statements-tie = Elke stelling heeft dezelfde mediaan ({ $median }): geen enkele springt eruit als de laagste.
team-result-closed-covers = Het resultaat gaat over { $shown } van hen.
report-count-open = { $respondents } van de { $members } teamleden klaar · het resultaat gaat over { $shown }
report-count-closed = { $respondents } deden mee · het resultaat gaat over { $shown }
round-already-closed = Ronde { $round } van "{ $team }" is al gesloten, en ronde { $current } is open: er is niets veranderd.
report-in-between = Daartussenin, niet gedeeld en niet verdeeld: { $list }
