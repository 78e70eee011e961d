//! Quotation spans → who said them: the cue (speech verb) and the raw speaker phrase.
//!
//! Works on a copy of the text with every quotation masked out, so words inside quotes are
//! never taken for cues or speakers. For each quotation it reads the sentence around it:
//! first right after the quote (`," X said`, `," said X`), then before it (`X said: "`,
//! `X, the …, called the strikes a "…"`, `according to X, "…"`); a quotation opening its line may
//! be signed after it (`“…” ― Sonya Herridge`). A quotation with no cue of
//! its own takes the speaker of the quotation before it in the paragraph (a quote split
//! around its attribution), of a colon introduction in the paragraph before (`Caddell
//! continued:`), or of the quotation that ends the paragraph before when this paragraph is
//! only a quotation.

mod after;
mod before;
mod phrases;
mod sentences;
mod subject;
mod tokens;
mod words;

use super::lexicon::{Gender, is_weak_verb};
use super::spans::Span;
use after::{dash_signoff, from_after, name_then_verb};
use before::{
    colon_intro, from_before, intro_sentence, name_colon, opening_subject_colon, reported_speech,
    subject_colon,
};
use sentences::{
    ends_with_quote, head, mask, only_quotes, sentence_closers, sentences, tail_start,
};
use std::ops::Range;
use subject::mixed_subject;
use tokens::tokens;
use words::ANY_REPORTING_VERB;

/// Bytes of masked quotation text.
const MASK: u8 = 0x01;
/// The most text either side of a quotation that attribution reads. Real sentences are far
/// shorter; the cap keeps a paragraph with thousands of quotation marks (a data file, a
/// transcript without full stops) linear instead of quadratic.
const CONTEXT_BYTES: usize = 1500;
/// Longest apposition skipped between a name and its verb, in words.
const APPOSITION_WORDS: usize = 26;

/// The speaker phrase as found in the text, before normalisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawSpeaker {
    /// A capitalised name phrase ("Maj Gen Yahya Rasool", "State Department"); `the` is true
    /// when "the" stood before it, a sign of an organisation.
    Named {
        /// The phrase as written.
        text: String,
        /// "the" stood before it.
        the: bool,
        /// Byte position of the phrase in the text.
        pos: usize,
    },
    /// "he", "she", "they", or a definite description that refers back ("the 45-year-old").
    Pronoun {
        /// The gender it implies, when it does.
        gender: Option<Gender>,
        /// It stands for a person ("he", "the 45-year-old"), not possibly a group ("they").
        person: bool,
    },
    /// A common-noun source: nobody named. Holds the source as the text describes it ("a
    /// State Department official", "officials"), or nothing when no description was read.
    Unnamed(String),
    /// The same speaker as the quotation with this index (a split or continued quotation).
    SameAs(usize),
    /// The named subject of the sentence holding a quotation that no speech cue claims
    /// (`Moore thanked him for "…"`): the speaker only if normalisation knows the name
    /// for a person's, since a sentence's subject is as often a show or a company.
    Subject {
        /// The phrase as written.
        text: String,
        /// Byte position of the phrase in the text.
        pos: usize,
    },
}

impl RawSpeaker {
    /// A personal pronoun: "he" and "she" stand for a person, "they" perhaps for a group.
    fn pronoun(gender: Option<Gender>) -> RawSpeaker {
        RawSpeaker::Pronoun {
            gender,
            person: gender.is_some(),
        }
    }
}

/// How one quotation is attributed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    /// The speaker phrase.
    pub speaker: RawSpeaker,
    /// The cue word(s) as written ("said", "according to", ":").
    pub cue: String,
    /// Found by inheritance from another quotation, not by a cue of its own.
    pub inherited: bool,
    /// Byte position of the speaker phrase (or of the cue when the speaker is not named):
    /// pronouns resolve to speakers before this point.
    pub at: usize,
}

