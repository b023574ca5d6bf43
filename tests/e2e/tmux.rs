#![allow(dead_code)]
//! A real terminal for end-to-end tests: tmux runs a shell, the shell runs the
//! binary, `send-keys` types and `capture-pane` reads the screen.
//!
//! Every test gets its own tmux server (`-L <unique socket>`), so tests run in
//! parallel and never touch a user's tmux. Waiting is by polling the screen
//! with a generous upper bound; no assertion depends on how fast anything is.

use std::process::{Command, Output};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::sleep;
use std::time::{Duration, Instant};

static NEXT: AtomicUsize = AtomicUsize::new(0);

/// How long to wait for something to appear before failing the test.
pub const PATIENCE: Duration = Duration::from_secs(20);

pub struct Tmux {
    socket: String,
}

impl Tmux {
    /// A new tmux server with one `cols`×`rows` window running a plain bash
    /// whose prompt is `READY$ `. `env` is exported in the shell first.
    pub fn start(cols: u16, rows: u16, env: &[(&str, &str)]) -> Tmux {
        let socket = format!(
            "kubetutor-e2e-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::SeqCst)
        );
        let tmux = Tmux { socket };
        let status = tmux.cmd(&[
            "-u",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
            "env",
            "-i",
            &format!("PATH={}", std::env::var("PATH").unwrap_or_default()),
            &format!(
                "HOME={}",
                std::env::var("HOME").unwrap_or_else(|_| "/tmp".into())
            ),
            "TERM=tmux-256color",
            "LANG=C.UTF-8",
            "PS1=READY$ ",
            "bash",
            "--norc",
            "--noprofile",
        ]);
        assert!(
            status.status.success(),
            "tmux new-session failed: {status:?}"
        );
        // The window must keep its size even though no client is attached.
        tmux.cmd(&["set-option", "-g", "window-size", "manual"]);
        tmux.cmd(&[
            "resize-window",
            "-t",
            "t",
            "-x",
            &cols.to_string(),
            "-y",
            &rows.to_string(),
        ]);
        tmux.wait_for("READY$");
        for (k, v) in env {
            tmux.type_line(&format!("export {k}='{v}'"));
        }
        tmux.type_line("clear");
        tmux
    }

    fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux is installed (the CI script installs it)")
    }

    /// Type a line into the shell and press Enter.
    pub fn type_line(&self, line: &str) {
        self.cmd(&["send-keys", "-t", "t", "-l", line]);
        self.cmd(&["send-keys", "-t", "t", "Enter"]);
    }

    /// Send tmux key names (`q`, `Right`, `C-c`, `Tab`, `?`).
    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "t"];
        args.extend_from_slice(keys);
        self.cmd(&args);
    }

    /// The visible screen, one string per row.
    pub fn screen(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-t", "t"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// The visible screen with its colours, as tmux re-encodes them (SGR
    /// escape sequences): for checking what is highlighted.
    pub fn styled_screen(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-e", "-t", "t"]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// A tmux format value for the pane (`#{alternate_on}`, `#{cursor_flag}`).
    pub fn pane_format(&self, format: &str) -> String {
        let out = self.cmd(&["display-message", "-p", "-t", "t", format]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    /// Wait until the screen contains `needle`; panic with the screen if it
    /// never does.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(|s| s.contains(needle), needle)
    }

    /// Wait until the screen contains every one of `needles` (a frame may be
    /// captured half-written, so each expectation is waited for).
    pub fn wait_for_all(&self, needles: &[&str]) -> String {
        self.wait_until(
            |s| needles.iter().all(|n| s.contains(n)),
            &needles.join(" + "),
        )
    }

    /// Wait until `pred` holds for the screen.
    pub fn wait_until(&self, pred: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if pred(&screen) {
                return screen;
            }
            if start.elapsed() > PATIENCE {
                panic!("waited for {what:?}; the screen is:\n{screen}");
            }
            sleep(Duration::from_millis(50));
        }
    }

    /// The pid of the program running in the shell (the shell's child),
    /// found in /proc so no extra tool is needed.
    pub fn child_pid(&self) -> Option<u32> {
        let shell: u32 = self.pane_format("#{pane_pid}").parse().ok()?;
        std::fs::read_dir("/proc")
            .ok()?
            .flatten()
            .find_map(|entry| {
                let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
                let stat = std::fs::read_to_string(entry.path().join("stat")).ok()?;
                // pid (comm) state ppid ...; comm may contain spaces, so split after ')'.
                let ppid: u32 = stat
                    .rsplit_once(')')?
                    .1
                    .split_whitespace()
                    .nth(1)?
                    .parse()
                    .ok()?;
                (ppid == shell).then_some(pid)
            })
    }

    /// After the program exits: the shell prompt is back, the alternate screen
    /// is off, the cursor is visible, mouse reporting is off and the tty is in
    /// cooked mode with echo.
    pub fn assert_terminal_restored(&self) {
        self.wait_until(
            |s| s.lines().any(|l| l.starts_with("READY$")),
            "the shell prompt after the program exited",
        );
        assert_eq!(
            self.pane_format("#{alternate_on}"),
            "0",
            "alternate screen left on"
        );
        assert_eq!(
            self.pane_format("#{cursor_flag}"),
            "1",
            "cursor left hidden"
        );
        assert_eq!(
            self.pane_format("#{mouse_any_flag}"),
            "0",
            "mouse reporting left on"
        );
        self.type_line(
            "clear; echo TTY:$(stty -a | tr ' ;' '\\n\\n' | grep -E '^-?(icanon|echo)$' | tr '\\n' ' ')",
        );
        let is_answer = |l: &str| l.starts_with("TTY:") && !l.contains("$(");
        let screen = self.wait_until(|s| s.lines().any(is_answer), "stty output");
        let answer = screen.lines().find(|l| is_answer(l)).unwrap_or_default();
        assert_eq!(
            answer.trim(),
            "TTY:icanon echo",
            "tty not restored to cooked mode with echo:\n{screen}"
        );
    }
}

impl Tmux {
    /// Close the terminal under the program, as when a terminal window or an
    /// SSH connection goes away.
    pub fn hang_up(&self) {
        self.cmd(&["kill-server"]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd(&["kill-server"]);
    }
}
