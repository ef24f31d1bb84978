//! Behaviour of `match_versions` on small hand-made revisions.

use inspraak_matching::{Block, BlockKind, CONFIDENT, Change, DiffKind, VersionMapping, match_versions, word_diff};

const P: [&str; 8] = [
    "Huiselijk geweld is het grootste geweldsprobleem in onze samenleving en treft jaarlijks vele duizenden kinderen en volwassenen in de regio.",
    "De aanpak van huiselijk geweld is een complexe opgave waarin gemeenten, zorgpartners, politie en justitie ieder een eigen rol hebben.",
    "Gemeenten voeren de regie op de aanpak en maken afspraken over regionale en lokale verantwoordelijkheden en de inzet van middelen.",
    "Preventie begint bij voorlichting op scholen, in wijkteams en bij huisartsen, zodat signalen eerder worden herkend en besproken.",
    "Veilig Thuis is het advies- en meldpunt voor huiselijk geweld en kindermishandeling en werkt nauw samen met de lokale teams.",
    "Bij acuut en structureel onveilige situaties wordt een multidisciplinaire aanpak ingezet met een vaste regisseur per gezin.",
    "Voor ouderenmishandeling vragen we extra aandacht omdat signalen vaak laat worden opgemerkt door mantelzorgers en professionals.",
    "Aan het einde van de looptijd wordt een evaluatie uitgevoerd waarbij cliënten, gemeenten en regiopartners worden betrokken.",
];

fn heading(level: u8, text: &str) -> Block {
    Block::new(BlockKind::Heading(level), text)
}

/// Title, two sections with four paragraphs each.
fn document() -> Vec<Block> {
    let mut blocks = vec![heading(1, "Regiovisie huiselijk geweld"), heading(2, "1 Aanpak")];
    blocks.extend(P[..4].iter().map(|t| Block::paragraph(*t)));
    blocks.push(heading(2, "2 Uitvoering"));
    blocks.extend(P[4..].iter().map(|t| Block::paragraph(*t)));
    blocks
}

fn only_target(mapping: &VersionMapping, old: usize) -> usize {
    let targets = mapping.targets_of(old);
    assert_eq!(targets.len(), 1, "old {old}: {targets:?}");
    targets[0].0
}

fn change_of(mapping: &VersionMapping, old: usize) -> Change {
    mapping.match_of_old(old).map(|m| m.change).expect("every old block has a match")
}

/// Every old and every new block occurs in exactly one match.
fn assert_partition(mapping: &VersionMapping, old_len: usize, new_len: usize) {
    let mut old_seen = vec![0; old_len];
    let mut new_seen = vec![0; new_len];
    for m in &mapping.matches {
        m.old.iter().for_each(|&i| old_seen[i] += 1);
        m.new.iter().for_each(|&j| new_seen[j] += 1);
        assert!((0.0..=1.0).contains(&m.confidence));
    }
    assert!(old_seen.iter().all(|&c| c == 1), "old: {old_seen:?}");
    assert!(new_seen.iter().all(|&c| c == 1), "new: {new_seen:?}");
}

#[test]
fn identical_versions_are_unchanged_and_confident() {
    let doc = document();
    let mapping = match_versions(&doc, &doc);
    assert_partition(&mapping, doc.len(), doc.len());
    for i in 0..doc.len() {
        assert_eq!(only_target(&mapping, i), i);
        assert_eq!(change_of(&mapping, i), Change::Unchanged);
        assert!(mapping.is_confident(i), "block {i}");
    }
    assert!(mapping.review_list().is_empty());
}

#[test]
fn whitespace_and_case_changes_still_match_exactly() {
    let doc = document();
    let mut new = doc.clone();
    new[3].text = format!("  {}  ", new[3].text.to_uppercase().replace(' ', "\n"));
    let mapping = match_versions(&doc, &new);
    assert_eq!(only_target(&mapping, 3), 3);
    assert!(mapping.is_confident(3));
    assert_eq!(change_of(&mapping, 3), Change::Changed);
}

