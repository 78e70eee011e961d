//! The index schema: one tantivy document per passage, and the version that guards it.
//!
//! Bump [`SCHEMA_VERSION`] whenever a field, a tokenizer or the meaning of a stored value
//! changes: an index written under another version is refused with a hint to `--rebuild`,
//! never silently misread.

pub use super::tokenizer::MAX_TOKEN_BYTES;
use super::tokenizer::WordTokenizer;
use tantivy::Index;
use tantivy::schema::{
    DateOptions, DateTimePrecision, FAST, FacetOptions, Field, INDEXED, IndexRecordOption,
    NumericOptions, STORED, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{LowerCaser, RawTokenizer, SimpleTokenizer, TextAnalyzer};

/// Version of the on-disk layout; see the module docs.
pub const SCHEMA_VERSION: u32 = 4;

/// Tokenizer for body and title: words, lower-cased, English stems ("strikes" finds "strike").
pub const STEMMED: &str = "newsidx_en";
/// Tokenizer for speaker names: words, lower-cased, no stemming ("Patel" stays "patel").
pub const NAMES: &str = "newsidx_names";
/// Tokenizer for exact-but-case-blind values such as the source.
pub const KEYWORD: &str = "newsidx_keyword";

/// Handles to every field.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    /// Path of the file (as walked), for incremental deletes.
    pub file: Field,
    /// Article id: path, plus `#record` inside multi-article files.
    pub article: Field,
    /// Position of the passage in its article.
    pub ordinal: Field,
    /// Article title (searchable, boosted; not stored, results show `heading`); absent
    /// when the article has none.
    pub title: Field,
    /// Title to show: the title, or the first sentence of an untitled article (stored only,
    /// so an untitled article's opening is not matched on every passage).
    pub heading: Field,
    /// Passage text.
    pub text: Field,
    /// Speaker names of the passage, one value each (searchable by word).
    pub speakers: Field,
    /// Speaker names as facets (`/Vedant Patel`), for exact counts.
    pub speaker_facet: Field,
    /// Publication time.
    pub date: Field,
    /// `/YYYY/MM/DD` or `/undated`.
    pub date_facet: Field,
    /// `YYYYMM` as a number (0 when undated), for fast month counts.
    pub month: Field,
    /// Outlet, matched case-blind.
    pub source: Field,
    /// Canonical URL.
    pub url: Field,
}

/// Builds the schema and its field handles.
pub fn build() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let stemmed = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(STEMMED)
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let names = TextOptions::default()
        .set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(NAMES)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
        .set_stored();
    let keyword = TextOptions::default()
        .set_indexing_options(TextFieldIndexing::default().set_tokenizer(KEYWORD))
        .set_stored();
    let fields = Fields {
        file: b.add_text_field("file", STRING | STORED),
        article: b.add_text_field("article", STRING | STORED | FAST),
        ordinal: b.add_u64_field("ordinal", NumericOptions::default().set_stored()),
        title: b.add_text_field("title", stemmed.clone()),
        heading: b.add_text_field("heading", STORED),
        text: b.add_text_field("text", stemmed.set_stored()),
        speakers: b.add_text_field("speakers", names),
        speaker_facet: b.add_facet_field("speaker_facet", FacetOptions::default()),
        date: b.add_date_field(
            "date",
            DateOptions::from(INDEXED)
                .set_stored()
                .set_fast()
                .set_precision(DateTimePrecision::Seconds),
        ),
        date_facet: b.add_facet_field("date_facet", FacetOptions::default()),
        month: b.add_u64_field("month", FAST),
        source: b.add_text_field("source", keyword),
        url: b.add_text_field("url", STORED),
    };
    (b.build(), fields)
}

/// Looks the field handles up in an opened index's schema.
pub fn fields_of(schema: &Schema) -> tantivy::Result<Fields> {
    let f = |n: &str| schema.get_field(n);
    Ok(Fields {
        file: f("file")?,
        article: f("article")?,
        ordinal: f("ordinal")?,
        title: f("title")?,
        heading: f("heading")?,
        text: f("text")?,
        speakers: f("speakers")?,
        speaker_facet: f("speaker_facet")?,
        date: f("date")?,
        date_facet: f("date_facet")?,
        month: f("month")?,
        source: f("source")?,
        url: f("url")?,
    })
}

/// The analyzer of [`STEMMED`] fields (body and title).
pub fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(WordTokenizer::stemmed())
}

/// [`stemmed_analyzer`] without its last step, the stemmer: the words as highlighting
/// reads them before it stems the few that can match (`highlight::StemmedHighlighter`
/// reads them its own way, tested to agree with this).
pub fn unstemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::from(WordTokenizer::unstemmed())
}

/// Stored passages are compressed in blocks of this many bytes.
///
/// A hit reads its passage by decompressing the whole block around it; with tantivy's
/// default of 16 KB that was a quarter of a query for a rare term (ten hits, ten blocks).
/// A quarter of the size costs the index about 8% more disk.
pub const DOCSTORE_BLOCK_BYTES: usize = 4096;

/// The settings a new index is created with.
pub fn settings() -> tantivy::IndexSettings {
    tantivy::IndexSettings {
        docstore_blocksize: DOCSTORE_BLOCK_BYTES,
        ..Default::default()
    }
}

/// Registers newsidx's tokenizers on `index` (needed after every open).
pub fn register_tokenizers(index: &Index) {
    let m = index.tokenizers();
    m.register(STEMMED, stemmed_analyzer());
    m.register(
        NAMES,
        TextAnalyzer::builder(SimpleTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
    m.register(
        KEYWORD,
        TextAnalyzer::builder(RawTokenizer::default())
            .filter(LowerCaser)
            .build(),
    );
}
