//! The drill screen's words, in Korean and English: the card's scenario as
//! labelled facts, the question, the verdicts, the cluster pane's notes,
//! the summary and the status bar. (The choices, what each means, the
//! hints and the explanations come from [`crate::quiz::drill::words`] and
//! [`crate::quiz::drill::explain`], shared with the plain mode.)

use crate::lang::Lang;
use crate::quiz::drill::card::{Behaviour, Card, Field, Image, NodeFate, Owner, Trouble};
use crate::quiz::drill::trouble_words;
use crate::quiz::drill::words::span;

pub struct Words(pub Lang);

impl Words {
    fn t(&self, ko: &'static str, en: &'static str) -> &'static str {
        self.0.pick(ko, en)
    }

    fn ko(&self) -> bool {
        self.0 == Lang::Ko
    }

    pub fn title(&self) -> &'static str {
        self.t("파드 단계 드릴", "Pod-phase drill")
    }

    pub fn cluster(&self) -> &'static str {
        self.t("카드의 클러스터", "The card's cluster")
    }

    /// `Card 3 of 10 · new` / `카드 3/10 · 새 카드`.
    pub fn card_of(&self, number: usize, total: usize, review: bool) -> String {
        let kind = match (review, self.ko()) {
            (true, true) => "복습",
            (false, true) => "새 카드",
            (true, false) => "review",
            (false, false) => "new",
        };
        match self.0 {
            Lang::Ko => format!("카드 {number}/{total} · {kind}"),
            Lang::En => format!("Card {number} of {total} · {kind}"),
        }
    }

    /// `2/3 right` / `3장 중 2장 맞힘`.
    pub fn score(&self, right: u32, asked: u32) -> String {
        match self.0 {
            Lang::Ko => format!("{asked}장 중 {right}장 맞힘"),
            Lang::En => format!("{right}/{asked} right"),
        }
    }

    pub fn scenario(&self) -> &'static str {
        self.t("상황", "Scenario")
    }

    pub fn question(&self) -> &'static str {
        self.t("질문", "Question")
    }

    /// The heading of the manifest the card applies.
    pub fn manifest(&self) -> &'static str {
        self.t("매니페스트 (kubectl apply)", "Manifest (kubectl apply)")
    }

    /// What created the pod, as the object (`파드를`, `the Pod`).
    fn made(&self, owner: Owner) -> &'static str {
        match owner {
            Owner::Bare => self.t("파드를", "Pod"),
            Owner::ReplicaSet => self.t("레플리카셋을", "ReplicaSet"),
            Owner::Job => self.t("잡을", "Job"),
        }
    }

    /// When the card looks, in words.
    pub fn elapsed(&self, card: &Card) -> String {
        let after = span(card.after_ms, self.0);
        let made = self.made(card.owner);
        match (card.node, self.0) {
            (NodeFate::Healthy, Lang::Ko) => format!("{made} 만들고 {after} 뒤"),
            (NodeFate::Healthy, Lang::En) => format!("{after} after the {made} was created"),
            (NodeFate::Lost, Lang::Ko) => format!("node-1이 멈추고 {after} 뒤"),
            (NodeFate::Lost, Lang::En) => format!("{after} after node-1 went down"),
        }
    }

    /// What 0:00 of the card's timeline is.
    pub fn zero(&self, card: &Card) -> String {
        let made = self.made(card.owner);
        match (card.node, self.0) {
            (NodeFate::Healthy, Lang::Ko) => format!("0:00 = {made} 만든 때"),
            (NodeFate::Healthy, Lang::En) => format!("0:00 = the {made} was created"),
            (NodeFate::Lost, Lang::Ko) => "0:00 = node-1이 멈춘 때".into(),
            (NodeFate::Lost, Lang::En) => "0:00 = node-1 went down".into(),
        }
    }

    /// The card's setup as (label, value) pairs: owner, restartPolicy,
    /// container, image, node, elapsed time.
    pub fn facts(&self, card: &Card) -> Vec<(&'static str, String)> {
        if card.trouble != Trouble::None {
            return self.trouble_facts(card);
        }
        let (image, command) = card.container();
        let command = command.map(|c| format!("sh -c \"{c}\""));
        let owner = match card.owner {
            Owner::Bare => self.t("없음: 단독으로 만든 파드", "none: a Pod created on its own"),
            Owner::ReplicaSet => self.t("복제본 1개짜리 레플리카셋", "a ReplicaSet with 1 replica"),
            Owner::Job => self.t(
                "잡 (파드 템플릿으로 파드를 만듦)",
                "a Job (makes Pods from its template)",
            ),
        };
        let does = match (card.behaviour, self.ko()) {
            (Behaviour::ExitsZero, true) => "할 일을 하고 바로 종료 코드 0으로 끝남",
            (Behaviour::ExitsZero, false) => "does its work and exits with code 0 at once",
            (Behaviour::ExitsOne, true) => "바로 종료 코드 1로 실패",
            (Behaviour::ExitsOne, false) => "fails at once with exit code 1",
            (Behaviour::KeepsRunning, true) => "계속 실행되는 웹 서버",
            (Behaviour::KeepsRunning, false) => "a web server that keeps running",
            (Behaviour::Crashes, true) => "시작할 때마다 5초 실행 후 종료 코드 1로 죽음",
            (Behaviour::Crashes, false) => "runs 5 s, then crashes with exit code 1, every time",
        };
        let container = match command {
            Some(cmd) => format!("{does}: {cmd}"),
            None => does.to_string(),
        };
        let pull = match (card.image, self.ko()) {
            (Image::Pullable, true) => "받을 수 있음",
            (Image::Pullable, false) => "can be pulled",
            (Image::Typo, true) => "이름에 오타: 받을 수 없는 이미지",
            (Image::Typo, false) => "a typo in the name: no such image to pull",
        };
        let node = match (card.node, self.0) {
            (NodeFate::Healthy, Lang::Ko) => "node-1 (nodeSelector로 지정), 계속 정상".to_string(),
            (NodeFate::Healthy, Lang::En) => "node-1 (nodeSelector), stays healthy".to_string(),
            (NodeFate::Lost, Lang::Ko) => format!(
                "node-1 (nodeSelector로 지정), {} 만들고 20초 뒤 전원이 나감",
                self.made(card.owner)
            ),
            (NodeFate::Lost, Lang::En) => format!(
                "node-1 (nodeSelector), loses power 20 s after the {} is created",
                self.made(card.owner)
            ),
        };
        vec![
            (self.t("소유자", "Owner"), owner.to_string()),
            ("restartPolicy", card.policy.name().to_string()),
            (self.t("컨테이너", "Container"), container),
            (self.t("이미지", "Image"), format!("{image} — {pull}")),
            (self.t("노드", "Node"), node),
            (self.t("경과 시간", "Elapsed"), self.elapsed(card)),
        ]
    }

    /// A trouble card's setup: owner, restartPolicy, image, what the
    /// container is and what is wrong around it, node, elapsed time.
    fn trouble_facts(&self, card: &Card) -> Vec<(&'static str, String)> {
        vec![
            (
                self.t("소유자", "Owner"),
                self.t("없음: 단독으로 만든 파드", "none: a Pod created on its own")
                    .to_string(),
            ),
            ("restartPolicy", card.policy.name().to_string()),
            (
                self.t("이미지", "Image"),
                format!(
                    "{} — {}",
                    card.trouble.image(),
                    self.t("받을 수 있음", "can be pulled")
                ),
            ),
            (
                self.t("컨테이너", "Container"),
                trouble_words::scenario(card.trouble, self.0),
            ),
            (
                self.t("노드", "Node"),
                self.t(
                    "node-1 (nodeSelector로 지정), 계속 정상",
                    "node-1 (nodeSelector), stays healthy",
                )
                .to_string(),
            ),
            (self.t("경과 시간", "Elapsed"), self.elapsed(card)),
        ]
    }

    /// The question: the phase, the STATUS or the RESTARTS, at that moment.
    pub fn ask(&self, card: &Card) -> String {
        let target = match (card.owner, self.ko()) {
            (Owner::Bare, true) => "이 파드",
            (Owner::ReplicaSet, true) => "레플리카셋이 만든 파드",
            (Owner::Job, true) => "잡이 처음 만든 파드",
            (Owner::Bare, false) => "the Pod",
            (Owner::ReplicaSet, false) => "the Pod the ReplicaSet created",
            (Owner::Job, false) => "the first Pod the Job created",
        };
        let when = self.elapsed(card);
        match (card.field, self.0) {
            (Field::Phase, Lang::Ko) => {
                format!("{when}, {target}의 단계(status.phase)는 무엇일까요?")
            }
            (Field::Phase, Lang::En) => {
                format!("{when}, what is the phase (status.phase) of {target}?")
            }
            (Field::Status, Lang::Ko) => {
                format!(
                    "{when}, `kubectl get pods`의 STATUS 열에는 {target}에 대해 무엇이 보일까요?"
                )
            }
            (Field::Status, Lang::En) => format!(
                "{when}, what does `kubectl get pods` show in the STATUS column for {target}?"
            ),
            (Field::Restarts, Lang::Ko) => {
                format!(
                    "{when}, `kubectl get pods`의 RESTARTS 열에는 {target}에 대해 무엇이 보일까요?"
                )
            }
            (Field::Restarts, Lang::En) => format!(
                "{when}, what does `kubectl get pods` show in the RESTARTS column for {target}?"
            ),
            (Field::Ready, Lang::Ko) => {
                format!(
                    "{when}, `kubectl get pods`의 READY 열에는 {target}에 대해 무엇이 보일까요?"
                )
            }
            (Field::Ready, Lang::En) => format!(
                "{when}, what does `kubectl get pods` show in the READY column for {target}?"
            ),
        }
    }

    pub fn answer_keys(&self, choices: usize) -> String {
        let last = choices.clamp(1, 9);
        match self.0 {
            Lang::Ko => format!("1–{last} 또는 ↑↓: 고르기 · Enter: 확인 · h: 힌트 · s: 정답 보기"),
            Lang::En => {
                format!("1–{last} or ↑↓: pick · Enter: check · h: hint · s: show the answer")
            }
        }
    }

    /// Enter with nothing picked (the same words as a lesson's quiz).
    pub fn pick_first(&self) -> &'static str {
        crate::tui::i18n::Ui::new(self.0).quiz_pick_first()
    }

    pub fn hint(&self) -> &'static str {
        self.t("힌트", "Hint")
    }

    pub fn no_more_hints(&self) -> &'static str {
        self.t("힌트를 모두 보았습니다.", "No more hints.")
    }

    pub fn right(&self, hinted: bool) -> &'static str {
        match hinted {
            true => self.t("✔ 맞았습니다 (힌트를 보고).", "✔ Right (after a hint)."),
            false => self.t("✔ 맞았습니다!", "✔ Right!"),
        }
    }

    /// `✘ Wrong. The answer: 3. Failed`, or the answer shown on request.
    pub fn not_right(&self, revealed: bool, answer: &str) -> String {
        match (revealed, self.0) {
            (true, Lang::Ko) => format!("● 정답: {answer}"),
            (true, Lang::En) => format!("● The answer: {answer}"),
            (false, Lang::Ko) => format!("✘ 틀렸습니다. 정답: {answer}"),
            (false, Lang::En) => format!("✘ Wrong. The answer: {answer}"),
        }
    }

    pub fn why(&self) -> &'static str {
        self.t("이유", "Why")
    }

    pub fn timeline(&self, card: &Card) -> String {
        let after = span(card.after_ms, self.0);
        match self.0 {
            Lang::Ko => format!(
                "클러스터에서 일어난 일 ({}, 카드가 묻는 때: {after})",
                self.zero(card)
            ),
            Lang::En => format!(
                "What the cluster did ({}; the card looks at {after})",
                self.zero(card)
            ),
        }
    }

    pub fn next_keys(&self, last: bool, narrow: bool) -> String {
        let next = match (last, self.ko()) {
            (false, true) => "Enter 또는 →: 다음 카드",
            (true, true) => "Enter 또는 →: 결과 보기",
            (false, false) => "Enter or →: next card",
            (true, false) => "Enter or →: the summary",
        };
        let watch = match (narrow, self.ko()) {
            (true, true) => " · Tab: 클러스터 보기",
            (true, false) => " · Tab: watch the cluster",
            (false, true) => "",
            (false, false) => "",
        };
        format!(
            "{next}{watch} · r: {}",
            self.t("클러스터 다시 재생", "replay the cluster")
        )
    }
}

