//! Passage text + query terms → a snippet: the best sentence or two, matches marked.
//!
//! tantivy's own snippet generator cuts a fixed number of characters around the densest
//! matches, which often starts mid-sentence. News readers want whole sentences, so this
//! picks the sentence with the most distinct query terms (ties: the most matches, then the
//! earliest), adds a neighbour when it fits, and cuts only a sentence longer than
//! [`MAX_CHARS`] — at word boundaries, around its first match.

use crate::index::schema::MAX_TOKEN_BYTES;
use crate::index::stemmer::StemTable;
use crate::index::tokenizer::alnum_at;
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
    let mut hits = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(tok) = stream.next() {
        if is_term(&tok.text) {
            hits.push(tok.offset_from..tok.offset_to);
        }
    }
    joined(text, hits)
}

/// `hits` with neighbours that make one written word joined: "pre-notification" is two
/// tokens, marked as one word.
fn joined(text: &str, hits: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(hits.len());
    for r in hits {
        match out.last_mut() {
            Some(prev) if matches!(text.get(prev.end..r.start), Some("-" | "'" | "\u{2019}")) => {
                prev.end = r.end
            }
            _ => out.push(r),
        }
    }
    out
}

/// Calls `on_word` with the byte range of each word of `text` whose first character,
/// lower-cased, is one of `firsts`. Words are cut as the index's tokenizer cuts them:
/// maximal runs of alphanumeric characters (tantivy's `SimpleTokenizer`).
///
/// Reads ASCII byte by byte and decodes only other characters: the ten passages of a
/// result are read whole for every query.
fn words_starting_with(text: &str, firsts: &[char], mut on_word: impl FnMut(Range<usize>)) {
    if let Some(needles) = first_bytes(firsts) {
        return words_at_needles(text, firsts, &needles, on_word);
    }
    let mut ascii_first = [false; 128];
    for &c in firsts {
        if c.is_ascii() {
            ascii_first[c as usize] = true;
        }
    }
    let end = text.len();
    let mut i = 0;
    while i < end {
        let (alnum, len) = alnum_at(text, i);
        if !alnum {
            i += len;
            continue;
        }
        let start = i;
        let wanted = match text.as_bytes()[i] {
            b if b.is_ascii() => ascii_first[usize::from(b.to_ascii_lowercase())],
            _ => text[i..]
                .chars()
                .next()
                .and_then(|c| c.to_lowercase().next())
                .is_some_and(|c| firsts.contains(&c)),
        };
        i = word_end(text, i + len);
        if wanted {
            on_word(start..i);
        }
    }
}

/// The bytes a word starting with one of `firsts` (lower case) can start with, when
/// there are at most three: the letter in both cases, plus the lead byte of the only two
/// other characters whose lower case starts with an ASCII letter (`İ` → `i̇`, the Kelvin
/// sign `K` → `k`; unit-tested over all of Unicode).
fn first_bytes(firsts: &[char]) -> Option<Vec<u8>> {
    let mut out: Vec<u8> = Vec::with_capacity(3);
    for &c in firsts {
        if !c.is_ascii_alphanumeric() || c.is_ascii_uppercase() {
            return None;
        }
        let b = c as u8;
        for x in [b, b.to_ascii_uppercase()] {
            if !out.contains(&x) {
                out.push(x);
            }
        }
        let lead = match c {
            'i' => Some(0xC4),
            'k' => Some(0xE2),
            _ => None,
        };
        if let Some(l) = lead.filter(|l| !out.contains(l)) {
            out.push(l);
        }
    }
    (out.len() <= 3).then_some(out)
}

