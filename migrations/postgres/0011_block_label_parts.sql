-- PostgreSQL twin of migrations/sqlite/0011_block_label_parts.sql: a block's label as a
-- structure (JSON text), NULL for blocks imported before it (read from `label` instead).
ALTER TABLE blocks ADD COLUMN label_parts TEXT;
