//! The spreadsheet of every reaction and advice point: XLSX (rust_xlsxwriter) and CSV (UTF-8 with
//! a byte order mark, so that Excel reads the accents right; `;`-separated as Dutch Excel expects).

use crate::domain::export::{SheetRow, csv_safe, xml_safe};
use crate::i18n::Messages;
use crate::render::export::row_cells;
use rust_xlsxwriter::{Format, FormatAlign, Workbook};

#[derive(Debug, thiserror::Error)]
#[error("the spreadsheet could not be written: {0}")]
pub struct SheetError(String);

/// Column widths in characters, per column of `t.export.columns`.
const WIDTHS: [f64; 13] = [12.0, 22.0, 14.0, 22.0, 14.0, 8.0, 10.0, 60.0, 14.0, 60.0, 24.0, 16.0, 14.0];

pub fn xlsx(rows: &[SheetRow], t: &Messages) -> Result<Vec<u8>, SheetError> {
    let err = |e: rust_xlsxwriter::XlsxError| SheetError(e.to_string());
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(t.export.sheet_name).map_err(err)?;
    let head = Format::new().set_bold().set_background_color("D9E2F3").set_text_wrap();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    for (col, title) in t.export.columns.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, *title, &head).map_err(err)?;
        sheet.set_column_width(col, WIDTHS[usize::from(col)]).map_err(err)?;
    }
    for (i, row) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        for (col, cell) in row_cells(row, t).iter().enumerate() {
            // Strings only: a reaction starting with "=" stays text, never a formula.
            sheet.write_string_with_format(r, col as u16, xml_safe(&truncate_cell(cell)), &wrap).map_err(err)?;
        }
    }
    sheet.set_freeze_panes(1, 0).map_err(err)?;
    sheet.autofilter(0, 0, rows.len() as u32, (t.export.columns.len() - 1) as u16).map_err(err)?;
    workbook.save_to_buffer().map_err(err)
}

/// Excel holds at most 32,767 characters in a cell.
fn truncate_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 32_767;
    if cell.chars().count() <= MAX { cell.into() } else { format!("{}…", cell.chars().take(MAX - 1).collect::<String>()).into() }
}

pub fn csv(rows: &[SheetRow], t: &Messages) -> Result<Vec<u8>, SheetError> {
    let mut out = "\u{FEFF}".as_bytes().to_vec();
    {
        let mut writer = csv::WriterBuilder::new().delimiter(b';').terminator(csv::Terminator::CRLF).from_writer(&mut out);
        writer.write_record(t.export.columns).map_err(|e| SheetError(e.to_string()))?;
        for row in rows {
            let cells = row_cells(row, t);
            writer.write_record(cells.iter().map(|c| csv_safe(c).into_owned())).map_err(|e| SheetError(e.to_string()))?;
        }
        writer.flush().map_err(|e| SheetError(e.to_string()))?;
    }
    Ok(out)
}
