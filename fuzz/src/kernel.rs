//! The judge: the running kernel's verifier, reached through `bpf(2)`.
//!
//! Only `BPF_MAP_CREATE` and `BPF_PROG_LOAD`: nothing is attached or run,
//! and every program fd is closed as soon as the verdict is known.

use crate::funcs::{self, Func};
use kfreg_isa::{Insn, Pseudo, RawInsn, encode};

const SYS_BPF: libc::c_long = 321;
const BPF_MAP_CREATE: libc::c_long = 0;
const BPF_PROG_LOAD: libc::c_long = 5;
const BPF_BTF_LOAD: libc::c_long = 18;
/// Large enough for any log level 1 log of a 60-instruction program.
const LOG_SIZE: usize = 1 << 20;
/// `prog_flags` bit of a sleepable program.
const BPF_F_SLEEPABLE: u32 = 1 << 4;

/// The kernel's verdict on one program.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KernelVerdict {
    /// Whether `BPF_PROG_LOAD` returned an fd.
    pub accepted: bool,
    /// The error line (the last non-empty log line before the
    /// `processed N insns` summary), or `errno N` when the log is empty.
    pub error: Option<String>,
    /// The instructions it processed, from the log's summary (none when
    /// the log did not fit).
    pub processed: Option<u64>,
}

/// One worker's connection to the kernel: its array map, its log buffer,
/// and the BTF it gave programs with subprograms, by their functions.
pub struct Kernel {
    map_fd: i32,
    log: Vec<u8>,
    btf_fds: std::collections::HashMap<String, (i32, Vec<u32>)>,
}

/// BTF objects a worker keeps loaded before it closes them all.
const BTF_CACHE: usize = 256;

impl Kernel {
    /// Creates the array map (`key`, `value`, `max` entries).
    pub fn new(key: u32, value: u32, max: u32) -> Result<Kernel, String> {
        let mut attr = [0u8; 128];
        put32(&mut attr, 0, 2); // BPF_MAP_TYPE_ARRAY
        put32(&mut attr, 4, key);
        put32(&mut attr, 8, value);
        put32(&mut attr, 12, max);
        let fd = sys_bpf(BPF_MAP_CREATE, &mut attr);
        if fd < 0 {
            return Err(format!(
                "BPF_MAP_CREATE: {}",
                std::io::Error::last_os_error()
            ));
        }
        Ok(Kernel {
            map_fd: fd as i32,
            log: vec![0; LOG_SIZE],
            btf_fds: std::collections::HashMap::new(),
        })
    }

    /// The encoding the kernel gets: map references carry this worker's fd.
    pub fn encode(&self, insns: &[Insn]) -> Vec<RawInsn> {
        let mut raw = encode(insns);
        for (r, i) in raw.iter_mut().zip(insns) {
            if let Insn::LdImm64 {
                pseudo: Pseudo::MapFd,
                ..
            } = i
            {
                r.imm = self.map_fd;
            }
        }
        raw
    }

