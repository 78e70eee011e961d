//! Files → bytes → UTF-8 text.
//!
//! Compressed files (`.gz`, `.xz`, `.zst`) are decompressed as a stream, never past a size
//! limit, so a decompression bomb cannot exhaust memory. Scraped archives mix encodings. The rule here: a byte-order mark wins; valid UTF-8 is
//! taken as is; anything else is read as Windows-1252 (a superset of Latin-1 that maps
//! every byte), so an old file is indexed with a few odd characters rather than rejected.
//! Files that look binary (NUL bytes without a UTF-16 mark) are refused, with the reason.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use std::io::Read;
use std::path::{Path, PathBuf};

/// How a file is compressed, by its last extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compression {
    /// Not compressed.
    None,
    /// `.gz`
    Gzip,
    /// `.xz`
    Xz,
    /// `.zst`
    Zstd,
}

/// The compression of `path` and the name of what is inside (`a.jsonl.gz` → `a.jsonl`).
pub fn compression_of(path: &Path) -> (Compression, PathBuf) {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let c = match ext.as_deref() {
        Some("gz") => Compression::Gzip,
        Some("xz") => Compression::Xz,
        Some("zst") => Compression::Zstd,
        _ => return (Compression::None, path.to_path_buf()),
    };
    (c, path.with_extension(""))
}

/// Reads `path`, decompressing by its extension, refusing more than `limit` bytes (after
/// decompression). The error says what went wrong, fit for a summary line.
pub fn read_bytes(path: &Path, limit: u64) -> Result<Vec<u8>, String> {
    let (compression, _) = compression_of(path);
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    // Room for the whole file up front (compressed text grows about fourfold), so reading
    // does not reallocate and copy as it goes.
    let on_disk = file.metadata().map_or(0, |m| m.len());
    let expected = if compression == Compression::None {
        on_disk
    } else {
        on_disk.saturating_mul(4)
    };
    let file = std::io::BufReader::new(file);
    let (reader, what): (Box<dyn Read>, &str) = match compression {
        Compression::None => (Box::new(file), ""),
        Compression::Gzip => (Box::new(flate2::read::MultiGzDecoder::new(file)), "gzip "),
        Compression::Xz => (
            Box::new(liblzma::read::XzDecoder::new_multi_decoder(file)),
            "xz ",
        ),
        Compression::Zstd => {
            let d = zstd::stream::read::Decoder::new(file)
                .map_err(|e| format!("not a zstd file: {e}"))?;
            (Box::new(d), "zstd ")
        }
    };
    let mut bytes = Vec::with_capacity(usize::try_from(expected.min(limit)).unwrap_or(0) + 1);
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| {
            if what.is_empty() {
                e.to_string()
            } else {
                format!("truncated or corrupt {what}data: {e}")
            }
        })?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{}over the {} MB limit for one file; split it into smaller files",
            if what.is_empty() {
                ""
            } else {
                "decompressed, "
            },
            limit / 1_000_000
        ));
    }
    Ok(bytes)
}

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
    decode_or(bytes, || WINDOWS_1252)
}

/// Decodes an HTML page: a byte-order mark wins, then valid UTF-8, then the charset the
/// page declares (`<meta charset>` or `http-equiv` in its first 4 KB), then Windows-1252.
///
/// Valid UTF-8 beats a declared legacy charset because pages are often re-saved as UTF-8
/// with the old `<meta charset=iso-8859-1>` left in place; text with non-ASCII bytes that
/// happens to be valid UTF-8 but is really Latin-1 is vanishingly rare.
pub fn decode_html(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    decode_or(bytes, || {
        declared_charset(&bytes[..bytes.len().min(4096)])
            .filter(|enc| *enc != UTF_8)
            .unwrap_or(WINDOWS_1252)
    })
}

/// The shared rule: byte-order mark, binary refusal, UTF-8, and for anything else the
/// legacy encoding `legacy` names (asked only then, so UTF-8 files pay nothing for it).
fn decode_or(
    bytes: &[u8],
    legacy: impl FnOnce() -> &'static Encoding,
) -> Result<Decoded, DecodeError> {
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
            let enc = legacy();
            let (text, _) = enc.decode_without_bom_handling(bytes);
            Ok(Decoded {
                text: text.into_owned(),
                encoding: enc.name(),
            })
        }
    }
}

/// The encoding named by `charset=` in the head of an HTML page.
fn declared_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = find(&lower[from..], b"charset") {
        let mut j = from + i + b"charset".len();
        from = j;
        while lower.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
            j += 1;
        }
        if lower.get(j) != Some(&b'=') {
            continue;
        }
        j += 1;
        while lower
            .get(j)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'')
        {
            j += 1;
        }
        let end = lower[j..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || b"-_:.".contains(b)))
            .map_or(lower.len(), |e| j + e);
        if let Some(enc) = Encoding::for_label(&lower[j..end]) {
            return Some(enc);
        }
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
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
    fn html_meta_charset_is_honoured_unless_the_bytes_are_utf8() {
        let page = b"<html><head><meta charset=\"koi8-r\"></head><body>\xf0\xd2\xc9</body>";
        let d = decode_html(page).expect("decodes");
        assert_eq!(d.encoding, "KOI8-R");
        assert!(d.text.contains("\u{41f}\u{440}\u{438}"), "{}", d.text);
        let page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">caf\xe9";
        assert!(
            decode_html(page)
                .expect("decodes")
                .text
                .ends_with("caf\u{e9}")
        );
        let page = "<meta charset=\"iso-8859-1\">caf\u{e9}".as_bytes();
        assert_eq!(decode_html(page).expect("decodes").encoding, "UTF-8");
    }

    #[test]
    fn utf16_with_bom() {
        let b = [0xFF, 0xFE, b'h', 0, b'i', 0];
        assert_eq!(decode(&b).map(|d| d.text), Ok("hi".into()));
    }

    #[test]
    fn compressed_files_are_read_and_truncation_reported() -> std::io::Result<()> {
        use std::io::Write;
        let dir = tempfile::tempdir()?;
        let gz = dir.path().join("a.txt.gz");
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(b"hello gzip")?;
        let data = enc.finish()?;
        std::fs::write(&gz, &data)?;
        assert_eq!(read_bytes(&gz, 1000).as_deref(), Ok(&b"hello gzip"[..]));
        std::fs::write(&gz, &data[..data.len() / 2])?;
        let err = read_bytes(&gz, 1000).expect_err("truncated");
        assert!(err.contains("truncated or corrupt gzip"), "{err}");
        let zst = dir.path().join("a.json.zst");
        std::fs::write(&zst, zstd::encode_all(&b"{}"[..], 3)?)?;
        assert_eq!(read_bytes(&zst, 1000).as_deref(), Ok(&b"{}"[..]));
        let xz = dir.path().join("a.jsonl.xz");
        let mut enc = liblzma::write::XzEncoder::new(Vec::new(), 6);
        enc.write_all(b"x")?;
        std::fs::write(&xz, enc.finish()?)?;
        assert_eq!(read_bytes(&xz, 1000).as_deref(), Ok(&b"x"[..]));
        // A bomb stops at the limit.
        let big = zstd::encode_all(&vec![b'a'; 100_000][..], 3)?;
        std::fs::write(&zst, big)?;
        assert!(
            read_bytes(&zst, 1000)
                .expect_err("too big")
                .contains("limit")
        );
        assert_eq!(
            compression_of(Path::new("x/a.jsonl.gz")).1,
            Path::new("x/a.jsonl")
        );
        Ok(())
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(&[0, 1, 2, 0, 0, 5]), Err(DecodeError::Binary));
    }
}
