# Wat het programma zelf zegt, Vlaams: alleen wat verschilt van locales/nl/bot.ftl.

scan-finished = Klaar, bedankt! Hier is je momentopname.
notice-language-changed = Vanaf nu spreek ik Vlaams.
snapshot-title = Jouw momentopname digitale maturiteit
snapshot-how-to-read = Zo lees je dit: elk thema scoort het gemiddelde van je antwoorden, van 1 (nog niet gestart) tot 5 (voorloper). "Weet ik niet" telt niet mee in de score; veel "weet ik niet" is op zich al een bevinding. Alle getallen zijn afgerond op één decimaal (1,97 wordt 2,0 en 1,45 wordt 1,5); het niveau, de kloof en de totaalindex zijn berekend met de getallen zoals je ze hier ziet. De kloof is je ambitie min waar je nu staat; een kloof van 1,5 of meer is een prioriteit, en de drie grootste staan voorop. Je eigen antwoorden zijn alleen van jou: een teamverantwoordelijke ziet ze nooit.
chat-welcome = Peilbot: korte scans van de digitale maturiteit. Antwoord met het nummer van je keuze. Typ "help" voor de opdrachten.
tg-welcome = Hallo! Ik ben Peilbot. Ik neem je mee door een korte quickscan van de digitale maturiteit van je { -org }: een zestal minuten tikken, en op het einde krijg je je eigen momentopname met per thema een volgende stap.
    
    Wat ik bijhoud: je taal, je antwoorden en wanneer je ze gaf. Je eigen antwoorden zijn alleen van jou: een teamverantwoordelijke ziet alleen teamresultaten van 5 mensen of meer, nooit wie wat antwoordde. /cancel stopt een scan en wist de antwoorden; /forget wist alles wat ik over je bijhoud.
    
    Typ /scan om te beginnen.
tg-description = Peilbot neemt personeelsleden van Nederlandse en Vlaamse lokale besturen in de chat mee door een korte quickscan digitale maturiteit, en geeft iedereen en elk team een momentopname: waar we staan, waar we over twee jaar willen staan, en wat de volgende stap is.
tg-short-description = Een quickscan digitale maturiteit van 6 minuten voor personeelsleden van lokale besturen.
tg-forget-confirm = Hiermee wis je alles wat Peilbot over je bijhoudt: je taal, je scans en antwoorden, en je teamlidmaatschappen. Teamresultaten die al getoond zijn blijven zoals ze waren, want daarin staan geen antwoorden van één persoon; vanaf het volgende teamresultaat tel je niet meer mee. Alles wissen?
tg-forgotten = Klaar: alles wat Peilbot over je bijhield is gewist. Typ /start als je opnieuw wilt beginnen.
