//! The live cluster of the interface: a [`Cluster`] that runs with real time
//! times a chosen speed, its flow of lights, and the lesson section that set
//! it up.

use super::flow::Flow;
use crate::sim::Cluster;
use crate::sim::clock::STEP_MS;
use crate::sim::setup::Setup;

/// The seed of the interface's cluster: the same default as `kubetutor sim`,
/// so a command typed in the interface names things (pods, IPs) the way the
/// headless pipeline does.
pub const DEFAULT_SEED: u64 = 1;

/// Speeds in half-units: 0.5×, 1×, 2×, 4×, 8×, 16×.
const SPEEDS_HALF: [u64; 6] = [1, 2, 4, 8, 16, 32];
const NORMAL: usize = 1;

/// Real time given to the cluster at most per tick: a process that was
/// stopped (Ctrl-Z) or starved does not come back to a cluster minutes ahead.
pub const MAX_TICK_MS: u64 = 1_000;

/// The section a cluster block was opened for: lesson id, section index and
/// the block without its caption (a caption differs between languages; the
/// rest decides what the cluster is).
#[derive(Debug, Clone)]
struct Opened {
    lesson: String,
    section: usize,
    setup: Setup,
}

impl Opened {
    fn is(&self, lesson: &str, section: usize, setup: &Setup) -> bool {
        let (a, b) = (&self.setup, setup);
        self.lesson == lesson
            && self.section == section
            && a.scenario == b.scenario
            && a.runtime == b.runtime
            && a.apply == b.apply
            && a.commands == b.commands
    }
}

/// The section's cluster, kept aside while a replay is shown in its place
/// (see [`Live::show`]) and put back as it was afterwards.
struct Kept {
    cluster: Cluster,
    flow: Flow,
    opened: Option<Opened>,
    origin: Option<(String, usize)>,
    setup_error: Option<String>,
    paused: bool,
    carry: u64,
    scroll: usize,
}

pub struct Live {
    pub cluster: Cluster,
    seed: u64,
    speed: usize,
    pub paused: bool,
    /// Half-milliseconds of simulated time not yet given to the cluster.
    carry: u64,
    pub flow: Flow,
    opened: Option<Opened>,
    /// The section whose block built the cluster, while the cluster is still
    /// that setup (a `reset` or `scenario` command ends it).
    pub origin: Option<(String, usize)>,
    /// What went wrong setting the cluster up, shown in the pane.
    pub setup_error: Option<String>,
    /// First row of the cluster pane's scrolling part.
    pub scroll: usize,
    /// Shown at the top of the pane while the cluster is one that a quiz
    /// or an exercise put there (see [`Live::show`]).
    pub note: Option<String>,
    /// The pane's title while it shows such a cluster (`Replay · quiz x`).
    pub title: Option<String>,
    /// The section's cluster while another is shown.
    kept: Option<Box<Kept>>,
    /// The Kubernetes API of this cluster, while `:serve` runs.
    pub serving: Option<super::super::serve::Serving>,
    /// The interface's language, for what `:serve` says.
    pub lang: crate::lang::Lang,
}

impl Live {
    /// The default cluster, running at normal speed.
    pub fn new(seed: u64) -> Live {
        let cluster = Cluster::new(seed);
        Live {
            flow: Flow::quiet(&cluster),
            cluster,
            seed,
            speed: NORMAL,
            paused: false,
            carry: 0,
            opened: None,
            origin: None,
            setup_error: None,
            scroll: 0,
            note: None,
            title: None,
            kept: None,
            serving: None,
            lang: crate::lang::Lang::En,
        }
    }

    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// Real time passed: run the cluster for it times the speed (unless
    /// paused), then let the lights move one tick.
    pub fn tick(&mut self, real_ms: u64) {
        if !self.paused {
            let half = real_ms.min(MAX_TICK_MS) * SPEEDS_HALF[self.speed] + self.carry;
            self.carry = half % 2;
            self.cluster.advance(half / 2);
        }
        self.pump_api();
        self.flow.collect(&self.cluster);
        self.flow.tick();
    }

    pub fn toggle_pause(&mut self) {
        self.paused = !self.paused;
    }

    pub fn faster(&mut self) {
        self.speed = (self.speed + 1).min(SPEEDS_HALF.len() - 1);
    }

    pub fn slower(&mut self) {
        self.speed = self.speed.saturating_sub(1);
    }

