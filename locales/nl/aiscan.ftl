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
