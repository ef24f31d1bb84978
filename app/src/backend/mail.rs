//! Mail to residents: composing each message through `render::mail`, queueing it in the
//! outbox, and the sender that empties the outbox over SMTP (lettre) with retries. A comment is
//! stored before any mail is queued, and a mail is queued before it is sent, so a mail server
//! that is down costs time, never a comment or a message.

use super::services::{random_token, token_hash};
use super::store::{AnswerMail, SenderRow, Store, StoreError};
use crate::domain::mail::{
    self, AnswerFacts, CodeLine, ErasureRoute, LinkProblem, LinkPurpose, MAX_ATTEMPTS, MailKind, MailLinks, Subscription, check_link,
    normalise_email, retry_delay,
};
use crate::domain::status::ProcessingStatus;
use crate::i18n::Locale;
use crate::render;
use lettre::message::Mailbox;
use lettre::message::header::{ContentType, HeaderName, HeaderValue};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::sync::Arc;
use std::time::Duration;
use time::OffsetDateTime;
use tokio::sync::watch;

/// How the mail goes out, from `INSPRAAK_SMTP_URL` (e.g. `smtp://127.0.0.1:2525`, or
/// `smtps://user:password@mail.example.nl` / `smtp://…?tls=required` for a real server),
/// `INSPRAAK_MAIL_FROM` and `INSPRAAK_RETENTION_DAYS`.
#[derive(Clone)]
pub struct MailSettings {
    pub smtp_url: Option<String>,
    pub from: String,
    /// E-mail addresses are erased this many days after a consultation closes.
    pub retention_days: u32,
}

impl std::fmt::Debug for MailSettings {
    // The URL may hold the SMTP password.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailSettings")
            .field("smtp", &self.smtp_url.as_ref().map(|_| "set"))
            .field("from", &self.from)
            .field("retention_days", &self.retention_days)
            .finish()
    }
}

impl Default for MailSettings {
    fn default() -> Self {
        MailSettings { smtp_url: None, from: "Inspraak <noreply@inspraak.invalid>".into(), retention_days: 365 }
    }
}

impl MailSettings {
    pub fn from_env() -> Self {
        let d = MailSettings::default();
        MailSettings {
            smtp_url: std::env::var("INSPRAAK_SMTP_URL").ok().filter(|v| !v.trim().is_empty()),
            from: std::env::var("INSPRAAK_MAIL_FROM").ok().filter(|v| !v.trim().is_empty()).unwrap_or(d.from),
            retention_days: std::env::var("INSPRAAK_RETENTION_DAYS").ok().and_then(|v| v.parse().ok()).unwrap_or(d.retention_days),
        }
    }
}

/// The SMTP connection settings and the bell that wakes the sender when mail is queued.
pub struct Mailer {
    transport: Option<AsyncSmtpTransport<Tokio1Executor>>,
    from: Option<Mailbox>,
    wake: tokio::sync::Notify,
    pub retention_days: u32,
}

/// How long one SMTP conversation may take before it counts as failed.
const SMTP_TIMEOUT: Duration = Duration::from_secs(20);
/// How long a sender holds a message it took; after that another may try it.
const LEASE: time::Duration = time::Duration::minutes(5);

impl Mailer {
    pub fn new(settings: &MailSettings) -> Self {
        let transport = settings.smtp_url.as_deref().and_then(|url| match AsyncSmtpTransport::<Tokio1Executor>::from_url(url) {
            Ok(builder) => Some(builder.timeout(Some(SMTP_TIMEOUT)).build()),
            Err(error) => {
                tracing::error!(%error, "INSPRAAK_SMTP_URL is not usable; mail stays in the outbox");
                None
            }
        });
        let from = settings.from.parse::<Mailbox>().or_else(|error| {
            tracing::error!(%error, "INSPRAAK_MAIL_FROM is not an address; using the default");
            MailSettings::default().from.parse::<Mailbox>()
        });
        Mailer { transport, from: from.ok(), wake: tokio::sync::Notify::new(), retention_days: settings.retention_days }
    }

    /// Whether a mail server is set; without one, mail waits in the outbox.
    pub fn configured(&self) -> bool {
        self.transport.is_some() && self.from.is_some()
    }

    /// Wakes the sender: mail was queued.
    pub fn nudge(&self) {
        self.wake.notify_one();
    }
}