/// The cluster pane's words.
impl Words {
    pub fn waiting(&self, card: &Card) -> String {
        let after = span(card.after_ms, self.0);
        match self.0 {
            Lang::Ko => format!(
                "카드의 0:00 ({}). 답하면 {after} 뒤까지 진행합니다.",
                self.zero(card)
            ),
            Lang::En => format!(
                "The card at 0:00 ({}). Answer to watch it play out to {after}.",
                self.zero(card)
            ),
        }
    }

    pub fn playing(&self, card: &Card, speed: u64) -> String {
        let after = span(card.after_ms, self.0);
        match self.0 {
            Lang::Ko => format!(
                "▶ {after} 뒤까지 {speed}× 속도로 재생 중 ({})",
                self.zero(card)
            ),
            Lang::En => format!("▶ Playing to {after} at {speed}× ({})", self.zero(card)),
        }
    }

    pub fn at_moment(&self, card: &Card) -> String {
        match self.0 {
            Lang::Ko => format!("■ 카드가 묻는 때: {}", self.elapsed(card)),
            Lang::En => format!("■ The card's moment: {}", self.elapsed(card)),
        }
    }

    /// The card's pod as kubectl shows it.
    pub fn pod_line(&self, pod: &str, phase: &str, status: &str, restarts: u32) -> String {
        match self.0 {
            Lang::Ko => format!("{pod}: 단계 {phase} · STATUS {status} · RESTARTS {restarts}"),
            Lang::En => format!("{pod}: phase {phase} · STATUS {status} · RESTARTS {restarts}"),
        }
    }

