//! Folder → index, incrementally: only new and changed files are read, deleted files'
//! passages are removed, and work is committed as it goes.
//!
//! Files are parsed, segmented and quote-tagged in parallel (rayon) in batches while
//! tantivy's writer threads index the previous batch. Every file's old passages are deleted
//! before its new ones are added, so re-indexing a file after a crash never duplicates it.
//! A commit lands every [`COMMIT_BYTES`] of input or [`COMMIT_SECS`] seconds, and the
//! manifest is saved after each, so an interrupted run keeps what it committed.

use super::facet_layout::{self, FacetLayout};
use super::manifest::{FileState, Manifest, stat};
use super::schema::Fields;
use super::{IndexHandle, open_for_writing};
use crate::analyze::analyze;
use crate::dates::facet_path;
use crate::error::{Error, Result};
use crate::formats::{self, Format};
use crate::model::Article;
use crate::progress::Reporter;
use chrono::Datelike;
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tantivy::indexer::UserOperation;
use tantivy::schema::Facet;
use tantivy::{DateTime, IndexWriter, TantivyDocument, Term};

/// Input bytes between commits.
pub const COMMIT_BYTES: u64 = 128 * 1024 * 1024;
/// Seconds between commits.
pub const COMMIT_SECS: u64 = 30;
/// Files parsed together before their documents go to the writer.
const BATCH_FILES: usize = 256;
/// The most passages one merge writes (about 200 MB of segment files read per merge).
const MAX_MERGE_DOCS: u32 = 200_000;
/// At most this much input is parsed ahead of the indexer at once (batches in flight are
/// three: one parsing, one waiting, one indexing), so memory stays bounded however large
/// the files are: a batch of 256 JSON Lines dumps would otherwise hold a gigabyte. At
/// 16 MB, batches of 3 MB dumps held a few hundred MB more than batches of small files.
const BATCH_BYTES: u64 = 4 * 1024 * 1024;
/// The writer's memory budget, shared by its threads; keeps peak memory bounded whatever
/// the corpus size.
pub const WRITER_MEMORY: usize = 256 * 1024 * 1024;

/// How to run an indexing job.
#[derive(Debug, Clone)]
pub struct IndexOptions {
    /// Folder (or single file) to index.
    pub root: PathBuf,
    /// Index folder.
    pub index_dir: PathBuf,
    /// Start from an empty index.
    pub rebuild: bool,
    /// Indexing threads for tantivy (parsing uses rayon's pool).
    pub threads: usize,
    /// Extract quotations and speakers (off only to measure what extraction costs).
    pub speakers: bool,
    /// Follow symbolic links (loops are detected and reported).
    pub follow_links: bool,
    /// Also commit after every this many files (0: only by size and time). Frequent
    /// commits cost speed; tests use them to interrupt runs between commits.
    pub commit_every_files: usize,
}

impl IndexOptions {
    /// Options for indexing `root` into `index_dir` with defaults for the rest.
    pub fn new(root: impl Into<PathBuf>, index_dir: impl Into<PathBuf>) -> Self {
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 8);
        IndexOptions {
            root: root.into(),
            index_dir: index_dir.into(),
            rebuild: false,
            threads,
            speakers: true,
            follow_links: false,
            commit_every_files: 0,
        }
    }
}

/// What an indexing run did.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Summary {
    /// Files found under the root (supported or not).
    pub files_seen: u64,
    /// Files (re)indexed in this run.
    pub indexed: u64,
    /// Files unchanged since the last run, not read.
    pub unchanged: u64,
    /// Files gone since the last run, whose passages were removed.
    pub removed: u64,
    /// Skipped files by reason ("unsupported .pdf", "unreadable", …).
    pub skipped: BTreeMap<String, u64>,
    /// Each file (or record) that could not be read, with why.
    pub problems: Vec<(String, String)>,
    /// Articles indexed in this run.
    pub articles: u64,
    /// Passages indexed in this run.
    pub passages: u64,
    /// Passages in the whole index after the run.
    pub total_passages: u64,
    /// Distinct speakers in the whole index after the run.
    pub speakers: u64,
    /// Bytes of input read.
    pub bytes: u64,
    /// Wall time.
    pub elapsed: Duration,
    /// The run was stopped early (Ctrl-C) after committing.
    pub interrupted: bool,
}

