# AI-gereedheid en verantwoord gebruik (flows/aiscan.toml), Nederlands.
# Altijd "je/jij/jouw", nooit "u/uw". Schaallabels, q-ambition, q-role en de rollen staan in quickscan.ftl.

aiscan-title = AI-gereedheid en verantwoord gebruik
aiscan-intro = Ongeveer 4 minuten: 12 stellingen over hoe je { -org } met AI werkt, in 6 thema's, na elk thema waar we volgens jou over twee jaar realistisch moeten staan, en tot slot je rol. Het gaat om de AI-toepassingen die je in je werk tegenkomt, ook generatieve AI zoals chatbots. Kies "Weet ik niet" als je iets niet kunt beoordelen: ook dat is nuttige informatie.

## Dimensions

ai-dim-r = Afspraken & eigenaarschap
    .letter = A
ai-dim-l = Rechtmatig & uitlegbaar
    .letter = R
ai-dim-p = Privacy & beveiliging
    .letter = P
ai-dim-h = Menselijk toezicht
    .letter = M
ai-dim-s = Kennis & AI-geletterdheid
    .letter = K
ai-dim-v = Waarde voorbij pilots
    .letter = W

## Questions

ai-q-r1 = Ik weet welke AI-tools, ook generatieve AI, ik voor mijn werk mag gebruiken, en met welke gegevens.
ai-q-r2 = Elke AI-toepassing die we gebruiken heeft een eigenaar en staat in een overzicht dat de organisatie bijhoudt, zoals het Algoritmeregister.
ai-q-l1 = Voordat we een AI-toepassing inzetten, toetsen we de wettelijke grondslag, de risicoklasse onder de Europese AI-verordening en de gevolgen voor de rechten van mensen (bijvoorbeeld met een IAMA).
ai-q-l2 = We zouden een inwoner kunnen uitleggen welke rol AI speelde in een besluit over hem of haar, en hoe hij of zij bezwaar kan maken.
ai-q-p1 = Voordat AI met persoonsgegevens werkt, doen we een privacytoets (DPIA).
ai-q-p2 = Er gaan geen persoonsgegevens of vertrouwelijke gegevens in openbare AI-tools, en { -staff } weten waarom.
ai-q-h1 = Een mens controleert wat AI oplevert voordat het gevolgen heeft voor een inwoner.
ai-q-h2 = AI die in gebruik is, wordt gevolgd op fouten en vooringenomenheid, en iemand kan hem stilzetten en doet dat ook als het nodig is.
ai-q-s1 = Hoe goed weet je wat AI in je werk wel en niet kan, en wat de risico's zijn?
ai-q-s2 = De organisatie geeft tijd en training om verantwoord met AI te leren werken.
ai-q-v1 = We zetten AI in waar het iets oplevert voor inwoners of { -staff }: voorbij pilots, in ondersteund dagelijks gebruik.
ai-q-v2 = We stoppen AI-pilots die niets opleveren, en dat besluiten we bewust.

ai-flag = Let op: rechtmatig en uitlegbaar gebruik scoort { $score }, lager dan 2. Toets eerst de grondslag van de AI die jullie gebruiken en hoe je die zou uitleggen.

## Next steps per dimension and level reached

