//! Abstract scalars: a tnum plus signed and unsigned bounds on the full
//! 64-bit value and on its low 32 bits, kept consistent with each other.

use crate::tnum::Tnum;
use kfreg_isa::{AluOp, JmpOp};

/// What is known about a scalar.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Scalar {
    /// Known bits.
    pub var: Tnum,
    /// Unsigned 64-bit minimum.
    pub umin: u64,
    /// Unsigned 64-bit maximum.
    pub umax: u64,
    /// Signed 64-bit minimum.
    pub smin: i64,
    /// Signed 64-bit maximum.
    pub smax: i64,
    /// Unsigned minimum of the low 32 bits.
    pub u32min: u32,
    /// Unsigned maximum of the low 32 bits.
    pub u32max: u32,
    /// Signed minimum of the low 32 bits.
    pub s32min: i32,
    /// Signed maximum of the low 32 bits.
    pub s32max: i32,
}

impl Scalar {
    /// Any value.
    pub const UNKNOWN: Scalar = Scalar {
        var: Tnum::UNKNOWN,
        umin: 0,
        umax: u64::MAX,
        smin: i64::MIN,
        smax: i64::MAX,
        u32min: 0,
        u32max: u32::MAX,
        s32min: i32::MIN,
        s32max: i32::MAX,
    };

    /// Any value of the low 32 bits, zero-extended: what a 32-bit
    /// operation on unknown values gives.
    pub const UNKNOWN32: Scalar = Scalar {
        var: Tnum {
            value: 0,
            mask: u32::MAX as u64,
        },
        umin: 0,
        umax: u32::MAX as u64,
        smin: 0,
        smax: u32::MAX as i64,
        u32min: 0,
        u32max: u32::MAX,
        s32min: i32::MIN,
        s32max: i32::MAX,
    };

    /// The scalar with its low 32 bits known to be `v`, the rest as it
    /// was, its 64-bit bounds left for a later sync (the kernel's
    /// `__mark_reg32_known`).
    pub const fn with_low32(self, v: u32) -> Scalar {
        Scalar {
            var: self.var.with_subreg(Tnum::constant(v as u64)),
            u32min: v,
            u32max: v,
            s32min: v as i32,
            s32max: v as i32,
            ..self
        }
    }

    /// A known constant.
    pub const fn constant(v: u64) -> Scalar {
        Scalar {
            var: Tnum::constant(v),
            umin: v,
            umax: v,
            smin: v as i64,
            smax: v as i64,
            u32min: v as u32,
            u32max: v as u32,
            s32min: v as i32,
            s32max: v as i32,
        }
    }

    /// The value truncated to its low `size` bytes: its known bits cut, its
    /// range kept where the dropped high bits agree (the kernel's
    /// `coerce_reg_to_size`).
    pub fn coerce(self, size: u32) -> Scalar {
        if size >= 8 || self.umax >> (size * 8) == 0 {
            return self;
        }
        let mask = (1u64 << (size * 8)) - 1;
        let mut r = self;
        r.var = self.var.cast(size);
        if self.umin & !mask == self.umax & !mask {
            (r.umin, r.umax) = (self.umin & mask, self.umax & mask);
        } else {
            (r.umin, r.umax) = (0, mask);
        }
        (r.smin, r.smax) = (r.umin as i64, r.umax as i64);
        if size < 4 {
            (r.u32min, r.u32max, r.s32min, r.s32max) = (0, u32::MAX, i32::MIN, i32::MAX);
        }
        r.sync();
        r
    }

    /// Any value of `[lo, hi]` (unsigned).
    pub fn urange(lo: u64, hi: u64) -> Scalar {
        let mut s = Scalar {
            umin: lo,
            umax: hi,
            ..Scalar::UNKNOWN
        };
        s.sync();
        s
    }

    /// Any value of `[lo, hi]` (signed).
    pub fn srange(lo: i64, hi: i64) -> Scalar {
        let mut s = Scalar {
            smin: lo,
            smax: hi,
            ..Scalar::UNKNOWN
        };
        s.sync();
        s
    }

    /// Any value that fits in `bytes` bytes, zero-extended.
    pub fn unknown_width(bytes: u32) -> Scalar {
        // Every load of an unknown value asks: the usual widths once.
        static LOADED: std::sync::OnceLock<[Scalar; 4]> = std::sync::OnceLock::new();
        match bytes {
            8.. => Scalar::UNKNOWN,
            1..=4 => LOADED
                .get_or_init(|| [1, 2, 3, 4].map(|b| Scalar::urange(0, (1 << (b * 8)) - 1)))
                [bytes as usize - 1],
            _ => Scalar::urange(0, (1u64 << (bytes * 8)) - 1),
        }
    }

    /// The constant value, if known.
    pub const fn as_const(&self) -> Option<u64> {
        if self.var.is_const() {
            Some(self.var.value)
        } else {
            None
        }
    }

    /// Whether the low 32 bits are a known constant.
    pub const fn const32(&self) -> Option<u32> {
        let t = self.var.subreg();
        if t.is_const() {
            Some(t.value as u32)
        } else {
            None
        }
    }

    /// The same bits and 64-bit bounds with the 32-bit bounds forgotten:
    /// what the kernel's pointer arithmetic computes from
    /// (`__mark_reg32_unbounded` in adjust_ptr_min_max_vals).
    pub fn wide_only(&self) -> Scalar {
        Scalar {
            u32min: 0,
            u32max: u32::MAX,
            s32min: i32::MIN,
            s32max: i32::MAX,
            ..*self
        }
    }

    /// Whether the bounds contradict each other (an impossible value).
    pub fn is_empty(&self) -> bool {
        self.umin > self.umax
            || self.smin > self.smax
            || self.u32min > self.u32max
            || self.s32min > self.s32max
            || !self.var.allows(self.var.value)
    }