impl Summary {
    /// Files skipped, all reasons together.
    pub fn skipped_total(&self) -> u64 {
        self.skipped.values().sum()
    }
}

struct Job {
    key: String,
    path: PathBuf,
    format: Format,
    size: u64,
    mtime_ns: i128,
}

struct Done {
    key: String,
    path: PathBuf,
    size: u64,
    mtime_ns: i128,
    result: std::result::Result<(Vec<TantivyDocument>, u64, Vec<String>), String>,
}

/// The key of a file in the manifest and the `file` field: its absolute path.
fn file_key(path: &Path) -> String {
    std::path::absolute(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .to_string_lossy()
        .into_owned()
}

/// Indexes `opts.root` into `opts.index_dir`. `stop` is polled between batches (Ctrl-C).
pub fn run(opts: &IndexOptions, reporter: &dyn Reporter, stop: &AtomicBool) -> Result<Summary> {
    let started = Instant::now();
    let root_meta = std::fs::metadata(&opts.root).map_err(|e| Error::Input {
        path: opts.root.clone(),
        reason: e.to_string(),
    })?;
    let (handle, mut manifest) = open_for_writing(&opts.index_dir, opts.rebuild)?;

    let mut summary = Summary::default();
    let walked = crate::walk::walk_with(&opts.root, opts.follow_links);
    for (p, reason) in walked.problems {
        *summary.skipped.entry("unreadable".into()).or_default() += 1;
        reporter.problem(&p, &reason);
        summary.problems.push((p.display().to_string(), reason));
    }
    *summary
        .skipped
        .entry("symbolic link (not followed)".into())
        .or_default() += walked.links.len() as u64;
    summary.skipped.retain(|_, n| *n > 0);

    let mut jobs = Vec::new();
    let mut seen = HashSet::new();
    for path in walked.files {
        summary.files_seen += 1;
        let Some(format) = Format::for_path(&path) else {
            let ext = path.extension().map_or("(none)".into(), |e| {
                format!(".{}", e.to_string_lossy().to_lowercase())
            });
            *summary
                .skipped
                .entry(format!("unsupported {ext}"))
                .or_default() += 1;
            continue;
        };
        let key = file_key(&path);
        seen.insert(key.clone());
        match stat(&path) {
            Ok((size, mtime_ns)) => {
                let old = manifest.files.get(&key);
                if old.is_some_and(|o| o.size == size && o.mtime_ns == mtime_ns) {
                    summary.unchanged += 1;
                } else {
                    jobs.push(Job {
                        key,
                        path,
                        format,
                        size,
                        mtime_ns,
                    });
                }
            }
            Err(e) => {
                *summary.skipped.entry("unreadable".into()).or_default() += 1;
                reporter.problem(&path, &e.to_string());
                summary
                    .problems
                    .push((path.display().to_string(), e.to_string()));
            }
        }
    }

    // Files under this root that are gone now.
    let root_key = file_key(&opts.root);
    let prefix = if root_meta.is_dir() {
        format!("{}/", root_key.trim_end_matches('/'))
    } else {
        root_key.clone()
    };
    let gone: Vec<String> = manifest
        .files
        .keys()
        .filter(|k| (k.starts_with(&prefix) || **k == root_key) && !seen.contains(*k))
        .cloned()
        .collect();
    if jobs.is_empty() && gone.is_empty() && !opts.rebuild && manifest.speakers > 0 {
        // Nothing changed: no writer (its memory arenas cost more than the whole check),
        // and the counts of the last run still hold.
        reporter.start(0, 0);
        reporter.finish();
        // An index written before the facet layout existed (or whose layout was lost)
        // gets one now, so searching it is as fast as searching a fresh one.
        let searcher = handle.index.reader()?.searcher();
        if !FacetLayout::is_current(&handle.dir, handle.groups_digest) {
            save_layout(&handle, &searcher, &handle.groups, handle.groups_digest)?;
        }
        summary.total_passages = searcher.num_docs();
        summary.speakers = manifest.speakers;
        summary.elapsed = started.elapsed();
        return Ok(summary);
    }
    let mut writer: IndexWriter = handle
        .index
        .writer_with_num_threads(opts.threads, WRITER_MEMORY)
        .map_err(|e| match e {
            tantivy::TantivyError::LockFailure(..) => Error::Locked(opts.index_dir.clone()),
            other => Error::Tantivy(other),
        })?;
    // Every merge is capped in size, so its memory is too (see `merges`).
    writer.set_merge_policy(Box::new(super::merges::CappedMerges::new(MAX_MERGE_DOCS)));
    for key in &gone {
        writer.delete_term(Term::from_field_text(handle.fields.file, key));
        manifest.files.remove(key);
        summary.removed += 1;
    }

    reporter.start(jobs.len() as u64, jobs.iter().map(|j| j.size).sum());
    let mut since_commit_bytes = 0u64;
    let mut last_commit = Instant::now();
    let mut dirty = !gone.is_empty();
    let batch_files = match opts.commit_every_files {
        0 => BATCH_FILES,
        n => n.min(BATCH_FILES),
    };
    // Files are parsed (a batch at a time, on rayon's threads) while the batch before is
    // being indexed by tantivy's threads: the two stages overlap instead of taking turns.
    let fields = handle.fields;
    let speakers = opts.speakers;
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Done>>(1);
    let jobs_ref = &jobs;
    std::thread::scope(|scope| -> Result<()> {
        scope.spawn(move || {
            for batch in batches(jobs_ref, batch_files, BATCH_BYTES) {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                let done: Vec<Done> = batch
                    .par_iter()
                    .map(|j| process(j, &fields, speakers))
                    .collect();
                if tx.send(done).is_err() {
                    break;
                }
            }
        });
        let mut received = 0;
        for done in rx.iter() {
            received += done.len();
            for d in done {
                reporter.file_done(d.size);
                summary.bytes += d.size;
                since_commit_bytes += d.size;
                let delete = Term::from_field_text(fields.file, &d.key);
                dirty = true;
                match d.result {
                    Ok((docs, articles, problems)) => {
                        for p in problems {
                            reporter.problem(&d.path, &p);
                            summary.problems.push((d.path.display().to_string(), p));
                        }
                        let passages = docs.len() as u64;
                        // One group per file: tantivy puts a group into one segment, so
                        // an article never spans segments and per-segment article counts
                        // (facets) add up exactly.
                        let ops: Vec<UserOperation> =
                            std::iter::once(UserOperation::Delete(delete))
                                .chain(docs.into_iter().map(UserOperation::Add))
                                .collect();
                        writer.run(ops)?;
                        summary.indexed += 1;
                        summary.articles += articles;
                        summary.passages += passages;
                        let state = FileState {
                            size: d.size,
                            mtime_ns: d.mtime_ns,
                            articles,
                            passages,
                        };
                        manifest.files.insert(d.key, state);
                    }
                    Err(reason) => {
                        // A file that became unreadable loses its old passages too: the
                        // index must not show text the folder no longer has.
                        writer.delete_term(delete);
                        manifest.files.remove(&d.key);
                        *summary.skipped.entry(skip_reason(&reason)).or_default() += 1;
                        reporter.problem(&d.path, &reason);
                        summary
                            .problems
                            .push((d.path.display().to_string(), reason));
                    }
                }
            }
            if since_commit_bytes >= COMMIT_BYTES
                || last_commit.elapsed() >= Duration::from_secs(COMMIT_SECS)
                || opts.commit_every_files > 0
            {
                reporter.committing();
                commit(&mut writer, &manifest, &handle)?;
                since_commit_bytes = 0;
                last_commit = Instant::now();
                dirty = false;
            }
            if stop.load(Ordering::Relaxed) {
                break;
            }
        }
        // Dropping the receiver ends the parser thread if it waits to hand over a batch.
        drop(rx);
        if received < jobs_ref.len() && stop.load(Ordering::Relaxed) {
            summary.interrupted = true;
        }
        Ok(())
    })?;
    if dirty {
        reporter.committing();
        commit(&mut writer, &manifest, &handle)?;
    }
    writer.wait_merging_threads()?;
    reporter.finish();
    let (total, speakers) = totals(&handle)?;
    summary.total_passages = total;
    summary.speakers = speakers;
    manifest.speakers = speakers;
    save_manifest(&manifest, &handle)?;
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// `jobs` cut into runs of at most `files` files and (unless one file alone is larger)
/// `bytes` bytes.
fn batches(jobs: &[Job], files: usize, bytes: u64) -> impl Iterator<Item = &[Job]> {
    let mut rest = jobs;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut n = 0;
        let mut size = 0u64;
        while n < rest.len() && n < files.max(1) && (n == 0 || size + rest[n].size <= bytes) {
            size += rest[n].size;
            n += 1;
        }
        let (batch, tail) = rest.split_at(n);
        rest = tail;
        Some(batch)
    })
}

