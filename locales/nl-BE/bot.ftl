# Wat het programma zelf zegt, Vlaams: alleen wat verschilt van locales/nl/bot.ftl.

scan-finished = Klaar, bedankt! Hier is je momentopname.
notice-language-changed = Vanaf nu spreek ik Vlaams.
snapshot-title = Jouw momentopname digitale maturiteit
chat-welcome = Peilbot: de quickscan digitale maturiteit. Antwoord met het nummer van je keuze. Typ "help" voor de opdrachten.
