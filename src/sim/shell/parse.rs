//! Reading a container command as shell: words, quotes, `;` `&&` `||`
//! `|`, and the `while`/`until`, `for` and `if` compounds.

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Tok {
    Word(String),
    Semi,
    And,
    Or,
    Pipe,
    /// `>`, `>>`, `2>`, `2>>`, `&>`, `2>&1`, `1>&2`, `<`.
    Redir(String),
}

pub(super) fn tokenize(s: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut chars = s.chars().peekable();
    let flush = |out: &mut Vec<Tok>, word: &mut String, in_word: &mut bool| {
        if *in_word {
            out.push(Tok::Word(std::mem::take(word)));
            *in_word = false;
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '\n' | ';' => {
                flush(&mut out, &mut word, &mut in_word);
                out.push(Tok::Semi);
            }
            ' ' | '\t' | '\r' => flush(&mut out, &mut word, &mut in_word),
            '>' | '<' => {
                let mut op = String::new();
                if in_word && (word == "1" || word == "2") {
                    op.push_str(&word);
                    word.clear();
                    in_word = false;
                }
                flush(&mut out, &mut word, &mut in_word);
                op.push(c);
                if c == '>' && chars.peek() == Some(&'>') {
                    chars.next();
                    op.push('>');
                }
                if c == '>' && chars.peek() == Some(&'&') {
                    chars.next();
                    op.push('&');
                    if let Some(d) = chars.next_if(|d| d.is_ascii_digit()) {
                        op.push(d);
                    }
                }
                out.push(Tok::Redir(op));
            }
            '&' if chars.peek() == Some(&'>') => {
                flush(&mut out, &mut word, &mut in_word);
                chars.next();
                out.push(Tok::Redir("&>".into()));
            }
            '&' => {
                flush(&mut out, &mut word, &mut in_word);
                if chars.peek() == Some(&'&') {
                    chars.next();
                    out.push(Tok::And);
                } else {
                    out.push(Tok::Semi);
                }
            }
            '|' => {
                flush(&mut out, &mut word, &mut in_word);
                if chars.peek() == Some(&'|') {
                    chars.next();
                    out.push(Tok::Or);
                } else {
                    out.push(Tok::Pipe);
                }
            }
            '#' if !in_word => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push(Tok::Semi);
                        break;
                    }
                }
            }
            '\'' => {
                in_word = true;
                for c in chars.by_ref() {
                    if c == '\'' {
                        break;
                    }
                    word.push(c);
                }
            }
            '"' => {
                in_word = true;
                while let Some(c) = chars.next() {
                    match c {
                        '"' => break,
                        '\\' => {
                            if let Some(n) = chars.next() {
                                word.push(n);
                            }
                        }
                        _ => word.push(c),
                    }
                }
            }
            '\\' => {
                if let Some(n) = chars.next()
                    && n != '\n'
                {
                    in_word = true;
                    word.push(n);
                }
            }
            '$' if chars.peek() == Some(&'(') => {
                in_word = true;
                word.push('$');
                let mut depth = 0;
                for c in chars.by_ref() {
                    word.push(c);
                    match c {
                        '(' => depth += 1,
                        ')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                }
            }
            _ => {
                in_word = true;
                word.push(c);
            }
        }
    }
    flush(&mut out, &mut word, &mut in_word);
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Conn {
    Seq,
    And,
    Or,
    /// `|`: the command's output is the next one's input.
    Pipe,
}

#[derive(Debug, Clone)]
pub(super) struct Redir {
    pub(super) op: String,
    /// The file (empty for `2>&1`).
    pub(super) target: String,
}

#[derive(Debug, Clone)]
pub(super) enum Cmd {
    Simple(Vec<String>, Vec<Redir>),
    Loop {
        until: bool,
        cond: Script,
        body: Script,
    },
    For {
        var: String,
        words: Vec<String>,
        body: Script,
    },
    If {
        branches: Vec<(Script, Script)>,
        otherwise: Option<Script>,
    },
}

