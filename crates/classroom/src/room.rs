//! Who may sit where: each seat's join code and resume token, whether it is
//! played from a device now, whether the room takes new students, and how
//! many wrong codes each address has tried.
//!
//! A student exchanges the seat's code for its token once; the browser
//! keeps the token and uses it to come back. A new code for a seat makes a
//! new token too: the old one stops working. A locked room takes no code,
//! but tokens still work.

use std::collections::HashMap;
use std::net::IpAddr;
use std::time::{Duration, Instant};

use horseshoe_core::save::{ClassroomSave, SeatAccess};

use crate::codes;

/// Wrong codes from one address before each further try is slowed.
pub const SLOW_AFTER: u32 = 5;
/// Wrong codes from one address before it is locked out.
pub const LOCK_AFTER: u32 = 20;
/// How long a further try waits once slowed.
pub const SLOW_DOWN: Duration = Duration::from_secs(2);
/// How long an address stays locked out.
pub const LOCKOUT: Duration = Duration::from_secs(300);
/// Wrong codes older than this are forgotten.
pub const WINDOW: Duration = Duration::from_secs(600);

/// Why a code or a token was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Denied {
    /// No seat has this code.
    WrongCode,
    /// The teacher has locked the room.
    Locked,
    /// Too many wrong codes from this address: try again later.
    LockedOut { retry_after: Duration },
    /// The token is not (or no longer) any seat's.
    UnknownToken,
    /// The seat is played by the AI or at the host now.
    NotOnDevice,
}

impl std::fmt::Display for Denied {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Denied::WrongCode => write!(f, "no delegation has this code"),
            Denied::Locked => write!(f, "the room is locked: ask your teacher"),
            Denied::LockedOut { retry_after } => write!(
                f,
                "too many wrong codes: try again in {} seconds",
                retry_after.as_secs().max(1)
            ),
            Denied::UnknownToken => {
                write!(f, "this seat was given a new code: ask your teacher for it")
            }
            Denied::NotOnDevice => write!(
                f,
                "your delegation is not played from a device now: your teacher can give it back to you"
            ),
        }
    }
}

/// Wrong codes from one address.
#[derive(Debug, Clone, Default)]
struct Attempts {
    wrong: u32,
    last: Option<Instant>,
    locked_until: Option<Instant>,
}

#[derive(Debug, Clone)]
pub struct Room {
    seats: Vec<Option<SeatAccess>>,
    locked: bool,
    attempts: HashMap<IpAddr, Attempts>,
    /// Raised whenever a seat's access changes, for connections to check.
    generation: u64,
}

impl Room {
    /// A room for a Council of `seats` members, no seat on a device yet.
    pub fn new(seats: usize) -> Room {
        Room {
            seats: vec![None; seats],
            locked: false,
            attempts: HashMap::new(),
            generation: 0,
        }
    }

    /// A room as a save left it.
    pub fn restore(saved: &ClassroomSave, seats: usize) -> Room {
        let mut room = Room::new(seats);
        for (i, access) in saved.seats.iter().enumerate().take(seats) {
            room.seats[i] = access.clone();
        }
        room.locked = saved.locked;
        room
    }

    /// What a save carries of the room.
    pub fn save(&self) -> ClassroomSave {
        ClassroomSave {
            seats: self.seats.clone(),
            locked: self.locked,
        }
    }

    pub fn seat_count(&self) -> usize {
        self.seats.len()
    }

    pub fn access(&self, seat: usize) -> Option<&SeatAccess> {
        self.seats.get(seat)?.as_ref()
    }

    /// Whether a seat is played from a device now.
    pub fn on_device(&self, seat: usize) -> bool {
        self.access(seat).is_some_and(|a| a.device)
    }