#[test]
fn reworded_paragraph_is_changed_and_confident() {
    let doc = document();
    let mut new = doc.clone();
    new[4].text = "Gemeenten voeren samen de regie op de brede aanpak en maken heldere afspraken over regionale en lokale taken en de inzet van middelen.".into();
    let mapping = match_versions(&doc, &new);
    assert_partition(&mapping, doc.len(), new.len());
    assert_eq!(only_target(&mapping, 4), 4);
    assert_eq!(change_of(&mapping, 4), Change::Changed);
    assert!(mapping.is_confident(4));
    let evidence = mapping.match_of_old(4).map(|m| m.evidence).expect("match");
    assert!(evidence.quote < 1.0 && evidence.quote > 0.5, "{evidence:?}");
}

#[test]
fn moved_section_is_found_and_marked_moved() {
    let doc = document();
    // Swap the two sections: title, section 2 (5 blocks), section 1 (5 blocks).
    let mut new = vec![doc[0].clone()];
    new.extend_from_slice(&doc[6..]);
    new.extend_from_slice(&doc[1..6]);
    let mapping = match_versions(&doc, &new);
    assert_partition(&mapping, doc.len(), new.len());
    for (i, block) in doc.iter().enumerate() {
        let j = only_target(&mapping, i);
        assert_eq!(new[j], *block, "old {i}");
        assert!(mapping.is_confident(i), "old {i}");
    }
    let moved = (0..doc.len()).filter(|&i| change_of(&mapping, i) == Change::Moved).count();
    assert_eq!(moved, 5, "the smaller side of the swap counts as moved");
}

#[test]
fn split_paragraph_maps_to_both_parts() {
    let doc = document();
    let mut new = doc.clone();
    new[7] = Block::paragraph("Veilig Thuis is het advies- en meldpunt voor huiselijk geweld en kindermishandeling.");
    new.insert(8, Block::paragraph("Het werkt nauw samen met de lokale teams."));
    let mapping = match_versions(&doc, &new);
    assert_partition(&mapping, doc.len(), new.len());
    assert_eq!(change_of(&mapping, 7), Change::Split);
    let targets: Vec<usize> = mapping.targets_of(7).iter().map(|t| t.0).collect();
    assert_eq!(targets, vec![7, 8]);
    assert!(mapping.is_confident(7));
    assert_eq!(only_target(&mapping, 8), 9);
}

#[test]
fn merged_paragraphs_map_to_one_block() {
    let doc = document();
    let mut new = doc.clone();
    new[2] = Block::paragraph(format!("{} {}", P[0], P[1]));
    new.remove(3);
    let mapping = match_versions(&doc, &new);
    assert_partition(&mapping, doc.len(), new.len());
    assert_eq!(change_of(&mapping, 2), Change::Merged);
    assert_eq!(only_target(&mapping, 2), 2);
    assert_eq!(only_target(&mapping, 3), 2);
    assert!(mapping.is_confident(2) && mapping.is_confident(3));
    assert_eq!(only_target(&mapping, 4), 3);
}

#[test]
fn inserted_paragraph_is_new() {
    let doc = document();
    let mut new = doc.clone();
    new.insert(5, Block::paragraph("Daarnaast investeren we in digitale hulpmiddelen voor jongeren die online hulp zoeken."));
    let mapping = match_versions(&doc, &new);
    assert_partition(&mapping, doc.len(), new.len());
    assert_eq!(mapping.match_of_new(5).map(|m| m.change), Some(Change::New));
    for i in 0..doc.len() {
        let expected = if i < 5 { i } else { i + 1 };
        assert_eq!(only_target(&mapping, i), expected);
        assert_eq!(change_of(&mapping, i), Change::Unchanged);
        assert!(mapping.is_confident(i));
    }
}

#[test]
fn deleted_paragraph_is_removed_and_reviewed() {
    let doc = document();
    let mut new = doc.clone();
    new.remove(8);
    let mapping = match_versions(&doc, &new);
    assert_partition(&mapping, doc.len(), new.len());
    assert_eq!(change_of(&mapping, 8), Change::Removed);
    assert!(mapping.targets_of(8).is_empty());
    assert!(!mapping.is_confident(8));
    assert_eq!(mapping.review_list(), vec![8]);
    assert_eq!(only_target(&mapping, 9), 8);
}

