//! A container's command, read as a tiny shell script: enough to decide when
//! it exits, with which code, and what it prints (CONTRACT-sim.md).
//!
//! `exit N`, `sleep N`, `true`, `false`, `echo`, `sleep infinity`,
//! `tail -f`, `while true; do ...; done`, `for x in ...; do ...; done`,
//! `if ...; then ...; fi`, `;`, `&&`, `||`, `|` (into `grep`, `sort`,
//! `head`, `tail`, `wc`, `uniq`, `cat`), newlines. Server binaries run
//! forever; every other word takes no time and succeeds.

mod builtins;
pub mod host;
mod parse;
mod text;

pub use host::{Host, HttpReply, NoHost};

use super::fs::FsOp;
use parse::{Cmd, Conn, Redir, Script, parse};
use std::collections::BTreeMap;

/// How a started container ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    Forever,
    Exit { after_ms: u64, code: i32 },
}

/// Lines a `while true` loop keeps printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repeat {
    pub from_ms: u64,
    pub period_ms: u64,
    pub lines: Vec<(u64, String)>,
    /// File changes each round makes (time within the round).
    pub ops: Vec<(u64, FsOp)>,
}

/// What a container does once started.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Program {
    pub run: Run,
    /// Lines written, with the time since the start.
    pub logs: Vec<(u64, String)>,
    pub repeat: Option<Box<Repeat>>,
    /// File changes, with the time since the start (see [`super::fs`]).
    pub ops: Vec<(u64, FsOp)>,
}

impl Program {
    pub fn forever(lines: Vec<String>) -> Self {
        Program {
            run: Run::Forever,
            logs: lines.into_iter().map(|l| (0, l)).collect(),
            repeat: None,
            ops: Vec::new(),
        }
    }

    pub fn exits(after_ms: u64, code: i32) -> Self {
        Program {
            run: Run::Exit { after_ms, code },
            logs: Vec::new(),
            repeat: None,
            ops: Vec::new(),
        }
    }

    /// The file changes made from `from_ms` (included) to `to_ms`
    /// (excluded) since the start, in order (a `while true` loop repeats
    /// its changes).
    pub fn ops_between(&self, from_ms: u64, to_ms: u64) -> Vec<(u64, FsOp)> {
        let mut out: Vec<(u64, FsOp)> = self
            .ops
            .iter()
            .filter(|(t, _)| *t >= from_ms && *t < to_ms)
            .cloned()
            .collect();
        if let Some(r) = &self.repeat
            && !r.ops.is_empty()
            && to_ms >= r.from_ms
        {
            let period = r.period_ms.max(1);
            let first = from_ms.saturating_sub(r.from_ms) / period;
            let last = (to_ms - r.from_ms) / period;
            for k in first..=last.min(first + 10_000) {
                for (t, op) in &r.ops {
                    let at = r.from_ms + k * period + t;
                    if at >= from_ms && at < to_ms {
                        out.push((at, op.clone()));
                    }
                }
            }
        }
        out.sort_by_key(|(t, _)| *t);
        out
    }

