//! Speed of the exact voting-power indices, up to a 30-member Council.
//!
//!     cargo bench -p horseshoe-core --bench power

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};

use horseshoe_core::rules::power::power_indices;

fn power(c: &mut Criterion) {
    for (members, veto_holders, quota) in [(15, 5, 9), (30, 6, 20)] {
        let veto: Vec<bool> = (0..members).map(|i| i < veto_holders).collect();
        c.bench_function(&format!("power indices, {members} members"), |b| {
            b.iter(|| black_box(power_indices(quota, &veto)))
        });
    }
}

criterion_group!(benches, power);
criterion_main!(benches);
