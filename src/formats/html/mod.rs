//! HTML pages (`.html`, `.htm`): one article per page.
//!
//! The page is parsed with `scraper` (html5ever, the HTML5 parsing algorithm browsers use,
//! so broken markup is repaired the way a browser would). [`meta`] reads the title, date,
//! authors, outlet and URL; [`content`] finds the article text. No network access: links,
//! images and scripts are never fetched.

pub mod content;
pub mod meta;

use crate::model::Article;
use scraper::Html;
use std::path::Path;

/// Parses one HTML page into an article. A page without article text gives an article
/// with an empty body, which the caller reports.
pub fn parse(path: &Path, text: &str) -> Article {
    let doc = Html::parse_document(text);
    let m = meta::extract(&doc, text);
    let mut paragraphs = content::extract(&doc);
    if paragraphs.is_empty()
        && let Some(b) = &m.ld_body
    {
        paragraphs = b
            .split('\n')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect();
    }
    Article {
        path: path.to_path_buf(),
        title: m.title,
        date: m.date,
        source: m.source,
        url: m.url,
        authors: m.authors,
        body: paragraphs.join("\n\n"),
        ..Article::default()
    }
}