    /// Tightens every bound from the others until they agree.
    pub fn sync(&mut self) {
        // Most results are constants, which every rule below leaves as they
        // are once the bounds hold the value: done without running them.
        if let Some(v) = self.as_const()
            && self.holds(v)
        {
            *self = Scalar::constant(v);
            return;
        }
        // So are the unknowns of 64 and 32 bits, which the rules leave as
        // they are (`sync_leaves_the_unknowns`).
        if *self == Scalar::UNKNOWN || *self == Scalar::UNKNOWN32 {
            return;
        }
        // The kernel's reg_bounds_sync: bounds from the tnum, three rounds
        // of deductions (a round that changes nothing would give the same
        // again), the tnum from the bounds and the bounds from it. The
        // order matters, for a rule may widen what an earlier one
        // narrowed: the 32-bit bounds are taken from the 64-bit ones
        // before these are narrowed in the same round, and the mixed rule
        // then sets the signed 64-bit bounds to them.
        self.bounds_from_tnum();
        for _ in 0..3 {
            let before = *self;
            self.deduce_round();
            if *self == before {
                break;
            }
        }
        self.tnum_from_bounds();
        self.bounds_from_tnum();
    }

    /// The kernel's __reg_deduce_bounds.
    fn deduce_round(&mut self) {
        self.cross_32_from_64();
        self.deduce_32();
        self.deduce_64();
        self.cross_64_from_32();
    }

    /// Whether every bound admits `v`.
    fn holds(&self, v: u64) -> bool {
        let (v32, s) = (v as u32, v as i64);
        (self.umin..=self.umax).contains(&v)
            && (self.smin..=self.smax).contains(&s)
            && (self.u32min..=self.u32max).contains(&v32)
            && (self.s32min..=self.s32max).contains(&(v32 as i32))
    }

    fn bounds_from_tnum(&mut self) {
        let v = self.var;
        let sub = v.subreg();
        self.u32min = self.u32min.max(sub.value as u32);
        self.u32max = self.u32max.min((sub.value | sub.mask) as u32);
        self.s32min = self
            .s32min
            .max((sub.value | (sub.mask & 0x8000_0000)) as u32 as i32);
        self.s32max = self
            .s32max
            .min((sub.value | (sub.mask & 0x7fff_ffff)) as u32 as i32);
        self.umin = self.umin.max(v.value);
        self.umax = self.umax.min(v.value | v.mask);
        self.smin = self.smin.max((v.value | (v.mask & (1 << 63))) as i64);
        self.smax = self.smax.min((v.value | (v.mask & !(1 << 63))) as i64);
        // Where the unsigned range and the tnum share a single value, the
        // scalar is that value (the kernel's __update_reg64_bounds, whose
        // three cases are kept as it states them: the one after a umin
        // outside the tnum is taken even when the range ends below it).
        let next = v.next_after(self.umin);
        let max = v.umax();
        let known = if v.allows(self.umin) {
            (next > self.umax).then_some(self.umin)
        } else if next == max {
            Some(max)
        } else {
            (next <= self.umax && v.next_after(next) > self.umax).then_some(next)
        };
        if let Some(k) = known {
            *self = Scalar::constant(k);
        }
    }

    fn deduce_32(&mut self) {
        if (self.u32min as i32) <= (self.u32max as i32) {
            self.s32min = self.s32min.max(self.u32min as i32);
            self.s32max = self.s32max.min(self.u32max as i32);
        }
        if (self.s32min as u32) <= (self.s32max as u32) {
            self.u32min = self.u32min.max(self.s32min as u32);
            self.u32max = self.u32max.min(self.s32max as u32);
        } else if self.u32max < self.s32min as u32 {
            // The signed range crosses the sign boundary, so as unsigned it
            // is two pieces; an unsigned range meeting only the
            // non-negative piece (or below, only the negative one) narrows
            // both.
            self.s32min = self.u32min as i32;
            self.u32max = self.u32max.min(self.s32max as u32);
        } else if (self.s32max as u32) < self.u32min {
            self.s32max = self.u32max as i32;
            self.u32min = self.u32min.max(self.s32min as u32);
        }
    }

    fn deduce_64(&mut self) {
        if (self.umin as i64) <= (self.umax as i64) {
            self.smin = self.smin.max(self.umin as i64);
            self.smax = self.smax.min(self.umax as i64);
        }
        if (self.smin as u64) <= (self.smax as u64) {
            self.umin = self.umin.max(self.smin as u64);
            self.umax = self.umax.min(self.smax as u64);
        } else if self.umax < self.smin as u64 {
            // As in deduce_32: a signed range crossing the sign boundary
            // met by an unsigned range on one side only.
            self.smin = self.umin as i64;
            self.umax = self.umax.min(self.smax as u64);
        } else if (self.smax as u64) < self.umin {
            self.smax = self.umax as i64;
            self.umin = self.umin.max(self.smin as u64);
        }
    }

    fn cross_32_from_64(&mut self) {
        if self.umin >> 32 == self.umax >> 32 {
            self.u32min = self.u32min.max(self.umin as u32);
            self.u32max = self.u32max.min(self.umax as u32);
            if (self.umin as u32 as i32) <= (self.umax as u32 as i32) {
                self.s32min = self.s32min.max(self.umin as u32 as i32);
                self.s32max = self.s32max.min(self.umax as u32 as i32);
            }
        }
        if (self.smin as u64) >> 32 == (self.smax as u64) >> 32 {
            if (self.smin as u32) <= (self.smax as u32) {
                self.u32min = self.u32min.max(self.smin as u32);
                self.u32max = self.u32max.min(self.smax as u32);
            }
            if (self.smin as i32) <= (self.smax as i32) {
                self.s32min = self.s32min.max(self.smin as i32);
                self.s32max = self.s32max.min(self.smax as i32);
            }
        }
        // Upper halves two consecutive numbers, lower halves going from
        // negative to positive: the low 32 bits still form one s32 range
        // (a 64-bit [-4, 3] is a 32-bit [-4, 3]; deduce_bounds_32_from_64).
        for (lo, hi) in [(self.umin, self.umax), (self.smin as u64, self.smax as u64)] {
            if ((lo >> 32) as u32).wrapping_add(1) == (hi >> 32) as u32
                && (lo as i32) < 0
                && (hi as i32) >= 0
            {
                self.s32min = self.s32min.max(lo as i32);
                self.s32max = self.s32max.min(hi as i32);
            }
        }
    }

