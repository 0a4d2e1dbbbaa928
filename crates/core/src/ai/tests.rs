//! AI decisions on the shipped scenarios, checked one by one.

use rand::SeedableRng;
use rand_pcg::Pcg64Mcg;

use super::*;
use crate::model::compiled::CompiledScenario;
use crate::model::draft::{Change, DraftState, DraftStatus};
use crate::model::state::Disposition;
use crate::rules::Vote;
use crate::scenario;

fn compile(src: &str) -> CompiledScenario {
    let loaded = scenario::parse("test.ron", src).expect("shipped scenario is valid");
    CompiledScenario::new(loaded.scenario)
}

fn gaza() -> CompiledScenario {
    compile(include_str!("../testdata/gaza-2012-rules.ron"))
}

fn tutorial() -> CompiledScenario {
    compile(include_str!("../../../../scenarios/tutorial.ron"))
}

fn dispositions(sc: &CompiledScenario) -> Vec<Disposition> {
    let mut rng = Pcg64Mcg::seed_from_u64(7);
    (0..sc.seat_count())
        .map(|s| Disposition::new(sc, s, &mut rng))
        .collect()
}

fn draft(sc: &CompiledScenario, id: &str) -> DraftState {
    let table = crate::model::state::Table::new(sc);
    let mut d = table
        .drafts
        .into_iter()
        .find(|d| sc.draft_id(d.id) == id)
        .expect("draft exists");
    d.status = DraftStatus::OnTable;
    d.circulated_day = Some(1);
    d
}

fn situation<'a>(
    sc: &'a CompiledScenario,
    disp: &'a [Disposition],
    happened: &'a [bool],
) -> Situation<'a> {
    Situation::new(sc, disp, 0.7, 3, happened)
}

#[test]
fn the_united_states_breaks_silence_on_the_moroccan_statement_over_rocket_fire() {
    let sc = gaza();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let ps = draft(&sc, "moroccan_ps");
    let usa = sc.seat_of("USA").unwrap();
    let (keep, reason) = sit.silence(usa, ps.text(), Context::of(&ps));
    assert!(!keep);
    assert!(reason.contains("halt to rocket launches"), "{reason}");
    // Morocco, its penholder, is content with it.
    let mar = sc.seat_of("MAR").unwrap();
    assert!(sit.silence(mar, ps.text(), Context::of(&ps)).0);
}

#[test]
fn the_united_states_vetoes_the_russian_draft_and_russia_votes_for_it() {
    let sc = gaza();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let res = draft(&sc, "russia_res");
    let (vote, reason) = sit.vote(sc.seat_of("USA").unwrap(), res.text(), Context::of(&res));
    assert_eq!(vote, Vote::No);
    assert!(reason.contains("rocket"), "{reason}");
    let (vote, _) = sit.vote(sc.seat_of("RUS").unwrap(), res.text(), Context::of(&res));
    assert_eq!(vote, Vote::Yes);
    let p = sit.predict(sc.seat_of("RUS").unwrap(), res.text(), Context::of(&res));
    assert!(!p.passes);
    assert_eq!(p.vetoes, vec![sc.seat_of("USA").unwrap()]);
}

#[test]
fn a_permanent_member_abstains_where_its_red_line_only_brings_an_abstention() {
    let sc = tutorial();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let res = draft(&sc, "mira_res");
    for code in ["CHN", "RUS"] {
        let (vote, reason) = sit.vote(sc.seat_of(code).unwrap(), res.text(), Context::of(&res));
        assert_eq!(vote, Vote::Abstain, "{code}: {reason}");
        assert!(reason.contains("will not use its veto"), "{reason}");
    }
    // Authorising force crosses the line they veto over.
    let corridor = sc.clause_of("corridor").unwrap();
    let forceful = res
        .text()
        .with(
            Change::Reword {
                clause: corridor,
                wording: 2,
            },
            &sc.parts,
        )
        .unwrap();
    let (vote, _) = sit.vote(sc.seat_of("RUS").unwrap(), &forceful, Context::of(&res));
    assert_eq!(vote, Vote::No);
}

