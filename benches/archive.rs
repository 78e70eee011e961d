//! `cargo bench --bench archive [-- --small] [-- --scale 1,2,4]`: newsidx against the
//! baselines a user would otherwise pick, on the real corpora of `../shared`.
//!
//! One run, one input, every figure absolute and as a ratio to the baselines of the same
//! run (these machines are noisy; only same-run ratios compare):
//!
//! 1. newsidx indexes the corpus cold (the real binary, so its peak RSS is its own; its
//!    heap and mapped-file parts are sampled from `/proc`), with and without quote
//!    extraction;
//! 2. the same passages, read back from that index into a JSON Lines file, are indexed by
//!    a minimal tantivy pipeline (two text fields, default tokenizer, two threads): the
//!    ceiling for a tantivy-based indexer; and again with newsidx's stemming analyzer on
//!    both fields, the ceiling for this schema's text;
//! 3. the same passages are loaded into SQLite FTS5 (rusqlite's bundled SQLite);
//! 4. a fixed set of queries (single common and rare terms, 2–3 term AND, OR, phrases;
//!    each also with a speaker filter, a date range and facets) runs in process after a
//!    warm-up: newsidx end to end with snippets for the top 10 and the exact total, the
//!    minimal tantivy index (top 10 with snippets + count), FTS5 (`bm25()` top 10 with
//!    `snippet()` + count) and ripgrep over the raw files when `rg` is on the PATH;
//! 5. a no-op re-index and a re-index after 1% of the files changed;
//! 6. with `--scale 1,2,4`, the corpus grown to 2× and 4× by shuffling real paragraphs into
//!    new articles, indexed and queried again.
//!
//! `--small` uses Reuters-21578 only (well under a minute); the default, full mode uses
//! Reuters, BBC, the news-please samples and the 44,807 Guardian bodies. The report is
//! Markdown on stdout; docs/BENCHMARKS.md holds a recorded run.

