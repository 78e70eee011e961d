//! Article body → passages: the paragraphs that search ranks and shows.
//!
//! A paragraph is a run of non-blank lines; hard-wrapped lines are joined with a space.
//! Paragraphs over [`MAX_WORDS`] words are cut on sentence boundaries into windows, so one
//! wall of text does not swamp the ranking. A paragraph repeated in the same article (a
//! caption scraped twice, a caption and its "– video" twin) is kept once.
//! Offsets are byte offsets into the body, so quotes can be mapped onto passages.

use crate::model::Passage;
use std::collections::HashSet;
use std::ops::Range;

/// Paragraphs longer than this are split into windows.
pub const MAX_WORDS: usize = 250;
/// A caption-like paragraph: short enough to be compared with its neighbour for repeats.
const CAPTION_WORDS: usize = 30;

/// Splits `body` into passages, numbered from 0, with no speakers yet.
pub fn segment(body: &str) -> Vec<Passage> {
    let mut out: Vec<Passage> = Vec::new();
    let mut seen = HashSet::new();
    for (para, map) in paragraphs(body) {
        let key = norm_key(&para.text);
        if key.is_empty() || !seen.insert(key.clone()) {
            continue;
        }
        if let Some(prev) = out.last_mut()
            && word_count(&para.text) <= CAPTION_WORDS
            && word_count(&prev.text) <= CAPTION_WORDS
        {
            let prev_key = norm_key(&prev.text);
            if prev_key.starts_with(&key) {
                continue;
            }
            if key.starts_with(&prev_key) {
                *prev = para;
                continue;
            }
        }
        if word_count(&para.text) > MAX_WORDS {
            out.extend(windows(&para, &map));
        } else {
            out.push(para);
        }
    }
    for (i, p) in out.iter_mut().enumerate() {
        p.ordinal = i;
    }
    out
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
    paragraphs(text)
        .into_iter()
        .map(|(p, _)| p.start..p.end)
        .collect()
}

fn paragraphs(body: &str) -> Vec<(Passage, LineMap)> {
    let mut out = Vec::new();
    let mut cur: Option<(Passage, LineMap)> = None;
    let mut pos = 0;
    let per_line = one_paragraph_per_line(body);
    let flush = |cur: &mut Option<(Passage, LineMap)>, out: &mut Vec<(Passage, LineMap)>| {
        out.extend(cur.take());
    };
    for line in body.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if trimmed.is_empty() || per_line {
            flush(&mut cur, &mut out);
        }
        if !trimmed.is_empty() {
            let lead = content.len() - content.trim_start().len();
            let (ls, le) = (pos + lead, pos + lead + trimmed.len());
            match &mut cur {
                Some((p, map)) => {
                    p.text.push(' ');
                    map.push((p.text.len(), ls));
                    p.text.push_str(trimmed);
                    p.end = le;
                }
                None => {
                    let text = trimmed.to_string();
                    let p = Passage {
                        ordinal: 0,
                        text,
                        start: ls,
                        end: le,
                        speakers: vec![],
                    };
                    cur = Some((p, vec![(0, ls)]));
                }
            }
        }
        pos += line.len();
    }
    flush(&mut cur, &mut out);
    out
}

/// Cuts a long paragraph into windows of whole sentences of at most [`MAX_WORDS`] words.
fn windows(p: &Passage, map: &LineMap) -> Vec<Passage> {
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
    out
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
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words, as whitespace-separated runs.
pub fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Titles and abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt",
    "st", "jr", "sr", "inc", "corp", "co", "ltd", "vs", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "rev", "hon",
    "pres", "adm", "cmdr", "supt", "atty", "mt", "ft",
];

/// Byte ranges of the sentences of `text` (each trimmed of surrounding space).
///
/// A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by a
/// space and an upper-case letter, digit or opening quote, unless the word before the full
/// stop is a known abbreviation or a single initial.
pub fn sentence_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len()
                && matches!(chars[j].1, '"' | '\'' | '\u{201d}' | '\u{2019}' | ')' | ']')
            {
                j += 1;
            }
            let at_space = j < chars.len() && chars[j].1.is_whitespace();
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let next_ok = k < chars.len()
                && (chars[k].1.is_uppercase()
                    || chars[k].1.is_ascii_digit()
                    || matches!(chars[k].1, '"' | '\u{201c}' | '\u{2018}' | '\''));
            if at_space && next_ok && !(c == '.' && ends_with_abbreviation(&text[start..pos])) {
                let end = if j < chars.len() {
                    chars[j].0
                } else {
                    text.len()
                };
                push_trimmed(&mut out, text, start, end);
                start = chars[k].0;
                i = k;
                continue;
            }
        }
        i += 1;
    }
    push_trimmed(&mut out, text, start, text.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, start: usize, end: usize) {
    let s = &text[start..end];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    if !trimmed.is_empty() {
        out.push(start + lead..start + lead + trimmed.len());
    }
}

/// Whether `before` ends with a known abbreviation or a single initial (so a full stop after
/// it does not end the sentence).
pub fn ends_with_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = word.to_lowercase();
    let single_initial = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    single_initial || ABBREVIATIONS.contains(&lower.as_str())
}

/// The first sentence of `s`.
pub fn first_sentence(s: &str) -> &str {
    sentence_spans(s)
        .first()
        .map(|r| &s[r.clone()])
        .unwrap_or(s)
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
