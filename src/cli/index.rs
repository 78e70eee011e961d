//! `newsidx index`: build or update an index from a folder.

use super::progress::Bar;
use super::{DEFAULT_CORPUS, DEFAULT_INDEX, EXIT_INTERRUPTED, EXIT_OK};
use clap::Args;
use newsidx::index::writer::{IndexOptions, Summary, run as run_index};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

/// Build or update the index from a folder of articles.
///
/// Reads .txt, .md/.markdown, .json, .jsonl/.ndjson, .sgm/.sgml/.trec (newswire SGML),
/// .csv/.tsv and .html/.htm/.xhtml/.shtml files under DIR, also compressed as .gz, .xz or
/// .zst (recursively; hidden files are skipped, symbolic links too unless
/// --follow-links). Incremental: unchanged files are not read again,
/// changed files are replaced and deleted files removed. Commits as it goes, so an
/// interrupted run keeps its work and the same command finishes it. Files that cannot be
/// read are listed with the reason and skipped; the rest is indexed.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  newsidx index                      # corpus/ into index/
  newsidx index ~/archive --index ~/archive.idx
  newsidx index corpus/ --rebuild    # start from an empty index
  newsidx index corpus/ --json       # summary as JSON
  newsidx index ~/archive --follow-links --strict")]
pub struct IndexArgs {
    /// Folder (or single file) to index.
    #[arg(value_name = "DIR", default_value = DEFAULT_CORPUS)]
    dir: PathBuf,
    /// Index folder (created when missing).
    #[arg(long, value_name = "PATH", default_value = DEFAULT_INDEX)]
    index: PathBuf,
    /// Delete the existing index first and index everything again.
    #[arg(long)]
    rebuild: bool,
    /// Exit with status 1 when any file was skipped.
    #[arg(long)]
    strict: bool,
    /// No progress bar and no summary (problems are still reported).
    #[arg(long, short)]
    quiet: bool,
    /// Print the summary as JSON on stdout.
    #[arg(long)]
    json: bool,
    /// Follow symbolic links, also out of DIR (loops are detected and reported).
    #[arg(long)]
    follow_links: bool,
    /// Commit after every N files as well as by size and time (slower; for tests of
    /// interrupted runs).
    #[arg(long, value_name = "N", hide = true, default_value_t = 0)]
    commit_every_files: usize,
    /// Skip quotation and speaker extraction (for measuring its cost; the index then has
    /// no speakers).
    #[arg(long, hide_short_help = true)]
    no_speakers: bool,
}

/// Runs `newsidx index`.
pub fn run(args: IndexArgs) -> newsidx::Result<i32> {
    let mut opts = IndexOptions::new(&args.dir, &args.index);
    opts.rebuild = args.rebuild;
    opts.speakers = !args.no_speakers;
    opts.follow_links = args.follow_links;
    opts.commit_every_files = args.commit_every_files;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    // Without a handler Ctrl-C would kill the process mid-batch; the run would still be
    // safe (it resumes from the last commit) but would lose the work since then.
    let _ = ctrlc::set_handler(move || flag.store(true, Ordering::Relaxed));
    let bar = Bar::new(args.quiet);
    let summary = run_index(&opts, &bar, &stop)?;
    if args.json {
        super::print(&serde_json::to_string_pretty(&summary_json(&summary)).unwrap_or_default())?;
    } else if !args.quiet {
        eprint!("{}", render(&summary));
    }
    if summary.interrupted {
        eprintln!(
            "newsidx: interrupted; everything committed so far is kept. Run the same command again to finish."
        );
        return Ok(EXIT_INTERRUPTED);
    }
    let skipped = summary.skipped_total() as usize;
    if args.strict && skipped > 0 {
        return Err(newsidx::Error::Strict(skipped));
    }
    Ok(EXIT_OK)
}

fn summary_json(s: &Summary) -> serde_json::Value {
    serde_json::json!({
        "files_seen": s.files_seen,
        "indexed": s.indexed,
        "unchanged": s.unchanged,
        "removed": s.removed,
        "skipped": s.skipped,
        "problems": s.problems.iter().map(|(p, r)| serde_json::json!({"path": p, "reason": r})).collect::<Vec<_>>(),
        "articles": s.articles,
        "passages": s.passages,
        "total_passages": s.total_passages,
        "speakers": s.speakers,
        "bytes": s.bytes,
        "elapsed_secs": s.elapsed.as_secs_f64(),
        "interrupted": s.interrupted,
    })
}

/// "1 passage", "2 passages".
fn count(n: u64, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn render(s: &Summary) -> String {
    let secs = s.elapsed.as_secs_f64();
    let mbps = if secs > 0.0 {
        s.bytes as f64 / 1e6 / secs
    } else {
        0.0
    };
    let mut out = String::new();
    if s.indexed == 0 && s.removed == 0 {
        out.push_str("Nothing to do: the index is up to date.\n");
    }
    out.push_str(&format!(
        "Files: {} seen, {} indexed, {} unchanged, {} removed, {} skipped\n",
        s.files_seen,
        s.indexed,
        s.unchanged,
        s.removed,
        s.skipped_total()
    ));
    for (reason, n) in &s.skipped {
        out.push_str(&format!("  skipped {n}: {reason}\n"));
    }
    if !s.problems.is_empty() {
        out.push_str(&format!(
            "  {} could not be read (each printed above with its reason);\n  \
             mend or remove them and run the same command again: it reads only what is \
             new, changed or failed\n",
            count(
                s.problems.len() as u64,
                "file or record",
                "files or records"
            ),
        ));
    }
    out.push_str(&format!(
        "Indexed {}, {}; the index holds {}, {}\n",
        count(s.articles, "article", "articles"),
        count(s.passages, "passage", "passages"),
        count(s.total_passages, "passage", "passages"),
        count(s.speakers, "distinct speaker", "distinct speakers"),
    ));
    out.push_str(&format!("Took {secs:.2}s ({mbps:.1} MB/s)\n"));
    out
}
