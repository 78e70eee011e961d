//! Closed word classes that attribution's rules test words against: function words,
//! determiners, months, number words, document nouns, the verbs that report speech
//! without quotation marks. Open lists that normalisation shares live in `lexicon`.

/// Words that cannot be a source on their own ("and warned", "that said").
pub(super) fn is_function_word(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "or"
            | "but"
            | "that"
            | "which"
            | "to"
            | "of"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "as"
            | "so"
            | "a"
            | "an"
            | "the"
            | "this"
            | "there"
            | "what"
            | "not"
            | "be"
            | "been"
            | "if"
            | "when"
            | "where"
            | "than"
            | "then"
            | "also"
            | "into"
            | "about"
            | "over"
            | "after"
            | "before"
            | "because"
            | "while"
            | "who"
            | "whom"
            | "whose"
            | "it"
            | "its"
            | "i"
            | "we"
            | "you"
            | "me"
            | "us"
            | "him"
            | "her"
            | "them"
            | "his"
            | "their"
            | "our"
            | "my"
            | "your"
            | "had"
            | "has"
            | "have"
            | "is"
            | "was"
            | "were"
            | "are"
            | "publicly"
            | "once"
            | "just"
    )
}

/// Verbs that report speech even without quotation marks.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "warned",
    "warns",
    "argued",
    "argues",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "announced",
    "announces",
    "declared",
    "explained",
    "noted",
    "stressed",
    "acknowledged",
    "admitted",
    "confirmed",
    "denied",
    "tweeted",
    "wrote",
    "suggested",
    "contended",
    "maintained",
    "asserted",
];

pub(super) fn is_reporting_verb(w: &str) -> bool {
    REPORTING_VERBS.contains(&w)
}

/// Verbs that end a sentence introducing the quotation after it (`Dianne Bystrom
/// agreed. "…"`) without reporting speech of their own.
pub(super) fn ends_intro(w: &str) -> bool {
    is_reporting_verb(w)
        || matches!(
            w,
            "agreed"
                | "agrees"
                | "disagreed"
                | "disagrees"
                | "concurred"
                | "replied"
                | "responded"
                | "recalled"
                | "recalls"
                | "countered"
                | "observed"
                | "remarked"
                | "conceded"
                | "concedes"
                | "predicted"
                | "cautioned"
                | "complained"
                | "quipped"
                | "joked"
                | "lamented"
                | "vowed"
        )
}

/// Any reporting verb as a lower-case word: a sentence without one cannot hold reported
/// speech, and most sentences of a news archive have none, so they skip tokenising.
pub(super) static ANY_REPORTING_VERB: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| {
        let alternation = REPORTING_VERBS.join("|");
        regex::Regex::new(&format!(r"\b(?:{alternation})\b")).expect("verb list is a valid pattern")
    });

/// "tell" in any form: the phrase after it is the listener (`telling Fox 35 that …`), so
/// it never names the speaker of an inverted attribution.
pub(super) fn is_tell(w: &str) -> bool {
    matches!(w, "told" | "tells" | "tell" | "telling")
}

/// Words that open a noun phrase describing a source.
pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "another"
            | "some"
            | "several"
            | "many"
            | "most"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "this"
            | "that"
            | "these"
            | "those"
            | "other"
            | "both"
            | "each"
            | "one"
    ) || is_number_word(w)
}

/// Nouns for what a source issues rather than who it is ("a statement from …").
pub(super) fn is_document(w: &str) -> bool {
    matches!(
        w,
        "statement"
            | "release"
            | "report"
            | "letter"
            | "tweet"
            | "post"
            | "memo"
            | "email"
            | "headline"
    )
}

/// Month names as written in dates ("May", "Aug."), lower-cased.
pub(super) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

/// "one" … "twelve": number words, which make the next word a noun ("eight state
/// candidates") and are no names.
pub(super) fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
    )
}

/// Lower-case nouns that make an organisation of the name before them.
pub(super) fn is_org_noun(w: &str) -> bool {
    matches!(
        w,
        "administration"
            | "campaign"
            | "government"
            | "ministry"
            | "department"
            | "police"
            | "army"
            | "company"
            | "council"
            | "committee"
            | "team"
            | "camp"
            | "office"
            | "agency"
            | "board"
    )
}

/// Words that end a speaker phrase after the verb ("said Smith, who …", "said Smith in a
/// statement").
pub(super) fn is_clause_word(w: &str) -> bool {
    matches!(
        w,
        "who"
            | "which"
            | "that"
            | "in"
            | "on"
            | "at"
            | "during"
            | "after"
            | "before"
            | "when"
            | "while"
            | "as"
            | "to"
            | "adding"
            | "speaking"
            | "referring"
            | "according"
            | "about"
            | "of"
            | "with"
            | "for"
            | "from"
            | "last"
            | "this"
            | "earlier"
            | "later"
            | "recently"
            | "and"
    )
}
