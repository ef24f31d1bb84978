### mail
# Inspraak: interface text, Dutch. Placeholders are { $name }; plurals use Fluent's [one]/*[other].

mail-greeting = Beste { $name },
mail-greeting-anonymous = Beste inspreker,
mail-receipt-subject = Uw reactie op { $title } is ontvangen
mail-receipt-thanks = Bedankt voor uw reactie op “{ $title }”. We hebben die goed ontvangen.
mail-code-label = Uw volgcode
mail-track-link-intro = Uw reactie en, zodra het er is, het antwoord van het { -college }:
mail-confirm-intro = Wilt u bericht krijgen als het antwoord er is? Bevestig dan uw e-mailadres:
mail-confirm-why = Zonder bevestiging sturen we u geen e-mail meer.
mail-answer-subject = Het { -college } heeft uw reactie op { $title } beantwoord
mail-answer-intro = Het { -college } heeft de antwoorden op de reacties op “{ $title }” vastgesteld. Dit is het antwoord op uw reactie (volgcode { $code }).
mail-status-label = Wat er met uw reactie gebeurt
mail-answer-label = Het antwoord:
mail-processed-where-label = Verwerkt in
mail-outcome-intro = Wat er met alle reacties is gedaan:
mail-codes-subject = Uw volgcodes
mail-codes-intro = U vroeg om uw volgcodes. Dit zijn de reacties die u met dit e-mailadres gaf:
mail-erase-subject = Bevestig het wissen van uw gegevens
mail-erase-intro = U vroeg om uw naam en e-mailadres te wissen bij uw reactie op “{ $title }”.
mail-erase-link-intro = Open deze link en bevestig het wissen (de link werkt een week):
mail-erase-what = Uw reactie blijft staan, zonder naam, als “Inspreker” met een nummer. Daarna krijgt u over deze reactie geen e-mail meer.
mail-not-asked = Heeft u hier niet om gevraagd? Dan hoeft u niets te doen.
mail-unsubscribe-intro = Geen e-mail meer van ons over uw reacties?
mail-privacy-note = Uw naam en e-mailadres zijn nooit openbaar. Wissen kan op de volgpagina van uw reactie.
