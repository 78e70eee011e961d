//! Word lists the quote extractor leans on: speech verbs, titles, organisation words,
//! pronouns and the words that open a sentence without naming anyone.
//!
//! The verb list is newsidx's own, written with the published Gender Gap Tracker list as a
//! reference; inflections are generated from base forms so `warn` gives `warned`, `warns`,
//! `warning`.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

/// A word list as a set: the extractor looks words up for every word of every quoting
/// article, so lists are hashed once, not scanned.
type WordSet = LazyLock<HashSet<&'static str>>;

/// `f` of `word` lower-cased, on the stack when it is short and ASCII (nearly always).
fn lowered<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 32];
    match buf.get_mut(..word.len()) {
        Some(dst) if word.is_ascii() => {
            dst.copy_from_slice(word.as_bytes());
            dst.make_ascii_lowercase();
            f(std::str::from_utf8(dst).unwrap_or_default())
        }
        _ => f(&word.to_lowercase()),
    }
}

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

/// Titles and honorifics stripped from the front of a name ("Maj Gen Yahya Rasool").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "reverend",
    "fr",
    "father",
    "sister",
    "brother",
    "pastor",
    "bishop",
    "archbishop",
    "cardinal",
    "pope",
    "rabbi",
    "imam",
    "sheikh",
    "ayatollah",
    "sen",
    "senator",
    "rep",
    "representative",
    "congressman",
    "congresswoman",
    "gov",
    "governor",
    "president",
    "pres",
    "vice",
    "prime",
    "minister",
    "premier",
    "chancellor",
    // Only ever the office's object: "Chancellor of the Exchequer Nigel Lawson".
    "exchequer",
    "secretary",
    "mayor",
    "judge",
    "recorder",
    "prosecutor",
    "justice",
    "speaker",
    "chairman",
    "chairwoman",
    "chair",
    "chief",
    "director",
    "ambassador",
    "commissioner",
    "attorney",
    "general",
    "gen",
    "maj",
    "major",
    "col",
    "colonel",
    "lt",
    "lieutenant",
    "capt",
    "captain",
    "cmdr",
    "commander",
    "adm",
    "admiral",
    "sgt",
    "sergeant",
    "cpl",
    "corporal",
    "pvt",
    "private",
    "brig",
    "brigadier",
    "marshal",
    "field",
    "det",
    "detective",
    "insp",
    "inspector",
    "supt",
    "atty",
    "superintendent",
    "officer",
    "constable",
    "pc",
    "coach",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sultan",
    "emir",
    "crown",
    "deputy",
    "acting",
    "former",
    "interim",
    "state",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "health",
    "treasury",
    "labor",
    "labour",
    "leader",
    "majority",
    "minority",
    "house",
    "senate",
    "senior",
    "junior",
    "executive",
    "ceo",
    "cfo",
    "coo",
    "founder",
    "co-founder",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "candidate",
    "nominee",
    "front-runner",
    "frontrunner",
    "hopeful",
    "challenger",
    "contender",
    "incumbent",
    "hon",
    "honourable",
    "mp",
    "mep",
    "councillor",
    "councilman",
    "councilwoman",
    "alderman",
    "sheriff",
    "commissioner",
    "auditor",
    "comptroller",
    "treasurer",
    "clerk",
    "whip",
    "delegate",
    "chancellor",
    "dean",
    "provost",
    "gop",
    "democrat",
    "republican",
    "democratic",
    "presidential",
    "u.s",
    "us",
    "uk",
    "un",
    "nato",
    "eu",
    "white",
    "then-president",
    "then-candidate",
    "first",
    "gens",
    "adj",
    "fmr",
];

/// Whether `word` (any case, trailing full stop allowed) is a title or descriptor word.
pub fn is_title(word: &str) -> bool {
    static SET: WordSet = LazyLock::new(|| TITLES.iter().copied().collect());
    let word = word.trim_end_matches('.');
    // "Secretary-General", "Vice-President", "Lieutenant-Colonel": titles joined.
    lowered(word, |w| SET.contains(w))
        || word.contains('-')
            && word
                .split('-')
                .all(|part| lowered(part, |w| SET.contains(w)))
}

