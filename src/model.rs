//! Plain data passed between the stages of the pipeline.
//!
//! walk → decode → formats ([`Article`]) → passages ([`Passage`]) → quotes ([`Quote`]) →
//! index; and on the way back, search → [`Hit`] → render. No stage holds on to another
//! stage's state: each takes these values and returns new ones.

use chrono::{DateTime, FixedOffset};
use serde::Serialize;
use std::path::PathBuf;

/// One article as a format parser found it, before segmentation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    /// The file the article came from.
    pub path: PathBuf,
    /// The record key or ordinal inside a multi-article file (`None` for one-article files).
    pub record: Option<String>,
    /// The headline, when the source has one.
    pub title: Option<String>,
    /// Publication time in the offset the source gave (UTC when it gave none); `None` when
    /// neither metadata nor the path carry a date.
    pub date: Option<DateTime<FixedOffset>>,
    /// Outlet or source domain.
    pub source: Option<String>,
    /// Canonical URL.
    pub url: Option<String>,
    /// Bylines.
    pub authors: Vec<String>,
    /// The article text. For plain-text files it is an exact slice of the decoded file, so
    /// offsets into it plus [`Article::body_offset`] are offsets into the file.
    pub body: String,
    /// Code points before `body` in the decoded file (0 for structured records).
    pub body_offset: usize,
    /// The text just before the body that quote extraction also reads: the title line and
    /// the blank lines after it, exactly as in the file (headlines quote people too).
    pub preamble: String,
}

impl Article {
    /// A stable id: the path, plus `#record` inside multi-article files.
    pub fn id(&self) -> String {
        match &self.record {
            Some(r) => format!("{}#{}", self.path.display(), r),
            None => self.path.display().to_string(),
        }
    }

    /// The title to show: the headline, else the body's first sentence (shortened).
    pub fn display_title(&self) -> String {
        if let Some(t) = self.title.as_deref().filter(|t| !t.trim().is_empty()) {
            return t.trim().to_string();
        }
        // A char pattern, not a set of one: it is found with memchr, and scraped bodies
        // are often one line of several kilobytes.
        let first = self
            .body
            .split('\n')
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("");
        let sentence = crate::passages::first_sentence(first);
        crate::passages::shorten(sentence, 100)
    }
}

/// What kind of thing a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    /// A named person ("Vedant Patel").
    Person,
    /// An organisation, government or place standing for one ("the State Department", "Baghdad").
    Organization,
    /// A source the extractor could not classify.
    #[default]
    Unknown,
    /// A source the text describes without naming ("a State Department official"): shown
    /// with its quotation, never counted as a speaker in the index.
    Unnamed,
}

/// A direct (or mixed) quotation and who said it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Start, in bytes into the extraction text (preamble + body).
    pub start: usize,
    /// End (exclusive), in bytes into the extraction text.
    pub end: usize,
    /// The quoted text including its quotation marks.
    pub text: String,
    /// The normalised speaker, when one was found.
    pub speaker: Option<String>,
    /// Whether the speaker is a person or an organisation.
    pub speaker_kind: SpeakerKind,
    /// The speech verb or phrase that attributes the quote ("said", "according to", ":").
    pub cue: Option<String>,
}

impl Quote {
    /// The speaker the index carries for this quotation: a name, never a description of
    /// an unnamed source.
    pub fn indexed_speaker(&self) -> Option<&String> {
        self.speaker
            .as_ref()
            .filter(|_| self.speaker_kind != SpeakerKind::Unnamed)
    }
}

/// A searchable unit: one paragraph (or a window of a long one).
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Position of the passage in its article, from 0.
    pub ordinal: usize,
    /// The paragraph text, hard-wrapped lines joined.
    pub text: String,
    /// Start, in bytes into the article body.
    pub start: usize,
    /// End (exclusive), in bytes into the article body.
    pub end: usize,
    /// Normalised speakers of the quotes in this passage.
    pub speakers: Vec<String>,
}
