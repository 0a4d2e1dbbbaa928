//! Voting power: how often a member's vote decides the outcome.
//!
//! Under the Council's rules a coalition wins when it has at least `quota`
//! members and includes every veto holder. Members come in two kinds only
//! (veto holders and the others), so both indices have closed forms that count
//! coalitions by size instead of enumerating all 2^n of them; the arithmetic is
//! exact (big rationals), and a 30-member Council takes microseconds.

use num_bigint::BigInt;
pub use num_rational::BigRational;
use num_traits::{One, ToPrimitive, Zero};

/// The power of one member.
#[derive(Debug, Clone, PartialEq)]
pub struct PowerIndex {
    /// Share of the orderings of all members in which this one is pivotal.
    pub shapley_shubik: BigRational,
    /// Coalitions this member turns from losing into winning by joining.
    pub swings: BigInt,
    /// `swings / 2^(n-1)`: the chance its vote decides, if others vote at random.
    pub banzhaf_absolute: BigRational,
    /// This member's share of all swings.
    pub banzhaf_normalised: BigRational,
}

/// Exact power indices for a Council of `is_veto_holder.len()` members,
/// in the order given.
pub fn power_indices(quota: u32, is_veto_holder: &[bool]) -> Vec<PowerIndex> {
    let n = is_veto_holder.len() as i64;
    let v = is_veto_holder.iter().filter(|&&h| h).count() as i64;
    let q = quota as i64;
    let n_fact = factorial(n);

    // Weight of one coalition S of size s preceding a member in an ordering.
    let order_weight =
        |s: i64| BigRational::new(factorial(s) * factorial(n - 1 - s), n_fact.clone());

    // A veto holder is pivotal when the members before it include every other
    // veto holder and, with it, reach the quota.
    let mut veto_ss = BigRational::zero();
    let mut veto_swings = BigInt::zero();
    if v > 0 {
        for s in (q - 1).max(v - 1).max(0)..n {
            let count = binomial(n - v, s - (v - 1));
            veto_ss += order_weight(s) * BigRational::from_integer(count.clone());
            veto_swings += count;
        }
    }

    // Any other member is pivotal only when the members before it include
    // every veto holder and number exactly quota - 1.
    let other_count = binomial(n - v - 1, q - 1 - v);
    let other_ss = if q >= 1 && q <= n {
        order_weight(q - 1) * BigRational::from_integer(other_count.clone())
    } else {
        BigRational::zero()
    };
    let other_swings = if q >= 1 && q <= n {
        other_count
    } else {
        BigInt::zero()
    };

    let total_swings: BigInt =
        veto_swings.clone() * BigInt::from(v) + other_swings.clone() * BigInt::from(n - v);
    let half_space = BigInt::one() << (n.max(1) - 1) as usize;

    is_veto_holder
        .iter()
        .map(|&veto| {
            let (ss, swings) = if veto {
                (veto_ss.clone(), veto_swings.clone())
            } else {
                (other_ss.clone(), other_swings.clone())
            };
            let banzhaf_normalised = if total_swings.is_zero() {
                BigRational::zero()
            } else {
                BigRational::new(swings.clone(), total_swings.clone())
            };
            PowerIndex {
                shapley_shubik: ss,
                banzhaf_absolute: BigRational::new(swings.clone(), half_space.clone()),
                banzhaf_normalised,
                swings,
            }
        })
        .collect()
}

/// A rational as a decimal, for printing.
pub fn to_f64(r: &BigRational) -> f64 {
    r.to_f64().unwrap_or(f64::NAN)
}

fn factorial(n: i64) -> BigInt {
    (1..=n.max(0)).fold(BigInt::one(), |acc, k| acc * BigInt::from(k))
}

