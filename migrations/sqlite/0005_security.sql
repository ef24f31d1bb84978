-- Accounts that end: staff deactivated by an admin and council members taken off their council
-- keep their row (their name stays on what they wrote) but can no longer sign in. Every session
-- carries the account's epoch from when it began; a new password or a deactivation raises the
-- epoch, which ends every session made before it.
ALTER TABLE users ADD COLUMN deactivated_at TEXT;
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;

-- Who changed which account, and when: deactivation, reactivation, removal from a council.
CREATE TABLE account_events (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    actor_id   INTEGER REFERENCES users (id),
    actor_name TEXT    NOT NULL,
    at         TEXT    NOT NULL,
    action     TEXT    NOT NULL CHECK (action IN ('gedeactiveerd', 'geactiveerd', 'uit_raad', 'wachtwoord'))
);
CREATE INDEX account_events_by_user ON account_events (user_id, id);