    /// When the next file change at or after `from_ms` happens, if any.
    pub fn next_op_from(&self, from_ms: u64) -> Option<u64> {
        let after_ms = from_ms.saturating_sub(1);
        let base = self.ops.iter().map(|(t, _)| *t).find(|t| *t >= from_ms);
        let rep = self.repeat.as_ref().filter(|r| !r.ops.is_empty()).map(|r| {
            let period = r.period_ms.max(1);
            let k = after_ms.saturating_sub(r.from_ms) / period;
            (k..k + 2)
                .flat_map(|k| r.ops.iter().map(move |(t, _)| r.from_ms + k * period + t))
                .filter(|t| *t > after_ms && *t >= from_ms)
                .min()
                .unwrap_or(u64::MAX)
        });
        match (base, rep) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// What the container printed in its first `elapsed_ms`: at most the
    /// last `max` lines.
    pub fn logs_until(&self, elapsed_ms: u64, max: usize) -> Vec<String> {
        let mut out: Vec<String> = self
            .logs
            .iter()
            .filter(|(t, _)| *t <= elapsed_ms)
            .map(|(_, l)| l.clone())
            .collect();
        if let Some(r) = &self.repeat
            && elapsed_ms >= r.from_ms
        {
            let period = r.period_ms.max(1);
            let rounds = ((elapsed_ms - r.from_ms) / period + 1).min(max as u64 + 1);
            let first = ((elapsed_ms - r.from_ms) / period + 1).saturating_sub(rounds);
            for k in first..first + rounds {
                for (t, l) in &r.lines {
                    if r.from_ms + k * period + t <= elapsed_ms {
                        out.push(l.clone());
                    }
                }
            }
        }
        let skip = out.len().saturating_sub(max);
        out.split_off(skip)
    }
}

enum Flow {
    Normal(i32),
    Exit(i32),
    Forever,
    Break,
}

const MAX_ITERATIONS: u32 = 10_000;

/// Programs that serve until stopped.
const SERVERS: &[&str] = &[
    "nginx",
    "httpd",
    "httpd-foreground",
    "apache2-foreground",
    "redis-server",
    "memcached",
    "mysqld",
    "postgres",
    "mongod",
    "rabbitmq-server",
    "traefik",
    "pause",
    "agnhost",
    "stress",
    "etcd",
    "hello-app",
    "goproxy",
    "echoserver",
    "docker-entrypoint.sh",
    "yes",
];

struct Eval<'h> {
    t: u64,
    logs: Vec<(u64, String)>,
    vars: BTreeMap<String, String>,
    last: i32,
    iterations: u32,
    repeat: Option<Box<Repeat>>,
    host: &'h mut dyn Host,
    /// Standard output being captured for a redirection.
    capture: Option<String>,
    /// Standard error goes where standard output goes (`2>&1`).
    err_to_out: bool,
    /// Standard error is thrown away (`2>/dev/null`).
    err_null: bool,
    /// Standard input: the output of the command before a `|`.
    stdin: Option<String>,
}

fn sleep_millis(arg: &str) -> Option<u64> {
    let (num, mul) = match arg.char_indices().last() {
        Some((i, 's')) => (&arg[..i], 1000.0),
        Some((i, 'm')) => (&arg[..i], 60_000.0),
        Some((i, 'h')) => (&arg[..i], 3_600_000.0),
        Some((i, 'd')) => (&arg[..i], 86_400_000.0),
        _ => (arg, 1000.0),
    };
    let n: f64 = num
        .parse()
        .ok()
        .filter(|n: &f64| n.is_finite() && *n >= 0.0)?;
    Some((n * mul).min(1e15) as u64)
}

