//! Raw speaker phrases → normalised speaker names, within one article.
//!
//! "State Department deputy spokesman Vedant Patel" and "Mr Patel" are one speaker:
//! titles and honorifics are stripped ([`clean_name`]); a surname alone, or with a title,
//! maps to the full name the article uses for that person (the latest one introduced
//! before it, else any in the article); a pronoun takes the most recent speaker it can
//! stand for; organisations ("the State Department", "Baghdad") keep their name and are
//! marked as such.
//!
//! This file resolves an article's attributions in text order; [`names`] strips a phrase
//! to the bare name, [`scan`] finds the full names the article mentions, and [`roles`]
//! resolves "the analyst" or "the QC" to the person named with that role.

mod names;
mod roles;
mod scan;

use crate::model::SpeakerKind;
use crate::quotes::attribution::{Attribution, Found, RawSpeaker};
use crate::quotes::lexicon::{
    Gender, given_name_gender, is_personal_title, is_post_nominal, possessive_owner,
};
use names::{is_org_phrase, surname};
use roles::{definite_role, referent_with, role_referent};
use scan::scan_names;

pub use names::{CleanName, clean_name};
pub use scan::full_names_in;

/// A speaker after normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// The normalised name, or `None` when the source is unnamed.
    pub name: Option<String>,
    /// Person, organisation or unknown.
    pub kind: SpeakerKind,
}

/// Whether `word` occurs in `text` as a whole word, exactly as given.
fn contains_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// Whether `a..b` of `text` stays within one sentence (no full stop or line break; a
/// full stop glued to a masked quotation, `Fry."…" she says`, ends one too).
fn same_sentence(text: &str, a: usize, b: usize) -> bool {
    text.get(a..b).is_some_and(|s| {
        !s.contains('\n')
            && ![". ", "? ", "! ", ".\u{1}", "?\u{1}", "!\u{1}"]
                .iter()
                .any(|stop| s.contains(stop))
    })
}

/// Whether the name at `at` follows a preposition, an article or a possessive (`In his
/// parents' Dominican Republic`, `his address to La Raza`, `Archbishop Aris Shirvanian of
/// the Armenian Patriarchate`): a place, an audience, a work or the speaker's employer,
/// not someone who could speak next.
fn after_preposition(text: &str, at: usize) -> bool {
    let Some(before) = text.get(..at) else {
        return false;
    };
    let Some(word) = before.split_whitespace().next_back() else {
        return false;
    };
    const BEFORE_NON_SPEAKERS: &[&str] = &[
        "to", "in", "of", "at", "for", "from", "with", "on", "by", "into", "about", "and", "the",
        "a", "an", "his", "her", "its", "their", "our", "my", "your",
    ];
    word.ends_with(['\'', '\u{2019}'])
        || possessive_owner(word).is_some()
        || BEFORE_NON_SPEAKERS
            .iter()
            .any(|w| w.eq_ignore_ascii_case(word))
}

/// Normalised speakers of one article's quotations and reported speech.
#[derive(Debug, Clone, Default)]
pub struct ResolvedAll {
    /// One entry per quotation span (`None` when it has no attribution).
    pub quotes: Vec<Option<Resolved>>,
    /// One entry per reported-speech sentence.
    pub reported: Vec<Option<Resolved>>,
}

/// A speaker seen so far: name, kind, gender when known, and where.
struct Seen {
    name: String,
    kind: SpeakerKind,
    gender: Option<Gender>,
    at: usize,
}

