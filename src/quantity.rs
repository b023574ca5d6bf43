//! Kubernetes resource quantities (`500m`, `2`, `128Mi`, `1G`, `1e3`).
//!
//! The simulator keeps CPU in millicores and memory in bytes; this module turns
//! the strings of a manifest or a `kubectl` flag into those numbers and back.
//! Grammar: <https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/quantity/>

use std::fmt;

/// Why a quantity string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuantityError(pub String);

impl fmt::Display for QuantityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        )?;
        if !self.0.is_empty() {
            write!(f, " (got {:?})", self.0)?;
        }
        Ok(())
    }
}

impl std::error::Error for QuantityError {}

/// Parse a quantity into thousandths of its base unit (so `500m` is 500 and `2`
/// is 2000), rounding up as Kubernetes does. Negative quantities are rejected:
/// no resource in the subset we model may be negative.
pub fn parse_milli(text: &str) -> Result<u128, QuantityError> {
    let err = || QuantityError(text.to_string());
    let s = text.trim();
    if s.is_empty() {
        return Err(err());
    }
    let s = s.strip_prefix('+').unwrap_or(s);
    let split = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(s.len());
    let (number, suffix) = s.split_at(split);
    if number.is_empty() || number == "." || number.matches('.').count() > 1 {
        return Err(err());
    }
    let (int_part, frac_part) = number.split_once('.').unwrap_or((number, ""));
    // value = mantissa / 10^frac_digits
    let digits = format!("{int_part}{frac_part}");
    let mantissa: u128 = if digits.is_empty() {
        0
    } else {
        digits.parse().map_err(|_| err())?
    };
    let frac_digits = frac_part.len() as u32;

    // (numerator, denominator) of the suffix multiplier, times 1000 for milli units.
    let (mul, div): (u128, u128) = match suffix {
        "" => (1000, 1),
        "m" => (1, 1),
        "u" => (1, 1000),
        "n" => (1, 1_000_000),
        "k" => (1000 * 1000, 1),
        "M" => (1000 * 1_000_000, 1),
        "G" => (1000 * 1_000_000_000, 1),
        "T" => (1000 * 1_000_000_000_000, 1),
        "P" => (1000 * 1_000_000_000_000_000, 1),
        "E" => (1000 * 1_000_000_000_000_000_000, 1),
        "Ki" => (1000 << 10, 1),
        "Mi" => (1000 << 20, 1),
        "Gi" => (1000 << 30, 1),
        "Ti" => (1000 << 40, 1),
        "Pi" => (1000 << 50, 1),
        "Ei" => (1000 << 60, 1),
        exp if exp.starts_with(['e', 'E']) => {
            let e: i32 = exp[1..].parse().map_err(|_| err())?;
            if !(-9..=18).contains(&e) {
                return Err(err());
            }
            if e >= 0 {
                (1000 * 10u128.pow(e as u32), 1)
            } else {
                (1000, 10u128.pow((-e) as u32))
            }
        }
        _ => return Err(err()),
    };
    let numerator = mantissa.checked_mul(mul).ok_or_else(err)?;
    let denominator = div
        .checked_mul(10u128.pow(frac_digits.min(30)))
        .ok_or_else(err)?;
    Ok(numerator.div_ceil(denominator))
}

/// CPU in millicores: `500m` → 500, `2` → 2000, `0.5` → 500.
pub fn parse_cpu_millis(text: &str) -> Result<u64, QuantityError> {
    let milli = parse_milli(text)?;
    u64::try_from(milli).map_err(|_| QuantityError(text.to_string()))
}

/// Memory in bytes: `128Mi` → 134217728, `1G` → 10^9. Fractions of a byte round up.
pub fn parse_bytes(text: &str) -> Result<u64, QuantityError> {
    let milli = parse_milli(text)?;
    u64::try_from(milli.div_ceil(1000)).map_err(|_| QuantityError(text.to_string()))
}

/// Millicores as kubectl prints them: `500m`, `2`, `1500m`.
pub fn format_cpu(millis: u64) -> String {
    if millis.is_multiple_of(1000) {
        format!("{}", millis / 1000)
    } else {
        format!("{millis}m")
    }
}

/// Bytes in the largest binary unit that divides them: `128Mi`, `4Gi`, `1000`.
pub fn format_bytes(bytes: u64) -> String {
    const UNITS: [(&str, u32); 5] = [("Pi", 50), ("Ti", 40), ("Gi", 30), ("Mi", 20), ("Ki", 10)];
    if bytes == 0 {
        return "0".to_string();
    }
    for (unit, shift) in UNITS {
        let size = 1u64 << shift;
        if bytes.is_multiple_of(size) {
            return format!("{}{unit}", bytes / size);
        }
    }
    bytes.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_quantities() {
        assert_eq!(parse_cpu_millis("500m"), Ok(500));
        assert_eq!(parse_cpu_millis("2"), Ok(2000));
        assert_eq!(parse_cpu_millis("0.5"), Ok(500));
        assert_eq!(parse_cpu_millis(".1"), Ok(100));
        assert_eq!(parse_cpu_millis("1.5"), Ok(1500));
        assert_eq!(parse_cpu_millis("250u"), Ok(1), "rounds up like Kubernetes");
        assert_eq!(parse_cpu_millis("1e3"), Ok(1_000_000));
        assert!(parse_cpu_millis("-1").is_err());
        assert!(parse_cpu_millis("abc").is_err());
        assert!(parse_cpu_millis("1.2.3").is_err());
        assert!(parse_cpu_millis("").is_err());
        assert!(parse_cpu_millis("5 m").is_err());
    }

    #[test]
    fn memory_quantities() {
        assert_eq!(parse_bytes("128Mi"), Ok(128 << 20));
        assert_eq!(parse_bytes("1Gi"), Ok(1 << 30));
        assert_eq!(parse_bytes("4Gi"), Ok(4 << 30));
        assert_eq!(parse_bytes("1G"), Ok(1_000_000_000));
        assert_eq!(parse_bytes("64M"), Ok(64_000_000));
        assert_eq!(parse_bytes("1024"), Ok(1024));
        assert_eq!(parse_bytes("1.5Gi"), Ok(3 << 29));
        assert!(parse_bytes("128MB").is_err());
        assert!(parse_bytes("128mi").is_err());
    }

    #[test]
    fn formatting_round_trips() {
        assert_eq!(format_cpu(500), "500m");
        assert_eq!(format_cpu(2000), "2");
        assert_eq!(format_bytes(128 << 20), "128Mi");
        assert_eq!(format_bytes(4 << 30), "4Gi");
        assert_eq!(format_bytes(1000), "1000");
        assert_eq!(format_bytes(0), "0");
        for q in ["250m", "3", "1500m"] {
            assert_eq!(format_cpu(parse_cpu_millis(q).unwrap()), q);
        }
    }

    #[test]
    fn error_message_is_kubectl_wording() {
        let e = parse_bytes("12XB").unwrap_err().to_string();
        assert!(
            e.starts_with("quantities must match the regular expression"),
            "{e}"
        );
        assert!(e.contains("\"12XB\""), "{e}");
    }
}
