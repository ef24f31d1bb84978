-- Inspraak, first schema. Portable on purpose: ids are 64-bit integers, timestamps are
-- RFC 3339 UTC text (TIMESTAMPTZ on PostgreSQL), dates are ISO text (DATE on PostgreSQL),
-- booleans are 0/1 integers (BOOLEAN on PostgreSQL). Personal data of senders lives in its
-- own table so that it can be erased without touching the comment.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('officer', 'admin')),
    created_at    TEXT    NOT NULL
);

CREATE TABLE consultations (
    id          INTEGER PRIMARY KEY,
    slug        TEXT    NOT NULL UNIQUE,
    title       TEXT    NOT NULL,
    description TEXT    NOT NULL DEFAULT '',
    opens_on    TEXT    NOT NULL,
    closes_on   TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    created_by  INTEGER REFERENCES users (id)
);

-- A consultation's document; comments refer to a block of one version.
CREATE TABLE document_versions (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    version_no      INTEGER NOT NULL,
    doc_title       TEXT,
    source_format   TEXT    NOT NULL CHECK (source_format IN ('markdown', 'text')),
    source_text     TEXT    NOT NULL,
    imported_at     TEXT    NOT NULL,
    UNIQUE (consultation_id, version_no)
);

CREATE TABLE sections (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES document_versions (id),
    position   INTEGER NOT NULL,
    parent_id  INTEGER REFERENCES sections (id),
    level      INTEGER NOT NULL,
    number     TEXT,
    title      TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    anchor     TEXT    NOT NULL,
    UNIQUE (version_id, position),
    UNIQUE (version_id, anchor)
);

CREATE TABLE blocks (
    id         INTEGER PRIMARY KEY,
    version_id INTEGER NOT NULL REFERENCES document_versions (id),
    section_id INTEGER REFERENCES sections (id),
    position   INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    anchor     TEXT    NOT NULL,
    label      TEXT    NOT NULL,
    html       TEXT    NOT NULL,
    plain_text TEXT    NOT NULL,
    UNIQUE (version_id, position),
    UNIQUE (version_id, anchor)
);

-- What a resident or organisation sent. Never updated: the text is the record.
CREATE TABLE comments (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    version_id      INTEGER NOT NULL REFERENCES document_versions (id),
    block_id        INTEGER REFERENCES blocks (id),
    body            TEXT    NOT NULL,
    sender_kind     TEXT    NOT NULL CHECK (sender_kind IN ('resident', 'organisation')),
    organisation    TEXT,
    show_name       INTEGER NOT NULL DEFAULT 0,
    tracking_code   TEXT    NOT NULL UNIQUE,
    is_late         INTEGER NOT NULL DEFAULT 0,
    submitted_at    TEXT    NOT NULL
);
CREATE INDEX comments_by_consultation ON comments (consultation_id, block_id);

-- Personal data, apart from the comment, erasable (the row is deleted, the comment stays).
CREATE TABLE comment_senders (
    comment_id INTEGER PRIMARY KEY REFERENCES comments (id),
    name       TEXT,
    email      TEXT,
    consent_at TEXT    NOT NULL
);

-- Every save of an answer is a new revision; the latest one counts.
CREATE TABLE answer_revisions (
    id              INTEGER PRIMARY KEY,
    comment_id      INTEGER NOT NULL REFERENCES comments (id),
    revision_no     INTEGER NOT NULL,
    body_markdown   TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    processed_where TEXT,
    state           TEXT    NOT NULL CHECK (state IN ('concept', 'definitief')),
    author_id       INTEGER NOT NULL REFERENCES users (id),
    created_at      TEXT    NOT NULL,
    UNIQUE (comment_id, revision_no)
);