ai-next-r-1 = Vraag je leidinggevende welke AI-tools je mag gebruiken, en met welke gegevens, en zet het antwoord waar collega's het vinden.
ai-next-r-2 = Leg in één korte set afspraken vast welke AI-tools mogen, waarvoor, en met welke gegevens.
ai-next-r-3 = Breng alle AI-toepassingen in gebruik in kaart en geef elke toepassing een eigenaar.
ai-next-r-4 = Houd het overzicht actueel en openbaar, bijvoorbeeld in het Algoritmeregister, en herzie de afspraken elk jaar samen met de gemeentesecretaris.
ai-next-r-5 = Deel je afspraken en je overzicht met andere overheden.
ai-next-l-1 = Kies één AI-toepassing die jullie gebruiken en zoek uit wat de wettelijke grondslag is.
ai-next-l-2 = Spreek af dat geen AI in gebruik gaat voordat de grondslag en het risico onder de AI-verordening zijn getoetst.
ai-next-l-3 = Doe voor elke toepassing met een hoog risico een IAMA, en leg vast hoe je een besluit uitlegt.
ai-next-l-4 = Vertel inwoners in gewone taal waar AI meespeelt in besluiten, en hoe ze bezwaar kunnen maken.
ai-next-l-5 = Help andere overheden met jullie aanpak voor rechtmatige en uitlegbare AI.
ai-next-p-1 = Zet vanaf vandaag nooit persoonsgegevens of vertrouwelijke gegevens in openbare AI-tools.
ai-next-p-2 = Maak een privacytoets (DPIA) een vaste stap voordat AI met persoonsgegevens werkt.
ai-next-p-3 = Bied een veilige, goedgekeurde AI-tool aan voor werk met interne gegevens, en leg uit waarom openbare tools niet mogen.
ai-next-p-4 = Test AI-toepassingen op beveiliging en datalekken, voor gebruik en daarna geregeld.
ai-next-p-5 = Deel je aanpak voor privacy en beveiliging bij AI met anderen.
ai-next-h-1 = Spreek af dat een mens AI-uitkomsten altijd controleert voordat ze een inwoner bereiken.
ai-next-h-2 = Wijs per AI-toepassing aan wie de uitkomsten controleert en wie hem mag stopzetten.
ai-next-h-3 = Volg AI in gebruik op fouten en vooringenomenheid, en houd bij wat je vindt.
ai-next-h-4 = Evalueer het toezicht geregeld, samen met de mensen die met de uitkomsten werken.
ai-next-h-5 = Deel met andere overheden hoe je mensen de baas houdt over AI.
ai-next-s-1 = Volg een korte introductie over AI: wat het kan, wat niet, en wat de risico's zijn.
ai-next-s-2 = Probeer een goedgekeurde AI-tool uit op een echte taak, en controleer de uitkomst zelf.
ai-next-s-3 = Gebruik AI in je werk waar het helpt, en help een collega op weg.
ai-next-s-4 = Word aanspreekpunt voor collega's, en blijf op de hoogte van nieuwe tools en hun risico's.
ai-next-s-5 = Organiseer korte sessies, zodat collega's verantwoord met AI leren werken.
ai-next-v-1 = Noem één taak waar AI inwoners of { -staff } echt kan helpen, en beschrijf wanneer het geslaagd is.
ai-next-v-2 = Kies de meest kansrijke pilot en bepaal samen met de verantwoordelijke wethouder wat nodig is om er ondersteund dagelijks gebruik van te maken.
ai-next-v-3 = Meet wat AI in gebruik oplevert, en spreek af wanneer een pilot stopt.
ai-next-v-4 = Stop wat niets oplevert, en breid uit wat werkt, met ondersteuning en budget.
ai-next-v-5 = Deel je resultaten, ook wat je stopte, met andere overheden.

# Hoe elk niveau van een thema eruitziet (issue 23)
ai-level-r-1 = Er zijn geen afspraken over AI: niemand weet welke tools mogen, of wie er eigenaar van is.
ai-level-r-2 = Sommige teams hebben eigen afspraken over AI-tools, maar die verschillen en staan nergens op papier.
ai-level-r-3 = Er zijn geschreven regels over welke AI-tools gebruikt mogen worden en met welke gegevens, en elke AI-toepassing heeft een eigenaar.
ai-level-r-4 = De regels zijn bekend en worden gevolgd, het overzicht van AI-toepassingen is actueel en eigenaren melden hoe ze gebruikt worden.
ai-level-r-5 = Regels, eigenaren en het overzicht worden regelmatig herzien, en gedeeld met andere overheden.
ai-level-l-1 = Niemand kijkt of een AI-toepassing rechtmatig is, of de uitkomsten uit te leggen zijn.
ai-level-l-2 = Af en toe wordt een wettelijke grondslag nagekeken, als een toepassing al in gebruik is.
ai-level-l-3 = Vóór gebruik wordt elke AI-toepassing getoetst op wettelijke grondslag en risicoklasse, en die toets wordt vastgelegd.
ai-level-l-4 = Bij toepassingen met een hoog risico worden de gevolgen voor de rechten van mensen beoordeeld, en elk besluit dat ze ondersteunen is uit te leggen aan inwoners.
ai-level-l-5 = De organisatie maakt bekend hoe haar AI-toepassingen werken en wat ze beslissen, en leert van bezwaren.
ai-level-p-1 = Persoonsgegevens of vertrouwelijke gegevens kunnen in openbare AI-tools belanden; niemand heeft gezegd dat het niet mag.
ai-level-p-2 = Mensen weten dat openbare AI-tools riskant zijn, maar er is geen veilig alternatief.
ai-level-p-3 = Persoonsgegevens blijven uit openbare AI-tools, en er is een veilige, goedgekeurde tool voor werk met interne gegevens.
ai-level-p-4 = Elke AI-toepassing krijgt vóór gebruik een DPIA en een beveiligingscheck, en incidenten worden gemeld en opgevolgd.
ai-level-p-5 = Privacy en beveiliging worden vanaf het begin ingebouwd, regelmatig getest en als voorbeeld gedeeld.
ai-level-h-1 = Uitkomsten van AI bereiken inwoners zonder dat iemand ze nakijkt.
ai-level-h-2 = Sommige mensen kijken uitkomsten van AI na, maar er is geen afspraak over.
ai-level-h-3 = Er is afgesproken dat altijd een mens de uitkomst van AI nakijkt voordat die een inwoner bereikt.
ai-level-h-4 = AI in gebruik wordt gevolgd op fouten en vooringenomenheid, en wat er gevonden wordt, wordt vastgelegd en aangepakt.
ai-level-h-5 = Mensen kunnen een AI-toepassing altijd stoppen of overrulen, en inwoners kunnen vragen dat een mens beslist.
ai-level-s-1 = De meeste mensen weten niet wat AI wel en niet kan, of wat de risico's zijn.
ai-level-s-2 = Sommige mensen hebben zich zelf in AI verdiept; anderen zijn nog niet begonnen.
ai-level-s-3 = Iedereen heeft een korte introductie in AI gehad: wat het kan, wat het niet kan en wat de risico's zijn.
ai-level-s-4 = Mensen gebruiken AI in hun werk waar het helpt, en wie dat nodig heeft, kan een verdere opleiding volgen.
ai-level-s-5 = Mensen leren collega's en andere organisaties hoe je AI goed en verantwoord gebruikt.
ai-level-v-1 = Het is onduidelijk wat AI zou kunnen opleveren; er wordt niets geprobeerd.
ai-level-v-2 = Er zijn losse experimenten met AI, zonder duidelijk doel.
ai-level-v-3 = Er lopen pilots met een duidelijk doel en een afgesproken moment om te beslissen of ze doorgaan.
ai-level-v-4 = AI-toepassingen die hun waarde bewijzen, gaan van pilot naar ondersteund gebruik, en wat ze opleveren wordt gemeten.
ai-level-v-5 = AI levert aantoonbare waarde op voor inwoners en collega's, en geslaagde toepassingen worden gedeeld met andere overheden.

