# Wat het programma zelf zegt (crates/peilbot-core/src/messages.rs), Nederlands.

## Scan

progress = Vraag { $position } van { $total }
scan-resumed = Welkom terug: we gaan verder waar je gebleven was.
scan-finished = Klaar, dank je wel! Hier is je momentopname.
scan-outdated = Deze scan is veranderd sinds je begon. Je begint opnieuw met de nieuwe versie.

## Geweigerde invoer: er verandert niets

notice-not-current = Dat antwoord hoort bij een vraag die niet meer openstaat. Hier is de huidige vraag.
notice-out-of-range = Dat is geen van de mogelijkheden. Kies er een hieronder.
notice-expected-choice = Antwoord met een van de keuzes.
notice-nothing-to-go-back = Dit is de eerste vraag: er is niets om naar terug te gaan.
notice-language-changed = Vanaf nu spreek ik Nederlands.
notice-cancelled = De scan is gestopt en de antwoorden zijn gewist. Je kunt altijd opnieuw beginnen.
notice-no-scan = Er loopt nu geen scan.
## De persoonlijke momentopname

snapshot-title = Jouw momentopname
snapshot-how-to-read = Zo lees je dit: elk thema scoort het gemiddelde van je antwoorden, van 1 (nog niet gestart) tot 5 (voorloper). "Weet ik niet" telt niet mee in de score; veel "weet ik niet" is zelf een bevinding. Alle getallen zijn afgerond op één decimaal (1,97 wordt 2,0 en 1,45 wordt 1,5); het niveau, de kloof en de totaalindex zijn berekend met de getallen zoals je ze hier ziet. De kloof is je ambitie min waar je nu staat; een kloof van 1,5 of meer is een prioriteit, en de drie grootste staan voorop. Je eigen antwoorden zijn alleen van jou: een teamleider ziet ze nooit.
snapshot-dimension = { $name }: { $score } ({ $level })
snapshot-no-score = { $name }: te weinig antwoorden voor een score ({ $dontknow }% weet ik niet)
snapshot-ambition = Over twee jaar: { $ambition } ({ $level }), kloof { $gap }
snapshot-no-ambition = Over twee jaar: geen ambitie opgegeven
snapshot-priority = prioriteit
snapshot-satisfied = ambitie gehaald
snapshot-dont-know = Weet ik niet: { $share }%
snapshot-next-step = Volgende stap: { $step }
snapshot-next-step-unknown = Volgende stap: Zoek uit wie in je organisatie deze vragen kan beantwoorden, en vraag het na.
snapshot-overall = Totaalindex { $index }, het gemiddelde van je thema's, dus je totaalniveau is { $level }.
snapshot-overall-capped = Totaalindex { $index }, het gemiddelde van je thema's, zou je totaalniveau { $uncapped } maken, maar het is { $level }, omdat het nooit meer dan één niveau boven je laagste thema ligt ({ $lowest }).
snapshot-overall-missing = Geen totaalindex: niet elk thema heeft een score.
snapshot-public-values-flag = Let op: publieke waarden scoren { $score }, lager dan 2. Privacy, beveiliging en uitlegbare algoritmes vragen eerst aandacht.
snapshot-priorities = Prioriteiten: { $list }
snapshot-no-priorities = Geen prioriteiten: geen kloof van 1,5 of meer.
snapshot-none = Je hebt nog geen scan afgerond.

## Grafieken

chart-title = Waar we staan en waar we willen zijn
chart-current = Nu
chart-ambition = Over 2 jaar

chart-row-values = { $current } → { $ambition }, kloof { $gap }
## Chat in de terminal

