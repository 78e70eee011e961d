//! Passage text + query terms → a snippet: the best sentence or two, matches marked.
//!
//! tantivy's own snippet generator cuts a fixed number of characters around the densest
//! matches, which often starts mid-sentence. News readers want whole sentences, so this
//! picks the sentence with the most distinct query terms (ties: the most matches, then the
//! earliest), adds a neighbour when it fits, and cuts only a sentence longer than
//! [`MAX_CHARS`] — at word boundaries, around its first match.

use crate::index::stemmer::StemTable;
use crate::passages::sentence_spans;
use std::collections::HashSet;
use std::ops::Range;
use tantivy::tokenizer::TextAnalyzer;

/// Longest snippet shown, in characters (a little more when one sentence is just over).
pub const MAX_CHARS: usize = 320;

/// A snippet and the byte ranges of the matched words in it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Snippet {
    /// The text shown (may start or end with `…`).
    pub text: String,
    /// Byte ranges in `text` of the words that matched the query.
    pub highlights: Vec<Range<usize>>,
}

/// Byte ranges of the tokens of `text` whose analysed form is one of `terms`.
pub fn matches(
    text: &str,
    terms: &HashSet<String>,
    analyzer: &mut TextAnalyzer,
) -> Vec<Range<usize>> {
    if terms.is_empty() {
        return Vec::new();
    }
    marked(text, analyzer, |t| terms.contains(t))
}

/// Byte ranges of the tokens of `text` (as `analyzer` gives them) that `is_term` accepts,
/// hyphenated and apostrophised neighbours joined into one word.
fn marked(
    text: &str,
    analyzer: &mut TextAnalyzer,
    mut is_term: impl FnMut(&str) -> bool,
) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(tok) = stream.next() {
        if is_term(&tok.text) {
            let r = tok.offset_from..tok.offset_to;
            // "pre-notification" is two tokens; mark it as one word.
            match out.last_mut() {
                Some(prev)
                    if matches!(text.get(prev.end..r.start), Some("-" | "'" | "\u{2019}")) =>
                {
                    prev.end = r.end
                }
                _ => out.push(r),
            }
        }
    }
    out
}

/// Highlights for English-stemmed fields, stemming only the words that can match.
///
/// Snowball's English stemmer rewrites word endings only, so a word's stem begins with the
/// word's first letter: a word whose first letter starts no query term is skipped
/// without being stemmed. Analysing the ten passages shown was about half the time of a
/// query for a rare term. Stems already computed are remembered, so a highlighter kept
/// for a session serves every query from its table.
pub struct StemmedHighlighter {
    /// The stemmed analyzer's steps before stemming (see `index::schema`).
    words: TextAnalyzer,
    stems: StemTable,
}

impl StemmedHighlighter {
    /// A highlighter for fields analysed by `index::schema::stemmed_analyzer`, given
    /// that analyzer without its stemmer.
    pub fn new(words: TextAnalyzer) -> Self {
        StemmedHighlighter {
            words,
            stems: StemTable::default(),
        }
    }

    /// The snippet of `text` for the analysed (stemmed) query `terms`.
    pub fn snippet(&mut self, text: &str, terms: &HashSet<String>) -> Snippet {
        let hits = self.matches(text, terms);
        build(text, hits)
    }

    /// Byte ranges of the words of `text` whose stem is one of `terms`.
    pub fn matches(&mut self, text: &str, terms: &HashSet<String>) -> Vec<Range<usize>> {
        if terms.is_empty() {
            return Vec::new();
        }
        let firsts: Vec<char> = terms.iter().filter_map(|t| t.chars().next()).collect();
        let StemmedHighlighter { words, stems } = self;
        marked(text, words, |w| {
            w.chars().next().is_some_and(|c| firsts.contains(&c))
                && stems.with_stem(w, |stem| terms.contains(stem))
        })
    }
}

/// Builds the snippet of `text` for the analysed query `terms`.
pub fn snippet(text: &str, terms: &HashSet<String>, analyzer: &mut TextAnalyzer) -> Snippet {
    build(text, matches(text, terms, analyzer))
}

/// The snippet of `text` with matches at `hits`.
fn build(text: &str, hits: Vec<Range<usize>>) -> Snippet {
    if text.chars().count() <= MAX_CHARS {
        return Snippet {
            text: text.to_string(),
            highlights: hits,
        };
    }
    let sentences = sentence_spans(text);
    let score = |r: &Range<usize>| {
        let inside: Vec<&Range<usize>> = hits
            .iter()
            .filter(|h| h.start >= r.start && h.end <= r.end)
            .collect();
        let distinct: HashSet<&str> = inside.iter().map(|h| text[(*h).clone()].as_ref()).collect();
        (distinct.len(), inside.len())
    };
    let best = (0..sentences.len())
        .max_by(|&a, &b| {
            score(&sentences[a])
                .cmp(&score(&sentences[b]))
                .then(b.cmp(&a))
        })
        .unwrap_or(0);
    let Some(first) = sentences.get(best) else {
        return Snippet {
            text: crate::passages::shorten(text, MAX_CHARS),
            highlights: vec![],
        };
    };
    let mut range = first.clone();
    let fits = |r: &Range<usize>| text[r.clone()].chars().count() <= MAX_CHARS;
    if let Some(next) = sentences.get(best + 1)
        && fits(&(range.start..next.end))
    {
        range.end = next.end;
    } else if best > 0
        && let Some(prev) = sentences.get(best - 1)
        && fits(&(prev.start..range.end))
    {
        range.start = prev.start;
    }
    if !fits(&range) {
        range = window(text, range, &hits);
    }
    let prefix = if range.start > 0 { "…" } else { "" };
    let suffix = if range.end < text.len() { "…" } else { "" };
    let shift = prefix.len();
    let highlights = hits
        .iter()
        .filter(|h| h.start >= range.start && h.end <= range.end)
        .map(|h| h.start - range.start + shift..h.end - range.start + shift)
        .collect();
    Snippet {
        text: format!("{prefix}{}{suffix}", &text[range]),
        highlights,
    }
}

