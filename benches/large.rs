//! Inputs far larger than any real one, to show the work grows with the
//! size and nothing more: a 10 MB lesson (loaded, then every section
//! rendered at 120 columns), the same 10 MB as one section, one 1 MB
//! paragraph, and a table of 20,000 rows; streamed as `kubetutor render`
//! does, a 1,000,000-row table and a 10 MB code block, and lessons, tables
//! and code blocks of 20 KB, 200 KB and 2 MB (the sizes compared with
//! mdcat); the lesson pane's window on a 100,000-row table; and nesting at and
//! past the YAML parser's limit up to the size limits. The 10,000-line
//! manifests are in benches/manifest.rs.

use criterion::{Criterion, criterion_group, criterion_main};
use kubetutor::lang::Lang;
use kubetutor::lesson::parse_lesson;
use kubetutor::markdown::{
    CodeLines, Theme, render, render_section, render_section_streamed, render_section_window,
    render_streamed,
};
use std::hint::black_box;

const MB: usize = 1 << 20;
const SAMPLE: &str = include_str!("../tests/fixtures/markdown/lesson.md");
const PODS: &str = include_str!("../tests/fixtures/lessons/course/en/01-pods.md");

/// The Markdown fixture (prose, a table, code, Korean, emoji) and a lesson
/// with quiz and exercise blocks, repeated under `## ` headings (or without
/// them: one section) until the text is `size` bytes.
fn big_lesson(size: usize, sections: bool) -> String {
    let pods = PODS.split_once("\n---\n").map_or(PODS, |(_, b)| b);
    let pods = pods.replace("id: ", "id: x");
    let mut out = String::from("---\nid: big\ntitle: Big\n---\n# Big\n\n");
    let mut i = 0;
    while out.len() < size {
        if sections {
            out.push_str(&format!("\n## Part {i}\n\n"));
        }
        // Unique block ids so the loader's duplicate checks have work to do;
        // the fixtures' own headings pushed below section level.
        out.push_str(&format!("\n{SAMPLE}").replace("\n#", "\n###"));
        out.push_str(
            &pods
                .replace("\n#", "\n###")
                .replace("id: x", &format!("id: x{i}-")),
        );
        i += 1;
    }
    out
}

fn paragraph(size: usize) -> String {
    let words = [
        "파드는",
        "kubelet",
        "컨테이너를",
        "🏗️",
        "실행합니다.",
        "a-very-long-token-without-spaces",
    ];
    let mut out = String::new();
    let mut i = 0;
    while out.len() < size {
        out.push_str(words[i % words.len()]);
        out.push(' ');
        i += 1;
    }
    out
}

fn table(rows: usize) -> String {
    let mut out = String::from("| 상태 | 의미 | 설명 |\n|:---|:---:|---:|\n");
    for i in 0..rows {
        out.push_str(&format!(
            "| **Pending {i}** | 대기 중 | 이미지를 받는 중일 수 있습니다. <br> • 노드를 찾는 중 `{i}` |\n"
        ));
    }
    out
}

