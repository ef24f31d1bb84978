//! The authorization matrix: every server function, every page and every plain route, called as
//! each kind of person, compared with a table of what each may do.
//!
//! The table is complete by construction: `every_route_has_a_row` fails when a server function
//! (from the server_fn registry), a page (from the Leptos route list) or a plain route (read from
//! the source of `server/src/routes.rs`) has no row, and when a row names something that is gone.
//!
//! `authorization_matrix` builds one world (councils X of Lindeburg and Y of Waterhoven with a
//! member each, officers of both municipalities, a reviewer, an admin, a deactivated officer, a
//! resident with a tracking code, an open consultation, two in the advice round and a concept) and calls
//! every row as every identity. A row that changes something runs each cell on a copy of the
//! world's database, so that no cell sees what another did. Every answer that was let through is
//! also searched for things the identity must never see (a council's unsubmitted draft, a
//! member's or a resident's address, an unpublished answer, a concept consultation).

mod common;

use app::backend::AppState;
use app::backend::store::Store;
use app::domain::comment::CommentForm;
use app::domain::error::AppError;
use app::domain::role::Role;
use common::sink::link_path;
use common::*;
use leptos::config::Env;
use leptos::prelude::LeptosOptions;
use serde_json::Value;
use server::{ServerOptions, build_router};
use std::collections::{BTreeMap, BTreeSet};

// ---------------------------------------------------------------------------------------------
// Who calls.

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
enum Id {
    Anonymous,
    Resident,
    MemberX,
    MemberY,
    OfficerA,
    OfficerB,
    Reviewer,
    Admin,
    Deactivated,
}

use Id::*;

const IDS: [Id; 9] = [Anonymous, Resident, MemberX, MemberY, OfficerA, OfficerB, Reviewer, Admin, Deactivated];

impl Id {
    fn name(self) -> &'static str {
        match self {
            Anonymous => "anonymous",
            Resident => "resident",
            MemberX => "member_x",
            MemberY => "member_y",
            OfficerA => "officer_a",
            OfficerB => "officer_b",
            Reviewer => "reviewer",
            Admin => "admin",
            Deactivated => "deactivated",
        }
    }

    fn ip(self) -> [u8; 4] {
        [198, 18, 7, 10 + self as u8]
    }
}

// ---------------------------------------------------------------------------------------------
// What happens.

/// An expected outcome. `Denied` is any refusal, where which one does not matter.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Want {
    Ok,
    Unauthorized,
    Forbidden,
    NotFound,
    Denied,
}

/// An observed outcome.
#[derive(Clone, PartialEq, Eq, Debug)]
enum Got {
    Ok,
    Unauthorized,
    Forbidden,
    NotFound,
    Other(String),
}

impl Want {
    fn admits(self, got: &Got) -> bool {
        matches!(
            (self, got),
            (Want::Ok, Got::Ok)
                | (Want::Unauthorized, Got::Unauthorized)
                | (Want::Forbidden, Got::Forbidden)
                | (Want::NotFound, Got::NotFound)
                | (Want::Denied, Got::Unauthorized | Got::Forbidden | Got::NotFound)
        )
    }
}

impl std::fmt::Display for Want {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self, f)
    }
}

impl std::fmt::Display for Got {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Got::Other(what) => f.write_str(what),
            other => std::fmt::Debug::fmt(other, f),
        }
    }
}

/// Nine outcomes in the order of `IDS`: `ok`, `U`nauthorized, `F`orbidden, `N`ot found, `D`enied.
fn expect(spec: &str) -> [Want; 9] {
    let wants: Vec<Want> = spec
        .split_whitespace()
        .map(|token| match token {
            "ok" => Want::Ok,
            "U" => Want::Unauthorized,
            "F" => Want::Forbidden,
            "N" => Want::NotFound,
            "D" => Want::Denied,
            other => panic!("unknown outcome {other:?} in {spec:?}"),
        })
        .collect();
    wants.try_into().unwrap_or_else(|_| panic!("nine outcomes in {spec:?}"))
}

// The rules, one column per identity.
//                                  anon res  m_x  m_y  off_a off_b rev  admin deact
const PUBLIC: &str = "ok   ok   ok   ok   ok    ok    ok   ok    ok";
/// A concept consultation: staff, and members of a council asked on it (X); nobody else.
const CONCEPT: &str = "N    N    ok   N    ok    ok    ok   ok    N";
const STAFF: &str = "U    U    F    F    ok    ok    ok   ok    U";
const REVIEWERS: &str = "U    U    F    F    F     F     ok   ok    U";
const ADMIN: &str = "U    U    F    F    F     F     F    ok    U";
const MEMBERS: &str = "U    U    ok   ok   F     F     F    F     U";
/// Council X is Lindeburg's: its staff (officer_a, the reviewer) and the admin.
const STAFF_OF_X: &str = "U    U    F    F    ok    D     ok   ok    U";
const STAFF_OF_Y: &str = "U    U    F    F    D     ok    D    ok    U";
/// Council X's advice: its own member, Lindeburg's staff (an oral advice), the admin.
const WRITE_X: &str = "U    U    ok   F    ok    F     ok   ok    U";
const REPORT_X: &str = "U    U    F    F    ok    F     ok   ok    U";
/// Council X's workspace: its member; staff read it (without the council's draft).
const WORKSPACE_X: &str = "U    U    ok   F    ok    ok    ok   ok    U";
/// Recording the publication of council X's letter when there is none: its staff find nothing,
/// everyone else is refused before the lookup.
const LETTER_TOGGLE_X: &str = "U    U    F    F    N     F     N    N     U";
/// An unpublished but complete response letter to council X.
const LETTER_X: &str = "N    N    ok   N    ok    ok    ok   ok    N";
const NOTHING: &str = "N    N    N    N    N     N     N    N     N";
/// The advice editor of a consultation both councils were asked on.
const EDITOR_BOTH: &str = "U    U    ok   ok   D     D     D    D     U";
/// The advice editor of the concept consultation, on which only X was asked.
const EDITOR_X: &str = "U    U    ok   D    D     D     D    D     U";

// ---------------------------------------------------------------------------------------------
// The world's names.

const PW: &str = "matrix-wachtwoord-2026";
const OPEN: &str = "open-visie";
const ADVICE: &str = "advies-visie";
/// In the advice round too, but council X has not started: staff may enter an oral advice.
const ORAL: &str = "mondeling-visie";
const CONCEPT_SLUG: &str = "concept-visie";
const CONCEPT_TITLE: &str = "Conceptvisie Binnenstad";
const X: &str = "raad-x";
const Y: &str = "raad-y";
const X_NAME: &str = "Adviesraad Lindeburg";
const Y_NAME: &str = "Wmo-raad Waterhoven";

const OFFICER_A_EMAIL: &str = "anna@lindeburg.example";
const OFFICER_B_EMAIL: &str = "bram@waterhoven.example";
const REVIEWER_MAIL: &str = "rik@lindeburg.example";
const ADMIN_EMAIL: &str = "admin@regio.example";
const DEACTIVATED_EMAIL: &str = "oud@lindeburg.example";
const SPARE_EMAIL: &str = "reserve@lindeburg.example";
const MEMBER_X_EMAIL: &str = "henk@raad-x.example";
const MEMBER_Y_EMAIL: &str = "wim@raad-y.example";

