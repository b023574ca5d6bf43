//! The cluster pane. Until the simulator is wired in it shows what the
//! current section's `cluster` block would set up, and says plainly that the
//! live view is not part of this build.

use super::super::action::Pane;
use super::super::app::App;
use super::super::i18n::Ui;
use super::super::theme::Chrome;
use super::lesson::pane_block;
use crate::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

pub fn draw(frame: &mut Frame, area: Rect, app: &mut App, ui: &Ui, chrome: &Chrome) {
    let block = pane_block(
        ui.cluster(),
        "",
        app.focus == Pane::Cluster,
        area.width,
        chrome,
    );
    let inner = block.inner(area);
    frame.render_widget(block, area);
    app.geometry.cluster = Some(area);
    if inner.width == 0 || inner.height == 0 {
        return;
    }
    let setup = app
        .current()
        .and_then(|f| f.lesson.sections.get(app.section))
        .and_then(|s| s.cluster())
        .map(|c| c.value.clone());
    let mut paragraphs = Vec::new();
    match setup {
        Some(setup) => {
            paragraphs.push(format!(
                "{}: {}",
                ui.lang.pick("이 단계의 클러스터 설정", "This step sets up"),
                setup.label()
            ));
            if let Some(caption) = setup.caption {
                paragraphs.push(caption);
            }
        }
        None => paragraphs.push(
            ui.lang
                .pick(
                    "이 단계에는 클러스터 설정이 없습니다.",
                    "This step has no cluster setup.",
                )
                .to_string(),
        ),
    }
    paragraphs.push(
        ui.lang
            .pick(
                "실시간 클러스터 보기는 이 빌드에 아직 없습니다.",
                "The live cluster view is not part of this build yet.",
            )
            .to_string(),
    );
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for p in paragraphs {
        lines.extend(
            text::wrap_str(&text::sanitize(&p), width)
                .into_iter()
                .map(Line::from),
        );
        lines.push(Line::from(""));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
