/// `ret = writable` says what a returned pointer lets the program do: a
/// scalar return has nothing to write through.
#[kfreg::kfunc(ret = writable)]
pub unsafe extern "C" fn bpf_counter_value() -> u64 {
    0
}

fn main() {}