const SECRET_DRAFT: &str = "GEHEIM-CONCEPTPUNT-VAN-RAAD-X";
const X_ANSWER: &str = "ONGEPUBLICEERD-ANTWOORD-AAN-RAAD-X";
const RESIDENT_NAME: &str = "Jan Verborgen";
const RESIDENT_EMAIL: &str = "jan.verborgen@voorbeeld.nl";

const STAFF_IDS: [Id; 4] = [OfficerA, OfficerB, Reviewer, Admin];

/// What no answer may show to anyone but these.
const LEAKS: &[(&str, &str, &[Id])] = &[
    (SECRET_DRAFT, "council X's unsubmitted draft", &[MemberX]),
    (MEMBER_X_EMAIL, "a council member's e-mail address", &[MemberX, OfficerA, Reviewer, Admin]),
    (RESIDENT_EMAIL, "the resident's e-mail address", &STAFF_IDS),
    (RESIDENT_NAME, "the resident's (unpublished) name", &STAFF_IDS),
    (X_ANSWER, "the unpublished answer to council X", &[MemberX, OfficerA, OfficerB, Reviewer, Admin]),
    (CONCEPT_TITLE, "the concept consultation", &[MemberX, OfficerA, OfficerB, Reviewer, Admin]),
];

/// The values the table's calls need, found while the world is built.
#[derive(Default, Clone)]
struct W {
    code: String,
    c1: i64,
    c1_revision: i64,
    c2: i64,
    c3: i64,
    p_secret: i64,
    p_x: i64,
    member_x_id: i64,
    spare_id: i64,
    failed_mail: i64,
    invite_token: String,
    confirm_token: String,
    unsubscribe_token: String,
    other_echo: String,
}

// ---------------------------------------------------------------------------------------------
// The table.

#[derive(Clone, Copy, PartialEq, Eq, Debug, PartialOrd, Ord)]
enum Kind {
    ServerFn,
    Page,
    Plain,
}

enum Req {
    Get(String),
    Call(Vec<(String, String)>),
    Multipart(Vec<(String, String)>, String, Vec<u8>),
    /// `formulier`: the identity posts a refused plain form, then asks for its echo.
    EchoOwn,
    /// `formulier` with the token of another browser's refused form.
    EchoOf(String),
}

type Check = Box<dyn Fn(Id, &TestResponse) -> Result<(), String>>;

struct Row {
    kind: Kind,
    /// The path as registered: `/api/raad`, `/consultaties/{slug}`.
    path: &'static str,
    note: String,
    req: Req,
    /// Changes something: each cell runs on its own copy of the world.
    writes: bool,
    want: [Want; 9],
    check: Option<Check>,
}

impl Row {
    fn label(&self) -> String {
        if self.note.is_empty() { self.path.to_string() } else { format!("{} [{}]", self.path, self.note) }
    }

    fn with(mut self, check: impl Fn(Id, &TestResponse) -> Result<(), String> + 'static) -> Self {
        self.check = Some(Box::new(check));
        self
    }
}

const READ: bool = false;
const WRITE: bool = true;

fn f(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    fields(pairs)
}

fn sf(path: &'static str, note: &str, fields: Vec<(String, String)>, writes: bool, want: &str) -> Row {
    Row { kind: Kind::ServerFn, path, note: note.into(), req: Req::Call(fields), writes, want: expect(want), check: None }
}

fn page(path: &'static str, note: &str, uri: &str, want: &str) -> Row {
    Row { kind: Kind::Page, path, note: note.into(), req: Req::Get(uri.into()), writes: READ, want: expect(want), check: None }
}

fn plain(path: &'static str, note: &str, uri: &str, writes: bool, want: &str) -> Row {
    Row { kind: Kind::Plain, path, note: note.into(), req: Req::Get(uri.into()), writes, want: expect(want), check: None }
}

/// `wie`: nobody for the anonymous, the resident and the deactivated officer.
fn who_check(id: Id, response: &TestResponse) -> Result<(), String> {
    let nobody = response.body.trim() == "null";
    let want_nobody = matches!(id, Anonymous | Resident | Deactivated);
    if nobody == want_nobody { Ok(()) } else { Err(format!("says {}", response.body.trim())) }
}

/// The councils list: each officer sees the councils of their own municipality only.
fn councils_check(id: Id, response: &TestResponse) -> Result<(), String> {
    let seen = (response.body.contains(X_NAME), response.body.contains(Y_NAME));
    let want = match id {
        OfficerA | Reviewer => (true, false),
        OfficerB => (false, true),
        Admin => (true, true),
        _ => return Ok(()),
    };
    if seen == want { Ok(()) } else { Err(format!("lists council X: {}, council Y: {}", seen.0, seen.1)) }
}

