//! Definite descriptions that refer back to someone named earlier: "the analyst", "the
//! judge", "the QC" → the nearest person the article names with that role, as a title
//! (`Labour MP Fiona Mactaggart`) or a short apposition (`Raghuram Selvaraju, an analyst
//! at Maxim Group,`).

use crate::quotes::lexicon::possessive_owner;

/// The role word of a definite description of one person (`the analyst` → "analyst",
/// `the former hedge fund manager` → "manager"), or `None` for other descriptions,
/// groups and things (`the company`, `the email`).
pub(super) fn definite_role(description: &str) -> Option<&str> {
    let (first, rest) = description.split_once(' ')?;
    let role = rest.rsplit(' ').next()?;
    let person = crate::quotes::lexicon::is_person_noun(&role.to_lowercase());
    (first.eq_ignore_ascii_case("the") && rest.split(' ').count() <= 4 && person).then_some(role)
}

/// The person a definite description refers back to: the nearest full name before it
/// written with the description's words right beside it, as a title (`pollster Douglas
/// Schoen` for "the pollster", `Chancellor Rachel Reeves` for "the chancellor") or a
/// short apposition (`Raghuram Selvaraju, an analyst at Maxim Group,` for "the analyst").
/// News names someone with their role once and then calls them by it; a role named with
/// no one beside it stays an unnamed source (`the judge` of a report that never names
/// one), and "the Senate Democratic leader" is not a "former NAACP leader".
pub(super) fn role_referent<'k>(
    description: &str,
    at: usize,
    known: &'k [(usize, String)],
    masked: &str,
) -> Option<&'k str> {
    definite_role(description)?;
    let wanted: Vec<String> = description
        .split(' ')
        .skip(1)
        .filter_map(role_word)
        .collect();
    referent_with(&wanted, at, known, masked)
}

/// The nearest full name before `at` written with the words `wanted` beside it, as a
/// title or a short apposition (see [`role_referent`]).
pub(super) fn referent_with<'k>(
    wanted: &[String],
    at: usize,
    known: &'k [(usize, String)],
    masked: &str,
) -> Option<&'k str> {
    let covers = |beside: Vec<String>| wanted.iter().all(|w| beside.contains(w));
    known
        .iter()
        .rev()
        .filter(|(p, _)| *p < at)
        .find(|(p, n)| {
            // Titles must be the description's very words: "the president" is not "Vice
            // President Joe Biden" nor "World Bank President Jim Yong Kim".
            let mention = mention_titles(masked, *p, n);
            mention.as_ref().is_some_and(|(titles, _)| titles == wanted)
                || covers(words_joined_before(masked, *p))
                || mention.is_some_and(|(_, end)| covers(short_apposition(masked, end)))
        })
        .map(|(_, n)| n.as_str())
}

/// How many words a name's title or apposition may take (`former Clinton pollster`).
const ROLE_WORDS: usize = 4;

/// The title words a mention starting at `at` puts before the name `name` ("Chancellor
/// Rachel Reeves" → "chancellor"), and where the name ends; the words may be broken over
/// lines (newswire copy is hard-wrapped).
fn mention_titles(masked: &str, at: usize, name: &str) -> Option<(Vec<String>, usize)> {
    let name: Vec<String> = name.split(' ').filter_map(role_word).collect();
    if name.is_empty() {
        return None;
    }
    let words: Vec<&str> = masked
        .get(at..)?
        .split_whitespace()
        .take(ROLE_WORDS + name.len())
        .collect();
    let bare: Vec<Option<String>> = words.iter().map(|w| role_word(w)).collect();
    let i = (0..=words.len().checked_sub(name.len())?).find(|&i| {
        bare[i..i + name.len()]
            .iter()
            .zip(&name)
            .all(|(w, n)| w.as_ref() == Some(n))
    })?;
    let last = words[i + name.len() - 1];
    let last = last.trim_end_matches(|c: char| !c.is_alphanumeric());
    let end = last.as_ptr() as usize - masked.as_ptr() as usize + last.len();
    Some((bare[..i].iter().flatten().cloned().collect(), end))
}

/// A word of a role or name, bare, lower-cased and without a possessive; "former" and
/// empty words drop out.
fn role_word(w: &str) -> Option<String> {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    let w = possessive_owner(w).unwrap_or(w).to_lowercase();
    (!w.is_empty() && w != "former").then_some(w)
}

/// The words written joined to a name before `at` (`former Clinton pollster`), not past
/// punctuation or a preposition (`an officer in Latin America`).
fn words_joined_before(masked: &str, at: usize) -> Vec<String> {
    const BREAKS: &[&str] = &[
        "in", "of", "at", "for", "from", "with", "by", "to", "and", "on", "as", "like",
    ];
    masked
        .get(..at)
        .unwrap_or("")
        .split_whitespace()
        .rev()
        .take(ROLE_WORDS)
        .take_while(|w| !w.ends_with([',', '.', ';', ':', '\u{1}']))
        .filter_map(role_word)
        .take_while(|w| !BREAKS.contains(&w.as_str()))
        .collect()
}

/// The words of a short apposition right after a name ending at `end` (`, an analyst at
/// Maxim Group,`): it opens with an article.
fn short_apposition(masked: &str, end: usize) -> Vec<String> {
    // It closes with a comma or the sentence's full stop (`Estelle Morris, the education
    // secretary. Ms Morris …`).
    let Some(appos) = masked
        .get(end..)
        .and_then(|a| a.strip_prefix(", "))
        .and_then(|a| {
            let close = a.find([',', '.', ';', ':', '\n', '\u{1}'])?;
            a[close..].starts_with([',', '.']).then(|| &a[..close])
        })
    else {
        return Vec::new();
    };
    let words: Vec<String> = appos.split_whitespace().filter_map(role_word).collect();
    let opens = words
        .first()
        .is_some_and(|f| matches!(f.as_str(), "a" | "an" | "the"));
    // `Yasuhiro Nakasone, a Treasury spokesman said.`: a subject with its verb, not an
    // apposition.
    let has_verb = words
        .iter()
        .any(|w| crate::quotes::lexicon::is_speech_verb(w));
    if opens && !has_verb && words.len() <= ROLE_WORDS * 2 {
        words
    } else {
        Vec::new()
    }
}
