-- Issue 16: the text changes between rounds. A consultation gets new versions of its document;
-- comments and advice points keep the block they were written on (never rewritten) and follow
-- their paragraph through a mapping from each version's blocks to the next one's.

-- A version's name ("Versie voor inspraak"), what changed, and who read it in.
ALTER TABLE document_versions ADD COLUMN name TEXT;
ALTER TABLE document_versions ADD COLUMN change_note TEXT;
ALTER TABLE document_versions ADD COLUMN created_by INTEGER REFERENCES users (id);

-- The version each phase ran on: the current one when the phase began.
ALTER TABLE phase_changes ADD COLUMN version_id INTEGER REFERENCES document_versions (id);
UPDATE phase_changes SET version_id = (
    SELECT MAX(v.id) FROM document_versions v WHERE v.consultation_id = phase_changes.consultation_id
);

-- Where each block of the previous version went in a new version, as the matching engine found
-- it when the version was read in. One row per (old block, new block) pair; a removed block has one
-- row without a new block. Never changed: a person's decision is a review below.
CREATE TABLE block_mappings (
    id            INTEGER PRIMARY KEY,
    to_version_id INTEGER NOT NULL REFERENCES document_versions (id),
    from_block_id INTEGER NOT NULL REFERENCES blocks (id),
    to_block_id   INTEGER REFERENCES blocks (id),
    change        TEXT    NOT NULL CHECK (change IN ('unchanged', 'changed', 'moved', 'split', 'merged', 'removed')),
    confidence    REAL    NOT NULL
);
CREATE INDEX block_mappings_by_version ON block_mappings (to_version_id, from_block_id);
CREATE INDEX block_mappings_by_from ON block_mappings (from_block_id);
CREATE INDEX block_mappings_by_to ON block_mappings (to_block_id) WHERE to_block_id IS NOT NULL;

-- An officer confirmed or corrected where an old block went ("Na te kijken"). Only ever added to;
-- the latest review of a block wins. No targets: the passage is no longer in the text.
CREATE TABLE mapping_reviews (
    id            INTEGER PRIMARY KEY,
    to_version_id INTEGER NOT NULL REFERENCES document_versions (id),
    from_block_id INTEGER NOT NULL REFERENCES blocks (id),
    corrected     INTEGER NOT NULL,
    actor_id      INTEGER NOT NULL REFERENCES users (id),
    created_at    TEXT    NOT NULL
);
CREATE INDEX mapping_reviews_by_version ON mapping_reviews (to_version_id, from_block_id, id);
CREATE TABLE mapping_review_targets (
    review_id   INTEGER NOT NULL REFERENCES mapping_reviews (id),
    to_block_id INTEGER NOT NULL REFERENCES blocks (id),
    PRIMARY KEY (review_id, to_block_id)
);
CREATE INDEX mapping_review_targets_by_block ON mapping_review_targets (to_block_id);

-- The blocks of a newer version where an answer says the reaction or point was processed.
CREATE TABLE answer_revision_blocks (
    revision_id INTEGER NOT NULL REFERENCES answer_revisions (id),
    block_id    INTEGER NOT NULL REFERENCES blocks (id),
    PRIMARY KEY (revision_id, block_id)
);
CREATE INDEX answer_revision_blocks_by_block ON answer_revision_blocks (block_id);
CREATE TABLE point_answer_revision_blocks (
    revision_id INTEGER NOT NULL REFERENCES point_answer_revisions (id),
    block_id    INTEGER NOT NULL REFERENCES blocks (id),
    PRIMARY KEY (revision_id, block_id)
);
CREATE INDEX point_answer_revision_blocks_by_block ON point_answer_revision_blocks (block_id);

-- The public pages show versions, their changes and where answers were processed.
CREATE TRIGGER public_version_mapping_reviews_insert AFTER INSERT ON mapping_reviews
BEGIN
    UPDATE consultations SET public_version = public_version + 1
    WHERE id = (SELECT consultation_id FROM document_versions WHERE id = NEW.to_version_id);
END;
CREATE TRIGGER public_version_answer_revision_blocks_insert AFTER INSERT ON answer_revision_blocks
BEGIN
    UPDATE consultations SET public_version = public_version + 1
    WHERE id = (SELECT c.consultation_id FROM answer_revisions r JOIN comments c ON c.id = r.comment_id WHERE r.id = NEW.revision_id);
END;
CREATE TRIGGER public_version_point_answer_revision_blocks_insert AFTER INSERT ON point_answer_revision_blocks
BEGIN
    UPDATE consultations SET public_version = public_version + 1
    WHERE id = (SELECT a.consultation_id FROM point_answer_revisions r
                JOIN advice_points p ON p.id = r.point_id
                JOIN advice_revisions v ON v.id = p.revision_id
                JOIN advices a ON a.id = v.advice_id
                WHERE r.id = NEW.revision_id);
END;
