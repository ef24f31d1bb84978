-- Issue 18: a municipality's logo (optional) on its college's letters to its own councils and in
-- the nota's section for them. Only ever added to: the latest row of a municipality is its logo,
-- the earlier ones its history; a row without content took the logo away.
CREATE TABLE municipality_logos (
    id           INTEGER PRIMARY KEY,
    municipality TEXT    NOT NULL,
    media_type   TEXT,
    content      BLOB,
    set_by       INTEGER REFERENCES users (id),
    set_at       TEXT    NOT NULL
);
CREATE INDEX municipality_logos_latest ON municipality_logos (municipality, id);

-- A new sender or logo changes the public letters of that municipality's councils: their
-- consultations' pages are rendered anew (the page cache compares public_version). 0009 left
-- this out for the sender.
CREATE TRIGGER public_version_municipality_senders_insert AFTER INSERT ON municipality_senders
BEGIN
    UPDATE consultations SET public_version = public_version + 1
    WHERE id IN (SELECT a.consultation_id FROM advices a JOIN councils c ON c.id = a.council_id
                 WHERE c.municipality = NEW.municipality);
END;
CREATE TRIGGER public_version_municipality_logos_insert AFTER INSERT ON municipality_logos
BEGIN
    UPDATE consultations SET public_version = public_version + 1
    WHERE id IN (SELECT a.consultation_id FROM advices a JOIN councils c ON c.id = a.council_id
                 WHERE c.municipality = NEW.municipality);
END;