    /// The kernel's __reg_deduce_mixed_bounds: the low 32 bits' range
    /// substituted into the 64-bit bounds' low halves, and a sign-extended
    /// range whose low half is non-negative cannot have all upper bits set.
    fn cross_64_from_32(&mut self) {
        let low = |v: u64, lo: u32| (v & !0xffff_ffff) | lo as u64;
        self.umin = self.umin.max(low(self.umin, self.u32min));
        self.umax = self.umax.min(low(self.umax, self.u32max));
        self.smin = self.smin.max(low(self.smin as u64, self.u32min) as i64);
        self.smax = self.smax.min(low(self.smax as u64, self.u32max) as i64);
        if self.s32min >= 0 && self.smin >= i32::MIN as i64 && self.smax <= i32::MAX as i64 {
            self.smin = self.s32min as i64;
            self.smax = self.s32max as i64;
            self.umin = self.s32min as u64;
            self.umax = self.s32max as u64;
            self.var = self.var.intersect(Tnum::range(self.umin, self.umax));
        }
    }

    fn tnum_from_bounds(&mut self) {
        if self.umin <= self.umax {
            self.var = self.var.intersect(Tnum::range(self.umin, self.umax));
        }
        if self.u32min <= self.u32max {
            let sub = self
                .var
                .subreg()
                .intersect(Tnum::range(self.u32min as u64, self.u32max as u64));
            self.var = self.var.with_subreg(sub);
        }
    }

    /// The low 32 bits, zero-extended, as a 64-bit scalar.
    pub fn zext32(&self) -> Scalar {
        let mut s = self.low_word();
        s.sync();
        s
    }

    /// The low 32 bits' tnum and ranges as a 64-bit value, as they are:
    /// what a 32-bit test compares (is_scalar_branch_taken reads the
    /// subregister's tnum and ranges, deducing nothing more from them).
    fn low_word(&self) -> Scalar {
        Scalar {
            var: self.var.subreg(),
            umin: self.u32min as u64,
            umax: self.u32max as u64,
            smin: self.u32min as i64,
            smax: self.u32max as i64,
            u32min: self.u32min,
            u32max: self.u32max,
            s32min: self.s32min,
            s32max: self.s32max,
        }
    }

    /// The low `bytes` bytes, sign-extended to 64 bits.
    pub fn sext(&self, bytes: u32) -> Scalar {
        if bytes >= 8 {
            return *self;
        }
        let bits = bytes * 8;
        let lo = self.var.cast(bytes);
        let sign = 1u64 << (bits - 1);
        if lo.mask & sign == 0 {
            // The sign bit is known: extend it.
            let ext = if lo.value & sign != 0 {
                !0u64 << bits
            } else {
                0
            };
            let mut s = Scalar {
                var: Tnum {
                    value: lo.value | ext,
                    mask: lo.mask,
                },
                ..Scalar::UNKNOWN
            };
            if bytes == 4 {
                s.smin = self.s32min as i64;
                s.smax = self.s32max as i64;
            }
            s.sync();
            return s;
        }
        let half = 1i64 << (bits - 1);
        let mut s = if bytes == 4 {
            Scalar::srange(self.s32min as i64, self.s32max as i64)
        } else {
            Scalar::srange(-half, half - 1)
        };
        s.sync();
        s
    }

    /// `r = (s8, s16 or s32) r` and sign-extending loads: the low `bytes`
    /// bytes sign-extended, as the running kernel's `coerce_reg_to_size_sx`
    /// computes them. A 64-bit signed range whose bits above `bytes` agree
    /// and whose extension keeps one sign is extended; else the low word's
    /// ranges when the type holds its signed one (a 64-bit value whose low half
    /// is 0..3 extends to 0..3, one whose low half is 0x80 or 0x17f to the
    /// type's whole range); else the type's whole range and unknown bits.
    /// (Found by difffuzz, seed 0x01a10111f9f8a8a7, and a helper's
    /// generated programs; the cases in `asm/ldsx.s` were each recorded.)
    pub fn sext_reg(&self, bytes: u32) -> Scalar {
        let bits = bytes * 8;
        let ext = |v: i64| -> i64 {
            match bytes {
                1 => v as i8 as i64,
                2 => v as i16 as i64,
                _ => v as i32 as i64,
            }
        };
        if self.var.is_const() {
            return Scalar::constant(ext(self.var.value as i64) as u64);
        }
        let (lo, hi) = (ext(self.smin), ext(self.smax));
        let (lo, hi) = (lo.min(hi), lo.max(hi));
        let top = |v: i64| (v as u64) >> bits;
        let same_top = top(self.smax) == top(self.smin);
        let half = 1i64 << (bits - 1);
        let (s32min, s32max) = (self.s32min as i64, self.s32max as i64);
        let mut s = if same_top && (lo >= 0) == (hi >= 0) {
            Scalar {
                var: Tnum::range(lo as u64, hi as u64),
                umin: lo as u64,
                umax: hi as u64,
                smin: lo,
                smax: hi,
                u32min: lo as u32,
                u32max: hi as u32,
                s32min: lo as i32,
                s32max: hi as i32,
            }
        } else if s32min >= -half && s32max < half {
            // Else, when the type holds the low word's signed range (a
            // 32-bit one always does), extending its low `bytes` bytes
            // changes nothing in the low word: both of its ranges carry
            // over, the 64-bit value is the sign-extended word, and its
            // bits are left to the ranges (the running 6.18 kernel:
            // `(s32)` of a value with `w0 >= 1` keeps `umin32=1`, `(s8)` of
            // one in [-128, 127] whose low word is in [-127, 126] is
            // [-127, 126]; `(s32)` of a value `w |= 16` made is
            // [S32_MIN + 16, S32_MAX], bit 4 not known).
            Scalar {
                smin: s32min,
                smax: s32max,
                u32min: self.u32min,
                u32max: self.u32max,
                s32min: self.s32min,
                s32max: self.s32max,
                ..Scalar::UNKNOWN
            }
        } else {
            Scalar {
                smin: -half,
                smax: half - 1,
                s32min: -half as i32,
                s32max: (half - 1) as i32,
                ..Scalar::UNKNOWN
            }
        };
        s.sync();
        s
    }

