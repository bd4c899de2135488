//! Loops as Linux 6.18 sees them: the strongly connected components of
//! each subprogram's control-flow graph, and what a path converging inside
//! one owes the states it converged on.
//!
//! A path inside a loop may stop at a state of an earlier round whose
//! exploration is not finished (an iterator's next call, a may_goto, a
//! callback's round): that state's precision marks are not final yet, so
//! what the path's own ancestors must keep precise is not known either.
//! Such a stop is a *backedge*. Backedges are kept per visit of a loop, a
//! visit being the loop together with the call sites leading to it; while a
//! visit has backedges, finished states inside it are compared by range
//! (their marks are incomplete too). Once the state that entered the loop
//! is finished, every mark is final and is carried over the backedges
//! until nothing changes.

use crate::history::Hist;
use crate::state::State;
use kfreg_isa::Insn;

/// Per instruction, the component it belongs to: 0 for none, else an id
/// shared by the instructions of one loop. A component is a loop when it
/// has two or more instructions, an instruction jumping to itself, or is a
/// call `calls_back` says runs a callback in rounds (a loop the graph does
/// not show). Tarjan's algorithm over the successors, calls falling through.
pub fn components(insns: &[Insn], calls_back: impl Fn(usize) -> bool) -> Vec<u32> {
    const UNSEEN: u32 = 0;
    const DONE: u32 = u32::MAX;
    let n = insns.len();
    let succ = |i: usize| crate::liveness::successors(insns, i);
    // Visit order (1-based) and the lowest order reachable while on the stack.
    let mut pre = vec![UNSEEN; n];
    let mut low = vec![UNSEEN; n];
    let mut stack: Vec<usize> = Vec::new();
    let mut scc = vec![0u32; n];
    let mut next_id = 1;
    let mut counter = 0;
    for root in 0..n {
        if pre[root] != UNSEEN {
            continue;
        }
        // (node, index of the next successor to look at)
        let mut dfs = vec![(root, 0usize)];
        while let Some(&(w, k)) = dfs.last() {
            if k == 0 && pre[w] == UNSEEN {
                counter += 1;
                pre[w] = counter;
                low[w] = counter;
                stack.push(w);
            }
            let next = succ(w);
            if let Some(t) = next.get(k).copied() {
                if let Some(top) = dfs.last_mut() {
                    top.1 += 1;
                }
                match t {
                    Some(t) if pre[t] == UNSEEN => dfs.push((t, 0)),
                    Some(t) if low[t] != DONE => low[w] = low[w].min(low[t]),
                    _ => {}
                }
                continue;
            }
            dfs.pop();
            if let Some(&(parent, _)) = dfs.last()
                && low[w] != DONE
            {
                low[parent] = low[parent].min(low[w]);
            }
            if low[w] < pre[w] {
                continue;
            }
            let is_loop = stack.last() != Some(&w) || next.contains(&Some(w)) || calls_back(w);
            loop {
                let t = stack.pop().expect("w is on the stack");
                low[t] = DONE;
                if is_loop {
                    scc[t] = next_id;
                }
                if t == w {
                    break;
                }
            }
            if is_loop {
                next_id += 1;
            }
        }
    }
    scc
}

/// Which visit of a loop a state is in: the call sites of the frames
/// outside the loop, then the loop. Held inline (a state has at most
/// `MAX_CALL_FRAMES` frames): it is compared at every prune point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Callchain {
    callsites: [u32; crate::limits::MAX_CALL_FRAMES],
    len: u8,
    scc: u32,
}

impl Callchain {
    /// The outermost frame of `st` whose instruction (its call site, for
    /// a frame waiting on a call) is in a loop names the loop; `None` when
    /// no frame's is.
    pub fn of(st: &State, scc: &[u32]) -> Option<Callchain> {
        let mut chain = Callchain {
            callsites: [0; crate::limits::MAX_CALL_FRAMES],
            len: 0,
            scc: 0,
        };
        for i in 0..st.frames.len().min(crate::limits::MAX_CALL_FRAMES) {
            let insn = st.frames.get(i + 1).map_or(st.insn, |f| f.callsite);
            let id = scc.get(insn as usize).copied().unwrap_or(0);
            if id != 0 {
                chain.scc = id;
                return Some(chain);
            }
            chain.callsites[i] = insn;
            chain.len += 1;
        }
        None
    }
}

/// A path that stopped at a state still being explored (or whose marks
/// were incomplete): what it needs to inherit the marks later.
pub struct Backedge {
    /// The path's state when it stopped.
    pub st: State,
    /// Its history since its stored ancestor.
    pub hist: Vec<Hist>,
    /// Its stored ancestor.
    pub parent: Option<usize>,
    /// The stored state it was found equal to.
    pub equal: usize,
}

/// One visit of a loop.
struct Visit {
    chain: Callchain,
    /// The stored state that entered the loop, while it is explored.
    entry: Option<usize>,
    backedges: Vec<Backedge>,
}

/// The visits of loops of one verification.
#[derive(Default)]
pub struct Visits(Vec<Visit>);

impl Visits {
    fn find(&mut self, chain: &Callchain) -> Option<&mut Visit> {
        self.0.iter_mut().find(|v| v.chain == *chain)
    }

    /// The stored state `node` is in `chain`: it is the visit's entry
    /// unless the visit already has one.
    pub fn enter(&mut self, chain: Callchain, node: usize) {
        match self.find(&chain) {
            Some(v) => {
                v.entry.get_or_insert(node);
            }
            None => self.0.push(Visit {
                chain,
                entry: Some(node),
                backedges: Vec::new(),
            }),
        }
    }

    /// The stored state `node` of `chain` is finished: when it entered
    /// the loop, the visit ends and its backedges are returned.
    pub fn exit(&mut self, chain: &Callchain, node: usize) -> Vec<Backedge> {
        match self.find(chain) {
            Some(v) if v.entry == Some(node) => {
                v.entry = None;
                std::mem::take(&mut v.backedges)
            }
            _ => Vec::new(),
        }
    }

    /// Records a backedge of the visit `chain` (which a stored state
    /// entered).
    pub fn add(&mut self, chain: &Callchain, edge: Backedge) {
        if let Some(v) = self.find(chain) {
            v.backedges.push(edge);
        }
    }

    /// Backedges waiting, over all visits.
    pub fn backedges(&self) -> usize {
        self.0.iter().map(|v| v.backedges.len()).sum()
    }

    /// Whether states of `chain` may still gain marks: the visit has
    /// backedges waiting.
    pub fn incomplete(&mut self, chain: &Callchain) -> bool {
        self.find(chain).is_some_and(|v| !v.backedges.is_empty())
    }
}