fn table(w: &W) -> Vec<Row> {
    let today = app::backend::services::today().to_string();
    let (c1, c2, c3) = (w.c1.to_string(), w.c2.to_string(), w.c3.to_string());
    let (p_x, p_secret) = (w.p_x.to_string(), w.p_secret.to_string());
    let code = w.code.as_str();
    let resident_comment = comment_fields(&comment(OPEN, "h1-1", "Nog een reactie, uit de matrix."));
    let joint = {
        let mut f = f(&[("form[slug]", OPEN), ("form[body]", "Wij nemen dit mee."), ("form[state]", "concept")]);
        for id in [&c2, &c3] {
            f.push((format!("form[statuses][{id}]"), "verwerkt".into()));
            f.push((format!("form[revisions][{id}]"), String::new()));
        }
        f
    };
    let point_answer = {
        let mut f = f(&[
            ("consultation", OPEN),
            ("council", X),
            ("form[body]", "Het college neemt dit over."),
            ("form[processed_where]", ""),
            ("form[state]", "definitief"),
        ]);
        f.push(("form[points][]".into(), p_x.clone()));
        f.push(("form[statuses][]".into(), format!("{p_x}:verwerkt")));
        f
    };
    let report = "Verslag van de vergadering.\n\n1. Eerste punt uit het verslag.\n2. Tweede punt uit het verslag.\n";
    let new_consultation = Row {
        kind: Kind::ServerFn,
        path: "/api/nieuwe-consultatie",
        note: String::new(),
        req: Req::Multipart(
            f(&[
                ("title", "Nieuw beleid"),
                ("slug", "nieuw-beleid"),
                ("description", ""),
                ("opens", "2030-01-01"),
                ("closes", "2030-02-15"),
                ("phase", "concept"),
            ]),
            "nieuw-beleid.md".into(),
            b"# Nieuw beleid\n\nEen alinea.\n".to_vec(),
        ),
        writes: WRITE,
        want: expect(STAFF),
        check: None,
    };

    let council_letter = Row {
        kind: Kind::ServerFn,
        path: "/api/advies-brief",
        note: "council X, no draft yet".into(),
        req: Req::Multipart(
            f(&[("consultation", ORAL), ("council", X), ("publish", "on")]),
            "advies.pdf".into(),
            b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".to_vec(),
        ),
        writes: WRITE,
        want: expect(REPORT_X),
        check: None,
    };

    // A municipality's logo: its own staff only (PNG, the smallest there is).
    let logo = |municipality: &'static str, want: &str| Row {
        kind: Kind::ServerFn,
        path: "/api/gemeentelogo",
        note: municipality.into(),
        req: Req::Multipart(f(&[("municipality", municipality)]), "logo.png".into(), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec()),
        writes: WRITE,
        want: expect(want),
        check: None,
    };
    let (logo_x, logo_y) = (logo("Lindeburg", STAFF_OF_X), logo("Waterhoven", STAFF_OF_Y));

    let new_version = Row {
        kind: Kind::ServerFn,
        path: "/api/nieuwe-versie",
        note: String::new(),
        req: Req::Multipart(
            f(&[("consultation", OPEN), ("name", "Versie voor inspraak"), ("note", "")]),
            "visie-v2.md".into(),
            b"# Testvisie\n\n## 1. Inleiding\n\nEen nieuwe alinea.\n".to_vec(),
        ),
        writes: WRITE,
        want: expect(STAFF),
        check: None,
    };

    let mut rows = vec![
        // --- Server functions: public (residents), rate limited. ---
        sf("/api/consultaties", "", f(&[]), READ, PUBLIC),
        sf("/api/consultatie", "open", f(&[("slug", OPEN)]), READ, PUBLIC),
        sf("/api/consultatie", "concept", f(&[("slug", CONCEPT_SLUG)]), READ, CONCEPT),
        sf("/api/resultaat", "open", f(&[("slug", OPEN)]), READ, PUBLIC),
        // One version only: there is nothing to compare, for anyone.
        sf("/api/wijzigingen", "open, one version", f(&[("slug", OPEN), ("version", "2")]), READ, NOTHING),
        sf("/api/wijzigingen", "concept", f(&[("slug", CONCEPT_SLUG), ("version", "2")]), READ, NOTHING),
        sf("/api/resultaat", "concept", f(&[("slug", CONCEPT_SLUG)]), READ, CONCEPT),
        sf("/api/reactienota", "open", f(&[("slug", OPEN)]), READ, PUBLIC),
        sf("/api/reactienota", "concept", f(&[("slug", CONCEPT_SLUG)]), READ, CONCEPT),
        sf("/api/collegereacties", "open", f(&[("consultation", OPEN)]), READ, PUBLIC),
        sf("/api/collegereacties", "concept", f(&[("consultation", CONCEPT_SLUG)]), READ, CONCEPT),
        sf("/api/collegereactie", "published, council Y", f(&[("consultation", OPEN), ("council", Y)]), READ, PUBLIC),
        sf("/api/collegereactie", "unpublished, council X", f(&[("consultation", OPEN), ("council", X)]), READ, LETTER_X),
        sf("/api/reageer", "", resident_comment, WRITE, PUBLIC),
        sf("/api/volg", "resident's code", f(&[("code", code)]), READ, PUBLIC),
        sf("/api/volg", "wrong code", f(&[("code", "22222-22222")]), READ, NOTHING),
        sf("/api/volgcodes", "", f(&[("email", RESIDENT_EMAIL)]), WRITE, PUBLIC),
        sf("/api/wissen", "resident's code", f(&[("code", code), ("confirm", "on")]), WRITE, PUBLIC),
        sf("/api/maillink", "bevestigen", f(&[("purpose", "bevestigen"), ("token", &w.confirm_token)]), WRITE, PUBLIC),
        sf("/api/uitnodiging", "", f(&[("token", &w.invite_token)]), READ, PUBLIC),
        sf(
            "/api/uitnodiging-aannemen",
            "",
            f(&[("form[token]", &w.invite_token), ("form[password]", PW), ("form[password_again]", PW)]),
            WRITE,
            PUBLIC,
        ),
        sf("/api/inloggen", "", f(&[("email", SPARE_EMAIL), ("password", PW)]), WRITE, PUBLIC),
        sf("/api/uitloggen", "", f(&[]), WRITE, PUBLIC),
        sf("/api/wie", "", f(&[]), READ, PUBLIC).with(who_check),
        Row {
            kind: Kind::ServerFn,
            path: "/api/formulier",
            note: "own refused form".into(),
            req: Req::EchoOwn,
            writes: READ,
            want: expect(PUBLIC),
            check: None,
        },
        Row {
            kind: Kind::ServerFn,
            path: "/api/formulier",
            note: "another browser's token".into(),
            req: Req::EchoOf(w.other_echo.clone()),
            writes: READ,
            want: expect(NOTHING),
            check: None,
        },
        // --- Server functions: staff. ---
        sf("/api/beheer-consultaties", "", f(&[]), READ, STAFF),
        sf("/api/beheer-reacties", "", f(&[("slug", OPEN), ("query", "")]), READ, STAFF),
        sf("/api/beheer-overzicht", "", f(&[("slug", OPEN)]), READ, STAFF),
        sf("/api/beheer-selectie", "", f(&[("slug", OPEN), ("query", &format!("r={c2}&r={c3}"))]), READ, STAFF),
        sf("/api/beheer-groepen", "", f(&[("slug", OPEN)]), READ, STAFF),
        sf("/api/beheer-versies", "", f(&[("slug", OPEN)]), READ, STAFF),
        sf("/api/beheer-na-te-kijken", "", f(&[("slug", OPEN)]), READ, STAFF),
        // An unknown decision is refused in words (200) before anything is looked up.
        sf("/api/koppeling", "", f(&[("form[consultation]", OPEN), ("form[block]", "1"), ("form[decision]", "weet-niet")]), WRITE, STAFF),
        new_version,
        sf("/api/verloop", "", f(&[("slug", OPEN)]), READ, STAFF),
        sf("/api/antwoord", "", answer_fields(w.c2, "Dank voor uw reactie.", "verwerkt", "", "concept"), WRITE, STAFF),
        sf("/api/gezamenlijk-antwoord", "", joint, WRITE, STAFF),
        sf(
            "/api/zichtbaarheid",
            "",
            f(&[("form[comment]", &c2), ("form[hide]", "ja"), ("form[reason]", "Bevat persoonsgegevens van een derde.")]),
            WRITE,
            STAFF,
        ),
        sf(
            "/api/beoordeling",
            "",
            f(&[
                ("form[comment]", &c1),
                ("form[revision]", &w.c1_revision.to_string()),
                ("form[decision]", "goedkeuren"),
                ("form[remark]", ""),
            ]),
            WRITE,
            REVIEWERS,
        ),
        sf("/api/vaststelling", "", f(&[("form[slug]", OPEN), ("form[adopted_on]", &today)]), WRITE, ADMIN),
        sf("/api/fase", "", f(&[("form[consultation]", CONCEPT_SLUG), ("form[phase]", "advies"), ("form[date]", &today)]), WRITE, STAFF),
        sf(
            "/api/mijlpaal",
            "",
            f(&[("form[consultation]", OPEN), ("form[date]", &today), ("form[text]", "Informatieavond gehouden")]),
            WRITE,
            STAFF,
        ),
        sf("/api/raad-vragen", "", f(&[("consultation", CONCEPT_SLUG), ("council", Y)]), WRITE, STAFF),
        new_consultation,
        council_letter,
        logo_x,
        logo_y,
        sf("/api/beheer-logboek", "", f(&[("slug", OPEN), ("page", "1")]), READ, ADMIN),
        sf("/api/beheer-gebruikers", "", f(&[]), READ, ADMIN),
        sf("/api/rol", "", f(&[("form[user]", &w.spare_id.to_string()), ("form[role]", "reviewer")]), WRITE, ADMIN),
        sf("/api/gebruiker-actief", "", f(&[("form[user]", &w.spare_id.to_string()), ("form[active]", "nee")]), WRITE, ADMIN),
        sf("/api/beheer/post", "", f(&[]), READ, ADMIN),
        sf("/api/beheer/post/opnieuw", "", f(&[("id", &w.failed_mail.to_string())]), WRITE, ADMIN),
        // --- Server functions: councils. ---
        sf("/api/raden", "", f(&[]), READ, STAFF).with(councils_check),
        sf("/api/raad", "council X", f(&[("council", X)]), READ, STAFF_OF_X),
        sf(
            "/api/raad-uitnodigen",
            "council X",
            f(&[("form[council]", X), ("form[name]", "Nieuw Lid"), ("form[email]", "nieuw.lid@raad-x.example")]),
            WRITE,
            STAFF_OF_X,
        ),
        sf("/api/raad-lid-weg", "council X", f(&[("council", X), ("member", &w.member_x_id.to_string())]), WRITE, STAFF_OF_X),
        sf(
            "/api/raad-nieuw",
            "Lindeburg",
            f(&[
                ("form[name]", "Jongerenraad Lindeburg"),
                ("form[municipality]", "Lindeburg"),
                ("form[kind]", "jongeren"),
                ("form[slug]", ""),
            ]),
            WRITE,
            STAFF_OF_X,
        ),
        sf(
            "/api/raad-nieuw",
            "Waterhoven",
            f(&[
                ("form[name]", "Jongerenraad Waterhoven"),
                ("form[municipality]", "Waterhoven"),
                ("form[kind]", "jongeren"),
                ("form[slug]", ""),
            ]),
            WRITE,
            STAFF_OF_Y,
        ),
        sf("/api/afzenders", "", f(&[]), READ, STAFF),
        sf(
            "/api/afzender",
            "Lindeburg",
            f(&[("form[municipality]", "Lindeburg"), ("form[sender]", "College van B&W van Lindeburg")]),
            WRITE,
            STAFF_OF_X,
        ),
        sf(
            "/api/afzender",
            "Waterhoven",
            f(&[("form[municipality]", "Waterhoven"), ("form[sender]", "College van B&W van Waterhoven")]),
            WRITE,
            STAFF_OF_Y,
        ),
        sf("/api/mijn-raad", "", f(&[]), READ, MEMBERS),
        // --- Server functions: advice (council X; in the advice round it has a draft). ---
        sf("/api/advies-werkruimte", "council X, draft", f(&[("consultation", ADVICE), ("council", X)]), READ, WORKSPACE_X),
        sf(
            "/api/advies-inleiding",
            "council X",
            f(&[("form[consultation]", ADVICE), ("form[council]", X), ("form[intro]", "De raad adviseert."), ("form[received_on]", "")]),
            WRITE,
            WRITE_X,
        ),
        sf(
            "/api/advies-punt",
            "council X",
            f(&[("form[consultation]", ADVICE), ("form[council]", X), ("form[point]", ""), ("form[body]", "Nog een punt.")]),
            WRITE,
            WRITE_X,
        ),
        sf("/api/advies-punt-weg", "council X", f(&[("consultation", ADVICE), ("council", X), ("point", &p_secret)]), WRITE, WRITE_X),
        sf("/api/advies-indienen", "council X", f(&[("consultation", ADVICE), ("council", X)]), WRITE, WRITE_X),
        sf("/api/advies-correctie", "council X", f(&[("consultation", ADVICE), ("council", X)]), WRITE, WRITE_X),
        sf("/api/advies-verslag", "council X", f(&[("consultation", ADVICE), ("council", X), ("text", report)]), WRITE, REPORT_X),
        sf(
            "/api/advies-inleiding",
            "council X, no draft yet",
            f(&[("form[consultation]", ORAL), ("form[council]", X), ("form[intro]", "Mondeling advies."), ("form[received_on]", "")]),
            WRITE,
            WRITE_X,
        ),
        sf(
            "/api/advies-punt",
            "council X, no draft yet",
            f(&[("form[consultation]", ORAL), ("form[council]", X), ("form[point]", ""), ("form[body]", "Een mondeling punt.")]),
            WRITE,
            WRITE_X,
        ),
        sf(
            "/api/advies-verslag",
            "council X, no draft yet",
            f(&[("consultation", ORAL), ("council", X), ("text", report)]),
            WRITE,
            REPORT_X,
        ),
        sf(
            "/api/advies-brief-publicatie",
            "council X, no letter yet",
            f(&[("consultation", ORAL), ("council", X), ("publish", "ja")]),
            WRITE,
            LETTER_TOGGLE_X,
        ),
        sf("/api/advies-beheer", "council X, submitted", f(&[("consultation", OPEN), ("council", X)]), READ, STAFF),
        sf("/api/advies-antwoord", "council X", point_answer, WRITE, STAFF_OF_X),
        sf(
            "/api/advies-opening",
            "council X",
            f(&[("consultation", OPEN), ("council", X), ("body", "Het college dankt de raad.")]),
            WRITE,
            STAFF_OF_X,
        ),
        sf("/api/advies-publiceren", "council X", f(&[("consultation", OPEN), ("council", X)]), WRITE, STAFF_OF_X),
    ];

    let open = |p: &str| p.replace("{slug}", OPEN);
    let concept = |p: &str| p.replace("{slug}", CONCEPT_SLUG);
    // --- Pages. ---
    rows.extend([
        page("/", "", "/", PUBLIC),
        page("/inloggen", "", "/inloggen", PUBLIC),
        page("/volg", "", "/volg", PUBLIC),
        page("/volg/kwijt", "", "/volg/kwijt", PUBLIC),
        page("/volg/{code}", "resident's code", &format!("/volg/{code}"), PUBLIC),
        page("/volg/{code}", "wrong code", "/volg/22222-22222", NOTHING),
        page("/bevestigen/{token}", "", &format!("/bevestigen/{}", w.confirm_token), PUBLIC),
        page("/afmelden/{token}", "", &format!("/afmelden/{}", w.unsubscribe_token), PUBLIC),
        page("/wissen/{token}", "", "/wissen/een-token-uit-een-mail", PUBLIC),
        page("/uitnodiging/{token}", "", &format!("/uitnodiging/{}", w.invite_token), PUBLIC),
        page("/beheer", "", "/beheer", STAFF),
        page("/beheer/nieuw", "", "/beheer/nieuw", STAFF),
        page("/beheer/consultaties/{slug}", "open", &open("/beheer/consultaties/{slug}"), STAFF),
        page("/beheer/consultaties/{slug}/reacties", "", &open("/beheer/consultaties/{slug}/reacties"), STAFF),
        page("/beheer/consultaties/{slug}/gezamenlijk", "", &format!("/beheer/consultaties/{OPEN}/gezamenlijk?r={c2}&r={c3}"), STAFF),
        page("/beheer/consultaties/{slug}/groepen", "", &open("/beheer/consultaties/{slug}/groepen"), STAFF),
        page("/beheer/consultaties/{slug}/logboek", "", &open("/beheer/consultaties/{slug}/logboek"), ADMIN),
        page(
            "/beheer/consultaties/{slug}/adviezen/{council}",
            "council X, submitted",
            &format!("/beheer/consultaties/{OPEN}/adviezen/{X}"),
            STAFF,
        ),
        page(
            "/beheer/consultaties/{slug}/adviezen/{council}",
            "council X, draft",
            &format!("/beheer/consultaties/{ADVICE}/adviezen/{X}"),
            STAFF,
        ),
        page("/beheer/raden", "", "/beheer/raden", STAFF).with(councils_check),
        page("/beheer/consultaties/{slug}/na-te-kijken", "", &format!("/beheer/consultaties/{OPEN}/na-te-kijken"), STAFF),
        page("/consultaties/{slug}/versies/{versie}", "open, version 1", &format!("/consultaties/{OPEN}/versies/1"), PUBLIC),
        page("/consultaties/{slug}/versies/{versie}", "concept, version 1", &format!("/consultaties/{CONCEPT_SLUG}/versies/1"), CONCEPT),
        page(
            "/consultaties/{slug}/versies/{versie}/wijzigingen",
            "open, one version",
            &format!("/consultaties/{OPEN}/versies/2/wijzigingen"),
            NOTHING,
        ),
        page("/beheer/raden/{council}", "council X", &format!("/beheer/raden/{X}"), STAFF_OF_X),
        page("/beheer/gebruikers", "", "/beheer/gebruikers", ADMIN),
        page("/beheer/post", "", "/beheer/post", ADMIN),
        page("/raad", "", "/raad", MEMBERS),
        page("/raad/{slug}", "advice round, X and Y asked", &format!("/raad/{ADVICE}"), EDITOR_BOTH),
        page("/raad/{slug}", "concept, only X asked", &format!("/raad/{CONCEPT_SLUG}"), EDITOR_X),
        page("/consultaties/{slug}/adviezen/{council}", "published, council Y", &format!("/consultaties/{OPEN}/adviezen/{Y}"), PUBLIC),
        page("/consultaties/{slug}/adviezen/{council}", "unpublished, council X", &format!("/consultaties/{OPEN}/adviezen/{X}"), LETTER_X),
    ]);
    for path in
        ["/consultaties/{slug}", "/consultaties/{slug}/reactienota", "/consultaties/{slug}/resultaat", "/consultaties/{slug}/adviezen"]
    {
        rows.push(page(path, "open", &open(path), PUBLIC));
        rows.push(page(path, "concept", &concept(path), CONCEPT));
    }

    // --- Plain routes. ---
    for path in [
        "/consultaties/{slug}/reactienota.html",
        "/consultaties/{slug}/reactienota.md",
        "/consultaties/{slug}/reactienota.docx",
        "/consultaties/{slug}/reactienota.xlsx",
        "/consultaties/{slug}/reactienota.csv",
    ] {
        rows.push(plain(path, "open", &open(path), READ, PUBLIC));
        rows.push(plain(path, "concept", &concept(path), READ, CONCEPT));
    }
    // Publications for everyone (the Woo dossier, open data): a concept has none, for nobody.
    for path in [
        "/consultaties/{slug}/dossier.zip",
        "/api/v1/consultaties/{slug}",
        "/api/v1/consultaties/{slug}/reacties",
        "/api/v1/consultaties/{slug}/adviezen",
    ] {
        rows.push(plain(path, "open", &open(path), READ, PUBLIC));
        rows.push(plain(path, "concept", &concept(path), READ, NOTHING));
    }
    for path in ["/consultaties/{slug}/adviezen/{council}/collegereactie.md", "/consultaties/{slug}/adviezen/{council}/collegereactie.docx"]
    {
        rows.push(plain(path, "published, council Y", &open(path).replace("{council}", Y), READ, PUBLIC));
        rows.push(plain(path, "unpublished, council X", &open(path).replace("{council}", X), READ, LETTER_X));
    }
    // A council's own letter: none here, so for nobody (its rules are in the advice tests).
    let council_letter = "/consultaties/{slug}/adviezen/{council}/brief.pdf";
    rows.push(plain(council_letter, "published, council Y, no letter", &open(council_letter).replace("{council}", Y), READ, NOTHING));
    // Logos are public once set; this one does not exist.
    rows.push(plain("/gemeentelogo/{id}", "no such logo", "/gemeentelogo/999999", READ, NOTHING));
    rows.extend([
        plain("/consultaties/{slug}/downloaden", "open", &format!("/consultaties/{OPEN}/downloaden?formaat=csv"), READ, PUBLIC),
        plain("/api/v1/consultaties", "", "/api/v1/consultaties", READ, PUBLIC),
        // Sets the language cookie: on a copy, so that the other rows stay in Dutch.
        plain("/taal/{code}", "", "/taal/en?terug=/", WRITE, PUBLIC),
    ]);
    rows
}