/// What one round of the sender did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Delivery {
    pub sent: usize,
    pub retried: usize,
    pub failed: usize,
}

/// Sends every due message once: sent ones are cleared, failed ones wait longer each time and
/// are marked failed after the last try.
pub async fn deliver_due(store: &Store, mailer: &Mailer, now: OffsetDateTime) -> Result<Delivery, StoreError> {
    deliver(store, mailer, now, None).await
}

/// What the background sender is asked to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SenderState {
    Running,
    /// Finish the message in hand, take no other.
    Finishing,
    /// Break off the message in hand and give its lease back.
    CutOff,
}

/// Resolves when the sender is told to break off; never when nobody can tell it any more.
async fn cut_off(state: &mut watch::Receiver<SenderState>) {
    if state.wait_for(|s| *s == SenderState::CutOff).await.is_err() {
        std::future::pending::<()>().await;
    }
}

async fn deliver(
    store: &Store,
    mailer: &Mailer,
    now: OffsetDateTime,
    mut state: Option<watch::Receiver<SenderState>>,
) -> Result<Delivery, StoreError> {
    let mut delivery = Delivery::default();
    let (Some(transport), Some(from)) = (&mailer.transport, &mailer.from) else { return Ok(delivery) };
    for row in store.due_mail(now, 100).await? {
        if state.as_ref().is_some_and(|s| *s.borrow() != SenderState::Running) {
            break;
        }
        let lease_until = now + LEASE;
        if !store.claim_mail(row.id, row.next_attempt_at, lease_until).await? {
            continue;
        }
        let attempts = row.attempts + 1;
        let send = async {
            match build_message(from, &row) {
                Ok(message) => transport.send(message).await.map(|_| ()).map_err(|e| e.to_string()),
                Err(error) => Err(error),
            }
        };
        let result = match state.as_mut() {
            None => Some(send.await),
            Some(state) => tokio::select! {
                result = send => Some(result),
                () = cut_off(state) => None,
            },
        };
        let Some(result) = result else {
            // Whether the server got it is unknown; another sender tries again at once.
            store.release_mail(row.id, lease_until, row.next_attempt_at).await?;
            tracing::warn!(id = row.id, "mail broken off at shutdown, lease given back");
            break;
        };
        match result {
            Ok(()) => {
                store.mark_mail_sent(row.id, attempts, now).await?;
                delivery.sent += 1;
            }
            Err(error) => {
                let retry_at = retry_delay(u32::try_from(attempts).unwrap_or(MAX_ATTEMPTS)).map(|d| now + d);
                tracing::warn!(id = row.id, attempts, %error, retry = retry_at.is_some(), "mail not sent");
                store.mark_mail_failed(row.id, attempts, retry_at, &error).await?;
                if retry_at.is_some() { delivery.retried += 1 } else { delivery.failed += 1 }
            }
        }
    }
    Ok(delivery)
}

fn build_message(from: &Mailbox, row: &super::store::OutboxRow) -> Result<Message, String> {
    let to: Mailbox = row.recipient.as_deref().unwrap_or_default().parse().map_err(|e| format!("address refused: {e}"))?;
    let mut builder = Message::builder().from(from.clone()).to(to).subject(row.subject.clone()).header(ContentType::TEXT_PLAIN);
    if let Some(url) = &row.unsubscribe_url {
        builder = builder.raw_header(HeaderValue::new(HeaderName::new_from_ascii_str("List-Unsubscribe"), format!("<{url}>")));
    }
    builder.body(row.body.clone()).map_err(|e| e.to_string())
}

/// Erases the addresses of consultations closed longer ago than the retention period.
pub async fn apply_retention(store: &Store, retention_days: u32, today: time::Date) -> Result<usize, StoreError> {
    // A consultation that closed on day D keeps its addresses through D + days.
    let closed_before = today.saturating_sub(time::Duration::days(i64::from(retention_days)));
    let started = std::time::Instant::now();
    let erased = store.expire_emails(closed_before).await?;
    tracing::info!(erased, elapsed_ms = started.elapsed().as_secs_f64() * 1000.0, "retention sweep");
    Ok(erased)
}

/// How often the sender looks at the outbox when nothing wakes it, and how often retention runs.
const POLL: Duration = Duration::from_secs(15);
const RETENTION_EVERY: Duration = Duration::from_secs(60 * 60);

