use super::*;
use crate::domain::advice::AdviceStage;
use crate::domain::phase::Phase;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilListItem {
    pub council: CouncilInfo,
    pub members: i64,
}

/// A municipality's own sender of its college's letters; empty: the default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SenderView {
    pub municipality: String,
    pub sender: String,
    /// The id of its logo (its address is `/gemeentelogo/{id}`); none: no logo.
    pub logo: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteView {
    pub name: String,
    pub email: String,
    pub expires_on: time::Date,
    pub used: bool,
    pub expired: bool,
}

/// A council member as the officer's council page lists them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberView {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// False once removed from the council: kept for the advice they signed, but signed out.
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilDetailView {
    pub council: CouncilInfo,
    pub members: Vec<MemberView>,
    pub invites: Vec<InviteView>,
}

/// The link a new member opens once; shown to the officer right after it is made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteLink {
    pub url: String,
    pub path: String,
    pub expires_on: time::Date,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InviteDetails {
    pub name: String,
    pub email: String,
    pub council: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AskedItem {
    pub slug: String,
    pub title: String,
    pub phase: Phase,
    pub stage: AdviceStage,
}

/// A council member's own area: the council and what it was asked to advise on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilHomeView {
    pub council: CouncilInfo,
    pub consultations: Vec<AskedItem>,
}
