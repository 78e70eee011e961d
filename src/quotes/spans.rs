//! Text → quotation spans: where each quotation opens and closes.
//!
//! Double marks only (straight `"`, curly `“ ”`, guillemets `« »`); single marks nest inside
//! them but never open a top-level quote, because `’` is also the apostrophe (`voters’`) and
//! pairing it would throw every later quote in the article off. Pairing restarts at every
//! paragraph, so one stray mark costs at most one paragraph. A quotation left open at the end
//! of a paragraph continues when the next paragraph opens with a mark (the newswire
//! convention for a quote running over several paragraphs).

use std::ops::Range;

/// One quotation: its byte range (marks included) and where it sits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// Byte range in the text, opening and closing marks included.
    pub range: Range<usize>,
    /// Index of the paragraph (blank-line separated) it sits in.
    pub paragraph: usize,
    /// The quotation started in an earlier paragraph and runs on into this one.
    pub continued: bool,
    /// The quotation is still open at the end of its paragraph.
    pub open_ended: bool,
}

pub use crate::passages::paragraph_ranges as paragraphs;

fn is_opening_mark(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{00ab}' | '\u{201e}')
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{00bb}')
}

/// Finds the quotations in `text`, whose paragraphs are `paras` (from [`paragraphs`]).
pub fn find(text: &str, paras: &[Range<usize>]) -> Vec<Span> {
    let mut out: Vec<Span> = Vec::new();
    let mut carried = false;
    for (pi, para) in paras.iter().enumerate() {
        let body = &text[para.clone()];
        let next_opens = paras
            .get(pi + 1)
            .and_then(|r| text[r.clone()].chars().next())
            .is_some_and(|c| c == '"' || is_opening_mark(c));
        let mut depth = 0usize;
        let mut open: Option<usize> = None;
        let mut straight_open = false;
        let bytes = body.as_bytes();
        let mut from = 0;
        // Every mark is `"` or starts with byte 0xC2 or 0xE2 (a lead byte, so a character
        // boundary): only those places are decoded.
        while let Some(off) = memchr::memchr3(b'"', 0xC2, 0xE2, &bytes[from..]) {
            let i = from + off;
            let Some(c) = body[i..].chars().next() else {
                break;
            };
            from = i + c.len_utf8();
            if !(c == '"' || is_opening_mark(c) || is_closing_mark(c)) {
                continue;
            }
            let prev = body[..i].chars().next_back();
            let mut rest = body[from..].chars();
            let next = rest.next();
            let two_more = rest.next().is_some();
            let is_open = match c {
                '"' if open.is_none() => true,
                '"' if straight_open => false,
                '"' => {
                    // A straight mark inside a curly quotation: nested if it opens a word.
                    prev.is_none_or(|p| p.is_whitespace() || "([—–-".contains(p))
                        && next.is_some_and(|n| !n.is_whitespace())
                }
                c if is_opening_mark(c) => true,
                // A closing mark typed where an opening one belongs: "” … in the case".
                c if is_closing_mark(c) && open.is_none() => {
                    prev.is_none_or(char::is_whitespace)
                        && next.is_some_and(|n| !n.is_whitespace() || two_more)
                }
                _ => false,
            };
            let is_close = !is_open && (c == '"' || is_closing_mark(c));
            if is_open {
                if open.is_none() {
                    open = Some(i);
                    straight_open = c == '"';
                    depth = 1;
                } else {
                    depth += 1;
                }
            } else if is_close && open.is_some() {
                depth -= 1;
                if depth == 0 {
                    let start = open.take().unwrap_or(i);
                    let continued =
                        carried && start == 0 && out.last().is_some_and(|s| s.open_ended);
                    out.push(Span {
                        range: para.start + start..para.start + i + c.len_utf8(),
                        paragraph: pi,
                        continued,
                        open_ended: false,
                    });
                    carried = false;
                }
            }
        }
        if let Some(start) = open {
            // Open at the paragraph's end: a multi-paragraph quotation when the next
            // paragraph opens with a mark; otherwise keep it only if it reads like speech.
            let tail = &body[start..];
            if next_opens || tail.split_whitespace().count() >= 4 {
                let continued = carried && start == 0 && out.last().is_some_and(|s| s.open_ended);
                out.push(Span {
                    range: para.start + start..para.end,
                    paragraph: pi,
                    continued,
                    open_ended: next_opens,
                });
            }
            carried = next_opens;
        } else {
            carried = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &str) -> Vec<&str> {
        find(t, &paragraphs(t))
            .into_iter()
            .map(|s| &t[s.range])
            .collect()
    }

    #[test]
    fn curly_and_straight_pairs() {
        assert_eq!(
            texts("He said \u{201c}yes\u{201d} and \"no\"."),
            ["\u{201c}yes\u{201d}", "\"no\""]
        );
    }

    #[test]
    fn apostrophes_do_not_break_pairing() {
        let t = "Congress\u{2019} own voters\u{2019} view: \u{201c}It\u{2019}s fine,\u{201d} she said. \u{201c}Go.\u{201d}";
        assert_eq!(
            texts(t),
            ["\u{201c}It\u{2019}s fine,\u{201d}", "\u{201c}Go.\u{201d}"]
        );
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let t = "\"He asked: \u{201c}why?\u{201d} and left,\" she said.";
        assert_eq!(texts(t), ["\"He asked: \u{201c}why?\u{201d} and left,\""]);
    }

    #[test]
    fn quotation_over_paragraphs() {
        let t = "\u{201c}First part of it\n\n\u{201c}Second part,\u{201d} he said.";
        let s = find(t, &paragraphs(t));
        assert_eq!(s.len(), 2);
        assert!(s[0].open_ended);
        assert!(s[1].continued);
    }

    #[test]
    fn stray_mark_costs_one_paragraph() {
        let t = "A 12\" pipe.\n\nShe said \"fine\".";
        assert_eq!(texts(t), ["\"fine\""]);
    }
}
