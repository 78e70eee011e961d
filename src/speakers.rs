//! Raw speaker phrases → normalised speaker names, within one article.
//!
//! "State Department deputy spokesman Vedant Patel" and "Mr Patel" are one speaker:
//! titles and honorifics are stripped ([`clean_name`]); a surname alone, or with a title,
//! maps to the full name the article uses for that person (the latest one introduced
//! before it, else any in the article); a pronoun takes the most recent speaker it can
//! stand for; organisations ("the State Department", "Baghdad") keep their name and are
//! marked as such.

use std::ops::Range;

use rustc_hash::FxHashMap;

use crate::model::SpeakerKind;
use crate::quotes::attribution::{Attribution, Found, RawSpeaker};
use crate::quotes::lexicon::{
    Gender, given_name_gender, honorific_gender, is_adverb_shaped, is_name_particle,
    is_name_suffix, is_non_name, is_non_person_name, is_org_word, is_page_furniture, is_place,
    is_post_nominal, is_speech_verb, is_title, possessive_owner,
};

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

fn surname(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// An organisation ends in an organisation word ("State Department", but not "House
/// Speaker Paul Ryan"), is a place speaking for its government, follows "the", or is an
/// acronym.
fn is_org_phrase(raw: &str, the: bool) -> bool {
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

/// Person names (two or more capitalised words) that appear anywhere in `text`, with their
/// byte position, for mapping surnames back to full names.
pub fn full_names_in(text: &str) -> Vec<(usize, String)> {
    scan_names(text).0
}

/// A surname and the gender an honorific gave it.
type SurnameGender = (String, Gender);

/// [`full_names_in`] and the genders honorifics give surnames ("Ms Psaki" → Psaki is a
/// woman), found in one pass over the text: the scan is a large part of speaker resolution.
fn scan_names(text: &str) -> (Vec<(usize, String)>, Vec<SurnameGender>) {
    let mut scan = NameScan::default();
    let mut at = 0;
    while at < text.len() {
        // Four words in five are plain lower-case words, which only end a name run, a
        // sentence or an "in": a stretch of them leaves behind what its last word does,
        // and the honorific its last word but "in".
        let stretch = lower_stretch(text.as_bytes(), at);
        for word in [stretch.last_not_in, stretch.last_in].into_iter().flatten() {
            scan.lower_word(&text[word]);
        }
        at = stretch.end;
        // The word after the stretch (two, when a sentence or caption is glued to the next,
        // `Redknapp.When John Black`) is read in full.
        for piece in crate::passages::glued_pieces(&text[at..]) {
            let start = at;
            at += piece.text.len();
            scan.piece(start, piece);
            if !piece.glued_end {
                break;
            }
        }
    }
    scan.flush();
    (scan.names, scan.genders)
}

/// What [`lower_stretch`] passed: where it ended, and its last words.
#[derive(Debug, Default, PartialEq, Eq)]
struct LowerStretch {
    end: usize,
    /// The last word but "in".
    last_not_in: Option<Range<usize>>,
    /// The last word, when it is "in".
    last_in: Option<Range<usize>>,
}

/// The pieces from `at` on (as [`crate::passages::glued_pieces`] cuts them) that open
/// with a lower-case ASCII letter and hold nothing but printable ASCII without capitals.
/// Read byte by byte with no piece built, as they are most of an article.
fn lower_stretch(b: &[u8], at: usize) -> LowerStretch {
    /// 0: a byte a plain word may hold; 1: ASCII white space, ending one; 2: a capital, a
    /// control byte or a non-ASCII one (perhaps a capital or a space), for the full reading.
    const CLASS: [u8; 256] = {
        let mut t = [0u8; 256];
        let mut c = 0;
        while c < 256 {
            t[c] = match c as u8 {
                b'\t'..=b'\r' | b' ' => 1,
                b'A'..=b'Z' | 0..=0x1F | 0x80..=0xFF => 2,
                _ => 0,
            };
            c += 1;
        }
        t
    };
    let mut out = LowerStretch {
        end: at,
        ..LowerStretch::default()
    };
    let mut start = at;
    while b.get(start).is_some_and(u8::is_ascii_lowercase) {
        let mut i = start;
        while b.get(i).is_some_and(|&c| CLASS[usize::from(c)] == 0) {
            i += 1;
        }
        if b.get(i).is_some_and(|&c| CLASS[usize::from(c)] == 2) {
            break;
        }
        if &b[start..i] == b"in" {
            out.last_in = Some(start..i);
        } else {
            (out.last_not_in, out.last_in) = (Some(start..i), None);
        }
        start = (i + 1).min(b.len());
        out.end = start;
    }
    out
}

/// How many runs [`person_name`] remembers per thread before it starts over.
const MAX_REMEMBERED_RUNS: usize = 50_000;

thread_local! {
    /// What [`person_name`] made of the runs this thread has read: the same people and
    /// places recur across an archive's articles, and cleaning a run is most of the
    /// name scan's cost.
    static PERSON_NAMES: std::cell::RefCell<FxHashMap<String, Option<String>>> =
        std::cell::RefCell::default();
}

/// The person's full name a run of capitalised words makes, if any: two to four words
/// left after titles, none an organisation's word or a title, not a place or a thing.
fn person_name(run: String) -> Option<String> {
    PERSON_NAMES.with_borrow_mut(|memo| {
        if let Some(name) = memo.get(&run) {
            return name.clone();
        }
        let clean = clean_name(&run);
        let n = clean.name.split(' ').count();
        let name = ((2..=4).contains(&n)
            && !clean.name.split(' ').any(|w| is_org_word(w) || is_title(w))
            && !is_non_person_name(&clean.name))
        .then_some(clean.name);
        if memo.len() >= MAX_REMEMBERED_RUNS {
            memo.clear();
        }
        memo.insert(run, name.clone());
        name
    })
}

/// The state of [`scan_names`] between words.
struct NameScan<'a> {
    names: Vec<(usize, String)>,
    genders: Vec<SurnameGender>,
    /// The capitalised words of the name being read, with their positions.
    run: Vec<(usize, &'a str)>,
    /// The last word that could be an honorific for the next ("Ms", "spokesman").
    honorific: &'a str,
    /// The run started after "in": it names a place (`a media breakfast in Des Moines`),
    /// which a later "he" must not take for a person; or after a caption's label, so it
    /// names a photographer.
    after_in: bool,
    previous_in: bool,
    sentence_start: bool,
}

impl Default for NameScan<'_> {
    fn default() -> Self {
        NameScan {
            names: Vec::new(),
            genders: Vec::new(),
            run: Vec::new(),
            honorific: "",
            after_in: false,
            previous_in: false,
            sentence_start: true,
        }
    }
}

/// Whether `word` ends a sentence (`said.`, `now?"`).
fn ends_sentence(word: &str) -> bool {
    // Asked of every word of the name scan: bytes, not a character trim.
    let mut b = word.as_bytes();
    loop {
        match b {
            // Closing quotation marks and brackets: `"`, `'`, `)`, `”`, `’`.
            [rest @ .., b'"' | b'\'' | b')'] | [rest @ .., 0xE2, 0x80, 0x9D | 0x99] => b = rest,
            [.., b'.' | b'!' | b'?'] => return true,
            _ => return false,
        }
    }
}

impl<'a> NameScan<'a> {
    /// A piece of [`crate::passages::glued_pieces`] starting at `start`.
    fn piece(&mut self, start: usize, piece: crate::passages::Piece<'a>) {
        // A lower-case word with no capital inside and nothing glued to it can only end a
        // name run, a sentence or an "in".
        let lower_first = piece
            .text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_lowercase);
        if !piece.glued_end && !piece.capital && lower_first {
            self.lower_word(piece.word());
        } else {
            self.word(start, piece.text, piece.glued_end, piece.control);
        }
    }

    /// A word of lower-case ASCII letters first and no capital: ends any run.
    fn lower_word(&mut self, word: &'a str) {
        self.flush();
        let is_in = word == "in";
        self.previous_in = is_in;
        self.sentence_start = ends_sentence(word);
        if !is_in {
            self.honorific = word;
        }
    }

    /// Any other whitespace-ended piece, `glued_end` when a glued word follows it,
    /// `control` when it may hold a masked quotation.
    fn word(&mut self, start: usize, piece: &'a str, glued_end: bool, control: bool) {
        // A masked quotation glued to the words around it (`Walsh."…"Ruth Walker`) ends
        // any name; one may start right after it.
        if control && let Some(k) = piece.rfind('\u{1}') {
            let head = piece.split('\u{1}').next().unwrap_or("");
            if !head.is_empty() {
                self.word(start, head, false, false);
            }
            self.flush();
            self.sentence_start = true;
            self.previous_in = false;
            return self.word(start + k + 1, &piece[k + 1..], glued_end, false);
        }
        let word = piece.trim();
        let is_in = word.eq_ignore_ascii_case("in");
        // The name after a caption's label is the photographer's (`Photograph: Tristram
        // Kenton/the Guardian`), who says nothing in the article.
        let caption = matches!(
            word,
            "Photograph:" | "Photo:" | "Picture:" | "Illustration:" | "Credit:" | "Composite:"
        );
        let was_in = std::mem::replace(&mut self.previous_in, is_in || caption);
        let opens_sentence =
            std::mem::replace(&mut self.sentence_start, glued_end || ends_sentence(word));
        // "in" itself is never part of a name (`in Manchester Gould said` ran together).
        if is_in || caption || word.is_empty() {
            self.flush();
            return;
        }
        if let Some(g) = honorific_gender(self.honorific)
            && let Some(name) = honorific_name(word)
        {
            self.genders.push((name.to_string(), g));
        }
        self.honorific = word;
        // Only a word opening with a capital (or punctuation) can be part of a name. A
        // number never belongs to a name: "May 3. Kate" is not an initial "3." before Kate.
        if word
            .bytes()
            .next()
            .is_none_or(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            self.flush();
            return;
        }
        let core = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' && c != '-');
        let possessive = possessive_owner(core);
        let core = possessive.unwrap_or(core);
        // A photo credit ("Virginia Turbett/Redferns") is no part of a name.
        let cap = (core.chars().next().is_some_and(char::is_uppercase)
            && core.chars().any(char::is_lowercase)
            || core.len() == 2 && core.ends_with('.'))
            && !core.contains('/');
        if !cap || self.run.is_empty() && word.starts_with(['"', '\u{201c}', '(']) {
            self.flush();
            return;
        }
        if self.run.is_empty() {
            self.after_in = was_in;
            // `Said Pitt, who also produced, "…"`: a sentence opening on "Said" and a
            // name is the verb inverted far more often than the first name Said.
            if opens_sentence && core == "Said" {
                return;
            }
        }
        // `in Nick Clegg's constituency` names the person after all.
        self.after_in &= possessive.is_none() && !word.ends_with(['\'', '\u{2019}']);
        self.run
            .push((start, core.trim_end_matches('.').trim_end_matches(',')));
        if glued_end
            || word.ends_with([',', '.', ':', ';', '"', '\u{201d}', ')', '?', '!'])
                && !(word.ends_with('.')
                    && (core.len() <= 2 || crate::passages::ends_with_abbreviation(core)))
        {
            self.flush();
        }
    }

    /// Ends the run: two to four words left after titles make a person's full name.
    #[inline]
    fn flush(&mut self) {
        // A lone capitalised word is never a full name: most runs are (and most calls
        // come with no run at all), so skip them here.
        if self.run.len() < 2 || self.after_in {
            self.run.clear();
            return;
        }
        self.flush_name();
    }

    /// [`Self::flush`] of a run that may be a name.
    fn flush_name(&mut self) {
        let mut words: Vec<&str> = self.run.iter().map(|&(_, w)| w).collect();
        // A caption run into the text repeats a name (`Gillian Armstrong Armstrong knows`).
        words.dedup();
        if let Some(&(p, _)) = self.run.first()
            && let Some(name) = person_name(words.join(" "))
        {
            self.names.push((p, name));
        }
        self.run.clear();
    }
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
            // Wright, QC,`, `Labour MP Luciana Berger`), else for someone unnamed.
            if *the && !raw.contains(' ') && is_post_nominal(raw) {
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

/// The role word of a definite description of one person (`the analyst` → "analyst",
/// `the former hedge fund manager` → "manager"), or `None` for other descriptions,
/// groups and things (`the company`, `the email`).
fn definite_role(description: &str) -> Option<&str> {
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
fn role_referent<'k>(
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
fn referent_with<'k>(
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

/// The surname in the word after an honorific ("Mr Ekdahl's" → "Ekdahl"): the article
/// gives it a gender anywhere, so that "she" never picks a man named only later as "Mr".
fn honorific_name(word: &str) -> Option<&str> {
    let name = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let name = possessive_owner(name).unwrap_or(name);
    name.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some(name)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// [`scan_names`] the plain way: every piece through [`NameScan::piece`].
    fn scan_names_piece_by_piece(text: &str) -> (Vec<(usize, String)>, Vec<SurnameGender>) {
        let mut scan = NameScan::default();
        let mut pos = 0;
        for piece in crate::passages::glued_pieces(text) {
            scan.piece(pos, piece);
            pos += piece.text.len();
        }
        scan.flush();
        (scan.names, scan.genders)
    }

    #[test]
    fn lower_stretches_end_where_a_word_needs_reading() {
        fn stretch(t: &str) -> (&str, Option<&str>, Option<&str>) {
            let s = lower_stretch(t.as_bytes(), 0);
            let word = |r: Option<Range<usize>>| r.map(|r| &t[r]);
            (&t[s.end..], word(s.last_not_in), word(s.last_in))
        }
        assert_eq!(
            stretch("said in Des Moines"),
            ("Des Moines", Some("said"), Some("in"))
        );
        assert_eq!(stretch("in the end"), ("", Some("end"), None));
        assert_eq!(stretch("a don\u{2019}t"), ("don\u{2019}t", Some("a"), None));
        assert_eq!(stretch("two  spaces"), (" spaces", Some("two"), None));
        assert_eq!(stretch("at 5pm"), ("5pm", Some("at"), None));
        assert_eq!(stretch("Mr Patel"), ("Mr Patel", None, None));
        assert_eq!(stretch("in"), ("", None, Some("in")));
    }

    #[test]
    fn name_scan_by_stretches_matches_the_scan_piece_by_piece() {
        for text in [
            "spokesman Vedant Patel said in Washington that Ms Psaki in in Des Moines agreed.",
            "the \u{201c}quote\u{201d} \u{1}\u{1} said Kirby.When John Black (x. spoke",
            "",
            "in",
            "   ",
        ] {
            assert_eq!(
                scan_names(text),
                scan_names_piece_by_piece(text),
                "{text:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn name_scan_by_stretches_matches_the_scan_piece_by_piece_on_any_text(
            text in "((in|said|spokesman|ms|mr|the|[a-z]{1,6}|Ms|Mr\\.|In|Said|[A-Z][a-z]{1,6}(\\.When|'s)?|\u{c9}mile|\u{201c}[a-z]{1,4}|\\(x\\.|5|\u{1}\u{1})[\\.,:]?[ \\n\u{a0}]{1,2}){0,40}"
        ) {
            proptest::prop_assert_eq!(scan_names(&text), scan_names_piece_by_piece(&text));
        }
    }

    #[test]
    fn ends_sentence_reads_closing_marks() {
        for word in [
            "said.",
            "now?\"",
            "it!\u{201d}",
            "end.\u{2019}\u{201d}",
            "(sic.)",
            "go.'",
            "said",
            "\u{201d}",
            "",
            ".",
            "e.g",
            "said,\"",
            "x\u{2019}",
            "why?)\"\u{2019}",
        ] {
            let by_chars = word
                .trim_end_matches(['"', '\u{201d}', '\'', '\u{2019}', ')'])
                .ends_with(['.', '!', '?']);
            assert_eq!(ends_sentence(word), by_chars, "{word:?}");
        }
    }

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

    /// The full names [`full_names_in`] finds in `text`, without positions.
    fn names_in(text: &str) -> Vec<String> {
        full_names_in(text).into_iter().map(|(_, n)| n).collect()
    }

    #[test]
    fn full_names_found_in_text() {
        let names = names_in("Spokesman John Kirby said. Later Mr Kirby left.");
        assert!(names.contains(&"John Kirby".to_string()), "{names:?}");
    }

    #[test]
    fn a_masked_quotation_glued_to_words_ends_a_name() {
        // Attribution masks quotations with U+0001; scraped text often glues them to the
        // words either side (`Walsh."…"Ruth Walker said`).
        let masked = "He met Deborah Walsh.\u{1}\u{1}\u{1}\u{1}Ruth Walker said so.";
        assert_eq!(names_in(masked), ["Deborah Walsh", "Ruth Walker"]);
    }

    #[test]
    fn a_photo_credit_glued_to_a_name_is_cut_off() {
        // Scraped captions lose their line break: `…/PAProsecutor Kate Blackwell said`.
        assert_eq!(
            names_in("Photograph: Peter Byrne/PAProsecutor Kate Blackwell QC said it."),
            ["Kate Blackwell"]
        );
        assert_eq!(
            names_in("Elsewhere. Getty ImagesPeter Buck said so."),
            ["Peter Buck"]
        );
    }

    #[test]
    fn places_after_in_are_not_names() {
        assert_eq!(
            names_in("He spoke at a breakfast in Des Moines with Bernie Sanders."),
            ["Bernie Sanders"]
        );
        // "In" never starts a name, and a possessive after "in" is a person's.
        assert_eq!(
            names_in(
                "In February, Jim Gamble left; trees fell in Nick Clegg's constituency, \
                 as in Lies Pauwels\u{2019} show."
            ),
            ["Jim Gamble", "Nick Clegg", "Lies Pauwels"]
        );
    }

    #[test]
    fn captions_are_not_names() {
        // A photographer after a caption's label, a credit with a slash, and a caption
        // glued to the sentence after it.
        assert_eq!(
            names_in(
                "Kate at home. Photograph: Tristram Kenton for the Guardian. Virginia \
                 Turbett/Redferns Mark Smith arrived. Getty ImagesWhen Gregory Jaczko spoke."
            ),
            ["Mark Smith", "Gregory Jaczko"]
        );
    }

    #[test]
    fn numbers_are_not_initials() {
        // "3." ends a date, it is not an initial that carries a name on ("May 3 Kate").
        assert_eq!(
            names_in("It opened on May 3. Kate Winslet said so."),
            ["Kate Winslet"]
        );
    }

    #[test]
    fn a_question_opens_on_its_auxiliary_not_a_name() {
        assert_eq!(
            names_in("Does Rubio mean it? Will Doyle said so."),
            ["Will Doyle"]
        );
        // Nor does a preposition opening a sentence.
        assert_eq!(
            names_in("Despite Santilli's claims, Peter Santilli went on."),
            ["Peter Santilli"]
        );
    }

    #[test]
    fn honorifics_give_surnames_a_gender() {
        let (_, genders) = scan_names("Ms. Psaki spoke, and then spokesman Kirby’s aide.");
        assert_eq!(
            genders,
            [
                ("Psaki".to_string(), Gender::Female),
                ("Kirby".to_string(), Gender::Male)
            ]
        );
    }
}
