//! Article body → passages: the paragraphs that search ranks and shows.
//!
//! A paragraph is a run of non-blank lines; hard-wrapped lines are joined with a space.
//! Paragraphs over [`MAX_WORDS`] words are cut on sentence boundaries into windows, so one
//! wall of text does not swamp the ranking. A paragraph repeated in the same article (a
//! caption scraped twice, a caption and its "– video" twin) is kept once.
//! Offsets are byte offsets into the body, so quotes can be mapped onto passages.

use crate::model::Passage;
use std::ops::Range;

/// Paragraphs longer than this are split into windows.
pub const MAX_WORDS: usize = 250;
/// A caption-like paragraph: short enough to be compared with its neighbour for repeats.
const CAPTION_WORDS: usize = 30;

/// Splits `body` into passages, numbered from 0, with no speakers yet.
pub fn segment(body: &str) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    // Words of the last passage pushed, so captions are compared without recounting.
    let mut last_words = usize::MAX;
    for (para, map) in paragraphs(body) {
        let key = norm_key(&para.text);
        if key.is_empty() || seen.contains(&key) {
            continue;
        }
        // Counted only as far as the two limits below need: a long paragraph's words are
        // counted sentence by sentence when it is cut into windows.
        let words = word_count_up_to(&para.text, MAX_WORDS + 1);
        // Of two short neighbours where one starts the other (a caption and its copy with
        // a credit), the longer is kept, in the place of the first.
        let caption = out
            .last()
            .filter(|_| words <= CAPTION_WORDS && last_words <= CAPTION_WORDS)
            .and_then(|prev| {
                let prev_key = norm_key(&prev.text);
                if prev_key.starts_with(&key) {
                    Some(Caption::Repeats)
                } else {
                    key.starts_with(&prev_key).then_some(Caption::Extends)
                }
            });
        seen.insert(key);
        match caption {
            Some(Caption::Repeats) => continue,
            Some(Caption::Extends) => {
                if let Some(prev) = out.last_mut() {
                    *prev = para;
                }
                last_words = words;
                continue;
            }
            None => {}
        }
        if words > MAX_WORDS {
            let (cut, last) = windows(&para, &map);
            out.extend(cut);
            last_words = last;
        } else {
            out.push(para);
            last_words = words;
        }
    }
    for (i, p) in out.iter_mut().enumerate() {
        p.ordinal = i;
    }
    out
}

/// How a short paragraph relates to the short one before it.
enum Caption {
    /// The one before starts with it: nothing new.
    Repeats,
    /// It starts with the one before and says more: it takes that one's place.
    Extends,
}

/// For each joined line of a paragraph: (offset in the passage text, offset in the body).
type LineMap = Vec<(usize, usize)>;

fn body_offset(map: &LineMap, text_pos: usize) -> usize {
    let i = map
        .partition_point(|&(t, _)| t <= text_pos)
        .saturating_sub(1);
    map.get(i).map_or(text_pos, |&(t, b)| b + (text_pos - t))
}

/// Lines longer than this mean the text is not hard-wrapped: every line is a paragraph.
const UNWRAPPED_LINE: usize = 160;

/// Whether `text` keeps one paragraph per line (scraped text) rather than wrapping lines
/// (newswire): then a single line break ends a paragraph.
fn one_paragraph_per_line(text: &str) -> bool {
    text.lines().any(|l| l.len() > UNWRAPPED_LINE)
}

/// Byte ranges of the paragraphs of `text`: runs of non-blank lines, or single lines when
/// the text is not hard-wrapped. Quote pairing uses the same paragraphs as passages.
pub fn paragraph_ranges(text: &str) -> Vec<Range<usize>> {
    // The bounds `paragraphs` gives, without building the joined texts.
    let mut out: Vec<Range<usize>> = Vec::new();
    paragraph_lines(text, |line, opens| match out.last_mut() {
        Some(r) if !opens => r.end = line.end,
        _ => out.push(line),
    });
    out
}

/// Calls `on_line` with the byte range of each non-blank line of `text` (trimmed), and
/// whether it opens a paragraph: after a blank line, or every line when the text is
/// not hard-wrapped. The one definition of a paragraph, for passages and quotations.
fn paragraph_lines(text: &str, mut on_line: impl FnMut(Range<usize>, bool)) {
    let per_line = one_paragraph_per_line(text);
    let mut open = false;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() || per_line {
            open = false;
        }
        if !trimmed.is_empty() {
            let lead = content.len() - content.trim_start().len();
            on_line(pos + lead..pos + lead + trimmed.len(), !open);
            open = true;
        }
        pos += line.len();
    }
}

