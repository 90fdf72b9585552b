# The digital maturity quick scan (flows/quickscan.toml), Netherlands Dutch.
# Address: always "je/jij/jouw", never "u/uw".
# Terms carry the nl/nl-BE differences; nl-BE (locales/nl-BE) overrides only what differs.

-org = gemeente
    .gender = common
-staff = medewerkers
-desk = balie
    .gender = common

quickscan-title = Quickscan digitale volwassenheid
quickscan-intro = Zo'n 6 minuten, ongeveer { $questions } vragen: { $statements } stellingen over je { -org } in 7 thema's, na elk thema waar we volgens jou over twee jaar realistisch moeten staan, en tot slot je rol. Er zijn geen verkeerde antwoorden. Kies "Weet ik niet" als je iets niet kunt beoordelen: ook dat is nuttige informatie.
## Scales

scale-level-1 = Nog niet gestart
scale-level-2 = Losse initiatieven
scale-level-3 = Afgesproken
scale-level-4 = Ingebed
scale-level-5 = Voorloper
scale-skill-1 = Hulp nodig
scale-skill-2 = Basis
scale-skill-3 = Zelfstandig
scale-skill-4 = Gevorderd
scale-skill-5 = Ik leer het anderen
scale-dont-know = Weet ik niet

## Dimensions

dim-a = Visie en leiderschap
dim-b = Datagedreven werken
dim-c = Inwonergericht en inclusief
dim-d = Publieke waarden
dim-e = Klaar voor AI
dim-f = Vaardigheden
dim-g = Cultuur en samenwerking

## Questions

q-a1 = Het management van { -org.gender ->
        [neuter] ons
       *[common] onze
    } { -org } stuurt echt op een visie voor digitaal werken en data.
q-a2 = Het eigenaarschap van digitaal werken en data ligt aan de top van de organisatie (bijvoorbeeld bij de gemeentesecretaris, een wethouder of een CIO).
q-b1 = We gebruiken data om beslissingen voor te bereiden en om beleid te evalueren.
q-b2 = Van elke belangrijke dataset weten we wie de eigenaar is.
q-c1 = We ontwerpen en testen onze diensten samen met inwoners.
q-c2 = Inwoners die digitaal niet meekomen, krijgen een goed alternatief: een { -desk }, de telefoon, persoonlijke hulp.
q-d1 = Elk nieuw project dat persoonsgegevens gebruikt, begint met een privacytoets (DPIA).
q-d2 = We kunnen een inwoner uitleggen hoe een beslissing tot stand kwam waarbij een algoritme heeft geholpen.
q-d3 = Voordat we een algoritme inzetten, beoordelen we wat het doet met de rechten van mensen.
q-e1 = Het is duidelijk welke AI-tools (ook generatieve AI) { -staff } mogen gebruiken, en waarvoor.
q-e2 = AI komt verder dan pilots: het wordt dagelijks gebruikt, met ondersteuning en monitoring.
q-f1 = Hoe zeker voel je je zelf bij het werken met data, digitale tools en AI-tools?
q-f2 = De organisatie geeft tijd en opleiding om digitale vaardigheden te ontwikkelen.
q-g1 = Er is ruimte om op kleine schaal te experimenteren en te leren van wat mislukt.
q-g2 = Afdelingen en andere overheden delen oplossingen, in plaats van dat ieder op een eigen eiland werkt.
q-ambition = { $dimension }: waar moeten we over 2 jaar realistisch staan?
q-role = Tot slot: je rol. We gebruiken die alleen om resultaten te groeperen, nooit om iemand eruit te lichten.

role-policy = Beleid
role-service = Klantcontact en balie
role-it-data = ICT, informatie of data
role-management = Management
role-other = Anders

## Next steps per dimension and level reached

