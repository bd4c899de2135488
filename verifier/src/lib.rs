//! A BPF verifier whose kfunc rules come from the kfreg registry.