chat-welcome = Peilbot: korte scans van de digitale volwassenheid. Antwoord met het nummer van je keuze. Typ "help" voor de opdrachten.
chat-help = Opdrachten: een nummer beantwoordt de vraag; "terug" gaat naar de vorige vraag; "?" of "skip" antwoordt "weet ik niet" (waar een vraag dat aanbiedt); "taal nl", "taal nl-BE" of "taal en" wisselt van taal; "annuleer" stopt de scan en wist de antwoorden; "start" toont de scans om uit te kiezen ("start aiscan" start er een); "resultaat" toont je laatste momentopname; "niveaus" zegt hoe elk niveau eruitziet; "geschiedenis" toont je afgeronde scans; "privacy" vertelt wat er bewaard wordt en wie wat ziet; "mijngegevens" toont alles wat over je bewaard wordt; "vergeet" wist dat allemaal; "stop" stopt voor nu (je antwoorden blijven bewaard).
chat-choice-hint = (nummer, "terug", "?", "help")
chat-bye = Je antwoorden zijn bewaard. Start peilbot chat opnieuw om verder te gaan.
chat-bye-idle = Tot ziens.
chat-unknown-language = Ik spreek Nederlands (nl), Vlaams (nl-BE) en Engels (en). Bijvoorbeeld: taal nl
chat-start-again = Typ "start" voor een nieuwe scan, of "stop" om te stoppen.

## Telegram

tg-welcome = Hallo! Ik ben Peilbot. Ik neem je mee door korte scans over je { -org }: de quickscan digitale volwassenheid (zo'n 6 minuten) of de scan over AI-gereedheid en verantwoord gebruik (zo'n 4). Aan het eind krijg je je eigen momentopname met per thema een volgende stap.
tg-choose-language = Welke taal heb je liever?
tg-help = Wat ik kan:
tg-idle = Typ /scan om een scan te starten, of /help om te zien wat ik nog meer kan.
tg-stale-button = Die knop geldt niet meer. Hier is de huidige vraag.
tg-unavailable = Sorry, ik kan nu even niets opslaan, dus die laatste stap telt niet. Je eerdere antwoorden zijn veilig. Probeer het over een paar minuten opnieuw.
tg-unknown-command = Die opdracht ken ik niet.
tg-group = Ik verzamel antwoorden alleen in een privégesprek, zodat niemand de antwoorden van een ander ziet. Begin hier: { $link }
tg-back-button = « Terug
tg-settings = Taal: { $language }. Kies hieronder eventueel een andere.
tg-invalid-link = Deze link is niet (meer) geldig. Vraag de afzender om een nieuwe, of typ /scan om op eigen houtje een scan te doen.
tg-description = Peilbot neemt medewerkers van Nederlandse en Vlaamse gemeenten in de chat mee door korte scans over digitale volwassenheid en AI-gereedheid, en geeft iedereen en elk team een momentopname: waar we staan, waar we over twee jaar willen staan, en wat de volgende stap is.
tg-short-description = Korte scans over digitale volwassenheid en AI-gereedheid voor medewerkers van gemeenten.
lang-nl = Nederlands
lang-nl-BE = Vlaams
lang-en = English
cmd-start = Welkom en wat er over je bewaard wordt
cmd-scan = Een scan starten of verdergaan
cmd-back = Je vorige antwoord veranderen
cmd-snapshot = Je laatste momentopname
cmd-language = Kies je taal
cmd-help = Wat ik kan
cmd-settings = Je instellingen
cmd-cancel = De scan stoppen en de antwoorden wissen
cmd-forget = Alles wissen wat over je bewaard wordt
tg-forget-confirm = Hiermee wis je alles wat Peilbot over je bewaart: je taal, je scans en antwoorden, en je teamlidmaatschappen. Teamresultaten die al getoond zijn blijven zoals ze waren, want daarin staan geen antwoorden van één persoon; vanaf het volgende teamresultaat tel je niet meer mee. Alles wissen?
tg-forget-button = Wis mijn gegevens
tg-forgotten = Klaar: alles wat Peilbot over je bewaarde is gewist. Typ /start als je opnieuw wilt beginnen.

# issue 10: flows, a person's history, reference lines

