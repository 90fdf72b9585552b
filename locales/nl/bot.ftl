# Wat het programma zelf zegt (src/messages.rs), Nederlands.

## Scan

progress = Vraag { $position } van { $total }
scan-resumed = Welkom terug: we gaan verder waar je gebleven was.
scan-finished = Klaar, dank je wel! Hier is je momentopname.
scan-outdated = De quickscan is veranderd sinds je begon. Je begint opnieuw met de nieuwe versie.

## Geweigerde invoer: er verandert niets

notice-not-current = Dat antwoord hoort bij een vraag die niet meer openstaat. Hier is de huidige vraag.
notice-out-of-range = Dat is geen van de keuzes. Kies een van de keuzes hieronder.
notice-expected-choice = Antwoord met een van de keuzes.
notice-nothing-to-go-back = Dit is de eerste vraag: er is niets om naar terug te gaan.
notice-language-changed = Vanaf nu spreek ik Nederlands.
notice-cancelled = De scan is gestopt en de antwoorden zijn gewist. Je kunt altijd opnieuw beginnen.
notice-no-scan = Je hebt geen scan lopen.
notice-idle = Je hebt geen scan lopen.

## De persoonlijke momentopname

snapshot-title = Jouw momentopname digitale volwassenheid
snapshot-how-to-read = Zo lees je dit: elk thema scoort het gemiddelde van je antwoorden, van 1 (nog niet gestart) tot 5 (voorloper). "Weet ik niet" telt niet mee in de score; veel "weet ik niet" is zelf een bevinding. De kloof is je ambitie min waar je nu staat; een kloof van 1,5 of meer is een prioriteit. Je eigen antwoorden zijn alleen van jou: een teamleider ziet ze nooit.
snapshot-dimension = { $name }: { $score } ({ $level })
snapshot-no-score = { $name }: te weinig antwoorden voor een score ({ $dontknow }% weet ik niet)
snapshot-ambition = Over twee jaar: { $ambition } ({ $level }), kloof { $gap }
snapshot-no-ambition = Over twee jaar: geen ambitie opgegeven
snapshot-priority = prioriteit
snapshot-satisfied = ambitie gehaald
snapshot-dont-know = Weet ik niet: { $share }%
snapshot-next-step = Volgende stap: { $step }
snapshot-next-step-unknown = Volgende stap: zoek uit wie in je organisatie deze vragen kan beantwoorden, en vraag het na.
snapshot-overall = Totaalindex: { $index } ({ $level })
snapshot-overall-capped = Het totaalniveau is begrensd op { $level }: hoogstens één niveau boven je laagste thema.
snapshot-overall-missing = Geen totaalindex: niet elk thema heeft een score.
snapshot-public-values-flag = Let op: publieke waarden scoren { $score }, lager dan 2. Privacy, beveiliging en uitlegbare algoritmes vragen eerst aandacht.
snapshot-priorities = Prioriteiten: { $list }
snapshot-no-priorities = Geen prioriteiten: geen kloof van 1,5 of meer.
snapshot-none = Je hebt nog geen scan afgerond.

## Grafieken

chart-title = Waar we staan en waar we willen zijn
chart-current = Nu
chart-ambition = Over 2 jaar

## Chat in de terminal

chat-welcome = Peilbot: de quickscan digitale volwassenheid. Antwoord met het nummer van je keuze. Typ "help" voor de opdrachten.
chat-help = Opdrachten: een nummer beantwoordt de vraag; "terug" gaat naar de vorige vraag; "?" of "skip" antwoordt "weet ik niet"; "taal nl", "taal nl-BE" of "taal en" wisselt van taal; "annuleer" stopt de scan en wist de antwoorden; "start" begint een scan; "stop" stopt voor nu (je antwoorden blijven bewaard).
chat-choice-hint = (nummer, "terug", "?", "help")
chat-bye = Je antwoorden zijn bewaard. Start peilbot chat opnieuw om verder te gaan.
chat-unknown-language = Ik ken deze talen: nl, nl-BE en en. Bijvoorbeeld: taal nl
chat-start-again = Typ "start" voor een nieuwe scan, of "stop" om te stoppen.
