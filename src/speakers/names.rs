//! A raw name phrase → the bare name: titles, honorifics, descriptors and page
//! furniture stripped ("State Department deputy spokesman Vedant Patel" → "Vedant Patel",
//! "Facebook Twitter Pinterest Ellie Goulding" → "Ellie Goulding"), and whether a phrase
//! names an organisation rather than a person.

use crate::quotes::lexicon::{
    Gender, given_name_gender, honorific_gender, is_adverb_shaped, is_name_particle,
    is_name_suffix, is_non_name, is_non_person_name, is_org_word, is_page_furniture, is_place,
    is_post_nominal, is_speech_verb, is_title, possessive_owner,
};

/// A name with its titles stripped, and what the titles told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CleanName {
    /// The bare name ("Yahya Rasool").
    pub name: String,
    /// Gender implied by an honorific ("Mr", "Ms"), if any.
    pub gender: Option<Gender>,
    /// A title or honorific stood before the name (so it names a person).
    pub titled: bool,
}

/// Strips titles and descriptors from the front of a capitalised name phrase:
/// "Maj Gen Yahya Rasool" → "Yahya Rasool"; "US President Joe Biden" → "Joe Biden";
/// "Secretary of State John Kerry" → "John Kerry".
pub fn clean_name(raw: &str) -> CleanName {
    let mut words: Vec<&str> = raw
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| c == ',' || c == ':' || c == '"'))
        .filter(|w| !w.is_empty())
        .collect();
    // "Human RightsLord Woolf", "SchillingDave Schilling": a caption or a heading that
    // lost its line break runs into the name; the name starts where it is glued on.
    if let Some((i, cut)) = words
        .iter()
        .enumerate()
        .rev()
        .find_map(|(i, w)| glued_name_start(w).map(|cut| (i, cut)))
    {
        let rest = words.split_off(i);
        words = std::iter::once(&rest[0][cut..])
            .chain(rest[1..].iter().copied())
            .collect();
    }
    let mut gender = None;
    let mut titled = false;
    // Everything up to the last title word goes, but a name is never stripped to nothing
    // or to its suffix ("Martin Luther King Jr.", not "Jr.").
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        let name_after = words[i + 1..].iter().any(|w| !is_name_suffix(w));
        if name_after && (is_title(w) || *w == "of" && i > 0 && is_title(words[i - 1])) {
            gender = gender.or(honorific_gender(w));
            titled = true;
            start = i + 1;
        }
    }
    // "Secretary of State John Kerry": after "of", the office's object goes too, all of
    // it ("Director of National Intelligence James Clapper", "Chairman of General Motors
    // Roger Smith"): the holder's name is the last two words, or three with an initial
    // or particle between ("John F. Kerry").
    let n = words.len();
    if start > 0 && words[start - 1] == "of" && start + 1 < n {
        start += 1;
    }
    if words[..start].contains(&"of") && n - start >= 3 {
        let middle = words[n - 2];
        let initial = middle.len() <= 2 && middle.ends_with('.');
        start = if initial || is_name_particle(middle) {
            n - 3
        } else {
            n - 2
        };
    }
    // "Stated Stone", "Says Jones": a sentence may open on its verb, in the past tense
    // or as "Says" (not "Said", a first name: Said Zakaria). So may it open on an adverb
    // ("Previously Kelly").
    let opening_verb = |w: &str| {
        if w == "Says" {
            return true;
        }
        // Most words end in neither: lower-case only the few that may qualify.
        let ends = |suffix: &str| {
            w.len() >= suffix.len()
                && w.is_char_boundary(w.len() - suffix.len())
                && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        if !ends("ed") && !ends("ly") {
            return false;
        }
        let lower = w.to_lowercase();
        lower.len() >= 5 && lower.ends_with("ed") && is_speech_verb(&lower)
            || lower.len() >= 6 && lower.ends_with("ly") && is_adverb_shaped(&lower)
    };
    // "Analyst Matthew Boss", "Entrepreneur Elon Musk": a sentence may also open on the
    // person's trade, before a name of two words or more.
    let trade = |w: &str| {
        w.starts_with(|c: char| c.is_ascii_uppercase())
            && crate::quotes::lexicon::is_person_noun(&w.to_lowercase())
    };
    while start + 1 < words.len()
        && (is_non_name(words[start])
            || opening_verb(words[start])
            || is_page_furniture(words[start], words.get(start + 1).copied())
            || start + 2 < words.len() && trade(words[start]))
    {
        start += 1;
    }
    // Letters after a name are no part of it (`said John McDonnell MP.`).
    let mut end = words.len();
    while end > start + 2 && is_post_nominal(words[end - 1]) {
        end -= 1;
    }
    // "Equity Strategist Jonathan Golub", "NASA Administrator Jim Bridenstine": a trade
    // or an office, with whatever qualifies it, before a full name whose given name is
    // known. (A known given name alone is not enough: "Yuval Noah Harari", "Joyce Carol
    // Oates" and "F Scott Fitzgerald" have one in the middle.)
    if let Some(t) = (start..end.saturating_sub(2)).rev().find(|&t| {
        given_name_gender(words[t + 1]).is_some() && (is_title(words[t]) || trade(words[t]))
    }) {
        start = t + 1;
    }
    let name = words[start.min(end)..end].join(" ");
    CleanName {
        name,
        gender,
        titled,
    }
}

