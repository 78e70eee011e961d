//! Plain text: optional YAML front matter, an optional title line, then the body.
//!
//! The first line is a title when a blank line follows it and it reads like a headline: at
//! most 30 words and not a sentence ending in a full stop. The seed article starts with a
//! full sentence and a blank line, and that sentence is body, not title.

use super::markdown::{apply_front_matter, split_front_matter};
use crate::model::Article;
use std::path::Path;

const MAX_TITLE_WORDS: usize = 30;

/// Parses a plain-text article.
pub fn parse(path: &Path, text: &str) -> Article {
    let mut article = Article {
        path: path.to_path_buf(),
        ..Article::default()
    };
    let mut start = 0;
    if let Some((yaml, end)) = split_front_matter(text) {
        apply_front_matter(yaml, &mut article);
        start = end;
    }
    while text[start..].starts_with(['\n', '\r']) {
        start += 1;
    }
    let mut body_start = start;
    let rest = &text[start..];
    let first_line = rest.split('\n').next().unwrap_or("");
    let after = &rest[first_line.len()..];
    let blank_follows = after.starts_with("\n\n") || after.starts_with("\n\r\n");
    if blank_follows && is_headline(first_line.trim()) {
        if article.title.is_none() {
            article.title = Some(first_line.trim().to_string());
        }
        body_start = start + first_line.len();
        while text[body_start..].starts_with(['\n', '\r']) {
            body_start += 1;
        }
    }
    article.preamble = text[start..body_start].to_string();
    article.body = text[body_start..].to_string();
    article.body_offset = super::char_len(&text[..body_start]);
    article
}

fn is_headline(line: &str) -> bool {
    let words = line.split_whitespace().count();
    words > 0 && words <= MAX_TITLE_WORDS && !line.ends_with('.')
        || (words > 0 && words <= 12 && line.ends_with('.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_line_then_body() {
        let a = parse(Path::new("a.txt"), "Markets rally\n\nStocks rose.\n");
        assert_eq!(a.title.as_deref(), Some("Markets rally"));
        assert_eq!(a.body, "Stocks rose.\n");
        assert_eq!(a.body_offset, 15);
        assert_eq!(a.preamble, "Markets rally\n\n");
    }

    #[test]
    fn a_long_first_sentence_is_body() {
        let text = "The US on Monday clarified that the military did not notify the Iraqi \
                    government ahead of time about air strikes on Iran-backed groups in the \
                    country last Friday, despite claiming that it had.\n\nMore.";
        let a = parse(Path::new("a.txt"), text);
        assert_eq!(a.title, None);
        assert_eq!(a.body, text);
        assert!(a.display_title().starts_with("The US on Monday clarified"));
    }

    #[test]
    fn no_blank_line_means_no_title() {
        let a = parse(Path::new("a.txt"), "Line one\nline two\n");
        assert_eq!(a.title, None);
    }

    #[test]
    fn front_matter_in_text() {
        let a = parse(
            Path::new("a.txt"),
            "---\ntitle: T\ndate: 2020-01-02\n---\nBody.",
        );
        assert_eq!(a.title.as_deref(), Some("T"));
        assert_eq!(a.body, "Body.");
    }
}
