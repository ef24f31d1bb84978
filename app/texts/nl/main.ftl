### main
# Inspraak: interface text, Dutch. Placeholders are { $name }; plurals use Fluent's [one]/*[other].

## The word for the executive that answers. A regional body may say "dagelijks bestuur":
## override this one term (see INSPRAAK_TEXTS in the README) and every sentence follows.
-college = college

lang-name = Nederlands
site-name = Inspraak
site-tagline = Reageer op beleid in wording en volg wat ermee gebeurt
skip-to-content = Naar de inhoud
nav-label = Hoofdmenu
nav-home = Consultaties
nav-officer = Beheer
nav-login = Inloggen
nav-logout = Uitloggen
nav-track = Volg uw reactie
switch-language = English
footer-privacy = Namen en e-mailadressen van inwoners worden nooit gepubliceerd en op verzoek verwijderd.
home-title = Consultaties
home-intro = Hier leest u conceptbeleid en geeft u per alinea uw reactie. Elke reactie krijgt een antwoord.
home-empty = Er zijn nog geen consultaties.
period-open = Reageren kan tot en met { $date }.
period-not-yet = Reageren kan vanaf { $date }.
period-closed = De reactietermijn is gesloten sinds { $date }.
period-range = { $from } tot en met { $to }
toc-title = Inhoudsopgave
document-label = Tekst van het document
count-comments =
    { $n ->
        [one] 1 reactie
       *[other] { $n } reacties
    }
comment-on-block = Reageer
comment-on-block-sr = Reageer op { $label }
comment-on-document = Reageer op het document als geheel
comment-form-title = Uw reactie op { $label }
comment-form-title-document = Uw reactie op het document als geheel
label-body = Uw reactie
hint-body = Verplicht. Maximaal { $max } tekens.
label-name = Naam (niet verplicht)
label-show-name = Mijn naam mag in de reactienota staan
label-organisation = Reageert u namens een organisatie? Naam van de organisatie (niet verplicht)
hint-organisation = Organisaties worden in de reactienota met naam genoemd.
label-email = E-mailadres (niet verplicht)
hint-email = Alleen om u te laten weten wat er met uw reactie is gedaan. Wordt nooit gepubliceerd.
label-consent = Ik geef toestemming om mijn naam en e-mailadres te gebruiken voor de verwerking van mijn reactie.
privacy-notice = Uw naam en e-mailadres worden apart bewaard, nooit gepubliceerd (tenzij u dat voor uw naam aangeeft) en op verzoek verwijderd.
submit-comment = Verstuur reactie
sending = Bezig met versturen…
close-form = Sluiten
form-has-errors = Controleer de velden met een melding.
receipt-title = Bedankt, uw reactie is ontvangen
receipt-code = Uw volgcode
receipt-keep = Bewaar deze code. Hiermee ziet u later wat er met uw reactie is gedaan.
receipt-link = Bekijk uw reactie en het antwoord
form-closed = U kunt nu niet reageren op dit document.
late = na de termijn ontvangen
track-title = Volg uw reactie
track-intro = Vul de volgcode in die u kreeg na het versturen van uw reactie.
track-code-label = Volgcode
track-lookup = Zoek op
track-your-comment = Uw reactie
track-about = Over
track-received-on = Ontvangen op
track-status = Status
track-no-answer = Er is nog geen antwoord. Zodra het antwoord definitief is, leest u het hier.
track-code-unknown = Deze volgcode kennen we niet. Controleer de code en probeer het opnieuw.
not-found-title = Pagina niet gevonden
not-found-text = Deze pagina bestaat niet (meer). Controleer het adres of ga naar de lijst met consultaties.
error-title = Er ging iets mis
error-generic = Er ging iets mis aan onze kant. Uw invoer is niet verloren; probeer het zo opnieuw.
error-forbidden = U heeft geen toegang tot deze pagina.
error-unauthorized = Log in om verder te gaan.
error-rate-limited = U heeft te veel verzoeken kort na elkaar gedaan. Wacht een minuut en probeer het opnieuw.
login-title = Inloggen voor medewerkers
label-login-email = E-mailadres
label-password = Wachtwoord
login-submit = Inloggen
officer-title = Beheer
officer-consultations = Consultaties
officer-comments = Reacties
officer-logged-in-as = Ingelogd als { $name }
new-consultation = Nieuwe consultatie
label-title = Titel
label-slug = Korte naam in het webadres
hint-slug = Kleine letters, cijfers en streepjes, bijvoorbeeld regiovisie-2027.
label-description = Toelichting (niet verplicht)
label-opens = Reageren kan vanaf
label-closes = Reageren kan tot en met
label-file = Conceptdocument
hint-file = Word (.docx, maximaal 20 MB), Markdown (.md) of platte tekst (.txt, maximaal 5 MB).
create-submit = Consultatie aanmaken
answer-saved-import = De consultatie is aangemaakt en het document is ingelezen.
import-left-out = Uit het Word-document is weggelaten: { $parts }. Controleer de tekst en vul zo nodig zelf aan wat inwoners moeten lezen.
left-out-images =
    { $n ->
        [one] 1 afbeelding
       *[other] { $n } afbeeldingen
    }