    /// Loads `insns` as a GPL program of type `prog_type` with expected
    /// attach type `attach`, sleepable if asked, and closes it. Its
    /// functions after the main one are `funcs` (static when it names
    /// fewer); `ctx_name` is the program type's context struct.
    pub fn load(
        &mut self,
        prog_type: u32,
        attach: u32,
        sleepable: bool,
        insns: &[Insn],
        funcs: &[Func],
        ctx_name: Option<&str>,
    ) -> KernelVerdict {
        let raw = self.encode(insns);
        let bytes = RawInsn::to_bytes(&raw);
        let license = b"GPL\0";
        self.log[0] = 0;
        let mut attr = [0u8; 128];
        put32(&mut attr, 0, prog_type);
        put32(&mut attr, 4, raw.len() as u32);
        put64(&mut attr, 8, bytes.as_ptr() as u64);
        put64(&mut attr, 16, license.as_ptr() as u64);
        put32(&mut attr, 24, 1);
        put32(&mut attr, 28, LOG_SIZE as u32);
        put64(&mut attr, 32, self.log.as_mut_ptr() as u64);
        if sleepable {
            put32(&mut attr, 44, BPF_F_SLEEPABLE);
        }
        put32(&mut attr, 68, attach);
        // Programs with subprograms get BTF for their functions (callbacks
        // need it), as compiled programs do.
        let starts = crate::function_starts(insns);
        let funcs = crate::signatures(funcs, starts.len());
        let btf = (starts.len() > 1)
            .then(|| self.btf_fd(&funcs, ctx_name))
            .flatten();
        let func_info: Vec<u8> = btf
            .iter()
            .flat_map(|(_, ids)| starts.iter().zip(ids))
            .flat_map(|(&start, &id)| {
                let mut rec = start.to_ne_bytes().to_vec();
                rec.extend(id.to_ne_bytes());
                rec
            })
            .collect();
        if let Some((btf_fd, _)) = btf {
            put32(&mut attr, 72, btf_fd as u32);
            put32(&mut attr, 76, 8);
            put64(&mut attr, 80, func_info.as_ptr() as u64);
            put32(&mut attr, 88, starts.len() as u32);
        }
        if prog_load(&mut attr) {
            return KernelVerdict {
                accepted: true,
                error: None,
                processed: processed(&self.log_text()),
            };
        }
        let errno = std::io::Error::last_os_error();
        // The log did not fit (the kernel fails an accepted program whose
        // log it truncated): the verdict comes from a load without a log.
        if errno.raw_os_error() == Some(libc::ENOSPC) {
            // The log rotates: its tail, the summary, is still there.
            let counted = processed(&self.log_text());
            put32(&mut attr, 24, 0);
            put32(&mut attr, 28, 0);
            put64(&mut attr, 32, 0);
            if prog_load(&mut attr) {
                return KernelVerdict {
                    accepted: true,
                    error: None,
                    processed: counted,
                };
            }
        }
        let text = self.log_text();
        KernelVerdict {
            accepted: false,
            error: Some(error_message(&text).unwrap_or_else(|| format!("{errno}"))),
            processed: processed(&text),
        }
    }

    /// The BTF of a program with `funcs` after its main function, loaded
    /// once, and its functions' type ids.
    fn btf_fd(&mut self, funcs: &[Func], ctx_name: Option<&str>) -> Option<(i32, Vec<u32>)> {
        let key = format!("{ctx_name:?} {}", funcs::format(funcs));
        if let Some(known) = self.btf_fds.get(&key) {
            return Some(known.clone());
        }
        if self.btf_fds.len() >= BTF_CACHE {
            self.close_btf();
        }
        let (blob, ids) = funcs::btf(funcs, ctx_name);
        let mut attr = [0u8; 128];
        put64(&mut attr, 0, blob.as_ptr() as u64);
        put32(&mut attr, 16, blob.len() as u32);
        let fd = sys_bpf(BPF_BTF_LOAD, &mut attr);
        (fd >= 0).then(|| {
            self.btf_fds.insert(key, (fd as i32, ids.clone()));
            (fd as i32, ids)
        })
    }

    fn close_btf(&mut self) {
        for (fd, _) in self.btf_fds.values() {
            // SAFETY: the BTF fds are ours and closed once: the map is emptied.
            unsafe { libc::close(*fd) };
        }
        self.btf_fds.clear();
    }

    /// The log the last load wrote.
    pub fn log_text(&self) -> String {
        let end = self.log.iter().position(|b| *b == 0).unwrap_or(LOG_SIZE);
        String::from_utf8_lossy(&self.log[..end]).into_owned()
    }
}

/// The `N` of a log's `processed N insns` summary.
pub fn processed(log: &str) -> Option<u64> {
    log.lines()
        .rev()
        .find_map(|l| l.strip_prefix("processed "))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
}

/// `BPF_PROG_LOAD` with `attr`: whether the kernel accepted the program
/// (whose fd is closed at once: it is never attached or run).
fn prog_load(attr: &mut [u8; 128]) -> bool {
    let fd = sys_bpf(BPF_PROG_LOAD, attr);
    if fd >= 0 {
        // SAFETY: the fd was just returned to us and is closed once.
        unsafe { libc::close(fd as i32) };
    }
    fd >= 0
}