impl Eval<'_> {
    /// A line on standard output.
    fn out(&mut self, line: &str) {
        match &mut self.capture {
            Some(buf) => {
                buf.push_str(line);
                buf.push('\n');
            }
            None => self.logs.push((self.t, line.to_string())),
        }
    }

    /// A line on standard error.
    fn err(&mut self, line: &str) {
        if self.err_null {
            return;
        }
        if self.err_to_out {
            self.out(line);
        } else {
            self.logs.push((self.t, line.to_string()));
        }
    }

    /// `$(command)`: what the command prints, without its final newlines.
    fn substitute(&mut self, script: &str) -> String {
        let saved = self.capture.replace(String::new());
        let flow = self.script(&parse(script));
        if let Flow::Normal(c) | Flow::Exit(c) = flow {
            self.last = c;
        }
        let out = std::mem::replace(&mut self.capture, saved).unwrap_or_default();
        out.trim_end_matches('\n').to_string()
    }

    fn expand(&mut self, w: &str) -> String {
        if !w.contains('$') {
            return w.to_string();
        }
        let mut out = String::new();
        let mut rest = w.to_string();
        while let Some(i) = rest.find('$') {
            out.push_str(&rest[..i]);
            rest = rest[i + 1..].to_string();
            if rest.starts_with('(') && !rest.starts_with("((") {
                let mut depth = 0;
                let end = rest.char_indices().find_map(|(j, c)| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => {}
                    }
                    (depth == 0).then_some(j)
                });
                let end = end.unwrap_or(rest.len() - 1);
                let inner = rest[1..end.max(1)].to_string();
                let text = self.substitute(&inner);
                out.push_str(&text);
                rest = rest[(end + 1).min(rest.len())..].to_string();
                continue;
            }
            let rest_ref = rest.clone();
            let rest_str = rest_ref.as_str();
            if let Some(r) = rest_str.strip_prefix('?') {
                out.push_str(&self.last.to_string());
                rest = r.to_string();
                continue;
            }
            let (name, after) = if let Some(r) = rest_str.strip_prefix('{') {
                match r.find('}') {
                    Some(j) => (&r[..j], &r[j + 1..]),
                    None => ("", r),
                }
            } else {
                let j = rest_str
                    .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .unwrap_or(rest_str.len());
                (&rest_str[..j], &rest_str[j..])
            };
            match self.vars.get(name) {
                Some(v) => out.push_str(v),
                None if name.is_empty() => out.push('$'),
                None => {}
            }
            rest = after.to_string();
        }
        out.push_str(&rest);
        out
    }

    fn script(&mut self, s: &Script) -> Flow {
        let mut skip = false;
        // The output of the command before a `|`, the input of the next.
        let mut piped: Option<String> = None;
        for (cmd, conn) in &s.0 {
            // Not after a `|`: the script's own standard input.
            let input = piped.take().or_else(|| self.stdin.clone());
            if !skip {
                let saved_stdin = std::mem::replace(&mut self.stdin, input);
                let saved_capture = if *conn == Conn::Pipe {
                    Some(self.capture.replace(String::new()))
                } else {
                    None
                };
                let flow = self.cmd(cmd);
                if let Some(saved) = saved_capture {
                    piped = std::mem::replace(&mut self.capture, saved);
                }
                self.stdin = saved_stdin;
                match flow {
                    Flow::Normal(c) => self.last = c,
                    other => return other,
                }
            }
            skip = match conn {
                Conn::Seq | Conn::Pipe => false,
                Conn::And => self.last != 0,
                Conn::Or => self.last == 0,
            };
        }
        Flow::Normal(self.last)
    }

    fn cmd(&mut self, cmd: &Cmd) -> Flow {
        match cmd {
            Cmd::Simple(words, redirs) => {
                let argv: Vec<String> = words.iter().map(|w| self.expand(w)).collect();
                if redirs.is_empty() {
                    self.simple(&argv)
                } else {
                    self.redirected(&argv, redirs)
                }
            }
            Cmd::Loop { until, cond, body } => {
                let constant = cond.0.len() == 1
                    && matches!(&cond.0[0].0, Cmd::Simple(w, _)
                        if w.len() == 1 && (w[0] == "true" || w[0] == ":" || w[0] == "false"));
                let mut round = 0;
                loop {
                    self.iterations += 1;
                    if self.iterations > MAX_ITERATIONS {
                        return Flow::Forever;
                    }
                    let (t0, n0, o0) = (self.t, self.logs.len(), self.host.fs().ops.len());
                    let c = match self.script(cond) {
                        Flow::Normal(c) => c,
                        other => return other,
                    };
                    if (c == 0) == *until {
                        return Flow::Normal(0);
                    }
                    match self.script(body) {
                        Flow::Normal(_) => {}
                        Flow::Break => return Flow::Normal(0),
                        other => return other,
                    }
                    round += 1;
                    if constant && round == 2 {
                        let lines = self.logs[n0..]
                            .iter()
                            .map(|(t, l)| (t - t0, l.clone()))
                            .collect();
                        self.logs.truncate(n0);
                        let ops = self.host.fs().ops[o0..]
                            .iter()
                            .map(|(t, op)| (t - t0, op.clone()))
                            .collect();
                        self.host.fs().ops.truncate(o0);
                        self.repeat = Some(Box::new(Repeat {
                            from_ms: t0,
                            period_ms: self.t - t0,
                            lines,
                            ops,
                        }));
                        return Flow::Forever;
                    }
                }
            }
            Cmd::For { var, words, body } => {
                let items: Vec<String> = words
                    .iter()
                    .flat_map(|w| {
                        self.expand(w)
                            .split_whitespace()
                            .map(str::to_string)
                            .collect::<Vec<_>>()
                    })
                    .collect();
                for item in items {
                    self.vars.insert(var.clone(), item);
                    match self.script(body) {
                        Flow::Normal(_) => {}
                        Flow::Break => break,
                        other => return other,
                    }
                }
                Flow::Normal(0)
            }
            Cmd::If {
                branches,
                otherwise,
            } => {
                for (cond, then) in branches {
                    match self.script(cond) {
                        Flow::Normal(0) => return self.script(then),
                        Flow::Normal(_) => {}
                        other => return other,
                    }
                }
                match otherwise {
                    Some(s) => self.script(s),
                    None => Flow::Normal(0),
                }
            }
        }
    }

    fn simple(&mut self, argv: &[String]) -> Flow {
        let Some(first) = argv.first() else {
            return Flow::Normal(self.last);
        };
        if let Some((k, v)) = first.split_once('=')
            && !k.is_empty()
            && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        {
            self.vars.insert(k.to_string(), v.to_string());
            return if argv.len() > 1 {
                self.simple(&argv[1..])
            } else {
                Flow::Normal(0)
            };
        }
        let name = first.rsplit('/').next().unwrap_or(first);
        let args = &argv[1..];
        let has = |flag: &str| args.iter().any(|a| a == flag);
        match name {
            "exit" => Flow::Exit(
                args.first()
                    .and_then(|a| a.parse::<i64>().ok())
                    .map_or(self.last, |n| (n & 0xff) as i32),
            ),
            "sleep" => {
                let mut total = 0u64;
                for a in args {
                    if a == "infinity" || a == "inf" {
                        return Flow::Forever;
                    }
                    match sleep_millis(a) {
                        Some(ms) => total = total.saturating_add(ms),
                        None => return Flow::Normal(1),
                    }
                }
                self.t = self.t.saturating_add(total);
                Flow::Normal(0)
            }
            "true" | ":" => Flow::Normal(0),
            "false" => Flow::Normal(1),
            "break" => Flow::Break,
            "echo" => {
                let words: Vec<&str> = args
                    .iter()
                    .map(String::as_str)
                    .skip_while(|a| matches!(*a, "-n" | "-e" | "-ne" | "-en"))
                    .collect();
                self.out(&words.join(" "));
                Flow::Normal(0)
            }
            "printf" => {
                let mut fmt = args.first().cloned().unwrap_or_default();
                for a in args.iter().skip(1) {
                    fmt = fmt.replacen("%s", a, 1).replacen("%d", a, 1);
                }
                for line in fmt.replace("\\n", "\n").lines() {
                    self.out(line);
                }
                Flow::Normal(0)
            }
            "tail" if has("-f") || has("-F") => Flow::Forever,
            "sh" | "bash" | "ash" | "dash" | "zsh" => {
                match args
                    .iter()
                    .position(|a| a.starts_with('-') && a.contains('c'))
                {
                    Some(i) => match args.get(i + 1) {
                        Some(script) => {
                            let parsed = parse(script);
                            self.script(&parsed)
                        }
                        None => Flow::Normal(2),
                    },
                    None => Flow::Normal(0),
                }
            }
            "python" | "python3"
                if args
                    .windows(2)
                    .any(|w| w[0] == "-m" && w[1] == "http.server") =>
            {
                Flow::Forever
            }
            "nc" | "netcat" if args.iter().any(|a| a.starts_with('-') && a.contains('l')) => {
                Flow::Forever
            }
            "test" | "[" | "[[" => Flow::Normal(self.test(args)),
            n if SERVERS.contains(&n) => Flow::Forever,
            other => match self.builtin(other, args) {
                Some(code) => Flow::Normal(code),
                None => Flow::Normal(0),
            },
        }
    }
}

