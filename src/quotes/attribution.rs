//! Quotation spans → who said them: the cue (speech verb) and the raw speaker phrase.
//!
//! Works on a copy of the text with every quotation masked out, so words inside quotes are
//! never taken for cues or speakers. For each quotation it reads the sentence around it:
//! first right after the quote (`," X said`, `," said X`), then before it (`X said: "`,
//! `X, the …, called the strikes a "…"`, `according to X, "…"`); a quotation opening its line may
//! be signed after it (`“…” ― Sonya Herridge`). A quotation with no cue of
//! its own takes the speaker of the quotation before it in the paragraph (a quote split
//! around its attribution), of a colon introduction in the paragraph before (`Caddell
//! continued:`), or of the quotation that ends the paragraph before when this paragraph is
//! only a quotation.

use super::lexicon::{
    Gender, is_adverb_shaped, is_name_particle, is_non_name, is_speech_verb, is_title,
    is_verb_modifier, is_weak_verb, pronoun,
};
use super::spans::Span;
use std::ops::Range;

/// Bytes of masked quotation text.
const MASK: u8 = 0x01;
/// How far after a quotation its attribution may start, in words.
const AFTER_WINDOW: usize = 8;
/// The most text either side of a quotation that attribution reads. Real sentences are far
/// shorter; the cap keeps a paragraph with thousands of quotation marks (a data file, a
/// transcript without full stops) linear instead of quadratic.
const CONTEXT_BYTES: usize = 1500;
/// How close to the end of the sentence before a quotation its cue must be to introduce it.
const INTRO_TAIL: usize = 4;
/// How far into a sentence its opening clauses may run before the subject, in words.
const OPENING_CLAUSE_WORDS: usize = 24;
/// Longest apposition skipped between a name and its verb, in words.
const APPOSITION_WORDS: usize = 26;
/// Longest name signing a quotation after a dash, in words.
const SIGNOFF_NAME_WORDS: usize = 5;
/// Longest description after the name signing a quotation (`— Jo Lee, 34, of Phoenix`).
const SIGNOFF_DESCRIPTION_WORDS: usize = 8;
/// The same, when a name with an apposition follows the quotation.
const AFTER_WINDOW_APPOSITION: usize = 24;
/// How far before a quotation a weak cue ("called") may stand, in words.
const WEAK_WINDOW: usize = 10;

/// The speaker phrase as found in the text, before normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawSpeaker {
    /// A capitalised name phrase ("Maj Gen Yahya Rasool", "State Department"); `the` is true
    /// when "the" stood before it, a sign of an organisation.
    Named {
        /// The phrase as written.
        text: String,
        /// "the" stood before it.
        the: bool,
        /// Byte position of the phrase in the text.
        pos: usize,
    },
    /// "he", "she", "they", or a definite description that refers back ("the 45-year-old").
    Pronoun {
        /// The gender it implies, when it does.
        gender: Option<Gender>,
        /// It stands for a person ("he", "the 45-year-old"), not possibly a group ("they").
        person: bool,
    },
    /// A common-noun source: nobody named. Holds the source as the text describes it ("a
    /// State Department official", "officials"), or nothing when no description was read.
    Unnamed(String),
    /// The same speaker as the quotation with this index (a split or continued quotation).
    SameAs(usize),
    /// The named subject of the sentence holding a quotation that no speech cue claims
    /// (`Moore thanked him for "…"`): the speaker only if normalisation knows the name
    /// for a person's, since a sentence's subject is as often a show or a company.
    Subject {
        /// The phrase as written.
        text: String,
        /// Byte position of the phrase in the text.
        pos: usize,
    },
}

impl RawSpeaker {
    /// A personal pronoun: "he" and "she" stand for a person, "they" perhaps for a group.
    fn pronoun(gender: Option<Gender>) -> RawSpeaker {
        RawSpeaker::Pronoun {
            gender,
            person: gender.is_some(),
        }
    }
}

/// How one quotation is attributed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker phrase.
    pub speaker: RawSpeaker,
    /// The cue word(s) as written ("said", "according to", ":").
    pub cue: String,
    /// Found by inheritance from another quotation, not by a cue of its own.
    pub inherited: bool,
    /// Byte position of the speaker phrase (or of the cue when the speaker is not named):
    /// pronouns resolve to speakers before this point.
    pub at: usize,
}

/// Reported speech without quotation marks (`Baghdad said that …`), for passage speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    /// The attribution.
    pub attribution: Attribution,
    /// Byte range of the sentence it sits in.
    pub sentence: Range<usize>,
}

/// Everything attribution found in one text.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The attribution of each quotation span, in span order.
    pub quotes: Vec<Option<Attribution>>,
    /// Reported speech in sentences without quotations.
    pub reported: Vec<Reported>,
    /// The text with quotations masked, for finding names mentioned outside quotes.
    pub masked: String,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    word: &'a str,
    lower: std::borrow::Cow<'a, str>,
    /// Punctuation right after the word (",", ":", "." …), if any.
    trail: Option<char>,
    masked: bool,
    /// The word carried a possessive `'s` ("Sanders's", "IG's").
    poss: bool,
    start: usize,
}

fn tokens(text: &str, base: usize) -> Vec<Tok<'_>> {
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
    let stripped = super::lexicon::possessive_owner(word);
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
fn is_verb_at(toks: &[Tok<'_>], v: usize) -> bool {
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

/// Words that cannot be a source on their own ("and warned", "that said").
fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "so"
            | "a"
            | "an"
            | "the"
            | "this"
            | "there"
            | "what"
            | "not"
            | "be"
            | "been"
            | "if"
            | "when"
            | "where"
            | "than"
            | "then"
            | "also"
            | "into"
            | "about"
            | "over"
            | "after"
            | "before"
            | "because"
            | "while"
            | "who"
            | "whom"
            | "whose"
            | "it"
            | "its"
            | "i"
            | "we"
            | "you"
            | "me"
            | "us"
            | "him"
            | "her"
            | "them"
            | "his"
            | "their"
            | "our"
            | "my"
            | "your"
            | "had"
            | "has"
            | "have"
            | "is"
            | "was"
            | "were"
            | "are"
            | "publicly"
            | "once"
            | "just"
    )
}

fn is_cap(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Masks every quotation with [`MASK`] bytes, keeping byte offsets.
fn mask(text: &str, spans: &[Span]) -> String {
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
fn sentences(masked: &str, para: &Range<usize>, closers: &[usize]) -> Vec<Range<usize>> {
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
fn sentence_closers(text: &str, spans: &[Span]) -> Vec<usize> {
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
                let cue = super::lexicon::is_speech_verb(&w) || w == "according";
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
                !(super::lexicon::is_time_word(w)
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
            super::lexicon::is_speech_verb(&w)
        })
}

/// Finds the attribution of each span of `text` (whose paragraphs are `paras`), and
/// reported speech elsewhere.
pub fn attribute(text: &str, paras: &[Range<usize>], spans: &[Span]) -> Found {
    let masked = mask(text, spans);
    let closers = sentence_closers(text, spans);
    let mut result: Vec<Option<Attribution>> = vec![None; spans.len()];
    // Where the text before a quotation starts, for a quotation that may yet fall to its
    // sentence's subject (see `mixed_subject`).
    let mut subject_before: Vec<Option<usize>> = vec![None; spans.len()];
    let para_sentences: Vec<Vec<Range<usize>>> = paras
        .iter()
        .map(|p| sentences(&masked, p, &closers))
        .collect();

    for (qi, span) in spans.iter().enumerate() {
        let Some(sents) = para_sentences.get(span.paragraph) else {
            continue;
        };
        let Some(sent) = sents.iter().find(|s| s.contains(&span.range.start)) else {
            continue;
        };
        let after_end = sents
            .iter()
            .find(|s| s.contains(&span.range.end.saturating_sub(1)))
            .map_or(sent.end, |s| s.end);
        let after = head(
            &masked[span.range.end.min(after_end)..after_end],
            CONTEXT_BYTES,
        );
        let before_start = tail_start(&masked, sent.start, span.range.start, CONTEXT_BYTES);
        let before = &masked[before_start..span.range.start];
        if let Some(a) = dash_signoff(&masked, span) {
            result[qi] = Some(a);
            continue;
        }
        // `"… in place." The candidate added: "…"`: after a quotation that ends its
        // sentence, a clause ending in a colon introduces the next quotation instead.
        let ends_sentence = text[span.range.clone()]
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '?' | '!'))
            .ends_with(['.', '?', '!']);
        let after_found = from_after(after, span.range.end, ends_sentence);
        let unnamed = after_found
            .as_ref()
            .is_some_and(|a| matches!(a.speaker, RawSpeaker::Unnamed(_)));
        result[qi] = match after_found {
            // `Durbin said on Thursday he "…," and he said …`: a name introducing the
            // quotation in its own sentence outranks a pronoun after it.
            Some(a) if matches!(a.speaker, RawSpeaker::Pronoun { .. }) => {
                let toks = tokens(before, before_start);
                from_before(&toks)
                    .filter(|b| {
                        matches!(b.speaker, RawSpeaker::Named { .. })
                            && !is_weak_verb(&b.cue.to_lowercase())
                    })
                    .or(Some(a))
            }
            Some(a) if !unnamed => Some(a),
            other => {
                // Tokenised once for both readings of the text before the quotation.
                let toks = tokens(before, before_start);
                from_before(&toks)
                    .filter(|b| !unnamed || matches!(b.speaker, RawSpeaker::Named { .. }))
                    .or(other)
                    .or_else(|| name_colon(&toks))
                    .or_else(|| subject_colon(&toks))
                    .or_else(|| opening_subject_colon(&toks, &masked))
                    .or_else(|| {
                        let quoted = text[span.range.clone()]
                            .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}']);
                        quoted
                            .ends_with(',')
                            .then(|| name_then_verb(after, span.range.end))
                            .flatten()
                    })
                    .or_else(|| {
                        // Kept for last: only if no quotation passes a speaker on to it.
                        if !toks.is_empty() {
                            subject_before[qi] = Some(before_start);
                        }
                        None
                    })
            }
        };
    }

    // Inheritance, in text order so a chain of quotes passes the speaker along.
    for qi in 0..spans.len() {
        if result[qi].is_some() {
            continue;
        }
        let span = &spans[qi];
        let same_as = |i: usize| Attribution {
            speaker: RawSpeaker::SameAs(i),
            cue: result[i].as_ref().map_or(String::new(), |a| a.cue.clone()),
            inherited: true,
            at: span.range.start,
        };
        let prev = qi.checked_sub(1).filter(|&p| result[p].is_some());
        let next = Some(qi + 1).filter(|&n| n < spans.len() && result[n].is_some());
        let inherited = match (prev, next) {
            // Split quotation, or a quotation continued from the paragraph before.
            (Some(p), _) if spans[p].paragraph == span.paragraph || span.continued => {
                Some(same_as(p))
            }
            // A quotation running on into the next paragraph, attributed there.
            (_, Some(n)) if span.open_ended && spans[n].continued => Some(same_as(n)),
            // A paragraph that is only quotation follows a paragraph ending in one, or in
            // one's attribution (`"…," Espinoza said.` then `"I will take …"`): the
            // speaker goes on. A paragraph whose last quotation was attributed before it
            // (`The senator called it "a disgrace," but …`) may have moved on to another.
            (Some(p), _)
                if spans[p].paragraph + 1 == span.paragraph
                    && only_quotes(&masked, &paras[span.paragraph])
                    && (ends_with_quote(&masked, &paras[spans[p].paragraph], &spans[p])
                        || result[p]
                            .as_ref()
                            .is_some_and(|a| !a.inherited && a.at >= spans[p].range.end)) =>
            {
                Some(same_as(p))
            }
            _ => None,
        };
        result[qi] = inherited
            .or_else(|| {
                let lead = &masked[paras[span.paragraph].start..span.range.start];
                colon_intro(&masked, paras, span.paragraph, lead, &closers)
            })
            .or_else(|| {
                let i = span.paragraph;
                // A paragraph of quotation alone is introduced by the last sentence of
                // the paragraph before as a sentence is by the one before it.
                let before = i
                    .checked_sub(1)
                    .filter(|_| only_quotes(&masked, &paras[i]))
                    .and_then(|p| para_sentences[p].last());
                intro_sentence(&masked, &para_sentences[i], before, span)
            })
            .map(|a| Attribution {
                inherited: true,
                ..a
            })
            .or_else(|| {
                let from = subject_before[qi]?;
                let quoted = &text[span.range.clone()];
                // One word or a title: a scare quote or a name, not a statement.
                if quoted.split_whitespace().nth(1).is_none() || !super::reads_like_speech(quoted) {
                    return None;
                }
                let toks = tokens(&masked[from..span.range.start], from);
                mixed_subject(&toks, &masked)
            });
    }

    let mut reported = Vec::new();
    for sents in &para_sentences {
        for sent in sents {
            let slice = &masked[sent.clone()];
            if memchr::memchr(MASK, slice.as_bytes()).is_some() {
                continue;
            }
            // Reported speech reads only the words up to its verb, so the sentence is
            // tokenised only up to the word holding the last reporting verb.
            let Some(last) = ANY_REPORTING_VERB.find_iter(slice).last() else {
                continue;
            };
            let cut = slice[last.end()..]
                .find(char::is_whitespace)
                .map_or(slice.len(), |n| last.end() + n);
            let toks = tokens(&slice[..cut], sent.start);
            if let Some(a) = reported_speech(&toks) {
                reported.push(Reported {
                    attribution: a,
                    sentence: sent.clone(),
                });
            }
        }
    }
    Found {
        quotes: result,
        reported,
        masked,
    }
}