fn bench(c: &mut Criterion) {
    let theme = Theme::colored();
    let many = big_lesson(10 * MB, true);
    let one = big_lesson(10 * MB, false);
    let (lesson, errors) = parse_lesson("big.md", &many, Lang::En);
    let lesson = lesson.expect("the big lesson loads");
    assert!(errors.is_empty(), "{:?}", &errors[..errors.len().min(3)]);
    assert!(lesson.sections.len() > 500);
    let (single, _) = parse_lesson("one.md", &one, Lang::En);
    let single = single.expect("loads");
    assert!(single.sections.len() <= 2);

    let mut g = c.benchmark_group("large_lesson_10mb");
    g.sample_size(10);
    g.bench_function("load_many_sections", |b| {
        b.iter(|| parse_lesson("big.md", black_box(&many), Lang::En))
    });
    g.bench_function("render_every_section_120_columns", |b| {
        b.iter(|| {
            lesson
                .sections
                .iter()
                .map(|s| render_section(s, 120, &theme).lines.len())
                .sum::<usize>()
        })
    });
    g.bench_function("load_one_section", |b| {
        b.iter(|| parse_lesson("one.md", black_box(&one), Lang::En))
    });
    g.bench_function("render_one_section_120_columns", |b| {
        b.iter(|| {
            single
                .sections
                .iter()
                .map(|s| render_section(s, 120, &theme).lines.len())
                .sum::<usize>()
        })
    });
    g.finish();

    // The same content at 1, 3 and 10 MB: time per MB should stay flat.
    let mut g = c.benchmark_group("scaling_one_section");
    g.sample_size(10);
    for mb in [1usize, 3, 10] {
        let text = big_lesson(mb * MB, false);
        g.throughput(criterion::Throughput::Bytes(text.len() as u64));
        g.bench_with_input(criterion::BenchmarkId::new("load", mb), &text, |b, t| {
            b.iter(|| parse_lesson("one.md", black_box(t), Lang::En))
        });
        let (l, _) = parse_lesson("one.md", &text, Lang::En);
        let l = l.expect("loads");
        g.bench_with_input(criterion::BenchmarkId::new("render_120", mb), &l, |b, l| {
            b.iter(|| {
                l.sections
                    .iter()
                    .map(|s| render_section(s, 120, &theme).lines.len())
                    .sum::<usize>()
            })
        });
    }
    g.finish();

    let mut g = c.benchmark_group("large_markdown");
    g.sample_size(10);
    let para = paragraph(MB);
    g.bench_function("paragraph_1mb_120_columns", |b| {
        b.iter(|| render(black_box(&para), 120, &theme))
    });
    let rows = table(20_000);
    g.bench_function("table_20000_rows_120_columns", |b| {
        b.iter(|| render(black_box(&rows), 120, &theme))
    });
    g.bench_function("table_20000_rows_40_columns", |b| {
        b.iter(|| render(black_box(&rows), 40, &theme))
    });
    g.finish();

    // Issue #15 item 9: the documents `kubetutor render` streams, rendered
    // the way it does (a line at a time to a sink that drops them).
    let mut g = c.benchmark_group("large_streamed");
    g.sample_size(10);
    let million = narrow_table(1_000_000);
    g.throughput(criterion::Throughput::Bytes(million.len() as u64));
    g.bench_function("table_1m_rows_10mb_120_columns", |b| {
        b.iter(|| streamed_lines(black_box(&million), &theme))
    });
    let code = code_block(10 * MB);
    g.throughput(criterion::Throughput::Bytes(code.len() as u64));
    g.bench_function("code_block_10mb_120_columns", |b| {
        b.iter(|| streamed_lines(black_box(&code), &theme))
    });
    // Without colours, as `kubetutor render` writes to a file or a pipe.
    let plain = Theme::plain();
    g.bench_function("code_block_10mb_120_columns_plain", |b| {
        b.iter(|| streamed_lines(black_box(&code), &plain))
    });
    g.throughput(criterion::Throughput::Bytes(one.len() as u64));
    g.bench_function("lesson_10mb_one_section_120_columns", |b| {
        b.iter(|| {
            let mut n = 0usize;
            for s in &single.sections {
                render_section_streamed(s, 120, &theme, Lang::En, &mut |_| n += 1);
            }
            n
        })
    });
    g.finish();

    // The sizes compared with mdcat, 20 KB to 2 MB (10 MB above): a
    // lesson of many sections, a narrow table, a code block, streamed.
    let mut g = c.benchmark_group("render_sizes");
    g.sample_size(10);
    for (name, bytes) in [("20kb", 20_000), ("200kb", 200_000), ("2mb", 2_000_000)] {
        let text = big_lesson(bytes, true);
        let (l, _) = parse_lesson("sized.md", &text, Lang::En);
        let l = l.expect("loads");
        g.bench_with_input(criterion::BenchmarkId::new("lesson", name), &l, |b, l| {
            b.iter(|| {
                let mut n = 0usize;
                for s in &l.sections {
                    render_section_streamed(s, 120, &theme, Lang::En, &mut |_| n += 1);
                }
                n
            })
        });
        let rows = narrow_table(bytes / 11);
        g.bench_with_input(criterion::BenchmarkId::new("table", name), &rows, |b, t| {
            b.iter(|| streamed_lines(t, &theme))
        });
        let code = code_block(bytes);
        g.bench_with_input(criterion::BenchmarkId::new("code", name), &code, |b, t| {
            b.iter(|| streamed_lines(t, &theme))
        });
    }
    g.finish();

    // The lesson pane on a 100,000-row table: the section laid out, the
    // lines around the pane kept (src/tui/app.rs, WINDOW_MARGIN).
    let mut g = c.benchmark_group("lesson_pane_window");
    g.sample_size(10);
    let md = format!(
        "---\nid: w\ntitle: W\n---\n# W\n\n## T\n\n{}",
        table(100_000)
    );
    let (l, _) = parse_lesson("w.md", &md, Lang::En);
    let l = l.expect("loads");
    let section = l.sections.last().expect("the table's section");
    g.bench_function("table_100k_rows_bottom_window", |b| {
        b.iter(|| {
            render_section_window(
                section,
                100,
                &theme,
                Lang::En,
                CodeLines::Clip(0),
                &mut |_, _, _| None,
                299_000..301_000,
            )
            .text
            .lines
            .len()
        })
    });
    g.finish();

    // Issue #15 item 3: nesting refused by the linear pre-scan, and the
    // deepest nesting accepted, repeated to the size limits.
    let mut g = c.benchmark_group("nesting");
    g.sample_size(10);
    let deep = format!(
        "---\nid: deep\ntitle: Deep\nx: {}{}\n---\n# Deep\n",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    g.bench_function("front_matter_100k_brackets", |b| {
        b.iter(|| parse_lesson("deep.md", black_box(&deep), Lang::En))
    });
    // The same refusal at the lesson size limit (16 MiB of front matter).
    let lesson_flood = format!("---\nid: f\nx: {}\n---\n# F\n", "[".repeat(16 * MB - 32));
    g.bench_function("lesson_16mib_front_matter_of_brackets", |b| {
        b.iter(|| parse_lesson("flood.md", black_box(&lesson_flood), Lang::En))
    });
    let limit = 8 * MB;
    let flood = format!("x: {}", "[".repeat(limit - 3));
    g.bench_function("manifest_8mib_of_brackets", |b| {
        b.iter(|| kubetutor::manifest::load(black_box(&flood)))
    });
    let legal = format!("{}{}", "[".repeat(120), "]".repeat(120));
    let mut wide = String::from("items:\n");
    while wide.len() < limit - legal.len() - 8 {
        wide.push_str("  - ");
        wide.push_str(&legal);
        wide.push('\n');
    }
    g.throughput(criterion::Throughput::Bytes(wide.len() as u64));
    g.bench_function("manifest_8mib_of_depth_120_lists", |b| {
        b.iter(|| kubetutor::manifest::load(black_box(&wide)))
    });
    // The floor: saphyr-parser's events alone, nothing kept.
    g.bench_function("saphyr_alone_8mib_of_depth_120_lists", |b| {
        b.iter(|| saphyr_events(black_box(&wide)))
    });
    // A big ConfigMap in block style, and the same in one flow mapping.
    let mut block_map =
        String::from("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n");
    let mut flow_map =
        String::from("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata: {");
    let mut i = 0;
    while block_map.len() < limit - 64 {
        block_map.push_str(&format!("  key{i}: value {i} some text here\n"));
        i += 1;
    }
    i = 0;
    while flow_map.len() < limit - 64 {
        flow_map.push_str(&format!("key{i}: \"value {i}\", "));
        i += 1;
    }
    flow_map.push_str("last: x}\n");
    for (name, text) in [
        ("block_configmap", &block_map),
        ("flow_configmap", &flow_map),
    ] {
        g.throughput(criterion::Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("manifest_8mib_{name}"), |b| {
            b.iter(|| kubetutor::manifest::load(black_box(text)))
        });
        g.bench_function(format!("saphyr_alone_8mib_{name}"), |b| {
            b.iter(|| saphyr_events(black_box(text)))
        });
    }
    let mut block = String::from("---\nid: b\ntitle: B\n---\n# B\n\n```cluster\ncommands:\n");
    while block.len() < 16 * MB - legal.len() - 16 {
        block.push_str("  - ");
        block.push_str(&legal);
        block.push('\n');
    }
    block.push_str("```\n");
    g.throughput(criterion::Throughput::Bytes(block.len() as u64));
    g.bench_function("lesson_16mib_block_of_depth_120", |b| {
        b.iter(|| parse_lesson("b.md", black_box(&block), Lang::En))
    });
    g.finish();
}

/// How many events saphyr-parser reads from `text` (the parse alone).
fn saphyr_events(text: &str) -> usize {
    let mut parser = saphyr_parser::Parser::new_from_str(text);
    let mut n = 0;
    while let Some(Ok(_)) = parser.next_event() {
        n += 1;
    }
    n
}

/// A table of `rows` short rows (`|12345|x|`): 1,000,000 of them make
/// about 10 MB.
fn narrow_table(rows: usize) -> String {
    let mut out = String::from("|a|b|\n|-|-|\n");
    for i in 0..rows {
        out.push_str(&format!("|{i}|x|\n"));
    }
    out
}

fn code_block(size: usize) -> String {
    let mut out = String::from("```yaml\n");
    let mut i = 0;
    while out.len() < size {
        out.push_str(&format!("key{i}: value {i} some text here\n"));
        i += 1;
    }
    out.push_str("```\n");
    out
}

/// Lines of `markdown` rendered at 120 columns, streamed and dropped.
fn streamed_lines(markdown: &str, theme: &Theme) -> usize {
    let mut n = 0;
    render_streamed(markdown, 120, theme, &mut |_| n += 1);
    n
}

criterion_group!(benches, bench);
criterion_main!(benches);