use newsidx::index;
use newsidx::query::Filters;
use newsidx::search::{SearchRequest, search};
use serde_json::{Value, json};
use std::io::{BufRead, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::QueryParser;
use tantivy::schema::{
    IndexRecordOption, STORED, Schema, TEXT, TextFieldIndexing, TextOptions, Value as _,
};
use tantivy::snippet::SnippetGenerator;
use tantivy::{Index, TantivyDocument, doc};

type Res<T> = std::result::Result<T, Box<dyn std::error::Error>>;

struct Args {
    small: bool,
    scales: Vec<usize>,
    rounds: usize,
}

fn args() -> Args {
    let mut a = Args {
        small: false,
        scales: vec![1],
        rounds: 3,
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        match x.as_str() {
            "--small" => a.small = true,
            "--scale" => {
                a.scales = it
                    .next()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(|s| s.trim().parse().ok())
                    .filter(|&n| n >= 1)
                    .collect();
                // Larger scales are grown from the 1× passages, so 1× always runs first.
                a.scales.retain(|&n| n != 1);
                a.scales.sort_unstable();
                a.scales.dedup();
                a.scales.insert(0, 1);
            }
            "--rounds" => a.rounds = it.next().and_then(|n| n.parse().ok()).unwrap_or(3).max(1),
            // `cargo bench` passes --bench; ignore it and anything unknown.
            _ => {}
        }
    }
    a
}

fn main() -> Res<()> {
    let a = args();
    let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/corpora");
    if !shared.is_dir() {
        eprintln!(
            "bench: {} not found; the benchmark reads the shared corpora beside the project",
            shared.display()
        );
        return Ok(());
    }
    let work = tempfile::Builder::new().prefix("newsidx-bench").tempdir()?;
    let corpus = work.path().join("corpus");
    eprintln!("bench: preparing the corpus in {}", corpus.display());
    prepare(&shared, &corpus, a.small)?;
    let (files, input_bytes) = tree_size(&corpus);

    println!("# newsidx benchmark\n");
    println!(
        "- mode: {}; date: {}; machine: {}",
        if a.small {
            "small (Reuters-21578)"
        } else {
            "full (Reuters, BBC, news-please, Guardian)"
        },
        chrono::Utc::now().format("%Y-%m-%d %H:%M UTC"),
        machine()
    );
    println!(
        "- input: {files} files, {:.1} MB\n",
        input_bytes as f64 / 1e6
    );

    let mut base_passages: Vec<(String, String)> = Vec::new();
    for (i, &scale) in a.scales.iter().enumerate() {
        if scale > 1 {
            grow(&corpus, &base_passages, scale, work.path())?;
        }
        let (files, input_bytes) = tree_size(&corpus);
        println!(
            "## Scale {scale}× ({files} files, {:.1} MB)\n",
            input_bytes as f64 / 1e6
        );
        let r = run_scale(&a, work.path(), &corpus, input_bytes, i == 0)?;
        if i == 0 {
            base_passages = r;
        }
    }
    Ok(())
}

/// Copies (or unpacks) the corpora into `dst`, which the re-index step may modify.
fn prepare(shared: &Path, dst: &Path, small: bool) -> Res<()> {
    std::fs::create_dir_all(dst)?;
    copy_tree(&shared.join("reuters21578"), &dst.join("reuters"), &["sgm"])?;
    if small {
        return Ok(());
    }
    copy_tree(&shared.join("bbc"), &dst.join("bbc"), &["txt"])?;
    copy_tree(
        &shared.join("json/newsplease-samples"),
        &dst.join("newsplease"),
        &["json"],
    )?;
    let tar = shared.join("guardian/the_guardian_com.tar.xz");
    let status = Command::new("tar")
        .arg("-xJf")
        .arg(&tar)
        .arg("-C")
        .arg(dst)
        .status()?;
    if !status.success() {
        return Err(format!("could not unpack {}", tar.display()).into());
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path, exts: &[&str]) -> Res<()> {
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        let p = e.path();
        let keep = p
            .extension()
            .and_then(|x| x.to_str())
            .is_some_and(|x| exts.contains(&x));
        if e.file_type().is_file() && keep {
            let target = to.join(p.strip_prefix(from)?);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::copy(p, &target)?;
        }
    }
    Ok(())
}

fn tree_size(dir: &Path) -> (usize, u64) {
    let mut n = 0;
    let mut bytes = 0;
    for e in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
    {
        if e.file_type().is_file() {
            n += 1;
            bytes += e.metadata().map_or(0, |m| m.len());
        }
    }
    (n, bytes)
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores")
}

/// A run of the real `newsidx` binary: wall time, peak RSS and its JSON summary.
struct Proc {
    secs: f64,
    peak_rss_mb: f64,
    /// Peaks of the two parts of RSS, sampled every 50 ms from `/proc` (Linux only):
    /// the heap and other anonymous memory, and pages of mapped files (tantivy maps the
    /// segments it merges; the kernel can drop those clean pages at any time).
    peak_anon_mb: Option<f64>,
    peak_file_mb: Option<f64>,
    summary: Value,
}

/// Peaks in MB sampled from `/proc/PID/status`: `VmHWM` (the process's own high-water
/// mark), `RssAnon` and `RssFile`.
type RssPeaks = (Option<f64>, Option<f64>, Option<f64>);

/// Samples `pid`'s memory until `done` is set.
fn sample_rss(pid: u32, done: &std::sync::atomic::AtomicBool) -> RssPeaks {
    let (mut hwm, mut anon, mut file) = (None::<f64>, None::<f64>, None::<f64>);
    let up = |peak: &mut Option<f64>, v: f64| *peak = Some(peak.map_or(v, |m| m.max(v)));
    while !done.load(std::sync::atomic::Ordering::Relaxed) {
        if let Ok(s) = std::fs::read_to_string(format!("/proc/{pid}/status")) {
            let kb = |key: &str| {
                s.lines()
                    .find(|l| l.starts_with(key))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|n| n.parse::<f64>().ok())
                    .map(|k| k / 1024.0)
            };
            if let Some(h) = kb("VmHWM:") {
                up(&mut hwm, h);
            }
            if let Some(a) = kb("RssAnon:") {
                up(&mut anon, a);
            }
            if let Some(f) = kb("RssFile:") {
                up(&mut file, f);
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    (hwm, anon, file)
}

fn newsidx(args: &[&std::ffi::OsStr]) -> Res<Proc> {
    let start = Instant::now();
    let child = Command::new(env!("CARGO_BIN_EXE_newsidx"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()?;
    let pid = child.id() as libc::pid_t;
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let done = done.clone();
        let id = child.id();
        std::thread::spawn(move || sample_rss(id, &done))
    };
    let mut stdout = child.stdout.ok_or("no stdout")?;
    let mut out = String::new();
    std::io::Read::read_to_string(&mut stdout, &mut out)?;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value for wait4 to fill in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `pid` is our own child, not yet waited for; status and usage are valid pointers.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let secs = start.elapsed().as_secs_f64();
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let (hwm, peak_anon_mb, peak_file_mb) = sampler.join().unwrap_or((None, None, None));
    if waited != pid {
        return Err("wait4 failed".into());
    }
    let summary = serde_json::from_str(out.trim()).unwrap_or(Value::Null);
    Ok(Proc {
        secs,
        // On Linux, a child started with vfork/posix_spawn inherits the bench's own peak
        // into `ru_maxrss` when it execs (the bench holds a million passages at 4×), so
        // the child's own high-water mark comes first.
        peak_rss_mb: hwm.unwrap_or(usage.ru_maxrss as f64 / 1024.0),
        peak_anon_mb,
        peak_file_mb,
        summary,
    })
}

fn os(s: &str) -> &std::ffi::OsStr {
    std::ffi::OsStr::new(s)
}

fn dir_bytes(p: &Path) -> u64 {
    tree_size(p).1
}

fn run_scale(
    a: &Args,
    work: &Path,
    corpus: &Path,
    input_bytes: u64,
    first: bool,
) -> Res<Vec<(String, String)>> {
    let idx = work.join("index");
    let _ = std::fs::remove_dir_all(&idx);

    // 1. newsidx, cold, with and (first scale only) without quote extraction.
    let base_args = [
        corpus.as_os_str(),
        os("--index"),
        idx.as_os_str(),
        os("--json"),
        os("--quiet"),
    ];
    let mut args = vec![os("index")];
    args.extend(base_args);
    args.push(os("--rebuild"));
    let cold = newsidx(&args)?;
    let articles = cold.summary["articles"].as_f64().unwrap_or(0.0);
    let passages = cold.summary["passages"].as_f64().unwrap_or(0.0);
    let index_mb = dir_bytes(&idx) as f64 / 1e6;
    let mb = input_bytes as f64 / 1e6;
    let no_quotes = if first {
        let idx2 = work.join("index-noquotes");
        let mut args = vec![
            os("index"),
            corpus.as_os_str(),
            os("--index"),
            idx2.as_os_str(),
        ];
        args.extend([
            os("--json"),
            os("--quiet"),
            os("--rebuild"),
            os("--no-speakers"),
        ]);
        let p = newsidx(&args)?;
        let _ = std::fs::remove_dir_all(&idx2);
        Some(p)
    } else {
        None
    };

    // 2. The same passages, for the baselines.
    let jsonl = work.join("passages.jsonl");
    let dumped = dump_passages(&idx, &jsonl)?;
    let tantivy_dir = work.join("tantivy-min");
    let _ = std::fs::remove_dir_all(&tantivy_dir);
    let t0 = Instant::now();
    let min_index = minimal_tantivy(&jsonl, &tantivy_dir, false)?;
    let tantivy_secs = t0.elapsed().as_secs_f64();
    // The same two fields with newsidx's own analyzer (English stemming): the ceiling
    // for indexing this schema's text, apart from everything else newsidx does.
    let stemmed_dir = work.join("tantivy-min-stemmed");
    let _ = std::fs::remove_dir_all(&stemmed_dir);
    let t0 = Instant::now();
    drop(minimal_tantivy(&jsonl, &stemmed_dir, true)?);
    let stemmed_secs = t0.elapsed().as_secs_f64();
    let _ = std::fs::remove_dir_all(&stemmed_dir);
    let sqlite_path = work.join("fts5.db");
    let _ = std::fs::remove_file(&sqlite_path);
    let t0 = Instant::now();
    let db = fts5_load(&jsonl, &sqlite_path)?;
    let fts_secs = t0.elapsed().as_secs_f64();

    println!("### Indexing\n");
    println!(
        "| indexer | wall s | MB/s | articles/s | passages/s | peak RSS MB | index / input | vs minimal tantivy | vs FTS5 |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
    let pps = |secs: f64| passages / secs;
    let row = |name: &str, secs: f64, rss: Option<f64>, size: Option<f64>| {
        println!(
            "| {name} | {secs:.2} | {:.1} | {:.0} | {:.0} | {} | {} | {:.2}× | {:.2}× |",
            mb / secs,
            articles / secs,
            pps(secs),
            rss.map_or("–".into(), |r| format!("{r:.0}")),
            size.map_or("–".into(), |s| format!("{:.2}", s / mb)),
            pps(secs) / pps(tantivy_secs),
            pps(secs) / pps(fts_secs),
        );
    };
    row(
        "newsidx (quotes on)",
        cold.secs,
        Some(cold.peak_rss_mb),
        Some(index_mb),
    );
    if let Some(p) = &no_quotes {
        row("newsidx --no-speakers", p.secs, Some(p.peak_rss_mb), None);
    }
    row(
        "minimal tantivy (JSONL passages, 2 threads)",
        tantivy_secs,
        None,
        Some(dir_bytes(&tantivy_dir) as f64 / 1e6),
    );
    row(
        "minimal tantivy, newsidx's stemming analyzer on both fields",
        stemmed_secs,
        None,
        None,
    );
    row(
        "SQLite FTS5 (one transaction)",
        fts_secs,
        None,
        Some(dir_bytes(&sqlite_path) as f64 / 1e6),
    );
    println!(
        "\n{} articles, {} passages ({} read back for the baselines).",
        articles,
        passages,
        dumped.len()
    );
    println!(
        "newsidx (quotes on) against the stemming ceiling: {:.2}×.",
        stemmed_secs / cold.secs
    );
    if let (Some(a), Some(f)) = (cold.peak_anon_mb, cold.peak_file_mb) {
        println!(
            "newsidx peak RSS {:.0} MB: sampled peaks of its heap (anonymous memory) {a:.0} MB \
             and of mapped segment files {f:.0} MB (clean pages tantivy maps to merge; the \
             kernel reclaims them under memory pressure).",
            cold.peak_rss_mb
        );
    }
    if let Some(p) = &no_quotes {
        println!(
            "Quote extraction share of newsidx indexing time: {:.0}%.",
            100.0 * (cold.secs - p.secs).max(0.0) / cold.secs
        );
    }

    // 4. Queries.
    let handle = index::open(&idx)?;
    let set = query_set(&handle, &dumped, a.rounds)?;
    let newsidx_lat = time_newsidx(&handle, &set, a.rounds)?;
    let plain: Vec<&Q> = set.iter().filter(|q| q.variant == "plain").collect();
    let min_lat = time_minimal(&min_index, &plain, a.rounds)?;
    let fts_lat = time_fts5(&db, &plain, a.rounds.min(2))?;
    let rg_lat = time_ripgrep(corpus, &plain)?;
    report_queries(&set, &newsidx_lat, &min_lat, &fts_lat, rg_lat.as_ref());

    // 5. Re-indexing (first scale only: it edits the corpus).
    if first {
        let mut args = vec![os("index")];
        args.extend(base_args);
        let noop = newsidx(&args)?;
        let changed = touch_one_percent(corpus)?;
        let one = newsidx(&args)?;
        println!("### Re-indexing\n");
        println!("| run | wall s | vs cold |");
        println!("| --- | --- | --- |");
        println!("| cold (above) | {:.2} | 1.00 |", cold.secs);
        println!(
            "| no-op (nothing changed) | {:.2} | {:.3} |",
            noop.secs,
            noop.secs / cold.secs
        );
        println!(
            "| {changed} files (1%) changed | {:.2} | {:.3} |\n",
            one.secs,
            one.secs / cold.secs
        );
    }
    let _ = std::fs::remove_dir_all(&tantivy_dir);
    drop(db);
    let _ = std::fs::remove_file(&sqlite_path);
    Ok(dumped)
}

/// Every passage's (title, text) in the index, written as JSON Lines.
fn dump_passages(idx: &Path, out: &Path) -> Res<Vec<(String, String)>> {
    let handle = index::open(idx)?;
    let reader = handle.index.reader()?;
    let searcher = reader.searcher();
    let f = &handle.fields;
    let mut w = BufWriter::new(std::fs::File::create(out)?);
    let mut all = Vec::new();
    for seg in searcher.segment_readers() {
        let store = seg.get_store_reader(64)?;
        for doc in store.iter::<TantivyDocument>(seg.alive_bitset()) {
            let doc = doc?;
            let get = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
                    .unwrap_or_default()
            };
            let (title, text) = (get(f.heading), get(f.text));
            serde_json::to_writer(&mut w, &json!({"title": title, "text": text}))?;
            w.write_all(b"\n")?;
            all.push((title, text));
        }
    }
    w.flush()?;
    Ok(all)
}

struct MinIndex {
    index: Index,
    title: tantivy::schema::Field,
    text: tantivy::schema::Field,
}

/// Two text fields, read from JSON Lines; `stemmed` analyses them as newsidx does.
fn minimal_tantivy(jsonl: &Path, dir: &Path, stemmed: bool) -> Res<MinIndex> {
    let mut sb = Schema::builder();
    let analysed = if stemmed {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(newsidx::index::schema::STEMMED)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    } else {
        TEXT
    };
    let title = sb.add_text_field("title", analysed.clone());
    let text = sb.add_text_field("text", analysed | STORED);
    std::fs::create_dir_all(dir)?;
    let index = Index::create_in_dir(dir, sb.build())?;
    index.tokenizers().register(
        newsidx::index::schema::STEMMED,
        newsidx::index::schema::stemmed_analyzer(),
    );
    let mut writer: tantivy::IndexWriter = index.writer_with_num_threads(2, 256 * 1024 * 1024)?;
    for line in std::io::BufReader::new(std::fs::File::open(jsonl)?).lines() {
        let v: Value = serde_json::from_str(&line?)?;
        writer.add_document(doc!(
            title => v["title"].as_str().unwrap_or(""),
            text => v["text"].as_str().unwrap_or(""),
        ))?;
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    Ok(MinIndex { index, title, text })
}

fn fts5_load(jsonl: &Path, path: &Path) -> Res<rusqlite::Connection> {
    let mut db = rusqlite::Connection::open(path)?;
    db.execute_batch(
        "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;
         CREATE VIRTUAL TABLE p USING fts5(title, text);",
    )?;
    let tx = db.transaction()?;
    {
        let mut ins = tx.prepare("INSERT INTO p(title, text) VALUES (?1, ?2)")?;
        for line in std::io::BufReader::new(std::fs::File::open(jsonl)?).lines() {
            let v: Value = serde_json::from_str(&line?)?;
            ins.execute([
                v["title"].as_str().unwrap_or(""),
                v["text"].as_str().unwrap_or(""),
            ])?;
        }
    }
    tx.commit()?;
    Ok(db)
}

/// One benchmark query.
struct Q {
    class: &'static str,
    variant: &'static str,
    /// newsidx / tantivy syntax.
    text: String,
    /// FTS5 MATCH syntax.
    fts: String,
    /// A regular expression for ripgrep (first term only for AND/OR: rg has no boolean
    /// query; documented in the report).
    rg: String,
    filters: Filters,
    facets: bool,
}

/// Words by how many passages hold them, from the passages themselves, so the set fits
/// whatever corpus is indexed; deterministic for a given corpus.
fn query_set(
    handle: &index::IndexHandle,
    passages: &[(String, String)],
    rounds: usize,
) -> Res<Vec<Q>> {
    let mut df: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
    for (_, text) in passages.iter().step_by((passages.len() / 20_000).max(1)) {
        let mut seen = std::collections::HashSet::new();
        for w in text.split(|c: char| !c.is_alphabetic()) {
            if w.len() >= 4 && w.chars().all(|c| c.is_ascii_lowercase()) && seen.insert(w) {
                *df.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    let mut words: Vec<(String, u32)> = df.into_iter().collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let stop = [
        "that", "with", "from", "this", "have", "were", "which", "their", "said", "they", "been",
        "will", "would", "about", "there", "also", "after", "more", "when", "than", "into", "what",
        "other", "some", "could", "them", "only", "over", "most", "such", "these", "then", "very",
        "just", "like", "where", "those", "while", "being",
    ];
    let content: Vec<&(String, u32)> = words
        .iter()
        .filter(|(w, _)| !stop.contains(&w.as_str()))
        .collect();
    let common: Vec<String> = content
        .iter()
        .take(40)
        .step_by(4)
        .map(|(w, _)| w.clone())
        .collect();
    let rare: Vec<String> = content
        .iter()
        .filter(|(_, n)| (3..=6).contains(n))
        .step_by(37)
        .take(10)
        .map(|(w, _)| w.clone())
        .collect();
    let mid: Vec<String> = content
        .iter()
        .skip(40)
        .take(200)
        .step_by(10)
        .map(|(w, _)| w.clone())
        .collect();
    // Phrases: adjacent word pairs that recur, taken from real passages.
    let mut bigrams: std::collections::HashMap<(String, String), u32> =
        std::collections::HashMap::new();
    for (_, text) in passages.iter().step_by((passages.len() / 5_000).max(1)) {
        let ws: Vec<&str> = text.split_whitespace().collect();
        for p in ws.windows(2) {
            let (a, b) = (p[0], p[1]);
            if a.len() >= 4
                && b.len() >= 4
                && [a, b]
                    .iter()
                    .all(|w| w.chars().all(|c| c.is_ascii_lowercase()))
                && !stop.contains(&a)
                && !stop.contains(&b)
            {
                *bigrams.entry((a.to_string(), b.to_string())).or_default() += 1;
            }
        }
    }
    let mut bigrams: Vec<_> = bigrams.into_iter().collect();
    bigrams.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let phrases: Vec<(String, String)> = bigrams
        .into_iter()
        .take(40)
        .step_by(4)
        .map(|(k, _)| k)
        .collect();

    let mut base: Vec<(&'static str, String, String, String)> = Vec::new();
    for w in &common {
        base.push(("common term", w.clone(), w.clone(), format!(r"\b{w}\b")));
    }
    for w in &rare {
        base.push(("rare term", w.clone(), w.clone(), format!(r"\b{w}\b")));
    }
    for i in 0..10 {
        let (a, b) = (&common[i % common.len()], &mid[(i * 3) % mid.len()]);
        if i < 6 {
            base.push((
                "2-term AND",
                format!("{a} {b}"),
                format!("{a} AND {b}"),
                format!(r"\b{a}\b"),
            ));
        } else {
            let c = &mid[(i * 7 + 1) % mid.len()];
            base.push((
                "3-term AND",
                format!("{a} {b} {c}"),
                format!("{a} AND {b} AND {c}"),
                format!(r"\b{a}\b"),
            ));
        }
    }
    for i in 0..10 {
        let (a, b) = (&mid[i % mid.len()], &rare[i % rare.len()]);
        base.push((
            "OR",
            format!("{a} OR {b}"),
            format!("{a} OR {b}"),
            format!(r"\b({a}|{b})\b"),
        ));
    }
    for (a, b) in &phrases {
        base.push((
            "phrase",
            format!("\"{a} {b}\""),
            format!("\"{a} {b}\""),
            format!(r"\b{a} {b}\b"),
        ));
    }

    // A speaker to filter on: the most quoted one; a date range: the busiest year.
    let all = search(
        handle,
        &SearchRequest {
            query: String::new(),
            filters: Filters::default(),
            limit: 0,
            offset: 0,
            facets: true,
            sort: newsidx::search::Sort::Relevance,
        },
    )?;
    let facets = all.facets.unwrap_or_default();
    let speaker = facets.speakers.first().map(|s| s.name.clone());
    let year = facets
        .years
        .iter()
        .max_by_key(|b| b.count)
        .map(|b| b.value.clone());
    let mut set = Vec::new();
    for (class, text, fts, rg) in base {
        let mk = |variant, filters: Filters, facets| Q {
            class,
            variant,
            text: text.clone(),
            fts: fts.clone(),
            rg: rg.clone(),
            filters,
            facets,
        };
        set.push(mk("plain", Filters::default(), false));
        if let Some(s) = &speaker {
            set.push(mk(
                "speaker",
                Filters {
                    speakers: vec![s.clone()],
                    ..Filters::default()
                },
                false,
            ));
        }
        if let Some(y) = &year {
            set.push(mk(
                "date range",
                Filters {
                    from: Some(y.clone()),
                    to: Some(y.clone()),
                    ..Filters::default()
                },
                false,
            ));
        }
        set.push(mk("facets", Filters::default(), true));
    }
    println!(
        "### Queries\n\n{} queries: {} base queries (10 common terms, 10 rare, 6 two-term AND, 4 three-term AND, 10 OR, 10 phrases, drawn from the corpus) each plain, with `--speaker \"{}\"`, with `--from {y} --to {y}`, and with `--facets`. Top 10 with snippets and the exact total, in process, after one warm-up round; {} timed rounds.\n",
        set.len(),
        set.len() / 4,
        speaker.as_deref().unwrap_or("-"),
        rounds,
        y = year.as_deref().unwrap_or("-"),
    );
    Ok(set)
}

fn time_newsidx(handle: &index::IndexHandle, set: &[Q], rounds: usize) -> Res<Vec<Vec<Duration>>> {
    let run = |q: &Q| -> Res<Duration> {
        let t = Instant::now();
        let r = search(
            handle,
            &SearchRequest {
                query: q.text.clone(),
                filters: q.filters.clone(),
                limit: 10,
                offset: 0,
                facets: q.facets,
                sort: newsidx::search::Sort::Relevance,
            },
        )?;
        std::hint::black_box(&r);
        Ok(t.elapsed())
    };
    for q in set {
        run(q)?;
    }
    let mut out = vec![Vec::new(); set.len()];
    for _ in 0..rounds {
        for (i, q) in set.iter().enumerate() {
            out[i].push(run(q)?);
        }
    }
    Ok(out)
}

/// Runs every query once to warm up, then `rounds` timed rounds; times in set order.
fn rounds_of(
    set: &[&Q],
    rounds: usize,
    mut run: impl FnMut(&Q) -> Res<Duration>,
) -> Res<Vec<Duration>> {
    for q in set {
        run(q)?;
    }
    let mut out = Vec::new();
    for _ in 0..rounds {
        for q in set {
            out.push(run(q)?);
        }
    }
    Ok(out)
}

fn time_minimal(m: &MinIndex, set: &[&Q], rounds: usize) -> Res<Vec<Duration>> {
    let reader = m.index.reader()?;
    let parser = {
        let mut p = QueryParser::for_index(&m.index, vec![m.title, m.text]);
        p.set_conjunction_by_default();
        p
    };
    let run = |q: &Q| -> Res<Duration> {
        let t = Instant::now();
        let searcher = reader.searcher();
        let query = parser.parse_query(&q.text)?;
        let (top, count) =
            searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
        let snippets = SnippetGenerator::create(&searcher, &*query, m.text)?;
        for (_, addr) in top {
            let d: TantivyDocument = searcher.doc(addr)?;
            std::hint::black_box(snippets.snippet_from_doc(&d).to_html());
        }
        std::hint::black_box(count);
        Ok(t.elapsed())
    };
    rounds_of(set, rounds, run)
}

fn time_fts5(db: &rusqlite::Connection, set: &[&Q], rounds: usize) -> Res<Vec<Duration>> {
    let mut top = db.prepare(
        "SELECT rowid, snippet(p, 1, '**', '**', '…', 24), bm25(p) FROM p WHERE p MATCH ?1 ORDER BY bm25(p) LIMIT 10",
    )?;
    let mut count = db.prepare("SELECT count(*) FROM p WHERE p MATCH ?1")?;
    let run = |q: &Q| -> Res<Duration> {
        let t = Instant::now();
        let rows: Vec<(i64, String)> = top
            .query_map([&q.fts], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        let n: i64 = count.query_row([&q.fts], |r| r.get(0))?;
        std::hint::black_box((rows, n));
        Ok(t.elapsed())
    };
    rounds_of(set, rounds, run)
}

/// ripgrep over the raw files, one process per query (what a user would run), for the
/// first 12 plain queries; `None` when `rg` is not installed.
fn time_ripgrep(corpus: &Path, set: &[&Q]) -> Res<Option<Vec<Duration>>> {
    if Command::new("rg").arg("--version").output().is_err() {
        return Ok(None);
    }
    let mut out = Vec::new();
    for q in set.iter().take(12) {
        let t = Instant::now();
        let o = Command::new("rg")
            .args(["-i", "-c", "--no-messages", "-e", &q.rg])
            .arg(corpus)
            .output()?;
        std::hint::black_box(o.stdout.len());
        out.push(t.elapsed());
    }
    Ok(Some(out))
}

fn pct(v: &mut [Duration], p: f64) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i].as_secs_f64() * 1000.0
}

fn report_queries(
    set: &[Q],
    newsidx: &[Vec<Duration>],
    minimal: &[Duration],
    fts: &[Duration],
    rg: Option<&Vec<Duration>>,
) {
    let mut min_all = minimal.to_vec();
    let mut fts_all = fts.to_vec();
    let (min50, fts50) = (pct(&mut min_all, 0.5), pct(&mut fts_all, 0.5));
    let (min95, fts95) = (pct(&mut min_all, 0.95), pct(&mut fts_all, 0.95));
    let mut plain_all: Vec<Duration> = set
        .iter()
        .zip(newsidx)
        .filter(|(q, _)| q.variant == "plain")
        .flat_map(|(_, d)| d.iter().copied())
        .collect();
    let plain50 = pct(&mut plain_all, 0.5);
    println!(
        "| newsidx queries | n | p50 ms | p95 ms | p99 ms | p50 vs plain | p50 vs minimal tantivy | p50 vs FTS5 |"
    );
    println!("| --- | --- | --- | --- | --- | --- | --- | --- |");
    let mut variants: Vec<&str> = vec!["plain", "speaker", "date range", "facets"];
    variants.retain(|v| set.iter().any(|q| q.variant == *v));
    for v in &variants {
        let mut d: Vec<Duration> = set
            .iter()
            .zip(newsidx)
            .filter(|(q, _)| q.variant == *v)
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        let n = d.len();
        let (p50, p95, p99) = (pct(&mut d, 0.5), pct(&mut d, 0.95), pct(&mut d, 0.99));
        println!(
            "| all classes, {v} | {n} | {p50:.3} | {p95:.3} | {p99:.3} | {:.2}× | {:.2}× | {:.3}× |",
            p50 / plain50,
            p50 / min50,
            p50 / fts50
        );
    }
    let classes = [
        "common term",
        "rare term",
        "2-term AND",
        "3-term AND",
        "OR",
        "phrase",
    ];
    for c in classes {
        let mut d: Vec<Duration> = set
            .iter()
            .zip(newsidx)
            .filter(|(q, _)| q.class == c && q.variant == "plain")
            .flat_map(|(_, d)| d.iter().copied())
            .collect();
        // The FTS5 and minimal-tantivy timings are in set order of plain queries.
        let plain: Vec<&Q> = set.iter().filter(|q| q.variant == "plain").collect();
        let per_round = plain.len().max(1);
        let pick = |all: &[Duration]| -> Vec<Duration> {
            all.iter()
                .enumerate()
                .filter(|(i, _)| plain[i % per_round].class == c)
                .map(|(_, d)| *d)
                .collect()
        };
        let (mut m, mut f) = (pick(minimal), pick(fts));
        let n = d.len();
        let (p50, p95, p99) = (pct(&mut d, 0.5), pct(&mut d, 0.95), pct(&mut d, 0.99));
        println!(
            "| {c}, plain | {n} | {p50:.3} | {p95:.3} | {p99:.3} | 1.00× | {:.2}× | {:.3}× |",
            p50 / pct(&mut m, 0.5),
            p50 / pct(&mut f, 0.5)
        );
    }
    println!(
        "\nBaselines on the plain queries: minimal tantivy p50 {min50:.3} ms, p95 {min95:.3} ms; SQLite FTS5 (`bm25()` top 10 with `snippet()`, plus `count(*)`) p50 {fts50:.3} ms, p95 {fts95:.3} ms."
    );
    match rg {
        Some(r) => {
            let mut r = r.clone();
            let r50 = pct(&mut r, 0.5);
            println!(
                "ripgrep (`rg -i -c` over the raw files, first term or alternation only, {} queries): p50 {r50:.1} ms; newsidx plain p50 is {:.5}× of it ({:.0}× faster).\n",
                r.len(),
                plain50 / r50,
                r50 / plain50
            );
        }
        None => println!("ripgrep: `rg` is not installed here, so not measured.\n"),
    }
}

/// Appends a paragraph to 1% of the files (at least one); returns how many.
fn touch_one_percent(corpus: &Path) -> Res<usize> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(corpus)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "sgm"))
        .collect();
    files.sort();
    let n = (files.len() / 100).max(1);
    let step = (files.len() / n).max(1);
    let mut done = 0;
    for f in files.iter().step_by(step).take(n) {
        let mut text = std::fs::read(f)?;
        if f.extension().is_some_and(|x| x == "sgm") {
            // Inside the last story's body, so the SGML stays well formed.
            if let Some(i) = text.windows(7).rposition(|w| w == b"</BODY>") {
                text.splice(
                    i..i,
                    b"\nA correction was appended for the benchmark.\n"
                        .iter()
                        .copied(),
                );
            }
        } else {
            text.extend_from_slice(b"\n\nA correction was appended for the benchmark.\n");
        }
        std::fs::write(f, text)?;
        done += 1;
    }
    Ok(done)
}

/// Adds (scale − 1) copies' worth of new articles to the corpus, each made of real
/// paragraphs drawn at random (a fixed seed) from the 1× corpus, under new file names.
fn grow(corpus: &Path, passages: &[(String, String)], scale: usize, work: &Path) -> Res<()> {
    let extra = corpus.join("grown");
    let have = tree_size(&extra).0;
    std::fs::create_dir_all(&extra)?;
    let _ = work;
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15 ^ scale as u64;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let per_article = 5;
    let needed_copies = scale - 1;
    let per_copy_files = (passages.len() / per_article / 1000).max(1);
    let target_files = needed_copies * per_copy_files;
    for f in have..target_files {
        let mut w = BufWriter::new(std::fs::File::create(
            extra.join(format!("grown-{f:05}.jsonl")),
        )?);
        for a in 0..1000 {
            let paras: Vec<&str> = (0..per_article)
                .map(|_| {
                    passages[(next() % passages.len() as u64) as usize]
                        .1
                        .as_str()
                })
                .collect();
            let year = 1990 + (next() % 35);
            let obj = json!({
                "id": format!("g{f}-{a}"),
                "title": passages[(next() % passages.len() as u64) as usize].0,
                "date": format!("{year}-{:02}-{:02}", 1 + next() % 12, 1 + next() % 28),
                "text": paras.join("\n\n"),
            });
            serde_json::to_writer(&mut w, &obj)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
    }
    Ok(())
}