// ---------------------------------------------------------------------------------------------
// The world.

struct World {
    app: TestApp,
    clients: Vec<Client>,
    w: W,
    notes: Vec<String>,
}

/// The inner value of a `FormOutcome::Done` answer to a set-up call.
fn done(what: &str, response: &TestResponse) -> Value {
    assert!(response.status.is_success(), "set-up, {what}: {} {}", response.status, response.body);
    let value: Value = serde_json::from_str(&response.body).unwrap_or_else(|e| panic!("set-up, {what}: {e}: {}", response.body));
    value.get("Done").cloned().unwrap_or_else(|| panic!("set-up, {what}: refused: {}", response.body))
}

async fn signed_in(app: &TestApp, id: Id, email: &str) -> Client {
    let mut client = app.client_from(id.ip());
    done(&format!("{} signs in", id.name()), &client.login(email, PW).await);
    client
}

async fn council(admin: &mut Client, name: &str, municipality: &str, kind: &str, slug: &str) {
    let response = admin
        .call(
            "/api/raad-nieuw",
            &f(&[("form[name]", name), ("form[municipality]", municipality), ("form[kind]", kind), ("form[slug]", slug)]),
        )
        .await;
    done(&format!("council {slug}"), &response);
}

/// An invite's token, from the link the admin is shown.
async fn invite(admin: &mut Client, council: &str, name: &str, email: &str) -> String {
    let response =
        admin.call("/api/raad-uitnodigen", &f(&[("form[council]", council), ("form[name]", name), ("form[email]", email)])).await;
    let link = done(&format!("invite to {council}"), &response);
    link["path"].as_str().expect("invite path").trim_start_matches("/uitnodiging/").to_string()
}

