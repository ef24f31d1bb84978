### export
# Inspraak: interface text, Dutch. Placeholders are { $name }; plurals use Fluent's [one]/*[other].

export-lang = nl
export-print-version = Printversie (HTML, zonder menu)
export-parts-title = Delen van de nota
export-parts-intro = Deze nota is groot; de pagina toont één deel tegelijk. De printversie en de downloads bevatten alles.
export-part-count =
    { $n ->
        [one] (1 reactie)
       *[other] ({ $n } reacties)
    }
export-column-kind = Soort
export-column-part = Onderdeel van het document
export-column-sender-kind = Soort afzender
export-column-sender = Afzender
export-column-received = Datum ontvangen
export-column-late = Te laat
export-column-hidden = Verborgen voor het publiek
export-column-reaction = Reactie
export-column-status = Status
export-column-answer = Antwoord
export-column-processed-in = Verwerkt in
export-column-answer-state = Staat van het antwoord
export-column-adopted-on = Vastgesteld op
export-sheet-name = Reacties
export-yes = ja
export-no = nee
export-kind-reaction = reactie
export-kind-advice-point = adviespunt
export-whole-document-label = Het document als geheel
export-downloads-title = Downloaden
export-downloads-intro = Download de nota om verder te bewerken of te analyseren.
export-label-format = Bestandsvorm
export-format-docx = Word (.docx)
export-format-xlsx = Excel (.xlsx)
export-format-csv = CSV (.csv)
export-format-md = Markdown (.md)
export-label-order = Volgorde
export-order-document = Zoals het document loopt
export-order-status = Per status
export-label-names = Namen tonen van insprekers die daarvoor toestemming gaven
export-hint-names = Zonder vinkje heet iedere inwoner "Inspreker N".
export-label-hidden = Verborgen reacties met hun tekst opnemen
export-hint-hidden = Alleen voor medewerkers; nooit in wat het publiek ziet.
export-download = Downloaden
export-print = Afdrukken of opslaan als PDF
export-dossier = Dossier voor de Woo (zip)
export-dossier-hint = De documenten, de open data (JSON) en een leesmij, zonder persoonsgegevens.
export-open-data = Open data (JSON)
export-letter-docx = Download als Word (.docx)
export-toc-title = Inhoud
export-toc-hint = Staan er geen paginanummers? Werk de velden bij (in Word: Ctrl+A, dan F9).
export-page = Pagina
export-made-on = Opgemaakt op { $date }
export-totals-title = In aantallen
export-totals-status = Status
export-totals-count = Aantal reacties
export-received = ontvangen
export-late-count = waarvan te laat
export-reaction = Reactie
export-by-status-title = Per status
export-quoted = Tekst van het document
export-dossier-readme=
    # Dossier { $title }

    { $organisation }
    Samengesteld op { $date } voor openbaarmaking onder de Wet open overheid (Woo).

    ## Inhoud

    - `reactienota.docx`, `reactienota.html`, `reactienota.md`: de nota van beantwoording.
    - `reactienota.csv`, `reactienota.xlsx`: alle reacties en adviespunten met status en antwoord, per regel.
    - `collegereacties/`: de reactie van het { -college } op elk gepubliceerd advies.
    - `open-data/consultatie.json`: het document met hoofdstukken en alinea's.
    - `open-data/reacties.json`: de reacties met antwoord en status.

    ## Persoonsgegevens

    Dit dossier bevat geen e-mailadressen en geen namen van inwoners, behalve van wie uitdrukkelijk toestemming gaf om met naam genoemd te worden. Reacties die voor het publiek verborgen zijn, staan erin zonder tekst. De JSON volgt de open-data-API van Inspraak, beschreven in `openapi.json`.

