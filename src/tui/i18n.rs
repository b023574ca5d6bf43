//! Every sentence the interface itself says, in Korean and English.

use crate::lang::Lang;

/// The interface's words in one language.
pub struct Ui {
    pub lang: Lang,
}

/// One key binding as the help overlay and the README list it.
pub struct KeyHelp {
    pub keys: &'static str,
    pub en: &'static str,
    pub ko: &'static str,
}

/// The key table, in the order the help overlay shows it.
pub const KEYS: &[KeyHelp] = &[
    KeyHelp {
        keys: "→ n  /  ← p",
        en: "next / previous section",
        ko: "다음 / 이전 단계",
    },
    KeyHelp {
        keys: "↓ j  /  ↑ k",
        en: "scroll one line",
        ko: "한 줄 스크롤",
    },
    KeyHelp {
        keys: "PgDn Space / PgUp",
        en: "scroll one page",
        ko: "한 화면 스크롤",
    },
    KeyHelp {
        keys: "g  /  G",
        en: "top / bottom of the section",
        ko: "단계의 처음 / 끝",
    },
    KeyHelp {
        keys: "mouse wheel",
        en: "scroll the pane under the pointer",
        ko: "포인터 아래 창 스크롤",
    },
    KeyHelp {
        keys: "Tab",
        en: "move focus between the lesson and the cluster",
        ko: "강의 창과 클러스터 창 사이 이동",
    },
    KeyHelp {
        keys: "t",
        en: "course list (Enter opens a lesson)",
        ko: "강의 목록 (Enter로 열기)",
    },
    KeyHelp {
        keys: "L",
        en: "switch language (한국어 / English)",
        ko: "언어 전환 (한국어 / English)",
    },
    KeyHelp {
        keys: "x",
        en: "dismiss the warning banner",
        ko: "경고 배너 닫기",
    },
    KeyHelp {
        keys: "?",
        en: "this help",
        ko: "이 도움말",
    },
    KeyHelp {
        keys: "q  Ctrl-C",
        en: "quit (progress is saved)",
        ko: "종료 (진행 상황은 저장됩니다)",
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

    pub fn course(&self) -> &'static str {
        self.pick("강의 목록", "Course")
    }

    pub fn help(&self) -> &'static str {
        self.pick("도움말", "Help")
    }

    pub fn section_word(&self) -> &'static str {
        self.pick("단계", "section")
    }

    pub fn language_name(&self) -> &'static str {
        self.pick("한국어", "English")
    }

    pub fn other_language_name(&self) -> &'static str {
        self.pick("English", "한국어")
    }

    pub fn status_hints(&self) -> &'static str {
        self.pick(
            "←→ 단계  ↑↓ 스크롤  Tab 창  t 목록  L 언어  ? 도움말  q 종료",
            "←→ section  ↑↓ scroll  Tab pane  t lessons  L language  ? help  q quit",
        )
    }

    pub fn help_footer(&self) -> &'static str {
        self.pick("Esc 또는 ? 로 닫기", "Esc or ? closes")
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

    pub fn load_errors(&self, count: usize) -> String {
        match self.lang {
            Lang::Ko => format!(
                "⚠ 강의 파일 {count}개를 불러오지 못했습니다. 자세한 내용: kubetutor list  (x 닫기)"
            ),
            Lang::En => format!(
                "⚠ {count} lesson file(s) failed to load. Details: kubetutor list  (x dismisses)"
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

    pub fn end_of_course(&self) -> &'static str {
        self.pick(
            "마지막 강의의 마지막 단계입니다.",
            "This is the last section of the course.",
        )
    }
}