/// `test` / `[`: comparisons and `-f`/`-d`/`-e` on the host's files.
fn test(args: &[String], exists: impl Fn(&str, char) -> bool) -> i32 {
    let mut a: Vec<&str> = args.iter().map(String::as_str).collect();
    if matches!(a.last(), Some(&"]") | Some(&"]]")) {
        a.pop();
    }
    let (negate, a) = match a.split_first() {
        Some((&"!", rest)) => (true, rest.to_vec()),
        _ => (false, a),
    };
    let num = |s: &str| s.parse::<i64>().ok();
    let ok = match a.as_slice() {
        [] => false,
        [s] => !s.is_empty(),
        ["-z", s] => s.is_empty(),
        ["-n", s] => !s.is_empty(),
        [op, path] if matches!(*op, "-f" | "-d" | "-e" | "-s" | "-r") => {
            exists(path, op.chars().nth(1).unwrap_or('e'))
        }
        [op, _] if op.starts_with('-') => false,
        [x, "=" | "==", y] => x == y,
        [x, "!=", y] => x != y,
        [x, op, y] => match (num(x), num(y)) {
            (Some(x), Some(y)) => match *op {
                "-eq" => x == y,
                "-ne" => x != y,
                "-lt" => x < y,
                "-le" => x <= y,
                "-gt" => x > y,
                "-ge" => x >= y,
                _ => false,
            },
            _ => false,
        },
        _ => true,
    };
    i32::from(ok == negate)
}

