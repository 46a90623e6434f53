//! A TCP proxy on the loopback that delays each direction and counts round trips, so that what a real
//! link costs (20 to 150 ms a round trip to a Supabase region) is a number the bench prints and a test can
//! assert exactly, instead of a time that depends on the machine.
//!
//! A round trip is counted each time the client sends after the server last spoke (or first): the client
//! waits for an answer before it can go on. Bytes are forwarded `delay` after they arrive, in order, without
//! limiting throughput, so a pipelined exchange costs one delay per direction, as on a real link.
//! It listens on 127.0.0.1 only and forwards to the one address it was given.

use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio::time::Instant;

/// The proxy; dropping it stops listening (open connections end with their peers).
pub struct DelayProxy {
    /// Where clients connect (127.0.0.1 and a free port).
    pub addr: SocketAddr,
    round_trips: Arc<AtomicU64>,
    connections: Arc<AtomicU64>,
    accept: JoinHandle<()>,
}

impl DelayProxy {
    /// Starts forwarding 127.0.0.1:<free port> to `upstream`, each direction delayed by `one_way`.
    pub async fn start(upstream: SocketAddr, one_way: Duration) -> std::io::Result<DelayProxy> {
        let listener = TcpListener::bind(("127.0.0.1", 0)).await?;
        let addr = listener.local_addr()?;
        let round_trips = Arc::new(AtomicU64::new(0));
        let connections = Arc::new(AtomicU64::new(0));
        let (rt, conns) = (round_trips.clone(), connections.clone());
        let accept = tokio::spawn(async move {
            while let Ok((client, _)) = listener.accept().await {
                conns.fetch_add(1, Ordering::SeqCst);
                let rt = rt.clone();
                tokio::spawn(async move {
                    if let Ok(server) = TcpStream::connect(upstream).await {
                        relay(client, server, one_way, rt).await;
                    }
                });
            }
        });
        Ok(DelayProxy { addr, round_trips, connections, accept })
    }

    /// Round trips since the start (or the last [`DelayProxy::reset`]), over every connection.
    pub fn round_trips(&self) -> u64 {
        self.round_trips.load(Ordering::SeqCst)
    }

    /// Connections accepted since the start.
    pub fn connections(&self) -> u64 {
        self.connections.load(Ordering::SeqCst)
    }

    /// Counts from zero again.
    pub fn reset(&self) {
        self.round_trips.store(0, Ordering::SeqCst);
    }

    /// `url` (a postgres:// URL whose host and port are the upstream's) through the proxy.
    pub fn url(&self, url: &str) -> String {
        match crate::data::pool::parse_url(url) {
            Ok(o) => url.replacen(&format!("{}:{}", o.get_host(), o.get_port()), &self.addr.to_string(), 1),
            Err(_) => url.to_string(),
        }
    }
}

impl Drop for DelayProxy {
    fn drop(&mut self) {
        self.accept.abort();
    }
}

/// Both directions of one connection; `client_turn` is true while the client spoke last.
async fn relay(client: TcpStream, server: TcpStream, one_way: Duration, round_trips: Arc<AtomicU64>) {
    let _ = client.set_nodelay(true);
    let _ = server.set_nodelay(true);
    let (cr, cw) = client.into_split();
    let (sr, sw) = server.into_split();
    let client_turn = Arc::new(AtomicBool::new(false));
    let up = {
        let (turn, rt) = (client_turn.clone(), round_trips.clone());
        pipe(cr, sw, one_way, move || {
            if !turn.swap(true, Ordering::SeqCst) {
                rt.fetch_add(1, Ordering::SeqCst);
            }
        })
    };
    let down = pipe(sr, cw, one_way, move || client_turn.store(false, Ordering::SeqCst));
    let _ = tokio::join!(up, down);
}

/// Reads from `from` and writes each chunk to `to` `one_way` after it arrived; `on_chunk` runs as it
/// arrives.
async fn pipe(
    mut from: tokio::net::tcp::OwnedReadHalf,
    mut to: tokio::net::tcp::OwnedWriteHalf,
    one_way: Duration,
    on_chunk: impl Fn() + Send + 'static,
) {
    let (tx, mut rx) = mpsc::unbounded_channel::<(Instant, Vec<u8>)>();
    let writer = tokio::spawn(async move {
        while let Some((due, bytes)) = rx.recv().await {
            tokio::time::sleep_until(due).await;
            if to.write_all(&bytes).await.is_err() {
                return;
            }
        }
        let _ = to.shutdown().await;
    });
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        match from.read(&mut buf).await {
            Ok(0) | Err(_) => break,
            Ok(n) => {
                on_chunk();
                if tx.send((Instant::now() + one_way, buf[..n].to_vec())).is_err() {
                    break;
                }
            }
        }
    }
    drop(tx);
    let _ = writer.await;
}
