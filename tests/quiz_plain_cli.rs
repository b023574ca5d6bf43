//! `kubetutor quiz LESSON_ID --plain` driven through the standard input of
//! the built binary: right, wrong, retry, hint, reveal, answers asked again,
//! the end of input mid-session, Korean, and the results in the progress
//! file and `kubetutor progress`.

use kubetutor::lang::Lang;
use kubetutor::lesson::parse_lesson;
use kubetutor::progress::Store;
use kubetutor::quiz::plain;
use kubetutor::quiz::predict;
use kubetutor::quiz::shuffle::{choice_order, seed_for, shown_order};
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const LESSONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/quiz");
const SEED: u64 = 7;

fn kubetutor(args: &[&str], progress: &Path, lang: &str, input: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(args)
        .args(["--lessons", LESSONS, "--progress"])
        .arg(progress)
        .env_remove("KUBETUTOR_PROGRESS")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", lang)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_ref())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The positions to type for the order question, as shown with `SEED`.
fn right_order() -> String {
    let shown = shown_order(4, seed_for("apply-path", SEED));
    (0..4)
        .map(|item| (shown.iter().position(|&i| i == item).unwrap() + 1).to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn shown_items(items: &[&str]) -> String {
    shown_order(4, seed_for("apply-path", SEED))
        .iter()
        .enumerate()
        .map(|(p, &i)| format!("  {}. {}\n", p + 1, items[i]))
        .collect()
}

/// The choices of question `id` as shown with `SEED`: indices into the
/// lesson's list, by position.
fn shown_choices(id: &str, len: usize) -> Vec<usize> {
    choice_order(len, seed_for(id, SEED))
}

/// The number choice `index` of question `id` is shown with.
fn num(id: &str, len: usize, index: usize) -> usize {
    shown_choices(id, len)
        .iter()
        .position(|&i| i == index)
        .unwrap()
        + 1
}

/// The numbered choices of question `id`, as the quiz lists them.
fn listing(id: &str, texts: &[&str]) -> String {
    shown_choices(id, texts.len())
        .iter()
        .enumerate()
        .map(|(p, &i)| format!("  {}. {}\n", p + 1, texts[i]))
        .collect()
}

/// `  N. text (tag): why` lines for every choice, in the order shown.
fn told(id: &str, lines: &[&str]) -> String {
    shown_choices(id, lines.len())
        .iter()
        .map(|&i| format!("  {}. {}\n", num(id, lines.len(), i), lines[i]))
        .collect()
}

const EXIT: &str = "exit-1-never";
const PHASES: &str = "phases";
const CRASH: &str = "crash-status";

/// What the simulator did for the predict question, as the quiz prints it.
fn cluster_lines(lang: Lang) -> String {
    let path = format!("{LESSONS}/{}/checks.md", lang.code());
    let (lesson, _) = parse_lesson(&path, &std::fs::read_to_string(&path).unwrap(), lang);
    let lesson = lesson.unwrap();
    let spec = &lesson.quizzes().last().unwrap().value;
    let o = predict::outcome(spec, predict::SEED).unwrap();
    assert_eq!(o.value, "CrashLoopBackOff");
    let mut s = String::new();
    for line in plain::timeline(&o.timeline, "status", lang, 12) {
        s.push_str(&line);
        s.push('\n');
    }
    s
}

#[test]
fn a_full_session_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let input = format!(
        "{}\nh\nfailed\n{} {}\nnonsense\n?\nＥＴＣＤ\n9\nit keeps restarting\n",
        num(EXIT, 3, 2),
        num(PHASES, 3, 0),
        num(PHASES, 3, 2),
    );
    let seed = SEED.to_string();
    let out = kubetutor(
        &["quiz", "checks", "--plain", "--seed", &seed],
        &progress,
        "C",
        input,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stderr), "");
    let stdout = text(&out.stdout);
    assert!(
        !stdout.contains('\u{1b}'),
        "no escape sequences in plain mode"
    );
    let expected = format!(
        "Quiz: Checking yourself (5 questions)

Question 1 of 5
A container exits with code 1 and restartPolicy is Never. Which phase is the Pod in?
{exit}Type a number or the choice's text; h: hint, ?: show the answer, q: stop.
> Not quite.
  {succeeded}. Succeeded: Succeeded needs every container to exit with code 0.
Try once more (h: hint, ?: show the answer).
> Hint 1 of 2: Look at the exit code.
> Right!
  {failed}. Failed: Every container stopped and one of them failed.
With Never nothing restarts the container, so the Pod ends Failed.

Question 2 of 5 (select all that apply)
Which of these are pod phases?
{phases}Type the numbers of every right choice, like 1, 3; h: hint, ?: show the answer, q: stop.
> Right!
{phases_told}The phases are Pending, Running, Succeeded, Failed and Unknown.

Question 3 of 5 (put in order)
Put the hops of creating a Pod in order.
{items}Type the item numbers in the right order, like 3 1 2; h: hint, ?: show the answer, q: stop.
> \"nonsense\" is not one of the items: type the item numbers in your order, like \"3 1 2\".
> The answer: kubectl → api-server → scheduler → kubelet
The request goes through the API server; the scheduler binds; the kubelet runs it.

Question 4 of 5 (short answer)
Where does the cluster keep its state?
Type your answer; h: hint, ?: show the answer, q: stop.
> Right!
etcd holds every object of the cluster.

Question 5 of 5 (predict: the simulator plays it out)
What is in the STATUS column of crash-demo two minutes after it is created?
{crash}Type a number or the choice's text; h: hint, ?: show the answer, q: stop.
> There is no choice 9: type a number from 1 to 3.
> Right!
  {restarting}. It keeps restarting: The kubelet waits longer and longer between restarts.
After a few crashes the kubelet backs off before each restart.
What the cluster did (status of pod crash-demo, over 2m):
{cluster}The simulator shows: CrashLoopBackOff

Score: 3.5 / 5 (3 right on the first try, 1 on the second, 1 shown).
",
        exit = listing(EXIT, &["Running", "Failed", "Succeeded"]),
        succeeded = num(EXIT, 3, 2),
        failed = num(EXIT, 3, 1),
        phases = listing(PHASES, &["Pending", "CrashLoopBackOff", "Unknown"]),
        phases_told = told(
            PHASES,
            &[
                "Pending (right): One of the five phases.",
                "CrashLoopBackOff (wrong): A waiting reason kubectl shows, not a phase.",
                "Unknown (right): One of the five phases.",
            ]
        ),
        items = shown_items(&["kubectl", "api-server", "scheduler", "kubelet"]),
        crash = listing(CRASH, &["It keeps restarting", "Running", "Completed"]),
        restarting = num(CRASH, 3, 0),
        cluster = cluster_lines(Lang::En),
    );
    assert_eq!(stdout, expected);

    // The results are in the progress file, one attempt per question.
    let (store, warnings) = Store::open(&progress);
    assert!(warnings.is_empty());
    let rec = |id: &str| store.quiz("checks", id).unwrap().scored().unwrap().clone();
    let first = rec("exit-1-never");
    assert_eq!(
        (first.tries, first.correct, first.revealed, first.hints),
        (2, true, false, 1)
    );
    assert_eq!((rec("phases").tries, rec("phases").correct), (1, true));
    let order = rec("apply-path");
    assert_eq!((order.correct, order.revealed), (false, true));
    assert!(rec("store").first_try_correct());
    assert!(rec("crash-status").first_try_correct());
    let summary = store.lesson_summary("checks");
    assert_eq!((summary.quiz.answered, summary.quiz.points), (5, 3.5));

    // `kubetutor progress` shows the score.
    let shown = kubetutor(&["progress"], &progress, "C", "");
    assert!(shown.status.success());
    let table = text(&shown.stdout);
    let row = table
        .lines()
        .find(|l| l.starts_with("checks"))
        .unwrap_or_else(|| panic!("{table}"));
    assert!(row.contains("3.5/5 (5 answered)"), "{row}");
}

#[test]
fn the_right_order_and_a_second_wrong_try() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.json");
    let crash_loop = num(PHASES, 3, 1);
    let input = format!(
        "{}\n{}\n{crash_loop}\n{crash_loop}\n{}\n",
        num(EXIT, 3, 0),
        num(EXIT, 3, 2),
        right_order()
    );
    let out = kubetutor(
        &["quiz", "checks", "--plain", "--seed", "7"],
        &progress,
        "C",
        &input,
    );
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    let (succeeded, failed) = (num(EXIT, 3, 2), num(EXIT, 3, 1));
    assert!(stdout.contains(&format!(
        "> Wrong again.\n  {succeeded}. Succeeded: Succeeded needs every container to exit with code 0.\nThe answer: {failed}. Failed\n  {failed}. Failed: Every container stopped and one of them failed.\n"
    )), "{stdout}");
    // A first miss of a several-answer question names the wrong pick and
    // how many right ones are missing, and explains nothing yet.
    assert!(stdout.contains(&format!("> Not quite.\nWrong picks: {crash_loop}. CrashLoopBackOff. 2 right choices are missing.\nTry once more")), "{stdout}");
    // After the second miss, every choice is told.
    assert!(
        stdout.contains(&told(
            PHASES,
            &[
                "Pending (right): One of the five phases.",
                "CrashLoopBackOff (wrong): A waiting reason kubectl shows, not a phase.",
                "Unknown (right): One of the five phases.",
            ]
        )),
        "{stdout}"
    );
    assert!(
        stdout.contains("> Right!\n4 of 4 items are in the right place.\n"),
        "{stdout}"
    );
    assert!(stdout.ends_with(
        "\nStopped at question 4 of 5.\nScore so far: 1 / 3 (1 right on the first try, 0 on the second, 2 shown).\n"
    ), "{stdout}");
}

