//! newsidx: a search engine for news archives, with speakers and dates.
//!
//! The pipeline, one module per stage, passing the plain data of [`model`]:
//!
//! | stage | module | in → out |
//! | --- | --- | --- |
//! | walk | [`walk`] | folder → files |
//! | decode | [`decode`] | bytes → text |
//! | parse formats | [`formats`] | text → [`model::Article`]s |
//! | dates | [`dates`] | date strings and paths → UTC dates, facets, filter bounds |
//! | segment | [`passages`] | body → [`model::Passage`]s |
//! | quotes | [`quotes`] | text → [`model::Quote`]s with cues and raw speakers |
//! | speakers | [`speakers`], [`aliases`] | raw speakers → one name per person, in an article and across the corpus |
//! | analyze | [`analyze`] | article → passages carrying speakers |
//! | index | [`index`] | folder → tantivy index, incrementally |
//! | query | [`query`] | query text + filters → tantivy query |
//! | search | [`search`], [`facets`] | query → hits, exact counts |
//! | highlight | [`highlight`] | passage + terms → snippet |
//! | render | [`render`] | results → text or JSON |
//!
//! Index a folder, then search it:
//!
//! ```
//! use newsidx::index::writer::{IndexOptions, run};
//! use newsidx::search::{SearchRequest, search};
//! use std::sync::atomic::AtomicBool;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let dir = tempfile::tempdir()?;
//! let corpus = dir.path().join("corpus");
//! std::fs::create_dir(&corpus)?;
//! std::fs::write(
//!     corpus.join("2024-02-05-strikes.txt"),
//!     "Strikes questioned\n\n\"There was not a pre-notification,\" Vedant Patel told reporters.\n",
//! )?;
//! let opts = IndexOptions::new(&corpus, dir.path().join("index"));
//! let summary = run(&opts, &newsidx::progress::Silent, &AtomicBool::new(false))?;
//! assert_eq!(summary.passages, 1);
//!
//! let handle = newsidx::index::open(&dir.path().join("index"))?;
//! let mut req = SearchRequest {
//!     query: "notification".into(),
//!     filters: Default::default(),
//!     limit: 10,
//!     offset: 0,
//!     facets: false,
//!     sort: Default::default(),
//! };
//! req.filters.speakers.push("patel".into());
//! let results = search(&handle, &req)?;
//! assert_eq!(results.total, 1);
//! assert_eq!(results.hits[0].speakers, ["Vedant Patel"]);
//! # Ok(())
//! # }
//! ```

#![doc(test(attr(deny(warnings))))]
#![warn(missing_docs)]

pub mod aliases;
pub mod analyze;
pub mod dates;
pub mod decode;
pub mod error;
pub mod facets;
pub mod formats;
pub mod highlight;
pub mod index;
pub mod model;
pub mod passages;
pub mod progress;
pub mod query;
pub mod quotes;
pub mod render;
pub mod search;
pub mod speakers;
pub mod walk;

pub use error::{Error, Result};