/// `Baghdad said that …`, `he added that …`: a strong speech verb with its subject.
fn reported_speech(toks: &[Tok<'_>]) -> Option<Attribution> {
    for v in 0..toks.len() {
        let t = &toks[v];
        if !is_verb_at(toks, v) || is_weak_verb(&t.lower) || !is_reporting_verb(&t.lower) {
            continue;
        }
        let coordinated = v > 0 && matches!(toks[v - 1].lower.as_ref(), "and" | "but");
        let speaker = if coordinated {
            sentence_subject(&toks[..v])
        } else {
            np_before(toks, v)
        };
        if let Some(speaker) = speaker {
            if matches!(speaker, RawSpeaker::Unnamed(_)) {
                continue;
            }
            let at = speaker_at(&speaker, t.start);
            return Some(Attribution {
                speaker,
                cue: t.word.to_string(),
                inherited: false,
                at,
            });
        }
    }
    None
}

/// Verbs that report speech even without quotation marks.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "warned",
    "warns",
    "argued",
    "argues",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "announced",
    "announces",
    "declared",
    "explained",
    "noted",
    "stressed",
    "acknowledged",
    "admitted",
    "confirmed",
    "denied",
    "tweeted",
    "wrote",
    "suggested",
    "contended",
    "maintained",
    "asserted",
];

fn is_reporting_verb(w: &str) -> bool {
    REPORTING_VERBS.contains(&w)
}

/// Verbs that end a sentence introducing the quotation after it (`Dianne Bystrom
/// agreed. "…"`) without reporting speech of their own.
fn ends_intro(w: &str) -> bool {
    is_reporting_verb(w)
        || matches!(
            w,
            "agreed"
                | "agrees"
                | "disagreed"
                | "disagrees"
                | "concurred"
                | "replied"
                | "responded"
                | "recalled"
                | "recalls"
                | "countered"
                | "observed"
                | "remarked"
                | "conceded"
                | "concedes"
                | "predicted"
                | "cautioned"
                | "complained"
                | "quipped"
                | "joked"
                | "lamented"
                | "vowed"
        )
}

/// Any reporting verb as a lower-case word: a sentence without one cannot hold reported
/// speech, and most sentences of a news archive have none, so they skip tokenising.
static ANY_REPORTING_VERB: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    let alternation = REPORTING_VERBS.join("|");
    regex::Regex::new(&format!(r"\b(?:{alternation})\b")).expect("verb list is a valid pattern")
});

