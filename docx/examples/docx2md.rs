//! Prints the Markdown of a .docx file and what was left out: `cargo run --example docx2md FILE`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: docx2md FILE.docx");
        return ExitCode::FAILURE;
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(err) => {
            eprintln!("{path}: {err}");
            return ExitCode::FAILURE;
        }
    };
    match inspraak_docx::docx_to_markdown(&bytes, &inspraak_docx::Limits::default()) {
        Ok(converted) => {
            print!("{}", converted.markdown);
            eprintln!("title: {:?}", converted.title);
            eprintln!("left out: {:?}", converted.left_out);
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err:?}");
            ExitCode::FAILURE
        }
    }
}