fn commit(writer: &mut IndexWriter, manifest: &Manifest, handle: &IndexHandle) -> Result<()> {
    writer.commit()?;
    save_manifest(manifest, handle)
}

fn save_manifest(manifest: &Manifest, handle: &IndexHandle) -> Result<()> {
    manifest
        .save(&handle.dir)
        .map_err(|e| super::manifest_error(&handle.dir, e))
}

fn skip_reason(reason: &str) -> String {
    if reason.contains("binary") {
        "binary".into()
    } else if reason.contains("empty") {
        "empty".into()
    } else if reason.contains("JSON") {
        "malformed".into()
    } else if reason.contains("limit") {
        "too large".into()
    } else if reason.contains("truncated or corrupt") {
        "corrupt".into()
    } else {
        "unreadable".into()
    }
}

/// Lays out the facets of the segments `searcher` reads for `groups` (whose file has
/// digest `digest`) and saves them in the index.
fn save_layout(
    handle: &IndexHandle,
    searcher: &tantivy::Searcher,
    groups: &crate::aliases::SpeakerGroups,
    digest: u64,
) -> Result<()> {
    FacetLayout::build(searcher, groups, digest)?
        .save(&handle.dir)
        .map_err(|e| Error::Io {
            path: handle.dir.join(facet_layout::FILE_NAME),
            source: e,
        })
}

