//! The command line: argument definitions (clap derive) and dispatch to the library.
//!
//! Each subcommand lives in its own file with its `Args` and `run`. Clap types stop here:
//! `run` turns them into the library's plain option structs.

mod index;
mod parse;
mod progress;
mod quotes;
mod search;
mod speakers;

use clap::{Args, Parser, Subcommand};
use std::io::Write;
use std::path::{Path, PathBuf};

/// Exit status: success (zero hits included).
pub const EXIT_OK: i32 = 0;
/// Exit status: `--strict` was given and files were skipped.
pub const EXIT_SKIPPED: i32 = 1;
/// Exit status: bad usage, a bad query, a missing index, or a failed run.
pub const EXIT_ERROR: i32 = 2;
/// Exit status: interrupted by Ctrl-C (work up to the last commit is kept).
pub const EXIT_INTERRUPTED: i32 = 130;

/// Default folder indexed when none is given, and built automatically on first search.
pub const DEFAULT_CORPUS: &str = "corpus";
/// Default index folder.
pub const DEFAULT_INDEX: &str = "index";

const AFTER_HELP: &str = "\
Examples:
  newsidx index corpus/
  newsidx search \"pre-notification\" --speaker \"Vedant Patel\" --from 2024-02
  newsidx search sovereignty --facets
  newsidx speakers --query strikes
  newsidx quotes corpus/*.txt --json

Exit status: 0 success (also when nothing matches), 1 files skipped under --strict,
2 error (bad usage, unparsable query, missing index), 130 interrupted.";

/// newsidx: search news archives by passage, speaker and date.
///
/// Indexes a folder of articles (text, Markdown, JSON, JSON Lines, newswire SGML, CSV; also
/// gzip/xz/zstd-compressed) into a tantivy index in
/// which every paragraph is a passage carrying its article's date and the speakers quoted
/// in it; then searches it with ranked, highlighted hits and exact speaker and date counts.
#[derive(Debug, Parser)]
#[command(name = "newsidx", version, after_help = AFTER_HELP, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    Index(index::IndexArgs),
    Search(search::SearchArgs),
    Speakers(speakers::SpeakersArgs),
    Quotes(quotes::QuotesArgs),
    Parse(parse::ParseArgs),
}

/// Filters shared by `search` and `speakers`.
#[derive(Debug, Clone, Args)]
pub struct FilterArgs {
    /// Only passages quoting this speaker (repeatable: any of them).
    ///
    /// Matching is case-blind and by whole words of the speaker's name: "patel" matches
    /// "Vedant Patel"; "vedant patel" must match consecutive words of one speaker name.
    /// Titles and honorifics before a name are looked past, as speakers are indexed
    /// without them: "Mr Patel" also matches "Vedant Patel". A name newsidx merged with others (see `newsidx speakers`) also matches every
    /// variant: "Donald Trump" finds passages attributed to "Trump".
    #[arg(long, value_name = "NAME")]
    pub speaker: Vec<String>,
    /// Only articles published on or after this date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Only articles published on or before this date (the whole year, month or day).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Only articles from this source (repeatable; case-blind exact match).
    #[arg(long, value_name = "SOURCE")]
    pub source: Vec<String>,
}

impl FilterArgs {
    fn to_filters(&self) -> newsidx::query::Filters {
        newsidx::query::Filters {
            speakers: self.speaker.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            sources: self.source.clone(),
        }
    }
}

/// Where the index is (shared by commands that read it).
#[derive(Debug, Clone, Args)]
pub struct IndexPathArgs {
    /// Index folder [default: index]. The default index is built from corpus/ on first use.
    #[arg(long, value_name = "PATH")]
    pub index: Option<PathBuf>,
}

/// Parses the command line, runs it, and returns the exit status.
pub fn main() -> i32 {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Index(a) => index::run(a),
        Command::Search(a) => search::run(a),
        Command::Speakers(a) => speakers::run(a),
        Command::Quotes(a) => quotes::run(a),
        Command::Parse(a) => parse::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            // A closed pipe (`newsidx search x | head`) is not an error.
            if let newsidx::Error::Io { source, .. } = &e
                && source.kind() == std::io::ErrorKind::BrokenPipe
            {
                return EXIT_OK;
            }
            eprintln!("newsidx: error: {e}");
            match e {
                newsidx::Error::Interrupted => EXIT_INTERRUPTED,
                newsidx::Error::Strict(_) => EXIT_SKIPPED,
                _ => EXIT_ERROR,
            }
        }
    }
}

/// Writes `s` to stdout, mapping errors (a closed pipe) to the library's error type.
fn print(s: &str) -> newsidx::Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(s.as_bytes())
        .and_then(|_| {
            if s.ends_with('\n') {
                Ok(())
            } else {
                out.write_all(b"\n")
            }
        })
        .and_then(|_| out.flush())
        .map_err(|e| newsidx::Error::Io {
            path: PathBuf::from("<stdout>"),
            source: e,
        })
}

/// Opens the index for reading; the default index is first built from `corpus/` when it
/// does not exist yet, so a fresh clone can search straight away.
fn open_index(args: &IndexPathArgs) -> newsidx::Result<newsidx::index::IndexHandle> {
    let dir = args
        .index
        .clone()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX));
    if args.index.is_none() && !newsidx::index::exists(&dir) && Path::new(DEFAULT_CORPUS).is_dir() {
        eprintln!(
            "newsidx: no index in '{DEFAULT_INDEX}/' yet: building it from '{DEFAULT_CORPUS}/' first"
        );
        let opts = newsidx::index::writer::IndexOptions::new(DEFAULT_CORPUS, &dir);
        let stop = std::sync::atomic::AtomicBool::new(false);
        newsidx::index::writer::run(&opts, &newsidx::progress::Silent, &stop)?;
    }
    newsidx::index::open(&dir)
}
