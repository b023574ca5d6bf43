//! `kubetutor validate FILE...`: check manifests the way the API server would,
//! printing `file:line:col: path: message` for each problem.

use crate::lang::Lang;
use crate::manifest::{self, Diagnostic};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, clap::Args)]
#[command(
    about = "Check manifests (YAML or JSON) as kubectl and a Kubernetes v1.33 API server would",
    long_about = "Check manifests (YAML or JSON, one or more documents each) as kubectl and a Kubernetes v1.33 API server would (the release the simulator follows). YAML is read as kubectl reads it (YAML 1.1: `0644` is 420, `yes` is true).\n\nPod, Deployment, ReplicaSet, Job and Service are checked in full: every field, type and value rule. Every other kind a v1.33 cluster serves has its metadata (name, labels, annotations) checked and a warning that the rest is not checked; a kind or apiVersion a v1.33 cluster does not serve is an error.\n\nEach problem is printed as `file:line:column: path: message`, warnings marked, with a hint on the next line when there is one; a summary line counts the documents checked, not checked and invalid. The exit status is 0 when no document has an error (warnings allowed) and 1 otherwise."
)]
pub struct Args {
    /// Manifest files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

/// Problems of one text, one per line, prefixed with `name:`.
pub fn report(name: &str, diagnostics: &[Diagnostic], lang: Lang) -> String {
    let mut out = String::new();
    for d in diagnostics {
        out.push_str(&format!("{name}:{}\n", d.render(lang)));
        if let Some(hint) = d.hint_in(lang) {
            out.push_str(&format!("    {} {hint}\n", lang.pick("힌트:", "hint:")));
        }
    }
    // Field paths and values quote the manifest: no control character of
    // it reaches the terminal.
    crate::text::sanitize(&out).into_owned()
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let mut stdout = std::io::stdout().lock();
    let (mut errors, mut warnings) = (0usize, 0usize);
    let (mut checked, mut skipped, mut invalid) = (0usize, 0usize, 0usize);
    for file in &args.files {
        let name = file.display().to_string();
        let text = match crate::bounded_read::read_lossy(file, crate::bounded_read::MANIFEST_LIMIT)
        {
            Ok(text) => text,
            Err(e) => {
                let msg = match e {
                    crate::bounded_read::ReadError::NotFound(_) => {
                        lang.pick("파일이 없습니다", "no such file").to_string()
                    }
                    other => other.reason(),
                };
                let line = format!("{name}: {}: {msg}", lang.pick("오류", "error"));
                writeln!(stdout, "{}", crate::text::sanitize(&line))?;
                errors += 1;
                invalid += 1;
                continue;
            }
        };
        let loaded = manifest::load(&text);
        let e = loaded.errors().count();
        errors += e;
        warnings += loaded.diagnostics.len() - e;
        let (c, s, i) = loaded.counts();
        (checked, skipped, invalid) = (checked + c, skipped + s, invalid + i);
        write!(stdout, "{}", report(&name, &loaded.diagnostics, lang))?;
    }
    let files = args.files.len();
    let docs = checked + skipped + invalid;
    let summary = match lang {
        Lang::En => format!(
            "{files} file(s), {docs} document(s): {checked} checked, {skipped} not checked, {invalid} invalid; {errors} error(s), {warnings} warning(s)"
        ),
        Lang::Ko => format!(
            "파일 {files}개, 문서 {docs}개: 검사함 {checked}개, 검사하지 않음 {skipped}개, 잘못됨 {invalid}개; 오류 {errors}개, 경고 {warnings}개"
        ),
    };
    writeln!(stdout, "{summary}")?;
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
