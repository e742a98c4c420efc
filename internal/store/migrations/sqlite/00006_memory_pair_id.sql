-- +goose Up
-- On PostgreSQL, migration 6 indexes the memory by pair and id. SQLite's
-- index on the pair already ends with the rowid, which is the id, so this
-- version only keeps the numbers of the two dialects in step.
SELECT 1;
