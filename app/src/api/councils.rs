//! Advisory councils, their members' invites, and the councils asked on a consultation.

use crate::domain::council::{AcceptInviteForm, CouncilForm, InviteForm, SenderForm};
use crate::domain::error::{AppError, FormOutcome};
use crate::views::*;
use leptos::server;
use leptos::server_fn::codec::{MultipartData, MultipartFormData};

#[server(endpoint = "raden")]
pub async fn list_councils() -> Result<Vec<CouncilListItem>, AppError> {
    use crate::backend::{advice::council_info_of, auth, context::state};
    let user = auth::require(crate::domain::role::Action::ManageCouncils).await?;
    let rows = state()?.store.list_councils().await?;
    let actor = user.actor();
    Ok(rows
        .into_iter()
        .filter(|r| crate::domain::role::may_manage_council(&actor, &r.municipality))
        .map(|r| CouncilListItem { members: r.member_count, council: council_info_of(r.slug, r.name, r.municipality, &r.kind) })
        .collect())
}

#[server(endpoint = "raad-nieuw")]
pub async fn create_council(form: CouncilForm) -> Result<FormOutcome<String>, AppError> {
    use crate::backend::flash::{echo_values, finish_plain_form};
    use crate::backend::store::StoreError;
    use crate::backend::{auth, context::state};
    use crate::domain::council::ValidCouncil;
    use crate::domain::error::{FieldError, FieldErrors};
    let user = auth::require(crate::domain::role::Action::ManageCouncils).await?;
    let outcome = match ValidCouncil::try_from(&form) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(council) if !crate::domain::role::may_manage_council(&user.actor(), &council.municipality) => {
            FormOutcome::Invalid(FieldErrors::single("municipality", FieldError::NotYourMunicipality))
        }
        Ok(council) => match state()?.store.create_council(&council, Some(user.id)).await {
            Ok(_) => FormOutcome::Done(council.slug.as_str().to_string()),
            Err(StoreError::Conflict(_)) => FormOutcome::Invalid(FieldErrors::single("slug", FieldError::SlugTaken)),
            Err(error) => return Err(error.into()),
        },
    };
    let values = echo_values([("name", &form.name), ("municipality", &form.municipality), ("kind", &form.kind), ("slug", &form.slug)]);
    finish_plain_form(&outcome, values, |slug| format!("/beheer/raden/{slug}"), "nieuwe-raad");
    Ok(outcome)
}

/// The sender of each municipality's letters, for the municipalities this person manages.
#[server(endpoint = "afzenders")]
pub async fn letter_senders() -> Result<Vec<SenderView>, AppError> {
    use crate::backend::{auth, context::state, senders};
    senders::list(&state()?.store, &auth::signed_in().await?).await
}

#[server(endpoint = "afzender")]
pub async fn save_letter_sender(form: SenderForm) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::flash::{echo_values, finish_plain_form};
    use crate::backend::{auth, context::state, senders};
    let outcome = senders::save(&state()?.store, &auth::signed_in().await?, &form).await?;
    let values = echo_values([("municipality", &form.municipality), ("sender", &form.sender)]);
    finish_plain_form(&outcome, values, |_| "/beheer/raden?afzender=1#afzenders".to_string(), "afzenders");
    Ok(outcome)
}

/// A municipality's logo on its letters: an upload (PNG or JPEG), or `remove` to take it away. A
/// plain multipart form post, so that it works the same with JavaScript on or off.
#[server(input = MultipartFormData, endpoint = "gemeentelogo")]
pub async fn save_municipality_logo(data: MultipartData) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::flash::{echo_values, finish_plain_form};
    use crate::backend::{auth, context::state, senders};
    let (store, user) = (state()?.store, auth::signed_in().await?);
    let (mut texts, _, bytes) = super::requests::read_multipart(data).await?;
    let municipality = texts.remove("municipality").unwrap_or_default();
    let remove = texts.remove("remove").is_some();
    let upload = (!remove).then_some(bytes.as_slice());
    let outcome = senders::save_logo(&store, &user, &municipality, upload).await?;
    let values = echo_values([("municipality", &municipality), ("logo", &String::from("1"))]);
    finish_plain_form(&outcome, values, |_| "/beheer/raden?logo=1#afzenders".to_string(), "afzenders");
    Ok(outcome)
}

