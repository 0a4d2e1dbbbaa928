//! Speed of whole AI-only games and of AI decision rounds.
//!
//!     cargo bench --bench games
//!
//! Targets (docs/performance.md): at least 1,000 whole games of gaza-2012 per
//! second on one core, and no AI decision round slower than 2 ms.

use std::hint::black_box;
use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

use horseshoe::ai::{Context, Situation, corridors, penholder};
use horseshoe::game::draft::DraftStatus;
use horseshoe::game::state::{Disposition, Table};
use horseshoe::game::{self, CompiledScenario, GameConfig};
use horseshoe::scenario;

fn gaza() -> Arc<CompiledScenario> {
    let src = include_str!("../scenarios/gaza-2012.ron");
    Arc::new(CompiledScenario::new(
        scenario::parse("gaza-2012.ron", src)
            .expect("valid")
            .scenario,
    ))
}

fn whole_games(c: &mut Criterion) {
    let sc = gaza();
    let mut app = game::batch_app();
    let mut seed = 0;
    c.bench_function("whole AI-only game of gaza-2012", |b| {
        b.iter(|| {
            seed += 1;
            game::start_game(app.world_mut(), GameConfig::all_ai(sc.clone(), seed));
            assert!(game::run_until_over(&mut app, 10_000));
        })
    });
}

fn decision_rounds(c: &mut Criterion) {
    let sc = gaza();
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let disp: Vec<Disposition> = (0..sc.seat_count())
        .map(|s| Disposition::new(&sc, s, &mut rng))
        .collect();
    let happened = vec![false; sc.events.len()];
    let mut table = Table::new(&sc);
    for d in table.drafts.iter_mut() {
        d.status = DraftStatus::OnTable;
        d.circulated_day = Some(1);
    }
    let make = || Situation::new(&sc, disp.iter().collect(), 0.8, 4, &happened);

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

criterion_group!(benches, whole_games, decision_rounds);
criterion_main!(benches);