#[test]
fn the_penholder_softens_a_text_that_crosses_a_red_line() {
    let sc = tutorial();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let prst = draft(&sc, "mira_prst");
    let gbr = sc.seat_of("GBR").unwrap();
    let chn = sc.seat_of("CHN").unwrap();
    assert!(sit.breach(chn, prst.text()).is_some());
    let (text, reason) = penholder::revise(&sit, gbr, &prst).expect("a revision");
    assert!(sit.breach(chn, &text).is_none());
    assert!(sit.predict(gbr, &text, Context::of(&prst)).passes);
    assert!(reason.contains("China"), "{reason}");
    // The softer call on Calvera survives: the penholder still wants it.
    let convoys = sc.clause_of("calvera_convoys").unwrap();
    assert_eq!(text.wording_of(convoys), Some(0));
}

#[test]
fn a_red_line_cannot_be_lobbied_away_but_a_friend_can_be_won_over() {
    let sc = tutorial();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let prst = draft(&sc, "mira_prst");
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let (agreed, reason) = corridors::answer_lobby(
        &sit,
        sc.seat_of("CHN").unwrap(),
        sc.seat_of("GBR").unwrap(),
        &prst,
        &mut rng,
    );
    assert!(!agreed);
    assert!(reason.contains("sovereign government"), "{reason}");
    // France wants this text anyway.
    let (agreed, _) = corridors::answer_lobby(
        &sit,
        sc.seat_of("FRA").unwrap(),
        sc.seat_of("GBR").unwrap(),
        &prst,
        &mut rng,
    );
    assert!(agreed);
}

#[test]
fn clauses_tied_to_an_event_become_available_only_after_it() {
    let sc = gaza();
    let disp = dispositions(&sc);
    let mut happened = vec![false; sc.events.len()];
    let welcome = sc.clause_of("welcome_ceasefire").unwrap();
    assert!(!situation(&sc, &disp, &happened).available(welcome));
    happened[sc.events.iter().position(|e| e.id == "ceasefire").unwrap()] = true;
    assert!(situation(&sc, &disp, &happened).available(welcome));
}

/// Every draft of both scenarios, and every text one move away from one.
fn texts_to_judge(sit: &Situation, sc: &CompiledScenario) -> Vec<(DraftState, Text)> {
    let table = crate::model::state::Table::new(sc);
    let mut out = Vec::new();
    let mut moves = Vec::new();
    for d in &table.drafts {
        out.push((d.clone(), d.text().clone()));
        penholder::moves(sit, d.text(), &mut moves);
        for &change in &moves {
            out.push((d.clone(), d.text().with(change, &sc.parts).unwrap()));
        }
    }
    out
}

/// The term of a breakdown that weighs most in one direction, found by
/// hand.
fn heaviest(b: &factors::Breakdown, for_: bool) -> Option<factors::Factor> {
    let mut best: Option<factors::Term> = None;
    for t in &b.terms {
        let counts = if for_ { t.value > 0.0 } else { t.value < 0.0 };
        if counts && best.is_none_or(|x| t.value.abs() > x.value.abs()) {
            best = Some(*t);
        }
    }
    best.map(|t| t.factor)
}

/// A reason names the largest term of the decision it explains, from the
/// same numbers: the value's terms sum to the value the decision used.
#[test]
fn every_reason_names_the_term_that_weighed_most() {
    for sc in [gaza(), tutorial()] {
        let mut disp = dispositions(&sc);
        // Some favours and a promise, so that every kind of term turns up.
        disp[1].goodwill[2] = 0.3;
        disp[4].commitments.push(crate::model::state::Commitment {
            draft: 1,
            to: 2,
            version: 1,
        });
        let happened = vec![true; sc.events.len()];
        let sit = Situation::new(&sc, &disp, 0.6, 3, &happened);
        let mut checked = 0;
        for (d, text) in texts_to_judge(&sit, &sc) {
            let ctx = Context::of(&d);
            for seat in 0..sc.seat_count() {
                let a = sit.assess(seat, &text, ctx);
                let b = sit.breakdown(seat, &text, ctx);
                assert!(
                    (b.total() - a.value).abs() < 1e-4,
                    "{} vs {}",
                    b.total(),
                    a.value
                );
                if a.breach.is_some() {
                    continue;
                }
                let phrase = |for_: bool| {
                    let f = heaviest(&b, for_).expect("a term");
                    reasons::factor_phrase(&sit, seat, ctx.into(), f, for_)
                };
                let (keep, reason) = sit.silence(seat, &text, ctx);
                let expected = if !keep {
                    phrase(false)
                } else if a.value > 0.0 {
                    phrase(true)
                } else {
                    format!(
                        "it has doubts, as {}, but not enough to block the Council alone",
                        phrase(false)
                    )
                };
                assert_eq!(reason, expected, "{} on {:?}", sc.code(seat), text);
                let (vote, reason) = sit.vote(seat, &text, ctx);
                if vote == Vote::Yes && a.value > 0.0 {
                    assert_eq!(reason, phrase(true));
                } else if vote == Vote::No {
                    assert_eq!(reason, phrase(false));
                }
                checked += 1;
            }
        }
        assert!(checked > 500, "{checked}");
    }
}

