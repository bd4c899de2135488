//! Tristate numbers: each bit known 0, known 1, or unknown.
//!
//! `value` holds the known-1 bits, `mask` the unknown bits; a bit is never
//! both. The arithmetic follows the usual tnum algebra (Vishwanathan et al.).

/// A 64-bit value with unknown bits.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Tnum {
    /// Known-1 bits.
    pub value: u64,
    /// Unknown bits.
    pub mask: u64,
}

impl Tnum {
    /// Every bit unknown.
    pub const UNKNOWN: Tnum = Tnum {
        value: 0,
        mask: u64::MAX,
    };

    /// A known constant.
    pub const fn constant(v: u64) -> Tnum {
        Tnum { value: v, mask: 0 }
    }

    /// The tightest tnum containing every value of `[min, max]`.
    pub fn range(min: u64, max: u64) -> Tnum {
        let chi = min ^ max;
        let bits = 64 - chi.leading_zeros();
        if bits > 63 {
            return Tnum::UNKNOWN;
        }
        let delta = (1u64 << bits) - 1;
        Tnum {
            value: min & !delta,
            mask: delta,
        }
    }

    /// Whether every bit is known.
    pub const fn is_const(self) -> bool {
        self.mask == 0
    }

    /// Whether the value is a known `v`.
    pub const fn equals(self, v: u64) -> bool {
        self.mask == 0 && self.value == v
    }

    /// Smallest possible unsigned value.
    pub const fn umin(self) -> u64 {
        self.value
    }

    /// Largest possible unsigned value.
    pub const fn umax(self) -> u64 {
        self.value | self.mask
    }

    /// Shift left by a known amount.
    pub const fn lshift(self, s: u32) -> Tnum {
        Tnum {
            value: self.value.wrapping_shl(s),
            mask: self.mask.wrapping_shl(s),
        }
    }

    /// Logical shift right by a known amount.
    pub const fn rshift(self, s: u32) -> Tnum {
        Tnum {
            value: self.value.wrapping_shr(s),
            mask: self.mask.wrapping_shr(s),
        }
    }

    /// Arithmetic shift right of the low `bits` bits (32 or 64) by a known amount.
    pub fn arshift(self, s: u32, bits: u32) -> Tnum {
        if bits == 32 {
            Tnum {
                value: ((self.value as i32) >> s) as u32 as u64,
                mask: ((self.mask as i32) >> s) as u32 as u64,
            }
        } else {
            Tnum {
                value: ((self.value as i64) >> s) as u64,
                mask: ((self.mask as i64) >> s) as u64,
            }
        }
    }

    /// Addition.
    pub const fn add(self, b: Tnum) -> Tnum {
        let sm = self.mask.wrapping_add(b.mask);
        let sv = self.value.wrapping_add(b.value);
        let sigma = sm.wrapping_add(sv);
        let chi = sigma ^ sv;
        let mu = chi | self.mask | b.mask;
        Tnum {
            value: sv & !mu,
            mask: mu,
        }
    }

    /// Subtraction.
    pub const fn sub(self, b: Tnum) -> Tnum {
        let dv = self.value.wrapping_sub(b.value);
        let alpha = dv.wrapping_add(self.mask);
        let beta = dv.wrapping_sub(b.mask);
        let chi = alpha ^ beta;
        let mu = chi | self.mask | b.mask;
        Tnum {
            value: dv & !mu,
            mask: mu,
        }
    }

    /// Negation.
    pub const fn neg(self) -> Tnum {
        Tnum::constant(0).sub(self)
    }

    /// Bitwise and.
    pub const fn and(self, b: Tnum) -> Tnum {
        let alpha = self.value | self.mask;
        let beta = b.value | b.mask;
        let v = self.value & b.value;
        Tnum {
            value: v,
            mask: alpha & beta & !v,
        }
    }

    /// Bitwise or.
    pub const fn or(self, b: Tnum) -> Tnum {
        let v = self.value | b.value;
        let mu = self.mask | b.mask;
        Tnum {
            value: v,
            mask: mu & !v,
        }
    }

    /// Bitwise xor.
    pub const fn xor(self, b: Tnum) -> Tnum {
        let v = self.value ^ b.value;
        let mu = self.mask | b.mask;
        Tnum {
            value: v & !mu,
            mask: mu,
        }
    }

    /// Multiplication, as Linux 6.17 multiplies (the union of partial
    /// products): the destination's bits are walked, a set one adds the
    /// shifted multiplicand, an unknown one keeps the union of the sums
    /// with and without it. The operands' order matters.
    pub const fn mul(self, b: Tnum) -> Tnum {
        let mut acc = Tnum::constant(0);
        let (mut a, mut b) = (self, b);
        while a.value != 0 || a.mask != 0 {
            if a.value & 1 != 0 {
                acc = acc.add(b);
            } else if a.mask & 1 != 0 {
                acc = acc.union(acc.add(b));
            }
            a = a.rshift(1);
            b = b.lshift(1);
        }
        acc
    }

    /// The values either tnum allows: bits known alike stay known.
    pub const fn union(self, b: Tnum) -> Tnum {
        let v = self.value & b.value;
        let mu = (self.value ^ b.value) | self.mask | b.mask;
        Tnum {
            value: v & !mu,
            mask: mu,
        }
    }

    /// The values both tnums allow.
    pub const fn intersect(self, b: Tnum) -> Tnum {
        let v = self.value | b.value;
        let mu = self.mask & b.mask;
        Tnum {
            value: v & !mu,
            mask: mu,
        }
    }

