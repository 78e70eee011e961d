//! The words of body and title text as the index holds them: one pass over the bytes.
//!
//! The tokens are exactly those of tantivy's `SimpleTokenizer` followed by
//! `RemoveLongFilter`, `LowerCaser` and (for [`WordTokenizer::stemmed`]) the English
//! stemmer: runs of alphanumeric characters, lower-cased, tokens of
//! [`MAX_TOKEN_BYTES`] or more dropped (their positions kept), byte offsets into the
//! text. The unit tests hold the two to the same output.
//!
//! Why not the chain itself: it decodes every character, copies every token once per
//! filter and runs the filters through a boxed stream each. That chain was a tenth of
//! the instructions of an index build; reading ASCII bytes through a table and
//! lower-casing the word in the buffer it is copied to does the same for under half.

use super::stemmer::STEMS;
use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

/// Tokens this long (in bytes) or longer are not indexed (tantivy's `RemoveLongFilter`
/// measures the word as written, before lower-casing).
pub const MAX_TOKEN_BYTES: usize = 40;

/// Words of the text, lower-cased, optionally stemmed.
#[derive(Clone, Debug, Default)]
pub struct WordTokenizer {
    stem: bool,
    token: Token,
}

impl WordTokenizer {
    /// Lower-cased English stems: what body and title fields index.
    pub fn stemmed() -> Self {
        WordTokenizer {
            stem: true,
            token: Token::default(),
        }
    }

    /// Lower-cased words, not stemmed: what highlighting reads before it stems.
    pub fn unstemmed() -> Self {
        WordTokenizer {
            stem: false,
            token: Token::default(),
        }
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.token.reset();
        WordStream {
            text,
            at: 0,
            stem: self.stem,
            token: &mut self.token,
        }
    }
}

/// The token stream of [`WordTokenizer`].
pub struct WordStream<'a> {
    text: &'a str,
    /// Where reading resumes, in bytes.
    at: usize,
    stem: bool,
    token: &'a mut Token,
}

/// ASCII letters and digits: 1, other ASCII bytes: 0.
const ALNUM: [bool; 128] = {
    let mut t = [false; 128];
    let mut c = 0u8;
    while c < 128 {
        t[c as usize] = c.is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// Whether the character at byte `i` of `text` is alphanumeric, and its length in bytes:
/// a word character for this tokenizer and for the highlighter, which reads words its
/// own way but must find the same ones.
pub(crate) fn alnum_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b < 0x80 {
        return (ALNUM[usize::from(b)], 1);
    }
    text.get(i..)
        .and_then(|rest| rest.chars().next())
        .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
}

impl WordStream<'_> {
    /// The next word's byte range at or after `at`, and whether it is all ASCII.
    fn next_word(&mut self) -> Option<(usize, usize, bool)> {
        let (text, len) = (self.text, self.text.len());
        let mut i = self.at;
        let start = loop {
            if i >= len {
                self.at = len;
                return None;
            }
            let (alnum, width) = alnum_at(text, i);
            if alnum {
                break i;
            }
            i += width;
        };
        let mut ascii = true;
        while i < len {
            let b = text.as_bytes()[i];
            if b < 0x80 {
                if !ALNUM[usize::from(b)] {
                    break;
                }
                i += 1;
                continue;
            }
            let (alnum, width) = alnum_at(text, i);
            if !alnum {
                break;
            }
            ascii = false;
            i += width;
        }
        self.at = i;
        Some((start, i, ascii))
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end, ascii)) = self.next_word() {
            self.token.position = self.token.position.wrapping_add(1);
            if end - start >= MAX_TOKEN_BYTES {
                continue;
            }
            let word = &self.text[start..end];
            let token = &mut *self.token;
            token.offset_from = start;
            token.offset_to = end;
            lower_into(word, ascii, &mut token.text);
            if self.stem {
                STEMS.with_borrow_mut(|stems| stems.stem_in_place(&mut token.text));
            }
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}

/// Replaces `out` by `word` lower-cased as tantivy's `LowerCaser` does (character by
/// character, no final-sigma rule); `ascii` says `word` is all ASCII.
pub fn lower_into(word: &str, ascii: bool, out: &mut String) {
    out.clear();
    if ascii {
        out.push_str(word);
        out.make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use tantivy::tokenizer::{
        Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, TextAnalyzer,
    };

    fn tokens(a: &mut TextAnalyzer, text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut s = a.token_stream(text);
        while s.advance() {
            out.push(s.token().clone());
        }
        out
    }

    /// tantivy's own chain, the reference.
    fn chain(stem: bool) -> TextAnalyzer {
        let b = TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
            .filter(LowerCaser);
        if stem {
            b.filter(Stemmer::new(Language::English)).build()
        } else {
            b.build()
        }
    }

    fn agree(text: &str) {
        for stem in [false, true] {
            let mut ours = TextAnalyzer::from(if stem {
                WordTokenizer::stemmed()
            } else {
                WordTokenizer::unstemmed()
            });
            // Twice: the second pass reads stems from the table, and the tokenizer's
            // token is reused.
            for _ in 0..2 {
                assert_eq!(
                    tokens(&mut ours, text),
                    tokens(&mut chain(stem), text),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn same_tokens_as_tantivys_chain() {
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut read = 0;
        for e in walkdir::WalkDir::new(corpus).into_iter().flatten() {
            if let Ok(t) = std::fs::read_to_string(e.path()) {
                agree(&t);
                read += t.len();
            }
        }
        assert!(read > 10_000, "only {read} bytes of corpus read");
        agree(
            "İstanbul ÉLYSÉE Émigrés naïve café’s Straße ΣΟΦΊΑ x2 2x ½ Ⅻ Pre-notified \
             Supercalifragilisticexpialidociouslylongerthanfortybytes and on \u{212A}elvin \
             ‘kind’ “Irish” — idle; 日本語の記事 ǅemal \u{0}\u{7f}\t end",
        );
        agree("");
        agree("   ,,, ");
        agree("word");
        // Exactly at and just under the length limit, ASCII and not.
        agree(&format!("{} {}", "a".repeat(39), "b".repeat(40)));
        agree(&format!("{}é {}é", "a".repeat(37), "a".repeat(38)));
    }

    proptest! {
        #[test]
        fn same_tokens_on_any_text(text in "\\PC{0,80}") {
            agree(&text);
        }

        #[test]
        fn same_tokens_on_wordy_text(text in "([A-Za-zÀ-ÿİıΣς0-9]{1,45}[ ,.’'\\-—]{1,2}){0,12}") {
            agree(&text);
        }
    }
}
