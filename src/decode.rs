//! Bytes → UTF-8 text.
//!
//! Scraped archives mix encodings. The rule here: a byte-order mark wins; valid UTF-8 is
//! taken as is; anything else is read as Windows-1252 (a superset of Latin-1 that maps
//! every byte), so an old file is indexed with a few odd characters rather than rejected.
//! Files that look binary (NUL bytes without a UTF-16 mark) are refused, with the reason.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decoded text and how it was obtained.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, without a byte-order mark.
    pub text: String,
    /// Name of the encoding used ("UTF-8", "UTF-16LE", "windows-1252").
    pub encoding: &'static str,
}

/// Why bytes could not be turned into text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look like a binary file (NUL bytes without a UTF-16 byte-order mark).
    Binary,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "looks like a binary file (it holds NUL bytes)"),
        }
    }
}

/// Decodes `bytes` as described in the module docs.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding: enc.name(),
        });
    }
    if looks_binary(bytes) {
        return Err(DecodeError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(Decoded {
            text: s.to_string(),
            encoding: UTF_8.name(),
        }),
        Err(_) => {
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                encoding: WINDOWS_1252.name(),
            })
        }
    }
}

/// A handful of NUL bytes in the first block is the classic mark of a binary file. UTF-16
/// without a byte-order mark is not guessed: too many false positives on binary data.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    head.iter().filter(|&&b| b == 0).count() > head.len() / 100
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_through_and_bom_is_dropped() {
        assert_eq!(decode("café".as_bytes()).map(|d| d.text), Ok("café".into()));
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("x".as_bytes());
        assert_eq!(decode(&b).map(|d| d.text), Ok("x".into()));
    }

    #[test]
    fn latin1_falls_back_to_windows_1252() {
        let d = decode(b"caf\xe9 \x93quoted\x94").expect("decodes");
        assert_eq!(d.text, "café \u{201c}quoted\u{201d}");
        assert_eq!(d.encoding, "windows-1252");
    }

    #[test]
    fn utf16_with_bom() {
        let b = [0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode(&b).map(|d| d.text), Ok("hi".into()));
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(&[0, 1, 2, 0, 0, 5]), Err(DecodeError::Binary));
    }
}
