-- PostgreSQL twin of migrations/sqlite/0006_public_versions.sql. Each SQLite trigger is a trigger of
-- the same name here (AFTER ... FOR EACH ROW, as in SQLite), calling one of a few plpgsql functions
-- that do the same UPDATE; NEW for inserts and updates, OLD for deletes, as there.

ALTER TABLE consultations ADD COLUMN public_version BIGINT NOT NULL DEFAULT 0;

CREATE FUNCTION public_version_bump_consultation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE consultations SET public_version = public_version + 1 WHERE id = NEW.id;
    RETURN NULL;
END $$;

CREATE TRIGGER public_version_consultation AFTER UPDATE OF slug, title, description, opens_on, closes_on, phase ON consultations
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_consultation();

-- A council's name shows on every consultation it advises.
CREATE FUNCTION public_version_bump_council() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE consultations SET public_version = public_version + 1
     WHERE id IN (SELECT consultation_id FROM consultation_councils WHERE council_id = NEW.id);
    RETURN NULL;
END $$;

CREATE TRIGGER public_version_council AFTER UPDATE ON councils
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_council();

-- Rows that name their consultation.
CREATE FUNCTION public_version_bump_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (OLD.consultation_id);
    ELSE
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (NEW.consultation_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER public_version_comments_insert AFTER INSERT ON comments
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_comments_update AFTER UPDATE ON comments
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_comments_delete AFTER DELETE ON comments
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_comment_current_insert AFTER INSERT ON comment_current
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_comment_current_update AFTER UPDATE ON comment_current
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_comment_current_delete AFTER DELETE ON comment_current
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_phase_changes_insert AFTER INSERT ON phase_changes
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_phase_changes_update AFTER UPDATE ON phase_changes
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_phase_changes_delete AFTER DELETE ON phase_changes
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_milestones_insert AFTER INSERT ON milestones
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_milestones_update AFTER UPDATE ON milestones
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_milestones_delete AFTER DELETE ON milestones
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_consultation_councils_insert AFTER INSERT ON consultation_councils
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_consultation_councils_update AFTER UPDATE ON consultation_councils
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_consultation_councils_delete AFTER DELETE ON consultation_councils
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_advices_insert AFTER INSERT ON advices
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_advices_update AFTER UPDATE ON advices
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_advices_delete AFTER DELETE ON advices
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_joint_answers_insert AFTER INSERT ON joint_answers
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_joint_answers_update AFTER UPDATE ON joint_answers
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_joint_answers_delete AFTER DELETE ON joint_answers
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_answer_adoptions_insert AFTER INSERT ON answer_adoptions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_answer_adoptions_update AFTER UPDATE ON answer_adoptions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_answer_adoptions_delete AFTER DELETE ON answer_adoptions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_erasures_insert AFTER INSERT ON erasures
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_erasures_update AFTER UPDATE ON erasures
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_erasures_delete AFTER DELETE ON erasures
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

CREATE TRIGGER public_version_document_versions_insert AFTER INSERT ON document_versions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_document_versions_update AFTER UPDATE ON document_versions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();
CREATE TRIGGER public_version_document_versions_delete AFTER DELETE ON document_versions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_row();

-- Rows that belong to a comment, an advice, or an advice point.
CREATE FUNCTION public_version_bump_comment() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = OLD.comment_id);
    ELSE
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM comments WHERE id = NEW.comment_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER public_version_comment_senders_insert AFTER INSERT ON comment_senders
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();
CREATE TRIGGER public_version_comment_senders_update AFTER UPDATE ON comment_senders
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();
CREATE TRIGGER public_version_comment_senders_delete AFTER DELETE ON comment_senders
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();

CREATE TRIGGER public_version_answer_revisions_insert AFTER INSERT ON answer_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();
CREATE TRIGGER public_version_answer_revisions_update AFTER UPDATE ON answer_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();
CREATE TRIGGER public_version_answer_revisions_delete AFTER DELETE ON answer_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();

CREATE TRIGGER public_version_comment_moderation_insert AFTER INSERT ON comment_moderation
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();
CREATE TRIGGER public_version_comment_moderation_update AFTER UPDATE ON comment_moderation
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();
CREATE TRIGGER public_version_comment_moderation_delete AFTER DELETE ON comment_moderation
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_comment();

CREATE FUNCTION public_version_bump_advice() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM advices WHERE id = OLD.advice_id);
    ELSE
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT consultation_id FROM advices WHERE id = NEW.advice_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER public_version_advice_revisions_insert AFTER INSERT ON advice_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice();
CREATE TRIGGER public_version_advice_revisions_update AFTER UPDATE ON advice_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice();
CREATE TRIGGER public_version_advice_revisions_delete AFTER DELETE ON advice_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice();

CREATE TRIGGER public_version_response_intros_insert AFTER INSERT ON response_intros
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice();
CREATE TRIGGER public_version_response_intros_update AFTER UPDATE ON response_intros
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice();
CREATE TRIGGER public_version_response_intros_delete AFTER DELETE ON response_intros
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice();

CREATE FUNCTION public_version_bump_advice_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_revisions r JOIN advices a ON a.id = r.advice_id WHERE r.id = OLD.revision_id);
    ELSE
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_revisions r JOIN advices a ON a.id = r.advice_id WHERE r.id = NEW.revision_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER public_version_advice_points_insert AFTER INSERT ON advice_points
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_revision();
CREATE TRIGGER public_version_advice_points_update AFTER UPDATE ON advice_points
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_revision();
CREATE TRIGGER public_version_advice_points_delete AFTER DELETE ON advice_points
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_revision();

CREATE FUNCTION public_version_bump_advice_point() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_points p JOIN advice_revisions r ON r.id = p.revision_id JOIN advices a ON a.id = r.advice_id WHERE p.id = OLD.point_id);
    ELSE
        UPDATE consultations SET public_version = public_version + 1 WHERE id = (SELECT a.consultation_id FROM advice_points p JOIN advice_revisions r ON r.id = p.revision_id JOIN advices a ON a.id = r.advice_id WHERE p.id = NEW.point_id);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER public_version_advice_point_blocks_insert AFTER INSERT ON advice_point_blocks
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_point();
CREATE TRIGGER public_version_advice_point_blocks_update AFTER UPDATE ON advice_point_blocks
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_point();
CREATE TRIGGER public_version_advice_point_blocks_delete AFTER DELETE ON advice_point_blocks
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_point();

CREATE TRIGGER public_version_point_answer_revisions_insert AFTER INSERT ON point_answer_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_point();
CREATE TRIGGER public_version_point_answer_revisions_update AFTER UPDATE ON point_answer_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_point();
CREATE TRIGGER public_version_point_answer_revisions_delete AFTER DELETE ON point_answer_revisions
    FOR EACH ROW EXECUTE FUNCTION public_version_bump_advice_point();