async fn join(app: &TestApp, id: Id, token: &str) -> Client {
    let mut client = app.client_from(id.ip());
    let response =
        client.call("/api/uitnodiging-aannemen", &f(&[("form[token]", token), ("form[password]", PW), ("form[password_again]", PW)])).await;
    done(&format!("{} joins", id.name()), &response);
    client
}

async fn advice_point(member: &mut Client, consultation: &str, council: &str, body: &str) -> i64 {
    let response = member
        .call(
            "/api/advies-punt",
            &f(&[("form[consultation]", consultation), ("form[council]", council), ("form[point]", ""), ("form[body]", body)]),
        )
        .await;
    done(&format!("advice point for {council} on {consultation}"), &response).as_i64().expect("point id")
}

/// The admin answers a submitted advice's first point finally and writes the letter's opening.
async fn answer_advice(admin: &mut Client, consultation: &str, council: &str, answer: &str) -> i64 {
    let view = admin.call("/api/advies-beheer", &f(&[("consultation", consultation), ("council", council)])).await;
    assert!(view.status.is_success(), "set-up, advice of {council}: {}", view.body);
    let view: Value = view.json();
    let point = view["points"][0]["point"]["id"].as_i64().expect("a submitted point");
    let mut form = f(&[
        ("consultation", consultation),
        ("council", council),
        ("form[body]", answer),
        ("form[processed_where]", ""),
        ("form[state]", "definitief"),
    ]);
    form.push(("form[points][]".into(), point.to_string()));
    form.push(("form[statuses][]".into(), format!("{point}:verwerkt")));
    done(&format!("answer to {council}"), &admin.call("/api/advies-antwoord", &form).await);
    let opening = f(&[("consultation", consultation), ("council", council), ("body", "Het college dankt de raad voor het advies.")]);
    done(&format!("opening for {council}"), &admin.call("/api/advies-opening", &opening).await);
    point
}