/// Normalises every attribution of one article, in text order, so that pronouns and
/// surnames can refer back.
pub fn resolve(found: &Found) -> ResolvedAll {
    // (position, is reported speech, index, attribution), in text order.
    let mut order: Vec<(usize, bool, usize, &Attribution)> = Vec::new();
    for (i, a) in found.quotes.iter().enumerate() {
        if let Some(a) = a
            && !matches!(a.speaker, RawSpeaker::SameAs(_))
        {
            order.push((a.at, false, i, a));
        }
    }
    for (i, r) in found.reported.iter().enumerate() {
        order.push((r.attribution.at, true, i, &r.attribution));
    }
    order.sort_by_key(|&(at, rep, i, _)| (at, rep, i));
    let mut out = ResolvedAll {
        quotes: vec![None; found.quotes.len()],
        reported: vec![None; found.reported.len()],
    };
    if order.is_empty() {
        // Most articles of an archive quote nobody: skip the name scan entirely.
        return out;
    }
    // Names found anywhere in the text serve pronouns and bare surnames only: an article
    // whose attributions are all full names, organisations or descriptions skips the scan.
    let needs_names = order.iter().any(|(_, _, _, a)| match &a.speaker {
        RawSpeaker::Pronoun { .. } => true,
        RawSpeaker::Unnamed(d) => definite_role(d).is_some(),
        RawSpeaker::Named { text, .. } | RawSpeaker::Subject { text, .. } => {
            !clean_name(text).name.contains(' ')
        }
        _ => false,
    });
    let (known, genders) = if needs_names {
        scan_names(&found.masked)
    } else {
        Default::default()
    };
    let mut seen: Vec<Seen> = Vec::new();
    for (at, is_reported, i, a) in order {
        let resolved = resolve_one(&a.speaker, at, &known, &found.masked, &mut seen);
        if let Some(n) = &resolved.name
            && let Some(s) = seen
                .last_mut()
                .filter(|s| &s.name == n && s.gender.is_none())
        {
            s.gender = genders
                .iter()
                .find(|(sn, _)| sn.eq_ignore_ascii_case(surname(n)))
                .map(|&(_, g)| g);
        }
        if is_reported {
            // Reported speech needs no quotation marks, so it is easy to mistake ("Most
            // Southern states … says"): only a speaker known to be a person or an
            // organisation counts, and only then can a pronoun refer back to it.
            if resolved.kind == SpeakerKind::Unknown && resolved.name.is_some() {
                seen.pop();
                continue;
            }
            out.reported[i] = Some(resolved);
        } else {
            out.quotes[i] = Some(resolved);
        }
    }
    // Split and continued quotations take their partner's speaker (chains resolve in turn).
    for _ in 0..4 {
        for i in 0..found.quotes.len() {
            if let Some(Attribution {
                speaker: RawSpeaker::SameAs(j),
                ..
            }) = &found.quotes[i]
                && out.quotes[i].is_none()
            {
                out.quotes[i] = out.quotes.get(*j).cloned().flatten();
            }
        }
    }
    out
}

