//! `difffuzz`: random BPF programs judged by kfreg and by the running kernel.

use kfreg_difffuzz::{
    Config, KernelNames, Outcome, funcs, functions_line, judge, kernel, kernel_btf, kfreg_log,
    kfreg_verdict, listing, num, progen, targets,
};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str =
    "usage: difffuzz [--seconds N] [--seed S] [-j N] [--programs N] [--no-kernel] [--out DIR] [--insn-limit N]
                [--prog-types T,..]   (default socket_filter,xdp; any with a context, e.g. sched_cls)
       difffuzz --replay PROGRAM_SEED [--prog-types T,..] [--no-kernel]
       difffuzz --check CASE_FILE [--no-kernel]   (a written case: its `# program type:` line and text)";

fn main() -> ExitCode {
    match real_main() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("difffuzz: {e}\n{USAGE}");
            ExitCode::FAILURE
        }
    }
}

fn real_main() -> Result<(), String> {
    let mut cfg = Config {
        seconds: 10,
        seed: 1,
        jobs: 1,
        kernel: true,
        out: PathBuf::from("target/difffuzz"),
        max_programs: 0,
        prog_types: progen::PROG_TYPES.to_vec(),
    };
    let mut replay = None;
    let mut check = None;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seconds" => cfg.seconds = num(args.next(), "--seconds")?,
            "--seed" => cfg.seed = num(args.next(), "--seed")?,
            "-j" | "--jobs" => cfg.jobs = num(args.next(), "-j")?.max(1) as usize,
            "--programs" => cfg.max_programs = num(args.next(), "--programs")?,
            "--no-kernel" => cfg.kernel = false,
            "--insn-limit" => kfreg_difffuzz::INSN_LIMIT.store(
                num(args.next(), "--insn-limit")?,
                std::sync::atomic::Ordering::Relaxed,
            ),
            "--prog-types" => {
                let list = args.next().ok_or("--prog-types needs a list")?;
                cfg.prog_types = list
                    .split(',')
                    .map(|n| {
                        progen::parse_spec(n).ok_or(format!(
                            "--prog-types: unknown program type or attach type in {n}"
                        ))
                    })
                    .collect::<Result<_, _>>()?;
            }
            "--out" => cfg.out = args.next().ok_or("--out needs a value")?.into(),
            "--replay" => replay = Some(num(args.next(), "--replay")?),
            "--check" => check = Some(args.next().ok_or("--check needs a file")?),
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if let Some(seed) = replay {
        let p = progen::generate(seed, &targets(&cfg.prog_types));
        return show(&p, cfg.kernel);
    }
    if let Some(file) = check {
        let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
        let (ty, attach) = text
            .lines()
            .find_map(|l| l.strip_prefix("# program type: "))
            .and_then(progen::parse_spec)
            .ok_or(format!("{file}: no `# program type:` line"))?;
        let insns = kfreg_isa::asm::assemble(&text, &KernelNames(kernel_btf()))
            .map_err(|e| format!("{file}: {e}"))?;
        let funcs = match text.lines().find_map(|l| l.strip_prefix("# functions: ")) {
            Some(line) => funcs::parse(line).map_err(|e| format!("{file}: {e}"))?,
            None => Vec::new(),
        };
        let p = progen::GenProgram {
            prog_type: ty,
            attach,
            insns,
            funcs,
        };
        return show(&p, cfg.kernel);
    }
    let t = kfreg_difffuzz::run(&cfg)?;
    let secs = t.elapsed.as_secs_f64().max(1e-9);
    println!(
        "{:.1}s, {:.0} programs/s, {} accepted by {}, {} invariant violations, {} rejections with another error line",
        secs,
        t.programs as f64 / secs,
        t.kernel_accepts,
        if cfg.kernel { "the kernel" } else { "kfreg" },
        t.invariants,
        t.message_differences
    );
    for ((o, class), (n, file)) in &t.classes {
        let o = match o {
            Outcome::FalseAccept => "false accept",
            Outcome::FalseReject => "false reject",
            _ => "invariant",
        };
        println!("  {o:12} x{n:<6} {class}  ({}/{file})", cfg.out.display());
    }
    println!(
        "{} programs, {} agree, {} false accepts, {} false rejects, {} limit-bound",
        t.programs, t.agree, t.false_accepts, t.false_rejects, t.limit_bound
    );
    Ok(())
}

fn show(p: &progen::GenProgram, with_kernel: bool) -> Result<(), String> {
    println!(
        "# program type: {}",
        progen::spec_name(p.prog_type, p.attach)
    );
    print!("{}{}", functions_line(p), listing(&p.insns));
    let fv = kfreg_verdict(p);
    print!("kfreg log:\n{}", kfreg_log(p));
    println!("kfreg:  {fv:?}");
    if with_kernel {
        let mut k = kernel::Kernel::new(
            progen::MAP_KEY_SIZE,
            progen::MAP_VALUE_SIZE,
            progen::MAP_MAX_ENTRIES,
        )?;
        let (o, kv, _) = judge(p, Some(&mut k));
        if kv.is_some() {
            print!("kernel log:\n{}", k.log_text());
        }
        println!("kernel: {kv:?}\noutcome: {o:?}");
    }
    Ok(())
}