/// The `?formulier=` token in the address a refused plain form post sends the browser to.
fn echo_token(response: &TestResponse) -> Option<String> {
    let location = response.header("location")?;
    let start = location.find("formulier=")? + "formulier=".len();
    Some(location[start..].split(['&', '#']).next()?.to_string())
}

async fn world() -> World {
    let app = TestApp::new().await;
    let mut notes = Vec::new();
    let hash = app::backend::auth::hash_password(PW).unwrap();
    let accounts: [(&str, &str, Role, Option<&str>); 6] = [
        (OFFICER_A_EMAIL, "Anna (Lindeburg)", Role::Officer, Some("Lindeburg")),
        (OFFICER_B_EMAIL, "Bram (Waterhoven)", Role::Officer, Some("Waterhoven")),
        (REVIEWER_MAIL, "Rik (Lindeburg)", Role::Reviewer, Some("Lindeburg")),
        (ADMIN_EMAIL, "Beheerder", Role::Admin, None),
        (DEACTIVATED_EMAIL, "Oud-medewerker (Lindeburg)", Role::Officer, Some("Lindeburg")),
        (SPARE_EMAIL, "Reserve (Lindeburg)", Role::Officer, Some("Lindeburg")),
    ];
    let mut user_ids = BTreeMap::new();
    for (email, name, role, municipality) in accounts {
        user_ids.insert(email, app.store.create_staff(email, name, &hash, role, municipality).await.expect("staff account"));
    }
    let mut admin = signed_in(&app, Admin, ADMIN_EMAIL).await;
    let mut officer_a = signed_in(&app, OfficerA, OFFICER_A_EMAIL).await;
    let officer_b = signed_in(&app, OfficerB, OFFICER_B_EMAIL).await;
    let reviewer = signed_in(&app, Reviewer, REVIEWER_MAIL).await;
    let deactivated = signed_in(&app, Deactivated, DEACTIVATED_EMAIL).await;

    // Two councils of two municipalities, a member each through the real invite, and an invite
    // nobody used yet.
    council(&mut admin, X_NAME, "Lindeburg", "sociaal_domein", X).await;
    council(&mut admin, Y_NAME, "Waterhoven", "wmo", Y).await;
    let token_x = invite(&mut admin, X, "Henk", MEMBER_X_EMAIL).await;
    let token_y = invite(&mut admin, Y, "Wim", MEMBER_Y_EMAIL).await;
    let invite_token = invite(&mut admin, X, "Nog Niet Lid", "nog.niet@raad-x.example").await;
    let mut member_x = join(&app, MemberX, &token_x).await;
    let mut member_y = join(&app, MemberY, &token_y).await;
    let member_x_id = app.store.user_by_email(MEMBER_X_EMAIL).await.unwrap().expect("member X").id;

    // The open consultation starts in its advice round: both councils advise, X's letter is
    // complete but not published, Y's is published; then the comment period begins.
    app.seed_consultation_in(OPEN, "Visie op de wijk 2027", -7, 21, "advies").await;
    app.seed_consultation_in(ADVICE, "Regiovisie in adviesronde", 30, 72, "advies").await;
    app.seed_consultation_in(ORAL, "Visie met een mondeling advies", 30, 72, "advies").await;
    app.seed_consultation_in(CONCEPT_SLUG, CONCEPT_TITLE, 30, 72, "concept").await;
    for (consultation, council) in [(OPEN, X), (OPEN, Y), (ADVICE, X), (ADVICE, Y), (ORAL, X), (CONCEPT_SLUG, X)] {
        let response = admin.call("/api/raad-vragen", &f(&[("consultation", consultation), ("council", council)])).await;
        done(&format!("ask {council} on {consultation}"), &response);
    }
    for (member, council) in [(&mut member_x, X), (&mut member_y, Y)] {
        advice_point(member, OPEN, council, &format!("Het advies van {council}.")).await;
        done("submit", &member.call("/api/advies-indienen", &f(&[("consultation", OPEN), ("council", council)])).await);
    }
    let p_x = answer_advice(&mut admin, OPEN, X, X_ANSWER).await;
    answer_advice(&mut admin, OPEN, Y, "Het college neemt het advies van raad Y over.").await;
    done("publish Y", &admin.call("/api/advies-publiceren", &f(&[("consultation", OPEN), ("council", Y)])).await);
    let p_secret = advice_point(&mut member_x, ADVICE, X, SECRET_DRAFT).await;
    let today = app::backend::services::today().to_string();
    let phase = f(&[("form[consultation]", OPEN), ("form[phase]", "inspraak"), ("form[date]", &today)]);
    done("comment period opens", &admin.call("/api/fase", &phase).await);

    // A resident with a name and an address (not to be published), and two other reactions.
    let mut resident = app.client_from(Resident.ip());
    let form = CommentForm {
        name: RESIDENT_NAME.into(),
        email: RESIDENT_EMAIL.into(),
        consent: Some("on".into()),
        ..comment(OPEN, "h1-1", "Het wijkteam moet ook 's avonds open zijn.")
    };
    let receipt = done("the resident's reaction", &resident.submit(&form).await);
    let code = receipt["code"].as_str().expect("tracking code").to_string();
    let mut stranger = app.client_from([198, 18, 7, 99]);
    for (block, body) in [("h1-2", "Meer bankjes in het park."), ("h2-1", "Meer bankjes bij het station.")] {
        done("another reaction", &stranger.submit(&comment(OPEN, block, body)).await);
    }
    let c1 = app.comment_id(OPEN, "Het wijkteam moet ook 's avonds open zijn.").await;
    let c2 = app.comment_id(OPEN, "Meer bankjes in het park.").await;
    let c3 = app.comment_id(OPEN, "Meer bankjes bij het station.").await;
    // officer_a offers an answer to c1 for review (the reviewer and the admin may approve it).
    let saved = done(
        "answer for review",
        &officer_a
            .call("/api/antwoord", &answer_fields(c1, "Wij bekijken de openingstijden.", "verwerkt", "1, alinea 1", "ter_beoordeling"))
            .await,
    );
    let c1_revision = saved["revisions"][0]["revision_no"].as_i64().expect("revision");

    // The receipt mail's links, and a failed mail for the admin to retry.
    let outbox = app.store.outbox_unsent(100).await.unwrap();
    let receipt_mail = outbox.iter().find(|m| m.body.contains("/bevestigen/")).expect("the receipt mail is in the outbox");
    let token_of = |prefix: &str| {
        link_path(&receipt_mail.body, prefix).unwrap_or_else(|| panic!("no {prefix} link")).trim_start_matches(prefix).to_string()
    };
    let (confirm_token, unsubscribe_token) = (token_of("/bevestigen/"), token_of("/afmelden/"));
    app.store.mark_mail_failed(receipt_mail.id, 8, None, "matrix: server weigert").await.unwrap();

    // A refused plain form of another browser, for its echo token.
    let refused = stranger.post_form("/api/volgcodes", &f(&[("email", "")]), "/volg/kwijt").await;
    let other_echo = echo_token(&refused).unwrap_or_else(|| {
        notes.push(format!("no form echo token from a refused plain form post ({})", refused.status));
        String::new()
    });

    // The former officer is deactivated while signed in; their browser keeps its cookie.
    let deactivated_id = user_ids[&DEACTIVATED_EMAIL].to_string();
    let off = admin.call("/api/gebruiker-actief", &f(&[("form[user]", &deactivated_id), ("form[active]", "nee")])).await;
    if !(off.status.is_success() && off.body.contains("Done")) {
        notes.push(format!("deactivating through /api/gebruiker-actief failed ({}): the deactivated officer is still active", off.status));
    }

    let anonymous = app.client_from(Anonymous.ip());
    let clients = vec![anonymous, resident, member_x, member_y, officer_a, officer_b, reviewer, admin, deactivated];
    let w = W {
        code,
        c1,
        c1_revision,
        c2,
        c3,
        p_secret,
        p_x,
        member_x_id,
        spare_id: user_ids[&SPARE_EMAIL],
        failed_mail: receipt_mail.id,
        invite_token,
        confirm_token,
        unsubscribe_token,
        other_echo,
    };
    World { app, clients, w, notes }
}