    /// `w = (s8 or s16) w`: the low `bytes` bytes sign-extended to 32 bits,
    /// then zero-extended, from the 32-bit bounds as the kernel's
    /// `coerce_subreg_to_size_sx` computes them (a range whose bits above
    /// `bytes` differ, or whose extension crosses zero, gives the type's
    /// whole range and unknown bits).
    pub fn sext_subreg(&self, bytes: u32) -> Scalar {
        let bits = bytes * 8;
        let ext = |v: i32| -> i32 {
            if bytes == 1 {
                v as i8 as i32
            } else {
                v as i16 as i32
            }
        };
        let (s32min, s32max, var) = if self.var.subreg().is_const() {
            let v = ext(self.var.value as u32 as i32);
            (v, v, Tnum::constant(v as u32 as u64))
        } else {
            let (lo, hi) = (ext(self.s32min), ext(self.s32max));
            let (lo, hi) = (lo.min(hi), lo.max(hi));
            let same_top = (self.s32max as u32) >> bits == (self.s32min as u32) >> bits;
            if same_top && (lo >= 0) == (hi >= 0) {
                (
                    lo,
                    hi,
                    Tnum::range(lo as i64 as u64, hi as i64 as u64).subreg(),
                )
            } else {
                let half = 1i32 << (bits - 1);
                (-half, half - 1, Tnum::UNKNOWN.subreg())
            }
        };
        // zext_32_to_64: the 64-bit bounds are the 32-bit unsigned ones.
        let (u32min, u32max) = if (s32min >= 0) == (s32max >= 0) {
            (s32min as u32, s32max as u32)
        } else {
            (0, u32::MAX)
        };
        let mut s = Scalar {
            var,
            umin: u32min as u64,
            umax: u32max as u64,
            smin: u32min as i64,
            smax: u32max as i64,
            u32min,
            u32max,
            s32min,
            s32max,
        };
        s.sync();
        s
    }

    /// The result truncated to 32 bits and zero-extended (an ALU32 result).
    pub fn truncate32(&self) -> Scalar {
        let mut r = *self;
        if r.umax > u32::MAX as u64 || r.umin > r.umax {
            r.umin = 0;
            r.umax = u32::MAX as u64;
            r.u32min = 0;
            r.u32max = u32::MAX;
            r.s32min = i32::MIN;
            r.s32max = i32::MAX;
        }
        let mut s = Scalar {
            var: r.var.subreg(),
            umin: r.umin,
            umax: r.umax,
            smin: r.umin as i64,
            smax: r.umax as i64,
            ..Scalar::UNKNOWN
        };
        s.sync();
        s
    }

    /// `self op src` as an ALU64 or ALU32 operation (ALU32 results are
    /// zero-extended).
    pub fn alu(&self, op: AluOp, src: &Scalar, wide: bool) -> Scalar {
        // The kernel (`is_safe_to_compute_dst_reg_range`) tracks nothing
        // through a division or a modulo, not even of constants, nor through
        // a shift by an amount not known to be below the width. It returns
        // before zero-extending an ALU32 result, so all 64 bits are unknown.
        if !src.range_computable(op, wide) {
            return Scalar::UNKNOWN;
        }
        if !wide {
            if matches!(
                op,
                AluOp::Add | AluOp::Sub | AluOp::Neg | AluOp::Mul | AluOp::Lsh | AluOp::Arsh
            ) {
                return self.arith32(op, src);
            }
            let (a, b) = match op {
                AluOp::SDiv | AluOp::SMod => (self.sext(4), src.sext(4)),
                _ => (self.zext32(), src.zext32()),
            };
            return a.alu64(op, &b, 32).truncate32();
        }
        self.alu64(op, src, 64)
    }

    /// An ALU32 addition, subtraction, negation (`0 - self`),
    /// multiplication, left or arithmetic right shift as the kernel computes
    /// it (scalar32_min_max_add, _sub, _mul, _lsh, _arsh, then
    /// zext_32_to_64): on the 32-bit bounds themselves, so a signed 32-bit
    /// range that does not overflow stays known even when the zero-extended
    /// 64-bit operation would wrap (`w8 -= w3` with w3 = -2 takes [0, 19] to
    /// [2, 21]). The 64-bit bounds are the 32-bit ones, zero-extended.
    fn arith32(&self, op: AluOp, src: &Scalar) -> Scalar {
        let (a, b) = match op {
            AluOp::Neg => (Scalar::constant(0), *self),
            _ => (*self, *src),
        };
        let var = match op {
            AluOp::Add => a.var.add(b.var),
            // A negation is `0 - b`: `a` is the zero.
            AluOp::Sub | AluOp::Neg => a.var.sub(b.var),
            AluOp::Mul => a.var.mul(b.var),
            AluOp::Lsh => a.var.subreg().lshift(b.var.value as u32 & 31),
            _ => a.var.subreg().arshift(b.var.value as u32 & 31, 32),
        };
        let Some(b32) = a.bounds32(op, &b, var) else {
            return Scalar::UNKNOWN;
        };
        let mut r = Scalar::from_low32(var, b32);
        r.sync();
        if r.is_empty() { Scalar::UNKNOWN } else { r }
    }

