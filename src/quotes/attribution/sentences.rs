//! Where sentences end around quotations, and the slices of text attribution reads: the
//! masked copy of the text, the sentences of a paragraph, the capped context either side
//! of a quotation.

use super::MASK;
use crate::quotes::lexicon;
use crate::quotes::spans::Span;
use std::ops::Range;

/// Masks every quotation with [`MASK`] bytes, keeping byte offsets.
pub(super) fn mask(text: &str, spans: &[Span]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for s in spans {
        bytes[s.range.clone()].fill(MASK);
    }
    // Short parentheticals ("(D-Va.)", "(R-WI)") sit between names and verbs; blank them.
    let mut i = 0;
    while let Some(off) = memchr::memchr(b'(', &bytes[i..]) {
        i += off;
        let close = bytes[i..]
            .iter()
            .take(48)
            .position(|&b| b == b')' || b == b'\n' || b == MASK);
        if let Some(c) = close.filter(|&c| bytes[i + c] == b')') {
            // Keep UTF-8 valid: every byte of the group becomes an ASCII space.
            bytes[i..=i + c].fill(b' ');
            i += c;
        }
        i += 1;
    }
    // Every masked byte is ASCII and masks cover whole characters, so this cannot fail.
    String::from_utf8(bytes).unwrap_or_default()
}

/// Sentence bounds in masked text: a terminator outside quotations followed by a space.
/// `closers` are the ends of quotations that close a sentence of their own (see
/// [`sentence_closers`]).
pub(super) fn sentences(masked: &str, para: &Range<usize>, closers: &[usize]) -> Vec<Range<usize>> {
    let text = &masked[para.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // Candidates are the terminators (found by byte: they are ASCII) and the last masked
    // byte of each closing quotation in this paragraph, taken in text order. `closers`
    // is sorted, so the paragraph's are found without reading the article's.
    let first = closers.partition_point(|&c| c < para.start + 1);
    let last = closers.partition_point(|&c| c <= para.end);
    let closing: Vec<usize> = closers[first..last.max(first)]
        .iter()
        .map(|&c| c - (para.start + 1))
        .filter(|&i| i < bytes.len() && bytes[i] == MASK)
        .collect();
    let mut next_closing = closing.iter().copied().peekable();
    let mut from = 0;
    loop {
        while next_closing.next_if(|&i| i < from).is_some() {}
        let term = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map(|o| from + o);
        let i = match (term, next_closing.peek().copied()) {
            (Some(t), Some(c)) => t.min(c),
            (Some(i), None) | (None, Some(i)) => i,
            (None, None) => break,
        };
        from = i + 1;
        let after = i + 1;
        let next_space = bytes.get(after).is_some_and(|b| b.is_ascii_whitespace());
        let next_cap = text[after..]
            .trim_start()
            .chars()
            .next()
            .is_some_and(|n| n.is_uppercase() || n == '\u{1}');
        // `Redknapp.When John Black said`: a sentence glued to the one before.
        let glued = crate::passages::is_glued_stop(bytes, i);
        if !(next_space && next_cap || glued)
            || bytes[i] == b'.' && crate::passages::ends_with_abbreviation(&text[start..i])
        {
            continue;
        }
        out.push(para.start + start..para.start + after);
        start = after;
    }
    out.push(para.start + start..para.end);
    out
}

/// Ends of the quotations that finish a sentence: the quoted words end in `.`, `!` or
/// `?` and no attribution follows within a few words (`"… arbitrary." Josh Hendler, a
/// Democratic operative, warned …` is two sentences; `"Why now?" Clinton asked.` is one).
pub(super) fn sentence_closers(text: &str, spans: &[Span]) -> Vec<usize> {
    let mut out: Vec<usize> = spans
        .iter()
        .filter(|s| {
            let inner = text[s.range.clone()].trim_end_matches(|c: char| {
                matches!(c, '"' | '\'' | '\u{201d}' | '\u{2019}' | '\u{bb}' | ' ')
            });
            if !inner.ends_with(['.', '!', '?']) {
                return false;
            }
            // Only the sentence after the quotation can attribute back to it.
            let mut next: Vec<&str> = Vec::new();
            for w in text[s.range.end..].split_whitespace().take(24) {
                next.push(w);
                // Nor are the words of the next quotation cues.
                if next.len() > 1 && w.starts_with(['"', '\u{201c}']) {
                    break;
                }
                let core = w.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']);
                if core.ends_with(['!', '?'])
                    || core.ends_with('.')
                        && !crate::passages::ends_with_abbreviation(core.trim_end_matches('.'))
                {
                    break;
                }
            }
            // `Mr Davidson said: "…" He said he had found …` moves on; `"…." Dixon said
            // she then saw …` names the speaker of a quotation nothing introduced.
            let introduced = std::cell::OnceCell::new();
            let introduced = || *introduced.get_or_init(|| introduced_before(text, s.range.start));
            let attributes_back = next.iter().take(14).enumerate().any(|(n, raw)| {
                if n > 0 && raw.starts_with(['"', '\u{201c}']) {
                    return false;
                }
                let w = raw
                    .trim_matches(|c: char| !c.is_alphabetic())
                    .to_lowercase();
                let cue = lexicon::is_speech_verb(&w) || w == "according";
                // Further on, a verb attributes back unless it opens a statement of its own
                // (`… warned Saturday that the DNC's move …`).
                let bare = !raw.ends_with(['.', ',', ':', ';', '!', '?']);
                let clause = &next[n + 1..];
                cue && !(bare && opens_statement(clause, introduced))
                    && (n < 5
                        || raw.ends_with(['.', ',', ':'])
                        || !clause
                            .iter()
                            .take_while(|w| !w.ends_with(['.', ',', ':', ';']))
                            .any(|w| w.eq_ignore_ascii_case("that")))
            });
            !attributes_back
        })
        .map(|s| s.range.end)
        .collect();
    out.sort_unstable();
    out
}

/// Whether a speech verb followed by the words `clause` opens a statement of its own
/// rather than attributing the quotation before it: another quotation follows within a
/// few words (`Carly Fiorina said Ted Cruz "says …"`, `But, said Solovey, "…"`), or, when
/// that quotation was `introduced` in its own sentence, a complement clause does (`Mr
/// Davidson said: "…" He said he had found …`).
fn opens_statement(clause: &[&str], introduced: impl Fn() -> bool) -> bool {
    let opens_quote = |w: &&str| w.starts_with(['"', '\u{201c}']);
    // `said Wednesday she, too, wants …`: when it was said comes before what.
    let complement = || {
        clause
            .iter()
            .map(|w| {
                w.trim_end_matches(|c: char| !c.is_alphabetic())
                    .to_lowercase()
            })
            .take(4)
            .find(|w| {
                !(lexicon::is_time_word(w)
                    || matches!(
                        w.as_str(),
                        "on" | "last" | "this" | "earlier" | "later" | "week"
                    ))
            })
            .is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "he" | "she" | "they" | "we" | "i" | "it" | "that"
                )
            })
    };
    complement() && introduced()
        || clause
            .windows(2)
            .take(4)
            .any(|pair| pair[0].ends_with([',', ':']) && opens_quote(&pair[1]))
        || clause
            .iter()
            .take(5)
            .take_while(|w| !w.ends_with(['.', '!', '?', ';', ',']))
            .skip(1)
            .any(opens_quote)
}

