//! Who may do what. Checked on the server in every server function.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// *beleidsmedewerker*: imports documents and answers comments.
    Officer,
    /// Manages users and consultations, and can do everything an officer can.
    Admin,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Role::Officer => "officer",
            Role::Admin => "admin",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        match code {
            "officer" => Some(Role::Officer),
            "admin" => Some(Role::Admin),
            _ => None,
        }
    }
}

/// What a signed-in user can attempt; each server function names the one it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    ReadComments,
    AnswerComment,
    CreateConsultation,
    ManageUsers,
}

pub fn may(role: Role, action: Action) -> bool {
    match action {
        Action::ReadComments | Action::AnswerComment | Action::CreateConsultation => true,
        Action::ManageUsers => role == Role::Admin,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn officers_work_on_consultations_and_admins_manage_users() {
        assert!(may(Role::Officer, Action::AnswerComment));
        assert!(may(Role::Officer, Action::CreateConsultation));
        assert!(!may(Role::Officer, Action::ManageUsers));
        assert!(may(Role::Admin, Action::ManageUsers));
        assert_eq!(Role::parse(Role::Admin.code()), Some(Role::Admin));
        assert_eq!(Role::parse("resident"), None);
    }
}
