//! A municipality's logo in the Word documents: on the title page of its college's letter, and
//! above each of its letters in the nota, where the web pages show it.
//!
//! The drawing is written here and not by docx-rs, which names every picture's part `.png` whatever
//! it holds and gives no picture a text alternative (its `wp:docPr` is always `id="1"
//! name="Figure"`). A logo goes in as it was uploaded, PNG or JPEG, not decoded: its size is read
//! from its header (`imagesize`), and a logo whose size cannot be read is left out, with a warning,
//! rather than failing the document.

use crate::backend::store::Store;
use crate::domain::advice::Letter;
use crate::domain::council::{LogoFormat, check_logo};
use crate::domain::error::AppError;
use crate::domain::export::xml_safe;
use crate::i18n::Messages;
use std::collections::HashMap;
use std::sync::Arc;

/// EMU (the unit of sizes in a drawing) per centimetre, and per pixel at 96 dpi as Word counts.
const EMU_PER_CM: u64 = 360_000;
const EMU_PER_PX: u64 = 9_525;
/// The largest a logo is printed, width and height: a letterhead's size. Larger logos are made
/// smaller to fit, keeping their proportions; smaller ones keep their own size.
pub const LOGO_BOX_EMU: (u64, u64) = (4 * EMU_PER_CM, 2 * EMU_PER_CM);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PictureError {
    #[error("not a PNG or JPEG image")]
    NotAnImage,
    #[error("its size could not be read: {0}")]
    Unreadable(String),
    #[error("it has no pixels")]
    NoPixels,
}

/// An image ready for a Word document: its bytes as uploaded, their format and the printed size.
#[derive(Debug, Clone)]
pub struct Picture {
    bytes: Arc<[u8]>,
    format: LogoFormat,
    /// Width and height in EMU.
    size: (u32, u32),
}

impl Picture {
    /// A logo, sized to fit [`LOGO_BOX_EMU`]. Never panics: bytes that are no PNG or JPEG, or
    /// whose header does not give a size, are an error.
    pub fn logo(bytes: impl Into<Arc<[u8]>>) -> Result<Self, PictureError> {
        let bytes = bytes.into();
        let format = check_logo(&bytes).map_err(|_| PictureError::NotAnImage)?;
        let pixels = imagesize::blob_size(&bytes).map_err(|e| PictureError::Unreadable(e.to_string()))?;
        if pixels.width == 0 || pixels.height == 0 {
            return Err(PictureError::NoPixels);
        }
        let size = printed_size((pixels.width as u64, pixels.height as u64), LOGO_BOX_EMU);
        Ok(Picture { bytes, format, size })
    }

    pub fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Width and height in EMU.
    pub fn size(&self) -> (u32, u32) {
        self.size
    }

    /// The extension of its part in the package; `[Content_Types].xml` (docx-rs's) maps both.
    pub fn extension(&self) -> &'static str {
        match self.format {
            LogoFormat::Png => "png",
            LogoFormat::Jpeg => "jpeg",
        }
    }
}

/// The printed size in EMU of an image of `pixels` (width, height): its size at 96 dpi, made
/// smaller to fit in `max` if it does not, proportions kept, at least 1 EMU each way.
pub fn printed_size(pixels: (u64, u64), max: (u64, u64)) -> (u32, u32) {
    let (w, h) = (u128::from(pixels.0) * u128::from(EMU_PER_PX), u128::from(pixels.1) * u128::from(EMU_PER_PX));
    let (max_w, max_h) = (u128::from(max.0), u128::from(max.1));
    let (w, h) = if w <= max_w && h <= max_h {
        (w, h)
    } else if w * max_h >= h * max_w {
        // Wider than the box: as wide as it.
        (max_w, h * max_w / w)
    } else {
        (w * max_h / h, max_h)
    };
    let emu = |v: u128| u32::try_from(v.max(1)).unwrap_or(u32::MAX);
    (emu(w), emu(h))
}

/// A picture in its place, with its text alternative.
pub struct Figure<'a> {
    pub picture: &'a Picture,
    pub alt: String,
}

/// The logos of the municipalities whose letters a document holds, by logo id, read once each.
#[derive(Debug, Default)]
pub struct LetterLogos(HashMap<i64, Picture>);

impl LetterLogos {
    /// Reads the current logo of each letter's municipality. A logo that can't be placed (it was
    /// checked on upload, but the bytes are read again) is left out with a warning; the document
    /// is made without it.
    pub async fn load<'a>(store: &Store, letters: impl IntoIterator<Item = &'a Letter>) -> Result<Self, AppError> {
        let mut logos = HashMap::new();
        for letter in letters {
            let Some(id) = letter.sender_logo else { continue };
            if logos.contains_key(&id) {
                continue;
            }
            // None: replaced or taken away since the letter was read.
            let Some((_, bytes)) = store.logo_content(id).await? else { continue };
            match Picture::logo(bytes) {
                Ok(picture) => {
                    logos.insert(id, picture);
                }
                Err(error) => {
                    tracing::warn!(logo.id = id, municipality = %letter.municipality, %error, "logo left out of the Word document")
                }
            }
        }
        Ok(LetterLogos(logos))
    }

    /// The letter's logo with the words the web page gives it ("Logo van …").
    pub fn figure(&self, letter: &Letter, t: &Messages) -> Option<Figure<'_>> {
        let picture = self.0.get(&letter.sender_logo?)?;
        Some(Figure { picture, alt: (t.councils.logo_alt)(letter.sender.as_deref().unwrap_or(&letter.municipality)) })
    }
}

