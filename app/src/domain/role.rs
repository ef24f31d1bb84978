//! Who may do what. Checked on the server in every server function.

use super::error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// *beleidsmedewerker*: imports documents and answers comments and advice.
    Officer,
    /// *beoordelaar*: approves officers' answers or sends them back with a remark; drafts too.
    Reviewer,
    /// Manages users and consultations, and can do everything an officer can.
    Admin,
    /// A member of an advisory council: drafts and submits the council's advice.
    CouncilMember,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Reviewer => "reviewer",
            Role::Admin => "admin",
            Role::CouncilMember => "council_member",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "officer" => Some(Role::Officer),
            "reviewer" => Some(Role::Reviewer),
            "admin" => Some(Role::Admin),
            "council_member" => Some(Role::CouncilMember),
            _ => None,
        }
    }

    pub fn is_staff(self) -> bool {
        matches!(self, Role::Officer | Role::Reviewer | Role::Admin)
    }
}

/// What a signed-in user can attempt; each server function names the one it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ReadComments,
    AnswerComment,
    CreateConsultation,
    /// Move phases, add milestones, choose the councils asked.
    ManageConsultation,
    /// Register councils and invite their members.
    ManageCouncils,
    ManageUsers,
    /// Approve answers or send them back.
    ReviewAnswers,
    /// Hide a reaction from public view, or show it again.
    ModerateComments,
    /// Read who changed what.
    ReadAuditLog,
    /// Work on one's own council's advice.
    DraftAdvice,
    /// See the outbox and the erasures, retry failed mail.
    ManageMail,
    /// Record the college's adoption of the answers, which freezes them and mails every resident
    /// who asked for the answer. The college decides; the admin (in practice the college
    /// secretary's office, *bestuursondersteuning*) records it, not an officer who drafted answers.
    RecordAdoption,
}

pub fn may(role: Role, action: Action) -> bool {
    match action {
        Action::ReadComments | Action::AnswerComment | Action::CreateConsultation | Action::ManageConsultation | Action::ManageCouncils => {
            role.is_staff()
        }
        Action::ModerateComments => role.is_staff(),
        Action::ManageUsers | Action::ReadAuditLog | Action::ManageMail | Action::RecordAdoption => role == Role::Admin,
        Action::ReviewAnswers => matches!(role, Role::Reviewer | Role::Admin),
        Action::DraftAdvice => role == Role::CouncilMember,
    }
}

/// The signed-in person as the rules about councils need them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub role: Role,
    /// For council members: their council.
    pub council_id: Option<i64>,
    /// For officers: the municipality whose councils they answer (none: all).
    pub municipality: Option<String>,
}

/// A council's advice is seen by its own members, and by staff once submitted (or when staff
/// entered it themselves from an oral meeting).
pub fn may_read_advice(actor: &Actor, council_id: i64, submitted_or_oral: bool) -> bool {
    match actor.role {
        Role::CouncilMember => actor.council_id == Some(council_id),
        Role::Officer | Role::Reviewer | Role::Admin => submitted_or_oral,
    }
}

/// Members write their own council's advice; staff only enter an oral advice on its behalf, and
/// only for a council of a municipality they serve.
pub fn may_write_advice(actor: &Actor, council_id: i64, council_municipality: &str) -> bool {
    match actor.role {
        Role::CouncilMember => actor.council_id == Some(council_id),
        Role::Officer | Role::Reviewer | Role::Admin => serves_municipality(actor, council_municipality),
    }
}

/// Whether this staff member works for the municipality: an admin, or an officer or reviewer
/// without a municipality (a regional coordinator), works for all; council members for none.
pub fn serves_municipality(actor: &Actor, municipality: &str) -> bool {
    match actor.role {
        Role::Admin => true,
        Role::Officer | Role::Reviewer => actor.municipality.as_deref().is_none_or(|m| m.trim().eq_ignore_ascii_case(municipality.trim())),
        Role::CouncilMember => false,
    }
}

/// Each municipality's officers answer their own council; an admin, or an officer without a
/// municipality (a regional coordinator), answers any.
pub fn may_answer_council(actor: &Actor, council_municipality: &str) -> bool {
    serves_municipality(actor, council_municipality)
}

/// Registering a council, seeing its members' addresses, inviting and removing members: staff of
/// the council's municipality only, so that an officer of one municipality cannot join (or
/// read) another's council.
pub fn may_manage_council(actor: &Actor, council_municipality: &str) -> bool {
    may(actor.role, Action::ManageCouncils) && serves_municipality(actor, council_municipality)
}

