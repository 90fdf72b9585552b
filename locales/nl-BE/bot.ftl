# Wat het programma zelf zegt, Vlaams: alleen wat verschilt van locales/nl/bot.ftl.

scan-finished = Klaar, bedankt! Hier is je momentopname.
notice-language-changed = Vanaf nu spreek ik Vlaams.
snapshot-how-to-read = Zo lees je dit: elk thema scoort het gemiddelde van je antwoorden, van 1 (nog niet gestart) tot 5 (voorloper). "Weet ik niet" telt niet mee in de score; veel "weet ik niet" is op zich al een bevinding. Alle getallen zijn afgerond op één decimaal (1,97 wordt 2,0 en 1,45 wordt 1,5); het niveau, de kloof en de totaalindex zijn berekend met de getallen zoals je ze hier ziet. De kloof is je ambitie min waar je nu staat; een kloof van 1,5 of meer is een prioriteit, en de drie grootste staan voorop. Je eigen antwoorden zijn alleen van jou: een teamverantwoordelijke ziet ze nooit.
chat-welcome = Peilbot: korte scans van de digitale maturiteit. Antwoord met het nummer van je keuze. Typ "help" voor de opdrachten.
tg-welcome = Hallo! Ik ben Peilbot. Ik neem je mee door korte scans over je { -org }: de quickscan digitale maturiteit (een zestal minuten) of de scan over AI-gereedheid en verantwoord gebruik (een viertal). Op het einde krijg je je eigen momentopname met per thema een volgende stap.
tg-description = Peilbot neemt personeelsleden van Nederlandse en Vlaamse lokale besturen in de chat mee door korte scans over digitale maturiteit en AI-gereedheid, en geeft iedereen en elk team een momentopname: waar we staan, waar we over twee jaar willen staan, en wat de volgende stap is.
tg-short-description = Korte scans over digitale maturiteit en AI-gereedheid voor personeelsleden van lokale besturen.
tg-forget-confirm = Hiermee wis je alles wat Peilbot over je bijhoudt: je taal, je scans en antwoorden, en je teamlidmaatschappen. Teamresultaten die al getoond zijn blijven zoals ze waren, want daarin staan geen antwoorden van één persoon; vanaf het volgende teamresultaat tel je niet meer mee. Alles wissen?
tg-forgotten = Klaar: alles wat Peilbot over je bijhield is gewist. Typ /start als je opnieuw wilt beginnen.

# issue 12: privacy, confirmations and the everyday

privacy-notice = Voor je begint: wat ik bijhoud, en wie wat ziet.
    • Wat ik bijhoud: { $account }, je taal, je antwoorden en wanneer je ze gaf, en de teams waar je in zit.
    • Wie wat ziet: je eigen antwoorden en je momentopname zijn alleen voor jou. Een teamverantwoordelijke ziet alleen teamresultaten van { $min } mensen of meer, nooit wie wat antwoordde.
    • Hoe lang: een afgeronde scan wordt { $period } na het afronden gewist, en alles in één keer wanneer je dat vraagt.
    • Verantwoordelijk voor je gegevens: { $controller }.
privacy-statement = Zo gaat Peilbot met je gegevens om
    
    Wie is verantwoordelijk: { $controller }. Met vragen over je gegevens, of om je rechten uit te oefenen, kan je terecht bij de functionaris voor gegevensbescherming (DPO): { $dpo }.
    
    Rechtsgrond: { $basis }.
    
    Wat er bijgehouden wordt: { $account }, de taal die je gebruikt, je antwoorden op elke scan met wanneer je begon en klaar was, een scan die je nog niet hebt afgerond, de teams waar je in zit en of je er teamverantwoordelijke van bent, of je teamherinneringen hebt uitgezet, en wanneer je voor het laatst een herinnering kreeg.
    
    Waarom: om je je eigen momentopname te geven, en je team en je bestuur anonieme resultaten.
    
    Wie wat ziet: je eigen antwoorden en je momentopname zijn alleen voor jou. Een teamverantwoordelijke ziet alleen teamresultaten van { $min } mensen of meer: medianen, spreiding en het aandeel "weet ik niet", nooit wie wat antwoordde en nooit een laagste of hoogste waarde. Een opsplitsing per rol vraagt groepen van minstens 7. Wie de server van deze bot beheert, heeft de bijgehouden gegevens in handen en moet ze beschermen.
    
    Hoe lang: een afgeronde scan wordt { $period } na het afronden gewist. Een scan die je stopzet en wist, is meteen weg. Teamresultaten die al getoond zijn, blijven zoals ze waren: daarin staan geen antwoorden van één persoon.