    /// The low 32 bits' bounds of `self op b` by the kernel's
    /// scalar32_min_max_* rules, which adjust_scalar_min_max_vals applies to
    /// ALU64 operations too: `var` is the result's known bits (the bitwise
    /// rules read it). `None` for an operation with no such rule (the
    /// kernel leaves those bounds to the known bits).
    fn bounds32(&self, op: AluOp, b: &Scalar, var: Tnum) -> Option<Bounds32> {
        let (a, sub) = (self, var.subreg());
        let (signed, unsigned) = match op {
            AluOp::Add => {
                let (lo, lo_wraps) = a.u32min.overflowing_add(b.u32min);
                let (hi, hi_wraps) = a.u32max.overflowing_add(b.u32max);
                (
                    a.s32min
                        .checked_add(b.s32min)
                        .zip(a.s32max.checked_add(b.s32max)),
                    // Every sum wraps or none does: still one range.
                    (lo_wraps || !hi_wraps).then_some((lo, hi)),
                )
            }
            AluOp::Sub | AluOp::Neg => {
                let (lo, lo_wraps) = a.u32min.overflowing_sub(b.u32max);
                let (hi, hi_wraps) = a.u32max.overflowing_sub(b.u32min);
                (
                    a.s32min
                        .checked_sub(b.s32max)
                        .zip(a.s32max.checked_sub(b.s32min)),
                    (!lo_wraps || hi_wraps).then_some((lo, hi)),
                )
            }
            AluOp::Mul => {
                let products = [
                    a.s32min.checked_mul(b.s32min),
                    a.s32min.checked_mul(b.s32max),
                    a.s32max.checked_mul(b.s32min),
                    a.s32max.checked_mul(b.s32max),
                ];
                let signed = products.iter().all(Option::is_some).then(|| {
                    products
                        .iter()
                        .flatten()
                        .fold((i32::MAX, i32::MIN), |(lo, hi), &p| (lo.min(p), hi.max(p)))
                });
                (
                    signed,
                    a.u32min
                        .checked_mul(b.u32min)
                        .zip(a.u32max.checked_mul(b.u32max)),
                )
            }
            AluOp::And | AluOp::Or | AluOp::Xor => {
                if b.var.subreg().is_const() && sub.is_const() {
                    let v = sub.value as u32;
                    return Some(Bounds32 {
                        s32min: v as i32,
                        s32max: v as i32,
                        u32min: v,
                        u32max: v,
                    });
                }
                let (lo, hi) = match op {
                    AluOp::And => (sub.value as u32, a.u32max.min(b.u32max)),
                    AluOp::Or => (a.u32min.max(b.u32min), (sub.value | sub.mask) as u32),
                    _ => (sub.value as u32, (sub.value | sub.mask) as u32),
                };
                // The signed bounds are the unsigned ones when those do
                // not cross the sign boundary.
                let signed = ((lo as i32) <= (hi as i32)).then_some((lo as i32, hi as i32));
                (signed, Some((lo, hi)))
            }
            // A shift by a constant below the width (range_computable): the
            // sign is lost, and the unsigned bounds only survive when no set
            // bit can be shifted out (__scalar32_min_max_lsh).
            AluOp::Lsh => {
                let s = b.var.value;
                let kept = s <= 31 && a.u32max as u64 <= 1u64 << (31 - s);
                (None, kept.then(|| (a.u32min << s, a.u32max << s)))
            }
            // The signed bounds shift with the value; the unsigned ones are
            // left to the bits (`w8 s>>= 6` takes [-128, 127] to [-2, 1]).
            AluOp::Arsh => {
                let s = b.var.value as u32 & 31;
                (Some((a.s32min >> s, a.s32max >> s)), None)
            }
            _ => return None,
        };
        let (s32min, s32max) = signed.unwrap_or((i32::MIN, i32::MAX));
        let (u32min, u32max) = unsigned.unwrap_or((0, u32::MAX));
        Some(Bounds32 {
            s32min,
            s32max,
            u32min,
            u32max,
        })
    }

    /// Whether the kernel computes a range for `dst op= self`: the source
    /// of a shift must be a constant (its low 32 bits for ALU32, with every
    /// bound agreeing) whose 64-bit maximum is below the width.
    fn range_computable(&self, op: AluOp, wide: bool) -> bool {
        match op {
            AluOp::Div | AluOp::Mod | AluOp::SDiv | AluOp::SMod => false,
            AluOp::Lsh | AluOp::Rsh | AluOp::Arsh => {
                let constant = if wide {
                    self.var.is_const() && self.smin == self.smax && self.umin == self.umax
                } else {
                    self.var.subreg().is_const()
                        && self.s32min == self.s32max
                        && self.u32min == self.u32max
                };
                constant && self.umax < if wide { 64 } else { 32 }
            }
            _ => true,
        }
    }

    /// `self + b`'s known bits and 64-bit bounds (6.18's
    /// scalar_min_max_add and tnum_add), the 32-bit ones left unknown.
    fn add64(&self, b: &Scalar) -> Scalar {
        let mut r = Scalar {
            var: self.var.add(b.var),
            ..Scalar::UNKNOWN
        };
        // Every sum wraps or none does: still one range.
        let (lo, lo_wraps) = self.umin.overflowing_add(b.umin);
        let (hi, hi_wraps) = self.umax.overflowing_add(b.umax);
        if lo_wraps || !hi_wraps {
            r.umin = lo;
            r.umax = hi;
        }
        if let (Some(lo), Some(hi)) = (self.smin.checked_add(b.smin), self.smax.checked_add(b.smax))
        {
            r.smin = lo;
            r.smax = hi;
        }
        r
    }

    /// A linked copy's value from the register it was linked to: `self +
    /// delta`, as the kernel's sync_linked_regs computes it: each of the
    /// 64-bit bounds, the 32-bit ones and the known bits by its own rule,
    /// then, when `zext` (the register linked by a 32-bit addition), the
    /// low 32 bits zero-extended, before bounds are synced: what the 64-bit
    /// sum says of its low word is not kept.
    pub fn add_linked(&self, delta: i64, zext: bool) -> Scalar {
        let c = Scalar::constant(delta as u64);
        let mut r = self.add64(&c);
        if let Some(b) = self.bounds32(AluOp::Add, &c, r.var) {
            (r.u32min, r.u32max, r.s32min, r.s32max) = (b.u32min, b.u32max, b.s32min, b.s32max);
            if zext {
                r = Scalar::from_low32(r.var, b);
            }
        }
        r.sync();
        if r.is_empty() { Scalar::UNKNOWN } else { r }
    }

    /// A value whose known bits are `var`'s low 32 and whose bounds are
    /// the 32-bit ones `b`, zero-extended (the kernel's
    /// __reg_assign_32_into_64: the signed 32-bit range carries over only
    /// when it is non-negative).
    fn from_low32(var: Tnum, b: Bounds32) -> Scalar {
        let (smin, smax) = if b.s32min >= 0 {
            (b.s32min as i64, b.s32max as i64)
        } else {
            (0, u32::MAX as i64)
        };
        Scalar {
            var: var.subreg(),
            umin: b.u32min as u64,
            umax: b.u32max as u64,
            smin,
            smax,
            u32min: b.u32min,
            u32max: b.u32max,
            s32min: b.s32min,
            s32max: b.s32max,
        }
    }