/// The running background sender.
pub struct SenderHandle {
    signal: watch::Sender<SenderState>,
    task: tokio::task::JoinHandle<()>,
}

impl SenderHandle {
    /// Stops the sender: it finishes the message in hand and takes no other. A send that takes
    /// longer than `grace` is broken off and its lease given back, so that another server (or
    /// this one's next start) sends it at once instead of after the lease.
    pub async fn stop(self, grace: Duration) {
        let _ = self.signal.send(SenderState::Finishing);
        let mut task = self.task;
        if tokio::time::timeout(grace, &mut task).await.is_err() {
            let _ = self.signal.send(SenderState::CutOff);
            if tokio::time::timeout(Duration::from_secs(5), &mut task).await.is_err() {
                task.abort();
            }
        }
        tracing::info!("mail sender stopped");
    }
}

/// The background sender: at once when mail is queued, otherwise every few seconds for retries;
/// the retention sweep at start and every hour. Runs until stopped through its handle.
pub fn spawn_sender(store: Store, mailer: Arc<Mailer>) -> SenderHandle {
    if !mailer.configured() {
        tracing::warn!("no INSPRAAK_SMTP_URL: mail to residents waits in the outbox");
    }
    let (signal, mut state) = watch::channel(SenderState::Running);
    let task = tokio::spawn(async move {
        let mut last_retention: Option<std::time::Instant> = None;
        while *state.borrow() == SenderState::Running {
            if last_retention.is_none_or(|at| at.elapsed() >= RETENTION_EVERY) {
                if let Err(error) = apply_retention(&store, mailer.retention_days, super::services::today()).await {
                    tracing::error!(%error, "retention sweep failed");
                }
                last_retention = Some(std::time::Instant::now());
            }
            let started = std::time::Instant::now();
            match deliver(&store, &mailer, super::store::now(), Some(state.clone())).await {
                Ok(Delivery { sent: 0, retried: 0, failed: 0 }) => {}
                Ok(Delivery { sent, retried, failed }) => {
                    tracing::info!(sent, retried, failed, elapsed_ms = started.elapsed().as_secs_f64() * 1000.0, "outbox round");
                }
                Err(error) => tracing::error!(%error, "outbox round failed"),
            }
            tokio::select! {
                _ = tokio::time::timeout(POLL, mailer.wake.notified()) => {}
                changed = state.changed() => {
                    if changed.is_err() {
                        // The handle is gone: nobody can stop this sender, it runs with the process.
                        let _ = tokio::time::timeout(POLL, mailer.wake.notified()).await;
                    }
                }
            }
        }
    });
    SenderHandle { signal, task }
}

/// The absolute URLs of this site, for links in mail.
#[derive(Debug, Clone)]
pub struct SiteUrl(pub String);

impl SiteUrl {
    pub fn to(&self, path: &str) -> String {
        format!("{}{path}", self.0.trim_end_matches('/'))
    }

    /// The tracking page of a reaction.
    pub fn track(&self, code: &str) -> String {
        self.to(&format!("/volg/{code}"))
    }

    /// The links every mail about a reaction carries, with the token of its unsubscribe link.
    fn links(&self, code: &str, unsubscribe_token: &str) -> MailLinks {
        MailLinks { track: self.track(code), unsubscribe: self.to(&LinkPurpose::Unsubscribe.path(unsubscribe_token)) }
    }
}

async fn new_token(store: &Store, comment_id: i64, purpose: LinkPurpose) -> Result<String, StoreError> {
    let token = random_token(24);
    store.insert_mail_token(&token_hash(&token), comment_id, purpose).await?;
    Ok(token)
}

async fn new_link(store: &Store, site: &SiteUrl, comment_id: i64, purpose: LinkPurpose) -> Result<String, StoreError> {
    Ok(site.to(&purpose.path(&new_token(store, comment_id, purpose).await?)))
}

/// The tracking and unsubscribe links of a mail about one reaction, the token stored.
async fn stored_links(store: &Store, site: &SiteUrl, comment_id: i64, code: &str) -> Result<MailLinks, StoreError> {
    Ok(site.links(code, &new_token(store, comment_id, LinkPurpose::Unsubscribe).await?))
}