cmd-privacy = Wat er bijgehouden wordt, wie het ziet en hoe lang
cmd-mydata = Alles wat over je bijgehouden wordt
mydata-summary = Dit hou ik over je bij: je taal ({ $language }), { $scans ->
        [0] geen afgeronde scans
        [one] één afgeronde scan
       *[other] { $scans } afgeronde scans
    }, { $inprogress ->
        [0] geen lopende scan
       *[other] een lopende scan
    }, en { $teams ->
        [0] geen teams.
        [one] één team: { $names }.
       *[other] { $teams } teams: { $names }.
    } Afgeronde scans worden { $period } na het afronden gewist. In het bestand hieronder staat alles precies zoals het bijgehouden wordt.
mydata-caption = Alles wat Peilbot over je bijhoudt, als JSON.
forget-sole-lead = Je bent de enige teamverantwoordelijke van { $teams }. Als je gegevens gewist zijn, heeft dat team geen teamverantwoordelijke meer; wil je het overdragen, maak dan eerst iemand anders teamverantwoordelijke met /addlead.
chat-forgotten = Klaar: alles wat Peilbot over je bijhield is gewist. Start peilbot chat opnieuw als je opnieuw wilt beginnen.
privacy-commands-tg = Opdrachten: /privacy de volledige privacyverklaring · /mydata alles wat ik over je bijhoud · /cancel een scan stoppen en de antwoorden wissen · /forget alles wissen.
privacy-commands-chat = Opdrachten: "privacy" de volledige privacyverklaring · "mijngegevens" alles wat ik over je bijhoud · "annuleer" een scan stopzetten en de antwoorden wissen · "vergeet" alles wissen.

# issue 22: een privacyverklaring voor een overheid
privacy-unset = nog niet ingevuld door de organisatie die deze scan organiseert (vraag het aan wie je uitgenodigd heeft)
privacy-where-tg = Over Telegram: de berichten van dit gesprek, ook je antwoorden en momentopnames, blijven op de servers van Telegram staan tot je het gesprek verwijdert, ook nadat Peilbot je gegevens gewist heeft. Telegram is een bedrijf met een eigen privacybeleid: verwijder het gesprek in Telegram als je ze daar ook weg wil.
privacy-where-web = Over deze browser: Peilbot houdt er niets in bij behalve één cookie met een willekeurige sleutel. Wie je persoonlijke link heeft om een scan verder te zetten, ziet je antwoorden, dus hou die voor jezelf.
privacy-rights-tg = Je rechten: /mydata toont alles wat over je bijgehouden wordt, ook als bestand. /forget wist dat allemaal. Met /settings zet je teamherinneringen uit. Herinneringen gaan alleen op werkdagen tussen 9 en 17 uur de deur uit.
privacy-rights-web = Je rechten: onder "Mijn gegevens" zie je alles wat over je bijgehouden wordt, ook als bestand, en wis je het allemaal.
privacy-rights-chat = Je rechten: "mijngegevens" toont alles wat over je bijgehouden wordt, ook als JSON; "vergeet" wist het allemaal.
privacy-complaint = Vind je dat er niet correct met je gegevens wordt omgegaan? Dan kan je klacht indienen bij de Vlaamse Toezichtcommissie (overheid.vlaanderen.be/vtc), de toezichthouder voor Vlaamse lokale besturen, of bij de Gegevensbeschermingsautoriteit (gegevensbeschermingsautoriteit.be).
tg-idle = Typ /scan om een scan te starten, of /help om te zien wat ik nog allemaal kan.
