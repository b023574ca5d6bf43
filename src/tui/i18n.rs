//! Every sentence the interface itself says, in Korean and English.

use crate::lang::Lang;

/// The interface's words in one language.
pub struct Ui {
    pub lang: Lang,
}

/// One key binding as the help overlay and the README list it.
pub struct KeyHelp {
    pub group: Group,
    pub keys: &'static str,
    pub en: &'static str,
    pub ko: &'static str,
}

/// Where a key belongs: the help overlay and the README list keys under
/// these headings, the most basic first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Reading,
    Cluster,
    Quizzes,
    Editor,
    Drill,
}

impl Group {
    pub fn heading(self, lang: Lang) -> &'static str {
        match self {
            Group::Reading => lang.pick("읽기", "Reading"),
            Group::Cluster => lang.pick("클러스터와 명령줄", "The cluster and the command bar"),
            Group::Quizzes => lang.pick("퀴즈", "Quizzes"),
            Group::Editor => lang.pick("실습과 편집기", "Exercises and the editor"),
            Group::Drill => lang.pick("파드 단계 드릴", "The pod-phase drill"),
        }
    }
}

/// The key table, in the order the help overlay shows it (by [`Group`]).
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        group: Group::Reading,
        keys: "→ n  /  ← p",
        en: "next / previous section",
        ko: "다음 / 이전 섹션",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "?  F1",
        en: "this help",
        ko: "이 도움말",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "q  Ctrl-C",
        en: "quit (progress is saved)",
        ko: "종료 (진행 상황은 저장됩니다)",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "↓ j  /  ↑ k",
        en: "scroll the focused pane one line",
        ko: "선택한 창을 한 줄 스크롤",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "PgDn  /  PgUp",
        en: "scroll one page",
        ko: "한 화면 스크롤",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "g  /  G",
        en: "top / bottom of the pane",
        ko: "창의 처음 / 끝",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "mouse wheel",
        en: "scroll the pane under the pointer",
        ko: "포인터 아래 창 스크롤",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "h  /  l",
        en: "scroll code blocks sideways (a cut line ends in …)",
        ko: "코드 블록을 좌우로 스크롤 (잘린 줄은 …로 끝남)",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "Tab",
        en: "move focus between the lesson and the cluster",
        ko: "강의 창과 클러스터 창 사이 이동",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "t",
        en: "course list (Enter opens a lesson)",
        ko: "강의 목록 (Enter로 열기)",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "L",
        en: "switch language (한국어 / English)",
        ko: "언어 전환 (한국어 / English)",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "x",
        en: "dismiss the warning banner",
        ko: "경고 배너 닫기",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "Esc",
        en: "close the command output or an overlay",
        ko: "명령 결과나 겹친 창 닫기",
    },
    KeyHelp {
        group: Group::Reading,
        keys: "help ↑ ↓  PgDn",
        en: "scroll this help (PgDn: a page)",
        ko: "이 도움말 스크롤 (PgDn: 한 화면)",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: "Space",
        en: "pause / resume the cluster's clock",
        ko: "클러스터 시간 정지 / 재개",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: "+  /  -",
        en: "cluster speed (0.5× 1× 2× 4× 8× 16×)",
        ko: "클러스터 속도 (0.5× 1× 2× 4× 8× 16×)",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: ".",
        en: "pause and run one step (100 ms)",
        ko: "정지하고 한 단계(100 ms) 진행",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: ":",
        en: "command bar: kubectl, wait, fault, scenario, help ...",
        ko: "명령줄: kubectl, wait, fault, scenario, help ...",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: ": Enter / Esc",
        en: "run the command / cancel",
        ko: "명령 실행 / 취소",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: ": Tab / Shift-Tab",
        en: "complete; again to cycle through the candidates",
        ko: "자동 완성, 다시 누르면 후보를 차례로",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: ": ↑ / ↓",
        en: "earlier / later commands",
        ko: "이전 / 다음 명령",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: ": ← → Home End",
        en: "move in the line (Ctrl-A / Ctrl-E too)",
        ko: "줄 안에서 이동 (Ctrl-A / Ctrl-E)",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: ": Ctrl-U / Ctrl-W",
        en: "clear the line / delete a word",
        ko: "줄 지우기 / 단어 지우기",
    },
    KeyHelp {
        group: Group::Cluster,
        keys: "h  /  l",
        en: "scroll the command output sideways",
        ko: "명령 결과를 좌우로 스크롤",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "]  /  [",
        en: "focus the next / previous quiz or exercise of the section",
        ko: "섹션의 다음 / 이전 퀴즈나 실습으로 이동",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz ↑ ↓  1-9",
        en: "move the choice cursor / pick a choice by its number",
        ko: "보기 커서 이동 / 번호로 바로 고르기",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz Space",
        en: "pick (one answer) or toggle [x] (several answers)",
        ko: "고르기 (하나) 또는 [x] 켜고 끄기 (여러 개)",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz Enter",
        en: "check the answer (short answer: start typing)",
        ko: "답 확인 (단답형: 입력 시작)",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz u d S-↑ S-↓",
        en: "move the selected item up / down (put in order)",
        ko: "고른 항목을 위 / 아래로 옮기기 (순서 맞추기)",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz h",
        en: "next hint (costs nothing)",
        ko: "다음 힌트 (감점 없음)",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz a",
        en: "show the answer (asks first: the question then scores 0)",
        ko: "정답 보기 (먼저 묻습니다: 그 문제는 0점)",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz y / n",
        en: "answer a question the tutor asks (yes / no)",
        ko: "묻는 말에 답하기 (예 / 아니요)",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz r",
        en: "answer again for practice (the score keeps the first answer)",
        ko: "연습으로 다시 풀기 (점수는 처음 답)",
    },
    KeyHelp {
        group: Group::Quizzes,
        keys: "quiz Esc",
        en: "stop typing; again to leave the block",
        ko: "입력 끝내기, 한 번 더 누르면 블록에서 나가기",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "exercise Enter",
        en: "open the editor on your draft (h: next hint)",
        ko: "초안으로 편집기 열기 (h: 다음 힌트)",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit Ctrl-S  F5",
        en: "check: errors at their lines, else a run in the cluster",
        ko: "확인: 오류는 그 줄에, 아니면 클러스터에서 실행",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit Esc",
        en: "close the editor (the draft is kept)",
        ko: "편집기 닫기 (초안은 저장됩니다)",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit Ctrl-Z  Ctrl-Y",
        en: "undo / redo",
        ko: "되돌리기 / 다시 하기",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit Ctrl-T  F2",
        en: "next hint",
        ko: "다음 힌트",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit Ctrl-G  F3",
        en: "show the solution (after a failed check; asks first)",
        ko: "정답 보기 (확인에 실패한 뒤, 먼저 묻습니다)",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit Ctrl-R  F6",
        en: "reset to the starter (asks first)",
        ko: "처음 코드로 되돌리기 (먼저 묻습니다)",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit Ctrl-O  F4",
        en: "edit in $VISUAL / $EDITOR",
        ko: "$VISUAL / $EDITOR에서 편집",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit F8  Ctrl-N",
        en: "move the cursor to the next error",
        ko: "다음 오류로 커서 이동",
    },
    KeyHelp {
        group: Group::Editor,
        keys: "edit Tab  S-Tab",
        en: "indent / unindent by two spaces",
        ko: "두 칸 들여쓰기 / 내어쓰기",
    },
    KeyHelp {
        group: Group::Drill,
        keys: "D",
        en: "pod-phase drill, full screen (= kubetutor drill)",
        ko: "파드 단계 드릴, 전체 화면 (= kubetutor drill)",
    },
    KeyHelp {
        group: Group::Drill,
        keys: "D: 1-9 ↑↓ Enter",
        en: "answer the card (h a hint, s show the answer)",
        ko: "카드에 답하기 (h 힌트, s 정답 보기)",
    },
    KeyHelp {
        group: Group::Drill,
        keys: "D: → r q Esc ^C",
        en: "next / replay the cluster / summary; again: leave",
        ko: "다음 카드 / 클러스터 다시 재생 / 결과, 한 번 더: 나가기",
    },
];

