//! Speech verbs with their inflections (`warn` gives `warned`, `warns`, `warning`), the
//! weak ones that need a quotation close by ("called"), and the words that may stand
//! between a subject and its verb ("also", "yesterday", "repeatedly").

use super::roles::is_source_noun;
use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// Regular speech verbs, as base forms.
const REGULAR_VERBS: &[&str] = &[
    "acknowledge",
    "add",
    "admit",
    "advise",
    "affirm",
    "agree",
    "allege",
    "announce",
    "answer",
    "argue",
    "ask",
    "assert",
    "assure",
    "boast",
    "call",
    "caution",
    "charge",
    "cheer",
    "claim",
    "comment",
    "complain",
    "concede",
    "conclude",
    "confirm",
    "contend",
    "continue",
    "counter",
    "declare",
    "decry",
    "demand",
    "deny",
    "describe",
    "dismiss",
    "dub",
    "echo",
    "emphasise",
    "emphasize",
    "estimate",
    "exclaim",
    "explain",
    "express",
    "fume",
    "greet",
    "grumble",
    "hail",
    "insist",
    "joke",
    "label",
    "lament",
    "maintain",
    "mock",
    "mention",
    "muse",
    "note",
    "object",
    "observe",
    "opine",
    "plead",
    "point",
    "post",
    "praise",
    "predict",
    "proclaim",
    "promise",
    "protest",
    "question",
    "quip",
    "recall",
    "recount",
    "reflect",
    "reiterate",
    "remark",
    "remind",
    "reply",
    "report",
    "respond",
    "retort",
    "reveal",
    "scoff",
    "scream",
    "shout",
    "slam",
    "state",
    "stress",
    "suggest",
    "summarise",
    "summarize",
    "testify",
    "thunder",
    "tweet",
    "urge",
    "vow",
    "warn",
    "wonder",
    "yell",
    "accuse",
    "blast",
    "brand",
    "criticise",
    "criticize",
    "condemn",
    "denounce",
    "signal",
    "implore",
    "challenge",
];

/// Irregular forms and multi-form verbs, listed whole.
const IRREGULAR_FORMS: &[&str] = &[
    "say", "says", "said", "saying", "tell", "tells", "told", "telling", "write", "writes",
    "wrote", "writing", "written", "speak", "speaks", "spoke", "speaking", "begin", "began", "put",
    "puts", "quoted", "quote", "quotes",
];

fn inflect(base: &str) -> Vec<String> {
    let mut v = vec![base.to_string()];
    let stem_e = base.strip_suffix('e');
    let ends_y_consonant = base.ends_with('y')
        && !matches!(
            base.as_bytes()[base.len().saturating_sub(2)],
            b'a' | b'e' | b'o' | b'u'
        );
    // third person
    if ends_y_consonant {
        v.push(format!("{}ies", &base[..base.len() - 1]));
    } else if base.ends_with("sh")
        || base.ends_with("ch")
        || base.ends_with('s')
        || base.ends_with('x')
    {
        v.push(format!("{base}es"));
    } else {
        v.push(format!("{base}s"));
    }
    // past
    if let Some(stem) = stem_e {
        v.push(format!("{base}d"));
        v.push(format!("{stem}ing"));
    } else if ends_y_consonant {
        v.push(format!("{}ied", &base[..base.len() - 1]));
        v.push(format!("{base}ing"));
    } else if matches!(
        base,
        "dub" | "quip" | "plead" | "label" | "signal" | "pan" | "jab"
    ) {
        let last = &base[base.len() - 1..];
        v.push(format!("{base}{last}ed"));
        v.push(format!("{base}ed"));
        v.push(format!("{base}{last}ing"));
        v.push(format!("{base}ing"));
    } else {
        v.push(format!("{base}ed"));
        v.push(format!("{base}ing"));
    }
    v
}

/// Verbs of stance that attribute a short quotation standing close after them (`opposes
/// "across-the-board pay freezes"`, `cited "Obama-Clinton" policies`), but that have
/// everyday senses too: they are weak cues.
const STANCE_VERBS: &[&str] = &[
    "oppose",
    "order",
    "rule",
    "rate",
    "knock",
    "grouse",
    "cite",
    "refer",
    "tout",
    "decry",
    "lambast",
    "deride",
    "characterize",
    "characterise",
    "term",
    "laud",
    "applaud",
    "welcome",
    "threaten",
    "blame",
    "recommend",
    "request",
    "propose",
    "advocate",
    "allege",
    "rail",
    "ridicule",
    "attack",
    "brag",
    "forecast",
    "voice",
    "reject",
    "dispute",
    "defend",
    "assail",
    "beg",
    "chant",
    "pan",
    "tweak",
    "hail",
    "swipe",
    "jab",
    "needle",
    "scoff",
    "sneer",
    "vow",
    "pledge",
    "complain",
    "boast",
    "promise",
    "praise",
    "slam",
    "blast",
    "brand",
    "label",
    "dub",
    "mock",
    "accuse",
    "criticize",
    "criticise",
    "condemn",
    "denounce",
    "dismiss",
    "insist",
    "concede",
    "acknowledge",
    "admit",
    "offer",
    "express",
    "lament",
    "urge",
    "warn",
    "endorse",
];

