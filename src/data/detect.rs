//! Which platform schema does this database hold? Read from the catalog, never by trial queries.

use crate::core::model::Dialect;

/// The tables whose presence identifies a dialect ("schema.table").
pub fn signature(d: Dialect) -> &'static [&'static str] {
    crate::data::dialects::platform(d).signature
}

/// Every table name any signature mentions, to ask the catalog about in one query.
pub fn all_signature_tables() -> Vec<String> {
    let mut v: Vec<String> = Dialect::ALL.iter().flat_map(|d| signature(*d).iter().map(|s| s.to_string())).collect();
    v.sort();
    v.dedup();
    v
}

/// Picks the dialect from the tables found. Several complete matches: the first in [`Dialect::ALL`] order,
/// with a note saying so. None: an error naming what was looked for.
pub fn choose(found: &[String]) -> Result<(Dialect, Option<String>), String> {
    let complete: Vec<Dialect> =
        Dialect::ALL.iter().copied().filter(|d| signature(*d).iter().all(|t| found.iter().any(|f| f == t))).collect();
    match complete.as_slice() {
        [] => {
            let wanted: Vec<String> =
                Dialect::ALL.iter().map(|d| format!("{} ({})", d.name(), signature(*d).join(", "))).collect();
            Err(format!("no known platform schema in this database: looked for {}", wanted.join("; ")))
        }
        [one] => Ok((*one, None)),
        [first, ..] => {
            let names: Vec<&str> = complete.iter().map(|d| d.name()).collect();
            Ok((*first, Some(format!("this database holds several schemas ({}); using {}", names.join(", "), first))))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_serviceai_and_names_what_is_missing() {
        let found: Vec<String> = signature(Dialect::ServiceAi).iter().map(|s| s.to_string()).collect();
        assert_eq!(choose(&found).unwrap(), (Dialect::ServiceAi, None));
        let err = choose(&found[..2]).unwrap_err();
        assert!(err.contains("serviceai (public.organizations"), "{err}");
        assert!(err.contains("public.emergency_contacts"), "{err}");
    }

    #[test]
    fn each_dialect_is_told_apart_and_two_at_once_pick_the_first_and_say_so() {
        for d in Dialect::ALL {
            let found: Vec<String> = signature(*d).iter().map(|s| s.to_string()).collect();
            assert_eq!(choose(&found).unwrap(), (*d, None), "{d}");
        }
        let mut both: Vec<String> = signature(Dialect::Quinite).iter().map(|s| s.to_string()).collect();
        both.extend(signature(Dialect::ServiceAi).iter().map(|s| s.to_string()));
        let (d, note) = choose(&both).unwrap();
        assert_eq!(d, Dialect::ServiceAi);
        assert!(note.unwrap().contains("serviceai, quinite"));
    }
}