#[server(endpoint = "raad")]
pub async fn council_detail(council: String) -> Result<CouncilDetailView, AppError> {
    use crate::backend::{advice::council_info, auth, context::state};
    let user = auth::require(crate::domain::role::Action::ManageCouncils).await?;
    let store = state()?.store;
    let row = crate::backend::advice::managed_council(&store, &user, &council).await?;
    let members = store
        .council_members(row.id)
        .await?
        .into_iter()
        .map(|m| MemberView { id: m.id, name: m.display_name, email: m.email, active: m.active })
        .collect();
    let now = crate::backend::store::now();
    let invites = store
        .council_invites(row.id)
        .await?
        .into_iter()
        .map(|i| InviteView {
            name: i.name,
            email: i.email,
            expires_on: i.expires_at.date(),
            used: i.used_at.is_some(),
            expired: i.expires_at <= now,
        })
        .collect();
    Ok(CouncilDetailView { council: council_info(&row), members, invites })
}

/// Makes a one-time link for a new member. Only a hash of it is stored; the officer sees it once.
#[server(endpoint = "raad-uitnodigen")]
pub async fn invite_member(form: InviteForm) -> Result<FormOutcome<InviteLink>, AppError> {
    use crate::backend::flash::{echo_values, finish_plain_form};
    use crate::backend::{auth, context, services};
    use crate::domain::council::{ValidInvite, invite_expiry};
    let user = auth::require(crate::domain::role::Action::ManageCouncils).await?;
    let store = context::state()?.store;
    let outcome = match ValidInvite::try_from(&form) {
        Err(errors) => FormOutcome::Invalid(errors),
        Ok(invite) => {
            let council = crate::backend::advice::managed_council(&store, &user, &invite.council_slug).await?;
            let token = services::random_token(32);
            let expires = invite_expiry(crate::backend::store::now());
            store.create_invite(council.id, &invite.name, &invite.email, &services::token_hash(&token), user.id, expires).await?;
            tracing::info!(council = %council.slug, "member invited");
            let path = format!("/uitnodiging/{token}");
            FormOutcome::Done(InviteLink { url: context::public_url(&path), path, expires_on: expires.date() })
        }
    };
    // The link is shown on the page it was asked from; without JavaScript it comes back once.
    if let FormOutcome::Done(link) = &outcome
        && context::accepts_html()
    {
        let until = crate::backend::context::request_locale().messages().date(link.expires_on);
        let values = [("invite_link".to_string(), link.url.clone()), ("invite_until".to_string(), until)].into();
        let token = crate::backend::flash::keep(super::FormEcho { values, ..Default::default() }).ok_or(AppError::Internal)?;
        leptos_axum::redirect(&format!("/beheer/raden/{}?{}={token}#uitnodigen", form.council.trim(), super::ECHO_PARAM));
        return Ok(outcome);
    }
    finish_plain_form(&outcome, echo_values([("name", &form.name), ("email", &form.email)]), |_| String::new(), "uitnodigen");
    Ok(outcome)
}

/// Takes a member off the council: their account is closed and signed out everywhere; the
/// advice they signed keeps their name. Staff of the council's municipality only.
#[server(endpoint = "raad-lid-weg")]
pub async fn remove_member(council: String, member: i64) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::{auth, context::state};
    let user = auth::require(crate::domain::role::Action::ManageCouncils).await?;
    let store = state()?.store;
    let row = crate::backend::advice::managed_council(&store, &user, &council).await?;
    if !store.deactivate_council_member(row.id, member, &user).await? {
        return Err(AppError::NotFound);
    }
    tracing::info!(council = %row.slug, member, by = user.id, "council member removed");
    if crate::backend::context::accepts_html() {
        leptos_axum::redirect(&format!("/beheer/raden/{}#leden", row.slug));
    }
    Ok(FormOutcome::Done(()))
}

