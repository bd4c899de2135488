//! Kernel struct types, named by the registry's declarations and numbered
//! for the registers that point to them.

use std::sync::Mutex;

static NAMES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

/// The id of kernel struct `name` (ids start at 1).
pub fn id(name: &'static str) -> u32 {
    let mut names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    match names.iter().position(|n| *n == name) {
        Some(i) => i as u32 + 1,
        None => {
            names.push(name);
            names.len() as u32
        }
    }
}

/// The name of kernel struct `id`.
pub fn name(id: u32) -> &'static str {
    let names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
    id.checked_sub(1)
        .and_then(|i| names.get(i as usize).copied())
        .unwrap_or("?")
}

/// The id of kernel struct `name`, for names not known at compile time.
pub fn id_of(name: &str) -> u32 {
    let known = {
        let names = NAMES.lock().unwrap_or_else(|e| e.into_inner());
        names.iter().position(|n| *n == name)
    };
    match known {
        Some(i) => i as u32 + 1,
        // Each new name is leaked once; the set of kernel struct names is small.
        None => id(Box::leak(name.to_string().into_boxed_str())),
    }
}
