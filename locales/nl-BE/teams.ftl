# Teams, rondes en teamresultaten, Vlaams: alleen wat verschilt van locales/nl/teams.ftl.
# "teamleider" heet hier "teamverantwoordelijke", zoals in nl-BE/bot.ftl.

## Creating, inviting, joining

team-created = Team "{ $team }" is aangemaakt, en jij bent de teamverantwoordelijke. Deel deze link met je team: { $link }
team-name-missing = Geef het team een naam van hoogstens 64 tekens, bijvoorbeeld: /newteam Onthaal
team-join-confirm = Wil je lid worden van het team "{ $team }"? Je eigen antwoorden blijven van jou: de teamverantwoordelijke ziet alleen resultaten van { $min } mensen of meer, nooit wie wat antwoordde.
team-list-lead = { $team }: teamverantwoordelijke
team-list-empty = Je zit nog niet in een team. Maak er een met /newteam NAAM, of open een uitnodigingslink van je teamverantwoordelijke.
team-not-lead = Alleen een teamverantwoordelijke kan dat. Je bent geen teamverantwoordelijke: met /newteam NAAM maak je zelf een team.
team-last-lead = Je bent de enige teamverantwoordelijke van "{ $team }". Maak eerst iemand anders teamverantwoordelijke (/addlead) en verlaat het team daarna.
team-lead-invite = Stuur deze eenmalige link naar het teamlid dat teamverantwoordelijke van "{ $team }" moet worden: { $link }
team-lead-added = Je bent nu teamverantwoordelijke van "{ $team }". Met /team zie je het teamresultaat.
team-lead-offer = Je bent uitgenodigd om teamverantwoordelijke van "{ $team }" te worden. Een teamverantwoordelijke ziet de resultaten van het team (nooit wie wat geantwoord heeft), opent nieuwe rondes en stuurt herinneringen.
team-lead-offer-button = Teamverantwoordelijke worden
team-lead-already = Je bent al teamverantwoordelijke van "{ $team }". Deze link is voor het teamlid dat ook teamverantwoordelijke moet worden: stuur hem door; hij werkt nog.

## Reminders

remind-nudge = Een herinnering van je team "{ $team }": "{ $title }" duurt een { $minutes }-tal minuten. Je eigen antwoorden blijven van jou; het team ziet alleen resultaten van { $min } mensen of meer.

## Team commands in the menu

cmd-newteam = Een team maken en er teamverantwoordelijke van worden
cmd-addlead = Een ander teamlid teamverantwoordelijke maken
cmd-team = Het teamresultaat (teamverantwoordelijken)
cmd-export = De teamresultaten als CSV en JSON (teamverantwoordelijken)
cmd-remind = Teamleden herinneren die nog niet klaar zijn (teamverantwoordelijken)

# issue 12: bevestigingen en namen

confirm-leave-sole-lead = Je bent de enige teamverantwoordelijke van "{ $team }": als je weggaat, heeft het team geen teamverantwoordelijke meer, en kan niemand de resultaten zien of een nieuwe ronde openen. Wil je het overdragen, maak dan eerst iemand anders teamverantwoordelijke met /addlead. Toch verlaten?
team-left-no-lead = Je hebt "{ $team }" verlaten. Het team heeft nu geen teamverantwoordelijke. Teamresultaten die al getoond zijn blijven zoals ze waren; je antwoorden blijven van jou.
team-name-duplicate = Je bent al teamverantwoordelijke van een team dat "{ $team }" heet. Geef het nieuwe team een andere naam.
remind-queued = Het is buiten de werkuren, dus de berichten aan de leden van "{ $team }" ({ $count }) wachten tot de volgende werkdag om 9 uur.
# issue 11: rounds
round-opened-nudge = Ronde { $round } van je team "{ $team }" is begonnen: "{ $title }" duurt een { $minutes }-tal minuten. Je eigen antwoorden blijven van jou; het team ziet alleen resultaten van { $min } mensen of meer.

# issue 11: the report and commands per role
cmd-report = Een pdf-rapport van het teamresultaat om te delen (teamverantwoordelijken; voor beheerders de organisatie)

# issue 22: de taal van een team
cmd-teamlanguage = De taal die nieuwe leden van je team krijgen (teamverantwoordelijken)

# issue 22: Vlaamse woorden
report-title = Digitale maturiteit van team "{ $team }"
report-org-title = Digitale maturiteit van de organisatie
team-advice-no-priorities = Geen enkel thema heeft een kloof van 1,5 of meer: hou vast aan wat werkt en bekijk de stellingen hieronder.
team-spread = spreiding { $iqr }: { $view }
chart-spread = Spreiding
team-how-to-read = Zo lees je dit: medianen over het hele team, op een schaal van 1 tot 5, afgerond op één decimaal; de kloof en de verandering zijn berekend met de getallen zoals je ze ziet. De spreiding is de breedte van de middelste helft van de antwoorden, en toont hoe ver de meningen uiteenlopen: 1 of minder is een gedeeld beeld, 2 of meer een verdeeld beeld. De eigen antwoorden van iemand worden nooit getoond, en ook nooit een laagste of hoogste waarde.

# issue 23: Vlaamse woorden in het organisatierapport
org-col-when = Tegen wanneer
