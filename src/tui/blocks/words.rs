//! The words of the live quizzes and the exercise editor, in Korean and
//! English (the rest of the interface's words are in `tui::i18n`).

use crate::lang::Lang;
use crate::quiz::attempt::Score;
use crate::quiz::spec::QuizKind;
use crate::tui::i18n::Ui;

impl Ui {
    fn pick_str(&self, ko: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(ko, en)
    }

    pub fn quiz_title(&self, kind: QuizKind, n: usize, of: usize) -> String {
        let kind = match (kind, self.lang) {
            (QuizKind::Choice, Lang::Ko) => "하나 고르기",
            (QuizKind::Choice, Lang::En) => "choose one",
            (QuizKind::Multi, Lang::Ko) => "모두 고르기",
            (QuizKind::Multi, Lang::En) => "choose all that apply",
            (QuizKind::Order, Lang::Ko) => "순서 맞추기",
            (QuizKind::Order, Lang::En) => "put in order",
            (QuizKind::Text, Lang::Ko) => "단답형",
            (QuizKind::Text, Lang::En) => "short answer",
            (QuizKind::Predict, Lang::Ko) => "예측",
            (QuizKind::Predict, Lang::En) => "predict",
        };
        match self.lang {
            Lang::Ko => format!("퀴즈 {n}/{of} · {kind}"),
            Lang::En => format!("Quiz {n}/{of} · {kind}"),
        }
    }