/// A copy of the world's database behind a router of its own (sessions included, so that the
/// identities' cookies work there too).
fn sqlite(store: &Store) -> &sqlx::SqlitePool {
    let app::backend::store::Pool::Sqlite(pool) = store.pool() else { panic!("the matrix runs on SQLite") };
    pool
}

async fn fork(template: &TestApp) -> TestApp {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("inspraak.db");
    sqlx::query("VACUUM INTO ?").bind(db.to_string_lossy().into_owned()).execute(sqlite(&template.store)).await.expect("database copied");
    let url = format!("sqlite://{}?mode=rwc", db.display());
    let store = Store::connect(&url).await.expect("copy opens");
    let state = AppState::new(store.clone(), &generous());
    let site_root = dir.path().join("site");
    std::fs::create_dir_all(&site_root).expect("site root");
    let leptos_options =
        LeptosOptions::builder().output_name("inspraak").site_root(site_root.to_string_lossy().to_string()).env(Env::PROD).build();
    let router = build_router(state.clone(), leptos_options, &ServerOptions::new(false)).await.expect("router builds");
    TestApp { router, store, state, dir, url }
}

// ---------------------------------------------------------------------------------------------
// Calling and classing.

async fn send(client: &mut Client, row: &Row) -> Result<TestResponse, String> {
    Ok(match &row.req {
        Req::Get(uri) => client.get(uri).await,
        Req::Call(fields) => client.call(row.path, fields).await,
        Req::Multipart(texts, file_name, bytes) => {
            let mut parts: Vec<Part<'_>> = texts.iter().map(|(k, v)| Part::Text(k, v)).collect();
            parts.push(Part::File { name: "file", file_name, bytes });
            client.call_multipart(row.path, &parts, "application/json", None).await
        }
        Req::EchoOwn => {
            let refused = client.post_form("/api/volgcodes", &f(&[("email", "")]), "/volg/kwijt").await;
            let token = echo_token(&refused).ok_or_else(|| format!("no echo token ({})", refused.status))?;
            client.call(row.path, &f(&[("token", &token)])).await
        }
        Req::EchoOf(token) => client.call(row.path, &f(&[("token", token)])).await,
    })
}

fn snippet(body: &str) -> String {
    let one_line: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    one_line.chars().take(60).collect()
}

fn class_server_fn(row: &Row, response: &TestResponse) -> Got {
    let status = response.status;
    if status.is_redirection() {
        return Got::Ok;
    }
    if status.is_success() {
        let Ok(value) = serde_json::from_str::<Value>(&response.body) else {
            return Got::Other(format!("{} not JSON: {}", status.as_u16(), snippet(&response.body)));
        };
        // `formulier`: nothing for this browser.
        if matches!(row.req, Req::EchoOwn | Req::EchoOf(_)) && value.is_null() {
            return Got::NotFound;
        }
        // A refusal inside the form outcome: "this officer serves another municipality".
        if value.get("Invalid").is_some_and(|e| e.to_string().contains("NotYourMunicipality")) {
            return Got::Forbidden;
        }
        return Got::Ok;
    }
    match serde_json::from_str::<AppError>(&response.body) {
        Ok(AppError::Unauthorized) => Got::Unauthorized,
        Ok(AppError::Forbidden) => Got::Forbidden,
        Ok(AppError::NotFound) => Got::NotFound,
        Ok(other) => Got::Other(format!("{} {other:?}", status.as_u16())),
        Err(_) if status.as_u16() == 404 => Got::Other("no such server function (404)".into()),
        Err(_) => Got::Other(format!("{} {}", status.as_u16(), snippet(&response.body))),
    }
}