next-a-1 = Schrijf op één pagina op wat digitaal werken inwoners en { -staff } moet opleveren, en bespreek het in het managementteam.
next-a-2 = Maak van de losse initiatieven één afgesproken visie met een paar meetbare doelen.
next-a-3 = Maak één lid van het managementteam verantwoordelijk voor digitaal werken en data, en bespreek de voortgang daar elk kwartaal.
next-a-4 = Koppel de visie aan de begroting en de planning- en controlcyclus, en rapporteer er open over.
next-a-5 = Deel met andere organisaties hoe je stuurt, en bekijk de visie elk jaar opnieuw.
next-b-1 = Kies één beslissing die eraan komt en bereid die voor met de data die je al hebt.
next-b-2 = Breng je belangrijkste datasets in kaart, met voor elke dataset een eigenaar.
next-b-3 = Spreek kwaliteitsregels af voor de data die het vaakst wordt hergebruikt, en meet of ze worden gehaald.
next-b-4 = Evalueer beleid standaard met data en publiceer open data waar dat kan.
next-b-5 = Help andere organisaties om je data en je werkwijze te hergebruiken.
next-c-1 = Vraag een paar inwoners om een dienst uit te proberen voordat je die verandert.
next-c-2 = Maak testen met inwoners, ook met wie digitaal moeite heeft, een vaste stap bij elke verandering van een dienst.
next-c-3 = Meet hoe inwoners je dienstverlening ervaren, online en aan { -desk.gender ->
        [neuter] het
       *[common] de
    } { -desk }, en doe er iets mee.
next-c-4 = Ontwerp diensten rond levensgebeurtenissen, samen met partners, en zorg dat er altijd een persoonlijk alternatief is.
next-c-5 = Deel met anderen wat je leert over inclusieve dienstverlening.
next-d-1 = Begin vandaag: doe een privacytoets (DPIA) bij elk nieuw project dat persoonsgegevens gebruikt.
next-d-2 = Maak privacy- en beveiligingschecks een vaste stap in elk project en leg vast hoe je beslissingen uitlegt.
next-d-3 = Houd een register bij van de algoritmes die je gebruikt en toets elk algoritme voordat je het inzet, bijvoorbeeld met een IAMA.
next-d-4 = Publiceer je algoritmes in het Algoritmeregister en laat de impact regelmatig beoordelen, samen met inwoners.
next-d-5 = Help anderen met je aanpak voor verantwoord gebruik van algoritmes.
next-e-1 = Spreek af welke AI-tools { -staff } mogen gebruiken, en waarvoor, en laat het iedereen weten.
next-e-2 = Kies één veelbelovende pilot en bepaal wat er nodig is om die uit te bouwen tot ondersteund gebruik, met monitoring.
next-e-3 = Regel monitoring, ondersteuning en een duidelijke eigenaar voor elke AI-toepassing die in gebruik is.
next-e-4 = Evalueer regelmatig wat AI in de praktijk oplevert en welke risico's het heeft, en stop met wat niet werkt.
next-e-5 = Deel je ervaringen met AI en je richtlijnen met andere overheden.
next-f-1 = Kies een tool die je elke week gebruikt en vraag een collega om hulp, of zoek een opleiding die erbij past.
next-f-2 = Trek elke maand een uur uit om iets nieuws te leren over data of AI.
next-f-3 = Gebruik je vaardigheden in een echte taak en help een collega op weg.
next-f-4 = Neem in projecten een begeleidende rol op je en blijf op de hoogte van nieuwe tools.
next-f-5 = Organiseer korte leersessies, zodat ook anderen groeien.
next-g-1 = Start één klein experiment met een duidelijke vraag en een korte deadline.
next-g-2 = Evalueer experimenten openlijk, ook wat mislukte, en deel de lessen.
next-g-3 = Werk met andere afdelingen aan één gedeeld probleem, met een gezamenlijk doel.
next-g-4 = Hergebruik oplossingen van andere overheden voordat je zelf iets bouwt.
next-g-5 = Bied je oplossingen aan anderen aan en blijf van hen leren.

## Reference lines (figures as published; source and year are in the flow file)

region-nl = Nederland
region-be = België
region-oecd = OESO-gemiddelde
region-eu = EU-gemiddelde
ref-dgi = OESO-index digitale overheid, 0 tot 1
ref-dgi-design = digitaal ontworpen
ref-dgi-data = datagedreven
ref-dgi-platform = overheid als platform
ref-dgi-open = standaard open
ref-dgi-user = gebruikersgericht
ref-dgi-proactive = proactief
ref-skills = Mensen met ten minste digitale basisvaardigheden

# issue 22: een bron, in elke taal
ref-source-oecd = OESO