/// `n choose k`, zero outside `0 <= k <= n`.
fn binomial(n: i64, k: i64) -> BigInt {
    if k < 0 || n < 0 || k > n {
        return BigInt::zero();
    }
    let k = k.min(n - k);
    let mut acc = BigInt::one();
    for i in 0..k {
        acc = acc * BigInt::from(n - i) / BigInt::from(i + 1);
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ratio(a: i64, b: i64) -> BigRational {
        BigRational::new(BigInt::from(a), BigInt::from(b))
    }

    fn council(members: usize, veto_holders: usize) -> Vec<bool> {
        (0..members).map(|i| i < veto_holders).collect()
    }

    #[test]
    fn the_modern_council_matches_the_published_indices() {
        let p = power_indices(9, &council(15, 5));
        assert_eq!(p[0].shapley_shubik, ratio(421, 2145));
        assert_eq!(p[14].shapley_shubik, ratio(4, 2145));
        assert_eq!(p[0].banzhaf_normalised, ratio(106, 635));
        assert_eq!(p[14].banzhaf_normalised, ratio(21, 1270));
        assert_eq!(p[0].swings, BigInt::from(848));
        assert_eq!(p[14].swings, BigInt::from(84));
        assert_eq!(p[0].banzhaf_absolute, ratio(53, 1024));
        assert_eq!(p[14].banzhaf_absolute, ratio(21, 4096));
    }

    #[test]
    fn the_pre_1965_council_matches_the_published_indices() {
        let p = power_indices(7, &council(11, 5));
        assert_eq!(p[0].shapley_shubik, ratio(76, 385));
        assert_eq!(p[10].shapley_shubik, ratio(1, 462));
        assert_eq!(p[0].banzhaf_normalised, ratio(19, 105));
        assert_eq!(p[10].banzhaf_normalised, ratio(1, 63));
    }

    #[test]
    fn shapley_shubik_and_normalised_banzhaf_each_sum_to_one() {
        for (n, v, q) in [(15, 5, 9), (11, 5, 7), (30, 6, 20), (7, 0, 4), (5, 5, 3)] {
            let p = power_indices(q, &council(n, v));
            let ss: BigRational = p.iter().map(|x| x.shapley_shubik.clone()).sum();
            let bz: BigRational = p.iter().map(|x| x.banzhaf_normalised.clone()).sum();
            assert_eq!(ss, BigRational::one(), "SS sum for n={n} v={v} q={q}");
            assert_eq!(bz, BigRational::one(), "Banzhaf sum for n={n} v={v} q={q}");
        }
    }

    #[test]
    fn without_veto_holders_every_member_has_equal_power() {
        let p = power_indices(5, &council(9, 0));
        assert!(p.iter().all(|x| x.shapley_shubik == ratio(1, 9)));
    }

    /// Counts swings and pivotal orderings by enumerating every coalition.
    fn brute_force(quota: u32, veto: &[bool]) -> Vec<(BigRational, BigInt)> {
        let n = veto.len();
        let wins = |mask: u32| {
            mask.count_ones() >= quota
                && veto
                    .iter()
                    .enumerate()
                    .all(|(i, &h)| !h || mask & (1 << i) != 0)
        };
        (0..n)
            .map(|i| {
                let mut ss = BigRational::zero();
                let mut swings = BigInt::zero();
                for mask in 0u32..(1 << n) {
                    if mask & (1 << i) != 0 || wins(mask) || !wins(mask | (1 << i)) {
                        continue;
                    }
                    let s = mask.count_ones() as i64;
                    swings += 1;
                    ss += BigRational::new(
                        factorial(s) * factorial(n as i64 - 1 - s),
                        factorial(n as i64),
                    );
                }
                (ss, swings)
            })
            .collect()
    }

    #[test]
    fn closed_forms_agree_with_enumeration_on_small_councils() {
        for n in 1..=10 {
            for v in 0..=n {
                for q in 1..=n as u32 {
                    let veto = council(n, v);
                    let fast = power_indices(q, &veto);
                    let slow = brute_force(q, &veto);
                    for (f, (ss, swings)) in fast.iter().zip(slow) {
                        assert_eq!(f.shapley_shubik, ss, "SS n={n} v={v} q={q}");
                        assert_eq!(f.swings, swings, "swings n={n} v={v} q={q}");
                    }
                }
            }
        }
    }
}