fn locale_of(sender: &SenderRow) -> Locale {
    Locale::parse(&sender.locale).unwrap_or_default()
}

fn subscription(sender: &SenderRow) -> Subscription {
    Subscription {
        has_email: sender.email.is_some(),
        confirmed: sender.email_confirmed_at.is_some(),
        unsubscribed: sender.unsubscribed_at.is_some(),
    }
}

/// The receipt, right after a comment with an e-mail address.
pub async fn queue_receipt(store: &Store, mailer: &Mailer, site: &SiteUrl, comment_id: i64) -> Result<(), StoreError> {
    let Some(sender) = store.sender_of(comment_id).await? else { return Ok(()) };
    let Some(email) = sender.email.clone() else { return Ok(()) };
    let t = locale_of(&sender).messages().mail;
    let links = stored_links(store, site, comment_id, &sender.tracking_code).await?;
    let confirm = new_link(store, site, comment_id, LinkPurpose::Confirm).await?;
    let message = render::mail::receipt(t, sender.name.as_deref(), &sender.consultation_title, &sender.tracking_code, &links, &confirm);
    store.queue_mail(Some(comment_id), &email, &message, Some(&links.unsubscribe)).await?;
    mailer.nudge();
    Ok(())
}

/// One message per adopted answer whose sender confirmed their address and has not had it yet.
pub async fn queue_answers(store: &Store, mailer: &Mailer, site: &SiteUrl, consultation_id: i64) -> Result<usize, StoreError> {
    let Some(consultation) = store.consultation_by_id(consultation_id).await? else { return Ok(0) };
    let outcome_url = site.to(&format!("/consultaties/{}/resultaat", consultation.slug));
    // Composed first, then written in one transaction: an adoption of thousands stays quick.
    let mails: Vec<AnswerMail> = store
        .answers_to_mail(consultation_id)
        .await?
        .into_iter()
        .map(|answer| {
            let messages = Locale::parse(&answer.locale).unwrap_or_default().messages();
            let status = ProcessingStatus::parse(&answer.answer_status).map(|s| messages.status_label(s)).unwrap_or_default();
            let token = random_token(24);
            let links = site.links(&answer.tracking_code, &token);
            let facts = AnswerFacts {
                title: &consultation.title,
                code: &answer.tracking_code,
                status,
                answer: &answer.answer_markdown,
                processed_where: answer.answer_where.as_deref(),
                outcome_url: &outcome_url,
            };
            AnswerMail {
                comment_id: answer.comment_id,
                mail: render::mail::answer_notice(messages.mail, answer.name.as_deref(), &facts, &links),
                recipient: answer.email,
                unsubscribe_hash: token_hash(&token),
                unsubscribe_url: links.unsubscribe,
            }
        })
        .collect();
    store.queue_answer_mails(&mails).await?;
    if !mails.is_empty() {
        tracing::info!(consultation_id, messages = mails.len(), "answers queued for mail");
        mailer.nudge();
    }
    Ok(mails.len())
}

/// The lost-code form: the codes go to a confirmed address if there are any, at most once per
/// `CODES_AT_MOST_EVERY` (so the form cannot flood a mailbox), and the answer takes at least
/// `CODES_ANSWER_TIME` either way (so its timing tells nobody whether the address is known).
pub async fn queue_codes(store: &Store, mailer: &Mailer, site: &SiteUrl, email: &str, locale: Locale) -> Result<(), StoreError> {
    let started = std::time::Instant::now();
    let queued = queue_codes_now(store, mailer, site, email, locale).await;
    tokio::time::sleep(CODES_ANSWER_TIME.saturating_sub(started.elapsed())).await;
    queued
}

const CODES_ANSWER_TIME: Duration = Duration::from_millis(250);
const CODES_AT_MOST_EVERY: time::Duration = time::Duration::minutes(10);

