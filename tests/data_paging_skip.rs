//! Skipping pages of the call list against a real PostgreSQL, in every dialect: `Anchor::Ahead` and
//! `Anchor::Behind` (keyset, then `OFFSET pages × limit`, what keys typed ahead of a pending page ask for)
//! return exactly the page that paging one page at a time reaches, with the same `has_before` and
//! `has_after`, across ties and NULL times; past the end no rows, past the start the first page.

mod common;

use switchboard::core::filter::CallFilter;
use switchboard::core::model::{Anchor, Dialect, Key, Page};
use switchboard::core::time::OrgZone;
use switchboard::data::{DbOptions, Source};
use switchboard::demo::schema_sql;

const UUID_A: &str = "00000000-0000-0000-0000-00000000000a";

/// What a page is compared by: its ids and whether there is more on either side.
fn shape(p: &Page) -> (Vec<String>, bool, bool) {
    (p.rows.iter().map(|r| r.key.to_string()).collect(), p.has_before, p.has_after)
}

struct List<'a> {
    src: &'a Source,
    dialect: Dialect,
    org: Key,
    limit: usize,
    filter: CallFilter,
    zone: OrgZone,
}

impl List<'_> {
    async fn page(&self, anchor: &Anchor) -> Page {
        self.src.calls_filtered(self.dialect, &self.org, anchor, self.limit, &self.filter, &self.zone).await.unwrap()
    }

    /// Every page from the first, one `After` at a time.
    async fn forward(&self) -> Vec<Page> {
        let mut pages = vec![self.page(&Anchor::First).await];
        while pages.last().unwrap().has_after {
            let c = pages.last().unwrap().rows.last().unwrap().cursor();
            pages.push(self.page(&Anchor::After(c)).await);
        }
        pages
    }

    /// Every page from the last, one `Before` at a time (the last step may be the full first page).
    async fn backward(&self) -> Vec<Page> {
        let mut pages = vec![self.page(&Anchor::Last).await];
        while pages.last().unwrap().has_before {
            let c = pages.last().unwrap().rows[0].cursor();
            pages.push(self.page(&Anchor::Before(c)).await);
        }
        pages
    }
}

/// Where cursors are taken from: the first pages, the middle, the end (NULL times, when the dialect has
/// them, are there).
fn some(n: usize) -> Vec<usize> {
    let mut v: Vec<usize> =
        [0, 1, n / 2, n.saturating_sub(3), n.saturating_sub(2)].into_iter().filter(|&j| j + 1 < n).collect();
    v.dedup();
    v
}

async fn skips_match_paging_one_page_at_a_time(dialect: Dialect, fixture: &str, org: &str) {
    let url = common::fresh_db(&format!("skip_{}", dialect.name()), &[schema_sql(dialect), fixture]).await;
    let src = Source::new(DbOptions::new(&url)).unwrap();
    let zone = OrgZone::from_name(Some("America/New_York"));
    let cases = [
        (50, CallFilter::default()),
        (7, CallFilter::default()),
        // Filter parameters come before the OFFSET's.
        (13, CallFilter::parse("from:2000-01-01 phone:1").unwrap()),
    ];
    for (limit, filter) in cases {
        let list = List { src: &src, dialect, org: Key::parse(org), limit, filter, zone };
        let what = format!("{} page size {limit} filter {:?}", dialect.name(), list.filter.describe());

        let fwd = list.forward().await;
        let n = fwd.len();
        assert!(n >= 3, "{what}: only {n} pages");
        let empty = |p: &Page| p.rows.is_empty();
        // From the top.
        for (k, want) in fwd.iter().enumerate() {
            let got = list.page(&Anchor::Ahead { cursor: None, pages: k as u64 }).await;
            assert_eq!(shape(&got), shape(want), "{what}: {k} pages after the first");
        }
        for k in [n, n + 1, n + 40] {
            assert!(empty(&list.page(&Anchor::Ahead { cursor: None, pages: k as u64 }).await), "{what}: past the end");
        }
        // From the last row of page j: a skip of k is page j + 1 + k.
        for j in some(n) {
            let cursor = Some(fwd[j].rows.last().unwrap().cursor());
            for (k, want) in fwd[j + 1..].iter().enumerate() {
                let got = list.page(&Anchor::Ahead { cursor: cursor.clone(), pages: k as u64 }).await;
                assert_eq!(shape(&got), shape(want), "{what}: {k} pages past the one after page {}", j + 1);
            }
            let past = list.page(&Anchor::Ahead { cursor, pages: (n - j - 1) as u64 }).await;
            assert!(empty(&past), "{what}: past the end from page {}", j + 1);
        }

        let bwd = list.backward().await;
        let m = bwd.len();
        let first = shape(&fwd[0]);
        // From the bottom.
        for (k, want) in bwd.iter().enumerate() {
            let got = list.page(&Anchor::Behind { cursor: None, pages: k as u64 }).await;
            assert_eq!(shape(&got), shape(want), "{what}: {k} pages before the last");
        }
        for k in [m, m + 40] {
            let got = list.page(&Anchor::Behind { cursor: None, pages: k as u64 }).await;
            assert_eq!(shape(&got), first, "{what}: past the start from the last page");
        }
        // From the first row of backward page j.
        for j in some(m) {
            let cursor = Some(bwd[j].rows[0].cursor());
            for (k, want) in bwd[j + 1..].iter().enumerate() {
                let got = list.page(&Anchor::Behind { cursor: cursor.clone(), pages: k as u64 }).await;
                assert_eq!(shape(&got), shape(want), "{what}: {k} pages before the one before backward page {j}");
            }
            let past = list.page(&Anchor::Behind { cursor, pages: (m - j - 1) as u64 }).await;
            assert_eq!(shape(&past), first, "{what}: past the start from backward page {j}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn serviceai_skips_match_paging() {
    skips_match_paging_one_page_at_a_time(Dialect::ServiceAi, common::HOSTILE, UUID_A).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn retell_skips_match_paging() {
    skips_match_paging_one_page_at_a_time(Dialect::Retell, include_str!("fixtures/retell_hostile.sql"), UUID_A).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn voxanne_skips_match_paging() {
    skips_match_paging_one_page_at_a_time(Dialect::Voxanne, include_str!("fixtures/voxanne_hostile.sql"), UUID_A).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn prisma_skips_match_paging() {
    let fixture = include_str!("fixtures/prisma_hostile.sql");
    skips_match_paging_one_page_at_a_time(Dialect::Prisma, fixture, "ckorga000000000000000000a").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn quinite_skips_match_paging() {
    skips_match_paging_one_page_at_a_time(Dialect::Quinite, include_str!("fixtures/quinite_hostile.sql"), UUID_A).await;
}