    pub fn quiz_setup(&self) -> &'static str {
        self.pick_str("상황:", "Setup:")
    }

    pub fn quiz_wait(&self, after: &str) -> String {
        match self.lang {
            Lang::Ko => format!("{after} 뒤"),
            Lang::En => format!("after {after}"),
        }
    }

    pub fn quiz_right(&self) -> &'static str {
        self.pick_str("✓ 맞았습니다!", "✓ Right!")
    }

    pub fn quiz_retry(&self) -> &'static str {
        self.pick_str(
            "✗ 아닙니다. 한 번 더 해 보세요.",
            "✗ Not quite. Try once more.",
        )
    }

    pub fn quiz_wrong(&self) -> &'static str {
        self.pick_str("✗ 틀렸습니다.", "✗ Wrong.")
    }

    pub fn quiz_answer(&self) -> &'static str {
        self.pick_str("정답:", "Answer:")
    }

    /// The label of the box a `text` answer is typed in.
    pub fn quiz_your_answer(&self) -> &'static str {
        self.pick_str("내 답:", "Your answer:")
    }

    pub fn quiz_in_place(&self, n: usize, of: usize) -> String {
        match self.lang {
            Lang::Ko => format!("{of}개 중 {n}개가 제자리에 있습니다."),
            Lang::En => format!("{n} of {of} in the right place."),
        }
    }

    pub fn quiz_score(&self, score: Score) -> &'static str {
        match score {
            Score::Full => self.pick_str("1점", "1 point"),
            Score::Half => self.pick_str("0.5점", "½ point"),
            Score::Zero => self.pick_str("0점", "0 points"),
        }
    }

    pub fn quiz_past(&self, correct: bool, tries: u32, score: Score) -> String {
        let how = match (correct, tries, self.lang) {
            (true, 1, Lang::Ko) => "✓ 처음에 맞힘".to_string(),
            (true, 1, Lang::En) => "✓ right on the first try".to_string(),
            (true, n, Lang::Ko) => format!("✓ {n}번째에 맞힘"),
            (true, n, Lang::En) => format!("✓ right on try {n}"),
            (false, _, Lang::Ko) => "정답을 봄".to_string(),
            (false, _, Lang::En) => "answer shown".to_string(),
        };
        match self.lang {
            Lang::Ko => format!("이미 답함: {how} · {}", self.quiz_score(score)),
            Lang::En => format!("Answered before: {how} · {}", self.quiz_score(score)),
        }
    }

    pub fn quiz_practice(&self) -> &'static str {
        self.pick_str(
            "r: 다시 풀기 (연습, 점수는 처음 답으로 남습니다)",
            "r: try again (practice; the score keeps your first answer)",
        )
    }

    pub fn quiz_hint(&self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("힌트 {n}:"),
            Lang::En => format!("Hint {n}:"),
        }
    }

    pub fn quiz_no_hints(&self) -> &'static str {
        self.pick_str("남은 힌트가 없습니다.", "No more hints.")
    }

    pub fn quiz_confirm_reveal(&self) -> &'static str {
        self.pick_str(
            "정답을 볼까요? 이 문제는 0점이 됩니다. y 예 / n 아니오",
            "Show the answer? This question will score 0. y yes / n no",
        )
    }

    /// After a first miss of a several-answer question: how many picks
    /// are wrong (they are marked ✗) and how many right choices are missing.
    pub fn quiz_multi_miss(&self, wrong: usize, missing: usize) -> String {
        match self.lang {
            Lang::En => {
                let wrong = match wrong {
                    0 => "Every choice you picked is right".to_string(),
                    1 => "1 of your picks is wrong (✗)".to_string(),
                    n => format!("{n} of your picks are wrong (✗)"),
                };
                let missing = match missing {
                    0 => "no right choice is missing".to_string(),
                    1 => "1 right choice is missing".to_string(),
                    n => format!("{n} right choices are missing"),
                };
                format!("{wrong}; {missing}.")
            }
            Lang::Ko => {
                let wrong = match wrong {
                    0 => "고른 보기는 모두 맞습니다".to_string(),
                    n => format!("고른 보기 중 {n}개가 틀렸습니다(✗)"),
                };
                let missing = match missing {
                    0 => "빠진 맞는 보기는 없습니다".to_string(),
                    n => format!("맞는 보기 {n}개가 빠졌습니다"),
                };
                format!("{wrong}. {missing}.")
            }
        }
    }

    pub fn quiz_pick_first(&self) -> &'static str {
        self.pick_str(
            "먼저 보기를 고르세요 (번호를 누르세요).",
            "Pick a choice first (press its number).",
        )
    }

    pub fn quiz_type_prompt(&self) -> &'static str {
        self.pick_str("Enter를 눌러 답을 입력", "press Enter to type")
    }

    pub fn quiz_order_help(&self) -> &'static str {
        self.pick_str(
            "↑↓ 항목 고르기 · u/d 위/아래로 옮기기 · Enter 확인",
            "↑↓ pick an item · u/d move it up/down · Enter check",
        )
    }

    pub fn quiz_simulator(&self) -> &'static str {
        self.pick_str("시뮬레이터:", "The simulator:")
    }

    /// `hidden`: the cluster pane is not on screen, so say how to see it.
    pub fn quiz_playing(&self, done: &str, total: &str, hidden: bool) -> String {
        match (self.lang, hidden) {
            (Lang::Ko, false) => format!("클러스터 창에서 재생 중 {done} / {total}"),
            (Lang::Ko, true) => {
                format!("클러스터 창에서 재생 중 {done} / {total} (Tab: 클러스터 창 보기)")
            }
            (Lang::En, false) => format!("playing in the cluster pane {done} / {total}"),
            (Lang::En, true) => {
                format!("playing in the cluster pane {done} / {total} (Tab: watch it)")
            }
        }
    }

    pub fn quiz_observed(&self, after: &str, what: &str, value: &str) -> String {
        match self.lang {
            Lang::Ko => format!("{after} 뒤 {what} = {value}"),
            Lang::En => format!("after {after}, {what} = {value}"),
        }
    }

    pub fn quiz_missing(&self) -> &'static str {
        self.pick_str("(없음)", "(absent)")
    }

    pub fn lesson_score(&self, points: &str, total: usize) -> String {
        match self.lang {
            Lang::Ko => format!("퀴즈 {points}/{total}"),
            Lang::En => format!("quiz {points}/{total}"),
        }
    }

    /// Status bar hints while a block has the focus.
    pub fn quiz_keys(&self, kind: QuizKind, typing: bool, over: bool) -> &'static str {
        if typing {
            return self.pick_str(
                "입력 중: Enter 확인 · Esc 입력 끝내기",
                "typing: Enter check · Esc stop typing",
            );
        }
        if over {
            return self.pick_str(
                "r 다시 풀기 · ]/[ 다음/이전 블록 · Esc 나가기",
                "r try again · ]/[ next/previous block · Esc leave",
            );
        }
        match kind {
            QuizKind::Choice | QuizKind::Predict => self.pick_str(
                "↑↓/숫자 고르기 · Enter 확인 · h 힌트 · a 정답 · ]/[ 블록 · Esc 나가기",
                "↑↓/digits choose · Enter check · h hint · a answer · ]/[ block · Esc leave",
            ),
            QuizKind::Multi => self.pick_str(
                "↑↓ 이동 · Space/숫자 선택 · Enter 확인 · h 힌트 · a 정답 · Esc 나가기",
                "↑↓ move · Space/digits toggle · Enter check · h hint · a answer · Esc leave",
            ),
            QuizKind::Order => self.pick_str(
                "↑↓ 항목 · u/d 옮기기 · Enter 확인 · h 힌트 · a 정답 · Esc 나가기",
                "↑↓ item · u/d move it · Enter check · h hint · a answer · Esc leave",
            ),
            QuizKind::Text => self.pick_str(
                "Enter 입력 · h 힌트 · a 정답 · ]/[ 블록 · Esc 나가기",
                "Enter type · h hint · a answer · ]/[ block · Esc leave",
            ),
        }
    }

    pub fn confirm_keys(&self) -> &'static str {
        self.pick_str("y 예 · n 아니오", "y yes · n no")
    }
}