/// `Mark Blumenthal and Jon Cohen: "…"` / `… surprise Republican pollster Daron Shaw: "…"`.
fn name_colon(toks: &[Tok<'_>]) -> Option<Attribution> {
    let last = toks.last()?;
    if last.trail != Some(':') || last.masked || !is_cap(last.word) {
        return None;
    }
    let speaker = match name_run_before(toks, toks.len())? {
        // `Stated Stone: "…"`: a speech verb opening the sentence is no part of the name.
        RawSpeaker::Named { text, the, pos } => match text.split_once(' ') {
            Some((verb, rest)) if is_speech_verb(&verb.to_lowercase()) => RawSpeaker::Named {
                pos: pos + verb.len() + 1,
                text: rest.to_string(),
                the,
            },
            _ => RawSpeaker::Named { text, the, pos },
        },
        other => other,
    };
    let at = speaker_at(&speaker, last.start);
    matches!(speaker, RawSpeaker::Named { .. }).then_some(Attribution {
        speaker,
        cue: ":".into(),
        inherited: false,
        at,
    })
}

/// `Kasich resisted: "…"`: a subject and a verb in the past tense, closed by a colon
/// right before the quotation, whatever the verb (the colon is the cue). Only a name or
/// a pronoun is taken as the subject.
fn subject_colon(toks: &[Tok<'_>]) -> Option<Attribution> {
    let v = toks.len().checked_sub(1)?;
    let t = &toks[v];
    let past = t.lower.len() >= 5 && t.lower.ends_with("ed");
    if t.trail != Some(':') || t.masked || is_cap(t.word) || !past {
        return None;
    }
    let speaker = np_before(toks, v)?;
    if !matches!(
        speaker,
        RawSpeaker::Named { .. } | RawSpeaker::Pronoun { .. }
    ) {
        return None;
    }
    Some(Attribution {
        at: speaker_at(&speaker, t.start),
        speaker,
        cue: t.word.to_string(),
        inherited: false,
    })
}

/// `Clinton has since apologized for what happened: "…"`: a sentence that opens on a
/// name and ends in a colon right before the quotation introduces it, whatever its verb.
fn opening_subject_colon(toks: &[Tok<'_>], masked: &str) -> Option<Attribution> {
    let last = toks.last()?;
    let colons = toks.iter().filter(|t| t.trail == Some(':')).count();
    if last.trail != Some(':') || colons > 1 || toks.iter().any(|t| t.masked) {
        return None;
    }
    let speaker = opening_subject(toks, masked)
        .or_else(|| appositive_subject(toks))
        .or_else(|| opening_subject(after_opening_clause(toks)?, masked))
        .or_else(|| presented(toks))?;
    let RawSpeaker::Named { pos, .. } = &speaker else {
        return None;
    };
    Some(Attribution {
        at: *pos,
        cue: ":".into(),
        speaker,
        inherited: false,
    })
}

/// `Moore thanked him for "stepping up …"`: a quotation inside a sentence whose subject
/// opens it, named and followed by its verb, may be that person's words whatever the verb
/// (news writes `praised`, `pondered`, `denounced`). Normalisation decides: the subject
/// is a [`RawSpeaker::Subject`], kept only for a person. Not when the verb is a copula
/// (`Carter is a co-host of "…"`, `Assange has been "arbitrarily detained"`): what the
/// subject is, is not what they said; nor when speech is reported between the verb and
/// the quotation (`… a lecture from the president, who said that NAFTA was "…"`).
fn mixed_subject(toks: &[Tok<'_>], masked: &str) -> Option<Attribution> {
    let Some(RawSpeaker::Named { text, pos, .. }) = opening_subject(toks, masked)
        .or_else(|| appositive_subject(toks))
        .or_else(|| opening_subject(after_opening_clause(toks)?, masked))
    else {
        return None;
    };
    let mut v = toks.iter().position(|t| t.start >= pos)?;
    while v < toks.len() && is_cap(toks[v].word) {
        v += 1;
        if toks[v - 1].trail == Some(',') {
            // Past the apposition: its closing comma comes before the verb.
            let close =
                (v..toks.len().min(v + APPOSITION_WORDS)).find(|&j| toks[j].trail == Some(','))?;
            v = close + 1;
            break;
        }
    }
    let verb = toks.get(v)?;
    let next = toks.get(v + 1).map_or("", |t| t.lower.as_ref());
    let copula = match verb.lower.as_ref() {
        "is" | "was" | "are" | "were" => !next.ends_with("ing"),
        "has" | "had" | "have" => next == "been",
        _ => false,
    };
    let reported_between = (v + 1..toks.len()).any(|j| is_verb_at(toks, j));
    if copula || verb.masked || reported_between {
        return None;
    }
    Some(Attribution {
        at: pos,
        cue: verb.word.to_string(),
        speaker: RawSpeaker::Subject { text, pos },
        inherited: false,
    })
}

/// `Here's Clinton in December 1992: "…"`: the name a sentence presents.
fn presented(toks: &[Tok<'_>]) -> Option<RawSpeaker> {
    let first = toks.first()?;
    let from = match toks.get(1) {
        _ if first.lower == "here" && first.poss => 1,
        Some(t) if first.lower == "here" && t.lower == "is" => 2,
        _ => return None,
    };
    let run = toks[from..]
        .iter()
        .take_while(|t| !t.masked && is_cap(t.word))
        .count();
    if run == 0 || is_non_name(toks[from].word) {
        return None;
    }
    Some(RawSpeaker::Named {
        text: words(&toks[from..from + run]),
        the: false,
        pos: toks[from].start,
    })
}

/// The main clause after a short opening clause set off by a comma (`As if addressing
/// the magnate directly, the Illinois Board of Elections was conclusive:`), or `None`
/// when the sentence does not open on such a clause.
fn after_opening_clause<'t, 'a>(toks: &'t [Tok<'a>]) -> Option<&'t [Tok<'a>]> {
    const OPENING_CLAUSE_WORDS: usize = 12;
    let opener = toks.first()?.lower.as_ref();
    if !matches!(
        opener,
        "as" | "when"
            | "after"
            | "before"
            | "while"
            | "in"
            | "on"
            | "at"
            | "since"
            | "although"
            | "though"
            | "despite"
            | "during"
            | "with"
            | "without"
            | "like"
            | "unlike"
            | "asked"
            | "speaking"
            | "responding"
            | "writing"
    ) {
        return None;
    }
    let comma = toks
        .iter()
        .take(OPENING_CLAUSE_WORDS)
        .position(|t| t.trail == Some(','))?;
    toks.get(comma + 1..).filter(|rest| rest.len() > 1)
}

/// The name that opens a sentence and is followed by its verb ("Clinton has …").
fn opening_subject(toks: &[Tok<'_>], masked: &str) -> Option<RawSpeaker> {
    let speaker = sentence_subject(toks)?;
    let RawSpeaker::Named { pos, .. } = &speaker else {
        return None;
    };
    // The name is the subject only if a verb follows it ("Clinton has …", not "Clinton's
    // plan promises …").
    let first = toks.iter().position(|t| t.start == *pos)?;
    let after = toks[first..].iter().position(|t| !is_cap(t.word))? + first;
    let name = &toks[first..after];
    let contraction = |w: &str| w.contains(['\'', '\u{2019}', '&']);
    let verb_next = verb_after_subject(toks[after].lower.as_ref());
    // A single word opening a sentence is a name only if the article also gives it as
    // the last word of a longer one ("Clinton" after "Hillary Clinton"): "Never", "People"
    // and "Offenders" open sentences too.
    let known_surname = |w: &str| {
        masked.match_indices(w).any(|(i, _)| {
            let before = masked[..i].strip_suffix(' ').unwrap_or("");
            let prev = before.rsplit(' ').next().unwrap_or("");
            masked[i + w.len()..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric())
                && before.len() < i
                && prev.chars().next().is_some_and(char::is_uppercase)
                && !prev.ends_with(['.', ',', ':', ';'])
        })
    };
    if toks[after - 1].poss
        || toks[after - 1].trail.is_some()
        || name.iter().any(|t| contraction(t.word))
        || !verb_next
        || name.len() == 1 && !known_surname(name[0].word)
    {
        return None;
    }
    Some(speaker)
}

/// Whether `next`, the word after a sentence's opening name, reads as its verb ("has",
/// "apologized", "says", "also").
fn verb_after_subject(next: &str) -> bool {
    next.ends_with("ed")
        || next.ends_with('s') && !next.ends_with("ss")
        || matches!(
            next,
            "has"
                | "had"
                | "have"
                | "is"
                | "was"
                | "were"
                | "will"
                | "would"
                | "could"
                | "can"
                | "did"
                | "also"
                | "then"
                | "later"
                | "once"
                | "again"
        )
        || is_verb_modifier(next)
}

/// `Mitch McConnell, R-Ky., delivered a blunt message to Trump: "…"`: as
/// [`opening_subject`], with an apposition between commas after the name.
fn appositive_subject(toks: &[Tok<'_>]) -> Option<RawSpeaker> {
    let mut end = 0;
    while end < toks.len() && is_cap(toks[end].word) && !toks[end].poss {
        end += 1;
        if toks[end - 1].trail.is_some() {
            break;
        }
    }
    if end < 2 || toks[end - 1].trail != Some(',') {
        return None;
    }
    let close = (end..toks.len().min(end + APPOSITION_WORDS)).find(|&j| toks[j].trail.is_some())?;
    if toks[close].trail != Some(',')
        || !describes(&toks[end..=close])
        || !toks
            .get(close + 1)
            .is_some_and(|t| verb_after_subject(&t.lower))
    {
        return None;
    }
    name_run_before(toks, end)
}

fn speaker_at(s: &RawSpeaker, cue: usize) -> usize {
    match s {
        RawSpeaker::Named { pos, .. } => *pos,
        _ => cue,
    }
}

/// The name a sentence opens with (after an introductory clause ending in a comma):
/// "Sen. Bernie Sanders has cast … and accused her of …".
fn sentence_subject(toks: &[Tok<'_>]) -> Option<RawSpeaker> {
    let mut start = subject_start(toks);
    let cap_run_end = |from: usize| {
        let mut end = from;
        while end < toks.len()
            && !toks[end].masked
            && (is_cap(toks[end].word)
                || end > from && (is_name_particle(toks[end].word) || office_of(toks, end)))
        {
            end += 1;
            if toks[end - 1].trail.is_some_and(|c| c != '.') || toks[end - 1].poss {
                break;
            }
        }
        end
    };
    // "And then Trump went …": openers before the subject.
    while start < toks.len().min(4)
        && (is_non_name(toks[start].word) || !is_cap(toks[start].word))
        && toks[start].trail.is_none()
        && !toks[start].masked
    {
        if !is_non_name(toks[start].word) && !is_function_word(&toks[start].lower) {
            break;
        }
        start += 1;
    }
    let mut end = cap_run_end(start);
    // "Teachers' union president Ola Strand welcomed …": a possessive or a descriptor with
    // a title word comes before the name.
    if end > start && end < toks.len() {
        let desc = toks[end..]
            .iter()
            .take(5)
            .take_while(|t| !is_cap(t.word) && !t.masked && t.trail.is_none())
            .count();
        let next_cap = end + desc;
        // The word right before the name must be the title ("union president Ola Strand"),
        // not just any word of a clause ("suspended his presidential campaign Wednesday").
        // "member" is one too here ("Band member Flea"), though not a title to strip or
        // to join "of" to ("one member of staff").
        let titled = next_cap > end
            && (super::lexicon::is_title(toks[next_cap - 1].word)
                || toks[next_cap - 1].lower == "member");
        // "Germany's Chancellor Angela Merkel heralded …": the possessive's owner is no
        // subject either when a name follows it directly.
        if next_cap < toks.len()
            && is_cap(toks[next_cap].word)
            && (toks[end - 1].poss || desc > 0 && titled)
        {
            start = next_cap;
            end = cap_run_end(start);
        }
    }
    if end == start || end >= toks.len() || end == start + 1 && toks[start].lower.ends_with("ing") {
        return None;
    }
    match name_run_before(toks, end)? {
        RawSpeaker::Named { text, the, pos } if pos >= toks[start].start => {
            Some(RawSpeaker::Named { text, the, pos })
        }
        _ => None,
    }
}

/// A pronoun that is the subject of a clause opening `toks` (`However, he held his fire
/// …, calling him a "…"`; `He's predicting …`): nothing but openers before it.
/// The pronoun, not the cue, marks where it stands: it refers to speakers before it.
fn pronoun_subject(toks: &[Tok<'_>], cue: &str) -> Option<Attribution> {
    for (i, t) in toks.iter().enumerate().take(OPENING_CLAUSE_WORDS) {
        if t.masked || is_verb_at(toks, i) || i > 0 && is_cap(t.word) && !is_non_name(t.word) {
            return None;
        }
        if matches!(t.lower.as_ref(), "he" | "she" | "they") {
            return pronoun(&t.lower).map(|g| Attribution {
                speaker: RawSpeaker::pronoun(g),
                cue: cue.to_string(),
                inherited: false,
                at: t.start,
            });
        }
    }
    None
}

/// Where a sentence's subject starts: after its opening clauses ("On Saturday, Baghdad
/// said", "On Thursday, after remaining neutral, Warren appeared", "Speaking in Salem,
/// New Hampshire, Trump went"), at the first name after a comma that is not a town's.
/// A sentence that opens on a name and its verb has its subject at the start ("Sen.
/// Bernie Sanders went on to discuss his rival, Hillary Clinton, saying …"), and so does
/// one whose first comma closes a run of capitalised words ("Bernie Sanders, the senator,
/// said").
fn subject_start(toks: &[Tok<'_>]) -> usize {
    let name_words = toks
        .iter()
        .take_while(|t| {
            is_cap(t.word) && !is_non_name(t.word) && !t.masked && !t.poss && t.trail.is_none()
        })
        .count();
    let opens_on_name = name_words > 0
        && !toks[0].lower.ends_with("ing")
        && toks.get(name_words).is_some_and(|t| {
            !t.masked && !is_cap(t.word) && !is_function_word(&t.lower) && t.trail.is_none()
        });
    if opens_on_name {
        return 0;
    }
    let mut c = 0;
    let mut first = true;
    while c < toks.len().min(OPENING_CLAUSE_WORDS) {
        if toks[c].trail != Some(',') {
            c += 1;
            continue;
        }
        if first && toks[..=c].iter().all(|t| is_cap(t.word)) && !is_non_name(toks[0].word) {
            return 0;
        }
        first = false;
        // Past a town's state and its comma: "in Salem, New Hampshire, Trump".
        let state_end = (c + 1..toks.len().min(c + 4))
            .take_while(|&k| is_cap(toks[k].word) && !toks[k].masked)
            .find(|&k| toks[k].trail.is_some());
        if let Some(k) = state_end.filter(|&k| toks[k].trail == Some(','))
            && town_before_state(toks, c)
        {
            c = k;
        }
        if toks
            .get(c + 1)
            .is_some_and(|n| is_cap(n.word) && !is_non_name(n.word))
        {
            return c + 1;
        }
        c += 1;
    }
    0
}

/// `text` cut to at most `max` bytes, at a word boundary.
fn head(text: &str, max: usize) -> &str {
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
fn tail_start(text: &str, from: usize, to: usize, max: usize) -> usize {
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

fn only_quotes(masked: &str, para: &Range<usize>) -> bool {
    masked[para.clone()]
        .chars()
        .all(|c| c == '\u{1}' || c.is_whitespace() || c.is_ascii_punctuation())
}

fn ends_with_quote(masked: &str, para: &Range<usize>, span: &Span) -> bool {
    masked[span.range.end.min(para.end)..para.end].trim().len() <= 1
}

/// `Sen. Ted Cruz tweeted a warning. "Missouri: …"`: a quotation opening a sentence takes
/// the speaker of the sentence before it in the paragraph when that one ends on its cue.
fn intro_sentence(
    masked: &str,
    sents: &[Range<usize>],
    before: Option<&Range<usize>>,
    span: &Span,
) -> Option<Attribution> {
    let i = sents.iter().position(|s| s.contains(&span.range.start))?;
    if !masked[sents[i].start..span.range.start].trim().is_empty() {
        return None;
    }
    let prev = match i.checked_sub(1) {
        Some(p) => &sents[p],
        None => before?,
    };
    let toks = tokens(&masked[prev.clone()], prev.start);
    let Some(v) = toks.iter().rposition(|t| !t.masked && ends_intro(&t.lower)) else {
        return issued_statement(&toks);
    };
    if toks[v..].iter().any(|t| t.masked) {
        return None;
    }
    let speaker = np_before(&toks, v)?;
    if matches!(speaker, RawSpeaker::Unnamed(_)) {
        return None;
    }
    // `Ghazala Khan says she received a call from her niece … . "She called me …"`: a
    // sentence whose named subject opens it and reports speech also introduces the
    // quotation after it; otherwise only one that ends on its cue does.
    let opens = matches!(&speaker, RawSpeaker::Named { pos, .. } if *pos == toks[0].start);
    if toks.len() - v > INTRO_TAIL && !opens {
        return None;
    }
    Some(introduced_by(speaker, &toks[v]))
}

/// The attribution a sentence before a quotation gives it: `speaker`, with the verb `cue`.
fn introduced_by(speaker: RawSpeaker, cue: &Tok<'_>) -> Attribution {
    Attribution {
        at: speaker_at(&speaker, cue.start),
        speaker,
        cue: cue.word.to_string(),
        inherited: true,
    }
}

/// `At Brazile's direction, the DNC issued a statement apologizing to Sanders.` before a
/// paragraph of quotation: the statement is what follows, and its issuer the speaker.
fn issued_statement(toks: &[Tok<'_>]) -> Option<Attribution> {
    if toks.iter().any(|t| t.masked) {
        return None;
    }
    let v = toks.iter().position(|t| {
        matches!(
            t.lower.as_ref(),
            "issued" | "released" | "published" | "posted" | "sent" | "put"
        )
    })?;
    let object = toks[v + 1..]
        .iter()
        .take(4)
        .position(|t| matches!(t.lower.as_ref(), "statement" | "statements"))?;
    if toks[v + 1..v + 1 + object]
        .iter()
        .any(|t| t.trail.is_some() || matches!(t.lower.as_ref(), "that" | "which"))
    {
        return None;
    }
    let speaker = np_before(toks, v)?;
    if matches!(speaker, RawSpeaker::Unnamed(_) | RawSpeaker::Pronoun { .. }) {
        return None;
    }
    Some(introduced_by(speaker, &toks[v]))
}

/// `Caddell continued:` ending the paragraph before a paragraph that opens with a quote.
fn colon_intro(
    masked: &str,
    paras: &[Range<usize>],
    pi: usize,
    lead: &str,
    closers: &[usize],
) -> Option<Attribution> {
    if pi == 0 || !lead.trim().is_empty() {
        return None;
    }
    let prev = &paras[pi - 1];
    let text = masked[prev.clone()].trim_end();
    if !text.ends_with(':') {
        return None;
    }
    let sents = sentences(masked, prev, closers);
    let last = sents.last()?;
    let toks = tokens(&masked[last.clone()], last.start);
    cue_before(&toks, toks.len(), true)
}

/// `“…” ― Sonya Herridge`: a quotation that opens its line, signed with a dash and a
/// name to the end of the line (pull quotes, readers' round-ups, epigraphs). Only a name
/// may follow the dash, with at most a short description after a comma (`— Jo Lee, 34,
/// Phoenix`); a dash after a quotation inside a sentence is an aside or a reporter's
/// sign-off (`… "still the No. 1 force in Spain."--Kim Hjelmgaard`), never this.
fn dash_signoff(masked: &str, span: &Span) -> Option<Attribution> {
    // Only the white space either side is read before the dash is known to be there, so a
    // long paragraph with many quotations stays linear.
    let inline_space = |c: char| c.is_whitespace() && c != '\n';
    let before = masked[..span.range.start].trim_end_matches(inline_space);
    if !(before.is_empty() || before.ends_with('\n')) {
        return None;
    }
    let rest = &masked[span.range.end..];
    let trimmed = rest.trim_start_matches(inline_space);
    let dashed = trimmed
        .strip_prefix(['\u{2015}', '\u{2014}', '\u{2013}'])
        .or_else(|| trimmed.strip_prefix("--"))?;
    let signed = &dashed[..dashed.find(['\n', MASK as char]).unwrap_or(dashed.len())];
    let base = span.range.end + (rest.len() - dashed.len());
    let toks = tokens(signed, base);
    let name_len = toks
        .iter()
        .position(|t| t.trail.is_some_and(|c| c != '.'))
        .map_or(toks.len(), |i| i + 1);
    let named = (1..=SIGNOFF_NAME_WORDS).contains(&name_len)
        && toks.len() <= name_len + SIGNOFF_DESCRIPTION_WORDS
        && toks[..name_len]
            .iter()
            .all(|t| is_cap(t.word) || is_name_particle(t.word));
    if !named {
        return None;
    }
    let speaker @ RawSpeaker::Named { .. } = name_run_before(&toks, name_len)? else {
        return None;
    };
    let at = speaker_at(&speaker, base);
    Some(Attribution {
        speaker,
        cue: trimmed[..trimmed.len() - dashed.len()].to_string(),
        inherited: false,
        at,
    })
}

/// `," X said` or `," said X` right after the quotation.
fn from_after(after: &str, base: usize, ends_sentence: bool) -> Option<Attribution> {
    let toks = tokens(after, base);
    // `"…," Eric Woolson, an Iowa Republican strategist and former adviser, said`: a name
    // with an apposition right after the quote may put the verb further away.
    // So may a described source (`," the source, who spoke on condition of anonymity, said`).
    let appositive = toks
        .first()
        .is_some_and(|t| is_cap(t.word) || is_determiner(&t.lower))
        && toks
            .iter()
            .take(4)
            .any(|t| t.trail == Some(',') || matches!(t.lower.as_ref(), "of" | "at" | "from"));
    let reach = if appositive {
        AFTER_WINDOW_APPOSITION
    } else {
        AFTER_WINDOW
    };
    let window = if appositive {
        toks.len().min(reach)
    } else {
        toks.iter().take(reach).take_while(|t| !t.masked).count()
    };
    for v in 0..window {
        let t = &toks[v];
        if t.lower == "according" && toks.get(v + 1).is_some_and(|n| n.lower == "to") {
            let speaker = np_after(&toks, v + 1)?;
            let at = speaker_at(&speaker, t.start);
            return Some(Attribution {
                speaker,
                cue: "according to".into(),
                inherited: false,
                at,
            });
        }
        if !is_verb_at(&toks, v) {
            continue;
        }
        // Inverted: the verb comes first (after modifiers): `said Caddell`.
        // `"first one" to say the group must go`: an infinitive after the quotation is
        // no attribution, inverted or not.
        if v >= 1 && toks[v - 1].lower == "to" && toks[..v - 1].iter().all(modifies_verb) {
            continue;
        }
        if toks[..v].iter().all(modifies_verb) {
            // `," asked Mikulski` names the speaker; `," told X` does not happen.
            if is_tell(&t.lower) || is_weak_verb(&t.lower) {
                return None;
            }
            let speaker = np_after(&toks, v)?;
            let at = speaker_at(&speaker, t.start);
            return Some(Attribution {
                speaker,
                cue: t.word.to_string(),
                inherited: false,
                at,
            });
        }
        // `… for the EU, said Geert Wilders, founder of …`: inverted after a comma.
        if let Some(a) = inverted_after_comma(&toks, v) {
            return Some(a);
        }
        // A sentence that moved on ("… , which the senator said …") is not an attribution,
        // unless it ends with one ("…" that is blatantly sexist, Brock said.).
        let moved_on = toks[..v].iter().any(|p| {
            matches!(
                p.lower.as_ref(),
                "that" | "which" | "because" | "if" | "when" | "as" | "while" | "after" | "before"
            )
        });
        let closing = v + 1 >= toks.len() || toks[v].trail.is_some() || v + 2 >= toks.len();
        let after_comma = v >= 2
            && toks[..v - 1]
                .iter()
                .rev()
                .take(4)
                .any(|p| p.trail == Some(','));
        if moved_on && !(closing && after_comma) {
            return None;
        }
        // `"…." The candidate reiterated: "…"`: a new sentence ending in a colon
        // introduces the quotation after it, not the one before (but `"…," he said,
        // adding: "…"` is the attribution of both, and so is `"…." Harris added: "…"`,
        // whose verb says the speaker goes on).
        let goes_on = matches!(
            t.lower.as_ref(),
            "added" | "adds" | "continued" | "continues"
        );
        if ends_sentence && !goes_on && introduces_next(&toks[v..]) {
            return None;
        }
        // The verb of a relative clause with no named antecedent (`the source, who spoke
        // on condition of anonymity, said`) leaves the next verb to try.
        let Some(speaker) = np_before(&toks, v) else {
            if v >= 1 && matches!(toks[v - 1].lower.as_ref(), "who" | "which") {
                continue;
            }
            return None;
        };
        // A weak verb ("posted", "continued") attributes only with its subject right there;
        // without one it is no cue, and a later verb may still be ("… and donations began
        // to pick up, Gilbert said").
        if is_weak_verb(&t.lower) && matches!(speaker, RawSpeaker::Unnamed(_)) {
            continue;
        }
        if moved_on && !matches!(speaker, RawSpeaker::Named { .. }) {
            return None;
        }
        // The subject must open the text after the quotation (`," Mr Patel said`); a verb
        // further on with its own subject belongs to another clause ("… for Ginsburg to
        // criticize Trump").
        let subject_start = match &speaker {
            RawSpeaker::Named { pos, .. } => toks.iter().position(|p| p.start == *pos).unwrap_or(v),
            _ => v,
        };
        let opens = toks[..subject_start.min(v)].iter().all(|p| {
            !p.masked
                && (!is_speech_verb(&p.lower) || is_cap(p.word))
                && !matches!(
                    p.lower.as_ref(),
                    "that"
                        | "which"
                        | "who"
                        | "to"
                        | "with"
                        | "without"
                        | "despite"
                        | "because"
                        | "if"
                        | "when"
                        | "while"
                        | "after"
                        | "before"
                        | "as"
                        | "but"
                )
        });
        // `"…," and donations began to pick up, Gilbert said.`: a sentence that ends on
        // its attribution, set off by a comma, attributes whatever came between.
        let set_off = closing && subject_start > 0 && toks[subject_start - 1].trail == Some(',');
        if !opens && !moved_on && !set_off {
            return None;
        }
        let at = speaker_at(&speaker, t.start);
        return Some(Attribution {
            speaker,
            cue: t.word.to_string(),
            inherited: false,
            at,
        });
    }
    // Beyond the window, only a sentence that ends on its attribution, set off by a comma:
    // `"…," and donations began to pick up again last week, Gilbert said.`
    (window..toks.len()).find_map(|v| {
        if toks[v].masked || !is_verb_at(&toks, v) {
            return None;
        }
        if let Some(a) = inverted_after_comma(&toks, v) {
            return Some(a);
        }
        let speaker = np_before(&toks, v).filter(|_| ends_sentence_after(&toks, v))?;
        let RawSpeaker::Named { pos, .. } = &speaker else {
            return None;
        };
        let subject = toks.iter().position(|p| p.start == *pos)?;
        let set_off = subject > 0 && toks[subject - 1].trail == Some(',');
        set_off.then(|| Attribution {
            at: speaker_at(&speaker, toks[v].start),
            speaker,
            cue: toks[v].word.to_string(),
            inherited: false,
        })
    })
}

/// `"…," Oliver barked.`: after a quotation closed by a comma, a name and one verb in
/// the past tense that ends the sentence attribute it whatever the verb (`retaliated`,
/// `scoffed`): nothing else can follow a comma-closed quotation that way.
fn name_then_verb(after: &str, base: usize) -> Option<Attribution> {
    let toks = tokens(after, base);
    let v = toks.iter().position(|t| !is_cap(t.word))?;
    let verb = &toks[v];
    let ends = v + 1 == toks.len() || verb.trail.is_some_and(|c| matches!(c, '.' | '!' | '?'));
    if v == 0
        || toks[..=v].iter().any(|t| t.masked)
        || toks[..v].iter().any(|t| t.trail.is_some() || t.poss)
        || !ends
        || verb.lower.len() < 5
        || !verb.lower.ends_with("ed")
    {
        return None;
    }
    let speaker @ RawSpeaker::Named { pos, .. } = name_run_before(&toks, v)? else {
        return None;
    };
    Some(Attribution {
        at: pos,
        cue: verb.word.to_string(),
        speaker,
        inherited: false,
    })
}

/// Whether the sentence ends at the verb `toks[v]` or after a short tail saying when,
/// where or to whom (`Gilbert wrote in a court filing.`, `Gilbert told reporters.`,
/// `Gilbert said Tuesday.`); not after an object (`Carter stressed bipartisan support`)
/// or a clause of its own (`Gilbert said that …`).
fn ends_sentence_after(toks: &[Tok<'_>], v: usize) -> bool {
    const TAIL: usize = 5;
    if v + 1 == toks.len() || toks[v].trail.is_some_and(|c| c != ',') {
        return true;
    }
    let tail = &toks[v + 1..];
    let first = tail[0].lower.as_ref();
    let circumstance = is_tell(&toks[v].lower)
        || matches!(
            first,
            "in" | "on" | "at" | "during" | "to" | "via" | "last" | "earlier" | "late"
        )
        || super::lexicon::is_time_word(first);
    toks[v].trail.is_none()
        && circumstance
        && tail.len() <= TAIL
        && tail
            .last()
            .is_some_and(|t| matches!(t.trail, Some('.' | '!' | '?')))
        && tail[..tail.len() - 1].iter().all(|t| t.trail.is_none())
        && tail.iter().all(|t| {
            !t.masked
                && !matches!(
                    t.lower.as_ref(),
                    "that"
                        | "which"
                        | "who"
                        | "whom"
                        | "and"
                        | "but"
                        | "or"
                        | "because"
                        | "if"
                        | "when"
                        | "while"
                        | "although"
                        | "after"
                        | "before"
                        | "as"
                )
        })
}

/// An adverb or other word that may stand between a speaker and the verb. A capitalised
/// word ending in "-ly" is an adverb only in an adverb's shape ("Previously", "Initially",
/// "Broadly"); otherwise it is a name ("Kelly said", "Skelly called", "Connolly").
fn modifies_verb(t: &Tok<'_>) -> bool {
    let lower = t.lower.as_ref();
    // A capitalised "May" or "Will" before a verb is a name (`Theresa May said`), not a
    // modal.
    is_verb_modifier(lower)
        && (!is_cap(t.word) || !lower.ends_with("ly") || is_adverb_shaped(lower))
        && !(is_cap(t.word) && matches!(lower, "may" | "will"))
}

/// "tell" in any form: the phrase after it is the listener (`telling Fox 35 that …`), so
/// it never names the speaker of an inverted attribution.
fn is_tell(w: &str) -> bool {
    matches!(w, "told" | "tells" | "tell" | "telling")
}

/// Whether the clause starting at `toks[0]` ends in a colon right before a quotation.
fn introduces_next(toks: &[Tok<'_>]) -> bool {
    let open = toks.iter().take_while(|t| !t.masked).count();
    open < toks.len() && open > 0 && toks[open - 1].trail == Some(':')
}

/// `…, said Geert Wilders, founder of …`: a speech verb right after a comma, followed by
/// its speaker (a name, or a described source).
fn inverted_after_comma(toks: &[Tok<'_>], v: usize) -> Option<Attribution> {
    let t = &toks[v];
    if v == 0 || toks[v - 1].trail != Some(',') || is_tell(&t.lower) || is_weak_verb(&t.lower) {
        return None;
    }
    let speaker = np_after(toks, v)?;
    let named = match &speaker {
        RawSpeaker::Named { .. } => true,
        RawSpeaker::Unnamed(d) => !d.is_empty(),
        _ => false,
    };
    named.then(|| Attribution {
        at: speaker_at(&speaker, t.start),
        speaker,
        cue: t.word.to_string(),
        inherited: false,
    })
}

/// `X said: "` / `X, the …, called the strikes a "…"` / `according to X, "…"` before it.
fn from_before(toks: &[Tok<'_>]) -> Option<Attribution> {
    cue_before(toks, toks.len(), false)
}

fn cue_before(toks: &[Tok<'_>], end: usize, colon_only: bool) -> Option<Attribution> {
    // The nearest cue wins; but when it names nobody ("… the areas that were hacked
    // suggested …"), an earlier cue in the sentence that names someone is better.
    let mut fallback: Option<Attribution> = None;
    let mut v = end;
    while v > 0 {
        v -= 1;
        let t = &toks[v];
        if t.masked {
            continue;
        }
        let found = |speaker: RawSpeaker, cue: &str| {
            let at = speaker_at(&speaker, t.start);
            Attribution {
                speaker,
                cue: cue.to_string(),
                inherited: false,
                at,
            }
        };
        let candidate =
            if t.lower == "according" && toks.get(v + 1).is_some_and(|n| n.lower == "to") {
                np_after(toks, v + 1).map(|s| found(s, "according to"))
            } else if !is_verb_at(toks, v)
                || is_weak_verb(&t.lower) && end - v > WEAK_WINDOW && !colon_only
                || colon_only && is_weak_verb(&t.lower) && end - v > 6
            {
                continue;
            } else if t.lower.ends_with("ing") {
                // `…, Nefzi said, adding "…"`: a participle's subject is that of the
                // speech verb right before it (`he told reporters, adding`), else the
                // sentence's.
                let said = [1, 2]
                    .into_iter()
                    .filter_map(|back| v.checked_sub(back))
                    .find(|&k| {
                        is_verb_at(toks, k)
                            && !toks[k].lower.ends_with("ing")
                            && toks[v - 1].trail == Some(',')
                            && (k + 1 == v || !is_cap(toks[v - 1].word))
                    });
                // `…, with Donald Trump tweeting that …`: the name before the participle
                // is its subject.
                let with_subject = || {
                    np_before(toks, v).filter(|s| match s {
                        RawSpeaker::Named { pos, .. } => toks
                            .iter()
                            .position(|p| p.start == *pos)
                            .and_then(|i| i.checked_sub(1))
                            .is_some_and(|i| toks[i].lower == "with"),
                        _ => false,
                    })
                };
                said.and_then(|k| np_before(toks, k))
                    .filter(|s| matches!(s, RawSpeaker::Named { .. } | RawSpeaker::Pronoun { .. }))
                    .or_else(with_subject)
                    .or_else(|| sentence_subject(&toks[..v]))
                    .map(|s| found(s, t.word))
                    .or_else(|| pronoun_subject(&toks[..v], t.word))
            } else if v > 0 && matches!(toks[v - 1].lower.as_ref(), "and" | "but" | "or") {
                // `… and warned of "…"`: the subject is the sentence's.
                np_before(toks, v)
                    .or_else(|| sentence_subject(&toks[..v]))
                    .or_else(|| inverted_before(toks, v, end))
                    .map(|s| found(s, t.word))
                    .or_else(|| pronoun_subject(&toks[..v], t.word))
            } else {
                match np_before(toks, v) {
                    Some(s @ (RawSpeaker::Named { .. } | RawSpeaker::Pronoun { .. })) => Some(s),
                    other => inverted_before(toks, v, end).or(other),
                }
                .map(|s| found(s, t.word))
            };
        // `… expects President Obama to announce an "intensification"`: an infinitive is
        // inside what someone else says, so an earlier cue with a subject comes first.
        let infinitive = v > 0 && toks[v - 1].lower == "to";
        match candidate {
            Some(a) if matches!(a.speaker, RawSpeaker::Unnamed(_)) || infinitive => {
                fallback.get_or_insert(a);
            }
            Some(a) => return Some(a),
            None => {}
        }
    }
    fallback
}

/// `But, said Solovey, "…"`: a speech verb opening its clause, then a name that runs up
/// to the quotation (set off by a comma or colon).
fn inverted_before(toks: &[Tok<'_>], v: usize, end: usize) -> Option<RawSpeaker> {
    let opens_clause = v == 0
        || toks[v - 1]
            .trail
            .is_some_and(|c| matches!(c, ',' | ';' | '.'))
        || matches!(toks[v - 1].lower.as_ref(), "and" | "but");
    if !opens_clause || is_tell(&toks[v].lower) || is_weak_verb(&toks[v].lower) {
        return None;
    }
    let speaker = np_after(toks, v)?;
    let RawSpeaker::Named { pos, .. } = &speaker else {
        return None;
    };
    // The name must end the text before the quotation, or be followed only by its
    // apposition (`Said Dorothy Poynter, who grew up with Ali, "…"`).
    let first = toks.iter().position(|t| t.start == *pos)?;
    let last = (first..end).find(|&i| toks[i].trail.is_some())?;
    let introduces = |i: usize| toks[i].trail.is_some_and(|c| matches!(c, ',' | ':'));
    let apposition = || {
        toks[last].trail == Some(',')
            && end >= 2
            && introduces(end - 1)
            && toks.get(last + 1).is_some_and(|t| {
                matches!(t.lower.as_ref(), "who" | "a" | "an" | "the")
                    || t.word.bytes().all(|b| b.is_ascii_digit())
            })
            && !toks[last + 1..end].iter().any(|t| t.masked)
    };
    (last + 1 == end && introduces(last) || apposition()).then_some(speaker)
}

/// The speaker phrase ending right before token `v` (a verb), skipping modifiers and an
/// apposition between commas.
fn np_before(toks: &[Tok<'_>], v: usize) -> Option<RawSpeaker> {
    let mut i = v;
    while i > 0
        && (modifies_verb(&toks[i - 1]) || super::lexicon::is_time_word(&toks[i - 1].lower))
        && toks[i - 1].trail.is_none()
    {
        i -= 1;
    }
    if i == 0 {
        return None;
    }
    let last = &toks[i - 1];
    if last.masked {
        return None;
    }
    // "The Biden administration, which suggested": the antecedent before the comma.
    if matches!(last.lower.as_ref(), "which" | "who")
        && i >= 2
        && (toks[i - 2].trail == Some(',') || is_cap(toks[i - 2].word))
    {
        return match name_run_before(toks, i - 1)? {
            RawSpeaker::Unnamed(_) => None,
            named => Some(named),
        };
    }
    if let Some(g) = pronoun(&last.lower) {
        // `Trump said he responded: "…"`: "he" is the one who said so.
        if g.is_some()
            && i >= 2
            && is_verb_at(toks, i - 2)
            && !toks[i - 2].lower.ends_with("ing")
            && let Some(named @ RawSpeaker::Named { .. }) = np_before(toks, i - 2)
        {
            return Some(named);
        }
        return (last.lower != "it" && last.lower != "who").then_some(RawSpeaker::pronoun(g));
    }
    let mut end = i; // exclusive end of the name run
    // Apposition: `Yahya Rasool, the Prime Minister's military spokesman, called`.
    if last.trail == Some(',') || toks[i - 1].trail == Some(',') {
        let mut j = i - 1;
        let mut found = None;
        // A short quotation may sit inside the apposition (`Bill Eastland, wearing a
        // cowboy hat and "Ted Cruz" campaign pins, said`), a long one may not.
        let mut quoted = 0;
        while j > 0 && i - j <= APPOSITION_WORDS {
            j -= 1;
            if toks[j].masked {
                quoted += 1;
                if quoted > 3 {
                    break;
                }
                continue;
            }
            if toks[j].trail == Some(',') {
                found = Some(j);
                break;
            }
        }
        let mut j = found?;
        if quoted > 0
            && !toks.get(j + 1).is_some_and(|t| {
                t.lower.ends_with("ing") || matches!(t.lower.as_ref(), "a" | "an" | "the" | "who")
            })
        {
            return None;
        }
        // "Dean Johnson, a salesman from Sumter, South Carolina, says", "Cory James, 22, of
        // Flint, Mich., said": a town and its state, and an age, sit inside the apposition.
        let widen = |mut j: usize| {
            let mut widened = false;
            loop {
                if town_before_state(toks, j)
                    && let Some(k) = comma_before(toks, j, i)
                {
                    j = k;
                    widened = true;
                } else if widened
                    && j >= 1
                    && toks[j].word.bytes().all(|b| b.is_ascii_digit())
                    && toks[j - 1].trail == Some(',')
                {
                    j -= 1;
                } else {
                    return j;
                }
            }
        };
        j = widen(j);
        // "Harry Bond, 30, of Raleigh, N.C., who was among those polled, said": a relative
        // clause closing the apposition reaches back past the state to the name.
        if matches!(toks[j + 1].lower.as_ref(), "who" | "whose")
            && !matches!(name_run_before(toks, j + 1), Some(RawSpeaker::Named { .. }))
            && let Some(k) = comma_before(toks, j, i)
        {
            j = widen(k);
        }
        // "A voter from Columbia, South Carolina, said": the state closes the town, and the
        // phrase ending with the town is the subject.
        if town_before_state(toks, j) && super::lexicon::is_place(&words(&toks[j + 1..i])) {
            return name_run_before(toks, j + 1);
        }
        if !describes(&toks[j + 1..i]) {
            // "Trump's attorney, Alan Garten, said": the apposition is the name.
            let before_descriptive = toks[..=j].iter().rev().take(6).any(|t| !is_cap(t.word));
            return if before_descriptive {
                name_run_before(toks, i)
            } else {
                None
            };
        }
        end = j + 1;
        // "The previous owner, investment firm Castor Capital, said": the apposition names.
        return match name_run_before(toks, end) {
            Some(RawSpeaker::Named { text, the, pos }) => {
                Some(RawSpeaker::Named { text, the, pos })
            }
            other => match name_run_before(toks, i) {
                Some(named @ RawSpeaker::Named { .. }) => Some(named),
                _ => other,
            },
        };
    }
    name_run_before(toks, end)
}

/// Whether an apposition describes ("the Prime Minister's military spokesman", "Sanders'
/// campaign manager", "35", a party tag "R-Ky."), where a list of names ("Cruz, Rubio and
/// Kasich") does not.
fn describes(appos: &[Tok<'_>]) -> bool {
    let party_tag = |w: &str| {
        w.len() >= 3 && w.as_bytes()[1] == b'-' && matches!(w.as_bytes()[0], b'R' | b'D' | b'I')
    };
    appos.iter().any(|t| {
        !is_cap(t.word) && !matches!(t.lower.as_ref(), "and" | "or") && !is_name_particle(t.word)
            || party_tag(t.word)
    })
}

/// Whether token `j` (followed by a comma) ends a town named after "from", "of", "in" …:
/// the comma then separates the town from its state or country, not an apposition.
fn town_before_state(toks: &[Tok<'_>], j: usize) -> bool {
    let mut m = j + 1;
    while m > 0 && is_cap(toks[m - 1].word) && !toks[m - 1].masked && j + 1 - m < 4 {
        m -= 1;
        if m < j && toks[m].trail.is_some() {
            return false;
        }
    }
    m <= j
        && m > 0
        && matches!(
            toks[m - 1].lower.as_ref(),
            "from" | "of" | "in" | "at" | "near" | "outside"
        )
}

/// The nearest token before `j` that ends in a comma, no further than
/// [`APPOSITION_WORDS`] from `i`.
fn comma_before(toks: &[Tok<'_>], j: usize, i: usize) -> Option<usize> {
    (0..j)
        .rev()
        .take_while(|&k| i - k <= APPOSITION_WORDS && !toks[k].masked)
        .find(|&k| toks[k].trail == Some(','))
}

/// Whether a name can go on no further than `t`: punctuation after it (not the full stop
/// of an initial or abbreviation, `John F. Kerry`) or a possessive.
fn closes_name(t: &Tok<'_>) -> bool {
    t.trail.is_some_and(|c| c != '.' || !t.word.ends_with('.')) || t.poss
}

/// Whether `toks[i]` is the "of" of an office followed by its holder's name (`Secretary
/// of State John Kerry`, `Director of National Intelligence James Clapper`): a
/// capitalised title joined to it, then three capitalised words at least, the office's
/// object and a name. `the Bishop of Durham` and `the House of Lords` name no one else.
fn office_of(toks: &[Tok<'_>], i: usize) -> bool {
    let titled = i >= 1 && {
        let t = &toks[i - 1];
        is_cap(t.word) && is_title(t.word) && t.trail.is_none() && !t.poss && !t.masked
    };
    if toks[i].lower != "of" || !titled {
        return false;
    }
    let mut run = 0;
    let mut last = None;
    for t in &toks[i + 1..] {
        if t.masked || !is_cap(t.word) {
            break;
        }
        run += 1;
        last = Some(t);
        if closes_name(t) {
            break;
        }
    }
    run >= 3 && last.is_some_and(|t| !super::lexicon::is_org_word(t.word))
}

/// The person "of", "at" or "from" an institution or place whose name starts at `k`
/// (`Jeffrey Lewis of the James Martin Center`), where the run `start..end` (not empty)
/// before the verb is the end of that name.
fn person_of(toks: &[Tok<'_>], start: usize, end: usize, mut k: usize) -> Option<RawSpeaker> {
    if k == start
        && k >= 2
        && super::lexicon::is_place(&words(&toks[start..end]))
        && toks[k - 1].trail == Some(',')
        && is_cap(toks[k - 1].word)
        && matches!(toks[k - 2].lower.as_ref(), "of" | "from")
    {
        k -= 1;
    }
    if k > 0 && toks[k - 1].lower == "the" {
        k -= 1;
    }
    if k >= 2
        && matches!(toks[k - 1].lower.as_ref(), "of" | "at" | "from")
        && is_cap(toks[k - 2].word)
        && toks[k - 2].trail.is_none()
        && let Some(named @ RawSpeaker::Named { .. }) = name_run_before(toks, k - 1)
        && let RawSpeaker::Named { text, .. } = &named
        && text.contains(' ')
        // Titles go first: "House Speaker Paul D. Ryan of Wisconsin" is a person.
        && !crate::speakers::clean_name(text)
            .name
            .split(' ')
            .any(super::lexicon::is_org_word)
    {
        return Some(named);
    }
    None
}

fn name_run_before(toks: &[Tok<'_>], end: usize) -> Option<RawSpeaker> {
    // "the Trump campaign said", "the Biden administration": a name plus an organisation noun.
    if end >= 2
        && is_org_noun(&toks[end - 1].lower)
        && is_cap(toks[end - 2].word)
        && !toks[end - 2].masked
        && toks[end - 2].trail.is_none()
        && let Some(RawSpeaker::Named { text, pos, .. }) = name_run_before(toks, end - 1)
    {
        return Some(RawSpeaker::Named {
            text: format!("{text} {}", toks[end - 1].word),
            the: true,
            pos,
        });
    }
    let mut start = end;
    while start > 0 {
        let t = &toks[start - 1];
        if t.masked {
            break;
        }
        // A possessive before the name is its outlet or employer ("the Journal's Jennifer
        // Smith"), not part of it.
        let stops = closes_name(t) && start != end;
        if stops {
            break;
        }
        // A photo credit ("Virginia Turbett/Redferns Suggs said") ends the name. An office
        // named with "of" is a title before it, not an institution it belongs to
        // ("Former Secretary of State Madeleine Albright said").
        let namey = (is_cap(t.word)
            || start != end && (is_name_particle(t.word) || office_of(toks, start - 1)))
            && !t.word.contains('/');
        if !namey {
            break;
        }
        start -= 1;
    }
    // Drop sentence openers ("But", "The") from the front; remember a leading "the".
    while start < end
        && (is_non_name(toks[start].word)
            || not_a_name(&toks[start], start == 0) && !surname_may(toks, start, end)
            || toks[start].lower.ends_with("ly") && modifies_verb(&toks[start])
            || super::lexicon::is_page_furniture(
                toks[start].word,
                toks[start + 1..end].first().map(|t| t.word),
            ))
    {
        start += 1;
    }
    // "one senior Tory MP said": a party and a seat describe someone unnamed.
    if end - start == 2
        && super::lexicon::is_post_nominal(toks[end - 1].word)
        && start > 0
        && !toks[start - 1].masked
        && toks[start - 1].trail.is_none()
        && !is_cap(toks[start - 1].word)
    {
        let described = description_before(toks, end);
        if !described.is_empty() {
            return Some(RawSpeaker::Unnamed(described));
        }
    }
    // A word of an institution's name: capitalised, joined to the next.
    let name_word = |t: &Tok<'_>| is_cap(t.word) && t.trail.is_none() && !t.masked && !t.poss;
    // "Jeffrey Lewis of the James Martin Center said": the person, not the institution,
    // whose name may run on through "for", "of", "in" or "on" ("Center for
    // Nonproliferation Studies", "the Institute of Peace in Washington"), and "Stacy Baker
    // of Columbia, South Carolina says": the person, not the state. Each place the
    // institution's name may start is tried, nearest first, so "Jane Smith of Washington"
    // stays the person and is not read as part of an institution.
    if start < end {
        let mut k = start;
        loop {
            if let Some(person) = person_of(toks, start, end, k) {
                return Some(person);
            }
            let joined = k >= 2
                && matches!(toks[k - 1].lower.as_ref(), "for" | "of" | "in" | "on")
                && name_word(&toks[k - 2]);
            if !joined {
                break;
            }
            k -= 2;
            while k > 0 && name_word(&toks[k - 1]) {
                k -= 1;
            }
        }
    }
    let the = start > 0 && matches!(toks[start - 1].lower.as_ref(), "the");
    // "The Spaniard added": a nationality names the person just written about.
    if the && end - start == 1 && super::lexicon::is_demonym(&toks[start].lower) {
        let lower = toks[start].lower.as_ref();
        let gender = if lower.ends_with("woman") {
            Some(Gender::Female)
        } else if lower.ends_with("man") {
            Some(Gender::Male)
        } else {
            None
        };
        return Some(RawSpeaker::Pronoun {
            gender,
            person: true,
        });
    }
    if start >= end {
        let last = &toks[end.checked_sub(1)?];
        let source_noun = !last.masked
            && (last.word.chars().all(|c| c.is_alphabetic() || c == '-')
                || super::lexicon::is_source_noun(&last.lower))
            && !is_function_word(&last.lower);
        return source_noun.then(|| refers_back(description_before(toks, end)));
    }
    // Where the name's phrase starts, with its "the".
    let k = if the { start - 1 } else { start };
    // "A spokesman for Bernie Sanders said": the spokesman speaks, not Sanders.
    if let Some(head) = of_a_source(toks, k) {
        return Some(RawSpeaker::Unnamed(format!(
            "{head} {}",
            words(&toks[k - 1..end])
        )));
    }
    // "A source speaking to Fox News said": the name is who listened; the speaker is the
    // phrase before "speaking to".
    if k >= 2
        && toks[k - 1].lower == "to"
        && toks[k - 2].lower.ends_with("ing")
        && toks[k - 2].lower != "according"
        && toks[k - 2].trail.is_none()
    {
        return name_run_before(toks, k - 2);
    }
    let text = words(&toks[start..end]);
    Some(RawSpeaker::Named {
        text,
        the,
        pos: toks[start].start,
    })
}

/// The noun phrase ending with token `end - 1` (a common noun), as written: "a State
/// Department official", "one Trump campaign source", "Clinton aides". It runs back to a
/// determiner, or stops at punctuation, a clause word or a preposition (the phrase then
/// starts after it); six words at most.
fn description_before(toks: &[Tok<'_>], end: usize) -> String {
    if !super::lexicon::is_source_noun(&toks[end - 1].lower) {
        return String::new();
    }
    let mut start = end - 1;
    while start > 0 && end - start < 6 {
        let t = &toks[start - 1];
        if t.masked || t.trail.is_some() || t.poss && !is_cap(t.word) || is_clause_word(&t.lower) {
            break;
        }
        if is_determiner(&t.lower) {
            start -= 1;
            break;
        }
        let lower_case = !is_cap(t.word);
        if is_function_word(&t.lower)
            || lower_case && (super::lexicon::is_speech_verb(&t.lower) || t.lower.ends_with("ing"))
        {
            break;
        }
        start -= 1;
    }
    // "a spokesman for the agency": the phrase's head comes before its complement.
    match of_a_source(toks, start) {
        Some(head) => format!("{head} {}", words(&toks[start - 1..end])),
        None => words(&toks[start..end]),
    }
}

/// A described source, or, for "the 55-year-old" and "the father-of-two", the person
/// named before: news calls someone so only after naming them, so it reads as "he" or
/// "she" would (`a 16-year-old said` still describes someone new).
fn refers_back(description: String) -> RawSpeaker {
    let mut words = description.split(' ');
    let definite = words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    let Some(head) = words
        .map(str::to_lowercase)
        .find(|w| w.ends_with("-year-old") || w.contains("-of-"))
        .filter(|_| definite)
    else {
        return RawSpeaker::Unnamed(description);
    };
    let gender = match head.split('-').next() {
        Some("father" | "grandfather") => Some(Gender::Male),
        Some("mother" | "grandmother") => Some(Gender::Female),
        _ => None,
    };
    RawSpeaker::Pronoun {
        gender,
        person: true,
    }
}

/// The description ending before "for", "of", "to", "at", "in" or "from" at `start - 1`
/// when it names a source ("a spokesman" in "a spokesman for …", "an aide" in "an aide to
/// …", "a voter" in "a voter from Columbia").
fn of_a_source(toks: &[Tok<'_>], start: usize) -> Option<String> {
    // "A statement from the police" is theirs (see `document_author`), not a source.
    let preposition = start >= 2
        && match toks[start - 1].lower.as_ref() {
            "for" | "of" | "to" | "at" => true,
            "in" | "from" => !is_document(&toks[start - 2].lower),
            _ => false,
        };
    (preposition && toks[start - 2].trail.is_none() && !toks[start - 2].masked)
        .then(|| description_before(toks, start - 1))
        .filter(|d| !d.is_empty())
}

/// Words that open a noun phrase describing a source.
fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "another"
            | "some"
            | "several"
            | "many"
            | "most"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
            | "other"
            | "both"
            | "each"
            | "one"
    ) || is_number_word(w)
}

/// The tokens' words joined by spaces, without the punctuation after the last.
fn words(toks: &[Tok<'_>]) -> String {
    toks.iter().map(|t| t.word).collect::<Vec<_>>().join(" ")
}

/// The speaker phrase right after token `v` (`said Caddell`, `according to the ministry`).
fn np_after(toks: &[Tok<'_>], v: usize) -> Option<RawSpeaker> {
    let first = toks.get(v + 1)?;
    if first.masked || is_clause_word(&first.lower) && first.lower != "according" {
        return None;
    }
    if let Some(g) = pronoun(&first.lower) {
        return (first.lower != "it").then_some(RawSpeaker::pronoun(g));
    }
    // The phrase runs to the first punctuation or clause word; descriptors may come before
    // the name ("said Concord resident Whit Symms", "said Clinton's aide Jake Sullivan"),
    // and the name is its last capitalised run.
    let mut end = v + 1;
    while let Some(t) = toks.get(end) {
        // "of" after an office belongs to its title when no name has come yet ("said
        // former secretary of state Hillary Clinton", "said Former Secretary of State
        // Madeleine Albright").
        let office = t.lower == "of" && {
            let before = &toks[v + 1..end];
            is_title(&toks[end - 1].lower) && !before.iter().any(|t| is_cap(t.word))
                || !before.iter().any(|t| is_cap(t.word) && !is_title(&t.lower))
                    && office_of(toks, end)
        };
        if t.masked || end > v + 1 && is_clause_word(&t.lower) && !office || end - v > 10 {
            break;
        }
        end += 1;
        if t.trail.is_some_and(|c| c != '.' || !t.word.ends_with('.')) {
            break;
        }
    }
    let phrase = &toks[v + 1..end];
    // `according to a statement from the White House`: the document's author speaks.
    if phrase
        .last()
        .is_some_and(|t| t.trail.is_none() && is_document(&t.lower))
        && let Some(author) = document_author(toks, end)
    {
        return Some(author);
    }
    // `said his lawyer, John Dowd`, `said Mr. Trump's spokeswoman, Hope Hicks`: a role set
    // off by a comma is named right after it.
    if let Some(role) = phrase.last()
        && role.trail == Some(',')
        && !is_cap(role.word)
        && super::lexicon::is_source_noun(&role.lower)
        && let Some(name) = apposed_name(toks, end)
    {
        return Some(name);
    }
    // A party tag after the name ("Rep. Beto O'Rourke (D-Tex.)") is not its last word.
    // A month right after a first name is a surname (`said Theresa May`), unless a
    // day follows (`said Smith May 3`).
    let surname_month = |i: usize| {
        is_month(&phrase[i].lower)
            && i > 0
            && is_cap(phrase[i - 1].word)
            && !not_a_name(&phrase[i - 1], false)
            && phrase[i - 1].trail.is_none()
            && !toks
                .get(v + 2 + i)
                .is_some_and(|n| n.word.starts_with(|c: char| c.is_ascii_digit()))
    };
    let Some(last_cap) = (0..phrase.len())
        .rev()
        .find(|&i| is_cap(phrase[i].word) && (!not_a_name(&phrase[i], false) || surname_month(i)))
    else {
        let described = phrase
            .last()
            .filter(|t| super::lexicon::is_source_noun(&t.lower))
            .map_or_else(String::new, |_| {
                words(&toks[v + 1..employer_end(toks, end)])
            });
        // `said in a statement` names no one; `said a spokesman` does.
        let opens =
            !is_function_word(&first.lower) || is_determiner(&first.lower) && !described.is_empty();
        return opens.then_some(RawSpeaker::Unnamed(described));
    };
    let run_end = v + 1 + last_cap + 1;
    let named = match name_run_before(toks, run_end)? {
        // The name runs back no further than the verb (`Said Ellis`).
        RawSpeaker::Named { pos, .. } if pos < first.start => RawSpeaker::Named {
            text: words(&toks[v + 1..run_end]),
            the: false,
            pos: first.start,
        },
        other => other,
    };
    if let RawSpeaker::Named { text, pos, .. } = named {
        let start = toks.iter().position(|t| t.start == pos).unwrap_or(v + 1);
        let the = start > 0 && toks[start - 1].lower == "the";
        return Some(RawSpeaker::Named { text, the, pos });
    }
    Some(named)
}

/// Where a described source's employer named after it ends (`said a spokesperson for the
/// Crown Prosecution Service`): past "for", "of", "at" or "from", an optional "the" and a
/// capitalised run; `end` itself when no employer follows.
fn employer_end(toks: &[Tok<'_>], end: usize) -> usize {
    let joined = toks.get(end).is_some_and(|t| {
        t.trail.is_none() && !t.masked && matches!(t.lower.as_ref(), "for" | "of" | "at" | "from")
    });
    if !joined || toks[end - 1].trail.is_some() {
        return end;
    }
    let mut k = end + 1;
    if toks
        .get(k)
        .is_some_and(|t| t.lower == "the" && t.trail.is_none())
    {
        k += 1;
    }
    let run_start = k;
    while let Some(t) = toks.get(k).filter(|t| is_cap(t.word) && !t.masked) {
        k += 1;
        if closes_name(t) {
            break;
        }
    }
    if k == run_start { end } else { k }
}

/// Whether `toks[start]`, alone before the verb at `end`, is the surname "May" (`May
/// said`) rather than the month (`The statement on 3 May said`).
fn surname_may(toks: &[Tok<'_>], start: usize, end: usize) -> bool {
    start + 1 == end
        && toks[start].word == "May"
        && !(start > 0
            && toks[start - 1]
                .word
                .starts_with(|c: char| c.is_ascii_digit()))
}

/// Nouns for what a source issues rather than who it is ("a statement from …").
fn is_document(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "release"
            | "report"
            | "letter"
            | "tweet"
            | "post"
            | "memo"
            | "email"
            | "headline"
    )
}

/// The author after "from" or "by" at `toks[at]` (`from the White House`, `by Pentagon
/// spokesman Peter Cook`): the capitalised run there, its "the" kept for organisations.
fn document_author(toks: &[Tok<'_>], at: usize) -> Option<RawSpeaker> {
    if !matches!(toks.get(at)?.lower.as_ref(), "from" | "by") {
        return None;
    }
    let the = toks.get(at + 1)?.lower == "the";
    let from = at + 1 + usize::from(the);
    let mut end = from;
    // An organisation's name may run on through "for", "of" and "the" ("Public Employees
    // for Environmental Responsibility"), never ending on them.
    let mut named_end = from;
    while end < toks.len() && end - from < 10 {
        let t = &toks[end];
        let joins = named_end > from && matches!(t.lower.as_ref(), "for" | "of" | "the");
        if t.masked || !is_cap(t.word) && !joins || joins && t.trail.is_some() {
            break;
        }
        end += 1;
        if !joins {
            named_end = end;
        }
        if closes_name(t) {
            break;
        }
    }
    let end = named_end;
    (end > from).then(|| RawSpeaker::Named {
        text: words(&toks[from..end]),
        the,
        pos: toks[from].start,
    })
}

/// The name of two to four capitalised words starting at `toks[from]` and ending a clause
/// (`, John Dowd,` `, Hope Hicks.`), as an apposition names the role before it.
fn apposed_name(toks: &[Tok<'_>], from: usize) -> Option<RawSpeaker> {
    let mut end = from;
    while end < toks.len() && end - from < 4 {
        let t = &toks[end];
        if t.masked || !is_cap(t.word) || not_a_name(t, false) || t.poss {
            return None;
        }
        end += 1;
        if closes_name(t) {
            break;
        }
    }
    let closed = end == toks.len() || toks[end - 1].trail.is_some();
    if end - from < 2 || !closed {
        return None;
    }
    Some(RawSpeaker::Named {
        text: words(&toks[from..end]),
        the: false,
        pos: toks[from].start,
    })
}

/// Capitalised words that are not names: months, number words, party
/// and state tags ("R-Ky", "N.C."), and a dateline opening a paragraph ("WASHINGTON,").
fn not_a_name(t: &Tok<'_>, first: bool) -> bool {
    let w = t.word;
    let lower = t.lower.as_ref();
    let month = is_month(lower);
    let number = is_number_word(lower)
        || matches!(
            lower,
            "dozens"
                | "hundreds"
                | "thousands"
                | "millions"
                | "many"
                | "several"
                | "few"
                | "half"
                | "most"
                | "some"
                | "others"
                | "none"
        );
    let tag = w.len() <= 5 && w.contains('-') && w.as_bytes().get(1) == Some(&b'-')
        || w.len() <= 5 && w.ends_with('.') && w.matches('.').count() >= 2 && t.trail == Some(',');
    let dateline = first
        && w.len() >= 4
        && w.chars().all(|c| c.is_uppercase() || c == '-')
        && t.trail == Some(',');
    month || number || tag || dateline
}

/// Month names as written in dates ("May", "Aug."), lower-cased.
fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// "one" … "twelve": number words, which make the next word a noun ("eight state
/// candidates") and are no names.
fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
    )
}

/// Lower-case nouns that make an organisation of the name before them.
fn is_org_noun(w: &str) -> bool {
    matches!(
        w,
        "administration"
            | "campaign"
            | "government"
            | "ministry"
            | "department"
            | "police"
            | "army"
            | "company"
            | "council"
            | "committee"
            | "team"
            | "camp"
            | "office"
            | "agency"
            | "board"
    )
}

/// Words that end a speaker phrase after the verb ("said Smith, who …", "said Smith in a
/// statement").
fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "which"
            | "that"
            | "in"
            | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "as"
            | "to"
            | "adding"
            | "speaking"
            | "referring"
            | "according"
            | "about"
            | "of"
            | "with"
            | "for"
            | "from"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "recently"
            | "and"
    )
}

#[cfg(test)]
mod tests_support {
    use super::*;
    use crate::quotes::spans::{find, paragraphs};

    /// [`attribute`] of `t`'s quotations, as extraction calls it.
    pub fn found(t: &str) -> Found {
        let paras = paragraphs(t);
        attribute(t, &paras, &find(t, &paras))
    }

    /// The raw speaker of each quotation in `t`, as a string.
    pub fn speakers(t: &str) -> Vec<Option<String>> {
        found(t)
            .quotes
            .into_iter()
            .map(|a| {
                a.map(|a| match a.speaker {
                    RawSpeaker::Named { text, .. } => text,
                    RawSpeaker::Pronoun { .. } => "<pronoun>".into(),
                    RawSpeaker::Unnamed(d) => format!("<unnamed: {d}>"),
                    RawSpeaker::SameAs(i) => format!("<same as {i}>"),
                    RawSpeaker::Subject { text, .. } => format!("<subject: {text}>"),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::{found, speakers};
    use super::*;

    #[test]
    fn speaker_after_quote() {
        assert_eq!(
            speakers("\u{201c}No,\u{201d} Mr Patel said."),
            [Some("Mr Patel".into())]
        );
        assert_eq!(
            speakers("\u{201c}No,\u{201d} said Caddell, speaking of it."),
            [Some("Caddell".into())]
        );
        assert_eq!(
            speakers(
                "\u{201c}There was not,\u{201d} State Department deputy spokesman Vedant Patel told reporters."
            ),
            [Some("Vedant Patel".into())]
        );
        assert_eq!(speakers("\"Fine,\" he added."), [Some("<pronoun>".into())]);
    }

    #[test]
    fn speaker_before_quote_with_apposition() {
        let t = "Following the strikes, Maj Gen Yahya Rasool, the Prime Minister's military spokesman, called the strikes a \u{201c}violation of sovereignty\u{201d}.";
        assert_eq!(speakers(t), [Some("Maj Gen Yahya Rasool".into())]);
        assert_eq!(
            speakers("Caddell said: \"We lost.\""),
            [Some("Caddell".into())]
        );
        assert_eq!(
            speakers("According to Jane Roe, \"it failed.\""),
            [Some("Jane Roe".into())]
        );
    }

    #[test]
    fn split_and_coordinated_quotes() {
        let t = "\u{201c}One,\u{201d} said Caddell. \u{201c}Two.\u{201d}";
        assert_eq!(
            speakers(t),
            [Some("Caddell".into()), Some("<same as 0>".into())]
        );
        let t = "Maj Gen Rasool added that they \u{201c}undermine efforts\u{201d} and warned of \u{201c}grave consequences\u{201d}.";
        assert_eq!(
            speakers(t),
            [Some("Maj Gen Rasool".into()), Some("Maj Gen Rasool".into())]
        );
    }

    #[test]
    fn listener_is_not_speaker_and_colon_intro() {
        let t = "Caddell told Breitbart News: \"Polls moved.\"";
        assert_eq!(speakers(t), [Some("Caddell".into())]);
        let t = "Caddell continued:\n\n\"The health issue is partisan.\"";
        assert_eq!(speakers(t), [Some("Caddell".into())]);
        let t = "Republican pollster Daron Shaw: \u{201c}It is early.\u{201d}";
        assert_eq!(speakers(t), [Some("Daron Shaw".into())]);
        let t = "Sen. Bernie Sanders has cast her as unqualified and accused her of using the term \"superpredator\" often.";
        assert_eq!(speakers(t), [Some("Sen. Bernie Sanders".into())]);
    }

    #[test]
    fn context_is_capped_at_word_boundaries() {
        assert_eq!(head("one two three", 100), "one two three");
        assert_eq!(head("one two three", 9), "one two");
        assert_eq!(head("é é é", 3), "é");
        let t = "alpha beta gamma delta";
        assert_eq!(tail_start(t, 0, t.len(), 100), 0);
        assert_eq!(&t[tail_start(t, 0, t.len(), 9)..], " delta");
        // Thousands of quotation marks in one sentence stay linear: each quote reads a
        // bounded window, so the whole is extracted (this once took seconds).
        let data: String = (0..3000)
            .map(|i| format!("pred(\"k{i}\",\"v{i}\"), "))
            .collect();
        assert_eq!(found(&data).quotes.len(), 6000);
    }

    #[test]
    fn reported_speech_and_noun_uses() {
        let t = "On Saturday, Baghdad said that the US had not alerted it.";
        let reported = found(t).reported;
        assert_eq!(reported.len(), 1);
        assert!(
            matches!(&reported[0].attribution.speaker, RawSpeaker::Named { text, .. } if text == "Baghdad")
        );
        let t = "Maher stated that the IG's report \u{201c}wasn't good.\u{201d}";
        assert_eq!(speakers(t), [Some("Maher".into())]);
        let t = "\u{201c}It's not new,\u{201d} said Rep. Bobby Scott (D-Va.) at the time.";
        assert_eq!(speakers(t), [Some("Rep. Bobby Scott".into())]);
    }

    #[test]
    fn scare_quote_without_cue_has_no_attribution() {
        assert_eq!(speakers("The so-called \"deal\" collapsed."), [None]);
        // A verb whose object ends the sentence has said nothing of the quotation.
        let got = speakers(
            "In an apparent counter to \u{201c}America-first\u{201d} policies expounded by the candidate and his aides, Carter stressed bipartisan support for engagement.",
        );
        assert!(
            matches!(got[0].as_deref(), None | Some("<unnamed: >")),
            "{got:?}"
        );
    }
}

#[cfg(test)]
mod news_shapes {
    use super::tests_support::speakers;

    /// Each text holds one quotation, whose raw speaker must be `who`.
    fn all_said_by(cases: &[(&str, &str)]) {
        for (text, who) in cases {
            assert_eq!(speakers(text), [Some(who.to_string())], "in: {text}");
        }
    }

    #[test]
    fn unnamed_sources_keep_their_description() {
        all_said_by(&[
            (
                "\u{201c}We will not speak to that,\u{201d} a State Department official said.",
                "<unnamed: a State Department official>",
            ),
            (
                "\"Safety comes first,\" a spokesman for the agency said.",
                "<unnamed: a spokesman for the agency>",
            ),
            // The spokesman speaks, not the man he speaks for.
            (
                "A spokesman for Bernie Sanders could only quip: \"I guess Christmas Eve was booked.\"",
                "<unnamed: A spokesman for Bernie Sanders>",
            ),
        ]);
        // No description is made of a word that names no source.
        let got = speakers("\"It will pass,\" the charged said.");
        assert!(
            matches!(got[0].as_deref(), None | Some("<unnamed: >")),
            "{got:?}"
        );
    }

    #[test]
    fn news_prose_shapes() {
        all_said_by(&[
            // The listener is not the speaker; "according to" still names the source.
            (
                "Another intelligence source speaking to Fox News said, \u{201c}The agents are investigating.\u{201d}",
                "<unnamed: Another intelligence source>",
            ),
            (
                "According to Variety, Trump brought \u{201c}SNL\u{201d} its best ratings in years.",
                "Variety",
            ),
            // A town and its state, and an age, sit inside the apposition.
            (
                "Dean Johnson, a salesman from Sumter, South Carolina, says Cruz will \u{201c}leave here with momentum.\u{201d}",
                "Dean Johnson",
            ),
            (
                "Cory James, 22, of Flint, Mich., said he hoped for a \u{201c}surprise\u{201d} at the convention.",
                "Cory James",
            ),
            // An attribution set off by a comma ends the sentence.
            (
                "The vote signals \"the beginning of the end\" for the EU, said Geert Wilders, founder of the party.",
                "Geert Wilders",
            ),
            (
                "\"There is a sense of stability now,\" and donations began to pick up, Gilbert said.",
                "Gilbert",
            ),
            // A determiner set off by a comma leaves the verb a verb.
            (
                "\"Many would consider that an embarrassment\" if she did not win by a margin larger than that, said David Wasserman, an analyst.",
                "David Wasserman",
            ),
            // The sentence may end on when, where or to whom after the verb.
            (
                "Graeme Eden, described as a \"speed freak\", was guilty of dangerous driving on the day of the crash, Judge Brian Forster told Newcastle crown court.",
                "Judge Brian Forster",
            ),
            (
                "The brothers were \"bad boys\" who were brought before the youth court time and time again, Griffiths wrote in a court filing.",
                "Griffiths",
            ),
            // A short name keeps no full stop.
            ("\"It was never a priority,\" said Fry.", "Fry"),
            // A quotation ending in a full stop ends its sentence: the next subject is not
            // its speaker; an attribution right after it still is.
            (
                "Sanders called the suspension \u{201c}arbitrary.\u{201d} Josh Hendler, a Democratic operative, warned Saturday that the move was reckless.",
                "Sanders",
            ),
            ("\"Why now?\" Clinton asked.", "Clinton"),
        ]);
    }

    #[test]
    fn a_quotation_paragraph_continues_the_speaker_before() {
        // After a paragraph ending in a quotation's attribution, a paragraph that is only
        // quotation is the same speaker's.
        let t = "\u{201c}I won\u{2019}t just talk like a conservative,\u{201d} Espinoza said Friday.\n\n\u{201c}I will take that strength to Washington.\u{201d}";
        assert_eq!(
            speakers(t),
            [
                Some("Espinoza".to_string()),
                Some("<same as 0>".to_string())
            ]
        );
        // Not after a quotation its paragraph attributed before it and then moved on from.
        let t = "The senator called the bill \"a disgrace,\" but the governor disagreed.\n\n\"We will sign it.\"";
        assert_eq!(speakers(t)[1], None);
    }

    #[test]
    fn an_issued_statement_introduces_the_quotation_after_it() {
        let t = "At Brazile\u{2019}s direction, the DNC issued a statement apologizing to Sanders.\n\n\u{201c}On behalf of everyone at the DNC, we want to offer a deep and sincere apology.\u{201d}";
        assert_eq!(speakers(t), [Some("DNC".to_string())]);
        let t = "Her stepfather, Stephen Cartwright, last night issued a statement. \"We are devastated at the tragic loss of our daughter.\"";
        assert_eq!(speakers(t), [Some("Stephen Cartwright".to_string())]);
        // Only the statement's issuer, not whoever acted otherwise.
        let t = "The DNC issued new rules for the debates.\n\n\"We want everyone to take part.\"";
        assert_eq!(speakers(t), [None]);
    }

    #[test]
    fn participles_take_the_right_subject() {
        all_said_by(&[
            // Opening clauses, a town and its state, come before the subject.
            (
                "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him \u{201c}a total stiff.\u{201d}",
                "Trump",
            ),
            (
                "On Thursday, after remaining neutral for months, Warren endorsed Clinton, saying, \u{201c}She is a fighter.\u{201d}",
                "Warren",
            ),
            // A participle right after a speech verb shares its subject.
            (
                "Mateen left as soon as prayers were finished, Nefzi said, adding, \"He was quiet.\"",
                "Nefzi",
            ),
            // A sentence that opens on its subject keeps it past later commas.
            (
                "Sen. Bernie Sanders went on the show to discuss his rival, Hillary Clinton, saying \"on her worst day\" she would be better.",
                "Sen. Bernie Sanders",
            ),
        ]);
    }

    #[test]
    fn colons_and_adverbs() {
        all_said_by(&[
            // Any adverb in "-ly" may stand between the speaker and the verb.
            (
                "Clinton emphatically proclaimed at a press conference, \u{201c}There is no classified material.\u{201d}",
                "Clinton",
            ),
            // A subject and a verb in the past tense closed by a colon, whatever the verb.
            (
                "Kasich resisted: \"Ohio governors do not have the power.\"",
                "Kasich",
            ),
        ]);
        // A new sentence ending in a colon introduces the next quotation, not the last.
        let t = "Clinton emphatically proclaimed, \u{201c}There is none.\u{201d} The presidential candidate reiterated: \u{201c}I am well aware.\u{201d}";
        assert_eq!(speakers(t)[0], Some("Clinton".to_string()));
        // But after a comma it attributes both.
        let t = "\"We will win,\" Cruz said, adding: \"I welcome his support.\"";
        assert_eq!(speakers(t)[0], Some("Cruz".to_string()));
        // Nouns in "-ly" are no adverbs.
        use super::super::lexicon::is_verb_modifier;
        assert!(is_verb_modifier("emphatically") && is_verb_modifier("repeatedly"));
        assert!(!is_verb_modifier("family") && !is_verb_modifier("assembly"));
    }

    #[test]
    fn a_quotation_signed_with_a_dash() {
        // Readers' round-ups and pull quotes: the quotation opens its line, a dash and a
        // name close it.
        let t = "\u{201c}He scares me.\u{201d} \u{2015} Krystal Correa\n\u{201c}Build a wall around him.\u{201d}\u{2015} Steve Quinlan.\n\"We need change.\" -- Oscar P. Quintero, 41, of Tucson";
        assert_eq!(
            speakers(t),
            [
                Some("Krystal Correa".to_string()),
                Some("Steve Quinlan".to_string()),
                Some("Oscar P. Quintero".to_string())
            ]
        );
        // A dash after a quotation inside a sentence is a reporter's sign-off, and a dash
        // followed by prose is an aside: neither names the speaker.
        let t = "Rajoy insisted that his party was \"still the No. 1 force in Spain.\"--Kim Hjelmgaard.";
        assert_ne!(speakers(t), [Some("Kim Hjelmgaard".to_string())]);
        let t = "\"Not again.\" \u{2014} And then the Senate voted to adjourn for the week.";
        assert_eq!(speakers(t), [None]);
    }
}
