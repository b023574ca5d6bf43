//! `kubetutor progress` through the built binary, and its confirmation
//! prompt through `run_with` (a test cannot be a terminal).

use kubetutor::cli::GlobalArgs;
use kubetutor::cli::progress::{Args, Io, run_with};
use kubetutor::lang::Lang;
use kubetutor::progress::{Progress, Store};
use kubetutor::quiz::attempt::AttemptRecord;
use kubetutor::quiz::review::Grade;
use kubetutor::timestamp::Timestamp;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const T0: Timestamp = Timestamp::from_secs(1_740_821_400); // 2025-03-01T09:30:00Z

fn kubetutor(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kubetutor"));
    cmd.args(args)
        .env_remove("KUBETUTOR_PROGRESS")
        .env("LANG", "C")
        // Dates are printed in local time: UTC unless a test says otherwise.
        .env("TZ", "UTC")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .stdin(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A file with two lessons and a drill whose cards are all due long ago.
fn sample(dir: &Path) -> PathBuf {
    let path = dir.join("progress.json");
    let (mut s, _) = Store::open(&path);
    s.visit_section("pods", 0, Lang::Ko, T0);
    s.visit_section("pods", 1, Lang::Ko, T0.plus_secs(60));
    s.mark_done("pods", T0.plus_secs(90));
    let rec = |secs, tries, correct| AttemptRecord {
        at: T0.plus_secs(secs),
        tries,
        correct,
        revealed: !correct,
        hints: 0,
    };
    s.record_quiz("pods", "a", rec(70, 1, true));
    s.record_quiz("pods", "b", rec(80, 2, true));
    s.record_exercise("pods", "first-pod", true, T0.plus_secs(85));
    s.visit_section("파드-네트워크", 2, Lang::Ko, T0.plus_secs(120));
    s.record_review("never/exit1", "restartPolicy", Grade::Good, T0);
    s.record_review("always/crash", "restartPolicy", Grade::Again, T0);
    s.record_review("ngnix/pending", "image pull", Grade::Good, T0);
    s.save().unwrap();
    path
}

#[test]
fn prints_a_summary_table() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let p = path.to_str().unwrap();
    let out = kubetutor(&["--progress", p, "progress"], &[]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    let expected = format!(
        "Progress file: {p}
Resume at: 파드-네트워크, section 3 (ko), 2025-03-01

LESSON         TITLE  SECTIONS SEEN  READ  COMPLETED    QUIZ SCORE          EXERCISES PASSED  LAST VISIT
pods           Pods   2/6            no    marked done  1.5/5 (2 answered)  1/1               2025-03-01
파드-네트워크  -      1              no    no           -                   0                 2025-03-01

Lessons: 2 visited, 0 read, 1 of 27 completed (every quiz answered and every exercise passed, or marked done)

Drill: 3 cards, 3 due now, next due -
CATEGORY       CARDS  ACCURACY  DUE NOW  NEXT DUE
image pull     1      100%      1        -
restartPolicy  2      50%       2        -
"
    );
    assert_eq!(text(&out.stdout), expected);

    let ko = kubetutor(&["--progress", p, "--lang", "ko", "progress"], &[]);
    let ko = text(&ko.stdout);
    assert!(
        ko.contains("레슨           제목       본 섹션  읽음    완료       퀴즈 점수             통과한 실습  마지막 방문"),
        "{ko}"
    );
    assert!(
        ko.contains("pods           파드(Pod)  2/6      아니오  완료 표시  1.5/5점 (2문제 풀이)  1/1          2025-03-01"),
        "{ko}"
    );
    assert!(
        ko.contains("드릴: 카드 3장, 지금 복습할 카드 3장, 다음 복습 -"),
        "{ko}"
    );
    // Drill categories are named in the language asked for.
    assert!(
        ko.contains("이미지 받기                 1     100%    1          -"),
        "{ko}"
    );
    assert!(
        ko.contains("재시작 정책(restartPolicy)  2     50%     2          -"),
        "{ko}"
    );
}

/// Dates read as people say them, in the language asked for.
#[test]
fn recent_visits_read_as_words() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let (mut s, _) = Store::open(&path);
    let now = Timestamp::now();
    s.visit_section("pods", 0, Lang::En, now.plus_millis(-5 * 60_000));
    s.visit_section("iac", 0, Lang::En, now.plus_millis(-3 * 86_400_000));
    s.save().unwrap();
    let p = path.to_str().unwrap();
    let en = text(&kubetutor(&["--progress", p, "progress"], &[]).stdout);
    assert!(en.contains("5 min ago"), "{en}");
    assert!(en.contains("3 days ago"), "{en}");
    // In course order: iac (lesson 1) before pods (lesson 2).
    assert!(
        en.find("\niac ").unwrap() < en.find("\npods ").unwrap(),
        "{en}"
    );
    let ko = text(&kubetutor(&["--progress", p, "--lang", "ko", "progress"], &[]).stdout);
    assert!(ko.contains("5분 전") && ko.contains("3일 전"), "{ko}");
}

#[test]
fn a_future_due_time_shows_when() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let (mut s, _) = Store::open(&path);
    let now = Timestamp::now();
    s.record_review("k", "node lost", Grade::Good, now);
    s.save().unwrap();
    let out = kubetutor(&["--progress", path.to_str().unwrap(), "progress"], &[]);
    let stdout = text(&out.stdout);
    // Due in a day: tomorrow at the same time of day (UTC here).
    let due = now.plus_secs(86_400).to_rfc3339();
    let due = format!("tomorrow {}", &due[11..16]);
    assert!(
        stdout.contains(&format!(
            "Drill: 1 card, 0 due now, next due {due} (in 23h 59m)"
        )) || stdout.contains(&format!("Drill: 1 card, 0 due now, next due {due} (in 1d)")),
        "{stdout}"
    );
}

