//! Speed of whole AI-only games, played by the game plugin in a batch app
//! (as `horseshoe simulate` plays them).
//!
//!     cargo bench --bench games
//!
//! Target (docs/performance.md): at least 1,000 whole games of gaza-2012 per
//! second on one core. The AI's own rounds are benchmarked in the core
//! (`cargo bench -p horseshoe-core --bench ai`).

use std::sync::Arc;

use criterion::{Criterion, criterion_group, criterion_main};
use horseshoe::play;
use horseshoe_core::game::GameConfig;
use horseshoe_core::model::compiled::CompiledScenario;
use horseshoe_core::scenario;

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
    let mut app = play::batch_app();
    let mut seed = 0;
    c.bench_function("whole AI-only game of gaza-2012", |b| {
        b.iter(|| {
            seed += 1;
            play::start_game(app.world_mut(), GameConfig::all_ai(sc.clone(), seed));
            assert!(play::run_until_over(&mut app, 10_000));
        })
    });
}

criterion_group!(benches, whole_games);
criterion_main!(benches);
