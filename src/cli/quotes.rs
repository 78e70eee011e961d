//! `newsidx quotes`: show what the quote extractor finds in files.

use super::{EXIT_ERROR, EXIT_OK, print};
use clap::Args;
use newsidx::formats::{Format, read_file};
use std::path::PathBuf;

/// Show the quotations found in files, with their speakers.
///
/// For each article: every direct or mixed quotation, the cue that attributes it ("said",
/// "according to", ":") and the normalised speaker. With --json, one JSON object per
/// article per line: {"path", "title", "date", "quotes": [{"start", "end", "text",
/// "speaker", "speaker_kind", "cue"}]}; start and end count code points (end exclusive)
/// into the whole decoded file for plain-text files, into the body for JSON records.
/// A source the text does not name keeps its description ("a State Department official",
/// speaker_kind "unnamed"; shown in brackets without --json); it is never indexed as a
/// speaker.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  newsidx quotes corpus/2024-02-05-us-iraq-strikes.txt
  newsidx quotes corpus/*.txt --json > quotes.jsonl")]
pub struct QuotesArgs {
    /// Files to read (folders are walked).
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// One JSON object per article per line.
    #[arg(long)]
    json: bool,
}

/// Runs `newsidx quotes`.
pub fn run(args: QuotesArgs) -> newsidx::Result<i32> {
    let mut failed = false;
    let mut out = String::new();
    for path in super::parse::expand(&args.files) {
        let Some(format) = Format::for_path(&path) else {
            eprintln!(
                "newsidx: skipped {}: not a supported format (see `newsidx index --help`)",
                path.display()
            );
            continue;
        };
        let parsed = match read_file(&path, format) {
            Ok(p) => p,
            Err(reason) => {
                eprintln!("newsidx: skipped {}: {reason}", path.display());
                failed = true;
                continue;
            }
        };
        for a in &parsed.articles {
            let quotes = newsidx::quotes::extract(&newsidx::analyze::extraction_text(a));
            if args.json {
                out.push_str(&newsidx::render::json::quotes(a, &quotes));
                out.push('\n');
            } else {
                out.push_str(&format!(
                    "{} — {}\n",
                    a.id(),
                    newsidx::render::sanitize(&a.display_title())
                ));
                for q in &quotes {
                    let who = match (&q.speaker, q.speaker_kind) {
                        (Some(d), newsidx::model::SpeakerKind::Unnamed) => format!("({d})"),
                        (Some(s), _) => s.clone(),
                        (None, _) => "(unattributed)".into(),
                    };
                    let cue = q.cue.as_deref().unwrap_or("-");
                    out.push_str(&format!(
                        "  {who} [{cue}]: {}\n",
                        newsidx::render::sanitize(&newsidx::passages::shorten(&q.text, 160))
                    ));
                }
                out.push('\n');
            }
        }
        if out.len() > 1 << 16 {
            print(&std::mem::take(&mut out))?;
        }
    }
    if !out.is_empty() {
        print(out.trim_end_matches('\n'))?;
    }
    Ok(if failed { EXIT_ERROR } else { EXIT_OK })
}