/// Whether the sentence before the quotation at `start` has a speech verb or ends in a
/// colon: the quotation is then attributed before it.
fn introduced_before(text: &str, start: usize) -> bool {
    let before = &text[tail_start(text, 0, start, 300)..start];
    let sentence = before
        .rfind(['\n', '.', '?', '!'])
        .map_or(before, |i| &before[i + 1..]);
    sentence.trim_end().ends_with(':')
        || sentence.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase();
            lexicon::is_speech_verb(&w)
        })
}

/// `text` cut to at most `max` bytes, at a word boundary.
pub(super) fn head(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let cut = text[..cut].rfind(char::is_whitespace).unwrap_or(cut);
    &text[..cut]
}

/// Where the last `max` bytes of `text[from..to]` start, moved to a word boundary.
pub(super) fn tail_start(text: &str, from: usize, to: usize, max: usize) -> usize {
    if to - from <= max {
        return from;
    }
    let mut start = to - max;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    text[start..to]
        .find(char::is_whitespace)
        .map_or(start, |i| start + i)
}

pub(super) fn only_quotes(masked: &str, para: &Range<usize>) -> bool {
    masked[para.clone()]
        .chars()
        .all(|c| c == '\u{1}' || c.is_whitespace() || c.is_ascii_punctuation())
}

pub(super) fn ends_with_quote(masked: &str, para: &Range<usize>, span: &Span) -> bool {
    masked[span.range.end.min(para.end)..para.end].trim().len() <= 1
}