scan-other-in-progress = Je bent nog met een andere scan bezig. Maak die eerst af, of typ /scan om te kiezen.
flow-menu-title = Welke scan wil je doen?
flow-menu-item = { $number }. { $title }: ongeveer { $minutes } minuten, { $questions } vragen
flow-menu-in-progress = bezig, bij vraag { $position } van { $total }
flow-menu-pick = Je antwoorden worden meteen bewaard: je kunt op elk moment stoppen en later verdergaan.
flow-unknown = Er is geen scan met de naam "{ $id }".
flow-switch-confirm = Je bent bezig met "{ $current }" (vraag { $position } van { $total }). Wil je daarmee verdergaan, of in plaats daarvan "{ $wanted }" starten? Als je de andere scan start, worden je antwoorden op deze scan tot nu toe gewist.
flow-switch-continue = Verder met "{ $title }"
flow-switch-start = In plaats daarvan "{ $title }" starten
chat-menu-hint = (typ een nummer, of "stop")
snapshot-flow-title = { $title }
snapshot-change-title = Sinds je vorige scan ({ $date }):
snapshot-change = { $name }: { $before } → { $now } ({ $change })
snapshot-references-title = Ter vergelijking, gepubliceerde cijfers op hun eigen schaal (niet te vergelijken met de 1 tot 5 van deze scan):
snapshot-reference = { $label } ({ $source }, { $year }): { $values }
snapshot-reference-value = { $name } { $value }
snapshot-reference-percent = { $name } { $value }%
snapshot-reference-parts = { $region }: { $values }
history-title = Je afgeronde scans, de nieuwste eerst:
history-item = { $date } · { $title } · totaal { $index } ({ $level })
history-item-no-overall = { $date } · { $title } · geen totaalscore (een thema had te weinig antwoorden)
history-none = Je hebt nog geen scan afgerond.
cmd-history = Je eerdere scans

# issue 12: privacy, confirmations and the everyday

progress-about = Vraag { $position } van ongeveer { $total }
scale-legend = Niveaus: { $levels }
snapshot-above-ambition = Over twee jaar: { $ambition } ({ $level }). Je zit daar nu al { $above } boven.
privacy-notice = Voor je begint: wat ik bewaar, en wie wat ziet.
    • Wat ik bewaar: { $account }, je taal, je antwoorden en wanneer je ze gaf, en de teams waar je in zit.
    • Wie wat ziet: je eigen antwoorden en je momentopname zijn alleen voor jou. Een teamleider ziet alleen teamresultaten van { $min } mensen of meer, nooit wie wat antwoordde.
    • Hoe lang: een afgeronde scan wordt { $period } na het afronden gewist, en alles in één keer wanneer je dat vraagt.
    • Verantwoordelijk voor je gegevens: { $controller }.
privacy-statement = Zo gaat Peilbot met je gegevens om
    
    Wie is verantwoordelijk: { $controller }. Met vragen over je gegevens, of om je rechten te gebruiken, kun je terecht bij de functionaris gegevensbescherming: { $dpo }.
    
    Grondslag: { $basis }.
    
    Wat er bewaard wordt: { $account }, de taal die je gebruikt, je antwoorden op elke scan met wanneer je begon en klaar was, een scan die je nog niet hebt afgerond, de teams waar je in zit en of je er teamleider van bent, of je teamherinneringen hebt uitgezet, en wanneer je voor het laatst een herinnering kreeg.
    
    Waarom: om je je eigen momentopname te geven, en je team en je organisatie anonieme resultaten.
    
    Wie wat ziet: je eigen antwoorden en je momentopname zijn alleen voor jou. Een teamleider ziet alleen teamresultaten van { $min } mensen of meer: medianen, spreiding en het aandeel "weet ik niet", nooit wie wat antwoordde en nooit een laagste of hoogste waarde. Een uitsplitsing per rol vraagt groepen van minstens 7. Wie de server van deze bot beheert, heeft de bewaarde gegevens in handen en moet ze beschermen.
    
    Hoe lang: een afgeronde scan wordt { $period } na het afronden gewist. Een scan die je stopt en wist, is meteen weg. Teamresultaten die al getoond zijn, blijven zoals ze waren: daarin staan geen antwoorden van één persoon.
cmd-privacy = Wat er bewaard wordt, wie het ziet en hoe lang
cmd-mydata = Alles wat over je bewaard wordt
mydata-summary = Dit bewaar ik over je: je taal ({ $language }), { $scans ->
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
    } Afgeronde scans worden { $period } na het afronden gewist. In het bestand hieronder staat alles precies zoals het bewaard is.
mydata-caption = Alles wat Peilbot over je bewaart, als JSON.
tg-ready = Welke taal heb je liever? Tik op "Start" als je klaar bent om te beginnen.
tg-start-button = Start
tg-forget-keep-button = Nee, bewaar mijn gegevens
forget-sole-lead = Je bent de enige teamleider van { $teams }. Als je gegevens gewist zijn, heeft dat team geen teamleider meer; wil je het overdragen, maak dan eerst iemand anders teamleider met /addlead.
confirm-cancel = De scan stoppen? { $answers ->
        [0] Je hebt nog niets beantwoord.
        [one] Het antwoord dat je al gaf, wordt gewist.
       *[other] De { $answers } antwoorden die je al gaf, worden gewist.
    } Dat kan niet ongedaan worden gemaakt.