/// Passages and distinct speakers in the index; saves the cross-corpus speaker groups and
/// the facet layout made with them.
fn totals(handle: &IndexHandle) -> Result<(u64, u64)> {
    let reader = handle.index.reader()?;
    let searcher = reader.searcher();
    let mut counts: HashMap<String, u64> = HashMap::new();
    for seg in searcher.segment_readers() {
        let facets = seg.facet_reader("speaker_facet")?;
        let mut per_ord = vec![0u64; facets.num_facets()];
        for doc in seg.doc_ids_alive() {
            for ord in facets.facet_ords(doc) {
                if let Some(c) = usize::try_from(ord).ok().and_then(|o| per_ord.get_mut(o)) {
                    *c += 1;
                }
            }
        }
        for (name, c) in crate::facets::speaker_names(&facets)?
            .into_iter()
            .zip(per_ord)
        {
            if c > 0 {
                *counts.entry(name).or_default() += c;
            }
        }
    }
    let names: Vec<(String, u64)> = counts.into_iter().collect();
    let groups = crate::aliases::SpeakerGroups::build(&names);
    let digest = groups.save(&handle.dir).map_err(|e| Error::Io {
        path: handle.dir.join(crate::aliases::FILE_NAME),
        source: e,
    })?;
    // Written after the groups it is keyed by: a run stopped in between leaves a layout
    // for other groups, which readers ignore.
    save_layout(handle, &searcher, &groups, digest)?;
    let distinct = names.len() - groups.groups.values().map(|v| v.len() - 1).sum::<usize>();
    Ok((searcher.num_docs(), distinct as u64))
}

