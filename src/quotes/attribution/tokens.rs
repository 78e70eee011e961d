//! The words of the text around a quotation, as attribution reads them: each with its
//! lower-case form, the punctuation after it, and whether it is masked quotation text.
//! Also the tests on single tokens that every reading shares (is this a capitalised word,
//! is this speech verb used as a verb here).

use super::MASK;
use super::words::is_number_word;
use crate::quotes::lexicon::{self, is_adverb_shaped, is_speech_verb, is_verb_modifier};

#[derive(Debug, Clone)]
pub(super) struct Tok<'a> {
    pub(super) word: &'a str,
    pub(super) lower: std::borrow::Cow<'a, str>,
    /// Punctuation right after the word (",", ":", "." …), if any.
    pub(super) trail: Option<char>,
    pub(super) masked: bool,
    /// The word carried a possessive `'s` ("Sanders's", "IG's").
    pub(super) poss: bool,
    pub(super) start: usize,
}

pub(super) fn tokens(text: &str, base: usize) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok<'_>> = Vec::with_capacity(text.len() / 5);
    let mut pos = 0;
    // A sentence or caption glued to the next word (`Redknapp.When`, `ImagesWhen`) is two.
    let pieces = crate::passages::glued_pieces(text);
    let mut glued_before = false;
    for p in pieces {
        // The word before a glued one ends its sentence or caption.
        if std::mem::replace(&mut glued_before, p.glued_end)
            && let Some(last) = out.last_mut().filter(|t| t.trail.is_none())
        {
            last.trail = Some('.');
        }
        // A piece is a word and the one white space after it, or that space alone.
        let raw = p.word();
        let start = base + pos;
        pos += p.text.len();
        if raw.is_empty() {
            continue;
        }
        // Most words are plain letters, digits and hyphens: nothing to trim or look for.
        const PLAIN: [bool; 256] = {
            let mut t = [false; 256];
            let mut c = 0;
            while c < 256 {
                t[c] = (c as u8).is_ascii_alphanumeric() || c as u8 == b'-';
                c += 1;
            }
            t
        };
        if raw.bytes().all(|b| PLAIN[usize::from(b)]) {
            out.push(Tok {
                word: raw,
                lower: if p.capital {
                    std::borrow::Cow::Owned(raw.to_ascii_lowercase())
                } else {
                    std::borrow::Cow::Borrowed(raw)
                },
                trail: None,
                masked: false,
                poss: false,
                start,
            });
            continue;
        }
        // A quotation glued to the words either side (`said Mr Howard."…"Ruth`, common in
        // scraped text) leaves them words of their own.
        if p.control
            && let Some(first) = memchr::memchr(MASK, raw.as_bytes())
        {
            let last = memchr::memrchr(MASK, raw.as_bytes()).unwrap_or(first);
            push_word(&mut out, &raw[..first], start);
            out.push(Tok {
                word: "",
                lower: std::borrow::Cow::Borrowed(""),
                trail: None,
                masked: true,
                poss: false,
                start: start + first,
            });
            push_word(&mut out, &raw[last + 1..], start + last + 1);
            continue;
        }
        push_word(&mut out, raw, start);
    }
    out
}