#[test]
fn an_amendment_is_judged_by_what_it_changes() {
    let sc = gaza();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let res = draft(&sc, "russia_res");
    let (usa, gbr, rus) = (
        sc.seat_of("USA").unwrap(),
        sc.seat_of("GBR").unwrap(),
        sc.seat_of("RUS").unwrap(),
    );
    let durable = sc.clause_of("durable_outcome").unwrap();
    let add = Change::Add {
        clause: durable,
        wording: 0,
    };
    let amended = res.text().with(add, &sc.parts).unwrap();
    let am = amendments::AmendmentCtx {
        draft: Context::of(&res),
        by: gbr,
        refused: true,
    };
    // The United States would veto the draft, but gains from the change.
    assert_eq!(sit.vote(usa, &amended, Context::of(&res)).0, Vote::No);
    let (vote, reason) = sit.vote_on_amendment(usa, res.text(), &amended, am);
    assert_eq!(vote, Vote::Yes, "{reason}");
    assert!(reason.contains("durable outcome"), "{reason}");
    // Russia refused the amendment as penholder: it votes against it.
    let (vote, reason) = sit.vote_on_amendment(rus, res.text(), &amended, am);
    assert_eq!(vote, Vote::No, "{reason}");
    // Its proposer votes for it.
    assert_eq!(
        sit.vote_on_amendment(gbr, res.text(), &amended, am).0,
        Vote::Yes
    );
}

#[test]
fn a_promise_to_support_a_draft_does_not_carry_hostile_amendments() {
    let sc = gaza();
    let mut disp = dispositions(&sc);
    let (zaf, rus, usa) = (
        sc.seat_of("ZAF").unwrap(),
        sc.seat_of("RUS").unwrap(),
        sc.seat_of("USA").unwrap(),
    );
    let res = draft(&sc, "russia_res");
    disp[zaf].commitments.push(crate::model::state::Commitment {
        draft: res.id,
        to: rus,
        version: 1,
    });
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let access = sc.clause_of("humanitarian_access").unwrap();
    let hostile = res
        .text()
        .with(Change::Delete { clause: access }, &sc.parts)
        .unwrap();
    let am = amendments::AmendmentCtx {
        draft: Context::of(&res),
        by: usa,
        refused: true,
    };
    // Its promise holds for the draft, judged whole...
    assert_eq!(sit.vote(zaf, &hostile, Context::of(&res)).0, Vote::Yes);
    // ...not for a change that takes out what it wants.
    let (vote, reason) = sit.vote_on_amendment(zaf, res.text(), &hostile, am);
    assert_ne!(vote, Vote::Yes, "{reason}");
}

