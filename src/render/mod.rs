//! Results → what the user reads: plain text for people (bold matches on a terminal), JSON
//! for programs. Both renderers take the same structs from [`crate::search`].

pub mod json;
pub mod text;

/// Removes control characters (but not newlines and tabs) from text read out of files, so
/// a hostile file cannot move the cursor or change the terminal's colours.
pub fn sanitize(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}
