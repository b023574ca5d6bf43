//! A `predict` question replays its own setup in the cluster pane, in a
//! cluster made for it (not the section's), with the pane's title saying so;
//! when the replay ends, the section's cluster comes back as it was. For
//! every predict question of the course, the objects the question is about
//! appear in the replayed pane.

#[path = "support/tui.rs"]
mod support;

use kubetutor::lang::Lang;
use kubetutor::lesson::Catalog;
use kubetutor::lesson::model::Block;
use kubetutor::markdown::Theme;
use kubetutor::quiz::predict;
use kubetutor::quiz::spec::{QuizKind, QuizSpec};
use kubetutor::tui::action::Action;
use kubetutor::tui::app::{App, Options};
use kubetutor::tui::blocks::{BlockKey, HOLD_TICKS, PLAY_TICKS};
use support::screen;

const W: u16 = 200;
const H: u16 = 60;

/// The cluster pane's part of a 200-column screen (the right 42 %).
fn pane(screen: &str) -> String {
    screen
        .lines()
        .map(|l| l.chars().skip(117).collect::<String>())
        .collect::<Vec<_>>()
        .join("\n")
}

fn app(lesson: &str, lang: Lang) -> App {
    App::new(
        Catalog::embedded(),
        Options {
            lang,
            start: Some(lesson.into()),
            theme: Theme::plain(),
            color: false,
        },
        None,
    )
}

/// Open `section` of the app's lesson and focus question `id` (block
/// `block` of that section).
fn focus(app: &mut App, lesson: &str, section: usize, block: usize) {
    app.open(lesson, section);
    app.apply(Action::Tick(100));
    for _ in 0..20 {
        if app.blocks.focus == Some(block) {
            return;
        }
        app.apply(Action::Block(BlockKey::Next));
    }
    panic!("block {block} of section {section} never took the focus");
}

/// The names the question is about, as the cluster pane prints them.
fn objects(spec: &QuizSpec) -> Vec<String> {
    let observe = spec.observe.as_ref().unwrap();
    let (kind, name) = observe.target().unwrap();
    if kind != "pods" {
        return vec![name.to_string()];
    }
    // A selector: the pods it selects once the setup's manifests are
    // applied (before its commands, which may delete them: a deleted bare
    // Pod is gone in a second, its events stay in the pane), at the start
    // of the replay or after the wait. The commands draw from the random
    // source (a Pod's uid and token volume), so the controllers' Pods are
    // named as in the replay only in the cluster that ran them.
    let selector = kubetutor::sim::selector::parse(name).unwrap();
    let mut names = Vec::new();
    // Bare Pods only from the setup without its commands: a controller's Pods
    // are named from the random draws, which the commands shift. The
    // cluster's own pods (kube-system) carry labels such as `tier` and are
    // no question's objects.
    let mut add = |cluster: &kubetutor::sim::Cluster, bare_only: bool| {
        for p in cluster.store().pods().iter() {
            if p.meta.namespace == "kube-system" || bare_only && p.meta.owner.is_some() {
                continue;
            }
            if selector.matches(&p.meta.labels) && !names.contains(&p.meta.name) {
                names.push(p.meta.name.clone());
            }
        }
    };
    let mut applied = spec.setup.clone().unwrap_or_default();
    applied.commands.clear();
    let mut cluster = kubetutor::sim::Cluster::from_setup(&applied, predict::SEED).unwrap();
    cluster.advance(1_000);
    add(&cluster, true);
    let mut cluster = predict::start(spec, predict::SEED).unwrap();
    add(&cluster, false);
    cluster.advance(predict::after_ms(spec).unwrap());
    add(&cluster, false);
    names
}