fn paragraphs(body: &str) -> Vec<(Passage, LineMap)> {
    let mut out: Vec<(Passage, LineMap)> = Vec::new();
    paragraph_lines(body, |line, opens| {
        let trimmed = &body[line.clone()];
        match out.last_mut() {
            Some((p, map)) if !opens => {
                p.text.push(' ');
                map.push((p.text.len(), line.start));
                p.text.push_str(trimmed);
                p.end = line.end;
            }
            _ => {
                let p = Passage {
                    ordinal: 0,
                    text: trimmed.to_string(),
                    start: line.start,
                    end: line.end,
                    speakers: vec![],
                };
                out.push((p, vec![(0, line.start)]));
            }
        }
    });
    out
}

/// Cuts a long paragraph into windows of whole sentences of at most [`MAX_WORDS`] words;
/// also gives the words of the last window.
fn windows(p: &Passage, map: &LineMap) -> (Vec<Passage>, usize) {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut words = 0;
    for s in sentence_spans(&p.text) {
        let w = word_count(&p.text[s.clone()]);
        if start.is_some() && words + w > MAX_WORDS {
            out.push(window(p, map, start.unwrap_or(0), end));
            start = None;
            words = 0;
        }
        start.get_or_insert(s.start);
        end = s.end;
        words += w;
    }
    if let Some(s) = start {
        out.push(window(p, map, s, end));
    }
    (out, words)
}

fn window(p: &Passage, map: &LineMap, start: usize, end: usize) -> Passage {
    let (bs, be) = (
        body_offset(map, start).min(p.end),
        body_offset(map, end).min(p.end),
    );
    Passage {
        ordinal: 0,
        text: p.text[start..end].to_string(),
        start: bs,
        end: be,
        speakers: vec![],
    }
}

fn norm_key(s: &str) -> String {
    // Called on every paragraph. ASCII bytes go through a table, without a branch on
    // whether they are kept (which is unpredictable); other characters are decoded.
    const KEEP: [u8; 128] = {
        let mut t = [0u8; 128];
        let mut c = 0u8;
        while c < 128 {
            if c.is_ascii_alphanumeric() {
                t[c as usize] = c.to_ascii_lowercase();
            }
            c += 1;
        }
        t
    };
    let bytes = s.as_bytes();
    let mut key = vec![0u8; bytes.len()];
    let mut len = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let k = KEEP[usize::from(b)];
            key[len] = k;
            len += usize::from(k != 0);
            i += 1;
        } else if let Some(c) = s.get(i..).and_then(|rest| rest.chars().next()) {
            i += c.len_utf8();
            if c.is_alphanumeric() {
                for l in c.to_lowercase() {
                    let mut buf = [0; 4];
                    let l = l.encode_utf8(&mut buf).as_bytes();
                    // Room for this and for every byte left, one key byte each at most.
                    // Rarely short ("İ" lower-cases to three bytes from two), so the
                    // buffer is not re-zeroed at every accented letter, which made a
                    // paragraph of them quadratic.
                    let need = len + l.len() + (bytes.len() - i);
                    if need > key.len() {
                        key.resize(need, 0);
                    }
                    key[len..len + l.len()].copy_from_slice(l);
                    len += l.len();
                }
            }
        } else {
            i += 1;
        }
    }
    key.truncate(len);
    String::from_utf8(key).unwrap_or_default()
}

/// Words, as whitespace-separated runs.
pub fn word_count(s: &str) -> usize {
    word_count_up_to(s, usize::MAX)
}