/// `today HH:MM` at `at` as seen from `now` in a zone `hours` ahead of UTC
/// without daylight saving (Asia/Seoul), or `yesterday HH:MM` across its
/// midnight.
fn local_day_and_clock(now: Timestamp, at: Timestamp, hours: i64, lang: Lang) -> String {
    let shift = |t: Timestamp| t.plus_millis(hours * 3_600_000).to_rfc3339();
    let (n, a) = (shift(now), shift(at));
    let today = n[..10] == a[..10];
    let word = match (lang, today) {
        (Lang::En, true) => "today",
        (Lang::En, false) => "yesterday",
        (Lang::Ko, true) => "오늘",
        (Lang::Ko, false) => "어제",
    };
    format!("{word} {}", &a[11..16])
}

/// The dates follow the student's time zone (TZ, else /etc/localtime):
/// the same visit reads nine hours later in Seoul than in UTC.
#[test]
fn dates_are_in_the_local_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.json");
    let (mut s, _) = Store::open(&path);
    let now = Timestamp::now();
    let visit = now.plus_millis(-90 * 60_000);
    s.visit_section("pods", 0, Lang::En, visit);
    s.visit_section("iac", 0, Lang::En, now.plus_millis(-2 * 86_400_000));
    s.save().unwrap();
    let p = path.to_str().unwrap();
    let seoul = [("TZ", Path::new("Asia/Seoul"))];
    let utc = [("TZ", Path::new("UTC"))];
    for (lang, ago) in [(Lang::En, "2 days ago"), (Lang::Ko, "2일 전")] {
        let code = lang.code();
        let run = |env: &[(&str, &Path)]| {
            let o = kubetutor(&["progress", "--progress", p, "--lang", code], env);
            assert_eq!(o.status.code(), Some(0), "{}", text(&o.stderr));
            text(&o.stdout)
        };
        let (in_seoul, in_utc) = (run(&seoul), run(&utc));
        // The last visit in the lesson table.
        let row = |out: &str, id: &str| {
            out.lines()
                .find(|l| l.starts_with(&format!("{id} ")))
                .unwrap_or_else(|| panic!("no row for {id}:\n{out}"))
                .trim_end()
                .to_string()
        };
        let expect = local_day_and_clock(now, visit, 9, lang);
        assert!(
            row(&in_seoul, "pods").ends_with(&expect),
            "{expect}:\n{in_seoul}"
        );
        let expect = local_day_and_clock(now, visit, 0, lang);
        assert!(
            row(&in_utc, "pods").ends_with(&expect),
            "{expect}:\n{in_utc}"
        );
        assert!(row(&in_seoul, "iac").ends_with(ago), "{in_seoul}");
        // Resume at: the last place, also in local time.
        let resume = lang.pick("이어서 할 곳", "Resume at");
        let line = in_seoul.lines().find(|l| l.starts_with(resume)).unwrap();
        assert!(line.ends_with(ago), "{line}");
    }
}

#[test]
fn nothing_yet_and_where_the_file_would_be() {
    let dir = tempfile::tempdir().unwrap();
    let from_env = dir.path().join("env.json");
    let out = kubetutor(&["progress"], &[("KUBETUTOR_PROGRESS", &from_env)]);
    assert_eq!(
        text(&out.stdout),
        format!("Progress file: {}\nNo progress yet.\n", from_env.display())
    );
    assert!(!from_env.exists(), "looking does not create the file");

    // --progress beats the environment.
    let flag = dir.path().join("flag.json");
    let out = kubetutor(
        &["progress", "--progress", flag.to_str().unwrap()],
        &[("KUBETUTOR_PROGRESS", &from_env)],
    );
    assert!(text(&out.stdout).starts_with(&format!("Progress file: {}\n", flag.display())));
}

#[cfg(target_os = "linux")]
#[test]
fn the_default_is_in_the_xdg_data_home() {
    let dir = tempfile::tempdir().unwrap();
    let xdg = dir.path().join("data");
    let out = kubetutor(
        &["progress"],
        &[("XDG_DATA_HOME", &xdg), ("HOME", dir.path())],
    );
    assert_eq!(
        text(&out.stdout),
        format!(
            "Progress file: {}\nNo progress yet.\n",
            xdg.join("kubetutor/progress.json").display()
        )
    );
}

