//! Speaker attribution quality on PolNeAR dev (`../shared`), scored by the project's
//! `quote_eval.py`. Fails when any score drops more than 0.02 below the level reached
//! (docs/QUALITY.md). Tuning was done on PolNeAR train, save the one rule QUALITY.md names.

mod common;
use std::process::Command;

/// Scores reached on dev (docs/QUALITY.md); CI fails 0.02 below them.
const E2E_F1: f64 = 0.822;
const SPEAKER_SET_F1: f64 = 0.875;
const QUOTE_F1: f64 = 0.954;
const SLACK: f64 = 0.02;

#[test]
fn polnear_dev_scores_hold() {
    let Some(shared) = common::shared() else {
        return;
    };
    let dev = shared.join("data/quotes/polnear/data/dev");
    let mut files: Vec<_> = std::fs::read_dir(dev.join("text"))
        .expect("PolNeAR dev texts")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    let out = Command::new(env!("CARGO_BIN_EXE_newsidx"))
        .arg("quotes")
        .arg("--json")
        .args(&files)
        .output()
        .expect("run newsidx quotes");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pred = tempfile::NamedTempFile::new().expect("temp file");
    std::fs::write(pred.path(), &out.stdout).expect("write predictions");
    let eval = Command::new("python3")
        .arg(shared.join("tools/quote_eval.py"))
        .arg("--gold")
        .arg(&dev)
        .arg("--pred")
        .arg(pred.path())
        .output()
        .expect("python3 runs quote_eval.py");
    let report = String::from_utf8_lossy(&eval.stdout);
    assert!(
        eval.status.success(),
        "quote_eval failed: {report}{}",
        String::from_utf8_lossy(&eval.stderr)
    );
    println!("{report}");
    let summary = report
        .lines()
        .find(|l| l.starts_with("summary "))
        .expect("summary line");
    let score = |key: &str| -> f64 {
        summary
            .split_whitespace()
            .find_map(|kv| kv.strip_prefix(&format!("{key}=")))
            .and_then(|v| v.parse().ok())
            .unwrap_or_else(|| panic!("{key} missing from {summary}"))
    };
    for (key, reached) in [
        ("e2e_f1", E2E_F1),
        ("speaker_set_f1", SPEAKER_SET_F1),
        ("quote_f1", QUOTE_F1),
    ] {
        let got = score(key);
        assert!(
            got >= reached - SLACK,
            "{key} dropped to {got:.3} (reached {reached:.3})"
        );
    }
}