/// Words, as whitespace-separated runs, counted until there are more than `limit` (the
/// count then is over `limit`, not necessarily all of them).
pub fn word_count_up_to(s: &str, limit: usize) -> usize {
    // The same count as `split_whitespace`, without a branch on word boundaries (they are
    // unpredictable): counted for every paragraph and sentence, it showed in profiles. A
    // block of ASCII is counted as the compiler vectorises it, a word starting wherever a
    // non-space follows a space; other blocks a byte at a time through `CLASS`. The limit
    // is looked at once per block.
    const BLOCK: usize = 64;
    // A comparison, not a `CLASS` lookup, so the block loop vectorises; not
    // `u8::is_ascii_whitespace`, which leaves out the vertical tab `split_whitespace` counts.
    let ascii_space = |b: u8| b == b' ' || (b'\t'..=b'\r').contains(&b);
    let bytes = s.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = 0;
    while i < bytes.len() && words <= limit {
        let block_end = bytes.len().min(i + BLOCK);
        let block = &bytes[i..block_end];
        if block.len() == BLOCK && block.is_ascii() {
            let starts: usize = block[1..]
                .iter()
                .zip(block)
                .map(|(&b, &before)| usize::from(!ascii_space(b) & ascii_space(before)))
                .sum();
            words += starts + usize::from(!ascii_space(block[0]) & !in_word);
            in_word = !ascii_space(block[BLOCK - 1]);
            i = block_end;
            continue;
        }
        while i < block_end {
            let b = bytes[i];
            let mut class = CLASS[usize::from(b)];
            let mut len = 1;
            if class == MAYBE_SPACE {
                len = unicode_space_len(b, bytes.get(i + 1..)).max(1);
                class = u8::from(len > 1);
            }
            let space = class == SPACE;
            words += usize::from(!space & !in_word);
            in_word = !space;
            i += len;
        }
    }
    words
}

/// The length of the non-ASCII white space (U+0085, U+00A0, U+1680, U+2000–U+200A,
/// U+2028, U+2029, U+202F, U+205F, U+3000) that starts with `lead`, followed by `rest`;
/// 0 when it is not white space.
fn unicode_space_len(lead: u8, rest: Option<&[u8]>) -> usize {
    match (lead, rest.unwrap_or_default()) {
        (0xC2, [0x85 | 0xA0, ..]) => 2,
        (0xE1, [0x9A, 0x80, ..])
        | (0xE2, [0x80, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF, ..])
        | (0xE2, [0x81, 0x9F, ..])
        | (0xE3, [0x80, 0x80, ..]) => 3,
        _ => 0,
    }
}

/// Titles and abbreviations after which a full stop does not end a sentence.
/// Sorted, for binary search.
const ABBREVIATIONS: &[&str] = &[
    "adm", "apr", "atty", "aug", "capt", "cmdr", "co", "col", "corp", "dec", "dr", "e.g", "feb",
    "ft", "gen", "gov", "hon", "i.e", "inc", "jan", "jr", "jul", "jun", "lt", "ltd", "maj", "mar",
    "mr", "mrs", "ms", "mt", "nov", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept",
    "sgt", "sr", "st", "supt", "u.k", "u.n", "u.s", "vs",
];

/// The byte length of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = {
    let mut longest = 0;
    let mut i = 0;
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Byte ranges of the sentences of `text` (each trimmed of surrounding space).
///
/// A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by a
/// space and an upper-case letter, digit or opening quote, unless the word before the full
/// stop is a known abbreviation or a single initial.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    SentenceSpans::of(text).collect()
}

/// The sentences of [`sentence_spans`] one at a time, so a caller wanting the first
/// (an untitled article's display title) does not cut a whole article.
struct SentenceSpans<'a> {
    text: &'a str,
    /// Where the next sentence starts.
    start: usize,
    /// Where to look for the next sentence-ending mark.
    from: usize,
}

impl<'a> SentenceSpans<'a> {
    fn of(text: &'a str) -> Self {
        SentenceSpans {
            text,
            start: 0,
            from: 0,
        }
    }
}

impl Iterator for SentenceSpans<'_> {
    type Item = Range<usize>;

    fn next(&mut self) -> Option<Range<usize>> {
        let text = self.text;
        let bytes = text.as_bytes();
        // The three sentence-ending marks are ASCII: find them by byte, decode only around them.
        while let Some(off) = memchr::memchr3(b'.', b'!', b'?', &bytes[self.from..]) {
            let pos = self.from + off;
            self.from = pos + 1;
            let mut rest = text[pos + 1..].char_indices().peekable();
            let mut j = text.len();
            while let Some(&(o, ch)) = rest.peek() {
                if matches!(ch, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']') {
                    rest.next();
                } else {
                    j = pos + 1 + o;
                    break;
                }
            }
            let at_space = rest.peek().is_some_and(|&(_, ch)| ch.is_whitespace());
            let mut k = None;
            while let Some(&(o, ch)) = rest.peek() {
                if ch.is_whitespace() {
                    rest.next();
                } else {
                    k = Some((pos + 1 + o, ch));
                    break;
                }
            }
            let Some((k, next)) = k else { continue };
            let next_ok = next.is_uppercase()
                || next.is_ascii_digit()
                || matches!(next, '"' | '\u{201c}' | '\u{2018}' | '\'');
            if at_space
                && next_ok
                && !(bytes[pos] == b'.' && ends_with_abbreviation(&text[self.start..pos]))
            {
                let sentence = trimmed(text, self.start, j);
                self.start = k;
                self.from = k;
                if sentence.is_some() {
                    return sentence;
                }
            }
        }
        let sentence = trimmed(text, self.start, text.len());
        self.start = text.len();
        sentence
    }
}

