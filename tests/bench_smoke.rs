//! The benchmark harness runs (quick variant, throwaway databases) and keyset paging beats OFFSET at a
//! modest depth. Never asserts absolute times: CI machines vary.

mod common;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quick_bench_runs_and_keyset_beats_offset() {
    let admin = common::admin_url();
    let mut args = switchboard::bench::BenchArgs::quick(&admin);
    args.runs = Some(10);
    let report = switchboard::bench::execute(args).await.expect("the quick benchmark runs");
    println!("{}", report.table());
    for label in ["serviceai", "retell"] {
        for variant in ["seed idx", "console idx"] {
            let what = format!("{label} [{variant}] OFFSET / keyset");
            let r = report.ratio(&what).unwrap_or_else(|| panic!("no ratio {what}"));
            // At ~20,000 rows deep OFFSET reads every row before the page; keyset reads one page.
            assert!(r.value >= 3.0, "{what}: {:.1}×", r.value);
        }
    }
    assert!(report.row("full-frame render 240×70, call list").is_some());
    assert!(report.row("retell org list loaded").is_some());
    assert_eq!(report.rows.iter().filter(|r| r.what.contains("caller history in the 1M-call org")).count(), 2);
    assert!(report.rows.iter().all(|r| !r.samples.is_empty()));
    // Over the simulated link: the actions are timed and their round trips counted (the counts are
    // asserted exactly in tests/link_roundtrips.rs).
    for what in ["launch → org list", "next page (pgdn)", "a call (enter)", "on call"] {
        assert!(report.rows.iter().any(|r| r.what.ends_with(what) && r.what.starts_with("over a")), "{what}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn index_check_reports_the_missing_serviceai_index_with_its_statement() {
    use switchboard::bench::indexes;
    use switchboard::core::model::Dialect;
    let url = common::hostile_db("idxcheck").await;
    let checks = indexes::check_url(&url, Dialect::ServiceAi).await.expect("check runs read-only");
    let lines: Vec<String> = checks.iter().flat_map(|c| c.report_lines(5)).collect();
    println!("{}", lines.join("\n"));
    let calls = checks.iter().find(|c| c.index.name == "sb_call_logs_org_created_id").unwrap();
    assert_eq!(calls.missing.len(), 1);
    assert!(lines.iter().any(|l| {
        l.contains("CREATE INDEX CONCURRENTLY IF NOT EXISTS sb_call_logs_org_created_id ON public.call_logs")
    }));
}
