//! The noun phrase that names a speaker next to a speech verb: a capitalised name run
//! with its titles (`State Department deputy spokesman Vedant Patel`), an apposition
//! (`Maj Gen Yahya Rasool, the Prime Minister's military spokesman,`), or a common-noun
//! description of a source nobody named (`a senior State Department official`).

use super::tokens::{Tok, is_cap, is_verb_at, modifies_verb, words};
use super::words::{
    is_clause_word, is_determiner, is_document, is_function_word, is_month, is_number_word,
    is_org_noun,
};
use super::{APPOSITION_WORDS, RawSpeaker};
use crate::quotes::lexicon::{self, Gender, is_name_particle, is_non_name, is_title, pronoun};

/// The speaker phrase ending right before token `v` (a verb), skipping modifiers and an
/// apposition between commas.
pub(super) fn np_before(toks: &[Tok<'_>], v: usize) -> Option<RawSpeaker> {
    let mut i = v;
    while i > 0
        && (modifies_verb(&toks[i - 1]) || lexicon::is_time_word(&toks[i - 1].lower))
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
        if town_before_state(toks, j) && lexicon::is_place(&words(&toks[j + 1..i])) {
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
    let run = name_run_before(toks, end);
    // `Merrill Lynch in London said`, `Traders in London said`: a place after "in" says
    // where the speaker is, and the speaker comes before it.
    if let Some(RawSpeaker::Named { pos, .. }) = &run
        && let Some(k) = toks[..end].iter().rposition(|t| t.start == *pos)
        && k >= 2
        && toks[k - 1].lower == "in"
        && toks[k - 2].trail.is_none()
        && lexicon::is_place(&words(&toks[k..end]))
        && let Some(speaker) = np_before(toks, k - 1)
    {
        return Some(speaker);
    }
    run
}

/// Whether an apposition describes ("the Prime Minister's military spokesman", "Sanders'
/// campaign manager", "35", a party tag "R-Ky."), where a list of names ("Cruz, Rubio and
/// Kasich") does not.
pub(super) fn describes(appos: &[Tok<'_>]) -> bool {
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
pub(super) fn town_before_state(toks: &[Tok<'_>], j: usize) -> bool {
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
pub(super) fn office_of(toks: &[Tok<'_>], i: usize) -> bool {
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
    run >= 3 && last.is_some_and(|t| !lexicon::is_org_word(t.word))
}

/// The person "of", "at" or "from" an institution or place whose name starts at `k`
/// (`Jeffrey Lewis of the James Martin Center`), where the run `start..end` (not empty)
/// before the verb is the end of that name.
fn person_of(toks: &[Tok<'_>], start: usize, end: usize, mut k: usize) -> Option<RawSpeaker> {
    if k == start
        && k >= 2
        && lexicon::is_place(&words(&toks[start..end]))
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
            .any(lexicon::is_org_word)
    {
        return Some(named);
    }
    None
}

pub(super) fn name_run_before(toks: &[Tok<'_>], end: usize) -> Option<RawSpeaker> {
    // "the Trump campaign said", "the Biden administration": a name plus an organisation noun.
    if end >= 2
        && is_org_noun(&toks[end - 1].lower)
        && is_cap(toks[end - 2].word)
        && !toks[end - 2].masked
        && toks[end - 2].trail.is_none()
        && let Some(named @ RawSpeaker::Named { .. }) = name_run_before(toks, end - 1)
    {
        let RawSpeaker::Named { text, pos, .. } = &named else {
            return Some(named);
        };
        // `Caroline Marsh from West Midlands police said`: the name before the noun was
        // read as the person of a place, so that person is the speaker, and the noun
        // belongs to the place.
        if text.split_whitespace().next_back() != Some(toks[end - 2].word) {
            return Some(named);
        }
        return Some(RawSpeaker::Named {
            text: format!("{text} {}", toks[end - 1].word),
            the: true,
            pos: *pos,
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
            || lexicon::is_page_furniture(
                toks[start].word,
                toks[start + 1..end].first().map(|t| t.word),
            ))
    {
        start += 1;
    }
    // "one senior Tory MP said": a party and a seat describe someone unnamed.
    if end - start == 2
        && lexicon::is_post_nominal(toks[end - 1].word)
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
    if the && end - start == 1 && lexicon::is_demonym(&toks[start].lower) {
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
                || lexicon::is_source_noun(&last.lower))
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
    if !lexicon::is_source_noun(&toks[end - 1].lower) {
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
            || lower_case && (lexicon::is_speech_verb(&t.lower) || t.lower.ends_with("ing"))
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

/// The speaker phrase right after token `v` (`said Caddell`, `according to the ministry`).
pub(super) fn np_after(toks: &[Tok<'_>], v: usize) -> Option<RawSpeaker> {
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
        && lexicon::is_source_noun(&role.lower)
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
            .filter(|t| lexicon::is_source_noun(&t.lower))
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
