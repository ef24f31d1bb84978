-- Issue 19: a page costs what its own consultation holds. Every lookup the pages, downloads, open
-- data, tracking page and background jobs make gets an index that starts from what they know (the
-- consultation, the document version, the reaction, the address), so that no query walks a table
-- that grows with the other consultations. server/tests/query_plans.rs explains every statement the
-- app runs and fails on a full scan of such a table.

-- The document page counts reactions per block of a version.
CREATE INDEX comments_by_version ON comments (version_id, block_id);

-- The document's structure, for the foreign key checks when a version is imported.
CREATE INDEX sections_by_parent ON sections (parent_id);
CREATE INDEX blocks_by_section ON blocks (section_id);

-- Per reaction: why it was hidden, and its lines in the audit log.
CREATE INDEX comment_moderation_by_comment ON comment_moderation (comment_id, id);
CREATE INDEX audit_events_by_comment ON audit_events (comment_id, id);

-- The revisions written by one joint answer.
CREATE INDEX answer_revisions_by_joint ON answer_revisions (joint_id) WHERE joint_id IS NOT NULL;

-- Addresses are compared without case (the lost-code form, confirmation, unsubscribing).
CREATE INDEX comment_senders_by_lower_email ON comment_senders (lower(email));
CREATE INDEX outbox_by_lower_recipient ON outbox (lower(recipient));

-- What a consultation's pages list.
CREATE INDEX phase_changes_by_consultation ON phase_changes (consultation_id, id);
CREATE INDEX milestones_by_consultation ON milestones (consultation_id, happened_on);
CREATE INDEX answer_adoptions_by_consultation ON answer_adoptions (consultation_id, id);
CREATE INDEX erasures_by_consultation ON erasures (consultation_id, id);
CREATE INDEX joint_answers_by_consultation ON joint_answers (consultation_id);

-- Councils: the consultations that asked a council, its advice, its invites, the points on a block.
CREATE INDEX consultation_councils_by_council ON consultation_councils (council_id);
CREATE INDEX advices_by_council ON advices (council_id);
CREATE INDEX council_invites_by_council ON council_invites (council_id);
CREATE INDEX advice_point_blocks_by_block ON advice_point_blocks (block_id);
