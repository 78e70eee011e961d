//! The JSON contract of `search --json`, `speakers --json`, `quotes --json` and
//! `parse --json`. The schema is documented in README.md ("JSON output"); fields are only
//! ever added, never renamed or removed, within a major version.

use crate::analyze::extraction_text;
use crate::model::{Article, Quote, SpeakerKind};
use crate::search::{Hit, SearchResults, SpeakerRow};
use serde::Serialize;

/// A hit as JSON: the [`Hit`] fields plus the snippet with code-point highlight ranges.
#[derive(Serialize)]
struct JsonHit<'a> {
    #[serde(flatten)]
    hit: &'a Hit,
    snippet: String,
    /// `[start, end)` pairs, in code points into `snippet`.
    highlights: Vec<[usize; 2]>,
}

#[derive(Serialize)]
struct JsonResults<'a> {
    query: &'a str,
    total: usize,
    hits: Vec<JsonHit<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facets: Option<&'a crate::search::Facets>,
}

fn char_pos(s: &str, byte: usize) -> usize {
    s[..byte.min(s.len())].chars().count()
}

/// `search --json`: one JSON document.
pub fn search(r: &SearchResults) -> String {
    let hits = r
        .hits
        .iter()
        .map(|h| JsonHit {
            hit: h,
            snippet: h.snippet.text.clone(),
            highlights: h
                .snippet
                .highlights
                .iter()
                .map(|x| {
                    [
                        char_pos(&h.snippet.text, x.start),
                        char_pos(&h.snippet.text, x.end),
                    ]
                })
                .collect(),
        })
        .collect();
    let doc = JsonResults {
        query: &r.query,
        total: r.total,
        hits,
        facets: r.facets.as_ref(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// `speakers --json`: one JSON document `{"speakers": [...]}`.
pub fn speakers(rows: &[SpeakerRow]) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        speakers: &'a [SpeakerRow],
    }
    serde_json::to_string_pretty(&Doc { speakers: rows }).unwrap_or_default()
}

#[derive(Serialize)]
struct JsonQuote<'a> {
    start: usize,
    end: usize,
    text: &'a str,
    speaker: Option<&'a str>,
    speaker_kind: SpeakerKind,
    cue: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonArticleQuotes<'a> {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<&'a str>,
    title: String,
    date: Option<String>,
    quotes: Vec<JsonQuote<'a>>,
}

/// `quotes --json`: one line per article. Offsets count code points into the decoded file
/// for plain-text formats, into the body for structured records.
pub fn quotes(article: &Article, quotes: &[Quote]) -> String {
    let text = extraction_text(article);
    let base = article
        .body_offset
        .saturating_sub(article.preamble.chars().count());
    // Offsets come in text order, so one pass converts them all.
    let mut marks: Vec<usize> = quotes.iter().flat_map(|q| [q.start, q.end]).collect();
    marks.sort_unstable();
    marks.dedup();
    let mut conv = std::collections::HashMap::new();
    let (mut byte, mut chars) = (0usize, 0usize);
    for m in marks {
        chars += text[byte..m].chars().count();
        byte = m;
        conv.insert(m, chars + base);
    }
    let doc = JsonArticleQuotes {
        path: article.path.display().to_string(),
        record: article.record.as_deref(),
        title: article.display_title(),
        date: article.date.map(|d| d.to_rfc3339()),
        quotes: quotes
            .iter()
            .map(|q| JsonQuote {
                start: conv.get(&q.start).copied().unwrap_or(0),
                end: conv.get(&q.end).copied().unwrap_or(0),
                text: &q.text,
                speaker: q.speaker.as_deref(),
                speaker_kind: q.speaker_kind,
                cue: q.cue.as_deref(),
            })
            .collect(),
    };
    serde_json::to_string(&doc).unwrap_or_default()
}

/// `parse --json`: one line per article.
pub fn article(a: &Article) -> String {
    #[derive(Serialize)]
    struct Doc<'a> {
        path: String,
        record: Option<&'a str>,
        title: Option<&'a str>,
        date: Option<String>,
        authors: &'a [String],
        source: Option<&'a str>,
        url: Option<&'a str>,
        body: String,
    }
    let body = crate::passages::segment(&a.body)
        .into_iter()
        .map(|p| p.text)
        .collect::<Vec<_>>()
        .join("\n\n");
    let doc = Doc {
        path: a.path.display().to_string(),
        record: a.record.as_deref(),
        title: a.title.as_deref(),
        date: a.date.map(|d| d.to_rfc3339()),
        authors: &a.authors,
        source: a.source.as_deref(),
        url: a.url.as_deref(),
        body,
    };
    serde_json::to_string(&doc).unwrap_or_default()
}
