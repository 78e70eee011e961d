//! The subject of a sentence: who a verb far from the quotation, or a pronoun, or a
//! mixed quotation (`Moore thanked him for "…"`) belongs to. Skips opening clauses
//! ("On Saturday, …") and appositions to find it.

use super::phrases::{describes, name_run_before, office_of, town_before_state};
use super::tokens::{Tok, is_cap, is_verb_at, words};
use super::words::is_function_word;
use super::{APPOSITION_WORDS, Attribution, RawSpeaker};
use crate::quotes::lexicon::{self, is_name_particle, is_non_name, is_verb_modifier, pronoun};

/// How far into a sentence its opening clauses may run before the subject, in words.
const OPENING_CLAUSE_WORDS: usize = 24;

/// `Moore thanked him for "stepping up …"`: a quotation inside a sentence whose subject
/// opens it, named and followed by its verb, may be that person's words whatever the verb
/// (news writes `praised`, `pondered`, `denounced`). Normalisation decides: the subject
/// is a [`RawSpeaker::Subject`], kept only for a person. Not when the verb is a copula
/// (`Carter is a co-host of "…"`, `Assange has been "arbitrarily detained"`): what the
/// subject is, is not what they said; nor when speech is reported between the verb and
/// the quotation (`… a lecture from the president, who said that NAFTA was "…"`).
pub(super) fn mixed_subject(toks: &[Tok<'_>], masked: &str) -> Option<Attribution> {
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
pub(super) fn presented(toks: &[Tok<'_>]) -> Option<RawSpeaker> {
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
pub(super) fn after_opening_clause<'t, 'a>(toks: &'t [Tok<'a>]) -> Option<&'t [Tok<'a>]> {
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
pub(super) fn opening_subject(toks: &[Tok<'_>], masked: &str) -> Option<RawSpeaker> {
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
pub(super) fn appositive_subject(toks: &[Tok<'_>]) -> Option<RawSpeaker> {
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

/// The name a sentence opens with (after an introductory clause ending in a comma):
/// "Sen. Bernie Sanders has cast … and accused her of …".
pub(super) fn sentence_subject(toks: &[Tok<'_>]) -> Option<RawSpeaker> {
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
            && (lexicon::is_title(toks[next_cap - 1].word) || toks[next_cap - 1].lower == "member");
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
pub(super) fn pronoun_subject(toks: &[Tok<'_>], cue: &str) -> Option<Attribution> {
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
pub(super) fn subject_start(toks: &[Tok<'_>]) -> usize {
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