/// Further speech verbs, base forms: rarer, but as clearly verbs of saying.
const MORE_VERBS: &[&str] = &[
    "demur",
    "interject",
    "chime",
    "concur",
    "scold",
    "tease",
    "gush",
    "rave",
    "sigh",
    "blurt",
    "remember",
    "whisper",
    "holler",
    "cry",
    "bellow",
    "mutter",
    "murmur",
    "stammer",
    "elaborate",
    "clarify",
    "caution",
    "inform",
    "advise",
    "assert",
    "contend",
    "relate",
    "recollect",
    "confess",
    "concede",
    "specify",
    "emphasise",
    "add",
    "tweet",
    "text",
    "email",
];

/// Verbs of saying only with "back" or "out" after them (`shot back`, `lashed out`), and
/// `issued` (a statement): weak cues.
const PHRASAL_FORMS: &[&str] = &[
    "shot", "fired", "hit", "hits", "pushed", "snapped", "lashed", "issued", "issue", "issues",
    "released", "went", "goes",
];

static SPEECH_VERBS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let mut set: HashSet<String> = IRREGULAR_FORMS
        .iter()
        .chain(PHRASAL_FORMS)
        .map(|s| s.to_string())
        .collect();
    for b in REGULAR_VERBS.iter().chain(STANCE_VERBS).chain(MORE_VERBS) {
        set.extend(inflect(b));
    }
    set
});

static WEAK_STANCE: LazyLock<HashSet<String>> = LazyLock::new(|| {
    let strong: HashSet<&str> = REGULAR_VERBS.iter().copied().collect();
    STANCE_VERBS
        .iter()
        .filter(|b| !strong.contains(*b))
        .flat_map(|b| inflect(b))
        .collect()
});

/// Whether `word` (lower case) is a form of a speech verb.
pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERB_SHAPES.may_hold(word) && SPEECH_VERBS.contains(word)
}

/// The first letter, last letter and length of each word of a set: most words of a text
/// share none of them with any speech verb, and telling so costs less than hashing.
struct Shapes {
    bits: [u64; 26 * 26],
    /// The set has a word that does not start and end with a lower-case ASCII letter.
    odd: bool,
}

impl Shapes {
    fn of<'s>(words: impl IntoIterator<Item = &'s str>) -> Shapes {
        let mut shapes = Shapes {
            bits: [0; 26 * 26],
            odd: false,
        };
        for w in words {
            match Shapes::slot(w) {
                Some((i, bit)) => shapes.bits[i] |= bit,
                None => shapes.odd = true,
            }
        }
        shapes
    }

    fn slot(word: &str) -> Option<(usize, u64)> {
        let (&first, &last) = (word.as_bytes().first()?, word.as_bytes().last()?);
        let letter = |b: u8| b.is_ascii_lowercase().then(|| usize::from(b - b'a'));
        Some((letter(first)? * 26 + letter(last)?, 1 << word.len().min(63)))
    }

    /// False only for a word whose shape no word of the set has.
    fn may_hold(&self, word: &str) -> bool {
        Shapes::slot(word).map_or(self.odd, |(i, bit)| self.bits[i] & bit != 0)
    }
}

static SPEECH_VERB_SHAPES: LazyLock<Shapes> =
    LazyLock::new(|| Shapes::of(SPEECH_VERBS.iter().map(String::as_str)));

/// Verbs that only introduce a quote when something else marks it as speech (they also
/// have everyday senses: `called a meeting`, `put forward`).
pub fn is_weak_verb(word: &str) -> bool {
    WEAK_STANCE.contains(word)
        || PHRASAL_FORMS.contains(&word)
        || matches!(
            word,
            "call"
                | "calls"
                | "called"
                | "calling"
                | "put"
                | "puts"
                | "post"
                | "posted"
                | "posts"
                | "describe"
                | "described"
                | "describes"
                | "describing"
                | "begin"
                | "began"
                | "quote"
                | "quotes"
                | "quoted"
                | "continue"
                | "continued"
                | "continues"
                | "echo"
                | "echoed"
                | "echoes"
                | "point"
                | "pointed"
                | "points"
                | "speak"
                | "spoke"
                | "speaks"
                | "speaking"
        )
}

