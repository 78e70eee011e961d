//! Decoded text → [`Article`]s, one parser per input format.
//!
//! [`Format::for_path`] picks the parser from the file name; [`read_file`] reads, decodes
//! and parses one file. A multi-article file (a JSON array, JSON Lines) gives every record a
//! stable `record` key, and a broken record is reported in [`Parsed::problems`] while the
//! others are kept.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sgml;
pub mod txt;

use crate::decode;
use crate::model::Article;
use std::path::Path;

/// The largest file newsidx reads (after decompression); bigger files are skipped with
/// this reason, so one stray log file cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;
/// The most text one article may hold; the rest of a longer body is cut off and the cut
/// reported. Real articles are far shorter; this bounds the memory and time one runaway
/// "article" (a 50 MB log line) can take.
pub const MAX_ARTICLE_BYTES: usize = 4 * 1024 * 1024;

/// The input formats newsidx understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `.txt`: optional front matter, optional title line, then the body.
    Text,
    /// `.md`, `.markdown`: YAML front matter and a Markdown body.
    Markdown,
    /// `.json`: one article object, an array of them, or a `{"articles": [...]}` envelope.
    Json,
    /// `.jsonl`, `.ndjson`: one article object per line.
    JsonLines,
    /// `.sgm`, `.sgml`, `.trec`: newswire SGML, many stories per file.
    Sgml,
    /// `.csv`: comma-separated, with a header row.
    Csv,
    /// `.tsv`: tab-separated, with a header row.
    Tsv,
    /// `.html`, `.htm`, `.xhtml`: one article per page.
    Html,
}

impl Format {
    /// The format for a file name (seen through `.gz`, `.xz`, `.zst`), or `None` when
    /// newsidx does not read it.
    pub fn for_path(path: &Path) -> Option<Format> {
        let (_, inner) = decode::compression_of(path);
        let ext = inner.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            "jsonl" | "ndjson" => Some(Format::JsonLines),
            "sgm" | "sgml" | "trec" => Some(Format::Sgml),
            "csv" => Some(Format::Csv),
            "tsv" => Some(Format::Tsv),
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            _ => None,
        }
    }
}

/// The articles of one file, plus the records in it that could not be read.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Articles found, in file order.
    pub articles: Vec<Article>,
    /// One line per broken record ("line 3: expected value at column 1").
    pub problems: Vec<String>,
}

/// Parses decoded `text` from `path` in the given format.
///
/// Errors when the file as a whole cannot be read as that format (for example a `.json`
/// file that is not JSON); broken records inside a readable file go to `problems`.
pub fn parse(path: &Path, text: &str, format: Format) -> Result<Parsed, String> {
    let mut parsed = match format {
        Format::Text => Parsed {
            articles: vec![txt::parse(path, text)],
            problems: vec![],
        },
        Format::Markdown => Parsed {
            articles: vec![markdown::parse(path, text)],
            problems: vec![],
        },
        Format::Json => json::parse(path, text)?,
        Format::JsonLines => json::parse_lines(path, text),
        Format::Sgml => sgml::parse(path, text),
        Format::Csv => csv::parse(path, text, b',')?,
        Format::Tsv => csv::parse(path, text, b'\t')?,
        Format::Html => {
            let a = html::parse(path, text);
            if a.body.trim().is_empty() && a.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
                return Err(
                    "no article found in the page (no headline and no paragraphs of text); \
                    if the page is an article, its text is probably loaded by JavaScript"
                        .into(),
                );
            }
            Parsed {
                articles: vec![a],
                problems: vec![],
            }
        }
    };
    let (_, inner) = decode::compression_of(path);
    for a in &mut parsed.articles {
        if a.date.is_none() {
            a.date = crate::dates::date_from_path(&inner);
        }
        if a.body.len() > MAX_ARTICLE_BYTES {
            let mut cut = MAX_ARTICLE_BYTES;
            while !a.body.is_char_boundary(cut) {
                cut -= 1;
            }
            parsed.problems.push(format!(
                "{}: body of {} MB cut to the first {} MB (the limit for one article)",
                a.record.as_deref().unwrap_or("article"),
                a.body.len() / 1_000_000,
                MAX_ARTICLE_BYTES / 1_000_000
            ));
            a.body.truncate(cut);
        }
    }
    Ok(parsed)
}

/// Reads, decodes and parses one file.
///
/// The error string says what went wrong in words fit for a summary line; the caller adds
/// the path.
pub fn read_file(path: &Path, format: Format) -> Result<Parsed, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_FILE_BYTES {
        return Err(format!(
            "file is {} MB, over the {} MB limit for one file; split it into smaller files",
            meta.len() / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        ));
    }
    let bytes = decode::read_bytes(path, MAX_FILE_BYTES)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err("file is empty".into());
    }
    let decoded = if format == Format::Html {
        decode::decode_html(&bytes)
    } else {
        decode::decode(&bytes)
    }
    .map_err(|e| e.to_string())?;
    parse(path, &decoded.text, format)
}

/// Code points in `s`: offsets in the public JSON count these, not bytes.
pub(crate) fn char_len(s: &str) -> usize {
    s.chars().count()
}
