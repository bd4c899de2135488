//! `kfreg verify -j N`: loading files and verifying their programs on
//! several threads, with the output of one thread.
//!
//! Work comes in two stages: loading an input yields steps, some already
//! finished (a file that could not be read) and some still to do (each
//! program to verify). Workers take a step to do before the next input to
//! load, so loaded objects do not pile up; the caller's `sink` gets every
//! input's results in input order, each input's in the order its load gave
//! them, whatever thread finished first: exactly what one thread gives.
//! (Except the message Rust's panic hook prints when a kfreg bug panics:
//! it names the thread and comes when the panic happens; the program's row
//! says the same, in its place.)

use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

/// One result of loading an input: finished, or work for a worker.
pub enum Step<U, R> {
    /// A result that needs no more work.
    Done(R),
    /// Work whose result takes this step's place.
    Todo(U),
}

/// What workers share: the next input to load, the steps to do (by input
/// and position) and how many loads are under way (a worker finding
/// nothing to do waits while one is: it may yield work).
struct Queue<U> {
    next_input: usize,
    todo: VecDeque<(usize, usize, U)>,
    loading: usize,
}

/// What a worker takes from the [`Queue`].
enum Task<U> {
    /// A step to do: its input, its position, the work.
    Step((usize, usize, U)),
    /// An input to load.
    Load(usize),
}

/// What a worker tells the thread that called [`run`].
enum Message<R> {
    /// An input was loaded: its results with a hole for each step to do.
    Loaded(usize, Vec<Option<R>>),
    /// A step of an input was done.
    Done(usize, usize, R),
}

/// Runs `load` on each of `inputs` and `work` on each step to do, on
/// `jobs` threads (1: on this thread, one step after the other), and gives
/// each input's results to `sink` in input order.
pub fn run<I, U, R>(
    inputs: &[I],
    jobs: usize,
    load: impl Fn(usize, &I) -> Vec<Step<U, R>> + Sync,
    work: impl Fn(U) -> R + Sync,
    mut sink: impl FnMut(usize, Vec<R>),
) where
    I: Sync,
    U: Send,
    R: Send,
{
    if jobs <= 1 {
        for (i, input) in inputs.iter().enumerate() {
            let results = load(i, input)
                .into_iter()
                .map(|s| match s {
                    Step::Done(r) => r,
                    Step::Todo(u) => work(u),
                })
                .collect();
            sink(i, results);
        }
        return;
    }
    let queue = Mutex::new(Queue {
        next_input: 0,
        todo: VecDeque::new(),
        loading: 0,
    });
    let changed = Condvar::new();
    let (tx, rx) = mpsc::channel::<Message<R>>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let tx = tx.clone();
            let (queue, changed, load, work) = (&queue, &changed, &load, &work);
            scope.spawn(move || worker(inputs, queue, changed, load, work, &tx));
        }
        drop(tx);
        // Results of each input not yet given to `sink`, with the number of
        // holes left; steps done before their input's load arrived wait aside.
        let mut pending: Vec<Option<(Vec<Option<R>>, usize)>> =
            inputs.iter().map(|_| None).collect();
        let mut early: Vec<(usize, usize, R)> = Vec::new();
        let mut next = 0;
        for message in rx {
            match message {
                Message::Loaded(i, mut slots) => {
                    let mut k = 0;
                    while k < early.len() {
                        if early[k].0 == i {
                            let (_, at, r) = early.swap_remove(k);
                            slots[at] = Some(r);
                        } else {
                            k += 1;
                        }
                    }
                    let holes = slots.iter().filter(|s| s.is_none()).count();
                    pending[i] = Some((slots, holes));
                }
                Message::Done(i, at, r) => match &mut pending[i] {
                    Some((slots, holes)) => {
                        slots[at] = Some(r);
                        *holes -= 1;
                    }
                    None => early.push((i, at, r)),
                },
            }
            while let Some(Some((_, 0))) = pending.get(next) {
                if let Some((slots, _)) = pending[next].take() {
                    sink(next, slots.into_iter().flatten().collect());
                }
                next += 1;
            }
        }
    });
}

