//! The org profile: sections of label/value pairs or small tables, as the platform's SQL describes them.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ProfileSection {
    pub title: String,
    /// Label/value pairs (identity, money, integrations...).
    pub pairs: Vec<(String, String)>,
    /// A table (people, agents, numbers...): column names and rows.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// Why the section could not be read here (a table or column missing, a privilege denied).
    pub unavailable: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct OrgProfile {
    pub sections: Vec<ProfileSection>,
    /// The org's status where the platform has one (active, suspended, ...).
    pub status: Option<String>,
}

impl OrgProfile {
    /// How many screen lines the view draws for it (title, pairs or header and rows, a blank line).
    pub fn line_count(&self) -> usize {
        self.sections
            .iter()
            .map(|s| {
                if let Some(why) = &s.unavailable {
                    // The title and the reason, wrapped at 70 columns (what a narrow screen shows).
                    return 2 + why.chars().count().div_ceil(70).max(1);
                }
                let empty = s.pairs.is_empty() && s.rows.is_empty();
                let table = if s.columns.is_empty() {
                    0
                } else if s.rows.is_empty() {
                    1
                } else {
                    s.rows.len() + 1
                };
                2 + s.pairs.len() + table + usize::from(empty && s.columns.is_empty())
            })
            .sum()
    }
}

/// The status a status change switches to: suspend an active org, reactivate any other.
pub fn next_status(current: Option<&str>) -> &'static str {
    match current {
        Some(s) if s.eq_ignore_ascii_case("active") => "suspended",
        None => "suspended",
        _ => "active",
    }
}

/// A `#rrggbb` color, for swatches.
pub fn hex_color(s: &str) -> Option<(u8, u8, u8)> {
    let h = s.trim().strip_prefix('#')?;
    if h.len() != 6 {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some((p(0)?, p(2)?, p(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_toggles_and_colors_parse() {
        assert_eq!(next_status(Some("active")), "suspended");
        assert_eq!(next_status(Some("suspended")), "active");
        assert_eq!(hex_color("#3B82F6"), Some((0x3b, 0x82, 0xf6)));
        assert_eq!(hex_color("blue"), None);
        assert_eq!(hex_color("#12"), None);
    }
}