/// `start..end` of `text` without the white space around it; `None` when nothing is left.
fn trimmed(text: &str, start: usize, end: usize) -> Option<Range<usize>> {
    let s = text.get(start..end)?;
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    (!trimmed.is_empty()).then(|| start + lead..start + lead + trimmed.len())
}

/// Whether `before` ends with a known abbreviation or a single initial (so a full stop after
/// it does not end the sentence).
pub fn ends_with_abbreviation(before: &str) -> bool {
    // Asked at every full stop: only the last bytes can hold an abbreviation and the space
    // before it (a character never straddles a boundary, so the space is whole).
    let tail = &before
        [before.floor_char_boundary(before.len().saturating_sub(LONGEST_ABBREVIATION + 1))..];
    let word = tail
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if word.len() > LONGEST_ABBREVIATION {
        return false;
    }
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    let mut lower = [0u8; LONGEST_ABBREVIATION];
    let lower = &mut lower[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    single_initial
        || ABBREVIATIONS
            .binary_search_by(|a| a.as_bytes().cmp(lower))
            .is_ok()
}

/// Where a word glued to the one before without a space starts inside `word`. First a
/// second sentence (`Redknapp.When`, `charge!She`, `named.A`, `IPCC.The`): after a `.`,
/// `!` or `?` that follows two lower-case letters or two capitals and comes before a
/// capital and a lower-case letter,
/// or the one-letter word "A" or "I" (scraped
/// text that lost its paragraph breaks is full of these; `U.S.Army`, `Ph.D` and
/// `St.John` are not). Else a photo caption that lost its line break, where a lower-case
/// letter runs into a capitalised word that opens sentences, never names (`Getty
/// ImagesWhen Willcox`, `Dawn WalkerHas Butcher`; not `McCann`, `LinkedIn`).
pub fn glued_word_start(word: &str) -> Option<usize> {
    let b = word.as_bytes();
    // Both cuts sit before a capital, so one pass over the capitals finds them.
    let mut caption = None;
    for j in (2..b.len()).filter(|&j| b[j].is_ascii_uppercase()) {
        if is_glued_stop(b, j - 1) {
            return Some(j);
        }
        if caption.is_none()
            && b[j - 1].is_ascii_lowercase()
            && b[j - 2].is_ascii_alphabetic()
            && is_sentence_opener(word[j..].trim_end_matches(|c: char| !c.is_ascii_alphabetic()))
        {
            caption = Some(j);
        }
    }
    [caption, credit_end(word)].into_iter().flatten().min()
}

/// Where a photo credit glued to the text after it ends: `Family Handout/PAHalliwell
/// had`, `Photograph: John Rous/APAnne Anderson`, `Getty ImagesPeter Buck said`. The
/// credit is an agency's name, opening the word or after its last `/`; what follows is
/// a capitalised word (one of three letters or more after an agency in capitals, so
/// `APIs` stays whole).
fn credit_end(word: &str) -> Option<usize> {
    const IN_CAPITALS: &[&str] = &["PA", "AP", "AAP", "EPA", "AFP"];
    const NAMES: &[&str] = &[
        "Images",
        "Shutterstock",
        "Alamy",
        "Reuters",
        "Corbis",
        "Guardian",
        "Observer",
        "Features",
    ];
    let from = word.rfind('/').map_or(0, |i| i + 1);
    let tail = &word.as_bytes()[from..];
    let glued_after = |credit: &str| {
        let rest = tail.strip_prefix(credit.as_bytes())?;
        let word_follows = if credit.bytes().all(|b| b.is_ascii_uppercase()) {
            rest.len() >= 4
                && rest[0].is_ascii_uppercase()
                && rest[1..4].iter().all(u8::is_ascii_lowercase)
        } else {
            match rest {
                // `ImagesI said`, `ImagesI'm`: the one-letter word "I" too.
                [b'I'] | [b'I', b'\'' | b' ' | b',', ..] => true,
                [first, second, ..] => first.is_ascii_uppercase() && second.is_ascii_lowercase(),
                _ => false,
            }
        };
        word_follows.then_some(from + credit.len())
    };
    IN_CAPITALS
        .iter()
        .chain(NAMES)
        .find_map(|credit| glued_after(credit))
}

/// The whitespace-ended pieces of `text` (as `split_inclusive(char::is_whitespace)`), with
/// each glued piece cut in two at [`glued_word_start`]; [`Piece::glued_end`] marks a piece
/// that ends where a glued word begins, a boundary as strong as a full stop. The pieces
/// still cover `text` byte for byte, so positions can be summed from their lengths.
pub fn glued_pieces(text: &str) -> GluedPieces<'_> {
    GluedPieces {
        text,
        pos: 0,
        second: None,
    }
}