impl Attribution {
    /// `speaker`, credited by the cue `cue` written at byte `cue_at`: found by a cue of
    /// its own, not inherited. Pronouns resolve to speakers before the name, or before
    /// the cue when nobody is named.
    fn cued(speaker: RawSpeaker, cue: impl Into<String>, cue_at: usize) -> Attribution {
        let at = match &speaker {
            RawSpeaker::Named { pos, .. } => *pos,
            _ => cue_at,
        };
        Attribution {
            speaker,
            cue: cue.into(),
            inherited: false,
            at,
        }
    }
}

/// Reported speech without quotation marks (`Baghdad said that …`), for passage speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reported {
    /// The attribution.
    pub attribution: Attribution,
    /// Byte range of the sentence it sits in.
    pub sentence: Range<usize>,
}

/// Everything attribution found in one text.
#[derive(Debug, Clone, Default)]
pub struct Found {
    /// The attribution of each quotation span, in span order.
    pub quotes: Vec<Option<Attribution>>,
    /// Reported speech in sentences without quotations.
    pub reported: Vec<Reported>,
    /// The text with quotations masked, for finding names mentioned outside quotes.
    pub masked: String,
}

/// Finds the attribution of each span of `text` (whose paragraphs are `paras`), and
/// reported speech elsewhere.
pub fn attribute(text: &str, paras: &[Range<usize>], spans: &[Span]) -> Found {
    let masked = mask(text, spans);
    let closers = sentence_closers(text, spans);
    let mut result: Vec<Option<Attribution>> = vec![None; spans.len()];
    // Where the text before a quotation starts, for a quotation that may yet fall to its
    // sentence's subject (see `mixed_subject`).
    let mut subject_before: Vec<Option<usize>> = vec![None; spans.len()];
    let para_sentences: Vec<Vec<Range<usize>>> = paras
        .iter()
        .map(|p| sentences(&masked, p, &closers))
        .collect();

    for (qi, span) in spans.iter().enumerate() {
        let Some(sents) = para_sentences.get(span.paragraph) else {
            continue;
        };
        let Some(sent) = sents.iter().find(|s| s.contains(&span.range.start)) else {
            continue;
        };
        let after_end = sents
            .iter()
            .find(|s| s.contains(&span.range.end.saturating_sub(1)))
            .map_or(sent.end, |s| s.end);
        let after = head(
            &masked[span.range.end.min(after_end)..after_end],
            CONTEXT_BYTES,
        );
        let before_start = tail_start(&masked, sent.start, span.range.start, CONTEXT_BYTES);
        let before = &masked[before_start..span.range.start];
        if let Some(a) = dash_signoff(&masked, span) {
            result[qi] = Some(a);
            continue;
        }
        // `"… in place." The candidate added: "…"`: after a quotation that ends its
        // sentence, a clause ending in a colon introduces the next quotation instead.
        let ends_sentence = text[span.range.clone()]
            .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '?' | '!'))
            .ends_with(['.', '?', '!']);
        let after_found = from_after(after, span.range.end, ends_sentence);
        let unnamed = after_found
            .as_ref()
            .is_some_and(|a| matches!(a.speaker, RawSpeaker::Unnamed(_)));
        result[qi] = match after_found {
            // `Durbin said on Thursday he "…," and he said …`: a name introducing the
            // quotation in its own sentence outranks a pronoun after it.
            Some(a) if matches!(a.speaker, RawSpeaker::Pronoun { .. }) => {
                let toks = tokens(before, before_start);
                from_before(&toks)
                    .filter(|b| {
                        matches!(b.speaker, RawSpeaker::Named { .. })
                            && !is_weak_verb(&b.cue.to_lowercase())
                    })
                    .or(Some(a))
            }
            Some(a) if !unnamed => Some(a),
            other => {
                // Tokenised once for both readings of the text before the quotation.
                let toks = tokens(before, before_start);
                from_before(&toks)
                    .filter(|b| !unnamed || matches!(b.speaker, RawSpeaker::Named { .. }))
                    .or(other)
                    .or_else(|| name_colon(&toks))
                    .or_else(|| subject_colon(&toks))
                    .or_else(|| opening_subject_colon(&toks, &masked))
                    .or_else(|| {
                        let quoted = text[span.range.clone()]
                            .trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', '\u{bb}']);
                        quoted
                            .ends_with(',')
                            .then(|| name_then_verb(after, span.range.end))
                            .flatten()
                    })
                    .or_else(|| {
                        // Kept for last: only if no quotation passes a speaker on to it.
                        if !toks.is_empty() {
                            subject_before[qi] = Some(before_start);
                        }
                        None
                    })
            }
        };
    }

    // Inheritance, in text order so a chain of quotes passes the speaker along.
    for qi in 0..spans.len() {
        if result[qi].is_some() {
            continue;
        }
        let span = &spans[qi];
        let same_as = |i: usize| Attribution {
            speaker: RawSpeaker::SameAs(i),
            cue: result[i].as_ref().map_or(String::new(), |a| a.cue.clone()),
            inherited: true,
            at: span.range.start,
        };
        let prev = qi.checked_sub(1).filter(|&p| result[p].is_some());
        let next = Some(qi + 1).filter(|&n| n < spans.len() && result[n].is_some());
        let inherited = match (prev, next) {
            // Split quotation, or a quotation continued from the paragraph before.
            (Some(p), _) if spans[p].paragraph == span.paragraph || span.continued => {
                Some(same_as(p))
            }
            // A quotation running on into the next paragraph, attributed there.
            (_, Some(n)) if span.open_ended && spans[n].continued => Some(same_as(n)),
            // A paragraph that is only quotation follows a paragraph ending in one, or in
            // one's attribution (`"…," Espinoza said.` then `"I will take …"`): the
            // speaker goes on. A paragraph whose last quotation was attributed before it
            // (`The senator called it "a disgrace," but …`) may have moved on to another.
            (Some(p), _)
                if spans[p].paragraph + 1 == span.paragraph
                    && only_quotes(&masked, &paras[span.paragraph])
                    && (ends_with_quote(&masked, &paras[spans[p].paragraph], &spans[p])
                        || result[p]
                            .as_ref()
                            .is_some_and(|a| !a.inherited && a.at >= spans[p].range.end)) =>
            {
                Some(same_as(p))
            }
            _ => None,
        };
        result[qi] = inherited
            .or_else(|| {
                let lead = &masked[paras[span.paragraph].start..span.range.start];
                colon_intro(&masked, paras, span.paragraph, lead, &closers)
            })
            .or_else(|| {
                let i = span.paragraph;
                // A paragraph of quotation alone is introduced by the last sentence of
                // the paragraph before as a sentence is by the one before it.
                let before = i
                    .checked_sub(1)
                    .filter(|_| only_quotes(&masked, &paras[i]))
                    .and_then(|p| para_sentences[p].last());
                intro_sentence(&masked, &para_sentences[i], before, span)
            })
            .map(|a| Attribution {
                inherited: true,
                ..a
            })
            .or_else(|| {
                let from = subject_before[qi]?;
                let quoted = &text[span.range.clone()];
                // One word or a title: a scare quote or a name, not a statement.
                if quoted.split_whitespace().nth(1).is_none() || !super::reads_like_speech(quoted) {
                    return None;
                }
                let toks = tokens(&masked[from..span.range.start], from);
                mixed_subject(&toks, &masked)
            });
    }

    let mut reported = Vec::new();
    for sents in &para_sentences {
        for sent in sents {
            let slice = &masked[sent.clone()];
            if memchr::memchr(MASK, slice.as_bytes()).is_some() {
                continue;
            }
            // Reported speech reads only the words up to its verb, so the sentence is
            // tokenised only up to the word holding the last reporting verb.
            let Some(last) = ANY_REPORTING_VERB.find_iter(slice).last() else {
                continue;
            };
            let cut = slice[last.end()..]
                .find(char::is_whitespace)
                .map_or(slice.len(), |n| last.end() + n);
            let toks = tokens(&slice[..cut], sent.start);
            if let Some(a) = reported_speech(&toks) {
                reported.push(Reported {
                    attribution: a,
                    sentence: sent.clone(),
                });
            }
        }
    }
    Found {
        quotes: result,
        reported,
        masked,
    }
}