/// [`words_starting_with`] by jumping between the bytes a wanted word can start with
/// (`needles`, at most three) instead of reading every byte.
fn words_at_needles(
    text: &str,
    firsts: &[char],
    needles: &[u8],
    mut on_word: impl FnMut(Range<usize>),
) {
    let bytes = text.as_bytes();
    let (a, b, c) = match *needles {
        [a] => (a, a, a),
        [a, b] => (a, b, b),
        [a, b, c] => (a, b, c),
        _ => return,
    };
    let mut from = 0;
    while let Some(found) = memchr::memchr3(a, b, c, &bytes[from..]) {
        let start = from + found;
        from = start + 1;
        // Only the start of a word counts, and only a wanted first character.
        if text[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let Some(first) = text[start..].chars().next() else {
            continue;
        };
        if !first.is_alphanumeric()
            || !first
                .to_lowercase()
                .next()
                .is_some_and(|l| firsts.contains(&l))
        {
            continue;
        }
        let end = word_end(text, start + first.len_utf8());
        on_word(start..end);
        from = end;
    }
}

/// The end of the word running on at byte `from` of `text`.
fn word_end(text: &str, mut from: usize) -> usize {
    while from < text.len() {
        let (alnum, len) = alnum_at(text, from);
        if !alnum {
            break;
        }
        from += len;
    }
    from
}

/// Highlights for English-stemmed fields, stemming only the words that can match.
///
/// Snowball's English stemmer rewrites word endings only, so a word's stem begins with the
/// word's first letter: a word whose first letter starts no query term is skipped
/// without being lower-cased or stemmed, and often without being read. Analysing the ten
/// passages shown was about half the time of a query for a rare term. Stems already
/// computed are remembered, so a highlighter kept for a session serves every query from
/// its table.
pub struct StemmedHighlighter {
    stems: StemTable,
    /// The word being looked at, lower-cased (kept to reuse its allocation).
    lowered: String,
}

impl Default for StemmedHighlighter {
    fn default() -> Self {
        Self::new()
    }
}

impl StemmedHighlighter {
    /// A highlighter for fields analysed by `index::schema::stemmed_analyzer`.
    pub fn new() -> Self {
        StemmedHighlighter {
            stems: StemTable::default(),
            lowered: String::new(),
        }
    }

    /// The snippet of `text` for the analysed (stemmed) query `terms`.
    pub fn snippet(&mut self, text: &str, terms: &HashSet<String>) -> Snippet {
        let hits = self.matches(text, terms);
        build(text, hits)
    }

    /// Byte ranges of the words of `text` whose stem is one of `terms`.
    ///
    /// Reads the words as `stemmed_analyzer` does (its tokenizer, its length limit, its
    /// lower-casing; unit-tested to agree), but lower-cases and stems only a word whose
    /// first letter can start a term: running the analyzer's own steps over every word
    /// of the ten passages shown was a third of a query for a rare term.
    pub fn matches(&mut self, text: &str, terms: &HashSet<String>) -> Vec<Range<usize>> {
        if terms.is_empty() {
            return Vec::new();
        }
        let firsts: Vec<char> = terms.iter().filter_map(|t| t.chars().next()).collect();
        let StemmedHighlighter { stems, lowered } = self;
        let mut hits = Vec::new();
        words_starting_with(text, &firsts, |r| {
            let word = &text[r.clone()];
            if word.len() >= MAX_TOKEN_BYTES {
                return;
            }
            crate::index::tokenizer::lower_into(word, word.is_ascii(), lowered);
            if stems.with_stem(lowered, |stem| terms.contains(stem)) {
                hits.push(r);
            }
        });
        joined(text, hits)
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
        gently idly news howe atlas cosmos bias andes generous communism arsenal y yy yes \
        İstanbul ÉLYSÉE Émigrés naïve café’s Straße ΣΟΦΊΑ x2 2x ½ Ⅻ Pre-notified \
        Supercalifragilisticexpialidocious-and-more-letters-to-cross-forty \
        Supercalifragilisticexpialidociouslylongerthanfortybytes \u{212A}elvin kelvin Kilo \
        ‘kind’ “Irish” — idle";

    #[test]
    fn only_two_non_ascii_characters_lower_case_to_an_ascii_start() {
        let odd: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().next().is_some_and(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, ['\u{130}', '\u{212A}']);
        assert_eq!("\u{130}".as_bytes()[0], 0xC4);
        assert_eq!("\u{212A}".as_bytes()[0], 0xE2);
    }

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
        let mut fast = StemmedHighlighter::new();
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
        // Every term the analyzer makes of the tricky words (accents, dotted capitals,
        // ligatures, Greek, digits, numerals, words over the length limit) marks the
        // same words both ways.
        let mut tricky = Vec::new();
        let mut stream = full.token_stream(TRICKY);
        while let Some(tok) = stream.next() {
            tricky.push(tok.text.clone());
        }
        drop(stream);
        assert!(tricky.len() > 40, "{tricky:?}");
        for term in &tricky {
            let t = terms(&[term.as_str()]);
            let want = matches(&text, &t, &mut full);
            assert!(!want.is_empty(), "{term}");
            assert_eq!(fast.matches(&text, &t), want, "{term}");
        }
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
