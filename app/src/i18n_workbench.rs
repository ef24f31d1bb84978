//! Interface text for the officers' workbench: the reactions list and its filters, review,
//! joint answers, hiding, adoption, the dashboard, grouping suggestions and the audit log.
//! Part of `Messages` (as `t.work`).

use crate::t;
use crate::texts::{En, Lang, Nl};
use std::sync::LazyLock;

use crate::domain::comment::SenderKind;
use crate::domain::review::ReviewState;
use crate::domain::role::Role;
use crate::domain::workbench::{Sort, Timing};

pub struct WorkMessages {
    /// Per `ReviewState::ALL`.
    pub states: fn(ReviewState) -> &'static str,
    /// "Save as concept" / "offer for review".
    pub save_as_states: [&'static str; 2],
    /// Per `SENDER_KINDS`.
    pub sender_kinds: fn(SenderKind) -> &'static str,
    pub timings: fn(Timing) -> &'static str,
    pub sorts: fn(Sort) -> &'static str,
    /// Audit fields as stored, with their labels.
    pub audit_fields: [(&'static str, &'static str); 8],
    pub reaction_no: fn(i64) -> String,
    pub sender_resident: &'static str,
    pub sender_council: &'static str,
    pub select_for_joint: &'static str,
    pub hidden_badge: &'static str,
    pub hidden_because: &'static str,
    pub hidden_public: &'static str,
    pub hidden_for_sender: &'static str,
    pub changed_after_adoption: &'static str,
    pub label_reason: &'static str,
    pub hint_reason: &'static str,
    pub review_title: &'static str,
    pub review_own_note: &'static str,
    pub label_remark: &'static str,
    pub hint_remark: &'static str,
    pub approve: &'static str,
    pub send_back: &'static str,
    pub remark: &'static str,
    pub joint_badge: &'static str,
    pub hide: &'static str,
    pub show_again: &'static str,
    pub hide_note: &'static str,
    pub label_hide_reason: &'static str,
    pub reactions_title: &'static str,
    pub subnav_label: &'static str,
    pub filters_title: &'static str,
    pub filter_block: &'static str,
    pub label_search: &'static str,
    pub label_section: &'static str,
    pub any_section: &'static str,
    pub any_status: &'static str,
    pub not_answered: &'static str,
    pub label_answer_state: &'static str,
    pub any_state: &'static str,
    pub label_sender: &'static str,
    pub any_sender: &'static str,
    pub label_timing: &'static str,
    pub any_timing: &'static str,
    pub label_sort: &'static str,
    pub only_hidden: &'static str,
    pub apply_filters: &'static str,
    pub clear_filters: &'static str,
    pub result_count: fn(usize) -> String,
    pub no_results: &'static str,
    pub select_hint: &'static str,
    pub answer_jointly: &'static str,
    pub groups_link: &'static str,
    pub pagination: &'static str,
    pub page: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub joint_title: &'static str,
    pub joint_heading: fn(usize) -> String,
    pub joint_intro: &'static str,
    pub joint_saved: &'static str,
    pub save_joint: &'static str,
    pub back_to_list: &'static str,
    pub groups_title: &'static str,
    pub groups_intro: fn(usize) -> String,
    pub group_heading: fn(usize, &str, u8) -> String,
    pub group_no: fn(usize) -> String,
    pub group_near_duplicate: &'static str,
    pub group_same_block: &'static str,
    pub audit_title: &'static str,
    pub audit_intro: fn(usize) -> String,
    pub audit_when: &'static str,
    pub audit_who: &'static str,
    pub audit_reaction: &'static str,
    pub audit_what: &'static str,
    pub audit_before: &'static str,
    pub audit_after: &'static str,
    pub dashboard_title: &'static str,
    pub figure_total: &'static str,
    pub figure_unanswered: &'static str,
    pub figure_hidden: &'static str,
    pub figure_late: &'static str,
    pub chart_title: &'static str,
    pub heat_title: &'static str,
    pub heat_hint: &'static str,
    pub heat_section: &'static str,
    pub heat_count: &'static str,
    pub adoption_title: &'static str,
    pub adoption_ready: fn(usize) -> String,
    pub adoption_not_ready: fn(usize) -> String,
    pub adoption_nothing: &'static str,
    pub adoption_admin_only: &'static str,
    pub adopted_on: fn(&str, usize, &str) -> String,
    pub adoption_done: &'static str,
    pub label_adopted_on: &'static str,
    pub hint_adopted_on: &'static str,
    pub adopt: &'static str,
    /// Per `STAFF_ROLES`.
    /// A staff role's name; empty for a council member (not a staff role).
    pub roles: fn(crate::domain::role::Role) -> &'static str,
    pub users_title: &'static str,
    pub users_intro: &'static str,
    pub label_role: &'static str,
    pub change_role: &'static str,
    pub role_changed: &'static str,
    pub own_role_note: &'static str,
    pub deactivate: &'static str,
    pub reactivate: &'static str,
    pub deactivated: &'static str,
    pub deactivated_note: &'static str,
}

impl WorkMessages {
    pub fn state_label(&self, state: ReviewState) -> &'static str {
        (self.states)(state)
    }

