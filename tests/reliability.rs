//! Hazards from docs/RELIABILITY.md: hostile files, interrupted runs (SIGKILL, SIGINT),
//! concurrent use, index format changes and hostile queries. Nothing may crash, lose a
//! good article or duplicate a passage.

mod common;
use common::{Workspace, stderr, stdout};
use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn write(ws: &Workspace, rel: &str, bytes: &[u8]) {
    let p = ws.path(rel);
    std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
    std::fs::write(p, bytes).expect("write");
}

fn index_json(ws: &Workspace, args: &[&str]) -> (Option<i32>, Value, String) {
    let mut all = vec!["index", "--json", "--quiet"];
    all.extend_from_slice(args);
    let out = ws.run(&all);
    let v = serde_json::from_slice(&out.stdout).unwrap_or(Value::Null);
    (out.status.code(), v, stderr(&out))
}

fn total(ws: &Workspace, index: &str, query: &str) -> u64 {
    ws.search_json(&[query, "--index", index, "--limit", "0"])["total"]
        .as_u64()
        .unwrap_or(u64::MAX)
}

fn problem_for<'a>(summary: &'a Value, file: &str) -> Option<&'a str> {
    summary["problems"]
        .as_array()?
        .iter()
        .find(|p| p["path"].as_str().is_some_and(|x| x.ends_with(file)))?["reason"]
        .as_str()
}

