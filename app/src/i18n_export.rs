//! Interface text for the downloads of the response documents (DOCX, spreadsheet, dossier),
//! the open data pages and the print version. Part of `Messages` (as `t.export`).

use crate::t;
use crate::texts::{En, Lang, Nl};
use std::sync::LazyLock;

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

/// The ExportMessages of one language, from the text files (see `texts`).
pub fn build<L: Lang>() -> ExportMessages {
    ExportMessages {
        lang: t!(L, "export-lang"),
        print_version: t!(L, "export-print-version"),
        parts_title: t!(L, "export-parts-title"),
        parts_intro: t!(L, "export-parts-intro"),
        part_count: |n| t!(L, "export-part-count", n),
        columns: [
            t!(L, "export-column-kind"),
            t!(L, "export-column-part"),
            t!(L, "export-column-sender-kind"),
            t!(L, "export-column-sender"),
            t!(L, "export-column-received"),
            t!(L, "export-column-late"),
            t!(L, "export-column-hidden"),
            t!(L, "export-column-reaction"),
            t!(L, "export-column-status"),
            t!(L, "export-column-answer"),
            t!(L, "export-column-processed-in"),
            t!(L, "export-column-answer-state"),
            t!(L, "export-column-adopted-on"),
        ],
        sheet_name: t!(L, "export-sheet-name"),
        yes: t!(L, "export-yes"),
        no: t!(L, "export-no"),
        kind_reaction: t!(L, "export-kind-reaction"),
        kind_advice_point: t!(L, "export-kind-advice-point"),
        whole_document_label: t!(L, "export-whole-document-label"),
        downloads_title: t!(L, "export-downloads-title"),
        downloads_intro: t!(L, "export-downloads-intro"),
        label_format: t!(L, "export-label-format"),
        formats: [t!(L, "export-format-docx"), t!(L, "export-format-xlsx"), t!(L, "export-format-csv"), t!(L, "export-format-md")],
        label_order: t!(L, "export-label-order"),
        orders: [t!(L, "export-order-document"), t!(L, "export-order-status")],
        label_names: t!(L, "export-label-names"),
        hint_names: t!(L, "export-hint-names"),
        label_hidden: t!(L, "export-label-hidden"),
        hint_hidden: t!(L, "export-hint-hidden"),
        download: t!(L, "export-download"),
        print: t!(L, "export-print"),
        dossier: t!(L, "export-dossier"),
        dossier_hint: t!(L, "export-dossier-hint"),
        open_data: t!(L, "export-open-data"),
        letter_docx: t!(L, "export-letter-docx"),
        toc_title: t!(L, "export-toc-title"),
        toc_hint: t!(L, "export-toc-hint"),
        page: t!(L, "export-page"),
        made_on: |date| t!(L, "export-made-on", date),
        totals_title: t!(L, "export-totals-title"),
        totals_heads: [t!(L, "export-totals-status"), t!(L, "export-totals-count")],
        received: t!(L, "export-received"),
        late_count: t!(L, "export-late-count"),
        reaction: t!(L, "export-reaction"),
        by_status_title: t!(L, "export-by-status-title"),
        quoted: t!(L, "export-quoted"),
        dossier_readme: |title, organisation, date| t!(L, "export-dossier-readme", title, organisation, date),
    }
}

pub static NL: LazyLock<ExportMessages> = LazyLock::new(build::<Nl>);
pub static EN: LazyLock<ExportMessages> = LazyLock::new(build::<En>);
