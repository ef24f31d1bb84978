### mail
# Inspraak: interface text, English. Keep the same messages and placeholders as nl/.

mail-greeting = Dear { $name },
mail-greeting-anonymous = Dear resident,
mail-receipt-subject = Your reaction to { $title } was received
mail-receipt-thanks = Thank you for your reaction to “{ $title }”. We have received it.
mail-code-label = Your tracking code
mail-track-link-intro = Your reaction and, once it is there, the { -college }'s answer:
mail-confirm-intro = Would you like a message when the answer is there? Then confirm your e-mail address:
mail-confirm-why = Without confirmation we send you no further e-mail.
mail-answer-subject = The { -college } answered your reaction to { $title }
mail-answer-intro = The { -college } has adopted the answers to the reactions to “{ $title }”. This is the answer to your reaction (tracking code { $code }).
mail-status-label = What becomes of your reaction
mail-answer-label = The answer:
mail-processed-where-label = Processed in
mail-outcome-intro = What was done with all reactions:
mail-codes-subject = Your tracking codes
mail-codes-intro = You asked for your tracking codes. These are the reactions you gave with this e-mail address:
mail-erase-subject = Confirm the erasure of your details
mail-erase-intro = You asked us to erase your name and e-mail address from your reaction to “{ $title }”.
mail-erase-link-intro = Open this link and confirm the erasure (the link works for a week):
mail-erase-what = Your reaction stays, without a name, as “Inspreker” with a number. After that you get no more e-mail about this reaction.
mail-not-asked = Did you not ask for this? Then there is nothing you need to do.
mail-unsubscribe-intro = No more e-mail from us about your reactions?
mail-privacy-note = Your name and e-mail address are never published. You can erase them on the tracking page of your reaction.