impl Ui {
    pub fn new(lang: Lang) -> Ui {
        Ui { lang }
    }

    fn pick(&self, ko: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(ko, en)
    }

    pub fn lesson(&self) -> &'static str {
        self.pick("강의", "Lesson")
    }

    pub fn cluster(&self) -> &'static str {
        self.pick("클러스터", "Cluster")
    }

    /// The cluster pane's title while a `predict` question plays its own
    /// setup in it.
    pub fn replay_title(&self, quiz: &str) -> String {
        match self.lang {
            Lang::Ko => format!("다시 보기 · 퀴즈 {quiz}"),
            Lang::En => format!("Replay · quiz {quiz}"),
        }
    }

    pub fn course(&self) -> &'static str {
        self.pick("강의 목록", "Course")
    }

    pub fn help(&self) -> &'static str {
        self.pick("도움말", "Help")
    }

    pub fn section_word(&self) -> &'static str {
        self.pick("섹션", "section")
    }

    pub fn language_name(&self) -> &'static str {
        self.pick("한국어", "English")
    }

    pub fn other_language_name(&self) -> &'static str {
        self.pick("English", "한국어")
    }

    /// The status bar in a section with a quiz or an exercise.
    pub fn status_hints_blocks(&self) -> &'static str {
        self.pick(
            "] 퀴즈·실습  ←→ 섹션  ↑↓ 스크롤  Tab 창  : 명령  Space 정지  t 목록  D 드릴  L 언어  ? 도움말  q 종료",
            "] quiz/exercise  ←→ section  ↑↓ scroll  Tab pane  : command  Space pause  t lessons  D drill  L language  ? help  q quit",
        )
    }

    pub fn status_hints(&self) -> &'static str {
        self.pick(
            "←→ 섹션  ↑↓ 스크롤  Tab 창  : 명령  Space 정지  t 목록  D 드릴  L 언어  ? 도움말  q 종료",
            "←→ section  ↑↓ scroll  Tab pane  : command  Space pause  t lessons  D drill  L language  ? help  q quit",
        )
    }

    pub fn banner_dismiss(&self) -> &'static str {
        self.pick("x 닫기", "x dismisses")
    }

    pub fn help_key(&self) -> &'static str {
        self.pick("? 도움말", "? help")
    }

    pub fn quit_key(&self) -> &'static str {
        self.pick("q 종료", "q quit")
    }

    /// The status bar when the cluster pane is hidden (a narrow terminal)
    /// and the section sets a cluster up.
    pub fn cluster_tab(&self) -> &'static str {
        self.pick("클러스터: Tab", "cluster: Tab")
    }

    /// The lesson pane's one-line notice while the cluster pane is hidden.
    pub fn cluster_hidden_notice(&self) -> &'static str {
        self.pick(
            "클러스터 창은 화면이 좁아 숨겨져 있습니다. Tab으로 보세요.",
            "The cluster pane is hidden on this narrow screen: Tab shows it.",
        )
    }

    pub fn help_footer(&self) -> &'static str {
        self.pick(
            "Esc 또는 ? 로 닫기 · ↑↓ PgDn 스크롤",
            "Esc or ? closes · ↑↓ PgDn scroll",
        )
    }

    pub fn course_footer(&self) -> &'static str {
        self.pick(
            "↑↓ 선택  Enter 열기  Esc 닫기",
            "↑↓ select  Enter open  Esc close",
        )
    }

    pub fn fallback_note(&self) -> &'static str {
        self.pick(
            "이 강의는 아직 한국어판이 없어 영어판을 보여 드립니다.",
            "This lesson has no English version yet; showing the Korean one.",
        )
    }

    /// The start-up banner when lesson files had problems: how many files,
    /// the first problem (`path:line: message`), where to see them all.
    pub fn load_errors(&self, files: usize, first: &str) -> String {
        let first = crate::text::sanitize(first);
        match self.lang {
            Lang::Ko => format!(
                "⚠ 강의 파일 {files}개에 문제가 있습니다 (모두 보기: kubetutor list, x 닫기): {first}"
            ),
            Lang::En if files == 1 => format!(
                "⚠ 1 lesson file has problems (all of them: kubetutor list; x dismisses): {first}"
            ),
            Lang::En => format!(
                "⚠ {files} lesson files have problems (all of them: kubetutor list; x dismisses): {first}"
            ),
        }
    }

    pub fn too_small(&self, width: u16, height: u16) -> String {
        match self.lang {
            Lang::Ko => {
                format!("터미널이 너무 작습니다: {width}×{height}. 최소 40×12가 필요합니다.")
            }
            Lang::En => format!("Terminal too small: {width}×{height}. Needs at least 40×12."),
        }
    }

    pub fn no_lessons(&self) -> &'static str {
        self.pick(
            "불러온 강의가 없습니다. kubetutor list 로 오류를 확인하세요.",
            "No lessons loaded. Run kubetutor list to see why.",
        )
    }

    pub fn overall(&self) -> &'static str {
        self.pick("전체 진행", "Overall")
    }

    /// The course list's gauge: lessons completed (the work done) and read.
    pub fn course_overall(&self, completed: usize, read: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("완료 {completed}/{total} · 읽음 {read}"),
            Lang::En => format!("completed {completed}/{total} · read {read}"),
        }
    }

    /// A lesson whose every section was seen but whose work is not done.
    pub fn course_read(&self) -> &'static str {
        self.pick("읽음", "read")
    }

    /// `quiz 2.5/4`: points over the lesson's questions.
    pub fn course_quiz(&self, points: &str, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("퀴즈 {points}/{total}"),
            Lang::En => format!("quiz {points}/{total}"),
        }
    }

    /// `exercises 1/2`: passed over the lesson's exercises.
    pub fn course_exercises(&self, passed: usize, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("실습 {passed}/{total}"),
            Lang::En => format!("exercises {passed}/{total}"),
        }
    }

    pub fn welcome_title(&self) -> &'static str {
        self.pick("kubetutor에 오신 것을 환영합니다", "Welcome to kubetutor")
    }

    pub fn welcome_hello(&self) -> &'static str {
        self.pick(
            "왼쪽은 강의, 오른쪽은 살아 있는 시뮬레이션 클러스터입니다. 다음 다섯 키면 충분합니다.",
            "The lesson is on the left, a live simulated cluster on the right. Five keys are all you need:",
        )
    }

    pub fn welcome_keys(&self) -> [(&'static str, &'static str); 5] {
        match self.lang {
            Lang::Ko => [
                ("→", "다음 섹션"),
                ("]", "섹션의 퀴즈나 실습"),
                (":", "클러스터 명령 (예: :get pods)"),
                ("?", "도움말: 모든 키"),
                ("q", "종료"),
            ],
            Lang::En => [
                ("→", "next section"),
                ("]", "the section's quiz or exercise"),
                (":", "a cluster command (try :get pods)"),
                ("?", "help: every key"),
                ("q", "quit"),
            ],
        }
    }

    pub fn welcome_saved(&self) -> &'static str {
        self.pick(
            "진행 상황은 자동으로 저장되며, 다음에 열면 이어서 할 수 있습니다.",
            "Your progress is saved as you go; next time you start where you left off.",
        )
    }

    pub fn welcome_footer(&self) -> &'static str {
        self.pick("아무 키나 눌러 시작", "any key starts")
    }

    pub fn end_of_course(&self) -> &'static str {
        self.pick(
            "마지막 강의의 마지막 섹션입니다.",
            "This is the last section of the course.",
        )
    }
}