    pub fn save_as(&self, state: ReviewState) -> &'static str {
        self.save_as_states[usize::from(state != ReviewState::Draft)]
    }

    pub fn sender_kind(&self, kind: SenderKind) -> &'static str {
        (self.sender_kinds)(kind)
    }

    pub fn timing(&self, timing: Timing) -> &'static str {
        (self.timings)(timing)
    }

    pub fn sort_label(&self, sort: Sort) -> &'static str {
        (self.sorts)(sort)
    }

    pub fn role_label(&self, role: crate::domain::role::Role) -> &'static str {
        (self.roles)(role)
    }

    pub fn audit_field(&self, field: &str) -> String {
        self.audit_fields.iter().find(|(code, _)| *code == field).map_or_else(|| field.to_string(), |(_, label)| label.to_string())
    }
}

/// The WorkMessages of one language, from the text files (see `texts`).
pub fn build<L: Lang>() -> WorkMessages {
    WorkMessages {
        states: |v| match v {
            ReviewState::Draft => t!(L, "work-state-draft"),
            ReviewState::ForReview => t!(L, "work-state-for-review"),
            ReviewState::Approved => t!(L, "work-state-approved"),
            ReviewState::Adopted => t!(L, "work-state-adopted"),
        },
        save_as_states: [t!(L, "work-save-as-draft"), t!(L, "work-save-as-review")],
        sender_kinds: |v| match v {
            SenderKind::Resident => t!(L, "work-sender-kind-resident"),
            SenderKind::Organisation => t!(L, "work-sender-kind-organisation"),
            SenderKind::Council => t!(L, "work-sender-kind-council"),
        },
        timings: |v| match v {
            Timing::OnTime => t!(L, "work-timing-on-time"),
            Timing::Late => t!(L, "work-timing-late"),
        },
        sorts: |v| match v {
            Sort::Document => t!(L, "work-sort-document"),
            Sort::Newest => t!(L, "work-sort-newest"),
            Sort::Oldest => t!(L, "work-sort-oldest"),
        },
        audit_fields: [
            ("antwoord", t!(L, "work-audit-field-answer")),
            ("status", t!(L, "work-audit-field-status")),
            ("verwerkt_in", t!(L, "work-audit-field-processed-in")),
            ("staat", t!(L, "work-audit-field-state")),
            ("opmerking", t!(L, "work-audit-field-remark")),
            ("reden", t!(L, "work-audit-field-reason")),
            ("zichtbaarheid", t!(L, "work-audit-field-visibility")),
            ("vaststelling", t!(L, "work-audit-field-adoption")),
        ],
        reaction_no: |id| t!(L, "work-reaction-no", id),
        sender_resident: t!(L, "work-sender-resident"),
        sender_council: t!(L, "work-sender-council"),
        select_for_joint: t!(L, "work-select-for-joint"),
        hidden_badge: t!(L, "work-hidden-badge"),
        hidden_because: t!(L, "work-hidden-because"),
        hidden_public: t!(L, "work-hidden-public"),
        hidden_for_sender: t!(L, "work-hidden-for-sender"),
        changed_after_adoption: t!(L, "work-changed-after-adoption"),
        label_reason: t!(L, "work-label-reason"),
        hint_reason: t!(L, "work-hint-reason"),
        review_title: t!(L, "work-review-title"),
        review_own_note: t!(L, "work-review-own-note"),
        label_remark: t!(L, "work-label-remark"),
        hint_remark: t!(L, "work-hint-remark"),
        approve: t!(L, "work-approve"),
        send_back: t!(L, "work-send-back"),
        remark: t!(L, "work-remark"),
        joint_badge: t!(L, "work-joint-badge"),
        hide: t!(L, "work-hide"),
        show_again: t!(L, "work-show-again"),
        hide_note: t!(L, "work-hide-note"),
        label_hide_reason: t!(L, "work-label-hide-reason"),
        reactions_title: t!(L, "work-reactions-title"),
        subnav_label: t!(L, "work-subnav-label"),
        filters_title: t!(L, "work-filters-title"),
        filter_block: t!(L, "work-filter-block"),
        label_search: t!(L, "work-label-search"),
        label_section: t!(L, "work-label-section"),
        any_section: t!(L, "work-any-section"),
        any_status: t!(L, "work-any-status"),
        not_answered: t!(L, "work-not-answered"),
        label_answer_state: t!(L, "work-label-answer-state"),
        any_state: t!(L, "work-any-state"),
        label_sender: t!(L, "work-label-sender"),
        any_sender: t!(L, "work-any-sender"),
        label_timing: t!(L, "work-label-timing"),
        any_timing: t!(L, "work-any-timing"),
        label_sort: t!(L, "work-label-sort"),
        only_hidden: t!(L, "work-only-hidden"),
        apply_filters: t!(L, "work-apply-filters"),
        clear_filters: t!(L, "work-clear-filters"),
        result_count: |n| t!(L, "work-result-count", n),
        no_results: t!(L, "work-no-results"),
        select_hint: t!(L, "work-select-hint"),
        answer_jointly: t!(L, "work-answer-jointly"),
        groups_link: t!(L, "work-groups-link"),
        pagination: t!(L, "work-pagination"),
        page: t!(L, "work-page"),
        previous_page: t!(L, "work-previous-page"),
        next_page: t!(L, "work-next-page"),
        joint_title: t!(L, "work-joint-title"),
        joint_heading: |n| t!(L, "work-joint-heading", n),
        joint_intro: t!(L, "work-joint-intro"),
        joint_saved: t!(L, "work-joint-saved"),
        save_joint: t!(L, "work-save-joint"),
        back_to_list: t!(L, "work-back-to-list"),
        groups_title: t!(L, "work-groups-title"),
        groups_intro: |n| t!(L, "work-groups-intro", n),
        group_heading: |n, kind, similarity| t!(L, "work-group-heading", n, kind, similarity),
        group_no: |n| t!(L, "work-group-no", n),
        group_near_duplicate: t!(L, "work-group-near-duplicate"),
        group_same_block: t!(L, "work-group-same-block"),
        audit_title: t!(L, "work-audit-title"),
        audit_intro: |n| t!(L, "work-audit-intro", n),
        audit_when: t!(L, "work-audit-when"),
        audit_who: t!(L, "work-audit-who"),
        audit_reaction: t!(L, "work-audit-reaction"),
        audit_what: t!(L, "work-audit-what"),
        audit_before: t!(L, "work-audit-before"),
        audit_after: t!(L, "work-audit-after"),
        dashboard_title: t!(L, "work-dashboard-title"),
        figure_total: t!(L, "work-figure-total"),
        figure_unanswered: t!(L, "work-figure-unanswered"),
        figure_hidden: t!(L, "work-figure-hidden"),
        figure_late: t!(L, "work-figure-late"),
        chart_title: t!(L, "work-chart-title"),
        heat_title: t!(L, "work-heat-title"),
        heat_hint: t!(L, "work-heat-hint"),
        heat_section: t!(L, "work-heat-section"),
        heat_count: t!(L, "work-heat-count"),
        adoption_title: t!(L, "work-adoption-title"),
        adoption_ready: |n| t!(L, "work-adoption-ready", n),
        adoption_not_ready: |n| t!(L, "work-adoption-not-ready", n),
        adoption_nothing: t!(L, "work-adoption-nothing"),
        adoption_admin_only: t!(L, "work-adoption-admin-only"),
        adopted_on: |date, n, who| t!(L, "work-adopted-on", date, n, who),
        adoption_done: t!(L, "work-adoption-done"),
        label_adopted_on: t!(L, "work-label-adopted-on"),
        hint_adopted_on: t!(L, "work-hint-adopted-on"),
        adopt: t!(L, "work-adopt"),
        roles: |role| match role {
            Role::Officer => t!(L, "work-role-officer"),
            Role::Reviewer => t!(L, "work-role-reviewer"),
            Role::Admin => t!(L, "work-role-admin"),
            Role::CouncilMember => "",
        },
        users_title: t!(L, "work-users-title"),
        users_intro: t!(L, "work-users-intro"),
        label_role: t!(L, "work-label-role"),
        change_role: t!(L, "work-change-role"),
        role_changed: t!(L, "work-role-changed"),
        own_role_note: t!(L, "work-own-role-note"),
        deactivate: t!(L, "work-deactivate"),
        reactivate: t!(L, "work-reactivate"),
        deactivated: t!(L, "work-deactivated"),
        deactivated_note: t!(L, "work-deactivated-note"),
    }
}

pub static NL: LazyLock<WorkMessages> = LazyLock::new(build::<Nl>);
pub static EN: LazyLock<WorkMessages> = LazyLock::new(build::<En>);
