//! Mail to residents in words: the receipt, the adopted answer, the lost codes and the erasure
//! link, each in the resident's language.

use crate::domain::mail::{AnswerFacts, CodeLine, Mail, MailKind, MailLinks};
use crate::i18n_mail::MailMessages;

/// The receipt: the code, the tracking link and the confirmation link.
pub fn receipt(t: &MailMessages, name: Option<&str>, title: &str, code: &str, links: &MailLinks, confirm: &str) -> Mail {
    let body = [
        (t.greeting)(name),
        (t.receipt_thanks)(title),
        format!("{}: {code}", t.code_label),
        format!("{}\n{}", t.track_link_intro, links.track),
        format!("{}\n{confirm}\n{}", t.confirm_intro, t.confirm_why),
        footer(t, &links.unsubscribe),
    ]
    .join("\n\n");
    Mail { kind: MailKind::Receipt, subject: (t.receipt_subject)(title), body }
}

/// The one message when the college adopted the answer, with the answer in it.
pub fn answer_notice(t: &MailMessages, name: Option<&str>, facts: &AnswerFacts, links: &MailLinks) -> Mail {
    let mut parts = vec![
        (t.greeting)(name),
        (t.answer_intro)(facts.title, facts.code),
        format!("{}: {}", t.status_label, facts.status),
        format!("{}\n\n{}", t.answer_label, facts.answer.trim()),
    ];
    if let Some(place) = facts.processed_where {
        parts.push(format!("{}: {place}", t.processed_where_label));
    }
    parts.push(format!("{}\n{}", t.track_link_intro, links.track));
    parts.push(format!("{}\n{}", t.outcome_intro, facts.outcome_url));
    parts.push(footer(t, &links.unsubscribe));
    Mail { kind: MailKind::Answer, subject: (t.answer_subject)(facts.title), body: parts.join("\n\n") }
}

/// Every tracking code of the address, asked for on the lost-code form.
pub fn codes(t: &MailMessages, lines: &[CodeLine], unsubscribe: &str) -> Mail {
    let list: Vec<String> = lines.iter().map(|l| format!("- {}: {}\n  {}", l.title, l.code, l.track_url)).collect();
    let body =
        [(t.greeting)(None), t.codes_intro.to_string(), list.join("\n"), t.not_asked.to_string(), footer(t, unsubscribe)].join("\n\n");
    Mail { kind: MailKind::Codes, subject: t.codes_subject.to_string(), body }
}

/// The link that confirms an erasure request.
pub fn erasure(t: &MailMessages, title: &str, erase: &str, links: &MailLinks) -> Mail {
    let body = [
        (t.greeting)(None),
        (t.erase_intro)(title),
        format!("{}\n{erase}", t.erase_link_intro),
        t.erase_what.to_string(),
        t.not_asked.to_string(),
        footer(t, &links.unsubscribe),
    ]
    .join("\n\n");
    Mail { kind: MailKind::Erasure, subject: t.erase_subject.to_string(), body }
}

fn footer(t: &MailMessages, unsubscribe: &str) -> String {
    format!("-- \n{}\n{unsubscribe}\n{}", t.unsubscribe_intro, t.privacy_note)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n_mail::{EN, NL};

    fn links() -> MailLinks {
        MailLinks { track: "https://inspraak.example/volg/K7M2Q-9XB4T".into(), unsubscribe: "https://inspraak.example/afmelden/abc".into() }
    }

    #[test]
    fn the_receipt_carries_code_links_and_unsubscribe() {
        let mail = receipt(&NL, Some("Jan"), "Visie op de wijk", "K7M2Q-9XB4T", &links(), "https://inspraak.example/bevestigen/x");
        assert_eq!(mail.kind, MailKind::Receipt);
        assert!(mail.subject.contains("Visie op de wijk"), "{}", mail.subject);
        for needle in ["Beste Jan", "K7M2Q-9XB4T", "/volg/K7M2Q-9XB4T", "/bevestigen/x", "/afmelden/abc"] {
            assert!(mail.body.contains(needle), "{needle} in {}", mail.body);
        }
        let english = receipt(&EN, None, "Vision", "K7M2Q-9XB4T", &links(), "https://x/bevestigen/x");
        assert!(english.body.starts_with("Dear resident"), "{}", english.body);
    }

    #[test]
    fn the_answer_notice_quotes_the_answer() {
        let facts = AnswerFacts {
            title: "Visie op de wijk",
            code: "K7M2Q-9XB4T",
            status: "Overgenomen",
            answer: "We passen **alinea 3** aan.\n",
            processed_where: Some("paragraaf 2.1"),
            outcome_url: "https://inspraak.example/consultaties/visie/resultaat",
        };
        let mail = answer_notice(&NL, None, &facts, &links());
        for needle in ["Beste inspreker", "We passen **alinea 3** aan.", "Overgenomen", "paragraaf 2.1", "/resultaat", "/afmelden/abc"] {
            assert!(mail.body.contains(needle), "{needle} in {}", mail.body);
        }
    }

    #[test]
    fn the_codes_message_lists_every_code() {
        let lines = vec![
            CodeLine { title: "Visie A".into(), code: "AAAAA-BBBBB".into(), track_url: "https://x/volg/AAAAA-BBBBB".into() },
            CodeLine { title: "Visie B".into(), code: "CCCCC-DDDDD".into(), track_url: "https://x/volg/CCCCC-DDDDD".into() },
        ];
        let mail = codes(&NL, &lines, "https://x/afmelden/y");
        assert!(mail.body.contains("AAAAA-BBBBB") && mail.body.contains("CCCCC-DDDDD") && mail.body.contains("/afmelden/y"));
        let erase = erasure(&NL, "Visie A", "https://x/wissen/z", &links());
        assert!(erase.body.contains("/wissen/z") && erase.body.contains("/afmelden/abc"));
    }
}