fn resolve_one(
    speaker: &RawSpeaker,
    at: usize,
    known: &[(usize, String)],
    masked: &str,
    seen: &mut Vec<Seen>,
) -> Resolved {
    let unknown = Resolved {
        name: None,
        kind: SpeakerKind::Unknown,
    };
    let resolved = match speaker {
        RawSpeaker::Unnamed(d) if !d.is_empty() => {
            let Some(name) = role_referent(d, at, known, masked) else {
                return Resolved {
                    name: Some(d.clone()),
                    kind: SpeakerKind::Unnamed,
                };
            };
            Resolved {
                name: Some(name.to_string()),
                kind: SpeakerKind::Person,
            }
        }
        RawSpeaker::Unnamed(_) | RawSpeaker::SameAs(_) => return unknown,
        RawSpeaker::Subject { text: raw, pos } => {
            // Only a person already quoted, or one whose given name says so: a sentence's
            // subject is as often a film, a firm or a place.
            let (name, _) = full_name(clean_name(raw).name, *pos, known, seen);
            let quoted = seen
                .iter()
                .any(|s| s.name == name && s.kind == SpeakerKind::Person);
            if !quoted && name_gender(&name).is_none() {
                return unknown;
            }
            Resolved {
                name: Some(name),
                kind: SpeakerKind::Person,
            }
        }
        RawSpeaker::Pronoun { gender: g, person } => {
            let compatible = |s: &Seen| {
                !*person
                    || s.kind != SpeakerKind::Organization
                        && g.is_none_or(|g| s.gender.is_none_or(|sg| sg == g))
            };
            let last_speaker = seen.iter().rev().find(|s| s.at <= at && compatible(s));
            // A person named after the last speaker spoke is the likelier referent ("…
            // comments made by spokesman John Kirby, when he stated …"), but not a name
            // after a preposition or possessive (`In his parents' Dominican Republic, "…,"
            // he says`).
            let gender_ok = |n: &str| {
                g.is_none_or(|g| {
                    seen.iter()
                        .find(|s| s.name == n)
                        .and_then(|s| s.gender)
                        .is_none_or(|sg| sg == g)
                })
            };
            let last_mention = known
                .iter()
                .rev()
                .find(|(p, n)| *p < at && *person && gender_ok(n))
                .filter(|(p, _)| {
                    last_speaker.is_none_or(|s| *p > s.at)
                        && same_sentence(masked, *p, at)
                        && !after_preposition(masked, *p)
                });
            let chosen = match (last_speaker, last_mention) {
                (_, Some((_, n))) => Resolved {
                    name: Some(n.clone()),
                    kind: SpeakerKind::Person,
                },
                (Some(s), None) => Resolved {
                    name: Some(s.name.clone()),
                    kind: s.kind,
                },
                (None, None) => match known
                    .iter()
                    .rev()
                    .find(|(p, _)| *p < at && !after_preposition(masked, *p))
                {
                    // Nobody has spoken yet: the person last named is the best guess.
                    Some((_, n)) if *person => Resolved {
                        name: Some(n.clone()),
                        kind: SpeakerKind::Person,
                    },
                    _ => unknown,
                },
            };
            match g.filter(|_| *person) {
                Some(g) => gender_checked(chosen, g, at, known, seen, masked),
                None => chosen,
            }
        }
        RawSpeaker::Named {
            text: raw,
            the,
            pos,
        } => {
            let clean = clean_name(raw);
            // "Students said": a capitalised common noun at the start of a sentence, known
            // as such because the article also writes it in lower case.
            let sentence_start = masked[..(*pos).min(masked.len())]
                .trim_end_matches([' ', '"', '\u{201c}'])
                .chars()
                .next_back()
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '\n' | '\u{1}'));
            let known_surname = known.iter().any(|(_, n)| surname(n) == raw.as_str());
            if sentence_start
                && !known_surname
                && !raw.contains(' ')
                && raw.chars().any(char::is_lowercase)
                && contains_word(masked, &raw.to_lowercase())
            {
                return unknown;
            }
            // "The QC told the judges", "The MP said": the letters written after a name,
            // as a definite description, stand for the person named with them (`Peter
            // Wright, QC,`, `Labour MP Luciana Berger`), else for someone unnamed. So
            // does a title only a person holds: "The Judge wrote" after "Judge
            // Kleinberg said".
            if *the && !raw.contains(' ') && (is_post_nominal(raw) || is_personal_title(raw)) {
                let role = raw.trim_end_matches('.').to_lowercase();
                let Some(name) = referent_with(std::slice::from_ref(&role), at, known, masked)
                else {
                    return Resolved {
                        name: Some(format!("the {}", raw.trim_end_matches('.'))),
                        kind: SpeakerKind::Unnamed,
                    };
                };
                Resolved {
                    name: Some(name.to_string()),
                    kind: SpeakerKind::Person,
                }
            } else if is_org_phrase(raw, *the) {
                let name = raw.trim_start_matches("The ").to_string();
                Resolved {
                    name: Some(name),
                    kind: SpeakerKind::Organization,
                }
            } else {
                let words = clean.name.split(' ').count();
                let (name, expanded) = full_name(clean.name, *pos, known, seen);
                let kind = if words >= 2 || clean.titled || expanded {
                    SpeakerKind::Person
                } else {
                    SpeakerKind::Unknown
                };
                if let Some(g) = clean.gender
                    && let Some(s) = seen.iter_mut().find(|s| s.name == name)
                {
                    s.gender = Some(g);
                }
                let gender = clean
                    .gender
                    .or_else(|| seen.iter().find(|s| s.name == name).and_then(|s| s.gender));
                seen.push(Seen {
                    name: name.clone(),
                    kind,
                    gender,
                    at,
                });
                return Resolved {
                    name: Some(name),
                    kind,
                };
            }
        }
    };
    if let Some(n) = &resolved.name {
        let gender = seen.iter().find(|s| &s.name == n).and_then(|s| s.gender);
        seen.push(Seen {
            name: n.clone(),
            kind: resolved.kind,
            gender,
            at,
        });
    }
    resolved
}

