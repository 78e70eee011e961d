//! `newsidx parse`: show what ingest extracts from files (title, date, authors, body).

use super::{EXIT_ERROR, EXIT_OK, print};
use clap::Args;
use newsidx::formats::{Format, read_file};
use std::path::PathBuf;

/// Show the articles ingest extracts from files.
///
/// With --json, one object per article per line: {"path", "record", "title", "date" (RFC
/// 3339 or null), "authors", "source", "url", "body"}, the body's paragraphs joined by blank
/// lines.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  newsidx parse corpus/2019-03-14-election.md
  newsidx parse exports/ --json")]
pub struct ParseArgs {
    /// Files to read (folders are walked).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// One JSON object per article per line.
    #[arg(long)]
    json: bool,
}

/// Files named, with folders walked.
pub fn expand(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            out.extend(newsidx::walk::walk(p).files);
        } else {
            out.push(p.clone());
        }
    }
    out
}

/// Runs `newsidx parse`.
pub fn run(args: ParseArgs) -> newsidx::Result<i32> {
    let mut failed = false;
    for path in expand(&args.files) {
        let Some(format) = Format::for_path(&path) else {
            eprintln!(
                "newsidx: skipped {}: not a supported format (see `newsidx index --help`)",
                path.display()
            );
            continue;
        };
        match read_file(&path, format) {
            Ok(parsed) => {
                for p in &parsed.problems {
                    eprintln!("newsidx: {}: {p}", path.display());
                }
                let mut out = String::new();
                for a in &parsed.articles {
                    if args.json {
                        out.push_str(&newsidx::render::json::article(a));
                    } else {
                        let date = a
                            .date
                            .map_or("undated".into(), |d| d.format("%Y-%m-%d").to_string());
                        out.push_str(&format!(
                            "{}\n  title: {}\n  date: {date}\n  source: {}\n  authors: {}\n  passages: {}\n",
                            a.id(),
                            newsidx::render::sanitize(&a.display_title()),
                            a.source.as_deref().unwrap_or("-"),
                            a.authors.join(", "),
                            newsidx::passages::segment(&a.body).len()
                        ));
                    }
                    out.push('\n');
                }
                if !out.is_empty() {
                    print(out.trim_end_matches('\n'))?;
                }
            }
            Err(reason) => {
                eprintln!("newsidx: skipped {}: {reason}", path.display());
                failed = true;
            }
        }
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}
