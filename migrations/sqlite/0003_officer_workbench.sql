-- The officer workbench: a reviewer role; councils as senders of reactions (a letter the
-- officer records); answer revisions that go concept -> ter beoordeling -> goedgekeurd ->
-- vastgesteld, with the reviewer's remark and the reason for a change after adoption; joint
-- answers; hiding a reaction from public view; the college's adoption of the whole set; an
-- audit log; and a current-state row per reaction so that filters stay fast at 10,000.
--
-- `users`, `comments` and `answer_revisions` are rebuilt for their changed CHECKs, the way
-- SQLite documents it, inside the migration's transaction with foreign keys deferred: the rows
-- go back with the same ids before commit, when the references are checked.

PRAGMA defer_foreign_keys = ON;

CREATE TABLE users_old AS SELECT * FROM users;
DROP TABLE users;
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('officer', 'reviewer', 'admin', 'council_member')),
    municipality  TEXT,
    council_id    INTEGER REFERENCES councils (id),
    created_at    TEXT    NOT NULL,
    CHECK ((role = 'council_member') = (council_id IS NOT NULL))
);
INSERT INTO users (id, email, display_name, password_hash, role, municipality, council_id, created_at)
    SELECT id, email, display_name, password_hash, role, municipality, council_id, created_at FROM users_old;
DROP TABLE users_old;

CREATE TABLE comments_old AS SELECT * FROM comments;
DROP INDEX comments_by_consultation;
DROP TABLE comments;
CREATE TABLE comments (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    version_id      INTEGER NOT NULL REFERENCES document_versions (id),
    block_id        INTEGER REFERENCES blocks (id),
    body            TEXT    NOT NULL,
    sender_kind     TEXT    NOT NULL CHECK (sender_kind IN ('resident', 'organisation', 'council')),
    organisation    TEXT,
    show_name       INTEGER NOT NULL DEFAULT 0,
    tracking_code   TEXT    NOT NULL UNIQUE,
    is_late         INTEGER NOT NULL DEFAULT 0,
    submitted_at    TEXT    NOT NULL
);
INSERT INTO comments SELECT * FROM comments_old;
DROP TABLE comments_old;
CREATE INDEX comments_by_consultation ON comments (consultation_id, block_id);

-- Answers given to several reactions at once: each reaction keeps its own revision and status.
CREATE TABLE joint_answers (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    created_by      INTEGER NOT NULL REFERENCES users (id),
    created_at      TEXT    NOT NULL
);

CREATE TABLE answer_revisions_old AS SELECT * FROM answer_revisions;
DROP TABLE answer_revisions;
CREATE TABLE answer_revisions (
    id              INTEGER PRIMARY KEY,
    comment_id      INTEGER NOT NULL REFERENCES comments (id),
    revision_no     INTEGER NOT NULL,
    body_markdown   TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    processed_where TEXT,
    state           TEXT    NOT NULL CHECK (state IN ('concept', 'ter_beoordeling', 'goedgekeurd', 'vastgesteld')),
    author_id       INTEGER NOT NULL REFERENCES users (id),
    created_at      TEXT    NOT NULL,
    -- The reviewer's remark when sending an answer back.
    remark          TEXT,
    -- Why an answer changed after the college adopted the set; shown with the answer.
    change_reason   TEXT,
    joint_id        INTEGER REFERENCES joint_answers (id),
    UNIQUE (comment_id, revision_no)
);
-- A final answer was what residents could read: it counts as approved.
INSERT INTO answer_revisions (id, comment_id, revision_no, body_markdown, body_html, status, processed_where, state, author_id, created_at)
    SELECT id, comment_id, revision_no, body_markdown, body_html, status, processed_where,
           CASE state WHEN 'definitief' THEN 'goedgekeurd' ELSE 'concept' END, author_id, created_at
    FROM answer_revisions_old;
DROP TABLE answer_revisions_old;

-- Hiding a reaction from public view, and showing it again. Only ever added to.
CREATE TABLE comment_moderation (
    id         INTEGER PRIMARY KEY,
    comment_id INTEGER NOT NULL REFERENCES comments (id),
    hidden     INTEGER NOT NULL,
    reason     TEXT    NOT NULL,
    actor_id   INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT    NOT NULL
);

-- The college adopted the answers of a consultation on a date.
CREATE TABLE answer_adoptions (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    adopted_on      TEXT    NOT NULL,
    answers         INTEGER NOT NULL,
    recorded_by     INTEGER NOT NULL REFERENCES users (id),
    recorded_at     TEXT    NOT NULL
);

-- Who changed what, when, from what to what. No foreign keys and no deletes: the log outlives
-- whatever it describes. Actor names are copied so that the entry reads the same forever.
CREATE TABLE audit_events (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL,
    comment_id      INTEGER,
    actor_id        INTEGER NOT NULL,
    actor_name      TEXT    NOT NULL,
    at              TEXT    NOT NULL,
    field           TEXT    NOT NULL,
    before_value    TEXT,
    after_value     TEXT
);
CREATE INDEX audit_events_by_consultation ON audit_events (consultation_id, id);

-- Where each reaction stands now, kept by the store beside every revision and moderation row.
CREATE TABLE comment_current (
    comment_id      INTEGER PRIMARY KEY REFERENCES comments (id),
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    revision_id     INTEGER,
    status          TEXT,
    state           TEXT,
    hidden          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX comment_current_by_consultation ON comment_current (consultation_id, state, status);
INSERT INTO comment_current (comment_id, consultation_id, revision_id, status, state)
    SELECT m.id, m.consultation_id, a.id, a.status, a.state
    FROM comments m
    LEFT JOIN answer_revisions a ON a.id = (
        SELECT r.id FROM answer_revisions r WHERE r.comment_id = m.id ORDER BY r.revision_no DESC LIMIT 1);
