//! What the index holds, per file, for incremental runs.
//!
//! `newsidx-manifest.json` in the index folder maps each indexed file to its size and
//! modification time. It is written (atomically, by rename) after every commit, so it never
//! claims more than the index holds. It may claim less, after a crash between the commit
//! and the rename: then the file is indexed again, and since every file's passages are
//! deleted before its new ones are added, nothing is duplicated.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// File name of the manifest inside the index folder.
pub const FILE_NAME: &str = "newsidx-manifest.json";

/// State of one indexed file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileState {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime_ns: i128,
    /// Articles indexed from it.
    pub articles: u64,
    /// Passages indexed from it.
    pub passages: u64,
}

/// The manifest: schema version and per-file state.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Manifest {
    /// See [`crate::index::schema::SCHEMA_VERSION`].
    pub schema_version: u32,
    /// Indexed files by path (as walked).
    pub files: BTreeMap<String, FileState>,
    /// Distinct speakers after the last run that changed anything, so a run that changes
    /// nothing can report it without recounting.
    #[serde(default)]
    pub speakers: u64,
}

/// The manifest file of `dir` read as `T`; `Ok(None)` when there is none.
fn read_json<T: serde::de::DeserializeOwned>(dir: &Path) -> std::io::Result<Option<T>> {
    match std::fs::read(dir.join(FILE_NAME)) {
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e),
    }
}

impl Manifest {
    /// Reads the manifest of the index at `dir`; `Ok(None)` when there is none.
    pub fn load(dir: &Path) -> std::io::Result<Option<Manifest>> {
        read_json(dir)
    }

    /// Only the schema version of the manifest at `dir` (`Ok(None)` when there is none):
    /// what every search needs, without building the per-file table of a large archive.
    pub fn load_version(dir: &Path) -> std::io::Result<Option<u32>> {
        #[derive(Deserialize)]
        struct VersionOnly {
            #[serde(default)]
            schema_version: u32,
        }
        Ok(read_json::<VersionOnly>(dir)?.map(|v| v.schema_version))
    }

    /// Writes the manifest atomically (temporary file, then rename).
    pub fn save(&self, dir: &Path) -> std::io::Result<()> {
        let tmp: PathBuf = dir.join(format!("{FILE_NAME}.tmp"));
        let bytes = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, dir.join(FILE_NAME))
    }
}

/// Size and modification time of `path`, as recorded in the manifest.
pub fn stat(path: &Path) -> std::io::Result<(u64, i128)> {
    let meta = std::fs::metadata(path)?;
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i128);
    Ok((meta.len(), mtime))
}