# De volgende stap van een team per thema en niveau (issue 23)
ai-team-next-r-1 = Vraag je leidinggevende welke AI-tools het team mag gebruiken en met welke gegevens, en schrijf het antwoord op voor iedereen.
ai-team-next-r-2 = Breng de eigen afspraken van het team over AI in lijn met die van de organisatie, en schrijf ze op.
ai-team-next-r-3 = Geef elke AI-toepassing die het team gebruikt een eigenaar, en zet die op het overzicht van de organisatie.
ai-team-next-r-4 = Bekijk twee keer per jaar met de eigenaren de AI-afspraken en -toepassingen van het team.
ai-team-next-r-5 = Deel de AI-afspraken van het team met andere teams en overheden.
ai-team-next-l-1 = Kies één AI-toepassing die het team gebruikt, en ga samen de wettelijke grondslag na.
ai-team-next-l-2 = Toets de wettelijke grondslag en risicoklasse van elke AI-toepassing voordat het team die gaat gebruiken.
ai-team-next-l-3 = Beoordeel bij de toepassingen van het team met een hoog risico de gevolgen voor de rechten van mensen, en schrijf op hoe een besluit uit te leggen is.
ai-team-next-l-4 = Oefen hoe je een besluit dat AI ondersteunde uitlegt aan een inwoner, en verbeter de uitleg.
ai-team-next-l-5 = Maak bekend hoe de AI-toepassingen van het team werken, en leer van de vragen en bezwaren die je krijgt.
ai-team-next-p-1 = Spreek als team af, vanaf vandaag, dat er geen persoonsgegevens of vertrouwelijke gegevens in openbare AI-tools gaan.
ai-team-next-p-2 = Vraag een veilige, goedgekeurde AI-tool aan voor het werk van het team met interne gegevens.
ai-team-next-p-3 = Maak een DPIA en een beveiligingscheck deel van de start van elke nieuwe AI-toepassing in het team.
ai-team-next-p-4 = Meld elk AI-incident in het team en volg het op, en bespreek wat jullie leerden.
ai-team-next-p-5 = Deel hoe het team privacy en beveiliging inbouwt in zijn werk met AI.
ai-team-next-h-1 = Spreek af dat altijd iemand in het team de uitkomst van AI nakijkt voordat die een inwoner bereikt.
ai-team-next-h-2 = Schrijf op wie in het team uitkomsten van AI nakijkt, en hoe.
ai-team-next-h-3 = Noteer welke fouten en vooringenomenheid het team in uitkomsten van AI vindt, en pak ze aan.
ai-team-next-h-4 = Zorg dat elk teamlid een AI-toepassing kan stoppen of overrulen, en weet wanneer.
ai-team-next-h-5 = Laat inwoners vragen dat een mens beslist, en deel hoe het team dat geregeld heeft.
ai-team-next-s-1 = Volg als team samen een korte introductie in AI: wat het kan, wat het niet kan en wat de risico's zijn.
ai-team-next-s-2 = Laat teamleden elkaar tonen hoe ze AI gebruiken, en wat er misging.
ai-team-next-s-3 = Kies taken waarbij AI het team helpt, en help elkaar op weg.
ai-team-next-s-4 = Regel een verdere opleiding voor de teamleden die het meest met AI werken.
ai-team-next-s-5 = Leer andere teams hoe je AI goed en verantwoord gebruikt.
ai-team-next-v-1 = Noem als team één taak waarbij AI inwoners of collega's echt kan helpen, en hoe succes eruit zou zien.
ai-team-next-v-2 = Geef het AI-experiment van het team een duidelijk doel en een afgesproken moment om te beslissen.
ai-team-next-v-3 = Meet wat de pilot van het team oplevert, en beslis of die stopt of groeit.
ai-team-next-v-4 = Breng een AI-toepassing die haar waarde bewees naar ondersteund gebruik, en blijf meten.
ai-team-next-v-5 = Deel de waarde die de AI van het team oplevert met andere overheden.
