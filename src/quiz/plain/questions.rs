//! The words of `kubetutor quiz --plain`, in the student's language: a
//! question with its numbered choices, the feedback on an answer, the
//! simulator's outcome of a `predict` question, the score.

use super::{clean, points};
use crate::lang::Lang;
use crate::quiz::check::{Answer, CheckError, Picked};
use crate::quiz::lesson::{LessonScore, Question};
use crate::quiz::shuffle::{index_at, position_of};
use crate::quiz::spec::{Observe, QuizKind, QuizSpec};
use crate::quiz::{Reveal, Verdict};

/// The words of the plain quiz in the student's language.
#[derive(Debug, Clone, Copy)]
pub struct Words(pub Lang);

impl Words {
    fn ko(self) -> bool {
        self.0 == Lang::Ko
    }

    pub fn fallback(self, id: &str) -> String {
        let id = clean(id);
        match self.0 {
            Lang::En => {
                format!("Note: lesson '{id}' has no English version; asking the Korean one.")
            }
            Lang::Ko => format!("참고: '{id}' 레슨은 한국어판이 없어 영어판으로 묻습니다."),
        }
    }

    pub fn no_questions(self, id: &str) -> String {
        let id = clean(id);
        if self.ko() {
            format!("'{id}' 레슨에는 문제가 없습니다.")
        } else {
            format!("Lesson '{id}' has no questions.")
        }
    }

    pub fn title(self, title: &str, n: usize) -> String {
        if self.ko() {
            format!("퀴즈: {title} ({n}문제)")
        } else {
            format!(
                "Quiz: {title} ({n} question{})",
                if n == 1 { "" } else { "s" }
            )
        }
    }

    pub fn skipped(self, (n, total): (usize, usize), why: &str) -> String {
        if self.ko() {
            format!(
                "문제 {n}/{total}: 시뮬레이터가 이 문제를 재현하지 못해 건너뜁니다 ({}).",
                clean(why)
            )
        } else {
            format!(
                "Question {n} of {total} is skipped: the simulator could not play it ({}).",
                clean(why)
            )
        }
    }

    pub fn question_text(self, q: &Question, (n, total): (usize, usize)) -> String {
        let spec = q.attempt.spec();
        let mut s = String::new();
        let kind = match (spec.kind, self.0) {
            (QuizKind::Choice, _) => "",
            (QuizKind::Multi, Lang::En) => " (select all that apply)",
            (QuizKind::Multi, Lang::Ko) => " (맞는 것을 모두 고르세요)",
            (QuizKind::Order, Lang::En) => " (put in order)",
            (QuizKind::Order, Lang::Ko) => " (순서대로 놓으세요)",
            (QuizKind::Text, Lang::En) => " (short answer)",
            (QuizKind::Text, Lang::Ko) => " (단답형)",
            (QuizKind::Predict, Lang::En) => " (predict: the simulator plays it out)",
            (QuizKind::Predict, Lang::Ko) => " (예측: 시뮬레이터가 실제로 돌려 봅니다)",
        };
        s.push_str(&match self.0 {
            Lang::En => format!("Question {n} of {total}{kind}\n"),
            Lang::Ko => format!("문제 {n}/{total}{kind}\n"),
        });
        s.push_str(&clean(spec.question.trim()));
        s.push('\n');
        match spec.kind {
            QuizKind::Order => {
                for (p, &i) in q.attempt.shown_items().iter().enumerate() {
                    s.push_str(&format!("  {}. {}\n", p + 1, clean(&spec.items[i])));
                }
            }
            QuizKind::Text => {}
            _ => {
                for (p, &i) in q.attempt.shown_choices().iter().enumerate() {
                    s.push_str(&format!("  {}. {}\n", p + 1, clean(&spec.choices[i].text)));
                }
            }
        }
        let how = match (spec.kind, self.0) {
            (QuizKind::Multi, Lang::En) => "Type the numbers of every right choice, like 1, 3",
            (QuizKind::Multi, Lang::Ko) => "맞는 보기의 번호를 모두 입력하세요 (예: 1, 3)",
            (QuizKind::Order, Lang::En) => "Type the item numbers in the right order, like 3 1 2",
            (QuizKind::Order, Lang::Ko) => "항목 번호를 올바른 순서로 입력하세요 (예: 3 1 2)",
            (QuizKind::Text, Lang::En) => "Type your answer",
            (QuizKind::Text, Lang::Ko) => "답을 입력하세요",
            (_, Lang::En) => "Type a number or the choice's text",
            (_, Lang::Ko) => "번호나 보기의 글을 입력하세요",
        };
        s.push_str(&match self.0 {
            Lang::En => format!("{how}; h: hint, ?: show the answer, q: stop."),
            Lang::Ko => format!("{how}. h: 힌트, ?: 정답 보기, q: 그만하기."),
        });
        s
    }

