### versions
# Inspraak: interface text, English. Keep the same messages and placeholders as nl/.

versions-switcher-label = Versions of the document
versions-version = Version { $n }
versions-current = current version
versions-older-notice = You are reading version { $n } of { $date }. This is not the current text; comments go to the current version.
versions-to-current = To the current version
versions-changes-link = What changed in version { $n }?
versions-changes-title = What changed in version { $n }
versions-changes-intro = Version { $to } compared with version { $from }, chapter by chapter. Each changed paragraph says how many reactions and advice points led to the change.
versions-legend = Struck-through text was removed, underlined text was added.
versions-removed-marker = removed:{" "}
versions-added-marker = added:{" "}
versions-unchanged =
    { $n ->
        [one] 1 paragraph unchanged
       *[other] { $n } paragraphs unchanged
    }
versions-no-changes = No paragraph changed in this version.
versions-removed-title = Removed passages
versions-was = was
versions-led-to = Following { $parts }
versions-new-block = new
versions-processed-in = Processed in { $label } (version { $n })
versions-then-and-now = Your paragraph then and now
versions-earlier-heading = { $heading } (version { $n })
versions-panel-title = Versions of the document
versions-imported-on = read in on { $date }
versions-to-review-link =
    { $n ->
        [one] To review: 1 paragraph
       *[other] To review: { $n } paragraphs
    }
versions-new-version-title = Read in a new version
versions-label-name = Name of the version
versions-hint-name = For example: Version for comments.
versions-label-note = What changed
versions-hint-note = Short, for the reader. Optional.
versions-submit = Read in version
versions-imported = Version { $n } was read in. Every reaction and advice point has a place in the new text.
versions-imported-review =
    Version { $n } was read in. For { $review ->
        [one] 1 paragraph
       *[other] { $review } paragraphs
    } the place in the new text is unsure: please review.
versions-review-title = To review
versions-review-intro = Paragraphs of version { $from } with reactions or advice points whose place in version { $to } is unsure, or that are no longer in the text. Confirm the proposed place or choose another.
versions-review-empty = There is nothing to review.
versions-proposal = Proposal: { $label } ({ $pct }% sure)
versions-no-place = No place found in the new version.
versions-confirm = Proposal is right
versions-label-other = Other paragraph
versions-hint-other = Label or anchor of a paragraph in the new version, such as 2.a, paragraph 1.
versions-correct = Link to this paragraph
versions-gone = No longer in the text
versions-label-processed = Processed in paragraphs of version { $n }
versions-hint-processed = Label or anchor, such as 2.a, paragraph 1; several paragraphs separated by a semicolon.
versions-change-unchanged = unchanged
versions-change-changed = changed
versions-change-moved = moved
versions-change-split = split
versions-change-merged = merged
versions-change-removed = removed
versions-reactions =
    { $n ->
        [one] 1 reaction
       *[other] { $n } reactions
    }
versions-points =
    { $n ->
        [one] 1 advice point
       *[other] { $n } advice points
    }
