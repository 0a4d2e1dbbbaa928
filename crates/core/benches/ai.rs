//! Speed of AI decision rounds: the work of one delegation's turn, for every
//! delegation.
//!
//!     cargo bench -p horseshoe-core --bench ai
//!
//! Target (docs/performance.md): no AI decision round slower than 2 ms.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use horseshoe_core::ai::{Context, Situation, corridors, penholder};
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::model::draft::DraftStatus;
use horseshoe_core::model::state::{Disposition, GameRng, Table};
use horseshoe_core::scenario;

fn gaza() -> Arc<CompiledScenario> {
    let src = include_str!("../../../scenarios/gaza-2012.ron");
    Arc::new(CompiledScenario::new(
        scenario::parse("gaza-2012.ron", src)
            .expect("valid")
            .scenario,
    ))
}

fn decision_rounds(c: &mut Criterion) {
    let sc = gaza();
    let mut rng = GameRng::seeded(1).0;
    let disp: Vec<Disposition> = (0..sc.seat_count())
        .map(|s| Disposition::new(&sc, s, &mut rng))
        .collect();
    let happened = vec![false; sc.events.len()];
    let mut table = Table::new(&sc);
    for d in table.drafts.iter_mut() {
        d.status = DraftStatus::OnTable;
        d.circulated_day = Some(1);
    }
    let make = || Situation::new(&sc, &disp, 0.8, 4, &happened);

    c.bench_function("AI round: every delegation plans its corridor day", |b| {
        b.iter(|| {
            let sit = make();
            for seat in 0..sc.seat_count() {
                black_box(corridors::plan(&sit, seat, &table, 3, &mut rng));
            }
        })
    });
    c.bench_function("AI round: penholder search on the press statement", |b| {
        b.iter(|| {
            let sit = make();
            black_box(penholder::search(
                &sit,
                table.drafts[0].penholder,
                &table.drafts[0],
            ));
        })
    });
    c.bench_function("AI round: every delegation votes on the resolution", |b| {
        b.iter(|| {
            let sit = make();
            let d = &table.drafts[1];
            for seat in 0..sc.seat_count() {
                black_box(sit.vote(seat, d.text(), Context::of(d)));
            }
        })
    });
}

criterion_group!(benches, decision_rounds);
criterion_main!(benches);