left-out-charts =
    { $n ->
        [one] 1 grafiek of diagram
       *[other] { $n } grafieken en diagrammen
    }
left-out-text-boxes =
    { $n ->
        [one] 1 tekstvak
       *[other] { $n } tekstvakken
    }
left-out-comments =
    { $n ->
        [one] 1 opmerking
       *[other] { $n } opmerkingen
    }
left-out-tracked-deletions =
    { $n ->
        [one] 1 bijgehouden verwijdering
       *[other] { $n } bijgehouden verwijderingen
    }
left-out-equations =
    { $n ->
        [one] 1 formule
       *[other] { $n } formules
    }
left-out-embedded-objects =
    { $n ->
        [one] 1 ingesloten object
       *[other] { $n } ingesloten objecten
    }
left-out-table-of-contents =
    { $n ->
        [one] 1 regel van de inhoudsopgave
       *[other] { $n } regels van de inhoudsopgave
    }
view-public-page = Openbare pagina
view-report = Nota van beantwoording
count-unanswered = { $n } nog niet beantwoord
count-without-final = { $n } zonder definitief antwoord
comments-by-section = Reacties per hoofdstuk en alinea
no-comments-yet = Er zijn nog geen reacties.
label-answer = Antwoord
hint-answer = Opmaak met Markdown is mogelijk (*cursief*, **vet**, lijstjes).
label-status = Verwerking
choose-status = Kies een status
label-processed-where = Verwerkt in (niet verplicht)
hint-processed-where = Waar in de nieuwe versie, bijvoorbeeld: hoofdstuk 5.a, alinea 2.
label-state = Status van het antwoord
save-answer = Antwoord opslaan
answer-saved = Antwoord opgeslagen als nieuwe versie.
history = Eerdere versies van het antwoord
revision = Versie { $n }, { $who }, { $when }
sender-private = Persoonsgegevens (niet openbaar)
answer-state-draft = concept
answer-state-final = definitief
report-title = Nota van beantwoording
report-period = Reactietermijn: { $from } tot en met { $to }
report-summary =
    { $n ->
        [one] 1 reactie ontvangen.
       *[other] { $n } reacties ontvangen.
    }
report-summary-with-parts =
    { $n ->
        [one] 1 reactie ontvangen
       *[other] { $n } reacties ontvangen
    }, waarvan { $parts }.