#[test]
fn duplicate_paragraphs_follow_their_own_place() {
    let repeated = "Zie ook de begrippenlijst in bijlage 1.";
    let mut doc = document();
    doc.insert(4, Block::paragraph(repeated));
    doc.insert(10, Block::paragraph(repeated));
    // Move the second section (with its copy) before the first one.
    let mut new = vec![doc[0].clone()];
    new.extend_from_slice(&doc[7..]);
    new.extend_from_slice(&doc[1..7]);
    let mapping = match_versions(&doc, &new);
    assert_partition(&mapping, doc.len(), new.len());
    let first = only_target(&mapping, 4);
    let second = only_target(&mapping, 10);
    assert_eq!(new[first - 1], doc[3], "first copy keeps its predecessor");
    assert_eq!(new[second - 1], doc[9], "second copy keeps its predecessor");
    // Wherever the engine is confident, it is right.
    for i in 0..doc.len() {
        if mapping.is_confident(i) {
            assert_eq!(new[only_target(&mapping, i)], doc[i]);
        }
    }
}

#[test]
fn ambiguous_duplicate_without_context_is_not_confident() {
    let old = vec![Block::paragraph("Akkoord."), Block::paragraph("Akkoord.")];
    let new = vec![Block::paragraph("Akkoord.")];
    let mapping = match_versions(&old, &new);
    assert_partition(&mapping, 2, 1);
    assert!(!mapping.is_confident(0) || !mapping.is_confident(1));
    assert!(mapping.matches.iter().all(|m| m.old.len() <= 1 || m.change == Change::Merged));
}

#[test]
fn empty_documents() {
    let doc = document();
    let none: Vec<Block> = Vec::new();
    assert!(match_versions(&none, &none).matches.is_empty());
    let all_new = match_versions(&none, &doc);
    assert_partition(&all_new, 0, doc.len());
    assert!(all_new.matches.iter().all(|m| m.change == Change::New));
    let all_removed = match_versions(&doc, &none);
    assert_partition(&all_removed, doc.len(), 0);
    assert!(all_removed.matches.iter().all(|m| m.change == Change::Removed));
    assert_eq!(all_removed.review_list().len(), doc.len());
    assert!(all_removed.targets_of(0).is_empty());
    assert!(all_removed.targets_of(999).is_empty());
}

#[test]
fn unrelated_rewrite_is_not_mapped_confidently() {
    let doc = document();
    let mut new = doc.clone();
    new[8].text = "Wij zetten in op een landelijk dekkend netwerk van vertrouwenspersonen voor sportverenigingen.".into();
    let mapping = match_versions(&doc, &new);
    assert_partition(&mapping, doc.len(), new.len());
    assert!(!mapping.is_confident(8));
    let confidence = mapping.match_of_old(8).map_or(0.0, |m| m.confidence);
    let removed = change_of(&mapping, 8) == Change::Removed;
    assert!(removed || confidence < CONFIDENT, "{confidence}");
}

#[test]
fn word_diff_marks_changes_for_display() {
    let spans = word_diff("Gemeenten voeren de regie op de aanpak.", "Gemeenten voeren samen de regie op de brede aanpak.");
    let show: String = spans
        .iter()
        .map(|s| match s.kind {
            DiffKind::Equal => s.text.clone(),
            DiffKind::Inserted => format!("<ins>{}</ins>", s.text),
            DiffKind::Deleted => format!("<del>{}</del>", s.text),
        })
        .collect();
    assert_eq!(show, "Gemeenten voeren <ins>samen </ins>de regie op de <ins>brede </ins>aanpak.");
    let replaced = word_diff("een korte tekst", "een lange tekst");
    assert_eq!(replaced.iter().filter(|s| s.kind == DiffKind::Deleted).map(|s| s.text.as_str()).collect::<Vec<_>>(), vec!["korte"]);
    assert_eq!(replaced.iter().filter(|s| s.kind == DiffKind::Inserted).map(|s| s.text.as_str()).collect::<Vec<_>>(), vec!["lange"]);
}
