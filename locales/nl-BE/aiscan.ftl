# AI-gereedheid en verantwoord gebruik, Vlaams: ALLEEN wat verschilt van locales/nl/aiscan.ftl.
# Geen Algoritmeregister of IAMA hier: die bestaan in Vlaanderen niet.

ai-dim-p = Privacy & informatieveiligheid
    .letter = P
ai-q-r2 = Elke AI-toepassing die we gebruiken heeft een eigenaar en staat in een overzicht van de algoritmes die we gebruiken, dat de organisatie bijhoudt.
ai-q-l1 = Voordat we een AI-toepassing inzetten, toetsen we de wettelijke basis, de risicoklasse onder de Europese AI-verordening en de gevolgen voor de rechten van mensen (met een impactbeoordeling op de grondrechten).
ai-q-l2 = We zouden een inwoner kunnen uitleggen welke rol AI speelde in een beslissing over hem of haar, en hoe hij of zij bezwaar kan indienen.
ai-q-h2 = AI die in gebruik is, wordt opgevolgd op fouten en vooringenomenheid, en iemand kan hem stilleggen en doet dat ook.
ai-next-r-1 = Vraag je leidinggevende welke AI-tools je mag gebruiken, en met welke gegevens, en zet het antwoord waar collega's het terugvinden.
ai-next-r-4 = Hou het overzicht van de algoritmes die je gebruikt actueel en openbaar, en herbekijk de afspraken elk jaar samen met de algemeen directeur.
ai-next-l-1 = Kies één AI-toepassing die jullie gebruiken en zoek uit wat de wettelijke basis is.
ai-next-l-2 = Spreek af dat geen AI in gebruik gaat voordat de wettelijke basis en het risico onder de AI-verordening getoetst zijn.
ai-next-l-3 = Doe voor elke toepassing met een hoog risico een impactbeoordeling op de grondrechten, en leg vast hoe je een beslissing uitlegt.
ai-next-l-4 = Vertel inwoners in eenvoudige taal waar AI meespeelt in beslissingen, en hoe ze bezwaar kunnen indienen.
ai-next-p-4 = Test AI-toepassingen op informatieveiligheid en datalekken, voor gebruik en daarna op geregelde tijdstippen.
ai-next-h-3 = Volg AI in gebruik op voor fouten en vooringenomenheid, en hou bij wat je vindt.
ai-next-v-4 = Stop wat niets oplevert, en breid uit wat werkt, met ondersteuning en een budget in het meerjarenplan.
ai-next-v-2 = Kies de meest kansrijke pilot en bepaal samen met de bevoegde schepen wat nodig is om er ondersteund dagelijks gebruik van te maken.
ai-flag = Let op: rechtmatig en uitlegbaar gebruik scoort { $score }, lager dan 2. Toets eerst de wettelijke basis van de AI die jullie gebruiken en hoe je die zou uitleggen.

# issue 22: Vlaamse woorden
ai-q-s2 = De organisatie geeft tijd en opleiding om verantwoord met AI te leren werken.
ai-q-p1 = Voordat AI met persoonsgegevens werkt, maken we een gegevensbeschermingseffectbeoordeling (DPIA).
ai-next-p-2 = Maak van een gegevensbeschermingseffectbeoordeling (DPIA) een vaste stap voordat AI met persoonsgegevens werkt.