#[test]
fn hostile_files_are_reported_and_everything_else_indexed() {
    let ws = Workspace::empty();
    write(
        &ws,
        "in/good.txt",
        b"Good news\n\nThe aardvark spoke, \"Hello,\" said Ann Lee.\n",
    );
    write(
        &ws,
        "in/binary.txt",
        &[0x7f, b'E', b'L', b'F', 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 9, 0],
    );
    write(
        &ws,
        "in/latin1.txt",
        b"Caf\xe9 news\n\nThe zebu caf\xe9 opened.\n",
    );
    write(&ws, "in/zero.txt", b"");
    write(
        &ws,
        "in/controls.txt",
        b"Bell \x07 and \x1b[31mred\x1b[0m capybara text.\n",
    );
    write(&ws, "in/bad.json", b"{\"title\": \"oops\", ");
    write(&ws, "in/mixed.jsonl", b"{\"title\":\"A\",\"text\":\"okapi one\"}\nnot json\n{\"title\":\"B\",\"text\":\"okapi two\"}\n");
    write(
        &ws,
        "in/dates.jsonl",
        b"{\"title\":\"y0\",\"text\":\"narwhal\",\"date\":\"0000-01-01\"}\n{\"title\":\"y99999\",\"text\":\"narwhal\",\"date\":\"99999-01-01\"}\n{\"title\":\"bad\",\"text\":\"narwhal\",\"date\":\"2024-13-45\"}\n",
    );
    // Truncated compressed files.
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(b"{\"title\":\"t\",\"text\":\"quagga\"}\n")
        .expect("gzip");
    let gz = gz.finish().expect("gzip");
    write(&ws, "in/cut.jsonl.gz", &gz[..gz.len() / 2]);
    write(&ws, "in/whole.jsonl.gz", &gz);
    let mut xz = liblzma::write::XzEncoder::new(Vec::new(), 6);
    xz.write_all(b"{\"title\":\"t\",\"text\":\"tapir\"}")
        .expect("xz");
    let xz = xz.finish().expect("xz");
    write(&ws, "in/cut.json.xz", &xz[..xz.len() - 8]);
    write(
        &ws,
        "in/page.html",
        b"<html><head></head><body><nav><a href='/'>Home</a></nav></body></html>",
    );
    // A single 50 MB line, and a 1 GB file (sparse: no disk used).
    let line = "word ".repeat(10 * 1024 * 1024);
    write(&ws, "in/one-line.txt", line.as_bytes());
    let huge = std::fs::File::create(ws.path("in/huge.txt")).expect("create");
    huge.set_len(1 << 30).expect("sparse 1 GB");
    // 200 folders deep.
    let deep: String = (0..200).map(|_| "d/").collect();
    write(
        &ws,
        &format!("in/{deep}deep.txt"),
        b"Deep\n\nA bathyscaphe surfaced.\n",
    );
    // A file name that is not UTF-8, a symlink loop, and a link out of the folder.
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let name = std::ffi::OsStr::from_bytes(b"caf\xe9-name.txt");
        std::fs::write(
            ws.path("in").join(name),
            b"Odd name\n\nA pangolin appeared.\n",
        )
        .expect("write");
        std::os::unix::fs::symlink(ws.path("in"), ws.path("in/loop")).expect("symlink");
        write(&ws, "outside/secret.txt", b"Secret\n\nThe wombat file.\n");
        std::os::unix::fs::symlink(ws.path("outside"), ws.path("in/out")).expect("symlink");
    }

    let (code, s, err) = index_json(&ws, &["in"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    for (file, reason) in [
        ("binary.txt", "binary"),
        ("zero.txt", "empty"),
        ("bad.json", "JSON"),
        ("mixed.jsonl", "line 2"),
        ("cut.jsonl.gz", "truncated or corrupt gzip"),
        ("cut.json.xz", "truncated or corrupt xz"),
        ("one-line.txt", "cut to the first 4 MB"),
        ("huge.txt", "limit"),
        ("page.html", "no article found in the page"),
    ] {
        let got = problem_for(&s, file).unwrap_or_else(|| panic!("{file} not reported: {s}"));
        assert!(got.contains(reason), "{file}: {got}");
    }
    assert_eq!(s["skipped"]["symbolic link (not followed)"], 2, "{s}");
    for word in [
        "aardvark",
        "zebu",
        "capybara",
        "okapi",
        "narwhal",
        "quagga",
        "bathyscaphe",
        "pangolin",
        "word",
    ] {
        assert!(total(&ws, "index", word) >= 1, "{word} not indexed");
    }
    assert_eq!(total(&ws, "index", "okapi"), 2);
    assert_eq!(total(&ws, "index", "narwhal"), 3);
    assert_eq!(
        total(&ws, "index", "wombat"),
        0,
        "a link out of the folder was followed"
    );
    // Out-of-range dates are undated, not wrong.
    let v = ws.search_json(&["narwhal", "--facets"]);
    assert_eq!(v["facets"]["undated"], 3);
    // Control characters never reach the terminal.
    let out = ws.ok(&["search", "capybara"]);
    assert!(!out.contains('\x1b') && !out.contains('\x07'), "{out:?}");
    // The summary for people says what to do about what could not be read.
    let out = ws.run(&["index", "in", "--index", "for-people"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("could not be read") && err.contains("run the same command again"),
        "{err}"
    );
    // --follow-links follows the link out, and reports the loop.
    let (code, s, _) = index_json(&ws, &["in", "--index", "followed", "--follow-links"]);
    assert_eq!(code, Some(0));
    assert_eq!(total(&ws, "followed", "wombat"), 1);
    assert!(s["problems"].to_string().contains("loop"), "{s}");
}

#[cfg(unix)]
#[test]
fn unreadable_file_is_reported() {
    use std::os::unix::fs::PermissionsExt;
    let ws = Workspace::empty();
    write(&ws, "in/ok.txt", b"Fine\n\nA dugong swam.\n");
    write(&ws, "in/locked.txt", b"Locked\n\nA secret.\n");
    let locked = ws.path("in/locked.txt");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).expect("chmod");
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipping: running as root, so permissions cannot make a file unreadable");
        return;
    }
    let (code, s, _) = index_json(&ws, &["in"]);
    assert_eq!(code, Some(0));
    assert!(
        problem_for(&s, "locked.txt").is_some_and(|r| r.contains("ermission")),
        "{s}"
    );
    assert_eq!(total(&ws, "index", "dugong"), 1);
}

/// A few thousand generated articles: one per file, each with a unique word.
fn generated(ws: &Workspace, n: usize) {
    for i in 0..n {
        let month = 1 + i % 12;
        let text = format!(
            "Story {i}\n\nThe council met on issue uniq{i}x and more.\n\n\"We will decide soon,\" said Mayor Alma Berg{}.\n\nA final paragraph about topic{}.\n",
            i % 7,
            i % 13
        );
        write(
            ws,
            &format!(
                "gen/{:02}/2023-{month:02}-{:02}-story-{i}.txt",
                i % 10,
                1 + i % 28
            ),
            text.as_bytes(),
        );
    }
}

