//! Interface text for the downloads of the response documents (DOCX, spreadsheet, dossier),
//! the open data pages and the print version. Part of `Messages` (as `t.export`).

pub struct ExportMessages {
    /// The language code for `<html lang>`.
    pub lang: &'static str,
    pub print_version: &'static str,
    pub parts_title: &'static str,
    pub parts_intro: &'static str,
    pub part_count: fn(usize) -> String,
    /// Spreadsheet column headings, in the order of `render::export::row_cells`.
    pub columns: [&'static str; 13],
    pub sheet_name: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub kind_reaction: &'static str,
    pub kind_advice_point: &'static str,
    pub whole_document_label: &'static str,
    pub downloads_title: &'static str,
    pub downloads_intro: &'static str,
    pub label_format: &'static str,
    /// Per format code in `FORMATS`.
    pub formats: [&'static str; 4],
    pub label_order: &'static str,
    /// Per `Order::ALL`.
    pub orders: [&'static str; 2],
    pub label_names: &'static str,
    pub hint_names: &'static str,
    pub label_hidden: &'static str,
    pub hint_hidden: &'static str,
    pub download: &'static str,
    pub print: &'static str,
    pub dossier: &'static str,
    pub dossier_hint: &'static str,
    pub open_data: &'static str,
    pub letter_docx: &'static str,
    pub toc_title: &'static str,
    /// Under the list of contents: how to fill in missing page numbers.
    pub toc_hint: &'static str,
    pub page: &'static str,
    pub made_on: fn(&str) -> String,
    pub totals_title: &'static str,
    pub totals_heads: [&'static str; 2],
    pub received: &'static str,
    pub late_count: &'static str,
    pub reaction: &'static str,
    pub by_status_title: &'static str,
    pub quoted: &'static str,
    pub dossier_readme: fn(&str, &str, &str) -> String,
}

/// Download formats of the response document, in the order of `formats`.
pub const FORMATS: [&str; 4] = ["docx", "xlsx", "csv", "md"];

pub const NL: ExportMessages = ExportMessages {
    lang: "nl",
    print_version: "Printversie (HTML, zonder menu)",
    parts_title: "Delen van de nota",
    parts_intro: "Deze nota is groot; de pagina toont één deel tegelijk. De printversie en de downloads bevatten alles.",
    part_count: |n| if n == 1 { "(1 reactie)".into() } else { format!("({n} reacties)") },
    columns: [
        "Soort",
        "Onderdeel van het document",
        "Soort afzender",
        "Afzender",
        "Datum ontvangen",
        "Te laat",
        "Verborgen voor het publiek",
        "Reactie",
        "Status",
        "Antwoord",
        "Verwerkt in",
        "Staat van het antwoord",
        "Vastgesteld op",
    ],
    sheet_name: "Reacties",
    yes: "ja",
    no: "nee",
    kind_reaction: "reactie",
    kind_advice_point: "adviespunt",
    whole_document_label: "Het document als geheel",
    downloads_title: "Downloaden",
    downloads_intro: "Download de nota om verder te bewerken of te analyseren.",
    label_format: "Bestandsvorm",
    formats: ["Word (.docx)", "Excel (.xlsx)", "CSV (.csv)", "Markdown (.md)"],
    label_order: "Volgorde",
    orders: ["Zoals het document loopt", "Per status"],
    label_names: "Namen tonen van insprekers die daarvoor toestemming gaven",
    hint_names: "Zonder vinkje heet iedere inwoner \"Inspreker N\".",
    label_hidden: "Verborgen reacties met hun tekst opnemen",
    hint_hidden: "Alleen voor medewerkers; nooit in wat het publiek ziet.",
    download: "Downloaden",
    print: "Afdrukken of opslaan als PDF",
    dossier: "Dossier voor de Woo (zip)",
    dossier_hint: "De documenten, de open data (JSON) en een leesmij, zonder persoonsgegevens.",
    open_data: "Open data (JSON)",
    letter_docx: "Download als Word (.docx)",
    toc_title: "Inhoud",
    toc_hint: "Staan er geen paginanummers? Werk de velden bij (in Word: Ctrl+A, dan F9).",
    page: "Pagina",
    made_on: |date| format!("Opgemaakt op {date}"),
    totals_title: "In aantallen",
    totals_heads: ["Status", "Aantal reacties"],
    received: "ontvangen",
    late_count: "waarvan te laat",
    reaction: "Reactie",
    by_status_title: "Per status",
    quoted: "Tekst van het document",
    dossier_readme: |title, organisation, date| {
        format!(
            "# Dossier {title}\n\n{organisation}\nSamengesteld op {date} voor openbaarmaking onder de Wet open overheid (Woo).\n\n\
             ## Inhoud\n\n\
             - `reactienota.docx`, `reactienota.html`, `reactienota.md`: de nota van beantwoording.\n\
             - `reactienota.csv`, `reactienota.xlsx`: alle reacties en adviespunten met status en antwoord, per regel.\n\
             - `collegereacties/`: de reactie van het college op elk gepubliceerd advies.\n\
             - `open-data/consultatie.json`: het document met hoofdstukken en alinea's.\n\
             - `open-data/reacties.json`: de reacties met antwoord en status.\n\n\
             ## Persoonsgegevens\n\n\
             Dit dossier bevat geen e-mailadressen en geen namen van inwoners, behalve van wie uitdrukkelijk \
             toestemming gaf om met naam genoemd te worden. Reacties die voor het publiek verborgen zijn, staan \
             erin zonder tekst. De JSON volgt de open-data-API van Inspraak, beschreven in `openapi.json`.\n"
        )
    },
};

pub const EN: ExportMessages = ExportMessages {
    lang: "en",
    print_version: "Print version (HTML, without menus)",
    parts_title: "Parts of the response document",
    parts_intro: "This response document is large; the page shows one part at a time. The print version and the downloads hold all of it.",
    part_count: |n| if n == 1 { "(1 reaction)".into() } else { format!("({n} reactions)") },
    columns: [
        "Kind",
        "Part of the document",
        "Sender type",
        "Sender",
        "Date received",
        "Late",
        "Hidden from the public",
        "Reaction",
        "Status",
        "Answer",
        "Processed in",
        "Answer state",
        "Adopted on",
    ],
    sheet_name: "Reactions",
    yes: "yes",
    no: "no",
    kind_reaction: "reaction",
    kind_advice_point: "advice point",
    whole_document_label: "The document as a whole",
    downloads_title: "Download",
    downloads_intro: "Download the response document to edit or analyse it further.",
    label_format: "File format",
    formats: ["Word (.docx)", "Excel (.xlsx)", "CSV (.csv)", "Markdown (.md)"],
    label_order: "Order",
    orders: ["As the document runs", "By status"],
    label_names: "Show the names of respondents who agreed to it",
    hint_names: "Unticked, every resident is called \"Respondent N\".",
    label_hidden: "Include hidden reactions with their text",
    hint_hidden: "Staff only; never in what the public sees.",
    download: "Download",
    print: "Print or save as PDF",
    dossier: "Dossier for publication (zip)",
    dossier_hint: "The documents, the open data (JSON) and a readme, without personal data.",
    open_data: "Open data (JSON)",
    letter_docx: "Download as Word (.docx)",
    toc_title: "Contents",
    toc_hint: "No page numbers? Update the fields (in Word: Ctrl+A, then F9).",
    page: "Page",
    made_on: |date| format!("Prepared on {date}"),
    totals_title: "In numbers",
    totals_heads: ["Status", "Reactions"],
    received: "received",
    late_count: "of which late",
    reaction: "Reaction",
    by_status_title: "By status",
    quoted: "Text of the document",
    dossier_readme: |title, organisation, date| {
        format!(
            "# Dossier {title}\n\n{organisation}\nCompiled on {date} for publication under the Dutch Open Government Act (Woo).\n\n\
             ## Contents\n\n\
             - `reactienota.docx`, `reactienota.html`, `reactienota.md`: the response document.\n\
             - `reactienota.csv`, `reactienota.xlsx`: every reaction and advice point with status and answer, one per row.\n\
             - `collegereacties/`: the college's response to each published advice.\n\
             - `open-data/consultatie.json`: the document with its chapters and paragraphs.\n\
             - `open-data/reacties.json`: the reactions with answer and status.\n\n\
             ## Personal data\n\n\
             This dossier holds no e-mail addresses and no names of residents, except of those who explicitly \
             agreed to be named. Reactions hidden from the public are included without their text. The JSON follows \
             Inspraak's open data API, described in `openapi.json`.\n"
        )
    },
};
