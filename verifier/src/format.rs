//! Format strings of the printing helpers, as the kernel's
//! `bpf_bprintf_prepare` reads them: which conversions it prints and how
//! many arguments they take. A helper whose format is checked at load
//! time is refused a format this reading does not accept.

/// Whether `fmt` (without its NUL) prints with `args` 8-byte arguments:
/// no ASCII control byte (bytes above ASCII pass, as UTF-8 text does in
/// 6.18's stable updates), at most `args` conversions, each one the kernel
/// knows (`%d %i %u %x %X` with `l`/`ll`, `%c`, `%s`, `%ks`/`%us` through
/// `%p`, and `%p` alone or as `%pK %px %ps %pS %pB %pi4 %pI4 %pi6 %pI6`),
/// after optional flags and a width.
pub fn valid(fmt: &[u8], args: u64) -> bool {
    // The kernel reads one past a conversion's character; past the end
    // that is the NUL.
    let at = |i: usize| fmt.get(i).copied().unwrap_or(0);
    let mut used = 0;
    let mut i = 0;
    while i < fmt.len() {
        let c = fmt[i];
        if c.is_ascii() && !(is_print(c) || is_space(c)) {
            return false;
        }
        if c != b'%' {
            i += 1;
            continue;
        }
        if at(i + 1) == b'%' {
            i += 2;
            continue;
        }
        if used >= args {
            return false;
        }
        i += 1;
        while matches!(at(i), b'0' | b'+' | b'-' | b' ') {
            i += 1;
        }
        if (b'1'..=b'9').contains(&at(i)) {
            i += 1;
            while at(i).is_ascii_digit() {
                i += 1;
            }
        }
        let known = match at(i) {
            b'p' => match (at(i + 1), at(i + 2)) {
                (next, _) if ends_conversion(next) => true,
                (b'k' | b'u', b's') => {
                    i += 2;
                    ends_conversion(at(i + 1))
                }
                (b'K' | b'x' | b's' | b'S' | b'B', _) => {
                    i += 1;
                    true
                }
                (b'i' | b'I', b'4' | b'6') => {
                    i += 2;
                    true
                }
                _ => false,
            },
            b's' => ends_conversion(at(i + 1)),
            b'c' => true,
            _ => {
                for _ in 0..2 {
                    if at(i) == b'l' {
                        i += 1;
                    }
                }
                matches!(at(i), b'i' | b'd' | b'u' | b'x' | b'X')
            }
        };
        if !known {
            return false;
        }
        used += 1;
        i += 1;
    }
    true
}

/// What may follow a string or pointer conversion: the end, a space or
/// punctuation (anything else would be another `%p` extension).
fn ends_conversion(c: u8) -> bool {
    c == 0 || is_space(c) || c.is_ascii_punctuation()
}

fn is_print(c: u8) -> bool {
    (0x20..0x7f).contains(&c)
}

/// The C locale's `isspace`: space, `\t \n \v \f \r`.
fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\n' | 0x0b | 0x0c | b'\r')
}

#[cfg(test)]
mod tests {
    use super::valid;

    #[test]
    fn conversions_the_kernel_prints() {
        for (fmt, args) in [
            ("", 0),
            ("plain %% text\n", 0),
            ("%d %i %u %x %X", 5),
            ("%ld %lld %lu %llx %-08d %+3i % 5u", 7),
            ("%c %s, %p %pK %px %ps %pS %pB", 8),
            ("%pI4 %pi6 %pks %pus", 4),
            ("%s.", 1),
            ("%p\n", 1),
            ("caf\u{e9} %d", 1),
        ] {
            assert!(valid(fmt.as_bytes(), args), "{fmt:?} with {args}");
        }
    }

    #[test]
    fn formats_the_kernel_refuses() {
        for (fmt, args) in [
            ("%d", 0),
            ("%d %d", 1),
            ("%n", 1),
            ("%hd", 1),
            ("%lf", 1),
            ("%pI5", 1),
            ("%pM", 1),
            ("%sa", 1),
            ("%ksx", 1),
            ("tab\x07", 0),
            ("%\u{e9}", 1),
            ("%", 1),
            ("%5", 1),
        ] {
            assert!(!valid(fmt.as_bytes(), args), "{fmt:?} with {args}");
        }
    }
}
