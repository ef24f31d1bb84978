-- The public version of a consultation: a number that goes up, in the same transaction, with every
-- write that can change what one of its public pages shows (a comment, an answer or its approval
-- and adoption, hiding, a phase, a milestone, advice and the college's letter, an erasure, a
-- council's name). The render cache keeps a page only for the version it was made from, and reads
-- the version from the database on every request, so that it stays exact when several servers
-- share one database. Triggers rather than calls in the store: no write path can forget it.
ALTER TABLE consultations ADD COLUMN public_version INTEGER NOT NULL DEFAULT 0;

CREATE TRIGGER public_version_consultation AFTER UPDATE OF slug, title, description, opens_on, closes_on, phase ON consultations
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = NEW.id;
END;

-- A council's name shows on every consultation it advises.
CREATE TRIGGER public_version_council AFTER UPDATE ON councils
BEGIN
    UPDATE consultations SET public_version = public_version + 1
     WHERE id IN (SELECT consultation_id FROM consultation_councils WHERE council_id = NEW.id);
END;

-- Rows that name their consultation.
CREATE TRIGGER public_version_comments_insert AFTER INSERT ON comments
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_comments_update AFTER UPDATE ON comments
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_comments_delete AFTER DELETE ON comments
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_comment_current_insert AFTER INSERT ON comment_current
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_comment_current_update AFTER UPDATE ON comment_current
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_comment_current_delete AFTER DELETE ON comment_current
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_phase_changes_insert AFTER INSERT ON phase_changes
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_phase_changes_update AFTER UPDATE ON phase_changes
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_phase_changes_delete AFTER DELETE ON phase_changes
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_milestones_insert AFTER INSERT ON milestones
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_milestones_update AFTER UPDATE ON milestones
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_milestones_delete AFTER DELETE ON milestones
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_consultation_councils_insert AFTER INSERT ON consultation_councils
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_consultation_councils_update AFTER UPDATE ON consultation_councils
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_consultation_councils_delete AFTER DELETE ON consultation_councils
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_advices_insert AFTER INSERT ON advices
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_advices_update AFTER UPDATE ON advices
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_advices_delete AFTER DELETE ON advices
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_joint_answers_insert AFTER INSERT ON joint_answers
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_joint_answers_update AFTER UPDATE ON joint_answers
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_joint_answers_delete AFTER DELETE ON joint_answers
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_answer_adoptions_insert AFTER INSERT ON answer_adoptions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_answer_adoptions_update AFTER UPDATE ON answer_adoptions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_answer_adoptions_delete AFTER DELETE ON answer_adoptions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_erasures_insert AFTER INSERT ON erasures
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_erasures_update AFTER UPDATE ON erasures
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_erasures_delete AFTER DELETE ON erasures
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

CREATE TRIGGER public_version_document_versions_insert AFTER INSERT ON document_versions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_document_versions_update AFTER UPDATE ON document_versions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
END;

CREATE TRIGGER public_version_document_versions_delete AFTER DELETE ON document_versions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
END;

-- Rows that belong to a comment, an advice, or an advice point.
CREATE TRIGGER public_version_comment_senders_insert AFTER INSERT ON comment_senders
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = NEW.comment_id);
END;

CREATE TRIGGER public_version_comment_senders_update AFTER UPDATE ON comment_senders
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = NEW.comment_id);
END;

CREATE TRIGGER public_version_comment_senders_delete AFTER DELETE ON comment_senders
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = OLD.comment_id);
END;

CREATE TRIGGER public_version_answer_revisions_insert AFTER INSERT ON answer_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = NEW.comment_id);
END;

CREATE TRIGGER public_version_answer_revisions_update AFTER UPDATE ON answer_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = NEW.comment_id);
END;

CREATE TRIGGER public_version_answer_revisions_delete AFTER DELETE ON answer_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = OLD.comment_id);
END;

CREATE TRIGGER public_version_comment_moderation_insert AFTER INSERT ON comment_moderation
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = NEW.comment_id);
END;

CREATE TRIGGER public_version_comment_moderation_update AFTER UPDATE ON comment_moderation
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = NEW.comment_id);
END;

CREATE TRIGGER public_version_comment_moderation_delete AFTER DELETE ON comment_moderation
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = OLD.comment_id);
END;

CREATE TRIGGER public_version_advice_revisions_insert AFTER INSERT ON advice_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM advices WHERE id = NEW.advice_id);
END;

CREATE TRIGGER public_version_advice_revisions_update AFTER UPDATE ON advice_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM advices WHERE id = NEW.advice_id);
END;

CREATE TRIGGER public_version_advice_revisions_delete AFTER DELETE ON advice_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM advices WHERE id = OLD.advice_id);
END;

CREATE TRIGGER public_version_response_intros_insert AFTER INSERT ON response_intros
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM advices WHERE id = NEW.advice_id);
END;

CREATE TRIGGER public_version_response_intros_update AFTER UPDATE ON response_intros
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM advices WHERE id = NEW.advice_id);
END;

CREATE TRIGGER public_version_response_intros_delete AFTER DELETE ON response_intros
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM advices WHERE id = OLD.advice_id);
END;

CREATE TRIGGER public_version_advice_points_insert AFTER INSERT ON advice_points
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_revisions r JOIN advices a ON a.id = r.advice_id WHERE r.id = NEW.revision_id);
END;

CREATE TRIGGER public_version_advice_points_update AFTER UPDATE ON advice_points
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_revisions r JOIN advices a ON a.id = r.advice_id WHERE r.id = NEW.revision_id);
END;

CREATE TRIGGER public_version_advice_points_delete AFTER DELETE ON advice_points
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_revisions r JOIN advices a ON a.id = r.advice_id WHERE r.id = OLD.revision_id);
END;

CREATE TRIGGER public_version_advice_point_blocks_insert AFTER INSERT ON advice_point_blocks
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_points p JOIN advice_revisions r ON r.id = p.revision_id JOIN advices a ON a.id = r.advice_id WHERE p.id = NEW.point_id);
END;

CREATE TRIGGER public_version_advice_point_blocks_update AFTER UPDATE ON advice_point_blocks
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_points p JOIN advice_revisions r ON r.id = p.revision_id JOIN advices a ON a.id = r.advice_id WHERE p.id = NEW.point_id);
END;

CREATE TRIGGER public_version_advice_point_blocks_delete AFTER DELETE ON advice_point_blocks
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_points p JOIN advice_revisions r ON r.id = p.revision_id JOIN advices a ON a.id = r.advice_id WHERE p.id = OLD.point_id);
END;

CREATE TRIGGER public_version_point_answer_revisions_insert AFTER INSERT ON point_answer_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_points p JOIN advice_revisions r ON r.id = p.revision_id JOIN advices a ON a.id = r.advice_id WHERE p.id = NEW.point_id);
END;

CREATE TRIGGER public_version_point_answer_revisions_update AFTER UPDATE ON point_answer_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_points p JOIN advice_revisions r ON r.id = p.revision_id JOIN advices a ON a.id = r.advice_id WHERE p.id = NEW.point_id);
END;

CREATE TRIGGER public_version_point_answer_revisions_delete AFTER DELETE ON point_answer_revisions
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_points p JOIN advice_revisions r ON r.id = p.revision_id JOIN advices a ON a.id = r.advice_id WHERE p.id = OLD.point_id);
END;