/// Who reads a consultation that is not public yet (a concept): staff, and members of a council
/// asked to advise on it (`asked`); the public does not.
pub fn may_read_draft(actor: Option<&Actor>, asked: bool) -> bool {
    match actor.map(|a| a.role) {
        Some(Role::Officer | Role::Reviewer | Role::Admin) => true,
        Some(Role::CouncilMember) => asked,
        None => false,
    }
}

/// The roles an admin gives staff accounts.
pub const STAFF_ROLES: [Role; 3] = [Role::Officer, Role::Reviewer, Role::Admin];

/// An admin's change of a staff member's role, as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleForm {
    pub user: String,
    #[serde(default)]
    pub role: String,
}

impl RoleForm {
    pub fn parse(&self) -> Result<(i64, Role), FieldErrors> {
        let role = Role::parse(self.role.trim()).filter(|r| STAFF_ROLES.contains(r));
        match (self.user.trim().parse::<i64>().ok(), role) {
            (Some(user), Some(role)) => Ok((user, role)),
            _ => Err(FieldErrors::single("role", FieldError::InvalidRole)),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleChangeRefusal {
    /// Nobody changes their own role: an admin cannot lock themselves out by accident.
    OwnRole,
    /// There must always be an admin.
    LastAdmin,
    /// Council members join through their council's invite, not here.
    NotStaff,
}

impl RoleChangeRefusal {
    pub fn field_error(self) -> FieldError {
        match self {
            RoleChangeRefusal::OwnRole => FieldError::OwnRole,
            RoleChangeRefusal::LastAdmin => FieldError::LastAdmin,
            RoleChangeRefusal::NotStaff => FieldError::InvalidRole,
        }
    }
}

/// Whether an admin may give `target` the role `new`; `admins` is how many admins there are now.
pub fn check_role_change(actor_id: i64, target_id: i64, target_role: Role, new: Role, admins: usize) -> Result<(), RoleChangeRefusal> {
    if !target_role.is_staff() || !new.is_staff() {
        return Err(RoleChangeRefusal::NotStaff);
    }
    if actor_id == target_id {
        return Err(RoleChangeRefusal::OwnRole);
    }
    if target_role == Role::Admin && new != Role::Admin && admins <= 1 {
        return Err(RoleChangeRefusal::LastAdmin);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(role: Role, council_id: Option<i64>, municipality: Option<&str>) -> Actor {
        Actor { role, council_id, municipality: municipality.map(str::to_string) }
    }

    #[test]
    fn officers_work_on_consultations_and_admins_manage_users() {
        assert!(may(Role::Officer, Action::AnswerComment));
        assert!(may(Role::Officer, Action::CreateConsultation));
        assert!(!may(Role::Officer, Action::ManageUsers));
        assert!(may(Role::Admin, Action::ManageUsers));
        assert!(!may(Role::Officer, Action::ReviewAnswers));
        assert!(may(Role::Reviewer, Action::ReviewAnswers));
        assert!(may(Role::Reviewer, Action::AnswerComment));
        assert!(!may(Role::Reviewer, Action::ReadAuditLog));
        assert!(may(Role::Admin, Action::ReadAuditLog));
        assert_eq!(Role::parse("reviewer"), Some(Role::Reviewer));
        assert_eq!(Role::parse(Role::Admin.code()), Some(Role::Admin));
        assert_eq!(Role::parse(Role::CouncilMember.code()), Some(Role::CouncilMember));
        assert_eq!(Role::parse("resident"), None);
    }

    #[test]
    fn council_members_draft_advice_and_nothing_else() {
        for action in [
            Action::ReadComments,
            Action::AnswerComment,
            Action::CreateConsultation,
            Action::ManageConsultation,
            Action::ManageCouncils,
            Action::ManageUsers,
            Action::ReviewAnswers,
            Action::ModerateComments,
            Action::ReadAuditLog,
            Action::RecordAdoption,
            Action::ManageMail,
        ] {
            assert!(!may(Role::CouncilMember, action), "{action:?}");
        }
        assert!(may(Role::CouncilMember, Action::DraftAdvice));
        assert!(!may(Role::Officer, Action::DraftAdvice));
    }

    #[test]
    fn a_draft_is_seen_by_its_own_council_only() {
        let member_a = actor(Role::CouncilMember, Some(1), None);
        let officer = actor(Role::Officer, None, Some("Lindeburg"));
        assert!(may_read_advice(&member_a, 1, false));
        assert!(!may_read_advice(&member_a, 2, true));
        assert!(!may_read_advice(&officer, 1, false));
        assert!(may_read_advice(&officer, 1, true));
        assert!(may_write_advice(&member_a, 1, "Lindeburg"));
        assert!(!may_write_advice(&member_a, 2, "Lindeburg"));
    }

    #[test]
    fn staff_enter_oral_advice_and_manage_councils_only_for_their_own_municipality() {
        let lindeburg = actor(Role::Officer, None, Some("Lindeburg"));
        let reviewer = actor(Role::Reviewer, None, Some("Lindeburg"));
        let regional = actor(Role::Officer, None, None);
        let admin = actor(Role::Admin, None, Some("Lindeburg"));
        assert!(may_write_advice(&lindeburg, 7, "Lindeburg"));
        assert!(!may_write_advice(&lindeburg, 7, "Waterhoven"), "an officer of A enters no advice for B's council");
        assert!(may_write_advice(&regional, 7, "Waterhoven"));
        assert!(may_write_advice(&admin, 7, "Waterhoven"));
        assert!(may_manage_council(&lindeburg, "lindeburg "));
        assert!(!may_manage_council(&lindeburg, "Waterhoven"), "an officer of A does not invite into B's council");
        assert!(!may_manage_council(&reviewer, "Waterhoven"));
        assert!(may_manage_council(&regional, "Waterhoven"));
        assert!(may_manage_council(&admin, "Waterhoven"));
        assert!(!may_manage_council(&actor(Role::CouncilMember, Some(7), None), "Lindeburg"));
    }

    #[test]
    fn a_draft_is_read_by_staff_and_the_councils_asked() {
        assert!(!may_read_draft(None, false));
        assert!(may_read_draft(Some(&actor(Role::Officer, None, Some("Waterhoven"))), false));
        assert!(may_read_draft(Some(&actor(Role::CouncilMember, Some(1), None)), true));
        assert!(!may_read_draft(Some(&actor(Role::CouncilMember, Some(2), None)), false));
    }

    #[test]
    fn only_admins_record_the_colleges_adoption() {
        assert!(may(Role::Admin, Action::RecordAdoption));
        for role in [Role::Officer, Role::Reviewer, Role::CouncilMember] {
            assert!(!may(role, Action::RecordAdoption), "{role:?}");
        }
    }

    #[test]
    fn officers_answer_the_councils_of_their_own_municipality() {
        let lindeburg = actor(Role::Officer, None, Some("Lindeburg"));
        let regional = actor(Role::Officer, None, None);
        assert!(may_answer_council(&lindeburg, "lindeburg"));
        assert!(!may_answer_council(&lindeburg, "Waterhoven"));
        assert!(may_answer_council(&regional, "Waterhoven"));
        assert!(may_answer_council(&actor(Role::Admin, None, Some("Lindeburg")), "Waterhoven"));
        assert!(!may_answer_council(&actor(Role::CouncilMember, Some(1), None), "Lindeburg"));
    }

    #[test]
    fn admins_change_others_roles_but_never_their_own_nor_the_last_admin_away() {
        assert_eq!(check_role_change(1, 2, Role::Officer, Role::Reviewer, 1), Ok(()));
        assert_eq!(check_role_change(1, 1, Role::Admin, Role::Officer, 3), Err(RoleChangeRefusal::OwnRole));
        assert_eq!(check_role_change(1, 2, Role::Admin, Role::Officer, 1), Err(RoleChangeRefusal::LastAdmin));
        assert_eq!(check_role_change(1, 2, Role::Admin, Role::Officer, 2), Ok(()));
        assert_eq!(check_role_change(1, 2, Role::CouncilMember, Role::Officer, 2), Err(RoleChangeRefusal::NotStaff));
        assert_eq!(check_role_change(1, 2, Role::Officer, Role::CouncilMember, 2), Err(RoleChangeRefusal::NotStaff));
        let form = RoleForm { user: "4".into(), role: "reviewer".into() };
        assert_eq!(form.parse(), Ok((4, Role::Reviewer)));
        let bad = RoleForm { user: "4".into(), role: "council_member".into() };
        assert_eq!(bad.parse().unwrap_err().get("role"), [FieldError::InvalidRole]);
    }
}
