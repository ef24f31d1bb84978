-- A block's label as a structure (JSON of domain::label::BlockLabel: section and paragraph or
-- footnote), so that each interface language puts it in its own words ("Hoofdstuk 8, alinea 1",
-- "Chapter 8, paragraph 1"). The Dutch text in `label` stays: search and older rows use it.
-- NULL for blocks imported before this migration: they are read from `label` instead.
ALTER TABLE blocks ADD COLUMN label_parts TEXT;