/// One piece of [`glued_pieces`], with what its bytes hold, found on the way.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The piece, with the white space that ends it.
    pub text: &'a str,
    /// A glued word follows it.
    pub glued_end: bool,
    /// It holds an ASCII capital letter.
    pub capital: bool,
    /// It holds an ASCII control byte other than white space (a masked quotation).
    pub control: bool,
    /// The length of the white space that ends it (0 at the end of the text or a cut).
    space: u8,
}

impl<'a> Piece<'a> {
    /// The piece without the white space that ends it.
    pub fn word(&self) -> &'a str {
        self.text
            .get(..self.text.len() - usize::from(self.space))
            .unwrap_or(self.text)
    }

    fn of(text: &'a str, glued_end: bool) -> Piece<'a> {
        let b = text.as_bytes();
        let last = text.chars().next_back().filter(|c| c.is_whitespace());
        Piece {
            text,
            glued_end,
            capital: b.iter().any(u8::is_ascii_uppercase),
            control: b.iter().any(|&c| CLASS[usize::from(c)] == CONTROL),
            space: last.map_or(0, |c| c.len_utf8() as u8),
        }
    }
}

/// The iterator of [`glued_pieces`]. The name scan and the attribution tokeniser walk
/// every word of an article through it, so it reads bytes, decodes only the lead bytes
/// of the few non-ASCII spaces, and looks for a glued word only in a piece with a
/// capital past its second byte.
pub struct GluedPieces<'a> {
    text: &'a str,
    pos: usize,
    /// The glued word after a cut, given next.
    second: Option<&'a str>,
}

/// Byte classes of [`GluedPieces`] and [`word_count`]; 0 is every byte that needs no look.
const SPACE: u8 = 1;
const CAPITAL: u8 = 2;
const MAYBE_SPACE: u8 = 3;
const CONTROL: u8 = 4;
const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0u8;
    while c < b' ' {
        t[c as usize] = CONTROL;
        c += 1;
    }
    t[b' ' as usize] = SPACE;
    let mut c = b'\t';
    while c <= b'\r' {
        t[c as usize] = SPACE;
        c += 1;
    }
    let mut c = b'A';
    while c <= b'Z' {
        t[c as usize] = CAPITAL;
        c += 1;
    }
    t[0xC2] = MAYBE_SPACE;
    t[0xE1] = MAYBE_SPACE;
    t[0xE2] = MAYBE_SPACE;
    t[0xE3] = MAYBE_SPACE;
    t
};

impl<'a> Iterator for GluedPieces<'a> {
    type Item = Piece<'a>;

    fn next(&mut self) -> Option<Piece<'a>> {
        if let Some(second) = self.second.take() {
            return Some(Piece::of(second, false));
        }
        let bytes = self.text.as_bytes();
        let start = self.pos;
        if start >= bytes.len() {
            return None;
        }
        let (mut end, mut space) = (bytes.len(), 0);
        let (mut capital, mut capital_inside, mut control) = (false, false, false);
        let mut i = start;
        loop {
            // Most bytes are lower-case letters: pass them in a tight loop.
            while i < bytes.len() && CLASS[usize::from(bytes[i])] == 0 {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else { break };
            match CLASS[usize::from(b)] {
                SPACE => {
                    (end, space) = (i + 1, 1);
                    break;
                }
                CAPITAL => {
                    capital = true;
                    // Every cut of `glued_word_start` is a capital after a letter or a
                    // full stop: `“The`, `(The` and `"The` have none.
                    capital_inside |= i >= start + 2
                        && matches!(bytes[i - 1], b'a'..=b'z' | b'A'..=b'Z' | b'.' | b'!' | b'?');
                }
                CONTROL => {
                    control = true;
                    // A masked quotation is a run of control bytes, often hundreds long:
                    // pass it eight bytes at a time while they are all the same.
                    while bytes
                        .get(i + 1..i + 9)
                        .and_then(|next| <[u8; 8]>::try_from(next).ok())
                        .is_some_and(|next| next == [b; 8])
                    {
                        i += 8;
                    }
                    while bytes
                        .get(i + 1)
                        .is_some_and(|&b| CLASS[usize::from(b)] == CONTROL)
                    {
                        i += 1;
                    }
                }
                _ => {
                    let len = unicode_space_len(b, bytes.get(i + 1..));
                    if len > 0 {
                        (end, space) = (i + len, len as u8);
                        break;
                    }
                }
            }
            i += 1;
        }
        self.pos = end;
        let text = self.text.get(start..end)?;
        if capital_inside && let Some(at) = glued_word_start(text) {
            self.second = text.get(at..);
            return text.get(..at).map(|first| Piece::of(first, true));
        }
        Some(Piece {
            text,
            glued_end: false,
            capital,
            control,
            space,
        })
    }
}

