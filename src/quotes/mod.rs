//! Article text → direct quotations with their cue and normalised speaker.
//!
//! Three steps, each in its own file: [`spans`] pairs quotation marks, [`attribution`]
//! finds the cue and the raw speaker phrase around each quotation, and
//! [`crate::speakers`] normalises the phrase into one name per person. Finally, quotations
//! with no attribution are kept only when they read like speech: short unattributed
//! quotations are titles, nicknames and scare quotes, not statements.

pub mod attribution;
pub mod lexicon;
pub mod spans;

use crate::model::{Quote, SpeakerKind};
use crate::speakers;

/// Unattributed quotations shorter than this (in words) are not taken for statements.
const MIN_UNATTRIBUTED_WORDS: usize = 6;
/// Quotations shorter than this that inherited a speaker (no cue of their own) are dropped.
const MIN_INHERITED_WORDS: usize = 4;

/// Finds the quotations in `text` and who said them. Offsets are bytes into `text`.
pub fn extract(text: &str) -> Vec<Quote> {
    extract_all(text).0
}

/// Reported speech without quotation marks: the sentence's byte range and its speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportedSpeech {
    /// Byte range of the sentence in the text.
    pub sentence: std::ops::Range<usize>,
    /// The normalised speaker.
    pub speaker: String,
    /// Person, organisation or unknown.
    pub speaker_kind: SpeakerKind,
}

/// Quotations, plus reported speech (`Baghdad said that …`) for passage speakers.
pub fn extract_all(text: &str) -> (Vec<Quote>, Vec<ReportedSpeech>) {
    let paras = spans::paragraphs(text);
    let spans = spans::find(text, &paras);
    let found = attribution::attribute(text, &paras, &spans);
    let resolved = speakers::resolve(&found);
    let reported = found
        .reported
        .iter()
        .zip(resolved.reported)
        .filter_map(|(r, who)| {
            let who = who?;
            Some(ReportedSpeech {
                sentence: r.sentence.clone(),
                speaker: who.name?,
                speaker_kind: who.kind,
            })
        })
        .collect();
    let unclaimed = unclaimed(&found.quotes, &resolved.quotes);
    let mut out = Vec::new();
    for (((span, attr), who), unclaimed) in spans
        .iter()
        .zip(&found.quotes)
        .zip(resolved.quotes)
        .zip(unclaimed)
    {
        let quoted = &text[span.range.clone()];
        let words = quoted.split_whitespace().count();
        let keep = match attr {
            _ if names_a_show(&text[..span.range.start], quoted, words) => false,
            Some(a) if !unclaimed && a.inherited => words >= MIN_INHERITED_WORDS || span.continued,
            Some(_) if !unclaimed => true,
            // Unattributed, or only by a subject that turned out to be no speaker.
            _ => words >= MIN_UNATTRIBUTED_WORDS && reads_like_speech(quoted),
        };
        if !keep {
            continue;
        }
        let (speaker, speaker_kind) = match who {
            Some(r) => (r.name, r.kind),
            None => (None, SpeakerKind::Unknown),
        };
        out.push(Quote {
            start: span.range.start,
            end: span.range.end,
            text: quoted.to_string(),
            speaker,
            speaker_kind,
            cue: attr.as_ref().filter(|_| !unclaimed).map(|a| a.cue.clone()),
        });
    }
    (out, reported)
}

/// Which quotations rest on a sentence subject that normalisation did not take for a
/// person's name, directly or through the quotation they continue: those count as
/// unattributed.
fn unclaimed(
    attrs: &[Option<attribution::Attribution>],
    resolved: &[Option<speakers::Resolved>],
) -> Vec<bool> {
    use attribution::RawSpeaker;
    let mut out: Vec<bool> = attrs
        .iter()
        .zip(resolved)
        .map(|(a, who)| {
            a.as_ref()
                .is_some_and(|a| matches!(a.speaker, RawSpeaker::Subject { .. }))
                && who.as_ref().is_none_or(|w| w.name.is_none())
        })
        .collect();
    // Chains of continued quotations, as normalisation follows them.
    for _ in 0..4 {
        for i in 0..attrs.len() {
            if let Some(attribution::Attribution {
                speaker: RawSpeaker::SameAs(j),
                ..
            }) = &attrs[i]
            {
                out[i] = out.get(*j).copied().unwrap_or(false);
            }
        }
    }
    out
}

