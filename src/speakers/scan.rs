//! The full names an article mentions anywhere outside its quotations, with where, and
//! the genders honorifics give surnames ("Ms Psaki"): what bare surnames and pronouns are
//! resolved against. One pass over the text that skips plain lower-case words fast, as
//! they are most of it.

use super::names::{clean_name, honorific_name};
use crate::quotes::lexicon::{
    Gender, honorific_gender, is_non_person_name, is_org_word, is_title, possessive_owner,
};
use rustc_hash::FxHashMap;
use std::ops::Range;

/// Person names (two or more capitalised words) that appear anywhere in `text`, with their
/// byte position, for mapping surnames back to full names.
pub fn full_names_in(text: &str) -> Vec<(usize, String)> {
    scan_names(text).0
}

/// A surname and the gender an honorific gave it.
type SurnameGender = (String, Gender);

/// [`full_names_in`] and the genders honorifics give surnames ("Ms Psaki" → Psaki is a
/// woman), found in one pass over the text: the scan is a large part of speaker resolution.
pub(super) fn scan_names(text: &str) -> (Vec<(usize, String)>, Vec<SurnameGender>) {
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
        // A possessive ends the name it closes: `Scotiabank's Paul Cheng` is two names,
        // the bank's and the analyst's.
        if glued_end
            || possessive.is_some()
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
    fn a_possessive_ends_the_name_it_closes() {
        assert_eq!(
            names_in("In his note, Scotiabank\u{2019}s Paul Cheng notes several points."),
            ["Paul Cheng"]
        );
        assert_eq!(
            names_in("He spoke in Nick Clegg's constituency and at The Atlantic's office."),
            ["Nick Clegg"]
        );
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
