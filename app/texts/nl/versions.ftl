### versions
# Inspraak: interface text, Dutch. Placeholders are { $name }; plurals use Fluent's [one]/*[other].

versions-switcher-label = Versies van het document
versions-version = Versie { $n }
versions-current = huidige versie
versions-older-notice = U leest versie { $n } van { $date }. Dit is niet de huidige tekst; reageren kan op de huidige versie.
versions-to-current = Naar de huidige versie
versions-changes-link = Wat is er veranderd in versie { $n }?
versions-changes-title = Wat is er veranderd in versie { $n }
versions-changes-intro = Versie { $to } vergeleken met versie { $from }, per hoofdstuk. Bij elke gewijzigde alinea staat hoeveel reacties en adviespunten tot de wijziging leidden.
versions-legend = Doorgehaalde tekst is weggehaald, onderstreepte tekst is toegevoegd.
versions-removed-marker = weggehaald:{" "}
versions-added-marker = toegevoegd:{" "}
versions-unchanged =
    { $n ->
        [one] 1 alinea ongewijzigd
       *[other] { $n } alinea's ongewijzigd
    }
versions-no-changes = In deze versie is geen alinea gewijzigd.
versions-removed-title = Vervallen passages
versions-was = was
versions-led-to = Naar aanleiding van { $parts }
versions-new-block = nieuw
versions-processed-in = Verwerkt in { $label } (versie { $n })
versions-then-and-now = Uw alinea toen en nu
versions-earlier-heading = { $heading } (versie { $n })
versions-panel-title = Versies van het document
versions-imported-on = ingelezen op { $date }
versions-to-review-link =
    { $n ->
        [one] Na te kijken: 1 alinea
       *[other] Na te kijken: { $n } alinea's
    }
versions-new-version-title = Nieuwe versie inlezen
versions-label-name = Naam van de versie
versions-hint-name = Bijvoorbeeld: Versie voor inspraak.
versions-label-note = Wat is er veranderd
versions-hint-note = Kort, voor de lezer. Niet verplicht.
versions-submit = Versie inlezen
versions-imported = Versie { $n } is ingelezen. Alle reacties en adviespunten hebben een plek in de nieuwe tekst.
versions-imported-review =
    Versie { $n } is ingelezen. Van { $review ->
        [one] 1 alinea
       *[other] { $review } alinea's
    } is de plek in de nieuwe tekst onzeker: kijk die na.
versions-review-title = Na te kijken
versions-review-intro = Alinea's van versie { $from } met reacties of adviespunten waarvan de plek in versie { $to } onzeker is, of die niet meer in de tekst staan. Bevestig de voorgestelde plek of kies een andere.
versions-review-empty = Er is niets na te kijken.
versions-proposal = Voorstel: { $label } ({ $pct }% zeker)
versions-no-place = Geen plek gevonden in de nieuwe versie.
versions-confirm = Voorstel klopt
versions-label-other = Andere alinea
versions-hint-other = Label of anker van een alinea in de nieuwe versie, zoals 2.a, alinea 1.
versions-correct = Koppel aan deze alinea
versions-gone = Staat niet meer in de tekst
versions-label-processed = Verwerkt in alinea's van versie { $n }
versions-hint-processed = Label of anker, zoals 2.a, alinea 1; meer alinea's gescheiden door een puntkomma.
versions-change-unchanged = ongewijzigd
versions-change-changed = gewijzigd
versions-change-moved = verplaatst
versions-change-split = gesplitst
versions-change-merged = samengevoegd
versions-change-removed = vervallen
versions-reactions =
    { $n ->
        [one] 1 reactie
       *[other] { $n } reacties
    }
versions-points =
    { $n ->
        [one] 1 adviespunt
       *[other] { $n } adviespunten
    }