/// A paragraph holding only the picture (inline, kept with the paragraph after it), `before`
/// twentieths of a point below the paragraph before it. `relationship` is the id of the picture's
/// part in `word/_rels/document.xml.rels`; `id` is unique among the document's drawings.
pub fn figure_paragraph(relationship: &str, id: usize, size: (u32, u32), alt: &str, before: u32) -> String {
    let (cx, cy) = size;
    let alt = attribute(alt);
    format!(
        "<w:p><w:pPr><w:keepNext /><w:spacing w:before=\"{before}\" w:after=\"0\" /></w:pPr><w:r><w:drawing>\
         <wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\" />\
         <wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\" /><wp:docPr id=\"{id}\" name=\"Logo {id}\" descr=\"{alt}\" />\
         <wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a=\"{A}\" noChangeAspect=\"1\" /></wp:cNvGraphicFramePr>\
         <a:graphic xmlns:a=\"{A}\"><a:graphicData uri=\"{PIC}\"><pic:pic xmlns:pic=\"{PIC}\">\
         <pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"Logo {id}\" descr=\"{alt}\" /><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\" /></pic:cNvPicPr></pic:nvPicPr>\
         <pic:blipFill><a:blip r:embed=\"{relationship}\" /><a:stretch><a:fillRect /></a:stretch></pic:blipFill>\
         <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\" /><a:ext cx=\"{cx}\" cy=\"{cy}\" /></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst /></a:prstGeom></pic:spPr>\
         </pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>",
        A = "http://schemas.openxmlformats.org/drawingml/2006/main",
        PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture",
    )
}

/// The relationship from the document to a picture's part (`media/…`).
pub fn image_relationship(relationship: &str, target: &str) -> String {
    format!(
        "<Relationship Id=\"{relationship}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"{}\" />",
        attribute(target)
    )
}

/// Text as an XML attribute value: escaped, and without characters XML cannot carry.
fn attribute(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in xml_safe(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// 240 × 80 pixels.
    pub const WIDE_PNG: &[u8] = include_bytes!("../../../testdata/logo-wide.png");
    /// 120 × 160 pixels.
    pub const TALL_JPEG: &[u8] = include_bytes!("../../../testdata/logo-tall.jpg");

    #[test]
    fn a_logo_is_printed_at_most_4_cm_wide_and_2_cm_high_in_its_own_proportions() {
        let wide = Picture::logo(WIDE_PNG).expect("a PNG");
        assert_eq!(wide.extension(), "png");
        // 240 × 80 px is 6.35 × 2.12 cm at 96 dpi: as wide as the box, a third of that high.
        assert_eq!(wide.size(), (1_440_000, 480_000));
        let tall = Picture::logo(TALL_JPEG).expect("a JPEG");
        assert_eq!(tall.extension(), "jpeg");
        // 120 × 160 px is 3.18 × 4.23 cm: as high as the box, three quarters of that wide.
        assert_eq!(tall.size(), (540_000, 720_000));
        assert_eq!(tall.bytes(), TALL_JPEG, "kept as uploaded");
        // A small logo keeps its own size; an extreme one still fits, and never shrinks to nothing.
        assert_eq!(printed_size((40, 20), LOGO_BOX_EMU), (381_000, 190_500));
        assert_eq!(printed_size((100_000, 1), LOGO_BOX_EMU), (1_440_000, 14));
        assert_eq!(printed_size((1, 1_000_000_000), LOGO_BOX_EMU), (1, 720_000));
        assert_eq!(printed_size((u64::from(u32::MAX), u64::from(u32::MAX)), LOGO_BOX_EMU), (720_000, 720_000));
    }

    #[test]
    fn bytes_that_are_no_readable_png_or_jpeg_give_no_picture_and_no_panic() {
        assert_eq!(Picture::logo(&b"garbage, not an image at all"[..]).unwrap_err(), PictureError::NotAnImage);
        assert_eq!(Picture::logo(&b""[..]).unwrap_err(), PictureError::NotAnImage);
        // The upload check's smallest PNG (signature and chunk name): no size in it.
        let header_only = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert!(matches!(Picture::logo(&header_only[..]), Err(PictureError::Unreadable(_))));
        // A JPEG whose segments lead nowhere, and one with zero-length segments.
        let mut broken = TALL_JPEG[..40].to_vec();
        broken.extend_from_slice(b"\xFF\xD9");
        assert!(matches!(Picture::logo(broken), Err(PictureError::Unreadable(_))));
        assert!(Picture::logo(&b"\xFF\xD8\xFF\xE0\0\0\xFF\xD9"[..]).is_err());
        // A PNG of no pixels.
        let mut empty = WIDE_PNG.to_vec();
        empty[16..20].copy_from_slice(&[0, 0, 0, 0]);
        assert_eq!(Picture::logo(empty).unwrap_err(), PictureError::NoPixels);
        // Every cut of a real logo: an error or a picture, never a panic.
        for cut in 0..TALL_JPEG.len().min(400) {
            let _ = Picture::logo(&TALL_JPEG[..cut]);
            let _ = Picture::logo(&WIDE_PNG[..cut.min(WIDE_PNG.len())]);
        }
    }

    #[test]
    fn the_drawing_has_its_text_alternative_escaped() {
        let xml = figure_paragraph("rIdPicture1", 3, (1_440_000, 480_000), "Logo van \"Waterhoven\" & <Zoeterwoude>\u{1}", 360);
        assert!(xml.contains(r#"descr="Logo van &quot;Waterhoven&quot; &amp; &lt;Zoeterwoude&gt;�""#), "{xml}");
        assert!(xml.contains(r#"<wp:extent cx="1440000" cy="480000" />"#));
        assert!(xml.contains(r#"<a:blip r:embed="rIdPicture1" />"#));
        assert!(xml.contains(r#"<wp:docPr id="3" "#));
    }
}