/// Common nouns that name someone or something that can be quoted: the head of a
/// description of an unnamed source ("a senior State Department official", "the ad").
const SOURCE_NOUNS: &[&str] = &[
    "academic",
    "account",
    "activist",
    "actor",
    "actress",
    "ad",
    "administration",
    "advert",
    "advertisement",
    "adviser",
    "advisor",
    "agency",
    "aide",
    "ally",
    "ambassador",
    "analyst",
    "anchor",
    "announcement",
    "army",
    "artist",
    "athlete",
    "attorney",
    "audience",
    "auditor",
    "aunt",
    "author",
    "barrister",
    "bassist",
    "billionaire",
    "bishop",
    "blogger",
    "board",
    "boss",
    "boxer",
    "boyfriend",
    "brother",
    "businessman",
    "businesswoman",
    "caller",
    "campaign",
    "campaigner",
    "candidate",
    "captain",
    "caption",
    "ceo",
    "chair",
    "chairman",
    "chairwoman",
    "challenger",
    "champion",
    "charity",
    "chef",
    "chief",
    "club",
    "coach",
    "colleague",
    "columnist",
    "comedian",
    "commander",
    "commentator",
    "commenter",
    "committee",
    "company",
    "complaint",
    "composer",
    "congregant",
    "congressman",
    "congresswoman",
    "conservative",
    "consultant",
    "contender",
    "coroner",
    "council",
    "counsel",
    "court",
    "cousin",
    "critic",
    "crowd",
    "curator",
    "dad",
    "daughter",
    "defence",
    "defense",
    "delegate",
    "democrat",
    "demonstrator",
    "department",
    "designer",
    "detective",
    "diplomat",
    "director",
    "doctor",
    "document",
    "donor",
    "driver",
    "drummer",
    "economist",
    "editor",
    "email",
    "embassy",
    "employee",
    "entrepreneur",
    "executive",
    "expert",
    "family",
    "fan",
    "farmer",
    "father",
    "filing",
    "film-maker",
    "filmmaker",
    "firefighter",
    "firm",
    "footballer",
    "founder",
    "friend",
    "fundraiser",
    "general",
    "girlfriend",
    "goalkeeper",
    "golfer",
    "governor",
    "grandfather",
    "grandmother",
    "group",
    "guitarist",
    "head",
    "headline",
    "historian",
    "hospital",
    "host",
    "husband",
    "imam",
    "incumbent",
    "independent",
    "indictment",
    "insider",
    "inspector",
    "investigator",
    "investor",
    "jockey",
    "journalist",
    "judge",
    "lawmaker",
    "lawsuit",
    "lawyer",
    "leader",
    "lecturer",
    "legislator",
    "letter",
    "liberal",
    "listener",
    "lobbyist",
    "man",
    "manager",
    "mayor",
    "mediator",
    "member",
    "memo",
    "message",
    "military",
    "minister",
    "ministry",
    "moderate",
    "mother",
    "mp",
    "mum",
    "musician",
    "negotiator",
    "neighbor",
    "neighbour",
    "nominee",
    "note",
    "novelist",
    "nurse",
    "observer",
    "office",
    "officer",
    "official",
    "operative",
    "opponent",
    "order",
    "organisation",
    "organiser",
    "organization",
    "organizer",
    "owner",
    "page",
    "panel",
    "paramedic",
    "parent",
    "parishioner",
    "partner",
    "passenger",
    "pastor",
    "patient",
    "people",
    "person",
    "pilot",
    "player",
    "playwright",
    "poet",
    "police",
    "politician",
    "poll",
    "pollster",
    "post",
    "presenter",
    "president",
    "priest",
    "producer",
    "professor",
    "progressive",
    "prosecution",
    "prosecutor",
    "protester",
    "pundit",
    "pupil",
    "rabbi",
    "rapper",
    "reader",
    "referee",
    "regulator",
    "relative",
    "release",
    "report",
    "reporter",
    "representative",
    "republican",
    "researcher",
    "resident",
    "rival",
    "ruling",
    "scholar",
    "school",
    "scientist",
    "secretary",
    "senator",
    "shopper",
    "singer",
    "sister",
    "site",
    "soldier",
    "solicitor",
    "son",
    "source",
    "spokesman",
    "spokesmen",
    "spokesperson",
    "spokeswoman",
    "spokeswomen",
    "staffer",
    "star",
    "statement",
    "strategist",
    "striker",
    "student",
    "study",
    "supporter",
    "surgeon",
    "survey",
    "survivor",
    "teacher",
    "team",
    "tourist",
    "trainer",
    "transcript",
    "tweet",
    "uncle",
    "union",
    "university",
    "user",
    "veteran",
    "victim",
    "viewer",
    "villager",
    "voter",
    "watchdog",
    "website",
    "widow",
    "wife",
    "witness",
    "woman",
    "worker",
    "writer",
];

/// The word without its possessive `'s` or `’s` ("Sanders's" → "Sanders"), or `None`
/// when it has none.
pub fn possessive_owner(word: &str) -> Option<&str> {
    word.strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
}