    fn alu64(&self, op: AluOp, b: &Scalar, bits: u32) -> Scalar {
        let a = self;
        let mut r = Scalar::UNKNOWN;
        match op {
            AluOp::Mov => return *b,
            AluOp::MovSx(n) => return b.sext(n as u32 / 8),
            AluOp::Add => r = a.add64(b),
            AluOp::Sub => {
                r.var = a.var.sub(b.var);
                // Every difference wraps or none does: still one range.
                let (lo, lo_wraps) = a.umin.overflowing_sub(b.umax);
                let (hi, hi_wraps) = a.umax.overflowing_sub(b.umin);
                if !lo_wraps || hi_wraps {
                    r.umin = lo;
                    r.umax = hi;
                }
                if let (Some(lo), Some(hi)) =
                    (a.smin.checked_sub(b.smax), a.smax.checked_sub(b.smin))
                {
                    r.smin = lo;
                    r.smax = hi;
                }
            }
            AluOp::Neg => return Scalar::constant(0).alu64(AluOp::Sub, a, bits),
            AluOp::Mul => {
                r.var = a.var.mul(b.var);
                if let Some(hi) = a.umax.checked_mul(b.umax) {
                    r.umin = a.umin * b.umin;
                    r.umax = hi;
                }
                // The four products of the signed bounds, when none
                // overflows (6.18's scalar_min_max_mul).
                let products = [
                    a.smin.checked_mul(b.smin),
                    a.smin.checked_mul(b.smax),
                    a.smax.checked_mul(b.smin),
                    a.smax.checked_mul(b.smax),
                ];
                if products.iter().all(Option::is_some) {
                    let products = products.iter().flatten();
                    r.smin = products.clone().copied().min().unwrap_or(i64::MIN);
                    r.smax = products.copied().max().unwrap_or(i64::MAX);
                }
            }
            AluOp::And => {
                r.var = a.var.and(b.var);
                r.umax = a.umax.min(b.umax);
                if a.smin >= 0 || b.smin >= 0 {
                    r.smin = 0;
                }
            }
            AluOp::Or => {
                r.var = a.var.or(b.var);
                r.umin = a.umin.max(b.umin);
            }
            AluOp::Xor => r.var = a.var.xor(b.var),
            AluOp::Lsh | AluOp::Rsh | AluOp::Arsh => {
                let Some(s) = b.as_const().filter(|s| *s < bits as u64) else {
                    return Scalar::UNKNOWN;
                };
                let s = s as u32;
                match op {
                    AluOp::Lsh => {
                        r.var = a.var.lshift(s);
                        // Kept only when no set bit can reach the sign bit
                        // (__scalar64_min_max_lsh).
                        if a.umax <= 1u64 << (63 - s) {
                            r.umin = a.umin << s;
                            r.umax = a.umax << s;
                        }
                        // `<<32 s>>32` sign-extends a subregister: the
                        // 32-bit signed bounds, shifted, are the 64-bit ones
                        // (6.18's __scalar64_min_max_lsh, either sign).
                        if s == 32 {
                            r.smin = (a.s32min as i64) << 32;
                            r.smax = (a.s32max as i64) << 32;
                        }
                    }
                    AluOp::Rsh => {
                        r.var = a.var.rshift(s);
                        r.umin = a.umin >> s;
                        r.umax = a.umax >> s;
                    }
                    _ => {
                        r.var = a.var.arshift(s, 64);
                        r.smin = a.smin >> s;
                        r.smax = a.smax >> s;
                    }
                }
            }
            // The kernel tracks no range through a division or a modulo, not
            // even of constants (`is_safe_to_compute_dst_reg_range`).
            AluOp::Div | AluOp::Mod | AluOp::SDiv | AluOp::SMod => return Scalar::UNKNOWN,
        }
        // adjust_scalar_min_max_vals bounds the low 32 bits of an ALU64
        // result by their own rules too, before one sync of all bounds;
        // not those of an arithmetic right shift, which depend on the bits
        // shifted in from the upper half.
        if bits == 64
            && op != AluOp::Arsh
            && let Some(b32) = a.bounds32(op, b, r.var)
        {
            (r.u32min, r.u32max, r.s32min, r.s32max) =
                (b32.u32min, b32.u32max, b32.s32min, b32.s32max);
        }
        r.sync();
        if r.is_empty() { Scalar::UNKNOWN } else { r }
    }

    /// Whether `self op other` is always or never true.
    pub fn branch_taken(&self, op: JmpOp, other: &Scalar, wide: bool) -> Option<bool> {
        let (a, b) = if wide {
            (*self, *other)
        } else {
            (self.low_word(), other.low_word())
        };
        let (asmin, asmax, bsmin, bsmax) = if wide {
            (a.smin, a.smax, b.smin, b.smax)
        } else {
            (
                self.s32min as i64,
                self.s32max as i64,
                other.s32min as i64,
                other.s32max as i64,
            )
        };
        match op {
            JmpOp::Eq | JmpOp::Ne => {
                let eq = match (a.as_const(), b.as_const()) {
                    (Some(x), Some(y)) => Some(x == y),
                    _ if a.umin > b.umax || a.umax < b.umin => Some(false),
                    _ if asmin > bsmax || asmax < bsmin => Some(false),
                    // A 64-bit test the 64-bit ranges leave open is decided
                    // by disjoint 32-bit ranges too (is_scalar_branch_taken).
                    _ if wide
                        && (self.u32min > other.u32max
                            || self.u32max < other.u32min
                            || self.s32min > other.s32max
                            || self.s32max < other.s32min) =>
                    {
                        Some(false)
                    }
                    _ if (a.var.value ^ b.var.value) & !(a.var.mask | b.var.mask) != 0 => {
                        Some(false)
                    }
                    _ => None,
                };
                eq.map(|e| if op == JmpOp::Eq { e } else { !e })
            }
            JmpOp::Set => {
                // The kernel decides a test of bits only against a constant
                // (is_scalar_branch_taken), not from two registers' known bits.
                let (x, c) = if b.var.is_const() {
                    (a, b.var.value)
                } else if a.var.is_const() {
                    (b, a.var.value)
                } else {
                    return None;
                };
                if x.var.value & c != 0 {
                    Some(true)
                } else if (x.var.value | x.var.mask) & c == 0 {
                    Some(false)
                } else {
                    None
                }
            }
            JmpOp::Gt => cmp(a.umin > b.umax, a.umax <= b.umin),
            JmpOp::Ge => cmp(a.umin >= b.umax, a.umax < b.umin),
            JmpOp::Lt => cmp(a.umax < b.umin, a.umin >= b.umax),
            JmpOp::Le => cmp(a.umax <= b.umin, a.umin > b.umax),
            JmpOp::Sgt => cmp(asmin > bsmax, asmax <= bsmin),
            JmpOp::Sge => cmp(asmin >= bsmax, asmax < bsmin),
            JmpOp::Slt => cmp(asmax < bsmin, asmin >= bsmax),
            JmpOp::Sle => cmp(asmax <= bsmin, asmin > bsmax),
        }
    }

