use super::echo_resource;
use crate::api::Login;
use crate::components::fields::{ErrorSummary, TextField, field_errors, form_feedback};
use crate::domain::error::FormOutcome;
use crate::platform::use_messages;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn LoginPage() -> impl IntoView {
    let t = use_messages();
    let action = ServerAction::<Login>::new();
    let value = action.value();
    let echo = echo_resource();
    Effect::new(move |_| {
        if let Some(Ok(FormOutcome::Done(()))) = value.get() {
            // A full load, so that the header sees the new session.
            let _ = window().location().set_href("/beheer");
        }
    });
    view! {
        <Title text=t.login_title/>
        <div class="wrap page narrow">
            <h1>{t.login_title}</h1>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    let echo = echo.await.unwrap_or_default();
                    let (errors, failure) = form_feedback(value, echo.errors.clone());
                    view! {
                        <ActionForm action=action attr:id="inloggen" attr:novalidate="">
                            <ErrorSummary errors other=failure/>
                            <TextField id="login-email" name="email" label=t.label_login_email kind="email" required=true
                                errors=field_errors(errors, "email") value=echo.value("email") autocomplete="username"/>
                            <TextField id="login-password" name="password" label=t.label_password kind="password" required=true
                                errors=field_errors(errors, "password") autocomplete="current-password"/>
                            <button type="submit" class="utrecht-button utrecht-button--primary-action">{t.login_submit}</button>
                        </ActionForm>
                    }
                })}
            </Suspense>
        </div>
    }
}
