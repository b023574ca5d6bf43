//! The simulator controls: `wait`, `fault`, `runtime`, `scenario`, `join`,
//! `reset`, `traffic`.

use super::command::*;
use super::flags::*;
use super::suggest::hint;
use crate::sim::runtime::RuntimeKind;

/// Parse a simulator control (`cmd` is the command word, `rest` the words after it).
pub(super) fn parse(cmd: &str, rest: &[String]) -> Result<Command, String> {
    match cmd {
        "wait" | "sleep" => {
            let d = one(rest, "DURATION (like 30s or 5m)")?;
            crate::duration::parse_millis(&d)
                .map(Command::Wait)
                .map_err(|e| format!("error: {e}"))
        }
        "fault" => {
            let a = parse_flags(rest, &[NS])?;
            let kind = a.pos.first().map(String::as_str).unwrap_or("");
            let target = one(a.pos.get(1..).unwrap_or(&[]), "target (a node or a pod)");
            match kind {
                "node-down" => Ok(Command::NodeDown(target?)),
                "node-up" => Ok(Command::NodeUp(target?)),
                "crash" => Ok(Command::Crash {
                    pod: target?,
                    ns: a.ns(),
                }),
                "" => Err(
                    "error: use: fault node-down NODE | fault node-up NODE | fault crash POD"
                        .into(),
                ),
                k => Err(format!(
                    "error: unknown fault \"{k}\"{}",
                    hint(k, ["node-down", "node-up", "crash"])
                )),
            }
        }
        "runtime" => {
            let word = one(rest, "runtime (containerd or dockershim)")?;
            RuntimeKind::parse(&word)
                .map(Command::Runtime)
                .ok_or_else(|| {
                    format!(
                        "error: unknown runtime \"{word}\": containerd or dockershim{}",
                        hint(&word, ["containerd", "dockershim"])
                    )
                })
        }
        "scenario" => Ok(Command::Scenario(rest.first().cloned())),
        "join" => match rest {
            [] => Ok(Command::Join(None)),
            [name] => Ok(Command::Join(Some(
                name.strip_prefix("node/").unwrap_or(name).to_string(),
            ))),
            _ => Err("error: use: join [NODE]".into()),
        },
        "reset" => Ok(Command::Reset),
        "traffic" => {
            let a = parse_flags(rest, &[NS])?;
            let service = a
                .pos
                .first()
                .cloned()
                .ok_or("error: use: traffic SERVICE [RPS]")?;
            let service = service
                .strip_prefix("service/")
                .or(service.strip_prefix("svc/"))
                .unwrap_or(&service)
                .to_string();
            let rps = a.pos.get(1).map_or(Ok(10), |v| number(v, "rps"))?;
            Ok(Command::Traffic {
                service,
                rps,
                ns: a.ns(),
            })
        }
        _ => Err(format!("error: unknown command \"{cmd}\"")),
    }
}