/// Whether `word` (lower case) names one person by nationality ("spaniard",
/// "frenchman"): sports and foreign news call someone so once they are named.
pub fn is_demonym(word: &str) -> bool {
    const DEMONYMS: &[&str] = &[
        "american",
        "argentine",
        "argentinian",
        "australian",
        "austrian",
        "belgian",
        "brazilian",
        "briton",
        "canadian",
        "chilean",
        "colombian",
        "croat",
        "dane",
        "dutchman",
        "dutchwoman",
        "englishman",
        "englishwoman",
        "finn",
        "frenchman",
        "frenchwoman",
        "german",
        "ghanaian",
        "irishman",
        "irishwoman",
        "italian",
        "jamaican",
        "kenyan",
        "mexican",
        "nigerian",
        "norwegian",
        "pole",
        "russian",
        "scot",
        "scotsman",
        "scotswoman",
        "serb",
        "spaniard",
        "swede",
        "swiss",
        "ukrainian",
        "uruguayan",
        "welshman",
        "welshwoman",
    ];
    DEMONYMS.contains(&word)
}

/// Whether `word` (lower case, singular) names one person as a source ("analyst",
/// "pollster", "senator"), not a body, a group or a document ("company", "email").
pub fn is_person_noun(word: &str) -> bool {
    const NOT_PEOPLE: &[&str] = &[
        "account",
        "ad",
        "administration",
        "advert",
        "advertisement",
        "agency",
        "announcement",
        "army",
        "audience",
        "board",
        "campaign",
        "caption",
        "charity",
        "club",
        "committee",
        "company",
        "complaint",
        "council",
        "court",
        "crowd",
        "defence",
        "defense",
        "department",
        "document",
        "email",
        "embassy",
        "family",
        "filing",
        "firm",
        "group",
        "headline",
        "hospital",
        "indictment",
        "lawsuit",
        "letter",
        "memo",
        "message",
        "military",
        "ministry",
        "note",
        "office",
        "order",
        "organisation",
        "organization",
        "page",
        "panel",
        "people",
        "police",
        "poll",
        "post",
        "prosecution",
        "release",
        "report",
        "ruling",
        "school",
        "site",
        "statement",
        "study",
        "survey",
        "team",
        "transcript",
        "tweet",
        "union",
        "university",
        "watchdog",
        "website",
    ];
    (SOURCE_NOUNS.binary_search(&word).is_ok() || TITLES.contains(&word))
        && !NOT_PEOPLE.contains(&word)
}

/// Whether `word` (lower case, singular or plural) names a possible source.
pub fn is_source_noun(word: &str) -> bool {
    let singular = |w: &str| SOURCE_NOUNS.binary_search(&w).is_ok() || TITLES.contains(&w);
    // "the 45-year-old", "a mother-of-two": news names people by age and family.
    if word.ends_with("-year-old") || word.ends_with("-year-olds") {
        return true;
    }
    if let Some((head, _)) = word.split_once("-of-") {
        return is_source_noun(head);
    }
    singular(word)
        || word.strip_suffix('s').is_some_and(singular)
        || word.strip_suffix("es").is_some_and(singular)
        || word
            .strip_suffix("ies")
            .is_some_and(|w| singular(&format!("{w}y")))
        || word == "men"
        || word == "women"
}