    pub fn pod_absent(&self, pod: &str, seen: bool) -> String {
        match (seen, self.0) {
            (true, Lang::Ko) => format!("{pod}: 파드가 없음 (삭제됨)"),
            (true, Lang::En) => format!("{pod}: no Pod any more (deleted)"),
            (false, Lang::Ko) => format!("{pod}: 아직 만들어지지 않음"),
            (false, Lang::En) => format!("{pod}: not created yet"),
        }
    }

    pub fn setup_failed(&self) -> &'static str {
        self.t("클러스터 설정 오류", "Cluster setup failed")
    }
}

/// The summary's and the status bar's words.
impl Words {
    pub fn summary_title(&self) -> &'static str {
        self.t("드릴 결과", "Drill summary")
    }

    pub fn no_cards(&self) -> &'static str {
        self.t(
            "복습할 카드도 새 카드도 없습니다.",
            "No card is due and no new card is left.",
        )
    }

    /// The session's result in one sentence.
    pub fn result(&self, right: u32, asked: u32, planned: usize, stopped: bool) -> String {
        let pct = if asked == 0 {
            String::new()
        } else {
            format!(" ({:.0}%)", f64::from(right) * 100.0 / f64::from(asked))
        };
        match (stopped, self.0) {
            (false, Lang::Ko) => format!("드릴을 마쳤습니다: {asked}장 중 {right}장 맞힘{pct}."),
            (false, Lang::En) => format!("Drill finished: {right} of {asked} right{pct}."),
            (true, Lang::Ko) => {
                format!("드릴을 멈췄습니다: {planned}장 중 {asked}장에 답했고 {right}장 맞힘{pct}.")
            }
            (true, Lang::En) => {
                format!("Drill stopped: {asked} of {planned} cards answered, {right} right{pct}.")
            }
        }
    }

    pub fn saved_in(&self, path: &str) -> String {
        match self.0 {
            Lang::Ko => format!("복습 기록은 {path}에 저장되었습니다."),
            Lang::En => format!("Reviews are saved in {path}."),
        }
    }

    pub fn not_saved(&self) -> &'static str {
        self.t(
            "진행 파일이 없어 복습 기록이 저장되지 않았습니다.",
            "No progress file: the reviews were not saved.",
        )
    }

    pub fn skipped(&self, key: &str, why: &str) -> String {
        match self.0 {
            Lang::Ko => format!("건너뛴 카드 {key}: {why}"),
            Lang::En => format!("Skipped card {key}: {why}"),
        }
    }

    pub fn leave_keys(&self, standalone: bool) -> &'static str {
        match standalone {
            true => self.t("Enter, Esc 또는 q: 끝내기", "Enter, Esc or q: quit"),
            false => self.t(
                "Enter, Esc 또는 q: 강의로 돌아가기",
                "Enter, Esc or q: back to the lesson",
            ),
        }
    }

    pub fn status_asking(&self) -> &'static str {
        self.t(
            "1-9 ↑↓ 고르기  Enter 확인  h 힌트  s 정답  Tab 창  Esc 끝내기  ? 도움말",
            "1-9 ↑↓ pick  Enter check  h hint  s show  Tab pane  Esc end  ? help",
        )
    }

    pub fn status_answered(&self) -> &'static str {
        self.t(
            "Enter → 다음  r 다시 재생  ↑↓ 스크롤  Tab 창  Esc 끝내기  ? 도움말",
            "Enter → next  r replay  ↑↓ scroll  Tab pane  Esc end  ? help",
        )
    }

    pub fn status_ended(&self, standalone: bool) -> &'static str {
        match standalone {
            true => self.t("Enter Esc q 끝내기", "Enter Esc q quit"),
            false => self.t("Enter Esc q 강의로", "Enter Esc q back to the lesson"),
        }
    }
}