/// Pushes the word `raw` (white space already cut off) at byte `start`, with its
/// surrounding punctuation trimmed and read.
fn push_word<'a>(out: &mut Vec<Tok<'a>>, raw: &'a str, start: usize) {
    if raw.is_empty() {
        return;
    }
    let lead = raw.len()
        - raw
            .trim_start_matches(['(', '[', '\'', '\u{2018}', '—', '–'])
            .len();
    let core = &raw[lead..];
    let trimmed = core.trim_end_matches([
        ',', ':', ';', '.', ')', ']', '!', '?', '\u{2019}', '\'', '—', '–',
    ]);
    // Keep the full stop of an initial or abbreviation ("J.", "Jr.", "D.C.", "Gen."),
    // not of a short name ending a sentence (`said Fry.`).
    let keep_dot = core[trimmed.len()..].starts_with('.')
        && trimmed.chars().next().is_some_and(char::is_uppercase)
        && (trimmed.chars().count() <= 2
            || trimmed.contains('.')
            || crate::passages::ends_with_abbreviation(trimmed));
    let word = if keep_dot {
        &core[..trimmed.len() + 1]
    } else {
        trimmed
    };
    let tail = &core[word.len()..];
    // The punctuation that matters is the strongest in the tail ("R-Pa.," ends on a
    // comma); a possessive apostrophe is no punctuation at all.
    let trail = [',', ':', ';']
        .into_iter()
        .find(|c| tail.contains(*c))
        .or_else(|| tail.chars().find(|c| !matches!(c, '\'' | '\u{2019}')));
    let stripped = lexicon::possessive_owner(word);
    let poss = stripped.is_some() || core.ends_with('\'') || core.ends_with('\u{2019}');
    let word = stripped.unwrap_or(word);
    if word.is_empty() {
        // Punctuation left alone by a blanked parenthetical ("O'Rourke (D-Tex.), a
        // …") still closes the word before it.
        if let Some(prev) = out.last_mut().filter(|p| p.trail.is_none() && !p.masked) {
            prev.trail = trail;
        }
        return;
    }
    out.push(Tok {
        word,
        // Most words are already lower case: borrow them rather than allocate.
        lower: if word.chars().any(char::is_uppercase) {
            std::borrow::Cow::Owned(word.to_lowercase())
        } else {
            std::borrow::Cow::Borrowed(word)
        },
        trail,
        masked: false,
        poss,
        start: start + lead,
    });
}

/// A speech verb as written in running text: lower case ("State" is not "state"), and not
/// a noun after a determiner or possessive ("the IG's report", "his comments"). Only a
/// determiner joined to the verb makes it a noun: in `… larger than that, said David
/// Wasserman` the comma ends the clause "that" belongs to.
pub(super) fn is_verb_at(toks: &[Tok<'_>], v: usize) -> bool {
    let t = &toks[v];
    // Asked of every word near a quotation, and few are speech verbs: the test of the
    // word before waits until the word is one.
    let noun_use = || {
        v > 0 && {
            let p = &toks[v - 1];
            p.poss
                || p.trail.is_none()
                    && (p.word.chars().all(|c| c.is_ascii_digit())
                    || is_number_word(&p.lower)
                    || matches!(
                        p.lower.as_ref(),
                        "the"
                            | "a"
                            | "an"
                            | "his"
                            | "her"
                            | "its"
                            | "their"
                            | "our"
                            | "my"
                            | "your"
                            | "this"
                            | "that"
                            | "these"
                            | "those"
                            | "whose"
                    )
                    // `the former secretary of state, said`: "of" takes a noun.
                    || p.lower == "of" && !t.lower.ends_with("ing"))
        }
    };
    // A capitalised verb speaks only where it opens a sentence before a name (`Said
    // Dorothy Poynter, who grew up with Ali, "…"`).
    let opens_inversion = || {
        (t.lower == "said" || t.lower == "says" || t.lower.ends_with("ed"))
            && (v == 0
                || toks[v - 1]
                    .trail
                    .is_some_and(|c| matches!(c, '.' | '!' | '?')))
            && toks.get(v + 1).is_some_and(|n| is_cap(n.word) && !n.masked)
    };
    !t.masked && is_speech_verb(&t.lower) && !noun_use() && (!is_cap(t.word) || opens_inversion())
}

pub(super) fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// An adverb or other word that may stand between a speaker and the verb. A capitalised
/// word ending in "-ly" is an adverb only in an adverb's shape ("Previously", "Initially",
/// "Broadly"); otherwise it is a name ("Kelly said", "Skelly called", "Connolly").
pub(super) fn modifies_verb(t: &Tok<'_>) -> bool {
    let lower = t.lower.as_ref();
    // A capitalised "May" or "Will" before a verb is a name (`Theresa May said`), not a
    // modal.
    is_verb_modifier(lower)
        && (!is_cap(t.word) || !lower.ends_with("ly") || is_adverb_shaped(lower))
        && !(is_cap(t.word) && matches!(lower, "may" | "will"))
}

/// The tokens' words joined by spaces, without the punctuation after the last.
pub(super) fn words(toks: &[Tok<'_>]) -> String {
    toks.iter().map(|t| t.word).collect::<Vec<_>>().join(" ")
}
