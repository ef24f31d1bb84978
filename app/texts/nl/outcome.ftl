### outcome
# Inspraak: interface text, Dutch. Placeholders are { $name }; plurals use Fluent's [one]/*[other].

outcome-link = Wat is er met de reacties gedaan?
outcome-title = Wat is er gedaan met de reacties op { $title }?
outcome-intro = Per hoofdstuk: hoeveel reacties er kwamen, wat ermee gebeurde en welk antwoord het { -college } gaf. Antwoorden staan hier zodra ze zijn goedgekeurd.
outcome-whole-document = Het document als geheel
outcome-reactions =
    { $n ->
        [one] 1 reactie
       *[other] { $n } reacties
    }
outcome-unanswered = { $n } nog niet beantwoord
outcome-answers-title = Antwoorden
outcome-answer-for =
    { $n ->
        [one] antwoord op 1 reactie
       *[other] antwoord op { $n } reacties
    }
outcome-changed-at = Aangepast in het document
outcome-no-answers-yet = Hier zijn nog geen antwoorden gepubliceerd.
outcome-full-report = De volledige nota van beantwoording, met elke reactie
outcome-statuses-label = Wat ermee gebeurde