/// A window of about [`MAX_CHARS`] inside `range`, at word boundaries, from a little before
/// the first match in it.
fn window(text: &str, range: Range<usize>, hits: &[Range<usize>]) -> Range<usize> {
    let anchor = hits
        .iter()
        .find(|h| h.start >= range.start && h.end <= range.end)
        .map_or(range.start, |h| h.start);
    let back = text[range.start..anchor]
        .char_indices()
        .rev()
        .nth(60)
        .map_or(range.start, |(i, _)| range.start + i);
    let start = text[back..anchor]
        .find(' ')
        .map_or(back, |i| back + i + 1)
        .max(range.start);
    let start = if anchor - range.start <= 80 {
        range.start
    } else {
        start
    };
    let end = text[start..range.end]
        .char_indices()
        .nth(MAX_CHARS)
        .map_or(range.end, |(i, _)| start + i);
    let end = if end < range.end {
        text[start..end].rfind(' ').map_or(end, |i| start + i)
    } else {
        end
    };
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{LowerCaser, SimpleTokenizer};

    fn analyzer() -> TextAnalyzer {
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build()
    }

    fn terms(ws: &[&str]) -> HashSet<String> {
        ws.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn short_passage_shown_whole() {
        let s = snippet(
            "There was no pre-notification.",
            &terms(&["pre", "notification"]),
            &mut analyzer(),
        );
        assert_eq!(s.text, "There was no pre-notification.");
        assert_eq!(s.highlights.len(), 1);
        assert_eq!(&s.text[s.highlights[0].clone()], "pre-notification");
    }

    /// Every file of the bundled corpus, as text (a vocabulary of real news prose).
    fn corpus_text() -> String {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut out = String::new();
        for e in walkdir::WalkDir::new(root).into_iter().flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                out.push_str(&t);
                out.push('\n');
            }
        }
        out
    }

    const TRICKY: &str = "Dying lying tying skies skis yelling Yemen ugly early only singly \
        gently idly news howe atlas cosmos bias andes generous communism arsenal y yy yes";

    #[test]
    fn english_stems_keep_the_first_letter() {
        let text = format!("{} {TRICKY}", corpus_text());
        let mut words = crate::index::schema::unstemmed_analyzer();
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let mut stream = words.token_stream(&text);
        let mut seen = 0;
        while let Some(tok) = stream.next() {
            let stem = stemmer.stem(&tok.text);
            assert_eq!(stem.chars().next(), tok.text.chars().next(), "{}", tok.text);
            seen += 1;
        }
        assert!(seen > 1000, "only {seen} words read");
    }

    #[test]
    fn stemmed_highlighter_marks_what_the_analyzer_marks() {
        let text = format!("{} {TRICKY}", corpus_text());
        let mut full = crate::index::schema::stemmed_analyzer();
        let mut fast = StemmedHighlighter::new(crate::index::schema::unstemmed_analyzer());
        for query in [
            "strike", "said", "minist", "die", "sky", "yell", "news", "earli", "iraq", "gener",
            "pre", "notif",
        ] {
            let t = terms(&[query]);
            assert_eq!(
                fast.matches(&text, &t),
                matches(&text, &t, &mut full),
                "{query}"
            );
        }
        let t = terms(&["air", "strike", "sovereignti"]);
        assert_eq!(fast.matches(&text, &t), matches(&text, &t, &mut full));
        assert!(fast.matches(&text, &terms(&["said"])).len() > 10);
    }

    #[test]
    fn picks_the_best_sentence() {
        let filler =
            "Nothing to see in this sentence at all, really, it goes on and on. ".repeat(6);
        let text = format!("{filler}The strikes hit Iraq hard. {filler}");
        let s = snippet(&text, &terms(&["strikes", "iraq"]), &mut analyzer());
        assert!(s.text.contains("The strikes hit Iraq hard."), "{}", s.text);
        assert!(s.text.chars().count() <= MAX_CHARS + 2);
        let marked: Vec<&str> = s.highlights.iter().map(|r| &s.text[r.clone()]).collect();
        assert_eq!(marked, ["strikes", "Iraq"]);
    }
}
