//! The no-panic fuzzer's cases are a function of the seed and the index
//! alone (what `--replay` and the supervisor's crash reports rely on), and
//! a minimised case only drops edits.

use kfreg_difffuzz::nopanic::{Fuzzer, Panic, Settings, Target};

#[test]
fn cases_are_reproducible() {
    let settings = Settings::default();
    let a = Fuzzer::new(Target::Btf, &settings).expect("inputs");
    let b = Fuzzer::new(Target::Btf, &settings).expect("inputs");
    for i in [0, 1, 77, 1 << 40] {
        assert_eq!(a.case(i), b.case(i));
        assert_eq!(a.input(&a.case(i)), b.input(&b.case(i)));
    }
    let other = Fuzzer::new(
        Target::Btf,
        &Settings {
            seed: 2,
            ..settings
        },
    )
    .expect("inputs");
    assert!((0..16).any(|i| other.case(i) != a.case(i)));
}

#[test]
fn minimising_a_case_that_does_not_panic_keeps_it() {
    let f = Fuzzer::new(Target::Btf, &Settings::default()).expect("inputs");
    let case = f.case(3);
    assert!(f.check(&case).is_ok());
    let none = Panic {
        location: "nowhere".into(),
        message: String::new(),
    };
    assert_eq!(f.minimise(&case, &none), case);
}
