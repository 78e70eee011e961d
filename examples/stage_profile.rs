//! Times the three stages of quote extraction on one thread, over every article under the
//! folders given: quotation spans, attribution and speaker resolution. With `--scan`, times
//! only the article-wide name scan of speaker resolution instead.
//!
//!     cargo run --release --example stage_profile -- ../shared/data/corpora/bbc /tmp/gu
//!     taskset -c 1 target/release/examples/stage_profile --scan ../shared/data/corpora
//!
//! Files that cannot be read are skipped (with a count): this measures extraction, not
//! ingest. Each figure is the best of several rounds, since the machines are noisy.

use newsidx::formats::{Format, read_file};
use std::path::Path;
use std::time::Instant;

const ROUNDS: usize = 5;

fn main() {
    let mut scan_only = false;
    let mut texts = Vec::new();
    let mut skipped = 0;
    for arg in std::env::args().skip(1) {
        if arg == "--scan" {
            scan_only = true;
            continue;
        }
        for file in newsidx::walk::walk(Path::new(&arg)).files {
            let Some(format) = Format::for_path(&file) else {
                continue;
            };
            match read_file(&file, format) {
                Ok(parsed) => texts.extend(
                    parsed
                        .articles
                        .iter()
                        .map(newsidx::analyze::extraction_text),
                ),
                Err(_) => skipped += 1,
            }
        }
    }
    eprintln!("{} articles ({skipped} files skipped)", texts.len());
    if scan_only {
        let best = best_of(|| {
            texts
                .iter()
                .map(|t| newsidx::speakers::full_names_in(t).len())
                .sum()
        });
        println!("name scan: {best:.3} s");
        return;
    }
    let mut best = [f64::MAX; 3];
    for _ in 0..ROUNDS {
        let mut round = [0.0; 3];
        for t in &texts {
            let a = Instant::now();
            let paras = newsidx::quotes::spans::paragraphs(t);
            let spans = newsidx::quotes::spans::find(t, &paras);
            let b = Instant::now();
            let found = newsidx::quotes::attribution::attribute(t, &paras, &spans);
            let c = Instant::now();
            let resolved = newsidx::speakers::resolve(&found);
            let d = Instant::now();
            std::hint::black_box(resolved);
            round[0] += (b - a).as_secs_f64();
            round[1] += (c - b).as_secs_f64();
            round[2] += (d - c).as_secs_f64();
        }
        for (best, t) in best.iter_mut().zip(round) {
            *best = best.min(t);
        }
    }
    println!(
        "spans {:.3} s, attribution {:.3} s, speaker resolution {:.3} s (best of {ROUNDS})",
        best[0], best[1], best[2]
    );
}

/// The best wall time of `ROUNDS` runs of `f`, in seconds.
fn best_of(f: impl Fn() -> usize) -> f64 {
    (0..ROUNDS)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::MAX, f64::min)
}