#[cfg(test)]
mod tests_support {
    use super::*;
    use crate::quotes::spans::{find, paragraphs};

    /// [`attribute`] of `t`'s quotations, as extraction calls it.
    pub fn found(t: &str) -> Found {
        let paras = paragraphs(t);
        attribute(t, &paras, &find(t, &paras))
    }

    /// The raw speaker of each quotation in `t`, as a string.
    pub fn speakers(t: &str) -> Vec<Option<String>> {
        found(t)
            .quotes
            .into_iter()
            .map(|a| {
                a.map(|a| match a.speaker {
                    RawSpeaker::Named { text, .. } => text,
                    RawSpeaker::Pronoun { .. } => "<pronoun>".into(),
                    RawSpeaker::Unnamed(d) => format!("<unnamed: {d}>"),
                    RawSpeaker::SameAs(i) => format!("<same as {i}>"),
                    RawSpeaker::Subject { text, .. } => format!("<subject: {text}>"),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::{found, speakers};
    use super::*;

    #[test]
    fn speaker_after_quote() {
        assert_eq!(
            speakers("\u{201c}No,\u{201d} Mr Patel said."),
            [Some("Mr Patel".into())]
        );
        assert_eq!(
            speakers("\u{201c}No,\u{201d} said Caddell, speaking of it."),
            [Some("Caddell".into())]
        );
        assert_eq!(
            speakers(
                "\u{201c}There was not,\u{201d} State Department deputy spokesman Vedant Patel told reporters."
            ),
            [Some("Vedant Patel".into())]
        );
        assert_eq!(speakers("\"Fine,\" he added."), [Some("<pronoun>".into())]);
    }

    #[test]
    fn speaker_before_quote_with_apposition() {
        let t = "Following the strikes, Maj Gen Yahya Rasool, the Prime Minister's military spokesman, called the strikes a \u{201c}violation of sovereignty\u{201d}.";
        assert_eq!(speakers(t), [Some("Maj Gen Yahya Rasool".into())]);
        assert_eq!(
            speakers("Caddell said: \"We lost.\""),
            [Some("Caddell".into())]
        );
        assert_eq!(
            speakers("According to Jane Roe, \"it failed.\""),
            [Some("Jane Roe".into())]
        );
    }

    #[test]
    fn split_and_coordinated_quotes() {
        let t = "\u{201c}One,\u{201d} said Caddell. \u{201c}Two.\u{201d}";
        assert_eq!(
            speakers(t),
            [Some("Caddell".into()), Some("<same as 0>".into())]
        );
        let t = "Maj Gen Rasool added that they \u{201c}undermine efforts\u{201d} and warned of \u{201c}grave consequences\u{201d}.";
        assert_eq!(
            speakers(t),
            [Some("Maj Gen Rasool".into()), Some("Maj Gen Rasool".into())]
        );
    }

    #[test]
    fn listener_is_not_speaker_and_colon_intro() {
        let t = "Caddell told Breitbart News: \"Polls moved.\"";
        assert_eq!(speakers(t), [Some("Caddell".into())]);
        let t = "Caddell continued:\n\n\"The health issue is partisan.\"";
        assert_eq!(speakers(t), [Some("Caddell".into())]);
        let t = "Republican pollster Daron Shaw: \u{201c}It is early.\u{201d}";
        assert_eq!(speakers(t), [Some("Daron Shaw".into())]);
        let t = "Sen. Bernie Sanders has cast her as unqualified and accused her of using the term \"superpredator\" often.";
        assert_eq!(speakers(t), [Some("Sen. Bernie Sanders".into())]);
    }

    #[test]
    fn context_is_capped_at_word_boundaries() {
        assert_eq!(head("one two three", 100), "one two three");
        assert_eq!(head("one two three", 9), "one two");
        assert_eq!(head("é é é", 3), "é");
        let t = "alpha beta gamma delta";
        assert_eq!(tail_start(t, 0, t.len(), 100), 0);
        assert_eq!(&t[tail_start(t, 0, t.len(), 9)..], " delta");
        // Thousands of quotation marks in one sentence stay linear: each quote reads a
        // bounded window, so the whole is extracted (this once took seconds).
        let data: String = (0..3000)
            .map(|i| format!("pred(\"k{i}\",\"v{i}\"), "))
            .collect();
        assert_eq!(found(&data).quotes.len(), 6000);
    }

    #[test]
    fn reported_speech_and_noun_uses() {
        let t = "On Saturday, Baghdad said that the US had not alerted it.";
        let reported = found(t).reported;
        assert_eq!(reported.len(), 1);
        assert!(
            matches!(&reported[0].attribution.speaker, RawSpeaker::Named { text, .. } if text == "Baghdad")
        );
        let t = "Maher stated that the IG's report \u{201c}wasn't good.\u{201d}";
        assert_eq!(speakers(t), [Some("Maher".into())]);
        let t = "\u{201c}It's not new,\u{201d} said Rep. Bobby Scott (D-Va.) at the time.";
        assert_eq!(speakers(t), [Some("Rep. Bobby Scott".into())]);
    }

    #[test]
    fn scare_quote_without_cue_has_no_attribution() {
        assert_eq!(speakers("The so-called \"deal\" collapsed."), [None]);
        // A verb whose object ends the sentence has said nothing of the quotation.
        let got = speakers(
            "In an apparent counter to \u{201c}America-first\u{201d} policies expounded by the candidate and his aides, Carter stressed bipartisan support for engagement.",
        );
        assert!(
            matches!(got[0].as_deref(), None | Some("<unnamed: >")),
            "{got:?}"
        );
    }
}

#[cfg(test)]
mod news_shapes {
    use super::tests_support::speakers;

    /// Each text holds one quotation, whose raw speaker must be `who`.
    fn all_said_by(cases: &[(&str, &str)]) {
        for (text, who) in cases {
            assert_eq!(speakers(text), [Some(who.to_string())], "in: {text}");
        }
    }

    #[test]
    fn a_force_or_a_place_after_the_name_is_not_the_speaker() {
        // The organisation noun after the place ("police") belongs to the place, never
        // to the officer's name ("Caroline Marsh police").
        all_said_by(&[
            (
                "Detective Inspector Caroline Marsh from West Midlands police said: \"We are still early.\"",
                "Detective Inspector Caroline Marsh",
            ),
            (
                "Chief Constable Sara Thornton of Thames Valley Police said: \"It is over.\"",
                "Chief Constable Sara Thornton",
            ),
            // A place after "in" says where the speaker is.
            (
                "\"No comment,\" Merrill Lynch in London said.",
                "Merrill Lynch",
            ),
            ("Mr Smith in Paris said: \"Fine.\"", "Mr Smith"),
            // A name run straight into the noun is the organisation's.
            ("\"No comment,\" the Trump campaign said.", "Trump campaign"),
        ]);
    }

    #[test]
    fn a_weak_verb_in_ing_is_no_cue_after_a_quotation() {
        // "rating" is a noun here, and "Strong Buy" no speaker: the cue before the
        // quotation attributes it.
        assert_eq!(
            speakers(
                "Backing his stance, Hecht writes, \"We are buyers of the stock.\" In the \
                 meantime, OHI has a Strong Buy rating from the analyst consensus."
            ),
            [Some("Hecht".to_string())]
        );
    }

    #[test]
    fn unnamed_sources_keep_their_description() {
        all_said_by(&[
            (
                "\u{201c}We will not speak to that,\u{201d} a State Department official said.",
                "<unnamed: a State Department official>",
            ),
            (
                "\"Safety comes first,\" a spokesman for the agency said.",
                "<unnamed: a spokesman for the agency>",
            ),
            // The spokesman speaks, not the man he speaks for.
            (
                "A spokesman for Bernie Sanders could only quip: \"I guess Christmas Eve was booked.\"",
                "<unnamed: A spokesman for Bernie Sanders>",
            ),
        ]);
        // No description is made of a word that names no source.
        let got = speakers("\"It will pass,\" the charged said.");
        assert!(
            matches!(got[0].as_deref(), None | Some("<unnamed: >")),
            "{got:?}"
        );
    }

    #[test]
    fn news_prose_shapes() {
        all_said_by(&[
            // The listener is not the speaker; "according to" still names the source.
            (
                "Another intelligence source speaking to Fox News said, \u{201c}The agents are investigating.\u{201d}",
                "<unnamed: Another intelligence source>",
            ),
            (
                "According to Variety, Trump brought \u{201c}SNL\u{201d} its best ratings in years.",
                "Variety",
            ),
            // A town and its state, and an age, sit inside the apposition.
            (
                "Dean Johnson, a salesman from Sumter, South Carolina, says Cruz will \u{201c}leave here with momentum.\u{201d}",
                "Dean Johnson",
            ),
            (
                "Cory James, 22, of Flint, Mich., said he hoped for a \u{201c}surprise\u{201d} at the convention.",
                "Cory James",
            ),
            // An attribution set off by a comma ends the sentence.
            (
                "The vote signals \"the beginning of the end\" for the EU, said Geert Wilders, founder of the party.",
                "Geert Wilders",
            ),
            (
                "\"There is a sense of stability now,\" and donations began to pick up, Gilbert said.",
                "Gilbert",
            ),
            // A determiner set off by a comma leaves the verb a verb.
            (
                "\"Many would consider that an embarrassment\" if she did not win by a margin larger than that, said David Wasserman, an analyst.",
                "David Wasserman",
            ),
            // The sentence may end on when, where or to whom after the verb.
            (
                "Graeme Eden, described as a \"speed freak\", was guilty of dangerous driving on the day of the crash, Judge Brian Forster told Newcastle crown court.",
                "Judge Brian Forster",
            ),
            (
                "The brothers were \"bad boys\" who were brought before the youth court time and time again, Griffiths wrote in a court filing.",
                "Griffiths",
            ),
            // A short name keeps no full stop.
            ("\"It was never a priority,\" said Fry.", "Fry"),
            // A quotation ending in a full stop ends its sentence: the next subject is not
            // its speaker; an attribution right after it still is.
            (
                "Sanders called the suspension \u{201c}arbitrary.\u{201d} Josh Hendler, a Democratic operative, warned Saturday that the move was reckless.",
                "Sanders",
            ),
            ("\"Why now?\" Clinton asked.", "Clinton"),
        ]);
    }

    #[test]
    fn a_quotation_paragraph_continues_the_speaker_before() {
        // After a paragraph ending in a quotation's attribution, a paragraph that is only
        // quotation is the same speaker's.
        let t = "\u{201c}I won\u{2019}t just talk like a conservative,\u{201d} Espinoza said Friday.\n\n\u{201c}I will take that strength to Washington.\u{201d}";
        assert_eq!(
            speakers(t),
            [
                Some("Espinoza".to_string()),
                Some("<same as 0>".to_string())
            ]
        );
        // Not after a quotation its paragraph attributed before it and then moved on from.
        let t = "The senator called the bill \"a disgrace,\" but the governor disagreed.\n\n\"We will sign it.\"";
        assert_eq!(speakers(t)[1], None);
    }

    #[test]
    fn an_issued_statement_introduces_the_quotation_after_it() {
        let t = "At Brazile\u{2019}s direction, the DNC issued a statement apologizing to Sanders.\n\n\u{201c}On behalf of everyone at the DNC, we want to offer a deep and sincere apology.\u{201d}";
        assert_eq!(speakers(t), [Some("DNC".to_string())]);
        let t = "Her stepfather, Stephen Cartwright, last night issued a statement. \"We are devastated at the tragic loss of our daughter.\"";
        assert_eq!(speakers(t), [Some("Stephen Cartwright".to_string())]);
        // Only the statement's issuer, not whoever acted otherwise.
        let t = "The DNC issued new rules for the debates.\n\n\"We want everyone to take part.\"";
        assert_eq!(speakers(t), [None]);
    }

    #[test]
    fn participles_take_the_right_subject() {
        all_said_by(&[
            // Opening clauses, a town and its state, come before the subject.
            (
                "Speaking at a town hall in Salem, New Hampshire, Trump went after Bush, calling him \u{201c}a total stiff.\u{201d}",
                "Trump",
            ),
            (
                "On Thursday, after remaining neutral for months, Warren endorsed Clinton, saying, \u{201c}She is a fighter.\u{201d}",
                "Warren",
            ),
            // A participle right after a speech verb shares its subject.
            (
                "Mateen left as soon as prayers were finished, Nefzi said, adding, \"He was quiet.\"",
                "Nefzi",
            ),
            // A sentence that opens on its subject keeps it past later commas.
            (
                "Sen. Bernie Sanders went on the show to discuss his rival, Hillary Clinton, saying \"on her worst day\" she would be better.",
                "Sen. Bernie Sanders",
            ),
        ]);
    }

    #[test]
    fn colons_and_adverbs() {
        all_said_by(&[
            // Any adverb in "-ly" may stand between the speaker and the verb.
            (
                "Clinton emphatically proclaimed at a press conference, \u{201c}There is no classified material.\u{201d}",
                "Clinton",
            ),
            // A subject and a verb in the past tense closed by a colon, whatever the verb.
            (
                "Kasich resisted: \"Ohio governors do not have the power.\"",
                "Kasich",
            ),
        ]);
        // A new sentence ending in a colon introduces the next quotation, not the last.
        let t = "Clinton emphatically proclaimed, \u{201c}There is none.\u{201d} The presidential candidate reiterated: \u{201c}I am well aware.\u{201d}";
        assert_eq!(speakers(t)[0], Some("Clinton".to_string()));
        // But after a comma it attributes both.
        let t = "\"We will win,\" Cruz said, adding: \"I welcome his support.\"";
        assert_eq!(speakers(t)[0], Some("Cruz".to_string()));
        // Nouns in "-ly" are no adverbs.
        use super::super::lexicon::is_verb_modifier;
        assert!(is_verb_modifier("emphatically") && is_verb_modifier("repeatedly"));
        assert!(!is_verb_modifier("family") && !is_verb_modifier("assembly"));
    }

    #[test]
    fn a_quotation_signed_with_a_dash() {
        // Readers' round-ups and pull quotes: the quotation opens its line, a dash and a
        // name close it.
        let t = "\u{201c}He scares me.\u{201d} \u{2015} Krystal Correa\n\u{201c}Build a wall around him.\u{201d}\u{2015} Steve Quinlan.\n\"We need change.\" -- Oscar P. Quintero, 41, of Tucson";
        assert_eq!(
            speakers(t),
            [
                Some("Krystal Correa".to_string()),
                Some("Steve Quinlan".to_string()),
                Some("Oscar P. Quintero".to_string())
            ]
        );
        // A dash after a quotation inside a sentence is a reporter's sign-off, and a dash
        // followed by prose is an aside: neither names the speaker.
        let t = "Rajoy insisted that his party was \"still the No. 1 force in Spain.\"--Kim Hjelmgaard.";
        assert_ne!(speakers(t), [Some("Kim Hjelmgaard".to_string())]);
        let t = "\"Not again.\" \u{2014} And then the Senate voted to adjourn for the week.";
        assert_eq!(speakers(t), [None]);
    }
}
