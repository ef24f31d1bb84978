use crate::domain::role::Role;
use serde::{Deserialize, Serialize};

/// Who is signed in, as the interface needs to know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SessionUser {
    pub name: String,
    pub role: Role,
}
