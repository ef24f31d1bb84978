//! Test support: files that are not usable Word documents, and (with the `testing` feature) Word
//! documents made by LibreOffice from Markdown, as an officer's draft would come, for the
//! round-trip tests here and the app's import tests. The LibreOffice functions panic with a
//! message when LibreOffice fails: they are for tests only.

#[cfg(feature = "testing")]
mod libreoffice;
#[cfg(feature = "testing")]
pub use libreoffice::*;

/// A minimal OLE compound file naming the given streams: the container of encrypted Office files
/// (`EncryptionInfo`, `EncryptedPackage`) and of Word 97-2003 documents (`WordDocument`).
pub fn compound_file(streams: &[&str]) -> Vec<u8> {
    let mut bytes = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    bytes.resize(512, 0);
    for name in streams {
        let mut entry: Vec<u8> = name.encode_utf16().flat_map(u16::to_le_bytes).collect();
        entry.resize(128, 0);
        bytes.extend(entry);
    }
    bytes
}