    /// Narrows both operands assuming `self op other` is `taken`, with the
    /// kernel's wrapping arithmetic (regs_refine_cond_op). Returns `None`
    /// when a bit test the operands' known bits decide is assumed to fail.
    pub fn refine(
        &self,
        op: JmpOp,
        other: &Scalar,
        wide: bool,
        taken: bool,
    ) -> Option<(Scalar, Scalar)> {
        if op == JmpOp::Set {
            // The constant operand, on either side, narrows the other.
            let konst = |s: &Scalar| {
                let var = if wide { s.var } else { s.var.subreg() };
                var.is_const().then_some(var.value)
            };
            return if let Some(c) = konst(other) {
                Some((self.refine_set(c, taken)?, *other))
            } else if let Some(c) = konst(self) {
                Some((*self, other.refine_set(c, taken)?))
            } else {
                Some((*self, *other))
            };
        }
        let op = if taken { op } else { negate(op) };
        let (mut a, mut b) = (*self, *other);
        if wide {
            match op {
                JmpOp::Eq => {
                    let var = a.var.intersect(b.var);
                    for s in [&mut a, &mut b] {
                        s.var = var;
                        s.umin = s.umin.max(self.umin.max(other.umin));
                        s.umax = s.umax.min(self.umax.min(other.umax));
                        s.smin = s.smin.max(self.smin.max(other.smin));
                        s.smax = s.smax.min(self.smax.min(other.smax));
                    }
                }
                JmpOp::Ne => {
                    if let Some(c) = b.as_const() {
                        shave(&mut a, c);
                    }
                    if let Some(c) = a.as_const() {
                        shave(&mut b, c);
                    }
                }
                JmpOp::Set => unreachable!("handled above"),
                JmpOp::Gt | JmpOp::Ge => {
                    let strict = u64::from(op == JmpOp::Gt);
                    a.umin = a.umin.max(b.umin.wrapping_add(strict));
                    b.umax = b.umax.min(a.umax.wrapping_sub(strict));
                }
                JmpOp::Lt | JmpOp::Le => {
                    let strict = u64::from(op == JmpOp::Lt);
                    a.umax = a.umax.min(b.umax.wrapping_sub(strict));
                    b.umin = b.umin.max(a.umin.wrapping_add(strict));
                }
                JmpOp::Sgt | JmpOp::Sge => {
                    let strict = i64::from(op == JmpOp::Sgt);
                    a.smin = a.smin.max(b.smin.wrapping_add(strict));
                    b.smax = b.smax.min(a.smax.wrapping_sub(strict));
                }
                JmpOp::Slt | JmpOp::Sle => {
                    let strict = i64::from(op == JmpOp::Slt);
                    a.smax = a.smax.min(b.smax.wrapping_sub(strict));
                    b.smin = b.smin.max(a.smin.wrapping_add(strict));
                }
            }
        } else {
            match op {
                JmpOp::Eq => {
                    let sub = a.var.subreg().intersect(b.var.subreg());
                    let (u_lo, u_hi) = (a.u32min.max(b.u32min), a.u32max.min(b.u32max));
                    let (s_lo, s_hi) = (a.s32min.max(b.s32min), a.s32max.min(b.s32max));
                    for s in [&mut a, &mut b] {
                        s.var = s.var.with_subreg(sub);
                        s.u32min = u_lo;
                        s.u32max = u_hi;
                        s.s32min = s_lo;
                        s.s32max = s_hi;
                    }
                }
                JmpOp::Ne => {
                    if let Some(c) = b.const32() {
                        shave32(&mut a, c);
                    }
                    if let Some(c) = a.const32() {
                        shave32(&mut b, c);
                    }
                }
                JmpOp::Set => unreachable!("handled above"),
                JmpOp::Gt | JmpOp::Ge => {
                    let strict = u32::from(op == JmpOp::Gt);
                    a.u32min = a.u32min.max(b.u32min.wrapping_add(strict));
                    b.u32max = b.u32max.min(a.u32max.wrapping_sub(strict));
                }
                JmpOp::Lt | JmpOp::Le => {
                    let strict = u32::from(op == JmpOp::Lt);
                    a.u32max = a.u32max.min(b.u32max.wrapping_sub(strict));
                    b.u32min = b.u32min.max(a.u32min.wrapping_add(strict));
                }
                JmpOp::Sgt | JmpOp::Sge => {
                    let strict = i32::from(op == JmpOp::Sgt);
                    a.s32min = a.s32min.max(b.s32min.wrapping_add(strict));
                    b.s32max = b.s32max.min(a.s32max.wrapping_sub(strict));
                }
                JmpOp::Slt | JmpOp::Sle => {
                    let strict = i32::from(op == JmpOp::Slt);
                    a.s32max = a.s32max.min(b.s32max.wrapping_sub(strict));
                    b.s32min = b.s32min.max(a.s32min.wrapping_add(strict));
                }
            }
        }
        // Bounds the test makes contradict each other are no proof to the
        // kernel that the side is dead: it reports an invariant violation
        // and forgets them, the narrowed bits kept
        // (reg_bounds_sanity_check), and explores the side.
        a.sync();
        b.sync();
        Some((a.sanity_checked(), b.sanity_checked()))
    }

    /// Narrows a register tested against itself: the kernel refines the two
    /// operands in place, and they are one register, so each rule sees the
    /// bound the other left (`regs_refine_cond_op` with `reg1 == reg2`,
    /// wrapping arithmetic included); the result is synced as any other.
    pub fn refine_self(&self, op: JmpOp, wide: bool, taken: bool) -> Scalar {
        let op = if taken { op } else { negate(op) };
        let mut a = *self;
        let strict = matches!(op, JmpOp::Gt | JmpOp::Lt | JmpOp::Sgt | JmpOp::Slt);
        if strict {
            match (op, wide) {
                (JmpOp::Gt | JmpOp::Lt, true) => {
                    a.umax = a.umax.min(a.umax.wrapping_sub(1));
                    a.umin = a.umin.max(a.umin.wrapping_add(1));
                }
                (JmpOp::Sgt | JmpOp::Slt, true) => {
                    a.smax = a.smax.min(a.smax.wrapping_sub(1));
                    a.smin = a.smin.max(a.smin.wrapping_add(1));
                }
                (JmpOp::Gt | JmpOp::Lt, false) => {
                    a.u32max = a.u32max.min(a.u32max.wrapping_sub(1));
                    a.u32min = a.u32min.max(a.u32min.wrapping_add(1));
                }
                _ => {
                    a.s32max = a.s32max.min(a.s32max.wrapping_sub(1));
                    a.s32min = a.s32min.max(a.s32min.wrapping_add(1));
                }
            }
            a.sync();
        }
        a.sanity_checked()
    }

