//! English stemming for indexed text, remembering the stem of every word it has seen.
//!
//! News prose repeats a small vocabulary, so nearly every token of a batch was stemmed
//! moments before; the Snowball algorithm was a fifth of indexing CPU in the profile, a
//! table lookup is a fraction of that. The stems are those of tantivy's own `Stemmer`
//! (the same frostem algorithm), so the index and queries agree token for token.

use rustc_hash::FxHashMap as HashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// Words remembered per table before it starts over (about 10 MB). A news archive's
/// vocabulary runs to hundreds of thousands of words; at 16,384 the table started over
/// so often that one token in ten was stemmed again.
const MAX_REMEMBERED: usize = 131_072;

/// English (Snowball) stems of the words seen so far, each computed once.
///
/// The indexer's stemming filter keeps one per thread, the search highlighter one per
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

/// A token filter stemming English words, with a table of stems already computed.
#[derive(Clone, Copy, Debug, Default)]
pub struct CachedStemmer;

impl TokenFilter for CachedStemmer {
    type Tokenizer<T: Tokenizer> = CachedStemmerFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> CachedStemmerFilter<T> {
        CachedStemmerFilter { inner: tokenizer }
    }
}

thread_local! {
    /// The stems this thread has seen. Per thread, not per analyzer: tantivy gives every
    /// new segment a fresh clone of the analyzer, and a table per clone started empty
    /// with each segment. Indexing threads live for the whole run, so no table is shared
    /// or locked and none starts over with a segment.
    static STEMS: std::cell::RefCell<StemTable> = std::cell::RefCell::default();
}

/// [`CachedStemmer`] applied to a tokenizer.
#[derive(Clone)]
pub struct CachedStemmerFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for CachedStemmerFilter<T> {
    type TokenStream<'a> = CachedStemmerStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        CachedStemmerStream {
            tail: self.inner.token_stream(text),
        }
    }
}

/// The token stream of [`CachedStemmerFilter`].
pub struct CachedStemmerStream<S> {
    tail: S,
}

impl<S: TokenStream> TokenStream for CachedStemmerStream<S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let word = &mut self.tail.token_mut().text;
        STEMS.with_borrow_mut(|stems| stems.stem_in_place(word));
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            out.push(s.token().text.clone());
        }
        out
    }

    #[test]
    fn stems_exactly_as_tantivys_stemmer_does() {
        let mut ours = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(CachedStemmer)
            .build();
        let mut theirs = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .filter(Stemmer::new(Language::English))
            .build();
        let text = "The strikes were a violation of Iraq's sovereignty, officials said; \
                    striking, struck, generously, generations, running runners ran.";
        // Twice: the second pass is answered from the table.
        for _ in 0..2 {
            assert_eq!(tokens(&mut ours, text), tokens(&mut theirs, text));
        }
    }
}