/// Titles that mark a person, and by which gender where they tell.
pub fn honorific_gender(word: &str) -> Option<Gender> {
    const MALE: &[&str] = &[
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "father",
        "brother",
        "congressman",
        "chairman",
        "spokesman",
        "councilman",
    ];
    const FEMALE: &[&str] = &[
        "mrs",
        "ms",
        "miss",
        "dame",
        "lady",
        "queen",
        "princess",
        "sister",
        "congresswoman",
        "chairwoman",
        "spokeswoman",
        "councilwoman",
    ];
    // Called on every word of every quoting article: compare in place, no lower-casing.
    let w = word.trim_end_matches('.');
    let first = w.bytes().next().map(|b| b.to_ascii_lowercase());
    if w.len() > "congresswoman".len()
        || !matches!(
            first,
            Some(b'b' | b'c' | b'd' | b'f' | b'k' | b'l' | b'm' | b'p' | b'q' | b's')
        )
    {
        return None;
    }
    let is = |list: &[&str]| list.iter().any(|h| h.eq_ignore_ascii_case(w));
    if is(MALE) {
        Some(Gender::Male)
    } else if is(FEMALE) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The gender a common given name tells ("Hillary" → female, "Donald" → male), for a
/// pronoun to pick between two people neither of whom an honorific marked.
///
/// Only names that news prose gives to one gender are listed: no "Kim" (a Korean
/// surname written first), "Jean", "Andrea", "Leslie", "Taylor", "Sam", nor names that
/// are also places or words ("Virginia", "Chelsea", "Hope", "Will").
pub fn given_name_gender(word: &str) -> Option<Gender> {
    if MALE_GIVEN_NAMES.binary_search(&word).is_ok() {
        Some(Gender::Male)
    } else if FEMALE_GIVEN_NAMES.binary_search(&word).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

/// Given names of men, sorted (searched by bisection).
const MALE_GIVEN_NAMES: &[&str] = &[
    "Aaron",
    "Adam",
    "Adrian",
    "Alan",
    "Alastair",
    "Albert",
    "Alexander",
    "Alfred",
    "Alistair",
    "Andrew",
    "Andy",
    "Angus",
    "Anthony",
    "Antonio",
    "Arnold",
    "Arthur",
    "Barack",
    "Barney",
    "Barry",
    "Ben",
    "Benedict",
    "Benjamin",
    "Bernard",
    "Bernie",
    "Bill",
    "Billy",
    "Bob",
    "Boris",
    "Brad",
    "Bradley",
    "Brandon",
    "Brett",
    "Brian",
    "Bruce",
    "Bryan",
    "Callum",
    "Carl",
    "Carlos",
    "Charles",
    "Chuck",
    "Clive",
    "Colin",
    "Connor",
    "Conor",
    "Craig",
    "Cyril",
    "Dale",
    "Damian",
    "Dan",
    "Daniel",
    "Darren",
    "Dave",
    "David",
    "Declan",
    "Dennis",
    "Derek",
    "Desmond",
    "Dick",
    "Dominic",
    "Don",
    "Donald",
    "Doug",
    "Douglas",
    "Duncan",
    "Dwight",
    "Ed",
    "Eddie",
    "Edmund",
    "Edward",
    "Emmanuel",
    "Eric",
    "Ernest",
    "Ethan",
    "Evan",
    "Felix",
    "Fergus",
    "Francis",
    "Frank",
    "Fred",
    "Frederick",
    "Gareth",
    "Gary",
    "Gavin",
    "Geoff",
    "Geoffrey",
    "George",
    "Gerald",
    "Gerry",
    "Glenn",
    "Gordon",
    "Graham",
    "Greg",
    "Gregory",
    "Hamish",
    "Harold",
    "Harry",
    "Henry",
    "Herbert",
    "Howard",
    "Hugh",
    "Hugo",
    "Ian",
    "Isaac",
    "Jack",
    "Jacob",
    "Jake",
    "James",
    "Jason",
    "Jeb",
    "Jeff",
    "Jeffrey",
    "Jeremy",
    "Jerry",
    "Jim",
    "Jimmy",
    "Joaquin",
    "Joe",
    "Joel",
    "John",
    "Johnny",
    "Jonathan",
    "Jorge",
    "Jose",
    "Joseph",
    "Josh",
    "Joshua",
    "Juan",
    "Justin",
    "Karl",
    "Keir",
    "Keith",
    "Ken",
    "Kenneth",
    "Kevin",
    "Kieran",
    "Kyle",
    "Larry",
    "Lawrence",
    "Leo",
    "Leonard",
    "Liam",
    "Louis",
    "Luke",
    "Malcolm",
    "Marco",
    "Marcus",
    "Mario",
    "Mark",
    "Martin",
    "Matt",
    "Matthew",
    "Max",
    "Michael",
    "Mike",
    "Mitch",
    "Mitt",
    "Mohammed",
    "Muhammad",
    "Nathan",
    "Nathaniel",
    "Neil",
    "Neville",
    "Niall",
    "Nicholas",
    "Nick",
    "Nigel",
    "Noah",
    "Norman",
    "Oliver",
    "Oscar",
    "Owen",
    "Patrick",
    "Paul",
    "Pedro",
    "Peter",
    "Phil",
    "Philip",
    "Piers",
    "Rafael",
    "Ralph",
    "Raymond",
    "Reince",
    "Rhys",
    "Richard",
    "Rick",
    "Rishi",
    "Rob",
    "Robert",
    "Roger",
    "Ron",
    "Ronald",
    "Rory",
    "Ross",
    "Roy",
    "Rudy",
    "Rupert",
    "Russell",
    "Ryan",
    "Sadiq",
    "Samuel",
    "Scott",
    "Sean",
    "Sebastian",
    "Sergei",
    "Seth",
    "Shaun",
    "Simon",
    "Stanley",
    "Stephen",
    "Steve",
    "Steven",
    "Stuart",
    "Ted",
    "Theo",
    "Thomas",
    "Tim",
    "Timothy",
    "Toby",
    "Tom",
    "Tommy",
    "Tony",
    "Trevor",
    "Tristram",
    "Victor",
    "Vince",
    "Vincent",
    "Vladimir",
    "Walter",
    "Warren",
    "Wayne",
    "Wesley",
    "William",
    "Willie",
    "Zach",
];

/// Given names of women, sorted (searched by bisection).
const FEMALE_GIVEN_NAMES: &[&str] = &[
    "Abigail",
    "Adele",
    "Agnes",
    "Alexandra",
    "Alice",
    "Alison",
    "Amanda",
    "Amber",
    "Amy",
    "Angela",
    "Anita",
    "Ann",
    "Anna",
    "Anne",
    "Annie",
    "Ava",
    "Barbara",
    "Beatrice",
    "Bella",
    "Betsy",
    "Betty",
    "Beverly",
    "Brenda",
    "Bridget",
    "Caitlin",
    "Camilla",
    "Carly",
    "Carmen",
    "Carol",
    "Caroline",
    "Catherine",
    "Cecilia",
    "Charlotte",
    "Cheryl",
    "Chloe",
    "Christina",
    "Christine",
    "Claire",
    "Clare",
    "Claudia",
    "Condoleezza",
    "Daisy",
    "Danielle",
    "Debbie",
    "Deborah",
    "Delia",
    "Denise",
    "Diana",
    "Diane",
    "Dianne",
    "Dolores",
    "Donna",
    "Doris",
    "Dorothy",
    "Edith",
    "Eleanor",
    "Elena",
    "Eliza",
    "Elizabeth",
    "Ella",
    "Ellen",
    "Emily",
    "Emma",
    "Erin",
    "Esther",
    "Eva",
    "Eve",
    "Evelyn",
    "Felicity",
    "Fiona",
    "Frances",
    "Gemma",
    "Georgina",
    "Gillian",
    "Gina",
    "Gloria",
    "Greta",
    "Gwyneth",
    "Hannah",
    "Harriet",
    "Hazel",
    "Heather",
    "Heidi",
    "Helen",
    "Hilary",
    "Hillary",
    "Holly",
    "Huma",
    "Imogen",
    "Irene",
    "Iris",
    "Isabel",
    "Isabella",
    "Ivanka",
    "Jacqueline",
    "Jacqui",
    "Jane",
    "Janet",
    "Janice",
    "Jasmine",
    "Jemima",
    "Jennifer",
    "Jenny",
    "Jessica",
    "Jill",
    "Joan",
    "Joanna",
    "Joanne",
    "Judith",
    "Judy",
    "Julia",
    "Julie",
    "Juliet",
    "Justine",
    "Kamala",
    "Karen",
    "Kate",
    "Katharine",
    "Katherine",
    "Kathleen",
    "Kathryn",
    "Kathy",
    "Katie",
    "Katrina",
    "Kellyanne",
    "Kirsten",
    "Kirsty",
    "Laura",
    "Lauren",
    "Lena",
    "Leona",
    "Lily",
    "Linda",
    "Lisa",
    "Liz",
    "Loretta",
    "Lorna",
    "Lorraine",
    "Louise",
    "Lucia",
    "Lucy",
    "Lydia",
    "Lynne",
    "Madeleine",
    "Maggie",
    "Margaret",
    "Maria",
    "Marianne",
    "Marie",
    "Marilyn",
    "Marina",
    "Martha",
    "Mary",
    "Maureen",
    "Maxine",
    "Megan",
    "Meghan",
    "Megyn",
    "Melania",
    "Melissa",
    "Meryl",
    "Michelle",
    "Miriam",
    "Molly",
    "Monica",
    "Nadia",
    "Nancy",
    "Naomi",
    "Natalie",
    "Natasha",
    "Nicole",
    "Nikki",
    "Nina",
    "Nora",
    "Norma",
    "Olivia",
    "Pamela",
    "Patricia",
    "Paula",
    "Penelope",
    "Philippa",
    "Phoebe",
    "Polly",
    "Priti",
    "Rachel",
    "Rebecca",
    "Rita",
    "Rosa",
    "Rosemary",
    "Rosie",
    "Ruth",
    "Sabrina",
    "Sadie",
    "Sally",
    "Samantha",
    "Sandra",
    "Sara",
    "Sarah",
    "Serena",
    "Sharon",
    "Sheila",
    "Sheryl",
    "Shirley",
    "Sonia",
    "Sophia",
    "Sophie",
    "Stella",
    "Stephanie",
    "Suella",
    "Susan",
    "Susanna",
    "Suzanne",
    "Sylvia",
    "Tammy",
    "Tamsin",
    "Tanya",
    "Tessa",
    "Theresa",
    "Tina",
    "Tracey",
    "Tracy",
    "Ursula",
    "Valerie",
    "Vanessa",
    "Vera",
    "Veronica",
    "Vivienne",
    "Wendy",
    "Yvette",
    "Yvonne",
    "Zara",
    "Zoe",
];

/// What a pronoun or honorific says about who is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    /// he, him, Mr
    Male,
    /// she, her, Ms, Mrs
    Female,
}

/// Words that make a capitalised phrase an organisation ("State Department").
const ORG_WORDS: &[&str] = &[
    "department",
    // "Scotland Yard", the Metropolitan police.
    "yard",
    "ministry",
    "council",
    "committee",
    "party",
    "inc",
    "corp",
    "corporation",
    "company",
    "co",
    "ltd",
    "llc",
    "plc",
    "agency",
    "office",
    "commission",
    "court",
    "police",
    "army",
    "navy",
    "force",
    "forces",
    "command",
    "government",
    "administration",
    "campaign",
    "association",
    "union",
    "bank",
    "group",
    "institute",
    "university",
    "college",
    "school",
    "foundation",
    "fund",
    "center",
    "centre",
    "times",
    "news",
    "post",
    "journal",
    "press",
    "service",
    "services",
    "board",
    "authority",
    "bureau",
    "organization",
    "organisation",
    "network",
    "pentagon",
    "kremlin",
    "house",
    "senate",
    "congress",
    "parliament",
    "assembly",
    "federation",
    "league",
    "club",
    "hospital",
    "trust",
    "society",
    "coalition",
    "alliance",
    "network",
    "media",
    "reuters",
    "ap",
    "afp",
    "cnn",
    "bbc",
    "fbi",
    "cia",
    "nsa",
    "un",
    "nato",
    "eu",
    "who",
    "imf",
    "opec",
    "gop",
    "dnc",
    "rnc",
    "guard",
    "staff",
    "team",
    "embassy",
    "consulate",
    "secretariat",
    "cabinet",
    "tribunal",
    "registry",
    "exchange",
    "airlines",
    "airways",
    "motors",
    "systems",
    "holdings",
    "partners",
    "capital",
    "group",
    "resistance",
    "hezbollah",
    "hamas",
    "taliban",
    "brigade",
    "brigades",
    "militia",
    "watch",
    "international",
    "republicans",
    "democrats",
    "officials",
    // Picture agencies and studios ("Getty Images", "Universal Pictures").
    "images",
    "pictures",
    // Newspapers, magazines and theatres ("Daily Mail", "National Theatre").
    "mail",
    "telegraph",
    "mirror",
    "herald",
    "gazette",
    "tribune",
    "chronicle",
    "magazine",
    "theatre",
    "theater",
];

/// Whether a capitalised word marks an organisation.
pub fn is_org_word(word: &str) -> bool {
    static SET: WordSet = LazyLock::new(|| ORG_WORDS.iter().copied().collect());
    lowered(word.trim_end_matches('.'), |w| SET.contains(w))
}

/// Countries, capitals and seats of power that speak for a government ("Baghdad said").
const PLACES: &[&str] = &[
    "washington",
    "moscow",
    "beijing",
    "london",
    "paris",
    "berlin",
    "tokyo",
    "baghdad",
    "tehran",
    "damascus",
    "kyiv",
    "kiev",
    "jerusalem",
    "ankara",
    "riyadh",
    "cairo",
    "delhi",
    "new delhi",
    "islamabad",
    "kabul",
    "seoul",
    "pyongyang",
    "brussels",
    "rome",
    "madrid",
    "ottawa",
    "canberra",
    "taipei",
    "hanoi",
    "havana",
    "caracas",
    "brasilia",
    "pretoria",
    "nairobi",
    "doha",
    "amman",
    "beirut",
    "tripoli",
    "khartoum",
    "minsk",
    "warsaw",
    "athens",
    "iraq",
    "iran",
    "syria",
    "russia",
    "china",
    "ukraine",
    "israel",
    "turkey",
    "egypt",
    "france",
    "germany",
    "britain",
    "japan",
    "india",
    "pakistan",
    "afghanistan",
    "canada",
    "mexico",
    "brazil",
    "qatar",
    "jordan",
    "lebanon",
    "libya",
    "sudan",
    "yemen",
    "taiwan",
    "korea",
    "cuba",
    "venezuela",
    "poland",
    "greece",
    "italy",
    "spain",
    "australia",
    "whitehall",
    "downing",
    "kremlin",
    "pentagon",
    "nigeria",
    "kenya",
    "ethiopia",
    "united states",
    "united kingdom",
    "america",
    "saudi arabia",
    "north korea",
    "south korea",
    "south africa",
    "new zealand",
    "european union",
    "gaza",
    "palestine",
    "vatican",
    "england",
    "scotland",
    "wales",
    "ireland",
    "northern ireland",
    "europe",
    "africa",
    "asia",
    "united arab emirates",
    // US states: news of American politics names them all the time, often right before a
    // pronoun whose referent is a person ("the primary in South Carolina. … he said").
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "new hampshire",
    "new jersey",
    "new mexico",
    // Cities whose names are no one's first or last name.
    "los angeles",
    "san francisco",
    "chicago",
    "boston",
    "toronto",
    "melbourne",
    "dublin",
    "belfast",
    "cardiff",
    "glasgow",
    "edinburgh",
    "liverpool",
    "manchester",
    "birmingham",
    "leeds",
    "sheffield",
    "bristol",
    "new york",
    "north carolina",
    "north dakota",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "rhode island",
    "south carolina",
    "south dakota",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "west virginia",
    "wisconsin",
    "wyoming",
];

/// Last words of capitalised phrases that name places, events and institutions, never a
/// person ("Islamic State", "Democratic National Convention", "Wall Street", "Social
/// Security"): such a phrase is no antecedent for "he" or "she". Words that are also
/// common surnames (West, Hall, Church, North) are left out.
const NON_PERSON_HEADS: &[&str] = &[
    "state",
    "states",
    "convention",
    "security",
    "street",
    "avenue",
    "square",
    "county",
    "city",
    "island",
    "islands",
    "valley",
    "river",
    "bowl",
    "primary",
    "caucus",
    "caucuses",
    "debate",
    "election",
    "act",
    "amendment",
    "airport",
    "university",
    "college",
    "school",
    "mosque",
    "building",
    "bridge",
    "stadium",
    "arena",
    "festival",
    "summit",
    "week",
    "month",
    "year",
    "coast",
    "sea",
    "mountains",
    // English regions and counties ("West Yorkshire"), other things that are no one.
    "yorkshire",
    "lancashire",
    "midlands",
    "merseyside",
    "cottage",
    "road",
    "change",
    "officers",
];

/// Whether a name is a place standing for its government.
pub fn is_place(name: &str) -> bool {
    static SET: WordSet = LazyLock::new(|| PLACES.iter().copied().collect());
    lowered(name, |w| SET.contains(w))
}

/// Whether a capitalised phrase names a place, event or institution rather than a person:
/// a known place, or a phrase ending in a word such as "State", "Street" or "Convention".
pub fn is_non_person_name(name: &str) -> bool {
    static HEADS: WordSet = LazyLock::new(|| NON_PERSON_HEADS.iter().copied().collect());
    let last = name.rsplit(' ').next().unwrap_or(name);
    is_place(name) || lowered(last, |w| HEADS.contains(w))
}

/// Pronouns that can stand for a speaker, with the gender they imply.
pub fn pronoun(word: &str) -> Option<Option<Gender>> {
    lowered(word, |w| match w {
        "he" => Some(Some(Gender::Male)),
        "she" => Some(Some(Gender::Female)),
        "they" | "it" | "who" => Some(None),
        _ => None,
    })
}

/// Capitalised words that open a sentence or clause without being part of a name.
const NON_NAME_STARTERS: &[&str] = &[
    "born",
    "never",
    "being",
    "telling",
    "meeting",
    "take",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "still",
    "then",
    "meanwhile",
    "however",
    "also",
    "in",
    "on",
    "at",
    "when",
    "while",
    "after",
    "before",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "as",
    "if",
    "though",
    "although",
    "because",
    "since",
    "earlier",
    "later",
    "now",
    "today",
    "yesterday",
    "instead",
    "here",
    "there",
    "speaking",
    "asked",
    "when",
    "for",
    "with",
    "by",
    "from",
    "of",
    "to",
    "it",
    "its",
    "his",
    "her",
    "their",
    "our",
    "my",
    "we",
    "i",
    "i'm",
    "i\u{2019}m",
    "i'd",
    "i\u{2019}d",
    "i've",
    "i\u{2019}ve",
    "i'll",
    "i\u{2019}ll",
    "you",
    "he",
    "she",
    "they",
    "not",
    "even",
    "only",
    "just",
    "indeed",
    "finally",
    "separately",
    "similarly",
    "likewise",
    "nonetheless",
    "nevertheless",
    "moreover",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "last",
    "next",
    "both",
    "each",
    "every",
    "all",
    "some",
    "many",
    "most",
    "other",
    "another",
    "one",
    "two",
    "three",
    "what",
    "why",
    "how",
    "where",
    "who",
    "which",
    "according",
    // Prepositions that open a sentence ("Despite Santilli's …", "Amid the row, …").
    "despite",
    "amid",
    "amidst",
    "during",
    "following",
    "under",
    "without",
    "unlike",
    "like",
    "among",
    "against",
    "throughout",
    "within",
    "beyond",
    "besides",
    "until",
    "upon",
    "into",
    "through",
    "toward",
    "towards",
    "around",
    "behind",
    "outside",
    "inside",
    "via",
    // A question opens on its auxiliary ("Does Rubio support it?"); not "Will" or "Can",
    // which are also first names.
    "does",
    "did",
    "do",
    "is",
    "was",
    "are",
    "were",
    "would",
    "could",
    "should",
    "has",
    "have",
    "had",
];

/// Whether `word`, followed by `next`, is a web page's share buttons or a caption's label
/// run into the text (`Facebook Twitter Pinterest Goulding said`, `Pinterest Lately
/// Jackson`) rather than the start of a name. "Facebook" and "Twitter" alone are
/// companies that speak ("Twitter said"), so only the button row counts for them.
pub fn is_page_furniture(word: &str, next: Option<&str>) -> bool {
    match word {
        "Facebook" | "Twitter" => matches!(next, Some("Twitter" | "Pinterest")),
        "Pinterest" => next.is_some(),
        // A caption's label never speaks, alone or before the photographer's name.
        "Photograph" => true,
        _ => false,
    }
}

/// Whether a capitalised word is a sentence opener rather than part of a name.
pub fn is_non_name(word: &str) -> bool {
    static SET: WordSet = LazyLock::new(|| NON_NAME_STARTERS.iter().copied().collect());
    lowered(word, |w| SET.contains(w))
}

/// Generational suffixes that end a name ("Jr.", "III"): a name is never cut down to one.
pub fn is_name_suffix(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']),
        "Jr" | "Sr" | "jr" | "sr" | "II" | "III" | "IV"
    )
}