impl Drop for Kernel {
    fn drop(&mut self) {
        // SAFETY: the map fd is ours and closed once.
        unsafe { libc::close(self.map_fd) };
        self.close_btf();
    }
}

/// The error message of a log, its lines joined: the run of lines that
/// are not the instruction trace (at most ten, as `scripts/kload.c`
/// records them) ending at the last non-empty line before the summary.
pub fn error_message(log: &str) -> Option<String> {
    let lines: Vec<&str> = log.lines().filter(|l| !l.trim().is_empty()).collect();
    let mut end = lines
        .iter()
        .rposition(|l| l.starts_with("processed "))
        .unwrap_or(lines.len());
    // An infinite loop is reported above the two states it compared.
    if end > 0
        && lines[end - 1].starts_with("old state:")
        && let Some(cur) = lines[..end]
            .iter()
            .rposition(|l| l.starts_with("cur state:"))
    {
        end = cur;
    }
    if end == 0 {
        return None;
    }
    let mut start = end - 1;
    while start > 0 && end - start < 10 && !is_trace_line(lines[start - 1]) {
        start -= 1;
    }
    Some(lines[start..end].join("\n"))
}

/// Whether a log line is the trace of the walk rather than a message: an
/// instruction or state (`N:`) or the rest of a state (indented), a source
/// line, a jump, a precision or liveness note, a call's frames.
fn is_trace_line(l: &str) -> bool {
    let digits = l.bytes().take_while(u8::is_ascii_digit).count();
    let jump = l
        .strip_prefix("from ")
        .and_then(|r| r.split_once(" to "))
        .is_some_and(|(a, b)| {
            a.parse::<u32>().is_ok()
                && b.split(':')
                    .next()
                    .is_some_and(|n| n.parse::<u32>().is_ok())
        });
    (digits > 0 && l[digits..].starts_with(':'))
        || l.starts_with(' ')
        || l.starts_with("; ")
        || jump
        || [
            "mark_precise:",
            "Live regs before insn:",
            "Func#",
            "Validating ",
            "caller:",
            "callee:",
            "returning from callee:",
            "to caller at",
        ]
        .iter()
        .any(|p| l.starts_with(p))
}

fn put32(attr: &mut [u8], at: usize, v: u32) {
    attr[at..at + 4].copy_from_slice(&v.to_ne_bytes());
}

fn put64(attr: &mut [u8], at: usize, v: u64) {
    attr[at..at + 8].copy_from_slice(&v.to_ne_bytes());
}

fn sys_bpf(cmd: libc::c_long, attr: &mut [u8; 128]) -> libc::c_long {
    // SAFETY: `attr` is a zeroed bpf_attr prefix of the size we pass; the
    // pointers inside it outlive the call.
    unsafe { libc::syscall(SYS_BPF, cmd, attr.as_mut_ptr(), attr.len() as libc::c_uint) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_error_message_ends_before_the_summary() {
        let log = "0: (b7) r0 = 0\n1: (95) exit\nR0 !read_ok\nprocessed 2 insns (limit 1000000)\n";
        assert_eq!(error_message(log).as_deref(), Some("R0 !read_ok"));
        assert_eq!(error_message("last line\n\n").as_deref(), Some("last line"));
        assert_eq!(error_message(""), None);
        let two = "0: (85) call pc+1\nfrom 2 to 3: R1=1\nR1 must be referenced or trusted\n\
                   Caller passes invalid args into func#1 ('f')\nprocessed 1 insns\n";
        assert_eq!(
            error_message(two).as_deref(),
            Some("R1 must be referenced or trusted\nCaller passes invalid args into func#1 ('f')")
        );
        assert_eq!(processed(log), Some(2));
        assert_eq!(processed("R0 !read_ok\n"), None);
        let indented = "5: (05) goto pc-2\n frame1: R1=ctx()\ninfinite loop detected at insn 3\nprocessed 9 insns\n";
        assert_eq!(
            error_message(indented).as_deref(),
            Some("infinite loop detected at insn 3")
        );
        let looped = "infinite loop detected at insn 3\ncur state: R1=1\nold state: R1=1\nprocessed 9 insns\n";
        assert_eq!(
            error_message(looped).as_deref(),
            Some("infinite loop detected at insn 3")
        );
    }
}
