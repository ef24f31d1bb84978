use crate::domain::role::Role;
use serde::{Deserialize, Serialize};

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffView {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub role: Role,
    pub municipality: Option<String>,
    /// The signed-in admin: their own role is not changed here.
    pub is_self: bool,
    /// False once deactivated: cannot sign in, sessions ended.
    #[serde(default = "yes")]
    pub active: bool,
}

/// An admin's deactivation (or reactivation) of a staff account, as the form sends it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveForm {
    pub user: String,
    /// `ja` to reactivate, anything else deactivates.
    #[serde(default)]
    pub active: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActiveChanged {
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleChanged {
    pub role: Role,
}
