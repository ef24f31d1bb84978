-- Residents follow their input by e-mail: a receipt, a confirmed address, one message when the
-- answer is adopted, their codes again on request, and the right to have their name and address
-- erased. Everything personal stays in `comment_senders` (and, until it is sent, in `outbox`).

-- When the address was confirmed by its link, when its owner asked for no more mail, the language
-- the comment was written in (for later mail), and when the answer went out.
ALTER TABLE comment_senders ADD COLUMN email_confirmed_at TEXT;
ALTER TABLE comment_senders ADD COLUMN unsubscribed_at TEXT;
ALTER TABLE comment_senders ADD COLUMN locale TEXT NOT NULL DEFAULT 'nl';
ALTER TABLE comment_senders ADD COLUMN answer_mailed_at TEXT;
CREATE INDEX comment_senders_by_email ON comment_senders (email);

-- Links sent by e-mail: confirm the address, erase the personal data, stop the mail. Only the
-- SHA-256 of a token is kept, so a copy of the database opens none of them.
CREATE TABLE mail_tokens (
    token_hash TEXT    PRIMARY KEY,
    comment_id INTEGER NOT NULL REFERENCES comments (id),
    purpose    TEXT    NOT NULL CHECK (purpose IN ('bevestigen', 'wissen', 'afmelden')),
    created_at TEXT    NOT NULL,
    expires_at TEXT,
    used_at    TEXT
);
CREATE INDEX mail_tokens_by_comment ON mail_tokens (comment_id);

-- Mail on its way. A send that fails is tried again later (`next_attempt_at`); after the last
-- try it stays here as failed, for an admin to see and retry. Once sent, the recipient and the
-- text are cleared: what remains says only that a message of this kind went out, and when.
CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    comment_id      INTEGER REFERENCES comments (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('ontvangst', 'antwoord', 'volgcodes', 'wissen')),
    recipient       TEXT,
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    unsubscribe_url TEXT,
    status          TEXT    NOT NULL CHECK (status IN ('wachtend', 'verzonden', 'mislukt')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT    NOT NULL,
    last_error      TEXT,
    created_at      TEXT    NOT NULL,
    sent_at         TEXT
);
CREATE INDEX outbox_due ON outbox (status, next_attempt_at);
CREATE INDEX outbox_by_comment ON outbox (comment_id);

-- That personal data was erased, never what it was: on a resident's request (one reaction) or by
-- the retention period (the e-mail addresses of a consultation, counted).
CREATE TABLE erasures (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    reason          TEXT    NOT NULL CHECK (reason IN ('verzoek', 'bewaartermijn')),
    reactions       INTEGER NOT NULL,
    erased_at       TEXT    NOT NULL
);
