### main
# Inspraak: interface text, English. Keep the same messages and placeholders as nl/.

## The word for the executive that answers (see the Dutch file).
-college = executive

lang-name = English
site-name = Inspraak
site-tagline = Comment on draft policy and follow what is done with it
skip-to-content = Skip to content
nav-label = Main menu
nav-home = Consultations
nav-officer = Manage
nav-login = Log in
nav-logout = Log out
nav-track = Track your comment
switch-language = Nederlands
footer-privacy = Names and e-mail addresses of residents are never published and are erased on request.
home-title = Consultations
home-intro = Read draft policy here and comment paragraph by paragraph. Every comment gets an answer.
home-empty = There are no consultations yet.
period-open = Comments are open until { $date } inclusive.
period-not-yet = Comments open on { $date }.
period-closed = The comment period closed on { $date }.
period-range = { $from } to { $to } inclusive
toc-title = Contents
document-label = Text of the document
count-comments =
    { $n ->
        [one] 1 comment
       *[other] { $n } comments
    }
comment-on-block = Comment
comment-on-block-sr = Comment on { $label }
comment-on-document = Comment on the document as a whole
comment-form-title = Your comment on { $label }
comment-form-title-document = Your comment on the document as a whole
label-body = Your comment
hint-body = Required. At most { $max } characters.
label-name = Name (optional)
label-show-name = My name may appear in the response document
label-organisation = Commenting on behalf of an organisation? Its name (optional)
hint-organisation = Organisations are named in the response document.
label-email = E-mail address (optional)
hint-email = Only to tell you what was done with your comment. Never published.
label-consent = I consent to the use of my name and e-mail address for processing my comment.
privacy-notice = Your name and e-mail address are stored separately, never published (unless you allow it for your name), and erased on request.
submit-comment = Send comment
sending = Sending…
close-form = Close
form-has-errors = Please check the fields with a message.
receipt-title = Thank you, your comment was received
receipt-code = Your tracking code
receipt-keep = Keep this code. With it you can later see what was done with your comment.
receipt-link = See your comment and the answer
form-closed = You cannot comment on this document now.
late = received after the deadline
track-title = Track your comment
track-intro = Enter the tracking code you received after sending your comment.
track-code-label = Tracking code
track-lookup = Look up
track-your-comment = Your comment
track-about = About
track-received-on = Received on
track-status = Status
track-no-answer = There is no answer yet. Once the answer is final, you can read it here.
track-code-unknown = We do not know this tracking code. Check the code and try again.
not-found-title = Page not found
not-found-text = This page does not exist (any more). Check the address or go to the list of consultations.
error-title = Something went wrong
error-generic = Something went wrong on our side. Your input is not lost; please try again shortly.
error-forbidden = You do not have access to this page.
error-unauthorized = Please log in to continue.
error-rate-limited = Too many requests in a short time. Wait a minute and try again.
login-title = Staff log in
label-login-email = E-mail address
label-password = Password
login-submit = Log in
officer-title = Manage
officer-consultations = Consultations
officer-comments = Comments
officer-logged-in-as = Logged in as { $name }
new-consultation = New consultation
label-title = Title
label-slug = Short name in the web address
hint-slug = Lowercase letters, digits and dashes, for example regional-vision-2027.
label-description = Description (optional)
label-opens = Comments open on
label-closes = Comments close after
label-file = Draft document
hint-file = Word (.docx, at most 20 MB), Markdown (.md) or plain text (.txt, at most 5 MB).
create-submit = Create consultation
answer-saved-import = The consultation was created and the document imported.
import-left-out = Left out of the Word document: { $parts }. Check the text and add yourself what residents need to read.
left-out-images =
    { $n ->
        [one] 1 image
       *[other] { $n } images
    }
left-out-charts =
    { $n ->
        [one] 1 chart or diagram
       *[other] { $n } charts and diagrams
    }
left-out-text-boxes =
    { $n ->
        [one] 1 text box
       *[other] { $n } text boxes
    }
left-out-comments =
    { $n ->
        [one] 1 comment
       *[other] { $n } comments
    }
left-out-tracked-deletions =
    { $n ->
        [one] 1 tracked deletion
       *[other] { $n } tracked deletions
    }
left-out-equations =
    { $n ->
        [one] 1 equation
       *[other] { $n } equations
    }
left-out-embedded-objects =
    { $n ->
        [one] 1 embedded object
       *[other] { $n } embedded objects
    }
left-out-table-of-contents =
    { $n ->
        [one] 1 table of contents line
       *[other] { $n } table of contents lines
    }
view-public-page = Public page
view-report = Response document
count-unanswered = { $n } not yet answered
count-without-final = { $n } without a final answer
comments-by-section = Comments by chapter and paragraph
no-comments-yet = There are no comments yet.
label-answer = Answer
hint-answer = Markdown formatting is allowed (*italic*, **bold**, lists).
label-status = Processing
choose-status = Choose a status
label-processed-where = Processed in (optional)
hint-processed-where = Where in the new version, for example: chapter 5.a, paragraph 2.
label-state = State of the answer
save-answer = Save answer
answer-saved = Answer saved as a new revision.
history = Earlier revisions of the answer
revision = Revision { $n }, { $who }, { $when }
sender-private = Personal data (not public)
answer-state-draft = draft
answer-state-final = final
report-title = Response document
report-period = Comment period: { $from } to { $to } inclusive
report-summary =
    { $n ->
        [one] 1 comment received.
       *[other] { $n } comments received.
    }
