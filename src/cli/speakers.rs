//! `newsidx speakers`: who is quoted, with exact passage and article counts.

use super::{EXIT_OK, FilterArgs, IndexPathArgs, open_index, print};
use clap::Args;

/// List speakers with exact counts of passages and articles.
///
/// Counts cover the passages matching --query and the filters (all passages by default).
/// Names that newsidx merged across articles ("Trump", "Donald J. Trump" into "Donald
/// Trump") are counted under one name; the table lists the merged variants.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  newsidx speakers
  newsidx speakers --query sovereignty --from 2024
  newsidx speakers --limit 0 --json     # every speaker, as JSON")]
pub struct SpeakersArgs {
    /// Count only passages matching this query (same syntax as `search`).
    #[arg(long, short, value_name = "QUERY", default_value = "")]
    query: String,
    #[command(flatten)]
    filters: FilterArgs,
    /// How many speakers to list (0 = all).
    #[arg(long, default_value_t = 50)]
    limit: usize,
    /// Print JSON: {"speakers": [{"name", "passages", "articles", "variants"}]}.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    index: IndexPathArgs,
}

/// Runs `newsidx speakers`.
pub fn run(args: SpeakersArgs) -> newsidx::Result<i32> {
    let handle = open_index(&args.index)?;
    let mut rows = newsidx::search::speakers(&handle, &args.query, &args.filters.to_filters())?;
    if args.limit > 0 {
        rows.truncate(args.limit);
    }
    if args.json {
        print(&newsidx::render::json::speakers(&rows))?;
    } else {
        print(&newsidx::render::text::speakers(&rows))?;
    }
    Ok(EXIT_OK)
}