#[test]
fn the_end_of_input_ends_the_session_with_the_score_so_far() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let input = format!("{}\n{}\n", num(EXIT, 3, 1), num(PHASES, 3, 0));
    let out = kubetutor(
        &["quiz", "checks", "--plain", "--seed", "7"],
        &progress,
        "C",
        input,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.ends_with(
            "Try once more (h: hint, ?: show the answer).\n> \n\nStopped at question 2 of 5.\nScore so far: 1 / 1 (1 right on the first try, 0 on the second, 0 shown).\n"
        ),
        "{stdout}"
    );
    let (store, _) = Store::open(&progress);
    assert!(store.quiz("checks", "exit-1-never").is_some());
    assert!(
        store.quiz("checks", "phases").is_none(),
        "an open question is not saved"
    );

    // Nothing typed at all, and `q`.
    for input in ["", "q\n"] {
        let out = kubetutor(&["quiz", "checks", "--plain"], &progress, "C", input);
        assert!(out.status.success());
        assert!(text(&out.stdout).ends_with(
            "Stopped at question 1 of 5.\nScore so far: 0 / 0 (0 right on the first try, 0 on the second, 0 shown).\n"
        ));
    }
}

#[test]
fn a_korean_session() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("progress.json");
    let input = format!(
        "{}\n{}, {}\n정답\n이티시디\n계속 재시작 중\n",
        num(EXIT, 3, 1),
        num(PHASES, 3, 0),
        num(PHASES, 3, 2)
    );
    let out = kubetutor(
        &["quiz", "checks", "--plain", "--seed", "7"],
        &progress,
        "ko_KR.UTF-8",
        input,
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let expected = format!(
        "퀴즈: 스스로 확인하기 (5문제)

문제 1/5
컨테이너가 종료 코드 1로 끝났고 restartPolicy는 Never입니다. 파드의 단계는?
{exit}번호나 보기의 글을 입력하세요. h: 힌트, ?: 정답 보기, q: 그만하기.
> 맞았습니다!
  {failed}. 실패 (Failed): 모든 컨테이너가 멈췄고 그중 하나가 실패했습니다.
Never이면 아무것도 컨테이너를 다시 시작하지 않으므로 파드는 Failed로 끝납니다.

문제 2/5 (맞는 것을 모두 고르세요)
다음 중 파드의 단계는?
{phases}맞는 보기의 번호를 모두 입력하세요 (예: 1, 3). h: 힌트, ?: 정답 보기, q: 그만하기.
> 맞았습니다!
{phases_told}단계는 Pending, Running, Succeeded, Failed, Unknown입니다.

문제 3/5 (순서대로 놓으세요)
파드를 만들 때 거치는 곳을 순서대로 놓으세요.
{items}항목 번호를 올바른 순서로 입력하세요 (예: 3 1 2). h: 힌트, ?: 정답 보기, q: 그만하기.
> 정답: kubectl → api-server → scheduler → kubelet
요청은 API 서버를 거치고, 스케줄러가 노드를 정하고, kubelet이 실행합니다.

문제 4/5 (단답형)
클러스터는 상태를 어디에 저장할까요?
답을 입력하세요. h: 힌트, ?: 정답 보기, q: 그만하기.
> 맞았습니다!
etcd에 클러스터의 모든 오브젝트가 저장됩니다.

문제 5/5 (예측: 시뮬레이터가 실제로 돌려 봅니다)
crash-demo를 만들고 2분 뒤 STATUS 열에는 무엇이 보일까요?
{crash}번호나 보기의 글을 입력하세요. h: 힌트, ?: 정답 보기, q: 그만하기.
> 맞았습니다!
  {restarting}. 계속 재시작 중: kubelet이 재시작 사이에 점점 더 오래 기다립니다.
몇 번 죽고 나면 kubelet은 재시작 전에 기다립니다.
클러스터에서 일어난 일 (pod crash-demo의 status, 2m 동안):
{cluster}시뮬레이터 결과: CrashLoopBackOff

점수: 4 / 5 (첫 시도에 맞힘 4, 두 번째에 맞힘 0, 정답 보기 1).
",
        exit = listing(
            EXIT,
            &["실행 중 (Running)", "실패 (Failed)", "성공 (Succeeded)"]
        ),
        failed = num(EXIT, 3, 1),
        phases = listing(PHASES, &["Pending", "CrashLoopBackOff", "Unknown"]),
        phases_told = told(
            PHASES,
            &[
                "Pending (맞음): 다섯 단계 중 하나입니다.",
                "CrashLoopBackOff (틀림): kubectl이 보여 주는 대기 이유이지 단계가 아닙니다.",
                "Unknown (맞음): 다섯 단계 중 하나입니다.",
            ]
        ),
        items = shown_items(&["kubectl", "api-server", "scheduler", "kubelet"]),
        crash = listing(CRASH, &["계속 재시작 중", "실행 중", "완료"]),
        restarting = num(CRASH, 3, 0),
        cluster = cluster_lines(Lang::Ko),
    );
    assert_eq!(stdout, expected);
    // The Korean and English files list their choices in the same order, so
    // a student who switches language sees the same positions.
    let en = kubetutor(
        &["quiz", "checks", "--plain", "--seed", "7"],
        &progress,
        "C",
        "q\n",
    );
    assert!(text(&en.stdout).contains(&listing(EXIT, &["Running", "Failed", "Succeeded"])));
    let shown = kubetutor(&["progress", "--lang", "ko"], &progress, "C", "");
    let table = text(&shown.stdout);
    assert!(table.contains("4/5점 (5문제 풀이)"), "{table}");
}

