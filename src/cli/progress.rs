//! The indexing progress bar (indicatif) and the warning lines printed around it.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use newsidx::progress::Reporter;
use std::io::IsTerminal;
use std::path::Path;

/// Draws a bar on stderr when it is a terminal and `quiet` is off; always prints problems.
pub struct Bar {
    bar: ProgressBar,
}

impl Bar {
    /// A bar that shows only on a terminal, and never with `quiet`.
    pub fn new(quiet: bool) -> Bar {
        let bar = ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr());
        if quiet || !std::io::stderr().is_terminal() {
            bar.set_draw_target(ProgressDrawTarget::hidden());
        }
        let style = ProgressStyle::with_template(
            "{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} ({bytes_per_sec}, eta {eta}) {msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Bar { bar }
    }
}

impl Reporter for Bar {
    fn start(&self, _files: u64, bytes: u64) {
        self.bar.set_length(bytes);
    }

    fn file_done(&self, bytes: u64) {
        self.bar.inc(bytes);
    }

    fn problem(&self, path: &Path, reason: &str) {
        let line = newsidx::render::sanitize(&format!("newsidx: {}: {reason}", path.display()));
        self.bar.suspend(|| eprintln!("{line}"));
    }

    fn committing(&self) {
        self.bar.set_message("committing…");
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}