fn finish(mut e: Eval, flow: Flow) -> Program {
    let ops = std::mem::take(&mut e.host.fs().ops);
    let run = match flow {
        Flow::Forever => Run::Forever,
        Flow::Exit(code) | Flow::Normal(code) => Run::Exit {
            after_ms: e.t,
            code,
        },
        Flow::Break => Run::Exit {
            after_ms: e.t,
            code: e.last,
        },
    };
    Program {
        run,
        logs: std::mem::take(&mut e.logs),
        repeat: e.repeat.take(),
        ops,
    }
}

fn eval(host: &mut dyn Host) -> Eval<'_> {
    let vars = host.env().clone();
    Eval {
        t: 0,
        logs: Vec::new(),
        vars,
        last: 0,
        iterations: 0,
        repeat: None,
        host,
        capture: None,
        err_to_out: false,
        err_null: false,
        stdin: None,
    }
}

/// Run a shell script (`sh -c "..."`) with no files, variables or network.
pub fn run_script(script: &str) -> Program {
    run_script_on(script, &mut NoHost::default())
}

/// Run a shell script on `host`: its files, variables and network.
pub fn run_script_on(script: &str, host: &mut dyn Host) -> Program {
    let mut e = eval(host);
    let flow = e.script(&parse(script));
    finish(e, flow)
}

/// The programs [`filter_text`] runs.
pub const FILTERS: &[&str] = &[
    "grep", "egrep", "fgrep", "sort", "head", "tail", "wc", "uniq",
];

/// Run the text filters of `pipeline` (`grep web | wc -l`) on `input`, as
/// a terminal's shell does with a command's output: what they print and
/// the last one's exit code. `Err` names a program that is not a filter.
pub fn filter_text(input: &str, pipeline: &str) -> Result<(String, i32), String> {
    let script = parse(pipeline);
    for (cmd, _) in &script.0 {
        match cmd {
            parse::Cmd::Simple(words, _)
                if words.first().is_some_and(|w| FILTERS.contains(&w.as_str())) => {}
            parse::Cmd::Simple(words, _) => {
                return Err(words.first().cloned().unwrap_or_default());
            }
            _ => return Err(String::from("|")),
        }
    }
    let mut host = NoHost::default();
    let mut e = eval(&mut host);
    e.stdin = Some(input.to_string());
    e.capture = Some(String::new());
    let code = match e.script(&script) {
        Flow::Normal(c) | Flow::Exit(c) => c,
        Flow::Forever | Flow::Break => 0,
    };
    let mut out = e.capture.take().unwrap_or_default();
    for (_, line) in &e.logs {
        out.push_str(line);
        out.push('\n');
    }
    Ok((out, code))
}

/// Run an argv (`command` + `args` of a container) with nothing around it.
pub fn run_argv(argv: &[String]) -> Program {
    run_argv_on(argv, &mut NoHost::default())
}

/// Run an argv on `host`.
pub fn run_argv_on(argv: &[String], host: &mut dyn Host) -> Program {
    let mut e = eval(host);
    let flow = e.simple(argv);
    finish(e, flow)
}

#[cfg(test)]
mod tests;