/// Words of a time expression around a speech verb: between speaker and verb ("Priebus
/// later Thursday told"), or between the verb and what was said (`said on Wednesday she
/// …`).
pub fn is_time_word(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tonight"
            | "morning"
            | "afternoon"
            | "evening"
            | "night"
    )
}

/// Adverbs and auxiliaries that may stand between a speaker and the verb ("he later said",
/// "Clinton emphatically proclaimed"): a list, and any other adverb in "-ly" that is not
/// a noun ("the family said", "a close ally said").
pub fn is_verb_modifier(word: &str) -> bool {
    is_listed_modifier(word) || is_ly_adverb(word)
}

/// Whether a lower-case word in "-ly" has the shape of an adverb ("previously",
/// "initially", "broadly", "heavily") rather than of a name ("kelly", "connolly",
/// "emily"): names are tested by their capitalised form, so the shape decides.
pub fn is_adverb_shaped(lower: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ically", "ially", "inally", "ously", "ively", "ently", "antly", "ately", "edly", "ingly",
        "ibly", "ably", "fully", "lessly", "larly", "ckly", "ghtly", "ctly", "stly", "rtly", "dly",
        "ntly", "erally", "urally",
    ];
    ENDINGS.iter().any(|e| lower.ends_with(e))
        || lower.len() >= 6 && lower.ends_with("ily")
        || lower.len() >= 7 && lower.ends_with("ely")
}

fn is_ly_adverb(word: &str) -> bool {
    word.len() >= 6
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && !is_source_noun(word)
        && !matches!(
            word,
            "family"
                | "supply"
                | "rally"
                | "assembly"
                | "monopoly"
                | "anomaly"
                | "homily"
                | "butterfly"
                | "jelly"
                | "belly"
                | "bully"
                | "folly"
                | "melancholy"
                | "italy"
                | "ugly"
                | "friendly"
                | "elderly"
                | "lonely"
                | "lovely"
                | "likely"
                | "early"
                | "daily"
                | "weekly"
                | "monthly"
                | "yearly"
                | "quarterly"
        )
}

fn is_listed_modifier(word: &str) -> bool {
    matches!(
        word,
        "also"
            | "later"
            | "then"
            | "again"
            | "previously"
            | "recently"
            | "once"
            | "had"
            | "has"
            | "have"
            | "would"
            | "will"
            | "reportedly"
            | "further"
            | "earlier"
            | "repeatedly"
            | "often"
            | "frequently"
            | "publicly"
            | "privately"
            | "angrily"
            | "simply"
            | "flatly"
            | "quickly"
            | "separately"
            | "subsequently"
            | "similarly"
            | "famously"
            | "bluntly"
            | "ultimately"
            | "initially"
            | "first"
            | "last"
            | "then-"
            | "did"
            | "does"
            | "do"
            | "only"
            | "not"
            | "never"
            | "always"
            | "even"
            | "just"
            | "is"
            | "was"
            | "were"
            | "are"
            | "been"
            | "being"
            | "can"
            | "could"
            | "may"
            | "might"
            | "should"
            | "must"
            | "shall"
            | "went"
            | "on"
            | "to"
            | "gone"
            | "going"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shape_filter_lets_every_speech_verb_through() {
        assert!(SPEECH_VERBS.iter().all(|w| SPEECH_VERB_SHAPES.may_hold(w)));
        for w in ["said", "says", "told", "stated", "tweeted"] {
            assert!(is_speech_verb(w), "{w}");
        }
        for w in [
            "the",
            "that",
            "of",
            "",
            "s",
            "\u{e9}t\u{e9}",
            "x".repeat(80).as_str(),
        ] {
            assert!(!is_speech_verb(w), "{w}");
        }
    }

    proptest::proptest! {
        #[test]
        fn speech_verbs_are_the_set_with_or_without_the_shape_filter(
            word in "(said|say|tell|add|warn|argu|claim|not|[a-z]{0,9}|[a-z\u{e9}.]{1,4})(s|ed|ing|e)?"
        ) {
            proptest::prop_assert_eq!(is_speech_verb(&word), SPEECH_VERBS.contains(word.as_str()));
        }
    }

    #[test]
    fn inflections_are_generated() {
        for w in [
            "said", "warned", "warns", "argued", "tweeted", "replied", "dubbed", "says", "told",
            "noted", "adding",
        ] {
            assert!(is_speech_verb(w), "{w}");
        }
        assert!(!is_speech_verb("walked"));
    }
}
