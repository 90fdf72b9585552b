# The digital maturity quick scan, Flemish Dutch: ONLY what differs from locales/nl.
# The nl-BE bundle is nl with this file added on top (add_resource_overriding);
# every message not listed here falls back to nl. No BIO, ENSIA, IAMA, Algoritmeregister or DigiD here.

-org = lokaal bestuur
    .gender = neuter
-staff = personeelsleden
-desk = loket
    .gender = neuter

quickscan-title = Quickscan digitale maturiteit

## Questions

role-service = Onthaal en loket

## Next steps per dimension and level reached

next-a-4 = Koppel de visie aan het meerjarenplan en het budget, en rapporteer er open over.
next-d-3 = Hou een register bij van de algoritmes die je gebruikt en controleer elk algoritme voordat je het inzet.
next-d-4 = Maak je algoritmes openbaar en laat de impact regelmatig beoordelen, samen met inwoners.

# issue 12: the words

quickscan-intro = Een zestal minuten, ongeveer { $questions } vragen: { $statements } stellingen over je { -org } in 7 thema's, na elk thema waar we volgens jou over twee jaar realistisch moeten staan, en tot slot je rol. Er zijn geen foute antwoorden. Kies "Weet ik niet" als je iets niet kunt beoordelen: ook dat is nuttige informatie.
q-a2 = Het eigenaarschap van digitaal werken en data ligt aan de top van het bestuur (bijvoorbeeld bij de algemeen directeur, een schepen of een CIO).

# issue 22: Vlaamse woorden
q-d1 = Elk nieuw project dat persoonsgegevens gebruikt, begint met een gegevensbeschermingseffectbeoordeling (DPIA).
next-d-1 = Begin vandaag: maak een gegevensbeschermingseffectbeoordeling (DPIA) voor elk nieuw project dat persoonsgegevens gebruikt.
