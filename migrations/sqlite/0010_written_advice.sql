-- Issue 18: a council that sends its advice as a letter. An officer enters it as an oral advice is
-- entered (points typed or pasted), marked as written, with the council's letter attached.
ALTER TABLE advice_revisions ADD COLUMN written INTEGER NOT NULL DEFAULT 0;

-- The council's letter as a PDF. Only ever added to: the latest of an advice is its letter, the
-- earlier ones its history. `publish`: the officer recorded that the council agreed to publish the
-- letter with the college's response.
CREATE TABLE advice_letters (
    id          INTEGER PRIMARY KEY,
    advice_id   INTEGER NOT NULL REFERENCES advices (id),
    file_name   TEXT    NOT NULL,
    content     BLOB    NOT NULL,
    size        INTEGER NOT NULL,
    publish     INTEGER NOT NULL DEFAULT 0,
    uploaded_by INTEGER NOT NULL REFERENCES users (id),
    uploaded_at TEXT    NOT NULL
);
CREATE INDEX advice_letters_latest ON advice_letters (advice_id, id);
