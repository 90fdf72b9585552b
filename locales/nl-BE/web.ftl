## Het webkanaal (Vlaams: waar het anders klinkt dan in Nederland)

web-choice-missing = Kies een van de antwoorden en klik dan op Volgende.
web-resume = Je persoonlijke link om deze scan in een andere browser of op een ander toestel verder te zetten (hou hem voor jezelf: wie hem heeft, ziet je antwoorden):
web-chart-alt = Grafiek van je resultaat: per thema waar je nu staat en waar je binnen twee jaar wilt staan. Dezelfde cijfers staan in de tabel hieronder.
web-column-ambition = Binnen twee jaar
web-lead-elsewhere = Een teamverantwoordelijke doet dit op de pagina "Mijn teams".
cmd-weblink = Een aanmeldlink om je teamresultaten in een browser te zien (teamverantwoordelijken)
web-lead-no-teams = Je bent van geen enkel team teamverantwoordelijke.
web-team-new = Een team aanmaken
web-team-new-hint = Jij wordt de teamverantwoordelijke. Je krijgt een link om met je team te delen, en het teamresultaat verschijnt hier zodra genoeg mensen klaar zijn.
web-team-new-button = Team aanmaken
web-lead-none = Ben je teamverantwoordelijke in Telegram? Open dan de aanmeldlink die /weblink daar maakt; dan staat je team hier ook.
web-nudges-kept = De leden van "{ $team }" ({ $count }) krijgen het te horen: in de browser de volgende keer dat ze Peilbot openen, in Telegram met een bericht op een werkdag tussen 9 en 17 uur.
web-lead-keep-link = Je bent vanuit deze browser teamverantwoordelijke van deze teams. Bewaar deze persoonlijke link op een veilige plaats: daarmee open je ze in een andere browser of op een ander toestel, ook nadat de cookies van deze browser gewist zijn (hou hem voor jezelf: wie hem heeft, beheert je teams):
web-lead-add-lead = Een tweede teamverantwoordelijke uitnodigen
web-lead-added = Je bent nu teamverantwoordelijke van "{ $team }". De resultaten vind je onder "Mijn teams".
web-org-not-admin = Deze pagina is voor het management van de organisatie. Vraag de IT-dienst om een aanmeldlink: die maken ze op de server met "peilbot weblink --org". Een link werkt één keer, 15 minuten lang.
