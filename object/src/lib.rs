//! BPF objects as libbpf loads them: a file in, [`program::Program`]s out.
//!
//! [`elf`] reads the relocatable object, [`btf`] and [`btf_ext`] its type and
//! line information, [`loader`] applies what libbpf does before
//! `BPF_PROG_LOAD` (sections, maps, externs, CO-RE, linking subprograms), and
//! [`embedded`] finds objects inside host binaries (libbpf skeletons).
//! [`field_kind`] says what each special field of a value is.
//! [`kernel_types`] names and numbers the kernel struct types that the loader
//! resolves and the verifier's registers point to. Nothing here knows verification rules.

pub mod btf;
pub mod btf_ext;
pub mod elf;
pub mod embedded;
pub mod field_kind;
pub mod kernel_types;
pub mod loader;
pub mod program;
