//! Per-address limits on the public endpoints, so that tracking codes cannot be guessed and
//! forms cannot be flooded.

use super::context::Settings;
use crate::domain::error::AppError;
use axum::extract::ConnectInfo;
use axum::http::HeaderMap;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use ipnet::IpNet;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::num::NonZeroU32;

/// The reverse proxies in front of the server (`INSPRAAK_TRUSTED_PROXIES`: addresses or CIDR
/// ranges, separated by commas or spaces). Only a request that comes from one of them has its
/// `X-Forwarded-For` read; from anyone else that header is a claim, and ignored.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<IpNet>);

impl TrustedProxies {
    /// Parses the setting; an entry that is not an address or range is left out and logged.
    pub fn parse(setting: &str) -> Self {
        let mut nets = Vec::new();
        for entry in setting.split([',', ' ', '\n', '\t']).map(str::trim).filter(|e| !e.is_empty()) {
            match entry.parse::<IpNet>().or_else(|_| entry.parse::<IpAddr>().map(IpNet::from)) {
                Ok(net) => nets.push(net),
                Err(_) => tracing::warn!(entry, "INSPRAAK_TRUSTED_PROXIES: not an address or range, ignored"),
            }
        }
        TrustedProxies(nets)
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        self.0.iter().any(|net| net.contains(&ip))
    }

    /// The client's address: the peer, or, when the peer is a trusted proxy, the rightmost
    /// address in `X-Forwarded-For` that is not a trusted proxy itself (the ones to its left
    /// were written by the client and may be forged).
    pub fn client_ip(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        let peer = canonical(peer);
        if !self.trusts(peer) {
            return peer;
        }
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let mut client = peer;
        for hop in forwarded.iter().rev() {
            match hop.parse::<IpAddr>() {
                Ok(ip) => {
                    client = canonical(ip);
                    if !self.trusts(client) {
                        return client;
                    }
                }
                // A hop that is no address: stop at the last one we could believe.
                Err(_) => return client,
            }
        }
        client
    }
}

/// An IPv4 address written as IPv6 (`::ffff:1.2.3.4`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map(IpAddr::V4).unwrap_or(ip),
        v4 => v4,
    }
}

/// The key a client is limited under: its IPv4 address, or the /64 its IPv6 address is in
/// (one household or device gets a whole /64, so single addresses would be free to rotate).
pub fn limit_key(ip: IpAddr) -> IpAddr {
    match canonical(ip) {
        IpAddr::V6(v6) => {
            let s = v6.segments();
            IpAddr::V6(Ipv6Addr::new(s[0], s[1], s[2], s[3], 0, 0, 0, 0))
        }
        v4 => v4,
    }
}

#[derive(Debug, Clone, Copy)]
pub enum Bucket {
    Comment,
    Lookup,
    Login,
    Download,
    /// The lost-code form.
    Recovery,
}

pub struct RateLimits {
    comment: DefaultKeyedRateLimiter<IpAddr>,
    lookup: DefaultKeyedRateLimiter<IpAddr>,
    login: DefaultKeyedRateLimiter<IpAddr>,
    download: DefaultKeyedRateLimiter<IpAddr>,
    recovery: DefaultKeyedRateLimiter<IpAddr>,
}

fn per_minute(n: u32) -> DefaultKeyedRateLimiter<IpAddr> {
    RateLimiter::keyed(Quota::per_minute(NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)))
}

impl RateLimits {
    pub fn new(settings: &Settings) -> Self {
        RateLimits {
            comment: per_minute(settings.comments_per_minute),
            lookup: per_minute(settings.lookups_per_minute),
            login: per_minute(settings.logins_per_minute),
            download: per_minute(settings.downloads_per_minute),
            recovery: per_minute(settings.recoveries_per_minute),
        }
    }

