//! How much CPU and memory a running container uses, by image and command:
//! a few millicores and megabytes for an idle server, what `stress` is
//! told to burn for the stress images the Kubernetes docs use
//! (`polinux/stress --vm 1 --vm-bytes 150M`, `vish/stress -cpus 2`).
//! Memory above the limit ends in an OOM kill; CPU above the limit is
//! throttled to the limit.
//! <https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/>
//! <https://kubernetes.io/docs/tasks/configure-pod-container/assign-cpu-resource/>

use super::images;
use super::objects::Resources;

/// metrics-server's resolution: a container's usage is known once it has
/// run this long.
pub const SCRAPE_MS: u64 = 15_000;

/// What a container asks of the machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Demand {
    pub cpu_millis: u64,
    pub memory_bytes: u64,
    /// How long until the memory is allocated.
    pub ramp_ms: u64,
}

fn value<'a>(argv: &'a [String], names: &[&str]) -> Option<&'a str> {
    for (i, a) in argv.iter().enumerate() {
        for n in names {
            if let Some(v) = a.strip_prefix(&format!("{n}=")) {
                return Some(v);
            }
            if a == n {
                return argv.get(i + 1).map(String::as_str);
            }
        }
    }
    None
}

fn bytes(text: &str) -> Option<u64> {
    // stress takes `150M` as 150 MiB (B, K, M, G suffixes are powers of 1024).
    let t = text.trim();
    let (num, mul) = match t.chars().last()? {
        'B' | 'b' => (&t[..t.len() - 1], 1),
        'K' | 'k' => (&t[..t.len() - 1], 1 << 10),
        'M' | 'm' => (&t[..t.len() - 1], 1 << 20),
        'G' | 'g' => (&t[..t.len() - 1], 1 << 30),
        'i' => return crate::quantity::parse_bytes(t).ok(),
        _ => (t, 1),
    };
    num.parse::<u64>().ok().map(|n| n * mul)
}

/// What `image` run with `argv` uses once it is up.
pub fn demand(image: &str, argv: &[String]) -> Demand {
    let short = images::lookup(image).map(|i| i.reference.short().to_string());
    let idle = Demand {
        cpu_millis: 1,
        memory_bytes: 3 << 20,
        ramp_ms: 0,
    };
    let words: Vec<String> = argv
        .iter()
        .flat_map(|a| a.split_whitespace().map(str::to_string).collect::<Vec<_>>())
        .collect();
    let stress = words.iter().any(|w| w.rsplit('/').next() == Some("stress"))
        || matches!(short.as_deref(), Some("stress"));
    if !stress {
        return match short.as_deref() {
            Some("mysql" | "postgres" | "mongo" | "rabbitmq") => Demand {
                cpu_millis: 5,
                memory_bytes: 180 << 20,
                ramp_ms: 0,
            },
            _ => idle,
        };
    }
    // polinux/stress: --vm N --vm-bytes B, --cpu N; vish/stress: -cpus N, -mem-total B.
    let vms: u64 = value(&words, &["--vm", "-m"])
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let vm_bytes = value(&words, &["--vm-bytes"])
        .and_then(bytes)
        .unwrap_or(256 << 20);
    let cpus: u64 = value(&words, &["--cpu", "-c", "-cpus"])
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let mem_total = value(&words, &["-mem-total"]).and_then(bytes);
    let alloc = value(&words, &["-mem-alloc-size"]).and_then(bytes);
    let alloc_sleep_ms = value(&words, &["-mem-alloc-sleep"])
        .and_then(|s| crate::duration::parse_millis(s).ok())
        .unwrap_or(1000);
    let memory = mem_total.unwrap_or(vms * vm_bytes);
    let ramp_ms = match (mem_total, alloc) {
        (Some(total), Some(step)) if step > 0 => total.div_ceil(step) * alloc_sleep_ms,
        _ => 1000,
    };
    Demand {
        cpu_millis: cpus * 1000 + 1,
        memory_bytes: memory.max(1 << 20),
        ramp_ms,
    }
}

/// When a container that wants `d` is killed by the kernel for going over
/// its memory limit (`None` when it stays under, or has no limit).
pub fn oom_after(d: Demand, limits: Resources) -> Option<u64> {
    if limits.memory_bytes == 0 || d.memory_bytes <= limits.memory_bytes {
        return None;
    }
    // Memory grows at an even pace until it crosses the limit.
    Some((d.ramp_ms * limits.memory_bytes / d.memory_bytes).max(300))
}

/// What `top` shows: CPU throttled to the limit, memory as used.
pub fn observed(d: Demand, limits: Resources) -> Resources {
    Resources {
        cpu_millis: if limits.cpu_millis > 0 {
            d.cpu_millis.min(limits.cpu_millis)
        } else {
            d.cpu_millis
        },
        memory_bytes: d.memory_bytes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn the_docs_stress_containers() {
        // https://kubernetes.io/docs/tasks/configure-pod-container/assign-memory-resource/#exceed-a-container-s-memory-limit
        let d = demand(
            "polinux/stress",
            &s(&[
                "stress",
                "--vm",
                "1",
                "--vm-bytes",
                "250M",
                "--vm-hang",
                "1",
            ]),
        );
        assert_eq!(d.memory_bytes, 250 << 20);
        let limit = Resources {
            cpu_millis: 0,
            memory_bytes: 100 << 20,
        };
        assert_eq!(oom_after(d, limit), Some(400));
        assert_eq!(
            oom_after(
                d,
                Resources {
                    cpu_millis: 0,
                    memory_bytes: 300 << 20
                }
            ),
            None
        );
        // https://kubernetes.io/docs/tasks/configure-pod-container/assign-cpu-resource/#specify-a-cpu-request-and-a-cpu-limit
        let cpu = demand("vish/stress", &s(&["-cpus", "2"]));
        assert_eq!(
            observed(
                cpu,
                Resources {
                    cpu_millis: 1000,
                    memory_bytes: 0
                }
            )
            .cpu_millis,
            1000
        );
        assert_eq!(demand("nginx", &[]).memory_bytes, 3 << 20);
    }
}