whole-document = Reacties op het document als geheel
front-matter = Titelblad
answer = Antwoord
processed-where = Verwerkt in
not-yet-answered = Nog niet beantwoord
anonymous-sender = Inspreker
download-markdown = Download als Markdown
status-processed = verwerkt
status-partly-processed = deels verwerkt
status-not-processed = niet verwerkt
status-implementation-plan = meegenomen in uitvoeringsplan
status-noted = kennisgenomen
status-out-of-scope = buiten reikwijdte
block-kind-paragraph = alinea
block-kind-list = lijst
block-kind-table = tabel
block-kind-quote = citaat
block-kind-code = code
block-kind-footnote = voetnoot
label-chapter = Hoofdstuk
label-annex = Bijlage
label-part = Deel
label-start = Begin
label-paragraph-of = { $section }, alinea { $n }
label-paragraph = Alinea { $n }
label-footnote = voetnoot { $label }
month-january = januari
month-february = februari
month-march = maart
month-april = april
month-may = mei
month-june = juni
month-july = juli
month-august = augustus
month-september = september
month-october = oktober
month-november = november
month-december = december
field-error-required = Dit veld is verplicht.
field-error-unknown-tracking-code = Deze volgcode kennen we niet. Controleer de code en probeer het opnieuw.
field-error-too-long = Gebruik maximaal { $max } tekens.
field-error-too-short = Gebruik minimaal { $min } tekens.
field-error-invalid-email = Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.
field-error-consent-required = Geef toestemming, of laat naam en e-mailadres leeg.
field-error-invalid-slug = Gebruik alleen kleine letters, cijfers en losse streepjes.
field-error-slug-taken = Deze korte naam is al in gebruik.
field-error-invalid-date = Vul een datum in als jjjj-mm-dd.
field-error-closes-before-opens = De einddatum ligt voor de begindatum.
field-error-unknown-block = Deze alinea bestaat niet in dit document.
field-error-invalid-status = Kies een status uit de lijst.
field-error-not-yet-open = Reageren kan nog niet: de reactietermijn is nog niet begonnen.
field-error-invalid-credentials = E-mailadres of wachtwoord klopt niet.
field-error-too-many-requests = Er zijn kort na elkaar veel reacties verstuurd. Wacht een minuut en verstuur uw reactie dan opnieuw.
field-error-import-empty = Het bestand is leeg.
field-error-import-too-large = Het bestand is groter dan { $max_mb } MB.
field-error-import-not-text = Dit is geen tekstbestand (Markdown of platte tekst).
field-error-import-no-content = In het bestand staat geen tekst om op te reageren.
field-error-import-word-not-docx = Dit bestand is geen Word-document (.docx). Sla het in Word op als Word-document en probeer het opnieuw.
field-error-import-word-encrypted = Dit Word-document is met een wachtwoord beveiligd. Haal de beveiliging eraf en probeer het opnieuw.
field-error-import-word-old-format = Dit is een oud Word-bestand (.doc). Sla het in Word op als Word-document (.docx) en probeer het opnieuw.
field-error-import-word-macros = Dit Word-document bevat macro's en wordt daarom niet ingelezen. Sla het op als gewoon Word-document (.docx).
field-error-import-word-damaged = Dit Word-document is beschadigd en kan niet worden gelezen. Sla het opnieuw op in Word.
field-error-unsupported-file-type = Kies een bestand dat eindigt op .docx, .md of .txt.
field-error-not-a-pdf = Dit is geen PDF-bestand. Bewaar de brief als PDF en kies dat bestand.
field-error-not-a-logo = Dit is geen PNG- of JPEG-afbeelding. Kies het logo als PNG of JPEG.
field-error-too-many = Kies er hoogstens { $max }.
field-error-invalid-phase = Kies een fase uit de lijst.
field-error-phase-not-forward = Kies een latere fase: een consultatie gaat alleen vooruit.
field-error-date-before-previous-phase = Deze datum ligt voor het begin van de huidige fase.
field-error-passwords-differ = De twee wachtwoorden zijn niet gelijk.
field-error-invite-unknown = Deze uitnodigingslink bestaat niet. Vraag de gemeente om een nieuwe.
field-error-invite-expired = Deze uitnodigingslink is verlopen. Vraag de gemeente om een nieuwe.
field-error-invite-used = Deze uitnodigingslink is al gebruikt. Log in met uw e-mailadres en wachtwoord.
field-error-email-taken = Er is al een account met dit e-mailadres.
field-error-council-not-asked = Deze adviesraad is niet om advies gevraagd voor deze consultatie.
field-error-advice-empty = Het advies heeft nog geen punten. Voeg eerst een punt toe.
field-error-already-submitted = Dit advies is al ingediend. Begin een correctie om het te wijzigen.
field-error-advice-closed = De adviesronde is niet open: adviseren kan nu niet.
field-error-report-without-points = In dit verslag staat geen opsomming. Zet elk punt op een regel die begint met een streepje.
field-error-no-point-chosen = Kies minstens één punt.
field-error-answers-not-final = Nog niet elk punt heeft een definitief antwoord.
field-error-changed-meanwhile = Een collega heeft dit antwoord intussen gewijzigd. Laad de pagina opnieuw en kijk of uw wijziging nog nodig is.
field-error-not-for-review = Dit antwoord wacht niet (meer) op beoordeling.
field-error-own-answer = U kunt uw eigen antwoord niet goedkeuren. Vraag een collega.
field-error-reason-required = Het { -college } heeft de antwoorden vastgesteld. Vul de reden van de wijziging in.
field-error-answers-not-approved =
    { $open ->
        [one] Nog 1 reactie heeft geen goedgekeurd antwoord.
       *[other] Nog { $open } reacties hebben geen goedgekeurd antwoord.
    } Vaststellen kan pas als alles is goedgekeurd.
field-error-nothing-to-adopt = Er zijn geen nieuwe goedgekeurde antwoorden om vast te stellen.
field-error-no-reactions-chosen = Kies ten minste twee reacties.
field-error-date-in-future = Deze datum ligt in de toekomst.
field-error-invalid-role = Kies een rol: beleidsmedewerker, beoordelaar of beheerder.
field-error-own-role = U kunt uw eigen rol niet wijzigen. Vraag een andere beheerder.
field-error-last-admin = Er moet altijd een beheerder zijn. Maak eerst iemand anders beheerder.
field-error-erasure-not-confirmed = Vink aan dat u uw gegevens wilt laten wissen.
field-error-council-is-drafting = De raad werkt zelf aan een concept; wacht tot het is ingediend.
field-error-not-your-municipality = Dit advies wordt beantwoord door de ambtenaren van een andere gemeente.
list-and = { $first } en { $last }
