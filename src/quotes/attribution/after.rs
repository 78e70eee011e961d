//! A speaker named after the quotation: `"…," X said`, `"…," said X`, `"…," X, the …,
//! said`, `"…" ― Jo Lee` signed after a dash.

use super::phrases::{name_run_before, np_after, np_before};
use super::tokens::{Tok, is_cap, is_verb_at, modifies_verb, tokens};
use super::words::{is_determiner, is_tell};
use super::{Attribution, MASK, RawSpeaker};
use crate::quotes::lexicon::{self, is_name_particle, is_speech_verb, is_weak_verb};
use crate::quotes::spans::Span;

/// How far after a quotation its attribution may start, in words.
const AFTER_WINDOW: usize = 8;
/// The same, when a name with an apposition follows the quotation.
const AFTER_WINDOW_APPOSITION: usize = 24;
/// Longest name signing a quotation after a dash, in words.
const SIGNOFF_NAME_WORDS: usize = 5;
/// Longest description after the name signing a quotation (`— Jo Lee, 34, of Phoenix`).
const SIGNOFF_DESCRIPTION_WORDS: usize = 8;

/// `“…” ― Sonya Herridge`: a quotation that opens its line, signed with a dash and a
/// name to the end of the line (pull quotes, readers' round-ups, epigraphs). Only a name
/// may follow the dash, with at most a short description after a comma (`— Jo Lee, 34,
/// Phoenix`); a dash after a quotation inside a sentence is an aside or a reporter's
/// sign-off (`… "still the No. 1 force in Spain."--Kim Hjelmgaard`), never this.
pub(super) fn dash_signoff(masked: &str, span: &Span) -> Option<Attribution> {
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
    Some(Attribution::cued(
        speaker,
        &trimmed[..trimmed.len() - dashed.len()],
        base,
    ))
}

/// `," X said` or `," said X` right after the quotation.
pub(super) fn from_after(after: &str, base: usize, ends_sentence: bool) -> Option<Attribution> {
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
            return Some(Attribution::cued(speaker, "according to", t.start));
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
            return Some(Attribution::cued(speaker, t.word, t.start));
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
        // to pick up, Gilbert said"). Nor is its "-ing" form right after a capitalised
        // word, which makes a compound noun (`has a Strong Buy rating`, `the Strasbourg
        // ruling`), not a verb (`Tung is speaking`, `David Perry QC, defending, read`).
        let compound = t.lower.ends_with("ing")
            && v >= 1
            && is_cap(toks[v - 1].word)
            && toks[v - 1].trail.is_none();
        if is_weak_verb(&t.lower) && (matches!(speaker, RawSpeaker::Unnamed(_)) || compound) {
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
        return Some(Attribution::cued(speaker, t.word, t.start));
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
        set_off.then(|| Attribution::cued(speaker, toks[v].word, toks[v].start))
    })
}

/// `"…," Oliver barked.`: after a quotation closed by a comma, a name and one verb in
/// the past tense that ends the sentence attribute it whatever the verb (`retaliated`,
/// `scoffed`): nothing else can follow a comma-closed quotation that way.
pub(super) fn name_then_verb(after: &str, base: usize) -> Option<Attribution> {
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
        || lexicon::is_time_word(first);
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
    named.then(|| Attribution::cued(speaker, t.word, t.start))
}