    pub fn devices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.seats.len()).filter(|&s| self.on_device(s))
    }

    pub fn locked(&self) -> bool {
        self.locked
    }

    pub fn set_locked(&mut self, locked: bool) {
        self.locked = locked;
    }

    /// Raised whenever a code or token changes or a seat leaves a device.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Gives a seat to a device (or back to one), with a code and token if
    /// it has none yet.
    pub fn to_device(&mut self, seat: usize) -> Result<(), getrandom::Error> {
        let Some(slot) = self.seats.get_mut(seat) else {
            return Ok(());
        };
        match slot {
            Some(access) => access.device = true,
            None => {
                *slot = Some(SeatAccess {
                    device: true,
                    code: codes::join_code()?,
                    token: codes::token()?,
                });
            }
        }
        self.generation += 1;
        Ok(())
    }

    /// The seat is played by the AI or at the host now. Its code and token
    /// are kept: the students come back when it returns to their device.
    pub fn off_device(&mut self, seat: usize) {
        if let Some(Some(access)) = self.seats.get_mut(seat) {
            access.device = false;
            self.generation += 1;
        }
    }

    /// A new code and token for a seat: the old ones stop working.
    pub fn new_code(&mut self, seat: usize) -> Result<(), getrandom::Error> {
        if let Some(Some(access)) = self.seats.get_mut(seat) {
            access.code = codes::join_code()?;
            access.token = codes::token()?;
            self.generation += 1;
        }
        Ok(())
    }

    /// A student types a code: the seat and its token, or why not.
    pub fn join(
        &mut self,
        from: IpAddr,
        typed: &str,
        now: Instant,
    ) -> Result<(usize, String), Denied> {
        let tries = self.attempts.entry(from).or_default();
        if tries.last.is_some_and(|t| now.duration_since(t) > WINDOW) {
            *tries = Attempts::default();
        }
        if let Some(until) = tries.locked_until {
            if until > now {
                return Err(Denied::LockedOut {
                    retry_after: until - now,
                });
            }
            *tries = Attempts::default();
        }
        let code = codes::normalise(typed);
        let found = self
            .seats
            .iter()
            .position(|a| a.as_ref().is_some_and(|a| a.code == code));
        let Some(seat) = found else {
            let tries = self.attempts.entry(from).or_default();
            tries.wrong += 1;
            tries.last = Some(now);
            if tries.wrong >= LOCK_AFTER {
                tries.locked_until = Some(now + LOCKOUT);
            }
            return Err(Denied::WrongCode);
        };
        if self.locked {
            return Err(Denied::Locked);
        }
        let access = self.seats[seat].as_ref().ok_or(Denied::WrongCode)?;
        if !access.device {
            return Err(Denied::NotOnDevice);
        }
        Ok((seat, access.token.clone()))
    }

    /// How long a try from this address must wait before it is answered:
    /// nothing at first, [`SLOW_DOWN`] after [`SLOW_AFTER`] wrong codes.
    pub fn delay_for(&self, from: IpAddr) -> Duration {
        match self.attempts.get(&from) {
            Some(tries) if tries.wrong >= SLOW_AFTER => SLOW_DOWN,
            _ => Duration::ZERO,
        }
    }

    /// A browser comes back with its token: the seat, or why not.
    pub fn resume(&self, token: &str) -> Result<usize, Denied> {
        let seat = self
            .seats
            .iter()
            .position(|a| a.as_ref().is_some_and(|a| a.token == token))
            .ok_or(Denied::UnknownToken)?;
        if !self.on_device(seat) {
            return Err(Denied::NotOnDevice);
        }
        Ok(seat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(n: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, n])
    }

    #[test]
    fn a_code_gives_the_seat_and_its_token_which_brings_the_student_back() {
        let mut room = Room::new(15);
        room.to_device(3).unwrap();
        let code = room.access(3).unwrap().code.clone();
        let now = Instant::now();
        let (seat, token) = room.join(ip(1), &code.to_lowercase(), now).unwrap();
        assert_eq!(seat, 3);
        assert_eq!(room.resume(&token), Ok(3));
        // A second device of the same team gets the same seat.
        assert_eq!(room.join(ip(2), &code, now).unwrap(), (3, token));
        assert_eq!(room.resume("not-a-token"), Err(Denied::UnknownToken));
    }

    #[test]
    fn a_new_code_revokes_the_old_token_and_the_old_code() {
        let mut room = Room::new(15);
        room.to_device(0).unwrap();
        let old = room.access(0).unwrap().clone();
        let generation = room.generation();
        room.new_code(0).unwrap();
        assert!(room.generation() > generation);
        assert_eq!(room.resume(&old.token), Err(Denied::UnknownToken));
        let now = Instant::now();
        assert_eq!(room.join(ip(1), &old.code, now), Err(Denied::WrongCode));
        let new = room.access(0).unwrap().clone();
        assert_eq!(room.join(ip(1), &new.code, now), Ok((0, new.token)));
    }

    #[test]
    fn a_locked_room_takes_no_code_but_tokens_still_work() {
        let mut room = Room::new(15);
        room.to_device(5).unwrap();
        let access = room.access(5).unwrap().clone();
        room.set_locked(true);
        assert_eq!(
            room.join(ip(1), &access.code, Instant::now()),
            Err(Denied::Locked)
        );
        assert_eq!(room.resume(&access.token), Ok(5));
    }

    #[test]
    fn a_seat_handed_to_the_ai_keeps_its_token_for_later() {
        let mut room = Room::new(15);
        room.to_device(2).unwrap();
        let token = room.access(2).unwrap().token.clone();
        room.off_device(2);
        assert_eq!(room.resume(&token), Err(Denied::NotOnDevice));
        room.to_device(2).unwrap();
        assert_eq!(room.resume(&token), Ok(2));
    }

    #[test]
    fn guessing_codes_is_slowed_then_locked_out() {
        let mut room = Room::new(15);
        room.to_device(1).unwrap();
        let good = room.access(1).unwrap().code.clone();
        let now = Instant::now();
        for i in 0..LOCK_AFTER {
            assert_eq!(room.delay_for(ip(9)) > Duration::ZERO, i >= SLOW_AFTER);
            assert_eq!(room.join(ip(9), "AAAAAA", now), Err(Denied::WrongCode));
        }
        assert!(matches!(
            room.join(ip(9), &good, now),
            Err(Denied::LockedOut { .. })
        ));
        // Another address is not punished for it.
        assert!(room.join(ip(8), &good, now).is_ok());
        // Later, the address may try again.
        assert!(
            room.join(ip(9), &good, now + LOCKOUT + Duration::from_secs(1))
                .is_ok()
        );
    }

    #[test]
    fn a_saved_room_comes_back_as_it_was() {
        let mut room = Room::new(15);
        room.to_device(4).unwrap();
        room.to_device(7).unwrap();
        room.off_device(7);
        room.set_locked(true);
        let back = Room::restore(&room.save(), 15);
        assert_eq!(back.save(), room.save());
        assert!(back.on_device(4) && !back.on_device(7) && back.locked());
    }
}