/// The search and the corridors read red lines and values through one
/// change, without writing the changed text: they must read what the
/// changed text would give, for every move from every draft and every seat.
#[test]
fn red_lines_and_values_read_through_a_change_are_those_of_the_changed_text() {
    for sc in [gaza(), tutorial()] {
        let disp = dispositions(&sc);
        let happened = vec![true; sc.events.len()];
        let sit = Situation::new(&sc, &disp, 0.6, 3, &happened);
        let table = crate::model::state::Table::new(&sc);
        let before: Vec<f32> = (0..sc.seat_count()).map(|s| s as f32 * 0.1).collect();
        let mut after = Vec::new();
        let mut moves = Vec::new();
        for d in &table.drafts {
            let text = d.text();
            penholder::moves(&sit, text, &mut moves);
            assert!(!moves.is_empty());
            for &change in &moves {
                let changed = text.with(change, &sc.parts).expect("every move fits");
                let c = change.clause();
                sit.values_after(c, text.wording_of(c), change.wording(), &before, &mut after);
                for s in 0..sc.seat_count() {
                    assert_eq!(
                        sit.crossed_after(s, text, change),
                        sit.crossed(s, &changed),
                        "{change:?}, seat {s}"
                    );
                    let value =
                        |t: &Text| t.wording_of(c).map_or(0.0, |w| sit.clause_value(s, c, w));
                    assert_eq!(after[s], before[s] + (value(&changed) - value(text)));
                    // Only seats whose red lines name the clause can see a
                    // red line crossed or mended by changing it.
                    if !sc.seats_naming(c).contains(&s) {
                        assert_eq!(sit.crossed(s, &changed), sit.crossed(s, text));
                    }
                }
            }
        }
    }
}

#[test]
fn the_best_value_of_a_clause_is_that_of_its_best_wording() {
    let sc = gaza();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = Situation::new(&sc, &disp, 0.5, 1, &happened);
    for s in 0..sc.seat_count() {
        for c in 0..sc.clause_count() {
            let best = (0..sc.wordings[c])
                .map(|w| sit.clause_value(s, c, w))
                .fold(f32::NEG_INFINITY, f32::max);
            assert_eq!(sit.best_clause_value(s, c), best, "seat {s}, clause {c}");
        }
    }
}

/// A world playing game after game resets each delegation's disposition in
/// place: it must be the disposition a new game would give, whatever the
/// last game (or scenario) left in it.
#[test]
fn a_reset_disposition_is_the_starting_one() {
    let (gaza, tutorial) = (gaza(), tutorial());
    let mut played = Disposition::new(&gaza, 3, &mut Pcg64Mcg::seed_from_u64(1));
    played.stances[0][0] = 0.9;
    played.goodwill[2] = 0.4;
    played.pressure = 0.3;
    played.red_line_active.iter_mut().for_each(|a| *a = false);
    played.commitments.push(crate::model::state::Commitment {
        draft: 0,
        to: 2,
        version: 1,
    });
    for (sc, seat) in [(&gaza, 3), (&tutorial, 1), (&gaza, 7)] {
        played.reset(sc, seat, &mut Pcg64Mcg::seed_from_u64(9));
        let fresh = Disposition::new(sc, seat, &mut Pcg64Mcg::seed_from_u64(9));
        assert_eq!(played, fresh, "seat {seat}");
    }
}

/// The scenario with `seat` scripted to oppose `draft` (break silence on a
/// statement, vote no on a resolution).
fn scripted_against(sc: &CompiledScenario, seat: usize, draft: usize) -> CompiledScenario {
    let mut sc = sc.clone();
    let decision = if sc.rules.needs_consensus(sc.drafts[draft].kind) {
        scenario::Decision::BreakSilence
    } else {
        scenario::Decision::No
    };
    sc.delegations[seat]
        .scripted
        .push((draft, decision, "its instructions say so".into()));
    sc
}

/// The acts by which a delegation works for a draft.
fn works_for(act: &crate::model::act::Act, draft: usize) -> bool {
    use crate::model::act::Act;
    match act {
        Act::Lobby { draft: d, .. } | Act::CoSponsor { draft: d, .. } => *d == draft,
        Act::OfferTrade { give, get, .. } => *give == draft || *get == draft,
        _ => false,
    }
}

