-- PostgreSQL twin of migrations/sqlite/0007_consultation_scoped_indexes.sql: the same indexes,
-- word for word (no deliberate differences).

CREATE INDEX comments_by_version ON comments (version_id, block_id);

CREATE INDEX sections_by_parent ON sections (parent_id);
CREATE INDEX blocks_by_section ON blocks (section_id);

CREATE INDEX comment_moderation_by_comment ON comment_moderation (comment_id, id);
CREATE INDEX audit_events_by_comment ON audit_events (comment_id, id);

CREATE INDEX answer_revisions_by_joint ON answer_revisions (joint_id) WHERE joint_id IS NOT NULL;

CREATE INDEX comment_senders_by_lower_email ON comment_senders (lower(email));
CREATE INDEX outbox_by_lower_recipient ON outbox (lower(recipient));

CREATE INDEX phase_changes_by_consultation ON phase_changes (consultation_id, id);
CREATE INDEX milestones_by_consultation ON milestones (consultation_id, happened_on);
CREATE INDEX answer_adoptions_by_consultation ON answer_adoptions (consultation_id, id);
CREATE INDEX erasures_by_consultation ON erasures (consultation_id, id);
CREATE INDEX joint_answers_by_consultation ON joint_answers (consultation_id);

CREATE INDEX consultation_councils_by_council ON consultation_councils (council_id);
CREATE INDEX advices_by_council ON advices (council_id);
CREATE INDEX council_invites_by_council ON council_invites (council_id);
CREATE INDEX advice_point_blocks_by_block ON advice_point_blocks (block_id);