#[server(endpoint = "uitnodiging")]
pub async fn invite_info(token: String) -> Result<Result<InviteDetails, crate::domain::error::FieldError>, AppError> {
    use crate::backend::{context::state, ratelimit, services};
    ratelimit::check(ratelimit::Bucket::Login).await?;
    let store = state()?.store;
    Ok(match services::usable_invite(&store, &token).await? {
        Ok((invite, council)) => Ok(InviteDetails { name: invite.name, email: invite.email, council: council.name }),
        Err(error) => Err(error),
    })
}

/// The new member chooses a password; the account is made, the invite used, and they are signed in.
#[server(endpoint = "uitnodiging-aannemen")]
pub async fn accept_invite(form: AcceptInviteForm) -> Result<FormOutcome<()>, AppError> {
    use crate::backend::flash::finish_plain_form;
    use crate::backend::store::StoreError;
    use crate::backend::{auth, context::state, ratelimit, services};
    use crate::domain::council::validate_new_password;
    use crate::domain::error::{FieldError, FieldErrors};
    ratelimit::check(ratelimit::Bucket::Login).await?;
    let store = state()?.store;
    let outcome = match services::usable_invite(&store, &form.token).await? {
        Err(error) => FormOutcome::Invalid(FieldErrors::single("password", error)),
        Ok((invite, _)) => match validate_new_password(&form.password, &form.password_again) {
            Err(errors) => FormOutcome::Invalid(errors),
            Ok(()) => match store.accept_invite(&invite, &auth::hash_password(&form.password)?).await {
                Ok(Some(user_id)) => {
                    let user = store.user_by_id(user_id).await?.ok_or(AppError::Internal)?;
                    auth::sign_in(&user).await?;
                    tracing::info!(user.id = user_id, "council member joined");
                    FormOutcome::Done(())
                }
                Ok(None) => FormOutcome::Invalid(FieldErrors::single("password", FieldError::InviteUsed)),
                Err(StoreError::Conflict(_)) => FormOutcome::Invalid(FieldErrors::single("password", FieldError::EmailTaken)),
                Err(error) => return Err(error.into()),
            },
        },
    };
    // Passwords are never echoed back.
    finish_plain_form(&outcome, Default::default(), |_| "/raad".into(), "account");
    Ok(outcome)
}

#[server(endpoint = "raad-vragen")]
pub async fn ask_council(consultation: String, council: String) -> Result<FormOutcome<()>, AppError> {
    use super::requests::advice as finish;
    use crate::backend::{auth, context::state};
    use crate::domain::error::{FieldError, FieldErrors};
    auth::require(crate::domain::role::Action::ManageConsultation).await?;
    let store = state()?.store;
    let row = store.consultation_by_slug(&consultation).await?.ok_or(AppError::NotFound)?;
    let outcome = match store.council_by_slug(council.trim()).await? {
        None => FormOutcome::Invalid(FieldErrors::single("council", FieldError::Required)),
        Some(c) => {
            store.ask_council(row.id, c.id).await?;
            FormOutcome::Done(())
        }
    };
    finish(&outcome, crate::backend::flash::echo_values([("council", &council)]), "adviesraden", "adviesraden");
    Ok(outcome)
}

#[server(endpoint = "mijn-raad")]
pub async fn council_home() -> Result<CouncilHomeView, AppError> {
    use crate::backend::advice::{council_info, stage_of};
    use crate::backend::{auth, context::state};
    let user = auth::require(crate::domain::role::Action::DraftAdvice).await?;
    let store = state()?.store;
    let council = store.council_by_id(user.council_id.ok_or(AppError::Forbidden)?).await?.ok_or(AppError::NotFound)?;
    let mut consultations = Vec::new();
    for asked in store.consultations_for_council(council.id).await? {
        let stage = match store.advice_for(asked.id, council.id).await? {
            Some(a) => stage_of(&store.advice_revisions(a.id).await?),
            None => crate::domain::advice::AdviceStage::None,
        };
        let phase = crate::domain::phase::Phase::parse(&asked.phase).unwrap_or(crate::domain::phase::Phase::Comment);
        consultations.push(AskedItem { phase, slug: asked.slug, title: asked.title, stage });
    }
    Ok(CouncilHomeView { council: council_info(&council), consultations })
}
