//! Tracking codes (*volgcodes*): short enough to type from a receipt, long enough not to be
//! guessed. Ten symbols of Crockford's base32 (no I, L, O, U) give 50 bits.

use serde::{Deserialize, Serialize};

/// The longest text the lookup field takes: a code with room for the spaces and dashes people
/// type or paste around it. A longer paste is cut by the browser.
pub const MAX_TYPED_CODE_CHARS: usize = 40;

pub const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
pub const CODE_SYMBOLS: usize = 10;

/// A well-formed tracking code, always in its canonical form "ABCDE-FGHJK".
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct TrackingCode(String);

impl TrackingCode {
    /// Builds a code from ten random numbers below 32 (the randomness comes from the caller).
    pub fn from_symbols(symbols: [u8; CODE_SYMBOLS]) -> Self {
        let chars: String = symbols.iter().map(|s| ALPHABET[usize::from(*s % 32)] as char).collect();
        TrackingCode(format!("{}-{}", &chars[..5], &chars[5..]))
    }

    /// Accepts what people type: any case, spaces or dashes anywhere, and the look-alikes
    /// O→0, I/L→1.
    pub fn parse(input: &str) -> Option<Self> {
        let symbols: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            })
            .collect();
        if symbols.len() != CODE_SYMBOLS || !symbols.bytes().all(|b| ALPHABET.contains(&b)) {
            return None;
        }
        Some(TrackingCode(format!("{}-{}", &symbols[..5], &symbols[5..])))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for TrackingCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_grouped_and_use_the_alphabet() {
        let code = TrackingCode::from_symbols([0, 1, 2, 3, 4, 27, 28, 29, 30, 31]);
        assert_eq!(code.as_str(), "01234-VWXYZ");
    }

    #[test]
    fn typed_codes_are_normalised() {
        let expected = TrackingCode::parse("01234-VWXYZ").unwrap();
        assert_eq!(TrackingCode::parse(" o1234 vwxyz ").unwrap(), expected);
        assert_eq!(TrackingCode::parse("0l234vwxyz").unwrap(), expected);
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in ["", "01234", "01234-VWXYZ0", "01234-VWXYU", "../etc/passwd"] {
            assert_eq!(TrackingCode::parse(bad), None, "{bad}");
        }
    }
}