/// The exercise block and the editor.
impl Ui {
    pub fn exercise_title(&self, id: &str) -> String {
        match self.lang {
            Lang::Ko => format!("실습 · {id}"),
            Lang::En => format!("Exercise · {id}"),
        }
    }

    pub fn exercise_goal(&self) -> &'static str {
        self.pick_str("목표:", "Goal:")
    }

    pub fn exercise_open(&self) -> &'static str {
        self.pick_str(
            "Enter: 편집기 열기 · h: 힌트",
            "Enter: open the editor · h: hint",
        )
    }

    pub fn exercise_passed(&self) -> &'static str {
        self.pick_str("✓ 통과한 실습입니다.", "✓ Passed.")
    }

    pub fn exercise_last(&self) -> &'static str {
        self.pick_str("마지막 결과:", "Last result:")
    }

    pub fn exercise_keys(&self) -> &'static str {
        self.pick_str(
            "Enter 편집기 · h 힌트 · ]/[ 블록 · Esc 나가기",
            "Enter editor · h hint · ]/[ block · Esc leave",
        )
    }

    pub fn editor_footer(&self) -> &'static str {
        self.pick_str(
            "Ctrl-S 확인 · Esc 닫기 · Ctrl-T 힌트 · Ctrl-G 정답 · Ctrl-R 처음으로 · Ctrl-O $EDITOR · F8 다음 오류 · Ctrl-Z/Y 되돌리기/다시",
            "Ctrl-S check · Esc close · Ctrl-T hint · Ctrl-G solution · Ctrl-R reset · Ctrl-O $EDITOR · F8 next error · Ctrl-Z/Y undo/redo",
        )
    }

    pub fn editor_errors(&self, n: usize) -> String {
        match self.lang {
            Lang::Ko => format!("오류 {n}개 (F8로 이동)"),
            Lang::En if n == 1 => "1 error (F8 jumps to it)".to_string(),
            Lang::En => format!("{n} errors (F8 jumps to the next)"),
        }
    }

    pub fn editor_running(&self, elapsed: &str) -> String {
        match self.lang {
            Lang::Ko => format!("클러스터에 적용함 · 시뮬레이션 {elapsed} 경과 …"),
            Lang::En => format!("applied to the cluster · {elapsed} of simulated time …"),
        }
    }

    pub fn editor_confirm_reset(&self) -> &'static str {
        self.pick_str(
            "처음 코드로 되돌릴까요? (Ctrl-Z로 되살릴 수 있습니다) y / n",
            "Reset to the starter? (Ctrl-Z brings your text back) y / n",
        )
    }

    pub fn editor_confirm_solution(&self) -> &'static str {
        self.pick_str(
            "정답 매니페스트를 볼까요? 편집기의 글을 바꿉니다 (Ctrl-Z로 되돌림). y / n",
            "Show the solution? It replaces your text (Ctrl-Z brings it back). y / n",
        )
    }

    pub fn editor_solution_later(&self) -> &'static str {
        self.pick_str(
            "정답은 한 번 확인(Ctrl-S)에 실패한 뒤에 볼 수 있습니다.",
            "The solution opens after a failed check (Ctrl-S).",
        )
    }

    pub fn editor_solution_replaces(&self) -> &'static str {
        self.pick_str(
            "정답이 바꿀 줄 (- 지울 줄, + 넣을 줄; Ctrl-Z로 한 번에 되돌림):",
            "What the solution replaces (- removed, + added; Ctrl-Z undoes it at once):",
        )
    }

    pub fn editor_no_editor(&self) -> &'static str {
        self.pick_str(
            "$VISUAL이나 $EDITOR가 설정되어 있지 않습니다 (예: export EDITOR=nano).",
            "Neither $VISUAL nor $EDITOR is set (for example: export EDITOR=nano).",
        )
    }

    pub fn editor_external_failed(&self, why: &str) -> String {
        match self.lang {
            Lang::Ko => format!("외부 편집기 실패: {why}. 글은 그대로입니다."),
            Lang::En => format!("The external editor failed: {why}. Your text is unchanged."),
        }
    }

    pub fn editor_external_done(&self, editor: &str) -> String {
        match self.lang {
            Lang::Ko => format!("{editor}에서 고친 글을 불러왔습니다."),
            Lang::En => format!("Loaded the text edited in {editor}."),
        }
    }

    pub fn editor_hint_none(&self) -> &'static str {
        self.pick_str("힌트를 모두 보았습니다.", "No more hints.")
    }

    pub fn editor_stale(&self) -> &'static str {
        self.pick_str(
            "(확인한 뒤 글이 바뀌었습니다)",
            "(the text changed since this check)",
        )
    }
}