#[derive(Debug, Clone, Default)]
pub(super) struct Script(pub(super) Vec<(Cmd, Conn)>);

pub(super) struct Parser {
    toks: Vec<Tok>,
    pos: usize,
}

impl Parser {
    fn word_at(&self, i: usize) -> Option<&str> {
        match self.toks.get(i) {
            Some(Tok::Word(w)) => Some(w),
            _ => None,
        }
    }

    /// Parse commands until one of `stops` starts a command; returns the
    /// list and the stop word met (None at the end of input).
    fn list(&mut self, stops: &[&str]) -> (Script, Option<String>) {
        let mut script = Script::default();
        loop {
            while matches!(self.toks.get(self.pos), Some(Tok::Semi)) {
                self.pos += 1;
            }
            let Some(first) = self.word_at(self.pos).map(str::to_string) else {
                if self.pos < self.toks.len() {
                    self.pos += 1; // a stray `&&` or `||`
                    continue;
                }
                return (script, None);
            };
            if stops.contains(&first.as_str()) {
                self.pos += 1;
                return (script, Some(first));
            }
            let cmd = match first.as_str() {
                "while" | "until" => {
                    self.pos += 1;
                    let (cond, _) = self.list(&["do"]);
                    let (body, _) = self.list(&["done"]);
                    Cmd::Loop {
                        until: first == "until",
                        cond,
                        body,
                    }
                }
                "for" => {
                    self.pos += 1;
                    let var = self.word_at(self.pos).unwrap_or("_").to_string();
                    self.pos += 1;
                    let mut words = Vec::new();
                    if self.word_at(self.pos) == Some("in") {
                        self.pos += 1;
                        while let Some(w) = self.word_at(self.pos) {
                            if w == "do" {
                                break;
                            }
                            words.push(w.to_string());
                            self.pos += 1;
                        }
                    }
                    let _ = self.list(&["do"]);
                    let (body, _) = self.list(&["done"]);
                    Cmd::For { var, words, body }
                }
                "if" => {
                    self.pos += 1;
                    let mut branches = Vec::new();
                    let mut otherwise = None;
                    loop {
                        let (cond, _) = self.list(&["then"]);
                        let (then, stop) = self.list(&["elif", "else", "fi"]);
                        branches.push((cond, then));
                        match stop.as_deref() {
                            Some("elif") => continue,
                            Some("else") => {
                                otherwise = Some(self.list(&["fi"]).0);
                                break;
                            }
                            _ => break,
                        }
                    }
                    Cmd::If {
                        branches,
                        otherwise,
                    }
                }
                _ => {
                    let mut words = Vec::new();
                    let mut redirs = Vec::new();
                    loop {
                        match self.toks.get(self.pos) {
                            Some(Tok::Word(w)) => words.push(w.clone()),
                            Some(Tok::Redir(op)) => {
                                let op = op.clone();
                                let target = if op.contains('&') && op != "&>" {
                                    String::new()
                                } else {
                                    self.pos += 1;
                                    self.word_at(self.pos).unwrap_or("").to_string()
                                };
                                redirs.push(Redir { op, target });
                            }
                            _ => break,
                        }
                        self.pos += 1;
                    }
                    Cmd::Simple(words, redirs)
                }
            };
            let conn = match self.toks.get(self.pos) {
                Some(Tok::And) => Conn::And,
                Some(Tok::Or) => Conn::Or,
                Some(Tok::Pipe) => Conn::Pipe,
                _ => Conn::Seq,
            };
            if matches!(
                self.toks.get(self.pos),
                Some(Tok::And | Tok::Or | Tok::Pipe)
            ) {
                self.pos += 1;
            }
            script.0.push((cmd, conn));
        }
    }
}

pub(super) fn parse(script: &str) -> Script {
    let mut p = Parser {
        toks: tokenize(script),
        pos: 0,
    };
    p.list(&[]).0
}