report-summary-with-parts =
    { $n ->
        [one] 1 comment received
       *[other] { $n } comments received
    }, of which { $parts }.
whole-document = Comments on the document as a whole
front-matter = Title page
answer = Answer
processed-where = Processed in
not-yet-answered = Not yet answered
anonymous-sender = Respondent
download-markdown = Download as Markdown
status-processed = processed
status-partly-processed = partly processed
status-not-processed = not processed
status-implementation-plan = taken into the implementation plan
status-noted = noted
status-out-of-scope = outside the scope
block-kind-paragraph = paragraph
block-kind-list = list
block-kind-table = table
block-kind-quote = quote
block-kind-code = code
block-kind-footnote = footnote
label-chapter = Chapter
label-annex = Annex
label-part = Part
label-start = Start
label-paragraph-of = { $section }, paragraph { $n }
label-paragraph = Paragraph { $n }
label-footnote = footnote { $label }
month-january = January
month-february = February
month-march = March
month-april = April
month-may = May
month-june = June
month-july = July
month-august = August
month-september = September
month-october = October
month-november = November
month-december = December
field-error-required = This field is required.
field-error-unknown-tracking-code = We do not know this tracking code. Check the code and try again.
field-error-too-long = Use at most { $max } characters.
field-error-too-short = Use at least { $min } characters.
field-error-invalid-email = Enter a valid e-mail address, such as name@example.org.
field-error-consent-required = Give consent, or leave name and e-mail address empty.
field-error-invalid-slug = Use only lowercase letters, digits and single dashes.
field-error-slug-taken = This short name is already in use.
field-error-invalid-date = Enter a date as yyyy-mm-dd.
field-error-closes-before-opens = The closing date is before the opening date.
field-error-unknown-block = This paragraph does not exist in this document.
field-error-invalid-status = Choose a status from the list.
field-error-not-yet-open = Comments are not open yet.
field-error-invalid-credentials = E-mail address or password is incorrect.
field-error-too-many-requests = Many comments were sent in a short time. Wait a minute, then send your comment again.
field-error-import-empty = The file is empty.
field-error-import-too-large = The file is larger than { $max_mb } MB.
field-error-import-not-text = This is not a text file (Markdown or plain text).
field-error-import-no-content = The file contains no text to comment on.
field-error-import-word-not-docx = This file is not a Word document (.docx). Save it in Word as a Word document and try again.
field-error-import-word-encrypted = This Word document is protected with a password. Remove the protection and try again.
field-error-import-word-old-format = This is an old Word file (.doc). Save it in Word as a Word document (.docx) and try again.
field-error-import-word-macros = This Word document contains macros and is therefore not imported. Save it as a plain Word document (.docx).
field-error-import-word-damaged = This Word document is damaged and cannot be read. Save it again in Word.
field-error-unsupported-file-type = Choose a file ending in .docx, .md or .txt.
field-error-not-a-pdf = This is not a PDF file. Save the letter as a PDF and choose that file.
field-error-not-a-logo = This is not a PNG or JPEG image. Choose the logo as a PNG or JPEG.
field-error-too-many = Choose at most { $max }.
field-error-invalid-phase = Choose a phase from the list.
field-error-phase-not-forward = Choose a later phase: a consultation only moves forward.
field-error-date-before-previous-phase = This date is before the start of the current phase.
field-error-passwords-differ = The two passwords are not the same.
field-error-invite-unknown = This invitation link does not exist. Ask the municipality for a new one.
field-error-invite-expired = This invitation link has expired. Ask the municipality for a new one.
field-error-invite-used = This invitation link has been used. Log in with your e-mail address and password.
field-error-email-taken = There already is an account with this e-mail address.
field-error-council-not-asked = This council was not asked for advice on this consultation.
field-error-advice-empty = The advice has no points yet. Add a point first.
field-error-already-submitted = This advice has been submitted. Start a correction to change it.
field-error-advice-closed = The advice round is not open: advice cannot be given now.
field-error-report-without-points = This report has no list. Put each point on a line starting with a dash.
field-error-no-point-chosen = Choose at least one point.
field-error-answers-not-final = Not every point has a final answer yet.
field-error-changed-meanwhile = A colleague changed this answer meanwhile. Reload the page and see whether your change is still needed.
field-error-not-for-review = This answer is not (or no longer) waiting for review.
field-error-own-answer = You cannot approve your own answer. Ask a colleague.
field-error-reason-required = The { -college } adopted the answers. Give the reason for the change.
field-error-answers-not-approved =
    { $open ->
        [one] 1 reaction has no approved answer yet.
       *[other] { $open } reactions have no approved answer yet.
    } Adoption needs every answer approved.
field-error-nothing-to-adopt = There are no new approved answers to adopt.
field-error-no-reactions-chosen = Choose at least two reactions.
field-error-date-in-future = This date is in the future.
field-error-invalid-role = Choose a role: officer, reviewer or admin.
field-error-own-role = You cannot change your own role. Ask another admin.
field-error-last-admin = There must always be an admin. Make someone else admin first.
field-error-erasure-not-confirmed = Tick the box to have your details erased.
field-error-council-is-drafting = The council is writing its own draft; wait until it is submitted.
field-error-not-your-municipality = This advice is answered by the officers of another municipality.
list-and = { $first } and { $last }
