//! CNI IPAM: each node hands out pod IPs from its own pod CIDR (like the
//! `host-local` plugin): unique among live pods, released when the pod's
//! sandbox is torn down. The runtime calls this when it sets up a sandbox.

use std::collections::BTreeSet;

/// `10.244.1.7` → u32.
pub fn parse_ip(s: &str) -> Option<u32> {
    let mut parts = s.split('.');
    let mut v: u32 = 0;
    for _ in 0..4 {
        let p: u8 = parts.next()?.parse().ok()?;
        v = (v << 8) | u32::from(p);
    }
    parts.next().is_none().then_some(v)
}

pub fn format_ip(v: u32) -> String {
    format!(
        "{}.{}.{}.{}",
        v >> 24,
        (v >> 16) & 0xff,
        (v >> 8) & 0xff,
        v & 0xff
    )
}

/// `10.244.1.0/24` → (base, prefix length).
pub fn parse_cidr(s: &str) -> Option<(u32, u8)> {
    let (ip, len) = s.split_once('/')?;
    let len: u8 = len.parse().ok().filter(|l| *l <= 32)?;
    let base = parse_ip(ip)?;
    let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
    Some((base & mask, len))
}

/// Whether `ip` lies inside `cidr`.
pub fn cidr_contains(cidr: &str, ip: &str) -> bool {
    match (parse_cidr(cidr), parse_ip(ip)) {
        (Some((base, len)), Some(v)) => {
            let mask = if len == 0 { 0 } else { u32::MAX << (32 - len) };
            v & mask == base
        }
        _ => false,
    }
}

/// Address management for one node's pod CIDR.
#[derive(Debug, Clone)]
pub struct Ipam {
    cidr: String,
    base: u32,
    size: u32,
    used: BTreeSet<u32>,
    /// The last offset handed out: allocation continues after it, wrapping
    /// around, so a released address is not reused at once.
    last: u32,
}

impl Ipam {
    pub fn new(cidr: &str) -> Option<Ipam> {
        let (base, len) = parse_cidr(cidr)?;
        if len > 30 {
            return None;
        }
        Some(Ipam {
            cidr: cidr.to_string(),
            base,
            size: 1 << (32 - len),
            used: BTreeSet::new(),
            last: (1 << (32 - len)) - 2,
        })
    }

    pub fn cidr(&self) -> &str {
        &self.cidr
    }

    /// The bridge address (`.1`), which pods never get.
    pub fn gateway(&self) -> String {
        format_ip(self.base + 1)
    }

    /// Hand out the next free address (offsets 2 .. size-2), or None when full.
    pub fn allocate(&mut self) -> Option<String> {
        let usable = self.size - 3;
        for step in 1..=usable {
            let off = 2 + (self.last - 2 + step) % usable;
            if self.used.insert(off) {
                self.last = off;
                return Some(format_ip(self.base + off));
            }
        }
        None
    }

    pub fn release(&mut self, ip: &str) -> bool {
        match parse_ip(ip) {
            Some(v) if v >= self.base && v < self.base + self.size => {
                self.used.remove(&(v - self.base))
            }
            _ => false,
        }
    }

    pub fn in_use(&self) -> usize {
        self.used.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_parse_and_print() {
        assert_eq!(parse_ip("10.244.1.7"), Some(0x0AF4_0107));
        assert_eq!(format_ip(0x0AF4_0107), "10.244.1.7");
        assert_eq!(parse_ip("10.244.1"), None);
        assert_eq!(parse_ip("10.244.1.300"), None);
        assert_eq!(parse_cidr("10.244.1.9/24"), Some((0x0AF4_0100, 24)));
        assert!(cidr_contains("10.244.1.0/24", "10.244.1.200"));
        assert!(!cidr_contains("10.244.1.0/24", "10.244.2.2"));
    }

    #[test]
    fn host_local_hands_out_sequentially_and_wraps() {
        // Like the host-local IPAM plugin: .1 is the gateway, allocation
        // continues after the last address given out.
        let mut ipam = Ipam::new("10.244.1.0/29").unwrap();
        assert_eq!(ipam.gateway(), "10.244.1.1");
        let got: Vec<_> = (0..5).map(|_| ipam.allocate()).collect();
        assert_eq!(
            got,
            [
                Some("10.244.1.2".to_string()),
                Some("10.244.1.3".to_string()),
                Some("10.244.1.4".to_string()),
                Some("10.244.1.5".to_string()),
                Some("10.244.1.6".to_string()),
            ]
        );
        assert_eq!(ipam.allocate(), None);
        assert!(ipam.release("10.244.1.3"));
        assert!(!ipam.release("10.244.1.3"));
        assert_eq!(ipam.allocate().as_deref(), Some("10.244.1.3"));
        assert_eq!(ipam.in_use(), 5);
    }
}
