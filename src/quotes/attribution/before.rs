//! A speaker named before the quotation: `X said: "…"`, `according to X, "…"`, `X told
//! …: "…"`, colon introductions (`Caddell continued:` and the quotation below), and
//! reported speech without quotation marks (`Baghdad said that …`).

use super::phrases::{name_run_before, np_after, np_before};
use super::sentences::sentences;
use super::subject::{
    after_opening_clause, appositive_subject, opening_subject, presented, pronoun_subject,
    sentence_subject,
};
use super::tokens::{Tok, is_cap, is_verb_at, tokens};
use super::words::{ends_intro, is_reporting_verb, is_tell};
use super::{Attribution, RawSpeaker};
use crate::quotes::lexicon::{is_speech_verb, is_weak_verb};
use crate::quotes::spans::Span;
use std::ops::Range;

/// How close to the end of the sentence before a quotation its cue must be to introduce it.
const INTRO_TAIL: usize = 4;
/// How far before a quotation a weak cue ("called") may stand, in words.
const WEAK_WINDOW: usize = 10;

/// `Baghdad said that …`, `he added that …`: a strong speech verb with its subject.
pub(super) fn reported_speech(toks: &[Tok<'_>]) -> Option<Attribution> {
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
            return Some(Attribution::cued(speaker, t.word, t.start));
        }
    }
    None
}

/// `Mark Blumenthal and Jon Cohen: "…"` / `… surprise Republican pollster Daron Shaw: "…"`.
pub(super) fn name_colon(toks: &[Tok<'_>]) -> Option<Attribution> {
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
    matches!(speaker, RawSpeaker::Named { .. }).then(|| Attribution::cued(speaker, ":", last.start))
}

/// `Kasich resisted: "…"`: a subject and a verb in the past tense, closed by a colon
/// right before the quotation, whatever the verb (the colon is the cue). Only a name or
/// a pronoun is taken as the subject.
pub(super) fn subject_colon(toks: &[Tok<'_>]) -> Option<Attribution> {
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
    Some(Attribution::cued(speaker, t.word, t.start))
}

/// `Clinton has since apologized for what happened: "…"`: a sentence that opens on a
/// name and ends in a colon right before the quotation introduces it, whatever its verb.
pub(super) fn opening_subject_colon(toks: &[Tok<'_>], masked: &str) -> Option<Attribution> {
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

/// `Sen. Ted Cruz tweeted a warning. "Missouri: …"`: a quotation opening a sentence takes
/// the speaker of the sentence before it in the paragraph when that one ends on its cue.
pub(super) fn intro_sentence(
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
        inherited: true,
        ..Attribution::cued(speaker, cue.word, cue.start)
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
pub(super) fn colon_intro(
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

/// `X said: "` / `X, the …, called the strikes a "…"` / `according to X, "…"` before it.
pub(super) fn from_before(toks: &[Tok<'_>]) -> Option<Attribution> {
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
        let found = |speaker: RawSpeaker, cue: &str| Attribution::cued(speaker, cue, t.start);
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
