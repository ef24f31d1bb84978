### outcome
# Inspraak: interface text, English. Keep the same messages and placeholders as nl/.

outcome-link = What was done with the reactions?
outcome-title = What was done with the reactions to { $title }?
outcome-intro = Per chapter: how many reactions came in, what became of them and how the { -college } answered. Answers appear here once approved.
outcome-whole-document = The document as a whole
outcome-reactions =
    { $n ->
        [one] 1 reaction
       *[other] { $n } reactions
    }
outcome-unanswered = { $n } not yet answered
outcome-answers-title = Answers
outcome-answer-for =
    { $n ->
        [one] answer to 1 reaction
       *[other] answer to { $n } reactions
    }
outcome-changed-at = Changed in the document
outcome-no-answers-yet = No answers have been published here yet.
outcome-full-report = The full response document, with every reaction
outcome-statuses-label = What became of them
