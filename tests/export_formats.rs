//! Every export takes `--format json|csv`, and the CSV holds what the JSON holds; `export --help` lists only
//! what an export takes, never the console's own flags.

mod common;

use common::*;

fn switchboard(args: &[&str]) -> (i32, String, String) {
    run_switchboard(args)
}

fn both(url: &str, args: &[&str]) -> (serde_json::Value, Vec<csv::StringRecord>) {
    let with = |f: &str| {
        let mut a = vec!["export", "--url", url];
        a.extend_from_slice(args);
        a.extend_from_slice(&["--format", f]);
        let (code, out, err) = switchboard(&a);
        assert_eq!(code, 0, "export {args:?} --format {f}: {err}");
        out
    };
    let json = serde_json::from_str(&with("json")).expect("the JSON parses");
    let csv_text = with("csv");
    let mut r = csv::ReaderBuilder::new().has_headers(false).from_reader(csv_text.as_bytes());
    let rows = r.records().collect::<Result<Vec<_>, _>>().expect("the CSV parses");
    (json, rows)
}

#[tokio::test]
async fn overview_org_and_call_export_as_csv_with_what_the_json_holds() {
    let url = hostile_db("exportformats").await;

    let (json, rows) = both(&url, &["overview", "--org", "acme", "--from", "2020-01-01", "--to", "2030-12-31"]);
    assert_eq!(&rows[0], vec!["section", "key", "value"]);
    let total = rows.iter().find(|r| &r[0] == "total").expect("a total row");
    assert_eq!(&total[2], json["total"].to_string(), "the CSV total is the JSON total");
    let statuses = rows.iter().filter(|r| &r[0] == "by_status").count();
    assert_eq!(statuses, json["by_status"].as_array().unwrap().len(), "one row per status");
    let sum: i64 = rows.iter().filter(|r| &r[0] == "by_status").map(|r| r[2].parse::<i64>().unwrap()).sum();
    assert_eq!(sum, json["total"].as_i64().unwrap(), "the statuses add up to the total");

    let (json, rows) = both(&url, &["org", "--org", "acme"]);
    assert_eq!(&rows[0], vec!["section", "row", "field", "value"]);
    let sections = json["sections"].as_array().unwrap();
    let pairs: usize = sections.iter().map(|s| s["pairs"].as_array().map_or(0, Vec::len)).sum();
    let cells: usize = sections
        .iter()
        .flat_map(|s| s["rows"].as_array().into_iter().flatten())
        .map(|r| r.as_array().map_or(0, Vec::len))
        .sum();
    let unavailable = sections.iter().filter(|s| !s["unavailable"].is_null()).count();
    assert_eq!(rows.len() - 1, pairs + cells + unavailable, "every fact and every cell, once");
    assert!(rows.iter().skip(1).all(|r| !r[0].is_empty()), "every row names its section");

    let (code, page, err) = switchboard(&["export", "--url", &url, "calls", "--org", "acme", "--limit", "50"]);
    assert_eq!(code, 0, "{err}");
    let page: serde_json::Value = serde_json::from_str(&page).unwrap();
    let mut with_turns = 0;
    for id in page["calls"].as_array().unwrap().iter().filter_map(|c| c["id"].as_str()) {
        let (json, rows) = both(&url, &["call", "--org", "acme", "--id", id]);
        assert_eq!(&rows[0], vec!["turn", "speaker", "text"]);
        let turns = json["turns"].as_array().unwrap();
        assert_eq!(rows.len() - 1, turns.len(), "one row per turn");
        for (row, turn) in rows.iter().skip(1).zip(turns) {
            assert_eq!(&row[1], turn["speaker"].as_str().unwrap());
            // The text is the turn's, but a leading =, +, - or @ is defused for spreadsheets.
            let text = turn["text"].as_str().unwrap();
            assert!(row[2] == *text || row[2] == format!("'{text}"), "{:?} vs {text:?}", &row[2]);
        }
        with_turns += usize::from(!turns.is_empty());
    }
    assert!(with_turns > 0, "the fixture has calls with a transcript");
}

#[test]
fn export_help_lists_only_what_an_export_takes() {
    for args in [&["export", "--help"][..], &["export", "calls", "--help"], &["export", "org", "--help"]] {
        let (code, out, _) = switchboard(args);
        assert_eq!(code, 0);
        for console_only in ["--board", "--mouse", "--no-color", "--write"] {
            assert!(!out.contains(console_only), "{args:?} lists {console_only}:\n{out}");
        }
        assert!(out.contains("--url"), "the connection flags stay: {out}");
    }
    for args in [&["export", "overview", "--help"][..], &["export", "call", "--help"], &["export", "org", "--help"]] {
        let (_, out, _) = switchboard(args);
        assert!(out.contains("--format"), "{args:?}: {out}");
    }
    // The console's flags are where the console opens, before or after `tui` / `demo`.
    for args in [&["--help"][..], &["tui", "--help"], &["demo", "--help"]] {
        let (code, out, _) = switchboard(args);
        assert_eq!(code, 0);
        assert!(out.contains("--board") && out.contains("--mouse") && out.contains("--write"), "{args:?}: {out}");
    }
    let (code, _, err) = switchboard(&["export", "orgs", "--board"]);
    assert_eq!(code, 2, "an export refuses a console flag: {err}");
    // Before the subcommand too: said, not silently ignored.
    let (code, _, err) = switchboard(&["--write", "export", "--url", "postgres://nobody@127.0.0.1:1/x", "orgs"]);
    assert_eq!(code, 2);
    assert!(err.contains("--write is the console's own flag"), "{err}");
}