    /// The kernel's `reg_bounds_sanity_check` after a test narrowed a
    /// register: bounds that contradict each other, or a constant tnum the
    /// ranges disagree with, are reported as an invariant violation and
    /// forgotten, the bits kept (`__mark_reg_unbounded`, no sync).
    fn sanity_checked(self) -> Scalar {
        let v = self.var.value;
        let const_broken = self.var.is_const()
            && (self.umin != v || self.umax != v || self.smin != v as i64 || self.smax != v as i64);
        if self.is_empty() || const_broken {
            Scalar {
                var: self.var,
                ..Scalar::UNKNOWN
            }
        } else {
            self
        }
    }

    /// Narrows `self` by a `JSET` against the constant `c` (the kernel's
    /// regs_refine_cond_op): taken, a single bit tested is set (of several,
    /// which one is not known); not taken, every bit tested is clear, and
    /// the ranges are forgotten first and rebuilt from the bits, as the
    /// kernel does so that a dead branch cannot leave them contradictory.
    fn refine_set(&self, c: u64, taken: bool) -> Option<Scalar> {
        let mut a = *self;
        if taken {
            if !c.is_power_of_two() {
                return Some(a);
            }
            a.var = a.var.or(Tnum::constant(c));
        } else {
            if a.var.value & c != 0 {
                return None;
            }
            a = Scalar {
                var: a.var.and(Tnum::constant(!c)),
                ..Scalar::UNKNOWN
            };
        }
        a.sync();
        (!a.is_empty()).then_some(a)
    }

    /// The values both allow; `None` when there are none.
    pub fn meet(&self, other: &Scalar) -> Option<Scalar> {
        let mut s = Scalar {
            var: self.var.intersect(other.var),
            umin: self.umin.max(other.umin),
            umax: self.umax.min(other.umax),
            smin: self.smin.max(other.smin),
            smax: self.smax.min(other.smax),
            u32min: self.u32min.max(other.u32min),
            u32max: self.u32max.min(other.u32max),
            s32min: self.s32min.max(other.s32min),
            s32max: self.s32max.min(other.s32max),
        };
        s.sync();
        (!s.is_empty()).then_some(s)
    }

    /// Whether every value `other` may hold is allowed by `self`.
    pub fn contains(&self, other: &Scalar) -> bool {
        self.umin <= other.umin
            && self.umax >= other.umax
            && self.smin <= other.smin
            && self.smax >= other.smax
            && self.u32min <= other.u32min
            && self.u32max >= other.u32max
            && self.s32min <= other.s32min
            && self.s32max >= other.s32max
            && self.var.contains(other.var)
    }

    /// The smallest scalar containing both.
    pub fn join(&self, other: &Scalar) -> Scalar {
        let mut s = Scalar {
            var: Tnum::UNKNOWN,
            umin: self.umin.min(other.umin),
            umax: self.umax.max(other.umax),
            smin: self.smin.min(other.smin),
            smax: self.smax.max(other.smax),
            u32min: self.u32min.min(other.u32min),
            u32max: self.u32max.max(other.u32max),
            s32min: self.s32min.min(other.s32min),
            s32max: self.s32max.max(other.s32max),
        };
        let diff = (self.var.value ^ other.var.value) | self.var.mask | other.var.mask;
        s.var = Tnum {
            value: self.var.value & !diff,
            mask: diff,
        };
        s.sync();
        s
    }
}

/// Bounds on the low 32 bits of a result.
struct Bounds32 {
    s32min: i32,
    s32max: i32,
    u32min: u32,
    u32max: u32,
}

fn cmp(always: bool, never: bool) -> Option<bool> {
    if always {
        Some(true)
    } else if never {
        Some(false)
    } else {
        None
    }
}

/// The comparison true exactly when `op` is false (`Set` has none and is
/// handled by its callers).
fn negate(op: JmpOp) -> JmpOp {
    match op {
        JmpOp::Eq => JmpOp::Ne,
        JmpOp::Ne => JmpOp::Eq,
        JmpOp::Gt => JmpOp::Le,
        JmpOp::Ge => JmpOp::Lt,
        JmpOp::Lt => JmpOp::Ge,
        JmpOp::Le => JmpOp::Gt,
        JmpOp::Sgt => JmpOp::Sle,
        JmpOp::Sge => JmpOp::Slt,
        JmpOp::Slt => JmpOp::Sge,
        JmpOp::Sle => JmpOp::Sgt,
        JmpOp::Set => JmpOp::Set,
    }
}

/// Removes the value `c` when it sits at an edge of the bounds.
fn shave(s: &mut Scalar, c: u64) {
    if s.umin == c {
        s.umin = s.umin.wrapping_add(1);
    }
    if s.umax == c {
        s.umax = s.umax.wrapping_sub(1);
    }
    if s.smin == c as i64 {
        s.smin = s.smin.wrapping_add(1);
    }
    if s.smax == c as i64 {
        s.smax = s.smax.wrapping_sub(1);
    }
}

fn shave32(s: &mut Scalar, c: u32) {
    if s.u32min == c {
        s.u32min = s.u32min.wrapping_add(1);
    }
    if s.u32max == c {
        s.u32max = s.u32max.wrapping_sub(1);
    }
    if s.s32min == c as i32 {
        s.s32min = s.s32min.wrapping_add(1);
    }
    if s.s32max == c as i32 {
        s.s32max = s.s32max.wrapping_sub(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `sync` returns these at once: running the rules must agree.
    #[test]
    fn sync_leaves_the_unknowns() {
        for s in [Scalar::UNKNOWN, Scalar::UNKNOWN32] {
            let mut r = s;
            r.bounds_from_tnum();
            for _ in 0..3 {
                r.deduce_round();
            }
            r.tnum_from_bounds();
            r.bounds_from_tnum();
            assert_eq!(r, s);
        }
        assert_eq!(Scalar::unknown_width(4), Scalar::UNKNOWN32);
    }
}