/// Letters written after a name: seats and honours ("MP", "QC", "OBE").
pub fn is_post_nominal(word: &str) -> bool {
    matches!(
        word.trim_end_matches([',', '.']),
        "MP" | "MEP" | "MSP" | "MLA" | "AM" | "TD" | "QC" | "KC" | "OBE" | "MBE" | "CBE" | "KBE"
    )
}

/// Lower-case words that may sit inside a name ("Ludwig van Beethoven", "Abu Bakr al-Baghdadi").
pub fn is_name_particle(word: &str) -> bool {
    matches!(
        word,
        "de" | "van"
            | "von"
            | "der"
            | "den"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "da"
            | "di"
            | "del"
            | "la"
            | "le"
            | "du"
            | "dos"
            | "das"
            | "ter"
            | "ten"
            | "abu"
            | "ben"
    ) || word.starts_with("al-")
        || word.starts_with("el-")
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
    fn source_nouns_are_sorted_for_binary_search() {
        assert!(SOURCE_NOUNS.windows(2).all(|w| w[0] < w[1]));
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

    #[test]
    fn given_names_tell_one_gender() {
        assert_eq!(given_name_gender("Hillary"), Some(Gender::Female));
        assert_eq!(given_name_gender("Donald"), Some(Gender::Male));
        for unlisted in [
            "Kim", "Jean", "Taylor", "Virginia", "Chelsea", "hillary", "Trump",
        ] {
            assert_eq!(given_name_gender(unlisted), None, "{unlisted}");
        }
        // Bisection needs sorted lists; no name is in both.
        for list in [MALE_GIVEN_NAMES, FEMALE_GIVEN_NAMES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        assert!(
            MALE_GIVEN_NAMES
                .iter()
                .all(|m| !FEMALE_GIVEN_NAMES.contains(m))
        );
    }

    #[test]
    fn titles_and_orgs() {
        assert!(is_title("Maj") && is_title("Gen.") && is_title("Mr"));
        assert!(!is_title("Patel"));
        assert!(is_org_word("Department"));
        assert!(is_place("Baghdad"));
    }
}
