//! `kubetutor convert FILE --to json|yaml`: the same objects in the other
//! notation.

use super::validate::report;
use crate::lang::Lang;
use crate::manifest;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Target {
    Json,
    Yaml,
}

#[derive(Debug, clap::Args)]
#[command(
    about = "Write a manifest in JSON or YAML",
    long_about = "Write a manifest in JSON or YAML, keys in the order they were written.\n\nA YAML file with several documents becomes a sequence of JSON objects, one after the other (the stream `kubectl apply -f` reads), not a `List`; JSON objects become YAML documents separated by `---`. Anchors and merge keys are expanded, comments are not kept. YAML is read as kubectl reads it (YAML 1.1: `0644` is 420, `yes` is true), and every string YAML 1.1 would read as something else is written in quotes, so kubectl reads the output as the input. Any well-formed manifest converts, whatever its kinds; problems the validator finds are printed as warnings. A file that is not well-formed (a syntax error) is not converted: its errors are printed and the exit status is 1."
)]
pub struct Args {
    /// The manifest to convert.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The notation to write.
    #[arg(long, value_enum, value_name = "json|yaml")]
    pub to: Target,
}

pub fn run(args: Args, lang: Lang) -> anyhow::Result<ExitCode> {
    let name = args.file.display().to_string();
    let text = crate::bounded_read::read_lossy(&args.file, crate::bounded_read::MANIFEST_LIMIT)
        .map_err(|e| {
            anyhow::anyhow!(
                "{}",
                crate::text::sanitize(&match lang {
                    Lang::En => format!("cannot read {name}: {}", e.reason()),
                    Lang::Ko => format!("{name} 파일을 읽을 수 없습니다: {}", e.reason()),
                })
            )
        })?;
    let loaded = manifest::load(&text);
    if loaded.unreadable > 0 || loaded.documents.is_empty() {
        eprint!("{}", report(&name, &loaded.diagnostics, lang));
        return Ok(ExitCode::FAILURE);
    }
    // The documents are well-formed: what the validator says of them is for
    // the reader, and does not stop the conversion.
    eprint!("{}", report(&name, &loaded.diagnostics, lang));
    let out = match args.to {
        Target::Json => manifest::to_json(&loaded),
        Target::Yaml => manifest::to_yaml(&loaded),
    };
    std::io::stdout().lock().write_all(out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}