#[test]
fn a_scripted_delegation_never_works_for_a_draft_its_script_opposes() {
    let mut found = 0;
    for sc in [gaza(), tutorial()] {
        let disp = dispositions(&sc);
        let happened = vec![true; sc.events.len()];
        let mut table = crate::model::state::Table::new(&sc);
        for d in &mut table.drafts {
            d.status = DraftStatus::OnTable;
            d.circulated_day = Some(1);
        }
        for seat in 0..sc.seat_count() {
            for draft in 0..table.drafts.len() {
                let sit = Situation::new(&sc, &disp, 0.8, 3, &happened);
                let mut rng = Pcg64Mcg::seed_from_u64(seat as u64);
                let acts = corridors::plan(&sit, seat, &table, 3, &mut rng);
                if !acts.iter().any(|a| works_for(a, draft)) {
                    continue;
                }
                found += 1;
                let scripted = scripted_against(&sc, seat, draft);
                let sit = Situation::new(&scripted, &disp, 0.8, 3, &happened);
                let mut rng = Pcg64Mcg::seed_from_u64(seat as u64);
                let acts = corridors::plan(&sit, seat, &table, 3, &mut rng);
                assert!(
                    !acts.iter().any(|a| works_for(a, draft)),
                    "{} works for draft {draft} against its script: {acts:?}",
                    sc.code(seat)
                );
            }
        }
    }
    assert!(found > 0, "no delegation worked for any draft");
}

#[test]
fn a_script_decides_answers_predictions_and_a_boycott() {
    let sc = gaza();
    let res = draft(&sc, "russia_res");
    let (usa, rus, chn) = (
        sc.seat_of("USA").unwrap(),
        sc.seat_of("RUS").unwrap(),
        sc.seat_of("CHN").unwrap(),
    );
    let mut scripted = scripted_against(&sc, chn, res.id);
    scripted.delegations[usa].scripted.push((
        res.id,
        scenario::Decision::Absent,
        "it stays away from the meeting".into(),
    ));
    let disp = dispositions(&scripted);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&scripted, &disp, &happened);
    let ctx = Context::of(&res);
    // The United States boycotts the vote: absent, which is no veto.
    assert_eq!(sit.vote(usa, res.text(), ctx).0, Vote::Absent);
    // Russia expects China's scripted no (a veto) and no US veto.
    let p = sit.predict(rus, res.text(), ctx);
    assert_eq!(p.vetoes, vec![chn]);
    // China answers lobbying by its script.
    let mut rng = Pcg64Mcg::seed_from_u64(1);
    let (agreed, reason) = corridors::answer_lobby(&sit, chn, rus, &res, &mut rng);
    assert!(!agreed);
    assert_eq!(reason, "its instructions say so");
}

#[test]
fn a_member_exposed_by_a_public_meeting_resists_it_and_one_that_wants_action_backs_it() {
    let sc = gaza();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let (usa, mar, pak) = (
        sc.seat_of("USA").unwrap(),
        sc.seat_of("MAR").unwrap(),
        sc.seat_of("PAK").unwrap(),
    );
    let debate = crate::rules::Motion::OpenDebate;
    let (vote, reason) = sit.vote_on_motion(usa, debate, true, mar);
    assert_eq!(vote, Vote::No, "{reason}");
    assert!(
        reason.contains("public") || reason.contains("diplomacy"),
        "{reason}"
    );
    assert_eq!(sit.vote_on_motion(mar, debate, false, mar).0, Vote::Yes);
    let (vote, reason) = sit.vote_on_motion(pak, debate, false, mar);
    assert_eq!(vote, Vote::Yes, "{reason}");
}

#[test]
fn no_delegation_co_sponsors_a_text_a_close_friend_will_veto() {
    let sc = gaza();
    let disp = dispositions(&sc);
    let happened = vec![false; sc.events.len()];
    let sit = situation(&sc, &disp, &happened);
    let mut table = crate::model::state::Table::new(&sc);
    let res = draft(&sc, "russia_res");
    table.drafts[res.id] = res.clone();
    let co_sponsors = |code: &str| {
        let seat = sc.seat_of(code).unwrap();
        let mut rng = Pcg64Mcg::seed_from_u64(1);
        corridors::plan(&sit, seat, &table, 3, &mut rng)
            .into_iter()
            .find_map(|a| match a {
                crate::model::act::Act::CoSponsor { draft, reason } if draft == res.id => {
                    Some(reason)
                }
                _ => None,
            })
    };
    // The United States will veto Russia's draft: its allies keep their
    // names off it, however much they like its text.
    for ally in ["GBR", "FRA"] {
        assert_eq!(co_sponsors(ally), None, "{ally}");
    }
    // Pakistan, no friend of the United States, puts its name to it.
    let reason = co_sponsors("PAK").expect("Pakistan co-sponsors");
    assert!(!reason.is_empty());
}