fn process(job: &Job, fields: &Fields, speakers: bool) -> Done {
    let result = formats::read_file(&job.path, job.format).map(|parsed| {
        let mut docs = Vec::new();
        let articles = parsed.articles.len() as u64;
        for a in &parsed.articles {
            docs.extend(documents(a, &job.key, fields, speakers));
        }
        (docs, articles, parsed.problems)
    });
    Done {
        key: job.key.clone(),
        path: job.path.clone(),
        size: job.size,
        mtime_ns: job.mtime_ns,
        result,
    }
}

/// The tantivy documents (one per passage) of one article.
pub fn documents(
    article: &Article,
    file_key: &str,
    f: &Fields,
    speakers: bool,
) -> Vec<TantivyDocument> {
    let mut analysis = if speakers {
        analyze(article)
    } else {
        crate::analyze::Analysis {
            quotes: vec![],
            passages: crate::passages::segment(&article.body),
        }
    };
    // A story that is only a headline is still found, by its headline.
    if analysis.passages.is_empty()
        && let Some(t) = article.title.as_deref().filter(|t| !t.trim().is_empty())
    {
        let text = t.trim().to_string();
        analysis.passages.push(crate::model::Passage {
            ordinal: 0,
            text,
            start: 0,
            end: 0,
            speakers: vec![],
        });
    }
    let title = article.display_title();
    let id = article.id();
    let date = article
        .date
        .map(|d| DateTime::from_timestamp_secs(crate::dates::local_as_utc(d).timestamp()));
    let month = article
        .date
        .map_or(0, |d| d.year() as u64 * 100 + d.month() as u64);
    let date_facet = Facet::from(facet_path(article.date).as_str());
    // Every passage carries the title as plain text. Handing tantivy the title analysed
    // once per article cost more: a pre-tokenized value goes through JSON and back.
    let title_text = article
        .title
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let mut out = Vec::with_capacity(analysis.passages.len());
    for p in &analysis.passages {
        let mut doc = TantivyDocument::default();
        doc.add_text(f.file, file_key);
        doc.add_text(f.article, &id);
        doc.add_u64(f.ordinal, p.ordinal as u64);
        if let Some(t) = title_text {
            doc.add_text(f.title, t);
        }
        doc.add_text(f.heading, &title);
        doc.add_text(f.text, &p.text);
        for s in &p.speakers {
            doc.add_text(f.speakers, s);
            doc.add_facet(f.speaker_facet, Facet::from_path([s.as_str()]));
        }
        if let Some(d) = date {
            doc.add_date(f.date, d);
        }
        doc.add_facet(f.date_facet, date_facet.clone());
        doc.add_u64(f.month, month);
        if let Some(s) = &article.source {
            doc.add_text(f.source, s);
        }
        if let Some(u) = &article.url {
            doc.add_text(f.url, u);
        }
        out.push(doc);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(size: u64) -> Job {
        Job {
            key: String::new(),
            path: PathBuf::new(),
            format: Format::Text,
            size,
            mtime_ns: 0,
        }
    }

    #[test]
    fn batches_are_bounded_by_files_and_bytes() {
        let jobs: Vec<Job> = [5, 5, 5, 20, 1, 1, 1, 1].into_iter().map(job).collect();
        let sizes: Vec<Vec<u64>> = batches(&jobs, 3, 10)
            .map(|b| b.iter().map(|j| j.size).collect())
            .collect();
        // A file larger than the byte limit still forms a batch of its own.
        assert_eq!(
            sizes,
            [vec![5, 5], vec![5], vec![20], vec![1, 1, 1], vec![1]]
        );
        assert_eq!(batches(&[], 3, 10).count(), 0);
    }
}
