-- Issue 18: in a regional consultation each municipality's college answers its own councils, under
-- its own name ("College van burgemeester en wethouders van Waterhoven"). Without a row, a letter
-- goes out under INSPRAAK_ORGANISATION, the name of the consultation's owner. Only ever added to:
-- the latest row of a municipality is its sender, the earlier ones its history.
CREATE TABLE municipality_senders (
    id           INTEGER PRIMARY KEY,
    municipality TEXT    NOT NULL,
    sender       TEXT    NOT NULL,
    set_by       INTEGER REFERENCES users (id),
    set_at       TEXT    NOT NULL
);
CREATE INDEX municipality_senders_latest ON municipality_senders (municipality, id);
