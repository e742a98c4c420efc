-- +goose Up
-- The memory of a language pair is read in id order: the whole of it when a
-- replica builds its index, and id ranges when one catches its snapshot up.
-- With an index on the pair alone PostgreSQL sorted the pair again for each
-- range. This one serves both, and its prefix serves what the old one did.
CREATE INDEX IF NOT EXISTS idx_memory_pair_id ON memory_entries(source_lang, target_lang, id);
DROP INDEX IF EXISTS idx_memory_pair;