fn class_page(response: &TestResponse) -> Got {
    match response.status.as_u16() {
        200..=299 => Got::Ok,
        300..=399 if response.header("location").is_some_and(|l| l.starts_with("/inloggen")) => Got::Unauthorized,
        300..=399 => Got::Ok,
        401 => Got::Unauthorized,
        403 => Got::Forbidden,
        404 => Got::NotFound,
        other => Got::Other(format!("{other} {}", snippet(&response.body))),
    }
}

fn class(row: &Row, id: Id, response: &TestResponse) -> Got {
    let got = match row.kind {
        Kind::ServerFn => class_server_fn(row, response),
        Kind::Page | Kind::Plain => class_page(response),
    };
    if got != Got::Ok {
        return got;
    }
    for (secret, what, allowed) in LEAKS {
        if !allowed.contains(&id) && response.body.contains(secret) {
            return Got::Other(format!("Ok, but shows {what}"));
        }
    }
    match &row.check {
        Some(check) => check(id, response).map(|()| Got::Ok).unwrap_or_else(|why| Got::Other(format!("Ok, but {why}"))),
        None => Got::Ok,
    }
}

/// With `AUTHZ_VERBOSE=1` every cell is printed, with what a server function's answer held.
fn verbose() -> bool {
    std::env::var("AUTHZ_VERBOSE").is_ok_and(|v| v == "1")
}

fn detail(response: &TestResponse) -> String {
    match serde_json::from_str::<Value>(&response.body) {
        Ok(Value::Object(map)) if map.contains_key("Invalid") => format!("Invalid {}", map["Invalid"]),
        Ok(Value::Object(map)) if map.contains_key("Done") => "Done".into(),
        _ => format!("{} {}", response.status.as_u16(), snippet(&response.body)),
    }
}

async fn run_cell(world: &mut World, row: &Row, id: Id) -> (Got, String) {
    let index = IDS.iter().position(|i| *i == id).expect("identity");
    let outcome = |response: Result<TestResponse, String>| match response {
        Ok(response) => (class(row, id, &response), detail(&response)),
        Err(why) => (Got::Other(why.clone()), why),
    };
    if row.writes {
        let copy = fork(&world.app).await;
        let mut client = copy.client_from(id.ip());
        client.cookies = world.clients[index].cookies.clone();
        let result = outcome(send(&mut client, row).await);
        copy.store.close().await;
        result
    } else {
        let client = &mut world.clients[index];
        outcome(send(client, row).await)
    }
}

// ---------------------------------------------------------------------------------------------
// The tests.

/// Route listing runs the app with resource loading suppressed process-wide (leptos issue 4773),
/// which could stall a page being rendered at the same moment: the two tests take turns.
static SERIAL: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// `/consultaties/:slug` → `/consultaties/{slug}`.
fn axum_style(path: &str) -> String {
    path.split('/')
        .map(|segment| match segment.strip_prefix(':') {
            Some(name) => format!("{{{name}}}"),
            None => segment.to_string(),
        })
        .collect::<Vec<_>>()
        .join("/")
}

fn compare(what: &str, existing: &BTreeSet<String>, listed: &BTreeSet<String>, problems: &mut Vec<String>) {
    for path in existing.difference(listed) {
        problems.push(format!("{what} {path} has no row in the authorization table"));
    }
    for path in listed.difference(existing) {
        problems.push(format!("the table has a row for {what} {path}, which does not exist"));
    }
}

#[tokio::test]
async fn every_route_has_a_row() {
    let _turn = SERIAL.lock().await;
    let rows = table(&W::default());
    let listed = |kind: Kind| -> BTreeSet<String> { rows.iter().filter(|r| r.kind == kind).map(|r| r.path.to_string()).collect() };
    let mut problems = Vec::new();

    let mut methods = Vec::new();
    let functions: BTreeSet<String> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| {
            if method != axum::http::Method::POST {
                methods.push(format!("{path} is called with {method}; the matrix calls server functions with POST"));
            }
            path.to_string()
        })
        .collect();
    problems.extend(methods);
    compare("server function", &functions, &listed(Kind::ServerFn), &mut problems);

    let pages: BTreeSet<String> = leptos_axum::generate_route_list(app::app::App).iter().map(|r| axum_style(r.path())).collect();
    compare("page", &pages, &listed(Kind::Page), &mut problems);

    let source = include_str!("../src/routes.rs");
    let plain: BTreeSet<String> = source.split(".route(\"").skip(1).filter_map(|rest| rest.split('"').next()).map(str::to_string).collect();
    assert!(!plain.is_empty(), "no .route(\"…\") found in server/src/routes.rs");
    compare("plain route", &plain, &listed(Kind::Plain), &mut problems);

    println!(
        "inventory: {} server functions, {} pages, {} plain routes; {} problems",
        functions.len(),
        pages.len(),
        plain.len(),
        problems.len()
    );
    assert!(problems.is_empty(), "the authorization table is out of date:\n  {}", problems.join("\n  "));
}

#[tokio::test]
async fn authorization_matrix() {
    // Each writing cell runs on a copy of the world's SQLite file (`VACUUM INTO`); the roles are
    // checked in the services, the same on either database.
    if sqlite_only("the matrix copies the SQLite file for every writing cell") {
        return;
    }
    let _turn = SERIAL.lock().await;
    let started = std::time::Instant::now();
    // Every statement the pages, server functions and routes run, for the query plan check below.
    let queries = plans::capture();
    let mut world = world().await;
    let rows = table(&world.w);
    let mut failures: Vec<(String, Vec<String>)> = Vec::new();
    let mut matched = 0;
    for row in &rows {
        let mut wrong = Vec::new();
        for (index, id) in IDS.into_iter().enumerate() {
            let want = row.want[index];
            let (got, detail) = run_cell(&mut world, row, id).await;
            if verbose() {
                println!("{:<60} {:<11} {:<12} {:<40} {detail}", row.label(), id.name(), want.to_string(), got.to_string());
            }
            if want.admits(&got) {
                matched += 1;
            } else {
                wrong.push(format!("{:<11} expected {:<12} got {got}", id.name(), want.to_string()));
            }
        }
        if !wrong.is_empty() {
            failures.push((row.label(), wrong));
        }
    }
    let cells = rows.len() * IDS.len();
    for note in &world.notes {
        println!("note: {note}");
    }
    for (label, wrong) in &failures {
        println!("{label}");
        for line in wrong {
            println!("    {line}");
        }
    }
    println!(
        "authorization matrix: {} rows × {} identities = {cells} cells, {matched} as expected, {} not ({} rows) in {:.1}s",
        rows.len(),
        IDS.len(),
        cells - matched,
        failures.len(),
        started.elapsed().as_secs_f64()
    );
    assert_eq!(matched, cells, "{} cells differ from the authorization table (listed above)", cells - matched);
    // Issue 19: none of them walks a whole table that grows with the other consultations.
    plans::assert_no_full_scans(&world.app.store, &queries, 100).await;
}
