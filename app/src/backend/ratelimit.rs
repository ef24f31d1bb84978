//! Per-address limits on the public endpoints, so that tracking codes cannot be guessed and
//! forms cannot be flooded.

use super::context::Settings;
use crate::domain::error::AppError;
use axum::extract::ConnectInfo;
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::num::NonZeroU32;

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
        limiter.check_key(&ip).map_err(|_| {
            tracing::warn!(?bucket, %ip, "rate limit reached");
            AppError::RateLimited
        })
    }
}

/// Checks the limit for the address of the current request (unknown addresses share one key).
pub async fn check(bucket: Bucket) -> Result<(), AppError> {
    let ip = leptos_axum::extract::<ConnectInfo<SocketAddr>>()
        .await
        .map(|ConnectInfo(addr)| addr.ip())
        .unwrap_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED));
    super::context::state()?.limits.check(bucket, ip)
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
}
