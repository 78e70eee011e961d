//! English stemming for indexed text, remembering the stem of every word it has seen.
//!
//! News prose repeats a small vocabulary, so nearly every token of a batch was stemmed
//! moments before; the Snowball algorithm was a fifth of indexing CPU in the profile, a
//! table lookup is a fraction of that. The stems are those of tantivy's own `Stemmer`
//! (the same frostem algorithm), so the index and queries agree token for token.

use rustc_hash::FxHashMap as HashMap;

/// Words remembered per table before it starts over (about 10 MB). A news archive's
/// vocabulary runs to hundreds of thousands of words; at 16,384 the table started over
/// so often that one token in ten was stemmed again.
const MAX_REMEMBERED: usize = 131_072;

/// English (Snowball) stems of the words seen so far, each computed once.
///
/// The indexing tokenizer keeps one per thread, the search highlighter one per
/// thread's analyzer, so neither stems a word twice nor shares a lock.
pub struct StemTable {
    stems: HashMap<String, String>,
    stemmer: frostem::Stemmer,
}

impl Default for StemTable {
    fn default() -> Self {
        StemTable {
            stems: HashMap::default(),
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
        }
    }
}

impl std::fmt::Debug for StemTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StemTable")
            .field("remembered", &self.stems.len())
            .finish()
    }
}

impl StemTable {
    /// Calls `with` on the stem of `word` (a lower-cased token), from the table when the
    /// word was seen before.
    pub fn with_stem<R>(&mut self, word: &str, with: impl FnOnce(&str) -> R) -> R {
        if is_own_stem(word) {
            return with(word);
        }
        if let Some(stem) = self.stems.get(word) {
            return with(stem);
        }
        let stem = self.stemmer.stem(word).into_owned();
        let out = with(&stem);
        self.remember(word.to_string(), stem);
        out
    }

    /// Replaces `word` (a lower-cased token) by its stem, allocating nothing when the
    /// word was seen before: the indexer's path, once per token.
    pub fn stem_in_place(&mut self, word: &mut String) {
        if is_own_stem(word) {
            return;
        }
        if let Some(stem) = self.stems.get(word.as_str()) {
            word.clear();
            word.push_str(stem);
            return;
        }
        let stem = self.stemmer.stem(word).into_owned();
        let seen = std::mem::replace(word, stem.clone());
        self.remember(seen, stem);
    }

    fn remember(&mut self, word: String, stem: String) {
        if self.stems.len() >= MAX_REMEMBERED {
            self.stems.clear();
        }
        self.stems.insert(word, stem);
    }
}

/// Words the English stemmer leaves as they are without looking: those under three
/// characters (Snowball's `hop 3` guard), here under three bytes. "of", "to", "in",
/// "a" are a fifth of news prose's tokens, and a table lookup costs more than the test.
fn is_own_stem(word: &str) -> bool {
    word.len() < 3
}

thread_local! {
    /// The stems this thread has seen, for the indexing tokenizer. Per thread, not per
    /// analyzer: tantivy gives every new segment a fresh clone of the analyzer, and a
    /// table per clone started empty with each segment. Indexing threads live for the
    /// whole run, so no table is shared or locked and none starts over with a segment.
    pub(super) static STEMS: std::cell::RefCell<StemTable> = std::cell::RefCell::default();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_words_are_their_own_stems() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let alphabet: Vec<char> = ('a'..='z')
            .chain('0'..='9')
            .chain(['é', 'ß', 'ı'])
            .collect();
        let mut words: Vec<String> = alphabet.iter().map(|c| c.to_string()).collect();
        for a in &alphabet {
            for b in &alphabet {
                words.push(format!("{a}{b}"));
            }
        }
        for w in words.iter().filter(|w| is_own_stem(w)) {
            assert_eq!(stemmer.stem(w), w.as_str());
        }
        assert!(is_own_stem("of") && !is_own_stem("ies") && !is_own_stem("é's"));
    }

    #[test]
    fn table_stems_as_the_stemmer_does() {
        let stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
        let mut table = StemTable::default();
        let words = [
            "strikes",
            "sovereignty",
            "generously",
            "running",
            "of",
            "ran",
            "skies",
        ];
        // Twice: the second pass is answered from the table.
        for _ in 0..2 {
            for w in words {
                let mut in_place = w.to_string();
                table.stem_in_place(&mut in_place);
                assert_eq!(in_place, stemmer.stem(w));
                assert_eq!(table.with_stem(w, str::to_string), stemmer.stem(w));
            }
        }
    }
}