async fn queue_codes_now(store: &Store, mailer: &Mailer, site: &SiteUrl, email: &str, locale: Locale) -> Result<(), StoreError> {
    let email = normalise_email(email);
    let codes = store.codes_of_email(&email).await?;
    let Some(first) = codes.first() else { return Ok(()) };
    let since = super::store::now() - CODES_AT_MOST_EVERY;
    if store.mail_queued_since(first.comment_id, MailKind::Codes, since).await? {
        return Ok(());
    }
    let lines: Vec<CodeLine> = codes
        .iter()
        .map(|c| CodeLine { title: c.consultation_title.clone(), code: c.tracking_code.clone(), track_url: site.track(&c.tracking_code) })
        .collect();
    let unsubscribe = new_link(store, site, first.comment_id, LinkPurpose::Unsubscribe).await?;
    let message = render::mail::codes(locale.messages().mail, &lines, &unsubscribe);
    store.queue_mail(Some(first.comment_id), &email, &message, Some(&unsubscribe)).await?;
    mailer.nudge();
    Ok(())
}

/// What a resident's erasure request led to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasureStep {
    NothingToErase,
    MailSent,
    Erased,
}

/// A resident with the code asks to erase their name and address: by mail for a confirmed
/// address, at once otherwise.
pub async fn request_erasure(store: &Store, mailer: &Mailer, site: &SiteUrl, comment_id: i64) -> Result<ErasureStep, StoreError> {
    let sender = store.sender_of(comment_id).await?;
    let route = match &sender {
        Some(sender) => mail::erasure_route(true, subscription(sender)),
        None => mail::erasure_route(false, Subscription::default()),
    };
    match (route, sender) {
        (ErasureRoute::ByMail, Some(sender)) => {
            let t = locale_of(&sender).messages().mail;
            let links = stored_links(store, site, comment_id, &sender.tracking_code).await?;
            let erase = new_link(store, site, comment_id, LinkPurpose::Erase).await?;
            let message = render::mail::erasure(t, &sender.consultation_title, &erase, &links);
            store.queue_mail(Some(comment_id), sender.email.as_deref().unwrap_or_default(), &message, Some(&links.unsubscribe)).await?;
            mailer.nudge();
            Ok(ErasureStep::MailSent)
        }
        (ErasureRoute::AtOnce, _) => {
            store.erase_sender(comment_id).await?;
            tracing::info!("personal data erased at the resident's request");
            Ok(ErasureStep::Erased)
        }
        _ => Ok(ErasureStep::NothingToErase),
    }
}

/// A link from a mail was used: confirm the address (and send answers already adopted), stop the
/// mail, or erase. Returns the reaction's tracking code for the way back.
pub async fn follow_link(
    store: &Store,
    mailer: &Mailer,
    site: &SiteUrl,
    purpose: LinkPurpose,
    token: &str,
) -> Result<Result<String, LinkProblem>, StoreError> {
    let hash = token_hash(token);
    let Some(row) = store.mail_token(&hash, purpose).await? else { return Ok(Err(LinkProblem::Unknown)) };
    if let Err(problem) = check_link(purpose, row.expires_at, row.used_at.is_some(), super::store::now()) {
        return Ok(Err(problem));
    }
    let Some(sender) = store.sender_of(row.comment_id).await? else { return Ok(Err(LinkProblem::Unknown)) };
    let email = sender.email.as_deref().map(normalise_email);
    match (purpose, email) {
        (LinkPurpose::Confirm, Some(email)) => {
            store.confirm_email(&email).await?;
            for consultation_id in store.consultations_of_email(&email).await? {
                queue_answers(store, mailer, site, consultation_id).await?;
            }
        }
        (LinkPurpose::Unsubscribe, Some(email)) => store.unsubscribe_email(&email).await?,
        (LinkPurpose::Erase, _) => {
            store.erase_sender(row.comment_id).await?;
            tracing::info!("personal data erased at the resident's request, confirmed by mail");
        }
        _ => return Ok(Err(LinkProblem::Unknown)),
    }
    store.use_mail_token(&hash).await?;
    Ok(Ok(sender.tracking_code))
}

/// What the tracking page says about the personal data kept with a reaction.
pub async fn privacy_of(store: &Store, comment_id: i64) -> Result<crate::views::PrivacyView, StoreError> {
    Ok(match store.sender_of(comment_id).await? {
        None => crate::views::PrivacyView::default(),
        Some(sender) => crate::views::PrivacyView {
            kept: true,
            has_name: sender.name.is_some(),
            has_email: sender.email.is_some(),
            confirmed: sender.email_confirmed_at.is_some(),
            unsubscribed: sender.unsubscribed_at.is_some(),
        },
    })
}

/// The mail settings and sender shared by the server functions.
pub type SharedMailer = Arc<Mailer>;