/// `chosen` for a pronoun of gender `g`, unless its given name tells the other gender
/// ("she" on Donald Trump): then whichever came last before `at` of the last speaker
/// whose given name or honorific does not tell the other gender too, and the last person
/// named (not after a preposition) whose given name tells `g`. A mere mention must say
/// its gender because the name scan also finds capitalised phrases that are no one
/// ("Trump Tower", "Young Latinos"). Without either the choice stands.
fn gender_checked(
    chosen: Resolved,
    g: Gender,
    at: usize,
    known: &[(usize, String)],
    seen: &[Seen],
    masked: &str,
) -> Resolved {
    let fits = |gender: Option<Gender>| gender.is_none_or(|x| x == g);
    if fits(chosen.name.as_deref().and_then(name_gender)) {
        return chosen;
    }
    let spoke = seen
        .iter()
        .rev()
        .filter(|s| s.at <= at && s.kind == SpeakerKind::Person)
        .find(|s| fits(s.gender.or_else(|| name_gender(&s.name))))
        .map(|s| (s.at, &s.name));
    let named = known
        .iter()
        .rev()
        .filter(|(p, _)| *p < at && !after_preposition(masked, *p))
        .find(|(_, n)| name_gender(n) == Some(g))
        .map(|(p, n)| (*p, n));
    match spoke.into_iter().chain(named).max_by_key(|&(p, _)| p) {
        Some((_, n)) => Resolved {
            name: Some(n.clone()),
            kind: SpeakerKind::Person,
        },
        None => chosen,
    }
}

/// The gender a full name's given name tells ("Hillary Clinton" → female); none for a
/// single word, which may be a surname.
fn name_gender(name: &str) -> Option<Gender> {
    let (first, _) = name.split_once(' ')?;
    given_name_gender(first)
}

/// `name`, or the full name that a surname alone stands for ("Patel" → "Vedant Patel"),
/// and whether it was expanded.
fn full_name(name: String, pos: usize, known: &[(usize, String)], seen: &[Seen]) -> (String, bool) {
    if name.contains(' ') {
        return (name, false);
    }
    match expand_surname(&name, pos, known, seen) {
        Some(full) => (full, true),
        None => (name, false),
    }
}

/// "Patel" → "Vedant Patel" when the article names a person so.
fn expand_surname(
    word: &str,
    pos: usize,
    known: &[(usize, String)],
    seen: &[Seen],
) -> Option<String> {
    let matches = |n: &str| surname(n).eq_ignore_ascii_case(word) && n.contains(' ');
    if let Some(s) = seen.iter().rev().find(|s| matches(&s.name)) {
        return Some(s.name.clone());
    }
    known
        .iter()
        .rev()
        .find(|(p, n)| *p < pos && matches(n))
        .or_else(|| known.iter().find(|(_, n)| matches(n)))
        .map(|(_, n)| n.clone())
}
