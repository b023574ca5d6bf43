//! Loading and parsing a whole course: the embedded course (17 lessons in
//! Korean and English, about 450 KB; target: under 5 ms), a generated course
//! of 17x2 smaller lessons built from test fixtures (about 7 KB each: prose, a
//! table, code, a cluster step, two quizzes and an exercise), and one lesson
//! on its own. Files are parsed on every core (see `lesson::catalog`).

use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::lang::Lang;
use kubetutor::lesson::{Catalog, LessonFile, parse_lesson};
use std::hint::black_box;

const LESSONS: usize = 17;
const NOTES: &str = include_str!("../tests/fixtures/lessons/jekyll/02-kubernetes-notes.md");
const PODS: &str = include_str!("../tests/fixtures/lessons/course/en/01-pods.md");
const PHASES: &str = include_str!("../tests/fixtures/lessons/course/ko/phases.md");

/// The text after a file's front matter.
fn body(text: &str) -> &str {
    let rest = text
        .strip_prefix("---\n")
        .expect("fixture has front matter");
    &rest[rest.find("\n---\n").expect("closed front matter") + 5..]
}

/// One lesson of realistic size built from the fixtures.
fn lesson(i: usize, lang: Lang) -> String {
    let notes: Vec<&str> = body(NOTES).split("\n## ").skip(1).collect();
    let prose = |k: usize| notes[(i + k) % notes.len()];
    let phases = body(PHASES).replace("## 정리\n\n---\n", "");
    format!(
        "---\nid: lesson-{i}\ntitle: Lesson {i} ({lang})\norder: {i}\n---\n\n# Lesson {i}\n\n{intro}\n\n## {first}\n{pods}\n\n## {second}\n\n{phases}\n\n## {third}\n",
        intro = prose(0).split_once('\n').map_or("", |(_, rest)| rest),
        first = prose(1),
        pods = body(PODS),
        second = prose(2),
        third = prose(3),
    )
}

fn course() -> Vec<LessonFile> {
    let mut files = Vec::new();
    for lang in Lang::ALL {
        for i in 0..LESSONS {
            files.push(LessonFile {
                path: format!("{lang}/{i:02}-lesson.md"),
                text: lesson(i, lang),
            });
        }
    }
    files
}

fn bench(c: &mut Criterion) {
    let files = course();
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let check = Catalog::from_files("lessons/", files.clone(), Vec::new());
    assert_eq!(check.errors(), &[], "the generated course loads cleanly");
    assert_eq!(check.len(), LESSONS);
    let first = check.get("lesson-0", Lang::En).unwrap().lesson;
    eprintln!(
        "course: {} files, {} KB; a lesson has {} sections, {} quizzes, {} exercises",
        files.len(),
        bytes / 1024,
        first.sections.len(),
        first.quizzes().count(),
        first.exercises().count()
    );

    c.bench_function("load course 17x2 lessons", |b| {
        b.iter_batched(
            || files.clone(),
            |files| black_box(Catalog::from_files("lessons/", files, Vec::new())),
            criterion::BatchSize::SmallInput,
        )
    });
    let one = &files[0].text;
    c.bench_function("parse one lesson", |b| {
        b.iter(|| {
            black_box(parse_lesson(
                "lessons/ko/00-lesson.md",
                black_box(one),
                Lang::Ko,
            ))
        })
    });
    c.bench_function("load embedded course", |b| {
        b.iter(|| black_box(Catalog::embedded()))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