/// Capitalised words that open sentences and are never names.
fn is_sentence_opener(w: &str) -> bool {
    matches!(
        w,
        "He" | "She"
            | "It"
            | "They"
            | "We"
            | "But"
            | "And"
            | "When"
            | "While"
            | "As"
            | "So"
            | "Now"
            | "Then"
            | "Before"
            | "After"
            | "Some"
            | "This"
            | "The"
            | "His"
            | "Her"
            | "Has"
            | "Had"
            | "Was"
            | "There"
            | "Although"
            | "However"
            | "Despite"
            | "If"
    )
}

/// Whether the byte at `i` of `b` ends a sentence glued to the next, as in
/// [`glued_word_start`]. Works on bytes, so any `i` is safe.
pub fn is_glued_stop(b: &[u8], i: usize) -> bool {
    i >= 2
        && matches!(b.get(i), Some(b'.' | b'!' | b'?'))
        // A word or an acronym ends there (`IPCC.The`), not a mixed abbreviation (`St.`).
        && (b[i - 1].is_ascii_lowercase() && b[i - 2].is_ascii_lowercase()
            || b[i - 1].is_ascii_uppercase() && b[i - 2].is_ascii_uppercase())
        && match b.get(i + 1) {
            // "A" and "I" are words of their own: `not been named.A local spokesman`.
            Some(b'A' | b'I') => b
                .get(i + 2)
                .is_none_or(|&c| c.is_ascii_lowercase() || c.is_ascii_whitespace()),
            Some(c) => c.is_ascii_uppercase() && b.get(i + 2).is_some_and(u8::is_ascii_lowercase),
            None => false,
        }
}

/// The first sentence of `s`.
pub fn first_sentence(s: &str) -> &str {
    SentenceSpans::of(s).next().map_or(s, |r| &s[r])
}

