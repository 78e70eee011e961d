//! The tantivy index: schema, opening and creating, incremental writing.
//!
//! [`open`] is for readers (search, speakers); [`writer::run`] builds or updates an index
//! from a folder. The on-disk layout is tantivy's own plus `newsidx-manifest.json`.

pub mod facet_layout;
pub mod manifest;
pub mod merges;
pub mod schema;
pub mod stemmer;
pub mod tokenizer;
pub mod writer;

use crate::error::{Error, Result};
use facet_layout::FacetLayout;
use manifest::Manifest;
use schema::{Fields, SCHEMA_VERSION};
use std::path::{Path, PathBuf};
use tantivy::Index;

/// An opened index with its field handles.
pub struct IndexHandle {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// The folder it lives in.
    pub dir: PathBuf,
    /// Speaker names merged across the corpus.
    pub groups: std::sync::Arc<crate::aliases::SpeakerGroups>,
    /// The reader searches share, opened on first use: opening one loads every segment's
    /// metadata, which would otherwise cost each query of a session.
    pub(crate) reader: std::sync::OnceLock<tantivy::IndexReader>,
    /// Digest of the speaker-groups file `groups` was read from (0: none).
    pub(crate) groups_digest: u64,
    /// Speaker names per segment, for facet counting; filled as segments are first read.
    pub(crate) speaker_tables: std::sync::Arc<crate::facets::SpeakerTables>,
    /// The facet layout, read on first use (`None`: missing or not for these groups).
    pub(crate) facet_layout: std::sync::OnceLock<Option<std::sync::Arc<FacetLayout>>>,
}

impl IndexHandle {
    /// The facet layout saved with the index, when it was made for the groups this handle
    /// read; read from disk on the first call.
    pub fn facet_layout(&self) -> Option<std::sync::Arc<FacetLayout>> {
        self.facet_layout
            .get_or_init(|| FacetLayout::load(&self.dir, self.groups_digest).map(Into::into))
            .clone()
    }
}

/// Whether `dir` holds a newsidx index.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

fn check_version(dir: &Path) -> Result<Manifest> {
    let manifest = Manifest::load(dir).map_err(|e| manifest_error(dir, e))?;
    ensure_version(dir, manifest.as_ref().map_or(0, |m| m.schema_version))?;
    Ok(manifest.unwrap_or_default())
}

/// Refuses an index written under another schema version (0: no manifest).
fn ensure_version(dir: &Path, found: u32) -> Result<()> {
    if found != SCHEMA_VERSION {
        return Err(Error::SchemaMismatch {
            path: dir.to_path_buf(),
            found,
            expected: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// An I/O error on the manifest of the index at `dir`.
pub(crate) fn manifest_error(dir: &Path, source: std::io::Error) -> Error {
    Error::Io {
        path: dir.join(manifest::FILE_NAME),
        source,
    }
}

/// Opens an existing index for reading.
pub fn open(dir: &Path) -> Result<IndexHandle> {
    if !exists(dir) {
        return Err(Error::NoIndex(dir.to_path_buf()));
    }
    let found = Manifest::load_version(dir).map_err(|e| manifest_error(dir, e))?;
    ensure_version(dir, found.unwrap_or(0))?;
    let index = Index::open_in_dir(dir)?;
    schema::register_tokenizers(&index);
    let fields = schema::fields_of(&index.schema())?;
    let (groups, groups_digest) = crate::aliases::SpeakerGroups::load_with_digest(dir);
    let groups = std::sync::Arc::new(groups);
    Ok(IndexHandle {
        index,
        fields,
        dir: dir.to_path_buf(),
        groups,
        reader: std::sync::OnceLock::new(),
        groups_digest,
        speaker_tables: Default::default(),
        facet_layout: std::sync::OnceLock::new(),
    })
}

/// Opens the index at `dir` for writing, creating it (and the folder) when missing; with
/// `rebuild`, removes an existing index first.
pub(crate) fn open_for_writing(dir: &Path, rebuild: bool) -> Result<(IndexHandle, Manifest)> {
    std::fs::create_dir_all(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    if rebuild {
        remove_index_files(dir)?;
    }
    let manifest = if exists(dir) {
        check_version(dir)?
    } else {
        // The manifest goes first: a crash right after leaves an empty index, not one
        // without a version.
        let m = Manifest {
            schema_version: SCHEMA_VERSION,
            ..Manifest::default()
        };
        m.save(dir).map_err(|e| manifest_error(dir, e))?;
        let (schema, _) = schema::build();
        Index::builder()
            .schema(schema)
            .settings(schema::settings())
            .create_in_dir(dir)?;
        m
    };
    let index = Index::open_in_dir(dir)?;
    schema::register_tokenizers(&index);
    let fields = schema::fields_of(&index.schema())?;
    let (groups, groups_digest) = crate::aliases::SpeakerGroups::load_with_digest(dir);
    let groups = std::sync::Arc::new(groups);
    Ok((
        IndexHandle {
            index,
            fields,
            dir: dir.to_path_buf(),
            groups,
            reader: std::sync::OnceLock::new(),
            groups_digest,
            speaker_tables: Default::default(),
            facet_layout: std::sync::OnceLock::new(),
        },
        manifest,
    ))
}

/// Removes tantivy's files and the manifest from `dir`, leaving anything else (a README).
fn remove_index_files(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::Io {
        path: dir.to_path_buf(),
        source: e,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let segment_file = name.len() > 33
            && name.as_bytes()[32] == b'.'
            && name[..32].bytes().all(|b| b.is_ascii_hexdigit());
        let ours = matches!(name.as_str(), "meta.json" | ".managed.json")
            || name.starts_with(manifest::FILE_NAME)
            || name.starts_with(crate::aliases::FILE_NAME)
            || name.starts_with(facet_layout::FILE_NAME)
            || segment_file;
        if ours {
            std::fs::remove_file(entry.path()).map_err(|e| Error::Io {
                path: entry.path(),
                source: e,
            })?;
        }
    }
    Ok(())
}