#[test]
fn every_predict_question_replays_its_own_objects() {
    let catalog = Catalog::embedded();
    let mut checked = 0;
    for found in catalog.lessons(Lang::En) {
        let lesson = found.lesson;
        for (section, s) in lesson.sections.iter().enumerate() {
            for (block, b) in s.blocks.iter().enumerate() {
                let Block::Quiz(q) = b else { continue };
                let spec = &q.value;
                if spec.kind != QuizKind::Predict {
                    continue;
                }
                let mut app = app(&lesson.id, Lang::En);
                focus(&mut app, &lesson.id, section, block);
                let before = pane(&screen(&mut app, W, H));
                let question = app
                    .blocks
                    .quiz
                    .as_ref()
                    .unwrap()
                    .questions()
                    .iter()
                    .find(|x| x.id() == spec.id)
                    .unwrap()
                    .clone();
                let right = question.predicted().unwrap().choice.unwrap();
                let n = question.attempt.choice_number(right);
                app.apply(Action::Block(BlockKey::Number(n as u8)));
                app.apply(Action::Block(BlockKey::Enter));
                assert!(app.blocks.playback.is_some(), "{}: replayed", spec.id);
                // Every frame of the replay, until it ends.
                let mut frames = vec![pane(&screen(&mut app, W, H))];
                for _ in 0..PLAY_TICKS {
                    app.apply(Action::Tick(100));
                    frames.push(pane(&screen(&mut app, W, H)));
                }
                let title = format!("Replay · quiz {}", spec.id);
                assert!(frames.iter().all(|f| f.contains(&title)), "{}", frames[0]);
                let names = objects(spec);
                assert!(!names.is_empty(), "{}: nothing to look for", spec.id);
                for name in &names {
                    assert!(
                        frames.iter().any(|f| f.contains(name.as_str())),
                        "{} ({}): `{name}` never appears in the replay:\n{}",
                        lesson.id,
                        spec.id,
                        frames.last().unwrap()
                    );
                }
                // The replay ends: the section's cluster is back as it was.
                for _ in 0..=HOLD_TICKS {
                    app.apply(Action::Tick(100));
                }
                assert!(app.blocks.playback.is_none(), "{}", spec.id);
                let after = pane(&screen(&mut app, W, H));
                assert!(!after.contains(&title), "{after}");
                let head = |p: &str| p.lines().nth(1).unwrap_or_default().to_string();
                assert_eq!(
                    head(&after),
                    head(&before),
                    "{}: the caption is back",
                    spec.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 25, "{checked} predict questions");
}

/// Lesson 5 §5: the bare Pod `solo` of `declarative-bare-pod` is in the
/// pane, not the section's Deployment `web`; then the section's `web` is
/// back with the cluster clock where it stood.
#[test]
fn the_bare_pod_question_shows_solo_then_the_sections_web_again() {
    let mut app = app("declarative", Lang::En);
    let lesson = Catalog::embedded();
    let lesson = lesson.get("declarative", Lang::En).unwrap().lesson;
    let (section, block) = lesson
        .sections
        .iter()
        .enumerate()
        .find_map(|(i, s)| {
            s.blocks
                .iter()
                .position(|b| matches!(b, Block::Quiz(q) if q.value.id == "declarative-bare-pod"))
                .map(|b| (i, b))
        })
        .unwrap();
    focus(&mut app, "declarative", section, block);
    for _ in 0..30 {
        app.apply(Action::Tick(100));
    }
    let before = pane(&screen(&mut app, W, H));
    assert!(
        before.contains("web-"),
        "the section's Deployment:\n{before}"
    );
    let clock = app.live.cluster.now();
    let q = app
        .blocks
        .quiz
        .as_ref()
        .unwrap()
        .questions()
        .iter()
        .find(|q| q.id() == "declarative-bare-pod")
        .unwrap()
        .clone();
    let n = q
        .attempt
        .choice_number(q.predicted().unwrap().choice.unwrap());
    app.apply(Action::Block(BlockKey::Number(n as u8)));
    app.apply(Action::Block(BlockKey::Enter));
    app.apply(Action::Tick(100));
    let replay = pane(&screen(&mut app, W, H));
    assert!(
        replay.contains("Replay · quiz declarative-bare-pod"),
        "{replay}"
    );
    assert!(replay.contains("solo"), "{replay}");
    assert!(
        !replay.contains("web-"),
        "not the section's cluster:\n{replay}"
    );
    while app.blocks.playback.is_some() {
        app.apply(Action::Tick(100));
    }
    let back = pane(&screen(&mut app, W, H));
    assert!(back.contains("web-") && !back.contains("solo"), "{back}");
    assert!(back.contains("┌ Cluster "), "{back}");
    // The section's cluster as it was (not built again from 0:00), run on
    // only for the tick that ended the replay: the replay's time is not its.
    let now = app.live.cluster.now();
    assert!((clock..=clock + 200).contains(&now), "{clock} → {now}");
}