    /// Truncation to the low `bytes` bytes.
    pub const fn cast(self, bytes: u32) -> Tnum {
        if bytes >= 8 {
            return self;
        }
        let keep = (1u64 << (bytes * 8)) - 1;
        Tnum {
            value: self.value & keep,
            mask: self.mask & keep,
        }
    }

    /// The low 32 bits.
    pub const fn subreg(self) -> Tnum {
        self.cast(4)
    }

    /// The high 32 bits kept, the low 32 replaced by `sub`'s low 32.
    pub const fn with_subreg(self, sub: Tnum) -> Tnum {
        let hi = self.rshift(32).lshift(32);
        hi.or(sub.subreg())
    }

    /// Whether every value `b` allows is allowed by `self`.
    pub const fn contains(self, b: Tnum) -> bool {
        if b.mask & !self.mask != 0 {
            return false;
        }
        (b.value & !self.mask) == self.value
    }

    /// Whether `v` is one of the values allowed.
    pub const fn allows(self, v: u64) -> bool {
        v & !self.mask == self.value
    }

    /// The smallest allowed value above `z`, clamped to the allowed range:
    /// the smallest value when `z` is below it, the largest when `z` is at
    /// or above it (the kernel's `tnum_step`).
    pub fn next_after(self, z: u64) -> u64 {
        let max = self.umax();
        if z >= max {
            return max;
        }
        if z < self.value {
            return self.value;
        }
        // The answer keeps `z`'s bits above some bit k, where `z` has a 0
        // the tnum may turn into a 1, and takes the smallest allowed bits
        // below k. No bit above k may contradict a known bit; a known 0
        // that `z` sets must be cleared, so k lies above it, while a known
        // 1 that `z` lacks may be k itself. The lowest such k gives the
        // smallest answer; one exists because `z` is below the largest value.
        let clash = (z ^ self.value) & !self.mask;
        let floor = match 63u32.checked_sub(clash.leading_zeros()) {
            None => 0,
            Some(h) if z >> h & 1 == 1 => h + 1,
            Some(h) => h,
        };
        let may_set = (self.value | self.mask) & !z;
        let k = (may_set >> floor << floor).trailing_zeros();
        let below = (1u64 << k) - 1;
        (z & !below & !(1u64 << k)) | 1u64 << k | (self.value & below)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every concrete value of `t`, for small masks.
    fn members(t: Tnum) -> Vec<u64> {
        let bits: Vec<u32> = (0..64).filter(|b| t.mask >> b & 1 == 1).collect();
        (0..1u64 << bits.len())
            .map(|n| {
                bits.iter()
                    .enumerate()
                    .fold(t.value, |v, (i, b)| v | ((n >> i) & 1) << b)
            })
            .collect()
    }

    fn samples() -> Vec<Tnum> {
        let mut out = vec![
            Tnum::constant(0),
            Tnum::constant(5),
            Tnum::constant(u64::MAX),
        ];
        for (v, m) in [
            (0, 3),
            (4, 3),
            (8, 0x11),
            (1, 6),
            (0x10, 0x0f),
            (u64::MAX - 7, 6),
        ] {
            out.push(Tnum {
                value: v & !m,
                mask: m,
            });
        }
        out
    }

    #[test]
    fn operations_are_sound() {
        type Op = (fn(Tnum, Tnum) -> Tnum, fn(u64, u64) -> u64);
        let ops: [Op; 6] = [
            (Tnum::add, u64::wrapping_add),
            (Tnum::sub, u64::wrapping_sub),
            (Tnum::mul, u64::wrapping_mul),
            (Tnum::and, |a, b| a & b),
            (Tnum::or, |a, b| a | b),
            (Tnum::xor, |a, b| a ^ b),
        ];
        for a in samples() {
            for b in samples() {
                for (abstract_op, concrete) in ops {
                    let r = abstract_op(a, b);
                    assert_eq!(r.value & r.mask, 0);
                    for x in members(a) {
                        for y in members(b) {
                            assert!(r.allows(concrete(x, y)), "{a:?} {b:?} {x} {y}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn range_covers_its_bounds() {
        for (lo, hi) in [(0, 0), (3, 9), (16, 31), (1, u64::MAX), (100, 100)] {
            let t = Tnum::range(lo, hi);
            assert!(t.allows(lo) && t.allows(hi));
        }
        assert!(!Tnum::range(4, 7).equals(4) && Tnum::range(4, 7).mask == 3);
    }

    #[test]
    fn next_after_is_the_next_member() {
        for t in samples().into_iter().chain([
            Tnum {
                value: 0x100,
                mask: 0x11,
            },
            Tnum {
                value: 0x4,
                mask: 0xf0,
            },
            Tnum {
                value: 0,
                mask: 0x8000_0000_0000_0001,
            },
        ]) {
            let m = members(t);
            let (lo, hi) = (t.value, t.umax());
            let probes = m
                .iter()
                .flat_map(|&v| [v, v.wrapping_sub(1), v.wrapping_add(1)]);
            for z in probes.chain([0, 1, lo, hi, u64::MAX]) {
                let want = if z >= hi {
                    hi
                } else if z < lo {
                    lo
                } else {
                    *m.iter().filter(|&&v| v > z).min().unwrap()
                };
                assert_eq!(t.next_after(z), want, "{t:?} after {z:#x}");
            }
        }
    }

    #[test]
    fn subregisters() {
        let t = Tnum {
            value: 0x1_0000_0004,
            mask: 0x3,
        };
        assert_eq!(t.subreg(), Tnum { value: 4, mask: 3 });
        assert_eq!(
            t.with_subreg(Tnum::constant(9)),
            Tnum::constant(0x1_0000_0009)
        );
        assert!(Tnum::UNKNOWN.contains(t));
        assert!(!t.contains(Tnum::UNKNOWN));
    }
}
