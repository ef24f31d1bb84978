### export
# Inspraak: interface text, English. Keep the same messages and placeholders as nl/.

export-lang = en
export-print-version = Print version (HTML, without menus)
export-parts-title = Parts of the response document
export-parts-intro = This response document is large; the page shows one part at a time. The print version and the downloads hold all of it.
export-part-count =
    { $n ->
        [one] (1 reaction)
       *[other] ({ $n } reactions)
    }
export-column-kind = Kind
export-column-part = Part of the document
export-column-sender-kind = Sender type
export-column-sender = Sender
export-column-received = Date received
export-column-late = Late
export-column-hidden = Hidden from the public
export-column-reaction = Reaction
export-column-status = Status
export-column-answer = Answer
export-column-processed-in = Processed in
export-column-answer-state = Answer state
export-column-adopted-on = Adopted on
export-sheet-name = Reactions
export-yes = yes
export-no = no
export-kind-reaction = reaction
export-kind-advice-point = advice point
export-whole-document-label = The document as a whole
export-downloads-title = Download
export-downloads-intro = Download the response document to edit or analyse it further.
export-label-format = File format
export-format-docx = Word (.docx)
export-format-xlsx = Excel (.xlsx)
export-format-csv = CSV (.csv)
export-format-md = Markdown (.md)
export-label-order = Order
export-order-document = As the document runs
export-order-status = By status
export-label-names = Show the names of respondents who agreed to it
export-hint-names = Unticked, every resident is called "Respondent N".
export-label-hidden = Include hidden reactions with their text
export-hint-hidden = Staff only; never in what the public sees.
export-download = Download
export-print = Print or save as PDF
export-dossier = Dossier for publication (zip)
export-dossier-hint = The documents, the open data (JSON) and a readme, without personal data.
export-open-data = Open data (JSON)
export-letter-docx = Download as Word (.docx)
export-toc-title = Contents
export-toc-hint = No page numbers? Update the fields (in Word: Ctrl+A, then F9).
export-page = Page
export-made-on = Prepared on { $date }
export-totals-title = In numbers
export-totals-status = Status
export-totals-count = Reactions
export-received = received
export-late-count = of which late
export-reaction = Reaction
export-by-status-title = By status
export-quoted = Text of the document
export-dossier-readme=
    # Dossier { $title }

    { $organisation }
    Compiled on { $date } for publication under the Dutch Open Government Act (Woo).

    ## Contents

    - `reactienota.docx`, `reactienota.html`, `reactienota.md`: the response document.
    - `reactienota.csv`, `reactienota.xlsx`: every reaction and advice point with status and answer, one per row.
    - `collegereacties/`: the { -college }'s response to each published advice.
    - `open-data/consultatie.json`: the document with its chapters and paragraphs.
    - `open-data/reacties.json`: the reactions with answer and status.

    ## Personal data

    This dossier holds no e-mail addresses and no names of residents, except of those who explicitly agreed to be named. Reactions hidden from the public are included without their text. The JSON follows Inspraak's open data API, described in `openapi.json`.