    pub fn hint(self, n: usize, total: usize, text: &str) -> String {
        if self.ko() {
            format!("힌트 {n}/{total}: {}", clean(text))
        } else {
            format!("Hint {n} of {total}: {}", clean(text))
        }
    }

    pub fn no_hints(self) -> &'static str {
        self.0.pick(
            "이 문제에는 힌트가 없습니다.",
            "This question has no hints.",
        )
    }

    pub fn no_more_hints(self) -> &'static str {
        self.0.pick("힌트를 모두 보았습니다.", "No more hints.")
    }

    /// `The answer: 2. Failed`, numbered as the choices were shown.
    pub fn answer_line(self, spec: &QuizSpec, shown: &[usize], answer: &Answer) -> String {
        let text = clean(&answer.describe_shown(spec, shown));
        if self.ko() {
            format!("정답: {text}")
        } else {
            format!("The answer: {text}")
        }
    }

    pub fn explain(self, spec: &QuizSpec) -> Option<String> {
        spec.explain.as_ref().map(|e| clean(e.trim()))
    }

    pub fn reveal(self, spec: &QuizSpec, shown: &[usize], r: &Reveal) -> String {
        let mut s = self.answer_line(spec, shown, &r.answer);
        let multi = spec.kind == QuizKind::Multi;
        for line in self.choice_lines(spec, shown, &r.explained, multi) {
            s.push('\n');
            s.push_str(&line);
        }
        if let Some(e) = &r.explain {
            s.push('\n');
            s.push_str(&clean(e.trim()));
        }
        s
    }

    pub fn verdict(self, spec: &QuizSpec, shown: &[usize], v: &Verdict) -> String {
        let ko = self.ko();
        let mut lines = vec![
            match (v.correct, v.can_retry, ko) {
                (true, _, false) => "Right!",
                (true, _, true) => "맞았습니다!",
                (false, true, false) => "Not quite.",
                (false, true, true) => "아쉽지만 틀렸습니다.",
                (false, false, false) => "Wrong again.",
                (false, false, true) => "이번에도 틀렸습니다.",
            }
            .to_string(),
        ];
        let multi = spec.kind == QuizKind::Multi;
        if let Some(missing) = v.missing {
            // A first miss of a `multi` question: the wrong picks and how
            // many right ones are missing, nothing that gives the key away.
            lines.push(self.multi_miss(spec, shown, v, missing));
        } else if !(multi && v.answer.is_some()) {
            // (Once a `multi` question is over, every choice is told below.)
            lines.extend(self.choice_lines(spec, shown, &v.picked, multi));
        }
        if let Some(n) = v.in_place {
            let total = spec.items.len();
            lines.push(if ko {
                format!("{total}개 중 {n}개가 제자리에 있습니다.")
            } else {
                format!("{n} of {total} items are in the right place.")
            });
        }
        if v.can_retry {
            lines.push(
                self.0
                    .pick(
                        "한 번 더 해 보세요 (h: 힌트, ?: 정답 보기).",
                        "Try once more (h: hint, ?: show the answer).",
                    )
                    .to_string(),
            );
        }
        if let Some(answer) = &v.answer
            && !v.correct
        {
            lines.push(self.answer_line(spec, shown, answer));
        }
        lines.extend(self.choice_lines(spec, shown, &v.explained, multi));
        if v.answer.is_some()
            && let Some(e) = self.explain(spec)
        {
            lines.push(e);
        }
        lines.join("\n")
    }

    /// `  2. Failed (wrong): why`, one line per choice, numbered as shown.
    fn choice_lines(
        self,
        spec: &QuizSpec,
        shown: &[usize],
        choices: &[Picked],
        tagged: bool,
    ) -> Vec<String> {
        let ko = self.ko();
        let mut choices: Vec<&Picked> = choices.iter().collect();
        choices.sort_by_key(|p| position_of(shown, p.choice));
        choices
            .into_iter()
            .filter_map(|p| {
                let c = spec.choices.get(p.choice)?;
                let tag = match (tagged, p.correct, ko) {
                    (false, _, _) => "",
                    (true, true, false) => " (right)",
                    (true, true, true) => " (맞음)",
                    (true, false, false) => " (wrong)",
                    (true, false, true) => " (틀림)",
                };
                let why = p
                    .why
                    .as_ref()
                    .map(|w| format!(": {}", clean(w.trim())))
                    .unwrap_or_default();
                let n = position_of(shown, p.choice) + 1;
                Some(format!("  {n}. {}{tag}{why}", clean(&c.text)))
            })
            .collect()
    }

    /// After a first miss of a `multi` question: which picks were wrong,
    /// and how many right choices are missing.
    fn multi_miss(self, spec: &QuizSpec, shown: &[usize], v: &Verdict, missing: usize) -> String {
        let mut numbers: Vec<usize> = v
            .picked
            .iter()
            .map(|p| position_of(shown, p.choice) + 1)
            .collect();
        numbers.sort_unstable();
        let named = numbers
            .iter()
            .map(|n| {
                let text = spec
                    .choices
                    .get(index_at(shown, n - 1))
                    .map_or(String::new(), |c| clean(&c.text));
                format!("{n}. {text}")
            })
            .collect::<Vec<_>>()
            .join("; ");
        match (self.0, numbers.len(), missing) {
            (Lang::En, 0, m) => format!(
                "Every choice you picked is right, but {m} right choice{} missing.",
                if m == 1 { " is" } else { "s are" }
            ),
            (Lang::Ko, 0, m) => format!("고른 보기는 모두 맞지만, 맞는 보기 {m}개가 빠졌습니다."),
            (Lang::En, _, 0) => format!("Wrong picks: {named}. No right choice is missing."),
            (Lang::Ko, _, 0) => format!("틀린 보기: {named}. 빠진 맞는 보기는 없습니다."),
            (Lang::En, _, m) => format!(
                "Wrong picks: {named}. {m} right choice{} missing.",
                if m == 1 { " is" } else { "s are" }
            ),
            (Lang::Ko, _, m) => format!("틀린 보기: {named}. 맞는 보기 {m}개가 빠졌습니다."),
        }
    }

    pub fn check_error(self, e: &CheckError) -> String {
        match (e, self.0) {
            (CheckError::NoSuchChoice { index, count }, Lang::Ko) => format!(
                "{}번 보기는 없습니다. 1부터 {count} 사이의 번호를 입력하세요.",
                index + 1
            ),
            (CheckError::NotAPermutation { count }, Lang::Ko) => {
                format!("1부터 {count}까지 모든 항목을 한 번씩 입력하세요.")
            }
            (CheckError::Empty, Lang::Ko) => "답을 입력하세요.".into(),
            (CheckError::NeedsObservation, Lang::Ko) => {
                "시뮬레이터가 아직 이 문제를 재현하지 않았습니다.".into()
            }
            (e, _) => {
                let s = e.to_string();
                let mut c = s.chars();
                match c.next() {
                    Some(f) => format!("{}{}.", f.to_uppercase(), c.as_str()),
                    None => s,
                }
            }
        }
    }

    pub fn cluster_did(self, o: &Observe, after_ms: u64) -> String {
        let target = observe_target(o);
        let after = crate::duration::format_millis(after_ms);
        if self.ko() {
            format!(
                "클러스터에서 일어난 일 ({target}의 {}, {after} 동안):",
                o.field
            )
        } else {
            format!(
                "What the cluster did ({} of {target}, over {after}):",
                o.field
            )
        }
    }

    pub fn simulator_shows(self, value: &str) -> String {
        if self.ko() {
            format!("시뮬레이터 결과: {}", clean(value))
        } else {
            format!("The simulator shows: {}", clean(value))
        }
    }

    pub fn stopped(self, index: usize, total: usize) -> String {
        if self.ko() {
            format!("{total}문제 중 {}번째 문제에서 멈췄습니다.", index + 1)
        } else {
            format!("Stopped at question {} of {total}.", index + 1)
        }
    }

    pub fn score(self, s: &LessonScore, stopped: bool) -> String {
        let points = points(s.points);
        let of = if stopped { s.finished } else { s.total };
        match (self.0, stopped) {
            (Lang::En, false) => format!(
                "Score: {points} / {of} ({} right on the first try, {} on the second, {} shown).",
                s.first_try, s.second_try, s.revealed
            ),
            (Lang::En, true) => format!(
                "Score so far: {points} / {of} ({} right on the first try, {} on the second, {} shown).",
                s.first_try, s.second_try, s.revealed
            ),
            (Lang::Ko, false) => format!(
                "점수: {points} / {of} (첫 시도에 맞힘 {}, 두 번째에 맞힘 {}, 정답 보기 {}).",
                s.first_try, s.second_try, s.revealed
            ),
            (Lang::Ko, true) => format!(
                "지금까지 점수: {points} / {of} (첫 시도에 맞힘 {}, 두 번째에 맞힘 {}, 정답 보기 {}).",
                s.first_try, s.second_try, s.revealed
            ),
        }
    }
}

/// `pod crash-demo`, `pods app=web`, `deployment web`.
pub fn observe_target(o: &Observe) -> String {
    o.target()
        .map(|(kind, name)| format!("{kind} {}", clean(name)))
        .unwrap_or_default()
}