#[test]
fn export_prints_the_saved_json() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let out = kubetutor(
        &["--progress", path.to_str().unwrap(), "progress", "--export"],
        &[],
    );
    assert!(out.status.success());
    let exported: Progress = serde_json::from_slice(&out.stdout).unwrap();
    let (store, _) = Store::open(&path);
    assert_eq!(&exported, store.progress());
    assert_eq!(exported.lessons.len(), 2);
}

#[test]
fn reset_without_a_terminal_or_yes_refuses_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let before = std::fs::read(&path).unwrap();
    for args in [
        &["progress", "--reset"][..],
        &["progress", "--reset", "pods"],
    ] {
        let mut all = vec!["--progress", path.to_str().unwrap()];
        all.extend_from_slice(args);
        let out = kubetutor(&all, &[]);
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(
            text(&out.stderr),
            "kubetutor: refusing to reset without confirmation: standard input is not a \
             terminal (pass --yes to reset from a script)\n"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }
}

#[test]
fn reset_with_yes_rewrites_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let p = path.to_str().unwrap();
    let out = kubetutor(
        &["--progress", p, "progress", "--reset", "pods", "--yes"],
        &[],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "Reset the progress of lesson 'pods'.\n");
    let (store, w) = Store::open(&path);
    assert!(w.is_empty());
    assert!(store.lesson("pods").is_none());
    assert!(store.lesson("파드-네트워크").is_some());
    assert_eq!(store.drill().cards.len(), 3);

    let out = kubetutor(
        &["--progress", p, "progress", "--reset", "nothing-here", "-y"],
        &[],
    );
    assert_eq!(text(&out.stdout), "Nothing to reset.\n");

    let out = kubetutor(&["--progress", p, "progress", "--reset", "--yes"], &[]);
    assert_eq!(text(&out.stdout), "Reset all progress.\n");
    let out = kubetutor(&["--progress", p, "progress"], &[]);
    assert_eq!(
        text(&out.stdout),
        format!("Progress file: {p}\nNo progress yet.\n")
    );
    // Only the progress file and its lock: no backup was left behind.
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["progress.json", "progress.json.lock"]);
}

#[test]
fn a_corrupt_file_is_reported_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("progress.json");
    std::fs::write(&path, "{\"version\": 1, \"lessons\": {\"po").unwrap();
    let out = kubetutor(&["--progress", path.to_str().unwrap(), "progress"], &[]);
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    assert!(
        stderr.starts_with(&format!(
            "warning: the progress file {} could not be used: it is not valid JSON",
            path.display()
        )),
        "{stderr}"
    );
    let kept: Vec<PathBuf> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains(".bad-"))
        .collect();
    assert_eq!(kept.len(), 1);
    assert!(stderr.contains(&kept[0].display().to_string()));
    assert_eq!(
        std::fs::read(&kept[0]).unwrap(),
        b"{\"version\": 1, \"lessons\": {\"po"
    );
}

fn confirm(path: &Path, reset: Option<&str>, typed: &str, lang: Lang) -> (String, String) {
    let args = Args {
        export: false,
        reset: Some(reset.map(str::to_string)),
        yes: false,
    };
    let global = GlobalArgs {
        lang: Some(lang),
        lessons: None,
        progress: Some(path.to_path_buf()),
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let mut input = typed.as_bytes();
    let mut io = Io {
        input: &mut input,
        interactive: true,
        out: &mut out,
        err: &mut err,
    };
    run_with(&args, &global, &mut io, Timestamp::now()).unwrap();
    (text(&out), text(&err))
}

#[test]
fn reset_asks_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = sample(dir.path());
    let before = std::fs::read(&path).unwrap();

    let (out, err) = confirm(&path, Some("pods"), "n\n", Lang::En);
    assert_eq!(
        err,
        format!(
            "Reset the progress of lesson 'pods' in {}? [y/N] ",
            path.display()
        )
    );
    assert_eq!(out, "Nothing was reset.\n");
    let (out, _) = confirm(&path, None, "", Lang::En);
    assert_eq!(out, "Nothing was reset.\n", "end of input means no");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    let (out, err) = confirm(&path, Some("pods"), "예\n", Lang::Ko);
    assert!(
        err.contains("레슨 'pods'의 진행 기록을 지울까요? [y/N]"),
        "{err}"
    );
    assert_eq!(out, "레슨 'pods'의 진행 기록을 지웠습니다.\n");
    assert!(Store::open(&path).0.lesson("pods").is_none());

    let (out, _) = confirm(&path, None, "YES\n", Lang::En);
    assert_eq!(out, "Reset all progress.\n");
    assert!(Store::open(&path).0.progress().lessons.is_empty());
}