/// A quotation in title case right after "on", "told" or a broadcaster's possessive names
/// a show (`told ABC's "Good Morning America"`, `said on "Fox and Friends"`): the
/// sentence's speaker said something else, not this. Other title-case quotations stay:
/// news writes slogans and nicknames as their speaker's words (Trump's "New York values").
fn names_a_show(before: &str, quoted: &str, words: usize) -> bool {
    if !(2..=8).contains(&words) || reads_like_speech(quoted) {
        return false;
    }
    let Some(prev) = before.split_whitespace().next_back() else {
        return false;
    };
    let owner = lexicon::possessive_owner(prev);
    // "ABC's", "MSNBC's", "CNN's": a broadcaster is named by its initials.
    let broadcaster =
        owner.is_some_and(|o| o.len() >= 2 && o.bytes().all(|b| b.is_ascii_uppercase()));
    broadcaster
        || ["on", "told", "tells"]
            .iter()
            .any(|w| prev.eq_ignore_ascii_case(w))
}

/// Titles Are Mostly Capitalised; speech has lower-case words.
fn reads_like_speech(quoted: &str) -> bool {
    let words: Vec<&str> = quoted.split_whitespace().collect();
    let caps = words
        .iter()
        .filter(|w| {
            w.chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
        .count();
    caps * 2 < words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each quotation's speaker and kind.
    fn speakers_and_kinds(q: &[Quote]) -> Vec<(Option<&str>, SpeakerKind)> {
        q.iter()
            .map(|q| (q.speaker.as_deref(), q.speaker_kind))
            .collect()
    }

    #[test]
    fn seed_like_paragraphs() {
        let t = "National Security Council spokesman John Kirby spoke.\n\n\
                 \u{201c}As for this specific response on Friday, there was not a pre-notification,\u{201d} State Department deputy spokesman Vedant Patel told reporters at a briefing.\n\n\
                 \u{201c}Iraq understood that there would be a response,\u{201d} Mr Patel said.\n\n\
                 Maj Gen Yahya Rasool, the Prime Minister's military spokesman, called the strikes a \u{201c}violation of Iraq's sovereignty\u{201d}.\n\n\
                 Maj Gen Rasool added that they \u{201c}undermine the Iraqi government efforts\u{201d}.\n\n\
                 The book \"The Art Of The Deal\" sold well.";
        let q = extract(t);
        let who: Vec<_> = q
            .iter()
            .map(|q| q.speaker.clone().unwrap_or_default())
            .collect();
        assert_eq!(
            who,
            [
                "Vedant Patel",
                "Vedant Patel",
                "Yahya Rasool",
                "Yahya Rasool"
            ]
        );
        assert!(q.iter().all(|q| q.speaker_kind == SpeakerKind::Person));
        assert_eq!(q[0].cue.as_deref(), Some("told"));
    }

    #[test]
    fn mixed_quotations_go_to_the_sentence_subject_when_a_person() {
        let speakers = |t: &str| -> Vec<(String, Option<String>)> {
            extract(t)
                .into_iter()
                .map(|q| (q.text, q.speaker))
                .collect()
        };
        let q = |text: &str, who: Option<&str>| (text.to_string(), who.map(str::to_string));
        // Any verb: the subject named with a given name is a person.
        assert_eq!(
            speakers(
                "In the depths of the recession, Paul Ryan worried that the safety net was \
                 becoming \u{201c}a hammock that lulls people\u{201d}."
            ),
            [q(
                "\u{201c}a hammock that lulls people\u{201d}",
                Some("Paul Ryan")
            )]
        );
        // A surname alone counts once its person has been quoted.
        assert_eq!(
            speakers(
                "\"We will win,\" Elizabeth Warren said. Warren praised the \"courage of the \
                 nurses\" at length."
            ),
            [
                q("\"We will win,\"", Some("Elizabeth Warren")),
                q("\"courage of the nurses\"", Some("Elizabeth Warren")),
            ]
        );
        // A subject that is no person, a copula, a single word and speech reported in
        // between give the subject nothing.
        for t in [
            "Google Maps showed him \"a strange coincidence of roads\" again.",
            "Tom Carter is the host of \"the best show on radio\" now.",
            "Paul Ryan visited the \"establishment\" yesterday.",
            "Donald Trump endured a lecture from the president, who said that NAFTA was \
             good for \"the U.S. as well as Mexico\" in the end.",
        ] {
            assert!(speakers(t).iter().all(|(_, who)| who.is_none()), "{t}");
        }
        // Nor do the short quotations that would continue such a subject's: they are as
        // unattributed as it is.
        assert_eq!(
            speakers("Google Maps showed \"a strange coincidence of roads.\" \"There is a bend.\""),
            []
        );
    }

    #[test]
    fn words_glued_to_a_quotation_stay_words() {
        // Scraped text loses the space between a quotation and the words either side.
        let q = extract(
            "Michael Howard spoke at length.\n\n\"It is the most terrible indictment of \
             his predecessors,\" said Mr Howard.\"I believe the Home Office was fit for \
             purpose when I left it.\"A BBC spokesman said: \"We will not comment on this.\"",
        );
        let who: Vec<_> = q.iter().map(|q| q.speaker.as_deref()).collect();
        assert_eq!(
            who,
            [
                Some("Michael Howard"),
                Some("Michael Howard"),
                Some("A BBC spokesman")
            ]
        );
    }

    #[test]
    fn the_letters_after_a_name_stand_for_the_person_named_with_them() {
        let q = extract(
            "Labour MP Fiona Mactaggart spoke first.\n\n\
             The MP said: \"I have nothing to add to what I said in the house.\"\n\n\
             The QC told the jury: \"The defendant was there that night, and he knew it.\"",
        );
        let who = speakers_and_kinds(&q);
        assert_eq!(
            who,
            [
                (Some("Fiona Mactaggart"), SpeakerKind::Person),
                // No QC was named: a description, never a facet value.
                (Some("the QC"), SpeakerKind::Unnamed),
            ]
        );
    }

    #[test]
    fn a_personal_title_stands_for_the_person_named_with_it() {
        let q = extract(
            "In his ruling, Judge James Kleinberg said the laws applied.\n\n\
             The Judge wrote: \"It is not surprising that the site was visited.\"\n\n\
             The President said: \"We will see what happens next week.\"\n\n\
             The Queen said: \"I was deeply shocked by the news from the town.\"",
        );
        let who = speakers_and_kinds(&q);
        assert_eq!(
            who,
            [
                (Some("James Kleinberg"), SpeakerKind::Person),
                // No president was named: a description, never a facet value.
                (Some("the President"), SpeakerKind::Unnamed),
                // One person across an archive: kept as a speaker.
                (Some("Queen"), SpeakerKind::Unknown),
            ]
        );
    }

    #[test]
    fn a_name_and_any_past_tense_verb_close_a_comma_ended_quotation() {
        let q = extract(
            "\u{201c}She chose not to speak, you utter fool,\u{201d} John Oliver barked.\n\n\
             \u{201c}France will always be France.\u{201d} Francois Hollande retaliated.",
        );
        assert_eq!(q.len(), 1, "{q:?}");
        assert_eq!(q[0].speaker.as_deref(), Some("John Oliver"));
        assert_eq!(q[0].cue.as_deref(), Some("barked"));
    }

    #[test]
    fn show_names_are_not_statements() {
        let t = "\"We will win,\" Ms Warren said on ABC's \"Good Morning America.\" \
                 Mr Cruz told \"Fox and Friends\" he would stay. \
                 Later Mr Cruz attacked Trump's \"New York Values\" again.";
        let q = extract(t);
        let texts: Vec<&str> = q.iter().map(|q| q.text.as_str()).collect();
        // The slogan stays a quotation: news writes it as its speaker's words.
        assert_eq!(texts, ["\"We will win,\"", "\"New York Values\""]);
        assert_eq!(q[0].speaker.as_deref(), Some("Warren"));
    }

    fn who(text: &str) -> Vec<String> {
        extract(text)
            .into_iter()
            .map(|q| q.speaker.unwrap_or_default())
            .collect()
    }

    #[test]
    fn places_titles_and_introducing_paragraphs() {
        let cases: [(&str, &[&str]); 51] = [
            // "She" is not the man who spoke last when a woman was named before him, and
            // "he" not the woman; a speaker whose given name tells nothing keeps "she".
            (
                "Clinton says she appreciated Hillary Clinton's courage.\n\n\"It was hard,\" \
                 said Donald Trump.\n\n\"He lashes out,\" she said.\n\n\"We will see,\" he \
                 added.",
                &["Donald Trump", "Hillary Clinton", "Donald Trump"],
            ),
            (
                "\"We are proud,\" said Tyresha McClenney.\n\n\"It matters,\" she said.",
                &["Tyresha McClenney", "Tyresha McClenney"],
            ),
            // A place is no antecedent of "he".
            (
                "Ted Cruz admitted his pick looked to the primary in South Carolina.\n\n\
                 \"With an eye to February 20th, Carolina,\" he said.",
                &["Ted Cruz"],
            ),
            // Abbreviated titles and offices before a name.
            (
                "\"We are at war,\" said Pentagon spokesman Navy Capt. Jeff Davis.\n\n\
                 \"The first line of defense is the community,\" said former secretary of \
                 state Hillary Clinton, who spoke last.",
                &["Jeff Davis", "Hillary Clinton"],
            ),
            // An office named with "of" is a title before its holder's name, the office's
            // object included; a title of place alone ("the Bishop of Durham") names no
            // one else, and a person "of" an institution stays the person.
            (
                "Former Secretary of State Madeleine Albright urged women to vote, saying, \
                 \u{201c}There\u{2019}s a special place in hell.\u{201d}\n\n\"We are ready,\" \
                 said Former Secretary of State Madeleine Albright.\n\nDirector of National \
                 Intelligence James Clapper said, \"The threat is real.\"\n\nChairman of \
                 General Motors Roger Smith said, \"Sales will rise.\"",
                &[
                    "Madeleine Albright",
                    "Madeleine Albright",
                    "James Clapper",
                    "Roger Smith",
                ],
            ),
            (
                "The Bishop of Durham, the Rt Rev Dr Tom Wright, described the novel as a \
                 \"great thriller\".\n\n\"We have had a rise of 1C,\" said climate expert \
                 Professor Chris Field of Stanford University.",
                &["Tom Wright", "Chris Field"],
            ),
            // "May" is a surname before the verb, not a modal or the month, and a title
            // is never stripped down to a name's suffix.
            (
                "\"We are ready,\" British Prime Minister Theresa May said on Tuesday.\n\n\
                 \"We are ready,\" said Theresa May.\n\nMay said: \"We are ready.\"\n\n\
                 The statement on 3 May said: \"We are ready.\"\n\n\"We are ready,\" \
                 Martin Luther King Jr. said.",
                &[
                    "Theresa May",
                    "Theresa May",
                    "Theresa May",
                    "",
                    "Martin Luther King Jr.",
                ],
            ),
            // A role set off by a comma after an inverted verb is named right after it;
            // titles joined by a hyphen are titles.
            (
                "\"We are ready to go to the polls,\" said his lawyer, John Dowd, in a \
                 statement.\n\n\"We are ready to go to the polls,\" said Mr. Trump's \
                 spokeswoman, Hope Hicks.\n\n\"We are ready to go to the polls,\" \
                 Secretary-General Ban Ki-moon said.",
                &["John Dowd", "Hope Hicks", "Ban Ki-moon"],
            ),
            // Letters after a name are no part of it, and its surname still finds it.
            (
                "\"We are ready to go to the polls,\" said John McDonnell MP.\n\n\
                 Prosecuting, Rosina Cottage QC said: \"He lied to the jury.\"\n\n\
                 \"He lied again,\" Cottage said.",
                &["John McDonnell", "Rosina Cottage", "Rosina Cottage"],
            ),
            // A party and a seat describe someone unnamed; "PC" is a title.
            (
                "\"We are ready to go to the polls,\" one senior Tory MP said.\n\n\
                 \"We are ready to go to the polls,\" said PC David Jones.",
                &["one senior Tory MP", "David Jones"],
            ),
            // A document's author speaks for it.
            (
                "\"We are ready to go to the polls,\" according to a statement from the \
                 White House.\n\nAccording to a statement from Public Employees for \
                 Environmental Responsibility, \"The meeting was cancelled.\"",
                &[
                    "White House",
                    "Public Employees for Environmental Responsibility",
                ],
            ),
            // A speech verb after "of" is a noun ("secretary of state,").
            (
                "\"We are ready to go to the polls,\" Hillary Clinton, the former secretary \
                 of state, said.",
                &["Hillary Clinton"],
            ),
            // A paragraph of quotation after a sentence reporting speech.
            (
                "Schoen argued in a column for the Journal that delegates may reconsider.\n\n\
                 \"A win in California would underscore her weakness as a candidate.\"",
                &["Schoen"],
            ),
            // The name before a participle after "with" is its subject.
            (
                "Republicans were quick to chime in, with Donald Trump tweeting that it \
                 was a \"disaster\" for Clinton.",
                &["Donald Trump"],
            ),
            // The listener after "telling" is never the speaker.
            (
                "The foundation would not address \"that person in the news today,\" \
                 telling Fox 35 that it is focused on other work.",
                &[""],
            ),
            // A verb with its own complement after a quotation opens a new statement.
            (
                "Donald Trump said Hillary Clinton \"caused death.\" Bernie Sanders called \
                 Trump a \"pathological liar.\" Carly Fiorina said Ted Cruz \"says \
                 whatever he needs to say.\"",
                &["Donald Trump", "Bernie Sanders", "Carly Fiorina"],
            ),
            // An opening phrase is no subject; a pronoun subject serves a participle.
            (
                "In Washington, President Obama released a statement condemning \"what \
                 appears to be a horrific attack.\" He said he had directed his team to \
                 help.\n\nHowever, he held his fire on the governor, calling him a \
                 \"good man.\"",
                &["Obama", "Obama"],
            ),
            // An inverted cue before the quotation.
            (
                "His boss was generous. But, said Solovey, \"I don't want to dry up his \
                 ego at all.\"",
                &["Solovey"],
            ),
            // A quotation nothing introduced is the speaker's who goes on after it.
            (
                "Police arrived at noon.\n\n\"I couldn't see her face at all.\" Mandy \
                 Dixon said she then saw the suspect \"dragged\" out.",
                &["Mandy Dixon", "Mandy Dixon"],
            ),
            // When comes before what: `said Wednesday she …` opens its own statement.
            (
                "Lisa M. Madigan asserted that \"trust in the police is broken.\" Hillary \
                 Clinton said Wednesday she, too, wants an inquiry.",
                &["Lisa M. Madigan"],
            ),
            // A place after "in" is no antecedent of "he".
            (
                "Bernie Sanders spoke first.\n\nOn Thursday, Sanders unloaded on the Post at \
                 a breakfast in Des Moines. \"Check out the editorial page,\" he said.",
                &["Bernie Sanders"],
            ),
            // A sentence glued to the one before it is still a sentence of its own.
            (
                "He failed to attend a court in February.Judge Charles Wide QC told him he \
                 had made a \"really determined attempt\" to evade justice.",
                &["Charles Wide"],
            ),
            // A sentence may open on "Said", its name followed by an apposition.
            (
                "The home was renovated. Said Dorothy Poynter, who grew up with Ali in the \
                 neighborhood, \"We were all so proud of him.\"",
                &["Dorothy Poynter"],
            ),
            // "member" is a descriptor before a name.
            (
                "Band member Flea shared the news last week, writing \"Feels great to \
                 support someone I believe in.\"",
                &["Flea"],
            ),
            // A short quotation inside an apposition does not hide the name before it.
            (
                "\"We have had better conventions,\" Texas delegate Bill Eastland, wearing a \
                 cowboy hat and \"Ted Cruz\" pins, said as confetti fell.",
                &["Bill Eastland"],
            ),
            // A sentence opening on a name and ending in a colon introduces a quotation.
            (
                "Hillary Clinton spoke in Iowa.\n\nClinton has since apologized for what \
                 happened: \"I should have used two email addresses.\"\n\n\
                 Never has a campaign looked so tired: \"We are done with all of this now,\" \
                 one aide said.",
                &["Hillary Clinton", "one aide"],
            ),
            // A relative clause closes an apposition that holds a town and its state.
            (
                "\"Both of them scare me,\" Harry Bond, 30, of Raleigh, N.C., who was among \
                 those polled, said in an interview.",
                &["Harry Bond"],
            ),
            // A sentence may open on its verb.
            (
                "Stated Stone: \"I think that the stakes are so high for all of us.\"",
                &["Stone"],
            ),
            // A person "of" a place is the person, titles and all.
            (
                "House Speaker Paul D. Ryan of Wisconsin lamented the \"disheartened\" \
                 state of the campaign.",
                &["Paul D. Ryan"],
            ),
            // A trade opening the sentence is no part of the name, and the trade then
            // refers back to the person written with it.
            (
                "Footballer Joey Barton spoke outside court.\n\n\"Those responsible must be \
                 brought to justice,\" the footballer said.",
                &["Joey Barton"],
            ),
            (
                "\"The evidence is weak,\" said Mr Brown's barrister, Ben Emmerson QC.\n\n\
                 Economist Jan Hatzius wrote: \"Growth will slow.\"",
                &["Ben Emmerson", "Jan Hatzius"],
            ),
            // So is a person "of" an institution whose name runs on through "for", or "of"
            // a town and its state.
            (
                "James Lowe of the Howard League for Penal Reform said it was \"a scandal \
                 that must end now.\"\n\nStacy Baker of Columbia, South Carolina says she \
                 thinks Cruz can win if he keeps \"doing what he's doing.\"",
                &["James Lowe", "Stacy Baker"],
            ),
            // ... or through "of" and "in", while a person "of" a place stays the person.
            (
                "Jane Smith of the Institute of Peace in Washington said: \"It is late.\"\n\n\
                 \"Thieves have worked it out,\" Marc Rogers of Lookout Mobile Security in \
                 San Francisco warned.\n\nTom Jones of Washington said: \"It is early.\"",
                &["Jane Smith", "Marc Rogers", "Tom Jones"],
            ),
            // The institution a speaker is "of" is no antecedent of the "he" after.
            (
                "As Archbishop Aris Shirvanian of the Armenian Patriarchate told the \
                 Associated Press, \u{201c}We have suffered the same fate.\u{201d} He added, \
                 \u{201c}Israel should have been the first.\u{201d}",
                &["Aris Shirvanian", "Aris Shirvanian"],
            ),
            // Nor is a name after a preposition or a possessive in the pronoun's sentence,
            // while a person named there is.
            (
                "Labor Secretary Thomas Perez likes baseball.\n\nIn his parents' Dominican \
                 Republic, \"baseball and politics are the national sport,\" he says.\n\n\
                 Pressed on comments made by spokesman John Kirby, he stated: \"We did not.\"",
                &["Thomas Perez", "John Kirby"],
            ),
            // With nobody quoted yet, "he" is the person last named, not a place after
            // "his".
            (
                "Mohamed Nasheed was jailed 16 times.\n\nHe never gave up on his Indian Ocean \
                 island home. \"We will be back,\" he said.",
                &["Mohamed Nasheed"],
            ),
            // A sentence ending on "agreed", "recalls" and the like introduces the
            // quotation after it.
            (
                "Iowa State University's Dianne Bystrom agreed. \"Mainstream Republicans are \
                 running out of time to find an alternative.\"",
                &["Dianne Bystrom"],
            ),
            // A sentence that opens on a name and an apposition and ends in a colon
            // introduces the quotation after it, whatever its verb.
            (
                "Senate Majority Leader Mitch McConnell, R-Ky., delivered a blunt message \
                 to Trump: \"It's time to quit attacking various people.\"\n\nBen De Pear, \
                 editor of Channel 4 News, wished Mason well for the future: \"Paul is a \
                 unique talent.\"",
                &["Mitch McConnell", "Ben De Pear"],
            ),
            // So does one whose subject follows a short opening clause.
            (
                "Writing in advance of the premiere, the New Yorker's music critic Alex Ross \
                 summed up: \"That two commentators should differ points to a problem.\"\n\n\
                 On the day Sally Clark was freed, the Crown Prosecution Service issued a \
                 statement explaining its decision: \"A retrial is no longer possible.\"",
                &["Alex Ross", "Crown Prosecution Service"],
            ),
            // And one that presents its speaker ("Here's", "Here is"); not "Here's what".
            (
                "Here\u{2019}s Clinton in December 1992: \u{201c}Our new direction must rest on \
                 the new realities.\u{201d}\n\nHere is Kumi Naidoo, head of Greenpeace, in an \
                 open letter: \"The tone has undermined US credibility.\"\n\nHere's what \
                 happened next: \"The doors closed and nobody came in or out.\"",
                &["Clinton", "Kumi Naidoo", ""],
            ),
            // A page's share buttons run into the text are no part of a name; the
            // company alone still speaks.
            (
                "Facebook Twitter Pinterest Ellie Goulding said: \"I was nervous.\"\n\n\
                 \"We removed the posts,\" Twitter said.",
                &["Ellie Goulding", "Twitter"],
            ),
            // A party tag is not the last word of the name before it.
            (
                "\"The intensity of his supporters is greater than for anyone,\" said Rep. \
                 Beto O'Rourke (D-Tex.), a Clinton endorser whose El Paso-based district is \
                 safe.",
                &["Beto O'Rourke"],
            ),
            // A name introducing the quotation outranks a pronoun after it.
            (
                "Hillary Clinton said Wednesday she wants an inquiry. Durbin said on \
                 Thursday he \"hand-delivered a letter to the attorney general today,\" \
                 and he said he hoped for more.",
                &["Durbin"],
            ),
            // A capitalised word in "-ly" is a name unless it has an adverb's shape.
            (
                "\"We are not done yet,\" Connolly said.\n\nPreviously Kelly told ABC \
                 \"it was a tough night for everyone involved.\"",
                &["Connolly", "Kelly"],
            ),
            // "he" in `X said he …` is X.
            (
                "Ted Cruz spoke first. \"I'll be presidential,\" Cruz said.\n\n\
                 But Donald Trump said he responded: \"I'm not so sure.\"",
                &["Ted Cruz", "Donald Trump"],
            ),
            // Someone described "in" or "from" a place is unnamed, not the place, and a
            // state after its town does not take the verb; a statement "from" someone is
            // still theirs.
            (
                "A woman in Worcester, Massachusetts, said she worries he is \"too nice to \
                 fend off his rivals.\"\n\nA voter from Columbia said the candidate was \
                 \"too nice to fend off his rivals.\"\n\nJohn Smith of Columbia, South \
                 Carolina, said he was \"not sure at all about any of them.\"\n\nA \
                 statement from Merseyside police said: \"We are looking for a man.\"",
                &[
                    "A woman in Worcester",
                    "A voter from Columbia",
                    "John Smith",
                    "Merseyside police",
                ],
            ),
            // An infinitive after a quotation is no attribution.
            (
                "Kasich tells the crowd he was the \"first one\" to say the Islamic State \
                 group needs to be destroyed.",
                &["Kasich"],
            ),
            // "A" glued to the sentence before opens the next (`named.A spokesman`).
            (
                "The school has not been named.A local authority spokesman said: \"The \
                 council has notified the agency.\"",
                &["A local authority spokesman"],
            ),
            // A company, a ministry, a family and a person described by age speak as
            // unnamed sources; "the 45-year-old" is the person named before, as "he"
            // would be; a source set off by a relative clause still takes the verb.
            (
                "\"We will appeal this ruling,\" the company said.\n\n\"He was a wonderful \
                 son,\" his family said.\n\n\"It was terrifying for us,\" a 23-year-old \
                 mother-of-two said.\n\nJohn Smith was sentenced on Friday. \"I have no \
                 regrets at all,\" the 45-year-old told the court.\n\n\"Nobody expected \
                 this,\" the source, who spoke on condition of anonymity, said.",
                &[
                    "the company",
                    "his family",
                    "a 23-year-old mother-of-two",
                    "John Smith",
                    "the source",
                ],
            ),
            // "said a spokesman" names an unnamed source, with the employer after it;
            // "the analyst" is the analyst named before, "the singer" of an article
            // that names no singer stays a description.
            (
                "\"We will proceed,\" said a spokesperson for the Crown Prosecution \
                 Service.\n\nRaghuram Selvaraju, an analyst at Maxim Group, rates the \
                 stock a buy. \"The trial read-out is strong,\" the analyst said.\n\n\
                 \"I love this city,\" the singer told fans.",
                &[
                    "a spokesperson for the Crown Prosecution Service",
                    "Raghuram Selvaraju",
                    "the singer",
                ],
            ),
            // A title held before the name is a role to refer back to, but only with the
            // very same words ("the president" is not the vice-president); a nationality
            // refers back like "he".
            (
                "\"It is a sad day,\" said Chancellor Rachel Reeves. \"We have to make tough \
                 choices,\" the chancellor said.\n\nVice President Joe Biden spoke first. \
                 \"We will act,\" the president said.\n\nArsenal boss Mikel Arteta said: \
                 \"We were brilliant.\" The Spaniard added: \"The fans were incredible.\"",
                &[
                    "Rachel Reeves",
                    "Rachel Reeves",
                    "the president",
                    "Mikel Arteta",
                    "Mikel Arteta",
                ],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(who(text), want, "{text}");
        }
    }

    #[test]
    fn organisations_are_marked() {
        let q = extract("\u{201c}We were not told,\u{201d} the State Department said.");
        assert_eq!(q[0].speaker.as_deref(), Some("State Department"));
        assert_eq!(q[0].speaker_kind, SpeakerKind::Organization);
    }
}
