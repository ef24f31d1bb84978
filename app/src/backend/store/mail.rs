//! The outbox, the links sent by mail, the residents' subscription state, erasure and retention.

use super::{Store, StoreError, now};
use crate::domain::mail::{LinkPurpose, Mail, MailKind, OutboxStatus};
use crate::domain::review::ReviewState;
use time::{Date, OffsetDateTime};

/// A message in the outbox as the sender needs it.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: i64,
    pub kind: String,
    pub recipient: Option<String>,
    pub subject: String,
    pub body: String,
    pub unsubscribe_url: Option<String>,
    pub status: String,
    pub attempts: i64,
    pub next_attempt_at: OffsetDateTime,
    pub last_error: Option<String>,
    pub created_at: OffsetDateTime,
}

/// The personal data kept with one reaction, and what it allows.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct SenderRow {
    pub comment_id: i64,
    pub consultation_id: i64,
    pub consultation_title: String,
    pub tracking_code: String,
    pub name: Option<String>,
    pub email: Option<String>,
    pub email_confirmed_at: Option<OffsetDateTime>,
    pub unsubscribed_at: Option<OffsetDateTime>,
    pub locale: String,
}

/// A mail link's token as stored.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct MailTokenRow {
    pub comment_id: i64,
    pub expires_at: Option<OffsetDateTime>,
    pub used_at: Option<OffsetDateTime>,
}

/// A reaction whose adopted answer is still to be mailed to its confirmed address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct AnswerToMail {
    pub comment_id: i64,
    pub email: String,
    pub name: Option<String>,
    pub locale: String,
    pub tracking_code: String,
    pub answer_markdown: String,
    pub answer_status: String,
    pub answer_where: Option<String>,
}

/// An answer mail ready for the outbox, with the hash of its unsubscribe link's token.
#[derive(Debug, Clone)]
pub struct AnswerMail {
    pub comment_id: i64,
    pub recipient: String,
    pub mail: Mail,
    pub unsubscribe_url: String,
    pub unsubscribe_hash: String,
}

/// One of the tracking codes of an address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct CodeRow {
    pub comment_id: i64,
    pub consultation_title: String,
    pub tracking_code: String,
}

#[derive(Debug, Clone, sqlx::FromRow)]
pub struct ErasureRow {
    pub erased_at: OffsetDateTime,
    pub consultation_title: String,
    pub reason: String,
    pub reactions: i64,
}

/// Counts per outbox status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OutboxCounts {
    pub waiting: usize,
    pub sent: usize,
    pub failed: usize,
}

const SENDER_COLUMNS: &str = "s.comment_id, m.consultation_id, c.title AS consultation_title, m.tracking_code, s.name, s.email, \
     s.email_confirmed_at, s.unsubscribed_at, s.locale";

impl Store {
    /// Puts a message in the outbox, due at once.
    #[tracing::instrument(skip(self, mail, recipient))]
    pub async fn queue_mail(
        &self,
        comment_id: Option<i64>,
        recipient: &str,
        mail: &Mail,
        unsubscribe_url: Option<&str>,
    ) -> Result<i64, StoreError> {
        with_pool!(self, |pool| {
            define_insert_outbox!();
            let mut conn = pool.acquire().await?;
            insert_outbox(&mut conn, comment_id, recipient, mail, unsubscribe_url, now()).await
        })
    }

