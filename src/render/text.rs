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
    for h in spans(s) {
        out.push_str(&sanitize(&s.text[at..h.start]));
        out.push_str(open);
        out.push_str(&sanitize(&s.text[h.clone()]));
        out.push_str(close);
        at = h.end;
    }
    out.push_str(&sanitize(&s.text[at..]));
    out
}

/// The stretches of `s` to mark: its highlights in order, with matched words that only
/// spaces part marked as one ("**air strikes**", not "**air** **strikes**"), as a reader
/// sees a matched phrase. Ranges out of order or out of bounds are left out.
fn spans(s: &Snippet) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for h in &s.highlights {
        let at = out.last().map_or(0, |l| l.end);
        if h.start < at || h.end > s.text.len() || !s.text.is_char_boundary(h.start) {
            continue;
        }
        match out.last_mut() {
            Some(last) if h.start > at && s.text[at..h.start].bytes().all(|b| b == b' ') => {
                last.end = h.end;
            }
            _ => out.push(h.clone()),
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn starred(text: &str, highlights: &[std::ops::Range<usize>]) -> String {
        let s = Snippet {
            text: text.into(),
            highlights: highlights.to_vec(),
        };
        mark(&s, Marks::Stars)
    }

    #[test]
    fn neighbouring_matches_are_marked_as_one() {
        let t = "the air strikes hit, air and strikes";
        assert_eq!(
            starred(t, &[4..7, 8..15, 21..24, 29..36]),
            "the **air strikes** hit, **air** and **strikes**"
        );
        // Punctuation between two matches keeps them apart.
        assert_eq!(
            starred("air, strikes", &[0..3, 5..12]),
            "**air**, **strikes**"
        );
        // Out-of-order and out-of-bounds ranges are skipped, never a panic.
        assert_eq!(
            starred("air strikes", &[4..11, 0..3, 9..40]),
            "air **strikes**"
        );
    }
}
