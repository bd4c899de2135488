//! Link-time collection: every declaration is a `#[used]` static in a named
//! ELF section, and the linker concatenates the sections of every object it
//! links into one array that `__start_NAME` and `__stop_NAME` delimit.
//!
//! This replaces the `inventory` crate, whose submission costs each
//! declaration a constructor function, a node and an `.init_array` entry to
//! compile; a static in a section costs only its value, and nothing runs at
//! startup. ELF only: the linker defines `__start_`/`__stop_` for sections
//! whose names are C identifiers.
//!
//! Soundness rests on three things. The linker keeps a section whose
//! `__start_`/`__stop_` symbols are referenced (GNU ld and lld do unless
//! told `-z start-stop-gc`; the collection tests pass linked by either), so
//! `--gc-sections` cannot drop entries, and `#[used]` keeps rustc and LLVM
//! from dropping an entry nothing names.
//! Every entry of a section has the section's one type, whose size is a
//! multiple of its alignment, so entries lie back to back with no padding.
//! And each section has an empty placeholder here, so the section, and its
//! two symbols, exist even in a program that declares nothing.

#[cfg(not(target_os = "linux"))]
compile_error!("kfreg collects declarations from ELF link sections: Linux only");

/// Defines `fn $read() -> &'static [$ty]`, the entries of section `$section`
/// across every object of the program. `$start` and `$stop` are the linker's
/// names for its bounds (`__start_` and `__stop_` followed by `$section`:
/// spelled out because `link_name` takes a literal only).
macro_rules! section {
    ($(#[$doc:meta])* $read:ident: $ty:ty = $section:literal, $start:literal, $stop:literal) => {
        $(#[$doc])*
        pub(crate) fn $read() -> &'static [$ty] {
            unsafe extern "Rust" {
                #[link_name = $start]
                static START: $ty;
                #[link_name = $stop]
                static STOP: $ty;
            }
            // Makes the section exist with no entry. `static mut` so that it
            // is writable data like the entries, which hold pointers and so
            // are relocated at load: the members of one section in one object
            // must agree on its flags.
            #[used]
            #[unsafe(link_section = $section)]
            static mut PLACEHOLDER: [$ty; 0] = [];

            const { assert!(::core::mem::size_of::<$ty>() > 0) };
            let start = &raw const START;
            let stop = &raw const STOP;
            let len = (stop as usize - start as usize) / ::core::mem::size_of::<$ty>();
            // SAFETY: the linker places every entry of the section, each a
            // `$ty` static (the macros that emit them name the type), back to
            // back between the two symbols; they are immutable for the life
            // of the program.
            unsafe { ::core::slice::from_raw_parts(start, len) }
        }
    };
}

section! {
    /// The kfuncs `#[kfunc]` declared.
    kfuncs: crate::decl::Kfunc = "kfreg_kfuncs", "__start_kfreg_kfuncs", "__stop_kfreg_kfuncs"
}
section! {
    /// The families `#[family]` declared.
    families: crate::decl::FamilyEntry = "kfreg_families", "__start_kfreg_families", "__stop_kfreg_families"
}
section! {
    /// The helpers `#[helper]` declared.
    helpers: crate::helper::HelperEntry = "kfreg_helpers", "__start_kfreg_helpers", "__stop_kfreg_helpers"
}
section! {
    /// The program types `#[prog_type]` declared.
    prog_types: crate::prog_type::ProgTypeEntry = "kfreg_prog_types", "__start_kfreg_prog_types", "__stop_kfreg_prog_types"
}
section! {
    /// The iterator targets `#[iter_target]` declared.
    iter_targets: crate::iter_target::IterTargetEntry = "kfreg_iter_targets", "__start_kfreg_iter_targets", "__stop_kfreg_iter_targets"
}
section! {
    /// The tracepoints `#[tracepoint]` declared.
    tracepoints: crate::tracepoint::TracepointEntry = "kfreg_tracepoints", "__start_kfreg_tracepoints", "__stop_kfreg_tracepoints"
}
section! {
    /// The LSM hooks `#[lsm_hook]` declared.
    lsm_hooks: crate::lsm_hook::LsmHookEntry = "kfreg_lsm_hooks", "__start_kfreg_lsm_hooks", "__stop_kfreg_lsm_hooks"
}
section! {
    /// The struct_ops types `#[struct_ops]` declared.
    struct_ops: crate::struct_ops::StructOpsEntry = "kfreg_struct_ops", "__start_kfreg_struct_ops", "__stop_kfreg_struct_ops"
}

#[cfg(test)]
mod tests {
    /// This test binary declares nothing (it links no crate of
    /// declarations): every section holds its placeholder only, and reads as
    /// empty instead of failing to link.
    #[test]
    fn a_program_without_declarations_reads_empty_sections() {
        assert!(super::kfuncs().is_empty());
        assert!(super::families().is_empty());
        assert!(super::helpers().is_empty());
        assert!(super::prog_types().is_empty());
        assert!(super::iter_targets().is_empty());
        assert!(super::tracepoints().is_empty());
        assert!(super::lsm_hooks().is_empty());
        assert!(super::struct_ops().is_empty());
    }
}
