//! Plain-text rendering for people: ranked hits with the matched words in bold on a
//! terminal (or between `**` when piped), and facet tables.

use super::sanitize;
use crate::highlight::Snippet;
use crate::search::{Bucket, Facets, SearchResults, SpeakerRow};
use std::fmt::Write;

/// How to mark matched words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marks {
    /// ANSI bold, for a terminal.
    Bold,
    /// `**word**`, for pipes and files.
    Stars,
}

fn mark(s: &Snippet, marks: Marks) -> String {
    let (open, close) = match marks {
        Marks::Bold => ("\x1b[1m", "\x1b[0m"),
        Marks::Stars => ("**", "**"),
    };
    let mut out = String::new();
    let mut at = 0;
    for h in &s.highlights {
        if h.start < at || h.end > s.text.len() {
            continue;
        }
        out.push_str(&sanitize(&s.text[at..h.start]));
        out.push_str(open);
        out.push_str(&sanitize(&s.text[h.clone()]));
        out.push_str(close);
        at = h.end;
    }
    out.push_str(&sanitize(&s.text[at..]));
    out
}

/// The search results page.
pub fn search(r: &SearchResults, marks: Marks) -> String {
    let mut out = String::new();
    let noun = if r.total == 1 {
        "passage matches"
    } else {
        "passages match"
    };
    let _ = writeln!(out, "{} {noun}", r.total);
    for h in &r.hits {
        let date = h.date.as_deref().unwrap_or("undated");
        let mut head = date.to_string();
        if let Some(s) = &h.source {
            let _ = write!(head, " · {}", sanitize(s));
        }
        let _ = writeln!(out, "\n{:>2}. {head} · {}", h.rank, sanitize(&h.title));
        let mut meta = format!("{}#{}", h.article, h.passage);
        if !h.speakers.is_empty() {
            let _ = write!(meta, " · speakers: {}", sanitize(&h.speakers.join(", ")));
        }
        let _ = write!(meta, " · score {:.2}", h.score);
        let _ = writeln!(out, "    {meta}");
        let _ = writeln!(out, "    {}", mark(&h.snippet, marks));
    }
    if let Some(f) = &r.facets {
        out.push('\n');
        out.push_str(&facets(f));
    }
    out
}

fn buckets(label: &str, items: &[Bucket], undated: Option<u64>) -> String {
    let mut parts: Vec<String> = items
        .iter()
        .map(|b| format!("{} {}", b.value, b.count))
        .collect();
    if let Some(u) = undated.filter(|&u| u > 0) {
        parts.push(format!("undated {u}"));
    }
    if parts.is_empty() {
        parts.push("none".into());
    }
    format!("{label}: {}\n", parts.join(" · "))
}

/// The `--facets` block.
pub fn facets(f: &Facets) -> String {
    let mut out = String::from("Top speakers (passages / articles):\n");
    if f.speakers.is_empty() {
        out.push_str("  none\n");
    }
    for s in &f.speakers {
        let _ = writeln!(
            out,
            "  {:<32} {:>6} / {}",
            sanitize(&s.name),
            s.passages,
            s.articles
        );
    }
    out.push_str(&buckets("Years", &f.years, Some(f.undated)));
    out.push_str(&buckets("Months", &f.months, None));
    out
}

/// The `speakers` table.
pub fn speakers(rows: &[SpeakerRow]) -> String {
    let mut out = format!("{:<36} {:>8} {:>8}\n", "SPEAKER", "PASSAGES", "ARTICLES");
    for s in rows {
        let _ = write!(
            out,
            "{:<36} {:>8} {:>8}",
            sanitize(&s.name),
            s.passages,
            s.articles
        );
        if s.variants.len() > 1 {
            let others: Vec<&str> = s
                .variants
                .iter()
                .filter(|v| **v != s.name)
                .map(String::as_str)
                .collect();
            let _ = write!(out, "   (also: {})", sanitize(&others.join(", ")));
        }
        out.push('\n');
    }
    out
}
