-- Advisory councils and the advice round: phases with a public timeline, councils and their
-- members (a third role, so `users` is rebuilt the way SQLite documents for a changed CHECK),
-- one-time invites, advices as frozen revisions of numbered points, answers per point, and the
-- college's response letter per council.
--
-- `users` is rebuilt inside the migration's transaction: its rows are set aside, the table is
-- dropped and made anew, and the rows go back with the same ids. Foreign keys are deferred, so
-- the references from other tables are checked at commit, when every user is back.

PRAGMA defer_foreign_keys = ON;

CREATE TABLE councils (
    id           INTEGER PRIMARY KEY,
    slug         TEXT    NOT NULL UNIQUE,
    name         TEXT    NOT NULL,
    municipality TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    created_at   TEXT    NOT NULL,
    created_by   INTEGER REFERENCES users (id)
);

CREATE TABLE users_old AS SELECT * FROM users;
DROP TABLE users;
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    email         TEXT    NOT NULL UNIQUE,
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    role          TEXT    NOT NULL CHECK (role IN ('officer', 'admin', 'council_member')),
    -- Officers: the municipality whose councils they answer (NULL: every municipality).
    municipality  TEXT,
    -- Council members: their council.
    council_id    INTEGER REFERENCES councils (id),
    created_at    TEXT    NOT NULL,
    CHECK ((role = 'council_member') = (council_id IS NOT NULL))
);
INSERT INTO users (id, email, display_name, password_hash, role, created_at)
    SELECT id, email, display_name, password_hash, role, created_at FROM users_old;
DROP TABLE users_old;

-- A one-time link for a new council member; only a hash of the token is kept.
CREATE TABLE council_invites (
    id         INTEGER PRIMARY KEY,
    council_id INTEGER NOT NULL REFERENCES councils (id),
    token_hash TEXT    NOT NULL UNIQUE,
    name       TEXT    NOT NULL,
    email      TEXT    NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at TEXT    NOT NULL,
    expires_at TEXT    NOT NULL,
    used_at    TEXT,
    user_id    INTEGER REFERENCES users (id)
);

-- Where the consultation stands; existing ones were open for comments.
ALTER TABLE consultations ADD COLUMN phase TEXT NOT NULL DEFAULT 'inspraak';

-- When each phase began, for the public timeline. Only ever added to.
CREATE TABLE phase_changes (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    phase           TEXT    NOT NULL,
    started_on      TEXT    NOT NULL,
    changed_by      INTEGER REFERENCES users (id),
    changed_at      TEXT    NOT NULL
);
INSERT INTO phase_changes (consultation_id, phase, started_on, changed_at)
    SELECT id, 'inspraak', opens_on, created_at FROM consultations;

-- Events an officer adds to the timeline by hand ("11 interviews gehouden").
CREATE TABLE milestones (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    happened_on     TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    created_by      INTEGER REFERENCES users (id),
    created_at      TEXT    NOT NULL
);

-- The councils asked for advice on a consultation (several municipalities when regional).
CREATE TABLE consultation_councils (
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    council_id      INTEGER NOT NULL REFERENCES councils (id),
    added_at        TEXT    NOT NULL,
    PRIMARY KEY (consultation_id, council_id)
);

-- One advice per council per consultation, with its revisions; `published_at` makes the
-- college's response letter public.
CREATE TABLE advices (
    id              INTEGER PRIMARY KEY,
    consultation_id INTEGER NOT NULL REFERENCES consultations (id),
    council_id      INTEGER NOT NULL REFERENCES councils (id),
    created_at      TEXT    NOT NULL,
    published_at    TEXT,
    UNIQUE (consultation_id, council_id)
);

-- The text of an advice. A revision without `submitted_at` is the council's draft and may be
-- edited; a submitted revision is frozen, and a correction is a new revision.
CREATE TABLE advice_revisions (
    id           INTEGER PRIMARY KEY,
    advice_id    INTEGER NOT NULL REFERENCES advices (id),
    revision_no  INTEGER NOT NULL,
    intro        TEXT    NOT NULL DEFAULT '',
    -- Entered by an officer from the report of an oral meeting (*verslag*).
    oral         INTEGER NOT NULL DEFAULT 0,
    -- The day the advice was received: submission, or the meeting for an oral advice.
    received_on  TEXT,
    submitted_at TEXT,
    submitted_by INTEGER REFERENCES users (id),
    updated_at   TEXT    NOT NULL,
    UNIQUE (advice_id, revision_no)
);

-- Numbered in the order written (by id within a revision).
CREATE TABLE advice_points (
    id          INTEGER PRIMARY KEY,
    revision_id INTEGER NOT NULL REFERENCES advice_revisions (id),
    body        TEXT    NOT NULL
);
CREATE INDEX advice_points_by_revision ON advice_points (revision_id);

-- The blocks a point is about; none means the document as a whole.
CREATE TABLE advice_point_blocks (
    point_id INTEGER NOT NULL REFERENCES advice_points (id),
    block_id INTEGER NOT NULL REFERENCES blocks (id),
    PRIMARY KEY (point_id, block_id)
);

-- Answers per point, as revisions like the answers to comments. Revisions saved together as
-- one joint answer share `joint_key`.
CREATE TABLE point_answer_revisions (
    id              INTEGER PRIMARY KEY,
    point_id        INTEGER NOT NULL REFERENCES advice_points (id),
    revision_no     INTEGER NOT NULL,
    body_markdown   TEXT    NOT NULL,
    body_html       TEXT    NOT NULL,
    status          TEXT    NOT NULL,
    processed_where TEXT,
    state           TEXT    NOT NULL CHECK (state IN ('concept', 'definitief')),
    joint_key       TEXT,
    author_id       INTEGER NOT NULL REFERENCES users (id),
    created_at      TEXT    NOT NULL,
    UNIQUE (point_id, revision_no)
);

-- The opening paragraph of the college's response letter, as revisions.
CREATE TABLE response_intros (
    id            INTEGER PRIMARY KEY,
    advice_id     INTEGER NOT NULL REFERENCES advices (id),
    revision_no   INTEGER NOT NULL,
    body_markdown TEXT    NOT NULL,
    body_html     TEXT    NOT NULL,
    author_id     INTEGER NOT NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL,
    UNIQUE (advice_id, revision_no)
);
