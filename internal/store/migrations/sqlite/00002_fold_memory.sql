-- +goose Up
-- Fill memory_entries.folded where it is empty: the column came after the
-- memory itself, and until versioned migrations every open ran this fix-up.
-- tilmash_fold is the SQL function the store registers on each of its
-- connections (sqlite_fold.go); char(1) is pairSeparator (memory.go).
UPDATE memory_entries
SET folded = tilmash_fold(source) || char(1) || tilmash_fold(target)
WHERE folded IS NULL OR folded = '';