/// Where a name glued to the word before it starts in `word`: a lower-case letter ending
/// a word of three letters or more, then an honorific or a known given name (`HuntleyMr`,
/// `ScampKirsty`). Names written with a capital inside (`DuVernay`, `MacDonald`,
/// `KellyAnne`) and brands (`HarperCollins`, `LinkedIn`) are left whole.
fn glued_name_start(word: &str) -> Option<usize> {
    const HONORIFICS: &[&str] = &[
        "Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Lord", "Lady", "Dame",
    ];
    const PREFIXES: &[&str] = &["Mac", "Fitz", "Van", "Von", "Del", "Della", "Saint"];
    // The second halves of given names written as one (`KellyAnne`, `RoseAnn`, `LeeAnne`).
    const SECOND_HALVES: &[&str] = &[
        "Ann", "Anne", "Anna", "Beth", "Jo", "Kay", "Lee", "Lou", "Lyn", "Lynn", "Mae", "Marie",
        "Rose", "Sue",
    ];
    let b = word.as_bytes();
    (3..b.len().saturating_sub(1)).find(|&j| {
        b[j].is_ascii_uppercase()
            && !PREFIXES.contains(&&word[..j])
            && b[j - 1].is_ascii_lowercase()
            && b[j - 3..j].iter().all(u8::is_ascii_alphabetic)
            && {
                let next = word[j..].trim_end_matches(|c: char| !c.is_ascii_alphabetic());
                HONORIFICS.contains(&next.trim_end_matches('.'))
                    || given_name_gender(next).is_some() && !SECOND_HALVES.contains(&next)
            }
    })
}

pub(super) fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// An organisation ends in an organisation word ("State Department", but not "House
/// Speaker Paul Ryan"), is a place speaking for its government, follows "the", or is an
/// acronym.
pub(super) fn is_org_phrase(raw: &str, the: bool) -> bool {
    let words: Vec<&str> = raw.split_whitespace().collect();
    let Some(last) = words.last() else {
        return false;
    };
    is_org_word(last)
        || is_place(raw)
        || words.len() > 1
            && is_non_person_name(raw)
            && !words[..words.len() - 1].iter().any(|w| is_title(w))
        || the && !words.iter().any(|w| is_title(w))
        || words.len() == 1 && last.len() > 1 && last.chars().all(|c| c.is_uppercase())
}

/// The surname in the word after an honorific ("Mr Ekdahl's" → "Ekdahl"): the article
/// gives it a gender anywhere, so that "she" never picks a man named only later as "Mr".
pub(super) fn honorific_name(word: &str) -> Option<&str> {
    let name = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let name = possessive_owner(name).unwrap_or(name);
    name.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_furniture_is_stripped() {
        assert_eq!(
            clean_name("Facebook Twitter Pinterest Ellie Goulding").name,
            "Ellie Goulding"
        );
        assert_eq!(clean_name("Pinterest Lately Jackson").name, "Jackson");
        assert_eq!(clean_name("Twitter Inc").name, "Twitter Inc");
    }

    #[test]
    fn a_name_glued_to_the_word_before_starts_where_it_is_glued() {
        for (raw, name) in [
            ("Kirsty ScampKirsty Scamp", "Kirsty Scamp"),
            ("Human RightsLord Woolf", "Woolf"),
            ("SchillingDave Schilling", "Dave Schilling"),
            ("Shakespeare SolosAdrian Lester", "Adrian Lester"),
            // Capitals inside names and brands stay.
            ("Ava DuVernay", "Ava DuVernay"),
            ("Ian MacDonald", "Ian MacDonald"),
            ("KellyAnne Conway", "KellyAnne Conway"),
            ("HarperCollins", "HarperCollins"),
        ] {
            assert_eq!(clean_name(raw).name, name, "{raw}");
        }
        assert_eq!(clean_name("HuntleyMr Latham").gender, Some(Gender::Male));
    }

    #[test]
    fn a_qualified_trade_or_office_before_a_full_name_is_stripped() {
        for (raw, name) in [
            ("Equity Strategist Jonathan Golub", "Jonathan Golub"),
            (
                "Bloomberg Intelligence Analyst Francis Chan",
                "Francis Chan",
            ),
            ("Exchequer Nigel Lawson", "Nigel Lawson"),
            // A known given name in the middle of a name is no sign of anything.
            ("Yuval Noah Harari", "Yuval Noah Harari"),
            ("Joyce Carol Oates", "Joyce Carol Oates"),
            ("F Scott Fitzgerald", "F Scott Fitzgerald"),
        ] {
            assert_eq!(clean_name(raw).name, name, "{raw}");
        }
        assert!(is_org_phrase("Scotland Yard", false));
    }

    #[test]
    fn titles_are_stripped() {
        assert_eq!(clean_name("Maj Gen Yahya Rasool").name, "Yahya Rasool");
        assert_eq!(clean_name("US President Joe Biden").name, "Joe Biden");
        assert_eq!(
            clean_name("Prosecutor Kate Blackwell").name,
            "Kate Blackwell"
        );
        assert_eq!(
            clean_name("Secretary of State John Kerry").name,
            "John Kerry"
        );
        assert_eq!(clean_name("Mr Patel").name, "Patel");
        assert_eq!(clean_name("Mr. Patel").gender, Some(Gender::Male));
        assert_eq!(clean_name("President").name, "President");
    }
}