    pub fn check(&self, bucket: Bucket, ip: IpAddr) -> Result<(), AppError> {
        let limiter = match bucket {
            Bucket::Comment => &self.comment,
            Bucket::Lookup => &self.lookup,
            Bucket::Login => &self.login,
            Bucket::Download => &self.download,
            Bucket::Recovery => &self.recovery,
        };
        if limiter.len() > 50_000 {
            limiter.retain_recent();
        }
        limiter.check_key(&limit_key(ip)).map_err(|_| {
            tracing::warn!(?bucket, %ip, "rate limit reached");
            AppError::RateLimited
        })
    }
}

/// Checks the limit for the client of the current request (unknown addresses share one key).
pub async fn check(bucket: Bucket) -> Result<(), AppError> {
    let peer = leptos_axum::extract::<ConnectInfo<SocketAddr>>()
        .await
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    let state = super::context::state()?;
    let ip = match leptos::prelude::use_context::<axum::http::request::Parts>() {
        Some(parts) => state.trusted_proxies.client_ip(peer, &parts.headers),
        None => peer,
    };
    state.limits.check(bucket, ip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limit_is_per_address() {
        let limits = RateLimits::new(&Settings { comments_per_minute: 2, ..Settings::default() });
        let a = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 1));
        let b = IpAddr::V4(Ipv4Addr::new(10, 0, 0, 2));
        assert!(limits.check(Bucket::Comment, a).is_ok());
        assert!(limits.check(Bucket::Comment, a).is_ok());
        assert_eq!(limits.check(Bucket::Comment, a), Err(AppError::RateLimited));
        assert!(limits.check(Bucket::Comment, b).is_ok());
        assert!(limits.check(Bucket::Lookup, a).is_ok(), "buckets are separate");
    }

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn forwarded_for_is_read_only_from_a_trusted_proxy() {
        let proxies = TrustedProxies::parse("127.0.0.1, 10.1.0.0/16 ::1");
        // An untrusted peer that claims another address is keyed by its own.
        assert_eq!(proxies.client_ip(ip("203.0.113.9"), &forwarded("198.51.100.1")), ip("203.0.113.9"));
        // Through the proxy: the rightmost address that is not a proxy; what the client wrote
        // to its left is not believed.
        assert_eq!(proxies.client_ip(ip("127.0.0.1"), &forwarded("198.51.100.1, 203.0.113.9")), ip("203.0.113.9"));
        assert_eq!(proxies.client_ip(ip("127.0.0.1"), &forwarded("203.0.113.9, 10.1.2.3")), ip("203.0.113.9"));
        // No header, or garbage in it: the proxy (or the last believable hop) is the client.
        assert_eq!(proxies.client_ip(ip("127.0.0.1"), &HeaderMap::new()), ip("127.0.0.1"));
        assert_eq!(proxies.client_ip(ip("127.0.0.1"), &forwarded("nonsense")), ip("127.0.0.1"));
        assert_eq!(proxies.client_ip(ip("::ffff:127.0.0.1"), &forwarded("2001:db8::1")), ip("2001:db8::1"));
        // Nothing trusted by default.
        assert_eq!(TrustedProxies::parse("").client_ip(ip("127.0.0.1"), &forwarded("198.51.100.1")), ip("127.0.0.1"));
        assert_eq!(TrustedProxies::parse("not-an-address"), TrustedProxies::default());
    }

    #[test]
    fn ipv6_clients_share_a_limit_per_64() {
        let limits = RateLimits::new(&Settings { comments_per_minute: 2, ..Settings::default() });
        assert!(limits.check(Bucket::Comment, ip("2001:db8:1:2::1")).is_ok());
        assert!(limits.check(Bucket::Comment, ip("2001:db8:1:2::ffff")).is_ok());
        assert_eq!(limits.check(Bucket::Comment, ip("2001:db8:1:2:abcd::7")), Err(AppError::RateLimited), "same /64");
        assert!(limits.check(Bucket::Comment, ip("2001:db8:1:3::1")).is_ok(), "another /64");
        assert_eq!(limit_key(ip("::ffff:192.0.2.7")), ip("192.0.2.7"));
    }
}