/// `s` cut to at most `max` characters at a word boundary, with `…` when cut.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let cut: String = s.chars().take(max).collect();
    let at = cut.rfind(' ').filter(|&i| i > max / 2).unwrap_or(cut.len());
    format!("{}…", cut[..at].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glued_sentences_are_found_and_abbreviations_are_not() {
        assert_eq!(glued_word_start("Redknapp.When"), Some(9));
        assert_eq!(glued_word_start("charge!She"), Some(7));
        assert_eq!(glued_word_start("ImagesWhen"), Some(6));
        assert_eq!(glued_word_start("Observer.He"), Some(9));
        assert_eq!(glued_word_start("named.A "), Some(6));
        assert_eq!(glued_word_start("it.I"), Some(3));
        // An acronym ends a sentence as a word does.
        assert_eq!(glued_word_start("IPCC.The"), Some(5));
        assert_eq!(glued_word_start("BBC.Tony"), Some(4));
        // Photo credits run into the next sentence.
        assert_eq!(glued_word_start("Handout/PAHalliwell"), Some(10));
        assert_eq!(glued_word_start("Rous/APAnne"), Some(7));
        assert_eq!(glued_word_start("ImagesPeter"), Some(6));
        assert_eq!(glued_word_start("ImagesI "), Some(6));
        assert_eq!(glued_word_start("Rex/ShutterstockIt"), Some(16));
        for word in [
            "APIs",
            "PAYG",
            "EPAct",
            "Imagesof",
            "#GuardianBooks",
            "Images",
        ] {
            assert_eq!(glued_word_start(word), None, "{word}");
        }
        for word in [
            "McCann", "LinkedIn", "DiCaprio", "LulzSec", "YouTube", "NASAs",
        ] {
            assert_eq!(glued_word_start(word), None, "{word}");
        }
        for word in [
            "U.S.Army",
            "Ph.D",
            "St.John",
            "example.com",
            "3.5m",
            "é.É",
            "U.K.The",
            "Dr.Who",
        ] {
            assert_eq!(glued_word_start(word), None, "{word}");
        }
        // Bytes, not characters: a multi-byte letter before the stop is no panic.
        assert!(!is_glued_stop("né.Ab".as_bytes(), 3));
    }

    #[test]
    fn first_sentence_is_the_first_of_sentence_spans() {
        for text in [
            "Mr. Smith went to Washington. He said \"no.\" Then left!",
            "  . Leading stop. Next one",
            "No end at all",
            "",
            "U.S. forces. Gen. Jones spoke? Yes.",
        ] {
            let first = sentence_spans(text)
                .first()
                .map_or(text, |r| &text[r.clone()]);
            assert_eq!(first_sentence(text), first, "{text:?}");
        }
    }

    /// [`glued_pieces`] the slow way: split at white space, then cut each piece.
    fn glued_pieces_by_split(text: &str) -> Vec<(&str, bool)> {
        text.split_inclusive(char::is_whitespace)
            .flat_map(|piece| match glued_word_start(piece) {
                Some(at) => vec![(&piece[..at], true), (&piece[at..], false)],
                None => vec![(piece, false)],
            })
            .collect()
    }

    fn assert_glued_pieces_agree(text: &str) {
        let fast: Vec<(&str, bool)> = glued_pieces(text).map(|p| (p.text, p.glued_end)).collect();
        for p in glued_pieces(text) {
            assert_eq!(p, Piece::of(p.text, p.glued_end), "{text:?}");
            assert_eq!(p.word(), p.text.trim_end(), "{text:?}");
        }
        assert_eq!(fast, glued_pieces_by_split(text), "{text:?}");
    }

    #[test]
    fn abbreviations_are_sorted_lower_case_and_short() {
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(ABBREVIATIONS.iter().all(|a| a.to_ascii_lowercase() == *a));
        assert!(ends_with_abbreviation("said Mr"));
        assert!(ends_with_abbreviation("in the (U.S"));
        assert!(ends_with_abbreviation("asked\u{3000}Sept"));
        assert!(!ends_with_abbreviation("he said"));
    }

    #[test]
    fn glued_pieces_split_as_split_inclusive_does() {
        let texts = [
            "Plain words, and more.  Two spaces\tand a tab\r\nthen lines\n",
            "No\u{a0}break\u{2009}thin\u{3000}ideographic\u{85}next\u{1680}ogham\u{205f}end",
            "Caf\u{e9} \u{2014} \u{201c}quoted\u{201d} \u{20ac}5 named.A spokesman said.When Getty ImagesWhen",
            "",
            "   ",
            "x",
            "\u{1}\u{1}\u{1} Redknapp.When it.I McCann",
            "\u{201c}The (The \"The U.S.Army Rous/APAnne \u{201c}ImagesWhen x(ImagesPeter",
            "said \u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1} Next",
            "x\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{2}\u{1}.When \u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}",
        ];
        for text in texts {
            assert_glued_pieces_agree(text);
        }
    }

    #[test]
    fn paragraphs_join_wrapped_lines_and_keep_offsets() {
        let body = "First line\nwrapped here.\n\n  Second para.\n";
        let p = segment(body);
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].text, "First line wrapped here.");
        assert_eq!(&body[p[1].start..p[1].end], "Second para.");
        assert_eq!(p[1].ordinal, 1);
    }

    #[test]
    fn repeated_captions_kept_once() {
        let body = "Story.\n\nStrikes on targets – video\n\nStrikes on targets\n\nStory.\n\nEnd.";
        let texts: Vec<_> = segment(body).into_iter().map(|p| p.text).collect();
        assert_eq!(texts, ["Story.", "Strikes on targets – video", "End."]);
    }

    #[test]
    fn long_paragraphs_become_windows() {
        let sentence = "This is a sentence of exactly ten words in it. ";
        let body = sentence.repeat(60);
        let p = segment(&body);
        assert!(p.len() >= 3, "{}", p.len());
        assert!(p.iter().all(|p| word_count(&p.text) <= MAX_WORDS));
        let total: usize = p.iter().map(|p| word_count(&p.text)).sum();
        assert_eq!(total, 600);
    }

    #[test]
    fn paragraph_ranges_are_the_paragraphs_bounds() {
        let long = "x ".repeat(100);
        for text in [
            "One line\nwrapped here.\n\n  Second   \r\n\n\nThird",
            "",
            "\n\n",
            &format!("{long}\nshort line\n\nnext"),
        ] {
            let want: Vec<Range<usize>> = paragraphs(text)
                .iter()
                .map(|(p, _)| p.start..p.end)
                .collect();
            assert_eq!(paragraph_ranges(text), want, "{text:?}");
        }
    }

    #[test]
    fn word_count_agrees_with_split_whitespace() {
        let spaces = [
            " ", "\t", "\n", "\x0B", "\x0C", "\r", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}",
            "\u{200A}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}",
        ];
        let words = [
            "a",
            "“quoted”",
            "naïve",
            "\u{200B}",
            "\u{E2}",
            "—",
            "İ",
            "日本",
            "x\u{2009}y",
        ];
        for (i, sp) in spaces.iter().enumerate() {
            for (j, w) in words.iter().enumerate() {
                let w2 = words[(i + j) % words.len()];
                for s in [
                    format!("{w}{sp}{w2}"),
                    format!("{sp}{w}{sp}{sp}{w2}{sp}"),
                    format!("{w}{w2}{sp}"),
                    sp.to_string(),
                ] {
                    assert_eq!(word_count(&s), s.split_whitespace().count(), "{s:?}");
                }
            }
        }
    }

    /// What [`norm_key`] computes, a character at a time: the reference for its tests.
    fn norm_key_by_chars(s: &str) -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn norm_key_matches_unicode_lowercasing_on_any_text(
            text in "[a-zA-Z0-9 ,.\u{e9}\u{c9}\u{130}\u{df}\u{3a3}\u{2019}\u{65e5}\u{1c5}]{0,120}"
        ) {
            proptest::prop_assert_eq!(norm_key(&text), norm_key_by_chars(&text));
        }

        #[test]
        fn glued_pieces_agree_with_split_and_cut_on_any_text(
            text in "([A-Za-z]{0,4}[\\.!?/\"(\u{201c}\u{1}]?(When|Images|AP|A|I|He|[A-Z][a-z])?[ \n\u{a0}]?){0,30}"
        ) {
            assert_glued_pieces_agree(&text);
        }

        #[test]
        fn abbreviations_are_found_as_by_reading_the_whole_text(
            before in "[a-zA-Z .(\u{a0}\u{3000}\u{e9}]{0,8}(Mr|mrs|U.S|Sept|J|\u{c9}|e.g|said)?"
        ) {
            let word = before
                .rsplit(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or("");
            let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
            let want = single_initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
            proptest::prop_assert_eq!(ends_with_abbreviation(&before), want);
        }

        #[test]
        fn word_count_agrees_with_split_whitespace_on_long_text(
            text in "([a-z\\.,\u{201c}\u{e9}]{0,9}[ \\t\\n\r\u{a0}\u{2003}\u{3000}\u{b}\u{c}\u{1c}]{0,3}){0,60}"
        ) {
            proptest::prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }

        #[test]
        fn word_count_agrees_with_split_whitespace_on_ascii_text(
            text in "([a-z\\.,]{0,9}[ \\t\\n\r\u{b}\u{c}\u{1c}]{0,3}){0,60}(\u{a0}[a-z ]{0,80}){0,2}"
        ) {
            proptest::prop_assert_eq!(word_count(&text), text.split_whitespace().count());
        }
    }

    #[test]
    fn bounded_word_count_stops_past_its_limit_only() {
        let text = "word ".repeat(1000) + "\u{3000}tail";
        for limit in [0, 1, 30, 250, 999, 1000, 1001, usize::MAX] {
            let n = word_count_up_to(&text, limit);
            if limit >= 1001 {
                assert_eq!(n, 1001);
            } else {
                // Over the limit, and never more than the words there are.
                assert!(n > limit && n <= 1001, "{limit}: {n}");
            }
        }
    }

    #[test]
    fn norm_key_matches_unicode_lowercasing() {
        for s in [
            "",
            "Hello, World!",
            "İİİa b c",
            "Straße – “Quoted” ÉCOLE 42",
            "aİ",
            "日本語 text",
            "ǅ ΣΑΣ",
        ] {
            assert_eq!(norm_key(s), norm_key_by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn sentences_respect_abbreviations() {
        let t = "Mr. Patel said no. Maj. Gen. Rasool spoke. The U.S. agreed! \u{201c}Fine,\u{201d} he said.";
        let s: Vec<_> = sentence_spans(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            s,
            [
                "Mr. Patel said no.",
                "Maj. Gen. Rasool spoke.",
                "The U.S. agreed!",
                "\u{201c}Fine,\u{201d} he said."
            ]
        );
    }
}