/// One thread's loop: do a step when there is one, else load the next
/// input, else wait for a load under way, else stop.
fn worker<I, U, R>(
    inputs: &[I],
    queue: &Mutex<Queue<U>>,
    changed: &Condvar,
    load: &(impl Fn(usize, &I) -> Vec<Step<U, R>> + Sync),
    work: &(impl Fn(U) -> R + Sync),
    tx: &mpsc::Sender<Message<R>>,
) {
    loop {
        let mut q = queue.lock().unwrap_or_else(PoisonError::into_inner);
        let task = loop {
            if let Some(step) = q.todo.pop_front() {
                break Task::Step(step);
            }
            if q.next_input < inputs.len() {
                q.next_input += 1;
                q.loading += 1;
                break Task::Load(q.next_input - 1);
            }
            if q.loading == 0 {
                return;
            }
            q = changed.wait(q).unwrap_or_else(PoisonError::into_inner);
        };
        drop(q);
        // The receiver outlives the workers: sending cannot fail.
        let i = match task {
            Task::Step((i, at, u)) => {
                let _ = tx.send(Message::Done(i, at, work(u)));
                continue;
            }
            Task::Load(i) => i,
        };
        let mut slots = Vec::new();
        let mut todo = Vec::new();
        for (at, step) in load(i, &inputs[i]).into_iter().enumerate() {
            match step {
                Step::Done(r) => slots.push(Some(r)),
                Step::Todo(u) => {
                    slots.push(None);
                    todo.push((i, at, u));
                }
            }
        }
        let _ = tx.send(Message::Loaded(i, slots));
        let mut q = queue.lock().unwrap_or_else(PoisonError::into_inner);
        q.todo.extend(todo);
        q.loading -= 1;
        drop(q);
        changed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Input `n` yields `n % 4` steps to do and a finished one between;
    /// work sleeps longer for earlier steps, so threads finish out of order.
    fn results(jobs: usize) -> Vec<(usize, Vec<String>)> {
        let inputs: Vec<usize> = (0..23).collect();
        let mut out = Vec::new();
        run(
            &inputs,
            jobs,
            |i, &n| {
                let mut steps = vec![Step::Done(format!("{i}: loaded"))];
                for k in 0..n % 4 {
                    steps.push(Step::Todo((n, k)));
                    steps.push(Step::Done(format!("{i}: between {k}")));
                }
                steps
            },
            |(n, k)| {
                std::thread::sleep(std::time::Duration::from_millis(((23 - n) % 5) as u64));
                format!("{n}.{k} done")
            },
            |i, r| out.push((i, r)),
        );
        out
    }

    #[test]
    fn threads_give_what_one_thread_gives() {
        let one = results(1);
        assert_eq!(one.len(), 23);
        assert_eq!(
            one[3].1,
            [
                "3: loaded",
                "3.0 done",
                "3: between 0",
                "3.1 done",
                "3: between 1",
                "3.2 done",
                "3: between 2"
            ]
        );
        for jobs in [2, 3, 8, 64] {
            assert_eq!(results(jobs), one, "-j {jobs}");
        }
    }

    #[test]
    fn steps_of_one_input_run_on_several_threads() {
        // Each of the two steps waits for the other to start: they meet
        // only if two threads run them at once (else both time out).
        let met = (Mutex::new(0), Condvar::new());
        let mut out = Vec::new();
        run(
            &[()],
            2,
            |_, ()| (0..2).map(Step::Todo).collect(),
            |k: i32| {
                let (started, cv) = &met;
                let mut n = started.lock().unwrap();
                *n += 1;
                cv.notify_all();
                let wait = std::time::Duration::from_secs(10);
                let (n, timeout) = cv.wait_timeout_while(n, wait, |n| *n < 2).unwrap();
                drop(n);
                (k, !timeout.timed_out())
            },
            |_, r| out = r,
        );
        assert_eq!(out, [(0, true), (1, true)]);
    }

    #[test]
    fn no_input_no_call() {
        let mut calls = 0;
        run(
            &[] as &[u8],
            4,
            |_, _| Vec::<Step<(), ()>>::new(),
            |()| (),
            |_, _| calls += 1,
        );
        assert_eq!(calls, 0);
    }
}
