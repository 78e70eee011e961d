//! The library's error type. Every message says what happened and what to do about it.

use std::path::PathBuf;

/// Errors that stop a whole command (a bad file never does: it is reported and skipped).
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index at the given path.
    #[error("no index at '{0}': build one with `newsidx index <folder> --index {0}`")]
    NoIndex(PathBuf),
    /// The index was written by another schema version.
    #[error(
        "the index at '{path}' was written by another version of newsidx (schema {found}, this \
         build reads {expected}): rebuild it with `newsidx index <folder> --index {path} --rebuild`"
    )]
    SchemaMismatch {
        /// Index folder.
        path: PathBuf,
        /// Version found on disk.
        found: u32,
        /// Version this build writes.
        expected: u32,
    },
    /// Another process is writing to the index.
    #[error(
        "another `newsidx index` is writing to '{0}' (lock file .tantivy-writer.lock is held): \
         wait for it to finish, then run again"
    )]
    Locked(PathBuf),
    /// The query text could not be parsed.
    #[error(
        "cannot parse the query: {0} (quote phrases with \"…\", balance parentheses, or see `newsidx search --help`)"
    )]
    Query(String),
    /// A command-line value is not valid.
    #[error("{0}")]
    Usage(String),
    /// The folder to index does not exist or is not readable.
    #[error("cannot read '{path}': {reason} (check the path)")]
    Input {
        /// The path given.
        path: PathBuf,
        /// Why it could not be read.
        reason: String,
    },
    /// A file could not be read.
    #[error("'{path}': {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The search engine failed.
    #[error("index error: {0} (if this persists, rebuild with `newsidx index --rebuild`)")]
    Tantivy(#[from] tantivy::TantivyError),
    /// The run was interrupted (Ctrl-C) after committing what it had.
    #[error(
        "interrupted: everything up to the last commit is saved; run the same command again to finish"
    )]
    Interrupted,
    /// `--strict` was given and some files were skipped.
    #[error("{0} file(s) could not be indexed and --strict is set (the list is above)")]
    Strict(usize),
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
