//! Word lists the quote extractor leans on: speech verbs, titles, organisation words,
//! pronouns and the words that open a sentence without naming anyone.
//!
//! The verb list is newsidx's own, written with the published Gender Gap Tracker list as a
//! reference; inflections are generated from base forms so `warn` gives `warned`, `warns`,
//! `warning`.
//!
//! [`verbs`]: speech verbs and the words around them; [`roles`]: titles, honorifics and
//! source nouns; [`names`]: given names and what looks like a name but is not;
//! [`organisations`]: organisation words and places. Every lookup is re-exported here.

mod names;
mod organisations;
mod roles;
mod verbs;

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

pub use names::{
    given_name_gender, is_name_particle, is_name_suffix, is_non_name, is_page_furniture,
    is_post_nominal, possessive_owner, pronoun,
};
pub use organisations::{is_non_person_name, is_org_word, is_place};
pub use roles::{
    honorific_gender, is_demonym, is_person_noun, is_personal_title, is_source_noun, is_title,
};
pub use verbs::{is_adverb_shaped, is_speech_verb, is_time_word, is_verb_modifier, is_weak_verb};

/// A word list as a set: the extractor looks words up for every word of every quoting
/// article, so lists are hashed once, not scanned.
type WordSet = LazyLock<HashSet<&'static str>>;

/// `f` of `word` lower-cased, on the stack when it is short and ASCII (nearly always).
fn lowered<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(dst) if word.is_ascii() => {
            dst.copy_from_slice(word.as_bytes());
            dst.make_ascii_lowercase();
            f(std::str::from_utf8(dst).unwrap_or_default())
        }
        _ => f(&word.to_lowercase()),
    }
}

/// What a pronoun or honorific says about who is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, him, Mr
    Male,
    /// she, her, Ms, Mrs
    Female,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_orgs() {
        assert!(is_title("Maj") && is_title("Gen.") && is_title("Mr"));
        assert!(!is_title("Patel"));
        assert!(is_org_word("Department"));
        assert!(is_place("Baghdad"));
    }
}