# Hoe elk niveau van een thema eruitziet (issue 23)
level-a-1 = Er is geen gedeeld beeld van wat digitaal werken moet opleveren; wat er gebeurt, hangt af van enkelingen.
level-a-2 = Sommige afdelingen hebben eigen plannen, maar er is geen afgesproken visie en niemand aan de top is er eigenaar van.
level-a-3 = Er is een afgesproken visie met een paar meetbare doelen, en één directielid is verantwoordelijk voor digitaal werken en data.
level-a-4 = Het management stuurt op de visie: die staat in de begroting en de planningscyclus, en de voortgang wordt open gemeld.
level-a-5 = De visie wordt elk jaar herzien, samen met inwoners en partners, en andere organisaties leren van hoe er gestuurd wordt.
level-b-1 = Besluiten worden zonder data genomen, en niemand weet welke data de organisatie heeft.
level-b-2 = Sommige teams gebruiken data voor rapportages, maar de kwaliteit en wie de eigenaar is, zijn onduidelijk.
level-b-3 = Belangrijke besluiten worden met data voorbereid, en de belangrijkste gegevens hebben een eigenaar en een bekende kwaliteit.
level-b-4 = Data wordt vanzelfsprekend gebruikt om beleid voor te bereiden en te evalueren, en over afdelingen heen hergebruikt.
level-b-5 = Data wordt open gedeeld waar dat mag, en beleid wordt er voortdurend mee geëvalueerd.
level-c-1 = Diensten worden bedacht vanuit de organisatie; inwoners worden niet betrokken.
level-c-2 = Af en toe wordt inwoners naar hun mening gevraagd, als een dienst al klaar is.
level-c-3 = Nieuwe diensten worden met inwoners getest, en wie digitaal niet mee kan, krijgt een goed alternatief.
level-c-4 = Diensten worden vanaf het begin samen met inwoners ontworpen, ook met mensen met weinig digitale vaardigheden.
level-c-5 = Inwoners denken voortdurend mee over diensten, en niemand blijft zonder goede toegang.
level-d-1 = Privacy, beveiliging en uitlegbaarheid krijgen pas aandacht als er iets misgaat.
level-d-2 = In sommige projecten gebeurt een DPIA of een beveiligingscheck, afhankelijk van wie het project trekt.
level-d-3 = Een DPIA en een beveiligingscheck zijn standaard in elk nieuw project, en de algoritmes die in gebruik zijn, staan op een lijst.
level-d-4 = Elk algoritme wordt vóór gebruik getoetst op zijn wettelijke grondslag en zijn gevolgen voor de rechten van mensen, en gepubliceerd; besluiten zijn uit te leggen aan inwoners.
level-d-5 = Publieke waarden worden bij elke keuze open afgewogen, en de organisatie is open over hoe ze algoritmes gebruikt.
level-e-1 = Het is onduidelijk of en hoe mensen AI-tools in hun werk mogen gebruiken.
level-e-2 = Sommige mensen proberen AI-tools op eigen houtje, zonder afspraken.
level-e-3 = Het is duidelijk welke AI-tools gebruikt mogen worden, waarvoor en met welke gegevens; er lopen pilots.
level-e-4 = AI is voorbij de pilotfase en wordt ondersteund gebruikt, met monitoring en een eigenaar per toepassing.
level-e-5 = AI wordt op grotere schaal verantwoord gebruikt, regelmatig geëvalueerd en gedeeld met andere overheden.
level-f-1 = De meeste mensen hebben hulp nodig met data en digitale tools, en er is geen tijd om te leren.
level-f-2 = Mensen hebben basisvaardigheden; leren gebeurt op eigen initiatief.
level-f-3 = Mensen werken zelfstandig met data en digitale tools, en er is tijd en opleiding voor.
level-f-4 = Velen zijn gevorderd, en leren hoort bij het werk en bij het jaargesprek.
level-f-5 = Mensen leren anderen, binnen en buiten de organisatie.
level-g-1 = Fouten worden vermeden, en afdelingen werken ieder op hun eigen eiland.
level-g-2 = Sommige teams experimenteren, maar wat ze leren, wordt zelden gedeeld.
level-g-3 = Er is ruimte om klein te experimenteren en van fouten te leren, en afdelingen delen oplossingen.
level-g-4 = Experimenteren en delen zijn de gewone manier van werken, ook met andere overheden.
level-g-5 = Oplossingen worden samen met andere overheden gebouwd en open gedeeld.