    /// Waiting messages whose time has come, oldest first.
    pub async fn due_mail(&self, at: OffsetDateTime, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT id, kind, recipient, subject, body, unsubscribe_url, status, attempts, next_attempt_at, last_error, created_at \
             FROM outbox WHERE status = $1 AND next_attempt_at <= $2 AND recipient IS NOT NULL ORDER BY next_attempt_at, id LIMIT $3",
            )
            .bind(OutboxStatus::Waiting.code())
            .bind(at)
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Takes a due message for sending until `lease_until`, so that no other sender (another
    /// server on the same database) sends it too. False when someone else took it first.
    pub async fn claim_mail(&self, id: i64, seen_due_at: OffsetDateTime, lease_until: OffsetDateTime) -> Result<bool, StoreError> {
        self.move_due(id, seen_due_at, lease_until).await
    }

    /// Gives back a lease taken with `claim_mail` without sending: due again at `due_at`. Does
    /// nothing when the lease has changed hands meanwhile.
    pub async fn release_mail(&self, id: i64, lease_until: OffsetDateTime, due_at: OffsetDateTime) -> Result<bool, StoreError> {
        self.move_due(id, lease_until, due_at).await
    }

    /// Moves a waiting message's due time from `from` to `to`, if it is still `from`: whoever
    /// changed it first wins.
    async fn move_due(&self, id: i64, from: OffsetDateTime, to: OffsetDateTime) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let done = sqlx::query("UPDATE outbox SET next_attempt_at = $1 WHERE id = $2 AND status = $3 AND next_attempt_at = $4")
                .bind(to)
                .bind(id)
                .bind(OutboxStatus::Waiting.code())
                .bind(from)
                .execute(pool)
                .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    /// Sent: what remains is that a message of this kind went out, and when.
    pub async fn mark_mail_sent(&self, id: i64, attempts: i64, at: OffsetDateTime) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query(
                "UPDATE outbox SET status = $1, attempts = $2, sent_at = $3, recipient = NULL, body = '', unsubscribe_url = NULL, \
             last_error = NULL WHERE id = $4",
            )
            .bind(OutboxStatus::Sent.code())
            .bind(attempts)
            .bind(at)
            .bind(id)
            .execute(pool)
            .await?;
            Ok(())
        })
    }

    /// A failed try: again at `retry_at`, or failed for good when there is none.
    pub async fn mark_mail_failed(&self, id: i64, attempts: i64, retry_at: Option<OffsetDateTime>, error: &str) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            let (status, next) = match retry_at {
                Some(at) => (OutboxStatus::Waiting, at),
                None => (OutboxStatus::Failed, now()),
            };
            sqlx::query("UPDATE outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_error = $4 WHERE id = $5")
                .bind(status.code())
                .bind(attempts)
                .bind(next)
                .bind(error)
                .bind(id)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// An admin sends a failed message again: back in the queue with fresh tries.
    pub async fn retry_mail(&self, id: i64) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let done = sqlx::query(
                "UPDATE outbox SET status = $1, attempts = 0, next_attempt_at = $2 WHERE id = $3 AND status = $4 AND recipient IS NOT NULL",
            )
            .bind(OutboxStatus::Waiting.code())
            .bind(now())
            .bind(id)
            .bind(OutboxStatus::Failed.code())
            .execute(pool)
            .await?;
            Ok(done.rows_affected() == 1)
        })
    }

    pub async fn outbox_counts(&self) -> Result<OutboxCounts, StoreError> {
        with_pool!(self, |pool| {
            // One index range per status (outbox_due), not a walk over the whole outbox.
            let mut counts = OutboxCounts::default();
            for (status, count) in [
                (OutboxStatus::Waiting, &mut counts.waiting),
                (OutboxStatus::Sent, &mut counts.sent),
                (OutboxStatus::Failed, &mut counts.failed),
            ] {
                let n: i64 =
                    sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE status = $1").bind(status.code()).fetch_one(pool).await?;
                *count = usize::try_from(n).unwrap_or(0);
            }
            Ok(counts)
        })
    }

    /// Messages not (yet) sent, failed first, then by age.
    pub async fn outbox_unsent(&self, limit: i64) -> Result<Vec<OutboxRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT id, kind, recipient, subject, body, unsubscribe_url, status, attempts, next_attempt_at, last_error, created_at \
             FROM outbox WHERE status IN ($1, $2) ORDER BY CASE WHEN status = $2 THEN 0 ELSE 1 END, id LIMIT $3",
            )
            .bind(OutboxStatus::Waiting.code())
            .bind(OutboxStatus::Failed.code())
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Keeps the hash of a mail link's token.
    pub async fn insert_mail_token(&self, hash: &str, comment_id: i64, purpose: LinkPurpose) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            define_insert_token!();
            let mut conn = pool.acquire().await?;
            insert_token(&mut conn, hash, comment_id, purpose, now()).await
        })
    }

    pub async fn mail_token(&self, hash: &str, purpose: LinkPurpose) -> Result<Option<MailTokenRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as("SELECT comment_id, expires_at, used_at FROM mail_tokens WHERE token_hash = $1 AND purpose = $2")
                .bind(hash)
                .bind(purpose.code())
                .fetch_optional(pool)
                .await?)
        })
    }

    pub async fn use_mail_token(&self, hash: &str) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE mail_tokens SET used_at = $1 WHERE token_hash = $2 AND used_at IS NULL")
                .bind(now())
                .bind(hash)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// The personal data kept with a reaction, if any.
    pub async fn sender_of(&self, comment_id: i64) -> Result<Option<SenderRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(&format!(
                "SELECT {SENDER_COLUMNS} FROM comment_senders s JOIN comments m ON m.id = s.comment_id \
             JOIN consultations c ON c.id = m.consultation_id WHERE s.comment_id = $1"
            ))
            .bind(comment_id)
            .fetch_optional(pool)
            .await?)
        })
    }

    /// The reaction behind a tracking code.
    pub async fn comment_id_by_code(&self, code: &str) -> Result<Option<i64>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar("SELECT id FROM comments WHERE tracking_code = $1").bind(code).fetch_optional(pool).await?)
        })
    }

    /// Remembers the language the reaction was written in, for later mail.
    pub async fn set_sender_locale(&self, comment_id: i64, locale: &str) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE comment_senders SET locale = $1 WHERE comment_id = $2").bind(locale).bind(comment_id).execute(pool).await?;
            Ok(())
        })
    }

    /// Confirms an address for every reaction given with it (the link proves the mailbox).
    pub async fn confirm_email(&self, email: &str) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            sqlx::query("UPDATE comment_senders SET email_confirmed_at = $1 WHERE lower(email) = $2 AND email_confirmed_at IS NULL")
                .bind(now())
                .bind(email)
                .execute(pool)
                .await?;
            Ok(())
        })
    }

    /// No more mail to this address, for any of its reactions; what is waiting is dropped.
    pub async fn unsubscribe_email(&self, email: &str) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            let mut tx = pool.write().await?;
            sqlx::query("UPDATE comment_senders SET unsubscribed_at = $1 WHERE lower(email) = $2 AND unsubscribed_at IS NULL")
                .bind(now())
                .bind(email)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM outbox WHERE lower(recipient) = $1 AND status <> $2")
                .bind(email)
                .bind(OutboxStatus::Sent.code())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(())
        })
    }

    /// Adopted answers of a consultation whose confirmed, subscribed sender has not had them yet.
    pub async fn answers_to_mail(&self, consultation_id: i64) -> Result<Vec<AnswerToMail>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT s.comment_id, s.email, s.name, s.locale, m.tracking_code, a.body_markdown AS answer_markdown, \
                    a.status AS answer_status, a.processed_where AS answer_where \
             FROM comment_current k \
             JOIN comments m ON m.id = k.comment_id \
             JOIN comment_senders s ON s.comment_id = m.id \
             JOIN answer_revisions a ON a.id = k.revision_id \
             WHERE k.consultation_id = $1 AND k.state = $2 AND s.email IS NOT NULL AND s.email_confirmed_at IS NOT NULL \
               AND s.unsubscribed_at IS NULL AND s.answer_mailed_at IS NULL \
             ORDER BY m.id",
            )
            .bind(consultation_id)
            .bind(ReviewState::Adopted.code())
            .fetch_all(pool)
            .await?)
        })
    }

    /// Queues the answer mails with their unsubscribe links and marks each answer as mailed, so
    /// that it is not mailed again; all or nothing.
    pub async fn queue_answer_mails(&self, mails: &[AnswerMail]) -> Result<(), StoreError> {
        with_pool!(self, |pool| {
            define_insert_outbox!();
            define_insert_token!();
            let mut tx = pool.write().await?;
            let at = now();
            for answer in mails {
                insert_token(&mut tx, &answer.unsubscribe_hash, answer.comment_id, LinkPurpose::Unsubscribe, at).await?;
                insert_outbox(&mut tx, Some(answer.comment_id), &answer.recipient, &answer.mail, Some(&answer.unsubscribe_url), at).await?;
                sqlx::query("UPDATE comment_senders SET answer_mailed_at = $1 WHERE comment_id = $2")
                    .bind(at)
                    .bind(answer.comment_id)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(())
        })
    }

    /// Consultations with a reaction from this confirmed address (whose answers may be waiting).
    pub async fn consultations_of_email(&self, email: &str) -> Result<Vec<i64>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_scalar(
                "SELECT DISTINCT m.consultation_id FROM comment_senders s JOIN comments m ON m.id = s.comment_id \
             WHERE lower(s.email) = $1 AND s.email_confirmed_at IS NOT NULL",
            )
            .bind(email)
            .fetch_all(pool)
            .await?)
        })
    }

    /// The tracking codes of a confirmed, subscribed address, oldest first.
    pub async fn codes_of_email(&self, email: &str) -> Result<Vec<CodeRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT m.id AS comment_id, c.title AS consultation_title, m.tracking_code FROM comment_senders s \
             JOIN comments m ON m.id = s.comment_id JOIN consultations c ON c.id = m.consultation_id \
             WHERE lower(s.email) = $1 AND s.email_confirmed_at IS NOT NULL AND s.unsubscribed_at IS NULL ORDER BY m.id",
            )
            .bind(email)
            .fetch_all(pool)
            .await?)
        })
    }

    /// Erases the name and address of one reaction at the resident's request: the personal row,
    /// its links and its unsent mail go; the erasure is recorded without what was erased.
    pub async fn erase_sender(&self, comment_id: i64) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            define_forget_mail_of!();
            let mut tx = pool.write().await?;
            let consultation_id: Option<i64> = sqlx::query_scalar(
                "SELECT m.consultation_id FROM comment_senders s JOIN comments m ON m.id = s.comment_id WHERE s.comment_id = $1",
            )
            .bind(comment_id)
            .fetch_optional(&mut *tx)
            .await?;
            let Some(consultation_id) = consultation_id else { return Ok(false) };
            sqlx::query("DELETE FROM comment_senders WHERE comment_id = $1").bind(comment_id).execute(&mut *tx).await?;
            forget_mail_of(&mut tx, comment_id).await?;
            sqlx::query("INSERT INTO erasures (consultation_id, reason, reactions, erased_at) VALUES ($1, 'verzoek', 1, $2)")
                .bind(consultation_id)
                .bind(now())
                .execute(&mut *tx)
                .await?;
            tx.commit().await?;
            Ok(true)
        })
    }

    /// Removes the e-mail addresses of consultations that closed before `closed_before`, with
    /// their links and unsent mail; a row left with nothing personal goes. Returns how many
    /// reactions lost their address.
    pub async fn expire_emails(&self, closed_before: Date) -> Result<usize, StoreError> {
        with_pool!(self, |pool| {
            // Starts from the addresses still kept (an index range: what retention has not erased
            // yet), not from the reactions of every closed consultation, which only grow.
            const EXPIRED: &str = "SELECT s.comment_id FROM comment_senders s JOIN comments m ON m.id = s.comment_id \
             JOIN consultations c ON c.id = m.consultation_id WHERE s.email IS NOT NULL AND c.closes_on < $1";
            // The hourly sweep mostly finds nothing: one read, and no write lock then.
            let due: Option<i64> = sqlx::query_scalar(&format!("{EXPIRED} LIMIT 1")).bind(closed_before).fetch_optional(pool).await?;
            if due.is_none() {
                return Ok(0);
            }
            let mut tx = pool.write().await?;
            let counts: Vec<(i64, i64)> = sqlx::query_as(&format!(
                "SELECT m.consultation_id, COUNT(*) FROM comments m WHERE m.id IN ({EXPIRED}) GROUP BY m.consultation_id"
            ))
            .bind(closed_before)
            .fetch_all(&mut *tx)
            .await?;
            sqlx::query(&format!("DELETE FROM mail_tokens WHERE comment_id IN ({EXPIRED})")).bind(closed_before).execute(&mut *tx).await?;
            sqlx::query(&format!("DELETE FROM outbox WHERE status <> $2 AND comment_id IN ({EXPIRED})"))
                .bind(closed_before)
                .bind(OutboxStatus::Sent.code())
                .execute(&mut *tx)
                .await?;
            sqlx::query(&format!("UPDATE comment_senders SET email = NULL, email_confirmed_at = NULL WHERE comment_id IN ({EXPIRED})"))
                .bind(closed_before)
                .execute(&mut *tx)
                .await?;
            sqlx::query("DELETE FROM comment_senders WHERE email IS NULL AND name IS NULL").execute(&mut *tx).await?;
            let at = now();
            for (consultation_id, n) in &counts {
                sqlx::query("INSERT INTO erasures (consultation_id, reason, reactions, erased_at) VALUES ($1, 'bewaartermijn', $2, $3)")
                    .bind(consultation_id)
                    .bind(n)
                    .bind(at)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            Ok(counts.iter().map(|(_, n)| usize::try_from(*n).unwrap_or(0)).sum())
        })
    }

    /// Whether a mail of `kind` for this reaction was queued since `since` (sent or not).
    pub async fn mail_queued_since(&self, comment_id: i64, kind: MailKind, since: OffsetDateTime) -> Result<bool, StoreError> {
        with_pool!(self, |pool| {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM outbox WHERE comment_id = $1 AND kind = $2 AND created_at > $3")
                .bind(comment_id)
                .bind(kind.code())
                .bind(since)
                .fetch_one(pool)
                .await?;
            Ok(n > 0)
        })
    }

    /// Recorded erasures, newest first.
    pub async fn erasures(&self, limit: i64) -> Result<Vec<ErasureRow>, StoreError> {
        with_pool!(self, |pool| {
            Ok(sqlx::query_as(
                "SELECT e.erased_at, c.title AS consultation_title, e.reason, e.reactions FROM erasures e \
             JOIN consultations c ON c.id = e.consultation_id ORDER BY e.id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await?)
        })
    }
}

/// The links of a reaction and its unsent mail go with its address (sent mail holds no address).
macro_rules! define_forget_mail_of {
    () => {
        async fn forget_mail_of(conn: &mut <Db as sqlx::Database>::Connection, comment_id: i64) -> Result<(), StoreError> {
            sqlx::query("DELETE FROM mail_tokens WHERE comment_id = $1").bind(comment_id).execute(&mut *conn).await?;
            sqlx::query("DELETE FROM outbox WHERE comment_id = $1 AND status <> $2")
                .bind(comment_id)
                .bind(OutboxStatus::Sent.code())
                .execute(&mut *conn)
                .await?;
            Ok(())
        }
    };
}
pub(super) use define_forget_mail_of;

macro_rules! define_insert_outbox {
    () => {
        async fn insert_outbox(
            conn: &mut <Db as sqlx::Database>::Connection,
            comment_id: Option<i64>,
            recipient: &str,
            mail: &Mail,
            unsubscribe_url: Option<&str>,
            at: OffsetDateTime,
        ) -> Result<i64, StoreError> {
            Ok(sqlx::query_scalar(
                "INSERT INTO outbox (comment_id, kind, recipient, subject, body, unsubscribe_url, status, next_attempt_at, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id",
            )
            .bind(comment_id)
            .bind(mail.kind.code())
            .bind(recipient)
            .bind(&mail.subject)
            .bind(&mail.body)
            .bind(unsubscribe_url)
            .bind(OutboxStatus::Waiting.code())
            .bind(at)
            .fetch_one(&mut *conn)
            .await?)
        }
    };
}
pub(super) use define_insert_outbox;

macro_rules! define_insert_token {
    () => {
        async fn insert_token(
            conn: &mut <Db as sqlx::Database>::Connection,
            hash: &str,
            comment_id: i64,
            purpose: LinkPurpose,
            at: OffsetDateTime,
        ) -> Result<(), StoreError> {
            sqlx::query("INSERT INTO mail_tokens (token_hash, comment_id, purpose, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
                .bind(hash)
                .bind(comment_id)
                .bind(purpose.code())
                .bind(at)
                .bind(purpose.valid_for().map(|d| at + d))
                .execute(&mut *conn)
                .await?;
            Ok(())
        }
    };
}
pub(super) use define_insert_token;
