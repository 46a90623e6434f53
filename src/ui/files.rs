//! Saving from the console: the open transcript (text, or JSON with its turns) or the page of calls on
//! screen (CSV), into `<data dir>/exports/`.

use std::path::PathBuf;

use crate::core::effect::SaveWhat;
use crate::core::transcript;
use crate::export::{self, Format};

pub fn exports_dir() -> PathBuf {
    crate::demo::data_dir().join("exports")
}

/// The file name and contents of what is saved.
pub fn render(what: &SaveWhat) -> Result<(String, String), String> {
    let stamp = chrono::Utc::now().format("%Y%m%d-%H%M%S");
    match what {
        SaveWhat::Transcript { call, json } => {
            let turns = call.transcript.as_deref().map(transcript::parse).unwrap_or_default();
            let id = call.row.key.to_string();
            if *json {
                let v = transcript::call_json(call, &turns);
                let text = serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?;
                Ok((format!("transcript-{id}.json"), text))
            } else {
                let mut text = format!(
                    "Call {id}\nTime (UTC): {}\nPhone: {}\nStatus: {}\nSummary: {}\n\n",
                    call.row.created_at.map(|t| t.to_rfc3339()).unwrap_or_else(|| "—".into()),
                    call.row.phone.as_deref().unwrap_or("—"),
                    call.row.status.as_deref().unwrap_or("—"),
                    call.summary.as_deref().unwrap_or("—"),
                );
                for t in &turns {
                    if t.label.is_empty() {
                        text.push_str(&format!("{}\n\n", t.text));
                    } else {
                        text.push_str(&format!("{}: {}\n\n", t.label, t.text));
                    }
                }
                Ok((format!("transcript-{id}.txt"), text))
            }
        }
        SaveWhat::Caller { history, zone } => {
            let who = history.phone.as_ref().map(|p| p.display()).unwrap_or_else(|| "matches".to_string());
            let who: String = who.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '+').collect();
            Ok((format!("caller-{who}-{stamp}.json"), export::caller(history, zone, chrono::Utc::now(), Format::Json)?))
        }
        SaveWhat::Calls { page, zone } => {
            Ok((format!("calls-{stamp}.csv"), export::calls_page(page, zone, Format::Csv)?))
        }
    }
}

/// Saves and says where.
pub fn save(what: &SaveWhat) -> String {
    let dir = exports_dir();
    let result = render(what).and_then(|(name, text)| {
        std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
        let path = dir.join(name);
        std::fs::write(&path, text).map_err(|e| e.to_string())?;
        Ok(path)
    });
    match result {
        Ok(path) => format!("saved to {}", path.display()),
        Err(e) => format!("could not save: {e}"),
    }
}