# De volgende stap van een team per thema en niveau: wat een team samen doet (issue 23)
team-next-a-1 = Bespreek in een teamoverleg wat digitaal werken jullie inwoners moet opleveren, en neem de drie belangrijkste punten mee naar het management.
team-next-a-2 = Verbind de eigen plannen van het team met één gedeeld beeld: welke doelen dienen ze, en welke plannen kunnen weg?
team-next-a-3 = Neem het deel van de visie dat bij jullie team hoort op in het teamplan, met één meetbaar doel en een eigenaar.
team-next-a-4 = Bekijk elk kwartaal de digitale doelen van het team, en meld de voortgang aan het management.
team-next-a-5 = Deel met andere teams en overheden hoe jullie team de visie in werk omzet.
team-next-b-1 = Kies één besluit dat het team vaak neemt, en zet op een rij welke data je daarvoor zou willen.
team-next-b-2 = Spreek af wie in het team eigenaar is van elke gegevensverzameling die jullie gebruiken, en schrijf op hoe goed die is.
team-next-b-3 = Bereid het volgende belangrijke besluit van het team voor met data, en kijk achteraf wat de data je vertelde.
team-next-b-4 = Evalueer elk kwartaal een deel van het werk van het team met data, en deel de data met de teams die ze nodig hebben.
team-next-b-5 = Maak de data van het team open waar dat mag, en help andere teams ze te gebruiken.
team-next-c-1 = Nodig een paar inwoners uit om het team te vertellen hoe zij een van jullie diensten ervaren.
team-next-c-2 = Test de volgende verandering van het team met inwoners voordat die live gaat.
team-next-c-3 = Ga samen na of elke digitale dienst van het team een goed alternatief heeft, persoonlijk of telefonisch.
team-next-c-4 = Ontwerp de volgende dienst van het team vanaf het begin samen met inwoners, ook met mensen met weinig digitale vaardigheden.
team-next-c-5 = Laat inwoners blijven meedenken over de diensten van het team, en deel wat werkt.
team-next-d-1 = Loop samen een van de projecten van het team door: welke persoonsgegevens gebruikt het, en is er een DPIA nodig?
team-next-d-2 = Spreek als team af dat elk nieuw project begint met een DPIA en een beveiligingscheck.
team-next-d-3 = Zet de algoritmes op een rij die het team gebruikt, en toets elk op zijn wettelijke grondslag en zijn gevolgen voor de rechten van mensen.
team-next-d-4 = Oefen als team hoe je aan een inwoner uitlegt hoe een besluit met hulp van een algoritme tot stand kwam.
team-next-d-5 = Deel met andere teams en overheden hoe jullie team publieke waarden afweegt.
team-next-e-1 = Spreek als team af welke AI-tools jullie mogen gebruiken, waarvoor en met welke gegevens, en vraag het na waar het onduidelijk is.
team-next-e-2 = Verzamel wat teamleden al met AI proberen, en kies één toepassing om goed uit te proberen.
team-next-e-3 = Doe als team één pilot, met een duidelijk doel en een afgesproken moment om te beslissen of die doorgaat.
team-next-e-4 = Geef elke AI-toepassing die het team gebruikt een eigenaar, en bekijk de resultaten regelmatig.
team-next-e-5 = Deel de AI-toepassingen van het team en wat jullie leerden met andere teams en overheden.
team-next-f-1 = Maak in het team tijd vrij om samen de basis van data en digitale tools te leren.
team-next-f-2 = Zet teamleden die zich zeker voelen met data en digitale tools samen met wie dat nog niet is.
team-next-f-3 = Maak leren deel van het teamplan: elk teamlid kiest één vaardigheid om dit jaar te verbeteren.
team-next-f-4 = Laat teamleden elke maand in een korte sessie delen wat ze leerden.
team-next-f-5 = Laat het team andere teams en overheden leren wat het goed doet.
team-next-g-1 = Kies als team één klein experiment, en spreek vooraf af dat het mag mislukken.
team-next-g-2 = Deel met een andere afdeling wat het team van een experiment leerde.
team-next-g-3 = Zoek, voordat het team iets bouwt, naar een oplossing die een ander team of een andere overheid al heeft.
team-next-g-4 = Werk met een ander team of een andere overheid aan een gedeeld probleem, en meld wat het opleverde.
team-next-g-5 = Bouw de volgende oplossing van het team samen met andere overheden, en deel die open.