confirm-cancel-button = Ja, stoppen en wissen
confirm-no-button = Nee
nothing-changed = Goed: er is niets veranderd.
chat-confirm-yes = Typ "ja" om door te gaan; met iets anders blijft alles zoals het is.
chat-forgotten = Klaar: alles wat Peilbot over je bewaarde is gewist. Start peilbot chat opnieuw als je opnieuw wilt beginnen.
chat-choice-hint-no-skip = (nummer, "terug", "help")
privacy-commands-tg = Opdrachten: /privacy de hele privacyverklaring · /mydata alles wat ik over je bewaar · /cancel een scan stoppen en de antwoorden wissen · /forget alles wissen.
privacy-commands-chat = Opdrachten: "privacy" de hele privacyverklaring · "mijngegevens" alles wat ik over je bewaar · "annuleer" een scan stoppen en de antwoorden wissen · "vergeet" alles wissen.

# issue 22: een privacyverklaring voor een overheid
retention-period = { $years ->
        [0] { $days ->
            [one] één dag
           *[other] { $days } dagen
        }
        [1] een jaar
        [2] twee jaar
       *[other] { $years } jaar
    }
privacy-unset = nog niet ingevuld door de organisatie die deze scan houdt (vraag het aan wie je heeft uitgenodigd)
privacy-account-tg = je gebruikers-id bij Telegram
privacy-account-web = een willekeurige sleutel in een cookie van deze browser (Peilbot bewaart daar alleen een hash van)
privacy-account-chat = één lokale persoon voor de gegevensmap op deze computer (niets wat jou bij naam noemt)
privacy-where-tg = Over Telegram: de berichten van dit gesprek, ook je antwoorden en momentopnames, blijven op de servers van Telegram staan tot je het gesprek verwijdert, ook nadat Peilbot je gegevens heeft gewist. Telegram is een bedrijf met een eigen privacybeleid: verwijder het gesprek in Telegram als je ze daar ook weg wilt hebben.
privacy-where-web = Over deze browser: Peilbot bewaart er niets in behalve één cookie met een willekeurige sleutel. Wie je persoonlijke link heeft om een scan voort te zetten, ziet je antwoorden, dus houd die voor jezelf.
privacy-where-chat = Over deze terminal: alles staat in de gegevensmap op deze computer, en nergens anders.
privacy-rights-tg = Je rechten: /mydata toont alles wat over je bewaard wordt, ook als bestand. /forget wist dat allemaal. Met /settings zet je teamherinneringen uit. Herinneringen gaan alleen op werkdagen tussen 9.00 en 17.00 uur de deur uit.
privacy-rights-web = Je rechten: onder "Mijn gegevens" zie je alles wat over je bewaard wordt, ook als bestand, en wis je het allemaal.
privacy-rights-chat = Je rechten: "mijngegevens" toont alles wat over je bewaard wordt, ook als JSON; "vergeet" wist het allemaal.
privacy-complaint = Vind je dat er niet goed met je gegevens wordt omgegaan? Dan kun je een klacht indienen bij de toezichthouder, de Autoriteit Persoonsgegevens (autoriteitpersoonsgegevens.nl).

# issue 22: een /help die op een telefoon past
tg-help-more = De andere opdrachten staan onder "Meer".
tg-help-more-button = Meer
flow-menu-asked = gevraagd door je team "{ $team }" in deze ronde
levels-title = Hoe elk niveau eruitziet
levels-no-score = Niet genoeg antwoorden voor een niveau.
levels-now = Waar je staat ({ $level } · { $label }): { $text }
levels-next = Het volgende niveau ({ $level } · { $label }): { $text }
levels-col-level = Niveau
levels-col-looks-like = Hoe het eruitziet
levels-button = Hoe elk niveau eruitziet
levels-none = Er is nog niets om te beschrijven: rond eerst een scan af.
chat-levels-hint = Typ "niveaus" om te zien hoe elk niveau eruitziet.
