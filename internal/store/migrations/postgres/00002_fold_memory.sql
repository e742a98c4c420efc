-- +goose Up
-- On SQLite, migration 2 fills memory_entries.folded for entries written
-- before the column existed. Every PostgreSQL database was made with the
-- column, and the store folds in Go before it writes (fold, sqlite_fold.go),
-- so there is nothing to fill: this version only keeps the numbers of the
-- two dialects in step.
SELECT 1;