/// The cluster pane's words.
impl Ui {
    pub fn control_plane(&self) -> &'static str {
        self.pick("컨트롤 플레인", "CONTROL PLANE")
    }

    pub fn nodes(&self) -> &'static str {
        self.pick("노드", "NODES")
    }

    pub fn pending_lane(&self) -> &'static str {
        self.pick("스케줄 대기 파드", "PENDING (not scheduled)")
    }

    pub fn workloads(&self) -> &'static str {
        self.pick("워크로드", "WORKLOADS")
    }

    pub fn services(&self) -> &'static str {
        self.pick("서비스", "SERVICES")
    }

    pub fn events(&self) -> &'static str {
        self.pick("이벤트", "EVENTS")
    }

    pub fn pods_count(&self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("파드 {n}개"),
            Lang::En if n == 1 => "1 pod".to_string(),
            Lang::En => format!("{n} pods"),
        }
    }

    pub fn endpoints_count(&self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("엔드포인트 {n}개"),
            Lang::En if n == 1 => "1 endpoint".to_string(),
            Lang::En => format!("{n} endpoints"),
        }
    }

    pub fn etcd_state(&self, revision: u64, objects: usize) -> String {
        match self.lang {
            Lang::Ko => format!("리비전 {revision} · 오브젝트 {objects}개"),
            Lang::En => format!("rev {revision} · {objects} objects"),
        }
    }

    pub fn scheduling_queue(&self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("대기 {n}"),
            Lang::En => format!("queue {n}"),
        }
    }

    pub fn heartbeat_ago(&self, ago: &str) -> String {
        match self.lang {
            Lang::Ko => format!("하트비트 {ago} 전"),
            Lang::En => format!("heartbeat {ago} ago"),
        }
    }

    pub fn ready_of(&self, ready: u32, want: u32) -> String {
        match self.lang {
            Lang::Ko => format!("준비 {ready}/{want}"),
            Lang::En => format!("{ready}/{want} ready"),
        }
    }

    pub fn complete_of(&self, done: u32, want: u32) -> String {
        match self.lang {
            Lang::Ko => format!("완료 {done}/{want}"),
            Lang::En => format!("{done}/{want} complete"),
        }
    }

    pub fn dropped(&self, n: u64) -> String {
        match self.lang {
            Lang::Ko => format!("거부 {n}"),
            Lang::En => format!("{n} refused"),
        }
    }

    /// Requests sent to a Pod on a node that is down.
    pub fn timed_out(&self, n: u64) -> String {
        match self.lang {
            Lang::Ko => format!("시간 초과 {n}"),
            Lang::En => format!("{n} timed out"),
        }
    }

    pub fn paused(&self) -> &'static str {
        self.pick("정지", "paused")
    }

    pub fn no_pods_hint(&self) -> &'static str {
        self.pick(
            "아직 파드가 없습니다. :create deployment web --image=nginx 를 입력해 보세요.",
            "No pods yet. Try :create deployment web --image=nginx",
        )
    }

    pub fn no_events(&self) -> &'static str {
        self.pick("아직 이벤트가 없습니다.", "No events yet.")
    }

    pub fn setup_failed(&self) -> &'static str {
        self.pick("클러스터 설정 오류", "Cluster setup failed")
    }

    pub fn cluster_footer(&self) -> &'static str {
        self.pick(
            "Space 정지 · +/- 속도 · . 한 단계 · : 명령",
            "Space pause · +/- speed · . step · : command",
        )
    }

    pub fn output_footer(&self) -> &'static str {
        self.pick(
            "Esc 닫기 · ↑↓ 스크롤 · h/l 좌우",
            "Esc closes · ↑↓ scroll · h/l sideways",
        )
    }

    pub fn no_completions(&self) -> &'static str {
        self.pick("완성할 후보가 없습니다", "no completions")
    }

    pub fn bar_hint(&self) -> &'static str {
        self.pick(
            "Enter 실행 · Tab 완성 · ↑↓ 기록 · Esc 취소",
            "Enter runs · Tab completes · ↑↓ history · Esc cancels",
        )
    }
}
