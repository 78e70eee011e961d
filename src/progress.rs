//! How long-running work reports progress, without the library knowing about terminals.
//!
//! The CLI implements [`Reporter`] with a progress bar; tests and library users pass
//! [`Silent`] or their own.

use std::path::Path;

/// Receives progress events from an indexing run.
pub trait Reporter: Sync {
    /// The run will read `files` files holding `bytes` bytes.
    fn start(&self, _files: u64, _bytes: u64) {}
    /// One file was read (indexed or skipped).
    fn file_done(&self, _bytes: u64) {}
    /// A file, or a record in it, could not be read; the run goes on.
    fn problem(&self, _path: &Path, _reason: &str) {}
    /// The run is committing what it has.
    fn committing(&self) {}
    /// The run is over.
    fn finish(&self) {}
}

/// A reporter that reports nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct Silent;

impl Reporter for Silent {}
