//! Join codes and resume tokens, from the operating system's randomness
//! (never from the game's seeded generator: a seed must not give away a
//! class's codes).

/// The letters of a join code: no 0/O or 1/I, which look alike on a
/// projector and a phone. 32 letters, so a byte modulo 32 is unbiased.
pub const ALPHABET: &[u8; 32] = b"ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

/// Letters in a join code: 32^6, about a billion codes.
pub const CODE_LEN: usize = 6;

/// A fresh join code, such as `K7QX3M`.
pub fn join_code() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; CODE_LEN];
    getrandom::fill(&mut bytes)?;
    Ok(bytes
        .iter()
        .map(|b| ALPHABET[(*b % 32) as usize] as char)
        .collect())
}

/// A fresh resume token: 128 random bits as hex.
pub fn token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

/// A code as a student may type it: any case, with spaces or dashes.
pub fn normalise(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_letters_that_cannot_be_confused() {
        for _ in 0..200 {
            let code = join_code().unwrap();
            assert_eq!(code.len(), CODE_LEN);
            assert!(code.bytes().all(|b| ALPHABET.contains(&b)), "{code}");
            assert!(!code.contains(['0', 'O', '1', 'I']), "{code}");
        }
        assert_ne!(join_code().unwrap(), join_code().unwrap());
    }

    #[test]
    fn tokens_are_long_and_distinct() {
        let (a, b) = (token().unwrap(), token().unwrap());
        assert_eq!(a.len(), 32);
        assert!(a.chars().all(|c| c.is_ascii_hexdigit()));
        assert_ne!(a, b);
    }

    #[test]
    fn typed_codes_are_forgiven_case_and_spacing() {
        assert_eq!(normalise(" k7q-x3m "), "K7QX3M");
    }
}