/// Waits (up to a minute) until the run `child` has committed its first files to
/// `index/`, or has ended.
fn wait_for_first_commit(ws: &Workspace, child: &mut Child) {
    let manifest = ws.path("index/newsidx-manifest.json");
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        let committed = std::fs::read_to_string(&manifest).is_ok_and(|m| m.contains("story-"));
        if committed || child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

fn spawn_index(ws: &Workspace, index: &str, every: &str) -> Child {
    Command::new(env!("CARGO_BIN_EXE_newsidx"))
        .args([
            "index",
            "gen",
            "--index",
            index,
            "--quiet",
            "--commit-every-files",
            every,
        ])
        .current_dir(ws.dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn")
}

/// A small deterministic pseudo-random sequence (no dependency needed for this).
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, below: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % below.max(1)
    }
}

fn state(ws: &Workspace, index: &str) -> (u64, String, String) {
    let all = ws.search_json(&["", "--index", index, "--limit", "0", "--facets"]);
    let speakers = ws.ok(&["speakers", "--index", index, "--limit", "0", "--json"]);
    (
        all["total"].as_u64().unwrap_or(0),
        all["facets"].to_string(),
        speakers,
    )
}

#[test]
fn killed_runs_resume_to_the_same_index() {
    let ws = Workspace::empty();
    let n = 2000;
    generated(&ws, n);
    // A clean run to compare with, and how long it takes.
    let started = Instant::now();
    let (code, clean, _) = index_json(&ws, &["gen", "--index", "clean"]);
    assert_eq!(code, Some(0));
    let run_ms = started.elapsed().as_millis().max(50) as u64;
    assert_eq!(clean["articles"].as_u64(), Some(n as u64));

    let mut rng = Lcg(0x5eed_1234);
    let mut kills = 0;
    for _ in 0..12 {
        let mut child = spawn_index(&ws, "killed", "50");
        std::thread::sleep(Duration::from_millis(rng.next(run_ms * 2)));
        if child.try_wait().expect("wait").is_none() {
            child.kill().expect("SIGKILL");
            kills += 1;
        }
        let _ = child.wait();
    }
    assert!(
        kills > 0,
        "no run was interrupted; the corpus is too small for this machine"
    );
    let (code, _, err) = index_json(&ws, &["gen", "--index", "killed"]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(state(&ws, "killed"), state(&ws, "clean"));
    // No article lost or duplicated: each unique word is in exactly one passage.
    for i in (0..n).step_by(97) {
        assert_eq!(total(&ws, "killed", &format!("uniq{i}x")), 1, "article {i}");
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_after_a_commit_and_says_how_to_resume() {
    let ws = Workspace::empty();
    generated(&ws, 3000);
    let mut child = spawn_index(&ws, "index", "20");
    // Wait for the first commit, then interrupt.
    wait_for_first_commit(&ws, &mut child);
    let pid = child.id().to_string();
    let _ = Command::new("kill").args(["-INT", &pid]).status();
    let out = child.wait_with_output().expect("wait");
    let err = String::from_utf8_lossy(&out.stderr);
    if out.status.code() == Some(0) {
        eprintln!("the run finished before Ctrl-C arrived; nothing to check");
        return;
    }
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("Run the same command again"), "{err}");
    let (code, s, _) = index_json(&ws, &["gen"]);
    assert_eq!(code, Some(0));
    assert!(
        s["unchanged"].as_u64().unwrap_or(0) > 0,
        "nothing was kept: {s}"
    );
    assert_eq!(total(&ws, "index", ""), 3000 * 3);
}

#[test]
fn searches_work_during_indexing_and_a_second_writer_is_refused() {
    let ws = Workspace::empty();
    generated(&ws, 3000);
    let mut child = spawn_index(&ws, "index", "20");
    wait_for_first_commit(&ws, &mut child);
    let search = ws.run(&["search", "council", "--index", "index", "--json"]);
    let second = ws.run(&["index", "gen", "--index", "index", "--quiet"]);
    let running = child.try_wait().expect("wait").is_none();
    let _ = child.wait();
    assert_eq!(search.status.code(), Some(0), "{}", stderr(&search));
    let v: Value = serde_json::from_slice(&search.stdout).expect("json");
    assert!(v["total"].as_u64().is_some());
    if running {
        assert_eq!(second.status.code(), Some(2), "{}", stdout(&second));
        let err = stderr(&second);
        assert!(
            err.contains(".tantivy-writer.lock") && err.contains("wait"),
            "{err}"
        );
    }
}

#[test]
fn an_index_of_another_schema_version_is_refused_with_advice() {
    let ws = Workspace::with_corpus();
    ws.ok(&["index", "corpus", "--quiet"]);
    let manifest = ws.path("index/newsidx-manifest.json");
    let text = std::fs::read_to_string(&manifest).expect("manifest");
    let mut m: Value = serde_json::from_str(&text).expect("json");
    m["schema_version"] = Value::from(0);
    std::fs::write(&manifest, m.to_string()).expect("write");
    for args in [
        &["search", "strikes"][..],
        &["index", "corpus"][..],
        &["speakers"][..],
    ] {
        let out = ws.run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(stderr(&out).contains("--rebuild"), "{}", stderr(&out));
    }
    ws.ok(&["index", "corpus", "--rebuild", "--quiet"]);
    ws.ok(&["search", "strikes"]);
}

#[test]
fn hostile_queries_give_results_or_a_clear_error() {
    let ws = Workspace::with_corpus();
    ws.ok(&["index", "corpus", "--quiet"]);
    let many: String = (0..10_000).map(|i| format!("w{i} ")).collect();
    // One argument may hold 128 KB on Linux; the 1 MB query goes through the library below.
    let huge = "x".repeat(100 * 1024);
    let queries: Vec<Vec<String>> = vec![
        vec!["".into()],
        vec!["AND OR NOT".into()],
        vec!["\"unbalanced".into()],
        vec!["(((strikes".into()],
        vec!["strikes)))".into()],
        vec![many],
        vec![huge],
        vec!["nosuchfield:value".into()],
        vec!["/.*[a-z]+(/".into()],
        vec!["title:/ira.*/".into()],
        vec!["*".into()],
        vec!["-".into()],
        vec!["strikes~3^5".into()],
        vec!["x".into(), "--from".into(), "2024-02-30".into()],
        vec!["x".into(), "--to".into(), "99999".into()],
        vec!["x".into(), "--speaker".into(), "!!!".into()],
        vec![
            "x".into(),
            "--limit".into(),
            "0".into(),
            "--offset".into(),
            "1000000".into(),
        ],
    ];
    for q in queries {
        let mut args = vec!["search".to_string()];
        args.extend(q.iter().cloned());
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = ws.run(&refs);
        let code = out.status.code();
        let shown: String = q.join(" ").chars().take(40).collect();
        assert!(
            matches!(code, Some(0) | Some(2)),
            "{shown}: exit {code:?} {}",
            stderr(&out)
        );
        assert!(
            !stderr(&out).contains("panicked"),
            "{shown}: {}",
            stderr(&out)
        );
        if code == Some(2) {
            assert_eq!(stderr(&out).lines().count(), 1, "{shown}: {}", stderr(&out));
        }
    }
    let handle = newsidx::index::open(&ws.path("index")).expect("open");
    let hostile = [
        "strikes ".repeat(150_000),
        "\"".repeat(1 << 20),
        "(".repeat(1 << 20),
        "-".repeat(100_000),
        "+".repeat(100_000),
        "NOT ".repeat(25_000),
        "a AND ".repeat(16_000),
        "a OR ".repeat(20_000),
        "\"a ".repeat(30_000),
        "[a TO ".repeat(15_000),
        "title:".repeat(15_000),
        "(a) ".repeat(25_000),
        "a^".repeat(40_000),
        "~".repeat(100_000),
        "NOT a ".repeat(16_000),
        "-a ".repeat(30_000),
        "a:b ".repeat(25_000),
        "\\".repeat(100_000),
    ];
    for query in hostile {
        let req = newsidx::search::SearchRequest {
            query,
            filters: Default::default(),
            limit: 10,
            offset: 0,
            facets: true,
            sort: newsidx::search::Sort::Relevance,
        };
        // A result or an error; never a panic.
        let _ = newsidx::search::search(&handle, &req);
    }
}

#[test]
fn nothing_in_the_corpus_folder_is_written_to() {
    let ws = Workspace::with_corpus();
    let before = listing(&ws.path("corpus"));
    ws.ok(&["index", "corpus", "--quiet"]);
    assert_eq!(before, listing(&ws.path("corpus")));
}

fn listing(dir: &Path) -> Vec<(String, u64)> {
    let mut v: Vec<(String, u64)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| {
            (
                e.path().display().to_string(),
                e.metadata().map(|m| m.len()).unwrap_or(0),
            )
        })
        .collect();
    v.sort();
    v
}
