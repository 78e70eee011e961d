//! Article → passages carrying their speakers, plus the article's quotations.
//!
//! Glue between [`crate::passages`] and [`crate::quotes`]: quotation offsets are in the
//! extraction text (preamble + body); a passage carries the speakers of every quotation that
//! overlaps it.

use crate::model::{Article, Passage, Quote};

/// What analysis found in one article.
#[derive(Debug, Clone)]
pub struct Analysis {
    /// Quotations, offsets in bytes into `preamble + body`.
    pub quotes: Vec<Quote>,
    /// Passages, with speakers filled in.
    pub passages: Vec<Passage>,
}

impl Analysis {
    /// The article's speakers: the union of its quotations' speakers, in order of first
    /// appearance.
    pub fn speakers(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for q in &self.quotes {
            if let Some(s) = q.indexed_speaker()
                && !out.contains(s)
            {
                out.push(s.clone());
            }
        }
        out
    }
}

/// The text quote extraction reads for `article`.
pub fn extraction_text(article: &Article) -> String {
    let mut t = String::with_capacity(article.preamble.len() + article.body.len());
    t.push_str(&article.preamble);
    t.push_str(&article.body);
    t
}

/// Segments `article` and attributes its quotations.
pub fn analyze(article: &Article) -> Analysis {
    let text = extraction_text(article);
    let (quotes, reported) = crate::quotes::extract_all(&text);
    let mut passages = crate::passages::segment(&article.body);
    let shift = article.preamble.len();
    let spans = quotes
        .iter()
        .filter_map(|q| Some((q.start..q.end, q.indexed_speaker()?)))
        .chain(reported.iter().map(|r| (r.sentence.clone(), &r.speaker)));
    for (range, speaker) in spans {
        if range.end <= shift {
            continue; // in the headline: the article's, not a passage's
        }
        let (start, end) = (range.start.saturating_sub(shift), range.end - shift);
        for p in passages
            .iter_mut()
            .filter(|p| start < p.end && end > p.start)
        {
            if !p.speakers.contains(speaker) {
                p.speakers.push(speaker.clone());
            }
        }
    }
    Analysis { quotes, passages }
}
