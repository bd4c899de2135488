//! `__kconfig` values as libbpf computes them: `LINUX_KERNEL_VERSION` from
//! the kernel release, `CONFIG_*` from the kernel's configuration
//! (`/boot/config-$(uname -r)`, else `/proc/config.gz`) or from a file the
//! user gives in its place (libbpf's `kconfig` open option).

use std::collections::HashMap;

/// `KERNEL_VERSION(a, b, c)` as libbpf computes it from a release string
/// such as `6.18.44-fc`: the patch level saturates at 255. `None` when the
/// string does not start with three numbers.
pub fn kernel_version(release: &str) -> Option<u64> {
    let mut parts = release.splitn(3, '.');
    let major: u64 = parts.next()?.parse().ok()?;
    let minor: u64 = parts.next()?.parse().ok()?;
    let rest = parts.next()?;
    let digits = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let patch: u64 = rest[..digits].parse().ok()?;
    Some((major << 16) + (minor << 8) + patch.min(255))
}

/// `LINUX_KERNEL_VERSION` as libbpf's `get_kernel_version` finds it: from
/// Ubuntu's `/proc/version_signature` (its third word), else from a Debian
/// kernel's version string (`#1 SMP Debian 4.19.260-1 (...)`: its release
/// says 4.19.0), else from the release.
pub fn libbpf_kernel_version(
    ubuntu_signature: Option<&str>,
    uts_version: &str,
    release: &str,
) -> Option<u64> {
    ubuntu_signature
        .and_then(|s| s.split_whitespace().nth(2))
        .and_then(kernel_version)
        .or_else(|| {
            let (_, debian) = uts_version.split_once("Debian ")?;
            kernel_version(debian)
        })
        .or_else(|| kernel_version(release))
}

/// A Kconfig value as a configuration file writes it. What an extern
/// gets of it depends on the extern's type (libbpf's set_kcfg_value_*): a
/// `char` gets the letter of a tristate, a `bool` or `libbpf_tristate` its
/// number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// `y`, `m` or `n`, as the letter.
    Tristate(u8),
    /// A number (decimal, `0x` hex, or negative).
    Number(u64),
    /// A quoted string, without its quotes.
    Str(String),
}

impl Value {
    /// `y`.
    pub const YES: Value = Value::Tristate(b'y');
}

/// The values of a Kconfig text (`CONFIG_X=y` lines). Comments and values
/// of no kind above are skipped. `LINUX_` lines give libbpf's virtual
/// values (what it probed on the kernel a file was recorded on, such as
/// `LINUX_HAS_SYSCALL_WRAPPER`).
pub fn parse(text: &str) -> HashMap<String, Value> {
    let mut out = HashMap::new();
    for line in text.lines() {
        let Some((name, value)) = line.trim().split_once('=') else {
            continue;
        };
        if !name.starts_with("CONFIG_") && !name.starts_with("LINUX_") {
            continue;
        }
        let v = match value {
            "y" | "m" | "n" => Some(Value::Tristate(value.as_bytes()[0])),
            v if v.len() >= 2 && v.starts_with('"') && v.ends_with('"') => {
                Some(Value::Str(v[1..v.len() - 1].to_string()))
            }
            v => v
                .strip_prefix("0x")
                .map_or_else(|| v.parse().ok(), |h| u64::from_str_radix(h, 16).ok())
                .or_else(|| v.parse::<i64>().ok().map(|n| n as u64))
                .map(Value::Number),
        };
        if let Some(v) = v {
            out.insert(name.to_string(), v);
        }
    }
    out
}

/// The running kernel's `__kconfig` values, as libbpf would fill them:
/// `LINUX_KERNEL_VERSION` ([`libbpf_kernel_version`]), and the
/// `CONFIG_*` of `/boot/config-RELEASE` or `/proc/config.gz` (decompressed
/// with `gzip -dc`), or of `override_file` when given.
pub fn system(override_file: Option<&std::path::Path>) -> Result<HashMap<String, Value>, String> {
    let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let release = release.trim();
    let mut out = match override_file {
        Some(path) => {
            parse(&std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?)
        }
        None => {
            let boot = format!("/boot/config-{release}");
            if let Ok(text) = std::fs::read_to_string(&boot) {
                parse(&text)
            } else {
                std::process::Command::new("gzip")
                    .args(["-dc", "/proc/config.gz"])
                    .stderr(std::process::Stdio::null())
                    .output()
                    .ok()
                    .filter(|o| o.status.success())
                    .map(|o| parse(&String::from_utf8_lossy(&o.stdout)))
                    .unwrap_or_default()
            }
        }
    };
    let signature = std::fs::read_to_string("/proc/version_signature").ok();
    let uts_version = std::fs::read_to_string("/proc/sys/kernel/version").unwrap_or_default();
    if let Some(v) = libbpf_kernel_version(signature.as_deref(), &uts_version, release) {
        // A recorded file's own value wins: it says what libbpf saw there.
        out.entry("LINUX_KERNEL_VERSION".into())
            .or_insert(Value::Number(v));
    }
    Ok(out)
}

/// The running kernel's number of possible CPUs (its `nr_cpu_ids`, which
/// bounds what `ret_cpu_id` helpers return): one more than the
/// highest CPU in /sys/devices/system/cpu/possible.
pub fn possible_cpus() -> Option<u32> {
    let text = std::fs::read_to_string("/sys/devices/system/cpu/possible").ok()?;
    text.trim()
        .split([',', '-'])
        .filter_map(|n| n.parse::<u32>().ok())
        .max()
        .map(|n| n + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        assert_eq!(kernel_version("6.18.44-fc-v1252"), Some(0x06122c));
        assert_eq!(kernel_version("5.15.300"), Some(0x050fff));
        assert_eq!(kernel_version("6.1"), None);
        let debian = "#1 SMP Debian 4.19.260-1 (2022-09-29)";
        assert_eq!(
            libbpf_kernel_version(None, debian, "4.19.0-22-amd64"),
            Some(0x0413ff)
        );
        let ubuntu = "Ubuntu 5.15.0-91.101-generic 5.15.131";
        assert_eq!(
            libbpf_kernel_version(Some(ubuntu), "#101-Ubuntu SMP", "5.15.0-91-generic"),
            Some(0x050f83)
        );
        assert_eq!(
            libbpf_kernel_version(None, "#1 SMP PREEMPT", "6.18.44-fc"),
            Some(0x06122c)
        );
    }

    #[test]
    fn values() {
        let v = parse("# c\nCONFIG_A=y\nCONFIG_B=m\nCONFIG_C=0x10\nCONFIG_D=\"s\"\nCONFIG_E=-1\n");
        assert_eq!(v.get("CONFIG_A"), Some(&Value::YES));
        assert_eq!(v.get("CONFIG_B"), Some(&Value::Tristate(b'm')));
        assert_eq!(v.get("CONFIG_C"), Some(&Value::Number(16)));
        assert_eq!(v.get("CONFIG_D"), Some(&Value::Str("s".into())));
        assert_eq!(v.get("CONFIG_E"), Some(&Value::Number(u64::MAX)));
        let v = parse("LINUX_HAS_SYSCALL_WRAPPER=0\nOTHER=1\nCONFIG_F=\"open\n");
        assert_eq!(v.get("LINUX_HAS_SYSCALL_WRAPPER"), Some(&Value::Number(0)));
        assert_eq!(v.get("OTHER"), None);
        assert_eq!(v.get("CONFIG_F"), None);
    }
}