#[test]
fn the_other_language_stands_in_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.json");
    let out = kubetutor(
        &["quiz", "only-en", "--plain", "--lang", "ko"],
        &progress,
        "C",
        "b\n",
    );
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(
        "참고: 'only-en' 레슨은 한국어판이 없어 영어판으로 묻습니다.\n퀴즈: English only (1문제)\n\n문제 1/1\nPick b.\n"
    ), "{stdout}");
    assert!(stdout.ends_with("점수: 1 / 1 (첫 시도에 맞힘 1, 두 번째에 맞힘 0, 정답 보기 0).\n"));
}

#[test]
fn lessons_without_questions_unknown_lessons_and_no_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let progress = dir.path().join("p.json");
    let out = kubetutor(&["quiz", "no-quiz", "--plain"], &progress, "C", "");
    assert!(out.status.success());
    assert_eq!(text(&out.stdout), "Lesson 'no-quiz' has no questions.\n");

    let out = kubetutor(&["quiz", "chekcs", "--plain"], &progress, "C", "");
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        text(&out.stderr),
        "kubetutor: unknown lesson 'chekcs'; did you mean 'checks'? (`kubetutor list` shows every lesson id)\n"
    );
    assert!(!progress.exists(), "nothing was saved");

    // Bytes that are not UTF-8 are an answer that cannot be understood.
    let out = kubetutor(
        &["quiz", "only-en", "--plain"],
        &progress,
        "C",
        b"\xff\xfe\nb\n",
    );
    assert!(out.status.success());
    assert!(text(&out.stdout).contains(
        "> \"\u{FFFD}\u{FFFD}\" is not one of the choices: type its number (1 to 2) or its text.\n> Right!\n"
    ), "{}", text(&out.stdout));

    // Standard input is not a terminal: without --plain the quiz is plain.
    let with = kubetutor(&["quiz", "only-en", "--plain"], &progress, "C", "2\n");
    let without = kubetutor(&["quiz", "only-en"], &progress, "C", "2\n");
    assert!(without.status.success());
    assert_eq!(text(&with.stdout), text(&without.stdout));
}

#[test]
fn a_broken_question_is_left_out_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("en")).unwrap();
    std::fs::write(
        dir.path().join("en/broken.md"),
        "---\nid: broken\ntitle: Broken\nlang: en\n---\n\n# Broken\n\n## One\n\n\
         ```quiz\nid: good\nkind: choice\nquestion: Pick b.\nchoices: [{ text: a }, { text: b }]\nanswer: b\n```\n\n\
         ```quiz\nid: bad\nkind: choice\nquestion: No answer.\nchoices: [{ text: a }, { text: b }]\n```\n",
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_kubetutor"))
        .args(["quiz", "broken", "--plain", "--lang", "en", "--lessons"])
        .arg(dir.path())
        .arg("--progress")
        .arg(dir.path().join("p.json"))
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("warning: en/broken.md:"), "{stderr}");
    assert!(
        stderr.contains("needs exactly one correct choice"),
        "{stderr}"
    );
    assert!(text(&out.stdout).starts_with("Quiz: Broken (1 question)\n"));
}