    /// Pause, and run exactly one simulation step.
    pub fn step_once(&mut self) {
        self.paused = true;
        // Less than a step is ever carried, so this runs exactly one.
        self.cluster.advance(STEP_MS);
    }

    /// The speed as a factor: `0.5×`, `1×`, `16×`.
    pub fn speed_label(&self) -> String {
        let h = SPEEDS_HALF[self.speed];
        if h % 2 == 1 {
            format!("{}.5×", h / 2)
        } else {
            format!("{}×", h / 2)
        }
    }

    /// Simulated milliseconds per real second at the current speed.
    pub fn sim_ms_per_second(&self) -> u64 {
        1000 * SPEEDS_HALF[self.speed] / 2
    }

    /// A section opened. With a `cluster` block (and not the block already
    /// applied for this section) the cluster starts over from it; without
    /// one the cluster stays as it is.
    pub fn open_section(&mut self, lesson: &str, section: usize, setup: Option<&Setup>) {
        if self.kept.is_some() {
            // A replay is on screen; the section's cluster comes back after.
            return;
        }
        let Some(setup) = setup else {
            self.opened = None;
            return;
        };
        if self
            .opened
            .as_ref()
            .is_some_and(|o| o.is(lesson, section, setup))
        {
            return;
        }
        self.opened = Some(Opened {
            lesson: lesson.to_string(),
            section,
            setup: Setup {
                caption: None,
                ..setup.clone()
            },
        });
        let mut cluster = Cluster::new(self.seed);
        let built = cluster.api().log().next_seq();
        self.setup_error = cluster.apply_setup(setup).err();
        // A scenario builds the same default cluster again (same seed), so
        // `built` also skips that building.
        self.flow = Flow::from_instant(&cluster, built);
        self.cluster = cluster;
        self.carry = 0;
        self.scroll = 0;
        self.origin = Some((lesson.to_string(), section));
    }

    /// Show `cluster` instead of the section's (a `predict` question played
    /// out, an exercise's run), with a note on top and `title` as the pane's
    /// title, until [`Live::end_show`], which puts the section's cluster
    /// back as it was.
    pub fn show(&mut self, cluster: Cluster, note: String, title: String) {
        let flow = Flow::from_instant(&cluster, 0);
        let section = Kept {
            cluster: std::mem::replace(&mut self.cluster, cluster),
            flow: std::mem::replace(&mut self.flow, flow),
            opened: self.opened.take(),
            origin: self.origin.take(),
            setup_error: self.setup_error.take(),
            paused: self.paused,
            carry: self.carry,
            scroll: self.scroll,
        };
        // A replay over a replay keeps the section's cluster, not the replay.
        if self.kept.is_none() {
            self.kept = Some(Box::new(section));
        }
        self.carry = 0;
        self.scroll = 0;
        self.note = (!note.is_empty()).then_some(note);
        self.title = (!title.is_empty()).then_some(title);
    }

    /// Whether a replay (or an exercise's run) is shown instead of the
    /// section's cluster.
    pub fn showing(&self) -> bool {
        self.kept.is_some()
    }

    /// Stop showing what [`Live::show`] put there: the section's cluster
    /// comes back as it was when the replay started.
    pub fn end_show(&mut self) {
        self.note = None;
        self.title = None;
        if let Some(k) = self.kept.take() {
            self.cluster = k.cluster;
            self.flow = k.flow;
            self.opened = k.opened;
            self.origin = k.origin;
            self.setup_error = k.setup_error;
            self.paused = k.paused;
            self.carry = k.carry;
            self.scroll = k.scroll;
        }
    }

    /// The cluster no longer belongs to the section that built it (a lesson
    /// without a cluster block was opened): its caption goes.
    pub fn forget_origin(&mut self) {
        self.origin = None;
        self.opened = None;
        self.setup_error = None;
    }

    /// The cluster was replaced by a command (`reset`, `scenario NAME`): it
    /// no longer is the section's setup.
    pub fn replaced_by_command(&mut self) {
        self.note = None;
        self.title = None;
        self.kept = None;
        self.flow = Flow::quiet(&self.cluster);
        self.origin = None;
        self.setup_error = None;
        self.scroll = 0;
    }

    /// Scroll the pane by `lines`, within `max`.
    pub fn scroll_by(&mut self, lines: i64, max: usize) {
        self.scroll = (self.scroll as i64 + lines).clamp(0, max as i64) as usize;
    }
}
